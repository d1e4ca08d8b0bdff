"""Several open questions of one survey: :class:`MultiAnalysis`, one :class:`Analysis` per question
and the exports that put them together (one report, one workbook, one per-comment table)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from . import exports
from . import questions as _questions

if TYPE_CHECKING:
    from .result import Analysis

__all__ = ["MultiAnalysis"]


class MultiAnalysis:
    """The results of :func:`analyze` for several open questions (``text=[...]`` or ``text="auto"``).

    Each question is analysed on its own, over the same rows, segments and rating: ``questions`` maps
    each question's column to its :class:`Analysis`, which answers everything a single question's
    analysis does. ``result["5.22"]`` picks one by its header, number or a unique prefix. The exports
    put the questions together: :meth:`to_html` writes one report with a section per question,
    :meth:`to_excel` one workbook (``pertanyaan``, ``skala_nilai``, each question's sheets with its
    code in front, ``komentar``, ``hambatan``), :meth:`to_csv` one row per input row with each
    question's results side by side (``5.22_sentimen`` …).

    Examples
    --------
    >>> import pandas as pd
    >>> from umpanbalik import analyze
    >>> form = pd.DataFrame({"5.21. Kendala": ["sinyal zoom putus-putus", "-", "jadwal bentrok dengan rapat"],
    ...                      "5.22. Saran": ["mohon rekaman dibagikan", "materi sudah bagus", "waktu ditambah"]})
    >>> results = analyze(form, text="auto", topics=False)
    >>> results
    MultiAnalysis(komentar=3, pertanyaan=['5.21. Kendala', '5.22. Saran'])
    >>> results.overview()[["kode", "dijawab", "informatif"]].to_dict("list")
    {'kode': ['5.21', '5.22'], 'dijawab': [3, 3], 'informatif': [2, 3]}
    """

    def __init__(self, questions: dict[Any, Analysis]) -> None:
        if not questions:
            raise ValueError("a MultiAnalysis needs at least one question.")
        self.questions = dict(questions)
        self.codes = dict(zip(self.questions, _questions.question_codes(list(self.questions))))

    def __getitem__(self, question: Any) -> Analysis:
        from ._input import check_columns

        frame = pd.DataFrame(columns=pd.Index(list(self.questions), dtype=object))
        return self.questions[check_columns(frame, [question], ["question"])[0]]

    def __len__(self) -> int:
        """The number of rows (respondents), as ``len`` of a DataFrame; iterating gives the questions."""
        return len(next(iter(self.questions.values())))

    def __iter__(self) -> Any:
        """The questions' columns, as iterating a DataFrame gives its columns (``for q in results``)."""
        return iter(self.questions)

    def __contains__(self, question: Any) -> bool:
        """Whether ``results[question]`` names one question (its header, number or a unique prefix)."""
        try:
            self[question]
        except (KeyError, ValueError, TypeError):  # (ColumnError is a KeyError; a float or a list is no question)
            return False
        return True

    def __repr__(self) -> str:
        return f"MultiAnalysis(komentar={len(self)}, pertanyaan={[str(q) for q in self.questions]})"

    @property
    def lang(self) -> str:
        return next(iter(self.questions.values())).lang

    # -- tables ---------------------------------------------------------------------------------------
    def overview(self) -> pd.DataFrame:
        """One row per question: ``kode``, ``pertanyaan``, ``dijawab`` (non-blank answers),
        ``informatif``, sentiment shares and the aspect criticised most."""
        return _questions.overview(self)

    def key_numbers(self) -> pd.DataFrame:
        """Every question's key numbers (:meth:`Analysis.key_numbers`), its column first (``pertanyaan``)."""
        return self._stacked(lambda a: a.key_numbers())

    def findings(self, *, n_quotes: int = 3, lang: Literal["id", "en"] | None = None) -> pd.DataFrame:
        """Every question's headline findings (:meth:`Analysis.findings`), its column first (``pertanyaan``);
        the barrier finding, which is about the why-not column and not a question, once, last, under
        that column's name."""
        frame = self._stacked(lambda a: a.findings(n_quotes=n_quotes, lang=lang))
        barrier = frame["kunci"] == "barrier"
        once = frame[barrier & ~barrier.duplicated()].assign(
            pertanyaan=str(next(iter(self.questions.values())).barrier_column))
        return pd.concat([frame[~barrier], once], ignore_index=True)

    def summary(self) -> dict[Any, dict[str, Any]]:
        """Each question's :meth:`Analysis.summary`, by question."""
        return {question: analysis.summary() for question, analysis in self.questions.items()}

    def rating_scale(self) -> pd.DataFrame:
        """How the rating column's text answers were scored (see :meth:`Analysis.rating_scale`)."""
        return next(iter(self.questions.values())).rating_scale()

    def likert_table(self) -> pd.DataFrame:
        """The export's rating questions written as text (see :meth:`Analysis.likert_table`)."""
        return next(iter(self.questions.values())).likert_table()

    def _stacked(self, table: Any) -> pd.DataFrame:
        parts = [table(analysis).assign(pertanyaan=str(question)) for question, analysis in self.questions.items()]
        frame = pd.concat(parts, ignore_index=True)
        return frame[["pertanyaan", *[c for c in frame.columns if c != "pertanyaan"]]]

    # -- exports --------------------------------------------------------------------------------------
    def to_frame(self, *, flat: bool = False, mask: bool = False) -> pd.DataFrame:
        """One row per input row: the export's columns, then each question's results with its code in
        front (``5.22_sentimen``, ``5.22_aspek`` …); ``flat`` and ``mask`` as in :meth:`Analysis.to_frame`."""
        return _questions.combined_frame(self, flat=flat, mask=mask)

    def to_csv(self, path: str | Path, *, mask: bool = True) -> Path:
        """Write :meth:`to_frame` as a CSV file (as :meth:`Analysis.to_csv` does)."""
        return exports.write_table(self, path, mask=mask)

    def to_excel(self, path: str | Path, *, sheets: Any = None) -> Path:
        """Write one workbook: ``temuan`` (every question's findings), ``pertanyaan``, ``skala_nilai`` (a Likert rating's scores), each
        question's sheets with its code in front (``5.22_temuan``, ``5.22_aspek`` …), ``komentar``
        and ``hambatan``; ``sheets`` (a list of those names) writes only them, in that order."""
        return exports.write_workbook(self, lambda: _questions.workbook_sheets(self), path, sheets=sheets)

    def report_context(self, *, lang: str | None = None, title: str | None = None, n_quotes: int = 3) -> dict[str, Any]:
        """Everything the report shows (see :func:`umpanbalik.report.render_html`, key ``pertanyaan``)."""
        return _questions.report_context(self, lang=lang or self.lang, title=title, n_quotes=n_quotes)

    def to_html(self, path: str | Path, *, lang: str | None = None, title: str | None = None) -> Path:
        """Write one self-contained HTML report with a section per question."""
        return exports.write_report(self, path, lang=lang, title=title)

    def _repr_html_(self) -> str:
        from .._display import display_table

        return (f"<p><b>umpanbalik</b>: {len(self):,} baris, {len(self.questions)} pertanyaan terbuka</p>"
                + display_table(self.overview(), self.lang).to_html(index=False))

