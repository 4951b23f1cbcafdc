//! Reading the JSON input of a command from a file or standard input.
//!
//! Only text is read here; it is parsed by [`servex::json::parse`] so that the nesting
//! limit and the `invalid_json` error are exactly the library's (SPEC 8).

use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::output::Failure;

/// Where a command's JSON comes from.
pub enum Source {
    /// Standard input (`-` on the command line).
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// `-` is standard input; anything else is a file path.
    pub fn from_arg(arg: &Path) -> Source {
        if arg.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(arg.to_path_buf())
        }
    }

    /// How to name the source in a message.
    fn describe(&self) -> String {
        match self {
            Source::Stdin => "standard input".to_string(),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// Reads the whole source as UTF-8 text and parses it as JSON.
pub fn read_json(source: &Source) -> Result<Value, Failure> {
    servex::json::parse(&read_text(source)?).map_err(Failure::Servex)
}

/// Reads the whole source as UTF-8 text (a byte order mark is the JSON reader's to
/// skip, as on every front).
pub fn read_text(source: &Source) -> Result<String, Failure> {
    let bytes = match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
        }
        Source::File(path) => std::fs::read(path),
    }
    .map_err(|e| Failure::Io(format!("cannot read {}: {e}", source.describe())))?;
    String::from_utf8(bytes).map_err(|e| Failure::Io(format!("{} is not UTF-8 text: {e}", source.describe())))
}
