"""One call from a survey export to evidence: :func:`analyze` returns an :class:`Analysis`.

``analyze`` cleans every comment, classifies its sentiment, tags the aspects it mentions with their
polarity, flags suggestions and non-answers, codes barriers to attending training when asked, and
fits topics. :class:`Analysis` then answers the evaluator's questions: how many comments say what
(with 95% confidence intervals), which comments show it best, which segments differ, which aspect
goes with lower ratings, why ASN skip training, and what the headline findings are; and it writes
the CSV, Excel and HTML report.

The package, module by module:

* :mod:`~umpanbalik.analysis.run` — :func:`analyze`, the run (reading, annotating, topics);
* :mod:`~umpanbalik.analysis.result` — :class:`Analysis`, thin methods over the modules below;
* :mod:`~umpanbalik.analysis.multi` — :class:`MultiAnalysis`, one :class:`Analysis` per open question
  (``analyze(text=[...])`` or ``text="auto"``), and :mod:`~umpanbalik.analysis.questions`, its exports;
* :mod:`~umpanbalik.analysis.tables` — every count and share, the one source of numbers;
* :mod:`~umpanbalik.analysis.comparison` — chi-square comparisons of segments, rating regression;
* :mod:`~umpanbalik.analysis.findings` — the headline findings, in plain sentences;
* :mod:`~umpanbalik.analysis.exports` — the workbook's sheets and the report's context.

Which comments count in which table is written once, in :mod:`umpanbalik.schema`.
"""
from __future__ import annotations

from ..schema import ANALYSIS_COLUMNS, ASPECTS, SENTIMENTS  # noqa: F401 - importable from here, as before
from .comparison import Comparison
from .multi import MultiAnalysis
from .result import Analysis
from .run import analyze

__all__ = ["analyze", "Analysis", "MultiAnalysis", "Comparison", "ANALYSIS_COLUMNS"]
