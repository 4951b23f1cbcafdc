//! Invariants of scoring, checked on generated scorecards (proptest).

use proptest::prelude::*;
use serde_json::{json, Value};
use servex::report::Report;
use servex::scorecard::{Bound, PerspectiveWeight};
use servex::{score, Indicator, Scorecard};

const PERSPECTIVES: [&str; 4] = ["service", "financial", "operational", "learning_growth"];
const ELEMENTS: [&str; 9] = ["7.1.1", "7.1.2", "7.2.1", "7.2.2", "7.3.1", "7.3.2", "7.3.3", "7.4.1", "7.4.2"];

/// One generated indicator, before it gets its id.
fn indicator() -> impl Strategy<Value = Indicator> {
    let measure = (-1e3..1e3f64, 1e-3..1e3f64, any::<bool>()).prop_map(|(baseline, span, up)| {
        Indicator::measure("", baseline, if up { baseline + span } else { baseline - span })
    });
    let rating = (0.0..=4.0f64).prop_map(|v| Indicator::rating("", "maturity").value(v));
    let kind = prop_oneof![measure, rating];
    (
        kind,
        prop::option::of(0..PERSPECTIVES.len()),
        prop::option::of(0..ELEMENTS.len()),
        prop::option::of(-2e3..2e3f64),
        0.0..10.0f64,
        prop::collection::vec(prop::option::of(-2e3..2e3f64), 0..4),
        prop::collection::btree_set(1..=4i64, 0..3),
    )
        .prop_map(|(mut ind, perspective, element, value, weight, history, levels)| {
            if ind.scale.is_none() {
                ind.value = value;
                for (k, v) in history.into_iter().enumerate() {
                    ind = ind.history(format!("p{k}"), v);
                }
            }
            ind.perspective = perspective.map(|p| PERSPECTIVES[p].to_string());
            // Every indicator needs a perspective or an element.
            ind.element =
                element.or(if perspective.is_none() { Some(0) } else { None }).map(|e| ELEMENTS[e].to_string());
            if !levels.is_empty() {
                ind.levels = Some(levels.into_iter().collect());
            }
            ind.weight(weight)
        })
}

fn scorecard() -> impl Strategy<Value = Scorecard> {
    (prop::collection::vec(indicator(), 0..24), prop::collection::vec(0.1..5.0f64, 4)).prop_map(|(inds, weights)| {
        let mut card = Scorecard::new();
        for (p, w) in PERSPECTIVES.iter().zip(weights) {
            card = card.perspective(*p, w);
        }
        for (i, mut ind) in inds.into_iter().enumerate() {
            ind.id = format!("i{i}");
            card = card.indicator(ind);
        }
        card
    })
}

/// Every score the report holds, view by view, in a fixed order.
fn scores(report: &Report) -> Vec<Option<f64>> {
    let mut out = vec![report.score, report.model_score, report.coverage];
    out.extend(report.perspectives.iter().map(|p| p.score));
    out.extend(report.dimensions.iter().map(|d| d.score));
    out.extend(report.elements.iter().map(|e| e.score));
    out.extend(report.levels.iter().map(|l| l.score));
    out.extend(report.principles.iter().map(|p| p.score));
    out
}

