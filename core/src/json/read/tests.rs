//! The reader against the one it replaced, on a small document of its own here and on
//! the crate's documents, frameworks and reports where those are defined
//! ([`mutations_agree`] is the crate's for that).

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::*;

/// The reader this module replaced (`serde_path_to_error` over serde_json's own
/// deserializer), kept here as the reference the new one must agree with.
fn reference<T: DeserializeOwned>(value: &Value) -> Result<T, Error> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let mut path = String::new();
        for segment in e.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => path = pointer(&path, index),
                serde_path_to_error::Segment::Map { key } => path = pointer(&path, key),
                serde_path_to_error::Segment::Enum { .. } | serde_path_to_error::Segment::Unknown => {}
            }
        }
        Error::new(ErrorKind::InvalidDocument, path, e.inner().to_string())
    })
}

/// Both readers give the same value, or the same error (kind, path and message).
pub(crate) fn agree<T: DeserializeOwned + Serialize>(value: &Value) {
    let ours = from_value::<T>(value).map(|t| serde_json::to_value(t).ok());
    let theirs = reference::<T>(value).map(|t| serde_json::to_value(t).ok());
    assert_eq!(ours, theirs, "on {value}");
}

/// Every node of `value` with its path as a list of steps; of an array only the first
/// two items (the rest repeat the same shapes).
fn nodes(value: &Value) -> Vec<Vec<Step>> {
    let mut out = vec![vec![]];
    let mut stack = vec![(value, vec![])];
    while let Some((v, at)) = stack.pop() {
        let children: Vec<(Step, &Value)> = match v {
            Value::Array(items) => items.iter().enumerate().take(2).map(|(i, c)| (Step::Index(i), c)).collect(),
            Value::Object(members) => members.iter().map(|(k, c)| (Step::Key(k.clone()), c)).collect(),
            _ => continue,
        };
        for (step, child) in children {
            let mut path = at.clone();
            path.push(step);
            out.push(path.clone());
            stack.push((child, path));
        }
    }
    out
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn node_mut<'a>(value: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(value, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// Replaces every node by every kind of wrong value, adds an unknown member to every
/// object and removes every member in turn; both readers must agree on each result.
pub(crate) fn mutations_agree<T: DeserializeOwned + Serialize>(original: &Value) {
    agree::<T>(original);
    let replacements = [
        Value::Null,
        json!(true),
        json!("x"),
        json!(1.5),
        json!(1e300),
        json!(-3),
        json!(7),
        json!(u64::MAX),
        json!([]),
        json!([1, 2, 3]),
        json!({}),
        json!({"bogus": 1}),
        json!({"exclude": null}),
    ];
    for path in nodes(original) {
        for replacement in &replacements {
            let mut doc = original.clone();
            *node_mut(&mut doc, &path) = replacement.clone();
            agree::<T>(&doc);
        }
        let mut doc = original.clone();
        if let Value::Object(members) = node_mut(&mut doc, &path) {
            members.insert("bogus/~".into(), json!(1));
            let keys: Vec<String> = members.keys().cloned().collect();
            agree::<T>(&doc);
            for key in keys {
                let mut doc = original.clone();
                if let Value::Object(members) = node_mut(&mut doc, &path) {
                    members.shift_remove(&key);
                }
                agree::<T>(&doc);
            }
        }
    }
}

/// One of each shape the crate's types are made of: a struct refusing unknown members,
/// an option, a list of structs, a map, and an enum written as a word or as an object of
/// one member.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    title: Option<String>,
    weight: f64,
    rows: Vec<Row>,
    weights: BTreeMap<String, f64>,
    bounds: Vec<Bound>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    id: String,
    level: u8,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Bound {
    Open,
    Value(f64),
    Range { lo: f64, hi: f64 },
}

#[test]
fn a_document_reads_as_the_reference_reads_it() {
    mutations_agree::<Doc>(&json!({
        "title": "t",
        "weight": 2.5,
        "rows": [{"id": "a", "level": 1}, {"id": "b", "level": 4}],
        "weights": {"a": 1, "b/~": 0.5},
        "bounds": ["open", {"value": 3}, {"range": {"lo": 1, "hi": 2}}]
    }));
}
