"""Headline findings: stated only when the data support them, with figure, interval and quotes."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from umpanbalik import load_survey
from umpanbalik.analysis import Analysis, MultiAnalysis, analyze, tables
from umpanbalik.analysis.findings import MIN_BASE, MIN_COUNT, headline_findings


def frame_of(rows: list[tuple[int, dict]], **extra) -> pd.DataFrame:
    """``(count, row)`` pairs as a per-comment frame."""
    records = [row for count, row in rows for _ in range(count)]
    defaults = {"komentar": "k", "teks_bersih": "k", "sentimen": "netral", "aspek": [], "aspek_sentimen": {}, "saran": False,
                "non_informatif": False}
    return pd.DataFrame([{**defaults, **extra, **r} for r in records])


def findings_of(frame: pd.DataFrame, lang: str = "id", **parts) -> dict:
    key = tables.key_numbers(frame, "komentar")
    found = headline_findings(key=key, lang=lang, sentiment=tables.sentiment_table(frame),
                              aspects=tables.aspect_table(frame), suggestions=tables.suggestion_aspects(frame), **parts)
    return {f.key: f for f in found}


def test_a_clear_most_criticised_aspect_is_stated_with_its_figure_and_interval():
    frame = frame_of([(60, {"aspek": ["waktu"], "aspek_sentimen": {"waktu": "negatif"}, "sentimen": "negatif"}),
                      (15, {"aspek": ["materi"], "aspek_sentimen": {"materi": "negatif"}, "sentimen": "negatif"}),
                      (125, {"sentimen": "positif"})])
    finding = findings_of(frame)["aspect"]
    assert finding.supported and finding.figure == "30%" and finding.interval == "24–37%"
    assert "waktu" in finding.text and "30%" in finding.text and "24–37%" in finding.text
    assert finding.quotes == {"aspect": "waktu", "sentiment": "negatif"}
    sentiment = findings_of(frame)["sentiment"]
    assert sentiment.supported and "positif lebih banyak" in sentiment.text and sentiment.figure == "62%"


def test_overlapping_intervals_are_named_and_not_claimed():
    frame = frame_of([(30, {"aspek": ["waktu"], "aspek_sentimen": {"waktu": "negatif"}}),
                      (27, {"aspek": ["metode"], "aspek_sentimen": {"metode": "negatif"}}), (100, {})])
    finding = findings_of(frame)["aspect"]
    assert not finding.supported and "waktu" in finding.text and "metode" in finding.text
    assert "belum cukup untuk memisahkan" in finding.text


def test_too_few_comments_say_so_instead_of_a_finding():
    frame = frame_of([(MIN_COUNT - 1, {"aspek": ["waktu"], "aspek_sentimen": {"waktu": "negatif"}}),
                      (MIN_BASE - MIN_COUNT + 1, {"sentimen": "positif"})])
    found = findings_of(frame)
    assert not found["aspect"].supported and f"paling banyak {MIN_COUNT - 1} komentar" in found["aspect"].text
    assert found["aspect"].figure == ""  # the sentence states no share: nor does the card
    assert not found["suggestion"].supported and "Tidak ada komentar informatif yang berisi saran" in found["suggestion"].text
    few = frame.head(MIN_BASE - 1)
    assert not findings_of(few)["sentiment"].supported and "terlalu sedikit" in findings_of(few)["sentiment"].text
    # a "most criticised" over fewer than MIN_BASE comments is no finding either, however many name it
    # (12 of 15 comments: "the most criticised aspect is time, 80%", supported: a review)
    small = frame_of([(12, {"aspek": ["waktu"], "aspek_sentimen": {"waktu": "negatif"}}), (3, {"sentimen": "positif"})])
    aspect = findings_of(small)["aspect"]
    assert not aspect.supported and aspect.figure == "" and "untuk menyimpulkan aspek mana" in aspect.text
    assert aspect.quotes == {} and found["aspect"].quotes == {}  # nothing concluded: no evidence quoted for it


def test_no_answers_at_all_is_said_plainly_not_as_a_share_of_nothing():
    """A header-only file: no "0 dari 0 jawaban (–, )"; empty answers are named as such."""
    none = analyze(pd.DataFrame({"komentar": pd.Series([], dtype=object)}), topics=False, progress=False)
    for lang, said in (("id", "Data tidak berisi satu jawaban pun"), ("en", "The data hold no answer")):
        row = none.findings(lang=lang).set_index("kunci").loc["non_informative"]
        assert row["temuan"].startswith(said) and not row["didukung"] and "0 " not in row["temuan"]
    empty = analyze(pd.DataFrame({"komentar": ["", None, "-", float("nan")]}), topics=False, progress=False)
    text = empty.findings().set_index("kunci").loc["non_informative", "temuan"]
    assert text.startswith("4 dari 4 jawaban (100%") and "kosong" in text
    assert empty.notes == ["tidak satu pun dari 4 jawaban berisi masukan (semuanya kosong atau seperti \"-\" dan "
                           "\"tidak ada\"): sentimen, aspek, saran dan topik tidak dihitung"]
    topics = analyze(pd.DataFrame({"komentar": ["", "-"]}), progress=False, lang="en")  # no topic fit's error either
    assert topics.topic_model is None and len(topics.notes) == 1 and topics.notes[0].startswith("none of the 2 answers")


def test_the_most_requested_change_counts_informative_suggestions_only():
    frame = frame_of([(40, {"aspek": ["metode"], "aspek_sentimen": {"metode": "negatif"}, "saran": True}),
                      (10, {"aspek": ["waktu"], "aspek_sentimen": {"waktu": "netral"}, "saran": True}),
                      (30, {"aspek": ["waktu"], "saran": True, "non_informatif": True}), (20, {})])
    finding = findings_of(frame)["suggestion"]
    assert finding.supported and "metode" in finding.text and "40 dari 50 saran" in finding.text and finding.figure == "80%"


def test_ratings_segments_barriers_and_non_answers():
    rng = np.random.default_rng(4)
    n = 600
    waktu = rng.random(n) < 0.3
    unit = np.where(np.arange(n) % 3 == 0, "A", "B")
    sentiment = np.where(rng.random(n) < np.where(unit == "A", 0.7, 0.3), "negatif", "positif")
    frame = pd.DataFrame({"komentar": "k", "teks_bersih": "k", "unit": unit, "sentimen": sentiment,
                          "aspek": [["waktu"] if w else ["materi"] for w in waktu],
                          "aspek_sentimen": [{"waktu": "negatif"} if w else {"materi": "positif"} for w in waktu],
                          "nilai": np.clip(np.round(4.2 - 1.0 * waktu + rng.normal(0, 0.5, n)), 1, 5),
                          "saran": False, "non_informatif": np.arange(n) % 10 == 0,
                          "alasan": "sibuk", "hambatan": [["waktu_beban_kerja"] if i % 2 else ["minat"] for i in range(n)]})
    analysis = Analysis(frame, text="komentar", by=["unit"], rating="nilai", barriers="alasan", task="evaluasi",
                        topic_model=None, names=[], lang="id", notes=[], random_state=0)
    table = analysis.findings(n_quotes=2)
    assert table["kunci"].tolist() == ["sentiment", "aspect", "suggestion", "rating", "segment", "barrier", "non_informative"]
    rows = table.set_index("kunci")
    assert rows.loc["rating", "didukung"] and "waktu" in rows.loc["rating", "temuan"] and rows.loc["rating", "angka"].startswith("−")
    assert rows.loc["segment", "didukung"] and "lebih sering" in rows.loc["segment", "temuan"]
    assert rows.loc["segment", "temuan"].startswith('Pada kelompok unit "A", ')
    assert not rows.loc["barrier", "didukung"]  # 50% against 50%: the two cannot be told apart
    assert rows.loc["non_informative", "angka"] == "10%" and "60 dari 600" in rows.loc["non_informative", "temuan"]
    assert rows.loc["segment", "kutipan_1"] == "k"  # quotes of the segment's negative comments
    flat = frame.assign(nilai=4.0, sentimen=np.where(np.arange(n) % 2, "negatif", "positif"))
    flat_analysis = Analysis(flat, text="komentar", by=["unit"], rating="nilai", barriers="alasan", task="evaluasi",
                             topic_model=None, names=[], lang="en", notes=[], random_state=0)
    rows = flat_analysis.findings(lang="en").set_index("kunci")
    assert not rows.loc["rating", "didukung"] and "includes zero" in rows.loc["rating", "temuan"]
    assert not rows.loc["segment", "didukung"] and "No group of unit differs" in rows.loc["segment", "temuan"]
    # one group large enough to test: no test ran, and the finding says so rather than "no group differs"
    lone = frame.assign(unit=np.where(np.arange(n) < 20, "kecil", "besar"))
    untested = Analysis(lone, text="komentar", by=["unit"], rating="nilai", barriers="alasan", task="evaluasi",
                        topic_model=None, names=[], lang="id", notes=[], random_state=0)
    assert untested.compare("unit").uji.empty
    row = untested.findings().set_index("kunci").loc["segment"]
    assert not row["didukung"] and "tidak dapat dibandingkan" in row["temuan"] and "berbeda nyata" not in row["temuan"]


@pytest.fixture(scope="module")
def survey_result() -> Analysis:
    return analyze(load_survey().iloc[1::3], by=["instansi", "moda"], rating="nilai", barriers="alasan_tidak_ikut",
                   topics=False, progress=False)


def test_the_survey_opens_with_five_to_seven_findings_in_either_language(survey_result):
    for lang, foreign in (("id", r"\b(the|of|comments)\b"), ("en", r"\b(komentar|dari|yang|dan)\b")):
        table = survey_result.findings(lang=lang)
        assert 5 <= len(table) <= 7
        for row in table.itertuples():
            assert not re.search(foreign, row.temuan), row.temuan
            if row.didukung and row.angka.endswith("%"):
                assert row.angka in row.temuan and row.ik_95 in row.temuan
        assert table["kutipan_1"].str.len().gt(0).sum() >= 5  # the findings show their comments
    context = survey_result.report_context()
    assert [f["teks"] for f in context["temuan"]] == survey_result.findings()["temuan"].tolist()
    anchors = {group["id"] for group in context["bukti"]}
    assert {f["tautan"] for f in context["temuan"] if f["tautan"]} == anchors


def test_findings_lead_the_report_and_the_workbook(survey_result, tmp_path):
    from openpyxl import load_workbook

    page = survey_result.to_html(tmp_path / "laporan.html").read_text(encoding="utf-8")
    assert re.findall(r'<section id="(\w+)"', page)[0] == "temuan"
    assert page.index("Temuan utama") < page.index("Angka kunci")
    for anchor in re.findall(r'href="#(bukti-\d+)"', page):
        assert f'id="{anchor}"' in page
    book = load_workbook(survey_result.to_excel(tmp_path / "hasil.xlsx"), read_only=True)
    assert book.sheetnames[0] == "temuan"
    header = [c.value for c in next(book["temuan"].iter_rows(max_row=1))]
    assert header[:7] == ["no", "kunci", "temuan", "angka", "ik_95", "dasar", "didukung"]


def test_an_unknown_language_is_the_clear_error_the_report_gives_not_a_key_error(tmp_path):
    frame = frame_of([(40, {"sentimen": "negatif"}), (40, {"sentimen": "positif"})])
    analysis = Analysis(frame, text="komentar", by=[], rating=None, barriers=None, task="evaluasi", topic_model=None,
                        names=[], lang="id", notes=[], random_state=0)
    both = MultiAnalysis({"5.21. Kendala": analysis, "5.22. Saran": analysis})
    unknown = r"^`lang` must be one of 'id', 'en'; got 'xx'\.$"
    for call in (lambda: analysis.findings(lang="xx"), lambda: both.findings(lang="xx"),
                 lambda: findings_of(frame, lang="xx"),
                 lambda: analysis.to_html(tmp_path / "a.html", lang="xx"), lambda: both.to_html(tmp_path / "b.html", lang="xx")):
        with pytest.raises(ValueError, match=unknown):
            call()
    assert analysis.findings(lang="en")["temuan"].str.contains("comments").any()


def test_the_sentiment_findings_figure_is_the_share_it_leads_with():
    """With negatives dominating, the card showed the positive share (37%) beside 'negatives dominate'."""
    found = findings_of(frame_of([(60, {"sentimen": "negatif"}), (30, {"sentimen": "positif"}), (10, {})]))["sentiment"]
    assert "negatif lebih banyak" in found.text and found.figure == "60%" and found.quotes == {"sentiment": "negatif"}
    found = findings_of(frame_of([(30, {"sentimen": "negatif"}), (60, {"sentimen": "positif"}), (10, {})]))["sentiment"]
    assert found.figure == "60%" and found.quotes == {"sentiment": "positif"}


def test_a_finding_that_opens_with_a_label_starts_with_a_capital():
    frame = frame_of([(30, {"aspek": ["waktu"], "aspek_sentimen": {"waktu": "negatif"}}),
                      (27, {"aspek": ["metode"], "aspek_sentimen": {"metode": "negatif"}}), (100, {})])
    assert findings_of(frame, lang="en")["aspect"].text.startswith("Time (")


def test_a_quote_illustrates_one_finding_only(survey_result):
    """One nurse's comment was the quote of four findings, which read as four pieces of evidence."""
    table = survey_result.findings()
    quotes = [q for c in ("kutipan_1", "kutipan_2", "kutipan_3") for q in table[c] if isinstance(q, str) and q]
    assert len(quotes) >= 12 and len(quotes) == len(set(quotes))


