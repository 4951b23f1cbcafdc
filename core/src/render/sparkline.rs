//! A trend sparkline for one indicator: its history values then the current value, in
//! the indicator's own unit (what its owner reads on their dashboard), the target as a
//! dashed line when it is one number, and the colour of the report's trend direction
//! (which already knows whether lower is better). Unmeasured periods keep their place
//! on the time axis and the line joins the measured ones, as the trend does.

use super::format::{coord, esc, number};
use super::svg;
use crate::report::{IndicatorRow, TrendDirection};
use crate::scorecard::{Bound, Indicator};

const WIDTH: f64 = 112.0;
const HEIGHT: f64 = 30.0;
const PAD: f64 = 4.0;

/// The sparkline of `row`, drawn from the document's `indicator` (the same id): `None`
/// when fewer than two periods have a value.
pub(crate) fn render(row: &IndicatorRow, indicator: &Indicator) -> Option<String> {
    let history = indicator.history.as_deref().unwrap_or_default();
    let mut values: Vec<Option<f64>> = history.iter().map(|h| h.value.filter(|v| v.is_finite())).collect();
    values.push(row.value.filter(|v| v.is_finite()));
    let measured: Vec<(usize, f64)> = values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).collect();
    if measured.len() < 2 {
        return None;
    }
    let target = match indicator.target {
        Some(Bound::Value(t)) if t.is_finite() => Some(t),
        _ => None,
    };
    let mut lo = measured.iter().map(|(_, v)| *v).fold(f64::INFINITY, f64::min);
    let mut hi = measured.iter().map(|(_, v)| *v).fold(f64::NEG_INFINITY, f64::max);
    if let Some(t) = target {
        lo = lo.min(t);
        hi = hi.max(t);
    }
    if hi - lo < 1e-12 || !(hi - lo).is_finite() {
        // A flat series sits in the middle.
        let pad = if lo.abs() > 1e-12 && lo.abs().is_finite() { lo.abs() * 0.1 } else { 1.0 };
        lo -= pad;
        hi += pad;
    }
    let last = (values.len() - 1).max(1) as f64;
    let x = |i: usize| PAD + (WIDTH - 2.0 * PAD) * i as f64 / last;
    let y = |v: f64| {
        let t = (v - lo) / (hi - lo);
        let y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * t;
        if y.is_finite() {
            y
        } else {
            HEIGHT / 2.0
        }
    };

    let direction = row.trend.map(|t| t.direction);
    let class = match direction {
        Some(TrendDirection::Improving) => " t-improving",
        Some(TrendDirection::Declining) => " t-declining",
        _ => "",
    };
    let label = describe(row, history.iter().map(|h| h.period.as_str()), &values, target, direction);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sx sx-spark\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" \
         height=\"{h}\" role=\"img\" aria-label=\"{l}\"><title>{l}</title>",
        w = coord(WIDTH),
        h = coord(HEIGHT),
        l = esc(&label)
    );
    if let Some(t) = target {
        out.push_str(&format!(
            "<line class=\"spark-target\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
            coord(PAD),
            coord(WIDTH - PAD),
            y = coord(y(t))
        ));
    }
    let pts: Vec<(f64, f64)> = measured.iter().map(|&(i, v)| (x(i), y(v))).collect();
    out.push_str(&format!("<polyline class=\"spark{class}\" points=\"{}\"/>", svg::points(&pts)));
    if let Some(&(lx, ly)) = pts.last() {
        out.push_str(&format!(
            "<circle class=\"spark-dot{class}\" cx=\"{}\" cy=\"{}\" r=\"2.5\"/>",
            coord(lx),
            coord(ly)
        ));
    }
    out.push_str("</svg>");
    Some(out)
}

/// "27, 30, 36, 41 points, 2025-Q4 to now, target 50: improving".
fn describe<'a>(
    row: &IndicatorRow,
    periods: impl Iterator<Item = &'a str>,
    values: &[Option<f64>],
    target: Option<f64>,
    direction: Option<TrendDirection>,
) -> String {
    let series: Vec<String> = values.iter().map(|v| v.map_or_else(|| "none".to_string(), number)).collect();
    let unit = row.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
    let first = periods.into_iter().next().unwrap_or("before");
    let mut text = format!("Trend of {}: {}{unit}, {first} to now", row.id, series.join(", "));
    if let Some(t) = target {
        text.push_str(&format!(", target {}", number(t)));
    }
    if let Some(d) = direction {
        text.push_str(&format!(": {}", super::format::word(&d)));
    }
    text
}
