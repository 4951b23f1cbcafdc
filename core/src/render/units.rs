//! The units overview of a `score_units` result (SPEC 12.1): how the units' scores are
//! spread (a histogram in 5-point bins under a box plot of the quartiles, the best and
//! worst units named) and how many units attained each pyramid level. Bins rather than
//! one mark per unit, so that the chart stays the same size for 30 units or 100,000.

use serde_json::Value;

use super::format::{coord, esc, nice, pct};
use super::svg::{self, Anchor, Frame};
use crate::error::{Error, ErrorKind};

const WIDTH: f64 = 660.0;
const HEIGHT: f64 = 300.0;
/// The score panel, left; the levels panel, right.
const X0: f64 = 44.0;
const X1: f64 = 420.0;
const LX0: f64 = 474.0;
const LX1: f64 = 640.0;
const TOP: f64 = 74.0;
const BASE: f64 = 240.0;
const BINS: usize = 20;

/// What the chart reads of a result.
struct Units {
    scores: Vec<f64>,
    /// min, q1, median, q3, max.
    quartiles: Option<[f64; 5]>,
    levels: [u64; 5],
    best: Option<(String, f64)>,
    worst: Option<(String, f64)>,
}

/// The units overview of `result` (what `score_units` returns) as SVG.
///
/// # Errors
/// `invalid_document` at `/units` or `/summary` when `result` is not a units result.
pub(crate) fn render(result: &Value, standalone: bool) -> Result<String, Error> {
    let units = read(result)?;
    let n = units.scores.len();
    let plural = if n == 1 { "" } else { "s" };
    let mut desc = format!("Histogram of the scores of {n} scored unit{plural} in 5-point bins, with their quartiles");
    if let Some([min, q1, median, q3, max]) = units.quartiles {
        desc.push_str(&format!(
            ": lowest {}, lower quartile {}, median {}, upper quartile {}, highest {}",
            pct(Some(min)),
            pct(Some(q1)),
            pct(Some(median)),
            pct(Some(q3)),
            pct(Some(max))
        ));
    }
    let levels: Vec<String> =
        units.levels.iter().enumerate().map(|(level, count)| format!("{} {count}", level_name(level))).collect();
    desc.push_str(&format!(". Units by pyramid level attained: {}.", levels.join(", ")));
    let frame = Frame { kind: "units", width: WIDTH, height: HEIGHT, title: "Units overview", desc: &desc };
    let mut out = String::new();
    svg::open(&mut out, &frame, standalone);
    scores_panel(&mut out, &units);
    levels_panel(&mut out, &units.levels);
    svg::close(&mut out);
    Ok(out)
}

fn read(result: &Value) -> Result<Units, Error> {
    let not_units =
        |at: &str| Error::new(ErrorKind::InvalidDocument, at, "a units overview needs a score_units result");
    let rows = result.get("units").and_then(Value::as_array).ok_or_else(|| not_units("/units"))?;
    let summary = result.get("summary").ok_or_else(|| not_units("/summary"))?;
    let mut scored: Vec<(&str, f64)> = rows
        .iter()
        .filter_map(|u| Some((u.get("id").and_then(Value::as_str).unwrap_or_default(), u.get("score")?.as_f64()?)))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    let quartile = |key: &str| summary.get("score").and_then(|s| s.get(key)).and_then(Value::as_f64);
    let quartiles = match ["min", "q1", "median", "q3", "max"].map(quartile) {
        [Some(a), Some(b), Some(c), Some(d), Some(e)] => Some([a, b, c, d, e]),
        _ => None,
    };
    let mut levels = [0; 5];
    let counts = summary.get("levels").and_then(Value::as_array).ok_or_else(|| not_units("/summary/levels"))?;
    for (slot, count) in levels.iter_mut().zip(counts) {
        *slot = count.as_u64().unwrap_or_default();
    }
    let named = |p: Option<&(&str, f64)>| p.map(|(id, s)| ((*id).to_string(), *s));
    Ok(Units {
        best: named(scored.first()),
        worst: named(scored.last()).filter(|_| scored.len() > 1),
        scores: scored.iter().map(|(_, s)| *s).collect(),
        quartiles,
        levels,
    })
}