def test_integer_column_names_give_findings_a_report_and_a_workbook(tmp_path):
    """A frame read with ``header=None`` (columns 0, 1): the segment finding's quotes looked the
    column up as '1' (a KeyError in findings, to_html and to_excel)."""
    from openpyxl import load_workbook

    n = 120
    unit = np.where(np.arange(n) % 2 == 0, "A", "B")
    negative = ((unit == "A") & (np.arange(n) % 4 == 0)) | (np.arange(n) % 10 == 1)
    frame = pd.DataFrame({0: [f"komentar {i}" for i in range(n)], 1: unit, "sentimen": np.where(negative, "negatif", "positif"),
                          "aspek": [["waktu"]] * n, "aspek_sentimen": [{"waktu": "negatif" if x else "positif"} for x in negative],
                          "saran": False, "non_informatif": False})
    frame["teks_bersih"] = frame[0]
    analysis = Analysis(frame, text=0, by=[1], rating=None, barriers=None, task="evaluasi", topic_model=None, names=[],
                        lang="id", notes=[], random_state=0)
    segment = analysis.findings(n_quotes=3).set_index("kunci").loc["segment"]
    assert segment["didukung"] and "lebih sering bernada negatif: 50%" in segment["temuan"]
    quoted = [int(segment[f"kutipan_{i}"].split()[1]) for i in (1, 2, 3)]  # "komentar 8": the negative comments of unit A
    assert all(unit[i] == "A" and negative[i] for i in quoted)
    assert analysis.to_html(tmp_path / "laporan.html").exists()
    assert "kelompok_berbeda" in load_workbook(analysis.to_excel(tmp_path / "hasil.xlsx"), read_only=True).sheetnames


