#![doc = include_str!("../README.md")]

pub mod error;
pub mod json;
pub mod metrics;

pub use error::{Error, ErrorKind};
