//! The answer of one call as JSON text, for fronts whose boundary is text both ways
//! (the WebAssembly modules): `{"ok": result}` or `{"error": {kind, message, path}}`.

use serde_json::Value;

use crate::error::Error;

/// `{"ok": result}` for a result, [`error_envelope`] for an error.
///
/// ```
/// let out = servex::json::envelope(Ok(serde_json::json!([1, 2])));
/// assert_eq!(out, r#"{"ok":[1,2]}"#);
/// ```
pub fn envelope(outcome: Result<Value, Error>) -> String {
    match outcome {
        Ok(result) => {
            // A `Value` holds only finite numbers and valid strings: writing it cannot fail.
            let mut out = String::from("{\"ok\":");
            out.push_str(&result.to_string());
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
    serde_json::json!({ "error": error.to_json() }).to_string()
}
