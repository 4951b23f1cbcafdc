//! From a document to what scoring needs (SPEC 2 and 3): every reference looked up,
//! every default applied, every rule checked, each failure at its exact path.

// Ids are hashed once per indicator and per reference: foldhash is several times faster
// than the standard SipHash here, and its per-process random seed still spreads keys.
use std::ops::Range;

use foldhash::{HashMap, HashSet, HashSetExt};

use super::document::{
    Bound, FrameworkChoice, HistoryPoint, Indicator, Missing, Options, Scale, Scorecard, Thresholds,
};
use super::progress::Measure;
use super::scales::{check_rating, Scales};
use crate::error::{err, pointer, Error, ErrorKind};
use crate::framework::{self, Element, Framework};
use crate::magnitude;

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
        // Weights within SPEC 8's magnitudes: a million of them sum far below overflow.
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

/// The format version as JSON gives it (SPEC 8): a number with no fractional part is
/// an integer however large, and only 1 is read; null is absent.
pub(crate) fn check_version_value(version: &serde_json::Value) -> Result<(), Error> {
    if version.is_null() {
        return Ok(());
    }
    match (version.as_i64(), version.as_f64().filter(|x| x.fract() == 0.0)) {
        (Some(v), _) => check_version(Some(v)),
        (None, Some(1.0)) => Ok(()),
        (None, Some(x)) => {
            err(ErrorKind::UnsupportedVersion, "/servex", format!("this servex reads format version 1, not {x}"))
        }
        (None, None) => err(ErrorKind::InvalidDocument, "/servex", "the format version is an integer"),
    }
}

pub(crate) fn check_version(version: Option<i64>) -> Result<(), Error> {
    match version {
        Some(v) if v != 1 => {
            err(ErrorKind::UnsupportedVersion, "/servex", format!("this servex reads format version 1, not {v}"))
        }
        _ => Ok(()),
    }
}

fn framework_of(doc: &Scorecard) -> Result<&Framework, Error> {
    match &doc.framework {
        None => Ok(builtin_or_fail(framework::BUILTIN_ID)?),
        Some(FrameworkChoice::Builtin(id)) => builtin_or_fail(id),
        Some(FrameworkChoice::Inline(framework)) => {
            framework.validate().map_err(|e| e.under("/framework"))?;
            Ok(framework)
        }
    }
}

fn builtin_or_fail(id: &str) -> Result<&'static Framework, Error> {
    framework::builtin(id).ok_or_else(|| {
        Error::new(
            ErrorKind::UnknownFramework,
            "/framework",
            format!("no built-in framework is called {id:?} (known: {:?})", framework::BUILTIN_ID),
        )
    })
}

fn perspectives_of<'a>(doc: &'a Scorecard, framework: &'a Framework) -> Result<Vec<PerspectiveSetting<'a>>, Error> {
    let framework_title =
        |id: &str| framework.perspectives.iter().find(|p| p.id == id).and_then(|p| p.title.as_deref());
    let Some(own) = &doc.perspectives else {
        return Ok(framework
            .perspectives
            .iter()
            .map(|p| PerspectiveSetting { id: &p.id, title: p.title.as_deref(), weight: 1.0 })
            .collect());
    };
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(own.len());
    for (i, p) in own.iter().enumerate() {
        let member = |name: &str| pointer(&pointer("/perspectives", i), name);
        if !seen.insert(p.id.as_str()) {
            return err(ErrorKind::DuplicateId, member("id"), format!("perspective {:?} is listed twice", p.id));
        }
        if let Some(w) = p.weight {
            magnitude::weight(w, || member("weight"))?;
        }
        let title = p.title.as_deref().or_else(|| framework_title(&p.id));
        out.push(PerspectiveSetting { id: &p.id, title, weight: p.weight.map_or(1.0, magnitude::unsigned_zero) });
    }
    Ok(out)
}

