"""The evaluator's outputs: a self-contained HTML report and an Excel workbook.

:func:`render_html` fills the shipped jinja2 template ``resources/templates/laporan.html.j2`` with
autoescaping on; every image is embedded as a base64 PNG and the page carries a Content-Security-Policy
that allows no script and no request, so the file opens offline and a comment cannot run code.
:func:`write_excel` writes one sheet per table with formula injection neutralised (see
:func:`neutralize_formulas`) and Excel's limits respected. Words are Indonesian by default and English
with ``lang="en"`` (from the same table as the charts, :mod:`umpanbalik._i18n`).
"""
from __future__ import annotations

import base64
import datetime as dt
import io
import math
import re
import sys
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._atomic import atomic_path
from ._csv import write_table
from ._i18n import Lang, check_lang, column, label, text
from ._limits import shown_quote
from ._chart_data import POLARITIES

__all__ = ["render_html", "write_html", "write_excel", "write_csv", "excel_sheet_names", "neutralize_formulas",
           "readable_cells", "figure_to_data_uri", "default_methods"]

EXCEL_MAX_CHARS = 32_767  # characters in one cell
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
HTML_MAX_ROWS = 500  # rows of one table shown in the report; the workbook holds them all
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")  # OWASP CSV injection guidance
# Characters XML 1.0 cannot hold (openpyxl raises IllegalCharacterError on the control characters),
# and lone surrogates, which cannot be encoded as UTF-8.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DATA_URI = re.compile(r"data:image/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]*")
_INTEGER_DIGITS = 15  # Excel keeps 15 significant digits: longer integers (NIP, NIK) are written as text

_METHODS = {
    "id": [
        "Praproses. Setiap komentar dinormalisasi (huruf kecil, singkatan dan bahasa gaul dibakukan, huruf "
        "berulang dirapikan, istilah kediklatan dilindungi), kata negasi digabung dengan kata sesudahnya "
        "(\"tidak jelas\" menjadi satu token), kata fungsi dibuang dengan daftar yang tetap menyimpan kata "
        "penilai seperti tidak, kurang dan terlalu, lalu kata dijadikan kata dasar dengan Sastrawi dan daftar "
        "pengecualian.",
        "Klasifikasi. Sentimen, aspek (materi, metode, relevansi, waktu) beserta polaritasnya, saran, komentar "
        "non-informatif dan hambatan ditandai oleh pengklasifikasi TF-IDF dengan regresi logistik. Model dilatih "
        "pada korpus ilustratif yang ditulis dan dilabeli oleh tim umpanbalik, bukan pada data survei nyata.",
        "Topik. Komentar non-informatif disisihkan lebih dahulu; sisanya dikelompokkan dengan k-means sferis atas "
        "vektor TF-IDF (konsensus banyak putaran pada subsampel), dan tiap topik dinamai dengan kata kuncinya.",
        "Statistik. Porsi disajikan dengan selang kepercayaan 95% Wilson. Perbedaan antarkelompok diuji dengan uji "
        "khi-kuadrat dan koreksi Holm untuk banyak perbandingan; kelompok dengan komentar di bawah jumlah minimum "
        "ditampilkan tetapi tidak dibandingkan. Hubungan antara penilaian negatif suatu aspek dan nilai "
        "diperkirakan dengan regresi linear (OLS).",
        "Privasi. NIP, NIK, nomor telepon, alamat surel dan nama yang didaftarkan pengguna disamarkan dalam setiap "
        "keluaran.",
        "Keterbatasan. Model otomatis dapat keliru, terutama pada sarkasme, campuran bahasa daerah dan komentar yang "
        "sangat pendek; bacalah kutipan sebelum menarik kesimpulan. Data latihnya ilustratif, sehingga ketepatan "
        "pada data Anda dapat berbeda. Hasilnya menunjukkan asosiasi, bukan sebab-akibat: nilai yang lebih rendah "
        "pada komentar negatif tentang suatu aspek tidak membuktikan bahwa aspek itu penyebabnya. Peserta yang "
        "menulis komentar belum tentu mewakili semua peserta.",
    ],
    "en": [
        "Preprocessing. Each comment is normalised (lower case, abbreviations and slang standardised, repeated "
        "letters squeezed, training terms protected), negators are joined to the next word (\"tidak jelas\", "
        "not clear, becomes one token), function words are removed with a list that keeps evaluative words such "
        "as tidak, kurang and terlalu, and words are reduced to their stems with Sastrawi and an exceptions list.",
        "Classification. Sentiment, aspects (content, teaching method, relevance, time) with their polarity, "
        "suggestions, non-informative comments and barriers are tagged by TF-IDF and logistic regression "
        "classifiers, trained on an illustrative corpus written and labelled by the umpanbalik team, not on real "
        "survey data.",
        "Topics. Non-informative comments are set aside first; the rest are clustered by spherical k-means on "
        "TF-IDF vectors (the consensus of many runs on sub-samples), and each topic is named by its key terms.",
        "Statistics. Shares are shown with 95% Wilson confidence intervals. Differences between groups are tested "
        "with chi-square tests and Holm's correction for multiple comparisons; groups with fewer comments than the "
        "minimum are shown but not compared. The link between negative judgements of an aspect and the rating is "
        "estimated by linear regression (OLS).",
        "Privacy. NIP and NIK numbers, phone numbers, e-mail addresses and names listed by the user are masked in "
        "every export.",
        "Limitations. Automatic models make mistakes, especially with sarcasm, regional-language mixing and very "
        "short comments; read the quotes before drawing conclusions. The training data are illustrative, so "
        "accuracy on your data may differ. The results show association, not causation: lower ratings among "
        "negative comments about an aspect do not prove that the aspect is the cause. Participants who write "
        "comments may not represent all participants.",
    ],
}

