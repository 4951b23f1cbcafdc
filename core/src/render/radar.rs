//! The radar chart of the element scores: one spoke per element, clockwise from the
//! top, a point at radius score x R, the 100 % ring and the ring of the score the next
//! pyramid level needs. A missing score gets no point (never one at the centre, which
//! would read as zero): its spoke is dashed and labelled "no data", and the outline
//! is broken on both sides of it.

use std::f64::consts::PI;

use super::format::{coord, esc, finite, pct};
use super::svg::{self, Anchor, Frame};
use crate::report::Report;

pub(crate) const WIDTH: f64 = 360.0;
pub(crate) const HEIGHT: f64 = 372.0;
/// Centre of the radar.
pub(crate) const CX: f64 = 180.0;
pub(crate) const CY: f64 = 188.0;
/// Radius of the 100 % ring.
pub(crate) const R: f64 = 118.0;
/// Scores above 1 (with `clamp: false`) are drawn at most this far out.
const MAX_DRAWN: f64 = 1.12;

/// Where the point of score `s` on spoke `i` of `n` lies.
pub(crate) fn point(i: usize, n: usize, s: f64) -> (f64, f64) {
    let (dx, dy) = direction(i, n);
    let r = s.clamp(0.0, MAX_DRAWN) * R;
    (CX + r * dx, CY + r * dy)
}

/// Unit vector of spoke `i` of `n`: the first points up, the rest follow clockwise.
fn direction(i: usize, n: usize) -> (f64, f64) {
    let angle = -PI / 2.0 + 2.0 * PI * (i as f64) / (n.max(1) as f64);
    // libm's, not the platform's: the same bits, so the same SVG, on every front.
    (libm::cos(angle), libm::sin(angle))
}

/// The level ring: the threshold of the focus level (or of the top level once all are
/// met), with the level's number.
fn level_ring(report: &Report) -> Option<(u8, f64)> {
    let row = match report.focus_level {
        Some(focus) => report.levels.iter().find(|l| l.level == focus),
        None => report.levels.last(),
    }?;
    Some((row.level, row.threshold)).filter(|(_, t)| t.is_finite() && *t > 0.0 && *t <= MAX_DRAWN)
}

