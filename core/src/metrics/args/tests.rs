//! Tests of the JSON front: every error path, nulls, labels and agreement with the
//! slice API.

use super::*;
use crate::metrics::{nps, Codes, GroupLabel, NpsMethod, NpsOptions, RowWeights, Split};
use serde_json::json;

fn failure(name: &str, input: Value) -> (String, String) {
    match call(name, &input) {
        Some(Err(e)) => (e.kind().as_str().to_string(), e.path().to_string()),
        other => panic!("{name} {input}: expected an error, got {other:?}"),
    }
}

fn success(name: &str, input: Value) -> Value {
    match call(name, &input) {
        Some(Ok(v)) => v,
        other => panic!("{name} {input}: expected a result, got {other:?}"),
    }
}

#[test]
fn every_error_path_of_the_json_front() {
    let sq = |extra: Value| {
        let mut base = json!({"expectations": [[1, 2]], "perceptions": [[2, 2]], "dimensions": {"a": [0, 1]}});
        if let (Some(b), Value::Object(x)) = (base.as_object_mut(), extra) {
            b.extend(x);
        }
        base
    };
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        ("nps", json!([9]), "invalid_document", ""),
        ("nps", Value::Null, "invalid_document", ""),
        ("nps", json!({"responses": [9], "foo": 1}), "invalid_document", "/foo"),
        ("nps", json!({"responses": [9], "a/b": 1}), "invalid_document", "/a~1b"),
        ("nps", json!({}), "invalid_document", ""),
        ("nps", json!({"responses": null}), "invalid_document", "/responses"),
        ("nps", json!({"responses": "9"}), "invalid_document", "/responses"),
        ("nps", json!({"responses": [9, [1]]}), "invalid_document", "/responses"),
        ("nps", json!({"responses": [9, {"a": 1}]}), "invalid_document", "/responses"),
        ("nps", json!({"responses": [9, "9"]}), "invalid_value", "/responses/1"),
        ("nps", json!({"responses": [9, true]}), "invalid_value", "/responses/1"),
        ("nps", json!({"responses": [9, 1e300]}), "invalid_value", "/responses/1"),
        ("nps", json!({"responses": [9], "method": 3}), "invalid_document", "/method"),
        ("nps", json!({"responses": [9], "method": "Wald"}), "invalid_document", "/method"),
        ("nps", json!({"responses": [9], "invalid": "drop"}), "invalid_document", "/invalid"),
        ("nps", json!({"responses": [9], "confidence": "high"}), "invalid_document", "/confidence"),
        ("nps", json!({"responses": [9], "confidence": 0}), "invalid_value", "/confidence"),
        ("nps", json!({"responses": [9], "groups": "a"}), "invalid_document", "/groups"),
        ("nps", json!({"responses": [9], "groups": [true]}), "invalid_value", "/groups/0"),
        ("nps", json!({"responses": [9], "groups": [null]}), "invalid_value", "/groups/0"),
        ("nps", json!({"responses": [9], "groups": [[1]]}), "invalid_value", "/groups/0"),
        ("nps", json!({"responses": ["x"], "invalid": "skip"}), "empty_input", "/responses"),
        ("csat", json!({"responses": [5], "scale": 2.5}), "invalid_value", "/scale"),
        ("csat", json!({"responses": [5], "scale": -7}), "invalid_value", "/scale"),
        ("csat", json!({"responses": [5], "scale": 1e12}), "invalid_value", "/scale"),
        ("csat", json!({"responses": [5], "scale": "5"}), "invalid_document", "/scale"),
        ("csat", json!({"responses": [5], "top": 0}), "invalid_value", "/top"),
        ("csat", json!({"responses": [5], "top": 5}), "invalid_value", "/top"),
        ("csat", json!({"responses": [5], "top": 1.5}), "invalid_value", "/top"),
        ("csat", json!({"responses": [5], "method": "wald"}), "invalid_document", "/method"),
        ("ces", json!({"responses": [5], "scale": 1}), "invalid_value", "/scale"),
        ("ces", json!({"responses": [5], "confidence": 1}), "invalid_value", "/confidence"),
        ("ces", json!({"responses": [5], "top": 1}), "invalid_document", "/top"),
        ("nps", json!({"responses": [9], "weights": {"0": 1}}), "invalid_document", "/weights"),
        ("nps", json!({"responses": [9], "weights": [[1]]}), "invalid_value", "/weights/0"),
        ("nps", json!({"responses": [9], "weights": [f64::MAX]}), "invalid_value", "/weights/0"),
        ("nps", json!({"responses": [9], "counts": [1e16]}), "invalid_value", "/counts/0"),
        ("nps", json!({"responses": [9], "compare": "rest"}), "invalid_document", "/compare"),
        ("nps", json!({"responses": [9], "groups": [1], "compare": {"group": [1]}}), "invalid_document", "/compare"),
        ("nps", json!({"responses": [9], "groups": [1], "compare": 1}), "invalid_document", "/compare"),
        (
            "nps",
            json!({"responses": [9], "groups": [1], "compare": "first", "adjust": 1}),
            "invalid_document",
            "/adjust",
        ),
        ("ces", json!({"responses": [8]}), "invalid_value", "/responses/0"),
        ("servqual", json!({"perceptions": [[1]]}), "invalid_document", ""),
        ("servqual", sq(json!({"expectations": {"a": 1}})), "invalid_document", "/expectations"),
        ("servqual", sq(json!({"expectations": [[1, 2], 3]})), "invalid_document", "/expectations/1"),
        ("servqual", sq(json!({"perceptions": [[1, 2], [1, 2]]})), "invalid_document", "/perceptions/1"),
        ("servqual", sq(json!({"perceptions": [[1, 2, 3]]})), "invalid_document", "/perceptions/0"),
        ("servqual", sq(json!({"expectations": [[1, "x"]]})), "invalid_value", "/expectations/0/1"),
        ("servqual", sq(json!({"perceptions": [[1, [2]]]})), "invalid_value", "/perceptions/0/1"),
        ("servqual", sq(json!({"expectations": [], "perceptions": []})), "empty_input", "/expectations"),
        (
            "servqual",
            sq(json!({"expectations": [[null, 1]], "perceptions": [[1, null]]})),
            "empty_input",
            "/perceptions",
        ),
        ("servqual", sq(json!({"dimensions": [[0]]})), "invalid_document", "/dimensions"),
        ("servqual", sq(json!({"dimensions": {}})), "invalid_document", "/dimensions"),
        ("servqual", sq(json!({"dimensions": {"a": 0}})), "invalid_document", "/dimensions/a"),
        ("servqual", sq(json!({"dimensions": {"a": ["0"]}})), "invalid_document", "/dimensions/a/0"),
        ("servqual", sq(json!({"dimensions": {"a": [-1]}})), "invalid_value", "/dimensions/a/0"),
        ("servqual", sq(json!({"dimensions": {"a": [0, 0.5]}})), "invalid_value", "/dimensions/a/1"),
        ("servqual", sq(json!({"dimensions": {"a": [0, 2]}})), "invalid_value", "/dimensions/a/1"),
        ("servqual", sq(json!({"weights": [1]})), "invalid_document", "/weights"),
        ("servqual", sq(json!({"weights": {"a": "1"}})), "invalid_document", "/weights/a"),
        ("servqual", sq(json!({"weights": {"a": -1}})), "invalid_value", "/weights/a"),
        ("servqual", sq(json!({"weights": {"b": 1}})), "unknown_reference", "/weights/b"),
        ("servqual", sq(json!({"tolerance": "0"})), "invalid_document", "/tolerance"),
        ("servqual", sq(json!({"tolerance": -0.5})), "invalid_value", "/tolerance"),
        ("servqual", sq(json!({"groups": [1]})), "invalid_document", "/groups"),
        ("kano", json!({"dysfunctional": [1]}), "invalid_document", ""),
        ("kano", json!({"functional": 1, "dysfunctional": [1]}), "invalid_document", "/functional"),
        ("kano", json!({"functional": [[1], 2], "dysfunctional": [[1], [2]]}), "invalid_document", "/functional/1"),
        ("kano", json!({"functional": [1, [2]], "dysfunctional": [1, 2]}), "invalid_document", "/functional/1"),
        ("kano", json!({"functional": [1, 2], "dysfunctional": [[1], [2]]}), "invalid_document", "/dysfunctional"),
        (
            "kano",
            json!({"functional": [[1, 2], [1]], "dysfunctional": [[1, 2], [1, 2]]}),
            "invalid_document",
            "/functional/1",
        ),
        ("kano", json!({"functional": [1, 2, 3], "dysfunctional": [1, 2]}), "invalid_document", "/functional/2"),
        ("kano", json!({"functional": [1, 2], "dysfunctional": [1, "2"]}), "invalid_value", "/dysfunctional/1"),
        ("kano", json!({"functional": [1, 2.5], "dysfunctional": [1, 2]}), "invalid_value", "/functional/1"),
        ("kano", json!({"functional": [[1, 0]], "dysfunctional": [[1, 2]]}), "invalid_value", "/functional/0/1"),
        (
            "kano",
            json!({"functional": [1], "dysfunctional": [1], "attributes": "a"}),
            "invalid_document",
            "/attributes",
        ),
        (
            "kano",
            json!({"functional": [1], "dysfunctional": [1], "attributes": [1]}),
            "invalid_document",
            "/attributes/0",
        ),
        (
            "kano",
            json!({"functional": [1], "dysfunctional": [1], "attributes": ["a", "b"]}),
            "invalid_document",
            "/attributes",
        ),
        ("kano", json!({"functional": [], "dysfunctional": []}), "empty_input", "/functional"),
        ("kano", json!({"functional": [[]], "dysfunctional": [[]]}), "empty_input", "/functional"),
        ("kano", json!({"functional": [null, 1], "dysfunctional": [2, null]}), "empty_input", "/functional"),
        ("kano", json!({"functional": [1], "dysfunctional": [1], "invalid": "skip"}), "invalid_document", "/invalid"),
    ];
    for (name, input, kind, path) in cases {
        let got = failure(name, input.clone());
        assert_eq!(got, (kind.to_string(), path.to_string()), "{name} {input}");
    }
}

