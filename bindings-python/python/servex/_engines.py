"""``servex.tally(data, response, by=..., weight=...)``: the engine that holds the data
(pandas, polars eager or lazy, pyarrow, DuckDB, and any other table narwhals reads)
counts, servex finishes. Only the tally (per group and answer: count, weight sum,
squared-weight sum) crosses into Python."""

from __future__ import annotations

import math
from typing import Any, List, Optional, Sequence, Union

from ._errors import InvalidDocumentError, InvalidValueError
from ._tally import Tally

__all__ = ["tally"]

_N, _W, _Q, _MISSING, _MIN, _MAX = "__servex_n", "__servex_w", "__servex_q", "__servex_missing", "__servex_min", "__servex_max"


def tally(
    data: Any,
    response: str,
    *,
    by: Union[None, str, Sequence[str]] = None,
    weight: Optional[str] = None,
) -> Tally:
    """Tallies column ``response`` of ``data`` (a pandas, polars or pyarrow table, a
    polars LazyFrame, a DuckDB relation, ...) per value of column ``by``, with design
    weights from column ``weight``: the group-by runs in the data's own engine, and
    only its result (one row per group and answer) is collected. Finish the tally with
    ``.nps()``, ``.csat()`` or ``.ces()``.

    Groups come in the order of their labels (an engine has no row order). A null
    answer is an answer that is not on any scale (``invalid="skip"`` drops it); a
    weight that is null, negative or above 1e300 is ``InvalidValueError`` at
    ``/weights``. One ``by`` column for now.
    """
    import narwhals as nw

    try:
        frame = nw.from_native(data)
    except TypeError:
        raise InvalidDocumentError(
            f"data must be a table (pandas, polars, pyarrow, DuckDB, ...), not {type(data).__name__}", path=""
        ) from None
    keys: List[str] = [by] if isinstance(by, str) else list(by or [])
    if len(keys) > 1:
        raise InvalidDocumentError("one by column for now", path="/by")
    names = list(frame.collect_schema().names()) if hasattr(frame, "collect_schema") else list(frame.columns)
    for member, column in [("response", response), *(("by", k) for k in keys), ("weight", weight)]:
        if column is not None and column not in names:
            raise InvalidDocumentError(f"the data has no column {column!r}", path=f"/{member}")
    schema = frame.collect_schema() if hasattr(frame, "collect_schema") else frame.schema
    # Numbers of any type (decimals, integers) as doubles, in the engine: what crosses
    # is then plain floats; a column of another type is left for servex to refuse.
    numeric = [c for c in (response, weight) if c is not None and schema[c].is_numeric()]
    lazy = frame.lazy().with_columns(*(nw.col(c).cast(nw.Float64) for c in numeric))
    aggregations = [nw.len().alias(_N)]
    if weight is not None:
        # Elementary aggregations only (sums, min, max of plain columns): every engine
        # computes them, pyarrow included.
        lazy = lazy.with_columns(
            (nw.col(weight) * nw.col(weight)).alias(_Q),
            nw.col(weight).is_null().cast(nw.Int64).alias(_MISSING),
        )
        aggregations += [
            nw.col(weight).sum().alias(_W),
            nw.col(_Q).sum().alias(_Q),
            nw.col(_MISSING).sum().alias(_MISSING),
            nw.col(weight).min().alias(_MIN),
            nw.col(weight).max().alias(_MAX),
        ]
    counted = lazy.group_by([*keys, response]).agg(*aggregations).collect(backend="pyarrow").to_native()
    order = [(k, "ascending") for k in [*keys, response]]
    table = counted.sort_by(order).to_pydict()
    if weight is not None:
        _check_weights(table)
    return Tally(
        table[response],
        groups=table[keys[0]] if keys else None,
        counts=table[_N],
        weights=table[_W] if weight is not None else None,
        weights_sq=table[_Q] if weight is not None else None,
    )


def _check_weights(table: Any) -> None:
    """What the engine's sums would hide: null, negative or overlarge weights."""
    missing = sum(int(m or 0) for m in table[_MISSING])
    if missing:
        raise InvalidValueError(f"{missing} rows have no weight", path="/weights")
    lows = [x for x in table[_MIN] if x is not None]
    highs = [x for x in table[_MAX] if x is not None]
    if lows and min(lows) < 0:
        raise InvalidValueError(f"a weight is negative ({min(lows)})", path="/weights")
    if highs and not (max(highs) <= 1e300 or math.isnan(max(highs))):
        raise InvalidValueError(f"a weight is past 1e300 ({max(highs)})", path="/weights")
