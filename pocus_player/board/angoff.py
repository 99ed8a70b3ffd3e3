"""Modified Angoff standard setting: judges' ratings -> a recommended cut, with its precision.

Each judge rates each item: the probability that a minimally competent candidate answers it
correctly (for partial-credit items, the expected proportion of its points), 0-1 or 0-100.
A judge's cut is the point-weighted mean of their ratings, sum(r_i * max_i) / sum(max_i),
a proportion of the points like the case's pass mark. The recommended cut is the mean over
judges of the last round, with the judges' SD, SE = SD / sqrt(J) and the t interval
mean +/- t(.975, J - 1) * SE. Rater agreement is the two-way random-effects intraclass
correlation of Shrout & Fleiss (1979), items x judges: ICC(2,1) for one judge's absolute
ratings, ICC(2,k) for the panel's mean (the reliability of the cut's ratings).

Ratings CSV, either long (`judge,question_id,rating[,round][,case_id]`) or wide (a `judge`
column, an optional `round` column, then one column per question id).
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from pocus_player.board import stats
from pocus_player.core.model import Case


class RatingsError(Exception):
    """A ratings file that cannot be used; the message says where."""


@dataclass(frozen=True, slots=True)
class Ratings:
    """Ratings of one round: judges x items, as proportions 0-1."""

    round: str
    judges: tuple[str, ...]
    items: tuple[str, ...]
    values: np.ndarray  # judges x items


Cells = dict[tuple[str, str, str], float]  # (round, judge, item) -> rating as written


def read_ratings(path: Path, case: Case) -> list[Ratings]:
    """All rounds of a ratings CSV, in the order they first appear; checked against the case."""
    rows = _csv_rows(path)
    header = [h.strip().lower() for h in rows[0]]
    if "judge" not in header:
        raise RatingsError(f"{path}:1: the header needs a 'judge' column")
    known = {q.id for q in case.questions}
    cells: Cells = {}
    declared: set[str] = set()  # wide format: every item column must be rated by every judge
    if "rating" in header:
        _read_long(path, rows, header, case, known, cells)
    else:
        declared = _read_wide(path, rows, header, known, cells)
    if not cells:
        raise RatingsError(f"{path}: no ratings for case {case.meta.id!r}")
    scale = 100.0 if max(cells.values()) > 1.0 else 1.0
    rounds: list[str] = []
    for rnd, _, _ in cells:
        if rnd not in rounds:
            rounds.append(rnd)
    return [_round(path, rnd, cells, declared, scale, case) for rnd in rounds]


def _csv_rows(path: Path) -> list[list[str]]:
    """The file's non-blank CSV lines: a header and at least one more."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RatingsError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    rows = list(csv.reader(io.StringIO(text)))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if len(rows) < 2:
        raise RatingsError(f"{path}: no ratings (expected a header line and one line per judge)")
    return rows


def _read_long(
    path: Path,
    rows: Sequence[Sequence[str]],
    header: Sequence[str],
    case: Case,
    known: set[str],
    cells: Cells,
) -> None:
    """One rating a line; lines of other cases are skipped."""
    col = {name: header.index(name) for name in header}
    if "question_id" not in col:
        raise RatingsError(f"{path}:1: a long ratings file needs a 'question_id' column")
    for n, r in enumerate(rows[1:], 2):
        got = {name: r[j].strip() for name, j in col.items() if j < len(r)}
        if got.get("case_id") and got["case_id"] != case.meta.id:
            continue
        _put(cells, path, n, got.get("round") or "1", got.get("judge", ""),
             got.get("question_id", ""), got.get("rating", ""), known)  # fmt: skip


def _read_wide(
    path: Path, rows: Sequence[Sequence[str]], header: Sequence[str], known: set[str], cells: Cells
) -> set[str]:
    """One judge (and round) a line, one column per item; returns the items declared."""
    round_col = header.index("round") if "round" in header else None
    judge_col = header.index("judge")
    item_cols = [
        (j, rows[0][j].strip()) for j in range(len(header)) if j not in (round_col, judge_col)
    ]
    declared: set[str] = set()
    for _, item in item_cols:
        if item not in known:
            raise RatingsError(f"{path}:1: {item!r} is not a question of this case")
        declared.add(item)
    for n, r in enumerate(rows[1:], 2):
        rnd = r[round_col].strip() if round_col is not None and round_col < len(r) else "1"
        judge = r[judge_col].strip() if judge_col < len(r) else ""
        for j, item in item_cols:
            if j < len(r) and r[j].strip():
                _put(cells, path, n, rnd or "1", judge, item, r[j].strip(), known)
    return declared


