"""Likert answers written as text read as ordered scores, with the mapping shown and unknown answers named."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from umpanbalik.likert import likert_scale, likert_scores, read_answer, scale_bounds, scale_table, unknown_answers


@pytest.mark.parametrize(("answers", "scores"), [
    (["Sangat tidak puas", "Tidak puas", "Cukup puas", "Puas", "Sangat puas"], [1, 2, 3, 4, 5]),
    (["Tidak puas", "Kurang puas", "Cukup puas", "Puas", "Sangat puas"], [1, 2, 3, 4, 5]),
    (["Sangat tidak setuju", "Tidak setuju", "Netral", "Setuju", "Sangat setuju"], [1, 2, 3, 4, 5]),
    (["Sangat Tidak Setuju (STS)", "Tidak Setuju (TS)", "Kurang Setuju (KS)", "Setuju (S)", "Sangat Setuju (SS)"], [1, 2, 3, 4, 5]),
    (["Sangat kurang", "Kurang", "Cukup", "Baik", "Sangat baik"], [1, 2, 3, 4, 5]),
    (["Sangat buruk", "Buruk", "Cukup baik", "Baik", "Sangat baik"], [1, 2, 3, 4, 5]),
    (["Tidak direkomendasikan", "Kurang direkomendasikan", "Netral", "Direkomendasikan", "Sangat direkomendasikan"], [1, 2, 3, 4, 5]),
    (["Tidak bermanfaat", "Kurang bermanfaat", "Cukup bermanfaat", "Bermanfaat", "Sangat bermanfaat"], [1, 2, 3, 4, 5]),
    (["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"], [1, 2, 3, 4, 5]),
    (["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"], [1, 2, 3, 4, 5]),
    (["Very poor", "Poor", "Fair", "Good", "Very good"], [1, 2, 3, 4, 5]),
    (["Tidak", "Ya"], [0, 1]),
    (["No", "Maybe", "Yes"], [0, 0.5, 1]),
    (["1 - Sangat kurang", "2 - Kurang", "3 - Cukup", "4 - Baik", "5 - Sangat baik"], [1, 2, 3, 4, 5]),
])
def test_known_scales_are_scored_in_order(answers, scores):
    shuffled = answers[::-1] + answers[1:2]
    assert likert_scores(shuffled).tolist() == [float(s) for s in scores[::-1] + scores[1:2]]
    assert unknown_answers(shuffled) == []


def test_a_five_point_scale_keeps_its_scores_when_nobody_chose_the_ends():
    answers = ["Puas", "Cukup puas", "Sangat puas", "Puas"]
    assert likert_scores(answers).tolist() == [4.0, 3.0, 5.0, 4.0]
    assert scale_bounds(answers) == (1.0, 5.0)
    assert scale_table(answers).attrs["skala"] == (1.0, 5.0)


def test_numbers_blanks_and_cells_of_any_type():
    values = pd.Series(["4", "3,5", " Sangat setuju ", "Setuju", "", None, np.nan, 5, 2.5, "-"], dtype=object)
    scores = likert_scores(values)
    assert scores.iloc[:4].tolist() == [4.0, 3.5, 5.0, 4.0]
    assert scores.iloc[4:7].isna().all() and scores.iloc[7:9].tolist() == [5.0, 2.5] and np.isnan(scores.iloc[9])
    assert scores.index.equals(values.index)
    assert unknown_answers(values) == []  # "-" is a non-answer, not an unknown scale point
    assert likert_scores(pd.Series([1, 2, None], dtype="Int64")).tolist()[:2] == [1.0, 2.0]
    assert likert_scores(pd.Series([["a"], "Puas"], dtype=object)).tolist()[1] == 4.0  # unhashable cells


def test_unknown_answers_are_named_and_count_as_missing():
    values = ["Puas", "Lumayan", "Puas", "4", "Mantap", "Sangat puas"]
    assert unknown_answers(values) == ["Lumayan", "Mantap"]
    scores = likert_scores(values)
    assert scores.iloc[[0, 2, 3, 5]].tolist() == [4.0, 4.0, 4.0, 5.0] and scores.iloc[[1, 4]].isna().all()
    assert likert_scale(["Lumayan", "Mantap"]) == {}
    assert likert_scale(["Mantap", "Biasa", "Mantap"]) == {}  # one unknown word and a middle are no scale
    assert likert_scale(["Sangat membantu", "Membantu", "Biasa"]) == {"biasa": 3.0, "membantu": 4.0, "sangat membantu": 5.0}
    assert likert_scale(["materi bagus", "waktu kurang"]) == {}  # comments are no scale
    assert unknown_answers(["materi bagus", "waktu kurang"]) == ["materi bagus", "waktu kurang"]


def test_answers_are_read_into_degree_and_head():
    assert read_answer("Sangat tidak puas") == ("st", "puas")
    assert read_answer("puas sekali") == ("s", "puas")
    assert read_answer("Kurang") == ("k", None) and read_answer("Sangat kurang") == ("sk", None)
    assert read_answer("Netral") == ("c", None)
    assert read_answer("Buruk") == ("t", "baik")
    assert read_answer(3) is None and read_answer("materi bagus tapi waktunya terlalu singkat sekali") is None


def test_the_scale_table_shows_the_mapping_as_written():
    table = scale_table(["Puas", "puas", "Sangat puas", "Tidak puas", "Lumayan"])
    assert table.to_dict("list") == {"jawaban": ["Tidak puas", "Puas", "Sangat puas"], "skor": [2.0, 4.0, 5.0],
                                     "jumlah": [1, 2, 1]}
    assert scale_table(["4", "5"]).empty and scale_table(["4", "5"]).attrs["skala"] is None


@pytest.mark.parametrize("answers, expected", [
    (["Poor", "Fair", "Good", "Very good", "Excellent"], [1, 2, 3, 4, 5]),
    (["Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree", "Agree",
      "Strongly agree"], [1, 2, 3, 4, 5, 6, 7]),
    (["Strongly disagree", "Disagree", "Neither agree nor disagree", "Somewhat agree", "Agree", "Strongly agree"],
     [1, 2, 4, 5, 6, 7]),  # nobody chose "somewhat disagree": "somewhat agree" is still not the middle
    (["Not at all satisfied", "Slightly satisfied", "Moderately satisfied", "Very satisfied", "Extremely satisfied"],
     [1, 2, 3, 4, 5]),
    (["STS", "TS", "N", "S", "SS"], [1, 2, 3, 4, 5]),
    (["SS", "S", "R", "TS"], [5, 4, 3, 2]),
    (["SB", "B", "C", "K", "SK"], [5, 4, 3, 2, 1]),  # the codes of "Sangat baik" … "Sangat kurang" stopped the run
])
def test_scales_with_a_word_of_their_own_are_read_whole(answers, expected):
    """'Excellent' was unknown (the top answer counted missing), 'somewhat agree' scored as the middle,
    'slightly'/'moderately satisfied' and the forms' STS … SS dropped."""
    scale = likert_scale(answers * 3)
    assert [scale[a.lower()] for a in answers] == expected


