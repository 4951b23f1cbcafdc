//! Units from a long table of values (one row per unit, indicator and period), as a
//! data frame holds them: scored as the SPEC 12.1 document that lists each unit's
//! latest value per indicator and its earlier periods as history, without building
//! that document. A fault names the column and row that hold it (`/value/R`).

use std::collections::HashMap;
use std::ops::Range;

use serde_json::Value;

use super::{template_card, Chain, Head, UnitsResult};
use crate::error::{pointer, Error, ErrorKind};
use crate::scorecard::{HistoryPoint, MAX_ID_CHARS};

/// A column of labels by code: row `r` holds `labels[codes[r]]`.
#[derive(Debug, Clone, Copy)]
pub struct Labelled<'a> {
    /// Each distinct label once.
    pub labels: &'a [String],
    /// Per row, the index of its label.
    pub codes: &'a [u32],
}

/// Values in long form. Every unit label is a unit, scored in label order. A unit's
/// rows for one indicator run in period order (a larger period code is later): the
/// latest is the indicator's value, the earlier ones its history. Without periods a
/// unit has at most one row per indicator. A `None` value was not measured.
#[derive(Debug, Clone, Copy)]
pub struct LongValues<'a> {
    /// The unit ids.
    pub units: Labelled<'a>,
    /// The template's indicator ids.
    pub indicators: Labelled<'a>,
    /// The periods, labels as history names them; codes in time order.
    pub periods: Option<Labelled<'a>>,
    /// The values.
    pub values: &'a [Option<f64>],
}

/// Scores every unit of `rows` on `template` (a scorecard document, whose own values
/// and history are ignored): the result of [`super::score_units`] for the document
/// the rows describe.
///
/// # Errors
/// The template's at `/scorecard`; a column of another length than `value`, or a code
/// without a label, `invalid_value` at the column; an unknown indicator
/// `unknown_reference` at `/indicator/R`; a second row for one unit, indicator and
/// period `duplicate_id` at `/period/R` (`/indicator/R` without periods); a bad unit
/// label at `/unit/R`; a value's fault at `/value/R`, R being the first row at fault.
pub fn score_units_long(template: &Value, rows: &LongValues<'_>) -> Result<UnitsResult, Error> {
    let Value::Object(template) = template else {
        return Err(Error::new(
            ErrorKind::InvalidDocument,
            "/scorecard",
            "the scorecard is a scorecard document (an object)",
        ));
    };
    check_columns(rows)?;
    let card = template_card(template)?;
    let mut chain = Chain::new(&card, rows.units.labels.len(), "/unit")?;
    let ids = chain.ids.clone();
    let slots = indicator_slots(&ids, &rows.indicators)?;
    let order = ordered_rows(rows, &slots);
    let mut start = 0;
    for (u, label) in rows.units.labels.iter().enumerate() {
        let end = start + order[start..].iter().take_while(|&&r| rows.units.codes[r as usize] as usize == u).count();
        let unit = &order[start..end];
        start = end;
        let first = unit.first().map_or_else(|| "/unit".to_string(), |&r| pointer("/unit", r));
        check_unit_id(label, &first)?;
        if !chain.is_new(label) {
            return Err(Error::new(ErrorKind::DuplicateId, first, format!("unit {label:?} is labelled twice")));
        }
        let spans = spans(unit, rows, &slots, ids.len())?;
        let (values, history) = data(unit, &spans, rows);
        let head = Head { id: label.clone(), title: Value::Null, meta: Value::Null };
        chain.add(head, values, &history).map_err(|e| row_path(e, unit, &spans, &first))?;
    }
    chain.finish()
}

fn check_columns(rows: &LongValues<'_>) -> Result<(), Error> {
    let n = rows.values.len();
    let columns = [("unit", Some(rows.units)), ("indicator", Some(rows.indicators)), ("period", rows.periods)];
    for (name, column) in columns {
        let Some(column) = column else { continue };
        let at = pointer("", name);
        if column.codes.len() != n {
            let message = format!("the {name} column has {} rows and the value column {n}", column.codes.len());
            return Err(Error::new(ErrorKind::InvalidValue, at, message));
        }
        if let Some(r) = column.codes.iter().position(|&c| c as usize >= column.labels.len()) {
            let message = format!("code {} has no label (there are {})", column.codes[r], column.labels.len());
            return Err(Error::new(ErrorKind::InvalidValue, pointer(&at, r), message));
        }
    }
    Ok(())
}

