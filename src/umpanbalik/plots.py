"""Charts and word clouds, returned as matplotlib figures.

matplotlib and wordcloud load only when a function here is called. Figures are built with the
object-oriented API on a :class:`~matplotlib.figure.Figure` (no pyplot state), so they render in
notebooks and on machines without a display server, and can be saved with ``fig.savefig``.

Each chart draws one computed table of :mod:`umpanbalik.analysis.tables` and nothing else: a
``plot_*`` function computes the table from the per-comment frame (``Analysis.comments``) and hands
it to its ``draw_*`` function, which the report calls with the very table it prints beside the chart
(same numbers, same order); those chart functions live in :mod:`umpanbalik._charts`. The
``plot_*`` functions draw a figure with a "no data" note when there is nothing to show (no rows, no
aspect mentioned, no rating), rather than raise; a missing column is an error that names it. Titles and labels are Indonesian by default and
English with ``lang="en"``.
"""
from __future__ import annotations

import math
import os
from collections import Counter
from functools import lru_cache
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
from sklearn.utils.validation import check_is_fitted

from ._charts import (_MAIN, POLARITY_COLORS, _figure, _has_rows, _title, draw_aspect_sentiment, draw_barriers,
                      draw_rating_by_aspect, draw_segment_comparison, draw_sentiment, draw_topic_sizes, plot_aspect_sentiment,
                      plot_barriers, plot_rating_by_aspect, plot_segment_comparison, plot_sentiment, plot_topic_sizes)
from ._i18n import Lang, check_lang, label, text
from ._validation import check_int
from .analysis._columns import as_list
from .schema import ASPECTS, ordered

__all__ = [
    "plot_top_terms", "topic_wordcloud", "plot_topic_sizes", "wordcloud_figure", "plot_sentiment", "plot_aspect_sentiment",
    "plot_segment_comparison", "plot_rating_by_aspect", "plot_barriers", "aspect_wordclouds", "sentiment_wordclouds",
    "draw_sentiment", "draw_aspect_sentiment", "draw_segment_comparison", "draw_rating_by_aspect", "draw_barriers",
    "draw_topic_sizes", "POLARITY_COLORS",
]


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


def _cloud(weights: Mapping[str, float], width: int, height: int, random_state: int) -> Any:
    """The laid-out cloud. The largest font is set (three tenths of the height), not searched for:
    wordcloud otherwise lays the cloud out twice to find it, which took 60% of a report's clouds."""
    from wordcloud import WordCloud

    return WordCloud(width=width, height=height, background_color="white", random_state=random_state,
                     font_path=_wordcloud_font(), collocations=False, prefer_horizontal=0.95, colormap="Dark2",
                     max_font_size=max(10, int(0.3 * height))).generate_from_frequencies(weights)


def wordcloud_figure(frequencies: Mapping[str, float], title: str = "", *, width: int = 800, height: int = 400,
                     random_state: int = 0, lang: Lang = "id") -> Any:
    """A word cloud of ``{word or phrase: weight}`` as a matplotlib figure.

    Uses the font that ships with the ``wordcloud`` package, so nothing is downloaded. Phrases with
    spaces (``"tidak jelas"``) stay whole.
    """

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
    cloud = _cloud(weights, width, height, random_state)
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    return fig


def topic_wordcloud(model: Any, topic: int, n: int = 40) -> Any:
    """A word cloud of one topic's top terms, weighted by class-based TF-IDF."""
    check_is_fitted(model, "labels_")
    terms = model.top_terms(topic, n)
    label_ = model.topics_.loc[model.topics_["topik"] == topic, "label"].iloc[0]
    return wordcloud_figure(dict(zip(terms["kata"], terms["bobot"])), f"Topik {topic}: {label_}")


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


#: The words each aspect's own cloud leaves out besides the generic ones: its name.
_ASPECT_NAMES = {"materi": {"materi"}, "metode": {"metode"}, "relevansi": {"relevansi", "relevan"},
                 "waktu": {"waktu"}}
