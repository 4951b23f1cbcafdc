//! `servex._servex.Tally`: the core's [`Tally`], built from the same columns as the
//! scale metrics, merged with `+`, stored as JSON text (for pickling) and finished
//! into NPS, CSAT or CES with the metrics' options.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use servex::metrics::{GroupLabel, ScaleMetric, Tally};

use crate::columns::{Inputs, Tallying};
use crate::convert::Walker;
use crate::errors::{run_detached, to_py};
use crate::objects::PyObjects;

/// A tally held by Python; immutable (adding two makes a third).
#[pyclass(module = "servex._servex", name = "Tally", frozen)]
pub struct PyTally(Tally);

/// Tallies `responses` (grouped by `groups`, with `labels` when they are codes) with
/// the optional columns of SPEC 10.
#[pyfunction]
#[pyo3(signature = (responses, groups=None, labels=None, weights=None, counts=None, weights_sq=None))]
pub fn tally<'py>(
    py: Python<'py>,
    responses: &Bound<'py, PyAny>,
    groups: Option<&Bound<'py, PyAny>>,
    labels: Option<&Bound<'py, PyAny>>,
    weights: Option<&Bound<'py, PyAny>>,
    counts: Option<&Bound<'py, PyAny>>,
    weights_sq: Option<&Bound<'py, PyAny>>,
) -> PyResult<PyTally> {
    let inputs = Inputs { responses, groups, labels, weights, counts, weights_sq };
    inputs.apply(py, &Tallying).map(PyTally)
}

#[pymethods]
impl PyTally {
    /// Scale metric `name` (nps, csat, ces) from the tally, with its options.
    fn finish<'py>(&self, py: Python<'py>, name: &str, options: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyAny>> {
        let options = Walker::new(name).value(options.as_any(), 1)?;
        let metric = ScaleMetric::from_options(name, &options).map_err(|e| to_py(py, &e))?;
        Ok(run_detached(py, || metric.finish_tally::<PyObjects>(&self.0))??.into_bound(py))
    }

    fn __add__(&self, other: &PyTally) -> PyTally {
        PyTally(self.0.clone() + other.0.clone())
    }

    fn __eq__(&self, other: &PyTally) -> bool {
        self.0 == other.0
    }

    /// Whether the tally is split into groups.
    fn grouped(&self) -> bool {
        self.0.is_grouped()
    }

    /// One `(group, answer, n, weight sum, squared-weight sum)` per group and answer.
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let rows = self.0.rows().map(|(group, answer, cell)| {
            let group = match group {
                Some(GroupLabel::Int(i)) => i.into_pyobject(py)?.into_any(),
                Some(GroupLabel::Str(s)) => s.into_pyobject(py)?.into_any(),
                None => py.None().into_bound(py),
            };
            Ok((group, answer, cell.n, cell.w, cell.q))
        });
        PyList::new(py, rows.collect::<PyResult<Vec<_>>>()?)
    }

    /// The tally as JSON text, read back exactly by `from_json`.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.0.to_json().map_err(|e| to_py(py, &e))
    }

    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<PyTally> {
        Tally::from_json(text).map(PyTally).map_err(|e| to_py(py, &e))
    }
}
