"""Scoring in a session: the records a submitted checkpoint writes, and the case's totals.

Pure functions over the case and the session's data; `SessionFlow` calls them inside the
transaction that journals what they return.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pocus_player.core import branching, scoring
from pocus_player.core.model import END, Calibration, Case, Mode, Question
from pocus_player.core.scoring import ScoreResult
from pocus_player.core.session_data import SessionData, current_step
from pocus_player.core.session_types import Feedback, OpenCheckpoint
from pocus_player.core.totals import CaseTotals, case_totals

# A response's score when the keys are withheld from the sitting (`results rescore` fills it in).
PENDING_SCORE: dict[str, Any] = {"pending": True, "reason": "keys withheld: scored by the board"}


def calibration(case: Case, question: Question) -> Calibration | None:
    """The calibration of the image a question measures on, if any."""
    if question.image is None:
        return None
    return case.media_by_id(question.image.media).calibration


def score_responses(
    case: Case, responses: Mapping[str, Mapping[str, Any]], question_ids: Iterable[str]
) -> dict[str, ScoreResult]:
    """Scores recomputed from responses (a resume state holds no score; scoring is repeatable)."""
    scored: dict[str, ScoreResult] = {}
    for qid in question_ids:
        question = case.question_by_id(qid)
        scored[qid] = scoring.score(question, responses.get(qid, {}), calibration(case, question))
    return scored


def checkpoint_timings(data: SessionData, now: float) -> dict[str, Any]:
    """When the open checkpoint opened and was submitted, and the time it and the exam took."""
    timer = data.timers.checkpoint
    return {
        "opened_at": data.cp_opened_at,
        "submitted_at": now,
        "checkpoint_time_s": round(timer.elapsed(now), 6) if timer else None,
        "exam_time_s": round(data.timers.used_within_limit(now), 6),
    }


def response_record(
    question: Question,
    cp: OpenCheckpoint,
    response: dict[str, Any],
    result: ScoreResult,
    timings: dict[str, Any],
    cause: str,
    *,
    scores_withheld: bool,
) -> dict[str, Any]:
    """The journal's "response" record for one question of a submitted checkpoint."""
    return {
        "question_id": question.id,
        "checkpoint": cp.id,
        "step": cp.step_id,
        "response": response,
        "score": dict(PENDING_SCORE) if scores_withheld else result.to_json(),
        "timings": timings,
        "cause": cause,
    }


def practice_feedback(
    case: Case, questions: Sequence[Question], results: Sequence[ScoreResult]
) -> tuple[Feedback, ...]:
    """Practice mode: each question's score, key and rationale; nothing in exam mode."""
    if case.settings.mode is not Mode.PRACTICE:
        return ()
    return tuple(
        Feedback(q.id, r, q.key, scoring.key_response(q), q.rationale)
        for q, r in zip(questions, results, strict=True)
    )


def unreached_questions(case: Case, data: SessionData) -> list[str]:
    """Questions still ahead on the path, following branches as if left unanswered."""
    results = dict(data.results)
    patient = dict(data.patient)
    step = current_step(case, data)
    ahead: list[str] = []
    # The open checkpoint, if any, was scored first: only later checkpoints remain here.
    for cp in step.checkpoints[data.cp_index :]:
        ahead.extend(cp.questions)
    done = 0
    while True:
        for qid in ahead[done:]:
            results[qid] = scoring.score(case.question_by_id(qid), {})
        done = len(ahead)
        decision = branching.next_step(case, step, results, data.responses, patient)
        if decision.goto == END:
            return ahead
        step = case.step_by_id(decision.goto)
        branching.apply_state(patient, step.sets_state)
        ahead.extend(branching.step_questions(step))


def totals_of(case: Case, data: SessionData, outcome: str, unreached: list[str]) -> CaseTotals:
    """The case totals: the scored questions, and every unreached one as unanswered."""
    scored = list(data.results.values())
    scored += [scoring.score(case.question_by_id(q), {}) for q in unreached]
    return case_totals(case, scored, data.path, outcome, unreached)


def submit_record(
    data: SessionData, now: float, totals: CaseTotals, *, scores_withheld: bool
) -> dict[str, Any]:
    """The journal's closing "submit" record (the session's outcome and totals are set)."""
    return {
        "outcome": data.outcome,
        "totals": None if scores_withheld else totals.to_json(),
        **({"scores_pending": True} if scores_withheld else {}),
        "path": list(data.path),
        "unreached": list(data.unreached),
        "time_used_s": round(data.timers.used_within_limit(now), 6),
        "time_limit_s": data.timers.overall.limit,
        "extra_time_s": data.timers.extra_time_s,
        "at": now,
    }
