//! SPEC 8's magnitudes: every number read as a value, bound, answer or weight lies
//! within [-1e300, 1e300], and a weight that is not 0 within [1e-300, 1e300]. Within
//! them no formula of the SPEC overflows or loses a weight to underflow, so the
//! rollups and metrics need no check of their own. One rule, used wherever such a
//! number is read.

use crate::error::{Error, ErrorKind};

/// The largest magnitude of a number read as a value, bound, answer or weight.
pub const MAX: f64 = 1e300;
/// The smallest weight that is not 0.
pub const MIN_WEIGHT: f64 = 1e-300;

/// Whether `x` is a value, bound or answer: finite and within [-1e300, 1e300].
pub(crate) fn is_value(x: f64) -> bool {
    x.abs() <= MAX
}

/// Whether `w` is a weight: 0, or within [1e-300, 1e300]. Read on the bits, which
/// order like the numbers for positive doubles, so that a column's check is integer
/// arithmetic without a branch and vectorises (the floating-point comparisons
/// branched, and a panel's 0 weights mispredicted: the check of a weight column cost
/// as much as the weighted tally itself, `benches/examples/survey_kernel.rs`).
#[inline(always)]
pub(crate) fn is_weight(w: f64) -> bool {
    const LOW: u64 = MIN_WEIGHT.to_bits();
    const HIGH: u64 = MAX.to_bits();
    let bits = w.to_bits();
    // 0 or -0; otherwise a positive number in range (a sign bit, NaN or an infinity
    // lands past HIGH).
    (bits << 1 == 0) | (bits.wrapping_sub(LOW) <= HIGH - LOW)
}

/// `invalid_value` at `at()` unless `x` is a value.
pub(crate) fn value(x: f64, at: impl FnOnce() -> String) -> Result<(), Error> {
    if is_value(x) {
        Ok(())
    } else {
        Err(Error::new(ErrorKind::InvalidValue, at(), format!("{} is not a number within [-1e300, 1e300]", shown(x))))
    }
}

/// `invalid_value` at `at()` unless `w` is a weight.
pub(crate) fn weight(w: f64, at: impl FnOnce() -> String) -> Result<(), Error> {
    if is_weight(w) {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::InvalidValue,
            at(),
            format!("{}: a weight is 0 or a number within [1e-300, 1e300]", shown(w)),
        ))
    }
}

/// A number for a message.
pub(crate) fn shown(x: f64) -> String {
    if x.is_nan() {
        "not a number".to_string()
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_and_values_at_their_bounds() {
        for w in [0.0, -0.0, 1e-300, 1.0, 1e300] {
            assert!(is_weight(w), "{w}");
        }
        for w in [f64::NAN, -f64::NAN, f64::INFINITY, -1.0, -1e-300, 1e-301, 5e-324, 1.01e300, f64::MAX] {
            assert!(!is_weight(w), "{w}");
        }
        for x in [0.0, -1e300, 1e300, 7.5] {
            assert!(is_value(x));
        }
        for x in [f64::NAN, f64::INFINITY, -2e300, 1e301] {
            assert!(!is_value(x));
        }
        assert_eq!(weight(-1.0, || "/w".into()).err().map(|e| e.path().to_string()), Some("/w".into()));
        assert!(value(f64::NAN, String::new).err().is_some_and(|e| e.message().contains("not a number")));
    }
}
