"""analyze(chunksize=): a streamed CSV or a frame cut in chunks gives exactly the unchunked result; and
the CSV reading that streaming rests on (encodings, delimiters, blank lines)."""
from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from umpanbalik import Preprocessor, _annotate, _tables, load_survey
from umpanbalik.analysis import analyze

OPTIONS = {"by": "instansi", "rating": "nilai", "barriers": "alasan_tidak_ikut", "topics": 3, "progress": False}


@pytest.fixture(scope="module")
def survey() -> pd.DataFrame:
    frame = load_survey().iloc[::5].head(240).reset_index(drop=True)
    frame.loc[7, "komentar"] = "Materinya bagus, tapi ruangan kelasnya terlalu dingin"  # the same text twice,
    frame.loc[150, "komentar"] = "Materinya bagus, tapi ruangan kelasnya terlalu dingin"  # in different chunks
    return frame


@pytest.fixture(scope="module")
def whole(survey):
    return analyze(survey, **OPTIONS)


def assert_same(chunked, whole) -> None:
    pd.testing.assert_frame_equal(chunked.comments, whole.comments, check_dtype=False, check_index_type=False)
    assert chunked.notes == whole.notes
    pd.testing.assert_frame_equal(chunked.summary()["aspek"], whole.summary()["aspek"])


def test_a_frame_in_chunks_gives_the_same_result(survey, whole):
    chunked = analyze(survey, chunksize=50, **OPTIONS)
    assert_same(chunked, whole)
    framed = survey.set_axis([f"id{i // 2}" for i in range(len(survey))])  # a repeated, non-integer index
    assert list(analyze(framed, chunksize=50, **OPTIONS).comments.index) == list(framed.index)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_a_streamed_csv_gives_the_same_result(tmp_path, survey, encoding, monkeypatch):
    frame = survey.copy()
    frame.loc[230, "komentar"] = "Narasumber café sangat menguasai materi"  # a non-ASCII byte near the end
    path = tmp_path / "survei.csv"
    frame.to_csv(path, index=False, sep=";", encoding=encoding, errors="replace")  # emoji are not in cp1252
    expected = analyze(path, **OPTIONS)
    monkeypatch.setattr(_tables, "_SCAN_BLOCK", 64)  # the encoding check reads many blocks
    chunked = analyze(path, chunksize=37, **OPTIONS)
    assert list(chunked.comments.index) == list(range(len(frame)))
    assert chunked.comments.loc[230, "komentar"] == "Narasumber café sangat menguasai materi"
    assert_same(chunked, expected)


@pytest.mark.parametrize("block", [5, 64, 1 << 20])  # small blocks cut multibyte characters
def test_rows_of_a_utf8_and_a_cp1252_export_pasted_together_keep_their_characters(tmp_path, monkeypatch, block):
    utf8 = ["materi “bagus” sekali café", "biaya 50€ terlalu mahal"]
    cp1252 = ["narasumber “jelas” sekali", "konsumsi 10€ enak"]
    path = tmp_path / "gabungan.csv"
    path.write_bytes("komentar\n".encode() + "".join(f"{t}\n" for t in utf8).encode("utf-8")
                     + "".join(f"{t}\n" for t in cp1252).encode("cp1252") + b"tanda \x81 aneh\n")  # 0x81: undefined in cp1252
    cp1252 = [*cp1252, "tanda \x81 aneh"]
    monkeypatch.setattr(_tables, "_SCAN_BLOCK", block)
    expected = utf8 + cp1252
    assert _tables.read_table(path)["komentar"].tolist() == expected
    assert pd.concat(list(_tables.iter_table(path, 2)))["komentar"].tolist() == expected
    plain = tmp_path / "excel.csv"  # a file that is Windows-1252 only stays Windows-1252
    plain.write_bytes("komentar\n".encode() + "".join(f"{t}\n" for t in cp1252[:2]).encode("cp1252"))
    assert _tables._file_encoding(plain)[0] == "cp1252"
    assert _tables.read_table(plain)["komentar"].tolist() == cp1252[:2]


@pytest.mark.parametrize(("raw", "text"), [(b"\xef", "\u00ef"), (b"\xef\xbb", "\u00ef\u00bb"), (b"\xef\xbb\xbf", ""),
                                         (b"\xef\xbb\xbfok", "ok"), (b"ok\xef", "ok\u00ef")])
