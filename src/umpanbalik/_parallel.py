"""The one pool of worker processes behind every ``n_jobs`` of the library.

``n_jobs`` means processes everywhere: ``None`` (or 0, 1) is this process alone, ``-1`` one process per
core (:func:`joblib.effective_n_jobs`), ``n`` that many. Work that is large enough runs in this process
and in ``n - 1`` workers of one pool, each on a contiguous share, so the output never depends on
``n_jobs``. ``Preprocessor(n_jobs=…)`` and ``annotate``/``analyze`` use the pool; ``TopicModel(n_jobs=…)``
cleans raw comments through it and shares its many small k-means runs with workers forked for the
call, each run on one OpenMP and one BLAS thread wherever it runs (so the runs are the same in
every process, and scikit-learn's OpenMP never starts threads in a forked worker).

Workers that need nothing but what they are sent (preprocessing) outlive a call and keep their memos
(a word is stemmed once per process, not once per call); a worker left idle for :data:`IDLE_SECONDS`
ends (as joblib's loky workers do), so a notebook does not hold their memory for good, and
:func:`shutdown` ends them at once. Work that needs objects too large to send (annotation: the loaded
models and the comments) names them as ``inherit``: it gets workers forked for the call, which find
the objects with :func:`inherited` exactly as they are at that moment (a model refitted in place is
never seen stale) and end with the call. On Linux workers are forked: they start in milliseconds with
this process's imports, tables and memos, where a spawned interpreter spends about a second
importing scikit-learn and pandas. macOS (where fork is unsafe) and Windows (no fork) spawn workers,
which serve only work that inherits nothing. A worker runs the module-level functions it is sent,
ignores Ctrl-C (this process is interrupted and stops it; a stopped worker unwinds, so that its
``finally`` blocks remove half-written files), and talks to its pipe only; a worker that
died (killed, say) is replaced at the next call, and an error stops every worker (the pipes may be
out of step), so the next call starts new ones.

Apart from the pool, :func:`contained` runs one call in a child of its own, bounded in memory, for
native code that may abort the process (the workbook reader, python-calamine): isolation, not
parallelism, and no part of ``n_jobs``.

Fitting is the one place that uses threads, and only for native solvers that release the GIL
(liblinear, and the sparse products of newton-cg): :func:`solver_threads` runs an estimator's
independent fits side by side, one thread per logical CPU this process may use, as scikit-learn's
OpenMP estimators do (``OMP_NUM_THREADS`` limits both). It is not ``n_jobs``: every fit is the same
whichever thread runs it, so the fitted model does not depend on the number of threads.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

__all__ = ["processes", "inherited", "report", "workers", "send", "receive", "poll", "shutdown", "map_forked",
           "solver_threads", "solver_thread_count", "one_native_thread", "contained", "ContainedCrash"]

START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"
IDLE_SECONDS = 300.0

_INHERITED: Any = None  # in a worker: what the pool was forked with
_CONNECTION: Connection | None = None  # in a worker: its pipe to the parent
_LAST_WORD: dict[Connection, float] = {}  # in the parent: when each worker last sent (time.monotonic)


def processes(n_jobs: int | None, *, enough: bool, inherit: bool = False) -> int:
    """How many processes a call uses: one when ``n_jobs`` is ``None``, 0 or 1, when the work is not
    ``enough`` to pay for workers, inside a daemonic process (a worker of a ``multiprocessing.Pool``
    may not start processes), or when the work ``inherit``s objects and workers cannot be forked."""
    from ._validation import check_int

    n_jobs = check_int("n_jobs", n_jobs, minimum=-1, allow_none=True)
    if n_jobs in (None, 0, 1) or not enough or multiprocessing.current_process().daemon:
        return 1
    if inherit and START_METHOD != "fork":
        return 1
    from joblib import effective_n_jobs

    return max(1, effective_n_jobs(n_jobs))


def inherited() -> Any:
    """In a worker: the objects its pool was forked with (see :func:`workers`)."""
    return _INHERITED


def report(value: Any) -> None:
    """In a worker: send ``value`` to the parent while a function runs (progress); see :func:`receive`."""
    if _CONNECTION is not None:
        _CONNECTION.send(("report", value, time.monotonic()))


def _serve(connection: Connection) -> None:
    """A worker: run the functions the parent sends until it hangs up, or until it has been idle
    for IDLE_SECONDS between calls (the parent sends ``None`` when a call ends); a worker forked for
    one call (with inherited objects) ends after its one function."""
    global _POOL, _CONNECTION
    _POOL = None  # a forked worker drops its copy of the parent's pipes
    _CONNECTION = connection
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C interrupts the parent, which stops the workers
    signal.signal(signal.SIGTERM, _stopped)  # stopped: unwind, so that a half-written file is removed
    between_calls = True
    while True:
        try:
            if between_calls and not connection.poll(IDLE_SECONDS):
                return  # idle: the next call starts a new worker
            message = connection.recv()
        except EOFError:
            return
        between_calls = message is None
        if between_calls:
            continue
        function, args = message
        try:
            reply = ("done", function(*args))
        except Exception:
            reply = ("error", traceback.format_exc())
        connection.send((*reply, time.monotonic()))
        if _INHERITED is not None:
            return  # forked for one call: end now and free the memory (the parent reads the reply still)


def _stopped(signum: int, frame: Any) -> None:
    raise SystemExit(1)


class _Pool:
    def __init__(self) -> None:
        self.pid = os.getpid()
        self.lock = threading.Lock()
        self.workers: list[tuple[BaseProcess, Connection]] = []

    def connections(self, n: int, inherit: Any = None) -> list[Connection]:
        """Pipes to ``n`` workers, starting the missing ones; with ``inherit``, ``n`` workers forked
        now (the others are stopped)."""
        global _INHERITED
        if inherit is not None:
            self.close()
        # A worker ends after IDLE_SECONDS between calls: one idle for half of that is replaced now,
        # so that no work is ever sent to a worker that is about to end (the monotonic clock is the
        # machine's, the same in every process).
        now = time.monotonic()
        for process, connection in [w for w in self.workers
                                    if not w[0].is_alive() or now - _LAST_WORD.get(w[1], now) > IDLE_SECONDS / 2]:
            self._stop(process, connection)
        if len(self.workers) < n:
            context = multiprocessing.get_context(START_METHOD)
            # This process's objects go to the permanent generation while workers fork, so a worker's
            # garbage collections never write to, and so copy, the memory pages it shares with this
            # one (not when the caller has frozen objects itself, a pre-forking server say: unfreeze
            # would thaw theirs too).
            freeze = START_METHOD == "fork" and gc.get_freeze_count() == 0
            _INHERITED = inherit
            if freeze:
                gc.freeze()
            try:
                while len(self.workers) < n:
                    here, there = context.Pipe()
                    process = context.Process(target=_serve, args=(there,), name="umpanbalik-worker", daemon=True)
                    process.start()
                    there.close()
                    _LAST_WORD[here] = time.monotonic()
                    self.workers.append((process, here))
            finally:
                _INHERITED = None
                if freeze:
                    gc.unfreeze()
        return [connection for _, connection in self.workers[:n]]

    def _stop(self, process: BaseProcess, connection: Connection) -> None:
        _LAST_WORD.pop(connection, None)
        connection.close()
        if process.is_alive():
            process.terminate()
        process.join(timeout=5)
        if process.is_alive():  # stuck in native code: it must not finish its work after this call ended
            process.kill()
            process.join()
        self.workers.remove((process, connection))

    def close(self) -> None:
        """Stop every worker."""
        for process, connection in list(self.workers):
            self._stop(process, connection)


_POOL: _Pool | None = None
_POOL_LOCK = threading.Lock()


def _pool() -> _Pool:
    global _POOL
    with _POOL_LOCK:
        if _POOL is None or _POOL.pid != os.getpid():  # a forked child never uses its parent's workers
            _POOL = _Pool()
        return _POOL


def shutdown() -> None:
    """End every worker of this process's pool now (they free their memory; the next call that
    needs workers starts new ones)."""
    with _POOL_LOCK:
        pool = _POOL if _POOL is not None and _POOL.pid == os.getpid() else None
    if pool is not None:
        with pool.lock:
            pool.close()


@contextmanager
def workers(n: int, *, inherit: Any = None) -> Iterator[list[Connection] | None]:
    """Pipes to ``n`` workers for the length of a call, or ``None`` while another thread of this
    process uses them (the call then runs here). With ``inherit``, the workers are forked for this
    call (they find the objects with :func:`inherited`) and end with it; without, they are the
    pool's lasting workers. Any error stops the workers."""
    pool = _pool()
    if not pool.lock.acquire(blocking=False):
        yield None
        return
    try:
        connections = pool.connections(n, inherit)
        yield connections
        if inherit is not None:
            pool.close()
        else:
            for connection in connections:
                connection.send(None)  # the call is over: the worker's idle time starts
    except BaseException:
        pool.close()
        raise
    finally:
        pool.lock.release()


