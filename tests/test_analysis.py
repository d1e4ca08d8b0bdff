"""analyze() and Analysis: rows kept, inputs read, tables and tests computed correctly."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from umpanbalik import load_survey
from umpanbalik.analysis import Analysis, analyze


@pytest.fixture(scope="module")
def survey() -> pd.DataFrame:
    frame = load_survey().iloc[::4].head(400)
    # a non-integer, partly repeated index: results must come back on it
    frame.index = [f"r{i // 2}" for i in range(len(frame))]
    return frame


@pytest.fixture(scope="module")
def result(survey: pd.DataFrame) -> Analysis:
    return analyze(survey, by=["instansi", "moda"], rating="nilai", barriers="alasan_tidak_ikut", topics=4)


def test_every_row_comes_back_once_with_its_index_and_columns(survey, result):
    comments = result.comments
    assert len(comments) == len(survey)
    assert comments.index.equals(survey.index)
    assert comments[survey.columns].equals(survey)
    for column in ("teks_bersih", "sentimen", "skor_sentimen", "aspek", "aspek_sentimen", "saran",
                   "non_informatif", "topik", "label_topik", "hambatan"):
        assert column in comments
    assert comments["sentimen"].isin(["negatif", "netral", "positif"]).all()
    assert comments["skor_sentimen"].between(-1, 1).all()
    assert all(set(d) == set(a) for d, a in zip(comments["aspek_sentimen"], comments["aspek"]))
    blank = survey["komentar"].str.strip() == ""
    assert comments.loc[blank.to_numpy(), "non_informatif"].all()
    assert (comments.loc[comments["non_informatif"].to_numpy(), "topik"] == -1).all()


def test_summary_tables_agree_with_the_comments(result):
    summary = result.summary()
    informative = result.comments.loc[~result.comments["non_informatif"].to_numpy()]
    sentiment = summary["sentimen"]
    assert sentiment["jumlah"].sum() == len(informative)
    assert np.isclose(sentiment["porsi"].sum(), 1)
    assert ((sentiment["ci_bawah"] <= sentiment["porsi"]) & (sentiment["porsi"] <= sentiment["ci_atas"])).all()
    aspects = summary["aspek"]
    for aspect, row in aspects.iterrows():
        mentions = [d[aspect] for d in informative["aspek_sentimen"] if aspect in d]
        assert row["disebut"] == len(mentions)
        assert row["negatif"] == mentions.count("negatif")
    key = summary["angka_kunci"].set_index("ukuran")["nilai"]
    assert key["komentar"] == len(result.comments)
    # a non-answer flagged as a suggestion is no suggestion (the counting rule of umpanbalik.schema)
    assert key["saran"] == (result.comments["saran"] & ~result.comments["non_informatif"]).sum()


def test_quotes_match_the_filter_are_distinct_and_masked(survey):
    frame = survey.copy()
    frame.iloc[0, frame.columns.get_loc("komentar")] = (
        "jadwal zoom terlalu mepet dengan jam kerja, hubungi saya 081234567890 atau Budi Santoso")
    result = analyze(frame, topics=False, names=["Budi Santoso"])
    quotes = result.quotes("waktu", "negatif", n=40)
    assert 0 < len(quotes) <= 40
    assert all(d["waktu"] == "negatif" for d in quotes["aspek_sentimen"])
    cleaned = result.comments.loc[quotes.index.unique(), "teks_bersih"]
    assert quotes["kutipan"].is_unique and cleaned.nunique() >= len(quotes) - cleaned.duplicated().sum()
    assert not quotes["kutipan"].str.contains("081234567890|Budi Santoso").any()
    assert result.quotes(n=3).shape[0] == 3
    with pytest.raises(ValueError, match="aspect"):
        result.quotes("harga")


def _synthetic(comments: dict, **kwargs) -> Analysis:
    frame = pd.DataFrame(comments)
    defaults = {"teks_bersih": "x", "skor_sentimen": 0.0, "saran": False, "non_informatif": False, "bukti_aspek": [{}] * len(frame)}
    for column, value in defaults.items():
        if column not in frame:
            frame[column] = value
    return Analysis(frame, text="komentar", by=kwargs.get("by", []), rating=kwargs.get("rating"), barriers=None,
                    task="evaluasi", topic_model=None, names=[], lang="id", notes=[], random_state=0)


def test_compare_flags_the_segment_that_differs_and_guards_small_ones():
    rng = np.random.default_rng(0)
    segments = ["A"] * 120 + ["B"] * 120 + ["C"] * 120 + ["kecil"] * 10
    negative_rate = {"A": 0.75, "B": 0.35, "C": 0.35, "kecil": 1.0}
    sentiment = ["negatif" if rng.random() < negative_rate[s] else "positif" for s in segments]
    aspects = [["waktu"]] * len(segments)
    polarity = [{"waktu": s} for s in sentiment]
    analysis = _synthetic({"komentar": ["k"] * len(segments), "unit": segments, "sentimen": sentiment,
                           "aspek": aspects, "aspek_sentimen": polarity})
    comparison = analysis.compare("unit", min_n=30)
    assert comparison.tabel.loc["kecil", "cukup_data"] == False  # noqa: E712
    test = comparison.uji.set_index("ukuran").loc["sentimen"]
    assert test["signifikan"] and test["dof"] == 2  # the small segment is not in the test
    flagged = comparison.sorotan.set_index(["segmen", "ukuran"])
    assert flagged.loc[("A", "sentimen_negatif"), "arah"] == "lebih tinggi"
    assert "kecil" not in set(comparison.sorotan["segmen"])
    # no difference: nothing significant
    same = _synthetic({"komentar": ["k"] * 300, "unit": ["A", "B", "C"] * 100,
                       "sentimen": (["negatif"] * 3 + ["positif"] * 3) * 50,
                       "aspek": [["waktu"]] * 300, "aspek_sentimen": [{"waktu": "negatif"}] * 300})
    assert not same.compare("unit").uji["signifikan"].any()
    with pytest.raises(KeyError, match="Available columns"):
        same.compare("instansi")


def test_rating_effects_recover_a_planted_effect():
    rng = np.random.default_rng(1)
    n = 600
    waktu_negative = rng.random(n) < 0.3
    materi_negative = rng.random(n) < 0.2
    rating = np.clip(np.round(4.2 - 1.0 * waktu_negative - 0.2 * materi_negative + rng.normal(0, 0.5, n)), 1, 5)
    polarity = [{**({"waktu": "negatif"} if w else {}), **({"materi": "negatif"} if m else {"materi": "positif"})}
                for w, m in zip(waktu_negative, materi_negative)]
    analysis = _synthetic({"komentar": ["k"] * n, "sentimen": ["negatif"] * n, "aspek": [list(d) for d in polarity],
                           "aspek_sentimen": polarity, "nilai": [str(v) if i % 50 else "" for i, v in enumerate(rating)]},
                          rating="nilai")
    effects = analysis.rating_effects().set_index("aspek")
    assert effects.loc["waktu", "ci_bawah"] < -0.8 < -1.0 + 0.25 and effects.loc["waktu", "ci_atas"] > -1.2
    assert effects.loc["waktu", "prioritas"] == 1
    assert effects.attrs["n"] == n - n // 50  # blank ratings are missing, not zero
    by_aspect = analysis.rating_by_aspect().set_index(["aspek", "polaritas"])
    assert by_aspect.loc[("waktu", "negatif"), "rata_rata"] < by_aspect.loc[("materi", "positif"), "rata_rata"]
    with pytest.raises(ValueError, match="rating="):
        _synthetic({"komentar": ["k"], "sentimen": ["netral"], "aspek": [[]], "aspek_sentimen": [{}]}).rating_effects()


def test_barriers_count_the_answered_rows(result, survey):
    table = result.barriers()
    answered = survey["alasan_tidak_ikut"].fillna("").str.contains(r"[^\W_]")  # a letter or a digit: "-" is no answer
    assert table.attrs["n"] == answered.sum() < (survey["alasan_tidak_ikut"].str.strip() != "").sum()
    for code, row in table.iterrows():
        assert row["jumlah"] == sum(code in b for b in result.comments.loc[answered.to_numpy(), "hambatan"])
        assert len(row["contoh"]) <= 3
    per_segment = result.barriers(by="moda")
    assert per_segment["n"].sum() == answered.sum()


def test_barrier_task_codes_the_text_column():
    answers = ["atasan tidak kasih izin", "kerjaan numpuk, tidak bisa ditinggal", "", None, "sinyal jelek di kantor"]
    result = analyze(pd.Series(answers, name="alasan"), "alasan", task="hambatan", topics=False)
    assert len(result.comments) == 5
    assert "dukungan_pimpinan" in result.comments["hambatan"].iloc[0]
    assert result.comments["hambatan"].iloc[2] == [] and result.comments["hambatan"].iloc[3] == []
    assert "sentimen" not in result.comments
    assert result.barriers().attrs["n"] == 3
    assert len(result.quotes(barrier="dukungan_pimpinan", n=1)) == 1
    for ask in (lambda: result.quotes(sentiment="negatif"), lambda: result.quotes(aspect="waktu"), result.sentiment_table):
        with pytest.raises(ValueError, match="not analysed .task='hambatan'"):
            ask()


def test_a_why_not_answer_that_names_a_reason_is_no_non_answer():
    # the comment detector reads "tidak ada …" as the non-answer "tidak ada": the finding called
    # "tidak ada waktu" and "tidak ada biaya" answers that give no usable reason (a review)
    answers = ["tidak ada waktu", "tidak ada biaya", "tidak ada izin atasan", "tidak ada info", "-", "tidak ada"]
    result = analyze(pd.Series(answers, name="alasan"), "alasan", task="hambatan", topics=False)
    coded = result.comments["hambatan"].map(bool)
    assert coded.iloc[:4].all()
    assert not result.comments["non_informatif"][coded].any()
    assert result.comments["non_informatif"].iloc[4:].all()
    # the non-answers and the respondents whose barriers are counted split the rows (a review: 908 + 667
    # of 1,566, "tidak ada" counted in both)
    key = result.key_numbers().set_index("ukuran")["nilai"]
    assert key["non_informatif"] + key["menjawab_hambatan"] == len(answers) and result.barriers().attrs["n"] == 4


@pytest.mark.parametrize("encoding,separator", [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", "\t")])
def test_reads_csv_exports_in_their_encodings(tmp_path, encoding, separator):
    frame = pd.DataFrame({"instansi": ["Dinas Kesehatan", "RSUD"], "komentar": ["materi bagus, café", "waktunya kurang – padat"],
                          "nilai": ["4", "2"]})
    path = tmp_path / "ekspor.csv"
    frame.to_csv(path, sep=separator, index=False, encoding=encoding)
    result = analyze(path, topics=False, rating="nilai")
    assert result.comments["komentar"].tolist() == frame["komentar"].tolist()
    assert result.comments["instansi"].tolist() == frame["instansi"].tolist()


def test_integer_column_labels_work_everywhere(tmp_path):
    """``read_csv(header=None)`` names the columns 0, 1, 2 …: ``by`` refused them, and a rating column
    named 2 made to_html raise 'keywords must be strings' (pre-existing)."""
    frame = pd.DataFrame([["materi bagus sekali", "A", 5, "sibuk"], ["jadwal terlalu padat", "B", 2, "atasan tidak izinkan"]] * 10)
    result = analyze(frame, 0, by=1, rating=2, barriers=3, topics=False)
    named = analyze(frame.set_axis(["komentar", "unit", "nilai", "alasan"], axis=1), by="unit", rating="nilai",
                    barriers="alasan", topics=False)
    assert result.compare(1).tabel["n"].tolist() == named.compare("unit").tabel["n"].tolist()
    assert result.rating_effects().equals(named.rating_effects())
    assert result.barriers(by=1).shape == named.barriers(by="unit").shape
    result.to_html(tmp_path / "laporan.html")
    assert "<img" in (tmp_path / "laporan.html").read_text(encoding="utf-8")
    with pytest.raises(TypeError, match="one column name"):
        result.compare([1])


def test_reads_xlsx(tmp_path):
    path = tmp_path / "ekspor.xlsx"
    pd.DataFrame({"komentar": ["materi bagus", "jadwal molor"], "angkatan": ["01", "02"]}).to_excel(path, index=False)
    result = analyze(path, topics=False)
    assert result.comments["angkatan"].tolist() == ["01", "02"]  # read as text: leading zeros kept


def test_usage_errors_say_what_to_do():
    with pytest.raises(ValueError, match="wrap it in a list"):
        analyze("materi bagus sekali")
    with pytest.raises(KeyError, match="Available columns: 'teks'"):
        analyze(pd.DataFrame({"teks": ["a"]}))
    with pytest.raises(ValueError, match="task"):
        analyze(["a"], task="sentimen")
    with pytest.raises(FileNotFoundError):
        analyze("tidak_ada.csv")


def test_list_and_series_inputs_and_column_clash():
    result = analyze(["materi bagus", None, 3.5, "", "👍👍"], topics=False)
    assert len(result.comments) == 5 and result.comments.index.tolist() == [0, 1, 2, 3, 4]
    series = pd.Series(["jadwal molor", "narsum interaktif"], index=[10, 10])
    assert analyze(series, topics=False).comments.index.tolist() == [10, 10]
    with pytest.warns(UserWarning, match="sentimen_asli"):
        clash = analyze(pd.DataFrame({"komentar": ["materi bagus"], "sentimen": ["dari survei"]}), topics=False)
    assert clash.comments["sentimen_asli"].tolist() == ["dari survei"]


def test_a_comment_column_named_like_an_output_is_read_under_its_new_name(tmp_path):
    """Indonesian surveys often call the free-text column "saran" (suggestions), which analyze also
    writes (the suggestion flag): the Analysis must read the renamed comments, not the flags."""
    texts = ["Materi bagus tapi waktu pelatihan terlalu singkat, mohon ditambah", "Narasumber sangat interaktif",
             "Jadwal sering berubah mendadak, mohon dikunci sejak awal"]
    frame = pd.DataFrame({"saran": texts, "hambatan": ["jauh dari kantor", "", "tidak ada pengganti"],
                          "sentimen": ["a", "b", "a"]})
    with pytest.warns(UserWarning, match="saran_asli"):
        result = analyze(frame, "saran", barriers="hambatan", by="sentimen", topics=False)
    assert result.text == "saran_asli" and result.barrier_column == "hambatan_asli" and result.by == ["sentimen_asli"]
    assert set(result.quotes(n=3)["kutipan"]) <= set(texts) and len(result.quotes(n=3)) == 3
    assert result.summary()["angka_kunci"].set_index("ukuran").loc["kosong", "nilai"] == 0
    assert result.barriers().attrs["n"] == 2
    assert list(result.compare("sentimen_asli", min_n=1).tabel.index) == ["a", "b"]


def test_topics_are_fitted_and_named(result):
    table = result.topic_table()
    assert 1 <= len(table) <= 4
    assert table["ukuran"].sum() == (result.comments["topik"] >= 0).sum()
    labels = dict(zip(table["topik"], table["label"]))
    informative = result.comments.loc[result.comments["topik"] >= 0]
    assert all(labels[t] == label for t, label in zip(informative["topik"], informative["label_topik"]))


def test_topics_read_teks_bersih_only_when_it_is_their_preprocessing(survey, monkeypatch):
    from umpanbalik import Preprocessor, preprocessing
    from umpanbalik.preprocessing import same_preprocessing
    from umpanbalik.topics import TopicModel

    assert same_preprocessing(None, Preprocessor(n_jobs=2))
    assert not same_preprocessing(Preprocessor(), Preprocessor(stem=False))
    given, own = TopicModel._cleaned, []
    monkeypatch.setattr(TopicModel, "_cleaned", lambda self, texts, cleaned: own.append(cleaned is None) or given(self, texts, cleaned))
    again = analyze(survey, by=["instansi", "moda"], rating="nilai", barriers="alasan_tidak_ikut", topics=4)
    assert own and not any(own)  # fit and transform read teks_bersih
    own.clear()
    analyze(survey, topics=4, models={"preprocessor": Preprocessor(stem=False)})
    assert own and all(own)  # teks_bersih is unstemmed: the topics preprocess for themselves
    own.clear()
    monkeypatch.setattr(preprocessing, "same_preprocessing", lambda mine, theirs: False)
    itself = analyze(survey, by=["instansi", "moda"], rating="nilai", barriers="alasan_tidak_ikut", topics=4)
    assert own and all(own)
    pd.testing.assert_frame_equal(itself.comments, again.comments)  # the same topics either way


def test_an_index_named_like_a_column_is_written_to_excel(tmp_path):
    """set_index(..., drop=False) leaves a column with the index's name: reset_index refused to
    insert it again, so to_excel raised ValueError ('cannot insert nip, already exists')."""
    from openpyxl import load_workbook

    from umpanbalik.report import write_excel

    frame = pd.DataFrame({"nip": ["1", "2", "3"], "kutipan": ["a", "b", "c"],
                          "komentar": ["saran: tambah praktik", "mohon waktunya ditambah", "materi bagus"]})
    result = analyze(frame.set_index(["nip", "kutipan"], drop=False), topics=False, progress=False)
    workbook = load_workbook(result.to_excel(tmp_path / "hasil.xlsx"), read_only=True)
    header = [cell.value for cell in next(workbook["komentar"].iter_rows(max_row=1))]
    assert header[:5] == ["nip", "kutipan", "nip", "kutipan", "komentar"]
    assert len(list(workbook["komentar"].iter_rows())) == 4
    assert [cell.value for cell in next(workbook["saran"].iter_rows(max_row=1))][:3] == ["nip", "kutipan", "kutipan"]
    write_excel({"tabel": frame.set_index("nip", drop=False)}, tmp_path / "tabel.xlsx")  # the public writer too


@pytest.mark.parametrize("second_row", ["", "teks"])
def test_a_header_of_two_rows_is_refused_with_a_way_out(second_row):
    """MultiIndex columns (read_excel(header=[0, 1])) were flattened to tuples when the results were
    joined: analyze returned, and then summary() and every export raised KeyError: 'komentar'."""
    frame = pd.DataFrame([["materi bagus", "A"]], columns=pd.MultiIndex.from_tuples([("komentar", second_row), ("unit", "")]))
    with pytest.raises(ValueError, match="header of several rows.*data.columns ="):
        analyze(frame, topics=False)


def test_a_suggestion_given_as_bytes_keeps_its_text_in_the_workbook():
    """analyze decodes bytes cells, but Analysis.mask turned every non-str into "": the saran sheet
    listed the suggestion with an empty kutipan (quotes() showed it)."""
    text = "saran: mohon waktu pelatihan ditambah, hubungi 081234567890"
    result = analyze(pd.Series([text.encode("utf-8"), "materi bagus"], dtype=object), topics=False, progress=False)
    assert result.comments.loc[0, "saran"]
    assert result._sheets()["saran"]["kutipan"].tolist() == [result.mask(text)]
    assert "081234567890" not in result.mask(text)


def test_a_rating_column_without_numbers_shows_a_dash_in_the_report():
    """The key-number card printed the mean of no rating as 'nan'."""
    frame = pd.DataFrame({"komentar": ["materi bagus", "waktu kurang"], "nilai": ["lumayan", ""]})  # no scale word
    with pytest.warns(UserWarning, match="'lumayan'"):
        cards = analyze(frame, rating="nilai", topics=False, progress=False).report_context()["angka_kunci"]
    assert [card["nilai"] for card in cards if card["label"] == "Rata-rata nilai"] == ["–"]


# -- API fixes of issue 17 ----------------------------------------------------------------------------
def test_to_excel_writes_the_sheets_asked_for_in_their_order(result, tmp_path):
    from openpyxl import load_workbook

    path = result.to_excel(tmp_path / "dua.xlsx", sheets=["aspek", "temuan"])
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["aspek", "temuan"]
    book.close()
    with pytest.raises(ValueError, match="'tabel' is not a sheet.*'temuan', 'ringkasan'"):
        result.to_excel(tmp_path / "x.xlsx", sheets=["tabel"])
    with pytest.raises(TypeError, match="list of sheet names"):
        result.to_excel(tmp_path / "x.xlsx", sheets="aspek")
    assert not (tmp_path / "x.xlsx").exists()


def test_renaming_or_merging_topics_updates_the_comments(survey):
    analysis = analyze(survey.head(200), topics=4, progress=False)
    comments = analysis.comments
    first = int(analysis.topic_table()["topik"].iloc[0])
    analysis.rename_topic(first, "Jaringan dan Zoom")
    assert (comments.loc[(comments["topik"] == first).to_numpy(), "label_topik"] == "Jaringan dan Zoom").all()
    assert analysis.topic_table().set_index("topik").loc[first, "label"] == "Jaringan dan Zoom"
    assert (comments.loc[(comments["topik"] == -1).to_numpy(), "label_topik"] == "non-informatif").all()
    sizes = comments["topik"].value_counts()
    analysis.merge_topics(0, 1)
    assert (analysis.comments["topik"] == 0).sum() == sizes.get(0, 0) + sizes.get(1, 0)
    assert sorted(set(analysis.comments["topik"]) - {-1}) == list(range(3))
    labels = analysis.topic_table().set_index("topik")["label"]
    assert all(analysis.comments.loc[(analysis.comments["topik"] == t).to_numpy(), "label_topik"].eq(labels[t]).all()
               for t in labels.index)
    with pytest.raises(ValueError, match="no topics were fitted"):
        analyze(["materi bagus"], topics=False).rename_topic(0, "x")


def test_quotes_of_a_missing_topic_say_which_topics_there_are(result):
    with pytest.raises(ValueError, match="`topic` must be one of 0, 1, 2, 3; got 99"):
        result.quotes(topic=99)
    assert len(result.quotes(topic=0, n=2)) >= 1
    with pytest.raises(ValueError, match="no topics were fitted"):
        analyze(["materi bagus"], topics=False).quotes(topic=0)


def test_exports_into_a_missing_folder_fail_clearly_and_quietly(tmp_path):
    import subprocess
    import sys

    code = f"""
