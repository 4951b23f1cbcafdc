//! The service excellence pyramid: the levels stacked from level 1 at the bottom, each
//! with its score, what it needs and whether it is met. Levels 1..attained are solid,
//! the attained one outlined; a level met above a gap (gated, not yet counted) is
//! pale; the focus level has a dashed outline. A bracket on the left names the
//! outcome of each run of levels (satisfaction, delight), read from the report, so a
//! custom framework's pyramid is labelled by its own levels.

use super::format::{coord, esc, finite, name, pct, word, wrap};
use super::svg::{self, Anchor, Frame};
use crate::report::{LevelRow, Report};

const WIDTH: f64 = 360.0;
const LAYER: f64 = 76.0;
const GAP: f64 = 4.0;
const TOP: f64 = 12.0;
/// The pyramid's horizontal extent: base width and the width left at its apex.
const LEFT: f64 = 36.0;
const BASE: f64 = 136.0;
const APEX: f64 = 24.0;
const LABEL_X: f64 = 184.0;
/// Characters of a level title per line beside the pyramid.
const TITLE_CHARS: usize = 23;

/// How a level is drawn.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mark {
    /// Met and counted: levels 1..attained.
    Attained,
    /// Met, but above a level that is not: it does not count yet.
    MetGated,
    /// Not met.
    Open,
}

/// How level `row` is drawn, and whether it is the attained one and the focus one.
pub(crate) fn mark(report: &Report, row: &LevelRow) -> (Mark, bool, bool) {
    let mark = if row.met && row.level <= report.level_attained {
        Mark::Attained
    } else if row.met {
        Mark::MetGated
    } else {
        Mark::Open
    };
    let top = report.level_attained > 0 && row.level == report.level_attained;
    let focus = report.focus_level == Some(row.level);
    (mark, top, focus)
}

/// The pyramid as SVG.
pub(crate) fn render(report: &Report, standalone: bool) -> String {
    let n = report.levels.len();
    let total = if n == 0 { 0.0 } else { n as f64 * LAYER + (n as f64 - 1.0) * GAP };
    let height = (total + 2.0 * TOP).max(120.0);
    let desc = describe(report);
    let frame = Frame { kind: "pyramid", width: WIDTH, height, title: "Service excellence pyramid", desc: &desc };
    let mut out = String::new();
    svg::open(&mut out, &frame, standalone);
    if n == 0 {
        svg::empty_note(&mut out, &frame, "No pyramid levels");
        svg::close(&mut out);
        return out;
    }
    let base_y = TOP + total;
    // Width of the pyramid at height h above its base.
    let width_at = |h: f64| BASE - (BASE - APEX) * h / total;
    let centre = LEFT + BASE / 2.0;

    for (i, row) in report.levels.iter().enumerate() {
        let h0 = i as f64 * (LAYER + GAP);
        let h1 = h0 + LAYER;
        let (y0, y1) = (base_y - h0, base_y - h1);
        let (w0, w1) = (width_at(h0), width_at(h1));
        let shape = svg::points(&[
            (centre - w0 / 2.0, y0),
            (centre + w0 / 2.0, y0),
            (centre + w1 / 2.0, y1),
            (centre - w1 / 2.0, y1),
        ]);
        let (mark, top, focus) = mark(report, row);
        let fill = match mark {
            Mark::Attained => "lv lv-attained",
            Mark::MetGated => "lv lv-met",
            Mark::Open => "lv-open",
        };
        let top_class = if top { " lv-top" } else { "" };
        out.push_str(&format!(
            "<polygon class=\"{fill}{top_class}\" points=\"{shape}\" data-level=\"{}\" data-mark=\"{}\"/>\n",
            row.level,
            mark_name(mark, top)
        ));
        if focus {
            out.push_str(&format!(
                "<polygon class=\"lv-focus\" points=\"{shape}\" data-level=\"{}\" data-focus=\"true\"/>\n",
                row.level
            ));
        }
        let mid = (y0 + y1) / 2.0;
        let number_class = if mark == Mark::Attained { "on-fill" } else { "big" };
        svg::text(&mut out, centre, mid + 5.0, Anchor::Middle, number_class, "", &row.level.to_string());

        // The label beside the layer: name (up to two lines), score against threshold,
        // verdict; the block is centred on the layer.
        let title = wrap(name(row.title.as_deref(), &row.id), TITLE_CHARS, 2);
        let lines = title.len() as f64 + 2.0;
        let mut y = mid - (lines - 1.0) * 15.0 / 2.0 + 4.0;
        for line in &title {
            svg::text(&mut out, LABEL_X, y, Anchor::Start, "b", "", line);
            y += 15.0;
        }
        let score = finite(row.score);
        let score_class = if score.is_some() { "big" } else { "muted" };
        let attr = format!(" data-level=\"{}\"", row.level);
        svg::text(&mut out, LABEL_X, y + 1.0, Anchor::Start, score_class, &attr, &pct(score));
        let needs = format!("needs {}", pct(finite(Some(row.threshold))));
        let offset = if score.is_some() { 60.0 } else { 58.0 };
        svg::text(&mut out, LABEL_X + offset, y + 1.0, Anchor::Start, "muted small", "", &needs);
        svg::text(&mut out, LABEL_X, y + 16.0, Anchor::Start, "small", "", &verdict(row, mark, top, focus));
        // The connector from layer to label.
        let edge = centre + (w0 + w1) / 4.0 + 4.0;
        out.push_str(&format!(
            "<line class=\"tick\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
            coord(edge),
            coord(mid),
            coord(LABEL_X - 6.0),
            coord(mid)
        ));
    }

    // Outcome brackets over each run of levels with the same outcome.
    let mut start = 0;
    while start < n {
        let outcome = report.levels[start].outcome;
        let mut end = start;
        while end + 1 < n && report.levels[end + 1].outcome == outcome {
            end += 1;
        }
        let y_bottom = base_y - start as f64 * (LAYER + GAP) - 3.0;
        let y_top = base_y - end as f64 * (LAYER + GAP) - LAYER + 3.0;
        out.push_str(&format!(
            "<path class=\"bracket\" d=\"M{a} {yb}H{b}V{yt}H{a}\"/>\n",
            a = coord(LEFT - 8.0),
            b = coord(LEFT - 16.0),
            yb = coord(y_bottom),
            yt = coord(y_top)
        ));
        let (x, y) = (LEFT - 20.0, (y_bottom + y_top) / 2.0);
        out.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" class=\"muted b\" data-outcome=\"{w}\" \
             transform=\"rotate(-90 {x} {y})\">{w}</text>\n",
            x = coord(x),
            y = coord(y),
            w = esc(&word(&outcome))
        ));
        start = end + 1;
    }
    svg::close(&mut out);
    out
}

