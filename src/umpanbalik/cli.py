"""Command-line interface: ``umpanbalik analyze``, ``umpanbalik demo`` and ``umpanbalik praproses``.

Messages are Indonesian by default; ``--lang en`` switches to English.

Exit codes
----------
0  success
1  an input error: the file is missing or unreadable, or a column is not in it (the message says
   which columns there are and what to do)
2  wrong command-line arguments (argparse's usage message)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

MESSAGES = {
    "id": {
        "reading": "Membaca {path} ...",
        "analysing": "Menganalisis {n} komentar ...",
        "written": "Laporan HTML : {html}\nBuku kerja Excel: {xlsx}\nTabel per komentar (CSV): {csv}",
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
        "written": "HTML report: {html}\nExcel workbook: {xlsx}\nPer-comment table (CSV): {csv}",
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
    demo = commands.add_parser("demo", help="jalankan analisis pada data survei contoh bawaan")
    demo.add_argument("--output", "-o", default="hasil_demo", help="folder hasil")
    pre = commands.add_parser("praproses", help="bersihkan kolom komentar dari file CSV/XLSX")
    pre.add_argument("file", help="file CSV atau XLSX")
    pre.add_argument("--text-column", default="komentar", help="nama kolom komentar")
    _sheet_option(pre)
    pre.add_argument("--output", "-o", required=True, help="file CSV hasil")
    return parser


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
    except (ValueError, OSError, UnicodeError) as error:
        raise InputError(text["unreadable"].format(message=error)) from None
    wanted = [(args.text_column, "--text-column"), (getattr(args, "rating", None), "--rating"),
              (getattr(args, "barrier_column", None), "--barrier-column")]
    wanted += [(column, "--by") for column in getattr(args, "by", None) or []]
    for column, option in wanted:
        if column is not None and column not in frame.columns:
            available = ", ".join(repr(str(c)) for c in frame.columns)
            message = text["missing_column"].format(column=column, option=option, available=available,
                                                    first=str(frame.columns[0]) if len(frame.columns) else "")
            if path.suffix.lower() in _EXCEL_SUFFIXES and sheet is None:  # the export's other sheets
                for name in sheet_names(path)[1:]:
                    if column in read_table(path, sheet=name, nrows=0).columns:
                        message += text["other_sheet"].format(column=column, sheet=name)
                        break
            raise InputError(message)
    return frame


def _run_analysis(args: argparse.Namespace, source: Any, output: Path, text: dict[str, str]) -> int:
    from .analysis import analyze

    frame = _read(source, args, text)
    result = analyze(source if _streamed(source, args) else frame, args.text_column, by=args.by, rating=args.rating,
                     barriers=args.barrier_column, task=args.task, topics=_topics(args.topics), names=args.mask_name,
                     progress=False if args.no_progress else True, chunksize=args.chunksize, lang=args.lang)
    _export(result, output, text)
    print(text["done"].format(n=len(result)))
    return 0


def _export(result: Any, output: Path, text: dict[str, str]) -> None:
    """Write the HTML report, the Excel workbook and the per-comment CSV into ``output``."""
    output.mkdir(parents=True, exist_ok=True)
    html = result.to_html(output / "laporan.html")
    xlsx = result.to_excel(output / "hasil_analisis.xlsx")
    csv = result.to_csv(output / "komentar_teranalisis.csv")
    print(text["written"].format(html=html, xlsx=xlsx, csv=csv))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    text = MESSAGES[args.lang]
    try:
        if args.command in ("analyze", "analisis"):
            path = Path(args.file)
            if not path.is_file():
                raise FileNotFoundError(text["not_found"].format(path=path))
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
        from .preprocessing import Preprocessor
        from .report import write_csv

        path = Path(args.file)
        if not path.is_file():
            raise FileNotFoundError(text["not_found"].format(path=path))
        frame = _read(path, args, text)
        if "teks_bersih" in frame.columns:  # kept, as analyze keeps a column it would overwrite
            frame = frame.rename(columns={"teks_bersih": "teks_bersih_asli"})
            print(text["kept_as"].format(column="teks_bersih", new="teks_bersih_asli"), file=sys.stderr)
        frame["teks_bersih"] = Preprocessor().transform(frame[args.text_column if args.text_column != "teks_bersih"
                                                              else "teks_bersih_asli"])
        write_csv(frame, args.output, index=False)
        print(text["pre_done"].format(n=len(frame), path=args.output))
        return 0
    except InputError as error:
        print(text["error"].format(message=error), file=sys.stderr)
        return 1
    except (FileNotFoundError, KeyError, ValueError, TypeError, UnicodeError, OSError) as error:
        message = error.args[0] if isinstance(error, KeyError) and error.args else str(error)
        print(text["error"].format(message=message), file=sys.stderr)
        return 1