#[test]
fn nulls_are_absent_and_labels_are_as_given() {
    let r = success("nps", json!({"responses": [9, 3], "method": null, "confidence": null, "groups": null}));
    assert_eq!(r["method"], "adjusted_wald");
    assert_eq!(r["confidence"], 0.95);
    let r = success("nps", json!({"responses": [9, 3, 10], "groups": [2.0, 2, "2"]}));
    assert_eq!(r["groups"].as_array().map(|g| g.len()), Some(2));
    assert_eq!(r["groups"][0]["group"], 2);
    assert_eq!(r["groups"][1]["group"], "2");
    let r = success("csat", json!({"responses": [5, "x", null, 1], "invalid": "skip", "scale": 5.0}));
    assert_eq!((r["n"].as_u64(), r["skipped"].as_u64()), (Some(2), Some(2)));
    let r = success("kano", json!({"functional": [1, null, 1], "dysfunctional": [5, 3, null]}));
    assert_eq!(r["attributes"][0]["n"], 1);
    assert_eq!(r["attributes"][0]["attribute"], 0);
}

#[test]
fn json_front_and_slice_api_agree() {
    let responses = [10u8, 9, 8, 7, 6, 0, 10, 9, 3, 10];
    let options =
        NpsOptions { method: NpsMethod::Wald, confidence: 0.9, invalid: Invalid::Error, compare: None, funnel: None };
    let direct = nps(&responses, &options).ok().and_then(|r| serde_json::to_value(r).ok());
    let via_json = success("nps", json!({"responses": responses, "method": "wald", "confidence": 0.9}));
    assert_eq!(direct, Some(via_json));
}

