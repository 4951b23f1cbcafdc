"""The DataFrame columns of the results are the members of the JSON Schemas of
docs/schema (which the core derives from its types), in the same order: a member
added, renamed or moved in the core fails here until the column lists follow."""

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import servex
from servex import _results

SCHEMAS = Path(__file__).parents[2] / "docs" / "schema"


def members(file: str, name: str) -> list[str]:
    """The members of type `name` (a definition, or the root) of a schema file, in order."""
    schema: dict[str, Any] = json.loads((SCHEMAS / file).read_text())
    found = schema if schema.get("title") == name else schema.get("$defs", {}).get(name)
    assert found is not None, f"{file} defines no {name}"
    return list(found["properties"])


def expanded(columns: list[str], member: str, into: Sequence[str]) -> list[str]:
    """`columns` with `member` replaced by `into`, where it was."""
    at = columns.index(member)
    return [*columns[:at], *into, *columns[at + 1 :]]


def check(columns: Sequence[str], want: list[str], where: str) -> None:
    assert list(columns) == want, (
        f"{where} drifted from docs/schema: the columns are {list(columns)}, the schema's members {want}; "
        "update the column list in bindings-python/python/servex/_results.py"
    )


@pytest.mark.parametrize(
    ("result", "file", "name"),
    [
        (servex.NpsResult, "nps.schema.json", "NpsResult"),
        (servex.CsatResult, "csat.schema.json", "CsatResult"),
        (servex.CesResult, "ces.schema.json", "CesResult"),
    ],
)
def test_metric_columns_are_the_results_members(result: Any, file: str, name: str) -> None:
    check(result.COLUMNS, members(file, name), f"{result.__name__}.COLUMNS")


@pytest.mark.parametrize("file", ["nps.schema.json", "csat.schema.json", "ces.schema.json"])
def test_comparison_and_funnel_columns_are_their_members(file: str) -> None:
    check(_results._COMPARISON_COLUMNS, members(file, "Comparison"), "_COMPARISON_COLUMNS")
    check(_results._FUNNEL_COLUMNS, members(file, "FunnelRow"), "_FUNNEL_COLUMNS")


def test_report_views_are_the_rows_members() -> None:
    rows = {
        "perspectives": "PerspectiveRow",
        "elements": "ElementRow",
        "dimensions": "DimensionRow",
        "levels": "LevelRow",
        "principles": "PrincipleRow",
        "gaps": "GapRow",
        "priorities": "PriorityRow",
        "indicators": "IndicatorRow",
    }
    assert set(servex.Report.VIEWS) == set(rows) and set(rows) <= set(members("report.schema.json", "Report"))
    trend = [f"trend_{m}" for m in members("report.schema.json", "Trend")]
    for view, row in rows.items():
        want = members("report.schema.json", row)
        # An indicator's trend is three columns of its own.
        want = expanded(want, "trend", trend) if view == "indicators" else want
        check(servex.Report.VIEWS[view], want, f"Report.VIEWS[{view!r}]")


def test_framework_views_are_the_frameworks_members() -> None:
    views = {"principles": "Principle", "dimensions": "Dimension", "levels": "Level", "perspectives": "Perspective"}
    for view, name in views.items():
        check(servex.Framework.VIEWS[view], members("framework.schema.json", name), f"Framework.VIEWS[{view!r}]")
    # Every element of every dimension, with its dimension's id after its title.
    element = expanded(members("framework.schema.json", "Element"), "title", ["title", "dimension"])
    check(servex.Framework.VIEWS["elements"], element, "Framework.VIEWS['elements']")


def test_servqual_and_kano_columns_are_their_members() -> None:
    check(servex.ServqualResult.VIEWS["items"], members("servqual.schema.json", "ItemGap"), "ServqualResult items")
    check(
        servex.ServqualResult.VIEWS["dimensions"],
        members("servqual.schema.json", "DimensionGap"),
        "ServqualResult dimensions",
    )
    # The counts per category are a column each.
    counts = members("kano.schema.json", "KanoCounts")
    check(servex.KanoResult.COLUMNS, expanded(members("kano.schema.json", "KanoAttribute"), "counts", counts), "Kano")


def test_units_columns_are_the_unit_rows_members() -> None:
    # The three views become a column per perspective, dimension and element
    # (`perspective:ID`, ...), after these; the unit's free-form meta stays in `units`.
    left_out = {"perspectives", "dimensions", "elements", "meta"}
    want = [m for m in members("units.schema.json", "UnitRow") if m not in left_out]
    check(servex.UnitsResult.COLUMNS, want, "UnitsResult.COLUMNS")
