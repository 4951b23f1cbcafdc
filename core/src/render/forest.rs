//! The forest plot of a grouped NPS, CSAT or CES result compared between groups
//! (SPEC 11): one row per group, its difference to the other side as a square with
//! the interval as a whisker, a zero line, and significant rows filled and starred
//! (so that colour is never the only cue). A group without a comparison (the first
//! one under `first`) is listed as the reference.

use serde_json::Value;

use super::format::{coord, ellipsis, nice};
use super::svg::{self, Anchor, Frame};
use crate::error::{Error, ErrorKind};

const WIDTH: f64 = 600.0;
const ROW: f64 = 26.0;
const TOP: f64 = 46.0;
const LABEL_END: f64 = 150.0;
const X0: f64 = 165.0;
const X1: f64 = 415.0;
const FIGURES: f64 = 428.0;

/// One row of the plot.
struct Row {
    label: String,
    /// `(diff, ci_low, ci_high, significant, against)`, or `None` for a reference.
    test: Option<(f64, f64, f64, bool, String)>,
}

/// The forest plot of `result`, a grouped result with comparisons as the metrics
/// return it.
///
/// # Errors
/// `invalid_document` at `/groups` when `result` is no grouped result, and at
/// `/groups/INDEX/comparison` for a comparison that is not one.
pub(crate) fn render(result: &Value, standalone: bool) -> Result<String, Error> {
    let Some(groups) = result.get("groups").and_then(Value::as_array) else {
        return Err(Error::new(ErrorKind::InvalidDocument, "/groups", "a forest plot needs a grouped result"));
    };
    let (metric, decimals) = match groups.first() {
        Some(g) if g.get("promoters").is_some() => ("NPS points", 1),
        Some(g) if g.get("satisfied").is_some() => ("CSAT points", 1),
        Some(g) if g.get("mean").is_some() => ("CES scale points", 2),
        _ => ("points", 2),
    };
    let scale = 10f64.powi(decimals as i32);
    // Rounded first, so that a small negative difference is not written "-0.0".
    let number = |x: f64| format!("{:.*}", decimals, (x * scale).round() / scale + 0.0);
    let rows = groups.iter().enumerate().map(|(i, g)| row(i, g)).collect::<Result<Vec<Row>, Error>>()?;
    let height = TOP + rows.len().max(1) as f64 * ROW + 62.0;
    let significant = rows.iter().filter(|r| r.test.as_ref().is_some_and(|t| t.3)).count();
    let tested = rows.iter().filter(|r| r.test.is_some()).count();
    let mut desc = format!(
        "Forest plot of {} groups: each group's difference in {metric} with its interval; {significant} of {tested} \
         differences are significant.",
        rows.len()
    );
    for r in &rows {
        if let Some((diff, low, high, sig, against)) = &r.test {
            let star = if *sig { ", significant" } else { "" };
            desc.push_str(&format!(
                " {} against {against}: {} ({} to {}){star}.",
                r.label,
                number(*diff),
                number(*low),
                number(*high)
            ));
        }
    }
    let frame = Frame { kind: "forest", width: WIDTH, height, title: "Differences between groups", desc: &desc };
    let mut out = String::new();
    svg::open(&mut out, &frame, standalone);
    if tested == 0 {
        svg::empty_note(&mut out, &frame, "No comparison to draw");
        svg::close(&mut out);
        return Ok(out);
    }
    let reach = rows
        .iter()
        .filter_map(|r| r.test.as_ref())
        .flat_map(|t| [t.0.abs(), t.1.abs(), t.2.abs()])
        .fold(0.0f64, f64::max);
    let reach = nice(reach);
    let x = |v: f64| X0 + (v + reach) / (2.0 * reach) * (X1 - X0);
    let bottom = TOP + rows.len() as f64 * ROW;
    for tick in [-reach, -reach / 2.0, 0.0, reach / 2.0, reach] {
        let class = if tick == 0.0 { "ring-full" } else { "tick" };
        out.push_str(&format!(
            "<line class=\"{class}\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>\n",
            coord(TOP - 6.0),
            coord(bottom),
            x = coord(x(tick))
        ));
        let label = format!("{}", tick + 0.0);
        svg::text(&mut out, x(tick), bottom + 16.0, Anchor::Middle, "muted small", "", &label);
    }
    svg::text(
        &mut out,
        (X0 + X1) / 2.0,
        bottom + 32.0,
        Anchor::Middle,
        "muted small",
        "",
        &format!("difference in {metric}"),
    );
    svg::text(&mut out, LABEL_END, TOP - 16.0, Anchor::End, "b", "", "group");
    svg::text(&mut out, FIGURES, TOP - 16.0, Anchor::Start, "b", "", "difference [interval]");
    for (i, r) in rows.iter().enumerate() {
        let y = TOP + (i as f64 + 0.5) * ROW;
        svg::text(&mut out, LABEL_END, y + 4.0, Anchor::End, "", "", &ellipsis(&r.label, 22));
        match &r.test {
            None => svg::text(&mut out, FIGURES, y + 4.0, Anchor::Start, "muted", "", "reference"),
            Some((diff, low, high, sig, _)) => {
                out.push_str(&format!(
                    "<line class=\"line\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\n",
                    coord(x(*low)),
                    coord(x(*high)),
                    y = coord(y)
                ));
                let class = if *sig { "forest-sig" } else { "forest-ns" };
                out.push_str(&format!(
                    "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"10\" height=\"10\"/>\n",
                    coord(x(*diff) - 5.0),
                    coord(y - 5.0)
                ));
                let star = if *sig { " *" } else { "" };
                let figures = format!("{} [{}, {}]{star}", number(*diff), number(*low), number(*high));
                svg::text(&mut out, FIGURES, y + 4.0, Anchor::Start, if *sig { "b" } else { "" }, "", &figures);
            }
        }
    }
    svg::text(
        &mut out,
        8.0,
        height - 8.0,
        Anchor::Start,
        "muted small",
        "",
        "* significant after the p-value adjustment (intervals are not adjusted)",
    );
    svg::close(&mut out);
    Ok(out)
}

