//! The functions the WebAssembly module exports; the package's JavaScript (`js/`) is
//! their only caller.

use wasm_bindgen::prelude::wasm_bindgen;

/// Runs the contract call `name` on JSON text and answers with an envelope
/// (see [`crate::run`]); never throws.
#[wasm_bindgen]
pub fn call(name: &str, input: &str) -> String {
    crate::convert::run(name, input)
}

/// NPS, CSAT or CES over a `Uint8Array` of responses (see [`crate::run_column`]): the
/// groups' labels as a `Uint32Array` or an `Int32Array`, if any; never throws.
#[wasm_bindgen(js_name = "columnU8")]
pub fn column_u8(
    name: &str,
    options: &str,
    responses: &[u8],
    unsigned_groups: Option<Vec<u32>>,
    signed_groups: Option<Vec<i32>>,
) -> String {
    crate::columns::run_column(name, options, responses, unsigned_groups.as_deref(), signed_groups.as_deref())
}

/// [`column_u8`] over a `Float64Array` (every other typed array is widened to one first).
#[wasm_bindgen(js_name = "columnF64")]
pub fn column_f64(
    name: &str,
    options: &str,
    responses: &[f64],
    unsigned_groups: Option<Vec<u32>>,
    signed_groups: Option<Vec<i32>>,
) -> String {
    crate::columns::run_column(name, options, responses, unsigned_groups.as_deref(), signed_groups.as_deref())
}

/// The core's error kinds as JSON text (see [`crate::error_kinds`]).
#[wasm_bindgen(js_name = "errorKinds")]
pub fn error_kinds() -> String {
    crate::boundary::error_kinds()
}

/// The reading of a non-finite number, as an envelope (see [`crate::non_finite`]).
#[wasm_bindgen(js_name = "nonFinite")]
pub fn non_finite(name: &str, path: &str, x: f64) -> String {
    crate::boundary::non_finite(name, path, x)
}

/// The reading of text that is not Unicode, as an envelope (see [`crate::not_unicode`]).
#[wasm_bindgen(js_name = "notUnicode")]
pub fn not_unicode(name: &str, path: &str) -> String {
    crate::boundary::not_unicode(name, path)
}

/// The refusal of a document with `count` indicators, if any (see
/// [`crate::check_indicator_count`]).
#[wasm_bindgen(js_name = "checkIndicatorCount")]
pub fn check_indicator_count(count: u32) -> Option<String> {
    crate::boundary::check_indicator_count(count)
}

/// The version of the servex core compiled into this module.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
