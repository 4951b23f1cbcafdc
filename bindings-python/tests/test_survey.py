"""Weights, tallies and comparisons (SPEC 10, 11) from Python: every column type gives
the same answer, ``servex.Tally`` built chunk by chunk in any order gives the raw
answer, constant weights give the unweighted one, hostile weights are typed errors,
and a comparison lands in the DataFrame and draws as a forest plot."""

import math
import pickle
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from conftest import assert_subset
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import servex

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
METRICS = {"nps": servex.nps, "csat": servex.csat, "ces": servex.ces}

ANSWERS = [10, 9, 8, 7, 6, 0, 10, 9, 3, 10]
WEIGHTS = [1.2, 0.8, 1.0, 2.5, 0.4, 1.1, 0.9, 1.6, 0.7, 1.3]
REGIONS = ["n", "s", "n", "e", "s", "n", "e", "e", "s", "n"]


def by_label(result: Any) -> list[dict[str, Any]]:
    groups = result.to_dict()["groups"]
    for g in groups:
        g.pop("comparison", None)
    return sorted(groups, key=lambda g: g["group"])


@pytest.mark.parametrize(
    "column",
    [
        np.array(WEIGHTS),
        np.repeat(WEIGHTS, 2)[::2],
        pd.Series(WEIGHTS),
        pd.Series(WEIGHTS, dtype="Float64"),
        pl.Series(WEIGHTS),
        pa.array(WEIGHTS),
        tuple(WEIGHTS),
    ],
    ids=["numpy", "numpy-strided", "pandas", "pandas-nullable", "polars", "pyarrow", "tuple"],
)
def test_every_column_type_weighs_the_same(column: Any) -> None:
    expected = servex.nps(ANSWERS, weights=WEIGHTS, groups=REGIONS, compare="rest")
    assert servex.nps(np.array(ANSWERS, dtype="uint8"), weights=column, groups=REGIONS, compare="rest") == expected
    assert expected.group("n").n_eff < 4


def test_integer_counts_from_numpy_and_pandas() -> None:
    expected = servex.csat([5, 4, 1], counts=[10, 3, 2])
    assert servex.csat(np.array([5, 4, 1]), counts=np.array([10, 3, 2], dtype="int64")) == expected
    assert servex.csat(pd.Series([5, 4, 1]), counts=pd.Series([10, 3, 2], dtype="Int32")) == expected
    assert expected.n == 15


def test_a_missing_weight_is_invalid_at_its_row() -> None:
    with pytest.raises(servex.InvalidValueError) as info:
        servex.nps(ANSWERS, weights=pd.Series([1.0, None, *WEIGHTS[2:]], dtype="Float64"))
    assert info.value.path == "/weights/1"


@pytest.mark.parametrize(
    "weights, kind, path",
    [
        ([1, float("nan"), 1], "invalid_value", "/weights/1"),
        ([1, float("inf"), 1], "invalid_value", "/weights/1"),
        ([1, -0.5, 1], "invalid_value", "/weights/1"),
        ([1, [2], 1], "invalid_value", "/weights/1"),
        ([1, True, 1], "invalid_value", "/weights/1"),
        ([1, "2", 1], "invalid_value", "/weights/1"),
        ([1, 5e-324, 1], "invalid_value", "/weights/1"),
        ([1e200, 1, 1], "invalid_value", "/weights"),
        ([1e-200, 1e-200, 1e-200], "invalid_value", "/weights"),
        ([1, 2], "invalid_document", "/weights"),
        ("123", "invalid_document", "/weights"),
        ({"a": 1}, "invalid_document", "/weights"),
        (np.ones((3, 1)), "invalid_document", "/weights"),
        (2.5, "invalid_document", "/weights"),
    ],
)
def test_hostile_weights_are_typed_errors(weights: Any, kind: str, path: str) -> None:
    for responses in ([9, 10, 3], np.array([9, 10, 3], dtype="uint8")):
        with pytest.raises(servex.ServexError) as info:
            servex.nps(responses, weights=weights)
        assert (info.value.kind, info.value.path) == (kind, path)
        assert type(info.value) is servex.ERRORS[kind]


