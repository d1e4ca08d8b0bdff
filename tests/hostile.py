"""A shared corpus of hostile and broken comment cells, for any test that takes free text.

Import it from a test module (pytest puts ``tests/`` on ``sys.path``)::

    from hostile import HOSTILE, hostile_values, hostile_series

Every entry is what a real survey export, a careless merge or an attacker can put into a
``komentar`` cell: missing values, numbers, bytes, containers, huge or invisible text, other
scripts, markup and spreadsheet formulas. The functions return fresh objects, so a test may check
that its input was not mutated.
"""
from __future__ import annotations

import json
import math
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "HOSTILE",
    "HOSTILE_NAMES",
    "HUGE_NAMES",
    "FORMULA_PREFIXES",
    "hostile_values",
    "hostile_strings",
    "hostile_series",
    "hostile_datetime_series",
    "empty_series",
    "one_row_series",
    "IDENTIFIERS",
    "NAME_VARIANTS",
    "ORDINARY_NUMBERS",
    "write_workbook",
    "write_cells_workbook",
    "write_ods",
    "write_xls",
    "write_encrypted_workbook",
    "write_password_xls",
    "write_old_xls",
    "write_inflated_model",
]

_MEGABYTE = 1_000_000
_SENTENCE = "materi bagus tapi waktunya kurang, mohon ditambah praktik ya pak 👍 "

