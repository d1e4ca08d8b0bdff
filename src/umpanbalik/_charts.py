"""The charts of the computed tables: each ``draw_*`` function draws one table of
:mod:`umpanbalik.analysis.tables` (rows in the table's order), and each ``plot_*`` function computes
that table from the per-comment frame first. :mod:`umpanbalik.plots` is where users find them.
"""
from __future__ import annotations

import textwrap
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from sklearn.utils.validation import check_is_fitted

from ._format import count, decimal
from ._i18n import Lang, check_lang, label, text, theme_label
from ._validation import check_int
from .analysis.tables import (aspect_polarity_counts, barrier_table, mean_rating, polarity_columns, rating_by_aspect,
                              segment_shares, sentiment_table, topic_table)
from .schema import POLARITIES

__all__ = ["plot_sentiment", "plot_aspect_sentiment", "plot_segment_comparison", "plot_rating_by_aspect", "plot_barriers",
           "plot_topic_sizes", "draw_sentiment", "draw_aspect_sentiment", "draw_segment_comparison",
           "draw_rating_by_aspect", "draw_barriers", "draw_topic_sizes", "POLARITY_COLORS"]

POLARITY_COLORS = dict(zip(POLARITIES, ("#c53030", "#a0aec0", "#2f855a")))
_MAIN, _GREY = "#2b6cb0", "#cbd5e0"
_LONG_LABEL = 40  # characters of a segment name shown on an axis
_MAX_BARS = 40  # segments drawn in a comparison, in the table's order (a column of free text made 1,783 bars)


def _figure(width: float, height: float) -> Any:
    from ._figure import NotebookFigure  # shows itself in Jupyter without pyplot

    return NotebookFigure(figsize=(width, height), layout="constrained")


def _no_data(fig: Any, title: str, lang: str) -> Any:
    ax = fig.axes[0] if fig.axes else fig.add_subplot()
    ax.set_axis_off()
    _title(ax, title)
    ax.text(0.5, 0.5, text("no_data", lang), ha="center", va="center", color="#718096", transform=ax.transAxes)
    return fig


def _has_rows(comments: Any, columns: Sequence[str]) -> bool:
    """False for an empty frame; raise when a non-empty frame lacks a column the chart reads."""
    if not isinstance(comments, pd.DataFrame):
        raise TypeError(f"`comments` must be the per-comment DataFrame (Analysis.comments), got {type(comments).__name__}.")
    if len(comments) == 0:
        return False
    missing = [c for c in columns if c not in comments.columns]
    if missing:
        available = ", ".join(repr(str(c)) for c in comments.columns)
        raise ValueError(f"`comments` has no column {missing[0]!r}. Available columns: {available}.")
    return True


def _title(ax: Any, title: str) -> None:
    ax.set_title(textwrap.fill(title, 80), fontsize=10)


def _short(name: str) -> str:
    """A name from the data (a segment, a topic's label, a column's header) as an axis or title shows
    it: at most :data:`_LONG_LABEL` characters, and "?" for each character the charts' font cannot
    draw (an emoji, a control character of a badly decoded export: matplotlib drew an empty box and
    warned on the user's terminal, "Glyph 157 (\\x9d) missing from font(s) DejaVu Sans")."""
    name = name if len(name) <= _LONG_LABEL else name[: _LONG_LABEL - 1] + "…"
    if name.isascii() and name.isprintable():
        return name
    drawable = _font_chars()
    return "".join(ch if ord(ch) in drawable else "?" for ch in name)


@lru_cache(maxsize=1)
def _font_chars() -> frozenset[int]:
    """The characters of the font the charts' text is drawn in (matplotlib's default sans-serif)."""
    from matplotlib import font_manager

    return frozenset(font_manager.get_font(font_manager.findfont(font_manager.FontProperties())).get_charmap())


def _percent_axis(ax: Any) -> None:
    from matplotlib.ticker import PercentFormatter

    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))