def send(connection: Connection, function: Callable[..., Any], *args: Any) -> None:
    """Ask a worker to run ``function(*args)`` (a module-level function; the arguments are pickled)."""
    connection.send((function, args))


def _next(connection: Connection) -> tuple[str, Any]:
    try:
        kind, payload, stamp = connection.recv()
    except EOFError:
        raise RuntimeError("a umpanbalik worker process stopped before it answered") from None
    _LAST_WORD[connection] = stamp
    if kind == "error":
        raise RuntimeError("a umpanbalik worker process failed:\n" + payload)
    return kind, payload


def receive(connection: Connection, on_report: Callable[[Any], None] | None = None) -> Any:
    """The result of the function a worker runs; what the function reports on the way (see
    :func:`report`) goes to ``on_report``. A failure in the worker is raised here."""
    while True:
        kind, payload = _next(connection)
        if kind == "done":
            return payload
        if on_report is not None:
            on_report(payload)


def poll(connection: Connection, on_report: Callable[[Any], None]) -> tuple[bool, Any]:
    """Handle what a worker has sent so far without waiting: ``(True, result)`` once it has answered,
    else ``(False, None)``."""
    while connection.poll():
        kind, payload = _next(connection)
        if kind == "done":
            return True, payload
        on_report(payload)
    return False, None


