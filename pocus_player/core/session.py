"""The exam session: an explicit state machine over a case, its timers, scoring and journal.

Driving it (the UI, or `simulate` headless) is a loop over three questions:

    session = ExamSession(case, clock, journal, accommodation=1.5)
    session.start()
    session.state              -> SessionState: where the candidate is
    session.media_directive    -> MediaDirective: what the media should do now
    session.open_checkpoint    -> OpenCheckpoint | None: the questions to show, clips to review

and a handful of events the UI reports back:

    media directive               the UI does                     then calls
    PLAY_TO_CHECKPOINT(media, cp) play, stop exactly on cp        segment_reached_checkpoint(cp.id)
    PLAY_TO_END(media)            play to the end                 segment_finished()
    HOLD(media, cp)               hold the frame / image, show    answer(qid, response) as the
                                  open_checkpoint.questions       candidate edits; submit()
    REPLAY(media)                 replay the clip for review      review_finished()
    PAUSE                         pause, show the proctor pause   (proctor_resume())
    NONE                          nothing to play (not started or ended: see `totals`)

`resume_after` on a directive is the checkpoint the media should already be
held on (after a resume from the journal, seek there first).

Candidate events: `answer`, `submit`, `replay_clip` (counted; limited by the
media's `replay_limit`, else `settings.clip_replay_limit`; the first play of
a clip is free), `review_finished`. Proctor events: `proctor_pause`,
`proctor_resume`, `proctor_add_time`, `proctor_incident`, `proctor_end`.
Media events: `media_stalled`, `media_resumed`, `media_fault`. Call `tick()`
a few times a second: it applies timer expiry. Read-outs: `current_step`,
`open_questions`, `drafts`, `time_remaining()`, `time_used()`, `time_limit()`,
`checkpoint_time_remaining()`, `replays_left(media_id)`, `play_count(media_id)`,
`media_is_stalled`, `results`, `responses`, `path`, `patient_state`,
`transitions`, and once `is_over` (TIME_EXPIRED, FINISHED or ABORTED):
`outcome` and `totals`. `submit()` returns a SubmitOutcome (the scores, and in
practice mode the key and rationale of each question).

Errors: an event the current state cannot take raises SessionError (the state
is unchanged; ReplayLimitReached when a clip has no replays left); a response
that does not fit its question raises ResponseError; a journal failure raises
JournalWriteError.

Rules:
- Forward only: a submitted checkpoint never reopens (whatever
  `settings.navigation` says, which governs moving between questions inside the
  open checkpoint, a UI matter). Reviewing clips inside an open checkpoint is
  allowed (REVIEWING), and answers stay editable until submit.
- Timers run on the injected Clock: the overall limit (settings.time_limit_s)
  and the optional per-checkpoint limit (the sum of the questions'
  `time_limit_s` when any is set, else settings.checkpoint_time_limit_s) are
  multiplied by the accommodation factor; proctor grants add to the overall
  limit. Timers freeze while paused by the proctor or while the media stalls,
  and do not run before start or after the end. A checkpoint whose own time
  runs out is submitted as it stands and the case goes on; when the overall
  time runs out the open checkpoint is submitted as it stands and the case ends
  (TIME_EXPIRED) with the rest of the path counted as unanswered (see totals).
- Every event is recorded in `transitions` with the clock's timestamp.
- Journal (`journal.append(kind, payload, resume_state)`): "start" (app
  version, case id/version, SHA-256 of the script and of each media file),
  one "response" per question on submit (question id, response JSON, score
  JSON, timings), "event" for proctor actions, time grants, media faults and
  resumes, "submit" at the end (totals, path). An event's records are written
  before the session changes state: if `append` raises JournalWriteError the
  event is not acknowledged, the session is as it was, and the error
  propagates (a retried submit may repeat response records; the last record
  per question id wins).
- `snapshot()` is the JSON-able resume state (passed to the journal with each
  event's last record); `ExamSession.restore(case, snapshot, clock, journal)`
  resumes after the last submitted checkpoint with the path, scores, replay
  counts, patient state and time used (an open, unsubmitted checkpoint is
  asked again from scratch, with a fresh checkpoint timer). The snapshot holds
  the submitted responses and their scores, which branching and totals need
  after a resume.

The parts: `session_types` (states, directives, outcomes), `session_data` (the mutable
state and the per-event transaction), `session_flow` (entering steps, submitting,
branching, ending), `session_scoring` (response and submit records, totals),
`session_timers` (time limits), `session_media` (directives, the open checkpoint's
clips), `session_snapshot` (the resume state) and `digests` (file SHA-256s).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from pocus_player import __version__
from pocus_player.core import branching, scoring
from pocus_player.core.clock import Clock
from pocus_player.core.digests import caption_digests, case_digests
from pocus_player.core.errors import SessionError
from pocus_player.core.journal_api import Journal
from pocus_player.core.model import Case, Question, Step
from pocus_player.core.scoring import ScoreResult
from pocus_player.core.session_data import SessionData, Transaction, current_step
from pocus_player.core.session_flow import SessionFlow
from pocus_player.core.session_media import describe_open, media_directive, replay_limit
from pocus_player.core.session_snapshot import checked_script_sha, restore_data, snapshot_of
from pocus_player.core.session_timers import ExamTimers
from pocus_player.core.session_types import (
    ACTIVE,
    OPEN,
    Feedback,
    MediaAction,
    MediaDirective,
    OpenCheckpoint,
    ReplayLimitReached,
    SessionState,
    Sitting,
    SubmitOutcome,
    Transition,
)
from pocus_player.core.timers import CountdownTimer
from pocus_player.core.totals import CaseTotals

__all__ = [
    "ExamSession",
    "Feedback",
    "MediaAction",
    "MediaDirective",
    "OpenCheckpoint",
    "ReplayLimitReached",
    "SessionState",
    "SubmitOutcome",
    "Transition",
]

_T = TypeVar("_T")


class ExamSession:
    """One candidate's attempt at one case (see the module docstring for the API)."""

    def __init__(
        self,
        case: Case,
        clock: Clock,
        journal: Journal,
        *,
        accommodation: float = 1.0,
        app_version: str = __version__,
        candidate: Mapping[str, str] | None = None,
        delivery: Mapping[str, Any] | None = None,
    ) -> None:
        if not accommodation >= 1.0:
            raise ValueError(f"accommodation multiplies time limits; {accommodation} is below 1")
        branching.check_graph(case)
        self._case = case
        self._clock = clock
        self._journal = journal
        self._sitting = Sitting(
            app_version, float(accommodation), dict(candidate or {}), dict(delivery or {})
        )
        self._flow = SessionFlow(case, self._sitting)
        self._data = SessionData(
            ExamTimers(CountdownTimer(case.settings.time_limit_s * accommodation)),
            patient=dict(case.initial_state),
        )

    # -- read-outs --------------------------------------------------------------------------

    @property
    def case(self) -> Case:
        return self._case

    @property
    def state(self) -> SessionState:
        return self._data.state

    @property
    def is_over(self) -> bool:
        return self._data.state.is_over

    @property
    def accommodation(self) -> float:
        return self._sitting.accommodation

    @property
    def media_is_stalled(self) -> bool:
        return self._data.stalled

    @property
    def current_step(self) -> Step | None:
        sid = self._data.step_id
        return self._case.step_by_id(sid) if sid is not None else None

    @property
    def open_checkpoint(self) -> OpenCheckpoint | None:
        data = self._data
        if data.open_cp is None or data.step_id is None:
            return None
        return describe_open(self._case, data)

    @property
    def open_questions(self) -> tuple[Question, ...]:
        cp = self.open_checkpoint
        return cp.questions if cp is not None else ()

    @property
    def drafts(self) -> dict[str, dict[str, Any]]:
        return {k: dict(v) for k, v in self._data.drafts.items()}

    @property
    def media_directive(self) -> MediaDirective:
        return media_directive(self._case, self._data)

    def time_remaining(self) -> float:
        remaining = self._data.timers.overall.remaining(self._clock.now())
        assert remaining is not None
        return remaining

    def time_used(self) -> float:
        return self._data.timers.overall.elapsed(self._clock.now())

    def time_limit(self) -> float:
        return self._data.timers.limit

    def checkpoint_time_remaining(self) -> float | None:
        timer = self._data.timers.checkpoint
        return timer.remaining(self._clock.now()) if timer is not None else None

    def replay_limit(self, media_id: str) -> int | None:
        return replay_limit(self._case, media_id)

    def play_count(self, media_id: str) -> int:
        """How often the clip has played so far (its segment play and every review)."""
        return self._data.plays.get(media_id, 0)

    def replays_used(self, media_id: str) -> int:
        return self._data.replays.get(media_id, 0)

    def replays_left(self, media_id: str) -> int | None:
        """Replays still allowed for this clip (None: unlimited). A clip's first play is free."""
        limit = self.replay_limit(media_id)
        if limit is None:
            return None
        return max(0, limit - self.replays_used(media_id))

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self._data.path)

    @property
    def results(self) -> tuple[ScoreResult, ...]:
        """Scores of the submitted questions, in the order they were submitted."""
        return tuple(self._data.results.values())

    @property
    def responses(self) -> dict[str, dict[str, Any]]:
        return {k: dict(v) for k, v in self._data.responses.items()}

    @property
    def patient_state(self) -> dict[str, str]:
        return dict(self._data.patient)

    @property
    def transitions(self) -> tuple[Transition, ...]:
        return tuple(self._data.transitions)

    @property
    def totals(self) -> CaseTotals | None:
        """The case totals once the session is over, else None."""
        return self._data.totals

    @property
    def outcome(self) -> str | None:
        return self._data.outcome

    # -- candidate and media events ---------------------------------------------------------
    # Each event checks that the current state allows it, then runs one `SessionFlow` move
    # in a transaction (`_transact`).

    def start(self) -> None:
        if self._data.state is not SessionState.NOT_STARTED:
            raise SessionError(f"the session has already started ({self._data.state.value})")
        script_sha, media_sha = case_digests(self._case)
        digests = (script_sha, media_sha, caption_digests(self._case))

        def run(tx: Transaction) -> None:
            tx.data.case_sha256 = script_sha
            limit = tx.data.timers.overall.limit
            tx.record("start", self._sitting.start_record(self._case, digests, limit, tx.now))
            tx.log("start", {"case_id": self._case.meta.id})
            self._flow.enter(tx, self._case.steps[0].id)

        self._transact(run)

    def tick(self) -> SessionState:
        """Apply timer expiry; call it regularly. Returns the state after."""
        data = self._data
        if data.state in ACTIVE and data.timers.due(self._clock.now()) is not None:
            self._transact(self._flow.apply_timers)
        return self._data.state

    def segment_reached_checkpoint(self, checkpoint_id: str) -> None:
        self.tick()
        self._require(SessionState.PLAYING_SEGMENT, "reach a checkpoint")
        cps = current_step(self._case, self._data).checkpoints
        index = self._data.cp_index
        if index >= len(cps) or cps[index].id != checkpoint_id:
            expected = cps[index].id if index < len(cps) else "the end of the media"
            raise SessionError(f"checkpoint {checkpoint_id!r} reached; expected {expected}")
        qids = cps[index].questions
        event = "segment_reached_checkpoint"
        self._transact(lambda tx: self._flow.open(tx, checkpoint_id, qids, event))

    def segment_finished(self) -> None:
        self.tick()
        self._require(SessionState.PLAYING_SEGMENT, "finish the segment")
        step = current_step(self._case, self._data)
        if self._data.cp_index < len(step.checkpoints):
            pending = step.checkpoints[self._data.cp_index].id
            raise SessionError(f"the segment ended before checkpoint {pending!r} was reached")
        self._transact(lambda tx: self._flow.finish_segment(tx, step.id))

    def answer(self, question_id: str, response: Mapping[str, Any]) -> None:
        """Record the candidate's current answer (a draft until submit); {} clears it."""
        self.tick()
        question = self._open_question(question_id)
        parsed = scoring.parse_response(question, response)
        self._data.drafts[question_id] = parsed

    def submit(self, responses: Mapping[str, Mapping[str, Any]] | None = None) -> SubmitOutcome:
        """Submit the open checkpoint: drafts, overridden by `responses`; missing ones are {}."""
        if self._data.state not in OPEN:
            raise SessionError(f"nothing to submit ({self._data.state.value})")
        parsed = {
            qid: scoring.parse_response(self._open_question(qid), r)
            for qid, r in (responses or {}).items()
        }

        def run(tx: Transaction) -> SubmitOutcome:
            tx.data.drafts.update(parsed)
            self._flow.apply_timers(tx)
            if tx.submission is None:
                self._flow.submit_open(tx, "candidate")
            assert tx.submission is not None
            return tx.submission

        return self._transact(run)

    def replay_clip(self, media_id: str) -> None:
        self.tick()
        self._require(SessionState.AT_CHECKPOINT, "replay a clip")
        cp = describe_open(self._case, self._data)
        if media_id not in cp.clips:
            raise SessionError(f"clip {media_id!r} cannot be reviewed at checkpoint {cp.id!r}")
        first_play = self._data.plays.get(media_id, 0) == 0
        if not first_play and self.replays_left(media_id) == 0:
            raise ReplayLimitReached(f"clip {media_id!r} has no replays left")
        self._transact(lambda tx: self._flow.review(tx, media_id, first_play=first_play))

    def review_finished(self) -> None:
        self.tick()
        self._require(SessionState.REVIEWING, "finish a review")
        self._transact(self._flow.end_review)

    def media_stalled(self, media_id: str | None = None) -> None:
        """The media stopped delivering frames (buffering, slow disk): timers freeze."""
        self._require_started("report a stall")
        self._transact(lambda tx: self._flow.set_stalled(tx, True, media_id))

    def media_resumed(self) -> None:
        self._require_started("report the media resumed")
        self._transact(lambda tx: self._flow.set_stalled(tx, False))

    def media_fault(self, media_id: str, message: str, *, fatal: bool = True) -> None:
        """A media error: journaled; a fatal one aborts the case (answers so far are kept)."""
        self.tick()
        self._require_started("report a media fault")
        self._transact(lambda tx: self._flow.media_fault(tx, media_id, message, fatal=fatal))

    # -- proctor events ---------------------------------------------------------------------

    def proctor_pause(self, note: str = "") -> None:
        self.tick()
        if self._data.state not in ACTIVE:
            raise SessionError(f"cannot pause: the session is {self._data.state.value}")
        self._transact(lambda tx: self._flow.pause(tx, note))

    def proctor_resume(self, note: str = "") -> None:
        self._require(SessionState.PAUSED_BY_PROCTOR, "resume")
        self._transact(lambda tx: self._flow.resume_from_pause(tx, note))

    def proctor_add_time(self, seconds: float, note: str = "") -> None:
        """Grant extra time on the overall limit (not multiplied by the accommodation)."""
        self.tick()
        self._require_started("add time")
        if not seconds > 0:
            raise SessionError(f"a time grant must be positive, not {seconds!r}")
        self._transact(lambda tx: self._flow.grant_time(tx, seconds, note))

    def proctor_incident(self, note: str) -> None:
        self._require_started("record an incident")
        self._transact(lambda tx: self._flow.incident(tx, note))

    def left_full_screen(self) -> None:
        """The exam window left full screen (the candidate or the system switched it): the
        board sees when, and the app puts the window back."""
        self._require_started("record that the window left full screen")
        self._transact(self._flow.left_full_screen)

    def proctor_end(self, reason: str = "") -> None:
        """End the case now: the open checkpoint is submitted as it stands."""
        self.tick()
        self._require_started("end the case")
        self._transact(lambda tx: self._flow.end_by_proctor(tx, reason))

    # -- resume -----------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The JSON-able resume state (also handed to the journal with each event)."""
        return snapshot_of(self._case, self._data, self._clock.now(), self._sitting.accommodation)

    @classmethod
    def restore(
        cls,
        case: Case,
        snapshot: Mapping[str, Any],
        clock: Clock,
        journal: Journal,
        *,
        app_version: str = __version__,
        delivery: Mapping[str, Any] | None = None,
    ) -> ExamSession:
        """Resume after the last submitted checkpoint recorded in `snapshot`."""
        try:
            return cls._restore(case, snapshot, clock, journal, app_version, delivery)
        except (KeyError, TypeError, ValueError) as exc:
            raise SessionError(f"not a usable resume state: {exc!r}") from None

    @classmethod
    def _restore(
        cls,
        case: Case,
        snap: Mapping[str, Any],
        clock: Clock,
        journal: Journal,
        app_version: str,
        delivery: Mapping[str, Any] | None = None,
    ) -> ExamSession:
        script_sha = checked_script_sha(case, snap)
        accommodation = float(snap["accommodation"])
        session = cls(
            case,
            clock,
            journal,
            accommodation=accommodation,
            app_version=app_version,
            delivery=delivery,
        )
        data = session._data
        data.case_sha256 = script_sha
        state = restore_data(case, snap, data)
        if state.is_over:
            return session
        if state is SessionState.NOT_STARTED:
            raise SessionError("the session never started; start it afresh")
        paused = state is SessionState.PAUSED_BY_PROCTOR
        if paused:
            state = SessionState(snap["paused_from"])

        def run(tx: Transaction) -> None:
            used = data.timers.overall.used
            tx.record("event", {"event": "resumed", "at": tx.now, "time_used_s": used})
            session._flow.reopen(tx, state, paused=paused)

        session._transact(run)
        return session

    # -- internals --------------------------------------------------------------------------

    def _transact(self, fn: Callable[[Transaction], _T]) -> _T:
        """Run one event on a copy of the data; journal its records, then keep the copy."""
        tx = Transaction(self._data.copy(), self._clock.now())
        value = fn(tx)
        if tx.records:
            resume = snapshot_of(self._case, tx.data, tx.now, self._sitting.accommodation)
            last = len(tx.records) - 1
            for i, (kind, payload) in enumerate(tx.records):
                self._journal.append(kind, payload, resume if i == last else None)
        self._data = tx.data
        return value

    def _require(self, state: SessionState, action: str) -> None:
        if self._data.state is not state:
            raise SessionError(f"cannot {action}: the session is {self._data.state.value}")

    def _require_started(self, action: str) -> None:
        state = self._data.state
        if state is SessionState.NOT_STARTED or state.is_over:
            raise SessionError(f"cannot {action}: the session is {state.value}")

    def _open_question(self, question_id: str) -> Question:
        if self._data.state not in OPEN:
            raise SessionError(f"no checkpoint is open ({self._data.state.value})")
        cp = describe_open(self._case, self._data)
        for q in cp.questions:
            if q.id == question_id:
                return q
        raise SessionError(f"question {question_id!r} is not open at checkpoint {cp.id!r}")
