"""A trainable single-label text classifier: the engine of sentiment, suggestion and non-answer models.

:class:`TextClassifier` is :class:`~umpanbalik.features.TextFeatures` followed by a logistic
regression. Subclasses fix the label scheme and the answer for empty comments; the shipped,
pretrained instances load through :func:`umpanbalik.io.load`.
"""
from __future__ import annotations

import warnings

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

import numpy as np
import scipy.sparse as sp
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from ._validation import as_column, as_text_list, as_training_texts
from .features import TextFeatures, features_and_views, fit_features_and_views, fit_transform_features, unwrap_features

__all__ = ["TextClassifier", "linear_classifier", "length_columns"]


def check_labels(y: Any, n: int, allowed: Sequence[Any] | None, name: str = "y", parameter: str = "labels") -> np.ndarray:
    """Labels as an array of length ``n``; values outside ``allowed`` raise an error naming them and
    the estimator's ``parameter`` that sets the allowed labels."""
    labels = np.asarray(as_column(y, name=name, items="labels", column="the label column, e.g. df['sentimen']"),
                        dtype=object)
    if labels.ndim != 1:  # rows of several values (a list of lists) make a table, not labels
        raise ValueError(f"`{name}` must hold one label per comment, but its rows hold several values (shape {labels.shape}).")
    if len(labels) != n:
        raise ValueError(f"`{name}` has {len(labels)} labels but there are {n} comments; they must match.")
    missing = np.flatnonzero(pd.isna(labels))  # a missing label is not a class ("nan") to learn
    if len(missing):
        rows = ", ".join(map(str, missing[:10].tolist())) + (" …" if len(missing) > 10 else "")
        raise ValueError(f"`{name}` has {len(missing)} missing labels (None/NaN), at positions {rows}; label those "
                         f"comments or leave them out of the training data.")
    if allowed is not None:
        bad = sorted({repr(v) for v in labels if v not in allowed})
        if bad:
            encoded = all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in labels) and not any(
                isinstance(a, (int, np.integer)) for a in allowed)
            raise ValueError(
                f"`{name}` holds labels outside the scheme: {', '.join(bad[:10])}. Allowed: "
                f"{', '.join(map(repr, allowed))}. Map your labels first, or pass {parameter}=None to accept any "
                f"(or {parameter}=[your labels])."
                + (f" Labels 0, 1, 2 … are what cross_val_predict(..., method='predict_proba' or 'decision_function') "
                   f"passes after encoding yours: for that, set {parameter}=None." if encoded else "")
            )
    return np.asarray(labels.tolist())  # a concrete dtype (bool, str) that scikit-learn recognises


def check_sample_weight(sample_weight: Any, n: int) -> np.ndarray | None:
    """``sample_weight`` as a float array of length ``n`` (``None`` stays ``None``)."""
    if sample_weight is None:
        return None
    if isinstance(sample_weight, str):
        raise ValueError("`sample_weight` must hold one number per comment, not a string.")
    weights = np.asarray(list(sample_weight) if not np.isscalar(sample_weight) else [sample_weight] * n, dtype=float)
    if weights.shape != (n,):
        raise ValueError(f"`sample_weight` has {weights.size} values but there are {n} comments; they must match.")
    if not np.all(np.isfinite(weights)) or np.any(weights < 0):
        raise ValueError("`sample_weight` must hold finite, non-negative numbers.")
    return weights


def linear_classifier(labels: np.ndarray, *, C: float, class_weight: Any, max_iter: int, random_state: int) -> LogisticRegression:
    """The logistic regression every comment model uses, unfitted, for the classes in ``labels``.

    The solver suits sparse text with ~10^5 features: liblinear for two classes, newton-cg (the
    multinomial model, as L-BFGS fits it) for more. On the bundled corpus a mention model fits 8x
    and the sentiment model 8x faster than with L-BFGS, at the same F1 (the project's training benchmark).
    """
    solver = "liblinear" if len(np.unique(labels)) <= 2 else "newton-cg"
    return LogisticRegression(C=C, class_weight=class_weight, solver=solver, max_iter=max_iter, random_state=random_state)


def check_length_bins(bins: Any) -> tuple[int, ...] | None:
    """``length_bins`` as a tuple of increasing positive integers (``None`` stays ``None``)."""
    if bins is None:
        return None
    example = "a list of increasing word counts such as [1, 2, 3, 4, 6, 10], or None to leave length out"
    if not isinstance(bins, (list, tuple, np.ndarray)):
        raise ValueError(f"`length_bins` must be {example}; got {type(bins).__name__} {bins!r}.")
    edges = list(bins)
    if not edges or not all(isinstance(e, (int, np.integer)) and not isinstance(e, bool) and e >= 1 for e in edges) or any(
            b <= a for a, b in zip(edges, edges[1:])):
        raise ValueError(f"`length_bins` must be {example} (whole numbers of at least 1); got {bins!r}.")
    return tuple(int(e) for e in edges)


