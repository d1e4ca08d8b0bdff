"""Sastrawi stemming behind one process-wide memo, with a user-extendable exceptions table.

Sastrawi (the ``PySastrawi`` distribution) is loaded on first use only. Every word is stemmed at most
once per process: the memo maps word → stem and is shared by every preprocessor, because the stem of
a word does not depend on any option (exceptions are looked up before the memo). The memo starts with
Sastrawi's stems of the words of the team's written data (``resources/stem_table.tsv``), computed
when the package is built. A word the table does not hold skips Sastrawi's affix search when it
provably cannot reach a root (:func:`_comes_back_unchanged`: most typos, names and English words).
The audit of the
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
_SHORTCUT: list[bool] = []  # non-empty when the installed PySastrawi is the one _comes_back_unchanged reads
_TAILS: frozenset[str] | None = None  # Sastrawi's roots without their first letter (built on first need)


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
        stemmer, roots = _sastrawi()
        if _SHORTCUT and _comes_back_unchanged(word, roots.words, _tails(roots.words)):
            stem = word
        else:
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
                _SHORTCUT.append(True)
        _PRELOADED.append(True)


def load() -> None:
    """Load Sastrawi and the shipped stem table now: done before workers are forked, so that no
    worker is forked while a thread of this process holds the lock that guards them."""
    _sastrawi()
    if not _PRELOADED:
        _preload()


def _tails(roots: Mapping[str, str]) -> frozenset[str]:
    global _TAILS
    if _TAILS is None:
        _TAILS = frozenset(root[1:] for root in roots)
    return _TAILS


# What Sastrawi (1.2.1) can take off a word on its way to a root: suffixes at the end (particle,
# possessive, derivational: RemoveInflectionalParticle, ...PossessivePronoun, RemoveDerivationalSuffix),
# and at the front at most three prefixes (RemovePlainPrefix and the prefix rules 1-42 of its
# VisitorProvider) or infixes (rules 37-40), each of which may leave one letter of its own in front.
_ENDINGS = tuple(sorted({d + p + q for d in ("", "i", "kan", "an", "is", "isme", "isasi")
                         for p in ("", "ku", "mu", "nya") for q in ("", "lah", "kah", "tah", "pun")}, key=len))
_PREFIXES = ("di", "ke", "se", "ku", "kau", "be", "ber", "bel", "te", "ter", "me", "mem", "men", "meng", "meny",
             "menge", "pe", "pem", "pen", "peng", "peny", "penge", "per", "pel")  # bel-/pel-: rules 4 and 32 (belajar)
_INFIXES = ("el", "em", "er", "in")


def _comes_back_unchanged(word: str, roots: Mapping[str, str], tails: frozenset[str]) -> bool:
    """True when Sastrawi's affix search is sure to give ``word`` back as it is, found without it.

    Sastrawi returns the word itself unless its search reaches a word of its root dictionary; a root,
    or a word of three letters or fewer, comes back at once. On the way it only cuts suffixes off the
    end and prefixes or infixes off the front (at most three), each of which may leave one letter of
    its own in front of the rest (``menulis`` → t + ``ulis``). So every root it can reach is a stretch
    of the word (after such a front, before a chain of suffixes), with one letter in front or not; when
    no such stretch is a root without its first letter (``tails``), no root can be reached. The front
    is followed generously: a letter left in front matches any letter of the next prefix. Most typos,
    names and English words end here at a tenth of the search's cost; the rest go to Sastrawi, as do
    hyphenated words (reduplication). A test checks the claim on every word of the written data and on
    words built from roots, affixes and typos."""
    if "-" in word:
        return False
    if word in roots or len(word) <= 3:
        return True
    n = len(word)
    ends = [n - len(ending) for ending in _ENDINGS if word.endswith(ending) and n > len(ending)]
    # a state is (k, head): what remains is word[k:], with one letter of a prefix rule in front or not
    states = layer = {(0, False)}
    for _ in range(3):
        nxt = set()
        for k, head in layer:
            for prefix in _PREFIXES:
                if word.startswith(prefix[1:] if head else prefix, k):
                    cut = k + len(prefix) - head
                    nxt.update(((cut, False), (cut, True)))
            inner = k if head else k + 1
            if word[inner:inner + 2] in _INFIXES:
                nxt.add((inner + 2, True))
        layer = nxt - states
        states = states | nxt
    for k, head in states:
        start = k if head else k + 1
        for end in ends:
            if end > start and word[start:end] in tails:
                return False
    return True


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
