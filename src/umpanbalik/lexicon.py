"""The language resources that ship inside the package, read with ``importlib.resources``.

Every table is a small UTF-8 text file in ``umpanbalik/resources`` written by the umpanbalik team
(see ``resources/README.md`` for provenance and licence). Tables load on first use and are cached,
so importing the package stays cheap. Users extend or override them through the parameters of
:class:`umpanbalik.Preprocessor`; the functions here return fresh copies that are safe to modify.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

__all__ = [
    "load_slang",
    "load_protected",
    "load_stopwords",
    "load_stem_exceptions",
    "load_topic_stopwords",
    "load_emoji",
    "load_polarity",
    "DEFAULT_SCOPE_WORDS",
]

#: Intensifiers written before their word ("sangat buruk"), and the doubled ones.
INTENSIFIERS: frozenset[str] = frozenset({"sangat", "amat", "sungguh", "teramat", "sangatlah"})
DOUBLED_INTENSIFIERS: frozenset[str] = frozenset({"benar-benar", "betul-betul"})
#: Negators, degree words and intensifiers that are kept and joined to the next word (``tidak_jelas``,
#: ``sangat_buruk``). An intensifier alone was the strongest praise word of real comments ("sangat" comes
#: with praise twenty times as often as with complaints): "pelayanan panitia sangat buruk" was positif.
DEFAULT_SCOPE_WORDS: frozenset[str] = frozenset(
    {"tidak", "tak", "bukan", "belum", "kurang", "jangan", "terlalu", "tanpa", "kurangnya"}
) | INTENSIFIERS | DOUBLED_INTENSIFIERS


def _read_rows(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated resource, skipping ``#`` comments and the header line."""
    text = files("umpanbalik.resources").joinpath(name).read_text(encoding="utf-8")
    rows = []
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        cells = line.split("\t")
        if len(cells) < columns:
            raise ValueError(f"resource {name}: expected {columns} columns in line {line!r}")
        rows.append(tuple(cell.strip() for cell in cells[:columns]))
    return tuple(rows)


@lru_cache(maxsize=None)
def _slang() -> dict[str, str]:
    return {form.lower(): standard.lower() for form, standard in _read_rows("slang.tsv", 2)}


@lru_cache(maxsize=None)
def _protected() -> dict[str, str]:
    # Multi-word domain terms are written with "_" in the table and typed with "-", "_" or nothing.
    return {form.lower(): canonical for form, canonical in _read_rows("domain.tsv", 2)}


@lru_cache(maxsize=None)
def _stopwords() -> frozenset[str]:
    text = files("umpanbalik.resources").joinpath("stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=None)
def _topic_stopwords() -> frozenset[str]:
    text = files("umpanbalik.resources").joinpath("topic_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=None)
def _stem_exceptions() -> dict[str, str]:
    return dict(_read_rows("stem_exceptions.tsv", 2))


@lru_cache(maxsize=None)
def _emoji() -> dict[str, tuple[str, str]]:
    return {symbol: (word, polarity) for symbol, word, polarity in _read_rows("emoji.tsv", 3)}


@lru_cache(maxsize=None)
def _polarity() -> dict[str, tuple[str, int]]:
    return {word: (polarity, int(weight)) for word, polarity, weight in _read_rows("polaritas.tsv", 3)}


def load_slang() -> dict[str, str]:
    """Informal form → standard Indonesian (``"gk" → "tidak"``, ``"mboten" → "tidak"``)."""
    return dict(_slang())


def load_protected() -> dict[str, str]:
    """Protected domain terms → canonical form (``"jpl" → "jam pelajaran"``, ``"diklat" → "diklat"``)."""
    return dict(_protected())


def load_stopwords() -> set[str]:
    """The evaluation-safe stopword list (keeps negators, degree words and evaluative words)."""
    return set(_stopwords())


def load_topic_stopwords() -> set[str]:
    """Extra stopwords for topic vocabularies: request markers and intensifiers (``mohon``, ``sangat``)."""
    return set(_topic_stopwords())


def load_stem_exceptions() -> dict[str, str]:
    """Word → stem overrides for words that Sastrawi stems wrongly (``"peserta" → "peserta"``)."""
    return dict(_stem_exceptions())


def load_emoji() -> dict[str, tuple[str, str]]:
    """Emoji or emoticon → (Indonesian word, polarity)."""
    return dict(_emoji())


def load_polarity() -> dict[str, tuple[str, int]]:
    """Root word → (polarity, weight 1–3): the team's evaluation polarity lexicon."""
    return dict(_polarity())
