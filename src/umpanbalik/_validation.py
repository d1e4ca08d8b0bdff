"""Input checks shared by every public entry point.

One place formats the messages, so that every function tells the user the same way what it got and
what to pass instead.
"""
from __future__ import annotations

import numbers
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from ._limits import MAX_MODEL_CHARS, model_text

__all__ = ["as_text", "as_one_text", "as_text_list", "as_training_texts", "as_names", "as_column", "check_option",
           "check_int"]


def as_text(value: Any) -> str:
    """Turn one cell into a comment string: missing or non-text cells become ``""``.

    Bytes are decoded as CSV files are: UTF-8, with the bytes that are not UTF-8 read as
    Windows-1252 (what spreadsheet exports use), so a comment in the wrong encoding is read rather
    than dropped.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        from ._tables import _decode

        return _decode(bytes(value))
    return ""


def as_one_text(value: Any, function: str, many: str | None = None) -> str:
    """:func:`as_text` for the argument of a public function of one comment, which refuses a
    container of comments.

    A list, tuple, set, dict, array, Series or DataFrame is a batch passed where one text is
    expected: read as one missing cell it would give an empty result for every comment, so it is a
    ``TypeError`` that says how to apply ``function`` to many (``many``; by default a list
    comprehension or ``Series.map``). Anything else is one cell, as :func:`as_text` reads it
    (``None``, ``NaN`` and numbers give ``""``, bytes are decoded). Inside a batch, cells go
    through :func:`as_text_list`, where a container cell is an empty comment, never an error.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, Iterable) and not isinstance(value, (bytes, bytearray)) and getattr(value, "ndim", 1) != 0:
        kind = "DataFrame" if _is_dataframe(value) else type(value).__name__
        many = many or f"[{function}(t) for t in texts], or texts.map({function}) on a pandas Series"
        raise TypeError(f"{function}() takes one text, not a container ({kind}). For many texts use {many}.")
    return as_text(value)


def _is_dataframe(obj: Any) -> bool:
    return hasattr(obj, "columns") and hasattr(obj, "iloc") and getattr(obj, "ndim", 1) == 2


def as_text_list(texts: Any, *, name: str = "texts") -> list[str]:
    """Validate an iterable of comments and return it as a list of strings of the same length.

    Parameters
    ----------
    texts : iterable of str
        A list, tuple, NumPy array or pandas Series of comments. Missing values (``None``, ``NaN``)
        and non-text cells become empty strings, so no row is ever dropped. A comment longer than
        :data:`umpanbalik._limits.MAX_MODEL_CHARS` characters is cut there: this is what every model
        reads, so a 200 MB cell costs no more than a long comment.
    name : str
        The parameter name used in error messages.

    Raises
    ------
    ValueError
        If ``texts`` is a single string (wrap it in a list).
    TypeError
        If ``texts`` is a DataFrame (select the text column) or not iterable.
    """
    _check_iterable(texts, name, "comments", "the text column, e.g. df['komentar']")
    result = [as_text(value) for value in texts]
    if result and max(map(len, result)) > MAX_MODEL_CHARS:
        result = [model_text(text) for text in result]
    return result


def as_training_texts(texts: Any, *, name: str = "X") -> list[str]:
    """:func:`as_text_list` for the comments an estimator is fitted on, of which at least one must
    hold text.

    A column of numbers, of missing values or of blanks reads as empty comments only: a model fitted
    on it learns nothing, yet would predict as if it had. One empty comment among real ones is
    still an empty comment, and zero comments are left to the estimator.

    Raises
    ------
    ValueError
        If no comment holds any text (besides the errors of :func:`as_text_list`).
    """
    result = as_text_list(texts, name=name)
    if result and not any(text.strip() for text in result):
        raise ValueError(
            f"none of the {len(result)} training texts in `{name}` holds any text (all empty, missing or not "
            f"text): did you pass the wrong column?"
        )
    return result


def as_names(names: Any, *, name: str = "names") -> list[Any]:
    """Validate the personal names to mask and return them as a list.

    A single string is refused rather than read as its characters (which would mask every
    stand-alone letter ``B``, ``u``, ``d``, ``i`` and not the name); the masking itself skips
    entries that are not text.

    Raises
    ------
    ValueError
        If ``names`` is a single string (wrap it in a list: ``names=["Budi"]``).
    TypeError
        If ``names`` is a DataFrame (select the column of names) or not iterable.
    """
    return as_column(names, name=name, items="names", column="the column of names, e.g. df['nama']")


def as_column(values: Any, *, name: str, items: str, column: str) -> list[Any]:
    """Validate one value per comment (labels, polarity dicts, names) and return them as a list.

    Parameters
    ----------
    values : iterable
        A list, tuple, 1-D array or pandas Series.
    name : str
        The parameter name used in error messages.
    items : str
        What ``values`` holds, in plural ("labels"), for the messages.
    column : str
        What to select from a DataFrame instead, e.g. ``"the label column, e.g. df['sentimen']"``.

    Raises
    ------
    ValueError
        If ``values`` is a single string (read as its characters it would be one value per letter)
        or a 2-D array.
    TypeError
        If ``values`` is a DataFrame (select ``column``) or not iterable.
    """
    _check_iterable(values, name, items, column)
    return list(values)


def _check_iterable(values: Any, name: str, items: str, column: str) -> None:
    """Refuse what cannot be an iterable of ``items``: a single string (most often meant as a list
    of one), a DataFrame (one of its columns is), a 2-D array or a non-iterable value."""
    if isinstance(values, (str, bytes)):
        raise ValueError(
            f"`{name}` must be an iterable of {items}, but a single string was given. "
            f"Wrap it in a list: [{values[:30]!r}]."
        )
    if _is_dataframe(values):
        columns = ", ".join(repr(str(c)) for c in list(values.columns)[:10])
        raise TypeError(
            f"`{name}` must be one column of {items}, but a DataFrame was given. Select {column}. "
            f"Available columns: {columns}."
        )
    if isinstance(values, np.ndarray) and values.ndim != 1:
        raise ValueError(f"`{name}` must be one-dimensional, but an array of shape {values.shape} was given.")
    if not isinstance(values, Iterable):
        raise TypeError(f"`{name}` must be an iterable of {items}, got {type(values).__name__}.")


def check_option(name: str, value: Any, allowed: Sequence[Any]) -> Any:
    """Return ``value`` if it is one of ``allowed``; else raise a ``ValueError`` that lists them."""
    if value not in allowed:
        options = ", ".join(repr(a) for a in allowed)
        raise ValueError(f"`{name}` must be one of {options}; got {value!r}.")
    return value


def check_int(name: str, value: Any, *, minimum: int, allow_none: bool = False) -> Any:
    """Return ``value`` if it is an integer ``>= minimum``; else raise a ``ValueError`` naming it."""
    if value is None and allow_none:
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ValueError(f"`{name}` must be an integer >= {minimum}; got {value!r}.")
    return int(value)

