"""Masking personal identifiers however they are written: NIP, NIK, phone numbers, e-mails, names.

People write the same number many ways: ``(0812) 3456-7890``, ``0812 – 3456 – 7890``, ``+62 (812)
3456-7890``, ``(021) 555 1234``, fullwidth ``０８１２…``, one digit at a time ``0 8 1 2 …``; a NIP as
``19850101 201001 1 001`` with any separator; a NIK as ``3201 0101 0190 0001`` or
``32.01.01.010190.0001``; an e-mail as ``budi @ gmail.com``, ``budi＠gmail.com``, ``budi&#64;…`` or
``budi@localhost``; a name with a double space, a non-breaking space, a line break, a zero-width
character or fullwidth letters. Every regex here runs on a *view* of the text of the same length:
each character mapped to what it stands for (any decimal digit to its ASCII digit, fullwidth and
other compatibility forms to their NFKC character, dashes to ``-``, white space to ``" "``, format
and control characters to ``"\\x00"``). A span found in the view is the span to replace in the text,
which is otherwise left exactly as written.

Numbers are read as chains of digit groups joined by spaces or a few separators (``-./_()+``); an
identifier is a run of consecutive groups whose digits and grouping fit one of the layouts below.
Ordinary numbers stay: years, durations ("2 jam"), ratings ("4/5"), cohorts ("angkatan 45"), times
("08.00-10.00"), dates and money do not fit a layout (``tests/test_hostile.py`` checks them).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import accumulate

__all__ = ["mask", "may_hold_identifier", "may_hold_email"]

_SKIP = "\x00"  # invisible characters in the view: skipped inside a name, a separator between digits

# Where the groups of a NIP (18 digits: birth date, appointment, sex, serial, "19850101 201001 1 001")
# and of a NIK (16 digits: "3201 0101 0190 0001", "32.01.01.010190.0001", "320101 010190 0001") may
# end; a number written with some of these separators left out fits too ("198501012010011 001").
_NIP_BREAKS = (frozenset({8, 14, 15}),)
_NIK_BREAKS = (frozenset({4, 8, 12}), frozenset({2, 4, 6, 12}))
_YEAR = re.compile(r"(?:19|20)\d\d")
_MAX_GROUPS = 20  # an identifier spans at most this many digit groups (18 digits written one by one, a prefix)
_MAX_SEPARATOR = 16  # characters between two groups of one number ("0812  -  3456")

_DIGITS = re.compile(r"\d+")
# Between two digit groups of one number: white space or invisible characters, and at most three of
# - . / _ ( ) + (") - (" in "(0812) - 3456").
_SEPARATOR = re.compile(r"[ \x00]*(?:[-./_()+][ \x00]*){0,3}")
_AT = r"(?:@|&#0*64;|&#x0*40;|&commat;|\[at\]|\(at\)|\[@\]|\(@\))"
# A tight "@" (no space around it) takes any domain, "budi@localhost"; a spaced or spelled one only a
# domain with a dot and a last part that starts with two letters, so that "belajar @ rumah" stays.
# The last part runs to the end of the word: a top-level domain glued to what follows with digits
# ("budi @ mail.comNIP1971…") is masked with it, as no reader could tell where the address ends. The
# price: a class code after a spaced "@" ("kelas @ XI.IPA2") is masked too, as "kelas @ XI.IPA" was.
_EMAIL = re.compile(
    rf"(?<![\w.+\-\x00])[\w.+\-\x00]+"
    rf"(?:{_AT}[\w\-\x00]+(?:\.[\w\-\x00]+)*|[ \x00]*{_AT}[ \x00]*[\w\-\x00]+(?:\.[\w\-\x00]+)*\.[a-z]{{2,}}[\w\-\x00]*)",
    re.IGNORECASE,
)
_CLOSING = re.compile(r"[ \x00]*\)")
# Quick tests, cheapest first: a character that can start an at-sign, then the at-sign itself.
_AT_START = re.compile(r"[@\uff20\ufe6b&\[(]")
_MAYBE_EMAIL = re.compile(r"[@\uff20\ufe6b]|&(?:#|commat;)|[\[(]at[\])]", re.IGNORECASE)
_MAYBE = re.compile(r"\d|[@\uff20\ufe6b]|&(?:#|commat;)|[\[(]at[\])]", re.IGNORECASE)
_MAYBE_START = re.compile(r"[\d@\uff20\ufe6b&\[(]")  # a plain character class: found at C speed
# Seven digits joined by short separators: the fewest any identifier has (a landline number).
_SEVEN_DIGITS = re.compile(r"\d(?:[ \x00\-./_()+]{0,16}\d){6}")
_SEVEN_DIGITS_RAW = re.compile(r"\d(?:[\s\x00-\x1f\x7f\-./_()+]{0,16}\d){6}")  # the same, on ASCII text as written
# Exports keep the text as written, except that an invisible character between two digits becomes a
# space (it separates them, as in the preprocessing).
_FORMAT = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
_INVISIBLE_BETWEEN_DIGITS = re.compile(f"(?<=\\d)[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f{_FORMAT}]+(?=\\d)")


class _ViewTable(dict):
    """``str.translate`` table of the view, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        category = unicodedata.category(char)
        if char in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85" or category in ("Zs", "Zl", "Zp"):
            mapped = " "
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            mapped = _SKIP
        elif category == "Nd":
            mapped = str(unicodedata.decimal(char))
        elif category == "Pd" or char == "\u2212":
            mapped = "-"
        else:
            normal = unicodedata.normalize("NFKC", char)
            mapped = normal if len(normal) == 1 else char
        self[code] = mapped
        return mapped


