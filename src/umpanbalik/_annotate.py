"""Per-comment annotation with the shipped (or user-supplied) models: the engine behind ``analyze``.

:func:`annotate` takes a list of comments and returns one row per comment with the cleaned text,
sentiment, aspects with polarity, suggestion and non-answer flags, and optionally barriers. It
annotates each distinct comment once (survey exports repeat "-", "tidak ada", "cukup" …) and works
in blocks so that a progress bar can follow large inputs.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["Models", "annotate", "BLOCK"]

BLOCK = 5_000


@dataclass
class Models:
    """The models ``annotate`` uses; any left ``None`` is the shipped one."""

    sentimen: Any = None
    aspek: Any = None
    saran: Any = None
    non_informatif: Any = None
    hambatan: Any = None
    preprocessor: Any = None
    _loaded: dict[str, Any] = field(default_factory=dict, repr=False)

    def get(self, name: str) -> Any:
        value = getattr(self, name)
        if value is not None:
            return value
        if name not in self._loaded:
            if name == "preprocessor":
                from .preprocessing import Preprocessor

                self._loaded[name] = Preprocessor()
            else:
                from .pretrained import load_pretrained

                self._loaded[name] = load_pretrained(name)
        return self._loaded[name]

    @classmethod
    def coerce(cls, models: Models | Mapping[str, Any] | None) -> Models:
        if models is None:
            return cls()
        if isinstance(models, Models):
            return models
        if isinstance(models, Mapping):
            unknown = set(models) - {"sentimen", "aspek", "saran", "non_informatif", "hambatan", "preprocessor"}
            if unknown:
                raise ValueError(
                    f"`models` has unknown keys {sorted(unknown)}; use sentimen, aspek, saran, non_informatif, "
                    "hambatan or preprocessor."
                )
            return cls(**models)
        raise TypeError(f"`models` must be a dict of fitted models or None, got {type(models).__name__}.")


def _sentiment_score(model: Any, proba: np.ndarray) -> np.ndarray:
    classes = list(model.classes_)
    score = np.zeros(len(proba))
    if "positif" in classes:
        score += proba[:, classes.index("positif")]
    if "negatif" in classes:
        score -= proba[:, classes.index("negatif")]
    return score


def _annotate_unique(texts: list[str], models: Models, with_comments: bool, barriers: list[str] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if with_comments:
        out["teks_bersih"] = models.get("preprocessor").transform(texts)
        sentiment = models.get("sentimen")
        proba = sentiment.predict_proba(texts)
        out["sentimen"] = list(sentiment.classes_[np.argmax(proba, axis=1)])
        out["skor_sentimen"] = list(_sentiment_score(sentiment, proba))
        tagged = models.get("aspek").tag(texts)
        out["aspek"] = list(tagged["aspek"])
        out["aspek_sentimen"] = list(tagged["aspek_sentimen"])
        out["bukti_aspek"] = list(tagged["bukti"])
        out["saran"] = [bool(v) for v in models.get("saran").predict(texts)]
        out["non_informatif"] = [bool(v) for v in models.get("non_informatif").predict(texts)]
    if barriers is not None:
        tagged = models.get("hambatan").tag(barriers, polarity=False)
        out["hambatan"] = list(tagged["aspek"])
    return out


def annotate(
    texts: list[str],
    *,
    barriers: list[str] | None = None,
    with_comments: bool = True,
    models: Models | Mapping[str, Any] | None = None,
    progress: Callable[[int], None] | None = None,
) -> pd.DataFrame:
    """Annotate comments (and barrier answers); one output row per input position.

    Parameters
    ----------
    texts : list of str
        The comments, already validated (``as_text_list``).
    barriers : list of str, optional
        Answers to "why do you (or colleagues) skip training", same length as ``texts``.
    with_comments : bool
        Annotate ``texts`` (False when only barriers are wanted).
    models : Models or dict, optional
        Fitted models to use instead of the shipped ones.
    progress : callable, optional
        Called with the number of rows finished after each block.
    """
    models = Models.coerce(models)
    n = len(texts)
    if barriers is not None and len(barriers) != n:
        raise ValueError(f"`barriers` has {len(barriers)} answers but there are {n} comments; they must match.")
    keys = list(zip(texts, barriers)) if barriers is not None else texts
    codes, uniques = pd.factorize(pd.Series(keys, dtype=object), sort=False) if n else (np.zeros(0, int), [])
    unique_texts = [k[0] for k in uniques] if barriers is not None else list(uniques)
    unique_barriers = [k[1] for k in uniques] if barriers is not None else None
    parts: list[dict[str, Any]] = []
    for start in range(0, len(unique_texts), BLOCK):
        stop = start + BLOCK
        parts.append(_annotate_unique(
            unique_texts[start:stop], models, with_comments,
            unique_barriers[start:stop] if unique_barriers is not None else None,
        ))
        if progress is not None:
            progress(min(stop, len(unique_texts)))
    columns: dict[str, list[Any]] = {}
    for part in parts:
        for name, values in part.items():
            columns.setdefault(name, []).extend(values)
    frame = pd.DataFrame({name: pd.Series(values, dtype=object) for name, values in columns.items()})
    frame = frame.iloc[codes].reset_index(drop=True) if len(frame) else frame
    for name in ("saran", "non_informatif"):
        if name in frame:
            frame[name] = frame[name].astype(bool)
    if "skor_sentimen" in frame:
        frame["skor_sentimen"] = frame["skor_sentimen"].astype(float)
    return frame
