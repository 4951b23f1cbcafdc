//! Kano classification of attributes from functional / dysfunctional answer pairs
//! (SPEC 7).

use serde::Serialize;

use crate::error::{err, pointer, Error, ErrorKind};

use super::matrix::{same_shape, widths, Matrix};
use super::response::Response;

/// A Kano category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum KanoCategory {
    /// Attractive.
    A,
    /// One-dimensional (performance).
    O,
    /// Must-be.
    M,
    /// Indifferent.
    I,
    /// Reverse.
    R,
    /// Questionable.
    Q,
}

use KanoCategory::{A, I, M, O, Q, R};

/// Evaluation table: functional answer (row) by dysfunctional answer (column), both
/// 1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike.
const TABLE: [[KanoCategory; 5]; 5] =
    [[Q, A, A, A, O], [R, I, I, I, M], [R, I, I, I, M], [R, I, I, I, M], [R, R, R, R, Q]];

/// Ties between largest counts go to the earlier category here.
const PRIORITY: [KanoCategory; 6] = [M, O, A, I, R, Q];

/// How many respondents fall in each category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KanoCounts {
    /// Attractive.
    #[serde(rename = "A")]
    pub a: u64,
    /// One-dimensional.
    #[serde(rename = "O")]
    pub o: u64,
    /// Must-be.
    #[serde(rename = "M")]
    pub m: u64,
    /// Indifferent.
    #[serde(rename = "I")]
    pub i: u64,
    /// Reverse.
    #[serde(rename = "R")]
    pub r: u64,
    /// Questionable.
    #[serde(rename = "Q")]
    pub q: u64,
}

impl KanoCounts {
    /// The count of `category`.
    pub fn get(&self, category: KanoCategory) -> u64 {
        match category {
            A => self.a,
            O => self.o,
            M => self.m,
            I => self.i,
            R => self.r,
            Q => self.q,
        }
    }

    fn add(&mut self, category: KanoCategory) {
        let slot = match category {
            A => &mut self.a,
            O => &mut self.o,
            M => &mut self.m,
            I => &mut self.i,
            R => &mut self.r,
            Q => &mut self.q,
        };
        *slot += 1;
    }
}

/// An attribute's label: the given name, or its 0-based index (serialised untagged).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum AttributeLabel {
    /// The name given in `attributes`.
    Name(String),
    /// The column index, when no names are given.
    Index(usize),
}

/// The classification of one attribute.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KanoAttribute {
    /// The attribute's name or index.
    pub attribute: AttributeLabel,
    /// Respondents who answered both questions.
    pub n: u64,
    /// Respondents per category.
    pub counts: KanoCounts,
    /// The largest count's category, ties broken M > O > A > I > R > Q.
    pub category: KanoCategory,
    /// (A + O) / (A + O + M + I); `None` when that sum is 0.
    pub better: Option<f64>,
    /// -(O + M) / (A + O + M + I); `None` when that sum is 0.
    pub worse: Option<f64>,
    /// (A + O + M) / n.
    pub total_strength: f64,
    /// (largest - second largest count) / n.
    pub category_strength: f64,
    /// Whether the two largest counts differ significantly (at the 1.65 level).
    pub significant: bool,
}

/// The result of [`kano`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "KanoResult"))]
pub struct Kano {
    /// One classification per attribute, in column order.
    pub attributes: Vec<KanoAttribute>,
}

/// Kano classification of respondents x attributes answer matrices; `None` is a
/// skipped answer (that respondent is left out of that attribute); `attributes`
/// optionally names the columns.
///
/// # Errors
/// `invalid_document` at the first row where the shapes differ or at `/attributes`
/// when it has another length; `invalid_value` at `/functional/R/A` or
/// `/dysfunctional/R/A` for the first answer that is not an integer 1..5 (respondent
/// by respondent, attribute by attribute, functional first); `empty_input` at
/// `/functional` when there is no attribute or an attribute nobody answered.
pub fn kano<T: Response>(
    functional: &Matrix<'_, Option<T>>,
    dysfunctional: &Matrix<'_, Option<T>>,
    attributes: Option<&[String]>,
) -> Result<Kano, Error> {
    classify(functional, dysfunctional, attributes, false)
}