/// The radar chart as SVG.
pub(crate) fn render(report: &Report, standalone: bool) -> String {
    let n = report.elements.len();
    let ring = level_ring(report);
    let mut desc = format!("Radar chart of {n} element scores on a scale from 0 to 100%.");
    for e in &report.elements {
        desc.push_str(&format!(" {}: {}.", label_name(&e.id, e.title.as_deref()), pct(finite(e.score))));
    }
    if let Some((level, t)) = ring {
        desc.push_str(&format!(" The dashed ring marks {}, the score level {level} needs.", pct(Some(t))));
    }
    let frame = Frame { kind: "radar", width: WIDTH, height: HEIGHT, title: "Element scores", desc: &desc };
    let mut out = String::new();
    svg::open(&mut out, &frame, standalone);
    if n == 0 {
        svg::empty_note(&mut out, &frame, "No elements to chart");
        svg::close(&mut out);
        return out;
    }

    // Grid: quarter rings, spokes, then the 100 % ring and the level ring on top.
    for q in [0.25, 0.5, 0.75] {
        out.push_str(&format!(
            "<circle class=\"grid\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>\n",
            coord(CX),
            coord(CY),
            coord(q * R)
        ));
    }
    for (i, e) in report.elements.iter().enumerate() {
        let (x, y) = point(i, n, 1.0);
        let class = if finite(e.score).is_some() { "grid" } else { "grid spoke-missing" };
        out.push_str(&format!(
            "<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
            coord(CX),
            coord(CY),
            coord(x),
            coord(y)
        ));
    }
    out.push_str(&format!(
        "<circle class=\"ring-full\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>\n",
        coord(CX),
        coord(CY),
        coord(R)
    ));
    if let Some((_, t)) = ring {
        out.push_str(&format!(
            "<circle class=\"ring-level\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>\n",
            coord(CX),
            coord(CY),
            coord(t.clamp(0.0, MAX_DRAWN) * R)
        ));
    }

    // The outline: a filled area when every element is scored, else only the segments
    // between neighbours that both have a score.
    let scores: Vec<Option<f64>> = report.elements.iter().map(|e| finite(e.score)).collect();
    let pts: Vec<Option<(f64, f64)>> = scores.iter().enumerate().map(|(i, s)| s.map(|s| point(i, n, s))).collect();
    if n >= 3 && pts.iter().all(Option::is_some) {
        let all: Vec<(f64, f64)> = pts.iter().flatten().copied().collect();
        out.push_str(&format!("<polygon class=\"area\" points=\"{}\"/>\n", svg::points(&all)));
    } else if n >= 2 {
        let pairs = if n == 2 { 1 } else { n };
        for i in 0..pairs {
            if let (Some(a), Some(b)) = (pts[i], pts[(i + 1) % n]) {
                out.push_str(&format!("<polyline class=\"line\" points=\"{}\"/>\n", svg::points(&[a, b])));
            }
        }
    }

    // Scale labels along the top spoke, then the points, then the element labels.
    let small = if n > 12 { "small" } else { "" };
    svg::text(&mut out, CX + 4.0, CY - 0.5 * R + 4.0, Anchor::Start, "muted small", "", "50%");
    svg::text(&mut out, CX + 4.0, CY - R + 13.0, Anchor::Start, "muted small", "", "100%");
    if let Some((level, t)) = ring {
        // On the top spoke, left of it: the 50 % and 100 % labels are on its right.
        let y = CY - t.clamp(0.0, MAX_DRAWN) * R;
        svg::text(
            &mut out,
            CX - 4.0,
            y + 4.0,
            Anchor::End,
            "small ring-label",
            "",
            &format!("level {level}: {}", pct(Some(t))),
        );
    }
    for (i, e) in report.elements.iter().enumerate() {
        if let (Some(s), Some((x, y))) = (scores[i], pts[i]) {
            out.push_str(&format!(
                "<circle class=\"pt {}\" cx=\"{}\" cy=\"{}\" r=\"4.5\" data-id=\"{}\" data-score=\"{s}\">\
                 <title>{}: {}</title></circle>\n",
                svg::status_class(e.status),
                coord(x),
                coord(y),
                esc(&e.id),
                esc(&label_name(&e.id, e.title.as_deref())),
                pct(Some(s)),
            ));
        }
    }
    for (i, e) in report.elements.iter().enumerate() {
        let (dx, dy) = direction(i, n);
        let (x, y) = (CX + (R + 12.0) * dx, CY + (R + 12.0) * dy);
        let anchor = if dx > 0.3 {
            Anchor::Start
        } else if dx < -0.3 {
            Anchor::End
        } else {
            Anchor::Middle
        };
        // Two lines (id, then score): above the point at the top, below it at the bottom.
        let y = if dy < -0.5 {
            y - 16.0
        } else if dy > 0.5 {
            y + 11.0
        } else {
            y - 3.0
        };
        let id = esc(&e.id);
        let tooltip = esc(&label_name(&e.id, e.title.as_deref()));
        out.push_str(&format!("<g><title>{tooltip}</title>\n"));
        svg::text(&mut out, x, y, anchor, format!("b {small}").trim(), "", &e.id);
        let class = if scores[i].is_some() { small.to_string() } else { format!("muted {small}") };
        svg::text(&mut out, x, y + 15.0, anchor, class.trim(), &format!(" data-id=\"{id}\""), &pct(scores[i]));
        out.push_str("</g>\n");
    }
    svg::close(&mut out);
    out
}

/// "7.1.1 Service excellence vision", or the id alone.
fn label_name(id: &str, title: Option<&str>) -> String {
    match title {
        Some(t) if !t.trim().is_empty() => format!("{id} {t}"),
        _ => id.to_string(),
    }
}
