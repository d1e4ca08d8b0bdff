"""What :class:`~umpanbalik.analysis.MultiAnalysis` writes for several open questions: a short code
per question, the per-comment table with every question's results side by side, the workbook's
sheets and the report's context. Each question's numbers come from its own :class:`Analysis`
(and so from :mod:`.tables`); nothing is counted again here."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ..schema import ANALYSIS_COLUMNS
from . import exports, tables
from ._input import encodable_labels

if TYPE_CHECKING:
    from .multi import MultiAnalysis
    from .result import Analysis

__all__ = ["question_codes", "overview", "combined_frame", "workbook_sheets", "report_context"]

_SHARED = ("hambatan",)  # the why-not answers' codes, the same for every question: written once


def _shared(multi: MultiAnalysis) -> tuple[str, ...]:
    """The results written once; with task="hambatan" each question's own answers are coded instead."""
    return _SHARED if _first(multi).task == "evaluasi" else ()


def question_codes(columns: list[Any]) -> list[str]:
    """A short code per question: its number ("5.22") when every question has a different one,
    else ``p1``, ``p2`` … in order.

    Examples
    --------
    >>> question_codes(["5.21. Kendala", "5.22. Saran"]), question_codes(["komentar", "5.22. Saran"])
    (['5.21', '5.22'], ['p1', 'p2'])
    """
    from ..columns import question_number

    numbers = [question_number(c) for c in columns]
    if all(numbers) and len(set(numbers)) == len(numbers):
        return [str(n) for n in numbers]
    return [f"p{i}" for i in range(1, len(columns) + 1)]


def overview(multi: MultiAnalysis) -> pd.DataFrame:
    """One row per question (see :func:`umpanbalik.analysis.tables.question_table`)."""
    analyses = multi.questions
    codes = multi.codes
    return tables.question_table({codes[q]: a.comments for q, a in analyses.items()},
                                 {codes[q]: a.text for q, a in analyses.items()})


def _first(multi: MultiAnalysis) -> Analysis:
    return next(iter(multi.questions.values()))


def combined_frame(multi: MultiAnalysis, *, flat: bool = False, mask: bool = False) -> pd.DataFrame:
    """The export's own columns once, then each question's results with its code in front
    (``5.22_sentimen``, ``5.22_aspek`` …), and the barrier codes once: one row per input row."""
    first = _first(multi)
    frames = {q: exports.comment_frame(a, flat=flat, mask=mask) for q, a in multi.questions.items()}
    base = frames[next(iter(frames))]
    results = [c for c in ANALYSIS_COLUMNS if c in base.columns]
    parts = [base.drop(columns=results)]
    for question, frame in frames.items():
        own = [c for c in ANALYSIS_COLUMNS if c in frame.columns and c not in _shared(multi)]
        parts.append(frame[own].rename(columns=lambda c, code=multi.codes[question]: f"{code}_{c}"))
    shared = [c for c in _shared(multi) if c in first.comments.columns]
    if shared:
        parts.append(base[shared])
    return pd.concat(parts, axis=1)


def workbook_sheets(multi: MultiAnalysis) -> dict[str, pd.DataFrame]:
    """``temuan`` (every question's headline findings, its question first: what a reader opens first),
    ``pertanyaan`` (one row per question), ``skala_nilai``, then each question's sheets with its code
    in front (``5.22_temuan``, ``5.22_ringkasan``, ``5.22_aspek`` …), ``komentar`` (every question
    side by side) and ``hambatan`` once."""
    first = _first(multi)
    sheets: dict[str, pd.DataFrame] = {"temuan": multi.findings(), "pertanyaan": overview(multi)}
    if first.rating is not None and len(scale := first.rating_scale()):
        sheets["skala_nilai"] = scale
    if len(likert := multi.likert_table()):
        sheets["penilaian"] = likert
    for question, analysis in multi.questions.items():
        for name, frame in exports.workbook_sheets(analysis, with_comments=False).items():
            if name not in ("skala_nilai", "penilaian", *_shared(multi)):
                sheets[f"{multi.codes[question]}_{name}"] = frame
    sheets["komentar"] = encodable_labels(combined_frame(multi, mask=True)).reset_index(allow_duplicates=True)
    if "hambatan" in _shared(multi) and "hambatan" in first.comments:
        sheets["hambatan"] = first.barriers().reset_index()
    return sheets


