//! Every conformance case of `tests/*.json` through the built binary, `servex CALL FILE`
//! (SPEC 9), compared with the shared matcher and with the library's own answer.
//!
//! `catalogue` cases whose `framework` is an id run as `servex catalogue --framework ID`;
//! the others (an inline framework, or none) run as `servex catalogue FILE` with the
//! case input `{framework: ...}` in FILE.
//!
//! Every case must pass.

mod common;
#[path = "../../core/tests/support/mod.rs"]
mod support;

use serde_json::Value;

/// What one run of the binary gave: a result, an error `{kind, path}`, or nonsense.
fn run_case(
    case: &support::Case,
    dir: &std::path::Path,
    index: usize,
) -> Result<Result<Value, (String, String)>, String> {
    let output = match (case.call.as_str(), case.input.get("framework")) {
        ("catalogue", Some(Value::String(id))) => common::servex(&["catalogue", "--framework", id], None),
        (call, _) => {
            let file = dir.join(format!("case-{index}.json"));
            std::fs::write(&file, case.input.to_string()).map_err(|e| format!("writing {}: {e}", file.display()))?;
            let path = file.to_str().ok_or("temp path is not UTF-8")?;
            common::servex(&[call, path], None)
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    match output.status.code() {
        Some(0) => serde_json::from_str(&stdout).map(Ok).map_err(|e| format!("stdout is not JSON ({e}): {stdout}")),
        Some(2) => {
            let error: Value =
                serde_json::from_str(&stderr).map_err(|e| format!("stderr is not JSON ({e}): {stderr}"))?;
            match (error["error"]["kind"].as_str(), error["error"]["path"].as_str()) {
                (Some(kind), Some(path)) => Ok(Err((kind.to_string(), path.to_string()))),
                _ => Err(format!("stderr is not an error object: {stderr}")),
            }
        }
        code => Err(format!("exit status {code:?}, stderr: {stderr}")),
    }
}

#[test]
fn every_case_passes_through_the_binary() {
    let cases = support::load_cases();
    let dir = tempfile::tempdir().expect("a temporary directory");

    let mut failures = Vec::new();
    let mut divergences = Vec::new();
    for (index, case) in cases.iter().enumerate() {
        let outcome = match run_case(case, dir.path(), index) {
            Ok(outcome) => outcome,
            Err(why) => {
                failures.push((case, why));
                continue;
            }
        };
        // The binary adds nothing and loses nothing: it answers exactly as the library.
        let library =
            servex::call(&case.call, &case.input).map_err(|e| (e.kind().as_str().to_string(), e.path().to_string()));
        if outcome != library {
            divergences.push(format!("{}: binary {outcome:?}, library {library:?}", case.id));
        }
        if let Err(why) = support::check(case, outcome) {
            failures.push((case, why));
        }
    }

    assert!(divergences.is_empty(), "the binary and the library disagree:\n{}", divergences.join("\n"));
    assert!(cases.iter().any(|c| c.call == "score"), "no score cases found");
    let failing: Vec<String> = failures.iter().map(|(case, why)| format!("{}: {why}", case.id)).collect();
    assert!(
        failing.is_empty(),
        "{} of {} cases fail through the binary:\n{}",
        failing.len(),
        cases.len(),
        failing.join("\n")
    );
}
