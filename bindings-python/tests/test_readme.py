"""The python code blocks of the package's README and of the project's run as written;
those on Spark or Dask run on the engines the tests start (conftest.py) and are marked
``engines``."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READMES = [ROOT / "bindings-python" / "README.md", ROOT / "README.md"]
BLOCKS = [
    (readme, code)
    for readme in READMES
    for code in re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), flags=re.S)
]
ENGINES = {"pyspark": "spark", "dask": "dask_client"}


def test_each_readme_has_examples() -> None:
    for readme in READMES:
        assert any(r == readme for r, _ in BLOCKS), readme


def block(i: int, readme: Path, code: str) -> object:
    engine = any(module in code for module in ENGINES)
    return pytest.param(readme, code, id=f"{readme.parent.name}-{i}", marks=[pytest.mark.engines] if engine else [])


@pytest.mark.parametrize("readme, code", [block(i, readme, code) for i, (readme, code) in enumerate(BLOCKS)])
def test_readme_block(readme: Path, code: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    # Blocks that write files write them in a directory of their own.
    request.getfixturevalue("monkeypatch").chdir(tmp_path)
    for module, fixture in ENGINES.items():
        if module in code:
            request.getfixturevalue(fixture)
    exec(compile(code, str(readme), "exec"), {"__name__": "readme"})
