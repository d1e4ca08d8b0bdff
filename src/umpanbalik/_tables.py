"""Reading survey exports: CSV in the encodings spreadsheets write, and Excel workbooks.

Every cell is read as text (``dtype=str``), so identifiers such as angkatan "01" or NIP keep their
digits; numeric columns (ratings) are converted where they are used.

Workbooks are read by pandas through python-calamine (a reader written in Rust), after
:func:`~umpanbalik._input_files.check_workbook` has checked the archive against the limits: 100,000
rows of a form export are read in 2.4–2.6 s where openpyxl took 10.2–11.8 s (a fresh process, checks included),
the same cells (``tests/test_hostile_files.py`` compares the two). openpyxl still writes the workbooks.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from ._input_files import InputFileError, InputFileWarning, check_input_path, check_workbook
from ._limits import shorten

__all__ = ["read_table", "iter_table", "sample_rows", "sheet_names", "TABLE_SUFFIXES", "SAMPLE_ROWS"]

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods")
_EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")  # workbooks (an .ods is refused with what to do)
_EXCEL_ENGINE = "calamine"  # pandas' reader through python-calamine
#: Rows of a streamed file that its columns are judged by (the open questions, the rating's scale).
SAMPLE_ROWS = 10_000
_SCAN_BLOCK = 1 << 20  # bytes read at a time when a file is checked for its encoding
_FALLBACK = "umpanbalik-cp1252"  # codec error handler: each undecodable byte read as Windows-1252
_INVALID = re.compile("[\udc80-\udcff]")  # bytes that are not UTF-8, as surrogateescape shows them
_VALID_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")  # a character UTF-8 did decode


def _cp1252_byte(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes a decoder could not as Windows-1252 — what Excel on Windows writes — and
    the five bytes Windows-1252 leaves undefined as Latin-1, so that nothing is lost."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error(_FALLBACK, _cp1252_byte)


def _encoding(blocks: Iterable[bytes]) -> tuple[str, str]:
    """The ``(encoding, errors)`` that read a file given as consecutive blocks of bytes.

    UTF-8 (BOM allowed) when every byte sequence is UTF-8; Windows-1252 when no non-ASCII UTF-8
    sequence occurs at all (an Excel export); otherwise a mix — rows pasted together from a UTF-8
    and a Windows-1252 export, say — read as UTF-8 with every other byte read as Windows-1252, so
    both kinds of rows keep their accents, quotes and euro signs.
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="surrogateescape")
    invalid = utf8 = False
    for block in chain(blocks, [None]):  # None: the end, where a cut-off sequence shows
        text = decoder.decode(b"", final=True) if block is None else decoder.decode(block)
        if text.isascii():
            continue
        invalid = invalid or _INVALID.search(text) is not None
        utf8 = utf8 or _VALID_NON_ASCII.search(text) is not None
        if invalid and utf8:
            break
    # fewer than three bytes in all that begin like a BOM (b"\xef") stay buffered even when final
    invalid = invalid or bool(decoder.getstate()[0])
    if not invalid:
        return "utf-8-sig", "strict"
    return ("utf-8-sig" if utf8 else "cp1252"), _FALLBACK


