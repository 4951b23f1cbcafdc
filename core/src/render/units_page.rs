//! The HTML report of many units (a `score_units` result): the units overview, the
//! units by rank, and each indicator's status counts across the units. One
//! self-contained page, as the single report is (inline CSS and SVG, no scripts).

use serde_json::Value;

use super::format::{esc, pct, pct_cell, DASH};
use crate::error::Error;

/// Above this many units the table shows the first and last [`ENDS`] by rank.
const ALL_ROWS: usize = 200;
const ENDS: usize = 50;

/// The page for `result`, what `score_units` returns.
///
/// # Errors
/// As the units overview: `invalid_document` when `result` is not a units result.
pub(crate) fn page(result: &Value) -> Result<String, Error> {
    let overview = super::units::render(result, false)?;
    let units = result.get("units").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let summary = &result["summary"];
    let framework = result.get("framework").and_then(Value::as_str).unwrap_or_default();
    let scored = summary.get("scored").and_then(Value::as_u64).unwrap_or_default();
    let lede = format!(
        "{} units scored on {framework} \u{b7} {scored} with a score \u{b7} median {}",
        units.len(),
        pct(summary["score"]["median"].as_f64())
    );
    let mut out = super::html::open("Units", &lede);
    out.push_str("<h2 id=\"overview\">At a glance</h2>\n<figure class=\"card\">\n");
    out.push_str(&overview);
    out.push_str("</figure>\n");
    ranked(&mut out, units);
    indicators(&mut out, result.get("indicators").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default());
    out.push_str(&format!(
        "<footer>Made with servex {}. Ranks: 1 is the best score; units with equal scores share a rank, units \
         without a score have none. A rank is no test: compare survey results between units with a funnel plot.\
         </footer>\n</main>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    ));
    Ok(out)
}

/// The units by rank (unranked last, in input order); the ends only for a long list.
fn ranked(out: &mut String, units: &[Value]) {
    let mut order: Vec<&Value> = units.iter().collect();
    order.sort_by_key(|u| u.get("rank").and_then(Value::as_u64).unwrap_or(u64::MAX));
    out.push_str("<h2 id=\"units\">Units by rank</h2>\n");
    if order.len() > ALL_ROWS {
        out.push_str(&format!(
            "<p class=\"intro\">The {ENDS} best and the {ENDS} last of {} units; the full list is in the data.</p>\n",
            order.len()
        ));
    }
    out.push_str("<div class=\"card\">\n<table>\n<thead><tr><th>Rank</th><th>Unit</th><th class=\"num\">Score</th>");
    out.push_str("<th class=\"num\">Model score</th><th class=\"num\">Coverage</th><th>Level</th><th>Status</th></tr></thead>\n<tbody>\n");
    let shown: Vec<(usize, &Value)> = order.iter().copied().enumerate().collect();
    for (k, unit) in shown {
        if order.len() > ALL_ROWS && (ENDS..order.len() - ENDS).contains(&k) {
            if k == ENDS {
                let skipped = order.len() - 2 * ENDS;
                out.push_str(&format!(
                    "<tr><td colspan=\"7\" class=\"muted\">\u{2026} {skipped} units \u{2026}</td></tr>\n"
                ));
            }
            continue;
        }
        let rank = unit.get("rank").and_then(Value::as_u64).map_or_else(|| DASH.to_string(), |r| r.to_string());
        let id = unit.get("id").and_then(Value::as_str).unwrap_or_default();
        let title =
            unit.get("title").and_then(Value::as_str).map(|t| format!(" <span class=\"muted\">{}</span>", esc(t)));
        let level = match unit.get("level_attained").and_then(Value::as_u64) {
            Some(0) | None => "none".to_string(),
            Some(l) => format!("level {l}"),
        };
        // Only the four statuses name a style: a result edited by hand injects nothing.
        let status = unit
            .get("status")
            .and_then(Value::as_str)
            .filter(|s| ["green", "amber", "red", "missing"].contains(s))
            .unwrap_or("missing");
        out.push_str(&format!(
            "<tr><td>{rank}</td><td>{}{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{level}</td><td><span class=\"pill {status}\">{}</span></td></tr>\n",
            esc(id),
            title.unwrap_or_default(),
            pct_cell(unit["score"].as_f64()),
            pct_cell(unit["model_score"].as_f64()),
            pct_cell(unit["coverage"].as_f64()),
            esc(status)
        ));
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

/// Each indicator across the units: how many have a value, and their statuses.
fn indicators(out: &mut String, rows: &[Value]) {
    out.push_str("<h2 id=\"indicators\">Indicators across the units</h2>\n<div class=\"card\">\n<table>\n");
    out.push_str("<thead><tr><th>Indicator</th><th class=\"num\">With a value</th><th class=\"num\">Missing</th>");
    out.push_str("<th class=\"num\">Green</th><th class=\"num\">Amber</th><th class=\"num\">Red</th>");
    out.push_str("<th class=\"num\">Mean progress</th></tr></thead>\n<tbody>\n");
    for row in rows {
        let count = |key: &str| row.get(key).and_then(Value::as_u64).unwrap_or_default();
        out.push_str(&format!(
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            esc(row.get("id").and_then(Value::as_str).unwrap_or_default()),
            count("values"),
            count("missing"),
            count("green"),
            count("amber"),
            count("red"),
            pct_cell(row["mean_progress"].as_f64())
        ));
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}
