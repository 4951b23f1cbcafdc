//! Runs every metric case of `tests/metrics.json` (SPEC 9) through [`args::call`].

use serde_json::Value;

use super::args;

const CASES: &str = include_str!("../../../tests/metrics.json");

/// Subset match: every key of `expected` present in `actual` and equal, numbers within
/// `tol`, arrays of equal length element by element. Returns the first difference.
fn subset(expected: &Value, actual: &Value, tol: f64, at: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Number(e), Value::Number(a)) => {
            let (e, a) = (
                e.as_f64().unwrap_or(f64::NAN),
                a.as_f64().unwrap_or(f64::NAN),
            );
            if (e - a).abs() <= tol {
                Ok(())
            } else {
                Err(format!("{at}: expected {e}, got {a}"))
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!(
                    "{at}: expected {} elements, got {}",
                    e.len(),
                    a.len()
                ));
            }
            e.iter()
                .zip(a)
                .enumerate()
                .try_for_each(|(i, (e, a))| subset(e, a, tol, &format!("{at}/{i}")))
        }
        (Value::Object(e), Value::Object(a)) => e.iter().try_for_each(|(k, e)| match a.get(k) {
            Some(a) => subset(e, a, tol, &format!("{at}/{k}")),
            None => Err(format!("{at}: missing key {k:?}")),
        }),
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{at}: expected {e}, got {a}")),
    }
}

fn run_case(case: &Value) -> Option<Result<(), String>> {
    let name = case["call"].as_str()?;
    let outcome = args::call(name, &case["input"])?;
    let tol = case["tolerance"].as_f64().unwrap_or(1e-9);
    Some(match (&case["expected"], &case["error"], outcome) {
        (expected, Value::Null, Ok(actual)) => subset(expected, &actual, tol, ""),
        (_, Value::Null, Err(e)) => Err(format!("unexpected error {}", e.to_json())),
        (_, want, Ok(actual)) => Err(format!("expected error {want}, got {actual}")),
        (_, want, Err(e)) => {
            let got = (e.kind().as_str(), e.path());
            if (want["kind"].as_str(), want["path"].as_str()) == (Some(got.0), Some(got.1)) {
                Ok(())
            } else {
                Err(format!("expected error {want}, got {}", e.to_json()))
            }
        }
    })
}

#[test]
fn every_metric_case_passes() {
    let doc: Value = serde_json::from_str(CASES).unwrap_or(Value::Null);
    let cases = doc["cases"].as_array().cloned().unwrap_or_default();
    assert!(!cases.is_empty(), "no conformance cases");
    let (mut ran, mut failures) = (0, Vec::new());
    for case in &cases {
        let id = case["id"].as_str().unwrap_or("?");
        match run_case(case) {
            None => {}
            Some(Ok(())) => ran += 1,
            Some(Err(why)) => failures.push(format!("{id}: {why}")),
        }
    }
    assert!(
        failures.is_empty(),
        "failing cases:\n{}",
        failures.join("\n")
    );
    assert_eq!(
        ran,
        cases.len() - 1,
        "only the catalogue case is not a metric"
    );
}

#[test]
fn non_metrics_are_not_ours() {
    assert!(args::call("score", &Value::Null).is_none());
    assert!(args::call("catalogue", &Value::Null).is_none());
}
