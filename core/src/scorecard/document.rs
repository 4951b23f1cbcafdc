//! The scorecard document (SPEC 2): what the user writes, typed. Every optional field
//! is an `Option` so that parsing and serialising again keeps exactly what was written.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::framework::Framework;

/// One balanced scorecard: indicators, their perspectives and the scoring options.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ScorecardDocument"))]
#[serde(deny_unknown_fields)]
pub struct Scorecard {
    /// Format version; 1 when present (written `1` or `1.0`: a number with no
    /// fractional part is that integer, SPEC 8).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "whole_version")]
    #[cfg_attr(feature = "schema", schemars(extend("enum" = [1, null])))]
    pub servex: Option<i64>,
    /// The model scored against; the built-in ISO 23592 framework when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<FrameworkChoice>,
    /// Display name of the scorecard, returned in the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The perspectives and their weights; the framework's, weight 1 each, when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perspectives: Option<Vec<PerspectiveWeight>>,
    /// Rating scales added to (or replacing) the built-ins, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scales: Option<BTreeMap<String, Scale>>,
    /// The indicators, in document order.
    pub indicators: Vec<Indicator>,
    /// Scoring options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Options>,
}

/// The framework a document is scored against: a built-in id or a whole framework.
#[derive(Debug, Clone, PartialEq)]
pub enum FrameworkChoice {
    /// A built-in framework, by id.
    Builtin(String),
    /// A custom framework, carried in the document.
    Inline(Box<Framework>),
}

/// A perspective of this scorecard with its weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PerspectiveWeight {
    /// The perspective id; may be one the framework does not have.
    pub id: String,
    /// Display name; the framework perspective's title when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Weight in the scorecard score; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub weight: Option<f64>,
}

/// A rating scale (SPEC 3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Lowest rating, scored as the baseline.
    pub min: f64,
    /// Highest rating, scored as the target.
    pub max: f64,
    /// The only ratings allowed, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<f64>>,
    /// Names of ratings for display, keyed by the rating's JSON number text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
}

/// A baseline or target: one number, or a `[low, high]` range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    /// A single number.
    Value(f64),
    /// A closed range `[low, high]`.
    Range(f64, f64),
}

/// One earlier period of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HistoryPoint {
    /// The period's name, e.g. `2026-Q2`.
    pub period: String,
    /// The value then; `None` when it was not measured.
    #[serde(default)]
    pub value: Option<f64>,
}

/// Status thresholds on progress; either field may be left to the options' default.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Progress at or above which the status is green.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub green: Option<f64>,
    /// Progress at or above which the status is amber.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amber: Option<f64>,
}

/// What a missing value does to the rollups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// Leave it out of every rollup (the default).
    #[default]
    Exclude,
    /// Count it as progress 0.
    Zero,
    /// Fail with `missing_value`.
    Error,
}

/// Scoring options (SPEC 2); every field has a default.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// How missing values are treated; `exclude` by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<Missing>,
    /// Whether progress is clamped to [0, 1]; true by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clamp: Option<bool>,
    /// Default status thresholds; green 1.0 and amber 0.5 by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thresholds: Option<Thresholds>,
    /// The score each pyramid level needs to be met; 0.75 each by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_thresholds: Option<[f64; 4]>,
    /// Element weights overriding the framework's, by element id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub element_weights: Option<BTreeMap<String, f64>>,
    /// Dimension weights overriding the framework's, by dimension id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension_weights: Option<BTreeMap<String, f64>>,
    /// The slope below which a trend is `stable`; 0.01 by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend_tolerance: Option<f64>,
}

/// One indicator: a measure (baseline and target) or a rating (on a scale).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Unique id, 1 to 256 code points.
    pub id: String,
    /// Display name, returned verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The framework element it evidences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub element: Option<String>,
    /// Its perspective; its element's dimension's perspective when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perspective: Option<String>,
    /// Pyramid levels it evidences; its element's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::json::whole::levels")]
    #[cfg_attr(feature = "schema", schemars(inner(range(min = 1, max = 4))))]
    pub levels: Option<Vec<i64>>,
    /// Principle ids it evidences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principles: Option<Vec<String>>,
    /// Weight within every group it belongs to; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub weight: Option<f64>,
    /// The current value; `None` when missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Where the measure started (a measure has baseline and target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Bound>,
    /// Where the measure should be.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Bound>,
    /// The rating scale (a rating has a scale instead of baseline and target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// Earlier periods, oldest first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<HistoryPoint>>,
    /// Status thresholds overriding the options', field by field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thresholds: Option<Thresholds>,
    /// Unit of the value, returned verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Where the value comes from, returned verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Anything else the user keeps with the indicator, returned verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<serde_json::Value>,
}

impl Serialize for FrameworkChoice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            FrameworkChoice::Builtin(id) => serializer.serialize_str(id),
            FrameworkChoice::Inline(framework) => framework.serialize(serializer),
        }
    }
}

/// Hand-written so that errors inside an inline framework keep their exact path.
impl<'de> Deserialize<'de> for FrameworkChoice {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ChoiceVisitor;
        impl<'de> Visitor<'de> for ChoiceVisitor {
            type Value = FrameworkChoice;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a framework id or a framework object")
            }
            fn visit_str<E: de::Error>(self, id: &str) -> Result<FrameworkChoice, E> {
                Ok(FrameworkChoice::Builtin(id.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FrameworkChoice, A::Error> {
                let framework = Framework::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(FrameworkChoice::Inline(Box::new(framework)))
            }
        }
        deserializer.deserialize_any(ChoiceVisitor)
    }
}

impl Serialize for Bound {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Bound::Value(v) => serializer.serialize_f64(v),
            Bound::Range(lo, hi) => [lo, hi].serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Bound {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BoundVisitor;
        impl<'de> Visitor<'de> for BoundVisitor {
            type Value = Bound;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a [low, high] pair of numbers")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Bound, E> {
                Ok(Bound::Value(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Bound, E> {
                Ok(Bound::Value(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Bound, E> {
                Ok(Bound::Value(v as f64))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Bound, A::Error> {
                let lo = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let hi = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(1, &self))?;
                if seq.next_element::<de::IgnoredAny>()?.is_some() {
                    return Err(de::Error::invalid_length(3, &self));
                }
                Ok(Bound::Range(lo, hi))
            }
        }
        deserializer.deserialize_any(BoundVisitor)
    }
}

/// The format version: an integer, or a number with no fractional part (`1.0` is 1);
/// one past the `i64` range stays a version other than 1.
fn whole_version<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let number: Option<f64> = Option::deserialize(d)?;
    match number {
        None => Ok(None),
        Some(x) if x.fract() == 0.0 && x.abs() < 9.2e18 => Ok(Some(x as i64)),
        Some(x) if x.fract() == 0.0 => Ok(Some(i64::MAX)),
        Some(x) => Err(serde::de::Error::custom(format!("the format version is an integer, not {x}"))),
    }
}