from umpanbalik import analyze
result = analyze(['materi bagus', 'jadwal molor terus', '-'], topics=False, progress=False)
for write in (result.to_excel, result.to_html, result.to_csv):
    try:
        write({str(tmp_path / 'tidak_ada' / 'hasil.xlsx')!r})
    except FileNotFoundError as error:
        print('FileNotFoundError:', error)
for write in (result.to_excel, result.to_html):
    try:
        write({str(tmp_path)!r})  # a folder, not a file: openpyxl fails while saving
    except OSError as error:
        print(type(error).__name__, error)
"""
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.count("the folder") == 3 and "does not exist. Create it first" in completed.stdout
    assert "IsADirectoryError" in completed.stdout
    assert "hasil_analisis.xlsx" in completed.stdout and "laporan.html" in completed.stdout  # the hint names such a file
    assert "Exception ignored" not in completed.stderr and "Traceback" not in completed.stderr


def test_charts_show_themselves_in_a_notebook(result):
    for figure in (result.plot_sentiment(), result.plot_aspects(), result.plot_topics(), result.plot_ratings(),
                   result.plot_comparison(), result.plot_barriers(), *result.wordclouds().values()):
        assert figure._repr_png_()[:8] == b"\x89PNG\r\n\x1a\n"


def test_compare_and_plots_take_a_column_by_prefix(result):
    assert result.compare("inst").by == "instansi"
    with pytest.raises(KeyError, match="Did you mean 'instansi'"):
        result.compare("instansii")


def test_segments_called_different_survive_a_correction_for_how_many_were_read():
    """With ten institutions, residuals just past ±1.96 were listed as real differences (one in twenty
    is by chance); and a segment with 7 mentions of an aspect was compared on that aspect's polarity."""
    from scipy.stats import norm

    from umpanbalik import load_survey

    result = analyze(load_survey(), "komentar", by="instansi", topics=False, progress=False)
    comparison = result.compare("instansi")
    table = comparison.tabel[comparison.tabel["cukup_data"]]
    assert len(comparison.sorotan)
    for row in comparison.sorotan.itertuples():
        # the bound is corrected for the segments that measure compares: all that have enough data,
        # and for an aspect's polarity those with enough mentions of it
        if row.ukuran.startswith("negatif_"):
            aspect = row.ukuran.removeprefix("negatif_")
            tested = int(((table[f"porsi_menyebut_{aspect}"] * table["n"]).round() >= comparison.min_n).sum())
        else:
            tested = len(table)
        assert abs(row.residu) > norm.ppf(1 - 0.05 / (2 * tested)), row
    polarity = comparison.sorotan[comparison.sorotan["ukuran"].str.startswith("negatif_")]
    assert (polarity["n"] >= comparison.min_n).all()


