//! Property tests: no input of the slice API panics, and skipping accounts for every
//! row.

use proptest::prelude::*;

use super::*;

fn response() -> impl Strategy<Value = f64> {
    prop_oneof![(0i32..12).prop_map(f64::from), Just(f64::NAN), Just(f64::INFINITY), Just(-1.5), any::<f64>(),]
}

proptest! {
    #[test]
    fn scale_metrics_never_panic_and_count_every_row(
        values in proptest::collection::vec(response(), 0..60),
        codes in proptest::collection::vec(0u32..5, 0..60),
        scale in 0u32..12,
        top in 0u32..12,
        confidence in -0.5f64..1.5,
    ) {
        let skip = Invalid::Skip;
        let n = NpsOptions { confidence, invalid: skip, ..NpsOptions::default() };
        let c = CsatOptions { scale, top, confidence, invalid: skip, compare: None, funnel: None };
        let e = CesOptions { scale, confidence, invalid: skip, compare: None, funnel: None };
        if let Ok(r) = nps(&values, &n) {
            prop_assert_eq!(r.n + r.skipped, values.len() as u64);
            prop_assert!(r.ci_low <= r.ci_high && r.ci_low >= -100.0 && r.ci_high <= 100.0);
        }
        if let Ok(r) = csat(&values, &c) {
            prop_assert_eq!(r.n + r.skipped, values.len() as u64);
            prop_assert!(r.ci_low <= r.score && r.score <= r.ci_high);
        }
        if let Ok(r) = ces(&values, &e) {
            prop_assert_eq!(r.n + r.skipped, values.len() as u64);
        }
        let labels: Vec<GroupLabel> = (0..4).map(GroupLabel::Int).collect();
        // Codes may be out of range (4): that is an error, never a panic.
        if let Ok(groups) = Groups::from_codes(&codes, labels) {
            if let Ok(r) = nps_grouped(&values, &groups, &n) {
                let total: u64 = r.groups.iter().map(|g| g.result.n + g.result.skipped).sum();
                prop_assert!(total <= values.len() as u64);
            }
            let _ = csat_grouped(&values, &groups, &c);
            let _ = ces_grouped(&values, &groups, &e);
        }
    }

    #[test]
    fn byte_and_float_columns_agree(values in proptest::collection::vec(any::<u8>(), 0..300)) {
        let floats: Vec<f64> = values.iter().map(|&v| f64::from(v)).collect();
        let o = CesOptions { scale: 9, invalid: Invalid::Skip, ..CesOptions::default() };
        prop_assert_eq!(ces(&values, &o), ces(&floats, &o));
    }

    #[test]
    fn matrices_never_panic(
        e in proptest::collection::vec(prop_oneof![(1i32..8).prop_map(f64::from), Just(f64::NAN), any::<f64>()], 0..24),
        p in proptest::collection::vec(prop_oneof![(1i32..8).prop_map(f64::from), Just(f64::NAN), any::<f64>()], 0..24),
        rows in 0usize..6,
        columns in 0usize..5,
        tolerance in -1.0f64..2.0,
    ) {
        let dims = vec![Dimension::new("a", [0, 1]), Dimension::new("b", [2, 3])];
        let o = ServqualOptions { dimensions: Some(dims), weights: None, tolerance };
        let k = rows * columns;
        if let (Ok(em), Ok(pm)) = (Matrix::new(e.get(..k).unwrap_or(&[]), rows, columns), Matrix::new(p.get(..k).unwrap_or(&[]), rows, columns)) {
            if let Ok(r) = servqual(&em, &pm, &o) {
                prop_assert!((r.dissatisfied + r.satisfied + r.delighted - 1.0).abs() < 1e-9);
            }
            let fa: Vec<Option<f64>> = em.values().iter().map(|v| (!v.is_nan()).then_some(v.rem_euclid(7.0).floor())).collect();
            let da: Vec<Option<f64>> = pm.values().iter().map(|v| (!v.is_nan()).then_some(v.rem_euclid(7.0).floor())).collect();
            if let (Ok(fm), Ok(dm)) = (Matrix::new(&fa, rows, columns), Matrix::new(&da, rows, columns)) {
                let _ = kano(&fm, &dm, None);
            }
        }
    }
}
