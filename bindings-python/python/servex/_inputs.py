"""Input normalisation: lists, numpy arrays, pandas, polars and pyarrow objects become
what the native module reads. Contiguous numeric numpy arrays (and the numpy views of
pandas, polars and pyarrow columns) pass through untouched, so the kernels read them
in place; pandas and polars are never imported here, only recognised."""

from __future__ import annotations

import sys
from typing import Any, Optional

import numpy as np

from ._errors import InvalidDocumentError

__all__ = ["responses_column", "groups_column", "float_column", "answer_matrix"]


def _module(obj: Any) -> str:
    return type(obj).__module__.split(".", 1)[0]


def _is_pandas(obj: Any) -> bool:
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(obj, (pd.Series, pd.Index, pd.Categorical))


def _is_polars_series(obj: Any) -> bool:
    pl = sys.modules.get("polars")
    return pl is not None and isinstance(obj, pl.Series)


def _is_arrow(obj: Any) -> bool:
    pa = sys.modules.get("pyarrow")
    return pa is not None and isinstance(obj, (pa.Array, pa.ChunkedArray))


def _pandas_to_numpy(s: Any) -> np.ndarray:
    """A pandas Series or Index as numpy: numpy-backed columns without a copy; nullable
    numbers with NA as float64 with NaN (an invalid value at its row)."""
    import pandas as pd

    if isinstance(s, pd.Categorical):
        s = pd.Series(s)
    dtype = s.dtype
    out: np.ndarray
    if isinstance(dtype, np.dtype):
        out = s.to_numpy()
    elif isinstance(dtype, pd.CategoricalDtype):
        out = np.asarray(s.astype(object).to_numpy(), dtype=object)
    elif pd.api.types.is_bool_dtype(dtype):
        out = s.to_numpy(dtype=object, na_value=None)
    elif pd.api.types.is_numeric_dtype(dtype):
        numpy_dtype = getattr(dtype, "numpy_dtype", None)
        if not s.hasnans and numpy_dtype is not None:
            out = s.to_numpy(dtype=numpy_dtype)
        else:
            out = s.to_numpy(dtype="float64", na_value=np.nan)
    else:
        out = s.to_numpy(dtype=object, na_value=None)
    return out


def _to_numpy(obj: Any) -> Any:
    """Columns of pandas, polars and pyarrow as numpy arrays; anything else unchanged."""
    if _is_pandas(obj):
        return _pandas_to_numpy(obj)
    if _is_polars_series(obj):
        return obj.to_numpy()
    if _is_arrow(obj):
        return obj.to_numpy(zero_copy_only=False)
    return obj


def _flat(a: np.ndarray, member: str) -> np.ndarray:
    if a.ndim != 1:
        raise InvalidDocumentError(
            f"{member} must be a flat (1-D) sequence, not an array of shape {a.shape}", path=f"/{member}"
        )
    return a


def _numeric(a: np.ndarray, member: str) -> np.ndarray:
    """A 1-D array the kernels read directly: native byte order, contiguous, one of
    u8..u64, i8..i64, f32, f64; booleans and strings are no answers (NaN); object
    arrays are left for the native module to read item by item."""
    a = _flat(a, member)
    if isinstance(a, np.ma.MaskedArray):
        # A masked entry is a missing number: NaN, invalid at its row like None.
        a = np.ma.filled(a.astype(np.float64), np.nan) if a.dtype.kind in "iufb" else a.filled()
    kind = a.dtype.kind
    if kind in "iuf":
        if kind == "f" and a.dtype.itemsize not in (4, 8):
            a = a.astype(np.float64)
        if not a.dtype.isnative:
            a = a.astype(a.dtype.newbyteorder("="))
        return np.ascontiguousarray(a)
    if kind == "O":
        return a
    # Booleans, text, dates, durations, complex numbers: no number is in them, so each
    # is invalid at its own row (SPEC 8), as the same values in a list are.
    return np.full(a.shape[0], np.nan)


def responses_column(obj: Any) -> Any:
    """Survey responses for the native scale metrics (NPS, CSAT, CES)."""
    if isinstance(obj, (list, tuple)):
        return obj
    obj = _to_numpy(obj)
    if isinstance(obj, np.ndarray):
        return _numeric(obj, "responses")
    if hasattr(obj, "__array__") or isinstance(obj, (memoryview, bytearray)) or _module(obj) == "array":
        return _numeric(np.asarray(obj), "responses")
    if isinstance(obj, (str, bytes, dict)) or not hasattr(obj, "__iter__"):
        raise InvalidDocumentError("responses must be a flat sequence of numbers", path="/responses")
    return list(iter(obj))  # not list(obj): a lying __len__ would size it


