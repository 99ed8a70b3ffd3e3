"""Item analysis and reliability over many rescored sittings: what `results stats` reports.

Input: the per-file outcomes (board.rescored), the case source, thresholds, and exam
groupings. Output: an `Analysis` whose `to_json()` holds every figure of the report, with
the flags the thresholds raise. How missing data is treated (docs/board-analysis.md):

- an item off a candidate's branch has no row: missing by design, it is not in that
  candidate's score, maximum, item statistics or reliability;
- an item left unreached when the case ended early counts 0 in the candidate's score and
  maximum (as the pass/fail decision does), and is reported as not reached, outside the
  item's p-value, discrimination and omit rate, which count candidates who saw the item;
- a presented item left blank is an omit, scored 0, inside every statistic.

Reliability needs candidates who took the same items: candidates are grouped into forms
(the set of items counted for them, i.e. their branch path) and alpha, its Feldt
interval, SEM and alpha-if-item-deleted are computed on the largest form; every form's n
and alpha are listed too.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np

from pocus_player.board import stats
from pocus_player.board.case_source import CaseSource
from pocus_player.board.rescored import ANSWERED, NOT_REACHED, OMITTED, FileOutcome, ItemRow
from pocus_player.core.model import NOT_POSSIBLE, Case, Question, QuestionType, ScoringRule

FlagFn = Callable[[str, str], None]  # (code, message): raise a flag on the item at hand
NO_ANSWER = "(no answer)"
OUTSIDE = "(outside every region)"
_STATUS = {ANSWERED: 1, OMITTED: 2, NOT_REACHED: 3}
FRACTION_BINS = tuple(i / 20 for i in range(21))


@dataclass(frozen=True, slots=True)
class Thresholds:
    """When an item or a scale is flagged for the committee; every one can be changed."""

    p_min: float = 0.2  # p-value below: too hard
    p_max: float = 0.95  # p-value above: too easy
    r_min: float = 0.15  # corrected item-rest r below: weak discrimination
    d_min: float = 0.1  # upper-lower index below: weak discrimination
    omit_max: float = 0.1  # omit rate above: often left blank
    distractor_margin: float = 0.05  # distractor chosen by the upper group this much more
    caliper_bias: float = 0.5  # |mean error| above this fraction of the tolerance
    caliper_upper_within: float = 0.6  # upper group within the tolerance less often: too tight
    alpha_min: float = 0.7  # scale reliability below
    min_n: int = 20  # no flag on fewer candidates than this

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def with_settings(self, settings: Iterable[str]) -> Thresholds:
        """Apply NAME=VALUE strings; ValueError names what is wrong."""
        out = self
        for item in settings:
            name, sep, value = item.partition("=")
            name = name.strip().replace("-", "_")
            if not sep or name not in self.names():
                raise ValueError(
                    f"--threshold {item!r}: expected NAME=VALUE, NAME one of {', '.join(self.names())}"
                )
            try:
                number: float = int(value) if name == "min_n" else float(value)
            except ValueError:
                raise ValueError(f"--threshold {item!r}: {value!r} is not a number") from None
            out = replace(out, **{name: number})  # type: ignore[arg-type]
        return out

    def to_json(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class Exam:
    """A named group of cases taken by the same candidates (matched by candidate id)."""

    name: str
    case_ids: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Exam:
        name, sep, rest = text.partition("=")
        ids = tuple(c.strip() for c in rest.split(",") if c.strip())
        if not sep or not name.strip() or not ids:
            raise ValueError(f"--exam {text!r}: expected NAME=CASE_ID,CASE_ID,...")
        return cls(name.strip(), ids)


@dataclass(frozen=True, slots=True)
class Flag:
    scope: str  # "item", "case", "domain", "exam"
    where: str  # case id (and question id), or exam name
    code: str
    message: str
    question_id: str = ""

    def to_json(self) -> dict[str, str]:
        return {
            "scope": self.scope,
            "where": self.where,
            "question_id": self.question_id,
            "code": self.code,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    files: dict[str, Any]
    thresholds: Thresholds
    cases: tuple[dict[str, Any], ...]
    exams: tuple[dict[str, Any], ...]
    flags: tuple[Flag, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "thresholds": self.thresholds.to_json(),
            "cases": list(self.cases),
            "exams": list(self.exams),
            "flags": [f.to_json() for f in self.flags],
        }

    def flagged_items(self) -> set[tuple[str, str]]:
        return {(f.where, f.question_id) for f in self.flags if f.scope == "item"}


# ------------------------------------------------------------------ the matrix


@dataclass(frozen=True, slots=True)
class _Column:
    case: Case
    question: Question

    @property
    def key(self) -> str:
        return f"{self.case.meta.id}:{self.question.id}"


class _Matrix:
    """Candidates x items: points (NaN off-branch), status codes, maxima, the rows."""

    def __init__(self, sittings: Sequence[Sequence[ItemRow]], columns: Sequence[_Column]) -> None:
        index = {c.key: j for j, c in enumerate(columns)}
        n, k = len(sittings), len(columns)
        self.columns = tuple(columns)
        self.multi_case = len({c.case.meta.id for c in columns}) > 1
        self.points = np.full((n, k), np.nan)
        self.status = np.zeros((n, k), dtype=np.int8)
        self.maxima = np.array([float(c.question.points) for c in columns])
        self.rows: list[dict[int, ItemRow]] = []
        for i, sitting in enumerate(sittings):
            own: dict[int, ItemRow] = {}
            for row in sitting:
                j = index.get(f"{row.case_id}:{row.question_id}")
                if j is None:
                    continue
                own[j] = row
                self.points[i, j] = row.points
                self.status[i, j] = _STATUS[row.status]
                self.maxima[j] = row.max_points
            self.rows.append(own)
        self.counted = self.status > 0
        self.total = np.where(self.counted, np.nan_to_num(self.points), 0.0).sum(axis=1)
        self.total_max = (self.counted * self.maxima).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            self.fraction = np.where(self.total_max > 0, self.total / self.total_max, np.nan)

    @property
    def n(self) -> int:
        return int(self.points.shape[0])

    def label(self, j: int) -> str:
        """An item's name: its question id, qualified by its case when several are joined."""
        col = self.columns[j]
        return col.key if self.multi_case else col.question.id


