"""A cross-front differential test: seeded inputs (every conformance input, and each
mutated once or twice: a number made extreme, a member dropped, renamed or retyped)
run through Python (as objects and as JSON text), the command line, and the npm
package in Node (as objects, and as text where it takes text). Every front must give
the same result, or the same error kind and path.

Numbers JSON text cannot hold (NaN, infinities) reach only the object fronts; a second
family of inputs puts one in each place of every conformance input that holds a number,
and Python's objects and Node's must agree there too.

Set SERVEX_DIFFERENTIAL=N to run N inputs (2,000 by default)."""

import json
import math
import os
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import servex
from servex import _servex

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "bindings-wasm" / "pkg"
COUNT = int(os.environ.get("SERVEX_DIFFERENTIAL", "2000"))
COMMANDS = {"score_units": "score-units"}

#: Numbers at and past SPEC 8's magnitudes, and the odd ones.
EXTREMES: list[Any] = [1e300, -1e300, 1e301, -1e301, 1e-300, 1e-301, 5e-324, -0.0, 2**53 + 1, 10**30, -(10**30),
                       1e308, 0, 1, -1, 0.5, 11, 101]  # fmt: skip
#: Values of the wrong type.
OTHERS: list[Any] = [None, True, "3", "", [], {}, [1, 2], {"x": 1}, "\u00e9t\u00e9"]