_VIEW = _ViewTable()


def _view(text: str) -> str:
    """The text as the patterns read it; same length, character by character (see the module doc)."""
    return text.translate(_VIEW)


# -- numbers ---------------------------------------------------------------------------------------
def _phone(digits: str, sizes: list[int], groups: list[str], plus: bool) -> bool:
    """Whether the digits of consecutive groups are an Indonesian phone number (or, after "+", any)."""
    prefix_groups = 0
    if digits.startswith("62"):
        national = digits[2:]
        prefix_groups = 1 if groups[0] == "62" else 0
        if national.startswith("0"):  # +62 (0) 812 …: the trunk prefix written in brackets
            national = national[1:]
            prefix_groups += 1 if prefix_groups and len(groups) > 1 and groups[1] == "0" else 0
    elif plus and not digits.startswith("0"):  # no country code starts with 0: "+ 0812 …" is a national number
        return 9 <= len(digits) <= 15 and _grouped_like_a_phone(sizes)
    elif digits.startswith("0"):
        national = digits[1:]
        prefix_groups = 1 if groups[0] == "0" else 0
    else:
        return False
    if not national or national[0] not in "23456789":
        return False
    low, high = (9, 12) if national[0] == "8" else (7, 10)
    rest = sizes[prefix_groups:]
    if len(rest) > 2 and all(size == 1 for size in rest):  # "0 8 1 2 3 4 …": a mobile number only
        return national[0] == "8" and low <= len(national) <= high
    return low <= len(national) <= high and _grouped_like_a_phone(rest)


def _grouped_like_a_phone(sizes: list[int]) -> bool:
    """Groups of at least two digits, at most one of them with two (the area code in "+62 21 555 1234"):
    "08.00-09.00-10.00" is a timetable, and the "2" of "0812 3456 7890 2 kali" is not dialled."""
    return 1 not in sizes and sum(size == 2 for size in sizes) <= 1


def _number_kind(groups: list[str], plus: bool) -> str | None:
    """``nip``, ``nik``, ``telepon`` or ``None`` for consecutive digit groups of one number."""
    digits = "".join(groups)
    sizes = [len(g) for g in groups]
    breaks = set(accumulate(sizes[:-1]))
    if len(digits) == 18 and any(breaks <= allowed for allowed in _NIP_BREAKS):
        return "nip"
    if len(digits) == 16 and any(breaks <= allowed for allowed in _NIK_BREAKS):
        # four years in a row ("2019 2020 2021 2022") are not a NIK: its third group is a month and a year
        if not (len(sizes) == 4 and all(_YEAR.fullmatch(g) for g in groups)):
            return "nik"
    if 7 <= len(digits) <= 15 and _phone(digits, sizes, groups, plus):
        return "telepon"
    return None


