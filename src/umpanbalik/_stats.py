"""Small, documented statistics for the analysis tables and charts: Wilson intervals, t intervals
of means, chi-square tests with Holm's correction and Cramér's V, and ordinary least squares with
standard errors.

Written out here (a few lines each) rather than pulled from statsmodels, which would be a large
dependency for three formulas; scipy (already required by scikit-learn) supplies the distributions.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["wilson_interval", "mean_interval", "chi_square", "holm", "ols"]


def wilson_interval(successes: np.ndarray | int, totals: np.ndarray | int, z: float = 1.959964) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for a proportion (95% by default); ``nan`` where the total is 0.

    Examples
    --------
    >>> low, high = wilson_interval(8, 10)
    >>> round(float(low), 3), round(float(high), 3)
    (0.49, 0.943)
    """
    k = np.asarray(successes, dtype=float)
    n = np.asarray(totals, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        denominator = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denominator
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denominator
        # the interval always holds p; rounding can put a bound a hair on the wrong side of it
        # (wilson_interval(10, 10) gave an upper bound 1.1e-16 below 1), so error bars went negative
        low = np.where(n > 0, np.clip(np.minimum(centre - half, p), 0, 1), np.nan)
        high = np.where(n > 0, np.clip(np.maximum(centre + half, p), 0, 1), np.nan)
    return low, high


def mean_interval(values: np.ndarray, confidence: float = 0.95,
                  bounds: tuple[float, float] | None = None) -> tuple[float, float, float, int]:
    """Mean, lower and upper bound (Student's t) and count of the non-missing ``values``.

    The bounds are NaN with fewer than two values. With ``bounds`` (the lowest and highest value a
    rating can take, e.g. its column's range), the interval is cut to them: two ratings, 3 and 5, give
    t bounds of -8.7 and 16.7, which say nothing more than "anywhere on the 1-5 scale".

    Examples
    --------
    >>> mean, low, high, n = mean_interval(np.array([3.0, 4.0, 5.0, np.nan]))
    >>> mean, round(low, 2), round(high, 2), n
    (4.0, 1.52, 6.48, 3)
    >>> mean_interval(np.array([3.0, 4.0, 5.0]), bounds=(1, 5))[1:3][1]
    5.0
    """
    from scipy.stats import t

    data = np.asarray(values, dtype=float)
    data = data[~np.isnan(data)]
    n = len(data)
    if n == 0:
        return float("nan"), float("nan"), float("nan"), 0
    mean = float(data.mean())
    if n < 2:
        return mean, float("nan"), float("nan"), 1
    half = float(t.ppf(0.5 + confidence / 2, n - 1) * data.std(ddof=1) / np.sqrt(n))
    low, high = mean - half, mean + half
    if bounds is not None:
        low, high = max(low, float(bounds[0])), min(high, float(bounds[1]))
    return mean, low, high, n


#: The tops of the rating scales forms use: a column of whole numbers up to 5 is read as a 1-5 scale.
_SCALE_TOPS = (4, 5, 6, 7, 10, 100)


def rating_bounds(values: np.ndarray) -> tuple[float, float] | None:
    """The bounds of a rating's means (``None`` when no value is given): for whole numbers the scale
    they are on (from 1, or 0 when a 0 is given, to the first of 4, 5, 6, 7, 10 or 100 that holds the
    highest), else the lowest and highest value. Ratings 4, 5 and 5 are on a 1-5 scale: their mean's
    interval may reach down to 3.2, not only to the lowest rating given.

    >>> rating_bounds(np.array([4.0, 5.0, 5.0, np.nan])), rating_bounds(np.array([0.5, 2.5]))
    ((1.0, 5.0), (0.5, 2.5))
    """
    data = np.asarray(values, dtype=float)
    data = data[np.isfinite(data)]
    if not len(data):
        return None
    low, high = float(data.min()), float(data.max())
    if np.all(data == np.round(data)) and low >= 0:
        top = next((t for t in _SCALE_TOPS if high <= t), high)
        return (0.0 if low == 0 else min(low, 1.0), float(top))
    return low, high


def chi_square(table: pd.DataFrame) -> dict[str, float] | None:
    """Pearson's chi-square test of independence on a contingency table (segments × outcomes).

    Rows and columns that are all zero are dropped first; ``None`` when fewer than two of either
    remain (nothing to test). Returns chi2, dof, p, Cramér's V, the smallest expected count and the
    share of cells whose expected count is below 5 (Cochran's rule: the approximation is too rough
    when that share is above 20% or any expected count is below 1; the caller reports it).
    ``residuals`` are the adjusted
    standardised residuals (|r| > 1.96: one cell differs from independence at the 5% level; reading
    several cells needs a corrected bound, as :func:`umpanbalik.analysis.comparison.compare` uses).
    """
    from scipy.stats import chi2_contingency

    observed = table.loc[table.sum(axis=1) > 0, table.sum(axis=0) > 0]
    if observed.shape[0] < 2 or observed.shape[1] < 2:
        return None
    values = observed.to_numpy(dtype=float)
    chi2, p, dof, expected = chi2_contingency(values, correction=False)
    n = values.sum()
    row_share = values.sum(axis=1, keepdims=True) / n
    col_share = values.sum(axis=0, keepdims=True) / n
    with np.errstate(invalid="ignore", divide="ignore"):
        residuals = (values - expected) / np.sqrt(expected * (1 - row_share) * (1 - col_share))
    return {
        "chi2": float(chi2), "dof": int(dof), "p": float(p),
        "cramer_v": float(np.sqrt(chi2 / (n * (min(values.shape) - 1)))),
        "min_expected": float(expected.min()), "small_expected": float((expected < 5).mean()),
        "residuals": pd.DataFrame(residuals, index=observed.index, columns=observed.columns),
    }


def holm(p_values: np.ndarray | list[float]) -> np.ndarray:
    """Holm–Bonferroni adjusted p-values (controls the family-wise error rate).

    Examples
    --------
    >>> holm([0.01, 0.04, 0.03]).round(2).tolist()
    [0.03, 0.06, 0.06]
    """
    p = np.asarray(p_values, dtype=float)
    order = np.argsort(p)
    m = len(p)
    adjusted = np.empty(m)
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, (m - rank) * p[index])
        adjusted[index] = min(running, 1.0)
    return adjusted


