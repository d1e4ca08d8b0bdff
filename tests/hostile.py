"""A shared corpus of hostile and broken comment cells, for any test that takes free text.

Import it from a test module (pytest puts ``tests/`` on ``sys.path``)::

    from hostile import HOSTILE, hostile_values, hostile_series

Every entry is what a real survey export, a careless merge or an attacker can put into a
``komentar`` cell: missing values, numbers, bytes, containers, huge or invisible text, other
scripts, markup and spreadsheet formulas. The functions return fresh objects, so a test may check
that its input was not mutated.
"""
from __future__ import annotations

import math
from decimal import Decimal

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
