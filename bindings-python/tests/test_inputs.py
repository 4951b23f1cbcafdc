"""Data in: lists, numpy (every numeric dtype, NaN, non-contiguous, byte-swapped),
pandas (numpy-backed, nullable, categorical), polars and pyarrow; wrong shapes and
types raise ServexError with the SPEC's kind and path."""

import array

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import servex

ANSWERS = [10, 9, 8, 7, 6, 0, 10, 9, 3, 10]
EXPECTED = servex.nps(ANSWERS).to_dict()
NUMERIC = ["uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64", "float16", "float32",
           "float64", "longdouble"]  # fmt: skip


@pytest.mark.parametrize("dtype", NUMERIC)
def test_every_numeric_dtype_gives_the_same_nps(dtype: str) -> None:
    assert servex.nps(np.array(ANSWERS, dtype=dtype)).to_dict() == EXPECTED


@pytest.mark.parametrize("dtype", ["uint8", "int64", "float64"])
def test_csat_and_ces_read_arrays_too(dtype: str) -> None:
    values = [5, 4, 3, 5, 2, 1, 4, 4]
    assert servex.csat(np.array(values, dtype=dtype)).to_dict() == servex.csat(values).to_dict()
    assert servex.ces(np.array(values, dtype=dtype), scale=5).to_dict() == servex.ces(values, scale=5).to_dict()


def test_big_endian_non_contiguous_and_read_only_arrays() -> None:
    assert servex.nps(np.array(ANSWERS, dtype=">i4")).to_dict() == EXPECTED
    strided = np.array([x for a in ANSWERS for x in (a, 99)], dtype=np.int16)[::2]
    assert not strided.flags.c_contiguous
    assert servex.nps(strided).to_dict() == EXPECTED
    frozen = np.array(ANSWERS, dtype=np.uint8)
    frozen.flags.writeable = False
    assert servex.nps(frozen).to_dict() == EXPECTED


def test_other_sequences() -> None:
    assert servex.nps(tuple(ANSWERS)).to_dict() == EXPECTED
    assert servex.nps(array.array("b", ANSWERS)).to_dict() == EXPECTED
    assert servex.nps(iter(ANSWERS)).to_dict() == EXPECTED
    assert servex.nps(range(0, 11)).n == 11


def test_nan_and_none_are_invalid_at_their_position_or_skipped() -> None:
    for bad in ([9, float("nan"), 10], np.array([9, np.nan, 10]), [9, None, 10], [9, True, 10], [9, "9", 10]):
        with pytest.raises(servex.InvalidValueError) as info:
            servex.nps(bad)
        assert info.value.path == "/responses/1"
        skipped = servex.nps(bad, invalid="skip")
        assert (skipped.n, skipped.skipped) == (2, 1)


def test_infinities_and_fractions_are_invalid() -> None:
    with pytest.raises(servex.InvalidValueError, match="responses/2"):
        servex.nps(np.array([9.0, 10.0, np.inf]))
    with pytest.raises(servex.InvalidValueError) as info:
        servex.nps(np.array([9.0, 7.5], dtype=np.float32))
    assert info.value.path == "/responses/1"


def test_wrong_shapes_and_types() -> None:
    cases = [
        (np.zeros((2, 3), dtype=np.uint8), servex.InvalidDocumentError, "/responses"),
        (np.array(5), servex.InvalidDocumentError, "/responses"),
        ([[9, 10], [1, 2]], servex.InvalidDocumentError, "/responses"),
        ("9,10", servex.InvalidDocumentError, "/responses"),
        ({"a": 9}, servex.InvalidDocumentError, "/responses"),
        (42, servex.InvalidDocumentError, "/responses"),
        (np.array([1 + 2j]), servex.InvalidValueError, "/responses/0"),
        (np.array(["2024-01-01"], dtype="datetime64[D]"), servex.InvalidValueError, "/responses/0"),
        (np.array([True, False]), servex.InvalidValueError, "/responses/0"),
        (np.array(["9", "10"]), servex.InvalidValueError, "/responses/0"),
        ([], servex.EmptyInputError, "/responses"),
        (np.array([], dtype=np.uint8), servex.EmptyInputError, "/responses"),
    ]
    for responses, error, path in cases:
        with pytest.raises(error) as info:
            servex.nps(responses)
        assert info.value.path == path, responses