fn mark_name(mark: Mark, top: bool) -> &'static str {
    match (mark, top) {
        (Mark::Attained, true) => "attained",
        (Mark::Attained, false) => "met",
        (Mark::MetGated, _) => "met-gated",
        (Mark::Open, _) => "open",
    }
}

/// "✓ met · level attained", "✗ not met · focus next", ...
fn verdict(row: &LevelRow, mark: Mark, top: bool, focus: bool) -> String {
    let mut parts = vec![match mark {
        Mark::Attained => "\u{2713} met".to_string(),
        Mark::MetGated => "\u{2713} met, not counted yet".to_string(),
        Mark::Open if finite(row.score).is_none() => "no data".to_string(),
        Mark::Open => "\u{2717} not met".to_string(),
    }];
    if top {
        parts.push("attained".to_string());
    }
    if focus {
        parts.push("focus next".to_string());
    }
    parts.join(" \u{b7} ")
}

fn describe(report: &Report) -> String {
    let mut desc = format!("Service excellence pyramid of {} levels, level 1 at the bottom.", report.levels.len());
    for row in &report.levels {
        let (mark, _, _) = mark(report, row);
        let state = match mark {
            Mark::Attained => "met",
            Mark::MetGated => "met but not counted, a level below is not met",
            Mark::Open => "not met",
        };
        desc.push_str(&format!(
            " Level {} {} ({}): {}, needs {}, {state}.",
            row.level,
            name(row.title.as_deref(), &row.id),
            word(&row.outcome),
            pct(finite(row.score)),
            pct(finite(Some(row.threshold))),
        ));
    }
    match report.level_attained {
        0 => desc.push_str(" No level attained."),
        l => desc.push_str(&format!(" Level attained: {l}.")),
    }
    if let Some(focus) = report.focus_level {
        desc.push_str(&format!(" Focus next: level {focus}."));
    }
    desc
}
