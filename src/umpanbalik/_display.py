"""Tables as people read them in the report: "35% (33–38%)" instead of three columns of 0.352,
people's column names instead of machine names, p-values as "< 0,001", labels in the report's
language. The numbers are not changed, only written; the CSV and the workbook keep machine names.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ._format import count, decimal, decimal_interval, p_value, percent, percent_interval
from ._i18n import column, label, measure_label, text, theme_label
from .schema import LIST_SEPARATOR, format_cell

__all__ = ["display_table", "INTERVALS"]

#: A value column and the columns of its 95% interval: shown together in one cell.
INTERVALS = (("porsi", "ci_bawah", "ci_atas"), ("porsi", "porsi_bawah", "porsi_atas"), ("porsi_disebut", "ci_bawah", "ci_atas"),
             ("porsi_negatif", "negatif_ci_bawah", "negatif_ci_atas"), ("rata_rata", "ci_bawah", "ci_atas"),
             ("koefisien", "ci_bawah", "ci_atas"))
_P_VALUES = ("p", "p_holm")
_LABELS = ("aspek", "sentimen", "polaritas", "hambatan", "arah", "aspek_dikritik")  # columns whose text values are domain labels
_THEME_LABELS = ("label", "label_topik")  # theme and topic labels: the library's general names are translated


def _is_share(name: str) -> bool:
    return name.startswith("porsi") or name == "prevalensi"


def _cell(value: Any, name: str, lang: str) -> str:
    """One cell: flags as yes/no, shares as percentages, p-values bounded, numbers in ``lang``."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return text("yes" if value else "no", lang)
    if isinstance(value, (int, np.integer)):
        return count(value, lang)
    if isinstance(value, (float, np.floating)):
        if name in _P_VALUES:
            return p_value(value, lang)
        if _is_share(name):
            return percent(value)
        return decimal(value, lang, 3, trim=True)
    if name in _LABELS and isinstance(value, (list, tuple)):  # several aspects: each in the reader's language
        return format_cell([label(v, lang) for v in value])
    if isinstance(value, str):
        if name == "ukuran":
            return measure_label(value, lang)
        if name in _LABELS:
            return LIST_SEPARATOR.join(label(v, lang) for v in value.split(LIST_SEPARATOR))
        if name in _THEME_LABELS:
            return theme_label(value, lang)
        if name == "segmen" and value == "(kosong)":
            return text("missing", lang)
        return value
    return str(format_cell(value))


def display_table(frame: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """``frame`` (index as columns unless it is 0..n-1) as text cells under people's headers; a
    value and its interval columns become one cell, "35% (33–38%)" or "3,45 (3,30–3,60)".

    Examples
    --------
    >>> table = pd.DataFrame({"jumlah": [7], "porsi": [0.352], "ci_bawah": [0.331], "ci_atas": [0.384], "p": [0.0]},
    ...                      index=pd.Index(["waktu_beban_kerja"], name="hambatan"))
    >>> display_table(table).to_dict("records")
    [{'Hambatan': 'waktu/beban kerja', 'Jumlah': '7', 'Porsi (IK 95%)': '35% (33–38%)', 'p': '< 0,001'}]
    """
    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    index = frame.index
    if not (isinstance(index, pd.RangeIndex) and index.name is None and index.start == 0 and index.step == 1):
        frame = frame.reset_index(allow_duplicates=True)
    if isinstance(frame.columns, pd.MultiIndex):
        frame = frame.set_axis([" / ".join(str(p) for p in c if str(p)) for c in frame.columns], axis=1)
    names = [str(c) for c in frame.columns]
    merged: dict[int, tuple[int, int]] = {}
    used: set[int] = set()
    for value, low, high in INTERVALS:
        if value in names and low in names and high in names:
            positions = names.index(value), names.index(low), names.index(high)
            if not used & set(positions):
                merged[positions[0]] = positions[1:]
                used.update(positions)
    cells: dict[str, list[str]] = {}
    for position, name in enumerate(names):
        if position in used and position not in merged:
            continue
        values = frame.iloc[:, position]
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        if position in merged:
            lows, highs = (frame.iloc[:, p].to_numpy(dtype=float) for p in merged[position])
            header = column(f"{name}+ci", lang)
            if _is_share(name):
                shown = [f"{percent(v)} ({percent_interval(lo, hi)})" if not np.isnan(lo) else percent(v)
                         for v, lo, hi in zip(values.to_numpy(dtype=float), lows, highs)]
            else:
                shown = [f"{decimal(v, lang)} ({decimal_interval(lo, hi, lang)})" if not np.isnan(lo) else decimal(v, lang)
                         for v, lo, hi in zip(values.to_numpy(dtype=float), lows, highs)]
            shown = ["" if np.isnan(v) else s for v, s in zip(values.to_numpy(dtype=float), shown)]
        else:
            header = column(name, lang, numeric=numeric)
            shown = [_cell(v, name, lang) for v in values.tolist()]
        while header in cells:  # two columns with one people's name: keep both
            header += " "
        cells[header] = shown
    return pd.DataFrame(cells, index=pd.RangeIndex(len(frame)))
