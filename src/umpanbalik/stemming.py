"""Sastrawi stemming behind one process-wide memo, with a user-extendable exceptions table.

Sastrawi (the ``PySastrawi`` distribution) is loaded on first use only. Every word is stemmed at most
once per process: the memo maps word → stem and is shared by every preprocessor, because the stem of
a word does not depend on any option (exceptions are looked up before the memo). The memo starts with
Sastrawi's stems of the words of the team's written data (``resources/stem_table.tsv``), computed
when the package is built. The audit of the
stems a preprocessor gives, :func:`umpanbalik.preprocessing.stem_audit`, lives with the preprocessor:
this module imports nothing of it.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from typing import Any

from .lexicon import _stem_exceptions

__all__ = ["stem_word", "is_known_word"]

_LOCK = threading.Lock()
_STEMMER: Any = None
_ROOTS: Any = None
_MEMO: dict[str, str] = {}
_MEMO_LIMIT = 2_000_000  # words; a memo this large is cleared rather than grown without bound
_STEMMABLE = re.compile(r"[a-z]+(?:-[a-z]+)*")
_PRELOADED: list[bool] = []  # non-empty once the shipped table is in the memo (or is known to be missing)


def _sastrawi() -> tuple[Any, Any]:
    """Create Sastrawi's stemmer once (about 30 ms) and return it with its root dictionary."""
    global _STEMMER, _ROOTS
    if _STEMMER is None:
        with _LOCK:
            if _STEMMER is None:
                from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

                cached = StemmerFactory().create_stemmer()
                _ROOTS = cached.delegatedStemmer.get_dictionary()
                _STEMMER = cached.delegatedStemmer
    return _STEMMER, _ROOTS


def stem_word(word: str, exceptions: Mapping[str, str] | None = None) -> str:
    """Stem one lower-case word: exceptions first, then the memoised Sastrawi stem.

    Words with characters other than ``a-z`` and inner hyphens (numbers, other scripts) are returned
    unchanged, since Sastrawi would strip those characters.

    Examples
    --------
    >>> stem_word("penjelasannya")
    'jelas'
    >>> stem_word("peserta")   # Sastrawi alone gives "serta"
    'peserta'
    """
    if exceptions and word in exceptions:
        return exceptions[word]
    default = _stem_exceptions()
    if word in default:
        return default[word]
    if not _PRELOADED:
        _preload()
    stem = _MEMO.get(word)
    if stem is None:
        if not _STEMMABLE.fullmatch(word):
            return word
        stemmer, _ = _sastrawi()
        stem = stemmer.stem_word(word) or word
        if len(_MEMO) >= _MEMO_LIMIT:
            _MEMO.clear()
        _MEMO[word] = stem
    return stem


def _preload() -> None:
    """Fill the memo with the shipped table of Sastrawi's stems (``resources/stem_table.tsv``: the
    words of the team's written data, stemmed when the package was built), so that common
    words never wait for Sastrawi's affix search; only when the installed PySastrawi is the one
    that made the table (its first line names it)."""
    from importlib.resources import files

    with _LOCK:
        if _PRELOADED:
            return
        resource = files("umpanbalik.resources").joinpath("stem_table.tsv")
        if resource.is_file():  # (missing only while the table itself is being built)
            rows = resource.read_text(encoding="utf-8").splitlines()
            made_with = _TABLE_VERSION.search(rows[0]) if rows else None
            # another PySastrawi might stem some words otherwise: then every word goes to it
            if made_with is not None and made_with.group(1) == _sastrawi_version():
                for row in rows:
                    if row and not row.startswith("#"):
                        word, _, stem = row.partition("\t")
                        _MEMO.setdefault(word, stem or word)
        _PRELOADED.append(True)


_TABLE_VERSION = re.compile(r"PySastrawi (\S+) gives")


def _sastrawi_version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("PySastrawi")
    except PackageNotFoundError:
        return None


def is_known_word(word: str) -> bool:
    """True when ``word`` or its stem is in Sastrawi's root dictionary."""
    _, roots = _sastrawi()
    return roots.contains(word) or roots.contains(stem_word(word))
