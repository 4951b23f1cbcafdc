//! The limits of SPEC 8, at the boundary and one past it, and hostile input.

use serde_json::{json, Value};
use servex::{call, ErrorKind, Scorecard};

fn kind_and_path(result: Result<Value, servex::Error>) -> (ErrorKind, String) {
    let e = result.unwrap_err();
    (e.kind(), e.path().to_string())
}

fn measure(id: impl Into<Value>) -> Value {
    json!({"id": id.into(), "perspective": "service", "baseline": 0, "target": 1, "value": 1})
}

#[test]
fn a_million_indicators_are_scored_and_one_more_is_refused() {
    use servex::{score, Indicator};
    let mut card = Scorecard::new();
    card.indicators = (0..servex::scorecard::MAX_INDICATORS)
        .map(|i| Indicator::measure(i.to_string(), 0.0, 1.0).perspective("service").value(1.0))
        .collect();
    assert_eq!(score(&card).unwrap().score, Some(1.0));
    card.indicators.push(Indicator::measure("one-too-many", 0.0, 1.0).perspective("service"));
    let e = score(&card).unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::LimitExceeded, "/indicators"));
}

#[test]
fn json_with_too_many_indicators_is_refused_before_it_is_read() {
    // Nulls would each be an invalid indicator: the count is checked first.
    let doc = json!({"indicators": vec![Value::Null; servex::scorecard::MAX_INDICATORS + 1]});
    assert_eq!(kind_and_path(call("score", &doc)), (ErrorKind::LimitExceeded, "/indicators".into()));
    let doc = json!({"indicators": vec![Value::Null; servex::scorecard::MAX_INDICATORS]});
    assert_eq!(kind_and_path(call("score", &doc)), (ErrorKind::InvalidDocument, "/indicators/0".into()));
}

#[test]
fn history_is_limited_per_indicator() {
    let points = |n: usize| -> Vec<Value> { (0..n).map(|k| json!({"period": k.to_string(), "value": 0.5})).collect() };
    let mut ind = measure("a");
    ind["history"] = json!(points(servex::scorecard::MAX_HISTORY));
    assert!(call("score", &json!({"indicators": [ind.clone()]})).is_ok());
    ind["history"] = json!(points(servex::scorecard::MAX_HISTORY + 1));
    assert_eq!(
        kind_and_path(call("score", &json!({"indicators": [ind]}))),
        (ErrorKind::LimitExceeded, "/indicators/0/history".into())
    );
}

#[test]
fn ids_are_limited_in_code_points_not_bytes() {
    let id = "é".repeat(servex::scorecard::MAX_ID_CHARS);
    assert!(call("score", &json!({"indicators": [measure(id.clone())]})).is_ok());
    assert_eq!(
        kind_and_path(call("score", &json!({"indicators": [measure(id + "é")]}))),
        (ErrorKind::LimitExceeded, "/indicators/0/id".into())
    );
}

#[test]
fn deep_json_is_refused_as_text_and_as_a_value() {
    let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(Scorecard::from_json_str(&text).unwrap_err().kind(), ErrorKind::LimitExceeded);
    let mut deep = json!(1);
    for _ in 0..64 {
        deep = json!([deep]);
    }
    let doc = json!({"indicators": [measure("a")], "meta": deep});
    assert_eq!(kind_and_path(call("score", &doc)), (ErrorKind::LimitExceeded, String::new()));
}

#[test]
fn malformed_text_is_invalid_json() {
    // A byte order mark is skipped (on every front); two are not JSON.
    for text in ["", "{", "{\"indicators\": [}", "\u{feff}\u{feff}{}", "NaN"] {
        assert_eq!(Scorecard::from_json_str(text).unwrap_err().kind(), ErrorKind::InvalidJson, "{text:?}");
    }
}

