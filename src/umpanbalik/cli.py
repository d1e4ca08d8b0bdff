"""Command-line interface: ``umpanbalik analyze``, ``umpanbalik demo`` and ``umpanbalik praproses``.

Messages are Indonesian by default; ``--lang en`` switches to English.

Exit codes
----------
0  success
1  an input error: the file is missing or unreadable, or a column is not in it (the message says
   which columns there are and what to do); the output folder cannot be written (checked before the
   analysis); or one of the outputs could not be written (the others are, and a notice says which)
2  wrong command-line arguments (argparse's usage message)
130  interrupted (Ctrl-C): one line, and every earlier output file left as it was
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import warnings
from pathlib import Path
from typing import Any

from ._input_files import InputFileError
from ._limits import MAX_MESSAGE_CHARS, short_list, shorten

#: The outputs of ``analyze`` and ``demo``: ``--format`` names, in the order they are written.
OUTPUTS = {"csv": "komentar_teranalisis.csv", "html": "laporan.html", "xlsx": "hasil_analisis.xlsx"}

MESSAGES = {
    "id": {
        "reading": "Membaca {path} ...",
        "analysing": "Menganalisis {n} komentar ...",
        "written_html": "Laporan HTML : {path}",
        "written_xlsx": "Buku kerja Excel: {path}",
        "written_csv": "Tabel per komentar (CSV): {path}",
        "not_written": "Catatan: {what} tidak ditulis: {reason}. Keluaran lain sudah ditulis; pilih keluaran dengan "
                       "--format (mis. --format {others}).",
        "what_html": "laporan HTML", "what_xlsx": "buku kerja Excel", "what_csv": "tabel CSV",
        "notice": "Catatan: {message}",
        "interrupted": "Dihentikan (Ctrl-C). File hasil yang sudah ada tidak berubah; yang belum selesai tidak ditulis.",
        "output_is_file": "Folder hasil {path} adalah sebuah file: berikan nama folder (akan dibuat bila belum ada).",
        "output_unusable": "Folder hasil {path} tidak dapat dibuat atau ditulisi: {reason}. Pilih folder lain dengan --output.",
        "output_name_is_folder": "{path} adalah folder, padahal file hasil akan ditulis dengan nama itu: pindahkan "
                                 "atau pilih folder hasil lain.",
        "bad_format": "--format berisi {value!r}; pilihannya: {choices} (dipisah koma).",
        "done": "Selesai: {n} baris dianalisis.",
        "demo_intro": "Contoh: menganalisis data survei ilustratif bawaan ({path}).",
        "demo_open": "Buka laporannya di peramban: {html}",
        "pre_done": "Selesai: {n} baris ditulis ke {path}",
        "error": "Galat: {message}",
        "not_found": "File tidak ditemukan: {path}",
        "missing_column": "Kolom {column!r} ({option}) tidak ada di file. Kolom yang tersedia: {available}. "
                          "Pilih salah satunya, mis. --text-column {first!r}.",
        "unreadable": "File tidak dapat dibaca sebagai CSV/XLSX: {message}",
        "other_sheet": " Kolom {column!r} ada di lembar {sheet!r}: tambahkan --sheet {sheet!r}.",
        "kept_as": "Kolom {column!r} sudah ada; isinya disimpan sebagai {new!r}.",
        "no_sheet": "Lembar {sheet!r} tidak ada di {path}. Lembar yang tersedia: {available}.",
        "sheet_not_excel": "--sheet hanya berlaku untuk file Excel (.xlsx/.xls); {path} bukan file Excel.",
    },
    "en": {
        "reading": "Reading {path} ...",
        "analysing": "Analysing {n} comments ...",
        "written_html": "HTML report: {path}",
        "written_xlsx": "Excel workbook: {path}",
        "written_csv": "Per-comment table (CSV): {path}",
        "not_written": "Notice: the {what} was not written: {reason}. The other outputs were written; choose outputs "
                       "with --format (e.g. --format {others}).",
        "what_html": "HTML report", "what_xlsx": "Excel workbook", "what_csv": "CSV table",
        "notice": "Notice: {message}",
        "interrupted": "Interrupted (Ctrl-C). Earlier output files are unchanged; unfinished ones were not written.",
        "output_is_file": "The output folder {path} is a file: give a folder name (it is created if missing).",
        "output_unusable": "The output folder {path} cannot be created or written to: {reason}. Choose another with --output.",
        "output_name_is_folder": "{path} is a folder, but an output file is to be written under that name: move it or "
                                 "choose another output folder.",
        "bad_format": "--format holds {value!r}; the choices are {choices} (comma-separated).",
        "done": "Done: {n} rows analysed.",
        "demo_intro": "Example: analysing the bundled illustrative survey ({path}).",
        "demo_open": "Open the report in a browser: {html}",
        "pre_done": "Done: {n} rows written to {path}",
        "error": "Error: {message}",
        "not_found": "File not found: {path}",
        "missing_column": "Column {column!r} ({option}) is not in the file. Available columns: {available}. "
                          "Choose one of them, e.g. --text-column {first!r}.",
        "unreadable": "The file cannot be read as CSV/XLSX: {message}",
        "other_sheet": " Column {column!r} is on sheet {sheet!r}: add --sheet {sheet!r}.",
        "kept_as": "Column {column!r} already exists; its contents are kept as {new!r}.",
        "no_sheet": "Sheet {sheet!r} is not in {path}. Available sheets: {available}.",
        "sheet_not_excel": "--sheet applies to Excel files (.xlsx/.xls) only; {path} is not one.",
    },
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="umpanbalik", description="Analisis umpan balik terbuka pelatihan ASN berbahasa Indonesia.",
        epilog="Kode keluar: 0 berhasil, 1 galat masukan (file/kolom), 2 argumen salah.")
    parser.add_argument("--lang", choices=["id", "en"], default="id", help="bahasa pesan dan laporan (id/en)")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", aliases=["analisis"], help="analisis file CSV/XLSX hasil ekspor survei")
    analyze.add_argument("file", help="file CSV (UTF-8, UTF-8 BOM, Windows-1252) atau XLSX")
    _analysis_options(analyze)
    analyze.add_argument("--output", "-o", required=True, help="folder hasil (dibuat bila belum ada)")
    _format_option(analyze)
    demo = commands.add_parser("demo", help="jalankan analisis pada data survei contoh bawaan")
    demo.add_argument("--output", "-o", default="hasil_demo", help="folder hasil")
    _format_option(demo)
    pre = commands.add_parser("praproses", help="bersihkan kolom komentar dari file CSV/XLSX")
    pre.add_argument("file", help="file CSV atau XLSX")
    pre.add_argument("--text-column", default="komentar", help="nama kolom komentar")
    _sheet_option(pre)
    pre.add_argument("--output", "-o", required=True, help="file CSV hasil")
    return parser


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", default="html,xlsx,csv",
                        help="keluaran yang ditulis, dipisah koma: html, xlsx, csv (bawaan: ketiganya)")


def _formats(value: str, text: dict[str, str]) -> list[str]:
    chosen = [part.strip().lower() for part in value.split(",") if part.strip()]
    wrong = [part for part in chosen if part not in OUTPUTS]
    if wrong or not chosen:
        raise UsageError(text["bad_format"].format(value=shorten(value, 60), choices=", ".join(OUTPUTS)))
    return [name for name in OUTPUTS if name in chosen]


def _sheet_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sheet", default=None,
                        help="lembar file Excel: namanya, atau nomor urutnya mulai 1 (bawaan: lembar pertama)")


def _analysis_options(parser: argparse.ArgumentParser) -> None:
    _sheet_option(parser)
    parser.add_argument("--text-column", "-t", default="komentar", help="kolom komentar (bawaan: komentar)")
    parser.add_argument("--by", action="append", default=None, help="kolom segmen untuk perbandingan, mis. instansi (boleh berulang)")
    parser.add_argument("--rating", help="kolom nilai numerik, mis. nilai (skala 1-5)")
    parser.add_argument("--barrier-column", help="kolom jawaban 'mengapa tidak ikut pelatihan'")
    parser.add_argument("--task", choices=["evaluasi", "hambatan"], default="evaluasi",
                        help="'hambatan' bila kolom komentar berisi alasan tidak ikut pelatihan")
    parser.add_argument("--topics", default="auto", help="jumlah topik, 'auto', atau 0 untuk tanpa topik")
    parser.add_argument("--mask-name", action="append", default=[], help="nama orang yang disamarkan di laporan (boleh berulang)")
    parser.add_argument("--no-progress", action="store_true", help="tanpa bilah kemajuan")
    parser.add_argument("--chunksize", type=int, default=None,
                        help="baca dan analisis CSV per N baris, untuk file sangat besar (mis. 100000)")


def _topics(value: str) -> Any:
    if value == "auto":
        return "auto"
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"--topics must be 'auto' or a whole number; got {value!r}") from None
    return number if number > 0 else False


class InputError(Exception):
    """An input problem whose message is already written for the user."""


class UsageError(Exception):
    """A wrong option value that argparse cannot check (exit code 2, as argparse's own)."""


def _streamed(path: Path, args: argparse.Namespace) -> bool:
    """Whether ``analyze`` streams the file (``--chunksize`` on a CSV; an Excel sheet is read whole)."""
    from ._tables import _EXCEL_SUFFIXES

    return getattr(args, "chunksize", None) is not None and path.suffix.lower() not in _EXCEL_SUFFIXES


def _sheet(path: Path, args: argparse.Namespace, text: dict[str, str]) -> str | int | None:
    """The Excel sheet that ``--sheet`` names (a name, or a position counted from 1); ``None``: the first."""
    from ._tables import _EXCEL_SUFFIXES, sheet_names

    wanted = getattr(args, "sheet", None)
    if wanted is None:
        return None
    if path.suffix.lower() not in _EXCEL_SUFFIXES:
        raise InputError(text["sheet_not_excel"].format(path=path))
    names = sheet_names(path)
    if wanted in names:
        return wanted
    if wanted.strip().isdigit() and 1 <= int(wanted) <= len(names):
        return names[int(wanted) - 1]
    raise InputError(text["no_sheet"].format(sheet=wanted, path=path, available=", ".join(map(repr, names))))


def _read(path: Path, args: argparse.Namespace, text: dict[str, str]) -> Any:
    """The table (for a streamed CSV: its first row only, to check the columns; the file is then
    streamed by ``analyze``), after checking that the columns asked for are in it."""
    from ._tables import _EXCEL_SUFFIXES, iter_table, read_table, sheet_names

    sheet = _sheet(path, args, text)
    try:
        if _streamed(path, args):
            chunks = iter_table(path, 1)
            frame = next(chunks)
            chunks.close()
        else:
            frame = read_table(path, sheet=sheet)
    except InputFileError as error:
        raise InputError(error.message(args.lang)) from None
    except (ValueError, OSError, UnicodeError) as error:
        raise InputError(text["unreadable"].format(message=shorten(str(error), 300))) from None
    wanted = [(args.text_column, "--text-column"), (getattr(args, "rating", None), "--rating"),
              (getattr(args, "barrier_column", None), "--barrier-column")]
    wanted += [(column, "--by") for column in getattr(args, "by", None) or []]
    for column, option in wanted:
        if column is not None and column not in frame.columns:
            # names cut short: a file without a line break is one 200 MB column name
            message = text["missing_column"].format(column=shorten(column, 60), option=option,
                                                    available=short_list(frame.columns, 30),
                                                    first=shorten(str(frame.columns[0]), 60) if len(frame.columns) else "")
            if path.suffix.lower() in _EXCEL_SUFFIXES and sheet is None:  # the export's other sheets
                for name in sheet_names(path)[1:]:
                    if column in read_table(path, sheet=name, nrows=0).columns:
                        message += text["other_sheet"].format(column=column, sheet=name)
                        break
            raise InputError(message)
    return frame


def _check_output(output: Path, names: list[str], text: dict[str, str]) -> None:
    """Before any work: ``output`` is a folder (created if missing) that this process can write to,
    and none of the files to write is a folder."""
    import tempfile

    if output.exists() and not output.is_dir():
        raise InputError(text["output_is_file"].format(path=output))
    try:
        output.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=output):  # the one sure test (os.access says yes to root)
            pass
    except OSError as error:
        raise InputError(text["output_unusable"].format(path=output, reason=error.strerror or error)) from None
    for name in names:
        if (output / name).is_dir():
            raise InputError(text["output_name_is_folder"].format(path=output / name))