#: ``name -> cell value``; names are stable ids for parametrised tests.
HOSTILE: dict[str, object] = {
    # missing and non-text cells
    "none": None,
    "nan": float("nan"),
    "numpy_nan": np.nan,
    "pandas_na": pd.NA,
    "pandas_nat": pd.NaT,
    "int": 42,
    "zero": 0,
    "big_int": 10**40,
    "numpy_int": np.int64(5),
    "float": 4.5,
    "negative_zero": -0.0,
    "infinity": math.inf,
    "decimal": Decimal("3.14"),
    "true": True,
    "false": False,
    "bytes_utf8": "materi sangat bagus – terima kasih 🙏".encode("utf-8"),
    "bytes_cp1252": "materi sangat bagus – terima kasih, narasumber “top”".encode("cp1252"),
    "bytes_garbage": b"\xff\xfe\x00\x81\x8d\x8f\x90\x9d",
    "bytearray": bytearray(b"waktunya kurang"),
    "list": ["materi", "bagus"],
    "dict": {"komentar": "materi bagus"},
    "tuple": ("waktu", "kurang"),
    "set": {"bagus"},
    "numpy_str": np.str_("narasumber interaktif"),
    # empty and blank text
    "empty": "",
    "spaces": "   ",
    "whitespace_mix": " \t\n\r\x0b\x0c\u00a0\u2003\u3000 ",
    # size
    "one_megabyte": (_SENTENCE * (_MEGABYTE // len(_SENTENCE) + 1))[:_MEGABYTE],
    "no_spaces_100k": "materibagusnarasumberinteraktif" * 3_225 + "x" * 25,
    "repeated_word": "bagus " * 20_000,
    "long_word_repeats": "bagu" + "s" * 20_000,
    "laughter": "wk" * 10_000,
    # invisible and control characters
    "control_chars": "materi\x00bagus\x01\x02\x07\x08\x1b[31mmerah\x1b[0m\x7f\x85\x9f selesai",
    "zero_width": "ma\u200bteri\u200c ba\u200dgus\u2060 \ufeffwaktu\u200e\u200f",
    "bom_only": "\ufeff",
    "zero_width_only": "\u200b\u200c\u200d\u2060\ufeff",
    # bidirectional text
    "arabic_rlo": "\u202eمادة جيدة\u202c materi bagus",
    "hebrew_rlo": "\u202eהחומר טוב\u202c waktunya kurang \u2067‏שלום\u2069",
    "rlo_spoof": "materi bagus \u202egnp.exe\u202c",
    # emoji sequences
    "emoji_family": "👨‍👩‍👧‍👦 keluarga senang",
    "emoji_flags": "🇮🇩🇮🇩 merdeka 🏳️‍🌈",
    "emoji_skin_tones": "👍🏽👍🏿🙏🏻 mantap",
    "emoji_only": "😀😃😄😁😆😅🤣😂🙂🙃" * 50,
    "keycap": "1️⃣ materi 2️⃣ waktu #️⃣",
    # other scripts
    "chinese": "培训内容很好，但是时间不够。",
    "thai": "เนื้อหาดีมาก แต่เวลาไม่พอ",
    "javanese_script": "ꦩꦠꦺꦫꦶꦧꦒꦸꦱ꧀ ꦩꦠꦸꦂꦤꦸꦮꦸꦤ꧀",
    "combining_marks": "ba\u0301\u0302\u0303gus ma" + "\u0300" * 200 + "teri",
    "fullwidth": "ＭＡＴＥＲＩ　ＢＡＧＵＳ",
    "math_letters": "𝐦𝐚𝐭𝐞𝐫𝐢 𝖇𝖆𝖌𝖚𝖘",
    # markup
    "html": "<b>Materi</b> <i>bagus</i> &amp; <a href='http://x.id'>link</a>",
    "script": "<script>alert(1)</script>",
    "script_escaped": "&lt;script&gt;alert(document.cookie)&lt;/script&gt;",
    "img_onerror": '<img src=x onerror="alert(1)">materi bagus',
    "unclosed_tag": "<" * 1_000 + "materi",
    # spreadsheet formula injection
    "formula_hyperlink": '=HYPERLINK("http://x","klik")',
    "formula_sum": "=1+1",
    "formula_at": "@SUM(A1)",
    "formula_plus": "+62 812 3456 7890 hubungi saya",
    "formula_minus": "-",
    "formula_dde": "=cmd|' /C calc'!A0",
    "formula_tab": "\t=1+1",
    # invalid and unusual code points
    "lone_surrogates": "materi \ud800 bagus \udfff \udcff",
    "noncharacters": "\ufffe\uffff\ufdd0 waktu \U0010ffff \U0001fffe",
    "replacement_char": "materi \ufffd\ufffd bagus",
    "private_use": "\ue000\uf8ff materi",
    # punctuation only
    "punctuation": "!!!???...,,,;;;---___***///\\\\",
    "ellipsis_dashes": "…—–‒― «» ‹› “” ‘’",
    "emoticons_only": ":) :( :D ^_^ T_T <3 :-P",
}

#: The names of the values that are expensive to process; tests run them once, not in loops.
HUGE_NAMES = ("one_megabyte", "no_spaces_100k", "repeated_word", "long_word_repeats", "laughter")

HOSTILE_NAMES: tuple[str, ...] = tuple(HOSTILE)

FORMULA_PREFIXES = ("=", "+", "-", "@")


def _copy(value: object) -> object:
    if isinstance(value, (list, dict, set, bytearray)):
        return type(value)(value)
    return value


def hostile_values(*, huge: bool = True) -> list[object]:
    """A fresh list of every hostile cell (``huge=False`` leaves out :data:`HUGE_NAMES`)."""
    return [_copy(v) for k, v in HOSTILE.items() if huge or k not in HUGE_NAMES]


def hostile_strings(*, huge: bool = True) -> list[str]:
    """Only the ``str`` cells, for functions that take one string (``normalize_text``)."""
    return [v for v in hostile_values(huge=huge) if isinstance(v, str)]


def _string_index(n: int) -> pd.Index:
    # Duplicated, non-integer, unsorted labels: the index a merge of two exports produces.
    labels = ["b", "a", "a", "responden-7", "", "NaN", "🙂", "a"]
    return pd.Index([labels[i % len(labels)] for i in range(n)], dtype=object)


def hostile_series(*, huge: bool = True) -> pd.Series:
    """The values in an object Series with a duplicated string index and a name."""
    values = hostile_values(huge=huge)
    return pd.Series(values, index=_string_index(len(values)), dtype=object, name="komentar")


def hostile_datetime_series(*, huge: bool = True) -> pd.Series:
    """The values in an object Series indexed by submission times, duplicated and unsorted."""
    values = hostile_values(huge=huge)
    times = pd.to_datetime(["2024-03-01 08:00", "2024-02-29 23:59", "2024-03-01 08:00"])
    index = pd.DatetimeIndex([times[i % len(times)] for i in range(len(values))], name="tanggal")
    return pd.Series(values, index=index, dtype=object, name="komentar")


def empty_series() -> pd.Series:
    """No rows, object dtype, a string index."""
    return pd.Series([], index=pd.Index([], dtype=object), dtype=object, name="komentar")


def one_row_series() -> pd.Series:
    """One row with a non-integer label."""
    return pd.Series(["<script>alert(1)</script> materi bagus"], index=["r-1"], dtype=object, name="komentar")


# -- identifiers as people write them (issue 19) ----------------------------------------------------
#: ``name -> (kind, written form)``: every form must be masked to ``[kind]`` in every export.
IDENTIFIERS: dict[str, tuple[str, str]] = {
    "phone_plain": ("telepon", "081234567890"),
    "phone_spaces": ("telepon", "0812 3456 7890"),
    "phone_dots": ("telepon", "0812.3456.7890"),
    "phone_brackets": ("telepon", "(0812) 3456-7890"),
    "phone_spaced_hyphens": ("telepon", "0812 - 3456 - 7890"),
    "phone_en_dash": ("telepon", "0812\u20133456\u20137890"),
    "phone_em_dash": ("telepon", "0812\u20143456\u20147890"),
    "phone_plus62": ("telepon", "+62 812-3456-7890"),
    "phone_plus62_brackets": ("telepon", "+62 (812) 3456-7890"),
    "phone_plus62_trunk": ("telepon", "+62 (0) 812 3456 7890"),
    "phone_plus62_in_brackets": ("telepon", "(+62) 812 3456 7890"),
    "phone_62": ("telepon", "6281234567890"),
    "phone_landline": ("telepon", "021-5551234"),
    "phone_landline_brackets": ("telepon", "(021) 555 1234"),
    "phone_landline_plus62": ("telepon", "+62 21 5551234"),
    "phone_fullwidth": ("telepon", "\uff10\uff18\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10"),
    "phone_fullwidth_hyphens": ("telepon", "\uff10\uff18\uff11\uff12\uff0d\uff13\uff14\uff15\uff16\uff0d\uff17\uff18\uff19\uff10"),
    "phone_one_digit_at_a_time": ("telepon", "0 8 1 2 3 4 5 6 7 8 9 0"),
    "phone_nbsp_zero_width": ("telepon", "0812\u00a03456\u200b7890"),
    "nip_plain": ("nip", "198501012010011001"),
    "nip_spaces": ("nip", "19850101 201001 1 001"),
    "nip_double_spaces": ("nip", "19850101  201001  1  001"),
    "nip_slashes": ("nip", "19850101/201001/1/001"),
    "nip_underscores": ("nip", "19850101_201001_1_001"),
    "nip_dots": ("nip", "19850101.201001.1.001"),
    "nip_hyphens": ("nip", "19850101-201001-1-001"),
    "nip_mixed": ("nip", "19850101 / 201001-1_001"),
    "nik_plain": ("nik", "3201010101900001"),
    "nik_spaces": ("nik", "3201 0101 0190 0001"),
    "nik_hyphens": ("nik", "3201-0101-0190-0001"),
    "nik_dots": ("nik", "32.01.01.010190.0001"),
    "email_plain": ("email", "budi.santoso@contoh.go.id"),
    "email_spaced_at": ("email", "budi @ gmail.com"),
    "email_fullwidth_at": ("email", "budi\uff20gmail.com"),
    "email_localhost": ("email", "budi@localhost"),
    "email_entity": ("email", "budi&#64;gmail.com"),
    "email_hex_entity": ("email", "budi&#x40;gmail.com"),
    "email_bracket_at": ("email", "budi (at) gmail.com"),
}

#: Ways to write "Budi Santoso" that ``names=["Budi Santoso"]`` must mask.
NAME_VARIANTS: dict[str, str] = {
    "plain": "Budi Santoso",
    "lower": "budi santoso",
    "upper": "BUDI SANTOSO",
    "double_space": "Budi  Santoso",
    "nbsp": "Budi\u00a0Santoso",
    "line_break": "Budi\nSantoso",
    "crlf": "Budi\r\nSantoso",
    "tab": "Budi\tSantoso",
    "zero_width_between": "Budi\u200bSantoso",
    "zero_width_inside": "Bu\u200bdi San\u200dtoso",
    "fullwidth": "\uff22\uff55\uff44\uff49 \uff33\uff41\uff4e\uff54\uff4f\uff53\uff4f",
    "fullwidth_space": "Budi\u3000Santoso",
    "one_fullwidth_letter": "Bud\uff49 Santoso",
}

#: Numbers that ordinary comments hold and that must be left as written.
ORDINARY_NUMBERS: tuple[str, ...] = (
    "angkatan 45 tahun 2019", "pelatihan 2 jam saja", "nilai 4/5", "5 dari 5", "1-2 jam", "Rp 150.000",
    "anggaran Rp 1.500.000.000", "jam 08.00-10.00", "08.00-09.00-10.00", "tgl 12-03-2024", "08/12/2023 10/12/2023",
    "tahun 2019 2020 2021 2022", "pukul 08.00 - 12.00, 13.00 - 15.00", "JP 32 jam", "skala 0-10", "ke-2 dan ke-3",
    "4 5 4 5 4 5 4 5 4 5 4 5 4 5 4 5", "1 2 3 4 5 6 7 8 9 10", "0 1 2 3 4 5 6 7 8 9", "10.000 peserta 2.500 orang",
    "ruang 0274 lantai 2", "kerja @ rumah", "belajar @rumah", "@budi mantap", "=SUM(A1)", "PKA angkatan 03 2023",
)


# -- hostile files (issue 19): written by the tests, small or compressed ------------------------------
_XLSX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                           'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                           'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
                           '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
                           'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxml'
                           'formats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" '
                           'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                           '</Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
                       'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                       'relationships"><sheets><sheet name="Jawaban" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
                                  'formats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                                  'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
                                  'sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/office'
                                  'Document/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
}


def write_workbook(path: Path, comments: list[str], *, huge_cell: int = 0) -> Path:
    """An .xlsx with one sheet: ``komentar`` and the given comments, as a spreadsheet writes it
    (shared strings); ``huge_cell`` adds a last comment of that many bytes, streamed into the
    archive, where it compresses about a thousand to one (a 601 KB workbook held 314 MB)."""
    strings = ["komentar", *comments] + (["HUGE"] if huge_cell else [])
    rows = "".join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>' for i in range(len(strings)))
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
             f'2006/main"><sheetData>{rows}</sheetData></worksheet>')
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in _XLSX_PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                         b'spreadsheetml/2006/main">')
            for text in strings:
                if text == "HUGE" and huge_cell:
                    member.write(b"<si><t>")
                    block = b"materi bagus tapi waktunya kurang ya " * 28_000  # about 1 MB
                    for _ in range(huge_cell // len(block)):
                        member.write(block)
                    member.write(block[: huge_cell % len(block)] + b"</t></si>")
                else:
                    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    member.write(f"<si><t>{escaped}</t></si>".encode())
            member.write(b"</sst>")
    return path


_OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a Compound File, as old .xls and encrypted .xlsx are


def write_cells_workbook(path: Path, cells: dict[str, str | None]) -> Path:
    """An .xlsx whose one sheet holds ``cells`` (reference -> text written inline; ``None``: an empty
    cell with a style, as a spreadsheet writes a formatted blank cell), rows in order."""
    rows: dict[int, list[str]] = {}
    for reference, value in cells.items():
        number = int("".join(ch for ch in reference if ch.isdigit()))
        cell = f'<c r="{reference}" s="0"/>' if value is None else f'<c r="{reference}" t="inlineStr"><is><t>{value}</t></is></c>'
        rows.setdefault(number, []).append(cell)
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
             '2006/main"><sheetData>' + "".join(f'<row r="{n}">{"".join(rows[n])}</row>' for n in sorted(rows))
             + "</sheetData></worksheet>")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in _XLSX_PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
                                                 'openxmlformats.org/spreadsheetml/2006/main"/>')
    return path


