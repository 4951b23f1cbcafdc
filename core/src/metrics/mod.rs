//! Customer metrics (SPEC 7): NPS, CSAT, CES, SERVQUAL gaps and Kano, as columnar kernels.
//!
//! Every metric is a function over plain slices (`&[u8]`, `&[f64]`, ...; see
//! [`Response`]) with an options struct; the `*_grouped` variants split the rows by
//! [`Groups`], or by raw codes or integer labels checked and grouped while counting
//! ([`Split`]). Errors carry JSON Pointers relative to the keyword-argument object of
//! the metric (e.g. `/responses/7`), so that every front reports the same path.
//!
//! ```
//! use servex::metrics::{nps, NpsOptions};
//! let r = nps(&[10u8, 9, 8, 7, 6, 0, 10, 9, 3, 10], &NpsOptions::default()).unwrap();
//! assert_eq!((r.promoters, r.detractors), (5, 3));
//! assert!((r.score - 20.0).abs() < 1e-12);
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{err, Error, ErrorKind};

mod args;
pub(crate) use args::call;
pub use args::{arguments, call_column, ScaleMetric};
mod ces;
mod codes;
mod compare;
mod csat;
mod finish;
mod funnel;
mod groups;
mod kano;
mod matrix;
mod normal;
mod nps;
#[cfg(test)]
mod properties;
mod response;
mod servqual;
mod tally;

pub use ces::{ces, ces_grouped, Ces, CesOptions};
pub use codes::{Codes, GroupCode};
pub use compare::{Adjust, Against, Compare, Comparison};
pub use csat::{csat, csat_grouped, Csat, CsatOptions};
pub use finish::{GroupResult, Grouped, Scored};
pub(crate) use funnel::quantile;
pub use funnel::{Funnel, FunnelRow, FunnelSummary};
pub use groups::{not_a_label, GroupLabel, Groups, Split, MAX_GROUPS};
pub use kano::{kano, AttributeLabel, Kano, KanoAttribute, KanoCategory, KanoCounts};
pub use matrix::Matrix;
pub use normal::normal_quantile;
pub use nps::{nps, nps_grouped, Nps, NpsOptions};
pub use response::Response;
pub use servqual::{servqual, Dimension, DimensionGap, ItemGap, Servqual, ServqualOptions, SERVQUAL_22};
pub use tally::{count_past_max, Cell, RowWeights, Tally, TallyBuilder, MAX_COUNT};

/// What to do with a response that is not a valid answer (NaN, infinite, fractional
/// or off the scale).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Invalid {
    /// Fail with `invalid_value` at `/responses/INDEX` of the first invalid response.
    #[default]
    Error,
    /// Drop invalid responses and count them in `skipped`.
    Skip,
}

/// How the NPS confidence interval is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NpsMethod {
    /// The plain Wald interval on the difference of two multinomial shares.
    Wald,
    /// The Wald interval after adding 0.75 promoters, 0.75 detractors and 3 responses.
    #[default]
    AdjustedWald,
}

/// The members of metric `name`'s arguments that hold respondents' answers, where an
/// answer may be missing: a front whose numbers can be NaN reads a NaN there as null
/// ([`crate::boundary::non_finite`]). Empty for a call that is not a metric.
pub fn answer_columns(name: &str) -> &'static [&'static str] {
    match name {
        "nps" | "csat" | "ces" => &["responses"],
        "servqual" => &["expectations", "perceptions"],
        "kano" => &["functional", "dysfunctional"],
        _ => &[],
    }
}

/// The default confidence level of the NPS and CSAT intervals.
pub(crate) const DEFAULT_CONFIDENCE: f64 = 0.95;

/// Checks a confidence level (strictly between 0 and 1) and returns its two-sided z.
pub(crate) fn critical_z(confidence: f64) -> Result<f64, Error> {
    if !(confidence > 0.0 && confidence < 1.0) {
        return err(
            ErrorKind::InvalidValue,
            "/confidence",
            format!("confidence must be strictly between 0 and 1, got {confidence}"),
        );
    }
    Ok(normal::two_sided_z(confidence))
}

/// Turns an answer-less `-0.0` into `0.0`, so that results never print `-0.0`.
pub(crate) fn no_negative_zero(x: f64) -> f64 {
    x + 0.0
}

/// Kish's effective sample size W^2 / Q, as W (W / Q) so that W^2 cannot overflow
/// (weights near 1e154 and more); exactly W when every weight is one.
pub(crate) fn effective_size(w: f64, q: f64) -> f64 {
    if w == q {
        w
    } else {
        w * (w / q)
    }
}

/// A group's three class sums on `classes`, a class's squared weights ignored when its
/// weight is 0 (SPEC 10: only an inconsistent tally has them).
pub(crate) fn class_sums(cells: &tally::GroupCells, classes: &response::Classes) -> [Cell; 3] {
    cells.classes(classes).map(|c| if c.w > 0.0 { c } else { Cell { q: 0.0, ..c } })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_words_serialise_as_the_spec_words() {
        assert_eq!(serde_json::to_value(Invalid::Skip).ok(), Some("skip".into()));
        assert_eq!(serde_json::to_value(Invalid::Error).ok(), Some("error".into()));
        assert_eq!(serde_json::to_value(NpsMethod::Wald).ok(), Some("wald".into()));
        assert_eq!(serde_json::to_value(NpsMethod::AdjustedWald).ok(), Some("adjusted_wald".into()));
        assert_eq!(Invalid::default(), Invalid::Error);
        assert_eq!(NpsMethod::default(), NpsMethod::AdjustedWald);
    }

    #[test]
    fn confidence_must_be_strictly_inside_the_unit_interval() {
        for bad in [0.0, 1.0, -0.5, 1.5, f64::NAN, f64::INFINITY] {
            let e = critical_z(bad).err();
            assert_eq!(e.as_ref().map(|e| (e.kind(), e.path())), Some((ErrorKind::InvalidValue, "/confidence")));
        }
        assert!(critical_z(0.5).is_ok());
    }

    #[test]
    fn negative_zero_is_cleaned() {
        assert!(no_negative_zero(-0.0).is_sign_positive());
        assert_eq!(no_negative_zero(-1.5), -1.5);
    }
}