def _run_analysis(args: argparse.Namespace, source: Any, output: Path, text: dict[str, str]) -> int:
    from .analysis import analyze

    formats = _formats(args.format, text)
    _check_output(output, [OUTPUTS[name] for name in formats], text)
    frame = _read(source, args, text)
    with warnings.catch_warnings(record=True) as caught:  # shown as one line each, not as Python warnings
        warnings.simplefilter("always", UserWarning)
        result = analyze(source if _streamed(source, args) else frame, args.text_column, by=args.by, rating=args.rating,
                         barriers=args.barrier_column, task=args.task, topics=_topics(args.topics), names=args.mask_name,
                         progress=False if args.no_progress else True, chunksize=args.chunksize, lang=args.lang)
    for warning in caught:
        if issubclass(warning.category, UserWarning):
            print(text["notice"].format(message=shorten(str(warning.message), MAX_MESSAGE_CHARS)), file=sys.stderr)
        else:
            warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)
    for note in result.notes:  # in --lang (non-finite ratings, topics fitted on a sample or not at all)
        print(text["notice"].format(message=shorten(note, MAX_MESSAGE_CHARS)), file=sys.stderr)
    failed = _export(result, output, formats, text)
    print(text["done"].format(n=len(result)))
    return 1 if failed else 0


