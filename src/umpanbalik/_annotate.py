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

import gc
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .schema import BARRIER_COLUMNS, COMMENT_COLUMNS, LABEL_SCHEMES

__all__ = ["Models", "annotate", "BLOCK", "PARALLEL_MIN", "COMMENT_COLUMNS"]

BLOCK = 5_000
#: What ``models`` may name (``Models``' fields).
_MODEL_NAMES = ("sentimen", "aspek", "saran", "non_informatif", "hambatan", "preprocessor")


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
                from .pretrained import cached_pretrained

                # the cached shipped model itself: annotating only reads it, and a copy of the four
                # comment models took longer than reading their file
                self._loaded[name] = cached_pretrained(name)
        return self._loaded[name]

    def own(self) -> tuple[str, ...]:
        """The names of the models given by the caller (the others are the shipped ones)."""
        return tuple(name for name in _MODEL_NAMES if name != "preprocessor" and getattr(self, name) is not None)

    @classmethod
    def coerce(cls, models: Models | Mapping[str, Any] | None) -> Models:
        if models is None:
            return cls()
        if isinstance(models, Models):
            return models
        if isinstance(models, Mapping):
            unknown = set(models) - set(_MODEL_NAMES)
            if unknown:
                raise ValueError(
                    f"`models` has unknown keys {sorted(unknown)}; use sentimen, aspek, saran, non_informatif, "
                    "hambatan or preprocessor."
                )
            for name, model in models.items():
                _check_kind(name, model)
                _check_scheme(name, model)
            return cls(**models)
        raise TypeError(f"`models` must be a dict of fitted models or None, got {type(models).__name__}.")


#: The labels each single-label model must answer with (:mod:`umpanbalik.schema`): the results, the
#: summary and the report count these values.
_SCHEMES = LABEL_SCHEMES


#: What each model of ``models`` must do, and an example of one that does.
_KINDS = {
    "sentimen": (("predict_proba", "classes_"), "a fitted classifier such as SentimentClassifier().fit(texts, labels)"),
    "saran": (("predict_proba", "classes_"), "a fitted classifier such as SuggestionDetector().fit(texts, flags)"),
    "non_informatif": (("predict_proba", "classes_"), "a fitted classifier such as NonInformativeDetector().fit(texts, flags)"),
    "aspek": (("tag", "classes_"), "a fitted AspectTagger"),
    "hambatan": (("tag", "classes_"), 'a fitted AspectTagger("hambatan", polarity=False)'),
    "preprocessor": (("transform",), "a Preprocessor"),
}


def _check_kind(name: str, model: Any) -> None:
    """Refuse, before any work, a model that cannot do its part ("abc", a SentimentClassifier as the
    aspect tagger, an unfitted one): it failed deep inside with an AttributeError."""
    if model is None:
        return
    needed, example = _KINDS[name]
    if isinstance(model, type):  # the class, not a model made from it
        raise TypeError(f"`models['{name}']` must be {example}; got the class {model.__name__} itself: make one "
                        f"(and fit it). Leave the key out to use the shipped model.")
    missing = [attribute for attribute in needed if not hasattr(model, attribute)]
    if missing:
        unfitted = all(attribute.endswith("_") for attribute in missing)  # the right kind, not fitted yet
        why = "it is not fitted: call fit first" if unfitted else f"it has no {', '.join(missing)}"
        raise TypeError(f"`models['{name}']` must be {example}; got {type(model).__name__} ({why}). "
                        f"Leave the key out to use the shipped model.")


