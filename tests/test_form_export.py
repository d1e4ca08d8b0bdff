"""A Google-Forms-shaped export analysed as people have it: several open questions, columns named by
their numbers, a Likert rating written as text and a checkbox question as segments."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from umpanbalik import MultiAnalysis, analyze, load_form_export
from umpanbalik.analysis import tables
from umpanbalik.columns import question_number


@pytest.fixture(scope="module")
def export() -> pd.DataFrame:
    return load_form_export()


@pytest.fixture(scope="module")
def result(export) -> MultiAnalysis:
    return analyze(export, text="auto", by=["1.4", "3.1"], rating="5.5", topics=3, progress=False)


def _column(frame: pd.DataFrame, number: str) -> str:
    return next(c for c in frame.columns if question_number(c) == number)


def test_the_open_questions_are_found_and_each_analysed_on_every_row(export, result):
    assert [question_number(q) for q in result.questions] == ["5.20", "5.21", "5.22"]
    assert result.codes == {q: question_number(q) for q in result.questions}
    for question, analysis in result.questions.items():
        assert analysis.text == question and len(analysis.comments) == len(export) == len(result)
        assert analysis.comments.index.equals(export.index)
        assert analysis.comments[export.columns].equals(export)  # the export comes back untouched
        assert analysis.rating == _column(export, "5.5") and analysis.by == [_column(export, "1.4"), _column(export, "3.1")]
    assert result["5.22"] is result.questions[_column(export, "5.22")]
    assert result["5.21. Apa kendala"] is result.questions[_column(export, "5.21")]
    with pytest.raises(KeyError, match="Did you mean '5.22. Berikan"):
        result["5.23"]  # noqa: B018 - not a question of this result
    # iterated as a DataFrame is (its questions), and asked "in" as results[...] resolves (raised ColumnError '0')
    assert list(result) == list(result.questions) and [result[q] for q in result] == list(result.questions.values())
    assert "5.22" in result and "5.23" not in result and 0 not in result
    assert 5.22 not in result and ["5.22"] not in result and float("nan") not in result  # as a DataFrame answers


def test_a_list_of_questions_by_number_gives_the_same_results(export, result):
    two = analyze(export, text=["5.22", "5.21"], rating="5.5", topics=False, progress=False)
    assert [question_number(q) for q in two.questions] == ["5.22", "5.21"]
    assert two["5.22"].comments["sentimen"].equals(result["5.22"].comments["sentimen"])
    single = analyze(export, text="5.22", rating="5.5", topics=False, progress=False)
    assert type(single).__name__ == "Analysis" and single.text == _column(export, "5.22")


def test_rating_auto_finds_the_overall_rating_as_the_cli_does(export):
    questions = analyze(export, text="auto", rating="auto", topics=False, progress=False)
    assert {analysis.rating for analysis in questions.questions.values()} == {_column(export, "5.5")}
    single = analyze(export, text="5.22", rating="auto", topics=False, progress=False)
    assert single.rating == _column(export, "5.5") and single.rating_scale()["skor"].notna().all()
    none = analyze(export[[_column(export, "5.22")]], text="5.22", rating="auto", topics=False, progress=False)
    assert none.rating is None  # no rating question: no rating, no error


def test_the_likert_rating_is_scored_as_its_scale(export, result):
    words = export[_column(export, "5.5")]
    expected = words.map({"Sangat tidak puas": 1, "Tidak puas": 2, "Cukup puas": 3, "Puas": 4, "Sangat puas": 5}).mean()
    key = result["5.22"].key_numbers().set_index("ukuran")
    assert key.loc["rata_rata_nilai", "nilai"] == round(expected, 3) and key.loc["rata_rata_nilai", "dasar"] == 160
    scale = result.rating_scale()
    assert scale["jawaban"].tolist() == ["Tidak puas", "Cukup puas", "Puas", "Sangat puas"]
    assert scale["jumlah"].sum() == 160 and scale.attrs["skala"] == (1.0, 5.0)
    ratings = result["5.21"].rating_by_aspect()
    assert ratings["n"].max() > 0  # the rating is used, not silently ignored
    likert = result.likert_table().set_index("pertanyaan")
    assert len(likert) == 7 and likert.loc[_column(export, "5.8"), "skala"] == "0–1"
    assert np.isclose(likert.loc[_column(export, "5.8"), "rata_rata"], (export[_column(export, "5.8")] == "Ya").mean())


def test_checkbox_answers_are_segments_by_choice(export, result):
    column = _column(export, "3.1")
    analysis = result["5.21"]
    shares = tables.segment_shares(analysis.comments, column)
    informative = ~analysis.comments["non_informatif"].to_numpy()
    for row in shares.itertuples():
        if row.segmen == "(kosong)":
            continue
        ticked = export[column].str.contains(row.segmen, regex=False).to_numpy()
        assert row.n == int((ticked & informative).sum())
    assert shares.attrs["n"] == int(informative.sum())  # each comment once, though it is in several segments
    assert "Jaringan internet tidak stabil" in set(shares["segmen"])
    comparison = analysis.compare("3.1", min_n=5)
    assert "segmen" in comparison.uji  # one test per choice: who ticked it against who did not
    assert set(comparison.uji["segmen"]) <= set(comparison.tabel.index)
    assert comparison.tabel.loc["Waktu pelatihan terlalu singkat", "n"] == int(
        (export[column].str.contains("Waktu pelatihan terlalu singkat").to_numpy() & informative).sum())


def test_the_exports_put_the_questions_together(result, tmp_path):
    frame = result.to_frame()
    assert len(frame) == 160 and {"5.20_sentimen", "5.21_aspek", "5.22_saran"} <= set(frame.columns)
    assert "sentimen" not in frame.columns
    csv = pd.read_csv(result.to_csv(tmp_path / "k.csv"), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(csv) == 160
    from openpyxl import load_workbook

    book = load_workbook(result.to_excel(tmp_path / "h.xlsx"), read_only=True)
    assert book.sheetnames[:4] == ["temuan", "pertanyaan", "skala_nilai", "penilaian"]  # every question's findings first
    assert {"5.20_temuan", "5.21_aspek", "5.22_saran", "komentar"} <= set(book.sheetnames)
    book.close()
    charted = load_workbook(tmp_path / "h.xlsx")  # each question's theme sheet has its bar charts
    theme_sheets = [name for name in charted.sheetnames if name.endswith("_tema")]
    assert theme_sheets
    for name in theme_sheets:
        sheet = pd.read_excel(tmp_path / "h.xlsx", sheet_name=name)
        themed = sheet[~sheet["label"].isin(["harapan umum", "pujian umum", "keluhan umum", "lainnya"])]  # the general lines stay off the charts
        assert len(charted[name]._charts) == themed["jenis"].nunique(), name
    book = load_workbook(result.to_excel(tmp_path / "dua.xlsx", sheets=["5.22_temuan", "pertanyaan"]), read_only=True)
    assert book.sheetnames == ["5.22_temuan", "pertanyaan"]
    book.close()
    html = result.to_html(tmp_path / "laporan.html").read_text(encoding="utf-8")
    for question in result.questions:
        assert html.count(f"<h2>{question}</h2>") == 1  # a section per question
    assert html.count('id="pertanyaan-5-22-temuan"') == 1 and "Skala nilai" in html and "Penilaian pada skala Likert" in html
    assert result.findings()["pertanyaan"].nunique() == 3
    assert set(result.key_numbers()["pertanyaan"]) == {str(q) for q in result.questions}
    overview = result.overview()
    assert overview["kode"].tolist() == ["5.20", "5.21", "5.22"] and (overview["dijawab"] <= 160).all()


def test_a_streamed_file_gives_each_question_the_same_results(export, tmp_path):
    from umpanbalik.datasets import form_export_path

    path = tmp_path / "ekspor.csv"
    path.write_bytes(form_export_path().read_bytes())
    whole = analyze(path, text=["5.21", "5.22"], rating="5.5", by="3.1", topics=False, progress=False)
    streamed = analyze(path, text=["5.21", "5.22"], rating="5.5", by="3.1", topics=False, progress=False, chunksize=45)
    pd.testing.assert_frame_equal(whole.to_frame(flat=True), streamed.to_frame(flat=True))


def test_questions_of_why_not_answers_keep_their_own_barriers(tmp_path):
    frame = pd.DataFrame({"Alasan Anda": ["atasan tidak memberi izin", "beban kerja tinggi", "-", "jadwal bentrok"] * 3,
                          "Alasan rekan": ["tidak ada anggaran", "tidak tahu infonya", "malas", "-"] * 3})
    results = analyze(frame, text=["Alasan Anda", "Alasan rekan"], task="hambatan", topics=False, progress=False)
    combined = results.to_frame()
    assert {"p1_hambatan", "p2_hambatan"} <= set(combined.columns) and "hambatan" not in combined.columns
    assert combined["p1_hambatan"].tolist() == results["Alasan Anda"].comments["hambatan"].tolist()
    html = results.to_html(tmp_path / "laporan.html").read_text(encoding="utf-8")
    assert html.count("Hambatan mengikuti pelatihan</h3>") == 2  # each question's own barrier section


def test_the_overall_share_of_a_checkbox_comparison_counts_each_comment_once(result):
    analysis = result["5.21"]
    column = next(c for c in analysis.comments.columns if question_number(c) == "3.1")
    shares = tables.segment_shares(analysis.comments, column)
    informative = ~analysis.comments["non_informatif"].to_numpy()
    expected = (analysis.comments["sentimen"].to_numpy()[informative] == "negatif").mean()
    assert np.isclose(shares.attrs["porsi"], expected)
    assert shares["n"].sum() > shares.attrs["n"]  # the segments overlap


def test_the_overview_names_a_criticised_aspect_only_where_the_findings_do():
    # "Questions at a glance" named content and time where the findings said no aspect could be named
    # (too few, or a tie: a review)
    results = analyze(load_form_export(), text="auto", topics=False, progress=False)
    overview = results.overview().set_index("kode")["aspek_dikritik"]
    for code, analysis in results.questions.items():
        finding = analysis.findings().set_index("kunci").loc["aspect"]
        named = overview[next(k for k in overview.index if str(code).startswith(k))]
        assert (named != "") == bool(finding["didukung"]), (code, named, finding["temuan"])


def test_the_overview_names_the_criticised_aspect_the_findings_name():
    # (the form export's questions name none: this one does)
    from umpanbalik import load_survey

    results = analyze(load_survey(), text=["komentar", "alasan_tidak_ikut"], topics=False, progress=False)
    finding = results["komentar"].findings().set_index("kunci").loc["aspect"]
    assert finding["didukung"]
    named = results.overview().set_index("pertanyaan").loc["komentar", "aspek_dikritik"]
    from umpanbalik._i18n import label

    assert named and label(named) in finding["temuan"], (named, finding["temuan"])
