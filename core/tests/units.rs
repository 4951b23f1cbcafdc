//! SPEC 12.1: each unit of `score_units` is, to the bit, what `score` gives for the
//! template with that unit's values and history (proptest over random templates and
//! units), and ranks follow the scores.

use proptest::prelude::*;
use serde_json::{json, Map, Value};

const ELEMENTS: [&str; 4] = ["7.1.1", "7.2.1", "7.3.1", "7.4.1"];

/// One indicator of a random template: a measure, a range or a maturity rating.
fn indicator(i: usize) -> impl Strategy<Value = Value> {
    let kind = prop_oneof![
        (-100.0..100.0f64, 1.0..50.0f64, any::<bool>()).prop_map(|(base, span, up)| {
            let target = if up { base + span } else { base - span };
            json!({"baseline": base, "target": target})
        }),
        (0.0..10.0f64, 1.0..10.0f64)
            .prop_map(|(lo, width)| { json!({"baseline": [lo - 5.0, lo + width + 5.0], "target": [lo, lo + width]}) }),
        Just(json!({"scale": "maturity"})),
    ];
    let placement = prop_oneof![
        (0..ELEMENTS.len()).prop_map(|e| json!({"element": ELEMENTS[e]})),
        prop_oneof![Just("service"), Just("financial")].prop_map(|p| json!({"perspective": p})),
    ];
    (kind, placement, prop::option::of(0.1..5.0f64)).prop_map(move |(kind, placement, weight)| {
        let mut ind = Map::new();
        ind.insert("id".into(), json!(format!("i{i}")));
        for part in [kind, placement] {
            ind.extend(part.as_object().cloned().unwrap_or_default());
        }
        if let Some(w) = weight {
            ind.insert("weight".into(), json!(w));
        }
        Value::Object(ind)
    })
}

fn template() -> impl Strategy<Value = Value> {
    let indicators = (1..6usize).prop_flat_map(|n| (0..n).map(indicator).collect::<Vec<_>>());
    let options = (prop_oneof![Just("exclude"), Just("zero")], any::<bool>())
        .prop_map(|(missing, clamp)| json!({"missing": missing, "clamp": clamp}));
    (indicators, options, 0.5..3.0f64).prop_map(|(indicators, options, weight)| {
        json!({
            "perspectives": [
                {"id": "service", "weight": weight}, {"id": "financial"}, {"id": "operational"}, {"id": "learning_growth"}
            ],
            "options": options,
            "indicators": indicators,
        })
    })
}

/// A value the indicator accepts, or none.
fn value_for(ind: &Value, draw: Option<f64>) -> Option<Value> {
    let x = draw?;
    Some(if ind.get("scale").is_some() { json!((x.abs() * 4.0).round() % 5.0) } else { json!(x * 150.0 - 50.0) })
}

/// Units drawn for `template`: each indicator's value and a short history.
fn units(template: &Value) -> impl Strategy<Value = Vec<Value>> {
    let indicators = template["indicators"].as_array().cloned().unwrap_or_default();
    let draws = prop::collection::vec(
        prop::collection::vec(
            (prop::option::of(0.0..1.0f64), prop::collection::vec(prop::option::of(0.0..1.0f64), 0..3)),
            indicators.len(),
        ),
        0..10,
    );
    draws.prop_map(move |units| {
        units
            .into_iter()
            .enumerate()
            .map(|(u, draws)| {
                let (mut values, mut history) = (Map::new(), Map::new());
                for (ind, (value, past)) in indicators.iter().zip(draws) {
                    let id = ind["id"].as_str().unwrap_or_default().to_string();
                    if let Some(v) = value_for(ind, value) {
                        values.insert(id.clone(), v);
                    }
                    if !past.is_empty() {
                        let points: Vec<Value> = past
                            .iter()
                            .enumerate()
                            .map(|(k, d)| json!({"period": format!("p{k}"), "value": value_for(ind, *d)}))
                            .collect();
                        history.insert(id, Value::Array(points));
                    }
                }
                json!({"id": format!("u{u}"), "values": values, "history": history})
            })
            .collect()
    })
}

