"""Rebuild the shipped models from the bundled corpora, deterministically (``make models``).

    python scripts/build_models.py

Writes src/umpanbalik/models/komentar.skops (sentimen, saran, non_informatif and aspek, which share
one TextFeatures fitted once on the corpus and frozen) and hambatan.skops through umpanbalik.io.save.
Every component uses its default parameters and random_state=0.
"""
from __future__ import annotations

import time
from pathlib import Path

from sklearn.frozen import FrozenEstimator

from umpanbalik.aspects import AspectTagger
from umpanbalik.datasets import load_barriers, load_corpus
from umpanbalik.features import TextFeatures
from umpanbalik.flags import NonInformativeDetector, SuggestionDetector
from umpanbalik.io import save
from umpanbalik.sentiment import SentimentClassifier

OUT = Path(__file__).resolve().parents[1] / "src" / "umpanbalik" / "models"


def main() -> None:
    corpus, barriers = load_corpus(), load_barriers()
    start = time.perf_counter()
    # One extractor for the four comment models: annotate() then featurises each comment once.
    shared = FrozenEstimator(TextFeatures().fit(corpus["teks"]))
    print(f"{'fitur':<15} {time.perf_counter() - start:6.1f}s")
    jobs = {
        "sentimen": lambda: SentimentClassifier(features=shared).fit(corpus["teks"], corpus["sentimen"]),
        "saran": lambda: SuggestionDetector(features=shared).fit(corpus["teks"], corpus["saran"]),
        "non_informatif": lambda: NonInformativeDetector(features=shared).fit(corpus["teks"], corpus["non_informatif"]),
        "aspek": lambda: AspectTagger("aspek", features=shared).fit(
            corpus["teks"], corpus["aspek"], aspect_sentiments=corpus["aspek_sentimen"]),
    }
    models = {}
    for name, job in jobs.items():
        start = time.perf_counter()
        models[name] = job()
        print(f"{name:<15} {time.perf_counter() - start:6.1f}s")
    for stem, payload in [
        ("komentar", models),
        ("hambatan", {"hambatan": AspectTagger("hambatan", polarity=False).fit(barriers["teks"], barriers["hambatan"])}),
    ]:
        path = save(payload, OUT / f"{stem}.skops")
        print(f"{stem + '.skops':<15} {path.stat().st_size / 2**20:6.2f} MiB  {path}")


if __name__ == "__main__":
    main()