def test_bytes_that_begin_like_a_bom_and_end_there_are_decoded(raw, text):
    """The incremental UTF-8-with-BOM decoder holds back one or two bytes that could start a BOM even
    at the end, so b"\xef" looked like empty UTF-8 and then failed to decode (found by hypothesis)."""
    assert _tables._decode(raw) == text
    assert Preprocessor().transform([raw, b"\xef materi"]) == Preprocessor().transform([text, "\u00ef materi"])


def test_chunks_annotated_by_worker_processes_give_the_same_result(survey, whole, monkeypatch):
    monkeypatch.setattr(_annotate, "BLOCK", 20)
    monkeypatch.setattr(_annotate, "PARALLEL_MIN", 40)
    assert_same(analyze(survey, chunksize=120, n_jobs=2, **OPTIONS), whole)


def test_a_csv_of_headers_only_and_usage_errors(tmp_path):
    path = tmp_path / "kosong.csv"
    path.write_text("komentar,instansi\n", encoding="utf-8")
    empty = analyze(path, chunksize=10, by="instansi", progress=False)
    assert len(empty.comments) == 0 and "sentimen" in empty.comments
    with pytest.raises(KeyError, match="Available columns: 'komentar', 'instansi'"):
        analyze(path, text="ulasan", chunksize=10, progress=False)
    for bad in (0, -5, 2.5, True):
        with pytest.raises(ValueError, match="chunksize"):
            analyze(["materi bagus"], chunksize=bad)


def test_equal_labels_share_one_object_per_value(whole):
    """The compact storage that lets a million comments fit: one object per distinct value."""
    for column in ("sentimen", "aspek", "aspek_sentimen", "hambatan"):
        values = whole.comments[column]
        distinct = {repr(v) for v in values}
        assert len({id(v) for v in values}) == len(distinct), column


def test_an_excel_file_in_chunks_gives_the_same_result(tmp_path, survey):
    path = tmp_path / "survei.xlsx"
    survey.head(30).to_excel(path, index=False)
    options = {**OPTIONS, "topics": False}
    pd.testing.assert_frame_equal(analyze(path, chunksize=7, **options).comments, analyze(path, **options).comments)


def test_a_streamed_csv_is_closed_when_a_chunk_fails(tmp_path, monkeypatch):
    """The reader is closed at once, not when the traceback (kept by a notebook) is collected."""
    import os

    from umpanbalik.analysis import run as analysis

    path = tmp_path / "survei.csv"
    path.write_text("komentar\n" + "materi bagus\n" * 10, encoding="utf-8")
    calls, real = [], analysis._annotate_chunk

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("boom")
        return real(*args, **kwargs)

    monkeypatch.setattr(analysis, "_annotate_chunk", failing)
    with pytest.raises(RuntimeError, match="boom") as raised:
        analyze(path, chunksize=2, topics=False, progress=False)
    assert raised.value is not None  # the traceback is still alive here
    fds = os.listdir("/proc/self/fd") if os.path.isdir("/proc/self/fd") else []
    assert str(path) not in {os.path.realpath(f"/proc/self/fd/{fd}") for fd in fds}


@pytest.mark.filterwarnings("ignore::pandas.errors.ParserWarning")
def test_rows_ending_with_an_extra_delimiter_keep_their_comments_in_place(tmp_path):
    """A trailing delimiter on the data rows (not on the header) made pandas read the first column
    as the index: every comment became a row label and the ratings were read as the comments."""
    path = tmp_path / "koma_akhir.csv"
    path.write_text("komentar,nilai\nmateri bagus,5,\nwaktu kurang,4,\n", encoding="utf-8")
    expected = {"komentar": ["materi bagus", "waktu kurang"], "nilai": ["5", "4"]}
    assert _tables.read_table(path).to_dict("list") == expected
    assert pd.concat(list(_tables.iter_table(path, 1))).to_dict("list") == expected
    assert analyze(path, topics=False, progress=False).comments.index.tolist() == [0, 1]


