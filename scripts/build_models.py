"""Rebuild the shipped models, deterministically (``make models``).

    python scripts/build_models.py [--written-only]

Writes src/umpanbalik/models/komentar.skops (sentimen, saran, non_informatif and aspek, which share
one TextFeatures fitted once and frozen) and hambatan.skops through umpanbalik.io.save.

The comment models learn from the bundled written corpus together with the team's labelled real
comments of the *training* split (``data/real/``, texts read from ``../shared/data/real/`` or
``$UMPANBALIK_REAL_DATA``; see ``scripts/training.py`` for the recipe and weights). The real test
split is never used. Without the real texts (or with ``--written-only``) the models are trained on
the written corpus alone, as before, and the script says so.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from training import fit_comment_models, training_frame  # noqa: E402

from umpanbalik.aspects import AspectTagger  # noqa: E402
from umpanbalik.datasets import load_barriers  # noqa: E402
from umpanbalik.io import save  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "umpanbalik" / "models"


def real_training_split():
    from real_data import load_labelled, real_dir, training_rows

    if not (real_dir() / "edom-sentimen" / "komentar.csv").exists():
        print(f"real comments not found in {real_dir()}: training on the written corpus only")
        return None
    frame = load_labelled()
    train = training_rows(frame)
    print(f"real labelled comments: {len(train):,} of the training split (test split of "
          f"{int((frame['split'] == 'test').sum()):,} left out; training rows of later rounds not used: "
          f"{int((frame['split'] == 'train').sum()) - len(train):,})")
    return train


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--written-only", action="store_true", help="ignore the real labelled comments")
    args = parser.parse_args()
    real = None if args.written_only else real_training_split()
    start = time.perf_counter()
    models = fit_comment_models(training_frame(real), verbose=True)
    barriers = load_barriers()
    for stem, payload in [
        ("komentar", models),
        ("hambatan", {"hambatan": AspectTagger("hambatan", polarity=False).fit(barriers["teks"], barriers["hambatan"])}),
    ]:
        path = save(payload, OUT / f"{stem}.skops")
        print(f"{stem + '.skops':<15} {path.stat().st_size / 2**20:6.2f} MiB  {path}")
    print(f"total {time.perf_counter() - start:.1f}s")


if __name__ == "__main__":
    main()
