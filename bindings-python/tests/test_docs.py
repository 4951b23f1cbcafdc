"""The Python API reference builds from the docstrings and stubs with no warning
(pdoc, warnings as errors), into target/api/python."""

import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "target" / "api" / "python"


def test_the_api_reference_builds_without_warnings() -> None:
    built = subprocess.run(
        [sys.executable, "-W", "error", "-m", "pdoc", "servex", "-o", str(OUT)], capture_output=True, text=True
    )
    assert built.returncode == 0, built.stderr
    page = (OUT / "servex.html").read_text(encoding="utf-8")
    for name in ("score_units", "tally", "UnitsResult", "ServexError"):
        assert name in page, name
