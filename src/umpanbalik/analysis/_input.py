"""Reading the user's data for :func:`~umpanbalik.analysis.analyze`: any table-like input as a
DataFrame with its original index, column checks whose messages say what to pass, and the repair
of text no file can hold (lone surrogates)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._validation import as_text_list

__all__ = ["as_frame", "check_columns", "is_label", "as_columns", "chunks", "encodable",
           "encodable_labels", "SURROGATE"]



def as_frame(data: Any, text: str) -> pd.DataFrame:
    """The user's data as a DataFrame with its original index."""
    from .._tables import TABLE_SUFFIXES, read_table

    if isinstance(data, (str, Path)):
        path = Path(data)
        if isinstance(data, Path) or path.suffix.lower() in TABLE_SUFFIXES or path.is_file():
            return read_table(path)
        raise ValueError(
            "`data` is a single string that is not a CSV/XLSX/XLS path. To analyse one comment, wrap it in a "
            f"list: analyze([{str(data)[:30]!r}]); to read a file, give its path ending in .csv or .xlsx."
        )
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, pd.Series):
        return data.to_frame(name=text if data.name is None else data.name)
    if isinstance(data, (bytes, bytearray)):
        raise ValueError("`data` must be a DataFrame, a Series, a list of comments or a file path; got bytes. "
                         "Decode it, or wrap it in a list.")
    if isinstance(data, Mapping):
        return pd.DataFrame(dict(data))
    if isinstance(data, Iterable):
        values = data if isinstance(data, np.ndarray) else list(data)
        as_text_list(values, name="data")  # the same checks (1-D, not a string) as every estimator
        return pd.DataFrame({text: pd.Series(list(values), dtype=object)})
    raise TypeError(f"`data` must be a DataFrame, a Series, a list of comments or a CSV/XLSX/XLS path; got {type(data).__name__}.")


def check_columns(frame: pd.DataFrame, columns: Sequence[Any], what: Sequence[str]) -> list[Any]:
    """The columns of ``frame`` that ``columns`` name (``None`` stays ``None``): by the header, its
    number ("5.22") or a unique prefix (:func:`umpanbalik.columns.resolve_column`); a reference that
    fits no column or several raises :class:`~umpanbalik.columns.ColumnError` (a ``KeyError``)."""
    from ..columns import resolve_column

    if isinstance(frame.columns, pd.MultiIndex):  # pandas flattens it to tuples when the results are joined
        raise ValueError("the data has a header of several rows (MultiIndex columns); join them into one first, e.g. "
                         "data.columns = [' '.join(map(str, c)).strip() for c in data.columns].")
    from .._limits import short_list

    duplicated = frame.columns[frame.columns.duplicated()].unique()
    if len(duplicated):  # frame[name] would be a DataFrame, and every step after would fail on it
        raise ValueError(f"the data has several columns with the same name: {short_list(duplicated, 10)}. Give each "
                         "column its own name first, e.g. data.columns = [...], or drop the copies.")
    return [None if column is None else resolve_column(frame.columns, column, name) for column, name in zip(columns, what)]


def is_label(value: Any) -> bool:
    """A column label: a string, or an integer as ``read_csv(header=None)`` names the columns."""
    return isinstance(value, (str, int, np.integer)) and not isinstance(value, (bool, np.bool_))


def as_columns(value: Any, name: str) -> list[Any]:
    if value is None:
        return []
    if is_label(value):
        return [value]
    if isinstance(value, Sequence) and all(is_label(v) for v in value):
        return list(value)
    raise TypeError(f"`{name}` must be a column name or a list of column names; got {value!r}.")


def chunks(data: Any, text: str, chunksize: int | None) -> tuple[Iterator[pd.DataFrame], int | None]:
    """The input as DataFrames of at most ``chunksize`` rows (one frame without ``chunksize``), and
    the number of rows when known before reading. A CSV file is streamed; at least one (perhaps
    empty) frame comes out."""
    from .._tables import _EXCEL_SUFFIXES, TABLE_SUFFIXES, iter_table

    if chunksize is not None and isinstance(data, (str, Path)):
        path = Path(data)
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES and suffix not in _EXCEL_SUFFIXES:
            return iter_table(path, chunksize), None
    frame = as_frame(data, text)
    if chunksize is None or len(frame) <= chunksize:
        return iter([frame]), len(frame)
    return (frame.iloc[start : start + chunksize] for start in range(0, len(frame), chunksize)), len(frame)


SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(chunk: pd.DataFrame) -> pd.DataFrame:
    """``chunk`` with lone surrogates (left in text by a broken decoding, e.g. ``surrogateescape``)
    replaced by U+FFFD: no file encoding can hold them, so every export would fail on them."""
    def bad(value: Any) -> bool:
        return isinstance(value, str) and not value.isascii() and SURROGATE.search(value) is not None

    fixed = None
    for position in range(chunk.shape[1]):
        values = chunk.iloc[:, position]
        # numbers, and pandas strings stored by Arrow (only valid UTF-8), cannot hold them; pandas
        # strings stored as Python objects ("string[python]", and pandas 3's str without pyarrow) can
        python_strings = isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "python"
        if values.dtype != object and not python_strings:
            continue
        flags = [bad(value) for value in values]
        if any(flags):
            fixed = chunk.copy() if fixed is None else fixed
            repaired = [SURROGATE.sub("\ufffd", v) if flag else v for v, flag in zip(values, flags)]
            fixed.isetitem(position, pd.Series(repaired, index=chunk.index, dtype=values.dtype))
    return chunk if fixed is None else fixed


def encodable_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with lone surrogates in its index labels and column names replaced by U+FFFD, for the
    file exports only (``comments`` keeps the caller's labels): CSV and Excel cannot hold them, and
    pandas 3 fails on them as soon as it infers a string dtype for the labels (``reset_index``)."""
    def bad(value: Any) -> bool:
        return isinstance(value, str) and not value.isascii() and SURROGATE.search(value) is not None

    def repaired(index: pd.Index) -> pd.Index:
        if isinstance(index, pd.MultiIndex):
            return index.set_levels([repaired(level) for level in index.levels])
        if index.dtype != object or not any(bad(v) for v in index):
            return index
        return pd.Index([SURROGATE.sub("\ufffd", v) if bad(v) else v for v in index], dtype=object, name=index.name)

    index, columns = repaired(frame.index), repaired(frame.columns)
    if index is frame.index and columns is frame.columns:
        return frame
    return frame.set_axis(index, axis=0).set_axis(columns, axis=1)

