"""Checks on an input file before it is read: a clear message for what cannot be read, and bounds;
and the messages for what goes wrong while a CSV file is read (:mod:`umpanbalik._tables`).

A folder, a FIFO, a password-protected workbook, a workbook cut short, a CSV file
renamed ``.xlsx``: each gets a message that says what the file is and what to do, in Indonesian or
English (:class:`InputFileError`), instead of a traceback from deep inside a reader. An .xlsx is
a ZIP archive of XML: one of 601 KB can unpack to gigabytes, so its unpacked size
(:data:`MAX_WORKBOOK_BYTES`) and the length of any one cell (:data:`MAX_CELL_BYTES`) are checked
from the archive before it is read, and the reader runs bounded (:data:`MAX_READER_BYTES`).
"""
from __future__ import annotations

import re
import stat
import zipfile
import zlib
from pathlib import Path
from typing import Any

from ._limits import shorten

__all__ = ["InputFileError", "InputFileWarning", "check_input_path", "check_workbook", "MAX_WORKBOOK_BYTES", "MAX_CELL_BYTES",
           "MAX_READER_BYTES"]

#: Bytes a workbook may unpack to (its XML): about ten times a 100,000-row survey export. A larger
#: export reads faster, and in bounded memory, as CSV (``chunksize``).
MAX_WORKBOOK_BYTES = 256 * 2**20
#: Bytes of text between two XML tags of a workbook — one cell, or one run of formatted text in it.
#: Excel holds at most 32,767 characters in a cell (at most about 200 KB of escaped UTF-8).
MAX_CELL_BYTES = 2**20
#: Memory (address space) the workbook reader may take beyond the process that asks for the table.
#: python-calamine lays a sheet out as one grid, from A1 to its farthest value: one value typed at
#: XFD1048576 in a 2 KB file asks for 17 billion cells, and a failed allocation aborts the process.
#: The reader therefore runs in a child process (Linux) bounded by this much (a 100,000-row export
#: of nine questions takes about 0.3 GB); when it fails, only the child ends.
MAX_READER_BYTES = 6 * 2**30

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a Compound File: old .xls, or an encrypted .xlsx
# An encrypted .xlsx holds a stream named EncryptedPackage; a password-protected .xls has a FILEPASS
# record (0x002F) right after its workbook's BOF record (0x0809: BIFF8, 16 bytes; BIFF5, 8 bytes).
# Read through pandas, python-calamine calls an RC4-encrypted .xls an unknown format and reads
# XOR-obfuscated cells as if they were text.
_ENCRYPTED = re.compile(re.escape("EncryptedPackage".encode("utf-16-le"))
                        + rb"|\x09\x08\x10\x00\x00\x06\x05\x00.{12}\x2f\x00|\x09\x08\x08\x00\x00\x05\x05\x00.{4}\x2f\x00",
                        re.DOTALL)
_ENCRYPTED_SPAN = 32  # the longest match of _ENCRYPTED
_BLOCK = 1 << 20