def length_columns(cleaned: Sequence[str], edges: Sequence[int], dtype: Any = np.float64) -> sp.csr_matrix:
    """One-hot columns of each comment's length: its number of distinct preprocessed tokens (a word
    repeated, "ok ok ok" or a row of emoji, counts once), in the bins that start at ``edges`` (the
    last bin is open). A comment shorter than ``edges[0]`` has no column set.

    TF-IDF rows have unit length, so a linear model on them cannot tell "tidak ada" from a long
    comment that mentions the same words; these columns let it.

    Examples
    --------
    >>> length_columns(["cukup", "tidak_ada saran", "materi bagus waktu kurang", "", "oke oke oke"],
    ...                [1, 2, 4]).toarray().tolist()
    [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0]]
    """
    counts = np.fromiter((len(set(text.split())) for text in cleaned), dtype=np.int64, count=len(cleaned))
    which = np.searchsorted(np.asarray(edges), counts, side="right") - 1
    rows = np.flatnonzero(which >= 0)
    return sp.csr_matrix((np.ones(len(rows), dtype=dtype), (rows, which[rows])), shape=(len(cleaned), len(edges)))


def length_names(edges: Sequence[int]) -> list[str]:
    """Feature names of :func:`length_columns`: ``panjang__1``, ``panjang__4-5``, ``panjang__10+``."""
    names = []
    for low, high in zip(edges, list(edges[1:]) + [None]):
        names.append(f"panjang__{low}+" if high is None else f"panjang__{low}" if high == low + 1 else f"panjang__{low}-{high - 1}")
    return names