_PHRASE_MIN = 3  # comments that must share a phrase for it to be one item of a cloud
_PHRASE_SHARE = 0.6  # ... and the share of its rarer word's comments that use it


#: Words of thanks: shown as the phrase "terima kasih", never beside another word, never in the cloud of
#: complaints. ("kasih" alone is not one: "pilih kasih", favouritism, is a complaint.)
_THANKS = frozenset({"terima", "terimakasih", "makasih", "trimakasih", "thanks", "thank", "matur", "nuwun"})


def _thanks_fragment(parts: list[set[str]]) -> bool:
    """Whether a cloud term is a piece of thanks: a word of thanks beside another word ("kasih ilmu" of
    "terima kasih ilmunya", "terima materi"), or "kasih" cut from it; "terima kasih" itself is not."""
    if len(parts) == 2 and parts[0] & {"terima"} and parts[1] & {"kasih"}:
        return False
    thanking = [bool(p & _THANKS) for p in parts]
    return (any(thanking) and not all(thanking)) or bool(parts[0] & {"kasih"})


@lru_cache(maxsize=1)
def _generic_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that set no group apart (``resources/tema_kata.tsv``): the people, the course and the
    setting (dosen, materi, pelatihan, kelas …), forms of address and light words (``umum``,
    ``sapaan``, ``stop``), never shown; and the words of wishes and thanks (``harapan``: "semoga",
    "harus", "mohon"), not shown alone ("terima kasih" is shown, as one phrase)."""
    from ._keyphrases import _roles

    roles = _roles()
    never = frozenset(w for w, r in roles.items() if r in {"umum", "sapaan", "stop"})
    alone = frozenset(w for w, r in roles.items() if r == "harapan")
    return never, alone


def _cloud_terms(doc: str, stop: frozenset[str]) -> tuple[set[str], set[str]]:
    """A comment's words and its two-word sequences (words next to each other once stopwords are out)."""
    words = [t for t in doc.split() if t not in stop and not t.isdigit() and len(t) > 1]
    return set(words), {f"{a} {b}" for a, b in zip(words, words[1:]) if a != b}


def _cloud_weights(cleaned: Iterable[str], forms: Mapping[str, str], idf: Mapping[str, float],
                   max_words: int, exclude: frozenset[str] = frozenset()) -> dict[str, float]:
    """Words and phrases (stems shown as written, negations as phrases) weighted by how many of these
    comments use them, times log(1 + all comments / comments using them): a word that every comment
    uses does not drown the words that set this group apart.

    A two-word sequence that at least ``_PHRASE_MIN`` comments share, and that most comments holding
    its rarer word use (``_PHRASE_SHARE``), is one item ("terima kasih", "jam pelajaran"); its words
    then count only where they stand outside it. Generic words (:func:`_generic_words`) and
    ``exclude`` (an aspect's own name) are never shown, alone or in a phrase of only such words;
    wishes ("semoga", "harus") not alone."""
    from ._surface import readable

    stop = _cloud_stopwords()
    never, alone = _generic_words()
    generic = never | exclude
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    documents = []
    for doc in cleaned:
        single, double = _cloud_terms(doc, stop)
        words.update(single)
        pairs.update(double)
        documents.append((single, double))
    phrases = {p for p, n in pairs.items()
               if n >= _PHRASE_MIN and n >= _PHRASE_SHARE * min(words[w] for w in p.split())}
    counts: Counter[str] = Counter()
    for single, double in documents:
        found = double & phrases
        inside = {w for p in found for w in p.split()}
        counts.update(found)
        counts.update(single - inside)

    def shown_words(term: str) -> list[str]:
        return [w for part in term.split() for w in (part, forms.get(part, part)) if w]

    def weight_of(term: str, n: int) -> float:
        parts = term.split()
        return n * (min(idf.get(p, 1.0) for p in parts) if len(parts) > 1 else idf.get(term, 1.0))

    def hidden(term: str) -> bool:
        parts = [{w.lower() for w in shown_words(part)} for part in term.split()]
        if len(parts) == 1 and parts[0] & alone:
            return True
        if _thanks_fragment(parts):
            return True
        return any(p & exclude for p in parts) or all(p & generic for p in parts)

    scored = sorted(((weight_of(t, n), t) for t, n in counts.items() if not hidden(t)), key=lambda p: (-p[0], p[1]))
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


