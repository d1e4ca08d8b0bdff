from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hostile import hostile_series

from umpanbalik._stats import wilson_interval
from umpanbalik.themes import GENERAL_LINES, GENERAL_WISH, KINDS, NOT_THEMES, OTHER, THEME_COLUMNS, Themes, find_themes, is_generic


def comments(rows: list[tuple]) -> pd.DataFrame:
    """A per-comment frame as ``analyze`` builds it, from ``(text, sentimen, {aspect: polarity}, saran)``
    rows (a row of one element is a non-answer)."""
    records = []
    for row in rows:
        if len(row) == 1:
            records.append({"teks": row[0], "sentimen": "netral", "aspek": [], "aspek_sentimen": {}, "saran": False,
                            "non_informatif": True})
            continue
        text, sentiment, polarity, suggestion = row
        records.append({"teks": text, "sentimen": sentiment, "aspek": list(polarity), "aspek_sentimen": dict(polarity),
                        "saran": suggestion, "non_informatif": False})
    return pd.DataFrame(records)


COMPLAINTS = (
    [(f"penjelasan {p}terlalu cepat{s}", "negatif", {"metode": "negatif"}, False)
     for p in ("", "dosen ", "materinya ") for s in ("", " sekali", " pak", " bu")]
    + [(f"tugas{n} terlalu banyak{s}", "negatif", {"metode": "negatif"}, False)
       for n in ("", "nya") for s in ("", " pak", " bu", " sekali", " minggu ini")]
    + [(f"dosen sering terlambat{s}", "negatif", {"waktu": "negatif"}, False)
       for s in ("", " masuk kelas", " pak", " sekali", " datang", " setiap minggu")]
    + [(f"{t}", "negatif", {}, False) for t in ("ac ruangan panas", "kursi rusak di lab", "wifi kampus lambat",
                                                 "parkir penuh", "toilet kotor", "proyektor buram")]
)
SUGGESTIONS = (
    [(f"{p}tambah durasi praktik{s}", "netral", {"metode": "netral"}, True)
     for p in ("", "mohon ", "tolong ") for s in ("", " ya pak", " di lab", " tiap minggu")]
    + [(f"sediakan rekaman kelas{s}", "netral", {"metode": "netral"}, True) for s in ("", " ya", " di lms", " zoom", " bu")]
    + [(text, "netral", {}, True) for text in ["semoga lebih baik kedepannya"] * 8 + ["tingkatkan lagi"] * 5
       + ["pertahankan ya pak"] * 3 + ["semoga kedepannya lebih baik lagi dalam mengajar"] * 2]
    + [("semoga lebih baik, tambah durasi praktik juga", "netral", {"metode": "netral"}, True)]
    + [(text, "netral", {}, True) for text in ["ganti kursi kelas", "pindah ke gedung baru", "beli spidol"]]
)
PRAISE = (
    [(f"dosen{n} ramah{s}", "positif", {}, False) for n in ("", "nya") for s in ("", " sekali", " dan baik", " pak")]
    + [(f"{p}mudah dipahami{s}", "positif", {"materi": "positif"}, False)
       for p in ("materi ", "penjelasan ") for s in ("", " sekali", " pak", " bu")]
    + [(text, "positif", {}, False) for text in ["dosen baik", "materi bagus", "mahasiswa senang", "pembelajaran mantap",
                                                  "kelas oke", "sudah bagus", "terima kasih pak", "mantap"] * 3]
)
NON_ANSWERS = [("-",), ("tidak ada",), ("ok",)]


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return comments(COMPLAINTS + SUGGESTIONS + PRAISE + NON_ANSWERS)


@pytest.fixture(scope="module")
def result(frame) -> Themes:
    return find_themes(frame, max_share=0.5)


