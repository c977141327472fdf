"""Vectorised text columns for the CSV writer.

The national-scale files have tens of millions of cells; formatting them one Python string at a time (or with
`pyarrow.compute.strftime`, about 1.6 µs a cell) would blow the two-minute budget. Fixed-width texts (dates,
timestamps, ids, personnummer) are built as a matrix of ASCII bytes with numpy and handed to Arrow as the data
buffer of a string array; numbers are cast by Arrow and joined with small lookup tables (decimal part, sign,
seconds). Categorical columns are Arrow dictionary arrays (labels stored once).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_ZERO = ord("0")
_SIGN = pa.array(["", "-"])
_FRACTION_ALWAYS = pa.array([f",{i:02d}" for i in range(100)])
_FRACTION_SHORT = pa.array(["" if i == 0 else f",{i // 10}" if i % 10 == 0 else f",{i:02d}" for i in range(100)])
_SECONDS = pa.array([f":{i:02d}" for i in range(60)] + [""])


def from_chars(chars: np.ndarray, lengths: np.ndarray | None = None) -> pa.Array:
    """Arrow strings from the rows of a byte matrix: whole rows, or the first `lengths[i]` bytes of row i."""
    n, width = chars.shape
    if lengths is None:
        offsets = np.arange(0, (n + 1) * width, width, dtype=np.int64)
        data = np.ascontiguousarray(chars)
    else:
        data = chars[np.arange(width)[None, :] < lengths[:, None]]
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
    return pa.LargeStringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(data.tobytes()))


def put_digits(chars: np.ndarray, values: np.ndarray, first: int, width: int) -> None:
    """Write `values` (≥ 0) zero-padded to `width` digits into columns first .. first+width-1."""
    small = len(values) == 0 or int(values.max()) < 2**31
    v = values.astype(np.int32 if small else np.int64, copy=True)
    for k in range(width - 1, -1, -1):
        chars[:, first + k] = _ZERO + v % 10
        v //= 10


def integers(values: np.ndarray) -> pa.Array:
    """Whole numbers without padding ('-3', '0', '2024')."""
    return pc.cast(pa.array(np.asarray(values, dtype=np.int64)), pa.string())


def zero_padded(values: np.ndarray, width: int) -> pa.Array:
    """Fixed-width zero-padded numbers ('0042'), used for codes."""
    return prefixed_ids("", values, width)


def prefixed_ids(prefix: str, values: np.ndarray, width: int) -> pa.Array:
    """Ids such as 'VT000001234': a text prefix and a zero-padded serial (never twelve bare digits)."""
    values = np.asarray(values)
    p = np.frombuffer(prefix.encode("ascii"), dtype=np.uint8)
    chars = np.empty((len(values), len(p) + width), dtype=np.uint8)
    chars[:, : len(p)] = p
    put_digits(chars, values, len(p), width)
    return from_chars(chars)


def decimals(hundredths: np.ndarray, always: bool) -> pa.Array:
    """Decimal-comma numbers from integer hundredths.

    `always=True` writes two decimals ('1234,50', '-0,05'), as ledgers do; otherwise whole numbers are written
    without decimals and a trailing zero is dropped ('31', '12,5', '7,25'), as operational systems export volumes.
    """
    h = np.asarray(hundredths, dtype=np.int64)
    a = np.abs(h)
    whole = pc.cast(pa.array(a // 100), pa.string())
    fraction = (_FRACTION_ALWAYS if always else _FRACTION_SHORT).take(pa.array(a % 100))
    sign = _SIGN.take(pa.array((h < 0).astype(np.int8)))
    return pc.binary_join_element_wise(sign, whole, fraction, "")


def calendar(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Year, month and day of datetime64 values."""
    d = days.astype("datetime64[D]")
    months = d.astype("datetime64[M]")
    year = months.astype(np.int64) // 12 + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (d - months).astype(np.int64) + 1
    return year, month, day


def _date_chars(values: np.ndarray, width: int) -> np.ndarray:
    chars = np.empty((len(values), width), dtype=np.uint8)
    y, m, d = calendar(values)
    put_digits(chars, y, 0, 4)
    chars[:, 4] = chars[:, 7] = ord("-")
    put_digits(chars, m, 5, 2)
    put_digits(chars, d, 8, 2)
    return chars


def dates(days: np.ndarray) -> pa.Array:
    """'YYYY-MM-DD' from datetime64 values."""
    return from_chars(_date_chars(np.asarray(days).astype("datetime64[D]"), 10))


def timestamps(ts: np.ndarray, with_seconds: np.ndarray | bool = False,
               missing: np.ndarray | None = None) -> pa.Array:
    """'YYYY-MM-DD HH:MM' or, where `with_seconds`, 'YYYY-MM-DD HH:MM:SS'; `missing` rows are empty."""
    ts = np.asarray(ts).astype("datetime64[s]")
    secs = (ts - ts.astype("datetime64[D]")).astype(np.int64)
    chars = _date_chars(ts, 16)
    chars[:, 10] = ord(" ")
    put_digits(chars, secs // 3600, 11, 2)
    chars[:, 13] = ord(":")
    put_digits(chars, secs // 60 % 60, 14, 2)
    text = from_chars(chars).cast(pa.string())
    if np.any(with_seconds):
        suffix = _SECONDS.take(pa.array(np.where(with_seconds, secs % 60, 60)))
        text = pc.binary_join_element_wise(text, suffix, "")
    if missing is not None and missing.any():
        text = pc.if_else(pa.array(missing), pa.scalar("", pa.string()), text)
    return text


def categorical(index: np.ndarray, labels: Sequence[str]) -> pa.DictionaryArray:
    """A column of repeated labels: `labels[index[i]]` (an empty label is an empty cell)."""
    indices = pa.array(np.asarray(index, dtype=np.int32))
    return pa.DictionaryArray.from_arrays(indices, pa.array(list(labels), pa.string()))


def constant(value: str, n: int) -> pa.DictionaryArray:
    """The same text on every row."""
    return categorical(np.zeros(n, dtype=np.int32), [value])


def replace(column: pa.Array, rows: Sequence[int], values: Sequence[str]) -> pa.Array:
    """The column with the given rows replaced by raw text (planted invalid values, anonymous answers)."""
    if isinstance(column, pa.DictionaryArray):
        labels = column.dictionary.to_pylist() + list(values)
        index = column.indices.to_numpy(zero_copy_only=False).copy()
        index[list(rows)] = np.arange(len(labels) - len(values), len(labels))
        return categorical(index, labels)
    order = np.argsort(np.asarray(rows))
    mask = np.zeros(len(column), dtype=bool)
    mask[list(rows)] = True
    new = pa.array([values[i] for i in order], pa.large_string())
    return pc.replace_with_mask(column.cast(pa.large_string()), pa.array(mask), new)
