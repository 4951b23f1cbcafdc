//! The input side of the scale metrics (NPS, CSAT, CES): integer answers read from
//! numeric columns of any type, and the scale they must lie on.

/// A numeric type that survey responses can be given in.
///
/// A response is valid when it is a finite number with no fractional part (`10.0` is
/// 10) inside the metric's scale; NaN, infinities and `7.5` are invalid.
pub trait Response: Copy {
    /// The response as a number, for messages.
    fn as_f64(self) -> f64;

    /// The response as an integer, or `None` when it is NaN, infinite, has a
    /// fractional part or does not fit an `i64` (then it is off every scale anyway).
    fn to_integer(self) -> Option<i64>;

    /// The column as raw bytes when `Self` is `u8`, which enables the histogram fast
    /// path; `None` (the default) for every other type.
    fn as_bytes(values: &[Self]) -> Option<&[u8]> {
        let _ = values;
        None
    }

    /// The histogram bin of the response on the scale `lo..=lo + span`: `value - lo`
    /// when it is a valid response on it, `span + 1` (the invalid bin) otherwise.
    /// Branch-light: the hot loop of the grouped histogram kernel.
    #[inline(always)]
    fn bin(self, lo: i64, span: u64) -> usize {
        match self.to_integer() {
            Some(i) if i.wrapping_sub(lo) as u64 <= span => i.wrapping_sub(lo) as usize,
            _ => span as usize + 1,
        }
    }
}

// `to_integer` is inlined into the kernels' loops even in the size-optimised
// WebAssembly build, where a call per row (returning the Option through memory)
// made the grouped kernel twice as slow.
impl Response for u8 {
    fn as_f64(self) -> f64 {
        f64::from(self)
    }

    #[inline(always)]
    fn to_integer(self) -> Option<i64> {
        Some(i64::from(self))
    }

    fn as_bytes(values: &[u8]) -> Option<&[u8]> {
        Some(values)
    }
}

macro_rules! lossless_integer_response {
    ($($t:ty),*) => {$(
        impl Response for $t {
            #[allow(clippy::cast_precision_loss)]
            fn as_f64(self) -> f64 {
                self as f64
            }

            #[inline(always)]
            fn to_integer(self) -> Option<i64> {
                Some(i64::from(self))
            }
        }
    )*};
}
lossless_integer_response!(u16, u32, i8, i16, i32, i64);

impl Response for u64 {
    #[allow(clippy::cast_precision_loss)]
    fn as_f64(self) -> f64 {
        self as f64
    }

    #[inline(always)]
    fn to_integer(self) -> Option<i64> {
        i64::try_from(self).ok()
    }
}

macro_rules! float_response {
    ($($t:ty),*) => {$(
        impl Response for $t {
            fn as_f64(self) -> f64 {
                f64::from(self)
            }

            #[inline(always)]
            fn bin(self, lo: i64, span: u64) -> usize {
                // Whole numbers survive the round trip through i64; NaN (which
                // converts to 0) and infinities (which saturate) do not compare equal.
                let i = self as i64;
                let off = i.wrapping_sub(lo) as u64;
                let valid = (i as $t == self) & (off <= span);
                if valid {
                    off as usize
                } else {
                    span as usize + 1
                }
            }

            #[inline(always)]
            fn to_integer(self) -> Option<i64> {
                // Finite and whole; values beyond the i64 range saturate, which is off
                // every scale (scales are u32), so they stay invalid.
                if self.is_finite() && self.fract() == 0.0 {
                    Some(self as i64)
                } else {
                    None
                }
            }
        }
    )*};
}
float_response!(f32, f64);

/// A scale `lo..=hi` split into three classes by two thresholds `t1 <= t2`: class 0
/// below `t1`, class 1 in `t1..t2`, class 2 from `t2`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Classes {
    pub lo: i64,
    pub hi: i64,
    pub t1: i64,
    pub t2: i64,
}

impl Classes {
    /// The class of a value on the scale (0, 1 or 2).
    #[inline]
    pub fn class(&self, value: i64) -> usize {
        usize::from(value >= self.t1) + usize::from(value >= self.t2)
    }

    /// Whether a value lies on the scale.
    #[inline]
    pub fn holds(&self, value: i64) -> bool {
        value >= self.lo && value <= self.hi
    }

    /// `hi - lo`, or `None` for an empty scale.
    pub fn span(&self) -> Option<u64> {
        (self.hi >= self.lo).then(|| self.hi.wrapping_sub(self.lo) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_from_every_type() {
        assert_eq!(10.0f64.to_integer(), Some(10));
        assert_eq!((-3.0f32).to_integer(), Some(-3));
        assert_eq!(7.5f64.to_integer(), None);
        assert_eq!(f64::NAN.to_integer(), None);
        assert_eq!(f64::INFINITY.to_integer(), None);
        assert_eq!(f32::NEG_INFINITY.to_integer(), None);
        assert_eq!(u64::MAX.to_integer(), None);
        assert_eq!(200u8.to_integer(), Some(200));
        assert_eq!((-5i8).to_integer(), Some(-5));
        assert_eq!(9u16.to_integer(), Some(9));
        assert_eq!(9u32.to_integer(), Some(9));
        assert_eq!(9i16.to_integer(), Some(9));
        assert_eq!(9i32.to_integer(), Some(9));
        assert_eq!(i64::MIN.to_integer(), Some(i64::MIN));
        assert_eq!(1e300f64.to_integer(), Some(i64::MAX));
    }

    #[test]
    fn bins_agree_with_integers() {
        for v in [-1.0, 0.0, 3.0, 10.0, 11.0, 7.5, f64::NAN, f64::INFINITY, 1e300] {
            let expected = match v.to_integer() {
                Some(i) if (0..=10).contains(&i) => i as usize,
                _ => 11,
            };
            assert_eq!(v.bin(0, 10), expected, "{v}");
        }
    }
}
