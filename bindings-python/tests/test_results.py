"""Data out: to_dict, attribute access, repr, HTML, equality, pickling, DataFrames."""

import copy
import html as html_lib
import json
import pickle
import sys

import pandas as pd
import polars as pl
import pytest

import servex


@pytest.fixture(scope="module")
def report() -> servex.Report:
    return servex.score(servex.sample())


def every_result(report: servex.Report) -> list:
    e = [[5, 6, 7, 6], [6, 6, 6, None], [7, 7, 5, 6]]
    p = [[6, 6, 5, 7], [5, 7, 6, 6], [7, 7, 7, 7]]
    return [
        report,
        servex.catalogue(),
        servex.nps([10, 9, 3]),
        servex.nps([10, 9, 3], groups=["a", "b", "a"]),
        servex.csat([5, 4, 1], groups=[1, 2, 1]),
        servex.csat([5, 4, 1]),
        servex.ces([7, 1, 4]),
        servex.ces([7, 1, 4], groups=["x", "x", "y"]),
        servex.servqual(e, p, dimensions={"reliability": [0, 1], "empathy": [2, 3]}),
        servex.kano([[1, 3], [1, 2], [2, 1]], [[5, 3], [2, 5], [5, 2]], attributes=["app", "hotline"]),
        servex.sample(),
    ]


def test_headline_attributes(report: servex.Report) -> None:
    d = report.to_dict()
    assert report.score == d["score"] and 0 <= report.score <= 1
    assert (report.status, report.level_attained, report.outcome) == (d["status"], d["level_attained"], d["outcome"])
    assert report.framework == "iso23592:2021" and report.title == d["title"]
    assert report.focus_level == d["focus_level"] and report.model_score == d["model_score"]
    assert report.coverage == d["coverage"]
    assert [i["id"] for i in report.indicators] == [i["id"] for i in d["indicators"]]
    for view in servex.Report.VIEWS:
        assert getattr(report, view) == d[view]
    nps = servex.nps([10, 9, 8, 7, 6, 0, 10, 9, 3, 10])
    assert (nps.score, nps.n, nps.promoters, nps.method) == (20.0, 10, 5, "adjusted_wald")
    assert nps.ci_low < nps.score < nps.ci_high
    with pytest.raises(AttributeError):
        nps.nonsense  # noqa: B018 (the attribute access is what is tested)


def test_to_dict_is_json_and_a_copy(report: servex.Report) -> None:
    for result in every_result(report):
        d = result.to_dict()
        assert json.loads(json.dumps(d, allow_nan=False)) == d
        d.clear()
        assert result.to_dict(), type(result)
    first = report.indicators
    first[0]["id"] = "changed"
    assert report.indicators[0]["id"] != "changed"


def test_results_are_their_json_form_key_for_key() -> None:
    """Results are written into Python objects by the binding itself: the same keys,
    in the same order, as the JSON form (a document reads back as its JSON text, where
    a member written as null is absent)."""
    from pathlib import Path

    text = (Path(__file__).parents[2] / "core" / "data" / "sample-home-care.json").read_text()
    written = json.loads(text)
    for indicator in written["indicators"]:
        for key in [k for k, v in indicator.items() if v is None]:
            del indicator[key]
    assert servex.Scorecard(text).to_dict() == written
    ces_keys = ["n", "n_eff", "mean", "agree", "disagree", "net", "se", "ci_low", "ci_high", "confidence", "skipped"]
    assert list(servex.ces([1, 7]).to_dict()) == ces_keys
    grouped = servex.nps([10, 9, 3], groups=["a", "b", "a"]).to_dict()
    assert [list(g)[:2] for g in grouped["groups"]] == [["group", "n"], ["group", "n"]]
    report = servex.score(servex.sample()).to_dict()
    assert list(report)[:3] == ["servex", "framework", "title"]
    assert all(type(k) is str for row in report["indicators"] for k in row)


def test_pickle_copy_and_equality(report: servex.Report) -> None:
    for result in every_result(report):
        for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(result, protocol=protocol))
            assert again == result and type(again) is type(result)
            assert again.to_dict() == result.to_dict()
        assert copy.deepcopy(result) == result
    assert servex.nps([9]) != servex.nps([0])
    assert servex.nps([9]) != servex.csat([5])
    g = pickle.loads(pickle.dumps(servex.nps([9, 3], groups=["a", "b"])))
    assert g.metric == "nps" and g.group("b").n == 1


def test_exceptions_pickle() -> None:
    with pytest.raises(servex.ServexError) as info:
        servex.nps([9, 11])
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is servex.InvalidValueError
    assert (again.kind, again.path, again.message, str(again)) == (
        info.value.kind, info.value.path, info.value.message, str(info.value))  # fmt: skip


