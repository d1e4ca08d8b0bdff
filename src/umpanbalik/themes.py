"""Themes an evaluator can act on: what participants complain about, ask for and praise.

:func:`find_themes` reads the per-comment results (the frame that :func:`~umpanbalik.analyze` builds:
text, ``sentimen``, ``aspek``, ``aspek_sentimen``, ``saran``, ``non_informatif``) and returns one table
of themes of three kinds — ``keluhan`` (negative comments and negative aspect mentions), ``saran``
(suggestions) and ``pujian`` (positive comments and positive aspect mentions) — and each comment's
theme per kind.

How a theme is found
--------------------
1. Each comment is split into clauses (at punctuation and contrast words) and each clause into its
   words as written, slang normalised and unstemmed, negation kept (``terlalu cepat``).
2. A word says what a comment is about unless it is generic (dosen, materi, kelas …), a verdict
   (bagus, mantap), a wish or request marker (semoga, tingkatkan, mohon) or a stopword (see
   ``resources/tema_kata.tsv``). Such words are reduced to a *key* (their stem, with a few synonyms
   joined: menerangkan = menjelaskan, telat = terlambat; ``jangan``/``terlalu`` dropped and
   ``kurang``/``tidak`` one negation), so "penjelasannya terlalu cepat" and "jangan terlalu cepat
   menjelaskan" share the key {jelaskan, cepat}.
3. Candidate keys are one to three such words close together in one clause. A key's weight in a kind
   is class-based TF-IDF-like: how many of the kind's comments hold it (coverage), times how much more
   often the kind holds it than all informative comments do (distinctiveness), times a bonus for
   keys of two or more words (a more specific theme).
4. Themes are chosen greedily, each the best key on the comments not yet covered (a comment belongs
   to the first theme that holds it: its best phrase). A key that would hold more than ``max_share``
   of the kind is passed over until no key under that share is left: then more specific keys have
   taken their part of its comments, and a key still over it is what many participants say
   (40% "waktu terlalu singkat"): a theme, not ``lainnya``.
   A wish that something not happen asks against the complaint ("semoga tidak sering kosong"): its
   negation is read as ``jangan``, so the request and the complaint share a key.
5. A theme's label is a written phrase of 2–5 words that holds its key and that at least two, and
   a tenth, of its comments write (after light normalisation: ``-nya``, the synonym table, requests
   to add as one word) — never words far apart or joined by synonyms. A complaint's or a
   suggestion's label names a thing and what is wrong or wanted ("penjelasan terlalu cepat",
   "tambah durasi praktik"; not "terlalu sempit" or "ikut zoom"), and a complaint is labelled as the
   complaint, not as the request ("tugas terlalu banyak" for "tugas jangan terlalu banyak"); praise
   names a good quality ("dosen ramah"). What the learners understand is no such word ("lebih
   memahami materi", "kurang paham"); how easy it is is ("mudah dipahami"). A key that no such
   phrase names makes no theme.
   A theme holds the comments of its key that say what its label says, in their own words
   (:func:`umpanbalik._labels.says_label`): they name the label's specific thing and, when the
   label says an amount or a degree ("terlalu banyak tugas"), that too; "jam kosong" says "sering
   kosong", "tugas tidak jelas" does not say "terlalu banyak tugas". The others stay for later keys
   or ``lainnya``.
6. Comments that name nothing specific (every word a wish, a verdict or a generic word) form their
   kind's general line: suggestions ``harapan umum`` ("semoga lebih baik", "tingkatkan lagi",
   "pertahankan"), praise ``pujian umum`` ("materinya bagus dan bermanfaat"), complaints ``keluhan
   umum`` ("kurang memuaskan") (:data:`GENERAL_LINES`); what fits no theme is the line ``lainnya``
   of its kind.

Steps 1–4 live in :mod:`umpanbalik._keyphrases`, step 5 in :mod:`umpanbalik._labels`, which also
names the topics of :class:`~umpanbalik.TopicModel` (:func:`label_groups`).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ._keyphrases import GENERAL_LINES, GENERAL_WISH, NOT_THEMES, OTHER, _Document, _documents, _Lexicon, _select, is_generic
from ._labels import _label, label_groups, says_label
from ._validation import as_names, as_text, check_int
from .normalization import without_names

__all__ = ["find_themes", "Themes", "KINDS", "GENERAL_WISH", "GENERAL_LINES", "NOT_THEMES", "OTHER", "GENERAL_LABELS", "THEME_COLUMNS", "label_groups",
           "is_generic"]

#: The kinds of theme, in the order the table lists them.
KINDS = ("keluhan", "saran", "pujian")
#: Names that say a group is general, not a theme (TopicModel gives them to topics no phrase describes).
GENERAL_LABELS = frozenset({GENERAL_WISH, OTHER, "pujian umum", "keluhan umum", "ucapan terima kasih"})
#: The columns of the theme table.
THEME_COLUMNS = ("jenis", "label", "jumlah", "porsi", "porsi_bawah", "porsi_atas", "aspek", "contoh")


class Themes(NamedTuple):
    """What :func:`find_themes` returns.

    Attributes
    ----------
    table : DataFrame
        One row per theme (columns :data:`THEME_COLUMNS`), kinds in the order of :data:`KINDS`,
        the largest themes first, then the kind's general line (``keluhan umum``, ``harapan umum``,
        ``pujian umum``) and ``lainnya``.
    assignments : DataFrame
        One row per input row (same index): columns ``keluhan``, ``saran`` and ``pujian`` hold the
        label of the comment's theme of that kind, or ``None`` when the comment is not of that kind.
    """

    table: pd.DataFrame
    assignments: pd.DataFrame


# -- the table -------------------------------------------------------------------------------------
def _flag(value: Any) -> bool:
    """A flag cell as a bool: missing is False; "True"/"ya"/1 from a CSV are True."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "ya", "yes", "benar")
    try:
        return bool(value) and not pd.isna(value)
    except (TypeError, ValueError):
        return False


