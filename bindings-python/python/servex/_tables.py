"""Rows of results as tables: pandas and polars DataFrames (imported only when asked
for) and the small HTML tables notebooks show."""

from __future__ import annotations

import html
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any, Optional

__all__ = ["Table", "to_pandas", "to_polars", "html_table", "fmt", "counted"]


class Table:
    """Named columns of equal length, built from rows of dicts."""

    def __init__(self, columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> None:
        self.columns: dict[str, list[Any]] = {c: [row.get(c) for row in rows] for c in columns}
        for name, values in self.columns.items():
            # A numeric column with any float is a float column (42 and 1.8 together).
            numbers = [v for v in values if v is not None]
            numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in numbers)
            if numbers and numeric and any(isinstance(v, float) for v in numbers):
                self.columns[name] = [float(v) if v is not None else None for v in values]


def to_pandas(table: Table) -> Any:
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_pandas() needs pandas: pip install pandas") from e
    return pd.DataFrame(table.columns)


def to_polars(table: Table) -> Any:
    try:
        import polars as pl
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_polars() needs polars: pip install polars") from e
    columns: dict[str, list[Any]] = {}
    for name, values in table.columns.items():
        kinds = {type(v) for v in values if v is not None}
        if dict in kinds or tuple in kinds or (len(kinds) > 1 and not kinds <= {int, float}):
            # Free-form data (meta), tuples of keys and mixed labels (1 and "1") become text.
            values = [None if v is None else v if isinstance(v, str) else json.dumps(v) for v in values]
        columns[name] = values
    return pl.DataFrame(columns, strict=False)


def fmt(value: Any) -> str:
    """A cell for a person: short numbers, a dash for null."""
    if value is None:
        return "\u2014"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return f"{value:.4g}" if abs(value) < 1e6 else f"{value:.6g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(fmt(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {fmt(v)}" for k, v in value.items())
    return str(value)


_STATUS = {"green": "#2e7d32", "amber": "#ef8f00", "red": "#c62828", "missing": "#757575"}


def _cell(column: str, value: Any) -> str:
    text = html.escape(fmt(value))
    if column == "status" and value in _STATUS:
        return f'<td><span style="color:{_STATUS[value]}">\u25cf</span> {text}</td>'
    return f"<td>{text}</td>"


def html_table(
    columns: Sequence[str], rows: Sequence[Mapping[str, Any]], caption: Optional[str] = None, limit: int = 50
) -> str:
    """An HTML table of `rows` (at most `limit` of them, then a note)."""
    parts = ['<table class="servex">']
    if caption:
        parts.append(f'<caption style="text-align:left"><b>{html.escape(caption)}</b></caption>')
    parts.append("<thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in columns) + "</tr></thead><tbody>")
    for row in rows[:limit]:
        parts.append("<tr>" + "".join(_cell(c, row.get(c)) for c in columns) + "</tr>")
    parts.append("</tbody></table>")
    if len(rows) > limit:
        parts.append(f"<p>{len(rows) - limit} more rows: see to_pandas()</p>")
    return "".join(parts)


def counted(n: int, noun: str) -> str:
    """``1 indicator``, ``2 indicators``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