#[test]
fn results_keep_the_spec_field_order() {
    let r = success("ces", json!({"responses": [1, 7]}));
    let keys: Vec<&str> = r.as_object().map(|m| m.keys().map(|k| k.as_str()).collect()).unwrap_or_default();
    let expected =
        ["n", "n_eff", "mean", "agree", "disagree", "net", "se", "ci_low", "ci_high", "confidence", "skipped"];
    assert_eq!(keys, expected);
}

/// A typed column and integer group codes answer as the same data written in JSON (NaN
/// written as null), errors included.
#[test]
fn typed_columns_answer_as_json() {
    let floats = [10.0, 9.0, f64::NAN, 3.0, 7.5, -1.0, 11.0, 0.0, 8.0];
    let as_json: Vec<Value> = floats.iter().map(|&x| if x.is_nan() { Value::Null } else { json!(x) }).collect();
    // Labels used as their own codes, and labels that must be factorised.
    let dense = [3i32, 0, 3, 1, 1, 0, 3, 2, 0];
    let sparse = [2i32, -7, 2, 0, 70_000, 0, -7, 2, 1];
    let bytes = [10u8, 9, 200, 3, 7, 0, 11, 0, 8];
    let options = [
        json!({}),
        json!({"invalid": "skip"}),
        json!({"invalid": "skip", "method": "wald", "confidence": 0.8}),
        json!({"invalid": "skip", "scale": 11, "top": 3}),
        json!({"scale": 0}),
        json!({"bogus": 1}),
        json!({"invalid": "maybe"}),
    ];
    for name in ["nps", "csat", "ces"] {
        for o in &options {
            for codes in [dense, sparse] {
                let groups = Groups::from_integers(&codes).ok();
                let splits = [None, groups.as_ref().map(Split::from), Some(Split::Integers(Codes::I32(&codes)))];
                for g in splits {
                    let mut input = o.clone();
                    input["responses"] = json!(as_json);
                    if g.is_some() {
                        input["groups"] = json!(codes);
                    }
                    let expected = call(name, &input).map(|r| r.map_err(|e| (e.kind(), e.path().to_string())));
                    let got = call_column(name, o, &floats, g, RowWeights::default())
                        .map_err(|e| (e.kind(), e.path().to_string()));
                    assert_eq!(Some(got), expected, "{name} {input}");
                    let mut bytes_input = input.clone();
                    bytes_input["responses"] = json!(bytes);
                    let expected = call(name, &bytes_input).map(|r| r.map_err(|e| (e.kind(), e.path().to_string())));
                    let got = call_column(name, o, &bytes, g, RowWeights::default())
                        .map_err(|e| (e.kind(), e.path().to_string()));
                    assert_eq!(Some(got), expected, "{name} {bytes_input}");
                }
            }
        }
    }
    let short = Groups::from_integers(&[0u8, 1]).ok();
    let e = call_column("nps", &json!({}), &bytes, short.as_ref().map(Split::from), RowWeights::default()).err();
    assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::InvalidDocument, "/groups".into())));
    let e = call_column("kano", &json!({}), &bytes, None, RowWeights::default()).err();
    assert_eq!(e.map(|e| e.kind()), Some(ErrorKind::InvalidDocument));
    // Columns among the options would be ignored: they are refused instead.
    for (options, at) in [(json!({"groups": [0, 1]}), "/groups"), (json!({"responses": [9]}), "/responses")] {
        let e = call_column("nps", &options, &bytes, None, RowWeights::default()).err();
        assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::InvalidDocument, at.into())));
    }
    assert!(call_column("nps", &json!({"groups": null}), &[9u8, 3], None, RowWeights::default()).is_ok());
}

/// A bad option value is reported before anything about the columns, on every path:
/// the kernels check group codes only as they count.
#[test]
fn options_are_checked_before_the_columns() {
    let labels = [GroupLabel::from("a"), GroupLabel::from("b")];
    let bad_codes = [0i16, -1, 1];
    let huge = [1u64, u64::MAX, 1];
    for (name, options, at) in [
        ("nps", json!({"confidence": 2.0}), "/confidence"),
        ("csat", json!({"scale": 0}), "/scale"),
        ("csat", json!({"scale": 5, "top": 9}), "/top"),
        ("ces", json!({"scale": 1}), "/scale"),
    ] {
        for split in [Split::Coded(Codes::I16(&bad_codes), &labels), Split::Integers(Codes::U64(&huge))] {
            let e = call_column(name, &options, &[1u8, 2, 3], Some(split), RowWeights::default()).err();
            assert_eq!(e.map(|e| e.path().to_string()), Some(at.to_string()), "{name} {options}");
        }
        let mut input = options.clone();
        input["responses"] = json!([1, 2, 3]);
        input["groups"] = json!(["a", 1.5, "b"]);
        assert_eq!(failure(name, input).1, at, "{name} {options}");
    }
}