/// Each indicator label's place in the template, checked on the first row naming it.
/// A label no row names may be unknown: its slot, `NOWHERE`, is never looked up.
fn indicator_slots(ids: &[&str], indicators: &Labelled<'_>) -> Result<Vec<usize>, Error> {
    const NOWHERE: usize = usize::MAX;
    let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let slots: Vec<usize> =
        indicators.labels.iter().map(|l| index.get(l.as_str()).copied().unwrap_or(NOWHERE)).collect();
    if let Some(r) = indicators.codes.iter().position(|&c| slots[c as usize] == NOWHERE) {
        let label = &indicators.labels[indicators.codes[r] as usize];
        let message = format!("the scorecard has no indicator {label:?}");
        return Err(Error::new(ErrorKind::UnknownReference, pointer("/indicator", r), message));
    }
    Ok(slots)
}

/// Row numbers by unit, template indicator, period and row.
fn ordered_rows(rows: &LongValues<'_>, slots: &[usize]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..rows.values.len() as u32).collect();
    let period = |r: usize| rows.periods.map_or(0, |p| p.codes[r]);
    order.sort_unstable_by_key(|&r| {
        let r = r as usize;
        (rows.units.codes[r], slots[rows.indicators.codes[r] as usize], period(r), r)
    });
    order
}

fn check_unit_id(label: &str, at: &str) -> Result<(), Error> {
    match label.chars().count() {
        0 => Err(Error::new(ErrorKind::InvalidDocument, at, "a unit id may not be empty")),
        n if n > MAX_ID_CHARS => {
            let message = format!("a unit id has at most {MAX_ID_CHARS} characters, not {n}");
            Err(Error::new(ErrorKind::LimitExceeded, at, message))
        }
        _ => Ok(()),
    }
}

/// Where each template indicator's rows lie in the unit's ordered rows; a second row
/// for one period is `duplicate_id`.
fn spans(unit: &[u32], rows: &LongValues<'_>, slots: &[usize], n: usize) -> Result<Vec<Range<usize>>, Error> {
    let mut spans = vec![0..0; n];
    let mut k = 0;
    while k < unit.len() {
        let i = slot_of(unit[k], rows, slots);
        let end = k + unit[k..].iter().take_while(|&&r| slot_of(r, rows, slots) == i).count();
        for pair in unit[k..end].windows(2) {
            let same_period = rows.periods.is_none_or(|p| p.codes[pair[0] as usize] == p.codes[pair[1] as usize]);
            if same_period {
                let column = if rows.periods.is_some() { "/period" } else { "/indicator" };
                let message = "a unit has one value per indicator and period";
                return Err(Error::new(ErrorKind::DuplicateId, pointer(column, pair[1]), message));
            }
        }
        spans[i] = k..end;
        k = end;
    }
    Ok(spans)
}

fn slot_of(r: u32, rows: &LongValues<'_>, slots: &[usize]) -> usize {
    slots[rows.indicators.codes[r as usize] as usize]
}

/// Each indicator's value (its latest row) and history (the earlier rows).
fn data(unit: &[u32], spans: &[Range<usize>], rows: &LongValues<'_>) -> (Vec<Option<f64>>, Vec<Vec<HistoryPoint>>) {
    let values = spans.iter().map(|s| unit[s.clone()].last().and_then(|&r| rows.values[r as usize])).collect();
    let history = spans
        .iter()
        .map(|s| {
            // Every row but the latest.
            let earlier = unit[s.clone()].split_last().map_or(&[][..], |(_, rest)| rest);
            earlier
                .iter()
                .map(|&r| HistoryPoint {
                    period: rows.periods.map(|p| p.labels[p.codes[r as usize] as usize].clone()).unwrap_or_default(),
                    value: rows.values[r as usize],
                })
                .collect()
        })
        .collect();
    (values, history)
}

/// A fault of the unit's document moved to the row that holds the value; a fault no
/// row holds (a missing value, an overflow) to the unit's first row.
fn row_path(e: Error, unit: &[u32], spans: &[Range<usize>], first: &str) -> Error {
    let path = e.path().to_string();
    let tokens: Vec<&str> = path.split('/').skip(1).collect();
    let row = match tokens.as_slice() {
        ["indicators", i, "value"] => i.parse::<usize>().ok().and_then(|i| spans[i].clone().last()),
        ["indicators", i, "history", k, "value"] => {
            i.parse::<usize>().ok().zip(k.parse::<usize>().ok()).map(|(i, k)| spans[i].start + k)
        }
        _ => None,
    };
    let moved = row.map_or_else(|| first.to_string(), |k| pointer("/value", unit[k]));
    Error::new(e.kind(), moved, e.message())
}
