"""servex: service excellence scoring (ISO 23592 balanced scorecards) and the customer
metrics that feed it (NPS, CSAT, CES, SERVQUAL, Kano).

>>> import servex
>>> servex.nps([10, 9, 8, 7, 6, 0, 10, 9, 3, 10]).score
20.0
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union, overload

from . import _servex
from ._engines import tally
from ._errors import (
    ERRORS,
    DuplicateIdError,
    EmptyInputError,
    InternalError,
    InvalidDocumentError,
    InvalidIndicatorError,
    InvalidJsonError,
    InvalidValueError,
    LimitExceededError,
    MissingValueError,
    ServexError,
    UnknownFrameworkError,
    UnknownReferenceError,
    UnsupportedVersionError,
)
from ._inputs import answer_matrix, column_names, float_column, groups_column, responses_column
from ._results import (
    CesResult,
    CsatResult,
    Framework,
    GroupedResult,
    KanoResult,
    NpsResult,
    Report,
    Result,
    ServqualResult,
    UnitsResult,
)
from ._scorecard import Scorecard
from ._tally import Tally
from ._units import units_from_table

__version__: str = _servex.__version__

__all__ = [
    "score",
    "score_units",
    "catalogue",
    "sample",
    "nps",
    "csat",
    "ces",
    "servqual",
    "kano",
    "Scorecard",
    "Tally",
    "tally",
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
    "ServexError",
    "InvalidJsonError",
    "InvalidDocumentError",
    "UnsupportedVersionError",
    "UnknownFrameworkError",
    "UnknownReferenceError",
    "DuplicateIdError",
    "InvalidIndicatorError",
    "InvalidValueError",
    "MissingValueError",
    "EmptyInputError",
    "LimitExceededError",
    "InternalError",
    "ERRORS",
    "__version__",
]

#: What ``servex.nps`` and friends accept as a column: a list, a numpy array, a pandas,
#: polars or pyarrow column, or any other flat sequence.
Column = Any


def score(doc: Union[Mapping[str, Any], str, Scorecard]) -> Report:
    """Scores a scorecard document (a dict, JSON text or a ``Scorecard``): SPEC 2 to 6."""
    if isinstance(doc, Scorecard):
        return doc.score()
    if isinstance(doc, str):
        return Report(_servex.call_json("score", _json_text(doc)), doc)
    if not isinstance(doc, dict) and isinstance(doc, Mapping):
        doc = dict(doc)
    return Report(_servex.call("score", doc), doc)


def _json_text(text: str) -> str:
    """JSON text as given; one with a lone surrogate (no Unicode text) is
    ``InvalidJsonError``, as on every front."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidJsonError("the JSON text holds a lone surrogate", path="") from None
    return text


def score_units(
    doc: Union[Mapping[str, Any], str, Scorecard],
    values: Any = None,
    *,
    unit: str = "unit",
    indicator: str = "indicator",
    value: str = "value",
    period: Optional[str] = None,
) -> UnitsResult:
    """Scores many units (branches, sites, teams) on one template scorecard (SPEC 12.1):
    each unit's scores and rank, a summary with quartiles, per-indicator status counts.

    ``score_units(doc)`` takes SPEC 12.1's input, ``{"scorecard": ..., "units": [{"id",
    "title", "values", "history", "meta"}]}`` (a dict or JSON text).

    ``score_units(scorecard, values)`` takes the template (a dict, JSON text or a
    ``Scorecard``) and a pandas, polars or pyarrow table of values, either long (columns
    ``unit``, ``indicator``, ``value``: one row per unit and indicator) or wide (column
    ``unit`` and one column per indicator id). With ``period=`` naming a column (dates,
    numbers or text, in their own order), each unit's latest period is its value and
    the earlier ones its history. A null value is not measured. A fault is at the
    column and row holding it (``/value/12``; ``/COLUMN/ROW`` for a wide table)."""
    if values is not None:
        template = doc.to_dict() if isinstance(doc, Scorecard) else doc
        if isinstance(template, str):
            template = _json_text(template)
        elif not isinstance(template, dict) and isinstance(template, Mapping):
            template = dict(template)
        found = units_from_table(template, values, unit=unit, indicator=indicator, value=value, period=period)
        return UnitsResult(found)
    if isinstance(doc, str):
        return UnitsResult(_servex.call_json("score_units", _json_text(doc)))
    if not isinstance(doc, dict) and isinstance(doc, Mapping):
        doc = dict(doc)
    return UnitsResult(_servex.call("score_units", doc))


def catalogue(framework: Union[str, Mapping[str, Any]] = "iso23592:2021") -> Framework:
    """The framework named by ``framework`` (a built-in id or a framework dict), with
    defaults filled in: principles, dimensions, elements, levels, perspectives."""
    return Framework(_servex.call("catalogue", {"framework": framework}))


