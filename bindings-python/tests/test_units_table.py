"""servex.score_units(scorecard, values): units from a long or wide table of values
score as the SPEC 12.1 document the table describes, on pandas, polars and pyarrow,
and every fault names its column and row."""

import datetime
from typing import Any, Callable

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import servex

TEMPLATE: dict[str, Any] = {
    "perspectives": [
        {"id": "service", "weight": 2},
        {"id": "financial"},
        {"id": "operational"},
        {"id": "learning_growth"},
    ],
    "indicators": [
        {"id": "nps", "perspective": "service", "baseline": 0, "target": 60},
        {"id": "wait", "element": "7.4.1", "baseline": 20, "target": 5},
        {"id": "care", "element": "7.3.1", "scale": "maturity"},
        {"id": "cost", "perspective": "financial", "baseline": 50, "target": 38},
    ],
}

ENGINES: dict[str, Callable[[pd.DataFrame], Any]] = {
    "pandas": lambda df: df,
    "polars": lambda df: pl.from_pandas(df),
    "polars-lazy": lambda df: pl.from_pandas(df).lazy(),
    "pyarrow": lambda df: pa.Table.from_pandas(df, preserve_index=False),
}


def chain(units: int = 40, periods: int = 3, seed: int = 5) -> pd.DataFrame:
    """A long table: every unit, indicator and period, a few values not measured,
    rows shuffled."""
    rng = np.random.default_rng(seed)
    rows = []
    for u in range(units):
        for ind in TEMPLATE["indicators"]:
            for p in range(periods):
                value = float(rng.integers(0, 5)) if ind.get("scale") else float(rng.uniform(0, 70))
                if rng.random() < 0.08:
                    value = np.nan
                rows.append(
                    {"unit": f"branch-{u:02d}", "indicator": ind["id"], "period": f"2026-Q{p + 1}", "value": value}
                )
    frame = pd.DataFrame(rows)
    return frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)


def document_of(frame: pd.DataFrame) -> dict[str, Any]:
    """The SPEC 12.1 input the long table describes, written out by hand."""
    units: dict[str, dict[str, Any]] = {}
    for row in frame.sort_values("period", kind="stable").itertuples():
        unit = units.setdefault(row.unit, {"id": row.unit, "values": {}, "history": {}})
        value = None if np.isnan(row.value) else row.value
        if row.indicator in unit["values"]:
            point = {"period": unit["values"][row.indicator][0], "value": unit["values"][row.indicator][1]}
            unit["history"].setdefault(row.indicator, []).append(point)
        unit["values"][row.indicator] = (row.period, value)
    ordered = [units[u] for u in dict.fromkeys(frame["unit"])]
    for unit in ordered:
        unit["values"] = {k: v for k, (_, v) in unit["values"].items()}
    return {"scorecard": TEMPLATE, "units": ordered}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_long_table_scores_as_the_document_it_describes(engine: str) -> None:
    frame = chain()
    got = servex.score_units(TEMPLATE, ENGINES[engine](frame), period="period")
    want = servex.score_units(document_of(frame))
    assert got.to_dict() == want.to_dict()
    assert len(got.to_pandas()) == 40


def test_a_wide_table_scores_as_its_long_form() -> None:
    frame = chain(periods=1)
    wide = frame.pivot(index="unit", columns="indicator", values="value").reset_index()
    wide = wide.set_index("unit").loc[list(dict.fromkeys(frame["unit"]))].reset_index()
    got = servex.score_units(TEMPLATE, wide)
    want = servex.score_units(TEMPLATE, frame.drop(columns="period"))
    assert got.to_dict() == want.to_dict()