/// [`kano`], with paths `/functional/R` when the answers came as one flat list.
pub(crate) fn classify<T: Response>(
    functional: &Matrix<'_, Option<T>>,
    dysfunctional: &Matrix<'_, Option<T>>,
    attributes: Option<&[String]>,
    flat: bool,
) -> Result<Kano, Error> {
    let (_, columns) = same_shape(("/functional", &widths(functional)), ("/dysfunctional", &widths(dysfunctional)))?;
    if let Some(names) = attributes {
        if names.len() != columns {
            return err(
                ErrorKind::InvalidDocument,
                "/attributes",
                format!("{} names for {columns} attributes", names.len()),
            );
        }
    }
    if columns == 0 {
        return err(ErrorKind::EmptyInput, "/functional", "no attribute");
    }
    let mut counts = vec![KanoCounts::default(); columns];
    // Both matrices are `rows` x `columns` (`same_shape`).
    for (r, (f_row, d_row)) in functional.iter_rows().zip(dysfunctional.iter_rows()).enumerate() {
        for (a, ((f, d), c)) in f_row.iter().zip(d_row).zip(counts.iter_mut()).enumerate() {
            let at = |name: &str| {
                let row = pointer(name, r);
                if flat {
                    row
                } else {
                    pointer(&row, a)
                }
            };
            let f = answer(*f, || at("/functional"))?;
            let d = answer(*d, || at("/dysfunctional"))?;
            if let (Some(f), Some(d)) = (f, d) {
                c.add(TABLE[f][d]);
            }
        }
    }
    let mut out = Vec::with_capacity(columns);
    for (k, c) in counts.iter().enumerate() {
        // As many names as attributes, checked above.
        let attribute = match attributes {
            Some(names) => AttributeLabel::Name(names[k].clone()),
            None => AttributeLabel::Index(k),
        };
        let Some(result) = evaluate(attribute, c) else {
            return err(
                ErrorKind::EmptyInput,
                "/functional",
                format!("attribute {k} has no respondent who answered both questions"),
            );
        };
        out.push(result);
    }
    Ok(Kano { attributes: out })
}

/// A valid answer as a table index 0..4, `None` when skipped.
fn answer<T: Response>(v: Option<T>, at: impl Fn() -> String) -> Result<Option<usize>, Error> {
    let Some(v) = v else { return Ok(None) };
    match v.to_integer() {
        Some(i @ 1..=5) => Ok(Some(i as usize - 1)),
        _ => err(
            ErrorKind::InvalidValue,
            at(),
            format!("a Kano answer is an integer 1..5 (or null), not {}", crate::magnitude::shown(v.as_f64())),
        ),
    }
}

