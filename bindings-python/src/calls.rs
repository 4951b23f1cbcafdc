//! The JSON contract (`servex::call`) from Python objects or JSON text.

use pyo3::prelude::*;
use serde_json::Value;

use crate::convert::Walker;
use crate::errors::{run_detached, to_py};
use crate::objects::{to_object, PyObjects};

/// Reads the input of call `name`: a document for `score`, keyword arguments else.
fn read_input(name: &str, input: &Bound<'_, PyAny>) -> PyResult<Value> {
    let mut walker = if name == "score" { Walker::document() } else { Walker::new(name) };
    walker.value(input, 1)
}

/// Runs call `name` (score, catalogue, nps, csat, ces, servqual, kano) on Python data
/// and returns the result as plain Python data; the GIL is released while the core works.
#[pyfunction]
pub fn call<'py>(py: Python<'py>, name: &str, input: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let value = read_input(name, input)?;
    let name = name.to_owned();
    let result = run_detached(py, move || servex::call_with::<PyObjects>(&name, &value))?;
    Ok(result?.into_bound(py))
}

/// The defaults of metric `name`'s options, as the core runs it when they are left
/// out (`None` for a call that is not a metric): what the facade's signatures show.
#[pyfunction]
pub fn defaults<'py>(py: Python<'py>, name: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
    servex::boundary::defaults(name).map(|d| to_object(py, &d)).transpose()
}

/// Runs call `name` on JSON text (`invalid_json` if it is not JSON).
#[pyfunction]
pub fn call_json<'py>(py: Python<'py>, name: &str, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let (name, text) = (name.to_owned(), text.to_owned());
    let result = run_detached(py, move || servex::call_with::<PyObjects>(&name, &servex::json::parse(&text)?))?;
    Ok(result?.into_bound(py))
}

/// Checks a scorecard document (a dict, or JSON text when `input` is a str) and returns
/// it as the core reads it back: every field the user wrote, nothing added.
#[pyfunction]
pub fn document<'py>(py: Python<'py>, input: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let parsed = match input.extract::<String>() {
        Ok(text) => servex::json::parse(&text).map_err(|e| to_py(py, &e))?,
        Err(_) => Walker::document().value(input, 1)?,
    };
    let card = run_detached(py, move || servex::Scorecard::from_json(&parsed))?;
    to_object(py, &card)
}

/// Renders a report (a dict as `call("score")` returns it) to the HTML page, or to one
/// SVG chart when `chart` names one; `document` (a dict or JSON text) feeds the trend
/// sparklines. The bytes are the core's, the same on every front.
#[pyfunction]
#[pyo3(signature = (report, document=None, chart=None))]
pub fn render(
    py: Python<'_>,
    report: &Bound<'_, PyAny>,
    document: Option<&Bound<'_, PyAny>>,
    chart: Option<String>,
) -> PyResult<String> {
    let report = Walker::new("render").value(report, 1)?;
    let document = match document {
        None => None,
        Some(doc) => Some(match doc.extract::<String>() {
            Ok(text) => servex::json::parse(&text).map_err(|e| to_py(py, &e.under("/document")))?,
            Err(_) => Walker::below("render", "document").value(doc, 2)?,
        }),
    };
    run_detached(py, move || servex::render::from_json(&report, document.as_ref(), chart.as_deref()))
}

/// The forest plot (SVG) of a grouped result compared between groups, a dict as the
/// scale metrics return it.
#[pyfunction]
pub fn render_comparison(py: Python<'_>, result: &Bound<'_, PyAny>) -> PyResult<String> {
    let result = Walker::new("render").value(result, 1)?;
    run_detached(py, move || servex::render::comparison(&result))
}

/// The funnel plot (SVG) of a grouped result called with `funnel`, a dict as the scale
/// metrics return it.
#[pyfunction]
pub fn render_funnel(py: Python<'_>, result: &Bound<'_, PyAny>) -> PyResult<String> {
    let result = Walker::new("render").value(result, 1)?;
    run_detached(py, move || servex::render::funnel(&result))
}

/// The units overview (SVG) of a `score_units` result, a dict as it returns it.
#[pyfunction]
pub fn render_units(py: Python<'_>, result: &Bound<'_, PyAny>) -> PyResult<String> {
    let result = Walker::new("render").value(result, 1)?;
    run_detached(py, move || servex::render::units(&result))
}

/// The HTML report of a `score_units` result.
#[pyfunction]
pub fn render_units_html(py: Python<'_>, result: &Bound<'_, PyAny>) -> PyResult<String> {
    let result = Walker::new("render").value(result, 1)?;
    run_detached(py, move || servex::render::units_html(&result))
}