def test_periods_run_in_their_own_order_and_the_latest_is_the_value() -> None:
    template = {"indicators": [{"id": "nps", "perspective": "service", "baseline": 0, "target": 100}]}
    # As text "10" sorts before "9": the numbers must be compared as numbers.
    frame = pd.DataFrame({"unit": ["a", "a"], "indicator": ["nps", "nps"], "period": [10, 9], "value": [100.0, 0.0]})
    assert servex.score_units(template, frame, period="period").units[0]["score"] == 1.0
    dated = frame.assign(period=[datetime.date(2026, 10, 1), datetime.date(2026, 9, 1)])
    assert servex.score_units(template, pl.from_pandas(dated), period="period").units[0]["score"] == 1.0
    stamps = frame.assign(period=pd.to_datetime(["2026-10-01", "2026-09-01"]))
    assert servex.score_units(template, stamps, period="period").units[0]["score"] == 1.0


def test_a_null_in_the_latest_period_is_not_measured() -> None:
    template = {"indicators": [{"id": "nps", "perspective": "service", "baseline": 0, "target": 100}]}
    frame = pd.DataFrame({"unit": ["a", "a"], "indicator": ["nps", "nps"], "period": [1, 2], "value": [50.0, None]})
    unit = servex.score_units(template, frame, period="period").units[0]
    assert unit["score"] is None and unit["coverage"] == 0.0


def test_whole_number_unit_labels_are_their_decimal_text() -> None:
    frame = pd.DataFrame({"unit": [7, 12], "indicator": ["nps", "nps"], "value": [30.0, 60.0]})
    assert [u["id"] for u in servex.score_units(TEMPLATE, frame).units] == ["7", "12"]


FAULTS: list[Any] = [
    (lambda f: f.drop(columns="unit"), {}, servex.InvalidDocumentError, "/unit"),
    (lambda f: f.drop(columns="value"), {}, servex.InvalidDocumentError, "/value"),
    (lambda f: f.assign(value=["x"] * len(f)), {}, servex.InvalidValueError, "/value"),
    (lambda f: f.assign(value=[True] * len(f)), {}, servex.InvalidValueError, "/value"),
    (lambda f: f.assign(unit=[1.5] * len(f)), {}, servex.InvalidValueError, "/unit"),
    (lambda f: f.assign(unit=[None, *f["unit"][1:]]), {}, servex.InvalidValueError, "/unit/0"),
    (
        lambda f: f.assign(indicator=[*f["indicator"][:2], "speed", *f["indicator"][3:]]),
        {},
        servex.UnknownReferenceError,
        "/indicator/2",
    ),
    (lambda f: f.assign(value=[*f["value"][:2], 9.0, *f["value"][3:]]), {}, servex.InvalidValueError, "/value/2"),
    (lambda f: f.assign(value=[*f["value"][:3], np.inf, *f["value"][4:]]), {}, servex.InvalidValueError, "/value/3"),
    (lambda f: pd.concat([f, f.iloc[[1]]], ignore_index=True), {}, servex.DuplicateIdError, "/indicator/4"),
    (lambda f: f.assign(unit=["u" * 257] * len(f)), {}, servex.LimitExceededError, "/unit/0"),
    (lambda f: f, {"period": "when"}, servex.InvalidDocumentError, "/period"),
]


@pytest.mark.parametrize("change, options, error, path", FAULTS)
def test_a_fault_names_its_column_and_row(change: Any, options: dict[str, Any], error: Any, path: str) -> None:
    # Rows 0 to 3: unit a's nps, wait, care (a maturity rating, 0 to 4), cost.
    frame = pd.DataFrame(
        {"unit": ["a"] * 4, "indicator": ["nps", "wait", "care", "cost"], "value": [30.0, 9.0, 2.0, 40.0]}
    )
    with pytest.raises(error) as caught:
        servex.score_units(TEMPLATE, change(frame), **options)
    assert caught.value.path == path


