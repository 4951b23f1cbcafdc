//! Integer responses from numeric columns, and the one-pass tally every scale metric
//! (NPS, CSAT, CES) is computed from.
//!
//! A scale metric only needs, per group, how many valid responses fall below, between
//! and above two thresholds, their sum (for a mean) and how many were invalid. The
//! tally computes exactly that without allocating per element; a `u8` column is
//! counted into a 256-bin histogram first and the bins are classified afterwards.

use crate::error::{err, pointer, Error, ErrorKind};

use super::groups::{self, with_codes, GroupCode, GroupLabel, GroupResult, Grouped, Split};
use super::Invalid;

/// A numeric type that survey responses can be given in.
///
/// A response is valid when it is a finite number with no fractional part (`10.0` is
/// 10) inside the metric's scale; NaN, infinities and `7.5` are invalid.
pub trait Response: Copy {
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
            #[inline(always)]
            fn to_integer(self) -> Option<i64> {
                Some(i64::from(self))
            }
        }
    )*};
}
lossless_integer_response!(u16, u32, i8, i16, i32, i64);

impl Response for u64 {
    #[inline(always)]
    fn to_integer(self) -> Option<i64> {
        i64::try_from(self).ok()
    }
}

macro_rules! float_response {
    ($($t:ty),*) => {$(
        impl Response for $t {
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
    /// The class of a value, or `None` when it is not a valid response.
    #[inline]
    fn of(&self, v: Option<i64>) -> Option<usize> {
        match v {
            Some(i) if i >= self.lo && i <= self.hi => Some(usize::from(i >= self.t1) + usize::from(i >= self.t2)),
            _ => None,
        }
    }
}

/// Per-class counts of valid responses, their sum and the number of invalid ones.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Tally {
    pub counts: [u64; 3],
    pub sum: i128,
    pub invalid: u64,
}

impl Tally {
    /// The number of valid responses.
    pub fn n(&self) -> u64 {
        self.counts.iter().sum()
    }

    #[inline]
    fn add(&mut self, value: Option<i64>, classes: &Classes) {
        match (classes.of(value), value) {
            (Some(c), Some(i)) => {
                if let Some(slot) = self.counts.get_mut(c) {
                    *slot += 1;
                }
                self.sum += i128::from(i);
            }
            _ => self.invalid += 1,
        }
    }
}

/// Tallies a whole column.
pub(crate) fn tally<T: Response>(values: &[T], classes: &Classes) -> Tally {
    if let Some(bytes) = T::as_bytes(values) {
        return tally_bytes(bytes, classes);
    }
    let mut t = Tally::default();
    for &v in values {
        t.add(v.to_integer(), classes);
    }
    t
}

/// The `u8` fast path: a histogram over eight interleaved lanes (so that runs of equal
/// values do not wait on each other), fed eight bytes at a time from one 64-bit word
/// (fed by a load per byte, the loop ran at 3 ns per byte on the machine of
/// BENCHMARKS.md); its 256 bins are then classified once each.
fn tally_bytes(bytes: &[u8], classes: &Classes) -> Tally {
    let mut lanes = [[0u64; 256]; 8];
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(word).unwrap_or_default());
        for (i, lane) in lanes.iter_mut().enumerate() {
            lane[usize::from((word >> (8 * i)) as u8)] += 1;
        }
    }
    for &b in words.remainder() {
        lanes[0][usize::from(b)] += 1;
    }
    let mut t = Tally::default();
    for value in 0..=255u8 {
        let count: u64 = lanes.iter().map(|lane| lane[usize::from(value)]).sum();
        if count == 0 {
            continue;
        }
        let v = i64::from(value);
        match classes.of(Some(v)) {
            Some(c) => {
                if let Some(slot) = t.counts.get_mut(c) {
                    *slot += count;
                }
                t.sum += i128::from(v) * i128::from(count);
            }
            None => t.invalid += count,
        }
    }
    t
}

/// The index of the first invalid response, if any.
fn first_invalid<T: Response>(values: &[T], classes: &Classes) -> Option<usize> {
    values.iter().position(|v| classes.of(v.to_integer()).is_none())
}

