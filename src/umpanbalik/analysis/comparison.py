"""Inference on the per-comment frame: segments compared with chi-square tests, and which aspects'
criticism goes with lower ratings (OLS). Pure functions; :class:`Analysis` calls them.

A chi-square test whose expected counts are too small is an approximation too rough to trust
(Cochran's rule: more than 20% of the cells expect fewer than 5 comments, or one cell fewer than 1):
such a test is flagged (``harapan_kecil``) and never called significant, and its segments are not
highlighted.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._stats import chi_square, holm, ols, wilson_interval
from ..schema import SENTIMENTS
from . import _columns as col
from .tables import aspects_in, barrier_codes_in, barrier_respondents, informative

__all__ = ["Comparison", "compare", "rating_effects", "MIN_EXPECTED", "SMALL_SHARE"]

#: Cochran's rule: a chi-square test is flagged, and not called significant, when more than
#: SMALL_SHARE of its cells expect fewer than MIN_EXPECTED comments or any cell expects fewer than 1.
MIN_EXPECTED = 5.0
SMALL_SHARE = 0.2


class Comparison:
    """The result of :meth:`Analysis.compare`: per-segment table, tests and highlighted differences.

    Attributes
    ----------
    tabel : DataFrame
        One row per segment: ``n`` (informative comments), sentiment shares, aspect mention shares,
        share negative among each aspect's mentions, and ``cukup_data`` (n ≥ ``min_n``).
    uji : DataFrame
        One chi-square test per measure over the segments whose base for that measure reaches
        ``min_n`` (informative comments; also mentions of the aspect for its polarity, answers for
        a barrier): ``chi2``, ``dof``, ``p``,
        ``cramer_v``, ``min_expected`` (smallest expected count), ``harapan_kecil`` (expected counts
        too small by Cochran's rule: the test is too rough to trust), ``p_holm`` (Holm-adjusted across the measures) and
        ``signifikan`` (p_holm < 0.05 and no small expected count).
    sorotan : DataFrame
        Segments whose cell deviates in a significant test (adjusted standardised residual beyond
        the two-sided 5% bound corrected for the number of segments tested, Bonferroni: ±1.96 for
        two segments or a checkbox choice against the rest, ±2.81 for ten): ``segmen``, ``ukuran``, ``jumlah`` of ``n``, ``porsi`` with its interval
        (``ci_bawah``, ``ci_atas``), ``porsi_lain`` (all other tested segments), ``residu``, ``arah``.
    """

    def __init__(self, by: Any, tabel: pd.DataFrame, uji: pd.DataFrame, sorotan: pd.DataFrame, min_n: int) -> None:
        self.by, self.tabel, self.uji, self.sorotan, self.min_n = by, tabel, uji, sorotan, min_n

    def __repr__(self) -> str:
        return f"Comparison(by={self.by!r}, segmen={len(self.tabel)}, uji_signifikan={int(self.uji['signifikan'].sum()) if len(self.uji) else 0})"

    def _repr_html_(self) -> str:
        return (f"<p><b>Perbandingan per {self.by}</b> (min. n = {self.min_n})</p>"
                + self.tabel.to_html(float_format="{:.3f}".format) + self.uji.to_html(float_format="{:.4f}".format)
                + self.sorotan.to_html(index=False, float_format="{:.3f}".format))


_OTHERS = "\x00lainnya"  # the respondents who did not tick a checkbox choice (never shown)


def _outcomes(comments: pd.DataFrame, segment_of_row: np.ndarray, task: str, answers: Any) -> tuple[pd.Series, dict[str, pd.DataFrame]]:
    """The segment sizes (informative comments) and one segments × outcome count table per measure,
    for one segment name per row."""
    rows = informative(comments)
    segment = segment_of_row[rows]
    sizes = pd.Series(segment, dtype=object).value_counts()
    tables: dict[str, pd.DataFrame] = {}
    if task == "evaluasi" and rows.any():
        tables["sentimen"] = col.crosstab(segment, comments["sentimen"].to_numpy()[rows]).reindex(columns=list(SENTIMENTS), fill_value=0)
        lists, dicts = col.distinct(comments["aspek"][rows]), col.distinct(comments["aspek_sentimen"][rows])
        for aspect in aspects_in(comments, rows):
            among = col.contains(lists, aspect)
            tables[f"menyebut_{aspect}"] = col.crosstab(segment, among).reindex(columns=[True, False], fill_value=0)
            negative = col.polarity(dicts, aspect) == "negatif"
            tables[f"negatif_{aspect}"] = col.crosstab(segment[among], negative[among]).reindex(
                index=sizes.index, columns=[True, False], fill_value=0)
    if "hambatan" in comments and len(comments):
        answered = barrier_respondents(comments, answers)  # the respondents barrier_table counts ("-" is none)
        barrier_lists = col.distinct(comments["hambatan"][answered])
        for code in barrier_codes_in(comments, answered):
            has = col.contains(barrier_lists, code)
            tables[f"hambatan_{code}"] = col.crosstab(segment_of_row[answered], has).reindex(columns=[True, False], fill_value=0)
    return sizes, tables


def _partitions(comments: pd.DataFrame, by: Any) -> list[tuple[Any, np.ndarray]]:
    """How the rows are split for the tests: one split by segment; for a checkbox column one split
    per choice, the respondents who ticked it against those who did not."""
    choices = col.choices_of(comments[by])
    if choices is None:
        return [(None, col.segment_names(comments[by]))]
    positions, names = col.segments(comments[by])
    partitions = []
    for choice in dict.fromkeys(names):
        member = np.zeros(len(comments), dtype=bool)
        member[positions[names == choice]] = True
        partitions.append((choice, np.where(member, choice, _OTHERS).astype(object)))
    return partitions


def compare(comments: pd.DataFrame, by: Any, *, task: str = "evaluasi", answers: Any = None, min_n: int = 30) -> Comparison:
    """Sentiment, aspect mentions, aspect polarity (and barriers) per segment of ``by``, with tests.

    See :meth:`umpanbalik.analysis.Analysis.compare`; ``answers`` is the why-not answer column. For a
    checkbox column (answers such as "Materi kurang relevan, Waktu terlalu singkat") each choice is a
    segment of the respondents who ticked it, tested against those who did not (``uji`` then names
    the choice in ``segmen``); a respondent counts in every choice they ticked.
    """
    records, tests, residual_tables, outcome_of, enough_of = [], [], {}, {}, {}
    for choice, segment_of_row in _partitions(comments, by):
        sizes, outcome_tables = _outcomes(comments, segment_of_row, task, answers)
        for name in sizes.index:
            if name == _OTHERS:
                continue
            record = {by: name, "n": int(sizes[name]), "cukup_data": bool(sizes[name] >= min_n)}
            for measure, table in outcome_tables.items():
                if name not in table.index:
                    continue
                counts = table.loc[name]
                total = counts.sum()
                if measure == "sentimen":
                    for label in SENTIMENTS:
                        record[f"porsi_{label}"] = counts[label] / total if total else np.nan
                else:
                    record[f"porsi_{measure}"] = counts[True] / total if total else np.nan
            records.append(record)
        groups = sizes.index[sizes >= min_n]
        for measure, outcome in outcome_tables.items():
            # a segment is compared on a measure when the measure's own base reaches min_n: its
            # informative comments, its mentions of the aspect (polarity) or its answers (barriers)
            large = outcome.loc[outcome.index.intersection(groups)]
            enough = large.index[large.sum(axis=1) >= min_n]
            result = chi_square(large.loc[enough])
            if result is None:
                continue
            residual_tables[(choice, measure)] = result.pop("residuals")
            outcome_of[(choice, measure)], enough_of[(choice, measure)] = outcome, enough
            tests.append({"segmen": choice, "ukuran": measure, **result})
    table = (pd.DataFrame(records).set_index(by) if records
             else pd.DataFrame({"n": pd.Series(dtype=int), "cukup_data": pd.Series(dtype=bool)}, index=pd.Index([], name=by)))
    if len(table) and len(_partitions(comments, by)) > 1:
        table = table.fillna({"n": 0}).sort_values("n", ascending=False, kind="stable")
    tests_frame = pd.DataFrame(tests, columns=["segmen", "ukuran", "chi2", "dof", "p", "cramer_v", "min_expected", "small_expected"])
    keys = list(zip(tests_frame["segmen"], tests_frame["ukuran"]))
    if tests_frame["segmen"].isna().all():
        tests_frame = tests_frame.drop(columns="segmen")
    tests_frame["harapan_kecil"] = (tests_frame.pop("small_expected") > SMALL_SHARE) | (tests_frame["min_expected"] < 1)
    tests_frame["p_holm"] = holm(tests_frame["p"].to_numpy()) if len(tests_frame) else []
    tests_frame["signifikan"] = (tests_frame["p_holm"] < 0.05) & ~tests_frame["harapan_kecil"]
    tests_frame["signifikan"] = tests_frame["signifikan"].astype(bool)
    from scipy.stats import norm  # here: importing the analysis module must not import scipy.stats

    highlights = []
    for key, significant in zip(keys, tests_frame["signifikan"]):
        if not significant:
            continue
        measure = key[1]
        residuals, outcome, enough = residual_tables[key], outcome_of[key], enough_of[key]
        target = "negatif" if measure == "sentimen" else True
        if target not in residuals.columns:
            continue
        # each tested segment's adjusted residual against the bound corrected for how many are read
        # (Bonferroni): with ten segments ±2.81, not ±1.96, so that one in twenty is not "different" by
        # chance; two segments (or a checkbox choice against the rest) are one comparison: ±1.96
        examined = [name for name in residuals.index if name != _OTHERS]
        comparisons = 1 if len(residuals.index) <= 2 else len(examined)
        bound = float(norm.ppf(1 - 0.05 / (2 * comparisons)))
        for name, value in residuals[target].items():
            if abs(value) > bound and name != _OTHERS:
                others = outcome.loc[outcome.index.intersection(enough).drop(name)]
                hits, n = int(outcome.loc[name, target]), int(outcome.loc[name].sum())
                low, high = wilson_interval(hits, n)
                highlights.append({
                    "segmen": name, "ukuran": measure if measure != "sentimen" else "sentimen_negatif",
                    "jumlah": hits, "n": n, "porsi": hits / n, "ci_bawah": float(low), "ci_atas": float(high),
                    "porsi_lain": others[target].sum() / max(others.to_numpy().sum(), 1),
                    "residu": float(value), "arah": "lebih tinggi" if value > 0 else "lebih rendah",
                })
    highlights_frame = pd.DataFrame(highlights, columns=["segmen", "ukuran", "jumlah", "n", "porsi", "ci_bawah", "ci_atas",
                                                         "porsi_lain", "residu", "arah"])
    return Comparison(by, table, tests_frame, highlights_frame, min_n)


def rating_effects(comments: pd.DataFrame, rating: Any) -> pd.DataFrame:
    """Which aspects' negative mentions go with lower ratings: OLS of the rating on one indicator per
    aspect (the comment criticises it), over the informative comments with a numeric rating.

    See :meth:`umpanbalik.analysis.Analysis.rating_effects`.
    """
    values = col.numeric(comments[rating]).to_numpy(dtype=float)
    rows = informative(comments) & ~np.isnan(values)
    aspects = aspects_in(comments, rows)
    dicts = col.distinct(comments["aspek_sentimen"][rows])
    indicators = pd.DataFrame({f"negatif_{a}": (col.polarity(dicts, a) == "negatif").astype(float) for a in aspects},
                              index=pd.RangeIndex(int(rows.sum())))
    if rows.sum() < len(aspects) + 3:
        raise ValueError(f"only {int(rows.sum())} informative comments have a rating; at least {len(aspects) + 3} are needed.")
    fit = ols(values[rows], indicators).drop(index="konstanta")
    fit.insert(0, "aspek", [name.removeprefix("negatif_") for name in fit.index])
    fit["prevalensi"] = [indicators[name].mean() for name in fit.index]
    fit["dampak"] = fit["koefisien"] * fit["prevalensi"]
    fit = fit.reset_index(drop=True).sort_values("dampak", kind="stable").reset_index(drop=True)
    fit["prioritas"] = np.arange(1, len(fit) + 1)
    fit.attrs["n"] = int(rows.sum())
    return fit