def _scale(
    m: _Matrix,
    cols: Sequence[int],
    name: str,
    pass_mark: float | None,
    th: Thresholds,
) -> dict[str, Any]:
    """n, distribution, reliability on the largest form, SEM, pass rate, alpha-if-deleted."""
    sub = m.counted[:, cols]
    keep = np.flatnonzero(sub.any(axis=1))
    pts = np.where(m.counted[:, cols], np.nan_to_num(m.points[:, cols]), 0.0)
    total = pts.sum(axis=1)
    maximum = (sub * m.maxima[cols]).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        frac = np.where(maximum > 0, total / maximum, np.nan)
    ranked = _forms(sub, keep)
    out: dict[str, Any] = {
        "name": name,
        "n": int(keep.size),
        "items": [m.label(c) for c in cols],
        "fraction": stats.describe(frac[keep], FRACTION_BINS).to_json(),
        "forms": [_form(m, cols, pts, pattern, members) for pattern, members in ranked],
    }
    if pass_mark is not None:
        out["pass_mark"] = pass_mark
        passed = total[keep] >= pass_mark * maximum[keep] - 1e-9
        out["pass_rate"] = _num(float(passed.mean())) if keep.size else None
    out["reliability"] = _reliability(m, cols, pts, *ranked[0]) if ranked else {"n": 0}
    return out


Form = tuple[tuple[bool, ...], list[int]]  # which of the scale's items, and who took them


