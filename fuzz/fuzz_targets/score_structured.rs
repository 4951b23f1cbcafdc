//! Structure-aware scorecards: documents that are mostly well formed, with hostile
//! numbers (NaN, infinities, huge weights, equal baselines and targets), odd ids and
//! references, so the fuzzer spends its time inside scoring rather than in the parser.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

const PERSPECTIVES: [&str; 5] = ["service", "financial", "operational", "learning_growth", "nowhere"];
const ELEMENTS: [&str; 10] = ["7.1.1", "7.1.2", "7.2.1", "7.2.2", "7.3.1", "7.3.2", "7.3.3", "7.4.1", "7.4.2", "7.9.9"];
const SCALES: [&str; 6] = ["maturity", "likert5", "percent", "icss", "evidence", "own"];

#[derive(Arbitrary, Debug)]
struct Doc {
    indicators: Vec<Ind>,
    perspective_weights: Option<Vec<(u8, f64)>>,
    own_scale: Option<(f64, f64, Option<Vec<f64>>)>,
    missing: u8,
    clamp: Option<bool>,
    thresholds: Option<(f64, f64)>,
    level_thresholds: Option<[f64; 4]>,
    element_weight: Option<(u8, f64)>,
    trend_tolerance: Option<f64>,
}

#[derive(Arbitrary, Debug)]
struct Ind {
    id: u16,
    perspective: Option<u8>,
    element: Option<u8>,
    kind: Kind,
    value: Option<f64>,
    weight: Option<f64>,
    levels: Option<Vec<i8>>,
    principles: Option<Vec<u8>>,
    history: Vec<Option<f64>>,
    thresholds: Option<(Option<f64>, Option<f64>)>,
}

#[derive(Arbitrary, Debug)]
enum Kind {
    Measure(f64, f64),
    Range(f64, f64, f64, f64),
    Rating(u8),
}

/// JSON has no NaN or infinity: those become null, as a JSON front would send them.
fn num(v: f64) -> Value {
    serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
}

fn indicator(ind: &Ind) -> Value {
    let mut v = json!({"id": format!("i{}", ind.id % 64)});
    if let Some(p) = ind.perspective {
        v["perspective"] = json!(PERSPECTIVES[usize::from(p) % PERSPECTIVES.len()]);
    }
    if let Some(e) = ind.element {
        v["element"] = json!(ELEMENTS[usize::from(e) % ELEMENTS.len()]);
    }
    match ind.kind {
        Kind::Measure(b, t) => (v["baseline"], v["target"]) = (num(b), num(t)),
        Kind::Range(a, b, c, d) => (v["baseline"], v["target"]) = (json!([num(a), num(d)]), json!([num(b), num(c)])),
        Kind::Rating(s) => v["scale"] = json!(SCALES[usize::from(s) % SCALES.len()]),
    }
    v["value"] = ind.value.map_or(Value::Null, num);
    if let Some(w) = ind.weight {
        v["weight"] = num(w);
    }
    if let Some(levels) = &ind.levels {
        v["levels"] = json!(levels);
    }
    if let Some(ps) = &ind.principles {
        v["principles"] = json!(ps.iter().map(|p| format!("P{}", p % 9)).collect::<Vec<_>>());
    }
    if !ind.history.is_empty() {
        let points: Vec<Value> =
            ind.history.iter().enumerate().map(|(k, h)| json!({"period": k.to_string(), "value": h.map_or(Value::Null, num)})).collect();
        v["history"] = json!(points);
    }
    if let Some((g, a)) = ind.thresholds {
        v["thresholds"] = json!({"green": g.map_or(Value::Null, num), "amber": a.map_or(Value::Null, num)});
    }
    v
}

fuzz_target!(|doc: Doc| {
    let mut v = json!({"servex": 1, "indicators": doc.indicators.iter().map(indicator).collect::<Vec<_>>()});
    if let Some(ws) = &doc.perspective_weights {
        let list: Vec<Value> = ws
            .iter()
            .map(|(p, w)| json!({"id": PERSPECTIVES[usize::from(*p) % PERSPECTIVES.len()], "weight": num(*w)}))
            .collect();
        v["perspectives"] = json!(list);
    }
    if let Some((min, max, values)) = &doc.own_scale {
        let values = values.as_ref().map(|vs| vs.iter().copied().map(num).collect::<Vec<_>>());
        v["scales"] = json!({"own": {"min": num(*min), "max": num(*max), "values": values}});
    }
    let missing = ["exclude", "zero", "error"][usize::from(doc.missing) % 3];
    let mut options = json!({ "missing": missing });
    if let Some(c) = doc.clamp {
        options["clamp"] = json!(c);
    }
    if let Some((g, a)) = doc.thresholds {
        options["thresholds"] = json!({"green": num(g), "amber": num(a)});
    }
    if let Some(lt) = doc.level_thresholds {
        options["level_thresholds"] = json!(lt.iter().copied().map(num).collect::<Vec<_>>());
    }
    if let Some((e, w)) = doc.element_weight {
        options["element_weights"] = json!({ELEMENTS[usize::from(e) % ELEMENTS.len()]: num(w)});
    }
    if let Some(t) = doc.trend_tolerance {
        options["trend_tolerance"] = num(t);
    }
    v["options"] = options;
    if let Ok(report) = servex::call("score", &v) {
        // A report never carries a non-finite number: serde_json would have made it null,
        // so every score present must be a finite number in a clamped run.
        if doc.clamp != Some(false) {
            if let Some(s) = report["score"].as_f64() {
                assert!((0.0..=1.0).contains(&s), "clamped score {s} outside [0, 1]");
            }
        }
    }
});