#[test]
fn non_finite_numbers_from_rust_are_invalid_values() {
    use servex::{score, Indicator};
    let card = |ind: Indicator| Scorecard::new().indicator(ind.perspective("service"));
    for (ind, path) in [
        (Indicator::measure("a", 0.0, 1.0).value(f64::NAN), "/indicators/0/value"),
        (Indicator::measure("a", 0.0, f64::INFINITY).value(1.0), "/indicators/0/target"),
        (Indicator::measure("a", f64::NAN, 1.0).value(1.0), "/indicators/0/baseline"),
        (Indicator::measure("a", 0.0, 1.0).value(1.0).weight(f64::NAN), "/indicators/0/weight"),
        (
            Indicator::measure("a", 0.0, 1.0).value(1.0).history("q1", Some(f64::NEG_INFINITY)),
            "/indicators/0/history/0/value",
        ),
        (Indicator::measure("a", -1e308, 1e308).value(1e308), "/indicators/0/baseline"),
        (Indicator::measure("a", -1e300, 1e300).value(2e300), "/indicators/0/value"),
        (Indicator::rating("a", "maturity").value(f64::NAN), "/indicators/0/value"),
    ] {
        let e = score(&card(ind)).unwrap_err();
        assert_eq!((e.kind(), e.path()), (ErrorKind::InvalidValue, path));
    }
}

#[test]
fn wrong_json_types_are_invalid_documents_at_the_member() {
    for (doc, path) in [
        (json!([]), ""),
        (json!("score me"), ""),
        (json!({}), ""),
        (json!({"indicators": {}}), "/indicators"),
        (json!({"indicators": [{"id": 7, "perspective": "service", "baseline": 0, "target": 1}]}), "/indicators/0/id"),
        (json!({"servex": "1", "indicators": []}), "/servex"),
        (json!({"indicators": [], "options": {"level_thresholds": [0.5, 0.5]}}), "/options/level_thresholds"),
        (
            json!({"indicators": [{"id": "a", "perspective": "service", "baseline": [0, 1, 2], "target": 1}]}),
            "/indicators/0/baseline",
        ),
    ] {
        assert_eq!(kind_and_path(call("score", &doc)), (ErrorKind::InvalidDocument, path.to_string()), "{doc}");
    }
}

#[test]
fn unknown_calls_and_catalogue_inputs_are_errors() {
    assert_eq!(kind_and_path(call("scores", &json!({}))), (ErrorKind::InvalidDocument, String::new()));
    assert_eq!(
        kind_and_path(call("catalogue", &json!({"framework": "efqm"}))),
        (ErrorKind::UnknownFramework, "/framework".into())
    );
    assert_eq!(kind_and_path(call("catalogue", &json!({"frame": 1}))), (ErrorKind::InvalidDocument, "/frame".into()));
    assert_eq!(call("catalogue", &Value::Null).unwrap()["id"], "iso23592:2021");
}

#[test]
fn weights_past_the_magnitudes_are_refused_not_scored_as_nan() {
    // SPEC 8: a weight that is not 0 lies within [1e-300, 1e300]; within that no sum of
    // weights overflows.
    let heavy = |id: &str, w: f64| json!({"id": id, "perspective": "service", "baseline": 0, "target": 1, "value": 0.5, "weight": w});
    let doc = json!({"indicators": [heavy("a", 1e300), heavy("b", 1e308)]});
    assert_eq!(kind_and_path(call("score", &doc)), (ErrorKind::InvalidValue, "/indicators/1/weight".into()));
    let doc = json!({"indicators": [heavy("a", 1e300), heavy("b", 1e300)]});
    assert!(call("score", &doc).is_ok_and(|r| r["score"] == 0.5));
    let doc = json!({"indicators": [heavy("a", 1.0), heavy("b", 5e-324)]});
    assert_eq!(kind_and_path(call("score", &doc)), (ErrorKind::InvalidValue, "/indicators/1/weight".into()));
    let doc = json!({"indicators": [], "perspectives": [{"id": "a", "weight": 1e300}, {"id": "b", "weight": 1e308}]});
    assert_eq!(kind_and_path(call("score", &doc)), (ErrorKind::InvalidValue, "/perspectives/1/weight".into()));
    // Finite weights and values whose product overflows: unclamped progress of 1e300.
    let doc = json!({"indicators": [{"id": "a", "perspective": "service", "baseline": 0, "target": 1e-8, "value": 1e292, "weight": 1e100}],
                     "options": {"clamp": false}});
    assert_eq!(kind_and_path(call("score", &doc)), (ErrorKind::InvalidValue, String::new()));
}

