//! The last guard of SPEC 8's "every number in a result is finite": JSON writers turn
//! NaN and the infinities into `null` without a word, so every result is walked once
//! before it is written, and a number that is not finite fails loudly, naming where in
//! the result it is, instead of reaching the user as a silent `null`. A part of a
//! result built as a `serde_json::Value` already holds `null` for such a number, so it
//! is checked where it is built (the units' summary).
//!
//! The walk runs in debug builds: every Rust test, and the command line that the
//! differential and property tests drive, so that a defect fails a test. Release
//! builds leave it out: it is a second serializer for every result type, 12 KB of the
//! WebAssembly module (measured), for a check the inputs' magnitudes already make
//! pass (SPEC 8).

use std::fmt::{self, Display};

use serde::ser::{self, Serialize};

use crate::error::{Error, ErrorKind};

/// `invalid_value` at `""` when `result` holds a number that is not finite.
pub(crate) fn check(result: &impl Serialize) -> Result<(), Error> {
    if cfg!(debug_assertions) {
        walk(result)
    } else {
        Ok(())
    }
}

fn walk(result: &impl Serialize) -> Result<(), Error> {
    let mut path: Vec<Token> = Vec::new();
    match result.serialize(Walk { path: &mut path }) {
        Err(NotFinite(Some(at))) => {
            let message = format!("the result holds a number that is not finite at /{at}: this is a defect of servex");
            Err(Error::new(ErrorKind::InvalidValue, "", message))
        }
        // Any other failure is the writer's to report.
        _ => Ok(()),
    }
}

/// Where the walk found a number that is not finite ("groups/3/se"); `None` for a
/// failure of the result's own `Serialize`.
#[derive(Debug)]
struct NotFinite(Option<String>);

impl Display for NotFinite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_deref().unwrap_or("a failure of the result's Serialize"))
    }
}

impl std::error::Error for NotFinite {}

impl ser::Error for NotFinite {
    fn custom<T: Display>(_: T) -> NotFinite {
        NotFinite(None)
    }
}

/// One step of the path to where the walk is, kept without allocating: an index, a
/// field name, or a map key (its text buffer handed back and forth, not copied).
enum Token {
    Index(usize),
    Field(&'static str),
    Key(String),
}

/// A serializer that writes nothing: it only looks at every number on its way.
struct Walk<'p> {
    path: &'p mut Vec<Token>,
}

impl Walk<'_> {
    fn number(self, x: f64) -> Result<(), NotFinite> {
        if x.is_finite() {
            return Ok(());
        }
        let tokens: Vec<String> = self
            .path
            .iter()
            .map(|t| match t {
                Token::Index(i) => i.to_string(),
                Token::Field(f) => (*f).to_string(),
                Token::Key(k) => k.clone(),
            })
            .collect();
        Err(NotFinite(Some(tokens.join("/"))))
    }

    /// Walks `value` with `token` on the path, and hands the token back.
    fn below<T: Serialize + ?Sized>(&mut self, token: Token, value: &T) -> Result<Token, NotFinite> {
        self.path.push(token);
        value.serialize(Walk { path: self.path })?;
        Ok(self.path.pop().unwrap_or(Token::Index(0)))
    }
}

/// A container on the walk: the next item's index, or the key of the next value.
struct Container<'p> {
    walk: Walk<'p>,
    next: usize,
    key: String,
}

macro_rules! nothing_to_check {
    ($($name:ident: $t:ty),*) => {
        $(fn $name(self, _: $t) -> Result<(), NotFinite> { Ok(()) })*
    };
}

impl<'p> ser::Serializer for Walk<'p> {
    type Ok = ();
    type Error = NotFinite;
    type SerializeSeq = Container<'p>;
    type SerializeTuple = Container<'p>;
    type SerializeTupleStruct = Container<'p>;
    type SerializeTupleVariant = Container<'p>;
    type SerializeMap = Container<'p>;
    type SerializeStruct = Container<'p>;
    type SerializeStructVariant = Container<'p>;

    nothing_to_check!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
        serialize_char: char, serialize_str: &str, serialize_bytes: &[u8], serialize_unit_struct: &'static str);

    fn serialize_f32(self, v: f32) -> Result<(), NotFinite> {
        self.number(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), NotFinite> {
        self.number(v)
    }
    fn serialize_none(self) -> Result<(), NotFinite> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), NotFinite> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), NotFinite> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), NotFinite> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), NotFinite> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), NotFinite> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Container<'p>, NotFinite> {
        Ok(Container { walk: self, next: 0, key: String::new() })
    }
    fn serialize_tuple(self, _: usize) -> Result<Container<'p>, NotFinite> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Container<'p>, NotFinite> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Container<'p>, NotFinite> {
        self.serialize_seq(None)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Container<'p>, NotFinite> {
        self.serialize_seq(None)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Container<'p>, NotFinite> {
        self.serialize_seq(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Container<'p>, NotFinite> {
        self.serialize_seq(None)
    }
}