fn scores_panel(out: &mut String, units: &Units) {
    svg::text(out, X0, 24.0, Anchor::Start, "b", "", "Scores of the units");
    if units.scores.is_empty() {
        svg::text(out, (X0 + X1) / 2.0, (TOP + BASE) / 2.0, Anchor::Middle, "muted", "", "No unit has a score");
        return;
    }
    // Scores above 100% (with `clamp: false`) go in the last bin, below 0 in the first.
    let mut bins = [0u64; BINS];
    for &s in &units.scores {
        let bin = ((s * BINS as f64).floor().max(0.0) as usize).min(BINS - 1);
        bins[bin] += 1;
    }
    let tallest = bins.iter().copied().max().unwrap_or(1).max(1) as f64;
    let x = |fraction: f64| X0 + fraction.clamp(0.0, 1.0) * (X1 - X0);
    let bar_top = TOP + 44.0;
    let height = |count: u64| (BASE - bar_top) * count as f64 / tallest;
    let step = nice(tallest / 4.0).max(1.0);
    let mut tick = step;
    while tick <= tallest {
        let y = BASE - (BASE - bar_top) * tick / tallest;
        out.push_str(&format!(
            "<line class=\"tick\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\n",
            coord(X0),
            coord(X1),
            y = coord(y)
        ));
        svg::text(out, X0 - 6.0, y + 4.0, Anchor::End, "muted small", "", &format!("{tick}"));
        tick += step;
    }
    for (i, &count) in bins.iter().enumerate().filter(|(_, &c)| c > 0) {
        let (left, right) = (x(i as f64 / BINS as f64), x((i + 1) as f64 / BINS as f64));
        out.push_str(&format!(
            "<rect class=\"area\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}</title></rect>\n",
            coord(left + 1.0),
            coord(BASE - height(count)),
            coord(right - left - 2.0),
            coord(height(count)),
            esc(&format!("{count} units from {}% to {}%", i * 5, i * 5 + 5))
        ));
    }
    out.push_str(&format!(
        "<line class=\"ring-full\" x1=\"{}\" y1=\"{b}\" x2=\"{}\" y2=\"{b}\"/>\n",
        coord(X0),
        coord(X1),
        b = coord(BASE)
    ));
    for tenth in 0..=10 {
        let fraction = f64::from(tenth) / 10.0;
        if tenth % 2 == 0 {
            svg::text(out, x(fraction), BASE + 16.0, Anchor::Middle, "muted small", "", &format!("{}%", tenth * 10));
        }
    }
    svg::text(out, (X0 + X1) / 2.0, BASE + 34.0, Anchor::Middle, "muted small", "", "score (bars: number of units)");
    if let Some([min, q1, median, q3, max]) = units.quartiles {
        let y = TOP + 18.0;
        out.push_str(&format!(
            "<line class=\"bracket\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\n",
            coord(x(min)),
            coord(x(max)),
            y = coord(y)
        ));
        out.push_str(&format!(
            "<rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" stroke=\"currentColor\"/>\n",
            coord(x(q1)),
            coord(y - 8.0),
            coord((x(q3) - x(q1)).max(1.0))
        ));
        out.push_str(&format!(
            "<line class=\"ring-full\" x1=\"{m}\" y1=\"{}\" x2=\"{m}\" y2=\"{}\"/>\n",
            coord(y - 8.0),
            coord(y + 8.0),
            m = coord(x(median))
        ));
        svg::text(out, x(median), y - 14.0, Anchor::Middle, "small", "", &format!("median {}", pct(Some(median))));
    }
    // The ends in words on one line of their own: marks at the ends of the box plot
    // would collide whenever the scores lie close together.
    let named = |unit: &Option<(String, f64)>, word: &str| {
        unit.as_ref().map(|(id, score)| format!("{word} {} {}", super::format::ellipsis(id, 24), pct(Some(*score))))
    };
    let ends: Vec<String> =
        [named(&units.worst, "lowest"), named(&units.best, "highest")].into_iter().flatten().collect();
    svg::text(out, X0, 44.0, Anchor::Start, "muted small", "", &ends.join(" \u{b7} "));
}

fn levels_panel(out: &mut String, levels: &[u64; 5]) {
    svg::text(out, LX0, 24.0, Anchor::Start, "b", "", "Level attained");
    let most = levels.iter().copied().max().unwrap_or(0).max(1) as f64;
    let row = (BASE - TOP + 20.0) / 5.0;
    for (level, &count) in levels.iter().enumerate().rev() {
        let y = TOP - 14.0 + (4 - level) as f64 * row;
        svg::text(out, LX0 - 8.0, y + 13.0, Anchor::End, "small", "", level_name(level));
        let width = (LX1 - LX0 - 40.0) * count as f64 / most;
        let class = if level == 0 { "track" } else { "lv-met" };
        out.push_str(&format!(
            "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\"/>\n",
            coord(LX0),
            coord(y),
            coord(width.max(1.0))
        ));
        svg::text(out, LX0 + width + 6.0, y + 13.0, Anchor::Start, "small", "", &count.to_string());
    }
}

fn level_name(level: usize) -> &'static str {
    ["none", "level 1", "level 2", "level 3", "level 4"].get(level).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overview_bins_scores_and_counts_levels() {
        let units: Vec<Value> =
            (0..40).map(|u| serde_json::json!({"id": format!("u{u}"), "values": {"nps": u as f64 * 1.5}})).collect();
        let template =
            serde_json::json!({"indicators": [{"id": "nps", "element": "7.3.1", "baseline": 0, "target": 60}]});
        let result =
            crate::call("score_units", &serde_json::json!({"scorecard": template, "units": units})).unwrap_or_default();
        let svg = render(&result, true).unwrap_or_default();
        assert!(svg.starts_with("<svg") && svg.contains("Units overview"), "{svg}");
        assert!(svg.contains("lowest u0 0.0% \u{b7} highest u39 97.5%"), "{svg}");
        assert!(svg.contains("none 40, level 1 0"), "{svg}");
        let bars: u64 = svg.split("<title>").filter_map(|t| t.split(" units from").next()?.parse::<u64>().ok()).sum();
        assert_eq!(bars, 40, "every scored unit is in one bin");
        assert_eq!(render(&serde_json::json!({}), true).err().map(|e| e.path().to_string()), Some("/units".into()));
    }
}
