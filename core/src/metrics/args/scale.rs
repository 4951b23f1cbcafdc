//! The scale metrics (NPS, CSAT, CES) from keyword arguments: one reading of their
//! options and one dispatch to the kernels, shared by the JSON front and by fronts that
//! hold the response column as numbers already (a JavaScript typed array), so that a
//! typed column answers exactly as the same column written in JSON.

use serde_json::Value;

use crate::error::{err, Error, ErrorKind};

use super::super::groups::Split;
use super::super::response::Response;
use super::super::{
    ces, ces_grouped, critical_z, csat, csat_grouped, nps, nps_grouped, CesOptions, CsatOptions, NpsMethod, NpsOptions,
};
use super::{groups, responses, Args};
use crate::call::{AsValue, Output};

/// A scale metric with its options.
#[derive(Debug, Clone, Copy)]
enum Scale {
    Nps(NpsOptions),
    Csat(CsatOptions),
    Ces(CesOptions),
}

impl Scale {
    /// The keyword arguments of scale metric `name` (responses and groups included), or
    /// `None` when `name` is not one.
    fn arguments(name: &str) -> Option<&'static [&'static str]> {
        match name {
            "nps" => Some(&["responses", "method", "confidence", "invalid", "groups"]),
            "csat" => Some(&["responses", "scale", "top", "confidence", "invalid", "groups"]),
            "ces" => Some(&["responses", "scale", "invalid", "groups"]),
            _ => None,
        }
    }

    /// Reads the options of metric `name` (one of [`Scale::arguments`]' names) and
    /// checks their values.
    fn read(name: &str, args: &Args<'_>) -> Result<Scale, Error> {
        let scale = match name {
            "nps" => {
                let defaults = NpsOptions::default();
                let methods = [("wald", NpsMethod::Wald), ("adjusted_wald", NpsMethod::AdjustedWald)];
                Scale::Nps(NpsOptions {
                    method: args.word("method", &methods)?.unwrap_or(defaults.method),
                    confidence: args.number("confidence")?.unwrap_or(defaults.confidence),
                    invalid: args.invalid()?,
                })
            }
            "csat" => {
                let defaults = CsatOptions::default();
                Scale::Csat(CsatOptions {
                    scale: args.count("scale")?.unwrap_or(defaults.scale),
                    top: args.count("top")?.unwrap_or(defaults.top),
                    confidence: args.number("confidence")?.unwrap_or(defaults.confidence),
                    invalid: args.invalid()?,
                })
            }
            _ => Scale::Ces(CesOptions {
                scale: args.count("scale")?.unwrap_or(CesOptions::default().scale),
                invalid: args.invalid()?,
            }),
        };
        scale.check()?;
        Ok(scale)
    }

    /// Checks the options' values (confidence, scale, top) as the metric itself does,
    /// so that a bad option is reported before anything about the columns, on every
    /// front (the kernels check group codes only as they count).
    fn check(&self) -> Result<(), Error> {
        match self {
            Scale::Nps(o) => critical_z(o.confidence).map(drop),
            Scale::Csat(o) => csat::classes(o).and_then(|_| critical_z(o.confidence)).map(drop),
            Scale::Ces(o) => ces::classes(o.scale).map(drop),
        }
    }

    fn run<O: Output, T: Response>(self, responses: &[T], groups: Option<Split<'_>>) -> Result<O::Out, Error> {
        match (self, groups) {
            (Scale::Nps(o), None) => O::write(nps(responses, &o)?),
            (Scale::Nps(o), Some(g)) => O::write(nps_grouped(responses, g, &o)?),
            (Scale::Csat(o), None) => O::write(csat(responses, &o)?),
            (Scale::Csat(o), Some(g)) => O::write(csat_grouped(responses, g, &o)?),
            (Scale::Ces(o), None) => O::write(ces(responses, &o)?),
            (Scale::Ces(o), Some(g)) => O::write(ces_grouped(responses, g, &o)?),
        }
    }
}

/// Scale metric `name` on its keyword-argument object; `None` when `name` is not one.
pub(super) fn call(name: &str, input: &Value) -> Option<Result<Value, Error>> {
    let known = Scale::arguments(name)?;
    let run = || {
        let args = Args::new(input, known)?;
        let scale = Scale::read(name, &args)?;
        let groups = groups(&args)?;
        let responses = responses(&args)?;
        scale.run::<AsValue, _>(&responses, groups.as_ref().map(Split::from))
    };
    Some(run())
}

/// A scale metric (NPS, CSAT or CES) with its options, read from their JSON object by
/// the JSON front's rules, for fronts that hold the response column as numbers (a
/// numpy array, a JavaScript typed array): the options are checked before the columns
/// are read, and [`ScaleMetric::run`] answers as [`crate::call`] does for the same
/// column and groups written in JSON.
#[derive(Debug, Clone, Copy)]
pub struct ScaleMetric(Scale);

impl ScaleMetric {
    /// Reads the options of scale metric `name` (`method`, `scale`, `invalid`, ...).
    ///
    /// # Errors
    /// `invalid_document` at `""` when `name` is not a scale metric, at `/responses` or
    /// `/groups` when a column is among the options (it would be ignored there), and
    /// every error of the options as the JSON front reports it.
    pub fn from_options(name: &str, options: &Value) -> Result<ScaleMetric, Error> {
        let Some(known) = Scale::arguments(name) else {
            return err(ErrorKind::InvalidDocument, "", format!("{name:?} is not a scale metric (nps, csat, ces)"));
        };
        for column in ["responses", "groups"] {
            if options.get(column).is_some_and(|v| !v.is_null()) {
                return err(
                    ErrorKind::InvalidDocument,
                    format!("/{column}"),
                    format!("{column} is passed as a column, not among the options"),
                );
            }
        }
        Scale::read(name, &Args::new(options, known)?).map(ScaleMetric)
    }

    /// The metric over `responses`, split by `groups` if given ([`Groups`](crate::metrics::Groups) built
    /// beforehand, or integer labels: [`Split::Integers`]), as its JSON result.
    ///
    /// # Errors
    /// Every error of the metric itself (`invalid_value`, `empty_input`, ...).
    pub fn run<T: Response>(&self, responses: &[T], groups: Option<Split<'_>>) -> Result<Value, Error> {
        self.0.run::<AsValue, T>(responses, groups)
    }

    /// [`ScaleMetric::run`] with the result written by `O` (see [`crate::call_with`]).
    ///
    /// # Errors
    /// As [`ScaleMetric::run`].
    pub fn run_with<O: Output, T: Response>(
        &self,
        responses: &[T],
        groups: Option<Split<'_>>,
    ) -> Result<O::Out, Error> {
        self.0.run::<O, T>(responses, groups)
    }
}

/// [`ScaleMetric::from_options`] then [`ScaleMetric::run`] in one call.
///
/// ```
/// use serde_json::json;
/// let typed = servex::metrics::call_column("nps", &json!({"invalid": "skip"}), &[10u8, 9, 3, 77], None);
/// let text = servex::call("nps", &json!({"responses": [10, 9, 3, 77], "invalid": "skip"}));
/// assert_eq!(typed, text);
/// ```
///
/// # Errors
/// As [`ScaleMetric::from_options`] and [`ScaleMetric::run`].
pub fn call_column<T: Response>(
    name: &str,
    options: &Value,
    responses: &[T],
    groups: Option<Split<'_>>,
) -> Result<Value, Error> {
    ScaleMetric::from_options(name, options)?.run(responses, groups)
}
