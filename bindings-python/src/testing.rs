//! Hooks for the tests (`tests/test_errors.py`), built only with the `testing` feature
//! (as `scripts/test-python` builds): a release wheel holds none of them.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use pyo3::prelude::*;
use servex::Error;

use crate::errors::run_detached;

/// Sets the hooks on the native module, outside its `__all__`, which stays the
/// release's (the one `_servex.pyi` describes).
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.setattr("panic_for_tests", wrap_pyfunction!(panic_for_tests, m)?)?;
    m.setattr("wait_detached_for_tests", wrap_pyfunction!(wait_detached_for_tests, m)?)?;
    m.setattr("signal_for_tests", wrap_pyfunction!(signal_for_tests, m)?)
}

/// Panics inside [`run_detached`], so that the tests can see what a user would get.
#[pyfunction]
fn panic_for_tests(py: Python<'_>) -> PyResult<()> {
    run_detached(py, || -> Result<(), Error> { panic!("deliberate panic for the tests") })
}

/// Set by [`signal_for_tests`], awaited by [`wait_detached_for_tests`].
static SIGNALLED: AtomicBool = AtomicBool::new(false);

/// Waits inside [`run_detached`] (which every call of the binding runs its work in)
/// until another Python thread calls [`signal_for_tests`], for at most a minute.
/// That thread runs Python code, so it can only do so while the GIL is released:
/// `True` proves the release without timing anything, `False` (after the minute) that
/// the GIL was held.
#[pyfunction]
fn wait_detached_for_tests(py: Python<'_>) -> PyResult<bool> {
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
fn signal_for_tests() {
    SIGNALLED.store(true, Ordering::SeqCst);
}
