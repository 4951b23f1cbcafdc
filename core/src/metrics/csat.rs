//! Customer satisfaction (top-box share) with a Wilson score interval (SPEC 7).

use serde::Serialize;

use crate::error::{err, Error, ErrorKind};

use super::groups::{Grouped, Split};
use super::response::{run, run_grouped, Classes, Response, Tally};
use super::{critical_z, Invalid, DEFAULT_CONFIDENCE};

/// Options of [`csat`] and [`csat_grouped`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CsatOptions {
    /// The top of the scale 1..scale, at least 2 (default 5).
    pub scale: u32,
    /// How many top values count as satisfied, 1 <= top < scale (default 2).
    pub top: u32,
    /// The confidence level, strictly between 0 and 1 (default 0.95).
    pub confidence: f64,
    /// What to do with invalid responses (default: error).
    pub invalid: Invalid,
}

impl Default for CsatOptions {
    fn default() -> Self {
        CsatOptions { scale: 5, top: 2, confidence: DEFAULT_CONFIDENCE, invalid: Invalid::default() }
    }
}

/// The CSAT score of a set of 1..scale responses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Csat {
    /// The number of valid responses.
    pub n: u64,
    /// Responses above scale - top.
    pub satisfied: u64,
    /// 100 satisfied / n.
    pub score: f64,
    /// The lower end of the Wilson interval, x100.
    pub ci_low: f64,
    /// The upper end of the Wilson interval, x100.
    pub ci_high: f64,
    /// The confidence level of the interval.
    pub confidence: f64,
    /// Invalid responses dropped under [`Invalid::Skip`].
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
    let classes = classes(options)?;
    let z = critical_z(options.confidence)?;
    run(responses, &classes, options.invalid, |t| finish(t, z, options))
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
    let classes = classes(options)?;
    let z = critical_z(options.confidence)?;
    run_grouped(responses, groups.into(), &classes, options.invalid, |t| finish(t, z, options))
}

/// The Wilson score interval for `k` successes out of `n` at critical value `z`.
fn wilson(k: f64, n: f64, z: f64) -> (f64, f64) {
    let p = k / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    // The interval always holds p; the clamps only remove rounding (e.g. a lower end of
    // 1e-17 at p = 0).
    ((centre - half).clamp(0.0, p), (centre + half).clamp(p, 1.0))
}

fn finish(t: &Tally, z: f64, options: &CsatOptions) -> Csat {
    let n = t.n();
    let satisfied = t.counts[1] + t.counts[2];
    let (low, high) = wilson(satisfied as f64, n as f64, z);
    Csat {
        n,
        satisfied,
        score: 100.0 * satisfied as f64 / n as f64,
        ci_low: 100.0 * low,
        ci_high: 100.0 * high,
        confidence: options.confidence,
        skipped: t.invalid,
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
        let (lo, hi) = wilson(5.0, 8.0, 1.96);
        let z2: f64 = 1.96 * 1.96;
        let denom = 1.0 + z2 / 8.0;
        let centre = (0.625 + z2 / 16.0) / denom;
        let half = 1.96 / denom * (0.625 * 0.375 / 8.0 + z2 / 256.0).sqrt();
        assert!(close(lo, centre - half) && close(hi, centre + half));
        // All or none satisfied stay inside [0, 1] and are not degenerate.
        let (lo, hi) = wilson(4.0, 4.0, 1.96);
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