# Report sections that hold figures and tables, in page order: (anchor, heading, name prefixes).
_SECTIONS = (
    ("grafik", "sec_charts", ("aspek_sentimen", "aspek", "nilai")),
    ("awan", "sec_clouds", ("awan_aspek", "awan_sentimen")),
    ("topik", "sec_topics", ("topik",)),
    ("hambatan", "sec_barriers", ("hambatan",)),
    ("perbandingan", "sec_comparison", ("perbandingan",)),
)


def default_methods(lang: Lang = "id") -> list[str]:
    """The default "methods and limitations" paragraphs of the report."""
    return list(_METHODS[check_lang(lang)])


def _clean(value: Any) -> str:
    return _ILLEGAL.sub("", value if isinstance(value, str) else str(value))


def figure_to_data_uri(fig: Any, *, dpi: int = 110) -> str:
    """A matplotlib figure as a ``data:image/png;base64,…`` URI; the figure is closed afterwards.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> figure_to_data_uri(Figure(figsize=(1, 1))).startswith("data:image/png;base64,")
    True
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:  # a figure made with pyplot stays in its registry until closed
        pyplot.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _image(name: str, value: Any) -> str:
    if isinstance(value, str):
        if not _DATA_URI.fullmatch(value):
            raise ValueError(f"context['gambar'][{name!r}] must be a matplotlib Figure or a data:image/…;base64 URI "
                             "(the report embeds every image and loads nothing from outside); got a string that is neither.")
        return value
    if hasattr(value, "savefig"):
        return figure_to_data_uri(value)
    raise TypeError(f"context['gambar'][{name!r}] must be a matplotlib Figure or a data URI, got {type(value).__name__}.")


def _readable(value: Any) -> str:
    """A list, dict or pair as the reader expects it: ``materi, waktu``; ``materi: positif``."""
    if isinstance(value, Mapping):
        return "; ".join(f"{_readable(k)}: {_readable(v)}" for k, v in value.items())
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], (int, float, np.number)) \
            and not isinstance(value[1], bool):
        return f"{_readable(value[0])} ({value[1]:g})"
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray, pd.Series)):
        return ", ".join(_readable(v) for v in value)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def readable_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with list, dict and pair cells written as text, the way the workbook and
    the report show them (:func:`write_csv` applies it itself).

    Examples
    --------
    >>> readable_cells(pd.DataFrame({"aspek": [["materi", "waktu"]], "aspek_sentimen": [{"materi": "positif"}]}))
               aspek   aspek_sentimen
    0  materi, waktu  materi: positif
    """
    result = frame.copy()
    for position in range(result.shape[1]):
        values = result.iloc[:, position]
        if values.dtype == object and values.map(lambda v: isinstance(v, (list, tuple, set, frozenset, dict, np.ndarray))).any():
            result.isetitem(position, values.map(lambda v: _readable(v) if isinstance(v, (list, tuple, set, frozenset, dict, np.ndarray)) else v))
    return result