class TextClassifier(ClassifierMixin, BaseEstimator):
    """Comments → one label, with probabilities and an explanation of each decision.

    Parameters
    ----------
    C : float, default=10.0
        Inverse regularisation strength of the logistic regression.
    class_weight : "balanced" or None, default="balanced"
        Weigh classes inversely to their frequency (evaluation data is rarely balanced).
    features : TextFeatures, optional
        The feature extractor; ``TextFeatures()`` when omitted. ``fit`` fits a copy, unless it is
        wrapped in :class:`sklearn.frozen.FrozenEstimator`: then it is used as fitted, and shared
        with every model given the same one (as the shipped models share theirs).
    labels : sequence, optional
        The allowed labels; ``fit`` rejects others. ``None`` accepts any.
    empty_label : optional
        The answer for comments that are empty after preprocessing (``None``: let the model decide).
    max_iter : int, default=3000
    random_state : int, default=0
    length_bins : list of int, default=None
        Also give the model the comment's length (its number of distinct tokens after preprocessing,
        by the extractor's :class:`~umpanbalik.preprocessing.Preprocessor`, or the default one for an
        extractor without one), one-hot in bins starting at these counts (``[1, 2, 3, 4, 6, 10]``:
        1, 2, 3, 4–5, 6–9, 10 or more). TF-IDF rows have unit length, so without it the model cannot
        see how long a comment is. ``None``: features alone.

    Examples
    --------
    >>> clf = TextClassifier(labels=["ya", "tidak"]).fit(
    ...     ["mohon ditambah", "tolong diperbaiki", "bagus", "mantap"], ["ya", "ya", "tidak", "tidak"])
    >>> clf.predict(["mohon diperbaiki"]).tolist()
    ['ya']
    """

    _model_name: ClassVar[str | None] = None

    def __init__(
        self,
        *,
        C: float = 10.0,
        class_weight: str | None = "balanced",
        features: TextFeatures | None = None,
        labels: Sequence[Any] | None = None,
        empty_label: Any = None,
        max_iter: int = 3000,
        random_state: int = 0,
        length_bins: Sequence[int] | None = None,
    ) -> None:
        self.C = C
        self.class_weight = class_weight
        self.features = features
        self.labels = labels
        self.empty_label = empty_label
        self.max_iter = max_iter
        self.random_state = random_state
        self.length_bins = length_bins

    def fit(self, X: Iterable[str], y: Iterable[Any], sample_weight: Any = None) -> TextClassifier:
        """Learn from comments ``X`` and their labels ``y``; returns ``self``.

        ``sample_weight`` (one non-negative number per comment) weighs comments, e.g. real answers
        above written examples when both are in the training data."""
        texts = as_training_texts(X, name="X")
        labels = check_labels(y, len(texts), self.labels)
        sample_weight = check_sample_weight(sample_weight, len(texts))
        if len(set(labels.tolist())) < 2:
            raise ValueError(f"`y` needs at least two different labels to learn from; got only {set(labels.tolist())}.")
        if isinstance(self.C, bool) or not isinstance(self.C, (int, float, np.integer, np.floating)) or not self.C > 0:
            raise ValueError(f"`C` must be a positive number, e.g. 10.0; got {self.C!r}.")
        self.length_edges_ = check_length_bins(self.length_bins)
        self.features_ = clone(self.features) if self.features is not None else TextFeatures()
        if self.length_edges_ is None:
            matrix = fit_transform_features(self.features_, texts)
        else:  # the length columns need the preprocessed comments as well
            matrix, views = fit_features_and_views(self.features_, texts)
            matrix = self._model_input(matrix, views["akar"])
        self.model_ = linear_classifier(labels, C=self.C, class_weight=self.class_weight, max_iter=self.max_iter,
                                        random_state=self.random_state)
        self.model_.fit(matrix, labels, sample_weight=sample_weight)
        self.classes_ = self.model_.classes_
        if self.empty_label is not None and self.empty_label not in list(self.classes_):
            warnings.warn(f"empty_label={self.empty_label!r} is not among the labels learnt ({', '.join(map(repr, self.classes_))}): "
                          f"comments with no words get the model's guess. Pass empty_label=None to say so, or one of "
                          f"those labels.", UserWarning, stacklevel=2)
        return self

    def _matrix(self, X: Iterable[str]) -> tuple[list[str], Any, list[str]]:
        """The comments, their feature matrix and the comments as preprocessed."""
        check_is_fitted(self, "model_")
        texts = as_text_list(X, name="X")
        if not texts:  # scikit-learn's transformers refuse zero rows; an empty survey is still valid
            width = len(unwrap_features(self.features_).get_feature_names_out())
            return texts, sp.csr_matrix((0, width), dtype=np.float32), []
        matrix, views = features_and_views(self.features_, texts)
        return texts, matrix, views["akar"]

    def __setstate__(self, state: dict[str, Any]) -> None:
        # models saved before length_bins existed read features alone
        state = dict(state)
        state.setdefault("length_bins", None)
        if "model_" in state:
            state.setdefault("length_edges_", None)
        super().__setstate__(state)

    def _model_input(self, matrix: Any, cleaned: list[str]) -> Any:
        """What the logistic regression reads: the extractor's matrix, and the length columns when
        the model was fitted with ``length_bins``."""
        if self.length_edges_ is None:
            return matrix
        return sp.hstack([matrix, length_columns(cleaned, self.length_edges_, matrix.dtype)], format="csr")

    def _feature_names(self) -> np.ndarray:
        names = unwrap_features(self.features_).get_feature_names_out()
        return names if self.length_edges_ is None else np.concatenate([names, length_names(self.length_edges_)])

    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        """Class probabilities, columns in the order of ``classes_``."""
        _, matrix, cleaned = self._matrix(X)
        if matrix.shape[0] == 0:
            return np.zeros((0, len(self.classes_)))
        return self.proba_from_features(matrix, cleaned)

    def proba_from_features(self, matrix: Any, cleaned: list[str]) -> np.ndarray:
        """Probabilities from the feature matrix and the preprocessed comments (``annotate`` computes
        both once for every model that shares the extractor)."""
        proba = self.model_.predict_proba(self._model_input(matrix, cleaned))
        if self.empty_label is not None and self.empty_label in list(self.classes_):
            empty = np.fromiter((not c for c in cleaned), dtype=bool, count=len(cleaned))
            if empty.any():
                proba[empty] = 0.0
                proba[empty, list(self.classes_).index(self.empty_label)] = 1.0
        return proba

    def decision_function(self, X: Iterable[str]) -> np.ndarray:
        """Raw scores of the logistic regression (one column for two classes, as scikit-learn's)."""
        _, matrix, cleaned = self._matrix(X)  # checks that the model is fitted
        if matrix.shape[0] == 0:
            return np.zeros((0,) if len(self.classes_) == 2 else (0, len(self.classes_)))
        return self.model_.decision_function(self._model_input(matrix, cleaned))

    def predict(self, X: Iterable[str]) -> np.ndarray:
        """One label per comment; comments empty after preprocessing get ``empty_label``."""
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]

    def explain(self, text: Any, n: int = 10) -> pd.DataFrame:
        """The terms that pushed the decision for one comment, strongest first.

        Returns a DataFrame with ``fitur`` (view and term, or ``panjang__…``: the comment's length bin), ``kontribusi`` (value × weight toward the
        predicted class; positive pushes toward it) and ``kelas`` (the predicted class).
        """
        if not isinstance(text, str) and text is not None:
            raise ValueError("`explain` takes one comment (a string); for many, loop over them.")
        texts, matrix, cleaned = self._matrix([text])
        matrix = self._model_input(matrix, cleaned)
        predicted = self.predict(texts)[0]
        coef = self.model_.coef_
        if coef.shape[0] == 1:  # binary: one row of weights, toward classes_[1]
            weights = coef[0] if predicted == self.classes_[1] else -coef[0]
        else:
            weights = coef[list(self.classes_).index(predicted)]
        row = matrix.tocsr()[0]
        contributions = row.data * weights[row.indices]
        names = self._feature_names()[row.indices]
        frame = pd.DataFrame({"fitur": names, "kontribusi": contributions, "kelas": predicted})
        return frame.sort_values("kontribusi", ascending=False, key=abs).head(n).reset_index(drop=True)

    @classmethod
    def pretrained(cls) -> TextClassifier:
        """The model shipped with umpanbalik, trained on the bundled corpus (see the model card)."""
        if cls._model_name is None:
            raise TypeError(f"{cls.__name__} has no shipped model; train it with fit().")
        from .pretrained import load_pretrained

        return load_pretrained(cls._model_name)
