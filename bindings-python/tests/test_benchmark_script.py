"""The Python benchmarks keep working: benches/python/compare.py, units.py and engines.py
run in their --quick mode (small sizes, one repetition) and their answers agree with the
reference or routes they are measured against. Nothing is timed."""

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


@pytest.mark.engines
def test_engines_quick_runs() -> None:
    """benches/python/engines.py --quick: Spark and a Dask cluster on a tiny survey,
    every route's scores checked against servex's before anything is timed."""
    script = SCRIPT.parent / "engines.py"
    out = subprocess.run([sys.executable, str(script), "--quick"], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "spark: applyInPandas / servex" in out.stdout
    assert "dask: apply / servex" in out.stdout
