"""Bounds that keep the work for any input finite, and the cuts that keep messages and pages short.

A comment of 200 MB is kept whole in the results and the CSV, but the models read its first
:data:`MAX_MODEL_CHARS` characters, the HTML report shows its first :data:`MAX_QUOTE_CHARS`, and an
error message that names it (or a 200 MB column name) shows :data:`MAX_NAME_CHARS` of it, within at
most :data:`MAX_MESSAGE_CHARS` in all.
"""
from __future__ import annotations

from typing import Any

__all__ = ["MAX_MODEL_CHARS", "MAX_QUOTE_CHARS", "MAX_MESSAGE_CHARS", "MAX_NAME_CHARS", "model_text", "shorten",
           "shown_quote", "short_repr", "short_list"]

#: Characters of one comment that the models read (cleaning, features, topics); about 15,000 words,
#: hundreds of times the longest real answer. The text itself is kept in the results.
MAX_MODEL_CHARS = 100_000
#: Characters of one quote, suggestion or table cell shown in the HTML report.
MAX_QUOTE_CHARS = 1_000
#: Characters of one error message, and of one name or value quoted inside it.
MAX_MESSAGE_CHARS = 500
MAX_NAME_CHARS = 60


def model_text(text: str) -> str:
    """``text`` cut to :data:`MAX_MODEL_CHARS` characters, at the last white space before the cut when
    there is one near it (so the last word read is whole).

    Examples
    --------
    >>> len(model_text("materi bagus " * 20_000)) <= MAX_MODEL_CHARS
    True
    >>> model_text("pendek")
    'pendek'
    """
    if len(text) <= MAX_MODEL_CHARS:
        return text
    space = text.rfind(" ", MAX_MODEL_CHARS - 1_000, MAX_MODEL_CHARS + 1)
    return text[: space if space > 0 else MAX_MODEL_CHARS]


def shorten(text: str, limit: int, marker: str = " …") -> str:
    """``text`` cut to at most ``limit`` characters, ``marker`` included, when it is longer.

    Examples
    --------
    >>> shorten("x" * 10, 6)
    'xxxx …'
    """
    if len(text) <= limit:
        return text
    return text[: max(limit - len(marker), 0)] + marker


def shown_quote(text: Any, lang: str = "id") -> Any:
    """A quote as the HTML report shows it: at most :data:`MAX_QUOTE_CHARS` characters, with a marker
    that says how long the comment is (the CSV keeps it whole).

    Examples
    --------
    >>> shown_quote("bagus " * 500, "en")[-43:]
    'bagu … [truncated; 3000 characters in full]'
    """
    if not isinstance(text, str) or len(text) <= MAX_QUOTE_CHARS:
        return text
    from ._i18n import text as words

    return text[:MAX_QUOTE_CHARS].rstrip() + words("truncated", lang, n=len(text))


def short_repr(value: Any, limit: int = MAX_NAME_CHARS) -> str:
    """``repr(value)`` of at most about ``limit`` characters (a long string is cut before ``repr``).

    Examples
    --------
    >>> short_repr("kolom " * 100, 20)
    "'kolom kolom kolom k…'"
    """
    if isinstance(value, str) and len(value) > limit:
        return repr(value[: limit - 1] + "…")
    return shorten(repr(value), limit)


def short_list(values: Any, limit: int = 30) -> str:
    """``'a', 'b', …`` of the first ``limit`` values, each cut (:func:`short_repr`), and how many more.

    Examples
    --------
    >>> short_list([f"k{i}" for i in range(5)], limit=2)
    "'k0', 'k1' … (3 more)"
    """
    values = list(values)
    shown = ", ".join(short_repr(str(v)) for v in values[:limit])
    return shown + (f" … ({len(values) - limit:,} more)" if len(values) > limit else "")
