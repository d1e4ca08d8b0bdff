"""Per-comment annotation with the shipped (or user-supplied) models: the engine behind ``analyze``.

:func:`annotate` takes a list of comments and returns one row per comment with the cleaned text,
sentiment, aspects with polarity, suggestion and non-answer flags, and optionally barriers. It
annotates each distinct comment once (survey exports repeat "-", "tidak ada", "cukup" …) and works
in blocks so that a progress bar can follow large inputs.

Models that share one feature extractor (the shipped comment models share a frozen
:class:`~umpanbalik.features.TextFeatures`) get the features of a block computed once; each then
applies only its own head (a logistic regression; the aspect tagger adds its seed-word counts and
polarity model). The preprocessed comments that the extractor computes serve ``teks_bersih`` too,
when both use the default preprocessing. Other models are called through their public methods.
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


def _extractor(model: Any) -> Any:
    """The fitted TextFeatures behind one of our models, or None for any other model."""
    from .aspects import AspectTagger
    from .classifier import TextClassifier
    from .features import TextFeatures, unwrap_features

    if isinstance(model, (TextClassifier, AspectTagger)) and hasattr(model, "features_"):
        features = unwrap_features(model.features_)
        if isinstance(features, TextFeatures):
            return features
    return None


def _annotate_unique(texts: list[str], models: Models, with_comments: bool, barriers: list[str] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if with_comments:
        heads = {name: models.get(name) for name in ("sentimen", "aspek", "saran", "non_informatif")}
        bases: dict[int, tuple[Any, dict[str, list[str]]]] = {}  # id(extractor) -> (features, views)
        for model in heads.values():
            features = _extractor(model)
            if features is not None and id(features) not in bases:
                bases[id(features)] = features.transform_with_views(texts)

        def base(model: Any) -> tuple[Any, dict[str, list[str]]] | None:
            features = _extractor(model)
            return None if features is None else bases[id(features)]

        def proba(model: Any) -> np.ndarray:
            found = base(model)
            return model.predict_proba(texts) if found is None else model._proba_from(found[0], found[1]["akar"])

        cleaned = next((bases[id(f)][1]["akar"] for f in map(_extractor, heads.values())
                        if f is not None and f.preprocessor is None), None)
        if models.preprocessor is None and cleaned is not None:
            out["teks_bersih"] = list(cleaned)  # the default preprocessing, already done
        else:
            out["teks_bersih"] = models.get("preprocessor").transform(texts)
        sentiment = heads["sentimen"]
        sentiment_proba = proba(sentiment)
        out["sentimen"] = list(sentiment.classes_[np.argmax(sentiment_proba, axis=1)])
        out["skor_sentimen"] = list(_sentiment_score(sentiment, sentiment_proba))
        tagger = heads["aspek"]
        found = base(tagger)
        if found is None:
            tagged = tagger.tag(texts)
            names, polarities, evidence = list(tagged["aspek"]), list(tagged["aspek_sentimen"]), list(tagged["bukti"])
        else:
            names, polarities, evidence = tagger._tag_rows(texts, found)
        out["aspek"], out["aspek_sentimen"], out["bukti_aspek"] = names, polarities, evidence
        for name in ("saran", "non_informatif"):
            model = heads[name]
            out[name] = [bool(v) for v in model.classes_[np.argmax(proba(model), axis=1)]]
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
        Called after each block with the number of input rows finished so far (rows that repeat a
        comment already annotated count as finished); the last call passes ``len(texts)``.
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
            # codes number the distinct comments in order of first appearance
            progress(int(np.count_nonzero(codes < stop)) if stop < len(unique_texts) else n)
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
