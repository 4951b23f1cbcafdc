# Hand-written stub of the native module `servex._servex` (checked by mypy.stubtest).
from typing import Any, Dict, List, Optional, Tuple, final

__all__ = [
    "KINDS",
    "SAMPLE_JSON",
    "__version__",
    "call",
    "call_json",
    "document",
    "panic_for_tests",
    "signal_for_tests",
    "wait_detached_for_tests",
    "render",
    "render_comparison",
    "render_funnel",
    "scale_metric",
    "tally",
    "Tally",
]

__version__: str
KINDS: List[str]
SAMPLE_JSON: str

def call(name: str, input: Any) -> Any: ...
def call_json(name: str, text: str) -> Any: ...
def document(input: Any) -> Dict[str, Any]: ...
def render(report: Dict[str, Any], document: Optional[Any] = None, chart: Optional[str] = None) -> str: ...
def render_comparison(result: Dict[str, Any]) -> str: ...
def render_funnel(result: Dict[str, Any]) -> str: ...
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
def panic_for_tests() -> None: ...
def wait_detached_for_tests() -> bool: ...
def signal_for_tests() -> None: ...