/// The error of the first invalid response. Generic over the response type only (not
/// the result), to keep one copy per type.
fn invalid_at<T: Response>(values: &[T], classes: &Classes) -> Error {
    invalid_response(first_invalid(values, classes).unwrap_or(0), classes)
}

fn invalid_response(i: usize, classes: &Classes) -> Error {
    let message = format!("response {i} is not an integer in {}..{}", classes.lo, classes.hi);
    Error::new(ErrorKind::InvalidValue, pointer("/responses", i), message)
}

fn no_valid_response() -> Error {
    Error::new(ErrorKind::EmptyInput, "/responses", "no valid response")
}

/// Tallies a column and finishes it into a result; the shared ungrouped driver.
pub(crate) fn run<T: Response, R>(
    values: &[T],
    classes: &Classes,
    invalid: Invalid,
    finish: impl Fn(&Tally) -> R,
) -> Result<R, Error> {
    let t = tally(values, classes);
    if t.invalid > 0 && invalid == Invalid::Error {
        return Err(invalid_at(values, classes));
    }
    if t.n() == 0 {
        return Err(no_valid_response());
    }
    Ok(finish(&t))
}

/// The widest scale (bins, invalid bin included) the grouped histogram kernel takes.
const MAX_BINS: u64 = 256;

/// Rows counted into `u32` bins before they are added into the `u64` tallies.
const CHUNK: usize = 1 << 31;

/// How many groups the tally's table holds: as many as there are labels, or, for
/// integer labels used as their own codes, as many as the largest label seen needs, up
/// to a limit (the table grows as larger labels appear).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slots {
    initial: usize,
    limit: usize,
}

impl Slots {
    /// Exactly `count` groups.
    pub fn fixed(count: usize) -> Slots {
        Slots { initial: count, limit: count }
    }

    /// As many groups as the codes need, up to `limit`; small to start with, so that
    /// a short column does not pay for a large table.
    pub fn growing(limit: usize) -> Slots {
        Slots { initial: limit.min(64), limit }
    }

    /// The table size that gives `code` a slot, or `None` when that is past the limit.
    fn grow(self, count: usize, code: usize) -> Option<usize> {
        (code < self.limit).then(|| (code + 1).max(count.saturating_mul(2)).min(self.limit))
    }

    /// Grows `tallies` so that group `code` has one; false when that is past the limit.
    fn make_room(self, tallies: &mut Vec<Tally>, code: usize) -> bool {
        let Some(count) = self.grow(tallies.len(), code) else {
            return false;
        };
        tallies.resize(count, Tally::default());
        true
    }
}

/// The first row whose code has no slot in the table (see [`Slots`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NoSlot(pub usize);

/// Tallies a column per group: one pass over (code, value) into a flat table of
/// groups x bins (a power of two, 16 for NPS) when the scale is narrow, then each
/// group's bins are classified; the per-row generic tally for wide scales.
pub(crate) fn tally_grouped<T: Response, C: GroupCode>(
    values: &[T],
    codes: &[C],
    slots: Slots,
    classes: &Classes,
) -> Result<Vec<Tally>, NoSlot> {
    let span = classes.hi.wrapping_sub(classes.lo) as u64;
    if classes.hi < classes.lo || span + 2 > MAX_BINS {
        return tally_rows(values, codes, slots, classes);
    }
    let shift = (span + 2).next_power_of_two().trailing_zeros();
    if slots.limit.checked_mul(1 << shift).is_none() {
        // A table past the address space (millions of groups on a 32-bit target).
        return tally_rows(values, codes, slots, classes);
    }
    let mut table = Table::new(slots, shift);
    for (start, (vs, cs)) in values.chunks(CHUNK).zip(codes.chunks(CHUNK)).enumerate() {
        let mut from = 0;
        while let Some(row) = histogram(
            vs.get(from..).unwrap_or_default(),
            cs.get(from..).unwrap_or_default(),
            &mut table.hist,
            shift,
            classes.lo,
            span,
        ) {
            let row = from + row;
            if !table.make_room(cs.get(row).map_or(usize::MAX, |c| c.index())) {
                return Err(NoSlot(start * CHUNK + row));
            }
            from = row;
        }
        table.flush(span, classes);
    }
    Ok(table.tallies)
}