def _decode(raw: bytes) -> str:
    """One cell's bytes as text: UTF-16 when they start with its byte-order mark (a cell copied from a
    "Unicode Text" export read as 'ÿþk\x00a\x00…'), else as :func:`_encoding` reads a file."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", "replace")
    encoding, errors = _encoding([raw])
    return raw.decode(encoding, errors)


_DELIMITERS = ",;\t|"  # the ones read_table promises; on a tie the earlier one is chosen
_SAMPLE_CHARS = 65536  # the start of a CSV file that its delimiter is chosen by
#: Share of the records from the header on that a delimiter must split alike: a one-column file whose
#: answers hold ";" in three of five rows was split on it (and the answers cut) at one half.
_AGREEMENT = 0.8


def _delimiter(sample: str, *, complete: bool = True) -> str:
    """The delimiter of CSV text whose start (the whole text when ``complete``) is ``sample``.

    Each of :data:`_DELIMITERS` splits the sample as the ``csv`` module (and pandas) read it, quotes
    respected, so a line break or a comma inside a quoted answer stays in its cell; the one that makes
    the largest share of the records as wide as the header (:func:`_agreement`) is chosen, if that is
    at least half of all records and :data:`_AGREEMENT` of those from the header on. Otherwise the
    file is one column, read with ",", so that a ";" or "|" inside an answer stays in it — or, when a
    space follows nearly every comma (punctuation that nothing quotes), with the delimiter that splits
    the fewest records, so that a comma stays in it too.
    (``csv.Sniffer``, used before, counts delimiters line by line: it gave up on a ";" export with
    CRLF line ends and a line break in a quoted answer, and "," was used.)
    """
    records = {delimiter: _sample_records(sample, delimiter, complete) for delimiter in _DELIMITERS}
    shares = {delimiter: _agreement(records[delimiter]) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: shares[d][0])  # the first of equal shares
    if shares[best][0] >= 0.5 and shares[best][1] >= _AGREEMENT:
        return best
    # one column. Its commas are punctuation when a space follows nearly every one ("materi bagus, tapi
    # waktu kurang": Excel with Indonesian settings quotes none of them): then read with the delimiter
    # that splits the fewest answers; else with "," (a comma-separated file too broken to agree)
    commas = sample.count(",")
    if commas and sample.count(", ") >= 0.8 * commas:
        return min(_DELIMITERS, key=lambda d: sum(len(record) > 1 for record in records[d]))
    return ","


def _sample_records(sample: str, delimiter: str, complete: bool) -> list[list[str]]:
    """The records of ``sample`` read with ``delimiter``, blank lines left out; without the last one
    when the sample is only the file's start, where it may be cut (inside a quoted answer, say),
    unless it is the only one (the header)."""
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
    records = []
    while True:
        try:
            record = next(reader)
        except (StopIteration, csv.Error):  # csv.Error: a NUL byte before Python 3.11
            break
        if record:
            records.append(record)
    return records if complete or len(records) < 2 else records[:-1]


def _agreement(records: Sequence[list[str]]) -> tuple[float, float]:
    """The share of ``records`` as wide as the header (the first record of more than one field: title
    rows may sit above it), and that share of the records from the header on; fields past the
    header's width count only when they hold something (a delimiter at the end of a row adds a blank
    one). Zeros when no record has more than one field."""
    start = next((i for i, record in enumerate(records) if len(record) > 1), None)
    if start is None:
        return 0.0, 0.0
    width = len(records[start])
    same = sum(len(record) == width or (len(record) > width and not "".join(record[width:]).strip())
               for record in records[start:])
    return same / len(records), same / len(records[start:])


def _skip_blank_lines(sample: str, delimiter: str, title: int = 0) -> bool:
    """Whether pandas may skip blank lines: not in a file of one column, where a blank line is a
    blank answer (what Excel writes for an empty cell), so skipping it would drop a respondent.
    ``title``: the records above the header row (its width, not the title's, tells)."""
    try:
        records = csv.reader(io.StringIO(sample), delimiter=delimiter)
        for _ in range(title):
            next(records, None)
        header = next(records, [])
    except csv.Error:  # a NUL byte before Python 3.11
        return True
    return len(header) != 1


def _wide_encoding(head: bytes) -> str | None:
    """UTF-32 or UTF-16 when the first bytes of a file say so — a byte-order mark (what Excel's
    "Unicode Text" export and Notepad's "Unicode" write), or, without one, NUL bytes in (nearly) every
    other place of mostly-ASCII text; else ``None``."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = head[: len(head) // 2 * 2]
    if len(sample) >= 8 and b"\x00" in sample:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) >= 0.8 * len(odd) and even.count(0) <= 0.05 * len(even):
            return "utf-16-le"
        if even.count(0) >= 0.8 * len(even) and odd.count(0) <= 0.05 * len(odd):
            return "utf-16-be"
    return None


def _file_encoding(path: Path) -> tuple[str, str]:
    """:func:`_encoding` of a file, read block by block so that it is never held in memory; UTF-16
    and UTF-32 files (:func:`_wide_encoding`) are read as such, an odd byte replaced."""
    with path.open("rb") as handle:
        wide = _wide_encoding(handle.read(4096))
        if wide is not None:
            return wide, "replace"
        handle.seek(0)
        return _encoding(iter(lambda: handle.read(_SCAN_BLOCK), b""))


def _csv_options(path: Path) -> dict[str, Any]:
    """The ``pd.read_csv`` options that read a CSV file: its encoding and delimiter, read from it."""
    encoding, errors = _file_encoding(path)
    with path.open("r", encoding=encoding, errors=errors, newline="") as handle:
        sample = handle.read(_SAMPLE_CHARS)
        complete = not handle.read(1)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _delimiter(sample, complete=complete)
    title = _title_lines(sample, delimiter)  # records above the header: "REKAP EVALUASI;;;" from Excel, blank lines
    options = {"sep": delimiter, "dtype": str, "keep_default_na": False, "index_col": False, "engine": "c",
               "skip_blank_lines": _skip_blank_lines(sample, delimiter, title), "encoding": encoding,
               "encoding_errors": errors}
    if title:
        options["skiprows"] = title
    return options


def _title_lines(sample: str, delimiter: str) -> int:
    """How many records at the top of a CSV file lie above its header row (blank ones counted, as
    ``pd.read_csv(skiprows=)`` counts them): a first record that fills at most one field and is a
    title — narrower than the header, or of three words or more over a blank line or over a header of
    three columns or more — before a record among the first ten that names several columns in words
    and that the records after it match field for field, filled (a table); records narrower than half
    the table between them are lines of the title block ("Angkatan;II"). 0 when the first record is the header
    (",komentar" with its index column unnamed, "Saran" over comments holding a comma, a long question
    over answers with a category beside them)."""
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        for _ in range(60):
            records.append(next(reader))
    except (StopIteration, csv.Error):
        pass
    filled = [[cell for cell in row if cell.strip()] for row in records]
    if len(records) < 3 or len(filled[0]) > 1:
        return 0
    width = max(len(cells) for cells in filled[:11])
    for index in range(1, min(11, len(records))):
        cells = filled[index]
        if len(cells) <= 1:
            continue
        header = records[index]
        blank = any(not cells for cells in filled[1:index])
        titled = len(records[0]) < len(header) or _title(" ".join(filled[0]), blank, len(cells), len(cells) == len(header))
        below = [(row, kept) for row, kept in zip(records[index + 1:], filled[index + 1:]) if kept]
        table = _tabular([len(row) == len(header) and len(kept) >= max(2, len(cells) / 2) for row, kept in below],
                         [kept[0] for _, kept in below])
        # (a short first row right over the candidate is the ambiguous case: the candidate may be answers)
        doubtful = not blank and len(" ".join(filled[0]).split()) < 3
        repeated = doubtful and _repeated(dict(enumerate(header)), [row for row, _ in below])
        if titled and table and _header_like(cells, width) and not repeated:
            return index
        if len(cells) >= width / 2:
            return 0
        # narrower than the table: a line of the title block ("Angkatan;II"), as in a sheet
    return 0


def _title(words: str, blank: bool, cells: int, complete: bool) -> bool:
    """Whether a first row that fills one cell names a report over a header of ``cells`` names
    (``complete``: the header fills every field of its row) rather than being a header itself:
    three words or more over a blank row or over a header of three columns or more; of one or two
    words only over a complete header of three or more, and over a blank row or as two words in
    capitals ("REKAP EVALUASI;;;" as Excel pads it; a one-column header "Komentar" or "SARAN" over
    answers stays a header)."""
    n = len(words.split())
    if n >= 3:
        return blank or cells >= 3
    return n >= 1 and cells >= 3 and complete and (blank or (n == 2 and words.isupper()))


def _tabular(rows: list[bool], firsts: list[str]) -> bool:
    """Whether the rows under a header candidate line up with it (each: fills its columns), as a
    table does: four in five of them; a recap row ("Jumlah", "Rata-rata": ``firsts`` holds each
    row's first filled cell) is left out of the count (under a few answers it was the one in five)."""
    counted = [ok for ok, first in zip(rows, firsts) if ok or not SUMMARY_CELL.fullmatch(str(first))]
    return bool(counted) and sum(counted) >= 0.8 * len(counted)


def _repeated(names: dict[int, Any], rows: list[Sequence[Any]]) -> bool:
    """Whether a header candidate's names (column → name) come again as values of their columns below
    it: answers repeat their categories ("materi bagus | Dinas A | Puas" over "… | Dinas A | Puas"),
    a header's names mostly do not (numbers aside: "1 | 2 | 3" numbers the questions over scores).
    Asked only under a short first row with no blank row between (a checkbox column's "Ya" under its
    header "Ya", or a header pasted again, do not undo a clear title)."""
    words = {j: str(v).strip().lower() for j, v in names.items()
             if isinstance(v, str) and v.strip() and not _NUMBER.fullmatch(v.strip())}
    return any(j < len(row) and isinstance(row[j], str) and row[j].strip().lower() == name
               for row in rows for j, name in words.items())


def _header_like(cells: list[str], width: int) -> bool:
    """Cells that name columns: at least two, and half the table's width, each short, none a number
    except questions numbered in order ("No | Nama | 1 | 2 | 3 | Saran": consecutive whole numbers
    beside two names or more; a row of answers holds scores in no such order)."""
    numbers = [c.strip() for c in cells if _NUMBER.fullmatch(c.strip())]
    return (len(cells) >= max(2, width / 2) and all(len(c.split()) <= 10 for c in cells)
            and (not numbers or (len(cells) - len(numbers) >= 2 and _numbered(numbers))))


def _numbered(numbers: list[str]) -> bool:
    """Whether ``numbers`` count on one by one: 1, 2, 3 (or 4, 5, 6; "1.0" as Excel may write a 1)."""
    try:
        values = [float(n.replace(",", ".")) for n in numbers]
    except ValueError:
        return False
    return (len(values) >= 2 and all(v.is_integer() for v in values)
            and all(b == a + 1 for a, b in zip(values, values[1:])))


def sample_rows(path: str | Path, n: int | None = None) -> pd.DataFrame:
    """The first ``n`` rows (default :data:`SAMPLE_ROWS`) of a file, to judge its columns by before it
    is streamed; a column blank in them (a question added to a form later) holds instead the first
    ``n`` answers found further down, so that it is judged by its answers. The rest of the file is read
    only when such a column exists (one more pass), and the rows of such a column no longer line up
    with the others'."""
    n = SAMPLE_ROWS if n is None else n
    rows = iter_table(path, n)
    try:
        sample = next(rows)
        blank = [c for c in sample.columns if not sample[c].astype(str).str.strip().ne("").any()]
        found: dict[Any, list[Any]] = {c: [] for c in blank}
        while blank and len(sample) == n and any(len(values) < n for values in found.values()):
            chunk = next(rows, None)
            if chunk is None:
                break
            for column, values in found.items():
                answered = chunk[column][chunk[column].astype(str).str.strip().ne("")]
                values.extend(answered.iloc[: n - len(values)].tolist())
    finally:
        rows.close()
    later = {column: values for column, values in found.items() if values}
    if later:
        sample = sample.copy()
        for column, values in later.items():
            sample[column] = (values + [""] * len(sample))[: len(sample)]
    return sample


def iter_table(path: str | Path, chunksize: int) -> Iterator[pd.DataFrame]:
    """:func:`read_table` ``chunksize`` rows at a time; the index continues across the chunks.

    A CSV file is streamed (its encoding is checked first in one pass over the bytes), so it is
    never held whole in memory; an Excel sheet is read whole (at most 1,048,576 rows) and then cut.
    At least one chunk is yielded, an empty one for a file of headers only.
    """
    path = Path(path)
    check_input_path(path)
    if path.suffix.lower() in _EXCEL_SUFFIXES:
        frame = read_table(path)
        yield from (frame.iloc[start : start + chunksize] for start in range(0, max(len(frame), 1), chunksize))
        return
    options = _csv_options(path)
    first, long_rows_said = True, False
    renames: dict[Any, str] = {}
    reader, _ = _parsed(path, lambda: pd.read_csv(path, chunksize=chunksize, **options))
    with reader:
        while True:
            chunk, long_rows = _parsed(path, lambda: next(reader, None))
            if long_rows and not long_rows_said:
                long_rows_said = True
                _warn_long_rows(path, options, stacklevel=3)
            if chunk is None:
                break
            if first:
                renames = _check_headers(path, chunk.columns, lambda: _csv_header(path, options))
                _warn_title_rows(path, options.get("skiprows", 0), stacklevel=4)
            first = False
            yield _huge_cells_as_objects(chunk.rename(columns=renames) if renames else chunk)
    if first:  # a file of headers only
        frame = _parsed(path, lambda: pd.read_csv(path, nrows=0, **options))[0]
        yield frame.rename(columns=_check_headers(path, frame.columns, lambda: _csv_header(path, options)))


def sheet_names(path: str | Path) -> list[str]:
    """The names of an Excel file's sheets, in order."""
    path = Path(path)
    check_input_path(path)
    _checked_workbook(path)

    def names() -> list[str]:  # (python-calamine parses an .xls's cells when it opens the file)
        with pd.ExcelFile(path, engine=_EXCEL_ENGINE) as book:
            return [str(name) for name in book.sheet_names]

    with _excel_errors(path):
        return _bounded(names)


def _checked_workbook(path: Path) -> None:
    """:func:`check_workbook`, once per version of the file (the CLI reads a workbook several times)."""
    status = path.stat()
    key = (str(path.resolve()), status.st_mtime_ns, status.st_size)
    if key not in _CHECKED:
        check_workbook(path)
        _CHECKED.clear()  # one entry is enough: the file being read
        _CHECKED.add(key)


_CHECKED: set[tuple[str, int, int]] = set()


@contextmanager
def _excel_errors(path: Path) -> Iterator[None]:
    """A workbook that passed :func:`check_workbook` but fails inside the reader (a damaged member, broken XML)."""
    import zlib
    from xml.etree.ElementTree import ParseError

    from python_calamine import CalamineError

    from ._parallel import ContainedCrash

    try:
        yield
    except (zipfile.BadZipFile, zlib.error, EOFError, ParseError, CalamineError) as error:
        raise InputFileError("damaged", path=path, detail=shorten(str(error), 120)) from None
    except (ContainedCrash, MemoryError) as error:  # the reader's child ended, or ran out of its memory
        detail = str(error) if isinstance(error, ContainedCrash) else f"out of memory: {type(error).__name__} {error}"
        raise InputFileError("reader_stopped", path=path, detail=shorten(detail.strip(), 120)) from None


def _title_rows(frame: pd.DataFrame) -> int:
    """How many rows of the sheet lie above its header row: 0 unless pandas' header row (the sheet's
    first) is blank, or names one column in three words or more over a blank row or over a header of
    three columns or more (a title), and one of the next ten rows names several columns in words, as
    a header does, with the rows under it filled in its columns (a table: "REKAP EVALUASI PELATIHAN
    2024" above it; not a note typed beside one column of comments, nor a long question over its
    answers); rows narrower than half the table before it are lines of the title block ("Angkatan" | "II")."""
    named = [c for c in frame.columns if not (isinstance(c, str) and c.startswith("Unnamed: "))]
    if frame.shape[1] < 2 or len(named) > 1:
        return 0
    top = frame.head(60)
    used = int((top != "").any().sum())  # the columns that hold anything near the top
    blank_above = not named
    for row in range(min(10, len(top))):
        values = top.iloc[row].tolist()
        cells = [v for v in values if isinstance(v, str) and v.strip()]
        if not cells:
            blank_above = True
            continue
        if len(cells) < 2:
            continue
        # a title names the report (three words or more) over a blank row or over a header of three
        # columns or more; a sheet whose first row is blank has its table further down
        titled = not named or _title(str(named[0]), blank_above, len(cells), len(cells) == used)
        if not titled:
            continue  # a line of the title block ("Angkatan" | "II"), or no title at all
        columns = [i for i, v in enumerate(values) if isinstance(v, str) and v.strip()]
        rows_below = list(top.iloc[row + 1:].itertuples(index=False, name=None))
        counts = [sum(isinstance(v, str) and bool(v.strip()) for v in (below[i] for i in columns)) for below in rows_below]
        kept = [(n, below) for n, below in zip(counts, rows_below) if n]
        # rows that fill two of its columns and half of them: a table, not answers with a note
        table = _tabular([n >= max(2, len(columns) / 2) for n, _ in kept],
                         [next((v for v in below if isinstance(v, str) and v.strip()), "") for _, below in kept])
        doubtful = bool(named) and not blank_above and len(str(named[0]).split()) < 3  # (as for a CSV)
        repeated = doubtful and _repeated(dict(enumerate(values)), [below for _, below in kept])
        if table and _header_like(cells, used) and not repeated:
            return row + 1
        if len(cells) >= used / 2:
            return 0
        # narrower than the table: a line of the title block ("Angkatan" | "II" under a blank row)
    return 0


#: A cell that says its row sums the others up ("Jumlah", "Rata-rata:", "TOTAL", "Jumlah Skor", "Nilai Tertinggi").
SUMMARY_CELL = re.compile(r"(?i)\s*(?:(?:jumlah|jml|total|grand total|sub ?total|rata-?rata|rata rata|rerata|average|mean|sum|"
                          r"persentase|nilai|skor)(?:\s+(?:skor|nilai|peserta|responden|keseluruhan|total|akhir|"
                          r"rata-?rata|tertinggi|terendah|maksimum|minimum))?|(?:nilai|skor)?\s*(?:tertinggi|terendah|"
                          r"maksimum|minimum|maks|min))\s*:?\s*")

_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


_Merges = list[tuple[tuple[int, int], tuple[int, int]]]  # ((top, left), (bottom, right)) of each merged range


def _merged_ranges(path: Path, sheet: str | int) -> _Merges:
    """The sheet's merged cells as ((top, left), (bottom, right)), 0-based sheet rows and columns; none
    when the workbook holds no merge (asking the reader costs a second parse of the sheet: 0.7 s for
    100,000 rows) or the sheet says nothing of its merges."""
    from python_calamine import CalamineError, CalamineWorkbook

    if not _may_have_merges(path):
        return []
    book = CalamineWorkbook.from_path(str(path))
    try:
        found = book.get_sheet_by_name(sheet) if isinstance(sheet, str) else book.get_sheet_by_index(sheet)
        return list(found.merged_cell_ranges or [])
    except (CalamineError, AttributeError):  # a sheet that says nothing of its merges: the cells as they are
        return []
    finally:
        book.close()


def _filled_merges(frame: pd.DataFrame, merged: _Merges, skipped: int = 0) -> pd.DataFrame:
    """``frame`` (a sheet read from its first row and column, header on the first row, ``skipped`` rows
    above it not read) with the cells merged down a grouping column (``merged``: :func:`_merged_ranges`)
    given the merged cell's value: a recap that merges "Dinas Kesehatan" over its fifty rows had one row
    of that agency and forty-nine of none. A column is a grouping one when it holds two merges or more
    and its values are short labels; a lone merge (a comment over a few rows) and merges across columns
    (a title over the table) are left as they are."""
    ranges: dict[int, list[tuple[int, int]]] = {}
    for (top, left), (bottom, right) in merged:
        top, bottom = top - skipped, bottom - skipped  # the rows above the header were not read
        if left == right and bottom > top >= 1 and left < frame.shape[1] and top - 1 < len(frame):
            ranges.setdefault(left, []).append((top - 1, min(bottom, len(frame))))  # frame row i is sheet row i + 1
    for column, spans in ranges.items():
        # a grouping column merges its groups (short labels) over their rows; one comment merged over
        # a few rows is one comment, not one per row
        values = frame.iloc[:, column].to_numpy(dtype=object, copy=True)
        labels = [v for v in values if isinstance(v, str) and v.strip()]
        if len(spans) < 2 or not labels or np.median([len(v.split()) for v in labels]) > 4:
            continue
        for start, end in spans:  # one pass over the column, assigned once
            top = values[start]
            block = values[start:end]
            block[(block == "") | pd.isna(block)] = top
        frame.isetitem(column, pd.Series(values, index=frame.index, dtype=frame.dtypes.iloc[column]))
    return frame


def _may_have_merges(path: Path) -> bool:
    """Whether a workbook may hold merged cells: an .xlsx whose sheets' XML has no ``<mergeCell``
    has none (the XML is scanned in blocks, 0.15 s for 100,000 rows); an .xls may."""
    if not zipfile.is_zipfile(path):
        return True
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            with archive.open(name) as member:
                tail = b""
                while block := member.read(1 << 20):
                    if b"<mergeCell" in tail + block:
                        return True
                    tail = block[-16:]
    return False


def default_sheet(path: str | Path) -> str | int:
    """The sheet :func:`read_table` reads when none is named: the first one Excel shows."""
    path = Path(path)
    _checked_workbook(path)
    with _excel_errors(path):
        return _bounded(lambda: _first_visible_sheet(path))[0]


def _first_visible_sheet(path: Path) -> tuple[str | int, list[str]]:
    """The first sheet that Excel shows, and the names of the hidden sheets before it (0 and none when
    every sheet is hidden, or the file says nothing of it)."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    book = CalamineWorkbook.from_path(str(path))
    try:
        hidden = []
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:  # a chart sheet holds no cells
                continue
            if meta.visible == SheetVisibleEnum.Visible:
                return meta.name, hidden
            hidden.append(meta.name)
    finally:
        book.close()
    return 0, []


def read_table(path: str | Path, *, sheet: str | int | None = None, nrows: int | None = None) -> pd.DataFrame:
    """A CSV (UTF-8, UTF-8 with BOM, Windows-1252 or rows of both; comma, semicolon, tab or pipe) or Excel file
    as a DataFrame of strings (blank cells are ``""``); ``sheet``: an Excel sheet's name or 0-based
    position (default: the first sheet Excel shows, with a warning that names hidden sheets before it); ``nrows``: read only that many rows of an Excel sheet.

    Raises :class:`~umpanbalik._input_files.InputFileError` for a file that cannot be read (with the
    line and the likely cause for a CSV that cannot be parsed) and for a header row that holds a
    name twice; warns (:class:`~umpanbalik._input_files.InputFileWarning`) naming the lines of a
    CSV whose fields beyond the header's were dropped."""
    path = Path(path)
    check_input_path(path)
    if path.suffix.lower() in _EXCEL_SUFFIXES:
        _checked_workbook(path)
        options = {"sheet_name": 0 if sheet is None else sheet, "dtype": str, "keep_default_na": False, "engine": _EXCEL_ENGINE}
        with _excel_errors(path):
            def read() -> tuple[pd.DataFrame, str | int, list[str], int]:
                # the first sheet Excel shows: a hidden one before it (a pilot, a lookup list) is not the data
                chosen, hidden = _first_visible_sheet(path) if sheet is None else (sheet, [])
                probe = None if nrows is None else max(nrows, 60)  # enough rows to see a title above the header
                merged = _merged_ranges(path, chosen)
                frame = _filled_merges(pd.read_excel(path, nrows=probe, **{**options, "sheet_name": chosen}), merged)
                skipped = _title_rows(frame)  # (merged groups filled: the rows under a header fill its columns)
                if skipped:  # a title above the table: the header is further down
                    frame = pd.read_excel(path, nrows=nrows, skiprows=skipped, **{**options, "sheet_name": chosen})
                    frame = _filled_merges(frame, merged, skipped)
                elif nrows is not None:
                    frame = frame.iloc[:nrows]
                return _without_blank_columns(frame), chosen, hidden, skipped

            # one child process reads the sheet list and the sheet
            frame, options["sheet_name"], hidden, skipped = _bounded(read)
            if hidden:
                warnings.warn(InputFileWarning("hidden_sheets", path=path, sheet=options["sheet_name"],
                                               hidden=", ".join(map(repr, hidden))), stacklevel=2)
            if skipped:
                options["skiprows"] = skipped
            _warn_title_rows(path, skipped, stacklevel=3)
            frame = frame.rename(columns=_check_headers(path, frame.columns, lambda: _excel_header(path, options)))
        return frame
    # Read by pandas from the file (not from one decoded string, which cost five times the file in
    # memory). index_col=False: rows that end with a delimiter the header lacks ("materi bagus,5,")
    # would otherwise make pandas take the first column as the index and shift every cell one column left.
    options = _csv_options(path)
    frame, long_rows = _parsed(path, lambda: pd.read_csv(path, **options))
    if long_rows:
        _warn_long_rows(path, options, stacklevel=3)
    frame = frame.rename(columns=_check_headers(path, frame.columns, lambda: _csv_header(path, options)))
    _warn_title_rows(path, options.get("skiprows", 0), stacklevel=3)
    return _huge_cells_as_objects(frame)


_T = TypeVar("_T")
_LONG_ROWS = "Length of header or names does not match length of data"  # pandas' ParserWarning, index_col=False


def _parsed(path: Path, read: Callable[[], _T]) -> tuple[_T, bool]:
    """``read()`` (pandas reading the CSV file ``path``), and whether pandas warned that rows have
    more fields than the header (it drops the extra ones). Its errors become :class:`InputFileError`
    that say what to do; its other warnings pass on."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = read()
        except pd.errors.EmptyDataError:
            raise InputFileError("empty" if path.stat().st_size == 0 else "no_header", path=path) from None
        except pd.errors.ParserError as error:
            raise _parser_error(path, error) from None
    long_rows = False
    for warning in caught:
        if issubclass(warning.category, pd.errors.ParserWarning) and _LONG_ROWS in str(warning.message):
            long_rows = True
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno,
                                   source=warning.source)
    return value, long_rows


def _parser_error(path: Path, error: Exception) -> InputFileError:
    text = str(error)
    fields = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", text)
    if fields:
        expected, line, saw = map(int, fields.groups())
        return InputFileError("csv_fields", path=path, line=line, expected=expected, saw=saw)
    quote = re.search(r"EOF inside string starting at row (\d+)", text)
    if quote:  # pandas counts these rows from 0
        return InputFileError("csv_open_quote", path=path, line=int(quote.group(1)) + 1)
    return InputFileError("csv_unparsable", path=path, detail=shorten(text.strip(), 120))


@contextmanager
def _any_field_size() -> Iterator[None]:
    """The ``csv`` module with no limit on a field's length (131,072 characters by default; one
    answer may be longer), restored after."""
    previous = csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _csv_rows(path: Path, options: dict[str, Any]) -> Iterator[tuple[int, list[str]]]:
    """The records of a CSV file read by the ``csv`` module as pandas reads it, each with the line it
    starts on (from 1); blank lines are left out where pandas skips them."""
    with _any_field_size(), path.open("r", encoding=options["encoding"], errors=options["encoding_errors"],
                                     newline="") as handle:
        reader = csv.reader(handle, delimiter=options["sep"])
        title = options.get("skiprows", 0)  # records above the header row, which pandas skips too
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except (StopIteration, csv.Error):
                return
            if title:
                title -= 1
            elif row or not options["skip_blank_lines"]:
                yield line, row


def _csv_header(path: Path, options: dict[str, Any]) -> list[str]:
    with closing(_csv_rows(path, options)) as rows:
        return next(rows, (0, []))[1]


def _without_blank_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without the sheet's columns that have neither a header nor a value ("Unnamed: 7" and
    blank): spacer columns, and the thousands of columns before a value typed far to the right (one
    value at column 65,536 of an .xls made a table of 65,536 columns, which the analysis then worked
    through for minutes)."""
    unnamed = [c for c in frame.columns if isinstance(c, str) and c.startswith("Unnamed: ")]
    if not unnamed:
        return frame
    blank = frame[unnamed].eq("").all()
    return frame.drop(columns=blank.index[blank.to_numpy()]) if blank.any() else frame


def _bounded(read: Callable[[], _T]) -> _T:
    """``read()`` (python-calamine at work) in a child process bounded by MAX_READER_BYTES: a workbook
    that makes the reader fail ends the child, not this process."""
    from ._input_files import MAX_READER_BYTES
    from ._parallel import contained

    return contained(read, memory=MAX_READER_BYTES)


def _excel_header(path: Path, options: dict[str, Any]) -> list[str]:
    first = _bounded(lambda: pd.read_excel(path, header=None, nrows=1, **options))
    return [] if first.empty else first.iloc[0].tolist()


def _warn_title_rows(path: Path, skipped: int, stacklevel: int) -> None:
    """The :class:`InputFileWarning` that names the header row found under ``skipped`` rows (none when 0)."""
    if skipped:
        warnings.warn(InputFileWarning("title_rows", path=path, n=skipped, row=skipped + 1), stacklevel=stacklevel)


_SHOWN_LINES = 10


def _warn_long_rows(path: Path, options: dict[str, Any], stacklevel: int) -> None:
    """One :class:`InputFileWarning` naming the rows whose fields beyond the header (which pandas
    dropped) hold something; none when they are all blank (a delimiter at the end of each row)."""
    with closing(_csv_rows(path, options)) as rows:
        width = len(next(rows, (0, []))[1])
        lines = [line for line, row in rows if len(row) > width and any(field.strip() for field in row[width:])]
    if lines:
        shown = ", ".join(map(str, lines[:_SHOWN_LINES])) + (", …" if len(lines) > _SHOWN_LINES else "")
        warnings.warn(InputFileWarning("extra_fields", path=path, n=len(lines), lines=shown, width=width),
                      stacklevel=stacklevel)


_RENAMED_COPY = re.compile(r"(.+)\.\d+")  # pandas' name for a repeated header: komentar, komentar.1, komentar.2


def _check_headers(path: Path, columns: Sequence[Any], header: Callable[[], list[Any]]) -> dict[Any, str]:
    """How to rename the copies of a header the header row (``header()``, read only when pandas may
    have renamed a copy) holds more than once: pandas names them ``komentar.1``, which no user types;
    they become ``komentar (2)``, with a warning that names them (a form that asks "Saran untuk
    narasumber" once per speaker could not be read at all). Empty when no header repeats."""
    names = {str(c) for c in columns}
    if not any((match := _RENAMED_COPY.fullmatch(str(c))) and match.group(1) in names for c in columns):
        return {}
    row = [str(name) for name in header()]
    written = set(row)
    renames: dict[Any, str] = {}
    for name, n in Counter(name for name in row if name.strip()).items():
        for copy in range(1, n):
            old = next((c for c in columns if str(c) == f"{name}.{copy}"), None)
            if old is None or f"{name}.{copy}" in written:  # a header written so, not pandas' copy
                continue
            new = f"{name} ({copy + 1})"
            while new in names or new in written:
                new += "'"
            renames[old] = new
    if renames:
        described = "; ".join(f"{shorten(str(new), 60)!r}" for new in list(renames.values())[:10])
        warnings.warn(InputFileWarning("duplicate_headers", path=path, columns=described), stacklevel=3)
    return renames


_HUGE_CELL = 1_000_000  # characters


def _huge_cells_as_objects(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each string column that holds a cell of over a million characters stored as
    Python objects: every filter, sort or sample of an Arrow-backed column copies the cells it keeps,
    which made one 200 MB comment cost gigabytes later on. Other columns keep their compact strings."""
    for position in range(frame.shape[1]):
        values = frame.iloc[:, position]
        if isinstance(values.dtype, pd.StringDtype) and len(values) and values.str.len().max() > _HUGE_CELL:
            frame.isetitem(position, values.astype(object))
    return frame
