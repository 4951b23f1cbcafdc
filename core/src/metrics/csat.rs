//! Customer satisfaction (top-box share) with a Wilson score interval (SPEC 7).

use serde::Serialize;

use crate::error::{err, Error, ErrorKind};

use super::compare::{Compare, Side};
use super::finish::{finish_tally, Estimator, Grouped, Scored, Shared};
use super::funnel::Funnel;
use super::groups::Split;
use super::response::{Classes, Response};
use super::tally::{tally, GroupCells, RowWeights, Tally};
use super::{class_sums, critical_z, effective_size, Invalid, DEFAULT_CONFIDENCE};

/// Options of [`csat`] and [`csat_grouped`].
#[derive(Debug, Clone, PartialEq)]
pub struct CsatOptions {
    /// The top of the scale 1..scale, at least 2 (default 5).
    pub scale: u32,
    /// How many top values count as satisfied, 1 <= top < scale (default 2).
    pub top: u32,
    /// The confidence level, strictly between 0 and 1 (default 0.95).
    pub confidence: f64,
    /// What to do with invalid responses (default: error).
    pub invalid: Invalid,
    /// Grouped only: compare the groups (SPEC 11).
    pub compare: Option<Compare>,
    /// Grouped only: set the groups in a funnel (SPEC 12.2).
    pub funnel: Option<Funnel>,
}

impl Default for CsatOptions {
    fn default() -> Self {
        CsatOptions {
            scale: 5,
            top: 2,
            confidence: DEFAULT_CONFIDENCE,
            invalid: Invalid::default(),
            compare: None,
            funnel: None,
        }
    }
}

/// The CSAT score of a set of 1..scale responses.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "CsatResult"))]
pub struct Csat {
    /// The number of valid responses.
    pub n: u64,
    /// The effective sample size W^2 / Q (n without weights).
    pub n_eff: f64,
    /// Responses above scale - top.
    pub satisfied: u64,
    /// 100 x the (weighted) share satisfied.
    pub score: f64,
    /// The lower end of the Wilson interval, x100.
    pub ci_low: f64,
    /// The upper end of the Wilson interval, x100.
    pub ci_high: f64,
    /// The confidence level of the interval.
    pub confidence: f64,
    /// Invalid responses dropped under [`Invalid::Skip`].
    #[cfg_attr(feature = "schema", schemars(description = "Invalid responses dropped under `invalid: \"skip\"`."))]
    pub skipped: u64,
}

pub(crate) fn classes(options: &CsatOptions) -> Result<Classes, Error> {
    let (scale, top) = (options.scale, options.top);
    if scale < 2 {
        return err(ErrorKind::InvalidValue, "/scale", format!("scale must be an integer >= 2, got {scale}"));
    }
    if top < 1 || top >= scale {
        return err(ErrorKind::InvalidValue, "/top", format!("top must be in 1..{}, got {top}", scale - 1));
    }
    let hi = i64::from(scale);
    Ok(Classes { lo: 1, hi, t1: hi - i64::from(top) + 1, t2: hi + 1 })
}

/// CSAT over `responses` (integers 1..scale).
///
/// # Errors
/// `invalid_value` at `/scale`, `/top`, `/confidence` or `/responses/INDEX` of the
/// first invalid response (unless skipped); `empty_input` at `/responses`.
pub fn csat<T: Response>(responses: &[T], options: &CsatOptions) -> Result<Csat, Error> {
    let estimator = CsatEstimator::new(options)?;
    estimator.finish_one(tally(responses, None, &RowWeights::default(), &estimator.classes)?)
}

/// CSAT per group of rows; `groups` ([`Groups`](super::Groups), or a [`Split`]) must have one
/// label per response.
///
/// # Errors
/// As [`csat`], with response indexes global; `invalid_document` at `/groups` when
/// the lengths differ.
pub fn csat_grouped<'a, T: Response>(
    responses: &[T],
    groups: impl Into<Split<'a>>,
    options: &CsatOptions,
) -> Result<Grouped<Csat>, Error> {
    let estimator = CsatEstimator::new(options)?;
    estimator.finish_grouped(tally(responses, Some(groups.into()), &RowWeights::default(), &estimator.classes)?)
}

/// The Wilson score interval for a share `p` out of `m` (possibly effective)
/// responses at critical value `z`.
fn wilson(p: f64, m: f64, z: f64) -> (f64, f64) {
    let z2 = z * z;
    let denom = 1.0 + z2 / m;
    let centre = (p + z2 / (2.0 * m)) / denom;
    let half = z / denom * (p * (1.0 - p) / m + z2 / (4.0 * m * m)).sqrt();
    // The interval always holds p; the clamps only remove rounding (e.g. a lower end of
    // 1e-17 at p = 0).
    ((centre - half).clamp(0.0, p), (centre + half).clamp(p, 1.0))
}

impl Tally {
    /// CSAT from this tally, per group when it is grouped.
    ///
    /// # Errors
    /// As [`csat`] and [`csat_grouped`].
    pub fn csat(&self, options: &CsatOptions) -> Result<Scored<Csat>, Error> {
        finish_tally(&CsatEstimator::new(options)?, self)
    }
}

/// CSAT's estimator: its options, scale and critical value.
pub(crate) struct CsatEstimator<'o> {
    options: &'o CsatOptions,
    classes: Classes,
    z: f64,
}

