"""The result of :func:`~umpanbalik.analysis.analyze`: the per-comment table and thin methods that
ask the tables (:mod:`.tables`), tests (:mod:`.comparison`), findings (:mod:`.findings`), quotes,
charts and exports for what they compute."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._i18n import code_of
from .._progress import stage
from .._validation import as_names, as_one_text, check_int, check_option
from ..schema import SENTIMENTS
from . import _columns as col
from . import _quotes, comparison, exports, tables
from ._input import check_columns, is_label

__all__ = ["Analysis"]


class Analysis:
    """Per-comment results and the tables, quotes, tests and reports built from them.

    Create it with :func:`analyze`. ``comments`` holds one row per input row, with the original
    index and columns, plus ``teks_bersih``, ``sentimen``, ``skor_sentimen`` (P(positif) −
    P(negatif)), ``aspek``, ``aspek_sentimen``, ``bukti_aspek``, ``saran``, ``non_informatif``,
    ``topik``, ``label_topik`` and, when barriers were coded, ``hambatan``.

    Every table counts comments by one rule (see :mod:`umpanbalik.schema`): what comments say is
    counted over the informative comments, barriers over the respondents who answered, and every
    share comes with its 95% Wilson interval. The charts, the report, the workbook and the headline
    findings read the same tables.

    Equal cells of the list and dict columns (``aspek``, ``aspek_sentimen``, ``bukti_aspek``,
    ``hambatan``) are one shared object, which keeps a million rows small: to correct a row's
    labels, assign a new value (``result.comments.at[i, "aspek"] = ["materi"]``) rather than
    editing the list or dict in place, which would change every row that shares it.
    """

    def __init__(self, comments: pd.DataFrame, *, text: Any, by: list[Any], rating: Any, barriers: Any,
                 task: str, topic_model: Any, names: list[str], lang: str, notes: list[str], random_state: int,
                 own_models: tuple[str, ...] = ()) -> None:
        self.comments = comments
        self.text = text
        self.barrier_column = barriers if barriers is not None else text
        self.by = by
        self.rating = rating
        self.task = task
        self.topic_model = topic_model
        self.names = as_names(names)
        self.lang = lang
        self.notes = notes
        self.random_state = random_state
        #: The comment models the user passed to analyze (``models=``), by name: the report's methods
        #: say which models were the user's and which the shipped ones.
        self.own_models = tuple(own_models)

    def __len__(self) -> int:
        return len(self.comments)

    def __repr__(self) -> str:
        return f"Analysis(komentar={len(self)}, tugas={self.task!r}, segmen={self.by}, nilai={self.rating!r})"

    def _column(self, reference: Any, option: str) -> Any:
        """The column of ``comments`` that ``reference`` names: its header, number ("5.22") or a unique prefix."""
        return check_columns(self.comments, [reference], [option])[0]

    def _require(self, column: str, hint: str) -> None:
        if column not in self.comments.columns:
            raise ValueError(hint)

    def _require_aspects(self) -> None:
        self._require("aspek", "aspects were not analysed (task='hambatan').")

    def _require_barriers(self) -> None:
        self._require("hambatan", "barriers were not coded: pass barriers='column' or task='hambatan' to analyze().")

    def _answers(self) -> Any:
        """The why-not answer column, when barriers were coded."""
        return self.barrier_column if "hambatan" in self.comments else None

    def mask(self, text: Any) -> str:
        """``text`` with NIP, NIK, phone numbers, e-mails and the given ``names`` masked."""
        from ..normalization import mask_identifiers

        text = as_one_text(text, "Analysis.mask", "[result.mask(t) for t in texts], or result.to_frame(mask=True) for the table")
        return mask_identifiers(text, self.names)  # bytes decoded as analyze read them

    # -- tables ---------------------------------------------------------------------------------------
    def key_numbers(self) -> pd.DataFrame:
        """The headline counts and shares (see :func:`umpanbalik.analysis.tables.key_numbers`)."""
        return tables.key_numbers(self.comments, self.text, rating=self.rating, answers=self._answers())

    def sentiment_table(self) -> pd.DataFrame:
        """Sentiment of the informative comments: ``jumlah``, ``porsi`` and its 95% Wilson interval."""
        self._require("sentimen", "sentiment was not analysed (task='hambatan').")
        return tables.sentiment_table(self.comments)

    def aspect_table(self) -> pd.DataFrame:
        """Per aspect: mentions (share of informative comments, 95% CI) and their polarity mix.

        ``negatif``/``netral``/``positif`` count the mentions by polarity; ``porsi_negatif`` is the
        share of the aspect's mentions that are negative, with its own interval.
        """
        self._require_aspects()
        return tables.aspect_table(self.comments)

    def suggestion_table(self) -> pd.DataFrame:
        """Which aspects the suggestions (informative comments flagged ``saran``) concern."""
        self._require("saran", "suggestions were not analysed (task='hambatan').")
        return tables.suggestion_aspects(self.comments)

    def topic_table(self) -> pd.DataFrame:
        """The topics, largest first (id, size, share of informative comments, label, key terms,
        aspects, sentiment mix, examples)."""
        if self.topic_model is None or not hasattr(self.topic_model, "topics_"):
            return pd.DataFrame(columns=["topik", "label", "ukuran", "porsi"])
        table = tables.topic_table(self.comments, self.topic_model.topics_)
        if "contoh" in table:
            table["contoh"] = table["contoh"].map(lambda examples: [self.mask(e) for e in col.as_list(examples)])
        if self.names:  # a listed name can be a topic's key term, learned from the cleaned comments
            table["label"] = table["label"].map(lambda v: self.mask(v) if isinstance(v, str) else v)
            if "kata_kunci" in table:
                table["kata_kunci"] = table["kata_kunci"].map(lambda terms: [(self.mask(t), w) for t, w in col.as_list(terms)])
        return table

    def summary(self) -> dict[str, Any]:
        """Key numbers and the main tables.

        Returns a dict: ``angka_kunci`` (a DataFrame of the headline counts and shares, see
        :meth:`key_numbers`), ``sentimen``, ``aspek`` (see :meth:`aspect_table`), ``topik`` (the
        largest topics), ``saran`` (share of the informative comments) and ``non_informatif`` (share
        of all comments), each with a 95% CI, and ``hambatan`` when coded.
        """
        result: dict[str, Any] = {}
        flags = tables.flag_table(self.comments)
        result["non_informatif"] = flags.loc[["non_informatif"]].drop(columns="dasar")
        if self.task == "evaluasi":
            result["sentimen"] = self.sentiment_table()
            result["aspek"] = self.aspect_table()
            result["saran"] = flags.loc[["saran"]].drop(columns="dasar")
        if "hambatan" in self.comments:
            result["hambatan"] = self.barriers()
        result["topik"] = self.topic_table().head(10)
        result["angka_kunci"] = self.key_numbers()
        return result

    # -- quotes ---------------------------------------------------------------------------------------
    def quotes(self, aspect: str | None = None, sentiment: str | None = None, n: int = 5, *,
               topic: int | None = None, barrier: str | None = None, diversity: float = 0.3,
               rows: Any = None) -> pd.DataFrame:
        """Representative, diverse, de-duplicated comments (personal identifiers masked).

        Comments are filtered by ``aspect`` (and its polarity when ``sentiment`` is given too), by
        overall ``sentiment``, ``topic``, ``barrier`` or a boolean mask ``rows``; then picked by
        maximal marginal relevance: close to the group's TF-IDF centre (typical) and unlike the ones
        already picked (diverse, weight ``diversity``). Duplicates after cleaning are shown once.
        Non-answers are never quoted (except as answers to the why-not question, with ``barrier``).
        When more than 20,000 distinct comments match, the quotes are picked among a random 20,000
        of them (``random_state``).
        """
        check_int("n", n, minimum=1)
        source = self.text
        if barrier is not None:
            self._require_barriers()
            source = self.barrier_column
            if barrier not in tables.BARRIERS:  # (a built-in code needs no pass over the rows: barriers() asks per code)
                known = list(dict.fromkeys([*tables.barrier_codes_in(self.comments), *tables.BARRIERS]))
                barrier = check_option("barrier", code_of(barrier, known), known)
        if aspect is not None:  # a code, or its label as the report shows it ("teaching method" with lang="en")
            self._require_aspects()
            known = tables.aspects_in(self.comments) or list(tables.ASPECTS)
            aspect = check_option("aspect", code_of(aspect, known), known)
        if sentiment is not None:
            self._require("sentimen", "sentiment was not analysed (task='hambatan').")
            sentiment = check_option("sentiment", code_of(sentiment, list(SENTIMENTS)), list(SENTIMENTS))
        if topic is not None:
            known = tables.topic_ids(self.comments)
            if not known:
                raise ValueError("no topics were fitted: analyze(..., topics='auto') first.")
            check_option("topic", topic, known)
        if rows is not None:
            if isinstance(rows, pd.Series):  # by label, as pandas aligns a mask (a reversed mask picked other rows)
                if not rows.index.equals(self.comments.index):
                    if not rows.index.is_unique or not rows.index.isin(self.comments.index).all():
                        raise ValueError("`rows` is a Series whose index is not the comments' index: pass a mask made from "
                                         "result.comments (e.g. result.comments['instansi'] == 'RSUD').")
                    rows = rows.reindex(self.comments.index, fill_value=False)
            rows = np.asarray(rows, dtype=bool)
            if rows.shape != (len(self.comments),):
                raise ValueError(f"`rows` must be a boolean mask with one value per comment ({len(self.comments)}).")
        return _quotes.select_quotes(self.comments, source, aspect=aspect, sentiment=sentiment, topic=topic,
                                     barrier=barrier, rows=rows, n=n, diversity=diversity,
                                     random_state=self.random_state, mask=self.mask)

    # -- comparisons, ratings, barriers ---------------------------------------------------------------
    def compare(self, by: Any = None, *, min_n: int = 30) -> comparison.Comparison:
        """Sentiment, aspect mentions and aspect polarity per segment, with chi-square tests.

        ``by`` is a column's header, its number ("1.2") or a unique prefix. Segments with fewer than
        ``min_n`` informative comments are shown but left out of the tests, and of a measure's test
        when its base is smaller (fewer than ``min_n`` mentions of the aspect, for its polarity). A checkbox column is split
        into its choices: each choice is tested against the respondents who did not tick it.
        Each measure (sentiment; each aspect mentioned or not; each aspect negative or not among its
        mentions; each barrier named or not) is tested across segments; p-values are Holm-adjusted
        across the measures, and Cramér's V gives the size of the difference. A test whose smallest
        expected counts are too small by Cochran's rule (more than 20% of the cells below 5, or one
        below 1) is flagged (``harapan_kecil``) and not called significant.
        ``sorotan`` lists the segments that drive a significant difference: adjusted residuals
        beyond the 5% bound corrected (Bonferroni) for the number of segments tested.
        """
        if by is None:
            if not self.by:
                raise ValueError("say which column to compare by: compare('instansi'), or analyze(..., by='instansi').")
            by = self.by[0]
        if not is_label(by):
            several = isinstance(by, (list, tuple, set, pd.Index))
            raise TypeError(f"`by` must be one column name, e.g. compare('instansi'); got {by!r}."
                            + (" Call compare once per column." if several else
                               f" A question's number goes as text: compare('{by}')." if isinstance(by, float) else ""))
        by = self._column(by, "by")
        check_int("min_n", min_n, minimum=1)
        return comparison.compare(self.comments, by, task=self.task, answers=self._answers(), min_n=min_n)

    def _check_rating(self) -> None:
        if self.rating is None:
            raise ValueError("no rating column: pass analyze(..., rating='nilai') to relate ratings to aspects.")
        self._require_aspects()

    def rating_scale(self) -> pd.DataFrame:
        """How the rating column's text answers were scored (``jawaban``, ``skor``, ``jumlah``): the
        Likert scale read from them (:mod:`umpanbalik.likert`); empty for a numeric rating."""
        if self.rating is None:
            raise ValueError("no rating column: pass analyze(..., rating='nilai').")
        return tables.rating_scale(self.comments, self.rating)

    def likert_table(self) -> pd.DataFrame:
        """The export's rating questions written as text ("Sangat setuju" … "Sangat tidak setuju",
        "Puas", "Baik", "Ya"/"Tidak"), one row each: the number of answers, the mean score with its
        95% interval, the scale and how many chose each answer (found among the first 10,000 rows)."""
        return tables.likert_table(self.comments, exports.likert_questions(self))

    def rating_by_aspect(self) -> pd.DataFrame:
        """Mean rating (95% CI) of the informative comments that mention each aspect, by the
        aspect's polarity, and of all informative comments by overall sentiment (rows ``semua``)."""
        self._check_rating()
        return tables.rating_by_aspect(self.comments, self.rating)

    def rating_effects(self) -> pd.DataFrame:
        """Which aspects' negative mentions go with lower ratings: where to look first (an
        association; check what lies behind it before acting on it).

        An ordinary least squares regression of the rating on one indicator per aspect (the comment
        mentions the aspect negatively), over the informative comments with a rating. ``koefisien``
        is the difference in mean rating when the aspect is criticised, holding the other aspects
        fixed (with 95% CI and p); ``prevalensi`` is the share of those comments criticising it;
        ``dampak`` = koefisien × prevalensi weighs the gap by how often the criticism occurs, and
        ``prioritas`` ranks by it. This is an association in observational data, not a causal effect:
        the order can change when other controls (overall sentiment, segments) enter the model.
        """
        self._check_rating()
        return comparison.rating_effects(self.comments, self.rating)

    def barriers(self, by: Any = None, *, min_n: int = 30, n_quotes: int = 3) -> pd.DataFrame:
        """Why ASN skip training: each barrier's count and share of the answered rows (95% CI), with
        quotes; with ``by``, the shares per segment (segments below ``min_n`` answers marked)."""
        self._require_barriers()
        if by is not None:
            by = self._column(by, "by")
            return tables.barrier_segments(self.comments, by, self.barrier_column, min_n=min_n)
        table = tables.barrier_table(self.comments, self.barrier_column)
        table["contoh"] = [self.quotes(barrier=code, n=n_quotes)["kutipan"].tolist() for code in table.index]
        return table

    # -- topics -------------------------------------------------------------------------------------
    def rename_topic(self, topic: int, name: str) -> Analysis:
        """Give a topic a name of your own: in the topic model, its table and ``comments["label_topik"]``."""
        model = self._topics()
        model.rename_topic(topic, name)
        self.comments["label_topik"] = tables.topic_labels(self.comments, model.topics_)
        return self

    def merge_topics(self, keep: int, absorb: int) -> Analysis:
        """Merge topic ``absorb`` into ``keep`` (later topics are renumbered), in the topic model and in
        ``comments`` (``topik`` and ``label_topik``)."""
        model = self._topics()
        model.merge_topics(keep, absorb)
        self.comments["topik"] = tables.merged_topics(self.comments, keep, absorb)
        self.comments["label_topik"] = tables.topic_labels(self.comments, model.topics_)
        return self

    def _topics(self) -> Any:
        if self.topic_model is None or not hasattr(self.topic_model, "topics_"):
            raise ValueError("no topics were fitted: analyze(..., topics='auto').")
        return self.topic_model

    # -- themes ---------------------------------------------------------------------------------------
    def themes(self, *, max_share: float = 0.2, max_themes: int = 20, n_quotes: int = 3) -> pd.DataFrame:
        """Themes an evaluator can act on: complaints (``keluhan``), suggestions (``saran``) and
        praise (``pujian``), each with a short label as people write it, ``jumlah``, ``porsi`` (of its
        kind, with a 95% interval ``porsi_bawah``–``porsi_atas``), ``aspek`` and masked, de-duplicated
        quotes (``contoh``); what names nothing specific is one general line per kind (``keluhan umum``,
        ``harapan umum``, ``pujian umum``) and the rest ``lainnya``.
        See :func:`umpanbalik.themes.find_themes`; non-answers belong to no theme."""
        return self._found_themes(max_share, max_themes, n_quotes).table.copy()

    def comment_themes(self, *, max_share: float = 0.2, max_themes: int = 20) -> pd.DataFrame:
        """The theme of each comment (same index as ``comments``): columns ``keluhan``, ``saran`` and
        ``pujian`` hold the label of its theme of that kind (as :meth:`themes` lists them), or ``None``
        when the comment is not of that kind: for coding comments by theme, or reading a theme's comments."""
        themes = self._found_themes(max_share, max_themes, 3).assignments.copy()
        themes.index = self.comments.index
        return themes

    def _found_themes(self, max_share: float, max_themes: int, n_quotes: int) -> Any:
        from ..themes import find_themes

        self._require_aspects()
        if self.task != "evaluasi":
            raise ValueError("themes need the comment analysis (task='evaluasi'); this analysis coded barriers only.")
        key = (max_share, max_themes, n_quotes, self._fingerprint())
        memo = self.__dict__.setdefault("_themes_memo", {})
        if key not in memo:  # the report and the workbook show the same themes: found once
            memo.clear()
            with stage("tema"):
                memo[key] = find_themes(self.comments, text=self.text, max_share=max_share, max_themes=max_themes,
                                        n_quotes=n_quotes, names=self.names)
        return memo[key]

    def _fingerprint(self) -> tuple[Any, ...]:
        """What the derived tables depend on, hashed: a label corrected in ``comments`` (a new value
        assigned) gives another fingerprint, so nothing computed from the old labels is reused."""
        frame = self.comments
        names = [self.text] if is_label(self.text) else []
        names += ["sentimen", "aspek", "aspek_sentimen", "saran", "non_informatif", "teks_bersih"]
        weights = np.arange(1, len(frame) + 1, dtype=np.uint64)

        def digest(values: pd.Series | pd.Index) -> int:
            # repr for anything not numeric: lists and dicts, and text with lone surrogates, which
            # pandas' string hashing cannot encode
            plain = pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype)
            values = pd.Series(values if plain else [repr(v) for v in values], dtype=None if plain else object)
            return int((pd.util.hash_pandas_object(values, index=False).to_numpy() * weights).sum())

        columns = tuple(digest(frame.iloc[:, i]) for i, name in enumerate(frame.columns) if name in names)
        return (id(frame), frame.shape, tuple(map(repr, frame.columns)), digest(frame.index), columns)

    # -- findings -------------------------------------------------------------------------------------
    def findings(self, *, n_quotes: int = 3, lang: Literal["id", "en"] | None = None) -> pd.DataFrame:
        """The headline findings: a few plain sentences with their figure, 95% interval, base,
        whether the data support them (``didukung``) and quotes that show them; Indonesian by default.
        See :mod:`umpanbalik.analysis.findings` for when a finding is stated."""
        from .._i18n import check_lang

        check_int("n_quotes", n_quotes, minimum=0)
        return exports.findings_table(self, n_quotes=n_quotes, lang=check_lang(lang or self.lang))

    # -- charts ---------------------------------------------------------------------------------------
    def plot_sentiment(self) -> Any:
        """Overall sentiment of the informative comments with 95% intervals (a matplotlib figure)."""
        from ..plots import draw_sentiment

        return draw_sentiment(self.sentiment_table(), lang=self.lang)

    def plot_aspects(self) -> Any:
        """Stacked bars of aspect mentions by polarity (a matplotlib figure)."""
        from ..plots import draw_aspect_sentiment

        return draw_aspect_sentiment(self.aspect_table(), lang=self.lang)

    def plot_topics(self) -> Any:
        """Topic sizes, largest first, as the topic table lists them (a matplotlib figure)."""
        from ..plots import draw_topic_sizes

        if self.topic_model is None:
            raise ValueError("no topics were fitted: analyze(..., topics='auto').")
        return draw_topic_sizes(self.topic_table(), lang=self.lang)

    def plot_comparison(self, by: Any = None, *, measure: str = "sentimen", value: Any = "negatif", min_n: int = 30) -> Any:
        """Share of ``value`` in ``measure`` per segment with 95% intervals (a matplotlib figure)."""
        from ..plots import plot_segment_comparison

        by = by if by is not None else (self.by[0] if self.by else None)
        if by is None:
            raise ValueError("say which column to compare by: plot_comparison('instansi').")
        by = self._column(by, "by")
        value = self._measured_value(measure, value)
        return plot_segment_comparison(self.comments, by, measure=measure, value=value, min_n=min_n, lang=self.lang,
                                       answers=self.barrier_column if measure == "hambatan" else None)

    def _measured_value(self, measure: str, value: Any) -> Any:
        """``value`` as a code that ``measure`` holds (a display label is read as its code: "negative",
        "time"); a value it never holds is refused, with the ones it does (a typo drew 0% everywhere)."""
        if measure not in self.comments:
            known = [c for c in ("sentimen", "aspek", "aspek_sentimen", "saran", "non_informatif", "hambatan") if c in self.comments]
            raise ValueError(f"`measure` {measure!r} is not a column of the results; use one of {', '.join(map(repr, known))}.")
        cells = self.comments[measure]
        if measure == "aspek_sentimen":
            if not (isinstance(value, tuple) and len(value) == 2):
                raise ValueError("with measure='aspek_sentimen', `value` is (aspect, polarity), e.g. ('waktu', 'negatif').")
            aspects = tables.aspects_in(self.comments) or list(tables.ASPECTS)
            return (check_option("value", code_of(value[0], aspects), aspects),
                    check_option("value", code_of(value[1], list(SENTIMENTS)), list(SENTIMENTS)))
        if measure in ("saran", "non_informatif"):
            if value not in (True, False):
                raise ValueError(f"with measure={measure!r}, `value` is True or False; got {value!r}.")
            return bool(value)
        if measure in ("aspek", "hambatan"):  # the codes named, and the built-in ones (a code nobody named is 0%)
            known = list(dict.fromkeys([*sorted({str(v) for v in col.items(cells)}),
                                        *(tables.ASPECTS if measure == "aspek" else tables.BARRIERS)]))
            return check_option("value", code_of(value, known), known)
        # a label column (sentimen) or the user's own (nilai, topik, a flag): its values as they are held
        # (5 for an Int64 rating: "5" would compare unequal and draw 0% everywhere), or as written ("5")
        held = list(dict.fromkeys([*(SENTIMENTS if measure == "sentimen" else ()), *cells.dropna().unique().tolist()]))
        if not isinstance(value, str) and any(value == v for v in held if not isinstance(v, str)):
            return value
        by_text = {str(v): v for v in held}
        code = code_of(value, list(by_text))
        if isinstance(code, str) and code in by_text:
            return by_text[code]
        return check_option("value", code, list(by_text))

    def plot_ratings(self) -> Any:
        """Mean rating of comments that praise or criticise each aspect (a matplotlib figure)."""
        from ..plots import draw_rating_by_aspect

        overall = tables.mean_rating(self.comments, self.rating)[0] if self.rating is not None else np.nan
        return draw_rating_by_aspect(self.rating_by_aspect(), self.rating, overall=overall, lang=self.lang)

    def plot_barriers(self) -> Any:
        """Shares of the barriers to attending training (a matplotlib figure)."""
        from ..plots import draw_barriers

        self._require_barriers()
        return draw_barriers(tables.barrier_table(self.comments, self.barrier_column), lang=self.lang)

    def wordclouds(self, by: Literal["aspek", "sentimen"] = "aspek") -> dict[str, Any]:
        """Word clouds per aspect or per sentiment (dict of matplotlib figures), negations as phrases."""
        from .. import plots

        check_option("by", by, ["aspek", "sentimen"])
        self._require_aspects()
        build = plots.aspect_wordclouds if by == "aspek" else plots.sentiment_wordclouds
        return build(exports.cloud_frame(self, [self.text, "teks_bersih", by, "non_informatif"]), self.text, lang=self.lang)

    # -- exports --------------------------------------------------------------------------------------
    def to_frame(self, *, flat: bool = False, mask: bool = False) -> pd.DataFrame:
        """A copy of ``comments``; ``flat=True`` writes lists and dicts as text by the one rule of
        every export ("materi; waktu", "materi: positif; waktu: negatif"); ``mask=True`` masks
        personal identifiers in every text column."""
        return exports.comment_frame(self, flat=flat, mask=mask)

    def _masked(self, values: pd.Series) -> pd.Series:
        return exports.masked(values, self.names)

    def to_csv(self, path: str | Path, *, mask: bool = True) -> Path:
        """Write the per-comment table as UTF-8 CSV with BOM (opens in Excel), identifiers masked and
        cells that a spreadsheet would run as a formula neutralised. Lists and dicts are written
        "materi; waktu" and "materi: positif; waktu: negatif", which :class:`AspectTagger` reads back."""
        return exports.write_table(self, path, mask=mask)

    def _sheets(self) -> dict[str, pd.DataFrame]:
        return exports.workbook_sheets(self)

    def to_excel(self, path: str | Path, *, sheets: Any = None) -> Path:
        """Write an Excel workbook: the headline findings first (``temuan``), then ``ringkasan``,
        ``sentimen``, ``aspek``, ``nilai_dampak`` (the rating regression), ``uji_kelompok`` and
        ``kelompok_berbeda`` (every segment test and highlight, per ``by`` column), ``skala_nilai`` (a
        Likert rating's scores), ``komentar``, ``tema``, ``topik``, ``hambatan`` and ``saran`` (those that apply); identifiers masked, formula-like cells neutralised.
        ``sheets`` (a list of those names) writes only them, in that order.

        Above Excel's 1,048,575 rows under the header, the per-comment table continues on the sheets
        ``komentar_2``, ``komentar_3`` … (same header), and a ``catatan`` row in ``ringkasan`` says so.
        """
        return exports.write_workbook(self, self._sheets, path, sheets=sheets)

    def report_context(self, *, lang: str | None = None, title: str | None = None, n_quotes: int = 3) -> dict[str, Any]:
        """Everything the HTML report shows, as a dict (see :func:`umpanbalik.report.render_html`):
        each figure is drawn from the table of the same name in ``tabel``."""
        return exports.report_context(self, lang=lang or self.lang, title=title, n_quotes=n_quotes)

    def to_html(self, path: str | Path, *, lang: str | None = None, title: str | None = None) -> Path:
        """Write one self-contained HTML report (images embedded, no external assets), Indonesian by
        default: headline findings, key numbers, charts with their tables, word clouds, suggestions,
        quotes, topics, barriers, segment comparison, methods and limitations. Identifiers are
        masked; comment text is escaped."""
        return exports.write_report(self, path, lang=lang, title=title)

    def _repr_html_(self) -> str:
        from .._display import display_table
        from .._i18n import text

        summary = self.summary()
        key = summary["angka_kunci"].drop(columns=["dasar"])
        key["ukuran"] = [text(f"key_{name}", self.lang) for name in key["ukuran"]]
        from .._format import count

        parts = [f"<p><b>umpanbalik</b>: {count(len(self), self.lang)} {'komentar' if self.lang == 'id' else 'comments'}</p>",
                 display_table(key, self.lang).to_html(index=False)]
        if "aspek" in summary and len(summary["aspek"]):
            parts.append(display_table(summary["aspek"], self.lang).to_html(index=False))
        if "hambatan" in summary:
            parts.append(display_table(summary["hambatan"][["jumlah", "porsi", "ci_bawah", "ci_atas"]], self.lang).to_html(index=False))
        return "".join(parts)
