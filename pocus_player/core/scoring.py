"""Scoring of one response against one question: deterministic, exact, with the rule that matched.

Response JSON, per question type (what the UI produces, the journal stores and
the board rescores):

    single best answer   {"choice": "b"}
    multiple response    {"choices": ["a", "c"]}
    ordering             {"order": ["v1", "v2", ...]}           every option exactly once
    hotspot              {"points": [[x, y], ...], "frame": 12}  image pixels; frame may be null
    caliper              {"endpoints": [[x1, y1], [x2, y2]]}     image pixels

"A diagnosis is not possible" is the option id `not_possible` (model.NOT_POSSIBLE)
in `choice`/`choices`; it excludes every other choice. No answer is `{}` (an
empty `choices`/`order`/`points` list counts as no answer too): it scores 0 and
is never an error. Anything else that does not fit raises `ResponseError` naming
what is wrong.

Rules (`ScoreResult.rule`), and the fraction of the question's points awarded:

    no_answer                 0
    sba.correct / sba.incorrect                      1 / 0
    not_possible.correct / not_possible.incorrect    "not possible" chosen: 1 / 0
    mr.correct / mr.incorrect                        all-or-nothing: exactly the key / else
    mr.partial                (correct chosen - incorrect chosen) / key size, floor 0
    ordering.exact / ordering.incorrect              exactly the key / else (all-or-nothing)
    ordering.lcs              (L - 1) / (n - 1), L = longest correctly ordered subsequence
                              (so a fully reversed order scores 0; ties between several
                              longest subsequences cannot change L)
    ordering.constraints      satisfied "a before b" constraints / all constraints
    hotspot.correct / hotspot.incorrect              all-or-nothing, see below
    hotspot.regions           partial: (matched - misses) / required, floor 0
    caliper.within_tolerance / caliper.outside_tolerance      1 / 0

Hotspot: a region counts only if it is in the key and, when it has a frame
range, the response's frame (else the question image's frame) lies in it.
Borders are inside. Each marker credits at most one correct region and each
region is credited once (a maximum matching), so overlapping regions never
double-count. `required` is min(markers, key size): with one marker and two
correct regions, either region earns full marks. A marker outside every
correct region is a miss: it cancels one matched region under partial
scoring, and makes an all-or-nothing answer wrong. A second marker inside an
already credited region is neither credit nor miss. More markers than the
question allows is a `ResponseError`.

Caliper: the distance between the endpoints is converted with the image
calibration (per axis cm/pixel; `axis` distance, vertical or horizontal; unit
cm, mm, or s/ms on an M-mode time axis), rounded half-up to the key's
`decimals`, then compared with the key: |measured - value| <= tolerance
(absolute) or <= tolerance * |value| (relative), boundaries inclusive. A
zero-length measurement is a valid measurement of 0.

Arithmetic is exact (fractions, decimals read from each number's shortest
spelling); the awarded points are rounded half-up to `POINTS_DECIMALS` places.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from pocus_player.core.errors import ResponseError
from pocus_player.core.geometry import (
    CalibrationError,
    caliper_distance,
    exact,
    exact_decimal,
    point_in_shape,
)
from pocus_player.core.model import (
    NOT_POSSIBLE,
    Calibration,
    Circle,
    OrderingPartialRule,
    Polygon,
    Question,
    QuestionType,
    Rect,
    Region,
    ScoringRule,
    ToleranceKind,
)

__all__ = [
    "POINTS_DECIMALS",
    "CalibrationError",
    "ResponseError",
    "ScoreResult",
    "key_response",
    "parse_response",
    "score",
]

POINTS_DECIMALS = 4
_SCALE = 10**POINTS_DECIMALS

_FIELDS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.SINGLE_BEST_ANSWER: ("choice",),
    QuestionType.MULTIPLE_RESPONSE: ("choices",),
    QuestionType.ORDERING: ("order",),
    QuestionType.HOTSPOT: ("points", "frame"),
    QuestionType.CALIPER: ("endpoints",),
}


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """The score of one response. `detail` is a small JSON-able dict; treat it as read-only."""

    question_id: str
    points: float
    max_points: float
    domain: str
    rule: str
    correct: bool  # the response earned the full fraction (branch conditions use this)
    detail: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "points": self.points,
            "max_points": self.max_points,
            "domain": self.domain,
            "rule": self.rule,
            "correct": self.correct,
            "detail": dict(self.detail),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | str) -> ScoreResult:
        """Rebuild from `to_json()` output (a dict, or its JSON text)."""
        raw = json.loads(data) if isinstance(data, str) else data
        try:
            return cls(
                question_id=str(raw["question_id"]),
                points=float(raw["points"]),
                max_points=float(raw["max_points"]),
                domain=str(raw["domain"]),
                rule=str(raw["rule"]),
                correct=bool(raw["correct"]),
                detail=dict(raw.get("detail") or {}),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a score result: {exc!r}") from None


# -- response parsing -----------------------------------------------------------------------


def _fail(question: Question, message: str) -> ResponseError:
    return ResponseError(f"question {question.id!r} ({question.type.value}): {message}")


def _number(question: Question, value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _fail(question, f"{where} must be a finite number, not {value!r}")
    return value


def _point(question: Question, value: Any, where: str) -> tuple[float, float]:
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise _fail(question, f"{where} must be an [x, y] pair, not {value!r}")
    return (_number(question, value[0], f"{where}[0]"), _number(question, value[1], f"{where}[1]"))


def _ids(question: Question, value: Any, name: str) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise _fail(question, f"{name!r} must be a list of option ids, not {value!r}")
    ids = list(value)
    if len(set(ids)) != len(ids):
        raise _fail(question, f"{name!r} names an option more than once")
    return ids


def _check_options(question: Question, ids: Sequence[str]) -> None:
    known = {o.id for o in question.display_options} | set(question.key)
    for oid in ids:
        if oid not in known:
            raise _fail(question, f"{oid!r} is not an option of this question")


def parse_response(question: Question, response: Any) -> dict[str, Any]:
    """Validate a response and return its canonical form ({} when there is no answer).

    Raises ResponseError when the response does not fit the question type.
    """
    if not isinstance(response, Mapping):
        raise _fail(question, f"a response is a JSON object, not {type(response).__name__}")
    allowed = _FIELDS[question.type]
    unknown = sorted(set(response) - set(allowed))
    if unknown:
        raise _fail(
            question, f"unexpected field {unknown[0]!r} (this type takes {', '.join(allowed)})"
        )
    main = allowed[0]
    if main not in response:
        if response:
            raise _fail(question, f"missing field {main!r}")
        return {}
    value = response[main]
    qtype = question.type
    if qtype is QuestionType.SINGLE_BEST_ANSWER:
        return _parse_choice(question, value)
    if qtype is QuestionType.MULTIPLE_RESPONSE:
        return _parse_choices(question, value)
    if qtype is QuestionType.ORDERING:
        return _parse_order(question, value)
    if qtype is QuestionType.HOTSPOT:
        return _parse_hotspot(question, value, response.get("frame"))
    return _parse_endpoints(question, value)


def _parse_choice(question: Question, value: Any) -> dict[str, Any]:
    if not isinstance(value, str):
        raise _fail(question, f"'choice' must be an option id, not {value!r}")
    _check_options(question, [value])
    return {"choice": value}


def _parse_choices(question: Question, value: Any) -> dict[str, Any]:
    ids = _ids(question, value, "choices")
    _check_options(question, ids)
    if NOT_POSSIBLE in ids and len(ids) > 1:
        raise _fail(question, f"{NOT_POSSIBLE!r} cannot be chosen with other options")
    return {"choices": ids} if ids else {}


def _parse_order(question: Question, value: Any) -> dict[str, Any]:
    ids = _ids(question, value, "order")
    if not ids:
        return {}
    if sorted(ids) != sorted(o.id for o in question.options):
        raise _fail(question, "'order' must list every option exactly once")
    return {"order": ids}


def _parse_hotspot(question: Question, value: Any, frame: Any) -> dict[str, Any]:
    if not isinstance(value, list | tuple):
        raise _fail(question, f"'points' must be a list of [x, y] pairs, not {value!r}")
    points = [_point(question, p, f"points[{i}]") for i, p in enumerate(value)]
    if len(points) > question.markers:
        raise _fail(
            question, f"{len(points)} markers placed; this question takes {question.markers}"
        )
    if frame is not None and (isinstance(frame, bool) or not isinstance(frame, int) or frame < 0):
        raise _fail(question, f"'frame' must be a frame number (0 or more) or null, not {frame!r}")
    if not points:
        return {}
    return {"points": [list(p) for p in points], "frame": frame}


def _parse_endpoints(question: Question, value: Any) -> dict[str, Any]:
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise _fail(question, f"'endpoints' must be two [x, y] pairs, not {value!r}")
    ends = [_point(question, p, f"endpoints[{i}]") for i, p in enumerate(value)]
    return {"endpoints": [list(p) for p in ends]}


# -- scoring ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)  # a case has few distinct point values; the board rescores many
def _round_points(value: Fraction) -> float:
    """Round a non-negative exact value half-up to POINTS_DECIMALS places."""
    scaled = math.floor(value * _SCALE + Fraction(1, 2))
    return float(Decimal(scaled).scaleb(-POINTS_DECIMALS))


def _result(
    question: Question, fraction: Fraction, rule: str, detail: dict[str, Any]
) -> ScoreResult:
    maximum = exact(question.points)
    return ScoreResult(
        question_id=question.id,
        points=_round_points(maximum * fraction),
        max_points=_round_points(maximum),
        domain=question.domain,
        rule=rule,
        correct=fraction == 1,
        detail=detail,
    )


def score(
    question: Question, response: Mapping[str, Any], calibration: Calibration | None = None
) -> ScoreResult:
    """Score `response` (see the module docstring for its shape and the rules).

    `calibration` is the question image's calibration; caliper questions need it
    (CalibrationError when it is missing or cannot give the key's unit and axis).
    """
    parsed = parse_response(question, response)
    if not parsed:
        return _result(question, Fraction(0), "no_answer", {})
    qtype = question.type
    if qtype is QuestionType.SINGLE_BEST_ANSWER:
        return _score_sba(question, parsed["choice"])
    if qtype is QuestionType.MULTIPLE_RESPONSE:
        return _score_mr(question, parsed["choices"])
    if qtype is QuestionType.ORDERING:
        return _score_ordering(question, parsed["order"])
    if qtype is QuestionType.HOTSPOT:
        return _score_hotspot(question, parsed["points"], parsed["frame"])
    return _score_caliper(question, parsed["endpoints"], calibration)


def _score_sba(question: Question, choice: str) -> ScoreResult:
    ok = bool(question.key) and choice == question.key[0]
    family = "not_possible" if choice == NOT_POSSIBLE else "sba"
    rule = f"{family}.{'correct' if ok else 'incorrect'}"
    return _result(question, Fraction(int(ok)), rule, {"choice": choice})


def _score_mr(question: Question, choices: list[str]) -> ScoreResult:
    key = set(question.key)
    hits = sum(1 for c in choices if c in key)
    wrong = len(choices) - hits
    detail = {"correct_chosen": hits, "incorrect_chosen": wrong, "key_size": len(key)}
    exact_match = set(choices) == key
    if choices == [NOT_POSSIBLE]:
        rule = "not_possible.correct" if exact_match else "not_possible.incorrect"
        return _result(question, Fraction(int(exact_match)), rule, detail)
    if question.scoring is ScoringRule.ALL_OR_NOTHING or exact_match:
        rule = "mr.correct" if exact_match else "mr.incorrect"
        return _result(question, Fraction(int(exact_match)), rule, detail)
    fraction = Fraction(max(0, hits - wrong), max(1, len(key)))
    return _result(question, fraction, "mr.partial", detail)


def _longest_ordered(order: list[str], key: Sequence[str]) -> list[str]:
    """The longest subsequence of `order` in key order; ties go to the earliest-ending one."""
    rank = {item: i for i, item in enumerate(key)}
    ranks = [rank[item] for item in order]
    best_len = [1] * len(ranks)
    prev = [-1] * len(ranks)
    for i in range(len(ranks)):
        for j in range(i):
            if ranks[j] < ranks[i] and best_len[j] + 1 > best_len[i]:
                best_len[i] = best_len[j] + 1
                prev[i] = j
    end = best_len.index(max(best_len))
    chain: list[str] = []
    while end != -1:
        chain.append(order[end])
        end = prev[end]
    return chain[::-1]


def _score_ordering(question: Question, order: list[str]) -> ScoreResult:
    key = list(question.key)
    if order == key:
        return _result(question, Fraction(1), "ordering.exact", {"order_length": len(order)})
    if question.scoring is ScoringRule.ALL_OR_NOTHING:
        return _result(question, Fraction(0), "ordering.incorrect", {"order_length": len(order)})
    if question.partial_rule is OrderingPartialRule.CONSTRAINTS:
        pairs = question.constraints or tuple(itertools.pairwise(key))
        position = {item: i for i, item in enumerate(order)}
        met = sum(1 for a, b in pairs if position[a] < position[b])
        detail = {"constraints_met": met, "constraints": len(pairs)}
        return _result(question, Fraction(met, len(pairs)), "ordering.constraints", detail)
    chain = _longest_ordered(order, key)
    fraction = Fraction(len(chain) - 1, len(key) - 1)
    lcs_detail: dict[str, Any] = {"longest_ordered": chain, "order_length": len(order)}
    return _result(question, fraction, "ordering.lcs", lcs_detail)


def _active(region: Region, frame: int | None) -> bool:
    if region.frames is None:
        return True
    return frame is not None and region.frames[0] <= frame <= region.frames[1]


def _max_matching(candidates: list[list[int]], n_regions: int) -> list[int]:
    """Kuhn's augmenting paths: region index -> point index (or -1), maximal, deterministic."""
    owner = [-1] * n_regions

    def augment(point: int, seen: set[int]) -> bool:
        for region in candidates[point]:
            if region in seen:
                continue
            seen.add(region)
            if owner[region] == -1 or augment(owner[region], seen):
                owner[region] = point
                return True
        return False

    for point in range(len(candidates)):
        augment(point, set())
    return owner


def _score_hotspot(question: Question, points: list[list[float]], frame: int | None) -> ScoreResult:
    if frame is None and question.image is not None:
        frame = question.image.frame
    key = set(question.key)
    regions = [r for r in question.regions if r.id in key and _active(r, frame)]
    candidates = [
        [i for i, r in enumerate(regions) if point_in_shape(r.shape, x, y)] for x, y in points
    ]
    owner = _max_matching(candidates, len(regions))
    matched = [regions[i].id for i, p in enumerate(owner) if p != -1]
    misses = sum(1 for c in candidates if not c)
    required = max(1, min(question.markers, len(key)))
    detail = {"matched": matched, "misses": misses, "required": required, "frame": frame}
    if question.scoring is ScoringRule.ALL_OR_NOTHING:
        ok = len(matched) == required and misses == 0
        rule = "hotspot.correct" if ok else "hotspot.incorrect"
        return _result(question, Fraction(int(ok)), rule, detail)
    fraction = Fraction(max(0, len(matched) - misses), required)
    return _result(question, fraction, "hotspot.regions", detail)


def _score_caliper(
    question: Question, endpoints: list[list[float]], calibration: Calibration | None
) -> ScoreResult:
    key = question.caliper
    if key is None:
        raise CalibrationError(f"caliper question {question.id!r} has no caliper key")
    if calibration is None:
        raise CalibrationError(f"caliper question {question.id!r} needs a calibrated image")
    p1, p2 = endpoints
    raw = caliper_distance((p1[0], p1[1]), (p2[0], p2[1]), calibration, key.unit, key.axis)
    measured = raw.quantize(Decimal(1).scaleb(-key.decimals), rounding=ROUND_HALF_UP)
    expected = exact_decimal(key.value)
    allowed = exact_decimal(key.tolerance)
    if key.tolerance_kind is ToleranceKind.RELATIVE:
        allowed = allowed * abs(expected)
    difference = abs(measured - expected)
    ok = difference <= allowed
    detail = {
        "measured": float(measured),
        "unit": key.unit,
        "expected": float(expected),
        "difference": float(difference),
        "allowed": float(allowed),
    }
    rule = "caliper.within_tolerance" if ok else "caliper.outside_tolerance"
    return _result(question, Fraction(int(ok)), rule, detail)


# -- the key as a response -------------------------------------------------------------------


def _inside_point(region: Region) -> tuple[float, float]:
    """A point surely inside the region (borders count as inside)."""
    shape = region.shape
    if isinstance(shape, Circle):
        return (shape.cx, shape.cy)
    if isinstance(shape, Rect):
        return (shape.x, shape.y)
    assert isinstance(shape, Polygon)
    return shape.points[0]


def key_response(question: Question) -> dict[str, Any]:
    """A response that earns full marks: practice-mode feedback shows it; tests score it.

    Hotspot: one point per correct region usable together on one frame (the
    image's frame, else the first frame-ranged key region's first frame).
    Caliper: the key's reference endpoints when authored, else {}.
    """
    qtype = question.type
    if qtype is QuestionType.SINGLE_BEST_ANSWER:
        return {"choice": question.key[0]}
    if qtype is QuestionType.MULTIPLE_RESPONSE:
        return {"choices": list(question.key)}
    if qtype is QuestionType.ORDERING:
        return {"order": list(question.key)}
    if qtype is QuestionType.HOTSPOT:
        key = set(question.key)
        keyed = [r for r in question.regions if r.id in key]
        frame = question.image.frame if question.image is not None else None
        if frame is None:
            frame = next((r.frames[0] for r in keyed if r.frames is not None), None)
        usable = [r for r in keyed if _active(r, frame)]
        points = [list(_inside_point(r)) for r in usable[: question.markers]]
        return {"points": points, "frame": frame}
    if question.caliper is not None and question.caliper.endpoints is not None:
        return {"endpoints": [list(p) for p in question.caliper.endpoints]}
    return {}
