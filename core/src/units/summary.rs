//! A unit's row, ranks, the summary with quartiles, and the per-indicator counts.

use serde_json::Value;

use super::Head;
use crate::metrics::quantile;
use crate::report::{Report, Status};

/// A unit's row, with what ranking and the summary need.
pub(super) struct Row {
    score: Option<f64>,
    level: u8,
    pub(super) json: Value,
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
    pub(super) fn to_json(&self, id: &str, units: usize) -> Value {
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
        if let Some(Value::Object(fields)) = rows.get_mut(i).map(|r| &mut r.json) {
            fields.insert("rank".into(), Value::from(rank));
        }
    }
}

pub(super) fn summary(rows: &[Row]) -> Value {
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
