//! `servex nps|csat|ces FILE.csv|FILE.parquet --response COL [--by COL ...] [--weight
//! COL]`: the file is streamed in batches into one [`TallyBuilder`] and finished once,
//! so memory grows with the groups, not the rows, and the result is the one the same
//! columns give in a JSON document, bit for bit.
//!
//! Errors take the paths of that JSON document (`/responses/ROW`, `/groups/ROW`,
//! `/weights/ROW`, rows counted from 0 after the header) and their messages name the
//! column, the value and how many rows hold it ([`culprit`]).

mod csv;
mod culprit;
pub mod keys;
mod parquet;

use std::path::Path;

use servex::metrics::{Codes, Response, RowWeights, Tally, TallyBuilder};
use servex::{Error, ErrorKind};

use crate::output::Failure;
use keys::{Keys, Part};

/// Rows pushed to the tally at a time.
const BATCH: usize = 65_536;

/// The columns a scale metric reads from a file.
pub struct Columns {
    /// The answers.
    pub response: String,
    /// The group key columns (none: ungrouped).
    pub by: Vec<String>,
    /// The design weights.
    pub weight: Option<String>,
}

/// Where the columns are in a file, by index.
struct Indexes {
    response: usize,
    by: Vec<usize>,
    weight: Option<usize>,
}

impl Columns {
    /// Finds the columns among a file's `names`.
    ///
    /// # Errors
    /// `invalid_document` at `/responses`, `/groups` or `/weights` for a column that is
    /// missing or whose name two columns share.
    fn indexes(&self, names: &[String]) -> Result<Indexes, Error> {
        let find = |name: &str, at: &str| -> Result<usize, Error> {
            let mut found = names.iter().enumerate().filter(|(_, n)| *n == name).map(|(i, _)| i);
            match (found.next(), found.next()) {
                (Some(i), None) => Ok(i),
                (Some(_), Some(_)) => {
                    Err(Error::new(ErrorKind::InvalidDocument, at, format!("two columns are named {name:?}")))
                }
                (None, _) => {
                    let message = format!("there is no column {name:?}; the columns are {}", quoted(names));
                    Err(Error::new(ErrorKind::InvalidDocument, at, message))
                }
            }
        };
        Ok(Indexes {
            response: find(&self.response, "/responses")?,
            by: self.by.iter().map(|c| find(c, "/groups")).collect::<Result<_, _>>()?,
            weight: self.weight.as_deref().map(|c| find(c, "/weights")).transpose()?,
        })
    }

    /// The column behind an error's path, by the member it names.
    fn named_by(&self, member: &str) -> Option<Vec<&str>> {
        match member {
            "responses" => Some(vec![self.response.as_str()]),
            "groups" => Some(self.by.iter().map(String::as_str).collect()),
            "weights" => self.weight.as_deref().map(|w| vec![w]),
            _ => None,
        }
    }
}

fn quoted(names: &[String]) -> String {
    names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ")
}

/// The file formats read, by extension.
#[derive(Clone, Copy)]
pub enum Format {
    Csv,
    Parquet,
}

impl Format {
    /// The format of `path` by its extension (`.csv`, `.parquet`, any case); `None`
    /// for anything else, which is read as a JSON document.
    pub fn of(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(Format::Csv),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }
}

/// The tally of `columns` in the file at `path`.
pub fn tally(path: &Path, format: Format, columns: &Columns) -> Result<Tally, Failure> {
    let builder = if columns.by.is_empty() { TallyBuilder::ungrouped() } else { TallyBuilder::grouped() };
    let mut sink = Sink { builder, keys: Keys::new(columns.by.len()), grouped: !columns.by.is_empty() };
    let read = match format {
        Format::Csv => csv::read(path, columns, &mut sink),
        Format::Parquet => parquet::read(path, columns, &mut sink),
    };
    read.map_err(|f| explain(f, path, format, columns))?;
    Ok(sink.builder.finish())
}

/// A failure about a value of the file, its message completed with the column, the
/// value and the number of rows that hold it (another pass over the file).
pub fn explain(failure: Failure, path: &Path, format: Format, columns: &Columns) -> Failure {
    let Failure::Servex(error) = failure else { return failure };
    let mut steps = error.path().split('/').skip(1);
    let (Some(member), Some(Ok(row)), None) = (steps.next(), steps.next().map(str::parse::<u64>), steps.next()) else {
        return Failure::Servex(error);
    };
    let Some(names) = columns.named_by(member) else { return Failure::Servex(error) };
    match culprit::find(path, format, &names, row) {
        Ok(Some(culprit)) => {
            let message = format!("{} ({}, row {row}; {})", error.message(), culprit.columns, culprit.held);
            Failure::Servex(Error::new(error.kind(), error.path(), message))
        }
        Ok(None) => Failure::Servex(error),
        Err(failure) => failure,
    }
}

/// Where a reader puts its rows: the tally being built and the keys seen so far.
pub struct Sink {
    builder: TallyBuilder,
    keys: Keys,
    grouped: bool,
}

impl Sink {
    /// The rows pushed so far.
    fn rows(&self) -> u64 {
        self.builder.rows()
    }

    /// The group code of a row whose key columns hold `parts`.
    fn code(&mut self, parts: &[Part<'_>], row: u64) -> Result<u32, Error> {
        self.keys.code(&mut self.builder, parts, row)
    }

    /// Pushes a batch: the responses, their group codes (empty when ungrouped) and
    /// weights.
    fn push<T: Response>(&mut self, responses: &[T], codes: &[u32], weights: Option<&[f64]>) -> Result<(), Error> {
        let codes = self.grouped.then_some(Codes::U32(codes));
        self.builder.push(responses, codes, RowWeights { weights, ..RowWeights::default() })
    }
}
