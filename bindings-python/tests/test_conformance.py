"""Every conformance case (tests/*.json at the repository root) through the public API."""

from typing import Any

import pytest
from conftest import assert_subset, load_cases

import servex

CASES = load_cases()


def run(call: str, data: Any) -> dict[str, Any]:
    if call == "score":
        return servex.score(data).to_dict()
    if call == "catalogue":
        return servex.catalogue(**data).to_dict()
    if call == "score_units":
        return servex.score_units(data).to_dict()
    return getattr(servex, call)(**data).to_dict()


def test_there_are_cases_of_every_call() -> None:
    calls = {c["call"] for c in CASES}
    assert {"score", "score_units", "catalogue", "nps", "csat", "ces", "servqual", "kano"} <= calls
    assert len(CASES) >= 90


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    tolerance = case.get("tolerance", 1e-9)
    if "error" in case:
        with pytest.raises(servex.ServexError) as info:
            run(case["call"], case["input"])
        e = info.value
        assert (e.kind, e.path) == (case["error"]["kind"], case["error"]["path"]), str(e)
        assert type(e) is servex.ERRORS[e.kind]
        assert isinstance(e, ValueError) and e.message
    else:
        assert_subset(case["expected"], run(case["call"], case["input"]), tolerance)


@pytest.mark.parametrize("case", [c for c in CASES if c["call"] == "score"], ids=lambda c: c["id"])
def test_score_case_from_json_text_and_scorecard(case: dict[str, Any]) -> None:
    """The same document as JSON text, and (when valid) as a Scorecard, scores the same."""
    import json

    text = json.dumps(case["input"])
    if "error" in case:
        with pytest.raises(servex.ServexError) as info:
            servex.score(text)
        assert info.value.kind == case["error"]["kind"]
        return
    expected = servex.score(case["input"]).to_dict()
    assert servex.score(text).to_dict() == expected
    assert servex.score(servex.Scorecard(case["input"])).to_dict() == expected
