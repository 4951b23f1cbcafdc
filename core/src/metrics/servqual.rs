//! SERVQUAL gaps: perception minus expectation per item, dimension and respondent
//! (SPEC 7).

use std::collections::HashSet;

use serde::Serialize;

use crate::error::{err, pointer, Error, ErrorKind};

use super::matrix::{same_shape, widths, Matrix};

/// The classic 22-item SERVQUAL dimensions: name and item indices (0-based).
pub const SERVQUAL_22: [(&str, std::ops::Range<usize>); 5] = [
    ("tangibles", 0..4),
    ("reliability", 4..9),
    ("responsiveness", 9..13),
    ("assurance", 13..17),
    ("empathy", 17..22),
];

/// The number of items the default map [`SERVQUAL_22`] covers.
const SERVQUAL_ITEMS: usize = 22;

/// A named group of items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dimension {
    /// The dimension's name.
    pub name: String,
    /// Its items, as 0-based column indices.
    pub items: Vec<usize>,
}

impl Dimension {
    /// A dimension named `name` over `items`.
    pub fn new(name: impl Into<String>, items: impl IntoIterator<Item = usize>) -> Self {
        Dimension {
            name: name.into(),
            items: items.into_iter().collect(),
        }
    }

    /// The classic 22-item map ([`SERVQUAL_22`]).
    pub fn servqual_22() -> Vec<Dimension> {
        SERVQUAL_22
            .iter()
            .map(|(name, items)| Dimension::new(*name, items.clone()))
            .collect()
    }
}

/// Options of [`servqual`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServqualOptions {
    /// The dimensions, in output order; `None` is [`SERVQUAL_22`], which needs 22 items.
    pub dimensions: Option<Vec<Dimension>>,
    /// A weight per dimension name (every dimension needs one) for `weighted_gap`.
    pub weights: Option<Vec<(String, f64)>>,
    /// The half-width of the band of respondent gaps counted as satisfied (>= 0).
    pub tolerance: f64,
}

/// The gap of one item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemGap {
    /// The item's 0-based index.
    pub item: usize,
    /// Mean perception minus mean expectation over the respondents who answered both;
    /// `None` when nobody did.
    pub gap: Option<f64>,
}

/// The gap of one dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionGap {
    /// The dimension's name.
    pub dimension: String,
    /// The mean of its items' gaps; `None` when none has one.
    pub gap: Option<f64>,
}

/// The result of [`servqual`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Servqual {
    /// Respondents with at least one answered pair.
    pub respondents: u64,
    /// Every item's gap, in column order.
    pub items: Vec<ItemGap>,
    /// Every dimension's gap, in the given order.
    pub dimensions: Vec<DimensionGap>,
    /// The mean of the dimension gaps that exist.
    pub gap: f64,
    /// The weighted mean of the dimension gaps that exist, when weights are given.
    pub weighted_gap: Option<f64>,
    /// The share of respondents whose gap is below -tolerance.
    pub dissatisfied: f64,
    /// The share of respondents whose gap is within +-tolerance.
    pub satisfied: f64,
    /// The share of respondents whose gap is above tolerance.
    pub delighted: f64,
    /// The same as `delighted`.
    pub delight_rate: f64,
}

