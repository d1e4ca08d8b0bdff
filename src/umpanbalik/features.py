"""Feature extraction shared by every trained component.

:class:`TextFeatures` turns comments into one sparse matrix that combines four views, each measured
to help on Indonesian feedback (by the project's model benchmark):

- ``akar``: TF-IDF of word n-grams over stems, negation joined (``tidak_jelas``);
- ``kata``: TF-IDF of word n-grams over unstemmed words (stemming merges ``menarik`` with
  ``tarik``; the surface form keeps them apart);
- ``huruf``: TF-IDF of character n-grams within word boundaries of the normalised text, robust to
  typos and unseen slang; emoji stay symbols here (the word views read 👍 as ``bagus``), so that
  "bagus 👍" and a row of thumbs do not look alike to every view;
- ``leksikon``: counts of positive and negative words from the team's polarity lexicon, with the
  polarity flipped under negation (``tidak_bagus`` counts as negative).
"""
from __future__ import annotations

import copy
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.frozen import FrozenEstimator
from sklearn.utils.validation import check_is_fitted

from ._ngrams import NgramCounter, pack_vocabulary, unpack_vocabulary
from ._validation import as_text_list
from .lexicon import DEFAULT_SCOPE_WORDS, _polarity
from .normalization import normalize_text, surface_and_words
from .preprocessing import Preprocessor, same_preprocessing
from .tokens import INTENSIFYING, JOINED_INTENSIFIERS

__all__ = ["TextFeatures", "lexicon_scores", "fit_transform_features", "fit_features_and_views", "unwrap_features",
           "features_and_views", "own_preprocessor", "preprocessor_of"]

#: The character view reads at most this many characters of a word (in ``fit`` and ``transform``
#: alike): a 100,000-character run without spaces (pasted binary, keyboard mashing) would otherwise
#: give 400,000 character n-grams. No word of a real comment comes near it.
MAX_CHAR_WORD = 10_000

_LEXICON_NAMES = ["leksikon__positif", "leksikon__negatif", "leksikon__positif_dinegasi", "leksikon__negatif_dinegasi"]


def _cap_words(docs: list[str]) -> list[str]:
    """``docs`` with every word cut to :data:`MAX_CHAR_WORD` characters (char_wb n-grams never cross
    white space, so the other words' n-grams stay the same)."""
    if all(len(doc) <= MAX_CHAR_WORD for doc in docs):
        return docs
    return [doc if len(doc) <= MAX_CHAR_WORD else " ".join(word[:MAX_CHAR_WORD] for word in doc.split()) for doc in docs]


#: The scope words that negate the word they join: "tidak_bagus" counts as negated praise. "terlalu"
#: (excess), "jangan" (a prohibition) and the intensifiers join a word without reversing it:
#: "terlalu_singkat" and "jangan_molor" are complaints, and counted as negated complaints they had
#: taught the models that a negated complaint is a complaint ("tidak buruk" was negatif).
NEGATING_SCOPE_WORDS = frozenset({"tidak", "tak", "bukan", "belum", "kurang", "tanpa", "kurangnya"})
#: The first part of a joined chain, as the stems read ("benar-benar" is "benar": "benar_bagus").
_SCOPE_HEADS = DEFAULT_SCOPE_WORDS | JOINED_INTENSIFIERS


def lexicon_scores(stemmed: Iterable[str]) -> np.ndarray:
    """Weighted counts of distinct lexicon words per comment: positive, negative, negated positive,
    negated negative.

    ``stemmed`` holds preprocessed comments (space-separated stems, negation joined). A word joined to
    a negator anywhere in its chain (:data:`NEGATING_SCOPE_WORDS`; "tidak_terlalu_jelas") is negated;
    one joined only to "terlalu", "jangan" or an intensifier keeps its polarity ("sangat_buruk").

    Examples
    --------
    >>> lexicon_scores(["materi bagus", "tidak_bagus", "bagus bagus bagus", "terlalu_lambat"]).tolist()
    [[2.0, 0.0, 0.0, 0.0], [0.0, 0.0, 2.0, 0.0], [2.0, 0.0, 0.0, 0.0], [0.0, 2.0, 0.0, 0.0]]
    """
    table = _polarity()
    rows = []
    for text in stemmed:
        row = [0.0, 0.0, 0.0, 0.0]
        # each distinct word counts once: "mantap mantap mantap …" (or 30 thumbs-up emoji, read as
        # "bagus") is no stronger evidence than one, and must not outweigh every other feature
        for token in dict.fromkeys(text.split()):
            parts = token.split("_")
            chained = len(parts) > 1 and parts[0] in _SCOPE_HEADS
            negated = chained and not NEGATING_SCOPE_WORDS.isdisjoint(parts[:-1])
            word = parts[-1] if chained else token
            entry = table.get(word)
            if entry is not None:
                polarity, weight = entry
                row[(2 if negated else 0) + (polarity != "positif")] += weight
        rows.append(row)
    return np.asarray(rows, dtype=float).reshape(-1, 4)


