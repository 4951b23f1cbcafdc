//! The rendering, checked as a reader would: the markup parses, the numbers shown are
//! the report's and the bytes never change (here); the charts' marks and geometry
//! (`charts`); missing, hostile and empty input (`sparse`).

mod charts;
mod sparse;

use roxmltree::{Document, Node};
use serde_json::json;

use super::{html, svg, Chart};
use crate::report::Report;
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
