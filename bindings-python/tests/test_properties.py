"""Property tests of the conversions (hypothesis): whatever the container (lists,
tuples, generators, numpy arrays of every dtype, strided or multidimensional, pandas,
polars, pyarrow) and whatever is in it, every call gives a result or a ServexError,
never another exception; and where the data are integers, the answer is the one the
same integers give as a plain list of Python ints."""

import math
from typing import Any, Callable

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import servex

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOAT_DTYPES = ["float16", "float32", "float64", "longdouble"]


def outcome(fn: Callable[[], Any]) -> tuple[Any, ...]:
    """The result as a dict, or the ServexError's kind and path; anything else raises."""
    try:
        result = fn()
    except servex.ServexError as e:
        assert e.kind in servex.ERRORS and isinstance(e.path, str), e
        assert e.path == "" or e.path.startswith("/"), e.path
        return ("error", e.kind, e.path)
    return ("ok", result.to_dict())


def scale_call(name: str) -> Callable[..., Any]:
    return {"nps": servex.nps, "csat": servex.csat, "ces": servex.ces}[name]


def fits(values: list[int], dtype: str) -> bool:
    info = np.iinfo(dtype) if np.dtype(dtype).kind in "iu" else None
    return info is None or all(info.min <= v <= info.max for v in values)


def containers(values: list[int]) -> list[tuple[str, Any]]:
    """The same integers in every container servex reads."""
    out: list[tuple[str, Any]] = [
        ("tuple", tuple(values)),
        ("generator", (v for v in values)),
        ("object array", np.array(values, dtype=object)),
        ("pandas int64", pd.Series(values, dtype="int64")),
        ("pandas Int64", pd.Series(values, dtype="Int64")),
        ("pandas Float64", pd.Series(values, dtype="Float64")),
        ("pandas categorical", pd.Series(values, dtype="category")),
        ("pandas labelled", pd.Series(values, index=[f"r{i}" for i in range(len(values))], dtype="int64")),
        ("polars", pl.Series(values, dtype=pl.Int64)),
        ("pyarrow", pa.array(values, pa.int64())),
        ("pyarrow chunked", pa.chunked_array([values[: len(values) // 2], values[len(values) // 2 :]], pa.int64())),
    ]
    for dtype in INT_DTYPES + FLOAT_DTYPES:
        if fits(values, dtype):
            a = np.array(values, dtype=dtype)
            out.append((dtype, a))
            out.append((f"{dtype} big-endian", a.astype(a.dtype.newbyteorder(">"))))
            strided = np.repeat(a, 3)[::3]
            assert len(values) < 2 or not strided.flags.c_contiguous
            out.append((f"{dtype} strided", strided))
            out.append((f"{dtype} reversed twice", a[::-1][::-1]))
            column = np.zeros((len(values), 2), dtype=dtype)
            column[:, 1] = a
            out.append((f"{dtype} column of a 2-D array", column[:, 1]))
    return out


answers = st.lists(st.integers(min_value=-3, max_value=14), max_size=40)


@pytest.mark.parametrize("name", ["nps", "csat", "ces"])
@SETTINGS
@given(values=answers, invalid=st.sampled_from(["error", "skip"]))
def test_the_same_integers_give_the_same_answer_in_every_container(name: str, values: list[int], invalid: str) -> None:
    call = scale_call(name)
    expected = outcome(lambda: call(values, invalid=invalid))
    for label, column in containers(values):
        assert outcome(lambda: call(column, invalid=invalid)) == expected, label


@pytest.mark.parametrize("name", ["nps", "csat", "ces"])
@SETTINGS
@given(values=st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=40), data=st.data())
def test_groups_from_any_container_give_the_same_answer(name: str, values: list[int], data: Any) -> None:
    labels = data.draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=len(values), max_size=len(values)))
    call = scale_call(name)
    expected = outcome(lambda: call(values, groups=labels, invalid="skip"))
    for label, groups in (
        ("array", np.array(labels)),
        ("categorical", pd.Series(labels, dtype="category")),
        ("polars", pl.Series(labels)),
        ("arrow dictionary", pa.array(labels).dictionary_encode()),
    ):
        got = outcome(lambda: call(np.array(values, dtype=np.uint8), groups=groups, invalid="skip"))
        assert got == expected, label


# Anything a caller might put in a column: numbers of every kind, missing values,
# booleans, text, containers, numpy scalars.
items = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.integers(min_value=0, max_value=10),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.booleans(),
    st.text(max_size=3),
    st.binary(max_size=3),
    st.complex_numbers(),
    st.builds(np.float32, st.floats(width=32)),
    st.builds(np.int64, st.integers(min_value=-(2**63), max_value=2**63 - 1)),
    st.just(pd.NA),
    st.just(float("nan")),
    st.lists(st.integers(0, 10), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(0, 10), max_size=2),
)