def char_view_text(text: str) -> str:
    """The text the character view reads: normalised, emoji and emoticons kept as symbols, without
    intensifiers (as the word views, whose stopwords they are)."""
    return without_intensifiers(normalize_text(text, emoji=False))


def without_intensifiers(surface: str) -> str:
    """``surface`` (normalised text) without intensifiers ("sangat", "bgt" …; the word views join them
    to the next word or drop them): their letters would tell the character view that "sangat" mostly
    comes with praise.

    >>> without_intensifiers("sangat buruk bgt, sanget lemot")
    ' buruk , lemot'
    """
    return _intensifier_pattern().sub("", surface)


@lru_cache(maxsize=None)
def _intensifier_pattern() -> Any:
    """The intensifiers (before their word, and "sekali" after it) and every slang form of them ("bgt",
    "sanget"), as whole words."""
    import re

    from .lexicon import _slang

    words = INTENSIFYING | {"sekali"}
    forms = sorted(words | {form for form, word in _slang().items() if word in words}, key=len, reverse=True)
    alternatives = "|".join(map(re.escape, forms))  # also doubled: "sangat2", "sangat-sangat"
    return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?:2|-(?:" + alternatives + r"))?(?![\w-])")


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

    def views(self, texts: list[str], akar: list[str] | None = None) -> dict[str, list[str]]:
        """The text of each view; ``akar``, when given, is ``texts`` preprocessed already."""
        pre = self.preprocessor if self.preprocessor is not None else Preprocessor()
        if not isinstance(pre, Preprocessor) or pre.n_jobs not in (None, 0, 1):  # e.g. its worker processes
            views = {"akar": pre.transform(texts) if akar is None else akar}
            if self.use_words:
                views["kata"] = clone(pre).set_params(stem=False).transform(texts)
            if self.char_ngram_range is not None:
                views["huruf"] = [char_view_text(t) for t in texts]
            return views
        # Each comment is normalised once for all three views (the preprocessor normalises first, too):
        # the character view reads emoji as symbols, the word views as words (see surface_and_words).
        surfaces, normalized = zip(*map(surface_and_words, texts)) if texts else ((), ())
        own = list(normalized) if pre.normalizes_by_default() else [pre.normalize(t) if t else "" for t in texts]
        views = {"akar": pre.transform_normalized(texts, own) if akar is None else akar}
        if self.use_words:
            views["kata"] = clone(pre).set_params(stem=False).transform_normalized(texts, own)
        if self.char_ngram_range is not None:
            views["huruf"] = list(map(without_intensifiers, surfaces))
        return views

    def fit(self, X: Iterable[str], y: Any = None) -> TextFeatures:
        """Learn the vocabularies of every view."""
        self._fit_transform(as_text_list(X, name="X"))
        return self

    def fit_transform(self, X: Iterable[str], y: Any = None, **params: Any) -> sp.csr_matrix:
        return self._fit_transform(as_text_list(X, name="X"))

    def fit_transform_with_views(self, texts: list[str]) -> tuple[sp.csr_matrix, dict[str, list[str]]]:
        """:meth:`fit_transform`, also returning the texts of each view (as :meth:`transform_with_views`)."""
        views = self.views(texts)
        return self._fit_transform(texts, views), views

    def _fit_transform(self, texts: list[str], views: dict[str, list[str]] | None = None) -> sp.csr_matrix:
        views = self.views(texts) if views is None else views
        self._forget()
        self.vectorizers_ = {}
        blocks = []
        for name, docs in views.items():
            vectorizer = self._vectorizer(name)
            try:
                blocks.append(vectorizer.fit_transform(_cap_words(docs) if name == "huruf" else docs))
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
        return self.transform_with_views(as_text_list(X, name="X"))[0]

    def transform_with_views(self, texts: list[str]) -> tuple[sp.csr_matrix, dict[str, list[str]]]:
        """The feature matrix and the texts of each view (``akar`` holds the preprocessed comments).

        For callers that need the preprocessed comments as well (the aspect tagger, ``annotate``):
        they are computed once.
        """
        check_is_fitted(self, "vectorizers_")
        views = self.views(texts)
        return self.from_views(views, len(texts)), views

    def from_views(self, views: dict[str, list[str]], n: int) -> sp.csr_matrix:
        """The feature matrix of ``n`` comments from their views (as :meth:`views` returns them)."""
        counters = self._counters()
        blocks = []
        for name, vectorizer in self.vectorizers_.items():
            if vectorizer is None:
                blocks.append(sp.csr_matrix((n, 0)))
            else:
                docs = views[name]
                blocks.append(counters[name].transform(_cap_words(docs) if name == "huruf" else docs))
        if self.use_lexicon:
            blocks.append(sp.csr_matrix(lexicon_scores(views["akar"])))
        return sp.hstack(blocks, format="csr")

    def reads_views_of(self, other: Any) -> bool:
        """Whether the views ``other`` computes are the ones this extractor reads (same preprocessing)."""
        same = same_preprocessing(self.preprocessor, getattr(other, "preprocessor", None))
        needed = set(getattr(self, "vectorizers_", {})) | {"akar"}
        offered = {"akar"} | ({"kata"} if getattr(other, "use_words", False) else set()) | (
            {"huruf"} if getattr(other, "char_ngram_range", None) is not None else set())
        return same and needed <= offered

    def _counters(self) -> dict[str, NgramCounter]:
        # Built on first use and kept with their word memos; never saved (see __getstate__).
        counters = self.__dict__.get("_counters_cache")
        if counters is None:
            counters = {name: NgramCounter(v) for name, v in self.vectorizers_.items() if v is not None}
            self.__dict__["_counters_cache"] = counters
        return counters

    def _forget(self) -> None:
        """Drop what was derived from the fitted vectorizers (on refit)."""
        self.__dict__.pop("_counters_cache", None)
        self.__dict__.pop("_names_cache", None)

    def __getstate__(self) -> dict[str, Any]:
        # skops turns every dict entry into a node and audits it: with ~90,000 n-grams per model the
        # shipped models took 17 s to load. Each vocabulary is saved as one block of bytes instead.
        state = dict(super().__getstate__())
        state.pop("_counters_cache", None)
        state.pop("_names_cache", None)
        vectorizers = state.get("vectorizers_")
        if vectorizers:
            packed, compact = {}, {}
            for name, vectorizer in vectorizers.items():
                blob = pack_vocabulary(vectorizer.vocabulary_) if vectorizer is not None else None
                if blob is None:
                    compact[name] = vectorizer
                    continue
                slim = copy.copy(vectorizer)
                del slim.vocabulary_
                compact[name], packed[name] = slim, blob
            state["vectorizers_"], state["_packed_vocabularies"] = compact, packed
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        packed = state.pop("_packed_vocabularies", {})
        super().__setstate__(state)
        for name, blob in packed.items():
            self.vectorizers_[name].vocabulary_ = unpack_vocabulary(blob)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Feature names prefixed by their view: ``akar__tidak_jelas``, ``huruf__ jel``, ``leksikon__positif``."""
        check_is_fitted(self, "vectorizers_")
        cached = self.__dict__.get("_names_cache")
        if cached is None:
            names: list[str] = []
            for view, vectorizer in self.vectorizers_.items():
                if vectorizer is not None:
                    names.extend(f"{view}__{term}" for term in vectorizer.get_feature_names_out())
            if self.use_lexicon:
                names.extend(_LEXICON_NAMES)
            cached = self.__dict__["_names_cache"] = np.asarray(names, dtype=object)
        return cached.copy()


def unwrap_features(features: Any) -> Any:
    """The extractor inside a :class:`~sklearn.frozen.FrozenEstimator`, else ``features`` itself."""
    return features.estimator if isinstance(features, FrozenEstimator) else features


def fit_transform_features(features: Any, texts: list[str]) -> sp.csr_matrix:
    """Fit ``features`` on ``texts`` and return their matrix; a frozen extractor only transforms.

    Models take ``features=FrozenEstimator(fitted)`` to share one fitted extractor, as the shipped
    models do, so that ``annotate`` computes the features of a comment once for all of them.
    """
    if isinstance(features, FrozenEstimator):
        return features.transform(texts)
    return features.fit_transform(texts)


def fit_features_and_views(features: Any, texts: list[str]) -> tuple[sp.csr_matrix, dict[str, list[str]]]:
    """:func:`fit_transform_features` and the views of ``texts`` (as :func:`features_and_views`),
    preprocessing them once when ``features`` is a :class:`TextFeatures` to fit."""
    if isinstance(features, FrozenEstimator):
        return features_and_views(features, texts)
    if isinstance(features, TextFeatures):
        return features.fit_transform_with_views(texts)
    return features.fit_transform(texts), {"akar": preprocessor_of(features).transform(texts)}


def own_preprocessor(features: Any) -> Preprocessor | None:
    """The extractor's own :class:`Preprocessor`, or ``None`` when it has none (a scikit-learn
    vectorizer's ``preprocessor`` is a function, not ours); a frozen extractor is unwrapped."""
    pre = getattr(unwrap_features(features), "preprocessor", None)
    return pre if isinstance(pre, Preprocessor) else None


def preprocessor_of(features: Any) -> Preprocessor:
    """The preprocessing an extractor applies: :func:`own_preprocessor`, else the default one."""
    pre = own_preprocessor(features)
    return pre if pre is not None else Preprocessor()


def features_and_views(features: Any, texts: list[str]) -> tuple[sp.csr_matrix, dict[str, list[str]]]:
    """The matrix of a fitted extractor and its views (``akar``: the preprocessed comments).

    Any other extractor with ``transform`` gives ``akar`` only: the texts as its ``preprocessor``
    makes them when that is a :class:`Preprocessor`, else as the default :class:`Preprocessor` does.
    """
    features = unwrap_features(features)
    if isinstance(features, TextFeatures):
        return features.transform_with_views(texts)
    return features.transform(texts), {"akar": preprocessor_of(features).transform(texts)}