def _share_bars(ax: Any, table: pd.DataFrame, names: list[str], colors: Any, xlabel: str, title: str) -> None:
    """Horizontal bars of a table's ``porsi`` with its 95% interval (``ci_bawah``–``ci_atas``) as error
    bars, each labelled "35% (120)" with ``jumlah``; first row on top, shares from 0 to 100%."""
    shares = table["porsi"].to_numpy(dtype=float)
    errors = np.vstack([shares - table["ci_bawah"].to_numpy(dtype=float), table["ci_atas"].to_numpy(dtype=float) - shares])
    bars = ax.barh(names, shares, xerr=errors, color=colors, error_kw={"ecolor": "#4a5568", "capsize": 3, "lw": 1})
    ax.bar_label(bars, labels=[f"{p:.0%} ({n})" for p, n in zip(shares, table["jumlah"])], padding=3, fontsize=8)
    ax.set_xlim(0, 1)
    _percent_axis(ax)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    _title(ax, title)


def draw_sentiment(table: pd.DataFrame, lang: Lang = "id") -> Any:
    """Overall sentiment: the share of each sentiment with its 95% interval, one bar per row of
    ``table`` (:func:`umpanbalik.analysis.tables.sentiment_table`), in its order.

    Examples
    --------
    >>> from umpanbalik.analysis.tables import sentiment_table
    >>> fig = draw_sentiment(sentiment_table(pd.DataFrame({"sentimen": ["positif", "positif", "negatif"]})))
    >>> [round(float(p.get_width()), 3) for p in fig.axes[0].patches]
    [0.333, 0.0, 0.667]
    """
    check_lang(lang)
    title = text("sentiment_title", lang, n=count(int(table.attrs.get("n") or table["jumlah"].sum()), lang))
    if table.empty or table["jumlah"].sum() == 0:
        return _no_data(_figure(7.5, 2.5), title, lang)
    fig = _figure(7.5, 0.5 * len(table) + 1.4)
    _share_bars(fig.add_subplot(), table, [label(s, lang) for s in table.index],
                [POLARITY_COLORS.get(s, _MAIN) for s in table.index], text("share_informative_axis", lang), title)
    return fig


def plot_sentiment(comments: pd.DataFrame, lang: Lang = "id") -> Any:
    """Overall sentiment of the informative comments with 95% intervals (see :func:`draw_sentiment`)."""
    check_lang(lang)
    if not _has_rows(comments, ["sentimen"]):
        return _no_data(_figure(7.5, 2.5), text("sentiment_title", lang, n="0"), lang)
    return draw_sentiment(sentiment_table(comments), lang)


def draw_aspect_sentiment(table: pd.DataFrame, lang: Lang = "id") -> Any:
    """Stacked bars of an aspect × polarity count table (an :func:`~umpanbalik.analysis.tables.aspect_table`
    or its polarity columns): one bar per row, in the table's order, one segment per polarity."""
    check_lang(lang)
    title = text("aspect_sentiment_title", lang)
    if "disebut" in table.columns:
        table = table[polarity_columns(table)]
    fig = _figure(7.5, 0.55 * len(table) + 1.8)
    if table.empty or table.to_numpy().sum() == 0:
        return _no_data(fig, title, lang)
    ax = fig.add_subplot()
    names = [label(a, lang) for a in table.index]
    totals = table.sum(axis=1).to_numpy()
    left = np.zeros(len(table))
    for polarity in table.columns:
        values = table[polarity].to_numpy()
        bars = ax.barh(names, values, left=left, color=POLARITY_COLORS.get(polarity, _MAIN), label=label(polarity, lang))
        wide = values >= 0.06 * totals.max()
        ax.bar_label(bars, labels=[f"{v} ({v / t:.0%})" if w else "" for v, t, w in zip(values, totals, wide)],
                     label_type="center", fontsize=8, color="white")
        left += values
    ax.invert_yaxis()
    ax.set_xlabel(text("count_axis", lang))
    _title(ax, title)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.08), ncols=len(table.columns), frameon=False, fontsize=8)
    return fig


