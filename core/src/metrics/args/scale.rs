//! The scale metrics (NPS, CSAT, CES) from keyword arguments: one reading of their
//! options and one dispatch to the tally and its estimators, shared by the JSON front
//! and by fronts that hold the columns as numbers already (a numpy array, a JavaScript
//! typed array), so that a typed column answers exactly as the same column in JSON.

use serde_json::Value;

use crate::error::{err, Error, ErrorKind};

use super::super::compare::{Adjust, Against, Compare};
use super::super::finish::Estimator;
use super::super::funnel::Funnel;
use super::super::groups::{GroupLabel, Split};
use super::super::response::{Classes, Response};
use super::super::tally::{count_past_max, tally, RowWeights, Tallied, Tally, MAX_COUNT};
use super::super::{ces, csat, nps, CesOptions, CsatOptions, NpsMethod, NpsOptions};
use super::{groups, responses, whole_i64, wrong_type, Args};
use crate::output::{AsValue, Output};

/// A scale metric with its options.
#[derive(Debug, Clone)]
enum Scale {
    Nps(NpsOptions),
    Csat(CsatOptions),
    Ces(CesOptions),
}

/// The optional columns of SPEC 10 when they come among the keyword arguments.
#[derive(Debug, Clone, Default)]
struct Columns {
    weights: Option<Vec<f64>>,
    counts: Option<Vec<f64>>,
    weights_sq: Option<Vec<f64>>,
}

/// The columns a scale metric takes besides `responses` and `groups`.
const COLUMNS: [&str; 3] = ["weights", "counts", "weights_sq"];

/// Every keyword argument of scale metric `name`: the columns and its options.
pub(super) fn arguments(name: &str) -> Option<Vec<&'static str>> {
    let options = Scale::options(name)?;
    Some(["responses", "groups"].iter().chain(&COLUMNS).chain(options).copied().collect())
}

