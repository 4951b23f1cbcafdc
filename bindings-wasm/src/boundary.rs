//! The rules the JavaScript facade asks the core for instead of writing them again:
//! the error kinds, how a non-finite number is read, the indicator limit and its
//! message. Each answers with JSON text, as every call does.

/// The core's error kinds, in SPEC order, as a JSON array of their names.
///
/// ```
/// assert!(servex_wasm::error_kinds().starts_with(r#"["invalid_json","#));
/// ```
pub fn error_kinds() -> String {
    // A list of names always writes; were the text ever empty, the facade would fail to load.
    serde_json::to_string(&servex::ErrorKind::ALL.map(servex::ErrorKind::as_str)).unwrap_or_default()
}

/// How the input of call `name` reads the non-finite number `x` found at `path` (see
/// [`servex::boundary::non_finite`]): `{"ok": replacement}` or the error envelope.
///
/// ```
/// assert_eq!(servex_wasm::non_finite("kano", "/functional/0/1", f64::NAN), r#"{"ok":null}"#);
/// ```
pub fn non_finite(name: &str, path: &str, x: f64) -> String {
    servex::json::envelope(servex::boundary::non_finite(name, path, x).and_then(servex::json::to_text))
}

/// How the input of call `name` reads text that is not Unicode found at `path` (see
/// [`servex::boundary::not_unicode`]): `{"ok": replacement}` or the error envelope.
///
/// ```
/// assert_eq!(servex_wasm::not_unicode("nps", "/responses/0"), r#"{"ok":null}"#);
/// ```
pub fn not_unicode(name: &str, path: &str) -> String {
    servex::json::envelope(servex::boundary::not_unicode(name, path).and_then(servex::json::to_text))
}

/// The error envelope of a document of `count` indicators when that is more than
/// [`servex::scorecard::MAX_INDICATORS`], so that the facade refuses it before turning
/// it into text; `None` for a count within the limit.
///
/// ```
/// assert_eq!(servex_wasm::check_indicator_count(3), None);
/// assert!(servex_wasm::check_indicator_count(2_000_000).is_some_and(|e| e.contains("limit_exceeded")));
/// ```
pub fn check_indicator_count(count: u32) -> Option<String> {
    let count = count as usize;
    (count > servex::scorecard::MAX_INDICATORS)
        .then(|| servex::json::error_envelope(&servex::scorecard::too_many_indicators(count)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn parsed(text: &str) -> Value {
        serde_json::from_str(text).expect("JSON text")
    }

    #[test]
    fn the_kinds_are_the_cores() {
        let names: Vec<&str> = servex::ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(parsed(&error_kinds()), json!(names));
    }

    #[test]
    fn a_non_finite_number_is_read_as_the_core_reads_it() {
        assert_eq!(parsed(&non_finite("servqual", "/perceptions/2/0", f64::NAN)), json!({"ok": null}));
        assert_eq!(parsed(&non_finite("nps", "/responses/1", f64::NEG_INFINITY)), json!({"ok": "-Infinity"}));
        let refused = parsed(&non_finite("nps", "/confidence", f64::INFINITY));
        assert_eq!(
            refused["error"],
            json!({"kind": "invalid_value", "path": "/confidence", "message": "Infinity is not a finite number"})
        );
    }

    #[test]
    fn the_indicator_limit_is_the_cores_with_its_message() {
        let limit = servex::scorecard::MAX_INDICATORS as u32;
        assert_eq!(check_indicator_count(limit), None);
        let refused = check_indicator_count(limit + 1).map(|text| parsed(&text));
        let expected = servex::scorecard::too_many_indicators(limit as usize + 1).to_json();
        assert_eq!(refused, Some(json!({ "error": expected })));
    }
}
