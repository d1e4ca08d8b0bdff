"""Theme keys: the engine behind :mod:`umpanbalik.themes` (and the labels of
:class:`~umpanbalik.TopicModel`, through :mod:`umpanbalik._labels`).

Word lists (``resources/tema_kata.tsv``, ``resources/tema_sinonim.tsv``), a memoised lexicon that
reads a written token as a theme key, each comment's clauses and candidate keys, and the greedy
choice of distinctive keys; the written phrase that names a key is :mod:`umpanbalik._labels`' (see
:mod:`umpanbalik.themes` for the method). Pure functions of their arguments; no model is loaded.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib.resources import files
from typing import Any, NamedTuple

import numpy as np

from ._validation import as_text

__all__ = ["is_generic", "GENERAL_WISH", "GENERAL_LINES", "OTHER", "NOT_THEMES"]

#: Label of the suggestions that name nothing specific ("semoga lebih baik", "tingkatkan lagi").
GENERAL_WISH = "harapan umum"
#: Per kind, the line of the comments that name nothing specific (every word a wish, a verdict or a
#: generic word): "semoga lebih baik", "materinya bagus dan bermanfaat", "kurang memuaskan".
GENERAL_LINES = {"keluhan": "keluhan umum", "saran": GENERAL_WISH, "pujian": "pujian umum"}
#: Label of the comments of a kind that fit no theme.
OTHER = "lainnya"
#: The lines of a theme table that are no theme.
NOT_THEMES = frozenset({*GENERAL_LINES.values(), OTHER})

# "kurang jelas" and "tidak jelas" are one key, "tidak_jelas"; "lebih jelas" asks for the same in
# a suggestion but praises in "jadi lebih paham": a key of its own, joined to the theme of
# "kurang jelas" when both are chosen (see _stripped)
_NEGATORS = {"tidak": "tidak", "tak": "tidak", "kurang": "tidak", "bukan": "tidak", "belum": "tidak",
             "tanpa": "tanpa", "kurangnya": "tidak", "lebih": "lebih"}
_DROPPED_SCOPE = {"jangan", "terlalu"}
_MAX_LABEL_WORDS = 5
_WINDOW = 3  # key words at most this many tokens apart form one candidate key
_SPECIFIC_BONUS = 1.6  # weight of a key of two or more words against a key of one
_STEMMED = 5  # comments a word must be in to be stemmed (see _Lexicon)
_COMMON_SHARE = 0.25  # a word in more of the comments names their setting, not a theme
# words that name no specific thing: a suggestion of only these, wishes and words of degree
# ("semoga lebih baik dalam menyampaikan materi") is a general wish
_VAGUE = frozenset({"jelaskan", "tidak_jelaskan", "tidak_jelas", "lebih_jelas", "lebih_jelaskan"})
# requests to add something are one word when the comments that write a phrase are counted
# ("tambah sesi praktik", "perbanyak sesi praktik", "sesi praktik ditambah")
_MORE = frozenset({"tambah", "tambahkan", "ditambah", "ditambahkan", "tambahin", "perbanyak", "diperbanyak",
                   "adakan", "diadakan", "sediakan", "disediakan", "berikan", "diberikan", "beri", "diberi"})


# -- word lists ------------------------------------------------------------------------------------
def _read_table(name: str) -> list[tuple[str, str]]:
    text = files("umpanbalik.resources").joinpath(name).read_text(encoding="utf-8")
    rows, header = [], True
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        word, value = (cell.strip() for cell in line.split("\t")[:2])
        rows.append((word, value))
    return rows


@lru_cache(maxsize=1)
def _roles() -> dict[str, str]:
    return dict(_read_table("tema_kata.tsv"))


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    return dict(_read_table("tema_sinonim.tsv"))


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """Function words (the evaluation-safe stopword list; request and degree words are roles of
    ``tema_kata.tsv`` instead)."""
    from .lexicon import _stopwords as stopwords

    return stopwords()


@lru_cache(maxsize=1)
def _predicates() -> frozenset[str]:
    """Words that name a specific quality or event on their own (``ramah``, ``terlambat``): the
    polarity lexicon's roots and the ``predikat`` words of ``tema_kata.tsv``."""
    from .lexicon import _polarity

    return frozenset(_polarity()) | {w for w, role in _roles().items() if role == "predikat"}


