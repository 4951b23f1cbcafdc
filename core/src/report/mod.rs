//! The report (SPEC 6): the scorecard scored five ways, with the gaps to close first.
//! Plain data, serialisable, so every front returns exactly this shape.
//!
//! Its ids, titles, units, evidence and meta are borrowed from the document and the
//! framework it was scored from (`Cow`): scoring copies no text, which was most of the
//! time scoring a small document took. A report read back from JSON owns its text.

mod owned;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::framework::Outcome;

/// Red, amber or green from progress against thresholds; `missing` without a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// At or above the green threshold.
    Green,
    /// At or above the amber threshold.
    Amber,
    /// Below the amber threshold.
    Red,
    /// No value or no score.
    Missing,
}

/// Which way an indicator's value improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better (target above baseline, and every rating).
    Increase,
    /// Lower is better (target below baseline).
    Decrease,
    /// Inside a target range is best.
    Range,
}

/// How the progress of an indicator has moved over its history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TrendDirection {
    /// Least-squares slope above the tolerance.
    Improving,
    /// Slope within the tolerance.
    Stable,
    /// Slope below minus the tolerance.
    Declining,
}

/// The trend of an indicator with at least two measured periods.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Trend {
    /// Last progress minus the one before it.
    pub delta: f64,
    /// Least-squares slope of progress per period.
    pub slope: f64,
    /// The slope read against `options.trend_tolerance`.
    pub direction: TrendDirection,
}

/// Where the organisation stands on the pyramid, overall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportOutcome {
    /// Level 1 not met, or only level 1.
    BelowSatisfaction,
    /// Levels 1 and 2 met.
    Satisfaction,
    /// Levels 1 to 3 (or 4) met.
    Delight,
}

/// The scored scorecard, borrowing its text from it ([`Report::into_owned`] to keep it longer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(description = "The scored scorecard (SPEC 6): the output of `score`."))]
pub struct Report<'a> {
    /// Format version, 1.
    #[cfg_attr(feature = "schema", schemars(extend("const" = 1)))]
    pub servex: u32,
    /// Id of the framework scored against.
    pub framework: Cow<'a, str>,
    /// The document's title.
    pub title: Option<Cow<'a, str>>,
    /// Weighted mean of the perspective scores: the headline.
    pub score: Option<f64>,
    /// Weighted mean of the dimension scores: the ISO 23592 model's view.
    pub model_score: Option<f64>,
    /// Status of `score`.
    pub status: Status,
    /// Weight share of indicators that have a value.
    pub coverage: Option<f64>,
    /// The highest level L such that levels 1..L are all met, else 0.
    pub level_attained: u8,
    /// Satisfaction, delight, or below satisfaction.
    pub outcome: ReportOutcome,
    /// The next level to work on; `None` once level 4 is attained.
    pub focus_level: Option<u8>,
    /// The balanced-scorecard view.
    pub perspectives: Vec<PerspectiveRow<'a>>,
    /// The dimension view.
    pub dimensions: Vec<DimensionRow<'a>>,
    /// The element view.
    pub elements: Vec<ElementRow<'a>>,
    /// The pyramid view.
    pub levels: Vec<LevelRow<'a>>,
    /// The principle view.
    pub principles: Vec<PrincipleRow<'a>>,
    /// Every indicator, scored, in document order.
    pub indicators: Vec<IndicatorRow<'a>>,
    /// Elements by how much closing their gap would raise `model_score`.
    pub gaps: Vec<GapRow<'a>>,
    /// Indicators by how much reaching their target would raise `score`.
    pub priorities: Vec<PriorityRow<'a>>,
}

/// One perspective, scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PerspectiveRow<'a> {
    /// Perspective id.
    pub id: Cow<'a, str>,
    /// Display name.
    pub title: Option<Cow<'a, str>>,
    /// Weight in `score`.
    pub weight: f64,
    /// Weighted mean progress of its indicators.
    pub score: Option<f64>,
    /// Status of `score`.
    pub status: Status,
    /// Weight share of its indicators with a value.
    pub coverage: Option<f64>,
    /// How many indicators it has.
    pub indicators: usize,
}

