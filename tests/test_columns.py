"""Columns as people name them (header, number, prefix) and as exports hold them (open questions,
Likert scales, checkbox lists, names and timestamps)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from umpanbalik import load_form_export
from umpanbalik.columns import (ColumnError, checkbox_choices, column_kind, describe_columns, likert_columns,
                                overall_rating, question_number, resolve_column, split_choices, text_columns)

HEADERS = ["Cap waktu", "1.2. Unit kerja / OPD", "5.5. Secara keseluruhan, seberapa puas Anda?",
           "5.20. Apa yang paling bermanfaat?", "5.21. Apa kendala Anda?", "5.22. Berikan saran perbaikan!", "instansi"]


def test_a_column_is_found_by_header_number_or_unique_prefix():
    assert resolve_column(HEADERS, "instansi") == "instansi"
    assert resolve_column(HEADERS, "INSTANSI ") == "instansi"  # case and spacing
    assert resolve_column(HEADERS, "5.22") == "5.22. Berikan saran perbaikan!"
    assert resolve_column(HEADERS, "5.22.") == "5.22. Berikan saran perbaikan!"
    assert resolve_column(HEADERS, "5.5") == HEADERS[2]  # not 5.50, not a prefix of "5.5x"
    assert resolve_column(HEADERS, "5.21. apa ken") == "5.21. Apa kendala Anda?"
    assert resolve_column(HEADERS, "cap") == "Cap waktu"
    assert resolve_column([0, 1, 2], 1) == 1  # read_csv(header=None) names columns by integers
    assert question_number("5.22. Berikan") == "5.22" and question_number("12) Nilai") == "12"


def test_a_number_never_matches_a_longer_number():
    with pytest.raises(ColumnError) as error:
        resolve_column(HEADERS, "5.2")
    assert not error.value.ambiguous
    assert error.value.candidates == ["5.20. Apa yang paling bermanfaat?", "5.21. Apa kendala Anda?"]
    assert "Did you mean" in str(error.value) and "Available columns" in str(error.value)


def test_an_ambiguous_prefix_lists_its_candidates():
    headers = ["Saran untuk materi", "Saran untuk narasumber", "Nilai"]
    with pytest.raises(ColumnError) as error:
        resolve_column(headers, "saran untuk", "text")
    assert error.value.ambiguous
    assert error.value.candidates == ["Saran untuk materi", "Saran untuk narasumber"]
    assert "fits several columns" in str(error.value)
    assert resolve_column(headers, "saran untuk n") == "Saran untuk narasumber"
    with pytest.raises(KeyError):  # a ColumnError is a KeyError, as a missing column always was
        resolve_column(HEADERS, "fakultas", "by")


def test_a_missing_column_names_the_closest_one():
    with pytest.raises(ColumnError) as error:
        resolve_column(HEADERS, "instansii", "by")
    assert error.value.candidates[0] == "instansi"
    assert error.value.option == "by" and "`by`" in str(error.value)


@pytest.fixture(scope="module")
def export() -> pd.DataFrame:
    return load_form_export()


def test_the_kinds_of_the_form_exports_columns(export):
    kinds = dict(zip(describe_columns(export)["kolom"].map(question_number), describe_columns(export)["jenis"]))
    assert describe_columns(export)["jenis"].iloc[0] == "waktu"  # Cap waktu
    assert kinds["1.1"] == "identitas"  # names: long and varied, but not an open question
    assert kinds["1.2"] == kinds["1.3"] == kinds["1.4"] == "kategori"
    assert kinds["2.1"] == kinds["5.5"] == kinds["5.6"] == kinds["5.7"] == kinds["5.8"] == "likert"
    assert kinds["3.1"] == "pilihan_ganda"
    assert [question_number(c) for c in text_columns(export)] == ["5.20", "5.21", "5.22"]
    assert [question_number(c) for c in text_columns(export, exclude=[export.columns[-1]])] == ["5.20", "5.21"]
    assert [question_number(c) for c in likert_columns(export)] == ["2.1", "2.2", "2.3", "5.5", "5.6", "5.7", "5.8"]
    assert question_number(overall_rating(export)) == "5.5"


def test_column_kinds_of_other_cells():
    assert column_kind(["", None, float("nan")]) == "kosong"
    assert column_kind(["4", "5", "3,5"]) == "angka"
    assert column_kind(["198501012010011001", "198703152011012002"], "NIP") == "identitas"
    assert column_kind(["a@b.go.id", "c@d.go.id"]) == "identitas"
    assert column_kind(["2024/03/01 10:00:00", "2024/03/02 11:00:00"]) == "waktu"
    assert column_kind(["Daring", "Luring", "Daring", "Luring"]) == "kategori"
    assert column_kind(["Ya", "Tidak", "Ya"]) == "likert"
    assert column_kind(["Nama narasumber: Pak Budi, karena sabar sekali", "Bu Sri, penjelasannya runtut dan jelas"],
                       "Nama narasumber terbaik dan alasannya") == "teks"  # "nama" in the header, sentences inside


def test_checkbox_answers_split_into_their_choices():
    cells = ["Materi kurang relevan, Waktu terlalu singkat", "Waktu terlalu singkat", "",
             "Jaringan tidak stabil, Materi kurang relevan", "Jaringan tidak stabil", "Materi kurang relevan"]
    assert checkbox_choices(cells) == ["Materi kurang relevan", "Waktu terlalu singkat", "Jaringan tidak stabil"]
    assert split_choices(cells)[:3] == [["Materi kurang relevan", "Waktu terlalu singkat"], ["Waktu terlalu singkat"], []]
    # an option with a comma in it stays whole: its parts always come together, in order
    options = ["Sinyal, listrik, dan perangkat", "Waktu terlalu singkat", "Sinyal, listrik, dan perangkat, Waktu terlalu singkat",
               "Materi kurang relevan, Waktu terlalu singkat", "Materi kurang relevan"]
    assert set(checkbox_choices(options)) == {"Sinyal, listrik, dan perangkat", "Waktu terlalu singkat", "Materi kurang relevan"}
    assert split_choices(options)[2] == ["Sinyal, listrik, dan perangkat", "Waktu terlalu singkat"]
    # Microsoft Forms joins with ";"
    assert checkbox_choices(["A;B", "B", "A", "B;C", "C"]) == ["B", "A", "C"]


def test_text_with_commas_is_not_a_checkbox_list():
    units = ["Dinas Pendidikan, Pemuda dan Olahraga", "Bappeda", "Dinas Pendidikan, Pemuda dan Olahraga", "RSUD"]
    assert checkbox_choices(units) is None
    from umpanbalik import load_survey

    assert checkbox_choices(load_survey()["komentar"]) is None  # comments with commas in them
    for column in load_form_export().columns[-3:]:
        assert checkbox_choices(load_form_export()[column]) is None


def test_open_answers_written_in_capitals_are_still_open_answers():
    """ALL-CAPS or Title-Case comments were read as names ('identitas') and skipped by text='auto'."""
    from umpanbalik import load_survey
    from umpanbalik.columns import column_kind

    comments = load_survey()["komentar"]
    assert column_kind(comments.str.upper(), "5.22. Saran") == "teks" == column_kind(comments.str.title(), "5.22. Saran")
    units = ["Dinas Pendidikan dan Kebudayaan", "Rumah Sakit Umum Daerah", "Badan Kepegawaian Daerah", "Sekretariat Daerah Kota"]
    assert column_kind(units * 3, "unit kerja") == "kategori"
    assert column_kind(["Budi Santoso Wijaya", "Indah Permatasari Putri", "Ahmad Fauzi Rahman", "Sri Wahyuni Lestari"],
                       "nama peserta") == "identitas"


def test_an_open_question_mostly_answered_alike_is_still_an_open_question():
    # "tidak ada kendala" from two in three respondents: the other 140 complaints were a category column
    rng = np.random.default_rng(0)
    complaints = [f"jadwal pelatihan bentrok dengan pelayanan di puskesmas pada minggu ke {i}" for i in range(140)]
    nothing = ["tidak ada kendala", "Tidak ada kendala", "-", "Alhamdulillah tidak ada kendala"]
    answers = complaints + [nothing[i % 4] for i in range(260)]
    assert column_kind(list(rng.permutation(answers)), "2. Apa kendala yang Anda hadapi?") == "teks"
    titles = [f"Analis Kebijakan Ahli {grade} {i % 60}" for i, grade in enumerate(["Muda", "Madya", "Pertama"] * 334)]
    assert column_kind(titles, "Jabatan") == "kategori"  # many different short names are no open question


def test_an_overall_rating_is_found_under_a_header_that_only_says_score():
    # analyze(rating="auto") found no rating in the bundled survey, whose rating column is "nilai"
    from umpanbalik import load_survey
    from umpanbalik.columns import overall_rating

    assert overall_rating(load_survey()) == "nilai"
    frame = pd.DataFrame({"nilai_materi": [4, 5, 3], "Skor akhir": [80, 90, 70], "instansi": ["A", "B", "A"]})
    assert overall_rating(frame) == "Skor akhir"
    assert overall_rating(frame.drop(columns="Skor akhir")) is None  # one aspect's score is not the training's
