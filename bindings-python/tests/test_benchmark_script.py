"""The Python benchmark keeps working: benches/python/compare.py --quick runs (small
sizes, one repetition) and its answers agree with the numpy idiom. Nothing is timed."""

import pathlib
import subprocess
import sys

import pytest

SCRIPT = pathlib.Path(__file__).resolve().parents[2] / "benches" / "python" / "compare.py"


def test_compare_quick_runs() -> None:
    pytest.importorskip("pandas")
    out = subprocess.run([sys.executable, str(SCRIPT), "--quick"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "servex.nps(uint8, groups=uint32)" in out.stdout
    assert "servex.csat(Series, groups=categorical)" in out.stdout
