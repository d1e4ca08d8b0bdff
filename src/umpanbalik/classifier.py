"""A trainable single-label text classifier: the engine of sentiment, suggestion and non-answer models.

:class:`TextClassifier` is :class:`~umpanbalik.features.TextFeatures` followed by a logistic
regression. Subclasses fix the label scheme and the answer for empty comments; the shipped,
pretrained instances load through :func:`umpanbalik.io.load`.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

import numpy as np
import scipy.sparse as sp
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from ._validation import as_text_list
from .features import TextFeatures, features_and_views, fit_transform_features, unwrap_features
from .preprocessing import Preprocessor

__all__ = ["TextClassifier", "linear_classifier"]


def check_labels(y: Any, n: int, allowed: Sequence[Any] | None, name: str = "y", parameter: str = "labels") -> np.ndarray:
    """Labels as an array of length ``n``; values outside ``allowed`` raise an error naming them and
    the estimator's ``parameter`` that sets the allowed labels."""
    if isinstance(y, str):
        raise ValueError(f"`{name}` must hold one label per comment, not a single string; got {y!r}.")
    labels = np.asarray(list(y), dtype=object)
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
            raise ValueError(
                f"`{name}` holds labels outside the scheme: {', '.join(bad[:10])}. Allowed: "
                f"{', '.join(map(repr, allowed))}. Map your labels first, or pass {parameter}=None to accept any "
                f"(or {parameter}=[your labels])."
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
    ) -> None:
        self.C = C
        self.class_weight = class_weight
        self.features = features
        self.labels = labels
        self.empty_label = empty_label
        self.max_iter = max_iter
        self.random_state = random_state

    def fit(self, X: Iterable[str], y: Iterable[Any], sample_weight: Any = None) -> TextClassifier:
        """Learn from comments ``X`` and their labels ``y``; returns ``self``.

        ``sample_weight`` (one non-negative number per comment) weighs comments, e.g. real answers
        above written examples when both are in the training data."""
        texts = as_text_list(X, name="X")
        labels = check_labels(y, len(texts), self.labels)
        sample_weight = check_sample_weight(sample_weight, len(texts))
        if len(set(labels.tolist())) < 2:
            raise ValueError(f"`y` needs at least two different labels to learn from; got only {set(labels.tolist())}.")
        if self.C <= 0:
            raise ValueError(f"`C` must be a positive number; got {self.C!r}.")
        self.features_ = clone(self.features) if self.features is not None else TextFeatures()
        matrix = fit_transform_features(self.features_, texts)
        self.model_ = linear_classifier(labels, C=self.C, class_weight=self.class_weight, max_iter=self.max_iter,
                                        random_state=self.random_state)
        self.model_.fit(matrix, labels, sample_weight=sample_weight)
        self.classes_ = self.model_.classes_
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

    def _preprocessor(self) -> Preprocessor:
        pre = self.features_.preprocessor
        return pre if pre is not None else Preprocessor()

    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        """Class probabilities, columns in the order of ``classes_``."""
        _, matrix, cleaned = self._matrix(X)
        if matrix.shape[0] == 0:
            return np.zeros((0, len(self.classes_)))
        return self.proba_from_features(matrix, cleaned)

    def proba_from_features(self, matrix: Any, cleaned: list[str]) -> np.ndarray:
        """Probabilities from the feature matrix and the preprocessed comments (``annotate`` computes
        both once for every model that shares the extractor)."""
        proba = self.model_.predict_proba(matrix)
        if self.empty_label is not None and self.empty_label in list(self.classes_):
            empty = np.fromiter((not c for c in cleaned), dtype=bool, count=len(cleaned))
            if empty.any():
                proba[empty] = 0.0
                proba[empty, list(self.classes_).index(self.empty_label)] = 1.0
        return proba

    def decision_function(self, X: Iterable[str]) -> np.ndarray:
        """Raw scores of the logistic regression (one column for two classes, as scikit-learn's)."""
        _, matrix, _ = self._matrix(X)  # checks that the model is fitted
        if matrix.shape[0] == 0:
            return np.zeros((0,) if len(self.classes_) == 2 else (0, len(self.classes_)))
        return self.model_.decision_function(matrix)

    def predict(self, X: Iterable[str]) -> np.ndarray:
        """One label per comment; comments empty after preprocessing get ``empty_label``."""
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]

    def explain(self, text: Any, n: int = 10) -> pd.DataFrame:
        """The terms that pushed the decision for one comment, strongest first.

        Returns a DataFrame with ``fitur`` (view and term), ``kontribusi`` (value × weight toward the
        predicted class; positive pushes toward it) and ``kelas`` (the predicted class).
        """
        if not isinstance(text, str) and text is not None:
            raise ValueError("`explain` takes one comment (a string); for many, loop over them.")
        texts, matrix, _ = self._matrix([text])
        predicted = self.predict(texts)[0]
        coef = self.model_.coef_
        if coef.shape[0] == 1:  # binary: one row of weights, toward classes_[1]
            weights = coef[0] if predicted == self.classes_[1] else -coef[0]
        else:
            weights = coef[list(self.classes_).index(predicted)]
        row = matrix.tocsr()[0]
        contributions = row.data * weights[row.indices]
        names = unwrap_features(self.features_).get_feature_names_out()[row.indices]
        frame = pd.DataFrame({"fitur": names, "kontribusi": contributions, "kelas": predicted})
        return frame.sort_values("kontribusi", ascending=False, key=abs).head(n).reset_index(drop=True)

    @classmethod
    def pretrained(cls) -> TextClassifier:
        """The model shipped with umpanbalik, trained on the bundled corpus (see the model card)."""
        if cls._model_name is None:
            raise TypeError(f"{cls.__name__} has no shipped model; train it with fit().")
        from .pretrained import load_pretrained

        return load_pretrained(cls._model_name)
