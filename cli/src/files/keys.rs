//! The group of each row, from the values of its `--by` columns.
//!
//! One column: the group label is the value itself, a whole number or text (a Parquet
//! integer is a number, a Parquet string text; a CSV field is a number when it is
//! written as JSON writes numbers, see [`super::csv::number`]). Several columns: the
//! label is text, the values joined with " / " (whole numbers in decimal). Each
//! distinct key is hashed once per file: its label is registered with the tally
//! builder the first time, and its code looked up by the key's bytes after that.

use foldhash::HashMap;
use servex::metrics::{GroupLabel, TallyBuilder};
use servex::{Error, ErrorKind};

/// What joins the values of several key columns into one label.
pub const SEPARATOR: &str = " / ";

/// One key column's value in one row.
#[derive(Clone, Copy)]
pub enum Part<'a> {
    /// A typed text value (Parquet strings): always text.
    Text(&'a str),
    /// A typed integer (Parquet integers).
    Int(i64),
    /// A CSV field: a number when written as one, text otherwise.
    Field(&'a [u8]),
    /// A null (Parquet) or a Parquet unsigned integer past `i64::MAX`.
    Bad(&'static str),
}

impl Part<'_> {
    /// The value as a group label, or why it is none.
    fn label(self) -> Result<GroupLabel, &'static str> {
        match self {
            Part::Text(s) => Ok(GroupLabel::Str(s.to_string())),
            Part::Int(i) => Ok(GroupLabel::Int(i)),
            Part::Field(bytes) => field_label(bytes),
            Part::Bad(why) => Err(why),
        }
    }

    /// Why the value is no label, for values refused before their key is looked up.
    fn refused(&self) -> Option<&'static str> {
        match self {
            Part::Bad(why) => Some(why),
            _ => None,
        }
    }

    /// Appends the bytes the key is looked up by (one column's parts are all of one
    /// kind), after their length.
    fn append_to(&self, key: &mut Vec<u8>) {
        let bytes = match self {
            Part::Text(s) => s.as_bytes(),
            Part::Int(i) => &i.to_le_bytes(),
            Part::Field(bytes) => bytes,
            Part::Bad(_) => &[],
        };
        key.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        key.extend_from_slice(bytes);
    }
}

/// A CSV field as a group label: a whole number (as JSON writes it: `2`, `2.0`, `2e3`)
/// is that integer, other text is text; empty, a fraction or bytes that are not UTF-8
/// are refused.
fn field_label(bytes: &[u8]) -> Result<GroupLabel, &'static str> {
    if bytes.is_empty() {
        return Err("a group key is empty");
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err("a group key is not UTF-8 text");
    };
    match super::csv::number(bytes) {
        None => Ok(GroupLabel::Str(text.to_string())),
        Some(x) if x.fract() != 0.0 => {
            Err("a group key is a number with a fraction: group labels are text or whole numbers")
        }
        // Whole doubles in [-2^63, 2^63) convert exactly.
        Some(x) if (i64::MIN as f64..-(i64::MIN as f64)).contains(&x) => Ok(GroupLabel::Int(x as i64)),
        Some(_) => Err("a group key is a whole number past 2^63: group labels are text or 64-bit whole numbers"),
    }
}

/// The codes of the keys seen so far.
pub struct Keys {
    columns: usize,
    codes: HashMap<Box<[u8]>, u32>,
    /// With several columns, the values behind each code, to refuse two combinations
    /// that read alike once joined.
    parts: Vec<Vec<GroupLabel>>,
    buffer: Vec<u8>,
}

impl Keys {
    /// The keys of `columns` key columns (at least one).
    pub fn new(columns: usize) -> Keys {
        Keys { columns, codes: HashMap::default(), parts: Vec::new(), buffer: Vec::new() }
    }

    /// The group code of a row whose key columns hold `parts` (one per column).
    ///
    /// # Errors
    /// `invalid_value` at `/groups/ROW` when a value is no label, or when two
    /// combinations of values read alike.
    pub fn code(&mut self, builder: &mut TallyBuilder, parts: &[Part<'_>], row: u64) -> Result<u32, Error> {
        if let Some(why) = parts.iter().find_map(Part::refused) {
            return Err(bad_key(row, why));
        }
        // One text column, the common case, is looked up by its bytes without a copy.
        let key: &[u8] = match parts {
            [Part::Text(s)] => s.as_bytes(),
            [Part::Field(bytes)] => bytes,
            _ => {
                self.buffer.clear();
                for part in parts {
                    part.append_to(&mut self.buffer);
                }
                &self.buffer
            }
        };
        if let Some(&code) = self.codes.get(key) {
            return Ok(code);
        }
        let key: Box<[u8]> = key.into();
        let labels: Vec<GroupLabel> =
            parts.iter().map(|p| p.label()).collect::<Result<_, _>>().map_err(|why| bad_key(row, why))?;
        let label = match labels.as_slice() {
            [one] => one.clone(),
            many => GroupLabel::Str(many.iter().map(label_text).collect::<Vec<_>>().join(SEPARATOR)),
        };
        let code = builder.group(label.clone())?;
        if self.columns > 1 {
            match self.parts.get(code as usize) {
                Some(seen) if *seen != labels => {
                    let message =
                        format!("two combinations of the group columns read {label} once joined with {SEPARATOR:?}");
                    return Err(Error::new(ErrorKind::InvalidValue, format!("/groups/{row}"), message));
                }
                Some(_) => {}
                None => self.parts.push(labels),
            }
        }
        self.codes.insert(key, code);
        Ok(code)
    }
}

/// A label as it reads inside a joined label, and in `--compare-with`.
pub fn label_text(label: &GroupLabel) -> String {
    match label {
        GroupLabel::Int(i) => i.to_string(),
        GroupLabel::Str(s) => s.clone(),
    }
}

fn bad_key(row: u64, why: &str) -> Error {
    Error::new(ErrorKind::InvalidValue, format!("/groups/{row}"), why.to_string())
}
