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

__all__ = ["save", "load", "TRUSTED_TYPES", "UntrustedTypeError", "ModelFileError", "VersionMismatchWarning",
           "MAX_MODEL_BYTES", "MAX_SCHEMA_BYTES"]

#: Bytes a model file may unpack to, all members together (the shipped models: 22 MB), unless
#: ``load(max_bytes=...)`` says otherwise; checked from the archive's directory before anything is read.
MAX_MODEL_BYTES = 512 * 2**20
#: Bytes of a model file's ``schema.json`` (the shipped models: about 1 MB), which is parsed whole.
MAX_SCHEMA_BYTES = 64 * 2**20

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


class ModelFileError(ValueError):
    """A file that is not a readable model: not a skops archive, damaged, or larger than the limits."""


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
    with atomic_path(path, "model.skops") as temporary:  # an interrupted save leaves the earlier file whole
        sio.dump({"versions": _versions(), "object": obj}, temporary, compression=zipfile.ZIP_DEFLATED)
    return path


def load(path: str | Path, trusted: Iterable[str] | None = None, *, max_bytes: int = MAX_MODEL_BYTES) -> Any:
    """Load a file written by :func:`save`.

    Parameters
    ----------
    path : str or Path
        The ``.skops`` file.
    trusted : iterable of str, optional
        Extra fully qualified type names to allow, beyond :data:`TRUSTED_TYPES`. Name only types
        whose source you trust.
    max_bytes : int, default=MAX_MODEL_BYTES
        The most the file may unpack to (512 MiB); its ``schema.json`` may hold at most
        :data:`MAX_SCHEMA_BYTES`. A file that inflates beyond them is refused before it is read.

    Raises
    ------
    UntrustedTypeError
        If the file holds a type that is neither in :data:`TRUSTED_TYPES` nor in ``trusted``.
    ModelFileError
        If the file is not a skops archive, is damaged, or unpacks beyond the limits.
    """
    import skops.io as sio

    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no model file at {path}")
    if isinstance(trusted, str):
        raise ValueError("`trusted` must be a list of type names, not a single string.")
    allowed = set(TRUSTED_TYPES) | set(trusted or ())
    _check_archive(path, max_bytes)
    from skops.io.exceptions import UntrustedTypesFoundException

    try:
        with _readable(path):  # one pass: skops audits every type against ``allowed`` as it loads
            payload = sio.load(path, trusted=sorted(allowed))
    except UntrustedTypesFoundException:
        with _readable(path):
            refused = sorted(set(sio.get_untrusted_types(file=path)) - allowed)
        raise UntrustedTypeError(
            f"{path.name} holds types that are not trusted: {', '.join(refused)}. Load it only if you "
            f"trust its source, with load(path, trusted=[...]) naming these types."
        ) from None
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


def _check_archive(path: Path, max_bytes: int) -> None:
    """Refuse a file that is no ZIP archive with a ``schema.json``, or that unpacks beyond the limits
    (read from the archive's directory: nothing is inflated)."""
    import zipfile

    from ._limits import short_repr

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        raise ModelFileError(f"{path.name} is not a model file written by umpanbalik.save: it is not a ZIP archive, or "
                             f"it is cut short ({short_repr(str(error), 100)}).") from None
    schema = next((info for info in members if info.filename == "schema.json"), None)
    if schema is None:
        raise ModelFileError(f"{path.name} is not a model file written by umpanbalik.save: it holds no schema.json.")
    if schema.file_size > MAX_SCHEMA_BYTES:
        raise ModelFileError(f"{path.name}: its schema.json unpacks to {schema.file_size:,} bytes, more than the "
                             f"{MAX_SCHEMA_BYTES:,} a model file may hold (the shipped models hold about 1 MB); refused "
                             "before reading.")
    total = sum(info.file_size for info in members)
    if total > max_bytes:
        raise ModelFileError(f"{path.name} unpacks to {total:,} bytes, more than max_bytes={max_bytes:,}; refused before "
                             "reading. If you trust the file and it is that large, pass load(path, max_bytes=...).")


class _readable:
    """Turn the errors a malformed archive raises inside skops (KeyError, JSONDecodeError, …) into a
    :class:`ModelFileError` that names the file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, error: Any, traceback: Any) -> bool:
        import zipfile
        import zlib

        malformed = (KeyError, ValueError, AttributeError, IndexError, EOFError, RecursionError, zipfile.BadZipFile,
                     zlib.error)
        from skops.io.exceptions import UntrustedTypesFoundException

        if isinstance(error, TypeError) and not isinstance(error, (UntrustedTypesFoundException, UntrustedTypeError)):
            malformed += (TypeError,)  # "Invalid skops protocol None in schema.json", a node of the wrong shape
        if error is None or not isinstance(error, malformed) or isinstance(error, ModelFileError):
            return False
        from ._limits import short_repr

        raise ModelFileError(f"{self.path.name} is damaged or not a model file written by umpanbalik.save "
                             f"({type(error).__name__}: {short_repr(str(error), 120)}). Save the model again with "
                             "umpanbalik.save.") from error
