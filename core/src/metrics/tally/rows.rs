//! The per-row kernel: responses with design weights, with counts, or as a tally
//! handed in (counts, weights and squared weights per row), checked as SPEC 10 says
//! and added into each group's cells. Also the unweighted tally of wide scales.

use foldhash::{HashMap, HashMapExt};

use crate::error::{pointer, Error, ErrorKind};
use crate::magnitude;

use super::super::codes::{with_codes, GroupCode};
use super::super::groups::Groups;
use super::super::response::{Classes, Response};
use super::histogram::{bin_shift, Slots};
use super::{Cell, GroupCells, SumsAt};

/// The optional columns parallel to the responses (SPEC 10): each response's design
/// weight, how many responses a row stands for, and (for a tally, with both) the sum
/// of the squares of the row's weights.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RowWeights<'a> {
    /// Each row's weight (or, with `counts`, the sum of its responses' weights).
    pub weights: Option<&'a [f64]>,
    /// How many responses each row stands for.
    pub counts: Option<&'a [f64]>,
    /// With `counts` and `weights`: the sum of each row's squared weights.
    pub weights_sq: Option<&'a [f64]>,
}

/// The columns given, once checked.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Form<'a> {
    Unit,
    Weights(&'a [f64]),
    Counts(&'a [f64]),
    Tally { counts: &'a [f64], weights: &'a [f64], weights_sq: &'a [f64] },
}

impl Form<'_> {
    pub fn sums_at(self) -> SumsAt {
        match self {
            Form::Unit | Form::Counts(_) => SumsAt::Counts,
            Form::Weights(_) => SumsAt::Weights,
            Form::Tally { .. } => SumsAt::Tally,
        }
    }
}

/// The largest count a row may hold: 2^53, the last integer every double holds.
pub const MAX_COUNT: u64 = 1 << 53;

/// The error for a count past [`MAX_COUNT`] at `row` of `counts`, `count` as the input
/// wrote it: as a double it would round to another count (2^53 + 1 to 2^53).
pub fn count_past_max(row: usize, count: &str) -> Error {
    Error::new(ErrorKind::InvalidValue, pointer("/counts", row), format!("count {count} is past 2^53"))
}
/// The largest total of the counts: a little below 2^64.
const MAX_TOTAL: f64 = 1.8e19;

impl<'a> RowWeights<'a> {
    /// Checks which columns are given together, their lengths against `rows`, then
    /// every value, column by column.
    pub(crate) fn check(&self, rows: usize) -> Result<Form<'a>, Error> {
        let form = match (self.counts, self.weights, self.weights_sq) {
            (None, None, None) => Form::Unit,
            (None, Some(w), None) => Form::Weights(w),
            (Some(c), None, None) => Form::Counts(c),
            (Some(counts), Some(weights), Some(weights_sq)) => Form::Tally { counts, weights, weights_sq },
            (Some(_), Some(_), None) => {
                let message = "counts and weights together need weights_sq (a tally's squared weights)";
                return Err(Error::new(ErrorKind::InvalidDocument, "", message));
            }
            (_, _, Some(_)) => {
                let message = "weights_sq goes with both counts and weights (a tally)";
                return Err(Error::new(ErrorKind::InvalidDocument, "/weights_sq", message));
            }
        };
        for (name, column) in [("weights", self.weights), ("counts", self.counts), ("weights_sq", self.weights_sq)] {
            if let Some(c) = column {
                if c.len() != rows {
                    let message = format!("{name} has {} values for {rows} responses", c.len());
                    return Err(Error::new(ErrorKind::InvalidDocument, format!("/{name}"), message));
                }
            }
        }
        if let Some(w) = self.weights {
            first_bad(w, "/weights", magnitude::is_weight, || {
                "a weight is 0 or a number within [1e-300, 1e300]".to_string()
            })?;
        }
        if let Some(c) = self.counts {
            first_bad(
                c,
                "/counts",
                |c| (0.0..=MAX_COUNT as f64).contains(&c) && c.fract() == 0.0,
                || "a count is a whole number within [0, 2^53]".to_string(),
            )?;
            // Below this total no sum of counts (a cell, a group, a pooled side) can
            // overflow a u64, so the kernel adds them without a check. The float sum of
            // at most 2^53 each is off by far less than the margin to 2^64.
            if c.iter().sum::<f64>() >= MAX_TOTAL {
                let message = "the counts add up to more than 1.8e19 responses";
                return Err(Error::new(ErrorKind::LimitExceeded, "/counts", message));
            }
        }
        if let Form::Tally { counts, weights, weights_sq } = form {
            first_bad(
                weights_sq,
                "/weights_sq",
                |q| (0.0..=f64::MAX).contains(&q),
                || "a sum of squared weights is a finite number >= 0".to_string(),
            )?;
            // Each column is `rows` long, checked above.
            let needs_square = (0..rows).find(|&i| counts[i] > 0.0 && weights[i] > 0.0 && weights_sq[i] <= 0.0);
            if let Some(i) = needs_square {
                let message = "a row with responses and weight needs squared weights above 0";
                return Err(Error::new(ErrorKind::InvalidValue, pointer("/weights_sq", i), message));
            }
        }
        Ok(form)
    }
}