def plot_aspect_sentiment(comments: pd.DataFrame, lang: Lang = "id") -> Any:
    """Stacked horizontal bars: how many informative comments judge each aspect negatif, netral or positif.

    Each segment is labelled with its count and its share of the aspect's mentions; the numbers are
    :func:`umpanbalik.analysis.tables.aspect_table`'s (an aspect without a polarity counts as netral).

    Parameters
    ----------
    comments : DataFrame
        The per-comment frame, with ``aspek`` (list) and ``aspek_sentimen`` (dict aspect → polarity).
    lang : {"id", "en"}, default="id"

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> frame = pd.DataFrame({"aspek": [["materi"], ["materi", "waktu"]],
    ...                       "aspek_sentimen": [{"materi": "positif"}, {"materi": "positif", "waktu": "negatif"}]})
    >>> fig = plot_aspect_sentiment(frame)
    >>> [c.get_label() for c in fig.axes[0].containers]
    ['negatif', 'netral', 'positif']
    """
    check_lang(lang)
    table = aspect_polarity_counts(comments) if _has_rows(comments, ["aspek", "aspek_sentimen"]) else pd.DataFrame()
    return draw_aspect_sentiment(table, lang)


def draw_segment_comparison(table: pd.DataFrame, by: Any, measure: str = "sentimen", value: Any = "negatif",
                            min_n: int = 30, lang: Lang = "id") -> Any:
    """Draw a :func:`~umpanbalik.analysis.tables.segment_shares` table: one bar per segment, in its order."""
    check_lang(lang)
    shown = value if not isinstance(value, tuple) else " ".join(map(str, value))
    gloss = f" ({label(shown, lang)})" if lang == "en" and label(shown, lang) != str(shown) else ""  # the label, in English
    title = text("segment_title", lang, value=shown, gloss=gloss, measure=label(measure, lang), by=_short(label(by, lang)))
    if table.empty:
        return _no_data(_figure(7.5, 2.5), title, lang)
    hidden = max(0, len(table) - _MAX_BARS)
    overall = float(table.attrs.get("porsi", table["jumlah"].sum() / table["n"].sum()))  # each comment once, of all segments
    table = table.head(_MAX_BARS)
    fig = _figure(7.5, 0.38 * len(table) + 2.0)
    ax = fig.add_subplot()
    names = [f"{_short(s)} (n={n}){'' if ok else ' *'}" for s, n, ok in zip(table["segmen"], table["n"], table["cukup"])]
    shares = table["porsi"].to_numpy(dtype=float)
    errors = np.vstack([shares - table["ci_bawah"].to_numpy(dtype=float), table["ci_atas"].to_numpy(dtype=float) - shares])
    colors = [_MAIN if ok else _GREY for ok in table["cukup"]]
    bars = ax.barh(names, shares, xerr=errors, color=colors, error_kw={"ecolor": "#4a5568", "capsize": 3, "lw": 1})
    ax.bar_label(bars, labels=[f"{s:.0%}" for s in shares], padding=3, fontsize=8)
    ax.axvline(overall, color="#1a202c", linestyle="--", linewidth=1, label=text("overall", lang, share=f"{overall:.0%}"))
    ax.set_xlim(0, 1)
    _percent_axis(ax)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel(text("share_axis", lang))
    _title(ax, title)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    footnotes = ([text("small_n", lang, min_n=min_n)] if not table["cukup"].all() else []) + (
        [text("more_bars", lang, n=count(hidden, lang))] if hidden else [])
    if footnotes:
        fig.text(0.01, 0.005, "; ".join(footnotes), fontsize=7, color="#4a5568")
    return fig