impl Scale {
    /// The keyword arguments of scale metric `name` other than the columns, or `None`
    /// when `name` is not one.
    fn options(name: &str) -> Option<&'static [&'static str]> {
        match name {
            "nps" => Some(&["method", "confidence", "invalid", "compare", "adjust", "funnel"]),
            "csat" => Some(&["scale", "top", "confidence", "invalid", "compare", "adjust", "funnel"]),
            "ces" => Some(&["scale", "confidence", "invalid", "compare", "adjust", "funnel"]),
            _ => None,
        }
    }

    /// Reads the options of metric `name` (one of [`Scale::options`]' names) and
    /// checks their values.
    fn read(name: &str, args: &Args<'_>) -> Result<Scale, Error> {
        let compare = compare(args)?;
        let scale = match name {
            "nps" => {
                let defaults = NpsOptions::default();
                let methods = [("wald", NpsMethod::Wald), ("adjusted_wald", NpsMethod::AdjustedWald)];
                Scale::Nps(NpsOptions {
                    method: args.word("method", &methods)?.unwrap_or(defaults.method),
                    confidence: args.number("confidence")?.unwrap_or(defaults.confidence),
                    invalid: args.invalid()?,
                    compare,
                    funnel: funnel(args, (-100.0, 100.0))?,
                })
            }
            "csat" => {
                let defaults = CsatOptions::default();
                Scale::Csat(CsatOptions {
                    scale: args.count("scale")?.unwrap_or(defaults.scale),
                    top: args.count("top")?.unwrap_or(defaults.top),
                    confidence: args.number("confidence")?.unwrap_or(defaults.confidence),
                    invalid: args.invalid()?,
                    compare,
                    funnel: funnel(args, (0.0, 100.0))?,
                })
            }
            _ => {
                let defaults = CesOptions::default();
                let scale = args.count("scale")?.unwrap_or(defaults.scale);
                Scale::Ces(CesOptions {
                    scale,
                    confidence: args.number("confidence")?.unwrap_or(defaults.confidence),
                    invalid: args.invalid()?,
                    compare,
                    funnel: funnel(args, (1.0, f64::from(scale)))?,
                })
            }
        };
        scale.check()?;
        Ok(scale)
    }

    /// Checks the options' values (confidence, scale, top) as the metric itself does,
    /// so that a bad option is reported before anything about the columns, on every
    /// front.
    fn check(&self) -> Result<(), Error> {
        match self {
            Scale::Nps(o) => nps::NpsEstimator::new(o).map(drop),
            Scale::Csat(o) => csat::CsatEstimator::new(o).map(drop),
            Scale::Ces(o) => ces::CesEstimator::new(o).map(drop),
        }
    }

    /// The members that need groups and are given: `compare`, `funnel`.
    fn grouped_only(&self) -> Option<&'static str> {
        let (compare, funnel) = match self {
            Scale::Nps(o) => (o.compare.is_some(), o.funnel.is_some()),
            Scale::Csat(o) => (o.compare.is_some(), o.funnel.is_some()),
            Scale::Ces(o) => (o.compare.is_some(), o.funnel.is_some()),
        };
        if compare {
            Some("compare")
        } else if funnel {
            Some("funnel")
        } else {
            None
        }
    }

    fn run<O: Output, T: Response>(
        &self,
        responses: &[T],
        groups: Option<Split<'_>>,
        columns: &RowWeights<'_>,
    ) -> Result<O::Out, Error> {
        let grouped = groups.is_some();
        self.finish::<O>(grouped, |classes| tally(responses, groups, columns, classes))
    }

    fn run_tally<O: Output>(&self, t: &Tally) -> Result<O::Out, Error> {
        self.finish::<O>(t.is_grouped(), |classes| t.on_scale(classes))
    }

    /// The metric's estimator over what `tallied` gives on its scale, written by `O`;
    /// `compare` and `funnel` refused first when there are no groups.
    fn finish<O: Output>(
        &self,
        grouped: bool,
        tallied: impl FnOnce(&Classes) -> Result<Tallied, Error>,
    ) -> Result<O::Out, Error> {
        if let (false, Some(member)) = (grouped, self.grouped_only()) {
            return err(ErrorKind::InvalidDocument, format!("/{member}"), format!("{member} needs groups"));
        }
        match self {
            Scale::Nps(o) => {
                let e = nps::NpsEstimator::new(o)?;
                write::<O, _>(&e, tallied(e.classes())?, grouped)
            }
            Scale::Csat(o) => {
                let e = csat::CsatEstimator::new(o)?;
                write::<O, _>(&e, tallied(e.classes())?, grouped)
            }
            Scale::Ces(o) => {
                let e = ces::CesEstimator::new(o)?;
                write::<O, _>(&e, tallied(e.classes())?, grouped)
            }
        }
    }
}

/// Finishes a tally and writes the result.
fn write<O: Output, E: Estimator>(e: &E, tallied: Tallied, grouped: bool) -> Result<O::Out, Error>
where
    E::Result: serde::Serialize,
{
    if grouped {
        O::write_checked(e.finish_grouped(tallied)?)
    } else {
        O::write_checked(e.finish_one(tallied)?)
    }
}

/// `compare` and `adjust` (SPEC 11).
fn compare(args: &Args<'_>) -> Result<Option<Compare>, Error> {
    let bad = |why: &str| Error::new(ErrorKind::InvalidDocument, "/compare", why.to_string());
    let against = match args.get("compare") {
        None => {
            if args.get("adjust").is_some() {
                return err(ErrorKind::InvalidDocument, "/adjust", "adjust goes with compare");
            }
            return Ok(None);
        }
        Some(Value::String(s)) => match s.as_str() {
            "first" => Against::First,
            "previous" => Against::Previous,
            "rest" => Against::Rest,
            _ => return Err(bad("compare is \"first\", \"previous\", \"rest\" or {\"group\": LABEL}")),
        },
        Some(Value::Object(members)) => {
            let label = match (members.len(), members.get("group")) {
                (1, Some(Value::String(s))) => GroupLabel::Str(s.clone()),
                (1, Some(Value::Number(n))) => match n.as_i64().or_else(|| whole_i64(n.as_f64())) {
                    Some(i) => GroupLabel::Int(i),
                    None => return Err(bad("a group label is a string or an integer")),
                },
                _ => return Err(bad("compare's object is {\"group\": LABEL}, a string or an integer")),
            };
            Against::Group(label)
        }
        Some(_) => return Err(bad("compare is \"first\", \"previous\", \"rest\" or {\"group\": LABEL}")),
    };
    let words = [("holm", Adjust::Holm), ("bh", Adjust::Bh), ("none", Adjust::None)];
    Ok(Some(Compare { against, adjust: args.word("adjust", &words)?.unwrap_or_default() }))
}

