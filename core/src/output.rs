//! How a result leaves the core: the [`Output`] a call's result is written by (a JSON
//! tree, JSON text or a front's own objects). Below the metrics, which write their
//! typed results through it, and the calls that pick one.

use serde_json::Value;

use crate::error::Error;

/// What a call's result is turned into: a JSON tree ([`call`](crate::call())), JSON text
/// ([`call_text`](crate::call_text)), or a front's own objects ([`call_with`](crate::call_with)). Every result serialises
/// as its JSON form, and the core hands it over through [`Output::write_checked`], so
/// that in the tests a number that is not finite fails loudly rather than becoming
/// JSON's `null`.
pub trait Output {
    /// The written result.
    type Out;
    /// Writes a typed result.
    ///
    /// # Errors
    /// When the result cannot be written (the JSON writers' `invalid_value`).
    fn write(result: impl serde::Serialize) -> Result<Self::Out, Error>;
    /// A result that is a JSON tree already (the metrics'): written as any result, or
    /// taken as it is by a writer of trees.
    ///
    /// # Errors
    /// As [`Output::write`].
    fn tree(result: Value) -> Result<Self::Out, Error> {
        Self::write(result)
    }
    /// Writes a typed result after SPEC 8's last check, that every number in it is
    /// finite (`invalid_value` naming where one is not; in debug builds, which the
    /// tests run): how the core writes results.
    ///
    /// # Errors
    /// As [`Output::write`].
    fn write_checked(result: impl serde::Serialize) -> Result<Self::Out, Error> {
        crate::json::check_finite(&result)?;
        Self::write(result)
    }
}

/// A JSON tree: what [`call`](crate::call()) returns, for fronts that finish a result themselves
/// ([`ScaleMetric::finish_tally`](crate::metrics::ScaleMetric::finish_tally)) and print it as `call`'s.
pub struct AsValue;

impl Output for AsValue {
    type Out = Value;
    fn write(result: impl serde::Serialize) -> Result<Value, Error> {
        serde_json::to_value(result).map_err(crate::json::unrepresentable)
    }
    fn tree(result: Value) -> Result<Value, Error> {
        Ok(result)
    }
}

/// JSON text: what [`crate::call_text`] returns.
pub(crate) struct AsText;

impl Output for AsText {
    type Out = String;
    fn write(result: impl serde::Serialize) -> Result<String, Error> {
        serde_json::to_string(&result).map_err(crate::json::unrepresentable)
    }
}