@pytest.mark.parametrize("name", ["nps", "csat", "ces"])
@SETTINGS
@given(values=st.lists(items, max_size=20), invalid=st.sampled_from(["error", "skip"]))
def test_mixed_lists_give_a_result_or_a_servex_error(name: str, values: list[Any], invalid: str) -> None:
    call = scale_call(name)
    expected = outcome(lambda: call(values, invalid=invalid))
    assert outcome(lambda: call(tuple(values), invalid=invalid)) == expected
    assert outcome(lambda: call(iter(values), invalid=invalid)) == expected
    objects = np.empty(len(values), dtype=object)
    objects[:] = values
    assert outcome(lambda: call(objects, invalid=invalid)) == expected
    outcome(lambda: call(pd.Series(objects, dtype=object), invalid=invalid))


@pytest.mark.parametrize("name", ["nps", "csat", "ces"])
@SETTINGS
@given(
    values=st.lists(
        st.one_of(st.integers(0, 10), st.just(math.nan), st.just(math.inf), st.just(-math.inf), st.just(2.5)),
        max_size=30,
    ),
    invalid=st.sampled_from(["error", "skip"]),
)
def test_float_arrays_answer_like_the_list_of_python_floats(name: str, values: list[float], invalid: str) -> None:
    call = scale_call(name)
    expected = outcome(lambda: call([float(v) for v in values], invalid=invalid))
    for dtype in ("float16", "float32", "float64"):
        a = np.array(values, dtype=dtype)
        assert outcome(lambda: call(a, invalid=invalid)) == expected, dtype
        assert outcome(lambda: call(np.repeat(a, 2)[::2], invalid=invalid)) == expected, dtype
    assert outcome(lambda: call(pd.Series(values, dtype="Float64"), invalid=invalid)) == outcome(
        lambda: call([None if math.isnan(v) else v for v in values], invalid=invalid)
    )
    # The integral answers alone: the same as plain ints.
    ints = [int(v) for v in values if math.isfinite(v) and v == int(v)]
    assert outcome(lambda: call(np.array(ints, dtype=np.float64), invalid=invalid)) == outcome(
        lambda: call(ints, invalid=invalid)
    )


any_dtype = st.one_of(
    hnp.boolean_dtypes(),
    hnp.integer_dtypes(endianness="="),
    hnp.unsigned_integer_dtypes(endianness="="),
    hnp.floating_dtypes(endianness="="),
    hnp.complex_number_dtypes(endianness="="),
    hnp.datetime64_dtypes(),
    hnp.timedelta64_dtypes(),
    hnp.unicode_string_dtypes(max_len=3),
    hnp.byte_string_dtypes(max_len=3),
    st.just(np.dtype(object)),
)


@pytest.mark.parametrize("name", ["nps", "csat", "ces"])
@SETTINGS
@given(a=hnp.arrays(any_dtype, hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=5)))
def test_arrays_of_every_dtype_and_shape(name: str, a: np.ndarray) -> None:
    call = scale_call(name)
    got = outcome(lambda: call(a))
    if a.ndim != 1:
        assert got[:2] == ("error", "invalid_document") and got[2] == "/responses", got
    elif a.size == 0 and a.dtype.kind in "iufbO":
        assert got == ("error", "empty_input", "/responses")
    elif a.dtype.kind in "iu":
        assert got == outcome(lambda: call(a.tolist()))
    elif a.dtype.kind == "f":
        assert got == outcome(lambda: call([float(x) for x in a.tolist()]))
    elif a.dtype.kind in "cmMbUS":
        # SPEC 8: in a metric's column anything that is not a number is invalid at it.
        assert got[:2] == ("error", "invalid_value") or (a.size == 0 and got[0] == "error"), got
    else:
        assert got[0] in ("ok", "error")


