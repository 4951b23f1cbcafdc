"""Errors: one class per SPEC kind, mapped from the core's kinds; panics become
InternalError; the GIL is released while the core works."""

import threading
from typing import Any, Callable

import pytest

import servex
from servex import _servex


def hook(name: str) -> Callable[..., Any]:
    """A hook of the native module for the tests, built only with the `testing` feature."""
    found: Any = getattr(_servex, name, None)
    if found is None:
        build = "`maturin develop --features testing`, as scripts/test-python does"
        pytest.fail(f"servex._servex has no {name}: build it with {build}")
    return found


def test_every_core_kind_has_its_own_class() -> None:
    assert list(servex.ERRORS) == _servex.KINDS
    # No class stands for a kind the core does not have.
    assert sorted(cls.KIND for cls in servex.ServexError.__subclasses__()) == sorted(_servex.KINDS)
    for kind in _servex.KINDS:
        cls = servex.ERRORS[kind]
        assert issubclass(cls, servex.ServexError) and issubclass(cls, ValueError)
        assert cls is not servex.ServexError and kind == cls.KIND
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
        hook("panic_for_tests")()
    assert info.value.kind == "internal_error" and "defect" in info.value.message
    assert isinstance(info.value, servex.ServexError)


def test_the_gil_is_released_while_the_core_works() -> None:
    """Every call runs the core inside the same detached section. A native call waits in
    it until this thread, which runs Python code and so needs the GIL, signals it: it
    returns True only if the GIL was released (held, it gives up after a minute and
    returns False). No clock decides the outcome."""
    outcome: list[bool] = []
    wait, signal = hook("wait_detached_for_tests"), hook("signal_for_tests")
    worker = threading.Thread(target=lambda: outcome.append(wait()))
    worker.start()
    while worker.is_alive():
        signal()
        worker.join(0.001)
    assert outcome == [True]
