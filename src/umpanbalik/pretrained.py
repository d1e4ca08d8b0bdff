"""The shipped models, in ``umpanbalik/models/*.skops``, rebuilt by ``make models``.

The four comment models (``sentimen``, ``saran``, ``non_informatif``, ``aspek``) share one feature
extractor, fitted once on the bundled corpus and wrapped in :class:`sklearn.frozen.FrozenEstimator`,
and ship together in ``komentar.skops`` so that the extractor is stored and loaded once and
``annotate`` computes a comment's features once for all four. ``hambatan.skops`` holds the barrier
tagger, trained on its own corpus.
"""
from __future__ import annotations

import copy
from functools import lru_cache
from importlib.resources import as_file, files
from typing import Any

__all__ = ["load_pretrained", "PRETRAINED", "FILES"]

PRETRAINED = ("sentimen", "saran", "non_informatif", "aspek", "hambatan")
#: The file (in ``umpanbalik/models``, without ``.skops``) that holds each shipped model.
FILES = {"sentimen": "komentar", "saran": "komentar", "non_informatif": "komentar", "aspek": "komentar",
         "hambatan": "hambatan"}


@lru_cache(maxsize=None)
def _load_file(stem: str) -> dict[str, Any]:
    from .io import load

    resource = files("umpanbalik.models").joinpath(f"{stem}.skops")
    if not resource.is_file():
        raise FileNotFoundError(
            f"the shipped model file {stem}.skops is missing from this installation; rebuild it with `make models`."
        )
    with as_file(resource) as path:
        return load(path)


def cached_pretrained(name: str) -> Any:
    """The cached shipped model itself, shared by every caller in this process: only for code that
    reads it (``annotate``); :func:`load_pretrained` gives a copy of your own."""
    return _load_file(FILES[name])[name]


def load_pretrained(name: str) -> Any:
    """A fresh copy of a shipped model: ``sentimen``, ``saran``, ``non_informatif``, ``aspek`` or ``hambatan``.

    The copy keeps the frozen feature extractor that the comment models share (frozen: it cannot
    be refitted), so models loaded one by one still share it.
    """
    if name not in PRETRAINED:
        raise ValueError(f"`name` must be one of {', '.join(map(repr, PRETRAINED))}; got {name!r}.")
    from sklearn.frozen import FrozenEstimator

    model = cached_pretrained(name)
    features = getattr(model, "features_", None)
    memo = {id(features): features} if isinstance(features, FrozenEstimator) else {}
    return copy.deepcopy(model, memo)
