"""Per-comment preprocessing on short real comments, against the naive pipeline, in one run.

    python benchmarks/bench_preprocess_real.py [--repeat 3]

Real end-of-course evaluation answers (``../shared/data/real/``: the edom and survei sources, every
row, median about six words) are preprocessed one comment at a time, as a notebook user does with
``df["komentar"].map(...)``. Every method runs in a fresh process, best of ``--repeat``:

(a) naive: PySastrawi's ``StemmerFactory().create_stemmer()`` and
    ``StopWordRemoverFactory().create_stop_word_remover()``, then ``remove(stem(text))`` per comment;
    its setup (import and factories) is timed apart from the processing;
(b) umpanbalik: ``from umpanbalik import preprocess`` and the first call (the "import plus first
    call" figure), then ``preprocess(text)`` per comment (processing); then a second pass over the
    same comments (warm: a short comment seen before is one lookup in preprocess's comment memo),
    and a pass of the token path alone (every word's analysis known, no comment memo);
(c) floor: a regex tokeniser plus one dict lookup per token of stems known in advance (what any
    pipeline must at least do per comment).

Printed: seconds for each, and the ratios the targets of issue 18 name: processing speed against the
naive pipeline (target >= 1.5x), import plus first call (target <= 0.3 s), warm speed against the
floor (target >= 0.5x).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import fresh_process_env  # noqa: E402
from real_data import load_sources, real_dir  # noqa: E402

NAIVE = r"""
import json, sys, time
texts = json.load(open(sys.argv[1]))
start = time.perf_counter()
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory
stemmer = StemmerFactory().create_stemmer()
remover = StopWordRemoverFactory().create_stop_word_remover()
setup = time.perf_counter() - start
start = time.perf_counter()
out = [remover.remove(stemmer.stem(t)) for t in texts]
print(json.dumps({"setup": setup, "processing": time.perf_counter() - start}))
"""

OURS = r"""
import json, sys, time
texts = json.load(open(sys.argv[1]))
start = time.perf_counter()
from umpanbalik import preprocess
preprocess(texts[0])
first = time.perf_counter() - start
start = time.perf_counter()
out = [preprocess(t) for t in texts]
processing = time.perf_counter() - start
start = time.perf_counter()
out = [preprocess(t) for t in texts]
warm = time.perf_counter() - start
from umpanbalik.tokens import _preprocess_default  # the token path alone, without the comment memo
start = time.perf_counter()
out = [_preprocess_default(t) for t in texts]
warm_tokens = time.perf_counter() - start
# the floor's stems: what this run learnt, so that the floor does no stemming at all
from umpanbalik.stemming import stem_word
words = sorted({w for t in texts for w in __import__("re").findall(r"[a-z]+", t.lower())})
json.dump({w: stem_word(w) for w in words}, open(sys.argv[2], "w"))
print(json.dumps({"first": first, "processing": processing, "warm": warm, "warm_tokens": warm_tokens}))
"""

FLOOR = r"""
import json, re, sys, time
texts = json.load(open(sys.argv[1]))
stems = json.load(open(sys.argv[2]))
token = re.compile(r"[a-z]+")
start = time.perf_counter()
out = [[stems.get(w, w) for w in token.findall(t.lower())] for t in texts]
print(json.dumps({"processing": time.perf_counter() - start}))
"""


def real_comments() -> list[str]:
    """Every non-blank evaluation answer (edom, then survei), in source order."""
    rows = load_sources().values()
    return [row["teks"] for source in ("edom", "survei") for row in rows if row["sumber"] == source and row["teks"].strip()]


def run(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True,
                         env=fresh_process_env())
    return json.loads(out.stdout.strip().splitlines()[-1])


def best(results: list[dict]) -> dict:
    return {key: min(r[key] for r in results) for key in results[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not (real_dir() / "edom-sentimen" / "komentar.csv").exists():
        print(f"real comments not found in {real_dir()}; set UMPANBALIK_REAL_DATA")
        return 1
    texts = real_comments()
    words = sorted(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as folder:
        data, stems = os.path.join(folder, "texts.json"), os.path.join(folder, "stems.json")
        with open(data, "w", encoding="utf-8") as handle:
            json.dump(texts, handle)
        naive, ours, floor = [], [], []
        for _ in range(args.repeat):  # interleaved, so that a busy moment hits every method alike
            naive.append(run(NAIVE, data))
            ours.append(run(OURS, data, stems))
            floor.append(run(FLOOR, data, stems))
    naive, ours, floor = best(naive), best(ours), best(floor)
    print(f"{len(texts):,} real comments, median {words[len(words) // 2]} words; best of {args.repeat}; "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"naive PySastrawi   setup {naive['setup']:.3f} s   processing {naive['processing']:.3f} s")
    print(f"umpanbalik         import + first call {ours['first']:.3f} s   processing {ours['processing']:.3f} s   "
          f"warm {ours['warm']:.3f} s (token path without the comment memo {ours['warm_tokens']:.3f} s)")
    print(f"floor (regex+dict) processing {floor['processing']:.3f} s")
    print(f"processing vs naive: {naive['processing'] / ours['processing']:.2f}x (target >= 1.5x)")
    print(f"import + first call: {ours['first']:.3f} s (target <= 0.3 s)")
    print(f"warm vs floor: {floor['processing'] / ours['warm']:.2f}x (target >= 0.5x; token path "
          f"{floor['processing'] / ours['warm_tokens']:.2f}x)")
    print(f"total with setup vs naive: {(naive['setup'] + naive['processing']) / (ours['first'] + ours['processing']):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