def _check_scheme(name: str, model: Any) -> None:
    """Refuse a fitted model whose classes are not the labels ``analyze`` counts (a sentiment model
    trained on 'pos'/'neg' was counted as no comment at all; 'ya'/'tidak' flags were all True)."""
    allowed, classes, what = _SCHEMES.get(name), getattr(model, "classes_", None), f"`models['{name}']`"
    if name == "aspek":  # the aspects are the tagger's own; their polarity is counted as sentiment is
        allowed, classes = _SCHEMES["sentimen"], getattr(getattr(model, "polarity_model_", None), "classes_", None)
        what = "The polarity model of `models['aspek']`"
    if allowed is None or classes is None:
        return
    bad = [c for c in np.asarray(classes).tolist() if c not in allowed]  # 0/1 flags pass as False/True
    if bad:
        raise ValueError(f"{what} answers with {', '.join(map(repr, bad))}, but analyze counts "
                         f"{', '.join(map(repr, allowed))}; train it on these labels (map yours first).")


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
    # A block allocates millions of small lists and tuples, nearly all freed by reference counting,
    # while the cyclic garbage collector would scan the loaded models' large object graphs again and
    # again (about a seventh of annotate's time): collections wait until the block is done.
    enabled = gc.isenabled()
    gc.disable()
    try:
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
                return model.predict_proba(texts) if found is None else model.proba_from_features(found[0], found[1]["akar"])

            cleaned = next((bases[id(f)][1]["akar"] for f in map(_extractor, heads.values())
                            if f is not None and f.preprocessor is None), None)
            if models.preprocessor is None and cleaned is not None:
                out["teks_bersih"] = list(cleaned)  # the default preprocessing, already done
            else:
                out["teks_bersih"] = models.get("preprocessor").transform(texts)
            sentiment = heads["sentimen"]
            sentiment_proba = proba(sentiment)
            out["sentimen"] = [str(label) for label in sentiment.classes_[np.argmax(sentiment_proba, axis=1)]]
            out["skor_sentimen"] = list(_sentiment_score(sentiment, sentiment_proba))
            tagger = heads["aspek"]
            found = base(tagger)
            if found is None:
                tagged = tagger.tag(texts)
                names, polarities, evidence = list(tagged["aspek"]), list(tagged["aspek_sentimen"]), list(tagged["bukti"])
            else:
                names, polarities, evidence = tagger.tag_rows(texts, found)
            out["aspek"], out["aspek_sentimen"], out["bukti_aspek"] = names, polarities, evidence
            for name in ("saran", "non_informatif"):
                model = heads[name]
                out[name] = [bool(v) for v in model.classes_[np.argmax(proba(model), axis=1)]]
        if barriers is not None:
            tagged = models.get("hambatan").tag(barriers, polarity=False)
            out["hambatan"] = list(tagged["aspek"])
        return out
    finally:
        if enabled:
            gc.enable()


#: With ``n_jobs``, worker processes start from this many distinct comments (a fork, the transfer
#: of results and the workers' cold memos cost about a second in all).
PARALLEL_MIN = 4 * BLOCK


