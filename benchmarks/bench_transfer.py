"""Transfer to a source the models never saw: leave one real source out.

    python benchmarks/bench_transfer.py [--weights 1 2 4] [--sources edom survei ulasan]

The shipped models will be measured on real comments of other institutions. The nearest thing the
team has is its own three sources, each from another publisher and population (university EDOM
answers, a re-worded school survey, app-store reviews): for each source, the shipped recipe
(``scripts/training.py``) is trained on the written corpus plus the real *training* rows of the
other two sources and scored on the held-out source's training rows (never the test split, which
stays for ``bench_models.py``; those rows were not in this training). Beside it, in the same run:

- ``korpus saja``: the written corpus alone (what the labels of other sources add), and
- each ``--weights`` value for the real rows (``REAL_WEIGHT`` is the shipped one): whether giving
  the labelled sources more weight fits them at the cost of the unseen one.

Printed per held-out source: every figure of the issue's targets, one column per recipe, and the
non-answer detector's F1 without its length columns (``length_bins=None``).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import _real  # noqa: E402
from training import REAL_WEIGHT, fit_comment_models, fit_non_answer_detector, training_frame  # noqa: E402

SHOWN = ["n", "sentimen macro-F1", "sentimen akurasi", "aspek micro-F1", "aspek F1 materi", "aspek F1 metode",
         "aspek F1 relevansi", "aspek F1 waktu", "polaritas aspek akurasi", "saran F1", "non_informatif F1",
         "non_informatif F1 tanpa panjang"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", type=float, nargs="+", default=[REAL_WEIGHT])
    parser.add_argument("--sources", nargs="+", default=["edom", "survei", "ulasan"])
    args = parser.parse_args(argv)
    if not _real.available():
        print("../shared/data/real not present: nothing to measure")
        return 0
    train = _real.real_split("train")
    for source in args.sources:
        held = train[train["sumber"] == source].reset_index(drop=True)
        others = train[train["sumber"] != source]
        recipes = {"korpus saja": (None, None)}
        for weight in args.weights:
            recipes[f"+ sumber lain, bobot {weight:g}" + (" (dikirim)" if weight == REAL_WEIGHT else "")] = (others, weight)
        columns, shipped = {}, None
        for name, (real, weight) in recipes.items():
            start = time.perf_counter()
            frame = training_frame(real) if weight is None else training_frame(real, real_weight=weight)
            models = fit_comment_models(frame)
            predicted = _real.predict(held["teks"].tolist(), models)
            columns[name] = _real.scores(held, predicted)
            # the non-answer detector without its length columns, for comparison
            plain = fit_non_answer_detector(frame, models["sentimen"].features_, length_bins=None)
            columns[name]["non_informatif F1 tanpa panjang"] = f1_score(
                held["non_informatif"].astype(bool), plain.predict(held["teks"].tolist()), zero_division=0)
            if weight == REAL_WEIGHT:
                shipped = predicted
            print(f"  {source}, {name}: {time.perf_counter() - start:.0f}s", flush=True)
        table = pd.DataFrame(columns).loc[SHOWN]
        print(f"\nHeld out: {source} ({len(held):,} training-split comments; trained on the written corpus "
              f"{'and ' + ', '.join(sorted(others['sumber'].unique())) if len(others) else ''})")
        print(_real.format_report(table), flush=True)
        if shipped is not None:  # where the shipped weight goes wrong on the unseen source
            print("\nshipped weight, sentiment (rows: labels, columns: predictions):")
            print(_real.confusion(held, shipped).to_string())
            truth, guess = _real.indicator(held["aspek"]), _real.indicator(shipped["aspek"])
            print("shipped weight, aspects: " + "; ".join(
                f"{aspect} labelled {truth[:, j].sum()}, tagged {guess[:, j].sum()}, both {(truth[:, j] & guess[:, j]).sum()}"
                for j, aspect in enumerate(_real.ASPECTS)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
