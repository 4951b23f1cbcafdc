//! Many units on one scorecard (SPEC 12.1): a template document scored once per unit
//! (branch, site, team) with the unit's values and history, each unit's headline
//! figures, ranks, a summary with quartiles, and per-indicator status counts.
//!
//! The template is resolved once; each unit's values and history are then read and
//! checked as the document SPEC 12.1 describes (the template holding them) would be,
//! and rolled up by the same code as `score`, so a unit's figures are the bits `score`
//! gives for that document, its errors at the unit's own paths.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::{pointer, Error, ErrorKind};
use crate::json::from_value;
use crate::metrics::quantile;
use crate::report::{Report, Status};
use crate::scorecard::{HistoryPoint, Scorecard, Template, MAX_ID_CHARS};

/// At most this many units (SPEC 12.1).
pub const MAX_UNITS: usize = 1_000_000;
/// At most this many unit x indicator values (SPEC 12.1).
pub const MAX_CELLS: usize = 10_000_000;

/// Scores every unit of `input` (`{servex, scorecard, units}`) on the template.
///
/// # Errors
/// `invalid_document` for the input's shape, errors of the template under
/// `/scorecard`, and each unit's errors at `/units/U/values/ID` or under
/// `/units/U/history/ID`, as SPEC 12.1 places them.
pub fn score_units(input: &Value) -> Result<Value, Error> {
    let Value::Object(members) = input else {
        return Err(doc("", "score_units takes an object {servex, scorecard, units}"));
    };
    if let Some(key) = members.keys().find(|k| !["servex", "scorecard", "units"].contains(&k.as_str())) {
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
    let blank = blank_template(template);
    let card = Scorecard::from_json(&blank).map_err(|e| e.under("/scorecard"))?;
    let template = Template::new(&card).map_err(|e| e.under("/scorecard"))?;
    let ids: Vec<&str> = card.indicators.iter().map(|i| i.id.as_str()).collect();
    if units.len() > MAX_UNITS || units.len().saturating_mul(ids.len().max(1)) > MAX_CELLS {
        let message = format!("at most {MAX_UNITS} units and {MAX_CELLS} unit values");
        return Err(Error::new(ErrorKind::LimitExceeded, "/units", message));
    }
    let mut seen = std::collections::HashSet::new();
    let mut rows = Vec::with_capacity(units.len());
    let mut tallies: Vec<IndicatorTally> = vec![IndicatorTally::default(); ids.len()];
    for (u, unit) in units.iter().enumerate() {
        let at = pointer("/units", u);
        let unit = Unit::read(unit, &at, &ids)?;
        if !seen.insert(unit.id.clone()) {
            return Err(Error::new(
                ErrorKind::DuplicateId,
                pointer(&at, "id"),
                format!("unit {:?} is listed twice", unit.id),
            ));
        }
        let (values, history) = unit.data(&ids, &at)?;
        let report = template
            .score(values.into_iter().zip(history.iter().map(Vec::as_slice)))
            .map_err(|e| unit_path(e, &at, &ids))?;
        rows.push(row(&unit, &report, &mut tallies));
    }
    ranks(&mut rows);
    let summary = summary(&rows);
    let indicators: Vec<Value> = ids.iter().zip(&tallies).map(|(id, t)| t.to_json(id, units.len())).collect();
    let units: Vec<Value> = rows.into_iter().map(|r| r.json).collect();
    Ok(serde_json::json!({
        "servex": 1,
        "framework": template.framework_id(),
        "units": units,
        "summary": summary,
        "indicators": indicators,
    }))
}

fn doc(path: &str, message: &str) -> Error {
    Error::new(ErrorKind::InvalidDocument, path, message.to_string())
}

/// The template without its indicators' values and history (neither used nor
/// checked, SPEC 12.1).
fn blank_template(template: &Map<String, Value>) -> Value {
    let mut blank = template.clone();
    if let Some(Value::Array(indicators)) = blank.get_mut("indicators") {
        for ind in indicators.iter_mut() {
            if let Value::Object(fields) = ind {
                fields.remove("value");
                fields.remove("history");
            }
        }
    }
    Value::Object(blank)
}

/// One unit as read: its id, title, meta, values and history by indicator.
struct Unit<'a> {
    id: String,
    title: Value,
    meta: Value,
    values: Option<&'a Map<String, Value>>,
    history: Option<&'a Map<String, Value>>,
}