def test_option_errors_have_the_spec_paths() -> None:
    checks = [
        (lambda: servex.nps([9], method="wilson"), servex.InvalidDocumentError, "/method"),
        (lambda: servex.nps([9], method=3), servex.InvalidDocumentError, "/method"),  # type: ignore[arg-type]
        (lambda: servex.nps([9], confidence=float("nan")), servex.InvalidValueError, "/confidence"),
        (lambda: servex.nps([9], confidence="high"), servex.InvalidDocumentError, "/confidence"),  # type: ignore
        (lambda: servex.nps([9], invalid="drop"), servex.InvalidDocumentError, "/invalid"),
        (lambda: servex.csat([1], scale=2.5), servex.InvalidValueError, "/scale"),  # type: ignore[arg-type]
        (lambda: servex.csat([1], top=5), servex.InvalidValueError, "/top"),
        (lambda: servex.ces([1], scale=True), servex.InvalidDocumentError, "/scale"),
    ]
    for run, error, path in checks:
        with pytest.raises(error) as info:
            run()
        assert info.value.path == path


def test_groups_of_strings_and_integers_from_everything() -> None:
    scores = [10, 0, 9, 7, 1, 10, 8]
    regions = ["north", "south", "north", "east", "south", "north", "east"]
    expected = servex.nps(scores, groups=regions).to_dict()
    assert [g["group"] for g in expected["groups"]] == ["north", "south", "east"]
    for groups in (
        np.array(regions),
        np.array(regions, dtype=object),
        pd.Series(regions),
        pd.Series(regions, dtype="string"),
        pd.Series(regions, dtype="category"),
        pd.Series(pd.Categorical(regions, categories=["east", "west", "south", "north"])),
        pd.CategoricalIndex(regions),
        pl.Series(regions),
        pl.Series(regions, dtype=pl.Categorical),
        pa.array(regions),
        pa.array(regions).dictionary_encode(),
        pa.chunked_array([regions[:3], regions[3:]]),
    ):
        assert servex.nps(np.array(scores, dtype=np.uint8), groups=groups).to_dict() == expected, type(groups)
    codes = [3, 1, 3, 2, 1, 3, 2]
    by_int = servex.nps(scores, groups=codes).to_dict()
    assert [g["group"] for g in by_int["groups"]] == [3, 1, 2]
    for groups in (np.array(codes, dtype=np.int8), np.array(codes, dtype=np.uint64), pd.Series(codes),
                   pd.Series(codes, dtype="Int32"), pd.Series(codes).astype("category"), pl.Series(codes),
                   pa.array(codes), np.array(codes, dtype=float)):  # fmt: skip
        assert servex.nps(scores, groups=groups).to_dict() == by_int, type(groups)
    far = [10**12, -5, 10**12]
    assert servex.nps([9, 9, 0], groups=far).labels == [10**12, -5]


def test_int_and_string_labels_stay_apart() -> None:
    r = servex.nps([9, 10, 3, 7], groups=[1, "1", 1, "1"])
    assert r.labels == [1, "1"]
    assert r.group(1).n == 2 and r.group("1").n == 2


def test_bad_groups() -> None:
    cases = [
        (["a", None, "b"], servex.InvalidValueError, "/groups/1"),
        (["a", 1.5, "b"], servex.InvalidValueError, "/groups/1"),
        (["a", True, "b"], servex.InvalidValueError, "/groups/1"),
        (np.array([1.0, np.nan, 2.0]), servex.InvalidValueError, "/groups/1"),
        (pd.Series(["a", None, "b"], dtype="category"), servex.InvalidValueError, "/groups/1"),
        (pd.Series([1, None, 2], dtype="Int64"), servex.InvalidValueError, "/groups/1"),
        (pd.Series(["a", None, "b"], dtype="string"), servex.InvalidValueError, "/groups/1"),
        (pl.Series(["a", None, "b"]), servex.InvalidValueError, "/groups/1"),
        (pa.array(["a", None, "b"]).dictionary_encode(), servex.InvalidValueError, "/groups/1"),
        (pd.Series(pd.Categorical([0.5, 0.5, 1.0])), servex.InvalidValueError, "/groups/0"),
        (np.array([2**63, 1, 1], dtype=np.uint64), servex.InvalidValueError, "/groups/0"),
        (["a", "b"], servex.InvalidDocumentError, "/groups"),
        (np.zeros((3, 1)), servex.InvalidDocumentError, "/groups"),
        ("abc", servex.InvalidDocumentError, "/groups"),
    ]
    for groups, error, path in cases:
        with pytest.raises(error) as info:
            servex.nps([9, 10, 3], groups=groups)
        assert info.value.path == path, groups


def test_grouped_invalid_responses_keep_the_global_index() -> None:
    with pytest.raises(servex.InvalidValueError) as info:
        servex.nps(pd.Series([9, 10, 3, 12], dtype="uint8"), groups=pd.Series(list("baab"), dtype="category"))
    assert info.value.path == "/responses/3"