def test_a_barrier_segment_finding_is_backed_by_the_reports_comparison_tables(tmp_path):
    """Barrier coding with ``by``: the report stated "in mode daring respondents name … more often"
    with no table behind it; it now shows the tests and the groups that differ, as the workbook does."""
    n = 120
    daring = np.arange(n) % 2 == 0
    technical = daring & (np.arange(n) % 4 == 0)  # half of daring names a technical barrier, no luring does
    information = ~daring & (np.arange(n) % 12 == 1)  # a sixth of luring: teknis is the clearest difference
    codes = np.where(technical, "teknis", np.where(information, "informasi", "waktu_beban_kerja"))
    frame = pd.DataFrame({"alasan": [f"alasan {i}" for i in range(n)], "moda": np.where(daring, "daring", "luring"),
                          "hambatan": [[code] for code in codes], "non_informatif": False})
    frame["teks_bersih"] = frame["alasan"]
    analysis = Analysis(frame, text="alasan", by=["moda"], rating=None, barriers=None, task="hambatan", topic_model=None,
                        names=[], lang="id", notes=[], random_state=0)
    groups = pd.read_excel(analysis.to_excel(tmp_path / "hasil.xlsx"), sheet_name="kelompok_berbeda", engine="openpyxl")
    for lang, heading, measure, direction in (("id", "Perbandingan antarkelompok", "hambatan: teknis", "lebih tinggi"),
                                              ("en", "Comparison between groups", "barrier: technical problems", "higher")):
        finding = analysis.findings(lang=lang).set_index("kunci").loc["segment"]
        assert finding["didukung"] and "daring" in finding["temuan"] and measure.split(": ")[1] in finding["temuan"]
        tables = analysis.report_context(lang=lang)["tabel"]
        shown = tables["perbandingan_sorotan_moda"]
        pd.testing.assert_frame_equal(shown.reset_index(drop=True), groups[shown.columns], check_dtype=False)  # the workbook's rows
        assert set(tables["perbandingan_uji_moda"]["ukuran"]) == {"hambatan_teknis", "hambatan_informasi", "hambatan_waktu_beban_kerja"}
        page = analysis.to_html(tmp_path / f"laporan_{lang}.html", lang=lang).read_text(encoding="utf-8")
        assert '<section id="perbandingan"' in page and heading in page
        section = page[page.index('<section id="perbandingan"'):]
        section = section[:section.index("</section>")]
        # the finding's figure and its group's row: daring, technical barrier, 50% (38–62%) against 0%
        assert re.search(rf"<td>daring</td>\s*<td>{measure}</td>\s*<td>{re.escape(finding['angka'])} "
                         rf"\({re.escape(finding['ik_95'])}\)</td>\s*<td>0%</td>\s*<td>{direction}</td>", section), section


