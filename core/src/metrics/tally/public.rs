//! [`Tally`]: the sufficient statistics of a set of answers before any scale is
//! chosen, built chunk by chunk, merged, and finished into NPS, CSAT or CES. The seam
//! where a data engine counts and servex finishes.

use std::ops::Add;

use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};

use super::super::codes::{with_codes, Codes, GroupCode};
use super::super::groups::{too_many_groups, GroupLabel, Split, MAX_GROUPS};
use super::super::response::{Classes, Response};
use super::rows::RowWeights;
use super::{Cell, FirstInvalid, GroupCells, SumsAt, Tallied, TallyBuilder};

/// An answer as a tally keeps it: a whole number, or any other value (NaN, 7.5, an
/// infinity), which is no answer on any scale, kept by its bits (every NaN as one) so
/// that an error can say how many responses hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub(super) enum Answer {
    Whole(i64),
    Other(u64),
}

impl Answer {
    pub(super) fn of<T: Response>(v: T) -> Answer {
        match v.to_integer() {
            Some(i) => Answer::Whole(i),
            None if v.as_f64().is_nan() => Answer::Other(f64::NAN.to_bits()),
            None => Answer::Other(v.as_f64().to_bits()),
        }
    }

    #[allow(clippy::cast_precision_loss)]
    fn value(self) -> f64 {
        match self {
            Answer::Whole(i) => i as f64,
            Answer::Other(bits) => f64::from_bits(bits),
        }
    }
}

/// One row of a tally: a group, an answer, its statistics, and the first row of the
/// input that held it (for error paths).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub(super) struct Row {
    pub group: u32,
    pub answer: Answer,
    pub cell: Cell,
    pub first: u64,
}

/// Per group and answer value, the number of responses, their weight sum and their
/// squared-weight sum (SPEC 10): what NPS, CSAT and CES need, whatever the scale.
///
/// Build one from raw answers ([`Tally::new`]) or from a tally counted elsewhere (the
/// same, with `counts`, `weights` and `weights_sq`); add tallies of further chunks with
/// `+` (counts add exactly, in any order); finish with [`Tally::nps`],
/// [`Tally::csat`] or [`Tally::ces`].
///
/// ```
/// use servex::metrics::{NpsOptions, RowWeights, Tally};
/// let first = Tally::new(&[10u8, 9, 3], None, RowWeights::default()).unwrap();
/// let second = Tally::new(&[7.0, 10.0], None, RowWeights::default()).unwrap();
/// let whole = Tally::new(&[10u8, 9, 3, 7, 10], None, RowWeights::default()).unwrap();
/// let o = NpsOptions::default();
/// assert_eq!((first + second).nps(&o).unwrap(), whole.nps(&o).unwrap());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    /// The group labels in order of first appearance; `None` when ungrouped.
    pub(super) labels: Option<Vec<GroupLabel>>,
    /// Sorted by group, then answer.
    pub(super) rows: Vec<Row>,
    /// How many input rows the tally holds (offsets the `first` of a merged tally).
    pub(super) input_rows: u64,
    /// Whether weights were given (then sums are checked as weights').
    pub(super) sums_at: SumsAt,
    /// Whether a grouped and an ungrouped tally with answers were added: their sum
    /// has answers without a group, which finishing refuses.
    #[serde(default)]
    pub(super) mixed: bool,
}

impl Tally {
    /// Tallies `responses`, split by `groups` if given, with the optional columns of
    /// SPEC 10. Answers are not checked here: the metric that finishes the tally
    /// checks them against its scale.
    ///
    /// # Errors
    /// As the metrics report them: `invalid_document` at `/groups` or at a column whose
    /// length differs, `invalid_value` at the first bad weight, count or group code.
    pub fn new<T: Response>(
        responses: &[T],
        groups: Option<Split<'_>>,
        columns: RowWeights<'_>,
    ) -> Result<Tally, Error> {
        let Some(split) = groups else {
            let mut builder = TallyBuilder::ungrouped();
            builder.push(responses, None, columns)?;
            return Ok(builder.finish());
        };
        split.check_rows(responses.len())?;
        let groups = split.groups()?;
        // Only the labels that rows name are registered (integer labels used as their
        // own codes number up to `groups::dense_limit`), in order of their first row;
        // the codes are renumbered to match.
        let mut builder = TallyBuilder::grouped();
        let mut code_of = vec![u32::MAX; groups.labels().len()];
        // The groups' codes are checked: each names one of their labels.
        for code in groups.appearance_order(groups.labels().len()) {
            code_of[code as usize] = builder.group(groups.labels()[code as usize].clone())?;
        }
        let codes: Vec<u32> = with_codes!(groups.codes(), |c| c.iter().map(|c| code_of[c.index()]).collect());
        builder.push(responses, Some(Codes::U32(&codes)), columns)?;
        Ok(builder.finish())
    }

    /// Whether the tally is split into groups.
    pub fn is_grouped(&self) -> bool {
        self.labels.is_some()
    }

    /// The group labels, in order of first appearance (empty when ungrouped).
    pub fn labels(&self) -> &[GroupLabel] {
        self.labels.as_deref().unwrap_or_default()
    }

