"""Command-line interface: ``umpanbalik analyze``, ``umpanbalik demo`` and ``umpanbalik praproses``.

Messages, help and argparse's own words are Indonesian by default; ``--lang en`` (before or after
the command) switches to English.

Exit codes
----------
0  success
1  an input error: the file is missing or unreadable (a folder, a FIFO, an encrypted workbook, a CSV
   that cannot be parsed, a column header written twice …), a column is not in it or fits several,
   a rating column holds no usable rating, or the output folder
   cannot be written (checked before the analysis; the message says which columns there are and what
   to do); or one of the outputs could not be written (the others are, and a notice says which)
2  wrong command-line arguments (argparse's usage message)
130  interrupted (Ctrl-C): one line, and every earlier output file left as it was
"""
from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import signal
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._cli_text import ARGPARSE_ID, HELP, MESSAGES
from ._input_files import InputFileError, InputFileWarning
from ._limits import MAX_MESSAGE_CHARS, short_list, short_repr, shorten

#: The outputs of ``analyze`` and ``demo``: ``--format`` names, in the order they are written.
OUTPUTS = {"csv": "komentar_teranalisis.csv", "html": "laporan.html", "xlsx": "hasil_analisis.xlsx"}


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
            raise argparse.ArgumentTypeError(MESSAGES[lang]["topics_invalid"].format(value=shorten(value, 60))) from None
        if number < 0:
            raise argparse.ArgumentTypeError(MESSAGES[lang]["topics_invalid"].format(value=shorten(value, 60)))
        from .topics import MAX_TOPICS

        if number > MAX_TOPICS:
            raise argparse.ArgumentTypeError(MESSAGES[lang]["topics_too_many"].format(value=number, most=MAX_TOPICS))
        return number if number > 0 else False

    return topics


