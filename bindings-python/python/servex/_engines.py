"""``servex.tally(data, response, by=..., weight=...)``: the engine that holds the data
(pandas, polars eager or lazy, pyarrow, DuckDB, PySpark, Dask, and any other table
narwhals reads) counts, servex finishes. Only the tally (per group and answer: count,
weight sum, squared-weight sum) crosses into Python."""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from typing import Any, Optional, Union

from . import _servex
from ._errors import InvalidDocumentError, InvalidValueError
from ._keys import label_of
from ._tally import Tally

__all__ = ["tally"]

_N, _SEEN, _W, _Q, _MIN, _MAX = (
    "__servex_n",
    "__servex_seen",
    "__servex_w",
    "__servex_q",
    "__servex_min",
    "__servex_max",
)


def tally(
    data: Any,
    response: str,
    *,
    by: Union[str, Sequence[str], None] = None,
    weight: Optional[str] = None,
) -> Tally:
    """Tallies column ``response`` of ``data`` (a pandas, polars or pyarrow table, a
    polars LazyFrame, a DuckDB relation, a PySpark or Dask DataFrame, ...) per value of
    the key column ``by`` (or of several: a list), with design weights from column
    ``weight``: the group-by runs in the data's own engine (a polars LazyFrame with
    the streaming engine), and only its result (one row per group and answer) is
    collected. Finish the tally with ``.nps()``, ``.csat()`` or ``.ces()``.

    Groups come in the order of their keys (an engine has no row order); grouped by
    several columns, a group is named by the tuple of its keys. A null answer is an
    answer that is not on any scale (``invalid="skip"`` drops it). A column that is
    missing or of the wrong type is ``InvalidDocumentError`` (answers and weights are
    numbers, keys text or integers); a null key, or a weight that is null, NaN,
    negative or past SPEC 8's largest magnitude, is ``InvalidValueError``; both name
    the column.
    """
    with warnings.catch_warnings():
        # narwhals announces that its Dask support moves to a package not yet
        # published; it works as it is, and the user can do nothing about it.
        warnings.filterwarnings("ignore", message="Dask support is moving", category=FutureWarning)
        return _tally(data, response, by, weight)


def _named(column: Any, path: str) -> None:
    if not isinstance(column, str):
        raise InvalidDocumentError(f"a column is named by text, not {column!r}", path=path)


def _key_paths(by: Any) -> list[tuple[str, str]]:
    """Each key column with where an error about it points."""
    if by is None:
        return []
    if isinstance(by, str):
        return [(by, "/by")]
    if not isinstance(by, (list, tuple)):
        raise InvalidDocumentError(f"by must name a column or a list of columns, not {type(by).__name__}", path="/by")
    for i, key in enumerate(by):
        _named(key, f"/by/{i}")
    return [(key, f"/by/{i}") for i, key in enumerate(by)]


def _categorical(nw: Any, dtype: Any) -> bool:
    return bool(dtype == nw.Categorical or dtype == nw.Enum)


def _tally(data: Any, response: Any, by: Any, weight: Any) -> Tally:
    import narwhals as nw

    _named(response, "/response")
    if weight is not None:
        _named(weight, "/weight")
    key_paths = _key_paths(by)
    keys = [key for key, _ in key_paths]

    try:
        frame = nw.from_native(data)
    except TypeError:
        raise InvalidDocumentError(
            f"data must be a table (pandas, polars, pyarrow, DuckDB, Spark, Dask, ...), not {type(data).__name__}",
            path="",
        ) from None
    schema = frame.collect_schema()
    _check_schema(nw, schema, response, key_paths, weight)

    lazy = frame.lazy()
    aggregations = [nw.len().alias(_N)]
    if weight is not None:
        if schema[weight] != nw.Float64:
            # Squares and sums of doubles, as servex computes them.
            lazy = lazy.with_columns(nw.col(weight).cast(nw.Float64))
        # Elementary aggregations of plain columns only: every engine computes them.
        lazy = lazy.with_columns((nw.col(weight) * nw.col(weight)).alias(_Q))
        aggregations += [
            nw.col(weight).count().alias(_SEEN),
            nw.col(weight).sum().alias(_W),
            nw.col(_Q).sum().alias(_Q),
            nw.col(weight).min().alias(_MIN),
            nw.col(weight).max().alias(_MAX),
        ]
    # Casts on the counted rows, not on the data: answers (decimals, integers) as
    # doubles, categorical keys as text.
    texts = [nw.col(k).cast(nw.String) for k in keys if _categorical(nw, schema[k])]
    counted = (
        lazy.group_by([*keys, response]).agg(*aggregations).with_columns(nw.col(response).cast(nw.Float64), *texts)
    )
    streaming = {"engine": "streaming"} if frame.implementation is nw.Implementation.POLARS else {}
    table = counted.collect(backend="pyarrow", **streaming).to_native()
    table = table.sort_by([(k, "ascending") for k in [*keys, response]])
    return _from_counts(table.to_pydict(), response, key_paths, weight)


