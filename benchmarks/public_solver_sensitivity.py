"""How far the public figures (IndoNLU SmSA, CASA) move with solver details alone, at the shipped recipe.

    python benchmarks/public_solver_sensitivity.py [--variants shipped tight lbfgs scale3 scale10 scale100]

Every comment model is an L2-regularised logistic regression. ``shipped``: liblinear for two classes,
newton-cg (tol 1e-4) for more, as ``umpanbalik.classifier.linear_classifier`` builds them;
``tight``: the same at tol 1e-6; ``lbfgs``: L-BFGS for every model (the solver before the speed
work of issue 18; its default tolerance stops before the optimum); ``scaleN``: liblinear with
``intercept_scaling=N`` (liblinear regularises the intercept as one more feature; a larger scale
regularises it less). The optimisation problem of the multi-class models is the same under every
solver, so the differences between ``shipped``, ``tight`` and ``lbfgs`` on SmSA are convergence
alone. Issue 14 asks for SmSA and CASA "at or above" a figure; this prints how much of a point
such details move them. Takes a few minutes per variant (the SmSA fit).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import INDONLU_LABELS, SHARED, casa_labels, casa_pooled, smsa  # noqa: E402

from umpanbalik import aspects as _aspects  # noqa: E402
from umpanbalik import classifier as _classifier  # noqa: E402
from umpanbalik.aspects import AspectTagger  # noqa: E402
from umpanbalik.sentiment import SentimentClassifier  # noqa: E402

SHIPPED = _classifier.linear_classifier
ASPECTS = ["fuel", "machine", "others", "part", "price", "service"]


def variant(name: str):
    """A drop-in for ``linear_classifier`` that builds the logistic regression of ``name``."""
    if name == "shipped":
        return SHIPPED

    def build(labels, *, C, class_weight, max_iter, random_state):
        model = SHIPPED(labels, C=C, class_weight=class_weight, max_iter=max_iter, random_state=random_state)
        if name == "tight":
            return model.set_params(tol=1e-6)
        if name == "lbfgs":
            return model.set_params(solver="lbfgs")
        if name.startswith("scale") and model.solver == "liblinear":
            return model.set_params(intercept_scaling=float(name[len("scale"):]))
        return model

    return build


def measure(name: str) -> str:
    _classifier.linear_classifier = _aspects.linear_classifier = variant(name)
    try:
        train, valid = smsa("train"), smsa("valid")
        start = time.perf_counter()
        model = SentimentClassifier().fit(train["text"], train["label"].map(INDONLU_LABELS))
        fit_s = time.perf_counter() - start
        sentiment = f1_score(valid["label"].map(INDONLU_LABELS), model.predict(valid["text"]), average="macro")
        casa_dir = SHARED / "indonlu-casa"
        casa_train = pd.read_csv(casa_dir / "train_preprocess.csv")
        casa_test = pd.read_csv(casa_dir / "test_preprocess.csv")
        mention, polarity = casa_labels(casa_train, ASPECTS)
        taxonomy = Path(__file__).with_name("casa_taxonomy.json")
        tagged = AspectTagger(taxonomy).fit(casa_train["sentence"], mention, aspect_sentiments=polarity).tag(casa_test["sentence"])
        truth, predicted = casa_pooled(casa_test, tagged, ASPECTS)
        casa = f1_score(truth, predicted, average="macro")
    finally:
        _classifier.linear_classifier = _aspects.linear_classifier = SHIPPED
    return f"{name:<9} SmSA valid macro-F1 {100 * sentiment:5.2f} (fit {fit_s:4.1f} s)   CASA test pooled macro-F1 {100 * casa:5.2f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", nargs="+", default=["shipped", "tight", "lbfgs", "scale3", "scale10", "scale100"])
    args = parser.parse_args()
    if smsa("train") is None:
        print("../shared/data not present: nothing to measure")
        return
    for name in args.variants:
        if not (name in ("shipped", "tight", "lbfgs") or (name.startswith("scale") and name[5:].replace(".", "", 1).isdigit())):
            parser.error(f"unknown variant {name!r}")
        print(measure(name), flush=True)


if __name__ == "__main__":
    main()