def test_a_checkbox_segment_is_quoted_apart_from_its_question():
    """Indonesian ran the question and the option together ("Pada 3.1. Kendala … (boleh pilih lebih
    dari satu) Waktu pelatihan terlalu singkat, komentar …"); the option is now quoted, as in English."""
    n = 120
    question = "3.1. Kendala yang Anda alami (boleh pilih lebih dari satu)"
    short = np.arange(n) % 3 == 0
    answers = np.where(short, "Waktu pelatihan terlalu singkat, Materi kurang relevan",
                       np.where(np.arange(n) % 3 == 1, "Materi kurang relevan", "Jadwal bentrok"))
    frame = frame_of([(1, {})] * n).assign(**{question: answers, "aspek": [["waktu"] if cut else ["materi"] for cut in short]})
    analysis = Analysis(frame, text="komentar", by=[question], rating=None, barriers=None, task="evaluasi", topic_model=None,
                        names=[], lang="id", notes=[], random_state=0)
    said = {lang: analysis.findings(lang=lang).set_index("kunci").loc["segment", "temuan"] for lang in ("id", "en")}
    spoken = question[len("3.1. "):]  # (a form's question number is left out of a sentence)
    assert said["id"].startswith(f'Pada kelompok {spoken} "Waktu pelatihan terlalu singkat", komentar lebih ')
    assert said["en"].startswith(f'Where {spoken} is "Waktu pelatihan terlalu singkat", comments ')