surveys = st.lists(
    st.tuples(st.integers(0, 12), st.integers(0, 3), st.one_of(st.just(0.0), st.floats(0.05, 20.0))),
    min_size=1,
    max_size=60,
)


@SETTINGS
@given(rows=surveys, chunk=st.integers(1, 25), reverse=st.booleans(), weighted=st.booleans())
def test_a_tally_built_in_chunks_gives_the_raw_answer(
    rows: list[Any], chunk: int, reverse: bool, weighted: bool
) -> None:
    answers = np.array([r[0] for r in rows], dtype="float64")
    groups = np.array([r[1] for r in rows], dtype="int64")
    weights = np.array([r[2] for r in rows]) if weighted else None
    order = np.arange(len(rows))[::-1] if reverse else np.arange(len(rows))
    parts = []
    for start in range(0, len(rows), chunk):
        at = order[start : start + chunk]
        parts.append(servex.Tally(answers[at], groups=groups[at], weights=None if weights is None else weights[at]))
    tally = sum(parts)
    restored = pickle.loads(pickle.dumps(tally))
    assert restored == tally
    for name, metric in METRICS.items():
        try:
            raw = metric(answers, groups=groups, weights=weights, invalid="skip")
        except servex.ServexError as e:
            with pytest.raises(type(e)):
                getattr(tally, name)(invalid="skip")
            continue
        finished = getattr(restored, name)(invalid="skip")
        assert_subset(by_label(raw), by_label(finished), 1e-9)
        # The tally's own columns, handed back to the metric, answer the same.
        assert_subset(by_label(metric(**tally.to_dict(), invalid="skip")), by_label(finished), 1e-9)


@SETTINGS
@given(rows=surveys, weight=st.floats(1e-3, 1e3))
def test_constant_weights_give_the_unweighted_answer(rows: list[Any], weight: float) -> None:
    answers = [r[0] for r in rows]
    groups = [r[1] for r in rows]
    for metric in METRICS.values():
        try:
            plain = metric(answers, groups=groups, invalid="skip", compare="previous")
        except servex.ServexError:
            continue
        weighted = metric(answers, groups=groups, invalid="skip", compare="previous", weights=[weight] * len(rows))
        assert_subset(plain.to_dict(), weighted.to_dict(), 1e-12)


def test_a_comparison_is_columns_of_the_dataframe_and_a_forest_plot() -> None:
    result = servex.nps(ANSWERS * 3, groups=REGIONS * 3, weights=WEIGHTS * 3, compare="first", adjust="bh")
    assert result.compared and result.comparison("n") is None
    s = result.comparison("s")
    assert s is not None and s["against"] == "n" and 0 <= s["p_adjusted"] <= 1
    df = result.to_pandas()
    assert list(df.columns[-9:]) == [
        "against",
        "diff",
        "diff_se",
        "diff_ci_low",
        "diff_ci_high",
        "z",
        "p_value",
        "p_adjusted",
        "significant",
    ]
    row = df.set_index("group").loc["s"]
    assert math.isclose(row["diff"], s["diff"]) and math.isclose(row["diff_se"], s["se"])
    assert row["se"] == result.group("s").to_dict()["se"]
    assert pl.DataFrame(result.to_polars()).height == 3
    svg = result.svg()
    assert svg.startswith("<svg") and "Differences between groups" in svg and ">s<" in svg
    assert svg in result._repr_html_()
    plain = servex.nps(ANSWERS, groups=REGIONS)
    assert not plain.compared and "diff" not in plain.to_pandas().columns


