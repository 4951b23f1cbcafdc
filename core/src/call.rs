//! The whole JSON contract behind one function, shared by the command line, the
//! conformance runner and the Python and JavaScript bindings.

use serde_json::Value;

use crate::error::{Error, ErrorKind};
use crate::framework::{self, Framework};
use crate::output::{AsText, AsValue, Output};
use crate::scorecard::{score, Scorecard};

/// The names [`call`] answers to.
pub const CALLS: [&str; 8] = ["score", "catalogue", "score_units", "nps", "csat", "ces", "servqual", "kano"];

/// Runs one call of the contract on its JSON input (SPEC 9): `score` takes the
/// document, `catalogue` takes `{framework}`, each metric its keyword arguments.
///
/// ```
/// let input = serde_json::json!({"responses": [10, 9, 7, 3]});
/// let nps = servex::call("nps", &input).unwrap();
/// assert_eq!(nps["score"], 25.0);
/// ```
pub fn call(name: &str, input: &Value) -> Result<Value, Error> {
    dispatch::<AsValue>(name, input)
}

/// [`call`] with the result as JSON text, written straight from the typed result (a
/// report is never built as a JSON tree first): what a front whose boundary is text
/// returns. The text is `call(name, input)`'s value written out.
///
/// ```
/// let input = serde_json::json!({"indicators": []});
/// let text = servex::call_text("score", &input).unwrap();
/// assert_eq!(text, servex::call("score", &input).unwrap().to_string());
/// ```
pub fn call_text(name: &str, input: &Value) -> Result<String, Error> {
    dispatch::<AsText>(name, input)
}

/// [`call`] with the result written by `O`: a report or a catalogue straight from the
/// typed result, a metric's from its JSON tree (the scale metrics' typed results go
/// through [`ScaleMetric::run_with`](crate::metrics::ScaleMetric::run_with)). How a front
/// builds its own objects (Python's dicts and lists).
///
/// # Errors
/// As [`call`].
pub fn call_with<O: Output>(name: &str, input: &Value) -> Result<O::Out, Error> {
    dispatch::<O>(name, input)
}

fn dispatch<O: Output>(name: &str, input: &Value) -> Result<O::Out, Error> {
    crate::json::check_depth(input)?;
    match name {
        "score" => O::write_checked(score(&Scorecard::from_json(input)?)?),
        "catalogue" => O::write_checked(catalogue(input)?),
        "score_units" => O::write_checked(crate::units::score_units(input)?),
        _ => O::tree(crate::metrics::call(name, input).unwrap_or_else(|| {
            // Written out rather than joined: `join` alone costs a kilobyte of WebAssembly.
            let mut message = format!("unknown call {name:?}; the calls are ");
            for (i, call) in CALLS.iter().enumerate() {
                message.push_str(if i == 0 { "" } else { ", " });
                message.push_str(call);
            }
            Err(Error::new(ErrorKind::InvalidDocument, "", message))
        })?),
    }
}

/// The framework `{framework}` names (the built-in one by default), defaults filled in.
pub fn catalogue(input: &Value) -> Result<Framework, Error> {
    let choice = match input {
        Value::Null => &Value::Null,
        Value::Object(members) => {
            if let Some(key) = members.keys().find(|k| *k != "framework") {
                return Err(Error::new(
                    ErrorKind::InvalidDocument,
                    crate::error::pointer("", key),
                    "catalogue takes only `framework`",
                ));
            }
            members.get("framework").unwrap_or(&Value::Null)
        }
        _ => return Err(Error::new(ErrorKind::InvalidDocument, "", "catalogue takes an object {framework}")),
    };
    let framework = match choice {
        Value::Null => framework::builtin(framework::BUILTIN_ID).cloned(),
        Value::String(id) => framework::builtin(id).cloned(),
        Value::Object(_) => Some(Framework::from_json(choice).map_err(|e| e.under("/framework"))?),
        _ => return Err(Error::new(ErrorKind::InvalidDocument, "/framework", "a framework id or a framework object")),
    };
    framework.map(|f| f.with_defaults()).ok_or_else(|| {
        let name = serde_json::to_string(choice).unwrap_or_default();
        Error::new(ErrorKind::UnknownFramework, "/framework", format!("no built-in framework is called {name}"))
    })
}
