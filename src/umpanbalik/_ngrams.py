"""A faster ``transform`` for fitted TF-IDF vectorizers, equal to their own, and compact vocabularies.

scikit-learn's ``CountVectorizer`` analyses each document in Python, n-gram by n-gram. On 100,000
comments the character view of :class:`~umpanbalik.features.TextFeatures` alone took about 14 s.
Two observations make it cheap:

- ``char_wb`` n-grams never cross white space, so a comment's n-grams are its words' n-grams put
  together; comments share most of their words, so each distinct word is analysed once (a memo
  maps it to the column indices of its n-grams) and a comment sums its words' indices.
- word n-grams over white-space tokens (``token_pattern=r"\\S+"``, no lowercasing) are the tokens
  and the space-joined runs of tokens, looked up with one list comprehension per comment.

Counts go through the vectorizer's own fitted TF-IDF step, so the matrix is the one
``vectorizer.transform`` returns (``tests/test_features.py`` checks it). A vectorizer with any
other settings simply uses its own ``transform``.

The vocabulary (a dict of up to a hundred thousand n-grams) is what made the shipped models slow
to load with skops, which turns every dict entry into a node and audits it. :func:`pack_vocabulary`
stores it as one block of bytes (the terms in column order, one per line) instead.
"""
from __future__ import annotations

from itertools import chain, repeat
from typing import Any

import numpy as np
import scipy.sparse as sp

__all__ = ["NgramCounter", "pack_vocabulary", "unpack_vocabulary"]

_MEMO_LIMIT = 500_000  # distinct words remembered per vectorizer (bounded memory on endless typos)
_DEFAULTS = {"input": "content", "preprocessor": None, "tokenizer": None, "stop_words": None,
             "strip_accents": None, "binary": False}


def _fast_kind(vectorizer: Any) -> str | None:
    """``"char_wb"`` or ``"word"`` when the fast path reproduces ``vectorizer``, else ``None``."""
    params = vectorizer.get_params()
    if any(params[k] != v for k, v in _DEFAULTS.items()) or not hasattr(vectorizer, "_tfidf"):
        return None
    if params["analyzer"] == "char_wb" and hasattr(vectorizer, "_char_wb_ngrams"):
        return "char_wb"
    if params["analyzer"] == "word" and params["token_pattern"] == r"\S+" and not params["lowercase"]:
        return "word"
    return None


