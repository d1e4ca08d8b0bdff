"""Topic quality and speed: umpanbalik TopicModel against two baselines, in one run.

    python benchmarks/bench_topics.py [--seeds 5] [--skip-large] [--speed-only] [--k K]

Methods (same k for all: the k that TopicModel picks with n_topics="auto", or --k, which also skips
the speed part):
- umpanbalik TopicModel (Indonesian preprocessing, non-answers set aside, spherical k-means);
- plain TfidfVectorizer + KMeans on raw lower-cased text, no Indonesian preprocessing;
- scikit-learn LatentDirichletAllocation on a CountVectorizer of raw lower-cased text.
Metrics: mean NPMI of each topic's top 10 terms, each method on the documents as it represents
them (umpanbalik: preprocessed stems and bigrams, via umpanbalik.topics.coherence; the baselines:
raw lower-cased words and word pairs), for seed 0 and averaged over the seeds; share of top terms that are stopwords (umpanbalik's lists),
non-words (<= 2 characters or digits) or non-answers, and for information the share in Sastrawi's
stock list (minus the evaluation words DOMAIN.md names; that list also holds content words such as
kerja, pertanyaan, jawab); stability (mean adjusted Rand index over seeds); and on
the bundled corpus, NMI between topics and the labelled aspect of single-aspect comments.
Speed: fit time and peak traced memory on 10,000 and 100,000 comments.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import LatentDirichletAllocation
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import peak_memory, perturbed, smsa, timed  # noqa: E402

from umpanbalik.datasets import load_corpus  # noqa: E402
from umpanbalik.lexicon import load_stopwords, load_topic_stopwords  # noqa: E402
from umpanbalik.topics import TopicModel, _npmi_table, coherence  # noqa: E402

EVALUATION_WORDS = {"tidak", "kurang", "belum", "bukan", "jangan", "terlalu", "jelas", "baik", "cukup", "lama",
                    "waktunya", "waktu", "sangat", "lebih", "jam", "hari", "cepat", "mudah", "sulit", "bagus"}
NON_ANSWERS = {"tidak ada", "cukup", "ok", "oke", "nihil", "-", "tidak ada saran", "sip"}
WORD = re.compile(r"\w+")


def stopword_set() -> set[str]:
    """umpanbalik's evaluation-safe stopwords and topic stopwords."""
    return load_stopwords() | load_topic_stopwords()


