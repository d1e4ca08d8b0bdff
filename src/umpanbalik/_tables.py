"""Reading survey exports: CSV in the encodings spreadsheets write, and Excel workbooks.

Every cell is read as text (``dtype=str``), so identifiers such as angkatan "01" or NIP keep their
digits; numeric columns (ratings) are converted where they are used.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

__all__ = ["read_table", "TABLE_SUFFIXES"]

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls")
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


def read_table(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """A CSV (UTF-8, UTF-8 with BOM or Windows-1252; comma, semicolon, tab or pipe) or Excel file
    as a DataFrame of strings (blank cells are ``""``)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"file not found: {path}")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        frame = pd.read_excel(path, sheet_name=sheet or 0, dtype=str, keep_default_na=False, engine=None)
        return frame
    text = _decode(path.read_bytes())
    delimiter = "\t" if suffix == ".tsv" else _delimiter(text[:65536])
    return pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, engine="c")
