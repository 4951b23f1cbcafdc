"""``servex.Tally``: survey answers reduced to their sufficient statistics (SPEC 10),
built chunk by chunk, merged with ``+`` and finished into NPS, CSAT or CES."""

from __future__ import annotations

from typing import Any, Optional

from . import _servex
from ._errors import InvalidDocumentError
from ._inputs import float_column, groups_column, responses_column
from ._keys import Keys, to_key, to_label
from ._results import CesResult, CsatResult, GroupedResult, NpsResult

__all__ = ["Tally"]


class Tally:
    """Per group and answer value: the number of responses, their weight sum and their
    squared-weight sum. Every scale metric needs only this, so a survey too large for
    memory can be tallied chunk by chunk (the row groups of a Parquet file, the
    batches of a query) and finished once::

        total = sum(servex.Tally(b["nps"], groups=b["region"]) for b in batches)
        total.nps(compare="first")

    The columns are those of ``servex.nps``: ``responses`` with optional ``groups``,
    ``weights``, ``counts`` and ``weights_sq``. Answers are checked when the tally is
    finished, against the metric's scale; an invalid one is reported at the first row
    that held it (in the rows tallied, a merged tally's in the order they were added),
    or dropped with ``invalid="skip"``.

    ``servex.tally(data, ..., by=[...])`` makes a tally grouped by several key columns:
    its groups are then named by tuples of keys (``keys`` names the columns).
    """

    __slots__ = ("_keys", "_native")

    _keys: Keys

    def __init__(
        self,
        responses: Any,
        *,
        groups: Any = None,
        weights: Any = None,
        counts: Any = None,
        weights_sq: Any = None,
    ) -> None:
        labels, categories = groups_column(groups)
        self._native = _servex.tally(
            responses_column(responses),
            labels,
            categories,
            float_column(weights, "weights"),
            float_column(counts, "counts"),
            float_column(weights_sq, "weights_sq"),
        )
        self._keys = None

    @classmethod
    def _wrap(cls, native: Any, keys: Keys = None) -> Tally:
        tally = cls.__new__(cls)
        tally._native = native
        tally._keys = keys
        return tally

    def __add__(self, other: object) -> Tally:
        if not isinstance(other, Tally):
            return NotImplemented
        if self._keys != other._keys:
            message = f"tallies grouped by different key columns do not add ({self._keys} and {other._keys})"
            raise InvalidDocumentError(message, path="/groups")
        return Tally._wrap(self._native + other._native, self._keys)

    def __radd__(self, other: object) -> Tally:
        # sum() starts from 0.
        if isinstance(other, int) and other == 0:
            return self
        return NotImplemented

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tally):
            return NotImplemented
        return self._keys == other._keys and bool(self._native == other._native)

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> dict[str, Any]:
        return {"servex": 1, "tally": self._native.to_json(), "keys": self._keys}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._native = _servex.Tally.from_json(state["tally"])
        keys = state.get("keys")
        self._keys = tuple(keys) if keys is not None else None

    @property
    def grouped(self) -> bool:
        """Whether the tally is split into groups."""
        return bool(self._native.grouped())

    @property
    def keys(self) -> Optional[tuple[str, ...]]:
        """The key columns when grouped by several (groups are then tuples), else None."""
        return self._keys

    def rows(self) -> list[tuple[Any, float, int, float, float]]:
        """One ``(group, answer, n, weight_sum, squared_weight_sum)`` per group and
        answer value, groups in order of first appearance, answers ascending."""
        return [(to_key(self._keys, r[0]), *r[1:]) for r in self._native.rows()]

    def to_dict(self) -> dict[str, list[Any]]:
        """The tally as SPEC 10's columns (``responses``, ``counts``, ``weights``,
        ``weights_sq`` and, when grouped, ``groups``): ``servex.nps(**t.to_dict())``
        gives what ``t.nps()`` gives. Groups of several keys are the core's labels,
        their JSON text (``'["north", 2024]'``)."""
        rows = self._native.rows()
        columns: dict[str, list[Any]] = {
            "responses": [r[1] for r in rows],
            "counts": [r[2] for r in rows],
            "weights": [r[3] for r in rows],
            "weights_sq": [r[4] for r in rows],
        }
        if self.grouped:
            columns["groups"] = [r[0] for r in rows]
        return columns

    def _finish(self, name: str, options: dict[str, Any]) -> Any:
        for key in ("compare", "funnel"):
            if isinstance(options.get(key), dict):
                options[key] = dict(options[key])
        compare = options["compare"]
        if isinstance(compare, dict) and "group" in compare:
            compare["group"] = to_label(self._keys, compare["group"])
        data = self._native.finish(name, options)
        if self.grouped:
            return GroupedResult(data, name, self._keys)
        return {"nps": NpsResult, "csat": CsatResult, "ces": CesResult}[name](data)

    def nps(
        self,
        *,
        method: str = "adjusted_wald",
        confidence: float = 0.95,
        invalid: str = "error",
        compare: Any = None,
        adjust: Optional[str] = None,
        funnel: Any = None,
    ) -> Any:
        """NPS from the tally (per group when grouped), options as ``servex.nps``."""
        options = {
            "method": method,
            "confidence": confidence,
            "invalid": invalid,
            "compare": compare,
            "adjust": adjust,
            "funnel": funnel,
        }
        return self._finish("nps", options)

    def csat(
        self,
        *,
        scale: int = 5,
        top: int = 2,
        confidence: float = 0.95,
        invalid: str = "error",
        compare: Any = None,
        adjust: Optional[str] = None,
        funnel: Any = None,
    ) -> Any:
        """CSAT from the tally, options as ``servex.csat``."""
        options = {
            "scale": scale,
            "top": top,
            "confidence": confidence,
            "invalid": invalid,
            "compare": compare,
            "adjust": adjust,
            "funnel": funnel,
        }
        return self._finish("csat", options)

    def ces(
        self,
        *,
        scale: int = 7,
        confidence: float = 0.95,
        invalid: str = "error",
        compare: Any = None,
        adjust: Optional[str] = None,
        funnel: Any = None,
    ) -> Any:
        """CES from the tally, options as ``servex.ces``."""
        options = {
            "scale": scale,
            "confidence": confidence,
            "invalid": invalid,
            "compare": compare,
            "adjust": adjust,
            "funnel": funnel,
        }
        return self._finish("ces", options)

    def __repr__(self) -> str:
        if not hasattr(self, "_native"):  # a tally whose construction failed
            return "<Tally (not built)>"
        rows = self.rows()
        groups = len({r[0] for r in rows}) if self.grouped else None
        n = sum(r[2] for r in rows)
        where = f", {groups} groups" if groups is not None else ""
        where += f" by {', '.join(self._keys)}" if self._keys is not None else ""
        return f"<Tally: {n} responses, {len(rows)} cells{where}>"
