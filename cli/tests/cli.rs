//! Behaviour of the `servex` binary itself: exit statuses, where output goes, the error
//! JSON shape, files versus standard input, limits, and the demo. Expected values come
//! from the library, so these tests check the command line, not the scoring.

mod common;

use std::process::Output;

use common::servex;
use serde_json::{json, Value};
use servex::sample::{sample_scorecard, SAMPLE_JSON};

fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {output:?}"))
}

/// Exit status 2 with exactly `{"error": {kind, message, path}}` on stderr and nothing
/// on stdout; returns the error object.
fn servex_error(output: &Output) -> Value {
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty(), "nothing on stdout");
    let stderr: Value = serde_json::from_slice(&output.stderr).expect("stderr is JSON");
    let object = stderr.as_object().expect("an object");
    assert_eq!(object.keys().collect::<Vec<_>>(), ["error"]);
    let error = stderr["error"].clone();
    let mut keys: Vec<&String> = error.as_object().expect("error is an object").keys().collect();
    keys.sort();
    assert_eq!(keys, ["kind", "message", "path"]);
    assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
    error
}

/// Exit status 1 with a sentence (not JSON) on stderr; returns it.
fn io_error(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(output.stdout.is_empty(), "nothing on stdout");
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert!(serde_json::from_str::<Value>(&stderr).is_err(), "a sentence, not JSON: {stderr}");
    stderr
}

fn temp_file(contents: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::io::Write::write_all(&mut file, contents).expect("written");
    file
}

fn path(file: &tempfile::NamedTempFile) -> &str {
    file.path().to_str().expect("UTF-8 temp path")
}

fn library_report() -> Value {
    serde_json::to_value(servex::score(&sample_scorecard()).expect("the sample scores")).expect("JSON")
}

#[test]
fn score_reads_a_file_and_prints_the_report() {
    let file = temp_file(SAMPLE_JSON.as_bytes());
    let output = servex(&["score", path(&file)], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stderr.is_empty());
    assert_eq!(stdout_json(&output), library_report());
    // Pretty: one member per line.
    assert!(String::from_utf8_lossy(&output.stdout).lines().count() > 100);
}

#[test]
fn dash_reads_standard_input() {
    let output = servex(&["score", "-"], Some(SAMPLE_JSON.as_bytes()));
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout_json(&output), library_report());
}

#[test]
fn a_missing_file_is_exit_1_naming_the_file() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let missing = dir.path().join("no-such-scorecard.json");
    let output = servex(&["score", missing.to_str().expect("UTF-8")], None);
    let message = io_error(&output);
    assert!(message.contains("no-such-scorecard.json"), "{message}");
}

#[test]
fn text_that_is_not_utf8_is_exit_1() {
    let file = temp_file(b"{\"indicators\": [\xff]}");
    let message = io_error(&servex(&["score", path(&file)], None));
    assert!(message.contains(path(&file)) && message.contains("UTF-8"), "{message}");
    let message = io_error(&servex(&["nps", "-"], Some(b"\xfe\xff")));
    assert!(message.contains("standard input"), "{message}");
}

#[test]
fn invalid_json_is_servex_invalid_json() {
    for text in ["", "{", "{\"indicators\": [,]}", "nul"] {
        let error = servex_error(&servex(&["score", "-"], Some(text.as_bytes())));
        assert_eq!(error["kind"], "invalid_json", "{text:?}");
        assert_eq!(error["path"], "");
    }
}

#[test]
fn a_refused_document_names_kind_and_path() {
    let document = json!({"indicators": [{"id": "a", "element": "7.1.1", "scale": "maturity", "value": 9}]});
    let expected = servex::call("score", &document).expect_err("off its scale");
    let error = servex_error(&servex(&["score", "-"], Some(document.to_string().as_bytes())));
    assert_eq!(error, expected.to_json());
    assert_eq!(error["kind"], "invalid_value");
    assert_eq!(error["path"], "/indicators/0/value");
}

#[test]
fn deep_nesting_is_limit_exceeded_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let error = servex_error(&servex(&["score", "-"], Some(deep.as_bytes())));
    assert_eq!((error["kind"].as_str(), error["path"].as_str()), (Some("limit_exceeded"), Some("")));
    let objects = format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    let file = temp_file(objects.as_bytes());
    for call in ["score", "catalogue", "kano"] {
        let error = servex_error(&servex(&[call, path(&file)], None));
        assert_eq!(error["kind"], "limit_exceeded", "{call}");
    }
}

