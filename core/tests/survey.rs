//! SPEC 10's invariants on generated surveys (proptest): raw answers and their tally,
//! in any row order and chunking, give the same results; constant weights give the
//! unweighted ones; hostile weights are typed errors, never a panic or a NaN.

use proptest::prelude::*;
use serde_json::{json, Value};
use servex::metrics::{Codes, RowWeights, Split, Tally};
use servex::ErrorKind;

const METRICS: [(&str, i64); 3] = [("nps", 10), ("csat", 5), ("ces", 7)];

/// Every number of `a` within `tolerance` of `b`'s (relative to its size), every other
/// value equal.
fn close(a: &Value, b: &Value, tolerance: f64) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
            (x - y).abs() <= tolerance * x.abs().max(1.0)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| close(x, y, tolerance))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| close(v, w, tolerance)))
        }
        _ => a == b,
    }
}

/// A survey: answers on 0..=12 (some off every scale), a group of four, a weight.
fn survey() -> impl Strategy<Value = Vec<(i64, i64, f64)>> {
    prop::collection::vec((0i64..=12, 0i64..4, prop_oneof![Just(0.0), 0.05..20.0f64]), 1..80)
}

/// The tally of `rows` as SPEC 10's columns, built from chunks of `chunk` rows.
fn tally_columns(rows: &[(i64, i64, f64)], chunk: usize, weighted: bool) -> Value {
    let mut total: Option<Tally> = None;
    for part in rows.chunks(chunk.max(1)) {
        let values: Vec<f64> = part.iter().map(|r| r.0 as f64).collect();
        let groups: Vec<i64> = part.iter().map(|r| r.1).collect();
        let weights: Vec<f64> = part.iter().map(|r| r.2).collect();
        let columns = RowWeights { weights: weighted.then_some(weights.as_slice()), ..RowWeights::default() };
        let t = Tally::new(&values, Some(Split::Integers(Codes::I64(&groups))), columns).expect("valid columns");
        total = Some(match total {
            Some(acc) => acc + t,
            None => t,
        });
    }
    let total = total.expect("at least one chunk");
    let rows: Vec<_> = total.rows().collect();
    json!({
        "responses": rows.iter().map(|r| r.1).collect::<Vec<_>>(),
        "groups": rows.iter().map(|r| r.0.cloned()).collect::<Vec<_>>(),
        "counts": rows.iter().map(|r| r.2.n as f64).collect::<Vec<_>>(),
        "weights": rows.iter().map(|r| r.2.w).collect::<Vec<_>>(),
        "weights_sq": rows.iter().map(|r| r.2.q).collect::<Vec<_>>(),
    })
}

fn raw_columns(rows: &[(i64, i64, f64)], weighted: bool) -> Value {
    let mut v = json!({
        "responses": rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        "groups": rows.iter().map(|r| r.1).collect::<Vec<_>>(),
    });
    if weighted {
        v["weights"] = json!(rows.iter().map(|r| r.2).collect::<Vec<_>>());
    }
    v
}

fn with(mut input: Value, options: &Value) -> Value {
    if let (Some(i), Some(o)) = (input.as_object_mut(), options.as_object()) {
        i.extend(o.clone());
    }
    input
}

/// A result's groups in label order (a tally in another row order reports them in
/// another order).
fn by_label(result: &Value) -> Vec<Value> {
    let mut groups = result["groups"].as_array().cloned().unwrap_or_default();
    groups.sort_by_key(|g| g["group"].as_i64());
    groups
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn raw_answers_and_their_tally_agree(rows in survey(), chunk in 1usize..30, reversed: bool, weighted: bool) {
        let mut shuffled = rows.clone();
        if reversed {
            shuffled.reverse();
        }
        let tallied = tally_columns(&shuffled, chunk, weighted);
        let raw = raw_columns(&rows, weighted);
        for (name, _) in METRICS {
            for options in [json!({"invalid": "skip"}), json!({"invalid": "skip", "compare": "rest"})] {
                let a = servex::call(name, &with(raw.clone(), &options));
                let b = servex::call(name, &with(tallied.clone(), &options));
                match (a, b) {
                    (Ok(a), Ok(b)) => {
                        let (a, b) = (by_label(&a), by_label(&b));
                        // "rest" pools the other groups: the same whatever their order.
                        prop_assert!(close(&json!(a), &json!(b), 1e-9), "{name} {options}\n{a:?}\n{b:?}");
                    }
                    (Err(a), Err(b)) => prop_assert_eq!((a.kind(), a.path()), (b.kind(), b.path())),
                    (a, b) => prop_assert!(false, "{name}: {a:?} against {b:?}"),
                }
            }
        }
    }

    #[test]
    fn constant_weights_give_the_unweighted_result(rows in survey(), weight in 1e-3..1e3f64) {
        let plain = raw_columns(&rows, false);
        let mut weighted = plain.clone();
        weighted["weights"] = json!(vec![weight; rows.len()]);
        for (name, _) in METRICS {
            for options in [json!({"invalid": "skip", "method": "wald"}), json!({"invalid": "skip", "compare": "previous"})] {
                let options = if name == "nps" { options } else { json!({"invalid": "skip", "compare": "previous"}) };
                let a = servex::call(name, &with(plain.clone(), &options));
                let b = servex::call(name, &with(weighted.clone(), &options));
                match (a, b) {
                    (Ok(a), Ok(b)) => prop_assert!(close(&a, &b, 1e-12), "{name}\n{a}\n{b}"),
                    (Err(a), Err(b)) => prop_assert_eq!(a.kind(), b.kind()),
                    (a, b) => prop_assert!(false, "{name}: {a:?} against {b:?}"),
                }
            }
        }
    }

    #[test]
    fn hostile_weights_are_typed_errors(
        rows in survey(),
        bad in prop_oneof![
            Just(json!(f64::MAX)), Just(json!(-1.0)), Just(json!(1e-310)), Just(json!(null)),
            Just(json!("1")), Just(json!([1])), Just(json!({"w": 1})), Just(json!(1e301))
        ],
        at in 0usize..80,
    ) {
        let mut input = raw_columns(&rows, true);
        let i = at % rows.len();
        input["weights"][i] = bad;
        for (name, _) in METRICS {
            let e = servex::call(name, &input).err();
            prop_assert_eq!(e.as_ref().map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::InvalidValue, format!("/weights/{i}"))));
        }
    }
}

