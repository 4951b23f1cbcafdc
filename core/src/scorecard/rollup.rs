//! The five views, the pyramid and what to fix first (SPEC 5). Every sum runs left to
//! right in document or framework order, so every front gets the same bits.

use std::borrow::Cow;

use super::document::Missing;
use super::progress::{progress, status, trend};
use super::resolve::{Line, Resolved};
use crate::error::{err, pointer, Error, ErrorKind};
use crate::magnitude;
use crate::report::{
    DimensionRow, ElementRow, GapRow, IndicatorRow, LevelRow, PerspectiveRow, PrincipleRow, PriorityRow, Report,
    ReportOutcome, Status,
};

/// Running sums of one group of indicators.
#[derive(Default, Clone, Copy)]
struct Group {
    /// Sum of weight x progress over the indicators that count.
    weighted: f64,
    /// Sum of the weights of the indicators that count (the score's denominator).
    counted: f64,
    /// Sum of the weights of the indicators with a value.
    present: f64,
    /// Sum of all weights.
    total: f64,
    indicators: usize,
}

impl Group {
    fn add(&mut self, weight: f64, has_value: bool, counted_progress: Option<f64>) {
        self.indicators += 1;
        self.total += weight;
        if has_value {
            self.present += weight;
        }
        if let Some(p) = counted_progress {
            self.weighted += weight * p;
            self.counted += weight;
        }
    }

    fn score(&self) -> Option<f64> {
        (self.counted != 0.0).then(|| self.weighted / self.counted)
    }

    fn coverage(&self) -> Option<f64> {
        (self.total != 0.0).then(|| self.present / self.total)
    }
}

/// Weighted mean of the scores that are present; `None` if none or their weights sum to 0.
fn weighted_mean(items: impl Iterator<Item = (f64, Option<f64>)>) -> Option<f64> {
    let (mut weighted, mut weights, mut any) = (0.0, 0.0, false);
    for (w, score) in items {
        if let Some(s) = score {
            weighted += w * s;
            weights += w;
            any = true;
        }
    }
    (any && weights != 0.0).then(|| weighted / weights)
}

/// One indicator's own numbers.
struct Scored {
    achievement: Option<f64>,
    progress: Option<f64>,
    /// Progress as the rollups count it (0 for a missing value under `missing: zero`).
    counted: Option<f64>,
}

