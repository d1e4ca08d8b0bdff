"""The feature extractor: its fast transform equals scikit-learn's, and it saves compactly."""
from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.frozen import FrozenEstimator

from umpanbalik._ngrams import NgramCounter, pack_vocabulary, unpack_vocabulary
from umpanbalik.datasets import load_corpus
from umpanbalik.features import TextFeatures
from umpanbalik.io import load, save
from umpanbalik.sentiment import SentimentClassifier

ODD = ["", "   ", "a", "ΟΔΟΣ Σ İstanbul", "tab\there\nnew  line", "x" * 300, "bagusss!! 👍", "tidak_jelas tidak_jelas"]


def _same(a, b) -> None:
    a, b = sp.csr_matrix(a), sp.csr_matrix(b)
    assert a.shape == b.shape and a.dtype == b.dtype
    np.testing.assert_array_equal(a.indptr, b.indptr)
    np.testing.assert_array_equal(a.indices, b.indices)
    np.testing.assert_array_equal(a.data, b.data)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return load_corpus()["teks"].tolist()[:1500]


@pytest.mark.parametrize("params", [
    {"analyzer": "char_wb", "ngram_range": (2, 5), "min_df": 2, "sublinear_tf": True},
    {"analyzer": "char_wb", "ngram_range": (1, 3)},
    {"token_pattern": r"\S+", "lowercase": False, "ngram_range": (1, 2), "sublinear_tf": True},
    {"token_pattern": r"\S+", "lowercase": False, "ngram_range": (2, 3)},
    {"token_pattern": r"\S+", "lowercase": False},
])
def test_fast_transform_is_the_vectorizers_own(texts, params):
    vectorizer = TfidfVectorizer(dtype=np.float32, **params).fit(texts[:1000])
    counter = NgramCounter(vectorizer)
    assert counter.kind is not None
    docs = texts[1000:] + ODD
    _same(vectorizer.transform(docs), counter.transform(docs))
    _same(vectorizer.transform(docs), counter.transform(docs))  # again, from the memo


def test_other_settings_fall_back_to_the_vectorizer(texts):
    vectorizer = TfidfVectorizer(stop_words=["dan"]).fit(texts[:200])
    assert NgramCounter(vectorizer).kind is None
    _same(vectorizer.transform(texts[200:300]), NgramCounter(vectorizer).transform(texts[200:300]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.sampled_from(list("abkm Σς İi\t\n_-.,👍")), max_size=40), min_size=1, max_size=8))
def test_fast_transform_agrees_on_arbitrary_text(docs):
    fitted = ["ab ka ma", "Σας İi km", "a_b k-m 👍", "abba, kama. mak"]
    for vectorizer in (TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4)).fit(fitted),
                       TfidfVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2)).fit(fitted)):
        _same(vectorizer.transform(docs), NgramCounter(vectorizer).transform(docs))


def test_vocabulary_packs_and_unpacks():
    vocabulary = {"materi": 2, " ba": 0, "tidak_jelas bagus": 1}
    assert unpack_vocabulary(pack_vocabulary(vocabulary)) == vocabulary
    assert pack_vocabulary({"a\nb": 0}) is None  # a term that the format cannot hold: kept as a dict
    assert unpack_vocabulary(pack_vocabulary({})) == {}


def test_saved_features_are_compact_and_transform_the_same(texts, tmp_path):
    features = TextFeatures().fit(texts)
    path = save(features, tmp_path / "fitur.skops")
    restored = load(path)
    _same(features.transform(texts[:300]), restored.transform(texts[:300]))
    assert list(restored.get_feature_names_out()) == list(features.get_feature_names_out())
    import zipfile

    schema = zipfile.ZipFile(path).read("schema.json")
    assert len(schema) < 200_000  # the ~90,000 n-grams are one block of bytes, not one node each


def test_frozen_features_are_shared_not_refitted(texts):
    shared = FrozenEstimator(TextFeatures(char_ngram_range=None).fit(texts[:800]))
    vocabulary = dict(shared.estimator.vectorizers_["akar"].vocabulary_)
    labels = load_corpus()["sentimen"].tolist()[:1500]
    clf = SentimentClassifier(features=shared).fit(texts[800:1500], labels[800:1500])
    assert clf.features_ is shared
    assert shared.estimator.vectorizers_["akar"].vocabulary_ == vocabulary
    assert clf.predict(["materi sangat jelas"]).shape == (1,)
