//! Typed values read out of a JSON tree, with the JSON Pointer of the first fault.
//!
//! A serde deserializer over `&Value` that knows where it stands: the path is a chain
//! of tokens on the stack, turned into text only when something fails, by the
//! innermost container that sees the fault. It replaces `serde_path_to_error`, which
//! wraps every visitor around an inner deserializer and so compiled every `Deserialize`
//! impl twice (about 60 KB of the WebAssembly module), and it is faster. Messages are
//! serde_json's own words (`null`, floats as JSON writes them).

use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, Expected, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};
use serde_json::Value;

use crate::error::{pointer, Error, ErrorKind};

/// Reads a typed value; a fault is `invalid_document` at the JSON Pointer of the
/// offending member (an unknown field is named itself).
pub(crate) fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, Error> {
    T::deserialize(At { value, path: &Path::Root })
        .map_err(|Fault(fault)| Error::new(ErrorKind::InvalidDocument, fault.1.unwrap_or_default(), fault.0))
}

/// Where a value stands: tokens up to the root, borrowed from the tree being read.
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn pointer(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, key) => pointer(&parent.pointer(), key),
            Path::Index(parent, index) => pointer(&parent.pointer(), index),
        }
    }
}

/// A fault met while reading: serde's message, and where it happened once known.
/// Boxed, so that every `Result` the visitors pass around stays one pointer wide (a
/// large error type made the generated code much larger).
#[derive(Debug)]
struct Fault(Box<(String, Option<String>)>);

impl Fault {
    /// Places the fault at `path`, unless a deeper value already placed it.
    #[cold]
    #[inline(never)]
    fn at(mut self, path: &Path<'_>) -> Fault {
        if self.0 .1.is_none() {
            self.0 .1 = Some(path.pointer());
        }
        self
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0 .0)
    }
}

impl std::error::Error for Fault {}

impl de::Error for Fault {
    fn custom<T: fmt::Display>(message: T) -> Fault {
        Fault(Box::new((message.to_string(), None)))
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Fault {
        Fault::custom(format_args!("invalid type: {}, expected {expected}", AsJson(unexpected)))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Fault {
        Fault::custom(format_args!("invalid value: {}, expected {expected}", AsJson(unexpected)))
    }
}

/// An unexpected value in JSON's words: `null` rather than "unit value", and a float as
/// JSON writes it.
struct AsJson<'a>(Unexpected<'a>);

impl fmt::Display for AsJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Float(x) => match serde_json::Number::from_f64(x) {
                Some(number) => write!(f, "floating point `{number}`"),
                None => self.0.fmt(f),
            },
            other => other.fmt(f),
        }
    }
}

/// What a value is, for a message.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            (None, None) => Unexpected::Float(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// A value of the tree and its path.
#[derive(Clone, Copy)]
struct At<'v, 'p> {
    value: &'v Value,
    path: &'p Path<'p>,
}

impl<'de> At<'de, '_> {
    /// The fault of asking for a type this value is not.
    #[cold]
    #[inline(never)]
    fn wrong(self, expected: &dyn Expected) -> Fault {
        de::Error::invalid_type(unexpected(self.value), expected)
    }

    fn number<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        let Value::Number(n) = self.value else {
            return Err(self.wrong(&visitor));
        };
        match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => visitor.visit_u64(u),
            (None, Some(i)) => visitor.visit_i64(i),
            (None, None) => visitor.visit_f64(n.as_f64().unwrap_or_default()),
        }
    }

    fn string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(self.wrong(&visitor)),
        }
    }

    fn seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        let Value::Array(items) = self.value else {
            return Err(self.wrong(&visitor));
        };
        let mut access = Items { items: items.iter().enumerate(), path: self.path };
        let out = visitor.visit_seq(&mut access)?;
        match access.items.len() {
            0 => Ok(out),
            _ => Err(de::Error::invalid_length(items.len(), &"fewer elements in array")),
        }
    }

    fn map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        let Value::Object(members) = self.value else {
            return Err(self.wrong(&visitor));
        };
        let mut access = Members { members: members.iter(), pending: None, path: self.path };
        let out = visitor.visit_map(&mut access)?;
        match access.members.len() {
            0 => Ok(out),
            _ => Err(de::Error::invalid_length(members.len(), &"fewer elements in map")),
        }
    }
}

/// The numeric requests, all read from a JSON number.
macro_rules! numbers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
            self.number(visitor)
        }
    )*};
}