/// SERVQUAL gaps of `perceptions` over `expectations`, two respondents x items
/// matrices of the same shape; NaN is "not answered".
///
/// # Errors
/// `invalid_document` at the first row where the shapes differ, at `/dimensions`
/// when the default map does not fit, at `/weights` when a dimension lacks a weight;
/// `empty_input` at `/expectations` (no respondent) or `/perceptions` (no gap at
/// all); `invalid_value` at `/expectations/R/I` or `/perceptions/R/I` for an
/// infinity, at `/dimensions/NAME/J` for an index out of range, at `/weights/NAME`
/// for a negative or non-finite weight, at `/tolerance`; `unknown_reference` at
/// `/weights/NAME`; `duplicate_id` for a name given twice.
pub fn servqual(
    expectations: &Matrix<'_, f64>,
    perceptions: &Matrix<'_, f64>,
    options: &ServqualOptions,
) -> Result<Servqual, Error> {
    let (rows, items) = same_shape(
        ("/expectations", &widths(expectations)),
        ("/perceptions", &widths(perceptions)),
    )?;
    if rows == 0 {
        return err(ErrorKind::EmptyInput, "/expectations", "no respondent");
    }
    let default_dimensions;
    let dimensions = match &options.dimensions {
        Some(d) => d.as_slice(),
        None if items == SERVQUAL_ITEMS => {
            default_dimensions = Dimension::servqual_22();
            default_dimensions.as_slice()
        }
        None => {
            return err(
                ErrorKind::InvalidDocument,
                "/dimensions",
                format!("{items} items: dimensions are required (the default map has 22)"),
            )
        }
    };
    check_dimensions(dimensions, items)?;
    let weights = match &options.weights {
        Some(w) => Some(dimension_weights(dimensions, w)?),
        None => None,
    };
    let tolerance = options.tolerance;
    if !(tolerance.is_finite() && tolerance >= 0.0) {
        return err(
            ErrorKind::InvalidValue,
            "/tolerance",
            format!("tolerance must be a finite number >= 0, got {tolerance}"),
        );
    }
    check_values(expectations, perceptions)?;

    // One pass: per item sums over answered pairs, per respondent gap classes.
    let mut sum_e = vec![0.0f64; items];
    let mut sum_p = vec![0.0f64; items];
    let mut answered = vec![0u64; items];
    let (mut respondents, mut bands) = (0u64, [0u64; 3]);
    for r in 0..rows {
        let (Some(e_row), Some(p_row)) = (expectations.row(r), perceptions.row(r)) else {
            continue;
        };
        let (mut diff, mut pairs) = (0.0f64, 0u64);
        let slots = sum_e
            .iter_mut()
            .zip(sum_p.iter_mut())
            .zip(answered.iter_mut());
        for ((&e, &p), ((se, sp), k)) in e_row.iter().zip(p_row).zip(slots) {
            if e.is_nan() || p.is_nan() {
                continue;
            }
            *se += e;
            *sp += p;
            *k += 1;
            diff += p - e;
            pairs += 1;
        }
        if pairs > 0 {
            respondents += 1;
            let gap = diff / pairs as f64;
            let band = if gap < -tolerance {
                0
            } else if gap > tolerance {
                2
            } else {
                1
            };
            if let Some(b) = bands.get_mut(band) {
                *b += 1;
            }
        }
    }
    let item_gaps: Vec<Option<f64>> = (0..items)
        .map(|i| {
            let k = answered.get(i).copied().unwrap_or(0);
            let (e, p) = (sum_e.get(i)?, sum_p.get(i)?);
            (k > 0).then(|| p / k as f64 - e / k as f64)
        })
        .collect();
    let dimension_gaps: Vec<Option<f64>> = dimensions
        .iter()
        .map(|d| {
            mean(
                d.items
                    .iter()
                    .filter_map(|&i| item_gaps.get(i).copied().flatten()),
            )
        })
        .collect();
    let Some(gap) = mean(dimension_gaps.iter().copied().flatten()) else {
        return err(
            ErrorKind::EmptyInput,
            "/perceptions",
            "no item was answered in both matrices",
        );
    };
    let weighted_gap = weights.and_then(|w| {
        let (mut num, mut den) = (0.0, 0.0);
        for (g, w) in dimension_gaps.iter().zip(w) {
            if let Some(g) = g {
                num += w * g;
                den += w;
            }
        }
        (den > 0.0).then(|| num / den)
    });
    let share = |c: u64| c as f64 / respondents as f64;
    Ok(Servqual {
        respondents,
        items: item_gaps
            .into_iter()
            .enumerate()
            .map(|(item, gap)| ItemGap { item, gap })
            .collect(),
        dimensions: dimensions
            .iter()
            .zip(dimension_gaps)
            .map(|(d, gap)| DimensionGap {
                dimension: d.name.clone(),
                gap,
            })
            .collect(),
        gap,
        weighted_gap,
        dissatisfied: share(bands[0]),
        satisfied: share(bands[1]),
        delighted: share(bands[2]),
        delight_rate: share(bands[2]),
    })
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u64), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

