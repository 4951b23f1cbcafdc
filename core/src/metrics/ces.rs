//! Customer effort score: mean and agree / disagree shares around the midpoint (SPEC 7).

use serde::Serialize;

use crate::error::{err, Error, ErrorKind};

use super::groups::{Grouped, Split};
use super::response::{run, run_grouped, Classes, Response, Tally};
use super::Invalid;

/// Options of [`ces`] and [`ces_grouped`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CesOptions {
    /// The top of the scale 1..scale, higher = easier, at least 2 (default 7).
    pub scale: u32,
    /// What to do with invalid responses (default: error).
    pub invalid: Invalid,
}

impl Default for CesOptions {
    fn default() -> Self {
        CesOptions { scale: 7, invalid: Invalid::default() }
    }
}

/// The customer effort score of a set of 1..scale responses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ces {
    /// The number of valid responses.
    pub n: u64,
    /// The mean response.
    pub mean: f64,
    /// The percentage of responses above the midpoint (scale + 1) / 2.
    pub agree: f64,
    /// The percentage of responses below the midpoint.
    pub disagree: f64,
    /// agree - disagree, in percentage points.
    pub net: f64,
    /// Invalid responses dropped under [`Invalid::Skip`].
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
/// `invalid_value` at `/scale` or at `/responses/INDEX` of the first invalid
/// response (unless skipped); `empty_input` at `/responses`.
pub fn ces<T: Response>(responses: &[T], options: &CesOptions) -> Result<Ces, Error> {
    let classes = classes(options.scale)?;
    run(responses, &classes, options.invalid, finish)
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
    let classes = classes(options.scale)?;
    run_grouped(responses, groups.into(), &classes, options.invalid, finish)
}

fn finish(t: &Tally) -> Ces {
    let n = t.n();
    let total = n as f64;
    let [below, _, above] = t.counts;
    let agree = 100.0 * above as f64 / total;
    let disagree = 100.0 * below as f64 / total;
    Ces {
        n,
        mean: t.sum as f64 / total,
        agree,
        disagree,
        net: super::no_negative_zero(agree - disagree),
        skipped: t.invalid,
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
