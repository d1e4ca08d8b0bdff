"""What :class:`Analysis` writes: the per-comment frame (masked, lists as text), the workbook's
sheets, the headline findings with their quotes, and the report's context. Every sheet, card, chart
and table here is read from :mod:`.tables` (and :mod:`.comparison`), never counted again."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._format import count, decimal, decimal_interval, percent, percent_interval
from .._progress import stage
from ..schema import format_cell
from . import _columns as col
from . import _quotes, findings, tables
from ._input import encodable_labels

if TYPE_CHECKING:
    from .result import Analysis

__all__ = ["comment_frame", "masked", "cloud_frame", "workbook_sheets", "chosen_sheets", "findings_table",
           "report_context", "key_cards", "likert_questions", "encodable_labels", "RATING_MIN"]

RATING_MIN = 8  # rated informative comments the rating chart needs


def masked(values: pd.Series, names: list[str]) -> pd.Series:
    """``values`` with identifiers masked in its text cells (dtype inferred, as ``Series.map`` does).

    Only a cell with a digit, an at-sign or a hint of one of ``names`` can hold something to mask:
    the others are found with one quick test each, and the masking runs on the rest, once per
    distinct text.
    """
    from .._masking import may_hold_identifier
    from ..normalization import mask_identifiers

    array = values.to_numpy(dtype=object)
    search = may_hold_identifier(names)
    candidates = [i for i, v in enumerate(array) if type(v) is str and search(v)]  # noqa: E721 - str subclasses are masked too, below
    candidates += [i for i, v in enumerate(array) if isinstance(v, str) and type(v) is not str]  # noqa: E721
    changed, cache = {}, {}
    for position in candidates:
        text = array[position]
        result = cache.get(text)
        if result is None:
            result = cache[text] = mask_identifiers(text, names)
        if result != text:
            changed[position] = result
    if changed:
        array = array.copy()
        array[list(changed)] = list(changed.values())
    # object stays object: inferring a string dtype would copy every text into Arrow (a 200 MB cell too)
    return pd.Series(array, index=values.index, name=values.name, dtype=object if values.dtype == object else None)


def _is_text(values: pd.Series) -> bool:
    return values.dtype == object or pd.api.types.is_string_dtype(values)


def comment_frame(analysis: Analysis, *, flat: bool = False, mask: bool = False) -> pd.DataFrame:
    """A copy of ``comments``, lists and dicts written as text (``flat``), identifiers masked (``mask``)."""
    frame = analysis.comments.copy()
    if flat:
        for column in frame.columns:
            if frame[column].dtype == object and frame[column].map(lambda v: isinstance(v, (list, dict))).any():
                frame[column] = frame[column].map(format_cell)
    if mask:
        for position, column in enumerate(frame.columns):
            values = frame.iloc[:, position]
            if _is_text(values):
                frame.isetitem(position, masked(values, analysis.names))
            elif pd.api.types.is_integer_dtype(values.dtype):
                frame.isetitem(position, masked_numbers(values))
    return frame


def masked_numbers(values: pd.Series) -> pd.Series:
    """An integer column with the identifiers it holds masked: a NIK (16 digits), a NIP (18) or a
    phone number read as a number by ``read_csv`` (also one whose leading 0 was dropped) is masked as
    it would be as text (the column then holds text); other numbers are kept as they are."""
    from ..normalization import mask_identifiers

    array = values.to_numpy(dtype=object)
    long = [i for i, v in enumerate(array) if v is not None and not pd.isna(v) and abs(int(v)) >= 10**8]
    changed = {}
    for position in long:
        text = str(int(array[position]))
        result = mask_identifiers(text)
        if result == text and text.startswith("8") and 9 <= len(text) <= 12:
            # a mobile number whose leading 0 the spreadsheet dropped (0812… read as 812…)
            result = mask_identifiers("0" + text)
            result = text if result == "0" + text else result
        if result != text:
            changed[position] = result
    if not changed:
        return values
    array[list(changed)] = list(changed.values())
    return pd.Series(array, index=values.index, name=values.name, dtype=object)


def cloud_frame(analysis: Analysis, columns: list[Any]) -> pd.DataFrame:
    """The columns the word clouds read, text masked: not a copy of every column."""
    comments = analysis.comments
    present = [c for c in dict.fromkeys(columns) if c in comments]
    return pd.DataFrame({c: (masked(comments[c], analysis.names) if _is_text(comments[c]) else comments[c]).to_numpy()
                         for c in present}, index=comments.index)


# -- findings ------------------------------------------------------------------------------------------
def _finding_quotes(analysis: Analysis, spec: dict[str, Any], n: int) -> list[str]:
    """The quotes a finding names (see :class:`findings.Finding`)."""
    if not spec:
        return []
    comments = analysis.comments
    if spec.get("non_informative"):
        return _quotes.frequent_texts(comments, analysis.text, col.flags(comments, "non_informatif"), n, analysis.mask)
    options: dict[str, Any] = {key: spec[key] for key in ("aspect", "sentiment", "barrier") if key in spec}
    rows = np.ones(len(comments), dtype=bool)
    if spec.get("suggestions"):
        rows &= tables.suggestion_rows(comments)
        if "aspect" in spec:  # a request about the aspect, not praise of it beside another request
            rows &= tables.asked_about(comments, spec["aspect"])
    if "segment" in spec:
        by, name = spec["segment"]
        rows &= col.in_segment(comments[by], name)
        measure = spec.get("measure", "")
        if measure == "sentimen_negatif":
            options["sentiment"] = "negatif"
        elif measure.startswith("menyebut_"):
            options["aspect"] = measure.removeprefix("menyebut_")
        elif measure.startswith("negatif_"):
            options.update(aspect=measure.removeprefix("negatif_"), sentiment="negatif")
        elif measure.startswith("hambatan_"):
            options["barrier"] = measure.removeprefix("hambatan_")
    if not (spec.get("suggestions") and analysis.task == "evaluasi"):
        return analysis.quotes(n=n, rows=rows, **options)["kutipan"].tolist()
    # a change asked for is shown by requests that name it, not by wishes ("semoga lebih baik lagi
    # dalam memberikan materi" was the first quote of "most requested: metode"); wishes fill up
    from ..themes import GENERAL_WISH

    specific = rows & (analysis.comment_themes()["saran"] != GENERAL_WISH).to_numpy()
    named = analysis.quotes(n=n, rows=specific, **options)["kutipan"].tolist()
    if len(named) < n:
        named += [q for q in analysis.quotes(n=n, rows=rows, **options)["kutipan"] if q not in named][: n - len(named)]
    return named


def _quotes_of_findings(analysis: Analysis, found: list[findings.Finding], n: int) -> list[list[str]]:
    """Each finding's quotes, a quote shown once: a finding whose best quotes an earlier one showed gets
    its next best (the same comment under four findings looked like four pieces of evidence); it keeps
    a repeat only when it has no other."""
    used: set[str] = set()
    shown = []
    for finding in found:
        candidates = _finding_quotes(analysis, finding.quotes, 3 * n) if n else []  # n_quotes=0: the findings alone
        fresh = [q for q in candidates if q not in used][:n]
        quotes = fresh if len(fresh) >= min(n, len(candidates)) else (fresh + [q for q in candidates if q in used])[:n]
        used.update(quotes)
        shown.append(quotes)
    return shown


def _findings(analysis: Analysis, lang: str) -> list[findings.Finding]:
    comments, evaluation = analysis.comments, analysis.task == "evaluasi"
    parts: dict[str, Any] = {"key": analysis.key_numbers(), "lang": lang, "task": analysis.task}
    if evaluation:
        parts.update(sentiment=analysis.sentiment_table(), aspects=analysis.aspect_table(),
                     suggestions=analysis.suggestion_table())
        if analysis.rating is not None:
            try:
                parts["effects"] = analysis.rating_effects()
            except ValueError:  # too few rated comments: the finding says so
                parts["effects"] = pd.DataFrame(columns=["aspek", "koefisien", "ci_bawah", "ci_atas", "dampak"])
    if analysis.by and len(comments):
        parts["comparisons"] = [(by, analysis.compare(by)) for by in analysis.by]
    if "hambatan" in comments:
        parts["barriers"] = tables.barrier_table(comments, analysis.barrier_column)
    found = findings.headline_findings(**parts)
    for finding in found:  # a segment's name is masked in the sentence, as in the report's tables and chart
        by_name = finding.quotes.get("segment")
        if by_name is not None and isinstance(by_name[1], str):
            shown = analysis.mask(by_name[1])
            if shown != by_name[1]:
                finding.text = finding.text.replace(by_name[1], shown)
    return found


def findings_table(analysis: Analysis, *, n_quotes: int, lang: str) -> pd.DataFrame:
    """The headline findings as a table, with their quotes (the workbook's first sheet)."""
    found = _findings(analysis, lang)
    return findings.findings_frame(found, _quotes_of_findings(analysis, found, n_quotes))


# -- the workbook --------------------------------------------------------------------------------------
def workbook_sheets(analysis: Analysis, *, with_comments: bool = True) -> dict[str, pd.DataFrame]:
    """The workbook: ``temuan`` (headline findings) first, then ``ringkasan`` (key numbers),
    ``sentimen``, ``aspek``, ``nilai_dampak``, ``uji_kelompok``, ``kelompok_berbeda``, ``skala_nilai``,
    ``komentar`` (unless ``with_comments`` is False), ``tema``, ``topik``, ``hambatan`` and ``saran``;
    machine column names."""
    from ..report import EXCEL_MAX_ROWS, excel_sheet_names

    comments = analysis.comments
    sheets = {"temuan": analysis.findings(), "ringkasan": analysis.key_numbers()}
    if analysis.task == "evaluasi":
        sheets["sentimen"] = analysis.sentiment_table().reset_index()
        sheets["aspek"] = analysis.aspect_table().reset_index()
        if analysis.rating is not None:  # what the rating finding rests on
            try:
                sheets["nilai_dampak"] = analysis.rating_effects()
            except ValueError:  # too few rated comments: the finding says so
                pass
    if analysis.by and len(comments):  # what the segment finding rests on: every test and every highlight
        compared = [(by, analysis.compare(by)) for by in analysis.by]
        sheets["uji_kelompok"] = pd.concat([c.uji.assign(kolom=str(by)) for by, c in compared], ignore_index=True)
        sheets["kelompok_berbeda"] = pd.concat([c.sorotan.assign(kolom=str(by), segmen=c.sorotan["segmen"].map(analysis.mask))
                                                for by, c in compared], ignore_index=True)
        for name in ("uji_kelompok", "kelompok_berbeda"):
            sheets[name].insert(0, "kolom", sheets[name].pop("kolom"))
    if analysis.rating is not None and len(scale := analysis.rating_scale()):
        sheets["skala_nilai"] = scale
    if len(likert := analysis.likert_table()):
        sheets["penilaian"] = likert
    # allow_duplicates: an index level may share its name with a column (set_index("nip", drop=False))
    if with_comments:
        sheets["komentar"] = encodable_labels(analysis.to_frame(mask=True)).reset_index(allow_duplicates=True)
    parts = excel_sheet_names("komentar", len(analysis))
    if len(parts) > 1:  # say where the rest of the comments are: one sheet holds 1,048,575 of them
        note = (f"{len(analysis):,} komentar melebihi batas Excel {EXCEL_MAX_ROWS - 1:,} baris per lembar; "
                f"tabel komentar dibagi ke lembar {', '.join(parts)}")
        sheets["ringkasan"] = pd.concat([sheets["ringkasan"], pd.DataFrame({"ukuran": ["catatan"], "nilai": [note]})],
                                        ignore_index=True)
    if analysis.task == "evaluasi" and "aspek" in comments:
        themes = analysis.themes()
        if len(themes):
            sheets["tema"] = encodable_labels(themes.assign(
                aspek=themes["aspek"].map(format_cell), contoh=themes["contoh"].map(format_cell)))
    topics = analysis.topic_table()
    if len(topics):
        sheets["topik"] = topics
    if "hambatan" in comments:
        sheets["hambatan"] = analysis.barriers().reset_index()
    if "saran" in comments:
        suggestions = comments.loc[tables.suggestion_rows(comments)]
        sheets["saran"] = encodable_labels(pd.DataFrame({"kutipan": suggestions[analysis.text].map(analysis.mask).to_numpy(),
                                                         "aspek": suggestions["aspek"].map(format_cell).to_numpy()},
                                                        index=suggestions.index)).reset_index(allow_duplicates=True)
    return sheets


def likert_questions(analysis: Analysis) -> list[Any]:
    """The rating questions written as text among the export's own columns (judged on the first
    10,000 rows)."""
    from ..columns import likert_columns
    from ..schema import ANALYSIS_COLUMNS

    comments = analysis.comments
    repeated = comments.columns.duplicated(keep=False)
    own = [position for position, c in enumerate(comments.columns)
           if not repeated[position] and c not in ANALYSIS_COLUMNS and c != analysis.text]
    return likert_columns(comments.iloc[:10_000, own])


def write_table(result: Any, path: str | Path, *, mask: bool) -> Path:
    """``result.to_frame(mask=mask)`` as a CSV file (:func:`umpanbalik.report.write_csv`): the one
    writer behind ``Analysis.to_csv`` and ``MultiAnalysis.to_csv``."""
    from ..report import write_csv

    with stage("csv"):
        return write_csv(encodable_labels(result.to_frame(mask=mask)), path)


def write_workbook(result: Any, build: Any, path: str | Path, *, sheets: Any) -> Path:
    """The sheets ``build()`` gives (those named in ``sheets``) as one workbook, with its native charts;
    the folder is checked before the sheets are computed."""
    from ..report import check_folder, write_excel

    path = Path(path)
    check_folder(path)
    with stage("xlsx"):
        chosen = chosen_sheets(build, sheets)
        write_excel(chosen, path, lang=result.lang, charts=workbook_charts(chosen, result.lang))
    return path


def write_report(result: Any, path: str | Path, *, lang: str | None, title: str | None) -> Path:
    """``result.report_context()`` as one self-contained HTML file; the folder is checked before the
    report is drawn."""
    from ..report import check_folder, write_html

    path = Path(path)
    check_folder(path)
    with stage("html"):
        write_html(result.report_context(lang=lang, title=title), path, lang=lang or result.lang)
    return path


def workbook_charts(sheets: dict[str, pd.DataFrame], lang: str) -> dict[str, list[Any]]:
    """The workbook's native charts: on every theme sheet (``tema``, or ``5.22_tema`` for a question
    of a multi-question workbook), each kind's themes ranked by count (the rows of that kind, in the
    sheet's order, largest first); the general lines after them ("harapan umum", "pujian umum", "lainnya", often most
    of a kind) are left out of the chart, as the HTML report leaves them off its scale, and stay in the
    sheet."""
    from .._i18n import text
    from ..report import BarChartSpec
    from ..themes import NOT_THEMES

    charts = {}
    for name, themes in sheets.items():
        if not (name == "tema" or name.endswith("_tema")) or not len(themes):
            continue
        if not {"jenis", "label", "jumlah"} <= set(themes.columns):
            continue
        kinds, labels = themes["jenis"].astype(str).tolist(), themes["label"].astype(str).tolist()
        specs = []
        for kind in ("keluhan", "saran", "pujian"):
            rows = [i for i, k in enumerate(kinds) if k == kind and labels[i] not in NOT_THEMES]
            if rows and rows == list(range(rows[0], rows[-1] + 1)):  # contiguous, as find_themes orders them
                specs.append(BarChartSpec(text(f"tema_{kind}_chart", lang), "label", "jumlah", rows[0], rows[-1]))
        if specs:
            charts[name] = specs
    return charts


def chosen_sheets(build: Any, sheets: Any) -> dict[str, pd.DataFrame]:
    """The sheets named in ``sheets`` (all when ``None``), in that order, from ``build()``; a name
    that is not one of them is an error that lists them."""
    if sheets is not None and (isinstance(sheets, str) or not all(isinstance(name, str) for name in sheets)):
        raise TypeError(f"`sheets` must be a list of sheet names, e.g. sheets=['temuan', 'aspek']; got {sheets!r}.")
    if sheets is not None and not len(sheets):
        raise ValueError("`sheets` is empty: name at least one sheet, or leave it out for all of them.")
    available = build()
    if sheets is None:
        return available
    unknown = [name for name in sheets if name not in available]
    if unknown:
        raise ValueError(f"`sheets`: {', '.join(map(repr, unknown))} is not a sheet of this workbook; "
                         f"the sheets are {', '.join(map(repr, available))}.")
    return {name: available[name] for name in dict.fromkeys(sheets)}


# -- the report ----------------------------------------------------------------------------------------
def key_cards(key: pd.DataFrame, lang: str, infinite: str = "") -> list[dict[str, str]]:
    """The report's key-number cards (label, value, note) of a :func:`tables.key_numbers` table;
    ``infinite`` is the notice of infinite ratings (counted as missing), shown on the mean-rating card."""
    from .._i18n import text

    cards = []
    for row in key.itertuples():
        if row.ukuran == "rata_rata_nilai":
            value = decimal(row.nilai, lang)
            note = text("card_mean", lang, ci=decimal_interval(row.ci_bawah, row.ci_atas, lang), n=count(row.dasar, lang)) \
                if row.dasar else ""
            note = " ".join(part for part in (note, infinite) if part)
        else:
            value = count(row.nilai, lang)
            base = "card_of_informative" if row.ukuran == "saran" else "card_of_all"
            note = "" if row.ukuran == "komentar" or pd.isna(row.porsi) else text(
                base, lang, p=percent(row.porsi), ci=percent_interval(row.ci_bawah, row.ci_atas))
        cards.append({"label": text(f"key_{row.ukuran}", lang), "nilai": value, "catatan": note})
    return cards


def _masker(analysis: Analysis) -> Any:
    """Masks identifiers in a text value (a segment's name), leaves anything else as it is."""
    return lambda value: analysis.mask(value) if isinstance(value, str) else value


def _aspect_quotes(analysis: Analysis, aspects: pd.DataFrame, aspect: str, n: int) -> list[tuple[str, pd.DataFrame]]:
    """An aspect's quotes, each polarity in proportion to its mentions, criticism first, and at least
    one of criticism and of praise when both are there: picked over every mention, the majority's
    polarity took every quote (an aspect the findings call most criticised showed three praises)."""
    counts = {p: int(aspects.at[aspect, p]) for p in ("negatif", "positif", "netral") if p in aspects.columns}
    present = {p: k for p, k in counts.items() if k > 0}
    total = sum(present.values())
    if not total or n <= 0:
        return []
    share = {p: n * k / total for p, k in present.items()}
    taken = {p: int(share[p]) for p in present}
    for p in ("negatif", "positif"):  # both sides of an aspect, when it has both
        if p in present and not taken[p] and sum(taken.values()) < n:
            taken[p] = 1
    for p in sorted(present, key=lambda p: share[p] - int(share[p]), reverse=True):  # the rest by largest remainder
        if sum(taken.values()) < n and taken[p] < present[p]:
            taken[p] += 1
    return [(p, analysis.quotes(aspect, p, n=taken[p])) for p in present if taken[p]]


def _first(examples: Any) -> str:
    values = col.as_list(examples)
    return values[0] if values else ""


def report_context(analysis: Analysis, *, lang: str, title: str | None, n_quotes: int) -> dict[str, Any]:
    """Everything the HTML report shows; each figure is drawn from the table of its name."""
    from .. import plots
    from .._i18n import label, text
    from ..themes import GENERAL_LABELS

    comments = analysis.comments
    key = analysis.key_numbers()
    infinite = col.infinite_count(comments[analysis.rating]) if analysis.rating is not None else 0
    notice = text("note_infinite", lang, n=infinite, column=str(analysis.rating)) if infinite else ""
    context: dict[str, Any] = {"judul": title or text("report_title", lang), "dibuat": pd.Timestamp.now().strftime("%Y-%m-%d"),
                               "angka_kunci": key_cards(key, lang, notice), "gambar": {}, "tabel": {}}
    if analysis.own_models:  # the methods name the user's models, whose data and accuracy the defaults do not describe
        from ..report import default_methods

        aspects = [str(a) for a in tables.aspects_in(comments, tables.informative(comments))] if "aspek" in comments else []
        own = [f"{label(m, lang)} ({', '.join(label(a, lang) for a in aspects)})" if m == "aspek" and aspects else label(m, lang)
               for m in analysis.own_models]
        methods = default_methods(lang)
        methods.insert(2, text("methods_own", lang, models=", ".join(own)))
        context["metode"] = methods
    figures, shown = context["gambar"], context["tabel"]
    likert = analysis.likert_table()
    if len(likert):  # the rating questions of the form, each scored on its scale
        shown["penilaian"] = likert
    found = _findings(analysis, lang)
    quotes = _quotes_of_findings(analysis, found, n_quotes)
    context["temuan"] = [{"kunci": f.key, "teks": f.text, "angka": f.figure, "interval": f.interval, "didukung": f.supported,
                          "tautan": f"bukti-{i}" if q else ""} for i, (f, q) in enumerate(zip(found, quotes), start=1)]
    context["bukti"] = [{"id": f"bukti-{i}", "judul": f"{i}. {f.text}", "kutipan": q}
                        for i, (f, q) in enumerate(zip(found, quotes), start=1) if q]
    from .run import praise_question_notes

    if notes := praise_question_notes(analysis.text, analysis.task, lang):  # under the findings they qualify
        context["catatan"] = notes
    if analysis.task == "evaluasi":
        sentiment = analysis.sentiment_table()
        figures["sentimen"], shown["sentimen"] = plots.draw_sentiment(sentiment, lang=lang), sentiment
        aspects = analysis.aspect_table()
        figures["aspek_sentimen"], shown["aspek_sentimen"] = plots.draw_aspect_sentiment(aspects, lang=lang), aspects
        context["kutipan"] = {aspect: [{"teks": row.kutipan, "sentimen": polarity}
                                       for polarity, quotes in _aspect_quotes(analysis, aspects, aspect, n_quotes)
                                       for row in quotes.itertuples()]
                              for aspect in aspects.index}
        shown["saran"] = analysis.suggestion_table()
        themes = analysis.themes()  # the workbook's themes (found once); the report shows each one's first quote
        for kind in ("keluhan", "saran", "pujian"):
            part = themes[themes["jenis"] == kind]
            # a kind with no theme (every comment in "lainnya") shows nothing: "the themes above cover 0 of
            # 42 comments" under a ranking of "lainnya" alone said nothing (the workbook keeps the line)
            if (~part["label"].isin(GENERAL_LABELS)).any():
                shown[f"tema_{kind}"] = part[["label", "jumlah", "porsi", "porsi_bawah", "porsi_atas", "aspek", "contoh"]].assign(
                    aspek=part["aspek"].map(format_cell), contoh=part["contoh"].map(_first)).reset_index(drop=True)
        suggestion = tables.suggestion_rows(comments)
        if suggestion.any():
            context["saran"] = analysis.quotes(n=10, diversity=0.5, rows=suggestion)["kutipan"].tolist()
        aspect_clouds, sentiment_clouds = plots.report_wordclouds(
            cloud_frame(analysis, [analysis.text, "teks_bersih", "aspek", "sentimen", "non_informatif"]), analysis.text, lang=lang)
        figures.update({f"awan_aspek_{name}": figure for name, figure in aspect_clouds.items()})
        figures.update({f"awan_sentimen_{name}": figure for name, figure in sentiment_clouds.items()})
        if analysis.rating is not None:
            ratings = analysis.rating_by_aspect()
            drawn = ratings[(ratings["aspek"] != "semua") & ratings["polaritas"].isin(["negatif", "positif"])].reset_index(drop=True)
            scale = analysis.rating_scale()
            if len(scale):  # the scores given to the answers written as text
                shown["skala_nilai"] = scale
            if int(drawn["n"].sum()) >= RATING_MIN:
                overall = tables.mean_rating(comments, analysis.rating)[0]
                figures["nilai"] = plots.draw_rating_by_aspect(drawn, analysis.rating, overall=overall, lang=lang)
                shown["nilai"] = drawn
                try:
                    effects = analysis.rating_effects()
                    shown["nilai_dampak"] = effects[["aspek", "koefisien", "ci_bawah", "ci_atas", "p", "prevalensi", "dampak", "prioritas"]]
                except ValueError:
                    pass
    topics = analysis.topic_table()
    if analysis.topic_model is not None and len(topics):
        figures["topik"] = plots.draw_topic_sizes(topics, lang=lang)
        shown["topik"] = topics[["topik", "label", "ukuran", "porsi"]].assign(
            contoh=topics["contoh"].map(_first) if "contoh" in topics else "")
        if "sentimen" in topics:  # a topic's tone beside its name: a label alone can hide a topic of complaints
            shown["topik"].insert(4, "porsi_negatif", topics["sentimen"].map(lambda mix: col.as_dict(mix).get("negatif")))
    if "hambatan" in comments:
        barriers = analysis.barriers(n_quotes=1)
        figures["hambatan"] = plots.draw_barriers(barriers, lang=lang)
        shown["hambatan"] = barriers.assign(contoh=barriers["contoh"].map(_first))
    for by in analysis.by:  # one comparison per segmentation, named after it
        if analysis.task == "evaluasi":  # the share of negative comments per group, charted
            shares = tables.segment_shares(comments, by, lang=lang)
            shares["segmen"] = shares["segmen"].map(_masker(analysis))  # segments are masked in the chart too
            figures[f"perbandingan_{by}"] = plots.draw_segment_comparison(shares, by, lang=lang)
            shown[f"perbandingan_{by}"] = shares
        # the tests and the groups that differ, for every task: what the segment finding rests on
        # (the workbook's uji_kelompok and kelompok_berbeda)
        comparison = analysis.compare(by)
        shown[f"perbandingan_uji_{by}"] = comparison.uji[[c for c in ("segmen", "ukuran", "p_holm", "cramer_v", "harapan_kecil",
                                                                      "signifikan") if c in comparison.uji]]
        sorotan = comparison.sorotan[["segmen", "ukuran", "porsi", "ci_bawah", "ci_atas", "porsi_lain", "arah"]]
        shown[f"perbandingan_sorotan_{by}"] = sorotan.assign(segmen=sorotan["segmen"].map(_masker(analysis)))
    return context
