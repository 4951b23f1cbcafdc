//! The pyramid marks the levels the report says, and the radar's points lie where
//! their scores put them.

use serde_json::json;

use super::{all_text, assert_shows, custom_document, parse, sample, scored, texts_with};
use crate::render::{html, radar, svg, Chart};
use crate::report::{Report, ReportOutcome};

fn gated_document() -> serde_json::Value {
    // Level 1 and level 3 reach their thresholds, level 2 does not.
    json!({
        "title": "Gated",
        "indicators": [
            {"id": "one", "perspective": "service", "levels": [1], "value": 10, "baseline": 0, "target": 10},
            {"id": "two", "perspective": "service", "levels": [2], "value": 2, "baseline": 0, "target": 10},
            {"id": "three", "perspective": "service", "levels": [3], "value": 9, "baseline": 0, "target": 10}
        ]
    })
}

/// The `data-mark` of each level's polygon, and which level has the focus outline.
fn pyramid_marks(report: &Report) -> (Vec<(String, String)>, Vec<String>) {
    let text = svg(report, Chart::Pyramid);
    let doc = parse(&text);
    let polygons = doc.descendants().filter(|n| n.has_tag_name("polygon"));
    let marks = polygons
        .clone()
        .filter_map(|n| Some((n.attribute("data-level")?.to_string(), n.attribute("data-mark")?.to_string())))
        .collect();
    let focus = polygons
        .filter(|n| n.attribute("data-focus") == Some("true"))
        .filter_map(|n| n.attribute("data-level").map(str::to_string))
        .collect();
    (marks, focus)
}

#[test]
fn the_pyramid_marks_the_gated_levels() {
    let (report, _) = scored(gated_document());
    assert_eq!((report.level_attained, report.focus_level), (1, Some(2)), "the core's view");
    let (marks, focus) = pyramid_marks(&report);
    let expect = |level: &str, mark: &str| (level.to_string(), mark.to_string());
    assert_eq!(
        marks,
        vec![expect("1", "attained"), expect("2", "open"), expect("3", "met-gated"), expect("4", "open")]
    );
    assert_eq!(focus, vec!["2".to_string()]);
    let doc_text = svg(&report, Chart::Pyramid);
    let doc = parse(&doc_text);
    let text = all_text(&doc);
    assert!(text.contains("not counted yet"), "level 3 is met but does not count: {text}");
    assert!(text.contains("focus next") && text.contains("attained"));
    // Both outcomes are named, from the framework's levels.
    let outcomes: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("data-outcome")).collect();
    assert_eq!(outcomes, ["satisfaction", "delight"]);
}

#[test]
fn the_pyramid_of_the_sample_highlights_attained_and_focus() {
    let (report, _) = sample();
    let (marks, focus) = pyramid_marks(&report);
    let attained = report.level_attained.to_string();
    assert!(marks.contains(&(attained, "attained".to_string())));
    assert_eq!(focus, report.focus_level.map(|l| l.to_string()).into_iter().collect::<Vec<_>>());
    // Once every level is met there is no focus outline and the top level is attained.
    let mut all_met = report.clone();
    for l in &mut all_met.levels {
        l.met = true;
    }
    all_met.level_attained = 4;
    all_met.focus_level = None;
    all_met.outcome = ReportOutcome::Delight;
    let (marks, focus) = pyramid_marks(&all_met);
    assert!(focus.is_empty());
    assert_eq!(marks.last(), Some(&("4".to_string(), "attained".to_string())));
}

#[test]
fn a_custom_framework_with_three_elements_and_one_scored_level_renders() {
    let (report, document) = scored(custom_document());
    assert_eq!(report.elements.len(), 3);
    assert_eq!(report.levels.iter().filter(|l| l.score.is_some()).count(), 1);
    let radar_text = svg(&report, Chart::Radar);
    let doc = parse(&radar_text);
    let points = doc.descendants().filter(|n| n.has_tag_name("circle") && n.attribute("data-score").is_some());
    assert_eq!(points.count(), 2, "a point per scored element, none for the missing one");
    assert!(!radar_text.contains("<polygon class=\"area\""), "no closed area through a missing element");
    assert_eq!(radar_text.matches("<polyline class=\"line\"").count(), 1, "only a and b are joined");
    for e in &report.elements {
        assert_shows(texts_with(&doc, "data-id", &e.id)[0], e.score);
    }
    let pyramid_text = svg(&report, Chart::Pyramid);
    let doc = parse(&pyramid_text);
    for l in &report.levels {
        assert_shows(texts_with(&doc, "data-level", &l.level.to_string())[0], l.score);
    }
    let bars_text = svg(&report, Chart::Perspectives);
    let doc = parse(&bars_text);
    assert_eq!(texts_with(&doc, "data-id", "empty"), ["no data"]);
    parse(&html(&report, Some(&document)));
}

#[test]
fn radar_points_lie_at_score_times_radius() {
    for (report, _) in [sample(), scored(custom_document())] {
        let text = svg(&report, Chart::Radar);
        let doc = parse(&text);
        let n = report.elements.len();
        let mut seen = 0;
        for (i, e) in report.elements.iter().enumerate() {
            let Some(point) =
                doc.descendants().find(|p| p.has_tag_name("circle") && p.attribute("data-id") == Some(&*e.id))
            else {
                assert!(e.score.is_none(), "{} has a score but no point", e.id);
                continue;
            };
            seen += 1;
            let s = e.score.expect("a point has a score");
            let cx: f64 = point.attribute("cx").and_then(|v| v.parse().ok()).expect("cx");
            let cy: f64 = point.attribute("cy").and_then(|v| v.parse().ok()).expect("cy");
            let r = ((cx - radar::CX).powi(2) + (cy - radar::CY).powi(2)).sqrt();
            assert!((r - s * radar::R).abs() < 0.01, "{}: radius {r}, expected {}", e.id, s * radar::R);
            // Spoke i of n, clockwise from the top.
            if s > 0.0 {
                let angle = (cy - radar::CY).atan2(cx - radar::CX);
                let expected = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64;
                let diff = (angle - expected).rem_euclid(std::f64::consts::TAU);
                assert!(!(1e-3..=std::f64::consts::TAU - 1e-3).contains(&diff), "{} on its spoke", e.id);
            }
        }
        assert_eq!(seen, report.elements.iter().filter(|e| e.score.is_some()).count());
        // The rings: 100 % at R and the focus level's threshold.
        assert!(text.contains(&format!(
            "class=\"ring-full\" cx=\"{}\" cy=\"{}\" r=\"{}\"",
            radar::CX,
            radar::CY,
            radar::R
        )));
        assert!(text.contains(&format!(
            "class=\"ring-level\" cx=\"{}\" cy=\"{}\" r=\"{}\"",
            radar::CX,
            radar::CY,
            0.75 * radar::R
        )));
    }
}
