"""Charts and word clouds, returned as matplotlib figures.

matplotlib and wordcloud load only when a function here is called. Figures are built with the
object-oriented API on a :class:`~matplotlib.figure.Figure` (no pyplot state), so they render in
notebooks and on machines without a display server, and can be saved with ``fig.savefig``.

The ``plot_*`` functions that read the per-comment frame (``Analysis.comments``) draw a figure with a
"no data" note when there is nothing to show (no rows, no aspect mentioned, no rating), rather than
raise; a missing column is an error that names it. Titles and labels are Indonesian by default and
English with ``lang="en"``.
"""
from __future__ import annotations

import math
import os
import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.utils.validation import check_is_fitted

from ._i18n import Lang, check_lang, label, text
from ._chart_data import (POLARITIES, as_list, aspect_polarity_counts, barrier_shares, ordered, rating_by_aspect,
                     segment_shares)
from ._validation import check_int
from .datasets import ASPECTS

__all__ = [
    "plot_top_terms", "topic_wordcloud", "plot_topic_sizes", "wordcloud_figure", "plot_aspect_sentiment",
    "plot_segment_comparison", "plot_rating_by_aspect", "plot_barriers", "aspect_wordclouds", "sentiment_wordclouds",
]

POLARITY_COLORS = dict(zip(POLARITIES, ("#c53030", "#a0aec0", "#2f855a")))
_MAIN, _GREY = "#2b6cb0", "#cbd5e0"
_LONG_LABEL = 40  # characters of a segment name shown on an axis


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


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
    return name if len(name) <= _LONG_LABEL else name[: _LONG_LABEL - 1] + "…"


def _percent_axis(ax: Any) -> None:
    from matplotlib.ticker import PercentFormatter

    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))


