"""The Dask path gives, comment by comment, exactly what one machine gives (issue 6 §4).

One LocalCluster (2 worker processes, 1 thread each) serves every test in this module.
"""
from __future__ import annotations

import logging

import pandas as pd
import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from hostile import hostile_values  # noqa: E402

from umpanbalik import TopicModel, load_survey  # noqa: E402
from umpanbalik._annotate import annotate  # noqa: E402
from umpanbalik._validation import as_text_list  # noqa: E402
from umpanbalik.pretrained import load_pretrained  # noqa: E402
from umpanbalik.distributed import ANNOTATE_COLUMNS, annotate_dask, fit_topics_on_sample  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def survey() -> pd.DataFrame:
    """300 responses with a duplicated, unsorted, string index (respondent id and wave)."""
    frame = load_survey().iloc[:300].copy()
    frame.index = pd.Index([f"{rid}-{i % 3}" for i, rid in enumerate(frame["id_responden"])][::-1][:150] * 2,
                           name="kunci")
    return frame[["komentar", "alasan_tidak_ikut", "nilai", "instansi"]]


def _expected(frame: pd.DataFrame, **kwargs) -> pd.DataFrame:
    out = annotate(as_text_list(frame["komentar"]), barriers=as_text_list(frame["alasan_tidak_ikut"]), **kwargs)
    return out.set_axis(frame.index)


def _client_models(*names: str) -> dict:
    """The shipped models as loaded here: sent to the workers, they spare each worker a skops load."""
    return {name: load_pretrained(name) for name in names}


def test_annotate_dask_equals_one_machine(client, survey):
    ddf = dd.from_pandas(survey, npartitions=4, sort=False)
    models = _client_models("sentimen", "aspek", "saran", "non_informatif", "hambatan")
    lazy = annotate_dask(ddf, text="komentar", barriers="alasan_tidak_ikut", models=models)
    assert list(lazy.columns) == list(survey.columns) + list(ANNOTATE_COLUMNS)
    result = lazy.compute()
    # Every row once, in order, with its original index; the original columns untouched.
    assert result.index.equals(survey.index)
    pd.testing.assert_frame_equal(result[survey.columns], survey, check_dtype=False, check_index_type=False)
    # The annotation, exactly (float scores included), as with the shipped models on one machine.
    pd.testing.assert_frame_equal(result[list(ANNOTATE_COLUMNS)], _expected(survey), check_index_type=False)
    # meta tells the truth about what the workers return.
    assert result.dtypes.to_dict() == lazy.dtypes.to_dict()


def test_workers_load_shipped_models_and_handle_empty_partitions_and_messy_cells(client, survey):
    frame = survey.iloc[:60].copy()
    messy = hostile_values(huge=False)
    frame["komentar"] = pd.Series((messy + list(frame["komentar"]))[:60], index=frame.index, dtype=object)
    # "sentimen" is left out: each worker loads the shipped one itself (once, then from its cache).
    models = _client_models("aspek", "saran", "non_informatif", "hambatan")
    # Dask turns object columns into Arrow strings by default, which cannot hold bytes in another
    # encoding or lone surrogates; a raw export keeps its object column.
    with dask.config.set({"dataframe.convert-string": False}):
        ddf = dd.from_pandas(frame, npartitions=3, sort=False)
        result = annotate_dask(ddf, barriers="alasan_tidak_ikut", models=models).compute()
        again = annotate_dask(ddf, barriers="alasan_tidak_ikut", models=models).compute()
        empty = ddf[ddf["komentar"].map(lambda v: False, meta=("komentar", bool))]  # every partition empty
        nothing = annotate_dask(empty, barriers="alasan_tidak_ikut", models=models).compute()
    pd.testing.assert_frame_equal(result[list(ANNOTATE_COLUMNS)], _expected(frame), check_index_type=False)
    pd.testing.assert_frame_equal(again, result)
    loaded = client.run(lambda: sorted(__import__("umpanbalik.distributed").distributed._shipped._loaded))
    assert len(loaded) == 2 and all(names == ["preprocessor", "sentimen"] for names in loaded.values())
    assert len(nothing) == 0 and list(nothing.columns) == list(frame.columns) + list(ANNOTATE_COLUMNS)


def test_topics_fitted_on_a_sample_and_assigned_on_the_workers(client, survey):
    ddf = dd.from_pandas(survey, npartitions=3, sort=False)
    # n at least the number of rows: the "sample" is every row in order, so the model is the one-machine model.
    whole = fit_topics_on_sample(ddf, "komentar", n=10_000, random_state=0, n_topics=5)
    reference = TopicModel(n_topics=5, random_state=0).fit(as_text_list(survey["komentar"]))
    pd.testing.assert_frame_equal(whole.model.topics_, reference.topics_)
    assigned = whole.topics.compute()
    expected = reference.transform(survey["komentar"])
    pd.testing.assert_frame_equal(assigned, expected, check_index_type=False)
    # A real sample: n rows exactly, and the assignment covers every row.
    sampled = fit_topics_on_sample(ddf, "komentar", n=120, random_state=0, n_topics=4)
    assert len(sampled.model.labels_) == 120
    assert sampled.topics.compute().index.equals(survey.index)


def test_usage_errors_name_the_problem(survey):
    ddf = dd.from_pandas(survey, npartitions=2, sort=False)
    with pytest.raises(TypeError, match="from_pandas"):
        annotate_dask(survey)
    with pytest.raises(ValueError, match="`text`.*'teks'"):
        annotate_dask(ddf, text="teks")
    with pytest.raises(ValueError, match="already has the columns"):
        annotate_dask(ddf.assign(sentimen="x"))
    with pytest.raises(ValueError, match="`n`"):
        fit_topics_on_sample(ddf, n=0)
