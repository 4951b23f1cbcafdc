//! Parquet files, read batch by batch through Arrow (only the columns used). Columns
//! are typed: answers and weights are numbers (a null is a missing value), group keys
//! text or integers (text is read as a dictionary, so each distinct key is looked up
//! once per batch, not once per row).

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::RecordBatch;
use arrow_array::{Array, ArrowPrimitiveType, PrimitiveArray};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::arrow_reader::{ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReaderBuilder};
use parquet::arrow::ProjectionMask;
use parquet::errors::ParquetError;
use servex::metrics::Response;
use servex::{Error, ErrorKind};

use super::keys::Part;
use super::{Columns, Indexes, Sink, BATCH};
use crate::output::Failure;

/// Calls `$body` with `$a` bound to the numeric array inside `$array`, whatever its
/// width; `$other` for any other type.
macro_rules! with_numbers {
    ($array:expr, |$a:ident| $body:expr, $other:expr) => {
        match $array.data_type() {
            DataType::Int8 => {
                let $a = $array.as_primitive::<Int8Type>();
                $body
            }
            DataType::Int16 => {
                let $a = $array.as_primitive::<Int16Type>();
                $body
            }
            DataType::Int32 => {
                let $a = $array.as_primitive::<Int32Type>();
                $body
            }
            DataType::Int64 => {
                let $a = $array.as_primitive::<Int64Type>();
                $body
            }
            DataType::UInt8 => {
                let $a = $array.as_primitive::<UInt8Type>();
                $body
            }
            DataType::UInt16 => {
                let $a = $array.as_primitive::<UInt16Type>();
                $body
            }
            DataType::UInt32 => {
                let $a = $array.as_primitive::<UInt32Type>();
                $body
            }
            DataType::UInt64 => {
                let $a = $array.as_primitive::<UInt64Type>();
                $body
            }
            DataType::Float32 => {
                let $a = $array.as_primitive::<Float32Type>();
                $body
            }
            DataType::Float64 => {
                let $a = $array.as_primitive::<Float64Type>();
                $body
            }
            _ => $other,
        }
    };
}
pub(super) use with_numbers;

/// A file's batches, row group after row group.
pub type Batches = Box<dyn Iterator<Item = Result<RecordBatch, ParquetError>>>;

/// Opens `path` reading only the columns `wanted` (by name), text read as
/// dictionaries: its batches, and all the file's columns. Each row group is read on
/// its own: a batch that spans two row groups (two dictionaries) makes the Arrow reader
/// hash every value again to merge them, which took three times as long.
pub fn open(path: &Path, wanted: &[&str]) -> Result<(Batches, SchemaRef), Failure> {
    let file = File::open(path).map_err(|e| Failure::Io(format!("cannot read {}: {e}", path.display())))?;
    let not_parquet = |e: ParquetError| {
        let message = format!("{} is not a Parquet file that can be read: {e}", path.display());
        Failure::Servex(Error::new(ErrorKind::InvalidDocument, "", message))
    };
    let schema = ArrowReaderMetadata::load(&file, ArrowReaderOptions::new()).map_err(not_parquet)?.schema().clone();
    let fields: Vec<Field> = schema
        .fields()
        .iter()
        .map(|f| match f.data_type() {
            DataType::Utf8 | DataType::LargeUtf8 if wanted.contains(&f.name().as_str()) => {
                let dictionary = DataType::Dictionary(Box::new(DataType::Int32), Box::new(f.data_type().clone()));
                f.as_ref().clone().with_data_type(dictionary)
            }
            _ => f.as_ref().clone(),
        })
        .collect();
    let options =
        ArrowReaderOptions::new().with_schema(Arc::new(Schema::new_with_metadata(fields, schema.metadata().clone())));
    let metadata = ArrowReaderMetadata::load(&file, options).map_err(not_parquet)?;
    let roots = schema.fields().iter().enumerate().filter(|(_, f)| wanted.contains(&f.name().as_str())).map(|(i, _)| i);
    let mask = ProjectionMask::roots(metadata.parquet_schema(), roots);
    let row_groups = metadata.metadata().num_row_groups();
    let batches = (0..row_groups).flat_map(move |group| -> Batches {
        let reader = file.try_clone().map_err(ParquetError::from).and_then(|file| {
            ParquetRecordBatchReaderBuilder::new_with_metadata(file, metadata.clone())
                .with_projection(mask.clone())
                .with_row_groups(vec![group])
                .with_batch_size(BATCH)
                .build()
        });
        match reader {
            Ok(reader) => Box::new(reader.map(|batch| batch.map_err(ParquetError::from))),
            Err(e) => Box::new(std::iter::once(Err(e))),
        }
    });
    Ok((Box::new(batches), schema))
}

