//! Building documents in Rust code, the way one writes them in JSON.

use super::document::{
    Bound, FrameworkChoice, HistoryPoint, Indicator, Options, PerspectiveWeight, Scale, Scorecard, Thresholds,
};
use crate::framework::Framework;

impl Scorecard {
    /// An empty format-1 document on the built-in ISO 23592 framework.
    pub fn new() -> Scorecard {
        Scorecard { servex: Some(1), ..Scorecard::default() }
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Scorecard {
        self.title = Some(title.into());
        self
    }

    /// Scores against a built-in framework, by id.
    pub fn framework_id(mut self, id: impl Into<String>) -> Scorecard {
        self.framework = Some(FrameworkChoice::Builtin(id.into()));
        self
    }

    /// Scores against a custom framework.
    pub fn framework(mut self, framework: Framework) -> Scorecard {
        self.framework = Some(FrameworkChoice::Inline(Box::new(framework)));
        self
    }

    /// Adds a perspective with its weight; the first call replaces the framework's list.
    pub fn perspective(mut self, id: impl Into<String>, weight: f64) -> Scorecard {
        self.perspectives.get_or_insert_with(Vec::new).push(PerspectiveWeight {
            id: id.into(),
            title: None,
            weight: Some(weight),
        });
        self
    }

    /// Adds (or replaces) a named rating scale.
    pub fn scale(mut self, name: impl Into<String>, scale: Scale) -> Scorecard {
        self.scales.get_or_insert_with(Default::default).insert(name.into(), scale);
        self
    }

    /// Appends an indicator.
    pub fn indicator(mut self, indicator: Indicator) -> Scorecard {
        self.indicators.push(indicator);
        self
    }

    /// Sets the scoring options.
    pub fn options(mut self, options: Options) -> Scorecard {
        self.options = Some(options);
        self
    }
}

impl Indicator {
    /// A measure scored from `baseline` to `target` (a lower target means lower is better).
    pub fn measure(id: impl Into<String>, baseline: f64, target: f64) -> Indicator {
        Indicator {
            id: id.into(),
            baseline: Some(Bound::Value(baseline)),
            target: Some(Bound::Value(target)),
            ..Indicator::default()
        }
    }

    /// A measure whose target is the range `target` inside the wider `baseline` range.
    pub fn range(id: impl Into<String>, baseline: (f64, f64), target: (f64, f64)) -> Indicator {
        Indicator {
            id: id.into(),
            baseline: Some(Bound::Range(baseline.0, baseline.1)),
            target: Some(Bound::Range(target.0, target.1)),
            ..Indicator::default()
        }
    }

    /// A rating on a named scale (`maturity`, `likert5`, ... or the document's own).
    pub fn rating(id: impl Into<String>, scale: impl Into<String>) -> Indicator {
        Indicator { id: id.into(), scale: Some(scale.into()), ..Indicator::default() }
    }

    /// Sets the current value.
    pub fn value(mut self, value: f64) -> Indicator {
        self.value = Some(value);
        self
    }

    /// Sets the element it evidences.
    pub fn element(mut self, element: impl Into<String>) -> Indicator {
        self.element = Some(element.into());
        self
    }

    /// Sets its perspective.
    pub fn perspective(mut self, perspective: impl Into<String>) -> Indicator {
        self.perspective = Some(perspective.into());
        self
    }

    /// Sets the pyramid levels it evidences.
    pub fn levels(mut self, levels: impl IntoIterator<Item = i64>) -> Indicator {
        self.levels = Some(levels.into_iter().collect());
        self
    }

    /// Sets the principles it evidences.
    pub fn principles<S: Into<String>>(mut self, principles: impl IntoIterator<Item = S>) -> Indicator {
        self.principles = Some(principles.into_iter().map(Into::into).collect());
        self
    }

    /// Sets its weight.
    pub fn weight(mut self, weight: f64) -> Indicator {
        self.weight = Some(weight);
        self
    }

    /// Appends an earlier period (oldest first); `None` for a period not measured.
    pub fn history(mut self, period: impl Into<String>, value: Option<f64>) -> Indicator {
        self.history.get_or_insert_with(Vec::new).push(HistoryPoint { period: period.into(), value });
        self
    }

    /// Sets its own status thresholds.
    pub fn thresholds(mut self, green: f64, amber: f64) -> Indicator {
        self.thresholds = Some(Thresholds { green: Some(green), amber: Some(amber) });
        self
    }

    /// Sets the display title.
    pub fn title(mut self, title: impl Into<String>) -> Indicator {
        self.title = Some(title.into());
        self
    }

    /// Sets the unit.
    pub fn unit(mut self, unit: impl Into<String>) -> Indicator {
        self.unit = Some(unit.into());
        self
    }

    /// Sets the evidence note.
    pub fn evidence(mut self, evidence: impl Into<String>) -> Indicator {
        self.evidence = Some(evidence.into());
        self
    }

    /// Attaches any JSON the user wants back in the report.
    pub fn meta(mut self, meta: serde_json::Value) -> Indicator {
        self.meta = Some(meta);
        self
    }
}