def _chunksize_option(lang: str) -> Any:
    def chunksize(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number < 1:
            raise argparse.ArgumentTypeError(MESSAGES[lang]["chunksize_invalid"].format(value=shorten(value, 60)))
        return number

    return chunksize


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
    _format_option(analyze, lang)
    demo = command("demo", help=words["demo"], description=words["demo"])
    demo.add_argument("--output", "-o", default="hasil_demo", help=words["output_demo"])
    _format_option(demo, lang)
    pre = command("praproses", help=words["pre"], description=words["pre"])
    pre.add_argument("file", help=words["file"])
    pre.add_argument("--text-column", "-t", default="komentar", help=words["pre_text"])
    _sheet_option(pre, lang)
    pre.add_argument("--output", "-o", required=True, help=words["pre_output"])
    return parser


def _format_option(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--format", default="html,xlsx,csv", help=HELP[lang]["format"])


def _formats(value: str, text: dict[str, str]) -> list[str]:
    chosen = [part.strip().lower() for part in value.split(",") if part.strip()]
    wrong = [part for part in chosen if part not in OUTPUTS]
    if wrong or not chosen:
        raise UsageError(text["bad_format"].format(value=shorten(value, 60), choices=", ".join(OUTPUTS)))
    return [name for name in OUTPUTS if name in chosen]


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
    parser.add_argument("--chunksize", type=_chunksize_option(lang), default=None, help=words["chunksize"])


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


def _read(path: Path, args: argparse.Namespace, text: dict[str, str], shown: set[str] | None = None) -> Any:
    """The table (for a streamed CSV: its first rows only, to check the columns; the file is then
    streamed by ``analyze``). A notice about the file (fields beyond the header ignored) is printed
    once, in the user's language; ``shown``: the notices printed so far."""
    from ._tables import read_table, sample_rows

    sheet = _sheet(path, args, text)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        try:
            if _streamed(path, args):  # a question blank in these rows is judged by its later answers
                frame = sample_rows(path)
            else:
                frame = read_table(path, sheet=sheet)
        except InputFileError as error:
            raise InputError(error.message(args.lang)) from None
        except (ValueError, OSError, UnicodeError) as error:
            raise InputError(text["unreadable"].format(message=shorten(str(error), 300))) from None
    _show_warnings(caught, args.lang, text, set() if shown is None else shown)
    return frame


def _show_warnings(caught: list[Any], lang: str, text: dict[str, str], shown: set[str]) -> None:
    """Each ``UserWarning`` as one notice line in ``lang`` (each once: ``shown`` holds those printed);
    other warnings as Python shows them."""
    for warning in caught:
        if not issubclass(warning.category, UserWarning):
            warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)
            continue
        message = warning.message.message(lang) if isinstance(warning.message, InputFileWarning) else str(warning.message)
        if message not in shown:
            shown.add(message)
            print(text["notice"].format(message=shorten(message, MAX_MESSAGE_CHARS)), file=sys.stderr)


def _other_sheets(path: Path, args: argparse.Namespace, nrows: int) -> Iterator[tuple[str, Any]]:
    """The workbook's other sheets (their first ``nrows`` rows), when the sheet read by default was
    read (no ``--sheet``: the first one Excel shows); a sheet that cannot be read (a header repeated)
    is passed over."""
    from ._tables import _EXCEL_SUFFIXES, default_sheet, read_table, sheet_names

    if path.suffix.lower() not in _EXCEL_SUFFIXES or getattr(args, "sheet", None) is not None:
        return
    read = default_sheet(path)
    for position, name in enumerate(sheet_names(path)):
        if name == read or position == read:
            continue
        try:
            yield name, read_table(path, sheet=name, nrows=nrows)
        except InputFileError:
            continue


def _other_sheet(path: Path, args: argparse.Namespace, column: Any) -> str | None:
    """Another sheet of the workbook that has ``column``, when the first sheet was read."""
    from .columns import ColumnError, resolve_column

    for name, frame in _other_sheets(path, args, nrows=0):
        try:
            resolve_column(frame.columns, column)
        except ColumnError:
            continue
        return name
    return None


def _sheet_with_answers(path: Path, args: argparse.Namespace) -> tuple[str, list[Any]] | None:
    """Another sheet of the workbook whose first rows hold open answers (and those columns), when the
    first sheet was read and holds none."""
    from .columns import text_columns

    for name, frame in _other_sheets(path, args, nrows=500):
        found = text_columns(frame)
        if found:
            return name, found
    return None


def _column(frame: Any, reference: Any, option: str, path: Path, args: argparse.Namespace, text: dict[str, str]) -> Any:
    """The column ``reference`` names (header, number or unique prefix); a message in the user's
    language when it fits none (with the closest columns) or several (with the candidates)."""
    from .columns import ColumnError, resolve_column

    try:
        return resolve_column(frame.columns, reference, option)
    except ColumnError as error:
        if error.ambiguous:
            candidates = short_list(error.candidates, 30)
            raise InputError(text["ambiguous_column"].format(option=option, column=shorten(str(reference), 60),
                                                             candidates=candidates)) from None
        # names cut short: a file without a line break is one 200 MB column name
        available = short_list(frame.columns, 30)
        suggestion = (text["suggestion"].format(option=option, candidate=shorten(str(error.candidates[0]), 60))
                      if error.candidates else "")
        message = text["missing_column"].format(column=shorten(str(reference), 60), option=option, available=available,
                                                suggestion=suggestion)
        sheet = _other_sheet(path, args, reference)
        if sheet is not None:
            message += text["other_sheet"].format(column=shorten(str(reference), 60), sheet=shorten(str(sheet), 60))
        raise InputError(message) from None


def _columns(frame: Any, path: Path, args: argparse.Namespace, text: dict[str, str]) -> dict[str, Any]:
    """Every column the options name, resolved; without ``--text-column``, ``komentar`` or else the
    open questions found in the data (the choice is printed)."""
    from .columns import describe_columns, overall_rating, text_columns

    by = [_column(frame, c, "--by", path, args, text) for c in args.by or []]
    # "--rating auto": the overall rating column, as analyze(rating="auto") finds it (unless a column is named "auto")
    auto_rating = args.rating is not None and args.rating.strip().lower() == "auto" and args.rating not in frame.columns
    rating = _column(frame, args.rating, "--rating", path, args, text) if args.rating is not None and not auto_rating else None
    barrier = _column(frame, args.barrier_column, "--barrier-column", path, args, text) if args.barrier_column is not None else None
    # the default column "komentar", however the header is written ("Komentar", "KOMENTAR ")
    named = [c for c in frame.columns if isinstance(c, str) and c.strip().lower() == "komentar"]
    if args.text_column:
        texts = list(dict.fromkeys(_column(frame, c, "--text-column", path, args, text) for c in args.text_column))
    elif len(named) == 1:
        texts = named
    else:
        sheet = _other_sheet(path, args, "komentar")
        if sheet is not None:  # the answers are on another sheet of the workbook
            _column(frame, "komentar", "--text-column", path, args, text)
        texts = text_columns(frame, exclude=[c for c in (*by, rating, barrier) if c is not None])
        if not texts:
            kinds = ", ".join(f"{short_repr(str(r.kolom))} ({text['kind_' + r.jenis]})"
                              for r in describe_columns(frame).head(30).itertuples())
            message = text["no_text_columns"].format(kinds=kinds)
            found = _sheet_with_answers(path, args)
            if found is not None:  # the open answers are on another sheet of the workbook
                message += text["other_sheet_answers"].format(sheet=shorten(str(found[0]), 60),
                                                               columns=short_list(found[1], 5))
            raise InputError(message)
        if barrier is None:  # a why-not question among those found is coded as barriers, as analyze(text="auto") does
            from .analysis.run import why_not_apart

            texts, barrier = why_not_apart(texts, args.task)
            if barrier is not None:
                print(text["detected_barriers"].format(column=str(barrier)))
        print(text["detected"].format(columns="\n  ".join(repr(str(c)) for c in texts)))
    if auto_rating or (rating is None and args.rating is None and not args.text_column and texts != named):
        rating = overall_rating(frame, exclude=texts)
        if rating is not None:
            print(text["detected_rating"].format(column=str(rating)))
        elif auto_rating:
            print(text["no_rating_found"])
    if rating is not None:
        _check_rating(frame[rating], rating, text)
    if args.task == "evaluasi":  # a why-not question read as course feedback: said in words, with what to use instead
        from .analysis.run import looks_like_why_not

        for column in texts:
            if looks_like_why_not(column):
                print(text["notice"].format(message=text["why_not_column"].format(column=str(column))), file=sys.stderr)
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


def _check_output(output: Path, names: list[str], text: dict[str, str]) -> None:
    """Before any work: ``output`` is a folder, or can be made in a folder that this process can
    write to (it is not made here: an input error leaves no empty folder behind), and none of the
    files to write is a folder."""
    import errno
    import tempfile

    if output.exists() and not output.is_dir():
        raise InputError(text["output_is_file"].format(path=output))
    existing = output
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    try:
        if not existing.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(existing))
        with tempfile.TemporaryFile(dir=existing):  # the one sure test (os.access says yes to root)
            pass
    except OSError as error:
        reason = text.get(f"os_{errno.errorcode.get(error.errno or 0, '')}") or error.strerror or error
        raise InputError(text["output_unusable"].format(path=output, reason=reason)) from None
    for name in names:
        if (output / name).is_dir():
            raise InputError(text["output_name_is_folder"].format(path=output / name))