def _check_schema(nw: Any, schema: Any, response: str, key_paths: list[tuple[str, str]], weight: Optional[str]) -> None:
    """Missing columns and columns of the wrong type, named before the engine runs."""
    columns = [("/response", response), *((path, k) for k, path in key_paths)]
    columns += [("/weight", weight)] if weight is not None else []
    seen: dict[str, str] = {}
    for path, column in columns:
        if column not in schema:
            raise InvalidDocumentError(f"the data has no column {column!r}", path=path)
        if column in seen:
            raise InvalidDocumentError(f"column {column!r} is named twice ({seen[column]} and {path})", path=path)
        seen[column] = path
        dtype = schema[column]
        if path.startswith("/by"):
            if not (dtype.is_integer() or dtype == nw.String or _categorical(nw, dtype)):
                raise InvalidDocumentError(
                    f"column {column!r} holds {dtype} values: a group key is text or an integer (cast the column)",
                    path=path,
                )
        elif not dtype.is_numeric():
            raise InvalidDocumentError(f"column {column!r} holds {dtype} values, not numbers", path=path)


def _from_counts(
    columns: dict[str, list[Any]], response: str, key_paths: list[tuple[str, str]], weight: Optional[str]
) -> Tally:
    """The collected counts, checked, as a tally; several keys as one label per tuple."""
    counts = columns[_N]
    keys = [key for key, _ in key_paths]
    for key, path in key_paths:
        missing = sum(n for n, k in zip(counts, columns[key]) if k is None)
        if missing:
            message = f"column {key!r} has no value in {missing} rows: each row needs a group"
            raise InvalidValueError(message, path=path)
    if weight is not None:
        _check_weights(columns, weight)
    if len(keys) > 1:
        groups: Optional[list[Any]] = [label_of(k) for k in zip(*(columns[key] for key in keys))]
    else:
        groups = columns[keys[0]] if keys else None
    weighted = weight is not None
    counted = Tally(
        columns[response],
        groups=groups,
        counts=counts,
        weights=columns[_W] if weighted else None,
        weights_sq=columns[_Q] if weighted else None,
    )
    return Tally._wrap(counted._native, tuple(keys)) if len(keys) > 1 else counted


def _check_weights(columns: dict[str, list[Any]], weight: str) -> None:
    """What the engine's sums would hide: null, NaN, negative or overlarge weights."""
    missing = sum(int(n) - int(seen) for n, seen in zip(columns[_N], columns[_SEEN]))
    if missing:
        raise InvalidValueError(f"column {weight!r} has no weight in {missing} rows", path="/weight")
    if any(w is None or math.isnan(w) for w in columns[_W]):
        raise InvalidValueError(f"column {weight!r} holds NaN", path="/weight")
    lows = [x for x in columns[_MIN] if x is not None]
    if lows and min(lows) < 0:
        raise InvalidValueError(f"column {weight!r} holds a negative weight ({min(lows)})", path="/weight")
    highs = [x for x in columns[_MAX] if x is not None]
    if highs and max(highs) > _servex.MAX_MAGNITUDE:
        message = f"column {weight!r} holds a weight past {_servex.MAX_MAGNITUDE:g} ({max(highs)})"
        raise InvalidValueError(message, path="/weight")
