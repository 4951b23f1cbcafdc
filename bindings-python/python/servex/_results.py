"""Result objects: plain Python data (the SPEC's JSON shape) with attribute access,
``to_dict()``, DataFrames, a short ``repr``, an HTML summary for notebooks, equality
and pickling."""

from __future__ import annotations

import copy
import html
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar, Generic, Optional, TypeVar, Union, overload

from . import _servex
from ._errors import InvalidDocumentError
from ._keys import Keys, to_key, to_label
from ._tables import Table, counted, fmt, html_table, to_pandas, to_polars

__all__ = [
    "Result",
    "Report",
    "Framework",
    "NpsResult",
    "CsatResult",
    "CesResult",
    "GroupedResult",
    "ServqualResult",
    "KanoResult",
    "UnitsResult",
]


class Result:
    """The common base: holds the result exactly as the SPEC shapes it."""

    __slots__ = ("_data",)

    _data: dict[str, Any]

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-compatible data, exactly the SPEC's shape (a copy)."""
        return copy.deepcopy(self._data)

    def _get(self, key: str) -> Any:
        return copy.deepcopy(self._data.get(key))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Result)
        return self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> dict[str, Any]:
        return {"servex": 1, "data": self._data}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._data = state["data"]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"


def _fields(result: Result, names: Sequence[str]) -> str:
    return ", ".join(f"{n}={fmt(result._data.get(n))}" for n in names)


