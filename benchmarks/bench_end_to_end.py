"""End-to-end speed and memory of ``analyze`` against the way a notebook user writes it by hand.

Usage: python benchmarks/bench_end_to_end.py [--sizes 10000 100000] [--skip-baseline]

Inputs are survey-like frames built by sampling the bundled example survey's rows (instansi,
programme, rating) and giving each a comment sampled from the labelled corpus and the survey with
small random edits (``_common.perturbed``), so that most comments are distinct. Every measurement
runs in a fresh process (models loaded from disk, empty stem memo), and reports wall time and the
process's peak resident memory (``ru_maxrss``).

umpanbalik: ``analyze(frame, by="instansi", rating="nilai", barriers="alasan_tidak_ikut")`` with
``n_jobs=1`` (one process) and with the default ``n_jobs=-1`` (every core, from 20,000 distinct
comments) — cleaning, sentiment, aspects with polarity, suggestions, non-answers, barriers, topics;
then ``summary()``, ``compare("instansi")`` and ``rating_effects()``.

Hand-written baseline (the same outputs, done as tutorials show): ``df.apply`` of PySastrawi's
``stemmer.stem`` and ``StopWordRemover.remove`` per comment; a ``TfidfVectorizer`` +
``LogisticRegression`` pipeline per output (sentiment, four aspects, suggestion, non-answer, eight
barriers) trained on the bundled corpora and applied with ``predict``; ``KMeans`` topics on TF-IDF;
pandas ``groupby`` tables.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import fresh_process_env  # noqa: E402

_WORKER = r'''
import json, resource, sys, time
start = time.perf_counter()
import pandas as pd
frame = pd.read_pickle(sys.argv[2])
mode = sys.argv[1]
if mode == "umpanbalik":
    from umpanbalik import analyze
    n_jobs = int(sys.argv[3])
    result = analyze(frame, by="instansi", rating="nilai", barriers="alasan_tidak_ikut", progress=False, n_jobs=n_jobs)
    summary = result.summary(); comparison = result.compare("instansi"); effects = result.rating_effects()
    rows = len(result.comments)
else:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from umpanbalik import load_barriers, load_corpus
    stemmer = StemmerFactory().create_stemmer()
    stopwords = StopWordRemoverFactory().create_stop_word_remover()
    clean = lambda text: stopwords.remove(stemmer.stem(text)) if isinstance(text, str) else ""
    corpus, barriers = load_corpus(), load_barriers()
    corpus["bersih"] = corpus["teks"].apply(clean)
    barriers["bersih"] = barriers["teks"].apply(clean)
    def train(texts, labels):
        return make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), LogisticRegression(max_iter=2000)).fit(texts, labels)
    frame["bersih"] = frame["komentar"].apply(clean)
    frame["bersih_alasan"] = frame["alasan_tidak_ikut"].apply(clean)
    frame["sentimen"] = train(corpus["bersih"], corpus["sentimen"]).predict(frame["bersih"])
    for aspect in ("materi", "metode", "relevansi", "waktu"):
        frame[aspect] = train(corpus["bersih"], corpus["aspek"].map(lambda a: aspect in a)).predict(frame["bersih"])
        mentioned = corpus["aspek"].map(lambda a: aspect in a)
        polarity = train(corpus.loc[mentioned, "bersih"], corpus.loc[mentioned, "aspek_sentimen"].map(lambda d: d[aspect]))
        frame[aspect + "_polaritas"] = polarity.predict(frame["bersih"])
    frame["saran"] = train(corpus["bersih"], corpus["saran"]).predict(frame["bersih"])
    frame["non_informatif"] = train(corpus["bersih"], corpus["non_informatif"]).predict(frame["bersih"])
    for code in ("waktu_beban_kerja", "relevansi", "minat", "dukungan_pimpinan", "akses_biaya", "informasi", "teknis", "lainnya"):
        labels = barriers["hambatan"].map(lambda b: code in b)
        if labels.nunique() > 1:
            frame["hambatan_" + code] = train(barriers["bersih"], labels).predict(frame["bersih_alasan"])
    informative = frame.loc[~frame["non_informatif"]]
    vectors = TfidfVectorizer(min_df=2).fit_transform(informative["bersih"])
    frame.loc[informative.index, "topik"] = KMeans(n_clusters=8, n_init=10, random_state=0).fit_predict(vectors)
    summary = frame.groupby("instansi")[["materi", "metode", "relevansi", "waktu", "saran"]].mean()
    sentiment = pd.crosstab(frame["instansi"], frame["sentimen"], normalize="index")
    rating = pd.to_numeric(frame["nilai"], errors="coerce").groupby(frame["sentimen"]).mean()
    rows = len(frame)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "rows": rows}))
'''


def build_frame(n: int, seed: int = 0):
    import numpy as np
    import pandas as pd

    from _common import perturbed
    from umpanbalik import load_corpus, load_survey

    survey = load_survey()
    texts = load_corpus()["teks"].tolist() + [t for t in survey["komentar"] if t.strip()]
    reasons = [t for t in survey["alasan_tidak_ikut"] if t.strip()]
    rng = np.random.default_rng(seed)
    frame = survey.iloc[rng.integers(0, len(survey), n)].reset_index(drop=True)
    frame["komentar"] = perturbed(texts, n, seed=seed)
    answered = rng.random(n) < 0.45
    frame["alasan_tidak_ikut"] = ""
    frame.loc[answered, "alasan_tidak_ikut"] = perturbed(reasons, int(answered.sum()), seed=seed + 1)
    return frame


def run(mode: str, data: Path, n_jobs: str = "1") -> dict:
    env = fresh_process_env()
    output = subprocess.run([sys.executable, "-c", _WORKER, mode, str(data), n_jobs], capture_output=True, text=True, env=env, check=False)
    if output.returncode != 0:
        raise RuntimeError(f"{mode} failed:\n{output.stderr[-3000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    import tempfile

    print(f"load average before: {', '.join(f'{v:.2f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
    for n in args.sizes:
        frame = build_frame(n)
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder) / "frame.pkl"
            frame.to_pickle(data)
            ours = run("umpanbalik", data)
            both = run("umpanbalik", data, "-1")
            line = (f"{n:>9,} comments  umpanbalik analyze, n_jobs=1: {ours['seconds']:7.1f} s, peak {ours['peak_mib']:6.0f} MiB"
                    f" | default n_jobs=-1: {both['seconds']:7.1f} s, peak {both['peak_mib']:6.0f} MiB (main process)")
            if not args.skip_baseline:
                base = run("baseline", data)
                line += (f" | hand-written: {base['seconds']:7.1f} s, peak {base['peak_mib']:6.0f} MiB"
                         f" | speed ratio {base['seconds'] / ours['seconds']:.2f}x, n_jobs=-1 {base['seconds'] / both['seconds']:.2f}x")
            print(line, flush=True)
    print(f"load average after: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print("targets: 100,000 comments < 60 s, peak < 2 GiB (2,048 MiB), >= 3x faster than hand-written")


if __name__ == "__main__":
    main()