def test_pandas_series_of_every_kind() -> None:
    expected = servex.nps(ANSWERS).to_dict()
    for s in (
        pd.Series(ANSWERS, dtype="uint8"),
        pd.Series(ANSWERS, dtype="Int8"),
        pd.Series(ANSWERS, dtype="UInt64"),
        pd.Series(ANSWERS, dtype="Float64"),
        pd.Series(ANSWERS, dtype="int64[pyarrow]"),
        pd.Series(ANSWERS, dtype="category"),
        pd.Series(ANSWERS, index=list("abcdefghij")),
    ):
        assert servex.nps(s).to_dict() == expected, s.dtype
    with_na = pd.Series([9, None, 10, 3], dtype="Int64")
    with pytest.raises(servex.InvalidValueError) as info:
        servex.nps(with_na)
    assert info.value.path == "/responses/1"
    assert servex.nps(with_na, invalid="skip").skipped == 1
    assert servex.nps(pd.Series([9, 10, None], dtype="category"), invalid="skip").skipped == 1
    with pytest.raises(servex.InvalidValueError):
        servex.nps(pd.Series([True, False], dtype="boolean"))


def test_polars_and_pyarrow_columns() -> None:
    expected = servex.nps(ANSWERS).to_dict()
    for s in (pl.Series(ANSWERS, dtype=pl.UInt8), pl.Series(ANSWERS, dtype=pl.Float32), pa.array(ANSWERS, pa.uint8()),
              pa.chunked_array([ANSWERS[:4], ANSWERS[4:]])):  # fmt: skip
        assert servex.nps(s).to_dict() == expected
    assert servex.nps(pl.Series([9, None, 10]), invalid="skip").skipped == 1
    with pytest.raises(servex.InvalidValueError) as info:
        servex.nps(pa.array([9, 10, None, 3]))
    assert info.value.path == "/responses/2"


def test_servqual_and_kano_from_arrays_and_frames() -> None:
    e = [[5, 6, 7, 6], [6, 6, 6, None], [7, 7, 5, 6]]
    p = [[6, 6, 5, 7], [5, 7, 6, 6], [7, 7, 7, 7]]
    dims = {"reliability": [0, 1], "empathy": [2, 3]}
    expected = servex.servqual(e, p, dimensions=dims).to_dict()
    as_float = np.array(e, dtype=float)
    assert servex.servqual(as_float, np.array(p), dimensions=dims).to_dict() == expected
    frame = pd.DataFrame(e, dtype="Int64")
    assert servex.servqual(frame, pd.DataFrame(p), dimensions=dims).to_dict() == expected
    assert servex.servqual(pl.DataFrame(as_float), pl.DataFrame(np.array(p)), dimensions=dims).to_dict() == expected
    with pytest.raises(servex.InvalidValueError) as info:
        servex.servqual(as_float, np.where(np.array(p) == 5, np.inf, np.array(p)), dimensions=dims)
    assert info.value.path == "/perceptions/0/2"
    with pytest.raises(servex.InvalidValueError) as info:
        servex.servqual(e, p, dimensions=dims, tolerance=float("nan"))
    assert info.value.path == "/tolerance"

    f = pd.DataFrame({"app": [1, 1, 2, 1, 3, 1], "hotline": [3, 2, 1, 1, 5, None]})
    d = pd.DataFrame({"app": [5, 2, 5, 3, 3, 5], "hotline": [3, 5, 2, 5, 1, 5]})
    lists = servex.kano(f.to_numpy(dtype=float, na_value=np.nan).tolist(), d.values.tolist(),
                        attributes=["app", "hotline"])  # fmt: skip
    assert servex.kano(f, d).to_dict() == lists.to_dict()
    with pytest.raises(servex.InvalidValueError) as info:
        servex.kano(np.array([[1, 6]]), np.array([[2, 2]]))
    assert info.value.path == "/functional/0/1"


def test_documents_refuse_what_json_cannot_hold() -> None:
    doc = servex.sample().to_dict()
    doc["indicators"][0]["weight"] = float("nan")
    with pytest.raises(servex.InvalidValueError) as info:
        servex.score(doc)
    assert info.value.path == "/indicators/0/weight"
    with pytest.raises(servex.InvalidDocumentError) as info:
        servex.score({"indicators": [{"id": object()}]})
    assert info.value.path == "/indicators/0/id"
    with pytest.raises(servex.InvalidDocumentError) as info:
        servex.score({"indicators": [], 3: "x"})
    assert info.value.path == ""
    loop: list = []
    loop.append(loop)
    with pytest.raises(servex.LimitExceededError):
        servex.score({"indicators": [], "meta": loop})
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(servex.LimitExceededError):
        servex.score({"indicators": deep})
    with pytest.raises(servex.InvalidJsonError):
        servex.score("{not json")
    numpy_values = {"indicators": [{"id": "a", "element": "7.1.1", "value": np.float32(2.5), "scale": "maturity",
                                    "levels": np.array([1, 2])}]}  # fmt: skip
    assert servex.score(numpy_values).indicators[0]["value"] == 2.5
