"""The command line: files in the encodings Excel writes, clear errors, documented exit codes."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from umpanbalik import load_survey
from umpanbalik.cli import main


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> pd.DataFrame:
    frame = load_survey().iloc[::8].head(160)
    frame.loc[frame.index[0], "komentar"] = '=HYPERLINK("http://contoh.invalid","klik") materi bagus'
    frame.loc[frame.index[1], "komentar"] = "<script>alert(1)</script> jadwal zoom molor, hub 081234567890"
    return frame


def test_analyze_writes_report_workbook_and_table_from_a_windows_csv(export, tmp_path, capsys):
    path = tmp_path / "ekspor.csv"
    export.to_csv(path, sep=";", index=False, encoding="cp1252", errors="replace")
    code = main(["analyze", str(path), "--text-column", "komentar", "--by", "instansi", "--rating", "nilai",
                 "--barrier-column", "alasan_tidak_ikut", "--topics", "3", "--output", str(tmp_path / "hasil"), "--no-progress"])
    assert code == 0
    out = capsys.readouterr().out
    assert "Laporan HTML" in out and "Selesai: 160 baris" in out
    html = (tmp_path / "hasil" / "laporan.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "081234567890" not in html
    table = pd.read_csv(tmp_path / "hasil" / "komentar_teranalisis.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(table) == 160
    assert not table["komentar"].str.startswith(("=", "+", "-", "@")).any()
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "hasil" / "hasil_analisis.xlsx")
    assert {"ringkasan", "komentar", "aspek"} <= set(book.sheetnames)


def test_chunksize_streams_the_file_with_the_same_result(export, tmp_path, capsys):
    path = tmp_path / "ekspor.csv"
    export.to_csv(path, index=False, encoding="utf-8-sig")
    tables = []
    for name, extra in (("utuh", []), ("potong", ["--chunksize", "45"])):
        options = ["--by", "instansi", "--topics", "3", "--no-progress", "--output", str(tmp_path / name)]
        assert main(["analyze", str(path), *options, *extra]) == 0
        tables.append(pd.read_csv(tmp_path / name / "komentar_teranalisis.csv", dtype=str, keep_default_na=False))
    pd.testing.assert_frame_equal(tables[0], tables[1])
    assert len(tables[1]) == 160
    code = main(["analyze", str(path), "--text-column", "ulasan", "--chunksize", "45", "--output", str(tmp_path / "x")])
    assert code == 1 and "Kolom 'ulasan'" in capsys.readouterr().err


def test_chunksize_on_an_excel_file_reads_the_workbook_once(export, tmp_path, monkeypatch):
    """An Excel sheet is read whole anyway: --chunksize must not make the CLI read it twice."""
    path = tmp_path / "ekspor.xlsx"
    export.head(30).to_excel(path, index=False)
    from umpanbalik import _tables

    calls, real = [], _tables._bounded  # (pandas reads the sheet in a child process: each read counted here)
    monkeypatch.setattr(_tables, "_bounded", lambda read: calls.append(read) or real(read))
    options = ["--topics", "0", "--no-progress", "--output", str(tmp_path / "hasil")]
    assert main(["analyze", str(path), "--chunksize", "7", *options]) == 0
    assert len(calls) == 1


def test_praproses_writes_cleaned_text_safely(tmp_path, capsys):
    """The cleaning command's CSV: one row per input row (a lone carriage return inside a comment is
    quoted, not a row break) and formula-like cells neutralised."""
    frame = pd.DataFrame({"komentar": ["=1+2 materinya bagus", "baris satu\rbaris dua: jadwal padat", "tidak jelas"],
                          "instansi": ["A", "B", "C"]})
    frame.to_csv(tmp_path / "ekspor.csv", index=False, lineterminator="\r\n")  # quotes the cell with \r
    assert main(["praproses", str(tmp_path / "ekspor.csv"), "--output", str(tmp_path / "bersih.csv")]) == 0
    assert "Selesai: 3 baris" in capsys.readouterr().out
    table = pd.read_csv(tmp_path / "bersih.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert table["komentar"].tolist() == ["'=1+2 materinya bagus", "baris satu\rbaris dua: jadwal padat", "tidak jelas"]
    assert table["instansi"].tolist() == ["A", "B", "C"]
    assert "tidak_jelas" in table.loc[2, "teks_bersih"] and "jadwal" in table.loc[1, "teks_bersih"]
    # run again on its own output: the earlier teks_bersih is kept, not overwritten
    assert main(["praproses", str(tmp_path / "bersih.csv"), "--output", str(tmp_path / "lagi.csv")]) == 0
    assert "'teks_bersih_asli'" in capsys.readouterr().err
    again = pd.read_csv(tmp_path / "lagi.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert again["teks_bersih_asli"].tolist() == table["teks_bersih"].tolist() == again["teks_bersih"].tolist()


@pytest.mark.parametrize(("lang", "missing", "is_file"), [
    ("id", "(tempat file hasil --output) belum ada", "sudah ada sebagai file, bukan folder"),
    ("en", "(where the --output file goes) does not exist", "exists as a file, not a folder")])
def test_praproses_says_in_the_users_language_when_the_output_folder_is_missing(tmp_path, capsys, lang, missing, is_file):
    """The library's English "cannot write ... Create it first, e.g. Path(...).mkdir(parents=True)." came through."""
    pd.DataFrame({"komentar": ["materi bagus"]}).to_csv(tmp_path / "ekspor.csv", index=False)
    run = ["--lang", lang, "praproses", str(tmp_path / "ekspor.csv"), "-o"]
    assert main([*run, str(tmp_path / "tidak_ada" / "bersih.csv")]) == 1
    error = capsys.readouterr().err
    assert missing in error and str(tmp_path / "tidak_ada") in error and "Path(" not in error and "mkdir" not in error
    (tmp_path / "berkas").write_text("bukan folder")
    assert main([*run, str(tmp_path / "berkas" / "bersih.csv")]) == 1
    assert is_file in capsys.readouterr().err
    assert not (tmp_path / "tidak_ada").exists()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_praproses_never_overwrites_its_input(tmp_path, capsys, monkeypatch, lang):
    """-o with the input's own name replaced the user's semicolon export with a comma CSV."""
    original = "komentar;instansi\nmateri bagus;A\njadwal padat;B\n"
    (tmp_path / "ekspor.csv").write_text(original, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for output in (str(tmp_path / "ekspor.csv"), "ekspor.csv", "./ekspor.csv"):
        assert main(["--lang", lang, "praproses", str(tmp_path / "ekspor.csv"), "-o", output]) == 2
        error = capsys.readouterr().err
        assert ("file masukan itu sendiri" if lang == "id" else "is the input file itself") in error
        assert "ekspor_bersih.csv" in error
    assert (tmp_path / "ekspor.csv").read_text(encoding="utf-8") == original


@pytest.mark.parametrize(("lang", "words"), [("id", "pakai --text-column alasan_tidak_ikut"),
                                             ("en", "use --text-column alasan_tidak_ikut")])
def test_barrier_task_with_a_barrier_column_says_which_option_to_use(tmp_path, capsys, lang, words):
    """The library's English "with task='hambatan' the `text` column ...; leave `barriers` unset" came
    through, in Python's words, to a user who named the answers with --barrier-column."""
    pd.DataFrame({"alasan_tidak_ikut": ["jadwal bentrok", "tidak dapat izin atasan"]}).to_csv(tmp_path / "e.csv", index=False)
    run = ["--lang", lang, "analyze", str(tmp_path / "e.csv"), "--task", "hambatan",
           "--barrier-column", "alasan_tidak_ikut", "-o", str(tmp_path / "hasil")]
    assert main(run) == 2
    error = capsys.readouterr().err
    assert words in error and "`barriers`" not in error and not (tmp_path / "hasil").exists()


def test_praproses_writes_into_a_folder_or_an_excel_workbook_and_takes_t(tmp_path, capsys):
    """-o folder/ wrote a file named "folder", -o bersih.xlsx wrote CSV text under an Excel name, and
    -t (analyze's short --text-column) was refused."""
    frame = pd.DataFrame({"ulasan": ["=1+2 materinya bagus", "jadwal padat"], "instansi": ["A", "B"]})
    frame.to_csv(tmp_path / "ekspor.csv", index=False)
    run = ["praproses", str(tmp_path / "ekspor.csv"), "-t", "ulasan", "-o"]
    (tmp_path / "hasil").mkdir()
    for output in (str(tmp_path / "hasil") + "/", str(tmp_path / "hasil")):
        assert main([*run, output]) == 0
        assert str(tmp_path / "hasil" / "ekspor_bersih.csv") in capsys.readouterr().out
        assert [p.name for p in (tmp_path / "hasil").iterdir()] == ["ekspor_bersih.csv"]
    assert main([*run, str(tmp_path / "baru" / "lagi") + "/"]) == 0  # a folder named so is made, as analyze -o makes it
    assert [p.name for p in (tmp_path / "baru" / "lagi").iterdir()] == ["ekspor_bersih.csv"]
    capsys.readouterr()
    assert main([*run, str(tmp_path / "bersih.xlsx")]) == 0
    table = pd.read_excel(tmp_path / "bersih.xlsx", dtype=str, engine="openpyxl")  # a workbook, not CSV text
    assert table["ulasan"].tolist() == ["=1+2 materinya bagus", "jadwal padat"]  # as text, with Excel's quote prefix
    from openpyxl import load_workbook

    cell = next(c for row in load_workbook(tmp_path / "bersih.xlsx").active.iter_rows() for c in row if c.value == "=1+2 materinya bagus")
    assert cell.data_type == "s" and cell.quotePrefix
    assert table["teks_bersih"].notna().all() and "jadwal" in table.loc[1, "teks_bersih"]
    assert main([*run, str(tmp_path / "bersih.xls")]) == 2
    assert "berakhiran .csv atau .xlsx" in capsys.readouterr().err and not (tmp_path / "bersih.xls").exists()
    with pytest.raises(SystemExit):
        main(["praproses", "-h"])
    assert "_bersih.csv" in capsys.readouterr().out


def test_missing_column_lists_the_columns_in_indonesian(export, tmp_path, capsys):
    path = tmp_path / "ekspor.xlsx"
    export.head(5).to_excel(path, index=False)
    code = main(["analyze", str(path), "--text-column", "saran_peserta", "--output", str(tmp_path / "x")])
    assert code == 1
    error = capsys.readouterr().err
    assert "Kolom 'saran_peserta'" in error and "'komentar'" in error and "'instansi'" in error


def test_sheet_picks_the_answers_of_a_workbook_and_a_missing_column_names_the_sheet(export, tmp_path, capsys):
    path = tmp_path / "ekspor.xlsx"
    with pd.ExcelWriter(path) as book:  # forms often put instructions or a summary first
        pd.DataFrame({"petunjuk": ["Isi lembar Jawaban"]}).to_excel(book, sheet_name="Petunjuk", index=False)
        export.head(12).to_excel(book, sheet_name="Jawaban", index=False)
    run = ["analyze", str(path), "--topics", "0", "--no-progress", "--output"]
    assert main([*run, str(tmp_path / "a")]) == 1
    error = capsys.readouterr().err
    assert "Kolom 'komentar'" in error and "'petunjuk'" in error and "ada di lembar 'Jawaban'" in error and "--sheet 'Jawaban'" in error
    for sheet in ("Jawaban", "2"):
        assert main([*run, str(tmp_path / sheet), "--sheet", sheet]) == 0
        assert "Selesai: 12 baris" in capsys.readouterr().out
    assert main([*run, str(tmp_path / "c"), "--sheet", "3"]) == 1
    error = capsys.readouterr().err
    assert "Lembar '3' tidak ada" in error and "'Petunjuk', 'Jawaban'" in error
    csv = tmp_path / "ekspor.csv"
    export.head(3).to_csv(csv, index=False)
    assert main(["--lang", "en", "analyze", str(csv), "--sheet", "1", "--output", str(tmp_path / "d")]) == 1
    assert "--sheet applies to Excel workbooks" in capsys.readouterr().err
    assert main(["praproses", str(path), "--sheet", "Jawaban", "--output", str(tmp_path / "bersih.csv")]) == 0
    assert len(pd.read_csv(tmp_path / "bersih.csv", encoding="utf-8-sig")) == 12
    assert main(["praproses", str(path), "--output", str(tmp_path / "bersih.csv")]) == 1
    assert "ada di lembar 'Jawaban'" in capsys.readouterr().err


def test_missing_file_and_english_messages(tmp_path, capsys):
    assert main(["--lang", "en", "analyze", str(tmp_path / "tidak_ada.csv"), "--output", str(tmp_path)]) == 1
    assert "File not found" in capsys.readouterr().err


def test_wrong_arguments_exit_with_2_in_the_users_language():
    """argparse's own words (usage, its errors) are Indonesian unless --lang en, wherever it is given."""
    completed = subprocess.run([sys.executable, "-m", "umpanbalik", "analyze"], capture_output=True, text=True)
    assert completed.returncode == 2
    assert "penggunaan:" in completed.stderr and "argumen berikut wajib diisi" in completed.stderr
    assert "usage" not in completed.stderr
    completed = subprocess.run([sys.executable, "-m", "umpanbalik", "analyze", "--lang", "en"], capture_output=True, text=True)
    assert completed.returncode == 2
    assert "usage:" in completed.stderr and "the following arguments are required" in completed.stderr


def test_the_cli_module_runs_as_the_package_does():
    # "python -m umpanbalik.cli analyze ..." printed nothing, wrote nothing and exited 0 (a review)
    completed = subprocess.run([sys.executable, "-m", "umpanbalik.cli", "analyze"], capture_output=True, text=True)
    assert completed.returncode == 2 and "penggunaan:" in completed.stderr


# -- survey exports as people have them ---------------------------------------------------------------
@pytest.fixture(scope="module")
def form_csv(tmp_path_factory):
    from umpanbalik.datasets import form_export_path

    path = tmp_path_factory.mktemp("formulir") / "ekspor.csv"
    path.write_bytes(form_export_path().read_bytes())
    return path


def test_rating_auto_finds_the_overall_rating_as_analyze_does(form_csv, tmp_path, capsys):
    # "--rating auto" said "Kolom 'auto' (--rating) tidak ada di file", while analyze(rating="auto") works
    assert main(["analyze", str(form_csv), "-t", "5.20", "--rating", "auto", "-o", str(tmp_path / "a"), "--format", "csv",
                 "--topics", "0", "--no-progress"]) == 0
    assert "'5.5. Secara keseluruhan" in capsys.readouterr().out
    plain = tmp_path / "polos.csv"
    pd.DataFrame({"komentar": ["materi bagus", "waktu kurang"] * 5}).to_csv(plain, index=False)
    assert main(["analyze", str(plain), "--rating", "AUTO", "-o", str(tmp_path / "b"), "--format", "csv", "--topics", "0",
                 "--no-progress"]) == 0
    assert "tanpa nilai" in capsys.readouterr().out


def test_a_form_export_without_column_options_gives_one_report_with_a_section_per_question(form_csv, tmp_path, capsys):
    assert main(["analyze", str(form_csv), "-o", str(tmp_path / "hasil"), "--topics", "2", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "Pertanyaan terbuka yang dianalisis" in out
    for number in ("5.20", "5.21", "5.22"):
        assert f"'{number}. " in out
    assert "Kolom nilai keseluruhan" in out and "'5.5. Secara keseluruhan" in out and "Sangat puas = 5" in out
    html = (tmp_path / "hasil" / "laporan.html").read_text(encoding="utf-8")
    assert html.count('<section id="pertanyaan-') == 3
    assert "Skala nilai" in html and "Rata-rata nilai" in html and "Penilaian pada skala Likert" in html
    table = pd.read_csv(tmp_path / "hasil" / "komentar_teranalisis.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(table) == 160 and {"5.20_sentimen", "5.21_sentimen", "5.22_sentimen"} <= set(table.columns)


def test_columns_by_number_a_likert_rating_and_a_checkbox_segment(form_csv, tmp_path, capsys):
    options = ["--text-column", "5.22", "--rating", "5.5", "--by", "3.1", "--topics", "0", "--no-progress"]
    assert main(["analyze", str(form_csv), *options, "-o", str(tmp_path / "hasil")]) == 0
    out = capsys.readouterr().out
    assert "Pertanyaan terbuka yang dianalisis" not in out  # chosen, not detected
    html = (tmp_path / "hasil" / "laporan.html").read_text(encoding="utf-8")
    assert "Rata-rata nilai" in html and "Skala nilai" in html and "Jaringan internet tidak stabil" in html
    assert "<section id=\"pertanyaan-" not in html  # one question: the usual report


def test_a_wrong_or_ambiguous_column_gets_the_closest_or_the_candidates(export, form_csv, tmp_path, capsys):
    path = tmp_path / "ekspor.csv"
    export.head(10).to_csv(path, index=False)
    assert main(["analyze", str(path), "--by", "instansii", "-o", str(tmp_path / "x")]) == 1
    error = capsys.readouterr().err
    assert "Kolom 'instansii' (--by) tidak ada" in error and "Mungkin maksud Anda --by 'instansi'?" in error
    assert "--text-column" not in error
    assert main(["--lang", "en", "analyze", str(form_csv), "--text-column", "5.2", "-o", str(tmp_path / "x")]) == 1
    assert "Did you mean --text-column '5.20. Apa hal" in capsys.readouterr().err
    assert main(["analyze", str(form_csv), "--rating", "5.", "-o", str(tmp_path / "x")]) == 1  # a number, no question 5
    frame = pd.DataFrame({"Saran untuk materi": ["a"], "Saran untuk narasumber": ["b"]})
    frame.to_csv(tmp_path / "dua.csv", index=False)
    capsys.readouterr()
    assert main(["analyze", str(tmp_path / "dua.csv"), "--text-column", "saran untuk", "-o", str(tmp_path / "x")]) == 1
    error = capsys.readouterr().err
    assert "cocok dengan beberapa kolom: 'Saran untuk materi', 'Saran untuk narasumber'" in error


def test_a_text_rating_column_is_scored_or_refused_with_its_values(export, tmp_path, capsys):
    frame = export.head(40).copy()
    frame["kepuasan"] = ["Sangat puas", "Puas", "Tidak puas", "Cukup puas"] * 10
    frame["kesan"] = ["Mantap", "Lumayan", "Oke lah", "Biasa"] * 10
    frame.to_csv(tmp_path / "ekspor.csv", index=False)
    run = ["analyze", str(tmp_path / "ekspor.csv"), "--topics", "0", "--no-progress", "-o"]
    assert main([*run, str(tmp_path / "a"), "--rating", "kepuasan"]) == 0
    assert "Tidak puas = 2" in capsys.readouterr().out
    html = (tmp_path / "a" / "laporan.html").read_text(encoding="utf-8")
    assert "3,5" in html  # the mean of 5, 4, 2, 3
    assert main([*run, str(tmp_path / "b"), "--rating", "kesan"]) == 1
    error = capsys.readouterr().err
    assert "bukan angka dan bukan skala nilai" in error and "'Mantap'" in error and "'Lumayan'" in error
    assert not (tmp_path / "b").exists()


def test_options_after_the_command_version_and_help_in_the_users_language(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "tidak_ada.csv"), "--lang", "en", "-o", str(tmp_path)]) == 1
    assert "File not found" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    from umpanbalik import __version__

    assert capsys.readouterr().out.strip() == f"umpanbalik {__version__}"
    with pytest.raises(SystemExit):
        main(["analyze", "-h"])
    help_text = capsys.readouterr().out
    assert "penggunaan:" in help_text and "argumen posisi:" in help_text and "opsi:" in help_text
    assert "tampilkan bantuan ini lalu keluar" in help_text and "show this help" not in help_text
    with pytest.raises(SystemExit):
        main(["analyze", "-h", "--lang", "en"])
    help_text = capsys.readouterr().out
    assert "usage:" in help_text and "show this help message and exit" in help_text and "open-question column" in help_text


@pytest.mark.parametrize(("lang", "words"), [("id", "--topics harus 'auto'"), ("en", "--topics must be 'auto'")])
def test_topics_that_are_not_a_number_exit_with_2(export, tmp_path, capsys, lang, words):
    export.head(3).to_csv(tmp_path / "ekspor.csv", index=False)
    with pytest.raises(SystemExit) as stop:
        main(["analyze", str(tmp_path / "ekspor.csv"), "--topics", "abc", "-o", str(tmp_path / "x"), "--lang", lang])
    assert stop.value.code == 2
    assert words in capsys.readouterr().err


@pytest.mark.parametrize(("lang", "words"), [("id", "--chunksize harus bilangan bulat positif"),
                                             ("en", "--chunksize must be a positive whole number")])
@pytest.mark.parametrize("value", ["0", "-5", "abc"])
def test_a_chunksize_below_one_exits_with_2_in_the_users_language(export, tmp_path, capsys, lang, words, value):
    """--chunksize 0 was passed on to the library: exit 1 with its English "`chunksize` must be ..."."""
    export.head(3).to_csv(tmp_path / "ekspor.csv", index=False)
    with pytest.raises(SystemExit) as stop:
        main(["analyze", str(tmp_path / "ekspor.csv"), "--chunksize", value, "-o", str(tmp_path / "x"), "--lang", lang])
    assert stop.value.code == 2
    error = capsys.readouterr().err
    assert words in error and "`chunksize`" not in error
    assert not (tmp_path / "x").exists()


def test_demo_points_to_the_report_only_when_it_wrote_it(tmp_path, capsys):
    """demo --format csv ended with "Buka laporannya di peramban: .../laporan.html", a file it had not written."""
    assert main(["demo", "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    assert "laporan.html" not in capsys.readouterr().out and not (tmp_path / "csv" / "laporan.html").exists()
    assert main(["--lang", "en", "demo", "--format", "html", "-o", str(tmp_path / "html")]) == 0
    assert f"Open the report in a browser: {(tmp_path / 'html' / 'laporan.html').resolve()}" in capsys.readouterr().out


def test_the_output_folder_is_checked_before_the_analysis(export, tmp_path, capsys, monkeypatch):
    import umpanbalik.analysis

    export.head(3).to_csv(tmp_path / "ekspor.csv", index=False)
    monkeypatch.setattr(umpanbalik.analysis, "analyze", lambda *a, **k: pytest.fail("analysed before the output was checked"))
    (tmp_path / "berkas").write_text("bukan folder")
    assert main(["analyze", str(tmp_path / "ekspor.csv"), "-o", str(tmp_path / "berkas")]) == 1
    assert "sudah ada sebagai file, bukan folder" in capsys.readouterr().err
    assert main(["analyze", str(tmp_path / "ekspor.csv"), "-o", str(tmp_path / "berkas" / "hasil")]) == 1
    err = capsys.readouterr().err
    assert "tidak dapat dibuat" in err and "bagian jalurnya adalah file" in err and "Not a directory" not in err
    import errno
    import tempfile

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    assert main(["analyze", str(tmp_path / "ekspor.csv"), "-o", str(tmp_path / "hasil")]) == 1
    assert "tidak ada izin menulis di sana" in capsys.readouterr().err
    assert main(["--lang", "en", "analyze", str(tmp_path / "ekspor.csv"), "-o", str(tmp_path / "hasil")]) == 1
    assert "no permission to write there" in capsys.readouterr().err


def test_outputs_written_beside_the_report_are_those_written_one_after_another(export, tmp_path, monkeypatch):
    """The CLI draws the HTML report while a worker forked for the call writes the CSV and the
    workbook (Linux): the files are the same as when everything is written in this process."""
    from umpanbalik import _parallel

    path = tmp_path / "ekspor.csv"
    export.to_csv(path, index=False)
    run = ["analyze", str(path), "--text-column", "komentar", "--by", "instansi", "--topics", "3", "--no-progress", "--output"]
    assert main([*run, str(tmp_path / "bersama")]) == 0
    monkeypatch.setattr(_parallel, "processes", lambda *args, **kwargs: 1)
    assert main([*run, str(tmp_path / "berurutan")]) == 0
    for name in ("komentar_teranalisis.csv", "laporan.html"):
        assert (tmp_path / "bersama" / name).read_bytes() == (tmp_path / "berurutan" / name).read_bytes(), name
    together = pd.read_excel(tmp_path / "bersama" / "hasil_analisis.xlsx", sheet_name=None)
    alone = pd.read_excel(tmp_path / "berurutan" / "hasil_analisis.xlsx", sheet_name=None)
    assert list(together) == list(alone) and all(together[name].equals(alone[name]) for name in alone)


def test_answers_on_another_sheet_point_to_it_when_the_first_has_none(tmp_path, capsys):
    """With no open question on the first sheet, the message named only --text-column."""
    from umpanbalik import load_survey

    path = tmp_path / "dua_lembar.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"instansi": ["A", "B"] * 20, "nilai": [4, 5] * 20}).to_excel(writer, sheet_name="data", index=False)
        load_survey()[["instansi", "komentar"]].head(120).rename(columns={"komentar": "tanggapan"}).to_excel(
            writer, sheet_name="jawaban", index=False)
    assert main(["analyze", str(path), "-o", str(tmp_path / "x"), "--no-progress"]) == 1
    assert "Jawaban terbuka ada di lembar 'jawaban' ('tanggapan'): tambahkan --sheet 'jawaban'." in capsys.readouterr().err


def test_a_hidden_first_sheet_is_not_read_by_default(tmp_path, capsys):
    """A hidden pilot sheet before the answers: "Selesai: 20 baris dianalisis", and nothing said."""
    from umpanbalik import load_survey

    path = tmp_path / "tersembunyi.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        load_survey()[["komentar"]].head(20).to_excel(writer, sheet_name="Uji coba", index=False)
        load_survey()[["komentar"]].iloc[20:220].to_excel(writer, sheet_name="Jawaban", index=False)
        writer.book["Uji coba"].sheet_state = "hidden"
        writer.book.active = 1
    assert main(["analyze", str(path), "-o", str(tmp_path / "x"), "--format", "csv", "--topics", "0", "--no-progress"]) == 0
    captured = capsys.readouterr()
    assert "Selesai: 200 baris" in captured.out and "'Uji coba'" in captured.err and "'Jawaban'" in captured.err
    assert main(["analyze", str(path), "--sheet", "Uji coba", "-o", str(tmp_path / "y"), "--format", "csv", "--topics", "0",
                 "--no-progress"]) == 0
    assert "Selesai: 20 baris" in capsys.readouterr().out


@pytest.mark.parametrize(("lang", "words"), [("id", "berisi baris judul tetapi tanpa jawaban"), ("en", "has a header row but no answers")])
@pytest.mark.parametrize("chunked", [False, True])
def test_an_export_without_answers_is_an_input_problem_not_a_report_of_zeros(tmp_path, capsys, lang, words, chunked):
    """A header row alone ended "Selesai: 0 baris dianalisis" with exit 0 and a full report of zeros."""
    (tmp_path / "ekspor.csv").write_text("komentar,unit\n", encoding="utf-8")
    run = ["--lang", lang, "analyze", str(tmp_path / "ekspor.csv"), "--no-progress", "-o", str(tmp_path / "hasil")]
    assert main(run + (["--chunksize", "10"] if chunked else [])) == 1
    assert words in capsys.readouterr().err and not (tmp_path / "hasil").exists()


def test_an_empty_first_sheet_still_names_the_sheet_with_the_answers(tmp_path, capsys):
    """A cover sheet holding only a title came before the check that names the answers' sheet: the
    message said the export had no answers instead of "add --sheet 'Jawaban'"."""
    path = tmp_path / "ekspor.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        pd.DataFrame(columns=["Petunjuk pengisian"]).to_excel(writer, sheet_name="Petunjuk", index=False)
        pd.DataFrame({"komentar": ["materi bagus", "waktu kurang"]}).to_excel(writer, sheet_name="Jawaban", index=False)
    assert main(["analyze", str(path), "--topics", "0", "--no-progress", "-o", str(tmp_path / "hasil")]) == 1
    error = capsys.readouterr().err
    assert "--sheet" in error and "Jawaban" in error and "tanpa jawaban" not in error


def test_the_default_comment_column_is_found_however_its_header_is_written(export, tmp_path, capsys):
    # "Komentar" was not "komentar": the run stopped ("no open answers"), or analysed another column
    path = tmp_path / "kapital.csv"
    export[["instansi", "komentar", "alasan_tidak_ikut"]].rename(columns={"komentar": "Komentar "}).to_csv(path, index=False)
    code = main(["analyze", str(path), "--format", "csv", "--topics", "0", "-o", str(tmp_path / "hasil"), "--no-progress"])
    assert code == 0
    out = capsys.readouterr().out
    assert "Pertanyaan terbuka yang dianalisis" not in out  # taken as the default column, not detected among others
    table = pd.read_csv(tmp_path / "hasil" / "komentar_teranalisis.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert "sentimen" in table.columns and len(table) == len(export)


def test_blank_rows_of_a_file_are_no_respondents(tmp_path, capsys):
    # ";;" lines an export leaves were counted as respondents who gave non-answers ("2 dari 6 jawaban
    # tidak berisi masukan", every respondent answered: a review); the CSV keeps the file's row numbers
    path = tmp_path / "kosong.csv"
    path.write_text("Unit;Saran;Nilai\r\nDinas A;materi bagus tapi waktu kurang;4\r\n;;\r\nDinas B;tdk relevan dgn tupoksi;2\r\n"
                    "Dinas A;narasumber jelas;5\r\n ; ;\r\nDinas B;zoom putus2;3\r\n;;\r\n", encoding="utf-8")
    assert main(["analyze", str(path), "-t", "Saran", "--format", "csv", "--topics", "0", "-o", str(tmp_path / "hasil"),
                 "--no-progress"]) == 0
    captured = capsys.readouterr()
    assert "3 baris yang seluruh kolomnya kosong tidak dianalisis" in captured.err and "Selesai: 4 baris" in captured.out
    table = pd.read_csv(tmp_path / "hasil" / "komentar_teranalisis.csv", encoding="utf-8-sig")
    assert table["Unit"].tolist() == ["Dinas A", "Dinas B", "Dinas A", "Dinas B"] and not table["non_informatif"].any()


def test_a_recap_under_the_answers_is_no_respondent(tmp_path, capsys):
    # "Rata-rata" and "Jumlah" rows under a hand-made recap were counted as respondents (219 for 218)
    # and "Rata-rata" became a group of the --by column
    rows = [{"Angkatan": "I" if i % 3 else "II", "Nilai": 4 if i % 2 else 5,
             "komentar": ["materi bagus", "waktu kurang", "narsum jelas", "jadwal molor"][i % 4]} for i in range(40)]
    rows += [{"Angkatan": "Rata-rata", "Nilai": 4.5, "komentar": ""}, {"Angkatan": "Jumlah", "Nilai": 180, "komentar": ""}]
    path = tmp_path / "rekap.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    code = main(["analyze", str(path), "--by", "Angkatan", "--rating", "Nilai", "--format", "csv", "--topics", "0",
                 "-o", str(tmp_path / "hasil"), "--no-progress"])
    assert code == 0
    captured = capsys.readouterr()
    assert '2 baris ringkasan di bawah jawaban (mis. "Rata-rata", "Jumlah") tidak dianalisis' in captured.err
    assert "Selesai: 40 baris" in captured.out
    table = pd.read_csv(tmp_path / "hasil" / "komentar_teranalisis.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert sorted(table["Angkatan"].unique()) == ["I", "II"]


def test_a_why_not_question_found_among_the_open_questions_is_coded_as_barriers(tmp_path, capsys):
    # without -t it was analysed as course feedback: "sibuk" gave the overview criticism of the
    # training's timing (a review)
    path = tmp_path / "dua.csv"
    path.write_text("No;Unit;Kritik & Saran;Alasan tidak ikut pelatihan lain?\n"
                    + "".join(f"{i};Dinas {'AB'[i % 2]};{c};{r}\n" for i, (c, r) in enumerate(
                        [("materi bagus tapi waktunya kurang", "sibuk kerjaan kantor"), ("narasumber kurang interaktif", "lokasi jauh"),
                         ("mohon modul dibagikan lebih awal", "tidak ada info"), ("zoom sering putus", "sibuk rapat terus"),
                         ("penyampaian jelas dan runtut", "atasan tidak kasih izin"), ("jadwal terlalu padat", "biaya sendiri mahal"),
                         ("studi kasus sangat membantu", "kerjaan numpuk"), ("ruangan panas, ac mati", "tidak tertarik"),
                         ("waktu diskusi kurang", "sinyal di kantor jelek"), ("terima kasih panitia", "infonya telat sekali"),
                         ("tugas terlalu banyak", "kuota sudah penuh"), ("materi kurang relevan", "tidak ada yang gantikan tugas")])),
                    encoding="utf-8")
    assert main(["analyze", str(path), "--format", "csv", "--topics", "0", "-o", str(tmp_path / "hasil"), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "Kolom alasan tidak mengikuti pelatihan" in out and "'Alasan tidak ikut pelatihan lain?'" in out
    table = pd.read_csv(tmp_path / "hasil" / "komentar_teranalisis.csv", encoding="utf-8-sig", keep_default_na=False)
    assert "waktu_beban_kerja" in table["hambatan"].iloc[0] and table["Kritik & Saran"].iloc[0] == "materi bagus tapi waktunya kurang"
    assert len(table) == 12 and "sentimen" in table and "sentimen_2" not in table  # one question analysed, not two
