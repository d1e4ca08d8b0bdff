"""Charts, word clouds, the HTML report and the Excel workbook: data checked, not pixels."""
from __future__ import annotations

import base64
import io
import re

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from openpyxl import load_workbook

from umpanbalik import plots
from umpanbalik._stats import wilson_interval
from umpanbalik.report import (
    EXCEL_MAX_CHARS, default_methods, figure_to_data_uri, neutralize_formulas, render_html, write_excel, write_html,
)

ROW = {"komentar": "", "teks_bersih": "", "sentimen": "netral", "skor_sentimen": 0.0, "aspek": [], "aspek_sentimen": {},
       "saran": False, "non_informatif": False, "topik": 0, "label_topik": "materi", "hambatan": [], "instansi": "A",
       "nilai": np.nan}


def frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{**ROW, **row} for row in rows])


@pytest.fixture
def comments() -> pd.DataFrame:
    """40 comments from agency A, 10 from B; known aspects, polarities, ratings and barriers."""
    rows = (
        [{"aspek": ["materi"], "aspek_sentimen": {"materi": "positif"}, "sentimen": "positif", "nilai": 5}] * 20
        + [{"aspek": ["materi", "waktu"], "aspek_sentimen": {"materi": "negatif", "waktu": "negatif"},
            "sentimen": "negatif", "nilai": 2, "hambatan": ["waktu_beban_kerja"]}] * 10
        + [{"aspek": ["metode"], "aspek_sentimen": {"metode": "netral"}, "nilai": 3, "hambatan": ["minat", "teknis"]}] * 10
        + [{"instansi": "B", "sentimen": "negatif", "nilai": 1, "hambatan": ["waktu_beban_kerja"]}] * 6
        + [{"instansi": "B", "non_informatif": True, "topik": -1, "label_topik": "non-informatif"}] * 4
    )
    return frame(rows)


def bars(ax):
    from matplotlib.container import BarContainer

    return [c for c in ax.containers if isinstance(c, BarContainer)]


def bar_widths(container) -> list[float]:
    return [round(float(p.get_width()), 6) for p in container]


def texts_of(fig: Figure) -> str:
    parts = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        parts += [ax.get_title(), ax.get_xlabel()] + [t.get_text() for t in ax.texts + ax.get_yticklabels()]
        legend = ax.get_legend()
        parts += [t.get_text() for t in legend.get_texts()] if legend else []
    return "\n".join(parts)