fn check_dimensions(dimensions: &[Dimension], items: usize) -> Result<(), Error> {
    if dimensions.is_empty() {
        return err(
            ErrorKind::InvalidDocument,
            "/dimensions",
            "no dimension is given",
        );
    }
    let mut names = HashSet::new();
    for d in dimensions {
        let at = pointer("/dimensions", &d.name);
        if !names.insert(d.name.as_str()) {
            return err(
                ErrorKind::DuplicateId,
                at,
                format!("dimension {:?} is given twice", d.name),
            );
        }
        if let Some((j, &i)) = d.items.iter().enumerate().find(|(_, &i)| i >= items) {
            return err(
                ErrorKind::InvalidValue,
                pointer(&at, j),
                format!("item {i} is out of range: there are {items} items"),
            );
        }
    }
    Ok(())
}

/// The weight of every dimension, in dimension order.
fn dimension_weights(dimensions: &[Dimension], given: &[(String, f64)]) -> Result<Vec<f64>, Error> {
    let mut weights: Vec<Option<f64>> = vec![None; dimensions.len()];
    for (name, w) in given {
        let at = pointer("/weights", name);
        let Some(slot) = dimensions
            .iter()
            .position(|d| &d.name == name)
            .and_then(|k| weights.get_mut(k))
        else {
            return err(
                ErrorKind::UnknownReference,
                at,
                format!("no dimension is named {name:?}"),
            );
        };
        if slot.is_some() {
            return err(
                ErrorKind::DuplicateId,
                at,
                format!("dimension {name:?} is weighted twice"),
            );
        }
        if !(w.is_finite() && *w >= 0.0) {
            return err(
                ErrorKind::InvalidValue,
                at,
                format!("a weight must be a finite number >= 0, got {w}"),
            );
        }
        *slot = Some(*w);
    }
    let mut out = Vec::with_capacity(weights.len());
    for (d, w) in dimensions.iter().zip(weights) {
        let Some(w) = w else {
            return err(
                ErrorKind::InvalidDocument,
                "/weights",
                format!("dimension {:?} has no weight", d.name),
            );
        };
        out.push(w);
    }
    if out.iter().sum::<f64>() <= 0.0 {
        return err(ErrorKind::InvalidValue, "/weights", "the weights sum to 0");
    }
    Ok(out)
}