/// The document SPEC 12.1 says a unit is: the template holding its values and history.
fn document_of(template: &Value, unit: &Value) -> Value {
    let mut document = template.clone();
    for ind in document["indicators"].as_array_mut().into_iter().flatten() {
        let id = ind["id"].as_str().unwrap_or_default().to_string();
        for (from, to) in [("values", "value"), ("history", "history")] {
            if let Some(v) = unit[from].get(&id) {
                ind[to] = v.clone();
            }
        }
    }
    document
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_unit_is_its_own_document_scored((template, units) in template().prop_flat_map(|t| (Just(t.clone()), units(&t)))) {
        let result = servex::call("score_units", &json!({"scorecard": template, "units": units})).expect("valid units");
        let rows = result["units"].as_array().cloned().unwrap_or_default();
        prop_assert_eq!(rows.len(), units.len());
        for (row, unit) in rows.iter().zip(&units) {
            let report = servex::call("score", &document_of(&template, unit)).expect("the unit's document scores");
            for key in ["score", "model_score", "status", "coverage", "level_attained", "outcome", "focus_level"] {
                prop_assert_eq!(&row[key], &report[key], "{}", key);
            }
            for view in ["perspectives", "dimensions", "elements"] {
                for group in report[view].as_array().into_iter().flatten() {
                    let id = group["id"].as_str().unwrap_or_default();
                    prop_assert_eq!(&row[view][id], &group["score"], "{} {}", view, id);
                }
            }
        }
        // Ranks: a better score never has a larger rank; equal scores share one.
        for a in &rows {
            for b in &rows {
                if let (Some(sa), Some(sb), Some(ra), Some(rb)) = (a["score"].as_f64(), b["score"].as_f64(), a["rank"].as_u64(), b["rank"].as_u64()) {
                    prop_assert!(sa != sb || ra == rb);
                    prop_assert!(sa <= sb || ra < rb);
                }
            }
        }
    }

    /// A fault in one unit's data is the fault `score` finds in that unit's document,
    /// moved to where the unit holds it.
    #[test]
    fn a_unit_fault_is_its_document_fault(bad in prop_oneof![Just(json!(7.5)), Just(json!(-1)), Just(json!("3")), Just(json!(1e301))], in_history in any::<bool>()) {
        let template = json!({"indicators": [
            {"id": "care", "element": "7.3.1", "scale": "maturity"},
            {"id": "wait", "perspective": "service", "baseline": 20, "target": 5}
        ]});
        let unit = if in_history {
            json!({"id": "u", "values": {"wait": 9}, "history": {"care": [{"period": "p", "value": 2}, {"period": "q", "value": bad}]}})
        } else {
            json!({"id": "u", "values": {"care": bad, "wait": 9}})
        };
        let units_error = servex::call("score_units", &json!({"scorecard": template, "units": [unit.clone()]})).expect_err("a bad value");
        let score_error = servex::call("score", &document_of(&template, &unit)).expect_err("a bad value");
        prop_assert_eq!(units_error.kind(), score_error.kind());
        let moved = if in_history { "/units/0/history/care/1/value" } else { "/units/0/values/care" };
        let original = if in_history { "/indicators/0/history/1/value" } else { "/indicators/0/value" };
        prop_assert_eq!(units_error.path(), moved);
        prop_assert_eq!(score_error.path(), original);
    }
}

/// A long row: unit, indicator and period codes, and the value.
type LongRow = (u32, u32, u32, Option<f64>);

/// Long rows for `units`: one row per unit, indicator and period (history first,
/// periods `p0`, `p1`, ... and `now`), in a shuffled order.
fn long_rows(units: &[Value], shuffle: &[usize]) -> (Vec<String>, Vec<String>, Vec<String>, Vec<LongRow>) {
    let (mut unit_labels, mut indicator_labels) = (Vec::new(), Vec::new());
    let period_labels: Vec<String> = ["p0", "p1", "p2", "now"].iter().map(|p| p.to_string()).collect();
    let mut rows = Vec::new();
    let code = |labels: &mut Vec<String>, label: &str| -> u32 {
        labels.iter().position(|l| l == label).unwrap_or_else(|| {
            labels.push(label.to_string());
            labels.len() - 1
        }) as u32
    };
    for unit in units {
        let u = code(&mut unit_labels, unit["id"].as_str().unwrap_or_default());
        for (id, points) in unit["history"].as_object().into_iter().flatten() {
            let i = code(&mut indicator_labels, id);
            for (k, point) in points.as_array().into_iter().flatten().enumerate() {
                rows.push((u, i, k as u32, point["value"].as_f64()));
            }
        }
        for (id, value) in unit["values"].as_object().into_iter().flatten() {
            let i = code(&mut indicator_labels, id);
            rows.push((u, i, 3, value.as_f64()));
        }
    }
    let n = rows.len();
    if n > 1 {
        for (k, &s) in shuffle.iter().enumerate() {
            rows.swap(k % n, s % n);
        }
    }
    (unit_labels, indicator_labels, period_labels, rows)
}

