"""The per-token analysis behind :mod:`umpanbalik.preprocessing`, light to import.

This module needs only the standard library, numpy and the package's own word lists (no pandas,
scikit-learn or nltk), so that cleaning one comment with :func:`preprocess` starts in a fraction of
a second. :class:`~umpanbalik.Preprocessor` (a scikit-learn transformer) uses the same analyzers.

Tokens follow nltk's ``RegexpTokenizer`` with the pattern :data:`TOKEN_PATTERN`, run on the standard
``re`` module (what the tokenizer does with that pattern, without importing nltk: 1.3 s on these
machines; a test checks that both give the same tokens).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from typing import Any

from ._validation import as_one_text
from .lexicon import DEFAULT_SCOPE_WORDS, DOUBLED_INTENSIFIERS, INTENSIFIERS, _protected, _slang, _stem_exceptions, _stopwords
from .normalization import _normalize, _tables
from .stemming import is_known_word, stem_word

__all__ = ["preprocess", "TOKEN_PATTERN", "default_config"]

CONTENT, SCOPE, STOP, BOUNDARY = 0, 1, 2, 3
#: Every intensifier that joins the next word (:data:`~umpanbalik.lexicon.DEFAULT_SCOPE_WORDS`), as written
#: (the doubled ones too); right before a negator it belongs to the negation ("sangat tidak puas").
INTENSIFYING = INTENSIFIERS | DOUBLED_INTENSIFIERS
#: The same, as the stems of a joined chain read them ("benar-benar" is "benar": ``benar_bagus``).
JOINED_INTENSIFIERS = INTENSIFIERS | {word.partition("-")[0] for word in DOUBLED_INTENSIFIERS}
_INTENSITY = re.compile(r"(?<![^\s_])(?:" + "|".join(sorted(JOINED_INTENSIFIERS | DOUBLED_INTENSIFIERS, key=len,
                                                              reverse=True)) + r")_(?=\S)")


def without_intensity(cleaned: str) -> str:
    """A preprocessed comment with its intensifiers taken off the words they joined ("sangat_bagus"
    -> "bagus", "tidak_sangat_jelas" -> "tidak_jelas"): topics and themes group comments by what
    they are about, and "sangat bagus" is about what "bagus" is about.

    >>> without_intensity("materi sangat_bagus waktu tidak_sangat_jelas")
    'materi bagus waktu tidak_jelas'
    """
    return _INTENSITY.sub("", cleaned) if "_" in cleaned else cleaned


#: Entries the token memo holds before it is emptied (bounded memory on endless streams of typos).
MEMO_LIMIT = 1_000_000

#: A negator right before one of these denies a reason, and the negation reaches the reason itself:
#: "bukan karena biaya" is ``bukan_karena_biaya`` (it was ``bukan_karena biaya``, and the cost was
#: read as the reason given).
#: Stop words between the reason word and the reason stay in the chain ("bukan karena saya malas" is
#: ``bukan_karena_saya_malas``: the reason, "malas", is denied too). After "bukan" a matter is denied
#: as a reason is ("bukan soal biaya", "bukan masalah jarak"); "tidak masalah" is "no problem" and
#: stays ``tidak_masalah``.
NEGATORS = frozenset({"tidak", "tak", "bukan"})
REASON_WORDS = frozenset({"karena", "sebab", "gara-gara", "lantaran", "akibat", "gegara"})
MATTER_WORDS = frozenset({"soal", "masalah", "perkara", "urusan"})
#: The same words as the stemmer writes them ("lantaran" is "lantar"): a denied reason's chain holds stems.
REASON_STEMS = REASON_WORDS | MATTER_WORDS | {"lantar", "urus"}
#: Stop words a denied reason's chain takes at most before its reason ("bukan karena saya yang malas"),
#: and the words that end it: "bukan karena itu tapi biaya" gives the cost as the reason.
_DENIED_STOPS = 3
_CONTRASTS = frozenset({"tapi", "tetapi", "namun", "melainkan", "sedangkan", "padahal", "cuma", "hanya", "but"})


def _denies(negator: str, word: str) -> bool:
    """Whether ``word`` after ``negator`` starts a denied reason ("bukan karena", "bukan soal")."""
    return negator in NEGATORS and (word in REASON_WORDS or (negator == "bukan" and word in MATTER_WORDS))
Entry = tuple[str, str, int]  # (word, stem, kind)

# Tokens are words with inner hyphens or apostrophes (e-learning, materi-materi) and runs of
# punctuation. The fast paths split a comment at white space only; a chunk that is not exactly one
# token ("bagus,", "materi-") is split by the tokenizer the first time the memo sees it, so
# every path gives the same entries (a property test checks it).
TOKEN_PATTERN = r"\w+(?:['’-]\w+)*|[^\w\s]+"
_ONE_TOKEN = re.compile(TOKEN_PATTERN)
_RUN3 = re.compile(r"([^\W\d_])\1{2,}")
_RUN2 = re.compile(r"([^\W\d_])\1")
_TRAILING_DOUBLE = re.compile(r"([^\W\d_])\1$")
_FIRST_WORD = re.compile(r"\w+")
_RUNS = re.compile(r"(\w)\1+")
# "materi2" is written for "materi-materi"; only after 3+ letters, so "k3" or "covid19" stay.
_REDUPLICATION = re.compile(r"([^\W\d_]{3,})2(nya|an|lah|ku|mu)?")
_MAX_WORD_LENGTH = 40  # longer "words" are pasted links, keyboard mashing or binary: not words


@lru_cache(maxsize=1)
def _tokenizer() -> Callable[[str], list[str]]:
    """``RegexpTokenizer(TOKEN_PATTERN).tokenize`` of nltk, which is ``findall`` of the pattern (with
    the standard ``re`` module: nltk's default ``regex`` module is about 4x slower on this pattern)."""
    return re.compile(TOKEN_PATTERN).findall


@dataclass(frozen=True)
class _Config:
    """The options that decide how a token is analysed; hashable, so it keys the memo."""

    slang: bool
    squeeze: bool
    reduplication: bool
    negation: bool
    stopwords: bool
    stem: bool
    keep_numbers: bool
    extra_slang: tuple[tuple[str, str], ...]
    extra_protected: tuple[tuple[str, str], ...]
    scope_words: frozenset[str]
    stopwords_add: frozenset[str]
    stopwords_remove: frozenset[str]
    exceptions: tuple[tuple[str, str], ...]


class _TokenAnalyzer:
    """Maps one raw token to its entries under one configuration, with a memo."""

    def __init__(self, config: _Config) -> None:
        self.config = config
        self.slang = {**_slang(), **dict(config.extra_slang)} if config.slang else {}
        self.protected = {**_protected(), **dict(config.extra_protected)}
        self.stopwords = (_stopwords() | config.stopwords_add) - config.stopwords_remove
        self.scope = config.scope_words if config.negation else frozenset()
        self.exceptions = {**_stem_exceptions(), **dict(config.exceptions)}
        # Two views of one memo: token -> entries (for negation joining and explain), and token ->
        # its kept stems as one string (for the fast path, which then runs at C speed).
        self.memo: dict[str, tuple[Entry, ...]] = {}
        self.kept: dict[str, str] = {}
        self.scope_tokens: set[str] = set()
        self.reason_tokens: set[str] = set()  # tokens that are a reason or matter word ("krn"), see REASON_WORDS
        self.stretches: dict[tuple[str, ...], list[str]] = {}  # negator stretch -> its kept stems
        self.clause_roles: dict[str, int] = {}  # token -> its role in split_clauses

    def entries(self, token: str) -> tuple[Entry, ...]:
        found = self.memo.get(token)
        if found is None:
            found = self._analyze(token)
            self.store(token, found)
        return found

    def store(self, token: str, found: tuple[Entry, ...]) -> None:
        """Remember a token's analysis (also one made in another process)."""
        if len(self.memo) >= MEMO_LIMIT:  # bounded memory on endless streams of typos
            self.memo.clear()
            self.kept.clear()
            self.scope_tokens.clear()
            self.reason_tokens.clear()
            self.stretches.clear()
        self.memo[token] = found
        self.kept[token] = " ".join(stem for _, stem, kind in found if kind == CONTENT)
        if any(kind == SCOPE for _, _, kind in found):
            self.scope_tokens.add(token)
        if len(found) == 1 and (found[0][0] in REASON_WORDS or found[0][0] in MATTER_WORDS):
            self.reason_tokens.add(token)

    def clean(self, tokens: list[str]) -> str:
        """The kept stems of a tokenised comment, space-separated."""
        for _ in range(3):
            try:
                return self._clean_known(tokens)
            except KeyError:  # a token not seen before: analyse the new ones, then clean
                # (again when the memo, full, was emptied while they were analysed: it keeps them then)
                for token in set(tokens).difference(self.kept):
                    self.entries(token)
        entries = (entry for token in tokens for entry in self._analyze(token))  # a comment of a million new tokens
        return " ".join(filter(None, (stem for _, stem, kind in _join_scope(entries) if kind <= SCOPE)))

    def _clean_known(self, tokens: list[str]) -> str:
        kept, scope, memo, reasons = self.kept, self.scope_tokens, self.memo, self.reason_tokens
        if scope.isdisjoint(tokens):
            return " ".join(filter(None, map(kept.__getitem__, tokens)))
        # Only the stretch from a negator to the word it joins needs entry-level work; the positions
        # of negators are found at C speed and the stretches between them joined from the memo.
        out: list[str] = []
        i, n = 0, len(tokens)
        for start in compress(count(), map(scope.__contains__, tokens)):
            if start < i:
                continue
            # "sangat tidak puas": a degree word right before the negator is part of its stretch (tokens
            # with no entry between them, a link or an over-long "word", are skipped, as _join_scope does)
            before = start - 1
            while before > i and not memo[tokens[before]]:
                before -= 1
            # (by its word, as _join_scope holds it: "benar-benar" is kept as its stem "benar")
            begin = before if before >= i and _ends_intensified(memo[tokens[before]]) else start
            out.extend(map(kept.__getitem__, tokens[i:begin]))
            j = start + 1
            while True:
                # (a reason word after a negator is part of the stretch too, and the stop words after it:
                # _join_scope decides whether they join)
                reason = False
                while j < n and (tokens[j] in scope or not memo[tokens[j]] or tokens[j] in reasons
                                 or (reason and not kept[tokens[j]] and memo[tokens[j]][-1][2] == STOP)):
                    reason = reason or tokens[j] in reasons
                    j += 1
                j = min(j + 1, n)
                # a stretch that ends on an intensifier right before another negator: the intensifier
                # belongs to that negator's chain, which joins this stretch (custom scope words)
                if j < n and tokens[j] in scope and _ends_intensified(memo[tokens[j - 1]]):
                    j += 1
                    continue
                break
            key = tuple(tokens[begin:j])
            joined = self.stretches.get(key)
            if joined is None:
                stretch = (entry for token in key for entry in memo[token])
                joined = self.stretches[key] = [stem for _, stem, kind in _join_scope(stretch) if kind <= SCOPE]
                if len(self.stretches) >= 1_000_000:
                    self.stretches.clear()
            out.extend(joined)
            i = j
        out.extend(map(kept.__getitem__, tokens[i:]))
        return " ".join(filter(None, out))

    def _analyze(self, token: str) -> tuple[Entry, ...]:
        if _ONE_TOKEN.fullmatch(token) is None:  # a chunk of several tokens ("bagus,", "materi-")
            return tuple(entry for piece in _tokenizer()(token) for entry in self.entries(piece))
        if token.startswith("__") and token.endswith("__"):
            return ()  # a placeholder such as __tautan__ or __nip__
        if not token[0].isalnum() and token[0] != "_":
            return ((token, token, BOUNDARY),)
        if len(token) > _MAX_WORD_LENGTH:
            return ()
        entries = []
        for word, protected in self.normalize_word(token.replace("’", "'").replace("'", "")):
            if word in self.scope and not protected:
                kind = SCOPE
            elif self.config.stopwords and (word in self.stopwords or (word.isdigit() and not self.config.keep_numbers)):
                kind = STOP
            else:
                kind = CONTENT
            stem = word if protected or not self.config.stem else stem_word(word, self.exceptions)
            entries.append((word, stem, kind))
        return tuple(entries)

    def normalize_word(self, token: str) -> list[tuple[str, bool]]:
        """The standard words for one token, each flagged True when it is a protected domain term."""
        word = token
        if self.config.reduplication and "2" in word:
            match = _REDUPLICATION.fullmatch(word)
            if match:
                word = f"{match.group(1)}-{match.group(1)}{match.group(2) or ''}"
        first, hyphen, second = word.partition("-")
        if hyphen and first == second:  # a doubled intensifier: "sangat2", "sangat-sangat", "bener2"
            base = self.slang.get(first, first)
            if base in INTENSIFIERS:
                word = base
            elif f"{base}-{base}" in DOUBLED_INTENSIFIERS:
                word = f"{base}-{base}"
        for attempt in range(2):
            if word in self.protected:
                return [(w, True) for w in self.protected[word].split()]
            if word in self.slang:
                return [(w, w in self.protected) for w in self.slang[word].split()]
            if attempt or not self.config.squeeze:
                break
            word = self._squeeze(word)
            if word == token:
                break
        # "-nya" after a domain term or a slang form ("pptnya", "jpnya", "zoomnya", "lms-nya"): the
        # stemmer strips it only from words of its dictionary, so these stayed words of their own
        head = word[:-3].rstrip("-") if word.endswith("nya") else ""
        if len(head) >= 2 and (head in self.protected or head in self.slang):
            return self.normalize_word(head)
        return [(word, False)]

    def _known(self, word: str) -> bool:
        return word in self.slang or word in self.protected or is_known_word(word)

    def _squeeze(self, word: str) -> str:
        """``bagusss`` → ``bagus``, ``maaaf`` → ``maaf``, ``kurangg`` → ``kurang``; real doubles stay."""
        if _RUN3.search(word):
            doubled = _RUN3.sub(r"\1\1", word)
            if self._known(doubled):
                return doubled
            single = _RUN2.sub(r"\1", doubled)
            return single
        # (the shorter form first: most typos' shortened form is unknown too, and then the longer one,
        # whose test needs Sastrawi's affix search, is never stemmed)
        if _TRAILING_DOUBLE.search(word) and self._known(word[:-1]) and not self._known(word):
            return word[:-1]
        return word


def _ends_intensified(entries: tuple[Entry, ...]) -> bool:
    """Whether a token's last entry is an intensifier (which :func:`_join_scope` holds for the word after)."""
    return bool(entries) and entries[-1][0] in INTENSIFYING


def _join_scope(entries: Iterable[Entry]) -> Iterator[Entry]:
    """Join negators and degree words to the next word: ``tidak`` + ``jelas`` → ``tidak_jelas``.

    A chain (``tidak terlalu jelas``) joins as a whole; scope never crosses punctuation, and a
    negator with nothing after it stays a word of its own. Joined words are never stopwords. An
    intensifier joins the next word as a degree word does (``sangat_buruk``); right before a negator
    (``sangat tidak puas``) it strengthens the negation, not the word: it is dropped (kind ``STOP``),
    or ``sangat_tidak_puas`` would be a rare token beside the common ``tidak_puas``.
    """
    words: list[str] = []
    stems: list[str] = []
    denied = False  # the chain is a denied reason ("bukan karena"): stop words after it join it too
    held: Entry | None = None  # an intensifier, until the next entry shows whether a negator follows
    for word, stem, kind in entries:
        if held is not None:
            if kind == SCOPE and word not in INTENSIFYING:
                yield (held[0], held[1], STOP)  # "sangat tidak puas": the degree strengthens the negation
            elif held[2] == SCOPE:
                words.append(held[0])
                stems.append(held[1])
            else:
                yield held
            held = None
        if kind in (CONTENT, SCOPE) and not words and word in INTENSIFYING:
            held = (word, stem, kind)
            continue
        if kind == SCOPE and word not in INTENSIFYING and words and all(w in INTENSIFYING for w in words):
            words, stems = [], []  # "sangat sangat tidak puas": the degrees strengthen the negation too
        starts = bool(words) and _denies(words[-1], word)
        if kind == SCOPE or starts or (denied and kind == STOP and word not in _CONTRASTS):
            if denied and kind == STOP and len(words) >= 2 + _DENIED_STOPS:
                yield word, stem, STOP  # past the cap a stop word is dropped: the chain still waits for its reason
                continue
            denied = denied or starts
            words.append(word)
            stems.append(stem)
            continue
        closed, denied = denied, False
        if words:
            # a negator before punctuation stays a word; an intensifier says nothing; a contrast word
            # ends a denied reason as punctuation does, and says nothing itself ("bukan karena itu
            # melainkan biaya": the cost is given)
            if kind == BOUNDARY or (closed and word in _CONTRASTS):
                yield from _unclosed(words, stems, closed)
                yield word, stem, (STOP if kind != BOUNDARY else kind)
            else:
                yield "_".join(words) + "_" + word, "_".join(stems) + "_" + stem, CONTENT
            words, stems = [], []
            continue
        yield word, stem, kind
    if held is not None:
        yield (held[0], held[1], STOP) if held[2] == SCOPE else held
    yield from _unclosed(words, stems, denied)


def _unclosed(words: list[str], stems: list[str], denied: bool) -> Iterator[Entry]:
    """A chain that punctuation, a contrast word or the comment's end closes before its word: each
    scope word on its own ("tidak ." keeps "tidak"), an intensifier dropped; a denied reason or matter
    with no reason after it is one word, its stop words dropped ("biaya bukan masalah," is
    ``bukan_masalah``, "bukan karena itu, tapi …" ``bukan_karena``)."""
    # (the negator that denies is the one right before the reason word: "gak bukan karena itu.")
    start = next((i for i in range(len(words) - 1) if _denies(words[i], words[i + 1])), None) if denied else None
    if start is not None:
        yield from ((w, s, SCOPE) for w, s in zip(words[:start], stems[:start]) if w not in INTENSIFYING)
        yield "_".join(words[start:start + 2]), "_".join(stems[start:start + 2]), CONTENT
        yield from ((w, s, STOP) for w, s in zip(words[start + 2:], stems[start + 2:]))
        return
    yield from ((w, s, SCOPE) for w, s in zip(words, stems) if w not in INTENSIFYING)


_ANALYZERS: dict[_Config, _TokenAnalyzer] = {}


def _analyzer_for(config: _Config) -> _TokenAnalyzer:
    analyzer = _ANALYZERS.get(config)
    if analyzer is None:
        analyzer = _ANALYZERS[config] = _TokenAnalyzer(config)
    return analyzer




def default_config() -> _Config:
    """The configuration of ``Preprocessor()`` with every default (a test checks they agree)."""
    return _Config(slang=True, squeeze=True, reduplication=True, negation=True, stopwords=True, stem=True,
                   keep_numbers=False, extra_slang=(), extra_protected=(), scope_words=DEFAULT_SCOPE_WORDS,
                   stopwords_add=frozenset(), stopwords_remove=frozenset(), exceptions=())


_DEFAULT: list[_TokenAnalyzer] = []


def preprocess(text: Any, **params: Any) -> list[str]:
    """Tokens of one comment with default (or the given) :class:`~umpanbalik.Preprocessor` settings.

    With the defaults, this needs neither pandas nor scikit-learn: cleaning one comment in a fresh
    process starts in a fraction of a second; with ``params`` it builds the preprocessor.

    Examples
    --------
    >>> preprocess("gk relevan dgn tupoksi")
    ['tidak_relevan', 'tupoksi']
    >>> preprocess(None)
    []

    A list of comments is an error that points to :meth:`Preprocessor.transform <umpanbalik.Preprocessor.transform>`.
    """
    if type(text) is not str:
        text = as_one_text(text, "preprocess", "Preprocessor().transform(texts) (each comment's tokens joined by spaces), "
                                               "or [preprocess(t) for t in texts]")
    if params:
        from .preprocessing import Preprocessor

        return Preprocessor(**params)(text)
    if type(text) is str and len(text) <= _REMEMBERED_CHARS:
        tokens = _COMMENTS.get(text)
        if tokens is None:
            tokens = _COMMENTS[text] = tuple(_preprocess_default(text))
            if len(_COMMENTS) >= _REMEMBERED:
                _COMMENTS.clear()
        return list(tokens)
    return _preprocess_default(text)


def _preprocess_default(text: str) -> list[str]:
    if not _DEFAULT:
        _DEFAULT.append(_analyzer_for(default_config()))
    return _DEFAULT[0].clean(_normalize(text, True, True, True, _tables()).split()).split() if text else []


# preprocess() remembers the tokens of short comments it has cleaned: exports repeat them ("-", "tidak
# ada", "sudah baik"), and a notebook maps the same column again and again. Bounded: cleared when full.
_REMEMBERED, _REMEMBERED_CHARS = 100_000, 300
_COMMENTS: dict[str, tuple[str, ...]] = {}
