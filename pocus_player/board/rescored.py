"""The per-file step of the board's analysis: one result file in, verified rescored rows out.

`rescore_result(data, name, identities, cases)` is a pure function of the file's bytes, the
board's identities and the case source: no shared state, no output, so a process pool (or
a Spark/DuckDB map over an archive) can run it on every file independently. It returns a
`FileOutcome`: either a clear per-file problem (left out of the analysis), or one
`ItemRow` per question the candidate was counted on: the last response to each question
presented (a retried submit repeats responses; the last one counts), rescored with this
version's engine, plus the questions left unreached when the case ended early. Questions
off the candidate's branch get no row at all: missing by design, never scored as wrong.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pyrage

from pocus_player.board.case_source import CaseSource, UnknownCase
from pocus_player.core import scoring
from pocus_player.core.errors import PocusError, ResultFileError
from pocus_player.core.geometry import point_in_shape
from pocus_player.core.journal_format import Record, verify_bytes
from pocus_player.core.model import Case, Question, QuestionType
from pocus_player.core.resume import parse_journal_name

ANSWERED, OMITTED, NOT_REACHED = "answered", "omitted", "not_reached"


class ItemRow(NamedTuple):
    """One question of one candidate's sitting, rescored (the unit the statistics count).

    A named tuple, not a dataclass: a pool sends back tens of thousands of rows, and tuples
    pickle and build several times faster than a frozen dataclass's field-by-field init.
    """

    file: str
    session: str
    candidate_id: str
    case_id: str
    case_version: str
    question_id: str
    question_type: str
    domain: str
    status: str  # ANSWERED, OMITTED (presented, left blank) or NOT_REACHED (case ended early)
    points: float
    max_points: float
    rule: str
    correct: bool
    recorded_points: float | None  # what the app scored at the time (None: unreached)
    changed: bool  # the rescore differs from the recorded score
    time_s: float | None  # time at the question's checkpoint (shared by its questions)
    response: str  # canonical JSON of the raw response ("" when unreached)
    choices: tuple[str, ...] = ()  # SBA / MR: options chosen
    order: tuple[str, ...] = ()  # ordering: the order given
    regions: tuple[str, ...] = ()  # hotspot: regions holding at least one marker
    outside: bool = False  # hotspot: a marker outside every region
    measured: float | None = None  # caliper: the measurement, in the key's unit
    expected: float | None = None
    allowed: float | None = None

    def to_json(self) -> dict[str, Any]:
        out = self._asdict()
        for name in ("choices", "order", "regions"):
            out[name] = list(out[name])
        return out


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What one file contributed: rows, or the reason it was left out."""

    file: str
    problem: str | None = None  # set: the file is left out of the analysis
    kind: str = ""  # "unreadable", "identity", "case", "verification" when left out
    case_id: str = ""
    candidate_id: str = ""
    session: str = ""
    receipt: str = ""
    outcome: str = ""  # the submit record's outcome
    notes: tuple[str, ...] = ()  # kept, but worth a look (case version differs, rescore changed)
    rows: tuple[ItemRow, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.problem is None


class _Sitting(NamedTuple):
    """Whose sitting a file holds: the fields every row of the file repeats."""

    file: str
    session: str
    candidate_id: str

    def row(self, case: Case, question: Question, **scored: Any) -> ItemRow:
        """A row of this sitting for `question`, with its scored fields as given."""
        return ItemRow(
            file=self.file,
            session=self.session,
            candidate_id=self.candidate_id,
            case_id=case.meta.id,
            case_version=case.meta.version,
            question_id=question.id,
            question_type=question.type.value,
            domain=question.domain,
            **scored,
        )


def rescore_result(
    data: bytes,
    name: str,
    identities: Sequence[pyrage.x25519.Identity],
    cases: CaseSource,
) -> FileOutcome:
    """Verify, decrypt and rescore one result file (see the module docstring)."""
    try:
        v = verify_bytes(data, identities)
    except ResultFileError as exc:
        text = str(exc).replace("result file", name, 1)
        kind = "identity" if "no record decrypts" in text else "unreadable"
        return FileOutcome(name, text, kind)
    named = parse_journal_name(name.rsplit("/", 1)[-1]) or {}
    start = _payload(v.records, "start")
    submit = _payload(v.records, "submit")
    case_id = str(start.get("case_id") or named.get("case", ""))
    candidate = str(
        start.get("candidate_id") or start.get("candidate") or named.get("candidate", "")
    )
    sitting = _Sitting(name, v.session or "", candidate)

    def left_out(problem: str, kind: str) -> FileOutcome:
        return FileOutcome(name, problem, kind, case_id, candidate, sitting.session)

    if not v.ok:
        why = "; ".join(f"{i.code}: {i.message}" for i in v.issues if i.severity != "info")
        return left_out(f"failed verification ({why})", "verification")
    try:
        case = cases.case(case_id)
    except UnknownCase as exc:
        return left_out(str(exc), "case")
    notes = _version_notes(start, case, cases.digest(case_id))
    try:
        rows = _rows(case, v.records, submit, sitting)
    except (KeyError, ValueError, PocusError) as exc:  # CalibrationError is a ValueError
        return left_out(f"does not fit case {case_id!r}: {exc}", "case")
    changed = sum(1 for r in rows if r.changed)
    if changed:
        notes.append(f"{changed} response(s) score differently now than when recorded")
    return FileOutcome(
        name,
        case_id=case_id,
        candidate_id=candidate,
        session=sitting.session,
        receipt=v.receipt or "",
        outcome=str(submit.get("outcome", "")),
        notes=tuple(notes),
        rows=tuple(rows),
    )


def _version_notes(start: Mapping[str, Any], case: Case, digest: str | None) -> list[str]:
    """A note when the case was sat in another version than the one that rescores it."""
    if start.get("case_sha256") not in (None, digest) and digest is not None:
        return [
            f"recorded with case version {start.get('case_version')!r}, rescored with "
            f"{case.meta.version!r} (the script differs)"
        ]
    return []


def _rows(
    case: Case, records: Sequence[Record], submit: Mapping[str, Any], sitting: _Sitting
) -> list[ItemRow]:
    """The last response to each question presented, then the questions left unreached."""
    last: dict[str, Record] = {}
    for rec in records:
        if rec.type == "response":
            last[str(rec.payload.get("question_id", ""))] = rec
    rows = [_row(case, qid, rec.payload, sitting) for qid, rec in last.items()]
    for qid in submit.get("unreached") or ():
        if str(qid) not in last:
            rows.append(_unreached(case, str(qid), sitting))
    return rows


def _payload(records: Sequence[Record], kind: str) -> Mapping[str, Any]:
    for rec in records:
        if rec.type == kind:
            return rec.payload
    return {}


def _question(case: Case, qid: str) -> Question:
    try:
        return case.question_by_id(qid)
    except KeyError:
        raise KeyError(f"question {qid!r} is not in this case") from None


def _row(case: Case, qid: str, payload: Mapping[str, Any], sitting: _Sitting) -> ItemRow:
    question = _question(case, qid)
    raw = payload.get("response") or {}
    calibration = None
    if question.image is not None:
        try:
            calibration = case.media_by_id(question.image.media).calibration
        except KeyError:
            calibration = None
    result = scoring.score(question, raw, calibration)
    recorded = payload.get("score")
    recorded_points = recorded.get("points") if isinstance(recorded, Mapping) else None
    changed = not (
        isinstance(recorded, Mapping)
        and recorded.get("points") == result.points
        and recorded.get("max_points") == result.max_points
        and recorded.get("rule") == result.rule
    )
    timings = payload.get("timings")
    time_s = None
    if isinstance(timings, Mapping):
        t = timings.get("checkpoint_time_s")
        time_s = float(t) if isinstance(t, int | float) else None
    # score() has validated the response; "no answer" has nothing to count.
    extra = {} if result.rule == "no_answer" else _detail(question, raw, result.detail)
    return sitting.row(
        case,
        question,
        status=OMITTED if result.rule == "no_answer" else ANSWERED,
        points=result.points,
        max_points=result.max_points,
        rule=result.rule,
        correct=result.correct,
        recorded_points=float(recorded_points)
        if isinstance(recorded_points, int | float)
        else None,
        changed=changed,
        time_s=time_s,
        response=json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
        **extra,
    )


def _detail(
    question: Question, parsed: Mapping[str, Any], detail: Mapping[str, Any]
) -> dict[str, Any]:
    """The parts of a (validated) response the option, region and caliper statistics count."""
    qtype = question.type
    if qtype is QuestionType.SINGLE_BEST_ANSWER:
        return {"choices": (str(parsed["choice"]),)}
    if qtype is QuestionType.MULTIPLE_RESPONSE:
        return {"choices": tuple(str(c) for c in parsed["choices"])}
    if qtype is QuestionType.ORDERING:
        return {"order": tuple(str(c) for c in parsed["order"])}
    if qtype is QuestionType.HOTSPOT:
        hit: list[str] = []
        outside = False
        for x, y in parsed["points"]:
            inside = [r.id for r in question.regions if point_in_shape(r.shape, x, y)]
            outside = outside or not inside
            hit.extend(r for r in inside if r not in hit)
        return {"regions": tuple(hit), "outside": outside}
    return {
        "measured": _num(detail.get("measured")),
        "expected": _num(detail.get("expected")),
        "allowed": _num(detail.get("allowed")),
    }


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _unreached(case: Case, qid: str, sitting: _Sitting) -> ItemRow:
    question = _question(case, qid)
    result = scoring.score(question, {})
    return sitting.row(
        case,
        question,
        status=NOT_REACHED,
        points=0.0,
        max_points=result.max_points,
        rule="not_reached",
        correct=False,
        recorded_points=None,
        changed=False,
        time_s=None,
        response="",
    )


__all__ = [
    "ANSWERED",
    "NOT_REACHED",
    "OMITTED",
    "FileOutcome",
    "ItemRow",
    "rescore_result",
]
