//! Exports for the package's own tests, compiled only with the `testing` feature
//! (`node build.mjs --testing`): the published package has none of them.

use wasm_bindgen::prelude::wasm_bindgen;

/// Traps on purpose, so that the tests can check that the facade turns a trap into a
/// `ServexError` and replaces the instance.
#[wasm_bindgen(js_name = "__servexAbort")]
pub fn abort() {
    std::process::abort()
}

/// The core's defaults of metric `name`'s options as JSON text (`null` for a call that
/// is not a metric), for the test that compares them with the declarations' `@default`.
#[wasm_bindgen]
pub fn defaults(name: &str) -> String {
    serde_json::to_string(&servex::boundary::defaults(name)).unwrap_or_default()
}
