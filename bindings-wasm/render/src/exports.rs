//! The functions the renderer module exports; the package's JavaScript wrapper
//! (`js/api.js`) is their only caller.

use wasm_bindgen::prelude::wasm_bindgen;

/// Renders `{report, document?, chart?}` (JSON text) and answers with an envelope
/// (see [`crate::run`]); never throws.
#[wasm_bindgen]
pub fn render(input: &str) -> String {
    crate::convert::run(input)
}

/// Traps on purpose, so that the tests can check that the JavaScript wrapper replaces
/// the renderer's instance after a trap. Not part of the package's API.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__servexAbort")]
pub fn abort_for_tests() {
    std::process::abort()
}
