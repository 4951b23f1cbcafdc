"""The python code blocks of the package's README and of the project's run as written."""

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


def test_each_readme_has_examples() -> None:
    for readme in READMES:
        assert any(r == readme for r, _ in BLOCKS), readme


@pytest.mark.parametrize("readme, code", BLOCKS, ids=[f"{r.parent.name}-{i}" for i, (r, _) in enumerate(BLOCKS)])
def test_readme_block(readme: Path, code: str) -> None:
    exec(compile(code, str(readme), "exec"), {"__name__": "readme"})