#[test]
fn a_report_given_to_score_points_to_a_document() {
    let report = servex(&["demo", "--json"], None);
    let file = temp_file(&report.stdout);
    let error = servex_error(&servex(&["score", path(&file)], None));
    assert_eq!((error["kind"].as_str(), error["path"].as_str()), (Some("invalid_document"), Some("/score")));
    assert!(error["message"].as_str().is_some_and(|m| m.contains("servex demo --document")), "{error}");
}

#[test]
fn svg_draws_the_comparison_of_a_weighted_survey() {
    let input = json!({"responses": [9, 10, 3, 7, 0, 10, 9, 2], "groups": ["a", "b", "a", "b", "c", "c", "a", "b"],
                       "weights": [1, 2, 0.5, 1, 1, 1.5, 1, 1], "compare": "first"});
    let file = temp_file(input.to_string().as_bytes());
    let output = servex(&["nps", path(&file)], None);
    let result = servex::call("nps", &input).expect("a valid survey");
    assert_eq!(stdout_json(&output), result);
    let drawn = servex(&["nps", path(&file), "--svg"], None);
    assert_eq!(drawn.status.code(), Some(0), "{drawn:?}");
    let expected = servex::render::comparison(&result).expect("a compared result");
    assert_eq!(String::from_utf8_lossy(&drawn.stdout).trim_end(), expected.trim_end());
    let funnelled = temp_file(
        json!({"responses": [9, 10, 3, 7, 0, 10], "groups": ["a", "a", "b", "b", "c", "c"], "funnel": true})
            .to_string()
            .as_bytes(),
    );
    let drawn = servex(&["nps", path(&funnelled), "--svg", "funnel"], None);
    let result = servex::call(
        "nps",
        &serde_json::from_slice::<Value>(&std::fs::read(funnelled.path()).expect("read")).expect("JSON"),
    )
    .expect("valid");
    assert_eq!(
        String::from_utf8_lossy(&drawn.stdout).trim_end(),
        servex::render::funnel(&result).expect("a funnel").trim_end()
    );
    // Without groups there is nothing to draw: the result's own error.
    let plain = temp_file(br#"{"responses": [5, 3]}"#);
    let error = servex_error(&servex(&["csat", path(&plain), "--svg"], None));
    assert_eq!(error["path"], "/groups");
}

#[test]
fn metric_commands_answer_as_the_library_does() {
    // Written against `servex::call` only, so this holds before and after the metrics land.
    let input = json!({"responses": [10, 9, 9, 7, 3, 0]});
    let file = temp_file(input.to_string().as_bytes());
    for call in ["nps", "csat", "ces", "servqual", "kano"] {
        let output = servex(&[call, path(&file)], None);
        match servex::call(call, &input) {
            Ok(result) => {
                assert_eq!(output.status.code(), Some(0), "{call}: {output:?}");
                assert_eq!(stdout_json(&output), result, "{call}");
            }
            Err(e) => assert_eq!(servex_error(&output), e.to_json(), "{call}"),
        }
    }
}

#[test]
fn catalogue_defaults_to_the_builtin_framework() {
    let expected = servex::call("catalogue", &json!({})).expect("built-in");
    let output = servex(&["catalogue"], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout_json(&output), expected);
    let by_id = servex(&["catalogue", "--framework", "iso23592:2021"], None);
    assert_eq!(stdout_json(&by_id), expected);
}

#[test]
fn catalogue_checks_an_inline_framework_from_a_file() {
    let mut framework = servex::call("catalogue", &json!({})).expect("built-in");
    framework["id"] = json!("acme:own");
    let file = temp_file(json!({"framework": framework}).to_string().as_bytes());
    let output = servex(&["catalogue", path(&file)], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout_json(&output)["id"], "acme:own");

    framework["levels"] = json!([]);
    let bad = json!({"framework": framework});
    let expected = servex::call("catalogue", &bad).expect_err("no levels");
    let output = servex(&["catalogue", "-"], Some(bad.to_string().as_bytes()));
    assert_eq!(servex_error(&output), expected.to_json());
}

#[test]
fn an_unknown_framework_is_exit_2() {
    let error = servex_error(&servex(&["catalogue", "--framework", "iso9001"], None));
    assert_eq!((error["kind"].as_str(), error["path"].as_str()), (Some("unknown_framework"), Some("/framework")));
}

#[test]
fn usage_errors_are_exit_1_and_help_is_exit_0() {
    for args in [&["frobnicate"][..], &["score"], &["catalogue", "--framework", "x", "file.json"], &[]] {
        let output = servex(args, None);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {output:?}");
        assert!(!output.stderr.is_empty());
    }
    let help = servex(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8_lossy(&help.stdout);
    for command in ["score", "catalogue", "nps", "csat", "ces", "servqual", "kano", "report", "demo"] {
        assert!(text.lines().any(|l| l.trim_start().starts_with(command)), "{command} in --help");
    }
    let version = servex(&["--version"], None);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&version.stdout).trim(), format!("servex {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn demo_json_is_the_library_report() {
    let output = servex(&["demo", "--json"], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout_json(&output), library_report());
}

#[test]
fn demo_document_is_the_sample() {
    let output = servex(&["demo", "--document"], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout_json(&output), serde_json::from_str::<Value>(SAMPLE_JSON).expect("JSON"));
}

/// The sample's headline that every front's tests expect (`tests/sample/headline.json`).
fn shared_headline() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/sample/headline.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON")
}

#[test]
fn demo_and_its_document_give_the_shared_headline() {
    let expected = shared_headline();
    let report = stdout_json(&servex(&["demo", "--json"], None));
    assert_eq!((&report["title"], &report["score"]), (&expected["title"], &expected["score"]));
    let document = servex(&["demo", "--document"], None);
    let rescored = stdout_json(&servex(&["score", "-"], Some(&document.stdout)));
    assert_eq!(rescored["score"], expected["score"]);
    let text = String::from_utf8(servex(&["demo"], None).stdout).expect("UTF-8");
    let shown = percent(expected["score"].as_f64());
    assert!(text.lines().any(|l| l.split_whitespace().take(2).eq(["Score", &shown])), "{shown} in {text}");
}

/// A fraction as the demo prints it.
fn percent(fraction: Option<f64>) -> String {
    fraction.map_or_else(|| "-".to_string(), |f| format!("{:.1}%", 100.0 * f))
}

#[test]
fn demo_prints_the_headline_and_every_view() {
    let document = sample_scorecard();
    let report = servex::score(&document).expect("the sample scores");
    let output = servex(&["demo"], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stderr.is_empty());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split_whitespace().collect()).collect();
    let has = |words: &[&str]| lines.iter().any(|l| l.starts_with(words));

    assert_eq!(text.lines().next(), report.title.as_deref());
    let status = serde_json::to_value(report.status).expect("JSON");
    assert!(has(&["Score", &percent(report.score), status.as_str().expect("word")]), "{text}");
    assert!(has(&["Model", "score", &percent(report.model_score)]), "{text}");
    assert!(has(&["Coverage", &percent(report.coverage)]), "{text}");

    for p in &report.perspectives {
        let title = p.title.as_deref().expect("framework perspectives have titles");
        let row = lines.iter().find(|l| l.join(" ").starts_with(title)).expect("perspective row");
        assert!(row.contains(&percent(p.score).as_str()) && row.contains(&percent(p.coverage).as_str()), "{row:?}");
    }
    for d in &report.dimensions {
        assert!(has(&[&d.id, &percent(d.score)]), "dimension {}", d.id);
    }
    for e in &report.elements {
        assert!(has(&[&e.id, &percent(e.score)]), "element {}", e.id);
    }
    for l in &report.levels {
        let row = lines.iter().find(|r| r.first() == Some(&l.level.to_string().as_str())).expect("level row");
        assert!(row.contains(&percent(l.score).as_str()), "{row:?}");
        assert_eq!(row.ends_with(&["not", "met"]), !l.met, "{row:?}");
        assert_eq!(row.last(), Some(&"met"), "{row:?}");
        assert!(row.contains(&percent(Some(l.threshold)).as_str()), "{row:?}");
    }
    assert!(text.contains(&format!("Level attained: {}", report.level_attained)), "{text}");
    let focus = report.focus_level.expect("the sample has a level to work on");
    assert!(text.contains(&format!("Focus next on level {focus}")), "{text}");

    for (rank, p) in report.priorities.iter().take(5).enumerate() {
        assert!(has(&[&format!("{}.", rank + 1), &p.indicator]), "priority {}", p.indicator);
    }
    for (rank, g) in report.gaps.iter().take(3).enumerate() {
        assert!(has(&[&format!("{}.", rank + 1), &g.element]), "gap {}", g.element);
    }
    assert!(!text.contains("NaN") && !text.contains("null"));
}
