"""Hostile files, outputs and identifiers (issue 19): every written form of an identifier masked in
every export, huge cells and inflated files refused or read in part, model files checked before they
are read, Ctrl-C and unusable outputs handled, every text encoding read, unreadable inputs explained.
The contract of ``test_hostile.py`` holds here too: no crash, no lost row, a clear message."""
from __future__ import annotations

import json
import math
import re
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from umpanbalik import Preprocessor, TopicModel, load_corpus, mask_identifiers, preprocess

# as in test_hostile.py: AspectTagger saturates its logistic on very long comments
OVERFLOW = pytest.mark.filterwarnings("ignore:overflow encountered in exp:RuntimeWarning")
any_character = st.characters(exclude_categories=())  # surrogates, controls and unassigned included
separators = st.sampled_from(list(" ,;:()[]\"'\n/!?\t") + ["NIP", "hp:", ". ", "\u200b", "\u00a0", "<br>", "&nbsp;"])

# -- issue 19: identifiers in every written form, in every export ------------------------------------------------------
from hostile import (  # noqa: E402
    IDENTIFIERS,
    NAME_VARIANTS,
    ORDINARY_NUMBERS,
    write_cells_workbook,
    write_encrypted_workbook,
    write_inflated_model,
    write_ods,
    write_old_xls,
    write_password_xls,
    write_workbook,
    write_xls,
)

_FULLWIDTH = str.maketrans({**{chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}, " ": "\u3000"})
# between the groups of one number: nothing, spaces, dashes of every kind, dots, slashes, underscores,
# a non-breaking space, a zero-width space, a line break — one drawn per joint, so that forms mix
joints = st.sampled_from(["", " ", "  ", "-", " - ", "\u2013", " \u2013 ", "\u2014", ".", "\u00a0", "\u200b", " \u200b",
                          "_", "/", " / ", "\n", "\u2212"])


def _joined(groups: list[str], draw) -> str:
    return "".join(g + (draw(joints) if i < len(groups) - 1 else "") for i, g in enumerate(groups))


def _cut(digits_: str, sizes: list[int]) -> list[str]:
    out, start = [], 0
    for size in sizes:
        out.append(digits_[start : start + size])
        start += size
    return out


@st.composite
def mobile_numbers(draw) -> str:
    national = "8" + draw(st.sampled_from("1235789")) + draw(st.text("0123456789", min_size=7, max_size=9))
    prefix = draw(st.sampled_from(["0", "(0", "+62 ", "+62", "62", "(+62) ", "+62 (0)", "+62-", "62 0"]))
    if draw(st.booleans()):  # one digit at a time
        body = " ".join(national)
        return ("0 " if prefix.startswith("(") or prefix == "0" else prefix + " ") + body
    head, rest = national[:3], national[3:]
    sizes = {6: [3, 3], 7: [3, 4], 8: [4, 4], 9: [4, 5]}[len(rest)] if draw(st.booleans()) else [len(rest)]
    head = {"(0": "(0" + head + ")", "+62 (0)": "+62 (0) " + head}.get(prefix, (prefix if prefix != "0" else "0") + head)
    return _joined([head, *_cut(rest, sizes)], draw) if len(sizes) > 1 else head + draw(joints) + rest


@st.composite
def landline_numbers(draw) -> str:
    area = draw(st.sampled_from(["21", "22", "24", "31", "274", "361", "411", "751"]))
    subscriber = draw(st.sampled_from("2345678")) + draw(st.text("0123456789", min_size=5, max_size=9 - len(area)))
    form = draw(st.sampled_from(["0{a}{j}{s}", "(0{a}) {s}", "+62 {a}{j}{s}", "(0{a}){j}{s}"]))
    if len(subscriber) >= 6 and draw(st.booleans()):
        subscriber = subscriber[:3] + draw(st.sampled_from([" ", "-", "."])) + subscriber[3:]
    return form.format(a=area, s=subscriber, j=draw(st.sampled_from([" ", "-", "\u2013", ".", "  "])))


@st.composite
def nips(draw) -> str:
    digits_ = draw(st.sampled_from(["19", "20"])) + draw(st.text("0123456789", min_size=16, max_size=16))
    return _joined(_cut(digits_, draw(st.sampled_from([[8, 6, 1, 3], [8, 6, 4], [18]]))), draw)


@st.composite
def niks(draw) -> str:
    digits_ = draw(st.text("0123456789", min_size=16, max_size=16))
    groups = _cut(digits_, draw(st.sampled_from([[4, 4, 4, 4], [2, 2, 2, 6, 4], [6, 6, 4], [16]])))
    if len(groups) == 4 and all(g[:2] in ("19", "20") for g in groups):
        groups[2] = "01" + groups[2][2:]  # a month, as a NIK's third group holds
    return _joined(groups, draw)


@st.composite
def emails(draw) -> str:
    local = draw(st.from_regex(r"[a-z0-9][a-z0-9._+-]{0,11}", fullmatch=True))
    domain = draw(st.from_regex(r"[a-z0-9-]{1,10}(\.[a-z]{2,4}){1,2}", fullmatch=True))
    at = draw(st.sampled_from(["@", " @ ", "@ ", " @", "\uff20", " \uff20 ", "&#64;", "&#x40;", " (at) ", "[at]", "\ufe6b"]))
    if draw(st.booleans()) and at in ("@", "\uff20"):
        domain = domain.split(".")[0]  # budi@localhost
    return local + at + domain


def _maybe_fullwidth(draw, identifier: str) -> str:
    return identifier.translate(_FULLWIDTH) if draw(st.booleans()) and "&#" not in identifier else identifier


@st.composite
def written_identifiers(draw) -> tuple[str, str]:
    kind, strategy = draw(st.sampled_from([("telepon", mobile_numbers()), ("telepon", landline_numbers()),
                                            ("nip", nips()), ("nik", niks()), ("email", emails())]))
    return kind, _maybe_fullwidth(draw, draw(strategy))


@pytest.mark.parametrize("name", list(IDENTIFIERS))
def test_every_written_form_of_an_identifier_is_masked(name):
    kind, written = IDENTIFIERS[name]
    assert mask_identifiers(f"tolong hubungi {written} ya") == f"tolong hubungi [{kind}] ya"
    assert mask_identifiers(f"{written}, terima kasih") == f"[{kind}], terima kasih"
    cleaned = " ".join(preprocess(f"hubungi {written} ya", keep_numbers=True))
    assert not any(part in cleaned for part in re.split(r"\W+", written.lower()) if len(part) >= 3 and part != "gmail"), cleaned


@pytest.mark.parametrize("name", list(NAME_VARIANTS))
def test_a_name_is_masked_however_it_is_spaced_or_spelled(name):
    assert mask_identifiers(f"terima kasih pak {NAME_VARIANTS[name]} atas materinya", names=["Budi Santoso"]) \
        == "terima kasih pak [nama] atas materinya"
    # the name the user types may be odd too
    assert mask_identifiers("pak Budi Santoso", names=["  budi\u00a0 SANTOSO "]) == "pak [nama]"
    assert mask_identifiers("Budiman dan Santoso", names=["Budi Santoso"]) == "Budiman dan Santoso"


def test_ordinary_numbers_in_comments_are_not_masked():
    for text in ORDINARY_NUMBERS:
        assert mask_identifiers(text) == text, text
        assert mask_identifiers(f"materi bagus, {text}, terima kasih") == f"materi bagus, {text}, terima kasih", text


@settings(max_examples=400, deadline=None)
@given(written_identifiers(), st.text(any_character, max_size=20), separators, separators, st.text(any_character, max_size=20))
@example(("email", "0 @ 0.aa"), "", " ", "NIP", "0")  # a spaced address glued to what follows (found on a fresh clone)
@example(("telepon", "0 8 1 0 0 0 0 0 0 0"), "+", " ", " ", "")  # a "+" before a national number (found on a fresh clone)
def test_generated_identifier_formats_never_survive_masking(written, before, left, right, after):
    kind, identifier = written
    assert mask_identifiers(f"tolong hubungi {identifier} ya") == f"tolong hubungi [{kind}] ya"
    assert identifier not in mask_identifiers(before + left + identifier + right + after)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "\u00a0", "\n", "\r\n", "\t", "\u200b", " \u200b ", "\u3000", "\u2003"]),
                min_size=1, max_size=1),
       st.lists(st.booleans(), min_size=12, max_size=12), st.lists(st.booleans(), min_size=12, max_size=12))
def test_generated_spellings_of_a_name_are_masked(space, upper, wide):
    name = "budi" + space[0] + "santoso"
    flags = zip(name, upper + [False] * 20, wide + [False] * 20)
    spelled = "".join((c.upper() if up else c).translate(_FULLWIDTH if w else {}) for c, up, w in flags)
    assert mask_identifiers(f"pak {spelled}, terima kasih", names=["Budi Santoso"]) == "pak [nama], terima kasih"