/// The row of group `i`.
fn row(i: usize, g: &Value) -> Result<Row, Error> {
    let label = text(g.get("group"));
    let test = match g.get("comparison") {
        None | Some(Value::Null) => None,
        Some(c) => {
            let number = |key: &str| c.get(key).and_then(Value::as_f64);
            let (Some(diff), Some(low), Some(high)) = (number("diff"), number("ci_low"), number("ci_high")) else {
                let at = format!("/groups/{i}/comparison");
                return Err(Error::new(ErrorKind::InvalidDocument, at, "a comparison has diff, ci_low and ci_high"));
            };
            let significant = c.get("significant").and_then(Value::as_bool).unwrap_or(false);
            let against = match c.get("against") {
                Some(Value::Null) | None => "the rest".to_string(),
                label => text(label),
            };
            Some((diff, low, high, significant, against))
        }
    };
    Ok(Row { label, test })
}

/// A group label as text: a string as it is, an integer in digits.
fn text(label: Option<&Value>) -> String {
    match label {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.as_i64().map(|i| i.to_string()).unwrap_or_default(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compared_result_is_drawn_row_by_row() {
        let input = serde_json::json!({"responses": [9, 10, 3, 7, 0, 10, 9, 9], "groups": ["a", "b", "a", "b", "c", "c", "c", "a"], "compare": "first"});
        let result = crate::call("nps", &input).unwrap_or_default();
        let svg = render(&result, true).unwrap_or_default();
        assert!(svg.starts_with("<svg") && svg.contains("reference") && svg.contains("difference in NPS points"));
        assert_eq!(svg.matches("<rect").count(), 2, "{svg}");
        let plain = crate::call("nps", &serde_json::json!({"responses": [9], "groups": ["a"]})).unwrap_or_default();
        assert!(render(&plain, true).unwrap_or_default().contains("No comparison to draw"));
        let bad = serde_json::json!({"groups": [{"group": "a", "comparison": {"diff": "x"}}]});
        assert_eq!(render(&bad, true).err().map(|e| e.path().to_string()), Some("/groups/0/comparison".into()));
        assert_eq!(render(&serde_json::json!({}), true).err().map(|e| e.path().to_string()), Some("/groups".into()));
    }
}
