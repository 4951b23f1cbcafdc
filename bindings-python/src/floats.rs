//! The optional float columns of the scale metrics (`weights`, `counts`,
//! `weights_sq`, SPEC 10): a float64 numpy array is read in place, any other numeric
//! array is widened, and a sequence is read item by item with the JSON front's rule
//! (anything that is not a number is NaN, which the core refuses at its index).

use std::borrow::Cow;

use numpy::{PyArrayDescrMethods, PyReadonlyArray1, PyUntypedArray, PyUntypedArrayMethods};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};
use servex::metrics::MAX_COUNT;
use servex::ErrorKind;

use crate::convert::capacity_hint;
use crate::errors::{servex_err, to_py};

/// A float column, borrowed when it is a contiguous float64 array.
pub enum FloatColumn<'py> {
    Array(PyReadonlyArray1<'py, f64>),
    Owned(Vec<f64>),
}

impl FloatColumn<'_> {
    pub fn values(&self) -> Cow<'_, [f64]> {
        match self {
            FloatColumn::Array(a) => match a.as_slice() {
                Ok(s) => Cow::Borrowed(s),
                Err(_) => Cow::Owned(a.as_array().iter().copied().collect()),
            },
            FloatColumn::Owned(v) => Cow::Borrowed(v),
        }
    }
}

/// Reads column `name`; `invalid_document` at `/NAME` when it is not a flat sequence.
pub fn float_column<'py>(obj: &Bound<'py, PyAny>, name: &str) -> PyResult<FloatColumn<'py>> {
    let py = obj.py();
    let not_a_column = || {
        servex_err(
            py,
            ErrorKind::InvalidDocument,
            &format!("/{name}"),
            format!("{name} must be a flat sequence of numbers"),
        )
    };
    if let Ok(a) = obj.extract::<PyReadonlyArray1<'py, f64>>() {
        return Ok(FloatColumn::Array(a));
    }
    if let Ok(array) = obj.cast::<PyUntypedArray>() {
        if array.ndim() != 1 {
            return Err(not_a_column());
        }
        let kind = array.dtype().kind();
        if name == "counts" {
            past_max_count(obj)?;
        }
        if matches!(kind, b'i' | b'u' | b'f') {
            let floats = obj.call_method1("astype", ("float64",))?;
            if let Ok(a) = floats.extract::<PyReadonlyArray1<'py, f64>>() {
                return Ok(FloatColumn::Array(a));
            }
        }
    }
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyDict>() {
        return Err(not_a_column());
    }
    let items = obj.try_iter().map_err(|_| not_a_column())?;
    let mut out = Vec::with_capacity(capacity_hint(obj));
    for item in items {
        let item = item?;
        let x = if let Ok(f) = item.cast::<PyFloat>() {
            f.value()
        } else if item.is_instance_of::<PyBool>() {
            f64::NAN
        } else if item.is_instance_of::<PyInt>() {
            if name == "counts" && item.extract::<u64>().is_ok_and(|u| u > MAX_COUNT) {
                return Err(count_past_max(py, out.len(), &item.to_string()));
            }
            item.extract::<f64>().unwrap_or(f64::INFINITY)
        } else if item.hasattr("dtype")? && !item.get_type().name().is_ok_and(|n| n == "bool" || n == "bool_") {
            // A numpy scalar.
            item.extract::<f64>().unwrap_or(f64::NAN)
        } else {
            f64::NAN
        };
        out.push(x);
    }
    Ok(FloatColumn::Owned(out))
}

/// An integer count past 2^53 would round to one as a double (2^53 + 1 to 2^53):
/// refused at its index, as the JSON front refuses it.
fn past_max_count(obj: &Bound<'_, PyAny>) -> PyResult<()> {
    let row = if let Ok(a) = obj.extract::<PyReadonlyArray1<'_, u64>>() {
        a.as_array().iter().position(|&u| u > MAX_COUNT).map(|i| (i, a.as_array()[i].to_string()))
    } else if let Ok(a) = obj.extract::<PyReadonlyArray1<'_, i64>>() {
        a.as_array().iter().position(|&i| i.unsigned_abs() > MAX_COUNT).map(|i| (i, a.as_array()[i].to_string()))
    } else {
        None
    };
    match row {
        Some((i, value)) => Err(count_past_max(obj.py(), i, &value)),
        None => Ok(()),
    }
}

fn count_past_max(py: Python<'_>, row: usize, value: &str) -> PyErr {
    to_py(py, &servex::metrics::count_past_max(row, value))
}