def _run_analysis(args: argparse.Namespace, source: Any, output: Path, text: dict[str, str]) -> tuple[int, list[str]]:
    """Analyse ``source`` and write the outputs; returns the exit code and the ``--format`` names written."""
    from ._progress import progress_display
    from .analysis import analyze

    formats = _formats(args.format, text)
    _check_output(output, [OUTPUTS[name] for name in formats], text)
    shown: set[str] = set()  # notices printed, each once (a streamed file is read again by analyze)
    frame = _read(source, args, text, shown)
    chosen = _columns(frame, source, args, text)  # (first: it names another sheet that holds the answers)
    if not len(frame):  # a report of zeros would read as a survey nobody answered
        raise InputError(text["no_rows"].format(path=source))
    texts = chosen["text"]
    streamed = _streamed(source, args)
    if not streamed:
        frame = _without_recap_rows(_without_blank_rows(frame, text), texts, chosen["rating"], text)
    data = source if streamed else frame
    # one progress display for the whole run: comments annotated, then topics, themes and each export
    with progress_display(None if streamed else len(frame) * len(texts), enabled=not args.no_progress,
                          lang=args.lang) as display:
        with warnings.catch_warnings(record=True) as caught:  # shown as one line each, not as Python warnings
            warnings.simplefilter("always", UserWarning)
            warnings.filterwarnings("ignore", message="the rating column", category=UserWarning)  # said above
            warnings.filterwarnings("ignore", message="the column .* looks like answers to why", category=UserWarning)
            result = analyze(data, texts[0] if len(texts) == 1 else texts, by=chosen["by"], rating=chosen["rating"],
                             barriers=chosen["barriers"], task=args.task, topics=args.topics, names=args.mask_name,
                             progress=not args.no_progress, chunksize=args.chunksize, lang=args.lang)
        output.mkdir(parents=True, exist_ok=True)
        written, failed = _export(result, output, formats, text)
    _show_warnings(caught, args.lang, text, shown)
    for note in _notes(result):  # in --lang (non-finite ratings, topics fitted on a sample or not at all)
        print(text["notice"].format(message=shorten(note, MAX_MESSAGE_CHARS)), file=sys.stderr)
    for line in written:
        print(line)
    for line in failed.values():
        print(line, file=sys.stderr)
    print(text["done"].format(n=len(result)))
    if os.environ.get("UMPANBALIK_TIMINGS"):  # the benchmarks' stage breakdown (seconds)
        print("waktu: " + ", ".join(f"{k} {v:.2f}" for k, v in display.timings.items()), file=sys.stderr)
    return (1 if failed else 0), [name for name in formats if name not in failed]