@pytest.mark.parametrize(("critics", "supported"), [(MIN_COUNT - 3, False), (MIN_COUNT + 5, True)])
def test_a_rating_gap_is_stated_only_over_enough_criticising_comments(critics, supported):
    """"Comments that criticise content come with ratings 0.74 points lower", marked supported, rested
    on 7 of 127 answers to "what was most useful" (bare topics read as criticism)."""
    n = 130
    criticise = np.arange(n) < critics
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"komentar": "k", "teks_bersih": "k", "sentimen": np.where(criticise, "negatif", "positif"),
                          "aspek": [["materi"]] * n,
                          "aspek_sentimen": [{"materi": "negatif" if c else "positif"} for c in criticise],
                          "nilai": np.where(criticise, 2.0, 4.5) + rng.normal(0, 0.2, n), "saran": False,
                          "non_informatif": False})
    analysis = Analysis(frame, text="komentar", by=[], rating="nilai", barriers=None, task="evaluasi", topic_model=None,
                        names=[], lang="id", notes=[], random_state=0)
    assert analysis.rating_effects()["ci_atas"].iloc[0] < 0  # the gap itself is clear either way
    row = analysis.findings().set_index("kunci").loc["rating"]
    assert bool(row["didukung"]) is supported
    if not supported:
        assert f"hanya pada {critics} komentar bernilai (minimal {MIN_COUNT})" in row["temuan"]


