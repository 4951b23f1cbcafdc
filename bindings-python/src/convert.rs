//! Python objects to the core's JSON values (results come back through `objects`).
//!
//! The walk enforces SPEC 8's nesting limit as it goes (so a self-referencing list
//! ends as `limit_exceeded`, never as a stack overflow) and refuses what JSON cannot
//! hold: keys that are not strings and objects of other types (`invalid_document`),
//! each at the JSON Pointer of the offending member. What a non-finite float means is
//! the core's to say ([`servex::boundary::non_finite`]).

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};
use servex::error::pointer;
use servex::json::{too_deep, MAX_DEPTH};
use servex::scorecard::{too_many_indicators, MAX_INDICATORS};
use servex::ErrorKind;

use crate::errors::{servex_err, to_py};

/// The walker: keeps the path as a stack of tokens, turned into a pointer on error.
pub struct Walker<'c> {
    /// The call whose input is read, which the core asks to read a non-finite float.
    call: &'c str,
    path: Vec<String>,
    document: bool,
}

impl<'c> Walker<'c> {
    /// A walker for the input of `call` (a core call, or what a render function draws).
    pub fn new(call: &'c str) -> Walker<'c> {
        Walker { call, path: Vec::new(), document: false }
    }

    /// A walker for a scorecard document: a list of indicators over SPEC 8's limit is
    /// refused before any of it is converted, so the refusal costs no copy of it.
    pub fn document() -> Walker<'static> {
        Walker { call: "score", path: Vec::new(), document: true }
    }

    /// Starts the walk at `token` below the root of `call`'s input.
    pub fn below(call: &'c str, token: &str) -> Walker<'c> {
        Walker { call, path: vec![token.to_string()], document: false }
    }

    fn here(&self) -> String {
        self.path.iter().fold(String::new(), |p, t| pointer(&p, t))
    }

    /// Converts `obj`, the container at `depth` (the top-level value is depth 1).
    pub fn value(&mut self, obj: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
        let py = obj.py();
        if obj.is_none() {
            return Ok(Value::Null);
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Ok(Value::Bool(b.is_true()));
        }
        if obj.is_instance_of::<PyInt>() {
            if let Ok(i) = obj.extract::<i64>() {
                return Ok(Value::from(i));
            }
            if let Ok(u) = obj.extract::<u64>() {
                return Ok(Value::from(u));
            }
            // Beyond 64 bits: the nearest double, as a JSON parser would read it.
            let x = obj.extract::<f64>().unwrap_or(f64::INFINITY);
            return self.float(py, x);
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            return self.float(py, f.value());
        }
        if let Ok(s) = obj.cast::<PyString>() {
            return match s.to_cow() {
                Ok(text) => Ok(Value::String(text.into_owned())),
                Err(_) => servex::boundary::not_unicode(self.call, &self.here()).map_err(|e| to_py(py, &e)),
            };
        }
        if let Ok(d) = obj.cast::<PyDict>() {
            self.enter(py, depth)?;
            let mut members = Map::with_capacity(d.len());
            for (k, v) in d.iter() {
                let Ok(key) = k.cast::<PyString>() else {
                    let what = k.get_type().name().map(|n| n.to_string()).unwrap_or_default();
                    return Err(servex_err(
                        py,
                        ErrorKind::InvalidDocument,
                        &self.here(),
                        format!("object keys must be strings, not {what}"),
                    ));
                };
                // A key that is no Unicode text is reported at its object.
                let key = self.key(key, &self.here())?;
                self.path.push(key.clone());
                let value = self.value(&v, depth + 1)?;
                self.path.pop();
                members.insert(key, value);
            }
            return Ok(Value::Object(members));
        }
        if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            self.enter(py, depth)?;
            if self.document && depth == 2 && self.path.len() == 1 && self.path[0] == "indicators" {
                let n = obj.len()?;
                if n > MAX_INDICATORS {
                    return Err(to_py(py, &too_many_indicators(n)));
                }
            }
            let mut items = Vec::with_capacity(capacity_hint(obj));
            for (i, item) in obj.try_iter()?.enumerate() {
                self.path.push(i.to_string());
                let value = self.value(&item?, depth + 1)?;
                self.path.pop();
                items.push(value);
            }
            return Ok(Value::Array(items));
        }
        // pandas' missing value, as None is.
        if is_pandas_na(obj) {
            return Ok(Value::Null);
        }
        // numpy arrays and scalars (and anything else that offers it) become plain
        // Python data first.
        if obj.hasattr("tolist")? {
            let plain = obj.call_method0("tolist")?;
            // One step only: what tolist() gives must be plain data. numpy's longdouble
            // gives a new longdouble, a real number read as the nearest double (as its
            // arrays are); anything else that does so is refused below, not followed
            // for ever.
            if !plain.hasattr("tolist")? {
                return self.value(&plain, depth);
            }
            if is_real(&plain) {
                return self.float(py, plain.extract::<f64>()?);
            }
        }
        let what = obj.get_type().name().map(|n| n.to_string()).unwrap_or_default();
        Err(servex_err(
            py,
            ErrorKind::InvalidDocument,
            &self.here(),
            format!("a {what} cannot be read as JSON (use dict, list, str, int, float, bool or None)"),
        ))
    }

    /// A key as text; one with a lone surrogate (which no UTF-8 or JSON text holds) is
    /// `invalid_document` at its object `at`, as the JavaScript front reports it.
    fn key(&self, s: &Bound<'_, PyString>, at: &str) -> PyResult<String> {
        match s.to_cow() {
            Ok(text) => Ok(text.into_owned()),
            Err(_) => {
                Err(servex_err(s.py(), ErrorKind::InvalidDocument, at, "a key with a lone surrogate is not Unicode"))
            }
        }
    }

    fn enter(&self, py: Python<'_>, depth: usize) -> PyResult<()> {
        if depth > MAX_DEPTH {
            return Err(to_py(py, &too_deep()));
        }
        Ok(())
    }

    fn float(&self, py: Python<'_>, x: f64) -> PyResult<Value> {
        match Number::from_f64(x) {
            Some(n) => Ok(Value::Number(n)),
            None => servex::boundary::non_finite(self.call, &self.here(), x).map_err(|e| to_py(py, &e)),
        }
    }
}

/// Whether `obj` is `pandas.NA`, looked up where pandas is already imported (an NA
/// cannot exist before it is).
fn is_pandas_na(obj: &Bound<'_, PyAny>) -> bool {
    let modules = obj.py().import("sys").and_then(|sys| sys.getattr("modules"));
    modules.and_then(|m| m.get_item("pandas")).and_then(|pandas| pandas.getattr("NA")).is_ok_and(|na| obj.is(&na))
}

/// Whether `obj` is a real number by Python's own reckoning (`numbers.Real`, under
/// which numpy files its floating types).
fn is_real(obj: &Bound<'_, PyAny>) -> bool {
    let real = obj.py().import("numbers").and_then(|numbers| numbers.getattr("Real"));
    real.and_then(|real| obj.is_instance(&real)).unwrap_or(false)
}

/// How many items to make room for ahead of reading a sequence: its `len()`, at most
/// a million (a `__len__` may claim more than the sequence yields, and a claim of
/// 10^18 must not become an allocation).
pub fn capacity_hint(seq: &Bound<'_, PyAny>) -> usize {
    seq.len().unwrap_or(0).min(1 << 20)
}
