//! The document-wide part of resolving: its format version, framework, perspectives
//! and options, with their defaults applied.

use foldhash::{HashMap, HashSet, HashSetExt};

use super::{PerspectiveSetting, Settings};
use crate::error::{err, pointer, Error, ErrorKind};
use crate::framework::{self, Framework};
use crate::magnitude;
use crate::scorecard::document::{FrameworkChoice, Options, Scorecard, Thresholds};

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

pub(super) fn framework_of(doc: &Scorecard) -> Result<&Framework, Error> {
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

pub(super) fn perspectives_of<'a>(
    doc: &'a Scorecard,
    framework: &'a Framework,
) -> Result<Vec<PerspectiveSetting<'a>>, Error> {
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

pub(super) fn settings_of(
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
pub(super) fn thresholds(
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
