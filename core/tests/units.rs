//! SPEC 12.1: each unit of `score_units` is, to the bit, what `score` gives for the
//! template with that unit's values (proptest), and ranks follow the scores.

use proptest::prelude::*;
use serde_json::{json, Value};

fn template() -> Value {
    json!({
        "perspectives": [{"id": "service", "weight": 2}, {"id": "financial"}],
        "indicators": [
            {"id": "nps", "perspective": "service", "baseline": 0, "target": 60},
            {"id": "wait", "perspective": "service", "element": "7.4.1", "baseline": 20, "target": 5},
            {"id": "care", "element": "7.3.1", "scale": "maturity"},
            {"id": "cost", "perspective": "financial", "baseline": 50, "target": 38}
        ]
    })
}

fn value() -> impl Strategy<Value = Option<f64>> {
    prop::option::of(-50.0..120.0f64)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_unit_is_its_own_document_scored(
        units in prop::collection::vec((value(), value(), prop::option::of(0u8..=4), value()), 0..12)
    ) {
        let ids = ["nps", "wait", "care", "cost"];
        let inputs: Vec<Value> = units
            .iter()
            .enumerate()
            .map(|(u, (a, b, c, d))| {
                let values = [*a, *b, c.map(f64::from), *d];
                let map: serde_json::Map<String, Value> =
                    ids.iter().zip(values).filter_map(|(id, v)| v.map(|v| ((*id).to_string(), json!(v)))).collect();
                json!({"id": format!("u{u}"), "values": map})
            })
            .collect();
        let result = servex::call("score_units", &json!({"scorecard": template(), "units": inputs})).expect("valid units");
        let rows = result["units"].as_array().cloned().unwrap_or_default();
        prop_assert_eq!(rows.len(), units.len());
        for (row, unit) in rows.iter().zip(&inputs) {
            let mut document = template();
            for ind in document["indicators"].as_array_mut().into_iter().flatten() {
                let id = ind["id"].as_str().unwrap_or_default().to_string();
                if let Some(v) = unit["values"].get(&id) {
                    ind["value"] = v.clone();
                }
            }
            let report = servex::call("score", &document).expect("the unit's document scores");
            for key in ["score", "model_score", "status", "coverage", "level_attained", "outcome", "focus_level"] {
                prop_assert_eq!(&row[key], &report[key], "{}", key);
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
}
