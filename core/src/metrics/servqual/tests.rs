//! Tests of the SERVQUAL kernel: hand-computed gaps, tolerance bands, weights and
//! every error path.

use super::*;

const E: [f64; 12] = [5., 6., 7., 6., 6., 6., 6., f64::NAN, 7., 7., 5., 6.];
const P: [f64; 12] = [6., 6., 5., 7., 5., 7., 6., 6., 7., 7., 7., 7.];

fn two_dims() -> ServqualOptions {
    ServqualOptions {
        dimensions: Some(vec![Dimension::new("reliability", [0, 1]), Dimension::new("empathy", [2, 3])]),
        ..ServqualOptions::default()
    }
}

fn run(e: &[f64], p: &[f64], rows: usize, o: &ServqualOptions) -> Result<Servqual, Error> {
    let cols = e.len().checked_div(rows).unwrap_or(0);
    let e = Matrix::new(e, rows, cols)?;
    let p = Matrix::new(p, rows, cols)?;
    servqual(&e, &p, o)
}

fn failure(r: Result<Servqual, Error>) -> Option<(ErrorKind, String)> {
    r.err().map(|e| (e.kind(), e.path().to_string()))
}

#[test]
fn gaps_by_hand() {
    let Ok(r) = run(&E, &P, 3, &two_dims()) else { panic!("valid") };
    let gaps: Vec<Option<f64>> = r.items.iter().map(|i| i.gap).collect();
    assert_eq!(gaps.len(), 4);
    assert!((gaps[1].unwrap_or(9.0) - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(gaps[3], Some(1.0));
    assert_eq!(r.dimensions[0].dimension, "reliability");
    assert!((r.gap - (1.0 / 6.0 + 0.5) / 2.0).abs() < 1e-12);
    assert_eq!(r.weighted_gap, None);
    assert_eq!(r.respondents, 3);
    assert!((r.satisfied - 2.0 / 3.0).abs() < 1e-12 && r.delighted == r.delight_rate);
}

#[test]
fn tolerance_bands() {
    // Respondent gaps: -0.5, 0.25, 1.0.
    let e = [3.0, 3.0, 3.0];
    let p = [2.5, 3.25, 4.0];
    let o = ServqualOptions { dimensions: Some(vec![Dimension::new("a", [0])]), ..ServqualOptions::default() };
    let shares = |tol: f64| {
        let o = ServqualOptions { tolerance: tol, ..o.clone() };
        run(&e, &p, 3, &o).map(|r| (r.dissatisfied, r.satisfied, r.delighted)).ok()
    };
    let third = 1.0 / 3.0;
    assert_eq!(shares(0.0), Some((third, 0.0, 2.0 * third)));
    assert_eq!(shares(0.25), Some((third, third, third)));
    assert_eq!(shares(0.5), Some((0.0, 2.0 * third, third)));
    assert_eq!(shares(1.0), Some((0.0, 1.0, 0.0)));
    let e = failure(shares_err(-1.0));
    assert_eq!(e, Some((ErrorKind::InvalidValue, "/tolerance".into())));
}

fn shares_err(tol: f64) -> Result<Servqual, Error> {
    let o = ServqualOptions {
        dimensions: Some(vec![Dimension::new("a", [0])]),
        tolerance: tol,
        ..ServqualOptions::default()
    };
    run(&[1.0], &[1.0], 1, &o)
}

#[test]
fn weights() {
    let mut o = two_dims();
    o.weights = Some(vec![("reliability".into(), 70.0), ("empathy".into(), 30.0)]);
    let r = run(&E, &P, 3, &o).ok().and_then(|r| r.weighted_gap);
    assert!(r.is_some_and(|w| (w - (0.7 / 6.0 + 0.15)).abs() < 1e-12));
    let cases = [
        (vec![("reliability", 1.0)], ErrorKind::InvalidDocument, "/weights"),
        (vec![("reliability", 1.0), ("empathy", 1.0), ("x", 1.0)], ErrorKind::UnknownReference, "/weights/x"),
        (vec![("reliability", -1.0), ("empathy", 1.0)], ErrorKind::InvalidValue, "/weights/reliability"),
        (vec![("reliability", f64::NAN), ("empathy", 1.0)], ErrorKind::InvalidValue, "/weights/reliability"),
        (vec![("reliability", 0.0), ("empathy", 0.0)], ErrorKind::InvalidValue, "/weights"),
        (vec![("empathy", 1.0), ("empathy", 1.0)], ErrorKind::DuplicateId, "/weights/empathy"),
    ];
    for (w, kind, path) in cases {
        o.weights = Some(w.into_iter().map(|(n, w)| (n.to_string(), w)).collect());
        assert_eq!(failure(run(&E, &P, 3, &o)), Some((kind, path.to_string())));
    }
}

#[test]
fn dimension_errors_and_the_default_map() {
    let e = failure(run(&E, &P, 3, &ServqualOptions::default()));
    assert_eq!(e, Some((ErrorKind::InvalidDocument, "/dimensions".into())));
    let mut o = two_dims();
    o.dimensions = Some(vec![Dimension::new("a/b", [0, 4])]);
    assert_eq!(failure(run(&E, &P, 3, &o)), Some((ErrorKind::InvalidValue, "/dimensions/a~1b/1".into())));
    o.dimensions = Some(vec![Dimension::new("a", [0]), Dimension::new("a", [1])]);
    assert_eq!(failure(run(&E, &P, 3, &o)).map(|e| e.0), Some(ErrorKind::DuplicateId));
    o.dimensions = Some(vec![]);
    assert_eq!(failure(run(&E, &P, 3, &o)).map(|e| e.1), Some("/dimensions".into()));
    let e22: Vec<f64> = (0..44).map(|i| f64::from(i % 7 + 1)).collect();
    let p22: Vec<f64> = e22.iter().map(|v| v + 0.5).collect();
    let r = run(&e22, &p22, 2, &ServqualOptions::default()).ok();
    let names: Vec<String> = r.map(|r| r.dimensions.into_iter().map(|d| d.dimension).collect()).unwrap_or_default();
    assert_eq!(names, ["tangibles", "reliability", "responsiveness", "assurance", "empathy"]);
}

#[test]
fn shapes_values_and_emptiness() {
    let o = two_dims();
    let e = Matrix::new(&E, 3, 4);
    let p = Matrix::new(&P[..8], 2, 4);
    let (Ok(e), Ok(p)) = (e, p) else { panic!("matrices") };
    assert_eq!(failure(servqual(&e, &p, &o)), Some((ErrorKind::InvalidDocument, "/expectations/2".into())));
    assert_eq!(failure(run(&[], &[], 0, &o)), Some((ErrorKind::EmptyInput, "/expectations".into())));
    let mut bad = P;
    bad[6] = f64::INFINITY;
    assert_eq!(failure(run(&E, &bad, 3, &o)), Some((ErrorKind::InvalidValue, "/perceptions/1/2".into())));
    let nan = [f64::NAN; 4];
    assert_eq!(failure(run(&nan, &P[..4], 1, &o)), Some((ErrorKind::EmptyInput, "/perceptions".into())));
}

#[test]
fn unanswered_item_is_null() {
    let e = [5.0, f64::NAN, 4.0, f64::NAN];
    let p = [6.0, 3.0, 4.0, f64::NAN];
    let o = ServqualOptions {
        dimensions: Some(vec![Dimension::new("a", [0]), Dimension::new("b", [1])]),
        ..ServqualOptions::default()
    };
    let Ok(r) = run(&e, &p, 2, &o) else { panic!("valid") };
    assert_eq!(r.items[1].gap, None);
    assert_eq!(r.dimensions[1].gap, None);
    assert_eq!((r.gap, r.respondents, r.satisfied, r.delighted), (0.5, 2, 0.5, 0.5));
}
