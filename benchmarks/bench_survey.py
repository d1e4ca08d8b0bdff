"""The shipped models on comments they never saw: the example survey, labelled blind by two annotators.

    python benchmarks/bench_survey.py

``data/raw/uji_survei/`` holds 400 comments and 200 why-not answers drawn at random from the
bundled example survey (none of them in the training corpus; the survey was written apart from the
corpus, by other writers and to another guide), each labelled by two annotators who worked
independently to LABELS.md and saw neither the models' outputs nor each other's labels. The
models were trained before the labels existed and are not trained on them.

Printed:
1. Agreement of the two annotators (Cohen's kappa per field).
2. Each method scored on the items where the annotators agree on that field (the clear cases),
   and against each annotator on every item (the range that the ambiguous cases allow):
   the shipped models (``umpanbalik.analyze``), a plain TfidfVectorizer + LogisticRegression per
   output trained on the whole bundled corpus, and keyword matching — as in ``bench_models.py``.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, cohen_kappa_score, f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_models import (  # noqa: E402
    REQUEST_MARKERS,
    indicator,
    keyword_aspects,
    keyword_sentiment,
    plain,
    polarity_accuracy,
)

from umpanbalik import Preprocessor, analyze  # noqa: E402
from umpanbalik.aspects import load_taxonomy  # noqa: E402
from umpanbalik.datasets import ASPECTS, BARRIERS, load_barriers, load_corpus  # noqa: E402

FOLDER = Path(__file__).resolve().parents[1] / "data" / "raw" / "uji_survei"


def read(name: str) -> pd.DataFrame:
    rows = [json.loads(line) for line in (FOLDER / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return pd.DataFrame(rows).set_index("id")


def agreement(a: pd.DataFrame, b: pd.DataFrame, kind: str) -> dict[str, float]:
    kappas = {}
    if kind == "komentar":
        kappas["sentimen"] = cohen_kappa_score(a["sentimen"], b["sentimen"])
        for aspect in ASPECTS:
            kappas[f"aspek {aspect}"] = cohen_kappa_score([aspect in x for x in a["aspek"]], [aspect in x for x in b["aspek"]])
        both = [(x[s], y[s]) for x, y in zip(a["aspek_sentimen"], b["aspek_sentimen"]) for s in set(x) & set(y)]
        kappas["aspek_sentimen (both)"] = cohen_kappa_score(*zip(*both)) if both else np.nan
        kappas["saran"] = cohen_kappa_score(a["saran"], b["saran"])
        kappas["non_informatif"] = cohen_kappa_score(a["non_informatif"], b["non_informatif"])
    else:
        for code in BARRIERS:
            x, y = [code in r for r in a["hambatan"]], [code in r for r in b["hambatan"]]
            kappas[f"hambatan {code}"] = cohen_kappa_score(x, y) if any(x) or any(y) else np.nan
    return kappas


def predictions(texts: list[str], answers: list[str]) -> dict[str, dict[str, list]]:
    """Per method: sentimen, aspek, aspek_sentimen, saran, non_informatif for ``texts`` and hambatan
    for ``answers``."""
    shipped = analyze(texts, topics=False, progress=False).comments
    coded = analyze(answers, task="hambatan", topics=False, progress=False).comments
    out = {"umpanbalik": {name: shipped[name].tolist() for name in ("sentimen", "aspek", "aspek_sentimen", "saran", "non_informatif")}}
    out["umpanbalik"]["hambatan"] = coded["hambatan"].tolist()

    corpus, barriers = load_corpus(), load_barriers()
    sentiment = plain().fit(corpus["teks"], corpus["sentimen"]).predict(texts)
    aspects = np.column_stack([plain().fit(corpus["teks"], [a in r for r in corpus["aspek"]]).predict(texts) for a in ASPECTS])
    codes = np.column_stack([plain().fit(barriers["teks"], [b in r for r in barriers["hambatan"]]).predict(answers) for b in BARRIERS])
    aspect_lists = [[a for a, hit in zip(ASPECTS, row) if hit] for row in aspects]
    out["tfidf+LR (raw)"] = {
        "sentimen": list(sentiment), "aspek": aspect_lists,
        "aspek_sentimen": [{a: s for a in row} for row, s in zip(aspect_lists, sentiment)],
        "saran": list(plain().fit(corpus["teks"], corpus["saran"]).predict(texts)),
        "non_informatif": list(plain().fit(corpus["teks"], corpus["non_informatif"]).predict(texts)),
        "hambatan": [[b for b, hit in zip(BARRIERS, row) if hit] for row in codes],
    }

    pre = Preprocessor()
    cleaned, cleaned_answers = pre.transform(texts), pre.transform(answers)
    sentiment = keyword_sentiment(cleaned)
    aspects = keyword_aspects(cleaned, load_taxonomy("aspek"))
    aspect_lists = [[a for a, hit in zip(ASPECTS, row) if hit] for row in aspects]
    codes = keyword_aspects(cleaned_answers, load_taxonomy("hambatan"))
    out["keywords"] = {
        "sentimen": list(sentiment), "aspek": aspect_lists,
        "aspek_sentimen": [{a: s for a in row} for row, s in zip(aspect_lists, sentiment)],
        "saran": [bool(set(t.replace("_", " ").split()) & REQUEST_MARKERS) for t in cleaned],
        "non_informatif": [len(t.split()) == 0 or t in {"tidak_ada", "cukup", "oke"} for t in cleaned],
        "hambatan": [[b for b, hit in zip(BARRIERS, row) if hit] for row in codes],
    }
    return out


def scores(gold: pd.DataFrame, gold_answers: pd.DataFrame, predicted: dict[str, list], comments: np.ndarray | None = None,
           answers: np.ndarray | None = None) -> dict[str, float]:
    """The metrics of ``predicted`` against ``gold``; ``comments``/``answers``: per field, the rows to
    score (``None``: all)."""
    def rows(field: str, mask: Any) -> np.ndarray:
        return np.ones(len(gold), dtype=bool) if mask is None else mask[field]

    result = {}
    keep = rows("sentimen", comments)
    result["sentimen macro-F1"] = f1_score(gold["sentimen"][keep], np.asarray(predicted["sentimen"])[keep], average="macro")
    result["sentimen akurasi"] = accuracy_score(gold["sentimen"][keep], np.asarray(predicted["sentimen"])[keep])
    keep = rows("aspek", comments)
    true = indicator(gold["aspek"][keep].tolist(), ASPECTS)
    pred = indicator([p for p, k in zip(predicted["aspek"], keep) if k], ASPECTS)
    result["aspek micro-F1"] = f1_score(true, pred, average="micro")
    result["aspek macro-F1"] = f1_score(true, pred, average="macro")
    for j, aspect in enumerate(ASPECTS):
        result[f"aspek F1 {aspect}"] = f1_score(true[:, j], pred[:, j], zero_division=0)
    keep = rows("aspek_sentimen", comments)
    result["polaritas aspek akurasi"] = polarity_accuracy(
        gold["aspek"][keep], gold["aspek_sentimen"][keep],
        [p for p, k in zip(predicted["aspek"], keep) if k], [p for p, k in zip(predicted["aspek_sentimen"], keep) if k])
    for field in ("saran", "non_informatif"):
        keep = rows(field, comments)
        result[f"{field} F1"] = f1_score(gold[field][keep].astype(bool), np.asarray(predicted[field], dtype=bool)[keep])
    keep = np.ones(len(gold_answers), dtype=bool) if answers is None else answers
    true = indicator(gold_answers["hambatan"][keep].tolist(), BARRIERS)
    pred = indicator([p for p, k in zip(predicted["hambatan"], keep) if k], BARRIERS)
    result["hambatan micro-F1"] = f1_score(true, pred, average="micro")
    result["hambatan macro-F1"] = f1_score(true, pred, average="macro", zero_division=0)
    return result


def main() -> None:
    a, b = read("komentar_A.jsonl"), read("komentar_B.jsonl")
    ha, hb = read("hambatan_A.jsonl"), read("hambatan_B.jsonl")
    assert a.index.equals(b.index) and ha.index.equals(hb.index) and (a["teks"] == b["teks"]).all()
    print(f"{len(a)} comments, {len(ha)} why-not answers, each labelled by two annotators\n")
    print("Agreement of the annotators (Cohen's kappa):")
    for field, kappa in {**agreement(a, b, "komentar"), **agreement(ha, hb, "hambatan")}.items():
        print(f"  {field:28s} {kappa:6.3f}")

    agreed = {
        "sentimen": (a["sentimen"] == b["sentimen"]).to_numpy(),
        "aspek": np.asarray([x == y for x, y in zip(a["aspek"], b["aspek"])]),
        "aspek_sentimen": np.asarray([x == y for x, y in zip(a["aspek_sentimen"], b["aspek_sentimen"])]),
        "saran": (a["saran"] == b["saran"]).to_numpy(),
        "non_informatif": (a["non_informatif"] == b["non_informatif"]).to_numpy(),
    }
    agreed_answers = np.asarray([sorted(x) == sorted(y) for x, y in zip(ha["hambatan"], hb["hambatan"])])
    print("\nItems on which the annotators agree: " + ", ".join(f"{k} {v.sum()}" for k, v in agreed.items())
          + f", hambatan {agreed_answers.sum()} of {len(ha)}")

    predicted = predictions(a["teks"].tolist(), ha["teks"].tolist())
    table = {}
    for method, outputs in predicted.items():
        on_agreed = scores(a, ha, outputs, agreed, agreed_answers)
        vs_a, vs_b = scores(a, ha, outputs), scores(b, hb, outputs)
        for metric in on_agreed:
            low, high = sorted((vs_a[metric], vs_b[metric]))
            table.setdefault(metric, {})[method] = f"{100 * on_agreed[metric]:.1f} ({100 * low:.1f}–{100 * high:.1f})"
    print("\nScores on the agreed items (in brackets: against annotator A and B on every item)")
    print(pd.DataFrame(table).T.to_string())


if __name__ == "__main__":
    main()
