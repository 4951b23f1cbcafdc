# Hand-written stub of the native module `servex._servex` (checked by mypy.stubtest).
from typing import Any, final

__all__ = [
    "KINDS",
    "MAX_MAGNITUDE",
    "SAMPLE_JSON",
    "__version__",
    "call",
    "call_json",
    "defaults",
    "document",
    "render",
    "render_comparison",
    "render_funnel",
    "render_units",
    "render_units_html",
    "scale_metric",
    "tally",
    "units_long",
    "Tally",
]

__version__: str
KINDS: list[str]
MAX_MAGNITUDE: float
SAMPLE_JSON: str

def call(name: str, input: Any) -> Any: ...
def call_json(name: str, text: str) -> Any: ...
def defaults(name: str) -> dict[str, Any] | None: ...
def document(input: Any) -> dict[str, Any]: ...
def render(report: dict[str, Any], document: Any | None = None, chart: str | None = None) -> str: ...
def render_comparison(result: dict[str, Any]) -> str: ...
def render_funnel(result: dict[str, Any]) -> str: ...
def render_units(result: dict[str, Any]) -> str: ...
def render_units_html(result: dict[str, Any]) -> str: ...
def scale_metric(
    name: str,
    responses: Any,
    options: dict[str, Any],
    groups: Any | None = None,
    labels: Any | None = None,
    weights: Any | None = None,
    counts: Any | None = None,
    weights_sq: Any | None = None,
) -> dict[str, Any]: ...
def tally(
    responses: Any,
    groups: Any | None = None,
    labels: Any | None = None,
    weights: Any | None = None,
    counts: Any | None = None,
    weights_sq: Any | None = None,
) -> Tally: ...
def units_long(
    template: Any,
    units: tuple[list[str], Any],
    indicators: tuple[list[str], Any],
    values: Any,
    periods: tuple[list[str], Any] | None = None,
) -> dict[str, Any]: ...

@final
class Tally:
    def finish(self, name: str, options: dict[str, Any]) -> dict[str, Any]: ...
    def __add__(self, other: Tally, /) -> Tally: ...
    def __radd__(self, other: Tally, /) -> Tally: ...
    def __eq__(self, other: object, /) -> bool: ...
    def grouped(self) -> bool: ...
    def rows(self) -> list[tuple[Any, float, int, float, float]]: ...
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(text: str) -> Tally: ...
