"""Every statistic of board.stats against hand-computed values and published examples (1e-6)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from pocus_player.board import stats

TOL = 1e-6

# Four candidates x three dichotomous items, worked by hand:
# p = .75, .5, .25; item variances (n - 1) 1/4, 1/3, 1/4 (sum 5/6); totals 3, 2, 1, 0
# with variance 5/3; alpha = 3/2 * (1 - (5/6) / (5/3)) = 3/4.
TINY = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]]


def test_difficulty_is_the_mean_over_the_maximum() -> None:
    assert stats.difficulty([1, 0, 1, 1], 1) == pytest.approx(0.75, abs=TOL)
    assert stats.difficulty([2, 1, 0, 1], 2) == pytest.approx(0.5, abs=TOL)
    assert math.isnan(stats.difficulty([], 1))


def test_pearson_by_hand() -> None:
    # dx = -1.5 -.5 .5 1.5, dy = -3 -1 0 4: sum dx dy = 11, Sxx = 5, Syy = 26.
    assert stats.pearson([1, 2, 3, 4], [2, 4, 5, 9]) == pytest.approx(11 / math.sqrt(130), abs=TOL)
    assert math.isnan(stats.pearson([1, 1, 1], [1, 2, 3]))  # a constant item has no r


def test_polyserial_of_a_dichotomous_item_is_the_biserial() -> None:
    # r_pb = 2 / sqrt(5); p = q = 1/2, phi(0) = 1 / sqrt(2 pi): r_bis = r_pb * (1/2) / phi(0).
    expected = (2 / math.sqrt(5)) * 0.5 * math.sqrt(2 * math.pi)
    assert stats.polyserial_adhoc([0, 0, 1, 1], [1, 2, 3, 4]) == pytest.approx(expected, abs=TOL)


def test_polyserial_of_three_categories_by_hand() -> None:
    item = [0, 0, 1, 1, 2, 2]
    crit = [1, 2, 3, 4, 5, 6]
    # r: dx = -1 -1 0 0 1 1, dy = -2.5 -1.5 -.5 .5 1.5 2.5: 8 / sqrt(4 * 17.5).
    r = 8 / math.sqrt(4 * 17.5)
    sd = math.sqrt(4 / 6)  # population SD of the item
    tau = 0.4307272992954576  # the normal quantile of 2/3 (tables: 0.4307)
    phi = math.exp(-(tau**2) / 2) / math.sqrt(2 * math.pi)
    # Thresholds at -tau and +tau, one point apart each.
    assert stats.polyserial_adhoc(item, crit) == pytest.approx(r * sd / (2 * phi), abs=TOL)


def test_upper_lower_groups_are_27_percent_each_side() -> None:
    crit = [5, 1, 4, 2, 3, 9, 0, 8, 7, 6]  # n = 10: round(2.7) = 3 a side
    upper, lower = stats.upper_lower_groups(crit)
    assert sorted(crit[i] for i in upper) == [7, 8, 9]
    assert sorted(crit[i] for i in lower) == [0, 1, 2]
    points = [1, 0, 1, 0, 1, 1, 0, 1, 0, 1]
    # upper (9, 8, 7): 1, 1, 0 -> 2/3; lower (0, 1, 2): 0, 0, 0 -> 0.
    assert stats.discrimination_index(points, 1, upper, lower) == pytest.approx(2 / 3, abs=TOL)
    assert [len(g) for g in stats.upper_lower_groups([1])] == [0, 0]


def test_alpha_kr20_by_hand() -> None:
    assert stats.cronbach_alpha(TINY) == pytest.approx(0.75, abs=TOL)
    assert stats.is_dichotomous(TINY, [1, 1, 1])
    assert not stats.is_dichotomous([[0.5, 1]], [1, 1])
    # KR-20 from p q and the population variance of the totals gives the same 3/4.
    p = np.array([0.75, 0.5, 0.25])
    kr20 = 3 / 2 * (1 - float((p * (1 - p)).sum()) / float(np.var([3, 2, 1, 0])))
    assert kr20 == pytest.approx(0.75, abs=TOL)


def test_alpha_if_item_deleted_by_hand() -> None:
    # Without item 1: variances 1/3, 1/4; totals 2, 1, 0, 0 (variance 11/12): alpha 8/11.
    # Without item 2: 1/4, 1/4; totals 2, 1, 1, 0 (2/3): alpha 1/2. Item 3 mirrors item 1.
    got = stats.alpha_if_deleted(TINY)
    assert got == pytest.approx([8 / 11, 0.5, 8 / 11], abs=TOL)


def test_alpha_from_a_published_covariance_matrix() -> None:
    # StatsBase.jl documentation, `cronbachalpha`: the covariance matrix below gives
    # "Cronbach's alpha for all items: 0.8136" and, item by item dropped, 0.7500, 0.7606,
    # 0.7714, 0.7826. Exactly: 4/3 * (1 - 46/118) = 144/177; dropping item 1,
    # 3/2 * (1 - 36/72) = 3/4.
    cov = [[10, 6, 6, 6], [6, 11, 6, 6], [6, 6, 12, 6], [6, 6, 6, 13]]
    assert stats.alpha_from_covariance(cov) == pytest.approx(144 / 177, abs=TOL)
    assert round(stats.alpha_from_covariance(cov), 4) == 0.8136
    c = np.array(cov, dtype=float)
    dropped = [stats.alpha_from_covariance(np.delete(np.delete(c, j, 0), j, 1)) for j in range(4)]
    assert dropped[0] == pytest.approx(0.75, abs=TOL)
    assert [round(d, 4) for d in dropped] == [0.7500, 0.7606, 0.7714, 0.7826]


# LSAT Section 6, five dichotomous items, 1000 examinees (Bock & Lieberman 1970,
# Psychometrika 35, 179-197), as shipped with R's ltm package (`LSAT`) and the OpenBUGS
# "LSAT" example, where it is given as cumulative counts of the 32 response patterns in
# binary order 00000, 00001, ..., 11111.
LSAT_CUMULATIVE = [3, 9, 11, 22, 23, 24, 27, 31, 32, 40, 40, 56, 56, 59, 61, 76, 86, 115, 129, 210,
                   213, 241, 256, 336, 352, 408, 429, 602, 613, 674, 702, 1000]  # fmt: skip


def lsat6() -> np.ndarray:
    counts = np.diff([0, *LSAT_CUMULATIVE])
    patterns = [[int(b) for b in format(i, "05b")] for i in range(32)]
    return np.repeat(np.array(patterns, dtype=float), counts, axis=0)


def test_lsat6_published_item_difficulties_and_alpha() -> None:
    x = lsat6()
    assert x.shape == (1000, 5)
    # Bock & Lieberman's proportions correct: .924 .709 .553 .763 .870 (exact counts / 1000).
    p = [stats.difficulty(x[:, j], 1) for j in range(5)]
    assert p == pytest.approx([0.924, 0.709, 0.553, 0.763, 0.870], abs=TOL)
    # Cronbach's alpha of LSAT, 0.295 (ltm's descript(LSAT); Rizopoulos 2006, J. Stat.
    # Softw. 17(5)): published to 3-4 places, so compared at that precision.
    alpha = stats.cronbach_alpha(x)
    assert round(alpha, 3) == 0.295
    assert stats.is_dichotomous(x, [1] * 5)


def test_feldt_interval_against_f_tables() -> None:
    # alpha 0.75, n 4, k 3: F(3, 6) quantiles from the tables, .975: 6.5988, .025: 1/14.735.
    lo, hi = stats.feldt_interval(0.75, 4, 3)
    assert lo == pytest.approx(1 - 0.25 * 6.5988, abs=1e-4)
    assert hi == pytest.approx(1 - 0.25 / 14.735, abs=1e-4)
    assert lo < 0.75 < hi
    assert all(math.isnan(v) for v in stats.feldt_interval(0.75, 2, 3))


def test_sem() -> None:
    assert stats.sem(2.0, 0.75) == pytest.approx(1.0, abs=TOL)
    assert math.isnan(stats.sem(2.0, -0.1))


def test_describe() -> None:
    d = stats.describe([0.1, 0.5, 0.9, 0.5])
    assert d.n == 4 and d.mean == pytest.approx(0.5, abs=TOL)
    assert d.sd == pytest.approx(math.sqrt(0.32 / 3), abs=TOL)
    assert d.median == pytest.approx(0.5, abs=TOL)
    assert sum(d.counts) == 4 and d.counts[5] == 2  # [0.5, 0.6)
    assert d.to_json()["histogram"]["counts"][1] == 1
    assert stats.describe([]).to_json()["mean"] is None


def test_t_interval_by_hand() -> None:
    mean, sd, se, half = stats.t_interval([0.5, 0.6, 0.7])
    assert (mean, sd) == (pytest.approx(0.6, abs=TOL), pytest.approx(0.1, abs=TOL))
    assert se == pytest.approx(0.1 / math.sqrt(3), abs=TOL)
    assert half == pytest.approx(4.302653 * 0.1 / math.sqrt(3), abs=TOL)  # t(.975, 2) tables


def test_icc_shrout_fleiss_published_example() -> None:
    # Shrout & Fleiss (1979), Psychological Bulletin 86, 420-428, Table 2: six targets rated
    # by four judges. Published: BMS 11.24, JMS 32.49, EMS 1.02; ICC(2,1) = .29, ICC(2,4) = .62.
    sf = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
    single, average = stats.icc_two_way(sf)
    # From the exact mean squares, BMS = 1349/120, JMS = 2339/72, EMS = 367/360:
    bms, jms, ems = 1349 / 120, 2339 / 72, 367 / 360
    assert single == pytest.approx((bms - ems) / (bms + 3 * ems + 4 * (jms - ems) / 6), abs=TOL)
    assert average == pytest.approx((bms - ems) / (bms + (jms - ems) / 6), abs=TOL)
    assert (round(single, 2), round(average, 2)) == (0.29, 0.62)
    assert (round(bms, 2), round(jms, 2), round(ems, 2)) == (11.24, 32.49, 1.02)


def test_stratified_alpha_by_hand() -> None:
    # Part A = TINY (alpha 3/4, part totals 3 2 1 0, variance 5/3); part B's two items
    # (variances 1/3 each, totals 2 1 1 0, variance 2/3) give alpha 0. The composite totals
    # 5 3 2 0 have variance 13/3: 1 - (5/3 * 1/4 + 2/3 * 1) / (13/3) = 3/4.
    part_b = [[1, 1], [1, 0], [0, 1], [0, 0]]
    assert stats.cronbach_alpha(part_b) == pytest.approx(0.0, abs=TOL)
    assert stats.stratified_alpha([TINY, part_b]) == pytest.approx(0.75, abs=TOL)
    assert math.isnan(stats.stratified_alpha([TINY, [[1], [0], [1], [0]]]))  # a 1-item part
