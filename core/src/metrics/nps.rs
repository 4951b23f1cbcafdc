//! Net Promoter Score with a Wald or adjusted-Wald confidence interval (SPEC 7).

use serde::Serialize;

use crate::error::Error;

use super::groups::{Grouped, Split};
use super::response::{run, run_grouped, Classes, Response, Tally};
use super::{critical_z, Invalid, NpsMethod, DEFAULT_CONFIDENCE};

/// Options of [`nps`] and [`nps_grouped`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NpsOptions {
    /// The interval method (default adjusted Wald).
    pub method: NpsMethod,
    /// The confidence level, strictly between 0 and 1 (default 0.95).
    pub confidence: f64,
    /// What to do with invalid responses (default: error).
    pub invalid: Invalid,
}

impl Default for NpsOptions {
    fn default() -> Self {
        NpsOptions { method: NpsMethod::default(), confidence: DEFAULT_CONFIDENCE, invalid: Invalid::default() }
    }
}

/// The Net Promoter Score of a set of 0..10 responses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Nps {
    /// The number of valid responses.
    pub n: u64,
    /// Responses of 9 or 10.
    pub promoters: u64,
    /// Responses of 7 or 8.
    pub passives: u64,
    /// Responses of 0 to 6.
    pub detractors: u64,
    /// 100 (promoters - detractors) / n, on -100..100.
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
    pub skipped: u64,
}

const CLASSES: Classes = Classes { lo: 0, hi: 10, t1: 7, t2: 9 };

/// NPS over `responses` (integers 0..10).
///
/// # Errors
/// `invalid_value` at `/confidence` or at `/responses/INDEX` of the first invalid
/// response (unless skipped); `empty_input` at `/responses` when none is valid.
pub fn nps<T: Response>(responses: &[T], options: &NpsOptions) -> Result<Nps, Error> {
    let z = critical_z(options.confidence)?;
    run(responses, &CLASSES, options.invalid, |t| finish(t, z, options))
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
    let z = critical_z(options.confidence)?;
    run_grouped(responses, groups.into(), &CLASSES, options.invalid, |t| finish(t, z, options))
}

/// The difference of shares and its standard error for `pro` promoters and `det`
/// detractors out of `n` (possibly fractional, for the adjusted method).
fn difference_and_se(pro: f64, det: f64, n: f64) -> (f64, f64) {
    let (p, d) = (pro / n, det / n);
    let diff = p - d;
    let var = (p + d - diff * diff).max(0.0);
    (diff, (var / n).sqrt())
}

fn finish(t: &Tally, z: f64, options: &NpsOptions) -> Nps {
    let [detractors, passives, promoters] = t.counts;
    let n = t.n();
    let (pro, det, total) = (promoters as f64, detractors as f64, n as f64);
    let (raw, _) = difference_and_se(pro, det, total);
    let (centre, se) = match options.method {
        NpsMethod::Wald => difference_and_se(pro, det, total),
        NpsMethod::AdjustedWald => difference_and_se(pro + 0.75, det + 0.75, total + 3.0),
    };
    let low = (centre - z * se).clamp(-1.0, 1.0);
    let high = (centre + z * se).clamp(-1.0, 1.0);
    Nps {
        n,
        promoters,
        passives,
        detractors,
        score: super::no_negative_zero(100.0 * raw),
        se: 100.0 * se,
        ci_low: 100.0 * low,
        ci_high: 100.0 * high,
        method: options.method,
        confidence: options.confidence,
        skipped: t.invalid,
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