/// The classification of one attribute's counts; `None` when nobody answered.
fn evaluate(attribute: AttributeLabel, c: &KanoCounts) -> Option<KanoAttribute> {
    let n: u64 = PRIORITY.iter().map(|&k| c.get(k)).sum();
    if n == 0 {
        return None;
    }
    let mut category = M;
    for &k in &PRIORITY {
        if c.get(k) > c.get(category) {
            category = k;
        }
    }
    let m1 = c.get(category);
    let m2 = PRIORITY.iter().filter(|&&k| k != category).map(|&k| c.get(k)).max().unwrap_or(0);
    let total = n as f64;
    let core = c.a + c.o + c.m + c.i;
    let (better, worse) = if core == 0 {
        (None, None)
    } else {
        let core = core as f64;
        let better = (c.a + c.o) as f64 / core;
        let worse = super::no_negative_zero(-((c.o + c.m) as f64) / core);
        (Some(better), Some(worse))
    };
    let (f1, f2) = (m1 as f64, m2 as f64);
    let threshold = 1.65 * ((f1 + f2) * (2.0 * total - f1 - f2) / (2.0 * total)).sqrt();
    Some(KanoAttribute {
        attribute,
        n,
        counts: *c,
        category,
        better,
        worse,
        total_strength: (c.a + c.o + c.m) as f64 / total,
        category_strength: (m1 - m2) as f64 / total,
        significant: (f1 - f2).abs() >= threshold,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(v: &[u8]) -> Vec<Option<u8>> {
        v.iter().map(|&x| (x != 0).then_some(x)).collect()
    }

    fn one(f: &[u8], d: &[u8]) -> Result<Kano, Error> {
        let (f, d) = (col(f), col(d));
        kano(&Matrix::column(&f), &Matrix::column(&d), None)
    }

    #[test]
    fn evaluation_table() {
        // Every cell of the table, one respondent each.
        let expected = ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"];
        for (fi, row) in expected.iter().enumerate() {
            for (di, want) in row.chars().enumerate() {
                let r = one(&[fi as u8 + 1], &[di as u8 + 1]).ok();
                let got = r.and_then(|k| k.attributes.first().map(|a| a.category));
                assert_eq!(got.map(|c| format!("{c:?}")), Some(want.to_string()), "f{fi} d{di}");
            }
        }
    }

    #[test]
    fn one_attribute_by_hand() {
        let r = one(&[1, 1, 2, 3, 1, 5, 1, 2, 4, 3], &[2, 5, 5, 3, 1, 1, 5, 5, 5, 2]).ok();
        let Some(a) = r.and_then(|k| k.attributes.into_iter().next()) else { panic!("valid") };
        assert_eq!((a.counts.a, a.counts.o, a.counts.m, a.counts.i, a.counts.r, a.counts.q), (1, 2, 3, 2, 1, 1));
        assert_eq!(a.category, M);
        assert_eq!((a.better, a.worse), (Some(0.375), Some(-0.625)));
        assert!((a.total_strength - 0.6).abs() < 1e-12 && (a.category_strength - 0.1).abs() < 1e-12);
        assert!(!a.significant);
        assert_eq!(a.attribute, AttributeLabel::Index(0));
    }

    #[test]
    fn ties_follow_the_priority() {
        // A = 2, O = 2: O wins; strength 0.
        let r = one(&[1, 1, 1, 1], &[2, 3, 5, 5]).ok();
        let a = r.and_then(|k| k.attributes.into_iter().next());
        assert_eq!(a.as_ref().map(|a| (a.category, a.category_strength)), Some((O, 0.0)));
        // I = 1, R = 1, Q = 1: I wins.
        let r = one(&[2, 5, 1], &[2, 1, 1]).ok();
        let a = r.and_then(|k| k.attributes.into_iter().next());
        assert_eq!(a.map(|a| a.category), Some(I));
    }

    #[test]
    fn significance_and_null_ratios() {
        // 10 A, 0 others: |10 - 0| >= 1.65 sqrt(10 * 10 / 20) = 3.69.
        let r = one(&[1; 10], &[2; 10]).ok();
        let a = r.and_then(|k| k.attributes.into_iter().next());
        assert_eq!(a.map(|a| (a.significant, a.worse)), Some((true, Some(0.0))));
        // Only R and Q: better and worse are null.
        let r = one(&[5, 1], &[1, 1]).ok();
        let a = r.and_then(|k| k.attributes.into_iter().next());
        assert_eq!(a.map(|a| (a.better, a.worse, a.total_strength)), Some((None, None, 0.0)));
    }

    #[test]
    fn errors_in_scan_order() {
        let f = [Some(1.0), Some(1.0), Some(1.0), Some(9.0)];
        let d = [Some(2.0), Some(0.0), Some(2.0), Some(2.0)];
        let (mf, md) = (Matrix::new(&f, 2, 2), Matrix::new(&d, 2, 2));
        let (Ok(mf), Ok(md)) = (mf, md) else { panic!("matrices") };
        let e = kano(&mf, &md, None).err();
        assert_eq!(
            e.map(|e| (e.kind(), e.path().to_string())),
            Some((ErrorKind::InvalidValue, "/dysfunctional/0/1".into()))
        );
        let flat = classify(&Matrix::column(&f), &Matrix::column(&d), None, true).err();
        assert_eq!(flat.map(|e| e.path().to_string()), Some("/dysfunctional/1".into()));
        let odd = [Some(2.5), None, Some(f64::NAN), Some(f64::INFINITY)];
        for (k, _) in odd.iter().enumerate().filter(|(k, _)| *k != 1) {
            let f = [odd[k]];
            let e = kano(&Matrix::column(&f), &Matrix::column(&[Some(1.0)]), None).err();
            assert_eq!(e.map(|e| e.path().to_string()), Some("/functional/0/0".into()));
        }
        let names = vec!["only".to_string()];
        let e = kano(&mf, &md, Some(&names)).err();
        assert_eq!(e.map(|e| e.path().to_string()), Some("/attributes".into()));
        let short = Matrix::new(&d[..2], 1, 2);
        let Ok(short) = short else { panic!("matrix") };
        let e = kano(&mf, &short, None).err();
        assert_eq!(
            e.map(|e| (e.kind(), e.path().to_string())),
            Some((ErrorKind::InvalidDocument, "/functional/1".into()))
        );
    }

    #[test]
    fn unanswered_attribute_is_empty_input() {
        let f = [Some(1u8), None, Some(2), Some(3)];
        let d = [Some(2u8), Some(3), None, Some(3)];
        let (mf, md) = (Matrix::new(&f, 2, 2), Matrix::new(&d, 2, 2));
        let (Ok(mf), Ok(md)) = (mf, md) else { panic!("matrices") };
        let r = kano(&mf, &md, None).ok();
        assert_eq!(r.map(|k| k.attributes.iter().map(|a| a.n).collect::<Vec<_>>()), Some(vec![1, 1]));
        let f2 = [Some(1u8), None];
        let (mf, md) = (Matrix::new(&f2, 1, 2), Matrix::new(&d[..2], 1, 2));
        let (Ok(mf), Ok(md)) = (mf, md) else { panic!("matrices") };
        let e = kano(&mf, &md, None).err();
        assert_eq!(e.map(|e| (e.kind(), e.path().to_string())), Some((ErrorKind::EmptyInput, "/functional".into())));
        let none: [Option<u8>; 0] = [];
        let e = kano(&Matrix::column(&none), &Matrix::column(&none), None).err();
        assert_eq!(e.map(|e| e.kind()), Some(ErrorKind::EmptyInput));
    }

    #[test]
    fn serialises_with_spec_names() {
        let names = vec!["app".to_string()];
        let f = [Some(1u8)];
        let d = [Some(2u8)];
        let r = kano(&Matrix::column(&f), &Matrix::column(&d), Some(&names)).ok();
        let v = r.and_then(|r| serde_json::to_value(r).ok());
        let Some(v) = v else { panic!("serialises") };
        assert_eq!(v["attributes"][0]["attribute"], "app");
        assert_eq!(v["attributes"][0]["category"], "A");
        assert_eq!(v["attributes"][0]["counts"]["A"], 1);
    }
}
