"""servex.tally over the engines narwhals reads, each started by the tests (Spark in
local mode and a Dask cluster of two worker processes: conftest.py; DuckDB, polars
lazy with the streaming engine, pyarrow, Ibis): the engine counts, servex finishes,
and the figures are those of servex.nps (csat, ces) on the collected columns. Spark
and Dask are marked ``engines`` (``-m "not engines"`` skips them); scripts/test-python
runs them all."""

import json
import pickle
import re
import subprocess
import sys
from typing import Any, Callable

import duckdb
import ibis
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from conftest import assert_subset

import servex

KEYS = ["region", "year"]


def survey(n: int = 2400, seed: int = 13) -> pd.DataFrame:
    """Answers 0..10 with 14 unanswered (null), 10 off the scale (12) and 6 that are no
    whole number (7.5); weights in eighths, so that their sums, in any order, are exact."""
    rng = np.random.default_rng(seed)
    answers = rng.integers(0, 11, n).astype("float64")
    bad = rng.choice(n, 30, replace=False)
    answers[bad[:14]] = np.nan
    answers[bad[14:24]] = 12
    answers[bad[24:]] = 7.5
    return pd.DataFrame(
        {
            "answer": pd.array(answers, dtype="Float64"),
            "region": rng.choice(["north", "south", "east"], n),
            "year": rng.choice([2024, 2025], n).astype("int64"),
            "weight": rng.integers(1, 33, n) / 8.0,
        }
    )


