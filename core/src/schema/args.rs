//! Schemas of the calls' inputs that are read by hand rather than by serde (the
//! metrics' keyword arguments, `catalogue`'s and `score_units`' objects): types that
//! exist only to be described. `core/tests/schema.rs` checks their members against
//! the lists the readers accept, so the two cannot drift.
#![expect(dead_code, reason = "types that exist only to be described: never built, never read")]

use std::collections::BTreeMap;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::metrics::{GroupLabel, Invalid, NpsMethod};
use crate::scorecard::{FrameworkChoice, HistoryPoint, Scorecard};

/// The responses of `nps`, `csat` or `ces`: numbers; anything else that is no array or
/// object is an invalid response (an error, or skipped and counted under
/// `invalid: "skip"`), not a fault of the document's shape.
fn responses(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "items": {
            "description": "A response on the metric's scale; any other number, null, a string or a boolean is invalid.",
            "type": ["number", "null", "string", "boolean"]
        }
    })
}

/// The columns of `nps`, `csat` and `ces` (SPEC 7 and 10).
#[derive(JsonSchema)]
struct Columns {
    /// One response per row.
    #[schemars(schema_with = "responses")]
    responses: Vec<serde_json::Value>,
    /// One group label per row: the results are then per group.
    groups: Option<Vec<GroupLabel>>,
    /// Each row's design weight.
    #[schemars(inner(range(min = 0)))]
    weights: Option<Vec<f64>>,
    /// How many responses each row stands for (a tally).
    #[schemars(inner(range(min = 0, max = 9_007_199_254_740_992u64)))]
    counts: Option<Vec<u64>>,
    /// With `counts` and `weights`: the sum of the squared weights of each row's responses.
    #[schemars(inner(range(min = 0)))]
    weights_sq: Option<Vec<f64>>,
}

/// The options that `nps`, `csat` and `ces` share (SPEC 7, 11 and 12.2).
#[derive(JsonSchema)]
struct Shared {
    /// The confidence level of the intervals, strictly between 0 and 1.
    #[schemars(extend("exclusiveMinimum" = 0, "exclusiveMaximum" = 1))]
    confidence: Option<f64>,
    /// What an invalid response does: `error` or `skip`.
    invalid: Option<Invalid>,
    /// Grouped only: what each group is compared with.
    compare: Option<Compare>,
    /// With `compare`: the adjustment of the p-values.
    adjust: Option<Adjust>,
    /// Grouped only: funnel limits around a common target.
    funnel: Option<Funnel>,
}

/// What each group is compared with.
#[derive(JsonSchema)]
#[serde(untagged)]
enum Compare {
    /// The first reported group, the previous one, or all the others pooled.
    Against(Against),
    /// The group with this label.
    Group {
        /// The label, as in `groups`.
        group: GroupLabel,
    },
}

/// The other side of every comparison.
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
enum Against {
    /// The first reported group.
    First,
    /// The group reported before.
    Previous,
    /// All other reported groups pooled.
    Rest,
}

/// How the p-values of a call's comparisons are adjusted.
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
enum Adjust {
    /// Holm's step-down adjustment.
    Holm,
    /// Benjamini-Hochberg's false discovery rate.
    Bh,
    /// No adjustment.
    None,
}

/// A funnel: `true` (or `false`, none), or its target and overdispersion.
#[derive(JsonSchema)]
#[serde(untagged)]
enum Funnel {
    /// With the pooled target and no overdispersion, or no funnel.
    On(bool),
    /// With these settings.
    Settings {
        /// The common target on the metric's own scale; the pooled estimate when absent.
        target: Option<f64>,
        /// Widen the limits by the between-group variance (default false).
        overdispersion: Option<bool>,
    },
}

/// The keyword arguments of `nps` (SPEC 7): responses 0 to 10.
#[derive(JsonSchema)]
#[schemars(rename = "NpsInput", deny_unknown_fields)]
pub(super) struct NpsArguments {
    #[serde(flatten)]
    columns: Columns,
    /// The interval method.
    method: Option<NpsMethod>,
    #[serde(flatten)]
    shared: Shared,
}