class _WordIndices(dict):
    """Memo: a word (lowercased, no white space) -> its number; the column indices of its char_wb
    n-grams are ``arena[starts[number] : starts[number] + lengths[number]]``.

    Keeping every word's indices in one array lets a block of comments gather them with NumPy.
    """

    def __init__(self, vectorizer: Any) -> None:
        super().__init__()
        self.vectorizer = vectorizer
        self.reset()

    def reset(self) -> None:
        self.clear()
        self.new: list[list[int]] = []  # indices of the words added since the arena was last built
        self.arena = np.zeros(0, dtype=np.int32)
        self.starts = np.zeros(0, dtype=np.int64)
        self.lengths = np.zeros(0, dtype=np.int64)

    def __missing__(self, word: str) -> int:
        vocabulary = self.vectorizer.vocabulary_
        # One word is its own document: _char_wb_ngrams pads it with spaces, as within a comment.
        self.new.append([vocabulary[g] for g in self.vectorizer._char_wb_ngrams(word) if g in vocabulary])
        self[word] = number = len(self)
        return number

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``arena``, ``starts`` and ``lengths``, with the words added since the last call."""
        if self.new:
            lengths = np.fromiter(map(len, self.new), dtype=np.int64, count=len(self.new))
            self.starts = np.concatenate([self.starts, len(self.arena) + np.cumsum(lengths) - lengths])
            self.lengths = np.concatenate([self.lengths, lengths])
            flat = np.fromiter(chain.from_iterable(self.new), dtype=np.int32, count=int(lengths.sum()))
            self.arena = np.concatenate([self.arena, flat])
            self.new = []
        return self.arena, self.starts, self.lengths


class NgramCounter:
    """``transform`` of one fitted ``TfidfVectorizer``, through a per-word memo where possible.

    Examples
    --------
    >>> from sklearn.feature_extraction.text import TfidfVectorizer
    >>> docs = ["materi bagus", "waktu kurang", "materi kurang bagus"]
    >>> vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)).fit(docs)
    >>> counter = NgramCounter(vectorizer)
    >>> bool((counter.transform(docs) != vectorizer.transform(docs)).nnz == 0)
    True
    """

    def __init__(self, vectorizer: Any) -> None:
        self.vectorizer = vectorizer
        self.kind = _fast_kind(vectorizer)
        self.memo = _WordIndices(vectorizer)
        self._tables: Any = None  # word n-gram codes, see _word_tables

    def transform(self, docs: list[str]) -> sp.csr_matrix:
        if self.kind is None:
            return self.vectorizer.transform(docs)
        counts = self._char_counts(docs) if self.kind == "char_wb" else self._word_counts(docs)
        return self.vectorizer._tfidf.transform(counts, copy=False)

    def _matrix(self, indices: np.ndarray, indptr: np.ndarray, n_docs: int) -> sp.csr_matrix:
        counts = sp.csr_matrix(
            (np.ones(len(indices), dtype=self.vectorizer.dtype), indices, indptr),
            shape=(n_docs, len(self.vectorizer.vocabulary_)),
        )
        counts.sum_duplicates()  # sums repeated n-grams and sorts the indices, as CountVectorizer does
        return counts

    def _char_counts(self, docs: list[str]) -> sp.csr_matrix:
        if len(self.memo) >= _MEMO_LIMIT:  # bounded memory on endless streams of typos
            self.memo.reset()
        split = [doc.lower().split() for doc in docs] if self.vectorizer.lowercase else [doc.split() for doc in docs]
        n_words = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
        # the words' numbers, looked up at C speed (new words go to __missing__)
        numbers = np.fromiter(map(self.memo.__getitem__, chain.from_iterable(split)), dtype=np.int64,
                              count=int(n_words.sum()))
        arena, starts, lengths = self.memo.arrays()
        counts, first = lengths[numbers], starts[numbers]
        word_ends = np.cumsum(counts)
        # position in the arena of every n-gram of every word occurrence, in order
        positions = np.repeat(first - (word_ends - counts), counts) + np.arange(word_ends[-1] if len(word_ends) else 0)
        indptr = np.concatenate([[0], np.concatenate([[0], word_ends])[np.cumsum(n_words)]]).astype(np.int64)
        return self._matrix(arena[positions], indptr, len(docs))

    def _word_counts(self, docs: list[str]) -> sp.csr_matrix:
        tables = self._word_tables()
        if tables is None:
            return self._word_counts_looped(docs)
        token_ids, size, by_length = tables
        split = [doc.split() for doc in docs]
        n_tokens = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
        total = int(n_tokens.sum())
        # every token's number among the vocabulary's tokens (-1: in no term), looked up at C speed
        ids = np.fromiter(map(token_ids.get, chain.from_iterable(split), repeat(-1)), dtype=np.int64, count=total)
        doc_of = np.repeat(np.arange(len(docs), dtype=np.int64), n_tokens)
        doc_end = np.cumsum(n_tokens)[doc_of] if total else np.zeros(0, dtype=np.int64)  # per token
        rows, columns = [], []
        for n, (codes, term_columns) in by_length.items():
            start = np.flatnonzero(np.arange(total) + n <= doc_end)  # n-grams that stay inside their comment
            code, known = ids[start], ids[start] >= 0
            for k in range(1, n):
                following = ids[start + k]
                code, known = code * size + following, known & (following >= 0)
            where = np.minimum(np.searchsorted(codes, code), max(len(codes) - 1, 0))
            hit = known & (codes[where] == code) if len(codes) else np.zeros(len(code), dtype=bool)
            rows.append(doc_of[start[hit]])
            columns.append(term_columns[where[hit]])
        return self._counted(np.concatenate(rows or [np.zeros(0, np.int64)]),
                             np.concatenate(columns or [np.zeros(0, np.int64)]), len(docs))

    def _counted(self, rows: np.ndarray, columns: np.ndarray, n_docs: int) -> sp.csr_matrix:
        """The count matrix of (row, column) occurrences, in any order: sorted and summed, as
        ``_matrix`` (and CountVectorizer) gives it."""
        width = len(self.vectorizer.vocabulary_)
        keys, counts = np.unique(rows * width + columns, return_counts=True)
        indptr = np.searchsorted(keys, np.arange(n_docs + 1, dtype=np.int64) * width)
        counts = sp.csr_matrix(
            (counts.astype(self.vectorizer.dtype), (keys % width).astype(np.int32), indptr.astype(np.int64)),
            shape=(n_docs, width),
        )
        counts.sum_duplicates()  # canonical already; keeps the flag CountVectorizer's matrix has
        return counts

    def _word_tables(self) -> tuple[dict[str, int], int, dict[int, tuple[np.ndarray, np.ndarray]]] | None:
        """Each n-gram of the vocabulary as one integer (its tokens' numbers in base ``size``), per
        n and sorted, with its column; built on first use. ``None`` when the codes would overflow."""
        if self.__dict__.get("_tables") is None:
            vocabulary = self.vectorizer.vocabulary_
            token_ids: dict[str, int] = {}
            for term in vocabulary:
                for token in term.split(" "):
                    token_ids.setdefault(token, len(token_ids))
            size = max(len(token_ids), 1)
            low, high = self.vectorizer.ngram_range
            if size ** high >= 2**62:
                self._tables = False
            else:
                grouped: dict[int, tuple[list[int], list[int]]] = {n: ([], []) for n in range(low, high + 1)}
                for term, column in vocabulary.items():
                    tokens = term.split(" ")
                    code = 0
                    for token in tokens:
                        code = code * size + token_ids[token]
                    if len(tokens) in grouped:
                        grouped[len(tokens)][0].append(code)
                        grouped[len(tokens)][1].append(column)
                by_length = {}
                for n, (codes, columns) in grouped.items():
                    order = np.argsort(np.asarray(codes, dtype=np.int64), kind="stable")
                    by_length[n] = (np.asarray(codes, dtype=np.int64)[order], np.asarray(columns, dtype=np.int64)[order])
                self._tables = (token_ids, size, by_length)
        return self._tables or None

    def _word_counts_looped(self, docs: list[str]) -> sp.csr_matrix:
        get = self.vectorizer.vocabulary_.get
        low, high = self.vectorizer.ngram_range
        flat: list[int] = []  # column per n-gram, -1 when out of the vocabulary
        indptr = [0]
        for doc in docs:
            tokens = doc.split()
            missing = repeat(-1)
            for n in range(low, min(high, len(tokens)) + 1):
                grams = tokens if n == 1 else map(" ".join, zip(*[tokens[i:] for i in range(n)]))
                flat.extend(map(get, grams, missing))
            indptr.append(len(flat))
        found = np.asarray(flat, dtype=np.int64)
        keep = found >= 0
        kept_before = np.concatenate([[0], np.cumsum(keep)])  # row pointers once the -1 are dropped
        return self._matrix(found[keep].astype(np.int32), kept_before[np.asarray(indptr)].astype(np.int64), len(docs))


def pack_vocabulary(vocabulary: dict[str, int]) -> bytes | None:
    """The terms in column order, one per line, UTF-8; ``None`` when that cannot represent it."""
    terms = [""] * len(vocabulary)
    for term, index in vocabulary.items():
        if not 0 <= index < len(terms) or terms[index] or "\n" in term or not term:
            return None
        terms[index] = term
    return "\n".join(terms).encode("utf-8")


def unpack_vocabulary(packed: bytes) -> dict[str, int]:
    """The inverse of :func:`pack_vocabulary`."""
    terms = packed.decode("utf-8").split("\n") if packed else []
    return dict(zip(terms, range(len(terms))))