def test_table_columns_and_kinds(result):
    table = result.table
    assert tuple(table.columns) == THEME_COLUMNS
    assert list(dict.fromkeys(table["jenis"])) == list(KINDS)  # every kind, in order
    assert table["jumlah"].dtype.kind == "i" and (table["jumlah"] > 0).all()
    assert table.groupby("jenis")["label"].apply(lambda s: s.is_unique).all()
    for kind, block in table.groupby("jenis", sort=False):
        special = block["label"].isin(NOT_THEMES).to_numpy()
        assert not special[: (~special).sum()].any()  # themes first, then the general lines
        assert block.loc[~special, "jumlah"].is_monotonic_decreasing
    for kind, line in GENERAL_LINES.items():  # each kind's own general line only
        assert not table.loc[table["jenis"] != kind, "label"].eq(line).any()


def test_themes_name_what_the_comments_say(result):
    labels = {kind: set(block["label"]) for kind, block in result.table.groupby("jenis")}
    assert any("terlalu cepat" in label for label in labels["keluhan"]), labels["keluhan"]
    assert any("tugas" in label and "banyak" in label for label in labels["keluhan"]), labels["keluhan"]
    assert any("terlambat" in label for label in labels["keluhan"]), labels["keluhan"]
    assert any("praktik" in label for label in labels["saran"]), labels["saran"]
    assert any("rekaman" in label for label in labels["saran"]), labels["saran"]
    assert any("ramah" in label for label in labels["pujian"]), labels["pujian"]
    for label in result.table["label"]:
        if label not in NOT_THEMES:
            assert 2 <= len(label.split()) <= 5, label


def test_generic_words_never_make_a_label_alone(result, frame):
    # "dosen baik", "materi bagus" … are each written three times, as often as "dosen ramah" variants
    for label in result.table["label"]:
        if label not in NOT_THEMES:
            assert not is_generic(label), label
    generic = frame.index[frame["teks"].isin(["dosen baik", "materi bagus", "mahasiswa senang", "kelas oke"])]
    assert (result.assignments.loc[generic, "pujian"] == GENERAL_LINES["pujian"]).all()  # general praise
    assert is_generic("mahasiswa materi dosen") and is_generic("sudah bagus") and not is_generic("tugas")


def test_general_wishes_are_one_line_that_hides_no_specific_theme(result, frame):
    saran = result.assignments["saran"]
    wishes = frame["teks"].str.startswith(("semoga lebih baik kedepannya", "tingkatkan", "pertahankan", "semoga kedepannya"))
    assert (saran[wishes] == GENERAL_WISH).all()
    line = result.table[(result.table["jenis"] == "saran") & (result.table["label"] == GENERAL_WISH)]
    assert line["jumlah"].tolist() == [int(wishes.sum())]
    mixed = frame.index[frame["teks"] == "semoga lebih baik, tambah durasi praktik juga"][0]
    assert "praktik" in saran[mixed]  # the wish does not hide the suggestion
    odd = frame["teks"].isin(["ganti kursi kelas", "pindah ke gedung baru", "beli spidol"])
    assert (saran[odd] == OTHER).all()
    assert (result.assignments.loc[frame["teks"].isin(["ac ruangan panas", "parkir penuh"]), "keluhan"] == OTHER).all()


def test_shares_and_intervals_follow_the_counts(result, frame):
    table, assignments = result
    for kind in KINDS:
        block = table[table["jenis"] == kind]
        in_kind = int(assignments[kind].notna().sum())
        assert block["jumlah"].sum() == in_kind  # every comment of the kind is on exactly one line
        assert np.allclose(block["porsi"], block["jumlah"] / in_kind)
        low, high = wilson_interval(block["jumlah"].to_numpy(), in_kind)
        assert np.allclose(block["porsi_bawah"], low) and np.allclose(block["porsi_atas"], high)
        assert (block["porsi_bawah"] <= block["porsi"]).all() and (block["porsi"] <= block["porsi_atas"]).all()
        for row in block.itertuples():
            assert (assignments[kind] == row.label).sum() == row.jumlah