# -- charts ----------------------------------------------------------------------------------------
def test_aspect_sentiment_stacks_counts_with_shares(comments):
    fig = plots.plot_aspect_sentiment(comments)
    ax = fig.axes[0]
    assert [c.get_label() for c in ax.containers] == ["negatif", "netral", "positif"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["materi", "metode", "waktu"]
    assert [bar_widths(c) for c in ax.containers] == [[10, 0, 10], [0, 10, 0], [20, 0, 0]]
    labels = [t.get_text() for t in ax.texts]
    assert "20 (67%)" in labels and "10 (33%)" in labels and "10 (100%)" in labels
    english = plots.plot_aspect_sentiment(comments, lang="en").axes[0]
    assert [c.get_label() for c in english.containers] == ["negative", "neutral", "positive"]
    assert [t.get_text() for t in english.get_yticklabels()] == ["content", "teaching method", "time"]
    assert "Sentiment by aspect" in english.get_title()


def test_segment_comparison_shows_wilson_intervals_and_greys_small_segments(comments):
    fig = plots.plot_segment_comparison(comments, "instansi", min_n=30)
    ax = fig.axes[0]
    bars_ = bars(ax)[0]
    # B: its 4 non-answers are left out of the denominator, so 6 of 6 are negative
    assert bar_widths(bars_) == [0.25, 1.0]
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == ["A (n=40)", "B (n=6) *"]
    assert bars_[0].get_facecolor() != bars_[1].get_facecolor()
    segments = bars_.errorbar.lines[2][0].get_segments()
    assert segments[0][0][0] == pytest.approx(0.1419, abs=1e-3) and segments[0][1][0] == pytest.approx(0.4019, abs=1e-3)
    assert "30" in texts_of(fig) and "*" in texts_of(fig)
    assert "Share of 'negatif'" in plots.plot_segment_comparison(comments, "instansi", lang="en").axes[0].get_title()
    barriers = plots.plot_segment_comparison(comments, "instansi", measure="hambatan", value="waktu_beban_kerja", min_n=1)
    # the respondents barrier_table counts (without an answers column: those who named a barrier), not every row
    assert bar_widths(bars(barriers.axes[0])[0]) == [1.0, 0.5]  # B 6/6, A 10/20


def test_segment_comparison_with_one_segment_and_pair_values(comments):
    blank = comments.assign(instansi=["A"] * 44 + [" ", None, np.nan, "", None, None])
    assert [t.get_text() for t in plots.plot_segment_comparison(blank, "instansi", min_n=3).axes[0].get_yticklabels()] == [
        "A (n=44)", "(kosong) (n=2) *"]  # blank and missing segments are one; rows 46-49 are non-answers
    one = comments.assign(instansi="A")
    ax = plots.plot_segment_comparison(one, "instansi", measure="aspek_sentimen", value=("waktu", "negatif")).axes[0]
    assert bar_widths(bars(ax)[0]) == [round(10 / 46, 6)]


def test_rating_by_aspect_compares_negative_and_positive_means(comments):
    ax = plots.plot_rating_by_aspect(comments, "nilai").axes[0]
    negative, positive = ax.containers
    assert negative.get_label() == "negatif" and positive.get_label() == "positif"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["materi", "metode", "waktu"]
    np.testing.assert_allclose(negative.lines[0].get_xdata(), [2, np.nan, 2])
    np.testing.assert_allclose(positive.lines[0].get_xdata(), [5, np.nan, np.nan])
    assert "5,00 (n=20)" in [t.get_text() for t in ax.texts]  # a decimal comma in Indonesian, as every table writes it
    english = plots.plot_rating_by_aspect(comments, "nilai", lang="en").axes[0]
    assert english.get_xlabel() == "mean rating" and [c.get_label() for c in english.containers] == ["negative", "positive"]
    assert "5.00 (n=20)" in [t.get_text() for t in english.texts]


def test_barriers_share_of_respondents_naming_one(comments):
    ax = plots.plot_barriers(comments).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["waktu/beban kerja", "minat", "teknis"]
    assert bar_widths(bars(ax)[0]) == [round(16 / 26, 6), round(10 / 26, 6), round(10 / 26, 6)]
    english = plots.plot_barriers(comments, lang="en").axes[0]
    assert [t.get_text() for t in english.get_yticklabels()] == ["time/workload", "lack of interest", "technical problems"]
    answered = comments.assign(alasan=["sibuk"] * 46 + ["", "  ", None, "tidak tahu"])  # 47 answered
    ax = plots.plot_barriers(answered, answers="alasan").axes[0]
    assert bar_widths(bars(ax)[0]) == [round(16 / 47, 6), round(10 / 47, 6), round(10 / 47, 6)]


def test_wilson_interval_holds_the_share_so_error_bars_are_never_negative():
    successes, totals = np.meshgrid(np.arange(301), np.arange(1, 301))
    keep = successes <= totals
    low, high = wilson_interval(successes[keep], totals[keep])
    share = successes[keep] / totals[keep]
    assert (low <= share).all() and (share <= high).all() and (low >= 0).all() and (high <= 1).all()
    assert wilson_interval(10, 10)[1] == 1.0  # the bound came out 1.1e-16 below 1 and the report crashed
    assert np.isnan(wilson_interval(0, 0)).all()


@pytest.mark.parametrize("n", [4, 10, 14])
def test_a_segment_or_barrier_at_100_percent_is_drawn(n):
    rows = [{"sentimen": "negatif", "instansi": "A", "hambatan": ["waktu_beban_kerja"]}] * n
    rows += [{"sentimen": "positif", "instansi": "B"}] * 3
    for fig in (plots.plot_segment_comparison(frame(rows), "instansi", min_n=1), plots.plot_barriers(frame(rows[:n]))):
        fig.savefig(io.BytesIO(), format="png")
        assert 1.0 in bar_widths(bars(fig.axes[0])[0])


def test_topic_sizes_from_the_comments_frame(comments):
    ax = plots.plot_topic_sizes(comments, lang="en").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["non-informative", "0: materi"]
    assert bar_widths(ax.containers[0]) == [4, 46]


EMPTY = frame([]).iloc[:0]
NO_ASPECTS = frame([{"nilai": 4}] * 5)
NO_RATINGS = frame([{"aspek": ["materi"], "aspek_sentimen": {"materi": "negatif"}}] * 5)


@pytest.mark.parametrize("draw", [
    lambda c, lang: plots.plot_aspect_sentiment(c, lang=lang),
    lambda c, lang: plots.plot_segment_comparison(c, "instansi", lang=lang),
    lambda c, lang: plots.plot_rating_by_aspect(c, "nilai", lang=lang),
    lambda c, lang: plots.plot_barriers(c, lang=lang),
    lambda c, lang: plots.plot_topic_sizes(c, lang=lang),
], ids=["aspect_sentiment", "segments", "rating", "barriers", "topics"])
@pytest.mark.parametrize("data", [EMPTY, pd.DataFrame(), NO_ASPECTS, NO_RATINGS], ids=["empty", "no_columns", "no_aspects", "no_ratings"])
def test_degenerate_inputs_give_a_figure(draw, data):
    for lang, note in (("id", "Tidak ada data"), ("en", "No data")):
        fig = draw(data, lang)
        assert isinstance(fig, Figure)
        fig.savefig(io.BytesIO(), format="png")  # it renders
        if len(data) == 0:
            assert note in texts_of(fig)


def test_no_aspects_or_no_ratings_say_no_data():
    assert "Tidak ada data" in texts_of(plots.plot_aspect_sentiment(NO_ASPECTS))
    assert "No data" in texts_of(plots.plot_rating_by_aspect(NO_RATINGS, "nilai", lang="en"))
    assert "Tidak ada data" in texts_of(plots.plot_barriers(NO_ASPECTS))
    assert plots.aspect_wordclouds(NO_ASPECTS) == {}


def test_a_missing_column_or_bad_option_is_named(comments):
    with pytest.raises(ValueError, match="'angkatan'.*Available columns"):
        plots.plot_segment_comparison(comments, "angkatan")
    with pytest.raises(ValueError, match="`lang`"):
        plots.plot_barriers(comments, lang="jv")
    with pytest.raises(ValueError, match="`min_n`"):
        plots.plot_segment_comparison(comments, "instansi", min_n=0)
    with pytest.raises(TypeError, match="per-comment DataFrame"):
        plots.plot_aspect_sentiment(["materi bagus"])


# -- word clouds -----------------------------------------------------------------------------------
CLOUD_TEXTS = ["Pelatihannya bagus, materinya tidak jelas", "pelatihan tidak jelas dan waktunya singkat",
               "mohon pelatihan ditambah, narasumbernya bagus", "tidak ada"]


@pytest.fixture
def cloud_comments():
    from umpanbalik import Preprocessor

    cleaned = Preprocessor().transform(CLOUD_TEXTS)
    return frame([
        {"komentar": CLOUD_TEXTS[0], "teks_bersih": cleaned[0], "sentimen": "negatif", "aspek": ["materi"]},
        {"komentar": CLOUD_TEXTS[1], "teks_bersih": cleaned[1], "sentimen": "negatif", "aspek": ["materi", "waktu"]},
        {"komentar": CLOUD_TEXTS[2], "teks_bersih": cleaned[2], "sentimen": "positif", "aspek": ["metode"]},
        {"komentar": CLOUD_TEXTS[3], "teks_bersih": cleaned[3], "non_informatif": True, "aspek": ["materi"]},
    ])


def test_wordclouds_show_written_forms_and_negation_phrases(cloud_comments, monkeypatch):
    seen = {}
    real = plots.wordcloud_figure

    def spy(frequencies, title="", **kwargs):
        seen[title] = dict(frequencies)
        return real(frequencies, title, **kwargs)

    monkeypatch.setattr(plots, "wordcloud_figure", spy)
    clouds = plots.aspect_wordclouds(cloud_comments, "komentar")
    assert list(clouds) == ["materi", "metode", "waktu"]
    assert all(isinstance(f, Figure) for f in clouds.values())
    materi = seen["Aspek materi"]
    # 2 of the 3 informative comments; generic words ("pelatihan") and the aspect's own name never show
    assert materi["tidak jelas"] == pytest.approx(2 * np.log1p(3 / 2))
    assert not {"pelatihan", "pelatihannya", "materi", "materinya"} & set(materi) and "bagus" in materi
    assert materi["singkat"] == pytest.approx(np.log1p(3 / 1))
    assert "mohon" not in seen["Aspek metode"] and "tidak ada" not in materi  # stopwords and the non-answer
    assert not any("_" in word for words in seen.values() for word in words)
    english = plots.sentiment_wordclouds(cloud_comments, "komentar", lang="en")
    assert list(english) == ["negatif", "positif"]
    assert "negative comments" in seen
    stems = plots.aspect_wordclouds(cloud_comments, text_column=None)
    assert set(stems) == {"materi", "waktu", "metode"}


def test_wordcloud_phrases_are_one_item():
    texts = ["terima kasih materinya jelas", "terima kasih pak, jadwal padat", "terima kasih, jadwal sering berubah",
             "jadwal berubah terus", "waktu kurang, jadwal padat", "materi jelas", "semoga jadwal tidak berubah lagi",
             "harus ada jadwal tetap", "semoga harus jelas"]
    from umpanbalik import Preprocessor

    comments = frame([{"komentar": t, "teks_bersih": c, "sentimen": "negatif", "aspek": ["waktu"]}
                      for t, c in zip(texts, Preprocessor().transform(texts))])
    seen = {}
    aspects, sentiments = plots.report_wordclouds(comments, "komentar")
    assert set(aspects) == {"waktu"} and aspects["waktu"].startswith("data:image/png;base64,")
    weights = plots._cloud_weights(comments["teks_bersih"], {}, {}, 40, frozenset({"waktu"}))
    seen.update(weights)
    # "terima kasih" (always together) is one item, its words are not shown apart; "jadwal" stands
    # alone too often to be glued to a neighbour; the aspect's own name is left out
    assert "terima kasih" in seen and not {"terima", "kasih", "waktu"} & set(seen) and "jadwal" in seen
    assert not {"semoga", "harus", "pak"} & set(seen)  # a wish word alone, a form of address: never


def test_wordcloud_uses_the_font_wordcloud_ships(monkeypatch):
    import wordcloud.wordcloud

    monkeypatch.setattr(wordcloud.wordcloud, "FONT_PATH", "/nonexistent/font.ttf")
    fig = plots.wordcloud_figure({"tidak jelas": 3, "materi": 2})
    assert fig.axes[0].images  # drawn with the bundled DroidSansMono, not FONT_PATH
    assert "(no words)" in texts_of(plots.wordcloud_figure({}, lang="en"))


# -- HTML ------------------------------------------------------------------------------------------
def tiny_png() -> str:
    fig = Figure(figsize=(1, 1))
    fig.add_subplot().plot([0, 1])
    return figure_to_data_uri(fig)


def test_figure_to_data_uri_embeds_a_png_and_closes_pyplot_figures():
    import matplotlib.pyplot as plt

    fig = plt.figure()
    uri = figure_to_data_uri(fig)
    assert base64.b64decode(uri.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    assert fig.number not in plt.get_fignums()


def full_context(comments) -> dict:
    png = tiny_png()
    return {
        "judul": "Evaluasi <b>Latsar</b>", "dibuat": "2024-06-30",
        "angka_kunci": [{"label": "Komentar", "nilai": 50, "catatan": "<i>contoh</i>"}],
        "gambar": {"aspek_sentimen": plots.plot_aspect_sentiment(comments), "nilai": png, "topik": png, "hambatan": png,
                   "perbandingan": png, "awan_aspek_materi": png, "awan_sentimen_negatif": png},
        "tabel": {"aspek": pd.DataFrame({"aspek": ["materi"], "jumlah": [3]}), "topik": pd.DataFrame(
                  {"topik": [0], "kata_kunci": [[("materi", 0.5)]], "aspek": [["materi", "waktu"]],
                   "sentimen": [{"negatif": 0.25}]}),
                  "hambatan": pd.DataFrame({"hambatan": ["minat"]}), "perbandingan": pd.DataFrame({"segmen": ["<A>"]}),
                  "nilai": pd.DataFrame({"aspek": ["waktu"], "rata_rata": [2.34567]})},
        "kutipan": {"materi": [{"teks": "<script>alert(1)</script>", "sentimen": "negatif"}, "materi bagus"]},
        "saran": ["<img src=x onerror=alert(1)>", "=HYPERLINK(\"http://x\")"],
    }


SECTION_IDS = ["angka", "grafik", "awan", "saran", "kutipan", "topik", "hambatan", "perbandingan", "metode"]


def test_report_has_every_section_escapes_text_and_loads_nothing(comments):
    page = render_html(full_context(comments))
    assert re.findall(r'<section id="(\w+)"', page) == SECTION_IDS
    assert "<script" not in page and "<img src=x" not in page and "<b>Latsar" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;A&gt;" in page and "materi; waktu" in page and "materi (0.5)" in page and "negatif: 0.25" in page
    assert "2,346" in page  # Indonesian decimal comma, as the key-number cards write it
    for attribute in re.findall(r'(?:src|href)="([^"]*)"', page):
        assert attribute.startswith(("data:image/png;base64,", "#")), attribute[:40]
    assert 'src="http' not in page and 'href="http' not in page and "url(" not in page and "@import" not in page
    assert page.count("<img ") == 7 and '<html lang="id">' in page and "Metode dan keterbatasan" in page


def test_report_in_english(comments):
    page = render_html(full_context(comments), lang="en")
    assert '<html lang="en">' in page
    for words in ("Key numbers", "Word clouds", "Quotes by aspect", "Methods and limitations", "association, not causation",
                  "content", "Word cloud, aspect: content", "negative"):
        assert words in page
    assert "Angka kunci" not in page and "Kutipan per aspek" not in page


def test_missing_parts_are_left_out(tmp_path):
    assert re.findall(r'<section id="(\w+)"', render_html({})) == ["metode"]
    assert "<section" not in render_html({"metode": []}) and "Laporan analisis" in render_html({"metode": []})
    page = render_html({"saran": ["tambah praktik"], "gambar": {"nilai": None}, "tabel": {}})
    assert re.findall(r'<section id="(\w+)"', page) == ["saran", "metode"]
    assert default_methods("en")[0].startswith("Preprocessing")
    path = write_html({"judul": "Laporan é \ud800\x00"}, tmp_path / "laporan.html", lang="en")  # a lone surrogate, NUL
    assert "<title>Laporan é </title>" in path.read_text(encoding="utf-8")
    page = render_html({"angka_kunci": pd.DataFrame({"label": ["Komentar"], "nilai": [3]}),
                        "tabel": {"perbandingan": pd.DataFrame({"cukup": [True], "p": [np.nan]})}})
    assert "Komentar" in page and "<td>ya</td>" in page and "nan" not in page


def test_report_refuses_external_images_and_caps_long_tables():
    with pytest.raises(ValueError, match="data:image"):
        render_html({"gambar": {"nilai": "http://example.org/x.png"}})
    with pytest.raises(TypeError, match="Figure"):
        render_html({"gambar": {"nilai": 3}})
    page = render_html({"tabel": {"topik": pd.DataFrame({"topik": range(600)})}})
    assert page.count("<tr") == 501 and "100 baris lagi" in page


def test_report_of_the_example_survey(report_context):
    page = render_html(report_context)
    assert re.findall(r'<section id="(\w+)"', page) == SECTION_IDS
    assert page.count("<img ") == len(report_context["gambar"]) >= 9
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script" not in page
    assert "Word clouds" in render_html(report_context, lang="en")


# -- Excel -----------------------------------------------------------------------------------------
HOSTILE = ["<script>alert(1)</script>", "=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "a\x00b\x1fc", "x" * 1_000_000,
           "bagus", "", "=\x00"]


def test_neutralize_formulas_prefixes_text_only_and_copies():
    data = pd.DataFrame({"=kolom": HOSTILE[:4], "nilai": [-1, 2, -3.5, 4]}, index=["-a", "b", "c", "d"])
    safe = neutralize_formulas(data)
    assert list(safe["'=kolom"]) == ["<script>alert(1)</script>", "'=1+1", "'+1", "'-2"]
    assert list(safe["nilai"]) == [-1, 2, -3.5, 4] and list(safe.index) == ["'-a", "b", "c", "d"]
    assert data.iloc[1, 0] == "=1+1"  # the input is not changed
    written = pd.read_csv(io.StringIO(safe.to_csv()), dtype=str, keep_default_na=False)
    text_cells = [*written.columns, *written.iloc[:, 0], *written.iloc[:, 1]]  # the index and the text column
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in text_cells)


def test_excel_neutralises_cleans_truncates_and_keeps_order(tmp_path):
    comments = pd.DataFrame({
        "komentar": HOSTILE,
        "aspek": [["materi", "waktu"]] + [[]] * (len(HOSTILE) - 1),
        "aspek_sentimen": [{"materi": "positif"}] + [{}] * (len(HOSTILE) - 1),
        "nilai": pd.array([5, None] + [3] * (len(HOSTILE) - 2), dtype="Int64"),
        "skor": [np.nan, np.inf] + [0.5] * (len(HOSTILE) - 2),
        "nip": [198501012010011001] * len(HOSTILE),
        "tanggal": pd.Timestamp("2024-03-25", tz="Asia/Jakarta"),
    }, index=pd.Index(range(10, 10 + len(HOSTILE)), name="baris"))
    sheets = {"ringkasan": pd.DataFrame({"=angka": [1]}), "komentar": comments, "a/b?": pd.DataFrame({"x": [1]}),
              "A/B*": pd.DataFrame({"x": [2]}), "saran": pd.DataFrame()}
    path = write_excel(sheets, tmp_path / "hasil.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["ringkasan", "komentar", "a_b_", "A_B_ (2)", "saran"]
    assert all(cell.data_type != "f" for sheet in book for row in sheet.iter_rows() for cell in row)
    sheet = book["komentar"]
    assert sheet.freeze_panes == "A2" and all(cell.font.b for cell in sheet[1])
    header = [c.value for c in sheet[1]]
    assert header == ["baris", "komentar", "aspek", "aspek_sentimen", "nilai", "skor", "nip", "tanggal"]
    texts = [row[0] for row in sheet.iter_rows(min_row=2, min_col=2, max_col=2, values_only=True)]
    # XML turns a carriage return into a line feed when the file is read back
    # formula-like text is kept as written, as text with Excel's quote prefix: shown as typed, never evaluated
    expected = ["<script>alert(1)</script>", "=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\nx", "abc", None, "bagus", None, "="]
    assert [t for i, t in enumerate(texts) if i != 8] == [e for i, e in enumerate(expected) if i != 8]
    prefixed = [cell.quotePrefix for (cell,) in sheet.iter_rows(min_row=2, min_col=2, max_col=2)]
    assert prefixed == [text is not None and text[:1] in "=+-@\t\n" for text in texts]
    assert len(texts[8]) == EXCEL_MAX_CHARS and texts[8].startswith("x" * 30_000) and texts[8].endswith("1000000 karakter]")
    first = [c.value for c in sheet[2]]
    assert first[0] == 10 and first[2:7] == ["materi; waktu", "materi: positif", 5, None, "198501012010011001"]
    assert [c.value for c in sheet[3]][4:6] == [None, "inf"] and first[7].year == 2024
    assert book["ringkasan"]["A1"].value == "=angka" and book["ringkasan"]["A1"].quotePrefix
    # a categorical column or index holds text too: its "=1+1" was written as a live formula
    categorical = pd.DataFrame({"grup": pd.Categorical(["=1+1", "ok"]), "n": [1, 2]},
                               index=pd.CategoricalIndex(["=SUM(1,2)", "b"], name="k"))
    kategori = load_workbook(write_excel({"a": categorical}, tmp_path / "kategori.xlsx"))["a"]
    cells = [cell for row in kategori.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert {cell.value for cell in cells if cell.quotePrefix} == {"=1+1", "=SUM(1,2)"}
    assert 10 <= sheet.column_dimensions["B"].width <= 62
    with pytest.raises(ValueError, match="empty"):
        write_excel({}, tmp_path / "kosong.xlsx")


def test_excel_splits_a_table_longer_than_a_sheet_and_loses_no_row(tmp_path, monkeypatch):
    from umpanbalik import report

    monkeypatch.setattr(report, "EXCEL_MAX_ROWS", 4)  # a sheet holds 3 rows under its header
    frame = pd.DataFrame({"x": np.arange(8), "teks": [f"t{i}" for i in range(8)]})
    path = write_excel({"komentar": frame, "aspek": frame.head(3)}, tmp_path / "besar.xlsx")
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["komentar", "komentar_2", "komentar_3", "aspek"]
    assert report.excel_sheet_names("komentar", 8) == ["komentar", "komentar_2", "komentar_3"]
    rows = [list(book[name].values) for name in book.sheetnames[:3]]
    assert all(part[0] == ("x", "teks") for part in rows)
    assert [r[0] for part in rows for r in part[1:]] == list(range(8))
    with pytest.raises(ValueError, match="16,384"):
        write_excel({"lebar": pd.DataFrame(np.zeros((1, 16_385), dtype=np.int8))}, tmp_path / "lebar.xlsx")
    with pytest.raises(ValueError, match="has 16,385 columns"):  # a named index is one more column
        write_excel({"ok": frame, "lebar": pd.DataFrame(np.zeros((1, 16_384), dtype=np.int8), index=["a"])}, tmp_path / "lebar.xlsx")
    assert not (tmp_path / "lebar.xlsx").exists()


def test_excel_of_the_example_survey(survey_comments, tmp_path):
    from umpanbalik.analysis.tables import aspect_polarity_counts

    path = write_excel({"komentar": survey_comments, "aspek": aspect_polarity_counts(survey_comments)}, tmp_path / "survei.xlsx")
    sheet = load_workbook(path, read_only=True)["komentar"]
    rows = list(sheet.values)
    assert len(rows) == len(survey_comments) + 1 and rows[0][:2] == ("id_responden", "tanggal")


def test_the_per_comment_csv_heads_its_index_as_the_workbook_does(tmp_path):
    """An unnamed index was written under an empty header (pandas reads it back as "Unnamed: 0")."""
    from umpanbalik import analyze

    result = analyze(pd.Series(["materi bagus", "jadwal padat"], index=[7, 9]), topics=False, progress=False)
    back = pd.read_csv(result.to_csv(tmp_path / "k.csv"), encoding="utf-8-sig")
    sheet = pd.read_excel(result.to_excel(tmp_path / "h.xlsx"), sheet_name="komentar")
    assert back.columns[0] == sheet.columns[0] == "index" and back["index"].tolist() == [7, 9]
    named = analyze(pd.DataFrame({"komentar": ["a"]}, index=pd.Index([3], name="id_responden")), topics=False, progress=False)
    assert pd.read_csv(named.to_csv(tmp_path / "n.csv"), encoding="utf-8-sig").columns[0] == "id_responden"


def test_example_suggestions_are_not_presented_as_a_ranking(tmp_path):
    """'Saran teratas' numbered 1-10 read as the most frequent requests; they are varied examples."""
    from umpanbalik import analyze

    texts = ["mohon waktu ditambah", "tolong materi diperbarui", "sebaiknya ada praktik", "mohon rekaman dibagikan"] * 5
    page = analyze(texts, topics=False, progress=False).to_html(tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<ul class="saran">' in page and '<ol class="saran">' not in page and "Saran teratas" not in page
    assert "bukan peringkat" in page


def test_theme_rankings_say_how_much_of_their_kind_they_cover():
    """A short bar ('jadwal bentrok', 6) read as a rare problem while 91% of complaints fit no theme."""
    from umpanbalik import analyze, load_survey
    from umpanbalik.report import render_html

    result = analyze(load_survey().head(600), "komentar", topics=False, progress=False)
    themes = result.themes()
    complaints = themes[themes["jenis"] == "keluhan"]
    from umpanbalik.themes import NOT_THEMES

    themed = int(complaints.loc[~complaints["label"].isin(NOT_THEMES), "jumlah"].sum())
    page = render_html(result.report_context())
    assert f"Tema di atas mencakup {themed} dari {int(complaints['jumlah'].sum())} komentar" in page
    # each kind names its own general line ("keluhan umum" under the complaints, not all three)
    said = page[page.index(f"Tema di atas mencakup {themed} dari"):]
    said = said[:said.index("</")]
    assert "keluhan umum" in said and "pujian umum" not in said and "harapan umum" not in said


def test_the_themes_have_their_own_section_after_the_charts():
    """The rankings of complaints, suggestions and praise landed under 'Lainnya', after the comparisons."""
    import re

    from umpanbalik import analyze, load_survey
    from umpanbalik._i18n import text
    from umpanbalik.report import render_html

    page = render_html(analyze(load_survey().head(600), "komentar", by="instansi", topics=False, progress=False).report_context())
    headings = re.findall(r'<h2[^>]*>([^<]+)</h2>', page)
    themes = text("sec_themes", "id")
    assert themes in headings and text("sec_other", "id") not in headings
    assert headings.index(themes) < headings.index(text("sec_comparison", "id"))
    section = page.split(f">{themes}</h2>", 1)[1].split("<h2", 1)[0]
    assert 'class="peringkat keluhan"' in section
    # no rating was given: the charts' heading promises none (it said "Sentimen per aspek dan nilai")
    assert text("sec_charts_unrated", "id") in headings and text("sec_charts", "id") not in headings
    rated = render_html(analyze(load_survey().head(300), "komentar", rating="nilai", topics=False, progress=False).report_context())
    assert text("sec_charts", "id") in re.findall(r'<h2[^>]*>([^<]+)</h2>', rated)


def test_the_cloud_of_negative_comments_leaves_praise_words_out():
    """'bagus', 'baik' and 'relevan' stood large in the cloud of complaints (concessions such as
    'materi bagus, tapi …'), and confused the reader."""
    from umpanbalik import Preprocessor, analyze, load_survey
    from umpanbalik.plots import _cloud_inputs, _sentiment_clouds

    result = analyze(load_survey().head(600), "komentar", topics=False, progress=False)
    weights = _sentiment_clouds(_cloud_inputs(result.comments, "komentar", None), "id", 40, render=lambda w, title: w)
    assert not {"bagus", "baik", "relevan"} & set(weights["negatif"])
    assert {"bagus", "baik"} & set(weights["positif"])
    # thanks closing a complaint is a formula, not the complaint; beside another word, a fragment
    thanks = pd.DataFrame({"komentar": ["jadwal sering molor, mohon diperbaiki, terima kasih"] * 8
                           + ["dosennya pilih kasih ke mahasiswa tertentu"] * 8
                           + ["terimakasih ilmunya sangat bermanfaat"] * 8 + ["terima kasih, materinya bagus"] * 8,
                           "sentimen": ["negatif"] * 16 + ["positif"] * 16})
    thanks["teks_bersih"] = Preprocessor().transform(thanks["komentar"])
    clouds = _sentiment_clouds(_cloud_inputs(thanks, "komentar", None), "id", 40, render=lambda w, title: w)
    assert not any("terima" in term for term in clouds["negatif"]) and "pilih kasih" in clouds["negatif"]
    assert "terima kasih" in clouds["positif"] and not any("kasih " in term for term in clouds["positif"])


def test_a_grouping_column_of_free_text_is_noted_and_its_chart_stays_drawable(tmp_path, capsys):
    """--by on the comment column made a 10 MB report of 1,783 one-comment bars, with matplotlib's
    "Glyph 157 (\\x9d) missing from font(s)" warnings on the terminal and no word of why."""
    import warnings

    from umpanbalik import analyze
    from umpanbalik.cli import main

    texts = [f"materi bagus nomor {i}" for i in range(119)] + ["alat peraga bagus \x9d 👍"]  # first by name among equals
    frame = pd.DataFrame({"teks": texts, "unit": ["A", "B"] * 60})
    result = analyze(frame, text="teks", by=["teks", "unit"], topics=False, progress=False)
    assert [n for n in result.notes if "'teks'" in n and "120 nilai berbeda" in n]
    assert not [n for n in result.notes if "'unit'" in n]  # a real grouping is not noted
    rng = np.random.default_rng(0)
    options = ["Waktu singkat", "Sinyal buruk", "Materi padat", "Jadwal bentrok", "Tugas banyak", "Ruang panas",
               "Narasumber cepat", "Konsumsi kurang"]
    ticked = [", ".join(sorted(rng.choice(options, rng.integers(2, 5), replace=False))) for _ in range(120)]
    checkbox = analyze(frame.assign(**{"Kendala (boleh pilih lebih dari satu)": ticked}), text="teks",
                       by="Kendala (boleh pilih lebih dari satu)", topics=False, progress=False)
    assert len(set(ticked)) > 60 and checkbox.notes == []  # its combinations are most rows, its options eight
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no glyph warning
        fig = result.plot_comparison("teks")
        fig.canvas.draw()
    names = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(names) == 40 and any("?" in n for n in names) and not any("\x9d" in n or "👍" in n for n in names)
    assert "80 kelompok lagi tidak digambar" in " ".join(t.get_text() for t in fig.texts)
    frame.to_csv(tmp_path / "ekspor.csv", index=False)
    assert main(["--lang", "en", "analyze", str(tmp_path / "ekspor.csv"), "-t", "teks", "--by", "teks", "--topics", "0",
                 "--no-progress", "--format", "csv", "-o", str(tmp_path / "hasil")]) == 0
    assert "holds 120 different values in 120 filled rows" in capsys.readouterr().err


def test_the_non_answer_card_says_it_counts_the_empty_comments_too():
    """The cards read "Komentar kosong 103", "Non-informatif 212", "Komentar informatif 1.354": 103 too
    many for 1,566 rows, since the non-answers include the empty comments."""
    from umpanbalik import analyze
    from umpanbalik.analysis.exports import key_cards

    result = analyze(["materi bagus", "", "-", "waktu kurang"], topics=False, progress=False)
    cards = {card["label"]: card["nilai"] for card in key_cards(result.key_numbers(), "id")}
    assert cards["Komentar kosong"] == "1" and cards["Non-informatif (termasuk kosong)"] == "2"
    assert cards["Komentar informatif"] == "2"


def test_quotes_per_aspect_show_criticism_and_praise_in_proportion():
    # picked over every mention, the majority's polarity took every quote: an aspect the findings
    # called most criticised showed three praises
    from umpanbalik import analyze

    texts = ["materinya sangat bagus dan lengkap", "materi mudah dipahami, terima kasih", "modul dan materinya menarik",
             "materi relevan dan bermanfaat", "materinya bagus sekali"] * 8 + \
            ["materi terlalu padat dan membosankan", "modul materinya kurang lengkap"] * 4
    context = analyze(texts, topics=False, progress=False).report_context()
    polarities = [q["sentimen"] for q in context["kutipan"]["materi"]]
    assert polarities[0] == "negatif" and polarities.count("positif") >= 1 and len(polarities) == 3


def test_a_kind_with_no_theme_leaves_the_themes_section_out():
    # "the themes above cover 0 of 42 comments (0%)" under a ranking of "lainnya" alone
    from umpanbalik import analyze, load_form_export

    question = analyze(load_form_export(), text="auto", topics=False, progress=False)["5.21"]
    from umpanbalik.themes import NOT_THEMES

    assert set(question.themes()["label"]) <= NOT_THEMES
    assert not [name for name in question.report_context()["tabel"] if name.startswith("tema_")]


def test_an_empty_table_is_said_in_a_sentence_not_drawn_as_a_header_over_no_rows():
    # "Kelompok yang berbeda" with no group that differs was a header row and nothing under it
    from umpanbalik._html import render_html

    empty = pd.DataFrame(columns=["segmen", "ukuran", "porsi"])
    for lang, sentence in (("id", "Tidak ada kelompok yang berbeda nyata"), ("en", "No group differs clearly")):
        page = render_html({"tabel": {"perbandingan_sorotan_kelas": empty, "topik": empty}}, lang=lang)
        assert sentence in page and "<th>segmen</th>" not in page.lower()
    assert "Tidak ada baris yang memenuhi syarat tabel ini" in render_html({"tabel": {"topik": empty}})


def test_excel_shows_shares_as_percentages_and_leaves_other_numbers_alone(tmp_path):
    # shares were written as 0.2321428571428572 in General format
    summary = pd.DataFrame({"ukuran": ["kosong", "rata_rata_nilai"], "nilai": [18.0, 3.6], "porsi": [0.06, np.nan],
                            "ci_bawah": [0.04, 3.5], "ci_atas": [0.09, 3.7]})
    effects = pd.DataFrame({"aspek": ["waktu"], "koefisien": [-0.75], "ci_bawah": [-0.95], "ci_atas": [-0.55],
                            "prevalensi": [0.31]})
    book = load_workbook(write_excel({"ringkasan": summary, "nilai_dampak": effects}, tmp_path / "porsi.xlsx"))
    rows = list(book["ringkasan"].iter_rows(min_row=2))
    assert [c.number_format for c in rows[0][2:5]] == ["0.0%"] * 3 and rows[0][2].value == 0.06
    assert [c.number_format for c in rows[1][3:5]] == ["General"] * 2  # a mean rating's interval
    dampak = [c.number_format for c in next(book["nilai_dampak"].iter_rows(min_row=2))]
    assert dampak == ["General", "General", "General", "General", "0.0%"]
