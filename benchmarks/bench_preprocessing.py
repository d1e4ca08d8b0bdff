"""Preprocessing speed: umpanbalik against the notebook baseline and the lookup floor, in one run.

    python benchmarks/bench_preprocessing.py [--repeat 3]

(a) baseline: per comment, PySastrawi's CachedStemmer.stem() then StopWordRemover.remove();
(b) floor: regex tokenisation plus a dict lookup of already-known stems;
(c) umpanbalik Preprocessor, cold (fresh process: no memo, Sastrawi's dictionary not loaded; the
    one-off import of nltk, scikit-learn and pandas is timed apart) and warm (memo filled);
(d) n_jobs=2 against n_jobs=1 on 10x and 40x as many comments (sampled and perturbed), each run in a
    fresh process (so n_jobs=2 includes starting its worker, and both start with empty memos), the
    best of --repeat runs of each.
Throughput is in tokens/s, counting the same \\w+ tokens of the raw comments for every method. The
machine's load average is printed with the figures: other work on the machine slows n_jobs=2 most.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import count_words, perturbed, smsa, timed  # noqa: E402

COLD = """
import json, sys, time
texts = json.load(open(sys.argv[1]))
start = time.perf_counter()
import nltk, sklearn, pandas  # library imports are a one-off cost, reported apart
from umpanbalik import Preprocessor
imports = time.perf_counter() - start
start = time.perf_counter()
out = Preprocessor().transform(texts)
cold = time.perf_counter() - start
start = time.perf_counter()
Preprocessor().transform(texts)
warm = time.perf_counter() - start
print(json.dumps({"cold": cold, "warm": warm, "imports": imports}))
"""


PARALLEL = """
import json, sys, time
import nltk, sklearn, pandas
from umpanbalik import Preprocessor
texts = json.load(open(sys.argv[1]))
start = time.perf_counter()
Preprocessor(n_jobs=int(sys.argv[2])).transform(texts)
print(time.perf_counter() - start)
"""


def load_texts() -> tuple[list[str], str]:
    frame = smsa("train")
    if frame is not None:
        return frame["text"].astype(str).tolist(), "IndoNLU SmSA train (11,000 comments)"
    from umpanbalik.datasets import load_corpus

    texts = load_corpus()["teks"].tolist()
    return (texts * (10_000 // len(texts) + 1))[:10_000], "bundled corpus, repeated to 10,000"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts, source = load_texts()
    tokens = count_words(texts)
    print(f"data: {source}; {len(texts):,} comments, {tokens:,} tokens")

    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    def baseline() -> list[str]:
        stemmer = StemmerFactory().create_stemmer()
        remover = StopWordRemoverFactory().create_stop_word_remover()
        return [remover.remove(stemmer.stem(t)) for t in texts]

    baseline_s = min(timed(baseline)[0] for _ in range(args.repeat))

    stemmer = StemmerFactory().create_stemmer()
    pattern = re.compile(r"\w+")
    stems = {w: stemmer.stem(w) for t in texts for w in pattern.findall(t.lower())}

    def floor() -> list[list[str]]:
        get = stems.get
        return [[get(w, w) for w in pattern.findall(t.lower())] for t in texts]

    floor_s = min(timed(floor)[0] for _ in range(args.repeat))

    with open("/tmp/umpanbalik_bench_texts.json", "w") as handle:
        json.dump(texts, handle)
    runs = []
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, "-c", COLD, "/tmp/umpanbalik_bench_texts.json"],
                             capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
    cold_s = min(r["cold"] for r in runs)
    warm_s = min(r["warm"] for r in runs)
    imports_s = min(r["imports"] for r in runs)

    load_before = os.getloadavg()
    scaling = []
    for factor in (10, 40):
        big = perturbed(texts, factor * len(texts), seed=factor)
        with open("/tmp/umpanbalik_bench_big.json", "w") as handle:
            json.dump(big, handle)
        times: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(args.repeat):  # alternating, each in a fresh process: both start with an empty memo
            for jobs in (1, 2):
                out = subprocess.run([sys.executable, "-c", PARALLEL, "/tmp/umpanbalik_bench_big.json", str(jobs)],
                                     capture_output=True, text=True, check=True)
                times[jobs].append(float(out.stdout))
        scaling.append((len(big), min(times[1]), min(times[2])))

    rate = lambda seconds, n=tokens: n / seconds  # noqa: E731
    print(f"{'method':<44}{'seconds':>9}{'tokens/s':>13}")
    for name, seconds in [("(a) baseline: CachedStemmer + StopWordRemover", baseline_s),
                          ("(b) floor: regex + dict of known stems", floor_s),
                          ("(c) umpanbalik cold (fresh process)", cold_s),
                          ("(c) umpanbalik warm", warm_s)]:
        print(f"{name:<44}{seconds:>9.3f}{rate(seconds):>13,.0f}")
    print(f"one-off library imports in a fresh process: {imports_s:.2f}s (not in the figures above)")
    print(f"cold / baseline speed ratio: {baseline_s / cold_s:.2f}x (target >= 1.0)")
    print(f"warm / floor speed ratio:    {floor_s / warm_s:.2f}x (target >= 0.5)")
    for n, serial_s, parallel_s in scaling:
        print(f"{n:,} perturbed comments, fresh processes: n_jobs=1 {serial_s:.2f}s, n_jobs=2 {parallel_s:.2f}s, "
              f"speed-up {serial_s / parallel_s:.2f}x")
    print(f"load average (1, 5, 15 min) before the n_jobs runs: {', '.join(f'{x:.2f}' for x in load_before)}; "
          f"after: {', '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")

if __name__ == "__main__":
    main()
