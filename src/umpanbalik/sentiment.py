"""Sentiment of a comment toward the training: ``negatif``, ``netral`` or ``positif``."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .classifier import TextClassifier
from .schema import SENTIMENTS as SENTIMENT_LABELS

__all__ = ["SentimentClassifier", "SENTIMENT_LABELS"]


class SentimentClassifier(TextClassifier):
    """Overall polarity of each comment (``sentimen``: the labels of :data:`umpanbalik.schema.SENTIMENTS`).

    Stem, word and character n-grams with negation tokens and the polarity lexicon, then a
    class-balanced logistic regression. Empty comments are ``netral``. ``labels`` defaults to the
    three Indonesian labels; pass your own (or ``None``) to train on another scheme.

    Examples
    --------
    >>> texts = ["materi bagus sekali", "penjelasan jelas, terima kasih", "mantap",
    ...          "materi tidak jelas", "waktunya kurang", "membosankan",
    ...          "tidak ada", "perbanyak latihan", "-"]
    >>> labels = ["positif"] * 3 + ["negatif"] * 3 + ["netral"] * 3
    >>> clf = SentimentClassifier().fit(texts, labels)
    >>> clf.predict(["materinya tidak jelas", None]).tolist()
    ['negatif', 'netral']
    """

    _model_name = "sentimen"

    def __init__(
        self,
        *,
        C: float = 10.0,
        class_weight: str | None = "balanced",
        features: Any = None,
        labels: Any = SENTIMENT_LABELS,
        empty_label: Any = "netral",
        max_iter: int = 3000,
        random_state: int = 0,
        length_bins: Sequence[int] | None = None,
    ) -> None:
        super().__init__(
            C=C, class_weight=class_weight, features=features, labels=labels, empty_label=empty_label,
            max_iter=max_iter, random_state=random_state, length_bins=length_bins,
        )
