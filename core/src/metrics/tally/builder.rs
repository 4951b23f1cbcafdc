//! [`TallyBuilder`]: a [`Tally`] filled batch by batch, for answers streamed from a
//! file or a cursor. Every row is added into its group's running cell, so the sums are
//! those of one pass over the whole column, bit for bit what the metrics compute on it
//! in memory (tallies of each batch added with `+` would sum the weights in another
//! order). Labels are hashed once, when registered, not once per batch.

use foldhash::{HashMap, HashMapExt};

use crate::error::{Error, ErrorKind};

use super::super::codes::{first_bad_code, with_codes, Codes};
use super::super::groups::{code_out_of_range, GroupLabel};
use super::super::response::Response;
use super::public::{Answer, Row};
use super::rows::{read_indexes, Form, RowWeights, BLOCK};
use super::{Cell, SumsAt, Tally};

/// Whole answers `0..DENSE` (every common scale: 0..10, 1..5, 1..7) have a slot per
/// group in a flat table; other answers go to a map.
const DENSE: usize = 11;
/// The `first` of a slot no row has reached.
const UNSEEN: u64 = u64::MAX;

/// A cell and the first input row that reached it (for the order of groups and the
/// row an error names).
#[derive(Debug, Clone, Copy)]
struct Slot {
    cell: Cell,
    first: u64,
}

const EMPTY: Slot = Slot { cell: Cell { n: 0, w: 0.0, q: 0.0 }, first: UNSEEN };

/// Builds a [`Tally`] from batches of rows: register each group's label once with
/// [`TallyBuilder::group`], [`push`](TallyBuilder::push) the batches (responses, their
/// group codes and the optional columns of SPEC 10), then [`finish`](TallyBuilder::finish).
/// Memory grows with the groups (about 350 bytes each), not with the rows.
///
/// ```
/// use servex::metrics::{Codes, GroupLabel, NpsOptions, RowWeights, Split, Tally, TallyBuilder};
/// let mut builder = TallyBuilder::grouped();
/// let (north, south) = (builder.group("north".into()).unwrap(), builder.group("south".into()).unwrap());
/// let weights = RowWeights { weights: Some(&[1.5, 0.5]), ..RowWeights::default() };
/// builder.push(&[10u8, 3], Some(Codes::U32(&[north, south])), weights).unwrap();
/// let weights = RowWeights { weights: Some(&[2.0]), ..RowWeights::default() };
/// builder.push(&[9u8], Some(Codes::U32(&[north])), weights).unwrap();
///
/// let labels = [GroupLabel::from("north"), GroupLabel::from("south")];
/// let weights = RowWeights { weights: Some(&[1.5, 0.5, 2.0]), ..RowWeights::default() };
/// let whole = Tally::new(&[10u8, 3, 9], Some(Split::Coded(Codes::U32(&[0, 1, 0]), &labels)), weights);
/// assert_eq!(builder.finish(), whole.unwrap());
/// ```
#[derive(Debug, Clone)]
pub struct TallyBuilder {
    grouped: bool,
    labels: Vec<GroupLabel>,
    codes: HashMap<GroupLabel, u32>,
    /// `DENSE` slots per group code.
    dense: Vec<Slot>,
    /// The other answers, by group code and answer.
    sparse: HashMap<(u32, Answer), Row>,
    rows: u64,
    sums_at: SumsAt,
}

impl TallyBuilder {
    /// A builder whose every batch comes without groups.
    pub fn ungrouped() -> TallyBuilder {
        TallyBuilder { grouped: false, dense: vec![EMPTY; DENSE], ..TallyBuilder::grouped() }
    }

    /// A builder whose every batch comes with a group code per row.
    pub fn grouped() -> TallyBuilder {
        TallyBuilder {
            grouped: true,
            labels: Vec::new(),
            codes: HashMap::new(),
            dense: Vec::new(),
            sparse: HashMap::new(),
            rows: 0,
            sums_at: SumsAt::Counts,
        }
    }

    /// The code of `label`, a new one the first time it is seen. Groups are listed in
    /// order of their first row, whatever the order of their codes; a label that no
    /// row names is left out.
    ///
    /// # Errors
    /// `invalid_document` at `/groups` for an ungrouped builder; `limit_exceeded` at
    /// `/groups` past 2^32 - 1 labels.
    pub fn group(&mut self, label: GroupLabel) -> Result<u32, Error> {
        if !self.grouped {
            return Err(Error::new(ErrorKind::InvalidDocument, "/groups", "this tally has no groups"));
        }
        if let Some(&code) = self.codes.get(&label) {
            return Ok(code);
        }
        let code = u32::try_from(self.labels.len())
            .ok()
            .filter(|&c| c < u32::MAX)
            .ok_or_else(|| Error::new(ErrorKind::LimitExceeded, "/groups", "too many groups"))?;
        self.labels.push(label.clone());
        self.codes.insert(label, code);
        self.dense.resize(self.dense.len() + DENSE, EMPTY);
        Ok(code)
    }

    /// The labels registered so far, by code.
    pub fn labels(&self) -> &[GroupLabel] {
        &self.labels
    }

