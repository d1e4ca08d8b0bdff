"""Picking quotes for a report: typical of their group, different from each other, shown once.

Maximal marginal relevance (Carbonell & Goldstein, 1998) over TF-IDF vectors of the cleaned
comments: each next quote maximises ``(1 - diversity) × similarity to the group's centre −
diversity × highest similarity to a quote already picked``. Very short comments (fewer than four
cleaned words) are used only when there are not enough longer ones, and so are very long ones (more
than 80 words), which rarely make readable quotes.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["pick_quotes"]

_MIN_WORDS, _MAX_WORDS = 4, 80
_READ_CHARS = 20_000


def pick_quotes(texts: pd.Series, cleaned: pd.Series | None = None, *, n: int = 5, diversity: float = 0.3) -> pd.Series:
    """Up to ``n`` of ``texts`` (index kept), most representative first; ``attrs["scores"]`` holds
    each quote's similarity to the centre.

    ``cleaned`` (preprocessed text, same index) is what similarity and de-duplication use; when
    omitted it is computed with the default :class:`~umpanbalik.preprocessing.Preprocessor`.

    Examples
    --------
    >>> texts = pd.Series(["sinyal zoom putus putus", "sinyal zoom sering putus", "Sinyal zoom putus-putus!",
    ...                    "materi terlalu padat untuk waktu sesingkat ini", "konsumsi enak dan cukup"])
    >>> pick_quotes(texts, n=2, diversity=0.5).index.tolist()
    [0, 3]
    """
    if not 0 <= diversity <= 1:
        raise ValueError(f"`diversity` must be between 0 and 1; got {diversity!r}.")
    if cleaned is None:
        from .preprocessing import Preprocessor

        cleaned = pd.Series(Preprocessor().transform(texts.tolist()), index=texts.index)
    # object columns: a string dtype would copy every text into Arrow and back (a 200 MB comment too)
    frame = pd.DataFrame({"text": texts.to_numpy(dtype=object), "clean": cleaned.to_numpy(dtype=object)}, index=texts.index,
                         dtype=object)
    frame = frame.loc[frame["clean"].str.len() > 0]
    frame = frame.loc[~frame["clean"].duplicated()]
    if frame.empty:
        return _result(texts.iloc[:0], [])
    words = frame["clean"].str.split().str.len()
    readable = frame.loc[(words >= _MIN_WORDS) & (frame["text"].map(_word_count) <= _MAX_WORDS)]
    if len(readable) >= n:
        frame = readable
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    try:
        matrix = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True).fit_transform(frame["clean"])
    except ValueError:
        return _result(frame["text"].iloc[:n], [np.nan] * min(n, len(frame)))
    centre = normalize(np.asarray(matrix.mean(axis=0)))
    relevance = np.asarray(matrix @ centre.T).ravel()
    chosen: list[int] = []
    max_similar = np.zeros(matrix.shape[0])
    for _ in range(min(n, matrix.shape[0])):
        score = (1 - diversity) * relevance - diversity * max_similar
        score[chosen] = -np.inf
        best = int(np.argmax(score))
        chosen.append(best)
        max_similar = np.maximum(max_similar, (matrix @ matrix[best].T).toarray().ravel())
    return _result(frame["text"].iloc[chosen], relevance[chosen].tolist())


def _word_count(text: str) -> int:
    """The words of ``text``, counted in its first 20,000 characters: a longer text is never a readable
    quote, and splitting a 200 MB comment into words would take gigabytes."""
    if not isinstance(text, str):
        return _MAX_WORDS + 1  # (as a missing text was: never a readable quote)
    words = len(text[:_READ_CHARS].split())
    return max(words, _MAX_WORDS + 1) if len(text) > _READ_CHARS else words


def _result(texts: pd.Series, scores: list[float]) -> pd.Series:
    result = texts.copy()
    result.attrs["scores"] = scores
    return result
