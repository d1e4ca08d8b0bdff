"""One progress display for a whole run: comments annotated, then each later stage by name.

``analyze`` counts the comments it annotates on a tqdm bar (notebook-aware), then names each later
stage on the same line (topics, and — when the run is the CLI's, or any code inside
:func:`progress_display` — themes and each export), so that nothing long runs silently. Every stage's
wall time is kept in :attr:`Display.timings` (seconds, in order), which the benchmarks print.

Outside :func:`progress_display`, ``analyze`` opens a display of its own (from 5,000 comments, or when
``progress=True``) and closes it when it returns; exports then run without one.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

__all__ = ["Display", "progress_display", "current_display", "stage"]

_PROGRESS_MIN = 5_000  # show a bar from this many comments when `progress` is left None

_STAGE_WORDS = {
    "id": {"anotasi": "anotasi", "topik": "topik", "tema": "tema", "html": "laporan HTML", "xlsx": "buku kerja Excel",
           "csv": "CSV", "selesai": "selesai"},
    "en": {"anotasi": "annotating", "topik": "topics", "tema": "themes", "html": "HTML report", "xlsx": "Excel workbook",
           "csv": "CSV", "selesai": "done"},
}


class Display:
    """A tqdm bar that counts comments, then names stages; or nothing shown (``enabled=False``), with
    the timings kept either way."""

    def __init__(self, total: int | None, *, enabled: bool, lang: str = "id") -> None:
        self.lang = lang if lang in _STAGE_WORDS else "id"
        self.timings: dict[str, float] = {}
        self._bar: Any = None
        self._stage: str | None = None
        self._started = time.perf_counter()
        if enabled:
            from tqdm.auto import tqdm

            self._bar = tqdm(total=total, desc=self._words("anotasi"), unit=" komentar" if self.lang == "id" else " comments")

    def _words(self, key: str) -> str:
        return "umpanbalik: " + _STAGE_WORDS[self.lang].get(key, key)

    def grow(self, total: int) -> None:
        """More comments to annotate than first known (a file read in chunks)."""
        if self._bar is not None and self._bar.total is not None and total > self._bar.total:
            self._bar.total = total
            self._bar.refresh()

    def update(self, n: int) -> None:
        """``n`` more comments annotated."""
        if self._bar is not None and n:
            self._bar.update(n)

    @contextmanager
    def stage(self, key: str) -> Iterator[None]:
        """Name the stage ``key`` (``topik``, ``tema``, ``html``, ``xlsx``, ``csv`` …) while it runs."""
        outer, self._stage = self._stage, key
        if self._bar is not None:
            self._bar.set_description_str(self._words(key), refresh=True)
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[key] = self.timings.get(key, 0.0) + time.perf_counter() - start
            self._stage = outer
            if self._bar is not None and outer is not None:
                self._bar.set_description_str(self._words(outer), refresh=True)

    def close(self) -> None:
        self.timings["total"] = time.perf_counter() - self._started
        if self._bar is not None:
            self._bar.set_description_str(self._words("selesai"), refresh=False)
            self._bar.close()
            self._bar = None


_CURRENT: ContextVar[Display | None] = ContextVar("umpanbalik_progress", default=None)


def current_display() -> Display | None:
    """The display of the run in progress (inside :func:`progress_display`), if any."""
    return _CURRENT.get()


@contextmanager
def progress_display(total: int | None, *, enabled: bool, lang: str = "id") -> Iterator[Display]:
    """One display for everything inside: ``analyze`` and the exports report to it."""
    display = Display(total, enabled=enabled, lang=lang)
    token = _CURRENT.set(display)
    try:
        yield display
    finally:
        _CURRENT.reset(token)
        display.close()


@contextmanager
def stage(key: str) -> Iterator[None]:
    """Name a stage on the current display, if there is one (a no-op otherwise)."""
    display = _CURRENT.get()
    if display is None:
        yield
        return
    with display.stage(key):
        yield


def wanted(total: int | None, progress: bool | None) -> bool:
    """Whether ``analyze(progress=...)`` shows its own display: asked for, or left None with 5,000
    comments or more (or a file read in chunks, whose length is unknown)."""
    return progress is True or (progress is None and (total is None or total >= _PROGRESS_MIN))