impl<'o> CsatEstimator<'o> {
    pub fn new(options: &'o CsatOptions) -> Result<Self, Error> {
        let classes = classes(options)?;
        Ok(CsatEstimator { options, classes, z: critical_z(options.confidence)? })
    }
}

impl Estimator for CsatEstimator<'_> {
    type Result = Csat;

    fn classes(&self) -> &Classes {
        &self.classes
    }

    fn estimate(&self, cells: &GroupCells) -> Csat {
        let [below, top, _] = class_sums(cells, &self.classes);
        let w = below.w + top.w;
        let m = effective_size(w, below.q + top.q);
        let p = top.w / w;
        let (low, high) = wilson(p, m, self.z);
        Csat {
            n: below.n + top.n,
            n_eff: m,
            satisfied: top.n,
            score: 100.0 * p,
            ci_low: 100.0 * low,
            ci_high: 100.0 * high,
            confidence: self.options.confidence,
            skipped: cells.skipped,
        }
    }

    fn side(&self, r: &Csat) -> Side {
        Side { score: r.score, se: 0.0, centre: r.score, n_eff: r.n_eff, ci_low: r.ci_low, ci_high: r.ci_high }
    }

    /// The pooled two-proportion test, with Newcombe's hybrid score interval.
    fn difference(&self, a: &Side, b: &Side, _z: f64) -> [f64; 5] {
        let diff = a.score - b.score;
        let (pa, pb) = (a.score / 100.0, b.score / 100.0);
        let pool = (a.n_eff * pa + b.n_eff * pb) / (a.n_eff + b.n_eff);
        let se = 100.0 * (pool * (1.0 - pool) * (1.0 / a.n_eff + 1.0 / b.n_eff)).max(0.0).sqrt();
        let low = diff - libm::hypot(a.score - a.ci_low, b.ci_high - b.score);
        let high = diff + libm::hypot(a.ci_high - a.score, b.score - b.ci_low);
        [diff, diff, se, low, high]
    }

    fn shared(&self) -> Shared<'_> {
        let o = self.options;
        Shared { confidence: o.confidence, invalid: o.invalid, compare: o.compare.as_ref(), funnel: o.funnel.as_ref() }
    }

    fn range(&self) -> (f64, f64) {
        (0.0, 100.0)
    }

    /// 100 sqrt(c (1 - c)), c the target's share: the binomial spread under it.
    fn unit_spread(&self, _pooled: &GroupCells, target: f64) -> f64 {
        let c = target / 100.0;
        100.0 * (c * (1.0 - c)).max(0.0).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn wilson_by_hand() {
        // 5 of 8 at z = 1.96: centre = (0.625 + 1.9208/8) / (1 + 3.8416/8).
        let (lo, hi) = wilson(5.0 / 8.0, 8.0, 1.96);
        let z2: f64 = 1.96 * 1.96;
        let denom = 1.0 + z2 / 8.0;
        let centre = (0.625 + z2 / 16.0) / denom;
        let half = 1.96 / denom * (0.625 * 0.375 / 8.0 + z2 / 256.0).sqrt();
        assert!(close(lo, centre - half) && close(hi, centre + half));
        // All or none satisfied stay inside [0, 1] and are not degenerate.
        let (lo, hi) = wilson(1.0, 4.0, 1.96);
        assert!(lo > 0.0 && lo < 1.0 && close(hi, 1.0));
        let (lo, hi) = wilson(0.0, 4.0, 1.96);
        assert!(close(lo, 0.0) && hi > 0.0);
    }

    #[test]
    fn top_box_counts() {
        let r = csat(&[5u8, 4, 3, 5, 2, 1, 4, 4], &CsatOptions::default()).ok();
        assert_eq!(r.as_ref().map(|r| (r.n, r.satisfied)), Some((8, 5)));
        assert!(r.is_some_and(|r| close(r.score, 62.5)));
        let o = CsatOptions { scale: 7, top: 3, ..CsatOptions::default() };
        let r = csat(&[7.0, 6.0, 5.0, 4.0, 1.0, 7.0], &o).ok();
        assert_eq!(r.map(|r| r.satisfied), Some(4));
    }

    #[test]
    fn scale_and_top_are_checked() {
        let cases = [(1, 1, "/scale"), (0, 1, "/scale"), (5, 0, "/top"), (5, 5, "/top"), (5, 9, "/top")];
        for (scale, top, path) in cases {
            let o = CsatOptions { scale, top, ..CsatOptions::default() };
            let e = csat(&[1u8], &o).err();
            assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::InvalidValue, path.to_string())));
        }
        let e = csat(&[5.0, 6.0], &CsatOptions::default()).err();
        assert_eq!(e.map(|e| e.path().to_string()), Some("/responses/1".into()));
        let e = csat(&[0u8], &CsatOptions::default()).err();
        assert_eq!(e.map(|e| e.path().to_string()), Some("/responses/0".into()));
    }

    #[test]
    fn huge_scales_do_not_allocate() {
        let o = CsatOptions { scale: u32::MAX, top: 1, ..CsatOptions::default() };
        let r = csat(&[u32::MAX, 1, 7], &o).ok();
        assert_eq!(r.map(|r| (r.n, r.satisfied)), Some((3, 1)));
    }
}