/// `funnel` (SPEC 12.2): `true`, or `{target, overdispersion}` (both optional, null
/// being absent), the target within the metric's `range`; `false` or null is none.
fn funnel(args: &Args<'_>, range: (f64, f64)) -> Result<Option<Funnel>, Error> {
    let bad = |why: &str| Error::new(ErrorKind::InvalidDocument, "/funnel", why.to_string());
    let shape = "a funnel is true, false, or {\"target\": NUMBER, \"overdispersion\": BOOLEAN}";
    let members = match args.get("funnel") {
        None | Some(Value::Bool(false)) => return Ok(None),
        Some(Value::Bool(true)) => return Ok(Some(Funnel::default())),
        Some(Value::Object(members)) => members,
        Some(_) => return Err(bad(shape)),
    };
    if members.keys().any(|k| k != "target" && k != "overdispersion") {
        return Err(bad(shape));
    }
    let target = match members.get("target") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_f64(),
        Some(_) => return Err(bad(shape)),
    };
    let overdispersion = match members.get("overdispersion") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(bad(shape)),
    };
    if let Some(t) = target {
        if !(range.0..=range.1).contains(&t) {
            let message = format!("the funnel's target {t} is outside the metric's range {}..{}", range.0, range.1);
            return err(ErrorKind::InvalidValue, "/funnel/target", message);
        }
    }
    Ok(Some(Funnel { target, overdispersion }))
}

/// A numeric column among the keyword arguments: anything inside it that is not a
/// number is NaN, which its checks refuse at its index.
fn column(args: &Args<'_>, key: &str) -> Result<Option<Vec<f64>>, Error> {
    match args.get(key) {
        None => Ok(None),
        Some(Value::Array(items)) => {
            Ok(Some(items.iter().map(|v| v.as_f64().filter(|_| v.is_number()).unwrap_or(f64::NAN)).collect()))
        }
        Some(_) => Err(wrong_type(key, "an array of numbers")),
    }
}

impl Columns {
    fn read(args: &Args<'_>) -> Result<Columns, Error> {
        // An integer past 2^53 is no count (SPEC 10), and as a double it would round
        // to one (2^53 + 1 to 2^53): refused at its index before it is read as one.
        if let Some(Value::Array(items)) = args.get("counts") {
            if let Some(i) = items.iter().position(|v| v.as_u64().is_some_and(|u| u > MAX_COUNT)) {
                return Err(count_past_max(i, &items.get(i).map(Value::to_string).unwrap_or_default()));
            }
        }
        Ok(Columns {
            weights: column(args, "weights")?,
            counts: column(args, "counts")?,
            weights_sq: column(args, "weights_sq")?,
        })
    }

    /// These columns with `given`'s (a column given both ways is refused).
    fn with<'a>(&'a self, given: RowWeights<'a>) -> Result<RowWeights<'a>, Error> {
        let pick = |name: &str, own: &'a Option<Vec<f64>>, given: Option<&'a [f64]>| match (own, given) {
            (Some(_), Some(_)) => err(ErrorKind::InvalidDocument, format!("/{name}"), format!("{name} is given twice")),
            (Some(own), None) => Ok(Some(own.as_slice())),
            (None, given) => Ok(given),
        };
        Ok(RowWeights {
            weights: pick("weights", &self.weights, given.weights)?,
            counts: pick("counts", &self.counts, given.counts)?,
            weights_sq: pick("weights_sq", &self.weights_sq, given.weights_sq)?,
        })
    }
}