def ols(y: np.ndarray, X: pd.DataFrame) -> pd.DataFrame:
    """Ordinary least squares of ``y`` on ``X`` plus an intercept, with classical standard errors.

    Returns one row per term (``konstanta`` first): ``koefisien``, ``galat_baku``, ``ci_bawah``,
    ``ci_atas`` (95%) and ``p``. Columns of ``X`` that are constant are dropped (not estimable).
    """
    from scipy.stats import t as student

    X = X.loc[:, X.nunique() > 1]
    design = np.column_stack([np.ones(len(y)), X.to_numpy(dtype=float)])
    names = ["konstanta", *X.columns]
    coef, _, rank, _ = np.linalg.lstsq(design, y, rcond=None)
    dof = len(y) - rank
    if dof <= 0:
        raise ValueError("too few rated comments to estimate the effects.")
    residual = y - design @ coef
    sigma2 = residual @ residual / dof
    covariance = sigma2 * np.linalg.pinv(design.T @ design)
    se = np.sqrt(np.clip(np.diag(covariance), 0, None))
    with np.errstate(invalid="ignore", divide="ignore"):
        p = 2 * student.sf(np.abs(coef / se), dof)
    q = student.ppf(0.975, dof)
    return pd.DataFrame({"koefisien": coef, "galat_baku": se, "ci_bawah": coef - q * se, "ci_atas": coef + q * se, "p": p},
                        index=pd.Index(names, name="istilah"))
