# Hand-written stub of the native module `servex._servex` (checked by mypy.stubtest).
from typing import Any, Dict, List, Optional

__all__ = [
    "KINDS",
    "SAMPLE_JSON",
    "__version__",
    "call",
    "call_json",
    "document",
    "panic_for_tests",
    "render",
    "scale_metric",
]

__version__: str
KINDS: List[str]
SAMPLE_JSON: str

def call(name: str, input: Any) -> Any: ...
def call_json(name: str, text: str) -> Any: ...
def document(input: Any) -> Dict[str, Any]: ...
def render(report: Dict[str, Any], document: Optional[Any] = None, chart: Optional[str] = None) -> str: ...
def scale_metric(
    name: str,
    responses: Any,
    options: Dict[str, Any],
    groups: Optional[Any] = None,
    labels: Optional[Any] = None,
) -> Dict[str, Any]: ...
def panic_for_tests() -> None: ...
