//! The rendering, checked as a reader would: the markup parses, the numbers shown are
//! the report's, the pyramid marks the right levels, missing stays missing, text stays
//! text, the bytes never change, and the radar's geometry is true.

use roxmltree::{Document, Node};
use serde_json::json;

use super::{html, radar, svg, Chart};
use crate::report::{Report, ReportOutcome, Status};
use crate::sample::sample_scorecard;
use crate::scorecard::Scorecard;

fn scored(document: serde_json::Value) -> (Report<'static>, Scorecard) {
    let scorecard = Scorecard::from_json(&document).expect("a valid document");
    let report = crate::score(&scorecard).expect("it scores").into_owned();
    (report, scorecard)
}

fn sample() -> (Report<'static>, Scorecard) {
    let scorecard = sample_scorecard();
    (crate::score(&scorecard).expect("the sample scores").into_owned(), scorecard)
}

fn parse(text: &str) -> Document<'_> {
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    Document::parse_with_options(text, options).unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{text}"))
}

/// Every `<text>` whose attribute `name` is `value`, as its text.
fn texts_with<'a>(doc: &'a Document, name: &str, value: &str) -> Vec<&'a str> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute(name) == Some(value))
        .map(|n| n.text().unwrap_or_default())
        .collect()
}

/// "71.7%" back to 0.717.
fn fraction(label: &str) -> f64 {
    let number = label.strip_suffix('%').unwrap_or_else(|| panic!("{label:?} is not a percentage"));
    number.parse::<f64>().expect("a number") / 100.0
}

fn assert_shows(label: &str, score: Option<f64>) {
    match score {
        Some(s) => assert!((fraction(label) - s).abs() <= 0.0005 + 1e-12, "{label} shown for {s}"),
        None => assert_eq!(label, "no data", "a missing score is not drawn as a number"),
    }
}

fn all_text(doc: &Document) -> String {
    doc.descendants().filter(Node::is_text).filter_map(|n| n.text()).collect::<Vec<_>>().join(" ")
}

#[test]
fn charts_and_page_of_the_sample_are_well_formed_xml() {
    let (report, document) = sample();
    for chart in Chart::ALL {
        let text = svg(&report, chart);
        let doc = parse(&text);
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
        assert_eq!(root.attribute("role"), Some("img"));
        let title = root.children().find(|n| n.has_tag_name("title")).expect("a <title>");
        assert!(!title.text().unwrap_or_default().is_empty());
        let desc = root.children().find(|n| n.has_tag_name("desc")).expect("a <desc>");
        assert!(desc.text().unwrap_or_default().len() > 40, "the description says what the chart shows");
        assert!(text.contains("<style>") && text.contains("prefers-color-scheme:dark"), "standalone and themed");
    }
    let page = html(&report, Some(&document));
    let doc = parse(&page);
    assert_eq!(doc.root_element().tag_name().name(), "html");
    let svgs = doc.descendants().filter(|n| n.has_tag_name("svg")).count();
    assert!(svgs >= 3, "the three charts and the sparklines are inline");
    // Self-contained: nothing is fetched from anywhere.
    for needle in ["http://", "https://", "src=", "<link", "<script", "@import", "url("] {
        let outside = page.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", "");
        assert!(!outside.contains(needle), "the page refers outside itself: {needle}");
    }
    // The chart style sheet is written once, in the head.
    assert_eq!(page.matches("<style>").count(), 1);
}

#[test]
fn the_numbers_shown_are_the_reports() {
    let (report, document) = sample();
    let radar = svg(&report, Chart::Radar);
    let doc = parse(&radar);
    for e in &report.elements {
        let labels = texts_with(&doc, "data-id", &e.id);
        assert_eq!(labels.len(), 1, "one score label for {}", e.id);
        assert_shows(labels[0], e.score);
    }
    let pyramid = svg(&report, Chart::Pyramid);
    let doc = parse(&pyramid);
    for l in &report.levels {
        let labels = texts_with(&doc, "data-level", &l.level.to_string());
        assert_eq!(labels.len(), 1);
        assert_shows(labels[0], l.score);
    }
    let bars = svg(&report, Chart::Perspectives);
    let doc = parse(&bars);
    for p in &report.perspectives {
        let labels = texts_with(&doc, "data-id", &p.id);
        assert_eq!(labels.len(), 1);
        assert_shows(labels[0], p.score);
        let bar = doc.descendants().find(|n| n.has_tag_name("rect") && n.attribute("data-id") == Some(&p.id));
        let drawn: f64 = bar.and_then(|b| b.attribute("data-score")).expect("a bar").parse().expect("a number");
        assert_eq!(Some(drawn), p.score, "the bar carries the exact score");
    }
    let overall = doc.descendants().find(|n| n.has_tag_name("text") && n.attribute("data-overall") == Some("true"));
    assert_shows(overall.and_then(|n| n.text()).expect("the overall score"), report.score);

    // The page's headline is the report's.
    let page = html(&report, Some(&document));
    let doc = parse(&page);
    let values: Vec<&str> =
        doc.descendants().filter(|n| n.attribute("class") == Some("value")).filter_map(|n| n.text()).collect();
    assert_shows(values[0], report.score);
    assert_shows(values[1], report.model_score);
    assert_shows(values[2], report.coverage);
    let text = all_text(&doc);
    for g in report.gaps.iter().take(super::tables::TOP) {
        assert!(text.contains(&format!("+{:.2} pts", 100.0 * g.impact)), "gap {} shown", g.element);
    }
    for i in &report.indicators {
        assert!(text.contains(i.title.as_deref().unwrap_or(&i.id)), "indicator {} listed", i.id);
        if let Some(evidence) = &i.evidence {
            assert!(text.contains(&**evidence), "evidence of {} shown", i.id);
        }
        if let Some(unit) = &i.unit {
            assert!(text.contains(&**unit), "unit of {} shown", i.id);
        }
    }
}

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

