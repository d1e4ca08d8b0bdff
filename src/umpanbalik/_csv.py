"""Writing a table as CSV in memory that does not grow with its largest cell.

Python's ``csv`` module (which pandas uses) builds each row in a buffer of four bytes per
character, then copies it twice more: one 200 MB comment cost about 1.4 GB to write. Cells longer
than :data:`BIG_CELL_CHARS` are therefore written apart: pandas writes the table with a short
placeholder in their place, and the placeholders are then replaced, while the file is copied line
by line, by the cells themselves, quoted as the ``csv`` module quotes (``"`` doubled, the field in
quotes) and written a megabyte at a time.
"""
from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["write_table", "BIG_CELL_CHARS"]

BIG_CELL_CHARS = 1_000_000
_PIECE = 1 << 20


def write_table(table: pd.DataFrame, path: Path, **options: Any) -> None:
    """``table.to_csv(path, **options)`` (``encoding`` and ``lineterminator`` given by the caller),
    with cells above :data:`BIG_CELL_CHARS` characters streamed; the file is the same either way."""
    big: dict[str, str] = {}
    token = "UMPANBALIKBIG" + secrets.token_hex(8)
    for position in range(table.shape[1]):
        values = table.iloc[:, position]
        if values.dtype != object and not pd.api.types.is_string_dtype(values.dtype):
            continue
        long_rows = [i for i, v in enumerate(values.to_numpy(dtype=object)) if isinstance(v, str) and len(v) > BIG_CELL_CHARS]
        if long_rows:
            if not big:
                table = table.copy()
            column = table.iloc[:, position].to_numpy(dtype=object).copy()
            for row in long_rows:
                placeholder = f"{token}N{len(big)}Z"
                big[placeholder] = column[row]
                column[row] = placeholder
            table.isetitem(position, pd.Series(column, index=table.index, dtype=object))
    if not big:
        table.to_csv(path, **options)
        return
    small = path.with_name(path.name + ".kecil")
    try:
        table.to_csv(small, **options)
        _substitute(small, path, big, token, options.get("encoding", "utf-8"), options.get("sep", ","))
    finally:
        small.unlink(missing_ok=True)


def _substitute(source: Path, target: Path, big: dict[str, str], token: str, encoding: str, separator: str) -> None:
    """Copy ``source`` to ``target``, each placeholder replaced by its cell, quoted as needed."""
    import re

    placeholder = re.compile(re.escape(token) + r"N\d+Z")
    # "utf-8-sig" drops the byte-order mark when reading and writes it again
    with source.open("r", encoding=encoding, newline="") as reader, target.open("w", encoding=encoding, newline="") as writer:
        for line in reader:
            if token not in line:
                writer.write(line)
                continue
            position = 0
            for match in placeholder.finditer(line):
                writer.write(line[position : match.start()])
                _write_cell(writer, big[match.group(0)], separator)
                position = match.end()
            writer.write(line[position:])


def _write_cell(writer: Any, cell: str, separator: str) -> None:
    """The cell as ``csv`` writes it (QUOTE_MINIMAL): in quotes, with ``"`` doubled, when it holds a
    quote, the separator or a line break; a megabyte at a time."""
    quoted = any(mark in cell for mark in ('"', separator, "\r", "\n"))
    if quoted:
        writer.write('"')
    for start in range(0, len(cell), _PIECE):
        piece = cell[start : start + _PIECE]
        writer.write(piece.replace('"', '""') if quoted else piece)
    if quoted:
        writer.write('"')