/// The grouped histogram's table: `1 << shift` bins per group, emptied into the
/// groups' tallies. Not generic, so that every response and code type shares it.
struct Table {
    tallies: Vec<Tally>,
    hist: Vec<u32>,
    shift: u32,
    slots: Slots,
}

impl Table {
    fn new(slots: Slots, shift: u32) -> Table {
        Table { tallies: vec![Tally::default(); slots.initial], hist: vec![0; slots.initial << shift], shift, slots }
    }

    /// Grows the table so that group `code` has a slot; false when that is past the
    /// limit of its [`Slots`].
    fn make_room(&mut self, code: usize) -> bool {
        let room = self.slots.make_room(&mut self.tallies, code);
        self.hist.resize(self.tallies.len() << self.shift, 0);
        room
    }

    /// Classifies each group's bins (the last used one for invalid answers) into its
    /// tally and empties them.
    fn flush(&mut self, span: u64, classes: &Classes) {
        let width = 1 << self.shift;
        for (t, bins) in self.tallies.iter_mut().zip(self.hist.chunks_exact_mut(width)) {
            for (b, n) in bins.iter_mut().enumerate() {
                if *n == 0 {
                    continue;
                }
                let count = u64::from(*n);
                *n = 0;
                if b as u64 > span {
                    t.invalid += count;
                    continue;
                }
                let v = classes.lo + b as i64;
                match classes.of(Some(v)) {
                    Some(c) => {
                        if let Some(slot) = t.counts.get_mut(c) {
                            *slot += count;
                        }
                        t.sum += i128::from(v) * i128::from(count);
                    }
                    None => t.invalid += count,
                }
            }
        }
    }
}

/// Rows the hot loop takes at a time natively (see [`scatter`]): sixteen bytes (one
/// 128-bit word) with codes of at most 32 bits, else eight (sixteen doubles, or
/// sixteen 64-bit codes, no longer fit the registers: 12.7 ns per answer against 3.5
/// for doubles, 4.5 against 2.6 for 64-bit codes).
const BYTE_LANES: usize = 16;
const LANES: usize = 8;

/// The hot loop: counts every (code, value) into `hist`; the row of the first code
/// without a slot, if any. Natively rows are taken several at a time (bytes sixteen
/// to a word); on WebAssembly, where the engine compiles the loop, row by row (there
/// the chunked forms ran at 12 to 19 ns per answer against 7, `benches/js/compare.mjs`).
#[inline(never)]
fn histogram<T: Response, C: GroupCode>(
    values: &[T],
    codes: &[C],
    hist: &mut [u32],
    shift: u32,
    lo: i64,
    span: u64,
) -> Option<usize> {
    if cfg!(target_arch = "wasm32") {
        return scatter_rows(values, codes, hist, shift, 0, |v| v.bin(lo, span));
    }
    // A byte's bin in two registers (`lo`, `span + 1`): below the scale the offset
    // wraps to a huge number, so one minimum covers both sides.
    let byte_bin = |b: u8| (i64::from(b).wrapping_sub(lo) as u64).min(span + 1) as usize;
    match T::as_bytes(values) {
        Some(bytes) if size_of::<C>() <= 4 => {
            scatter::<BYTE_LANES, _, _, _>(bytes, codes, hist, shift, byte_bin, |chunk| byte_bins(chunk, byte_bin))
        }
        Some(bytes) => {
            scatter::<LANES, _, _, _>(bytes, codes, hist, shift, byte_bin, |chunk| byte_bins(chunk, byte_bin))
        }
        None => scatter::<LANES, _, _, _>(
            values,
            codes,
            hist,
            shift,
            |v| v.bin(lo, span),
            |chunk| {
                let chunk = *chunk;
                move |lane| chunk.get(lane).map_or(0, |v| v.bin(lo, span))
            },
        ),
    }
}