#[test]
fn text_and_values_agree_on_the_depth_of_meta() {
    // `meta` sits at depth 4: 61 nested arrays reach depth 64, 62 pass it; both paths agree.
    let doc = |extra: usize| {
        let meta = format!("{}1{}", "[".repeat(extra), "]".repeat(extra));
        format!(
            r#"{{"indicators": [{{"id": "a", "perspective": "service", "baseline": 0, "target": 1, "value": 1, "meta": {meta}}}]}}"#
        )
    };
    assert!(Scorecard::from_json_str(&doc(61)).is_ok());
    assert!(call("score", &serde_json::from_str::<Value>(&doc(61)).unwrap()).is_ok());
    assert_eq!(Scorecard::from_json_str(&doc(62)).unwrap_err().kind(), ErrorKind::LimitExceeded);
    assert_eq!(
        kind_and_path(call("score", &serde_json::from_str::<Value>(&doc(62)).unwrap())).0,
        ErrorKind::LimitExceeded
    );
}

#[test]
fn a_format_version_is_an_integer_however_large() {
    for (version, expected) in [
        (json!(18446744073709551616.0), Some((ErrorKind::UnsupportedVersion, "/servex".to_string()))),
        (json!(u64::MAX), Some((ErrorKind::UnsupportedVersion, "/servex".to_string()))),
        (json!(2), Some((ErrorKind::UnsupportedVersion, "/servex".to_string()))),
        (json!(1.5), Some((ErrorKind::InvalidDocument, "/servex".to_string()))),
        (json!(1.0), None),
        (json!(1), None),
    ] {
        let doc = json!({"servex": version, "indicators": []});
        assert_eq!(call("score", &doc).err().map(|e| (e.kind(), e.path().to_string())), expected, "{version}");
        let text = Scorecard::from_json_str(&doc.to_string()).err().map(|e| (e.kind(), e.path().to_string()));
        assert_eq!(text, call("score", &doc).err().map(|e| (e.kind(), e.path().to_string())), "{version} as text");
    }
}

/// SPEC 8: a result never holds a negative zero, even where it echoes the input (a
/// value, a weight, a level threshold, meta), for a document and for units.
#[test]
fn a_negative_zero_in_the_input_is_written_0() {
    let doc = serde_json::json!({
        "perspectives": [{"id": "service", "weight": -0.0}, {"id": "financial", "weight": 1}],
        "options": {"level_thresholds": [-0.0, 0.5, 0.5, 0.5], "element_weights": {"7.1.1": -0.0}},
        "indicators": [
            {"id": "a", "perspective": "service", "element": "7.1.1", "baseline": -0.0, "target": 100, "value": -0.0,
             "meta": {"k": [-0.0, {"z": -0.0}]}},
            {"id": "b", "perspective": "financial", "baseline": 0, "target": 10, "value": 5}
        ]
    });
    let text = servex::call_text("score", &doc).expect("scores");
    assert!(!text.contains("-0.0") && !text.contains("-0,") && !text.contains("-0}"), "{text}");
    let units = serde_json::json!({"scorecard": doc, "units": [{"id": "u", "values": {"a": -0.0}, "meta": -0.0}]});
    let text = servex::call_text("score_units", &units).expect("scores");
    assert!(!text.contains("-0"), "{text}");
}