def _aspect_clouds(inputs: tuple[pd.DataFrame, dict[str, str], dict[str, float]], lang: Lang, max_words: int,
                   render: Any = None) -> dict[str, Any]:
    render = render or (lambda weights, title: wordcloud_figure(weights, title, lang=lang))
    rows, forms, idf = inputs
    lists = [as_list(v) for v in rows["aspek"]]
    figures = {}
    for aspect in ordered({a for v in lists for a in v}, ASPECTS):
        docs = [doc for doc, v in zip(rows["teks_bersih"], lists) if aspect in v]
        figures[aspect] = render(_cloud_weights(docs, forms, idf, max_words, frozenset(_ASPECT_NAMES.get(aspect, {aspect}))),
                                 text("cloud_aspect", lang, name=label(aspect, lang)))
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
                      sentiments: Sequence[str] = ("negatif", "positif"), render: Any = None) -> dict[str, Any]:
    from .lexicon import _polarity

    render = render or (lambda weights, title: wordcloud_figure(weights, title, lang=lang))
    rows, forms, idf = inputs
    # the other side's strong words are not what sets a group apart: negative comments often concede
    # first ("materi bagus, tapi …"), and "bagus" large in the cloud of complaints misleads
    strong = {polarity: frozenset(w for w, (p, strength) in _polarity().items() if p == polarity and strength >= 2)
              for polarity in ("negatif", "positif")}
    # and thanks that close a complaint ("… mohon diperbaiki, terima kasih") are a formula, not the complaint
    opposite = {"negatif": strong["positif"] | _THANKS, "positif": strong["negatif"]}
    figures = {}
    for sentiment in sentiments:
        docs = rows.loc[rows["sentimen"] == sentiment, "teks_bersih"]
        if len(docs):
            figures[sentiment] = render(_cloud_weights(docs, forms, idf, max_words, exclude=opposite.get(sentiment, frozenset())),
                                        text("cloud_sentiment", lang, name=label(sentiment, lang)))
    return figures


def wordcloud_image(frequencies: Mapping[str, float], *, width: int = 640, height: int = 300, random_state: int = 0) -> str | None:
    """A word cloud of ``{word or phrase: weight}`` as a ``data:image/png;base64,…`` URI, drawn by
    ``wordcloud`` straight into an image (no matplotlib figure: the report captions it itself);
    ``None`` when there is no word to show."""
    import base64
    import io


    weights = {str(k): float(v) for k, v in frequencies.items() if v and v > 0 and str(k).strip()}
    if not weights:
        return None
    cloud = _cloud(weights, width, height, random_state)
    buffer = io.BytesIO()
    cloud.to_image().save(buffer, format="PNG", optimize=False)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def report_wordclouds(comments: pd.DataFrame, text_column: str | None = "komentar",
                      lang: Lang = "id", *, max_words: int = 40) -> tuple[dict[str, str], dict[str, str]]:
    """The report's word clouds, as PNG data URIs: one per aspect mentioned and one per negative and
    positive comments, from one pass over the comments (the surface forms are learned once for
    both). The same words and phrases as :func:`aspect_wordclouds` and :func:`sentiment_wordclouds`
    (which return figures for notebooks); a group with no word to show has no cloud."""
    check_lang(lang)
    check_int("max_words", max_words, minimum=1)
    if not _has_rows(comments, ["teks_bersih", "aspek", "sentimen"]):
        return {}, {}
    inputs = _cloud_inputs(comments, text_column, None)
    render = lambda weights, title: wordcloud_image(weights)  # noqa: E731
    aspects = _aspect_clouds(inputs, lang, max_words, render)
    sentiments = _sentiment_clouds(inputs, lang, max_words, render=render)
    return ({k: v for k, v in aspects.items() if v is not None}, {k: v for k, v in sentiments.items() if v is not None})