/// Scale metric `name` on its keyword-argument object; `None` when `name` is not one.
pub(super) fn call(name: &str, input: &Value) -> Option<Result<Value, Error>> {
    let known = arguments(name)?;
    let run = || {
        let args = Args::new(input, &known)?;
        let scale = Scale::read(name, &args)?;
        let groups = groups(&args)?;
        let responses = responses(&args)?;
        let columns = Columns::read(&args)?;
        scale.run::<AsValue, _>(&responses, groups.as_ref().map(Split::from), &columns.with(RowWeights::default())?)
    };
    Some(run())
}

/// A scale metric (NPS, CSAT or CES) with its options, read from their JSON object by
/// the JSON front's rules, for fronts that hold the response column as numbers (a
/// numpy array, a JavaScript typed array): the options are checked before the columns
/// are read, and [`ScaleMetric::run`] answers as [`crate::call()`] does for the same
/// columns written in JSON. The options may hold `weights`, `counts` and `weights_sq`
/// as JSON arrays, or the front passes them as slices to [`ScaleMetric::run`].
#[derive(Debug, Clone)]
pub struct ScaleMetric {
    scale: Scale,
    columns: Columns,
}

impl ScaleMetric {
    /// Reads the options of scale metric `name` (`method`, `scale`, `invalid`,
    /// `compare`, ...).
    ///
    /// # Errors
    /// `invalid_document` at `""` when `name` is not a scale metric, at `/responses` or
    /// `/groups` when a column is among the options (it would be ignored there), and
    /// every error of the options as the JSON front reports it.
    pub fn from_options(name: &str, options: &Value) -> Result<ScaleMetric, Error> {
        let Some(known) = arguments(name) else {
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
        let args = Args::new(options, &known)?;
        Ok(ScaleMetric { scale: Scale::read(name, &args)?, columns: Columns::read(&args)? })
    }

    /// The metric over `responses`, split by `groups` if given ([`Groups`](crate::metrics::Groups) built
    /// beforehand, or integer labels: [`Split::Integers`]), with the optional columns of
    /// SPEC 10, as its JSON result.
    ///
    /// # Errors
    /// Every error of the metric itself (`invalid_value`, `empty_input`, ...).
    pub fn run<T: Response>(
        &self,
        responses: &[T],
        groups: Option<Split<'_>>,
        columns: RowWeights<'_>,
    ) -> Result<Value, Error> {
        self.run_with::<AsValue, T>(responses, groups, columns)
    }

    /// [`ScaleMetric::run`] with the result written by `O` (see [`crate::call_with`]).
    ///
    /// # Errors
    /// As [`ScaleMetric::run`].
    pub fn run_with<O: Output, T: Response>(
        &self,
        responses: &[T],
        groups: Option<Split<'_>>,
        columns: RowWeights<'_>,
    ) -> Result<O::Out, Error> {
        self.scale.run::<O, T>(responses, groups, &self.columns.with(columns)?)
    }

    /// The metric finishing a [`Tally`], written by `O`.
    ///
    /// # Errors
    /// `invalid_document` at the first of `/weights`, `/counts` and `/weights_sq` the
    /// options hold (a tally has its own), and every error of the metric.
    pub fn finish_tally<O: Output>(&self, tally: &Tally) -> Result<O::Out, Error> {
        let Columns { weights, counts, weights_sq } = &self.columns;
        let given = [("weights", weights), ("counts", counts), ("weights_sq", weights_sq)];
        if let Some((name, _)) = given.iter().find(|(_, c)| c.is_some()) {
            return err(ErrorKind::InvalidDocument, format!("/{name}"), "a tally carries its own weights and counts");
        }
        self.scale.run_tally::<O>(tally)
    }
}

/// [`ScaleMetric::from_options`] then [`ScaleMetric::run`] in one call.
///
/// ```
/// use serde_json::json;
/// use servex::metrics::RowWeights;
/// let typed = servex::metrics::call_column("nps", &json!({"invalid": "skip"}), &[10u8, 9, 3, 77], None, RowWeights::default());
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
    columns: RowWeights<'_>,
) -> Result<Value, Error> {
    ScaleMetric::from_options(name, options)?.run(responses, groups, columns)
}