WRONG = [
    {"a": 9},
    {9, 10},
    frozenset({1}),
    "9,10",
    b"\x09\x0a",
    bytearray(b"\x09"),
    memoryview(b"\x09\x0a"),
    9,
    9.5,
    None,
    object(),
    len,
    Ellipsis,
    range(0),
    range(11),
    pd.DataFrame({"a": [9, 10]}),
    pl.DataFrame({"a": [9, 10]}),
    pa.table({"a": [9, 10]}),
    np.float64(9),
    np.array(9),
    np.zeros((0, 3)),
    pd.Series([], dtype="float64"),
    pd.Categorical([]),
]


@pytest.mark.parametrize("name", ["nps", "csat", "ces"])
@pytest.mark.parametrize("wrong", WRONG, ids=lambda w: type(w).__name__)
def test_wrong_types_as_responses_or_groups(name: str, wrong: Any) -> None:
    call = scale_call(name)
    outcome(lambda: call(wrong))
    outcome(lambda: call([9, 10], groups=wrong))
    outcome(lambda: call(wrong, groups=wrong))
    outcome(lambda: call([9, 10], invalid=wrong))
    outcome(lambda: call([9, 10], **{"scale" if name != "nps" else "confidence": wrong}))
    generated = (x for x in [9, 10, 0])
    assert outcome(lambda: call(generated)) == outcome(lambda: call([9, 10, 0]))


@pytest.mark.parametrize("name", ["nps", "csat", "ces"])
def test_huge_arrays_in_every_layout_give_the_list_answer(name: str) -> None:
    n = 3_000_000
    rng = np.random.default_rng(11)
    top = 10 if name == "nps" else 5
    a = rng.integers(1, top + 1, n, dtype=np.uint8)
    call = scale_call(name)
    kwargs = {} if name == "nps" else {"scale": 5}
    expected = outcome(lambda: call(a.tolist(), **kwargs))
    assert expected[0] == "ok"
    for column in (a, a.astype(np.int64), a.astype(np.float32), np.repeat(a, 2)[::2], pd.Series(a, dtype="UInt8"),
                   pa.array(a)):  # fmt: skip
        assert outcome(lambda: call(column, **kwargs)) == expected, type(column)


rows = st.integers(min_value=1, max_value=6)
cols = st.integers(min_value=1, max_value=5)


@st.composite
def matrices(draw: Any, low: int, high: int) -> tuple[list[list[Any]], list[list[Any]]]:
    r, c = draw(rows), draw(cols)
    cell = st.one_of(st.integers(low - 1, high + 1), st.none())
    first = draw(st.lists(st.lists(cell, min_size=c, max_size=c), min_size=r, max_size=r))
    second = draw(st.lists(st.lists(cell, min_size=c, max_size=c), min_size=r, max_size=r))
    return first, second


def as_float_array(m: list[list[Any]]) -> np.ndarray:
    return np.array([[np.nan if v is None else v for v in row] for row in m], dtype=np.float64)


@SETTINGS
@given(m=matrices(1, 7), tolerance=st.one_of(st.integers(0, 2), st.floats(allow_nan=True, allow_infinity=True)))
def test_servqual_from_lists_arrays_and_frames(m: Any, tolerance: Any) -> None:
    e, p = m
    expected = outcome(lambda: servex.servqual(e, p, tolerance=tolerance))
    fe, fp = as_float_array(e), as_float_array(p)
    assert outcome(lambda: servex.servqual(fe, fp, tolerance=tolerance)) == expected
    assert outcome(lambda: servex.servqual(np.asfortranarray(fe), fp, tolerance=tolerance)) == expected
    frame = outcome(lambda: servex.servqual(pd.DataFrame(fe), pd.DataFrame(e, dtype="Int64"), tolerance=tolerance))
    # A frame names its columns; with no dimensions the answer is the same as for lists.
    assert frame == outcome(lambda: servex.servqual(fe, e, tolerance=tolerance))


