"""SPEC 8's limits from Python, exactly at the boundary and one past it: indicators,
history points, id length (in code points) and nesting depth (text and objects); and
refusing a document over the indicator limit costs no multiple of its size."""

import json
import subprocess
import sys
import textwrap
from typing import Any

import numpy as np
import pytest

import servex

MAX_INDICATORS = 1_000_000
MAX_HISTORY = 100_000
MAX_ID = 256
MAX_DEPTH = 64


def measure(ident: str = "a", **extra: Any) -> dict[str, Any]:
    return {"id": ident, "perspective": "service", "baseline": 0, "target": 1, "value": 1, **extra}


def error_of(doc: Any) -> servex.ServexError:
    with pytest.raises(servex.ServexError) as info:
        servex.score(doc)
    return info.value


def test_a_million_indicators_pass_the_count_and_one_more_is_refused() -> None:
    # Nulls are cheap to build, and each would be an invalid indicator: at the limit
    # the count passes and the first indicator is the fault; one past, the count is.
    # (Scoring a million real indicators takes minutes: core/tests/limits.rs does it.)
    e = error_of({"indicators": [None] * MAX_INDICATORS})
    assert (e.kind, e.path) == ("invalid_document", "/indicators/0")
    e = error_of({"indicators": [None] * (MAX_INDICATORS + 1)})
    assert (e.kind, e.path) == ("limit_exceeded", "/indicators")
    text = '{"indicators": [' + ",".join(["null"] * (MAX_INDICATORS + 1)) + "]}"
    e = error_of(text)
    assert (e.kind, e.path) == ("limit_exceeded", "/indicators")


def history(n: int) -> list[dict[str, Any]]:
    point = {"period": "p", "value": 0.5}
    return [point] * n


def test_history_points_at_the_limit_and_one_past() -> None:
    report = servex.score({"indicators": [measure(history=history(MAX_HISTORY))]})
    assert report.score == 1.0
    e = error_of({"indicators": [measure(history=history(MAX_HISTORY + 1))]})
    assert isinstance(e, servex.LimitExceededError) and e.path == "/indicators/0/history"
    text = json.dumps({"indicators": [measure(history=history(MAX_HISTORY + 1))]})
    assert (error_of(text).kind, error_of(text).path) == ("limit_exceeded", "/indicators/0/history")


@pytest.mark.parametrize("char", ["é", "€", "𝄞"])  # 2, 3 and 4 bytes in UTF-8
def test_ids_are_counted_in_code_points(char: str) -> None:
    ok = char * MAX_ID
    assert servex.score({"indicators": [measure(ok)]}).indicators[0]["id"] == ok
    assert servex.score(json.dumps({"indicators": [measure(ok)]}, ensure_ascii=False)).score == 1.0
    for doc in ({"indicators": [measure(ok + char)]}, json.dumps({"indicators": [measure(ok + char)]})):
        e = error_of(doc)
        assert isinstance(e, servex.LimitExceededError) and e.path == "/indicators/0/id", doc


def nested_lists(depth: int) -> Any:
    value: Any = []
    for _ in range(depth - 1):
        value = [value]
    return value


def nested_dicts(depth: int) -> Any:
    value: Any = {}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


def lists_text(depth: int) -> str:
    return "[" * depth + "]" * depth


def dicts_text(depth: int) -> str:
    return '{"a":' * (depth - 1) + "{}" + "}" * (depth - 1)


@pytest.mark.parametrize("as_text", [lists_text, dicts_text])
def test_json_text_nested_64_deep_is_read_and_65_refused(as_text: Any) -> None:
    # The document is depth 1, so its "meta" member holds 63 levels at the limit.
    # No member of a valid document nests that deep: at the limit the fault is the
    # unknown member, one past it the depth.
    e = error_of('{"indicators": [], "meta": ' + as_text(MAX_DEPTH - 1) + "}")
    assert (e.kind, e.path) == ("invalid_document", "/meta")
    e = error_of('{"indicators": [], "meta": ' + as_text(MAX_DEPTH) + "}")
    assert (e.kind, e.path) == ("limit_exceeded", "")
    # The top-level value alone, 64 deep: not a document, but not too deep either.
    assert error_of(as_text(MAX_DEPTH)).kind == "invalid_document"
    assert error_of(as_text(MAX_DEPTH + 1)).kind == "limit_exceeded"


@pytest.mark.parametrize("build", [nested_lists, nested_dicts])
def test_objects_nested_64_deep_are_read_and_65_refused(build: Any) -> None:
    e = error_of({"indicators": [], "meta": build(MAX_DEPTH - 1)})
    assert (e.kind, e.path) == ("invalid_document", "/meta")
    with pytest.raises(servex.InvalidDocumentError):
        servex.Scorecard({"indicators": [], "meta": build(MAX_DEPTH - 1)})
    e = error_of({"indicators": [], "meta": build(MAX_DEPTH)})
    assert (e.kind, e.path) == ("limit_exceeded", "")
    with pytest.raises(servex.LimitExceededError):
        servex.Scorecard({"indicators": [], "meta": build(MAX_DEPTH)})
    # The same limit for every call that takes data, and for answer matrices.
    with pytest.raises(servex.LimitExceededError):
        servex.catalogue({"id": "x", "deep": build(MAX_DEPTH)})  # type: ignore[arg-type]
    with pytest.raises(servex.LimitExceededError):
        servex.servqual([[build(MAX_DEPTH)]], [[1]])


REFUSAL = textwrap.dedent(
    """
    import resource, sys, servex
    from servex import _servex
    peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    ind = {"id": "a", "perspective": "service", "baseline": 0, "target": 1, "value": 1}
    doc = {"indicators": [ind] * 1_000_001}
    size = sys.getsizeof(doc["indicators"])
    try:
        servex.score({"indicators": [ind] * 10})  # warm up: the module and its allocator
    except servex.ServexError:
        pass
    before = peak()
    try:
        servex.score(doc)
    except servex.LimitExceededError as e:
        assert e.path == "/indicators", e.path
    else:
        raise SystemExit("accepted")
    print(size, peak() - before)
    """
)


def test_refusing_too_many_indicators_costs_no_multiple_of_the_document() -> None:
    """The peak resident size of a fresh process (it sees Rust's allocations, which
    tracemalloc does not) grows by less than the document's own list of 1,000,001
    references (8 MB) while that document is refused."""
    out = subprocess.run([sys.executable, "-c", REFUSAL], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    size, growth = (int(x) for x in out.stdout.split())
    assert size >= 8 * (MAX_INDICATORS + 1)
    assert growth < size, (growth, size)


def test_more_than_a_million_groups_are_limit_exceeded_before_any_is_tallied() -> None:
    n = 1_000_001
    answers = (np.arange(n) % 11).astype(np.uint8)
    for groups in (np.arange(n, dtype=np.uint32), [f"g{i}" for i in range(n)]):
        with pytest.raises(servex.LimitExceededError) as caught:
            servex.nps(answers, groups=groups)
        assert caught.value.path == "/groups"
