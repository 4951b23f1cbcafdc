//! Core errors become the facade's exception classes (`servex/_errors.py`), and a
//! panic becomes `servex.InternalError` instead of escaping as `PanicException`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

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

/// Panics inside [`run_detached`], so that the tests can see what a user would get.
#[pyfunction]
pub fn panic_for_tests(py: Python<'_>) -> PyResult<()> {
    run_detached(py, || -> Result<(), Error> { panic!("deliberate panic for the tests") })
}

/// Set by [`signal_for_tests`], awaited by [`wait_detached_for_tests`].
static SIGNALLED: AtomicBool = AtomicBool::new(false);

/// Waits inside [`run_detached`] (which every call of the binding runs its work in)
/// until another Python thread calls [`signal_for_tests`], for at most a minute.
/// That thread runs Python code, so it can only do so while the GIL is released:
/// `True` proves the release without timing anything, `False` (after the minute) that
/// the GIL was held. Not part of the package's API.
#[pyfunction]
pub fn wait_detached_for_tests(py: Python<'_>) -> PyResult<bool> {
    SIGNALLED.store(false, Ordering::SeqCst);
    run_detached(py, || -> Result<bool, Error> {
        let start = Instant::now();
        while !SIGNALLED.load(Ordering::SeqCst) {
            if start.elapsed() > Duration::from_secs(60) {
                return Ok(false);
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        Ok(true)
    })
}

/// See [`wait_detached_for_tests`].
#[pyfunction]
pub fn signal_for_tests() {
    SIGNALLED.store(true, Ordering::SeqCst);
}
