"""Text-level normalisation of one comment: Unicode, markup, identifiers, emoji, reduplication.

These steps work on the whole string before tokenisation. Each is a plain function of a string, so
that the same code serves the preprocessing pipeline and the masking of exports.
"""
from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from .lexicon import _emoji

__all__ = ["normalize_text", "mask_identifiers"]

_TAG = re.compile(r"<[^<>]{0,500}>")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MENTION = re.compile(r"(?<![\w@])@\w+")
# NIP: 18 digits (birth date, appointment date, sex, serial), often grouped "19850101 201001 1 001".
_NIP = re.compile(r"(?<!\d)\d{8}[ .-]?\d{6}[ .-]?\d[ .-]?\d{3}(?!\d)")
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_PHONE = re.compile(r"(?<![\d+])(?:\+62|62|0)[ .-]?8\d{1,3}(?:[ .-]?\d{3,4}){2,3}(?!\d)")
_INVISIBLE = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# "materi2" is written for "materi-materi"; only after a word of 3+ letters, so "k3" or "covid19" stay.
_REDUPLICATION = re.compile(r"\b([^\W\d_]{3,})2(nya|an|lah|ku|mu)?\b")

PLACEHOLDERS = {"url": "[tautan]", "email": "[email]", "nip": "[nip]", "nik": "[nik]", "phone": "[telepon]"}


def mask_identifiers(text: str, names: Iterable[str] = ()) -> str:
    """Replace NIP, NIK, phone numbers, e-mail addresses and the given names by placeholders.

    Examples
    --------
    >>> mask_identifiers("hubungi 081234567890 atau budi@contoh.go.id, NIP 198501012010011001")
    'hubungi [telepon] atau [email], NIP [nip]'
    >>> mask_identifiers("terima kasih pak Budi Santoso", names=["Budi Santoso"])
    'terima kasih pak [nama]'
    """
    if any(ch.isdigit() for ch in text):
        text = _NIP.sub(PLACEHOLDERS["nip"], text)
        text = _NIK.sub(PLACEHOLDERS["nik"], text)
        text = _PHONE.sub(PLACEHOLDERS["phone"], text)
    if "@" in text:
        text = _EMAIL.sub(PLACEHOLDERS["email"], text)
    for name in names:
        if name and name.strip():
            text = re.sub(r"(?<!\w)" + re.escape(name.strip()) + r"(?!\w)", "[nama]", text, flags=re.IGNORECASE)
    return text


@lru_cache(maxsize=1)
def _emoji_pattern() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], dict[str, str]]:
    table = {symbol: word for symbol, (word, _) in _emoji().items()}
    table.update({s.lower(): w for s, w in list(table.items()) if s.isascii()})
    emoji = sorted((s for s in table if not s.isascii()), key=len, reverse=True)
    emoticons = sorted({s for s in table if s.isascii() and s == s.lower()}, key=len, reverse=True)

    def alternation(symbols: list[str]) -> str:
        return "|".join(re.escape(s) for s in symbols) or r"(?!x)x"

    emoji_re = re.compile(alternation(emoji))
    # An emoticon that starts with a letter (xD) needs a space before it; ":)" may follow a word.
    lettered = [s for s in emoticons if s[0].isalnum()]
    symbolic = [s for s in emoticons if not s[0].isalnum()]
    emoticon_re = re.compile(
        rf"(?:(?<!\S)(?:{alternation(lettered)})|(?<![^\s\w])(?:{alternation(symbolic)}))(?![^\s.,!?])"
    )
    return emoji_re, emoticon_re, frozenset(s[0] for s in emoticons), table


def normalize_text(
    text: str,
    *,
    markup: bool = True,
    identifiers: bool = True,
    emoji: bool = True,
    reduplication: bool = True,
) -> str:
    """Normalise one comment string; the result is lower case and idempotent.

    Parameters
    ----------
    text : str
        The raw comment.
    markup : bool
        Remove HTML tags and entities, URLs and @mentions (URLs become ``[tautan]``).
    identifiers : bool
        Mask NIP, NIK, phone numbers and e-mail addresses (``[nip]``, ``[nik]``, ``[telepon]``, ``[email]``).
    emoji : bool
        Replace emoji and emoticons by Indonesian words (👍 → ``bagus``) instead of dropping them.
    reduplication : bool
        Expand reduplication written with a digit (``materi2`` → ``materi-materi``).

    Examples
    --------
    >>> normalize_text("Materi2nya <b>BAGUS</b> 👍 cek https://contoh.id").split()
    ['materi-materinya', 'bagus', 'bagus', 'cek', '[tautan]']
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = _INVISIBLE.sub(" ", text)
    if markup:
        if "<" in text or "&" in text:
            text = html.unescape(_TAG.sub(" ", text))
        if "://" in text or "www." in text or "WWW." in text:
            text = _URL.sub(" " + PLACEHOLDERS["url"] + " ", text)
    if identifiers:
        text = mask_identifiers(text)
    if markup and "@" in text:
        text = _MENTION.sub(" ", text)
    text = text.lower()
    if emoji:
        emoji_re, emoticon_re, emoticon_starts, table = _emoji_pattern()
        if not text.isascii():
            text = emoji_re.sub(lambda m: " " + table[m.group(0)] + " ", text)
        if not emoticon_starts.isdisjoint(text):
            text = emoticon_re.sub(lambda m: " " + table[m.group(0)] + " ", text)
    if reduplication and "2" in text:
        text = _REDUPLICATION.sub(lambda m: f"{m.group(1)}-{m.group(1)}{m.group(2) or ''}", text)
    return text
