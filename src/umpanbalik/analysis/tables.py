"""The one source of numbers: every table, chart, key number, finding and workbook sheet reads these.

Each function takes the per-comment frame (``Analysis.comments``, or one built by hand with the
same columns) and returns a DataFrame; none changes its input. Which comments count is the rule
written in :mod:`umpanbalik.schema`: what comments say (sentiment, aspects, suggestions, topics,
segments) is counted over the informative comments; barriers over the respondents who answered the
why-not question; the mean rating over every rated row. Every share comes with its 95% Wilson
interval (``ci_bawah``, ``ci_atas``) and each table keeps its base in ``attrs["n"]``.

Examples
--------
>>> frame = pd.DataFrame({"sentimen": ["positif", "negatif", "netral"], "aspek": [["materi"], ["waktu"], []],
...                       "aspek_sentimen": [{"materi": "positif"}, {"waktu": "negatif"}, {}],
...                       "non_informatif": [False, False, True]})
>>> sentiment_table(frame)["jumlah"].tolist(), sentiment_table(frame).attrs["n"]
([1, 0, 1], 2)
>>> aspect_table(frame)[["disebut", "negatif", "positif"]]
        disebut  negatif  positif
aspek
materi        1        0        1
waktu         1        1        0
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._stats import mean_interval, rating_bounds, wilson_interval
from ..schema import ASPECTS, BARRIERS, SENTIMENTS, ordered
from . import _columns as col

__all__ = [
    "informative", "share_table", "sentiment_table", "aspect_table", "aspect_polarity_counts", "polarity_columns",
    "flag_table", "asked_about", "suggestion_aspects", "barrier_table", "barrier_segments", "topic_table", "segment_shares",
    "rating_by_aspect", "mean_rating", "rating_scale", "key_numbers", "aspects_in", "barrier_codes_in", "barrier_respondents", "topic_ids",
    "topic_labels", "merged_topics", "question_table", "likert_table",
]

_ASPECT_FIXED = ("disebut", "porsi_disebut", "ci_bawah", "ci_atas", "porsi_negatif", "negatif_ci_bawah", "negatif_ci_atas")


def informative(comments: pd.DataFrame) -> np.ndarray:
    """The rows that count for what comments say: ``non_informatif`` is False (all rows without it)."""
    return ~col.flags(comments, "non_informatif")


def share_table(counts: Mapping[Any, int] | pd.Series, total: int | np.ndarray, name: str) -> pd.DataFrame:
    """``jumlah``, ``porsi`` and its 95% Wilson interval for each count over ``total``."""
    counts = pd.Series(counts, dtype=int) if not isinstance(counts, pd.Series) else counts.astype(int)
    values = counts.to_numpy()
    totals = np.broadcast_to(np.asarray(total, dtype=float), values.shape)
    low, high = wilson_interval(values, totals)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(totals > 0, values / np.where(totals > 0, totals, 1), np.nan)
    table = pd.DataFrame({"jumlah": values, "porsi": share, "ci_bawah": low, "ci_atas": high},
                         index=pd.Index(counts.index, name=name))
    table.attrs["n"] = int(total) if np.ndim(total) == 0 else None
    return table


def sentiment_table(comments: pd.DataFrame) -> pd.DataFrame:
    """Overall sentiment of the informative comments: ``jumlah``, ``porsi`` and its interval."""
    keep = informative(comments)
    counts = comments["sentimen"][keep].value_counts() if "sentimen" in comments else pd.Series([], dtype=int)
    counts = counts.reindex(ordered(set(counts.index) | set(SENTIMENTS), SENTIMENTS), fill_value=0)
    return share_table(counts, int(keep.sum()), "sentimen")


def aspects_in(comments: pd.DataFrame, rows: np.ndarray | None = None) -> list[str]:
    """The aspects mentioned (in ``aspek`` or ``aspek_sentimen``) on ``rows``, in taxonomy order."""
    found: set[Any] = set()
    for column in ("aspek", "aspek_sentimen"):
        if column in comments:
            found |= col.items(comments[column] if rows is None else comments[column][rows])
    return ordered({str(a) for a in found}, ASPECTS)


def _polarity_of_rows(n: int, aspect: str, lists: Any, dicts: Any) -> np.ndarray:
    """Each row's polarity for ``aspect`` (an object array): the one in ``aspek_sentimen``,
    ``netral`` when the aspect is in ``aspek`` without one, ``None`` when it is not mentioned."""
    polarity = col.polarity(dicts, aspect).copy() if dicts is not None else np.full(n, None, dtype=object)
    missing = pd.isna(polarity)
    polarity[missing] = None
    if lists is not None:
        polarity[col.contains(lists, aspect) & missing] = "netral"
    return polarity


def _mentions(rows: np.ndarray, comments: pd.DataFrame) -> tuple[Any, Any]:
    """The distinct ``aspek`` and ``aspek_sentimen`` cells of ``rows`` (``None`` for a missing column)."""
    lists = col.distinct(comments["aspek"][rows]) if "aspek" in comments else None
    dicts = col.distinct(comments["aspek_sentimen"][rows]) if "aspek_sentimen" in comments else None
    return lists, dicts


def aspect_table(comments: pd.DataFrame) -> pd.DataFrame:
    """Per aspect mentioned by an informative comment: mentions and their polarity mix.

    ``disebut`` counts the informative comments that mention the aspect, ``porsi_disebut`` their
    share of the informative comments (interval ``ci_bawah``–``ci_atas``); ``negatif``, ``netral``,
    ``positif`` count the mentions by polarity (they add up to ``disebut``); ``porsi_negatif`` is the
    share of the mentions that are negative (interval ``negatif_ci_bawah``–``negatif_ci_atas``).
    ``attrs["dengan_polaritas"]`` counts the mentions whose polarity was given (an aspect model
    without a polarity model gives none: its mentions all count as netral, and no aspect can be
    said to be criticised).
    """
    rows = informative(comments)
    n = int(rows.sum())
    lists, dicts = _mentions(rows, comments)
    found, given = {}, 0
    for aspect in aspects_in(comments, rows):
        if dicts is not None:
            given += int((~pd.isna(col.polarity(dicts, aspect))).sum())
        polarity = _polarity_of_rows(n, aspect, lists, dicts)
        found[aspect] = np.asarray([str(p) for p in polarity[~pd.isna(polarity)]], dtype=object)
    polarities = ordered({p for values in found.values() for p in values} | set(SENTIMENTS), SENTIMENTS)
    records = []
    for aspect, values in found.items():
        mentioned = len(values)
        record: dict[str, Any] = {"aspek": aspect, "disebut": mentioned, "porsi_disebut": mentioned / n if n else np.nan}
        record["ci_bawah"], record["ci_atas"] = (float(v) for v in wilson_interval(mentioned, n))
        for polarity in polarities:
            record[polarity] = int(np.count_nonzero(values == polarity))
        record["porsi_negatif"] = record.get("negatif", 0) / mentioned if mentioned else np.nan
        low, high = wilson_interval(record.get("negatif", 0), mentioned)
        record["negatif_ci_bawah"], record["negatif_ci_atas"] = float(low), float(high)
        records.append(record)
    columns = ["disebut", "porsi_disebut", "ci_bawah", "ci_atas", *polarities, "porsi_negatif", "negatif_ci_bawah",
               "negatif_ci_atas"]
    table = pd.DataFrame(records, columns=["aspek", *columns]).set_index("aspek")
    for name in ("disebut", *polarities):
        table[name] = table[name].astype(int)
    table.attrs["n"] = n
    table.attrs["dengan_polaritas"] = given
    return table


def polarity_columns(table: pd.DataFrame) -> list[str]:
    """The polarity count columns of an :func:`aspect_table` (negatif, netral, positif, then others)."""
    return [c for c in table.columns if c not in _ASPECT_FIXED]


def aspect_polarity_counts(comments: pd.DataFrame) -> pd.DataFrame:
    """Aspect × polarity counts (:func:`aspect_table`'s polarity columns): what the aspect chart draws."""
    table = aspect_table(comments)
    counts = table[polarity_columns(table)].copy()
    counts.columns.name = "sentimen"
    counts.attrs["n"] = table.attrs["n"]
    return counts


def flag_table(comments: pd.DataFrame) -> pd.DataFrame:
    """``non_informatif`` among every row and ``saran`` among the informative comments, each with
    its interval and base (``dasar``): a non-answer flagged as a suggestion is no suggestion."""
    rows = informative(comments)
    n, counted = len(comments), int(rows.sum())
    parts = [share_table(pd.Series({"non_informatif": int(n - counted)}), n, "ukuran").assign(dasar=n)]
    if "saran" in comments:
        suggestions = int((col.flags(comments, "saran") & rows).sum())
        parts.append(share_table(pd.Series({"saran": suggestions}), counted, "ukuran").assign(dasar=counted))
    return pd.concat(parts)


def suggestion_rows(comments: pd.DataFrame) -> np.ndarray:
    """The informative comments flagged ``saran``: the suggestions every table and sheet counts."""
    return col.flags(comments, "saran") & informative(comments)


def asked_about(comments: pd.DataFrame, aspect: str) -> np.ndarray:
    """The rows that mention ``aspect`` other than in praise (``positif``): what a suggestion on such a
    row can ask to change."""
    return _not_praise(_polarity_of_rows(len(comments), aspect, *_mentions(np.ones(len(comments), dtype=bool), comments)))


def _not_praise(polarity: np.ndarray) -> np.ndarray:
    """Where a row's polarity for an aspect (:func:`_polarity_of_rows`) says it is mentioned, not praised."""
    return np.fromiter((p is not None and p != "positif" for p in polarity), dtype=bool, count=len(polarity))


def suggestion_aspects(comments: pd.DataFrame) -> pd.DataFrame:
    """Which aspects the suggestions ask to change: per aspect, the suggestions that mention it other
    than in praise (an aspect praised beside a request — "coach responsif, waktu bimbingan mohon
    dijadwalkan" — is not what the request is about), their share of all suggestions and its
    interval; ``attrs["n"]`` is the number of suggestions."""
    rows = suggestion_rows(comments)
    n = int(rows.sum())
    mentions = _mentions(rows, comments)  # the suggestions' cells, read once for every aspect
    counts = {aspect: int(_not_praise(_polarity_of_rows(n, aspect, *mentions)).sum()) for aspect in aspects_in(comments, rows)}
    table = share_table(pd.Series(counts, dtype=int), n, "aspek")
    return table.sort_values("jumlah", ascending=False, kind="stable")


def barrier_codes_in(comments: pd.DataFrame, rows: np.ndarray | None = None) -> list[str]:
    """The barrier codes named on ``rows``, in the order of the code list."""
    values = comments["hambatan"] if rows is None else comments["hambatan"][rows]
    return ordered({str(c) for c in col.items(values)}, BARRIERS)


def barrier_respondents(comments: pd.DataFrame, answers: str | None) -> np.ndarray:
    """Who counts for barriers: an answer in ``answers`` (a letter or a digit: a "-" is none, or
    half the respondents writing "-" halved every barrier's share), or, without it, any code named.
    When the answers are the analysed text (``task="hambatan"``: a non-answer flag and no sentiment),
    an answer flagged as a non-answer ("tidak ada", "tidak tahu") is none either: the non-answers and
    the respondents then split the rows (they were counted in both)."""
    if answers is not None:
        rows = col.gave_answer(comments[answers])
        if "non_informatif" in comments and "sentimen" not in comments:
            rows &= ~col.flags(comments, "non_informatif")
        return rows
    return col.per_row(comments["hambatan"], lambda cell: bool(col.as_list(cell)))


def barrier_table(comments: pd.DataFrame, answers: str | None = None) -> pd.DataFrame:
    """Per barrier code named: ``jumlah`` of respondents naming it, ``porsi`` of the respondents and
    its interval; most frequent first (ties in code order). ``attrs["n"]`` is the respondents: those
    with an answer in the column ``answers`` (not blank, not only "-"), or, without it, those who named a barrier."""
    rows = barrier_respondents(comments, answers)
    lists = col.distinct(comments["hambatan"][rows])
    counts = pd.Series({code: int(col.contains(lists, code).sum()) for code in barrier_codes_in(comments, rows)}, dtype=int)
    return share_table(counts, int(rows.sum()), "hambatan").sort_values("jumlah", ascending=False, kind="stable")


def barrier_segments(comments: pd.DataFrame, by: Any, answers: str | None = None, *, min_n: int = 30) -> pd.DataFrame:
    """Per segment of ``by``: its respondents ``n``, ``cukup_data`` (n ≥ ``min_n``) and the share
    naming each barrier code (for a checkbox column, one segment per choice)."""
    rows = barrier_respondents(comments, answers)
    positions, segment = col.segments(comments[by])
    keep = rows[positions]
    positions, segment = positions[keep], segment[keep]  # a checkbox answer: once per choice ticked
    lists = col.distinct(comments["hambatan"])
    has = {code: col.contains(lists, code) for code in barrier_codes_in(comments, rows)}
    records = []
    for name, group in pd.Series(positions).groupby(segment, sort=True):
        where = group.to_numpy()
        record = {by: name, "n": len(where), "cukup_data": len(where) >= min_n}
        record.update({code: float(flags[where].mean()) for code, flags in has.items()})
        records.append(record)
    table = (pd.DataFrame(records).set_index(by) if records
             else pd.DataFrame({"n": pd.Series(dtype=int), "cukup_data": pd.Series(dtype=bool)}, index=pd.Index([], name=by)))
    table.attrs["n"] = int(rows.sum())
    return table


def topic_table(comments: pd.DataFrame, topics: pd.DataFrame | None = None) -> pd.DataFrame:
    """The topics, largest first: ``topik``, ``label``, ``ukuran`` (comments), ``porsi`` of the
    informative comments, then the topic model's own columns (``kata_kunci``, ``aspek``,
    ``sentimen``, ``contoh``) when its table ``topics`` is given. ``attrs["tanpa_topik"]`` counts the
    comments without a topic (the non-answers), ``attrs["n"]`` the informative comments."""
    n = int(informative(comments).sum())
    if "topik" not in comments:
        table = pd.DataFrame(columns=["topik", "label", "ukuran", "porsi"])
        table.attrs.update(n=n, tanpa_topik=0)
        return table
    topic = pd.to_numeric(comments["topik"], errors="coerce").fillna(-1).astype(int).to_numpy()
    labels = comments["label_topik"].to_numpy(dtype=object) if "label_topik" in comments else np.full(len(topic), "", dtype=object)
    assigned = topic >= 0
    sizes = pd.Series(topic[assigned]).value_counts()
    first = pd.Series(labels[assigned]).groupby(topic[assigned]).first() if assigned.any() else pd.Series(dtype=object)
    if topics is not None and "topik" in topics:
        extra = topics.drop(columns=[c for c in ("ukuran", "porsi") if c in topics]).copy()
        extra["topik"] = extra["topik"].astype(int)
        ids = sorted(set(extra["topik"]) | set(sizes.index))
        table = pd.DataFrame({"topik": ids}).merge(extra, on="topik", how="left")
        table["label"] = [l if isinstance(l, str) else str(first.get(t, "")) for t, l in zip(table["topik"], table.get("label", [None] * len(ids)))]
    else:
        ids = sorted(sizes.index)
        table = pd.DataFrame({"topik": ids, "label": [str(first.get(t, "")) for t in ids]})
    table.insert(2, "ukuran", [int(sizes.get(t, 0)) for t in table["topik"]])
    table.insert(3, "porsi", table["ukuran"] / n if n else np.nan)
    table = table.sort_values(["ukuran", "topik"], ascending=[False, True], kind="stable").reset_index(drop=True)
    table.attrs.update(n=n, tanpa_topik=int((~assigned).sum()))
    return table


def _topic_numbers(comments: pd.DataFrame) -> np.ndarray:
    return pd.to_numeric(comments["topik"], errors="coerce").fillna(-1).astype(int).to_numpy()


def topic_ids(comments: pd.DataFrame) -> list[int]:
    """The topic ids given to comments (the non-answers' -1 left out), in order."""
    return sorted(int(t) for t in np.unique(_topic_numbers(comments)) if t >= 0) if "topik" in comments else []


def topic_labels(comments: pd.DataFrame, topics: pd.DataFrame) -> np.ndarray:
    """``label_topik`` of every comment from its ``topik`` and the topic model's table ``topics``
    (``topik``, ``label``); comments without a topic keep theirs."""
    names = dict(zip(topics["topik"].astype(int), topics["label"]))
    current = comments["label_topik"].to_numpy(dtype=object).copy() if "label_topik" in comments else \
        np.full(len(comments), "", dtype=object)
    topic = _topic_numbers(comments)
    for number, name in names.items():
        current[topic == number] = name
    return current


def merged_topics(comments: pd.DataFrame, keep: int, absorb: int) -> np.ndarray:
    """``topik`` after topic ``absorb`` joins ``keep`` and the later topics move down by one (what
    :meth:`TopicModel.merge_topics <umpanbalik.topics.TopicModel.merge_topics>` does to its ids)."""
    topic = _topic_numbers(comments).copy()
    topic[topic == absorb] = keep
    topic[topic > absorb] -= 1
    return topic


def _hit(cell: Any, value: Any) -> bool:
    if isinstance(cell, Mapping):
        return value in cell
    if isinstance(cell, (list, tuple, set, frozenset, np.ndarray)):
        return value in list(cell)
    return False if cell is None or (pd.api.types.is_scalar(cell) and pd.isna(cell)) else bool(cell == value)


def _matches(values: pd.Series, value: Any) -> np.ndarray:
    """Whether each cell is ``value``: membership for lists, ``(aspect, polarity)`` or a key for dicts."""
    if isinstance(value, tuple):
        return col.polarity(values, value[0]) == value[1]
    if pd.api.types.infer_dtype(values, skipna=True) in ("string", "boolean", "integer", "floating", "empty"):
        return (values == value).to_numpy(dtype=bool, na_value=False)  # scalar cells (sentimen, saran): compared at once
    return col.per_row(values, lambda cell: _hit(cell, value))


def segment_shares(comments: pd.DataFrame, by: Any, measure: str = "sentimen", value: Any = "negatif",
                   min_n: int = 30, lang: str = "id", answers: str | None = None) -> pd.DataFrame:
    """Per segment of ``by``: ``n``, ``jumlah`` (comments where ``measure`` is ``value``), ``porsi``,
    its interval and ``cukup`` (n ≥ ``min_n``); segments with enough data first, then by share. For a
    checkbox column each choice is a segment, and a comment counts in every choice its writer ticked.
    ``attrs["n"]`` counts the comments once and ``attrs["porsi"]`` is the share over all of them.

    The informative comments count, unless the measure is ``non_informatif`` itself or ``hambatan``:
    then the respondents :func:`barrier_table` counts (an answer in the column ``answers``)."""
    from .._i18n import text

    if measure == "hambatan":
        rows = barrier_respondents(comments, answers)
    else:
        rows = informative(comments) if measure != "non_informatif" else np.ones(len(comments), dtype=bool)
    positions, segment = col.segments(comments[by], missing=text("missing", lang))
    keep = rows[positions]
    positions, segment = positions[keep], segment[keep]  # a checkbox answer: once per choice ticked
    hits = _matches(comments[measure], value)
    hit = hits[positions]
    counts = col.crosstab(segment, hit).reindex(columns=[True, False], fill_value=0)
    table = pd.DataFrame({"segmen": counts.index.to_numpy(dtype=object), "n": counts.sum(axis=1).to_numpy(dtype=int),
                          "jumlah": counts[True].to_numpy(dtype=int)})
    table["porsi"] = table["jumlah"] / table["n"]
    table["ci_bawah"], table["ci_atas"] = wilson_interval(table["jumlah"].to_numpy(), table["n"].to_numpy())
    table["cukup"] = table["n"] >= min_n
    table = table.sort_values(["cukup", "porsi", "n"], ascending=[False, False, False], ignore_index=True, kind="stable")
    counted = np.unique(positions)  # comments, each once (a checkbox answer is in several rows)
    table.attrs["n"] = len(counted)
    table.attrs["porsi"] = float(hits[counted].mean()) if len(counted) else float("nan")
    return table


def rating_by_aspect(comments: pd.DataFrame, rating: Any) -> pd.DataFrame:
    """Mean rating (95% t interval) of the informative comments by overall sentiment (rows
    ``aspek="semua"``) and, for each aspect they mention, by the aspect's polarity: ``aspek``,
    ``polaritas``, ``n``, ``rata_rata``, ``ci_bawah``, ``ci_atas``. Missing ratings are left out."""
    values = col.numeric(comments[rating]).to_numpy(dtype=float)
    rows = informative(comments) & ~np.isnan(values)
    rated = values[rows]
    groups: list[tuple[str, str, np.ndarray]] = []
    if "sentimen" in comments:
        sentiment = comments["sentimen"].to_numpy(dtype=object)[rows]
        groups += [("semua", s, sentiment == s) for s in SENTIMENTS]
    lists, dicts = _mentions(rows, comments)
    for aspect in aspects_in(comments, rows):
        polarity = _polarity_of_rows(int(rows.sum()), aspect, lists, dicts)
        groups += [(aspect, s, polarity == s) for s in SENTIMENTS]
    records = []
    for aspect, polarity, mask in groups:
        mean, low, high, n = mean_interval(rated[mask], bounds=rating_bounds(values))
        records.append({"aspek": aspect, "polaritas": polarity, "n": n, "rata_rata": mean, "ci_bawah": low, "ci_atas": high})
    return pd.DataFrame(records, columns=["aspek", "polaritas", "n", "rata_rata", "ci_bawah", "ci_atas"])


def mean_rating(comments: pd.DataFrame, rating: Any) -> tuple[float, float, float, int]:
    """Mean rating over every row with a numeric rating: ``(mean, low, high, n)`` (95% t interval)."""
    values = col.numeric(comments[rating]).to_numpy(dtype=float)
    return mean_interval(values, bounds=rating_bounds(values))


def rating_scale(comments: pd.DataFrame, rating: Any) -> pd.DataFrame:
    """How a rating column's text answers are scored (``jawaban``, ``skor``, ``jumlah``), as every
    mean and regression here reads them (:func:`umpanbalik.likert.scale_table`); empty for numbers."""
    from ..likert import scale_table

    return scale_table(comments[rating])


def likert_table(comments: pd.DataFrame, columns: list[Any]) -> pd.DataFrame:
    """The rating questions written as text, one row each: ``pertanyaan``, ``n`` (scored answers),
    ``rata_rata`` with its 95% interval, ``skala`` (the scale's lowest–highest score, "1–5") and ``sebaran`` (how many
    chose each answer, lowest score first); scored as :func:`rating_scale` scores them."""
    from .._format import count

    records = []
    for name in columns:
        scores = col.numeric(comments[name]).to_numpy(dtype=float)
        mean, low, high, n = mean_interval(scores, bounds=rating_bounds(scores))
        scale = rating_scale(comments, name)
        spread = " · ".join(f"{row.jawaban} {count(row.jumlah)}" for row in scale.itertuples())
        low_high = scale.attrs.get("skala")
        bounds = f"{low_high[0]:g}–{low_high[1]:g}" if low_high else ""
        records.append({"pertanyaan": str(name), "n": n, "rata_rata": mean, "ci_bawah": low, "ci_atas": high,
                        "skala": bounds, "sebaran": spread})
    return pd.DataFrame(records, columns=["pertanyaan", "n", "rata_rata", "ci_bawah", "ci_atas", "skala", "sebaran"])


def question_table(questions: Mapping[Any, pd.DataFrame], texts: Mapping[Any, Any]) -> pd.DataFrame:
    """One row per open question: ``kode``, ``pertanyaan`` (the column), ``dijawab`` (non-blank
    answers), ``informatif``, the sentiment shares of its informative comments, and the aspect
    criticised most (``aspek_dikritik``, by negative mentions; blank when the findings cannot name one:
    too few comments, or a tie). ``questions`` maps a short code to
    the question's per-comment frame, ``texts`` the code to its column."""
    records = []
    for code, comments in questions.items():
        answered = int(col.answered(comments[texts[code]]).sum()) if len(comments) else 0
        record: dict[str, Any] = {"kode": code, "pertanyaan": texts[code], "dijawab": answered,
                                  "informatif": int(informative(comments).sum())}
        if "sentimen" in comments:
            shares = sentiment_table(comments)["porsi"]
            record.update({f"porsi_{s}": float(shares.get(s, np.nan)) for s in SENTIMENTS})
            # by the findings' rule: blank when they cannot name one (too few, or two that a tie leaves apart)
            from .findings import _aspect

            found = _aspect(aspect_table(comments), "id")
            record["aspek_dikritik"] = str(found.quotes.get("aspect", "")) if found.supported else ""
        records.append(record)
    return pd.DataFrame(records)


def key_numbers(comments: pd.DataFrame, text: Any, *, rating: Any = None, answers: Any = None) -> pd.DataFrame:
    """The headline counts: ``ukuran``, ``nilai``, and for shares ``porsi`` with its interval over
    ``dasar`` rows. ``komentar`` (rows), ``kosong`` (blank comments), ``non_informatif``,
    ``informatif`` (the base of most tables), ``saran`` (informative suggestions), and when they
    apply ``menjawab_hambatan`` (respondents who answered the why-not question, ``answers``) and
    ``rata_rata_nilai`` (mean ``rating``, t interval)."""
    n = len(comments)
    flags = flag_table(comments)
    records = [{"ukuran": "komentar", "nilai": n, "dasar": n},
               {"ukuran": "kosong", "nilai": int(n - col.answered(comments[text]).sum()) if n else 0, "dasar": n},
               {"ukuran": "non_informatif", "nilai": int(flags.loc["non_informatif", "jumlah"]), "dasar": n},
               {"ukuran": "informatif", "nilai": int(n - flags.loc["non_informatif", "jumlah"]), "dasar": n}]
    if "saran" in flags.index:
        records.append({"ukuran": "saran", "nilai": int(flags.loc["saran", "jumlah"]), "dasar": int(flags.loc["saran", "dasar"])})
    if "hambatan" in comments:
        records.append({"ukuran": "menjawab_hambatan", "nilai": int(barrier_respondents(comments, answers).sum()), "dasar": n})
    counts = np.array([r["nilai"] for r in records], dtype=float)
    bases = np.array([r["dasar"] for r in records], dtype=float)
    low, high = wilson_interval(counts, bases)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(bases > 0, counts / np.where(bases > 0, bases, 1), np.nan)
    for record, share, lo, hi in zip(records, shares, low, high):
        shown = record["ukuran"] != "komentar"
        record.update(porsi=share if shown else np.nan, ci_bawah=lo if shown else np.nan, ci_atas=hi if shown else np.nan)
    if rating is not None:
        mean, lo, hi, rated = mean_rating(comments, rating)
        records.append({"ukuran": "rata_rata_nilai", "nilai": round(mean, 3) if rated else np.nan, "porsi": np.nan,
                        "ci_bawah": lo, "ci_atas": hi, "dasar": rated})
    table = pd.DataFrame(records, columns=["ukuran", "nilai", "porsi", "ci_bawah", "ci_atas", "dasar"])
    table["nilai"] = pd.Series([r["nilai"] for r in records], dtype=object)
    return table
