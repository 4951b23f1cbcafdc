//! CSV files, read record by record as bytes (`csv::ByteRecord`: no UTF-8 check of the
//! columns that are not used), with a header row naming the columns.
//!
//! A field is a number when it is written as JSON writes one (`7`, `-0.5`, `1e3`; not
//! `+7`, `.5`, `007` or `NaN`): the number the JSON document would hold. An empty field
//! is a missing value; any other text is text.

use std::fs::File;
use std::path::Path;

use csv::{ByteRecord, ReaderBuilder};
use servex::{Error, ErrorKind};

use super::keys::Part;
use super::{Columns, Sink, BATCH};
use crate::output::Failure;

/// The number a field holds when it is written as a JSON number.
pub fn number(field: &[u8]) -> Option<f64> {
    // Small whole numbers, most answers, without the general parser.
    match field {
        [d @ b'0'..=b'9'] => return Some(f64::from(d - b'0')),
        [a @ b'1'..=b'9', b @ b'0'..=b'9'] => return Some(f64::from((a - b'0') * 10 + (b - b'0'))),
        _ => {}
    }
    if !json_number(field) {
        return None;
    }
    std::str::from_utf8(field).ok()?.parse().ok()
}

/// Whether `s` follows JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn json_number(s: &[u8]) -> bool {
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let s = s.strip_prefix(b"-").unwrap_or(s);
    let int = match s {
        [b'0', ..] => 1,
        [b'1'..=b'9', ..] => digits(s),
        _ => return false,
    };
    let mut rest = s.get(int..).unwrap_or_default();
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = digits(fraction);
        if n == 0 {
            return false;
        }
        rest = fraction.get(n..).unwrap_or_default();
    }
    if let Some(exponent) = rest.strip_prefix(b"e").or_else(|| rest.strip_prefix(b"E")) {
        let exponent = exponent.strip_prefix(b"+").or_else(|| exponent.strip_prefix(b"-")).unwrap_or(exponent);
        let n = digits(exponent);
        if n == 0 {
            return false;
        }
        rest = exponent.get(n..).unwrap_or_default();
    }
    rest.is_empty()
}

/// A numeric field: its number, or NaN (which the tally refuses at its row) for an
/// empty field or text.
fn value(field: &[u8]) -> f64 {
    number(field).unwrap_or(f64::NAN)
}

/// Opens `path` as CSV: the reader and the names of its columns.
pub fn open(path: &Path) -> Result<(csv::Reader<File>, Vec<String>), Failure> {
    let file = File::open(path).map_err(|e| Failure::Io(format!("cannot read {}: {e}", path.display())))?;
    let mut reader = ReaderBuilder::new().buffer_capacity(1 << 20).from_reader(file);
    let header = reader.byte_headers().map_err(|e| csv_failure(path, e))?;
    let names = header.iter().map(|h| String::from_utf8_lossy(h).into_owned()).collect();
    Ok((reader, names))
}

/// A CSV reader's error: unreadable bytes are exit status 1, a malformed file
/// `invalid_document`.
pub fn csv_failure(path: &Path, e: csv::Error) -> Failure {
    match e.kind() {
        csv::ErrorKind::Io(_) => Failure::Io(format!("cannot read {}: {e}", path.display())),
        _ => Failure::Servex(Error::new(
            ErrorKind::InvalidDocument,
            "",
            format!("{} is not valid CSV: {e}", path.display()),
        )),
    }
}

/// Streams the file's rows into `sink`, `BATCH` rows at a time.
pub fn read(path: &Path, columns: &Columns, sink: &mut Sink) -> Result<(), Failure> {
    let (mut reader, names) = open(path)?;
    let at = columns.indexes(&names).map_err(Failure::Servex)?;
    let mut record = ByteRecord::new();
    let mut batch = Batch::default();
    while reader.read_byte_record(&mut record).map_err(|e| csv_failure(path, e))? {
        let field = |i: usize| record.get(i).unwrap_or_default();
        let row = sink.rows() + batch.responses.len() as u64;
        batch.responses.push(value(field(at.response)));
        if let Some(w) = at.weight {
            batch.weights.push(value(field(w)));
        }
        let code = match at.by.as_slice() {
            [] => None,
            [one] => Some(sink.code(&[Part::Field(field(*one))], row)),
            many => Some(sink.code(&many.iter().map(|&i| Part::Field(field(i))).collect::<Vec<_>>(), row)),
        };
        if let Some(code) = code {
            batch.codes.push(code.map_err(Failure::Servex)?);
        }
        if batch.responses.len() == BATCH {
            batch.flush(sink, at.weight.is_some())?;
        }
    }
    batch.flush(sink, at.weight.is_some())
}

/// The columns of the rows read since the last push.
#[derive(Default)]
struct Batch {
    responses: Vec<f64>,
    codes: Vec<u32>,
    weights: Vec<f64>,
}

impl Batch {
    fn flush(&mut self, sink: &mut Sink, weighted: bool) -> Result<(), Failure> {
        if !self.responses.is_empty() {
            let weights = weighted.then_some(self.weights.as_slice());
            sink.push(&self.responses, &self.codes, weights).map_err(Failure::Servex)?;
        }
        self.responses.clear();
        self.codes.clear();
        self.weights.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_json_writes_them() {
        for (text, x) in
            [("0", 0.0), ("7", 7.0), ("10", 10.0), ("-3", -3.0), ("2.50", 2.5), ("1e3", 1000.0), ("-0", -0.0)]
        {
            assert_eq!(number(text.as_bytes()), Some(x), "{text}");
        }
        for text in ["", "+7", ".5", "5.", "007", "NaN", "inf", "1e", " 7", "7 ", "abc", "1,5", "0x10"] {
            assert_eq!(number(text.as_bytes()), None, "{text}");
        }
    }
}