def _polarities(values: Iterable[Any]) -> list[dict[str, str]]:
    """Each cell's aspect → polarity dict (anything else: none). ``analyze`` shares one object
    between equal cells, so each distinct object is read once."""
    seen: dict[int, dict[str, str]] = {}
    out = []
    for value in values:
        known = seen.get(id(value))
        if known is None:
            known = {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}
            if isinstance(value, dict):
                seen[id(value)] = known
        out.append(known)
    return out


def _aspects(values: Iterable[Any]) -> list[list[str]]:
    """Each cell's aspects: a list, or text as a CSV writes it ("materi;waktu")."""
    seen: dict[int, list[str]] = {}
    out = []
    for value in values:
        known = seen.get(id(value))
        if known is None:
            if isinstance(value, str):
                known = [a.strip() for a in value.replace(",", ";").split(";") if a.strip()]
            elif isinstance(value, (list, tuple, set, np.ndarray)):
                known = [str(a) for a in value]
                seen[id(value)] = known
            else:
                known = []
        out.append(known)
    return out


def _kinds(frame: pd.DataFrame, texts: list[str]) -> dict[str, np.ndarray]:
    """Which rows belong to each kind (non-answers and empty comments to none)."""
    n = len(frame)
    informative = np.fromiter((bool(t.strip()) for t in texts), dtype=bool, count=n)
    if "non_informatif" in frame:
        informative &= ~np.fromiter(map(_flag, frame["non_informatif"].to_numpy()), dtype=bool, count=n)
    sentiment = frame["sentimen"].to_numpy(dtype=object) if "sentimen" in frame else np.full(n, None, dtype=object)
    polarity = _polarities(frame["aspek_sentimen"].to_numpy()) if "aspek_sentimen" in frame else [{}] * n
    negative = np.fromiter((s == "negatif" or "negatif" in p.values() for s, p in zip(sentiment, polarity)), bool, n)
    positive = np.fromiter((s == "positif" or "positif" in p.values() for s, p in zip(sentiment, polarity)), bool, n)
    suggestion = (np.fromiter(map(_flag, frame["saran"].to_numpy()), dtype=bool, count=n) if "saran" in frame
                  else np.zeros(n, dtype=bool))
    return {"keluhan": informative & negative, "saran": informative & suggestion, "pujian": informative & positive}


