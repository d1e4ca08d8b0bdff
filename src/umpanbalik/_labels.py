"""Theme labels as people write them, and which comments say what a label says.

The phrase that names a chosen key (:func:`_label`: 2–5 words that at least two, and a tenth, of the
key's comments write, saying a thing and what is wrong or wanted, or a good quality), whether a
comment says what a label says in its own words (:func:`says_label`), and the labels of other
groupings, the topics of :class:`~umpanbalik.TopicModel` (:func:`label_groups`). The words, keys
and documents they read come from :mod:`umpanbalik._keyphrases`.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from ._keyphrases import (_DROPPED_SCOPE, _MAX_LABEL_WORDS, _MORE, _NEGATORS, _SPECIFIC_BONUS, _VAGUE, _WINDOW, OTHER,
                          _documents, _Lexicon, _synonyms, _Word)
from ._validation import as_text

__all__ = ["label_groups", "says_label"]

_CUES = frozenset({"jarang", "sering", "kurang", "lebih", "jangan", "terlalu", "tidak", "belum", "tambah", "tambahkan",
                   "perbanyak", "kurangi", "sediakan", "adakan", "banyak", "sedikit", "susah", "sulit", "lama",
                   "lambat", "lemot", "error", "eror", "gagal", "macet", "rusak", "mati", "hilang", "mahal",
                   "ditambah", "ditambahkan", "tambahin", "diperbanyak", "dikurangi", "disediakan", "diadakan", "ganti",
                   "diganti", "perbaiki", "diperbaiki", "bagikan", "dibagikan", "berikan", "diberikan", "beri", "diberi",
                   "perjelas", "diperjelas", "tanpa", "kebanyakan"})
# a word that needs the word after it: a label never ends with one ("zoom sering", "lebih")
_NEEDS_NEXT = frozenset({"sering", "jarang", "selalu", "lebih", "terlalu", "agak", "sangat", "cukup", "jangan", "tidak",
                         "bisa", "dapat"})
# generic nouns that say who, not what: a label needs more than these ("mahasiswa bingung", "saya kurang paham")
_NOT_A_THING = frozenset({"mahasiswa", "siswa", "murid", "pelajar", "peserta", "saya", "kami", "kita", "aku", "anda",
                          "semua", "orang", "hal", "cara", "proses", "secara", "kualitas"})
_INTENSIFIERS = frozenset({"sangat", "amat", "paling", "selalu", "sungguh"})  # may open a praise label
_STATES = frozenset({"paham", "tahu", "bingung", "ngerti", "mengerti"})  # the learners' understanding
_LABEL_SUPPORT = 0.1  # a label is written in at least this share of the comments it names
_HOW_OFTEN = frozenset({"sering", "selalu", "terus", "kadang"})  # cues that do not change what a complaint is
_LABEL_LEAST = 2  # and in at least this many


_LINKS = frozenset({"dan", "dalam", "saat", "untuk", "yang", "dengan", "di", "ke", "pada", "secara", "kalau", "waktu"})


def _is_cue(token: str) -> bool:
    """A word that says what is wrong or wanted ("kurang", "jangan_terlalu_cepat", "perbanyak")."""
    return token.partition("_")[0] in _CUES


def _polar(word: str) -> str | None:
    from .lexicon import _polarity

    found = _polarity().get(word)
    return found[0] if found is not None and found[0] in ("positif", "negatif") else None


def _sign(token: str, word: _Word) -> str | None:
    """The polarity a written token says, by the polarity lexicon: a negation or degree word joined
    to it turns it (``tidak_jelas``) or keeps it (``lebih_jelas``, ``terlalu_lambat``); a word of a
    compound says none ("rumah sakit")."""
    parts = token.split("_")
    if any(p not in _NEGATORS and p not in _DROPPED_SCOPE for p in parts[:-1]):
        return None
    sign = _polar(parts[-1]) or _polar(_plain(parts[-1]))
    if sign is None and word.key is not None:
        sign = _polar(word.key.rpartition("_")[2])
    if sign is None and parts[-1].isalpha():  # "menarik": the lexicon holds the root
        from .stemming import stem_word

        sign = _polar(stem_word(parts[-1]))
    if sign is None:
        return None
    negated = sum(_NEGATORS.get(p) in ("tidak", "tanpa") for p in parts[:-1]) % 2 == 1
    return sign if not negated else ("negatif" if sign == "positif" else "positif")


def _is_thing(token: str, word: _Word) -> bool:
    """A word that names what a comment is about: a content word that is neither a quality of the
    polarity lexicon nor a word of degree, with no negation or degree word joined to it ("tugas",
    "jadwal", "kosong" as absence, "terlambat"), or a generic noun that is not the speaker or the
    learners ("materi", "dosen", "kelas")."""
    if word.subject:
        return _plain(token) not in _NOT_A_THING
    return (word.key is not None and not word.weak and not _is_cue(token)
            and not word.key.startswith(("tidak_", "tanpa_", "lebih_")) and _polar(word.key) is None)


def _complaint_form(token: str, lexicon: _Lexicon) -> str:
    """A request turned back into its complaint: "jangan_terlalu_cepat" → "terlalu_cepat",
    "jangan_terlambat" → "terlambat" (the complaint is what the request forbids), when what is left
    still says what is wrong on its own."""
    if not token.startswith("jangan_"):
        return token
    rest = token[len("jangan_"):]
    word = lexicon(rest)
    return rest if _is_cue(rest) or _sign(rest, word) == "negatif" or word.alone and _is_thing(rest, word) else token


def _names_thing(token: str, word: _Word, lexicon: _Lexicon) -> bool:
    """A thing (see :func:`_is_thing`), also asked for with "lebih" joined to it: "lebih tepat
    waktu" names punctuality and asks for more of it, where "lebih jelas", "lebih dijelaskan" and
    "lebih bersemangat" name no thing (a vague word, or a quality the polarity lexicon holds, also
    by its root). A negated thing is not one: "tidak masuk" is a teacher's absence in one survey
    and "tidak masuk akal" or "materi tidak masuk" in another."""
    if _is_thing(token, word):
        return True
    head, _, base = token.partition("_")
    if head != "lebih" or not base:
        return False
    inner = lexicon(base)
    return _is_thing(base, inner) and inner.key not in _VAGUE and _sign(base, inner) is None


def _says_enough(phrase: Sequence[str], words: Sequence[_Word], kind: str | None, lexicon: _Lexicon) -> bool:
    """Whether a phrase says what a theme of ``kind`` needs: a complaint or a suggestion names a
    thing (see :func:`_names_thing`) and what is wrong or wanted (a cue word or a word of negative
    polarity); praise names a quality that is positive ("ramah", "mudah dipahami", "tidak
    membosankan")."""
    if kind is None:
        return True
    # what the learners understand says nothing on its own ("lebih memahami materi", "kurang paham");
    # how easy it is does ("mudah dipahami", "materi sulit dipahami")
    said = [(t, w) for t, w in zip(phrase, words) if w.key is None or w.key.rpartition("_")[2] not in _STATES]
    signs = {_sign(t, w) for t, w in said}
    if kind == "pujian":
        return "positif" in signs
    return (any(_names_thing(t, w, lexicon) for t, w in zip(phrase, words))
            and ("negatif" in signs or any(_is_cue(t) for t, _ in said)))


def _plain(token: str) -> str:
    return token[:-3] if token.endswith("nya") and len(token) > 5 else token




def _normal(token: str) -> str:
    """A written token as phrases are counted: without ``-nya``, a word of the synonym table as its
    canonical form ("penjelasan", "menjelaskan": ``jelaskan``), a request to add as ``tambah``."""
    plain = _plain(token)
    return "tambah" if plain in _MORE else _synonyms().get(plain, _synonyms().get(token, plain))


def _label(key: tuple[str, ...], clauses: Iterable[Sequence[str]], lexicon: _Lexicon, *, kind: str | None = None,
           form: list[tuple[str, ...]] | None = None) -> str | None:
    """The written phrase of 2–5 words around ``key`` that most of its comments share, or ``None``.

    In each comment's first clause that holds the key, the shortest stretch of words that holds it,
    widened by up to two words on either side, gives the candidate phrases. A phrase neither starts
    nor ends with a function word, a wish or a verdict, nor ends with a word that needs the next
    ("sering", "lebih"). It counts once per comment that writes it, after light normalisation (slang
    and ``-nya``; for complaints a request is read as its complaint: "jangan terlalu cepat" is
    "terlalu cepat"). A label must be written in at least two comments and a tenth of them, and say
    what a theme of ``kind`` needs (see :func:`_says_enough`: "terlalu sempit" names no thing, "ikut
    zoom" nothing wrong). Of those, the one most comments write wins (a phrase counted 0.6 times for
    each filler word inside it: "ada", "juga", "sudah"; not "dan", "dalam", "yang" …), the shorter
    on a tie; it is shown as most of them write it.
    """
    wanted = set(key)
    support: Counter[tuple[str, ...]] = Counter()
    written: dict[tuple[str, ...], Counter[tuple[str, ...]]] = {}
    fine: dict[tuple[str, ...], bool] = {}
    n = 0
    for doc_clauses in clauses:
        n += 1
        for tokens in doc_clauses:
            words = [lexicon(t) for t in tokens]
            keys = [w.key for w in words]
            spans = []
            for start, first in enumerate(keys):
                if first not in wanted:
                    continue
                seen: set[str] = set()
                for end in range(start, min(len(keys), start + len(wanted) * (_WINDOW + 1))):
                    if keys[end] in wanted:
                        seen.add(keys[end])
                    if seen == wanted:
                        spans.append((end - start, start, end))
                        break
            if not spans:
                continue
            _, start, end = min(spans)
            found: set[tuple[str, ...]] = set()
            for left in range(max(0, start - 2), start + 1):
                for right in range(end, min(len(tokens), end + 3)):
                    if any(w.stop or (w.wish and not w.subject and w.key is None and not _is_cue(t)
                                      and not (kind == "pujian" and t in _INTENSIFIERS and side == 0))
                           for side, (w, t) in enumerate(((words[left], tokens[left]), (words[right], tokens[right])))):
                        continue
                    if (words[left].key is None or words[right].key is None) and any(
                            w.stop for w in words[left : right + 1]):
                        continue  # "dosen ramah", not "ramah kepada mahasiswa"
                    phrase = tuple(tokens[left : right + 1])
                    if kind == "keluhan":
                        phrase = tuple(_complaint_form(t, lexicon) for t in phrase)
                    if phrase[-1].rpartition("_")[2] in _NEEDS_NEXT:
                        continue
                    if not 2 <= sum(t.count("_") + 1 for t in phrase) <= _MAX_LABEL_WORDS:
                        continue
                    normal = tuple(map(_normal, phrase))
                    if normal not in fine:
                        fine[normal] = _says_enough(phrase, [lexicon(t) for t in phrase], kind, lexicon)
                    if fine[normal]:
                        found.add(phrase)
            for phrase in found:
                normal = tuple(map(_normal, phrase))
                written.setdefault(normal, Counter())[phrase] += 1
            support.update({tuple(map(_normal, phrase)) for phrase in found})
            break
    least = max(_LABEL_LEAST, math.ceil(_LABEL_SUPPORT * n))
    held = {normal: count for normal, count in support.items() if count >= least}
    if not held:
        return None

    def filler(token: str) -> bool:  # "ada", "juga", "sudah" inside a phrase make it read worse
        word = lexicon(token)
        return word.key is None and not word.subject and not _is_cue(token) and token not in _LINKS  # "sangat" is one

    best = min(held, key=lambda normal: (-held[normal] * 0.6 ** sum(map(filler, normal)),
                                         sum(t.count("_") + 1 for t in normal), normal))
    plain: Counter[tuple[str, ...]] = Counter()
    for variant, count in written[best].items():
        plain[tuple(map(_plain, variant))] += count
    shown = min(plain, key=lambda form: (-plain[form], form))
    phrase = min((v for v in written[best] if tuple(map(_plain, v)) == shown),
                 key=lambda v: (-written[best][v], sum(t != _plain(t) for t in v), v))
    if form is not None:  # the phrase as its comments were counted (see says_label)
        form.append(tuple(phrase))
    return " ".join(phrase).replace("_", " ")


def says_label(clauses: Iterable[Sequence[str]], form: tuple[str, ...], lexicon: _Lexicon, *, kind: str | None = None
               ) -> bool:
    """Whether a comment says what a theme's label says, by meaning rather than by its words: one of
    its clauses names the label's thing (its words that name what the comment is about, after light
    normalisation) and, for a complaint or a suggestion, says something is wrong or wanted (a cue
    word or a word of negative polarity), for praise something good — in its own words ("jam
    kosong", "kosong terus" say "sering kosong"; "tugas tidak jelas" does not say "terlalu banyak
    tugas", whose thing is the amount: its cue is part of what it names)."""
    words = [lexicon(t) for t in form]
    # the specific things ("jadwal", "tugas", "kosong"), not the generic nouns beside them ("materi" in
    # "penyampaian materi terlalu cepat", "mengajarnya" in "mengajarnya terlalu cepat")
    things = {_normal(t) for t, w in zip(form, words) if _is_thing(t, w) and not w.subject}
    # "sering" only says how often ("sering kosong", "sering error"): the thing is the complaint
    cues = {_normal(t) for t in form if _is_cue(t) and t.partition("_")[0] not in _HOW_OFTEN}
    # a thing that is a complaint by itself ("kosong" as absence, "terlambat", "bentrok") needs no
    # cue beside it: "jam kosong" says "sering kosong"
    if any((lexicon.roles.get(t) == "predikat" or lexicon.roles.get(_plain(t)) == "predikat"
            or _sign(t, w) == "negatif") for t, w in zip(form, words) if _normal(t) in things):
        cues = set()
    for tokens in clauses:
        if kind == "keluhan":
            tokens = [_complaint_form(t, lexicon) for t in tokens]
        normal = {_normal(t) for t in tokens}
        if things and not things <= normal:
            continue
        if kind is None or not things:
            return True
        signs = {_sign(t, lexicon(t)) for t in tokens}
        if kind == "pujian":
            if "positif" in signs:
                return True
            continue
        # the label's cue said too (an amount or a degree: "terlalu banyak", "kurang"), when it has one
        if not cues or cues & normal:
            return True
    return False


# -- labels for other groupings (TopicModel) -------------------------------------------------------
def label_groups(texts: Sequence[str], groups: Sequence[int], n_groups: int, *,
                 sentiments: Sequence[str] | None = None) -> list[str]:
    """A key-phrase label for each group of comments, as themes are labelled.

    ``groups[i]`` is the group (0 … ``n_groups`` − 1) of ``texts[i]``, or −1 for none. A group's key
    is the one with the best class-based TF-IDF: the share of the group's comments that hold it,
    times log(1 + comments / comments that hold it anywhere), times the bonus of longer keys; it must
    be held by at least a tenth of the group. Each label is used once (the larger group first). A
    group that no key describes gets its most frequent phrase that holds a word of a key, or else a
    name that says it is general: "ucapan terima kasih", "harapan umum", "pujian umum",
    "keluhan umum" or "lainnya". ``sentiments`` (one per text, e.g. the sentiment model's) decide
    the general name of a group that most of its comments judge one way: "keluhan umum" for a group
    of complaints that also voice wishes, not "harapan umum".

    Examples
    --------
    >>> texts = ["sinyal zoom sering putus", "zoom putus terus", "sinyal zoom putus",
    ...          "konsumsi kurang enak", "konsumsi tidak enak", "konsumsi kurang enak sekali"]
    >>> label_groups(texts, [0, 0, 0, 1, 1, 1], 2)
    ['zoom putus', 'konsumsi kurang enak']
    """
    groups = np.asarray(groups, dtype=np.int64)
    labels: list[str | None] = [None] * n_groups
    if n_groups == 0 or len(texts) == 0:
        return [OTHER] * n_groups
    documents, lexicon = _documents([as_text(t) for t in texts])
    grouped = np.flatnonzero(groups >= 0)
    overall = Counter(key for i in grouped for key in documents[i].keys)
    sizes = np.bincount(groups[grouped], minlength=n_groups)
    # then any single word of a key ("membantu", "tugas"), then the group's most frequent phrase
    # that holds one, and last a name that says the group is general ("ucapan terima kasih")
    words = [{(w.key,) for c in documents[i].clauses for w in map(lexicon, c) if w.key is not None}
             if groups[i] >= 0 else set() for i in range(len(documents))]
    weak_overall = Counter(key for i in grouped for key in words[i])
    used: set[str] = set()
    for group in np.argsort(-sizes, kind="stable"):
        members = np.flatnonzero(groups == group)
        if len(members) == 0:
            continue
        for held, total, factor in ((Counter(key for i in members for key in documents[i].keys), overall, 1.0),
                                    (Counter(key for i in members for key in words[i]), weak_overall, 0.5)):
            scored = sorted(((count / len(members) * math.log1p(len(grouped) / total[key]) * factor
                              * (_SPECIFIC_BONUS if len(key) > 1 else 1.0), key)
                             for key, count in held.items() if count >= max(2, 0.1 * len(members))), reverse=True)
            for _, key in scored[:10]:
                name = _label(key, (documents[i].clauses for i in members[:500]), lexicon)
                if name is not None and name not in used:
                    labels[group] = name
                    used.add(name)
                    break
            if labels[group] is not None:
                break
        if labels[group] is None:
            labels[group] = _common_phrase([documents[i].clauses for i in members[:500]], lexicon, used)
            if labels[group] is not None:
                used.add(labels[group])
        if labels[group] is None:
            labels[group] = _general_line([documents[i].clauses for i in members], lexicon,
                                          None if sentiments is None else [sentiments[i] for i in members])
    return [label or OTHER for label in labels]


_THANKS = frozenset({"terima", "kasih", "terimakasih", "makasih", "thanks", "thank", "trimakasih"})


def _general_line(clause_lists: Sequence[Sequence[Sequence[str]]], lexicon: _Lexicon,
                  sentiments: Sequence[str] | None = None) -> str:
    """The name of a group that no phrase describes: thanks ("ucapan terima kasih") when at least
    40% of its comments thank; else, when ``sentiments`` are known and at least half of the group is
    negative or positive, "keluhan umum" or "pujian umum"; else by the words most of its comments
    use: wishes ("harapan umum"), verdicts ("pujian umum" or "keluhan umum", by the polarity
    lexicon), else "lainnya"."""
    from .lexicon import _polarity

    polarity = _polarity()
    thanks = wishes = positive = negative = 0
    for clauses in clause_lists:
        tokens = [t for c in clauses for t in c]
        thanks += any(t in _THANKS for t in tokens)
        wishes += any(lexicon.roles.get(t) == "harapan" and t not in _THANKS for t in tokens)
        signs = [polarity.get(t.rpartition("_")[2], ("", 0))[0] for t in tokens if lexicon.roles.get(t) == "penilaian"
                 or lexicon(t).key is None and "_" in t]
        positive += "positif" in signs and not any(t.startswith(("tidak_", "kurang_")) for t in tokens)
        negative += "negatif" in signs or any(t.startswith(("tidak_", "kurang_")) and lexicon(t).key is None for t in tokens)
    n = max(len(clause_lists), 1)
    if thanks / n >= 0.4:  # a group of thanks is that, whatever its tone
        return "ucapan terima kasih"
    if sentiments:  # most of the group judged one way: a complaint with a wish is a complaint
        shares_of = {label: sum(s == label for s in sentiments) / len(sentiments) for label in ("negatif", "positif")}
        if max(shares_of.values()) >= 0.5:
            return "keluhan umum" if shares_of["negatif"] >= shares_of["positif"] else "pujian umum"
    shares = {"harapan umum": wishes / n, "pujian umum": positive / n, "keluhan umum": negative / n}
    name, share = max(shares.items(), key=lambda item: item[1])
    return name if share >= 0.4 else OTHER


def _common_phrase(clause_lists: Sequence[Sequence[Sequence[str]]], lexicon: _Lexicon, used: set[str]) -> str | None:
    """The most frequent phrase of two or three words (not only generic words, no function word at
    either end, no word of thanks: "matur nuwun, terima kasih" is a formula that :func:`_general_line`
    names, not a phrase that describes the group) in at least a tenth of the comments, or ``None``."""
    counts: Counter[str] = Counter()
    for clauses in clause_lists:
        found = set()
        for tokens in clauses:
            words = [lexicon(t) for t in tokens]
            for n in (2, 3):
                for start in range(len(tokens) - n + 1):
                    window = words[start : start + n]
                    if window[0].stop or window[-1].stop or all(w.key is None for w in window) \
                            or _THANKS.intersection(tokens[start : start + n]):
                        continue
                    found.add(" ".join(tokens[start : start + n]).replace("_", " "))
        counts.update(found)
    for phrase, count in sorted(counts.items(), key=lambda item: (-item[1], len(item[0]), item[0])):
        if count < max(2, 0.1 * len(clause_lists)):
            break
        if phrase not in used and len(phrase.split()) <= _MAX_LABEL_WORDS:
            return phrase
    return None
