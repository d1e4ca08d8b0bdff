"""umpanbalik: turn open-ended Indonesian training feedback into evidence.

Importing the package is cheap: scikit-learn, nltk, Sastrawi's dictionary, matplotlib and wordcloud
load when a name that needs them is first used.
"""
from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("umpanbalik")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

_EXPORTS = {
    "analyze": "analysis",
    "Analysis": "analysis",
    "MultiAnalysis": "analysis",
    "Preprocessor": "preprocessing",
    "PreprocessingTrace": "preprocessing",
    "preprocess": "tokens",
    "explain_preprocessing": "preprocessing",
    "normalize_text": "normalization",
    "mask_identifiers": "normalization",
    "stem_audit": "preprocessing",
    "split_clauses": "preprocessing",
    "TextFeatures": "features",
    "TextClassifier": "classifier",
    "SentimentClassifier": "sentiment",
    "SuggestionDetector": "flags",
    "NonInformativeDetector": "flags",
    "AspectTagger": "aspects",
    "load_taxonomy": "aspects",
    "TopicModel": "topics",
    "coherence": "topics",
    "topic_stability": "topics",
    "find_themes": "themes",
    "load_corpus": "datasets",
    "load_barriers": "datasets",
    "load_survey": "datasets",
    "load_form_export": "datasets",
    "save": "io",
    "load": "io",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'umpanbalik' has no attribute {name!r}")
    value = getattr(import_module(f"umpanbalik.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