def write_ods(path: Path, rows: list[list[Any]]) -> Path:
    """An OpenDocument spreadsheet (.ods, as LibreOffice saves it, its three needed parts) with one sheet
    of ``rows`` (numbers as numbers, anything else as text)."""
    from xml.sax.saxutils import escape

    def cell(value: Any) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'

    body = "".join(f"<table:table-row>{''.join(map(cell, row))}</table:table-row>" for row in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:'
               'opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text='
               '"urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="Jawaban">{body}</table:table></office:spreadsheet></office:body>'
               '</office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                'xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
                'manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")  # first, stored
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return path


def write_xls(path: Path, rows: list[list[Any]]) -> Path:
    """An Excel 97-2003 workbook (.xls, written by xlwt) with one sheet of ``rows``."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Jawaban")
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            sheet.write(i, j, value)
    book.save(str(path))
    return path


def write_password_xls(path: Path, rows: list[list[Any]], *, scheme: str = "rc4") -> Path:
    """An Excel 97-2003 workbook that says it is password-protected: xlwt's records with a FILEPASS
    record (0x002F) after the workbook's BOF, as Excel writes it, for RC4 encryption (``"rc4"``, a
    header of zeros) or XOR obfuscation (``"xor"``); the cells themselves are left as written."""
    import struct

    import xlwt
    from xlwt import CompoundDoc

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Jawaban")
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            sheet.write(i, j, value)
    data = book.get_biff_data()
    payload = struct.pack("<HHH", 1, 1, 1) + bytes(48) if scheme == "rc4" else struct.pack("<HHH", 0, 0x1234, 0x5678)
    filepass = struct.pack("<HH", 0x002F, len(payload)) + payload
    stream, position = bytearray(), 0
    while position < len(data):
        kind, length = struct.unpack_from("<HH", data, position)
        record = bytearray(data[position : position + 4 + length])
        if kind == 0x0085:  # BOUNDSHEET: where its sheet starts in the stream, now further on
            struct.pack_into("<I", record, 4, struct.unpack_from("<I", record, 4)[0] + len(filepass))
        stream += record
        if position == 0:  # the workbook's BOF
            stream += filepass
        position += 4 + length
    CompoundDoc.XlsDoc().save(str(path), bytes(stream))
    return path


def write_encrypted_workbook(path: Path) -> Path:
    """What Excel writes for a password-protected .xlsx: a Compound File holding the streams
    EncryptionInfo and EncryptedPackage (here their directory names only, in UTF-16, as in the file)."""
    directory = "".join(f"{name}\x00" for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage")).encode("utf-16-le")
    path.write_bytes(_OLE_HEADER + b"\x00" * 504 + directory + b"\x00" * 4096)
    return path


def write_old_xls(path: Path) -> Path:
    """An Excel 97-2003 file's beginning: a Compound File with a Workbook stream."""
    directory = "".join(f"{name}\x00" for name in ("Root Entry", "Workbook", "SummaryInformation")).encode("utf-16-le")
    path.write_bytes(_OLE_HEADER + b"\x00" * 504 + directory + b"\x00" * 4096)
    return path


def write_inflated_model(source: Path, path: Path, extra_bytes: int) -> Path:
    """A genuine saved model whose schema.json is padded with ``extra_bytes`` of JSON text: the file
    stays small (the padding compresses a thousand to one) and unpacks to ``extra_bytes`` more."""
    with zipfile.ZipFile(source) as original:
        members = {name: original.read(name) for name in original.namelist()}
    schema = json.dumps(json.loads(members.pop("schema.json"))).encode()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        with archive.open("schema.json", "w", force_zip64=True) as member:
            member.write(schema[:-1] + b', "padding": "')
            block = b"a" * (1 << 20)
            for _ in range(extra_bytes // len(block)):
                member.write(block)
            member.write(block[: extra_bytes % len(block)] + b'"}')
    return path