def test_a_key_over_max_share_waits_for_the_specific_keys_then_is_a_theme():
    # the cap lets the more specific complaints ("contoh soal kurang") take their comments first;
    # what the big key still holds is then its theme, not "lainnya" (a review: 40 of 100 complaints
    # saying "waktu terlalu singkat" were hidden in "lainnya")
    rows = ([("penjelasan terlalu cepat", "negatif", {"metode": "negatif"}, False)] * 30
            + [(f"penjelasan terlalu cepat dan {w} kurang", "negatif", {"metode": "negatif"}, False)
               for w in ("contoh soal", "latihan soal")] * 8
            + [(f"keluhan nomor {i} tentang {w}", "negatif", {}, False)
               for i, w in enumerate(["kursi", "meja", "papan", "spidol", "kipas", "lampu"] * 3)])
    table = find_themes(comments(rows), max_share=0.2).table.set_index("label")["jumlah"]
    assert table["penjelasan terlalu cepat"] == 30 and table["contoh soal kurang"] == 8 and table["latihan soal kurang"] == 8
    assert OTHER not in table.index
    uncapped = find_themes(comments(rows), max_share=1.0).table.set_index("label")["jumlah"]
    assert uncapped["penjelasan terlalu cepat"] == 46 and "contoh soal kurang" not in uncapped.index  # the cap is what splits


def test_the_complaint_most_participants_make_is_the_first_theme():
    waktu = ["waktu pelatihan terlalu singkat", "waktunya terlalu singkat sekali", "waktu terlalu singkat untuk materi sebanyak ini",
             "sayang waktu pelatihan terlalu singkat", "waktu terlalu singkat, materi padat"]
    others = ["ruangan kelas panas", "ac ruangan tidak dingin", "konsumsi kurang enak", "makan siang terlambat", "sinyal wifi lemot",
              "wifi sering putus", "narasumber kurang interaktif", "penyampaian monoton", "modul terlambat dibagikan", "toilet kotor"]
    rows = ([(waktu[i % 5], "negatif", {"waktu": "negatif"}, False) for i in range(40)]
            + [(others[i % 10], "negatif", {}, False) for i in range(60)])
    table = find_themes(comments(rows)).table
    complaints = table[table["jenis"] == "keluhan"]
    assert "singkat" in complaints["label"].iloc[0] and complaints["jumlah"].iloc[0] > 20, complaints
    said = complaints[complaints["label"].str.contains("singkat")]["jumlah"].sum()
    assert said == 40, complaints  # none of the 40 left in "lainnya"


def test_mixed_comment_is_a_complaint_and_praise():
    rows = [("materi bagus tapi waktunya kurang", "negatif", {"materi": "positif", "waktu": "negatif"}, False)] * 3
    assignments = find_themes(comments(rows)).assignments
    assert assignments.notna().sum().to_dict() == {"keluhan": 3, "saran": 0, "pujian": 3}


def test_quotes_are_masked_and_shown_once():
    rows = ([("jadwal sering berubah, hubungi 081234567890", "negatif", {"waktu": "negatif"}, False)] * 4
            + [("Jadwal sering berubah, hubungi 081234567890", "negatif", {"waktu": "negatif"}, False)]
            + [(f"jadwal sering berubah kata pak Budi Santoso {s}", "negatif", {"waktu": "negatif"}, False)
               for s in ("", "lagi", "minggu ini")])
    table = find_themes(comments(rows), names=["Budi Santoso"], max_share=1.0, n_quotes=5).table
    assert table["label"].tolist() == ["jadwal sering berubah"]
    quotes = table["contoh"][0]
    assert all("0812" not in q and "Budi" not in q for q in quotes)
    assert sum("[telepon]" in q for q in quotes) == 1  # five copies, one of them capitalised: shown once
    assert sum("[nama]" in q for q in quotes) == 3
    assert len({q.lower() for q in quotes}) == len(quotes) == 4
    assert all(len(cell) <= 3 for cell in find_themes(comments(rows), max_share=1.0).table["contoh"])


@pytest.mark.parametrize("texts", [[], ["-", "tidak ada"], ["tugas terlalu banyak"], [None, float("nan"), "👍👍", "🙏"],
                                   ["😡😡😡"] * 5])
