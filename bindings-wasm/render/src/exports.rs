//! The functions the renderer module exports; the package's JavaScript (`js/`) is
//! their only caller.

use wasm_bindgen::prelude::wasm_bindgen;

/// Renders `{report, document?, chart?}` (JSON text) and answers with an envelope
/// (see [`crate::run`]); never throws.
#[wasm_bindgen]
pub fn render(input: &str) -> String {
    crate::convert::run(input)
}

/// The reading of a non-finite number in a drawing's input, as an envelope (see
/// [`servex::boundary::non_finite`]): the renderer answers for its own calls, so that
/// drawing needs no main module.
#[wasm_bindgen(js_name = "nonFinite")]
pub fn non_finite(name: &str, path: &str, x: f64) -> String {
    servex::json::envelope(servex::boundary::non_finite(name, path, x).and_then(servex::json::to_text))
}

/// The reading of text that is not Unicode in a drawing's input, as an envelope (see
/// [`servex::boundary::not_unicode`]).
#[wasm_bindgen(js_name = "notUnicode")]
pub fn not_unicode(name: &str, path: &str) -> String {
    servex::json::envelope(servex::boundary::not_unicode(name, path).and_then(servex::json::to_text))
}

/// Traps on purpose, so that the tests can check that the facade replaces the
/// renderer's instance after a trap. Only with the `testing` feature.
#[cfg(feature = "testing")]
#[wasm_bindgen(js_name = "__servexAbort")]
pub fn abort() {
    std::process::abort()
}