def float_column(obj: Any, member: str) -> Any:
    """A ``weights``, ``counts`` or ``weights_sq`` column (SPEC 10): numeric arrays
    pass through (the native module reads float64 in place and widens the others),
    nullable pandas columns become float64 with NaN (invalid at its row)."""
    if obj is None or isinstance(obj, (list, tuple)):
        return obj
    obj = _to_numpy(obj)
    if isinstance(obj, np.ndarray):
        return _numeric(obj, member)
    if hasattr(obj, "__array__"):
        return _numeric(np.asarray(obj), member)
    if isinstance(obj, (str, bytes, dict)) or not hasattr(obj, "__iter__"):
        raise InvalidDocumentError(f"{member} must be a flat sequence of numbers", path=f"/{member}")
    return list(iter(obj))  # not list(obj): a lying __len__ would size it


def groups_column(obj: Any) -> tuple[Any, Optional[list[Any]]]:
    """Group labels as ``(labels, None)`` or, for categoricals, ``(codes, categories)``."""
    if obj is None or isinstance(obj, (list, tuple)):
        return obj, None
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(obj, (pd.Series, pd.Index, pd.Categorical)):
        if isinstance(obj.dtype, pd.CategoricalDtype):
            cat = obj if isinstance(obj, pd.Categorical) else obj.array
            return np.asarray(cat.codes), cat.categories.tolist()
        return _flat(_pandas_to_numpy(obj), "groups"), None
    pa = sys.modules.get("pyarrow")
    if pa is not None and isinstance(obj, pa.ChunkedArray):
        obj = obj.combine_chunks()
    if pa is not None and isinstance(obj, pa.DictionaryArray):
        codes = obj.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        return codes, obj.dictionary.to_pylist()
    pl = sys.modules.get("polars")
    if pl is not None and isinstance(obj, pl.Series) and obj.dtype in (pl.Categorical, pl.Enum):
        obj = obj.cast(pl.String)
    obj = _to_numpy(obj)
    if isinstance(obj, np.ndarray) and obj.dtype.kind == "f" and obj.dtype.itemsize not in (4, 8):
        # float16 and longdouble labels read as float64 ones do (whole numbers are labels).
        obj = obj.astype(np.float64)
    if isinstance(obj, np.ma.MaskedArray):
        # A masked label is a missing one: None, invalid at its row.
        labels = np.ma.getdata(obj).astype(object)
        labels[np.ma.getmaskarray(obj)] = None
        return _flat(labels, "groups"), None
    if isinstance(obj, np.ndarray):
        return _flat(obj, "groups"), None
    if hasattr(obj, "__array__"):
        return _flat(np.asarray(obj), "groups"), None
    if isinstance(obj, (str, bytes, dict)) or not hasattr(obj, "__iter__"):
        raise InvalidDocumentError("groups must be a sequence of labels", path="/groups")
    return list(iter(obj)), None  # not list(obj): a lying __len__ would size it


def answer_matrix(obj: Any) -> Any:
    """A respondents x items answer matrix (SERVQUAL, Kano) as something the native
    walk reads. Numeric DataFrames become float arrays with NaN for missing answers;
    a DataFrame with booleans or text becomes rows of Python values, so that ``True``
    or ``"3"`` is refused at its cell as the same value in a list is (SPEC 8), not
    read as 1 or 3."""
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(obj, pd.DataFrame):
        numeric = all(pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t) for t in obj.dtypes)
        if numeric:
            return obj.to_numpy(dtype="float64", na_value=np.nan)
        return obj.astype(object).where(obj.notna(), None).to_numpy().tolist()
    if pd is not None and isinstance(obj, pd.Series):
        return _pandas_to_numpy(obj)
    pl = sys.modules.get("polars")
    if pl is not None and isinstance(obj, pl.DataFrame):
        if all(t.is_numeric() for t in obj.dtypes):
            return obj.to_numpy().astype(float)
        return [list(row) for row in obj.rows()]
    if pl is not None and isinstance(obj, pl.Series):
        return obj.cast(pl.Float64).to_numpy() if obj.dtype.is_numeric() else obj.to_list()
    if _is_arrow(obj):
        return obj.to_numpy(zero_copy_only=False)
    return obj


def column_names(obj: Any) -> Optional[list[str]]:
    """The column names of a DataFrame (pandas or polars), as attribute names."""
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(obj, pd.DataFrame):
        return [str(c) for c in obj.columns]
    pl = sys.modules.get("polars")
    if pl is not None and isinstance(obj, pl.DataFrame):
        return list(obj.columns)
    return None
