//! WebAssembly bindings of [`servex`]: the npm package `servex`.
//!
//! The boundary is JSON text both ways, so that no JavaScript value, however
//! hostile (cyclic, deep, huge, with throwing getters), is ever walked by Rust:
//! the package's JavaScript wrapper turns the caller's object into JSON text
//! (`JSON.stringify`), [`call`] parses it with the core's depth-limited parser,
//! runs [`servex::call`] and answers with an envelope, `{"ok": result}` or
//! `{"error": {kind, message, path}}`, which the wrapper turns into a plain
//! object or a thrown `ServexError`. Nothing here panics on user input.
//!
//! The one exception to text at the boundary is the fast path of the scale metrics ([`column_u8`],
//! [`column_f64`]): a typed array of responses and typed integer group labels are
//! copied into the module's memory as they are (typed arrays cannot be hostile), and
//! only the other keyword arguments come as JSON text.

mod columns;
mod convert;
mod exports;

pub use columns::run_column;
pub use convert::run;
pub use exports::{abort_for_tests, call, column_f64, column_u8, version};
