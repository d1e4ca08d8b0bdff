"""TF-IDF topic clustering that finds the themes evaluators did not think of.

:class:`TopicModel` sets non-answers aside, builds TF-IDF over the Indonesian preprocessing
(unigrams and bigrams, negation tokens kept, evaluation-safe stopwords), then clusters with
spherical k-means (k-means on L2-normalised vectors, optionally after TruncatedSVD; the consensus of
many runs on sub-samples) or NMF. Each topic is named by a short key phrase as people write it
("penjelasan terlalu cepat"), found as :mod:`umpanbalik.themes` finds theme labels, and described
by class-based TF-IDF terms (words, and bigrams that are phrases) shown as readable words, sizes,
and the comments closest to each centre. ``n_topics="auto"`` picks k by NPMI coherence, silhouette
and stability together, then splits a topic that would hold more than 35% of the comments.
"""
from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.cluster import KMeans
from sklearn.decomposition import NMF, TruncatedSVD
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from ._surface import readable, surface_forms
from ._validation import as_text_list, as_training_texts, check_int, check_option
from .lexicon import _topic_stopwords
from .preprocessing import Preprocessor
from .tokens import without_intensity
from .schema import NON_INFORMATIVE_LABEL, SENTIMENTS

__all__ = ["TopicModel", "coherence", "topic_stability", "NON_INFORMATIVE_TOPIC", "MAX_TOPICS"]

NON_INFORMATIVE_TOPIC = -1
#: The most topics a model forms: more than a reader takes in, and the consensus k-means runs grow
#: with k (500 topics asked of 1,783 real comments still ran after 12 minutes; 40 took 42 s).
MAX_TOPICS = 50
_SHORT = 6  # tokens after preprocessing; longer comments are never non-answers in the corpus
_SELECTION_SAMPLE = 5_000  # comments on which n_topics="auto" compares the candidate k
_CONSENSUS_SAMPLE = 10_000  # comments on which the consensus runs' votes are combined
_RUNS_PARALLEL_MIN = 1_000  # with n_jobs, k-means runs are shared with workers from this many comments
# comments on which the SVD is fitted (then applied to all): its randomized range finder orthogonalises
# a comments x 210 matrix several times, 16 s of a 100,000-comment analysis when fitted on all of them
_SVD_SAMPLE = 20_000
_SVD_TERMS = 20_000  # terms the SVD sees at most (the most frequent in its sample)
_LABEL_SAMPLE = 20_000  # comments from which topic labels are found on larger inputs
_PHRASE_SHARE = 0.25  # a bigram describes a topic when it holds this share of its rarer word's comments
_MAX_TOPIC_SHARE = 0.35  # with n_topics="auto", a larger topic is split (see _split_catch_all)
_TABLES = ("topics_", "selection_scores_")  # DataFrames among the fitted attributes (see __getstate__)
# The training comments (raw and cleaned) and what ranks them as examples: left out of a pickled or
# saved model unless keep_texts=True (see __getstate__).
_TEXT_STATE = ("_informative_texts", "_informative_clean", "_similarity")


def _npmi_table(docs: Sequence[set[str]], topics: Sequence[Sequence[str]]) -> list[float]:
    """Mean NPMI of the term pairs of each topic, from document co-occurrence in ``docs``."""
    n = max(len(docs), 1)
    vocabulary = {t for topic in topics for t in topic}
    postings: dict[str, set[int]] = {t: set() for t in vocabulary}
    for index, doc in enumerate(docs):
        for term in vocabulary.intersection(doc):
            postings[term].add(index)
    scores = []
    for topic in topics:
        values = []
        for i, first in enumerate(topic):
            for second in topic[i + 1 :]:
                joint = len(postings[first] & postings[second]) / n
                if joint == 0:
                    values.append(-1.0)
                    continue
                p1, p2 = len(postings[first]) / n, len(postings[second]) / n
                values.append(float(np.log(joint / (p1 * p2)) / -np.log(joint)) if joint < 1 else 1.0)
        scores.append(float(np.mean(values)) if values else 0.0)
    return scores


def _doc_terms(cleaned: Iterable[str]) -> list[set[str]]:
    """The unigrams and bigrams of each preprocessed comment, as the topic vocabulary writes them."""
    docs = []
    for text in cleaned:
        tokens = text.split()
        docs.append(set(tokens) | {f"{a} {b}" for a, b in zip(tokens, tokens[1:])})
    return docs


def _label(terms: list[str], size: int = 3) -> str:
    """Three readable terms: a word that is part of a phrase in the top terms is shown as that
    phrase ("terima", "kasih" → "terima kasih"), and no word is shown twice."""
    phrases = [t for t in terms if " " in t]
    chosen: list[str] = []
    for term in terms:
        if " " not in term:
            term = next((p for p in phrases if term in p.split()), term)
        if term not in chosen and not any(set(term.split()) <= set(c.split()) for c in chosen):
            chosen.append(term)
        if len(chosen) == size:
            break
    return ", ".join(chosen)


#: A topic term joins a general name ("harapan umum (jam, zoom)") when its weight is at least this
#: share of the topic's strongest term: below it, the term is what the topic holds a little more of
#: than the others, not what it is about.
_GENERAL_TERM_SHARE = 0.25


def _named_general(phrase: str | None, terms: list[tuple[str, float]], used: set[str]) -> str | None:
    """``phrase`` as it is, unless it is a general name ("harapan umum", "pujian umum", "lainnya"
    …): then with the topic's strongest terms in brackets ("harapan umum (jam, zoom)",
    "pujian umum (bagus)"), so that three topics of wishes are told apart by what they wish
    about. A name not in ``used`` (the names of larger topics and the user's): two terms, more
    while the name is taken, then terms measured against the strongest term that shares no word with the
    name (a second topic of thanks), and a number last.

    Examples
    --------
    >>> _named_general("harapan umum", [("jam", 0.012), ("zoom", 0.010), ("hari", 0.002)], set())
    'harapan umum (jam, zoom)'
    >>> _named_general("ucapan terima kasih", [("terima kasih", 0.25), ("panitia", 0.01)], set())
    'ucapan terima kasih'
    >>> _named_general("ucapan terima kasih", [("terima kasih", 0.25), ("panitia", 0.01)], {"ucapan terima kasih"})
    'ucapan terima kasih (panitia)'
    >>> _named_general("pujian umum", [("bagus", 0.3)], {"pujian umum (bagus)"})
    'pujian umum (bagus) 2'
    """
    from .themes import GENERAL_LABELS

    if phrase not in GENERAL_LABELS:
        return phrase
    words = set(phrase.split())
    eligible = [(t, weight) for t, weight in terms if not set(t.split()) & words]  # not the name's own words
    first = None
    for bar in (max((w for _, w in terms), default=0.0), max((w for _, w in eligible), default=0.0)):
        strong = [t for t, weight in eligible if weight >= _GENERAL_TERM_SHARE * bar]
        for size in range(2, max(len(strong), 2) + 1):
            shown = _label(strong, size=size)
            name = f"{phrase} ({shown})" if shown else phrase
            first = first or name
            if name not in used:
                return name
    number = 2
    while f"{first} {number}" in used:
        number += 1
    return f"{first} {number}"


