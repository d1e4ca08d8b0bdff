"""Choose the training recipe on the real *training* split only (the test split is never used):
grouped K-fold cross-validation over the real training comments, each fold trained on the written
corpus plus the other folds.

    python benchmarks/tune_real.py [--folds 3] [--weights 1 2 4]

Prints, per real-comment weight, the mean of every figure over the folds, and the non-answer
detector with and without class balancing (2% of real comments are non-answers).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import _real  # noqa: E402
from training import fit_comment_models, training_frame  # noqa: E402

from umpanbalik.flags import NonInformativeDetector  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--weights", type=float, nargs="+", default=[1.0, 2.0, 4.0])
    args = parser.parse_args()
    if not _real.available():
        print("../shared/data/real not present: nothing to tune on")
        return
    train = _real.real_split("train")
    folds = list(GroupKFold(n_splits=args.folds, shuffle=True, random_state=0).split(train, groups=train["kelompok"]))
    results: dict[str, list[dict]] = {}
    for weight in args.weights:
        for k, (fit_rows, held_rows) in enumerate(folds):
            start = time.perf_counter()
            frame = training_frame(train.iloc[fit_rows], real_weight=weight)
            held = train.iloc[held_rows].reset_index(drop=True)
            models = fit_comment_models(frame)
            predicted = _real.predict(held["teks"].tolist(), models)
            results.setdefault(f"bobot nyata {weight:g}", []).append(_real.scores(held, predicted))
            for balance in ("balanced", None):
                detector = NonInformativeDetector(features=models["sentimen"].features_, class_weight=balance).fit(
                    frame["teks"].tolist(), frame["non_informatif"].astype(bool), sample_weight=frame["bobot"])
                value = f1_score(held["non_informatif"], detector.predict(held["teks"].tolist()), zero_division=0)
                results.setdefault(f"bobot {weight:g}, non_informatif class_weight={balance}", []).append(
                    {"non_informatif F1": value})
            print(f"  weight {weight:g} fold {k + 1}/{args.folds}: {time.perf_counter() - start:.0f}s", flush=True)
    table = pd.DataFrame({name: pd.DataFrame(rows).mean() for name, rows in results.items()})
    print(f"Grouped {args.folds}-fold CV on the real training split ({len(train):,} comments):")
    print(_real.format_report(table.drop(index="n", errors="ignore")))


if __name__ == "__main__":
    main()