/// The bin of each byte of a chunk (at most sixteen), read as one word.
#[inline(always)]
fn byte_bins<const N: usize>(chunk: &[u8; N], byte_bin: impl Fn(u8) -> usize) -> impl Fn(usize) -> usize {
    let mut word = [0u8; 16];
    for (w, &b) in word.iter_mut().zip(chunk) {
        *w = b;
    }
    let word = u128::from_le_bytes(word);
    move |lane| byte_bin((word >> (8 * lane)) as u8)
}

/// Adds one to `hist[code << shift | bin]` for every row, `N` rows at a time; `lanes`
/// turns a chunk of values into the bin of each lane, `bin` one value.
///
/// Each chunk's values and codes are read into registers before the increments:
/// with one scalar load feeding every scattered increment the loop ran two to
/// three times slower (`benches/examples/grouped_kernel.rs` times a plain loop).
#[inline(always)]
fn scatter<const N: usize, V: Copy, C: GroupCode, L: Fn(usize) -> usize>(
    values: &[V],
    codes: &[C],
    hist: &mut [u32],
    shift: u32,
    bin: impl Fn(V) -> usize,
    lanes: impl Fn(&[V; N]) -> L,
) -> Option<usize> {
    let chunked = values.len().min(codes.len()) / N * N;
    let (head_values, tail_values) = values.split_at(chunked);
    let (head_codes, tail_codes) = codes.split_at(chunked);
    for (chunk, (vs, cs)) in head_values.chunks_exact(N).zip(head_codes.chunks_exact(N)).enumerate() {
        // `chunks_exact` gives exactly `N` items, so both conversions succeed.
        let (Ok(vs), Ok(cs)) = (<&[V; N]>::try_from(vs), <[C; N]>::try_from(cs)) else {
            continue;
        };
        let bin_of = lanes(vs);
        for (lane, c) in cs.into_iter().enumerate() {
            if !add_one(hist, shift, bin_of(lane), c) {
                return Some(chunk * N + lane);
            }
        }
    }
    scatter_rows(tail_values, tail_codes, hist, shift, chunked, bin)
}

/// [`scatter`] row by row, for rows numbered from `first_row`.
#[inline(always)]
fn scatter_rows<V: Copy, C: GroupCode>(
    values: &[V],
    codes: &[C],
    hist: &mut [u32],
    shift: u32,
    first_row: usize,
    bin: impl Fn(V) -> usize,
) -> Option<usize> {
    for (i, (&v, &c)) in values.iter().zip(codes).enumerate() {
        if !add_one(hist, shift, bin(v), c) {
            return Some(first_row + i);
        }
    }
    None
}

/// Adds one to the slot of (`code`, `bin`); false when the code has no slot.
#[inline(always)]
fn add_one<C: GroupCode>(hist: &mut [u32], shift: u32, bin: usize, code: C) -> bool {
    // A code past the table must not wrap around into a valid slot when shifted. A
    // code of at most `usize::BITS - 9` bits shifted by at most 8 (`MAX_BINS`) cannot
    // wrap: its slot is past the table exactly when its group is (a negative code's
    // index is at least `2^usize::BITS - 2^(bits - 1)`, which shifted stays in the top
    // quarter of the address space, past any table), so only wider codes need the
    // group compared first.
    let wide_codes = size_of::<C>() * 8 + 9 > usize::BITS as usize;
    let group = code.index();
    if wide_codes && group >= hist.len() >> shift {
        return false;
    }
    match hist.get_mut((group << shift) | bin) {
        Some(h) => {
            *h += 1;
            true
        }
        None => false,
    }
}

/// Rows whose codes [`tally_rows`] reads into indexes at a time.
const BLOCK: usize = 1024;

