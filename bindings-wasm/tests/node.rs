//! The conversion code under WebAssembly itself (run by `wasm-bindgen-test-runner` in
//! Node): the same envelopes as on the host, no trap on hostile text.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen_test::wasm_bindgen_test;

fn parsed(text: &str) -> Value {
    serde_json::from_str(text).expect("the envelope is JSON")
}

#[wasm_bindgen_test]
fn score_answers_under_ok() {
    let doc = r#"{"indicators": [{"id": "a", "element": "7.1.1", "scale": "maturity", "value": 2}]}"#;
    let out = parsed(&servex_wasm::call("score", doc));
    assert_eq!(out["ok"]["score"], 0.5);
    assert_eq!(out["ok"]["elements"].as_array().map(Vec::len), Some(9));
}

#[wasm_bindgen_test]
fn catalogue_lists_the_builtin_framework() {
    let out = parsed(&servex_wasm::call("catalogue", r#"{"framework": "iso23592:2021"}"#));
    assert_eq!(out["ok"]["levels"].as_array().map(Vec::len), Some(4));
}

#[wasm_bindgen_test]
fn errors_are_envelopes_not_traps() {
    let cases = [
        ("score", "", "invalid_json", ""),
        ("score", "null", "invalid_document", ""),
        ("score", r#"{"indicators": 3}"#, "invalid_document", "/indicators"),
        ("score", r#"{"servex": 2, "indicators": []}"#, "unsupported_version", "/servex"),
        ("catalogue", r#"{"framework": "nope"}"#, "unknown_framework", "/framework"),
        ("no-such-call", "{}", "invalid_document", ""),
    ];
    for (name, text, kind, path) in cases {
        let out = parsed(&servex_wasm::call(name, text));
        assert_eq!(out["error"]["kind"], kind, "{name} {text}");
        assert_eq!(out["error"]["path"], path, "{name} {text}");
    }
}

#[wasm_bindgen_test]
fn deep_text_is_refused_without_recursing() {
    let deep = format!("{}{}", "{\"a\":".repeat(50_000), "}".repeat(50_000));
    let out = parsed(&servex_wasm::call("score", &deep));
    assert_eq!(out["error"]["kind"], "limit_exceeded");
}

#[wasm_bindgen_test]
fn the_module_keeps_working_after_an_error() {
    let _ = servex_wasm::call("score", "{");
    let out = parsed(&servex_wasm::call("catalogue", "null"));
    assert_eq!(out["ok"]["id"], "iso23592:2021");
    assert_eq!(servex_wasm::version(), env!("CARGO_PKG_VERSION"));
}
