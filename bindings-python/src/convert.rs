//! Python objects to the core's JSON values (results come back through `objects`).
//!
//! The walk enforces SPEC 8's nesting limit as it goes (so a self-referencing list
//! ends as `limit_exceeded`, never as a stack overflow) and refuses what JSON cannot
//! hold: non-finite floats (`invalid_value`), keys that are not strings and objects of
//! other types (`invalid_document`), each at the JSON Pointer of the offending member.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};
pub use servex::error::pointer;
use servex::json::MAX_DEPTH;
use servex::scorecard::MAX_INDICATORS;
use servex::ErrorKind;

use crate::errors::servex_err;

/// How non-finite floats are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Floats {
    /// NaN and infinities are `invalid_value` at their path.
    Finite,
    /// Inside answer matrices (SERVQUAL, Kano): NaN is "not answered" (null) and an
    /// infinity stays an invalid answer (a marker the core rejects at its path).
    Answers,
}

/// The walker: keeps the path as a stack of tokens, turned into a pointer on error.
pub struct Walker {
    path: Vec<String>,
    floats: Floats,
    document: bool,
}

impl Walker {
    pub fn new(floats: Floats) -> Walker {
        Walker { path: Vec::new(), floats, document: false }
    }

    /// A walker for a scorecard document: a list of indicators over SPEC 8's limit is
    /// refused before any of it is converted, so the refusal costs no copy of it.
    pub fn document() -> Walker {
        Walker { path: Vec::new(), floats: Floats::Finite, document: true }
    }

    /// Starts the walk at `token` below the root (for keyword arguments).
    pub fn below(token: &str, floats: Floats) -> Walker {
        Walker { path: vec![token.to_string()], floats, document: false }
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
            return Ok(Value::String(self.text(s, &self.here())?));
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
                let key = self.text(key, &self.here())?;
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
                    return Err(servex_err(
                        py,
                        ErrorKind::LimitExceeded,
                        "/indicators",
                        format!("a document holds at most {MAX_INDICATORS} indicators, not {n}"),
                    ));
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
        // numpy arrays and scalars (and anything else that offers it) become plain
        // Python data first.
        if obj.hasattr("tolist")? {
            let plain = obj.call_method0("tolist")?;
            if !plain.is(obj) {
                return self.value(&plain, depth);
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

    /// A Python str as text; one with a lone surrogate (which no UTF-8 or JSON text
    /// holds) is `invalid_document` at `at`, as the JavaScript front reports it.
    fn text(&self, s: &Bound<'_, PyString>, at: &str) -> PyResult<String> {
        match s.to_cow() {
            Ok(text) => Ok(text.into_owned()),
            Err(_) => {
                Err(servex_err(s.py(), ErrorKind::InvalidDocument, at, "text with a lone surrogate is not Unicode"))
            }
        }
    }

    fn enter(&self, py: Python<'_>, depth: usize) -> PyResult<()> {
        if depth > MAX_DEPTH {
            return Err(servex_err(
                py,
                ErrorKind::LimitExceeded,
                "",
                format!("the input is nested more than {MAX_DEPTH} deep (or refers to itself)"),
            ));
        }
        Ok(())
    }

    fn float(&self, py: Python<'_>, x: f64) -> PyResult<Value> {
        if let Some(n) = Number::from_f64(x) {
            return Ok(Value::Number(n));
        }
        match self.floats {
            Floats::Answers if x.is_nan() => Ok(Value::Null),
            Floats::Answers => Ok(Value::String(x.to_string())),
            Floats::Finite => Err(servex_err(
                py,
                ErrorKind::InvalidValue,
                &self.here(),
                format!("{x} is not a finite number (use None for a missing value)"),
            )),
        }
    }
}

/// How many items to make room for ahead of reading a sequence: its `len()`, at most
/// a million (a `__len__` may claim more than the sequence yields, and a claim of
/// 10^18 must not become an allocation).
pub fn capacity_hint(seq: &Bound<'_, PyAny>) -> usize {
    seq.len().unwrap_or(0).min(1 << 20)
}