    /// The number of rows pushed so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Adds a batch: `responses`, the group code of each (from [`TallyBuilder::group`])
    /// when the builder is grouped, and the optional columns of SPEC 10. The batch is
    /// checked whole before anything is added, so a refused batch leaves the builder
    /// as it was. Error paths count rows from the first row of the first batch.
    ///
    /// # Errors
    /// `invalid_document` at `/groups` when codes are missing or given to an ungrouped
    /// builder, or their number differs from the responses'; every error of the
    /// columns ([`RowWeights`]); `invalid_value` at `/groups/ROW` for a code that names
    /// no registered label.
    pub fn push<T: Response>(
        &mut self,
        responses: &[T],
        codes: Option<Codes<'_>>,
        columns: RowWeights<'_>,
    ) -> Result<(), Error> {
        let form = self.check(responses.len(), codes, &columns).map_err(|e| past(e, self.rows))?;
        let mut indexes = vec![0usize; BLOCK.min(responses.len())];
        for (block, chunk) in responses.chunks(BLOCK).enumerate() {
            let start = block * BLOCK;
            let indexes = &mut indexes[..chunk.len()];
            if let Some(codes) = codes {
                // As many codes as responses: `check` saw to it.
                with_codes!(codes, |c| read_indexes(&c[start..], indexes));
            }
            let first = self.rows + start as u64;
            // Plain and weighted rows, the common cases, get loops without a branch on
            // the form.
            match form {
                Form::Unit => self.add(chunk, indexes, first, |_| Cell::unweighted(1)),
                Form::Weights(w) => self.add(chunk, indexes, first, |k| {
                    let w = w[start + k];
                    Cell { n: 1, w, q: w * w }
                }),
                _ => self.add(chunk, indexes, first, |k| form.cell(start + k)),
            }
        }
        self.rows += responses.len() as u64;
        self.sums_at = self.sums_at.and(form.sums_at());
        Ok(())
    }

    /// The checks of a batch, with paths counted from its first row.
    fn check<'c>(&self, rows: usize, codes: Option<Codes<'_>>, columns: &RowWeights<'c>) -> Result<Form<'c>, Error> {
        let no = |message: &str| Error::new(ErrorKind::InvalidDocument, "/groups", message.to_string());
        match (self.grouped, codes) {
            (true, None) => return Err(no("this tally is grouped: every batch needs its group codes")),
            (false, Some(_)) => return Err(no("this tally has no groups")),
            (true, Some(c)) if c.len() != rows => {
                return Err(no(&format!("{} group codes for {rows} responses", c.len())));
            }
            _ => {}
        }
        let form = columns.check(rows)?;
        if let Some(codes) = codes {
            if let Some(row) = with_codes!(codes, |c| first_bad_code(c, self.labels.len())) {
                return code_out_of_range(row, codes.signed_at(row).unwrap_or_default());
            }
        }
        Ok(form)
    }

    /// Adds rows (their responses and group indexes, checked) into the cells; `cell(k)`
    /// is the statistics of row `k`, `first` the input row of row 0.
    #[inline(always)]
    fn add<T: Response>(&mut self, values: &[T], groups: &[usize], first: u64, cell: impl Fn(usize) -> Cell) {
        for (k, (&v, &g)) in values.iter().zip(groups).enumerate() {
            let row = first + k as u64;
            // `g` is a checked code, with `DENSE` slots of its own.
            let bin = v.bin(0, DENSE as u64 - 1);
            if bin < DENSE {
                let slot = &mut self.dense[g * DENSE + bin];
                if slot.first == UNSEEN {
                    slot.first = row;
                }
                slot.cell.add(cell(k));
            } else {
                self.add_sparse(g, v, row, cell(k));
            }
        }
    }

    /// An answer outside the dense slots.
    #[cold]
    fn add_sparse<T: Response>(&mut self, group: usize, v: T, first: u64, cell: Cell) {
        let group = group as u32;
        let answer = Answer::of(v);
        let entry = self.sparse.entry((group, answer)).or_insert(Row { group, answer, cell: Cell::default(), first });
        entry.cell.add(cell);
    }

    /// The tally: groups that have rows, in order of their first row, and their cells.
    pub fn finish(self) -> Tally {
        let groups = if self.grouped { self.labels.len() } else { 1 };
        let dense = self.dense.iter().enumerate().filter(|(_, s)| s.first != UNSEEN).map(|(i, s)| {
            let answer = (i % DENSE) as i64;
            let group = (i / DENSE) as u32;
            Row { group, answer: Answer::Whole(answer), cell: s.cell, first: s.first }
        });
        let mut rows: Vec<Row> = dense.chain(self.sparse.into_values()).collect();
        // Every row's group is a registered code (0 when ungrouped).
        let mut first_row = vec![UNSEEN; groups];
        for r in &rows {
            let f = &mut first_row[r.group as usize];
            *f = (*f).min(r.first);
        }
        let mut order: Vec<usize> = (0..groups).filter(|&g| first_row[g] != UNSEEN).collect();
        order.sort_unstable_by_key(|&g| first_row[g]);
        let mut renumber = vec![u32::MAX; groups];
        for (new, &g) in order.iter().enumerate() {
            renumber[g] = new as u32;
        }
        for r in &mut rows {
            r.group = renumber[r.group as usize];
        }
        rows.sort_unstable_by_key(|r| (r.group, r.answer));
        let labels = self.grouped.then(|| order.iter().map(|&g| self.labels[g].clone()).collect());
        Tally { labels, rows, input_rows: self.rows, sums_at: self.sums_at, mixed: false }
    }
}

/// The error with the row of its path (`/NAME/ROW`) moved on by `offset`: a batch's
/// checks count its rows from 0.
fn past(error: Error, offset: u64) -> Error {
    let moved = error.path().rsplit_once('/').and_then(|(column, row)| {
        let digits = !column.is_empty() && !row.is_empty() && row.bytes().all(|b| b.is_ascii_digit());
        let row = row.parse::<u64>().ok().filter(|_| digits)?;
        Some(format!("{column}/{}", row.saturating_add(offset)))
    });
    match moved {
        Some(path) if offset > 0 => Error::new(error.kind(), path, error.message()),
        _ => error,
    }
}

#[cfg(test)]
mod tests;
