"""How a session moves through its case, inside one event's transaction.

`SessionFlow` holds the rules of the walk: entering a step, opening a checkpoint (with its
own timer), scoring and submitting it, branching to the next step, applying due timers,
reviewing clips, the proctor's pause, grants and notes, ending the case with its totals,
and reopening after a resume. `ExamSession` checks that an event is allowed in the
current state and calls one of these on the transaction's copy of its data.
"""

from __future__ import annotations

from pocus_player.core import branching, scoring
from pocus_player.core.model import END, Case, StepType
from pocus_player.core.scoring import ScoreResult
from pocus_player.core.session_data import Transaction, current_step
from pocus_player.core.session_media import describe_open
from pocus_player.core.session_scoring import (
    calibration,
    checkpoint_timings,
    practice_feedback,
    response_record,
    submit_record,
    totals_of,
    unreached_questions,
)
from pocus_player.core.session_timers import CHECKPOINT_TIME_LIMIT, TIME_EXPIRED, checkpoint_limit
from pocus_player.core.session_types import ACTIVE, OPEN, SessionState, Sitting, SubmitOutcome
from pocus_player.core.timers import CountdownTimer


class SessionFlow:
    """The session's moves over one case, for one sitting."""

    def __init__(self, case: Case, sitting: Sitting) -> None:
        self._case = case
        self._accommodation = sitting.accommodation
        self._scores_withheld = sitting.scores_withheld

    def enter(self, tx: Transaction, step_id: str) -> None:
        """Go into a step: play its segment, or open its questions; END finishes the case."""
        data = tx.data
        if step_id == END:
            self.end(tx, SessionState.FINISHED, "completed", "end", project=False)
            return
        step = self._case.step_by_id(step_id)
        data.path.append(step_id)
        data.step_id = step_id
        data.cp_index = 0
        branching.apply_state(data.patient, step.sets_state)
        if step.type is StepType.SEGMENT:
            assert step.media is not None
            data.plays[step.media] = data.plays.get(step.media, 0) + 1
            tx.set_state(SessionState.PLAYING_SEGMENT, "enter_step", {"step": step_id})
        else:
            self.open(tx, step_id, step.questions, "enter_step")

    def open(self, tx: Transaction, cp_id: str, qids: tuple[str, ...], event: str) -> None:
        """Open a checkpoint's questions, with no drafts and a fresh checkpoint timer."""
        data = tx.data
        questions = [self._case.question_by_id(q) for q in qids]
        limit = checkpoint_limit(self._case, questions, self._accommodation)
        data.timers.checkpoint = CountdownTimer(limit)
        data.open_cp = cp_id
        data.cp_opened_at = tx.now
        data.drafts = {}
        tx.set_state(SessionState.AT_CHECKPOINT, event, {"checkpoint": cp_id})

    def reopen(self, tx: Transaction, state: SessionState, *, paused: bool) -> None:
        """After a resume: back in `state`, an open checkpoint asked again from scratch."""
        data = tx.data
        if state in OPEN:
            step = current_step(self._case, data)
            if step.type is StepType.SEGMENT:
                cp = step.checkpoints[data.cp_index]
                self.open(tx, cp.id, cp.questions, "resumed")
            else:
                self.open(tx, step.id, step.questions, "resumed")
        else:
            tx.set_state(state, "resumed")
        if paused:
            data.paused_from = data.state
            tx.set_state(SessionState.PAUSED_BY_PROCTOR, "resumed")

    def apply_timers(self, tx: Transaction) -> None:
        """A due overall timer ends the case; a due checkpoint timer submits the checkpoint."""
        if tx.data.state not in ACTIVE:
            return
        due = tx.data.timers.due(tx.now)
        if due == TIME_EXPIRED:
            self.end(tx, SessionState.TIME_EXPIRED, "time_expired", "time_expired")
        elif due == CHECKPOINT_TIME_LIMIT:
            self.submit_open(tx, CHECKPOINT_TIME_LIMIT)

    def submit_open(self, tx: Transaction, cause: str) -> None:
        """Submit the open checkpoint as it stands and go on: the next checkpoint or step."""
        self._score_open(tx, cause)
        step = current_step(self._case, tx.data)
        if step.type is StepType.SEGMENT:
            tx.set_state(SessionState.PLAYING_SEGMENT, "continue", {"step": step.id})
        else:
            self.leave_step(tx)
        self._finalise_submission(tx)

    def finish_segment(self, tx: Transaction, step_id: str) -> None:
        tx.log("segment_finished", {"step": step_id})
        self.leave_step(tx)

    def leave_step(self, tx: Transaction) -> None:
        data = tx.data
        step = current_step(self._case, data)
        decision = branching.next_step(self._case, step, data.results, data.responses, data.patient)
        tx.log("branch", {"from": step.id, **decision.to_json()})
        self.enter(tx, decision.goto)

    def end(
        self,
        tx: Transaction,
        final: SessionState,
        outcome: str,
        cause: str,
        *,
        project: bool = True,
    ) -> None:
        """End the case: score what is open, count the rest of the path as unanswered."""
        data = tx.data
        if data.open_cp is not None:
            self._score_open(tx, cause)
        unreached = unreached_questions(self._case, data) if project and data.step_id else []
        totals = totals_of(self._case, data, outcome, unreached)
        data.outcome = outcome
        data.unreached = unreached
        data.totals = totals
        data.paused_from = None
        tx.record(
            "submit", submit_record(data, tx.now, totals, scores_withheld=self._scores_withheld)
        )
        tx.set_state(final, cause, {"outcome": outcome})
        self._finalise_submission(tx)

    def review(self, tx: Transaction, media_id: str, *, first_play: bool) -> None:
        """Replay a clip at the open checkpoint (its first play is not counted as a replay)."""
        data = tx.data
        data.plays[media_id] = data.plays.get(media_id, 0) + 1
        if not first_play:
            data.replays[media_id] = data.replays.get(media_id, 0) + 1
        data.replaying = media_id
        tx.set_state(SessionState.REVIEWING, "replay_clip", {"media": media_id})

    def end_review(self, tx: Transaction) -> None:
        tx.data.replaying = None
        tx.set_state(SessionState.AT_CHECKPOINT, "review_finished")

    def set_stalled(self, tx: Transaction, stalled: bool, media_id: str | None = None) -> None:
        """The media stalled (timers freeze) or resumed."""
        tx.data.stalled = stalled
        if stalled:
            tx.log("media_stalled", {"media": media_id})
        else:
            tx.log("media_resumed", {})

    def media_fault(self, tx: Transaction, media_id: str, message: str, *, fatal: bool) -> None:
        payload = {"event": "media_fault", "media": media_id, "message": message}
        tx.record("event", {**payload, "fatal": fatal, "at": tx.now})
        tx.log("media_fault", {"media": media_id, "fatal": fatal})
        if fatal:
            self.end(tx, SessionState.ABORTED, "aborted", "media_fault")

    def pause(self, tx: Transaction, note: str) -> None:
        tx.record("event", {"event": "proctor_pause", "note": note, "at": tx.now})
        tx.data.paused_from = tx.data.state
        tx.set_state(SessionState.PAUSED_BY_PROCTOR, "proctor_pause")

    def resume_from_pause(self, tx: Transaction, note: str) -> None:
        """Back to where the proctor paused; a timer that ran out meanwhile applies now."""
        tx.record("event", {"event": "proctor_resume", "note": note, "at": tx.now})
        back = tx.data.paused_from or SessionState.PLAYING_SEGMENT
        tx.data.paused_from = None
        tx.set_state(back, "proctor_resume")
        self.apply_timers(tx)

    def grant_time(self, tx: Transaction, seconds: float, note: str) -> None:
        tx.data.timers.grant(seconds)
        grant = {"event": "time_grant", "seconds": seconds, "note": note, "at": tx.now}
        tx.record("event", grant)
        tx.log("proctor_add_time", {"seconds": seconds})

    def incident(self, tx: Transaction, note: str) -> None:
        tx.record("event", {"event": "incident", "note": note, "at": tx.now})
        tx.log("proctor_incident", {})

    def left_full_screen(self, tx: Transaction) -> None:
        tx.record("event", {"event": "left_full_screen", "at": tx.now})
        tx.log("left_full_screen", {})

    def end_by_proctor(self, tx: Transaction, reason: str) -> None:
        tx.record("event", {"event": "proctor_end", "note": reason, "at": tx.now})
        self.end(tx, SessionState.FINISHED, "ended_by_proctor", "proctor_end")

    def _score_open(self, tx: Transaction, cause: str) -> None:
        """Score the open checkpoint as it stands, journal it, close it."""
        data = tx.data
        cp = describe_open(self._case, data)
        timings = checkpoint_timings(data, tx.now)
        results: list[ScoreResult] = []
        for q in cp.questions:
            response = data.drafts.get(q.id, {})
            result = scoring.score(q, response, calibration(self._case, q))
            data.results[q.id] = result
            data.responses[q.id] = response
            results.append(result)
            record = response_record(
                q, cp, response, result, timings, cause, scores_withheld=self._scores_withheld
            )
            tx.record("response", record)
        for q in cp.questions:
            changes = branching.option_state_changes(q, data.responses[q.id])
            branching.apply_state(data.patient, changes)
        data.submitted.append(cp.id)
        data.open_cp = None
        data.drafts = {}
        data.timers.checkpoint = None
        data.replaying = None
        if current_step(self._case, data).type is StepType.SEGMENT:
            data.cp_index += 1
        feedback = practice_feedback(self._case, cp.questions, results)
        tx.submission = SubmitOutcome(cp.id, tuple(results), feedback, data.state, cause)
        tx.log("submit", {"checkpoint": cp.id, "cause": cause})

    @staticmethod
    def _finalise_submission(tx: Transaction) -> None:
        """The submission's outcome carries the state the session ended up in."""
        sub = tx.submission
        if sub is not None:
            tx.submission = SubmitOutcome(
                sub.checkpoint_id, sub.results, sub.feedback, tx.data.state, sub.cause
            )
