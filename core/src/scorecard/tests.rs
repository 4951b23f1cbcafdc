use serde_json::json;

use super::Scorecard;
use crate::json::from_value;

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

#[test]
fn a_byte_order_mark_is_skipped() {
    let card = Scorecard::from_json_str("\u{feff}{\"indicators\": []}");
    assert!(card.is_ok_and(|c| c.indicators.is_empty()));
}
