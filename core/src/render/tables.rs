//! The report's views as HTML tables: perspectives, dimensions, elements, pyramid
//! levels, principles, gaps, priorities and indicators. Every cell is escaped here;
//! a missing number is a dash and a missing status reads "no data", never 0.

use serde_json::{Map, Value};

use super::bars::status_word;
use super::format::{esc, finite, name, number, pct_cell, points, word, DASH};
use super::pyramid::{self, Mark};
use crate::report::{IndicatorRow, Report, Status, TrendDirection};
use crate::scorecard::{Indicator, Scorecard};

/// One table column: its heading and whether it holds numbers (right-aligned).
struct Col(&'static str, bool);

/// Writes a table; cells are HTML, already escaped.
fn table(out: &mut String, class: &str, cols: &[Col], rows: &[Vec<String>]) {
    out.push_str(&format!("<div class=\"scroll\"><table class=\"{class}\">\n<thead><tr>"));
    for Col(head, num) in cols {
        let attr = if *num { " class=\"num\"" } else { "" };
        out.push_str(&format!("<th scope=\"col\"{attr}>{}</th>", esc(head)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    if rows.is_empty() {
        out.push_str(&format!("<tr><td colspan=\"{}\" class=\"muted\">None.</td></tr>\n", cols.len().max(1)));
    }
    for row in rows {
        out.push_str("<tr>");
        for (cell, Col(_, num)) in row.iter().zip(cols) {
            let attr = if *num { " class=\"num\"" } else { "" };
            out.push_str(&format!("<td{attr}>{cell}</td>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}

/// A status pill: the word and its colour.
pub(crate) fn pill(status: Status) -> String {
    let class = match status {
        Status::Green => "green",
        Status::Amber => "amber",
        Status::Red => "red",
        Status::Missing => "missing",
    };
    format!("<span class=\"pill {class}\">{}</span>", esc(&status_word(status)))
}

/// A score: the percentage and a small meter; a dash (and no meter) when missing.
fn score(value: Option<f64>) -> String {
    match finite(value) {
        Some(s) => format!(
            "<span class=\"meter\" aria-hidden=\"true\"><span style=\"width:{:.1}%\"></span></span>{}",
            100.0 * s.clamp(0.0, 1.0),
            esc(&pct_cell(Some(s)))
        ),
        None => format!("<span class=\"muted\">{DASH}</span>"),
    }
}

/// A name with its id beneath, for rows whose ids people also use (7.1.1, nps).
fn named(title: Option<&str>, id: &str) -> String {
    match title {
        Some(t) if !t.trim().is_empty() => format!("{}<div class=\"id\">{}</div>", esc(t), esc(id)),
        _ => format!("<span class=\"id\">{}</span>", esc(id)),
    }
}

fn count(n: usize) -> String {
    n.to_string()
}

pub(crate) fn perspectives(out: &mut String, report: &Report) {
    let cols = [
        Col("Perspective", false),
        Col("Weight", true),
        Col("Score", true),
        Col("Status", false),
        Col("Coverage", true),
        Col("Indicators", true),
    ];
    let rows: Vec<Vec<String>> = report
        .perspectives
        .iter()
        .map(|p| {
            vec![
                named(p.title.as_deref(), &p.id),
                esc(&number(p.weight)),
                score(p.score),
                pill(p.status),
                esc(&pct_cell(p.coverage)),
                count(p.indicators),
            ]
        })
        .collect();
    table(out, "view", &cols, &rows);
}

pub(crate) fn dimensions(out: &mut String, report: &Report) {
    let cols = [
        Col("Dimension", false),
        Col("Elements", false),
        Col("Weight", true),
        Col("Score", true),
        Col("Status", false),
        Col("Coverage", true),
    ];
    let rows: Vec<Vec<String>> = report
        .dimensions
        .iter()
        .map(|d| {
            vec![
                named(d.title.as_deref(), &d.id),
                esc(&d.elements.join(", ")),
                esc(&number(d.weight)),
                score(d.score),
                pill(d.status),
                esc(&pct_cell(d.coverage)),
            ]
        })
        .collect();
    table(out, "view", &cols, &rows);
}

pub(crate) fn elements(out: &mut String, report: &Report) {
    let cols = [
        Col("Element", false),
        Col("Dimension", false),
        Col("Levels", false),
        Col("Weight", true),
        Col("Score", true),
        Col("Status", false),
        Col("Coverage", true),
    ];
    let rows: Vec<Vec<String>> = report
        .elements
        .iter()
        .map(|e| {
            vec![
                named(e.title.as_deref(), &e.id),
                esc(&e.dimension),
                esc(&levels(&e.levels)),
                esc(&number(e.weight)),
                score(e.score),
                pill(e.status),
                esc(&pct_cell(e.coverage)),
            ]
        })
        .collect();
    table(out, "view", &cols, &rows);
}

pub(crate) fn levels_table(out: &mut String, report: &Report) {
    let cols = [
        Col("Level", false),
        Col("Outcome", false),
        Col("Score", true),
        Col("Needs", true),
        Col("Met", false),
        Col("Indicators", true),
    ];
    let rows: Vec<Vec<String>> = report
        .levels
        .iter()
        .rev()
        .map(|l| {
            let (mark, top, focus) = pyramid::mark(report, l);
            let mut met = match mark {
                Mark::Attained => "<span class=\"pill green\">met</span>".to_string(),
                Mark::MetGated => "<span class=\"pill green-soft\">met, not yet counted</span>".to_string(),
                Mark::Open if finite(l.score).is_none() => "<span class=\"pill missing\">no data</span>".to_string(),
                Mark::Open => "<span class=\"pill red\">not met</span>".to_string(),
            };
            if top {
                met.push_str(" <span class=\"tag\">attained</span>");
            }
            if focus {
                met.push_str(" <span class=\"tag focus\">focus next</span>");
            }
            vec![
                format!("<strong>{}</strong> {}", l.level, named(l.title.as_deref(), &l.id)),
                esc(&word(&l.outcome)),
                score(l.score),
                esc(&pct_cell(Some(l.threshold))),
                met,
                count(l.indicators),
            ]
        })
        .collect();
    table(out, "view", &cols, &rows);
}

pub(crate) fn principles(out: &mut String, report: &Report) {
    let cols = [Col("Principle", false), Col("Score", true), Col("Coverage", true), Col("Indicators", true)];
    let rows: Vec<Vec<String>> = report
        .principles
        .iter()
        .map(|p| {
            vec![named(p.title.as_deref(), &p.id), score(p.score), esc(&pct_cell(p.coverage)), count(p.indicators)]
        })
        .collect();
    table(out, "view", &cols, &rows);
}

/// How many rows the priorities and gaps tables list; the rest are counted.
pub(crate) const TOP: usize = 10;

/// "Top 10 of 26" headings and the line that counts the rest.
fn ranked_heading(out: &mut String, heading: &str, shown: usize, total: usize) {
    let count = if total > shown { format!("top {shown} of {total}") } else { total.to_string() };
    out.push_str(&format!("<h3>{} <span class=\"muted\">({count})</span></h3>\n", esc(heading)));
}

pub(crate) fn gaps(out: &mut String, report: &Report) {
    ranked_heading(out, "Gaps: elements", report.gaps.len().min(TOP), report.gaps.len());
    let cols = [Col("#", true), Col("Element", false), Col("Score", true), Col("Gap", true), Col("Impact", true)];
    let rows: Vec<Vec<String>> = report
        .gaps
        .iter()
        .take(TOP)
        .enumerate()
        .map(|(rank, g)| {
            let title = report.elements.iter().find(|e| e.id == g.element).and_then(|e| e.title.as_deref());
            vec![
                (rank + 1).to_string(),
                named(title, &g.element),
                score(Some(g.score)),
                esc(&pct_cell(Some(g.gap))),
                esc(&points(g.impact)),
            ]
        })
        .collect();
    table(out, "rank", &cols, &rows);
}

pub(crate) fn priorities(out: &mut String, report: &Report) {
    ranked_heading(out, "Priorities: indicators", report.priorities.len().min(TOP), report.priorities.len());
    let cols = [Col("#", true), Col("Indicator", false), Col("Progress", true), Col("Impact", true)];
    let rows: Vec<Vec<String>> = report
        .priorities
        .iter()
        .take(TOP)
        .enumerate()
        .map(|(rank, p)| {
            let title = report.indicators.iter().find(|i| i.id == p.indicator).and_then(|i| i.title.as_deref());
            vec![(rank + 1).to_string(), named(title, &p.indicator), score(Some(p.progress)), esc(&points(p.impact))]
        })
        .collect();
    table(out, "rank", &cols, &rows);
}

/// Items by id, so that a row finds its own in one look-up, not a scan (the first of a
/// repeated id, as a scan would).
struct ById<'t, T> {
    items: &'t [T],
    /// Each id's place: a JSON map, whose code the renderer's WebAssembly module holds
    /// already (a `HashMap` of its own took 1.4 KB of it, gzipped).
    places: Map<String, Value>,
}

impl<'t, T> ById<'t, T> {
    fn new(items: &'t [T], id: impl Fn(&T) -> &str) -> ById<'t, T> {
        let mut places = Map::with_capacity(items.len());
        // Backwards, so that the first of a repeated id is the one kept.
        for (i, item) in items.iter().enumerate().rev() {
            places.insert(id(item).to_owned(), i.into());
        }
        ById { items, places }
    }

    fn get(&self, id: &str) -> Option<&'t T> {
        // Every place was written from an index of `items`.
        self.places.get(id).and_then(Value::as_u64).map(|k| &self.items[k as usize])
    }
}

pub(crate) fn indicators(out: &mut String, report: &Report, document: Option<&Scorecard>) {
    let cols = [
        Col("Indicator", false),
        Col("Perspective \u{b7} element", false),
        Col("Value", true),
        Col("Progress", true),
        Col("Status", false),
        Col("Trend", false),
    ];
    let perspectives = ById::new(&report.perspectives, |p| &p.id);
    let sources = ById::new(document.map_or(&[][..], |d| &d.indicators), |d| &d.id);
    let rows: Vec<Vec<String>> = report
        .indicators
        .iter()
        .map(|i| {
            let mut who = named(i.title.as_deref(), &i.id);
            if let Some(evidence) = i.evidence.as_deref().filter(|e| !e.trim().is_empty()) {
                who.push_str(&format!("<div class=\"evidence\">{}</div>", esc(evidence)));
            }
            let perspective = perspectives.get(&i.perspective);
            let mut place = esc(perspective.map_or(&*i.perspective, |p| name(p.title.as_deref(), &p.id)));
            let mut tags: Vec<String> = i.element.iter().map(|e| e.to_string()).collect();
            if !i.levels.is_empty() {
                tags.push(levels(&i.levels));
            }
            if !tags.is_empty() {
                place.push_str(&format!("<div class=\"id\">{}</div>", esc(&tags.join(" \u{b7} "))));
            }
            let source = sources.get(&i.id);
            let scale = source.and_then(|s| s.scale.as_deref());
            vec![who, place, value(i, scale), score(i.progress), pill(i.status), trend(i, source)]
        })
        .collect();
    table(out, "indicators", &cols, &rows);
}

/// The value with its unit (a rating's scale name when it has no unit); a dash when
/// missing.
fn value(row: &IndicatorRow, scale: Option<&str>) -> String {
    let unit = row.unit.as_deref().filter(|u| !u.trim().is_empty()).or(scale);
    let unit = unit.map(|u| format!(" <span class=\"unit\">{}</span>", esc(u))).unwrap_or_default();
    match finite(row.value) {
        Some(v) => format!("{}{unit}", esc(&number(v))),
        None => format!("<span class=\"muted\">{DASH}</span>{unit}"),
    }
}

/// The sparkline (when the document has the history) and the trend in words.
fn trend(row: &IndicatorRow, indicator: Option<&Indicator>) -> String {
    let mut cell = String::from("<div class=\"trend\">");
    if let Some(svg) = indicator.and_then(|i| super::sparkline::render(row, i)) {
        cell.push_str(&svg);
    }
    match row.trend {
        Some(t) => {
            let arrow = match t.direction {
                TrendDirection::Improving => "\u{2197}",
                TrendDirection::Declining => "\u{2198}",
                TrendDirection::Stable => "\u{2192}",
            };
            let class = match t.direction {
                TrendDirection::Improving => "up",
                TrendDirection::Declining => "down",
                TrendDirection::Stable => "flat",
            };
            cell.push_str(&format!(
                "<span class=\"dir {class}\">{arrow} {} <span class=\"delta\">{}</span></span>",
                esc(&word(&t.direction)),
                esc(&points(t.delta))
            ));
        }
        None => cell.push_str(&format!("<span class=\"muted\">{DASH}</span>")),
    }
    cell.push_str("</div>");
    cell
}

/// "levels 1, 3", or a dash.
fn levels(levels: &[i64]) -> String {
    match levels {
        [] => DASH.to_string(),
        [one] => format!("level {one}"),
        many => format!("levels {}", many.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")),
    }
}
