//! The JSON front of the metrics: a keyword-argument object in, the result as JSON
//! out. Everything here is decoding and type checking; the formulas live in the
//! kernels, which this module calls with `f64` columns and matrices.
//!
//! Non-numbers inside a numeric column are mapped to a value the kernel rejects at
//! the same index (NaN for responses and Kano answers, an infinity for SERVQUAL
//! answers, where NaN means "not answered"), so that the scan order and the paths of
//! invalid values are the kernels' own.

use crate::json::to_tree;
use serde_json::{Map, Value};

use crate::error::{err, pointer, Error, ErrorKind};

use super::groups::{not_a_label, GroupLabel, Groups};
use super::kano::classify;
use super::matrix::{same_shape, Matrix};
use super::servqual::{servqual, Dimension, ServqualOptions};
use super::Invalid;

mod scale;
pub use scale::{call_column, ScaleMetric};

/// Runs metric `name` on its keyword arguments; `None` when `name` is not a metric.
// Called by the crate-level `call`, which lives outside the metrics module.
pub(crate) fn call(name: &str, input: &Value) -> Option<Result<Value, Error>> {
    let run: fn(&Value) -> Result<Value, Error> = match name {
        "nps" | "csat" | "ces" => return scale::call(name, input),
        "servqual" => servqual_call,
        "kano" => kano_call,
        _ => return None,
    };
    Some(run(input))
}

/// The keyword arguments of `servqual`.
const SERVQUAL_ARGUMENTS: [&str; 5] = ["expectations", "perceptions", "dimensions", "weights", "tolerance"];
/// The keyword arguments of `kano`.
const KANO_ARGUMENTS: [&str; 3] = ["functional", "dysfunctional", "attributes"];

/// Every keyword argument metric `name` takes (any other is refused), or `None` when
/// `name` is not a metric: what a front may pass on, and what the arguments' JSON
/// Schemas are checked against.
///
/// ```
/// assert_eq!(servex::metrics::arguments("kano"), Some(vec!["functional", "dysfunctional", "attributes"]));
/// ```
pub fn arguments(name: &str) -> Option<Vec<&'static str>> {
    match name {
        "servqual" => Some(SERVQUAL_ARGUMENTS.to_vec()),
        "kano" => Some(KANO_ARGUMENTS.to_vec()),
        _ => scale::arguments(name),
    }
}

/// The keyword-argument object, with unknown keys refused and `null` read as absent.
struct Args<'a> {
    members: &'a Map<String, Value>,
}

impl<'a> Args<'a> {
    fn new(input: &'a Value, known: &[&str]) -> Result<Args<'a>, Error> {
        let Value::Object(members) = input else {
            return err(ErrorKind::InvalidDocument, "", "the arguments must be a JSON object");
        };
        if let Some(key) = members.keys().find(|k| !known.contains(&k.as_str())) {
            return err(
                ErrorKind::InvalidDocument,
                pointer("", key),
                format!("unknown argument {key:?}; expected one of {known:?}"),
            );
        }
        Ok(Args { members })
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.members.get(key).filter(|v| !v.is_null())
    }

    /// A required argument: absent is `invalid_document` at `""` (the object lacks it),
    /// null at the member itself (SPEC 8: the path names the offending member).
    fn required(&self, key: &str) -> Result<&'a Value, Error> {
        match (self.get(key), self.members.contains_key(key)) {
            (Some(v), _) => Ok(v),
            (None, true) => err(ErrorKind::InvalidDocument, pointer("", key), format!("{key} may not be null")),
            (None, false) => err(ErrorKind::InvalidDocument, "", format!("missing argument {key:?}")),
        }
    }

    fn number(&self, key: &str) -> Result<Option<f64>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v.as_f64().map(Some).ok_or_else(|| wrong_type(key, "a number")),
        }
    }

    /// A whole number that fits a `u32`; other numbers are `invalid_value`.
    fn count(&self, key: &str) -> Result<Option<u32>, Error> {
        let Some(x) = self.number(key)? else {
            return Ok(None);
        };
        let whole = x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x);
        if !whole {
            return err(
                ErrorKind::InvalidValue,
                pointer("", key),
                format!("{key} must be a whole number from 0 to {}, got {x}", u32::MAX),
            );
        }
        Ok(Some(x as u32))
    }

    fn word<T: Copy>(&self, key: &str, words: &[(&str, T)]) -> Result<Option<T>, Error> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let Some(s) = v.as_str() else {
            return Err(wrong_type(key, "a string"));
        };
        match words.iter().find(|(w, _)| *w == s) {
            Some((_, t)) => Ok(Some(*t)),
            None => {
                let names: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
                err(
                    ErrorKind::InvalidDocument,
                    pointer("", key),
                    format!("unknown {key} {s:?}; expected one of {names:?}"),
                )
            }
        }
    }

    fn invalid(&self) -> Result<Invalid, Error> {
        let words = [("error", Invalid::Error), ("skip", Invalid::Skip)];
        Ok(self.word("invalid", &words)?.unwrap_or_default())
    }
}

