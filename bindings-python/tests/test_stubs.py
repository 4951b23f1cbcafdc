"""The hand-written stub of the native module (``servex/_servex.pyi``) and the typed
facade agree with what is importable: mypy.stubtest, under mypy's strict mode (a type
error anywhere in the package fails it too)."""

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]

# stubtest takes about 20 s and uses no mypy cache: it starts when the tests are
# collected and runs beside the other tests; the test below waits for it.
STUBTEST = subprocess.Popen(
    [sys.executable, "-m", "mypy.stubtest", "servex", "--mypy-config-file", str(PACKAGE / "pyproject.toml")],
    stdout=subprocess.PIPE,
    stderr=subprocess.STDOUT,
    text=True,
    cwd=str(PACKAGE),
)


def test_stubtest() -> None:
    output, _ = STUBTEST.communicate(timeout=600)
    assert STUBTEST.returncode == 0, output


def test_the_package_is_typed() -> None:
    import servex

    root = Path(servex.__file__).parent
    assert (root / "py.typed").exists() and (root / "_servex.pyi").exists()
