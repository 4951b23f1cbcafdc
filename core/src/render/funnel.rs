//! The funnel plot of a grouped NPS, CSAT or CES result called with `funnel` (SPEC
//! 12.2): each group a point at its effective sample size and score, the target as a
//! line, the 95 % and 99.8 % limits drawn through the groups' own limits (so the
//! curves are the computed ones, not a redrawing), and groups outside them filled and
//! labelled (colour is never the only cue).

use serde_json::Value;

use super::format::{coord, nice};
use super::svg::{self, Anchor, Frame};
use crate::error::{Error, ErrorKind};

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 380.0;
const X0: f64 = 58.0;
const X1: f64 = 580.0;
const Y0: f64 = 40.0;
const Y1: f64 = 320.0;

/// One group as the plot reads it.
struct Point {
    label: String,
    m: f64,
    value: f64,
    limits: [f64; 4],
    flag: Option<String>,
    warning: Option<String>,
}

/// The funnel plot of `result`, a grouped result with a funnel as the metrics return
/// it.
///
/// # Errors
/// `invalid_document` at `/funnel` when `result` has no funnel, and at
/// `/groups/INDEX` for a group without its figures.
pub(crate) fn render(result: &Value, standalone: bool) -> Result<String, Error> {
    let Some(target) = result.get("funnel").map(|f| f.get("target").and_then(Value::as_f64)) else {
        return Err(Error::new(ErrorKind::InvalidDocument, "/funnel", "a funnel plot needs a result with a funnel"));
    };
    let groups = result.get("groups").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let (metric, value_key) = match groups.first() {
        Some(g) if g.get("mean").is_some() => ("CES mean", "mean"),
        Some(g) if g.get("satisfied").is_some() => ("CSAT", "score"),
        _ => ("NPS", "score"),
    };
    let mut points = groups.iter().enumerate().map(|(i, g)| point(i, g, value_key)).collect::<Result<Vec<_>, _>>()?;
    points.sort_by(|a, b| a.m.total_cmp(&b.m));
    let flagged = points.iter().filter(|p| p.flag.is_some()).count();
    let mut desc = format!(
        "Funnel plot of {} groups: each group's {metric} against its effective sample size, with the 95 % and \
         99.8 % limits around the target{}; {flagged} groups lie outside the 99.8 % limits.",
        points.len(),
        target.map(|t| format!(" {}", short(t))).unwrap_or_default()
    );
    for p in points.iter().filter(|p| p.flag.is_some()) {
        desc.push_str(&format!(" {}: {} ({}).", p.label, short(p.value), p.flag.as_deref().unwrap_or_default()));
    }
    let frame = Frame { kind: "funnel", width: WIDTH, height: HEIGHT, title: "Funnel plot", desc: &desc };
    let mut out = String::new();
    svg::open(&mut out, &frame, standalone);
    let Some(target) = target.filter(|_| !points.is_empty()) else {
        svg::empty_note(&mut out, &frame, "No group to draw");
        svg::close(&mut out);
        return Ok(out);
    };
    let max_m = points.iter().map(|p| p.m).fold(0.0f64, f64::max) * 1.05;
    let values = points.iter().flat_map(|p| p.limits.into_iter().chain([p.value])).chain([target]);
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)));
    let pad = ((high - low) * 0.05).max(1e-9);
    let (low, high) = (low - pad, high + pad);
    let x = |m: f64| X0 + m / max_m.max(1e-9) * (X1 - X0);
    let y = |v: f64| Y1 - (v - low) / (high - low) * (Y1 - Y0);
    axes(&mut out, low, high, max_m, &x, &y, metric);
    for (lower, upper, class) in [(2usize, 3usize, "funnel-998"), (0, 1, "funnel-95")] {
        for side in [lower, upper] {
            let pts: Vec<(f64, f64)> =
                points.iter().map(|p| (x(p.m), y(p.limits.get(side).copied().unwrap_or(target)))).collect();
            out.push_str(&format!("<polyline class=\"{class}\" points=\"{}\"/>\n", svg::points(&pts)));
        }
    }
    out.push_str(&format!(
        "<line class=\"ring-full\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\n",
        coord(X0),
        coord(X1),
        y = coord(y(target))
    ));
    svg::text(
        &mut out,
        X0 + 4.0,
        y(target) - 5.0,
        Anchor::Start,
        "muted small",
        "",
        &format!("target {}", short(target)),
    );
    for p in &points {
        let class = match (&p.flag, &p.warning) {
            (Some(_), _) => "s-red",
            (None, Some(_)) => "s-amber",
            _ => "forest-ns",
        };
        out.push_str(&format!(
            "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"4.5\"><title>{}</title></circle>\n",
            coord(x(p.m)),
            coord(y(p.value)),
            super::format::esc(&format!("{}: {} (n_eff {})", p.label, short(p.value), short(p.m)))
        ));
        if p.flag.is_some() {
            // Right of the point, or left of it when the label would leave the frame.
            let (dx, anchor) =
                if x(p.m) + 7.0 + label_width(&p.label) > WIDTH { (-7.0, Anchor::End) } else { (7.0, Anchor::Start) };
            svg::text(&mut out, x(p.m) + dx, y(p.value) + 4.0, anchor, "b small", "", &p.label);
        }
    }
    svg::text(
        &mut out,
        8.0,
        HEIGHT - 8.0,
        Anchor::Start,
        "muted small",
        "",
        "dotted: 99.8 % limits; dashed: 95 % limits; labelled: outside the 99.8 % limits",
    );
    svg::close(&mut out);
    Ok(out)
}