def test_hostile_frames_lose_no_row(texts):
    frame = pd.DataFrame({"teks": texts, "sentimen": ["negatif"] * len(texts), "aspek": [[]] * len(texts),
                          "aspek_sentimen": [{}] * len(texts), "saran": [True] * len(texts),
                          "non_informatif": [t in ("-", "tidak ada") for t in texts]},
                         index=pd.Index([f"r{i}" for i in range(len(texts))]))
    table, assignments = find_themes(frame)
    assert tuple(table.columns) == THEME_COLUMNS
    assert list(assignments.columns) == list(KINDS) and assignments.index.equals(frame.index)
    for kind in KINDS:
        assert table.loc[table["jenis"] == kind, "jumlah"].sum() == assignments[kind].notna().sum()
    assert assignments.loc[frame["non_informatif"].to_numpy()].isna().all().all()


def test_hostile_cells_and_missing_columns():
    texts = hostile_series()
    frame = pd.DataFrame({"komentar": texts, "sentimen": "negatif", "saran": np.nan, "non_informatif": None})
    table, assignments = find_themes(frame, text="komentar")  # no aspek/aspek_sentimen columns: no aspects
    assert len(assignments) == len(frame) and assignments.index.equals(frame.index)
    assert assignments["saran"].isna().all()  # a missing flag is False
    assert table.loc[table["jenis"] == "keluhan", "jumlah"].sum() == assignments["keluhan"].notna().sum()


def test_invalid_arguments_are_named():
    frame = comments(COMPLAINTS)
    with pytest.raises(TypeError, match="DataFrame"):
        find_themes(frame["teks"])
    with pytest.raises(ValueError, match="`text`.*'komentar'"):
        find_themes(frame, text="komentar")
    with pytest.raises(ValueError, match="max_share"):
        find_themes(frame, max_share=0)
    with pytest.raises(ValueError, match="min_count"):
        find_themes(frame, min_count=0)


def test_deterministic_and_input_untouched(frame):
    before = frame.copy(deep=True)
    first, second = find_themes(frame), find_themes(frame)
    pd.testing.assert_frame_equal(first.table, second.table)
    pd.testing.assert_frame_equal(first.assignments, second.assignments)
    pd.testing.assert_frame_equal(frame, before)


def test_themes_chosen_on_a_sample_still_place_every_comment(frame, monkeypatch):
    import umpanbalik.themes as themes

    monkeypatch.setattr(themes, "_SELECTION_SAMPLE", 20)  # fewer than the comments of each kind
    first = find_themes(frame, max_share=0.5, random_state=1)
    again = find_themes(frame, max_share=0.5, random_state=1)
    pd.testing.assert_frame_equal(first.table, again.table)
    for kind in KINDS:
        block = first.table[first.table["jenis"] == kind]
        assert block["jumlah"].sum() == first.assignments[kind].notna().sum()
    assert any("terlalu cepat" in label for label in first.table["label"])


def test_analysis_themes_feed_the_workbook_and_the_report(tmp_path):
    from openpyxl import load_workbook

    from umpanbalik import analyze, load_survey

    result = analyze(load_survey().head(400), text="komentar", topics=False)
    table = result.themes()
    assert set(table["jenis"]) <= {"keluhan", "saran", "pujian"} and len(table)
    informative = result.comments[~result.comments["non_informatif"]]
    assert table["jumlah"].max() <= len(informative)
    workbook = load_workbook(result.to_excel(tmp_path / "hasil.xlsx"), read_only=True)
    sheet = workbook["tema"]
    labels = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert labels == table["label"].tolist()
    page = result.to_html(tmp_path / "laporan.html").read_text(encoding="utf-8")
    keluhan = table[table["jenis"] == "keluhan"]["label"].tolist()
    assert "Tema keluhan" in page and keluhan and all(label in page for label in keluhan)
    # each kind's themes as a ranked bar chart (HTML): largest first, "harapan umum"/"lainnya" last,
    # bars as long as the counts
    import re
    from html import unescape

    for kind in set(table.loc[~table["label"].isin(NOT_THEMES), "jenis"]):  # (a kind of no theme has no chart)
        part = table[table["jenis"] == kind]
        chart = re.search(rf'<table class="peringkat {kind}">(.*?)</table>', page, re.S)
        assert chart, kind
        rows = re.findall(r'<th scope="row">(.*?)</th><td class="batang"><span style="width: ([\d.]+)%"></span></td>'
                          r'<td class="angka">([\d.]+) ', chart.group(1))
        names, widths, counts = [unescape(r[0]) for r in rows], [float(r[1]) for r in rows], [int(r[2].replace(".", "")) for r in rows]
        themes = [n for n in names if n not in NOT_THEMES]
        assert sorted(names) == sorted(part["label"]) and names[:len(themes)] == themes
        shown = dict(zip(names, counts))
        assert all(shown[label] == count for label, count in zip(part["label"], part["jumlah"]))
        theme_counts = counts[:len(themes)]
        assert theme_counts == sorted(theme_counts, reverse=True)
        scale = max(theme_counts or counts)  # the largest theme sets the scale; a longer general line is drawn full
        assert max(widths) == 100 and all(abs(w - min(100, 100 * c / scale)) < 0.1 for w, c in zip(widths, counts))
    # and in the workbook, a native bar chart per kind that has a theme besides the general lines
    charts = load_workbook(tmp_path / "hasil.xlsx")["tema"]._charts
    assert len(charts) == len(set(table.loc[~table["label"].isin(NOT_THEMES), "jenis"]))


