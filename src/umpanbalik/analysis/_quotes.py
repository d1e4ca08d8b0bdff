"""Which comments a quote is picked among, before :func:`umpanbalik.quotes.pick_quotes` picks.

Cheap vectorised filters run first; the list and dict columns are read only on the rows left. A
text seen before has the same cleaned text, which ``pick_quotes`` shows once anyway, so repeats are
dropped first; above :data:`QUOTE_CANDIDATES` distinct texts a random sample is taken.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import as_text
from . import _columns as col

__all__ = ["select_quotes", "frequent_texts", "QUOTE_CANDIDATES"]

QUOTE_CANDIDATES = 20_000  # quotes are picked among at most this many distinct comments (a random sample)


def select_quotes(comments: pd.DataFrame, source: Any, *, aspect: str | None, sentiment: str | None, topic: int | None,
                  barrier: str | None, rows: np.ndarray | None, n: int, diversity: float, random_state: int,
                  mask: Any) -> pd.DataFrame:
    """The quotes of :meth:`Analysis.quotes`, from ``source`` (the comment or the why-not column);
    ``mask`` masks identifiers in the text shown."""
    from ..quotes import pick_quotes

    keep = np.ones(len(comments), dtype=bool) if barrier is not None else ~col.flags(comments, "non_informatif")
    if aspect is None and sentiment is not None:
        keep &= (comments["sentimen"] == sentiment).to_numpy()
    if topic is not None:
        keep &= (comments["topik"] == topic).to_numpy()
    if rows is not None:
        keep &= rows
    positions = np.flatnonzero(keep)  # positions, not labels: the user's index may repeat
    if barrier is not None:
        positions = positions[col.contains(comments["hambatan"].iloc[positions], barrier)]
    if aspect is not None:
        lists = comments["aspek"].iloc[positions]
        dicts = comments["aspek_sentimen"].iloc[positions]
        positions = positions[col.contains(lists, aspect) | col.contains(dicts, aspect)]
        if sentiment is not None:
            polarity = col.polarity(comments["aspek_sentimen"].iloc[positions], aspect)
            positions = positions[np.where(pd.isna(polarity), "netral", polarity) == sentiment]
    texts = pd.Series([as_text(v) for v in comments[source].iloc[positions].to_numpy()], dtype=object)
    first = ~texts.duplicated().to_numpy()
    positions, texts = positions[first], texts[first].reset_index(drop=True)
    if len(positions) > QUOTE_CANDIDATES:
        sample = np.sort(np.random.default_rng(random_state).choice(len(positions), QUOTE_CANDIDATES, replace=False))
        positions, texts = positions[sample], texts.iloc[sample].reset_index(drop=True)
    cleaned = None if barrier is not None else pd.Series(comments["teks_bersih"].iloc[positions].to_numpy(), dtype=object)
    chosen = pick_quotes(texts, cleaned, n=n, diversity=diversity)
    columns = [c for c in ("sentimen", "aspek", "aspek_sentimen", "label_topik", "hambatan") if c in comments]
    result = comments.iloc[positions[chosen.index.to_numpy()]][columns].copy()
    # object, not a string dtype: Arrow would copy each quote (a 200 MB comment too) in and out
    result.insert(0, "kutipan", pd.Series([mask(t) for t in chosen], index=result.index, dtype=object))
    result["skor"] = chosen.attrs.get("scores", [np.nan] * len(chosen))
    return result


def frequent_texts(comments: pd.DataFrame, source: Any, rows: np.ndarray, n: int, mask: Any) -> list[str]:
    """The ``n`` most frequent answers on ``rows``, each with its count: what the non-answers look
    like ("tidak ada (120×)"). Answers that differ only in case, spacing and punctuation around the
    words ("Tidak ada.", "tidak ada", "Tidak Ada!") are one answer, shown as most of them write it."""
    texts = pd.Series([" ".join(as_text(v).split()) for v in comments[source].to_numpy()[rows]], dtype=object)
    texts = texts[texts != ""]
    if texts.empty:
        return []
    keys = texts.map(_answer_key)
    pairs = pd.DataFrame({"key": keys.to_numpy(dtype=object), "text": texts.to_numpy(dtype=object)})
    # how often each answer is written each way, most first (the first seen on a tie): one pass, no per-group call
    forms = pairs.value_counts(sort=False).reset_index(name="n").sort_values("n", ascending=False, kind="stable")
    written = forms.drop_duplicates("key").set_index("key")["text"]  # the most common way of writing each answer
    totals = forms.groupby("key", sort=False)["n"].sum().sort_values(ascending=False, kind="stable").head(n)
    return [f"{mask(written[key])} ({int(count)}×)" for key, count in totals.items()]


def _answer_key(text: str) -> str:
    """An answer as counted: lower case, punctuation around and between the words dropped ("-" and
    "." stay themselves: nothing else is left of them)."""
    words = [word.strip(_PUNCTUATION) for word in text.lower().split()]
    return " ".join(w for w in words if w) or text


_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~…“”‘’«»¡¿–—"
