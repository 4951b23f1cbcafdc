"""Inputs that once let a foreign exception out (UnicodeEncodeError, ValueError,
TypeError, AttributeError, MemoryError) or read a container differently from a list:
each is now a ServexError with the SPEC's kind and path (issue 16)."""

from typing import Any, Callable

import numpy as np
import pandas as pd
import polars as pl
import pytest

import servex


class LyingLength:
    """A sequence whose ``__len__`` claims far more than it yields."""

    def __init__(self, items: Any) -> None:
        self.items = items

    def __len__(self) -> int:
        return 10**18

    def __iter__(self) -> Any:
        return iter(self.items)


class EndlessToList:
    """An object whose ``tolist()`` gives another object like itself, for ever."""

    def tolist(self) -> "EndlessToList":
        return EndlessToList()


MEASURE = {"id": "a", "perspective": "service", "baseline": 0, "target": 1, "value": 1}

CASES: tuple[tuple[str, Callable[[], Any], str, str], ...] = (
    (
        "lone surrogate in a title",
        lambda: servex.score({"title": "a\ud800", "indicators": []}),
        "invalid_document",
        "/title",
    ),
    (
        "lone surrogate in an id",
        lambda: servex.score({"indicators": [dict(MEASURE, id="\udc00")]}),
        "invalid_document",
        "/indicators/0/id",
    ),
    ("lone surrogate in a key", lambda: servex.score({"indicators": [], "\ud800": 1}), "invalid_document", ""),
    (
        "lone surrogate in an attribute",
        lambda: servex.kano([1], [5], attributes=["\ud800"]),
        "invalid_document",
        "/attributes/0",
    ),
    (
        "lone surrogate in a dimension",
        lambda: servex.servqual([[3, 4]], [[4, 4]], dimensions={"\ud800": [0, 1]}),
        "invalid_document",
        "/dimensions",
    ),
    ("lone surrogate in JSON text", lambda: servex.score('{"title": "\ud800", "indicators": []}'), "invalid_json", ""),
    (
        "weights as text",
        lambda: servex.servqual([[3, 4]], [[4, 4]], dimensions={"a": [0, 1]}, weights="P1"),
        "invalid_document",
        "/weights",
    ),
    (
        "weights as a list",
        lambda: servex.servqual([[3, 4]], [[4, 4]], dimensions={"a": [0, 1]}, weights=[1]),
        "invalid_document",
        "/weights",
    ),
    (
        "dimensions as a list",
        lambda: servex.servqual([[3, 4]], [[4, 4]], dimensions=[0]),
        "invalid_document",
        "/dimensions",
    ),
    ("from_pandas on numbers", lambda: servex.Scorecard.from_pandas([1, 2]), "invalid_document", "/indicators/0"),
    ("from_pandas on an int", lambda: servex.Scorecard.from_pandas(3), "invalid_document", "/indicators"),
    (
        "text in a SERVQUAL DataFrame",
        lambda: servex.servqual(pd.DataFrame({"a": ["abc"]}), pd.DataFrame({"a": [3]}), dimensions={"a": [0]}),
        "invalid_value",
        "/expectations/0/0",
    ),
    (
        "booleans in a SERVQUAL DataFrame",
        lambda: servex.servqual(pd.DataFrame({"a": [True]}), pd.DataFrame({"a": [3]}), dimensions={"a": [0]}),
        "invalid_value",
        "/expectations/0/0",
    ),
    (
        "booleans in a Kano DataFrame",
        lambda: servex.kano(pd.DataFrame({"a": [True]}), pd.DataFrame({"a": [5]})),
        "invalid_value",
        "/functional/0/0",
    ),
    (
        "numeric text in a Kano DataFrame",
        lambda: servex.kano(pd.DataFrame({"a": ["1"]}), pd.DataFrame({"a": [5]})),
        "invalid_value",
        "/functional/0/0",
    ),
    (
        "numeric text in a polars Kano DataFrame",
        lambda: servex.kano(pl.DataFrame({"a": ["1"]}), pl.DataFrame({"a": [5]})),
        "invalid_value",
        "/functional/0/0",
    ),
    ("a chart named None", lambda: servex.score(servex.sample()).svg(None), "invalid_document", "/chart"),  # type: ignore[arg-type]
    (
        "a tolist() that never ends",
        lambda: servex.nps([1, 2], confidence=EndlessToList()),  # type: ignore[arg-type]
        "invalid_document",
        "/confidence",
    ),
    (
        "a clongdouble scalar",
        lambda: servex.kano([np.clongdouble(1)], [5]),
        "invalid_document",
        "/functional/0",
    ),
)


