//! Sufficient statistics (SPEC 10): per group and per answer value, the number of
//! responses n, the sum of their weights W and of their squared weights Q. Every scale
//! metric is a tally followed by estimators that read only the tally, so raw answers,
//! weighted answers and a tally handed in (counted by a database) meet here.
//!
//! Three kernels fill it: the unweighted histogram ([`histogram`]), the per-row tally
//! with weights or counts ([`rows`]), and the public [`Tally`] finished on a scale.

use crate::error::{pointer, Error, ErrorKind};

use super::codes::with_codes;
use super::groups::{self, GroupLabel, Split, MAX_GROUPS};
use super::response::{Classes, Response};
use super::Invalid;

mod builder;
pub(crate) mod histogram;
mod public;
mod rows;

pub use builder::TallyBuilder;
use histogram::{bin_shift, histogram_grouped, histogram_ungrouped, NoSlot, Slots};
pub use public::Tally;
pub use rows::{count_past_max, RowWeights, MAX_COUNT};
use rows::{tally_rows, Form};

/// The sufficient statistics of some responses: how many there are (`n`), the sum of
/// their weights (`w`) and the sum of their squared weights (`q`). Without weights
/// `w = q = n`.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Cell {
    /// The number of responses.
    pub n: u64,
    /// The sum of their weights.
    pub w: f64,
    /// The sum of their squared weights.
    pub q: f64,
}

impl Cell {
    /// `n` responses of weight one.
    #[allow(clippy::cast_precision_loss)]
    pub(crate) fn unweighted(n: u64) -> Cell {
        Cell { n, w: n as f64, q: n as f64 }
    }

    /// Adds `other`; `n` saturates at `u64::MAX`, which [`check_sums`] reports.
    pub(crate) fn add(&mut self, other: Cell) {
        self.n = self.n.saturating_add(other.n);
        self.w += other.w;
        self.q += other.q;
    }
}

/// One group's answers on a scale: a cell per answer value that occurs (ascending),
/// and the number of responses that were no valid answer on it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct GroupCells {
    pub values: Vec<(i64, Cell)>,
    pub skipped: u64,
}

impl GroupCells {
    /// The sum of the cells, in ascending value order.
    pub fn total(&self) -> Cell {
        let mut t = Cell::default();
        for (_, c) in &self.values {
            t.add(*c);
        }
        t
    }

    /// The sums of the three classes of `classes`, each in ascending value order.
    pub fn classes(&self, classes: &Classes) -> [Cell; 3] {
        let mut out = [Cell::default(); 3];
        for &(v, c) in &self.values {
            // A class is 0, 1 or 2.
            out[classes.class(v)].add(c);
        }
        out
    }

    /// The groups' cells added value by value (SPEC 11's pooled side).
    pub fn pooled<'a>(groups: impl IntoIterator<Item = &'a GroupCells>) -> GroupCells {
        let mut values: Vec<(i64, Cell)> = Vec::new();
        for g in groups {
            for &(v, c) in &g.values {
                match values.binary_search_by_key(&v, |&(value, _)| value) {
                    Ok(i) => values[i].1.add(c),
                    Err(i) => values.insert(i, (v, c)),
                }
            }
        }
        GroupCells { values, skipped: 0 }
    }
}

/// A column tallied on a scale: every group that has rows, with its label, in order of
/// first appearance (one unlabelled group when ungrouped), and the first row whose
/// response is no valid answer, if any.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tallied {
    pub groups: Vec<(GroupLabel, GroupCells)>,
    pub first_invalid: Option<FirstInvalid>,
    /// Which column a sum that overflows is reported at (`/weights_sq` for a tally's
    /// squared weights), and whether squares that underflow to 0 are possible.
    pub form: SumsAt,
}

/// The first response that is no valid answer: its row and value and, from a
/// [`Tally`] (counted by an engine, whose rows mean little to a user), how many
/// responses in all hold that value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FirstInvalid {
    pub row: usize,
    pub value: f64,
    pub count: Option<u64>,
}

/// Where a group's sums are checked and reported (SPEC 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum SumsAt {
    /// Counts only, or no weights: the sums are counts.
    Counts,
    /// Plain weights: both sums at `/weights`.
    Weights,
    /// A tally's weights and squared weights: at `/weights` and `/weights_sq`.
    Tally,
}

impl SumsAt {
    /// Where the sums of rows of both forms are checked: counts add to either form, a
    /// tally's squared weights to anything.
    pub(crate) fn and(self, other: SumsAt) -> SumsAt {
        match (self, other) {
            (SumsAt::Counts, s) | (s, SumsAt::Counts) => s,
            (SumsAt::Tally, _) | (_, SumsAt::Tally) => SumsAt::Tally,
            _ => SumsAt::Weights,
        }
    }
}