def plot_segment_comparison(comments: pd.DataFrame, by: str, measure: str = "sentimen", value: Any = "negatif",
                            min_n: int = 30, lang: Lang = "id", answers: str | None = None) -> Any:
    """Share of comments where ``measure`` is ``value``, per segment of ``by``, with 95% Wilson intervals.

    Segments with fewer than ``min_n`` comments are drawn grey and marked ``*``: too few to compare.
    A dashed line shows the share over all comments. The numbers are
    :func:`umpanbalik.analysis.tables.segment_shares`'s (informative comments only; with ``measure="hambatan"``,
    the respondents who answered the why-not question).

    Parameters
    ----------
    comments : DataFrame
        The per-comment frame.
    by : str
        The column that defines the segments (``instansi``, ``angkatan``, ``program`` …).
    measure : str, default="sentimen"
        The column compared: a label column (``sentimen``), a flag (``saran`` with ``value=True``), a
        list column (``aspek``, ``hambatan``: ``value`` is one of its items) or ``aspek_sentimen``
        (``value=("waktu", "negatif")``).
    value : default="negatif"
    min_n : int, default=30
    lang : {"id", "en"}, default="id"
    answers : str, optional
        With ``measure="hambatan"``, the column of the why-not answers: the respondents who answered it
        are the base (as in :func:`umpanbalik.analysis.tables.barrier_table`), not every row.

    Returns
    -------
    matplotlib.figure.Figure
    """
    check_lang(lang)
    check_int("min_n", min_n, minimum=1)
    if not _has_rows(comments, [by, measure]):
        return draw_segment_comparison(pd.DataFrame(), by, measure, value, min_n, lang)
    shares = segment_shares(comments, by, measure, value, min_n, lang, answers=answers)
    return draw_segment_comparison(shares, by, measure, value, min_n, lang)


def draw_rating_by_aspect(table: pd.DataFrame, rating: Any, *, overall: float = float("nan"), lang: Lang = "id") -> Any:
    """Draw a :func:`~umpanbalik.analysis.tables.rating_by_aspect` table: for each aspect in its order
    (rows ``semua`` left out), the mean rating of its negatif and positif mentions with 95% intervals;
    ``overall`` (the mean of every rated row) is the dashed line."""
    check_lang(lang)
    title = text("rating_title", lang, rating=_short(label(rating, lang)))  # a form's header can be a sentence
    if not table.empty:
        table = table[(table["aspek"] != "semua") & table["polaritas"].isin(["negatif", "positif"])]
    if table.empty or (table["n"] == 0).all():
        return _no_data(_figure(7.5, 2.5), title, lang)
    aspects = list(dict.fromkeys(table["aspek"]))
    fig = _figure(7.5, 0.7 * len(aspects) + 1.8)
    ax = fig.add_subplot()
    positions = np.arange(len(aspects), dtype=float)
    for offset, sentiment in ((-0.15, "negatif"), (0.15, "positif")):
        part = table[table["polaritas"] == sentiment].set_index("aspek").reindex(aspects)
        means = part["rata_rata"].to_numpy(dtype=float)
        errors = np.nan_to_num(np.vstack([means - part["ci_bawah"].to_numpy(dtype=float),
                                          part["ci_atas"].to_numpy(dtype=float) - means]))
        ax.errorbar(means, positions + offset, xerr=errors, fmt="o", color=POLARITY_COLORS[sentiment], capsize=3,
                    label=label(sentiment, lang))
        for x, y, n in zip(means, positions + offset, part["n"].fillna(0).astype(int)):
            if n:
                ax.annotate(f"{decimal(x, lang)} (n={count(n, lang)})", (x, y), xytext=(6, 3), textcoords="offset points", fontsize=7)
    if np.isfinite(overall):
        ax.axvline(overall, color="#1a202c", linestyle="--", linewidth=1, label=text("overall", lang, share=decimal(overall, lang)))
    ax.set_yticks(positions, [label(a, lang) for a in aspects])
    ax.invert_yaxis()
    ax.set_xlabel(text("rating_axis", lang, rating=_short(label(rating, lang))))
    _title(ax, title)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.08), ncols=3, frameon=False, fontsize=8)
    return fig


