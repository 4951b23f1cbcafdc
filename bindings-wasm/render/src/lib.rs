//! The report renderer of the npm package `servex` ([`servex::render`]), in a
//! WebAssembly module of its own.
//!
//! Drawing a report is most of what a page never needs (charts, the HTML page, the
//! report read back from JSON): kept out of the main module (`servex-wasm`), it is
//! loaded only by the pages that draw (`initRender()` in the browser, on first use under
//! Node), and the main module stays under its size budget. The boundary is the main
//! module's: JSON text in, an envelope (`{"ok": text}` or `{"error": ...}`) out. The
//! `testing` feature adds the trap hook the package's tests need.

mod convert;
mod exports;

pub use convert::run;
pub use exports::{non_finite, not_unicode, render};