fn wrong_type(key: &str, what: &str) -> Error {
    Error::new(ErrorKind::InvalidDocument, pointer("", key), format!("{key} must be {what}"))
}

/// `responses` as an `f64` column: non-numbers become NaN (invalid at their index);
/// a nested array or object makes the whole member `invalid_document`.
fn responses(args: &Args<'_>) -> Result<Vec<f64>, Error> {
    let Value::Array(items) = args.required("responses")? else {
        return Err(wrong_type("responses", "an array"));
    };
    items
        .iter()
        .map(|v| match v {
            Value::Number(n) => Ok(n.as_f64().unwrap_or(f64::NAN)),
            Value::Array(_) | Value::Object(_) => Err(wrong_type("responses", "a flat array")),
            _ => Ok(f64::NAN),
        })
        .collect()
}

/// `groups`, factorised; each label a string or a whole number.
fn groups(args: &Args<'_>) -> Result<Option<Groups<'static>>, Error> {
    let Some(v) = args.get("groups") else {
        return Ok(None);
    };
    let Value::Array(items) = v else {
        return Err(wrong_type("groups", "an array"));
    };
    let mut labels = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        let label = match v {
            Value::String(s) => Some(GroupLabel::Str(s.clone())),
            Value::Number(n) => n.as_i64().or_else(|| whole_i64(n.as_f64())).map(GroupLabel::Int),
            _ => None,
        };
        let Some(label) = label else {
            return Err(not_a_label(i));
        };
        labels.push(label);
    }
    Groups::from_labels(labels).map(Some)
}

/// A float with no fractional part inside the `i64` range.
fn whole_i64(x: Option<f64>) -> Option<i64> {
    let x = x?;
    let inside = x.fract() == 0.0 && x >= -(2f64.powi(63)) && x < 2f64.powi(63);
    inside.then_some(x as i64)
}

/// The rows of an array of arrays (`invalid_document` at the member or the row).
fn nested_rows<'a>(args: &Args<'a>, key: &str) -> Result<Vec<&'a [Value]>, Error> {
    let Value::Array(rows) = args.required(key)? else {
        return Err(wrong_type(key, "an array of rows"));
    };
    rows.iter()
        .enumerate()
        .map(|(r, row)| match row {
            Value::Array(cells) => Ok(cells.as_slice()),
            _ => err(ErrorKind::InvalidDocument, pointer(&pointer("", key), r), "a row must be an array"),
        })
        .collect()
}

fn servqual_call(input: &Value) -> Result<Value, Error> {
    let args = Args::new(input, &SERVQUAL_ARGUMENTS)?;
    let e_rows = nested_rows(&args, "expectations")?;
    let p_rows = nested_rows(&args, "perceptions")?;
    let e_widths: Vec<usize> = e_rows.iter().map(|r| r.len()).collect();
    let p_widths: Vec<usize> = p_rows.iter().map(|r| r.len()).collect();
    let (rows, columns) = same_shape(("/expectations", &e_widths), ("/perceptions", &p_widths))?;
    // null is "not answered" (NaN); a non-number becomes an infinity, which the kernel
    // reports as invalid_value at its own path.
    let flatten = |rows: &[&[Value]]| -> Vec<f64> {
        rows.iter()
            .flat_map(|r| r.iter())
            .map(|v| match v {
                Value::Null => f64::NAN,
                Value::Number(n) => n.as_f64().unwrap_or(f64::INFINITY),
                _ => f64::INFINITY,
            })
            .collect()
    };
    let (e_values, p_values) = (flatten(&e_rows), flatten(&p_rows));
    let e = Matrix::new(&e_values, rows, columns).map_err(|e| e.under("/expectations"))?;
    let p = Matrix::new(&p_values, rows, columns).map_err(|e| e.under("/perceptions"))?;
    let options = ServqualOptions {
        dimensions: dimensions(&args)?,
        weights: weights(&args)?,
        tolerance: args.number("tolerance")?.unwrap_or(ServqualOptions::default().tolerance),
    };
    to_tree(servqual(&e, &p, &options)?)
}

