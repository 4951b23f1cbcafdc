//! The per-row kernel: responses with design weights, with counts, or as a tally
//! handed in (counts, weights and squared weights per row), checked as SPEC 10 says
//! and added into each group's cells. Also the unweighted tally of wide scales.

use foldhash::{HashMap, HashMapExt};

use crate::error::{pointer, Error, ErrorKind};

use super::super::groups::{with_codes, GroupCode, Groups};
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
const MAX_COUNT: f64 = 9_007_199_254_740_992.0;
/// SPEC 8's magnitudes: a weight that is not 0 lies within these.
const MIN_WEIGHT: f64 = 1e-300;
const MAX_WEIGHT: f64 = 1e300;

impl<'a> RowWeights<'a> {
    /// Whether no column is given.
    pub fn is_empty(&self) -> bool {
        self.weights.is_none() && self.counts.is_none() && self.weights_sq.is_none()
    }

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
            first_bad(
                w,
                "/weights",
                |w| w == 0.0 || (MIN_WEIGHT..=MAX_WEIGHT).contains(&w),
                || format!("a weight is 0 or a number within [{MIN_WEIGHT:e}, {MAX_WEIGHT:e}]"),
            )?;
        }
        if let Some(c) = self.counts {
            first_bad(
                c,
                "/counts",
                |c| (0.0..=MAX_COUNT).contains(&c) && c.fract() == 0.0,
                || "a count is a whole number within [0, 2^53]".to_string(),
            )?;
        }
        if let Form::Tally { counts, weights, weights_sq } = form {
            first_bad(
                weights_sq,
                "/weights_sq",
                |q| q.is_finite() && q >= 0.0,
                || "a sum of squared weights is a finite number >= 0".to_string(),
            )?;
            let needs_square = (0..rows).find(|&i| {
                let at = |c: &[f64]| c.get(i).copied().unwrap_or_default();
                at(counts) > 0.0 && at(weights) > 0.0 && at(weights_sq) <= 0.0
            });
            if let Some(i) = needs_square {
                let message = "a row with responses and weight needs squared weights above 0";
                return Err(Error::new(ErrorKind::InvalidValue, pointer("/weights_sq", i), message));
            }
        }
        Ok(form)
    }
}