def _number_spans(view: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every identifier among the numbers of ``view``.

    Digit groups are read left to right; each chain of groups joined by separators is searched from
    its first group: the longest run of groups that is an identifier is masked and the search goes on
    after it, else it goes on from the next group. Only the last ``_MAX_GROUPS`` groups are kept, so
    a text of any length is read in bounded memory.
    """
    spans: list[tuple[int, int, str]] = []
    if _SEVEN_DIGITS.search(view) is None:  # most comments: "2 jam", "4/5", "angkatan 45", "2019"
        return spans
    chain: list[tuple[int, int]] = []  # (start, end) of the groups of the current chain not yet settled

    def longest(first: int) -> tuple[int, str] | None:
        """The last group and kind of the longest identifier that starts at group ``first``."""
        best = None
        plus = _plus_before(view, chain[first][0])
        groups: list[str] = []
        for last in range(first, min(len(chain), first + _MAX_GROUPS)):
            groups.append(view[chain[last][0] : chain[last][1]])
            if sum(map(len, groups)) > 18:
                break
            kind = _number_kind(groups, plus)
            if kind is not None:
                best = (last, kind)
        return best

    def settle(final: bool) -> None:
        if final and sum(end - start for start, end in chain) < 7:  # too few digits for any identifier
            chain.clear()
        while chain and (final or len(chain) > _MAX_GROUPS + 1):
            best = longest(0)
            # a number that starts one group later and reaches further wins ("5 0812 3456 7890": the
            # phone number, not "5 0812 3456" read as a landline)
            later = longest(1) if best is not None and best[0] >= 1 else None
            if best is None or (later is not None and later[0] > best[0]):
                chain.pop(0)
                continue
            last, kind = best
            spans.append((_opening(view, chain[0][0]), chain[last][1], kind))
            del chain[: last + 1]

    for match in _DIGITS.finditer(view):
        start, end = match.span()
        if chain:
            gap = view[chain[-1][1] : start]
            if len(gap) > _MAX_SEPARATOR or not _SEPARATOR.fullmatch(gap):
                settle(final=True)
        chain.append((start, end))
        settle(final=False)
    settle(final=True)
    return [(start, _closing(view, start, end), kind) for start, end, kind in spans]


def _plus_before(view: str, start: int) -> bool:
    """Whether a "+" opens the number that starts at ``start`` ("+62 812", "(+62) 812")."""
    before = view[max(0, start - 4) : start].replace(" ", "").replace(_SKIP, "").replace("(", "")
    return before.endswith("+")


def _opening(view: str, start: int) -> int:
    """``start`` moved back over a "+" or "(" that belongs to the number ("+62 …", "(0812) …")."""
    position = start
    while position > 0 and view[position - 1] in "+( \x00" and start - position < 4:
        position -= 1
    while position < start and view[position] in " \x00":
        position += 1
    return position


def _closing(view: str, start: int, end: int) -> int:
    """``end`` moved past a ")" that closes a "(" opened inside the masked span ("(021) 555 1234" ends
    with digits; "… (0812)" with the bracket)."""
    if view.count("(", start, end) > view.count(")", start, end):
        match = _CLOSING.match(view, end)
        if match:
            return match.end()
    return end


# -- names -----------------------------------------------------------------------------------------
@lru_cache(maxsize=64)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for the given names, each read as its words (NFKC, any white space or invisible
    characters between them or none — "Budi\u200bSantoso" is "budisantoso" once cleaned —, invisible
    characters inside them), case-insensitive; ``None`` for no name."""
    alternatives = []
    for name in names:
        words = _view(unicodedata.normalize("NFKC", name)).replace(_SKIP, "").split()
        if words:
            word_patterns = [f"{_SKIP}*".join(re.escape(char) for char in word) for word in words]
            alternatives.append("[ \\x00]*".join(word_patterns))
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=64)
def _name_hints(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """A quick test for ASCII text: the first three letters of each name's first word."""
    starts = set()
    for name in names:
        words = _view(unicodedata.normalize("NFKC", name)).replace(_SKIP, "").split()
        if words:
            starts.add(re.escape(words[0][:3]))
    return re.compile("|".join(sorted(starts)), re.IGNORECASE) if starts else None


# -- the public functions ----------------------------------------------------------------------------
def _maybe(text: str) -> bool:
    """``_MAYBE.search(text)``, fast on long texts: an alternation is tried at every position, a
    character class is scanned for."""
    for match in _MAYBE_START.finditer(text):
        if match.group() not in "&[(" or _MAYBE.match(text, match.start()):
            return True
    return False


def may_hold_identifier(names: Iterable[str] = ()) -> Callable[[str], bool]:
    """A quick test that is true for every text :func:`mask` would change (and for some others)."""
    hints = _name_hints(tuple(n for n in names if isinstance(n, str)))
    control = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

    def may_hold(text: str) -> bool:
        if not text.isascii():
            return hints is not None or _maybe(_view(text))
        if _maybe(text):
            return True
        return hints is not None and (control.search(text) is not None or hints.search(text) is not None)

    return may_hold


def may_hold_email(text: str) -> bool:
    """Whether ``text`` holds an at-sign in any form (``@``, ``＠``, ``&#64;``, ``[at]`` …)."""
    if _AT_START.search(text) is None and text.isascii():
        return False
    return _MAYBE_EMAIL.search(text if text.isascii() else _view(text)) is not None


def mask(text: str, style: str = "[{}]", names: Iterable[str] = ()) -> str:
    """``text`` with every identifier (and every one of ``names``) replaced by ``style.format(kind)``,
    kind being ``nip``, ``nik``, ``telepon``, ``email`` or ``nama``; the rest of the text is kept as
    written.

    Examples
    --------
    >>> mask("hub (0812) 3456–7890 / budi ＠ gmail.com, NIK 3201-0101-0190-0001, angkatan 45, 2 jam")
    'hub [telepon] / [email], NIK [nik], angkatan 45, 2 jam'
    >>> mask("terima kasih pak Budi\u00a0\u00a0Santoso", names=["budi santoso"])
    'terima kasih pak [nama]'
    """
    pattern = _name_pattern(tuple(n for n in names if isinstance(n, str) and n.strip())) if names else None
    if pattern is None and text.isascii() and _SEVEN_DIGITS_RAW.search(text) is None and not may_hold_email(text):
        return text  # most comments, also with a number ("2 jam", "4/5", "angkatan 45"): two quick scans
    if len(text) > _PIECE + _OVERLAP:
        return _mask_in_pieces(text, style, pattern)
    return _mask_one(text, style, pattern)


def _mask_one(text: str, style: str, pattern: re.Pattern[str] | None) -> str:
    ascii_text = text.isascii()
    if (not ascii_text or not text.isprintable()) and _INVISIBLE_BETWEEN_DIGITS.search(text):
        text = _INVISIBLE_BETWEEN_DIGITS.sub(" ", text)
    view = _view(text)
    if pattern is None and not ascii_text and not _maybe(view):
        return text
    spans = _spans(text, view, pattern)
    if not spans:
        return text
    return _replace(text, spans, style)


_PIECE = 1_000_000  # characters masked at a time in a longer text, so that memory stays bounded
_OVERLAP = 2_000  # characters read past a piece's end: an identifier that starts in it ends in it


def _mask_in_pieces(text: str, style: str, pattern: re.Pattern[str] | None) -> str:
    """:func:`mask` of a long text a piece at a time. Each piece starts at white space, is read with
    :data:`_OVERLAP` characters of the next, and keeps the identifiers that start in it; the next
    piece starts where the last of them ends."""
    if (not text.isascii() or not text.isprintable()) and _INVISIBLE_BETWEEN_DIGITS.search(text):
        text = _INVISIBLE_BETWEEN_DIGITS.sub(" ", text)  # once for the whole text: pieces keep their places
    parts, start = [], 0
    while start < len(text):
        end = min(start + _PIECE, len(text))
        if end < len(text):
            space = text.find(" ", end, end + _OVERLAP // 2)
            end = space if space > 0 else end
        region = text[start : end + _OVERLAP]
        masked, reach = _mask_region(region, style, pattern, end - start)
        parts.append(masked)
        start += reach
    return "".join(parts)


def _mask_region(region: str, style: str, pattern: re.Pattern[str] | None, keep: int) -> tuple[str, int]:
    """The first ``keep`` characters of ``region`` (or more, up to the end of an identifier that starts
    in them) masked, and how many characters of ``region`` that is."""
    view = _view(region)
    spans = [span for span in _spans(region, view, pattern) if span[0] < keep]
    reach = max([keep, *(end for _, end, _ in spans)]) if spans else keep
    reach = min(reach, len(region))
    return (_replace(region[:reach], spans, style) if spans else region[:reach]), reach


def _spans(text: str, view: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every identifier, e-mail and name in ``view`` (the view of ``text``)."""
    spans = _number_spans(view)
    if may_hold_email(view):
        spans += [(m.start(), m.end(), "email") for m in _EMAIL.finditer(view)]
    if pattern is not None:
        spans += [(m.start(), m.end(), "nama") for m in pattern.finditer(view)]
    return spans


def _replace(text: str, spans: list[tuple[int, int, str]], style: str) -> str:
    """Replace the spans; overlapping spans become one, named after the longest of them."""
    spans.sort()
    merged: list[list] = []
    for start, end, kind in spans:
        if merged and start < merged[-1][1]:
            current = merged[-1]
            if end - start > current[3]:
                current[2], current[3] = kind, end - start
            current[1] = max(current[1], end)
        else:
            merged.append([start, end, kind, end - start])
    parts, position = [], 0
    for start, end, kind, _ in merged:
        parts += [text[position:start], style.format(kind)]
        position = end
    parts.append(text[position:])
    return "".join(parts)
