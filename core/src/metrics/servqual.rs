//! SERVQUAL gaps: perception minus expectation per item, dimension and respondent
//! (SPEC 7).

use foldhash::{HashSet, HashSetExt};

use serde::Serialize;

use crate::error::{err, pointer, Error, ErrorKind};

use super::matrix::{same_shape, widths, Matrix};

/// The classic 22-item SERVQUAL dimensions: name and item indices (0-based).
pub const SERVQUAL_22: [(&str, std::ops::Range<usize>); 5] =
    [("tangibles", 0..4), ("reliability", 4..9), ("responsiveness", 9..13), ("assurance", 13..17), ("empathy", 17..22)];

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
        Dimension { name: name.into(), items: items.into_iter().collect() }
    }

    /// The classic 22-item map ([`SERVQUAL_22`]).
    pub fn servqual_22() -> Vec<Dimension> {
        SERVQUAL_22.iter().map(|(name, items)| Dimension::new(*name, items.clone())).collect()
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemGap {
    /// The item's 0-based index.
    pub item: usize,
    /// Mean perception minus mean expectation over the respondents who answered both;
    /// `None` when nobody did.
    pub gap: Option<f64>,
}

/// The gap of one dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DimensionGap {
    /// The dimension's name.
    pub dimension: String,
    /// The mean of its items' gaps; `None` when none has one.
    pub gap: Option<f64>,
}

/// The result of [`servqual`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ServqualResult"))]
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
    let (rows, items) = same_shape(("/expectations", &widths(expectations)), ("/perceptions", &widths(perceptions)))?;
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
    // Both matrices are `rows` x `items` (`same_shape`).
    for (e_row, p_row) in expectations.iter_rows().zip(perceptions.iter_rows()) {
        let (mut diff, mut pairs) = (0.0f64, 0u64);
        let slots = sum_e.iter_mut().zip(sum_p.iter_mut()).zip(answered.iter_mut());
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
            bands[band] += 1;
        }
    }
    let item_gaps: Vec<Option<f64>> = sum_e
        .iter()
        .zip(&sum_p)
        .zip(&answered)
        .map(|((e, p), &k)| (k > 0).then(|| p / k as f64 - e / k as f64))
        .collect();
    // Every item of a dimension is below `items` (`check_dimensions`).
    let dimension_gaps: Vec<Option<f64>> =
        dimensions.iter().map(|d| mean(d.items.iter().filter_map(|&i| item_gaps[i]))).collect();
    let Some(gap) = mean(dimension_gaps.iter().copied().flatten()) else {
        return err(ErrorKind::EmptyInput, "/perceptions", "no item was answered in both matrices");
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
        items: item_gaps.into_iter().enumerate().map(|(item, gap)| ItemGap { item, gap }).collect(),
        dimensions: dimensions
            .iter()
            .zip(dimension_gaps)
            .map(|(d, gap)| DimensionGap { dimension: d.name.clone(), gap })
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
        return err(ErrorKind::InvalidDocument, "/dimensions", "no dimension is given");
    }
    let mut names = HashSet::new();
    for d in dimensions {
        let at = pointer("/dimensions", &d.name);
        if !names.insert(d.name.as_str()) {
            return err(ErrorKind::DuplicateId, at, format!("dimension {:?} is given twice", d.name));
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
        let Some(k) = dimensions.iter().position(|d| &d.name == name) else {
            return err(ErrorKind::UnknownReference, at, format!("no dimension is named {name:?}"));
        };
        let slot = &mut weights[k];
        if slot.is_some() {
            return err(ErrorKind::DuplicateId, at, format!("dimension {name:?} is weighted twice"));
        }
        crate::magnitude::weight(*w, || at.clone())?;
        *slot = Some(*w);
    }
    let mut out = Vec::with_capacity(weights.len());
    for (d, w) in dimensions.iter().zip(weights) {
        let Some(w) = w else {
            return err(ErrorKind::InvalidDocument, "/weights", format!("dimension {:?} has no weight", d.name));
        };
        out.push(w);
    }
    if out.iter().sum::<f64>() <= 0.0 {
        return err(ErrorKind::InvalidValue, "/weights", "the weights sum to 0");
    }
    Ok(out)
}

/// Answers past SPEC 8's magnitudes (infinities included) are errors (NaN is "not
/// answered"); respondent by respondent, item by item, expectation first.
fn check_values(e: &Matrix<'_, f64>, p: &Matrix<'_, f64>) -> Result<(), Error> {
    let bad = |v: &f64| !v.is_nan() && !crate::magnitude::is_value(*v);
    if !e.values().iter().chain(p.values()).any(bad) {
        return Ok(());
    }
    for (r, (er, pr)) in e.iter_rows().zip(p.iter_rows()).enumerate() {
        for (i, (a, b)) in er.iter().zip(pr).enumerate() {
            for (name, v) in [("/expectations", a), ("/perceptions", b)] {
                if bad(v) {
                    return err(
                        ErrorKind::InvalidValue,
                        pointer(&pointer(name, r), i),
                        format!(
                            "an answer is a number within [-1e300, 1e300] (or null / NaN), not {}",
                            crate::magnitude::shown(*v)
                        ),
                    );
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