def test_quotes_take_the_labels_the_english_findings_show():
    # the English findings say "teaching method": quotes("teaching method", "negative") raised
    result = analyze(["materi bagus sekali", "penjelasan dosen terlalu cepat", "metode diskusi seru"] * 5, topics=False,
                     progress=False, lang="en")
    quotes = result.quotes("teaching method", "negative", n=2)
    assert quotes["kutipan"].tolist() == ["penjelasan dosen terlalu cepat"]
    with pytest.raises(ValueError, match="`aspect` must be one of"):
        result.quotes("teaching methods")


def test_a_why_not_question_read_as_course_feedback_is_pointed_to_the_barrier_task(tmp_path, capsys):
    # the survey's own why-not column, analysed as evaluation comments without a word: "62% negatif"
    from umpanbalik.cli import main

    frame = pd.DataFrame({"Mengapa tidak ikut pelatihan?": ["sibuk", "biaya mahal", "atasan tidak mengizinkan"] * 20})
    with pytest.warns(UserWarning, match="task='hambatan'"):
        analyze(frame, text="Mengapa tidak ikut pelatihan?", topics=False, progress=False)
    frame.to_csv(tmp_path / "alasan.csv", index=False)
    assert main(["analyze", str(tmp_path / "alasan.csv"), "-t", "Mengapa tidak ikut pelatihan?", "--format", "csv",
                 "--topics", "0", "--no-progress", "-o", str(tmp_path / "hasil")]) == 0
    assert "--task hambatan" in capsys.readouterr().err
    analyze(frame, text="Mengapa tidak ikut pelatihan?", task="hambatan", topics=False, progress=False)  # no warning: see the filter


