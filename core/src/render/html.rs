//! The self-contained HTML report: one page, inline CSS and SVG, no scripts, fonts or
//! images from anywhere, so it opens offline and prints. Written as XHTML-compatible
//! HTML5 (every element closed, only XML's own entities) so that it parses as XML too.

use super::format::{esc, finite, name, pct, word};
use super::svg::CHART_CSS;
use super::{draw, style::PAGE_CSS, tables, Chart};
use crate::report::{Report, ReportOutcome};
use crate::scorecard::Scorecard;

/// Writes one view's table.
type WriteTable = fn(&mut String, &Report);

/// The whole page.
pub(crate) fn page(report: &Report, document: Option<&Scorecard>) -> String {
    let title = report.title.as_deref().filter(|t| !t.trim().is_empty()).unwrap_or("Untitled scorecard");
    let mut out = open(title, &lede(report));
    headline(&mut out, report);

    section(&mut out, "charts", "At a glance", None);
    out.push_str("<div class=\"charts\">\n");
    for chart in Chart::ALL {
        let (caption, note) = match chart {
            Chart::Radar => ("Elements", "Score of each element; dashed ring: the focus level\u{2019}s threshold"),
            Chart::Pyramid => ("Service excellence pyramid", "Level attained outlined, focus level dashed"),
            Chart::Perspectives => ("Perspectives", "Balanced scorecard, coloured by status"),
        };
        out.push_str(&format!(
            "<figure class=\"card\">\n<figcaption>{}<span>{}</span></figcaption>\n",
            esc(caption),
            esc(note)
        ));
        out.push_str(&draw(report, chart, false));
        out.push_str("</figure>\n");
    }
    out.push_str("</div>\n");

    section(
        &mut out,
        "first",
        "What to work on first",
        Some(
            "Impact: how many points the score would rise if the indicator reached its target, or the model \
             score if the element reached 100%.",
        ),
    );
    out.push_str("<div class=\"grid2\">\n<div class=\"card\">\n");
    tables::priorities(&mut out, report);
    out.push_str("</div>\n<div class=\"card\">\n");
    tables::gaps(&mut out, report);
    out.push_str("</div>\n</div>\n");

    section(&mut out, "views", "The scorecard, five ways", None);
    let views: [(&str, WriteTable); 5] = [
        ("Perspectives", tables::perspectives),
        ("Pyramid levels", tables::levels_table),
        ("Dimensions", tables::dimensions),
        ("Elements", tables::elements),
        ("Principles", tables::principles),
    ];
    for (heading, write) in views {
        out.push_str(&format!("<div class=\"card view\">\n<h3>{}</h3>\n", esc(heading)));
        write(&mut out, report);
        out.push_str("</div>\n");
    }

    section(
        &mut out,
        "indicators",
        "Indicators",
        Some("Every indicator in document order, with its evidence, its value in its own unit and its trend."),
    );
    out.push_str("<div class=\"card\">\n");
    tables::indicators(&mut out, report, document);
    out.push_str("</div>\n");

    out.push_str(&format!(
        "<footer>Made with servex {} from the framework {}. Scores, progress and coverage are shown as \
         percentages; \u{2013} and \u{201c}no data\u{201d} mark values that are missing (never counted as 0). \
         Impacts are percentage points.</footer>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&report.framework)
    ));
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// A page up to the end of its header: the head with the style sheets, then the title
/// and the lede (both escaped here). The report of one scorecard and that of many
/// units open alike.
pub(crate) fn open(title: &str, lede: &str) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n");
    out.push_str("<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    out.push_str("<meta name=\"generator\" content=\"servex\"/>\n");
    out.push_str(&format!("<title>{} \u{2013} service excellence report</title>\n", esc(title)));
    out.push_str("<style>\n");
    out.push_str(PAGE_CSS);
    out.push_str(CHART_CSS);
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
    out.push_str("<header>\n<p class=\"eyebrow\">Service excellence report</p>\n");
    out.push_str(&format!("<h1>{}</h1>\n", esc(title)));
    out.push_str(&format!("<p class=\"lede\">{}</p>\n</header>\n", esc(lede)));
    out
}

fn section(out: &mut String, id: &str, heading: &str, intro: Option<&str>) {
    out.push_str(&format!("<h2 id=\"{id}\">{}</h2>\n", esc(heading)));
    if let Some(text) = intro {
        out.push_str(&format!("<p class=\"intro\">{}</p>\n", esc(text)));
    }
}

/// "Scored on iso23592:2021 · 24 indicators, 1 without a value".
fn lede(report: &Report) -> String {
    let n = report.indicators.len();
    let missing = report.indicators.iter().filter(|i| finite(i.value).is_none()).count();
    let mut text = format!("Scored on {} \u{b7} {n} indicator{}", report.framework, if n == 1 { "" } else { "s" });
    if missing > 0 {
        text.push_str(&format!(", {missing} without a value"));
    }
    text
}

/// The headline card: score, model score, coverage, pyramid, focus.
fn headline(out: &mut String, report: &Report) {
    out.push_str("<section class=\"card headline\" aria-label=\"Headline scores\">\n");
    kpi(
        out,
        "main",
        "Score",
        &esc(&pct(finite(report.score))),
        &format!(
            "{} <span class=\"nowrap\">over {} perspectives</span>",
            tables::pill(report.status),
            report.perspectives.len()
        ),
    );
    kpi(out, "", "Model score", &esc(&pct(finite(report.model_score))), "ISO 23592 dimensions, weighted");
    kpi(out, "", "Coverage", &esc(&pct(finite(report.coverage))), "indicator weight with a value");
    let levels = report.levels.len();
    let attained = match report.level_attained {
        0 => "none".to_string(),
        l => format!("{l}<small> of {levels}</small>"),
    };
    let outcome_class = match report.outcome {
        ReportOutcome::Delight => "delight",
        ReportOutcome::Satisfaction => "satisfaction",
        ReportOutcome::BelowSatisfaction => "below_satisfaction",
    };
    kpi(
        out,
        "",
        "Level attained",
        &attained,
        &format!("<span class=\"pill {outcome_class}\">{}</span>", esc(&word(&report.outcome))),
    );
    let (focus, note) = match report.focus_level {
        Some(level) => {
            let row = report.levels.iter().find(|l| l.level == level);
            let title = row.map(|l| esc(name(l.title.as_deref(), &l.id))).unwrap_or_default();
            let needs = row
                .map(|l| format!(": {} of {} needed", pct(finite(l.score)), pct(finite(Some(l.threshold)))))
                .unwrap_or_default();
            (format!("Level {level}"), format!("{title}{}", esc(&needs)))
        }
        None => ("\u{2013}".to_string(), "every level is met".to_string()),
    };
    kpi(out, "", "Focus next", &focus, &note);
    out.push_str("</section>\n");
}

/// One headline figure; `value` and `note` are HTML, already escaped.
fn kpi(out: &mut String, class: &str, label: &str, value: &str, note: &str) {
    let class = if class.is_empty() { "kpi".to_string() } else { format!("kpi {class}") };
    out.push_str(&format!(
        "<div class=\"{class}\"><div class=\"label\">{}</div><div class=\"value\">{value}</div>\
         <div class=\"note\">{note}</div></div>\n",
        esc(label)
    ));
}