fn settings_of(
    doc: &Scorecard,
    framework: &Framework,
    element_index: &HashMap<&str, usize>,
) -> Result<Settings, Error> {
    let default = Options::default();
    let options = doc.options.as_ref().unwrap_or(&default);
    let (green, amber) = thresholds((1.0, 0.5), options.thresholds, || "/options/thresholds".to_string())?;
    let level_thresholds = options.level_thresholds.unwrap_or([0.75; 4]).map(magnitude::unsigned_zero);
    for (k, t) in level_thresholds.iter().enumerate() {
        if !t.is_finite() {
            return err(
                ErrorKind::InvalidValue,
                pointer("/options/level_thresholds", k),
                "a level threshold is a finite number",
            );
        }
    }
    let trend_tolerance = options.trend_tolerance.unwrap_or(0.01);
    if !(trend_tolerance.is_finite() && trend_tolerance >= 0.0) {
        return err(ErrorKind::InvalidValue, "/options/trend_tolerance", "the trend tolerance is a finite number >= 0");
    }

    let mut element_weights: Vec<f64> =
        framework.elements().map(|(_, e)| e.weight.map_or(1.0, magnitude::unsigned_zero)).collect();
    for (id, &w) in options.element_weights.iter().flatten() {
        let at = pointer("/options/element_weights", id);
        let Some(&i) = element_index.get(id.as_str()) else {
            return err(ErrorKind::UnknownReference, at, format!("the framework has no element {id:?}"));
        };
        magnitude::weight(w, || at.clone())?;
        element_weights[i] = magnitude::unsigned_zero(w);
    }
    let mut dimension_weights: Vec<f64> =
        framework.dimensions.iter().map(|d| d.weight.map_or(1.0, magnitude::unsigned_zero)).collect();
    for (id, &w) in options.dimension_weights.iter().flatten() {
        let at = pointer("/options/dimension_weights", id);
        let Some(i) = framework.dimensions.iter().position(|d| &d.id == id) else {
            return err(ErrorKind::UnknownReference, at, format!("the framework has no dimension {id:?}"));
        };
        magnitude::weight(w, || at.clone())?;
        dimension_weights[i] = magnitude::unsigned_zero(w);
    }
    Ok(Settings {
        missing: options.missing.unwrap_or_default(),
        clamp: options.clamp.unwrap_or(true),
        green,
        amber,
        level_thresholds,
        element_weights,
        dimension_weights,
        trend_tolerance,
    })
}

/// Overrides `inherited` field by field and checks `0 <= amber <= green`.
fn thresholds(
    inherited: (f64, f64),
    own: Option<Thresholds>,
    at: impl FnOnce() -> String,
) -> Result<(f64, f64), Error> {
    let own = own.unwrap_or_default();
    let (green, amber) = (own.green.unwrap_or(inherited.0), own.amber.unwrap_or(inherited.1));
    if !(green.is_finite() && amber.is_finite() && 0.0 <= amber && amber <= green) {
        return err(
            ErrorKind::InvalidValue,
            at(),
            format!("thresholds need 0 <= amber <= green, not amber {amber} and green {green}"),
        );
    }
    Ok((green, amber))
}

/// Everything an indicator may refer to.
struct Lookup<'a, 'd> {
    framework: &'d Framework,
    elements: &'a [(usize, &'d Element)],
    element_index: HashMap<&'a str, usize>,
    perspective_index: HashMap<&'a str, usize>,
    principle_index: HashMap<&'a str, usize>,
    scales: Scales<'d>,
    settings: &'a Settings,
}

