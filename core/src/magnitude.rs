//! SPEC 8's magnitudes: every number read as a value, bound, answer or weight lies
//! within [-1e300, 1e300], and a weight that is not 0 within [1e-300, 1e300]. Within
//! them no formula of the SPEC overflows or loses a weight to underflow, so the
//! rollups and metrics need no check of their own. One rule, used wherever such a
//! number is read.

use std::borrow::Cow;

use serde_json::Value;

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
    } else if x != 0.0 && !(1e-6..1e16).contains(&x.abs()) {
        // 1e301 rather than its 302 digits.
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// `x` as a result writes it: a negative zero is 0 (SPEC 8: a result never holds one),
/// for numbers the input gives and the result echoes.
pub(crate) fn unsigned_zero(x: f64) -> f64 {
    x + 0.0
}

/// JSON returned verbatim (`meta`) with each negative zero written 0, as SPEC 8 asks
/// of every result; borrowed when it holds none.
pub(crate) fn verbatim(value: &Value) -> Cow<'_, Value> {
    fn has_negative_zero(value: &Value) -> bool {
        match value {
            Value::Number(n) => n.as_f64().is_some_and(|x| x == 0.0 && x.is_sign_negative()),
            Value::Array(items) => items.iter().any(has_negative_zero),
            Value::Object(members) => members.values().any(has_negative_zero),
            _ => false,
        }
    }
    fn rewrite(value: &Value) -> Value {
        match value {
            Value::Number(n) if n.as_f64().is_some_and(|x| x == 0.0 && x.is_sign_negative()) => Value::from(0.0),
            Value::Array(items) => Value::Array(items.iter().map(rewrite).collect()),
            Value::Object(members) => Value::Object(members.iter().map(|(k, v)| (k.clone(), rewrite(v))).collect()),
            other => other.clone(),
        }
    }
    if has_negative_zero(value) {
        Cow::Owned(rewrite(value))
    } else {
        Cow::Borrowed(value)
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
