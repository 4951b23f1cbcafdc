//! The fast path of the scale metrics (NPS, CSAT, CES): the response column and the
//! integer group labels arrive as typed arrays copied straight into the module's memory
//! (no JSON text for them), the other keyword arguments as JSON text; the core's
//! [`servex::metrics::call_column`] answers as the JSON path would for the same data.

use servex::metrics::{Codes, Response, RowWeights, Split};

/// Runs scale metric `name` on `responses`, with `options` (JSON text, the keyword
/// arguments but `responses` and `groups`) and the groups' labels as unsigned or signed
/// integers (at most one of them); answers with an envelope.
///
/// ```
/// let out = servex_wasm::run_column("nps", "{}", &[10u8, 9, 3], None, Some(&[-1, 2, -1]));
/// assert!(out.contains(r#""group":-1"#));
/// ```
pub fn run_column<T: Response>(
    name: &str,
    options: &str,
    responses: &[T],
    unsigned_groups: Option<&[u32]>,
    signed_groups: Option<&[i32]>,
) -> String {
    servex::json::envelope(servex::json::parse(options).and_then(|options| {
        let groups = match (unsigned_groups, signed_groups) {
            (Some(labels), _) => Some(Split::Integers(Codes::U32(labels))),
            (None, Some(labels)) => Some(Split::Integers(Codes::I32(labels))),
            (None, None) => None,
        };
        servex::metrics::call_column(name, &options, responses, groups, RowWeights::default())
            .and_then(servex::json::to_text)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path's envelope is the JSON path's, byte for byte.
    #[test]
    fn a_typed_column_answers_as_its_json() {
        let bytes = [10u8, 9, 3, 0, 12, 7];
        let floats = [10.0, f64::NAN, 3.0, 7.5, 8.0, 7.0];
        let codes = [4u32, 0, 4, 70_000, 0, 1];
        let signed = [-2i32, 5, -2, 5, 0, 0];
        let cases = [
            ("nps", "{}", r#"{"responses": [10, 9, 3, 0, 12, 7]}"#),
            ("nps", r#"{"invalid": "skip"}"#, r#"{"responses": [10, 9, 3, 0, 12, 7], "invalid": "skip"}"#),
        ];
        for (name, options, json) in cases {
            assert_eq!(run_column(name, options, &bytes, None, None), crate::run(name, json));
        }
        let grouped =
            r#"{"responses": [10, 9, 3, 0, 12, 7], "scale": 11, "invalid": "skip", "groups": [4, 0, 4, 70000, 0, 1]}"#;
        let typed = run_column("csat", r#"{"scale": 11, "invalid": "skip"}"#, &bytes, Some(&codes), None);
        assert_eq!(typed, crate::run("csat", grouped));
        let floats_json = r#"{"responses": [10, null, 3, 7.5, 8, 7], "scale": 10, "invalid": "skip", "groups": [-2, 5, -2, 5, 0, 0]}"#;
        let typed = run_column("ces", r#"{"scale": 10, "invalid": "skip"}"#, &floats, None, Some(&signed));
        assert_eq!(typed, crate::run("ces", floats_json));
        assert_eq!(run_column("nps", "{", &bytes, None, None), crate::run("nps", "{"));
        assert!(run_column("nps", r#"{"bogus": 1}"#, &bytes, None, None).contains(r#""path":"/bogus""#));
    }
}
