"""annotate(): the shared one-pass engine gives what each model gives on its own, row for row."""
from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest

from umpanbalik import _annotate
from umpanbalik._annotate import COMMENT_COLUMNS, Models, annotate
from umpanbalik.datasets import load_corpus
from umpanbalik.features import TextFeatures, unwrap_features
from umpanbalik.preprocessing import Preprocessor
from umpanbalik.pretrained import load_pretrained
from umpanbalik.sentiment import SentimentClassifier


@pytest.fixture(scope="module")
def sample() -> list[str]:
    texts = load_corpus().sample(n=400, random_state=1)["teks"].tolist()
    return texts + ["", "-", "tidak ada", "materi bagus tapi waktunya kurang, jadwal molor", "🙂", "x" * 500]


@pytest.fixture(scope="module")
def models() -> Models:
    return Models()


def test_equals_each_model_called_on_its_own(sample, models):
    frame = annotate(sample, models=models)
    assert list(frame.columns) == list(COMMENT_COLUMNS)
    sentiment = load_pretrained("sentimen")
    proba = sentiment.predict_proba(sample)
    classes = list(sentiment.classes_)
    assert frame["sentimen"].tolist() == sentiment.predict(sample).tolist()
    np.testing.assert_array_equal(frame["skor_sentimen"].to_numpy(),
                                  proba[:, classes.index("positif")] - proba[:, classes.index("negatif")])
    tagged = load_pretrained("aspek").tag(sample)
    assert frame["aspek"].tolist() == tagged["aspek"].tolist()
    assert frame["aspek_sentimen"].tolist() == tagged["aspek_sentimen"].tolist()
    assert frame["bukti_aspek"].tolist() == tagged["bukti"].tolist()
    assert frame["saran"].tolist() == load_pretrained("saran").predict(sample).tolist()
    assert frame["non_informatif"].tolist() == load_pretrained("non_informatif").predict(sample).tolist()
    assert frame["teks_bersih"].tolist() == Preprocessor().transform(sample)
    assert frame["saran"].dtype == bool and frame["skor_sentimen"].dtype == float


def test_shipped_comment_models_share_one_extractor_computed_once_per_block(sample, models, monkeypatch):
    extractors = {id(unwrap_features(load_pretrained(name).features_)) for name in ("sentimen", "saran", "non_informatif", "aspek")}
    assert len(extractors) == 1
    calls = []
    original = TextFeatures.transform_with_views
    monkeypatch.setattr(TextFeatures, "transform_with_views", lambda self, texts: calls.append(len(texts)) or original(self, texts))
    annotate(sample[:50], models=models)
    assert calls[0] == 50 and calls.count(50) == 1  # the whole comments once; the rest are clauses


def test_repeated_comments_are_annotated_once_and_rows_keep_their_order(models):
    texts = ["materi bagus", "-", "waktunya kurang", "materi bagus", "-", "-", "waktunya kurang", "Materi bagus"]
    frame = annotate(texts, models=models)
    assert len(frame) == len(texts) and list(frame.index) == list(range(len(texts)))
    single = {text: annotate([text], models=models).iloc[0] for text in set(texts)}
    for position, text in enumerate(texts):
        pd.testing.assert_series_equal(frame.iloc[position], single[text], check_names=False)


def test_empty_input_gives_the_columns(models):
    frame = annotate([], models=models)
    assert frame.shape == (0, len(COMMENT_COLUMNS)) and list(frame.columns) == list(COMMENT_COLUMNS)
    assert frame["saran"].dtype == bool and frame["skor_sentimen"].dtype == float
    barriers = annotate([], barriers=[], with_comments=False, models=models)
    assert list(barriers.columns) == ["hambatan"] and len(barriers) == 0


def test_progress_counts_input_rows_up_to_the_total(models, monkeypatch):
    monkeypatch.setattr(_annotate, "BLOCK", 3)
    texts = ["materi bagus", "-", "-", "waktu kurang", "jadwal padat", "-", "modul lengkap", "terima kasih", "ok", "ok"]
    seen: list[int] = []
    frame = annotate(texts, models=models, progress=seen.append)
    assert len(frame) == len(texts)
    assert len(seen) == 3 and seen == sorted(seen) and seen[-1] == len(texts)


def test_a_model_of_ones_own_uses_its_public_methods(sample, models):
    corpus = load_corpus().sample(n=300, random_state=2)
    own = SentimentClassifier(features=TextFeatures(char_ngram_range=None)).fit(corpus["teks"], corpus["sentimen"])
    frame = annotate(sample, models={"sentimen": own})
    assert frame["sentimen"].tolist() == own.predict(sample).tolist()
    assert frame["saran"].tolist() == annotate(sample, models=models)["saran"].tolist()