def _without_blank_rows(frame: Any, text: dict[str, str]) -> Any:
    """``frame`` without the rows of a file whose every cell is empty (";;" lines an export leaves), with
    a notice: they were counted as respondents who gave a non-answer. ``analyze`` keeps every row of a
    frame it is given; a blank line of a file is no respondent. A table of one column keeps them: an
    empty cell there may be a respondent who left the question blank."""
    import numpy as np
    import pandas as pd

    if frame.shape[1] < 2:
        return frame
    blank = np.ones(len(frame), dtype=bool)
    for _, column in frame.items():
        missing = np.array(column.isna(), dtype=bool)
        if not pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_datetime64_any_dtype(column):
            # (read as text, an empty cell is ""; white space only, as a hand-typed sheet has it)
            missing |= column.map(lambda v: isinstance(v, str) and not v.strip()).to_numpy(dtype=bool, na_value=True)
        blank &= missing
        if not blank.any():
            break
    if not blank.any() or blank.all():  # (a file of blank rows only is said by the "no rows" check)
        return frame
    print(text["notice"].format(message=text["blank_rows"].format(n=int(blank.sum()))), file=sys.stderr)
    return frame[~pd.Series(blank, index=frame.index)]


def _without_recap_rows(frame: Any, texts: list[Any], rating: Any, text: dict[str, str]) -> Any:
    """``frame`` without the rows a hand-made recap adds under the answers ("Rata-rata", "Jumlah" and no
    answer to any open question), with a notice: they were counted as respondents, their label as a
    group ("Angkatan: Rata-rata"). ``analyze`` keeps every row of a frame it is given (it only leaves such
    rows' ratings out); a file's recap is no respondent."""
    from .analysis.run import _summary_rows

    rows, examples = None, []
    for column in texts:
        found, words = _summary_rows(frame, column, rating)
        rows = found if rows is None else rows & found
        examples = examples or words
    if rows is None or not rows.any():
        return frame
    print(text["notice"].format(message=text["recap_rows"].format(
        n=int(rows.sum()), examples=", ".join(f'"{e}"' for e in examples))), file=sys.stderr)
    return frame[~rows]


