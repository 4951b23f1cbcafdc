//! WebAssembly bindings of [`servex`]: the npm package `servex`.
//!
//! The boundary is JSON text both ways, so that no JavaScript value, however
//! hostile (cyclic, deep, huge, with throwing getters), is ever walked by Rust:
//! the package's JavaScript facade turns the caller's object into JSON text
//! (`JSON.stringify`), [`call`] parses it with the core's depth-limited parser,
//! runs [`servex::call`] and answers with an envelope, `{"ok": result}` or
//! `{"error": {kind, message, path}}`, which the facade turns into a plain
//! object or a thrown `ServexError`. Nothing here panics on user input.
//!
//! The one exception to text at the boundary is the fast path of the scale metrics ([`column_u8`],
//! [`column_f64`]): a typed array of responses and typed integer group labels are
//! copied into the module's memory as they are (typed arrays cannot be hostile), and
//! only the other keyword arguments come as JSON text.
//!
//! The facade holds no rule of its own: the error kinds, the reading of a non-finite
//! number and the indicator limit come from the core through [`error_kinds`],
//! [`non_finite`] and [`check_indicator_count`]. The `testing` feature adds the hooks
//! the package's tests need; release builds leave it off.

mod boundary;
mod columns;
mod convert;
mod exports;
#[cfg(feature = "testing")]
mod testing;

pub use boundary::{check_indicator_count, error_kinds, non_finite, not_unicode};
pub use columns::run_column;
pub use convert::run;
pub use exports::{call, column_f64, column_u8, version};