#[test]
fn weights_whose_sums_overflow_or_underflow_are_refused_at_weights() {
    for (weights, what) in
        [(json!([1e200, 1.0, 1.0]), "squares overflow"), (json!([1e-200, 1e-200, 1e-200]), "squares underflow")]
    {
        for (name, top) in METRICS {
            let input = json!({"responses": [top, 1, top], "weights": weights});
            let e = servex::call(name, &input).err();
            assert_eq!(
                e.map(|e| (e.kind(), e.path().to_string())),
                Some((ErrorKind::InvalidValue, "/weights".into())),
                "{name} {what}"
            );
        }
    }
    // Pooled for "rest": each group's squares fit, the pool's weights overflow.
    let input = json!({"responses": [9, 3], "groups": ["a", "b"], "counts": [1, 1], "weights": [1e300, 1e300], "weights_sq": [1e300, 1e300], "compare": "rest"});
    assert!(servex::call("nps", &input).is_ok());
    let wrong_length = json!({"responses": [9, 3], "weights": [1.0]});
    assert_eq!(servex::call("nps", &wrong_length).err().map(|e| e.path().to_string()), Some("/weights".into()));
}

/// Every number in `v`, with its path.
fn numbers(v: &Value, at: String, out: &mut Vec<(String, f64)>) {
    match v {
        Value::Number(n) => out.push((at, n.as_f64().unwrap_or(f64::NAN))),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, x)| numbers(x, format!("{at}/{i}"), out)),
        Value::Object(members) => members.iter().for_each(|(k, x)| numbers(x, format!("{at}/{k}"), out)),
        _ => {}
    }
}

#[test]
fn no_result_holds_a_negative_zero() {
    // Equal groups (differences of 0), a lone promoter, extreme but valid weights.
    let responses = json!([9, 3, 9, 3, 7, 7, 5, 5]);
    let groups = json!([1, 1, 2, 2, 3, 3, 4, 4]);
    for weights in [json!([1, 1, 1, 1, 1, 1, 1, 1]), json!([1e300, 1e-300, 2.5, 0, 1, 1, 3, 3])] {
        for (name, compare) in [("nps", "first"), ("csat", "previous"), ("ces", "rest"), ("nps", "rest")] {
            let input = json!({"invalid": "skip", "responses": responses, "groups": groups, "weights": weights, "compare": compare});
            let Ok(result) = servex::call(name, &input) else { continue };
            let mut found = Vec::new();
            numbers(&result, String::new(), &mut found);
            assert!(!found.is_empty());
            for (at, x) in found {
                assert!(x.is_finite() && !(x == 0.0 && x.is_sign_negative()), "{name} {at}: {x}");
            }
        }
    }
}

#[test]
fn weights_near_the_overflow_of_their_squares_give_the_unweighted_result() {
    // Four weights of 6.5e153: their squares sum just below f64::MAX, W^2 would not.
    for (name, responses) in
        [("nps", json!([10, 9, 7, 0])), ("csat", json!([5, 4, 1, 2])), ("ces", json!([5, 4, 1, 2]))]
    {
        let plain = servex::call(name, &json!({"responses": responses})).expect("valid");
        let heavy =
            servex::call(name, &json!({"responses": responses, "weights": [6.5e153, 6.5e153, 6.5e153, 6.5e153]}));
        let heavy = heavy.expect("valid weights");
        assert!(close(&plain, &heavy, 1e-12), "{name}\n{plain}\n{heavy}");
    }
}
