"""Packaging contract: the right Sastrawi, a cheap import, a small explicit API."""
from __future__ import annotations

import subprocess
import sys
from importlib.metadata import PackageNotFoundError, distribution

import umpanbalik


def test_installed_sastrawi_is_pysastrawi_with_dict_dictionary():
    assert distribution("PySastrawi").version >= "1.2.1"
    try:
        distribution("Sastrawi")
    except PackageNotFoundError:
        pass
    else:  # pragma: no cover - the conflicting 2016 distribution is installed
        raise AssertionError("the 'Sastrawi' 1.0.1 distribution is installed; depend on PySastrawi>=1.2.1 only")
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary

    # 1.0.1 keeps the 29,931 root words in a list (15 ms per lookup); 1.2.1 in a dict.
    assert isinstance(ArrayDictionary(["kata"]).words, dict)


def test_import_is_cheap_and_has_no_side_effects():
    code = (
        "import sys, umpanbalik; heavy = [m for m in ('sklearn', 'matplotlib', 'wordcloud', 'nltk', 'Sastrawi',"
        " 'pandas') if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_one_comment_needs_no_heavy_import():
    """``preprocess`` on one comment in a fresh process: the first call loads Sastrawi's dictionary,
    never scikit-learn, pandas or nltk (issue 18: import plus first call within 0.3 s)."""
    code = (
        "import sys; from umpanbalik import preprocess; out = preprocess('Materinya gk jelas, bagus!! 👍 https://x.id');"
        " heavy = [m for m in ('sklearn', 'pandas', 'nltk', 'matplotlib') if m in sys.modules];"
        " print(' '.join(out) + '|' + ','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "materi tidak_jelas bagus bagus|"


def test_tokenizer_is_nltks_regexp_tokenizer():
    from nltk.tokenize import RegexpTokenizer

    from umpanbalik.tokens import TOKEN_PATTERN, _tokenizer

    texts = ["materi-materi bagus,tp gk jelas!!", "e-learning & zoom’nya :) ...", "nilai 3,5/4 — ok?", "", "dosen's"]
    for text in texts:
        assert _tokenizer()(text) == RegexpTokenizer(TOKEN_PATTERN).tokenize(text)


def test_default_config_is_the_preprocessors():
    from umpanbalik import Preprocessor
    from umpanbalik.tokens import default_config

    assert Preprocessor()._config() == default_config()


def test_public_api_is_explicit():
    assert "Preprocessor" in umpanbalik.__all__
    assert isinstance(umpanbalik.__version__, str)
    for name in umpanbalik.__all__:
        assert getattr(umpanbalik, name) is not None


def test_docstrings_point_only_to_what_the_package_holds():
    """An installed package has no data/, scripts/, benchmarks/ or ../shared/: docstrings and messages
    that send users there point to nothing."""
    import re
    from pathlib import Path

    outside = re.compile(r"(?<![\w/])(data/(?!image)|scripts/|benchmarks/|\.\./shared|LABELS\.md|MODEL_CARD\.md)")
    found = []
    for path in Path(umpanbalik.__file__).parent.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if outside.search(line):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert not found, found
