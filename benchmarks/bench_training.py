"""Training speed on the 2-core machine: the models an analyst fits on their own labels.

    python benchmarks/bench_training.py

1. SentimentClassifier on IndoNLU SmSA train (11,000 reviews), scored on valid (macro-F1), against
   a plain TfidfVectorizer + LogisticRegression in the same run (target: fit <= 15 s).
2. AspectTagger with a 10-aspect taxonomy on 2,500 comments (target: fit <= 20 s): the written
   corpus's four aspects split by polarity (materi_positif, materi_negatif, …) plus saran and
   non_informatif as two more codes, each code with its own seed words, polarity learnt per code;
   scored on 1,000 other comments (micro-F1 of the codes).
   How the fit time grows with the length of the texts (the issue's own set is 2,568 reviews that
   we do not have): the same codes on 2,568 texts of one and of three corpus comments joined
   (about 14 and 43 words; a text's codes are its comments' codes), and the CASA taxonomy on CASA
   train + valid (900 real car reviews of about 15 words, six aspects with polarity).
3. The shipped recipe (``make models``): every comment model on the written corpus plus the real
   training split.
Times are wall-clock seconds of one fit in a fresh estimator (the first Sastrawi stemming of new
words included). ``AspectTagger.fit`` runs its solvers on one thread per core (see
``umpanbalik._parallel.solver_threads``); the 43-word case is also timed on one thread
(``OMP_NUM_THREADS=1``), the baseline of the same run.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from unittest import mock

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.pipeline import make_pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from _common import INDONLU_LABELS, SHARED, casa_labels, smsa  # noqa: E402

from umpanbalik import AspectTagger, SentimentClassifier, load_corpus  # noqa: E402

SEEDS = {"materi": ["materi", "modul", "slide", "topik", "bahan"], "metode": ["penjelasan", "praktik", "diskusi", "interaktif", "tugas"],
         "relevansi": ["relevan", "tupoksi", "bermanfaat", "diterapkan"], "waktu": ["waktu", "jadwal", "durasi", "molor", "telat"]}


def ten_codes() -> tuple[dict, list, list, list, list]:
    corpus = load_corpus().sample(frac=1.0, random_state=0).reset_index(drop=True)
    taxonomy = {}
    for aspect, seeds in SEEDS.items():
        taxonomy[f"{aspect}_positif"] = seeds
        taxonomy[f"{aspect}_negatif"] = seeds
    taxonomy["saran"] = ["mohon", "sebaiknya", "tolong", "perlu", "semoga"]
    taxonomy["bukan_jawaban"] = ["tidak ada", "cukup", "nihil"]
    codes, polarity = [], []
    for _, row in corpus.iterrows():
        row_codes = [f"{a}_{p}" for a, p in row["aspek_sentimen"].items() if p != "netral"]
        row_codes += ["saran"] * bool(row["saran"]) + ["bukan_jawaban"] * bool(row["non_informatif"])
        codes.append(row_codes)
        polarity.append({c: (c.rsplit("_", 1)[1] if c.endswith(("_positif", "_negatif")) else row["sentimen"]) for c in row_codes})
    return taxonomy, corpus["teks"].tolist(), codes, polarity, list(taxonomy)


def main() -> None:
    train, valid = smsa("train"), smsa("valid")
    if train is not None:
        start = time.perf_counter()
        model = SentimentClassifier().fit(train["text"], train["label"].map(INDONLU_LABELS))
        ours = time.perf_counter() - start
        f1 = f1_score(valid["label"].map(INDONLU_LABELS), model.predict(valid["text"]), average="macro")
        start = time.perf_counter()
        plain = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=2000)).fit(train["text"], train["label"])
        base = time.perf_counter() - start
        base_f1 = f1_score(valid["label"], plain.predict(valid["text"]), average="macro")
        print(f"SentimentClassifier on SmSA train ({len(train):,}): fit {ours:.1f} s (target <= 15 s), valid macro-F1 "
              f"{100 * f1:.1f}; plain TF-IDF + LR: fit {base:.1f} s, macro-F1 {100 * base_f1:.1f}")
    else:
        print("../shared/data not present: SmSA part skipped")

    taxonomy, texts, codes, polarity, names = ten_codes()
    start = time.perf_counter()
    tagger = AspectTagger(taxonomy).fit(texts[:2500], codes[:2500], aspect_sentiments=polarity[:2500])
    seconds = time.perf_counter() - start
    held = tagger.predict(texts[2500:3500])
    truth = np.asarray([[int(c in row) for c in names] for row in codes[2500:3500]])
    print(f"AspectTagger, 10 codes, 2,500 comments: fit {seconds:.1f} s (target <= 20 s), micro-F1 on 1,000 others "
          f"{100 * f1_score(truth, held, average='micro'):.1f}")
    for joined in (1, 3):
        rows = np.random.default_rng(0).integers(0, len(texts), size=(2568, joined))
        long_texts = [" ".join(texts[j] for j in row) for row in rows]
        long_codes = [sorted({c for j in row for c in codes[j]}) for row in rows]
        long_polarity = [dict((c, p) for j in row for c, p in polarity[j].items()) for row in rows]
        start = time.perf_counter()
        AspectTagger(taxonomy).fit(long_texts, long_codes, aspect_sentiments=long_polarity)
        seconds = time.perf_counter() - start
        words = np.mean([len(t.split()) for t in long_texts])
        line = f"AspectTagger, 10 codes, 2,568 texts of {joined} comment(s) ({words:.0f} words on average): fit {seconds:.1f} s"
        if joined == 3:
            with mock.patch.dict(os.environ, {"OMP_NUM_THREADS": "1"}):
                start = time.perf_counter()
                AspectTagger(taxonomy).fit(long_texts, long_codes, aspect_sentiments=long_polarity)
                alone = time.perf_counter() - start
            line += f" (target <= 20 s); on one thread {alone:.1f} s ({alone / seconds:.2f}x)"
        print(line)
    casa = SHARED / "indonlu-casa"
    if casa.exists():
        frame = pd.concat([pd.read_csv(casa / f"{part}_preprocess.csv") for part in ("train", "valid")], ignore_index=True)
        mentions, polarities = casa_labels(frame, [c for c in frame.columns if c != "sentence"])
        start = time.perf_counter()
        AspectTagger(Path(__file__).with_name("casa_taxonomy.json")).fit(frame["sentence"], mentions, aspect_sentiments=polarities)
        print(f"AspectTagger, CASA taxonomy (6 aspects), CASA train + valid ({len(frame):,} reviews): fit "
              f"{time.perf_counter() - start:.1f} s")

    from real_data import real_dir

    if (real_dir() / "edom-sentimen" / "komentar.csv").exists():
        import _real
        from training import fit_comment_models, training_frame

        frame = training_frame(_real.real_split("train"))
        start = time.perf_counter()
        fit_comment_models(frame, verbose=True)
        print(f"shipped recipe ({len(frame):,} comments): {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