def _export(result: Any, output: Path, formats: list[str], text: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """Write the chosen outputs into ``output``; one that fails (a table too wide for Excel, a full
    disk) does not stop the others. Returns the lines that name what was written and, per format
    that could not be written, the line that says why (printed once the progress display is closed).
    The HTML report is drawn here while a worker forked for the call (the library's one pool) writes
    the other outputs, so both cores work (Linux; elsewhere one after another)."""
    from . import _parallel
    from ._progress import current_display, progress_display

    parent = os.getpid()

    def write(names: tuple[str, ...]) -> tuple[dict[str, tuple[str, str]], dict[str, float]]:
        if os.getpid() == parent:
            return _write(result, output, list(names), formats, text), {}
        with progress_display(None, enabled=False) as silent:  # a worker: the parent's display is on the terminal
            outcomes = _write(result, output, list(names), formats, text)
        return outcomes, {stage: seconds for stage, seconds in silent.timings.items() if stage != "total"}

    others = tuple(name for name in formats if name != "html")
    groups = [("html",), others] if "html" in formats and others else [tuple(formats)]
    outcomes: dict[str, tuple[str, str]] = {}
    display = current_display()
    for part, timings in _parallel.map_forked(write, groups, _parallel.processes(-1, enough=True, inherit=True)):
        outcomes.update(part)
        if display is not None:
            display.timings.update(timings)
    written = [outcomes[name][1] for name in formats if outcomes[name][0] == "written"]
    failed = {name: outcomes[name][1] for name in formats if outcomes[name][0] == "failed"}
    return written, failed


def _write(result: Any, output: Path, names: list[str], formats: list[str], text: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Each output of ``names`` (of the run's ``formats``): ``("written", line)`` or ``("failed", why)``."""
    writers = {"csv": result.to_csv, "html": result.to_html, "xlsx": result.to_excel}
    outcomes = {}
    for name in names:
        try:
            path = writers[name](output / OUTPUTS[name])
        except (ValueError, TypeError, OSError) as error:
            others = ",".join(n for n in formats if n != name) or "csv"
            outcomes[name] = ("failed", text["not_written"].format(what=text[f"what_{name}"],
                                                                   reason=shorten(str(error), 300).rstrip("."), others=others))
            continue
        outcomes[name] = ("written", text[f"written_{name}"].format(path=path))
    return outcomes


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
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_of(argv)
    with _argparse_words(lang):
        args = _parser(lang).parse_args(argv)
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
        message = error.args[0] if type(error) is KeyError and error.args else str(error)
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
        if args.task == "hambatan" and args.barrier_column is not None:
            raise UsageError(text["task_barrier_column"].format(column=shlex.quote(args.barrier_column)))
        path = _input_path(args.file, text)
        print(text["reading"].format(path=path), file=sys.stderr)
        return _run_analysis(args, path, Path(args.output), text)[0]
    if args.command == "demo":
        from importlib.resources import as_file, files

        with as_file(files("umpanbalik.resources").joinpath("contoh_survei.csv")) as path:
            print(text["demo_intro"].format(path="contoh_survei.csv"))
            args.text_column, args.by, args.rating = ["komentar"], ["instansi", "program", "moda"], "nilai"
            args.barrier_column, args.task, args.topics, args.mask_name, args.no_progress = "alasan_tidak_ikut", "evaluasi", "auto", [], False
            args.chunksize, args.sheet = None, None
            code, written = _run_analysis(args, path, Path(args.output), text)
        if "html" in written:  # not with --format csv,xlsx, nor when the report could not be written
            print(text["demo_open"].format(html=Path(args.output).resolve() / OUTPUTS["html"]))
        return code
    return _preprocess(args, text)


def _preprocess_output(value: str, source: Path, text: dict[str, str]) -> Path:
    """The file ``praproses`` writes: ``value``, or in a folder (one that exists, or a path ending
    with a separator) the input's name with ``_bersih.csv``; a CSV file unless it ends in ``.xlsx``.
    Its folder must exist, unless named as a folder, and be writable (checked before the work); the
    input file itself is refused."""
    output = Path(value)
    folder = value.endswith(tuple(filter(None, (os.sep, os.altsep)))) or output.is_dir()
    if folder:  # made when missing (just before writing), as analyze makes its output folder
        output = output / f"{source.stem}_bersih.csv"
    if output.suffix.lower() in _PREPROCESS_REFUSED:
        raise UsageError(text["pre_output_suffix"].format(path=output))
    if output.exists() and os.path.samefile(output, source):  # (also another name of it: a link, another case)
        raise UsageError(text["pre_same_file"].format(path=output, suggestion=source.with_name(f"{source.stem}_bersih.csv")))
    if not folder and not output.parent.exists():
        raise InputError(text["pre_folder_missing"].format(folder=output.parent))
    _check_output(output.parent, [output.name], text)
    return output


_PREPROCESS_REFUSED = (".xls", ".xlsm", ".xlsb", ".ods", ".tsv")  # formats praproses does not write


def _preprocess(args: argparse.Namespace, text: dict[str, str]) -> int:
    from .analysis.run import _kept_names
    from .preprocessing import Preprocessor
    from .report import write_csv, write_excel

    path = _input_path(args.file, text)
    output = _preprocess_output(args.output, path, text)
    frame = _read(path, args, text)
    column = _column(frame, args.text_column, "--text-column", path, args, text)
    if "teks_bersih" in frame.columns:  # kept, as analyze keeps a column it would overwrite
        kept = _kept_names(["teks_bersih"], frame.columns)["teks_bersih"]
        frame = frame.rename(columns={"teks_bersih": kept})
        column = kept if column == "teks_bersih" else column
        print(text["kept_as"].format(column="teks_bersih", new=kept), file=sys.stderr)
    frame["teks_bersih"] = Preprocessor().transform(frame[column])
    output.parent.mkdir(parents=True, exist_ok=True)
    if output.suffix.lower() == ".xlsx":
        write_excel({"komentar": frame}, output, lang=args.lang)
    else:
        write_csv(frame, output, index=False)
    print(text["pre_done"].format(n=len(frame), path=output))
    return 0


def _notes(result: Any) -> list[str]:
    """The notices of an ``Analysis``, or of every question of a ``MultiAnalysis`` (each once)."""
    if hasattr(result, "notes"):
        return list(result.notes)
    notes: list[str] = []
    for analysis in getattr(result, "questions", {}).values():
        notes += [note for note in getattr(analysis, "notes", []) if note not in notes]
    return notes


if __name__ == "__main__":  # python -m umpanbalik.cli, as python -m umpanbalik
    raise SystemExit(main())
