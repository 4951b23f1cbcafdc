"""servex.sample() scores to the headline every front's tests expect (tests/sample/headline.json)."""

import json

from conftest import ROOT

import servex

HEADLINE = json.loads((ROOT / "tests" / "sample" / "headline.json").read_text(encoding="utf-8"))


def test_the_sample_scores_the_shared_headline() -> None:
    report = servex.score(servex.sample())
    assert (report.title, report.score) == (HEADLINE["title"], HEADLINE["score"])
