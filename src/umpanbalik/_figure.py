"""The figure every chart of umpanbalik is drawn on: a matplotlib :class:`~matplotlib.figure.Figure`
that shows itself in Jupyter.

The charts are built without pyplot (no global state, no display server needed). A plain Figure
made that way shows only ``<Figure size 750x400 with 1 Axes>`` in a notebook unless pyplot's inline
backend was set up first (``import matplotlib.pyplot``); this one gives Jupyter its PNG itself.
Imported only when a chart is drawn, so that importing umpanbalik does not load matplotlib.
"""
from __future__ import annotations

import io

from matplotlib.figure import Figure

__all__ = ["NotebookFigure"]


class NotebookFigure(Figure):
    """A matplotlib Figure with ``_repr_png_``: Jupyter shows the chart when it is a cell's value.

    Examples
    --------
    >>> figure = NotebookFigure(figsize=(1, 1))
    >>> figure._repr_png_()[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=100, facecolor="white")
        return buffer.getvalue()