impl Container<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotFinite> {
        let index = self.next;
        self.next += 1;
        self.walk.below(Token::Index(index), value).map(drop)
    }
}

macro_rules! items {
    ($($trait:ident: $method:ident),*) => {
        $(impl ser::$trait for Container<'_> {
            type Ok = ();
            type Error = NotFinite;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotFinite> {
                self.item(value)
            }
            fn end(self) -> Result<(), NotFinite> {
                Ok(())
            }
        })*
    };
}

items!(SerializeSeq: serialize_element, SerializeTuple: serialize_element, SerializeTupleStruct: serialize_field,
    SerializeTupleVariant: serialize_field);

impl ser::SerializeMap for Container<'_> {
    type Ok = ();
    type Error = NotFinite;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), NotFinite> {
        // Keys are text (or numbers written as text): kept in one reused buffer.
        self.key.clear();
        key.serialize(KeyText(&mut self.key))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotFinite> {
        let key = std::mem::take(&mut self.key);
        if let Token::Key(buffer) = self.walk.below(Token::Key(key), value)? {
            self.key = buffer;
        }
        Ok(())
    }
    fn end(self) -> Result<(), NotFinite> {
        Ok(())
    }
}

/// Writes a map key's text into a buffer: a string, or an integer's digits.
struct KeyText<'b>(&'b mut String);

macro_rules! key_digits {
    ($($name:ident: $t:ty),*) => {
        $(fn $name(self, v: $t) -> Result<(), NotFinite> {
            use std::fmt::Write;
            // Writing into a String cannot fail.
            let _ = write!(self.0, "{v}");
            Ok(())
        })*
    };
}

impl ser::Serializer for KeyText<'_> {
    type Ok = ();
    type Error = NotFinite;
    type SerializeSeq = ser::Impossible<(), NotFinite>;
    type SerializeTuple = ser::Impossible<(), NotFinite>;
    type SerializeTupleStruct = ser::Impossible<(), NotFinite>;
    type SerializeTupleVariant = ser::Impossible<(), NotFinite>;
    type SerializeMap = ser::Impossible<(), NotFinite>;
    type SerializeStruct = ser::Impossible<(), NotFinite>;
    type SerializeStructVariant = ser::Impossible<(), NotFinite>;

    key_digits!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_f32: f32,
        serialize_f64: f64, serialize_char: char, serialize_str: &str);

    fn serialize_bytes(self, _: &[u8]) -> Result<(), NotFinite> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), NotFinite> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), NotFinite> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), NotFinite> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), NotFinite> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), NotFinite> {
        self.0.push_str(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), NotFinite> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), NotFinite> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotFinite> {
        Err(NotFinite(None))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotFinite> {
        Err(NotFinite(None))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, NotFinite> {
        Err(NotFinite(None))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotFinite> {
        Err(NotFinite(None))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotFinite> {
        Err(NotFinite(None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotFinite> {
        Err(NotFinite(None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotFinite> {
        Err(NotFinite(None))
    }
}

macro_rules! fields {
    ($($trait:ident),*) => {
        $(impl ser::$trait for Container<'_> {
            type Ok = ();
            type Error = NotFinite;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), NotFinite> {
                self.walk.below(Token::Field(key), value).map(drop)
            }
            fn end(self) -> Result<(), NotFinite> {
                Ok(())
            }
        })*
    };
}

fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Group {
        label: &'static str,
        se: Option<f64>,
    }

    #[test]
    fn a_number_that_is_not_finite_is_named_where_it_is() {
        let fine = vec![Group { label: "a", se: Some(1.5) }, Group { label: "b", se: None }];
        assert!(check(&fine).is_ok());
        let bad = serde_json::json!({"groups": [{"se": 1.0}]});
        assert!(check(&bad).is_ok());
        let nan = vec![Group { label: "a", se: Some(1.5) }, Group { label: "b", se: Some(f64::NAN) }];
        let e = check(&nan).expect_err("NaN is no result");
        assert_eq!((e.kind(), e.path()), (ErrorKind::InvalidValue, ""));
        assert!(e.message().contains("at /1/se"), "{}", e.message());
        let mut map = std::collections::BTreeMap::new();
        map.insert("mean", f64::INFINITY);
        assert!(check(&map).expect_err("infinity").message().contains("at /mean"));
    }
}
