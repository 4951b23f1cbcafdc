//! `--table`: a scale metric's JSON result laid out for a person, one row per group.
//! Only formatting: every figure is read from the result the JSON output prints.

use serde_json::Value;

use crate::table::{Align, Table};

/// How a column's values are written.
#[derive(Clone, Copy)]
enum Shown {
    /// A label or a word, as it is.
    Text,
    /// A count.
    Whole,
    /// A figure with this many decimals.
    Fixed(usize),
}

/// The columns, each shown when some row has its member (possibly null): header, JSON
/// pointer into a row, and how it is written.
const COLUMNS: [(&str, &str, Shown); 19] = [
    ("group", "/group", Shown::Text),
    ("n", "/n", Shown::Whole),
    ("n_eff", "/n_eff", Shown::Fixed(1)),
    ("score", "/score", Shown::Fixed(2)),
    ("mean", "/mean", Shown::Fixed(2)),
    ("ci_low", "/ci_low", Shown::Fixed(2)),
    ("ci_high", "/ci_high", Shown::Fixed(2)),
    ("promoters", "/promoters", Shown::Whole),
    ("passives", "/passives", Shown::Whole),
    ("detractors", "/detractors", Shown::Whole),
    ("satisfied", "/satisfied", Shown::Whole),
    ("agree", "/agree", Shown::Fixed(1)),
    ("disagree", "/disagree", Shown::Fixed(1)),
    ("skipped", "/skipped", Shown::Whole),
    ("vs", "/comparison/against", Shown::Text),
    ("diff", "/comparison/diff", Shown::Fixed(2)),
    ("p_adjusted", "/comparison/p_adjusted", Shown::Fixed(4)),
    ("significant", "/comparison/significant", Shown::Text),
    ("funnel", "/funnel/flag", Shown::Text),
];

/// The result of metric `name` (`nps`, `csat`, `ces`) as a titled table.
pub fn render(name: &str, result: &Value) -> String {
    let rows: Vec<&Value> = match result.get("groups").and_then(Value::as_array) {
        Some(groups) => groups.iter().collect(),
        None => vec![result],
    };
    let mut title = name.to_uppercase();
    let first = rows.first().copied().unwrap_or(&Value::Null);
    if let Some(method) = first.get("method").and_then(Value::as_str) {
        title.push_str(&format!(", {method}"));
    }
    if let Some(confidence) = first.get("confidence").and_then(Value::as_f64) {
        title.push_str(&format!(", {}% intervals", confidence * 100.0));
    }
    let shown: Vec<_> = COLUMNS.iter().filter(|(_, at, _)| rows.iter().any(|r| r.pointer(at).is_some())).collect();
    let headers: Vec<(&str, Align)> = shown
        .iter()
        .map(|(h, _, how)| (*h, if matches!(how, Shown::Text) { Align::Left } else { Align::Right }))
        .collect();
    let mut table = Table::new(&headers);
    for row in &rows {
        table.row(shown.iter().map(|(_, at, how)| cell(row.pointer(at), *how)).collect());
    }
    let mut out = format!("{title}\n{}", table.render("  "));
    if let Some(funnel) = result.get("funnel") {
        let figure = |key: &str| cell(funnel.get(key), Shown::Fixed(2));
        out.push_str(&format!(
            "  funnel target {}, tau2 {}, phi {}\n",
            figure("target"),
            figure("tau2"),
            figure("phi")
        ));
    }
    out.trim_end().to_string()
}

/// One cell; a missing or null value is "-".
fn cell(value: Option<&Value>, how: Shown) -> String {
    match (value, how) {
        (None | Some(Value::Null), _) => "-".to_string(),
        (Some(Value::String(s)), _) => s.clone(),
        (Some(Value::Bool(b)), _) => if *b { "yes" } else { "no" }.to_string(),
        (Some(Value::Number(n)), Shown::Fixed(decimals)) => {
            n.as_f64().map_or_else(|| n.to_string(), |x| format!("{x:.decimals$}"))
        }
        (Some(v), _) => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn groups_become_rows_with_their_comparison() {
        let result = json!({"groups": [
            {"group": "north", "n": 3, "score": 33.333, "method": "wald", "confidence": 0.9, "comparison": null},
            {"group": 2, "n": 10, "score": -5.0, "method": "wald", "confidence": 0.9,
             "comparison": {"against": "north", "diff": -38.3, "p_adjusted": 0.01234, "significant": true}},
        ]});
        let text = render("nps", &result);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "NPS, wald, 90% intervals");
        assert_eq!(
            lines[1].split_whitespace().collect::<Vec<_>>(),
            ["group", "n", "score", "vs", "diff", "p_adjusted", "significant"]
        );
        assert_eq!(lines[2].split_whitespace().collect::<Vec<_>>(), ["north", "3", "33.33", "-", "-", "-", "-"]);
        assert_eq!(
            lines[3].split_whitespace().collect::<Vec<_>>(),
            ["2", "10", "-5.00", "north", "-38.30", "0.0123", "yes"]
        );
    }

    #[test]
    fn an_ungrouped_result_is_one_row() {
        let text = render("ces", &json!({"n": 4, "mean": 5.25, "confidence": 0.95}));
        assert_eq!(text, "CES, 95% intervals\n  n  mean\n  4  5.25");
    }
}
