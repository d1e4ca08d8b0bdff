"""Show stems the way people wrote them: shared by topic labels and word clouds.

Preprocessing turns "pelatihan" into ``latih`` and "tidak jelas" into ``tidak_jelas``, which is right
for models and wrong for readers. :func:`surface_forms` maps each stem to its most frequent written
form in the same comments, and :func:`readable` applies it to a term (a word, a bigram or a
negation token).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sklearn.base import clone

__all__ = ["surface_forms", "readable"]


def surface_forms(texts: Sequence[str], cleaned: Sequence[str], preprocessor: Any) -> dict[str, str]:
    """Stem → its most frequent unstemmed form in ``texts`` (``latih`` → ``pelatihan``).

    ``cleaned`` is ``preprocessor.transform(texts)``; the same preprocessor without stemming gives
    the written words, token for token.

    Examples
    --------
    >>> from umpanbalik import Preprocessor
    >>> pre = Preprocessor()
    >>> texts = ["pelatihannya bagus", "pelatihan kurang jelas", "pelatihan singkat"]
    >>> forms = surface_forms(texts, pre.transform(texts), pre)
    >>> readable("latih", forms), readable("kurang_jelas", forms)
    ('pelatihan', 'kurang jelas')
    """
    # Survey exports repeat comments: each distinct (comment, cleaned) pair is read once and counts
    # as often as it occurs (first-seen order kept, so ties resolve as on the rows themselves).
    pairs = Counter(zip(texts, cleaned))
    surface = clone(preprocessor).set_params(stem=False).transform([text for text, _ in pairs])
    counts: dict[str, Counter[str]] = {}
    for ((_, stems), weight), words in zip(pairs.items(), surface):
        for stem, word in zip(stems.split(), words.split()):
            counts.setdefault(stem, Counter())[word] += weight
    return {stem: counter.most_common(1)[0][0] for stem, counter in counts.items()}


def readable(term: str, forms: dict[str, str]) -> str:
    """A term as readers expect it: each stem in its written form, negation tokens as phrases."""
    return " ".join(forms.get(part, part).replace("_", " ") for part in term.split())
