"""Likert answers written as text ("Sangat puas", "Setuju", "Ya") read as ordered scores.

Survey forms export rating questions as the words people clicked. :func:`likert_scale` reads a
column's answers and finds the scale they belong to; :func:`likert_scores` turns them into numbers.
A rating column (``analyze(..., rating=)``) is read this way wherever a number is needed, so the
mean, the rating chart and the regression all see the same scores, and the report shows the mapping.

How an answer is read
---------------------
An answer is split into a degree and a head word: ``sangat`` (or ``sekali``, ``amat``; *very*,
*strongly*, *highly*) raises it, ``tidak`` (*not*, *dis-*, *un-*) negates it, ``kurang`` and
``cukup`` soften it, and ``netral``, ``biasa saja``, ``ragu-ragu`` (*neutral*) stand in the middle.
Every answer of one scale shares its head word (``puas``, ``setuju``, ``baik``,
``direkomendasikan``, ``bermanfaat``, ``relevan`` …; *satisfied*, *agree*, *good*, *likely*);
``buruk``, ``jelek`` (*poor*, *bad*) are ``tidak baik``. The degrees found choose the scale:

==============================================  =====================================================
degrees present                                 scores
==============================================  =====================================================
sangat tidak, tidak, cukup/netral, —, sangat    1, 2, 3, 4, 5 (*Sangat tidak puas* … *Sangat puas*)
sangat kurang, kurang, cukup, —, sangat         1, 2, 3, 4, 5 (*Sangat kurang* … *Sangat baik*)
tidak, kurang, cukup, —, sangat                 1, 2, 3, 4, 5 (*Tidak puas*, *Kurang puas* …)
sangat tidak, tidak, kurang, —, sangat          1, 2, 3, 4, 5 (*Kurang setuju* as the middle)
sangat tidak, tidak, kurang, cukup, —, sangat   1 … 6
==============================================  =====================================================

(— is the head word alone: *Puas*, *Setuju*, *Baik*.) A scale is chosen from the degrees present,
so a five-point question in which nobody chose the middle keeps its 1–5 scores. Yes/no answers
(``Ya``/``Tidak``, ``Yes``/``No``) score 1 and 0, ``Mungkin`` (*maybe*) 0.5: their mean is the
share of yes. A leading number ("5 - Sangat baik", "4. Setuju") is the score itself, and so is the
number of filled stars of a star rating ("★★★★☆", "⭐⭐⭐"; on a scale of 1 to 5, or to the longest row
of stars; "*" is no star: forms use it as a placeholder).

Examples
--------
>>> likert_scores(["Sangat puas", "Puas", "Tidak puas", "", "Cukup puas"]).tolist()
[5.0, 4.0, 2.0, nan, 3.0]
>>> likert_scale(["Ya", "Tidak", "Ya"])
{'tidak': 0.0, 'ya': 1.0}
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["likert_scale", "likert_scores", "read_answer", "scale_table", "scale_bounds", "unknown_answers", "is_number"]

# A degree is one of: "st" (sangat tidak), "t" (tidak), "sk" (sangat kurang), "k" (kurang),
# "c" (cukup, the middle), "b" (the head word alone), "s" (sangat).
_LADDERS = (
    ("st", "t", "c", "b", "s"),
    ("sk", "k", "c", "b", "s"),
    ("t", "k", "c", "b", "s"),
    ("st", "t", "k", "b", "s"),
    ("st", "t", "k", "c", "b", "s"),
)
_YES_NO = {"ya": 1.0, "yes": 1.0, "tidak": 0.0, "no": 0.0, "mungkin": 0.5, "maybe": 0.5, "belum tahu": 0.5,
           "ragu-ragu": 0.5, "ragu ragu": 0.5, "tidak tahu": 0.5, "not sure": 0.5}
_VERY = ("sangat", "amat", "sungguh", "very", "strongly", "highly", "extremely", "completely", "totally")
_VERY_AFTER = ("sekali", "banget", "bgt")
_NOT = ("tidak", "tdk", "tak", "not", "kurang tidak")
_MIDDLE = {"netral", "biasa", "biasa saja", "sedang", "ragu-ragu", "ragu ragu", "ragu", "cukup", "neutral",
           "neither agree nor disagree", "neither satisfied nor dissatisfied", "neither", "average", "fair",
           "somewhat", "undecided", "not sure"}
# Head words that are the negation of another: "buruk" is "tidak baik".
_ANTONYMS = {"buruk": "baik", "jelek": "baik", "poor": "good", "bad": "good", "disagree": "agree",
             "dissatisfied": "satisfied", "unsatisfied": "satisfied", "unlikely": "likely", "unhelpful": "helpful",
             "useless": "useful", "irrelevant": "relevant", "unclear": "clear"}
# Head words of common scales: a column whose answers all use one of them alone ("Puas") is a scale;
# other words need at least two degrees ("Sangat X", "X") to be read as one.
_SCALE_WORDS = {"puas", "setuju", "baik", "bagus", "bermanfaat", "relevan", "direkomendasikan", "jelas", "penting",
                "sesuai", "menarik", "mudah", "paham", "mengerti", "efektif", "tepat", "lengkap", "memadai", "nyaman",
                "senang", "membantu", "agree", "satisfied", "good", "likely", "useful", "helpful", "relevant", "clear",
                "important", "recommended", "effective", "easy", "interesting"}
# Scales whose answers the degree ladders below cannot read (a word of their own at one step:
# "excellent", "somewhat disagree", "slightly satisfied", the forms' abbreviations "STS … SS"): each
# step is the set of its answers (normalised), scored 1, 2, … in order. A column is read on one of
# them when the ladders leave an answer out or give two answers one score ("somewhat agree" and
# "neither agree nor disagree" both 3) and every answer is on the scale.
_NEITHER = ("neither agree nor disagree", "neutral", "netral", "neither")
_KNOWN_SCALES: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("poor",), ("fair",), ("good",), ("very good",), ("excellent",)),
    (("very poor",), ("poor",), ("fair", "average"), ("good",), ("very good",), ("excellent",)),
    (("strongly disagree",), ("disagree",), ("somewhat disagree", "slightly disagree"), _NEITHER,
     ("somewhat agree", "slightly agree"), ("agree",), ("strongly agree",)),
    (("disagree",), ("somewhat disagree", "slightly disagree"), _NEITHER, ("somewhat agree", "slightly agree"), ("agree",)),
    (("not at all satisfied", "not satisfied at all"), ("slightly satisfied",), ("moderately satisfied", "somewhat satisfied"),
     ("very satisfied",), ("extremely satisfied", "completely satisfied")),
    (("sts",), ("ts",), ("n", "r", "rr", "ks", "netral", "ragu-ragu", "ragu ragu"), ("s",), ("ss",)),
    (("stp",), ("tp",), ("kp", "cp", "n", "netral"), ("p",), ("sp",)),
    (("sk", "stb"), ("k", "kb", "tb"), ("c", "cb"), ("b",), ("sb",)),  # Sangat kurang … Sangat baik, as codes
)
#: Each known scale as {answer: score} with its top score.
_KNOWN_STEPS = tuple(({answer: float(position) for position, step in enumerate(scale, start=1) for answer in step},
                      float(len(scale))) for scale in _KNOWN_SCALES)
_NUMBERED = re.compile(r"^\(?(\d+(?:[.,]\d+)?)\)?\s*(?:[-–—:.)=]\s*|\s+)(?=\D)")
#: A number written as text: ``4``, ``3,5``, ``4.0``, also ``1e309``, ``inf`` and ``Infinity`` (an infinite
#: rating counts as missing, with a notice: :func:`umpanbalik.analysis._columns.infinite_count`).
_NUMBER = re.compile(r"^[+-]?(?:(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?|inf(?:inity)?)$", re.IGNORECASE)
_PARENTHESES = re.compile(r"\s*\([^)]*\)\s*")
#: A star rating as app stores and some forms export it: filled stars, then empty ones ("★★★☆☆").
_STARS = re.compile(r"^\s*((?:[★⭐]\ufe0f?\s*)*)((?:[☆✩✰]\s*)*)$")  # not "*": a placeholder among numbers


def _stars(value: str) -> tuple[int, int] | None:
    """``(filled, of)`` for an answer of stars ("★★★☆☆": 3 of 5; "⭐⭐⭐⭐": 4 of 4), else ``None``."""
    match = _STARS.match(value)
    if match is None or not value.strip():
        return None
    filled = sum(ch in "★⭐" for ch in match.group(1))
    return filled, filled + sum(ch in "☆✩✰" for ch in match.group(2))


def _normal(value: str) -> str:
    stars = _stars(value)
    if stars is not None:  # kept as stars (the steps below drop every symbol)
        return "★" * stars[0] + "☆" * (stars[1] - stars[0])
    text = _PARENTHESES.sub(" ", value.casefold())  # "Sangat setuju (SS)"
    text = re.sub(r"[^\w\s-]", " ", text)
    return " ".join(text.split())


def is_number(value: Any) -> bool:
    """Whether a cell is a number (an int or float, or text such as ``4``, ``3,5``, ``4.0``).

    Examples
    --------
    >>> is_number("3,5"), is_number(4), is_number("Puas"), is_number(True)
    (True, True, False, False)
    """
    if isinstance(value, (bool, np.bool_)):
        return False
    if isinstance(value, (int, float, np.integer, np.floating)):
        return not (isinstance(value, float) and np.isnan(value))
    return isinstance(value, str) and _NUMBER.match(value.strip()) is not None


def read_answer(value: Any) -> tuple[str, str | None] | None:
    """The ``(degree, head word)`` of one text answer, or ``None`` when it is not a scale answer.

    Examples
    --------
    >>> read_answer("Sangat tidak puas"), read_answer("Kurang"), read_answer("Strongly disagree")
    (('st', 'puas'), ('k', None), ('st', 'agree'))
    """
    if not isinstance(value, str):
        return None
    text = _normal(value)
    if not text or len(text) > 60:
        return None
    if text in _MIDDLE:
        return "c", None
    very = False
    for word in _VERY:
        if text.startswith(word + " "):
            very, text = True, text[len(word) + 1:]
            break
    for word in _VERY_AFTER:
        if text.endswith(" " + word):
            very, text = True, text[: -len(word) - 1]
            break
    degree = "b"
    for word in _NOT:
        if text.startswith(word + " "):
            degree, text = "t", text[len(word) + 1:]
            break
    else:
        if text == "kurang":
            return ("sk" if very else "k"), None
        if text.startswith("kurang "):
            degree, text = "k", text[len("kurang "):]
        elif text.startswith(("cukup ", "somewhat ")):
            degree, text = "c", text.split(" ", 1)[1]
    if text in _ANTONYMS:
        text = _ANTONYMS[text]
        degree = "t" if degree == "b" else None
    if degree is None or not text or len(text.split()) > 3 or any(ch.isdigit() for ch in text):
        return None
    if very:
        degree = {"b": "s", "t": "st", "k": "sk"}.get(degree)
        if degree is None:
            return None
    return degree, text


def _counts(values: Iterable[Any]) -> Counter:
    """The distinct non-blank text answers that are not numbers, with their counts."""
    counts: Counter = Counter()
    for value in values:
        if isinstance(value, str) and value.strip() and not is_number(value):
            counts[value.strip()] += 1
    return counts


def likert_scale(values: Iterable[Any]) -> dict[str, float]:
    """The scores of the text answers in ``values``: normalised answer → score (empty when none is a
    scale answer). Numbers and blank cells are left out; answers of another scale than most of the
    answers' are left out too (see :func:`unknown_answers`).

    Examples
    --------
    >>> likert_scale(["Sangat setuju", "Setuju", "Kurang setuju", "Tidak setuju", "Sangat tidak setuju"])
    {'sangat tidak setuju': 1.0, 'tidak setuju': 2.0, 'kurang setuju': 3.0, 'setuju': 4.0, 'sangat setuju': 5.0}
    >>> likert_scale(["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat kurang"])
    {'sangat kurang': 1.0, 'kurang': 2.0, 'cukup': 3.0, 'baik': 4.0, 'sangat baik': 5.0}
    """
    return _scale(_counts(values))


def _scale(counts: Counter) -> dict[str, float]:
    """:func:`likert_scale` of the distinct text answers and their counts."""
    return _scale_and_bounds(counts)[0]


def scale_bounds(values: Iterable[Any]) -> tuple[float, float] | None:
    """The lowest and highest score of the scale the text answers belong to (also scores nobody
    chose: 1–5 for a five-point scale), or ``None`` when they form no scale.

    Examples
    --------
    >>> scale_bounds(["Puas", "Sangat puas"]), scale_bounds(["Ya", "Tidak"]), scale_bounds(["bagus sekali kok"])
    ((1.0, 5.0), (0.0, 1.0), None)
    """
    return _scale_and_bounds(_counts(values))[1]


def _scale_and_bounds(counts: Counter) -> tuple[dict[str, float], tuple[float, float] | None]:
    scores, bounds = _scale_of(counts)
    return scores, (bounds if scores else None)


def _scale_of(counts: Counter) -> tuple[dict[str, float], tuple[float, float] | None]:
    if not counts:
        return {}, None
    numbered = {}
    for answer in counts:
        match = _NUMBERED.match(answer)
        if match:
            numbered[_normal(answer)] = float(match.group(1).replace(",", "."))
    if numbered and sum(counts[a] for a in counts if _normal(a) in numbered) * 2 >= sum(counts.values()):
        return dict(sorted(numbered.items(), key=lambda item: item[1])), (min(numbered.values()), max(numbered.values()))
    stars = {_normal(a): star for a in counts if (star := _stars(a)) is not None}
    if stars and sum(counts[a] for a in counts if _stars(a) is not None) * 2 >= sum(counts.values()):  # mostly stars
        scores = {answer: float(filled) for answer, (filled, _) in stars.items()}
        top = max(5, *(of for _, of in stars.values()))
        return dict(sorted(scores.items(), key=lambda item: item[1])), (min(1.0, *scores.values()), float(top))
    yes_no = {_normal(a): _YES_NO[_normal(a)] for a in counts if _normal(a) in _YES_NO}
    if yes_no and {"ya", "yes", "tidak", "no"} & set(yes_no) and all(_normal(a) in _YES_NO for a in counts):
        return dict(sorted(yes_no.items(), key=lambda item: item[1])), (0.0, 1.0)
    read = {answer: read_answer(answer) for answer in counts}
    heads: Counter = Counter()
    for answer, parsed in read.items():
        if parsed is not None and parsed[1] is not None:
            heads[parsed[1]] += counts[answer]
    head = heads.most_common(1)[0][0] if heads else None
    kept = {answer: parsed for answer, parsed in read.items()
            if parsed is not None and (parsed[1] == head or parsed[1] is None)}
    degrees = {parsed[0] for parsed in kept.values()}
    with_head = {parsed[0] for parsed in kept.values() if parsed[1] is not None}
    answers = {_normal(a) for a in counts}
    if not kept or (head is None and degrees <= {"c"}) or (len(with_head) < 2 and head not in _SCALE_WORDS):
        return _known_scale(answers) or ({}, None)
    for ladder in _LADDERS:
        if degrees <= set(ladder):
            scores = {_normal(answer): float(ladder.index(parsed[0]) + 1) for answer, parsed in kept.items()}
            if set(scores) != answers or len(set(scores.values())) != len(scores):
                known = _known_scale(answers)  # an answer left out, or two on one step: a scale of its own?
                if known is not None:
                    return known
            return dict(sorted(scores.items(), key=lambda item: item[1])), (1.0, float(len(ladder)))
    return _known_scale(answers) or ({}, None)


def _known_scale(answers: set[str]) -> tuple[dict[str, float], tuple[float, float]] | None:
    """The first of :data:`_KNOWN_SCALES` that holds every answer (normalised), with its scores; at
    least three distinct answers (a column of "P" alone, or "L"/"P", is no scale of "STP … SP")."""
    if len(answers) < 3:
        return None
    for steps, top in _KNOWN_STEPS:
        if answers <= steps.keys():
            scores = {answer: steps[answer] for answer in answers}
            return dict(sorted(scores.items(), key=lambda item: item[1])), (1.0, top)
    return None


def unknown_answers(values: Iterable[Any], scale: Mapping[str, float] | None = None) -> list[str]:
    """The distinct text answers that are neither numbers nor on the scale (most frequent first).

    Examples
    --------
    >>> unknown_answers(["Puas", "Lumayan", "Puas", "4", "Mantap"])
    ['Lumayan', 'Mantap']
    """
    values = list(values) if not isinstance(values, pd.Series) else values
    counts = _counts(values)
    scale = likert_scale(values) if scale is None else scale
    return [answer for answer, _ in counts.most_common() if _normal(answer) not in scale and not _is_blank(answer)]


def _is_blank(answer: str) -> bool:
    """An answer with no letter or digit ("-", "?"): a non-answer, not an unknown scale point."""
    return not any(ch.isalnum() for ch in answer)


def counts_outside_scale(words: int, numbers: int) -> bool:
    """Whether, in a column of ``words`` answers on a text scale and ``numbers`` numeric ones, a number
    outside the scale is a count or a total (read as missing): when the words are at least as many."""
    return words >= numbers


def likert_scores(values: Iterable[Any], scale: Mapping[str, float] | None = None) -> pd.Series:
    """``values`` as floats: numbers as they are (a decimal comma is read), text answers by the scale
    (:func:`likert_scale` of ``values`` unless ``scale`` is given), anything else NaN. When the scale
    is read from ``values`` and most answers are its words, a number outside its bounds is NaN too: in
    a column of "Puas" … "Sangat puas" a 200 is a count (a totals row under the answers), not a rating.
    In a column of mostly numbers the numbers stay, whatever a few words among them say.

    Examples
    --------
    >>> likert_scores(["4", "3,5", "Sangat setuju", "Setuju", None]).tolist()
    [4.0, 3.5, 5.0, 4.0, nan]
    >>> likert_scores(["Puas", "Sangat puas", "Tidak puas", "200"]).tolist()
    [4.0, 5.0, 2.0, nan]
    """
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        return series.astype(float)
    try:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
    except TypeError:  # unhashable cells (lists): scored one by one
        scale = likert_scale(series) if scale is None else scale
        return pd.Series([_score(v, scale) for v in series], index=series.index, name=series.name, dtype=float)
    bounds = None
    if scale is None:  # the scale of the distinct answers, each weighed by its rows
        frequency = np.bincount(codes[codes >= 0], minlength=len(uniques))
        counts: Counter = Counter()
        for value, n in zip(uniques, frequency):
            if isinstance(value, str) and value.strip() and not is_number(value):
                counts[value.strip()] += int(n)
        scale, bounds = _scale_and_bounds(counts)
        numbers = sum(int(n) for value, n in zip(uniques, frequency)
                      if isinstance(value, (int, float, np.integer, np.floating)) or isinstance(value, str) and is_number(value))
        if bounds is not None and not counts_outside_scale(sum(counts.values()), numbers):
            bounds = None  # mostly numbers, with a few words among them: the numbers are the ratings (blanks aside)
    scores = np.array([_score(value, scale) for value in uniques], dtype=float)
    if bounds is not None and len(scores):  # mostly words of a scale: a number outside it is a count or a total
        scores[(scores < bounds[0]) | (scores > bounds[1])] = np.nan
    result = scores[codes] if len(scores) else np.full(len(codes), np.nan)
    result = np.where(codes >= 0, result, np.nan)
    return pd.Series(result, index=series.index, name=series.name, dtype=float)


def _score(value: Any, scale: Mapping[str, float]) -> float:
    if isinstance(value, (int, float, np.integer, np.floating, bool, np.bool_)):
        return float(value)
    if not isinstance(value, str):
        return np.nan
    text = value.strip()
    if is_number(text):
        return float(text.replace(",", "."))
    return scale.get(_normal(text), np.nan) if text else np.nan


def scale_table(values: Iterable[Any]) -> pd.DataFrame:
    """How the text answers of a rating column were scored: ``jawaban`` (as written most often),
    ``skor`` and ``jumlah`` (answers), lowest score first; empty when the column holds no text scale.
    ``attrs["skala"]`` holds the scale's lowest and highest score (:func:`scale_bounds`).

    Examples
    --------
    >>> scale_table(["Puas", "Sangat puas", "puas", "Tidak puas"]).to_dict("records")
    [{'jawaban': 'Tidak puas', 'skor': 2.0, 'jumlah': 1}, {'jawaban': 'Puas', 'skor': 4.0, 'jumlah': 2}, {'jawaban': 'Sangat puas', 'skor': 5.0, 'jumlah': 1}]
    """
    values = list(values) if not isinstance(values, pd.Series) else values
    counts = _counts(values)
    scale, bounds = _scale_and_bounds(counts)
    written: dict[str, Counter] = {}
    for answer, n in counts.items():
        key = _normal(answer)
        if key in scale:
            written.setdefault(key, Counter())[answer] += n
    records = [{"jawaban": forms.most_common(1)[0][0], "skor": scale[key], "jumlah": int(sum(forms.values()))}
               for key, forms in written.items()]
    records.sort(key=lambda record: record["skor"])
    table = pd.DataFrame(records, columns=["jawaban", "skor", "jumlah"])
    table.attrs["skala"] = bounds
    return table
