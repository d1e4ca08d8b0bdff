"""The library's one pool of worker processes (``umpanbalik._parallel``) behind every ``n_jobs``."""
from __future__ import annotations

import sys
import time

import pandas as pd
import pytest

from umpanbalik import Preprocessor, _annotate, _parallel
from umpanbalik._annotate import Models, annotate
from umpanbalik.datasets import load_corpus

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers that inherit models are forked (Linux)")


@pytest.fixture
def small(monkeypatch):
    """Workers for small inputs; no workers left over from other tests, none left behind."""
    from umpanbalik import preprocessing

    monkeypatch.setattr(_annotate, "BLOCK", 50)
    monkeypatch.setattr(_annotate, "PARALLEL_MIN", 100)
    monkeypatch.setattr(preprocessing, "_PARALLEL_MIN_TEXTS", 100)
    _parallel.shutdown()
    yield
    _parallel.shutdown()


def _pids() -> list[int]:
    return [process.pid for process, _ in _parallel._pool().workers]


def test_n_jobs_means_processes_of_one_pool(small, monkeypatch):
    """Preprocessing and annotation run in the same workers; annotate's workers outlive the call
    and serve the next one with the same models; other models get workers forked after them."""
    texts = load_corpus().sample(n=300, random_state=5)["teks"].tolist()
    expected = Preprocessor().transform(texts)
    assert Preprocessor(n_jobs=2).transform(texts) == expected
    models = Models()
    first = annotate(texts, models=models, n_jobs=2)
    pids = _pids()
    assert len(pids) == 1
    pd.testing.assert_frame_equal(annotate(texts, models=models, n_jobs=2), first)
    assert _pids() == pids  # the same worker, its memo warm
    monkeypatch.setattr(_annotate, "BLOCK", 70)  # the worker's own BLOCK is still 50: the call's counts
    pd.testing.assert_frame_equal(annotate(texts, models=models, n_jobs=2), first)
    assert _pids() == pids
    assert Preprocessor(n_jobs=2).transform(texts) == expected and _pids() == pids
    other = Models(sentimen=load_pretrained_copy())
    pd.testing.assert_frame_equal(annotate(texts, models=other, n_jobs=2), first)
    assert _pids() != pids  # another sentiment model object: a worker forked after it


def load_pretrained_copy():
    from umpanbalik.pretrained import load_pretrained

    return load_pretrained("sentimen")


def test_idle_workers_end_and_are_replaced(small, monkeypatch):
    """A worker idle for IDLE_SECONDS ends (it frees its memory); the parent replaces a worker idle
    for half of that before sending it work, so no work goes to a worker that is ending."""
    monkeypatch.setattr(_parallel, "IDLE_SECONDS", 0.6)
    texts = [f"materi ke{i} kurang jelas, waktunya molor" for i in range(400)]
    expected = Preprocessor().transform(texts)
    assert Preprocessor(n_jobs=2).transform(texts) == expected
    (process, _), = _parallel._pool().workers
    time.sleep(0.4)  # idle for more than half of IDLE_SECONDS: replaced at the next call
    assert Preprocessor(n_jobs=2).transform(texts) == expected
    (replacement, _), = _parallel._pool().workers
    assert replacement.pid != process.pid
    replacement.join(timeout=10)  # it ends on its own when left idle
    assert not replacement.is_alive()
    assert Preprocessor(n_jobs=2).transform(texts) == expected


def test_shutdown_ends_the_workers(small):
    texts = [f"jadwal ke{i} bentrok" for i in range(400)]
    Preprocessor(n_jobs=2).transform(texts)
    (process, _), = _parallel._pool().workers
    _parallel.shutdown()
    assert not process.is_alive() and _parallel._pool().workers == []


def test_a_failing_worker_is_an_error_here_and_the_pool_starts_anew(small):
    with pytest.raises(RuntimeError, match="(?s)worker process failed.*invalid literal"):
        with _parallel.workers(1) as (connection,):
            _parallel.send(connection, int, "bukan angka")
            _parallel.receive(connection)
    assert _parallel._pool().workers == []  # the error stopped the workers
    with _parallel.workers(1) as (connection,):
        _parallel.send(connection, len, "enam")
        assert _parallel.receive(connection) == 4


def test_processes_follow_n_jobs(monkeypatch):
    assert _parallel.processes(None, enough=True) == 1
    assert _parallel.processes(1, enough=True) == 1
    assert _parallel.processes(2, enough=False) == 1
    assert _parallel.processes(2, enough=True) == 2
    monkeypatch.setattr(_parallel, "START_METHOD", "spawn")
    assert _parallel.processes(2, enough=True, inherit=True) == 1  # models cannot be inherited
    assert _parallel.processes(2, enough=True) == 2
    with pytest.raises(ValueError, match="n_jobs"):
        _parallel.processes("dua", enough=True)
