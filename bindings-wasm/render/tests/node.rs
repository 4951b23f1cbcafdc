//! The renderer module under WebAssembly itself (run by `wasm-bindgen-test-runner` in
//! Node): the same envelopes as on the host, no trap on hostile text.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen_test::wasm_bindgen_test;

fn parsed(text: &str) -> Value {
    serde_json::from_str(text).expect("the envelope is JSON")
}

#[wasm_bindgen_test]
fn a_scored_report_draws() {
    let document = servex::sample::sample_scorecard();
    let report = servex::score(&document).expect("the sample scores");
    let input = serde_json::json!({ "report": report, "chart": "radar" }).to_string();
    let out = parsed(&servex_wasm_render::render(&input));
    assert!(out["ok"].as_str().is_some_and(|svg| svg.starts_with("<svg")));
}

#[wasm_bindgen_test]
fn hostile_text_is_an_envelope_not_a_trap() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    for text in ["", "{", "null", "[]", deep.as_str()] {
        let out = parsed(&servex_wasm_render::render(text));
        assert!(out["error"]["kind"].is_string(), "{text:?}");
    }
}
