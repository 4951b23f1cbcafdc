//! The conformance format of SPEC 9: loading the cases of `tests/*.json` and matching
//! a result against a case. Shared by the library's runner and the command line's.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// One case: `{id, call, input, expected | error, tolerance?}`.
pub struct Case {
    pub id: String,
    pub call: String,
    pub input: Value,
    pub expected: Expectation,
    pub tolerance: f64,
}

pub enum Expectation {
    Result(Value),
    Error { kind: String, path: String },
}

/// The repository's `tests/` folder, where the JSON cases live.
pub fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests")
}

/// Every case of every `tests/*.json` file, in file then case order.
pub fn load_cases() -> Vec<Case> {
    let dir = cases_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the cases' folder is readable")
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("case file is readable");
        let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for case in doc["cases"].as_array().unwrap_or_else(|| panic!("{}: no cases", file.display())) {
            let expected = match (&case.get("expected"), &case.get("error")) {
                (Some(expected), None) => Expectation::Result((*expected).clone()),
                (None, Some(error)) => Expectation::Error {
                    kind: error["kind"].as_str().expect("error kind").to_string(),
                    path: error["path"].as_str().expect("error path").to_string(),
                },
                _ => panic!("{}: case {} needs expected or error", file.display(), case["id"]),
            };
            cases.push(Case {
                id: case["id"].as_str().expect("case id").to_string(),
                call: case["call"].as_str().expect("case call").to_string(),
                input: case["input"].clone(),
                expected,
                tolerance: case.get("tolerance").and_then(Value::as_f64).unwrap_or(1e-9),
            });
        }
    }
    assert!(!cases.is_empty(), "no conformance cases found in {}", dir.display());
    cases
}

/// Checks an outcome (a result or an error's `{kind, path}`) against a case; the
/// message names the first difference.
pub fn check(case: &Case, outcome: Result<Value, (String, String)>) -> Result<(), String> {
    match (&case.expected, outcome) {
        (Expectation::Result(expected), Ok(actual)) => subset(expected, &actual, case.tolerance, ""),
        (Expectation::Result(_), Err((kind, path))) => Err(format!("expected a result, got error {kind} at {path:?}")),
        (Expectation::Error { kind, path }, Ok(_)) => Err(format!("expected error {kind} at {path:?}, got a result")),
        (Expectation::Error { kind, path }, Err((k, p))) if (kind, path) == (&k, &p) => Ok(()),
        (Expectation::Error { kind, path }, Err((k, p))) => {
            Err(format!("expected error {kind} at {path:?}, got {k} at {p:?}"))
        }
    }
}

/// Every key `expected` names is in `actual` and equal (numbers within `tolerance`).
fn subset(expected: &Value, actual: &Value, tolerance: f64, at: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Number(e), Value::Number(a)) => {
            let (e, a) = (e.as_f64().unwrap_or(f64::NAN), a.as_f64().unwrap_or(f64::NAN));
            if (e - a).abs() <= tolerance {
                Ok(())
            } else {
                Err(format!("{at}: expected {e}, got {a}"))
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!("{at}: expected {} items, got {}", e.len(), a.len()));
            }
            e.iter().zip(a).enumerate().try_for_each(|(i, (e, a))| subset(e, a, tolerance, &format!("{at}/{i}")))
        }
        (Value::Object(e), Value::Object(a)) => e.iter().try_for_each(|(k, e)| match a.get(k) {
            Some(a) => subset(e, a, tolerance, &format!("{at}/{k}")),
            None => Err(format!("{at}/{k}: missing")),
        }),
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{at}: expected {e}, got {a}")),
    }
}
