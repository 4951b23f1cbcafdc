"""Missing answers in SERVQUAL and Kano mean what they mean in JSON: NaN, None, pandas'
NA and numpy's nan, in lists, numpy arrays and data frames, give the result null gives
in JSON text (the core reads a NaN inside an answer matrix as null); a non-finite number
anywhere else is invalid_value at the path the core names."""

import json
import math
from typing import Any, Callable, Optional

import numpy as np
import pandas as pd
import polars as pl
import pytest

import servex
from servex import _servex

E = [[5, 6, 7, 6], [6, 6, 6, None], [7, None, 5, 6]]
P = [[6, 6, 5, 7], [None, 7, 6, 6], [7, 7, 7, 7]]
DIMENSIONS = {"reliability": [0, 1], "empathy": [2, 3]}
F = [[1, 1], [2, None], [5, 3], [None, 1]]
D = [[5, 2], [5, 5], [1, 3], [3, None]]
ATTRIBUTES = ["app", "hotline"]


def filled(m: list[list[Optional[int]]], missing: Any) -> list[list[Any]]:
    return [[missing if v is None else v for v in row] for row in m]


def floats(m: list[list[Optional[int]]]) -> "np.ndarray[Any, Any]":
    return np.array(filled(m, np.nan), dtype=np.float64)


# Every form a caller may hold the same matrix in, missing answers included.
FORMS: dict[str, Callable[[list[list[Optional[int]]]], Any]] = {
    "None in lists": lambda m: m,
    "float('nan') in lists": lambda m: filled(m, float("nan")),
    "np.nan in lists": lambda m: filled(m, np.nan),
    "pd.NA in lists": lambda m: filled(m, pd.NA),
    "np.float32 nan in lists": lambda m: filled(m, np.float32("nan")),
    "tuples": lambda m: tuple(tuple(row) for row in m),
    "float array": floats,
    "float32 array": lambda m: floats(m).astype(np.float32),
    "Fortran-ordered array": lambda m: np.asfortranarray(floats(m)),
    "object array": lambda m: np.array(m, dtype=object),
    "pandas float frame": lambda m: pd.DataFrame(floats(m)),
    "pandas Int64 frame": lambda m: pd.DataFrame(m, dtype="Int64"),
    "pandas object frame": lambda m: pd.DataFrame(m, dtype=object),
    "polars frame": lambda m: pl.DataFrame(floats(m), nan_to_null=True),
    "polars frame with NaN": lambda m: pl.DataFrame(floats(m)),
}


def json_call(name: str, args: dict[str, Any]) -> dict[str, Any]:
    """The call on JSON text, where a missing answer can only be null."""
    result: dict[str, Any] = _servex.call_json(name, json.dumps(args, allow_nan=False))
    return result


@pytest.mark.parametrize("form", FORMS)
def test_servqual_reads_every_missing_answer_as_null(form: str) -> None:
    expected = json_call("servqual", {"expectations": E, "perceptions": P, "dimensions": DIMENSIONS})
    as_form = FORMS[form]
    got = servex.servqual(as_form(E), as_form(P), dimensions=DIMENSIONS).to_dict()
    assert got == expected


@pytest.mark.parametrize("form", FORMS)
def test_kano_reads_every_missing_answer_as_null(form: str) -> None:
    expected = json_call("kano", {"functional": F, "dysfunctional": D, "attributes": ATTRIBUTES})
    as_form = FORMS[form]
    assert servex.kano(as_form(F), as_form(D), attributes=ATTRIBUTES).to_dict() == expected


def test_an_infinite_answer_is_an_answer_that_is_not_a_number() -> None:
    """The core reads an infinity in an answer matrix as its name, so the metric reports
    it at its own cell, as it reports the same word in JSON text."""
    for infinity in (math.inf, -math.inf):
        word = "Infinity" if infinity > 0 else "-Infinity"
        f = [[1, 1], [2, infinity]]
        with pytest.raises(servex.ServexError) as from_json:
            json_call("kano", {"functional": [[1, 1], [2, word]], "dysfunctional": [[5, 2], [5, 5]]})
        for form in (f, np.array(f)):
            with pytest.raises(servex.ServexError) as info:
                servex.kano(form, [[5, 2], [5, 5]])
            assert (
                (info.value.kind, info.value.path)
                == (from_json.value.kind, from_json.value.path)
                == (
                    "invalid_value",
                    "/functional/1/1",
                )
            )


@pytest.mark.parametrize(
    ("run", "path"),
    [
        (lambda nan: servex.servqual(E, P, tolerance=nan), "/tolerance"),
        (
            lambda nan: servex.servqual(E, P, dimensions=DIMENSIONS, weights={"reliability": nan}),
            "/weights/reliability",
        ),
        (lambda nan: servex.servqual(E, P, dimensions={"reliability": [0, nan]}), "/dimensions/reliability/1"),
        (lambda nan: servex.kano(F, D, attributes=["app", nan]), "/attributes/1"),
        (lambda nan: servex.nps([9, 10], confidence=nan), "/confidence"),
        (lambda nan: servex.nps([9, 10], weights=[1.0, nan]), "/weights/1"),
        (lambda nan: servex.nps([9, 10], weights=np.array([1.0, nan])), "/weights/1"),
        (lambda nan: servex.nps([9, 10], groups=["a", "b"], compare="first", funnel={"target": nan}), "/funnel/target"),
        (lambda nan: servex.Tally([9, 10]).csat(confidence=nan), "/confidence"),
    ],
)
@pytest.mark.parametrize("nan", [float("nan"), np.nan, np.float32("nan"), math.inf])
def test_a_non_finite_number_outside_the_answers_is_invalid_where_it_stands(
    run: Callable[[Any], Any], path: str, nan: Any
) -> None:
    with pytest.raises(servex.InvalidValueError) as info:
        run(nan)
    assert info.value.path == path


def test_a_non_finite_number_in_a_document_is_invalid_where_it_stands() -> None:
    doc = servex.sample().to_dict()
    doc["indicators"][2]["value"] = float("nan")
    with pytest.raises(servex.InvalidValueError) as info:
        servex.score(doc)
    assert info.value.path == "/indicators/2/value"
    # pandas' NA is a missing value, as None is.
    doc["indicators"][2]["value"] = pd.NA
    with_na = servex.score(doc).to_dict()
    doc["indicators"][2]["value"] = None
    assert with_na == servex.score(doc).to_dict()