def _export(result: Any, output: Path, formats: list[str], text: dict[str, str]) -> list[str]:
    """Write the chosen outputs into ``output``; one that fails (a table too wide for Excel, a full
    disk) does not stop the others. Returns the formats that could not be written."""
    writers = {"csv": result.to_csv, "html": result.to_html, "xlsx": result.to_excel}
    failed = []
    for name in formats:
        try:
            written = writers[name](output / OUTPUTS[name])
        except (ValueError, TypeError, OSError) as error:
            failed.append(name)
            others = ",".join(n for n in formats if n != name) or "csv"
            print(text["not_written"].format(what=text[f"what_{name}"], reason=shorten(str(error), 300).rstrip("."),
                                                  others=others),
                  file=sys.stderr)
            continue
        print(text[f"written_{name}"].format(path=written))
    return failed


def _input_path(value: str, text: dict[str, str]) -> Path:
    """The input file, checked: a missing path, a folder or a FIFO gets its own message."""
    from ._input_files import check_input_path

    path = Path(value)
    try:
        check_input_path(path)
    except FileNotFoundError:
        raise InputError(text["not_found"].format(path=path)) from None
    return path


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module's documentation)."""
    args = _parser().parse_args(argv)
    text = MESSAGES[args.lang]
    previous = _interrupt_in_this_process_only()
    try:
        return _main(args, text)
    except KeyboardInterrupt:
        print(text["interrupted"], file=sys.stderr)
        return 130
    except InputFileError as error:
        print(text["error"].format(message=shorten(error.message(args.lang), MAX_MESSAGE_CHARS)), file=sys.stderr)
        return 1
    except InputError as error:
        print(text["error"].format(message=shorten(str(error), MAX_MESSAGE_CHARS)), file=sys.stderr)
        return 1
    except UsageError as error:
        print(text["error"].format(message=shorten(str(error), MAX_MESSAGE_CHARS)), file=sys.stderr)
        return 2
    except (FileNotFoundError, KeyError, ValueError, TypeError, UnicodeError, OSError) as error:
        message = error.args[0] if isinstance(error, KeyError) and error.args else str(error)
        print(text["error"].format(message=shorten(str(message), MAX_MESSAGE_CHARS)), file=sys.stderr)
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _interrupt_in_this_process_only() -> Any:
    """Ctrl-C interrupts this process; forked worker processes, which get the same signal, ignore it
    and end when this one ends (each printed a traceback). Returns the handler it replaced."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    pid = os.getpid()
    original = signal.getsignal(signal.SIGINT)

    def interrupt(signum: int, frame: Any) -> None:
        if os.getpid() == pid:
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    return original


def _main(args: argparse.Namespace, text: dict[str, str]) -> int:
    if args.command in ("analyze", "analisis"):
        path = _input_path(args.file, text)
        print(text["reading"].format(path=path), file=sys.stderr)
        return _run_analysis(args, path, Path(args.output), text)
    if args.command == "demo":
        from importlib.resources import as_file, files

        with as_file(files("umpanbalik.resources").joinpath("contoh_survei.csv")) as path:
            print(text["demo_intro"].format(path="data/contoh_survei.csv"))
            args.text_column, args.by, args.rating = "komentar", ["instansi", "program", "moda"], "nilai"
            args.barrier_column, args.task, args.topics, args.mask_name, args.no_progress = "alasan_tidak_ikut", "evaluasi", "auto", [], False
            args.chunksize = None
            code = _run_analysis(args, path, Path(args.output), text)
        print(text["demo_open"].format(html=Path(args.output).resolve() / "laporan.html"))
        return code
    from .analysis.run import _kept_names
    from .preprocessing import Preprocessor
    from .report import write_csv

    path = _input_path(args.file, text)
    output = Path(args.output)
    if output.is_dir():
        raise InputError(text["output_name_is_folder"].format(path=output))
    _check_output(output.parent, [], text)
    frame = _read(path, args, text)
    column = args.text_column
    if "teks_bersih" in frame.columns:  # kept, as analyze keeps a column it would overwrite
        kept = _kept_names(["teks_bersih"], frame.columns)["teks_bersih"]
        frame = frame.rename(columns={"teks_bersih": kept})
        column = kept if column == "teks_bersih" else column
        print(text["kept_as"].format(column="teks_bersih", new=kept), file=sys.stderr)
    frame["teks_bersih"] = Preprocessor().transform(frame[column])
    write_csv(frame, output, index=False)
    print(text["pre_done"].format(n=len(frame), path=output))
    return 0