def test_one_or_two_letter_codes_alone_are_no_scale():
    assert likert_scale(["P"] * 5) == {} and likert_scale(["L", "P"] * 5) == {}


def test_numbers_outside_the_text_scale_of_a_rating_column_are_warned_of():
    """'Puas' … beside 7–10 scores gave a mean of 6.15 on a scale labelled 1–5, without a word."""
    from umpanbalik import analyze

    mixed = pd.DataFrame({"k": ["materi bagus", "waktu kurang"] * 6, "n": ["Puas", "Sangat puas", "8", "9", "Tidak puas", "10"] * 2})
    with pytest.warns(UserWarning, match=r"mixes a 1–5 scale written as text with numbers outside it \(6 answers"):
        analyze(mixed, "k", rating="n", topics=False, progress=False)
    same = pd.DataFrame({"k": ["materi bagus", "waktu kurang"] * 6, "n": ["Puas", "Sangat puas", "4", "5", "Tidak puas", 3] * 2})
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        analyze(same, "k", rating="n", topics=False, progress=False)  # numbers on the scale: no warning


def test_star_ratings_are_scored_by_their_filled_stars():
    """A column of "★★★★★" answers was no scale at all, silently: no warning, no mean (every answer
    has no letter or digit, so each was taken for a non-answer like "-")."""
    answers = ["★★★★★", "★★★", "★★★★☆", "⭐⭐⭐⭐", "★ ★", "-", "", None]
    assert likert_scores(answers).tolist()[:5] == [5.0, 3.0, 4.0, 4.0, 2.0]
    assert np.isnan(likert_scores(answers).tolist()[5:]).all()
    assert scale_bounds(answers) == (1.0, 5.0)
    assert scale_bounds(["★★★★★★★☆☆☆", "★★"]) == (1.0, 10.0)
    assert unknown_answers(answers) == []
    table = scale_table(answers)
    assert table["skor"].tolist() == sorted(table["skor"].tolist()) and table["jumlah"].sum() == 5
    assert likert_scale(["★★", "bagus", "jelek"]) == {}  # stars among words: not read as a star rating
    # one answer of words keeps the stars' scale and is named; "*" among numbers is a placeholder, not a star
    mixed = ["★★★★☆"] * 5 + ["★★"] * 3 + ["tidak ada"]
    assert likert_scores(mixed).tolist()[:8] == [4.0] * 5 + [2.0] * 3 and unknown_answers(mixed) == ["tidak ada"]
    numbers = ["7", "9", "10", "*", "**", "6"]
    assert likert_scores(numbers).tolist()[:3] == [7.0, 9.0, 10.0] and np.isnan(likert_scores(numbers).tolist()[3:5]).all()
    assert scale_bounds(numbers) is None