/// The per-row tally (any scale). The codes are read into indexes a block at a time,
/// so that only that read is generic over the code type and the tally itself is not.
fn tally_rows<T: Response, C: GroupCode>(
    values: &[T],
    codes: &[C],
    slots: Slots,
    classes: &Classes,
) -> Result<Vec<Tally>, NoSlot> {
    let mut tallies = vec![Tally::default(); slots.initial];
    let mut groups = Vec::with_capacity(BLOCK);
    for (block, (vs, cs)) in values.chunks(BLOCK).zip(codes.chunks(BLOCK)).enumerate() {
        groups.clear();
        groups.extend(cs.iter().map(|c| c.index()));
        tally_block(vs, &groups, &mut tallies, slots, classes).map_err(|NoSlot(row)| NoSlot(block * BLOCK + row))?;
    }
    Ok(tallies)
}

/// Adds each row's value to the tally of its group, growing the tallies as [`Slots`]
/// allows.
fn tally_block<T: Response>(
    values: &[T],
    groups: &[usize],
    tallies: &mut Vec<Tally>,
    slots: Slots,
    classes: &Classes,
) -> Result<(), NoSlot> {
    for (row, (&v, &group)) in values.iter().zip(groups).enumerate() {
        if group >= tallies.len() && !slots.make_room(tallies, group) {
            return Err(NoSlot(row));
        }
        if let Some(t) = tallies.get_mut(group) {
            t.add(v.to_integer(), classes);
        }
    }
    Ok(())
}

/// Tallies a column per group and finishes each non-empty group, in order of first
/// appearance; the shared grouped driver.
pub(crate) fn run_grouped<T: Response, R>(
    values: &[T],
    split: Split<'_>,
    classes: &Classes,
    invalid: Invalid,
    finish: impl Fn(&Tally) -> R,
) -> Result<Grouped<R>, Error> {
    if values.len() != split.len() {
        return err(
            ErrorKind::InvalidDocument,
            "/groups",
            format!("{} group labels for {} responses", split.len(), values.len()),
        );
    }
    let tallied = grouped_tallies(values, split, classes, invalid)?;
    finish_groups(tallied, finish)
}

/// The tally of every group that has rows, with its label, in order of first
/// appearance; or the first invalid response under [`Invalid::Error`]. Generic over
/// the response type only (not the metric), to keep one copy per type.
fn grouped_tallies<T: Response>(
    values: &[T],
    split: Split<'_>,
    classes: &Classes,
    invalid: Invalid,
) -> Result<Vec<(GroupLabel, Tally)>, Error> {
    let (codes, slots) = match split {
        Split::Groups(g) => (g.codes(), Slots::fixed(g.labels().len())),
        Split::Coded(codes, labels) => (codes, Slots::fixed(labels.len())),
        Split::Integers(labels) => (labels, Slots::growing(groups::dense_limit(labels.len()))),
    };
    let labelled = match with_codes!(codes, |c| tally_grouped(values, c, slots, classes)) {
        Ok(tallies) => label_groups(split, &tallies)?,
        // Labels too large or negative to be their own codes: factorised instead.
        Err(_) if matches!(split, Split::Integers(_)) => {
            let groups = groups::factorise_integers(codes)?;
            return grouped_tallies(values, Split::Groups(&groups), classes, invalid);
        }
        Err(NoSlot(row)) => return groups::code_out_of_range(row, codes.signed_at(row).unwrap_or_default()),
    };
    let invalid_total: u64 = labelled.iter().map(|(_, t)| t.invalid).sum();
    if invalid_total > 0 && invalid == Invalid::Error {
        return Err(invalid_at(values, classes));
    }
    Ok(labelled)
}

/// The tally of every group that has rows, with its label, in order of first
/// appearance; `duplicate_id` when codes given with their labels share one (checked
/// after the codes, as [`Groups::from_codes`](super::Groups::from_codes) checks them).
/// Not generic, so that every response type shares it.
fn label_groups(split: Split<'_>, tallies: &[Tally]) -> Result<Vec<(GroupLabel, Tally)>, Error> {
    let present = tallies.iter().filter(|t| t.n() + t.invalid > 0).count();
    // The labels by code; none for integer labels, which are their own codes.
    let (order, labels) = match split {
        Split::Groups(g) => (g.appearance_order(present), Some(g.labels())),
        Split::Coded(codes, labels) => {
            groups::check_distinct(labels)?;
            (codes.first_appearances(labels.len(), present), Some(labels))
        }
        Split::Integers(codes) => (codes.first_appearances(tallies.len(), present), None),
    };
    let label = |code: usize| match labels {
        Some(labels) => labels.get(code).cloned(),
        None => Some(GroupLabel::Int(code as i64)),
    };
    Ok(order.iter().filter_map(|&code| Some((label(code as usize)?, *tallies.get(code as usize)?))).collect())
}

