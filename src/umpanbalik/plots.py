"""Charts and word clouds, returned as matplotlib figures.

matplotlib and wordcloud load only when a function here is called. Figures are built with the
object-oriented API on a :class:`~matplotlib.figure.Figure` (no pyplot state), so they render in
notebooks and on machines without a display server, and can be saved with ``fig.savefig``.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from sklearn.utils.validation import check_is_fitted

__all__ = ["plot_top_terms", "topic_wordcloud", "plot_topic_sizes", "wordcloud_figure"]


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


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
        ax.barh(terms["kata"][::-1], terms["bobot"][::-1], color="#2b6cb0")
        label = model.topics_.loc[model.topics_["topik"] == topic, "label"].iloc[0]
        ax.set_title(f"Topik {topic}: {label}", fontsize=9)
        ax.tick_params(labelsize=8)
    return fig


def wordcloud_figure(frequencies: Mapping[str, float], title: str = "", *, width: int = 800, height: int = 400,
                     random_state: int = 0) -> Any:
    """A word cloud of ``{word or phrase: weight}`` as a matplotlib figure.

    Uses the font that ships with the ``wordcloud`` package, so nothing is downloaded. Phrases with
    spaces (``"tidak jelas"``) stay whole.
    """
    from wordcloud import WordCloud

    fig = _figure(width / 100, height / 100 + (0.3 if title else 0))
    ax = fig.add_subplot()
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=10)
    weights = {str(k): float(v) for k, v in frequencies.items() if v and v > 0}
    if not weights:
        ax.text(0.5, 0.5, "(tidak ada kata)", ha="center", va="center")
        return fig
    cloud = WordCloud(width=width, height=height, background_color="white", random_state=random_state,
                      collocations=False, prefer_horizontal=0.95).generate_from_frequencies(weights)
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    return fig


def topic_wordcloud(model: Any, topic: int, n: int = 40) -> Any:
    """A word cloud of one topic's top terms, weighted by class-based TF-IDF."""
    check_is_fitted(model, "labels_")
    terms = model.top_terms(topic, n)
    label = model.topics_.loc[model.topics_["topik"] == topic, "label"].iloc[0]
    return wordcloud_figure(dict(zip(terms["kata"], terms["bobot"])), f"Topik {topic}: {label}")


def plot_topic_sizes(model: Any) -> Any:
    """Bar chart of how many comments each topic holds, non-answers included as their own bar."""
    check_is_fitted(model, "labels_")
    labels = [f"{row.topik}: {row.label}" for row in model.topics_.itertuples()] + ["non-informatif"]
    sizes = list(model.topics_["ukuran"]) + [model.n_non_informative_]
    fig = _figure(7, 0.45 * len(labels) + 1)
    ax = fig.add_subplot()
    ax.barh(labels[::-1], sizes[::-1], color=["#a0aec0"] + ["#2b6cb0"] * (len(labels) - 1))
    ax.set_xlabel("jumlah komentar")
    ax.tick_params(labelsize=8)
    return fig
