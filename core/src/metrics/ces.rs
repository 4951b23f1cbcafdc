//! Customer effort score: mean and agree / disagree shares around the midpoint (SPEC 7).

use serde::Serialize;

use crate::error::{err, Error, ErrorKind};

use super::compare::{Compare, Side};
use super::finish::{finish_tally, Estimator, Grouped, Scored, Shared};
use super::funnel::Funnel;
use super::groups::Split;
use super::response::{Classes, Response};
use super::tally::{tally, GroupCells, RowWeights, Tally};
use super::{class_sums, critical_z, effective_size, no_negative_zero, Invalid, DEFAULT_CONFIDENCE};

/// Options of [`ces`] and [`ces_grouped`].
#[derive(Debug, Clone, PartialEq)]
pub struct CesOptions {
    /// The top of the scale 1..scale, higher = easier, at least 2 (default 7).
    pub scale: u32,
    /// The confidence level of the mean's interval, strictly between 0 and 1 (default 0.95).
    pub confidence: f64,
    /// What to do with invalid responses (default: error).
    pub invalid: Invalid,
    /// Grouped only: compare the groups (SPEC 11).
    pub compare: Option<Compare>,
    /// Grouped only: set the groups in a funnel (SPEC 12.2).
    pub funnel: Option<Funnel>,
}

impl Default for CesOptions {
    fn default() -> Self {
        CesOptions {
            scale: 7,
            confidence: DEFAULT_CONFIDENCE,
            invalid: Invalid::default(),
            compare: None,
            funnel: None,
        }
    }
}

/// The customer effort score of a set of 1..scale responses.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "CesResult"))]
pub struct Ces {
    /// The number of valid responses.
    pub n: u64,
    /// The effective sample size W^2 / Q (n without weights).
    pub n_eff: f64,
    /// The (weighted) mean response.
    pub mean: f64,
    /// The percentage of responses above the midpoint (scale + 1) / 2.
    pub agree: f64,
    /// The percentage of responses below the midpoint.
    pub disagree: f64,
    /// agree - disagree, in percentage points.
    pub net: f64,
    /// The standard error of the mean.
    pub se: f64,
    /// The lower end of the mean's interval, clamped to 1.
    pub ci_low: f64,
    /// The upper end of the mean's interval, clamped to the scale.
    pub ci_high: f64,
    /// The confidence level of the interval.
    pub confidence: f64,
    /// Invalid responses dropped under [`Invalid::Skip`].
    #[cfg_attr(feature = "schema", schemars(description = "Invalid responses dropped under `invalid: \"skip\"`."))]
    pub skipped: u64,
}

/// Class 0 below the midpoint, 1 on it (odd scales only), 2 above it.
pub(crate) fn classes(scale: u32) -> Result<Classes, Error> {
    if scale < 2 {
        return err(ErrorKind::InvalidValue, "/scale", format!("scale must be an integer >= 2, got {scale}"));
    }
    let s = i64::from(scale);
    // mid = (s + 1) / 2: the first value not below it is ceil(mid), the first above it
    // is floor(mid) + 1; on an even scale both are the same and no value is neutral.
    Ok(Classes { lo: 1, hi: s, t1: (s + 2) / 2, t2: (s + 1) / 2 + 1 })
}

/// CES over `responses` (integers 1..scale).
///
/// # Errors
/// `invalid_value` at `/scale`, `/confidence` or at `/responses/INDEX` of the first
/// invalid response (unless skipped); `empty_input` at `/responses`.
pub fn ces<T: Response>(responses: &[T], options: &CesOptions) -> Result<Ces, Error> {
    let estimator = CesEstimator::new(options)?;
    estimator.finish_one(tally(responses, None, &RowWeights::default(), &estimator.classes)?)
}

/// CES per group of rows; `groups` ([`Groups`](super::Groups), or a [`Split`]) must have one
/// label per response.
///
/// # Errors
/// As [`ces`], with response indexes global; `invalid_document` at `/groups` when
/// the lengths differ.
pub fn ces_grouped<'a, T: Response>(
    responses: &[T],
    groups: impl Into<Split<'a>>,
    options: &CesOptions,
) -> Result<Grouped<Ces>, Error> {
    let estimator = CesEstimator::new(options)?;
    estimator.finish_grouped(tally(responses, Some(groups.into()), &RowWeights::default(), &estimator.classes)?)
}

impl Tally {
    /// CES from this tally, per group when it is grouped.
    ///
    /// # Errors
    /// As [`ces`] and [`ces_grouped`].
    pub fn ces(&self, options: &CesOptions) -> Result<Scored<Ces>, Error> {
        finish_tally(&CesEstimator::new(options)?, self)
    }
}

/// CES's estimator: its options, scale and critical value.
pub(crate) struct CesEstimator<'o> {
    options: &'o CesOptions,
    classes: Classes,
    z: f64,
}

impl<'o> CesEstimator<'o> {
    pub fn new(options: &'o CesOptions) -> Result<Self, Error> {
        let classes = classes(options.scale)?;
        Ok(CesEstimator { options, classes, z: critical_z(options.confidence)? })
    }
}