@SETTINGS
@given(m=matrices(1, 5))
def test_kano_from_lists_arrays_and_frames(m: Any) -> None:
    f, d = m
    attributes = [f"q{i}" for i in range(len(f[0]))]
    expected = outcome(lambda: servex.kano(f, d, attributes=attributes))
    assert outcome(lambda: servex.kano(as_float_array(f), as_float_array(d), attributes=attributes)) == expected
    frames = outcome(lambda: servex.kano(pd.DataFrame(as_float_array(f), columns=attributes),
                                         pd.DataFrame(as_float_array(d), columns=attributes)))  # fmt: skip
    assert frames == expected
    outcome(lambda: servex.kano(f, d))


@SETTINGS
@given(first=st.recursive(items, lambda c: st.lists(c, max_size=3), max_leaves=12), second=items)
def test_servqual_and_kano_with_anything_inside(first: Any, second: Any) -> None:
    for call in (servex.servqual, servex.kano):
        outcome(lambda: call(first, second))
        outcome(lambda: call([[first]], [[second]]))
        outcome(lambda: call([first], [second]))


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**64), max_value=2**64),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=5),
        st.sampled_from(["service", "7.1.1", "maturity", "a", "value", "baseline", "target", "perspective"]),
    ),
    lambda c: st.one_of(st.lists(c, max_size=4), st.dictionaries(st.text(max_size=8), c, max_size=4)),
    max_leaves=30,
)

indicator = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=4)},
    optional={
        "perspective": st.sampled_from(["service", "customer", "financial", "process", "people", "x"]),
        "element": st.sampled_from(["7.1.1", "7.3.1", "9.9.9"]),
        "scale": st.sampled_from(["maturity", "percent", "nope"]),
        "value": st.one_of(st.floats(-10, 110), st.integers(-5, 105), st.none()),
        "baseline": st.one_of(st.floats(-10, 110), st.none()),
        "target": st.one_of(st.floats(-10, 110), st.none()),
        "weight": st.one_of(st.floats(-1, 5), st.none()),
        "history": st.lists(
            st.fixed_dictionaries({"period": st.text(max_size=3), "value": st.floats(0, 100)}), max_size=3
        ),
        "extra": json_values,
    },
)
documents = st.one_of(
    json_values,
    st.fixed_dictionaries({"indicators": st.lists(indicator, max_size=6)}, optional={"servex": st.integers(0, 2)}),
)


def report_outcome(doc: Any) -> tuple[Any, ...]:
    try:
        return ("ok", servex.score(doc).to_dict())
    except servex.ServexError as e:
        return ("error", e.kind, e.path)


@SETTINGS
@given(doc=documents)
def test_score_gives_a_result_or_a_servex_error_and_text_agrees(doc: Any) -> None:
    import json

    got = report_outcome(doc)
    if isinstance(doc, str):
        return
    assert report_outcome(json.dumps(doc)) == got
    if got[0] == "ok":
        report = servex.score(doc)
        assert isinstance(report.to_html(), str)


@SETTINGS
@given(doc=st.recursive(items, lambda c: st.one_of(st.lists(c, max_size=3), st.sets(st.integers(0, 3), max_size=2),
                                                   st.dictionaries(st.one_of(st.text(max_size=2), st.integers()), c,
                                                                   max_size=3)),
                        max_leaves=10))  # fmt: skip
def test_score_with_python_objects_json_cannot_hold(doc: Any) -> None:
    report_outcome(doc)
    report_outcome({"indicators": [], "meta": doc})
    report_outcome({"indicators": [{"id": "a", "perspective": "service", "value": doc, "baseline": 0, "target": 1}]})