pub(crate) fn report<'a>(r: &Resolved<'a>) -> Result<Report<'a>, Error> {
    let s = &r.settings;
    let scored = score_lines(r)?;

    let mut perspectives = vec![Group::default(); r.perspectives.len()];
    let mut elements = vec![Group::default(); r.elements.len()];
    let mut dimensions = vec![Group::default(); r.framework.dimensions.len()];
    let mut levels = [Group::default(); 4];
    let mut principles = vec![Group::default(); r.framework.principles.len()];
    let mut all = Group::default();
    for (line, sc) in r.lines.iter().zip(&scored) {
        let add = |g: &mut Group| g.add(line.weight, line.value.is_some(), sc.counted);
        add(&mut perspectives[line.perspective]);
        if let Some(e) = line.element {
            add(&mut elements[e]);
            add(&mut dimensions[r.elements[e].0]);
        }
        for &level in line.levels {
            add(&mut levels[(level - 1) as usize]);
        }
        for &p in &r.principles[line.principles.clone()] {
            add(&mut principles[p]);
        }
        add(&mut all);
    }
    let group_status = |score: Option<f64>| status(score, s.green, s.amber);

    let perspective_rows: Vec<PerspectiveRow> = r
        .perspectives
        .iter()
        .zip(&perspectives)
        .map(|(p, g)| PerspectiveRow {
            id: Cow::Borrowed(p.id),
            title: p.title.map(Cow::Borrowed),
            weight: p.weight,
            score: g.score(),
            status: group_status(g.score()),
            coverage: g.coverage(),
            indicators: g.indicators,
        })
        .collect();
    let score = weighted_mean(perspective_rows.iter().map(|p| (p.weight, p.score)));

    let element_rows: Vec<ElementRow> = r
        .elements
        .iter()
        .zip(&elements)
        .enumerate()
        .map(|(i, ((d, e), g))| ElementRow {
            id: Cow::Borrowed(&e.id),
            title: e.title.as_deref().map(Cow::Borrowed),
            dimension: Cow::Borrowed(&r.framework.dimensions[*d].id),
            weight: s.element_weights[i],
            score: g.score(),
            status: group_status(g.score()),
            coverage: g.coverage(),
            levels: Cow::Borrowed(e.levels.as_deref().unwrap_or_default()),
        })
        .collect();
    let dimension_rows: Vec<DimensionRow> = r
        .framework
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dim)| {
            let members = || element_rows.iter().zip(&r.elements).filter(move |(_, (ed, _))| *ed == d);
            let score = weighted_mean(members().map(|(row, _)| (row.weight, row.score)));
            DimensionRow {
                id: Cow::Borrowed(&dim.id),
                title: dim.title.as_deref().map(Cow::Borrowed),
                weight: s.dimension_weights[d],
                score,
                status: group_status(score),
                coverage: dimensions[d].coverage(),
                elements: members().map(|(_, (_, e))| Cow::Borrowed(e.id.as_str())).collect(),
            }
        })
        .collect();
    let model_score = weighted_mean(dimension_rows.iter().map(|d| (d.weight, d.score)));

    let level_rows: Vec<LevelRow> = r
        .framework
        .levels
        .iter()
        .zip(&levels)
        .zip(s.level_thresholds)
        .map(|((level, g), threshold)| LevelRow {
            level: level.level,
            id: Cow::Borrowed(&level.id),
            title: level.title.as_deref().map(Cow::Borrowed),
            outcome: level.outcome,
            score: g.score(),
            threshold,
            met: g.score().is_some_and(|score| score >= threshold),
            indicators: g.indicators,
        })
        .collect();
    let level_attained = level_rows.iter().take_while(|l| l.met).count() as u8;
    let outcome = match level_attained {
        3.. => ReportOutcome::Delight,
        2 => ReportOutcome::Satisfaction,
        _ => ReportOutcome::BelowSatisfaction,
    };

    let principle_rows = r
        .framework
        .principles
        .iter()
        .zip(&principles)
        .map(|(p, g)| PrincipleRow {
            id: Cow::Borrowed(&p.id),
            title: p.title.as_deref().map(Cow::Borrowed),
            score: g.score(),
            coverage: g.coverage(),
            indicators: g.indicators,
        })
        .collect();

    let gaps = gaps(r, &element_rows, &dimension_rows);
    let priorities = priorities(r, &scored, &perspectives, &perspective_rows);
    let report = Report {
        servex: 1,
        framework: Cow::Borrowed(&r.framework.id),
        title: r.doc.title.as_deref().map(Cow::Borrowed),
        score,
        model_score,
        status: group_status(score),
        coverage: all.coverage(),
        level_attained,
        outcome,
        focus_level: (level_attained < 4).then_some(level_attained + 1),
        perspectives: perspective_rows,
        dimensions: dimension_rows,
        elements: element_rows,
        levels: level_rows,
        principles: principle_rows,
        indicators: indicator_rows(r, &scored),
        gaps,
        priorities,
    };
    all_finite(&report)?;
    Ok(report)
}

/// The last guard against a silently wrong number: finite inputs can still overflow
/// (huge weights times unclamped progress), and then no score is reported at all.
fn all_finite(report: &Report<'_>) -> Result<(), Error> {
    let groups = report.perspectives.iter().map(|p| (p.score, p.coverage));
    let groups = groups.chain(report.dimensions.iter().map(|d| (d.score, d.coverage)));
    let groups = groups.chain(report.elements.iter().map(|e| (e.score, e.coverage)));
    let groups = groups.chain(report.levels.iter().map(|l| (l.score, None)));
    let groups = groups.chain(report.principles.iter().map(|p| (p.score, p.coverage)));
    let numbers = [report.score, report.model_score, report.coverage].into_iter();
    let numbers = numbers.chain(groups.flat_map(|(a, b)| [a, b]));
    let numbers = numbers.chain(report.gaps.iter().map(|g| Some(g.impact)));
    let numbers = numbers.chain(report.priorities.iter().map(|p| Some(p.impact)));
    let trends = report.indicators.iter().filter_map(|i| i.trend);
    let numbers = numbers.chain(trends.flat_map(|t| [Some(t.delta), Some(t.slope)]));
    if numbers.flatten().all(f64::is_finite) {
        Ok(())
    } else {
        err(ErrorKind::InvalidValue, "", "the numbers are too large to score: a weighted sum overflows")
    }
}

