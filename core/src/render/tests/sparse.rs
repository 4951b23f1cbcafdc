//! Missing stays missing, user text stays text, and empty or null-heavy reports draw
//! without a panic or a `NaN`.

use roxmltree::Node;
use serde_json::json;

use super::{all_text, custom_document, parse, sample, scored, texts_with};
use crate::render::{html, svg, Chart};
use crate::report::{Report, ReportOutcome, Status};

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
    // A row finds its indicator by id, wherever the document lists it.
    let mut reordered = document.clone();
    reordered.indicators.reverse();
    assert_eq!(html(&report, Some(&reordered)), with);
    // The trend is still given in words without the document.
    assert!(without.contains("improving") && without.contains("declining"));
    parse(&without);
}
