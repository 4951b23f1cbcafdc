//! From a document to what scoring needs (SPEC 2 and 3): every reference looked up,
//! every default applied, every rule checked, each failure at its exact path.

mod indicator;
mod settings;

// Ids are hashed once per indicator and per reference: foldhash is several times faster
// than the standard SipHash here, and its per-process random seed still spreads keys.
use std::ops::Range;

use foldhash::{HashMap, HashSet, HashSetExt};

use super::document::{HistoryPoint, Missing, Scale, Scorecard};
use super::progress::Measure;
use super::scales::{check_rating, Scales};
use crate::error::{err, pointer, Error, ErrorKind};
use crate::framework::{Element, Framework};
use crate::magnitude;
use indicator::Lookup;
pub(crate) use settings::{check_version, check_version_value};
use settings::{framework_of, perspectives_of, settings_of};

/// At most this many indicators per document (SPEC 8).
pub const MAX_INDICATORS: usize = 1_000_000;

/// The error for a document of `count` (> [`MAX_INDICATORS`]) indicators: also what a
/// front raises when it refuses such a document before converting it.
pub fn too_many_indicators(count: usize) -> Error {
    Error::new(
        ErrorKind::LimitExceeded,
        "/indicators",
        format!("a document holds at most {MAX_INDICATORS} indicators, not {count}"),
    )
}

/// At most this many history points per indicator (SPEC 8).
pub const MAX_HISTORY: usize = 100_000;
/// At most this many Unicode code points in an indicator id (SPEC 8).
pub const MAX_ID_CHARS: usize = 256;

/// A document with everything resolved, ready to roll up.
pub(crate) struct Resolved<'a> {
    pub doc: &'a Scorecard,
    pub framework: &'a Framework,
    /// Every element with its dimension's index, in framework order.
    pub elements: Vec<(usize, &'a Element)>,
    pub perspectives: Vec<PerspectiveSetting<'a>>,
    pub settings: Settings,
    pub lines: Vec<Line<'a>>,
    /// Every indicator's principle indices, one after the other (a line holds its range):
    /// one allocation for the document instead of one per indicator.
    pub principles: Vec<usize>,
}

#[derive(Clone)]
pub(crate) struct PerspectiveSetting<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub weight: f64,
}

/// The options with their defaults applied, weights laid out in framework order.
#[derive(Clone)]
pub(crate) struct Settings {
    pub missing: Missing,
    pub clamp: bool,
    pub green: f64,
    pub amber: f64,
    pub level_thresholds: [f64; 4],
    pub element_weights: Vec<f64>,
    pub dimension_weights: Vec<f64>,
    pub trend_tolerance: f64,
}

/// One indicator, resolved; its levels are borrowed from the indicator or its element.
#[derive(Clone)]
pub(crate) struct Line<'a> {
    pub perspective: usize,
    pub element: Option<usize>,
    pub levels: &'a [i64],
    /// Where its principles lie in [`Resolved::principles`].
    pub principles: Range<usize>,
    pub weight: f64,
    pub value: Option<f64>,
    /// Earlier periods, oldest first.
    pub history: &'a [HistoryPoint],
    pub measure: Measure,
    /// A rating's scale, against which its values are checked.
    rating: Option<&'a Scale>,
    pub green: f64,
    pub amber: f64,
}

/// Whether resolving checks the indicators' values and history, or leaves them for
/// each set of values a template is later scored with (SPEC 12.1).
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Values {
    Checked,
    Later,
}

/// Where an indicator sits in the document; its JSON Pointers are built only when an
/// error needs one, so that a valid document is read without building any.
#[derive(Clone, Copy)]
struct At(usize);

impl At {
    fn whole(self) -> String {
        pointer("/indicators", self.0)
    }

    fn member(self, name: &str) -> String {
        pointer(&self.whole(), name)
    }
}