def _round(
    path: Path, rnd: str, cells: Cells, declared: set[str], scale: float, case: Case
) -> Ratings:
    """One round's judges x items, every judge rating every item of the round."""
    judges = tuple(dict.fromkeys(j for r, j, _ in cells if r == rnd))
    items = tuple(
        q.id
        for q in case.questions
        if q.id in declared or any((rnd, j, q.id) in cells for j in judges)
    )
    missing = [(j, i) for j in judges for i in items if (rnd, j, i) not in cells]
    if missing:
        who, what = missing[0]
        raise RatingsError(
            f"{path}: round {rnd}: judge {who!r} has no rating for {what!r} "
            f"({len(missing)} missing in all); every judge rates every item of a round"
        )
    values = np.array([[cells[(rnd, j, i)] / scale for i in items] for j in judges])
    return Ratings(rnd, judges, items, values)


def _put(
    cells: Cells,
    path: Path,
    line: int,
    rnd: str,
    judge: str,
    item: str,
    value: str,
    known: set[str],
) -> None:
    if not judge:
        raise RatingsError(f"{path}:{line}: no judge named")
    if item not in known:
        raise RatingsError(f"{path}:{line}: {item!r} is not a question of this case")
    try:
        rating = float(value.rstrip("%"))
    except ValueError:
        raise RatingsError(f"{path}:{line}: rating {value!r} of {item!r} is not a number") from None
    if not 0.0 <= rating <= 100.0 or math.isnan(rating):
        raise RatingsError(f"{path}:{line}: rating {value!r} of {item!r} is outside 0-100")
    if (rnd, judge, item) in cells:
        raise RatingsError(f"{path}:{line}: judge {judge!r} rates {item!r} twice in round {rnd}")
    cells[(rnd, judge, item)] = rating


def judge_cuts(r: Ratings, case: Case) -> np.ndarray:
    """Each judge's cut: point-weighted mean rating, a proportion of the points rated."""
    weights = np.array([case.question_by_id(i).points for i in r.items], dtype=np.float64)
    return np.asarray((r.values @ weights) / weights.sum(), dtype=np.float64)


def summarise(rounds: Sequence[Ratings], case: Case) -> dict[str, Any]:
    """Per round: judges' cuts, mean, SD, SE, 95 % interval, ICC; the last round recommends."""
    out = []
    for r in rounds:
        cuts = judge_cuts(r, case)
        mean, sd, se, half = stats.t_interval(cuts)
        single, average = stats.icc_two_way(r.values.T)
        out.append(
            {
                "round": r.round,
                "judges": {j: float(c) for j, c in zip(r.judges, cuts, strict=True)},
                "items": list(r.items),
                "item_means": {
                    i: float(v) for i, v in zip(r.items, r.values.mean(axis=0), strict=True)
                },
                "cut": mean,
                "sd": _clean(sd),
                "se": _clean(se),
                "ci95": [_clean(mean - half), _clean(mean + half)],
                "icc_2_1": _clean(single),
                "icc_2_k": _clean(average),
            }
        )
    return {"case_id": case.meta.id, "rounds": out, "recommended": out[-1]}


def _clean(value: float) -> float | None:
    return None if math.isnan(value) else value


def pass_rate(fractions: np.ndarray, cut: float) -> float:
    """Share of candidates whose score fraction reaches the cut (as the pass mark compares)."""
    if fractions.size == 0:
        return math.nan
    return float((fractions >= cut - 1e-9).mean())


# --------------------------------------------------------- writing the pass mark back


def write_pass_mark(path: Path, percent: float) -> str:
    """Set `settings.pass_mark` in a case script to `percent`, editing only that value.

    The YAML is composed (not loaded) to find the exact span of the scalar, so comments,
    quoting, flow or block style and every other byte stay as they were. Returns the old
    value's text.
    """
    import yaml

    # Bytes, not text mode: CRLF line ends stay CRLF and the marks' indices stay exact.
    text = path.read_bytes().decode("utf-8")
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise RatingsError(f"{path}: not valid YAML: {exc}") from None
    node = _child(root, "settings")
    value = _child(node, "pass_mark") if node is not None else None
    if not isinstance(value, yaml.ScalarNode):
        raise RatingsError(f"{path}: no settings.pass_mark to update")
    start, end = value.start_mark.index, value.end_mark.index
    new = f"{round(percent, 1):g}"
    edited = text[:start] + new + text[end:]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(edited.encode("utf-8"))
    os.replace(tmp, path)
    return text[start:end]


def _child(node: Any, key: str) -> Any:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return v
    return None
