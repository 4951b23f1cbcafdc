//! The answer of one call as JSON text, for fronts whose boundary is text both ways
//! (the WebAssembly modules): `{"ok": result}` or `{"error": {kind, message, path}}`.

use crate::error::Error;

/// `{"ok": result}` for a result given as JSON text (e.g. by [`crate::call_text`]),
/// [`error_envelope`] for an error.
///
/// ```
/// let out = servex::json::envelope(Ok("[1,2]".to_string()));
/// assert_eq!(out, r#"{"ok":[1,2]}"#);
/// ```
pub fn envelope(outcome: Result<String, Error>) -> String {
    match outcome {
        Ok(result) => {
            let mut out = String::with_capacity(result.len() + 7);
            out.push_str("{\"ok\":");
            out.push_str(&result);
            out.push('}');
            out
        }
        Err(error) => error_envelope(&error),
    }
}

/// `{"error": {"kind", "message", "path"}}`.
///
/// ```
/// use servex::{Error, ErrorKind};
/// let out = servex::json::error_envelope(&Error::new(ErrorKind::EmptyInput, "/responses", "none"));
/// assert_eq!(out, r#"{"error":{"kind":"empty_input","message":"none","path":"/responses"}}"#);
/// ```
pub fn error_envelope(error: &Error) -> String {
    // Written as results are (into a String, not through `fmt`): one JSON writer in the
    // WebAssembly module. A tree of strings always serialises.
    let mut out = String::from("{\"error\":");
    out.push_str(&serde_json::to_string(&error.to_json()).unwrap_or_default());
    out.push('}');
    out
}
