//! `servex nps|csat|ces FILE.csv|FILE.parquet --response COL ...`: the same bytes as the
//! JSON document of the same columns, and clear errors naming the column.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Arc;

use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use common::servex;
use parquet::arrow::ArrowWriter;
use parquet::file::properties::WriterProperties;
use serde_json::{json, Value};

/// More rows than one batch of the reader (65,536), so that batches meet.
const ROWS: usize = 70_000;
const REGIONS: [&str; 7] = ["north", "south", "east", "west", "12", "Zürich", "a / b"];

/// One value of a column: a number, text, or missing.
#[derive(Clone, PartialEq)]
enum Cell {
    Number(f64),
    Text(String),
    Null,
}

/// Columns by name, as every format writes them.
struct Data {
    columns: Vec<(&'static str, Vec<Cell>)>,
}

fn generate(rows: usize) -> Data {
    let mut x = 88_172_645_463_325_252u64;
    let mut region = Vec::new();
    let mut wave = Vec::new();
    let mut score = Vec::new();
    let mut weight = Vec::new();
    for _ in 0..rows {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        region.push(Cell::Text(REGIONS[(x % 7) as usize].to_string()));
        wave.push(Cell::Number((1 + (x >> 8) % 3) as f64));
        score.push(Cell::Number(((x >> 16) % 11) as f64));
        weight.push(Cell::Number(((x >> 24) % 500) as f64 / 100.0));
    }
    Data { columns: vec![("region", region), ("wave", wave), ("score", score), ("weight", weight)] }
}

impl Data {
    fn column(&mut self, name: &str) -> &mut Vec<Cell> {
        &mut self.columns.iter_mut().find(|(n, _)| *n == name).expect("a generated column").1
    }

    fn write_csv(&self, path: &Path) {
        let mut text = self.columns.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(",");
        text.push('\n');
        for i in 0..self.columns[0].1.len() {
            let fields: Vec<String> = self
                .columns
                .iter()
                .map(|(_, c)| match &c[i] {
                    Cell::Number(x) => format!("{x}"),
                    Cell::Text(s) => s.clone(),
                    Cell::Null => String::new(),
                })
                .collect();
            text.push_str(&fields.join(","));
            text.push('\n');
        }
        std::fs::write(path, text).expect("CSV written");
    }

    /// Text columns as strings, others as doubles or (`whole`) integers.
    fn write_parquet(&self, path: &Path, whole: &[&str]) {
        let arrays: Vec<(&str, ArrayRef)> = self
            .columns
            .iter()
            .map(|(name, c)| {
                let array: ArrayRef = if c.iter().any(|v| matches!(v, Cell::Text(_))) {
                    Arc::new(StringArray::from_iter(c.iter().map(|v| match v {
                        Cell::Text(s) => Some(s.clone()),
                        Cell::Number(x) => Some(format!("{x}")),
                        Cell::Null => None,
                    })))
                } else if whole.contains(name) {
                    Arc::new(Int64Array::from_iter(c.iter().map(|v| match v {
                        Cell::Number(x) => Some(*x as i64),
                        _ => None,
                    })))
                } else {
                    Arc::new(Float64Array::from_iter(c.iter().map(|v| match v {
                        Cell::Number(x) => Some(*x),
                        _ => None,
                    })))
                };
                (*name, array)
            })
            .collect();
        let batch = RecordBatch::try_from_iter(arrays).expect("a batch");
        let file = std::fs::File::create(path).expect("Parquet file");
        // Small row groups: the reader crosses them inside its batches.
        let properties = WriterProperties::builder().set_max_row_group_row_count(Some(9_000)).build();
        let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(properties)).expect("a writer");
        writer.write(&batch).expect("written");
        writer.close().expect("closed");
    }

    /// The JSON keyword arguments of the same columns: `labels` gives each row's group
    /// label as the file's reader reads it.
    fn json(&self, response: &str, weight: Option<&str>, labels: Option<Vec<Value>>, options: Value) -> Value {
        let cells = |name: &str| -> Vec<Value> {
            let c = &self.columns.iter().find(|(n, _)| *n == name).expect("a column").1;
            c.iter()
                .map(|v| match v {
                    Cell::Number(x) => json!(x),
                    Cell::Text(s) => json!(s),
                    Cell::Null => Value::Null,
                })
                .collect()
        };
        let mut input = options;
        input["responses"] = json!(cells(response));
        if let Some(w) = weight {
            input["weights"] = json!(cells(w));
        }
        if let Some(labels) = labels {
            input["groups"] = json!(labels);
        }
        input
    }