def _is_default_index(frame: pd.DataFrame) -> bool:
    index = frame.index
    return isinstance(index, pd.RangeIndex) and index.name is None and index.start == 0 and index.step == 1


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """The index as columns unless it is the default 0..n-1, and one header row."""
    if not _is_default_index(frame):
        frame = frame.reset_index(allow_duplicates=True)
    if isinstance(frame.columns, pd.MultiIndex):
        frame = frame.set_axis([" / ".join(str(p) for p in c if str(p)) for c in frame.columns], axis=1)
    return frame


def _number(value: float) -> str:
    return "" if math.isnan(value) else f"{value:.3f}".rstrip("0").rstrip(".") if math.isfinite(value) else str(value)


def _shown(value: Any, translate: bool, lang: str) -> str:
    """One table cell as text: numbers rounded, yes/no for flags, labels in ``lang`` when asked."""
    if isinstance(value, (bool, np.bool_)):
        return text("yes" if value else "no", lang)
    if isinstance(value, (float, np.floating)):
        return _number(float(value))
    if translate and isinstance(value, str):
        return label(value, lang)
    return _readable(value)


def _table_html(frame: pd.DataFrame, lang: str) -> tuple[str, str]:
    """An escaped HTML table and, when rows were left out, a note that says how many."""
    from markupsafe import Markup

    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"report tables must be DataFrames, got {type(frame).__name__}.")
    frame = _flat(frame)
    note = text("more_rows", lang, n=len(frame) - HTML_MAX_ROWS) if len(frame) > HTML_MAX_ROWS else ""
    shown = frame.head(HTML_MAX_ROWS)
    cells = {}
    for position, name in enumerate(shown.columns):
        values = shown.iloc[:, position]
        translate = lang == "en" and str(name) in ("aspek", "sentimen", "hambatan")
        cells[position] = [_clean(shown_quote(_shown(v, translate, lang), lang)) for v in values]
    table = pd.DataFrame(cells).set_axis([_clean(column(c, lang)) for c in shown.columns], axis=1)
    html = table.to_html(index=False, escape=True, border=0, classes="tabel", na_rep="")
    return Markup(html), note


def _keyed(name: str, keys: tuple[str, ...], kind: str, lang: str) -> str | None:
    """The caption of ``key`` or ``key_<suffix>`` (``kind`` is ``fig`` or ``tab``); ``None`` if no key fits."""
    for key in keys:
        if name == key:
            return text(f"{kind}_{key}", lang)
        if name.startswith(key + "_"):
            return f"{text(f'{kind}_{key}', lang)}: {label(name[len(key) + 1:], lang)}"
    return None


def _caption(name: str, lang: str) -> str:
    for prefix in ("awan_aspek", "awan_sentimen"):
        if name.startswith(prefix + "_"):
            return text(f"fig_{prefix}", lang, name=label(name[len(prefix) + 1:], lang))
    return _keyed(name, ("aspek_sentimen", "nilai", "topik", "hambatan", "perbandingan"), "fig", lang) or label(name, lang)