def plot_aspect_sentiment(comments: pd.DataFrame, lang: Lang = "id") -> Any:
    """Stacked horizontal bars: how many comments judge each aspect negatif, netral or positif.

    Each segment is labelled with its count and its share of the aspect's mentions.

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
    title = text("aspect_sentiment_title", lang)
    table = aspect_polarity_counts(comments) if _has_rows(comments, ["aspek", "aspek_sentimen"]) else pd.DataFrame()
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


def plot_segment_comparison(comments: pd.DataFrame, by: str, measure: str = "sentimen", value: Any = "negatif",
                            min_n: int = 30, lang: Lang = "id") -> Any:
    """Share of comments where ``measure`` is ``value``, per segment of ``by``, with 95% Wilson intervals.

    Segments with fewer than ``min_n`` comments are drawn grey and marked ``*``: too few to compare.
    A dashed line shows the share over all comments.

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

    Returns
    -------
    matplotlib.figure.Figure
    """
    check_lang(lang)
    check_int("min_n", min_n, minimum=1)
    shown = value if not isinstance(value, tuple) else " ".join(map(str, value))
    title = text("segment_title", lang, value=shown, measure=label(measure, lang), by=label(by, lang))
    if not _has_rows(comments, [by, measure]):
        return _no_data(_figure(7.5, 2.5), title, lang)
    table = segment_shares(comments, by, measure, value, min_n, lang)
    if table.empty:
        return _no_data(_figure(7.5, 2.5), title, lang)
    fig = _figure(7.5, 0.38 * len(table) + 2.0)
    ax = fig.add_subplot()
    names = [f"{_short(s)} (n={n}){'' if ok else ' *'}" for s, n, ok in zip(table["segmen"], table["n"], table["cukup"])]
    shares = table["porsi"].to_numpy(dtype=float)
    errors = np.vstack([shares - table["ci_bawah"].to_numpy(dtype=float), table["ci_atas"].to_numpy(dtype=float) - shares])
    colors = [_MAIN if ok else _GREY for ok in table["cukup"]]
    bars = ax.barh(names, shares, xerr=errors, color=colors, error_kw={"ecolor": "#4a5568", "capsize": 3, "lw": 1})
    ax.bar_label(bars, labels=[f"{s:.0%}" for s in shares], padding=3, fontsize=8)
    overall = float(table["jumlah"].sum() / table["n"].sum())
    ax.axvline(overall, color="#1a202c", linestyle="--", linewidth=1, label=text("overall", lang, share=f"{overall:.0%}"))
    ax.set_xlim(0, 1)
    _percent_axis(ax)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel(text("share_axis", lang))
    _title(ax, title)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    if not table["cukup"].all():
        fig.text(0.01, 0.005, text("small_n", lang, min_n=min_n), fontsize=7, color="#4a5568")
    return fig


def plot_rating_by_aspect(comments: pd.DataFrame, rating: str, lang: Lang = "id") -> Any:
    """Mean rating (with 95% CI) of comments that judge each aspect negatif, against positif.

    An aspect whose negative comments come with much lower ratings is the one to fix first. The
    dashed line is the mean over every rated comment. Missing ratings are left out.

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
    title = text("rating_title", lang, rating=label(rating, lang))
    table = rating_by_aspect(comments, rating) if _has_rows(comments, ["aspek_sentimen", rating]) else pd.DataFrame()
    if table.empty or (table["n"] == 0).all():
        return _no_data(_figure(7.5, 2.5), title, lang)
    aspects = list(dict.fromkeys(table["aspek"]))
    fig = _figure(7.5, 0.7 * len(aspects) + 1.8)
    ax = fig.add_subplot()
    positions = np.arange(len(aspects), dtype=float)
    for offset, sentiment in ((-0.15, "negatif"), (0.15, "positif")):
        part = table[table["sentimen"] == sentiment].set_index("aspek").loc[aspects]
        means = part["rata_rata"].to_numpy(dtype=float)
        errors = np.nan_to_num(np.vstack([means - part["ci_bawah"].to_numpy(dtype=float),
                                          part["ci_atas"].to_numpy(dtype=float) - means]))
        ax.errorbar(means, positions + offset, xerr=errors, fmt="o", color=POLARITY_COLORS[sentiment], capsize=3,
                    label=label(sentiment, lang))
        for x, y, n in zip(means, positions + offset, part["n"]):
            if n:
                ax.annotate(f"{x:.2f} (n={n})", (x, y), xytext=(6, 3), textcoords="offset points", fontsize=7)
    rated = pd.to_numeric(comments[rating], errors="coerce").astype(float)
    ax.axvline(float(rated.mean()), color="#1a202c", linestyle="--", linewidth=1,
               label=text("overall", lang, share=f"{rated.mean():.2f}"))
    ax.set_yticks(positions, [label(a, lang) for a in aspects])
    ax.invert_yaxis()
    ax.set_xlabel(text("rating_axis", lang, rating=label(rating, lang)))
    _title(ax, title)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.08), ncols=3, frameon=False, fontsize=8)
    return fig


def plot_barriers(comments: pd.DataFrame, lang: Lang = "id", *, answers: str | None = None) -> Any:
    """Share of respondents naming each barrier to training (``hambatan``), with 95% Wilson intervals.

    A respondent may name several barriers. The denominator is the respondents with a non-blank
    answer in the column ``answers`` (the "why not attend" text, as ``Analysis.barriers`` counts
    them), or, without it, the respondents who named at least one barrier.

    Returns
    -------
    matplotlib.figure.Figure
    """
    check_lang(lang)
    title = text("barriers_title", lang)
    columns = ["hambatan"] if answers is None else ["hambatan", answers]
    table = barrier_shares(comments, answers) if _has_rows(comments, columns) else pd.DataFrame()
    if table.empty:
        return _no_data(_figure(7.5, 2.5), title, lang)
    fig = _figure(7.5, 0.42 * len(table) + 1.6)
    ax = fig.add_subplot()
    shares = table["porsi"].to_numpy(dtype=float)
    errors = np.vstack([shares - table["ci_bawah"].to_numpy(dtype=float), table["ci_atas"].to_numpy(dtype=float) - shares])
    bars = ax.barh([label(c, lang) for c in table["hambatan"]], shares, xerr=errors, color=_MAIN,
                   error_kw={"ecolor": "#4a5568", "capsize": 3, "lw": 1})
    ax.bar_label(bars, labels=[f"{s:.0%} ({n})" for s, n in zip(shares, table["jumlah"])], padding=3, fontsize=8)
    ax.set_xlim(0, 1)
    _percent_axis(ax)
    ax.invert_yaxis()
    ax.set_xlabel(text("barriers_axis", lang))
    _title(ax, title)
    return fig


