"""The Python benchmarks keep working: benches/python/compare.py and units.py run in
their --quick mode (small sizes, one repetition) and their answers agree with the
reference they are measured against. Nothing is timed."""

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


def test_units_quick_runs() -> None:
    pytest.importorskip("pandas")
    script = SCRIPT.parent / "units.py"
    out = subprocess.run([sys.executable, str(script), "--quick"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "servex.score_units(template, frame, period=)" in out.stdout