def test_comparison_charts_and_quotes_check_their_values_and_count_barriers_as_the_tables_do(result):
    # plot_comparison(measure="hambatan") counted every row (teknis 9% against barriers()' 17%); a
    # typo or an English label drew 0% everywhere; quotes(barrier="waktu") and a reordered mask
    # passed silently
    import matplotlib

    matplotlib.use("Agg")
    from umpanbalik.analysis import tables

    comments = result.comments
    table = result.barriers(by="moda")
    shares = tables.segment_shares(comments, "moda", "hambatan", "teknis", answers=result.barrier_column).set_index("segmen")
    assert shares["porsi"].to_dict() == pytest.approx(table["teknis"].to_dict())
    for wrong in ({"value": "negatiff"}, {"measure": "saran", "value": "ya"}, {"measure": "nilai_x"},
                  {"measure": "aspek_sentimen", "value": "waktu"}):
        with pytest.raises(ValueError, match="value|measure"):
            result.plot_comparison("moda", **wrong)
    assert result._measured_value("sentimen", "negative") == "negatif"  # the label the English report shows
    assert result._measured_value("aspek", "time") == "waktu"
    # a column of numbers keeps its values: 5 (or "5" as written) is the Int64 rating's 5, not a 0% "5"
    assert result._measured_value("nilai", 5) == 5 and result._measured_value("nilai", "5") == 5
    fives = tables.segment_shares(comments, "moda", "nilai", result._measured_value("nilai", "5"))
    assert fives["jumlah"].sum() > 0
    with pytest.raises(ValueError, match="'teknis'"):
        result.quotes(barrier="waktu")
    assert result.quotes(barrier="technical problems", n=2)["kutipan"].tolist() == result.quotes(barrier="teknis", n=2)["kutipan"].tolist()
    # (the English label of earlier releases still names the code)
    assert result.quotes(barrier="technical", n=2)["kutipan"].tolist() == result.quotes(barrier="teknis", n=2)["kutipan"].tolist()
    unique = Analysis(comments.reset_index(drop=True), text=result.text, by=result.by, rating=result.rating,
                      barriers=result.barrier_column, task="evaluasi", topic_model=None, names=[], lang="id", notes=[],
                      random_state=0)
    first = unique.comments["komentar"].map(bool) & ~unique.comments["non_informatif"].astype(bool)
    mask = pd.Series(False, index=unique.comments.index)
    mask[first.idxmax()] = True
    assert unique.quotes(rows=mask, n=1)["kutipan"].tolist() == unique.quotes(rows=mask.iloc[::-1], n=1)["kutipan"].tolist()
    with pytest.raises(ValueError, match="not the comments' index"):
        unique.quotes(rows=pd.Series(True, index=range(10_000, 10_000 + len(mask))))


