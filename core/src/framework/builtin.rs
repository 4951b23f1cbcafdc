//! The built-in ISO 23592:2021 framework, embedded at compile time.

use std::sync::OnceLock;

use super::Framework;

/// The id of the built-in framework, the default of every document.
pub const BUILTIN_ID: &str = "iso23592:2021";

const ISO23592_JSON: &str = include_str!("iso23592.json");

/// The built-in framework with the given id, if there is one.
pub fn builtin(id: &str) -> Option<&'static Framework> {
    static ISO23592: OnceLock<Framework> = OnceLock::new();
    (id == BUILTIN_ID).then(|| {
        ISO23592.get_or_init(|| {
            // Read through the same path as a user's framework (one deserialiser in the
            // binary, which keeps the WebAssembly module small). The embedded data is
            // checked by the tests below; failing here is a build defect.
            crate::json::parse(ISO23592_JSON)
                .and_then(|value| Framework::from_json(&value))
                // Named by message and path, which the binary formats anyway (an
                // `expect` would link in the error's `Debug` only for this).
                .unwrap_or_else(|e| panic!("the embedded ISO 23592 framework: {} at {:?}", e.message(), e.path()))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso23592_has_the_shape_of_the_standard() {
        let f = builtin(BUILTIN_ID).unwrap();
        f.validate().unwrap();
        assert_eq!(f.principles.len(), 7);
        assert_eq!(f.dimensions.len(), 4);
        assert_eq!(f.elements().count(), 9);
        assert_eq!(f.levels.len(), 4);
        assert_eq!(f.perspectives.len(), 4);
        assert!(builtin("efqm").is_none());
    }

    #[test]
    fn frameworks_read_as_the_reference_reads_them() {
        let framework = serde_json::to_value(builtin(BUILTIN_ID).unwrap()).unwrap();
        crate::json::mutations_agree::<Framework>(&framework);
    }
}