def plot_rating_by_aspect(comments: pd.DataFrame, rating: str, lang: Lang = "id") -> Any:
    """Mean rating (with 95% CI) of comments that judge each aspect negatif, against positif.

    An aspect whose negative comments come with much lower ratings is the one to fix first. The
    dashed line is the mean over every rated row. Missing ratings are left out; the numbers are
    :func:`umpanbalik.analysis.tables.rating_by_aspect`'s (informative comments).

    Parameters
    ----------
    comments : DataFrame
        The per-comment frame, with ``aspek_sentimen`` and the rating column.
    rating : str
        The name of the numeric rating column (e.g. a 1–5 Likert ``nilai``).
    lang : {"id", "en"}, default="id"

    Returns
    -------
    matplotlib.figure.Figure
    """
    check_lang(lang)
    if not _has_rows(comments, ["aspek_sentimen", rating]):
        return draw_rating_by_aspect(pd.DataFrame(), rating, lang=lang)
    return draw_rating_by_aspect(rating_by_aspect(comments, rating), rating, overall=mean_rating(comments, rating)[0], lang=lang)


def draw_barriers(table: pd.DataFrame, lang: Lang = "id") -> Any:
    """Draw a :func:`~umpanbalik.analysis.tables.barrier_table`: one bar per barrier named, in its order."""
    check_lang(lang)
    title = text("barriers_title", lang)
    if not table.empty:
        table = table[table["jumlah"] > 0]
    if table.empty:
        return _no_data(_figure(7.5, 2.5), title, lang)
    fig = _figure(7.5, 0.42 * len(table) + 1.6)
    _share_bars(fig.add_subplot(), table, [label(c, lang) for c in table.index], _MAIN, text("barriers_axis", lang), title)
    return fig


def plot_barriers(comments: pd.DataFrame, lang: Lang = "id", *, answers: str | None = None) -> Any:
    """Share of respondents naming each barrier to training (``hambatan``), with 95% Wilson intervals.

    A respondent may name several barriers. The denominator is the respondents with a non-blank
    answer in the column ``answers`` (the "why not attend" text, as ``Analysis.barriers`` counts
    them), or, without it, the respondents who named at least one barrier. The numbers are
    :func:`umpanbalik.analysis.tables.barrier_table`'s.

    Returns
    -------
    matplotlib.figure.Figure
    """
    check_lang(lang)
    columns = ["hambatan"] if answers is None else ["hambatan", answers]
    table = barrier_table(comments, answers) if _has_rows(comments, columns) else pd.DataFrame()
    return draw_barriers(table, lang)


def draw_topic_sizes(table: pd.DataFrame, lang: Lang = "id", *, without_topic: int | None = None) -> Any:
    """Draw a topic table (``topik``, ``label``, ``ukuran``): one bar per topic in the table's order,
    top down, then a grey bar for the comments without a topic (``without_topic``, by default the
    table's ``attrs["tanpa_topik"]``: the non-answers)."""
    check_lang(lang)
    if without_topic is None:
        without_topic = int(table.attrs.get("tanpa_topik", 0))
    labels = [f"{row.topik}: {theme_label(row.label, lang)}" for row in table.itertuples()] + [text("non_informative", lang)]
    sizes = [int(v) for v in table["ukuran"]] + [int(without_topic)] if len(table) else [int(without_topic)]
    fig = _figure(7, 0.45 * len(labels) + 1)
    ax = fig.add_subplot()
    bars = ax.barh([_short(s) for s in labels][::-1], sizes[::-1], color=[_GREY] + [_MAIN] * (len(labels) - 1))
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_xlabel(text("count_axis", lang))
    ax.tick_params(labelsize=8)
    return fig


def plot_topic_sizes(model: Any, lang: Lang = "id") -> Any:
    """Bar chart of how many comments each topic holds, non-answers included as their own bar.

    ``model`` is a fitted :class:`~umpanbalik.TopicModel` (topics in the order of its ``topics_``),
    or the per-comment frame with ``topik`` and ``label_topik`` (topic -1 is the non-answers;
    largest topic first, as :func:`umpanbalik.analysis.tables.topic_table` lists them).
    """
    check_lang(lang)
    if isinstance(model, pd.DataFrame):
        if not _has_rows(model, ["topik", "label_topik"]):
            return _no_data(_figure(7, 2.5), text("topic", lang), lang)
        return draw_topic_sizes(topic_table(model), lang)
    check_is_fitted(model, "labels_")
    return draw_topic_sizes(model.topics_, lang, without_topic=model.n_non_informative_)