/// Each group with a valid response, finished, in order of first appearance.
fn finish_groups<R>(tallied: Vec<(GroupLabel, Tally)>, finish: impl Fn(&Tally) -> R) -> Result<Grouped<R>, Error> {
    if tallied.iter().all(|(_, t)| t.n() == 0) {
        return Err(no_valid_response());
    }
    let groups = tallied
        .into_iter()
        .filter(|(_, t)| t.n() > 0)
        .map(|(group, t)| GroupResult { group, result: finish(&t) })
        .collect();
    Ok(Grouped { groups })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::metrics::{Codes, GroupLabel, Groups};

    const NPS: Classes = Classes { lo: 0, hi: 10, t1: 7, t2: 9 };

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
    fn byte_histogram_matches_the_generic_path() {
        let bytes: Vec<u8> = (0..1003u32).map(|i| (i * 7 % 13) as u8).collect();
        let wide: Vec<u16> = bytes.iter().map(|&b| u16::from(b)).collect();
        let a = tally(&bytes, &NPS);
        let b = tally(&wide, &NPS);
        assert_eq!(a, b);
        assert_eq!(a.n() + a.invalid, 1003);
        assert!(a.invalid > 0);
    }

    #[test]
    fn classes_split_at_the_thresholds() {
        let t = tally(&[0.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, -1.0, 6.5], &NPS);
        assert_eq!(t.counts, [2, 2, 2]);
        assert_eq!(t.invalid, 3);
        assert_eq!(t.sum, 40);
    }

    #[test]
    fn first_invalid_is_reported_with_its_global_index() {
        let e = run(&[9u8, 10, 3, 12, 11], &NPS, Invalid::Error, |t| t.n()).err();
        assert_eq!(e.map(|e| e.path().to_string()), Some("/responses/3".into()));
        let ok = run(&[9u8, 10, 3, 12, 11], &NPS, Invalid::Skip, |t| (t.n(), t.invalid));
        assert_eq!(ok, Ok((3, 2)));
        let empty = run::<f64, u64>(&[], &NPS, Invalid::Skip, |t| t.n()).err();
        assert_eq!(empty.map(|e| e.kind()), Some(ErrorKind::EmptyInput));
        let all_bad = run(&[f64::NAN], &NPS, Invalid::Skip, |t| t.n()).err();
        assert_eq!(all_bad.map(|e| e.path().to_string()), Some("/responses".into()));
    }

    /// A small seeded generator for the kernel tests.
    fn random(n: usize, seed: u64) -> Vec<u64> {
        let mut x = seed.max(1);
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x
            })
            .collect()
    }

    #[test]
    fn grouped_histogram_equals_the_per_row_tally() {
        let groups = 37usize;
        let r = random(5003, 9);
        let codes: Vec<u32> = r.iter().map(|x| (x % groups as u64) as u32).collect();
        let bytes: Vec<u8> = r.iter().map(|x| ((x >> 20) % 14) as u8).collect();
        let floats: Vec<f64> = r
            .iter()
            .map(|x| match (x >> 30) % 17 {
                13 => f64::NAN,
                14 => 7.5,
                15 => -1.0,
                16 => f64::INFINITY,
                v => v as f64,
            })
            .collect();
        let wide = Classes { lo: 1, hi: 400, t1: 300, t2: 390 };
        for classes in [NPS, Classes { lo: 1, hi: 5, t1: 4, t2: 6 }, Classes { lo: 1, hi: 7, t1: 5, t2: 8 }, wide] {
            let groups = Slots::fixed(groups);
            let a = tally_grouped(&bytes, &codes, groups, &classes);
            let b = tally_rows(&bytes, &codes, groups, &classes);
            assert_eq!(a, b);
            assert!(a.as_ref().is_ok_and(|t| t.iter().any(|t| t.invalid > 0)));
            assert_eq!(tally_grouped(&floats, &codes, groups, &classes), tally_rows(&floats, &codes, groups, &classes));
            let f32s: Vec<f32> = floats.iter().map(|&f| f as f32).collect();
            assert_eq!(tally_grouped(&f32s, &codes, groups, &classes), tally_rows(&floats, &codes, groups, &classes));
            let ints: Vec<i16> = bytes.iter().map(|&b| i16::from(b) - 2).collect();
            assert_eq!(tally_grouped(&ints, &codes, groups, &classes), tally_rows(&ints, &codes, groups, &classes));
        }
    }

    #[test]
    fn every_code_width_gives_the_same_result() {
        let r = random(3001, 4);
        let bytes: Vec<u8> = r.iter().map(|x| (x % 11) as u8).collect();
        let c32: Vec<u32> = r.iter().map(|x| ((x >> 8) % 100) as u32).collect();
        let labels: Vec<GroupLabel> = (0..100).map(GroupLabel::Int).collect();
        let expected = Groups::from_codes(&c32, labels.clone())
            .and_then(|g| run_grouped(&bytes, Split::Groups(&g), &NPS, Invalid::Error, |t| *t));
        assert!(expected.is_ok());
        macro_rules! same {
            ($($t:ty),*) => {$(
                let c: Vec<$t> = c32.iter().map(|&c| c as $t).collect();
                let got = Groups::from_codes(&c, labels.clone())
                    .and_then(|g| run_grouped(&bytes, Split::Groups(&g), &NPS, Invalid::Error, |t| *t));
                assert_eq!(got, expected, "{}", stringify!($t));
                let coded = run_grouped(&bytes, Split::Coded(GroupCode::wrap(&c), &labels), &NPS, Invalid::Error, |t| *t);
                assert_eq!(coded, expected, "{}", stringify!($t));
                let dense = Groups::from_dense(&c, 1 << 16).map(|g| run_grouped(&bytes, Split::Groups(&g), &NPS, Invalid::Error, |t| *t));
                assert_eq!(dense, Some(expected.clone()), "{}", stringify!($t));
            )*};
        }
        same!(u8, i8, u16, i16, u32, i32, u64, i64);
    }

    #[test]
    fn a_bad_code_is_reported_at_its_row_in_a_chunk_and_in_the_tail() {
        // Chunks of 8 rows (16 for bytes) then a tail of 5: rows 3 and 10 are in chunks,
        // row 18 in the tail.
        for bad_row in [3usize, 10, 18] {
            let values = vec![5u8; 21];
            let floats = vec![5.0f64; 21];
            macro_rules! bad {
                ($($t:ty => $bad:expr),*) => {$(
                    let mut codes: Vec<$t> = vec![1; 21];
                    codes[bad_row] = $bad;
                    for slots in [Slots::fixed(4), Slots::growing(4)] {
                        for got in [tally_grouped(&values, &codes, slots, &NPS), tally_grouped(&floats, &codes, slots, &NPS)] {
                            assert_eq!(got, Err(NoSlot(bad_row)), "{} {}", stringify!($t), $bad);
                        }
                    }
                )*};
            }
            // Codes that a shift by the bin width would wrap into a valid slot.
            bad!(u64 => 1u64 << 60, u64 => u64::MAX, i64 => -(1i64 << 60), i64 => i64::MIN, u32 => u32::MAX, i32 => i32::MIN);
            bad!(u8 => 4, i8 => -1, u16 => 4, i16 => i16::MIN, u32 => 4, i32 => -1);
        }
    }

    #[test]
    fn negative_and_unlabelled_codes_are_errors_at_their_row() {
        let labels: Vec<GroupLabel> = (0..200).map(GroupLabel::Int).collect();
        macro_rules! negative {
            ($($t:ty),*) => {$(
                let codes: Vec<$t> = vec![0, 3, 5, -1, 2, -1];
                let e = Groups::from_codes(&codes, labels.clone()).err();
                assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::InvalidValue, "/groups/3".into())));
                let split = Split::Coded(GroupCode::wrap(&codes), &labels);
                let e = run_grouped(&[1u8; 6], split, &NPS, Invalid::Error, |t| *t).err();
                assert_eq!(e, Groups::from_codes(&codes, labels.clone()).err());
                assert!(Groups::from_dense(&codes, 1 << 16).is_none());
                // The kernel checks again, whoever built the codes.
                let values = [1u8; 6];
                assert_eq!(tally_grouped(&values, &codes, Slots::fixed(200), &NPS), Err(NoSlot(3)));
                assert_eq!(tally_rows(&values, &codes, Slots::fixed(200), &NPS), Err(NoSlot(3)));
            )*};
        }
        negative!(i8, i16, i32, i64);
        let codes: Vec<u16> = vec![0, 1, 300, 2];
        let e = Groups::from_codes(&codes, labels.clone()).err();
        assert_eq!(e.map(|e| e.path().to_string()), Some("/groups/2".into()));
        // A code without a label is reported before labels given twice, as
        // `Groups::from_codes` reports them.
        let twice = [GroupLabel::from("a"), GroupLabel::from("a")];
        for (codes, kind) in [(vec![0u16, 1, 2], ErrorKind::InvalidValue), (vec![0u16, 1, 1], ErrorKind::DuplicateId)] {
            let e = run_grouped(&[1u8; 3], Split::Coded(Codes::U16(&codes), &twice), &NPS, Invalid::Error, |t| *t);
            assert_eq!(e.as_ref().err().map(|e| e.kind()), Some(kind));
            assert_eq!(e.err(), Groups::from_codes(&codes, twice.to_vec()).err());
        }
        assert!(Groups::from_dense(&codes, 300).is_none());
        assert_eq!(Groups::from_dense(&codes, 301).map(|g| g.labels().len()), Some(301));
    }

    /// Integer labels as a [`Split`] group exactly as [`Groups::from_integers`] groups
    /// them: the table grows as larger labels appear (mid-chunk and in the tail), and
    /// labels past the dense limit or negative ones are factorised.
    #[test]
    fn integer_labels_group_as_built_groups_while_the_table_grows() {
        let r = random(5003, 11);
        let bytes: Vec<u8> = r.iter().map(|x| ((x >> 20) % 13) as u8).collect();
        let floats: Vec<f64> = bytes.iter().map(|&b| if b == 12 { f64::NAN } else { f64::from(b) }).collect();
        let rising: Vec<i64> = r.iter().enumerate().map(|(i, x)| (x % (i as u64 + 1)) as i64).collect();
        let mut late_large = rising.clone();
        late_large[5001] = 70_000;
        let mut late_negative = rising.clone();
        late_negative[4099] = -3;
        let wide = Classes { lo: 0, hi: 400, t1: 7, t2: 9 };
        for labels in [rising, late_large, late_negative] {
            let built = Groups::from_integers(&labels);
            assert!(built.is_ok());
            let Ok(built) = built else { continue };
            for classes in [NPS, wide] {
                let expected = run_grouped(&bytes, Split::Groups(&built), &classes, Invalid::Skip, |t| *t);
                let got = run_grouped(&bytes, Split::Integers(Codes::I64(&labels)), &classes, Invalid::Skip, |t| *t);
                assert!(expected.as_ref().is_ok_and(|g| g.groups.len() > 1024));
                assert_eq!(got, expected);
                let expected = run_grouped(&floats, Split::Groups(&built), &classes, Invalid::Error, |t| *t);
                let got = run_grouped(&floats, Split::Integers(Codes::I64(&labels)), &classes, Invalid::Error, |t| *t);
                assert!(expected.is_err());
                assert_eq!(got, expected);
            }
        }
        let huge = [1u64, 2, u64::MAX, 1];
        let e = run_grouped(&[9u8; 4], Split::Integers(Codes::U64(&huge)), &NPS, Invalid::Error, |t| *t).err();
        assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::InvalidValue, "/groups/2".into())));
    }
}
