//! A scorecard resolved once and scored with many sets of values (SPEC 12.1): the
//! framework, perspectives, scales and indicator definitions are looked up and checked
//! once for a whole chain of units, not once per unit.

use super::document::{HistoryPoint, Scorecard};
use super::resolve::{resolve, Resolved, Values};
use super::rollup;
use crate::error::Error;
use crate::report::Report;

/// A document resolved without its values, ready to score each unit's.
pub(crate) struct Template<'a>(Resolved<'a>);

impl<'a> Template<'a> {
    /// Resolves `doc`, leaving its indicators' values and history unchecked (a template
    /// holds none, and `missing: "error"` applies to the units).
    pub(crate) fn new(doc: &'a Scorecard) -> Result<Template<'a>, Error> {
        resolve(doc, Values::Later).map(Template)
    }

    /// The id of the framework the template scores against.
    pub(crate) fn framework_id(&self) -> &'a str {
        &self.0.framework.id
    }

    /// Scores the template with these values and history, one per indicator in
    /// document order: the report `score` gives for the document holding them, errors
    /// at that document's paths.
    pub(crate) fn score<'u>(
        &self,
        values: impl IntoIterator<Item = (Option<f64>, &'u [HistoryPoint])>,
    ) -> Result<Report<'u>, Error>
    where
        'a: 'u,
    {
        rollup::report(&self.0.with_values(values)?)
    }
}
