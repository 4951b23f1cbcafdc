//! JSON text in, envelope text out, around [`servex::render::from_json`]; plain
//! Rust, unit-tested on the host and under wasm.

use serde_json::Value;

/// Renders `input`, JSON text `{report, document?, chart?}`: the HTML page, or the SVG
/// of `chart`, as `{"ok": text}`; or `{comparison}`, a grouped metric result compared
/// between groups, as its forest plot; or `{funnel}`, one with a funnel, as its funnel
/// plot; or `{units}` / `{units_html}`, a `score_units` result, as its overview or its
/// HTML report; a fault as `{"error": {kind, message, path}}`, with
/// paths into `/report`, `/document` or at `/chart`.
///
/// ```
/// let out = servex_wasm_render::run(r#"{"report": {}, "chart": "radar"}"#);
/// assert!(out.starts_with(r#"{"error":"#));
/// ```
pub fn run(input: &str) -> String {
    servex::json::envelope(servex::json::parse(input).and_then(|value| render(&value)))
}

fn render(input: &Value) -> Result<String, servex::Error> {
    let member = |key: &str| input.get(key).filter(|v| !v.is_null());
    if let Some(result) = member("comparison") {
        return servex::render::comparison(result).map_err(|e| e.under("/comparison")).and_then(servex::json::to_text);
    }
    if let Some(result) = member("funnel") {
        return servex::render::funnel(result).map_err(|e| e.under("/funnel")).and_then(servex::json::to_text);
    }
    if let Some(result) = member("units") {
        return servex::render::units(result).map_err(|e| e.under("/units")).and_then(servex::json::to_text);
    }
    if let Some(result) = member("units_html") {
        let page = servex::render::units_html(result).map_err(|e| e.under("/units_html"));
        return page.and_then(servex::json::to_text);
    }
    let report = member("report").ok_or_else(|| {
        servex::Error::new(servex::ErrorKind::InvalidDocument, "", "render needs {report, document?, chart?}")
    })?;
    let chart = match member("chart") {
        None => None,
        Some(Value::String(name)) => Some(name.as_str()),
        Some(_) => {
            return Err(servex::Error::new(
                servex::ErrorKind::InvalidDocument,
                "/chart",
                "a chart is named by a string",
            ))
        }
    };
    servex::render::from_json(report, member("document"), chart).and_then(servex::json::to_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Value {
        serde_json::from_str(text).expect("the envelope is JSON")
    }

    fn sample_report() -> Value {
        serde_json::to_value(servex::score(&servex::sample::sample_scorecard()).expect("the sample scores"))
            .expect("a report is JSON")
    }

    #[test]
    fn charts_and_the_page_are_the_core_renderers_bytes() {
        let document = servex::sample::sample_scorecard();
        let report = servex::score(&document).expect("scores");
        let input = serde_json::json!({"report": sample_report(), "chart": "pyramid"});
        let out = parsed(&run(&input.to_string()));
        let expected = servex::render::svg(&report, servex::render::Chart::Pyramid);
        assert_eq!(out["ok"], expected.as_str());
        let page = parsed(&run(&serde_json::json!({"report": sample_report()}).to_string()));
        assert!(page["ok"].as_str().is_some_and(|html| html.starts_with("<!DOCTYPE html>")));
    }

    #[test]
    fn faults_are_envelopes_with_paths() {
        let cases = [
            (serde_json::json!({}), "invalid_document", ""),
            (serde_json::json!({"report": sample_report(), "chart": 3}), "invalid_document", "/chart"),
            (serde_json::json!({"report": sample_report(), "chart": "pie"}), "invalid_document", "/chart"),
            (serde_json::json!({"report": {"score": "high"}}), "invalid_document", "/report/score"),
        ];
        for (input, kind, path) in cases {
            let out = parsed(&run(&input.to_string()));
            assert_eq!((out["error"]["kind"].as_str(), out["error"]["path"].as_str()), (Some(kind), Some(path)));
        }
        assert_eq!(parsed(&run("{"))["error"]["kind"], "invalid_json");
    }
}
