//! Schemas of the document's types whose JSON is read and written by hand-written serde
//! code: what that code accepts and writes, said once more for the schema.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::framework::Framework;
use crate::scorecard::{Bound, FrameworkChoice};

impl JsonSchema for Bound {
    fn schema_name() -> Cow<'static, str> {
        "Bound".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A baseline or target: one number, or a `[low, high]` range.",
            "anyOf": [
                {"type": "number"},
                {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}
            ]
        })
    }
}

impl JsonSchema for FrameworkChoice {
    fn schema_name() -> Cow<'static, str> {
        "FrameworkChoice".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A built-in framework's id, or a whole framework.",
            "anyOf": [{"type": "string"}, generator.subschema_for::<Framework>()]
        })
    }
}
