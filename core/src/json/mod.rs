//! JSON text in, with the SPEC 8 nesting limit enforced before any parsing, so that
//! hostile text is refused cheaply and never recurses deeply; typed values out of a
//! JSON tree with the path of any fault (`read`); answers out as JSON text
//! ([`envelope()`]).

use serde_json::Value;

use crate::error::{Error, ErrorKind};

mod envelope;
mod finite;
mod read;
pub(crate) mod whole;
pub use envelope::{envelope, error_envelope};
pub(crate) use finite::check as check_finite;
pub(crate) use read::from_value;
/// The reader checked against `serde_path_to_error`, for the tests of the crate's types.
#[cfg(test)]
pub(crate) use read::tests::{agree, mutations_agree};

/// A result as a JSON tree: `invalid_value` at `""` when it holds what JSON cannot
/// (a non-finite number), never a panic.
pub fn to_tree(result: impl serde::Serialize) -> Result<Value, Error> {
    finite::check(&result)?;
    serde_json::to_value(result).map_err(unrepresentable)
}

/// A result as JSON text, as [`to_tree`].
pub fn to_text(result: impl serde::Serialize) -> Result<String, Error> {
    finite::check(&result)?;
    serde_json::to_string(&result).map_err(unrepresentable)
}

pub(crate) fn unrepresentable(e: serde_json::Error) -> Error {
    Error::new(ErrorKind::InvalidValue, "", format!("result is not representable as JSON: {e}"))
}

/// The deepest nesting a document may have; the top-level value is depth 1.
pub const MAX_DEPTH: usize = 64;

/// Parses JSON text into a value, refusing text nested deeper than [`MAX_DEPTH`]
/// (`limit_exceeded` at `""`) and text that is not JSON (`invalid_json`).
pub fn parse(text: &str) -> Result<Value, Error> {
    let text = without_bom(text);
    check_text_depth(text)?;
    serde_json::from_str(text).map_err(|e| Error::new(ErrorKind::InvalidJson, "", format!("not valid JSON: {e}")))
}

/// The text without a leading UTF-8 byte order mark: not JSON, but editors write one
/// and it carries no data (RFC 8259 lets a reader ignore it). Every front reads JSON
/// text through here, so all accept it alike.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Refuses text nested deeper than [`MAX_DEPTH`] by scanning the brackets outside
/// strings; malformed text is left for the parser to name.
fn check_text_depth(text: &str) -> Result<(), Error> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in text.as_bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(too_deep());
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// The same limit for a value built in memory (from Python or JavaScript objects).
pub fn check_depth(value: &Value) -> Result<(), Error> {
    check_depth_at(value, 1)
}

/// The limit for a value that sits at `depth` inside a larger document.
pub(crate) fn check_depth_at(value: &Value, depth: usize) -> Result<(), Error> {
    let mut stack: Vec<(&Value, usize)> = vec![(value, depth)];
    while let Some((v, depth)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match v {
            Value::Array(items) => Box::new(items.iter()),
            Value::Object(members) => Box::new(members.values()),
            _ => continue,
        };
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        stack.extend(children.map(|c| (c, depth + 1)));
    }
    Ok(())
}

/// The error for input nested deeper than [`MAX_DEPTH`]: also what a front raises when
/// it meets the limit while converting its own objects.
pub fn too_deep() -> Error {
    Error::new(ErrorKind::LimitExceeded, "", format!("JSON is nested more than {MAX_DEPTH} deep"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        format!("{}{}", "[".repeat(depth), "]".repeat(depth))
    }

    #[test]
    fn depth_64_is_allowed_and_65_refused() {
        assert!(parse(&nested(64)).is_ok());
        let e = parse(&nested(65)).unwrap_err();
        assert_eq!((e.kind(), e.path()), (ErrorKind::LimitExceeded, ""));
        let deep = parse(&nested(10_000)).unwrap_err();
        assert_eq!(deep.kind(), ErrorKind::LimitExceeded);
    }

    #[test]
    fn a_byte_order_mark_is_skipped_once() {
        assert_eq!(parse("\u{feff}[1]").ok(), Some(serde_json::json!([1])));
        assert_eq!(parse("\u{feff}\u{feff}[1]").err().map(|e| e.kind()), Some(ErrorKind::InvalidJson));
    }

    #[test]
    fn brackets_inside_strings_do_not_count() {
        let text = format!("[\"{}\\\"{}\"]", "[".repeat(100), "{".repeat(100));
        assert!(parse(&text).is_ok());
    }

    #[test]
    fn values_built_in_memory_obey_the_same_limit() {
        let ok: Value = serde_json::from_str(&nested(64)).unwrap();
        assert!(check_depth(&ok).is_ok());
        let mut deep = Value::Array(vec![]);
        for _ in 0..64 {
            deep = Value::Array(vec![deep]);
        }
        assert_eq!(check_depth(&deep).unwrap_err().kind(), ErrorKind::LimitExceeded);
        // A scalar at depth 65 does not deepen the structure.
        assert!(check_depth(&serde_json::json!({"a": 1})).is_ok());
    }

    #[test]
    fn malformed_text_is_invalid_json() {
        for text in ["", "{", "[1,]", "nul", "{\"a\" 1}"] {
            assert_eq!(parse(text).unwrap_err().kind(), ErrorKind::InvalidJson, "{text}");
        }
    }
}