def plot_top_terms(model: Any, topics: Sequence[int] | None = None, n: int = 10, columns: int = 3) -> Any:
    """Horizontal bar charts of each topic's top terms (class-based TF-IDF weights).

    Parameters
    ----------
    model : TopicModel
        A fitted topic model.
    topics : sequence of int, optional
        Which topics; all when omitted.
    n : int, default=10
        Terms per topic.
    columns : int, default=3
        Charts per row.

    Returns
    -------
    matplotlib.figure.Figure
    """
    check_is_fitted(model, "labels_")
    chosen = list(range(model.n_topics_)) if topics is None else list(topics)
    if not chosen:
        raise ValueError("the model has no topics to plot (every comment was non-informative).")
    rows = math.ceil(len(chosen) / columns)
    fig = _figure(4.2 * min(columns, len(chosen)), 2.8 * rows)
    axes = fig.subplots(rows, min(columns, len(chosen)), squeeze=False)
    for ax in axes.ravel()[len(chosen):]:
        ax.set_visible(False)
    for ax, topic in zip(axes.ravel(), chosen):
        terms = model.top_terms(topic, n)
        ax.barh(terms["kata"][::-1], terms["bobot"][::-1], color=_MAIN)
        label_ = model.topics_.loc[model.topics_["topik"] == topic, "label"].iloc[0]
        ax.set_title(f"Topik {topic}: {label_}", fontsize=9)
        ax.tick_params(labelsize=8)
    return fig


def _wordcloud_font() -> str:
    # The font that ships with wordcloud, named explicitly: its FONT_PATH default can be redirected by
    # an environment variable, and nothing may be downloaded.
    import wordcloud

    return os.path.join(os.path.dirname(wordcloud.__file__), "DroidSansMono.ttf")


def wordcloud_figure(frequencies: Mapping[str, float], title: str = "", *, width: int = 800, height: int = 400,
                     random_state: int = 0, lang: Lang = "id") -> Any:
    """A word cloud of ``{word or phrase: weight}`` as a matplotlib figure.

    Uses the font that ships with the ``wordcloud`` package, so nothing is downloaded. Phrases with
    spaces (``"tidak jelas"``) stay whole.
    """
    from wordcloud import WordCloud

    check_lang(lang)
    fig = _figure(width / 100, height / 100 + (0.3 if title else 0))
    ax = fig.add_subplot()
    ax.set_axis_off()
    if title:
        _title(ax, title)
    weights = {str(k): float(v) for k, v in frequencies.items() if v and v > 0 and str(k).strip()}
    if not weights:
        ax.text(0.5, 0.5, text("no_words", lang), ha="center", va="center", transform=ax.transAxes)
        return fig
    cloud = WordCloud(width=width, height=height, background_color="white", random_state=random_state,
                      font_path=_wordcloud_font(), collocations=False, prefer_horizontal=0.95,
                      colormap="Dark2").generate_from_frequencies(weights)
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    return fig


def topic_wordcloud(model: Any, topic: int, n: int = 40) -> Any:
    """A word cloud of one topic's top terms, weighted by class-based TF-IDF."""
    check_is_fitted(model, "labels_")
    terms = model.top_terms(topic, n)
    label_ = model.topics_.loc[model.topics_["topik"] == topic, "label"].iloc[0]
    return wordcloud_figure(dict(zip(terms["kata"], terms["bobot"])), f"Topik {topic}: {label_}")


