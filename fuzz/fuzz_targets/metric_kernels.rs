//! The metric kernels from Rust slices, as the Python and JavaScript fronts call them:
//! any doubles (NaN, infinities, fractions), any group codes, any options.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use servex::metrics::{
    ces_grouped, csat, kano, nps, nps_grouped, servqual, CesOptions, CsatOptions, GroupLabel, Groups, Invalid, Matrix,
    NpsOptions, ServqualOptions,
};

#[derive(Arbitrary, Debug)]
struct Input {
    responses: Vec<f64>,
    bytes: Vec<u8>,
    codes: Vec<u32>,
    labels: u8,
    confidence: f64,
    scale: u32,
    top: u32,
    skip: bool,
    columns: u8,
    tolerance: f64,
}

fuzz_target!(|input: Input| {
    let invalid = if input.skip { Invalid::Skip } else { Invalid::Error };
    let nps_options = NpsOptions { confidence: input.confidence, invalid, ..NpsOptions::default() };
    if let Ok(r) = nps(&input.responses, &nps_options) {
        assert!((-100.0..=100.0).contains(&r.score));
    }
    let _ = nps(&input.bytes, &nps_options);
    let _ = csat(
        &input.bytes,
        &CsatOptions {
            scale: input.scale,
            top: input.top,
            confidence: input.confidence,
            invalid,
            ..CsatOptions::default()
        },
    );
    let labels: Vec<GroupLabel> = (0..i64::from(input.labels)).map(GroupLabel::Int).collect();
    if let Ok(groups) = Groups::from_codes(&input.codes, labels) {
        let _ = nps_grouped(&input.responses, &groups, &nps_options);
        let _ =
            ces_grouped(&input.bytes, &groups, &CesOptions { scale: input.scale, invalid, ..CesOptions::default() });
    }
    let columns = usize::from(input.columns % 8) + 1;
    let rows = input.responses.len() / columns;
    let cells = &input.responses[..rows * columns];
    if let (Ok(e), Ok(p)) = (Matrix::new(cells, rows, columns), Matrix::new(cells, rows, columns)) {
        let _ = servqual(&e, &p, &ServqualOptions { tolerance: input.tolerance, ..ServqualOptions::default() });
    }
    let answers: Vec<Option<u8>> = input.bytes.iter().map(|&b| (b != 0).then_some(b % 7)).collect();
    let rows = answers.len() / columns;
    if let Ok(f) = Matrix::new(&answers[..rows * columns], rows, columns) {
        let _ = kano(&f, &f, None);
    }
});
