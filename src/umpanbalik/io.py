"""Safe persistence through skops: save and load umpanbalik models without pickle.

A saved file records the versions of umpanbalik and scikit-learn that wrote it; loading checks
them and warns on a mismatch. Loading refuses any type outside a reviewed list of the library's own
classes (scikit-learn, NumPy and SciPy types are trusted by skops itself) unless the caller names
it in ``trusted``, so a crafted file cannot run code.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["save", "load", "TRUSTED_TYPES", "UntrustedTypeError", "VersionMismatchWarning"]

#: The library's own classes that may appear in a saved model (reviewed: none runs code on load).
TRUSTED_TYPES = (
    "umpanbalik.preprocessing.Preprocessor",
    "umpanbalik.features.TextFeatures",
    "umpanbalik.classifier.TextClassifier",
    "umpanbalik.sentiment.SentimentClassifier",
    "umpanbalik.flags.SuggestionDetector",
    "umpanbalik.flags.NonInformativeDetector",
    "umpanbalik.aspects.AspectTagger",
    "umpanbalik.topics.TopicModel",
)


class UntrustedTypeError(TypeError):
    """A saved file holds a type that is not on the trusted list."""


class VersionMismatchWarning(UserWarning):
    """A saved file was written by other versions of umpanbalik or scikit-learn."""


def _versions() -> dict[str, str]:
    import sklearn

    from . import __version__

    return {"umpanbalik": __version__, "scikit-learn": sklearn.__version__}


def save(obj: Any, path: str | Path) -> Path:
    """Save a model (or any object made of trusted types) to a ``.skops`` file; returns the path.

    Examples
    --------
    >>> from umpanbalik import Preprocessor
    >>> import tempfile, os
    >>> path = save(Preprocessor(stem=False), os.path.join(tempfile.mkdtemp(), "pre.skops"))
    >>> load(path).stem
    False
    """
    import zipfile

    import skops.io as sio

    from ._atomic import atomic_path

    path = Path(path)
    with atomic_path(path) as temporary:  # an interrupted save leaves the earlier file whole
        sio.dump({"versions": _versions(), "object": obj}, temporary, compression=zipfile.ZIP_DEFLATED)
    return path


def load(path: str | Path, trusted: Iterable[str] | None = None) -> Any:
    """Load a file written by :func:`save`.

    Parameters
    ----------
    path : str or Path
        The ``.skops`` file.
    trusted : iterable of str, optional
        Extra fully qualified type names to allow, beyond :data:`TRUSTED_TYPES`. Name only types
        whose source you trust.

    Raises
    ------
    UntrustedTypeError
        If the file holds a type that is neither in :data:`TRUSTED_TYPES` nor in ``trusted``.
    """
    import skops.io as sio

    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no model file at {path}")
    if isinstance(trusted, str):
        raise ValueError("`trusted` must be a list of type names, not a single string.")
    allowed = set(TRUSTED_TYPES) | set(trusted or ())
    found = sio.get_untrusted_types(file=path)
    refused = sorted(set(found) - allowed)
    if refused:
        raise UntrustedTypeError(
            f"{path.name} holds types that are not trusted: {', '.join(refused)}. Load it only if you "
            f"trust its source, with load(path, trusted=[...]) naming these types."
        )
    payload = sio.load(path, trusted=sorted(set(found)))
    if not (isinstance(payload, dict) and "object" in payload and "versions" in payload):
        return payload  # a plain skops file of trusted types
    saved, current = payload["versions"], _versions()
    if not isinstance(saved, dict):
        raise ValueError(f"{path.name} is damaged or not an umpanbalik file: its 'versions' entry should map packages "
                         f"to versions, but holds a {type(saved).__name__}. Re-save the model with umpanbalik.save.")
    differing = {k: (saved.get(k), v) for k, v in current.items() if saved.get(k) != v}
    if differing:
        detail = ", ".join(f"{k} {old} (file) vs {new} (installed)" for k, (old, new) in differing.items())
        warnings.warn(f"{path.name} was saved with other versions: {detail}. Results may differ; retrain "
                      f"or re-save the model with the installed versions.", VersionMismatchWarning, stacklevel=2)
    return payload["object"]