def test_tally_options_and_errors() -> None:
    t = servex.Tally([5, 4, 1, 9], groups=["a", "b", "a", "b"], counts=[2, 1, 1, 0])
    assert t.grouped and t.rows()[0] == ("a", 1.0, 1, 1.0, 1.0)
    with pytest.raises(servex.InvalidValueError) as info:
        t.csat()
    # The answer 9 is off the 1..5 scale: reported at the first row that held it.
    assert info.value.path == "/responses/3"
    merged = servex.Tally([5, 4]) + servex.Tally([1, 9, 9])
    with pytest.raises(servex.InvalidValueError) as later:
        merged.csat()
    assert later.value.path == "/responses/3"
    assert t.csat(invalid="skip").group("b").to_dict()["skipped"] == 0
    assert t.ces(scale=9, compare="rest").compared
    with pytest.raises(servex.InvalidDocumentError) as doc:
        servex.Tally([9, 3]).nps(compare="first")
    assert doc.value.path == "/compare"
    with pytest.raises(servex.InvalidValueError):
        servex.Tally([9, 3], weights=[1, -1])
    assert "2 groups" in repr(t)


def test_findings_of_the_hostile_review() -> None:
    """Weights near the overflow of their squares, counts past 2^53, masked and
    non-numeric arrays, and a grouped tally added to an ungrouped one."""
    heavy = servex.nps([10, 9, 7, 0], weights=[6.5e153] * 4)
    assert_subset(servex.nps([10, 9, 7, 0]).to_dict(), heavy.to_dict(), 1e-12)
    for counts in ([2**53 + 1, 1], np.array([1, 2**53 + 1], dtype=np.int64), np.array([1, 2**53 + 1], dtype=np.uint64)):
        with pytest.raises(servex.InvalidValueError) as info:
            servex.nps([10, 9], counts=counts)
        assert "past 2^53" in info.value.message and info.value.path.startswith("/counts/")
    masked = np.ma.masked_array([1.0, 2.0, 1.0], mask=[0, 1, 0])
    with pytest.raises(servex.InvalidValueError) as weights:
        servex.nps([10, 9, 3], weights=masked)
    assert weights.value.path == "/weights/1"
    assert servex.nps(np.ma.masked_array([10, 9, 3], mask=[0, 1, 0]), invalid="skip").skipped == 1
    with pytest.raises(servex.InvalidValueError) as groups:
        servex.nps([10, 9, 3], groups=np.ma.masked_array([1, 2, 1], mask=[0, 0, 1]))
    assert groups.value.path == "/groups/2"
    for odd in (np.array(["2020-01-01"] * 3, dtype="datetime64[D]"), np.ones(3, dtype=complex)):
        with pytest.raises(servex.InvalidValueError) as info:
            servex.nps([10, 9, 3], weights=odd)
        assert info.value.path == "/weights/0"
    with pytest.raises(servex.InvalidDocumentError) as mixed:
        (servex.Tally([10, 0], groups=[0, "a"]) + servex.Tally([3, 3])).nps()
    assert mixed.value.path == "/groups"
    assert (servex.Tally([]) + servex.Tally([10, 0], groups=[0, "a"])).nps().labels == [0, "a"]


def test_a_funnel_is_columns_of_the_dataframe_and_a_funnel_plot() -> None:
    answers = [10] * 40 + [0] * 40 + [9, 3, 10, 7, 8, 6]
    groups = ["top"] * 40 + ["low"] * 40 + ["a", "a", "b", "b", "c", "c"]
    dispersed = servex.nps(answers, groups=groups, funnel={"overdispersion": True})
    assert dispersed.funnel is not None and dispersed.funnel["phi"] is not None
    result = servex.nps(answers, groups=groups, funnel=True)
    df = result.to_pandas().set_index("group")
    assert df.loc["top", "flag"] == "high" and df.loc["low", "flag"] == "low"
    assert {"funnel_z", "lower_95", "upper_998", "warning"} <= set(df.columns)
    plot = result.svg()
    assert plot == result.svg("funnel") and "Funnel plot" in plot and ">top<" in plot
    assert plot in result._repr_html_()
    with pytest.raises(servex.InvalidDocumentError) as info:
        result.svg("pie")
    assert info.value.path == "/chart"
    both = servex.nps(answers, groups=groups, funnel=True, compare="rest")
    assert "Differences between groups" in both.svg() and "Funnel plot" in both.svg("funnel")
