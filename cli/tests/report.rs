//! `servex report` and `servex demo --html`: the command line writes exactly what the
//! library renders, to a file or to stdout, and refuses bad input with the usual
//! statuses.

mod common;

use common::servex;
use servex::render::{self, Chart};
use servex::sample::{sample_scorecard, SAMPLE_JSON};

fn sample_file() -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::io::Write::write_all(&mut file, SAMPLE_JSON.as_bytes()).expect("written");
    file
}

fn library_html() -> String {
    let document = sample_scorecard();
    let report = servex::score(&document).expect("the sample scores");
    render::html(&report, Some(&document))
}

fn library_svg(chart: Chart) -> String {
    render::svg(&servex::score(&sample_scorecard()).expect("the sample scores"), chart)
}

fn well_formed(text: &str) {
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    roxmltree::Document::parse_with_options(text, options).expect("well-formed XML");
}

#[test]
fn report_writes_the_html_file() {
    let input = sample_file();
    let dir = tempfile::tempdir().expect("a directory");
    let out = dir.path().join("report.html");
    let output = servex(&["report", input.path().to_str().expect("UTF-8"), "-o", out.to_str().expect("UTF-8")], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stdout.is_empty() && output.stderr.is_empty());
    let written = std::fs::read_to_string(&out).expect("the report was written");
    assert_eq!(written, library_html());
    well_formed(&written);
}

#[test]
fn report_without_output_prints_to_stdout() {
    let output = servex(&["report", "-"], Some(SAMPLE_JSON.as_bytes()));
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(String::from_utf8(output.stdout).expect("UTF-8"), library_html());
}

#[test]
fn report_svg_draws_each_chart() {
    let input = sample_file();
    let path = input.path().to_str().expect("UTF-8");
    for chart in Chart::ALL {
        let output = servex(&["report", path, "--svg", chart.as_str()], None);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        let text = String::from_utf8(output.stdout).expect("UTF-8");
        assert_eq!(text, library_svg(chart));
        well_formed(&text);
    }
    let dir = tempfile::tempdir().expect("a directory");
    let out = dir.path().join("chart.svg");
    let output = servex(&["report", path, "--svg", "pyramid", "-o", out.to_str().expect("UTF-8")], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(std::fs::read_to_string(&out).expect("written"), library_svg(Chart::Pyramid));
}

#[test]
fn an_unknown_chart_is_a_usage_error() {
    let input = sample_file();
    let output = servex(&["report", input.path().to_str().expect("UTF-8"), "--svg", "pie"], None);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("radar") && stderr.contains("pie"), "{stderr}");
}

#[test]
fn a_refused_document_is_exit_2_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("a directory");
    let out = dir.path().join("report.html");
    let output = servex(&["report", "-", "-o", out.to_str().expect("UTF-8")], Some(br#"{"indicators": 3}"#));
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let error: serde_json::Value = serde_json::from_slice(&output.stderr).expect("the error as JSON");
    assert_eq!(error["error"]["kind"], "invalid_document");
    assert!(!out.exists(), "no report for a refused document");
}

#[test]
fn an_unwritable_output_is_exit_1() {
    let dir = tempfile::tempdir().expect("a directory");
    let out = dir.path().join("no-such-dir").join("report.html");
    let output = servex(&["demo", "--html", out.to_str().expect("UTF-8")], None);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-dir"));
}

#[test]
fn demo_html_writes_the_sample_report() {
    let dir = tempfile::tempdir().expect("a directory");
    let out = dir.path().join("report.html");
    let output = servex(&["demo", "--html", out.to_str().expect("UTF-8")], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stdout.is_empty());
    let written = std::fs::read_to_string(&out).expect("written");
    assert_eq!(written, library_html());
    assert!(written.contains("Acme Home Care") && written.matches("<svg").count() >= 3);
    // `-` is standard output.
    let output = servex(&["demo", "--html", "-"], None);
    assert_eq!(String::from_utf8(output.stdout).expect("UTF-8"), written);
    // --html does not combine with --json.
    let output = servex(&["demo", "--html", "x.html", "--json"], None);
    assert_eq!(output.status.code(), Some(1));
}

fn units_file() -> tempfile::NamedTempFile {
    let units: Vec<serde_json::Value> = (0..30)
        .map(|u| serde_json::json!({"id": format!("branch-{u}"), "values": {"nps": u as f64 * 2.0, "wait": 20.0 - u as f64 / 2.0}}))
        .collect();
    let template = serde_json::json!({"indicators": [
        {"id": "nps", "element": "7.3.1", "baseline": 0, "target": 60},
        {"id": "wait", "element": "7.4.1", "baseline": 20, "target": 5}
    ]});
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    let input = serde_json::json!({"scorecard": template, "units": units}).to_string();
    std::io::Write::write_all(&mut file, input.as_bytes()).expect("written");
    file
}

#[test]
fn report_units_writes_what_the_library_draws() {
    let input = units_file();
    let path = input.path().to_str().expect("UTF-8");
    let text = std::fs::read_to_string(input.path()).expect("readable");
    let result = servex::call("score_units", &serde_json::from_str(&text).expect("JSON")).expect("valid units");
    let page = servex(&["report-units", path], None);
    assert_eq!(page.status.code(), Some(0), "{page:?}");
    let html = String::from_utf8(page.stdout).expect("UTF-8");
    assert_eq!(html, format!("{}\n", render::units_html(&result).expect("drawn").trim_end()));
    well_formed(&html);
    assert!(html.contains("branch-29") && html.contains("Units by rank"));
    let svg = servex(&["report-units", path, "--svg"], None);
    let svg = String::from_utf8(svg.stdout).expect("UTF-8");
    assert_eq!(svg, format!("{}\n", render::units(&result).expect("drawn").trim_end()));
    well_formed(&svg);
    let bad = servex(&["report-units", "-"], Some(br#"{"scorecard": {}, "units": 3}"#));
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("/units"));
}