/// The axes: the metric on the left, the effective sample size below.
fn axes(
    out: &mut String,
    low: f64,
    high: f64,
    max_m: f64,
    x: &dyn Fn(f64) -> f64,
    y: &dyn Fn(f64) -> f64,
    metric: &str,
) {
    // Round ticks: a step of 1, 2 or 5 times a power of ten, about five of them.
    let step = nice((high - low) / 5.0);
    let mut v = (low / step).ceil() * step;
    while v <= high {
        out.push_str(&format!(
            "<line class=\"tick\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\n",
            coord(X0),
            coord(X1),
            y = coord(y(v))
        ));
        svg::text(out, X0 - 6.0, y(v) + 4.0, Anchor::End, "muted small", "", &format!("{}", v + 0.0));
        v += step;
    }
    let step = nice(max_m / 5.0);
    let mut m = 0.0;
    while m <= max_m {
        svg::text(out, x(m), Y1 + 16.0, Anchor::Middle, "muted small", "", &format!("{m}"));
        m += step;
    }
    svg::text(out, (X0 + X1) / 2.0, Y1 + 34.0, Anchor::Middle, "muted small", "", "effective sample size (n_eff)");
    svg::text(out, X0, Y0 - 14.0, Anchor::Start, "b", "", metric);
}

/// A group's point, or `invalid_document` at it when a figure is missing.
fn point(i: usize, g: &Value, value_key: &str) -> Result<Point, Error> {
    let number = |v: Option<&Value>| v.and_then(Value::as_f64);
    let f = g.get("funnel");
    let limit = |key: &str| number(f.and_then(|f| f.get(key)));
    let (Some(m), Some(value), Some(l95), Some(u95), Some(l998), Some(u998)) = (
        number(g.get("n_eff")),
        number(g.get(value_key)),
        limit("lower_95"),
        limit("upper_95"),
        limit("lower_998"),
        limit("upper_998"),
    ) else {
        let at = format!("/groups/{i}");
        return Err(Error::new(ErrorKind::InvalidDocument, at, "a group in a funnel has n_eff, its score and limits"));
    };
    let word = |key: &str| f.and_then(|f| f.get(key)).and_then(Value::as_str).map(str::to_string);
    let label = match g.get("group") {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.as_i64().map(|i| i.to_string()).unwrap_or_default(),
        None => String::new(),
    };
    Ok(Point { label, m, value, limits: [l95, u95, l998, u998], flag: word("flag"), warning: word("warning") })
}

/// About how wide a label is drawn, at 11.5 px bold (7 px a character).
fn label_width(label: &str) -> f64 {
    label.chars().count() as f64 * 7.0
}

/// A number for the plot: one decimal, or two below 10.
fn short(x: f64) -> String {
    let decimals = if x.abs() < 10.0 { 2 } else { 1 };
    let scale = 10f64.powi(decimals);
    format!("{:.*}", decimals as usize, (x * scale).round() / scale + 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_funnel_is_drawn_with_its_outliers_labelled() {
        let mut responses = vec![10; 40];
        responses.extend([0; 40]);
        responses.extend([9, 3, 10, 7, 8, 6]);
        let mut groups = vec!["top"; 40];
        groups.extend(["low"; 40]);
        groups.extend(["a", "a", "b", "b", "c", "c"]);
        let input = serde_json::json!({"responses": responses, "groups": groups, "funnel": true});
        let result = crate::call("nps", &input).unwrap_or_default();
        let svg = render(&result, true).unwrap_or_default();
        assert!(svg.starts_with("<svg") && svg.contains("Funnel plot"), "{svg}");
        assert_eq!(svg.matches("<circle").count(), 5);
        assert!(svg.contains(">top<") && svg.contains(">low<"), "outliers are labelled");
        assert_eq!(svg.matches("<polyline").count(), 4);
        let plain = crate::call("nps", &serde_json::json!({"responses": [9], "groups": ["a"]})).unwrap_or_default();
        assert_eq!(render(&plain, true).err().map(|e| e.path().to_string()), Some("/funnel".into()));
        // A flagged group at the right edge is labelled to the left of its point.
        let long = "a-branch-with-a-long-name";
        let groups: Vec<&str> = groups.iter().map(|g| if *g == "top" { long } else { g }).collect();
        let input = serde_json::json!({"responses": responses, "groups": groups, "funnel": true});
        let svg = render(&crate::call("nps", &input).unwrap_or_default(), true).unwrap_or_default();
        let label = svg.lines().find(|l| l.contains(&format!(">{long}<"))).unwrap_or_default();
        assert!(label.contains("text-anchor=\"end\""), "{label}");
        let empty = serde_json::json!({"groups": [], "funnel": {"target": null, "tau2": 0.0, "phi": null}});
        assert!(render(&empty, true).unwrap_or_default().contains("No group to draw"));
    }
}