/// Tallies `values` on `classes`, split by `split` if given.
///
/// # Errors
/// `invalid_document` at `/groups` or at a column whose length differs, every error of
/// the columns' values ([`RowWeights`]) and of the group codes.
pub(crate) fn tally<T: Response>(
    values: &[T],
    split: Option<Split<'_>>,
    rows: &RowWeights<'_>,
    classes: &Classes,
) -> Result<Tallied, Error> {
    if let Some(split) = &split {
        split.check_rows(values.len())?;
    }
    let form = rows.check(values.len())?;
    let mut tallied = match (form, split) {
        (Form::Unit, split) => match histogram_tally(values, split, classes)? {
            Some(t) => t,
            None => rows_tally(values, split, form, classes)?,
        },
        (form, split) => rows_tally(values, split, form, classes)?,
    };
    tallied.form = form.sums_at();
    Ok(tallied)
}

/// The histogram kernel's tally, or `None` when the scale is too wide for it.
fn histogram_tally<T: Response>(
    values: &[T],
    split: Option<Split<'_>>,
    classes: &Classes,
) -> Result<Option<Tallied>, Error> {
    let Some(split) = split else {
        let Some(shift) = bin_shift(classes, Slots::fixed(1)) else {
            return Ok(None);
        };
        let bins = histogram_ungrouped(values, classes, shift);
        let cells = bin_cells(&bins.counts, classes);
        let first_invalid = first_invalid(values, classes, cells.skipped);
        let groups = if bins.counts.iter().any(|&c| c > 0) { vec![(GroupLabel::Int(0), cells)] } else { vec![] };
        return Ok(Some(Tallied { groups, first_invalid, form: SumsAt::Counts }));
    };
    let (codes, slots) = match split {
        Split::Groups(g) => (g.codes(), Slots::fixed(g.labels().len())),
        Split::Coded(codes, labels) => (codes, Slots::fixed(labels.len())),
        // Past MAX_GROUPS labels the codes are factorised, and then counted below.
        Split::Integers(labels) => (labels, Slots::growing(groups::dense_limit(labels.len()).min(MAX_GROUPS))),
    };
    // Before any bin is allocated: a bin per group and answer would exhaust memory.
    match split {
        Split::Groups(g) => groups::check_group_count(g.codes(), g.labels().len())?,
        Split::Coded(codes, labels) => groups::check_group_count(codes, labels.len())?,
        Split::Integers(_) => {}
    }
    let Some(shift) = bin_shift(classes, slots) else {
        return Ok(None);
    };
    let bins = match with_codes!(codes, |c| histogram_grouped(values, c, slots, classes, shift)) {
        Ok(bins) => bins,
        // Labels too large or negative to be their own codes: factorised instead.
        Err(_) if matches!(split, Split::Integers(_)) => {
            let groups = groups::factorise_integers(codes)?;
            return histogram_tally(values, Some(Split::Groups(&groups)), classes);
        }
        Err(NoSlot(row)) => return groups::code_out_of_range(row, codes.signed_at(row).unwrap_or_default()),
    };
    let each_group = || bins.counts.chunks_exact(1 << bins.shift);
    let cells: Vec<GroupCells> = each_group().map(|g| bin_cells(g, classes)).collect();
    let present: Vec<bool> = each_group().map(|g| g.iter().any(|&c| c > 0)).collect();
    let groups = label_groups(split, cells, &present)?;
    let skipped = groups.iter().map(|(_, g)| g.skipped).sum();
    Ok(Some(Tallied { groups, first_invalid: first_invalid(values, classes, skipped), form: SumsAt::Counts }))
}

/// The cells of one group's bins.
fn bin_cells(bins: &[u64], classes: &Classes) -> GroupCells {
    let span = classes.hi.wrapping_sub(classes.lo) as u64;
    let mut cells = GroupCells::default();
    for (b, &count) in bins.iter().enumerate() {
        if count == 0 {
            continue;
        }
        if b as u64 > span {
            cells.skipped += count;
        } else {
            cells.values.push((classes.lo + b as i64, Cell::unweighted(count)));
        }
    }
    cells
}

/// The first row that is no valid answer, when `skipped` says there is one.
fn first_invalid<T: Response>(values: &[T], classes: &Classes, skipped: u64) -> Option<FirstInvalid> {
    if skipped == 0 {
        return None;
    }
    let valid = |v: &T| v.to_integer().is_some_and(|i| classes.holds(i));
    values.iter().position(|v| !valid(v)).map(|row| at_row(values, row))
}