class _Word(NamedTuple):
    key: str | None  # what the word counts as in a theme key; None: it names nothing specific
    alone: bool  # may be a theme key on its own (a quality or an event, not a bare noun)
    stop: bool  # a function word: a label neither starts nor ends with one
    wish: bool  # a wish, verdict or generic word: a comment of only these is a general wish
    subject: bool  # a generic noun that a one-word label may lean on ("dosen" in "dosen ramah")
    weak: bool  # a word of degree or amount ("sering", "banyak"): part of a key, never its point


_NOTHING = _Word(None, False, False, True, False, False)


class _Lexicon:
    """Memo: a written token (slang normalised, negation joined with ``_``) → :class:`_Word`.

    Words seen in fewer than ``_STEMMED`` comments are not stemmed (their key is the word itself,
    without ``-nya``): a key needs several comments, and Sastrawi costs about 0.2 ms per new word.
    """

    def __init__(self, frequent: set[str] | None = None) -> None:
        from .lexicon import _slang

        self.roles, self.synonyms, self.stop = _roles(), _synonyms(), _stopwords()
        self.predicates = _predicates()
        self.slang = _slang()
        self.frequent = frequent
        self.common: frozenset[str] = frozenset()
        self.memo: dict[str, _Word] = {}

    def set_common(self, keys: Iterable[str]) -> None:
        """Words of the setting in these comments (in more than ``_COMMON_SHARE`` of them: "ruang"
        in reviews of Ruangguru): generic, as "dosen" is everywhere."""
        self.common = frozenset(keys)
        self.memo.clear()

    def __call__(self, token: str) -> _Word:
        word = self.memo.get(token)
        if word is None:
            word = self.memo[token] = self._analyse(token)
        return word

    def _base(self, word: str) -> tuple[str | None, str]:
        """(key, role) of one plain word; role is ``kunci`` for a word that names something."""
        if "-" in word:  # reduplication: "cepet-cepet", "materi-materi"
            first, _, rest = word.partition("-")
            if first == rest:
                word = first
        word = self.slang.get(word, word)
        if " " in word:  # a slang entry of several words
            word = word.split()[-1]
        stripped = word[:-3] if word.endswith("nya") and len(word) > 5 else word
        for form in (word, stripped):
            if form in self.synonyms:
                return self.synonyms[form], "kunci"
            role = self.roles.get(form)
            if role is not None:
                if role == "lemah" and form in _MORE:  # "sediakan", "tambahkan", "perbanyak": one request
                    return "tambah", role
                return (form if role in ("lemah", "predikat") else None), role
        if word in self.stop or stripped in self.stop or not word.isalpha() or len(word) < 3:
            return None, "stop"
        if self.frequent is not None and word not in self.frequent:
            return stripped, "kunci"
        from .stemming import stem_word

        stem = stem_word(word)
        if stem in self.synonyms:
            return self.synonyms[stem], "kunci"
        role = self.roles.get(stem)
        if role is not None:
            return (stem if role in ("lemah", "predikat") else None), role
        return stem, "kunci"


    def _analyse(self, token: str) -> _Word:
        if "_" not in token:
            key, role = self._base(token)
            if key in self.common:
                role, key = "umum", None
            return _Word(key, role == "predikat" or (role == "kunci" and key in self.predicates),
                         role in ("stop", "sapaan") or token in self.stop,
                         role in ("umum", "penilaian", "harapan", "stop", "sapaan"), role == "umum", role == "lemah")
        # a negation or degree word joined to the next ("jangan_terlalu_cepat", "kurang_jelas")
        parts = [p for p in token.split("_") if p]
        negation = None
        while parts and (parts[0] in _DROPPED_SCOPE or parts[0] in _NEGATORS):
            if parts[0] in _NEGATORS:
                negation = _NEGATORS[parts[0]]
            parts = parts[1:]
        if not parts:
            return _NOTHING
        rest = " ".join(parts)
        key, role = (self.synonyms[rest], "kunci") if rest in self.synonyms else self._base(parts[-1])
        weak = role in ("lemah", "umum")
        if negation is None:  # "jangan telat" is keyed as "telat"; "terlalu cepat" is a quality on its own
            # "terlalu cepat" is a quality on its own, and "jangan cepat" asks against it: neither is a general wish
            return _Word(key, key is not None and (not weak or not {"terlalu", "jangan"}.isdisjoint(token.split("_"))), False,
                         role in ("umum", "penilaian", "harapan", "stop", "sapaan"), False, role == "lemah")
        if role in ("penilaian", "harapan", "stop", "sapaan"):
            return _NOTHING  # "kurang baik", "tidak ada": a verdict that names nothing
        head = key if key is not None else parts[-1]
        return _Word(f"{negation}_{head}", not weak, False, False, False, role == "lemah")


