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
    """Preprocessing keeps its workers (and their memos) from call to call; annotation gets workers
    forked for the call with the comments and models as they are, which end with it."""
    texts = load_corpus().sample(n=300, random_state=5)["teks"].tolist()
    expected = Preprocessor().transform(texts)
    assert Preprocessor(n_jobs=2).transform(texts) == expected
    pids = _pids()
    assert len(pids) == 1
    assert Preprocessor(n_jobs=2).transform(texts) == expected and _pids() == pids  # the same worker
    models = Models()
    first = annotate(texts, models=models, n_jobs=2)
    assert _pids() == []  # annotation's workers ended with the call
    monkeypatch.setattr(_annotate, "BLOCK", 70)
    pd.testing.assert_frame_equal(annotate(texts, models=models, n_jobs=2), first)
    assert Preprocessor(n_jobs=2).transform(texts) == expected and len(_pids()) == 1


class _Tagger:
    """A barrier tagger of one's own whose answer can be changed in place (as ``fit`` does)."""

    classes_ = ["lama", "baru"]

    def __init__(self) -> None:
        self.label = "lama"

    def tag(self, texts, polarity=False):
        return pd.DataFrame({"aspek": [[self.label] for _ in texts]})


def test_a_model_changed_in_place_is_never_seen_stale(small):
    tagger = _Tagger()
    texts, reasons = [f"komentar {i}" for i in range(400)], [f"alasan {i}" for i in range(400)]

    def tags(n_jobs):
        out = annotate(texts, barriers=reasons, with_comments=False, models={"hambatan": tagger}, n_jobs=n_jobs)
        return out["hambatan"].map(tuple).value_counts().to_dict()

    assert tags(2) == {("lama",): 400}
    tagger.label = "baru"  # the same object, refitted
    assert tags(2) == tags(None) == {("baru",): 400}


def test_a_preprocessor_that_cannot_be_pickled_still_runs_in_workers(small):
    texts = load_corpus().sample(n=200, random_state=6)["teks"].tolist()
    local = Preprocessor(slang={"bgt": "sekali"})
    local.note = lambda: "a lambda cannot be pickled"
    serial = annotate(texts, models={"preprocessor": local})
    pd.testing.assert_frame_equal(annotate(texts, models={"preprocessor": local}, n_jobs=2), serial)


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


def test_a_worker_waits_as_long_as_a_call_needs(small, monkeypatch):
    """The idle time counts between calls only: within a call, a worker waits for the parent's next
    step however long the parent works."""
    monkeypatch.setattr(_parallel, "IDLE_SECONDS", 0.3)
    with _parallel.workers(1) as (connection,):
        _parallel.send(connection, len, "satu")
        assert _parallel.receive(connection) == 4
        time.sleep(0.9)  # the parent works on its own share
        _parallel.send(connection, len, "dua")
        assert _parallel.receive(connection) == 3


def test_workers_ignore_ctrl_c(small):
    """Ctrl-C reaches every process of the terminal: the workers leave it to this one, which stops
    them when the interrupt ends its call."""
    import os
    import signal

    Preprocessor(n_jobs=2).transform([f"jadwal ke{i} bentrok" for i in range(400)])
    (process, _), = _parallel._pool().workers
    os.kill(process.pid, signal.SIGINT)
    process.join(timeout=0.5)
    assert process.is_alive()


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


def test_topics_of_many_comments_are_assigned_in_workers_as_here(small, monkeypatch):
    """analyze assigns topics to the comments in blocks shared with workers forked for the call;
    the topics are those of one process."""
    from umpanbalik import analyze
    from umpanbalik.analysis import run

    texts = load_corpus()["teks"].tolist()[:1200]
    monkeypatch.setattr(run, "_TOPIC_PARALLEL_MIN", 500)
    monkeypatch.setattr(run, "_TOPIC_SAMPLE", 400)
    calls = []
    original = _parallel.map_forked
    monkeypatch.setattr(_parallel, "map_forked", lambda f, items, n, **k: calls.append((len(items), n)) or original(f, items, n, **k))
    together = analyze(texts, topics=4, n_jobs=2, progress=False).comments[["topik", "label_topik"]]
    assert (len(calls) and calls[-1][1] == 2) and calls[-1][0] >= 2  # blocks, two processes
    alone = analyze(texts, topics=4, n_jobs=None, progress=False).comments[["topik", "label_topik"]]
    pd.testing.assert_frame_equal(together, alone)