def test_themes_of_a_barrier_analysis_say_what_to_do():
    from umpanbalik import analyze

    result = analyze(pd.DataFrame({"alasan": ["tidak ada waktu", "atasan tidak izin"]}), text="alasan",
                     task="hambatan", topics=False)
    with pytest.raises(ValueError, match="task='evaluasi'|aspects"):
        result.themes()


# -- how labels are made (issue 15: labels an evaluator can act on) ---------------------------------
def themes_of(kind: str, texts: list[str], **kwargs) -> tuple[pd.DataFrame, pd.Series]:
    """Themes of one kind for ``texts`` (each a comment of that kind)."""
    row = {"keluhan": ("negatif", {"metode": "negatif"}, False), "saran": ("netral", {"metode": "netral"}, True),
           "pujian": ("positif", {"metode": "positif"}, False)}[kind]
    result = find_themes(comments([(text, *row) for text in texts]), max_share=1.0, **kwargs)
    table = result.table[(result.table["jenis"] == kind) & ~result.table["label"].isin(NOT_THEMES)]
    return table, result.assignments[kind]


def test_a_wish_that_something_not_happen_shares_the_key_of_the_complaint():
    # "semoga tidak sering kosong" asks against "sering kosong": one theme, and the complaint's label
    # does not keep the negation of the wish
    texts = (["semoga tidak sering kosong", "semoga kedepannya tidak sering kosong lagi", "mohon tidak sering kosong",
              "semoga tidak sering kosong ya pak"] + ["kelas sering kosong", "sering kosong pak"])
    table, labels = themes_of("keluhan", texts)
    assert table["label"].tolist() == ["sering kosong"]
    assert (labels == "sering kosong").all()
    # without a wish marker the negation stays: praise that the class is not often empty is no complaint
    assert themes_of("keluhan", ["tidak sering kosong"] * 6)[0]["label"].tolist() != ["sering kosong"]


def test_a_complaint_written_as_a_request_is_labelled_as_the_complaint():
    texts = ["tugas jangan terlalu banyak", "tugas jangan terlalu banyak pak", "tugas jangan terlalu banyak bu",
             "tugas jangan terlalu banyak ya", "tugas terlalu banyak"]
    assert themes_of("keluhan", texts)[0]["label"].tolist() == ["tugas terlalu banyak"]
    # among suggestions the request reads as written
    assert themes_of("saran", texts[:3] * 2)[0]["label"].tolist() == ["tugas jangan terlalu banyak"]