impl<'a> Unit<'a> {
    fn read(unit: &'a Value, at: &str, ids: &[&str]) -> Result<Unit<'a>, Error> {
        let Value::Object(fields) = unit else {
            return Err(doc(at, "a unit is an object {id, title, values, history, meta}"));
        };
        if let Some(key) = fields.keys().find(|k| !["id", "title", "values", "history", "meta"].contains(&k.as_str())) {
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
        Ok(Unit { id, title, meta: fields.get("meta").cloned().unwrap_or(Value::Null), values, history })
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

/// A unit's row, with what ranking and the summary need.
struct Row {
    score: Option<f64>,
    level: u8,
    json: Value,
}

/// Counts of one indicator over the units.
#[derive(Debug, Clone, Default)]
struct IndicatorTally {
    values: usize,
    green: usize,
    amber: usize,
    red: usize,
    /// The sum of the progress of the units with a value, in unit order, and their count.
    progress_sum: f64,
    progressed: usize,
}

impl IndicatorTally {
    fn to_json(&self, id: &str, units: usize) -> Value {
        let mean = (self.progressed > 0).then(|| self.progress_sum / self.progressed as f64);
        serde_json::json!({
            "id": id,
            "values": self.values,
            "missing": units - self.values,
            "green": self.green,
            "amber": self.amber,
            "red": self.red,
            "mean_progress": mean,
        })
    }
}

fn row(unit: &Unit<'_>, report: &Report<'_>, tallies: &mut [IndicatorTally]) -> Row {
    for (ind, t) in report.indicators.iter().zip(tallies.iter_mut()) {
        if ind.value.is_some() {
            t.values += 1;
            if let Some(p) = ind.progress {
                t.progress_sum += p;
                t.progressed += 1;
            }
        }
        match ind.status {
            Status::Green => t.green += 1,
            Status::Amber => t.amber += 1,
            Status::Red => t.red += 1,
            Status::Missing => {}
        }
    }
    let map = |rows: Vec<(String, Option<f64>)>| -> Value {
        Value::Object(rows.into_iter().map(|(id, s)| (id, s.map_or(Value::Null, Value::from))).collect())
    };
    let json = serde_json::json!({
        "id": unit.id,
        "title": unit.title,
        "score": report.score,
        "model_score": report.model_score,
        "status": report.status,
        "coverage": report.coverage,
        "level_attained": report.level_attained,
        "outcome": report.outcome,
        "focus_level": report.focus_level,
        "rank": Value::Null,
        "perspectives": map(report.perspectives.iter().map(|p| (p.id.to_string(), p.score)).collect()),
        "dimensions": map(report.dimensions.iter().map(|d| (d.id.to_string(), d.score)).collect()),
        "elements": map(report.elements.iter().map(|e| (e.id.to_string(), e.score)).collect()),
        "meta": unit.meta,
    });
    Row { score: report.score, level: report.level_attained, json }
}

/// Rank 1 for the best score; equal scores share the smallest rank of their run.
fn ranks(rows: &mut [Row]) {
    let mut order: Vec<(usize, f64)> = rows.iter().enumerate().filter_map(|(i, r)| r.score.map(|s| (i, s))).collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut rank = 0;
    let mut previous = None;
    for (k, &(i, s)) in order.iter().enumerate() {
        if previous != Some(s) {
            rank = k + 1;
            previous = Some(s);
        }
        if let Some(Value::Object(fields)) = rows.get_mut(i).map(|r| &mut r.json) {
            fields.insert("rank".into(), Value::from(rank));
        }
    }
}

fn summary(rows: &[Row]) -> Value {
    let scores: Vec<f64> = rows.iter().filter_map(|r| r.score).collect();
    let mut levels = [0usize; 5];
    for r in rows {
        if let Some(l) = levels.get_mut(usize::from(r.level)) {
            *l += 1;
        }
    }
    let score = if scores.is_empty() {
        serde_json::json!({"mean": null, "min": null, "q1": null, "median": null, "q3": null, "max": null})
    } else {
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        let mut sorted = scores.clone();
        sorted.sort_by(f64::total_cmp);
        serde_json::json!({
            "mean": mean,
            "min": sorted.first(),
            "q1": quantile(&sorted, 0.25),
            "median": quantile(&sorted, 0.5),
            "q3": quantile(&sorted, 0.75),
            "max": sorted.last(),
        })
    };
    serde_json::json!({"units": rows.len(), "scored": scores.len(), "score": score, "levels": levels})
}