/// Each request reads only the JSON type it can be (as serde_json's own `Value`
/// deserializer does), so that a field's visitor does not carry the code of every other
/// type; anything else is an invalid type with serde_json's message.
impl<'de> Deserializer<'de> for At<'de, '_> {
    type Error = Fault;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(_) => self.number(visitor),
            Value::String(_) => self.string(visitor),
            Value::Array(_) => self.seq(visitor),
            Value::Object(_) => self.map(visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.value {
            Value::Bool(b) => visitor.visit_bool(*b),
            _ => Err(self.wrong(&visitor)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.wrong(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &str, visitor: V) -> Result<V::Value, Fault> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Fault> {
        match self.value {
            Value::Array(_) => self.seq(visitor),
            _ => self.map(visitor),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Fault> {
        self.seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Fault> {
        self.seq(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.map(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.string(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.string(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.string(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.value {
            Value::Array(_) => self.seq(visitor),
            _ => self.string(visitor),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &str, visitor: V) -> Result<V::Value, Fault> {
        visitor.visit_newtype_struct(self)
    }

    /// A variant is a string, or an object with one member (the variant and its content).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Fault> {
        let (name, content) = match self.value {
            Value::String(name) => (name, None),
            Value::Object(members) => {
                let mut iter = members.iter();
                match (iter.next(), iter.next()) {
                    (Some((name, content)), None) => (name, Some(content)),
                    _ => return Err(de::Error::invalid_value(Unexpected::Map, &"map with a single key")),
                }
            }
            other => return Err(de::Error::invalid_type(unexpected(other), &"string or map")),
        };
        visitor.visit_enum(Variant { name, content, path: self.path })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        visitor.visit_unit()
    }

    numbers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128 deserialize_u8
        deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64
    }
}

/// The items of an array, each read at its index.
struct Items<'v, 'p> {
    items: std::iter::Enumerate<std::slice::Iter<'v, Value>>,
    path: &'p Path<'p>,
}

impl<'v> SeqAccess<'v> for Items<'v, '_> {
    type Error = Fault;

    fn next_element_seed<T: DeserializeSeed<'v>>(&mut self, seed: T) -> Result<Option<T::Value>, Fault> {
        let Some((index, value)) = self.items.next() else {
            return Ok(None);
        };
        let path = Path::Index(self.path, index);
        seed.deserialize(At { value, path: &path }).map(Some).map_err(|fault| fault.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The members of an object, each key and value read at the member's path.
struct Members<'v, 'p> {
    members: serde_json::map::Iter<'v>,
    pending: Option<(&'v str, &'v Value)>,
    path: &'p Path<'p>,
}

impl<'v> MapAccess<'v> for Members<'v, '_> {
    type Error = Fault;

    fn next_key_seed<K: DeserializeSeed<'v>>(&mut self, seed: K) -> Result<Option<K::Value>, Fault> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        self.pending = Some((key, value));
        let path = Path::Key(self.path, key);
        seed.deserialize(BorrowedStrDeserializer::new(key)).map(Some).map_err(|fault: Fault| fault.at(&path))
    }

    fn next_value_seed<T: DeserializeSeed<'v>>(&mut self, seed: T) -> Result<T::Value, Fault> {
        let Some((key, value)) = self.pending.take() else {
            return Err(de::Error::custom("a map value was asked for before its key"));
        };
        let path = Path::Key(self.path, key);
        seed.deserialize(At { value, path: &path }).map_err(|fault| fault.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

/// An enum variant: its name and, for the object form, its content (read at the enum's
/// own path, as the variant name is no member of the document's structure).
struct Variant<'v, 'p> {
    name: &'v str,
    content: Option<&'v Value>,
    path: &'p Path<'p>,
}

impl<'v, 'p> EnumAccess<'v> for Variant<'v, 'p> {
    type Error = Fault;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'v>>(self, seed: T) -> Result<(T::Value, Self), Fault> {
        let name = seed.deserialize(BorrowedStrDeserializer::new(self.name))?;
        Ok((name, self))
    }
}

impl<'v> VariantAccess<'v> for Variant<'v, '_> {
    type Error = Fault;

    fn unit_variant(self) -> Result<(), Fault> {
        match self.content {
            Some(value) => de::Deserialize::deserialize(At { value, path: self.path }),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'v>>(self, seed: T) -> Result<T::Value, Fault> {
        match self.content {
            Some(value) => seed.deserialize(At { value, path: self.path }),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"newtype variant")),
        }
    }

    fn tuple_variant<V: Visitor<'v>>(self, _len: usize, visitor: V) -> Result<V::Value, Fault> {
        match self.content {
            Some(value) => At { value, path: self.path }.deserialize_any(visitor),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"tuple variant")),
        }
    }

    fn struct_variant<V: Visitor<'v>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Fault> {
        match self.content {
            Some(value) => At { value, path: self.path }.deserialize_any(visitor),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"struct variant")),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