def test_a_label_is_a_phrase_that_several_comments_write():
    # the key words ("absen", "masuk" = one key) are in every comment, but no two comments write the
    # same phrase: no label is made of words far apart or of synonyms ("hadir salah", "materi masuk")
    texts = ["sering absen waktu hujan", "jarang masuk kelas pagi", "kosong terus minggu lalu",
             "dosen hadir salah ruangan", "materi masuk sedikit", "absen dianggap tidak hadir"]
    table, labels = themes_of("keluhan", texts, min_count=2)
    assert table.empty, table
    assert (labels == OTHER).all()
    # two comments that write the same phrase (after light normalisation: -nya, the synonym table)
    # are enough for a small theme, and the label is written as they write it
    texts = ["penjelasannya terlalu cepat", "penjelasan terlalu cepat", "dosen menjelaskan terlalu cepat"]
    assert themes_of("keluhan", texts, min_count=2)[0]["label"].tolist() == ["penjelasan terlalu cepat"]


def test_a_complaint_label_names_a_thing_and_what_is_wrong():
    # "terlalu sempit" on its own does not say what is too narrow; "ikut zoom" says nothing is wrong
    narrow = ["ruang makan terlalu sempit", "parkir terlalu sempit", "jalan masuk terlalu sempit",
              "lorong asrama terlalu sempit", "toilet terlalu sempit", "meja terlalu sempit"]
    zoom = ["saya ikut zoom dari kantor", "ikut zoom sambil kerja", "ikut zoom dari rumah", "ikut zoom di puskesmas",
            "sempat ikut zoom sebentar"]
    table, labels = themes_of("keluhan", narrow + zoom)
    assert not any(label in ("terlalu sempit", "ikut zoom") for label in table["label"]), table
    # the same words with the thing they are about make a theme
    rooms = [f"ruangan terlalu sempit{s}" for s in ("", " pak", " sekali", " untuk 40 orang", " dan panas")]
    assert themes_of("keluhan", rooms)[0]["label"].tolist() == ["ruangan terlalu sempit"]


def test_a_suggestion_label_says_what_is_wanted():
    # "rekaman kelas" named without a request word is no suggestion label; "sediakan rekaman kelas" is
    named = [f"rekaman kelas{s}" for s in ("", " ya", " di lms", " minggu lalu", " bu")]
    assert themes_of("saran", named)[0].empty
    asked = [f"{p}rekaman kelas{s}" for p in ("sediakan ", "tolong sediakan ", "mohon disediakan ")
             for s in ("", " ya")]
    table = themes_of("saran", asked)[0]
    assert len(table) == 1 and table["label"].iloc[0].startswith("sediakan rekaman")


def test_more_of_a_thing_is_a_label_a_negated_thing_is_not():
    # "lebih tepat waktu" names punctuality and asks for more of it: the most common request of a
    # real lecturer survey, left in "lainnya" while a label needed a thing beside the cue
    punctual = [f"{p}lebih tepat waktu{s}" for p in ("", "harap ", "semoga ") for s in ("", " dalam mengajar", " pak")]
    for kind in ("saran", "keluhan"):
        table, labels = themes_of(kind, punctual)
        assert table["label"].tolist() == ["lebih tepat waktu"], (kind, table)
        assert (labels == "lebih tepat waktu").all()
    # "lebih jelas" names no thing (a quality), and a negated word is no thing: "tidak masuk" is a
    # teacher's absence in one survey and "tidak masuk akal" in another
    for vague in ("lebih jelas", "lebih dijelaskan", "lebih bersemangat", "lebih bervariasi"):
        assert themes_of("saran", [f"{vague}{s}" for s in ("", " pak", " lagi", " ya", " bu")])[0].empty, vague
    vague = ["materi tidak masuk", "tugasnya tidak masuk akal", "sertifikat tidak masuk", "tidak masuk akal",
             "dianggap tidak masuk", "nilai tidak masuk"]
    assert themes_of("keluhan", vague)[0].empty


def test_a_praise_label_names_a_good_quality():
    # praise that only names a thing ("studi kasus") is no praise theme; "studi kasus menarik" is
    plain = [f"studi kasus{s}" for s in ("", " pak", " kemarin", " kelompok", " kedua")]
    assert themes_of("pujian", plain)[0].empty
    liked = [f"studi kasus menarik{s}" for s in ("", " pak", " sekali", " dan relevan", " bu")]
    assert themes_of("pujian", liked)[0]["label"].tolist() == ["studi kasus menarik"]