fn close(a: &[Option<f64>], b: &[Option<f64>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * (1.0 + x.abs()),
            (None, None) => true,
            _ => false,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn clamped_scores_and_progress_stay_in_the_unit_interval(card in scorecard()) {
        let report = score(&card).unwrap();
        for s in scores(&report).into_iter().flatten() {
            prop_assert!((0.0..=1.0).contains(&s), "score {s} outside [0, 1]");
        }
        for row in &report.indicators {
            prop_assert!(row.progress.is_none_or(|p| (0.0..=1.0).contains(&p)));
        }
        for row in &report.priorities {
            prop_assert!((0.0..=1.0).contains(&row.impact));
        }
    }

    #[test]
    fn moving_a_value_toward_its_target_never_lowers_a_score(card in scorecard(), pick in any::<prop::sample::Index>(), step in 0.0..1.0f64) {
        prop_assume!(!card.indicators.is_empty());
        let i = pick.index(card.indicators.len());
        let ind = &card.indicators[i];
        let (Some(value), Some(Bound::Value(target))) = (ind.value, ind.target) else { return Ok(()) };
        let mut better = card.clone();
        better.indicators[i].value = Some(value + (target - value) * step);
        let (before, after) = (scores(&score(&card).unwrap()), scores(&score(&better).unwrap()));
        for (b, a) in before.iter().zip(&after) {
            if let (Some(b), Some(a)) = (b, a) {
                prop_assert!(*a >= *b - 1e-12, "a score fell from {b} to {a}");
            }
        }
    }

    #[test]
    fn scaling_every_weight_together_changes_nothing(card in scorecard(), factor in 0.01..100.0f64) {
        let mut scaled = card.clone();
        for ind in &mut scaled.indicators {
            ind.weight = ind.weight.map(|w| w * factor);
        }
        for p in scaled.perspectives.iter_mut().flatten() {
            *p = PerspectiveWeight { weight: p.weight.map(|w| w * factor), ..p.clone() };
        }
        prop_assert!(close(&scores(&score(&card).unwrap()), &scores(&score(&scaled).unwrap())));
    }

    #[test]
    fn permuting_indicators_changes_no_score(card in scorecard(), seed in any::<u64>()) {
        let mut shuffled = card.clone();
        let n = shuffled.indicators.len();
        let mut state = seed | 1;
        for i in (1..n).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.indicators.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert!(close(&scores(&score(&card).unwrap()), &scores(&score(&shuffled).unwrap())));
    }

    #[test]
    fn no_report_holds_a_negative_zero(card in scorecard(), at_baseline in any::<prop::sample::Index>()) {
        // Put one measure at its baseline: lower-is-better measures gave -0.0 there.
        let mut card = card;
        if !card.indicators.is_empty() {
            let i = at_baseline.index(card.indicators.len());
            if let Some(Bound::Value(b)) = card.indicators[i].baseline {
                card.indicators[i].value = Some(b);
            }
        }
        let text = servex::call_text("score", &card.to_json()).unwrap_or_default();
        prop_assert!(!text.contains("-0.0,") && !text.contains("-0.0}") && !text.contains("-0.0]") && !text.contains(":-0,"), "{}", text);
    }

    #[test]
    fn a_document_survives_serialising_and_parsing(card in scorecard()) {
        let text = serde_json::to_string(&card.to_json()).unwrap();
        prop_assert_eq!(Scorecard::from_json_str(&text).unwrap(), card);
    }

    #[test]
    fn a_malformed_document_gets_an_error(card in scorecard(), pick in any::<prop::sample::Index>(), fault in 0..6usize) {
        prop_assume!(!card.indicators.is_empty());
        let mut doc = card.to_json();
        let i = pick.index(card.indicators.len());
        let ind = &mut doc["indicators"][i];
        match fault {
            0 => ind["wieght"] = json!(1),
            1 => ind["id"] = json!(""),
            2 => ind["weight"] = json!(-1),
            3 => ind["levels"] = json!([5]),
            4 => ind["value"] = json!("high"),
            _ => doc["options"] = json!({"missing": "ignore"}),
        }
        prop_assert!(servex::call("score", &doc).is_err());
    }

    #[test]
    fn any_json_gets_a_result_or_an_error_never_a_panic(value in arbitrary_json()) {
        for name in servex::CALLS {
            let _ = servex::call(name, &value);
        }
        let _ = servex::call("score", &json!({"indicators": [value.clone()]}));
    }
}

/// Arbitrary JSON, biased toward the shapes servex reads.
fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(vec!["id", "service", "7.1.1", "maturity", "", "zero", "wald"]).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let keys = prop::sample::select(vec![
            "id",
            "indicators",
            "perspective",
            "element",
            "value",
            "baseline",
            "target",
            "scale",
            "responses",
            "groups",
            "functional",
            "dysfunctional",
            "expectations",
            "perceptions",
            "framework",
            "levels",
            "weight",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((keys, inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}
