//! Many units on one scorecard (SPEC 12.1): a template document scored once per unit
//! (branch, site, team) with the unit's values and history, each unit's headline
//! figures, ranks, a summary with quartiles, and per-indicator status counts.
//!
//! The template is resolved once; each unit's values and history are then checked as
//! the document SPEC 12.1 describes (the template holding them) would be, and rolled
//! up by the same code as `score`, so a unit's figures are the bits `score` gives for
//! that document. Units come as SPEC 12.1's JSON ([`score_units`]) or as a long table
//! of values ([`score_units_long`]).

mod document;
mod long;
mod summary;

pub use document::{score_units, INPUT_MEMBERS, UNIT_MEMBERS};
pub use long::{score_units_long, Labelled, LongValues};

use std::collections::HashSet;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind};
use crate::scorecard::{HistoryPoint, Scorecard, Template};
use summary::{IndicatorTally, Row, Units, Views};

/// At most this many units (SPEC 12.1).
pub const MAX_UNITS: usize = 1_000_000;
/// At most this many unit x indicator values (SPEC 12.1).
pub const MAX_CELLS: usize = 10_000_000;

/// The template document without its indicators' values and history (neither used
/// nor checked, SPEC 12.1), read at `/scorecard`.
fn template_card(template: &Map<String, Value>) -> Result<Scorecard, Error> {
    let mut blank = template.clone();
    if let Some(Value::Array(indicators)) = blank.get_mut("indicators") {
        for ind in indicators.iter_mut() {
            if let Value::Object(fields) = ind {
                fields.remove("value");
                fields.remove("history");
            }
        }
    }
    Scorecard::from_json(&Value::Object(blank)).map_err(|e| e.under("/scorecard"))
}

/// A unit's own fields, returned verbatim in its row.
#[derive(Debug)]
struct Head {
    id: String,
    title: Value,
    meta: Value,
}

/// The units scored so far on one resolved template.
struct Chain<'t> {
    template: Template<'t>,
    ids: Vec<&'t str>,
    seen: HashSet<String>,
    rows: Vec<Row>,
    /// The views' ids, from the first unit's report.
    views: Option<Views>,
    tallies: Vec<IndicatorTally>,
}

impl<'t> Chain<'t> {
    /// Resolves the template (errors under `/scorecard`) and checks SPEC 12.1's limits
    /// for this many units (`limit_exceeded` at `at`).
    fn new(card: &'t Scorecard, units: usize, at: &str) -> Result<Chain<'t>, Error> {
        let template = Template::new(card).map_err(|e| e.under("/scorecard"))?;
        let ids: Vec<&str> = card.indicators.iter().map(|i| i.id.as_str()).collect();
        if units > MAX_UNITS || units.saturating_mul(ids.len().max(1)) > MAX_CELLS {
            let message = format!("at most {MAX_UNITS} units and {MAX_CELLS} unit values");
            return Err(Error::new(ErrorKind::LimitExceeded, at, message));
        }
        let tallies = vec![IndicatorTally::default(); ids.len()];
        Ok(Chain { template, ids, seen: HashSet::new(), rows: Vec::with_capacity(units), views: None, tallies })
    }

    /// Whether no unit scored so far has this id.
    fn is_new(&mut self, id: &str) -> bool {
        self.seen.insert(id.to_string())
    }

    /// Scores one unit: its values and history in template order. Errors are at the
    /// paths of the unit's document (`/indicators/I/...`), for the caller to move.
    fn add(&mut self, head: Head, values: Vec<Option<f64>>, history: &[Vec<HistoryPoint>]) -> Result<(), Error> {
        let report = self.template.score(values.into_iter().zip(history.iter().map(Vec::as_slice)))?;
        self.views.get_or_insert_with(|| summary::views(&report));
        self.rows.push(summary::row(head, &report, &mut self.tallies));
        Ok(())
    }

    /// Ranks, summary and per-indicator counts: SPEC 12.1's result.
    fn finish(mut self) -> Result<UnitsResult, Error> {
        summary::ranks(&mut self.rows);
        let summary = summary::summary(&self.rows)?;
        let units = self.rows.len();
        let indicators =
            self.ids.iter().zip(&self.tallies).map(|(id, t)| t.to_json(id, units)).collect::<Result<_, _>>()?;
        Ok(UnitsResult {
            framework: self.template.framework_id().to_string(),
            rows: self.rows,
            views: self.views.unwrap_or_default(),
            summary,
            indicators,
        })
    }
}

/// What `score_units` returns (SPEC 12.1); read it through its `Serialize` (as JSON
/// with `serde_json::to_value`). Rows are held typed, the views' ids once: a result
/// for 100,000 units takes a fraction of the memory of its JSON tree.
#[derive(Debug)]
pub struct UnitsResult {
    framework: String,
    rows: Vec<Row>,
    views: Views,
    summary: Value,
    indicators: Vec<Value>,
}

impl Serialize for UnitsResult {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("servex", &1)?;
        map.serialize_entry("framework", &self.framework)?;
        map.serialize_entry("units", &Units { rows: &self.rows, views: &self.views })?;
        map.serialize_entry("summary", &self.summary)?;
        map.serialize_entry("indicators", &self.indicators)?;
        map.end()
    }
}