class _Views(Result):
    """A result with several tables ("views")."""

    __slots__ = ()
    VIEWS: ClassVar[dict[str, Sequence[str]]] = {}

    def _rows(self, view: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = self._data.get(view) or []
        return rows

    def _table(self, view: str) -> Table:
        if view not in self.VIEWS:
            raise ValueError(f"unknown view {view!r}; the views are {', '.join(self.VIEWS)}")
        return Table(self.VIEWS[view], self._rows(view))

    @overload
    def to_pandas(self, view: None = None) -> dict[str, Any]: ...
    @overload
    def to_pandas(self, view: str) -> Any: ...
    def to_pandas(self, view: Optional[str] = None) -> Any:
        """One pandas DataFrame per view (a dict), or the DataFrame of `view`."""
        if view is not None:
            return to_pandas(self._table(view))
        return {v: to_pandas(self._table(v)) for v in self.VIEWS}

    @overload
    def to_polars(self, view: None = None) -> dict[str, Any]: ...
    @overload
    def to_polars(self, view: str) -> Any: ...
    def to_polars(self, view: Optional[str] = None) -> Any:
        """One polars DataFrame per view (a dict), or the DataFrame of `view`."""
        if view is not None:
            return to_polars(self._table(view))
        return {v: to_polars(self._table(v)) for v in self.VIEWS}


_INDICATOR_COLUMNS = (
    "id", "title", "perspective", "element", "levels", "principles", "weight", "value", "direction",
    "achievement", "progress", "status", "trend_delta", "trend_slope", "trend_direction", "unit", "evidence", "meta",
)  # fmt: skip


class Report(_Views):
    """The score of a scorecard (SPEC 6): headline numbers and eight views.

    It keeps the document it was scored from (when known), so that ``to_html()`` can
    draw each indicator's trend; equality compares the report only."""

    __slots__ = ("_document",)
    CHARTS = ("radar", "pyramid", "perspectives")

    def __init__(self, data: dict[str, Any], document: Optional[Union[dict[str, Any], str]] = None) -> None:
        super().__init__(data)
        self._document = document

    def __getstate__(self) -> dict[str, Any]:
        return {"servex": 1, "data": self._data, "document": self._document}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._data = state["data"]
        self._document = state.get("document")

    def to_html(self) -> str:
        """The self-contained HTML report (inline CSS and SVG charts, works offline):
        the same bytes as ``servex report`` and the JavaScript ``renderHtml``."""
        return _servex.render(self._data, self._document)

    def svg(self, chart: str) -> str:
        """One chart as an SVG document: ``"radar"``, ``"pyramid"`` or ``"perspectives"``."""
        if not isinstance(chart, str):
            raise InvalidDocumentError(f"a chart is named by a string, not {chart!r}", path="/chart")
        return _servex.render(self._data, None, chart)

    VIEWS: ClassVar[dict[str, Sequence[str]]] = {
        "indicators": _INDICATOR_COLUMNS,
        "perspectives": ("id", "title", "weight", "score", "status", "coverage", "indicators"),
        "elements": ("id", "title", "dimension", "weight", "score", "status", "coverage", "levels"),
        "dimensions": ("id", "title", "weight", "score", "status", "coverage", "elements"),
        "levels": ("level", "id", "title", "outcome", "score", "threshold", "met", "indicators"),
        "principles": ("id", "title", "score", "coverage", "indicators"),
        "gaps": ("element", "score", "gap", "impact"),
        "priorities": ("indicator", "progress", "impact"),
    }

    def _rows(self, view: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = self._data.get(view) or []
        if view != "indicators":
            return rows
        flat = []
        for row in rows:
            trend = row.get("trend") or {}
            flat.append(dict(row, **{f"trend_{k}": trend.get(k) for k in ("delta", "slope", "direction")}))
        return flat

    @property
    def title(self) -> Optional[str]:
        """The document's title."""
        return self._data.get("title")

    @property
    def framework(self) -> str:
        """The id of the framework scored against."""
        return str(self._data.get("framework"))

    @property
    def score(self) -> Optional[float]:
        """The scorecard score in [0, 1]: weighted mean of the perspective scores."""
        return self._data.get("score")

    @property
    def model_score(self) -> Optional[float]:
        """The ISO 23592 model score in [0, 1]: weighted mean of the dimension scores."""
        return self._data.get("model_score")

    @property
    def status(self) -> str:
        """green, amber, red or missing."""
        return str(self._data.get("status"))

    @property
    def coverage(self) -> Optional[float]:
        """The weight share of indicators that have a value."""
        return self._data.get("coverage")

    @property
    def level_attained(self) -> int:
        """The highest pyramid level met together with every level below it (0 to 4)."""
        return int(self._data.get("level_attained") or 0)

    @property
    def outcome(self) -> str:
        """below_satisfaction, satisfaction or delight."""
        return str(self._data.get("outcome"))

    @property
    def focus_level(self) -> Optional[int]:
        """The next pyramid level to work on (None at level 4)."""
        return self._data.get("focus_level")

    @property
    def perspectives(self) -> list[dict[str, Any]]:
        return list(self._get("perspectives"))

    @property
    def dimensions(self) -> list[dict[str, Any]]:
        return list(self._get("dimensions"))

    @property
    def elements(self) -> list[dict[str, Any]]:
        return list(self._get("elements"))

    @property
    def levels(self) -> list[dict[str, Any]]:
        return list(self._get("levels"))

    @property
    def principles(self) -> list[dict[str, Any]]:
        return list(self._get("principles"))

    @property
    def indicators(self) -> list[dict[str, Any]]:
        return list(self._get("indicators"))

    @property
    def gaps(self) -> list[dict[str, Any]]:
        return list(self._get("gaps"))

    @property
    def priorities(self) -> list[dict[str, Any]]:
        return list(self._get("priorities"))

    def __repr__(self) -> str:
        title = self._data.get("title")
        head = f"{title!r}: " if title else ""
        return (
            f"<Report {head}score {fmt(self.score)} ({self.status}), model {fmt(self.model_score)}, "
            f"level {self.level_attained}/4 ({self.outcome}), coverage {fmt(self.coverage)}, "
            f"{counted(len(self._rows('indicators')), 'indicator')}>"
        )

    def _repr_html_(self) -> str:
        # The full report, charts included, in an iframe so its styles stay its own.
        page = html.escape(self.to_html(), quote=True)
        title = html.escape(fmt(self._data.get("title") or "servex report"), quote=True)
        return (
            f'<iframe srcdoc="{page}" title="{title}" '
            'style="width: 100%; height: 900px; border: 1px solid #d0d7de; border-radius: 6px"></iframe>'
        )


class Framework(_Views):
    """A service excellence framework (the built-in ISO 23592 model or a custom one)."""

    __slots__ = ()
    VIEWS: ClassVar[dict[str, Sequence[str]]] = {
        "principles": ("id", "title", "summary"),
        "dimensions": ("id", "title", "perspective", "weight", "elements", "summary"),
        "elements": ("id", "title", "dimension", "weight", "levels", "summary"),
        "levels": ("level", "id", "title", "outcome", "summary"),
        "perspectives": ("id", "title", "question"),
    }

    def _rows(self, view: str) -> list[dict[str, Any]]:
        if view == "elements":
            return self.elements
        if view == "dimensions":
            dims = copy.deepcopy(self._data.get("dimensions") or [])
            for d in dims:
                d["elements"] = [e["id"] for e in d.get("elements") or []]
            return list(dims)
        return list(self._data.get(view) or [])

    @property
    def id(self) -> str:
        return str(self._data.get("id"))

    @property
    def title(self) -> Optional[str]:
        return self._data.get("title")

    @property
    def principles(self) -> list[dict[str, Any]]:
        """The principles: id, title, summary."""
        return list(self._get("principles") or [])

    @property
    def dimensions(self) -> list[dict[str, Any]]:
        """The dimensions, each with its elements."""
        return list(self._get("dimensions") or [])

    @property
    def elements(self) -> list[dict[str, Any]]:
        """Every element of every dimension, with the id of its `dimension`."""
        out = []
        for d in self._data.get("dimensions") or []:
            for e in d.get("elements") or []:
                out.append(dict(copy.deepcopy(e), dimension=d.get("id")))
        return out

    @property
    def levels(self) -> list[dict[str, Any]]:
        """The four pyramid levels, from 1 to 4."""
        return list(self._get("levels") or [])

    @property
    def perspectives(self) -> list[dict[str, Any]]:
        return list(self._get("perspectives") or [])

    def element(self, id: str) -> dict[str, Any]:
        """One element by id (KeyError if there is none)."""
        for e in self.elements:
            if e.get("id") == id:
                return e
        raise KeyError(id)

    def __repr__(self) -> str:
        return (
            f"<Framework {self.id!r}: {len(self.principles)} principles, {len(self.dimensions)} dimensions, "
            f"{len(self.elements)} elements, {len(self.levels)} levels>"
        )

    def _repr_html_(self) -> str:
        return "".join(
            [
                f"<div><h4>{html.escape(fmt(self.title or self.id))}</h4>",
                html_table(
                    ("id", "title", "perspective", "weight", "elements"), self._rows("dimensions"), "Dimensions"
                ),
                html_table(("id", "title", "dimension", "levels"), self.elements, "Elements"),
                html_table(("level", "title", "outcome"), self.levels, "Pyramid levels"),
                "</div>",
            ]
        )


class _Metric(Result):
    """A one-row metric result."""

    __slots__ = ()
    COLUMNS: Sequence[str] = ()
    HEADLINE: Sequence[str] = ()

    def to_pandas(self) -> Any:
        """A one-row pandas DataFrame."""
        return to_pandas(Table(self.COLUMNS, [self._data]))

    def to_polars(self) -> Any:
        """A one-row polars DataFrame."""
        return to_polars(Table(self.COLUMNS, [self._data]))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({_fields(self, self.HEADLINE)})"

    def _repr_html_(self) -> str:
        return html_table(self.COLUMNS, [self._data], type(self).__name__)

    def __getattr__(self, name: str) -> Any:
        # Fields of the SPEC shape that have no property of their own.
        if name.startswith("_") or name not in self.COLUMNS:
            raise AttributeError(name)
        return copy.deepcopy(self._data.get(name))


class NpsResult(_Metric):
    """Net Promoter Score (SPEC 7): score on -100..100 with a confidence interval."""

    __slots__ = ()
    COLUMNS = ("n", "promoters", "passives", "detractors", "n_eff", "score", "se", "ci_low", "ci_high",
               "method", "confidence", "skipped")  # fmt: skip
    HEADLINE = ("score", "ci_low", "ci_high", "n")

    @property
    def score(self) -> float:
        return float(self._data["score"])

    @property
    def ci_low(self) -> float:
        return float(self._data["ci_low"])

    @property
    def ci_high(self) -> float:
        return float(self._data["ci_high"])

    @property
    def n(self) -> int:
        return int(self._data["n"])


class CsatResult(_Metric):
    """Customer satisfaction (SPEC 7): share of top-box answers on 0..100, Wilson interval."""

    __slots__ = ()
    COLUMNS = ("n", "n_eff", "satisfied", "score", "ci_low", "ci_high", "confidence", "skipped")
    HEADLINE = ("score", "ci_low", "ci_high", "n")

    @property
    def score(self) -> float:
        return float(self._data["score"])

    @property
    def ci_low(self) -> float:
        return float(self._data["ci_low"])

    @property
    def ci_high(self) -> float:
        return float(self._data["ci_high"])

    @property
    def n(self) -> int:
        return int(self._data["n"])


class CesResult(_Metric):
    """Customer effort score (SPEC 7): mean with a confidence interval, and net agreement."""

    __slots__ = ()
    COLUMNS = ("n", "n_eff", "mean", "agree", "disagree", "net", "se", "ci_low", "ci_high", "confidence",
               "skipped")  # fmt: skip
    HEADLINE = ("mean", "net", "n")

    @property
    def mean(self) -> float:
        return float(self._data["mean"])

    @property
    def net(self) -> float:
        return float(self._data["net"])

    @property
    def n(self) -> int:
        return int(self._data["n"])


M = TypeVar("M", NpsResult, CsatResult, CesResult)

_METRICS: dict[str, Any] = {"nps": NpsResult, "csat": CsatResult, "ces": CesResult}

#: A comparison's fields (SPEC 11) as DataFrame columns; the difference's own standard
#: error and interval are prefixed, so that they do not shadow the group's.
_COMPARISON_COLUMNS = {
    "against": "against",
    "diff": "diff",
    "se": "diff_se",
    "ci_low": "diff_ci_low",
    "ci_high": "diff_ci_high",
    "z": "z",
    "p_value": "p_value",
    "p_adjusted": "p_adjusted",
    "significant": "significant",
}

#: A funnel row's fields (SPEC 12.2) as DataFrame columns; `z` is prefixed, so that it
#: does not shadow a comparison's.
_FUNNEL_COLUMNS = {
    "z": "funnel_z",
    "lower_95": "lower_95",
    "upper_95": "upper_95",
    "lower_998": "lower_998",
    "upper_998": "upper_998",
    "warning": "warning",
    "flag": "flag",
}


class GroupedResult(Result, Generic[M]):
    """One metric result per group, in order of first appearance (SPEC 7). Grouped by
    several key columns (``servex.tally(data, ..., by=[...])``), groups are named by
    tuples of keys and a DataFrame has one column per key."""

    __slots__ = ("_keys", "_metric")

    _metric: str
    _keys: Keys

    def __init__(self, data: dict[str, Any], metric: str = "nps", keys: Keys = None) -> None:
        super().__init__(data)
        self._metric = metric
        self._keys = keys

    def __getstate__(self) -> dict[str, Any]:
        return {"servex": 1, "data": self._data, "metric": self._metric, "keys": self._keys}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._data = state["data"]
        self._metric = state["metric"]
        keys = state.get("keys")
        self._keys = tuple(keys) if keys is not None else None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GroupedResult):
            return NotImplemented
        return (self._metric, self._keys, self._data) == (other._metric, other._keys, other._data)

    __hash__ = None

    @property
    def metric(self) -> str:
        """nps, csat or ces."""
        return self._metric

    @property
    def keys(self) -> Optional[tuple[str, ...]]:
        """The key columns when grouped by several (labels are then tuples), else None."""
        return self._keys

    @property
    def labels(self) -> list[Any]:
        """The group labels, in order of first appearance (tuples of keys when grouped
        by several columns)."""
        return [to_key(self._keys, g["group"]) for g in self._data["groups"]]

    def _row(self, label: Any) -> dict[str, Any]:
        """The row of the group named ``label`` (``1`` and ``"1"`` are different)."""
        wanted = to_label(self._keys, label)
        groups: list[dict[str, Any]] = self._data["groups"]
        for g in groups:
            if g["group"] == wanted and type(g["group"]) is type(wanted):
                return g
        raise KeyError(label)

    def group(self, label: Any) -> M:
        """The result of one group (KeyError if it has none)."""
        row = {k: v for k, v in copy.deepcopy(self._row(label)).items() if k != "group"}
        result: M = _METRICS[self._metric](row)
        return result

    def __iter__(self) -> Iterator[Any]:
        return iter(self.labels)

    def __len__(self) -> int:
        return len(self._data["groups"])

    @property
    def compared(self) -> bool:
        """Whether the groups were compared (``compare=``)."""
        return any("comparison" in g for g in self._data["groups"])

    def comparison(self, label: Any) -> Optional[dict[str, Any]]:
        """The comparison of one group (SPEC 11), None where it has none (KeyError if
        the group has no result)."""
        comparison = copy.deepcopy(self._row(label).get("comparison"))
        if comparison is not None:
            comparison["against"] = to_key(self._keys, comparison["against"])
        return comparison

    @property
    def funnel(self) -> Optional[dict[str, Any]]:
        """With ``funnel=``: its target, tau2 and phi (SPEC 12.2); None without."""
        return copy.deepcopy(self._data.get("funnel"))

    def _columns(self) -> tuple[str, ...]:
        columns: tuple[str, ...] = (*(self._keys or ("group",)), *_METRICS[self._metric].COLUMNS)
        if "funnel" in self._data:
            columns = (*columns, *_FUNNEL_COLUMNS.values())
        return (*columns, *_COMPARISON_COLUMNS.values()) if self.compared else columns

    def _rows(self) -> list[dict[str, Any]]:
        rows = []
        for g in self._data["groups"]:
            row = dict(g)
            for member, names in (("funnel", _FUNNEL_COLUMNS), ("comparison", _COMPARISON_COLUMNS)):
                if member in g:
                    values = g.get(member) or {}
                    row.update({column: values.get(field) for field, column in names.items()})
            if self._keys is not None:
                row.update(zip(self._keys, to_key(self._keys, g["group"])))
                if "against" in row:
                    row["against"] = to_key(self._keys, row["against"])
            rows.append(row)
        return rows

    def _table(self) -> Table:
        return Table(self._columns(), self._rows())

    def svg(self, chart: Optional[str] = None) -> str:
        """A chart of the groups as SVG: ``"forest"``, the comparison (each group's
        difference and interval, significant rows marked), or ``"funnel"``, the funnel
        plot (each group against the target and its limits). By default the forest plot
        when the groups were compared, else the funnel plot."""
        if chart is None:
            chart = "forest" if self.compared or "funnel" not in self._data else "funnel"
        if chart == "forest":
            return str(_servex.render_comparison(self._data))
        if chart == "funnel":
            return str(_servex.render_funnel(self._data))
        raise InvalidDocumentError(f'a grouped result draws "forest" or "funnel", not {chart!r}', path="/chart")

    def to_pandas(self) -> Any:
        """A pandas DataFrame, one row per group (column `group` first, or one column
        per key)."""
        return to_pandas(self._table())

    def to_polars(self) -> Any:
        """A polars DataFrame, one row per group (mixed int and str labels become text)."""
        return to_polars(self._table())

    def __repr__(self) -> str:
        labels = ", ".join(repr(label) for label in self.labels[:6])
        more = ", ..." if len(self) > 6 else ""
        return f"<GroupedResult {self._metric}: {len(self)} groups ({labels}{more})>"

    def _repr_html_(self) -> str:
        table = html_table(self._columns(), self._rows(), f"{self._metric.upper()} by group")
        charts = [self.svg("forest")] if self.compared else []
        charts += [self.svg("funnel")] if "funnel" in self._data else []
        return table + "".join(charts)


class ServqualResult(_Views):
    """SERVQUAL gaps (SPEC 7): perception minus expectation, by item and dimension."""

    __slots__ = ()
    VIEWS: ClassVar[dict[str, Sequence[str]]] = {"dimensions": ("dimension", "gap"), "items": ("item", "gap")}

    @property
    def respondents(self) -> int:
        return int(self._data["respondents"])

    @property
    def gap(self) -> float:
        return float(self._data["gap"])

    @property
    def weighted_gap(self) -> Optional[float]:
        return self._data.get("weighted_gap")

    @property
    def dissatisfied(self) -> float:
        return float(self._data["dissatisfied"])

    @property
    def satisfied(self) -> float:
        return float(self._data["satisfied"])

    @property
    def delighted(self) -> float:
        return float(self._data["delighted"])

    @property
    def delight_rate(self) -> float:
        return float(self._data["delight_rate"])

    @property
    def dimensions(self) -> list[dict[str, Any]]:
        return list(self._get("dimensions"))

    @property
    def items(self) -> list[dict[str, Any]]:
        return list(self._get("items"))

    def __repr__(self) -> str:
        return f"ServqualResult({_fields(self, ('gap', 'weighted_gap', 'delight_rate', 'respondents'))})"

    def _repr_html_(self) -> str:
        head = ("respondents", "gap", "weighted_gap", "dissatisfied", "satisfied", "delighted")
        return html_table(head, [self._data], "SERVQUAL") + html_table(
            ("dimension", "gap"), self._rows("dimensions"), "Dimensions"
        )


class KanoResult(Result):
    """Kano classification of features (SPEC 7)."""

    __slots__ = ()
    COLUMNS = ("attribute", "n", "A", "O", "M", "I", "R", "Q", "category", "better", "worse",
               "total_strength", "category_strength", "significant")  # fmt: skip

    @property
    def attributes(self) -> list[dict[str, Any]]:
        """One classification per attribute: counts, category, better/worse, significance."""
        return list(self._get("attributes"))

    def category(self, attribute: Union[int, str]) -> str:
        """The Kano category (A, O, M, I, R or Q) of one attribute."""
        for a in self._data["attributes"]:
            if a["attribute"] == attribute:
                return str(a["category"])
        raise KeyError(attribute)

    def _table(self) -> Table:
        rows = [dict(a, **a.get("counts", {})) for a in self._data["attributes"]]
        return Table(self.COLUMNS, rows)

    def to_pandas(self) -> Any:
        """A pandas DataFrame, one row per attribute (the counts as columns A, O, M, I, R, Q)."""
        return to_pandas(self._table())

    def to_polars(self) -> Any:
        """A polars DataFrame, one row per attribute."""
        return to_polars(self._table())

    def __repr__(self) -> str:
        cats = ", ".join(f"{a['attribute']}: {a['category']}" for a in self._data["attributes"][:8])
        return f"<KanoResult {cats}>"

    def _repr_html_(self) -> str:
        t = self._table()
        rows = [dict(zip(t.columns, values)) for values in zip(*t.columns.values())]
        return html_table(self.COLUMNS, rows, "Kano")


class UnitsResult(Result):
    """Many units scored on one template (SPEC 12.1): each unit's scores and rank, a
    summary with quartiles, per-indicator status counts."""

    __slots__ = ()
    COLUMNS = ("id", "title", "score", "model_score", "status", "coverage", "level_attained", "outcome",
               "focus_level", "rank")  # fmt: skip

    @property
    def units(self) -> list[dict[str, Any]]:
        return list(self._get("units"))

    @property
    def summary(self) -> dict[str, Any]:
        return dict(self._get("summary"))

    @property
    def indicators(self) -> list[dict[str, Any]]:
        return list(self._get("indicators"))

    def _table(self) -> Table:
        units = self._data["units"]
        rows = []
        extra: list[str] = []
        for u in units:
            row = {c: u.get(c) for c in self.COLUMNS}
            for view in ("perspectives", "dimensions", "elements"):
                for key, value in (u.get(view) or {}).items():
                    name = f"{view[:-1]}:{key}"
                    if name not in extra:
                        extra.append(name)
                    row[name] = value
            rows.append(row)
        return Table((*self.COLUMNS, *extra), rows)

    def to_pandas(self) -> Any:
        """One row per unit: its scores, rank, level, and each perspective's,
        dimension's and element's score (columns ``perspective:ID`` and so on)."""
        return to_pandas(self._table())

    def to_polars(self) -> Any:
        """As ``to_pandas``, with polars."""
        return to_polars(self._table())

    def svg(self) -> str:
        """The units overview as SVG: a histogram of the units' scores under their
        quartiles, the lowest and highest units named, and units per pyramid level."""
        return str(_servex.render_units(self._data))

    def html(self) -> str:
        """The HTML report of the units: the overview, the units by rank and each
        indicator's statuses across them (one self-contained page)."""
        return str(_servex.render_units_html(self._data))

    def __repr__(self) -> str:
        s = self._data["summary"]
        return f"<UnitsResult {s['units']} units, {s['scored']} scored, median {fmt(s['score']['median'])}>"

    def _repr_html_(self) -> str:
        return self.svg() + html_table(self.COLUMNS, self._data["units"], "Units")
