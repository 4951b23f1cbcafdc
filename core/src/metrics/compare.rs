//! Comparisons between groups (SPEC 11): each reported group against the first, the
//! previous, the pooled rest or a named group, a normal test of the difference, and
//! the p-values adjusted for the number of comparisons (Holm or Benjamini-Hochberg).

use serde::Serialize;

use crate::error::{Error, ErrorKind};

use super::groups::GroupLabel;
use super::tally::{check_sums, GroupCells, SumsAt};
use super::{critical_z, no_negative_zero};

/// What each group is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Against {
    /// The first reported group.
    First,
    /// The group reported before it (waves in time order).
    Previous,
    /// All other reported groups pooled.
    Rest,
    /// The group with this label.
    Group(GroupLabel),
}

/// How the p-values of a call's comparisons are adjusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Adjust {
    /// Holm's step-down family-wise adjustment.
    #[default]
    Holm,
    /// Benjamini-Hochberg's false discovery rate.
    Bh,
    /// No adjustment.
    None,
}

/// A grouped metric's comparison request (`compare` and `adjust`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compare {
    /// What each group is compared with.
    pub against: Against,
    /// The p-value adjustment (default Holm).
    pub adjust: Adjust,
}

/// A group's difference to the other side, on the metric's own scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comparison {
    /// The other side's label (`None` against the pooled rest).
    pub against: Option<GroupLabel>,
    /// This group's score (CES: mean) minus the other side's.
    pub diff: f64,
    /// The standard error of the difference.
    pub se: f64,
    /// The lower end of the difference's interval.
    pub ci_low: f64,
    /// The upper end of the difference's interval.
    pub ci_high: f64,
    /// The test statistic; `None` when the standard error is 0.
    pub z: Option<f64>,
    /// The two-sided p-value; `None` when the standard error is 0.
    pub p_value: Option<f64>,
    /// The adjusted p-value; `None` when the standard error is 0.
    pub p_adjusted: Option<f64>,
    /// Whether the adjusted p-value is below 1 - confidence.
    pub significant: bool,
}

/// What a comparison reads of a group's result: its score (CES: mean), standard error,
/// the centre of its interval (the adjusted Wald centre for NPS), its effective sample
/// size and interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Side {
    pub score: f64,
    pub se: f64,
    pub centre: f64,
    pub n_eff: f64,
    pub ci_low: f64,
    pub ci_high: f64,
}

/// What a comparison needs of the metric: the side of a pooled tally, the difference
/// of two sides, the confidence level. Passed as functions so that the comparisons
/// exist once, not once per metric (the WebAssembly module's size).
pub(crate) struct Metric<'a> {
    pub side_of: &'a dyn Fn(&GroupCells) -> Side,
    pub difference: &'a dyn Fn(&Side, &Side, f64) -> [f64; 5],
    pub confidence: f64,
}

/// The comparison of every reported group, in row order.
pub(crate) fn compare_groups(
    compare: &Compare,
    labels: &[&GroupLabel],
    cells: &[&GroupCells],
    sides: &[Side],
    metric: &Metric<'_>,
    sums_at: SumsAt,
) -> Result<Vec<Option<Comparison>>, Error> {
    let named = match &compare.against {
        Against::Group(label) => match labels.iter().position(|l| *l == label) {
            Some(i) => Some(i),
            None => {
                let message = format!("compare names group {label}, which has no reported response");
                return Err(Error::new(ErrorKind::UnknownReference, "/compare/group", message));
            }
        },
        _ => None,
    };
    let z = critical_z(metric.confidence)?;
    let mut out = Vec::with_capacity(sides.len());
    for (i, side) in sides.iter().enumerate() {
        let other = match (&compare.against, named) {
            (Against::First, _) => (i > 0).then_some(0),
            (Against::Previous, _) => i.checked_sub(1),
            (_, Some(n)) => (i != n).then_some(n),
            _ => None,
        };
        let comparison = match (&compare.against, other) {
            (Against::Rest, _) if sides.len() > 1 => {
                let rest = GroupCells::pooled(cells.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, c)| *c));
                check_sums(&rest.total(), sums_at)?;
                let b = (metric.side_of)(&rest);
                Some(test(metric, side, &b, None, z))
            }
            // `labels` and `sides` are parallel, and `j` one of their rows.
            (_, Some(j)) => Some(test(metric, side, &sides[j], Some(labels[j].clone()), z)),
            _ => None,
        };
        out.push(comparison);
    }
    adjust(&mut out, compare.adjust, metric.confidence);
    Ok(out)
}

