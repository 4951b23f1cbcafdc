//! Net Promoter Score with a Wald or adjusted-Wald confidence interval (SPEC 7).

use serde::Serialize;

use crate::error::Error;

use super::compare::{Compare, Side};
use super::finish::{finish_tally, Estimator, Grouped, Scored, Shared};
use super::funnel::Funnel;
use super::groups::Split;
use super::response::{Classes, Response};
use super::tally::{tally, GroupCells, RowWeights, Tally};
use super::{class_sums, critical_z, effective_size, no_negative_zero, Invalid, NpsMethod, DEFAULT_CONFIDENCE};

/// Options of [`nps`] and [`nps_grouped`].
#[derive(Debug, Clone, PartialEq)]
pub struct NpsOptions {
    /// The interval method (default adjusted Wald).
    pub method: NpsMethod,
    /// The confidence level, strictly between 0 and 1 (default 0.95).
    pub confidence: f64,
    /// What to do with invalid responses (default: error).
    pub invalid: Invalid,
    /// Grouped only: compare the groups (SPEC 11).
    pub compare: Option<Compare>,
    /// Grouped only: set the groups in a funnel (SPEC 12.2).
    pub funnel: Option<Funnel>,
}

impl Default for NpsOptions {
    fn default() -> Self {
        NpsOptions {
            method: NpsMethod::default(),
            confidence: DEFAULT_CONFIDENCE,
            invalid: Invalid::default(),
            compare: None,
            funnel: None,
        }
    }
}

/// The Net Promoter Score of a set of 0..10 responses.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "NpsResult"))]
pub struct Nps {
    /// The number of valid responses.
    pub n: u64,
    /// Responses of 9 or 10.
    pub promoters: u64,
    /// Responses of 7 or 8.
    pub passives: u64,
    /// Responses of 0 to 6.
    pub detractors: u64,
    /// The effective sample size W^2 / Q (n without weights).
    pub n_eff: f64,
    /// 100 (promoters - detractors) / n, weighted, on -100..100.
    pub score: f64,
    /// The standard error of the method used, x100.
    pub se: f64,
    /// The lower end of the interval, x100, clamped to -100.
    pub ci_low: f64,
    /// The upper end of the interval, x100, clamped to 100.
    pub ci_high: f64,
    /// The interval method used.
    pub method: NpsMethod,
    /// The confidence level of the interval.
    pub confidence: f64,
    /// Invalid responses dropped under [`Invalid::Skip`].
    #[cfg_attr(feature = "schema", schemars(description = "Invalid responses dropped under `invalid: \"skip\"`."))]
    pub skipped: u64,
    /// The adjusted Wald centre x100 (the score for Wald), which comparisons test.
    #[serde(skip)]
    centre: f64,
}

pub(crate) const CLASSES: Classes = Classes { lo: 0, hi: 10, t1: 7, t2: 9 };

/// NPS over `responses` (integers 0..10).
///
/// # Errors
/// `invalid_value` at `/confidence` or at `/responses/INDEX` of the first invalid
/// response (unless skipped); `empty_input` at `/responses` when none is valid;
/// `invalid_document` at `/compare` when `compare` is set.
pub fn nps<T: Response>(responses: &[T], options: &NpsOptions) -> Result<Nps, Error> {
    let estimator = NpsEstimator::new(options)?;
    let tallied = tally(responses, None, &RowWeights::default(), &CLASSES)?;
    estimator.finish_one(tallied)
}

/// NPS per group of rows; `groups` ([`Groups`](super::Groups), or a [`Split`]) must have one
/// label per response.
///
/// # Errors
/// As [`nps`], with response indexes global; `invalid_document` at `/groups` when
/// the lengths differ.
pub fn nps_grouped<'a, T: Response>(
    responses: &[T],
    groups: impl Into<Split<'a>>,
    options: &NpsOptions,
) -> Result<Grouped<Nps>, Error> {
    let estimator = NpsEstimator::new(options)?;
    let tallied = tally(responses, Some(groups.into()), &RowWeights::default(), &CLASSES)?;
    estimator.finish_grouped(tallied)
}

impl Tally {
    /// NPS from this tally, per group when it is grouped.
    ///
    /// # Errors
    /// As [`nps`] and [`nps_grouped`].
    pub fn nps(&self, options: &NpsOptions) -> Result<Scored<Nps>, Error> {
        finish_tally(&NpsEstimator::new(options)?, self)
    }
}

/// NPS's estimator: its options and critical value.
pub(crate) struct NpsEstimator<'o> {
    options: &'o NpsOptions,
    z: f64,
}