    /// The tally as SPEC 10's columns, one row per group and answer (groups in order
    /// of first appearance, answers ascending): `(group, answer, n, weight sum, squared
    /// weight sum)`. Handed back to a metric as `groups`, `responses`, `counts`,
    /// `weights` and `weights_sq`, it gives the same result.
    pub fn rows(&self) -> impl Iterator<Item = (Option<&GroupLabel>, f64, Cell)> + '_ {
        self.rows.iter().map(|r| (self.labels.as_ref().map(|l| &l[r.group as usize]), r.answer.value(), r.cell))
    }

    /// The tally as JSON text, which [`Tally::from_json`] reads back exactly (how the
    /// fronts pickle or store one).
    ///
    /// # Errors
    /// `invalid_value` if a sum is not finite (JSON has no infinity).
    pub fn to_json(&self) -> Result<String, Error> {
        crate::json::to_text(self)
    }

    /// Reads a tally written by [`Tally::to_json`].
    ///
    /// # Errors
    /// `invalid_json` or `invalid_document` when `text` is not one.
    pub fn from_json(text: &str) -> Result<Tally, Error> {
        let mut tally: Tally = crate::json::from_value(&crate::json::parse(text)?)?;
        let groups = tally.labels.as_ref().map_or(1, Vec::len);
        if tally.rows.iter().any(|r| r.group as usize >= groups) {
            return Err(Error::new(
                ErrorKind::InvalidDocument,
                "/rows",
                "a row names a group the tally has no label for",
            ));
        }
        tally.rows.sort_unstable_by_key(|r| (r.group, r.answer));
        Ok(tally)
    }

    /// The groups' answers on a scale, as the estimators read them.
    ///
    /// # Errors
    /// `invalid_document` at `/groups` when a grouped and an ungrouped tally were
    /// added (answers without a group).
    pub(crate) fn on_scale(&self, classes: &Classes) -> Result<Tallied, Error> {
        if self.mixed {
            let message = "a grouped and an ungrouped tally were added: some answers have no group";
            return Err(Error::new(ErrorKind::InvalidDocument, "/groups", message));
        }
        let count = self.labels.as_ref().map_or(1, Vec::len);
        let mut groups: Vec<GroupCells> = vec![GroupCells::default(); count];
        let mut present = vec![false; count];
        let mut first_invalid: Option<&Row> = None;
        // Every row names a group the tally has (built so, or checked when read).
        for r in &self.rows {
            let g = r.group as usize;
            present[g] = true;
            let cells = &mut groups[g];
            match r.answer {
                Answer::Whole(v) if classes.holds(v) => {
                    if r.cell.n > 0 {
                        cells.values.push((v, r.cell));
                    }
                }
                _ => {
                    cells.skipped = cells.skipped.saturating_add(r.cell.n);
                    if first_invalid.is_none_or(|first| r.first < first.first) {
                        first_invalid = Some(r);
                    }
                }
            }
        }
        let labels = self.labels.clone().unwrap_or_else(|| vec![GroupLabel::Int(0)]);
        let groups: Vec<(GroupLabel, GroupCells)> =
            labels.into_iter().zip(groups).zip(present).filter(|(_, p)| *p).map(|(g, _)| g).collect();
        if groups.len() > MAX_GROUPS {
            return Err(too_many_groups(groups.len()));
        }
        let first_invalid = first_invalid.map(|first| FirstInvalid {
            row: usize::try_from(first.first).unwrap_or(usize::MAX),
            value: first.answer.value(),
            count: Some(
                self.rows.iter().filter(|r| r.answer == first.answer).fold(0u64, |n, r| n.saturating_add(r.cell.n)),
            ),
        });
        Ok(Tallied { groups, first_invalid, form: self.sums_at })
    }
}

impl Add for Tally {
    type Output = Tally;

    /// The tally of both inputs' rows, this one's first: counts add exactly, groups
    /// keep the order of their first row. A grouped and an ungrouped tally, both with
    /// answers, make a tally that finishing refuses (`invalid_document` at `/groups`);
    /// an empty one adds to either.
    fn add(self, other: Tally) -> Tally {
        let mixed = self.mixed
            || other.mixed
            || (self.labels.is_some() != other.labels.is_some() && !self.rows.is_empty() && !other.rows.is_empty());
        let mut labels = self.labels.clone();
        let mut index: HashMap<GroupLabel, u32> = HashMap::new();
        if let Some(ls) = &labels {
            for (i, l) in ls.iter().enumerate() {
                index.insert(l.clone(), i as u32);
            }
        }
        let grouped = self.labels.is_some() || other.labels.is_some();
        let mut code_of = |label: GroupLabel, labels: &mut Option<Vec<GroupLabel>>| -> u32 {
            let ls = labels.get_or_insert_with(Vec::new);
            *index.entry(label.clone()).or_insert_with(|| {
                ls.push(label);
                (ls.len() - 1) as u32
            })
        };
        let mut rows = self.rows;
        // Answers without a group (only in a mixed sum) are kept apart under a label of
        // their own, never merged into a real group.
        let no_group = || GroupLabel::Str("\u{0}no group".to_string());
        if grouped && self.labels.is_none() && !rows.is_empty() {
            let code = code_of(no_group(), &mut labels);
            rows.iter_mut().for_each(|r| r.group = code);
        }
        let other_label = |r: &Row| match &other.labels {
            Some(ls) => ls[r.group as usize].clone(),
            None => no_group(),
        };
        for r in &other.rows {
            let group = if grouped { code_of(other_label(r), &mut labels) } else { 0 };
            let first = r.first.saturating_add(self.input_rows);
            match rows.binary_search_by_key(&(group, r.answer), |x| (x.group, x.answer)) {
                Ok(i) => rows[i].cell.add(r.cell),
                Err(i) => rows.insert(i, Row { group, first, ..*r }),
            }
        }
        let sums_at = self.sums_at.and(other.sums_at);
        Tally { labels, rows, input_rows: self.input_rows.saturating_add(other.input_rows), sums_at, mixed }
    }
}
