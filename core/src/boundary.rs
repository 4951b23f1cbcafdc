//! What a front asks the core instead of deciding for itself: how a number or a text
//! that JSON cannot hold is read, and the defaults of the metrics' options. The Python and
//! JavaScript bindings hold no copy of either rule.

use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, ErrorKind};
use crate::metrics::{
    answer_columns, Adjust, CesOptions, CsatOptions, Invalid, NpsMethod, NpsOptions, ServqualOptions,
};

/// How a front reads a non-finite number `x` found at `path` (a JSON Pointer) in the
/// input of call `name`. Inside a metric's answer columns (see [`answer_columns`]) a
/// NaN is a missing answer, read as null (an invalid response under `invalid`, "not
/// answered" in SERVQUAL, a skipped pair in Kano), and an infinity is an answer that
/// is not a number, read as its name (so the metric reports or skips it at its own
/// index); anywhere else a non-finite number is `invalid_value` at `path`.
///
/// ```
/// use serde_json::Value;
/// assert_eq!(servex::boundary::non_finite("kano", "/functional/0/1", f64::NAN), Ok(Value::Null));
/// let outside = servex::boundary::non_finite("kano", "/attributes/0", f64::NAN).unwrap_err();
/// assert_eq!((outside.kind().as_str(), outside.path()), ("invalid_value", "/attributes/0"));
/// ```
///
/// # Errors
/// `invalid_value` at `path` when the number is not inside an answer column.
pub fn non_finite(name: &str, path: &str, x: f64) -> Result<Value, Error> {
    let word = if x.is_nan() {
        "NaN"
    } else if x > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    };
    if answer_columns(name).contains(&member(path)) {
        return Ok(if x.is_nan() { Value::Null } else { Value::String(word.to_owned()) });
    }
    Err(Error::new(ErrorKind::InvalidValue, path, format!("{word} is not a finite number")))
}

/// How a front reads text that is not Unicode (a lone surrogate, which a Python or
/// JavaScript string can hold and JSON text cannot) found at `path` in the input of
/// call `name`. In the responses of `nps`, `csat` and `ces` it is an answer that is
/// not a number, read as null (an invalid response under `invalid`); in their other
/// columns (`groups`, `weights`, `counts`, `weights_sq`) it is `invalid_value` at its
/// row, as any value of the wrong type there; anywhere else `invalid_document`.
///
/// ```
/// use serde_json::Value;
/// assert_eq!(servex::boundary::not_unicode("nps", "/responses/0"), Ok(Value::Null));
/// let label = servex::boundary::not_unicode("nps", "/groups/0").unwrap_err();
/// assert_eq!(label.kind().as_str(), "invalid_value");
/// ```
///
/// # Errors
/// `invalid_value` in a scale metric's column other than its responses,
/// `invalid_document` anywhere else.
pub fn not_unicode(name: &str, path: &str) -> Result<Value, Error> {
    let scale_metric = matches!(name, "nps" | "csat" | "ces");
    let kind = match member(path) {
        "responses" if scale_metric => return Ok(Value::Null),
        "groups" | "weights" | "counts" | "weights_sq" if scale_metric => ErrorKind::InvalidValue,
        _ => ErrorKind::InvalidDocument,
    };
    Err(Error::new(kind, path, "text with a lone surrogate is not Unicode"))
}

/// The top-level member a JSON Pointer leads into (`""` for the whole input).
fn member(path: &str) -> &str {
    path.split('/').nth(1).unwrap_or_default()
}

/// The value each optional argument of a metric takes when the caller leaves it out
/// (the arguments without a default, such as `groups`, are absent): what a front
/// shows in its signatures and documentation. `None` for a call that is not a metric.
///
/// ```
/// let csat = serde_json::to_value(servex::boundary::defaults("csat").unwrap()).unwrap();
/// assert_eq!(csat, serde_json::json!({"scale": 5, "top": 2, "confidence": 0.95, "invalid": "error", "adjust": "holm"}));
/// ```
pub fn defaults(name: &str) -> Option<Defaults> {
    let scale_metric = |confidence, invalid| Defaults {
        confidence: Some(confidence),
        invalid: Some(invalid),
        adjust: Some(Adjust::default()),
        ..Defaults::default()
    };
    Some(match name {
        "nps" => {
            let o = NpsOptions::default();
            Defaults { method: Some(o.method), ..scale_metric(o.confidence, o.invalid) }
        }
        "csat" => {
            let o = CsatOptions::default();
            Defaults { scale: Some(o.scale), top: Some(o.top), ..scale_metric(o.confidence, o.invalid) }
        }
        "ces" => {
            let o = CesOptions::default();
            Defaults { scale: Some(o.scale), ..scale_metric(o.confidence, o.invalid) }
        }
        "servqual" => Defaults { tolerance: Some(ServqualOptions::default().tolerance), ..Defaults::default() },
        "kano" => Defaults::default(),
        _ => return None,
    })
}

