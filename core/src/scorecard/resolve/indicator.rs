//! One indicator resolved: its id checked, its element, perspective, levels and
//! principles looked up, and its measure built from its bounds or its scale.

use std::ops::Range;

use foldhash::HashMap;

use super::settings::thresholds;
use super::{At, Line, Settings, MAX_ID_CHARS};
use crate::error::{err, pointer, Error, ErrorKind};
use crate::framework::{Element, Framework};
use crate::magnitude;
use crate::scorecard::document::{Bound, Indicator, Scale};
use crate::scorecard::progress::Measure;
use crate::scorecard::scales::Scales;

/// Everything an indicator may refer to.
pub(super) struct Lookup<'a, 'd> {
    pub(super) framework: &'d Framework,
    pub(super) elements: &'a [(usize, &'d Element)],
    pub(super) element_index: HashMap<&'a str, usize>,
    pub(super) perspective_index: HashMap<&'a str, usize>,
    pub(super) principle_index: HashMap<&'a str, usize>,
    pub(super) scales: Scales<'d>,
    pub(super) settings: &'a Settings,
}

impl<'d> Lookup<'_, 'd> {
    pub(super) fn line(&self, ind: &'d Indicator, at: At, principles: &mut Vec<usize>) -> Result<Line<'d>, Error> {
        check_id(&ind.id, at)?;
        let element = match &ind.element {
            None => None,
            Some(id) => Some(*self.element_index.get(id.as_str()).ok_or_else(|| {
                Error::new(
                    ErrorKind::UnknownReference,
                    at.member("element"),
                    format!("the framework has no element {id:?}"),
                )
            })?),
        };
        let perspective = self.perspective(ind, element, at)?;
        let levels = self.levels(ind, element, at)?;
        let principles = self.principles(ind, at, principles)?;
        if let Some(w) = ind.weight {
            magnitude::weight(w, || at.member("weight"))?;
        }
        let (measure, rating) = self.measure(ind, at)?;
        let (green, amber) =
            thresholds((self.settings.green, self.settings.amber), ind.thresholds, || at.member("thresholds"))?;
        Ok(Line {
            perspective,
            element,
            levels,
            principles,
            weight: ind.weight.map_or(1.0, magnitude::unsigned_zero),
            value: ind.value.map(magnitude::unsigned_zero),
            history: ind.history.as_deref().unwrap_or_default(),
            measure,
            rating,
            green,
            amber,
        })
    }

    fn perspective(&self, ind: &Indicator, element: Option<usize>, at: At) -> Result<usize, Error> {
        let (id, member) = match (&ind.perspective, element) {
            (Some(id), _) => (id.as_str(), "perspective"),
            (None, Some(e)) => {
                let dimension = &self.framework.dimensions[self.elements[e].0];
                match &dimension.perspective {
                    Some(id) => (id.as_str(), "element"),
                    None => {
                        return err(
                            ErrorKind::InvalidDocument,
                            at.whole(),
                            format!(
                                "indicator {:?} names no perspective and its dimension {:?} has none",
                                ind.id, dimension.id
                            ),
                        )
                    }
                }
            }
            (None, None) => {
                return err(
                    ErrorKind::InvalidDocument,
                    at.whole(),
                    format!("indicator {:?} needs a perspective or an element", ind.id),
                )
            }
        };
        self.perspective_index.get(id).copied().ok_or_else(|| {
            Error::new(
                ErrorKind::UnknownReference,
                at.member(member),
                format!("perspective {id:?} is not among the scorecard's perspectives"),
            )
        })
    }

    fn levels(&self, ind: &'d Indicator, element: Option<usize>, at: At) -> Result<&'d [i64], Error> {
        let Some(levels) = &ind.levels else {
            return Ok(element.and_then(|e| self.elements[e].1.levels.as_deref()).unwrap_or_default());
        };
        let base = || at.member("levels");
        for (j, &level) in levels.iter().enumerate() {
            if !(1..=4).contains(&level) {
                return err(
                    ErrorKind::InvalidValue,
                    pointer(&base(), j),
                    format!("pyramid levels are 1 to 4, not {level}"),
                );
            }
            if levels[..j].contains(&level) {
                return err(ErrorKind::InvalidDocument, pointer(&base(), j), format!("level {level} is listed twice"));
            }
        }
        Ok(levels)
    }

    /// Appends the indicator's principle indices to `all` and returns where they lie.
    fn principles(&self, ind: &Indicator, at: At, all: &mut Vec<usize>) -> Result<Range<usize>, Error> {
        let base = || at.member("principles");
        let start = all.len();
        for (j, id) in ind.principles.iter().flatten().enumerate() {
            let Some(&p) = self.principle_index.get(id.as_str()) else {
                return err(
                    ErrorKind::UnknownReference,
                    pointer(&base(), j),
                    format!("the framework has no principle {id:?}"),
                );
            };
            if all[start..].contains(&p) {
                return err(
                    ErrorKind::InvalidDocument,
                    pointer(&base(), j),
                    format!("principle {id:?} is listed twice"),
                );
            }
            all.push(p);
        }
        Ok(start..all.len())
    }

    /// The measure, and for a rating its scale (against which values are checked).
    fn measure(&self, ind: &Indicator, at: At) -> Result<(Measure, Option<&'d Scale>), Error> {
        let target_at = || at.member("target");
        match (&ind.scale, ind.baseline, ind.target) {
            (Some(name), None, None) => {
                let scale = self.scales.get(name).ok_or_else(|| {
                    Error::new(ErrorKind::UnknownReference, at.member("scale"), format!("no scale is called {name:?}"))
                })?;
                Ok((Measure::Linear { baseline: scale.min, target: scale.max }, Some(scale)))
            }
            (None, Some(Bound::Value(baseline)), Some(Bound::Value(target))) => {
                magnitude::value(baseline, || at.member("baseline"))?;
                magnitude::value(target, target_at)?;
                if baseline == target {
                    return err(
                        ErrorKind::InvalidIndicator,
                        target_at(),
                        format!("target equals baseline ({target}): progress is undefined"),
                    );
                }
                Ok((Measure::Linear { baseline, target }, None))
            }
            (None, Some(Bound::Range(blo, bhi)), Some(Bound::Range(lo, hi))) => {
                for (member, ends) in [("baseline", [blo, bhi]), ("target", [lo, hi])] {
                    for (k, end) in ends.into_iter().enumerate() {
                        magnitude::value(end, || pointer(&at.member(member), k))?;
                    }
                }
                if !(blo < lo && lo <= hi && hi < bhi) {
                    return err(
                        ErrorKind::InvalidIndicator,
                        target_at(),
                        format!("a target range needs baseline low < target low <= target high < baseline high, not [{blo}, {bhi}] around [{lo}, {hi}]"),
                    );
                }
                Ok((Measure::Range { blo, lo, hi, bhi }, None))
            }
            (None, Some(_), Some(_)) => err(
                ErrorKind::InvalidIndicator,
                target_at(),
                "baseline and target must both be numbers or both be [low, high] ranges",
            ),
            (Some(_), _, _) => {
                err(ErrorKind::InvalidDocument, at.whole(), "a rating has a scale and no baseline or target")
            }
            (None, _, _) => err(
                ErrorKind::InvalidDocument,
                at.whole(),
                "an indicator needs a scale, or both a baseline and a target",
            ),
        }
    }
}

fn check_id(id: &str, at: At) -> Result<(), Error> {
    let chars = id.chars().count();
    if chars == 0 {
        return err(ErrorKind::InvalidDocument, at.member("id"), "an indicator id may not be empty");
    }
    if chars > MAX_ID_CHARS {
        return err(
            ErrorKind::LimitExceeded,
            at.member("id"),
            format!("an indicator id has at most {MAX_ID_CHARS} characters, not {chars}"),
        );
    }
    Ok(())
}
