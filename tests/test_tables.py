"""One source of numbers: every chart of the report draws the table printed under it (same numbers,
same order), and the key numbers, findings and workbook sheets count by the one rule of
``umpanbalik.schema`` — for the bundled survey and for generated data."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from matplotlib.container import BarContainer, ErrorbarContainer

from umpanbalik import load_survey
from umpanbalik._i18n import label, text
from umpanbalik.analysis import Analysis, analyze, tables
from umpanbalik.report import render_html
from umpanbalik.schema import ASPECTS, BARRIERS

# -- reading a chart back ----------------------------------------------------------------------------


def drawn_bars(fig) -> list[tuple[str, list[float]]]:
    """Each bar container of a horizontal bar chart: its label and its bar lengths, top row first."""
    ax = fig.axes[0]
    ticks = dict(zip(np.round(ax.get_yticks(), 6), [t.get_text() for t in ax.get_yticklabels()]))
    result = []
    for container in (c for c in ax.containers if isinstance(c, BarContainer)):
        bars = sorted(container.patches, key=lambda p: p.get_y() + p.get_height() / 2, reverse=not ax.yaxis_inverted())
        result.append((container.get_label(), [(ticks.get(round(p.get_y() + p.get_height() / 2, 6)), float(p.get_width()))
                                               for p in bars]))
    return result


def drawn_points(fig) -> dict[str, list[float]]:
    """The x values of each errorbar series (the rating chart), top row first."""
    ax = fig.axes[0]
    points = {}
    for container in (c for c in ax.containers if isinstance(c, ErrorbarContainer)):
        line = container.lines[0]
        order = np.argsort(line.get_ydata())
        points[container.get_label()] = [float(x) for x in np.asarray(line.get_xdata())[order]]
    return points


def check_figure(name: str, fig, table: pd.DataFrame, analysis: Analysis, lang: str) -> None:
    """The numbers and the order ``fig`` shows are those of ``table``."""
    if name == "sentimen":
        [(_, bars)] = drawn_bars(fig)
        assert [b[0] for b in bars] == [label(s, lang) for s in table.index]
        np.testing.assert_allclose([b[1] for b in bars], table["porsi"].to_numpy())
    elif name == "aspek_sentimen":
        containers = drawn_bars(fig)
        polarities = tables.polarity_columns(table)
        assert [c[0] for c in containers] == [label(p, lang) for p in polarities]
        for (_, bars), polarity in zip(containers, polarities):
            assert [b[0] for b in bars] == [label(a, lang) for a in table.index]
            assert [b[1] for b in bars] == table[polarity].astype(float).tolist()
        assert (table[polarities].sum(axis=1) == table["disebut"]).all()  # every mention has one polarity
    elif name == "nilai":
        points = drawn_points(fig)
        for polarity in ("negatif", "positif"):
            part = table[table["polaritas"] == polarity]
            np.testing.assert_allclose(points[label(polarity, lang)], part["rata_rata"].to_numpy(dtype=float))
    elif name == "topik":
        [(_, bars)] = drawn_bars(fig)
        assert [b[1] for b in bars] == [*table["ukuran"].astype(float), float(analysis.key_numbers().set_index("ukuran").loc["non_informatif", "nilai"])]
        assert list(table["ukuran"]) == sorted(table["ukuran"], reverse=True)  # largest first, chart and table
    elif name == "hambatan":
        [(_, bars)] = drawn_bars(fig)
        shown = table[table["jumlah"] > 0]
        assert [b[0] for b in bars] == [label(c, lang) for c in shown.index]
        np.testing.assert_allclose([b[1] for b in bars], shown["porsi"].to_numpy())
    elif name.startswith("perbandingan_"):
        [(_, bars)] = drawn_bars(fig)
        np.testing.assert_allclose([b[1] for b in bars], table["porsi"].to_numpy())
        assert [b[0].split(" (n=")[0] for b in bars] == [s if len(s) <= 40 else s[:39] + "…" for s in map(str, table["segmen"])]
    else:
        raise AssertionError(f"no check for the figure {name!r}")


def check_report(analysis: Analysis, lang: str = "id") -> dict:
    context = analysis.report_context(lang=lang)
    charts = {k: v for k, v in context["gambar"].items() if not k.startswith("awan_")}
    assert charts, "the report has no chart"
    for name, fig in charts.items():
        assert name in context["tabel"], f"the chart {name!r} has no table"
        check_figure(name, fig, context["tabel"][name], analysis, lang)
    return context


def check_counts(analysis: Analysis) -> None:
    """Key numbers, summary and workbook sheets agree with each other and with the counting rule."""
    comments = analysis.comments
    informative = ~comments["non_informatif"].to_numpy(dtype=bool)
    key = analysis.key_numbers().set_index("ukuran")["nilai"]
    assert key["komentar"] == len(comments) and key["informatif"] == informative.sum()
    assert key["non_informatif"] == len(comments) - informative.sum()
    sheets = analysis._sheets()
    assert list(sheets)[0] == "temuan"
    if "saran" in comments:
        expected = int((comments["saran"].to_numpy(dtype=bool) & informative).sum())
        assert key["saran"] == expected == len(sheets["saran"]) == analysis.summary()["saran"].loc["saran", "jumlah"]
    if "aspek" in comments and analysis.task == "evaluasi":
        aspects = analysis.aspect_table()
        pd.testing.assert_frame_equal(sheets["aspek"].set_index("aspek"), aspects, check_names=False)
        for aspect, row in aspects.iterrows():
            mentions = [dict(d).get(aspect, "netral") for a, d in zip(comments["aspek"][informative], comments["aspek_sentimen"][informative])
                        if aspect in a or aspect in d]
            assert row["disebut"] == len(mentions) and row["negatif"] == mentions.count("negatif")
        assert analysis.sentiment_table()["jumlah"].sum() == informative.sum()


# -- the bundled survey --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def survey_result() -> Analysis:
    return analyze(load_survey().iloc[::3], by=["instansi", "moda"], rating="nilai", barriers="alasan_tidak_ikut",
                   topics=5, progress=False)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_chart_of_the_survey_report_draws_its_table(survey_result, lang):
    context = check_report(survey_result, lang)
    assert {"sentimen", "aspek_sentimen", "nilai", "topik", "hambatan"} <= set(context["gambar"])
    # one comparison per segmentation, each with its tests and highlights, captioned with its column
    for by in ("instansi", "moda"):
        assert f"perbandingan_{by}" in context["gambar"]
        assert {f"perbandingan_uji_{by}", f"perbandingan_sorotan_{by}"} <= set(context["tabel"])
    page = render_html(context, lang=lang)
    for caption in (("Porsi komentar negatif per kelompok: moda", "Uji khi-kuadrat per ukuran: moda") if lang == "id"
                    else ("Share of negative comments by group:", "Chi-square test per measure:")):
        assert caption in page, caption


def test_key_numbers_summary_and_sheets_of_the_survey_agree(survey_result):
    check_counts(survey_result)


# -- generated data ------------------------------------------------------------------------------------
WORDS = ["materi", "jadwal", "narasumber", "zoom", "praktik", "modul", "diskusi", "tugas", "kantor", "sinyal", "bagus",
         "kurang", "padat", "jelas", "menarik", "lambat", "relevan", "singkat"]


class _TopicModel(SimpleNamespace):
    """What the report reads of a fitted TopicModel: its topic table."""


def generated(seed: int, n: int = 400) -> Analysis:
    """A per-comment frame with random labels of every kind, as analyze would return it."""
    rng = np.random.default_rng(seed)
    informative = rng.random(n) > rng.uniform(0.05, 0.4)
    aspects, polarity = [], []
    for keep in informative:
        chosen = [a for a in ASPECTS if keep and rng.random() < rng.uniform(0.1, 0.5)]
        polarities = {a: str(rng.choice(["negatif", "netral", "positif"], p=[0.5, 0.2, 0.3])) for a in chosen}
        if chosen and rng.random() < 0.1:
            polarities.pop(chosen[0])  # an aspect without a polarity: counts as netral
        aspects.append(chosen)
        polarity.append(polarities)
    texts = [" ".join(rng.choice(WORDS, size=rng.integers(4, 9))) if keep else str(rng.choice(["-", "tidak ada", "cukup"]))
             for keep in informative]
    topic = np.where(informative, rng.choice(4, size=n, p=[0.4, 0.3, 0.2, 0.1]), -1)
    frame = pd.DataFrame({
        "komentar": texts, "teks_bersih": texts, "unit": rng.choice(["Dinas A", "Dinas B", "RSUD", "Kecamatan"], size=n),
        "nilai": np.where(rng.random(n) < 0.1, np.nan, rng.integers(1, 6, size=n)).astype(float),
        "sentimen": rng.choice(["negatif", "netral", "positif"], size=n), "skor_sentimen": 0.0,
        "aspek": aspects, "aspek_sentimen": polarity, "bukti_aspek": [{}] * n,
        "saran": rng.random(n) < 0.3,  # some non-answers are flagged as suggestions too: they must not count
        "non_informatif": ~informative, "topik": topic,
        "label_topik": [f"topik {t}" if t >= 0 else "non-informatif" for t in topic],
        "alasan": [" ".join(rng.choice(WORDS, size=3)) if rng.random() < 0.6 else "" for _ in range(n)],
        "hambatan": [list(rng.choice(BARRIERS[:5], size=rng.integers(0, 3), replace=False)) for _ in range(n)],
    }, index=pd.Index([f"r{i}" for i in rng.permutation(n)], dtype=object))
    topics = _TopicModel(topics_=pd.DataFrame({"topik": range(4), "label": [f"topik {t}" for t in range(4)],
                                               "kata_kunci": [[("materi", 0.5)]] * 4, "contoh": [["materi bagus"]] * 4}),
                         n_topics_=4)
    return Analysis(frame, text="komentar", by=["unit"], rating="nilai", barriers="alasan", task="evaluasi",
                    topic_model=topics, names=[], lang="id", notes=[], random_state=seed)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_chart_of_a_generated_report_draws_its_table(seed):
    analysis = generated(seed)
    assert (analysis.comments["saran"] & analysis.comments["non_informatif"]).any()
    check_report(analysis, "id" if seed % 2 else "en")
    check_counts(analysis)


def test_barrier_chart_and_table_count_the_answered_respondents():
    analysis = generated(3)
    table = analysis.barriers()
    answered = analysis.comments["alasan"].str.strip() != ""
    assert table.attrs["n"] == answered.sum()
    for code, row in table.iterrows():
        assert row["jumlah"] == sum(code in codes for codes in analysis.comments.loc[answered.to_numpy(), "hambatan"])
    assert list(table["jumlah"]) == sorted(table["jumlah"], reverse=True)


# -- the counting rule on a hand-made frame -------------------------------------------------------------
def test_non_answers_count_nowhere_but_in_their_own_number():
    frame = pd.DataFrame({
        "komentar": ["materi bagus", "tidak ada", "mohon jadwal dikunci", "-"],
        "sentimen": ["positif", "netral", "negatif", "netral"],
        "aspek": [["materi"], ["materi"], ["waktu"], []],  # a non-answer with an aspect (a model's mistake)
        "aspek_sentimen": [{"materi": "positif"}, {"materi": "netral"}, {"waktu": "negatif"}, {}],
        "saran": [False, True, True, True], "non_informatif": [False, True, False, True],
    })
    assert tables.aspect_table(frame)["disebut"].to_dict() == {"materi": 1, "waktu": 1}
    assert tables.aspect_polarity_counts(frame).loc["materi"].tolist() == [0, 0, 1]
    flags = tables.flag_table(frame)
    assert flags.loc["saran", "jumlah"] == 1 and flags.loc["saran", "dasar"] == 2
    assert flags.loc["non_informatif", "jumlah"] == 2 and flags.loc["non_informatif", "dasar"] == 4
    key = tables.key_numbers(frame, "komentar").set_index("ukuran")
    assert key.loc["saran", "nilai"] == 1 and key.loc["saran", "porsi"] == 0.5
    assert tables.sentiment_table(frame)["jumlah"].tolist() == [1, 0, 1]


def test_an_aspect_without_a_polarity_is_neutral_in_every_table():
    frame = pd.DataFrame({"aspek": [["materi"], ["materi", "waktu"]], "aspek_sentimen": [{}, {"waktu": "negatif"}],
                          "nilai": [4, 2]})
    table = tables.aspect_table(frame)
    assert table.loc["materi", ["disebut", "negatif", "netral", "positif"]].tolist() == [2, 0, 2, 0]
    ratings = tables.rating_by_aspect(frame, "nilai").set_index(["aspek", "polaritas"])
    assert ratings.loc[("materi", "netral"), "n"] == 2 and ratings.loc[("waktu", "negatif"), "rata_rata"] == 2


def test_small_expected_counts_are_flagged_not_significant():
    rng = np.random.default_rng(0)
    n = 300
    unit = np.array(["A", "B", "C"] * (n // 3))
    # waktu is rarely mentioned, and only in A: a large difference on very few comments
    aspects = [["waktu"] if u == "A" and i < 24 else ["materi"] for i, u in enumerate(unit)]  # 8 comments of A
    polarity = [{a: "negatif" if rng.random() < 0.5 else "positif" for a in row} for row in aspects]
    frame = pd.DataFrame({"komentar": ["k"] * n, "unit": unit, "sentimen": rng.choice(["negatif", "positif"], n),
                          "aspek": aspects, "aspek_sentimen": polarity, "teks_bersih": "k", "saran": False,
                          "non_informatif": False})
    analysis = Analysis(frame, text="komentar", by=["unit"], rating=None, barriers=None, task="evaluasi", topic_model=None,
                        names=[], lang="id", notes=[], random_state=0)
    tests = analysis.compare("unit").uji.set_index("ukuran")
    assert tests.loc["menyebut_waktu", "p_holm"] < 0.05 and tests.loc["menyebut_waktu", "min_expected"] < 5
    assert tests.loc["menyebut_waktu", "harapan_kecil"] and not tests.loc["menyebut_waktu", "signifikan"]
    assert "menyebut_waktu" not in set(analysis.compare("unit").sorotan["ukuran"])


def test_topic_table_is_sorted_like_its_chart_and_shares_are_of_informative_comments():
    frame = pd.DataFrame({"topik": [0, 1, 1, 1, 2, 2, -1, -1], "label_topik": ["a", "b", "b", "b", "c", "c", "x", "x"],
                          "non_informatif": [False] * 6 + [True] * 2})
    table = tables.topic_table(frame)
    assert table["topik"].tolist() == [1, 2, 0] and table["porsi"].tolist() == [0.5, 2 / 6, 1 / 6]
    assert table.attrs["tanpa_topik"] == 2
    from umpanbalik import plots

    bars = drawn_bars(plots.plot_topic_sizes(frame))[0][1]
    assert [b[0] for b in bars] == ["1: b", "2: c", "0: a", text("non_informative", "id")]
    assert [b[1] for b in bars] == [3, 2, 1, 2]


def test_notebook_display_shows_the_key_numbers_as_people_read_them():
    html = generated(4)._repr_html_()
    assert "<td>Komentar informatif</td>" in html and "<td>materi</td>" in html
    assert "Porsi (IK 95%)" in html and "% komentar (IK 95%)" in html and "ci_bawah" not in html


def test_the_english_report_shows_the_librarys_general_names_and_aspects_in_english(survey_result):
    """Theme and topic names the library gives ("harapan umum", "lainnya") and cells of several
    aspects ("metode; materi") were left in Indonesian in an English report."""
    import re

    context = survey_result.report_context(lang="id")
    shown = pd.concat([t for n, t in context["tabel"].items() if n.startswith(("tema_", "topik"))], ignore_index=True)
    assert shown["label"].astype(str).str.match(r"(harapan umum|lainnya|pujian umum|keluhan umum)( \(|$)").any()
    assert shown["aspek"].astype(str).str.contains("; ").any()  # the test needs a cell of several aspects
    page = render_html(survey_result.report_context(lang="en"), lang="en")
    cells = re.findall(r"<td>([^<]*)</td>", page)
    assert not [c for c in cells if re.match(r"(harapan umum|lainnya|pujian umum|keluhan umum)( \(|$)", c)]
    assert not [c for c in cells if re.fullmatch(r"(materi|metode|relevansi|waktu)(; (materi|metode|relevansi|waktu))+", c)]
    assert any(re.fullmatch(r"(content|teaching method|relevance|time)(; (content|teaching method|relevance|time))+", c)
               for c in cells)


def test_the_workbook_holds_what_the_rating_and_segment_findings_rest_on(survey_result, tmp_path):
    """The findings sheet stated the regression and the segment differences, but no sheet held them."""
    book = pd.read_excel(survey_result.to_excel(tmp_path / "h.xlsx"), sheet_name=None)
    assert {"nilai_dampak", "uji_kelompok", "kelompok_berbeda"} <= set(book)
    assert set(book["uji_kelompok"]["kolom"]) == {"instansi", "moda"}
    assert len(book["uji_kelompok"]) == len(survey_result.compare("instansi").uji) + len(survey_result.compare("moda").uji)
    assert book["nilai_dampak"]["aspek"].tolist() == survey_result.rating_effects()["aspek"].tolist()


def test_the_workbooks_theme_charts_leave_the_general_lines_off(survey_result):
    """'lainnya' (most of a kind) dwarfed the themes in the workbook's bar charts."""
    from umpanbalik.analysis.exports import workbook_charts

    sheets = survey_result._sheets()
    labels = sheets["tema"]["label"].astype(str).tolist()
    for spec in workbook_charts(sheets, "id")["tema"]:
        assert not {"lainnya", "harapan umum"} & set(labels[spec.first:spec.last + 1])


