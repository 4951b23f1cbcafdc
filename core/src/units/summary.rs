//! A unit's row, ranks, the summary with quartiles, and the per-indicator counts.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::Head;
use crate::error::{Error, ErrorKind};
use crate::metrics::quantile;
use crate::report::{Report, ReportOutcome, Status};

/// A unit's row (SPEC 12.1): its own fields and headline figures, and the scores of
/// its perspectives, dimensions and elements in the order of [`Views`].
#[derive(Debug)]
pub(super) struct Row {
    head: Head,
    score: Option<f64>,
    model_score: Option<f64>,
    status: Status,
    coverage: Option<f64>,
    level_attained: u8,
    outcome: ReportOutcome,
    focus_level: Option<u8>,
    rank: Option<usize>,
    views: [Vec<Option<f64>>; 3],
}

/// The ids of the perspectives, dimensions and elements: the same for every unit of a
/// template, so held once rather than in every row.
pub(super) type Views = [Vec<String>; 3];

/// The views' member names, in the order rows hold them.
const VIEW_NAMES: [&str; 3] = ["perspectives", "dimensions", "elements"];

/// The ids of each view of a report.
pub(super) fn views(report: &Report<'_>) -> Views {
    [
        report.perspectives.iter().map(|p| p.id.to_string()).collect(),
        report.dimensions.iter().map(|d| d.id.to_string()).collect(),
        report.elements.iter().map(|e| e.id.to_string()).collect(),
    ]
}

/// Rows written as the result lists them, each view an object from id to score.
pub(super) struct Units<'a> {
    pub(super) rows: &'a [Row],
    pub(super) views: &'a Views,
}

impl Serialize for Units<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rows = self.rows.iter().map(|row| UnitRow { row, views: self.views });
        serializer.collect_seq(rows)
    }
}

struct UnitRow<'a> {
    row: &'a Row,
    views: &'a Views,
}

impl Serialize for UnitRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = self.row;
        let mut map = serializer.serialize_map(Some(14))?;
        map.serialize_entry("id", &r.head.id)?;
        map.serialize_entry("title", &r.head.title)?;
        map.serialize_entry("score", &r.score)?;
        map.serialize_entry("model_score", &r.model_score)?;
        map.serialize_entry("status", &r.status)?;
        map.serialize_entry("coverage", &r.coverage)?;
        map.serialize_entry("level_attained", &r.level_attained)?;
        map.serialize_entry("outcome", &r.outcome)?;
        map.serialize_entry("focus_level", &r.focus_level)?;
        map.serialize_entry("rank", &r.rank)?;
        for ((name, ids), scores) in VIEW_NAMES.iter().zip(self.views).zip(&r.views) {
            map.serialize_entry(name, &ViewScores { ids, scores })?;
        }
        map.serialize_entry("meta", &r.head.meta)?;
        map.end()
    }
}

struct ViewScores<'a> {
    ids: &'a [String],
    scores: &'a [Option<f64>],
}

impl Serialize for ViewScores<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.ids.iter().zip(self.scores))
    }
}

/// Counts of one indicator over the units.
#[derive(Debug, Clone, Default)]
pub(super) struct IndicatorTally {
    values: usize,
    green: usize,
    amber: usize,
    red: usize,
    /// The sum of the progress of the units with a value, in unit order, and their count.
    progress_sum: f64,
    progressed: usize,
}

impl IndicatorTally {
    pub(super) fn to_json(&self, id: &str, units: usize) -> Result<Value, Error> {
        let mean = (self.progressed > 0).then(|| self.progress_sum / self.progressed as f64);
        finite(mean.into_iter())?;
        Ok(serde_json::json!({
            "id": id,
            "values": self.values,
            "missing": units - self.values,
            "green": self.green,
            "amber": self.amber,
            "red": self.red,
            "mean_progress": mean,
        }))
    }
}

/// `invalid_value` at `""` when a figure of the summary overflowed (scores near 1e308
/// with `clamp: false`): JSON would write it as `null`.
fn finite(figures: impl Iterator<Item = f64>) -> Result<(), Error> {
    let mut figures = figures;
    if figures.all(f64::is_finite) {
        return Ok(());
    }
    Err(Error::new(ErrorKind::InvalidValue, "", "the units' scores are too large to summarise: a sum overflows"))
}

pub(super) fn row(unit: Head, report: &Report<'_>, tallies: &mut [IndicatorTally]) -> Row {
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
    Row {
        head: unit,
        score: report.score,
        model_score: report.model_score,
        status: report.status,
        coverage: report.coverage,
        level_attained: report.level_attained,
        outcome: report.outcome,
        focus_level: report.focus_level,
        rank: None,
        views: [
            report.perspectives.iter().map(|p| p.score).collect(),
            report.dimensions.iter().map(|d| d.score).collect(),
            report.elements.iter().map(|e| e.score).collect(),
        ],
    }
}

/// Rank 1 for the best score; equal scores share the smallest rank of their run.
pub(super) fn ranks(rows: &mut [Row]) {
    let mut order: Vec<(usize, f64)> = rows.iter().enumerate().filter_map(|(i, r)| r.score.map(|s| (i, s))).collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut rank = 0;
    let mut previous = None;
    for (k, &(i, s)) in order.iter().enumerate() {
        if previous != Some(s) {
            rank = k + 1;
            previous = Some(s);
        }
        rows[i].rank = Some(rank);
    }
}

pub(super) fn summary(rows: &[Row]) -> Result<Value, Error> {
    let scores: Vec<f64> = rows.iter().filter_map(|r| r.score).collect();
    let mut levels = [0usize; 5];
    // A level attained is 0 to 4.
    for r in rows {
        levels[usize::from(r.level_attained)] += 1;
    }
    let score = if scores.is_empty() {
        serde_json::json!({"mean": null, "min": null, "q1": null, "median": null, "q3": null, "max": null})
    } else {
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        let mut sorted = scores.clone();
        sorted.sort_by(f64::total_cmp);
        let quartiles = [0.25, 0.5, 0.75].map(|q| quantile(&sorted, q));
        finite([mean].into_iter().chain(quartiles))?;
        serde_json::json!({
            "mean": mean,
            "min": sorted.first(),
            "q1": quartiles[0],
            "median": quartiles[1],
            "q3": quartiles[2],
            "max": sorted.last(),
        })
    };
    Ok(serde_json::json!({"units": rows.len(), "scored": scores.len(), "score": score, "levels": levels}))
}