@pytest.mark.parametrize("name, call, kind, path", CASES, ids=[c[0] for c in CASES])
def test_a_servex_error_with_kind_and_path(name: str, call: Callable[[], Any], kind: str, path: str) -> None:
    with pytest.raises(servex.ServexError) as info:
        call()
    assert (info.value.kind, info.value.path) == (kind, path), name
    assert type(info.value) is servex.ERRORS[kind]


def test_a_lying_length_reads_as_the_items_it_yields() -> None:
    expected = servex.nps([9, 10, 3], groups=["a", "b", "a"], weights=[1.0, 2.0, 1.0])
    got = servex.nps(LyingLength([9, 10, 3]), groups=LyingLength(["a", "b", "a"]), weights=LyingLength([1.0, 2.0, 1.0]))
    assert got == expected


def test_float16_and_longdouble_labels_group_as_float64_ones() -> None:
    expected = servex.nps([9, 10, 3], groups=np.array([1.0, 2.0, 1.0]))
    for dtype in (np.float16, np.longdouble):
        assert servex.nps([9, 10, 3], groups=np.array([1, 2, 1], dtype=dtype)) == expected


def test_longdouble_scalars_read_as_the_nearest_double_as_their_arrays_do() -> None:
    """numpy's longdouble.tolist() gives a longdouble again: once followed for ever,
    which overflowed the stack and killed the interpreter."""
    measure = dict(MEASURE, value=0.5)
    assert servex.score({"indicators": [dict(measure, value=np.longdouble(0.5))]}) == servex.score(
        {"indicators": [measure]}
    )
    assert servex.nps([1, 2], confidence=np.longdouble(0.9)) == servex.nps([1, 2], confidence=0.9)
    assert servex.kano([np.longdouble(1)], [5]) == servex.kano([1], [5])


def test_a_lone_surrogate_in_a_scale_metric_column_is_a_value_of_the_wrong_type() -> None:
    """Through the facade and the JSON contract alike, as in JavaScript."""
    for args, path in (
        ({"responses": [1], "groups": ["\ud800"]}, "/groups/0"),
        ({"responses": [1], "weights": ["\ud800"]}, "/weights/0"),
        ({"responses": [10, "\ud800"]}, "/responses/1"),
    ):
        for call in (lambda: servex.nps(**args), lambda: servex._servex.call("nps", args)):
            with pytest.raises(servex.InvalidValueError) as info:
                call()
            assert info.value.path == path
    skipped = {"responses": [10, "\ud800", 3], "invalid": "skip"}
    expected = servex.nps([10, None, 3], invalid="skip")
    assert servex.nps(**skipped) == expected
    assert servex._servex.call("nps", skipped) == servex._servex.call(
        "nps", {"responses": [10, None, 3], "invalid": "skip"}
    )


def test_a_required_member_given_as_none_is_refused_at_that_member() -> None:
    for call, path in (
        (lambda: servex.nps(None), "/responses"),
        (lambda: servex.servqual(None, [[1]]), "/expectations"),
        (lambda: servex.score_units({"scorecard": {"indicators": []}, "units": None}), "/units"),
    ):
        with pytest.raises(servex.InvalidDocumentError) as info:
            call()
        assert info.value.path == path
