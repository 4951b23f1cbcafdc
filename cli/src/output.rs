//! What the command line prints and the exit status that goes with it.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use serde::Serialize;
use serde_json::json;

/// Why a command did not produce a result.
pub enum Failure {
    /// servex refused the input: printed as `{"error": {...}}` JSON, exit status 2.
    Servex(servex::Error),
    /// The input could not be read: printed as a sentence, exit status 1.
    Io(String),
}

/// Serialises a result as pretty JSON text.
pub fn pretty(value: &impl Serialize) -> Result<String, Failure> {
    serde_json::to_string_pretty(value).map_err(|e| Failure::Io(format!("cannot write the result as JSON: {e}")))
}

/// Pretty JSON text written straight from a call's typed result (`servex::call_with`),
/// with no JSON tree in between: for 100,000 units that tree is most of the memory.
pub struct Pretty;

impl servex::Output for Pretty {
    type Out = String;
    fn write(result: impl Serialize) -> Result<String, servex::Error> {
        serde_json::to_string_pretty(&result).map_err(|e| {
            servex::Error::new(servex::ErrorKind::InvalidValue, "", format!("cannot write the result as JSON: {e}"))
        })
    }
}

/// Prints the result on stdout; exit status 0.
pub fn print_stdout(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`servex ... | head`): nothing is wrong with the result.
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln_safe(&format!("servex: cannot write to standard output: {e}"));
            ExitCode::from(1)
        }
    }
}

/// Prints a failure on stderr and returns its exit status.
pub fn report_failure(failure: &Failure) -> ExitCode {
    match failure {
        Failure::Servex(error) => {
            let text = json!({ "error": error.to_json() });
            // A `Value` always serialises; fall back to the compact form regardless.
            eprintln_safe(&serde_json::to_string_pretty(&text).unwrap_or_else(|_| text.to_string()));
            ExitCode::from(2)
        }
        Failure::Io(message) => {
            eprintln_safe(&format!("servex: {message}"));
            ExitCode::from(1)
        }
    }
}

/// `eprintln!` panics when stderr is closed; a closed stderr is not worth a panic.
fn eprintln_safe(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}
