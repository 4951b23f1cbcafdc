//! Replays the fuzzer's corpus (`tests/fuzz/call_text.json`, from `fuzz/`'s `call_text`
//! target) in the normal suite: every text through its call gives a result or an
//! error, the result written as text (`call_text`) is the value's text, and reading a
//! document from text agrees with reading it from a JSON value.

use serde_json::Value;
use servex::{call, score, Scorecard};

#[test]
fn every_corpus_input_gets_a_result_or_an_error_and_both_paths_agree() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fuzz/call_text.json");
    let corpus: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("corpus file")).expect("corpus JSON");
    let inputs = corpus["inputs"].as_array().expect("inputs");
    assert!(inputs.len() > 100, "the corpus has {} inputs", inputs.len());
    for input in inputs {
        let (name, text) = (input["call"].as_str().expect("call"), input["text"].as_str().expect("text"));
        let via_value = servex::json::parse(text).and_then(|value| call(name, &value));
        let as_text = servex::json::parse(text).and_then(|value| servex::call_text(name, &value));
        assert_eq!(as_text, via_value.as_ref().map(|v| v.to_string()).map_err(Clone::clone), "{text:?}");
        if name == "score" {
            let via_text = Scorecard::from_json_str(text).and_then(|card| score(&card).map(|r| r.into_owned()));
            match (&via_value, via_text) {
                (Ok(a), Ok(b)) => assert_eq!(a, &serde_json::to_value(b).expect("report"), "{text:?}"),
                (Err(a), Err(b)) => assert_eq!((a.kind(), a.path()), (b.kind(), b.path()), "{text:?}"),
                (a, b) => panic!("text and value paths disagree on {text:?}: {a:?} vs {b:?}"),
            }
        }
    }
}