/// Infinities are errors (NaN is "not answered"); respondent by respondent, item by
/// item, expectation first.
fn check_values(e: &Matrix<'_, f64>, p: &Matrix<'_, f64>) -> Result<(), Error> {
    if e.values()
        .iter()
        .chain(p.values())
        .all(|v| !v.is_infinite())
    {
        return Ok(());
    }
    for r in 0..e.rows() {
        let (Some(er), Some(pr)) = (e.row(r), p.row(r)) else {
            continue;
        };
        for (i, (a, b)) in er.iter().zip(pr).enumerate() {
            for (name, v) in [("/expectations", a), ("/perceptions", b)] {
                if v.is_infinite() {
                    return err(
                        ErrorKind::InvalidValue,
                        pointer(&pointer(name, r), i),
                        "an answer must be a finite number (or null / NaN)",
                    );
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const E: [f64; 12] = [5., 6., 7., 6., 6., 6., 6., f64::NAN, 7., 7., 5., 6.];
    const P: [f64; 12] = [6., 6., 5., 7., 5., 7., 6., 6., 7., 7., 7., 7.];

    fn two_dims() -> ServqualOptions {
        ServqualOptions {
            dimensions: Some(vec![
                Dimension::new("reliability", [0, 1]),
                Dimension::new("empathy", [2, 3]),
            ]),
            ..ServqualOptions::default()
        }
    }

    fn run(e: &[f64], p: &[f64], rows: usize, o: &ServqualOptions) -> Result<Servqual, Error> {
        let cols = e.len().checked_div(rows).unwrap_or(0);
        let e = Matrix::new(e, rows, cols)?;
        let p = Matrix::new(p, rows, cols)?;
        servqual(&e, &p, o)
    }

    fn failure(r: Result<Servqual, Error>) -> Option<(ErrorKind, String)> {
        r.err().map(|e| (e.kind(), e.path().to_string()))
    }

    #[test]
    fn gaps_by_hand() {
        let Ok(r) = run(&E, &P, 3, &two_dims()) else {
            panic!("valid")
        };
        let gaps: Vec<Option<f64>> = r.items.iter().map(|i| i.gap).collect();
        assert_eq!(gaps.len(), 4);
        assert!((gaps[1].unwrap_or(9.0) - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(gaps[3], Some(1.0));
        assert_eq!(r.dimensions[0].dimension, "reliability");
        assert!((r.gap - (1.0 / 6.0 + 0.5) / 2.0).abs() < 1e-12);
        assert_eq!(r.weighted_gap, None);
        assert_eq!(r.respondents, 3);
        assert!((r.satisfied - 2.0 / 3.0).abs() < 1e-12 && r.delighted == r.delight_rate);
    }

    #[test]
    fn tolerance_bands() {
        // Respondent gaps: -0.5, 0.25, 1.0.
        let e = [3.0, 3.0, 3.0];
        let p = [2.5, 3.25, 4.0];
        let o = ServqualOptions {
            dimensions: Some(vec![Dimension::new("a", [0])]),
            ..ServqualOptions::default()
        };
        let shares = |tol: f64| {
            let o = ServqualOptions {
                tolerance: tol,
                ..o.clone()
            };
            run(&e, &p, 3, &o)
                .map(|r| (r.dissatisfied, r.satisfied, r.delighted))
                .ok()
        };
        let third = 1.0 / 3.0;
        assert_eq!(shares(0.0), Some((third, 0.0, 2.0 * third)));
        assert_eq!(shares(0.25), Some((third, third, third)));
        assert_eq!(shares(0.5), Some((0.0, 2.0 * third, third)));
        assert_eq!(shares(1.0), Some((0.0, 1.0, 0.0)));
        let e = failure(shares_err(-1.0));
        assert_eq!(e, Some((ErrorKind::InvalidValue, "/tolerance".into())));
    }

    fn shares_err(tol: f64) -> Result<Servqual, Error> {
        let o = ServqualOptions {
            dimensions: Some(vec![Dimension::new("a", [0])]),
            tolerance: tol,
            ..ServqualOptions::default()
        };
        run(&[1.0], &[1.0], 1, &o)
    }

    #[test]
    fn weights() {
        let mut o = two_dims();
        o.weights = Some(vec![("reliability".into(), 70.0), ("empathy".into(), 30.0)]);
        let r = run(&E, &P, 3, &o).ok().and_then(|r| r.weighted_gap);
        assert!(r.is_some_and(|w| (w - (0.7 / 6.0 + 0.15)).abs() < 1e-12));
        let cases = [
            (
                vec![("reliability", 1.0)],
                ErrorKind::InvalidDocument,
                "/weights",
            ),
            (
                vec![("reliability", 1.0), ("empathy", 1.0), ("x", 1.0)],
                ErrorKind::UnknownReference,
                "/weights/x",
            ),
            (
                vec![("reliability", -1.0), ("empathy", 1.0)],
                ErrorKind::InvalidValue,
                "/weights/reliability",
            ),
            (
                vec![("reliability", f64::NAN), ("empathy", 1.0)],
                ErrorKind::InvalidValue,
                "/weights/reliability",
            ),
            (
                vec![("reliability", 0.0), ("empathy", 0.0)],
                ErrorKind::InvalidValue,
                "/weights",
            ),
            (
                vec![("empathy", 1.0), ("empathy", 1.0)],
                ErrorKind::DuplicateId,
                "/weights/empathy",
            ),
        ];
        for (w, kind, path) in cases {
            o.weights = Some(w.into_iter().map(|(n, w)| (n.to_string(), w)).collect());
            assert_eq!(failure(run(&E, &P, 3, &o)), Some((kind, path.to_string())));
        }
    }

    #[test]
    fn dimension_errors_and_the_default_map() {
        let e = failure(run(&E, &P, 3, &ServqualOptions::default()));
        assert_eq!(e, Some((ErrorKind::InvalidDocument, "/dimensions".into())));
        let mut o = two_dims();
        o.dimensions = Some(vec![Dimension::new("a/b", [0, 4])]);
        assert_eq!(
            failure(run(&E, &P, 3, &o)),
            Some((ErrorKind::InvalidValue, "/dimensions/a~1b/1".into()))
        );
        o.dimensions = Some(vec![Dimension::new("a", [0]), Dimension::new("a", [1])]);
        assert_eq!(
            failure(run(&E, &P, 3, &o)).map(|e| e.0),
            Some(ErrorKind::DuplicateId)
        );
        o.dimensions = Some(vec![]);
        assert_eq!(
            failure(run(&E, &P, 3, &o)).map(|e| e.1),
            Some("/dimensions".into())
        );
        let e22: Vec<f64> = (0..44).map(|i| f64::from(i % 7 + 1)).collect();
        let p22: Vec<f64> = e22.iter().map(|v| v + 0.5).collect();
        let r = run(&e22, &p22, 2, &ServqualOptions::default()).ok();
        let names: Vec<String> = r
            .map(|r| r.dimensions.into_iter().map(|d| d.dimension).collect())
            .unwrap_or_default();
        assert_eq!(
            names,
            [
                "tangibles",
                "reliability",
                "responsiveness",
                "assurance",
                "empathy"
            ]
        );
    }

    #[test]
    fn shapes_values_and_emptiness() {
        let o = two_dims();
        let e = Matrix::new(&E, 3, 4);
        let p = Matrix::new(&P[..8], 2, 4);
        let (Ok(e), Ok(p)) = (e, p) else {
            panic!("matrices")
        };
        assert_eq!(
            failure(servqual(&e, &p, &o)),
            Some((ErrorKind::InvalidDocument, "/expectations/2".into()))
        );
        assert_eq!(
            failure(run(&[], &[], 0, &o)),
            Some((ErrorKind::EmptyInput, "/expectations".into()))
        );
        let mut bad = P;
        bad[6] = f64::INFINITY;
        assert_eq!(
            failure(run(&E, &bad, 3, &o)),
            Some((ErrorKind::InvalidValue, "/perceptions/1/2".into()))
        );
        let nan = [f64::NAN; 4];
        assert_eq!(
            failure(run(&nan, &P[..4], 1, &o)),
            Some((ErrorKind::EmptyInput, "/perceptions".into()))
        );
    }

    #[test]
    fn unanswered_item_is_null() {
        let e = [5.0, f64::NAN, 4.0, f64::NAN];
        let p = [6.0, 3.0, 4.0, f64::NAN];
        let o = ServqualOptions {
            dimensions: Some(vec![Dimension::new("a", [0]), Dimension::new("b", [1])]),
            ..ServqualOptions::default()
        };
        let Ok(r) = run(&e, &p, 2, &o) else {
            panic!("valid")
        };
        assert_eq!(r.items[1].gap, None);
        assert_eq!(r.dimensions[1].gap, None);
        assert_eq!(
            (r.gap, r.respondents, r.satisfied, r.delighted),
            (0.5, 2, 0.5, 0.5)
        );
    }
}
