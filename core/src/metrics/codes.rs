//! Group codes in the integer width they were given in: the rows' group indexes the
//! kernels read, borrowed without a widening copy.

/// Group codes borrowed in the integer width they were given in (no widening copy):
/// pandas categorical codes are `i8` or `i16`, numpy integer arrays any width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codes<'a> {
    /// `u8` codes.
    U8(&'a [u8]),
    /// `i8` codes (a negative one is a missing group).
    I8(&'a [i8]),
    /// `u16` codes.
    U16(&'a [u16]),
    /// `i16` codes (a negative one is a missing group).
    I16(&'a [i16]),
    /// `u32` codes.
    U32(&'a [u32]),
    /// `i32` codes (a negative one is a missing group).
    I32(&'a [i32]),
    /// `u64` codes.
    U64(&'a [u64]),
    /// `i64` codes (a negative one is a missing group).
    I64(&'a [i64]),
}

/// Calls `$body` with `$s` bound to the slice inside a [`Codes`], whatever its width.
macro_rules! with_codes {
    ($codes:expr, |$s:ident| $body:expr) => {
        match $codes {
            $crate::metrics::Codes::U8($s) => $body,
            $crate::metrics::Codes::I8($s) => $body,
            $crate::metrics::Codes::U16($s) => $body,
            $crate::metrics::Codes::I16($s) => $body,
            $crate::metrics::Codes::U32($s) => $body,
            $crate::metrics::Codes::I32($s) => $body,
            $crate::metrics::Codes::U64($s) => $body,
            $crate::metrics::Codes::I64($s) => $body,
        }
    };
}
pub(crate) use with_codes;

impl Codes<'_> {
    /// The number of rows.
    pub fn len(&self) -> usize {
        with_codes!(self, |s| s.len())
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The codes as `i64` (a copy; for tests and small inputs).
    pub fn to_vec(&self) -> Vec<i64> {
        with_codes!(self, |s| s.iter().map(|&c| c.signed()).collect())
    }

    /// The first row whose code is `code`.
    pub fn position(&self, code: usize) -> Option<usize> {
        with_codes!(self, |s| s.iter().position(|&c| c.index() == code))
    }

    /// The code of row `row` as a signed integer (for messages).
    pub(crate) fn signed_at(&self, row: usize) -> Option<i64> {
        with_codes!(self, |s| s.get(row).map(|c| c.signed()))
    }

    /// The codes (all below `count`, checked) that occur, in order of their first row;
    /// the scan stops once `present` of them are found.
    pub(crate) fn first_appearances(&self, count: usize, present: usize) -> Vec<u32> {
        let mut seen = vec![false; count];
        let mut order = Vec::with_capacity(present);
        with_codes!(self, |s| {
            for &c in *s {
                if order.len() == present {
                    break;
                }
                let x = &mut seen[c.index()];
                if !*x {
                    *x = true;
                    order.push(c.index() as u32);
                }
            }
        });
        order
    }
}

mod sealed {
    pub trait Sealed {}
}

/// An integer type group codes can be given in: `u8`, `i8`, `u16`, `i16`, `u32`,
/// `i32`, `u64`, `i64`.
pub trait GroupCode: Copy + sealed::Sealed {
    /// The slice as [`Codes`].
    fn wrap(codes: &[Self]) -> Codes<'_>;
    /// The code as an index; a negative code becomes one of at least `isize::MAX + 1`
    /// and one past `usize::MAX` becomes `usize::MAX`: indexes no table has, so a
    /// bounds check rejects them.
    fn index(self) -> usize;
    /// The code as a signed integer (for messages).
    fn signed(self) -> i64;
    /// The largest [`GroupCode::index`] of `codes` (0 for none): past any table when a
    /// code is negative. One pass at the codes' own width, so that it vectorises.
    fn max_index(codes: &[Self]) -> usize;
    /// The code as an integer label; `None` for a `u64` past `i64::MAX`.
    fn label(self) -> Option<i64>;
}

macro_rules! group_code {
    ($($t:ty => $v:ident),*) => {$(
        impl sealed::Sealed for $t {}
        impl GroupCode for $t {
            fn wrap(codes: &[$t]) -> Codes<'_> {
                Codes::$v(codes)
            }
            #[inline(always)]
            #[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss, clippy::cast_possible_truncation)]
            fn index(self) -> usize {
                // No code may alias a valid index. A code no wider than `usize` is
                // extended by its sign: one move, where a saturating conversion of
                // signed codes made the kernel spill registers (5.3 against 1.8 ns per
                // answer, sixteen rows at a time); a wider one (64 bits on a 32-bit
                // target) saturates.
                if size_of::<$t>() <= size_of::<usize>() {
                    self as isize as usize
                } else {
                    usize::try_from(self).unwrap_or(usize::MAX)
                }
            }
            #[allow(clippy::cast_possible_wrap)]
            fn signed(self) -> i64 {
                self as i64
            }
            fn max_index(codes: &[$t]) -> usize {
                let (lo, hi) = codes.iter().fold((<$t>::MAX, <$t>::MIN), |(lo, hi), &c| (lo.min(c), hi.max(c)));
                if codes.is_empty() {
                    0
                } else {
                    lo.index().max(hi.index())
                }
            }
            fn label(self) -> Option<i64> {
                i64::try_from(self).ok()
            }
        }
    )*};
}
group_code!(u8 => U8, i8 => I8, u16 => U16, i16 => I16, u32 => U32, i32 => I32, u64 => U64, i64 => I64);

/// The first row whose code is not an index below `count`, checked in one
/// vectorisable pass before the row is searched for.
pub(crate) fn first_bad_code<C: GroupCode>(codes: &[C], count: usize) -> Option<usize> {
    if C::max_index(codes) >= count {
        codes.iter().position(|&c| c.index() >= count)
    } else {
        None
    }
}
