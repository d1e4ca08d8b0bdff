"""The columns of a survey export as people have them: named by their header, their number or a
prefix; told apart by what they hold; checkbox answers split into their choices.

A Google Forms or Microsoft Forms export has long numbered headers ("5.22. Berikan saran perbaikan
untuk program ini!"), a timestamp, names and identifiers, Likert answers as text, checkbox answers
joined with commas, and several open questions. This module:

* finds a column from what a person types (:func:`resolve_column`): the full header, its number
  (``"5.22"`` for a header that starts ``"5.22."``) or a unique prefix (``"5.22. Berikan"``); a
  reference that fits no column or several raises :class:`ColumnError`, naming the closest columns
  or the candidates;
* says what each column holds (:func:`describe_columns`) and which ones are open questions
  (:func:`text_columns`): long, varied answers that are not a rating scale, not a checkbox list, not
  names, identifiers or timestamps;
* splits checkbox answers ("Materi kurang relevan, Waktu terlalu singkat") into their choices
  (:func:`checkbox_choices`, :func:`split_choices`), which is how segments read such a column.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._limits import short_list, short_repr

__all__ = ["ColumnError", "resolve_column", "question_number", "describe_columns", "text_columns", "likert_columns",
           "overall_rating", "column_kind", "checkbox_choices", "split_choices", "KINDS"]

#: What :func:`column_kind` calls a column.
KINDS = ("teks", "likert", "pilihan_ganda", "kategori", "angka", "waktu", "identitas", "kosong")

_NUMBER_REFERENCE = re.compile(r"\d+(?:\.\d+)*\.?")
_QUESTION_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)*)(?=[.):\s]|$)")
_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?")
_IDENTITY_HEADER = re.compile(r"\b(nama|name|nip|nik|nrp|e-?mail|surel|alamat|telepon|telp|hp|wa|whatsapp|"
                              r"id|kode responden|username|pengguna)\b", re.IGNORECASE)
_TIMESTAMP_HEADER = re.compile(r"^\s*(timestamp|cap waktu|stempel waktu|waktu pengisian|tanggal pengisian|"
                               r"start time|completion time|waktu mulai|waktu selesai)\s*$", re.IGNORECASE)
_SEPARATORS = (", ", "; ", ";")
_MAX_CHOICES = 40  # a checkbox question offers fewer options than this


class ColumnError(KeyError):
    """A column reference that fits no column of the data, or several.

    Attributes
    ----------
    reference : the reference as given
    option : the argument it was given for (``text``, ``by``, ``rating``, ``barriers``)
    candidates : list
        For an ambiguous reference, the columns it fits; otherwise the closest columns.
    available : list
        Every column of the data.
    ambiguous : bool
    """

    def __init__(self, reference: Any, option: str, candidates: list[Any], available: list[Any], ambiguous: bool) -> None:
        self.reference, self.option, self.candidates = reference, option, candidates
        self.available, self.ambiguous = available, ambiguous
        self.hint = ""
        super().__init__(reference)

    def message(self) -> str:
        """The English message (the command line writes its own, in the user's language)."""
        available = short_list(self.available, 30)  # names cut: a file without a line break is one huge name
        reference = short_repr(str(self.reference)) if isinstance(self.reference, str) else short_repr(self.reference)
        if self.ambiguous:
            shown = short_list(self.candidates, 30)
            return (f"`{self.option}`: {reference} fits several columns: {shown}. Give more of the header, "
                    "or the whole header.")
        hint = f" Did you mean {' or '.join(short_repr(str(c)) for c in self.candidates)}?" if self.candidates else ""
        more = f" {self.hint}" if self.hint else ""
        return f"`{self.option}`: column {reference} is not in the data.{hint} Available columns: {available}.{more}"

    def __str__(self) -> str:
        return self.message()


def _normal(value: Any) -> str:
    return " ".join(str(value).casefold().split())


def question_number(header: Any) -> str | None:
    """The number a header starts with ("5.22. Berikan saran …" → ``"5.22"``), or ``None``.

    Examples
    --------
    >>> question_number("5.22. Berikan saran perbaikan"), question_number("3) Nilai"), question_number("Instansi")
    ('5.22', '3', None)
    """
    if not isinstance(header, str):
        return None
    match = _QUESTION_NUMBER.match(header)
    return match.group(1) if match else None


def resolve_column(columns: Iterable[Any], reference: Any, option: str = "column") -> Any:
    """The column that ``reference`` names: the header itself, the header with other case or spacing,
    the header's number (``"5.22"`` for ``"5.22. Berikan saran …"``; ``"5.2"`` does not fit it) or a
    unique prefix of it.

    Raises
    ------
    ColumnError
        When no column fits (the message names the closest ones) or several do (it lists them).

    Examples
    --------
    >>> headers = ["Cap waktu", "5.5. Seberapa puas Anda?", "5.22. Berikan saran perbaikan!", "5.21. Kendala"]
    >>> resolve_column(headers, "5.22"), resolve_column(headers, "5.5"), resolve_column(headers, "cap")
    ('5.22. Berikan saran perbaikan!', '5.5. Seberapa puas Anda?', 'Cap waktu')
    >>> resolve_column(headers, "5.2")
    Traceback (most recent call last):
    ...
    umpanbalik.columns.ColumnError: `column`: column '5.2' is not in the data. Did you mean '5.22. Berikan saran perbaikan!' or '5.21. Kendala'? Available columns: 'Cap waktu', '5.5. Seberapa puas Anda?', '5.22. Berikan saran perbaikan!', '5.21. Kendala'.
    """
    columns = list(columns)
    if any(_same_label(c, reference) for c in columns):
        return reference
    if isinstance(reference, (int, np.integer)) and not isinstance(reference, bool):
        reference = str(reference)
    if isinstance(reference, (list, tuple, set, pd.Index, pd.Series, np.ndarray)):  # not ColumnError: it lists the column
        hint = f" Pass {option}={next(iter(reference))!r}." if len(reference) == 1 else ""
        raise TypeError(f"`{option}` takes one column name, not a list; got {list(reference)!r}.{hint}")
    if isinstance(reference, (float, np.floating)):  # 5.22 as a number is 5.22 and "5.20" is 5.2: numbers go as text
        raise TypeError(f"`{option}` is the number {reference!r}; write a question's number as text, e.g. {option}='{reference}'.")
    if not isinstance(reference, str) or not reference.strip():
        raise ColumnError(reference, option, [], columns, False)
    key = _normal(reference)
    headers = [(c, _normal(c)) for c in columns]
    for matches in ([c for c, h in headers if h == key],
                    [c for c in columns if question_number(c) == key.rstrip(".")] if _NUMBER_REFERENCE.fullmatch(key) else None,
                    [c for c, h in headers if h.startswith(key)] if not _NUMBER_REFERENCE.fullmatch(key) else None):
        if matches is None:
            continue
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise ColumnError(reference, option, matches, columns, True)
    raise ColumnError(reference, option, _closest(key, headers), columns, False)


def _same_label(column: Any, reference: Any) -> bool:
    """``column == reference`` as labels: 1 and "1" differ, NaN never matches."""
    if type(column) is not type(reference) and not (isinstance(column, (int, np.integer)) and isinstance(reference, (int, np.integer))):
        return False
    try:
        return bool(column == reference)
    except (TypeError, ValueError):
        return False


def _closest(key: str, headers: list[tuple[Any, str]]) -> list[Any]:
    """Up to two columns close to ``key``: headers that contain it, else the most similar ones."""
    number = key.rstrip(".") if _NUMBER_REFERENCE.fullmatch(key) else None
    if number is not None:  # "5.2": the questions numbered 5.2x, then 5.x
        found = [c for c, _ in headers if (question_number(c) or "").startswith(number)]
        if not found and "." in number:  # the nearest questions of the same section: 5.23 → 5.22, 5.21
            parent, last = number.rsplit(".", 1)
            siblings = [(abs(int(n.rsplit(".", 1)[1]) - int(last)), i) for i, (c, _) in enumerate(headers)
                        if (n := question_number(c) or "").startswith(parent + ".") and n.count(".") == number.count(".")]
            found = [headers[i][0] for _, i in sorted(siblings)]
        return found[:2]
    found = [c for c, h in headers if key in h]
    if found:
        return found[:2]
    scored = sorted(((difflib.SequenceMatcher(None, key, h[: max(len(key), 12)]).ratio(), i) for i, (_, h) in enumerate(headers)),
                    reverse=True)
    return [headers[i][0] for score, i in scored[:2] if score >= 0.5]


# -- what a column holds -------------------------------------------------------------------------------
def _answers(values: Iterable[Any]) -> list[str]:
    """The non-blank cells as stripped text (numbers as written)."""
    found = []
    for value in values:
        if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
            continue
        text = value.strip() if isinstance(value, str) else str(value).strip()
        if text:
            found.append(text)
    return found


# Words that names, titles and units do not hold but comments do: negators, degree words, requests,
# contrast; with the polarity lexicon's strong words (strength >= 2: "bagus", "buruk"; the mild ones
# include given names such as "Indah" and units such as "Rumah Sakit").
_COMMENT_WORDS = frozenset({"tidak", "tdk", "kurang", "sangat", "terlalu", "lebih", "mohon", "semoga", "agar", "perlu",
                            "tapi", "tetapi", "namun", "sudah", "belum", "sekali", "banget", "harus", "bisa"})


def _name_like(answer: str) -> bool:
    """Most words capitalised, as in names, titles and units ("Dinas Pendidikan dan Kebudayaan"), and
    no word that says it is a comment written in capitals ("MATERI BAGUS TAPI WAKTU KURANG")."""
    from .lexicon import _polarity  # the cached table (load_polarity copies it)

    words = [w for w in answer.split() if w[:1].isalpha()]
    if not (words and sum(w[0].isupper() for w in words) >= 0.6 * len(words) and len(words) > 1):
        return False
    polarity = _polarity()
    lowered = [w.strip(".,;:!?()\"'").lower() for w in words]
    return not any(w in _COMMENT_WORDS or polarity.get(w, ("", 0))[1] >= 2 for w in lowered)


def column_kind(values: Iterable[Any], header: Any = "") -> str:
    """What a column holds, one of :data:`KINDS`: ``teks`` (an open question: long, varied answers),
    ``likert`` (a rating scale as text), ``pilihan_ganda`` (checkbox answers joined by commas),
    ``kategori`` (a few repeated values), ``angka``, ``waktu`` (dates, timestamps), ``identitas``
    (names, e-mails, identifiers) or ``kosong``.

    Examples
    --------
    >>> column_kind(["Sangat puas", "Puas", "Puas", "Cukup puas"])
    'likert'
    >>> column_kind(["materi bagus tapi waktunya terlalu singkat", "-", "narsum kurang interaktif, slide padat"])
    'teks'
    """
    from .likert import is_number, likert_scale, likert_scores, unknown_answers

    answers = _answers(values)
    if not answers:
        return "kosong"
    n = len(answers)
    if _TIMESTAMP_HEADER.match(str(header)) or sum(bool(_DATE.match(a)) for a in answers) >= 0.9 * n:
        return "waktu"
    if sum(is_number(a) for a in answers) >= 0.9 * n:
        return "identitas" if _IDENTITY_HEADER.search(str(header)) else "angka"
    if sum("@" in a for a in answers) >= 0.5 * n:
        return "identitas"
    scale = likert_scale(answers)
    if scale and len(unknown_answers(answers, scale)) <= max(1, 0.05 * len(set(answers))) \
            and likert_scores(answers, scale).notna().sum() >= 0.5 * n:  # a scale, with few stray answers
        return "likert"
    words = np.array([len(a.split()) for a in answers])
    if _IDENTITY_HEADER.search(str(header)) and np.median(words) <= 4:
        return "identitas"
    if checkbox_choices(answers) is not None:
        return "pilihan_ganda"
    long = [a for a, w in zip(answers, words) if w >= 3]
    distinct = len(set(long))
    # answers that vary, or many that do beside a few repeated ones (a "Kendala" question answered
    # "tidak ada kendala" by two in three: 140 different complaints were a category column)
    varied = distinct >= 0.5 * len(long) or (distinct >= max(30, 0.2 * n)  # sentences, not unit or job names
                                             and np.median([len(a.split()) for a in set(long)]) >= 6)
    if long and len(long) >= min(3, max(1, n // 2)) and len(long) >= 0.1 * n and varied:
        if sum(_name_like(a) for a in long) >= 0.8 * len(long):
            return "identitas" if len(set(answers)) >= 0.8 * n else "kategori"
        return "teks"
    return "kategori"


def describe_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per column of ``frame``: ``kolom``, ``nomor`` (its question number), ``jenis`` (see
    :func:`column_kind`), ``terisi`` (non-blank cells), ``beragam`` (distinct answers per non-blank
    cell) and ``median_kata`` (words per answer).

    Examples
    --------
    >>> frame = pd.DataFrame({"Cap waktu": ["2024/03/01 10:00:00"] * 3, "1.2. Instansi": ["Bappeda", "RSUD", "Bappeda"],
    ...                       "5.5. Kepuasan": ["Puas", "Sangat puas", "Tidak puas"],
    ...                       "5.22. Saran": ["waktu praktik ditambah lagi", "-", "mohon materi dibagikan sebelum kelas"]})
    >>> describe_columns(frame)[["kolom", "nomor", "jenis"]].values.tolist()
    [['Cap waktu', None, 'waktu'], ['1.2. Instansi', '1.2', 'kategori'], ['5.5. Kepuasan', '5.5', 'likert'], ['5.22. Saran', '5.22', 'teks']]
    """
    records = []
    for position, name in enumerate(frame.columns):
        values = frame.iloc[:, position]
        answers = _answers(values)
        records.append({"kolom": name, "nomor": question_number(name), "jenis": column_kind(answers, name),
                        "terisi": len(answers), "beragam": len(set(answers)) / len(answers) if answers else 0.0,
                        "median_kata": float(np.median([len(a.split()) for a in answers])) if answers else 0.0})
    table = pd.DataFrame(records, columns=["kolom", "nomor", "jenis", "terisi", "beragam", "median_kata"])
    table["nomor"] = pd.Series([r["nomor"] for r in records], dtype=object)
    return table


def text_columns(frame: pd.DataFrame, exclude: Sequence[Any] = ()) -> list[Any]:
    """The open questions of ``frame`` (columns of kind ``teks``), in their order, without ``exclude``.

    Examples
    --------
    >>> frame = pd.DataFrame({"Nama": ["Budi Santoso", "Sri Wahyuni"], "Saran": ["jadwal lebih longgar ya", "slide dibagikan dulu"]})
    >>> text_columns(frame)
    ['Saran']
    """
    kinds = describe_columns(frame)
    return [name for name, kind in zip(kinds["kolom"], kinds["jenis"])
            if kind == "teks" and not any(_same_label(name, other) for other in exclude)]


def likert_columns(frame: pd.DataFrame, exclude: Sequence[Any] = ()) -> list[Any]:
    """The rating questions of ``frame`` written as text (columns of kind ``likert``), in order."""
    kinds = describe_columns(frame)
    return [name for name, kind in zip(kinds["kolom"], kinds["jenis"])
            if kind == "likert" and not any(_same_label(name, other) for other in exclude)]


_OVERALL = (re.compile(r"keseluruhan|secara umum|overall|in general", re.IGNORECASE),
            re.compile(r"\bpuas\b|kepuasan|satisf", re.IGNORECASE),
            # a header that is only the word for a score ("nilai", "Skor", "rating"): an export's one rating
            re.compile(r"^\s*(?:nilai|skor|rating|score|penilaian)(?:[\s_]*(?:akhir|total|umum|pelatihan))?\s*$", re.IGNORECASE))


def overall_rating(frame: pd.DataFrame, exclude: Sequence[Any] = ()) -> Any:
    """The column that rates the training as a whole, or ``None``: a rating question (a Likert scale
    or numbers) whose header says "secara keseluruhan" / "overall", else one about satisfaction
    ("puas", "kepuasan"), else one whose header is only a word for a score ("nilai", "skor",
    "rating"); the first such column, among the columns not in ``exclude`` (the open questions, say).

    Examples
    --------
    >>> frame = pd.DataFrame({"2.1. Materi sesuai": ["Setuju", "Sangat setuju"],
    ...                       "5.5. Secara keseluruhan, seberapa puas Anda?": ["Puas", "Sangat puas"]})
    >>> overall_rating(frame)
    '5.5. Secara keseluruhan, seberapa puas Anda?'
    >>> overall_rating(pd.DataFrame({"instansi": ["A", "B", "A"], "nilai": [4, 5, 3]}))
    'nilai'
    """
    kinds = describe_columns(frame.drop(columns=[c for c in exclude if c is not None and c in frame.columns]))
    rated = [name for name, kind in zip(kinds["kolom"], kinds["jenis"]) if kind in ("likert", "angka")]
    for pattern in _OVERALL:
        for name in rated:
            if isinstance(name, str) and pattern.search(name):
                return name
    return None


# -- checkbox answers ----------------------------------------------------------------------------------
def _pieces(cell: str, separator: str) -> list[str]:
    return [piece.strip() for piece in cell.split(separator) if piece.strip()]


def _learn(cells: Counter, separator: str) -> list[str] | None:
    """The choices of a checkbox column split at ``separator``, or ``None`` when it is not one.

    Pieces that always come together in the same order ("Dinas Pendidikan, Pemuda dan Olahraga") are
    one choice with a comma in it; the column is a checkbox list when its choices recombine: most
    choices of the multi-choice answers appear in more than one distinct answer.
    """
    split = {cell: _pieces(cell, separator) for cell in cells}
    if not any(len(p) > 1 for p in split.values()):
        return None
    before: dict[str, set[Any]] = defaultdict(set)
    after: dict[str, set[Any]] = defaultdict(set)
    for pieces in split.values():
        for i, piece in enumerate(pieces):
            before[piece].add(pieces[i - 1] if i else None)
            after[piece].add(pieces[i + 1] if i + 1 < len(pieces) else None)
    for cell, pieces in split.items():  # join a piece to the one before it when they always come together
        joined = [pieces[0]]
        for previous, piece in zip(pieces, pieces[1:]):
            if before[piece] == {previous} and after[previous] == {piece}:
                joined[-1] = f"{joined[-1]}{separator}{piece}"
            else:
                joined.append(piece)
        split[cell] = joined
    multi = [p for p in split.values() if len(p) > 1]
    if not multi:
        return None
    seen_in: Counter = Counter()
    for pieces in split.values():
        seen_in.update(set(pieces))
    in_multi = {piece for pieces in multi for piece in pieces}
    if len(seen_in) > _MAX_CHOICES or sum(seen_in[p] >= 2 for p in in_multi) < 0.5 * len(in_multi):
        return None
    if len(seen_in) > 0.7 * len(cells) and len(cells) > 10:  # nearly every answer new: text with commas
        return None
    total: Counter = Counter()
    for cell, pieces in split.items():
        for piece in pieces:
            total[piece] += cells[cell]
    return [piece for piece, _ in total.most_common()]


def checkbox_choices(values: Iterable[Any]) -> list[str] | None:
    """The choices of a checkbox column, most chosen first, or ``None`` when ``values`` is not one.

    Forms join the options a respondent ticked with ``", "`` (Google Forms) or ``";"`` (Microsoft
    Forms). A column is read as a checkbox list when some answers hold several options and the options
    recombine across answers; an option with a comma in it stays whole when its parts always come
    together.

    Examples
    --------
    >>> checkbox_choices(["Materi kurang relevan, Waktu terlalu singkat", "Waktu terlalu singkat",
    ...                   "Jaringan tidak stabil, Materi kurang relevan", "Jaringan tidak stabil"])
    ['Materi kurang relevan', 'Waktu terlalu singkat', 'Jaringan tidak stabil']
    >>> checkbox_choices(["Dinas Pendidikan, Pemuda dan Olahraga", "Bappeda", "Dinas Pendidikan, Pemuda dan Olahraga"]) is None
    True
    """
    cells = Counter(a for a in _answers(values) if len(a) <= 1000)
    if not cells or len(cells) > 20_000:
        return None
    for separator in _SEPARATORS:
        if any(separator in cell for cell in cells):
            choices = _learn(cells, separator)
            if choices is not None:
                return choices
    return None


def split_choices(values: Iterable[Any], choices: Sequence[str] | None = None) -> list[list[str]]:
    """Each cell's choices (a list; ``[]`` for a blank cell), with the choices of :func:`checkbox_choices`
    (or ``choices``) recognised whole, even when they contain a comma.

    Examples
    --------
    >>> split_choices(["Materi kurang relevan, Waktu terlalu singkat", "", "Waktu terlalu singkat"],
    ...               ["Materi kurang relevan", "Waktu terlalu singkat"])
    [['Materi kurang relevan', 'Waktu terlalu singkat'], [], ['Waktu terlalu singkat']]
    """
    values = list(values)
    choices = list(choices) if choices is not None else (checkbox_choices(values) or [])
    known = sorted(choices, key=len, reverse=True)  # the longest first: "A, B" before "A"
    cache: dict[str, list[str]] = {}
    result = []
    for value in values:
        text = value.strip() if isinstance(value, str) else ("" if _answers([value]) == [] else str(value).strip())
        if text not in cache:
            cache[text] = _split_one(text, known)
        result.append(list(cache[text]))
    return result


def _split_one(text: str, known: list[str]) -> list[str]:
    found: list[str] = []
    rest = text
    while rest:
        rest = rest.lstrip(" ,;")
        if not rest:
            break
        match = next((c for c in known if rest.startswith(c) and (len(rest) == len(c) or rest[len(c)] in ",;")), None)
        if match is None:  # an answer of its own ("Yang lain: …"): up to the next separator
            cut = min([i for i in (rest.find(", "), rest.find(";")) if i >= 0], default=len(rest))
            match = rest[:cut].strip()
        if match and match not in found:
            found.append(match)
        rest = rest[len(match):] if rest.startswith(match) else rest[cut:]
    return found
