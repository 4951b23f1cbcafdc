//! `servex demo`: the bundled sample organisation, scored by the library and laid out
//! for a person to read. Everything shown comes from the [`servex::Report`]; this
//! module only formats it (percentages, `-` for a missing score, aligned columns).

use serde::Serialize;
use servex::sample::{sample_scorecard, SAMPLE_JSON};
use servex::Report;

use crate::output::{self, Failure};
use crate::table::{Align, Table};

/// How many priorities and gaps the summary lists.
const TOP_PRIORITIES: usize = 5;
const TOP_GAPS: usize = 3;

/// Runs the demo: the summary, the full report (`--json`) or the document (`--document`).
pub fn run(as_json: bool, document: bool) -> Result<String, Failure> {
    if document {
        return Ok(SAMPLE_JSON.trim_end().to_string());
    }
    let document = sample_scorecard();
    let report = servex::score(&document).map_err(Failure::Servex)?;
    if as_json {
        output::pretty(&report)
    } else {
        Ok(summary(&report))
    }
}

/// A titled table of model items (dimensions or elements): id, score, status, coverage, title.
fn scored_rows<'a>(
    heading: &str,
    rows: impl Iterator<Item = (&'a str, Option<f64>, &'a servex::report::Status, Option<f64>, Option<&'a str>)>,
) -> String {
    let mut t = Table::new(&[
        ("", Align::Left),
        ("score", Align::Right),
        ("status", Align::Left),
        ("coverage", Align::Right),
        ("", Align::Left),
    ]);
    for (id, score, status, coverage, name) in rows {
        t.row(vec![id.to_string(), percent(score), word(status), percent(coverage), title(name)]);
    }
    format!("\n{heading}\n{}", t.render("  "))
}

/// The report as plain text: headline, the five views and what to work on first.
pub fn summary(report: &Report) -> String {
    let mut out = String::new();
    let heading = report.title.as_deref().unwrap_or("Untitled scorecard");
    out.push_str(&format!("{heading}\nscored on {}\n\n", report.framework));

    let mut head = Table::new(&[("", Align::Left), ("", Align::Right), ("", Align::Left), ("", Align::Left)]);
    let score_note = "the perspectives' scores, weighted";
    head.row(vec!["Score".into(), percent(report.score), word(&report.status), score_note.into()]);
    // The report gives the model score no status of its own, and the CLI computes none.
    let model_note = "ISO 23592's four dimensions, weighted";
    head.row(vec!["Model score".into(), percent(report.model_score), String::new(), model_note.into()]);
    let coverage_note = "share of indicator weight with a value";
    head.row(vec!["Coverage".into(), percent(report.coverage), String::new(), coverage_note.into()]);
    out.push_str(skip_header(&head.render("")));
    out.push_str("Status: green at the target, amber from halfway (the scorecard's thresholds),\nred below; progress is how far a value has come from its baseline to its target.\n");

    out.push_str("\nPerspectives\n");
    let mut t = Table::new(&[
        ("", Align::Left),
        ("weight", Align::Right),
        ("score", Align::Right),
        ("status", Align::Left),
        ("coverage", Align::Right),
        ("indicators", Align::Right),
    ]);
    for p in &report.perspectives {
        t.row(vec![
            p.title.as_deref().unwrap_or(&p.id).to_string(),
            number(p.weight),
            percent(p.score),
            word(&p.status),
            percent(p.coverage),
            p.indicators.to_string(),
        ]);
    }
    out.push_str(&t.render("  "));

    let dimensions = report.dimensions.iter().map(|d| (&*d.id, d.score, &d.status, d.coverage, d.title.as_deref()));
    out.push_str(&scored_rows("Dimensions", dimensions));
    let elements = report.elements.iter().map(|e| (&*e.id, e.score, &e.status, e.coverage, e.title.as_deref()));
    out.push_str(&scored_rows("Elements", elements));

    out.push_str("\nPyramid\n");
    let mut t = Table::new(&[
        ("", Align::Right),
        ("", Align::Left),
        ("score", Align::Right),
        ("needs", Align::Right),
        ("", Align::Left),
    ]);
    for l in &report.levels {
        t.row(vec![
            l.level.to_string(),
            title(l.title.as_deref().or(Some(&l.id))),
            percent(l.score),
            percent(Some(l.threshold)),
            if l.met { "met" } else { "not met" }.to_string(),
        ]);
    }
    out.push_str(&t.render("  "));
    let attained = match report.level_attained {
        0 => "none".to_string(),
        n => n.to_string(),
    };
    out.push_str(&format!("  Level attained: {attained} (outcome: {})\n", word(&report.outcome)));
    match report.focus_level {
        Some(next) => {
            let name = report.levels.iter().find(|l| l.level == next).and_then(|l| l.title.clone());
            let name = name.map(|t| format!(": {t}")).unwrap_or_default();
            out.push_str(&format!("  Focus next on level {next}{name}\n"));
        }
        None => out.push_str("  Every level is met\n"),
    }

    out.push_str(&format!(
        "\nTop {TOP_PRIORITIES} priorities (how much the score rises if the indicator reaches its target)\n"
    ));
    let mut t = Table::new(&[
        ("", Align::Right),
        ("", Align::Left),
        ("progress", Align::Right),
        ("impact", Align::Right),
        ("", Align::Left),
    ]);
    for (rank, p) in report.priorities.iter().take(TOP_PRIORITIES).enumerate() {
        let name = report.indicators.iter().find(|i| i.id == p.indicator).and_then(|i| i.title.as_deref());
        t.row(vec![
            format!("{}.", rank + 1),
            p.indicator.to_string(),
            percent(Some(p.progress)),
            points(p.impact),
            title(name),
        ]);
    }
    out.push_str(&t.render("  "));

    out.push_str(&format!("\nTop {TOP_GAPS} gaps (how much the model score rises if the element reaches 100%)\n"));
    let mut t = Table::new(&[
        ("", Align::Right),
        ("", Align::Left),
        ("score", Align::Right),
        ("impact", Align::Right),
        ("", Align::Left),
    ]);
    for (rank, g) in report.gaps.iter().take(TOP_GAPS).enumerate() {
        let name = report.elements.iter().find(|e| e.id == g.element).and_then(|e| e.title.as_deref());
        t.row(vec![
            format!("{}.", rank + 1),
            g.element.to_string(),
            percent(Some(g.score)),
            points(g.impact),
            title(name),
        ]);
    }
    out.push_str(&t.render("  "));
    out.push_str("\nFull report: servex demo --json. The document scored: servex demo --document.");
    fit(&out, WIDTH)
}