/// A level is a whole number however JSON writes it (`2.0` as `2`, as JavaScript
/// numbers are), so every front reads the same document alike.
#[test]
fn levels_are_whole_numbers_written_either_way() {
    let doc = |levels: serde_json::Value| serde_json::json!({"indicators": [{"id": "a", "perspective": "service", "baseline": 0, "target": 1, "value": 1, "levels": levels}]});
    let attained = servex::call("score", &doc(serde_json::json!([1, 2.0]))).expect("scores")["level_attained"].clone();
    assert_eq!(attained, serde_json::json!(2));
    for (levels, kind) in
        [(serde_json::json!([1, -0.0]), "invalid_value"), (serde_json::json!([1, 1.5]), "invalid_document")]
    {
        let e = servex::call("score", &doc(levels)).expect_err("not a level");
        assert_eq!((e.kind().as_str(), e.path()), (kind, "/indicators/0/levels/1"));
    }
}

/// A grouped call has at most a million groups with rows: more are refused before
/// any is tallied, on every path (labels, integer labels, codes, a tally), while a
/// categorical's unused categories do not count.
#[test]
fn more_than_a_million_groups_are_limit_exceeded() {
    use servex::metrics::{nps_grouped, Codes, GroupLabel, NpsOptions, Split, Tally, MAX_GROUPS};
    let n = MAX_GROUPS + 1;
    let scores: Vec<u8> = (0..n).map(|i| (i % 11) as u8).collect();
    let labels: Vec<u32> = (0..n as u32).collect();
    let o = NpsOptions::default();
    fn refused<T>(r: Result<T, servex::Error>) -> Option<(&'static str, String)> {
        r.err().map(|e| (e.kind().as_str(), e.path().to_string()))
    }
    let want = Some(("limit_exceeded", "/groups".to_string()));
    assert_eq!(refused(nps_grouped(&scores, Split::Integers(Codes::U32(&labels)), &o)), want);
    let input = serde_json::json!({"responses": scores, "groups": labels});
    assert_eq!(refused(servex::call("nps", &input)), want);
    assert_eq!(refused(Tally::new(&scores, Some(Split::Integers(Codes::U32(&labels))), Default::default())), want);
    // Two million categories, three of them used.
    let categories: Vec<GroupLabel> = (0..2 * MAX_GROUPS as i64).map(GroupLabel::Int).collect();
    let codes: Vec<u32> = vec![0, 5, 1_999_999];
    let three = nps_grouped(&[10u8, 3, 9], Split::Coded(Codes::U32(&codes), &categories), &o).expect("three groups");
    assert_eq!(three.groups.len(), 3);
}

/// Units whose scores overflow when summarised are refused, never summarised as null;
/// huge scores are drawn in exponent form, and a status edited by hand injects nothing.
#[test]
fn units_at_the_edge_of_the_doubles() {
    let template = serde_json::json!({"options": {"clamp": false},
        "indicators": [{"id": "a", "element": "7.3.1", "baseline": 0, "target": 1e-8}]});
    let units = |v: f64| serde_json::json!([{"id": "u0", "values": {"a": v}}, {"id": "u1", "values": {"a": 0.5e-8}}]);
    let overflow = serde_json::json!({"scorecard": template, "units": [{"id": "u0", "values": {"a": 1e300}}, {"id": "u1", "values": {"a": 1e300}}]});
    let e = servex::call("score_units", &overflow).expect_err("the mean overflows");
    assert_eq!((e.kind().as_str(), e.path()), ("invalid_value", ""));
    let mut result = servex::call("score_units", &serde_json::json!({"scorecard": template, "units": units(1e290)}))
        .expect("scores");
    let page = servex::render::units_html(&result).expect("drawn");
    assert!(page.contains("1.00e300%") && !page.contains("00000000000"), "exponent form");
    result["units"][0]["status"] = serde_json::json!("x\"><img src=x>");
    let page = servex::render::units_html(&result).expect("drawn");
    assert!(!page.contains("<img"), "no injected markup");
}
