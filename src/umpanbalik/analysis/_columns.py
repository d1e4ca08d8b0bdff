"""Reading the per-comment columns fast: one pass over a million rows, then work on distinct cells.

``analyze`` stores each distinct aspect list, polarity dict and barrier list once
(``_annotate._shared``), so a million rows hold a few hundred cell objects: a computation runs once
per distinct cell and is spread to the rows with an integer code. Cells of a frame built by hand
(NaN for "none", tuples, arrays) are read the same way, never with an error.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._validation import as_text

__all__ = ["distinct", "per_row", "contains", "polarity", "items", "answered", "segment_name", "segment_names",
           "choices_of", "segments", "in_segment", "crosstab", "numeric", "infinite_count", "flags", "as_list",
           "as_dict"]


def as_list(value: Any) -> list[Any]:
    """A list cell's items; anything that is not a list (NaN, None, a number) holds none."""
    return list(value) if isinstance(value, (list, tuple, set, frozenset, np.ndarray)) else []


def as_dict(value: Any) -> dict[Any, Any]:
    """A dict cell's pairs; anything that is not a mapping holds none."""
    return dict(value) if isinstance(value, Mapping) else {}


def distinct(values: pd.Series | np.ndarray) -> tuple[np.ndarray, list[Any]]:
    """``(codes, cells)``: ``cells[codes[i]]`` is row ``i``'s cell, so that a computation on the
    cells runs once per distinct cell object instead of once per row.

    Cells are grouped by identity, which needs no hashing of lists or dicts. Equal cells that are
    different objects (a frame built by hand) are only computed more than once — the result is the
    same.
    """
    if isinstance(values, pd.Series) and values.dtype != object:  # one type of scalar: pandas' hash table
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        return codes.astype(np.intp, copy=False), list(uniques)
    array = values.to_numpy(dtype=object) if isinstance(values, pd.Series) else np.asarray(values, dtype=object)
    identities = np.fromiter(map(id, array), dtype=np.int64, count=len(array))
    codes = pd.factorize(identities)[0]
    _, firsts = np.unique(codes, return_index=True)
    return codes.astype(np.intp, copy=False), [array[position] for position in firsts]


def per_row(values: Any, function: Any, dtype: Any = bool) -> np.ndarray:
    """``function(cell)`` for every row, computed once per distinct cell; ``values`` may be the
    answer of :func:`distinct`, reused."""
    codes, cells = values if isinstance(values, tuple) else distinct(values)
    return np.array([function(cell) for cell in cells], dtype=dtype)[codes] if cells else np.empty(0, dtype=dtype)


def contains(values: Any, item: Any) -> np.ndarray:
    """Whether each list cell (or a dict's keys) holds ``item``."""
    return per_row(values, lambda cell: item in (cell if isinstance(cell, Mapping) else as_list(cell)))


def polarity(values: Any, aspect: str) -> np.ndarray:
    """Each polarity dict's value for ``aspect`` (``None`` when it has none), as an object array."""
    return per_row(values, lambda cell: as_dict(cell).get(aspect), dtype=object)


def items(values: Any) -> set[Any]:
    """Every item that occurs in a list column (or among a dict column's keys)."""
    _, cells = values if isinstance(values, tuple) else distinct(values)
    found: set[Any] = set()
    for cell in cells:
        found.update(cell if isinstance(cell, Mapping) else as_list(cell))
    return found


def answered(values: pd.Series) -> np.ndarray:
    """Whether each cell holds non-blank text (what ``as_text(v).strip()`` says, without copying a huge cell)."""
    return np.fromiter(((lambda t: bool(t) and not t.isspace())(as_text(v)) for v in values.to_numpy()), dtype=bool,
                       count=len(values))


def gave_answer(values: pd.Series) -> np.ndarray:
    """Whether each cell holds an answer: a letter or a digit ("-", "?" and "." say nothing)."""
    return np.fromiter((any(ch.isalnum() for ch in as_text(v)) for v in values.to_numpy()), dtype=bool, count=len(values))


