"""Scorecard documents: built from dicts, JSON text and DataFrames, checked at once."""

import pickle

import numpy as np
import pandas as pd
import polars as pl
import pytest

import servex


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["nps", "complaints", "charter", "care-plans"],
            "title": ["Net Promoter Score", "Complaints per 1,000 visits", "Service charter", None],
            "element": [None, "7.4.1", "7.1.1", "7.3.1"],
            "perspective": ["service", None, None, None],
            "levels": ["4", None, None, [2, 3]],
            "principles": ["P2", None, "P1, P3", None],
            "value": [42, 3.1, 3, np.nan],
            "baseline": [0, 8, None, 70],
            "target": [50, 1, None, 95],
            "scale": [None, None, "maturity", None],
            "unit": [None, "per 1,000", None, "%"],
            "thresholds.green": [0.9, None, None, None],
            "meta.owner": ["cx", None, None, "care"],
        }
    )


def test_from_pandas_builds_the_document() -> None:
    card = servex.Scorecard.from_pandas(frame(), title="Small", options={"missing": "zero"})
    doc = card.to_dict()
    assert doc["title"] == "Small" and doc["options"] == {"missing": "zero"}
    nps, complaints, charter, care = doc["indicators"]
    assert nps == {"id": "nps", "title": "Net Promoter Score", "perspective": "service", "levels": [4],
                   "principles": ["P2"], "value": 42, "baseline": 0, "target": 50, "thresholds": {"green": 0.9},
                   "meta": {"owner": "cx"}}  # fmt: skip
    assert "perspective" not in complaints and "title" not in care and "value" not in care
    assert charter["principles"] == ["P1", "P3"] and charter["scale"] == "maturity"
    assert care["levels"] == [2, 3]
    report = card.score()
    assert report == servex.score(card) == servex.score(doc)
    assert [i["status"] for i in report.indicators][3] == "missing"


def test_from_pandas_with_id_index_and_from_polars() -> None:
    df = frame().drop(columns=["levels", "meta.owner", "thresholds.green"])
    by_index = servex.Scorecard.from_pandas(df.set_index("id"))
    assert by_index == servex.Scorecard.from_pandas(df)
    as_polars = servex.Scorecard.from_pandas(pl.from_pandas(df.astype({"baseline": "float64"})))
    assert servex.score(as_polars).score == pytest.approx(servex.score(by_index).score)


def test_from_pandas_refuses_unknown_columns_and_bad_rows() -> None:
    df = frame().rename(columns={"target": "tagret"})
    with pytest.raises(servex.InvalidDocumentError) as info:
        servex.Scorecard.from_pandas(df)
    assert info.value.path.startswith("/indicators/0")
    with pytest.raises(servex.UnknownReferenceError) as info:
        servex.Scorecard.from_pandas(frame().assign(element=["9.9", None, None, None])).score()
    assert info.value.path == "/indicators/0/element"


def test_scorecards_from_dict_and_text_round_trip() -> None:
    sample = servex.sample()
    assert servex.Scorecard(sample.to_json()) == sample == servex.Scorecard(sample.to_dict())
    assert servex.Scorecard.from_json(sample.to_json(indent=2)) == sample
    assert servex.Scorecard(sample) == sample
    assert pickle.loads(pickle.dumps(sample)) == sample
    assert "Acme" in repr(sample) and "<table" in sample._repr_html_()
    assert len(sample.indicators) == len(sample.to_dict()["indicators"])
    with pytest.raises(servex.DuplicateIdError):
        servex.Scorecard({"indicators": [{"id": "a", "element": "7.1.1", "scale": "maturity"}] * 2}).score()


def test_score_accepts_every_document_form() -> None:
    sample = servex.sample()
    expected = servex.score(sample)
    assert servex.score(sample.to_dict()) == expected
    assert servex.score(sample.to_json()) == expected
    from types import MappingProxyType

    assert servex.score(MappingProxyType(sample.to_dict())) == expected


def test_json_text_with_a_byte_order_mark_reads_as_on_every_front() -> None:
    text = '\ufeff{"indicators": [{"id": "a", "perspective": "service", "baseline": 0, "target": 10, "value": 5}]}'
    assert servex.score(text).score == 0.5
