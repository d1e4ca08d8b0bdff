"""The shipped models, in ``umpanbalik/models/*.skops``, rebuilt by ``make models``."""
from __future__ import annotations

import copy
from functools import lru_cache
from importlib.resources import as_file, files
from typing import Any

__all__ = ["load_pretrained", "PRETRAINED"]

PRETRAINED = ("sentimen", "saran", "non_informatif", "aspek", "hambatan")


@lru_cache(maxsize=None)
def _load(name: str) -> Any:
    from .io import load

    resource = files("umpanbalik.models").joinpath(f"{name}.skops")
    if not resource.is_file():
        raise FileNotFoundError(
            f"the shipped model {name!r} is missing from this installation; rebuild it with `make models`."
        )
    with as_file(resource) as path:
        return load(path)


def load_pretrained(name: str) -> Any:
    """A fresh copy of a shipped model: ``sentimen``, ``saran``, ``non_informatif``, ``aspek`` or ``hambatan``."""
    if name not in PRETRAINED:
        raise ValueError(f"`name` must be one of {', '.join(map(repr, PRETRAINED))}; got {name!r}.")
    return copy.deepcopy(_load(name))