def test_a_wide_fault_names_the_indicator_column_and_row() -> None:
    wide = pd.DataFrame({"unit": ["a", "b"], "nps": [30.0, 40.0], "care": [2.0, 7.0]})
    with pytest.raises(servex.InvalidValueError) as caught:
        servex.score_units(TEMPLATE, wide)
    assert caught.value.path == "/care/1"
    with pytest.raises(servex.UnknownReferenceError) as caught:
        servex.score_units(TEMPLATE, wide.assign(speed=[1.0, 2.0]))
    assert caught.value.path == "/speed/0"


def test_values_must_be_a_table() -> None:
    with pytest.raises(servex.InvalidDocumentError):
        servex.score_units(TEMPLATE, [1, 2, 3])


def test_the_units_pictures_are_the_command_lines_bytes(tmp_path: Any) -> None:
    import json
    import pathlib
    import subprocess

    result = servex.score_units(document_of(chain(units=12)))
    path = tmp_path / "units.json"
    path.write_text(json.dumps(document_of(chain(units=12))))
    root = pathlib.Path(__file__).resolve().parents[2]
    for flags, drawn in (([], result.html()), (["--svg"], result.svg())):
        cli = subprocess.run(
            ["cargo", "run", "-q", "-p", "servex-cli", "--", "report-units", str(path), *flags],
            capture_output=True, cwd=root, check=True,
        )  # fmt: skip
        assert drawn.encode("utf-8") == cli.stdout
    assert result._repr_html_().startswith("<svg")
    assert "Units by rank" in result.html() and "branch-11" in result.html()


def test_too_many_units_are_limit_exceeded_on_both_forms() -> None:
    eleven = {"indicators": [{"id": f"k{i}", "perspective": "service", "baseline": 0, "target": 1} for i in range(11)]}
    with pytest.raises(servex.LimitExceededError) as caught:
        servex.score_units({"scorecard": eleven, "units": [{"id": "u"}] * 1_000_000})
    assert caught.value.path == "/units"
    table = pd.DataFrame({"unit": np.arange(1_000_001), "indicator": "k0", "value": 0.5})
    with pytest.raises(servex.LimitExceededError) as caught:
        servex.score_units(eleven, table)
    assert caught.value.path == "/unit"


def test_categorical_labels_are_their_text() -> None:
    frame = chain(periods=1).drop(columns="period")
    categorical = frame.assign(unit=frame["unit"].astype("category"), indicator=frame["indicator"].astype("category"))
    assert servex.score_units(TEMPLATE, categorical).to_dict() == servex.score_units(TEMPLATE, frame).to_dict()
    as_polars = pl.from_pandas(frame).with_columns(pl.col("unit").cast(pl.Categorical))
    assert servex.score_units(TEMPLATE, as_polars).to_dict() == servex.score_units(TEMPLATE, frame).to_dict()


def test_faults_name_the_users_columns_and_odd_column_names_work() -> None:
    frame = pd.DataFrame({"branch": ["a", None], "indicator": ["nps", "nps"], "score": [30.0, 40.0]})
    with pytest.raises(servex.InvalidValueError) as caught:
        servex.score_units(TEMPLATE, frame, unit="branch", value="score")
    assert caught.value.path == "/branch/1"
    with pytest.raises(servex.InvalidValueError) as caught:
        servex.score_units(TEMPLATE, frame.assign(branch=["a", "b"], score=["x", "y"]), unit="branch", value="score")
    assert caught.value.path == "/score"
    numbered = {"indicators": [{"id": i, "perspective": "service", "baseline": 0, "target": 10} for i in ("1", "2")]}
    wide = pd.DataFrame({"unit": ["x", "y", "z"], 1: [1.0, 2, 3], 2: [5.0, 6, 7]})
    assert [u["id"] for u in servex.score_units(numbered, wide).units] == ["x", "y", "z"]
    assert len(servex.score_units(numbered, wide.iloc[:1]).units) == 1
    named = {"indicators": [{"id": "indicator", "perspective": "service", "baseline": 0, "target": 10}]}
    assert servex.score_units(named, pd.DataFrame({"unit": ["x"], "indicator": [3.0]})).units[0]["score"] == 0.3