def _theme_aspects(kind: str, rows: np.ndarray, aspects: list[list[str]], polarity: list[dict[str, str]]) -> list[str]:
    """The aspects that at least 30% of a theme's comments mention (with the kind's polarity)."""
    wanted = {"keluhan": "negatif", "pujian": "positif"}.get(kind)
    counts: Counter[str] = Counter()
    for row in rows:
        for aspect in aspects[row]:
            if wanted is None or polarity[row].get(aspect, wanted) == wanted:
                counts[aspect] += 1
    return [a for a, c in sorted(counts.items(), key=lambda item: (-item[1], item[0])) if c >= max(1, 0.3 * len(rows))]


def _encodable(text: str) -> str:
    return text if text.isascii() else text.encode("utf-8", "replace").decode("utf-8")


def _quotes(rows: np.ndarray, texts: list[str], cleaned: list[str], n: int, names: Sequence[str],
            random_state: int) -> list[str]:
    """Up to ``n`` representative quotes of ``rows``, identifiers masked, none shown twice."""
    from .normalization import mask_identifiers
    from .quotes import pick_quotes

    if n == 0 or len(rows) == 0:
        return []
    if len(rows) > _QUOTE_POOL:  # quotes typical of a large group are as typical of a random part of it
        rows = np.sort(np.random.default_rng(random_state).choice(rows, _QUOTE_POOL, replace=False))
    # a lone surrogate (a broken export) cannot be stored as text by pandas' string arrays
    picked = pick_quotes(pd.Series([_encodable(texts[r]) for r in rows], dtype=object),
                         pd.Series([cleaned[r] for r in rows], dtype=object), n=2 * n)
    quotes: list[str] = []
    for text in picked:
        masked = " ".join(mask_identifiers(text, names).split())
        if masked and masked.lower() not in {q.lower() for q in quotes}:
            quotes.append(masked)
        if len(quotes) == n:
            break
    return quotes