def test_map_forked_gives_every_result_in_order_and_reports_each_item(small):
    big = list(range(1000))  # a closure over this list: inherited by the workers, never pickled

    def total(start):
        return sum(big[start : start + 100])

    seen = []
    assert _parallel.map_forked(total, list(range(0, 1000, 100)), 3, done=seen.append) == [
        sum(range(s, s + 100)) for s in range(0, 1000, 100)]
    assert sorted(seen) == list(range(0, 1000, 100))
    assert _parallel.map_forked(total, [0], 4) == [4950]  # more processes than items: one
    assert _parallel.map_forked(total, [], 2) == []


def blas_threads() -> set[int]:
    """The thread counts of the BLAS libraries loaded in this process."""
    from threadpoolctl import threadpool_info

    return {info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"}


def test_solver_threads_run_beside_the_caller_and_hold_blas_to_one_thread(monkeypatch):
    """With two cores and the caller busy, tasks run on a thread of their own (not at submit, in
    the caller), under the caller's scikit-learn configuration; BLAS is held to one thread
    meanwhile and restored after; errors come back through the future."""
    import threading

    import sklearn

    before = blas_threads()
    assert before  # NumPy's BLAS is loaded
    monkeypatch.setattr(_parallel, "solver_thread_count", lambda: 2)
    caller = threading.get_ident()
    with sklearn.config_context(assume_finite=True), _parallel.solver_threads(3, busy=1) as pool:
        where = pool.submit(threading.get_ident).result()
        config = pool.submit(sklearn.get_config).result()
        blas = blas_threads()
        failed = pool.submit(int, "dua")
    assert where != caller and config["assume_finite"] and blas == {1}
    assert blas_threads() == before
    with pytest.raises(ValueError):
        failed.result()
    # one core: each task runs at once, here, and its error is raised at once (Ctrl-C too)
    monkeypatch.setattr(_parallel, "solver_thread_count", lambda: 1)
    with _parallel.solver_threads(3, busy=1) as pool:
        assert pool.submit(threading.get_ident).result() == caller
        with pytest.raises(ValueError):
            pool.submit(int, "dua")
    assert blas_threads() == before


def test_overlapping_one_thread_blocks_keep_the_limit_until_the_last_ends():
    """Two fits in two threads overlap: the first to end must not lift the limit under the other,
    and after both the limit is what it was."""
    before = blas_threads()
    first, second = _parallel.one_native_thread(), _parallel.one_native_thread()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert blas_threads() == {1}
    second.__exit__(None, None, None)
    assert blas_threads() == before


def test_solver_thread_count_follows_the_cores_and_omp_num_threads(monkeypatch):
    import joblib

    monkeypatch.setattr(joblib, "cpu_count", lambda: 8)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    assert _parallel.solver_thread_count() == 8
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    assert _parallel.solver_thread_count() == 3
    monkeypatch.setenv("OMP_NUM_THREADS", "2,1")  # one number per nested level: the first
    assert _parallel.solver_thread_count() == 2
    monkeypatch.setenv("OMP_NUM_THREADS", "banyak")  # not a number: ignored
    assert _parallel.solver_thread_count() == 8


@pytest.mark.skipif(_parallel.START_METHOD != "fork", reason="contained() forks only where workers are forked")
def test_contained_runs_in_a_bounded_child_whose_crash_is_an_error_here():
    """python-calamine aborts the process when a sheet's grid cannot be allocated: the reader runs in a
    child, so that only the child ends."""
    import os

    parent = os.getpid()
    # (pyarrow's allocator reserves about 1 GB of address space for the first frame of strings)
    assert _parallel.contained(lambda: (os.getpid() != parent, pd.DataFrame({"a": ["x"]})), memory=2**32)[0] is True
    with pytest.raises(ValueError, match="sheet 'x' not found"):
        _parallel.contained(lambda: (_ for _ in ()).throw(ValueError("sheet 'x' not found")), memory=2**32)

    def abort() -> None:
        os.write(2, b"memory allocation of 549755813888 bytes failed\n")
        os.abort()

    with pytest.raises(_parallel.ContainedCrash, match=r"memory allocation of 549755813888 bytes failed; signal 6"):
        _parallel.contained(abort, memory=2**32)
    with pytest.raises(MemoryError):  # the bound: 6 GiB asked of a child allowed 4 GiB more than this process
        _parallel.contained(lambda: bytearray(6 * 2**30), memory=2**32)
    assert _parallel.contained(lambda: len(bytearray(2**28)), memory=2**32) == 2**28



@pytest.mark.skipif(_parallel.START_METHOD != "fork", reason="contained() forks only where workers are forked")
def test_a_workbook_is_read_inside_a_pool_worker_too():
    """A daemonic process (a multiprocessing.Pool worker) may not have children: the reader runs there."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        shape = pool.apply(_read_survey_shape)
    assert shape == (1566, 9)


def _read_survey_shape() -> tuple[int, int]:
    from pathlib import Path

    from umpanbalik._tables import read_table

    return read_table(Path(__file__).resolve().parents[1] / "data" / "contoh_survei.xlsx").shape


def _refuse() -> None:
    raise TypeError("__init__() missing 1 required positional argument")  # as an exception with its own __init__ does


class _Unreadable:
    def __reduce__(self):  # pickled there, cannot be unpickled here
        return _refuse, ()


@pytest.mark.skipif(_parallel.START_METHOD != "fork", reason="contained() forks only where workers are forked")
def test_contained_answers_that_cannot_travel_are_a_crash_and_leave_no_process_behind():
    """An exception that cannot be unpickled here gave a TypeError from its __init__ (and a zombie); an
    answer that cannot be pickled there gave a RuntimeError the CLI did not catch."""
    import multiprocessing
    import threading

    with pytest.raises(_parallel.ContainedCrash, match="TypeError"):
        _parallel.contained(_Unreadable, memory=2**32)
    with pytest.raises(_parallel.ContainedCrash, match="pickle"):
        _parallel.contained(lambda: threading.Lock(), memory=2**32)
    assert multiprocessing.active_children() == []



@pytest.mark.skipif(_parallel.START_METHOD != "fork", reason="contained() forks only where workers are forked")
def test_contained_calls_that_fail_leave_no_open_pipes():
    """Two pipe descriptors stayed open per failed call until the next garbage collection (405 after
    200 calls with the collector off). (Also mended, checked by hand with `unshare --pid --fork`: a
    parent that is PID 1, a container's first process, got no answer: the child took "parent 1" for
    "parent gone".)"""
    import gc
    import os

    gc.disable()
    try:
        before = len(os.listdir("/proc/self/fd"))
        for _ in range(20):
            with pytest.raises(ValueError):
                _parallel.contained(lambda: (_ for _ in ()).throw(ValueError("no such sheet")), memory=2**32)
        assert len(os.listdir("/proc/self/fd")) <= before + 1
    finally:
        gc.enable()


@pytest.mark.skipif(_parallel.START_METHOD != "fork", reason="contained() forks only where workers are forked")
def test_a_contained_child_that_never_answers_is_stopped_at_its_deadline():
    """A child stuck on a lock that another thread held at the fork hung the reading for ever."""
    import multiprocessing

    start = time.perf_counter()
    with pytest.raises(_parallel.ContainedCrash, match=r"no answer within 0.5 s; signal 9"):
        _parallel.contained(lambda: time.sleep(30), memory=2**32, seconds=0.5)
    assert time.perf_counter() - start < 10 and multiprocessing.active_children() == []