def test_totals_rows_under_a_recap_are_no_ratings():
    # a hand-made recap ends with "Jumlah" and "Rata-rata" rows: the mean rating was 7.75 on a 1-5 scale
    from umpanbalik import analyze

    rng = np.random.default_rng(0)
    nilai = rng.integers(3, 6, 200)
    kepuasan = rng.choice(["Sangat Puas", "Puas", "Cukup Puas", "Tidak Puas"], 200)
    answers = pd.DataFrame({"No": [str(i) for i in range(1, 201)], "Kepuasan": kepuasan, "Nilai": nilai,
                            "Saran": [f"materi bagus nomor {i}" for i in range(200)]})
    totals = pd.DataFrame([{"No": "Jumlah", "Kepuasan": 200, "Nilai": int(nilai.sum())},
                           {"No": "Rata-rata", "Nilai": round(float(nilai.mean()), 2)}])
    frame = pd.concat([answers, totals], ignore_index=True)
    result = analyze(frame, text="Saran", rating="Nilai", topics=False, progress=False)
    assert len(result.comments) == 202  # every row comes out
    key = result.key_numbers().set_index("ukuran")
    assert key.loc["rata_rata_nilai", "nilai"] == pytest.approx(nilai.mean())
    assert any("baris ringkasan" in note and '"Jumlah"' in note for note in result.notes)
    assert frame["Nilai"].iloc[-2] == nilai.sum()  # the user's frame is left as it was
    likert = result.likert_table().set_index("pertanyaan")
    assert likert.loc["Kepuasan", "n"] == 200  # the count 200 in a column of "Puas" answers is no score
    assert likert_scores(frame["Kepuasan"]).max() <= 5


def test_a_few_words_among_numeric_ratings_leave_the_numbers_as_they_are():
    # one "Tidak" made the column a yes/no scale and every number outside 0-1 was dropped (mean 0.0)
    assert likert_scores(["5", "4", "4", "3", "2", "Tidak"]).tolist() == [5.0, 4.0, 4.0, 3.0, 2.0, 0.0]
    assert likert_scores(["8", "9", "10", "7", "9", "Baik"]).tolist()[:5] == [8.0, 9.0, 10.0, 7.0, 9.0]


def test_an_answer_that_reads_like_a_total_is_no_summary_row():
    # "Average" chosen on a scale question by respondents who left no comment lost their ratings
    from umpanbalik import analyze

    frame = pd.DataFrame({"comment": ["the material was very useful", "", "", ""] * 10,
                          "venue": ["Good", "Average", "Average", "Good"] * 10, "overall": ["5", "3", "3", "5"] * 10})
    result = analyze(frame, text="comment", rating="overall", topics=False, progress=False, lang="en")
    assert not result.notes and result.key_numbers().set_index("ukuran").loc["rata_rata_nilai", "dasar"] == 40


@pytest.mark.parametrize("tail", [
    [{"No": "Jumlah Skor", "Nilai": "160"}, {"No": "Rata-rata Nilai", "Nilai": "4.00"}],
    [{"No": "Jumlah", "Nilai": "160"}, {"No": "Nilai Tertinggi", "Nilai": "5"}, {"No": "Nilai Terendah", "Nilai": "3"},
     {"No": "Jumlah Peserta", "Nilai": "40"}],
    [{"No": "Jumlah", "Nilai": "160"}, {"No": "Rata-rata", "Nilai": "4.00"}, {"Saran": "Jakarta, 10 Mei 2024"},
     {"Saran": "Kepala Bidang"}],  # a signature typed under the comments
    [{"No": "Jumlah", "Nilai": "160", "Saran": "40"}],  # Excel's COUNTA of the comments
])
def test_the_totals_of_a_recap_in_other_words_are_no_ratings(tail):
    from umpanbalik import analyze

    answers = pd.DataFrame({"No": [str(i) for i in range(1, 41)], "Nilai": [str(v) for v in [3, 4, 5, 4] * 10],
                            "Saran": [f"materi bagus nomor {i}" for i in range(40)]})
    frame = pd.concat([answers, pd.DataFrame(tail)], ignore_index=True).fillna("")
    result = analyze(frame, text="Saran", rating="Nilai", topics=False, progress=False)
    key = result.key_numbers().set_index("ukuran").loc["rata_rata_nilai"]
    assert (key["nilai"], key["dasar"]) == (4.0, 40)
