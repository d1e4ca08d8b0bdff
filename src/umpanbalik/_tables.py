"""Reading survey exports: CSV in the encodings spreadsheets write, and Excel workbooks.

Every cell is read as text (``dtype=str``), so identifiers such as angkatan "01" or NIP keep their
digits; numeric columns (ratings) are converted where they are used.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

__all__ = ["read_table", "iter_table", "TABLE_SUFFIXES"]

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls")
_EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
_SCAN_BLOCK = 1 << 20  # bytes read at a time when a file is checked for its encoding
_ENCODINGS = ("utf-8-sig", "cp1252")  # utf-8-sig also reads plain UTF-8; cp1252 is what Excel on Windows writes


def _decode(raw: bytes) -> str:
    for encoding in _ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")  # every byte sequence is valid latin-1: nothing is lost


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _file_encoding(path: Path) -> str:
    """The first of UTF-8 (BOM allowed), Windows-1252 and Latin-1 that decodes the whole file,
    checked block by block so that the file is never held in memory."""
    import codecs

    for encoding in _ENCODINGS:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as handle:
                while block := handle.read(_SCAN_BLOCK):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
    return "latin-1"


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
    encoding = _file_encoding(path)
    with path.open("r", encoding=encoding, newline="") as handle:
        sample = handle.read(65536)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _delimiter(sample)
    options = {"sep": delimiter, "dtype": str, "keep_default_na": False, "engine": "c", "encoding": encoding}
    empty = True
    with pd.read_csv(path, chunksize=chunksize, **options) as reader:
        for chunk in reader:
            empty = False
            yield chunk
    if empty:
        yield pd.read_csv(path, nrows=0, **options)


def read_table(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """A CSV (UTF-8, UTF-8 with BOM or Windows-1252; comma, semicolon, tab or pipe) or Excel file
    as a DataFrame of strings (blank cells are ``""``)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"file not found: {path}")
    suffix = path.suffix.lower()
    if suffix in _EXCEL_SUFFIXES:
        frame = pd.read_excel(path, sheet_name=sheet or 0, dtype=str, keep_default_na=False, engine=None)
        return frame
    text = _decode(path.read_bytes())
    delimiter = "\t" if suffix == ".tsv" else _delimiter(text[:65536])
    return pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, engine="c")
