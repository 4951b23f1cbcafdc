//! One error type for the whole contract: a stable kind, a human message and a JSON
//! Pointer to the offending member of the input (SPEC 8).

use std::fmt;

/// The stable name of a failure, as the SPEC lists it; every front reports it verbatim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not JSON.
    InvalidJson,
    /// Wrong JSON type or shape, an unknown field or an unknown option word.
    InvalidDocument,
    /// The document's `servex` format version is not 1.
    UnsupportedVersion,
    /// The framework id names no built-in framework.
    UnknownFramework,
    /// An element, perspective, principle, scale or dimension id names nothing.
    UnknownReference,
    /// An id is used twice where it must be unique.
    DuplicateId,
    /// A measure whose baseline, target or range cannot be scored.
    InvalidIndicator,
    /// A well-typed number outside its allowed range.
    InvalidValue,
    /// A missing value under `options.missing = "error"`.
    MissingValue,
    /// Nothing to compute on.
    EmptyInput,
    /// A size or nesting limit of SPEC 8 was passed.
    LimitExceeded,
    /// A defect in servex, not in the input: a panic caught at a front's boundary.
    InternalError,
}

impl ErrorKind {
    /// Every kind, in SPEC order.
    pub const ALL: [ErrorKind; 12] = [
        ErrorKind::InvalidJson,
        ErrorKind::InvalidDocument,
        ErrorKind::UnsupportedVersion,
        ErrorKind::UnknownFramework,
        ErrorKind::UnknownReference,
        ErrorKind::DuplicateId,
        ErrorKind::InvalidIndicator,
        ErrorKind::InvalidValue,
        ErrorKind::MissingValue,
        ErrorKind::EmptyInput,
        ErrorKind::LimitExceeded,
        ErrorKind::InternalError,
    ];

    /// The SPEC's name of this kind, e.g. `"invalid_value"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidJson => "invalid_json",
            ErrorKind::InvalidDocument => "invalid_document",
            ErrorKind::UnsupportedVersion => "unsupported_version",
            ErrorKind::UnknownFramework => "unknown_framework",
            ErrorKind::UnknownReference => "unknown_reference",
            ErrorKind::DuplicateId => "duplicate_id",
            ErrorKind::InvalidIndicator => "invalid_indicator",
            ErrorKind::InvalidValue => "invalid_value",
            ErrorKind::MissingValue => "missing_value",
            ErrorKind::EmptyInput => "empty_input",
            ErrorKind::LimitExceeded => "limit_exceeded",
            ErrorKind::InternalError => "internal_error",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every failure of servex: a stable [`ErrorKind`], the JSON Pointer to the offending
/// member (`""` for the whole input) and a message for a person. The kinds all carry the
/// same fields, so they are one struct and an enum to match on; boxed, as minijinja's
/// is, so that a `Result` is a pointer wide and moving or dropping one is a call, not
/// code at every `?` (the WebAssembly module's size).
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} (at \"{}\")", .repr.message, .repr.path)]
pub struct Error {
    repr: Box<Repr>,
}

#[derive(Clone, PartialEq, Eq)]
struct Repr {
    kind: ErrorKind,
    path: String,
    message: String,
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Repr { kind, path, message } = &*self.repr;
        f.debug_struct("Error").field("kind", kind).field("path", path).field("message", message).finish()
    }
}

impl Error {
    /// Builds an error of `kind` at `path` (a JSON Pointer).
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Error {
        Error { repr: Box::new(Repr { kind, path: path.into(), message: message.into() }) }
    }

    /// The stable kind of this error.
    pub fn kind(&self) -> ErrorKind {
        self.repr.kind
    }

    /// The JSON Pointer (RFC 6901) to the offending member; `""` is the whole input.
    pub fn path(&self) -> &str {
        &self.repr.path
    }

    /// The message for a person, without the path.
    pub fn message(&self) -> &str {
        &self.repr.message
    }

    /// The error as the JSON object every front prints: `{kind, message, path}`.
    pub fn to_json(&self) -> serde_json::Value {
        // Built by hand: `json!` would serialise each member through `to_value(..).unwrap()`.
        let mut members = serde_json::Map::with_capacity(3);
        members.insert("kind".into(), self.kind().as_str().into());
        members.insert("message".into(), self.message().into());
        members.insert("path".into(), self.path().into());
        serde_json::Value::Object(members)
    }

    /// The same error, moved under `prefix` (a JSON Pointer), e.g. a framework's errors
    /// under `/framework`.
    pub fn under(mut self, prefix: &str) -> Error {
        self.repr.path.insert_str(0, prefix);
        self
    }
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901).
pub fn pointer(base: &str, token: impl fmt::Display) -> String {
    let token = token.to_string();
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

/// Shorthand used across the crate: an error of `kind` at `path`.
pub(crate) fn err<T>(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Result<T, Error> {
    Err(Error::new(kind, path, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_the_spec_names() {
        let names: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "invalid_json",
                "invalid_document",
                "unsupported_version",
                "unknown_framework",
                "unknown_reference",
                "duplicate_id",
                "invalid_indicator",
                "invalid_value",
                "missing_value",
                "empty_input",
                "limit_exceeded",
                "internal_error"
            ]
        );
        for kind in ErrorKind::ALL {
            assert_eq!(Error::new(kind, "/a", "m").kind(), kind);
        }
    }

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        assert_eq!(pointer("/weights", "a/b~c"), "/weights/a~1b~0c");
        assert_eq!(pointer("", 3), "/3");
    }

    #[test]
    fn json_form_names_kind_message_and_path() {
        let e = Error::new(ErrorKind::InvalidValue, "/responses/2", "out of range");
        assert_eq!(
            e.to_json(),
            serde_json::json!({"kind": "invalid_value", "message": "out of range", "path": "/responses/2"})
        );
        assert_eq!(e.to_string(), "out of range (at \"/responses/2\")");
    }

    #[test]
    fn under_prefixes_the_path_and_keeps_the_rest() {
        let e = Error::new(ErrorKind::DuplicateId, "/elements/0", "twice").under("/framework");
        assert_eq!((e.kind(), e.path(), e.message()), (ErrorKind::DuplicateId, "/framework/elements/0", "twice"));
    }
}
