"""Picking quotes for a report: typical of their group, different from each other, shown once.

Maximal marginal relevance (Carbonell & Goldstein, 1998) over TF-IDF vectors of the cleaned
comments: each next quote maximises ``(1 - diversity) × similarity to the group's centre −
diversity × highest similarity to a quote already picked``. Very short comments (fewer than four
cleaned words) are used only when there are not enough longer ones, and so are very long ones (more
than 80 words), which rarely make readable quotes.
"""
from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import scipy.sparse as sp

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
    index = texts.index
    text_values = texts.to_numpy(dtype=object)
    clean_values = cleaned.to_numpy(dtype=object)
    # plain lists, not a DataFrame: a report picks quotes for a hundred small groups, where pandas'
    # per-call overhead was most of the time
    seen: set[str] = set()
    rows: list[int] = []
    for row, clean in enumerate(clean_values):
        if isinstance(clean, str) and clean and clean not in seen:
            seen.add(clean)
            rows.append(row)
    if not rows:
        return _result(texts.iloc[:0], [])
    tokens = {row: clean_values[row].split() for row in rows}
    readable = [row for row in rows if len(tokens[row]) >= _MIN_WORDS and _word_count(text_values[row]) <= _MAX_WORDS]
    if len(readable) >= n:
        rows = readable
    matrix = _tfidf([tokens[row] for row in rows])
    if matrix is None:
        return _result(_pick(texts, index, rows[:n]), [np.nan] * min(n, len(rows)))
    centre = np.asarray(matrix.mean(axis=0))
    centre /= np.linalg.norm(centre) or 1.0
    relevance = np.asarray(matrix @ centre.T).ravel()
    chosen: list[int] = []
    max_similar = np.zeros(matrix.shape[0])
    for _ in range(min(n, matrix.shape[0])):
        score = (1 - diversity) * relevance - diversity * max_similar
        score[chosen] = -np.inf
        best = int(np.argmax(score))
        chosen.append(best)
        max_similar = np.maximum(max_similar, (matrix @ matrix[best].T).toarray().ravel())
    return _result(_pick(texts, index, [rows[i] for i in chosen]), relevance[chosen].tolist())


def _pick(texts: pd.Series, index: pd.Index, rows: list[int]) -> pd.Series:
    return pd.Series(texts.to_numpy(dtype=object)[rows], index=index[rows], dtype=object, name=texts.name)


def _tfidf(documents: list[list[str]]) -> sp.csr_matrix | None:
    """The rows of ``TfidfVectorizer(token_pattern=r"\\S+", lowercase=False, sublinear_tf=True)``
    fitted on ``documents`` (already split into words): smooth idf, 1 + log tf, rows of unit length;
    ``None`` when there is no word. Built directly: the vectorizer's validation took longer than the
    counting on the small groups a report quotes."""
    vocabulary: dict[str, int] = {}
    indptr, indices, values = [0], [], []
    for words in documents:
        counts = Counter(words)
        for word, count in counts.items():
            indices.append(vocabulary.setdefault(word, len(vocabulary)))
            values.append(count)
        indptr.append(len(indices))
    if not vocabulary:
        return None
    matrix = sp.csr_matrix((np.log(np.asarray(values, dtype=np.float64)) + 1.0, indices, indptr),
                           shape=(len(documents), len(vocabulary)))
    document_frequency = np.bincount(matrix.indices, minlength=len(vocabulary))
    idf = np.log((1 + len(documents)) / (1 + document_frequency)) + 1.0
    matrix = matrix @ sp.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sp.csr_matrix(sp.diags(1.0 / np.where(norms == 0, 1.0, norms)) @ matrix)


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
