"""The README's python code blocks run as written; those on Spark or Dask run on the
engines the tests start (conftest.py) and are marked ``engines``."""

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
ENGINES = {"pyspark": "spark", "dask": "dask_client"}


def test_the_readme_has_examples() -> None:
    assert len(BLOCKS) >= 2


def block(i: int, code: str) -> object:
    engine = any(module in code for module in ENGINES)
    return pytest.param(code, id=f"block{i}", marks=[pytest.mark.engines] if engine else [])


@pytest.mark.parametrize("code", [block(i, code) for i, code in enumerate(BLOCKS)])
def test_readme_block(code: str, request: pytest.FixtureRequest) -> None:
    for module, fixture in ENGINES.items():
        if module in code:
            request.getfixturevalue(fixture)
    exec(compile(code, str(README), "exec"), {"__name__": "readme"})