fn custom_document() -> serde_json::Value {
    json!({
        "title": "Three elements",
        "framework": {
            "id": "mini:1",
            "dimensions": [
                {"id": "d", "title": "Only dimension", "perspective": "ops", "elements": [
                    {"id": "a", "title": "Alpha", "levels": [1]},
                    {"id": "b", "title": "Beta", "levels": [1]},
                    {"id": "c", "title": "Gamma", "levels": [1]}
                ]}
            ],
            "levels": [
                {"level": 1, "id": "l1", "outcome": "satisfaction"},
                {"level": 2, "id": "l2", "outcome": "satisfaction"},
                {"level": 3, "id": "l3", "outcome": "delight"},
                {"level": 4, "id": "l4", "outcome": "delight"}
            ],
            "perspectives": [{"id": "ops", "title": "Operations"}, {"id": "empty", "title": "Nothing here"}]
        },
        "indicators": [
            {"id": "x", "element": "a", "value": 8, "baseline": 0, "target": 10},
            {"id": "y", "element": "b", "value": 3, "baseline": 0, "target": 10},
            {"id": "z", "element": "c", "value": null, "baseline": 0, "target": 10}
        ]
    })
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
fn missing_scores_read_as_missing_never_as_zero() {
    let (report, document) = scored(custom_document());
    let page = html(&report, Some(&document));
    let doc = parse(&page);
    // The indicator without a value: a dash for value and progress, "no data" status.
    let row = doc
        .descendants()
        .filter(|n| n.has_tag_name("tr"))
        .find(|tr| tr.descendants().any(|n| n.text() == Some("z")))
        .expect("the row of z");
    let cells: Vec<String> = row
        .children()
        .filter(|n| n.has_tag_name("td"))
        .map(|td| td.descendants().filter(Node::is_text).filter_map(|n| n.text()).collect::<String>())
        .collect();
    assert_eq!(cells[2], "\u{2013}", "value (z has no unit)");
    assert_eq!(cells[3], "\u{2013}", "progress");
    assert_eq!(cells[4], "no data", "status");
    assert!(!cells.iter().any(|c| c.contains("0.0%")));
    // The element with no value is "no data" on the radar, not 0.0%.
    let radar_text = svg(&report, Chart::Radar);
    let radar = parse(&radar_text);
    assert_eq!(texts_with(&radar, "data-id", "c"), ["no data"]);
    assert!(!radar_text.contains(">0.0%<"));
}

#[test]
fn user_text_stays_text() {
    let title = "<script>alert('x')</script> & \"friends\"";
    let (report, document) = scored(json!({
        "title": title,
        "indicators": [{"id": "a&b<c>", "title": title, "perspective": "service", "value": 1, "baseline": 0,
                        "target": 2, "unit": "<b>u</b>", "evidence": "R&D <i>notes</i>",
                        "history": [{"period": "<p>", "value": 0}]}]
    }));
    let page = html(&report, Some(&document));
    assert!(!page.contains("<script"), "no element from user text");
    assert!(!page.contains("<b>u") && !page.contains("<i>notes"));
    let doc = parse(&page);
    assert!(!doc.descendants().any(|n| n.has_tag_name("script") || n.has_tag_name("b") || n.has_tag_name("i")));
    let text = all_text(&doc);
    for shown in [title, "a&b<c>", "<b>u</b>", "R&D <i>notes</i>"] {
        assert!(text.contains(shown), "{shown:?} is shown as written");
    }
    let h1 = doc.descendants().find(|n| n.has_tag_name("h1")).and_then(|n| n.text());
    assert_eq!(h1, Some(title));
    for chart in Chart::ALL {
        parse(&svg(&report, chart));
    }
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let (report, document) = sample();
    assert_eq!(html(&report, Some(&document)), html(&report, Some(&document)));
    let again = crate::score(&document).expect("scores");
    assert_eq!(html(&again, Some(&document)), html(&report, Some(&document)));
    for chart in Chart::ALL {
        assert_eq!(svg(&report, chart), svg(&again, chart));
    }
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

fn empty_report() -> Report<'static> {
    Report {
        servex: 1,
        framework: "nothing".into(),
        title: None,
        score: None,
        model_score: None,
        status: Status::Missing,
        coverage: None,
        level_attained: 0,
        outcome: ReportOutcome::BelowSatisfaction,
        focus_level: Some(1),
        perspectives: vec![],
        dimensions: vec![],
        elements: vec![],
        levels: vec![],
        principles: vec![],
        indicators: vec![],
        gaps: vec![],
        priorities: vec![],
    }
}

#[test]
fn empty_and_null_heavy_reports_render_without_panicking() {
    let empty = empty_report();
    for chart in Chart::ALL {
        let text = svg(&empty, chart);
        assert!(all_text(&parse(&text)).contains("No "), "{chart}: says there is nothing to draw");
    }
    let page = html(&empty, None);
    let doc = parse(&page);
    assert!(all_text(&doc).contains("Untitled scorecard"));

    // Every number missing (or not finite), ids odd, one or two elements.
    let (mut report, document) = scored(custom_document());
    report.score = None;
    report.model_score = Some(f64::NAN);
    report.coverage = Some(f64::INFINITY);
    for e in &mut report.elements {
        e.score = None;
    }
    for l in &mut report.levels {
        l.score = None;
        l.threshold = f64::NAN;
    }
    for size in [0, 1, 2, 3] {
        let mut r = report.clone();
        r.elements.truncate(size);
        r.levels.truncate(size);
        for chart in Chart::ALL {
            let text = svg(&r, chart);
            parse(&text);
            assert!(!text.contains("NaN") && !text.contains("inf"), "{chart} with {size}: {text}");
        }
        let page = html(&r, Some(&document));
        parse(&page);
        assert!(!page.contains("NaN"));
    }
}

#[test]
fn sparklines_need_the_document_and_a_history() {
    let (report, document) = sample();
    let with = html(&report, Some(&document));
    let without = html(&report, None);
    let expected = document
        .indicators
        .iter()
        .filter(|i| {
            let history = i.history.as_deref().unwrap_or_default();
            history.iter().filter(|h| h.value.is_some()).count() + usize::from(i.value.is_some()) >= 2
        })
        .count();
    assert!(expected >= 5, "the sample has histories");
    assert_eq!(with.matches("class=\"sx sx-spark\"").count(), expected);
    assert_eq!(without.matches("class=\"sx sx-spark\"").count(), 0);
    // The trend is still given in words without the document.
    assert!(without.contains("improving") && without.contains("declining"));
    parse(&without);
}

#[test]
fn chart_names_read_both_ways() {
    for chart in Chart::ALL {
        assert_eq!(chart.as_str().parse::<Chart>(), Ok(chart));
        assert_eq!(chart.to_string(), chart.as_str());
    }
    let error = "bars".parse::<Chart>().expect_err("not a chart");
    assert_eq!(error.kind(), crate::ErrorKind::InvalidDocument);
    assert_eq!(error.path(), "/chart");
    assert!(error.message().contains("radar"));
}

#[test]
fn the_json_boundary_renders_the_same_bytes_as_the_typed_api() {
    let card = crate::sample::sample_scorecard();
    let report = crate::score(&card).unwrap();
    let (report_json, card_json) = (serde_json::to_value(&report).unwrap(), card.to_json());
    assert_eq!(super::from_json(&report_json, Some(&card_json), None).unwrap(), super::html(&report, Some(&card)));
    assert_eq!(super::from_json(&report_json, None, None).unwrap(), super::html(&report, None));
    for chart in super::Chart::ALL {
        assert_eq!(super::from_json(&report_json, None, Some(chart.as_str())).unwrap(), super::svg(&report, chart));
    }
    let e = super::from_json(&serde_json::json!({"score": "high"}), None, None).unwrap_err();
    assert_eq!((e.kind(), e.path()), (crate::ErrorKind::InvalidDocument, "/report/score"));
    let e = super::from_json(&report_json, None, Some("pie")).unwrap_err();
    assert_eq!(e.path(), "/chart");
    let e = super::from_json(&report_json, Some(&serde_json::json!({"indicators": 3})), None).unwrap_err();
    assert_eq!(e.path(), "/document/indicators");
}
