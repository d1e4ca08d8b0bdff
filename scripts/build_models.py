"""Rebuild the shipped models from the bundled corpora, deterministically (``make models``).

    python scripts/build_models.py

Writes src/umpanbalik/models/{sentimen,saran,non_informatif,aspek,hambatan}.skops through
umpanbalik.io.save. Every component uses its default parameters and random_state=0.
"""
from __future__ import annotations

import time
from pathlib import Path

from umpanbalik.aspects import AspectTagger
from umpanbalik.datasets import load_barriers, load_corpus
from umpanbalik.flags import NonInformativeDetector, SuggestionDetector
from umpanbalik.io import save
from umpanbalik.sentiment import SentimentClassifier

OUT = Path(__file__).resolve().parents[1] / "src" / "umpanbalik" / "models"


def main() -> None:
    corpus, barriers = load_corpus(), load_barriers()
    jobs = {
        "sentimen": lambda: SentimentClassifier().fit(corpus["teks"], corpus["sentimen"]),
        "saran": lambda: SuggestionDetector().fit(corpus["teks"], corpus["saran"]),
        "non_informatif": lambda: NonInformativeDetector().fit(corpus["teks"], corpus["non_informatif"]),
        "aspek": lambda: AspectTagger("aspek").fit(
            corpus["teks"], corpus["aspek"], aspect_sentiments=corpus["aspek_sentimen"]),
        "hambatan": lambda: AspectTagger("hambatan", polarity=False).fit(barriers["teks"], barriers["hambatan"]),
    }
    for name, job in jobs.items():
        start = time.perf_counter()
        path = save(job(), OUT / f"{name}.skops")
        print(f"{name:<15} {time.perf_counter() - start:6.1f}s  {path.stat().st_size / 2**20:6.2f} MiB  {path}")


if __name__ == "__main__":
    main()