# -- documents -------------------------------------------------------------------------------------
_SEGMENT = re.compile(r"[.,;!?\n\r]+")


class _Document(NamedTuple):
    clauses: tuple[tuple[str, ...], ...]  # written tokens per clause
    keys: frozenset  # candidate keys (sorted tuples of key words)
    wish_only: bool  # every word a wish, verdict, generic word or stopword


@lru_cache(maxsize=1)
def _phrases() -> frozenset[tuple[str, str]]:
    """The two-word forms of ``tema_sinonim.tsv`` ("tepat waktu"), joined into one token."""
    return frozenset(tuple(word.split()) for word in _synonyms() if word.count(" ") == 1)


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    return frozenset(first for first, _ in _phrases())


# a negation joined to one of these passes on to the next word: "tidak membuat bosan" is "tidak bosan"
_PASS_ON = frozenset({"membuat", "bikin", "bakal", "akan", "pernah", "perlu", "usah"})


@lru_cache(maxsize=1)
def _may_join() -> re.Pattern[str]:
    """Finds a segment where :func:`_join` could change something (most have none)."""
    starts = "|".join(sorted(map(re.escape, _phrase_starts() | {"lebih"} | _PASS_ON)))
    return re.compile(f"(?<![^\\s_])(?:{starts})(?!\\S)")


def _join(tokens: list[str]) -> list[str]:
    """``lebih`` joined to the next word as negators are (``lebih_jelas``), a negation of a light
    verb to the word after it (``tidak_membuat bosan`` → ``tidak_membuat_bosan``), and the two-word
    forms of the synonym table into one token (``tidak_tepat waktu`` → ``tidak_tepat_waktu``)."""
    phrases = _phrases()
    starts = _phrase_starts() | _PASS_ON
    if "lebih" not in tokens and starts.isdisjoint(tokens) and not any(
            "_" in t and t.rpartition("_")[2] in starts for t in tokens):
        return tokens
    joined: list[str] = []
    for token in tokens:
        if joined and (joined[-1] == "lebih" and not token.startswith("lebih")
                       or (joined[-1].rpartition("_")[2], token) in phrases
                       or "_" in joined[-1] and joined[-1].rpartition("_")[2] in _PASS_ON):
            joined[-1] = f"{joined[-1]}_{token}"
        else:
            joined.append(token)
    return joined


# a wish that a thing not happen asks what the complaint names: "semoga tidak sering kosong" is a
# request against "sering kosong", as "jangan sering kosong" is; the negation after one of these
# markers is read as "jangan" (dropped from the key), so the request and the complaint share a key
_WISH_MARKERS = frozenset({"semoga", "moga", "harap", "harapan", "harapannya", "diharapkan", "berharap", "mohon",
                           "tolong", "agar", "supaya", "biar", "sebaiknya", "hendaknya", "seharusnya", "harusnya",
                           "usahakan", "diusahakan", "kedepan", "kedepannya", "kedepanya"})
_WISH_REACH = 4  # a negation at most this many words after the marker


def _wished(tokens: list[str]) -> list[str]:
    """``tidak_X`` within a few words after a wish marker → ``jangan_X``."""
    if _WISH_MARKERS.isdisjoint(tokens):
        return tokens
    out, marker = list(tokens), None
    for i, token in enumerate(tokens):
        if token in _WISH_MARKERS:
            marker = i
        elif marker is not None and i - marker <= _WISH_REACH and token.startswith(("tidak_", "tak_")):
            out[i] = "jangan_" + token.partition("_")[2]
            marker = None
    return out


