"""``Scorecard``: a scorecard document (SPEC 2), checked by the core when built."""

from __future__ import annotations

import copy
import json
import math
import sys
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union

from . import _servex
from ._errors import InvalidDocumentError
from ._results import Report
from ._tables import counted, html_table

__all__ = ["Scorecard"]

Document = Union[Mapping[str, Any], str]


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    pd = sys.modules.get("pandas")
    return pd is not None and (v is pd.NA or v is pd.NaT)


def _plain(v: Any) -> Any:
    """numpy scalars and arrays as Python data."""
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
        return v.tolist()
    return v


def _whole(v: Any) -> Any:
    return int(v) if isinstance(v, float) and v.is_integer() else v


def _cell(column: str, v: Any) -> Any:
    v = _plain(v)
    if column == "levels":
        if isinstance(v, str):
            return [int(x) for x in v.replace(";", ",").split(",") if x.strip()]
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return [_whole(v)]
        if isinstance(v, (list, tuple)):
            return [_whole(x) for x in v]
    if column == "principles" and isinstance(v, str):
        return [x.strip() for x in v.replace(";", ",").split(",") if x.strip()]
    return v


def _indicator(row: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column, v in row.items():
        name = str(column)
        if not isinstance(v, (list, tuple, dict)) and not hasattr(v, "__len__") and _missing(v):
            continue
        v = _cell(name.split(".")[0], v)
        if name.count(".") == 1:
            # "thresholds.green", "meta.owner": a member of an object field.
            field, key = name.split(".")
            out.setdefault(field, {})[key] = v
        else:
            out[name] = v
    return out


class Scorecard:
    """A scorecard document (SPEC 2): built from a dict, JSON text or a DataFrame of
    indicators. Its shape (fields, types, version, limits) is checked by the core at
    once; references (elements, perspectives, scales) are resolved when it is scored.
    Either raises ``servex.ServexError``."""

    __slots__ = ("_doc",)

    _doc: dict[str, Any]

    def __init__(self, document: Document) -> None:
        if isinstance(document, Scorecard):
            self._doc = copy.deepcopy(document._doc)
            return
        if not isinstance(document, (str, dict)) and isinstance(document, Mapping):
            document = dict(document)
        self._doc = _servex.document(document)

    @classmethod
    def from_json(cls, text: str) -> Scorecard:
        """A scorecard from JSON text."""
        return cls(str(text))

    @classmethod
    def sample(cls) -> Scorecard:
        """The sample organisation: Acme Home Care, a fictional home-care provider."""
        return cls(_servex.SAMPLE_JSON)

    @classmethod
    def from_pandas(
        cls,
        df: Any,
        *,
        title: Optional[str] = None,
        framework: Union[str, Mapping[str, Any], None] = None,
        perspectives: Optional[Sequence[Mapping[str, Any]]] = None,
        scales: Optional[Mapping[str, Any]] = None,
        options: Optional[Mapping[str, Any]] = None,
    ) -> Scorecard:
        """A scorecard whose indicators are the rows of a DataFrame (pandas or polars).

        Columns are named like the indicator fields (``id``, ``title``, ``element``,
        ``perspective``, ``levels``, ``principles``, ``weight``, ``value``,
        ``baseline``, ``target``, ``scale``, ``unit``, ``evidence``, ``history``, ...);
        ``thresholds.green`` or ``meta.owner`` fill a member of an object field. Empty
        cells (None, NaN, NA) are absent fields; ``levels`` and ``principles`` may be
        lists or comma-separated text; an unknown column is ``invalid_document``.
        The index is used as ``id`` when there is no ``id`` column and it is named ``id``.
        """
        rows: list[Mapping[str, Any]]
        if hasattr(df, "to_dicts"):  # polars
            rows = df.to_dicts()
        elif hasattr(df, "to_dict"):  # pandas
            if "id" not in df.columns and getattr(df.index, "name", None) == "id":
                df = df.reset_index()
            rows = df.to_dict("records")
        elif isinstance(df, (list, tuple)):
            rows = list(df)
        else:
            raise InvalidDocumentError(
                f"from_pandas takes a pandas or polars DataFrame, not {type(df).__name__}", path="/indicators"
            )
        for i, row in enumerate(rows):
            if not isinstance(row, Mapping):
                raise InvalidDocumentError(
                    f"a row is a mapping of fields, not {type(row).__name__}", path=f"/indicators/{i}"
                )
        document: dict[str, Any] = {"servex": 1}
        for key, value in (("title", title), ("framework", framework), ("perspectives", perspectives),
                           ("scales", scales)):  # fmt: skip
            if value is not None:
                document[key] = value
        document["indicators"] = [_indicator(row) for row in rows]
        if options is not None:
            document["options"] = options
        return cls(document)

    def to_dict(self) -> dict[str, Any]:
        """The document as JSON-compatible data (every field that was written)."""
        return copy.deepcopy(self._doc)

    def to_json(self, indent: Optional[int] = None) -> str:
        """The document as JSON text."""
        return json.dumps(self._doc, indent=indent, ensure_ascii=False)

    def score(self) -> Report:
        """Scores the document (the same as ``servex.score(self)``)."""
        return Report(_servex.call("score", self._doc), self._doc)

    @property
    def title(self) -> Optional[str]:
        return self._doc.get("title")

    @property
    def indicators(self) -> list[dict[str, Any]]:
        """The indicators as written."""
        return copy.deepcopy(self._doc.get("indicators") or [])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Scorecard):
            return NotImplemented
        return self._doc == other._doc

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> dict[str, Any]:
        return {"servex": 1, "document": self._doc}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._doc = state["document"]

    def __repr__(self) -> str:
        title = f"{self.title!r}, " if self.title else ""
        return f"<Scorecard {title}{counted(len(self._doc.get('indicators') or []), 'indicator')}>"

    def _repr_html_(self) -> str:
        columns = ("id", "title", "element", "perspective", "value", "baseline", "target", "scale")
        return html_table(columns, self._doc.get("indicators") or [], self.title or "Scorecard")