def test_wrong_usage_gets_a_message_that_fits_it(result, survey):
    # a list for one column was "column ['nilai'] is not in the data" beside a list naming 'nilai';
    # a question number as a float was refused while 'did you mean' offered it; findings(n_quotes=0)
    # complained about `n`
    with pytest.raises(TypeError, match="takes one column name, not a list.*rating='nilai'"):
        analyze(survey.head(40), rating=["nilai"], topics=False)
    with pytest.raises(TypeError, match="write a question's number as text, e.g. text='5.22'"):
        analyze(survey.head(40), text=5.22, topics=False)
    with pytest.raises(TypeError, match=r"compare\('3.1'\)"):
        result.compare(3.1)
    with pytest.raises(TypeError, match="once per column"):
        result.compare(["instansi", "moda"])
    table = result.findings(n_quotes=0)
    assert len(table) and not [c for c in table.columns if c.startswith("kutipan")]
    with pytest.raises(ValueError, match="n_quotes"):
        result.findings(n_quotes=-1)


def test_a_rating_column_analysed_as_comments_gets_a_note():
    # "--text-column 1" on a Likert question: "82% non-answers, 100% positif", without a word
    from umpanbalik import load_form_export

    frame = pd.DataFrame({"q1": ["Sangat setuju", "Setuju", "Setuju", "Netral", "Tidak setuju"] * 20,
                          "kode": [f"19850101 20100{i:02d} 1 001" for i in range(100)],
                          "komentar": ["materi bagus", "waktu kurang", "-", "narsum oke", "jadwal molor"] * 20})
    note = "bukan jawaban terbuka"
    assert any("berisi skala nilai, " + note in n for n in analyze(frame, text="q1", topics=False, progress=False).notes)
    assert not any(note in n for n in analyze(frame, text="komentar", topics=False, progress=False).notes)
    assert any("hold a rating scale" in n for n in analyze(frame, text="q1", topics=False, progress=False, lang="en").notes)
    export = load_form_export()
    results = analyze(export, text="auto", topics=False, progress=False)
    assert not any(note in n for question in results for n in results[question].notes)
    # short answers naming things under a header with "nama" are answers, not identities
    named = pd.DataFrame({"Sebutkan nama materi yang paling bermanfaat": ["SKP", "pohon kinerja", "manajemen risiko",
                                                                          "SAKIP", "anggaran berbasis kinerja"] * 10})
    assert not any(note in n for n in analyze(named, text=named.columns[0], topics=False, progress=False).notes)


