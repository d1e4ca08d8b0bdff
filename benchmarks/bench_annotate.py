"""Per-comment annotation at scale: model loading, ``annotate`` and peak memory, against the
hand-written way a notebook user would do the same work.

    python benchmarks/bench_annotate.py [--sizes 10000 100000] [--repeat 1] [--n-jobs 1] [--skip-baseline]

Inputs are comments sampled from the bundled corpus with small random edits
(:func:`_common.perturbed`), so most are distinct. Every measurement runs in a fresh subprocess, so
that load times include imports and peak memory (``ru_maxrss``) belongs to that run alone:

- umpanbalik: load every shipped comment model (``Models``), then ``annotate(texts)`` with all
  columns (``teks_bersih``, sentiment, aspects with polarity and evidence, saran, non_informatif).
- hand-written: PySastrawi's ``StemmerFactory().create_stemmer()`` stems each comment, and each
  pretrained model is called on its own (``SentimentClassifier.pretrained().predict_proba``,
  ``AspectTagger.pretrained().tag``, ``SuggestionDetector`` and ``NonInformativeDetector``
  ``.predict``), each preprocessing and featurising the comments again.

The machine's load average is printed before and after: on a shared machine, read the figures with it.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import fresh_process_env, perturbed  # noqa: E402

CHILD = r"""
import json, pickle, resource, sys, time
start = time.perf_counter()
mode, path, n_jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, "rb") as handle:
    texts = pickle.load(handle)
result = {}
if mode == "umpanbalik":
    from umpanbalik._annotate import Models, annotate
    models = Models()
    for name in ("sentimen", "saran", "non_informatif", "aspek", "preprocessor"):
        models.get(name)
    loaded = time.perf_counter()
    frame = annotate(texts, models=models, n_jobs=n_jobs)
    result["rows"] = len(frame)
else:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    from umpanbalik import AspectTagger, NonInformativeDetector, SentimentClassifier, SuggestionDetector
    stemmer = StemmerFactory().create_stemmer()
    models = [SentimentClassifier.pretrained(), SuggestionDetector.pretrained(),
              NonInformativeDetector.pretrained(), AspectTagger.pretrained()]
    loaded = time.perf_counter()
    stems = [stemmer.stem(text) for text in texts]
    sentiment = models[0].predict_proba(texts)
    suggestion, non_answer = models[1].predict(texts), models[2].predict(texts)
    tagged = models[3].tag(texts)
    result["rows"] = len(tagged)
done = time.perf_counter()
from umpanbalik import _parallel
_parallel.shutdown()  # end any lasting workers too, so that every worker's peak memory is counted
result.update(load=loaded - start, run=done - loaded, peak_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
              worker_peak_mib=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
print(json.dumps(result))
"""


def run(mode: str, path: str, n_jobs: int) -> dict:
    env = fresh_process_env()
    out = subprocess.run([sys.executable, "-c", CHILD, mode, path, str(n_jobs)], env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=1, help="fresh processes per measurement (best is shown)")
    parser.add_argument("--n-jobs", type=int, nargs="+", default=[1], help="annotate(n_jobs=...) values to time")
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    from umpanbalik import load_corpus

    corpus = load_corpus()["teks"].tolist()
    print(f"load average before: {load_average()} ({os.cpu_count()} cores)")
    for size in args.sizes:
        texts = perturbed(corpus, size, seed=0)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "texts.pkl")
            with open(path, "wb") as handle:
                pickle.dump(texts, handle)
            print(f"\n{size:,} comments ({len(set(texts)):,} distinct)")
            ours = None
            for n_jobs in args.n_jobs:
                runs = [run("umpanbalik", path, n_jobs) for _ in range(args.repeat)]
                best = min(runs, key=lambda r: r["run"])
                ours = best if ours is None or best["run"] < ours["run"] else ours
                every = ", ".join(f"{r['run']:.1f}" for r in runs)
                print(f"  umpanbalik annotate (n_jobs={n_jobs}): load {min(r['load'] for r in runs):5.1f} s, "
                      f"annotate {best['run']:6.1f} s ({size / best['run']:,.0f} comments/s; runs: {every}), "
                      f"peak RSS {max(r['peak_mib'] for r in runs):,.0f} MiB"
                      + (f" (+ worker {max(r['worker_peak_mib'] for r in runs):,.0f} MiB)" if n_jobs != 1 else ""))
            if not args.skip_baseline:
                runs = [run("baseline", path, 1) for _ in range(args.repeat)]
                base = min(runs, key=lambda r: r["run"])
                print(f"  hand-written (Sastrawi per comment + each pretrained model separately): load "
                      f"{base['load']:5.1f} s, work {base['run']:6.1f} s, peak RSS {base['peak_mib']:,.0f} MiB")
                print(f"  speed-up: {base['run'] / ours['run']:.1f}x on the work, "
                      f"{(base['load'] + base['run']) / (ours['load'] + ours['run']):.1f}x including loading")
    print(f"\nload average after: {load_average()}")


if __name__ == "__main__":
    main()