fn score_lines(r: &Resolved<'_>) -> Result<Vec<Scored>, Error> {
    let clamp = r.settings.clamp;
    r.lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let achievement = line.value.map(|v| line.measure.achievement(v));
            if achievement.is_some_and(|a| !a.is_finite()) {
                return err(
                    ErrorKind::InvalidValue,
                    pointer(&pointer("/indicators", i), "value"),
                    "value, baseline and target are too far apart to compute progress",
                );
            }
            let progress = achievement.map(|a| progress(a, clamp));
            let counted = match (progress, r.settings.missing) {
                (None, Missing::Zero) => Some(0.0),
                (p, _) => p,
            };
            Ok(Scored { achievement, progress, counted })
        })
        .collect()
}

fn indicator_rows<'a>(r: &Resolved<'a>, scored: &[Scored]) -> Vec<IndicatorRow<'a>> {
    r.doc
        .indicators
        .iter()
        .zip(&r.lines)
        .zip(scored)
        .map(|((ind, line), sc): ((_, &Line<'_>), _)| {
            let series = || {
                let history = line.history.iter().filter_map(|point| point.value);
                history.chain(line.value).map(|v| progress(line.measure.achievement(v), r.settings.clamp))
            };
            IndicatorRow {
                id: Cow::Borrowed(&ind.id),
                title: ind.title.as_deref().map(Cow::Borrowed),
                perspective: Cow::Borrowed(r.perspectives[line.perspective].id),
                element: ind.element.as_deref().map(Cow::Borrowed),
                levels: Cow::Borrowed(line.levels),
                principles: r.principles[line.principles.clone()]
                    .iter()
                    .map(|&p| Cow::Borrowed(r.framework.principles[p].id.as_str()))
                    .collect(),
                weight: line.weight,
                value: line.value,
                direction: line.measure.direction(),
                achievement: sc.achievement,
                progress: sc.progress,
                status: if line.value.is_some() {
                    status(sc.progress, line.green, line.amber)
                } else {
                    Status::Missing
                },
                trend: trend(series, r.settings.trend_tolerance),
                unit: ind.unit.as_deref().map(Cow::Borrowed),
                evidence: ind.evidence.as_deref().map(Cow::Borrowed),
                meta: ind.meta.as_ref().map(magnitude::verbatim),
            }
        })
        .collect()
}

/// Sorts rows by impact, highest first; only equal impacts (0.0 == -0.0 included) tie,
/// and ties keep their order (the sort is stable).
fn by_impact<T>(rows: &mut [T], impact: impl Fn(&T) -> f64) {
    rows.sort_by(|a, b| impact(b).partial_cmp(&impact(a)).unwrap_or(std::cmp::Ordering::Equal));
}

fn gaps<'a>(r: &Resolved<'a>, elements: &[ElementRow<'a>], dimensions: &[DimensionRow<'_>]) -> Vec<GapRow<'a>> {
    let scored_dimensions: f64 = dimensions.iter().filter(|d| d.score.is_some()).map(|d| d.weight).sum();
    let mut rows: Vec<GapRow> = elements
        .iter()
        .zip(&r.elements)
        .filter_map(|(row, (d, _))| {
            let score = row.score?;
            let scored_elements: f64 = elements
                .iter()
                .zip(&r.elements)
                .filter(|(other, (od, _))| od == d && other.score.is_some())
                .map(|(other, _)| other.weight)
                .sum();
            if scored_elements == 0.0 || scored_dimensions == 0.0 {
                return None;
            }
            let impact =
                (1.0 - score) * (row.weight / scored_elements) * (dimensions[*d].weight / scored_dimensions) + 0.0;
            Some(GapRow { element: row.id.clone(), score, gap: 1.0 - score, impact })
        })
        .collect();
    by_impact(&mut rows, |g| g.impact);
    rows
}

fn priorities<'a>(
    r: &Resolved<'a>,
    scored: &[Scored],
    groups: &[Group],
    perspectives: &[PerspectiveRow<'_>],
) -> Vec<PriorityRow<'a>> {
    let scored_perspectives: f64 = perspectives.iter().filter(|p| p.score.is_some()).map(|p| p.weight).sum();
    let mut rows: Vec<PriorityRow> = r
        .lines
        .iter()
        .zip(scored)
        .zip(&r.doc.indicators)
        .filter_map(|((line, sc), ind)| {
            let p = sc.counted?;
            let own = groups[line.perspective].counted;
            if own == 0.0 || scored_perspectives == 0.0 {
                return None;
            }
            let weight = perspectives[line.perspective].weight;
            let impact = (1.0 - p) * (line.weight / own) * (weight / scored_perspectives) + 0.0;
            Some(PriorityRow { indicator: Cow::Borrowed(&ind.id), progress: p, impact })
        })
        .collect();
    by_impact(&mut rows, |p| p.impact);
    rows
}