    /// Each row's label when grouped by `by`, as a CSV (`csv`) or a Parquet file reads it.
    fn labels(&self, by: &[&str], csv: bool) -> Vec<Value> {
        let columns: Vec<&Vec<Cell>> =
            by.iter().map(|b| &self.columns.iter().find(|(n, _)| n == b).expect("a column").1).collect();
        (0..columns[0].len())
            .map(|i| {
                let parts: Vec<Value> = columns
                    .iter()
                    .map(|c| match &c[i] {
                        Cell::Number(x) => json!(*x as i64),
                        Cell::Text(s) if csv && s.parse::<i64>().is_ok() => json!(s.parse::<i64>().unwrap_or_default()),
                        Cell::Text(s) => json!(s),
                        Cell::Null => Value::Null,
                    })
                    .collect();
                match parts.as_slice() {
                    [one] => one.clone(),
                    many => json!(many
                        .iter()
                        .map(|p| p.as_str().map_or(p.to_string(), str::to_string))
                        .collect::<Vec<_>>()
                        .join(" / ")),
                }
            })
            .collect()
    }
}

struct Files {
    _dir: tempfile::TempDir,
    csv: PathBuf,
    parquet: PathBuf,
    json: PathBuf,
}

fn files(data: &Data, whole: &[&str]) -> Files {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (csv, parquet, json) =
        (dir.path().join("answers.csv"), dir.path().join("answers.parquet"), dir.path().join("doc.json"));
    data.write_csv(&csv);
    data.write_parquet(&parquet, whole);
    Files { _dir: dir, csv, parquet, json }
}

fn run(args: &[&str]) -> Output {
    servex(args, None)
}

fn text(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// `servex CALL DOC.json` and `servex CALL FILE FLAGS` print the same bytes, with status 0.
fn same_as_json(call: &str, file: &Path, flags: &[&str], document: &Value, json_path: &Path) {
    std::fs::write(json_path, document.to_string()).expect("JSON written");
    let from_json = run(&[call, text(json_path)]);
    assert_eq!(from_json.status.code(), Some(0), "{from_json:?}");
    let mut args = vec![call, text(file)];
    args.extend(flags);
    let from_file = run(&args);
    assert_eq!(from_file.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&from_file.stderr));
    assert!(from_file.stdout == from_json.stdout, "{args:?} prints other bytes than the JSON document");
}

/// A call, its `--by` columns, its `--weight` column, its option flags and the same
/// options as JSON.
type Case = (&'static str, &'static [&'static str], Option<&'static str>, &'static [&'static str], Value);

#[test]
fn files_print_the_bytes_of_the_json_document() {
    let data = generate(ROWS);
    let f = files(&data, &["wave", "score"]);
    let cases: [Case; 6] = [
        ("nps", &[], None, &[], json!({})),
        (
            "nps",
            &["region"],
            None,
            &["--compare", "previous", "--adjust", "bh"],
            json!({"compare": "previous", "adjust": "bh"}),
        ),
        (
            "nps",
            &["region"],
            Some("weight"),
            &["--method", "wald", "--confidence", "0.9", "--funnel"],
            json!({"method": "wald", "confidence": 0.9, "funnel": true}),
        ),
        ("nps", &["region", "wave"], Some("weight"), &["--compare", "rest"], json!({"compare": "rest"})),
        (
            "csat",
            &["wave"],
            Some("weight"),
            &["--scale", "10", "--top", "3", "--invalid", "skip"],
            json!({"scale": 10, "top": 3, "invalid": "skip"}),
        ),
        (
            "ces",
            &["region"],
            None,
            &["--scale", "10", "--invalid", "skip", "--funnel-target", "5", "--overdispersion"],
            json!({"scale": 10, "invalid": "skip", "funnel": {"target": 5.0, "overdispersion": true}}),
        ),
    ];
    for (call, by, weight, options, json_options) in cases {
        let mut flags = vec!["--response", "score"];
        for b in by {
            flags.extend(["--by", b]);
        }
        if let Some(w) = weight {
            flags.extend(["--weight", w]);
        }
        flags.extend(options);
        for (file, csv) in [(&f.csv, true), (&f.parquet, false)] {
            let labels = (!by.is_empty()).then(|| data.labels(by, csv));
            let document = data.json("score", weight, labels, json_options.clone());
            same_as_json(call, file, &flags, &document, &f.json);
        }
    }
}

/// Answers that are missing, text, off the scale or not whole, at known rows.
fn with_invalid_answers() -> (Data, Vec<usize>) {
    let mut data = generate(ROWS);
    let rows = vec![66_000, 66_001, 66_002, 69_999, 70_000 - 2];
    let score = data.column("score");
    score[66_000] = Cell::Null;
    score[66_001] = Cell::Number(11.0);
    score[66_002] = Cell::Number(7.5);
    score[69_999] = Cell::Null;
    score[69_998] = Cell::Number(-1.0);
    (data, rows)
}

