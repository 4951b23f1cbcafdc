//! Arbitrary bytes as JSON text into every call of the contract: a result or an error,
//! never a panic, whatever the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, text)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(text) else { return };
    let name = servex::CALLS[usize::from(selector) % servex::CALLS.len()];
    if let Ok(input) = servex::json::parse(text) {
        let _ = servex::call(name, &input);
    }
    let _ = servex::Scorecard::from_json_str(text);
});
