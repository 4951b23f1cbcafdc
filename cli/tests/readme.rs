//! The root README's examples work as written: its scorecard document scores, each
//! metric's one-line input gives a result, and each command of its command-line block
//! runs.

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

/// Each command of the README's command-line block runs as written (in a directory
/// holding the files it names) and succeeds.
#[test]
fn each_command_line_example_runs() {
    let text = readme();
    let (_, rest) = text.split_once("## The command line\n\n```sh\n").expect("the command-line block");
    let (block, _) = rest.split_once("```").expect("its end");
    let dir = tempfile::tempdir().expect("a directory");
    let files = [
        ("card.json", servex::sample::SAMPLE_JSON.to_string()),
        ("answers.json", r#"{"responses": [10, 9, 3, 7], "groups": ["north", "north", "south", "south"]}"#.into()),
        (
            "waves.json",
            r#"{"responses": [10, 9, 3, 7, 8, 9], "groups": [1, 1, 1, 2, 2, 2], "compare": "previous"}"#.into(),
        ),
        ("answers.csv", "region,score\nnorth,10\nnorth,6\nsouth,9\n".into()),
        (
            "chain.json",
            r#"{"scorecard": {"indicators": [{"id": "nps", "element": "7.3.1", "baseline": 0, "target": 60}]},
                "units": [{"id": "north", "values": {"nps": 41}}, {"id": "south", "values": {"nps": 12}}]}"#
                .into(),
        ),
    ];
    for (name, content) in files {
        std::fs::write(dir.path().join(name), content).expect("written");
    }
    let mut ran = 0;
    for line in block.lines().filter(|l| l.starts_with("servex ")) {
        let command = line.split(" # ").next().unwrap_or(line);
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_servex"))
            .args(&args)
            .current_dir(dir.path())
            .output()
            .expect("servex runs");
        assert!(out.status.success(), "{command}: {}", String::from_utf8_lossy(&out.stderr));
        ran += 1;
    }
    assert_eq!(ran, 9, "every line of the block");
}
