//! Group labels for rows, factorised once into dense codes, and grouped results.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{err, pointer, Error, ErrorKind};

/// The label of a group: an integer or a string (`1` and `"1"` are different groups).
/// Serialised as a plain JSON integer or string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
pub enum GroupLabel {
    /// An integer label.
    Int(i64),
    /// A string label.
    Str(String),
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

/// The group of every row, as dense codes `0..labels.len()` plus one label per code.
///
/// Build it from labels ([`Groups::from_labels`], which factorises them) or from codes
/// you already have ([`Groups::from_codes`], e.g. a pandas categorical; the codes are
/// borrowed, not copied). Grouped results list groups in order of first appearance in
/// the rows, whatever the code order.
#[derive(Debug, Clone, PartialEq)]
pub struct Groups<'a> {
    codes: Cow<'a, [u32]>,
    labels: Vec<GroupLabel>,
    /// Whether code order is already the order of first appearance.
    in_appearance_order: bool,
}

impl Groups<'static> {
    /// Factorises one label per row into dense codes, numbered in order of first
    /// appearance.
    ///
    /// ```
    /// use servex::metrics::{GroupLabel, Groups};
    /// let g = Groups::from_labels(["b", "a", "b"]).unwrap();
    /// assert_eq!(g.codes(), &[0, 1, 0]);
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
        Ok(Groups { codes: Cow::Owned(codes), labels: order, in_appearance_order: true })
    }
}

impl<'a> Groups<'a> {
    /// Borrows dense codes (one per row, each an index into `labels`).
    ///
    /// # Errors
    /// `invalid_value` at `/groups/INDEX` for the first code that has no label, and
    /// `duplicate_id` at `/groups` when two codes share a label.
    pub fn from_codes(codes: &'a [u32], labels: Vec<GroupLabel>) -> Result<Groups<'a>, Error> {
        let count = labels.len();
        if let Some(row) = codes.iter().position(|&c| c as usize >= count) {
            let code = codes.get(row).copied().unwrap_or_default();
            return code_out_of_range(row, code);
        }
        let mut seen = std::collections::HashSet::with_capacity(count);
        for label in &labels {
            if !seen.insert(label) {
                return err(ErrorKind::DuplicateId, "/groups", format!("group label {label} is given for two codes"));
            }
        }
        Ok(Groups { codes: Cow::Borrowed(codes), labels, in_appearance_order: false })
    }

    /// The code of every row.
    pub fn codes(&self) -> &[u32] {
        &self.codes
    }

    /// The label of every code.
    pub fn labels(&self) -> &[GroupLabel] {
        &self.labels
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// The codes that occur, in order of their first row.
    pub(crate) fn appearance_order(&self) -> Vec<u32> {
        let count = self.labels.len();
        if self.in_appearance_order {
            return (0..count).filter_map(|c| u32::try_from(c).ok()).collect();
        }
        let mut seen = vec![false; count];
        let mut order = Vec::new();
        for &c in self.codes.iter() {
            if let Some(s) = seen.get_mut(c as usize) {
                if !*s {
                    *s = true;
                    order.push(c);
                    if order.len() == count {
                        break;
                    }
                }
            }
        }
        order
    }
}

pub(crate) fn code_out_of_range<R>(row: usize, code: u32) -> Result<R, Error> {
    err(ErrorKind::InvalidValue, pointer("/groups", row), format!("group code {code} has no label"))
}

/// One result per group, in order of first appearance; groups without a valid
/// response are omitted and there is no overall row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grouped<T> {
    /// The per-group results.
    pub groups: Vec<GroupResult<T>>,
}

/// The result of one group, serialised as the result's fields plus `group`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupResult<T> {
    /// The group's label, as given.
    pub group: GroupLabel,
    /// The metric over the group's rows.
    #[serde(flatten)]
    pub result: T,
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
        assert_eq!(g.as_ref().map(|g| g.appearance_order()), Some(vec![0, 1, 2]));
        assert_eq!(g.map(|g| g.len()), Some(4));
    }

    #[test]
    fn borrowed_codes_are_not_copied_and_order_by_first_row() {
        let codes = [2u32, 0, 2, 1];
        let g = Groups::from_codes(&codes, vec!["a".into(), "b".into(), "c".into()]);
        let Ok(g) = g else { panic!("valid codes") };
        assert!(matches!(g.codes, Cow::Borrowed(_)));
        assert_eq!(g.appearance_order(), vec![2, 0, 1]);
        let unused = Groups::from_codes(&codes[..2], vec!["a".into(), "b".into(), "c".into()]);
        assert_eq!(unused.map(|g| g.appearance_order()).ok(), Some(vec![2, 0]));
    }

    #[test]
    fn bad_codes_are_errors() {
        let codes = [0u32, 3];
        let e = Groups::from_codes(&codes, vec!["a".into()]).err();
        assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::InvalidValue, "/groups/1".into())));
        let dup = Groups::from_codes(&codes[..1], vec!["a".into(), "a".into()]).err();
        assert_eq!(dup.map(|e| e.kind()), Some(ErrorKind::DuplicateId));
        let empty = Groups::from_codes(&[], vec![]);
        assert!(empty.is_ok_and(|g| g.is_empty()));
    }

    #[test]
    fn labels_serialise_plainly() {
        let v = serde_json::to_value([GroupLabel::Int(1), GroupLabel::from("1")]).ok();
        assert_eq!(v, Some(serde_json::json!([1, "1"])));
        assert_eq!(GroupLabel::from("a").to_string(), "\"a\"");
        assert_eq!(GroupLabel::Int(-2).to_string(), "-2");
    }
}
