"""Numbers as a reader reads them: "35%", "(33–38%)", "1.566", "3,45" (Indonesian) or "1,566",
"3.45" (English). One place, so that a finding, a key-number card and a table cell agree."""
from __future__ import annotations

import math
from typing import Any

__all__ = ["count", "decimal", "percent", "percent_interval", "decimal_interval", "p_value", "is_missing"]


def is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def count(value: Any, lang: str = "id") -> str:
    """An integer with thousands separators.

    Examples
    --------
    >>> count(1566), count(1566, "en")
    ('1.566', '1,566')
    """
    if is_missing(value):
        return "–"
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang == "id" else text


def decimal(value: Any, lang: str = "id", digits: int = 2, *, trim: bool = False) -> str:
    """A number with ``digits`` decimals (a comma in Indonesian); ``trim`` drops trailing zeros.

    Examples
    --------
    >>> decimal(3.456), decimal(3.456, "en"), decimal(2.5, digits=3, trim=True), decimal(-0.8)
    ('3,46', '3.46', '2,5', '−0,80')
    """
    if is_missing(value):
        return "–"
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    text = f"{abs(value):,.{digits}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return ("−" if value < 0 and text.strip("0.,") else "") + text


def percent(share: Any) -> str:
    """A share as a whole percentage; above 0 but below 0.5% it is "<1%".

    Examples
    --------
    >>> percent(0.352), percent(0.004), percent(0.0), percent(1.0)
    ('35%', '<1%', '0%', '100%')
    """
    if is_missing(share):
        return "–"
    if 0 < share < 0.005:
        return "<1%"
    if 0.995 <= share < 1:
        return ">99%"
    return f"{round(float(share) * 100):d}%"


def percent_interval(low: Any, high: Any) -> str:
    """A 95% interval of a share: "33–38%".

    Examples
    --------
    >>> percent_interval(0.331, 0.384), percent_interval(0.0027, 0.0149), percent_interval(0.86, 0.997)
    ('33–38%', '<1–2%', '86–100%')
    """
    if is_missing(low) or is_missing(high):
        return ""
    if 0.005 <= high < 0.05:  # a small share: its upper bound rounded up, so that it never meets the share
        return f"{percent(low).rstrip('%')}–{math.ceil(round(float(high) * 100, 9))}%"  # ("1% (<1–1%)" for 0.27–1.49%)
    # (an upper bound of 99.5% or more is "100%": "86–>99%" reads as a misprint)
    return f"{percent(low).rstrip('%')}–{'100%' if 0.995 <= high < 1 else percent(high)}"


def decimal_interval(low: Any, high: Any, lang: str = "id", digits: int = 2) -> str:
    """A 95% interval of a mean or a coefficient: "3,30–3,60" ("−1,03 s.d. −0,61" across signs).

    Examples
    --------
    >>> decimal_interval(3.3, 3.6), decimal_interval(-1.03, -0.61, "en")
    ('3,30–3,60', '−1.03 to −0.61')
    """
    if is_missing(low) or is_missing(high):
        return ""
    separator = "–" if low >= 0 else (" s.d. " if lang == "id" else " to ")
    return f"{decimal(low, lang, digits)}{separator}{decimal(high, lang, digits)}"


def p_value(value: Any, lang: str = "id") -> str:
    """A p-value: "< 0,001" rather than 0, else three decimals.

    Examples
    --------
    >>> p_value(0.0), p_value(0.0123, "en")
    ('< 0,001', '0.012')
    """
    if is_missing(value):
        return "–"
    if value < 0.001:
        return f"< {decimal(0.001, lang, 3)}"
    return decimal(value, lang, 3)
