"""Command-line interface: ``umpanbalik analyze``, ``umpanbalik demo`` and ``umpanbalik praproses``.

Messages, help and argparse's own words are Indonesian by default; ``--lang en`` (before or after
the command) switches to English.

Exit codes
----------
0  success
1  an input error: the file is missing or unreadable, a column is not in it or fits several, a rating
   column holds no usable rating, or the output folder cannot be written (the message says which
   columns there are and what to do)
2  wrong command-line arguments (argparse's usage message)
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._cli_text import ARGPARSE_ID, HELP, MESSAGES


def _lang_of(argv: list[str]) -> str:
    """The ``--lang`` of ``argv`` (its last one), read before parsing so that help and errors use it."""
    lang = "id"
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return lang if lang in MESSAGES else "id"


@contextlib.contextmanager
def _argparse_words(lang: str) -> Iterator[None]:
    """argparse's own words ("usage:", "options", its error messages) in ``lang``: argparse looks
    them up with the module-level gettext function ``argparse._`` each time, so it is swapped here
    for the parse and put back after."""
    if lang != "id":
        yield
        return
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda message: ARGPARSE_ID.get(message, message)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def _topics_option(lang: str) -> Any:
    def topics(value: str) -> Any:
        if value.strip().lower() == "auto":
            return "auto"
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(MESSAGES[lang]["topics_invalid"].format(value=value)) from None
        if number < 0:
            raise argparse.ArgumentTypeError(MESSAGES[lang]["topics_invalid"].format(value=value))
        return number if number > 0 else False

    return topics


def _parser(lang: str = "id") -> argparse.ArgumentParser:
    from . import __version__

    words = HELP[lang]
    parser = argparse.ArgumentParser(prog="umpanbalik", description=words["description"], epilog=words["epilog"],
                                     add_help=False)
    parser.add_argument("-h", "--help", action="help", help=words["help"])
    parser.add_argument("--version", action="version", version=f"umpanbalik {__version__}", help=words["version"])
    parser.add_argument("--lang", choices=["id", "en"], default="id", help=words["lang"])
    commands = parser.add_subparsers(dest="command", required=True, title=words["commands"], metavar="{analyze,demo,praproses}")

    def command(name: str, **options: Any) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, add_help=False, **options)
        sub.add_argument("-h", "--help", action="help", help=words["help"])
        sub.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS, help=words["lang"])
        return sub

    analyze = command("analyze", aliases=["analisis"], help=words["analyze"], description=words["analyze"])
    analyze.add_argument("file", help=words["file"])
    _analysis_options(analyze, lang)
    analyze.add_argument("--output", "-o", required=True, help=words["output"])
    demo = command("demo", help=words["demo"], description=words["demo"])
    demo.add_argument("--output", "-o", default="hasil_demo", help=words["output_demo"])
    pre = command("praproses", help=words["pre"], description=words["pre"])
    pre.add_argument("file", help=words["file"])
    pre.add_argument("--text-column", default="komentar", help=words["pre_text"])
    _sheet_option(pre, lang)
    pre.add_argument("--output", "-o", required=True, help=words["pre_output"])
    return parser


def _sheet_option(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--sheet", default=None, help=HELP[lang]["sheet"])


def _analysis_options(parser: argparse.ArgumentParser, lang: str) -> None:
    words = HELP[lang]
    _sheet_option(parser, lang)
    parser.add_argument("--text-column", "-t", action="append", default=None, help=words["text"])
    parser.add_argument("--by", action="append", default=None, help=words["by"])
    parser.add_argument("--rating", help=words["rating"])
    parser.add_argument("--barrier-column", help=words["barrier"])
    parser.add_argument("--task", choices=["evaluasi", "hambatan"], default="evaluasi", help=words["task"])
    parser.add_argument("--topics", default="auto", type=_topics_option(lang), help=words["topics"])
    parser.add_argument("--mask-name", action="append", default=[], help=words["mask"])
    parser.add_argument("--no-progress", action="store_true", help=words["progress"])
    parser.add_argument("--chunksize", type=int, default=None, help=words["chunksize"])


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


_SAMPLE_ROWS = 10_000  # rows of a streamed CSV read first, to check the columns and find the open questions


def _read(path: Path, args: argparse.Namespace, text: dict[str, str]) -> Any:
    """The table (for a streamed CSV: its first rows only, to check the columns; the file is then
    streamed by ``analyze``)."""
    from ._tables import iter_table, read_table

    sheet = _sheet(path, args, text)
    try:
        if _streamed(path, args):
            chunks = iter_table(path, _SAMPLE_ROWS)
            frame = next(chunks)
            chunks.close()
        else:
            frame = read_table(path, sheet=sheet)
    except (ValueError, OSError, UnicodeError) as error:
        raise InputError(text["unreadable"].format(message=error)) from None
    return frame


def _other_sheet(path: Path, args: argparse.Namespace, column: Any) -> str | None:
    """Another sheet of the workbook that has ``column``, when the first sheet was read."""
    from ._tables import _EXCEL_SUFFIXES, read_table, sheet_names
    from .columns import ColumnError, resolve_column

    if path.suffix.lower() not in _EXCEL_SUFFIXES or getattr(args, "sheet", None) is not None:
        return None
    for name in sheet_names(path)[1:]:
        try:
            resolve_column(read_table(path, sheet=name, nrows=0).columns, column)
        except ColumnError:
            continue
        return name
    return None


def _column(frame: Any, reference: Any, option: str, path: Path, args: argparse.Namespace, text: dict[str, str]) -> Any:
    """The column ``reference`` names (header, number or unique prefix); a message in the user's
    language when it fits none (with the closest columns) or several (with the candidates)."""
    from .columns import ColumnError, resolve_column

    try:
        return resolve_column(frame.columns, reference, option)
    except ColumnError as error:
        if error.ambiguous:
            candidates = ", ".join(repr(str(c)) for c in error.candidates)
            raise InputError(text["ambiguous_column"].format(option=option, column=reference, candidates=candidates)) from None
        available = ", ".join(repr(str(c)) for c in frame.columns)
        suggestion = text["suggestion"].format(option=option, candidate=str(error.candidates[0])) if error.candidates else ""
        message = text["missing_column"].format(column=reference, option=option, available=available, suggestion=suggestion)
        sheet = _other_sheet(path, args, reference)
        if sheet is not None:
            message += text["other_sheet"].format(column=reference, sheet=sheet)
        raise InputError(message) from None


def _columns(frame: Any, path: Path, args: argparse.Namespace, text: dict[str, str]) -> dict[str, Any]:
    """Every column the options name, resolved; without ``--text-column``, ``komentar`` or else the
    open questions found in the data (the choice is printed)."""
    from .columns import describe_columns, overall_rating, text_columns

    by = [_column(frame, c, "--by", path, args, text) for c in args.by or []]
    rating = _column(frame, args.rating, "--rating", path, args, text) if args.rating is not None else None
    barrier = _column(frame, args.barrier_column, "--barrier-column", path, args, text) if args.barrier_column is not None else None
    if args.text_column:
        texts = list(dict.fromkeys(_column(frame, c, "--text-column", path, args, text) for c in args.text_column))
    elif "komentar" in frame.columns:
        texts = ["komentar"]
    else:
        sheet = _other_sheet(path, args, "komentar")
        if sheet is not None:  # the answers are on another sheet of the workbook
            _column(frame, "komentar", "--text-column", path, args, text)
        texts = text_columns(frame, exclude=[c for c in (*by, rating, barrier) if c is not None])
        if not texts:
            kinds = ", ".join(f"{str(r.kolom)!r} ({text['kind_' + r.jenis]})" for r in describe_columns(frame).itertuples())
            raise InputError(text["no_text_columns"].format(kinds=kinds))
        print(text["detected"].format(columns="\n  ".join(repr(str(c)) for c in texts)))
    if rating is None and not args.text_column and texts != ["komentar"]:
        rating = overall_rating(frame.drop(columns=[c for c in texts if c in frame.columns]))
        if rating is not None:
            print(text["detected_rating"].format(column=str(rating)))
    if rating is not None:
        _check_rating(frame[rating], rating, text)
    return {"text": texts, "by": by, "rating": rating, "barriers": barrier}


def _check_rating(values: Any, name: Any, text: dict[str, str]) -> None:
    """Stop on a rating column without a usable rating; print the scores of a Likert column."""
    from .likert import is_number, likert_scale, scale_table, unknown_answers

    scale = likert_scale(values)
    unknown = unknown_answers(values, scale)
    numbers = sum(is_number(v) for v in values)
    shown = ", ".join(repr(v[:40]) for v in unknown[:12]) + (" …" if len(unknown) > 12 else "")
    if unknown and not scale and not numbers:
        raise InputError(text["rating_unknown"].format(column=str(name), values=shown))
    if scale:
        table = scale_table(values)
        mapping = ", ".join(f"{row.jawaban} = {row.skor:g}" for row in table.itertuples())
        if table.attrs.get("skala"):
            mapping += text["likert_bounds"].format(low=f"{table.attrs['skala'][0]:g}", high=f"{table.attrs['skala'][1]:g}")
        print(text["likert"].format(column=str(name), mapping=mapping))
    if unknown:
        print(text["rating_partial"].format(column=str(name), values=shown), file=sys.stderr)


def _check_output(folder: Path, text: dict[str, str]) -> None:
    """Before the analysis: the output folder is a folder, or can be made in a folder we may write to."""
    if folder.exists() and not folder.is_dir():
        raise InputError(text["output_is_file"].format(path=folder))
    existing = folder
    while not existing.exists():
        if existing.parent == existing:
            break
        existing = existing.parent
    if not existing.is_dir():
        raise InputError(text["output_unwritable"].format(path=folder, message=text["not_a_folder"].format(path=existing)))
    if not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(text["output_unwritable"].format(path=folder, message=text["no_permission"].format(path=existing)))


def _run_analysis(args: argparse.Namespace, source: Path, output: Path, text: dict[str, str]) -> int:
    from .analysis import analyze

    frame = _read(source, args, text)
    chosen = _columns(frame, source, args, text)
    texts = chosen["text"]
    data = source if _streamed(source, args) else frame
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="the rating column", category=UserWarning)  # said above
        result = analyze(data, texts[0] if len(texts) == 1 else texts, by=chosen["by"], rating=chosen["rating"],
                         barriers=chosen["barriers"], task=args.task, topics=args.topics, names=args.mask_name,
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


def _praproses(args: argparse.Namespace, text: dict[str, str]) -> int:
    from .preprocessing import Preprocessor
    from .report import write_csv

    path = Path(args.file)
    if not path.is_file():
        raise FileNotFoundError(text["not_found"].format(path=path))
    _check_output(Path(args.output).parent, text)
    frame = _read(path, args, text)
    column = _column(frame, args.text_column, "--text-column", path, args, text)
    if "teks_bersih" in frame.columns:  # kept, as analyze keeps a column it would overwrite
        frame = frame.rename(columns={"teks_bersih": "teks_bersih_asli"})
        print(text["kept_as"].format(column="teks_bersih", new="teks_bersih_asli"), file=sys.stderr)
    frame["teks_bersih"] = Preprocessor().transform(frame[column if column != "teks_bersih" else "teks_bersih_asli"])
    write_csv(frame, args.output, index=False)
    print(text["pre_done"].format(n=len(frame), path=args.output))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_of(argv)
    with _argparse_words(lang):
        args = _parser(lang).parse_args(argv)
    text = MESSAGES[args.lang]
    try:
        if args.command in ("analyze", "analisis"):
            path = Path(args.file)
            if not path.is_file():
                raise FileNotFoundError(text["not_found"].format(path=path))
            _check_output(Path(args.output), text)
            print(text["reading"].format(path=path), file=sys.stderr)
            return _run_analysis(args, path, Path(args.output), text)
        if args.command == "demo":
            from importlib.resources import as_file, files

            _check_output(Path(args.output), text)
            with as_file(files("umpanbalik.resources").joinpath("contoh_survei.csv")) as path:
                print(text["demo_intro"].format(path="contoh_survei.csv"))
                args.text_column, args.by, args.rating = ["komentar"], ["instansi", "program", "moda"], "nilai"
                args.barrier_column, args.task, args.topics, args.mask_name, args.no_progress = "alasan_tidak_ikut", "evaluasi", "auto", [], False
                args.chunksize, args.sheet = None, None
                code = _run_analysis(args, path, Path(args.output), text)
            print(text["demo_open"].format(html=Path(args.output).resolve() / "laporan.html"))
            return code
        return _praproses(args, text)
    except InputError as error:
        print(text["error"].format(message=error), file=sys.stderr)
        return 1
    except (FileNotFoundError, KeyError, ValueError, TypeError, UnicodeError, OSError) as error:
        message = error.args[0] if type(error) is KeyError and error.args else str(error)
        print(text["error"].format(message=message), file=sys.stderr)
        return 1