def test_a_dash_in_the_why_not_column_is_no_respondent():
    # half the respondents wrote "-": "waktu/beban kerja: 103 dari 300 responden yang menjawab (34%)"
    reasons = ["kerjaan kantor numpuk, tidak bisa ditinggal", "atasan tidak mengizinkan"] * 75 + ["-", " - ", "?"] * 50
    frame = pd.DataFrame({"komentar": ["materi bagus"] * 300, "alasan": reasons})
    result = analyze(frame, barriers="alasan", topics=False, progress=False)
    table = result.barriers()
    assert table.attrs["n"] == 150
    key = result.key_numbers().set_index("ukuran")
    assert key.loc["menjawab_hambatan", "nilai"] == 150


def test_group_names_typed_in_other_case_or_spacing_are_one_group():
    # "Dinas Kesehatan", "dinas kesehatan" and "DINAS KESEHATAN" were three agencies in every table and test
    units = ["Dinas Kesehatan"] * 50 + ["dinas kesehatan"] * 20 + ["DINAS  KESEHATAN "] * 10 + ["Bappeda"] * 80
    frame = pd.DataFrame({"komentar": ["materi bagus sekali", "jadwal terlalu padat"] * 80, "unit": units})
    result = analyze(frame, by="unit", topics=False, progress=False)
    assert sorted(result.compare("unit").tabel.index.astype(str)) == ["Bappeda", "Dinas Kesehatan"]
    shares = tables.segment_shares(result.comments, "unit")
    assert set(shares["segmen"]) == {"Bappeda", "Dinas Kesehatan"} and shares["n"].sum() == 160