def sample() -> Scorecard:
    """The sample organisation, Acme Home Care, as a ``Scorecard``."""
    return Scorecard.sample()


#: What ``compare=`` takes (SPEC 11): ``"first"``, ``"previous"``, ``"rest"`` or
#: ``{"group": label}``.
Compare = Union[str, Mapping[str, Any]]

#: What ``funnel=`` takes (SPEC 12.2): ``True``, or ``{"target": ..., "overdispersion": ...}``.
Funnel = Union[bool, Mapping[str, Any]]


def _columns(weights: Optional[Column], counts: Optional[Column], weights_sq: Optional[Column]) -> dict[str, Any]:
    return {
        "weights": float_column(weights, "weights"),
        "counts": float_column(counts, "counts"),
        "weights_sq": float_column(weights_sq, "weights_sq"),
    }


def _scale_metric(
    name: str,
    responses: Column,
    groups: Optional[Column],
    columns: dict[str, Any],
    options: dict[str, Any],
) -> Any:
    column = responses_column(responses)
    labels, categories = groups_column(groups)
    for key in ("compare", "funnel"):
        if isinstance(options.get(key), Mapping):
            options[key] = dict(options[key])
    data = _servex.scale_metric(name, column, options, labels, categories, **columns)
    if groups is None:
        return {"nps": NpsResult, "csat": CsatResult, "ces": CesResult}[name](data)
    return GroupedResult(data, name)


@overload
def nps(
    responses: Column,
    *,
    groups: None = None,
    method: str = "adjusted_wald",
    confidence: float = 0.95,
    invalid: str = "error",
    weights: Optional[Column] = None,
    counts: Optional[Column] = None,
    weights_sq: Optional[Column] = None,
) -> NpsResult: ...
@overload
def nps(
    responses: Column,
    *,
    groups: Column,
    method: str = "adjusted_wald",
    confidence: float = 0.95,
    invalid: str = "error",
    weights: Optional[Column] = None,
    counts: Optional[Column] = None,
    weights_sq: Optional[Column] = None,
    compare: Optional[Compare] = None,
    adjust: Optional[str] = None,
    funnel: Optional[Funnel] = None,
) -> GroupedResult[NpsResult]: ...
def nps(
    responses: Column,
    *,
    groups: Optional[Column] = None,
    method: str = "adjusted_wald",
    confidence: float = 0.95,
    invalid: str = "error",
    weights: Optional[Column] = None,
    counts: Optional[Column] = None,
    weights_sq: Optional[Column] = None,
    compare: Optional[Compare] = None,
    adjust: Optional[str] = None,
    funnel: Optional[Funnel] = None,
) -> Union[NpsResult, GroupedResult[NpsResult]]:
    """Net Promoter Score of 0..10 answers, on -100..100, with a confidence interval
    (``method`` ``"adjusted_wald"`` or ``"wald"``). With ``groups`` (one label per
    response), one result per group. ``invalid="skip"`` drops invalid answers (NaN,
    None, 11, 7.5) and counts them in ``skipped``; by default the first one raises
    ``InvalidValueError`` at ``/responses/INDEX`` (its position).

    ``weights`` (design weights), ``counts`` (a frequency table) and ``weights_sq``
    (with both: a tally's squared-weight sums) are columns parallel to ``responses``
    (SPEC 10). With ``groups``, ``compare`` (``"first"``, ``"previous"``, ``"rest"``
    or ``{"group": label}``) tests each group's difference, the p-values adjusted by
    ``adjust`` (``"holm"`` by default, ``"bh"`` or ``"none"``; SPEC 11), and
    ``funnel`` (``True`` or ``{"target": ..., "overdispersion": True}``) sets every
    group against a common target with funnel limits (SPEC 12.2)."""
    options = {
        "method": method,
        "confidence": confidence,
        "invalid": invalid,
        "compare": compare,
        "adjust": adjust,
        "funnel": funnel,
    }
    result: Union[NpsResult, GroupedResult[NpsResult]] = _scale_metric(
        "nps", responses, groups, _columns(weights, counts, weights_sq), options
    )
    return result