def _table_caption(name: str, lang: str) -> str:
    return _keyed(name, ("aspek", "nilai", "topik", "hambatan", "perbandingan"), "tab", lang) or label(name, lang)


def _section_of(name: str) -> str:
    for anchor, _, prefixes in _SECTIONS:
        if any(name == p or name.startswith(p + "_") for p in prefixes):
            return anchor
    return "lainnya"


def _sections(context: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    """The report's sections in page order, each a list of blocks the template draws by kind."""
    blocks: dict[str, list[dict[str, Any]]] = {}

    def add(anchor: str, block: dict[str, Any]) -> None:
        blocks.setdefault(anchor, []).append(block)

    numbers = context.get("angka_kunci")
    if isinstance(numbers, pd.DataFrame):
        numbers = numbers.to_dict("records")
    numbers = [{"label": _clean(item.get("label", "")), "nilai": _clean(item.get("nilai", "")),
                "catatan": _clean(item.get("catatan") or "")} for item in numbers or []]
    if numbers:
        add("angka", {"kind": "cards", "entries": numbers})
    images = {str(k): v for k, v in (context.get("gambar") or {}).items() if v is not None}
    tables = {str(k): v for k, v in (context.get("tabel") or {}).items() if v is not None}
    for name, value in images.items():
        anchor = _section_of(name)
        if anchor == "awan":
            kind = "awan_aspek" if name.startswith("awan_aspek") else "awan_sentimen"
            group = next((b for b in blocks.get("awan", []) if b.get("group") == kind), None)
            if group is None:
                group = {"kind": "gallery", "group": kind, "title": text(f"sec_clouds_{kind[5:]}", lang), "entries": []}
                add("awan", group)
            group["entries"].append({"src": _image(name, value), "caption": _clean(_caption(name, lang))})
        else:
            add(anchor, {"kind": "figure", "src": _image(name, value), "caption": _clean(_caption(name, lang))})
    for name, frame in tables.items():
        html, note = _table_html(frame, lang)
        add(_section_of(name), {"kind": "table", "html": html, "caption": _clean(_table_caption(name, lang)), "note": note})
    suggestions = [_clean(shown_quote(s.get("teks", "") if isinstance(s, Mapping) else s, lang)) for s in context.get("saran") or []]
    if suggestions:
        add("saran", {"kind": "list", "entries": suggestions})
    for aspect, quotes in (context.get("kutipan") or {}).items():
        items = [{"teks": _clean(shown_quote(q.get("teks", ""), lang)), "sentimen": q.get("sentimen") if q.get("sentimen") in POLARITIES else "",
                  "label": _clean(label(q.get("sentimen") or "", lang))} if isinstance(q, Mapping)
                 else {"teks": _clean(shown_quote(q, lang)), "sentimen": "", "label": ""} for q in quotes or []]
        if items:
            add("kutipan", {"kind": "quotes", "title": _clean(label(aspect, lang)), "entries": items})
    methods = context["metode"] if "metode" in context else default_methods(lang)
    if methods:
        add("metode", {"kind": "paragraphs", "entries": [_clean(p) for p in methods]})
    order = [("angka", "sec_key_numbers"), *[(a, h) for a, h, _ in _SECTIONS[:2]], ("saran", "sec_suggestions"),
             ("kutipan", "sec_quotes"), *[(a, h) for a, h, _ in _SECTIONS[2:]], ("lainnya", "sec_other"),
             ("metode", "sec_methods")]
    return [{"id": anchor, "title": text(heading, lang), "blocks": blocks[anchor]} for anchor, heading in order if anchor in blocks]


def _template() -> Any:
    import jinja2

    source = files("umpanbalik.resources").joinpath("templates/laporan.html.j2").read_text(encoding="utf-8")
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return environment.from_string(source)


def render_html(context: Mapping[str, Any], lang: Lang = "id") -> str:
    """Render the evaluator's report as one self-contained HTML page.

    Every key is optional; a missing key, or an empty value, leaves its section out.

    Parameters
    ----------
    context : dict
        - ``judul`` (str): the title; a default title otherwise.
        - ``dibuat`` (str): the date the report was made, shown under the title.
        - ``angka_kunci`` (list of dict, or a DataFrame with those columns): key numbers, each
          ``{"label", "nilai", "catatan"}`` (``catatan`` optional).
        - ``gambar`` (dict name → matplotlib Figure or ``data:image/…;base64`` URI): figures are
          embedded as PNG and closed. Names place them: ``aspek_sentimen`` and ``nilai`` (charts),
          ``awan_aspek_<aspect>`` and ``awan_sentimen_<sentiment>`` (word clouds), ``topik``,
          ``hambatan``, ``perbandingan`` (also ``perbandingan_<column>``, one per segmentation; the
          same suffix rule holds for the others). Other names go to a last "other" section.
        - ``tabel`` (dict name → DataFrame): ``aspek``, ``nilai``, ``topik``, ``hambatan``,
          ``perbandingan`` (and ``<name>_<suffix>``), placed like the figures; cells are escaped, lists
          and dicts shown as ``materi, waktu`` / ``materi: positif``, at most 500 rows each.
        - ``kutipan`` (dict aspect → list of ``{"teks", "sentimen"}`` or str): quotes per aspect.
        - ``saran`` (list of str): the top suggestions.
        - ``metode`` (list of str): paragraphs of methods and limitations; when the key is absent,
          :func:`default_methods` for ``lang``; an empty list leaves the section out.
    lang : {"id", "en"}, default="id"
        Headings, captions and labels in Indonesian or English.

    Returns
    -------
    str
        The HTML page: autoescaped, images embedded, no script, no external reference.

    Examples
    --------
    >>> page = render_html({"judul": "Evaluasi <Latsar>", "saran": ["=tambah praktik"]})
    >>> "Evaluasi &lt;Latsar&gt;" in page, "=tambah praktik" in page, "Metode dan keterbatasan" in page
    (True, True, True)
    """
    check_lang(lang)
    if not isinstance(context, Mapping):
        raise TypeError(f"`context` must be a dict of report parts, got {type(context).__name__}.")
    strings = {key: text(key, lang) for key in ("generated", "notice", "contents")}
    return _template().render(
        lang=lang, judul=_clean(context.get("judul") or text("title", lang)), dibuat=_clean(context.get("dibuat") or ""),
        sections=_sections(context, lang), t=strings,
    )


def write_html(context: Mapping[str, Any], path: str | Path, lang: Lang = "id") -> Path:
    """Render the report (see :func:`render_html`) and write it to ``path`` as UTF-8; returns the path."""
    path = Path(path)
    page = render_html(context, lang)
    with atomic_path(path) as temporary:  # an interrupted run leaves the earlier report whole
        temporary.write_text(page, encoding="utf-8")
    return path


# -- Excel ---------------------------------------------------------------------------------------------
def _neutralize(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` in which no text cell can be read as a spreadsheet formula.

    Following OWASP's CSV-injection guidance, every string (cell, column name or index label) that
    starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe.
    Numbers, dates and other cells are unchanged. Use it before ``to_csv``; :func:`write_excel`
    applies it itself.

    Examples
    --------
    >>> neutralize_formulas(pd.DataFrame({"komentar": ["=1+1", "bagus", "-"], "nilai": [-1, 4, 5]}))
      komentar  nilai
    0    '=1+1     -1
    1    bagus      4
    2       '-      5
    """
    def fix(value: Any) -> Any:
        return _neutralize(value) if isinstance(value, str) else value

    result = frame.copy()
    for position in range(result.shape[1]):
        values = result.iloc[:, position]
        if values.dtype == object:  # stays object: a string dtype would copy every cell (a 200 MB one too)
            result.isetitem(position, pd.Series([fix(v) for v in values.to_numpy()], index=result.index, dtype=object))
        elif pd.api.types.is_string_dtype(values.dtype):
            result.isetitem(position, values.map(fix))
    result.columns = result.columns.map(fix)
    result.index = result.index.map(fix)
    return result


def write_csv(frame: pd.DataFrame, path: str | Path, *, index: bool = True) -> Path:
    r"""Write ``frame`` as a CSV file that Excel and pandas read back row for row, and return the path.

    UTF-8 with a BOM (Excel then reads the characters right), lists and dicts as text
    (:func:`readable_cells`), formula-like text neutralised (:func:`neutralize_formulas`), and rows ended
    by CRLF as RFC 4180 has it: any field that holds a carriage return or a line feed is then quoted. With
    pandas' default ``\n`` a lone ``\r`` in a comment (old Mac or pasted text) was written bare, and
    Excel and pandas split the row there.

    Examples
    --------
    >>> import tempfile
    >>> frame = pd.DataFrame({"komentar": ["baris\rdua", "=1+1"]})
    >>> write_csv(frame, Path(tempfile.mkdtemp()) / "k.csv", index=False).read_bytes()
    b'\xef\xbb\xbfkomentar\r\n"baris\rdua"\r\n\'=1+1\r\n'
    """
    path = Path(path)
    table = neutralize_formulas(readable_cells(frame))
    with atomic_path(path) as temporary:  # an interrupted run leaves the earlier table whole
        write_table(table, temporary, index=index, encoding="utf-8-sig", lineterminator="\r\n")  # big cells streamed
    return path


def _excel_text(value: str, lang: str) -> str:
    value = _neutralize(_ILLEGAL.sub("", value))
    if len(value) > EXCEL_MAX_CHARS:
        marker = text("truncated", lang, n=len(value))
        value = value[: EXCEL_MAX_CHARS - len(marker)] + marker
    return value


def _excel_value(value: Any, lang: str) -> Any:
    """One cell as openpyxl can store it, and as a reader expects it."""
    if isinstance(value, str):
        return _excel_text(value, lang)
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value) if abs(int(value)) < 10**_INTEGER_DIGITS else _excel_text(str(value), lang)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value) if math.isfinite(value) else str(value)
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.tz_localize(None).to_pydatetime() if value.tzinfo else value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, (dt.date, dt.time)):
        return value
    return _excel_text(_readable(value), lang)


def _excel_column(values: pd.Series, lang: str) -> list[Any]:
    """:func:`_excel_value` of every cell, with whole-column shortcuts for numbers, flags and plain text."""
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype) and dtype != object:
        return [bool(v) for v in values.to_numpy(dtype=bool)] if not values.hasnans else [_excel_value(v, lang) for v in values.tolist()]
    if pd.api.types.is_integer_dtype(dtype) and dtype != object and not values.hasnans:
        array = values.to_numpy()
        if len(array) == 0 or int(np.abs(array.astype(float)).max()) < 10**_INTEGER_DIGITS - 1024:
            return array.tolist()
    if pd.api.types.is_float_dtype(dtype) and dtype != object:
        array = values.to_numpy(dtype=float)
        cells = array.tolist()
        for position in np.flatnonzero(~np.isfinite(array)):
            cells[position] = _excel_value(array[position], lang)
        return cells
    array = values.to_numpy(dtype=object)
    # plain text cells (no illegal character, no formula trigger, short enough) are stored as they are
    return [v if type(v) is str and len(v) <= EXCEL_MAX_CHARS and not v.startswith(FORMULA_TRIGGERS) and not _ILLEGAL.search(v)
            else _excel_value(v, lang) for v in array]


def _parts(name: str, frame: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """``frame`` cut into pieces that fit a sheet under its header: ``name``, ``name_2``, ``name_3`` …"""
    rows = EXCEL_MAX_ROWS - 1
    if len(frame) <= rows:
        return [(name, frame)]
    return [(name if start == 0 else f"{name}_{start // rows + 1}", frame.iloc[start:start + rows])
            for start in range(0, len(frame), rows)]


def excel_sheet_names(name: str, rows: int) -> list[str]:
    """The sheet names :func:`write_excel` uses for a table of ``rows`` rows called ``name``."""
    return [part for part, _ in _parts(name, pd.DataFrame(index=range(rows)))]


def _sheet_title(name: Any, used: set[str]) -> str:
    title = re.sub(r"[\[\]:*?/\\]", "_", _ILLEGAL.sub("", str(name))).strip("'")[:31] or "sheet"
    base, number = title, 2
    while title.lower() in used:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(title.lower())
    return title


def _width(header: str, values: list[Any]) -> float:
    lengths = sorted(len(str(v)) for v in values[:1000] if v is not None)
    typical = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    return float(min(max(len(header), typical) + 2, 60) if typical or header else 8)


def write_excel(sheets: Mapping[str, pd.DataFrame], path: str | Path, *, lang: Lang = "id") -> Path:
    """Write tables to an Excel workbook, one sheet each, in the given order; returns the path.

    Lists and dicts in cells become readable text (``materi, waktu``; ``materi: positif``); the
    header row is bold and frozen; column widths follow the contents. Every text cell is neutralised
    against formula injection (:func:`neutralize_formulas`), characters that Excel files cannot hold are
    removed, and text longer than Excel's 32,767 characters per cell is cut with a marker. Integers
    of more than 15 digits (NIP, NIK) are written as text, since Excel would round them. A non-default
    index is written as the first column(s).

    Parameters
    ----------
    sheets : dict
        Sheet name → DataFrame, e.g. ``ringkasan``, ``komentar``, ``aspek``, ``topik``, ``hambatan``,
        ``saran``. Names are made valid for Excel (31 characters, no ``[]:*?/\\``).
    path : str or Path
    lang : {"id", "en"}, default="id"
        Language of the truncation marker.

    Raises
    ------
    ValueError
        If ``sheets`` is empty or a table exceeds Excel's 16,384 columns.

    Notes
    -----
    A table longer than Excel's 1,048,576 rows (header included) is split over consecutive sheets,
    ``name``, ``name_2``, ``name_3`` …, each with the header row, so that no row is lost
    (:func:`excel_sheet_names` says which).
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    check_lang(lang)
    if not sheets:
        raise ValueError("`sheets` is empty: pass at least one {name: DataFrame}.")
    tables = {}
    for name, frame in sheets.items():  # checked before the workbook exists: openpyxl complains when
        if isinstance(frame, pd.Series):  # a write-only workbook is dropped unsaved
            frame = frame.to_frame()
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"sheet {name!r} must be a DataFrame, got {type(frame).__name__}.")
        width = frame.shape[1] + (0 if _is_default_index(frame) else frame.index.nlevels)  # the index is written too
        if width > EXCEL_MAX_COLUMNS:
            raise ValueError(f"sheet {name!r} has {width:,} columns; an Excel sheet holds at most "
                             f"{EXCEL_MAX_COLUMNS:,}. Write it to CSV instead, or split it.")
        tables[name] = frame
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    bold = Font(bold=True)
    for name, frame in tables.items():
        frame = _flat(frame)
        headers = [_excel_text(str(c), lang) for c in frame.columns]
        for part_name, part in _parts(str(name), frame):
            sheet = workbook.create_sheet(_sheet_title(part_name, used))
            sheet.freeze_panes = "A2"
            columns = [_excel_column(part.iloc[:, i], lang) for i in range(part.shape[1])]
            for position, (header, values) in enumerate(zip(headers, columns), start=1):
                sheet.column_dimensions[get_column_letter(position)].width = _width(header, values)
            header_cells = []
            for header in headers:
                cell = WriteOnlyCell(sheet, value=header)
                cell.font = bold
                header_cells.append(cell)
            sheet.append(header_cells)
            for row in zip(*columns):
                sheet.append(row)
    path = Path(path)
    with atomic_path(path) as temporary:  # an interrupted run leaves the earlier workbook whole
        workbook.save(temporary)
    return path