def test_repr_is_short_and_html_is_a_table(report: servex.Report) -> None:
    for result in every_result(report):
        text = repr(result)
        assert len(text) < 200 and "\n" not in text, text
        shown = result._repr_html_()
        if isinstance(result, servex.Report):  # the whole report, in an iframe's srcdoc
            shown = html_lib.unescape(shown)
        assert shown.count("<table") >= 1 and shown.count("<table") == shown.count("</table>")
    assert "0.7043" in repr(report) and "amber" in repr(report)
    assert (
        repr(servex.nps([10, 9, 8, 7, 6, 0, 10, 9, 3, 10])) == "NpsResult(score=20, ci_low=-30.33, ci_high=61.1, n=10)"
    )
    shown = html_lib.unescape(report._repr_html_())
    for words in ("Perspectives", "pyramid", "What to work on first", report.title):
        assert words in shown
    raw = servex.score({"title": "<script>", "indicators": []})._repr_html_()
    page = html_lib.unescape(raw.split('srcdoc="', 1)[1].split('"', 1)[0])
    assert "<script" not in raw and "<script" not in page and "&lt;script&gt;" in page


def test_report_frames(report: servex.Report) -> None:
    frames = report.to_pandas()
    assert set(frames) == set(servex.Report.VIEWS)
    d = report.to_dict()
    for view, frame in frames.items():
        assert isinstance(frame, pd.DataFrame) and len(frame) == len(d[view]), view
        assert list(frame.columns) == list(servex.Report.VIEWS[view])
    ind = report.to_pandas("indicators").set_index("id")
    first = d["indicators"][0]
    assert ind.loc[first["id"], "progress"] == first["progress"]
    trending = next(i for i in d["indicators"] if i["trend"])
    assert ind.loc[trending["id"], "trend_direction"] == trending["trend"]["direction"]
    polars = report.to_polars()
    for view, frame in polars.items():
        assert isinstance(frame, pl.DataFrame) and frame.height == len(d[view])
    assert report.to_polars("levels")["met"].to_list() == [lvl["met"] for lvl in d["levels"]]
    with pytest.raises(ValueError):
        report.to_pandas("nonsense")


def test_metric_frames() -> None:
    g = servex.nps([10, 0, 9, 7, 1, 10, 8], groups=["north", "south", "north", "east", "south", "north", "east"])
    df = g.to_pandas()
    assert list(df["group"]) == ["north", "south", "east"] and list(df["n"]) == [3, 2, 2]
    assert df.columns[0] == "group" and "ci_low" in df.columns
    assert g.to_polars()["score"].to_list() == list(df["score"])
    mixed = servex.nps([9, 10, 3, 7], groups=[1, "1", 1, "1"]).to_polars()
    assert mixed["group"].to_list() == ["1", '"1"'] or mixed.height == 2
    assert servex.nps([9, 3]).to_pandas().loc[0, "score"] == 0.0
    kano = servex.kano([[1, 3], [1, 2], [2, 1]], [[5, 3], [2, 5], [5, 2]], attributes=["app", "hotline"])
    kdf = kano.to_pandas()
    assert list(kdf["attribute"]) == ["app", "hotline"] and {"A", "O", "M", "I", "R", "Q"} <= set(kdf.columns)
    assert kano.category("app") == kdf.loc[0, "category"]
    sq = servex.servqual([[5, 6], [6, 6]], [[6, 6], [5, 7]], dimensions={"a": [0], "b": [1]})
    assert list(sq.to_pandas("dimensions")["dimension"]) == ["a", "b"]
    assert set(sq.to_polars()) == {"dimensions", "items"}


def test_framework_helpers() -> None:
    f = servex.catalogue()
    assert f.id == "iso23592:2021" and len(f.levels) == 4 and [lvl["level"] for lvl in f.levels] == [1, 2, 3, 4]
    assert len(f.elements) == 9 and all("dimension" in e for e in f.elements)
    assert f.element("7.1.1")["dimension"] == "7.1"
    assert len(f.principles) >= 1 and len(f.dimensions) == 4
    with pytest.raises(KeyError):
        f.element("9.9")
    assert set(f.to_pandas()) == set(servex.Framework.VIEWS)
    assert len(f.to_pandas("elements")) == 9
    with pytest.raises(servex.UnknownFrameworkError) as info:
        servex.catalogue("efqm:2025")
    assert info.value.path == "/framework"
    custom = servex.catalogue(f.to_dict())
    assert custom.to_dict() == f.to_dict()


def test_pandas_and_polars_stay_optional() -> None:
    """Importing servex and computing never imports pandas or polars."""
    import subprocess

    code = (
        "import sys, servex; servex.nps([9, 10], groups=['a', 'b']); servex.score(servex.sample()).to_dict(); "
        "print(sorted(m for m in ('pandas', 'polars', 'pyarrow') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