def _forms(counted: np.ndarray, keep: np.ndarray) -> list[Form]:
    """The candidates grouped by the items counted for them, the largest group first."""
    forms: dict[tuple[bool, ...], list[int]] = {}
    if keep.size:
        patterns, which = np.unique(counted[keep], axis=0, return_inverse=True)
        for k, pattern in enumerate(patterns):
            members = keep[np.asarray(which).reshape(-1) == k]
            forms[tuple(bool(b) for b in pattern)] = [int(i) for i in members]
    return sorted(forms.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def _form(
    m: _Matrix, cols: Sequence[int], pts: np.ndarray, pattern: tuple[bool, ...], members: list[int]
) -> dict[str, Any]:
    fcols = [c for c, on in zip(cols, pattern, strict=True) if on]
    x = pts[np.ix_(members, [cols.index(c) for c in fcols])]
    return {
        "items": [m.label(c) for c in fcols],
        "n": len(members),
        "alpha": _num(stats.cronbach_alpha(x)),
    }


def _reliability(
    m: _Matrix, cols: Sequence[int], pts: np.ndarray, pattern: tuple[bool, ...], members: list[int]
) -> dict[str, Any]:
    """Alpha (or KR-20), its interval, the SEM and alpha-if-deleted on one form."""
    mcols = [j for j, on in enumerate(pattern) if on]
    x = pts[np.ix_(members, mcols)]
    t = x.sum(axis=1)
    alpha = stats.cronbach_alpha(x)
    lo, hi = stats.feldt_interval(alpha, x.shape[0], x.shape[1])
    sd = float(t.std(ddof=1)) if t.size > 1 else math.nan
    dich = stats.is_dichotomous(x, m.maxima[[cols[j] for j in mcols]])
    deleted = stats.alpha_if_deleted(x)
    return {
        "n": len(members),
        "k": len(mcols),
        "max_points": float(m.maxima[[cols[j] for j in mcols]].sum()),
        "mean_points": _num(float(t.mean())),
        "sd_points": _num(sd),
        "coefficient": "KR-20" if dich else "Cronbach's alpha",
        "alpha": _num(alpha),
        "alpha_ci95": [_num(lo), _num(hi)],
        "sem_points": _num(stats.sem(sd, alpha)),
        "alpha_if_deleted": {
            m.label(cols[j]): _num(a) for j, a in zip(mcols, deleted, strict=True)
        },
    }


def _sd(values: np.ndarray) -> float:
    return float(values.std(ddof=1)) if values.size > 1 else math.nan


def _num(value: float) -> float | None:
    return None if value is None or math.isnan(value) else round(float(value), 10)


# ------------------------------------------------------------------- items


def _rate(chosen: Sequence[bool], members: Sequence[int]) -> float | None:
    if not members:
        return None
    return sum(1 for i in members if chosen[i]) / len(members)


@dataclass(frozen=True, slots=True)
class _Discrimination:
    """Who saw an item, the upper and lower groups among them, and its indices (unrounded:
    the flags compare these)."""

    reached: np.ndarray  # candidates who answered or omitted the item
    up: list[int]
    low: list[int]
    p: float
    r: float  # corrected item-rest correlation
    r_polyserial: float
    d: float  # upper-lower index


def _discrimination(m: _Matrix, j: int) -> _Discrimination:
    q = m.columns[j].question
    reached = np.flatnonzero((m.status[:, j] == 1) | (m.status[:, j] == 2))
    maximum = float(m.maxima[j])
    x = m.points[reached, j]
    rest_max = m.total_max[reached] - maximum
    with np.errstate(invalid="ignore", divide="ignore"):
        rest = np.where(rest_max > 0, (m.total[reached] - x) / rest_max, np.nan)
    ok = ~np.isnan(rest)
    r = stats.pearson(x[ok], rest[ok])
    partial = q.scoring is ScoringRule.PARTIAL or np.unique(x).size > 2
    r_ps = stats.polyserial_adhoc(x[ok], rest[ok]) if partial else math.nan
    # Groups on the rest score, among the candidates who saw the item: in a short case an
    # item's own points would otherwise help choose its groups.
    g_up, g_low = stats.upper_lower_groups(np.nan_to_num(rest, nan=-1.0))
    up = [int(reached[i]) for i in g_up]
    low = [int(reached[i]) for i in g_low]
    d = math.nan
    if up and low and maximum > 0:
        d = float(m.points[up, j].mean() - m.points[low, j].mean()) / maximum
    return _Discrimination(reached, up, low, stats.difficulty(x, maximum), r, r_ps, d)


def _item(m: _Matrix, j: int, th: Thresholds, where: str) -> tuple[dict[str, Any], list[Flag]]:
    q = m.columns[j].question
    disc = _discrimination(m, j)
    n_r = int(disc.reached.size)
    omitted = int((m.status[:, j] == 2).sum())
    times = [m.rows[i][j].time_s for i in disc.reached]
    known = [t for t in times if t is not None]
    out: dict[str, Any] = {
        "question_id": q.id,
        "type": q.type.value,
        "domain": q.domain,
        "stem": q.stem,
        "max_points": float(m.maxima[j]),
        "n_reached": n_r,
        "n_not_reached": int((m.status[:, j] == 3).sum()),
        "n_omitted": omitted,
        "omit_rate": _num(omitted / n_r) if n_r else None,
        "p": _num(disc.p),
        "r_item_rest": _num(disc.r),
        "r_polyserial": _num(disc.r_polyserial),
        "d_upper_lower": _num(disc.d),
        "n_upper": len(disc.up),
        "n_lower": len(disc.low),
        "median_time_s": _num(float(np.median(known))) if known else None,
    }
    flags: list[Flag] = []

    def flag(code: str, message: str) -> None:
        flags.append(Flag("item", where, code, f"{q.id}: {message}", q.id))

    enough = n_r >= th.min_n
    if enough:
        _index_flags(disc, omitted / n_r, th, flag)
    out.update(_answer_tables(m, j, disc, th, flag, enough))
    out["flags"] = [f.code for f in flags]
    return out, flags


def _index_flags(disc: _Discrimination, omit_rate: float, th: Thresholds, flag: FlagFn) -> None:
    """An item's p, r, D and omit rate against the thresholds."""
    p, r, d = disc.p, disc.r, disc.d
    if not math.isnan(p):
        if p < th.p_min:
            flag("too_hard", f"p = {p:.2f} < {th.p_min:g}")
        if p > th.p_max:
            flag("too_easy", f"p = {p:.2f} > {th.p_max:g}")
    if not math.isnan(r) and r < th.r_min:
        flag(
            "negative_item_rest" if r < 0 else "low_item_rest",
            f"item-rest r = {r:.2f} < {th.r_min:g}",
        )
    if not math.isnan(d) and d < th.d_min:
        flag("low_upper_lower", f"upper-lower D = {d:.2f} < {th.d_min:g}")
    if omit_rate > th.omit_max:
        flag("often_omitted", f"omitted by {omit_rate:.0%} > {th.omit_max:.0%}")


def _answer_tables(
    m: _Matrix, j: int, disc: _Discrimination, th: Thresholds, flag: FlagFn, enough: bool
) -> dict[str, Any]:
    """What was answered, by type: the options, regions, positions or caliper errors."""
    q = m.columns[j].question
    rows = [m.rows[i].get(j) for i in range(m.n)]
    members = [int(i) for i in disc.reached]
    up, low = disc.up, disc.low
    if q.type in (QuestionType.SINGLE_BEST_ANSWER, QuestionType.MULTIPLE_RESPONSE):
        single = q.type is QuestionType.SINGLE_BEST_ANSWER
        ids = [o.id for o in q.display_options]
        if single and NOT_POSSIBLE in q.key and NOT_POSSIBLE not in ids:
            ids.append(NOT_POSSIBLE)
        return {
            "options": _choice_table(
                ids, set(q.key), rows, members, up, low, th, flag, enough, single=single
            )
        }
    if q.type is QuestionType.HOTSPOT:
        return {"regions": _region_table(q, rows, members, up, low, th, flag, enough)}
    if q.type is QuestionType.ORDERING:
        return {"positions": _position_table(q, rows, members, up, low, flag, enough)}
    if q.type is QuestionType.CALIPER:
        return {"caliper": _caliper(q, rows, members, up, th, flag, enough)}
    return {}


def _option_rows(
    name: str, key: bool, chosen: Sequence[bool], members: list[int], up: list[int], low: list[int]
) -> dict[str, Any]:
    return {
        "option": name,
        "key": key,
        "n": sum(1 for i in members if chosen[i]),
        "rate": _rate(chosen, members),
        "upper_rate": _rate(chosen, up),
        "lower_rate": _rate(chosen, low),
    }


def _choice_table(
    ids: Sequence[str],
    key: set[str],
    rows: Sequence[ItemRow | None],
    members: list[int],
    up: list[int],
    low: list[int],
    th: Thresholds,
    flag: FlagFn,
    enough: bool,
    single: bool,
) -> list[dict[str, Any]]:
    table = []
    for oid in ids:
        chosen = [r is not None and oid in r.choices for r in rows]
        table.append(_option_rows(oid, oid in key, chosen, members, up, low))
    if single:
        blank = [r is not None and not r.choices for r in rows]
        table.append(_option_rows(NO_ANSWER, False, blank, members, up, low))
    _distractor_flags(table, th, flag, enough)
    if enough:
        for row in table:
            if row["option"] != NO_ANSWER and row["n"] == 0:
                row["flag"] = "never_chosen"
                flag("option_never_chosen", f"option {row['option']!r} is chosen by nobody")
    return table


def _distractor_flags(
    table: list[dict[str, Any]], th: Thresholds, flag: FlagFn, enough: bool
) -> None:
    if not enough:
        return
    keys = [r for r in table if r["key"]]
    wrong = [r for r in table if not r["key"] and r["option"] not in (NO_ANSWER, OUTSIDE)]
    for row in wrong:
        u, lo = row["upper_rate"], row["lower_rate"]
        if u is not None and lo is not None and u - lo >= th.distractor_margin and row["n"] > 0:
            row["flag"] = "attracts_upper"
            flag(
                "distractor_attracts_upper",
                f"distractor {row['option']!r} is chosen by {u:.0%} of the upper group, "
                f"{lo:.0%} of the lower",
            )
    if keys and wrong:
        weakest = min(keys, key=lambda r: r["rate"] or 0.0)
        strongest = max(wrong, key=lambda r: r["rate"] or 0.0)
        if (weakest["rate"] or 0.0) < (strongest["rate"] or 0.0):
            weakest["flag"] = "key_below_distractor"
            flag(
                "key_below_distractor",
                f"key {weakest['option']!r} ({weakest['rate']:.0%}) is chosen less often than "
                f"distractor {strongest['option']!r} ({strongest['rate']:.0%}): a miskey?",
            )


def _region_table(
    q: Question,
    rows: Sequence[ItemRow | None],
    members: list[int],
    up: list[int],
    low: list[int],
    th: Thresholds,
    flag: FlagFn,
    enough: bool,
) -> list[dict[str, Any]]:
    key = set(q.key)
    table = []
    for region in q.regions:
        chosen = [r is not None and region.id in r.regions for r in rows]
        table.append(_option_rows(region.id, region.id in key, chosen, members, up, low))
    any_key = [r is not None and any(x in key for x in r.regions) for r in rows]
    outside = [r is not None and r.outside for r in rows]
    summary = _option_rows("(any key region)", True, any_key, members, up, low)
    table.append(_option_rows(OUTSIDE, False, outside, members, up, low))
    # Key regions often overlap (one structure drawn in parts): compare their union.
    _distractor_flags([summary, *[t for t in table if not t["key"]]], th, flag, enough)
    return [*table, summary]


def _position_table(
    q: Question,
    rows: Sequence[ItemRow | None],
    members: list[int],
    up: list[int],
    low: list[int],
    flag: FlagFn,
    enough: bool,
) -> list[dict[str, Any]]:
    key = list(q.key)
    out = []
    for pos, right in enumerate(key):
        table = []
        for o in q.options:
            chosen = [r is not None and len(r.order) > pos and r.order[pos] == o.id for r in rows]
            table.append(_option_rows(o.id, o.id == right, chosen, members, up, low))
        best = max(table, key=lambda t: t["rate"] or 0.0)
        keyed = next(t for t in table if t["key"])
        if enough and not best["key"] and (keyed["rate"] or 0.0) < (best["rate"] or 0.0):
            flag(
                "key_below_distractor",
                f"position {pos + 1}: key {right!r} ({keyed['rate']:.0%}) is placed there less "
                f"often than {best['option']!r} ({best['rate']:.0%})",
            )
        out.append({"position": pos + 1, "options": table})
    return out


def _caliper(
    q: Question,
    rows: Sequence[ItemRow | None],
    members: list[int],
    up: list[int],
    th: Thresholds,
    flag: FlagFn,
    enough: bool,
) -> dict[str, Any]:
    key = q.caliper
    assert key is not None
    measured = [
        r.measured for i in members if (r := rows[i]) is not None and r.measured is not None
    ]
    allowed = next(
        (r.allowed for i in members if (r := rows[i]) is not None and r.allowed is not None), None
    )
    err = _errors(rows, members)
    err_up = _errors(rows, up)
    tol = (allowed or 0.0) + 1e-9
    up_within = float((np.abs(err_up) <= tol).mean()) if err_up.size else math.nan
    out: dict[str, Any] = {
        "unit": key.unit,
        "expected": key.value,
        "tolerance": allowed,
        "n_measured": int(err.size),
        "mean_measured": _num(float(np.mean(measured))) if measured else None,
        "mean_error": _num(float(err.mean())) if err.size else None,
        "sd_error": _num(float(err.std(ddof=1))) if err.size > 1 else None,
        "median_error": _num(float(np.median(err))) if err.size else None,
        "mean_abs_error": _num(float(np.abs(err).mean())) if err.size else None,
        "within_tolerance_rate": _num(float((np.abs(err) <= tol).mean())) if err.size else None,
        "upper_mean_error": _num(float(err_up.mean())) if err_up.size else None,
        "upper_sd_error": _num(_sd(err_up)),
        "upper_within_tolerance_rate": _num(up_within),
        "errors": [round(float(e), 6) for e in err],
    }
    if enough and err.size and allowed:
        _caliper_flags(err, err_up, up_within, allowed, key.unit, th, flag)
    return out


def _errors(rows: Sequence[ItemRow | None], who: Sequence[int]) -> np.ndarray:
    """Measured minus expected, for those of `who` who measured."""
    vals = []
    for i in who:
        r = rows[i]
        if r is not None and r.measured is not None and r.expected is not None:
            vals.append(r.measured - r.expected)
    return np.array(vals, dtype=np.float64)


def _caliper_flags(
    err: np.ndarray,
    err_up: np.ndarray,
    up_within: float,
    allowed: float,
    unit: str,
    th: Thresholds,
    flag: FlagFn,
) -> None:
    bias = float(err.mean())
    if abs(bias) > th.caliper_bias * allowed:
        flag(
            "caliper_bias",
            f"mean error {bias:+.3g} {unit} is over {th.caliper_bias:g} x the tolerance "
            f"({allowed:g}): a miscalibrated image or key?",
        )
    if err_up.size and up_within < th.caliper_upper_within:
        flag(
            "caliper_tolerance_tight",
            f"only {up_within:.0%} of the upper group measure within the tolerance "
            f"(+/- {allowed:g} {unit}; upper-group error SD {_sd(err_up):.3g})",
        )


# ------------------------------------------------------------------ the whole


def analyse(
    outcomes: Sequence[FileOutcome],
    cases: CaseSource,
    thresholds: Thresholds | None = None,
    exams: Sequence[Exam] = (),
) -> Analysis:
    """Every statistic of the report, over the outcomes that passed the per-file step."""
    th = thresholds or Thresholds()
    good = [o for o in outcomes if o.ok]
    left_out = [
        {"file": o.file, "kind": o.kind, "problem": o.problem} for o in outcomes if not o.ok
    ]
    notes = [{"file": o.file, "note": n} for o in good for n in o.notes]
    flags: list[Flag] = []
    by_case: dict[str, list[FileOutcome]] = {}
    for o in good:
        by_case.setdefault(o.case_id, []).append(o)
    reports = []
    for case_id in sorted(by_case):
        case = cases.case(case_id)
        report, case_flags = _case_report(case, by_case[case_id], th)
        reports.append(report)
        flags.extend(case_flags)
    exam_reports = []
    for exam in exams:
        report, exam_flags = _exam_report(exam, by_case, cases, th)
        exam_reports.append(report)
        flags.extend(exam_flags)
    files = {
        "total": len(outcomes),
        "analysed": len(good),
        "left_out": left_out,
        "notes": notes,
        "rescored_changed": sum(1 for o in good for r in o.rows if r.changed),
    }
    return Analysis(files, th, tuple(reports), tuple(exam_reports), tuple(flags))


def _case_report(
    case: Case, outcomes: Sequence[FileOutcome], th: Thresholds
) -> tuple[dict[str, Any], list[Flag]]:
    columns = [_Column(case, q) for q in case.questions]
    m = _Matrix([o.rows for o in outcomes], columns)
    where = case.meta.id
    flags: list[Flag] = []
    items = []
    for j in range(len(columns)):
        item, item_flags = _item(m, j, th, where)
        items.append(item)
        flags.extend(item_flags)
    all_cols = list(range(len(columns)))
    scale = _scale(m, all_cols, case.meta.title, case.settings.pass_mark, th)
    flags.extend(_scale_flags(scale, "case", where, th))
    domains = []
    titles = {d.id: d.title for d in case.meta.domains}
    for d in case.meta.domains:
        cols = [j for j, c in enumerate(columns) if c.question.domain == d.id]
        if cols:
            ds = _scale(m, cols, titles[d.id], None, th)
            ds["domain"] = d.id
            domains.append(ds)
    report = {
        "case_id": case.meta.id,
        "title": case.meta.title,
        "version": case.meta.version,
        "source": str(case.source),
        "pass_mark": case.settings.pass_mark,
        "n_files": len(outcomes),
        "outcomes": _count(o.outcome for o in outcomes),
        "scale": scale,
        "domains": domains,
        "items": items,
    }
    return report, flags


def _scale_flags(scale: Mapping[str, Any], scope: str, where: str, th: Thresholds) -> list[Flag]:
    rel = scale["reliability"]
    alpha = rel.get("alpha")
    if rel.get("n", 0) >= th.min_n and alpha is not None and alpha < th.alpha_min:
        return [
            Flag(
                scope,
                where,
                "low_reliability",
                f"{where}: {rel['coefficient']} = {alpha:.2f} < {th.alpha_min:g} "
                f"(n = {rel['n']}, k = {rel['k']})",
            )
        ]
    return []


def _exam_report(
    exam: Exam, by_case: Mapping[str, Sequence[FileOutcome]], cases: CaseSource, th: Thresholds
) -> tuple[dict[str, Any], list[Flag]]:
    per_candidate: dict[str, dict[str, FileOutcome]] = {}
    duplicates = 0
    for case_id in exam.case_ids:
        for o in by_case.get(case_id, ()):
            seen = per_candidate.setdefault(o.candidate_id, {})
            if case_id in seen:
                duplicates += 1
                continue
            seen[case_id] = o
    complete = {c: s for c, s in per_candidate.items() if len(s) == len(exam.case_ids)}
    incomplete = len(per_candidate) - len(complete)
    case_objs = [cases.case(c) for c in exam.case_ids if c in by_case]
    columns = [_Column(case, q) for case in case_objs for q in case.questions]
    sittings = [[r for o in s.values() for r in o.rows] for _, s in sorted(complete.items())]
    m = _Matrix(sittings, columns)
    maxima = {c.meta.id: c for c in case_objs}
    # The certificate's pass mark: the cases' pass marks weighted by their maxima (totals.py).
    weights = [(maxima[c].settings.pass_mark, maxima[c].max_points) for c in maxima]
    total_w = sum(w for _, w in weights)
    mark = sum(p * w for p, w in weights) / total_w if total_w else None
    scale = _scale(m, list(range(len(columns))), exam.name, mark, th)
    scale["reliability"]["stratified_alpha"] = _stratified(m, case_objs)
    domains = []
    seen_domains: dict[str, str] = {}
    for case in case_objs:
        for d in case.meta.domains:
            seen_domains.setdefault(d.id, d.title)
    for d_id, title in seen_domains.items():
        cols = [j for j, c in enumerate(columns) if c.question.domain == d_id]
        if cols:
            ds = _scale(m, cols, title, None, th)
            ds["domain"] = d_id
            domains.append(ds)
    report = {
        "name": exam.name,
        "case_ids": list(exam.case_ids),
        "missing_cases": [c for c in exam.case_ids if c not in by_case],
        "n_candidates": len(complete),
        "n_incomplete": incomplete,
        "n_duplicate_files": duplicates,
        "scale": scale,
        "domains": domains,
    }
    return report, _scale_flags(scale, "exam", exam.name, th)


def _stratified(m: _Matrix, cases: Sequence[Case]) -> float | None:
    """Stratified alpha over the exam's cases, on the candidates of its largest form."""
    keep = np.flatnonzero(m.counted.any(axis=1))
    if keep.size < 2:
        return None
    patterns, which, counts = np.unique(
        m.counted[keep], axis=0, return_inverse=True, return_counts=True
    )
    best = min(
        range(len(patterns)),
        key=lambda k: (-int(counts[k]), tuple(bool(b) for b in patterns[k])),
    )
    members = keep[np.asarray(which).reshape(-1) == best]
    strata = []
    for case in cases:
        cols = [j for j, c in enumerate(m.columns) if c.case is case and patterns[best][j]]
        if cols:
            strata.append(np.nan_to_num(m.points[np.ix_(members, cols)]))
    return _num(stats.stratified_alpha(strata)) if len(strata) > 1 else None


def _count(values: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v or "unknown"] = out.get(v or "unknown", 0) + 1
    return out
