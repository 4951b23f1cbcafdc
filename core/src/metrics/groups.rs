//! Group labels for rows, factorised once into dense codes, and grouped results.

use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{err, pointer, Error, ErrorKind};

use super::codes::{first_bad_code, with_codes, Codes, GroupCode};

/// The label of a group: an integer or a string (`1` and `"1"` are different groups).
/// Serialised as a plain JSON integer or string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum GroupLabel {
    /// An integer label.
    Int(i64),
    /// A string label.
    Str(String),
}

/// The error for the group label at `row` when it is neither a string nor an integer.
pub fn not_a_label(row: usize) -> Error {
    Error::new(ErrorKind::InvalidValue, pointer("/groups", row), "a group label must be a string or an integer")
}

impl fmt::Display for GroupLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GroupLabel::Int(i) => write!(f, "{i}"),
            GroupLabel::Str(s) => write!(f, "{s:?}"),
        }
    }
}

impl From<i64> for GroupLabel {
    fn from(i: i64) -> Self {
        GroupLabel::Int(i)
    }
}

impl From<&str> for GroupLabel {
    fn from(s: &str) -> Self {
        GroupLabel::Str(s.to_string())
    }
}

impl From<String> for GroupLabel {
    fn from(s: String) -> Self {
        GroupLabel::Str(s)
    }
}

/// The codes of the rows: owned (factorised from labels) or borrowed.
#[derive(Debug, Clone, PartialEq)]
enum Store<'a> {
    Owned(Vec<u32>),
    Borrowed(Codes<'a>),
}

/// The group of every row, as dense codes `0..labels.len()` plus one label per code.
///
/// Build it from labels ([`Groups::from_labels`], which factorises them) or from codes
/// you already have ([`Groups::from_codes`], e.g. a pandas categorical, in any integer
/// width; the codes are borrowed, not copied or widened). Grouped results list groups
/// in order of first appearance in the rows, whatever the code order.
#[derive(Debug, Clone, PartialEq)]
pub struct Groups<'a> {
    codes: Store<'a>,
    labels: Vec<GroupLabel>,
    /// Whether code order is already the order of first appearance.
    in_appearance_order: bool,
}

impl Groups<'static> {
    /// Factorises one label per row into dense codes, numbered in order of first
    /// appearance.
    ///
    /// ```
    /// use servex::metrics::{Codes, GroupLabel, Groups};
    /// let g = Groups::from_labels(["b", "a", "b"]).unwrap();
    /// assert_eq!(g.codes(), Codes::U32(&[0, 1, 0]));
    /// assert_eq!(g.labels(), &[GroupLabel::from("b"), GroupLabel::from("a")]);
    /// ```
    ///
    /// # Errors
    /// `limit_exceeded` at `/groups` if there are more than `u32::MAX` distinct labels.
    pub fn from_labels<I>(labels: I) -> Result<Groups<'static>, Error>
    where
        I: IntoIterator,
        I::Item: Into<GroupLabel>,
    {
        let iter = labels.into_iter();
        let mut codes = Vec::with_capacity(iter.size_hint().0);
        let mut seen: HashMap<GroupLabel, u32> = HashMap::new();
        let mut order = Vec::new();
        for label in iter {
            let label = label.into();
            let code = match seen.get(&label) {
                Some(&c) => c,
                None => {
                    let Ok(c) = u32::try_from(order.len()) else {
                        return err(ErrorKind::LimitExceeded, "/groups", "too many groups");
                    };
                    order.push(label.clone());
                    seen.insert(label, c);
                    c
                }
            };
            codes.push(code);
        }
        Ok(Groups { codes: Store::Owned(codes), labels: order, in_appearance_order: true })
    }
}

