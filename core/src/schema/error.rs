//! The schema of an error as every front writes it (SPEC 8): `{kind, message, path}`,
//! the kinds read from [`ErrorKind::ALL`].
#![expect(dead_code, reason = "types that exist only to be described: never built, never read")]

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::error::ErrorKind;

/// A failure: its stable kind, a message for a person and where in the input it is.
#[derive(JsonSchema)]
#[schemars(rename = "Error")]
pub(super) struct ErrorObject {
    /// The stable kind, e.g. `invalid_value`.
    kind: ErrorKind,
    /// What went wrong, for a person.
    message: String,
    /// JSON Pointer (RFC 6901) to the offending member of the input; "" is the whole input.
    path: String,
}

impl JsonSchema for ErrorKind {
    fn schema_name() -> Cow<'static, str> {
        "ErrorKind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let kinds: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
        json_schema!({"description": "The stable error kinds of SPEC 8.", "type": "string", "enum": kinds})
    }
}