def find_themes(
    comments: pd.DataFrame,
    *,
    text: str = "teks",
    max_share: float = 0.2,
    min_count: int | None = None,
    max_themes: int = 20,
    n_quotes: int = 3,
    names: Sequence[str] = (),
    random_state: int = 0,
) -> Themes:
    """Themes of complaints, suggestions and praise, with counts, shares, aspects and quotes.

    Parameters
    ----------
    comments : DataFrame
        One row per comment: the comment in column ``text`` and the per-comment results of
        :func:`~umpanbalik.analyze` — ``sentimen``, ``aspek_sentimen`` (dict aspect → polarity),
        ``saran`` and ``non_informatif`` (flags), ``aspek`` (list), and optionally ``teks_bersih``
        (used to pick and de-duplicate quotes). A missing ``aspek``/``aspek_sentimen`` column is
        read as no aspect; missing text is an empty comment. Non-answers and empty comments belong to
        no kind. A comment can be of several kinds ("materi bagus tapi waktunya kurang": keluhan and
        pujian).
    text : str, default="teks"
        The column that holds the comments.
    max_share : float, default=0.2
        A key that would hold more than this share of its kind's comments is passed over until every
        key under it has been chosen or dropped (more specific keys first take their part of its
        comments); then it can still make a theme of what it holds.
    min_count : int, optional
        Fewest comments in a theme; default the larger of 5 and 0.5% of the kind's comments.
    max_themes : int, default=20
        Most themes per kind (besides the general lines and ``lainnya``).
    n_quotes : int, default=3
        Quotes per theme in ``contoh``.
    names : sequence of str
        Names to mask in the quotes (as :func:`~umpanbalik.mask_identifiers` does), besides NIP, NIK,
        phone numbers and e-mail addresses: ``names=["Budi Santoso"]`` (a single string is an error).
    random_state : int, default=0
        Seed of the sample on which themes are chosen when a kind has more than 50,000 comments
        (every comment is then assigned); smaller inputs use no randomness.

    Returns
    -------
    Themes
        ``table``: one row per theme with ``jenis`` (keluhan/saran/pujian), ``label``, ``jumlah``,
        ``porsi`` (of the kind's comments) with its 95% Wilson interval ``porsi_bawah`` and
        ``porsi_atas``, ``aspek`` (the aspects 30% of its comments mention with the kind's polarity)
        and ``contoh`` (quotes); per kind the themes by size, then the kind's general line
        (``keluhan umum``, ``harapan umum``, ``pujian umum``) and ``lainnya`` when they hold comments. ``assignments``: each row's theme label per kind
        (``None`` where the row is not of that kind), with the index of ``comments``.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({
    ...     "teks": ["penjelasan terlalu cepat", "dosen menjelaskan terlalu cepat", "jangan terlalu cepat menjelaskan",
    ...              "tugas terlalu banyak", "tugasnya terlalu banyak", "semoga lebih baik", "-"],
    ...     "sentimen": ["negatif"] * 5 + ["netral", "netral"],
    ...     "aspek": [["metode"]] * 5 + [[], []],
    ...     "aspek_sentimen": [{"metode": "negatif"}] * 5 + [{}, {}],
    ...     "saran": [False, False, True, False, False, True, False],
    ...     "non_informatif": [False] * 6 + [True],
    ... })
    >>> table, assignments = find_themes(frame, max_share=1.0, min_count=2)
    >>> print(table[["jenis", "label", "jumlah", "porsi"]].to_string(index=False))
      jenis                     label  jumlah  porsi
    keluhan menjelaskan terlalu cepat       3    0.6
    keluhan      tugas terlalu banyak       2    0.4
      saran              harapan umum       1    0.5
      saran                   lainnya       1    0.5
    >>> assignments.loc[2].tolist()  # a complaint phrased as a request: keluhan and saran
    ['menjelaskan terlalu cepat', 'lainnya', None]
    >>> assignments.loc[6].tolist()  # a non-answer belongs to no kind
    [None, None, None]
    """
    if not isinstance(comments, pd.DataFrame):
        raise TypeError(f"`comments` must be a DataFrame of per-comment results (e.g. Analysis.comments); "
                        f"got {type(comments).__name__}.")
    if text not in comments.columns:
        raise ValueError(f"`text` names the column of comments; {text!r} is not one of "
                         f"{', '.join(map(repr, map(str, list(comments.columns)[:10])))}.")
    if not (isinstance(max_share, (int, float)) and 0 < max_share <= 1):
        raise ValueError(f"`max_share` must be a share in (0, 1]; got {max_share!r}.")
    check_int("max_themes", max_themes, minimum=0)
    check_int("n_quotes", n_quotes, minimum=0)
    check_int("min_count", min_count, minimum=1, allow_none=True)
    names = as_names(names)

    texts = [as_text(v) for v in comments[text].to_numpy()]  # the quotes: masked as written
    read = without_names(texts, names)  # the labels: no listed name (as listed, nor cleaned) can name a theme
    kinds = _kinds(comments, texts)
    rows_of_interest = np.flatnonzero(np.logical_or.reduce(list(kinds.values())))
    distinct: dict[str, int] = {}
    for row in rows_of_interest:
        distinct.setdefault(read[row], len(distinct))
    documents, lexicon = _documents(list(distinct))
    doc_of = np.full(len(texts), -1, dtype=np.int64)
    doc_of[rows_of_interest] = [distinct[read[row]] for row in rows_of_interest]
    informative_rows = rows_of_interest
    background = Counter(key for row in informative_rows for key in documents[doc_of[row]].keys)

    if "teks_bersih" in comments:
        cleaned = [as_text(v) for v in comments["teks_bersih"].to_numpy()]
    else:
        cleaned = [""] * len(texts)
        for row in rows_of_interest:
            cleaned[row] = " ".join(t for c in documents[doc_of[row]].clauses for t in c)
    aspects = _aspects(comments["aspek"].to_numpy()) if "aspek" in comments else [[]] * len(texts)
    polarity = _polarities(comments["aspek_sentimen"].to_numpy()) if "aspek_sentimen" in comments else [{}] * len(texts)

    assignments = pd.DataFrame({kind: pd.Series([None] * len(texts), dtype=object) for kind in KINDS})
    table_rows = []
    for kind in KINDS:
        rows = np.flatnonzero(kinds[kind])
        n = len(rows)
        if n == 0:
            continue
        labels = np.full(n, OTHER, dtype=object)
        chosen = _themes_of_kind(rows, documents, doc_of, background, len(informative_rows), lexicon, kind=kind,
                                 polarity={"keluhan": "negatif", "pujian": "positif"}.get(kind),
                                 min_count=min_count or max(5, math.ceil(0.005 * n)),
                                 max_count=math.floor(max_share * n), max_themes=max_themes, random_state=random_state)
        for name, members in chosen:
            labels[members] = name
        # what names nothing specific is the kind's general line ("materinya bagus dan bermanfaat" is
        # general praise, not a comment that missed a frequent enough theme)
        general = np.fromiter((documents[doc_of[r]].wish_only for r in rows), dtype=bool, count=n)
        labels[(labels == OTHER) & general] = GENERAL_LINES[kind]
        assignments.iloc[rows, KINDS.index(kind)] = labels
        order = sorted(((name, np.flatnonzero(labels == name)) for name, _ in chosen), key=lambda item: (-len(item[1]), item[0]))
        order += [(name, np.flatnonzero(labels == name)) for name in (GENERAL_LINES[kind], OTHER)]
        for name, members in order:
            if len(members) == 0:
                continue
            table_rows.append({"jenis": kind, "label": name, "jumlah": len(members), "porsi": len(members) / n,
                               "_n": n, "aspek": _theme_aspects(kind, rows[members], aspects, polarity),
                               "contoh": _quotes(rows[members], texts, cleaned, n_quotes, names, random_state)})
    assignments.index = comments.index
    return Themes(_table(table_rows), assignments)