_MESSAGES = {
    "en": {
        "folder": "{path} is a folder, not a file: give the path of a CSV or XLSX file in it.",
        "not_regular": "{path} is not a regular file (a FIFO, a socket or a device): save the export as a CSV or XLSX "
                       "file and give its path.",
        "empty": "{path} is empty (0 bytes): export the survey again.",
        "encrypted": "{path} is protected by a password (an encrypted workbook), which umpanbalik cannot open. Open it "
                     "in Excel, remove the password (File > Info > Protect Workbook) and save it, or save the sheet as CSV.",
        "damaged": "{path} is not a complete workbook: the file is cut short or damaged ({detail}). Download or "
                   "export it again.",
        "not_workbook": "{path} is not a workbook umpanbalik reads (XLSX or XLS: {detail}). Save the sheet as .xlsx "
                        "or CSV.",
        "ods": "{path} is an OpenDocument spreadsheet (LibreOffice .ods), which umpanbalik does not read. Open it in "
               "LibreOffice and save it as .xlsx (File > Save As > Excel 2007-365) or CSV.",
        "too_big_xls": "{path} is {size} bytes, more than the {limit} umpanbalik reads from a workbook. Save the sheet "
                       "as CSV, which is read in bounded memory (chunksize=, or --chunksize).",
        "csv_as_xlsx": "{path} is a text (CSV) file with an Excel name: rename it to .csv and run again.",
        "too_big": "{path} unpacks to {size} bytes, more than the {limit} umpanbalik reads from a workbook. Save "
                   "the sheet as CSV, which is read in bounded memory (chunksize=, or --chunksize).",
        "reader_stopped": "{path} could not be read: the workbook reader stopped on it ({detail}). A value typed far "
                          "below or to the right of the table makes a sheet a grid of billions of cells: delete the "
                          "rows and columns after the table (or copy the table to a new sheet) and save, or save the "
                          "sheet as CSV.",
        "cell_too_long": "{path} holds a cell of more than {limit} bytes ({member}), where Excel holds at most 32,767 "
                         "characters: the file was not written by a spreadsheet, or it is damaged. Save the sheet as CSV "
                         "if that text is wanted.",
        "no_header": "{path} holds no table: it has no header row, only blank lines. Export the survey again.",
        "csv_fields": "{path}: line {line} has {saw} fields where the lines before it have {expected}. Usually a title "
                      "or notes row sits above the header row (delete the rows above the header, so that the column "
                      "headers are the first line), or an answer holds the delimiter (e.g. a comma) without quotes "
                      "(fix line {line}, or export the survey again). Then save the file as CSV and run again.",
        "csv_open_quote": "{path}: a quote (\") opened on line {line} is never closed, so the rest of the file would be "
                          "one answer. Fix the quotes on that line, or export the survey again.",
        "csv_unparsable": "{path} cannot be read as CSV ({detail}). Open it in a spreadsheet and save it as CSV again, "
                          "or export the survey again.",
        "duplicate_headers": "{path} has the same column header more than once; the later copies are read as {columns} "
                             "(name them so, e.g. with --text-column).",
        "title_rows": "{path}: the header row is row {row}; the {n} row(s) above it (a title, or blank rows) were skipped.",
        "hidden_sheets": "{path}: the first sheet shown in Excel, {sheet!r}, was read; hidden sheets before it ({hidden}) "
                         "were not. Name a sheet to read another (--sheet, or sheet= in Python).",
        "extra_fields": "{path}: {n} row(s) have more fields than the header row's {width}, on line(s) {lines}; the "
                        "extra fields at the end of those rows were ignored. If the first line is not the header row "
                        "(e.g. a title above the table), delete the rows above the header; if an answer holds the "
                        "delimiter (e.g. a comma), put the answer in quotes.",
    },
    "id": {
        "folder": "{path} adalah folder, bukan file: berikan path file CSV atau XLSX di dalamnya.",
        "not_regular": "{path} bukan file biasa (FIFO, soket, atau perangkat): simpan ekspornya sebagai file CSV atau "
                       "XLSX lalu berikan path-nya.",
        "empty": "{path} kosong (0 bita): ekspor ulang surveinya.",
        "encrypted": "{path} dilindungi kata sandi (buku kerja terenkripsi), yang tidak dapat dibuka umpanbalik. Buka "
                     "di Excel, hapus kata sandinya (File > Info > Protect Workbook) lalu simpan, atau simpan lembarnya "
                     "sebagai CSV.",
        "damaged": "{path} bukan buku kerja yang utuh: file terpotong atau rusak ({detail}). Unduh atau ekspor "
                   "ulang.",
        "not_workbook": "{path} bukan buku kerja yang dibaca umpanbalik (XLSX atau XLS: {detail}). Simpan lembarnya "
                        "sebagai .xlsx atau CSV.",
        "ods": "{path} adalah lembar kerja OpenDocument (LibreOffice .ods), yang tidak dibaca umpanbalik. Buka di "
               "LibreOffice lalu simpan sebagai .xlsx (File > Save As > Excel 2007-365) atau CSV.",
        "too_big_xls": "{path} berukuran {size} bita, melebihi batas {limit} bita yang dibaca umpanbalik dari buku "
                       "kerja. Simpan lembarnya sebagai CSV, yang dibaca dengan memori terbatas (chunksize= atau "
                       "--chunksize).",
        "csv_as_xlsx": "{path} adalah file teks (CSV) dengan nama Excel: ganti ekstensinya menjadi .csv lalu jalankan "
                       "lagi.",
        "too_big": "{path} berisi {size} bita setelah dibuka, melebihi batas {limit} bita yang dibaca umpanbalik "
                   "dari buku kerja. Simpan lembarnya sebagai CSV, yang dibaca dengan memori terbatas (chunksize= atau "
                   "--chunksize).",
        "reader_stopped": "{path} tidak dapat dibaca: pembaca buku kerja berhenti padanya ({detail}). Isian yang "
                          "diketik jauh di bawah atau di kanan tabel menjadikan lembarnya kisi bermiliar sel: hapus "
                          "baris dan kolom setelah tabel (atau salin tabelnya ke lembar baru) lalu simpan, atau simpan "
                          "lembarnya sebagai CSV.",
        "cell_too_long": "{path} memuat sel lebih dari {limit} bita ({member}), padahal Excel menampung paling banyak "
                         "32.767 karakter: file ini tidak dibuat oleh program lembar kerja, atau rusak. Simpan lembarnya "
                         "sebagai CSV bila teks itu diperlukan.",
        "no_header": "{path} tidak berisi tabel: tidak ada baris judul kolom, hanya baris kosong. Ekspor ulang "
                     "surveinya.",
        "csv_fields": "{path}: baris {line} berisi {saw} kolom, padahal baris-baris sebelumnya berisi {expected}. "
                      "Biasanya ada baris judul atau catatan di atas baris judul kolom (hapus baris-baris di atas judul "
                      "kolom, sehingga judul kolom ada di baris pertama), atau sebuah jawaban memuat pemisah kolom (mis. "
                      "koma) tanpa tanda kutip (perbaiki baris {line}, atau ekspor ulang surveinya). Lalu simpan lagi "
                      "sebagai CSV dan jalankan lagi.",
        "csv_open_quote": "{path}: tanda kutip (\") yang dibuka di baris {line} tidak pernah ditutup, sehingga sisa file "
                          "akan terbaca sebagai satu jawaban. Perbaiki tanda kutip di baris itu, atau ekspor ulang "
                          "surveinya.",
        "csv_unparsable": "{path} tidak dapat dibaca sebagai CSV ({detail}). Buka di program lembar kerja lalu simpan "
                          "lagi sebagai CSV, atau ekspor ulang surveinya.",
        "duplicate_headers": "{path} memuat judul kolom yang sama lebih dari sekali; salinan berikutnya dibaca sebagai "
                             "{columns} (sebut dengan nama itu, mis. dengan --text-column).",
        "title_rows": "{path}: baris judul kolom ada di baris {row}; {n} baris di atasnya (judul, atau baris kosong) dilewati.",
        "hidden_sheets": "{path}: lembar pertama yang tampil di Excel, {sheet!r}, yang dibaca; lembar tersembunyi "
                         "sebelumnya ({hidden}) tidak. Sebut lembar lain untuk membacanya (--sheet, atau sheet= di Python).",
        "extra_fields": "{path}: {n} baris berisi lebih banyak kolom daripada baris judul kolom ({width}), yaitu baris "
                        "{lines}; kolom berlebih di akhir baris itu diabaikan. Bila baris pertama bukan judul kolom (mis. "
                        "judul survei di atas tabel), hapus baris di atas judul kolom; bila sebuah jawaban memuat "
                        "pemisah kolom (mis. koma), apit jawaban itu dengan tanda kutip.",
    },
}


