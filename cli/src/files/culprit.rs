//! The value behind an error at a row, and how many rows hold it: another pass over
//! the file, only when an error is reported (the first pass keeps nothing per row).
//! The error's row is the first that holds a bad value, so rows before it are not
//! compared.

use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::Array;
use arrow_schema::DataType;
use csv::ByteRecord;
use servex::metrics::Response;

use super::parquet::with_numbers;
use super::{csv as csv_file, parquet, Format};
use crate::output::Failure;

/// What the message of an error at a row gains.
pub struct Culprit {
    /// `column "score"` or `columns "region", "wave"`.
    pub columns: String,
    /// `3 rows hold -1`.
    pub held: String,
}

/// The values of columns `names` at `row` of the file, and the rows that hold them;
/// `None` when the file has fewer rows.
pub fn find(path: &Path, format: Format, names: &[&str], row: u64) -> Result<Option<Culprit>, Failure> {
    let found = match format {
        Format::Csv => in_csv(path, names, row)?,
        Format::Parquet => in_parquet(path, names, row)?,
    };
    let Some((shown, count)) = found else { return Ok(None) };
    let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
    let columns = match quoted.as_slice() {
        [one] => format!("column {one}"),
        many => format!("columns {}", many.join(", ")),
    };
    let held = if count == 1 { format!("1 row holds {shown}") } else { format!("{count} rows hold {shown}") };
    Ok(Some(Culprit { columns, held }))
}

fn in_csv(path: &Path, names: &[&str], row: u64) -> Result<Option<(String, u64)>, Failure> {
    let (mut reader, header) = csv_file::open(path)?;
    let at: Vec<usize> = names.iter().filter_map(|n| header.iter().position(|h| h == n)).collect();
    let fields = |record: &ByteRecord| -> Vec<Vec<u8>> {
        at.iter().map(|&i| record.get(i).unwrap_or_default().to_vec()).collect()
    };
    let mut record = ByteRecord::new();
    let (mut index, mut target, mut count) = (0u64, None, 0u64);
    while reader.read_byte_record(&mut record).map_err(|e| csv_file::csv_failure(path, e))? {
        if index == row {
            target = Some(fields(&record));
        }
        if target.as_ref().is_some_and(|t| *t == fields(&record)) {
            count += 1;
        }
        index += 1;
    }
    let shown = |field: &Vec<u8>| match (field.is_empty(), csv_file::number(field)) {
        (true, _) => "an empty field".to_string(),
        (false, Some(_)) => String::from_utf8_lossy(field).into_owned(),
        (false, None) => format!("{:?}", String::from_utf8_lossy(field)),
    };
    Ok(target.map(|t| (t.iter().map(shown).collect::<Vec<_>>().join(", "), count)))
}

/// A value of a typed column, borrowed (`S = &str`) or kept (`S = String`).
#[derive(PartialEq)]
enum Held<S> {
    Null,
    Text(S),
    Int(i64),
    UInt(u64),
    /// The bits of a double (or a single widened), so that NaN equals NaN.
    Float(u64),
}

impl Held<&str> {
    fn kept(&self) -> Held<String> {
        match self {
            Held::Null => Held::Null,
            Held::Text(s) => Held::Text((*s).to_string()),
            Held::Int(i) => Held::Int(*i),
            Held::UInt(u) => Held::UInt(*u),
            Held::Float(bits) => Held::Float(*bits),
        }
    }
}

impl Held<String> {
    fn borrowed(&self) -> Held<&str> {
        match self {
            Held::Null => Held::Null,
            Held::Text(s) => Held::Text(s),
            Held::Int(i) => Held::Int(*i),
            Held::UInt(u) => Held::UInt(*u),
            Held::Float(bits) => Held::Float(*bits),
        }
    }

    fn shown(&self) -> String {
        match self {
            Held::Null => "null".to_string(),
            Held::Text(s) => format!("{s:?}"),
            Held::Int(i) => i.to_string(),
            Held::UInt(u) => u.to_string(),
            Held::Float(bits) => f64::from_bits(*bits).to_string(),
        }
    }
}

/// The value at `i` of a column of any type the reader accepts.
fn held(array: &dyn Array, i: usize) -> Held<&str> {
    if array.is_null(i) {
        return Held::Null;
    }
    match array.data_type() {
        DataType::Utf8 => Held::Text(array.as_string::<i32>().value(i)),
        DataType::LargeUtf8 => Held::Text(array.as_string::<i64>().value(i)),
        DataType::Utf8View => Held::Text(array.as_string_view().value(i)),
        DataType::Dictionary(_, _) => match array.as_any_dictionary_opt().map(|d| (d, held(d.keys(), i))) {
            Some((d, Held::Int(k))) => usize::try_from(k).map_or(Held::Null, |k| held(d.values().as_ref(), k)),
            _ => Held::Null,
        },
        DataType::UInt64 => Held::UInt(array.as_primitive::<UInt64Type>().value(i)),
        DataType::Float32 | DataType::Float64 => {
            with_numbers!(array, |a| Held::Float(a.value(i).as_f64().to_bits()), Held::Null)
        }
        _ => with_numbers!(array, |a| a.value(i).to_integer().map_or(Held::Null, Held::Int), Held::Null),
    }
}

fn in_parquet(path: &Path, names: &[&str], row: u64) -> Result<Option<(String, u64)>, Failure> {
    let (reader, _) = parquet::open(path, names)?;
    let (mut start, mut target, mut count) = (0u64, None::<Vec<Held<String>>>, 0u64);
    for batch in reader {
        let batch = batch.map_err(|e| parquet::parquet_failure(path, e))?;
        let columns: Vec<_> = names.iter().filter_map(|n| batch.column_by_name(n)).collect();
        let rows = batch.num_rows() as u64;
        if (start..start + rows).contains(&row) {
            let i = (row - start) as usize;
            target = Some(columns.iter().map(|c| held(c.as_ref(), i).kept()).collect());
        }
        if let Some(t) = &target {
            let from = row.saturating_sub(start) as usize;
            count += (from..batch.num_rows())
                .filter(|&i| columns.iter().zip(t).all(|(c, t)| held(c.as_ref(), i) == t.borrowed()))
                .count() as u64;
        }
        start += rows;
    }
    Ok(target.map(|t| (t.iter().map(Held::shown).collect::<Vec<_>>().join(", "), count)))
}