def _export_texts(folder) -> dict[str, str]:
    """The text of the CSV, of every cell of the workbook, and of the HTML page without its images."""
    import html as html_module

    from openpyxl import load_workbook

    from umpanbalik._html import _DATA_URI

    book = load_workbook(folder / "k.xlsx", read_only=True)
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    page = _DATA_URI.sub("", (folder / "k.html").read_text(encoding="utf-8"))
    return {"csv": (folder / "k.csv").read_text(encoding="utf-8-sig"), "xlsx": "\n".join(cells),
            "html": html_module.unescape(page)}


@OVERFLOW
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(written_identifiers(), min_size=6, max_size=6), st.sampled_from(list(NAME_VARIANTS.values())))
def test_generated_identifiers_survive_in_no_export(identifiers, name):
    """Comments that hold identifiers in generated forms and a listed name spelled oddly: none is in
    the CSV, the workbook (every sheet, quotes and suggestions included) or the HTML report."""
    import tempfile
    from pathlib import Path

    from umpanbalik import analyze

    templates = ["materi bagus tapi waktunya kurang, hubungi {} ya", "mohon jadwal diperpanjang, kontak {}",
                 "narasumber {} sangat interaktif", "sinyal zoom putus, tolong kirim rekaman ke {}"]
    texts = [templates[i % len(templates)].format(identifier) for i, (_, identifier) in enumerate(identifiers)]
    texts += [f"terima kasih pak {name}, materinya relevan dengan tugas", f"{name} menjelaskan materi dengan jelas"]
    frame = pd.DataFrame({"komentar": texts, "unit": ["A", "B"] * (len(texts) // 2), "catatan": texts})
    result = analyze(frame, by="unit", topics=False, names=["Budi Santoso"])
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        result.to_csv(folder / "k.csv"), result.to_excel(folder / "k.xlsx"), result.to_html(folder / "k.html")
        for where, written in _export_texts(folder).items():
            for _, identifier in identifiers:
                assert identifier not in written, (where, identifier)
            assert name not in written and "santoso" not in written.lower(), where
    for quote in result.quotes(n=10)["kutipan"]:
        assert not any(identifier in quote for _, identifier in identifiers) and "Santoso" not in quote


def _saved_text(path) -> str:
    """Every member of a saved model, decompressed and read as one text (UTF-8, bytes that are not as \\ufffd)."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def test_a_saved_topic_model_holds_no_training_comment_unless_asked(tmp_path):
    from sklearn.base import clone

    from umpanbalik import load, save

    secret = ["pak budi santoso tolong hubungi 081234567890 soal materi rahasia", "rekaman zoom belum dikirim ke bu rina"]
    texts = load_corpus()["teks"].sample(n=300, random_state=3).tolist() + secret
    model = TopicModel(n_topics=4, random_state=0).fit(texts)
    assert any(model.topics_["contoh"].map(len))  # in memory the examples are there
    saved = _saved_text(save(model, tmp_path / "topik.skops"))
    leaked = [t for t in texts if len(t.split()) >= 4 and t in saved]
    assert not leaked, leaked[:3]
    loaded = load(tmp_path / "topik.skops")
    assert loaded.topics_["contoh"].map(len).eq(0).all()
    assert (loaded.transform(texts[:30])["topik"] == model.transform(texts[:30])["topik"]).all()
    loaded.merge_topics(0, 1).rename_topic(0, "gabungan")  # still editable without its texts
    import pickle

    assert not [t for t in secret if t.encode() in pickle.dumps(model)]
    # asked for: the examples travel with the model
    kept = clone(model).set_params(keep_texts=True).fit(texts)
    saved = _saved_text(save(kept, tmp_path / "teks.skops"))
    assert any(t in saved for t in texts) and load(tmp_path / "teks.skops").topics_["contoh"].map(len).gt(0).any()


# -- issue 19: bounded memory for huge cells, workbooks and model files -----------------------------------------------
def test_long_texts_are_masked_a_megabyte_at_a_time_with_the_same_result(monkeypatch):
    import random

    from umpanbalik import _masking

    rng = random.Random(1)
    pieces = ["materi bagus", "2 jam", "angkatan 45", "jam 08.00-10.00", ",", "\n", *(w for _, w in IDENTIFIERS.values()),
              *NAME_VARIANTS.values()]
    text = " ".join(rng.choice(pieces) for _ in range(6_000))
    whole = mask_identifiers(text, names=["Budi Santoso"])
    assert "[telepon]" in whole and "[nama]" in whole
    for piece, overlap in ((1_000, 200), (333, 100)):
        monkeypatch.setattr(_masking, "_PIECE", piece)
        monkeypatch.setattr(_masking, "_OVERLAP", overlap)
        assert mask_identifiers(text, names=["Budi Santoso"]) == whole


def test_a_huge_comment_is_kept_whole_but_read_and_shown_in_part(tmp_path, monkeypatch):
    """A 200 MB comment raised MemoryError in _ngrams._char_counts (memory grew about 100 times the
    comment) and a 5 MB one made a 16 MB report. Here 3 MB: the models read MAX_MODEL_CHARS of it, the
    report shows MAX_QUOTE_CHARS, the CSV holds it whole (streamed, as over BIG_CELL_CHARS)."""
    from umpanbalik import _csv, _ngrams, analyze
    from umpanbalik._limits import MAX_MODEL_CHARS, MAX_QUOTE_CHARS

    seen = []
    char_counts = _ngrams.NgramCounter._char_counts
    monkeypatch.setattr(_ngrams.NgramCounter, "_char_counts", lambda self, docs: seen.extend(map(len, docs)) or char_counts(self, docs))
    monkeypatch.setattr(_csv, "BIG_CELL_CHARS", 1_000_000)
    huge = "materi bagus tapi waktunya kurang, mohon jadwal diperpanjang ya pak " * 45_000  # 3 MB
    result = analyze([huge, "materi bagus", "waktu kurang", "-"], topics=2, progress=False)
    assert seen and max(seen) <= MAX_MODEL_CHARS
    assert len(result.comments.loc[0, "teks_bersih"]) <= MAX_MODEL_CHARS and result.comments.loc[0, "komentar"] == huge
    assert "materi" in result.comments.loc[0, "aspek"]
    page = result.to_html(tmp_path / "k.html").read_text(encoding="utf-8")
    assert len(page) < 1_500_000 and "[terpotong; aslinya" in page
    assert max(len(run) for run in re.findall(r"(?:materi bagus tapi waktunya kurang, mohon jadwal diperpanjang ya pak )+", page)) \
        <= MAX_QUOTE_CHARS + 100
    table = pd.read_csv(result.to_csv(tmp_path / "k.csv"), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert table.loc[0, "komentar"] == huge and len(table) == 4
    assert len(result.quotes("materi", n=3)) >= 1  # quotes of a huge comment count its words in bounded time


@pytest.mark.parametrize("cell", ["kata biasa", 'kutip " dan, koma\r\nbaris', "=formula panjang"])
def test_a_streamed_big_cell_is_written_as_pandas_would(tmp_path, monkeypatch, cell):
    from umpanbalik import _csv
    from umpanbalik.report import write_csv

    frame = pd.DataFrame({"komentar": [cell * 3, "pendek", None], "nilai": [1.5, None, 3]}, index=["a", "b", "c"])
    expected = write_csv(frame, tmp_path / "biasa.csv").read_bytes()
    monkeypatch.setattr(_csv, "BIG_CELL_CHARS", 8)
    assert write_csv(frame, tmp_path / "besar.csv").read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["besar.csv", "biasa.csv"]


def test_a_workbook_that_unpacks_to_a_huge_cell_fails_fast_with_a_clear_message(tmp_path, monkeypatch, capsys):
    """An .xlsx of 601 KB holding one 314 MB cell grew the process to the whole machine (23.7 GB).
    The archive's directory (total size) and a streamed scan (one cell) are checked before openpyxl
    reads anything; here with limits lowered, so the files stay small (benchmarks/bench_hostile_memory.py
    measures the real sizes)."""
    from umpanbalik import _input_files
    from umpanbalik._input_files import InputFileError
    from umpanbalik._tables import read_table
    from umpanbalik.cli import main

    monkeypatch.setattr(_input_files, "MAX_CELL_BYTES", 100_000)
    monkeypatch.setattr(_input_files, "MAX_WORKBOOK_BYTES", 2_000_000)
    read_excel = pd.read_excel
    monkeypatch.setattr(pd, "read_excel", lambda *a, **k: pytest.fail("the workbook was read"))
    long_cell = write_workbook(tmp_path / "sel.xlsx", ["materi bagus"], huge_cell=500_000)
    big = write_workbook(tmp_path / "besar.xlsx", ["materi bagus"], huge_cell=3_000_000)
    assert big.stat().st_size < 20_000
    with pytest.raises(InputFileError, match=r"a cell of more than 100,000 bytes \(xl/sharedStrings.xml\)"):
        read_table(long_cell)
    with pytest.raises(InputFileError, match=r"unpacks to 3,00\d,\d{3} bytes, more than the 2,000,000"):
        read_table(big)
    assert main(["analyze", str(big), "--output", str(tmp_path / "hasil")]) == 1
    error = capsys.readouterr().err
    assert "melebihi batas 2.000.000 bita" in error and "CSV" in error and len(error) < 700
    assert main(["--lang", "en", "analyze", str(long_cell), "--output", str(tmp_path / "hasil")]) == 1
    assert "a cell of more than 100,000 bytes" in capsys.readouterr().err
    monkeypatch.setattr(pd, "read_excel", read_excel)
    fine = write_workbook(tmp_path / "biasa.xlsx", ["materi bagus", "waktu <kurang> & padat"])
    assert read_table(fine)["komentar"].tolist() == ["materi bagus", "waktu <kurang> & padat"]


def test_an_inflated_model_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    """A skops file whose schema inflates from 399 KB to 400 MB loaded with no cap (+815 MB)."""
    import skops.io as sio

    from umpanbalik import io, save

    genuine = save(Preprocessor(stem=False), tmp_path / "asli.skops")
    inflated = write_inflated_model(genuine, tmp_path / "kembung.skops", 3_000_000)
    assert inflated.stat().st_size < 50_000
    monkeypatch.setattr(io, "MAX_SCHEMA_BYTES", 1_000_000)
    monkeypatch.setattr(sio, "get_untrusted_types", lambda **k: pytest.fail("the schema was read"))
    with pytest.raises(io.ModelFileError, match=r"schema.json unpacks to 3,0\d\d,\d{3} bytes, more than the 1,000,000"):
        io.load(inflated)
    with pytest.raises(io.ModelFileError, match="more than max_bytes=1,000"):
        io.load(genuine, max_bytes=1_000)


@pytest.mark.parametrize("kind", ["not a zip", "no schema", "bad json", "no protocol", "deep nesting", "cut short"])
def test_a_malformed_model_file_gives_a_clear_error(tmp_path, kind):
    """Malformed skops files raised a raw KeyError or JSONDecodeError."""
    import zipfile

    from umpanbalik import save
    from umpanbalik.io import ModelFileError, load

    path = tmp_path / "model.skops"
    if kind == "cut short":
        raw = save(Preprocessor(), tmp_path / "asli.skops").read_bytes()
        path.write_bytes(raw[: len(raw) // 2])
    elif kind == "not a zip":
        path.write_text("materi bagus", encoding="utf-8")
    else:
        schema = {"no schema": None, "bad json": "{bukan json", "no protocol": json.dumps({"content": {}}),
                  "deep nesting": "[" * 200_000}[kind]
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("schema.json" if schema is not None else "data.npy", schema or b"\x93NUMPY")
    with pytest.raises(ModelFileError, match="model.skops (is damaged or not|is not) a model file"):
        load(path)


def test_an_error_message_about_a_huge_column_name_stays_short(tmp_path, capsys):
    """A 200 MB header line: the message printed the column name twice (400 MB). (One answer below it:
    a header alone is an export without answers, said before any column is looked for.)"""
    from umpanbalik import analyze
    from umpanbalik.cli import main

    path = tmp_path / "satu_baris.csv"
    path.write_text("x" * 2_000_000 + "\nmateri bagus\n", encoding="utf-8")
    assert main(["analyze", str(path), "--output", str(tmp_path / "hasil"), "--no-progress"]) == 1
    error = capsys.readouterr().err  # no komentar column: the open questions are looked for (issue 17)
    assert "Tidak ada kolom berisi jawaban terbuka" in error and len(error) < 800
    assert main(["analyze", str(path), "--output", str(tmp_path / "hasil"), "--no-progress", "-t", "komentar"]) == 1
    error = capsys.readouterr().err
    assert "Kolom 'komentar'" in error and len(error) < 800
    with pytest.raises(KeyError) as raised:
        analyze(path, topics=False)
    assert len(str(raised.value)) < 800


# -- issue 19: nothing lost -------------------------------------------------------------------------------------------
@pytest.fixture
def earlier_results(tmp_path):
    """An output folder holding the three files of an earlier run."""
    from umpanbalik.cli import main

    source = tmp_path / "ekspor.csv"
    pd.DataFrame({"komentar": ["materi bagus, mohon tambah praktik", "jadwal terlalu padat", "narasumber interaktif",
                               "sinyal zoom putus"] * 3}).to_csv(source, index=False)
    output = tmp_path / "hasil"
    assert main(["analyze", str(source), "--output", str(output), "--topics", "0", "--no-progress"]) == 0
    return source, output, {p.name: p.read_bytes() for p in output.iterdir()}


@pytest.mark.parametrize("where", ["csv", "html", "xlsx"])
def test_ctrl_c_while_an_export_is_written_keeps_the_earlier_file_whole(earlier_results, monkeypatch, capsys, where):
    """Interrupted in the workbook, the workbook could not be opened; in the CSV, 100,000 rows became
    its header; the new HTML sat beside the old files; and Ctrl-C printed a 50-line traceback."""
    import openpyxl

    from umpanbalik.cli import main

    source, output, before = earlier_results
    capsys.readouterr()

    def interrupted(path, *args, **kwargs):
        Path(path).write_bytes(b"half a file")  # what the writer had written when Ctrl-C came
        raise KeyboardInterrupt

    if where == "csv":
        monkeypatch.setattr(pd.DataFrame, "to_csv", lambda self, path, *a, **k: interrupted(path))
    elif where == "xlsx":
        save = openpyxl.Workbook.save  # (run, so that the write-only sheets are closed)
        monkeypatch.setattr(openpyxl.Workbook, "save", lambda self, path: save(self, path) or interrupted(path))
    else:
        monkeypatch.setattr(Path, "write_text", lambda self, *a, **k: interrupted(self))
    code = main(["analyze", str(source), "--output", str(output), "--topics", "0", "--no-progress", "--format", where])
    assert code == 130
    error = capsys.readouterr().err.strip().splitlines()
    assert error[-1].startswith("Dihentikan (Ctrl-C)") and not any("Traceback" in line for line in error)
    assert {p.name: p.read_bytes() for p in output.iterdir()} == before  # no temporary file left either


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the CLI writes the other outputs in a forked worker on Linux")
def test_ctrl_c_while_the_report_is_drawn_stops_the_worker_writing_the_workbook(earlier_results, monkeypatch, capsys):
    """The HTML report is drawn here while a worker writes the workbook and the CSV: Ctrl-C in the
    report stops the worker, which removes its half-written file; the earlier files stay whole."""
    import time

    import openpyxl

    from umpanbalik.cli import main

    source, output, before = earlier_results
    capsys.readouterr()

    def slow_save(self, path):  # in the worker: half a workbook, and still writing when Ctrl-C comes
        Path(path).write_bytes(b"half a workbook")
        time.sleep(30)

    def interrupted(self, *args, **kwargs):
        time.sleep(1.0)  # the worker is inside its save by now
        raise KeyboardInterrupt

    monkeypatch.setattr(openpyxl.Workbook, "save", slow_save)
    monkeypatch.setattr(Path, "write_text", interrupted)
    start = time.perf_counter()
    code = main(["analyze", str(source), "--output", str(output), "--topics", "0", "--no-progress"])
    assert code == 130 and time.perf_counter() - start < 25  # the worker did not finish its sleep
    assert capsys.readouterr().err.strip().splitlines()[-1].startswith("Dihentikan (Ctrl-C)")
    assert {p.name: p.read_bytes() for p in output.iterdir()} == before  # no temporary file left either


def test_ctrl_c_from_the_terminal_ends_the_cli_with_one_line(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    source = tmp_path / "ekspor.csv"
    pd.DataFrame({"komentar": ["materi bagus", "waktu kurang"] * 50}).to_csv(source, index=False)
    process = subprocess.Popen([sys.executable, "-m", "umpanbalik", "analyze", str(source), "-o", str(tmp_path / "hasil")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    first = process.stderr.readline()  # "Membaca …": the models are loading now
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole process group
    _, rest = process.communicate(timeout=120)
    assert first.startswith("Membaca") and process.returncode == 130
    assert rest.strip().splitlines() == ["Dihentikan (Ctrl-C). File hasil yang sudah ada tidak berubah; yang belum selesai "
                                         "tidak ditulis."]


def test_a_workbook_that_cannot_be_written_does_not_stop_the_csv_and_the_report(tmp_path, monkeypatch, capsys):
    """A 17,013-column CSV: the HTML was written, then the run failed at the workbook, with no CSV.
    (Excel's column limit is lowered here so that the file stays small.)"""
    from umpanbalik import report
    from umpanbalik.cli import main

    monkeypatch.setattr(report, "EXCEL_MAX_COLUMNS", 30)
    source = tmp_path / "lebar.csv"
    frame = pd.DataFrame({"komentar": ["materi bagus", "waktu kurang", "metode oke"]})
    for i in range(25):
        frame[f"kolom_{i}"] = "x"
    frame.to_csv(source, index=False)
    run = ["analyze", str(source), "--topics", "0", "--no-progress", "--output"]
    assert main([*run, str(tmp_path / "a")]) == 1
    captured = capsys.readouterr()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["komentar_teranalisis.csv", "laporan.html"]
    assert "Catatan: buku kerja Excel tidak ditulis" in captured.err and "--format" in captured.err
    assert len(pd.read_csv(tmp_path / "a" / "komentar_teranalisis.csv")) == 3
    assert main([*run, str(tmp_path / "b"), "--format", "csv,html"]) == 0
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["komentar_teranalisis.csv", "laporan.html"]
    assert main([*run, str(tmp_path / "c"), "--format", "pdf"]) == 2  # a wrong argument, as argparse's
    assert "--format berisi 'pdf'" in capsys.readouterr().err


@pytest.mark.parametrize("problem", ["a file", "under a file", "not writable", "output name is a folder"])
def test_an_unusable_output_folder_fails_before_the_analysis(tmp_path, monkeypatch, capsys, problem):
    import os

    from umpanbalik import analysis
    from umpanbalik.cli import main

    source = tmp_path / "ekspor.csv"
    pd.DataFrame({"komentar": ["materi bagus", "waktu kurang"]}).to_csv(source, index=False)
    monkeypatch.setattr(analysis, "analyze", lambda *a, **k: pytest.fail("the analysis ran"))
    output = tmp_path / "hasil"
    if problem in ("a file", "under a file"):
        output.write_text("bukan folder")
        output = output / "sub" if problem == "under a file" else output
    elif problem == "not writable":
        output.mkdir()
        output.chmod(0o500)
        if os.geteuid() == 0:  # root writes to any folder: refuse as a read-only mount would
            import tempfile

            def refused(*args, **kwargs):
                raise PermissionError(13, "Permission denied")

            monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    else:
        (output / "laporan.html").mkdir(parents=True)
    assert main(["analyze", str(source), "--output", str(output)]) == 1
    error = capsys.readouterr().err
    assert "Folder hasil" in error or "adalah folder" in error


# -- issue 19: inputs that crashed or gave wrong answers ------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-32", "excel-unicode-text"])
def test_utf16_and_excel_unicode_text_files_are_read(tmp_path, encoding):
    """The message was about fields, or showed 'ÿþk\\x00o\\x00…', never the encoding."""
    from umpanbalik import analyze
    from umpanbalik._tables import iter_table, read_table

    frame = pd.DataFrame({"komentar": ["materi “bagus” sekali café", "waktu kurang 😀", "narasumber jelas"], "nilai": ["5", "3", "4"]})
    suffix, sep = (".txt", "\t") if encoding == "excel-unicode-text" else (".csv", ",")
    text = frame.to_csv(index=False, sep=sep, lineterminator="\r\n")
    raw = {"utf-16": text.encode("utf-16"), "utf-16-le-bom": b"\xff\xfe" + text.encode("utf-16-le"),
           "utf-16-be-bom": b"\xfe\xff" + text.encode("utf-16-be"), "utf-16-le": text.encode("utf-16-le"),
           "utf-32": text.encode("utf-32"), "excel-unicode-text": b"\xff\xfe" + text.encode("utf-16-le")}[encoding]
    path = tmp_path / f"ekspor{suffix}"
    path.write_bytes(raw)
    assert read_table(path).to_dict("list") == frame.to_dict("list")
    assert pd.concat(list(iter_table(path, 2))).to_dict("list") == frame.to_dict("list")
    assert analyze(path, rating="nilai", topics=False).summary()["angka_kunci"].set_index("ukuran").loc["rata_rata_nilai", "nilai"] == 4


@pytest.mark.parametrize("columns", [("topik", "topik_asli"), ("sentimen", "sentimen_asli"), ("saran", "saran_asli", "saran_asli_2")])
def test_columns_named_like_the_results_and_their_kept_names_are_all_kept(tmp_path, columns):
    """Input with both topik and topik_asli (or sentimen and sentimen_asli): AttributeError in to_frame."""
    from umpanbalik import analyze

    frame = pd.DataFrame({"komentar": ["materi bagus", "jadwal padat", "metode seru"] * 4})
    for i, name in enumerate(columns):
        frame[name] = f"nilai {i}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        result = analyze(frame, topics=2)
    kept = [c for c in result.comments.columns if str(c).startswith(columns[0] + "_asli")] + [columns[0]]
    assert sorted(result.comments[c].iloc[0] for c in kept if c not in ("topik", "sentimen", "saran")) \
        == sorted(f"nilai {i}" for i in range(len(columns)))
    assert result.comments.columns.is_unique
    result.to_csv(tmp_path / "k.csv"), result.to_excel(tmp_path / "k.xlsx"), result.to_html(tmp_path / "k.html")


def test_a_frame_with_two_columns_of_one_name_gets_a_clear_error():
    from umpanbalik import analyze

    frame = pd.DataFrame([["materi bagus", "A", "B"]], columns=["komentar", "unit", "unit"])
    with pytest.raises(ValueError, match="several columns with the same name: 'unit'"):
        analyze(frame, topics=False)


@pytest.mark.parametrize("name", ["encrypted", "old xls", "truncated", "csv renamed", "empty", "directory", "fifo"])
def test_unreadable_inputs_get_a_clear_message_in_both_languages(tmp_path, capsys, name):
    """Raw tracebacks (ImportError for python-calamine, BadZipFile), "specify an engine", or "File
    tidak ditemukan" for a folder or a FIFO."""
    import os

    from umpanbalik import analyze
    from umpanbalik._input_files import InputFileError
    from umpanbalik.cli import main

    path = tmp_path / ("ekspor.xls" if name == "old xls" else "ekspor.csv" if name in ("directory", "fifo") else "ekspor.xlsx")
    expected = {"encrypted": ("dilindungi kata sandi", "protected by a password"),
                "old xls": ("terpotong atau rusak", "cut short or damaged"),  # the header of an .xls, no workbook
                "truncated": ("terpotong atau rusak", "cut short or damaged"),
                "csv renamed": ("file teks (CSV) dengan nama Excel", "a text (CSV) file with an Excel name"),
                "empty": ("kosong (0 bita)", "is empty (0 bytes)"),
                "directory": ("adalah folder, bukan file", "is a folder, not a file"),
                "fifo": ("bukan file biasa", "is not a regular file")}[name]
    if name == "encrypted":
        write_encrypted_workbook(path)
    elif name == "old xls":
        write_old_xls(path)
    elif name == "truncated":
        raw = write_workbook(tmp_path / "utuh.xlsx", ["materi bagus"] * 50).read_bytes()
        path.write_bytes(raw[: len(raw) * 2 // 3])
    elif name == "csv renamed":
        path.write_text("komentar,nilai\nmateri bagus,5\n", encoding="utf-8")
    elif name == "empty":
        path.write_bytes(b"")
    elif name == "directory":
        path.mkdir()
    elif not hasattr(os, "mkfifo"):
        pytest.skip("no FIFO on this system")
    else:
        os.mkfifo(path)
    with pytest.raises(InputFileError) as raised:
        analyze(path, topics=False)
    assert expected[1] in str(raised.value)
    for lang, words in zip(("id", "en"), expected):
        assert main(["--lang", lang, "analyze", str(path), "--output", str(tmp_path / "hasil")]) == 1
        error = capsys.readouterr().err
        assert words in error and "Traceback" not in error, error


@pytest.mark.parametrize("scheme", ["rc4", "xor"])
def test_a_password_protected_xls_is_named_as_such(tmp_path, capsys, scheme):
    """It was called damaged (RC4: the reader's "Workbook is password protected" read as a broken
    file); XOR-obfuscated cells were read as if they were text. A plain .xls of the same rows reads."""
    from umpanbalik import analyze
    from umpanbalik._input_files import InputFileError
    from umpanbalik.cli import main

    rows = [["komentar"], ["materi bagus"], ["waktunya kurang"]]
    assert analyze(write_xls(tmp_path / "biasa.xls", rows), topics=False).comments["komentar"].tolist() == ["materi bagus", "waktunya kurang"]
    path = write_password_xls(tmp_path / "ekspor.xls", rows, scheme=scheme)
    with pytest.raises(InputFileError, match="protected by a password"):
        analyze(path, topics=False)
    assert main(["analyze", str(path), "--output", str(tmp_path / "hasil")]) == 1
    error = capsys.readouterr().err
    assert "dilindungi kata sandi" in error and "Traceback" not in error, error


@pytest.mark.parametrize("infinite", ["inf", "Infinity", "1e309", "-inf", math.inf])
def test_infinite_ratings_count_as_missing_with_a_notice(tmp_path, capsys, infinite):
    """The report said "rata-rata nilai: inf" and every rating coefficient was NaN, with no warning."""
    from umpanbalik import analyze
    from umpanbalik.cli import main

    texts = ["materi bagus", "waktu terlalu singkat", "metode membosankan", "materi relevan", "jadwal padat",
             "narasumber jelas", "materi kurang jelas", "waktunya pas", "metode diskusi seru", "materi sulit"] * 2
    ratings = [infinite] + [4, 2, 2, 5, 3, 5, 2, 4, 5, 2] + [4, 2, 2, 5, 3, 5, 2, 4, 5]
    frame = pd.DataFrame({"komentar": texts, "nilai": pd.Series(ratings, dtype=object)})
    result = analyze(frame, rating="nilai", topics=False)
    mean = result.summary()["angka_kunci"].set_index("ukuran").loc["rata_rata_nilai", "nilai"]
    assert math.isfinite(mean) and mean == pytest.approx(np.mean(ratings[1:]), abs=1e-3)
    assert np.isfinite(result.rating_effects()["koefisien"]).all()
    assert result.notes == ["1 nilai tak hingga (inf, Infinity, 1e309) di kolom 'nilai' dianggap kosong."]
    assert "1 nilai tak hingga" in result.to_html(tmp_path / "k.html").read_text(encoding="utf-8")
    frame.to_csv(tmp_path / "ekspor.csv", index=False)
    assert main(["--lang", "en", "analyze", str(tmp_path / "ekspor.csv"), "--rating", "nilai", "--topics", "0",
                 "--no-progress", "--output", str(tmp_path / "hasil")]) == 0
    assert "Notice: 1 infinite ratings (inf, Infinity, 1e309) in column 'nilai' count as missing." in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_header_written_twice_is_read_under_a_name_of_its_own(tmp_path, capsys, suffix):
    """pandas renames the second 'komentar' to 'komentar.1', which no user types: the file was refused
    (a form asking "Saran untuk narasumber" once per speaker could not be read). The copy is now read
    as 'komentar (2)', and a notice says so."""
    from umpanbalik import analyze
    from umpanbalik._input_files import InputFileWarning
    from umpanbalik.cli import main

    rows = [["A", "materi bagus", "4", "jadwal padat"], ["B", "waktu kurang", "3", "metode seru"]]
    frame = pd.DataFrame(rows, columns=["unit", "komentar", "nilai", "komentar"])
    path = tmp_path / f"ekspor{suffix}"
    frame.to_csv(path, index=False) if suffix == ".csv" else frame.to_excel(path, index=False)
    with pytest.warns(InputFileWarning, match=r"the later copies are read as 'komentar \(2\)'"):
        result = analyze(path, text="komentar (2)", topics=False, progress=False)
    assert result.comments["komentar (2)"].tolist() == ["jadwal padat", "metode seru"]
    runs = [[]] if suffix == ".xlsx" else [[], ["--chunksize", "1"]]
    for lang, words in (("id", "salinan berikutnya dibaca sebagai 'komentar (2)'"),
                        ("en", "the later copies are read as 'komentar (2)'")):
        for extra in runs:
            assert main(["--lang", lang, "analyze", str(path), "-t", "komentar (2)", "--topics", "0", "--no-progress",
                         "--format", "csv", *extra, "-o", str(tmp_path / "hasil")]) == 0
            assert words in capsys.readouterr().err
            written = pd.read_csv(tmp_path / "hasil" / "komentar_teranalisis.csv", encoding="utf-8-sig")
            assert written["komentar (2)"].tolist() == ["jadwal padat", "metode seru"]
        assert main(["--lang", lang, "praproses", str(path), "-o", str(tmp_path / "bersih.csv")]) == 0
        assert words in capsys.readouterr().err
    # headers that only look like pandas' renamed copies are not repeated ones
    frame.columns = ["5", "komentar", "5.1", "komentar.1"]
    frame.to_csv(path, index=False) if suffix == ".csv" else frame.to_excel(path, index=False)
    assert main(["analyze", str(path), "--topics", "0", "--no-progress", "--format", "csv", "-o", str(tmp_path / "b")]) == 0


@pytest.mark.parametrize("name", ["empty", "blank lines", "notes before a short header", "unclosed quote"])
def test_a_csv_that_cannot_be_parsed_is_explained_in_both_languages(tmp_path, capsys, name):
    """pandas' own words came through: "No columns to parse from file", "Error tokenizing data. C
    error: Expected 1 fields in line 3, saw 2" (a title and a notes row above the header), without a hint."""
    from umpanbalik import analyze
    from umpanbalik._input_files import InputFileError
    from umpanbalik.cli import main

    content, expected = {
        "empty": ("", ("kosong (0 bita)", "is empty (0 bytes)")),
        "blank lines": ("\n\n\n", ("tidak ada baris judul kolom", "it has no header row")),
        # (a title above a table is skipped, see below; notes whose rows do not line up with one are explained)
        "notes before a short header": ("Survei pelatihan 2024\nDiunduh 1 Mei\nunit,komentar\nA,materi bagus,4\nB\n",
                       ("baris 3 berisi 2 kolom, padahal baris-baris sebelumnya berisi 1. Biasanya ada baris judul atau "
                        "catatan di atas baris judul kolom (hapus baris-baris di atas judul kolom",
                        "line 3 has 2 fields where the lines before it have 1. Usually a title or notes row sits above "
                        "the header row (delete the rows above the header")),
        "unclosed quote": ('unit,komentar\nA,materi bagus\nB,"waktu kurang\nC,metode seru\n',
                           ("tanda kutip (\") yang dibuka di baris 3", "a quote (\") opened on line 3")),
    }[name]
    path = tmp_path / "ekspor.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputFileError) as raised:
        analyze(path, topics=False, progress=False)
    assert expected[1] in str(raised.value)
    for lang, words in zip(("id", "en"), expected):
        for extra in ([], ["--chunksize", "1"]):
            assert main(["--lang", lang, "analyze", str(path), "--no-progress", *extra, "-o", str(tmp_path / "hasil")]) == 1
            error = capsys.readouterr().err
            assert words in error, error
            assert not any(raw in error for raw in ("No columns to parse", "tokenizing", "C error", "EOF inside")), error


def test_rows_with_more_fields_than_the_header_get_one_notice_naming_their_lines(tmp_path, capsys, monkeypatch):
    """pandas printed its ParserWarning ("... loss of data with index_col=False", with a path inside
    the library) and dropped the fields silently; the CLI exited 0."""
    from umpanbalik._input_files import InputFileWarning
    from umpanbalik._tables import iter_table, read_table
    from umpanbalik.cli import main

    path = tmp_path / "ekspor.csv"
    path.write_text("unit,komentar\nA,materi bagus, tapi padat\nB,waktu kurang\nC,metode seru, sekali\nD,ok,\n",
                    encoding="utf-8")
    expected = {"unit": ["A", "B", "C", "D"], "komentar": ["materi bagus", "waktu kurang", "metode seru", "ok"]}
    with pytest.warns(InputFileWarning, match=r"2 row\(s\) have more fields than the header row's 2, on line\(s\) 2, 4;"):
        assert read_table(path).to_dict("list") == expected
    with pytest.warns(InputFileWarning) as said:
        assert pd.concat(list(iter_table(path, 1))).to_dict("list") == expected
    assert len(said) == 1  # once, not once per chunk
    monkeypatch.chdir(tmp_path)  # the notice names the file as given
    for lang, words in (("id", "Catatan: ekspor.csv: 2 baris berisi lebih banyak kolom daripada baris judul kolom (2), "
                               "yaitu baris 2, 4; kolom berlebih di akhir baris itu diabaikan."),
                        ("en", "Notice: ekspor.csv: 2 row(s) have more fields than the header row's 2, on line(s) 2, 4; "
                               "the extra fields at the end of those rows were ignored.")):
        for extra in ([], ["--chunksize", "1"]):
            assert main(["--lang", lang, "analyze", "ekspor.csv", "--topics", "0", "--no-progress", "--format", "csv",
                         *extra, "-o", "hasil"]) == 0
            error = capsys.readouterr().err
            assert error.count(words) == 1, error
            assert not any(raw in error for raw in ("ParserWarning", "loss of data", "Warning:", ".py:")), error
        assert main(["--lang", lang, "praproses", "ekspor.csv", "-o", "bersih.csv"]) == 0
        assert capsys.readouterr().err.count(words) == 1
    # a delimiter at the end of each row adds only blank fields: nothing is lost, nothing to say
    path.write_text("komentar,nilai\nmateri bagus,5,\nwaktu kurang,4,\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_table(path), list(iter_table(path, 1))


def test_a_workbook_reads_as_openpyxl_read_it_and_an_error_cell_is_blank(tmp_path):
    """Workbooks are read through python-calamine (100,000 rows: 1.5 s against openpyxl's 10.4 s);
    every kind of cell reads as openpyxl read it, except an error cell (#N/A), which openpyxl made
    NaN beside the blank cells' "": now "" too."""
    import datetime as dt

    from openpyxl import Workbook

    from umpanbalik._tables import read_table

    book = Workbook()
    sheet = book.active
    sheet.append(["komentar", "nilai", "tanggal", "jam", "nip", "ya", "galat", "pecahan", "jarang"])
    sheet.append(["materi bagus\nbaris dua", 5, dt.datetime(2024, 3, 1, 14, 30), dt.time(9, 15), 199001012015031001,
                  True, "#N/A", 0.1 + 0.2, None])
    sheet.append(["  spasi  ", 4.5, dt.date(2024, 3, 2), dt.time(0, 0, 1), "0012", False, "#DIV/0!", 1e-7, "x"])
    sheet.append([None] * 9)
    sheet.append(["emoji 👍😊", -3, dt.datetime(1900, 1, 1), dt.timedelta(hours=30), 12345678901234567890, None, None,
                  1234567.125, None])
    sheet.append(["", 1e20, "2024-01-01", "09:00", 7, "TRUE", None, 2.0, None])
    path = tmp_path / "ekspor.xlsx"
    book.save(path)
    ours = read_table(path)
    theirs = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
    pd.testing.assert_frame_equal(ours.drop(columns="galat"), theirs.drop(columns="galat"))
    assert ours["galat"].tolist() == [""] * 5 and theirs["galat"].isna().sum() == 2
    assert ours["nip"].tolist()[1] == "0012" and ours["nilai"].tolist()[:2] == ["5", "4.5"]


def test_a_workbook_with_broken_xml_inside_is_said_to_be_damaged(tmp_path):
    """An archive that passes the checks but whose sheet is not XML fails inside the reader: the
    message says the file is damaged, in both languages, with no traceback."""
    import zipfile

    from umpanbalik._input_files import InputFileError
    from umpanbalik._tables import read_table

    whole = write_workbook(tmp_path / "utuh.xlsx", ["materi bagus"])
    broken = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data.replace(b"<sheetData>", b"<sheetData><row r=") if "sheet1" in info.filename else data)
    with pytest.raises(InputFileError, match="damaged"):
        read_table(broken)


def test_a_workbook_that_makes_the_reader_fail_ends_in_a_message_not_a_crash(tmp_path, capsys, monkeypatch):
    """One value at XFD1048576, the last cell, in a 2 KB workbook: python-calamine lays the sheet out as a
    grid of 17 billion cells and aborted the process ("memory allocation of 549755813888 bytes
    failed"); openpyxl ran out of memory. A check of the cell references before reading was passed by
    cells without a reference, a ">" inside an attribute and a reference inside another attribute's
    value (a review's reproductions, here). The reader now runs in a child process bounded by
    MAX_READER_BYTES: the child ends, the user reads what to do."""
    import zipfile

    from umpanbalik._input_files import InputFileError
    from umpanbalik._tables import read_table
    from umpanbalik.cli import main

    def with_row(name: str, row: str) -> Path:  # a row written into the sheet as a writer (or an attacker) may write it
        path = write_cells_workbook(tmp_path / name, {"A1": "komentar", "A2": "materi bagus"})
        with zipfile.ZipFile(path) as source:
            parts = {info.filename: source.read(info) for info in source.infolist()}
        parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(b"</sheetData>", row.encode() + b"</sheetData>")
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target:
            for member, data in parts.items():
                target.writestr(member, data)
        return path

    far = write_cells_workbook(tmp_path / "jauh.xlsx", {"A1": "komentar", "A2": "materi bagus", "XFD1048576": "x"})
    assert far.stat().st_size < 2_000
    crafted = [far,
               with_row("tanpa_r.xlsx", '<row r="999999"><c r="A999999"><v>1</v></c>' + "<c><v>1</v></c>" * 16_000 + "</row>"),
               with_row("kurung.xlsx", '<row r="3"><c x=">" r="XFD1048576"><v>1</v></c></row>'),
               with_row("palsu.xlsx", """<row r="3"><c x=' r="A1"' r="XFD1048576"><v>1</v></c></row>"""),
               with_row("lebar.xlsx", '<row r="999999"><c r="ZZ999999"><v>1</v></c></row>')]  # 22 GB of grid
    for path in crafted:
        with pytest.raises(InputFileError, match="reader stopped on it"):
            read_table(path)
    assert main(["analyze", str(far), "--output", str(tmp_path / "hasil")]) == 1
    error = capsys.readouterr().err
    assert "pembaca buku kerja berhenti" in error and "CSV" in error and "Traceback" not in error
    # a reader that runs out of its memory (MemoryError inside the child) says the same
    monkeypatch.setattr(pd, "read_excel", lambda *a, **k: bytearray(2**62))
    with pytest.raises(InputFileError, match=r"reader stopped on it \(out of memory: MemoryError"):
        read_table(write_workbook(tmp_path / "biasa.xlsx", ["materi bagus"]))
    monkeypatch.undo()
    # a formatted blank cell far away (not a value) is read past, as openpyxl read it
    near = write_cells_workbook(tmp_path / "dekat.xlsx", {"A1": "komentar", "A2": "materi bagus", "XFD1048576": None})
    assert read_table(near)["komentar"].tolist() == ["materi bagus"]


def test_old_excel_workbooks_are_read_like_xlsx_and_opendocument_gets_what_to_do(tmp_path, capsys):
    """An export saved by an older system as Excel 97-2003 (.xls) was refused with "save it as .xlsx";
    python-calamine reads it, in the same bounded child process. An .ods is refused with what to do:
    python-calamine drops its line breaks ("satu⏎dua" read "satudua"), and a row repeated a million
    times in an 800-byte file passes the size limits."""
    from umpanbalik import analyze
    from umpanbalik._input_files import InputFileError
    from umpanbalik._tables import read_table, sheet_names
    from umpanbalik.cli import main

    rows = [["komentar", "nilai", "nip"], ["materi bagus & jelas\nbaris dua", 5, "0012"], ["waktu kurang 😀", 3.5, "199001"],
            ["", 4, ""]]
    path = write_xls(tmp_path / "ekspor.xls", rows)
    expected = pd.DataFrame({"komentar": ["materi bagus & jelas\nbaris dua", "waktu kurang 😀", ""], "nilai": ["5", "3.5", "4"],
                             "nip": ["0012", "199001", ""]})
    assert read_table(path).to_dict("list") == expected.to_dict("list")
    assert sheet_names(path) == ["Jawaban"] and read_table(path, sheet="Jawaban").shape == (3, 3)
    assert analyze(path, rating="nilai", topics=False).comments["sentimen"].notna().all()
    assert main(["analyze", str(path), "--sheet", "Jawaban", "--format", "csv", "--topics", "0",
                 "--output", str(tmp_path / "hasil")]) == 0
    assert "3 baris" in capsys.readouterr().out
    for name in ("ekspor.ods", "ods_bernama.xlsx"):
        with pytest.raises(InputFileError, match=r"OpenDocument spreadsheet .* save it as .xlsx"):
            read_table(write_ods(tmp_path / name, rows))


def test_columns_with_neither_a_header_nor_a_value_are_left_out_of_a_workbook(tmp_path):
    """One value typed at column 65,536 of an .xls read as a table of 65,536 columns, which analyze then
    worked through for minutes before the workbook export refused it; spacer columns are gone too."""
    from umpanbalik._tables import read_table

    rows = [["komentar", "", "nilai"] + [""] * 200 + ["catatan"], ["materi bagus", "", "5"] + [""] * 200 + ["x"],
            ["waktu kurang", "", ""] + [""] * 200 + [""]]  # (an .xls holds 256 columns)
    for path in (write_xls(tmp_path / "lebar.xls", rows), tmp_path / "lebar.xlsx"):
        if path.suffix == ".xlsx":
            pd.DataFrame(rows).to_excel(path, index=False, header=False)
        table = read_table(path)
        assert list(table.columns) == ["komentar", "nilai", "catatan"], path
        assert table.to_dict("list") == {"komentar": ["materi bagus", "waktu kurang"], "nilai": ["5", ""], "catatan": ["x", ""]}


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_a_group_merged_down_its_rows_names_every_row(tmp_path, suffix):
    # a recap merging "Dinas Kesehatan" over its rows: one row of that agency and the others "(kosong)"
    from umpanbalik import analyze

    path = tmp_path / f"rekap{suffix}"
    units = ["Dinas Kesehatan", "Bappeda"]
    if suffix == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Rekap evaluasi pelatihan"])  # a title merged across the columns stays where it is
        sheet.merge_cells("A1:B1")
        sheet.append([])
        sheet.append(["Instansi", "Saran"])
        for block, unit in enumerate(units):
            first = 4 + block * 40
            for row in range(first, first + 40):
                sheet.cell(row, 2, f"jadwal terlalu padat nomor {row}")
            sheet.cell(first, 1, unit)
            sheet.merge_cells(start_row=first, start_column=1, end_row=first + 39, end_column=1)
        book.save(path)
        header = 2
    else:
        import xlwt

        book = xlwt.Workbook()
        sheet = book.add_sheet("rekap")
        sheet.write(0, 0, "Instansi")
        sheet.write(0, 1, "Saran")
        for block, unit in enumerate(units):
            sheet.write_merge(1 + block * 40, 40 + block * 40, 0, 0, unit)
            for row in range(1 + block * 40, 41 + block * 40):
                sheet.write(row, 1, f"jadwal terlalu padat nomor {row}")
        book.save(str(path))
        header = 0
    frame = pd.read_excel(path, header=header, dtype=str, engine="calamine")  # pandas alone: one named row per agency
    assert frame["Instansi"].notna().sum() == 2
    from umpanbalik._tables import read_table

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (the title row of the .xlsx is said in a notice)
        table = read_table(path)
        assert table["Instansi"].value_counts().to_dict() == {"Dinas Kesehatan": 40, "Bappeda": 40}
        result = analyze(path, text="Saran", by="Instansi", topics=False, progress=False)
    assert sorted(result.compare("Instansi").tabel.index) == ["Bappeda", "Dinas Kesehatan"]


def test_a_title_above_the_table_of_a_workbook_is_skipped(tmp_path, capsys):
    # "REKAP EVALUASI" on row 1, a blank row, then the header: the header row was read as an answer and
    # every question was called "Unnamed: 3"; -t Saran said there was no such column
    import openpyxl

    from umpanbalik.cli import main

    path = tmp_path / "rekap.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["REKAP EVALUASI PELATIHAN 2024"])
    sheet.append([])
    sheet.append(["No", "Unit Kerja", "Kepuasan", "Saran"])
    for i in range(1, 41):
        sheet.append([i, "Dinkes" if i % 2 else "Disdik", "Puas", f"jadwal terlalu padat untuk kelompok {i}"])
    book.save(path)
    assert main(["analyze", str(path), "-t", "Saran", "--by", "Unit Kerja", "--rating", "Kepuasan", "--format", "csv",
                 "--topics", "0", "--no-progress", "-o", str(tmp_path / "hasil")]) == 0
    captured = capsys.readouterr()
    assert "Selesai: 40 baris" in captured.out and "baris 3" in captured.err
    table = pd.read_csv(tmp_path / "hasil" / "komentar_teranalisis.csv", encoding="utf-8-sig")
    assert table["No"].tolist() == list(range(1, 41)) and set(table["Unit Kerja"]) == {"Dinkes", "Disdik"}


@pytest.mark.parametrize("content", [
    "REKAP EVALUASI BIMTEK 2024;;;\r\n;;;\r\nNo;Unit Kerja;Kepuasan;Saran\r\n"
    + "".join(f"{i};Disdik;Puas;jadwal terlalu padat minggu {i}\r\n" for i in range(1, 21)),  # Excel, Indonesian settings
    "Survei pelatihan 2024\nDiunduh 1 Mei\n\nNo,Unit Kerja,Kepuasan,Saran\n"
    + "".join(f"{i},Disdik,Puas,jadwal terlalu padat minggu {i}\n" for i in range(1, 21)),
    # a title of two words, as the README's example writes it (it was read as the header: a review)
    "REKAP EVALUASI;;;\r\nNo;Unit Kerja;Kepuasan;Saran\r\n"
    + "".join(f"{i};Disdik;Puas;jadwal terlalu padat minggu {i}\r\n" for i in range(1, 21)),
    "Hasil evaluasi;;;\r\n;;;\r\nNo;Unit Kerja;Kepuasan;Saran\r\n"
    + "".join(f"{i};Disdik;Puas;jadwal terlalu padat minggu {i}\r\n" for i in range(1, 21)),
])
def test_a_title_above_the_table_of_a_csv_is_skipped(tmp_path, capsys, content):
    # "REKAP;;;" padded by Excel was read as the header: the questions were 'Unnamed: 3', the header an answer
    from umpanbalik.cli import main

    path = tmp_path / "rekap.csv"
    path.write_text(content, encoding="utf-8")
    for extra in ([], ["--chunksize", "7"]):
        assert main(["analyze", str(path), "-t", "Saran", "--by", "Unit Kerja", "--format", "csv", "--topics", "0",
                     "--no-progress", *extra, "-o", str(tmp_path / "hasil")]) == 0
        captured = capsys.readouterr()
        assert "Selesai: 20 baris" in captured.out and "judul kolom ada di baris" in captured.err
        table = pd.read_csv(tmp_path / "hasil" / "komentar_teranalisis.csv", encoding="utf-8-sig")
        assert table["No"].tolist() == list(range(1, 21))


def _workbook(path: Path, rows: list[list]) -> Path:
    """An .xlsx of ``rows`` (lists of cell values, row by row) at ``path``."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_short_title_over_a_few_answers_and_a_recap_row_is_skipped(tmp_path):
    # a two-word title over a header, and a four-word one over three answers and a "Jumlah" row:
    # both were read as the header (a review)
    from umpanbalik._tables import read_table

    short = _workbook(tmp_path / "pendek.xlsx", [["REKAP EVALUASI"], ["Unit", "Saran", "Nilai"], ["Dinas A", "materi bagus", "4"],
                                                 ["Dinas B", "waktu kurang", "3"], ["Dinas A", "narsum oke", "5"]])
    recap = _workbook(tmp_path / "rekap.xlsx", [["REKAP EVALUASI PELATIHAN 2024"], [], ["Unit", "Saran", "Nilai"],
                                                ["Dinas A", "materi bagus", "4"], ["Dinas B", "waktu kurang", "3"],
                                                ["Dinas A", "narsum oke", "5"], ["Jumlah", None, "12"]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (the skipped title is said in a notice)
        assert read_table(short).columns.tolist() == ["Unit", "Saran", "Nilai"] and len(read_table(short)) == 3
        assert read_table(recap).columns.tolist() == ["Unit", "Saran", "Nilai"] and len(read_table(recap)) == 4
    # a one-column header over a table whose other columns are unnamed stays the header, in capitals
    # too, and so does a question over three answers and one without a category (a review of the change)
    cases = {"satu.csv": "Komentar;;;\nmateri bagus;Dinas A;Puas;4\nwaktu kurang;Dinas B;Puas;3\noke;Dinas A;Puas;5\n",
             "kapital.csv": "SARAN;;\n" + "".join(f"materi bagus {i};Dinas A;Puas\n" for i in range(12)),
             "tanya.csv": "Apa saran Anda untuk pelatihan?;;\nmateri bagus;Dinas A;Puas\nwaktu kurang;Dinas B;Puas\n"
                          "narsum oke;Dinas A;Puas\nmantap;;\n"}
    # a clear title over a header whose column holds its own name ("Hadir" answered "Hadir") is still a title
    (tmp_path / "hadir.csv").write_text("REKAP EVALUASI PELATIHAN 2024;;\n;;\nNama;Hadir;Komentar\nAndi;Hadir;materi bagus\n"
                                        "Budi;Tidak;ruang panas\nCici;Hadir;waktu kurang\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (the skipped title is said in a notice)
        assert read_table(tmp_path / "hadir.csv").columns.tolist() == ["Nama", "Hadir", "Komentar"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name, content in cases.items():
            (tmp_path / name).write_text(content, encoding="utf-8")
            table = read_table(tmp_path / name)
            assert table.columns[0] in ("Komentar", "SARAN", "Apa saran Anda untuk pelatihan?"), (name, table.columns)
            assert len(table) == content.count("\n") - 1


def test_a_first_row_that_is_a_header_is_never_taken_for_a_title(tmp_path):
    # a note typed beside one column of comments, an unnamed index column, a header over a blank
    # second column: the real header and the first rows were dropped as "a title"
    from umpanbalik._tables import iter_table, read_table

    def sheet(name, rows):
        return _workbook(tmp_path / name, rows)

    cases = {
        sheet("catatan.xlsx", [["Saran"], ["materi bagus"], ["waktu kurang"], ["oke", "cek lagi"], ["mantap"]]): 4,
        sheet("komentar.xlsx", [["Komentar", None], ["materi bagus", "Dinas A"], ["waktu kurang", "Dinas B"], ["oke", "A"]]): 3,
    }
    for name, text in {"indeks.csv": ",komentar\nBudi,materi bagus\nAni,waktu kurang\nCici,oke\nDedi,mantap\n",
                       "komentar.csv": "Komentar,\nmateri bagus,Dinas A\nwaktu kurang,Dinas B\noke,Dinas A\n"}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        cases[tmp_path / name] = 4 if name == "indeks.csv" else 3
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no notice of skipped rows either
        for path, rows in cases.items():
            table = read_table(path)
            assert len(table) == rows and table.columns[0] in ("Saran", "Komentar", "Unnamed: 0"), (path.name, table.columns)
            if path.suffix == ".csv":
                assert sum(len(chunk) for chunk in iter_table(path, 2)) == rows


def test_a_csv_title_holding_a_line_break_or_blank_lines_skips_exactly_the_title(tmp_path):
    # the title's line break made one record too many skipped; blank lines in the table became respondents
    from umpanbalik._tables import iter_table, read_table

    texts = {"terbungkus.csv": '"LAPORAN EVALUASI\nBPSDM 2024";;\nNama;Komentar;Nilai\nA;bagus;5\nB;jelek;2\nC;oke;4\n',
             "kosong.csv": "REKAP EVALUASI PELATIHAN 2024\n\nNama;Komentar;Nilai\nA;bagus;5\nB;jelek;2\n\nC;oke;4\n"}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            table = read_table(tmp_path / name)
            chunks = list(iter_table(tmp_path / name, 2))
        assert table.columns.tolist() == ["Nama", "Komentar", "Nilai"] and table["Nama"].tolist() == ["A", "B", "C"]
        assert pd.concat(chunks)["Nama"].tolist() == ["A", "B", "C"]


def test_a_workbook_title_is_seen_when_only_the_header_is_read(tmp_path):
    # read_table(nrows=0) (the CLI's "the column is on sheet X" hint) saw the title as the header
    import openpyxl

    from umpanbalik._tables import read_table

    book = openpyxl.Workbook()
    for row in [["REKAP EVALUASI PELATIHAN 2024"], [], ["Nama", "Unit", "Saran"]] + [[f"P{i}", "A", f"saran {i}"] for i in range(30)]:
        book.active.append(row)
    book.save(tmp_path / "rekap.xlsx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert read_table(tmp_path / "rekap.xlsx", nrows=0).columns.tolist() == ["Nama", "Unit", "Saran"]
        assert len(read_table(tmp_path / "rekap.xlsx", nrows=5)) == 5


def test_one_comment_merged_over_rows_stays_one_comment(tmp_path):
    # every merge down a column was filled: one class comment merged over six rows became six comments
    import openpyxl

    from umpanbalik._tables import read_table

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nama", "Nilai", "Kesan kelas"])
    for i in range(6):
        sheet.append([f"Peserta {i}", "4", "materi bagus, waktunya kurang" if i == 0 else None])
    sheet.merge_cells("C2:C7")
    book.save(tmp_path / "kesan.xlsx")
    assert read_table(tmp_path / "kesan.xlsx")["Kesan kelas"].tolist() == ["materi bagus, waktunya kurang"] + [""] * 5


def test_a_long_question_over_its_answers_is_the_header(tmp_path):
    # a header question of three words or more, and one answer with a note beside it: the header and the
    # first answers were dropped as "a title" (Selesai: 197 baris for 200 respondents)
    import openpyxl

    from umpanbalik._tables import read_table

    book = openpyxl.Workbook()
    book.active.append(["Apa saran Anda untuk pelatihan ini?"])
    for i in range(200):
        book.active.append([f"saran nomor {i}"] + (["cek lagi"] if i == 2 else []))
    book.save(tmp_path / "tanya.xlsx")
    (tmp_path / "tanya.csv").write_text("Saran dan masukan untuk pelatihan;\nmateri bagus;Materi\nwaktu kurang;Waktu\noke;Lain\n",
                                        encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(read_table(tmp_path / "tanya.xlsx")) == 200
        assert read_table(tmp_path / "tanya.csv").columns[0] == "Saran dan masukan untuk pelatihan"


def test_a_chart_sheet_first_is_passed_over(tmp_path):
    import openpyxl
    from openpyxl.chart import BarChart, Reference

    from umpanbalik._tables import read_table

    book = openpyxl.Workbook()
    data = book.active
    data.title = "Data"
    data.append(["Nama", "Nilai", "Saran"])
    for i in range(10):
        data.append([f"P{i}", i % 5 + 1, f"saran {i}"])
    chart = BarChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=11))
    book.create_chartsheet("Grafik", 0).add_chart(chart)
    book.save(tmp_path / "grafik.xlsx")
    assert read_table(tmp_path / "grafik.xlsx")["Saran"].tolist() == [f"saran {i}" for i in range(10)]


def test_a_one_column_csv_keeps_the_commas_of_its_answers(tmp_path):
    # Excel with Indonesian settings writes a one-column CSV without quoting commas: answers were cut at
    # the first comma ("materi bagus" of "materi bagus, tapi waktu kurang"), or the file refused
    from umpanbalik._tables import read_table

    answers = ["materi bagus, tapi waktu kurang", "oke", "pengajar sabar, jelas, dan ramah", "ruangan dingin, konsumsi enak"]
    (tmp_path / "saran.csv").write_bytes(("Apa saran Anda?\r\n" + "\r\n".join(answers) + "\r\n").encode("utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_table(tmp_path / "saran.csv")["Apa saran Anda?"].tolist() == answers


def test_a_title_block_of_label_and_value_lines_is_skipped_and_answers_with_a_note_are_not(tmp_path):
    # "Angkatan | II" under the title stopped the search (the header read as 'REKAP …', 'Unnamed: 1');
    # a blank answer, then a note beside one answer, must not turn the answers into a title
    from umpanbalik._tables import read_table

    def sheet(name, rows):
        return _workbook(tmp_path / name, rows)

    block = sheet("blok.xlsx", [["REKAP EVALUASI PELATIHAN KEPEMIMPINAN"], ["Angkatan", "II"], ["Tanggal", "5-8 Mei 2024"], [],
                                ["No", "Nama", "Instansi", "Nilai", "Saran"]]
                  + [[i, f"P{i}", "Dinas A", 4, f"materi bagus {i}"] for i in range(20)])
    noted = sheet("catatan.xlsx", [["Apa saran Anda untuk pelatihan ini?"]]
                  + [[f"saran nomor {i}" if i != 1 else None] + (["cek lagi"] if i == 3 else []) for i in range(40)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert read_table(block).columns.tolist() == ["No", "Nama", "Instansi", "Nilai", "Saran"]
        assert len(read_table(block)) == 20
        assert len(read_table(noted)) == 40 and read_table(noted).columns[0] == "Apa saran Anda untuk pelatihan ini?"


def test_questions_numbered_in_the_header_under_a_title_are_read_as_the_header(tmp_path):
    # "No | Nama | 1 | 2 | 3 | Saran" under "REKAP …": the numbers made the header look like answers,
    # so the title was taken for the header and every question was 'Unnamed: n'
    from umpanbalik._tables import iter_table, read_table

    body = [[i, f"P{i}", "Dinas A" if i % 2 else "Bappeda", 4, 5 - i % 2, 3, f"materi bagus nomor {i}"] for i in range(1, 21)]
    workbook = _workbook(tmp_path / "rekap.xlsx", [["REKAP EVALUASI PELATIHAN DASAR 2026"], [],
                                                   ["No", "Nama", "Instansi", 1, 2, 3, "Saran"]] + body)
    csv_text = "REKAP EVALUASI PELATIHAN DASAR 2026;;;;;;\n;;;;;;\nNo;Nama;Instansi;1;2;3;Saran\n" + "".join(
        ";".join(map(str, row)) + "\n" for row in body)
    (tmp_path / "rekap.csv").write_text(csv_text, encoding="utf-8")
    # a row of scores under a title is no header: 4, 5, 3 do not count on one by one
    scores = _workbook(tmp_path / "nilai.xlsx", [["REKAP EVALUASI PELATIHAN DASAR 2026"], [],
                                                 [1, "P1", "Dinas A", 4, 5, 3, "materi bagus"]] + body)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in (workbook, tmp_path / "rekap.csv"):
            table = read_table(path)
            assert [str(c) for c in table.columns] == ["No", "Nama", "Instansi", "1", "2", "3", "Saran"], path.name
            assert table["Saran"].tolist() == [row[-1] for row in body]
        assert sum(len(chunk) for chunk in iter_table(tmp_path / "rekap.csv", 7)) == 20
        assert read_table(scores).columns[0] == "REKAP EVALUASI PELATIHAN DASAR 2026"


def test_a_title_block_of_label_and_value_lines_is_skipped_in_a_csv_as_in_a_sheet(tmp_path):
    # the CSV reader stopped at "Angkatan;II" (the header read as 'REKAP …', 'Unnamed: 1'), as the
    # sheet reader did when a blank row stood between the title and the block
    from umpanbalik._tables import iter_table, read_table

    header = ["No", "Nama", "Instansi", "Nilai", "Saran"]
    body = [[i, f"P{i}", "Dinas A", 4, f"materi bagus {i}"] for i in range(20)]
    block = [["REKAP EVALUASI PELATIHAN KEPEMIMPINAN"], [], ["Angkatan", "II"], ["Tanggal", "5-8 Mei 2024"], []]
    texts = {
        "padded.csv": "".join(";".join(map(str, row + [""] * (5 - len(row)))) + "\n" for row in block + [header] + body),
        "plain.csv": "".join(",".join(map(str, row)) + "\n" for row in block + [header] + body),
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    sheet = _workbook(tmp_path / "blok.xlsx", block + [header] + body)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in (sheet, tmp_path / "padded.csv", tmp_path / "plain.csv"):
            table = read_table(path)
            assert table.columns.tolist() == header and table["Saran"].tolist() == [row[-1] for row in body], path.name
            if path.suffix == ".csv":
                assert pd.concat(list(iter_table(path, 6)))["Saran"].tolist() == [row[-1] for row in body]