/// The defaults of one metric's options, written as its keyword arguments (members
/// the metric does not take are left out).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Defaults {
    /// `method` of `nps`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<NpsMethod>,
    /// `scale` of `csat` and `ces`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<u32>,
    /// `top` of `csat`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top: Option<u32>,
    /// `confidence` of the scale metrics.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// `invalid` of the scale metrics.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invalid: Option<Invalid>,
    /// `adjust` of the scale metrics (read when `compare` is given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adjust: Option<Adjust>,
    /// `tolerance` of `servqual`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nan_in_an_answer_column_is_a_missing_answer_on_every_metric() {
        for (name, path) in [
            ("nps", "/responses/3"),
            ("csat", "/responses/0"),
            ("ces", "/responses/0"),
            ("servqual", "/expectations/0/2"),
            ("servqual", "/perceptions/1/0"),
            ("kano", "/functional/0/1"),
            ("kano", "/dysfunctional/4"),
        ] {
            assert_eq!(non_finite(name, path, f64::NAN), Ok(Value::Null), "{name} {path}");
            assert_eq!(non_finite(name, path, f64::INFINITY), Ok(json!("Infinity")), "{name} {path}");
            assert_eq!(non_finite(name, path, f64::NEG_INFINITY), Ok(json!("-Infinity")), "{name} {path}");
        }
    }

    #[test]
    fn a_non_finite_number_elsewhere_is_invalid_value_where_it_stands() {
        for (name, path) in [
            ("nps", "/confidence"),
            ("nps", "/weights/0"),
            ("servqual", "/weights/tangibles"),
            ("kano", "/attributes/0"),
            ("score", "/indicators/0/value"),
            ("score", "/responses/0"),
            ("nps", ""),
        ] {
            let e = non_finite(name, path, f64::NAN).unwrap_err();
            assert_eq!(
                (e.kind(), e.path(), e.message()),
                (ErrorKind::InvalidValue, path, "NaN is not a finite number")
            );
        }
        let e = non_finite("nps", "/confidence", f64::NEG_INFINITY).unwrap_err();
        assert_eq!(e.message(), "-Infinity is not a finite number");
    }

    #[test]
    fn text_that_is_not_unicode_is_read_as_a_value_of_the_wrong_type_where_it_stands() {
        assert_eq!(not_unicode("ces", "/responses/4"), Ok(Value::Null));
        for (name, path, kind) in [
            ("nps", "/groups/0", ErrorKind::InvalidValue),
            ("csat", "/weights/1", ErrorKind::InvalidValue),
            ("ces", "/counts/1", ErrorKind::InvalidValue),
            ("nps", "/weights_sq/1", ErrorKind::InvalidValue),
            ("kano", "/functional/0/0", ErrorKind::InvalidDocument),
            ("servqual", "/dimensions/a~1b", ErrorKind::InvalidDocument),
            ("score", "/responses/0", ErrorKind::InvalidDocument),
            ("score", "/title", ErrorKind::InvalidDocument),
            ("nps", "", ErrorKind::InvalidDocument),
        ] {
            let e = not_unicode(name, path).unwrap_err();
            assert_eq!((e.kind(), e.path()), (kind, path), "{name}");
        }
    }

    #[test]
    fn the_defaults_are_the_options_the_metrics_run_with() {
        let written = |name| serde_json::to_value(defaults(name)).unwrap();
        assert_eq!(
            written("nps"),
            json!({"method": "adjusted_wald", "confidence": 0.95, "invalid": "error", "adjust": "holm"})
        );
        assert_eq!(written("ces"), json!({"scale": 7, "confidence": 0.95, "invalid": "error", "adjust": "holm"}));
        assert_eq!(written("servqual"), json!({"tolerance": 0.0}));
        assert_eq!(written("kano"), json!({}));
        assert_eq!(defaults("score"), None);
        // Leaving an option out and passing its default give the same result.
        for name in ["nps", "csat", "ces"] {
            let bare = json!({"responses": [1, 2, 3, 4, 5], "groups": ["a", "b", "a", "b", "a"], "compare": "first"});
            let mut full = bare.clone();
            let members = full.as_object_mut().unwrap();
            for (k, v) in written(name).as_object().unwrap() {
                members.insert(k.clone(), v.clone());
            }
            assert_eq!(crate::call(name, &bare), crate::call(name, &full), "{name}");
        }
    }
}
