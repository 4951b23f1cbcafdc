# Hand-written stub of the native module `servex._servex` (checked by mypy.stubtest).
from typing import Any, Dict, List, Optional, Tuple, final

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
KINDS: List[str]
MAX_MAGNITUDE: float
SAMPLE_JSON: str

def call(name: str, input: Any) -> Any: ...
def call_json(name: str, text: str) -> Any: ...
def defaults(name: str) -> Optional[Dict[str, Any]]: ...
def document(input: Any) -> Dict[str, Any]: ...
def render(report: Dict[str, Any], document: Optional[Any] = None, chart: Optional[str] = None) -> str: ...
def render_comparison(result: Dict[str, Any]) -> str: ...
def render_funnel(result: Dict[str, Any]) -> str: ...
def render_units(result: Dict[str, Any]) -> str: ...
def render_units_html(result: Dict[str, Any]) -> str: ...
def scale_metric(
    name: str,
    responses: Any,
    options: Dict[str, Any],
    groups: Optional[Any] = None,
    labels: Optional[Any] = None,
    weights: Optional[Any] = None,
    counts: Optional[Any] = None,
    weights_sq: Optional[Any] = None,
) -> Dict[str, Any]: ...
def tally(
    responses: Any,
    groups: Optional[Any] = None,
    labels: Optional[Any] = None,
    weights: Optional[Any] = None,
    counts: Optional[Any] = None,
    weights_sq: Optional[Any] = None,
) -> Tally: ...
def units_long(
    template: Any,
    units: Tuple[List[str], Any],
    indicators: Tuple[List[str], Any],
    values: Any,
    periods: Optional[Tuple[List[str], Any]] = None,
) -> Dict[str, Any]: ...

@final
class Tally:
    def finish(self, name: str, options: Dict[str, Any]) -> Dict[str, Any]: ...
    def __add__(self, other: Tally, /) -> Tally: ...
    def __radd__(self, other: Tally, /) -> Tally: ...
    def __eq__(self, other: object, /) -> bool: ...
    def grouped(self) -> bool: ...
    def rows(self) -> List[Tuple[Any, float, int, float, float]]: ...
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(text: str) -> Tally: ...
