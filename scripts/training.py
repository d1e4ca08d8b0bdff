"""How the shipped comment models are trained: the written corpus and the team's labelled real
comments together, one shared feature extractor. Used by ``scripts/build_models.py`` (the shipped
models) and by the benchmarks (the same recipe on other subsets, e.g. the learning curve).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.frozen import FrozenEstimator

sys.path.insert(0, str(Path(__file__).resolve().parent))

from umpanbalik.aspects import AspectTagger  # noqa: E402
from umpanbalik.datasets import load_corpus  # noqa: E402
from umpanbalik.features import TextFeatures  # noqa: E402
from umpanbalik.flags import NonInformativeDetector, SuggestionDetector  # noqa: E402
from umpanbalik.sentiment import SentimentClassifier  # noqa: E402

COLUMNS = ["teks", "sentimen", "aspek", "aspek_sentimen", "saran", "non_informatif"]
#: Weight of a real labelled comment relative to a written one (chosen on the real training split by
#: grouped cross-validation, ``python benchmarks/bench_learning_curve.py --weights``).
REAL_WEIGHT = 2.0
#: The sentiment model also learns each word of the team's polarity lexicon of strength >= 2 (mild words
#: are left out) as a one-word comment of its polarity, at LEXICON_WEIGHT: bare words are common in real
#: exports and rare in the training data ("buruk" alone was read positif, "ribet" netral). Grouped
#: 3-fold CV on the real training split: macro-F1 84.7 -> 85.1, accuracy on comments of one or two
#: words 88.6 -> 89.9 (every lexicon word at weight 1: 84.5 and 90.5). MODEL_CARD.md.
LEXICON_WEIGHT, LEXICON_MIN_STRENGTH = 0.5, 2
#: The non-answer detector learns the same words as answers that say something (LABELS.md: an
#: evaluative word is informative, "ok" and "cukup" are not; none of them is in the list): "senang"
#: alone was a non-answer with probability 0.63 (a short word that looks like "semoga"). Grouped
#: 3-fold CV on the real training split: F1, precision and recall unchanged (73.0, 85.0, 64.0) at
#: weight 0.5 and 1; "senang" 0.63 -> 0.45 (0.5) and 0.35 (1), so weight 1.
NON_ANSWER_LEXICON_WEIGHT = 1.0


def training_frame(real: pd.DataFrame | None, *, real_weight: float = REAL_WEIGHT, corpus: bool = True) -> pd.DataFrame:
    """The written corpus (weight 1) and ``real`` labelled comments (weight ``real_weight``)."""
    parts = []
    if corpus:
        written = load_corpus()[COLUMNS].copy()
        written["bobot"] = 1.0
        written["asal"] = "korpus"
        parts.append(written)
    if real is not None and len(real):
        own = real[COLUMNS].copy()
        own["bobot"] = float(real_weight)
        own["asal"] = "nyata"
        parts.append(own)
    return pd.concat(parts, ignore_index=True)


def lexicon_examples(min_strength: int = LEXICON_MIN_STRENGTH) -> list[tuple[str, str]]:
    """The polarity lexicon's words of at least ``min_strength`` as (one-word comment, sentiment)."""
    from umpanbalik.lexicon import load_polarity

    return [(word, polarity) for word, (polarity, strength) in sorted(load_polarity().items()) if strength >= min_strength]


def fit_comment_models(frame: pd.DataFrame, *, extra_texts: list[str] = (), verbose: bool = False) -> dict[str, Any]:
    """The four comment models on ``frame`` (as :func:`training_frame` makes it), sharing one
    :class:`TextFeatures` fitted on the frame's texts plus ``extra_texts`` (unlabelled comments)."""
    texts = frame["teks"].tolist()
    weights = frame["bobot"].to_numpy(dtype=float)
    start = time.perf_counter()
    shared = FrozenEstimator(TextFeatures().fit(texts + list(extra_texts)))
    if verbose:
        print(f"{'fitur':<15} {time.perf_counter() - start:6.1f}s", flush=True)
    words = lexicon_examples()
    lexicon_texts = [word for word, _ in words]
    jobs = {
        "sentimen": lambda: SentimentClassifier(features=shared).fit(
            texts + lexicon_texts, list(frame["sentimen"]) + [polarity for _, polarity in words],
            sample_weight=np.concatenate([weights, np.full(len(words), LEXICON_WEIGHT)])),
        "saran": lambda: SuggestionDetector(features=shared).fit(texts, frame["saran"].astype(bool), sample_weight=weights),
        "non_informatif": lambda: fit_non_answer_detector(frame, shared),
        "aspek": lambda: AspectTagger("aspek", features=shared).fit(
            texts, frame["aspek"], aspect_sentiments=frame["aspek_sentimen"], sample_weight=weights),
    }
    models = {}
    for name, job in jobs.items():
        start = time.perf_counter()
        models[name] = job()
        if verbose:
            print(f"{name:<15} {time.perf_counter() - start:6.1f}s", flush=True)
    return models


def fit_non_answer_detector(frame: pd.DataFrame, shared: Any, **params: Any) -> NonInformativeDetector:
    """The non-answer detector of the shipped recipe on ``frame``, reading the fitted extractor
    ``shared``; ``params`` override the detector's defaults (benchmarks compare variants).

    The defaults: no class balancing (before the length columns, the same F1 in grouped CV on the real
    training split, 73.0 against 72.6, precision 0.85 instead of 0.62, and short praise such as "sudah
    bagus" no longer a non-answer) and the comment's length as well (NON_ANSWER_LENGTH_BINS; python
    benchmarks/tune_real.py, benchmarks/bench_transfer.py; MODEL_CARD.md). The lexicon's words are
    answers (NON_ANSWER_LEXICON_WEIGHT)."""
    words = [word for word, _ in lexicon_examples()]
    return NonInformativeDetector(features=shared, **params).fit(
        frame["teks"].tolist() + words, list(frame["non_informatif"].astype(bool)) + [False] * len(words),
        sample_weight=np.concatenate([frame["bobot"].to_numpy(dtype=float), np.full(len(words), NON_ANSWER_LEXICON_WEIGHT)]))


def unlabelled_real_texts(exclude: set[str]) -> list[str]:
    """Every real comment not in ``exclude`` (ids), for fitting the vocabulary: the texts stay in the
    shared folder; only n-grams seen in at least two comments reach a model (see TextFeatures min_df)."""
    from real_data import load_sources

    return [row["teks"] for i, row in load_sources().items() if i not in exclude]