def _clauses(texts: Sequence[str]) -> list[list[list[str]]]:
    """Each comment's clauses as written tokens: split at punctuation, then at contrast words."""
    from .lexicon import DEFAULT_SCOPE_WORDS
    from .preprocessing import CONTRAST_WORDS, Preprocessor
    from .tokens import INTENSIFYING

    segments = [[s for s in _SEGMENT.split(text) if s.strip()] for text in texts]
    flat = [s for parts in segments for s in parts]
    # intensifiers stay words of their own here ("sangat_bagus" would be a key apart from "bagus")
    scope = DEFAULT_SCOPE_WORDS - INTENSIFYING
    cleaned = iter(Preprocessor(stem=False, remove_stopwords=False, map_emoji=False, scope_words=scope).transform(flat))
    result = []
    for parts in segments:
        clauses: list[list[str]] = []
        for _ in parts:
            current: list[str] = []
            segment = next(cleaned)
            tokens = _wished(_join(segment.split()) if _may_join().search(segment) else segment.split())
            for i, token in enumerate(tokens):
                if token in CONTRAST_WORDS or (token == "hanya" and i + 1 < len(tokens) and tokens[i + 1] == "saja"):
                    clauses.append(current)
                    current = []
                elif not (token == "saja" and i and tokens[i - 1] == "hanya"):
                    current.append(token)
            clauses.append(current)
        merged: list[list[str]] = []
        for clause in clauses:  # a lone word is an item of a list ("materi, metode dan waktu pas")
            if merged and len(merged[-1]) == 1:
                merged[-1].extend(clause)
            elif clause:
                merged.append(clause)
        result.append(merged)
    return result


def _documents(texts: Sequence[str]) -> tuple[list[_Document], _Lexicon]:
    """Clauses, candidate keys and the general-wish flag of each comment, and the lexicon that read them."""
    clause_lists = _clauses(texts)
    frequency = Counter(t for clauses in clause_lists for t in {t for c in clauses for t in c})
    lexicon = _Lexicon({t for t, n in frequency.items() if n >= _STEMMED})
    key_frequency: Counter[str] = Counter()
    for token, n in frequency.items():
        if "_" not in token and n >= _COMMON_SHARE * len(texts):
            word = lexicon(token)
            if word.key is not None:
                key_frequency[word.key] += n
    if len(texts) >= 50:
        lexicon.set_common(k for k, n in key_frequency.items() if n >= _COMMON_SHARE * len(texts))
    documents = []
    for clauses in clause_lists:
        keys: set[tuple[str, ...]] = set()
        wish_only = True
        for tokens in clauses:
            words = [lexicon(t) for t in tokens]
            wish_only = wish_only and all(w.wish or (w.weak and not w.alone) or w.key in _VAGUE for w in words)
            positions = [i for i, w in enumerate(words) if w.key is not None]
            for a, i in enumerate(positions):
                first = words[i]
                if first.alone:
                    keys.add((first.key,))
                near = [words[j] for j in positions[a + 1 : a + 4] if j - i <= _WINDOW]
                for b, second in enumerate(near):  # pairs, and triples, of key words close together
                    if second.key != first.key and not (first.weak and second.weak):
                        keys.add(tuple(sorted((first.key, second.key))))
                    for third in near[b + 1 :]:
                        triple = tuple(sorted({first.key, second.key, third.key}))
                        if len(triple) == 3 and not (first.weak and second.weak and third.weak):
                            keys.add(triple)
        documents.append(_Document(tuple(map(tuple, clauses)), frozenset(keys), wish_only))
    return documents, lexicon


