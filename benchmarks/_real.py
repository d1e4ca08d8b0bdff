"""Scoring comment models on the team's labelled real comments (``data/real/``, texts from
``../shared/data/real/``): the figures that lead the README and the model card."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import confusion_matrix, f1_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from real_data import ASPECTS, SENTIMENTS, load_labelled, real_dir, training_rows  # noqa: E402

from umpanbalik._annotate import annotate  # noqa: E402

TARGETS = {"sentimen macro-F1": 0.85, "aspek micro-F1": 0.85, "polaritas aspek akurasi": 0.85,
           "saran F1": 0.88, "non_informatif F1": 0.80, **{f"aspek F1 {a}": 0.75 for a in ASPECTS}}


def available() -> bool:
    return (real_dir() / "edom-sentimen" / "komentar.csv").exists() and (ROOT / "data" / "real" / "split.csv").exists()


def real_split(split: str | None = None) -> pd.DataFrame:
    """The labelled real comments of one split; ``"train"`` is what the shipped recipe trains on
    (the training split of the rounds in ``real_data.TRAINING_ROUNDS``)."""
    frame = load_labelled()
    if split == "train":
        return training_rows(frame).reset_index(drop=True)
    return frame if split is None else frame[frame["split"] == split].reset_index(drop=True)


def indicator(lists: Any, names: Any = ASPECTS) -> np.ndarray:
    return np.asarray([[int(a in row) for a in names] for row in lists]).reshape(len(lists), len(names))


def polarity_accuracy(true_lists, true_pol, pred_lists, pred_pol) -> float:
    """Accuracy of the polarity on aspects both labelled and predicted."""
    hits = total = 0
    for t_aspects, t_pol, p_aspects, p_pol in zip(true_lists, true_pol, pred_lists, pred_pol):
        for aspect in set(t_aspects) & set(p_aspects):
            total += 1
            hits += t_pol[aspect] == p_pol.get(aspect)
    return hits / max(total, 1)


def predict(texts: list[str], models: Any = None) -> pd.DataFrame:
    return annotate(list(texts), models=models)


def scores(truth: pd.DataFrame, predicted: pd.DataFrame) -> dict[str, float]:
    """Every figure of the issue's targets for one labelled frame and its predictions."""
    true_aspects, pred_aspects = indicator(truth["aspek"]), indicator(predicted["aspek"])
    result = {
        "n": float(len(truth)),
        "sentimen macro-F1": f1_score(truth["sentimen"], predicted["sentimen"], average="macro", labels=list(SENTIMENTS)),
        "sentimen akurasi": float(np.mean(truth["sentimen"].to_numpy() == predicted["sentimen"].to_numpy())),
        "aspek micro-F1": f1_score(true_aspects, pred_aspects, average="micro", zero_division=0),
        "aspek macro-F1": f1_score(true_aspects, pred_aspects, average="macro", zero_division=0),
    }
    for j, aspect in enumerate(ASPECTS):
        result[f"aspek F1 {aspect}"] = f1_score(true_aspects[:, j], pred_aspects[:, j], zero_division=0)
    result["polaritas aspek akurasi"] = polarity_accuracy(truth["aspek"], truth["aspek_sentimen"],
                                                          predicted["aspek"], predicted["aspek_sentimen"])
    result["saran F1"] = f1_score(truth["saran"].astype(bool), predicted["saran"].astype(bool), zero_division=0)
    result["non_informatif F1"] = f1_score(truth["non_informatif"].astype(bool), predicted["non_informatif"].astype(bool),
                                           zero_division=0)
    for j, aspect in enumerate(ASPECTS):
        result[f"aspek {aspect} ditandai/benar"] = pred_aspects[:, j].sum() / max(true_aspects[:, j].sum(), 1)
    return result


def report(truth: pd.DataFrame, predicted: pd.DataFrame, *, by_source: bool = True) -> pd.DataFrame:
    """A table: one column for all rows, one per source; rows are the figures."""
    columns = {"semua": scores(truth, predicted)}
    if by_source:
        for source in sorted(truth["sumber"].unique()):
            mask = (truth["sumber"] == source).to_numpy()
            columns[source] = scores(truth[mask].reset_index(drop=True), predicted[mask].reset_index(drop=True))
    frame = pd.DataFrame(columns)
    frame["target"] = [TARGETS.get(i, np.nan) for i in frame.index]
    return frame


def format_report(frame: pd.DataFrame) -> str:
    shown = frame.copy()
    for column in shown.columns:
        shown[column] = [("" if pd.isna(v) else f"{int(v):,}" if name == "n" else f"{100 * v:.1f}")
                         for name, v in zip(shown.index, shown[column])]
    return shown.to_string()


def confusion(truth: pd.DataFrame, predicted: pd.DataFrame) -> pd.DataFrame:
    labels = list(SENTIMENTS)
    matrix = confusion_matrix(truth["sentimen"], predicted["sentimen"], labels=labels)
    return pd.DataFrame(matrix, index=[f"benar {x}" for x in labels], columns=[f"prediksi {x}" for x in labels])
