"""``servex.score_units(scorecard, values, ...)``: many units from a data frame of
values, long (one row per unit, indicator and period) or wide (one row per unit, or
per unit and period, one column per indicator). The columns travel to the core as
codes and float64 values; the core scores them as the SPEC 12.1 document they
describe, without any per-unit document being built."""

from __future__ import annotations

from typing import Any, Optional

import numpy as np

from . import _servex
from ._errors import InvalidDocumentError, InvalidValueError, ServexError

__all__ = ["units_from_table"]

#: A label column as the core takes it: the distinct labels, and one code per row.
Codes = tuple[list[str], Any]


def units_from_table(
    template: Any, values: Any, *, unit: Any, indicator: Any, value: Any, period: Optional[Any]
) -> Any:
    """The result dict of ``score_units`` for the units of table ``values``; a fault is
    at the user's column (``/branch/3`` for ``unit="branch"``) and row."""
    import narwhals as nw

    try:
        frame = nw.from_native(values)
    except TypeError:
        raise InvalidDocumentError(
            f"values must be a table (pandas, polars, pyarrow), not {type(values).__name__}", path=""
        ) from None
    if isinstance(frame, nw.LazyFrame):
        frame = frame.collect()
    if not isinstance(frame, nw.DataFrame):
        raise InvalidDocumentError("values must be a table, not a single column", path="")
    names = list(frame.columns)
    for member, column in (("unit", unit), ("period", period)):
        if column is not None and column not in names:
            raise InvalidDocumentError(f"the table has no column {column!r}", path=f"/{member}")
    keys = [unit] + ([period] if period is not None else [])
    columns = {"unit": unit, "indicator": indicator, "value": value, "period": period}
    # Long when it has both an indicator and a value column; else every other column
    # is an indicator (a template may well have an indicator called "indicator").
    if indicator in names and value not in names and indicator not in _ids(template):
        raise InvalidDocumentError(f"the table has no column {value!r}", path="/value")
    if indicator in names and value in names:
        try:
            indicators = _labels(frame.get_column(indicator), "indicator")
            numbers = _values(frame.get_column(value), "value")
            return _score(template, [frame.get_column(k) for k in keys], indicators, numbers, 1)
        except ServexError as e:
            raise _moved(e, lambda member, row: (columns[member], row)) from None
    measured = [c for c in names if c not in keys]
    if not measured:
        raise InvalidDocumentError(f"the table has no column {indicator!r} and no indicator columns", path="/indicator")
    # Wide: column c, row r becomes long row c * height + r.
    height = len(frame)

    def place(member: str, row: int) -> tuple[Any, int]:
        column, at = divmod(row, height)
        return (measured[column], at) if member in ("value", "indicator") else (columns[member], at)

    try:
        numbers = np.concatenate([_values(frame.get_column(c), str(c)) for c in measured]) if height else np.zeros(0)
        codes = np.repeat(np.arange(len(measured), dtype=np.uint32), height)
        rows = [frame.get_column(k) for k in keys]
        return _score(template, rows, ([str(c) for c in measured], codes), numbers, len(measured))
    except ServexError as e:
        raise _moved(e, place) from None


def _ids(template: Any) -> list[Any]:
    """The template's indicator ids, when it is a dict (JSON text is the core's to read)."""
    indicators = template.get("indicators") if isinstance(template, dict) else None
    return [i.get("id") for i in indicators if isinstance(i, dict)] if isinstance(indicators, list) else []


def _score(template: Any, keys: list[Any], indicators: Codes, numbers: Any, repeat: int) -> Any:
    units = _labels(keys[0], "unit", repeat)
    periods = _periods(keys[1], repeat) if len(keys) > 1 else None
    return _servex.units_long(template, units, indicators, numbers, periods)


def _moved(e: ServexError, place: Any) -> ServexError:
    """A fault at ``/MEMBER`` or ``/MEMBER/ROW`` of the long form, moved to the user's
    column and row (``place(member, row)``)."""
    parts = e.path.split("/")
    if len(parts) < 2 or parts[1] not in ("unit", "indicator", "value", "period"):
        return e
    if len(parts) == 3 and parts[2].isdigit():
        column, row = place(parts[1], int(parts[2]))
        return type(e)(e.message, kind=e.kind, path=f"/{column}/{row}")
    column, _ = place(parts[1], 0)
    return type(e)(e.message, kind=e.kind, path=f"/{column}")


def _labels(series: Any, member: str, repeat: int = 1) -> Codes:
    """Text or whole-number labels as codes in order of first appearance."""
    import narwhals as nw

    _no_nulls(series, member)
    dtype = series.dtype
    if dtype == nw.Categorical or dtype == nw.Enum:
        series = series.cast(nw.String)
    elif not (dtype.is_integer() or dtype == nw.String):
        raise InvalidValueError(f"{member} labels are text or whole numbers, not {dtype}", path=f"/{member}")
    distinct = series.unique(maintain_order=True)
    return [str(label) for label in distinct.to_list()], np.tile(_codes(series, distinct), repeat)


def _periods(series: Any, repeat: int) -> Codes:
    """Periods as codes in time order (the column's own order: dates, numbers or text)."""
    _no_nulls(series, "period")
    try:
        distinct = series.unique().sort()
    except Exception:  # each engine raises its own type for an unsortable column
        raise InvalidValueError(f"periods of type {series.dtype} have no order", path="/period") from None
    raw = distinct.to_numpy()
    if np.issubdtype(raw.dtype, np.datetime64):
        labels = [str(t) for t in np.datetime_as_string(raw, unit="auto")]
    else:
        labels = [p.isoformat() if hasattr(p, "isoformat") else str(p) for p in distinct.to_list()]
    return labels, np.tile(_codes(series, distinct), repeat)


def _no_nulls(series: Any, member: str) -> None:
    hits = np.flatnonzero(series.is_null().to_numpy())
    if len(hits):
        row = int(hits[0])
        raise InvalidValueError(f"the {member} column is null at row {row}", path=f"/{member}/{row}")


def _codes(series: Any, distinct: Any) -> Any:
    """Each row's index in ``distinct``, hashed by the table's own engine."""
    import narwhals as nw

    codes = series.replace_strict(distinct.to_list(), list(range(len(distinct))), return_dtype=nw.UInt32)
    return np.ascontiguousarray(codes.to_numpy(), dtype=np.uint32)


def _values(series: Any, name: str) -> Any:
    """Numbers as float64, a null as NaN (not measured)."""
    import narwhals as nw

    dtype = series.dtype
    if not dtype.is_numeric() or dtype == nw.Boolean:
        raise InvalidValueError(f"column {name!r} holds {dtype}, not numbers", path=f"/{name}")
    floats = series.cast(nw.Float64).to_numpy()
    floats = np.asarray(floats, dtype=np.float64)
    nulls = series.is_null().to_numpy()
    if nulls.any():
        floats = floats.copy()
        floats[nulls] = np.nan
    return np.ascontiguousarray(floats)
