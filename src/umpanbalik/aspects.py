"""Aspect tagging with per-aspect polarity, for any taxonomy.

:class:`AspectTagger` finds which aspects a comment talks about (multi-label) and, for each, the
polarity of what it says about it. It combines an editable seed lexicon in root form with trained
classifiers:

1. Mention: one logistic regression per aspect over :class:`~umpanbalik.features.TextFeatures` plus
   the count of the aspect's seed words; its decision threshold is tuned by cross-validation on the
   training data to maximise F1.
2. Evidence: the seed words found, and the comment's terms that weigh most for the aspect.
3. Polarity: the comment is split into clauses (:func:`~umpanbalik.preprocessing.split_clauses`);
   the clauses that hold the aspect's seed words — those that name it alone, when another of them also
   names another aspect of the comment — (else the clause that scores highest for the aspect) form its context, and one classifier reads that context with aspect-specific features, so
   that "materi bagus tapi waktunya kurang" gives materi: positif, waktu: negatif.
"""
from __future__ import annotations

import copy
import json
import warnings
from collections.abc import Iterable, Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn import get_config
from sklearn.base import BaseEstimator, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.utils import check_random_state
from sklearn.utils.validation import check_is_fitted

from . import _parallel
from ._validation import as_column, as_text_list, as_training_texts
from .classifier import check_labels, check_sample_weight, linear_classifier
from ._ngrams import NgramCounter, pack_vocabulary, unpack_vocabulary
from .features import (TextFeatures, char_view_text, features_and_views, own_preprocessor, preprocessor_of,
                       unwrap_features)
from .preprocessing import Preprocessor, split_clauses
from .tokens import REASON_STEMS
from .sentiment import SENTIMENT_LABELS

__all__ = ["AspectTagger", "load_taxonomy", "BUILTIN_TAXONOMIES"]

BUILTIN_TAXONOMIES = {"aspek": "taksonomi_aspek.json", "hambatan": "taksonomi_hambatan.json"}
#: Polarity contexts come from the clauses of a comment's first this many characters (cut at white
#: space), in ``fit`` and ``tag`` alike: a pasted 1 MB comment then costs no more clause work than a
#: long real one (survey comments run to a few thousand characters; those are read whole).
MAX_CONTEXT_CHARS = 10_000


def _context_source(text: str) -> str:
    """``text``, or its first :data:`MAX_CONTEXT_CHARS` characters (up to the last white space there)."""
    if len(text) <= MAX_CONTEXT_CHARS:
        return text
    head = text[:MAX_CONTEXT_CHARS]
    if not (head[-1].isspace() or text[MAX_CONTEXT_CHARS].isspace()):  # a word cut in two: drop its head
        words = head.rsplit(None, 1)
        head = words[0] if len(words) == 2 else head
    return head