#[test]
fn invalid_answers_are_skipped_as_in_json() {
    let (data, _) = with_invalid_answers();
    let f = files(&data, &["wave"]);
    for (file, csv) in [(&f.csv, true), (&f.parquet, false)] {
        let document =
            data.json("score", Some("weight"), Some(data.labels(&["region"], csv)), json!({"invalid": "skip"}));
        let flags = ["--response", "score", "--by", "region", "--weight", "weight", "--invalid", "skip"];
        same_as_json("nps", file, &flags, &document, &f.json);
    }
}

/// Status 2 and the error object on stderr.
fn servex_error(output: &Output) -> Value {
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty());
    let stderr: Value = serde_json::from_slice(&output.stderr).expect("stderr is JSON");
    stderr["error"].clone()
}

fn assert_error(error: &Value, kind: &str, path: &str, words: &[&str]) {
    assert_eq!((error["kind"].as_str(), error["path"].as_str()), (Some(kind), Some(path)), "{error}");
    let message = error["message"].as_str().unwrap_or_default();
    for word in words {
        assert!(message.contains(word), "{message:?} lacks {word:?}");
    }
}

#[test]
fn invalid_answers_are_refused_at_their_row_naming_the_value() {
    let (data, rows) = with_invalid_answers();
    let f = files(&data, &["wave"]);
    let first = rows[0].to_string();
    let path = format!("/responses/{first}");
    let csv = servex_error(&run(&["nps", text(&f.csv), "--response", "score"]));
    assert_error(
        &csv,
        "invalid_value",
        &path,
        &["column \"score\"", &format!("row {first}"), "2 rows hold an empty field"],
    );
    let parquet = servex_error(&run(&["nps", text(&f.parquet), "--response", "score", "--by", "region"]));
    assert_error(&parquet, "invalid_value", &path, &["column \"score\"", "2 rows hold null"]);
    // The JSON document reports the same row.
    std::fs::write(&f.json, data.json("score", None, None, json!({})).to_string()).expect("written");
    let json = servex_error(&run(&["nps", text(&f.json)]));
    assert_eq!((json["kind"].clone(), json["path"].clone()), (csv["kind"].clone(), csv["path"].clone()));
}

#[test]
fn text_answers_are_refused() {
    let mut data = generate(200);
    data.column("score")[150] = Cell::Text("abc".into());
    data.column("score")[170] = Cell::Text("abc".into());
    let f = files(&data, &[]);
    let csv = servex_error(&run(&["nps", text(&f.csv), "--response", "score"]));
    assert_error(&csv, "invalid_value", "/responses/150", &["column \"score\"", "2 rows hold \"abc\""]);
    // A Parquet column of text is no column of answers at all.
    let parquet = servex_error(&run(&["nps", text(&f.parquet), "--response", "score"]));
    assert_error(&parquet, "invalid_document", "/responses", &["column \"score\"", "not numbers"]);
    let region = servex_error(&run(&["nps", text(&f.csv), "--response", "region"]));
    assert_error(&region, "invalid_value", "/responses/0", &["column \"region\"", "rows hold \""]);
}

#[test]
fn bad_weights_are_refused_whatever_invalid_says() {
    let mut data = generate(ROWS);
    for row in [67_000, 67_500, 68_000] {
        data.column("weight")[row] = Cell::Number(-1.0);
    }
    let f = files(&data, &[]);
    for file in [&f.csv, &f.parquet] {
        let error =
            servex_error(&run(&["csat", text(file), "--response", "score", "--weight", "weight", "--invalid", "skip"]));
        assert_error(&error, "invalid_value", "/weights/67000", &["column \"weight\"", "row 67000", "3 rows hold -1"]);
    }
    let mut data = generate(100);
    data.column("weight")[40] = Cell::Number(f64::NAN);
    data.column("weight")[41] = Cell::Null;
    let f = files(&data, &[]);
    let csv = servex_error(&run(&["nps", text(&f.csv), "--response", "score", "--weight", "weight"]));
    assert_error(&csv, "invalid_value", "/weights/40", &["not a number", "column \"weight\"", "1 row holds \"NaN\""]);
    let parquet = servex_error(&run(&["nps", text(&f.parquet), "--response", "score", "--weight", "weight"]));
    assert_error(&parquet, "invalid_value", "/weights/40", &["not a number", "1 row holds NaN"]);
}