/// `invalid_value` at the first value of `column` that `ok` refuses (NaN included).
/// One pass without an early exit first, which vectorises (written with `&`, not
/// `&&`), then a search only when a value is refused.
fn first_bad(column: &[f64], at: &str, ok: impl Fn(f64) -> bool, why: impl Fn() -> String) -> Result<(), Error> {
    if column.iter().fold(true, |all, &x| all & ok(x)) {
        return Ok(());
    }
    match column.iter().enumerate().find(|&(_, &x)| !ok(x)) {
        Some((i, &x)) => {
            let what = if x.is_nan() { "not a number".to_string() } else { format!("{x}") };
            Err(Error::new(ErrorKind::InvalidValue, pointer(at, i), format!("{what}: {}", why())))
        }
        None => Ok(()),
    }
}

/// Every group's cells (by code), whether the group has rows, and the first row that
/// is no valid answer.
pub(crate) struct Counted {
    pub cells: Vec<GroupCells>,
    pub present: Vec<bool>,
    pub first_invalid: Option<usize>,
}

impl Form<'_> {
    /// The statistics row `i` adds (`i` below the rows the columns were checked for).
    #[inline]
    pub(crate) fn cell(&self, i: usize) -> Cell {
        match *self {
            Form::Unit => Cell::unweighted(1),
            Form::Weights(w) => Cell { n: 1, w: w[i], q: w[i] * w[i] },
            Form::Counts(c) => Cell::unweighted(c[i] as u64),
            Form::Tally { counts, weights, weights_sq } => {
                Cell { n: counts[i] as u64, w: weights[i], q: weights_sq[i] }
            }
        }
    }
}

/// Rows whose group codes are read into indexes at a time, so that only that read is
/// generic over the code type (one copy of the tally per response type, not per
/// response type, code type and form: the WebAssembly module's size).
pub(super) const BLOCK: usize = 1024;

/// Adds every row into its group's cells; rows with a count of 0 only have their
/// answer checked. One group when `groups` is `None`.
pub(crate) fn tally_rows<T: Response>(
    values: &[T],
    groups: Option<&Groups<'_>>,
    form: Form<'_>,
    classes: &Classes,
) -> Counted {
    let count = groups.map_or(1, |g| g.labels().len());
    let mut pass = Pass::new(count, classes);
    let mut indexes = vec![0usize; BLOCK.min(values.len())];
    for (block, chunk) in values.chunks(BLOCK).enumerate() {
        let start = block * BLOCK;
        let indexes = &mut indexes[..chunk.len()];
        if let Some(g) = groups {
            // As many codes as values: the split's rows were checked.
            with_codes!(g.codes(), |codes| read_indexes(&codes[start..], indexes));
        }
        // Plain weights, the common case, get a loop of their own without a branch on
        // the form (3.2 against 3.9 ns per answer); the other forms share one.
        match form {
            Form::Weights(w) => pass.add(chunk, indexes, |k| {
                let w = w[start + k];
                Cell { n: 1, w, q: w * w }
            }),
            _ => pass.add(chunk, indexes, |k| form.cell(start + k)),
        }
    }
    // A row off the scale with a count of 0 leaves no trace in the cells.
    let counted = matches!(form, Form::Counts(_) | Form::Tally { .. });
    pass.finish(values, counted)
}

/// The codes of a block as indexes.
pub(super) fn read_indexes<C: GroupCode>(codes: &[C], out: &mut [usize]) {
    for (o, c) in out.iter_mut().zip(codes) {
        *o = c.index();
    }
}

