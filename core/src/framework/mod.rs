//! The service excellence model (SPEC 1): principles, dimensions, elements, the
//! four-level pyramid and the scorecard perspectives, built in or supplied by the user.

mod builtin;
mod validate;

use serde::{Deserialize, Serialize};

pub use builtin::{builtin, BUILTIN_ID};

/// A whole model: ISO 23592 by default, or an organisation's own of the same shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Stable id, e.g. `iso23592:2021`.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Provenance and caveats of the model's data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The principles indicators may be tagged with.
    #[serde(default)]
    pub principles: Vec<Principle>,
    /// Dimensions, each grouping elements.
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    /// The pyramid: exactly four levels, 1 to 4 in order.
    pub levels: Vec<Level>,
    /// The balanced-scorecard perspectives the dimensions map to.
    #[serde(default)]
    pub perspectives: Vec<Perspective>,
}

/// A guiding principle (ISO 23592 clause 5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Principle {
    /// Stable id, e.g. `P1`.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// One-sentence paraphrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// A dimension of the model, scored from its elements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Stable id, e.g. `7.1`.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The perspective an element's indicators fall under when they name none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perspective: Option<String>,
    /// Weight in `model_score`; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub weight: Option<f64>,
    /// The elements of this dimension.
    pub elements: Vec<Element>,
    /// One-sentence paraphrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// An element of the model, scored from the indicators that name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Element {
    /// Stable id, e.g. `7.3.1`.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Weight within its dimension; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub weight: Option<f64>,
    /// Pyramid levels its indicators evidence by default.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::json::whole::levels")]
    #[cfg_attr(feature = "schema", schemars(inner(range(min = 1, max = 4))))]
    pub levels: Option<Vec<i64>>,
    /// One-sentence paraphrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// Whether a pyramid level leads to satisfaction or to delight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "LevelOutcome"))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Levels 1 and 2 of ISO 23592.
    Satisfaction,
    /// Levels 3 and 4 of ISO 23592.
    Delight,
}

/// One level of the service excellence pyramid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// 1 to 4, bottom to top.
    #[serde(deserialize_with = "crate::json::whole::level")]
    pub level: u8,
    /// Stable id, e.g. `core_service_proposition`.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What meeting this level brings the customer.
    pub outcome: Outcome,
    /// One-sentence paraphrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// A balanced-scorecard perspective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Perspective {
    /// Stable id, e.g. `service`.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The question the perspective answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
}

impl Framework {
    /// Parses and validates a framework object; error paths are relative to it.
    pub fn from_json(value: &serde_json::Value) -> Result<Framework, crate::Error> {
        let framework: Framework = crate::json::from_value(value)?;
        framework.validate()?;
        Ok(framework)
    }

    /// Checks the rules of SPEC 1; error paths are relative to the framework object.
    pub fn validate(&self) -> Result<(), crate::Error> {
        validate::validate(self)
    }

    /// The same framework with defaults made explicit: weight 1 on dimensions and
    /// elements that lack one and `levels: []` on elements that lack them.
    pub fn with_defaults(&self) -> Framework {
        let mut out = self.clone();
        for dimension in &mut out.dimensions {
            dimension.weight.get_or_insert(1.0);
            for element in &mut dimension.elements {
                element.weight.get_or_insert(1.0);
                element.levels.get_or_insert_with(Vec::new);
            }
        }
        out
    }

    /// Every element with the index of its dimension, in framework order.
    pub fn elements(&self) -> impl Iterator<Item = (usize, &Element)> {
        self.dimensions.iter().enumerate().flat_map(|(d, dimension)| dimension.elements.iter().map(move |e| (d, e)))
    }
}