#: Findings of each question on the report's first screen (all of them are in its section).
LEAD_FINDINGS = 2


def report_context(multi: MultiAnalysis, *, lang: str, title: str | None, n_quotes: int) -> dict[str, Any]:
    """One report: the questions at a glance and the rating scale, then a section per question (its
    findings, key numbers, charts, quotes, topics and comparisons), the barriers once, the methods."""
    from .._i18n import text

    first = _first(multi)
    key = first.key_numbers()
    cards = exports.key_cards(key[key["ukuran"].isin(["komentar", "rata_rata_nilai"])], lang)
    if cards:
        cards[0]["label"] = text("key_responden", lang)
    context: dict[str, Any] = {"judul": title or text("report_title", lang), "dibuat": pd.Timestamp.now().strftime("%Y-%m-%d"),
                               "angka_kunci": cards, "gambar": {}, "tabel": {"pertanyaan": overview(multi)},
                               "pertanyaan": []}
    lead: list[dict[str, Any]] = []
    barrier_findings: list[dict[str, Any]] = []
    for question, analysis in multi.questions.items():
        inner = exports.report_context(analysis, lang=lang, title=None, n_quotes=n_quotes)
        scale = inner["tabel"].pop("skala_nilai", None)
        if scale is not None:
            context["tabel"]["ikhtisar_skala"] = scale
        likert = inner["tabel"].pop("penilaian", None)
        if likert is not None:
            context["tabel"]["penilaian"] = likert
        for name in _shared(multi):  # the barrier chart and table once, at the end
            figure = inner["gambar"].pop(name, None)
            table = inner["tabel"].pop(name, None)
            if figure is not None and name not in context["gambar"]:
                context["gambar"][name], context["tabel"][name] = figure, table
        # the barrier finding is about the why-not column, not this question: once, among the report's findings
        shared = [f for f in inner.get("temuan", []) if f.get("kunci") == "barrier"]
        inner["temuan"] = [f for f in inner.get("temuan", []) if f.get("kunci") != "barrier"]
        links = {f.get("tautan") for f in shared if f.get("tautan")}
        evidence = [b for b in inner.get("bukti", []) if b.get("id") in links]
        inner["bukti"] = [b for b in inner.get("bukti", []) if b.get("id") not in links]
        if shared and "bukti" not in context:
            barrier_findings = [{**f, "tautan": "bukti-hambatan" if f.get("tautan") else ""} for f in shared]
            context["bukti"] = [{**b, "id": "bukti-hambatan", "judul": shared[0]["teks"]} for b in evidence[:1]]
        # the first screen leads with each question's first two supported findings (they were only in
        # the questions' sections, ten screens down, under a lone barrier finding), linked to their quotes
        code = multi.codes[question]
        lead += [{**f, "teks": f"{code}: {f['teks']}", "tautan": f"pertanyaan-{code}-{f['tautan']}" if f.get("tautan") else ""}
                 for f in [f for f in inner["temuan"] if f.get("didukung", True)][:LEAD_FINDINGS]]
        if "metode" in inner:  # the user's own models: the report's methods say so, once
            context["metode"] = inner["metode"]
        inner["metode"] = []
        context["pertanyaan"].append({"id": f"pertanyaan-{multi.codes[question]}", "judul": str(question), "konteks": inner})
    if lead or barrier_findings:
        context["temuan"] = lead + barrier_findings
    return context

