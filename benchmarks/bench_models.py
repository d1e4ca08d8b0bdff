"""Model quality, measured on data the models did not see.

    python benchmarks/bench_models.py [--folds 5] [--skip-public] [--skip-cv] [--skip-real]

0. Real comments first (``data/real/``, texts from ``../shared/data/real/``): the shipped models on
   the real test split (971 comments never trained or tuned on), overall and per source, against
   the issue's targets, with the sentiment confusion matrix; and, in the same run, the same recipe
   trained on the written corpus alone (what the models were before real labels).
1. 5-fold cross-validation on the bundled corpus (stratified by sentiment, same folds for every
   method): sentiment macro-F1, aspect-mention micro/macro-F1, aspect-polarity accuracy (on aspects
   both labelled and predicted), F1 of saran and non_informatif; and barrier micro/macro-F1 on the
   barrier corpus. Each against two baselines in the same run: a plain TfidfVectorizer +
   LogisticRegression on raw text, and keyword matching alone (seed lexicon, polarity lexicon and
   request markers).
2. Public data (../shared/data, when present): SentimentClassifier trained on IndoNLU SmSA train and
   scored on valid (macro-F1), against the plain TF-IDF + LogisticRegression baseline; AspectTagger
   with the CASA taxonomy (benchmarks/casa_taxonomy.json) trained on CASA train and scored on test
   with IndoNLU's pooled macro-F1.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.pipeline import make_pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from _common import INDONLU_LABELS, SHARED, casa_labels, casa_pooled, smsa  # noqa: E402
from _real import indicator, polarity_accuracy  # noqa: E402

from umpanbalik import Preprocessor  # noqa: E402
from umpanbalik.aspects import AspectTagger, load_taxonomy  # noqa: E402
from umpanbalik.datasets import ASPECTS, BARRIERS, load_barriers, load_corpus  # noqa: E402
from umpanbalik.features import lexicon_scores  # noqa: E402
from umpanbalik.flags import NonInformativeDetector, SuggestionDetector  # noqa: E402
from umpanbalik.sentiment import SentimentClassifier  # noqa: E402

REQUEST_MARKERS = {"mohon", "tolong", "sebaiknya", "harap", "perlu", "tingkat", "banyak", "jangan", "semoga",
                   "saran", "usul", "lebih", "agar", "supaya", "hendaknya", "seharusnya", "minta"}


def plain() -> object:
    return make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=2000))


def keyword_sentiment(cleaned: list[str]) -> np.ndarray:
    scores = lexicon_scores(cleaned)
    net = scores[:, 0] + scores[:, 3] - scores[:, 1] - scores[:, 2]
    return np.where(net > 0, "positif", np.where(net < 0, "negatif", "netral"))


def keyword_aspects(cleaned: list[str], taxonomy: dict) -> np.ndarray:
    names = list(taxonomy)
    seeds = [set(taxonomy[a]["kata_kunci"]) for a in names]
    rows = []
    for text in cleaned:
        words = {t.rsplit("_", 1)[-1] for t in text.split()}
        rows.append([int(bool(words & s)) for s in seeds])
    return np.asarray(rows).reshape(len(cleaned), len(names))


def cross_validate(folds: int) -> pd.DataFrame:
    corpus = load_corpus()
    texts = corpus["teks"].tolist()
    pre = Preprocessor()
    cleaned = pre.transform(texts)
    taxonomy = load_taxonomy("aspek")
    results: dict[str, dict[str, list[float]]] = {}

    def record(method: str, metric: str, value: float) -> None:
        results.setdefault(metric, {}).setdefault(method, []).append(value)

    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    for fold, (train, test) in enumerate(splitter.split(texts, corpus["sentimen"])):
        start = time.perf_counter()
        tr, te = corpus.iloc[train], corpus.iloc[test]
        te_clean = [cleaned[i] for i in test]
        # sentiment
        record("umpanbalik", "sentimen macro-F1", f1_score(te["sentimen"], SentimentClassifier().fit(tr["teks"], tr["sentimen"]).predict(te["teks"]), average="macro"))
        record("tfidf+LR (raw)", "sentimen macro-F1", f1_score(te["sentimen"], plain().fit(tr["teks"], tr["sentimen"]).predict(te["teks"]), average="macro"))
        record("keywords", "sentimen macro-F1", f1_score(te["sentimen"], keyword_sentiment(te_clean), average="macro"))
        # flags
        for column, model, keyword in [
            ("saran", SuggestionDetector, lambda c: [bool(set(t.replace("_", " ").split()) & REQUEST_MARKERS) for t in c]),
            ("non_informatif", NonInformativeDetector, lambda c: [len(t.split()) == 0 or t in {"tidak_ada", "cukup", "oke"} for t in c]),
        ]:
            record("umpanbalik", f"{column} F1", f1_score(te[column], model().fit(tr["teks"], tr[column]).predict(te["teks"])))
            record("tfidf+LR (raw)", f"{column} F1", f1_score(te[column], plain().fit(tr["teks"], tr[column]).predict(te["teks"])))
            record("keywords", f"{column} F1", f1_score(te[column], keyword(te_clean)))
        # aspects
        true = indicator(te["aspek"], ASPECTS)
        tagger = AspectTagger().fit(tr["teks"], tr["aspek"], aspect_sentiments=tr["aspek_sentimen"])
        tagged = tagger.tag(te["teks"])
        predicted = indicator(tagged["aspek"], ASPECTS)
        record("umpanbalik", "aspek micro-F1", f1_score(true, predicted, average="micro"))
        record("umpanbalik", "aspek macro-F1", f1_score(true, predicted, average="macro"))
        record("umpanbalik", "polaritas aspek akurasi", polarity_accuracy(te["aspek"], te["aspek_sentimen"], tagged["aspek"], tagged["aspek_sentimen"]))
        plain_pred = np.column_stack([plain().fit(tr["teks"], [a in row for row in tr["aspek"]]).predict(te["teks"]) for a in ASPECTS])
        record("tfidf+LR (raw)", "aspek micro-F1", f1_score(true, plain_pred, average="micro"))
        record("tfidf+LR (raw)", "aspek macro-F1", f1_score(true, plain_pred, average="macro"))
        keyword_pred = keyword_aspects(te_clean, taxonomy)
        record("keywords", "aspek micro-F1", f1_score(true, keyword_pred, average="micro"))
        record("keywords", "aspek macro-F1", f1_score(true, keyword_pred, average="macro"))
        keyword_sent = keyword_sentiment(te_clean)
        keyword_pol = [{a: s for a in ASPECTS} for s in keyword_sent]
        plain_sent = plain().fit(tr["teks"], tr["sentimen"]).predict(te["teks"])
        record("tfidf+LR (raw)", "polaritas aspek akurasi", polarity_accuracy(te["aspek"], te["aspek_sentimen"], te["aspek"], [{a: s for a in ASPECTS} for s in plain_sent]))
        record("keywords", "polaritas aspek akurasi", polarity_accuracy(te["aspek"], te["aspek_sentimen"], te["aspek"], keyword_pol))
        print(f"  fold {fold + 1}/{folds} done in {time.perf_counter() - start:.0f}s", flush=True)

    barriers = load_barriers()
    b_texts = barriers["teks"].tolist()
    b_clean = pre.transform(b_texts)
    b_tax = load_taxonomy("hambatan")
    for train, test in KFold(n_splits=folds, shuffle=True, random_state=0).split(b_texts):
        tr, te = barriers.iloc[train], barriers.iloc[test]
        true = indicator(te["hambatan"], BARRIERS)
        predicted = indicator(AspectTagger("hambatan", polarity=False).fit(tr["teks"], tr["hambatan"]).tag(te["teks"])["aspek"], BARRIERS)
        plain_pred = np.column_stack([plain().fit(tr["teks"], [b in row for row in tr["hambatan"]]).predict(te["teks"]) for b in BARRIERS])
        keyword_pred = keyword_aspects([b_clean[i] for i in test], b_tax)
        for method, pred in [("umpanbalik", predicted), ("tfidf+LR (raw)", plain_pred), ("keywords", keyword_pred)]:
            record(method, "hambatan micro-F1", f1_score(true, pred, average="micro"))
            record(method, "hambatan macro-F1", f1_score(true, pred, average="macro", zero_division=0))

    rows = []
    for metric, by_method in results.items():
        row = {"metrik": metric}
        for method, values in by_method.items():
            row[method] = f"{100 * np.mean(values):.1f} ± {100 * np.std(values):.1f}"
        rows.append(row)
    return pd.DataFrame(rows)


def interval(truth: np.ndarray, predicted: np.ndarray, rounds: int = 1000, seed: int = 0) -> str:
    """The 95% bootstrap interval of the pooled macro-F1, resampling rows (a row of ``truth`` may hold
    several labels, as a CASA sentence's six aspects do): how far the test set alone moves the figure."""
    rng = np.random.default_rng(seed)
    truth, predicted = np.asarray(truth).reshape(len(truth), -1), np.asarray(predicted).reshape(len(truth), -1)
    values = [f1_score(truth[rows].ravel(), predicted[rows].ravel(), average="macro")
              for rows in (rng.integers(0, len(truth), len(truth)) for _ in range(rounds))]
    low, high = np.percentile(values, [2.5, 97.5])
    return f"[95% bootstrap over the {len(truth):,} rows: {100 * low:.1f}-{100 * high:.1f}]"


def public_benchmarks() -> None:
    train, valid = smsa("train"), smsa("valid")
    if train is None:
        print("../shared/data not present: public benchmarks skipped")
        return

    start = time.perf_counter()
    ours = SentimentClassifier().fit(train["text"], train["label"].map(INDONLU_LABELS))
    truth, predicted = valid["label"].map(INDONLU_LABELS).to_numpy(), ours.predict(valid["text"])
    ours_f1 = f1_score(truth, predicted, average="macro")
    fit_s = time.perf_counter() - start
    base_f1 = f1_score(valid["label"], plain().fit(train["text"], train["label"]).predict(valid["text"]), average="macro")
    print(f"SmSA valid macro-F1: umpanbalik {100 * ours_f1:.1f} {interval(truth, predicted)} (fit {fit_s:.0f}s), "
          f"plain TF-IDF + LR {100 * base_f1:.1f}, difference {100 * (ours_f1 - base_f1):+.1f} points (target >= +3)")

    casa_dir = SHARED / "indonlu-casa"
    aspects = ["fuel", "machine", "others", "part", "price", "service"]
    casa_train, casa_test = pd.read_csv(casa_dir / "train_preprocess.csv"), pd.read_csv(casa_dir / "test_preprocess.csv")
    mention, polarity = casa_labels(casa_train, aspects)
    tagger = AspectTagger(Path(__file__).with_name("casa_taxonomy.json")).fit(casa_train["sentence"], mention, aspect_sentiments=polarity)
    tagged = tagger.tag(casa_test["sentence"])
    truth, pred = casa_pooled(casa_test, tagged, aspects)
    plain_pred = []
    for aspect in aspects:
        model = plain().fit(casa_train["sentence"], casa_train[aspect])
        plain_pred.append(model.predict(casa_test["sentence"]))
    plain_flat = [plain_pred[j][i] for i in range(len(casa_test)) for j in range(len(aspects))]
    print(f"CASA test pooled macro-F1: umpanbalik {100 * f1_score(truth, pred, average='macro'):.1f} "
          f"{interval(np.reshape(truth, (len(casa_test), -1)), np.reshape(pred, (len(casa_test), -1)))}, "
          f"plain TF-IDF + LR per aspect {100 * f1_score(truth, plain_flat, average='macro'):.1f} (target >= 85)")


def real_test() -> None:
    import _real

    if not _real.available():
        print("../shared/data/real not present: real-comment figures skipped")
        return
    from training import fit_comment_models, training_frame

    test = _real.real_split("test")
    shipped = _real.predict(test["teks"].tolist())
    table = _real.report(test, shipped)
    print(f"Real test split ({len(test):,} comments never trained or tuned on), shipped models:")
    print(_real.format_report(table))
    missed = [name for name, row in table.iterrows() if not pd.isna(row["target"]) and row["semua"] < row["target"]]
    print("targets missed: " + (", ".join(missed) if missed else "none"))
    print("\nsentimen confusion (rows: labels, columns: predictions):")
    print(_real.confusion(test, shipped).to_string())
    written_only = _real.predict(test["teks"].tolist(), fit_comment_models(training_frame(None)))
    before = _real.scores(test, written_only)
    print("\nSame recipe trained on the written corpus only (before real labels) -> shipped:")
    for name in ("sentimen macro-F1", "aspek micro-F1", "polaritas aspek akurasi", "saran F1", "non_informatif F1"):
        print(f"  {name:<26} {100 * before[name]:5.1f} -> {100 * table.loc[name, 'semua']:5.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--skip-public", action="store_true")
    parser.add_argument("--skip-cv", action="store_true")
    parser.add_argument("--skip-real", action="store_true")
    args = parser.parse_args()
    if not args.skip_real:
        real_test()
        print()
    if not args.skip_public:
        public_benchmarks()
    if not args.skip_cv:
        corpus = load_corpus()
        print(f"{args.folds}-fold cross-validation on the bundled corpus ({len(corpus):,} comments, "
              f"{len(load_barriers()):,} barrier answers):")
        print(cross_validate(args.folds).to_string(index=False))


if __name__ == "__main__":
    main()