def map_forked(function: Callable[[Any], Any], items: list[Any], processes: int, *,
               done: Callable[[Any], None] | None = None) -> list[Any]:
    """``function(item)`` for every item, in order: this process takes the first contiguous share,
    ``processes - 1`` workers forked for the call the others. The workers inherit ``function`` (a
    bound method or a closure over large objects: nothing of it is pickled, only the items and the
    results); ``done(item)`` is called here after each item, wherever it ran (progress). Items must
    be hashable and distinct. With one process, or while another thread uses the pool, all run here."""
    processes = max(1, min(processes, len(items)))  # no worker without an item
    shares = [items[i * len(items) // processes : (i + 1) * len(items) // processes] for i in range(processes)]
    results: dict[Any, Any] = {}
    report_done = done if done is not None else (lambda item: None)
    with workers(len(shares) - 1, inherit=function) if len(shares) > 1 else nullcontext() as connections:
        if not connections:
            shares, connections = [items], []
        for connection, share in zip(connections, shares[1:]):
            send(connection, _map_share, share)
        pending = list(connections)
        for item in shares[0]:
            results[item] = function(item)
            report_done(item)
            for connection in list(pending):  # read the workers' progress (and results) as they go
                answered, result = poll(connection, report_done)
                if answered:
                    results.update(result)
                    pending.remove(connection)
        for connection in pending:
            results.update(receive(connection, report_done))
    return [results[item] for item in items]


def _map_share(share: list[Any]) -> dict[Any, Any]:
    """In a worker forked for :func:`map_forked`: its share, reporting each item done."""
    function = inherited()
    out = {}
    for item in share:
        out[item] = function(item)
        report(item)
    return out


class ContainedCrash(RuntimeError):
    """The child process of :func:`contained` ended without an answer (a native crash, or memory beyond its bound)."""


def contained(function: Callable[[], Any], *, memory: int, seconds: float = 600.0) -> Any:
    """``function()`` run in a child forked for the call, with at most ``memory`` bytes of address space
    more than this process has; its result (or its exception) comes back pickled. Native code that
    aborts the process on a failed allocation (python-calamine laying out a sheet as one grid) then
    ends the child only: :class:`ContainedCrash` is raised here, with the first line the child wrote to
    its standard error; so it is when the answer cannot be sent or read back, or has not come after
    ``seconds`` (a child stuck on a lock another thread of this process held when it was forked is
    stopped then). The child ends with this process (killed, or Ctrl-C here). Where processes are
    not forked (macOS, Windows), and in a daemonic process (a ``multiprocessing.Pool`` worker, which
    may not have children), ``function()`` runs here."""
    if START_METHOD != "fork" or multiprocessing.current_process().daemon:
        return function()
    import tempfile
    from multiprocessing.connection import wait

    size = _address_space()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    with tempfile.TemporaryFile() as errors:
        child = context.Process(target=_contained_child, daemon=True,
                                args=(function, sender, errors.fileno(), size + memory if size else 0, os.getpid()))
        try:
            child.start()
        finally:
            sender.close()  # the child holds its own copy
        try:
            answer = None
            deadline = time.monotonic() + seconds
            while answer is None:  # the answer, or the child's end (whichever comes first), or the deadline
                ready = wait([receiver, child.sentinel], timeout=max(0.0, deadline - time.monotonic()))
                if not ready:
                    child.kill()
                    answer = ("crash", f"no answer within {seconds:g} s")
                elif receiver in ready:
                    try:
                        answer = receiver.recv()
                    except Exception as error:  # noqa: BLE001 - EOF (no answer), or an answer that cannot be unpickled here
                        answer = ("crash", "" if isinstance(error, EOFError) else f"{type(error).__name__}: {error}")
                elif not receiver.poll():
                    answer = ("crash", "")
        except BaseException:  # Ctrl-C here: the child is stopped with the call
            child.kill()
            raise
        finally:
            receiver.close()
            child.join()
            code = child.exitcode
            child.close()  # its pipes now, not at the next garbage collection
        kind, value = answer
        if kind == "crash":
            errors.seek(0)
            said = [line.strip() for line in errors.read(4096).decode("utf-8", "replace").splitlines() if line.strip()]
            ended = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            raise ContainedCrash(f"{value or (said[0] if said else 'no answer')}; {ended}")
    if kind == "error":
        raise value
    return value


def _contained_child(function: Callable[[], Any], sender: Connection, errors: int, limit: int, parent: int) -> None:
    """In the child of :func:`contained`: ended with its parent, its standard error into ``errors``, its
    address space bounded by ``limit`` bytes (when the parent's size could be read, and never above
    the limit it inherited), and the answer sent."""
    import ctypes
    import faulthandler
    import resource

    try:  # Linux: killed when the parent ends, so that a killed parent leaves no reader behind
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent ended before the line above: nobody to answer
        return
    os.dup2(errors, 2)  # what native code says before it aborts, for the message
    faulthandler.disable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which stops the child
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if limit > 0 and (soft == resource.RLIM_INFINITY or limit < soft):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        answer: tuple[str, Any] = ("done", function())
    except Exception as error:  # noqa: BLE001 - raised in the parent
        answer = ("error", error)
    try:
        sender.send(answer)
    except Exception as error:  # noqa: BLE001 - an answer that does not pickle (or no memory left to send it)
        sender.send(("crash", f"{type(error).__name__}: {error}"))


def _address_space() -> int:
    """This process's virtual memory in bytes (Linux), or 0 when it cannot be read."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def solver_thread_count() -> int:
    """Threads for native solvers: the logical CPUs this process may use (:func:`joblib.cpu_count`:
    CPU affinity and container limits), at most ``OMP_NUM_THREADS`` when that is set (joblib's loky
    workers set it to share the cores out); one inside a daemonic worker process (the workers are
    the parallelism there)."""
    if multiprocessing.current_process().daemon or _INHERITED is not None:
        return 1
    from joblib import cpu_count

    count = cpu_count()
    limit = os.environ.get("OMP_NUM_THREADS", "").split(",")[0].strip()  # "4,2": nested levels, the first is ours
    if limit.isdigit() and int(limit) >= 1:
        count = min(count, int(limit))
    return max(1, count)


class _Here:
    """An executor that runs each task at once, in the calling thread; an error is raised at once."""

    def submit(self, function: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        future.set_result(function(*args, **kwargs))
        return future


class _Configured:
    """Submits each task to run under the scikit-learn configuration of the thread that submits it
    (``sklearn.set_config`` and ``config_context`` hold per thread, so a task on another thread would
    otherwise see the defaults: metadata routing, parameter validation, ``assume_finite``)."""

    def __init__(self, executor: ThreadPoolExecutor) -> None:
        self.executor = executor

    def submit(self, function: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        from sklearn import get_config

        return self.executor.submit(_configured, get_config(), function, args, kwargs)


def _configured(config: dict[str, Any], function: Callable[..., Any], args: tuple, kwargs: dict[str, Any]) -> Any:
    from sklearn import config_context

    with config_context(**config):
        return function(*args, **kwargs)


_NATIVE_LOCK = threading.Lock()
_NATIVE_HOLDERS = 0  # blocks of one_native_thread running now, in every thread of this process
_NATIVE_LIMITER: Any = None


@contextmanager
def one_native_thread() -> Iterator[None]:
    """BLAS and OpenMP held to one thread for the length of the block (threadpoolctl).

    The limit is the process's, not a thread's: when blocks overlap (two fits in two threads of one
    process), the first to enter sets it and the last to leave restores it, so no block lifts it
    while another still runs (two plain ``threadpool_limits`` blocks, overlapping, restore in the
    wrong order and leave it lifted under one and set for good after both)."""
    global _NATIVE_HOLDERS, _NATIVE_LIMITER
    from threadpoolctl import threadpool_limits

    with _NATIVE_LOCK:
        if _NATIVE_HOLDERS == 0:
            _NATIVE_LIMITER = threadpool_limits(limits=1)
        _NATIVE_HOLDERS += 1
    try:
        yield
    finally:
        with _NATIVE_LOCK:
            _NATIVE_HOLDERS -= 1
            if _NATIVE_HOLDERS == 0:
                _NATIVE_LIMITER.restore_original_limits()
                _NATIVE_LIMITER = None


@contextmanager
def solver_threads(tasks: int, *, busy: int = 0) -> Iterator[Any]:
    """An executor (``submit(function, *args) -> Future``) for ``tasks`` independent fits of native
    solvers that release the GIL and draw no numbers from a global random generator (liblinear's
    primal L2 solver, newton-cg; not liblinear's dual or L1 solvers, nor libsvm), on up to
    :func:`solver_thread_count` threads less ``busy``, the threads that stay busy meanwhile (the
    caller fitting something of its own in the ``with`` block: the pool leaves it a core). Each
    task sees the caller's scikit-learn configuration. On one core (or for one task with nothing
    else to do) each task runs at once in this thread, when it is submitted, and its error is raised
    there. On an error (or Ctrl-C) in the ``with`` block the tasks not started are dropped and the
    running ones waited for.

    BLAS and OpenMP run on one thread meanwhile (:func:`one_native_thread`), however many solver
    threads there are: BLAS threads of their own would wait on cores the solver threads hold
    (OpenBLAS spins: in an ad-hoc run the 43-word training case of ``bench_training.py`` took 43 s
    with them and 21 s without), and a sum split over a different number of BLAS threads rounds
    differently, so this way a fit gives the same model on any number of threads (where
    threadpoolctl controls the BLAS: OpenBLAS, MKL). Each concurrent liblinear fit holds its own
    float64 copy of the feature matrix, so memory grows with the threads."""
    cores = solver_thread_count()
    count = max(1, min(tasks, cores - busy))
    with one_native_thread():
        if cores <= 1 or tasks < 1 or (count == 1 and not busy):
            yield _Here()
            return
        pool = ThreadPoolExecutor(count, thread_name_prefix="umpanbalik-solver")
        try:
            yield _Configured(pool)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
