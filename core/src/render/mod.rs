//! Charts and the HTML report of a [`Report`]: pure functions from a report to text,
//! with no I/O, so that every front (command line, Python, JavaScript) shows the same
//! bytes for the same report.
//!
//! Two calls make the whole public surface:
//! - [`svg()`] draws one chart ([`Chart::Radar`], [`Chart::Pyramid`],
//!   [`Chart::Perspectives`]) as a standalone SVG document;
//! - [`html()`] writes a self-contained page (inline CSS and SVG, no external assets)
//!   with the headline, the charts, every view as a table, gaps, priorities and the
//!   indicators.
//!
//! The charts are accessible (`<title>`, `<desc>`, text labels beside every colour),
//! readable on light and dark backgrounds, and draw any framework: any number of
//! elements, any number of levels, and a missing score as "no data", never as zero.

mod bars;
mod forest;
mod format;
mod funnel;
mod html;
mod pyramid;
mod radar;
mod sparkline;
mod style;
mod svg;
mod tables;
mod units;
mod units_page;

#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};
use crate::report::Report;
use crate::scorecard::Scorecard;

/// One of the charts [`svg()`] draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Chart {
    /// The nine (or however many) element scores on a radar, with the 100 % ring and
    /// the ring of the score the focus level needs.
    Radar,
    /// The service excellence pyramid: each level's score, met or not, the attained
    /// level and the focus level.
    Pyramid,
    /// The balanced-scorecard perspectives as bars in status colours, with coverage.
    Perspectives,
}

impl Chart {
    /// Every chart, in the order the HTML report shows them.
    pub const ALL: [Chart; 3] = [Chart::Radar, Chart::Pyramid, Chart::Perspectives];

    /// The chart's name: `radar`, `pyramid` or `perspectives`.
    pub fn as_str(self) -> &'static str {
        match self {
            Chart::Radar => "radar",
            Chart::Pyramid => "pyramid",
            Chart::Perspectives => "perspectives",
        }
    }
}

impl fmt::Display for Chart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Chart {
    type Err = Error;

    /// Reads a chart name; an unknown word is `invalid_document` at `/chart`, as an
    /// unknown option word is everywhere else (SPEC 8).
    fn from_str(name: &str) -> Result<Chart, Error> {
        Chart::ALL.into_iter().find(|c| c.as_str() == name).ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidDocument,
                "/chart",
                format!("unknown chart {name:?}: expected one of radar, pyramid, perspectives"),
            )
        })
    }
}

/// One chart of `report` as a standalone SVG document (UTF-8 text, with its own style
/// sheet, light or dark after the viewer's preference).
pub fn svg(report: &Report, chart: Chart) -> String {
    draw(report, chart, true)
}

/// The report as one self-contained HTML page (XHTML-compatible, so it also parses as
/// XML): title, headline scores, the three charts, every view as a table, gaps,
/// priorities, and the indicators with their evidence and units.
///
/// The report holds every score but not the document's history values, so the trend
/// sparklines need the document: pass the scorecard that was scored to draw them, or
/// `None` to show each trend in words only. The document is optional (rather than a
/// second required argument) because a front often keeps only the report, e.g. one
/// read back from JSON; indicators are matched by id and anything that does not
/// match is simply drawn without a sparkline.
pub fn html(report: &Report, document: Option<&Scorecard>) -> String {
    html::page(report, document)
}

/// The forest plot of a grouped NPS, CSAT or CES result compared between groups (SPEC
/// 11), as a standalone SVG document: `result` as the metric returns it.
///
/// ```
/// let input = serde_json::json!({"responses": [9, 3, 10, 7], "groups": ["a", "b", "a", "b"], "compare": "first"});
/// let result = servex::call("nps", &input).unwrap();
/// assert!(servex::render::comparison(&result).unwrap().contains("Differences between groups"));
/// ```
///
/// # Errors
/// `invalid_document` at `/groups` when `result` is no grouped result, and at a
/// malformed comparison.
pub fn comparison(result: &serde_json::Value) -> Result<String, Error> {
    forest::render(result, true)
}

/// The funnel plot of a grouped NPS, CSAT or CES result called with `funnel` (SPEC
/// 12.2), as a standalone SVG document.
///
/// # Errors
/// `invalid_document` at `/funnel` when `result` has no funnel, and at a group
/// without its figures.
pub fn funnel(result: &serde_json::Value) -> Result<String, Error> {
    funnel::render(result, true)
}

/// The units overview of a `score_units` result (SPEC 12.1), as a standalone SVG
/// document: a histogram of the units' scores under a box plot of their quartiles, the
/// best and worst units named, and the number of units at each pyramid level.
///
/// # Errors
/// `invalid_document` at `/units` or `/summary` when `result` is no units result.
pub fn units(result: &serde_json::Value) -> Result<String, Error> {
    units::render(result, true)
}

/// The HTML report of a `score_units` result: the units overview, the units by rank
/// (the best and last 50 of a list longer than 200) and each indicator's statuses
/// across the units, as one self-contained page.
///
/// # Errors
/// As [`units()`].
pub fn units_html(result: &serde_json::Value) -> Result<String, Error> {
    units_page::page(result)
}

/// A chart as SVG, standalone or for a page that carries the style sheet once.
fn draw(report: &Report, chart: Chart, standalone: bool) -> String {
    match chart {
        Chart::Radar => radar::render(report, standalone),
        Chart::Pyramid => pyramid::render(report, standalone),
        Chart::Perspectives => bars::render(report, standalone),
    }
}

/// The renderers behind a JSON boundary, for fronts that hold the report as data (the
/// Python and JavaScript packages): `report` as `call("score")` returns it, `document`
/// the scorecard it came from (for the sparklines; optional), and `chart` one of the
/// [`Chart`] names for an SVG, or `None` for the HTML page. Errors point into
/// `/report`, `/document` or at `/chart`.
pub fn from_json(
    report: &serde_json::Value,
    document: Option<&serde_json::Value>,
    chart: Option<&str>,
) -> Result<String, Error> {
    let report: Report = crate::json::from_value(report).map_err(|e| e.under("/report"))?;
    match chart {
        Some(name) => Ok(svg(&report, name.parse()?)),
        None => {
            let document = document.map(Scorecard::from_json).transpose().map_err(|e| e.under("/document"))?;
            Ok(html(&report, document.as_ref()))
        }
    }
}
