//! Core errors become the facade's exception classes (`servex/_errors.py`), and a
//! panic becomes `servex.InternalError` instead of escaping as `PanicException`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use servex::{Error, ErrorKind};

/// The Python exception for a core error: `servex._errors.ERRORS[kind](message, kind,
/// path)`, the class of its kind (that table holds one for every kind of the core).
pub fn to_py(py: Python<'_>, e: &Error) -> PyErr {
    let kind = e.kind().as_str();
    let built = py
        .import("servex._errors")
        .and_then(|m| m.getattr("ERRORS"))
        .and_then(|classes| classes.get_item(kind))
        .and_then(|class| class.call1((e.message(), kind, e.path())));
    match built {
        Ok(exception) => PyErr::from_value(exception),
        Err(e) => e,
    }
}

/// A servex error of `kind` at `path`, raised from the binding itself.
pub fn servex_err(py: Python<'_>, kind: ErrorKind, path: &str, message: impl Into<String>) -> PyErr {
    to_py(py, &Error::new(kind, path, message))
}

/// Runs core work with the GIL released; a panic inside becomes `servex.InternalError`.
pub fn run_detached<R, F>(py: Python<'_>, work: F) -> PyResult<R>
where
    F: FnOnce() -> Result<R, Error> + Send,
    R: Send,
{
    let outcome = py.detach(|| catch_unwind(AssertUnwindSafe(work)));
    match outcome {
        Ok(Ok(r)) => Ok(r),
        Ok(Err(e)) => Err(to_py(py, &e)),
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            let message = format!("servex failed internally (a defect, please report it): {what}");
            Err(servex_err(py, ErrorKind::InternalError, "", message))
        }
    }
}
