//! From a tally to results: each group (or the ungrouped input) estimated by its
//! metric, empty groups omitted, and the groups compared when asked (SPEC 10, 11).

use serde::Serialize;

use crate::error::{Error, ErrorKind};

use super::compare::{compare_groups, Compare, Metric, Side};
use super::funnel::{funnel, Funnel, FunnelRow, FunnelSummary, Point};
use super::groups::GroupLabel;
use super::response::Classes;
use super::tally::{check_sums, GroupCells, Tallied, Tally};
use super::Invalid;

/// The options every scale metric has, as its estimator reads them.
pub(crate) struct Shared<'o> {
    /// The confidence level (of the comparisons too).
    pub confidence: f64,
    /// What to do with invalid responses.
    pub invalid: Invalid,
    /// The comparison asked for, if any.
    pub compare: Option<&'o Compare>,
    /// The funnel asked for, if any.
    pub funnel: Option<&'o Funnel>,
}

/// A scale metric's estimator: reads one group's cells only.
pub(crate) trait Estimator {
    /// The metric's result for one group.
    type Result;
    /// The scale the answers must lie on.
    fn classes(&self) -> &Classes;
    /// The result of a group with at least one valid response of positive weight.
    fn estimate(&self, cells: &GroupCells) -> Self::Result;
    /// What a comparison reads of a group's result.
    fn side(&self, result: &Self::Result) -> Side;
    /// The difference of two sides: `(diff, centre, se, ci_low, ci_high)`, on the
    /// metric's scale (SPEC 11).
    fn difference(&self, a: &Side, b: &Side, z: f64) -> [f64; 5];
    /// The options every scale metric has.
    fn shared(&self) -> Shared<'_>;
    /// The metric's range (-100..100, 0..100, 1..scale), where funnel limits stop.
    fn range(&self) -> (f64, f64);
    /// A group's funnel spread times the square root of its n_eff, from the pooled
    /// tally of all reported groups and the target (SPEC 12.2).
    fn unit_spread(&self, pooled: &GroupCells, target: f64) -> f64;

    /// Finishes an ungrouped tally (`invalid_document` at `/compare` when a
    /// comparison is asked for: there are no groups).
    fn finish_one(&self, tallied: Tallied) -> Result<Self::Result, Error>
    where
        Self: Sized,
    {
        if self.shared().compare.is_some() {
            return Err(Error::new(ErrorKind::InvalidDocument, "/compare", "compare needs groups"));
        }
        if self.shared().funnel.is_some() {
            return Err(Error::new(ErrorKind::InvalidDocument, "/funnel", "a funnel needs groups"));
        }
        match reported(tallied, self)?.first() {
            Some((_, cells)) => Ok(self.estimate(cells)),
            None => Err(Error::new(ErrorKind::EmptyInput, "/responses", "no valid response")),
        }
    }

    /// Finishes a grouped tally: every reported group's estimate and comparison.
    fn finish_grouped(&self, tallied: Tallied) -> Result<Grouped<Self::Result>, Error>
    where
        Self: Sized,
    {
        finish_grouped(tallied, self)
    }
}

/// One result per group, in order of first appearance; groups without a valid
/// response are omitted and there is no overall row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Grouped_for_{T}"))]
pub struct Grouped<T> {
    /// The per-group results.
    pub groups: Vec<GroupResult<T>>,
    /// With `funnel`: its target, tau^2 and phi (SPEC 12.2); absent without.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "FunnelSummary"))]
    pub funnel: Option<FunnelSummary>,
}

/// The result of one group, serialised as the result's fields plus `group` (and
/// `comparison`, when the call compares groups).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "GroupResult_for_{T}"))]
pub struct GroupResult<T> {
    /// The group's label, as given.
    pub group: GroupLabel,
    /// The metric over the group's rows.
    #[serde(flatten)]
    pub result: T,
    /// With `funnel`: the group's z-score, limits and flags; absent without.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "FunnelRow"))]
    pub funnel: Option<FunnelRow>,
    /// With `compare`: the difference to the other side, `None` inside where there is
    /// nothing to compare with (SPEC 11); absent without `compare`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Option<super::compare::Comparison>>,
}

/// A metric's result: one for an ungrouped input, one per group otherwise.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Scored_for_{T}"))]
#[serde(untagged)]
pub enum Scored<T> {
    /// The result of an ungrouped input.
    One(T),
    /// The results per group.
    Groups(Grouped<T>),
}

