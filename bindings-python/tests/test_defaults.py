"""The defaults the metrics' signatures show (in ``help()`` and the API reference) are the
core's: each option the core gives a default is an argument with that default, or with
None (left out, so the core's applies); no other argument has a default but None."""

import inspect
import sys
import typing
from typing import Any, Callable

import pytest

import servex
from servex import _servex

METRICS: dict[str, tuple[str, Callable[..., Any]]] = {
    "servex.nps": ("nps", servex.nps),
    "servex.csat": ("csat", servex.csat),
    "servex.ces": ("ces", servex.ces),
    "servex.servqual": ("servqual", servex.servqual),
    "servex.kano": ("kano", servex.kano),
    "servex.Tally.nps": ("nps", servex.Tally.nps),
    "servex.Tally.csat": ("csat", servex.Tally.csat),
    "servex.Tally.ces": ("ces", servex.Tally.ces),
}


def differences(name: str, function: Callable[..., Any], every_option: bool = True) -> list[str]:
    """How `function`'s defaults differ from metric `name`'s in the core; with
    `every_option`, an option of the core that is no argument is one (an overload may
    leave out the options its case does not take)."""
    core = _servex.defaults(name)
    assert core is not None, f"the core has no metric {name!r}"
    found = []
    arguments = inspect.signature(function).parameters
    for option, p in arguments.items():
        if option in core and p.default is inspect.Parameter.empty:
            found.append(f"{option} has no default (the core's is {core[option]!r})")
        elif (
            option in core
            and p.default is not None
            and (type(p.default), p.default) != (type(core[option]), core[option])
        ):
            found.append(f"{option}={p.default!r} where the core's default is {core[option]!r}")
        elif option not in core and p.default not in (None, inspect.Parameter.empty):
            found.append(f"{option}={p.default!r} is a default the core does not have")
    if every_option:
        found.extend(
            f"{option} is no argument (the core's default is {d!r})"
            for option, d in core.items()
            if option not in arguments
        )
    return found


@pytest.mark.parametrize("label", METRICS)
def test_signature_defaults_are_the_cores(label: str) -> None:
    name, function = METRICS[label]
    found = differences(name, function)
    assert not found, f"{label}: " + "; ".join(found)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="typing.get_overloads is new in Python 3.11")
@pytest.mark.parametrize("label", METRICS)
def test_overload_defaults_are_the_cores(label: str) -> None:
    name, function = METRICS[label]
    for overload in typing.get_overloads(function):
        found = differences(name, overload, every_option=False)
        assert not found, f"{label} (overload {inspect.signature(overload)}): " + "; ".join(found)


def test_a_default_unlike_the_cores_is_found() -> None:
    def nps(*, method: str = "wald", confidence: float = 0.9, invalid: str, extra: int = 3) -> None: ...

    assert differences("nps", nps) == [
        "method='wald' where the core's default is 'adjusted_wald'",
        "confidence=0.9 where the core's default is 0.95",
        "invalid has no default (the core's is 'error')",
        "extra=3 is a default the core does not have",
        "adjust is no argument (the core's default is 'holm')",
    ]
    assert differences("nps", nps, every_option=False)[-1] == "extra=3 is a default the core does not have"


def test_only_metrics_have_defaults() -> None:
    assert _servex.defaults("score") is None