def _table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    from ._stats import wilson_interval

    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=float if c.startswith("porsi") else "int64" if c == "jumlah" else object)
                             for c in THEME_COLUMNS})
    frame = pd.DataFrame(rows)
    low, high = wilson_interval(frame["jumlah"].to_numpy(), frame.pop("_n").to_numpy())
    frame["porsi_bawah"], frame["porsi_atas"] = low, high
    return frame[list(THEME_COLUMNS)]


_SELECTION_SAMPLE = 50_000
_QUOTE_POOL = 300  # quotes are picked among at most this many comments of a theme


def _themes_of_kind(rows: np.ndarray, documents: list[_Document], doc_of: np.ndarray, background: Counter,
                    n_background: int, lexicon: _Lexicon, *, kind: str, polarity: str | None, min_count: int, max_count: int, max_themes: int,
                    random_state: int) -> list[tuple[str, np.ndarray]]:
    """The themes of one kind as ``(label, positions in rows)``; the rest is left to the caller."""
    keys = [documents[doc_of[r]].keys for r in rows]
    sample = np.arange(len(rows))
    if len(rows) > _SELECTION_SAMPLE:
        sample = np.sort(np.random.default_rng(random_state).choice(len(rows), _SELECTION_SAMPLE, replace=False))
        scale = _SELECTION_SAMPLE / len(rows)
        min_count, max_count = max(1, math.ceil(min_count * scale)), max(1, math.floor(max_count * scale))

    forms: dict[str, tuple[str, ...]] = {}
    key_names: dict[tuple[str, ...], str] = {}

    def label(key: tuple[str, ...], members: np.ndarray) -> str | None:
        form: list[tuple[str, ...]] = []
        name = _label(key, (documents[doc_of[rows[sample[m]]]].clauses for m in members[:500]), lexicon, kind=kind,
                      form=form)
        if name is not None:
            forms.setdefault(name, form[0])
            key_names[key] = name
        return name

    def says(name: str, positions: np.ndarray) -> np.ndarray:  # positions among all rows
        return np.fromiter((says_label(documents[doc_of[rows[p]]].clauses, forms[name], lexicon, kind=kind)
                            for p in positions), dtype=bool, count=len(positions))

    chosen, sequence = _select([keys[i] for i in sample], background, n_background, min_count=min_count,
                               max_count=max_count, max_themes=max_themes, label=label, polarity=polarity,
                               keep=lambda name, members: says(name, sample[members]))
    if len(sample) == len(rows):
        return chosen
    # every comment goes to the theme of the first chosen key it holds and whose label it says, as
    # the sampled ones did
    theme_of = np.full(len(rows), -1)
    for key, theme in sequence:
        holds = np.flatnonzero(np.fromiter((key in held for held in keys), dtype=bool, count=len(rows)) & (theme_of < 0))
        theme_of[holds[says(key_names[key], holds)]] = theme
    return [(name, np.flatnonzero(theme_of == i)) for i, (name, _) in enumerate(chosen)]
