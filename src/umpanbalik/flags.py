"""Two yes/no properties of a comment: does it suggest a change (``saran``), and does it carry any
usable content at all (``non_informatif``)."""
from __future__ import annotations

from typing import Any

from .classifier import TextClassifier

__all__ = ["SuggestionDetector", "NonInformativeDetector"]


class SuggestionDetector(TextClassifier):
    """``True`` when a comment contains a suggestion or request for change (mohon, sebaiknya, tolong …).

    Empty comments are ``False``.

    Examples
    --------
    >>> detector = SuggestionDetector().fit(
    ...     ["mohon ditambah waktunya", "sebaiknya ada praktik", "materi bagus", "terima kasih"],
    ...     [True, True, False, False])
    >>> detector.predict(["tolong ditambah praktik", ""]).tolist()
    [True, False]
    """

    _model_name = "saran"

    def __init__(self, *, C: float = 10.0, class_weight: str | None = "balanced", features: Any = None,
                 labels: Any = (False, True), empty_label: Any = False, max_iter: int = 3000,
                 random_state: int = 0) -> None:
        super().__init__(C=C, class_weight=class_weight, features=features, labels=labels,
                         empty_label=empty_label, max_iter=max_iter, random_state=random_state)


class NonInformativeDetector(TextClassifier):
    """``True`` for non-answers: "-", "tidak ada", "cukup", "ok", gibberish, a name only.

    Comments that are empty after preprocessing are ``True``.

    Examples
    --------
    >>> detector = NonInformativeDetector().fit(
    ...     ["tidak ada", "ok", "cukup", "materi bagus", "waktunya kurang", "narsum interaktif"],
    ...     [True, True, True, False, False, False])
    >>> detector.predict(["-", "materinya menarik"]).tolist()
    [True, False]
    """

    _model_name = "non_informatif"

    def __init__(self, *, C: float = 10.0, class_weight: str | None = "balanced", features: Any = None,
                 labels: Any = (False, True), empty_label: Any = True, max_iter: int = 3000,
                 random_state: int = 0) -> None:
        super().__init__(C=C, class_weight=class_weight, features=features, labels=labels,
                         empty_label=empty_label, max_iter=max_iter, random_state=random_state)