def _arrow(df: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(df, preserve_index=False)


LOCAL: dict[str, Callable[[pd.DataFrame], Any]] = {
    "pandas": lambda df: df,
    "polars": lambda df: pl.from_pandas(df),
    "polars-lazy": lambda df: pl.from_pandas(df).lazy(),
    "pyarrow": _arrow,
    "duckdb": lambda df: duckdb.from_arrow(_arrow(df)),
    "ibis": lambda df: ibis.memtable(df),
}
ENGINES = [*LOCAL, pytest.param("spark", marks=pytest.mark.engines), pytest.param("dask", marks=pytest.mark.engines)]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> Callable[[pd.DataFrame], Any]:
    """How a pandas DataFrame becomes the engine's own table."""
    if request.param == "spark":
        session = request.getfixturevalue("spark")
        return lambda df: session.createDataFrame(_arrow(df))
    if request.param == "dask":
        request.getfixturevalue("dask_client")  # the default scheduler from now on
        import dask.dataframe as dd

        return lambda df: dd.from_pandas(df, npartitions=3)
    return LOCAL[request.param]


def collected(df: pd.DataFrame, keys: list[str]) -> dict[str, Any]:
    """The survey's columns as servex.nps takes them, rows in key order (an engine
    orders groups by their keys) and a tuple of keys as its label, the JSON text."""
    df = df.sort_values(keys, kind="stable") if keys else df
    labels = [json.dumps(list(k)) for k in zip(*(df[k] for k in keys))] if len(keys) > 1 else None
    return {
        "responses": df["answer"].to_numpy(dtype="float64", na_value=np.nan),
        "groups": labels if len(keys) > 1 else (df[keys[0]].to_numpy() if keys else None),
        "weights": df["weight"].to_numpy(),
    }


COMPARE = [None, "first", "previous", "rest", {"group": ("south", 2025)}]


def test_the_engine_counts_and_servex_finishes(engine: Callable[[pd.DataFrame], Any]) -> None:
    df = survey()
    data = engine(df)
    for keys in (KEYS, ["region"], []):
        columns = collected(df, keys)
        by = keys if len(keys) != 1 else keys[0]
        for weighted in (True, False):
            tally = servex.tally(data, "answer", by=by or None, weight="weight" if weighted else None)
            direct_columns = columns if weighted else dict(columns, weights=None)
            for name in ("nps", "csat", "ces"):
                scale: dict[str, Any] = {} if name == "nps" else {"scale": 10}
                for compare in COMPARE if keys == KEYS else [None]:
                    got = getattr(tally, name)(invalid="skip", compare=compare, **scale)
                    # The group named by its label, the JSON text of its keys.
                    label = {"group": json.dumps(list(compare["group"]))} if isinstance(compare, dict) else compare
                    direct = getattr(servex, name)(**direct_columns, invalid="skip", compare=label, **scale)
                    # Exactly the counts (integers), the figures within 1e-12.
                    assert_subset(direct.to_dict(), got.to_dict(), 1e-12)
    # Every answer counted, the invalid ones too.
    totals = servex.tally(data, "answer").nps(invalid="skip")
    assert (totals.n, totals.skipped) == (2400 - 30, 30)


def test_several_keys_name_groups_by_tuples(engine: Callable[[pd.DataFrame], Any]) -> None:
    df = survey()
    result = servex.tally(engine(df), "answer", by=KEYS, weight="weight").nps(invalid="skip", compare="first")
    assert result.keys == ("region", "year")
    assert result.labels == sorted(set(zip(df["region"], df["year"].tolist())))
    table = result.to_pandas()
    assert list(table.columns[:3]) == ["region", "year", "n"]
    assert list(zip(table["region"], table["year"])) == result.labels
    assert table["against"].tolist()[1:] == [("east", 2024)] * 5
    north = result.group(("north", 2025))
    rows = df[(df["region"] == "north") & (df["year"] == 2025)]
    valid = rows["answer"].dropna()
    valid = valid[valid.isin(range(11))]
    assert north.n == len(valid) and north.promoters == int((valid >= 9).sum())
    assert result.comparison(("north", 2025))["against"] == ("east", 2024)
    assert result.to_polars()["region"].to_list() == [k[0] for k in result.labels]
    with pytest.raises(KeyError):
        result.group("north")


def test_an_invalid_answer_names_its_value_and_how_many_rows_hold_it(engine: Callable[[pd.DataFrame], Any]) -> None:
    df = survey()
    with pytest.raises(servex.InvalidValueError) as info:
        servex.tally(engine(df), "answer", by=KEYS).nps()
    pattern = r"response (12|7\.5|not a number) is not an integer in 0\.\.10 \((\d+) responses hold it\)"
    match = re.fullmatch(pattern, info.value.message)
    assert match, info.value.message
    value, count = match.groups()
    answers = df["answer"]
    held = {"12": (answers == 12).sum(), "7.5": (answers == 7.5).sum(), "not a number": answers.isna().sum()}
    assert int(count) == held[value]


def test_malformed_tables_name_the_column(engine: Callable[[pd.DataFrame], Any]) -> None:
    df = survey(200)
    hostile = {
        "text": df.assign(answer=df["answer"].astype(str)),
        "float_key": df.assign(year=df["year"] + 0.5),
        "null_key": df.assign(region=df["region"].where(df.index % 7 != 0, None)),
        "null_weight": df.assign(weight=df["weight"].where(df.index != 3, None)),
        "negative": df.assign(weight=df["weight"].where(df.index != 3, -1.0)),
        "huge": df.assign(weight=df["weight"].where(df.index != 3, 1e301)),
    }
    cases = [
        ("text", {}, servex.InvalidDocumentError, "/response", "'answer'"),
        ("float_key", {"by": KEYS}, servex.InvalidDocumentError, "/by/1", "'year'"),
        ("null_key", {"by": "region"}, servex.InvalidValueError, "/by", "'region' has no value in 29 rows"),
        ("null_weight", {"weight": "weight"}, servex.InvalidValueError, "/weight", "'weight' has no weight in 1 rows"),
        ("negative", {"weight": "weight"}, servex.InvalidValueError, "/weight", "negative weight (-1.0)"),
        ("huge", {"weight": "weight"}, servex.InvalidValueError, "/weight", "holds a weight past"),
    ]
    for table, options, error, path, words in cases:
        with pytest.raises(error) as info:
            servex.tally(engine(hostile[table]), "answer", **options)
        assert (info.value.path, words in info.value.message) == (path, True), (table, info.value.message)
    data = engine(df)
    for response, options, path in [
        ("nope", {}, "/response"),
        ("answer", {"by": ["region", "nope"]}, "/by/1"),
        ("answer", {"weight": "nope"}, "/weight"),
    ]:
        with pytest.raises(servex.InvalidDocumentError) as missing:
            servex.tally(data, response, **options)
        assert missing.value.path == path and "'nope'" in missing.value.message


def test_arguments_are_checked() -> None:
    df = survey(50)
    with pytest.raises(servex.InvalidDocumentError) as info:
        servex.tally([1, 2, 3], "answer")
    assert info.value.path == ""
    for by, path in [(["region", 3], "/by/1"), (7, "/by"), (["region", "region"], "/by/1"), ("answer", "/by")]:
        with pytest.raises(servex.InvalidDocumentError) as info:
            servex.tally(df, "answer", by=by)
        assert info.value.path == path
    for response, weight, path in [(3, None, "/response"), ("answer", ["weight"], "/weight")]:
        with pytest.raises(servex.InvalidDocumentError) as info:
            servex.tally(df, response, weight=weight)
        assert info.value.path == path


def test_polars_lazy_frames_are_collected_by_the_streaming_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    engines = []
    collect = pl.LazyFrame.collect

    def spy(self: pl.LazyFrame, *args: Any, **kwargs: Any) -> Any:
        engines.append(kwargs.get("engine"))
        return collect(self, *args, **kwargs)

    monkeypatch.setattr(pl.LazyFrame, "collect", spy)
    servex.tally(pl.from_pandas(survey(100)).lazy(), "answer", by="region")
    assert engines == ["streaming"]


def test_engines_are_imported_only_for_their_data() -> None:
    code = (
        "import sys, pandas as pd, servex\n"
        "servex.tally(pd.DataFrame({'a': [9.0, 3.0], 'g': ['x', 'y']}), 'a', by='g').nps()\n"
        "print(sorted(m for m in ('pyspark', 'dask', 'polars', 'duckdb', 'ibis', 'pyarrow') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    # pyarrow carries the collected counts back; no other engine is loaded.
    assert out.strip() == "['pyarrow']"


def test_tallies_of_chunks_grouped_by_several_keys_add_up() -> None:
    df = survey()
    whole = servex.tally(pl.from_pandas(df), "answer", by=KEYS, weight="weight")
    parts = [servex.tally(pl.from_pandas(part), "answer", by=KEYS, weight="weight") for part in (df[:1000], df[1000:])]
    merged = sum(parts)
    assert isinstance(merged, servex.Tally) and merged.keys == ("region", "year")
    assert merged.nps(invalid="skip", compare="rest") == whole.nps(invalid="skip", compare="rest")
    again = pickle.loads(pickle.dumps(whole))
    assert again == whole and again.keys == whole.keys and again.rows()[0][0] == ("east", 2024)
    result = whole.nps(invalid="skip")
    assert pickle.loads(pickle.dumps(result)) == result
    assert servex.nps(**whole.to_dict(), invalid="skip").to_dict() == result.to_dict()
    with pytest.raises(servex.InvalidDocumentError):
        whole + servex.tally(pl.from_pandas(df), "answer", by="region")
    assert "by region, year" in repr(whole)


@pytest.mark.parametrize("engine", ["duckdb", pytest.param("spark", marks=pytest.mark.engines)])
def test_decimal_and_integer_columns_are_numbers(engine: str, request: pytest.FixtureRequest) -> None:
    con = duckdb.connect()
    con.sql(
        "create table t as select (i % 11)::decimal(4, 1) as a, (i % 2) as g, (1 + i % 3)::decimal(6, 2) as w"
        " from range(600) r(i)"
    )
    table = con.table("t")
    data = table if engine == "duckdb" else request.getfixturevalue("spark").createDataFrame(table.to_arrow_table())
    from_decimals = servex.tally(data, "a", by="g", weight="w").nps()
    rows = con.sql("select a::double as a, g, w::double as w from t").fetchnumpy()
    direct = servex.nps(rows["a"], groups=rows["g"], weights=rows["w"])
    assert_subset(direct.to_dict(), from_decimals.to_dict(), 1e-12)