def test_what_the_learners_understand_is_no_label_how_easy_it_is_is():
    unclear = [f"mahasiswa lebih memahami materi{s}" for s in ("", " pak", " bu", " lagi", " ya")]
    assert themes_of("saran", unclear)[0].empty
    hard = [f"materi sulit dipahami{s}" for s in ("", " pak", " bu", " sekali", " ya")]
    assert themes_of("keluhan", hard)[0]["label"].tolist() == ["materi sulit dipahami"]


def test_a_theme_holds_the_comments_that_say_what_its_label_says():
    # the key "tugas" gathers every complaint about assignments; the label "tugas terlalu banyak" names
    # their amount, so a complaint that assignments are unclear is not a member (it stays for another
    # theme or "lainnya"); "jam kosong" and "kosong terus" say "sering kosong" in other words
    many = ["tugas terlalu banyak", "tugasnya terlalu banyak pak", "tugas terlalu banyak dan menumpuk",
            "tugas terlalu banyak bu", "tugas terlalu banyak sekali", "tugas terlalu banyak setiap minggu"]
    unclear = ["tugas tidak jelas", "tugas tidak jelas instruksinya"]
    table, labels = themes_of("keluhan", many + unclear)
    assert table["label"].tolist() == ["tugas terlalu banyak"]
    assert (labels[:6] == "tugas terlalu banyak").all() and (labels[6:] != "tugas terlalu banyak").all()
    empty = ["kelas sering kosong", "sering kosong pak", "sering kosong bu", "jam kosong", "kosong terus", "sering kosong"]
    table, labels = themes_of("keluhan", empty)
    assert table["label"].tolist() == ["sering kosong"] and (labels == "sering kosong").all()


def test_says_label_reads_the_meaning_not_the_words():
    from umpanbalik._keyphrases import _documents
    from umpanbalik._labels import says_label

    texts = ["tugasnya terlalu banyak pak", "tugas tidak jelas", "jam kosong lagi", "kosong terus minggu ini",
             "materi bagus", "dosennya sabar sekali", "dosen kurang sabar"]
    documents, lexicon = _documents(texts)
    clauses = [d.clauses for d in documents]
    many = ("terlalu_banyak", "tugas")
    assert says_label(clauses[0], many, lexicon, kind="keluhan") and not says_label(clauses[1], many, lexicon, kind="keluhan")
    # "sering" only says how often: the absence itself is the complaint
    assert says_label(clauses[2], ("sering", "kosong"), lexicon, kind="keluhan")
    assert says_label(clauses[3], ("sering", "kosong"), lexicon, kind="keluhan")
    assert not says_label(clauses[4], ("sering", "kosong"), lexicon, kind="keluhan")
    # praise whose label names no specific thing ("dosen sabar"): every praising comment of the key
    assert says_label(clauses[5], ("dosen", "sabar"), lexicon, kind="pujian")


def test_a_request_against_a_degree_is_no_general_wish():
    # "pak nerangin jangan cepet2" went to "harapan umum": every word a wish or a degree
    rows = ([(f"{who}jangan terlalu cepat menjelaskan{end}", "negatif", {"metode": "negatif"}, True)
             for who in ("", "pak ", "bu ") for end in ("", " ya", " pak")]
            + [("pak nerangin jangan cepet2", "negatif", {"metode": "negatif"}, True),
               ("semoga lebih baik lagi", "netral", {}, True)])
    saran = find_themes(comments(rows), max_share=1.0, min_count=3).assignments["saran"]
    assert saran.iloc[9] != GENERAL_WISH and saran.iloc[10] == GENERAL_WISH


def test_points_on_lines_of_their_own_are_clauses_of_their_own():
    # a line break is a clause break even between words in lower case: "waktu terlalu singkat\nmateri
    # sangat bagus" joined made labels such as "materi bagus waktu terlalu singkat"
    from umpanbalik._keyphrases import _clauses

    assert len(_clauses(["waktu terlalu singkat\nmateri sangat bagus"])[0]) == 2


