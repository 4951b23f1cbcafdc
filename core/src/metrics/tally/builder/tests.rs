//! A tally built batch by batch against the metrics on the whole columns.

use serde_json::{json, Value};

use super::*;
use crate::metrics::{ScaleMetric, Split};
use crate::AsValue;

/// Answers with invalid ones among them, weights with zeros, labels that first appear
/// late and one answer far off every dense slot.
fn columns() -> (Vec<f64>, Vec<GroupLabel>, Vec<f64>) {
    let mut x = 7u64;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut answers = Vec::new();
    let mut labels = Vec::new();
    let mut weights = Vec::new();
    for i in 0..3000u64 {
        let r = next();
        answers.push(match r % 40 {
            37 => 7.5,
            38 => f64::NAN,
            39 => 200.0,
            v => (v % 12) as f64,
        });
        let group = (r >> 8) % if i < 1500 { 4 } else { 9 };
        labels.push(if group % 2 == 0 { GroupLabel::Int(group as i64) } else { GroupLabel::Str(format!("g{group}")) });
        weights.push(if r % 10 == 0 { 0.0 } else { ((r >> 20) % 1000) as f64 / 97.0 });
    }
    (answers, labels, weights)
}

/// The tally of the columns pushed in batches of `size`, labels registered per batch
/// in reverse order of first sight (as a file's dictionary might give them).
fn built(size: usize, weighted: bool) -> Result<Tally, Error> {
    let (answers, labels, weights) = columns();
    let mut builder = TallyBuilder::grouped();
    for start in (0..answers.len()).step_by(size) {
        let end = (start + size).min(answers.len());
        let batch = labels.get(start..end).unwrap_or_default();
        for label in batch.iter().rev() {
            builder.group(label.clone())?;
        }
        let codes: Vec<u32> = batch.iter().map(|l| builder.group(l.clone())).collect::<Result<_, _>>()?;
        let columns = RowWeights {
            weights: weighted.then(|| weights.get(start..end).unwrap_or_default()),
            ..RowWeights::default()
        };
        builder.push(answers.get(start..end).unwrap_or_default(), Some(Codes::U32(&codes)), columns)?;
    }
    Ok(builder.finish())
}

fn as_json(x: f64) -> Value {
    if x.is_finite() {
        json!(x)
    } else {
        json!("not a number")
    }
}

#[test]
fn batches_give_the_bits_of_the_whole_columns() {
    let (answers, labels, weights) = columns();
    let responses: Vec<Value> = answers.iter().map(|&x| as_json(x)).collect();
    for (name, options) in [
        ("nps", json!({"invalid": "skip", "compare": "previous"})),
        ("csat", json!({"invalid": "skip", "scale": 10, "top": 3, "funnel": true})),
        ("ces", json!({"invalid": "skip", "compare": "rest", "adjust": "bh"})),
    ] {
        for weighted in [false, true] {
            let mut input = options.clone();
            input["responses"] = json!(responses);
            input["groups"] = json!(labels);
            if weighted {
                input["weights"] = json!(weights);
            }
            let whole = crate::metrics::call(name, &input);
            assert!(matches!(whole, Some(Ok(_))), "{whole:?}");
            let metric = ScaleMetric::from_options(name, &options);
            for size in [1, 100, 1024, 1500, 5000] {
                let finished =
                    metric.as_ref().map(|m| built(size, weighted).and_then(|t| m.finish_tally::<AsValue>(&t)));
                assert_eq!(finished.ok(), whole.clone(), "{name}, weighted {weighted}, batches of {size}");
            }
        }
    }
}

#[test]
fn tally_new_is_one_batch() {
    let (answers, labels, weights) = columns();
    let groups = crate::metrics::Groups::from_labels(labels).ok();
    let columns = RowWeights { weights: Some(&weights), ..RowWeights::default() };
    let whole = groups.as_ref().map(|g| Tally::new(&answers, Some(Split::Groups(g)), columns));
    assert_eq!(whole, Some(built(333, true)));
}

#[test]
fn errors_count_rows_from_the_first_batch() {
    let mut builder = TallyBuilder::grouped();
    let codes = [builder.group(GroupLabel::Int(1)), builder.group("a".into())];
    assert_eq!(codes.clone().map(Result::ok), [Some(0), Some(1)]);
    let unit = RowWeights::default();
    assert!(builder.push(&[1u8, 2, 3], Some(Codes::U32(&[0, 1, 0])), unit).is_ok());
    let before = builder.clone().finish();
    let at = |e: Result<(), Error>| e.err().map(|e| (e.kind(), e.path().to_string()));
    let bad_weight = RowWeights { weights: Some(&[1.0, -1.0]), ..unit };
    assert_eq!(
        at(builder.push(&[1u8, 2], Some(Codes::U32(&[0, 1])), bad_weight)),
        Some((ErrorKind::InvalidValue, "/weights/4".into()))
    );
    assert_eq!(
        at(builder.push(&[1u8, 2], Some(Codes::U32(&[0, 2])), unit)),
        Some((ErrorKind::InvalidValue, "/groups/4".into()))
    );
    assert_eq!(
        at(builder.push(&[1u8, 2], Some(Codes::U32(&[0])), unit)),
        Some((ErrorKind::InvalidDocument, "/groups".into()))
    );
    assert_eq!(at(builder.push(&[1u8], None, unit)), Some((ErrorKind::InvalidDocument, "/groups".into())));
    // A refused batch leaves the builder as it was.
    assert_eq!(builder.rows(), 3);
    assert_eq!(builder.finish(), before);

    let mut ungrouped = TallyBuilder::ungrouped();
    assert_eq!(ungrouped.group("a".into()).err().map(|e| e.kind()), Some(ErrorKind::InvalidDocument));
    assert_eq!(
        at(ungrouped.push(&[1u8], Some(Codes::U32(&[0])), unit)),
        Some((ErrorKind::InvalidDocument, "/groups".into()))
    );
}

#[test]
fn the_first_invalid_answer_is_named_at_its_row_in_the_whole_input() {
    let mut builder = TallyBuilder::ungrouped();
    let unit = RowWeights::default();
    for batch in [[9.0, 10.0], [3.0, 7.5], [11.0, 4.0]] {
        assert!(builder.push(&batch, None, unit).is_ok());
    }
    let metric = ScaleMetric::from_options("nps", &json!({}));
    let e = metric.and_then(|m| m.finish_tally::<AsValue>(&builder.finish())).err();
    assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::InvalidValue, "/responses/3".into())));
}

#[test]
fn groups_follow_their_first_row_and_unused_labels_are_left_out() {
    let mut builder = TallyBuilder::grouped();
    let codes: Vec<u32> = ["unused", "late", "early"].iter().filter_map(|&l| builder.group(l.into()).ok()).collect();
    assert_eq!(builder.labels().len(), 3);
    let rows = [codes[2], codes[1], codes[2]];
    assert!(builder.push(&[10u8, 0, 5], Some(Codes::U32(&rows)), RowWeights::default()).is_ok());
    let tally = builder.finish();
    assert_eq!(tally.labels(), &[GroupLabel::from("early"), GroupLabel::from("late")]);
}

#[test]
fn only_row_indexes_move() {
    let e = |path: &str| past(Error::new(ErrorKind::InvalidValue, path, "m"), 10).path().to_string();
    assert_eq!(e("/weights/3"), "/weights/13");
    assert_eq!(e("/groups"), "/groups");
    assert_eq!(e(""), "");
    assert_eq!(e("/weights/+3"), "/weights/+3");
}
