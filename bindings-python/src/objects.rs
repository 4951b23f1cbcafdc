//! Typed results straight into Python objects (dict, list, str, int, float, bool,
//! None), the same data their JSON form holds, with no JSON tree between: a serde
//! serializer writing Python objects, and the core's [`Output`] built on it.
//!
//! Object keys are shared: a grouped result or a report repeats the same few keys in
//! every entry, and one Python string per distinct key saves creating, hashing and
//! freeing one per member.

use std::fmt;

use foldhash::{HashMap, HashMapExt};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Serialize};
use servex::{Error, Output};

/// Distinct keys kept at most; a result keyed by its data (ids) would make more.
const MAX_SHARED_KEYS: usize = 512;

/// Writes results as Python objects, under the GIL (taken again for the writing when
/// the work ran without it).
pub struct PyObjects;

/// A result written by [`PyObjects`] (a Python error only when Python itself fails,
/// e.g. out of memory).
pub type Written = PyResult<Py<PyAny>>;

impl Output for PyObjects {
    type Out = Written;

    fn write(result: impl Serialize) -> Result<Written, Error> {
        Ok(Python::attach(|py| to_object(py, &result).map(Bound::unbind)))
    }
}

/// A result as Python objects.
pub fn to_object<'py>(py: Python<'py>, result: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let mut keys = HashMap::new();
    result.serialize(Writer { py, keys: &mut keys, key: false }).map_err(|e| e.0)
}

/// A Python error carried through serde.
#[derive(Debug)]
pub struct WriteError(PyErr);

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        WriteError(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for WriteError {
    fn from(e: PyErr) -> Self {
        WriteError(e)
    }
}

type Keys<'py> = HashMap<Box<str>, Bound<'py, PyString>>;

/// Writes one value; `key` when the value is an object key (then a string is shared).
struct Writer<'a, 'py> {
    py: Python<'py>,
    keys: &'a mut Keys<'py>,
    key: bool,
}

impl<'py> Writer<'_, 'py> {
    fn nested(&mut self, key: bool) -> Writer<'_, 'py> {
        Writer { py: self.py, keys: self.keys, key }
    }

    fn key(&mut self, name: &str) -> Bound<'py, PyString> {
        if let Some(k) = self.keys.get(name) {
            return k.clone();
        }
        let k = PyString::new(self.py, name);
        if self.keys.len() < MAX_SHARED_KEYS {
            self.keys.insert(name.into(), k.clone());
        }
        k
    }

    /// A number or a character; as a key, its text (JSON keys are strings).
    fn object(self, value: impl IntoPyObject<'py> + fmt::Display) -> Result<Bound<'py, PyAny>, WriteError> {
        if self.key {
            return Ok(PyString::new(self.py, &value.to_string()).into_any());
        }
        Ok(value.into_bound_py_any(self.py)?)
    }

    /// `{variant: value}`, as serde_json writes a variant with data.
    fn variant(self, variant: &str, value: Bound<'py, PyAny>) -> Result<Bound<'py, PyAny>, WriteError> {
        let dict = PyDict::new(self.py);
        dict.set_item(variant, value)?;
        Ok(dict.into_any())
    }
}

impl<'a, 'py> ser::Serializer for Writer<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Map<'a, 'py>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, WriteError> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok, WriteError> {
        self.object(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok, WriteError> {
        self.object(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok, WriteError> {
        self.object(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok, WriteError> {
        self.object(v)
    }
    fn serialize_i128(self, v: i128) -> Result<Self::Ok, WriteError> {
        self.object(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok, WriteError> {
        self.object(v)
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok, WriteError> {
        self.object(v)
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok, WriteError> {
        self.object(v)
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok, WriteError> {
        self.object(v)
    }
    fn serialize_u128(self, v: u128) -> Result<Self::Ok, WriteError> {
        self.object(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok, WriteError> {
        self.serialize_f64(f64::from(v))
    }
    /// A non-finite number is `None`, as it is `null` in the JSON form.
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, WriteError> {
        if v.is_finite() {
            self.object(v)
        } else {
            self.serialize_unit()
        }
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok, WriteError> {
        self.object(v)
    }
    fn serialize_str(mut self, v: &str) -> Result<Self::Ok, WriteError> {
        if self.key {
            return Ok(self.key(v).into_any());
        }
        Ok(PyString::new(self.py, v).into_any())
    }
    /// Bytes are a list of numbers, as in the JSON form.
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, WriteError> {
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok, WriteError> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, WriteError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok, WriteError> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, WriteError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, WriteError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, WriteError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok, WriteError> {
        let inner = value.serialize(self.nested(false))?;
        self.variant(variant, inner)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Seq<'a, 'py>, WriteError> {
        Ok(Seq { list: PyList::empty(self.py), writer: self, variant: None })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'a, 'py>, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Seq<'a, 'py>, WriteError> {
        Ok(Seq { list: PyList::empty(self.py), writer: self, variant: Some(variant) })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>, WriteError> {
        Ok(Map { dict: PyDict::new(self.py), writer: self, key: None, variant: None })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Map<'a, 'py>, WriteError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Map<'a, 'py>, WriteError> {
        Ok(Map { dict: PyDict::new(self.py), writer: self, key: None, variant: Some(variant) })
    }
}

/// A list being written (a sequence, a tuple, or a tuple variant's data).
struct Seq<'a, 'py> {
    list: Bound<'py, PyList>,
    writer: Writer<'a, 'py>,
    variant: Option<&'static str>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        let item = value.serialize(self.writer.nested(false))?;
        Ok(self.list.append(item)?)
    }

    fn finish(self) -> Result<Bound<'py, PyAny>, WriteError> {
        match self.variant {
            Some(variant) => self.writer.variant(variant, self.list.into_any()),
            None => Ok(self.list.into_any()),
        }
    }
}

macro_rules! seq_impls {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<'py> ser::$trait for Seq<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = WriteError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
                self.push(value)
            }
            fn end(self) -> Result<Bound<'py, PyAny>, WriteError> {
                self.finish()
            }
        }
    )*};
}
seq_impls!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// A dict being written (a map, a struct, or a struct variant's data).
struct Map<'a, 'py> {
    dict: Bound<'py, PyDict>,
    writer: Writer<'a, 'py>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Map<'_, 'py> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), WriteError> {
        let key = self.writer.key(key);
        let value = value.serialize(self.writer.nested(false))?;
        Ok(self.dict.set_item(key, value)?)
    }

    fn finish(self) -> Result<Bound<'py, PyAny>, WriteError> {
        match self.variant {
            Some(variant) => self.writer.variant(variant, self.dict.into_any()),
            None => Ok(self.dict.into_any()),
        }
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), WriteError> {
        self.key = Some(key.serialize(self.writer.nested(true))?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        let value = value.serialize(self.writer.nested(false))?;
        match self.key.take() {
            Some(key) => Ok(self.dict.set_item(key, value)?),
            None => Err(ser::Error::custom("a map value was written before its key")),
        }
    }
    fn end(self) -> Result<Bound<'py, PyAny>, WriteError> {
        self.finish()
    }
}

macro_rules! struct_impls {
    ($($trait:ident),*) => {$(
        impl<'py> ser::$trait for Map<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = WriteError;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), WriteError> {
                self.field(key, value)
            }
            fn end(self) -> Result<Bound<'py, PyAny>, WriteError> {
                self.finish()
            }
        }
    )*};
}
struct_impls!(SerializeStruct, SerializeStructVariant);