/// The groups a tally reports, after the first invalid response (under
/// [`Invalid::Error`]) and the sums are checked: those with a response of positive
/// weight.
fn reported<E: Estimator>(tallied: Tallied, estimator: &E) -> Result<Vec<(GroupLabel, GroupCells)>, Error> {
    tallied.check_invalid(estimator.shared().invalid, estimator.classes())?;
    let mut kept = Vec::with_capacity(tallied.groups.len());
    for (label, cells) in tallied.groups {
        let total = cells.total();
        check_sums(&total, tallied.form)?;
        if total.n > 0 && total.w > 0.0 {
            kept.push((label, cells));
        }
    }
    Ok(kept)
}

fn finish_grouped<E: Estimator>(tallied: Tallied, estimator: &E) -> Result<Grouped<E::Result>, Error> {
    let form = tallied.form;
    let kept = reported(tallied, estimator)?;
    let results: Vec<E::Result> = kept.iter().map(|(_, cells)| estimator.estimate(cells)).collect();
    let comparisons = match estimator.shared().compare {
        Some(c) => {
            let cells: Vec<&GroupCells> = kept.iter().map(|(_, cells)| cells).collect();
            let labels: Vec<&GroupLabel> = kept.iter().map(|(label, _)| label).collect();
            let sides: Vec<Side> = results.iter().map(|r| estimator.side(r)).collect();
            let metric = Metric {
                side_of: &|cells: &GroupCells| estimator.side(&estimator.estimate(cells)),
                difference: &|a: &Side, b: &Side, z: f64| estimator.difference(a, b, z),
                confidence: estimator.shared().confidence,
            };
            compare_groups(c, &labels, &cells, &sides, &metric, form)?.into_iter().map(Some).collect()
        }
        None => vec![None; results.len()],
    };
    let (summary, mut rows) = match estimator.shared().funnel {
        Some(f) => {
            let (summary, rows) = funnel_of(estimator, f, &kept, &results, form)?;
            (Some(summary), rows.into_iter().map(Some).collect())
        }
        None => (None, Vec::new()),
    };
    rows.resize(results.len(), None);
    let groups = kept
        .into_iter()
        .zip(results)
        .zip(comparisons)
        .zip(rows)
        .map(|((((group, _), result), comparison), funnel)| GroupResult { group, result, funnel, comparison })
        .collect();
    Ok(Grouped { groups, funnel: summary })
}

/// The funnel of the reported groups: the target given or their pooled estimate, each
/// group's spread from its n_eff.
fn funnel_of<E: Estimator>(
    estimator: &E,
    asked: &Funnel,
    kept: &[(GroupLabel, GroupCells)],
    results: &[E::Result],
    form: super::tally::SumsAt,
) -> Result<(FunnelSummary, Vec<FunnelRow>), Error> {
    if kept.is_empty() {
        return Ok(funnel(&[], asked.target, asked.overdispersion, estimator.range()));
    }
    let pooled = GroupCells::pooled(kept.iter().map(|(_, cells)| cells));
    check_sums(&pooled.total(), form)?;
    let target = asked.target.unwrap_or_else(|| estimator.side(&estimator.estimate(&pooled)).score);
    let unit = estimator.unit_spread(&pooled, target);
    let points: Vec<Point> = results
        .iter()
        .map(|r| {
            let side = estimator.side(r);
            Point { value: side.score, spread: unit / side.n_eff.sqrt() }
        })
        .collect();
    Ok(funnel(&points, Some(target), asked.overdispersion, estimator.range()))
}

/// Finishes a [`Tally`] on the estimator's scale.
pub(crate) fn finish_tally<E: Estimator>(estimator: &E, tally: &Tally) -> Result<Scored<E::Result>, Error> {
    let tallied = tally.on_scale(estimator.classes())?;
    if tally.is_grouped() {
        estimator.finish_grouped(tallied).map(Scored::Groups)
    } else {
        estimator.finish_one(tallied).map(Scored::One)
    }
}

impl<T> Scored<T> {
    /// The grouped results; `None` for an ungrouped result.
    pub fn grouped(self) -> Option<Grouped<T>> {
        match self {
            Scored::Groups(g) => Some(g),
            Scored::One(_) => None,
        }
    }

    /// The ungrouped result; `None` for grouped results.
    pub fn one(self) -> Option<T> {
        match self {
            Scored::One(r) => Some(r),
            Scored::Groups(_) => None,
        }
    }
}