/// The keyword arguments of `csat` (SPEC 7): responses 1 to `scale`.
#[derive(JsonSchema)]
#[schemars(rename = "CsatInput", deny_unknown_fields)]
pub(super) struct CsatArguments {
    #[serde(flatten)]
    columns: Columns,
    /// The top of the scale, at least 2.
    #[schemars(range(min = 2))]
    scale: Option<u32>,
    /// How many top values count as satisfied, from 1 to `scale` - 1.
    #[schemars(range(min = 1))]
    top: Option<u32>,
    #[serde(flatten)]
    shared: Shared,
}

/// The keyword arguments of `ces` (SPEC 7): responses 1 to `scale`, higher = easier.
#[derive(JsonSchema)]
#[schemars(rename = "CesInput", deny_unknown_fields)]
pub(super) struct CesArguments {
    #[serde(flatten)]
    columns: Columns,
    /// The top of the scale, at least 2.
    #[schemars(range(min = 2))]
    scale: Option<u32>,
    #[serde(flatten)]
    shared: Shared,
}

/// The keyword arguments of `servqual` (SPEC 7): respondents x items matrices.
#[derive(JsonSchema)]
#[schemars(rename = "ServqualInput", deny_unknown_fields)]
pub(super) struct ServqualArguments {
    /// Expectations, one row per respondent; null is not answered.
    expectations: Vec<Vec<Option<f64>>>,
    /// Perceptions, of the same shape.
    perceptions: Vec<Vec<Option<f64>>>,
    /// Dimension name to 0-based item indices (default: the 22-item SERVQUAL map).
    dimensions: Option<BTreeMap<String, Vec<u32>>>,
    /// Dimension name to its weight in `weighted_gap`; every dimension needs one.
    #[schemars(inner(range(min = 0)))]
    weights: Option<BTreeMap<String, f64>>,
    /// The half-width of the band of respondent gaps counted as satisfied.
    #[schemars(range(min = 0))]
    tolerance: Option<f64>,
}

/// Kano answers: respondents x attributes, or a flat list for one attribute.
#[derive(JsonSchema)]
#[serde(untagged)]
enum KanoAnswers {
    /// One row per respondent, one answer per attribute.
    Matrix(Vec<Vec<Option<KanoAnswer>>>),
    /// One answer per respondent, for one attribute.
    Flat(Vec<Option<KanoAnswer>>),
}

/// A Kano answer: 1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike; null is skipped.
#[derive(JsonSchema)]
struct KanoAnswer(#[schemars(range(min = 1, max = 5))] u8);

/// The keyword arguments of `kano` (SPEC 7).
#[derive(JsonSchema)]
#[schemars(rename = "KanoInput", deny_unknown_fields)]
pub(super) struct KanoArguments {
    /// The answers to the functional questions.
    functional: KanoAnswers,
    /// The answers to the dysfunctional questions, of the same shape.
    dysfunctional: KanoAnswers,
    /// The attributes' names (default: their 0-based indices).
    attributes: Option<Vec<String>>,
}

/// The input of `catalogue` (SPEC 9).
#[derive(JsonSchema)]
#[schemars(rename = "CatalogueInput", deny_unknown_fields)]
pub(super) struct CatalogueArguments {
    /// A built-in framework id (default `iso23592:2021`) or a whole framework.
    framework: Option<FrameworkChoice>,
}

/// The input of `score_units` (SPEC 12.1): a template scorecard and the units scored on it.
#[derive(JsonSchema)]
#[schemars(rename = "UnitsInput", deny_unknown_fields)]
pub(super) struct UnitsArguments {
    /// Format version; 1 when present.
    #[schemars(extend("enum" = [1, null]))]
    servex: Option<i64>,
    /// The template: a scorecard document whose indicators' values and history are not used.
    scorecard: Scorecard,
    /// The units, in order.
    units: Vec<UnitArguments>,
}

/// One unit of `score_units`' input.
#[derive(JsonSchema)]
#[schemars(rename = "UnitInput", deny_unknown_fields)]
pub(super) struct UnitArguments {
    /// Unique id, 1 to 256 code points.
    id: String,
    /// Display name, returned verbatim.
    title: Option<String>,
    /// Indicator id to the unit's value (null or absent: missing).
    values: Option<BTreeMap<String, Option<f64>>>,
    /// Indicator id to the unit's earlier periods, oldest first.
    history: Option<BTreeMap<String, Vec<HistoryPoint>>>,
    /// Anything else kept with the unit, returned verbatim.
    meta: Option<serde_json::Value>,
}
