"""The evaluator's outputs: a self-contained HTML report, an Excel workbook and CSV files.

:func:`render_html` fills the shipped jinja2 template ``resources/templates/laporan.html.j2`` with
autoescaping on; every image is embedded as a base64 PNG and the page carries a Content-Security-Policy
that allows no script and no request, so the file opens offline and a comment cannot run code (the
HTML side lives in :mod:`umpanbalik._html`). :func:`write_excel` writes one sheet per table with formula-like text stored as text with Excel's quote
prefix (CSV: :func:`neutralize_formulas`) and Excel's limits respected. Words are Indonesian by default and English
with ``lang="en"`` (from the same table as the charts, :mod:`umpanbalik._i18n`).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._html import HTML_MAX_ROWS, default_methods, figure_to_data_uri, render_html, write_html  # noqa: F401 - re-exported
from ._atomic import atomic_path, check_folder
from ._csv import write_table
from ._i18n import Lang, check_lang, text
from .schema import format_cell

__all__ = ["render_html", "write_html", "write_excel", "BarChartSpec", "write_csv", "excel_sheet_names", "neutralize_formulas",
           "readable_cells", "figure_to_data_uri", "default_methods", "check_folder"]

EXCEL_MAX_CHARS = 32_767  # characters in one cell
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")  # OWASP CSV injection guidance
# Characters XML 1.0 cannot hold (openpyxl raises IllegalCharacterError on the control characters),
# and lone surrogates, which cannot be encoded as UTF-8.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_INTEGER_DIGITS = 15  # Excel keeps 15 significant digits: longer integers (NIP, NIK) are written as text

def _readable(value: Any) -> str:
    """A cell as text; a list, dict or pair by the one rule of every export (:func:`umpanbalik.schema.format_cell`):
    ``materi; waktu``, ``materi: positif``, ``jadwal (0.41)``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(format_cell(value))


def readable_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with list, dict and pair cells written as text, the way the workbook and
    the report show them (:func:`write_csv` applies it itself).

    Examples
    --------
    >>> readable_cells(pd.DataFrame({"aspek": [["materi", "waktu"]], "aspek_sentimen": [{"materi": "positif"}]}))
               aspek   aspek_sentimen
    0  materi; waktu  materi: positif
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