def plot_topic_sizes(model: Any, lang: Lang = "id") -> Any:
    """Bar chart of how many comments each topic holds, non-answers included as their own bar.

    ``model`` is a fitted :class:`~umpanbalik.TopicModel`, or the per-comment frame with ``topik``
    and ``label_topik`` (topic -1 is the non-answers).
    """
    check_lang(lang)
    if isinstance(model, pd.DataFrame):
        if not _has_rows(model, ["topik", "label_topik"]):
            return _no_data(_figure(7, 2.5), text("topic", lang), lang)
        counts = model.groupby("topik")["label_topik"].agg(["first", "size"])
        topics = counts[counts.index >= 0]
        labels = [f"{t}: {name}" for t, name in zip(topics.index, topics["first"])]
        sizes = list(topics["size"]) + [int(counts.loc[counts.index < 0, "size"].sum())]
    else:
        check_is_fitted(model, "labels_")
        labels = [f"{row.topik}: {row.label}" for row in model.topics_.itertuples()]
        sizes = list(model.topics_["ukuran"]) + [model.n_non_informative_]
    labels.append(text("non_informative", lang))
    fig = _figure(7, 0.45 * len(labels) + 1)
    ax = fig.add_subplot()
    bars = ax.barh([_short(s) for s in labels][::-1], sizes[::-1], color=[_GREY] + [_MAIN] * (len(labels) - 1))
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_xlabel(text("count_axis", lang))
    ax.tick_params(labelsize=8)
    return fig


# -- word clouds from the per-comment frame ------------------------------------------------------------
def _cloud_stopwords() -> frozenset[str]:
    from .lexicon import _topic_stopwords

    return _topic_stopwords() - {"baik"}  # evaluative: a word for the positive cloud, not a stopword


def _terms(doc: str, stop: frozenset[str]) -> set[str]:
    return {t for t in doc.split() if t not in stop and not t.isdigit() and len(t) > 1}


def _cloud_inputs(comments: pd.DataFrame, text_column: str | None,
                  preprocessor: Any) -> tuple[pd.DataFrame, dict[str, str], dict[str, float]]:
    """The informative rows, the stem → written form map learned from their text, and each term's
    inverse document frequency over all of them."""
    from ._surface import surface_forms

    rows = comments
    if "non_informatif" in rows.columns:
        rows = rows[~rows["non_informatif"].fillna(False).astype(bool)]
    cleaned = [c if isinstance(c, str) else "" for c in rows["teks_bersih"]]
    forms: dict[str, str] = {}
    if text_column is not None and text_column in rows.columns and cleaned:
        from ._validation import as_text_list
        from .preprocessing import Preprocessor

        forms = surface_forms(as_text_list(rows[text_column]), cleaned, preprocessor or Preprocessor())
    stop = _cloud_stopwords()
    frequency = Counter(t for doc in cleaned for t in _terms(doc, stop))
    idf = {t: math.log1p(len(cleaned) / n) for t, n in frequency.items()}
    return rows.assign(teks_bersih=cleaned), forms, idf


def _cloud_weights(cleaned: Iterable[str], forms: Mapping[str, str], idf: Mapping[str, float],
                   max_words: int) -> dict[str, float]:
    """Words (stems shown as written, negations as phrases) weighted by how many of these comments
    use them, times log(1 + all comments / comments using them): a word that every comment uses
    ("materi") does not drown the words that set this group apart."""
    from ._surface import readable

    stop = _cloud_stopwords()
    counts = Counter(t for doc in cleaned for t in _terms(doc, stop))
    scored = sorted(((n * idf.get(t, 1.0), t) for t, n in counts.items()), key=lambda p: (-p[0], p[1]))
    weights: dict[str, float] = {}
    for weight, term in scored[:max_words]:
        shown = readable(term, forms)
        weights[shown] = weights.get(shown, 0.0) + weight
    return weights