def test_a_model_trained_on_other_labels_is_refused_with_what_to_pass():
    from umpanbalik import analyze
    from umpanbalik.flags import SuggestionDetector

    texts = ["materi bagus sekali", "mohon ditambah waktunya", "tolong diperbaiki", "mantap", "-", "tidak ada"]
    flags = SuggestionDetector(labels=None, empty_label="tidak").fit(texts, ["tidak", "ya", "ya", "tidak", "tidak", "tidak"])
    with pytest.raises(ValueError, match=r"models\['saran'\]` answers with 'tidak', 'ya'"):
        analyze(texts, topics=False, models={"saran": flags})  # every comment was counted as a suggestion
    sentiment = SentimentClassifier(labels=None, empty_label="net").fit(texts, ["pos", "neg", "neg", "pos", "net", "net"])
    with pytest.raises(ValueError, match="analyze counts 'negatif', 'netral', 'positif'"):
        annotate(texts, models={"sentimen": sentiment})  # summary() counted no comment at all
    numeric = SuggestionDetector(labels=(0, 1), empty_label=0).fit(texts, [0, 1, 1, 0, 0, 0])
    assert annotate(texts, models={"saran": numeric})["saran"].tolist() == [bool(v) for v in numeric.predict(texts)]

@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="annotate forks workers on Linux only")
def test_worker_processes_give_the_same_frame(sample, models, monkeypatch):
    monkeypatch.setattr(_annotate, "BLOCK", 50)
    monkeypatch.setattr(_annotate, "PARALLEL_MIN", 100)
    texts = sample + sample[:40]
    seen: list[int] = []
    parallel = annotate(texts, models=models, n_jobs=2, progress=seen.append)
    pd.testing.assert_frame_equal(parallel, annotate(texts, models=models))
    assert seen[-1] == len(texts) and seen == sorted(seen)
    with pytest.raises(ValueError, match="n_jobs"):
        annotate(texts, models=models, n_jobs="2")


def test_a_tagger_of_ones_own_may_give_unhashable_evidence():
    """Equal labels are shared as one object; cells that cannot be hashed (a set of evidence
    words from a user's tagger) are kept as they are, not an error."""

    class SetTagger:
        classes_ = np.array(["materi"])

        def tag(self, texts, polarity=True):
            return pd.DataFrame({"aspek": [["materi"] for _ in texts],
                                 "aspek_sentimen": [{"materi": "positif"} for _ in texts],
                                 "bukti": [{"materi": {"materi", "modul"}} for _ in texts]})

    out = annotate(["materi bagus", "modul jelas"], models={"aspek": SetTagger()})
    assert out["bukti_aspek"].tolist() == [{"materi": {"materi", "modul"}}] * 2
    assert out["aspek"].iloc[0] is out["aspek"].iloc[1]  # the hashable columns are still shared


def test_worker_processes_leave_the_callers_frozen_objects_frozen(sample, models, monkeypatch):
    """The worker pool freezes the heap while it forks, and unfreezes it after; objects the caller
    froze (a pre-forking server's) stay frozen."""
    import gc

    from umpanbalik import _parallel

    monkeypatch.setattr(_annotate, "BLOCK", 50)
    monkeypatch.setattr(_annotate, "PARALLEL_MIN", 100)
    _parallel.shutdown()  # so that annotate forks its workers
    assert gc.get_freeze_count() == 0
    annotate(sample, models=models, n_jobs=2)
    assert gc.get_freeze_count() == 0  # its own freeze is undone
    kept = [[i] for i in range(1000)]
    _parallel.shutdown()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        annotate(sample, models=models, n_jobs=2)
        assert gc.get_freeze_count() > frozen - 1000 and kept  # (a few frozen temporaries may be freed)
    finally:
        gc.unfreeze()



def test_a_model_of_the_wrong_kind_is_refused_before_any_work():
    # "abc" or a SentimentClassifier as the tagger failed deep inside with an AttributeError
    import pytest

    from umpanbalik import AspectTagger, SentimentClassifier, analyze

    for models, words in [({"sentimen": "abc"}, "got str (it has no predict_proba, classes_)"),
                          ({"aspek": SentimentClassifier()}, "must be a fitted AspectTagger; got SentimentClassifier"),
                          ({"sentimen": SentimentClassifier()}, "it is not fitted: call fit first"),
                          ({"hambatan": "tagger"}, 'must be a fitted AspectTagger("hambatan", polarity=False)'),
                          ({"aspek": AspectTagger()}, "it is not fitted: call fit first"),
                          ({"sentimen": SentimentClassifier}, "got the class SentimentClassifier itself")]:
        with pytest.raises(TypeError) as caught:
            analyze(["materi bagus", "waktu kurang"], models=models, topics=False, progress=False)
        assert words in str(caught.value), caught.value
