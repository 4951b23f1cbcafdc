//! Every conformance case of `tests/*.json` through `servex::call`, and those of the
//! shared files not yet run by every front (`tests/pending/`) that `call` answers.

mod support;

#[test]
fn every_case_passes_through_call() {
    let cases = support::load_cases();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let outcome = servex::call(&case.call, &case.input)
                .map_err(|e| (e.kind().as_str().to_string(), e.path().to_string()));
            support::check(case, outcome).err().map(|why| format!("{}: {why}", case.id))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// `tests/pending/edges.json` (the shared file, unchanged) waits for `score_units`
/// (SPEC 12) before it joins `tests/` and every front; the cases of the calls that
/// exist pass here already.
#[test]
fn pending_cases_of_existing_calls_pass_through_call() {
    let cases = support::load_cases_in(&support::cases_dir().join("pending"));
    let runnable: Vec<_> = cases.iter().filter(|c| servex::CALLS.contains(&c.call.as_str())).collect();
    assert_eq!(runnable.len(), 17, "the runnable cases of edges.json");
    let failures: Vec<String> = runnable
        .iter()
        .filter_map(|case| {
            let outcome = servex::call(&case.call, &case.input)
                .map_err(|e| (e.kind().as_str().to_string(), e.path().to_string()));
            support::check(case, outcome).err().map(|why| format!("{}: {why}", case.id))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), runnable.len(), failures.join("\n"));
}
