//! The unweighted kernel: every response counted into a histogram of (group, answer)
//! bins, a flat table with a power-of-two number of bins per group (16 for NPS), the
//! last used bin of each group holding the answers that are not on the scale. It is the
//! fast path of every scale metric without weights or counts; the bins become cells
//! ([`super::GroupCells`]) once, after the pass.

use super::super::codes::GroupCode;
use super::super::response::{Classes, Response};

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
}

/// The first row whose code has no slot in the table (see [`Slots`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NoSlot(pub usize);

/// The bins of every group after a pass: `1 << shift` per group, bin `b` counting the
/// answer `lo + b` when `b <= span`, the answers off the scale otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Bins {
    pub counts: Vec<u64>,
    pub shift: u32,
}

/// The number of bins per group (as a shift) the kernel uses for `classes`, or `None`
/// when the scale is too wide for it, or the table for `slots` would not fit the
/// address space (millions of groups on a 32-bit target): the per-row tally then.
pub(crate) fn bin_shift(classes: &Classes, slots: Slots) -> Option<u32> {
    let span = classes.span()?;
    if span + 2 > MAX_BINS {
        return None;
    }
    let shift = (span + 2).next_power_of_two().trailing_zeros();
    slots.limit.checked_mul(1 << shift).map(|_| shift)
}

/// Counts a column per group: one pass over (code, value) into the flat table of
/// groups x bins; `shift` from [`bin_shift`].
pub(crate) fn histogram_grouped<T: Response, C: GroupCode>(
    values: &[T],
    codes: &[C],
    slots: Slots,
    classes: &Classes,
    shift: u32,
) -> Result<Bins, NoSlot> {
    let span = classes.hi.wrapping_sub(classes.lo) as u64;
    let mut table = Table::new(slots, shift);
    for (start, (vs, cs)) in values.chunks(CHUNK).zip(codes.chunks(CHUNK)).enumerate() {
        let mut from = 0;
        // `from` is a row `histogram` returned, so inside the chunk.
        while let Some(row) = histogram(&vs[from..], &cs[from..], &mut table.hist, shift, classes.lo, span) {
            let row = from + row;
            if !table.make_room(cs[row].index()) {
                return Err(NoSlot(start * CHUNK + row));
            }
            from = row;
        }
        table.flush();
    }
    Ok(Bins { counts: table.totals, shift })
}

/// The grouped histogram's table: `1 << shift` bins per group in `u32` counters,
/// emptied into `u64` totals every [`CHUNK`] rows. Not generic, so that every response
/// and code type shares it.
struct Table {
    totals: Vec<u64>,
    hist: Vec<u32>,
    shift: u32,
    slots: Slots,
}

impl Table {
    fn new(slots: Slots, shift: u32) -> Table {
        let size = slots.initial << shift;
        Table { totals: vec![0; size], hist: vec![0; size], shift, slots }
    }

    /// Grows the table so that group `code` has a slot; false when that is past the
    /// limit of its [`Slots`].
    fn make_room(&mut self, code: usize) -> bool {
        let Some(count) = self.slots.grow(self.hist.len() >> self.shift, code) else {
            return false;
        };
        self.hist.resize(count << self.shift, 0);
        self.totals.resize(count << self.shift, 0);
        true
    }

    /// Adds the counters into the totals and empties them.
    fn flush(&mut self) {
        for (t, h) in self.totals.iter_mut().zip(self.hist.iter_mut()) {
            *t += u64::from(*h);
            *h = 0;
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
    let rows = values.len().min(codes.len());
    let (head_values, tail_values) = values[..rows].as_chunks::<N>();
    let (head_codes, tail_codes) = codes[..rows].as_chunks::<N>();
    for (chunk, (vs, cs)) in head_values.iter().zip(head_codes).enumerate() {
        let bin_of = lanes(vs);
        for (lane, c) in (*cs).into_iter().enumerate() {
            if !add_one(hist, shift, bin_of(lane), c) {
                return Some(chunk * N + lane);
            }
        }
    }
    scatter_rows(tail_values, tail_codes, hist, shift, head_values.len() * N, bin)
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

/// Counts an ungrouped column into the bins of one group (`shift` from [`bin_shift`]).
pub(crate) fn histogram_ungrouped<T: Response>(values: &[T], classes: &Classes, shift: u32) -> Bins {
    let span = classes.hi.wrapping_sub(classes.lo) as u64;
    // Every bin is at most `span + 1`, inside the `1 << shift` that `bin_shift` gives.
    let mut counts = vec![0u64; 1 << shift];
    let invalid = span as usize + 1;
    match T::as_bytes(values) {
        Some(bytes) => {
            for (byte, &count) in byte_histogram(bytes).iter().enumerate() {
                let off = (byte as i64).wrapping_sub(classes.lo) as u64;
                counts[if off <= span { off as usize } else { invalid }] += count;
            }
        }
        None => {
            for &v in values {
                counts[v.bin(classes.lo, span)] += 1;
            }
        }
    }
    Bins { counts, shift }
}

/// A histogram of bytes over eight interleaved lanes (so that runs of equal values do
/// not wait on each other), fed eight bytes at a time from one 64-bit word (fed by a
/// load per byte, the loop ran at 3 ns per byte on the machine of BENCHMARKS.md).
fn byte_histogram(bytes: &[u8]) -> [u64; 256] {
    let mut lanes = [[0u64; 256]; 8];
    let (words, remainder) = bytes.as_chunks::<8>();
    for &word in words {
        let word = u64::from_le_bytes(word);
        for (i, lane) in lanes.iter_mut().enumerate() {
            lane[usize::from((word >> (8 * i)) as u8)] += 1;
        }
    }
    for &b in remainder {
        lanes[0][usize::from(b)] += 1;
    }
    let mut total = [0u64; 256];
    for (value, t) in total.iter_mut().enumerate() {
        *t = lanes.iter().map(|lane| lane[value]).sum();
    }
    total
}
