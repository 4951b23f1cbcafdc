//! The schema of `score_units`' result (SPEC 12.1), which [`crate::units::UnitsResult`]
//! writes by hand (its rows hold the views' ids once): types that exist only to be
//! described. The conformance outputs are validated against it, so a member written
//! but not described (or described but not written) fails the tests.
#![expect(dead_code, reason = "types that exist only to be described: never built, never read")]

use std::collections::BTreeMap;

use schemars::JsonSchema;

use crate::report::{ReportOutcome, Status};

/// The result of `score_units` (SPEC 12.1).
#[derive(JsonSchema)]
#[schemars(rename = "UnitsResult")]
pub(super) struct UnitsResult {
    /// Format version, 1.
    #[schemars(extend("const" = 1))]
    servex: u32,
    /// Id of the framework scored against.
    framework: String,
    /// Every unit, in input order.
    units: Vec<UnitRow>,
    /// The units' scores summarised.
    summary: UnitsSummary,
    /// One row per template indicator, in order: its statuses across the units.
    indicators: Vec<IndicatorCounts>,
}

/// One unit's figures, as `score` gives them for its document, and its rank.
#[derive(JsonSchema)]
struct UnitRow {
    /// The unit's id.
    id: String,
    /// The unit's own title (not the template's).
    title: Option<String>,
    /// Weighted mean of the perspective scores.
    score: Option<f64>,
    /// Weighted mean of the dimension scores.
    model_score: Option<f64>,
    /// Status of `score`.
    status: Status,
    /// Weight share of indicators that have a value.
    coverage: Option<f64>,
    /// The highest level L such that levels 1..L are all met, else 0.
    level_attained: u8,
    /// Satisfaction, delight, or below satisfaction.
    outcome: ReportOutcome,
    /// The next level to work on; null once level 4 is attained.
    focus_level: Option<u8>,
    /// 1 for the best score; equal scores share a rank; null without a score.
    rank: Option<u64>,
    /// Each perspective's score, by id.
    perspectives: BTreeMap<String, Option<f64>>,
    /// Each dimension's score, by id.
    dimensions: BTreeMap<String, Option<f64>>,
    /// Each element's score, by id.
    elements: BTreeMap<String, Option<f64>>,
    /// The unit's meta, verbatim.
    meta: serde_json::Value,
}

/// The units' scores summarised.
#[derive(JsonSchema)]
struct UnitsSummary {
    /// How many units there are.
    units: u64,
    /// How many have a score.
    scored: u64,
    /// The scores' mean and quartiles.
    score: ScoreSummary,
    /// How many units attained each pyramid level, 0 to 4.
    levels: [u64; 5],
}

/// The mean and quartiles of the units' scores; all null when no unit has a score.
#[derive(JsonSchema)]
struct ScoreSummary {
    /// Their mean.
    mean: Option<f64>,
    /// The lowest.
    min: Option<f64>,
    /// The first quartile.
    q1: Option<f64>,
    /// The median.
    median: Option<f64>,
    /// The third quartile.
    q3: Option<f64>,
    /// The highest.
    max: Option<f64>,
}

/// One template indicator across the units.
#[derive(JsonSchema)]
struct IndicatorCounts {
    /// The indicator's id.
    id: String,
    /// Units with a value.
    values: u64,
    /// Units without one.
    missing: u64,
    /// Units where it is green.
    green: u64,
    /// Units where it is amber.
    amber: u64,
    /// Units where it is red.
    red: u64,
    /// The mean progress over the units with a value; null when none has one.
    mean_progress: Option<f64>,
}