/// The weighted mean of the answers: exactly the answer when all the weight lies on
/// one (SPEC 10).
fn mean(cells: &GroupCells, w: f64) -> f64 {
    let mut weighted = cells.values.iter().filter(|(_, c)| c.w > 0.0);
    if let (Some(&(v, _)), None) = (weighted.next(), weighted.next()) {
        return v as f64;
    }
    cells.values.iter().map(|&(v, c)| c.w * v as f64).sum::<f64>() / w
}

impl Estimator for CesEstimator<'_> {
    type Result = Ces;

    fn classes(&self) -> &Classes {
        &self.classes
    }

    fn estimate(&self, cells: &GroupCells) -> Ces {
        let [below, neutral, above] = class_sums(cells, &self.classes);
        let w = below.w + neutral.w + above.w;
        let mean = mean(cells, w);
        // (Q_c / W) / W rather than Q_c / W^2: see NPS's Wald interval.
        let variance: f64 =
            cells.values.iter().filter(|(_, c)| c.w > 0.0).map(|&(v, c)| c.q / w / w * (v as f64 - mean).powi(2)).sum();
        let se = variance.sqrt();
        let agree = 100.0 * above.w / w;
        let disagree = 100.0 * below.w / w;
        let top = self.classes.hi as f64;
        Ces {
            n: below.n + neutral.n + above.n,
            n_eff: effective_size(w, below.q + neutral.q + above.q),
            mean,
            agree,
            disagree,
            net: no_negative_zero(agree - disagree),
            se,
            ci_low: (mean - self.z * se).clamp(1.0, top),
            ci_high: (mean + self.z * se).clamp(1.0, top),
            confidence: self.options.confidence,
            skipped: cells.skipped,
        }
    }

    fn side(&self, r: &Ces) -> Side {
        Side { score: r.mean, se: r.se, centre: r.mean, n_eff: r.n_eff, ci_low: r.ci_low, ci_high: r.ci_high }
    }

    fn difference(&self, a: &Side, b: &Side, z: f64) -> [f64; 5] {
        let diff = a.score - b.score;
        let se = libm::hypot(a.se, b.se);
        let range = self.classes.hi as f64 - 1.0;
        [diff, diff, se, (diff - z * se).clamp(-range, range), (diff + z * se).clamp(-range, range)]
    }

    fn shared(&self) -> Shared<'_> {
        let o = self.options;
        Shared { confidence: o.confidence, invalid: o.invalid, compare: o.compare.as_ref(), funnel: o.funnel.as_ref() }
    }

    fn range(&self) -> (f64, f64) {
        (1.0, self.classes.hi as f64)
    }

    /// sd0, the pooled answers' weighted standard deviation around their mean.
    fn unit_spread(&self, pooled: &GroupCells, _target: f64) -> f64 {
        let w = pooled.total().w;
        let mean0 = mean(pooled, w);
        let variance: f64 = pooled.values.iter().map(|&(v, c)| c.w / w * (v as f64 - mean0).powi(2)).sum();
        variance.sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::Groups;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn seven_point_by_hand() {
        let r = ces(&[7u8, 6, 5, 5, 4, 3, 7, 2, 6, 1], &CesOptions::default()).ok();
        let Some(r) = r else { panic!("valid") };
        assert_eq!(r.n, 10);
        assert!(close(r.mean, 4.6) && close(r.agree, 60.0) && close(r.disagree, 30.0));
        assert!(close(r.net, 30.0));
    }

    #[test]
    fn even_scales_have_no_neutral_value() {
        // scale 6: mid = 3.5, so 3 disagrees and 4 agrees.
        let o = CesOptions { scale: 6, ..CesOptions::default() };
        let r = ces(&[3i16, 4], &o).ok();
        assert_eq!(r.map(|r| (r.agree, r.disagree, r.net)), Some((50.0, 50.0, 0.0)));
        let c = classes(2).ok();
        assert_eq!(c.map(|c| (c.t1, c.t2)), Some((2, 2)));
        // scale 5: mid = 3 is neutral.
        let o = CesOptions { scale: 5, ..CesOptions::default() };
        let r = ces(&[3.0, 3.0, 4.0], &o).ok();
        let Some(r) = r else { panic!("valid") };
        assert!(close(r.agree, 100.0 / 3.0) && r.disagree == 0.0 && close(r.mean, 10.0 / 3.0));
    }

    #[test]
    fn errors() {
        let o = CesOptions { scale: 1, ..CesOptions::default() };
        let e = ces(&[1u8], &o).err();
        assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::InvalidValue, "/scale".into())));
        let e = ces(&[1.0, 8.0], &CesOptions::default()).err();
        assert_eq!(e.map(|e| e.path().to_string()), Some("/responses/1".into()));
        let groups = Groups::from_labels([1i64, 1, 2]);
        let Ok(groups) = groups else { panic!("labels") };
        let e = ces_grouped(&[1u8, 2], &groups, &CesOptions::default()).err();
        assert_eq!(e.map(|e| e.path().to_string()), Some("/groups".into()));
        let r = ces_grouped(&[1u8, 2, 7], &groups, &CesOptions::default()).ok();
        assert_eq!(r.map(|r| r.groups.len()), Some(2));
    }

    #[test]
    fn mean_does_not_overflow() {
        let o = CesOptions { scale: u32::MAX, ..CesOptions::default() };
        let v = vec![u32::MAX; 1000];
        let r = ces(&v, &o).ok();
        assert_eq!(r.map(|r| r.mean), Some(f64::from(u32::MAX)));
    }
}
