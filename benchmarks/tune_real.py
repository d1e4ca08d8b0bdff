"""Choose the training recipe on the real *training* split only (the test split is never used):
grouped K-fold cross-validation over the real training comments, each fold trained on the written
corpus plus the other folds.

    python benchmarks/tune_real.py [--folds 3] [--weights 1 2 4] [--unlabelled] [--word-view modal all]

Prints, per recipe, the mean of every figure over the folds. Recipes: the weight of a real comment
relative to a written one; the non-answer detector with and without class balancing (2% of real
comments are non-answers) and with and without the length columns (``length_bins``), as the shipped
recipe trains it otherwise (``training.fit_non_answer_detector``); with ``--unlabelled``, two ways to use the ~14,000 real comments nobody
labelled (never the test split's or the held-out fold's): the shared vocabulary and IDF fitted on
them as well, and one round of self-training (unlabelled comments whose sentiment the model gives
probability >= 0.9 added to the sentiment model's training data at half weight). With
``--word-view``, the shared extractor's unstemmed word view (``kata``) also keeps function words that
the stopword list removes: ``modal`` the aspect, modal and contrast words (:data:`MODAL_WORDS`:
"sudah tepat waktu" against "harus tepat waktu", "bagus tapi ..."), ``all`` every word.
"""
from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import _real  # noqa: E402
from training import (  # noqa: E402
    REAL_WEIGHT, fit_comment_models, fit_non_answer_detector, training_frame, unlabelled_real_texts)

from umpanbalik import features as _features  # noqa: E402
from umpanbalik.flags import NON_ANSWER_LENGTH_BINS  # noqa: E402
from umpanbalik.sentiment import SentimentClassifier  # noqa: E402


MODAL_WORDS = ["sudah", "telah", "masih", "sedang", "akan", "bisa", "dapat", "tapi", "tetapi", "namun", "padahal",
               "sedangkan", "hanya", "cuma", "saja", "aja", "lagi", "mungkin", "malah", "justru", "bahkan", "kalau",
               "jika", "apabila", "bila"]


_VIEWS = _features.TextFeatures.views  # the shipped views


def word_view_keeping(kept: str | None):
    """``TextFeatures.views`` whose ``kata`` view keeps the stopwords named by ``kept`` (see the module)."""
    from sklearn.base import clone

    from umpanbalik.preprocessing import Preprocessor

    original = _VIEWS

    def views(self, texts, akar=None):
        out = original(self, texts, akar)
        pre = self.preprocessor if self.preprocessor is not None else Preprocessor()
        if kept == "all":
            out["kata"] = clone(pre).set_params(stem=False, remove_stopwords=False).transform(texts)
        elif kept == "modal":
            out["kata"] = clone(pre).set_params(stem=False, stopwords_remove=MODAL_WORDS).transform(texts)
        return out

    return views if kept else original


def non_answer_scores(held: pd.DataFrame, found) -> dict[str, float]:
    """F1, precision and recall of predicted non-answers ``found`` against ``held``'s labels."""
    truth, found = held["non_informatif"].to_numpy(dtype=bool), np.asarray(found, dtype=bool)
    return {"non_informatif F1": f1_score(truth, found, zero_division=0),
            "non_informatif presisi": precision_score(truth, found, zero_division=0),
            "non_informatif recall": recall_score(truth, found, zero_division=0)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--weights", type=float, nargs="+", default=[1.0, 2.0, 4.0])
    parser.add_argument("--unlabelled", action="store_true")
    parser.add_argument("--word-view", nargs="+", choices=["modal", "all"], default=[],
                        help="also try the word view keeping these function words (the shipped weight only)")
    args = parser.parse_args()
    if not _real.available():
        print("../shared/data/real not present: nothing to tune on")
        return
    everything = _real.real_split()
    train = _real.real_split("train")  # the rows the shipped recipe trains on
    folds = list(GroupKFold(n_splits=args.folds, shuffle=True, random_state=0).split(train, groups=train["kelompok"]))
    results: dict[str, list[dict]] = {}
    for k, (fit_rows, held_rows) in enumerate(folds):
        held = train.iloc[held_rows].reset_index(drop=True)
        pool = unlabelled_real_texts(set(everything["id"])) if args.unlabelled else []
        for weight in args.weights:
            start = time.perf_counter()
            frame = training_frame(train.iloc[fit_rows], real_weight=weight)
            models = fit_comment_models(frame)
            predicted = _real.predict(held["teks"].tolist(), models)
            results.setdefault(f"bobot {weight:g}", []).append(
                {**_real.scores(held, predicted), **non_answer_scores(held, predicted["non_informatif"])})
            for balance, bins in itertools.product(("balanced", None), (None, NON_ANSWER_LENGTH_BINS)):
                detector = fit_non_answer_detector(frame, models["sentimen"].features_, class_weight=balance,
                                                   length_bins=bins)
                results.setdefault(f"bobot {weight:g}, non_informatif class_weight={balance}, "
                                   f"panjang={'ya' if bins else 'tidak'}", []).append(
                    non_answer_scores(held, detector.predict(held["teks"].tolist())))
            if args.unlabelled and weight == REAL_WEIGHT:
                vocab = fit_comment_models(frame, extra_texts=pool)
                results.setdefault(f"bobot {weight:g} + kosakata tak berlabel", []).append(
                    _real.scores(held, _real.predict(held["teks"].tolist(), vocab)))
                proba = models["sentimen"].predict_proba(pool)
                sure = np.flatnonzero(proba.max(axis=1) >= 0.9)
                pseudo = models["sentimen"].classes_[proba[sure].argmax(axis=1)]
                texts = frame["teks"].tolist() + [pool[i] for i in sure]
                weights = np.concatenate([frame["bobot"].to_numpy(float), np.full(len(sure), 0.5)])
                self_trained = SentimentClassifier(features=models["sentimen"].features_).fit(
                    texts, list(frame["sentimen"]) + list(pseudo), sample_weight=weights)
                value = f1_score(held["sentimen"], self_trained.predict(held["teks"].tolist()), average="macro")
                results.setdefault(f"bobot {weight:g} + self-training sentimen", []).append(
                    {"sentimen macro-F1": value, "pseudo-label": float(len(sure))})
            if weight == REAL_WEIGHT:
                for kept in args.word_view:
                    _features.TextFeatures.views = word_view_keeping(kept)
                    try:
                        variant = fit_comment_models(frame)
                    finally:
                        _features.TextFeatures.views = word_view_keeping(None)
                    results.setdefault(f"bobot {weight:g}, kata dengan kata tugas ({kept})", []).append(
                        _real.scores(held, _real.predict(held["teks"].tolist(), variant)))
            print(f"  fold {k + 1}/{args.folds}, weight {weight:g}: {time.perf_counter() - start:.0f}s", flush=True)
    table = pd.DataFrame({name: pd.DataFrame(rows).mean() for name, rows in results.items()})
    print(f"Grouped {args.folds}-fold CV on the real training split ({len(train):,} comments):")
    print(_real.format_report(table.drop(index="n", errors="ignore")).replace(" nan", "    "))


if __name__ == "__main__":
    main()