def test_the_most_requested_change_is_shown_by_requests_that_name_it():
    """Its first quote was a wish that names nothing ("semoga lebih baik lagi dalam memberikan
    materi"): the themes put such wishes in "harapan umum"; the finding now shows them last."""
    from umpanbalik.themes import GENERAL_WISH

    wishes = [f"semoga {w} lebih baik lagi dalam mengajar" for w in ("kedepannya", "ke depan", "selanjutnya", "nanti")] * 8
    requests = ["mohon menjelaskan lebih pelan", "tolong jelaskan lebih pelan pak", "mohon contoh soal ditambah",
                "sebaiknya contoh soal diperbanyak", "mohon lebih pelan menerangkan materi"] * 3
    result = analyze(wishes + requests + ["materi bagus sekali"] * 10, topics=False, progress=False)
    themes = result.comment_themes()
    assert themes.index.equals(result.comments.index) and list(themes.columns) == ["keluhan", "saran", "pujian"]
    assert (themes["saran"].iloc[: len(wishes)] == GENERAL_WISH).mean() > 0.5  # the wishes are general wishes
    row = result.findings(n_quotes=3).set_index("kunci").loc["suggestion"]
    assert row["kutipan_1"] in requests and row["kutipan_2"] in requests, row.to_dict()


def test_non_answer_quotes_count_an_answer_however_it_is_written():
    # "Tidak ada (2×)", "tidak ada (1×)", "Tidak Ada. (1×)" were six answers of the same non-answer
    answers = ["tidak ada", "Tidak ada", "Tidak Ada.", "tidak ada.", "Tidak ada ", "Tidak ada!", "-", "-", "."]
    texts = answers + [f"materinya bagus dan relevan dengan tugas nomor {i}" for i in range(30)]
    row = analyze(texts, topics=False, progress=False).findings().set_index("kunci").loc["non_informative"]
    assert row["kutipan_1"] == "Tidak ada (6×)" and row["kutipan_2"] == "- (2×)"


