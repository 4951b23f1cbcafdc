//! The root README's examples of input are valid: its scorecard document scores, and
//! each metric's one-line input gives a result.

use std::path::Path;

fn readme() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md");
    std::fs::read_to_string(path).expect("the README")
}

#[test]
fn the_scorecard_example_scores() {
    let text = readme();
    let (_, rest) = text.split_once("```json\n").expect("a JSON example");
    let (block, _) = rest.split_once("```").expect("its end");
    let document: serde_json::Value = serde_json::from_str(block).expect("JSON");
    let report = servex::call("score", &document).expect("the example scores");
    assert!(report["score"].as_f64().is_some());
}

#[test]
fn each_metric_input_in_the_table_gives_a_result() {
    let text = readme();
    let mut seen = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split(" | ").collect();
        let (Some(name), Some(input)) = (cells.first(), cells.get(1)) else { continue };
        let name = name.trim_start_matches("| ").trim_matches('`');
        let Some(json) = input.strip_prefix('`').and_then(|i| i.split_once("`").map(|(j, _)| j)) else { continue };
        if !json.starts_with('{') || !servex::CALLS.contains(&name) {
            continue;
        }
        let input: serde_json::Value = serde_json::from_str(json).expect("JSON");
        servex::call(name, &input).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        seen.push(name.to_string());
    }
    assert_eq!(seen, ["nps", "csat", "ces", "servqual", "kano"]);
}