@overload
def csat(
    responses: Column,
    *,
    groups: None = None,
    scale: int = 5,
    top: int = 2,
    confidence: float = 0.95,
    invalid: str = "error",
    weights: Optional[Column] = None,
    counts: Optional[Column] = None,
    weights_sq: Optional[Column] = None,
) -> CsatResult: ...
@overload
def csat(
    responses: Column,
    *,
    groups: Column,
    scale: int = 5,
    top: int = 2,
    confidence: float = 0.95,
    invalid: str = "error",
    weights: Optional[Column] = None,
    counts: Optional[Column] = None,
    weights_sq: Optional[Column] = None,
    compare: Optional[Compare] = None,
    adjust: Optional[str] = None,
    funnel: Optional[Funnel] = None,
) -> GroupedResult[CsatResult]: ...
def csat(
    responses: Column,
    *,
    groups: Optional[Column] = None,
    scale: int = 5,
    top: int = 2,
    confidence: float = 0.95,
    invalid: str = "error",
    weights: Optional[Column] = None,
    counts: Optional[Column] = None,
    weights_sq: Optional[Column] = None,
    compare: Optional[Compare] = None,
    adjust: Optional[str] = None,
    funnel: Optional[Funnel] = None,
) -> Union[CsatResult, GroupedResult[CsatResult]]:
    """Customer satisfaction: the share (0..100) of answers in the ``top`` boxes of a
    1..``scale`` scale, with a Wilson interval; ``groups``, ``invalid``, the columns and
    ``compare`` as for ``nps``."""
    options = {
        "scale": scale,
        "top": top,
        "confidence": confidence,
        "invalid": invalid,
        "compare": compare,
        "adjust": adjust,
        "funnel": funnel,
    }
    result: Union[CsatResult, GroupedResult[CsatResult]] = _scale_metric(
        "csat", responses, groups, _columns(weights, counts, weights_sq), options
    )
    return result


@overload
def ces(
    responses: Column,
    *,
    groups: None = None,
    scale: int = 7,
    confidence: float = 0.95,
    invalid: str = "error",
    weights: Optional[Column] = None,
    counts: Optional[Column] = None,
    weights_sq: Optional[Column] = None,
) -> CesResult: ...
@overload
def ces(
    responses: Column,
    *,
    groups: Column,
    scale: int = 7,
    confidence: float = 0.95,
    invalid: str = "error",
    weights: Optional[Column] = None,
    counts: Optional[Column] = None,
    weights_sq: Optional[Column] = None,
    compare: Optional[Compare] = None,
    adjust: Optional[str] = None,
    funnel: Optional[Funnel] = None,
) -> GroupedResult[CesResult]: ...
def ces(
    responses: Column,
    *,
    groups: Optional[Column] = None,
    scale: int = 7,
    confidence: float = 0.95,
    invalid: str = "error",
    weights: Optional[Column] = None,
    counts: Optional[Column] = None,
    weights_sq: Optional[Column] = None,
    compare: Optional[Compare] = None,
    adjust: Optional[str] = None,
    funnel: Optional[Funnel] = None,
) -> Union[CesResult, GroupedResult[CesResult]]:
    """Customer effort score on a 1..``scale`` agreement scale (higher is easier): mean
    with its interval, agree, disagree and net (percentages); ``groups``, ``invalid``,
    the columns and ``compare`` as for ``nps``."""
    options = {
        "scale": scale,
        "confidence": confidence,
        "invalid": invalid,
        "compare": compare,
        "adjust": adjust,
        "funnel": funnel,
    }
    result: Union[CesResult, GroupedResult[CesResult]] = _scale_metric(
        "ces", responses, groups, _columns(weights, counts, weights_sq), options
    )
    return result


def servqual(
    expectations: Any,
    perceptions: Any,
    *,
    dimensions: Optional[Mapping[str, Sequence[int]]] = None,
    weights: Optional[Mapping[str, float]] = None,
    tolerance: float = 0.0,
) -> ServqualResult:
    """SERVQUAL gaps (perception - expectation) of two respondents x items matrices
    (lists of rows, 2-D arrays or DataFrames; None or NaN = not answered). The default
    ``dimensions`` is the 22-item SERVQUAL map."""
    kwargs = {
        "expectations": answer_matrix(expectations),
        "perceptions": answer_matrix(perceptions),
        # Mappings as dicts; anything else as given, for the core to name (invalid_document).
        "dimensions": dict(dimensions) if isinstance(dimensions, Mapping) else dimensions,
        "weights": dict(weights) if isinstance(weights, Mapping) else weights,
        "tolerance": tolerance,
    }
    return ServqualResult(_servex.call("servqual", kwargs))


def kano(functional: Any, dysfunctional: Any, *, attributes: Optional[Sequence[str]] = None) -> KanoResult:
    """Kano classification from the functional and dysfunctional answers (1 like, 2
    must-be, 3 neutral, 4 live-with, 5 dislike), respondents x attributes (a flat
    list is one attribute; None or NaN = skipped). A DataFrame's column names are the
    attribute names unless ``attributes`` is given."""
    if attributes is None:
        attributes = column_names(functional)
    kwargs = {
        "functional": answer_matrix(functional),
        "dysfunctional": answer_matrix(dysfunctional),
        "attributes": list(attributes) if attributes is not None else None,
    }
    return KanoResult(_servex.call("kano", kwargs))