/// A Parquet reader's error: `invalid_document` (the file is damaged).
pub fn parquet_failure(path: &Path, e: impl std::fmt::Display) -> Failure {
    let message = format!("{} cannot be read as Parquet: {e}", path.display());
    Failure::Servex(Error::new(ErrorKind::InvalidDocument, "", message))
}

/// Streams the file's rows into `sink`, a batch at a time.
pub fn read(path: &Path, columns: &Columns, sink: &mut Sink) -> Result<(), Failure> {
    let mut wanted: Vec<&str> = vec![&columns.response];
    wanted.extend(columns.by.iter().map(String::as_str));
    wanted.extend(columns.weight.as_deref());
    let (reader, schema) = open(path, &wanted)?;
    let names: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
    let at = columns.indexes(&names).map_err(Failure::Servex)?;
    check_types(&schema, columns, &at).map_err(Failure::Servex)?;
    for batch in reader {
        let batch = batch.map_err(|e| parquet_failure(path, e))?;
        let column = |name: &str| batch.column_by_name(name).cloned();
        let (Some(responses), Some(keys), weights) = (
            column(&columns.response),
            columns.by.iter().map(|c| column(c)).collect::<Option<Vec<_>>>(),
            columns.weight.as_deref().map(column),
        ) else {
            return Err(parquet_failure(path, "a column is missing from a batch"));
        };
        let weights = match weights {
            Some(Some(w)) => Some(numbers(&w, "/weights", columns.weight.as_deref().unwrap_or_default())?),
            Some(None) => return Err(parquet_failure(path, "a column is missing from a batch")),
            None => None,
        };
        let keys: Vec<&dyn Array> = keys.iter().map(|k| k.as_ref()).collect();
        let codes = codes(sink, &keys, &columns.by, batch.num_rows()).map_err(Failure::Servex)?;
        let pushed = with_numbers!(
            responses,
            |a| push(sink, a, &codes, weights.as_deref()),
            return Err(Failure::Servex(not_numbers("/responses", &columns.response, responses.data_type())))
        );
        pushed.map_err(Failure::Servex)?;
    }
    Ok(())
}

/// Refuses columns of types the reader does not take, before any row is read.
fn check_types(schema: &Schema, columns: &Columns, at: &Indexes) -> Result<(), Error> {
    let data_type = |i: usize| schema.fields().get(i).map(|f| f.data_type());
    let numeric = |t: &DataType| {
        matches!(
            t,
            DataType::Int8
                | DataType::Int16
                | DataType::Int32
                | DataType::Int64
                | DataType::UInt8
                | DataType::UInt16
                | DataType::UInt32
                | DataType::UInt64
                | DataType::Float32
                | DataType::Float64
        )
    };
    let text = |t: &DataType| matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View);
    let key = |t: &DataType| match t {
        DataType::Dictionary(_, values) => text(values),
        t => text(t) || (numeric(t) && !matches!(t, DataType::Float32 | DataType::Float64)),
    };
    if let Some(t) = data_type(at.response).filter(|t| !numeric(t)) {
        return Err(not_numbers("/responses", &columns.response, t));
    }
    if let (Some(t), Some(name)) = (at.weight.and_then(data_type).filter(|t| !numeric(t)), &columns.weight) {
        return Err(not_numbers("/weights", name, t));
    }
    match at.by.iter().zip(&columns.by).find_map(|(&i, name)| Some((data_type(i).filter(|t| !key(t))?, name))) {
        Some((t, name)) => Err(not_keys(name, t)),
        None => Ok(()),
    }
}

/// Pushes a batch of answers: read in place when none is null, as doubles with NaN
/// (a missing value, which the tally refuses at its row) otherwise.
fn push<T: ArrowPrimitiveType>(
    sink: &mut Sink,
    answers: &PrimitiveArray<T>,
    codes: &[u32],
    weights: Option<&[f64]>,
) -> Result<(), Error>
where
    T::Native: Response,
{
    if answers.null_count() == 0 {
        sink.push(answers.values(), codes, weights)
    } else {
        let doubles: Vec<f64> = answers.iter().map(|v| v.map_or(f64::NAN, Response::as_f64)).collect();
        sink.push(&doubles, codes, weights)
    }
}

/// A numeric column as doubles, a null as NaN (refused at its row).
fn numbers(array: &dyn Array, at: &str, name: &str) -> Result<Vec<f64>, Failure> {
    with_numbers!(
        array,
        |a| Ok(a.iter().map(|v| v.map_or(f64::NAN, Response::as_f64)).collect()),
        Err(Failure::Servex(not_numbers(at, name, array.data_type())))
    )
}

