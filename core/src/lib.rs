#![doc = include_str!("../README.md")]

// The modules are layers, each using only those below it: the order is declared and
// checked in `tests/layers.rs`.
pub mod boundary;
mod call;
pub mod error;
pub mod framework;
pub mod json;
pub mod magnitude;
pub mod metrics;
mod output;
pub mod render;
pub mod report;
pub mod sample;
#[cfg(feature = "schema")]
pub mod schema;
pub mod scorecard;
pub mod units;

pub use call::{call, call_text, call_with, catalogue, CALLS};
pub use error::{Error, ErrorKind};
pub use framework::Framework;
pub use output::{AsValue, Output};
pub use report::Report;
pub use scorecard::{score, Indicator, Options, Scorecard};