def stock_stopwords() -> set[str]:
    """Sastrawi's stock list without the evaluation words DOMAIN.md names (it also lists content
    words such as kerja, pertanyaan, jawab): reported for information."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return set(StopWordRemoverFactory().get_stop_words()) - EVALUATION_WORDS


def raw_docs(texts: list[str]) -> list[set[str]]:
    docs = []
    for text in texts:
        words = WORD.findall(text.lower())
        docs.append(set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])})
    return docs


def bad_share(tops: list[list[str]], stopwords: set[str]) -> float:
    terms = [t for top in tops for t in top]
    bad = [t for t in terms if t in NON_ANSWERS or all(w in stopwords or len(w) <= 2 or any(c.isdigit() for c in w) for w in t.split())]
    return len(bad) / max(len(terms), 1)


def ours(texts, k, seed):
    model = TopicModel(n_topics=k, random_state=seed).fit(texts)
    tops = [[term for term, _ in terms[:10]] for terms in model.topics_["kata_kunci"]]
    return model.labels_, tops, float(coherence(model, texts).attrs["rata_rata"])


def plain_kmeans(texts, k, seed):
    vectorizer = TfidfVectorizer(lowercase=True)
    matrix = vectorizer.fit_transform(texts)
    labels = KMeans(n_clusters=k, n_init=1, random_state=seed).fit_predict(matrix)
    names = vectorizer.get_feature_names_out()
    tops = []
    for c in range(k):
        centroid = np.asarray(matrix[labels == c].mean(axis=0)).ravel()
        tops.append([names[i] for i in np.argsort(-centroid)[:10]])
    return labels, tops, float(np.mean(_npmi_table(raw_docs(texts), tops)))


def lda(texts, k, seed):
    vectorizer = CountVectorizer(lowercase=True)
    matrix = vectorizer.fit_transform(texts)
    model = LatentDirichletAllocation(n_components=k, random_state=seed, learning_method="batch", max_iter=20)
    labels = model.fit_transform(matrix).argmax(axis=1)
    names = vectorizer.get_feature_names_out()
    tops = [[names[i] for i in np.argsort(-row)[:10]] for row in model.components_]
    return labels, tops, float(np.mean(_npmi_table(raw_docs(texts), tops)))


def compare(name: str, texts: list[str], seeds: int, aspects=None, k: int | None = None) -> None:
    start = time.perf_counter()
    auto = TopicModel(n_topics=k or "auto").fit(texts)
    k = auto.n_topics_
    print(f"\n== {name}: {len(texts):,} comments; "
          + (f"fixed k={k}" if auto.n_topics != "auto" else f"TopicModel auto picked k={k}")
          + f" ({time.perf_counter() - start:.1f}s, {auto.n_non_informative_} non-answers set aside)")
    stopwords = stopword_set()
    stock = stock_stopwords()
    print(f"{'method':<28}{'NPMI':>8}{'NPMI mean':>11}{'bad terms':>11}{'in Sastrawi':>13}{'ARI seeds':>11}"
          + (f"{'NMI aspek':>11}" if aspects is not None else ""))
    for label, method in [("umpanbalik TopicModel", ours), ("TF-IDF + KMeans (raw)", plain_kmeans), ("LDA (raw counts)", lda)]:
        runs = [method(texts, k, seed) for seed in range(seeds)]
        labels, tops, npmi = runs[0]
        ari = float(np.mean([adjusted_rand_score(a[0], b[0]) for i, a in enumerate(runs) for b in runs[i + 1:]]))
        line = (f"{label:<28}{npmi:>8.3f}{np.mean([run[2] for run in runs]):>11.3f}{100 * bad_share(tops, stopwords):>10.1f}%"
                f"{100 * bad_share(tops, stock):>12.1f}%{ari:>11.3f}")
        if aspects is not None:
            single = [i for i, a in enumerate(aspects) if len(a) == 1]
            line += f"{normalized_mutual_info_score([aspects[i][0] for i in single], [labels[i] for i in single]):>11.3f}"
        print(line)
    worst = [t for terms in auto.topics_["kata_kunci"] for t, _ in terms[:10] if t in NON_ANSWERS or t in stopwords]
    print(f"stopwords or non-answers among umpanbalik's top-10 terms: {worst or 'none'}")


def speed(texts: list[str], sizes: list[int]) -> None:
    print("\n== fit speed and memory (n_topics='auto')")
    for n in sizes:
        data = perturbed(texts, n, seed=n)
        TopicModel(n_topics=2).fit(data[:200])  # loads the shipped non-answer model once
        cold, _ = timed(lambda: TopicModel().fit(data))  # new words: Sastrawi stems them first
        warm, _ = timed(lambda: TopicModel().fit(data))
        peak, _ = peak_memory(lambda: TopicModel().fit(data))
        target = 10 if n <= 10_000 else 60
        print(f"{n:>9,} comments: fit {cold:6.1f}s with a cold stem memo, {warm:6.1f}s warm (target < {target}s); "
              f"peak traced memory {peak:,.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument("--k", type=int, help="compare at this k instead of the k TopicModel picks; no speed part")
    args = parser.parse_args()
    corpus = load_corpus()
    frame = smsa("train")
    if not args.speed_only:
        compare("bundled corpus", corpus["teks"].tolist(), args.seeds, aspects=corpus["aspek"].tolist(), k=args.k)
        if frame is not None:
            compare("IndoNLU SmSA train", frame["text"].astype(str).tolist(), args.seeds, k=args.k)
    if args.k:
        return
    base = frame["text"].astype(str).tolist() if frame is not None else corpus["teks"].tolist()
    speed(base, [10_000] if args.skip_large else [10_000, 100_000])


if __name__ == "__main__":
    main()