def seeds() -> list[tuple[str, Any]]:
    found = []
    for path in sorted((ROOT / "tests").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            found.append((case["call"], case["input"]))
    return found


def places(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value, as the keys and indexes leading to it."""
    out = [at]
    if isinstance(value, dict):
        for k, v in value.items():
            out += places(v, (*at, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:6]):
            out += places(v, (*at, i))
    return out


def mutate(value: Any, rng: random.Random) -> Any:
    value = json.loads(json.dumps(value))
    where = rng.choice(places(value))
    if not where:
        return rng.choice(OTHERS + EXTREMES)
    parent = value
    for step in where[:-1]:
        parent = parent[step]
    last = where[-1]
    roll = rng.random()
    if roll < 0.45:
        parent[last] = rng.choice(EXTREMES)
    elif roll < 0.7:
        parent[last] = rng.choice(OTHERS)
    elif roll < 0.85 and isinstance(parent, dict):
        del parent[last]
    elif isinstance(parent, dict):
        parent[str(last) + "_"] = parent.pop(last)
    else:
        parent.append(parent[last])
    return value


def corpus(count: int) -> list[dict[str, Any]]:
    rng = random.Random(20261204)
    base = seeds()
    inputs = [{"call": call, "text": json.dumps(value)} for call, value in base]
    while len(inputs) < count:
        call, value = rng.choice(base)
        for _ in range(rng.choice([1, 1, 2])):
            value = mutate(value, rng)
        inputs.append({"call": call, "text": json.dumps(value)})
    return inputs[:count]


def python_outcome(run: Any) -> dict[str, Any]:
    try:
        return {"ok": run()}
    except servex.ServexError as e:
        return {"error": [e.kind, e.path]}
    except Exception as e:  # a foreign exception is a finding
        return {"foreign": f"{type(e).__name__}: {e}"}


def cli_outcome(binary: str, call: str, text: str) -> dict[str, Any]:
    done = subprocess.run([binary, COMMANDS.get(call, call), "-"], input=text.encode(), capture_output=True)
    if done.returncode == 0:
        return {"ok": json.loads(done.stdout)}
    if done.returncode == 2:
        error = json.loads(done.stderr)["error"]
        return {"error": [error["kind"], error["path"]]}
    return {"foreign": done.stderr.decode(errors="replace")}


def same(a: Any, b: Any) -> bool:
    """Equal results: numbers equal as doubles (JSON does not tell 1 from 1.0)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b) and math.copysign(1, float(a)) == math.copysign(1, float(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return bool(a == b)


def lossy_in_javascript(value: Any) -> bool:
    """Whether a JavaScript number cannot hold one of the input's integers."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) > 2**53
    if isinstance(value, dict):
        return any(lossy_in_javascript(v) for v in value.values())
    if isinstance(value, list):
        return any(lossy_in_javascript(v) for v in value)
    return False


def non_finite_corpus() -> list[dict[str, Any]]:
    """Every place holding a number in every conformance input, given NaN, an infinity
    or its negative in turn (as `nonfinite`: where, and the number's JavaScript name)."""
    words = ["NaN", "Infinity", "-Infinity"]
    inputs = []
    for call, value in seeds():
        numbers = [at for at in places(value) if at and type(lookup(value, at)) in (int, float)]
        for i, at in enumerate(numbers):
            inputs.append(
                {"call": call, "text": json.dumps(value), "nonfinite": {"at": list(at), "word": words[i % 3]}}
            )
    return inputs


def lookup(value: Any, at: tuple[Any, ...]) -> Any:
    for step in at:
        value = value[step]
    return value


def run_in_node(inputs: list[dict[str, Any]], tmp_path: Path) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None or not (PACKAGE / "package.json").exists():
        if os.environ.get("CI"):
            raise AssertionError("CI runs the differential test with Node and the built package")
        pytest.skip("needs node and bindings-wasm/pkg (scripts/test-wasm builds it)")
    (tmp_path / "inputs.json").write_text(json.dumps(inputs))
    ran = subprocess.run(
        [node, str(ROOT / "tests" / "fuzz" / "differential.mjs"), str(PACKAGE), str(tmp_path / "inputs.json")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    outcomes: list[dict[str, Any]] = json.loads(ran.stdout)
    return outcomes


@pytest.fixture(scope="module")
def cli() -> str:
    built = subprocess.run(
        ["cargo", "build", "-q", "-p", "servex-cli", "--message-format=json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    for line in built.stdout.splitlines():
        message = json.loads(line)
        if message.get("executable") and message.get("target", {}).get("name") == "servex":
            return str(message["executable"])
    raise AssertionError("cargo built no servex binary")


def test_every_front_gives_the_same_answer(cli: str, tmp_path: Path) -> None:
    inputs = corpus(COUNT)
    in_node = run_in_node(inputs, tmp_path)
    findings = []
    for case, js in zip(inputs, in_node):
        call, text = case["call"], case["text"]
        value = json.loads(text)
        fronts = {
            "python": python_outcome(lambda: _servex.call(call, value)),
            "python-text": python_outcome(lambda: _servex.call_json(call, text)),
            "cli": cli_outcome(cli, call, text),
            "node-text": js.get("text"),
        }
        # In JavaScript a string is always JSON text, and a number holds 53 bits.
        if not isinstance(value, str) and not lossy_in_javascript(value):
            fronts["node"] = js["object"]
        reference = fronts["cli"]
        for front, got in fronts.items():
            if got is None or front == "cli":
                continue
            if "foreign" in got:
                findings.append(f"{call} {text[:200]}: {front} raised {got['foreign']}")
            elif ("ok" in got) != ("ok" in reference):
                findings.append(f"{call} {text[:200]}: cli {str(reference)[:120]}, {front} {str(got)[:120]}")
            elif "ok" in got and not same(got["ok"], reference["ok"]):
                findings.append(f"{call} {text[:200]}: {front}'s result differs from the command line's")
            elif "error" in got and got["error"] != reference["error"]:
                findings.append(f"{call} {text[:200]}: cli {reference['error']}, {front} {got['error']}")
    assert not findings, f"{len(findings)} of {len(inputs)} inputs disagree:\n" + "\n".join(findings[:30])


def test_a_number_json_cannot_hold_reads_the_same_in_python_and_javascript(tmp_path: Path) -> None:
    inputs = non_finite_corpus()
    in_node = run_in_node(inputs, tmp_path)
    findings, kinds = [], set()
    for case, js in zip(inputs, in_node):
        value = json.loads(case["text"])
        at, word = case["nonfinite"]["at"], case["nonfinite"]["word"]
        lookup(value, tuple(at[:-1]))[at[-1]] = float(word)
        got = python_outcome(lambda: _servex.call(case["call"], value))
        kinds.add("ok" if "ok" in got else str(got.get("error", ["foreign"])[0]))
        if "foreign" in got or "foreign" in js["object"]:
            findings.append(f"{case['call']} {word} at {at}: python {got}, node {js['object']}")
        elif ("ok" in got) != ("ok" in js["object"]) or got.get("error") != js["object"].get("error"):
            findings.append(f"{case['call']} {word} at {at}: python {str(got)[:120]}, node {str(js['object'])[:120]}")
        elif "ok" in got and not same(got["ok"], js["object"]["ok"]):
            findings.append(f"{case['call']} {word} at {at}: the results differ")
    assert not findings, f"{len(findings)} of {len(inputs)} inputs disagree:\n" + "\n".join(findings[:30])
    # Both readings occur: a missing answer that scores, and a refusal where it stands.
    assert {"ok", "invalid_value"} <= kinds, kinds


def test_every_front_names_the_same_error_kinds() -> None:
    """The kinds come from the core: Python's list is the core's, and the npm
    package's must equal it (it writes them out for its types)."""
    node = shutil.which("node")
    if node is None or not (PACKAGE / "package.json").exists():
        if os.environ.get("CI"):
            raise AssertionError("CI runs the differential test with Node and the built package")
        pytest.skip("needs node and bindings-wasm/pkg (scripts/test-wasm builds it)")
    script = f"console.log(JSON.stringify(require({json.dumps(str(PACKAGE))}).ERROR_KINDS))"
    kinds = json.loads(subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout)
    assert kinds == list(_servex.KINDS)
    assert sorted(servex.ERRORS) == sorted(kinds)
