//! JSON text in, JSON envelope text out: the whole conversion between JavaScript and
//! the core, as plain Rust that is unit-tested on the host and under wasm.

/// Runs the contract call `name` on `input`, JSON text (a document for `score`, the
/// keyword-argument object for the others), and answers with an envelope
/// ([`servex::json::envelope`]): `{"ok": result}` or `{"error": {kind, message, path}}`.
///
/// The text is parsed by [`servex::json::parse`], which refuses nesting deeper than
/// 64 (`limit_exceeded`) and text that is not JSON (`invalid_json`).
///
/// ```
/// let out = servex_wasm::run("nps", r#"{"responses": [10, 9, 3]}"#);
/// assert!(out.starts_with(r#"{"ok":"#) || out.starts_with(r#"{"error":"#));
/// ```
pub fn run(name: &str, input: &str) -> String {
    servex::json::envelope(servex::json::parse(input).and_then(|value| servex::call_text(name, &value)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn parsed(text: &str) -> Value {
        serde_json::from_str(text).expect("the envelope is JSON")
    }

    #[test]
    fn a_result_comes_back_under_ok() {
        let out = parsed(&run("catalogue", "{}"));
        assert_eq!(out["ok"]["id"], "iso23592:2021");
        assert_eq!(out.as_object().map(|o| o.len()), Some(1));
    }

    #[test]
    fn a_score_is_the_core_score() {
        let doc = r#"{"indicators": [{"id": "a", "element": "7.1.1", "scale": "maturity", "value": 3}]}"#;
        let out = parsed(&run("score", doc));
        let direct = servex::call("score", &serde_json::from_str(doc).unwrap()).unwrap();
        assert_eq!(out["ok"], direct);
        assert_eq!(out["ok"]["score"], 0.75);
    }

    #[test]
    fn errors_carry_kind_message_and_path() {
        let out = parsed(&run("score", r#"{"indicators": [], "bogus": 1}"#));
        assert_eq!(out["error"]["kind"], "invalid_document");
        assert_eq!(out["error"]["path"], "/bogus");
        assert!(out["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
    }

    #[test]
    fn text_that_is_not_json_is_invalid_json() {
        for text in ["", "{", "undefined", "[1,]", "\u{0}"] {
            assert_eq!(parsed(&run("score", text))["error"]["kind"], "invalid_json", "{text:?}");
        }
    }

    #[test]
    fn nesting_past_64_is_limit_exceeded_without_recursion() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let out = parsed(&run("nps", &deep));
        assert_eq!(out["error"]["kind"], "limit_exceeded");
        assert_eq!(out["error"]["path"], "");
    }

    #[test]
    fn an_unknown_call_is_invalid_document() {
        assert_eq!(parsed(&run("nope", "{}"))["error"]["kind"], "invalid_document");
    }

    #[test]
    fn numbers_keep_every_bit() {
        let doc =
            r#"{"indicators": [{"id": "a", "perspective": "service", "value": 0.1, "baseline": 0, "target": 0.3}]}"#;
        let out = parsed(&run("score", doc));
        assert_eq!(out["ok"]["indicators"][0]["achievement"].as_f64(), Some((0.1 - 0.0) / (0.3 - 0.0)));
    }
}
