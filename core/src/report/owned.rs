//! Reports that own their text, for keeping one after the document it borrows from is
//! gone (scoring borrows, so that it copies nothing a caller may not need).

use std::borrow::Cow;

use super::{
    DimensionRow, ElementRow, GapRow, IndicatorRow, LevelRow, PerspectiveRow, PrincipleRow, PriorityRow, Report,
};

fn own(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

impl Report<'_> {
    /// The same report, owning all its text.
    pub fn into_owned(self) -> Report<'static> {
        Report {
            servex: self.servex,
            framework: own(self.framework),
            title: self.title.map(own),
            score: self.score,
            model_score: self.model_score,
            status: self.status,
            coverage: self.coverage,
            level_attained: self.level_attained,
            outcome: self.outcome,
            focus_level: self.focus_level,
            perspectives: self.perspectives.into_iter().map(PerspectiveRow::into_owned).collect(),
            dimensions: self.dimensions.into_iter().map(DimensionRow::into_owned).collect(),
            elements: self.elements.into_iter().map(ElementRow::into_owned).collect(),
            levels: self.levels.into_iter().map(LevelRow::into_owned).collect(),
            principles: self.principles.into_iter().map(PrincipleRow::into_owned).collect(),
            indicators: self.indicators.into_iter().map(IndicatorRow::into_owned).collect(),
            gaps: self.gaps.into_iter().map(GapRow::into_owned).collect(),
            priorities: self.priorities.into_iter().map(PriorityRow::into_owned).collect(),
        }
    }
}

impl PerspectiveRow<'_> {
    /// The same row, owning all its text.
    pub fn into_owned(self) -> PerspectiveRow<'static> {
        PerspectiveRow {
            id: own(self.id),
            title: self.title.map(own),
            weight: self.weight,
            score: self.score,
            status: self.status,
            coverage: self.coverage,
            indicators: self.indicators,
        }
    }
}

impl DimensionRow<'_> {
    /// The same row, owning all its text.
    pub fn into_owned(self) -> DimensionRow<'static> {
        DimensionRow {
            id: own(self.id),
            title: self.title.map(own),
            weight: self.weight,
            score: self.score,
            status: self.status,
            coverage: self.coverage,
            elements: self.elements.into_iter().map(own).collect(),
        }
    }
}

impl ElementRow<'_> {
    /// The same row, owning all its text.
    pub fn into_owned(self) -> ElementRow<'static> {
        ElementRow {
            id: own(self.id),
            title: self.title.map(own),
            dimension: own(self.dimension),
            weight: self.weight,
            score: self.score,
            status: self.status,
            coverage: self.coverage,
            levels: Cow::Owned(self.levels.into_owned()),
        }
    }
}

impl LevelRow<'_> {
    /// The same row, owning all its text.
    pub fn into_owned(self) -> LevelRow<'static> {
        LevelRow {
            level: self.level,
            id: own(self.id),
            title: self.title.map(own),
            outcome: self.outcome,
            score: self.score,
            threshold: self.threshold,
            met: self.met,
            indicators: self.indicators,
        }
    }
}

impl PrincipleRow<'_> {
    /// The same row, owning all its text.
    pub fn into_owned(self) -> PrincipleRow<'static> {
        PrincipleRow {
            id: own(self.id),
            title: self.title.map(own),
            score: self.score,
            coverage: self.coverage,
            indicators: self.indicators,
        }
    }
}

impl IndicatorRow<'_> {
    /// The same row, owning all its text.
    pub fn into_owned(self) -> IndicatorRow<'static> {
        IndicatorRow {
            id: own(self.id),
            title: self.title.map(own),
            perspective: own(self.perspective),
            element: self.element.map(own),
            levels: Cow::Owned(self.levels.into_owned()),
            principles: self.principles.into_iter().map(own).collect(),
            weight: self.weight,
            value: self.value,
            direction: self.direction,
            achievement: self.achievement,
            progress: self.progress,
            status: self.status,
            trend: self.trend,
            unit: self.unit.map(own),
            evidence: self.evidence.map(own),
            meta: self.meta.map(|m| Cow::Owned(m.into_owned())),
        }
    }
}

impl GapRow<'_> {
    /// The same row, owning all its text.
    pub fn into_owned(self) -> GapRow<'static> {
        GapRow { element: own(self.element), score: self.score, gap: self.gap, impact: self.impact }
    }
}

impl PriorityRow<'_> {
    /// The same row, owning all its text.
    pub fn into_owned(self) -> PriorityRow<'static> {
        PriorityRow { indicator: own(self.indicator), progress: self.progress, impact: self.impact }
    }
}
