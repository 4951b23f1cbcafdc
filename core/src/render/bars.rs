//! The perspective bars of the balanced scorecard: one bar per perspective, its length
//! the score, its colour the status (and the status word beside it, so colour is never
//! the only cue), with coverage, indicator count and weight underneath. A perspective
//! without a score shows an empty dashed track and "no data", not a zero-length bar.

use super::format::{coord, ellipsis, esc, finite, name, number, pct, word};
use super::svg::{self, Anchor, Frame};
use crate::report::{Report, Status};

const WIDTH: f64 = 360.0;
const ROW: f64 = 66.0;
const TOP: f64 = 30.0;
const X0: f64 = 8.0;
const X1: f64 = 250.0;
const BAR: f64 = 16.0;
/// Scores above 1 (with `clamp: false`) end a little past the track.
const MAX_DRAWN: f64 = 1.04;

/// The perspective bars as SVG.
pub(crate) fn render(report: &Report, standalone: bool) -> String {
    let n = report.perspectives.len();
    let height = if n == 0 { 120.0 } else { TOP + (n + 1) as f64 * ROW + 14.0 };
    let mut desc = format!("Bar chart of {n} perspective scores on a scale from 0 to 100%.");
    for p in &report.perspectives {
        desc.push_str(&format!(
            " {}: {}, {}, coverage {}.",
            name(p.title.as_deref(), &p.id),
            pct(finite(p.score)),
            status_word(p.status),
            pct(finite(p.coverage))
        ));
    }
    let frame = Frame { kind: "perspectives", width: WIDTH, height, title: "Perspective scores", desc: &desc };
    let mut out = String::new();
    svg::open(&mut out, &frame, standalone);
    if n == 0 {
        svg::empty_note(&mut out, &frame, "No perspectives");
        svg::close(&mut out);
        return out;
    }
    let span = X1 - X0;
    let bottom = TOP + n as f64 * ROW - 14.0;
    for q in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let x = X0 + q * span;
        out.push_str(&format!(
            "<line class=\"tick\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>\n",
            coord(TOP - 8.0),
            coord(bottom),
            x = coord(x)
        ));
        svg::text(&mut out, x, TOP - 14.0, Anchor::Middle, "muted small", "", &pct(Some(q)).replace(".0%", "%"));
    }
    for (i, p) in report.perspectives.iter().enumerate() {
        let indicators = match p.indicators {
            1 => "1 indicator".to_string(),
            k => format!("{k} indicators"),
        };
        let bar = Bar {
            label: name(p.title.as_deref(), &p.id),
            attr: format!(" data-id=\"{}\"", esc(&p.id)),
            score: finite(p.score),
            status: p.status,
            sub: format!("coverage {} \u{b7} {indicators} \u{b7} weight {}", pct(finite(p.coverage)), number(p.weight)),
        };
        row(&mut out, TOP + i as f64 * ROW, &bar);
    }
    // The headline score closes the chart, under a rule.
    let top = TOP + n as f64 * ROW;
    out.push_str(&format!(
        "<line class=\"tick\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\n",
        coord(X0),
        coord(WIDTH - 8.0),
        y = coord(top - 4.0)
    ));
    let overall = Bar {
        label: "Score, all perspectives weighted",
        attr: " data-id=\"\" data-overall=\"true\"".to_string(),
        score: finite(report.score),
        status: report.status,
        sub: format!("coverage {} of all indicator weight", pct(finite(report.coverage))),
    };
    row(&mut out, top + 8.0, &overall);
    svg::close(&mut out);
    out
}

/// One bar: its label, extra attributes (escaped), score, status and the line under it.
struct Bar<'a> {
    label: &'a str,
    attr: String,
    score: Option<f64>,
    status: Status,
    sub: String,
}

/// Draws one bar whose row starts at `top`.
fn row(out: &mut String, top: f64, bar: &Bar) {
    let span = X1 - X0;
    svg::text(out, X0, top + 10.0, Anchor::Start, "b", "", &ellipsis(bar.label, 40));
    let bar_y = top + 17.0;
    out.push_str(&format!(
        "<rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/>\n",
        coord(X0),
        coord(bar_y),
        coord(span),
        coord(BAR)
    ));
    match bar.score {
        Some(s) => out.push_str(&format!(
            "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"{} data-score=\"{s}\">\
             <title>{}: {}, {}</title></rect>\n",
            svg::status_class(bar.status),
            coord(X0),
            coord(bar_y),
            coord(s.clamp(0.0, MAX_DRAWN) * span),
            coord(BAR),
            bar.attr,
            esc(bar.label),
            pct(Some(s)),
            status_word(bar.status),
        )),
        None => out.push_str(&format!(
            "<rect class=\"s-missing\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"{}/>\n",
            coord(X0),
            coord(bar_y),
            coord(span),
            coord(BAR),
            bar.attr
        )),
    }
    let class = if bar.score.is_some() { "big" } else { "muted" };
    svg::text(out, X1 + 10.0, bar_y + 13.5, Anchor::Start, class, &bar.attr, &pct(bar.score));
    if bar.score.is_some() {
        svg::text(out, X1 + 10.0, bar_y + BAR + 15.0, Anchor::Start, "muted small", "", &status_word(bar.status));
    }
    svg::text(out, X0, bar_y + BAR + 15.0, Anchor::Start, "muted small", "", &bar.sub);
}

/// A status as a word; `missing` reads "no data".
pub(crate) fn status_word(status: Status) -> String {
    match status {
        Status::Missing => super::format::NO_DATA.to_string(),
        other => word(&other),
    }
}