def annotate(
    texts: list[str],
    *,
    barriers: list[str] | None = None,
    with_comments: bool = True,
    models: Models | Mapping[str, Any] | None = None,
    progress: Callable[[int], None] | None = None,
    n_jobs: int | None = None,
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
    n_jobs : int, optional
        Processes (``-1``: one per core) for inputs of at least :data:`PARALLEL_MIN` distinct
        comments; ``None`` is one. The workers come from the library's one pool
        (:mod:`umpanbalik._parallel`), forked for the call after the models were loaded (Linux only;
        elsewhere, and inside a daemonic process, the work stays in this process); each annotates a
        contiguous share of the blocks, so the output is the same as with one process.
    """
    models = Models.coerce(models)
    n = len(texts)
    if barriers is not None and len(barriers) != n:
        raise ValueError(f"`barriers` has {len(barriers)} answers but there are {n} comments; they must match.")
    keys = list(zip(texts, barriers)) if barriers is not None else texts
    codes, uniques = pd.factorize(pd.Series(keys, dtype=object), sort=False) if n else (np.zeros(0, int), [])
    unique_texts = [k[0] for k in uniques] if barriers is not None else list(uniques)
    unique_barriers = [k[1] for k in uniques] if barriers is not None else None
    starts = list(range(0, len(unique_texts), BLOCK))
    rows_per_block = np.bincount(np.asarray(codes) // BLOCK, minlength=len(starts)) if n else np.zeros(0, int)
    finished = [0]

    def block_done(start: int) -> None:
        if progress is not None:
            finished[0] += int(rows_per_block[start // BLOCK])
            progress(finished[0])

    work = _Work(unique_texts, unique_barriers, models, with_comments)
    processes = _processes(n_jobs, len(unique_texts))
    if processes > 1:
        parts = _annotate_parallel(work, starts, processes, block_done)
    else:
        parts = {}
        for start in starts:
            parts[start] = work.block(start)
            block_done(start)
    names = (COMMENT_COLUMNS if with_comments else ()) + (BARRIER_COLUMNS if barriers is not None else ())
    columns: dict[str, list[Any]] = {name: [] for name in names}
    for start in starts:
        for name, values in parts[start].items():
            columns[name].extend(values)
    for name in ("sentimen", "aspek", "aspek_sentimen", "bukti_aspek", "hambatan"):
        if name in columns:
            columns[name] = _shared(columns[name])
    frame = pd.DataFrame({name: pd.Series(values, dtype=object) for name, values in columns.items()})
    frame = frame.iloc[codes].reset_index(drop=True)
    for name in ("saran", "non_informatif"):
        if name in frame:
            frame[name] = frame[name].astype(bool)
    if "skor_sentimen" in frame:
        frame["skor_sentimen"] = frame["skor_sentimen"].astype(float)
    return frame


def _frozen(value: Any) -> Any:
    """A hashable key for a label, a list of labels or a dict of them (values as ``_frozen``)."""
    if isinstance(value, list):
        return ("list", *map(_frozen, value))
    if isinstance(value, dict):
        return ("dict", *((key, _frozen(item)) for key, item in value.items()))
    return value


def _shared(values: list[Any]) -> list[Any]:
    """``values`` with equal values as one shared object: a million comments hold a few hundred
    distinct aspect lists and polarity dicts, so each row then costs a pointer, not a new object.
    (Rows that repeat a comment share their objects anyway.)"""
    pool: dict[Any, Any] = {}
    try:
        return [pool.setdefault(_frozen(value), value) for value in values]
    except TypeError:  # a user's model gave an unhashable cell (a set, an array): share the others
        shared = []
        for value in values:
            try:
                shared.append(pool.setdefault(_frozen(value), value))
            except TypeError:
                shared.append(value)
        return shared


@dataclass
class _Work:
    """What every process needs to annotate one block of the distinct comments."""

    texts: list[str]
    barriers: list[str] | None
    models: Models
    with_comments: bool

    def block(self, start: int) -> dict[str, Any]:
        stop = start + BLOCK
        barriers = self.barriers[start:stop] if self.barriers is not None else None
        return _annotate_unique(self.texts[start:stop], self.models, self.with_comments, barriers)

    def load_models(self) -> None:
        """Load every model a block uses, so that forked workers do not load them again."""
        names = ["sentimen", "aspek", "saran", "non_informatif", "preprocessor"] if self.with_comments else []
        for name in names + (["hambatan"] if self.barriers is not None else []):
            self.models.get(name)


def _processes(n_jobs: int | None, n_unique: int) -> int:
    from . import _parallel

    return _parallel.processes(n_jobs, enough=n_unique >= PARALLEL_MIN, inherit=True)


def _annotate_parallel(work: _Work, starts: list[int], processes: int,
                       block_done: Callable[[int], None]) -> dict[int, dict[str, Any]]:
    """This process annotates the first contiguous share of the blocks, workers forked for the call
    the others (:func:`umpanbalik._parallel.map_forked`): they inherit the work (the comments and the
    loaded models, exactly as they are now) and are sent only which blocks to do."""
    from . import _parallel
    from .stemming import load as load_stemmer

    work.load_models()
    load_stemmer()
    return dict(zip(starts, _parallel.map_forked(work.block, starts, processes, done=block_done)))
