"""Feature extraction shared by every trained component.

:class:`TextFeatures` turns comments into one sparse matrix that combines four views, each measured
to help on Indonesian feedback (see ``benchmarks/bench_models.py``):

- ``akar``: TF-IDF of word n-grams over stems, negation joined (``tidak_jelas``);
- ``kata``: TF-IDF of word n-grams over unstemmed words (stemming merges ``menarik`` with
  ``tarik``; the surface form keeps them apart);
- ``huruf``: TF-IDF of character n-grams within word boundaries of the normalised text, robust to
  typos and unseen slang;
- ``leksikon``: counts of positive and negative words from the team's polarity lexicon, with the
  polarity flipped under negation (``tidak_bagus`` counts as negative).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from ._validation import as_text_list
from .lexicon import DEFAULT_SCOPE_WORDS, _polarity
from .normalization import normalize_text
from .preprocessing import Preprocessor

__all__ = ["TextFeatures", "lexicon_scores"]

_LEXICON_NAMES = ["leksikon__positif", "leksikon__negatif", "leksikon__positif_dinegasi", "leksikon__negatif_dinegasi"]


def lexicon_scores(stemmed: Iterable[str]) -> np.ndarray:
    """Weighted counts of lexicon words per comment: positive, negative, negated positive, negated negative.

    ``stemmed`` holds preprocessed comments (space-separated stems, negation joined).

    Examples
    --------
    >>> lexicon_scores(["materi bagus", "tidak_bagus"]).tolist()
    [[2.0, 0.0, 0.0, 0.0], [0.0, 0.0, 2.0, 0.0]]
    """
    table = _polarity()
    rows = []
    for text in stemmed:
        row = [0.0, 0.0, 0.0, 0.0]
        for token in text.split():
            negated = "_" in token and token.split("_", 1)[0] in DEFAULT_SCOPE_WORDS
            word = token.rsplit("_", 1)[-1] if negated else token
            entry = table.get(word)
            if entry is not None:
                polarity, weight = entry
                row[(2 if negated else 0) + (polarity != "positif")] += weight
        rows.append(row)
    return np.asarray(rows, dtype=float).reshape(-1, 4)


class TextFeatures(TransformerMixin, BaseEstimator):
    """Stem, word, character and lexicon features of comments in one sparse matrix.

    Parameters
    ----------
    word_ngram_range : tuple of int, default=(1, 2)
        N-gram range of the stem and word views.
    char_ngram_range : tuple of int, default=(2, 5)
        N-gram range of the character view; ``None`` drops the view.
    use_words : bool, default=True
        Include the unstemmed word view.
    use_lexicon : bool, default=True
        Include the polarity lexicon counts.
    min_df : int, default=1
        Minimum document frequency of the stem and word views (characters use ``max(2, min_df)``).
    max_features : int, optional
        Vocabulary cap per view.
    preprocessor : Preprocessor, optional
        The preprocessing to use; default settings when omitted.

    Examples
    --------
    >>> features = TextFeatures(char_ngram_range=None).fit(["materi bagus", "waktu kurang"])
    >>> features.transform(["materi tidak bagus"]).shape[0]
    1
    """

    def __init__(
        self,
        *,
        word_ngram_range: tuple[int, int] = (1, 2),
        char_ngram_range: tuple[int, int] | None = (2, 5),
        use_words: bool = True,
        use_lexicon: bool = True,
        min_df: int = 1,
        max_features: int | None = None,
        preprocessor: Preprocessor | None = None,
    ) -> None:
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.use_words = use_words
        self.use_lexicon = use_lexicon
        self.min_df = min_df
        self.max_features = max_features
        self.preprocessor = preprocessor

    def _views(self, texts: list[str]) -> dict[str, list[str]]:
        pre = self.preprocessor if self.preprocessor is not None else Preprocessor()
        views = {"akar": pre.transform(texts)}
        if self.use_words:
            views["kata"] = clone(pre).set_params(stem=False).transform(texts)
        if self.char_ngram_range is not None:
            views["huruf"] = [normalize_text(t) for t in texts]
        return views

    def fit(self, X: Iterable[str], y: Any = None) -> TextFeatures:
        """Learn the vocabularies of every view."""
        self._fit_transform(as_text_list(X, name="X"))
        return self

    def fit_transform(self, X: Iterable[str], y: Any = None, **params: Any) -> sp.csr_matrix:
        return self._fit_transform(as_text_list(X, name="X"))

    def _fit_transform(self, texts: list[str]) -> sp.csr_matrix:
        views = self._views(texts)
        self.vectorizers_ = {}
        blocks = []
        for name, docs in views.items():
            vectorizer = self._vectorizer(name)
            try:
                blocks.append(vectorizer.fit_transform(docs))
            except ValueError:  # empty vocabulary: every comment empty after preprocessing
                vectorizer = None
                blocks.append(sp.csr_matrix((len(texts), 0)))
            self.vectorizers_[name] = vectorizer
        if self.use_lexicon:
            blocks.append(sp.csr_matrix(lexicon_scores(views["akar"])))
        return sp.hstack(blocks, format="csr")

    def _vectorizer(self, name: str) -> TfidfVectorizer:
        if name == "huruf":
            return TfidfVectorizer(
                analyzer="char_wb", ngram_range=tuple(self.char_ngram_range), sublinear_tf=True,
                min_df=max(2, self.min_df), max_features=self.max_features, dtype=np.float32,
            )
        return TfidfVectorizer(
            token_pattern=r"\S+", lowercase=False, ngram_range=tuple(self.word_ngram_range), sublinear_tf=True,
            min_df=self.min_df, max_features=self.max_features, dtype=np.float32,
        )

    def transform(self, X: Iterable[str]) -> sp.csr_matrix:
        """The feature matrix, one row per comment."""
        check_is_fitted(self, "vectorizers_")
        texts = as_text_list(X, name="X")
        views = self._views(texts)
        blocks = []
        for name, vectorizer in self.vectorizers_.items():
            if vectorizer is None:
                blocks.append(sp.csr_matrix((len(texts), 0)))
            else:
                blocks.append(vectorizer.transform(views[name]))
        if self.use_lexicon:
            blocks.append(sp.csr_matrix(lexicon_scores(views["akar"])))
        return sp.hstack(blocks, format="csr")

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Feature names prefixed by their view: ``akar__tidak_jelas``, ``huruf__ jel``, ``leksikon__positif``."""
        check_is_fitted(self, "vectorizers_")
        names: list[str] = []
        for view, vectorizer in self.vectorizers_.items():
            if vectorizer is not None:
                names.extend(f"{view}__{term}" for term in vectorizer.get_feature_names_out())
        if self.use_lexicon:
            names.extend(_LEXICON_NAMES)
        return np.asarray(names, dtype=object)

