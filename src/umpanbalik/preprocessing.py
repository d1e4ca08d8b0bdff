"""Indonesian preprocessing that keeps the meaning of evaluation feedback.

Stages, each of which can be switched off: text normalisation (:func:`normalize_text`) → tokens
(nltk's ``RegexpTokenizer`` rules, run on ``re``: see :mod:`umpanbalik.tokens`) → normalised words
(protected domain terms, slang table, squeezed repeated letters) → negation joined (``tidak jelas`` →
``tidak_jelas``) → stopwords removed (an evaluation-safe list) → stems (Sastrawi with exceptions).

Speed comes from one memo per configuration that maps a raw token straight to its normalised words,
their stems and their kinds, so a token is analysed once per process; only negation joining looks
at neighbours and runs per comment. With ``n_jobs``, the workers of the library's one pool
(:mod:`umpanbalik._parallel`) clean contiguous shares of the comments and split the stemming of new
words between them. :meth:`Preprocessor.explain`
walks the same functions stage by stage, and a property test checks that both paths agree.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from . import _parallel
from ._validation import as_one_text, as_text, as_text_list, check_int
from .lexicon import DEFAULT_SCOPE_WORDS
from .normalization import _normalize, _tables, normalize_text
from .stemming import load as load_stemmer
from .stemming import stem_word
from .tokens import (_FIRST_WORD, _RUNS, SCOPE, Entry, _Config, _join_scope, _TokenAnalyzer, _analyzer_for, _tokenizer,
                     preprocess)

# n_jobs uses workers from this many comments in a call. On an idle 2-core machine two processes
# already break even at about 200 comments (once the workers run); the margin keeps small calls local.
_PARALLEL_MIN_TEXTS = 2_000
_PARALLEL_ROUND = 100_000  # comments per process in one round (bounds what is in flight at once)

__all__ = ["Preprocessor", "PreprocessingTrace", "preprocess", "explain_preprocessing", "split_clauses", "stem_audit"]

@dataclass(frozen=True)
class PreprocessingTrace:
    """Every stage of preprocessing one comment, from :meth:`Preprocessor.explain`."""

    raw: str
    normalized: str
    tokens: list[str]
    words: list[str]
    joined: list[str]
    content: list[str]
    stems: list[str] = field(default_factory=list)

    _LABELS = {
        "raw": "teks asli",
        "normalized": "dinormalisasi",
        "tokens": "token",
        "words": "kata baku",
        "joined": "negasi digabung",
        "content": "tanpa stopword",
        "stems": "kata dasar",
    }

    def to_frame(self) -> pd.DataFrame:
        """One row per stage (``tahap``) with its output (``hasil``)."""
        rows = []
        for name, label in self._LABELS.items():
            value = getattr(self, name)
            rows.append((name, label, value if isinstance(value, str) else " ".join(value)))
        return pd.DataFrame(rows, columns=["tahap", "keterangan", "hasil"])

    def _repr_html_(self) -> str:
        return self.to_frame().to_html(index=False)


def _freeze_mapping(value: Mapping[str, str] | Iterable[str] | None, name: str) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        raise ValueError(f"`{name}` must be a dict (or a list of words), not a single string; got {value!r}.")
    if isinstance(value, Mapping):
        pairs = value.items()
    else:
        pairs = ((w, w) for w in value)
    return tuple(sorted((str(k).lower(), str(v).lower()) for k, v in pairs))


def _freeze_words(value: Iterable[str] | None, name: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        raise ValueError(f"`{name}` must be a list of words, not a single string; got {value!r}. Use [{value!r}].")
    return frozenset(str(w).lower() for w in value)


class _Part:
    """One process's contiguous share of a parallel round: cleaned in two passes around one exchange.

    The first pass cleans every comment whose chunks the memo already knows and collects the unseen
    chunks of the others; once the processes have analysed the round's unseen chunks between them and
    exchanged the entries, :meth:`finish` cleans the comments that waited.
    """

    def __init__(self, config: _Config, options: tuple[bool, bool, bool], texts: list[str]) -> None:
        self.analyzer = _analyzer_for(config)
        known, tables = self.analyzer._clean_known, _tables()
        self.out: list[str] = []
        self.waiting: list[tuple[int, str]] = []  # (position, normalised text) with an unseen chunk
        chunks: set[str] = set()
        for text in texts:
            normalized = _normalize(text, *options, tables) if text else ""
            tokens = normalized.split()
            try:
                self.out.append(known(tokens))
            except KeyError:
                self.waiting.append((len(self.out), normalized))
                self.out.append("")
                chunks.update(tokens)
        self.unseen = sorted(chunks.difference(self.analyzer.kept))

    def analyze(self, tokens: list[str]) -> list[tuple[str, tuple[Entry, ...]]]:
        """Analyse this process's share of the round's unseen chunks."""
        return [(token, self.analyzer.entries(token)) for token in tokens]

    def store(self, analysed: list[tuple[str, tuple[Entry, ...]]]) -> None:
        """Remember entries another process analysed."""
        for token, found in analysed:
            self.analyzer.store(token, found)

    def finish(self, analysed: list[tuple[str, tuple[Entry, ...]]]) -> list[str]:
        """Store the entries the other processes analysed and clean the comments that waited."""
        self.store(analysed)
        clean = self.analyzer.clean  # analyses anything a full memo has dropped in the meantime
        for position, normalized in self.waiting:
            self.out[position] = clean(normalized.split())
        return self.out


# The share of a parallel round that a worker of the pool (umpanbalik._parallel) holds between steps.
_WORKER_PART: _Part | None = None


def _part_start(config: _Config, options: tuple[bool, bool, bool], texts: list[str]) -> list[str]:
    """In a worker: the first pass over this worker's share; returns its unseen chunks."""
    global _WORKER_PART
    _WORKER_PART = _Part(config, options, texts)
    return _WORKER_PART.unseen


