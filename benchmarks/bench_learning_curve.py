"""Learning curve: real-test figures against the number of real labelled comments used in training.

    python benchmarks/bench_learning_curve.py [--sizes 0 500 1000 2000 all] [--repeats 1]

Each point trains the shipped recipe (``scripts/training.py``: the written corpus plus a random,
seeded subset of the real *training* split, weighted as shipped) and scores it on the real test
split. The slope at the right end says what more labelling is worth.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import _real  # noqa: E402
from training import fit_comment_models, training_frame  # noqa: E402

SHOWN = ["sentimen macro-F1", "aspek micro-F1", "aspek F1 materi", "aspek F1 metode", "aspek F1 relevansi",
         "aspek F1 waktu", "polaritas aspek akurasi", "saran F1", "non_informatif F1"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["0", "500", "1000", "2000", "all"])
    parser.add_argument("--repeats", type=int, default=1, help="random subsets per size (averaged)")
    args = parser.parse_args()
    if not _real.available():
        print("../shared/data/real not present: no learning curve")
        return
    train, test = _real.real_split("train"), _real.real_split("test")
    columns = {}
    for size in args.sizes:
        n = len(train) if size == "all" else min(int(size), len(train))
        runs = []
        for repeat in range(args.repeats if 0 < n < len(train) else 1):
            start = time.perf_counter()
            subset = train.sample(n=n, random_state=repeat) if n else None
            models = fit_comment_models(training_frame(subset))
            runs.append(_real.scores(test, _real.predict(test["teks"].tolist(), models)))
            print(f"  {n:>5} real comments, run {repeat + 1}: {time.perf_counter() - start:.0f}s", flush=True)
        columns[f"{n:,}"] = pd.DataFrame(runs).mean()
    table = pd.DataFrame(columns).loc[SHOWN]
    print(f"Real test split ({len(test):,} comments); columns: real labelled comments in training "
          f"(plus the {len(training_frame(None)):,}-comment written corpus)")
    print(_real.format_report(table))


if __name__ == "__main__":
    main()