/// A fraction as a percentage with one decimal; `-` when there is none.
pub fn percent(fraction: Option<f64>) -> String {
    fraction.map_or_else(|| "-".to_string(), |f| format!("{:.1}%", 100.0 * f))
}

/// An impact (a share of a score) as percentage points.
pub fn points(impact: f64) -> String {
    format!("+{:.2} pts", 100.0 * impact)
}

/// A weight without a needless `.0`.
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

/// The library's own word for a status or outcome (its JSON name), for a person.
pub fn word(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s.replace('_', " "),
        _ => "-".to_string(),
    }
}

/// A display title; `-` when there is none. Titles go in the last column, so a long
/// one never pushes the numbers out of line.
fn title(title: Option<&str>) -> String {
    title.unwrap_or("-").to_string()
}

/// A terminal's width: longer lines (long titles, always in the last column) end in
/// an ellipsis.
const WIDTH: usize = 80;

/// `text` with every line cut to `width` characters.
fn fit(text: &str, width: usize) -> String {
    let cut = |line: &str| {
        if line.chars().count() > width {
            line.chars().take(width - 1).chain(['\u{2026}']).collect()
        } else {
            line.to_string()
        }
    };
    text.split('\n').map(cut).collect::<Vec<String>>().join("\n")
}

/// The headline table has no header row; drop its blank first line.
fn skip_header(rendered: &str) -> &str {
    rendered.split_once('\n').map_or(rendered, |(_, rest)| rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_is_a_dash_not_zero() {
        assert_eq!(percent(None), "-");
        assert_eq!(percent(Some(0.0)), "0.0%");
        assert_eq!(percent(Some(0.7172911)), "71.7%");
        assert_eq!(points(0.0625), "+6.25 pts");
    }

    #[test]
    fn long_lines_end_in_an_ellipsis_at_80_columns() {
        let text = format!("short\n{}\nlast", "x".repeat(100));
        let fitted = fit(&text, WIDTH);
        let widths: Vec<usize> = fitted.split('\n').map(|l| l.chars().count()).collect();
        assert_eq!(widths, [5, 80, 4]);
        assert!(fitted.contains("x\u{2026}\nlast"));
        let sample = summary(&servex::score(&servex::sample::sample_scorecard()).expect("the sample scores"));
        assert!(sample.lines().all(|l| l.chars().count() <= WIDTH), "{sample}");
    }

    #[test]
    fn words_are_the_library_names() {
        assert_eq!(word(&servex::report::Status::Amber), "amber");
        assert_eq!(word(&servex::report::ReportOutcome::BelowSatisfaction), "below satisfaction");
    }
}
