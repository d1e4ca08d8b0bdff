"""Text-level normalisation of one comment: Unicode, markup, identifiers, emoji.

These steps work on the whole string before tokenisation. Each is a plain function of a string, so
that the same code serves the preprocessing pipeline and the masking of exports.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from collections.abc import Iterable
from functools import lru_cache

from . import _masking
from ._validation import as_names, as_one_text
from .lexicon import _emoji

__all__ = ["normalize_text", "mask_identifiers"]

_TAG = re.compile(r"<[^<>]{0,500}>")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w@])@\w+")
# Zero-width and format characters (soft hyphen, zero-width space and joiners, bidi marks and
# isolates, word joiner, invisible operators, byte-order mark), pasted from chat apps and word
# processors: between two letters they are removed ("mate\u200bri" is "materi"); anywhere else they,
# like control characters, separate (so digits on either side never merge into a longer number,
# which would hide a NIP or phone number from masking).
_FORMAT = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
_FORMAT_IN_WORD = re.compile(f"(?<=[^\\W\\d_])[{_FORMAT}]+(?=[^\\W\\d_])")
_INVISIBLE = re.compile(f"[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f{_FORMAT}]")

# Exports show masked identifiers as "[nip]"; the preprocessing pipeline uses "__nip__", one \w+ token
# that the tokeniser keeps whole and the word stage then drops.
_EXPORT_STYLE = "[{}]"
_TOKEN_STYLE = " __{}__ "


def _mask(text: str, style: str, names: Iterable[str] = ()) -> str:
    return _masking.mask(text, style, names)  # every format of every identifier: see _masking


def without_names(texts: list[str], names: Iterable[str]) -> list[str]:
    """``texts`` as the models read them when ``names`` are masked in the exports: each name (and each
    identifier) in a text that holds one is replaced by the token the preprocessing drops, as it drops
    identifiers, so that nothing derived from the text — the cleaned text, evidence words, topic key
    terms and labels, theme labels — can hold a listed name ("Pak Hendro" is masked as written, but its
    cleaned form "hendro" matches no name). The others are returned as they are; no name, no change."""
    names = [name for name in names if isinstance(name, str) and name.strip()]
    if not names:
        return texts
    may_hold = _masking.may_hold_identifier(names)
    return [_mask(text, _TOKEN_STYLE, names) if may_hold(text) else text for text in texts]


def mask_identifiers(text: str, names: Iterable[str] = ()) -> str:
    """Replace NIP, NIK, phone numbers, e-mail addresses and the given names by placeholders.

    Each is found however it is written — ``(0812) 3456–7890``, ``+62 (812) …``, ``(021) 555 1234``,
    fullwidth digits, ``19850101/201001/1/001``, ``32.01.01.010190.0001``, ``budi @ gmail.com``,
    ``budi＠gmail.com``, a name with a double or non-breaking space … (see :mod:`umpanbalik._masking`);
    years, durations, ratings, times and money are left as written. A missing or non-text cell
    (``None``, ``NaN``, a number) gives ``""``; bytes are decoded. It masks one text: a list or
    Series of texts is an error (map the function over it). ``names`` is a list of names
    (``names=["Budi Santoso"]``); a single string is an error, not a list of its characters.

    Examples
    --------
    >>> mask_identifiers("hubungi 081234567890 atau budi@contoh.go.id, NIP 198501012010011001")
    'hubungi [telepon] atau [email], NIP [nip]'
    >>> mask_identifiers("terima kasih pak Budi Santoso", names=["Budi Santoso"])
    'terima kasih pak [nama]'
    """
    return _mask(as_one_text(text, "mask_identifiers"), _EXPORT_STYLE, as_names(names))


_EMOTICON_MARKS = frozenset(":;=^<>_*\\|")


@dataclass(frozen=True)
class _EmojiTables:
    emoji: re.Pattern[str]  # pictographs, matched anywhere
    emoticons: re.Pattern[str]  # ASCII emoticons such as :) or ^_^, matched between words
    words: dict[str, str]  # symbol -> Indonesian word(s)
    special: re.Pattern[str]  # one scan that says whether a comment needs any rewriting below
    marks: re.Pattern[str]  # whether it holds a character that marks an emoticon


@lru_cache(maxsize=1)
def _tables() -> _EmojiTables:
    words = {symbol: word for symbol, (word, _) in _emoji().items()}
    words.update({s.lower(): w for s, w in list(words.items()) if s.isascii()})
    # An emoticon is recognised by a character that ordinary text rarely holds (":" in ":)", "_" in
    # "t_t"); forms without one (letter-only "xd", or "o.o") are left to the slang table.
    emoticons = sorted(
        {s for s in words if s.isascii() and s == s.lower() and _EMOTICON_MARKS.intersection(s)},
        key=len, reverse=True,
    )
    emoji = sorted((s for s in words if not s.isascii()), key=len, reverse=True)
    emoji_starts = "[" + "".join(sorted({re.escape(s[0]) for s in emoji})) + "]" if emoji else "(?!x)x"

    def alternation(symbols: list[str]) -> str:
        return "|".join(re.escape(s) for s in symbols) or r"(?!x)x"

    starts = {s[0] for s in emoticons}
    key_class = "[" + "".join(re.escape(k) for k in sorted(starts)) + "]" if starts else "(?!x)x"
    marks = "".join(re.escape(k) for k in sorted(_EMOTICON_MARKS))
    # The lookahead lets the regex skip every position that cannot start an emoticon.
    return _EmojiTables(
        emoji=re.compile(f"(?={emoji_starts})(?:{alternation(emoji)})"),
        emoticons=re.compile(rf"(?={key_class})(?<![^\s\w])(?:{alternation(emoticons)})(?![^\s.,!?])"),
        words=words,
        special=re.compile(f"[\\d{marks}]"),
        marks=re.compile(f"[{marks}]"),
    )


def _strip_markup(text: str) -> str:
    """Unescape entities and remove tags until nothing changes (``&lt;b&gt;`` and ``<<b>>`` too).

    Every change shortens the text, so the loop ends; running to a fixed point keeps normalisation
    idempotent.
    """
    previous = None
    while previous != text:
        previous = text
        text = _TAG.sub(" ", html.unescape(text))
    return text


def normalize_text(
    text: str,
    *,
    markup: bool = True,
    identifiers: bool = True,
    emoji: bool = True,
) -> str:
    """Normalise one comment string; the result is lower case and idempotent.

    Parameters
    ----------
    text : str
        The raw comment; a missing or non-text cell (``None``, ``NaN``, a number) gives ``""`` and
        bytes are decoded, as in :class:`~umpanbalik.Preprocessor`. A list or Series of texts is
        an error: map the function over it.
    markup : bool
        Remove HTML tags and entities, URLs and @mentions (URLs become ``__tautan__``).
    identifiers : bool
        Mask NIP, NIK, phone numbers and e-mail addresses (``__nip__``, ``__nik__``, ``__telepon__``,
        ``__email__``; the tokeniser drops them).
    emoji : bool
        Replace emoji and emoticons by Indonesian words (👍 → ``bagus``) instead of dropping them.

    Examples
    --------
    >>> normalize_text("Materinya <b>BAGUS</b> 👍 cek https://contoh.id").split()
    ['materinya', 'bagus', 'bagus', 'cek', '__tautan__']
    """
    return _normalize(as_one_text(text, "normalize_text"), markup, identifiers, emoji, _tables())


def _normalize(text: str, markup: bool, identifiers: bool, emoji: bool, tables: _EmojiTables) -> str:
    """:func:`normalize_text` with positional options: the hot loop of ``Preprocessor.transform``."""
    text, special = _surface(text, markup, identifiers, tables)
    return _words_for_symbols(text, special, tables) if emoji else text


def _surface(text: str, markup: bool, identifiers: bool, tables: _EmojiTables) -> tuple[str, bool]:
    """The normalised text with its emoji and emoticons still symbols, and whether it may hold an
    emoticon (for :func:`_words_for_symbols`)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = _INVISIBLE.sub(" ", _FORMAT_IN_WORD.sub("", text))
    if markup:
        if "<" in text or "&" in text:
            text = _strip_markup(text)
        if "://" in text or "www." in text or "WWW." in text:
            text = _URL.sub(_TOKEN_STYLE.format("tautan"), text)
    # Most comments have no digit and no emoticon character: one scan lets them skip the rest.
    special = tables.special.search(text) is not None
    # after NFKC and markup, an at-sign is "@", "(at)" or "[at]": substring tests, the hot loop's cheapest
    if identifiers and (special or "@" in text or "t)" in text or "t]" in text or "T)" in text or "T]" in text):
        text = _mask(text, _TOKEN_STYLE)
    if markup and "@" in text:
        text = _MENTION.sub(" ", text)
    return text.lower(), special


def _words_for_symbols(text: str, special: bool, tables: _EmojiTables) -> str:
    """Emoji and emoticons of a :func:`_surface` text replaced by their Indonesian words."""
    if not text.isascii():
        text = tables.emoji.sub(lambda m: " " + tables.words[m.group(0)] + " ", text)
    if special and tables.marks.search(text):  # digits alone make a comment special, too
        text = tables.emoticons.sub(lambda m: " " + tables.words[m.group(0)] + " ", text)
    return text


def surface_and_words(text: str) -> tuple[str, str]:
    """A comment normalised twice over (every default step): with its emoji and emoticons kept as
    symbols, and with them read as words, as :func:`normalize_text` gives it.

    The character view of :class:`~umpanbalik.features.TextFeatures` reads the first: "👍" is the
    word "bagus" to the word views, but "bagus 👍" and "👍👍" must not look the same to every view
    (a row of thumbs is an acknowledgement, "bagus" is praise).

    Examples
    --------
    >>> surface_and_words("Bagus 👍")
    ('bagus 👍', 'bagus  bagus ')
    """
    tables = _tables()
    surface, special = _surface(text, True, True, tables)
    return surface, _words_for_symbols(surface, special, tables)