/// A unit of `units` with a history but no current value still has its latest period
/// as its value: the document the rows describe.
fn as_rows_describe(unit: &Value) -> Value {
    let mut unit = unit.clone();
    let ids: Vec<String> = unit["history"].as_object().map(|h| h.keys().cloned().collect()).unwrap_or_default();
    for id in ids {
        if unit["values"].get(&id).is_none() {
            let mut points = unit["history"][&id].as_array().cloned().unwrap_or_default();
            let latest = points.pop().map(|p| p["value"].clone()).unwrap_or(Value::Null);
            unit["values"][&id] = latest;
            unit["history"][&id] = Value::Array(points);
        }
    }
    unit
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The long form scores, to the bit, the SPEC 12.1 document its rows describe.
    #[test]
    fn long_rows_score_as_their_document(
        (template, units) in template().prop_flat_map(|t| (Just(t.clone()), units(&t))),
        shuffle in prop::collection::vec(0usize..1000, 0..40),
    ) {
        let (unit_labels, indicator_labels, period_labels, rows) = long_rows(&units, &shuffle);
        let columns = |f: fn(&LongRow) -> u32| rows.iter().map(f).collect::<Vec<u32>>();
        let (u, i, p) = (columns(|r| r.0), columns(|r| r.1), columns(|r| r.2));
        let values: Vec<Option<f64>> = rows.iter().map(|r| r.3).collect();
        let long = servex::units::LongValues {
            units: servex::units::Labelled { labels: &unit_labels, codes: &u },
            indicators: servex::units::Labelled { labels: &indicator_labels, codes: &i },
            periods: Some(servex::units::Labelled { labels: &period_labels, codes: &p }),
            values: &values,
        };
        let got = serde_json::to_value(servex::units::score_units_long(&template, &long).expect("valid rows")).expect("JSON");
        // Units without any row are not in the table.
        let described: Vec<Value> = units
            .iter()
            .filter(|u| unit_labels.iter().any(|l| Some(l.as_str()) == u["id"].as_str()))
            .map(as_rows_describe)
            .collect();
        let want = servex::call("score_units", &json!({"scorecard": template, "units": described})).expect("valid units");
        for (g, w) in got["units"].as_array().into_iter().flatten().zip(want["units"].as_array().into_iter().flatten()) {
            for key in ["id", "score", "model_score", "status", "coverage", "level_attained", "rank", "perspectives", "elements"] {
                prop_assert_eq!(&g[key], &w[key], "{}", key);
            }
        }
        prop_assert_eq!(&got["summary"], &want["summary"]);
    }
}

#[test]
fn long_rows_name_the_row_at_fault() {
    let template = json!({"indicators": [
        {"id": "care", "element": "7.3.1", "scale": "maturity"},
        {"id": "wait", "perspective": "service", "baseline": 20, "target": 5}
    ]});
    let labels = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<String>>();
    let (units, indicators, periods) =
        (labels(&["north", "south"]), labels(&["care", "wait", "cost"]), labels(&["q1", "q2"]));
    let fault = |u: &[u32], i: &[u32], p: &[u32], v: &[Option<f64>]| {
        let long = servex::units::LongValues {
            units: servex::units::Labelled { labels: &units, codes: u },
            indicators: servex::units::Labelled { labels: &indicators, codes: i },
            periods: Some(servex::units::Labelled { labels: &periods, codes: p }),
            values: v,
        };
        let e = servex::units::score_units_long(&template, &long).expect_err("a fault");
        (e.kind().as_str().to_string(), e.path().to_string())
    };
    let kind_at = |k: &str, p: &str| (k.to_string(), p.to_string());
    // A rating off its scale in history (row 1 is q1, the earlier period) and now.
    assert_eq!(fault(&[0, 0], &[0, 0], &[1, 0], &[Some(2.0), Some(9.0)]), kind_at("invalid_value", "/value/1"));
    assert_eq!(fault(&[0, 0], &[0, 0], &[1, 0], &[Some(9.0), Some(2.0)]), kind_at("invalid_value", "/value/0"));
    assert_eq!(fault(&[0, 1], &[2, 0], &[0, 0], &[Some(1.0), Some(1.0)]), kind_at("unknown_reference", "/indicator/0"));
    assert_eq!(fault(&[1, 0, 1], &[1, 0, 1], &[0, 0, 0], &[None, None, None]), kind_at("duplicate_id", "/period/2"));
    assert_eq!(fault(&[0, 1], &[0, 0], &[0], &[Some(1.0), Some(1.0)]), kind_at("invalid_value", "/period"));
    assert_eq!(fault(&[0, 5], &[0, 0], &[0, 0], &[Some(1.0), Some(1.0)]), kind_at("invalid_value", "/unit/1"));
}

/// SPEC 12.1's limits are checked before any unit is read: a million and one units,
/// or more than ten million unit values (here 11 indicators x a million units).
#[test]
fn too_many_units_or_values_are_limit_exceeded() {
    let indicators = |n: usize| -> Vec<Value> {
        (0..n).map(|i| json!({"id": format!("k{i}"), "perspective": "service", "baseline": 0, "target": 1})).collect()
    };
    for (n, units) in [(1, 1_000_001), (11, 1_000_000)] {
        let input = json!({"scorecard": {"indicators": indicators(n)}, "units": vec![json!({"id": "u"}); units]});
        let e = servex::call("score_units", &input).expect_err("over the limit");
        assert_eq!((e.kind().as_str(), e.path()), ("limit_exceeded", "/units"), "{n} x {units}");
    }
    let labels: Vec<String> = (0..1_000_001).map(|u| format!("u{u}")).collect();
    let codes: Vec<u32> = vec![0];
    let ids = vec!["k0".to_string()];
    let long = servex::units::LongValues {
        units: servex::units::Labelled { labels: &labels, codes: &codes },
        indicators: servex::units::Labelled { labels: &ids, codes: &codes },
        periods: None,
        values: &[Some(0.5)],
    };
    let e = servex::units::score_units_long(&json!({"indicators": indicators(1)}), &long).expect_err("over the limit");
    assert_eq!((e.kind().as_str(), e.path()), ("limit_exceeded", "/unit"));
}
