"""Shared helpers for the benchmarks: data loading and timing."""
from __future__ import annotations

import csv
import os
import re
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
WORD = re.compile(r"\w+")


def fresh_process_env(**extra: str) -> dict[str, str]:
    """The environment of a benchmark's fresh processes: this checkout's ``src`` first on PYTHONPATH
    (what was there stays after it), plus ``extra`` variables."""
    path = str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": path, **extra}


def smsa(split: str = "train") -> pd.DataFrame | None:
    """IndoNLU SmSA (text, label) when ../shared/data is present, else None."""
    path = SHARED / "indonlu-smsa" / f"{split}_preprocess.tsv"
    if not path.exists():
        return None
    return pd.read_csv(path, sep="\t", header=None, names=["text", "label"], quoting=csv.QUOTE_NONE)


#: IndoNLU's label names (SmSA sentiment, CASA polarity) as umpanbalik writes them.
INDONLU_LABELS = {"positive": "positif", "neutral": "netral", "negative": "negatif"}


def casa_pooled(frame: pd.DataFrame, tagged: pd.DataFrame, aspects: list[str]) -> tuple[list[str], list[str]]:
    """IndoNLU CASA's labels of ``frame`` and an ``AspectTagger``'s ``tagged`` rows, one per review and
    aspect, in IndoNLU's names: the polarity of a mentioned aspect, ``neutral`` for one not mentioned."""
    inverse = {v: k for k, v in INDONLU_LABELS.items()}
    truth, predicted = [], []
    for (_, row), (_, out) in zip(frame.iterrows(), tagged.iterrows()):
        for aspect in aspects:
            truth.append(row[aspect])
            predicted.append(inverse[out["aspek_sentimen"].get(aspect, "netral")] if aspect in out["aspek"] else "neutral")
    return truth, predicted


def casa_labels(frame: pd.DataFrame, aspects: list[str]) -> tuple[list[list[str]], list[dict[str, str]]]:
    """The aspects each IndoNLU CASA review mentions (not ``neutral``) and their polarity, as
    :class:`umpanbalik.AspectTagger` takes them."""
    mentions = [[a for a in aspects if row[a] != "neutral"] for _, row in frame.iterrows()]
    polarities = [{a: INDONLU_LABELS[row[a]] for a in aspects if row[a] != "neutral"} for _, row in frame.iterrows()]
    return mentions, polarities


def count_words(texts: list[str]) -> int:
    return sum(len(WORD.findall(t)) for t in texts)


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def peak_memory(function: Callable[[], Any]) -> tuple[float, Any]:
    """Peak Python-allocated memory in MiB while running ``function``."""
    tracemalloc.start()
    result = function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20, result


def perturbed(texts: list[str], n: int, seed: int = 0) -> list[str]:
    """``n`` comments sampled from ``texts`` with small random edits (dropped or repeated words,
    stretched letters, case changes), so that a large input is not the same few texts repeated."""
    import random

    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = rng.choice(texts).split()
        edited = []
        for word in words:
            roll = rng.random()
            if roll < 0.05:
                continue
            if roll < 0.10:
                edited.append(word + word[-1] * rng.randint(1, 3))
            elif roll < 0.13:
                edited.extend([word, word])
            elif roll < 0.16:
                edited.append(word.upper())
            else:
                edited.append(word)
        out.append(" ".join(edited))
    return out
