//! Scoring one balanced scorecard (SPEC 2 to 5): the document, its checks, and the
//! rollups that make the report.

mod build;
mod document;
mod progress;
mod resolve;
mod rollup;
mod scales;
mod template;
#[cfg(test)]
mod tests;

pub use document::{
    Bound, FrameworkChoice, HistoryPoint, Indicator, Missing, Options, PerspectiveWeight, Scale, Scorecard, Thresholds,
};
pub(crate) use resolve::check_version_value;
pub use resolve::{too_many_indicators, MAX_HISTORY, MAX_ID_CHARS, MAX_INDICATORS};
pub use scales::builtin_scale;
pub(crate) use template::Template;

use crate::error::{Error, ErrorKind};
use crate::report::Report;

/// Scores a scorecard: every indicator, the five views, the pyramid, gaps and priorities.
///
/// The report borrows its text from the document (and from the framework, which the
/// document holds or names), so it lives no longer than the document.
pub fn score(scorecard: &Scorecard) -> Result<Report<'_>, Error> {
    let resolved = resolve::resolve(scorecard, resolve::Values::Checked)?;
    rollup::report(&resolved)
}

impl Scorecard {
    /// Reads a document from a JSON value, checking the version and the indicator limit
    /// before anything else is built.
    pub fn from_json(value: &serde_json::Value) -> Result<Scorecard, Error> {
        crate::json::check_depth(value)?;
        let Some(object) = value.as_object() else {
            return Err(Error::new(ErrorKind::InvalidDocument, "", "a scorecard document is a JSON object"));
        };
        if let Some(version) = object.get("servex") {
            resolve::check_version_value(version)?;
        }
        if object.contains_key("score") && object.contains_key("level_attained") {
            let message = "this is a report (what scoring returns), not a scorecard document; the sample \
                           document (`servex demo --document`, Python's `servex.sample()`) is one to start from";
            return Err(Error::new(ErrorKind::InvalidDocument, "/score", message));
        }
        if let Some(indicators) = object.get("indicators").and_then(|v| v.as_array()) {
            if indicators.len() > MAX_INDICATORS {
                return Err(too_many_indicators(indicators.len()));
            }
        }
        crate::json::from_value(value)
    }

    /// Reads a document from JSON text. A valid document is read straight into the
    /// typed form (no intermediate JSON tree, about twice as fast); any fault sends the
    /// text down the path of [`Scorecard::from_json`], which names it precisely.
    pub fn from_json_str(text: &str) -> Result<Scorecard, Error> {
        // serde_json's own recursion limit keeps this parse safe; the document's fixed
        // shape is far shallower than `json::MAX_DEPTH`, so only `meta` can pass it.
        if let Ok(card) = serde_json::from_str::<Scorecard>(text) {
            let meta_within_limit = card.indicators.iter().all(|ind| match &ind.meta {
                // The document is depth 1, `indicators` 2, an indicator 3, its `meta` 4.
                Some(meta) => crate::json::check_depth_at(meta, 4).is_ok(),
                None => true,
            });
            if meta_within_limit
                && resolve::check_version(card.servex).is_ok()
                && card.indicators.len() <= MAX_INDICATORS
            {
                return Ok(card);
            }
        }
        Scorecard::from_json(&crate::json::parse(text)?)
    }

    /// The document as JSON, with exactly the fields that were written.
    pub fn to_json(&self) -> serde_json::Value {
        // A document's fields are all plain data; serialising them cannot fail.
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}