def test_a_cell_of_utf16_bytes_is_read_as_its_text():
    # a cell copied from a "Unicode Text" export was read as 'ÿþk\x00a\x00m\x00…' (found by a review)
    from umpanbalik._validation import as_text

    assert as_text("waktunya kurang".encode("utf-16")) == "waktunya kurang"
    assert as_text("café".encode("cp1252")) == "café" and as_text("café".encode("utf-8")) == "café"
    result = analyze(pd.Series(["materi sangat bagus".encode("utf-16"), "jadwal molor"], dtype=object),
                     topics=False, progress=False)
    assert result.comments.loc[0, "teks_bersih"] == "materi sangat_bagus"


def test_no_comment_column_named_is_an_error_that_says_what_to_pass():
    # analyze(frame, text=None) ended in pandas' bare "KeyError: None" (a review)
    with pytest.raises(TypeError, match="text='auto'"):
        analyze(pd.DataFrame({"komentar": ["materi bagus"]}), text=None, topics=False, progress=False)


def test_text_auto_codes_a_why_not_question_as_barriers():
    # analyze(text="auto") read "alasan_tidak_ikut" as feedback: the English report's headline called
    # time the most criticised aspect from reasons for not attending (a review)
    from umpanbalik import load_survey

    results = analyze(load_survey().head(300), text="auto", topics=False, progress=False, lang="en")
    assert list(results.questions) == ["komentar"]
    question = results["komentar"]
    assert question.barrier_column == "alasan_tidak_ikut" and "hambatan" in question.comments
    assert any("asks why people do not attend training" in note for note in question.notes)


def test_only_a_question_about_not_attending_is_moved_to_barriers():
    from umpanbalik.analysis.run import looks_like_why_not

    for header in ("Apa hambatan Anda sehingga tidak mengikuti pelatihan?", "Hambatan untuk mengikuti pelatihan",
                   "Alasan tidak ikut pelatihan lain?", "alasan_tidak_ikut"):
        assert looks_like_why_not(header, strict=True), header
    for header in ("Hambatan yang dialami selama mengikuti pelatihan", "Apa hambatan dalam menerapkan hasil pelatihan?"):
        assert looks_like_why_not(header) and not looks_like_why_not(header, strict=True), header