# -- choosing themes -------------------------------------------------------------------------------
def _select(docs: Sequence[frozenset], background: Counter, n_background: int, *, min_count: int,
            max_count: int, max_themes: int, label: Any, polarity: str | None = None, keep: Any = None
            ) -> tuple[list[tuple[str, np.ndarray]], list[tuple[tuple[str, ...], int]]]:
    """Greedy choice of themes for one kind: ``[(label, member positions)]`` in the order chosen, and
    the keys in the order chosen with their theme (which assigns further comments the same way).

    Each round takes the key with the best weight on the comments not yet covered: their number
    times the square root of the key's lift (its share among the kind's comments over its share
    among all informative comments, capped at 4), times a bonus for keys of two or more words. When
    the best is a key of one word and a longer key holds most of its comments, the longer key is
    taken: it names them better ("tugas terlalu banyak" rather than "tugas"). With ``polarity``
    (``"negatif"`` for complaints, ``"positif"`` for praise), a key whose words say the opposite
    (``tidak_bosan``, "tidak membosankan", among complaints) is left out: the comment was praise
    read as a complaint, or praise beside one. ``label(key, members)``
    names a key (``None``: no readable phrase, the key is passed over); a key whose label an earlier
    theme has joins that theme.
    """
    n = len(docs)
    postings: dict[tuple[str, ...], list[int]] = {}
    for position, keys in enumerate(docs):
        for key in keys:
            postings.setdefault(key, []).append(position)
    weight: dict[tuple[str, ...], float] = {}
    for key, members in postings.items():
        if len(members) < min_count or (polarity is not None and _key_polarity(key) not in (polarity, None)):
            continue
        lift = (len(members) / n) / (max(background[key], len(members)) / n_background)
        if lift >= 1.0:
            weight[key] = math.sqrt(min(lift, 4.0)) * (_SPECIFIC_BONUS if len(key) > 1 else 1.0)
    live = {key: np.asarray(postings[key]) for key in sorted(weight)}
    covered = np.zeros(n, dtype=bool)
    themes: list[list[Any]] = []  # [label, stripped keys, members]
    sequence: list[tuple[tuple[str, ...], int]] = []  # (key, its theme) in the order chosen
    while live and len(themes) < max_themes:
        for key in list(live):
            members = live[key]
            members = members[~covered[members]]
            if len(members) < min_count:
                del live[key]
            else:
                live[key] = members
        # a key over the cap waits until no key under it is left: then the more specific keys have
        # taken their comments, and what it still holds is what many say ("waktu terlalu singkat"
        # in 40% of the complaints), not a generic word — it is a theme, not "lainnya"
        fits = {key: m for key, m in live.items() if len(m) <= max_count} or live
        if not fits:
            break
        best = max(fits, key=lambda k: (len(fits[k]) * weight[k], len(k), k))  # a tie: the more specific
        if len(best) == 1:
            wider = [k for k in fits if len(k) > 1 and best[0] in k and len(fits[k]) >= 0.4 * len(fits[best])]
            if wider:
                best = max(wider, key=lambda k: (len(fits[k]) * weight[k], k))
        members = fits[best]
        del live[best]
        name = label(best, members)
        if name is None:
            continue
        if keep is not None:  # only the comments that say what the label says join its theme
            members = members[keep(name, members)]
            if len(members) < min_count:
                continue
        covered[members] = True
        stripped = _stripped(best)
        # the same thing said another way ("jangan terlalu cepat" after "penjelasan terlalu cepat",
        # "tidak tepat waktu" after "jangan terlambat") joins the theme that named it first
        # — by a key inside the other only when it names a thing: "banyak" alone is no "banyak tugas"
        # ("terlalu banyak slide", "terlalu banyak jam kosong" joined the assignments theme)
        # (a theme of the same label always: two lines of one label would split one theme)
        same = next((theme for theme in themes if theme[0] == name or (any(
            (stripped <= other and _names_thing(stripped)) or (other <= stripped and _names_thing(other)) for other in theme[1])
            and len(theme[2]) + len(members) <= max_count)), None)
        if same is None:
            sequence.append((best, len(themes)))
            themes.append([name, [stripped], members])
        else:
            sequence.append((best, themes.index(same)))
            same[1].append(stripped)
            same[2] = np.concatenate([same[2], members])
    return [(name, members) for name, _, members in themes], sequence


def _key_polarity(key: tuple[str, ...]) -> str | None:
    """The polarity the words of a key say, by the polarity lexicon (a negation turns it; ``lebih_``
    asks for more: negative); ``None`` when they say none or both."""
    from .lexicon import _polarity

    lexicon = _polarity()
    found = set()
    for word in key:
        negation, _, base = word.partition("_") if word.startswith(("tidak_", "tanpa_", "lebih_")) else ("", "", word)
        sign = lexicon.get(base, ("", 0))[0]
        if negation == "lebih":
            found.add("negatif")
        elif sign in ("positif", "negatif"):
            found.add(sign if not negation else ("negatif" if sign == "positif" else "positif"))
    return found.pop() if len(found) == 1 else None


def _names_thing(words: frozenset[str]) -> bool:
    """Whether a key's words name a thing, not only a degree, amount or frequency ("banyak", "cepat", "sering")."""
    lexicon = _plain_lexicon()
    return any(not lexicon(word).weak for word in words)


def _stripped(key: tuple[str, ...]) -> frozenset[str]:
    """A key without its negations: what it is about, whichever way it is said."""
    return frozenset(word.partition("_")[2] if word.startswith(("tidak_", "tanpa_", "lebih_")) else word for word in key)


# words that say what is wrong or wanted: degree and frequency, amounts, requests, failures


def is_generic(word: str) -> bool:
    """Whether a written word names nothing a theme could be about (dosen, materi, bagus, semoga …).

    Examples
    --------
    >>> is_generic("mahasiswa"), is_generic("pembelajaran"), is_generic("terlambat")
    (True, True, False)
    """
    lexicon = _plain_lexicon()
    return all(lexicon(token).key is None for token in as_text(word).lower().split())


@lru_cache(maxsize=1)
def _plain_lexicon() -> _Lexicon:
    return _Lexicon()
