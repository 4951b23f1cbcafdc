"""The exceptions of servex: one ``ServexError`` (a ``ValueError``) and one subclass per
kind of the core, each with ``.kind``, ``.path`` (a JSON Pointer into the input, ``""``
for the whole input) and ``.message``."""

from __future__ import annotations

from typing import Optional

from . import _servex

__all__ = [
    "ServexError",
    "InvalidJsonError",
    "InvalidDocumentError",
    "UnsupportedVersionError",
    "UnknownFrameworkError",
    "UnknownReferenceError",
    "DuplicateIdError",
    "InvalidIndicatorError",
    "InvalidValueError",
    "MissingValueError",
    "EmptyInputError",
    "LimitExceededError",
    "InternalError",
    "ERRORS",
]


class ServexError(ValueError):
    """Every failure of servex: a stable ``kind``, a ``path`` into the input and a
    ``message`` for a person."""

    KIND: str = "servex_error"

    kind: str
    path: str
    message: str

    def __init__(self, message: str, kind: Optional[str] = None, path: str = "") -> None:
        self.message = message
        self.kind = kind if kind is not None else type(self).KIND
        self.path = path
        super().__init__(message, self.kind, path)

    def __str__(self) -> str:
        return f'{self.kind} at "{self.path}": {self.message}'

    def __reduce__(self) -> tuple[type[ServexError], tuple[str, str, str]]:
        return (type(self), (self.message, self.kind, self.path))


class InvalidJsonError(ServexError):
    """The text is not JSON."""

    KIND = "invalid_json"


class InvalidDocumentError(ServexError):
    """Wrong type or shape, an unknown field or an unknown option word."""

    KIND = "invalid_document"


class UnsupportedVersionError(ServexError):
    """The document's ``servex`` format version is not 1."""

    KIND = "unsupported_version"


class UnknownFrameworkError(ServexError):
    """The framework id names no built-in framework."""

    KIND = "unknown_framework"


class UnknownReferenceError(ServexError):
    """An element, perspective, principle, scale or dimension id names nothing."""

    KIND = "unknown_reference"


class DuplicateIdError(ServexError):
    """An id is used twice where it must be unique."""

    KIND = "duplicate_id"


class InvalidIndicatorError(ServexError):
    """A measure whose baseline, target or range cannot be scored."""

    KIND = "invalid_indicator"


class InvalidValueError(ServexError):
    """A well-typed number outside its allowed range (NaN, off the scale, ...)."""

    KIND = "invalid_value"


class MissingValueError(ServexError):
    """A missing value under ``options.missing = "error"``."""

    KIND = "missing_value"


class EmptyInputError(ServexError):
    """Nothing to compute on."""

    KIND = "empty_input"


class LimitExceededError(ServexError):
    """A size or nesting limit was passed."""

    KIND = "limit_exceeded"


class InternalError(ServexError):
    """servex itself failed (a Rust panic): a defect to report, never the input's fault."""

    KIND = "internal_error"


_BY_KIND = {cls.KIND: cls for cls in ServexError.__subclasses__()}

#: The exception class of every kind of the core, in the core's order (a kind of the
#: core without a class above fails the import).
ERRORS: dict[str, type[ServexError]] = {kind: _BY_KIND[kind] for kind in _servex.KINDS}
