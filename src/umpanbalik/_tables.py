"""Reading survey exports: CSV in the encodings spreadsheets write, and Excel workbooks.

Every cell is read as text (``dtype=str``), so identifiers such as angkatan "01" or NIP keep their
digits; numeric columns (ratings) are converted where they are used.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

import pandas as pd

__all__ = ["read_table", "iter_table", "sheet_names", "TABLE_SUFFIXES"]

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls")
_EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
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
    encoding, errors = _encoding([raw])
    return raw.decode(encoding, errors)


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _skip_blank_lines(sample: str, delimiter: str) -> bool:
    """Whether pandas may skip blank lines: not in a file of one column, where a blank line is a
    blank answer (what Excel writes for an empty cell), so skipping it would drop a respondent."""
    try:
        header = next(csv.reader(io.StringIO(sample), delimiter=delimiter), [])
    except csv.Error:  # a NUL byte before Python 3.11
        return True
    return len(header) != 1


def _file_encoding(path: Path) -> tuple[str, str]:
    """:func:`_encoding` of a file, read block by block so that it is never held in memory."""
    with path.open("rb") as handle:
        return _encoding(iter(lambda: handle.read(_SCAN_BLOCK), b""))


def iter_table(path: str | Path, chunksize: int) -> Iterator[pd.DataFrame]:
    """:func:`read_table` ``chunksize`` rows at a time; the index continues across the chunks.

    A CSV file is streamed (its encoding is checked first in one pass over the bytes), so it is
    never held whole in memory; an Excel sheet is read whole (at most 1,048,576 rows) and then cut.
    At least one chunk is yielded, an empty one for a file of headers only.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"file not found: {path}")
    if path.suffix.lower() in _EXCEL_SUFFIXES:
        frame = read_table(path)
        yield from (frame.iloc[start : start + chunksize] for start in range(0, max(len(frame), 1), chunksize))
        return
    encoding, errors = _file_encoding(path)
    with path.open("r", encoding=encoding, errors=errors, newline="") as handle:
        sample = handle.read(65536)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _delimiter(sample)
    options = {"sep": delimiter, "dtype": str, "keep_default_na": False, "index_col": False, "engine": "c",
               "skip_blank_lines": _skip_blank_lines(sample, delimiter), "encoding": encoding, "encoding_errors": errors}
    empty = True
    with pd.read_csv(path, chunksize=chunksize, **options) as reader:
        for chunk in reader:
            empty = False
            yield chunk
    if empty:
        yield pd.read_csv(path, nrows=0, **options)


def sheet_names(path: str | Path) -> list[str]:
    """The names of an Excel file's sheets, in order."""
    with pd.ExcelFile(path) as book:
        return [str(name) for name in book.sheet_names]


def read_table(path: str | Path, *, sheet: str | int | None = None, nrows: int | None = None) -> pd.DataFrame:
    """A CSV (UTF-8, UTF-8 with BOM, Windows-1252 or rows of both; comma, semicolon, tab or pipe) or Excel file
    as a DataFrame of strings (blank cells are ``""``); ``sheet``: an Excel sheet's name or 0-based
    position (default: the first); ``nrows``: read only that many rows of an Excel sheet."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"file not found: {path}")
    suffix = path.suffix.lower()
    if suffix in _EXCEL_SUFFIXES:
        return pd.read_excel(path, sheet_name=0 if sheet is None else sheet, nrows=nrows, dtype=str, keep_default_na=False,
                             engine=None)
    text = _decode(path.read_bytes())
    delimiter = "\t" if suffix == ".tsv" else _delimiter(text[:65536])
    # index_col=False: rows that end with a delimiter the header lacks ("materi bagus,5,") would
    # otherwise make pandas take the first column as the index and shift every cell one column left
    return pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, index_col=False, engine="c",
                       skip_blank_lines=_skip_blank_lines(text[:65536], delimiter))