/// Where the cells of a pass are added: a flat table of groups x bins for narrow
/// scales (the last used bin of a group holding its answers off the scale), a map for
/// wide ones.
enum Store {
    Table { cells: Vec<Cell>, width: usize },
    Map { cells: HashMap<(usize, i64), Cell>, skipped: Vec<u64>, any_invalid: bool },
}

/// One pass of the per-row tally.
struct Pass<'c> {
    classes: &'c Classes,
    span: u64,
    store: Store,
    present: Vec<bool>,
}

impl<'c> Pass<'c> {
    fn new(count: usize, classes: &'c Classes) -> Pass<'c> {
        // The answers on the scale and one bin for those off it (no rounding up to a
        // power of two as the histogram does: its cells are 24 bytes, not 4).
        let store = match bin_shift(classes, Slots::fixed(count)) {
            Some(_) => {
                let width = classes.hi.wrapping_sub(classes.lo) as usize + 2;
                Store::Table { cells: vec![Cell::default(); count * width], width }
            }
            None => Store::Map { cells: HashMap::new(), skipped: vec![0; count], any_invalid: false },
        };
        let span = classes.hi.wrapping_sub(classes.lo) as u64;
        Pass { classes, span, store, present: vec![false; count] }
    }

    /// Adds a block of rows (their values and group indexes, checked when the groups
    /// were built, so below the groups' count); `cell(k)` is the statistics of the
    /// block's row `k`. A bin is at most `span + 1`, inside a group's `width`.
    #[inline(always)]
    fn add<T: Response>(&mut self, values: &[T], groups: &[usize], cell: impl Fn(usize) -> Cell) {
        let (lo, span) = (self.classes.lo, self.span);
        match &mut self.store {
            Store::Table { cells, width } => {
                for (k, (&v, &g)) in values.iter().zip(groups).enumerate() {
                    self.present[g] = true;
                    let c = &mut cells[g * *width + v.bin(lo, span)];
                    // No overflow: the counts' total was checked (the saturating add of
                    // `Cell::add` made this loop 3.8 against 3.2 ns per answer).
                    let row = cell(k);
                    c.n += row.n;
                    c.w += row.w;
                    c.q += row.q;
                }
            }
            Store::Map { cells, skipped, any_invalid } => {
                for (k, (&v, &g)) in values.iter().zip(groups).enumerate() {
                    self.present[g] = true;
                    let row = cell(k);
                    match v.to_integer().filter(|&x| self.classes.holds(x)) {
                        Some(value) if row.n > 0 => cells.entry((g, value)).or_default().add(row),
                        Some(_) => {}
                        None => {
                            *any_invalid = true;
                            skipped[g] = skipped[g].saturating_add(row.n);
                        }
                    }
                }
            }
        }
    }

    /// The cells by group; the first row off the scale is searched for when one was
    /// seen, or whenever `counted` (a row with a count of 0 leaves no trace).
    fn finish<T: Response>(self, values: &[T], counted: bool) -> Counted {
        let lo = self.classes.lo;
        let mut cells: Vec<GroupCells> = vec![GroupCells::default(); self.present.len()];
        let mut any_invalid = counted;
        match self.store {
            Store::Table { cells: table, width } => {
                let invalid = self.span as usize + 1;
                for (group, bins) in cells.iter_mut().zip(table.chunks_exact(width)) {
                    group.values = bins
                        .iter()
                        .take(invalid)
                        .enumerate()
                        .filter(|(_, c)| c.n > 0)
                        .map(|(b, &c)| (lo + b as i64, c))
                        .collect();
                    let off = bins[invalid];
                    group.skipped = off.n;
                    any_invalid |= off.n > 0;
                }
            }
            Store::Map { cells: map, skipped, any_invalid: seen } => {
                any_invalid |= seen;
                for ((g, value), c) in map {
                    cells[g].values.push((value, c));
                }
                for (group, skipped) in cells.iter_mut().zip(skipped) {
                    group.values.sort_unstable_by_key(|&(v, _)| v);
                    group.skipped = skipped;
                }
            }
        }
        let first_invalid = if any_invalid {
            let classes = self.classes;
            values.iter().position(|v| !v.to_integer().is_some_and(|x| classes.holds(x)))
        } else {
            None
        };
        Counted { cells, present: self.present, first_invalid }
    }
}
