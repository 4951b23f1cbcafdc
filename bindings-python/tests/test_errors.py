"""Errors: one class per SPEC kind, mapped from the core's kinds; panics become
InternalError; the GIL is released while the core works."""

import threading
import time

import numpy as np
import pytest

import servex
from servex import _servex


def test_every_core_kind_has_its_own_class() -> None:
    assert _servex.KINDS == [k for k in servex.ERRORS if k != "internal_error"]
    for kind in _servex.KINDS:
        cls = servex.ERRORS[kind]
        assert issubclass(cls, servex.ServexError) and issubclass(cls, ValueError)
        assert cls is not servex.ServexError and cls.KIND == kind
        assert getattr(servex, cls.__name__) is cls


def test_error_attributes_and_message() -> None:
    with pytest.raises(ValueError) as info:
        servex.score({"servex": 2, "indicators": []})
    e = info.value
    assert isinstance(e, servex.UnsupportedVersionError)
    assert (e.kind, e.path) == ("unsupported_version", "/servex")
    assert e.message and e.message in str(e) and "/servex" in str(e)


def test_a_panic_becomes_internal_error() -> None:
    with pytest.raises(servex.InternalError) as info:
        _servex.panic_for_tests()
    assert info.value.kind == "internal_error" and "defect" in info.value.message
    assert isinstance(info.value, servex.ServexError)


def test_the_gil_is_released_while_a_kernel_runs() -> None:
    """A Python thread keeps running while another thread is inside the kernel: one
    grouped call over 10 million rows takes about 0.1 s; with the GIL held the ticker
    could not tick during it, released it ticks about every millisecond."""
    rng = np.random.default_rng(1)
    scores = rng.integers(0, 11, 10_000_000, dtype=np.uint8)
    codes = rng.integers(0, 5, scores.size).astype(np.int64)
    ticks = []
    inside = threading.Event()
    done = threading.Event()

    def ticker() -> None:
        while not done.is_set():
            if inside.is_set():
                ticks.append(time.perf_counter())
            time.sleep(0.0005)

    worker = threading.Thread(target=ticker)
    worker.start()
    try:
        inside.set()
        start = time.perf_counter()
        _servex.scale_metric("nps", scores, {}, codes, ["a", "b", "c", "d", "e"])
        end = time.perf_counter()
        inside.clear()
    finally:
        done.set()
        worker.join()
    during = [t for t in ticks if start < t < end]
    assert len(during) >= 10, (len(during), end - start)