def test_a_key_of_a_degree_word_alone_does_not_join_a_theme_that_names_a_thing():
    # "banyak" alone joined "banyak tugas" (a key inside another's joins its theme): "terlalu banyak
    # slide", "banyak jam kosong" were counted as complaints about assignments (real school survey)
    from collections import Counter

    from umpanbalik._keyphrases import _select

    others = ["slide", "jam", "teori", "istilah", "rapat", "video"] * 3
    docs = ([frozenset({("banyak", "tugas"), ("banyak",)})] * 12 + [frozenset({("banyak",), (w,)}) for w in others]
            + [frozenset({("lain",)})] * 20)
    background = Counter(key for doc in docs for key in doc)
    themes, _ = _select(docs, background, len(docs), min_count=5, max_count=len(docs), max_themes=10,
                        label=lambda key, members: " ".join(key))
    members = dict(themes)
    assert sorted(members["banyak tugas"]) == list(range(12)), themes
    # "jangan terlalu cepat" still joins "penjelasan terlalu cepat": the same thing named another way
    docs = [frozenset({("cepat", "jelaskan")})] * 10 + [frozenset({("jelaskan",)})] * 8 + [frozenset({("lain",)})] * 20
    themes, _ = _select(docs, Counter(key for doc in docs for key in doc), len(docs), min_count=5, max_count=len(docs),
                        max_themes=10, label=lambda key, members: " ".join(key))
    assert len(dict(themes)["cepat jelaskan"]) == 18, themes


def test_requests_to_share_the_slides_are_one_key_whichever_words_ask():
    # "mohon slide dikirim", "bahan tayang dibagikan", "softcopy dishare": each key held too few
    # comments for a theme, and the bundled survey's suggestions had no theme for them
    from umpanbalik._keyphrases import _documents

    documents, _ = _documents(["mohon slide dikirim ke grup", "bahan tayang tolong dibagikan", "softcopy mohon dishare",
                               "handout diupload di LMS"])
    assert all(("bagi", "slide") in document.keys for document in documents)


def test_time_named_with_a_degree_or_a_request_is_a_theme():
    # "waktu" was a word of degree ("part of a key, never its point"), as "kurang" and "tambah" are:
    # "waktunya kurang" and "mohon waktu ditambah", the commonest complaint and request of a training
    # evaluation, made no key; 25 complaints went to "lainnya" and 9 requests to "harapan umum" (a review)
    rows = ([("waktunya kurang", "negatif", {"waktu": "negatif"}, False)] * 12
            + [("waktu kurang sekali", "negatif", {"waktu": "negatif"}, False)] * 6
            + [("mohon waktu ditambah", "negatif", {"waktu": "negatif"}, True)] * 9
            + [("jadwal terlalu padat", "negatif", {"waktu": "negatif"}, False)] * 8
            + [(f"keluhan nomor {i} tentang {w}", "negatif", {}, False) for i, w in enumerate(["kursi", "meja", "papan"] * 3)])
    table = find_themes(comments(rows)).table
    complaints = table[table["jenis"] == "keluhan"].set_index("label")["jumlah"]
    requests = table[table["jenis"] == "saran"].set_index("label")["jumlah"]
    assert complaints.get("waktunya kurang", 0) >= 12, complaints
    assert requests.get("waktu ditambah", 0) == 9 and GENERAL_WISH not in requests.index, requests


def test_praise_and_complaints_that_name_nothing_specific_are_their_kind_s_general_line():
    # 30 "materi bagus dan bermanfaat" were "lainnya" (100% of the praise), which the report calls
    # comments that fit no theme frequent enough (a review)
    rows = ([("materi bagus dan bermanfaat", "positif", {"materi": "positif"}, False)] * 30
            + [("kurang memuaskan", "negatif", {}, False)] * 6
            + [("dosennya ramah sekali", "positif", {}, False)] * 8)
    table = find_themes(comments(rows)).table.set_index(["jenis", "label"])["jumlah"]
    assert table[("pujian", "pujian umum")] == 30 and table[("keluhan", "keluhan umum")] == 6
    assert ("pujian", OTHER) not in table.index and table[("pujian", "dosen ramah")] == 8