impl<'a> Groups<'a> {
    /// Borrows dense codes (one per row, each an index into `labels`) of any integer
    /// width, without copying them.
    ///
    /// # Errors
    /// `invalid_value` at `/groups/INDEX` for the first code that has no label (a
    /// negative code, pandas' missing category, included), and `duplicate_id` at
    /// `/groups` when two codes share a label.
    pub fn from_codes<C: GroupCode>(codes: &'a [C], labels: Vec<GroupLabel>) -> Result<Groups<'a>, Error> {
        Groups::from_code_slice(C::wrap(codes), labels)
    }

    /// [`Groups::from_codes`] for codes already wrapped as [`Codes`].
    ///
    /// # Errors
    /// As [`Groups::from_codes`].
    pub fn from_code_slice(codes: Codes<'a>, labels: Vec<GroupLabel>) -> Result<Groups<'a>, Error> {
        let count = labels.len();
        if let Some(row) = with_codes!(codes, |s| first_bad_code(s, count)) {
            let code = codes.signed_at(row).unwrap_or_default();
            return code_out_of_range(row, code);
        }
        check_distinct(&labels)?;
        Ok(Groups { codes: Store::Borrowed(codes), labels, in_appearance_order: false })
    }

    /// Integer labels that are already small non-negative integers, used as their own
    /// codes (no hashing, no copy): the labels are `0..=max`. `None` when a label is
    /// negative or `max` is `limit` or more (then factorise them instead).
    pub fn from_dense<C: GroupCode>(codes: &'a [C], limit: usize) -> Option<Groups<'a>> {
        let max = C::max_index(codes);
        if max >= limit {
            return None;
        }
        let labels = (0..=max).map(|c| GroupLabel::Int(c as i64)).collect();
        Some(Groups { codes: Store::Borrowed(C::wrap(codes)), labels, in_appearance_order: false })
    }

    /// Integer labels, one per row, in any integer width: used as their own codes
    /// (borrowed, no hashing, [`Groups::from_dense`]) when they are small non-negative
    /// integers, factorised like any labels otherwise. The groups are those of the same
    /// labels written as JSON integers: a negative label is a label like any other.
    ///
    /// ```
    /// use servex::metrics::{Codes, GroupLabel, Groups};
    /// let dense = Groups::from_integers(&[3u32, 1, 3]).unwrap();
    /// assert_eq!(dense.codes(), Codes::U32(&[3, 1, 3]));
    /// let any = Groups::from_integers(&[-5i32, 1, -5]).unwrap();
    /// assert_eq!(any.labels(), &[GroupLabel::Int(-5), GroupLabel::Int(1)]);
    /// ```
    ///
    /// # Errors
    /// `invalid_value` at `/groups/INDEX` for a `u64` label past `i64::MAX`;
    /// `limit_exceeded` as [`Groups::from_labels`].
    pub fn from_integers<C: GroupCode>(labels: &'a [C]) -> Result<Groups<'a>, Error> {
        match Groups::from_dense(labels, dense_limit(labels.len())) {
            Some(g) => Ok(g),
            None => factorise_integers(C::wrap(labels)),
        }
    }

    /// [`Groups::from_integers`] for labels already wrapped as [`Codes`].
    ///
    /// # Errors
    /// As [`Groups::from_integers`].
    pub fn from_integer_slice(labels: Codes<'a>) -> Result<Groups<'a>, Error> {
        with_codes!(labels, |s| Groups::from_integers(s))
    }

    /// The code of every row.
    pub fn codes(&self) -> Codes<'_> {
        match &self.codes {
            Store::Owned(v) => Codes::U32(v),
            Store::Borrowed(c) => *c,
        }
    }

    /// The label of every code.
    pub fn labels(&self) -> &[GroupLabel] {
        &self.labels
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.codes().len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `present` codes that occur (those with rows), in order of their first row.
    pub(crate) fn appearance_order(&self, present: usize) -> Vec<u32> {
        if self.in_appearance_order {
            return (0..self.labels.len()).filter_map(|c| u32::try_from(c).ok()).collect();
        }
        self.codes().first_appearances(self.labels.len(), present)
    }
}

/// Integer labels past this (and past twice the rows, at least 1,024, so that a few
/// large labels do not make a large table) are factorised rather than used as their
/// own codes.
pub(crate) fn dense_limit(rows: usize) -> usize {
    const DENSE: usize = 1 << 16;
    DENSE.min(rows.saturating_mul(2).max(1024))
}

/// Integer labels factorised like any labels; a `u64` label past `i64::MAX` is refused
/// at its row.
pub(crate) fn factorise_integers(labels: Codes<'_>) -> Result<Groups<'static>, Error> {
    let mut wide = Vec::with_capacity(labels.len());
    let bad = with_codes!(labels, |s| s.iter().position(|&label| match label.label() {
        Some(label) => {
            wide.push(label);
            false
        }
        None => true,
    }));
    if let Some(row) = bad {
        return err(ErrorKind::InvalidValue, pointer("/groups", row), "a group label must fit a 64-bit integer");
    }
    Groups::from_labels(wide)
}

/// `duplicate_id` at `/groups` when two codes share a label.
pub(crate) fn check_distinct(labels: &[GroupLabel]) -> Result<(), Error> {
    // The map type of `from_labels`, so that the module holds one copy of its code.
    let mut seen: HashMap<GroupLabel, u32> = HashMap::with_capacity(labels.len());
    match labels.iter().find(|label| seen.insert((*label).clone(), 0).is_some()) {
        Some(label) => err(ErrorKind::DuplicateId, "/groups", format!("group label {label} is given for two codes")),
        None => Ok(()),
    }
}

/// How a grouped metric's rows are split into groups: by [`Groups`] built beforehand,
/// or, without a pass of their own over the rows (the tally checks each code as it
/// counts), by codes with their labels (a pandas categorical: the results and errors
/// of [`Groups::from_codes`], a code without a label reported when the tally reaches
/// it) or by integer labels (a numpy or typed integer array,
/// grouped exactly as [`Groups::from_integers`] groups them: the tally finds the
/// largest label as it counts).
///
/// ```
/// use servex::metrics::{nps_grouped, Codes, Groups, NpsOptions, Split};
/// let (scores, stores) = ([10u8, 3, 9, 10], [7u32, 2, 7, 2]);
/// let o = NpsOptions::default();
/// let built = nps_grouped(&scores, &Groups::from_integers(&stores).unwrap(), &o);
/// assert_eq!(nps_grouped(&scores, Split::Integers(Codes::U32(&stores)), &o), built);
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Split<'a> {
    /// Groups built beforehand.
    Groups(&'a Groups<'a>),
    /// Codes, one per row, in any integer width, each an index into the labels.
    Coded(Codes<'a>, &'a [GroupLabel]),
    /// Integer labels, one per row, in any integer width.
    Integers(Codes<'a>),
}

impl<'g, 'a: 'g> From<&'g Groups<'a>> for Split<'g> {
    fn from(groups: &'g Groups<'a>) -> Self {
        Split::Groups(groups)
    }
}

impl<'a> Split<'a> {
    /// The split as [`Groups`]: borrowed when built beforehand, else built here (codes
    /// checked, integer labels factorised when they cannot be their own codes).
    pub(crate) fn groups(self) -> Result<Cow<'a, Groups<'a>>, Error> {
        let groups = match self {
            Split::Groups(g) => Cow::Borrowed(g),
            Split::Coded(codes, labels) => Cow::Owned(Groups::from_code_slice(codes, labels.to_vec())?),
            Split::Integers(labels) => Cow::Owned(Groups::from_integer_slice(labels)?),
        };
        check_group_count(groups.codes(), groups.labels().len())?;
        Ok(groups)
    }

    /// `invalid_document` at `/groups` unless there is one label per response.
    pub(crate) fn check_rows(&self, responses: usize) -> Result<(), Error> {
        if self.len() == responses {
            return Ok(());
        }
        let message = format!("{} group labels for {} responses", self.len(), responses);
        Err(Error::new(ErrorKind::InvalidDocument, "/groups", message))
    }
}

/// At most this many groups in one grouped call, as many as SPEC 12.1's units: each is
/// a result row, so more would only exhaust memory (a WebAssembly module's 4 GB first)
/// after the work, rather than be refused before it.
pub const MAX_GROUPS: usize = 1_000_000;

/// `limit_exceeded` at `/groups` past [`MAX_GROUPS`] groups with rows, for `codes`
/// into `labels` labels (labels no row uses, such as a categorical's unused
/// categories, are not counted).
pub(crate) fn check_group_count(codes: Codes<'_>, labels: usize) -> Result<(), Error> {
    if labels <= MAX_GROUPS {
        return Ok(());
    }
    let mut used = vec![false; labels];
    with_codes!(codes, |codes| {
        for c in codes {
            // Codes given with their labels are not checked yet: one past the labels
            // names no group, and the tally refuses it at its row.
            if let Some(slot) = used.get_mut(c.index()) {
                *slot = true;
            }
        }
    });
    let present = used.iter().filter(|&&u| u).count();
    if present <= MAX_GROUPS {
        return Ok(());
    }
    Err(too_many_groups(present))
}

/// `limit_exceeded` at `/groups` for `groups` groups with rows, past [`MAX_GROUPS`].
pub(crate) fn too_many_groups(groups: usize) -> Error {
    let message = format!("a grouped call has at most {MAX_GROUPS} groups, not {groups}");
    Error::new(ErrorKind::LimitExceeded, "/groups", message)
}

impl Split<'_> {
    /// The number of rows.
    pub fn len(&self) -> usize {
        match self {
            Split::Groups(g) => g.len(),
            Split::Coded(codes, _) | Split::Integers(codes) => codes.len(),
        }
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

pub(crate) fn code_out_of_range<R>(row: usize, code: i64) -> Result<R, Error> {
    let message = if code < 0 {
        format!("the group is missing (code {code}, None or NaN)")
    } else {
        format!("group code {code} has no label")
    };
    err(ErrorKind::InvalidValue, pointer("/groups", row), message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_factorise_in_order_of_appearance() {
        let g = Groups::from_labels(vec![
            GroupLabel::Int(1),
            GroupLabel::from("1"),
            GroupLabel::Int(1),
            GroupLabel::from("x"),
        ]);
        let g = g.ok();
        assert_eq!(g.as_ref().map(|g| g.codes().to_vec()), Some(vec![0, 1, 0, 2]));
        assert_eq!(g.as_ref().map(|g| g.appearance_order(3)), Some(vec![0, 1, 2]));
        assert_eq!(g.map(|g| g.len()), Some(4));
    }

    #[test]
    fn borrowed_codes_are_not_copied_and_order_by_first_row() {
        let codes = [2u32, 0, 2, 1];
        let g = Groups::from_codes(&codes, vec!["a".into(), "b".into(), "c".into()]);
        let Ok(g) = g else { panic!("valid codes") };
        assert!(matches!(g.codes, Store::Borrowed(_)));
        assert_eq!(g.appearance_order(3), vec![2, 0, 1]);
        let unused = Groups::from_codes(&codes[..2], vec!["a".into(), "b".into(), "c".into()]);
        assert_eq!(unused.map(|g| g.appearance_order(2)).ok(), Some(vec![2, 0]));
    }

    #[test]
    fn bad_codes_are_errors() {
        let codes = [0u32, 3];
        let e = Groups::from_codes(&codes, vec!["a".into()]).err();
        assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::InvalidValue, "/groups/1".into())));
        let dup = Groups::from_codes(&codes[..1], vec!["a".into(), "a".into()]).err();
        assert_eq!(dup.map(|e| e.kind()), Some(ErrorKind::DuplicateId));
        let empty = Groups::from_codes::<u32>(&[], vec![]);
        assert!(empty.is_ok_and(|g| g.is_empty()));
    }

    #[test]
    fn integer_labels_group_as_their_json_form() {
        let json = |labels: &[i64]| Groups::from_labels(labels.iter().copied()).ok();
        let firsts = |g: &Groups<'_>| -> Vec<GroupLabel> {
            g.appearance_order(g.labels().len()).iter().map(|&c| g.labels()[c as usize].clone()).collect()
        };
        let dense = [4u16, 0, 4, 2];
        let g = Groups::from_integers(&dense).ok();
        assert!(matches!(g.as_ref().map(|g| &g.codes), Some(Store::Borrowed(_))));
        assert_eq!(g.as_ref().map(firsts), json(&[4, 0, 4, 2]).as_ref().map(firsts));
        let negative = [-1i8, 3, -1];
        let g = Groups::from_integers(&negative).ok();
        assert_eq!(g, json(&[-1, 3, -1]));
        let wide = [70_000u32, 1];
        assert_eq!(Groups::from_integers(&wide).ok(), json(&[70_000, 1]));
        let huge = [1u64, u64::MAX];
        let e = Groups::from_integers(&huge).err();
        assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::InvalidValue, "/groups/1".into())));
    }

    #[test]
    fn labels_serialise_plainly() {
        let v = serde_json::to_value([GroupLabel::Int(1), GroupLabel::from("1")]).ok();
        assert_eq!(v, Some(serde_json::json!([1, "1"])));
        assert_eq!(GroupLabel::from("a").to_string(), "\"a\"");
        assert_eq!(GroupLabel::Int(-2).to_string(), "-2");
    }
}