def test_a_mean_ratings_interval_stays_on_the_ratings_scale():
    # two ratings, 1 and 5, among 1-5 answers: the t interval ran from -22 to 28 and stretched the chart's axis
    import numpy as np

    from umpanbalik.analysis import tables

    comments = pd.DataFrame({"komentar": ["a", "b", "c", "d"], "teks_bersih": ["a", "b", "c", "d"],
                             "sentimen": ["positif", "positif", "negatif", "negatif"], "aspek": [[], [], [], []],
                             "aspek_sentimen": [{}, {}, {}, {}], "non_informatif": [False] * 4, "nilai": [1, 5, 2, 4]})
    table = tables.rating_by_aspect(comments, "nilai")
    row = table[(table["aspek"] == "semua") & (table["polaritas"] == "positif")].iloc[0]
    assert row["rata_rata"] == 3 and row["ci_bawah"] == 1 and row["ci_atas"] == 5
    assert np.isfinite(tables.mean_rating(comments, "nilai")[1])
    # ratings 4, 5, 5 are on a 1-5 scale: the interval is cut at 5, not at the lowest rating given (4.00-5.00
    # claimed more certainty than three answers give)
    high = comments.assign(nilai=[4, 5, 5, 5], sentimen=["positif"] * 4)
    mean, low, upper, n = tables.mean_rating(high, "nilai")
    assert 3 < low < 4 and upper == 5