def test_the_barrier_finding_of_a_report_on_several_questions_is_said_once():
    # "waktu/beban kerja: 80 dari 120 responden" stood under each of three unrelated questions
    from umpanbalik import load_form_export
    from umpanbalik.report import render_html

    export = load_form_export()
    export["6.1 Mengapa tidak ikut pelatihan lain?"] = ["sibuk", "biaya mahal", "atasan tidak mengizinkan", "-"] * 40
    multi = analyze(export, text=["5.20", "5.21", "5.22"], barriers="6.1", topics=False, progress=False)
    found = multi.findings()
    # once, last, under the why-not column (it was filed under the first question)
    assert (found["kunci"] == "barrier").sum() == 1 and found["pertanyaan"].iloc[-1] == "6.1 Mengapa tidak ikut pelatihan lain?"
    assert found["pertanyaan"].iloc[:-1].nunique() == 3
    context = multi.report_context()
    page = render_html(context)
    sentence = found.loc[found["kunci"] == "barrier", "temuan"].iloc[0]
    assert page.count(sentence.split(":")[0]) == 2  # the findings list and its evidence, once each
    # the first screen leads with each question's first findings (it held the barrier finding alone),
    # each linked to its quotes in the question's section
    lead = context["temuan"]
    assert [f["teks"].split(":")[0] for f in lead[:-1]] == [c for c in ("5.20", "5.21", "5.22") for _ in range(2)]
    assert lead[-1]["teks"] == sentence
    from umpanbalik._html import _anchor

    for finding in lead[:-1]:
        if finding["tautan"]:
            assert f'href="#{_anchor(finding["tautan"])}"' in page and f'id="{_anchor(finding["tautan"])}"' in page


def test_the_most_requested_change_counts_an_aspect_a_suggestion_praises_no_more():
    # "coach responsif di WA, mohon waktu bimbingan dijadwalkan": metode praised beside a request
    # about waktu counted as a request about metode, and made metode the most requested change
    praise_and_ask = {"saran": True, "aspek": ["metode", "waktu"], "aspek_sentimen": {"metode": "positif", "waktu": "negatif"},
                      "komentar": "narasumber responsif, mohon waktu bimbingan dijadwalkan"}
    ask_metode = {"saran": True, "aspek": ["metode"], "aspek_sentimen": {"metode": "netral"}, "komentar": "perbanyak praktik"}
    frame = frame_of([(60, praise_and_ask), (20, ask_metode), (80, {"sentimen": "positif"})])
    table = tables.suggestion_aspects(frame)
    assert table["jumlah"].to_dict() == {"waktu": 60, "metode": 20} and table.attrs["n"] == 80
    finding = findings_of(frame)["suggestion"]
    assert finding.supported and "waktu" in finding.text and finding.quotes == {"aspect": "waktu", "suggestions": True}
    analysis = Analysis(frame, text="komentar", by=[], rating=None, barriers=None, task="evaluasi", topic_model=None,
                        names=[], lang="id", notes=[], random_state=0)
    quoted = analysis.findings()
    row = quoted.loc[quoted["kunci"] == "suggestion"].iloc[0]
    quotes = [str(row[c]) for c in quoted.columns if c.startswith("kutipan")]
    assert quotes and all("waktu bimbingan" in q for q in quotes)


def test_the_non_answer_finding_of_why_not_answers_names_what_they_are_left_out_of():
    # with task="hambatan" it said non-answers were left out of "sentiment, aspects, suggestions and
    # topics", which that task does not have; most of them are blanks from those the question skipped
    frame = frame_of([(30, {"komentar": "", "non_informatif": True}), (70, {"komentar": "sibuk"})])
    key = tables.key_numbers(frame, "komentar")
    text = {task: headline_findings(key=key, task=task)[-1].text for task in ("evaluasi", "hambatan")}
    assert "sentimen, aspek, saran dan topik" in text["evaluasi"]
    assert "sentimen" not in text["hambatan"] and "responden yang menjawab" in text["hambatan"]
    assert "respondents who answered" in headline_findings(key=key, task="hambatan", lang="en")[-1].text


