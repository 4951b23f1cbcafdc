//! The perspective bars of the balanced scorecard: one bar per perspective, its length
//! the score, its colour the status (and the status word beside it, so colour is never
//! the only cue), with coverage, indicator count and weight underneath. A perspective
//! without a score shows an empty dashed track and "no data", not a zero-length bar.

use super::format::{coord, esc, finite, name, number, pct, word};
use super::svg::{self, Anchor, Frame};
use crate::report::{Report, Status};

const WIDTH: f64 = 560.0;
const ROW: f64 = 62.0;
const TOP: f64 = 30.0;
const X0: f64 = 16.0;
const X1: f64 = 440.0;
const BAR: f64 = 16.0;
/// Scores above 1 (with `clamp: false`) end a little past the track.
const MAX_DRAWN: f64 = 1.04;

/// The perspective bars as SVG.
pub(crate) fn render(report: &Report, standalone: bool) -> String {
    let n = report.perspectives.len();
    let height = (TOP + n as f64 * ROW + 6.0).max(120.0);
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
        let top = TOP + i as f64 * ROW;
        let id = esc(&p.id);
        svg::text(&mut out, X0, top + 10.0, Anchor::Start, "b", "", name(p.title.as_deref(), &p.id));
        let bar_y = top + 17.0;
        out.push_str(&format!(
            "<rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/>\n",
            coord(X0),
            coord(bar_y),
            coord(span),
            coord(BAR)
        ));
        let score = finite(p.score);
        match score {
            Some(s) => out.push_str(&format!(
                "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" data-id=\"{id}\" \
                 data-score=\"{s}\"><title>{}: {}</title></rect>\n",
                svg::status_class(p.status),
                coord(X0),
                coord(bar_y),
                coord(s.clamp(0.0, MAX_DRAWN) * span),
                coord(BAR),
                esc(name(p.title.as_deref(), &p.id)),
                pct(Some(s)),
            )),
            None => out.push_str(&format!(
                "<rect class=\"s-missing\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" data-id=\"{id}\"/>\n",
                coord(X0),
                coord(bar_y),
                coord(span),
                coord(BAR)
            )),
        }
        let class = if score.is_some() { "big" } else { "muted" };
        svg::text(&mut out, X1 + 12.0, bar_y + 13.0, Anchor::Start, class, &format!(" data-id=\"{id}\""), &pct(score));
        if score.is_some() {
            svg::text(&mut out, X1 + 68.0, bar_y + 13.0, Anchor::Start, "muted small", "", &status_word(p.status));
        }
        let indicators = match p.indicators {
            1 => "1 indicator".to_string(),
            k => format!("{k} indicators"),
        };
        let sub =
            format!("coverage {} \u{b7} {indicators} \u{b7} weight {}", pct(finite(p.coverage)), number(p.weight));
        svg::text(&mut out, X0, bar_y + BAR + 14.0, Anchor::Start, "muted small", "", &sub);
    }
    svg::close(&mut out);
    out
}

/// A status as a word; `missing` reads "no data".
pub(crate) fn status_word(status: Status) -> String {
    match status {
        Status::Missing => super::format::NO_DATA.to_string(),
        other => word(&other),
    }
}