/// The difference of `a` and `b` and its test (before adjustment).
fn test(metric: &Metric<'_>, a: &Side, b: &Side, against: Option<GroupLabel>, z: f64) -> Comparison {
    let [diff, centre, se, ci_low, ci_high] = (metric.difference)(a, b, z);
    let statistic = (se > 0.0).then(|| centre / se);
    Comparison {
        against,
        diff: no_negative_zero(diff),
        se,
        ci_low: no_negative_zero(ci_low),
        ci_high: no_negative_zero(ci_high),
        z: statistic.map(no_negative_zero),
        p_value: statistic.map(|s| libm::erfc(s.abs() / std::f64::consts::SQRT_2)),
        p_adjusted: None,
        significant: false,
    }
}

/// Fills `p_adjusted` and `significant` over the comparisons that have a p-value.
fn adjust(comparisons: &mut [Option<Comparison>], how: Adjust, confidence: f64) {
    let mut tested: Vec<(usize, f64, &mut Comparison)> = comparisons
        .iter_mut()
        .enumerate()
        .filter_map(|(i, c)| {
            let c = c.as_mut()?;
            Some((i, c.p_value?, c))
        })
        .collect();
    // Ascending p-values, ties in row order (an unstable sort with the row as the tie
    // break: the order of a stable one, without linking a second sort algorithm).
    tested.sort_unstable_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let m = tested.len() as f64;
    let mut adjusted = vec![0.0; tested.len()];
    match how {
        Adjust::None => adjusted.iter_mut().zip(&tested).for_each(|(a, &(_, p, _))| *a = p),
        Adjust::Holm => {
            let mut running: f64 = 0.0;
            for (j, (a, &(_, p, _))) in adjusted.iter_mut().zip(&tested).enumerate() {
                running = running.max((p * (m - j as f64)).min(1.0));
                *a = running;
            }
        }
        Adjust::Bh => {
            let mut running: f64 = 1.0;
            for (j, (a, &(_, p, _))) in adjusted.iter_mut().zip(&tested).enumerate().rev() {
                running = running.min((m * p / (j as f64 + 1.0)).min(1.0));
                *a = running;
            }
        }
    }
    for ((_, _, c), p) in tested.into_iter().zip(adjusted) {
        c.p_adjusted = Some(p);
        c.significant = p < 1.0 - confidence;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_p(ps: &[Option<f64>]) -> Vec<Option<Comparison>> {
        ps.iter()
            .map(|&p| {
                Some(Comparison {
                    against: None,
                    diff: 0.0,
                    se: 1.0,
                    ci_low: 0.0,
                    ci_high: 0.0,
                    z: p.map(|_| 1.0),
                    p_value: p,
                    p_adjusted: None,
                    significant: false,
                })
            })
            .collect()
    }

    fn adjusted(ps: &[Option<f64>], how: Adjust) -> Vec<Option<f64>> {
        let mut c = with_p(ps);
        adjust(&mut c, how, 0.95);
        c.iter().map(|c| c.as_ref().and_then(|c| c.p_adjusted)).collect()
    }

    #[test]
    fn holm_by_hand() {
        // Sorted 0.01, 0.02, 0.04 with m = 3: 0.03, max(0.03, 0.04), max(0.04, 0.04).
        let got = adjusted(&[Some(0.04), Some(0.01), None, Some(0.02)], Adjust::Holm);
        let want = [Some(0.04), Some(0.03), None, Some(0.04)];
        for (g, w) in got.iter().zip(want) {
            assert!(match (g, w) {
                (Some(g), Some(w)) => (g - w).abs() < 1e-15,
                (None, None) => true,
                _ => false,
            });
        }
    }

    #[test]
    fn bh_by_hand() {
        // Sorted 0.01, 0.02, 0.04, m = 3: min over j >= i of 3 p / j: 0.03, 0.03, 0.04.
        let got = adjusted(&[Some(0.04), Some(0.01), Some(0.02)], Adjust::Bh);
        let want = [0.04, 0.03, 0.03];
        for (g, w) in got.iter().zip(want) {
            assert!(g.is_some_and(|g| (g - w).abs() < 1e-15), "{got:?}");
        }
        assert_eq!(adjusted(&[Some(0.7), Some(0.9)], Adjust::None), vec![Some(0.7), Some(0.9)]);
        assert_eq!(adjusted(&[Some(0.6), Some(0.9)], Adjust::Holm), vec![Some(1.0), Some(1.0)]);
    }
}