_EXAMPLE_POOL = 1_000  # a topic's comments nearest its centre among which examples saying its phrase are sought


class TopicModel(TransformerMixin, BaseEstimator):
    """Discover themes in comments by clustering their TF-IDF vectors.

    Parameters
    ----------
    n_topics : int or "auto", default="auto"
        Number of topics, at most :data:`MAX_TOPICS` (50) (fewer when the comments are too few or too alike to fill them: a
        ``UserWarning`` then says how many and why); ``"auto"`` tries every k in ``k_range`` and
        keeps the one with the best sum of standardised mean NPMI coherence, silhouette and
        stability (the mean adjusted Rand index between three k-means runs), all in
        ``selection_scores_``; on more than 5,000 comments the candidates are compared on a random
        sample of 5,000, then the chosen k is fitted on every comment. A topic that then holds more
        than 35% of the comments is split in two (see ``_split_catch_all``), up to ``k_range``'s
        upper end plus four topics: on real evaluation answers one topic of short generic comments
        otherwise held up to 70% of them.
    k_range : tuple of int, default=(4, 12)
        The k tried by ``"auto"`` (inclusive).
    method : {"kmeans", "nmf"}, default="kmeans"
        Spherical k-means, or NMF with each comment assigned to its strongest component.
    svd_components : int or None, default=200
        Reduce TF-IDF with TruncatedSVD (latent semantic analysis) to at most this many dimensions
        before k-means: measured steadier across seeds and more coherent on the bundled corpus, and
        fast on large inputs. ``None`` clusters the sparse TF-IDF vectors directly.
    ngram_range : tuple of int, default=(1, 2)
    min_df : int or float, default=2
    max_df : float, default=0.5
        Terms in more than this share of comments are too general to describe a topic.
    n_terms : int, default=10
        Top terms kept per topic.
    n_examples : int, default=5
        Representative comments per topic (closest to the centre, de-duplicated).
    seed_words : dict, optional
        ``{topic name: [words]}``: pin topics (guided clustering). A comment that holds a seeded
        topic's words (as preprocessed) belongs to it, in ``fit`` and ``transform`` alike (to the
        nearest of several); the other comments form the remaining ``n_topics`` minus seeded topics.
        Seeded topics come first and keep their names.
    stopwords_add : list of str, optional
        Extra stems to leave out of topic vocabularies, beyond the shipped topic stopwords (request
        markers and intensifiers such as ``mohon``, ``sangat``; see ``lexicon.load_topic_stopwords``).
    exclude_non_informative : bool, default=True
        Set non-answers aside before fitting (with the shipped :class:`NonInformativeDetector` and
        comments that are empty after preprocessing); they get topic -1.
    preprocessor : Preprocessor, optional
    n_init : int or "auto", default="auto"
        Consensus runs: k-means++ runs, each on a random 30% of the comments (of a random 10,000 on
        larger inputs), vote on which comments belong together; the topics are the groups that the runs agree on, refined by k-means on
        every comment. More runs, steadier topics. ``"auto"``: 64. The lowest-inertia run of many
        restarts, which this replaces, changed with the seed on real comments (many partitions of
        nearly equal inertia); the votes of many runs change much less.
    keep_texts : bool, default=False
        Keep the training comments in a pickled or saved model (:func:`umpanbalik.save`): the
        representative comments of each topic (``topics_["contoh"]``) and the texts they are chosen
        from. By default a saved model holds no comment text — its ``contoh`` lists are empty once
        loaded — so that sharing a model file does not share what the respondents wrote; the fitted
        model in memory keeps its examples either way.
    n_jobs : int, optional
        Processes for cleaning raw comments (with the default preprocessing; a ``preprocessor`` of
        your own keeps its own ``n_jobs``) and, from 1,000 comments, for the many small k-means runs
        (the candidate k of ``"auto"`` and the consensus runs): ``-1`` every core, ``None`` one; the
        library's one pool of workers (:mod:`umpanbalik._parallel`), forked for the call (they take
        the place of the pool's lasting preprocessing workers, which start afresh at the next call
        that needs them). Each run uses one OpenMP and one BLAS thread wherever it runs (threads
        cost more than they saved on runs this small), so the topics do not depend on ``n_jobs``.
    random_state : int, default=0

    Examples
    --------
    >>> texts = ["sinyal putus", "sinyal zoom sering putus", "sinyal jelek",
    ...          "konsumsi enak", "makanan konsumsi enak", "konsumsi kurang enak"] * 3
    >>> model = TopicModel(n_topics=2, min_df=1, exclude_non_informative=False).fit(texts)
    >>> sorted(model.topics_["label"])
    ['konsumsi enak', 'sinyal putus']
    """

    def __init__(
        self,
        n_topics: int | str = "auto",
        *,
        k_range: tuple[int, int] = (4, 12),
        method: str = "kmeans",
        svd_components: int | None = 200,
        ngram_range: tuple[int, int] = (1, 2),
        min_df: int | float = 2,
        max_df: float = 0.5,
        n_terms: int = 10,
        n_examples: int = 5,
        seed_words: Mapping[str, Sequence[str]] | None = None,
        stopwords_add: Sequence[str] | None = None,
        exclude_non_informative: bool = True,
        preprocessor: Preprocessor | None = None,
        n_init: int | str = "auto",
        keep_texts: bool = False,
        n_jobs: int | None = None,
        random_state: int = 0,
    ) -> None:
        self.n_topics = n_topics
        self.k_range = k_range
        self.method = method
        self.svd_components = svd_components
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_df = max_df
        self.n_terms = n_terms
        self.n_examples = n_examples
        self.seed_words = seed_words
        self.stopwords_add = stopwords_add
        self.exclude_non_informative = exclude_non_informative
        self.preprocessor = preprocessor
        self.n_init = n_init
        self.keep_texts = keep_texts
        self.n_jobs = n_jobs
        self.random_state = random_state

    # -- preparation --------------------------------------------------------------------------------
    def __getstate__(self) -> dict[str, Any]:
        # skops cannot save a DataFrame (pandas' internals have no __reduce__): the tables are saved
        # as their columns of plain values and rebuilt on load
        state = dict(super().__getstate__())
        if not getattr(self, "keep_texts", False):  # no comment text leaves this process unless asked
            for name in _TEXT_STATE:
                state.pop(name, None)
            topics = state.get("topics_")
            if isinstance(topics, pd.DataFrame) and "contoh" in topics:
                state["topics_"] = topics.assign(contoh=[[] for _ in range(len(topics))])
        for name in _TABLES:
            if isinstance(state.get(name), pd.DataFrame):
                frame = state.pop(name)
                state[f"_{name}table"] = {"columns": [str(c) for c in frame.columns], "data": frame.to_dict("list")}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        for name in _TABLES:
            table = state.pop(f"_{name}table", None)
            if table is not None:
                columns, data = table["columns"], table["data"]
                state[name] = pd.DataFrame(data, columns=columns) if any(data.values()) else pd.DataFrame(columns=columns)
        # a model pickled before ``n_jobs`` existed (same package version) still prints, clones and refits
        super().__setstate__({"n_jobs": None, "_phrases_": {}, "keep_texts": False, **state})

    def _pre(self) -> Preprocessor:
        return self.preprocessor if self.preprocessor is not None else Preprocessor()

    def _informative(self, texts: list[str], cleaned: list[str], known: Any = None) -> np.ndarray:
        mask = np.fromiter((bool(c) for c in cleaned), dtype=bool, count=len(cleaned))
        if known is not None:
            known = np.asarray(known, dtype=bool)
            if known.shape != mask.shape:
                raise ValueError(f"`informative` must hold one flag per comment ({len(mask)}); got {known.shape[0]}.")
            return mask & known
        # Non-answers are short ("tidak ada saran", "ok sip"): only comments of at most
        # _SHORT tokens go through the detector, which keeps large inputs fast.
        short = mask & np.fromiter((len(c.split()) <= _SHORT for c in cleaned), dtype=bool, count=len(cleaned))
        if self.exclude_non_informative and short.any():
            from .flags import NonInformativeDetector

            flagged = NonInformativeDetector.pretrained().predict([t for t, m in zip(texts, short) if m])
            mask[np.flatnonzero(short)[np.asarray(flagged, dtype=bool)]] = False
        return mask

    def _embed(self, matrix: sp.csr_matrix, *, fit: bool) -> Any:
        if self.svd_components is None or self.method == "nmf":
            return normalize(matrix)
        if fit:
            sample = matrix
            if matrix.shape[0] > _SVD_SAMPLE:  # the subspace of 20,000 random comments is the subspace of all
                rows = np.random.default_rng(self.random_state).choice(matrix.shape[0], _SVD_SAMPLE, replace=False)
                sample = matrix[np.sort(rows)]
            # the SVD's cost grows with the vocabulary (it orthogonalises a terms x 210 matrix): on very
            # large inputs it sees the _SVD_TERMS terms most comments use, which carry the subspace
            self.svd_terms_ = None
            if sample.shape[1] > _SVD_TERMS:
                frequency = np.bincount(sample.indices, minlength=sample.shape[1])
                self.svd_terms_ = np.sort(np.argsort(-frequency, kind="stable")[:_SVD_TERMS])
                sample = sample[:, self.svd_terms_]
            components = min(self.svd_components, sample.shape[1] - 1, sample.shape[0])
            # one term left (TruncatedSVD needs two): nothing to reduce, the comments are compared as they are
            self.svd_ = None if sample.shape[1] < 2 else TruncatedSVD(
                n_components=max(components, 1), random_state=self.random_state).fit(sample)
        if self.svd_ is None:
            return normalize(matrix)
        terms = getattr(self, "svd_terms_", None)
        # float32 TF-IDF halves the SVD; k-means runs in float64 (scikit-learn's k-means++ upcasts
        # float32 distances chunk by chunk, which is slower than float64 throughout)
        return normalize(self.svd_.transform(matrix if terms is None else matrix[:, terms]).astype(np.float64))

    # -- fitting ------------------------------------------------------------------------------------
    def fit(self, X: Iterable[str], y: Any = None, *, aspects: Sequence[Sequence[str]] | None = None,
            sentiments: Sequence[str] | None = None, informative: Sequence[bool] | None = None,
            cleaned: Sequence[str] | None = None) -> TopicModel:
        """Fit topics; ``aspects`` and ``sentiments`` (one per comment, e.g. from the tagger and the
        sentiment classifier) only annotate ``topics_``. ``informative`` (one flag per comment, e.g.
        the negation of :class:`NonInformativeDetector`'s output) replaces the model's own non-answer
        detection when it is already known. ``cleaned`` (one per comment) is ``X`` already put
        through this model's preprocessor — as ``analyze``'s ``teks_bersih`` is — and is then not
        preprocessed again. ``X`` of which no comment holds text (a column of numbers or of missing
        values) is a ``ValueError``."""
        self._fit(as_training_texts(X, name="X"), aspects, sentiments, informative, cleaned)
        return self

    def fit_predict(self, X: Iterable[str], y: Any = None, **kwargs: Any) -> np.ndarray:
        """Fit, then return the topic of each training comment (-1 for non-answers)."""
        self._fit(as_training_texts(X, name="X"), kwargs.get("aspects"), kwargs.get("sentiments"),
                  kwargs.get("informative"), kwargs.get("cleaned"))
        return self.labels_.copy()

    def _cleaned(self, texts: list[str], cleaned: Sequence[str] | None) -> list[str]:
        """The preprocessed comments: ``cleaned`` when given (checked), else this model's preprocessing;
        without intensifiers on their words (``sangat_bagus`` is about what ``bagus`` is about)."""
        if cleaned is None:
            pre = self._pre() if self.preprocessor is not None else Preprocessor(n_jobs=self.n_jobs)
            return [without_intensity(c) for c in pre.transform(texts)]
        cleaned = as_text_list(cleaned, name="cleaned")
        if len(cleaned) != len(texts):
            raise ValueError(f"`cleaned` must hold one preprocessed text per comment ({len(texts)}); got {len(cleaned)}.")
        return [without_intensity(c) for c in cleaned]

    @staticmethod
    def _per_comment(values: Any, name: str, n: int) -> list[Any] | None:
        """``aspects`` or ``sentiments`` as a list, checked to hold one entry per comment (a shorter
        list failed after the clustering, a longer one was cut short and described the wrong comments)."""
        if values is None:
            return None
        if isinstance(values, str):
            raise ValueError(f"`{name}` must hold one entry per comment, not a single string.")
        values = list(values)
        if len(values) != n:
            raise ValueError(f"`{name}` must hold one entry per comment ({n}); got {len(values)}.")
        if name == "aspects":  # text cells as the corpus writes them ("materi;waktu"), not letter by letter
            values = [[a.strip() for a in v.split(";") if a.strip()] if isinstance(v, str)
                      else [] if v is None or (np.ndim(v) == 0 and pd.isna(v)) else v for v in values]
        return values

    def _validate(self) -> None:
        check_option("method", self.method, ["kmeans", "nmf"])
        if self.n_topics != "auto" and check_int("n_topics", self.n_topics, minimum=1) > MAX_TOPICS:
            raise ValueError(f"`n_topics` must be at most {MAX_TOPICS} (more topics than a reader takes in, and the "
                             f"fit grows with them); got {self.n_topics!r}. Use n_topics='auto' or fewer topics.")
        low, high = self.k_range
        if not (isinstance(low, int) and isinstance(high, int) and 2 <= low <= high <= MAX_TOPICS):
            raise ValueError(f"`k_range` must be two integers 2 <= low <= high <= {MAX_TOPICS}; got {self.k_range!r}.")
        if self.seed_words is not None and len(self.seed_words) > MAX_TOPICS:
            raise ValueError(f"`seed_words` names {len(self.seed_words)} topics; at most {MAX_TOPICS}.")
        check_int("n_terms", self.n_terms, minimum=1)
        check_int("n_examples", self.n_examples, minimum=0)
        check_int("svd_components", self.svd_components, minimum=2, allow_none=True)
        if self.n_init != "auto":
            check_int("n_init", self.n_init, minimum=1)
        check_int("n_jobs", self.n_jobs, minimum=-1, allow_none=True)

    def _fit(self, texts: list[str], aspects: Any, sentiments: Any, known: Any = None, cleaned: Any = None) -> None:
        """Fit on validated ``texts``; warn once when fewer topics than ``n_topics`` could be formed."""
        self._validate()
        with warnings.catch_warnings():
            # On few or repeated comments k-means finds fewer distinct clusters than asked, and
            # scikit-learn warns at each of its runs (hundreds on a small input): expected here,
            # and said once below. Forked workers inherit the filter.
            warnings.filterwarnings("ignore", message="Number of distinct clusters", category=ConvergenceWarning)
            distinct = self._fit_topics(texts, aspects, sentiments, known, cleaned)
        if self.n_topics != "auto" and self.n_topics_ < self.n_topics:
            warnings.warn(self._fewer_topics_message(len(texts), distinct), UserWarning, stacklevel=3)

    def _fewer_topics_message(self, n: int, distinct: int) -> str:
        """Why the fit formed fewer topics than ``n_topics``: ``n`` comments, ``distinct`` of them
        distinct and informative after preprocessing."""
        found = "no topic" if self.n_topics_ == 0 else f"only {self.n_topics_} distinct topic{'s' * (self.n_topics_ > 1)}"
        aside = self.n_non_informative_
        set_aside = f" ({aside} set aside as non-answer{'s' * (aside > 1)} or empty)" if aside else ""
        if distinct == 0:
            why = "there is no answer to group"
        elif self.n_topics_ == 0:
            why = "no word of theirs is specific enough to describe a topic"
        elif distinct < self.n_topics:
            why = f"there {'are' if distinct > 1 else 'is'} only {distinct} distinct answer{'s' * (distinct > 1)} to group"
        else:
            why = "the answers are too few or too alike to be told apart into more groups"
        return (f"{found} could be formed from {n} comment{'s' * (n != 1)}{set_aside}; asked for {self.n_topics}: {why}. "
                f"Ask for fewer topics (or n_topics='auto'), or fit on more comments.")

    def _fit_topics(self, texts: list[str], aspects: Any, sentiments: Any, known: Any, cleaned: Any) -> int:
        """The fit itself; returns the number of distinct informative comments (preprocessed)."""
        aspects, sentiments = (self._per_comment(values, name, len(texts))
                               for values, name in ((aspects, "aspects"), (sentiments, "sentiments")))
        cleaned = self._cleaned(texts, cleaned)
        informative = self._informative(texts, cleaned, known)
        self.n_non_informative_ = int((~informative).sum())
        self.labels_ = np.full(len(texts), NON_INFORMATIVE_TOPIC, dtype=int)
        docs = [cleaned[i] for i in np.flatnonzero(informative)]
        distinct = len(set(docs))
        self.vectorizer_ = TfidfVectorizer(
            token_pattern=r"\S+", lowercase=False, ngram_range=tuple(self.ngram_range), sublinear_tf=True, dtype=np.float32,
            min_df=self.min_df if distinct >= 20 else 1, max_df=self.max_df if distinct >= 20 else 1.0,
            stop_words=sorted(_topic_stopwords() | set(self.stopwords_add or ())),
        )
        try:
            matrix = self.vectorizer_.fit_transform(docs) if docs else None
        except ValueError:  # every term pruned: too few or too uniform comments
            matrix = None
        if matrix is not None:
            self._describable = self._phrases(docs, matrix)
        if matrix is None or matrix.nnz == 0 or distinct < 2:
            # Documented degenerate result: no topic (nothing informative) or a single topic.
            self.n_topics_ = 0 if matrix is None or matrix.nnz == 0 else 1
            self.labels_[informative] = 0 if self.n_topics_ else NON_INFORMATIVE_TOPIC
            self.selection_scores_ = pd.DataFrame(columns=["k", "npmi", "silhouette", "stabilitas", "skor"])
            # no centres to compare with (and no SVD fitted): transform gives every informative comment topic 0
            self.centers_ = np.zeros((self.n_topics_, 0))
            self.seed_columns_ = [[] for _ in range(self.n_topics_)]
            self._describe(texts, cleaned, informative, matrix, aspects, sentiments)
            return distinct
        embedded = self._embed(matrix, fit=True)
        if self.n_topics == "auto":
            low, high = self.k_range
            candidates = [k for k in range(low, high + 1) if k < distinct] or [min(2, distinct)]
            # A quick scan (three single k-means runs per k), on a random sample of at most
            # _SELECTION_SAMPLE comments on large inputs; the chosen k is then fitted on everything.
            scan = np.arange(matrix.shape[0])
            if len(scan) > _SELECTION_SAMPLE:
                scan = np.sort(np.random.default_rng(self.random_state).choice(scan, _SELECTION_SAMPLE, replace=False))
            scan_embedded, scan_matrix = embedded[scan], matrix[scan]
            scan_terms = _doc_terms([docs[i] for i in scan])
            rng = np.random.default_rng(self.random_state)
            runs_per_k = 3 if self.method == "kmeans" and not self.seed_words else 0  # NMF and seeds: one fit
            seeds = {k: [int(rng.integers(2**31 - 1)) for _ in range(runs_per_k)] for k in candidates}

            def scan_row(k: int) -> tuple[int, float, float, float]:
                assignment, stability = self._scan_fit(scan_embedded, scan_matrix, k, seeds[k])
                return (k, float(np.mean(self._coherence_of(scan_matrix, assignment, scan_terms))),
                        self._silhouette(scan_embedded, assignment), stability)

            # every other k to each process (larger k take longer), then back in the order of k
            rows = sorted(self._runs(scan_row, candidates[::2] + candidates[1::2], len(scan)))
            scores = pd.DataFrame(rows, columns=["k", "npmi", "silhouette", "stabilitas"])
            standard = lambda s: (s - s.mean()) / (s.std(ddof=0) or 1.0)  # noqa: E731
            scores["skor"] = standard(scores["npmi"]) + standard(scores["silhouette"]) + standard(scores["stabilitas"])
            self.selection_scores_ = scores
            best = int(scores.loc[scores["skor"].idxmax(), "k"])
            assignment, centers = self._cluster(embedded, matrix, best)
            if self.method == "kmeans" and not self.seed_words:
                assignment, centers = self._split_catch_all(embedded, assignment, centers)
        else:
            k = min(int(self.n_topics), distinct)
            assignment, centers = self._cluster(embedded, matrix, k)
            self.selection_scores_ = pd.DataFrame(columns=["k", "npmi", "silhouette", "stabilitas", "skor"])
        self.centers_ = centers
        self.n_topics_ = centers.shape[0]
        seeded = self._seed_columns() if self.seed_words and self.method == "kmeans" else []
        self.seed_columns_ = seeded + [[] for _ in range(self.n_topics_ - len(seeded))]  # transform keeps them pinned
        # every comment in the topic whose centre is nearest, by the rule transform() applies: k-means
        # ends on Euclidean distances to centres of differing lengths, and fit and predict disagreed
        # on 18 of the bundled survey's 1,566 comments (unless a topic would then be left empty)
        nearest = self._nearest(embedded, matrix)[0]
        if np.bincount(nearest, minlength=self.n_topics_).min() > 0:
            assignment = nearest
        self.labels_[informative] = assignment
        self._describe(texts, cleaned, informative, matrix, aspects, sentiments, embedded=embedded)
        return distinct

    def _split_catch_all(self, embedded: Any, assignment: np.ndarray, centers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Split the largest topic in two while it holds more than ``_MAX_TOPIC_SHARE`` of the
        comments (``n_topics="auto"`` only). Short, generic comments ("mengajar jelas", "materi
        bagus") lie close to one another and far from every theme: k-means made them one topic of up
        to 70% of real evaluation answers, named by generic words. Each split is spherical 2-means
        inside the topic (or, when that leaves a part of fewer than 5% of it, the split along its first
        principal direction); every comment then goes to its nearest centre. It stops when no split
        leaves both parts 5% of the topic, or at ``k_range``'s upper end plus 4 topics."""
        rng = np.random.default_rng(self.random_state)
        limit = min(self.k_range[1] + 4, MAX_TOPICS)
        while centers.shape[0] < limit:
            sizes = np.bincount(assignment, minlength=centers.shape[0])
            largest = int(np.argmax(sizes))
            if sizes[largest] <= _MAX_TOPIC_SHARE * len(assignment) or sizes[largest] < 20:
                break  # no catch-all, or too few comments to be one
            members = np.flatnonzero(assignment == largest)
            with threadpool_limits(limits=1, user_api="openmp"):
                km = KMeans(n_clusters=2, n_init=4, random_state=int(rng.integers(2**31 - 1))).fit(embedded[members])
            halves = normalize(np.asarray(km.cluster_centers_))
            if np.bincount(km.labels_, minlength=2).min() < 0.05 * len(members):
                halves = self._principal_halves(embedded[members])
                if halves is None:
                    break
            candidate = np.vstack([np.delete(centers, largest, axis=0), halves])
            similarity = embedded @ candidate.T
            assignment = np.asarray(similarity.toarray() if sp.issparse(similarity) else similarity).argmax(axis=1)
            keep = np.bincount(assignment, minlength=candidate.shape[0]) > 0
            remap = np.cumsum(keep) - 1
            centers, assignment = candidate[keep], remap[assignment]
        return assignment, centers

    @staticmethod
    def _principal_halves(points: Any) -> np.ndarray | None:
        """The centres of the two sides of a group split along its first principal direction
        (principal direction divisive partitioning, Boley 1998): what 2-means found no balanced
        split for (a few outliers against the rest) still has a main direction of variation."""
        dense = points.toarray() if sp.issparse(points) else np.asarray(points)
        centred = dense - dense.mean(axis=0)
        if not np.any(centred):
            return None
        direction = np.linalg.svd(centred, full_matrices=False)[2][0]
        side = centred @ direction > 0
        if min(side.sum(), (~side).sum()) < 0.05 * len(side):
            return None
        return normalize(np.vstack([dense[side].mean(axis=0), dense[~side].mean(axis=0)]))

    def _seed_columns(self) -> list[list[int]]:
        """Per seeded topic (in ``seed_words``' order), the vocabulary columns of its seed words' stems."""
        pre = self._pre()
        vocabulary = self.vectorizer_.vocabulary_
        return [sorted({vocabulary[s] for w in words for s in pre(w) if s in vocabulary}) for words in (self.seed_words or {}).values()]

    @staticmethod
    def _seed_hits(matrix: sp.csr_matrix, columns: Sequence[Sequence[int]]) -> np.ndarray:
        """Comments x seeded topics: whether the comment holds one of the topic's seed words."""
        hits = [np.asarray(matrix[:, list(cols)].sum(axis=1)).ravel() > 0 if cols else np.zeros(matrix.shape[0], dtype=bool)
                for cols in columns]
        return np.column_stack(hits) if hits else np.zeros((matrix.shape[0], 0), dtype=bool)

    def _seeded(self, embedded: Any, matrix: sp.csr_matrix, k: int, *, quick: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Guided topics: a comment that holds a seeded topic's words belongs to it (to the nearest of
        several, by their centres), and the other comments form the remaining ``k`` minus seeded
        topics as unseeded ones do (with none left, each joins the nearest seeded topic). Seeds that
        only started k-means let a seeded topic drift: notebook 02's "Sinyal dan Zoom" held 637 of
        1,566 comments, 17% of them with a seed word. ``quick`` (the scan of ``n_topics="auto"``): one
        k-means++ run for the other topics instead of the consensus. ``embedded`` stays as it is
        (sparse without the SVD): only the centres are dense."""
        hits = self._seed_hits(matrix, self._seed_columns())
        for name, column in zip(self.seed_words, hits.T):
            if not column.any():
                raise ValueError(f"no comment contains the seed words of topic {name!r} ({', '.join(self.seed_words[name])}).")

        def mean(rows: np.ndarray) -> np.ndarray:
            return np.asarray(embedded[rows].mean(axis=0)).ravel()

        def similarity(rows: np.ndarray, centers: np.ndarray) -> np.ndarray:
            return np.asarray(embedded[rows] @ centers.T)

        seeds = hits.shape[1]
        centers = normalize(np.vstack([mean(hits[:, s]) for s in range(seeds)]))
        assignment = np.full(embedded.shape[0], -1)
        held = np.flatnonzero(hits.any(axis=1))
        assignment[held] = np.where(hits[held], similarity(held, centers), -np.inf).argmax(axis=1)
        rest = np.flatnonzero(assignment < 0)
        extra = max(k, seeds) - seeds
        if extra and len(rest) >= extra:
            if quick:
                km = KMeans(n_clusters=extra, n_init=1, random_state=self.random_state, max_iter=300).fit(embedded[rest])
                others, other_centers = km.labels_, normalize(np.asarray(km.cluster_centers_))
            else:
                others, other_centers = self._consensus(embedded[rest], extra)
            assignment[rest] = seeds + others
            centers = np.vstack([centers, other_centers])
        elif len(rest):
            assignment[rest] = similarity(rest, centers).argmax(axis=1)
        return assignment, normalize(np.vstack([mean(assignment == c) if (assignment == c).any() else centers[c]
                                                for c in range(centers.shape[0])]))

    def _scan_fit(self, embedded: Any, matrix: sp.csr_matrix, k: int, seeds: list[int]) -> tuple[np.ndarray, float]:
        """The quick fit of one candidate k for ``n_topics="auto"``: single k-means++ runs from
        ``seeds`` (three), the lowest-inertia one kept, and their mean pairwise adjusted Rand index as
        stability (a k at which runs disagree has no clear topics). NMF and seeded k-means do not
        depend on the run (no seeds)."""
        if not seeds:
            return self._cluster(embedded, matrix, k, quick=True)[0], 1.0
        runs = [KMeans(n_clusters=k, n_init=1, random_state=seed, max_iter=300).fit(embedded) for seed in seeds]
        stability = np.mean([adjusted_rand_score(a.labels_, b.labels_) for i, a in enumerate(runs) for b in runs[i + 1 :]])
        return min(runs, key=lambda run: run.inertia_).labels_, float(stability)

    def _cluster(self, embedded: Any, matrix: sp.csr_matrix, k: int, *, quick: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Topics of ``embedded``: NMF, seeded topics, or the consensus of many k-means runs (``quick``:
        the candidate scan of seeded topics, see :meth:`_seeded`)."""
        if self.method == "nmf":
            nmf = NMF(n_components=k, init="nndsvda", random_state=self.random_state, max_iter=400)
            weights = nmf.fit_transform(matrix)
            assignment = weights.argmax(axis=1)
            centers = normalize(np.vstack([
                np.asarray(embedded[assignment == c].mean(axis=0)).ravel() if (assignment == c).any()
                else np.zeros(embedded.shape[1]) for c in range(k)]))
            return assignment, centers
        if self.seed_words:
            return self._seeded(embedded, matrix, k, quick=quick)
        return self._consensus(embedded, k)

    def _consensus(self, embedded: Any, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Consensus k-means: each run clusters a random 30% of a pool of comments (all of them, or
        a random ``_CONSENSUS_SAMPLE``) and assigns the whole pool to its nearest centre; the runs'
        one-hot votes are clustered (comments that the runs put together end together), and the
        centres of these groups start a final k-means on every comment."""
        rng = np.random.default_rng(self.random_state)
        n = embedded.shape[0]
        pool = np.arange(n) if n <= _CONSENSUS_SAMPLE else rng.choice(n, _CONSENSUS_SAMPLE, replace=False)
        pooled = embedded[pool]
        size = max(int(0.3 * len(pool)), min(len(pool), 1_000))
        runs = 64 if self.n_init == "auto" else int(self.n_init)
        votes = np.zeros((len(pool), runs * k), dtype=np.float32)
        plans = []
        for _ in range(runs):  # drawn in order first, so that threads cannot change the result
            rows = rng.choice(len(pool), size, replace=False)
            plans.append((rows, int(rng.integers(2**31 - 1))))

        def nearest(plan: tuple[np.ndarray, int]) -> np.ndarray:
            km = KMeans(n_clusters=k, n_init=1, random_state=plan[1], max_iter=300).fit(pooled[plan[0]])
            return np.asarray(pooled @ km.cluster_centers_.T).argmax(axis=1)

        for run, assigned in enumerate(self._runs(nearest, plans, len(pool))):
            votes[np.arange(len(pool)), run * k + assigned] = 1
        groups = KMeans(n_clusters=k, n_init=4, random_state=int(rng.integers(2**31 - 1))).fit_predict(votes)
        centers = normalize(np.vstack([np.asarray(pooled[groups == c].mean(axis=0)).ravel() for c in np.unique(groups)]))
        km = KMeans(n_clusters=centers.shape[0], init=centers, n_init=1, max_iter=300)
        return km.fit_predict(embedded), normalize(km.cluster_centers_)

    def _runs(self, function: Any, plans: Sequence[Any], comments: int) -> list[Any]:
        """``function`` applied to every plan (independent k-means runs on ``comments`` comments), in
        order. Each run uses one OpenMP and one BLAS thread (thread start-up cost more than it saved
        on these small runs, and two processes with two BLAS threads each were slower than one
        process), so a run is bitwise the same on every machine and in every process; with
        ``n_jobs``, from :data:`_RUNS_PARALLEL_MIN` comments, the plans are shared with workers forked
        for the call (the library's one pool), which inherit the data and the one-thread limit."""
        from . import _parallel

        processes = _parallel.processes(self.n_jobs, enough=comments >= _RUNS_PARALLEL_MIN, inherit=True)
        with _parallel.one_native_thread():
            return _parallel.map_forked(lambda i: function(plans[i]), list(range(len(plans))), processes)

    def _silhouette(self, embedded: Any, assignment: np.ndarray) -> float:
        if not 2 <= len(set(assignment.tolist())) < embedded.shape[0]:  # silhouette needs 2 .. n-1 groups
            return -1.0
        size = min(2000, embedded.shape[0])
        return float(silhouette_score(embedded, assignment, metric="cosine", sample_size=size,
                                      random_state=self.random_state))

    def _phrases(self, docs: list[str], matrix: sp.csr_matrix) -> np.ndarray:
        """Which terms may describe a topic: every word, and a bigram only when it is a phrase, found
        in at least ``_PHRASE_SHARE`` of the comments that hold its rarer word ("terima kasih", "jam
        pelajaran", "tanya jawab"). Other bigrams ("materi bagus", "narasumber bagus") still shape the
        clusters but would fill a topic's top terms with variations of one word, pairs that rarely
        occur together."""
        frequency = Counter(word for doc in docs for word in set(doc.split()))
        bigram_frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
        names = self.vectorizer_.get_feature_names_out()
        return np.array([" " not in term or bigram_frequency[i] >= _PHRASE_SHARE * min(frequency[w] for w in term.split())
                         for i, term in enumerate(names)])

    def _class_tfidf(self, matrix: sp.csr_matrix, assignment: np.ndarray, k: int) -> np.ndarray:
        """Class-based TF-IDF (a term's share in the topic, times log(1 + mean topic size / its
        frequency)) times the share of the topic's comments that hold the term, which favours terms
        that many of its comments use over rare ones peculiar to it (mean NPMI of the top terms
        0.127 → 0.145 on the bundled corpus at k=7, 0.107 → 0.134 at k=12, 0.154 → 0.156 on SmSA at
        k=10); zero for bigrams that are not phrases (see ``_phrases``)."""
        counts = (matrix > 0).astype(np.float64)
        membership = sp.csr_matrix((np.ones(len(assignment)), (assignment, np.arange(len(assignment)))), shape=(k, len(assignment)))
        per_topic = np.asarray((membership @ counts).todense())
        totals = per_topic.sum(axis=1, keepdims=True)
        tf = per_topic / np.where(totals == 0, 1, totals)
        frequency = per_topic.sum(axis=0)
        idf = np.log1p(per_topic.sum() / max(k, 1) / np.where(frequency == 0, 1, frequency))
        sizes = np.bincount(assignment, minlength=k)[:, None]
        return tf * idf * per_topic / np.where(sizes == 0, 1, sizes) * self._describable

    def _coherence_of(self, matrix: sp.csr_matrix, assignment: np.ndarray, doc_terms: list[set[str]]) -> list[float]:
        k = int(assignment.max()) + 1
        weights = self._class_tfidf(matrix, assignment, k)
        names = self.vectorizer_.get_feature_names_out()
        tops = [[names[i] for i in np.argsort(-weights[c])[: self.n_terms] if weights[c, i] > 0] for c in range(k)]
        return _npmi_table(doc_terms, tops)

    # -- description --------------------------------------------------------------------------------
    def _surface_forms(self, texts: list[str], cleaned: list[str], informative: np.ndarray) -> dict[str, str]:
        """Stem → its most frequent unstemmed form among the informative comments."""
        return surface_forms([t for t, m in zip(texts, informative) if m], [c for c, m in zip(cleaned, informative) if m],
                             self._pre())

    def _readable(self, term: str) -> str:
        return readable(term, self.surface_)

    def _describe(self, texts, cleaned, informative, matrix, aspects, sentiments, embedded=None) -> None:
        self.surface_ = self._surface_forms(texts, cleaned, informative)
        k = self.n_topics_
        if k == 0 or matrix is None:
            self.term_weights_ = np.zeros((0, 0))
            self.topics_ = pd.DataFrame(columns=["topik", "ukuran", "porsi", "label", "kata_kunci", "contoh"])
            self.topic_names_ = {}
            return
        assignment = self.labels_[informative]
        self.term_weights_ = self._class_tfidf(matrix, assignment, k)
        names = list(self.seed_words or {})
        self.topic_names_ = {c: (names[c] if c < len(names) and self.method == "kmeans" else None) for c in range(k)}
        self._informative_texts = [t for t, m in zip(texts, informative) if m]
        self._informative_clean = [c for c, m in zip(cleaned, informative) if m]
        self._similarity = None
        if embedded is not None and self.centers_.shape[1]:
            self._similarity = np.asarray(embedded @ self.centers_.T) if not sp.issparse(embedded) else np.asarray((embedded @ self.centers_.T))
        self._annotations = (None if aspects is None else [a for a, m in zip(aspects, informative) if m],
                             None if sentiments is None else [s for s, m in zip(sentiments, informative) if m])
        self._phrases_ = self._phrase_labels()
        self.topics_ = self._topic_table()

    def _phrase_labels(self) -> dict[int, str]:
        """Each topic's key phrase ("penjelasan terlalu cepat"), found as themes are (see
        :func:`umpanbalik.themes.label_groups`); a topic no phrase describes has none."""
        from ._labels import label_groups

        assignment = self.labels_[self.labels_ != NON_INFORMATIVE_TOPIC]
        texts, sentiments = self._informative_texts, self._annotations[1]
        if len(texts) > _LABEL_SAMPLE:  # a label is a share of its topic's comments: a sample estimates it
            rows = np.sort(np.random.default_rng(self.random_state).choice(len(texts), _LABEL_SAMPLE, replace=False))
            texts, assignment = [texts[i] for i in rows], assignment[rows]
            sentiments = None if sentiments is None else [sentiments[i] for i in rows]
        labels = label_groups(texts, assignment, self.n_topics_, sentiments=sentiments)
        return {c: label for c, label in enumerate(labels) if label}

    def _topic_table(self) -> pd.DataFrame:
        feature_names = self.vectorizer_.get_feature_names_out()
        assignment = self.labels_[self.labels_ != NON_INFORMATIVE_TOPIC]
        total = len(self.labels_)
        aspects, sentiments = self._annotations
        rows = []
        used = {name for name in self.topic_names_.values() if name}  # the user's names are taken
        for c in np.argsort(-np.bincount(assignment, minlength=self.n_topics_), kind="stable"):  # larger topics first
            members = np.flatnonzero(assignment == c)
            order = np.argsort(-self.term_weights_[c])[: self.n_terms]
            terms = [(self._readable(feature_names[i]), round(float(self.term_weights_[c, i]), 4))
                     for i in order if self.term_weights_[c, i] > 0]
            label = self.topic_names_.get(c) or _named_general(self._phrases_.get(c), terms, used) or _label([t for t, _ in terms])
            used.add(label)
            row = {"topik": int(c), "ukuran": len(members), "porsi": len(members) / max(total, 1), "label": label,
                   "kata_kunci": terms, "contoh": self._examples(members, c, self._phrases_.get(c))}
            if aspects is not None:
                counter = Counter(a for i in members for a in aspects[i])
                row["aspek"] = [a for a, n in counter.most_common() if n >= max(1, 0.2 * len(members))]
            if sentiments is not None:
                counter = Counter(sentiments[i] for i in members)
                row["sentimen"] = {s: round(counter[s] / max(len(members), 1), 3) for s in SENTIMENTS}
            rows.append(row)
        return pd.DataFrame(rows).sort_values("topik", ignore_index=True) if rows else pd.DataFrame(rows)

    def _examples(self, members: np.ndarray, topic: int, phrase: str | None = None) -> list[str]:
        """The topic's comments nearest its centre, those that say its key ``phrase`` first (the first
        example of "terlalu cepat" was "lebih diperbanyak penjelasan"), each text once."""
        if self.n_examples == 0 or len(members) == 0 or not hasattr(self, "_informative_texts"):
            return []  # (a loaded model saved without its texts has no examples to show)
        if self._similarity is not None:
            members = members[np.argsort(-self._similarity[members, topic], kind="stable")]
        words = set(re.findall(r"\w+", phrase.lower())) if phrase else set()
        if words:  # the phrase's words as written (labels are written forms; no second preprocessing)
            near = members[:_EXAMPLE_POOL]  # among the comments nearest the centre: a million need not be read
            saying = np.fromiter((words <= set(re.findall(r"\w+", self._informative_texts[i].lower())) for i in near),
                                 dtype=bool, count=len(near))
            members = np.concatenate([near[saying], near[~saying], members[_EXAMPLE_POOL:]])
        chosen, seen = [], set()
        for i in members:
            key = self._informative_clean[i]
            if key in seen:
                continue
            seen.add(key)
            chosen.append(self._informative_texts[i])
            if len(chosen) >= self.n_examples:
                break
        return chosen

    # -- prediction and editing ---------------------------------------------------------------------
    def transform(self, X: Iterable[str], *, informative: Sequence[bool] | None = None,
                  cleaned: Sequence[str] | None = None) -> pd.DataFrame:
        """Topic (``topik``), its label (``label_topik``) and cosine similarity to the topic centre
        (``skor_topik``) for each comment; -1 for non-answers (``informative`` and ``cleaned``: as in
        :meth:`fit`)."""
        check_is_fitted(self, "labels_")
        texts = as_text_list(X, name="X")
        index = X.index if isinstance(X, pd.Series) else pd.RangeIndex(len(texts))
        cleaned = self._cleaned(texts, cleaned)
        informative = self._informative(texts, cleaned, informative)
        topics = np.full(len(texts), NON_INFORMATIVE_TOPIC, dtype=int)
        scores = np.zeros(len(texts))
        if self.n_topics_ and informative.any():
            matrix = self.vectorizer_.transform([c for c, m in zip(cleaned, informative) if m])
            if self.centers_.shape[1]:
                topics[informative], scores[informative] = self._nearest(self._embed(matrix, fit=False), matrix)
            else:
                topics[informative] = 0
        labels = {row.topik: row.label for row in self.topics_.itertuples()}
        labels[NON_INFORMATIVE_TOPIC] = NON_INFORMATIVE_LABEL
        return pd.DataFrame({"topik": topics, "label_topik": [labels.get(t, "") for t in topics], "skor_topik": scores}, index=index)

    def _nearest(self, embedded: Any, matrix: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
        """Each comment's topic, the one whose centre is nearest (cosine), and that similarity; a
        comment with a seeded topic's words is in one of those, the others in an unseeded topic."""
        similarity = np.asarray(embedded @ self.centers_.T)
        columns = getattr(self, "seed_columns_", None) or []
        if any(columns):
            hits = self._seed_hits(matrix, columns)
            unseeded = np.asarray([not cols for cols in columns])
            allowed = np.where(hits.any(axis=1, keepdims=True), hits, unseeded if unseeded.any() else True)
            similarity = np.where(allowed, similarity, -np.inf)
        return similarity.argmax(axis=1), similarity.max(axis=1)  # (every row allows one topic at least)

    def predict(self, X: Iterable[str]) -> np.ndarray:
        """The topic of each comment (-1 for non-answers)."""
        return self.transform(X)["topik"].to_numpy()

    def rename_topic(self, topic: int, name: str) -> TopicModel:
        """Give a topic a name of your own (shown as its ``label``). For the topics of an analysis,
        :meth:`Analysis.rename_topic <umpanbalik.analysis.Analysis.rename_topic>` renames them in
        its per-comment table too."""
        self._check_topic(topic)
        self.topic_names_[topic] = str(name)
        self.topics_ = self._topic_table()
        return self

    def merge_topics(self, keep: int, absorb: int) -> TopicModel:
        """Merge topic ``absorb`` into ``keep``; later topics are renumbered (for an analysis's topics,
        :meth:`Analysis.merge_topics <umpanbalik.analysis.Analysis.merge_topics>` renumbers its comments too)."""
        self._check_topic(keep)
        self._check_topic(absorb)
        if keep == absorb:
            raise ValueError("`keep` and `absorb` must be different topics.")
        sizes = np.bincount(self.labels_[self.labels_ >= 0], minlength=self.n_topics_).astype(float)
        if self.centers_.shape[1]:
            merged = sizes[keep] * self.centers_[keep] + sizes[absorb] * self.centers_[absorb]
            self.centers_[keep] = merged / (np.linalg.norm(merged) or 1.0)
            self.centers_ = np.delete(self.centers_, absorb, axis=0)
        if getattr(self, "_similarity", None) is not None:
            self._similarity[:, keep] = np.maximum(self._similarity[:, keep], self._similarity[:, absorb])
            self._similarity = np.delete(self._similarity, absorb, axis=1)
        self.labels_[self.labels_ == absorb] = keep
        self.labels_[self.labels_ > absorb] -= 1
        self.term_weights_[keep] = (sizes[keep] * self.term_weights_[keep] + sizes[absorb] * self.term_weights_[absorb]) / max(sizes[keep] + sizes[absorb], 1)
        self.term_weights_ = np.delete(self.term_weights_, absorb, axis=0)
        names = [self.topic_names_.get(c) for c in range(self.n_topics_) if c != absorb]
        self.topic_names_ = dict(enumerate(names))
        if getattr(self, "seed_columns_", None):
            # two seeded topics: the merged one holds both topics' words; a seeded and an unseeded one:
            # it holds comments without seed words too, so it is no longer pinned (transform would have
            # sent those comments elsewhere)
            both = bool(self.seed_columns_[keep]) and bool(self.seed_columns_[absorb])
            self.seed_columns_[keep] = sorted(set(self.seed_columns_[keep]) | set(self.seed_columns_[absorb])) if both else []
            del self.seed_columns_[absorb]
        self.n_topics_ -= 1
        if hasattr(self, "_informative_texts"):
            self._phrases_ = self._phrase_labels()
        else:  # a saved model without its texts: the phrases it had, renumbered (``keep`` keeps its own)
            phrases = getattr(self, "_phrases_", {})
            self._phrases_ = {c - (c > absorb): p for c, p in phrases.items() if c != absorb}
        self.topics_ = self._topic_table()
        return self

    def _check_topic(self, topic: int) -> None:
        check_is_fitted(self, "labels_")
        if not isinstance(topic, (int, np.integer)) or not 0 <= topic < self.n_topics_:
            raise ValueError(f"`topic` must be a topic id from 0 to {self.n_topics_ - 1}; got {topic!r}.")

    def _raw_top_terms(self) -> list[list[str]]:
        """Each topic's top terms as the vocabulary writes them (stems, ``_`` in negations)."""
        if not self.n_topics_:
            return []
        names = self.vectorizer_.get_feature_names_out()
        return [[names[i] for i in np.argsort(-row)[: self.n_terms] if row[i] > 0] for row in self.term_weights_]

    def top_terms(self, topic: int, n: int | None = None) -> pd.DataFrame:
        """The top terms of one topic with their class-based TF-IDF weights (``kata``, ``bobot``)."""
        self._check_topic(topic)
        terms = self.topics_.loc[self.topics_["topik"] == topic, "kata_kunci"].iloc[0]
        return pd.DataFrame(terms[: n or self.n_terms], columns=["kata", "bobot"])

    def plot_top_terms(self, topics: Sequence[int] | None = None, n: int = 10) -> Any:
        """Bar charts of the top terms per topic (a matplotlib figure); see :mod:`umpanbalik.plots`."""
        from .plots import plot_top_terms

        return plot_top_terms(self, topics, n)

    def wordcloud(self, topic: int, n: int = 40) -> Any:
        """A word cloud of one topic (a matplotlib figure); see :mod:`umpanbalik.plots`."""
        from .plots import topic_wordcloud

        return topic_wordcloud(self, topic, n)

    def _repr_html_(self) -> str:
        if not hasattr(self, "topics_"):
            return f"<pre>{self!r}</pre>"
        table = self.topics_[["topik", "ukuran", "porsi", "label"]].copy()
        table["porsi"] = (100 * table["porsi"]).round(1).astype(str) + "%"
        return (f"<p><b>{self.n_topics_} topik</b>; {self.n_non_informative_} komentar non-informatif disisihkan.</p>"
                + table.to_html(index=False))


def coherence(model: TopicModel, texts: Iterable[str]) -> pd.DataFrame:
    """NPMI coherence of each topic's top terms, computed on ``texts`` (document co-occurrence).

    ``texts`` are preprocessed as the model does, so that the terms and the documents speak the same
    vocabulary (stems, negation tokens, bigrams).

    Returns a DataFrame with ``topik``, ``label`` and ``npmi``; the mean is in ``.attrs["rata_rata"]``.
    """
    check_is_fitted(model, "labels_")
    docs = _doc_terms(model._pre().transform(as_text_list(texts)))
    scores = _npmi_table(docs, model._raw_top_terms())
    frame = pd.DataFrame({"topik": range(model.n_topics_), "label": model.topics_["label"].tolist() if model.n_topics_ else [],
                          "npmi": scores})
    frame.attrs["rata_rata"] = float(np.mean(scores)) if scores else float("nan")
    return frame


def topic_stability(texts: Iterable[str], seeds: Sequence[int] = (0, 1, 2, 3, 4), **params: Any) -> float:
    """Mean adjusted Rand index between the topic assignments of models fitted with different seeds."""
    data = as_text_list(texts)
    labels = [TopicModel(random_state=seed, **params).fit_predict(data) for seed in seeds]
    pairs = [(a, b) for i, a in enumerate(labels) for b in labels[i + 1 :]]
    return float(np.mean([adjusted_rand_score(a, b) for a, b in pairs])) if pairs else 1.0
