"""Compare model files on the real test split before and after a labelling round grew it.

A labelling round adds comments to ``data/real/`` and ``python scripts/real_data.py split`` gives
the new near-duplicate groups a side, so the test split grows (rows already in it keep their side).
The rebuilt models' figures on the grown split are then not comparable with the previous models'
figures on the previous split. This script scores each model file on the same rows:

* **earlier test rows**: the rows that were ``test`` in ``data/real/split.csv`` at a git revision
  (``--before``, default ``main``), with today's labels (adjudications included);
* **whole test split**: every ``test`` row of the current ``data/real/split.csv``;
* **new test rows**: the rows of the whole split that were not test rows at ``--before``.

The scores are those of ``bench_models.py`` (``_real.scores``: sentiment macro-F1, aspect micro-F1
and per-aspect F1, aspect polarity accuracy, saran and non_informatif F1), with the issue's
targets. For each model after the first, the difference from the first comes with a 95% interval
from a paired bootstrap that resamples whole near-duplicate groups (``kelompok``), so a difference
inside the interval's reach of zero is noise of this test set, not a change of the model.

    python benchmarks/compare_real_rounds.py                      # models at main vs this checkout
    python benchmarks/compare_real_rounds.py --before v0.3 --model old=git:v0.3 --model new=path/komentar.skops
    python benchmarks/compare_real_rounds.py --json out.json      # also write every figure as JSON

A model is given as ``LABEL=SPEC``; SPEC is a ``komentar.skops`` file or ``git:REV`` (the file
``src/umpanbalik/models/komentar.skops`` at revision REV). Without ``--model`` the two are the file
at ``--before`` and the one in this checkout. Texts come from ``../shared/data/real/`` (or
``$UMPANBALIK_REAL_DATA``) and never leave memory.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "scripts"))
import _real  # noqa: E402
from real_data import ASPECTS  # noqa: E402

from umpanbalik.io import load  # noqa: E402

MODEL_PATH = "src/umpanbalik/models/komentar.skops"
SPLIT_PATH = "data/real/split.csv"
HEADLINE = ["sentimen macro-F1", "aspek micro-F1", *[f"aspek F1 {a}" for a in ASPECTS],
            "polaritas aspek akurasi", "saran F1", "non_informatif F1"]


def git_bytes(rev: str, path: str) -> bytes:
    """The content of ``path`` at git revision ``rev`` of this repository."""
    return subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"], check=True,
                          capture_output=True).stdout


def test_ids_at(rev: str) -> set[str]:
    """Ids that were on the test side of ``data/real/split.csv`` at revision ``rev``."""
    text = git_bytes(rev, SPLIT_PATH).decode("utf-8")
    return {row["id"] for row in csv.DictReader(io.StringIO(text)) if row["split"] == "test"}


def load_models(spec: str) -> dict[str, Any]:
    """The comment models of a ``komentar.skops`` file or of ``git:REV``."""
    if spec.startswith("git:"):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "komentar.skops"
            path.write_bytes(git_bytes(spec[4:], MODEL_PATH))
            return load(path)
    return load(Path(spec))


def group_bootstrap(truth: pd.DataFrame, first: pd.DataFrame, other: pd.DataFrame, *,
                    rounds: int, seed: int) -> dict[str, tuple[float, float]]:
    """95% interval of ``scores(other) - scores(first)`` per headline figure, resampling whole
    near-duplicate groups with replacement (the same resample for both models)."""
    rng = np.random.default_rng(seed)
    groups = truth["kelompok"].to_numpy()
    names, codes = np.unique(groups, return_inverse=True)
    members = [np.flatnonzero(codes == k) for k in range(len(names))]
    diffs: dict[str, list[float]] = {name: [] for name in HEADLINE}
    for _ in range(rounds):
        rows = np.concatenate([members[k] for k in rng.integers(0, len(members), len(members))])
        t = truth.iloc[rows].reset_index(drop=True)
        a = _real.scores(t, first.iloc[rows].reset_index(drop=True))
        b = _real.scores(t, other.iloc[rows].reset_index(drop=True))
        for name in HEADLINE:
            diffs[name].append(b[name] - a[name])
    return {name: (float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))) for name, v in diffs.items()}


def compare(truth: pd.DataFrame, predictions: dict[str, pd.DataFrame], *, rounds: int, seed: int) -> pd.DataFrame:
    """One row per headline figure: each model's score, the target and (for each model after the
    first) its difference from the first (``Δ label``) with the bootstrap interval; all in percentage
    points."""
    labels = list(predictions)
    table = {label: _real.scores(truth, pred) for label, pred in predictions.items()}
    frame = pd.DataFrame({label: {name: 100 * table[label][name] for name in HEADLINE} for label in labels})
    frame["target"] = [100 * _real.TARGETS[name] for name in HEADLINE]
    for label in labels[1:]:
        frame[f"Δ {label}"] = frame[label] - frame[labels[0]]
        if rounds:
            interval = group_bootstrap(truth, predictions[labels[0]], predictions[label], rounds=rounds, seed=seed)
            frame[f"Δ {label} 95%"] = [f"[{100 * interval[n][0]:+.1f}, {100 * interval[n][1]:+.1f}]"
                                         for n in HEADLINE]
    return frame


def show(title: str, frame: pd.DataFrame) -> None:
    shown = frame.copy()
    for column in shown.columns:
        if column.endswith(" 95%"):
            continue
        signed = column.startswith("Δ ")
        shown[column] = [f"{v:+.1f}" if signed else f"{v:.1f}" for v in shown[column]]
    print(title)
    print(shown.to_string())
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="main", help="git revision whose split.csv names the earlier test rows")
    parser.add_argument("--model", action="append", default=[], metavar="LABEL=SPEC",
                        help="a komentar.skops file or git:REV (repeatable; the first is the reference)")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap rounds (0: no intervals)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)
    if not _real.available():
        print("../shared/data/real not present: nothing to compare")
        return 1
    specs = args.model or [f"models at {args.before}=git:{args.before}", f"this checkout={ROOT / MODEL_PATH}"]
    models = {}
    for spec in specs:
        label, _, where = spec.partition("=")
        if not where:
            parser.error(f"--model {spec!r}: expected LABEL=SPEC")
        models[label] = load_models(where)

    test = _real.real_split("test")
    earlier = test_ids_at(args.before)
    missing = earlier - set(test["id"])
    subsets = {
        f"earlier test rows (test at {args.before})": test[test["id"].isin(earlier)].reset_index(drop=True),
        "whole test split (now)": test,
        f"new test rows (not test at {args.before})": test[~test["id"].isin(earlier)].reset_index(drop=True),
    }
    print(f"test split now: {len(test):,} comments about learning; test at {args.before}: {len(earlier):,} ids, "
          f"{len(earlier & set(test['id'])):,} of them about learning and still test"
          + (f" ({len(missing):,} off-topic reviews or no longer test)" if missing else ""))
    print("per source now: " + ", ".join(f"{k} {v:,}" for k, v in test["sumber"].value_counts().sort_index().items()))
    print()
    predictions = {label: _real.predict(test["teks"].tolist(), m) for label, m in models.items()}
    out: dict[str, Any] = {}
    for title, rows in subsets.items():
        if not len(rows):
            continue
        index = test.reset_index().set_index("id").loc[rows["id"], "index"].to_numpy()
        preds = {label: p.iloc[index].reset_index(drop=True) for label, p in predictions.items()}
        frame = compare(rows, preds, rounds=args.bootstrap, seed=args.seed)
        show(f"{title}: {len(rows):,} comments (" + ", ".join(
            f"{k} {v:,}" for k, v in rows["sumber"].value_counts().sort_index().items()) + ")", frame)
        out[title] = {"n": len(rows), "figures": json.loads(frame.to_json(orient="index"))}
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