fn dimensions(args: &Args<'_>) -> Result<Option<Vec<Dimension>>, Error> {
    let Some(v) = args.get("dimensions") else {
        return Ok(None);
    };
    let Value::Object(map) = v else {
        return Err(wrong_type("dimensions", "an object of item lists"));
    };
    let mut out = Vec::with_capacity(map.len());
    for (name, items) in map {
        let at = pointer("/dimensions", name);
        let Value::Array(items) = items else {
            return err(ErrorKind::InvalidDocument, at, "a dimension must be an array of item indices");
        };
        let mut indices = Vec::with_capacity(items.len());
        for (j, item) in items.iter().enumerate() {
            let Some(x) = item.as_f64() else {
                return err(ErrorKind::InvalidDocument, pointer(&at, j), "an item index must be a number");
            };
            let index = whole_i64(Some(x)).and_then(|i| usize::try_from(i).ok());
            let Some(index) = index else {
                return err(
                    ErrorKind::InvalidValue,
                    pointer(&at, j),
                    format!("an item index must be a whole number >= 0, got {x}"),
                );
            };
            indices.push(index);
        }
        out.push(Dimension::new(name.clone(), indices));
    }
    Ok(Some(out))
}

fn weights(args: &Args<'_>) -> Result<Option<Vec<(String, f64)>>, Error> {
    let Some(v) = args.get("weights") else {
        return Ok(None);
    };
    let Value::Object(map) = v else {
        return Err(wrong_type("weights", "an object of numbers"));
    };
    map.iter()
        .map(|(name, w)| match w.as_f64() {
            Some(w) => Ok((name.clone(), w)),
            None => err(ErrorKind::InvalidDocument, pointer("/weights", name), "a weight must be a number"),
        })
        .collect::<Result<Vec<_>, Error>>()
        .map(Some)
}

/// One Kano answer matrix: row widths, the cells row after row (null = skipped,
/// anything but a number = NaN, rejected by the kernel) and whether it was flat.
struct Answers {
    widths: Vec<usize>,
    cells: Vec<Option<f64>>,
    flat: bool,
}

fn answers(args: &Args<'_>, key: &str) -> Result<Answers, Error> {
    let Value::Array(items) = args.required(key)? else {
        return Err(wrong_type(key, "an array"));
    };
    let cell = |v: &Value| match v {
        Value::Null => None,
        Value::Number(n) => Some(n.as_f64().unwrap_or(f64::NAN)),
        _ => Some(f64::NAN),
    };
    let flat = !matches!(items.first(), Some(Value::Array(_)));
    let mut widths = Vec::with_capacity(items.len());
    let mut cells = Vec::with_capacity(items.len());
    for (r, item) in items.iter().enumerate() {
        match (flat, item) {
            (false, Value::Array(row)) => {
                widths.push(row.len());
                cells.extend(row.iter().map(cell));
            }
            (true, v) if !v.is_array() => {
                widths.push(1);
                cells.push(cell(v));
            }
            _ => {
                return err(
                    ErrorKind::InvalidDocument,
                    pointer(&pointer("", key), r),
                    "rows must be all arrays (a matrix) or all answers (a flat list)",
                )
            }
        }
    }
    Ok(Answers { widths, cells, flat })
}

fn kano_call(input: &Value) -> Result<Value, Error> {
    let args = Args::new(input, &KANO_ARGUMENTS)?;
    let f = answers(&args, "functional")?;
    let d = answers(&args, "dysfunctional")?;
    if f.flat != d.flat && !(f.cells.is_empty() && d.cells.is_empty()) {
        return err(
            ErrorKind::InvalidDocument,
            "/dysfunctional",
            "functional and dysfunctional must both be matrices or both flat lists",
        );
    }
    let (rows, columns) = same_shape(("/functional", &f.widths), ("/dysfunctional", &d.widths))?;
    let names = match args.get("attributes") {
        None => None,
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .enumerate()
                .map(|(k, v)| match v {
                    Value::String(s) => Ok(s.clone()),
                    _ => {
                        err(ErrorKind::InvalidDocument, pointer("/attributes", k), "an attribute name must be a string")
                    }
                })
                .collect::<Result<Vec<String>, Error>>()?,
        ),
        Some(_) => return Err(wrong_type("attributes", "an array of names")),
    };
    let fm = Matrix::new(&f.cells, rows, columns).map_err(|e| e.under("/functional"))?;
    let dm = Matrix::new(&d.cells, rows, columns).map_err(|e| e.under("/dysfunctional"))?;
    to_tree(classify(&fm, &dm, names.as_deref(), f.flat)?)
}

#[cfg(test)]
mod tests;