def test_blank_lines_of_a_one_column_file_are_blank_answers(tmp_path):
    """Excel writes an empty cell of a one-column sheet as a blank line, which pandas skipped: the
    respondent was dropped and the report counted no blank comment. With more columns a blank line
    is no row, as before."""
    path = tmp_path / "satu_kolom.csv"
    path.write_bytes(b"komentar\r\nmateri bagus\r\n\r\nwaktu kurang\r\n")
    expected = ["materi bagus", "", "waktu kurang"]
    assert _tables.read_table(path)["komentar"].tolist() == expected
    assert pd.concat(list(_tables.iter_table(path, 2)))["komentar"].tolist() == expected
    key = analyze(path, topics=False, progress=False).summary()["angka_kunci"].set_index("ukuran")["nilai"]
    assert (key["komentar"], key["kosong"]) == (3, 1)
    wide = tmp_path / "dua_kolom.csv"
    wide.write_text("komentar,nilai\nmateri bagus,5\n\nwaktu kurang,4\n", encoding="utf-8")
    assert _tables.read_table(wide)["komentar"].tolist() == ["materi bagus", "waktu kurang"]


def test_a_question_added_to_a_form_later_is_found_in_a_streamed_file(tmp_path, monkeypatch, capsys):
    """With chunksize, the open questions were judged on the first 10,000 rows only: a question added to
    the form later (blank in those rows) was silently left out (a reviewer's 30,000-row export). A
    column blank there is now judged by its first answers further down (here with 50 rows)."""
    from umpanbalik import cli, load_corpus

    texts = load_corpus()["teks"].tolist()
    n = 200
    frame = pd.DataFrame({"kesan_umum": texts[:n], "saran_tambahan": [""] * 120 + texts[n : n + 80],
                          "nilai": ["4"] * n})
    path = tmp_path / "ekspor.csv"
    frame.to_csv(path, index=False)
    monkeypatch.setattr(_tables, "SAMPLE_ROWS", 50)  # for analyze and the CLI alike
    sample = _tables.sample_rows(path, 50)
    assert len(sample) == 50 and sample["saran_tambahan"].tolist() == texts[n : n + 50]
    assert sample["kesan_umum"].tolist() == texts[:50]
    result = analyze(path, text="auto", chunksize=40, topics=False)
    assert list(result.questions) == ["kesan_umum", "saran_tambahan"]
    assert (result["saran_tambahan"].comments["saran_tambahan"] != "").sum() == 80
    assert cli.main(["analyze", str(path), "--chunksize", "40", "--topics", "0", "--format", "csv", "--no-progress",
                     "--output", str(tmp_path / "hasil")]) == 0
    assert "'saran_tambahan'" in capsys.readouterr().out
    short = tmp_path / "pendek.csv"  # a file no longer than the sample: read once, nothing filled in
    frame.head(30).to_csv(short, index=False)
    assert _tables.sample_rows(short, 50).equals(_tables.read_table(short))


# -- the delimiter: the one that splits the records most consistently, quotes respected --------------------------------
EXCEL_ANSWERS = {"unit": ["A", "B", "C", "D"],
                 "komentar": ["Materi bagus.\nTapi waktu kurang, jadwal padat", "Pemateri jelas, contoh banyak",
                              "Sinyal zoom putus-putus, mohon rekaman", "Waktu terlalu singkat"]}