def _message(key: str, values: dict[str, Any], lang: str) -> str:
    from ._i18n import count

    lang = lang if lang in _MESSAGES else "en"
    shown = {k: shorten(str(v), 200) if isinstance(v, (str, Path)) else count(v, lang) if isinstance(v, int) else v
             for k, v in values.items()}
    return _MESSAGES[lang][key].format(**shown)


class _Localized:
    """A message by key and values: ``str()`` is English, :meth:`message` gives Indonesian (``"id"``)
    or English (``"en"``)."""

    def __init__(self, key: str, **values: Any) -> None:
        self.key, self.values = key, values
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return _message(self.key, self.values, lang)


class InputFileError(_Localized, ValueError):
    """An input file that cannot be read, with a message that says why and what to do."""


class InputFileWarning(_Localized, UserWarning):
    """An input file read with a loss the user should know of (fields beyond the header ignored)."""


def check_input_path(path: Path) -> None:
    """Raise ``FileNotFoundError`` for a missing path and :class:`InputFileError` for a folder or for
    anything that is not a regular file (a FIFO would block the reader for ever)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise FileNotFoundError(f"file not found: {path}") from None
    if stat.S_ISDIR(mode):
        raise InputFileError("folder", path=path)
    if not stat.S_ISREG(mode):
        raise InputFileError("not_regular", path=path)


def check_workbook(path: Path) -> None:
    """Raise :class:`InputFileError` unless ``path`` is a workbook within the limits: an XLSX (XLSM) that
    unpacks within them, or an Excel 97-2003 .xls no larger than them."""
    with path.open("rb") as handle:
        head = handle.read(_BLOCK)
    if not head:
        raise InputFileError("empty", path=path)
    if head.startswith(_OLE):  # a Compound File: an old .xls (read), or an encrypted .xlsx
        if _holds(path, _ENCRYPTED, _ENCRYPTED_SPAN):
            raise InputFileError("encrypted", path=path)
        size = path.stat().st_size  # not compressed: the file's size bounds what is read
        if size > MAX_WORKBOOK_BYTES:
            raise InputFileError("too_big_xls", path=path, size=size, limit=MAX_WORKBOOK_BYTES)
        return
    if not head.startswith(b"PK"):
        if _looks_like_text(head):
            raise InputFileError("csv_as_xlsx", path=path)
        raise InputFileError("not_workbook", path=path,
                             detail="neither a ZIP archive, as an .xlsx file is, nor an Excel 97-2003 file")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as error:
        raise InputFileError("damaged", path=path, detail=shorten(str(error), 120)) from None
    with archive:
        members = archive.infolist()
        names = {info.filename for info in members}
        if "xl/workbook.xml" not in names:
            if "content.xml" in names:
                # python-calamine reads .ods too, but drops its line breaks ("satu⏎dua" became "satudua"),
                # and a row repeated a million times in 800 bytes passes the size limits
                raise InputFileError("ods", path=path)
            raise InputFileError("not_workbook", path=path, detail="a ZIP archive without xl/workbook.xml")
        size = sum(info.file_size for info in members)
        if size > MAX_WORKBOOK_BYTES:
            raise InputFileError("too_big", path=path, size=size, limit=MAX_WORKBOOK_BYTES)
        for info in members:
            if info.filename.startswith("xl/") and info.filename.endswith(".xml") and info.file_size > MAX_CELL_BYTES:
                _check_text_runs(path, archive, info)


def _check_text_runs(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Read one XML member a block at a time and fail at the first text longer than MAX_CELL_BYTES."""
    carried = 0  # bytes without "<" at the end of the blocks read so far
    try:
        with archive.open(info) as member:
            for block in iter(lambda: member.read(_BLOCK), b""):
                pieces = block.split(b"<")  # the text between tags (and the tags' insides)
                longest = max(carried + len(pieces[0]), max(map(len, pieces[1:]), default=0))
                if longest > MAX_CELL_BYTES:
                    raise InputFileError("cell_too_long", path=path, limit=MAX_CELL_BYTES, member=info.filename)
                carried = carried + len(block) if len(pieces) == 1 else len(pieces[-1])
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error, NotImplementedError, RuntimeError) as error:
        # (NotImplementedError: a compression method zipfile lacks; RuntimeError: an encrypted member)
        raise InputFileError("damaged", path=path, detail=shorten(str(error), 120)) from None


def _holds(path: Path, pattern: re.Pattern[bytes], span: int) -> bool:
    """Whether the file holds a match of ``pattern`` (no longer than ``span`` bytes), read a block at a time."""
    tail = b""
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_BLOCK), b""):
            if pattern.search(tail + block):
                return True
            tail = block[-(span - 1) :]
    return False


def _looks_like_text(head: bytes) -> bool:
    """Whether the first bytes of a file are text: no NUL byte (UTF-16 aside), mostly printable."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    text = head.decode("utf-8", errors="replace")
    printable = sum(c.isprintable() or c in "\r\n\t" for c in text)
    return printable >= 0.95 * len(text)