def _part_analyze(tokens: list[str]) -> list[tuple[str, tuple[Entry, ...]]]:
    """In a worker: analyse its share of the round's unseen chunks."""
    assert _WORKER_PART is not None
    return _WORKER_PART.analyze(tokens)


def _part_finish(analysed: list[tuple[str, tuple[Entry, ...]]]) -> list[str]:
    """In a worker: store the others' entries, clean the comments that waited, return the share."""
    global _WORKER_PART
    part, _WORKER_PART = _WORKER_PART, None
    assert part is not None
    return part.finish(analysed)


class Preprocessor(TransformerMixin, BaseEstimator):
    """Clean Indonesian feedback into tokens that keep negation and evaluative words.

    A stateless scikit-learn transformer: ``transform`` maps an iterable of comments to cleaned
    strings (tokens joined by spaces), calling the instance on one comment returns its token list,
    so it also serves as ``TfidfVectorizer(analyzer=Preprocessor())``.

    Parameters
    ----------
    normalize_markup : bool, default=True
        Remove HTML tags and entities, URLs and @mentions.
    mask_identifiers : bool, default=True
        Mask NIP, NIK, phone numbers and e-mail addresses (they never become tokens).
    map_emoji : bool, default=True
        Map emoji and emoticons to Indonesian words (👍 → ``bagus``).
    expand_reduplication : bool, default=True
        ``materi2`` → ``materi-materi``.
    normalize_slang : bool, default=True
        Apply the slang/abbreviation table (``gk`` → ``tidak``, ``mboten`` → ``tidak``).
    squeeze_repeats : bool, default=True
        ``bagusss`` → ``bagus`` while ``maaf`` keeps its double letter.
    join_negation : bool, default=True
        Join negators and degree words to the next word (``tidak_jelas``, ``terlalu_cepat``).
    scope_words : iterable of str, optional
        The words that join; default :data:`umpanbalik.lexicon.DEFAULT_SCOPE_WORDS`.
    remove_stopwords : bool, default=True
        Remove function words from the evaluation-safe stopword list.
    stopwords_add, stopwords_remove : iterable of str, optional
        Words to add to or remove from the stopword list.
    stem : bool, default=True
        Stem with Sastrawi (memoised, with the exceptions table).
    stem_exceptions : dict, optional
        Extra ``word → stem`` overrides (``{"pemrograman": "program"}``).
    slang : dict, optional
        Extra or overriding slang entries (``{"mantul": "mantap"}``).
    protected : dict or iterable of str, optional
        Extra domain terms that nothing alters, optionally with a canonical form.
    keep_numbers : bool, default=False
        Keep tokens made of digits only.
    n_jobs : int, optional
        Processes for ``transform`` on inputs of 2,000 comments or more (``-1`` for all cores); ``None``
        is one. The worker processes persist (with their memos) for later calls. Output is identical
        to one process. On macOS and Windows, a script needs the usual ``if __name__ == "__main__":``.

    Examples
    --------
    >>> pre = Preprocessor()
    >>> pre("Materinya gk jelas dan waktunya kurang!!")
    ['materi', 'tidak_jelas', 'waktu', 'kurang']
    >>> pre.transform(["diklat latsar via zoom", None])
    ['diklat latsar via zoom', '']
    """

    def __init__(
        self,
        *,
        normalize_markup: bool = True,
        mask_identifiers: bool = True,
        map_emoji: bool = True,
        expand_reduplication: bool = True,
        normalize_slang: bool = True,
        squeeze_repeats: bool = True,
        join_negation: bool = True,
        scope_words: Iterable[str] | None = None,
        remove_stopwords: bool = True,
        stopwords_add: Iterable[str] | None = None,
        stopwords_remove: Iterable[str] | None = None,
        stem: bool = True,
        stem_exceptions: Mapping[str, str] | None = None,
        slang: Mapping[str, str] | None = None,
        protected: Mapping[str, str] | Iterable[str] | None = None,
        keep_numbers: bool = False,
        n_jobs: int | None = None,
    ) -> None:
        self.normalize_markup = normalize_markup
        self.mask_identifiers = mask_identifiers
        self.map_emoji = map_emoji
        self.expand_reduplication = expand_reduplication
        self.normalize_slang = normalize_slang
        self.squeeze_repeats = squeeze_repeats
        self.join_negation = join_negation
        self.scope_words = scope_words
        self.remove_stopwords = remove_stopwords
        self.stopwords_add = stopwords_add
        self.stopwords_remove = stopwords_remove
        self.stem = stem
        self.stem_exceptions = stem_exceptions
        self.slang = slang
        self.protected = protected
        self.keep_numbers = keep_numbers
        self.n_jobs = n_jobs

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.requires_fit = False
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags

    # -- configuration --------------------------------------------------------------------------
    def _config(self) -> _Config:
        scope = DEFAULT_SCOPE_WORDS if self.scope_words is None else _freeze_words(self.scope_words, "scope_words")
        return _Config(
            slang=bool(self.normalize_slang),
            squeeze=bool(self.squeeze_repeats),
            reduplication=bool(self.expand_reduplication),
            negation=bool(self.join_negation),
            stopwords=bool(self.remove_stopwords),
            stem=bool(self.stem),
            keep_numbers=bool(self.keep_numbers),
            extra_slang=_freeze_mapping(self.slang, "slang"),
            extra_protected=_freeze_mapping(self.protected, "protected"),
            scope_words=scope,
            stopwords_add=_freeze_words(self.stopwords_add, "stopwords_add"),
            stopwords_remove=_freeze_words(self.stopwords_remove, "stopwords_remove"),
            exceptions=_freeze_mapping(self.stem_exceptions, "stem_exceptions"),
        )

    def normalize(self, text: str) -> str:
        """The first stage alone, as this preprocessor is set: Unicode, markup, identifiers, emoji.

        Examples
        --------
        >>> Preprocessor(map_emoji=False).normalize("Materi <b>BAGUS</b> 👍")
        'materi bagus 👍'
        """
        return normalize_text(
            as_one_text(text, "Preprocessor.normalize", "[preprocessor.normalize(t) for t in texts]"),
            markup=self.normalize_markup,
            identifiers=self.mask_identifiers,
            emoji=self.map_emoji,
        )

    # -- the fast path --------------------------------------------------------------------------
    def _clean(self, text: str, analyzer: _TokenAnalyzer) -> str:
        return analyzer.clean(self.normalize(text).split()) if text else ""

    def __call__(self, text: Any) -> list[str]:
        """Tokens of one comment; missing or non-text values give ``[]``."""
        return self._clean(as_text(text), _analyzer_for(self._config())).split()

    def fit(self, X: Iterable[str], y: Any = None) -> Preprocessor:
        """Validate the parameters; the preprocessor learns nothing. Returns ``self``."""
        self._config()
        check_int("n_jobs", self.n_jobs, minimum=-1, allow_none=True)
        return self

    def transform(self, X: Iterable[str]) -> list[str]:
        """Cleaned comments: one string of space-separated tokens per input comment, same order."""
        texts = as_text_list(X, name="X")
        processes = _parallel.processes(self.n_jobs, enough=len(texts) >= _PARALLEL_MIN_TEXTS)
        if processes > 1:
            return self._transform_parallel(texts, processes)
        return self._transform_here(texts)

    def _options(self) -> tuple[bool, bool, bool]:
        return bool(self.normalize_markup), bool(self.mask_identifiers), bool(self.map_emoji)

    def _transform_here(self, texts: list[str]) -> list[str]:
        # The body of _clean, inlined with its lookups hoisted (Python call overhead is a tenth of the
        # time here): split at white space, and let the memo tokenise each new chunk once.
        clean, tables = _analyzer_for(self._config()).clean, _tables()
        markup, identifiers, emoji = self._options()
        return [clean(_normalize(t, markup, identifiers, emoji, tables).split()) if t else "" for t in texts]

    def normalizes_by_default(self) -> bool:
        """Whether the first stage is :func:`~umpanbalik.normalization.normalize_text` with its
        defaults (markup, identifiers and emoji all handled): then a text normalised once that way
        serves this preprocessor too (:meth:`transform_normalized`)."""
        return self._options() == (True, True, True)

    def transform_normalized(self, texts: list[str], normalized: list[str]) -> list[str]:
        """``transform`` of comments whose normalised form (:meth:`normalize`) is known already:
        the feature extractor normalises once for its views and the preprocessor."""
        clean = _analyzer_for(self._config()).clean
        return [clean(n.split()) if t else "" for t, n in zip(texts, normalized)]

    def _transform_parallel(self, texts: list[str], processes: int) -> list[str]:
        """This process and ``processes - 1`` persistent workers each clean a contiguous share.

        Per round: every process normalises its share and cleans the comments whose chunks its memo
        knows; the parent splits the union of the unseen chunks between the processes, so each is
        analysed (stemmed) once; the entries are exchanged; each process cleans its waiting comments
        and the workers send back one list of cleaned strings. Entries do not depend on the process
        that made them, so the output is exactly that of one process. While another thread uses the
        workers, the call runs here; an error stops the workers (the next call starts new ones).
        """
        config, options = self._config(), self._options()
        _analyzer_for(config), _tokenizer(), _tables(), load_stemmer()  # loaded once, before any fork
        with _parallel.workers(processes - 1) as workers:
            if workers is None:  # another thread of this process is using the workers
                return self._transform_here(texts)
            out: list[str] = []
            rounds = -(-len(texts) // (processes * _PARALLEL_ROUND))
            for r in range(rounds):
                out.extend(self._parallel_round(texts[r * len(texts) // rounds : (r + 1) * len(texts) // rounds],
                                                config, options, workers))
            return out

    @staticmethod
    def _parallel_round(
        texts: list[str], config: _Config, options: tuple[bool, bool, bool], workers: list[Connection]
    ) -> list[str]:
        processes = len(workers) + 1
        bounds = [i * len(texts) // processes for i in range(processes + 1)]
        for connection, start, stop in zip(workers, bounds[1:], bounds[2:]):
            _parallel.send(connection, _part_start, config, options, texts[start:stop])
        part = _Part(config, options, texts[: bounds[1]])
        unseen = [part.unseen] + [_parallel.receive(connection) for connection in workers]
        # Chunks that share a word ("bagus", "bagus,", "bagusss") go to one process, which stems it once.
        groups: dict[str, list[str]] = {}
        for chunk in sorted(set().union(*unseen).difference(part.analyzer.kept)):
            first = _FIRST_WORD.search(chunk)
            groups.setdefault(_RUNS.sub(r"\1", first.group()) if first else chunk, []).append(chunk)
        shares: list[list[str]] = [[] for _ in range(processes)]
        for i, key in enumerate(sorted(groups)):
            shares[i % processes].extend(groups[key])
        for connection, share in zip(workers, shares[1:]):
            _parallel.send(connection, _part_analyze, share)
        part.analyze(shares[0])
        for connection in workers:
            part.store(_parallel.receive(connection))
        entries = part.analyzer.entries
        for connection, chunks, share in zip(workers, unseen[1:], map(set, shares[1:])):
            _parallel.send(connection, _part_finish, [(token, entries(token)) for token in chunks if token not in share])
        out = part.finish([])
        for connection in workers:
            out.extend(_parallel.receive(connection))
        return out

    def get_feature_names_out(self, input_features: Sequence[str] | None = None) -> Any:
        import numpy as np

        return np.asarray(["teks_bersih"], dtype=object)

    # -- the explained path ---------------------------------------------------------------------
    def explain(self, text: Any) -> PreprocessingTrace:
        """Every stage for one comment, so that an analyst can see why a word changed."""
        raw = as_one_text(text, "Preprocessor.explain", "[preprocessor.explain(t) for t in texts], or stem_audit(texts) "
                                                        "for the stems of many")
        analyzer = _analyzer_for(self._config())
        normalized = self.normalize(raw) if raw else ""
        tokens = _tokenizer()(normalized) if normalized else []
        entries = [entry for token in tokens for entry in analyzer.entries(token)]
        joined = list(_join_scope(entries))
        kept = [entry for entry in joined if entry[2] <= SCOPE]
        return PreprocessingTrace(
            raw=raw,
            normalized=normalized,
            tokens=tokens,
            words=[word for word, _, _ in entries],
            joined=[word for word, _, _ in joined],
            content=[word for word, _, _ in kept],
            stems=[stem for _, stem, _ in kept],
        )

    def stem_with_source(self, word: str) -> tuple[str, str]:
        """The stem of one normalised word and where it comes from: ``dilindungi`` (a protected
        term), ``pengecualian`` (the exceptions table), ``sastrawi`` or ``tetap`` (unchanged).

        Examples
        --------
        >>> Preprocessor().stem_with_source("diklat"), Preprocessor().stem_with_source("jelaskan")
        (('diklat', 'dilindungi'), ('jelas', 'sastrawi'))
        """
        analyzer = _analyzer_for(self._config())
        if word in analyzer.protected.values() or word in analyzer.protected:
            return word, "dilindungi"
        if word in analyzer.exceptions:
            return analyzer.exceptions[word], "pengecualian"
        stem = stem_word(word, analyzer.exceptions)
        return stem, "sastrawi" if stem != word else "tetap"


def same_preprocessing(a: Any, b: Any) -> bool:
    """Whether two preprocessors give the same output: one object, or two of one type whose
    parameters are equal apart from ``n_jobs``; ``None`` stands for the default ``Preprocessor()``."""
    a = Preprocessor() if a is None else a
    b = Preprocessor() if b is None else b
    if a is b:
        return True
    if type(a) is not type(b) or not hasattr(a, "get_params"):
        return False
    mine, theirs = a.get_params(), b.get_params()
    mine.pop("n_jobs", None)
    theirs.pop("n_jobs", None)
    return mine == theirs


def explain_preprocessing(text: Any, **params: Any) -> PreprocessingTrace:
    """Every stage of preprocessing one comment (see :meth:`Preprocessor.explain`).

    Examples
    --------
    >>> trace = explain_preprocessing("Bukunya tdk dijelaskan")
    >>> trace.joined
    ['bukunya', 'tidak_dijelaskan']
    >>> trace.stems
    ['buku', 'tidak_jelas']
    """
    return Preprocessor(**params).explain(as_one_text(text, "explain_preprocessing", "[explain_preprocessing(t) for t in texts], "
                                                                                     "or stem_audit(texts) for the stems of many"))


#: Words after which a comment turns to another point (the label scheme: the later clause is stressed).
CONTRAST_WORDS = frozenset(
    {"tapi", "tetapi", "namun", "sayangnya", "sedangkan", "padahal", "cuma", "walaupun", "meskipun",
     "walau", "meski", "kecuali", "sementara", "sebaliknya", "but", "however"}
)
_CLAUSE_PUNCTUATION = frozenset(".,;!?\n")


_BREAK, _SKIP, _HANYA, _OTHER = 0, 1, 2, 3


def stem_audit(texts: Iterable[str], preprocessor: Any = None, *, top: int | None = None) -> pd.DataFrame:
    """List word → stem pairs by frequency so that an analyst can spot bad stems.

    Parameters
    ----------
    texts : iterable of str
        Comments to audit.
    preprocessor : Preprocessor, optional
        The preprocessor whose normalisation, exceptions and protected words apply; default settings
        when omitted.
    top : int, optional
        Return only the ``top`` most frequent pairs.

    Returns
    -------
    DataFrame
        Columns ``kata`` (word after normalisation), ``akar`` (stem), ``frekuensi`` and ``sumber``
        (``pengecualian``, ``dilindungi``, ``sastrawi`` or ``tetap`` when unchanged), most frequent first.
        Add a wrong pair to ``Preprocessor(stem_exceptions={...})`` to fix it.

    Examples
    --------
    >>> stem_audit(["ruangannya menangis", "menangis lagi"])[["kata", "akar", "frekuensi"]]
             kata    akar  frekuensi
    0    menangis  tangis          2
    1  ruangannya   ruang          1
    """
    pre = preprocessor if preprocessor is not None else Preprocessor()
    counts: Counter[str] = Counter()
    for trace in map(pre.explain, as_text_list(texts)):
        counts.update(w for w in trace.content if "_" not in w)
    rows = []
    for word, count in counts.most_common(top):
        stem, source = pre.stem_with_source(word)
        rows.append((word, stem, count, source))
    return pd.DataFrame(rows, columns=["kata", "akar", "frekuensi", "sumber"])


def _clause_role(token: str, analyzer: _TokenAnalyzer) -> int:
    """What a token does in :func:`split_clauses` (memoised per token, as it depends on nothing else)."""
    if not (token[0].isalnum() or token[0] == "_"):
        return _BREAK if _CLAUSE_PUNCTUATION.intersection(token) else _SKIP
    words = analyzer.normalize_word(token)
    if words and words[0][0] in CONTRAST_WORDS:
        return _BREAK
    return _HANYA if words and words[0][0] == "hanya" else _OTHER


def split_clauses(text: Any, preprocessor: Preprocessor | None = None) -> list[str]:
    """Split one comment into clauses at punctuation and contrast words (tapi, namun, hanya saja …).

    Clauses are returned in their normalised surface form, so that any model can preprocess them
    again. Slang contrast words count (``tp`` is ``tapi``). A clause of a single word (an item of a
    list such as ``materi, metode dan waktu bagus``) is merged into the clause after it.

    Examples
    --------
    >>> split_clauses("materi bagus tp waktunya kurang, hanya saja ruangan panas")
    ['materi bagus', 'waktunya kurang', 'ruangan panas']
    >>> split_clauses("materi, metode dan waktunya pas")
    ['materi metode dan waktunya pas']
    """
    raw = as_one_text(text, "split_clauses")
    if not raw:
        return []
    pre = preprocessor if preprocessor is not None else Preprocessor()
    analyzer = _analyzer_for(pre._config())
    roles = analyzer.clause_roles
    tokens = _tokenizer()(pre.normalize(raw))
    clauses: list[list[str]] = [[]]
    for index, token in enumerate(tokens):
        role = roles.get(token)
        if role is None:
            role = _clause_role(token, analyzer)
            if len(roles) >= 1_000_000:
                roles.clear()
            roles[token] = role
        if role == _BREAK:
            clauses.append([])
            continue
        if role == _SKIP:
            continue
        if role == _HANYA and index + 1 < len(tokens) and tokens[index + 1] == "saja":
            clauses.append([])
            continue
        if token == "saja" and index and tokens[index - 1] == "hanya":
            continue
        if not token.startswith("__"):
            clauses[-1].append(token)
    merged: list[list[str]] = []
    for clause in clauses:
        if merged and len(merged[-1]) == 1:
            merged[-1].extend(clause)
        elif clause:
            merged.append(clause)
    return [" ".join(clause) for clause in merged if clause]
