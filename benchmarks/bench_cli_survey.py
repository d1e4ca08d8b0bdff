"""The bundled survey through the CLI, against a minimal hand-written script, in one run.

    python benchmarks/bench_cli_survey.py [--repeat 5]

Each run is a fresh process, interleaved so that a busy moment of the shared machine hits both:

* umpanbalik: ``umpanbalik analyze data/contoh_survei.xlsx --text-column komentar --by instansi
  --rating nilai -o OUT --no-progress`` (all three outputs: CSV, HTML report, Excel workbook), and the
  same with ``--format csv`` (the per-comment table only, still with topics);
* baseline: a script that only reads the workbook, cleans the corpus and the survey with PySastrawi
  (stem + stopword remover), trains TF-IDF + LogisticRegression sentiment on the bundled corpus,
  predicts, groups by instansi and writes a CSV (issue 18's "minimal hand-written script").

Printed: the median wall time of each, the ratio against the baseline, and the stage times of the
median full run (``UMPANBALIK_TIMINGS=1``: reading and imports before the first stage, annotation
with the model loading, topics, themes, each export). Target (issue 18): <= 3 s and no slower than
the baseline.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import fresh_process_env  # noqa: E402

SURVEY = ROOT / "data" / "contoh_survei.xlsx"

BASELINE = r"""
import sys
import pandas as pd
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from umpanbalik import load_corpus
stemmer = StemmerFactory().create_stemmer()
stopwords = StopWordRemoverFactory().create_stop_word_remover()
clean = lambda t: stopwords.remove(stemmer.stem(t)) if isinstance(t, str) else ""
corpus = load_corpus()
survey = pd.read_excel(sys.argv[1])
model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), LogisticRegression(max_iter=1000))
model.fit(corpus["teks"].map(clean), corpus["sentimen"])
survey["sentimen"] = model.predict(survey["komentar"].map(clean))
survey.groupby("instansi")["sentimen"].value_counts(normalize=True).unstack().to_csv(sys.argv[2] + "_ringkas.csv")
survey.to_csv(sys.argv[2] + ".csv", index=False)
"""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return time.perf_counter() - start, done.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    env = fresh_process_env(UMPANBALIK_TIMINGS="1")
    cli = [sys.executable, "-m", "umpanbalik", "analyze", str(SURVEY), "--text-column", "komentar", "--by", "instansi",
           "--rating", "nilai", "--no-progress", "-o"]
    runs: dict[str, list[tuple[float, str]]] = {"full": [], "csv": [], "baseline": []}
    with tempfile.TemporaryDirectory() as folder:
        for i in range(args.repeat):
            runs["full"].append(timed(cli + [os.path.join(folder, f"full{i}")], env))
            runs["csv"].append(timed(cli + [os.path.join(folder, f"csv{i}"), "--format", "csv"], env))
            runs["baseline"].append(timed([sys.executable, "-c", BASELINE, str(SURVEY), os.path.join(folder, f"base{i}")], env))
    median = {name: statistics.median(t for t, _ in values) for name, values in runs.items()}
    print(f"bundled survey (1,566 rows), median of {args.repeat} fresh processes; load average {os.getloadavg()[0]:.2f} on "
          f"{os.cpu_count()} cores")
    print(f"umpanbalik CLI, all three outputs : {median['full']:5.2f} s  ({median['baseline'] / median['full']:.2f}x the baseline's speed; target <= 3 s and >= 1x)")
    print(f"umpanbalik CLI, --format csv      : {median['csv']:5.2f} s  ({median['baseline'] / median['csv']:.2f}x)")
    print(f"hand-written baseline             : {median['baseline']:5.2f} s")
    full = sorted(runs["full"], key=lambda run: run[0])[len(runs["full"]) // 2]
    stages = next((line for line in full[1].splitlines() if line.startswith("waktu:")), "")
    if stages:
        parts = dict(item.rsplit(" ", 1) for item in stages[len("waktu: "):].split(", "))
        before = full[0] - float(parts.get("total", 0))
        inside = {"tema": " (inside html)"}  # themes are found while the report is drawn
        print(f"stages of the median full run: imports and reading {before:.2f} s, " + ", ".join(
            f"{name} {float(value):.2f} s{inside.get(name, '')}" for name, value in parts.items() if name != "total"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