def excel_csv(columns: dict[str, list[str]], sep: str) -> bytes:
    """``columns`` as Excel writes them: CRLF after each row, a cell quoted only when it holds the
    delimiter, a quote or a line break, Windows-1252."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=sep, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(zip(*columns.values()))
    return text.getvalue().encode("cp1252")


@pytest.mark.parametrize("sep", [";", ",", "\t", "|"])
def test_an_excel_csv_with_crlf_and_a_line_break_in_a_quoted_answer_is_read(tmp_path, sep):
    """A ";" export as Indonesian-locale Excel writes it was refused ("line 3 has 2 fields where the
    lines before have 1"): csv.Sniffer gave up on it and "," was used."""
    path = tmp_path / "ekspor.csv"
    path.write_bytes(excel_csv(EXCEL_ANSWERS, sep))
    assert _tables.read_table(path).to_dict("list") == EXCEL_ANSWERS
    assert pd.concat(list(_tables.iter_table(path, 3))).to_dict("list") == EXCEL_ANSWERS


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_a_sample_that_ends_inside_a_quoted_answer_still_finds_the_delimiter(tmp_path, monkeypatch, sep):
    """The delimiter is chosen by the file's start, which may end anywhere: inside a quoted answer
    that holds a line break and commas, or in the middle of a row."""
    raw = excel_csv(EXCEL_ANSWERS, sep)
    path = tmp_path / "ekspor.csv"
    path.write_bytes(raw)
    for end in range(len("unit;komentar\r\n"), len(raw)):
        monkeypatch.setattr(_tables, "_SAMPLE_CHARS", end)
        assert _tables._csv_options(path)["sep"] == sep, end
    assert _tables.read_table(path).to_dict("list") == EXCEL_ANSWERS


@pytest.mark.parametrize("answers", [["materi bagus, tapi jadwal padat, ruangan dingin", "pemateri jelas", "waktu singkat"],
                                     ["materi bagus, tapi\njadwal padat", "pemateri jelas, contoh banyak", "singkat, padat"]])
def test_a_semicolon_csv_whose_answers_hold_commas_is_read(tmp_path, answers):
    """The answers' commas split some records (the second time, every one past the header into two
    fields); ";" splits all of them alike."""
    expected = {"komentar": answers, "nilai": ["4", "5", "3"]}
    path = tmp_path / "ekspor.csv"
    path.write_bytes(excel_csv(expected, ";"))
    assert _tables.read_table(path).to_dict("list") == expected
    assert pd.concat(list(_tables.iter_table(path, 2))).to_dict("list") == expected


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_a_long_semicolon_export_of_real_comments_is_read(tmp_path, ending):
    """300 comments, some of two lines, some with a quoted word, written by pandas with sep=";" in
    Windows-1252 (as the reviewer's file of real comments was): refused like the Excel export above."""
    from umpanbalik import load_corpus

    frame = load_corpus()[["teks", "sentimen"]].head(300).reset_index(drop=True)
    frame.loc[::4, "teks"] += ' "top"'  # with the answers of two lines, these threw csv.Sniffer off
    frame.loc[1::4, "teks"] += "\nterima kasih"
    path = tmp_path / "ekspor.csv"
    frame.to_csv(path, sep=";", index=False, encoding="cp1252", errors="replace", lineterminator=ending)
    expected = {**frame.to_dict("list"),  # an emoji is "?" in Windows-1252
                "teks": [text.encode("cp1252", errors="replace").decode("cp1252") for text in frame["teks"]]}
    assert _tables.read_table(path).to_dict("list") == expected
    assert pd.concat(list(_tables.iter_table(path, 64))).to_dict("list") == expected


def test_a_one_column_csv_stays_one_column_whatever_its_answers_hold(tmp_path):
    """With no delimiter that splits the records consistently the file is one column: a ";", "|" or
    tab inside an answer stays in it, a quoted line break too, and a blank line is a blank answer."""
    path = tmp_path / "satu_kolom.csv"
    path.write_bytes(b'komentar\r\nmateri bagus; jadwal padat\r\n"Materi bagus.\r\nTapi waktu kurang, jadwal padat"\r\n'
                     b"\r\nsinyal | putus\r\nwaktu\tkurang\r\nruangan dingin\r\n")
    expected = ["materi bagus; jadwal padat", "Materi bagus.\r\nTapi waktu kurang, jadwal padat", "", "sinyal | putus",
                "waktu\tkurang", "ruangan dingin"]
    assert _tables.read_table(path).to_dict("list") == {"komentar": expected}
    assert pd.concat(list(_tables.iter_table(path, 4))).to_dict("list") == {"komentar": expected}


def test_a_one_column_file_whose_answers_often_hold_a_semicolon_stays_one_column(tmp_path):
    """Three of five answers holding ";" made it the delimiter (half the records split alike), and
    the answers were cut at it with a warning about extra fields."""
    path = tmp_path / "ekspor.csv"
    path.write_text("komentar\nbagus; tapi lambat\nok\nmantap; sip\njelek; buruk\nmateri bagus\n", encoding="utf-8")
    assert _tables.read_table(path).to_dict("list") == {
        "komentar": ["bagus; tapi lambat", "ok", "mantap; sip", "jelek; buruk", "materi bagus"]}
