"""Classical test statistics on numpy arrays: item difficulty and discrimination, reliability.

Pure functions of score arrays, no knowledge of cases or result files, so each one can be
checked against hand-computed values and published examples (tests/board/test_stats.py).
Formulas and references: docs/board-analysis.md. Conventions: variances and standard
deviations are sample ones (n - 1) unless a function says otherwise; a statistic that is
undefined on the data (a constant column, too few candidates) is NaN, never an exception.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import numpy.typing as npt
from scipy import stats as sps

Array = npt.NDArray[np.float64]

UPPER_LOWER_FRACTION = 0.27  # Kelley (1939): 27 % groups maximise the groups' separation
NAN = float("nan")


def as_array(values: npt.ArrayLike) -> Array:
    return np.asarray(values, dtype=np.float64)


def difficulty(points: npt.ArrayLike, max_points: float) -> float:
    """p-value: mean score as a proportion of the item's maximum."""
    x = as_array(points)
    if x.size == 0 or max_points <= 0:
        return NAN
    return float(x.mean() / max_points)


def pearson(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Pearson's r; NaN when either variable is constant or fewer than 3 pairs."""
    a, b = as_array(x), as_array(y)
    if a.size < 3 or a.size != b.size:
        return NAN
    da, db = a - a.mean(), b - b.mean()
    denom = math.sqrt(float(da @ da) * float(db @ db))
    if denom == 0.0:
        return NAN
    return float(da @ db) / denom


def polyserial_adhoc(item: npt.ArrayLike, criterion: npt.ArrayLike) -> float:
    """Olsson, Drasgow & Dorans (1982) ad hoc polyserial correlation of an ordinal item.

    r_ps = r * s_item / sum_j phi(tau_j) * (x_{j+1} - x_j), with the thresholds tau_j the
    normal quantiles of the cumulative category proportions and s_item the population SD of
    the item's scores (as psych::polyserial). For a dichotomous item this is the biserial r.
    """
    x, y = as_array(item), as_array(criterion)
    r = pearson(x, y)
    if math.isnan(r):
        return NAN
    values, counts = np.unique(x, return_counts=True)
    cumulative = np.cumsum(counts)[:-1] / x.size
    normal = NormalDist()
    weights = sum(
        normal.pdf(normal.inv_cdf(float(c))) * float(values[j + 1] - values[j])
        for j, c in enumerate(cumulative)
    )
    if weights == 0.0:
        return NAN
    return r * float(x.std(ddof=0)) / weights


def upper_lower_groups(
    criterion: npt.ArrayLike, fraction: float = UPPER_LOWER_FRACTION
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Indices of the upper and lower groups: the round(fraction * n) highest and lowest.

    Ties at the boundary go by position (a stable sort), so the groups are reproducible; at
    least one candidate per group when n >= 2, and never overlapping.
    """
    c = as_array(criterion)
    n = c.size
    if n < 2:
        empty = np.array([], dtype=np.intp)
        return empty, empty
    size = min(max(1, math.floor(fraction * n + 0.5)), n // 2)
    ascending = np.argsort(c, kind="stable")
    descending = np.argsort(-c, kind="stable")
    return np.sort(descending[:size]), np.sort(ascending[:size])


def discrimination_index(
    points: npt.ArrayLike, max_points: float, upper: npt.ArrayLike, lower: npt.ArrayLike
) -> float:
    """Upper-lower index D = p(upper) - p(lower), each the mean score over the maximum."""
    x = as_array(points)
    u, lo = np.asarray(upper, dtype=np.intp), np.asarray(lower, dtype=np.intp)
    if u.size == 0 or lo.size == 0 or max_points <= 0:
        return NAN
    return float(x[u].mean() / max_points - x[lo].mean() / max_points)


def alpha_from_covariance(cov: npt.ArrayLike) -> float:
    """Cronbach's alpha from an item covariance matrix: k/(k-1) * (1 - tr(C) / sum(C))."""
    c = as_array(cov)
    k = c.shape[0]
    total = float(c.sum())
    if k < 2 or total <= 0.0:
        return NAN
    return float(k / (k - 1) * (1.0 - float(np.trace(c)) / total))


def cronbach_alpha(scores: npt.ArrayLike) -> float:
    """Cronbach's (1951) alpha of a complete candidates x items matrix (KR-20 when 0/1)."""
    x = as_array(scores)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 2:
        return NAN
    return alpha_from_covariance(np.cov(x, rowvar=False, ddof=1))


def alpha_if_deleted(scores: npt.ArrayLike) -> list[float]:
    """Alpha of the matrix without each item in turn."""
    x = as_array(scores)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 3:
        return [NAN] * (x.shape[1] if x.ndim == 2 else 0)
    cov = np.cov(x, rowvar=False, ddof=1)
    keep = np.ones(cov.shape[0], dtype=bool)
    out = []
    for j in range(cov.shape[0]):
        keep[j] = False
        out.append(alpha_from_covariance(cov[np.ix_(keep, keep)]))
        keep[j] = True
    return out


def stratified_alpha(strata: Sequence[npt.ArrayLike]) -> float:
    """Stratified alpha (Cronbach, Schonemann & McKie 1965) of a composite of parts.

    1 - sum_j var(X_j) (1 - alpha_j) / var(X), X_j the part totals and X their sum, each
    part's alpha from its own items; the reliability of an exam made of cases, which alpha
    over all items understates when the cases measure somewhat different things.
    """
    parts = [as_array(x) for x in strata]
    if not parts or any(p.ndim != 2 or p.shape[0] < 2 for p in parts):
        return NAN
    totals = np.column_stack([p.sum(axis=1) for p in parts])
    var_total = float(totals.sum(axis=1).var(ddof=1))
    if var_total <= 0.0:
        return NAN
    error = 0.0
    for p, t in zip(parts, totals.T, strict=True):
        a = cronbach_alpha(p)
        if math.isnan(a):
            return NAN
        error += float(t.var(ddof=1)) * (1.0 - a)
    return 1.0 - error / var_total


def feldt_interval(alpha: float, n: int, k: int, level: float = 0.95) -> tuple[float, float]:
    """Feldt, Woodruff & Salih (1987) confidence interval for coefficient alpha.

    (1 - alpha) / (1 - alpha_hat) follows F(n - 1, (n - 1)(k - 1)): the interval is
    [1 - (1 - a) F_(1-g/2), 1 - (1 - a) F_(g/2)] with g = 1 - level.
    """
    if math.isnan(alpha) or n < 3 or k < 2:
        return NAN, NAN
    df1, df2 = n - 1, (n - 1) * (k - 1)
    g = 1.0 - level
    f_hi = float(sps.f.ppf(1.0 - g / 2.0, df1, df2))
    f_lo = float(sps.f.ppf(g / 2.0, df1, df2))
    return 1.0 - (1.0 - alpha) * f_hi, 1.0 - (1.0 - alpha) * f_lo


def sem(sd: float, reliability: float) -> float:
    """Standard error of measurement: SD * sqrt(1 - reliability) (NaN below 0 reliability)."""
    if math.isnan(sd) or math.isnan(reliability) or reliability < 0.0:
        return NAN
    return sd * math.sqrt(1.0 - reliability)


def is_dichotomous(scores: npt.ArrayLike, maxima: npt.ArrayLike) -> bool:
    """Every score is 0 or its item's maximum: alpha is then KR-20 (Kuder & Richardson 1937)."""
    x, m = as_array(scores), as_array(maxima)
    return bool(np.all((x == 0.0) | (x == m)))


@dataclass(frozen=True, slots=True)
class Distribution:
    """n, mean, SD (n - 1), quartiles and a histogram of a score variable."""

    n: int
    mean: float
    sd: float
    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float
    bins: tuple[float, ...]  # histogram edges
    counts: tuple[int, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "n": self.n,
            "mean": _clean(self.mean),
            "sd": _clean(self.sd),
            "min": _clean(self.minimum),
            "q1": _clean(self.q1),
            "median": _clean(self.median),
            "q3": _clean(self.q3),
            "max": _clean(self.maximum),
            "histogram": {"edges": [_clean(b) for b in self.bins], "counts": list(self.counts)},
        }


def describe(values: npt.ArrayLike, edges: npt.ArrayLike | None = None) -> Distribution:
    x = as_array(values)
    bins = as_array(edges) if edges is not None else np.linspace(0.0, 1.0, 11)
    if x.size == 0:
        return Distribution(0, NAN, NAN, NAN, NAN, NAN, NAN, NAN, tuple(bins.tolist()), ())
    counts, _ = np.histogram(np.clip(x, bins[0], bins[-1]), bins=bins)
    q1, med, q3 = (float(v) for v in np.quantile(x, [0.25, 0.5, 0.75]))
    return Distribution(
        n=int(x.size),
        mean=float(x.mean()),
        sd=float(x.std(ddof=1)) if x.size > 1 else NAN,
        minimum=float(x.min()),
        q1=q1,
        median=med,
        q3=q3,
        maximum=float(x.max()),
        bins=tuple(float(b) for b in bins),
        counts=tuple(int(c) for c in counts),
    )


def _clean(value: float) -> float | None:
    """JSON has no NaN: undefined statistics are written as null."""
    return None if math.isnan(value) else value


def t_interval(values: npt.ArrayLike, level: float = 0.95) -> tuple[float, float, float, float]:
    """Mean, SD, SE = SD / sqrt(n) and the half-width of the t interval of the mean."""
    x = as_array(values)
    n = x.size
    if n == 0:
        return NAN, NAN, NAN, NAN
    mean = float(x.mean())
    if n < 2:
        return mean, NAN, NAN, NAN
    sd = float(x.std(ddof=1))
    se = sd / math.sqrt(n)
    half = float(sps.t.ppf(0.5 + level / 2.0, n - 1)) * se
    return mean, sd, se, half


def icc_two_way(ratings: npt.ArrayLike) -> tuple[float, float]:
    """Shrout & Fleiss (1979) two-way random-effects ICC(2,1) and ICC(2,k), items x judges.

    ICC(2,1) = (MSR - MSE) / (MSR + (k - 1) MSE + k (MSC - MSE) / n): agreement of one
    judge's absolute ratings; ICC(2,k) = (MSR - MSE) / (MSR + (MSC - MSE) / n): of the panel
    mean, the one the cut is made of. Rows are the targets (items), columns the judges.
    """
    x = as_array(ratings)
    n, k = x.shape
    if n < 2 or k < 2:
        return NAN, NAN
    grand = x.mean()
    ss_rows = k * float(((x.mean(axis=1) - grand) ** 2).sum())
    ss_cols = n * float(((x.mean(axis=0) - grand) ** 2).sum())
    ss_total = float(((x - grand) ** 2).sum())
    ss_err = ss_total - ss_rows - ss_cols
    msr = ss_rows / (n - 1)
    msc = ss_cols / (k - 1)
    mse = ss_err / ((n - 1) * (k - 1))
    single_den = msr + (k - 1) * mse + k * (msc - mse) / n
    mean_den = msr + (msc - mse) / n
    single = (msr - mse) / single_den if single_den else NAN
    average = (msr - mse) / mean_den if mean_den else NAN
    return float(single), float(average)