/// `invalid_value` at the first value of `column` that `ok` refuses (NaN included).
fn first_bad(column: &[f64], at: &str, ok: impl Fn(f64) -> bool, why: impl Fn() -> String) -> Result<(), Error> {
    match column.iter().position(|&x| !ok(x)) {
        Some(i) => {
            let x = column.get(i).copied().unwrap_or(f64::NAN);
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
    /// The statistics row `i` adds.
    #[inline]
    pub(crate) fn cell(&self, i: usize) -> Cell {
        let at = |c: &[f64]| c.get(i).copied().unwrap_or_default();
        match *self {
            Form::Unit => Cell::unweighted(1),
            Form::Weights(w) => {
                let w = at(w);
                Cell { n: 1, w, q: w * w }
            }
            Form::Counts(c) => Cell::unweighted(at(c) as u64),
            Form::Tally { counts, weights, weights_sq } => {
                Cell { n: at(counts) as u64, w: at(weights), q: at(weights_sq) }
            }
        }
    }
}

/// Rows whose group codes are read into indexes at a time, so that only that read is
/// generic over the code type (one copy of the tally per response type, not per
/// response type, code type and form: the WebAssembly module's size).
const BLOCK: usize = 1024;

/// Adds every row into its group's cells; rows with a count of 0 only have their
/// answer checked. One group when `groups` is `None`.
pub(crate) fn tally_rows<T: Response>(
    values: &[T],
    groups: Option<&Groups<'_>>,
    form: Form<'_>,
    classes: &Classes,
) -> Result<Counted, Error> {
    let count = groups.map_or(1, |g| g.labels().len());
    let mut pass = Pass::new(count, classes);
    let mut indexes = vec![0usize; BLOCK.min(values.len())];
    for (block, chunk) in values.chunks(BLOCK).enumerate() {
        let start = block * BLOCK;
        let indexes = indexes.get_mut(..chunk.len()).unwrap_or_default();
        if let Some(g) = groups {
            with_codes!(g.codes(), |codes| read_indexes(codes.get(start..).unwrap_or_default(), indexes));
        }
        pass.add(chunk, indexes, start, &form)?;
    }
    Ok(pass.finish())
}

/// The codes of a block as indexes.
fn read_indexes<C: GroupCode>(codes: &[C], out: &mut [usize]) {
    for (o, c) in out.iter_mut().zip(codes) {
        *o = c.index();
    }
}

/// Where the cells of a pass are added: a flat table of groups x bins for narrow
/// scales, a map for wide ones.
enum Store {
    Table { cells: Vec<Cell>, shift: u32 },
    Map(HashMap<(usize, i64), Cell>),
}

/// One pass of the per-row tally.
struct Pass<'c> {
    classes: &'c Classes,
    store: Store,
    present: Vec<bool>,
    skipped: Vec<u64>,
    first_invalid: Option<usize>,
    total: u64,
}

impl<'c> Pass<'c> {
    fn new(count: usize, classes: &'c Classes) -> Pass<'c> {
        let store = match bin_shift(classes, Slots::fixed(count)) {
            Some(shift) => Store::Table { cells: vec![Cell::default(); count << shift], shift },
            None => Store::Map(HashMap::new()),
        };
        Pass { classes, store, present: vec![false; count], skipped: vec![0; count], first_invalid: None, total: 0 }
    }

    /// Adds rows `start..` (their values and group indexes, checked when the groups
    /// were built).
    fn add<T: Response>(&mut self, values: &[T], groups: &[usize], start: usize, form: &Form<'_>) -> Result<(), Error> {
        let classes = self.classes;
        for (k, (&v, &g)) in values.iter().zip(groups).enumerate() {
            let i = start + k;
            let cell = form.cell(i);
            if let Some(p) = self.present.get_mut(g) {
                *p = true;
            }
            self.total = self.total.checked_add(cell.n).ok_or_else(too_many)?;
            let Some(value) = v.to_integer().filter(|&x| classes.holds(x)) else {
                self.first_invalid = self.first_invalid.or(Some(i));
                if let Some(s) = self.skipped.get_mut(g) {
                    *s += cell.n;
                }
                continue;
            };
            if cell.n == 0 {
                continue;
            }
            match &mut self.store {
                Store::Table { cells, shift } => {
                    if let Some(c) = cells.get_mut((g << *shift) + (value - classes.lo) as usize) {
                        c.add(cell);
                    }
                }
                Store::Map(map) => map.entry((g, value)).or_default().add(cell),
            }
        }
        Ok(())
    }

    fn finish(self) -> Counted {
        let lo = self.classes.lo;
        let mut cells: Vec<GroupCells> =
            self.skipped.into_iter().map(|skipped| GroupCells { values: Vec::new(), skipped }).collect();
        match self.store {
            Store::Table { cells: table, shift } => {
                for (g, group) in cells.iter_mut().enumerate() {
                    let bins = table.get(g << shift..(g + 1) << shift).unwrap_or_default();
                    group.values =
                        bins.iter().enumerate().filter(|(_, c)| c.n > 0).map(|(b, &c)| (lo + b as i64, c)).collect();
                }
            }
            Store::Map(map) => {
                for ((g, value), c) in map {
                    if let Some(group) = cells.get_mut(g) {
                        group.values.push((value, c));
                    }
                }
                for group in &mut cells {
                    group.values.sort_unstable_by_key(|&(v, _)| v);
                }
            }
        }
        Counted { cells, present: self.present, first_invalid: self.first_invalid }
    }
}

fn too_many() -> Error {
    Error::new(ErrorKind::LimitExceeded, "/counts", "the counts add up to more than 2^64 - 1")
}