impl<'d> Lookup<'_, 'd> {
    fn line(&self, ind: &'d Indicator, at: At, principles: &mut Vec<usize>) -> Result<Line<'d>, Error> {
        check_id(&ind.id, at)?;
        let element = match &ind.element {
            None => None,
            Some(id) => Some(*self.element_index.get(id.as_str()).ok_or_else(|| {
                Error::new(
                    ErrorKind::UnknownReference,
                    at.member("element"),
                    format!("the framework has no element {id:?}"),
                )
            })?),
        };
        let perspective = self.perspective(ind, element, at)?;
        let levels = self.levels(ind, element, at)?;
        let principles = self.principles(ind, at, principles)?;
        if let Some(w) = ind.weight {
            magnitude::weight(w, || at.member("weight"))?;
        }
        let (measure, rating) = self.measure(ind, at)?;
        let (green, amber) =
            thresholds((self.settings.green, self.settings.amber), ind.thresholds, || at.member("thresholds"))?;
        Ok(Line {
            perspective,
            element,
            levels,
            principles,
            weight: ind.weight.map_or(1.0, magnitude::unsigned_zero),
            value: ind.value.map(magnitude::unsigned_zero),
            history: ind.history.as_deref().unwrap_or_default(),
            measure,
            rating,
            green,
            amber,
        })
    }

    fn perspective(&self, ind: &Indicator, element: Option<usize>, at: At) -> Result<usize, Error> {
        let (id, member) = match (&ind.perspective, element) {
            (Some(id), _) => (id.as_str(), "perspective"),
            (None, Some(e)) => {
                let dimension = &self.framework.dimensions[self.elements[e].0];
                match &dimension.perspective {
                    Some(id) => (id.as_str(), "element"),
                    None => {
                        return err(
                            ErrorKind::InvalidDocument,
                            at.whole(),
                            format!(
                                "indicator {:?} names no perspective and its dimension {:?} has none",
                                ind.id, dimension.id
                            ),
                        )
                    }
                }
            }
            (None, None) => {
                return err(
                    ErrorKind::InvalidDocument,
                    at.whole(),
                    format!("indicator {:?} needs a perspective or an element", ind.id),
                )
            }
        };
        self.perspective_index.get(id).copied().ok_or_else(|| {
            Error::new(
                ErrorKind::UnknownReference,
                at.member(member),
                format!("perspective {id:?} is not among the scorecard's perspectives"),
            )
        })
    }

    fn levels(&self, ind: &'d Indicator, element: Option<usize>, at: At) -> Result<&'d [i64], Error> {
        let Some(levels) = &ind.levels else {
            return Ok(element.and_then(|e| self.elements[e].1.levels.as_deref()).unwrap_or_default());
        };
        let base = || at.member("levels");
        for (j, &level) in levels.iter().enumerate() {
            if !(1..=4).contains(&level) {
                return err(
                    ErrorKind::InvalidValue,
                    pointer(&base(), j),
                    format!("pyramid levels are 1 to 4, not {level}"),
                );
            }
            if levels[..j].contains(&level) {
                return err(ErrorKind::InvalidDocument, pointer(&base(), j), format!("level {level} is listed twice"));
            }
        }
        Ok(levels)
    }

    /// Appends the indicator's principle indices to `all` and returns where they lie.
    fn principles(&self, ind: &Indicator, at: At, all: &mut Vec<usize>) -> Result<Range<usize>, Error> {
        let base = || at.member("principles");
        let start = all.len();
        for (j, id) in ind.principles.iter().flatten().enumerate() {
            let Some(&p) = self.principle_index.get(id.as_str()) else {
                return err(
                    ErrorKind::UnknownReference,
                    pointer(&base(), j),
                    format!("the framework has no principle {id:?}"),
                );
            };
            if all[start..].contains(&p) {
                return err(
                    ErrorKind::InvalidDocument,
                    pointer(&base(), j),
                    format!("principle {id:?} is listed twice"),
                );
            }
            all.push(p);
        }
        Ok(start..all.len())
    }

    /// The measure, and for a rating its scale (against which values are checked).
    fn measure(&self, ind: &Indicator, at: At) -> Result<(Measure, Option<&'d Scale>), Error> {
        let target_at = || at.member("target");
        match (&ind.scale, ind.baseline, ind.target) {
            (Some(name), None, None) => {
                let scale = self.scales.get(name).ok_or_else(|| {
                    Error::new(ErrorKind::UnknownReference, at.member("scale"), format!("no scale is called {name:?}"))
                })?;
                Ok((Measure::Linear { baseline: scale.min, target: scale.max }, Some(scale)))
            }
            (None, Some(Bound::Value(baseline)), Some(Bound::Value(target))) => {
                magnitude::value(baseline, || at.member("baseline"))?;
                magnitude::value(target, target_at)?;
                if baseline == target {
                    return err(
                        ErrorKind::InvalidIndicator,
                        target_at(),
                        format!("target equals baseline ({target}): progress is undefined"),
                    );
                }
                Ok((Measure::Linear { baseline, target }, None))
            }
            (None, Some(Bound::Range(blo, bhi)), Some(Bound::Range(lo, hi))) => {
                for (member, ends) in [("baseline", [blo, bhi]), ("target", [lo, hi])] {
                    for (k, end) in ends.into_iter().enumerate() {
                        magnitude::value(end, || pointer(&at.member(member), k))?;
                    }
                }
                if !(blo < lo && lo <= hi && hi < bhi) {
                    return err(
                        ErrorKind::InvalidIndicator,
                        target_at(),
                        format!("a target range needs baseline low < target low <= target high < baseline high, not [{blo}, {bhi}] around [{lo}, {hi}]"),
                    );
                }
                Ok((Measure::Range { blo, lo, hi, bhi }, None))
            }
            (None, Some(_), Some(_)) => err(
                ErrorKind::InvalidIndicator,
                target_at(),
                "baseline and target must both be numbers or both be [low, high] ranges",
            ),
            (Some(_), _, _) => {
                err(ErrorKind::InvalidDocument, at.whole(), "a rating has a scale and no baseline or target")
            }
            (None, _, _) => err(
                ErrorKind::InvalidDocument,
                at.whole(),
                "an indicator needs a scale, or both a baseline and a target",
            ),
        }
    }
}

fn check_id(id: &str, at: At) -> Result<(), Error> {
    let chars = id.chars().count();
    if chars == 0 {
        return err(ErrorKind::InvalidDocument, at.member("id"), "an indicator id may not be empty");
    }
    if chars > MAX_ID_CHARS {
        return err(
            ErrorKind::LimitExceeded,
            at.member("id"),
            format!("an indicator id has at most {MAX_ID_CHARS} characters, not {chars}"),
        );
    }
    Ok(())
}