#[test]
fn group_keys_must_be_text_or_whole_numbers() {
    let mut data = generate(300);
    data.column("wave")[250] = Cell::Number(1.5);
    let f = files(&data, &[]);
    let csv = servex_error(&run(&["nps", text(&f.csv), "--response", "score", "--by", "wave"]));
    assert_error(&csv, "invalid_value", "/groups/250", &["fraction", "column \"wave\"", "1 row holds 1.5"]);
    let parquet =
        servex_error(&run(&["nps", text(&f.parquet), "--response", "score", "--by", "region", "--by", "weight"]));
    assert_error(&parquet, "invalid_document", "/groups", &["column \"weight\"", "Float64"]);
    let mut data = generate(300);
    data.column("region")[7] = Cell::Null;
    let f = files(&data, &["wave"]);
    let csv = servex_error(&run(&["nps", text(&f.csv), "--response", "score", "--by", "region", "--by", "wave"]));
    assert_error(&csv, "invalid_value", "/groups/7", &["empty", "columns \"region\", \"wave\""]);
    let parquet = servex_error(&run(&["nps", text(&f.parquet), "--response", "score", "--by", "region"]));
    assert_error(&parquet, "invalid_value", "/groups/7", &["missing", "1 row holds null"]);
}

#[test]
fn a_missing_column_is_named_with_the_columns_there_are() {
    let f = files(&generate(10), &[]);
    for file in [&f.csv, &f.parquet] {
        for (flag, path) in [("--response", "/responses"), ("--by", "/groups"), ("--weight", "/weights")] {
            let mut args = vec!["nps", text(file)];
            if flag != "--response" {
                args.extend(["--response", "score"]);
            }
            args.extend([flag, "scroe"]);
            let error = servex_error(&run(&args));
            assert_error(
                &error,
                "invalid_document",
                path,
                &["\"scroe\"", "\"region\", \"wave\", \"score\", \"weight\""],
            );
        }
    }
}

#[test]
fn compare_with_names_a_group_as_printed() {
    let data = generate(2_000);
    let f = files(&data, &[]);
    for (file, csv) in [(&f.csv, true), (&f.parquet, false)] {
        let label = if csv { json!(12) } else { json!("12") };
        let document =
            data.json("score", None, Some(data.labels(&["region"], csv)), json!({"compare": {"group": label}}));
        let flags = ["--response", "score", "--by", "region", "--compare-with", "12"];
        same_as_json("nps", file, &flags, &document, &f.json);
    }
    let error = servex_error(&run(&[
        "nps",
        text(&f.csv),
        "--response",
        "score",
        "--by",
        "region",
        "--compare-with",
        "nowhere",
    ]));
    assert_error(&error, "unknown_reference", "/compare/group", &[]);
}

#[test]
fn the_table_shows_a_row_per_group() {
    let f = files(&generate(1_000), &[]);
    let output = run(&["nps", text(&f.csv), "--response", "score", "--by", "region", "--compare", "first", "--table"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let table = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 2 + REGIONS.len(), "{table}");
    assert!(lines[0].starts_with("NPS, adjusted_wald"), "{table}");
    assert!(lines[1].split_whitespace().eq([
        "group",
        "n",
        "n_eff",
        "score",
        "ci_low",
        "ci_high",
        "promoters",
        "passives",
        "detractors",
        "skipped",
        "vs",
        "diff",
        "p_adjusted",
        "significant"
    ]));
    assert!(REGIONS.iter().all(|r| lines.iter().any(|l| l.trim_start().starts_with(r))), "{table}");
}

#[test]
fn usage_errors_exit_1_with_a_sentence() {
    let f = files(&generate(10), &[]);
    let no_response = run(&["nps", text(&f.csv)]);
    assert_eq!(no_response.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&no_response.stderr).contains("--response"));
    std::fs::write(&f.json, r#"{"responses": [10]}"#).expect("written");
    let json_with_flags = run(&["nps", text(&f.json), "--response", "score"]);
    assert_eq!(json_with_flags.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&json_with_flags.stderr).contains(".csv and .parquet"));
    let bad_word = run(&["nps", text(&f.csv), "--response", "score", "--adjust", "bonferroni"]);
    assert_eq!(bad_word.status.code(), Some(1));
}

#[test]
fn a_file_that_is_not_parquet_is_an_invalid_document() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("fake.parquet");
    std::fs::write(&path, "region,score\nnorth,10\n").expect("written");
    let error = servex_error(&run(&["nps", text(&path), "--response", "score"]));
    assert_error(&error, "invalid_document", "", &["fake.parquet", "Parquet"]);
    let ragged = dir.path().join("ragged.csv");
    std::fs::write(&ragged, "region,score\nnorth,10\nsouth\n").expect("written");
    let error = servex_error(&run(&["nps", text(&ragged), "--response", "score"]));
    assert_error(&error, "invalid_document", "", &["ragged.csv", "CSV"]);
}
