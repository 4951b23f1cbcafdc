//! The functions the WebAssembly module exports; the package's JavaScript wrapper
//! (`js/api.js`) is their only caller.

use wasm_bindgen::prelude::wasm_bindgen;

/// Runs the contract call `name` on JSON text and answers with an envelope
/// (see [`crate::run`]); never throws.
#[wasm_bindgen]
pub fn call(name: &str, input: &str) -> String {
    crate::convert::run(name, input)
}

/// The version of the servex core compiled into this module.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Traps on purpose, so that the tests can check that the JavaScript wrapper turns a
/// trap into a `ServexError` and replaces the instance. Not part of the package's API.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__servexAbort")]
pub fn abort_for_tests() {
    std::process::abort()
}
