//! `servex._servex`: the native module under the Python package `servex`.
//!
//! It is deliberately small: the typed facade in `python/servex/` normalises user
//! input (lists, numpy, pandas, polars, pyarrow) and wraps the results; this module
//! converts Python objects to the core's JSON values, runs the core with the GIL
//! released, and raises the facade's exception classes for core errors.

use pyo3::prelude::*;

mod calls;
mod columns;
mod convert;
mod errors;
mod floats;
mod objects;
mod tally;
#[cfg(feature = "testing")]
mod testing;
mod units;

/// The native module; the names it exports are described in `_servex.pyi`.
#[pymodule]
fn _servex(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("KINDS", servex::ErrorKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>())?;
    m.add("MAX_MAGNITUDE", servex::magnitude::MAX)?;
    m.add("SAMPLE_JSON", servex::sample::SAMPLE_JSON)?;
    m.add_function(wrap_pyfunction!(calls::call, m)?)?;
    m.add_function(wrap_pyfunction!(calls::call_json, m)?)?;
    m.add_function(wrap_pyfunction!(calls::defaults, m)?)?;
    m.add_function(wrap_pyfunction!(calls::document, m)?)?;
    m.add_function(wrap_pyfunction!(calls::render, m)?)?;
    m.add_function(wrap_pyfunction!(calls::render_comparison, m)?)?;
    m.add_function(wrap_pyfunction!(calls::render_funnel, m)?)?;
    m.add_function(wrap_pyfunction!(calls::render_units, m)?)?;
    m.add_function(wrap_pyfunction!(calls::render_units_html, m)?)?;
    m.add_function(wrap_pyfunction!(columns::scale_metric, m)?)?;
    m.add_function(wrap_pyfunction!(tally::tally, m)?)?;
    m.add_class::<tally::PyTally>()?;
    m.add_function(wrap_pyfunction!(units::units_long, m)?)?;
    #[cfg(feature = "testing")]
    testing::register(m)?;
    Ok(())
}