def test_answers_to_a_praise_question_come_with_a_note_that_bare_names_read_as_complaints(tmp_path):
    # "Apa hal yang paling bermanfaat?" answered "pohon kinerja": read negatif (the models learned from
    # criticism-and-suggestion answers, where a bare name is a complaint) with no word to the reader
    question = "5.20. Apa hal yang paling bermanfaat dari pelatihan ini?"
    frame = pd.DataFrame({question: ["pohon kinerja", "materi manajemen kinerja", "studi kasusnya", "-"] * 5,
                          "5.22. Saran": ["waktu ditambah", "mohon modul dibagikan", "-", "oke"] * 5})
    results = analyze(frame, text=[question, "5.22. Saran"], topics=False, progress=False)
    praise, other = results[question], results["5.22"]
    assert any("menanyakan hal yang bermanfaat" in note for note in praise.notes)
    assert not any("menanyakan hal yang bermanfaat" in note for note in other.notes)
    page = results.to_html(tmp_path / "laporan.html").read_text(encoding="utf-8")
    assert page.count("menanyakan hal yang bermanfaat") == 1
    # a question that also asks for weaknesses or changes is no praise question: its complaints are real
    from umpanbalik.analysis.run import looks_like_praise_question

    for header in ("Sebutkan kelebihan dan kekurangan pelatihan ini", "Apa yang menarik dan apa yang perlu diperbaiki?",
                   "Saran yang membantu peningkatan kualitas", "What did you like best and what should change?"):
        assert not looks_like_praise_question(header), header
    for header in ("Kelebihan pelatihan", "What was most useful?", "5. Apa manfaat yang paling Anda rasakan dari pelatihan ini?",
                   "Hal yang paling Anda sukai", "Manfaat yang diperoleh", "Apa saja manfaat pelatihan bagi Anda?",
                   "What did you like?"):
        assert looks_like_praise_question(header), header
    for header in ("Apakah pelatihan ini bermanfaat bagi pekerjaan Anda? Jelaskan", "Komentar", "Apa yang tidak Anda sukai?",
                   "Apa yang Anda sukai dan tidak sukai?", "Apa manfaat yang belum Anda dapatkan?"):
        assert not looks_like_praise_question(header), header


def test_a_why_not_question_is_recognised_in_the_ways_forms_ask_it():
    from umpanbalik.analysis.run import looks_like_why_not

    for header in ("Mengapa Anda jarang mengikuti pelatihan?", "Alasan tidak ikut diklat",
                   "7. Jika Anda tidak pernah mengikuti pelatihan lain tahun ini, apa alasannya?",
                   "Apa yang menyebabkan Anda tidak mengikuti pelatihan?", "Apa penyebab Anda tidak dapat hadir?",
                   "Why did you not attend?"):
        assert looks_like_why_not(header), header
    for header in ("Bagian mana yang tidak jelas dan mengapa?", "Apakah Anda puas? Apa alasannya?", "Saran", "Komentar",
                   "Apa yang menyebabkan Anda tidak puas dengan pelatihan?", "Apa yang menyebabkan pelatihan tidak efektif?",
                   "Apakah Anda tidak dapat mengikuti sesi dengan baik? Jelaskan alasannya"):
        assert not looks_like_why_not(header), header


def test_a_form_s_question_number_and_stray_spaces_stay_out_of_a_finding():
    # "Pada kelompok 2.1. Unit kerja …", "Kelompok Unit Kerja  tidak dapat …" (a review)
    from umpanbalik import analyze

    frame = pd.DataFrame({"2.1. Unit  kerja ": ["A", "B", "A"], "komentar": ["materi bagus", "waktu kurang", "oke"]})
    findings = analyze(frame, text="komentar", by="2.1. Unit  kerja ", topics=False, progress=False).findings()["temuan"]
    segment = next(text for text in findings if "elompok" in text)
    assert "Kelompok Unit kerja tidak dapat dibandingkan" in segment and "2.1" not in segment


def test_the_blank_group_is_named_in_the_report_s_language():
    # 'Where unit is "(kosong)"' in English, where the tables say "(missing)" (a review)
    from umpanbalik import analyze

    frame = pd.DataFrame({"komentar": ["waktunya terlalu singkat"] * 40 + ["materi sangat bermanfaat"] * 80,
                          "unit": [None] * 40 + ["B"] * 40 + ["C"] * 40})
    english = analyze(frame, by="unit", topics=False, progress=False, lang="en").findings().set_index("kunci").loc["segment", "temuan"]
    assert '"(missing)"' in english and "kosong" not in english