def segment_name(value: Any, missing: str = "(kosong)") -> str:
    """A segment's label: text stripped, numbers as written (2025, not "(kosong)"; 2023 too when a blank
    made pandas read the column as floats: not "2023.0"), blanks ``missing``."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA or value is pd.NaT:
        return missing
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    text = value.strip() if isinstance(value, str) else str(value)
    return text or missing


def segment_names(values: pd.Series, missing: str = "(kosong)") -> np.ndarray:
    """:func:`segment_name` of every cell, as an object array; names that differ only in case and
    spacing ("Dinas Kesehatan", "dinas  kesehatan", "DINAS KESEHATAN") are one segment, named as most
    rows write it (typed group names vary so; three segments split one agency's comments)."""
    names = per_row(values, lambda value: segment_name(value, missing), dtype=object)
    codes, uniques = pd.factorize(names)
    keys = [" ".join(str(name).split()).casefold() for name in uniques]
    if len(set(keys)) == len(keys):
        return names
    counts = np.bincount(codes, minlength=len(uniques))
    shown: dict[str, tuple[int, int]] = {}  # key -> (rows, the unique that names it): the most rows, else the first
    for index, key in enumerate(keys):
        if key not in shown or counts[index] > shown[key][0]:
            shown[key] = (int(counts[index]), index)
    renamed = np.asarray([uniques[shown[key][1]] for key in keys], dtype=object)
    return renamed[codes]


def choices_of(values: pd.Series) -> list[str] | None:
    """The choices of a checkbox column ("Materi kurang relevan, Waktu terlalu singkat"), or ``None``
    for a column of one value per row (see :func:`umpanbalik.columns.checkbox_choices`)."""
    from ..columns import checkbox_choices

    if values.dtype != object and not pd.api.types.is_string_dtype(values):
        return None
    _, cells = distinct(values)
    return checkbox_choices(cell for cell in cells if isinstance(cell, str)) if cells else None


def segments(values: pd.Series, missing: str = "(kosong)") -> tuple[np.ndarray, np.ndarray]:
    """``(positions, names)``: the segment of each row — for a checkbox column, one entry per choice
    ticked, so a respondent is in every segment they chose (a blank answer is ``missing``)."""
    choices = choices_of(values)
    if choices is None:
        return np.arange(len(values)), segment_names(values, missing)
    from ..columns import split_choices

    codes, cells = distinct(values)
    per_cell = [names or [missing] for names in split_choices(cells, choices)]
    positions = [np.repeat(i, len(per_cell[code])) for i, code in enumerate(codes)]
    names = [name for code in codes for name in per_cell[code]]
    return (np.concatenate(positions) if positions else np.empty(0, dtype=int)), np.asarray(names, dtype=object)


def in_segment(values: pd.Series, name: Any, missing: str = "(kosong)") -> np.ndarray:
    """Whether each row belongs to the segment ``name`` (for a checkbox column: ticked that choice)."""
    positions, names = segments(values, missing)
    member = np.zeros(len(values), dtype=bool)
    member[positions[names == name]] = True
    return member


def crosstab(segments: np.ndarray, outcomes: np.ndarray) -> pd.DataFrame:
    """``pd.crosstab(segments, outcomes)`` (sorted rows and columns, only the values present), counted
    with one ``bincount`` over integer codes instead of a group-by over a million Python objects."""
    if len(segments) == 0:
        return pd.crosstab(segments, outcomes)
    row_codes, row_names = pd.factorize(segments, sort=True)
    column_codes, column_names = pd.factorize(outcomes, sort=True)
    valid = (row_codes >= 0) & (column_codes >= 0)  # crosstab leaves missing values out
    counts = np.bincount(row_codes[valid] * len(column_names) + column_codes[valid], minlength=len(row_names) * len(column_names))
    return pd.DataFrame(counts.reshape(len(row_names), len(column_names)), index=pd.Index(row_names, name="row_0"),
                        columns=pd.Index(column_names, name="col_0"))


def numeric(values: pd.Series, *, infinite: bool = False) -> pd.Series:
    """A rating column as floats: numbers (a decimal comma is read), Likert answers written as text by
    their scale (:func:`umpanbalik.likert.likert_scores`), anything else missing; infinite values
    (``inf``, ``Infinity``, ``1e309``) are missing too, since they would make every mean infinite and
    every coefficient NaN — unless ``infinite=True``, which keeps them (to count them)."""
    from ..likert import likert_scores

    numbers = likert_scores(values).astype(float)
    return numbers if infinite else numbers.where(~np.isinf(numbers.to_numpy()))


def infinite_count(values: pd.Series) -> int:
    """How many ratings are infinite (and so count as missing)."""
    return int(np.isinf(numeric(values, infinite=True).to_numpy()).sum())


def flags(comments: pd.DataFrame, column: str) -> np.ndarray:
    """A True/False column as a boolean array; a missing column or cell is False."""
    if column not in comments.columns:
        return np.zeros(len(comments), dtype=bool)
    values = comments[column]
    if pd.api.types.is_bool_dtype(values) and not values.hasnans:
        return values.to_numpy(dtype=bool)
    return np.fromiter((bool(v) if isinstance(v, (bool, np.bool_, int, np.integer)) else False for v in values.to_numpy()),
                       dtype=bool, count=len(values))
