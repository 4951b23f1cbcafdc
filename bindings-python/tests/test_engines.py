"""servex.tally over the engines narwhals reads: the engine counts, servex finishes,
and the figures are those of servex.nps (csat, ces) on the collected columns."""

from typing import Any, Callable, Dict, List

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import servex
from conftest import assert_subset


def survey(n: int = 3000, seed: int = 11) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    answers = rng.integers(0, 11, n).astype("float64")
    answers[rng.choice(n, 12, replace=False)] = np.nan  # unanswered
    answers[rng.choice(n, 5, replace=False)] = 12  # off the scale
    return pd.DataFrame(
        {
            "answer": pd.array(answers, dtype="Float64"),
            "region": rng.choice(["north", "south", "east"], n),
            "weight": rng.uniform(0.2, 4.0, n),
        }
    )


ENGINES: Dict[str, Callable[[pd.DataFrame], Any]] = {
    "pandas": lambda df: df,
    "polars": lambda df: pl.from_pandas(df),
    "polars-lazy": lambda df: pl.from_pandas(df).lazy(),
    "pyarrow": lambda df: pa.Table.from_pandas(df),
    "duckdb": lambda df: duckdb.from_arrow(pa.Table.from_pandas(df)),
}


def by_label(result: Any) -> List[Dict[str, Any]]:
    return sorted(result.to_dict()["groups"], key=lambda g: str(g["group"]))


@pytest.mark.parametrize("engine", list(ENGINES), ids=list(ENGINES))
def test_the_engine_counts_and_servex_finishes(engine: str) -> None:
    df = survey()
    data = ENGINES[engine](df)
    collected = (df["answer"].astype("float64").to_numpy(), df["region"].to_numpy(), df["weight"].to_numpy())
    weighted = servex.tally(data, "answer", by="region", weight="weight")
    plain = servex.tally(data, "answer", by="region")
    for name in ("nps", "csat", "ces"):
        options = {"invalid": "skip"} if name == "nps" else {"invalid": "skip", "scale": 10}
        direct = getattr(servex, name)(collected[0], groups=collected[1], weights=collected[2], **options)
        assert_subset(by_label(direct), by_label(getattr(weighted, name)(**options)), 1e-12)
        direct = getattr(servex, name)(collected[0], groups=collected[1], **options)
        assert_subset(by_label(direct), by_label(getattr(plain, name)(**options)), 1e-12)
    # Exactly the counts, skipped answers included.
    totals = servex.tally(data, "answer").nps(invalid="skip")
    assert (totals.n, totals.skipped) == (3000 - 17, 17)
    with pytest.raises(servex.InvalidValueError):
        servex.tally(data, "answer").nps()


def test_columns_and_weights_are_checked() -> None:
    df = survey(200)
    with pytest.raises(servex.InvalidDocumentError) as missing:
        servex.tally(df, "nope")
    assert missing.value.path == "/response"
    with pytest.raises(servex.InvalidDocumentError) as group:
        servex.tally(df, "answer", by="nope")
    assert group.value.path == "/by"
    for bad in (None, -1.0, 1e301):
        hostile = df.copy()
        hostile.loc[3, "weight"] = bad
        with pytest.raises(servex.InvalidValueError) as info:
            servex.tally(pl.from_pandas(hostile), "answer", by="region", weight="weight")
        assert info.value.path == "/weights"
    with pytest.raises(servex.InvalidDocumentError):
        servex.tally([1, 2, 3], "answer")


def test_decimal_and_integer_columns_are_numbers() -> None:
    con = duckdb.connect()
    con.sql("create table t as select (i % 11)::decimal(4, 1) as a, (i % 2) as g, (1 + i % 3)::decimal(6, 2) as w from range(600) r(i)")
    from_decimals = servex.tally(con.table("t"), "a", by="g", weight="w").nps()
    rows = con.sql("select a::double as a, g, w::double as w from t").fetchnumpy()
    direct = servex.nps(rows["a"], groups=rows["g"], weights=rows["w"])
    assert_subset(by_label(direct), by_label(from_decimals), 1e-12)