# -- Excel ---------------------------------------------------------------------------------------------
def _neutralize(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` in which no text cell can be read as a spreadsheet formula.

    Following OWASP's CSV-injection guidance, every string (cell, column name or index label) that
    starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe.
    Numbers, dates and other cells are unchanged. Use it before ``to_csv``; :func:`write_excel`
    stores such text as text with Excel's quote prefix instead (shown as written: "-", not "'-").

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
    check_folder(path)
    table = neutralize_formulas(readable_cells(frame))
    # an unnamed index is headed "index", as the workbook heads it (not an empty first header)
    label = "index" if index and table.index.nlevels == 1 and table.index.name is None else None
    with atomic_path(path) as temporary:  # an interrupted run leaves the earlier table whole
        write_table(table, temporary, index=index, index_label=label, encoding="utf-8-sig",
                    lineterminator="\r\n")  # big cells streamed
    return path


class _Quoted(str):
    """Text that starts as a formula would ("=", "-", "+", "@"): a workbook stores it as text with
    Excel's quote prefix (what Excel itself does when one types '-), so it shows as written ("-", not
    "'-") and is never evaluated, not even after the cell is edited."""


def _excel_text(value: str, lang: str) -> str:
    value = _ILLEGAL.sub("", value)
    if len(value) > EXCEL_MAX_CHARS:
        marker = text("truncated", lang, n=len(value))
        value = value[: EXCEL_MAX_CHARS - len(marker)] + marker
    return _Quoted(value) if value.startswith(FORMULA_TRIGGERS) else value


def _never_text(dtype: Any) -> bool:
    """A column whose cells are never text (numbers, flags, dates): none of them can be quoted. A
    categorical column can hold text, so it is scanned (its "=1+1" became a formula)."""
    return (not isinstance(dtype, pd.CategoricalDtype)
            and (pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_datetime64_any_dtype(dtype)))


def _excel_cell(sheet: Any, value: Any) -> Any:
    """A :class:`_Quoted` text as a text cell with the quote prefix; any other value as it is."""
    if type(value) is not _Quoted:
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=str(value))
    cell.data_type = "s"  # (openpyxl reads a text that starts with "=" as a formula)
    cell.quotePrefix = True
    return cell


#: Columns that hold shares (0-1): shown as percentages in a workbook ("23,2%", not 0.2321428571428572).
_SHARE_NAMES = re.compile(r"^(?:porsi(?:_\w+)?|prevalensi)$")
_SHARE_BOUNDS = re.compile(r"^(?:\w+_)?ci_(?:bawah|atas)$")


def _share_columns(frame: pd.DataFrame) -> tuple[set[int], set[int]]:
    """Positions of the float columns that hold shares (``porsi``, ``porsi_negatif``, ``prevalensi``)
    and of the interval bounds that go with them (``ci_bawah``, ``negatif_ci_atas`` …; none in a table
    of coefficients or mean ratings, where the bounds are not shares). A bound is a share in the rows
    whose first share is given (``ringkasan``'s mean rating row has none)."""
    names = [str(c) for c in frame.columns]
    floats = [j for j in range(frame.shape[1]) if pd.api.types.is_float_dtype(frame.dtypes.iloc[j])]
    shares = {j for j in floats if _SHARE_NAMES.match(names[j])}
    bounds = set()
    if shares and not any(n in ("rata_rata", "koefisien") for n in names):
        bounds = {j for j in floats if _SHARE_BOUNDS.match(names[j])}
    return shares, bounds


def _percent_cell(sheet: Any, value: Any) -> Any:
    """A share as a number cell shown as a percentage (a missing one as an empty cell)."""
    if not isinstance(value, float):
        return _excel_cell(sheet, value)
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = "0.0%"
    return cell


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


def write_excel(sheets: Mapping[str, pd.DataFrame], path: str | Path, *, lang: Lang = "id",
                charts: Mapping[str, Sequence[BarChartSpec]] | None = None) -> Path:
    """Write tables to an Excel workbook, one sheet each, in the given order; returns the path.

    Lists and dicts in cells become readable text (``materi, waktu``; ``materi: positif``); the
    header row is bold and frozen; column widths follow the contents; shares (``porsi…`` columns and
    their 0-1 interval bounds) are shown as percentages. Text that starts as a formula
    would ("=", "+", "-", "@", a tab) is stored as text with Excel's quote prefix: shown as written and
    never evaluated, not even once the cell is edited; characters that Excel files cannot hold are
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
    charts : dict, optional
        Sheet name → :class:`BarChartSpec` list: native Excel bar charts of rows of that sheet, placed
        to the right of its table (the ``tema`` sheet's themes ranked per kind).

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
    check_folder(path)
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
                cell = _excel_cell(sheet, header) if type(header) is _Quoted else WriteOnlyCell(sheet, value=header)
                cell.font = bold
                header_cells.append(cell)
            sheet.append(header_cells)
            textual = [values for position, values in enumerate(columns) if not _never_text(part.dtypes.iloc[position])]
            quoted = {i for values in textual for i, v in enumerate(values) if type(v) is _Quoted}
            shares, bounds = _share_columns(part)
            first = min(shares) if shares else None
            for i, row in enumerate(zip(*columns)):
                if i in quoted or shares:
                    percent = shares | bounds if first is not None and row[first] is not None else shares
                    row = [_percent_cell(sheet, v) if j in percent else _excel_cell(sheet, v) for j, v in enumerate(row)]
                sheet.append(row)
            if part_name == str(name):
                row = 2
                for spec in (charts or {}).get(str(name), ()):  # one under the other, right of the table
                    row += _add_bar_chart(sheet, frame, spec, anchor=f"{get_column_letter(frame.shape[1] + 2)}{row}")
    path = Path(path)
    try:
        with atomic_path(path, "hasil_analisis.xlsx") as temporary:  # an interrupted run leaves the earlier workbook whole
            workbook.save(temporary)
    except BaseException:  # a refused target (a folder) too: finish each sheet's writer, which would
        for sheet in workbook.worksheets:  # complain when collected
            with contextlib.suppress(Exception):
                sheet.close()
        raise
    return path


@dataclass(frozen=True)
class BarChartSpec:
    """A horizontal bar chart of rows ``first``..``last`` (0-based data rows) of a sheet: the bars'
    names from column ``category``, their lengths from column ``value``."""

    title: str
    category: str
    value: str
    first: int
    last: int


def _add_bar_chart(sheet: Any, frame: pd.DataFrame, spec: BarChartSpec, anchor: str) -> int:
    """Place the chart at ``anchor``; returns the rows it covers (and a gap), 0 when it is not drawn."""
    from openpyxl.chart import BarChart, Reference

    columns = [str(c) for c in frame.columns]
    if spec.category not in columns or spec.value not in columns or not 0 <= spec.first <= spec.last < len(frame):
        return 0
    category, value = columns.index(spec.category) + 1, columns.index(spec.value) + 1
    chart = BarChart()
    chart.type = "bar"  # horizontal
    chart.title = spec.title
    chart.legend = None
    chart.y_axis.title = spec.value
    chart.x_axis.scaling.orientation = "maxMin"  # the first row on top, as in the table
    chart.add_data(Reference(sheet, min_col=value, min_row=spec.first + 2, max_row=spec.last + 2), titles_from_data=False)
    chart.set_categories(Reference(sheet, min_col=category, min_row=spec.first + 2, max_row=spec.last + 2))
    chart.height, chart.width = max(5.0, 0.6 * (spec.last - spec.first + 1) + 2), 18.0  # cm
    sheet.add_chart(chart, anchor)
    return math.ceil(chart.height / 0.5) + 2  # a default row is 0.5 cm high