impl<'o> NpsEstimator<'o> {
    pub fn new(options: &'o NpsOptions) -> Result<Self, Error> {
        Ok(NpsEstimator { options, z: critical_z(options.confidence)? })
    }
}

impl Estimator for NpsEstimator<'_> {
    type Result = Nps;

    fn classes(&self) -> &Classes {
        &CLASSES
    }

    fn estimate(&self, cells: &GroupCells) -> Nps {
        let [d, p0, p] = class_sums(cells, &CLASSES);
        let w = d.w + p0.w + p.w;
        let q = d.q + p0.q + p.q;
        let m = effective_size(w, q);
        let (share_p, share_d) = (p.w / w, d.w / w);
        let theta = share_p - share_d;
        let (centre, se) = match self.options.method {
            NpsMethod::Wald => {
                // Each Q_c / W^2 taken as (Q_c / W) / W: with weights near 1e154 and
                // more, Q_c times a square, or W^2, would overflow.
                let share = |q: f64| q / w / w;
                let var = share(p.q) * (1.0 - theta).powi(2)
                    + share(p0.q) * theta * theta
                    + share(d.q) * (1.0 + theta).powi(2);
                (theta, var.sqrt())
            }
            NpsMethod::AdjustedWald => {
                let pa = (m * share_p + 0.75) / (m + 3.0);
                let da = (m * share_d + 0.75) / (m + 3.0);
                let diff = pa - da;
                (diff, ((pa + da - diff * diff).max(0.0) / (m + 3.0)).sqrt())
            }
        };
        Nps {
            n: d.n + p0.n + p.n,
            promoters: p.n,
            passives: p0.n,
            detractors: d.n,
            n_eff: m,
            score: no_negative_zero(100.0 * theta),
            se: 100.0 * se,
            ci_low: no_negative_zero(100.0 * (centre - self.z * se).clamp(-1.0, 1.0)),
            ci_high: no_negative_zero(100.0 * (centre + self.z * se).clamp(-1.0, 1.0)),
            method: self.options.method,
            confidence: self.options.confidence,
            skipped: cells.skipped,
            centre: 100.0 * centre,
        }
    }

    fn side(&self, r: &Nps) -> Side {
        Side { score: r.score, se: r.se, centre: r.centre, n_eff: r.n_eff, ci_low: r.ci_low, ci_high: r.ci_high }
    }

    fn difference(&self, a: &Side, b: &Side, z: f64) -> [f64; 5] {
        let diff = a.score - b.score;
        let centre = match self.options.method {
            NpsMethod::Wald => diff,
            NpsMethod::AdjustedWald => a.centre - b.centre,
        };
        // libm's hypot, not the platform's: they differ in the last bit between native
        // and WebAssembly builds, and every front must give the same bits.
        let se = libm::hypot(a.se, b.se);
        [diff, centre, se, (centre - z * se).clamp(-200.0, 200.0), (centre + z * se).clamp(-200.0, 200.0)]
    }

    fn shared(&self) -> Shared<'_> {
        let o = self.options;
        Shared { confidence: o.confidence, invalid: o.invalid, compare: o.compare.as_ref(), funnel: o.funnel.as_ref() }
    }

    fn range(&self) -> (f64, f64) {
        (-100.0, 100.0)
    }

    /// 100 sqrt(V0), V0 = p0 + d0 - (p0 - d0)^2 from the pooled shares.
    fn unit_spread(&self, pooled: &GroupCells, _target: f64) -> f64 {
        let [d, p0, p] = class_sums(pooled, &CLASSES);
        let w = d.w + p0.w + p.w;
        let (pro, det) = (p.w / w, d.w / w);
        100.0 * (pro + det - (pro - det).powi(2)).max(0.0).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::metrics::GroupLabel;
    use crate::metrics::Groups;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    const TEN: [u8; 10] = [10, 9, 8, 7, 6, 0, 10, 9, 3, 10];

    #[test]
    fn wald_by_hand() {
        // p = 0.5, d = 0.3: var = 0.8 - 0.04 = 0.76, se = sqrt(0.076).
        let o = NpsOptions { method: NpsMethod::Wald, ..NpsOptions::default() };
        let r = nps(&TEN, &o).ok();
        let Some(r) = r else { panic!("valid") };
        assert_eq!((r.n, r.promoters, r.passives, r.detractors), (10, 5, 2, 3));
        assert!(close(r.score, 20.0));
        let se = 0.076f64.sqrt();
        assert!(close(r.se, 100.0 * se));
        assert!(close(r.ci_low, 100.0 * (0.2 - 1.959963984540054 * se)));
        assert!(close(r.ci_high, 100.0 * (0.2 + 1.959963984540054 * se)));
    }

    #[test]
    fn adjusted_wald_by_hand() {
        // p' = 5.75/13, d' = 3.75/13; the score stays the raw 20.
        let r = nps(&TEN, &NpsOptions::default()).ok();
        let Some(r) = r else { panic!("valid") };
        let (p, d) = (5.75 / 13.0, 3.75 / 13.0);
        let se = ((p + d - (p - d) * (p - d)) / 13.0f64).sqrt();
        assert!(close(r.score, 20.0));
        assert!(close(r.se, 100.0 * se));
        assert!(close(r.ci_low, 100.0 * (p - d - 1.959963984540054 * se)));
        assert_eq!(r.method, NpsMethod::AdjustedWald);
    }

    #[test]
    fn interval_is_clamped() {
        let o = NpsOptions { method: NpsMethod::Wald, ..NpsOptions::default() };
        let r = nps(&[0i32, 0, 0], &o).ok();
        assert_eq!(r.map(|r| (r.score, r.se, r.ci_low, r.ci_high)), Some((-100.0, 0.0, -100.0, -100.0)));
        let r = nps(&[10.0f32, 9.0], &NpsOptions::default()).ok();
        assert_eq!(r.map(|r| r.ci_high), Some(100.0));
    }

    #[test]
    fn same_answer_from_every_column_type() {
        let o = NpsOptions::default();
        let a = nps(&TEN, &o);
        let f: Vec<f64> = TEN.iter().map(|&x| f64::from(x)).collect();
        let i: Vec<i64> = TEN.iter().map(|&x| i64::from(x)).collect();
        assert_eq!(a, nps(&f, &o));
        assert_eq!(a, nps(&i, &o));
    }

    #[test]
    fn invalid_responses_error_or_skip() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 7.5, 11.0, -1.0] {
            let e = nps(&[9.0, bad], &NpsOptions::default()).err();
            assert_eq!(
                e.map(|e| (e.kind(), e.path().to_string())),
                Some((ErrorKind::InvalidValue, "/responses/1".into()))
            );
            let o = NpsOptions { invalid: Invalid::Skip, ..NpsOptions::default() };
            let r = nps(&[9.0, bad], &o).ok();
            assert_eq!(r.map(|r| (r.n, r.skipped)), Some((1, 1)));
        }
        let e = nps::<u8>(&[], &NpsOptions::default()).err();
        assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::EmptyInput, "/responses".into())));
        let o = NpsOptions { confidence: 1.0, ..NpsOptions::default() };
        let e = nps(&[9u8], &o).err();
        assert_eq!(e.map(|e| e.path().to_string()), Some("/confidence".into()));
    }

    #[test]
    fn grouped_in_order_of_appearance_with_per_group_skips() {
        let groups = Groups::from_labels(["b", "a", "a", "c", "b", "c"]);
        let Ok(groups) = groups else { panic!("labels") };
        let o = NpsOptions { invalid: Invalid::Skip, ..NpsOptions::default() };
        let r = nps_grouped(&[9.0, f64::NAN, 10.0, f64::NAN, 3.0, 12.0], &groups, &o);
        let Ok(r) = r else { panic!("valid") };
        let summary: Vec<(GroupLabel, u64, u64)> =
            r.groups.iter().map(|g| (g.group.clone(), g.result.n, g.result.skipped)).collect();
        assert_eq!(summary, vec![("b".into(), 2, 0), ("a".into(), 1, 1)]);
        let e = nps_grouped(&[9.0, 3.0], &groups, &o).err();
        assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::InvalidDocument, "/groups".into())));
        let strict = nps_grouped(&[9.0, 1.0, 10.0, 2.0, 3.0, 12.0], &groups, &NpsOptions::default());
        assert_eq!(strict.err().map(|e| e.path().to_string()), Some("/responses/5".into()));
    }

    #[test]
    fn grouped_output_is_flat_json() {
        let codes = [1u32, 0, 1];
        let groups = Groups::from_codes(&codes, vec![GroupLabel::Int(7), GroupLabel::from("x")]);
        let Ok(groups) = groups else { panic!("codes") };
        let r = nps_grouped(&[9u8, 0, 10], &groups, &NpsOptions::default());
        let v = r.ok().and_then(|r| serde_json::to_value(r).ok());
        let Some(v) = v else { panic!("serialises") };
        assert_eq!(v["groups"][0]["group"], "x");
        assert_eq!(v["groups"][0]["n"], 2);
        assert_eq!(v["groups"][1]["group"], 7);
        assert_eq!(v["groups"][1]["method"], "adjusted_wald");
    }
}
