"""Groups named by several key columns (``servex.tally(data, ..., by=[...])``).

The core labels a group with one string or integer (SPEC 7), so a tuple of keys
travels as one string label, its JSON text (``'["north", 2024]'``): one label per
tuple and back, so tallies of several chunks still merge group by group, and every
answer is the core's. Only the presentation is Python's: ``labels`` and
``group(...)`` speak tuples, and a DataFrame has one column per key."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Optional, Union

__all__ = ["Keys", "label_of", "to_label", "to_key"]

Label = Union[int, str]
Keys = Optional[tuple[str, ...]]
"""The names of the key columns when there are several, else None (plain labels)."""


def label_of(key: Sequence[Label]) -> str:
    """The core's label of a tuple of keys."""
    return json.dumps(list(key), ensure_ascii=False)


def to_label(keys: Keys, key: Any) -> Any:
    """What a caller names a group by (a tuple when ``keys``) as the core's label; a
    value of another shape is left as it is, so that it names no group."""
    if keys is not None and isinstance(key, (tuple, list)) and len(key) == len(keys):
        return label_of(key)
    return key


def to_key(keys: Keys, label: Any) -> Any:
    """The core's label as a caller sees it: the tuple when ``keys``."""
    return tuple(json.loads(label)) if keys is not None and label is not None else label