/// The invalid response at `row` of `values` (a row found in them).
fn at_row<T: Response>(values: &[T], row: usize) -> FirstInvalid {
    FirstInvalid { row, value: values[row].as_f64(), count: None }
}

/// The per-row kernel's tally: the split becomes [`Groups`](super::Groups) first (its codes checked).
fn rows_tally<T: Response>(
    values: &[T],
    split: Option<Split<'_>>,
    form: Form<'_>,
    classes: &Classes,
) -> Result<Tallied, Error> {
    let built = split.map(Split::groups).transpose()?;
    let groups = built.as_deref();
    let counted = tally_rows(values, groups, form, classes);
    let first_invalid = counted.first_invalid.map(|row| at_row(values, row));
    let groups = match groups {
        // Ungrouped: one group, listed when it has rows.
        None => counted
            .cells
            .into_iter()
            .zip(counted.present)
            .filter(|(_, p)| *p)
            .map(|(c, _)| (GroupLabel::Int(0), c))
            .collect(),
        Some(g) => label_groups(Split::Groups(g), counted.cells, &counted.present)?,
    };
    Ok(Tallied { groups, first_invalid, form: SumsAt::Counts })
}

/// The cells of every group that has rows, with its label, in order of first
/// appearance; `duplicate_id` when codes given with their labels share one (checked
/// after the codes, as [`Groups::from_codes`](super::Groups::from_codes) checks them).
fn label_groups(
    split: Split<'_>,
    mut cells: Vec<GroupCells>,
    present: &[bool],
) -> Result<Vec<(GroupLabel, GroupCells)>, Error> {
    let count = present.iter().filter(|&&p| p).count();
    let (order, labels) = match split {
        Split::Groups(g) => (g.appearance_order(count), Some(g.labels())),
        Split::Coded(codes, labels) => {
            groups::check_distinct(labels)?;
            (codes.first_appearances(labels.len(), count), Some(labels))
        }
        Split::Integers(codes) => (codes.first_appearances(cells.len(), count), None),
    };
    // Each code in `order` is checked and listed once, so each group's cells are taken once.
    let label = |code: usize| match labels {
        Some(labels) => labels[code].clone(),
        None => GroupLabel::Int(code as i64),
    };
    Ok(order
        .iter()
        .map(|&code| code as usize)
        .filter(|&code| present[code])
        .map(|code| (label(code), std::mem::take(&mut cells[code])))
        .collect())
}

impl Tallied {
    /// The error of the first invalid response, under [`Invalid::Error`].
    pub fn check_invalid(&self, invalid: Invalid, classes: &Classes) -> Result<(), Error> {
        match (invalid, self.first_invalid) {
            (Invalid::Error, Some(first)) => Err(invalid_response(first, classes)),
            _ => Ok(()),
        }
    }
}

/// `invalid_value` at `/responses/ROW`, naming the value (and how many responses hold
/// it, when known).
pub(crate) fn invalid_response(first: FirstInvalid, classes: &Classes) -> Error {
    let what = if first.value.is_nan() { "not a number".to_string() } else { format!("{}", first.value) };
    let held = match first.count {
        Some(1) => " (1 response holds it)".to_string(),
        Some(n) => format!(" ({n} responses hold it)"),
        None => String::new(),
    };
    let message = format!("response {what} is not an integer in {}..{}{held}", classes.lo, classes.hi);
    Error::new(ErrorKind::InvalidValue, pointer("/responses", first.row), message)
}

/// SPEC 10's checks of a group's (or a pooled side's) sums: weights or squared weights
/// that sum to infinity, or plain weights whose squares all underflow to 0; a count
/// past `u64::MAX` is `limit_exceeded`.
pub(crate) fn check_sums(total: &Cell, at: SumsAt) -> Result<(), Error> {
    if total.n == u64::MAX {
        return Err(Error::new(ErrorKind::LimitExceeded, "/counts", "the counts add up to more than 2^64 - 1"));
    }
    let (w_at, q_at) = match at {
        SumsAt::Counts => return Ok(()),
        SumsAt::Weights => ("/weights", "/weights"),
        SumsAt::Tally => ("/weights", "/weights_sq"),
    };
    if !total.w.is_finite() {
        return Err(Error::new(ErrorKind::InvalidValue, w_at, "the weights of a group add up to infinity"));
    }
    if !total.q.is_finite() {
        return Err(Error::new(ErrorKind::InvalidValue, q_at, "the squared weights of a group add up to infinity"));
    }
    if at == SumsAt::Weights && total.w > 0.0 && total.q == 0.0 {
        let message = "the weights of a group are so small that their squares add up to 0";
        return Err(Error::new(ErrorKind::InvalidValue, "/weights", message));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
