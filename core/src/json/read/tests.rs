use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

use super::*;
use crate::framework::Framework;
use crate::report::Report;
use crate::scorecard::Scorecard;

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
fn agree<T: DeserializeOwned + Serialize>(value: &Value) {
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
fn mutations_agree<T: DeserializeOwned + Serialize>(original: &Value) {
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

#[test]
fn documents_read_as_the_reference_reads_them() {
    let sample: Value = serde_json::from_str(crate::sample::SAMPLE_JSON).unwrap();
    mutations_agree::<Scorecard>(&sample);
}

#[test]
fn frameworks_read_as_the_reference_reads_them() {
    let framework = serde_json::to_value(crate::framework::builtin(crate::framework::BUILTIN_ID).unwrap()).unwrap();
    mutations_agree::<Framework>(&framework);
    let mut inline = serde_json::from_str::<Value>(crate::sample::SAMPLE_JSON).unwrap();
    inline["framework"] = framework;
    agree::<Scorecard>(&inline);
}

#[test]
fn reports_read_as_the_reference_reads_them() {
    let sample = crate::sample::sample_scorecard();
    let report = crate::score(&sample).unwrap();
    mutations_agree::<Report>(&serde_json::to_value(report).unwrap());
}

#[test]
fn faults_name_their_member() {
    let e = from_value::<Scorecard>(&json!({"indicators": [{"id": "a", "weight": "x"}]})).unwrap_err();
    assert_eq!(e.path(), "/indicators/0/weight");
    assert_eq!(e.message(), "invalid type: string \"x\", expected f64");
    let e = from_value::<Scorecard>(&json!({"indicators": [], "a/b": 1})).unwrap_err();
    assert_eq!(e.path(), "/a~1b");
    let e = from_value::<Scorecard>(&json!({"indicators": [{"id": 2.5}]})).unwrap_err();
    assert_eq!(e.message(), "invalid type: floating point `2.5`, expected a string");
    let e = from_value::<Scorecard>(&json!({})).unwrap_err();
    assert_eq!((e.path(), e.message()), ("", "missing field `indicators`"));
}