def aspect_wordclouds(comments: pd.DataFrame, text_column: str | None = "komentar", lang: Lang = "id", *,
                      max_words: int = 60, preprocessor: Any = None) -> dict[str, Any]:
    """One word cloud per aspect mentioned, from the cleaned text of the comments that mention it.

    Stems are shown in their most frequent written form in ``text_column`` (``latih`` →
    ``pelatihan``), negation tokens as phrases (``tidak jelas``); stopwords, request markers and
    intensifiers are left out, and so are non-answers. A word's weight is how many of the group's
    comments use it times log(1 + all comments / comments using it), so that a word nearly every
    comment uses ("materi") does not fill every cloud.

    Parameters
    ----------
    comments : DataFrame
        The per-comment frame, with ``teks_bersih`` and ``aspek``.
    text_column : str or None, default="komentar"
        The original comments, to show stems as written; ``None`` shows stems.
    lang : {"id", "en"}, default="id"
    max_words : int, default=60
    preprocessor : Preprocessor, optional
        The preprocessor that made ``teks_bersih``, when it is not the default one.

    Returns
    -------
    dict
        ``{aspect: Figure}`` in taxonomy order; empty when no aspect is mentioned. The report's
        context names them ``awan_aspek_<aspect>``.
    """
    check_lang(lang)
    check_int("max_words", max_words, minimum=1)
    if not _has_rows(comments, ["teks_bersih", "aspek"]):
        return {}
    return _aspect_clouds(_cloud_inputs(comments, text_column, preprocessor), lang, max_words)


def _aspect_clouds(inputs: tuple[pd.DataFrame, dict[str, str], dict[str, float]], lang: Lang, max_words: int) -> dict[str, Any]:
    rows, forms, idf = inputs
    lists = [as_list(v) for v in rows["aspek"]]
    figures = {}
    for aspect in ordered({a for v in lists for a in v}, ASPECTS):
        docs = [doc for doc, v in zip(rows["teks_bersih"], lists) if aspect in v]
        figures[aspect] = wordcloud_figure(_cloud_weights(docs, forms, idf, max_words),
                                           text("cloud_aspect", lang, name=label(aspect, lang)), lang=lang)
    return figures


def sentiment_wordclouds(comments: pd.DataFrame, text_column: str | None = "komentar", lang: Lang = "id", *,
                         sentiments: Sequence[str] = ("negatif", "positif"), max_words: int = 60,
                         preprocessor: Any = None) -> dict[str, Any]:
    """One word cloud per comment sentiment (negatif and positif by default); see :func:`aspect_wordclouds`.

    Returns
    -------
    dict
        ``{sentiment: Figure}`` for the sentiments that occur; the report's context names them
        ``awan_sentimen_<sentiment>``.
    """
    check_lang(lang)
    check_int("max_words", max_words, minimum=1)
    if not _has_rows(comments, ["teks_bersih", "sentimen"]):
        return {}
    return _sentiment_clouds(_cloud_inputs(comments, text_column, preprocessor), lang, max_words, sentiments)


def _sentiment_clouds(inputs: tuple[pd.DataFrame, dict[str, str], dict[str, float]], lang: Lang, max_words: int,
                      sentiments: Sequence[str] = ("negatif", "positif")) -> dict[str, Any]:
    rows, forms, idf = inputs
    figures = {}
    for sentiment in sentiments:
        docs = rows.loc[rows["sentimen"] == sentiment, "teks_bersih"]
        if len(docs):
            figures[sentiment] = wordcloud_figure(_cloud_weights(docs, forms, idf, max_words),
                                                  text("cloud_sentiment", lang, name=label(sentiment, lang)), lang=lang)
    return figures


def report_wordclouds(comments: pd.DataFrame, text_column: str | None = "komentar",
                      lang: Lang = "id") -> tuple[dict[str, Any], dict[str, Any]]:
    """:func:`aspect_wordclouds` and :func:`sentiment_wordclouds` with their defaults, from one pass
    over the comments (the surface forms are learned once for both)."""
    check_lang(lang)
    if not _has_rows(comments, ["teks_bersih", "aspek", "sentimen"]):
        return aspect_wordclouds(comments, text_column, lang), sentiment_wordclouds(comments, text_column, lang)
    inputs = _cloud_inputs(comments, text_column, None)
    return _aspect_clouds(inputs, lang, 60), _sentiment_clouds(inputs, lang, 60)