pub(crate) fn resolve(doc: &Scorecard, values: Values) -> Result<Resolved<'_>, Error> {
    check_version(doc.servex)?;
    let framework = framework_of(doc)?;
    let elements: Vec<(usize, &Element)> = framework.elements().collect();
    let element_index: HashMap<&str, usize> =
        elements.iter().enumerate().map(|(i, (_, e))| (e.id.as_str(), i)).collect();
    let perspectives = perspectives_of(doc, framework)?;
    let settings = settings_of(doc, framework, &element_index)?;
    let scales = Scales::new(doc.scales.as_ref())?;
    if doc.indicators.len() > MAX_INDICATORS {
        return Err(too_many_indicators(doc.indicators.len()));
    }
    let lookup = Lookup {
        framework,
        elements: &elements,
        element_index,
        perspective_index: perspectives.iter().enumerate().map(|(i, p)| (p.id, i)).collect(),
        principle_index: framework.principles.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect(),
        scales,
        settings: &settings,
    };
    let mut seen_ids = HashSet::with_capacity(doc.indicators.len());
    let mut lines = Vec::with_capacity(doc.indicators.len());
    let mut principles = Vec::new();
    for (i, indicator) in doc.indicators.iter().enumerate() {
        let at = At(i);
        if !seen_ids.insert(indicator.id.as_str()) {
            return err(
                ErrorKind::DuplicateId,
                at.member("id"),
                format!("indicator id {:?} is used twice", indicator.id),
            );
        }
        // Weights within SPEC 8's magnitudes: `MAX_INDICATORS` of them sum far below overflow.
        let line = lookup.line(indicator, at, &mut principles)?;
        if values == Values::Checked {
            line.check_values(&indicator.id, settings.missing, at)?;
        }
        lines.push(line);
    }
    Ok(Resolved { doc, framework, elements, perspectives, settings, lines, principles })
}

impl<'a> Resolved<'a> {
    /// The same template with other values and history, in indicator order, checked
    /// as a document holding them would be (errors at `/indicators/I/...`).
    pub(crate) fn with_values<'u>(
        &self,
        values: impl IntoIterator<Item = (Option<f64>, &'u [HistoryPoint])>,
    ) -> Result<Resolved<'u>, Error>
    where
        'a: 'u,
    {
        let mut lines = Vec::with_capacity(self.lines.len());
        for (i, (line, (value, history))) in self.lines.iter().zip(values).enumerate() {
            let line = Line { value: value.map(magnitude::unsigned_zero), history, ..line.clone() };
            line.check_values(&self.doc.indicators[i].id, self.settings.missing, At(i))?;
            lines.push(line);
        }
        // Field by field: cloning the whole template would copy its lines only to drop them.
        Ok(Resolved {
            doc: self.doc,
            framework: self.framework,
            elements: self.elements.clone(),
            perspectives: self.perspectives.clone(),
            settings: self.settings.clone(),
            lines,
            principles: self.principles.clone(),
        })
    }
}

impl Line<'_> {
    /// Checks the value and history against the measure (a rating's scale, or SPEC 8's
    /// magnitudes) and the `missing` option.
    fn check_values(&self, id: &str, missing: Missing, at: At) -> Result<(), Error> {
        // Paths are built only on failure: scoring a valid document allocates none.
        let check = |v: f64, path: &dyn Fn() -> String| match self.rating {
            Some(scale) => check_rating(scale, v, path),
            None => magnitude::value(v, path),
        };
        if let Some(v) = self.value {
            check(v, &|| at.member("value"))?;
        } else if missing == Missing::Error {
            return err(ErrorKind::MissingValue, at.member("value"), format!("indicator {id:?} has no value"));
        }
        if self.history.len() > MAX_HISTORY {
            return err(
                ErrorKind::LimitExceeded,
                at.member("history"),
                format!("an indicator holds at most {MAX_HISTORY} history points, not {}", self.history.len()),
            );
        }
        for (k, point) in self.history.iter().enumerate() {
            if let Some(v) = point.value {
                check(v, &|| pointer(&pointer(&at.member("history"), k), "value"))?;
            }
        }
        Ok(())
    }
}
