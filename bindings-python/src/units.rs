//! Units from a long table (`servex::units::score_units_long`): the facade hands each
//! label column as its distinct labels and uint32 codes, and the values as float64
//! with NaN for "not measured", as a data frame's missing value.

use numpy::PyReadonlyArray1;
use pyo3::prelude::*;
use servex::units::{score_units_long, Labelled, LongValues};

use crate::convert::Walker;
use crate::errors::{run_detached, to_py};
use crate::objects::to_object;

/// A label column as the facade passes it: labels, and one code per row.
type Column<'py> = (Vec<String>, PyReadonlyArray1<'py, u32>);

/// Scores the units of a long table on `template` (a scorecard dict or JSON text,
/// read at `/scorecard`); the result is `score_units`'s.
#[pyfunction]
#[pyo3(signature = (template, units, indicators, values, periods=None))]
pub fn units_long<'py>(
    py: Python<'py>,
    template: &Bound<'py, PyAny>,
    units: Column<'py>,
    indicators: Column<'py>,
    values: PyReadonlyArray1<'py, f64>,
    periods: Option<Column<'py>>,
) -> PyResult<Bound<'py, PyAny>> {
    let template = match template.extract::<String>() {
        Ok(text) => servex::json::parse(&text).map_err(|e| to_py(py, &e.under("/scorecard")))?,
        Err(_) => Walker::below("score_units", "scorecard").value(template, 2)?,
    };
    let codes = |c: &PyReadonlyArray1<'py, u32>| c.as_array().to_vec();
    let (unit_labels, unit_codes) = (units.0, codes(&units.1));
    let (indicator_labels, indicator_codes) = (indicators.0, codes(&indicators.1));
    let periods = periods.map(|(labels, c)| (labels, codes(&c)));
    let values: Vec<Option<f64>> = values.as_array().iter().map(|&v| (!v.is_nan()).then_some(v)).collect();
    let result = run_detached(py, move || {
        let rows = LongValues {
            units: Labelled { labels: &unit_labels, codes: &unit_codes },
            indicators: Labelled { labels: &indicator_labels, codes: &indicator_codes },
            periods: periods.as_ref().map(|(labels, codes)| Labelled { labels, codes }),
            values: &values,
        };
        score_units_long(&template, &rows)
    })?;
    to_object(py, &result)
}