fn not_numbers(at: &str, name: &str, data_type: &DataType) -> Error {
    let message = format!("column {name:?} holds {data_type}, not numbers (decimals: cast them to doubles)");
    Error::new(ErrorKind::InvalidDocument, at, message)
}

/// The group code of every row of a batch from its key columns.
fn codes(sink: &mut Sink, keys: &[&dyn Array], names: &[String], rows: usize) -> Result<Vec<u32>, Error> {
    let first_row = sink.rows();
    if let [one] = keys {
        if let Some(dictionary) = one.as_any_dictionary_opt() {
            let name = names.first().map_or("", String::as_str);
            return dictionary_codes(sink, *one, dictionary.normalized_keys(), dictionary.values().as_ref(), name);
        }
    }
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let parts: Vec<Vec<Part<'_>>> =
        keys.iter().zip(names).map(|(k, name)| key_parts(*k, name)).collect::<Result<_, _>>()?;
    let mut row_parts: Vec<Part<'_>> = Vec::with_capacity(keys.len());
    (0..rows)
        .map(|i| {
            row_parts.clear();
            row_parts.extend(parts.iter().filter_map(|column| column.get(i).copied()));
            sink.code(&row_parts, first_row + i as u64)
        })
        .collect()
}

/// One dictionary column: each dictionary value is looked up once per batch, when a
/// row first names it.
fn dictionary_codes(
    sink: &mut Sink,
    column: &dyn Array,
    keys: Vec<usize>,
    values: &dyn Array,
    name: &str,
) -> Result<Vec<u32>, Error> {
    let first_row = sink.rows();
    let values = key_parts(values, name)?;
    let mut value_codes: Vec<Option<u32>> = vec![None; values.len()];
    let mut codes = Vec::with_capacity(keys.len());
    let nulls = column.nulls();
    for (i, &key) in keys.iter().enumerate() {
        let row = first_row + i as u64;
        if nulls.is_some_and(|n| n.is_null(i)) {
            return sink.code(&[MISSING], row).map(|_| Vec::new());
        }
        let code = match value_codes.get(key).copied().flatten() {
            Some(code) => code,
            None => {
                let code = sink.code(&[values.get(key).copied().unwrap_or(MISSING)], row)?;
                if let Some(slot) = value_codes.get_mut(key) {
                    *slot = Some(code);
                }
                code
            }
        };
        codes.push(code);
    }
    Ok(codes)
}

const MISSING: Part<'static> = Part::Bad("a group key is missing (null)");

/// A key column's values as parts: text or whole numbers.
fn key_parts<'a>(array: &'a dyn Array, name: &str) -> Result<Vec<Part<'a>>, Error> {
    let text = |v: Option<&'a str>| v.map_or(MISSING, Part::Text);
    let parts = match array.data_type() {
        DataType::Utf8 => array.as_string::<i32>().iter().map(text).collect(),
        DataType::LargeUtf8 => array.as_string::<i64>().iter().map(text).collect(),
        DataType::Utf8View => array.as_string_view().iter().map(text).collect(),
        DataType::Dictionary(_, _) => {
            let Some(dictionary) = array.as_any_dictionary_opt() else { return Err(not_keys(name, array.data_type())) };
            let values = key_parts(dictionary.values().as_ref(), name)?;
            let keys = dictionary.normalized_keys();
            keys.iter()
                .enumerate()
                .map(|(i, &k)| if array.is_null(i) { MISSING } else { values.get(k).copied().unwrap_or(MISSING) })
                .collect()
        }
        DataType::UInt64 => array
            .as_primitive::<UInt64Type>()
            .iter()
            .map(|v| match v.map(i64::try_from) {
                None => MISSING,
                Some(Ok(i)) => Part::Int(i),
                Some(Err(_)) => Part::Bad("a group key is past 2^63 - 1"),
            })
            .collect(),
        DataType::Float16 | DataType::Float32 | DataType::Float64 => return Err(not_keys(name, array.data_type())),
        _ => with_numbers!(
            array,
            |a| a.iter().map(|v| v.and_then(|x| x.to_integer()).map_or(MISSING, Part::Int)).collect(),
            return Err(not_keys(name, array.data_type()))
        ),
    };
    Ok(parts)
}

fn not_keys(name: &str, data_type: &DataType) -> Error {
    let message = format!("column {name:?} holds {data_type}: group by a column of text or whole numbers");
    Error::new(ErrorKind::InvalidDocument, "/groups", message)
}
