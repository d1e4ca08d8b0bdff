"""The output contract, defined once: labels, aspects, barrier codes, output columns, how a list or
a dict is written as text, and which comments count in which table.

Every module that names a label, an output column or writes a list imports it from here, so a chart,
a table, the workbook and the CSV cannot drift apart. The labels are those of the project's label
scheme: Indonesian, as the data and the shipped models speak them.

How lists and dicts are written (CSV, Excel, the HTML report)
-------------------------------------------------------------
One rule for every export: list items are joined with ``"; "`` (``materi; waktu``), and a dict's
pairs are written ``key: value`` joined the same way (``materi: positif; waktu: negatif``). A CSV
written by :meth:`Analysis.to_csv <umpanbalik.analysis.Analysis.to_csv>` therefore reads back with
:func:`split_list` and :func:`parse_pairs`, and straight into
:meth:`AspectTagger.fit <umpanbalik.aspects.AspectTagger.fit>` (``y=`` the ``aspek`` column,
``aspect_sentiments=`` the ``aspek_sentimen`` column).

Which comments count (the counting rule)
----------------------------------------
* **Rows** (``komentar``, ``kosong``, ``non_informatif``): every input row, once.
* **What comments say** — sentiment, aspects and their polarity, suggestions (``saran``), topics
  and every comparison between segments — is counted over the **informative comments** only
  (``non_informatif`` is False). A comment flagged both ``saran`` and ``non_informatif`` is a
  non-answer: it is not counted as a suggestion anywhere (key numbers, tables, workbook).
* An aspect counts as mentioned when it is in ``aspek`` or has a polarity in ``aspek_sentimen``;
  its polarity is the one in ``aspek_sentimen``, ``netral`` when there is none.
* **Barriers** (``hambatan``) are counted over the respondents who wrote a non-blank answer to the
  why-not question, whatever their comment says.
* **Ratings**: the mean rating is over every row with a numeric rating; ratings by aspect and the
  rating regression use the informative comments with a numeric rating.
* Every share comes with its 95% Wilson interval over the same base.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

__all__ = [
    "SENTIMENTS", "POLARITIES", "ASPECTS", "BARRIERS", "FLAGS", "LABEL_SCHEMES", "COMMENT_COLUMNS", "BARRIER_COLUMNS",
    "ANALYSIS_COLUMNS", "NON_INFORMATIVE_LABEL", "LIST_SEPARATOR", "PAIR_SEPARATOR", "format_cell", "split_list",
    "parse_pairs", "ordered",
]

#: Overall sentiment of a comment, and the polarity of each aspect it mentions.
SENTIMENTS = ("negatif", "netral", "positif")
POLARITIES = SENTIMENTS
#: The evaluation aspects, in the order every table and chart shows them.
ASPECTS = ("materi", "metode", "relevansi", "waktu")
#: Barrier codes for "why do ASN not take part in training", in their table order.
BARRIERS = ("waktu_beban_kerja", "relevansi", "minat", "dukungan_pimpinan", "akses_biaya", "informasi", "teknis",
            "lainnya")
#: The two per-comment flags.
FLAGS = ("saran", "non_informatif")
#: The values each single-label model must answer with: the tables count exactly these.
LABEL_SCHEMES: dict[str, tuple[Any, ...]] = {"sentimen": SENTIMENTS, "saran": (False, True),
                                             "non_informatif": (False, True)}

#: Columns :func:`umpanbalik._annotate.annotate` writes for each comment, in this order.
COMMENT_COLUMNS = ("teks_bersih", "sentimen", "skor_sentimen", "aspek", "aspek_sentimen", "bukti_aspek", "saran",
                   "non_informatif")
#: The column written when the answers to the why-not question are coded.
BARRIER_COLUMNS = ("hambatan",)
#: Every column :func:`umpanbalik.analysis.analyze` adds to the user's own.
ANALYSIS_COLUMNS = COMMENT_COLUMNS + ("topik", "label_topik") + BARRIER_COLUMNS
#: ``label_topik`` of the comments kept out of topic discovery.
NON_INFORMATIVE_LABEL = "non-informatif"

LIST_SEPARATOR = "; "
PAIR_SEPARATOR = ": "


def _is_list(value: Any) -> bool:
    return isinstance(value, (list, tuple, set, frozenset, np.ndarray))


def format_cell(value: Any) -> Any:
    """A list or dict cell as text by the one rule of every export; other values unchanged.

    A (term, weight) pair, as topic key terms are stored, is written ``term (weight)``.

    Examples
    --------
    >>> format_cell(["materi", "waktu"]), format_cell({"materi": "positif", "waktu": "negatif"})
    ('materi; waktu', 'materi: positif; waktu: negatif')
    >>> format_cell([("jadwal", 0.41), ("padat", 0.2)]), format_cell(3)
    ('jadwal (0.41); padat (0.2)', 3)
    """
    if isinstance(value, Mapping):
        return LIST_SEPARATOR.join(f"{_text(k)}{PAIR_SEPARATOR}{_text(v)}" for k, v in value.items())
    if _is_pair(value):
        return _text(value)
    if _is_list(value):
        return LIST_SEPARATOR.join(_text(v) for v in value)
    return value


def _is_pair(value: Any) -> bool:
    """A (term, weight) pair, as topic key terms are stored."""
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], (int, float, np.number)) \
        and not isinstance(value[1], bool) and isinstance(value[0], str)


def _text(value: Any) -> str:
    if _is_pair(value):
        return f"{_text(value[0])} ({value[1]:g})"
    if isinstance(value, Mapping) or _is_list(value):
        return str(format_cell(value))
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def split_list(text: Any) -> list[str]:
    """A list cell read back from its text (``"materi; waktu"`` → ``["materi", "waktu"]``); a blank
    or missing cell is an empty list. ``;`` without a space (the bundled corpora) is read too.

    Examples
    --------
    >>> split_list("materi; waktu"), split_list("materi;waktu"), split_list(float("nan"))
    (['materi', 'waktu'], ['materi', 'waktu'], [])
    """
    if not isinstance(text, str):
        return []
    return [part.strip() for part in text.split(LIST_SEPARATOR.strip()) if part.strip()]


def parse_pairs(text: Any) -> dict[str, str]:
    """A dict cell read back from its text (``"materi: positif; waktu: negatif"``).

    Examples
    --------
    >>> parse_pairs("materi: positif; waktu: negatif")
    {'materi': 'positif', 'waktu': 'negatif'}
    """
    pairs = [part.split(PAIR_SEPARATOR.strip(), 1) for part in split_list(text)]
    bad = [p for p in pairs if len(p) != 2]
    if bad:
        raise ValueError(f"a dict cell must read 'key: value; key: value'; got {text!r}.")
    return {key.strip(): value.strip() for key, value in pairs}


def ordered(names: Any, canonical: tuple[str, ...]) -> list[str]:
    """``names`` in the order of ``canonical``, then any others sorted (a custom taxonomy's aspects).

    Examples
    --------
    >>> ordered({"waktu", "fasilitas", "materi"}, ASPECTS)
    ['materi', 'waktu', 'fasilitas']
    """
    present = set(names)
    return [n for n in canonical if n in present] + sorted(present - set(canonical), key=str)
