"""The tables behind the charts of :mod:`umpanbalik.plots`, computed from the per-comment frame.

Each chart draws one of these tables, so a summary or a test can read the same numbers as the chart.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._i18n import Lang, text
from ._stats import mean_interval, wilson_interval
from ._validation import as_text
from .datasets import ASPECTS

__all__ = ["aspect_polarity_counts", "segment_shares", "rating_by_aspect", "barrier_shares", "POLARITIES"]

POLARITIES = ("negatif", "netral", "positif")


def as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple, set, frozenset, np.ndarray)) else []


def as_dict(value: Any) -> dict[Any, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


def ordered(names: Iterable[str], canonical: Sequence[str]) -> list[str]:
    present = set(names)
    return [n for n in canonical if n in present] + sorted(present - set(canonical))


def aspect_polarity_counts(comments: pd.DataFrame) -> pd.DataFrame:
    """Aspect × polarity counts from ``aspek_sentimen`` (an aspect in ``aspek`` without a polarity
    counts as ``netral``); rows in taxonomy order, columns negatif, netral, positif (then any other)."""
    counts: Counter[tuple[str, str]] = Counter()
    for aspects, polarity in zip(comments["aspek"], comments["aspek_sentimen"]):
        polarity = as_dict(polarity)
        for aspect in dict.fromkeys([*as_list(aspects), *polarity]):
            counts[str(aspect), str(polarity.get(aspect, "netral"))] += 1
    rows = ordered({a for a, _ in counts}, ASPECTS)
    columns = ordered({p for _, p in counts}, POLARITIES)
    columns = list(dict.fromkeys([c for c in POLARITIES if rows] + columns))
    return pd.DataFrame([[counts[a, p] for p in columns] for a in rows], index=pd.Index(rows, name="aspek"),
                        columns=pd.Index(columns, name="sentimen"), dtype=int)


def _matches(values: pd.Series, value: Any) -> np.ndarray:
    """Whether each cell is ``value``: membership for lists, ``(aspect, polarity)`` or a key for dicts."""
    def hit(cell: Any) -> bool:
        if isinstance(cell, Mapping):
            return cell.get(value[0]) == value[1] if isinstance(value, tuple) else value in cell
        if isinstance(cell, (list, tuple, set, frozenset, np.ndarray)):
            return value in list(cell)
        return bool(cell == value) if not pd.isna(cell) else False
    return np.fromiter((hit(cell) for cell in values), dtype=bool, count=len(values))


def segment_shares(comments: pd.DataFrame, by: str, measure: str = "sentimen", value: Any = "negatif",
                   min_n: int = 30, lang: Lang = "id") -> pd.DataFrame:
    """Per segment of ``by``: ``n``, ``jumlah`` (comments where ``measure`` is ``value``), ``porsi``,
    its 95% Wilson interval (``ci_bawah``, ``ci_atas``) and ``cukup`` (n >= min_n).

    Non-answers (``non_informatif``) are left out of the denominators unless the measure is
    ``non_informatif`` itself or ``hambatan`` (a separate answer)."""
    data = comments
    if measure not in ("non_informatif", "hambatan") and "non_informatif" in data.columns:
        data = data[~data["non_informatif"].fillna(False).astype(bool)]
    missing = text("missing", lang)
    segments = pd.Series([missing if _blank(v) else str(v).strip() for v in data[by]], dtype=object)
    frame = pd.DataFrame({"segmen": segments.to_numpy(), "hit": _matches(data[measure], value)})
    table = frame.groupby("segmen", sort=False)["hit"].agg(n="size", jumlah="sum").reset_index()
    table["porsi"] = table["jumlah"] / table["n"]
    table["ci_bawah"], table["ci_atas"] = wilson_interval(table["jumlah"].to_numpy(), table["n"].to_numpy())
    table["cukup"] = table["n"] >= min_n
    return table.sort_values(["cukup", "porsi", "n"], ascending=[False, False, False], ignore_index=True)


def rating_by_aspect(comments: pd.DataFrame, rating: str) -> pd.DataFrame:
    """Mean ``rating`` with its 95% t interval and count for comments that judge each aspect
    negatif or positif (``aspek``, ``sentimen``, ``rata_rata``, ``ci_bawah``, ``ci_atas``, ``n``)."""
    values = pd.to_numeric(comments[rating], errors="coerce").astype(float).to_numpy()
    polarity = [as_dict(p) for p in comments["aspek_sentimen"]]
    aspects = ordered({a for p in polarity for a in p}, ASPECTS)
    rows = []
    for aspect in aspects:
        for sentiment in ("negatif", "positif"):
            mask = np.fromiter((p.get(aspect) == sentiment for p in polarity), dtype=bool, count=len(polarity))
            mean, low, high, n = mean_interval(values[mask])
            rows.append({"aspek": aspect, "sentimen": sentiment, "rata_rata": mean, "ci_bawah": low, "ci_atas": high, "n": n})
    return pd.DataFrame(rows, columns=["aspek", "sentimen", "rata_rata", "ci_bawah", "ci_atas", "n"])


def _blank(value: Any) -> bool:
    # pd.isna of a list or an array is an array, whose truth value raises
    missing = value is None or (pd.api.types.is_scalar(value) and pd.isna(value))
    return not (value.strip() if isinstance(value, str) else "" if missing else str(value))


def barrier_shares(comments: pd.DataFrame, answers: str | None = None) -> pd.DataFrame:
    """Per barrier code: ``jumlah`` of respondents naming it, ``porsi`` of the respondents and its
    95% Wilson interval; most frequent first.

    The respondents are those with a non-blank answer in the column ``answers`` (as
    ``Analysis.barriers`` counts them), or, without it, those with at least one coded barrier."""
    lists = [as_list(v) for v in comments["hambatan"]]
    if answers is None:
        respondents = sum(1 for codes in lists if codes)
    else:
        answered = [bool(as_text(v).strip()) for v in comments[answers]]
        respondents = sum(answered)
        lists = [codes for codes, keep in zip(lists, answered) if keep]
    counts = Counter(code for codes in lists for code in dict.fromkeys(codes))
    table = pd.DataFrame(counts.most_common(), columns=["hambatan", "jumlah"])
    table["porsi"] = table["jumlah"] / max(respondents, 1)
    table["ci_bawah"], table["ci_atas"] = wilson_interval(table["jumlah"].to_numpy(), respondents)
    return table