def load_taxonomy(taxonomy: str | Path | Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """A taxonomy as ``{aspect: {"deskripsi": str, "kata_kunci": [seed words]}}``.

    Parameters
    ----------
    taxonomy : str, path or dict
        ``"aspek"`` or ``"hambatan"`` (shipped), a path to a JSON or YAML file, or a dict. A dict or
        file may map each aspect to a list of seed words, or to ``{"deskripsi", "kata_kunci"}``, and
        may wrap the aspects in ``{"aspek": {...}}``.

    Examples
    --------
    >>> sorted(load_taxonomy("aspek"))
    ['materi', 'metode', 'relevansi', 'waktu']
    >>> load_taxonomy({"fasilitas": ["ruang", "ac", "konsumsi"]})["fasilitas"]["kata_kunci"]
    ['ruang', 'ac', 'konsumsi']
    """
    if isinstance(taxonomy, str) and taxonomy in BUILTIN_TAXONOMIES:
        text = files("umpanbalik.resources").joinpath(BUILTIN_TAXONOMIES[taxonomy]).read_text(encoding="utf-8")
        raw: Any = json.loads(text)
    elif isinstance(taxonomy, (str, Path)):
        path = Path(taxonomy)
        if not path.exists():
            if path.suffix.lower() in (".json", ".yaml", ".yml") or len(path.parts) > 1:  # meant as a file
                raise FileNotFoundError(f"the taxonomy file {str(taxonomy)!r} does not exist (looked in "
                                        f"{str(path.resolve().parent)!r}); check the name and the folder.")
            raise ValueError(
                f"`taxonomy` must be one of {sorted(BUILTIN_TAXONOMIES)}, a JSON/YAML file or a dict; "
                f"{str(taxonomy)!r} is none of these."
            )
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        else:
            raw = json.loads(path.read_text(encoding="utf-8"))
    elif isinstance(taxonomy, Mapping):
        raw = taxonomy
    else:
        raise TypeError(f"`taxonomy` must be a name, a path or a dict; got {type(taxonomy).__name__}.")
    aspects = raw.get("aspek", raw) if isinstance(raw, Mapping) else raw
    if not isinstance(aspects, Mapping) or not aspects:
        raise ValueError("a taxonomy needs at least one aspect: {name: [seed words]}.")
    result = {}
    for name, spec in aspects.items():
        if isinstance(spec, Mapping):
            seeds = spec.get("kata_kunci", spec.get("seeds", []))
            description = spec.get("deskripsi", spec.get("description", ""))
        else:
            seeds, description = spec, ""
        if isinstance(seeds, str):
            raise ValueError(f"the seed words of aspect {name!r} must be a list, not a string.")
        result[str(name)] = {"deskripsi": str(description), "kata_kunci": [str(s).lower() for s in seeds]}
    return result


def _unnegated(token: str) -> str:
    """A preprocessed token without the scope words joined to it ("kurang_panas" -> "panas"), as seed
    words are matched; a denied reason stays as it is ("bukan_karena_biaya" names no cost), and so does
    a thing denied with "bukan" ("bukan biaya tapi waktunya", "bukan materinya yang jelek": "bukan"
    says what it is not, where "tidak" and "kurang" say how it is)."""
    if "_" not in token:
        return token
    parts = token.split("_")
    return token if parts[0] == "bukan" or not REASON_STEMS.isdisjoint(parts[:-1]) else parts[-1]


def _missing(value: Any) -> bool:
    """Whether one cell is None, NaN or pd.NA (a list or dict is never missing)."""
    return pd.api.types.is_scalar(value) and bool(pd.isna(value))


def _as_aspect_lists(y: Any, n: int, aspects: list[str], *, warn_order: bool = False) -> list[list[str]]:
    """Accept lists of aspect names, a DataFrame of indicator columns named by aspect, or an indicator
    matrix with a column per aspect in the taxonomy's order (dense or sparse, e.g. from
    ``MultiLabelBinarizer(classes=<the taxonomy's aspects>)``; a warning when that order is not
    alphabetical, as MultiLabelBinarizer's own is). A cell given as text names its aspects separated by ``;`` as
    the bundled corpus writes them ("materi;waktu"; empty: none)."""
    if isinstance(y, str):
        raise ValueError("`y` must hold a list of aspects per comment, not a single string.")
    if isinstance(y, pd.DataFrame):
        missing = [a for a in aspects if a not in y.columns]
        if missing:
            columns = ", ".join(repr(str(c)) for c in list(y.columns)[:10])
            raise ValueError(
                f"`y` as a DataFrame must have one indicator column per aspect ({', '.join(map(repr, aspects))}); "
                f"it lacks {', '.join(map(repr, missing))}. Its columns: {columns}. For a column of aspect lists "
                f"or of text such as 'materi;waktu', pass that column, e.g. df['aspek'].")
        y = y[aspects].to_numpy()
    elif warn_order and (sp.issparse(y) or (isinstance(y, np.ndarray) and y.ndim == 2)) and aspects != sorted(aspects):
        # MultiLabelBinarizer sorts its columns: read in the taxonomy's order, every label would land
        # on another aspect, and score() on the same matrix would hide it
        warnings.warn(f"`y` is a matrix without column names: its columns are read in the taxonomy's order "
                      f"({', '.join(aspects)}), not alphabetically as MultiLabelBinarizer sorts them. If they are in "
                      f"that order already (MultiLabelBinarizer(classes={aspects!r})), pass them as a DataFrame with "
                      f"the aspects as column names, or lists of aspect names, and this warning goes.", UserWarning,
                      stacklevel=3)
    if sp.issparse(y):
        y = y.toarray()
    if isinstance(y, np.ndarray) and y.ndim == 2:
        if y.shape != (n, len(aspects)):
            raise ValueError(f"`y` as a matrix must have shape ({n}, {len(aspects)}); got {y.shape}.")
        return [[a for a, flag in zip(aspects, row) if flag] for row in y]
    rows = list(y)
    if len(rows) != n:
        raise ValueError(f"`y` has {len(rows)} rows but there are {n} comments; they must match.")
    result = []
    for row in rows:
        if isinstance(row, str):  # iterating it would give letters
            row = [part.strip() for part in row.split(";") if part.strip()]
        names = [] if _missing(row) else list(row)
        bad = sorted({repr(a) for a in names if a not in aspects})
        if bad:
            raise ValueError(f"`y` holds aspects outside the taxonomy: {', '.join(bad)}. Allowed: {aspects}.")
        result.append(names)
    return result


def _as_polarity_dict(cell: Any) -> Mapping[str, Any]:
    """One row of ``aspect_sentiments``: a dict, nothing (None/NaN), or text as the bundled corpus
    writes it ("materi:positif;waktu:negatif")."""
    if isinstance(cell, str):
        pairs = [part.split(":", 1) for part in cell.split(";") if part.strip()]
        if any(len(pair) != 2 for pair in pairs):
            raise ValueError(f"`aspect_sentiments` as text must read 'aspect:polarity;aspect:polarity'; got {cell!r}.")
        return {aspect.strip(): value.strip() for aspect, value in pairs}
    if _missing(cell):
        return {}
    if not isinstance(cell, Mapping):
        raise TypeError(f"`aspect_sentiments` must hold one dict {{aspect: polarity}} per comment; got a "
                        f"{type(cell).__name__}: {cell!r}.")
    return cell


class AspectTagger(BaseEstimator):
    """Which aspects each comment mentions, with evidence words and the polarity of each.

    Parameters
    ----------
    taxonomy : str, path or dict, default="aspek"
        See :func:`load_taxonomy`. ``"hambatan"`` tags barriers to attending training.
    polarity : bool, default=True
        Learn the polarity of each mentioned aspect (needs ``aspect_sentiments`` in ``fit``).
    C : float, default=10.0
        Inverse regularisation of the mention classifiers.
    polarity_C : float, default=10.0
        Inverse regularisation of the polarity classifier.
    threshold : "auto" or float, default="auto"
        Mention threshold on the probability; ``"auto"`` tunes one per aspect by 3-fold
        cross-validation on the training data (maximum F1).
    features : TextFeatures, optional
        The feature extractor; ``TextFeatures()`` when omitted. ``fit`` fits a copy, unless it is
        wrapped in :class:`sklearn.frozen.FrozenEstimator` (then it is used as fitted and shared).
    n_evidence : int, default=3
        Evidence words reported per aspect.
    comment_weight : float, default=2.0
        Scale of the whole-comment block in the polarity features, relative to the aspect's clauses.
    polarity_labels : sequence or None, default=("negatif", "netral", "positif")
        The allowed polarity labels in ``aspect_sentiments``; ``None`` accepts any (e.g. a 1–5 scale
        or "baik"/"buruk").
    random_state : int, RandomState or None, default=0
        Seeds the threshold folds and the solvers (a RandomState gives one seed for the whole fit).

    Notes
    -----
    Seed words are matched as comments read after preprocessing, stems included: a seed "petugas"
    (staff) is read as its stem "tugas" and so also matches "tugas" (assignments) and "bertugas", and
    "makanan" matches "makan waktu". To keep such a word apart, give it as its own stem:
    ``features=TextFeatures(preprocessor=Preprocessor(stem_exceptions={"petugas": "petugas"}))``.

    ``fit`` runs its independent solver fits (one mention model per aspect, their thresholds'
    cross-validation, the polarity model) side by side, on one thread per logical CPU;
    ``OMP_NUM_THREADS`` limits them (``OMP_NUM_THREADS=1``: one after another). The fitted model is
    the same on any number of threads.

    Examples
    --------
    >>> texts = ["materi bagus", "modul lengkap", "waktunya kurang", "jadwal molor",
    ...          "materi bagus tapi waktunya kurang", "penjelasan jelas", "materi sulit", "jam istirahat singkat"]
    >>> aspects = [["materi"], ["materi"], ["waktu"], ["waktu"], ["materi", "waktu"], ["metode"], ["materi"], ["waktu"]]
    >>> polarity = [{"materi": "positif"}, {"materi": "positif"}, {"waktu": "negatif"}, {"waktu": "negatif"},
    ...             {"materi": "positif", "waktu": "negatif"}, {"metode": "positif"}, {"materi": "negatif"},
    ...             {"waktu": "negatif"}]
    >>> tagger = AspectTagger(threshold=0.3).fit(texts, aspects, aspect_sentiments=polarity)
    >>> tagger.tag(["materinya bagus tapi jadwalnya molor"])[["aspek", "aspek_sentimen"]].iloc[0].tolist()
    [['materi', 'waktu'], {'materi': 'positif', 'waktu': 'negatif'}]
    """

    def __init__(
        self,
        taxonomy: str | Path | Mapping[str, Any] = "aspek",
        *,
        polarity: bool = True,
        C: float = 10.0,
        polarity_C: float = 10.0,
        threshold: str | float = "auto",
        features: TextFeatures | None = None,
        n_evidence: int = 3,
        comment_weight: float = 2.0,
        polarity_labels: Any = SENTIMENT_LABELS,
        random_state: int = 0,
    ) -> None:
        self.taxonomy = taxonomy
        self.polarity = polarity
        self.C = C
        self.polarity_C = polarity_C
        self.threshold = threshold
        self.features = features
        self.n_evidence = n_evidence
        self.comment_weight = comment_weight
        self.polarity_labels = polarity_labels
        self.random_state = random_state

    # -- helpers ------------------------------------------------------------------------------------
    def _preprocessor(self) -> Preprocessor:
        return preprocessor_of(self.features_)

    def _seed_hits(self, cleaned: list[str]) -> list[list[list[str]]]:
        """For each comment and aspect, the distinct seed words found (a negated word counts:
        tidak_jelas; a denied reason does not: bukan_karena_biaya, nor a thing denied with "bukan":
        bukan_biaya; see :func:`_unnegated`), and the seed phrases of several words ("kamar mandi") found as a sequence."""
        lookup = self._cached("_seed_cache", self._seed_lookup)
        phrases = self._cached("_phrase_cache", self._phrase_lookup)
        n_aspects = len(self.classes_)
        hits = []
        for text in cleaned:
            row: list[list[str]] = [[] for _ in range(n_aspects)]
            tokens = text.split()
            single = tokens
            if phrases:
                # the longest seed wins: the words of "kamar mandi" found are no "kamar" as well; a phrase
                # counts negated too, as a seed word does ("air kurang panas" names "air panas")
                plain = [_unnegated(token) for token in tokens]
                covered: set[int] = set()
                for start in (i for i, token in enumerate(plain) if token in phrases):
                    for sequence, seed, owners in sorted(phrases[plain[start]], key=lambda p: -len(p[0])):
                        if tuple(plain[start:start + len(sequence)]) == sequence:
                            covered.update(range(start, start + len(sequence)))
                            for j in owners:
                                if seed not in row[j]:
                                    row[j].append(seed)
                            break
                if covered:
                    single = [token for i, token in enumerate(tokens) if i not in covered]
            # a word repeated ("ok ok ok", a row of emoji) is one piece of evidence, not thirty
            for word, owners in filter(None, map(lookup.__getitem__, dict.fromkeys(single))):
                for j in owners:
                    row[j].append(word)
            hits.append(row)
        return hits

    def _phrase_lookup(self) -> dict[str, list[tuple[tuple[str, ...], str, tuple[int, ...]]]]:
        """Memo: first token -> the seed phrases (several tokens after preprocessing) starting with it."""
        phrases = getattr(self, "seed_phrases_", {})
        table: dict[str, list[tuple[tuple[str, ...], str, tuple[int, ...]]]] = {}
        for seed, forms in phrases.items():
            owners = tuple(j for j, a in enumerate(self.classes_) if seed in self.taxonomy_[a]["kata_kunci"])
            for form in forms:
                sequence = tuple(form.split())
                table.setdefault(sequence[0], []).append((sequence, seed, owners))
        return table

    def _seed_lookup(self) -> dict[str, Any]:
        """Memo: a preprocessed token -> (its seed word, the aspects that list it), or None."""
        seeds = [set(self.taxonomy_[a]["kata_kunci"]) for a in self.classes_]
        # seed words as comments read after preprocessing ("jaringan" -> "jaring", "telat" ->
        # "terlambat"), fixed at fit; models fitted before seed_forms_ existed match the words as written
        forms = getattr(self, "seed_forms_", {})
        seeds = [aspect_seeds | {form for seed, form in forms.items() if seed in aspect_seeds} for aspect_seeds in seeds]
        every_seed = set().union(*seeds)
        owners = {seed: tuple(j for j, aspect_seeds in enumerate(seeds) if seed in aspect_seeds) for seed in every_seed}

        class Lookup(dict):
            def __missing__(self, token: str) -> tuple[str, tuple[int, ...]] | None:
                if len(self) >= 1_000_000:
                    self.clear()
                word = token if token in every_seed else _unnegated(token)  # "bukan_karena_biaya" names no cost
                self[token] = found = (word, owners[word]) if word in every_seed else None
                return found

        return Lookup()

    def _mention_matrix(
        self, texts: list[str], base: tuple[sp.csr_matrix, dict[str, list[str]]] | None = None
    ) -> tuple[sp.csr_matrix, dict[str, list[str]], list[list[list[str]]]]:
        """Features plus seed-word counts, the extractor's views (``akar``: the preprocessed
        comments) and the seed hits. ``base`` is the extractor's matrix and views when known."""
        if base is None:
            base = features_and_views(self.features_, texts)
        features, views = base
        hits = self._seed_hits(views["akar"])
        counts = np.asarray([[len(h) for h in row] for row in hits], dtype=np.float32).reshape(len(texts), -1)
        matrix = sp.hstack([features, sp.csr_matrix(np.log1p(counts))], format="csr")
        return matrix, views, hits

    # -- fitting ------------------------------------------------------------------------------------
    def fit(self, X: Iterable[str], y: Any = None, *, aspect_sentiments: Iterable[Mapping[str, str]] | None = None,
            sample_weight: Any = None) -> AspectTagger:
        """Learn mentions from ``y`` (lists of aspect names, text as the corpus writes it such as
        ``"materi;waktu"``, a DataFrame of indicator columns named by aspect, or an indicator matrix,
        dense or sparse, whose columns follow the taxonomy's order) and, when ``polarity=True`` and
        ``aspect_sentiments`` is given (dicts, or text such as ``"materi:positif;waktu:negatif"``),
        the polarity of each mention.

        With ``y=None`` nothing is learnt from labels: the tagger tags by its seed words alone (an
        aspect is mentioned when one of its seed words or phrases is in the comment) and gives no
        polarity. ``X`` still fits the feature extractor that supplies evidence words.
        ``sample_weight`` (one non-negative number per comment) weighs comments in every model."""
        texts = as_training_texts(X, name="X")
        if not texts:
            raise ValueError("`X` holds no comments: give the comments to learn from (with `y`, their aspects), "
                             "or, for a tagger of seed words alone, at least one comment and y=None.")
        threshold = self._check_threshold()
        self.taxonomy_ = load_taxonomy(self.taxonomy)
        self.classes_ = np.asarray(list(self.taxonomy_), dtype=object)
        aspects = list(self.classes_)
        if y is None:
            if aspect_sentiments is not None:
                raise ValueError("`aspect_sentiments` needs `y`, the aspects of each comment, as well.")
            empty = [a for a in aspects if not self.taxonomy_[a]["kata_kunci"]]
            if empty:
                raise ValueError(
                    f"Without labelled examples (y=None) the tagger tags by seed words alone, but aspect(s) "
                    f"{', '.join(map(repr, empty))} have no seed words. Give every aspect seed words in the "
                    f"taxonomy, or pass y (the aspects of each comment) to learn from examples.")
            mentions = [[] for _ in texts]
        else:
            mentions = _as_aspect_lists(y, len(texts), aspects, warn_order=True)
        weights = check_sample_weight(sample_weight, len(texts))
        self.__dict__.pop("_evidence_terms_cache", None)
        self.__dict__.pop("_aspect_counter_cache", None)
        self.__dict__.pop("_seed_cache", None)
        self.__dict__.pop("_phrase_cache", None)
        self.features_ = clone(self.features) if self.features is not None else TextFeatures()
        if not isinstance(self.features_, FrozenEstimator):
            self.features_.fit(texts)
        every_seed = sorted({seed for spec in self.taxonomy_.values() for seed in spec["kata_kunci"]})
        forms = self._preprocessor().transform(every_seed)
        # a seed that preprocessing turns into one other token is matched in that form too; one that
        # becomes none (a stopword) only as written
        self.seed_forms_ = {seed: form for seed, form in zip(every_seed, forms)
                            if form and form != seed and " " not in form}
        # a seed of several words ("kamar mandi", "air panas") is matched as a sequence of tokens,
        # as written and as preprocessing turns it ("kamar mandi" -> "kamar mandi", "jam kosong" -> ...)
        self.seed_phrases_ = {seed: sorted({" ".join(seed.split()), form} - {""})
                              for seed, form in zip(every_seed, forms) if len(seed.split()) > 1 or " " in form}
        examples = None
        if self.polarity and aspect_sentiments is not None:  # checked before any work
            rows = as_column(aspect_sentiments, name="aspect_sentiments", items="polarity dicts",
                             column="the polarity column, e.g. df['aspek_sentimen']")
            examples = self._polarity_examples(mentions, rows, len(texts))
        # one seed for every fit, drawn here: a RandomState shared by fits on several threads would
        # be drawn from in whatever order they run
        seed = self.random_state
        if seed is not None and not isinstance(seed, (int, np.integer)):
            seed = int(check_random_state(seed).randint(np.iinfo(np.int32).max))
        matrix, views, hits = self._mention_matrix(texts)
        targets = {aspect: np.asarray([aspect in row for row in mentions]) for aspect in aspects}
        # an aspect with too few examples (or none: y=None) has no model: the seed lexicon alone decides
        learnt = [a for a in aspects if y is not None and targets[a].sum() >= 2 and (~targets[a]).sum() >= 2]
        self.models_: dict[str, LogisticRegression | None] = dict.fromkeys(aspects)
        self.thresholds_: dict[str, float] = dict.fromkeys(aspects, 0.5)
        self.polarity_model_ = None

        def unfitted(target: np.ndarray) -> LogisticRegression:
            return linear_classifier(target, C=self.C, class_weight="balanced", max_iter=3000, random_state=seed)

        # The mention models, their thresholds' cross-validation and the polarity model are fits of
        # native solvers (liblinear, newton-cg) that release the GIL: they run side by side on the
        # cores (_parallel.solver_threads), each the same whichever thread runs it. The polarity
        # model reads the mention models (the context of an aspect that no clause names), so they
        # come first; it is then fitted here while the thresholds are tuned on the other cores.
        with _parallel.solver_threads(len(learnt)) as pool:
            final = {a: pool.submit(unfitted(targets[a]).fit, matrix, targets[a], sample_weight=weights) for a in learnt}
            for aspect in learnt:
                self.models_[aspect] = final[aspect].result()
        tune = learnt if threshold == "auto" else []
        with _parallel.solver_threads(len(tune), busy=int(examples is not None)) as pool:
            tuned = {a: pool.submit(self._tune_threshold, unfitted(targets[a]), matrix, targets[a], weights, seed)
                     for a in tune}
            if examples is not None:
                self._fit_polarity(texts, *examples, hits, weights, seed)
            for aspect in learnt:
                self.thresholds_[aspect] = tuned[aspect].result() if tune else threshold
        return self

    def _check_threshold(self) -> str | float:
        if isinstance(self.threshold, str) and self.threshold == "auto":
            return "auto"
        try:
            value = float(self.threshold)
        except (TypeError, ValueError):
            value = float("nan")
        if not 0.0 < value < 1.0:
            raise ValueError(f"`threshold` must be 'auto' or a number between 0 and 1; got {self.threshold!r}.")
        return value

    def _tune_threshold(self, model: LogisticRegression, matrix: sp.csr_matrix, target: np.ndarray,
                        weights: np.ndarray | None, seed: int | None) -> float:
        """The mention threshold of maximum F1 on 3-fold cross-validated probabilities."""
        folds = min(3, int(target.sum()), int((~target).sum()))
        if folds < 2:
            return 0.5
        cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        params = {"sample_weight": weights} if weights is not None else None
        if params and get_config()["enable_metadata_routing"]:  # with routing on, the model must ask for them
            model = model.set_fit_request(sample_weight=True)
        proba = cross_val_predict(model, matrix, target, cv=cv, method="predict_proba", params=params)[:, 1]
        candidates = np.linspace(0.05, 0.8, 31)
        w = np.ones(len(target)) if weights is None else weights
        scores = []
        for cut in candidates:
            predicted = proba >= cut
            tp = float(np.sum(w * (predicted & target)))
            scores.append(2 * tp / max(float(np.sum(w * predicted) + np.sum(w * target)), 1e-12))
        return float(candidates[int(np.argmax(scores))])

    def _polarity_examples(self, mentions: list[list[str]], polarities: list[Any], n: int
                           ) -> tuple[list[tuple[int, str]], np.ndarray] | None:
        """The (comment, aspect) pairs with a polarity and their labels, checked; ``None`` when there
        is nothing to learn (no pair, or one label only)."""
        if len(polarities) != n:
            raise ValueError(f"`aspect_sentiments` has {len(polarities)} rows but there are {n} comments.")
        pairs, labels = [], []
        known = set(self.classes_)
        for row, (names, polarity) in enumerate(zip(mentions, polarities)):
            polarity = _as_polarity_dict(polarity)
            unknown = [key for key in polarity if key not in known]
            if unknown:  # a key in another case or misspelt was dropped without a word, and with it the polarity model
                raise ValueError(f"`aspect_sentiments` row {row} names {', '.join(map(repr, unknown))}, which is not an "
                                 f"aspect of the taxonomy ({', '.join(map(repr, self.classes_))}); use the aspects' "
                                 f"names as `y` does.")
            for aspect in names:
                if aspect in polarity and not _missing(polarity[aspect]):  # a missing value: as an absent key
                    pairs.append((row, aspect))
                    labels.append(polarity[aspect])
        if not pairs:
            warnings.warn("`aspect_sentiments` gives no polarity for any aspect that `y` names: no polarity model is "
                          "learnt, and tag() gives no polarity.", UserWarning, stacklevel=3)
            return None
        allowed = None if self.polarity_labels is None else list(self.polarity_labels)
        labels_array = check_labels(labels, len(labels), allowed, name="aspect_sentiments", parameter="polarity_labels")
        if len(set(labels)) < 2:
            warnings.warn(f"every polarity in `aspect_sentiments` is {labels[0]!r}: there is nothing to tell apart, so no "
                          f"polarity model is learnt and tag() gives no polarity. Label other polarities too.",
                          UserWarning, stacklevel=3)
            return None
        return pairs, labels_array

    def _fit_polarity(self, texts: list[str], pairs: list[tuple[int, str]], labels_array: np.ndarray,
                      hits: list[list[list[str]]], weights: np.ndarray | None, seed: int | None) -> None:
        contexts = self._contexts(texts, pairs, hits)
        self.polarity_features_ = TextFeatures(char_ngram_range=(2, 5), preprocessor=own_preprocessor(self.features_))
        self.polarity_aspect_vectorizer_ = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True)
        comments = [texts[row] for row, _ in pairs]
        pol_matrix = self._polarity_matrix(contexts, comments, [a for _, a in pairs], fit=True)
        self.polarity_model_ = linear_classifier(
            labels_array, C=self.polarity_C, class_weight="balanced", max_iter=3000, random_state=seed)
        self.polarity_model_.fit(pol_matrix, labels_array,
                                 sample_weight=None if weights is None else weights[[row for row, _ in pairs]])

    def _polarity_matrix(self, contexts: list[str], comments: list[str], aspects: list[str], *, fit: bool = False,
                         comment_block: sp.csr_matrix | None = None,
                         as_comment: tuple[list[bool], list[str]] | None = None) -> sp.csr_matrix:
        """Features of the aspect's clauses and, as a separate block, of the whole comment.

        The model then learns how far to trust the clause: on short single-topic comments the whole
        comment is the better guide, on mixed comments the clause. Aspect-specific copies of the
        clause's stems let a word be negative for one aspect only ("lama" is bad for waktu).

        ``comment_block`` holds the comments' rows when known; ``as_comment`` flags the contexts whose
        views are their comment's own (then so are their features) and gives the comments' ``akar``.
        """
        features = self.polarity_features_
        vectorizer = self.polarity_aspect_vectorizer_
        if not fit and comment_block is not None and as_comment is not None and any(as_comment[0]):
            same, comment_akar = as_comment
            todo = [i for i, flag in enumerate(same) if not flag]
            codes, unique = pd.factorize(pd.Series([contexts[i] for i in todo], dtype=object))
            if todo:
                block, views = features.transform_with_views(list(unique))
            else:
                block, views = sp.csr_matrix((0, comment_block.shape[1]), dtype=comment_block.dtype), {"akar": []}
            source = np.arange(len(contexts))  # row in [comment_block; block]
            source[todo] = len(contexts) + codes
            context_block = sp.vstack([comment_block, block], format="csr")[source]
            cleaned = list(comment_akar)
            for i, code in zip(todo, codes):
                cleaned[i] = views["akar"][code]
        elif fit:
            context_block, views = features.fit_transform_with_views(contexts)
            cleaned = views["akar"]
        else:
            # A comment with several aspects comes once per aspect, and so may its context: each
            # distinct text is featurised once (rows do not depend on each other).
            codes, unique = pd.factorize(pd.Series(contexts, dtype=object))
            context_block, views = features.transform_with_views(list(unique))
            context_block, cleaned = context_block[codes], [views["akar"][c] for c in codes]
        if comment_block is None:  # each distinct comment featurised once, as the contexts
            codes, unique = pd.factorize(pd.Series(comments, dtype=object))
            comment_block = features.transform(list(unique))[codes]
        prefixed = [" ".join([aspect] + [f"{aspect}:{t}" for t in text.split()]) for aspect, text in zip(aspects, cleaned)]
        if fit:
            specific = vectorizer.fit_transform(prefixed)
        else:
            specific = self._cached("_aspect_counter_cache", lambda: NgramCounter(vectorizer)).transform(prefixed)
        return sp.hstack([context_block, comment_block * self.comment_weight, specific], format="csr")

    def _contexts(self, texts: list[str], pairs: list[tuple[int, str]], hits: list[list[list[str]]]) -> list[str]:
        """For each (comment, aspect), the clauses about that aspect: those holding its seed words (only
        those that name no other aspect of the comment, when there are such), else the clause with the
        highest mention score. Only the first :data:`MAX_CONTEXT_CHARS`
        characters of a comment are split into clauses."""
        pre = self._preprocessor()
        aspects = list(self.classes_)
        rows = sorted({r for r, _ in pairs})
        sources = {row: _context_source(texts[row]) for row in rows}
        clause_lists = {row: split_clauses(sources[row], pre) or [sources[row]] for row in rows}
        # A comment of one clause is that clause's context whatever it holds: only the clauses of
        # longer comments are preprocessed to look for seed words.
        several = [row for row in rows if len(clause_lists[row]) > 1]
        flat = [c for row in several for c in clause_lists[row]]
        offsets, position = {}, 0
        for row in several:
            offsets[row] = position
            position += len(clause_lists[row])
        cleaned = pre.transform(flat)
        clause_hits = self._seed_hits(cleaned)
        contexts: list[str | None] = []
        undecided: list[tuple[int, int, int]] = []  # (pair, row, aspect column) left to the scores
        mentioned: dict[int, list[int]] = {}
        for row, aspect in pairs:
            mentioned.setdefault(row, []).append(aspects.index(aspect))
        for number, (row, aspect) in enumerate(pairs):
            clauses = clause_lists[row]
            if len(clauses) == 1:
                contexts.append(clauses[0])
                continue
            column = aspects.index(aspect)
            start = offsets[row]
            held = [i for i in range(len(clauses)) if clause_hits[start + i][column]]
            # a clause that also names another aspect of the comment is about that one too: when
            # some clause names this aspect alone, it is the context ("penyampaian jelas tapi waktu
            # diskusi kurang": metode is the first clause, not "waktu diskusi kurang")
            others = [j for j in mentioned[row] if j != column]
            alone = [i for i in held if not any(clause_hits[start + i][j] for j in others)]
            chosen = [clauses[i] for i in (alone if alone and others else held)]
            if chosen:
                contexts.append(" . ".join(chosen))
            else:
                contexts.append(None)
                undecided.append((number, row, column))
        if undecided:
            # Only the clauses of comments where no clause names the aspect need mention scores.
            scored = sorted({row for _, row, _ in undecided})
            first, subset, subset_cleaned = {}, [], []
            for row in scored:
                first[row] = len(subset)
                subset.extend(clause_lists[row])
                subset_cleaned.extend(cleaned[offsets[row] : offsets[row] + len(clause_lists[row])])
            features, base = unwrap_features(self.features_), None
            if isinstance(features, TextFeatures):  # the clauses are preprocessed already
                views = features.views(subset, akar=subset_cleaned)
                base = (features.from_views(views, len(subset)), views)
            scores = self._decision(self._mention_matrix(subset, base)[0])
            for number, row, column in undecided:
                clauses = clause_lists[row]
                start = first[row]
                contexts[number] = clauses[int(np.argmax(scores[start : start + len(clauses), column]))]
        return contexts  # type: ignore[return-value]

    def _cached(self, name: str, build: Any) -> Any:
        """A value derived from the fitted state, built once; never saved (see ``__getstate__``)."""
        value = self.__dict__.get(name)
        if value is None:
            value = self.__dict__[name] = build()
        return value

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())
        for name in ("_aspect_counter_cache", "_evidence_terms_cache", "_seed_cache", "_phrase_cache"):
            state.pop(name, None)
        vectorizer = state.get("polarity_aspect_vectorizer_")
        vocabulary = getattr(vectorizer, "vocabulary_", None)
        packed = pack_vocabulary(vocabulary) if vocabulary is not None else None
        if packed is not None:  # one block of bytes loads faster than a dict node per term (see _ngrams)
            state["polarity_aspect_vectorizer_"] = copy.copy(vectorizer)
            del state["polarity_aspect_vectorizer_"].vocabulary_
            state["_packed_aspect_vocabulary"] = packed
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        packed = state.pop("_packed_aspect_vocabulary", None)
        super().__setstate__(state)
        if packed is not None:
            self.polarity_aspect_vectorizer_.vocabulary_ = unpack_vocabulary(packed)

    # -- prediction ---------------------------------------------------------------------------------
    def _decision(self, matrix: sp.csr_matrix) -> np.ndarray:
        """Mention scores per aspect (log-odds; seed counts stand in for an aspect without a model)."""
        columns = []
        n_features = matrix.shape[1] - len(self.classes_)
        for index, aspect in enumerate(self.classes_):
            model = self.models_[aspect]
            if model is None:
                columns.append(matrix[:, n_features + index].toarray().ravel() * 4.0 - 1.0)
            else:
                columns.append(model.decision_function(matrix))
        return np.column_stack(columns) if columns else np.zeros((matrix.shape[0], 0))

    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        """Probability that each comment mentions each aspect; columns in the order of ``classes_``."""
        from scipy.special import expit

        check_is_fitted(self, "models_")
        texts = as_text_list(X, name="X")
        if not texts:
            return np.zeros((0, len(self.classes_)))
        matrix, _, _ = self._mention_matrix(texts)
        return expit(self._decision(matrix))

    def predict(self, X: Iterable[str]) -> np.ndarray:
        """Indicator matrix (comments × aspects), 1 where the aspect is mentioned."""
        proba = self.predict_proba(X)
        cut = np.asarray([self.thresholds_[a] for a in self.classes_])
        return (proba >= cut).astype(int)

    def score(self, X: Iterable[str], y: Any, sample_weight: Any = None) -> float:
        """Micro-averaged F1 of the aspects mentioned (``y`` as ``fit`` takes it: aspect lists, text
        such as "materi;waktu", or an indicator matrix), so that ``GridSearchCV`` and
        ``cross_val_score`` work without ``scoring=``."""
        from sklearn.metrics import f1_score

        check_is_fitted(self, "models_")
        texts = as_text_list(X, name="X")
        aspects = list(self.classes_)
        truth = np.asarray([[int(a in row) for a in aspects] for row in _as_aspect_lists(y, len(texts), aspects)])
        return float(f1_score(truth.reshape(len(texts), len(aspects)), self.predict(texts), average="micro",
                              sample_weight=sample_weight, zero_division=0))

    def tag(self, X: Iterable[str], *, polarity: bool = True) -> pd.DataFrame:
        """One row per comment (index kept from a Series): ``aspek`` (list), ``aspek_sentimen``
        (dict aspect → polarity) and ``bukti`` (dict aspect → evidence words)."""
        check_is_fitted(self, "models_")
        texts = as_text_list(X, name="X")
        index = X.index if isinstance(X, pd.Series) else pd.RangeIndex(len(texts))
        names, polarities, evidence = self.tag_rows(texts, polarity=polarity) if texts else ([], [], [])
        return pd.DataFrame({"aspek": names, "aspek_sentimen": polarities, "bukti": evidence}, index=index)

    def tag_rows(
        self, texts: list[str], base: tuple[sp.csr_matrix, dict[str, list[str]]] | None = None, *, polarity: bool = True
    ) -> tuple[list[list[str]], list[dict[str, Any]], list[dict[str, list[str]]]]:
        """:meth:`tag` as three lists (aspects, polarity, evidence per comment) for validated ``texts``;
        ``base``, the shared extractor's matrix and views of ``texts`` (``annotate`` computes them
        once for every model), spares computing them again."""
        matrix, views, hits = self._mention_matrix(texts, base)
        decision = self._decision(matrix)
        cut = np.asarray([self.thresholds_[a] for a in self.classes_])
        from scipy.special import expit

        mentioned = expit(decision) >= cut
        aspects = list(self.classes_)
        names = [[a for a, flag in zip(aspects, row) if flag] for row in mentioned]
        evidence = self._evidence(matrix, names, hits)
        pairs = [(i, a) for i, row_names in enumerate(names) for a in row_names]
        polarities: list[dict[str, Any]] = [{} for _ in texts]
        if polarity and self.polarity_model_ is not None and pairs:
            contexts = self._contexts(texts, pairs, hits)
            rows = [row for row, _ in pairs]
            comment_block, as_comment = None, None
            polarity_features = self.polarity_features_
            if polarity_features.reads_views_of(unwrap_features(self.features_)):
                # the whole comments' views are at hand: no second preprocessing of the comments
                unique, codes = np.unique(rows, return_inverse=True)
                sub = {name: [view[r] for r in unique] for name, view in views.items()}
                comment_block = polarity_features.from_views(sub, len(unique))[codes]
                if preprocessor_of(polarity_features).normalizes_by_default():
                    # A context that normalises to its comment's words (a comment of one clause
                    # without punctuation) has the same views, hence the same features.
                    huruf = views["huruf"]
                    same = [char_view_text(c).split() == huruf[r].split() for c, r in zip(contexts, rows)]
                    as_comment = (same, [views["akar"][r] for r in rows])
            pol_matrix = self._polarity_matrix(contexts, [texts[r] for r in rows], [a for _, a in pairs],
                                               comment_block=comment_block, as_comment=as_comment)
            # the labels as given in fit (1-5, True/False, "positif"), as Python values, not their text
            for (i, aspect), label in zip(pairs, self.polarity_model_.predict(pol_matrix).tolist()):
                polarities[i][aspect] = label
        return names, polarities, evidence

    def _evidence_terms(self) -> list[str | None]:
        """Per feature column, the term that can serve as evidence (a single stem or word), else None."""
        def build() -> list[str | None]:
            terms: list[str | None] = []
            for name in unwrap_features(self.features_).get_feature_names_out():
                # TextFeatures names carry their view; another extractor's (a TfidfVectorizer's) are terms
                view, term = name.split("__", 1) if "__" in name else ("", name)
                terms.append(term if view in ("akar", "kata", "") and " " not in term else None)
            return terms

        return self._cached("_evidence_terms_cache", build)

    def _evidence(self, matrix: sp.csr_matrix, names: list[list[str]], hits: list[list[list[str]]]) -> list[dict[str, list[str]]]:
        """Per comment and mentioned aspect: its seed words found, then the comment's terms that
        weigh most toward the aspect, up to ``n_evidence``."""
        aspects = list(self.classes_)
        indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
        terms: list[str | None] | None = None
        results = []
        for row, row_names in enumerate(names):
            result = {}
            for aspect in row_names:
                words = list(dict.fromkeys(hits[row][aspects.index(aspect)]))
                model = self.models_[aspect]
                if len(words) < self.n_evidence and model is not None:
                    if terms is None:
                        terms = self._evidence_terms()
                    lo, hi = indptr[row], indptr[row + 1]
                    columns = indices[lo:hi]
                    weights = data[lo:hi] * model.coef_[0][columns]
                    for position in np.argsort(-weights):
                        if weights[position] <= 0:  # the rest push away from the aspect
                            break
                        # the columns after the extractor's (seed-word counts) name no term
                        feature = columns[position]
                        term = terms[feature] if feature < len(terms) else None
                        if term is not None and term not in words:
                            words.append(term)
                        if len(words) >= self.n_evidence:
                            break
                result[aspect] = words[: self.n_evidence]
            results.append(result)
        return results

    @classmethod
    def pretrained(cls, taxonomy: str = "aspek") -> AspectTagger:
        """The shipped tagger: ``"aspek"`` (materi, metode, relevansi, waktu) or ``"hambatan"``."""
        if taxonomy not in BUILTIN_TAXONOMIES:
            raise ValueError(f"`taxonomy` must be one of {sorted(BUILTIN_TAXONOMIES)}; got {taxonomy!r}.")
        from .pretrained import load_pretrained

        return load_pretrained(taxonomy)