/// One dimension, scored from its elements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DimensionRow<'a> {
    /// Dimension id.
    pub id: Cow<'a, str>,
    /// Display name.
    pub title: Option<Cow<'a, str>>,
    /// Weight in `model_score`.
    pub weight: f64,
    /// Weighted mean of its element scores.
    pub score: Option<f64>,
    /// Status of `score`.
    pub status: Status,
    /// Weight share of its elements' indicators with a value.
    pub coverage: Option<f64>,
    /// Its element ids.
    pub elements: Vec<Cow<'a, str>>,
}

/// One element, scored from its indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ElementRow<'a> {
    /// Element id.
    pub id: Cow<'a, str>,
    /// Display name.
    pub title: Option<Cow<'a, str>>,
    /// Its dimension's id.
    pub dimension: Cow<'a, str>,
    /// Weight within its dimension.
    pub weight: f64,
    /// Weighted mean progress of its indicators.
    pub score: Option<f64>,
    /// Status of `score`.
    pub status: Status,
    /// Weight share of its indicators with a value.
    pub coverage: Option<f64>,
    /// The pyramid levels it evidences by default.
    pub levels: Cow<'a, [i64]>,
}

/// One level of the pyramid, scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LevelRow<'a> {
    /// 1 to 4.
    pub level: u8,
    /// Level id.
    pub id: Cow<'a, str>,
    /// Display name.
    pub title: Option<Cow<'a, str>>,
    /// Satisfaction or delight.
    pub outcome: Outcome,
    /// Weighted mean progress of the indicators evidencing it.
    pub score: Option<f64>,
    /// The score it needs.
    pub threshold: f64,
    /// Whether `score` reaches `threshold`.
    pub met: bool,
    /// How many indicators evidence it.
    pub indicators: usize,
}

/// One principle, scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PrincipleRow<'a> {
    /// Principle id.
    pub id: Cow<'a, str>,
    /// Display name.
    pub title: Option<Cow<'a, str>>,
    /// Weighted mean progress of the indicators tagged with it.
    pub score: Option<f64>,
    /// Weight share of those indicators with a value.
    pub coverage: Option<f64>,
    /// How many indicators are tagged with it.
    pub indicators: usize,
}

/// One indicator, scored, with what the user wrote kept verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IndicatorRow<'a> {
    /// Indicator id.
    pub id: Cow<'a, str>,
    /// Display name, verbatim.
    pub title: Option<Cow<'a, str>>,
    /// Resolved perspective id.
    pub perspective: Cow<'a, str>,
    /// Element id, if any.
    pub element: Option<Cow<'a, str>>,
    /// Resolved pyramid levels.
    pub levels: Cow<'a, [i64]>,
    /// Principle ids.
    pub principles: Vec<Cow<'a, str>>,
    /// Its weight.
    pub weight: f64,
    /// The current value.
    pub value: Option<f64>,
    /// Which way is better.
    pub direction: Direction,
    /// Unclamped share of the way from baseline to target.
    pub achievement: Option<f64>,
    /// Achievement as used in rollups (clamped to [0, 1] by default).
    pub progress: Option<f64>,
    /// Status of `progress`.
    pub status: Status,
    /// Trend over the history, with at least two measured periods.
    pub trend: Option<Trend>,
    /// Unit, verbatim.
    pub unit: Option<Cow<'a, str>>,
    /// Evidence, verbatim.
    pub evidence: Option<Cow<'a, str>>,
    /// Meta, verbatim.
    pub meta: Option<Cow<'a, serde_json::Value>>,
}

/// An element's gap and what closing it is worth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GapRow<'a> {
    /// Element id.
    pub element: Cow<'a, str>,
    /// The element's score.
    pub score: f64,
    /// 1 - score.
    pub gap: f64,
    /// How much `model_score` would rise if the element reached 1.
    pub impact: f64,
}

/// An indicator and what reaching its target is worth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PriorityRow<'a> {
    /// Indicator id.
    pub indicator: Cow<'a, str>,
    /// Progress used (0 for a missing value under `missing: zero`).
    pub progress: f64,
    /// How much `score` would rise if it reached its target.
    pub impact: f64,
}
