//! Units as SPEC 12.1 writes them: `{servex, scorecard, units: [{id, title, values,
//! history, meta}]}`, each fault at the unit's own path.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{template_card, Chain, Head, UnitsResult};
use crate::error::{pointer, Error, ErrorKind};
use crate::json::from_value;
use crate::scorecard::{HistoryPoint, MAX_ID_CHARS};

/// The members of `score_units`' input; any other is refused.
pub const INPUT_MEMBERS: [&str; 3] = ["servex", "scorecard", "units"];
/// The members of one unit of that input; any other is refused.
pub const UNIT_MEMBERS: [&str; 5] = ["id", "title", "values", "history", "meta"];

/// Scores every unit of `input` (`{servex, scorecard, units}`) on the template.
///
/// # Errors
/// `invalid_document` for the input's shape, errors of the template under
/// `/scorecard`, and each unit's errors at `/units/U/values/ID` or under
/// `/units/U/history/ID`, as SPEC 12.1 places them.
pub fn score_units(input: &Value) -> Result<UnitsResult, Error> {
    let Value::Object(members) = input else {
        return Err(doc("", "score_units takes an object {servex, scorecard, units}"));
    };
    if let Some(key) = members.keys().find(|k| !INPUT_MEMBERS.contains(&k.as_str())) {
        return Err(doc(&pointer("", key), "score_units takes servex, scorecard and units"));
    }
    if let Some(version) = members.get("servex") {
        crate::scorecard::check_version_value(version)?;
    }
    let template = match members.get("scorecard") {
        None => return Err(doc("", "score_units needs a scorecard")),
        Some(Value::Object(t)) => t,
        Some(_) => return Err(doc("/scorecard", "the scorecard is a scorecard document (an object)")),
    };
    let units = match members.get("units") {
        None => return Err(doc("", "score_units needs units")),
        Some(Value::Array(u)) => u,
        Some(_) => return Err(doc("/units", "units is an array")),
    };
    let card = template_card(template)?;
    let mut chain = Chain::new(&card, units.len(), "/units")?;
    let ids = chain.ids.clone();
    for (u, unit) in units.iter().enumerate() {
        let at = pointer("/units", u);
        let unit = Unit::read(unit, &at, &ids)?;
        if !chain.is_new(&unit.head.id) {
            return Err(Error::new(
                ErrorKind::DuplicateId,
                pointer(&at, "id"),
                format!("unit {:?} is listed twice", unit.head.id),
            ));
        }
        let (values, history) = unit.data(&ids, &at)?;
        chain.add(unit.head, values, &history).map_err(|e| unit_path(e, &at, &ids))?;
    }
    chain.finish()
}

fn doc(path: &str, message: &str) -> Error {
    Error::new(ErrorKind::InvalidDocument, path, message.to_string())
}

/// One unit as read: its id, title, meta, values and history by indicator.
struct Unit<'a> {
    head: Head,
    values: Option<&'a Map<String, Value>>,
    history: Option<&'a Map<String, Value>>,
}

impl<'a> Unit<'a> {
    fn read(unit: &'a Value, at: &str, ids: &[&str]) -> Result<Unit<'a>, Error> {
        let Value::Object(fields) = unit else {
            return Err(doc(at, "a unit is an object {id, title, values, history, meta}"));
        };
        if let Some(key) = fields.keys().find(|k| !UNIT_MEMBERS.contains(&k.as_str())) {
            return Err(doc(&pointer(at, key), "a unit has id, title, values, history and meta"));
        }
        let id = match fields.get("id") {
            None | Some(Value::Null) => return Err(doc(at, "a unit needs an id")),
            Some(Value::String(id)) => id.clone(),
            Some(_) => return Err(doc(&pointer(at, "id"), "a unit id is a string")),
        };
        let chars = id.chars().count();
        if chars == 0 {
            return Err(doc(&pointer(at, "id"), "a unit id may not be empty"));
        }
        if chars > MAX_ID_CHARS {
            let message = format!("a unit id has at most {MAX_ID_CHARS} characters, not {chars}");
            return Err(Error::new(ErrorKind::LimitExceeded, pointer(at, "id"), message));
        }
        let title = match fields.get("title") {
            None | Some(Value::Null) => Value::Null,
            Some(Value::String(s)) => Value::String(s.clone()),
            Some(_) => return Err(doc(&pointer(at, "title"), "a unit title is a string")),
        };
        let by_indicator = |member: &str| -> Result<Option<&'a Map<String, Value>>, Error> {
            match fields.get(member) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::Object(map)) => {
                    let here = pointer(at, member);
                    if let Some(key) = map.keys().find(|k| !ids.contains(&k.as_str())) {
                        let message = format!("the scorecard has no indicator {key:?}");
                        return Err(Error::new(ErrorKind::UnknownReference, pointer(&here, key), message));
                    }
                    Ok(Some(map))
                }
                Some(_) => Err(doc(&pointer(at, member), "an object from indicator id to its data")),
            }
        };
        let values = by_indicator("values")?;
        let history = by_indicator("history")?;
        let meta = fields.get("meta").map_or(Value::Null, |m| crate::magnitude::verbatim(m).into_owned());
        Ok(Unit { head: Head { id, title, meta }, values, history })
    }

    /// The unit's values and history, one of each per indicator in template order,
    /// read as the template's `value` and `history` members would be.
    fn data(&self, ids: &[&str], at: &str) -> Result<(Vec<Option<f64>>, Vec<History>), Error> {
        let mut values = Vec::with_capacity(ids.len());
        let mut history = Vec::with_capacity(ids.len());
        for id in ids {
            values.push(member(self.values, id, at, "values")?);
            history.push(member(self.history, id, at, "history")?.unwrap_or_default());
        }
        Ok((values, history))
    }
}

type History = Vec<HistoryPoint>;

/// An indicator's entry in a unit's `values` or `history`; absent and null alike are `None`.
fn member<T: DeserializeOwned>(
    map: Option<&Map<String, Value>>,
    id: &str,
    at: &str,
    name: &str,
) -> Result<Option<T>, Error> {
    match map.and_then(|m| m.get(id)) {
        None => Ok(None),
        Some(v) => from_value::<Option<T>>(v).map_err(|e| e.under(&pointer(&pointer(at, name), id))),
    }
}

/// An error of a unit's document moved to where the unit holds the offending data.
fn unit_path(e: Error, at: &str, ids: &[&str]) -> Error {
    let path = e.path().to_string();
    let mut tokens = path.split('/').skip(1);
    let (Some("indicators"), Some(index), Some(member)) = (tokens.next(), tokens.next(), tokens.next()) else {
        return e.under(at);
    };
    let Some(id) = index.parse::<usize>().ok().and_then(|i| ids.get(i)) else {
        return e.under(at);
    };
    let rest: Vec<&str> = tokens.collect();
    let moved = match member {
        "value" => pointer(&pointer(at, "values"), id),
        "history" => rest.iter().fold(pointer(&pointer(at, "history"), id), |p, t| format!("{p}/{t}")),
        _ => return e.under(at),
    };
    Error::new(e.kind(), moved, e.message())
}
