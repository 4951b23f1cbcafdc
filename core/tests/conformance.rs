//! Every conformance case of `tests/*.json` through `servex::call`.

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
