import json
import math
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = ROOT / "tests"

sys.path.insert(0, str(ROOT / "benches" / "python"))
from local_engines import start_dask, start_spark  # noqa: E402


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """Spark in local mode on two cores, started once for every test that asks."""
    session = start_spark()
    yield session
    session.stop()


@pytest.fixture(scope="session")
def dask_client() -> Iterator[Any]:
    """A Dask cluster of two worker processes, the default scheduler while it runs."""
    client = start_dask(workers=2)
    assert len(client.scheduler_info()["workers"]) == 2
    yield client
    client.close()
    client.cluster.close()


def load_cases() -> list[dict[str, Any]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            case["file"] = path.name
            cases.append(case)
    return cases


def assert_subset(expected: Any, actual: Any, tolerance: float = 1e-9, at: str = "") -> None:
    """SPEC 9: every key `expected` names is present and equal (numbers within
    tolerance, arrays of equal length element by element, objects recursively)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{at}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{at}/{key}: missing"
            assert_subset(value, actual[key], tolerance, f"{at}/{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{at}: expected an array, got {actual!r}"
        assert len(expected) == len(actual), f"{at}: length {len(actual)} != {len(expected)}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            assert_subset(e, a, tolerance, f"{at}/{i}")
    elif isinstance(expected, bool) or expected is None or isinstance(expected, str):
        assert actual == expected and type(actual) is type(expected), f"{at}: {actual!r} != {expected!r}"
    elif isinstance(expected, (int, float)):
        assert isinstance(actual, (int, float)) and not isinstance(actual, bool), f"{at}: {actual!r} is not a number"
        assert math.isfinite(actual) and abs(actual - expected) <= tolerance, f"{at}: {actual!r} != {expected!r}"
    else:  # pragma: no cover
        raise AssertionError(f"{at}: unexpected expected value {expected!r}")
