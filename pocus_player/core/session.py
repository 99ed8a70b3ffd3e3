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
"""

from __future__ import annotations

import enum
import hashlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pocus_player import __version__
from pocus_player.core import branching, scoring
from pocus_player.core.clock import Clock
from pocus_player.core.errors import SessionError
from pocus_player.core.journal_api import Journal, RecordKind
from pocus_player.core.model import (
    END,
    Calibration,
    Case,
    Checkpoint,
    MediaItem,
    Mode,
    Question,
    Step,
    StepType,
)
from pocus_player.core.package import content as package_content
from pocus_player.core.scoring import ScoreResult
from pocus_player.core.timers import CountdownTimer
from pocus_player.core.totals import CaseTotals, case_totals

log = logging.getLogger(__name__)

SNAPSHOT_FORMAT = "pocus-session/1"
# A response's score when the keys are withheld from the sitting (`results rescore` fills it in).
PENDING_SCORE: dict[str, Any] = {"pending": True, "reason": "keys withheld: scored by the board"}
_T = TypeVar("_T")


class SessionState(enum.StrEnum):
    NOT_STARTED = "not_started"
    PLAYING_SEGMENT = "playing_segment"
    AT_CHECKPOINT = "at_checkpoint"
    REVIEWING = "reviewing"
    PAUSED_BY_PROCTOR = "paused_by_proctor"
    TIME_EXPIRED = "time_expired"
    FINISHED = "finished"
    ABORTED = "aborted"

    @property
    def is_over(self) -> bool:
        return self in _TERMINAL


_TERMINAL = frozenset({SessionState.TIME_EXPIRED, SessionState.FINISHED, SessionState.ABORTED})
_ACTIVE = frozenset(
    {SessionState.PLAYING_SEGMENT, SessionState.AT_CHECKPOINT, SessionState.REVIEWING}
)
_OPEN = frozenset({SessionState.AT_CHECKPOINT, SessionState.REVIEWING})


class ReplayLimitReached(SessionError):
    """The clip has been replayed as often as the case allows."""


class MediaAction(enum.StrEnum):
    NONE = "none"
    PLAY_TO_CHECKPOINT = "play_to_checkpoint"
    PLAY_TO_END = "play_to_end"
    HOLD = "hold"
    REPLAY = "replay"
    PAUSE = "pause"


@dataclass(frozen=True, slots=True)
class MediaDirective:
    action: MediaAction
    media_id: str | None = None
    checkpoint: Checkpoint | None = None  # PLAY_TO_CHECKPOINT: stop here; HOLD: held here
    resume_after: Checkpoint | None = None  # the media should already be held on this one


@dataclass(frozen=True, slots=True)
class OpenCheckpoint:
    id: str  # the checkpoint id, or the step id for review and question steps
    step_id: str
    title: str
    questions: tuple[Question, ...]
    clips: tuple[str, ...]  # timed media the candidate may review here
    image: str | None  # a still or strip shown beside the questions (question steps)


@dataclass(frozen=True, slots=True)
class Transition:
    at: float  # the session clock (monotonic seconds)
    event: str
    from_state: SessionState
    to_state: SessionState
    detail: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "event": self.event,
            "from": self.from_state.value,
            "to": self.to_state.value,
            "detail": dict(self.detail),
        }


@dataclass(frozen=True, slots=True)
class Feedback:
    """Practice mode: what the candidate is shown after submitting a question."""

    question_id: str
    result: ScoreResult
    key: tuple[str, ...]
    key_response: Mapping[str, Any]
    rationale: str


@dataclass(frozen=True, slots=True)
class SubmitOutcome:
    checkpoint_id: str
    results: tuple[ScoreResult, ...]
    feedback: tuple[Feedback, ...]  # practice mode only; empty in exam mode
    state: SessionState  # the state after the submission
    cause: str  # "candidate", "checkpoint_time_limit", "time_expired"


@dataclass(slots=True)
class _Core:
    """Everything mutable; copied per event so a failed journal write leaves no trace."""

    overall: CountdownTimer
    state: SessionState = SessionState.NOT_STARTED
    paused_from: SessionState | None = None
    stalled: bool = False
    step_id: str | None = None
    cp_index: int = 0
    open_cp: str | None = None
    replaying: str | None = None
    checkpoint_timer: CountdownTimer | None = None
    cp_opened_at: float | None = None
    path: list[str] = field(default_factory=list)
    submitted: list[str] = field(default_factory=list)
    results: dict[str, ScoreResult] = field(default_factory=dict)
    responses: dict[str, dict[str, Any]] = field(default_factory=dict)
    patient: dict[str, str] = field(default_factory=dict)
    plays: dict[str, int] = field(default_factory=dict)
    replays: dict[str, int] = field(default_factory=dict)
    drafts: dict[str, dict[str, Any]] = field(default_factory=dict)
    extra_time_s: float = 0.0
    case_sha256: str = ""
    outcome: str | None = None
    unreached: list[str] = field(default_factory=list)
    totals: CaseTotals | None = None
    transitions: list[Transition] = field(default_factory=list)

    def copy(self) -> _Core:
        timer = self.checkpoint_timer.copy() if self.checkpoint_timer else None
        return _Core(
            overall=self.overall.copy(),
            state=self.state,
            paused_from=self.paused_from,
            stalled=self.stalled,
            step_id=self.step_id,
            cp_index=self.cp_index,
            open_cp=self.open_cp,
            replaying=self.replaying,
            checkpoint_timer=timer,
            cp_opened_at=self.cp_opened_at,
            path=list(self.path),
            submitted=list(self.submitted),
            results=dict(self.results),
            responses=dict(self.responses),
            patient=dict(self.patient),
            plays=dict(self.plays),
            replays=dict(self.replays),
            drafts=dict(self.drafts),
            extra_time_s=self.extra_time_s,
            case_sha256=self.case_sha256,
            outcome=self.outcome,
            unreached=list(self.unreached),
            totals=self.totals,
            transitions=list(self.transitions),
        )


@dataclass(slots=True)
class _Tx:
    core: _Core
    now: float
    records: list[tuple[RecordKind, dict[str, Any]]] = field(default_factory=list)
    submission: SubmitOutcome | None = None


def sha256_file(path: Path) -> str:
    sealed = package_content.lookup(path)
    if sealed is not None:  # a sealed package's member: its plaintext hash, checked on read
        return sealed[1].sha256
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def case_digests(case: Case) -> tuple[str, dict[str, str]]:
    """SHA-256 of the case script and of each media file; SessionError if one is unreadable."""
    try:
        script = sha256_file(case.source)
        media = {item.id: sha256_file(item.file) for item in case.media}
    except OSError as exc:
        raise SessionError(f"cannot read {exc.filename}: {exc.strerror}") from None
    return script, media


def caption_digests(case: Case) -> dict[str, str]:
    """SHA-256 of each caption file, by media id (captions shown are part of the item)."""
    try:
        return {
            item.id: sha256_file(item.captions) for item in case.media if item.captions is not None
        }
    except OSError as exc:
        raise SessionError(f"cannot read {exc.filename}: {exc.strerror}") from None


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
        self._accommodation = float(accommodation)
        self._app_version = app_version
        # Who sits the exam (e.g. {"id": ..., "name": ...}): recorded inside the
        # encrypted start record, as a file name can be changed.
        self._candidate = dict(candidate or {})
        # The sealed package the case came from (id, version, SHA-256, signer), for the start
        # record; with `keys_withheld` the case holds placeholder keys, so nothing is scored
        # here: responses are recorded with their score pending, for the board to fill in.
        self._delivery = dict(delivery or {})
        self._scores_withheld = bool(self._delivery.get("keys_withheld"))
        self._core = _Core(
            overall=CountdownTimer(case.settings.time_limit_s * accommodation),
            patient=dict(case.initial_state),
        )

    # -- read-outs --------------------------------------------------------------------------

    @property
    def case(self) -> Case:
        return self._case

    @property
    def state(self) -> SessionState:
        return self._core.state

    @property
    def is_over(self) -> bool:
        return self._core.state.is_over

    @property
    def accommodation(self) -> float:
        return self._accommodation

    @property
    def media_is_stalled(self) -> bool:
        return self._core.stalled

    @property
    def current_step(self) -> Step | None:
        sid = self._core.step_id
        return self._case.step_by_id(sid) if sid is not None else None

    @property
    def open_checkpoint(self) -> OpenCheckpoint | None:
        core = self._core
        if core.open_cp is None or core.step_id is None:
            return None
        return self._describe_open(core)

    @property
    def open_questions(self) -> tuple[Question, ...]:
        cp = self.open_checkpoint
        return cp.questions if cp is not None else ()

    @property
    def drafts(self) -> dict[str, dict[str, Any]]:
        return {k: dict(v) for k, v in self._core.drafts.items()}

    @property
    def media_directive(self) -> MediaDirective:
        core = self._core
        state = core.state
        if state is SessionState.PAUSED_BY_PROCTOR:
            return MediaDirective(MediaAction.PAUSE, self._active_media(core))
        step = self.current_step
        if state not in _ACTIVE or step is None:
            return MediaDirective(MediaAction.NONE)
        if state is SessionState.REVIEWING:
            return MediaDirective(MediaAction.REPLAY, core.replaying)
        before = self._resume_point(core, step)
        if state is SessionState.AT_CHECKPOINT:
            if step.type is StepType.SEGMENT:
                return MediaDirective(
                    MediaAction.HOLD, step.media, step.checkpoints[core.cp_index], before
                )
            return MediaDirective(MediaAction.HOLD, step.image)
        if core.cp_index < len(step.checkpoints):
            return MediaDirective(
                MediaAction.PLAY_TO_CHECKPOINT, step.media, step.checkpoints[core.cp_index], before
            )
        return MediaDirective(MediaAction.PLAY_TO_END, step.media, None, before)

    def time_remaining(self) -> float:
        remaining = self._core.overall.remaining(self._clock.now())
        assert remaining is not None
        return remaining

    def time_used(self) -> float:
        return self._core.overall.elapsed(self._clock.now())

    def time_limit(self) -> float:
        return self._limit(self._core)

    def checkpoint_time_remaining(self) -> float | None:
        timer = self._core.checkpoint_timer
        return timer.remaining(self._clock.now()) if timer is not None else None

    def replay_limit(self, media_id: str) -> int | None:
        item = self._case.media_by_id(media_id)
        if item.replay_limit is not None:
            return item.replay_limit
        return self._case.settings.clip_replay_limit

    def play_count(self, media_id: str) -> int:
        """How often the clip has played so far (its segment play and every review)."""
        return self._core.plays.get(media_id, 0)

    def replays_used(self, media_id: str) -> int:
        return self._core.replays.get(media_id, 0)

    def replays_left(self, media_id: str) -> int | None:
        """Replays still allowed for this clip (None: unlimited). A clip's first play is free."""
        limit = self.replay_limit(media_id)
        if limit is None:
            return None
        return max(0, limit - self.replays_used(media_id))

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self._core.path)

    @property
    def results(self) -> tuple[ScoreResult, ...]:
        """Scores of the submitted questions, in the order they were submitted."""
        return tuple(self._core.results.values())

    @property
    def responses(self) -> dict[str, dict[str, Any]]:
        return {k: dict(v) for k, v in self._core.responses.items()}

    @property
    def patient_state(self) -> dict[str, str]:
        return dict(self._core.patient)

    @property
    def transitions(self) -> tuple[Transition, ...]:
        return tuple(self._core.transitions)

    @property
    def totals(self) -> CaseTotals | None:
        """The case totals once the session is over, else None."""
        return self._core.totals

    @property
    def outcome(self) -> str | None:
        return self._core.outcome

    # -- candidate and media events ---------------------------------------------------------

    def start(self) -> None:
        if self._core.state is not SessionState.NOT_STARTED:
            raise SessionError(f"the session has already started ({self._core.state.value})")
        script_sha, media_sha = case_digests(self._case)
        captions_sha = caption_digests(self._case)

        def run(tx: _Tx) -> None:
            tx.core.case_sha256 = script_sha
            tx.records.append(
                (
                    "start",
                    {
                        "app_version": self._app_version,
                        "case_id": self._case.meta.id,
                        "case_version": self._case.meta.version,
                        "case_sha256": script_sha,
                        "media_sha256": media_sha,
                        "captions_sha256": captions_sha,
                        "mode": self._case.settings.mode.value,
                        "accommodation": self._accommodation,
                        "time_limit_s": tx.core.overall.limit,
                        "started_at": tx.now,
                        "candidate": self._candidate,
                        **({"package": self._delivery} if self._delivery else {}),
                    },
                )
            )
            self._log(tx, "start", {"case_id": self._case.meta.id})
            self._enter(tx, self._case.steps[0].id)

        self._transact(run)

    def tick(self) -> SessionState:
        """Apply timer expiry; call it regularly. Returns the state after."""
        core, now = self._core, self._clock.now()
        due = core.overall.expired(now) or (
            core.checkpoint_timer is not None and core.checkpoint_timer.expired(now)
        )
        if core.state in _ACTIVE and due:
            self._transact(self._apply_timers)
        return self._core.state

    def segment_reached_checkpoint(self, checkpoint_id: str) -> None:
        self.tick()
        self._require(SessionState.PLAYING_SEGMENT, "reach a checkpoint")
        step = self._current(self._core)
        cps = step.checkpoints
        index = self._core.cp_index
        if index >= len(cps) or cps[index].id != checkpoint_id:
            expected = cps[index].id if index < len(cps) else "the end of the media"
            raise SessionError(f"checkpoint {checkpoint_id!r} reached; expected {expected}")

        def run(tx: _Tx) -> None:
            self._open(tx, checkpoint_id, cps[index].questions, "segment_reached_checkpoint")

        self._transact(run)

    def segment_finished(self) -> None:
        self.tick()
        self._require(SessionState.PLAYING_SEGMENT, "finish the segment")
        step = self._current(self._core)
        if self._core.cp_index < len(step.checkpoints):
            pending = step.checkpoints[self._core.cp_index].id
            raise SessionError(f"the segment ended before checkpoint {pending!r} was reached")

        def run(tx: _Tx) -> None:
            self._log(tx, "segment_finished", {"step": step.id})
            self._leave_step(tx)

        self._transact(run)

    def answer(self, question_id: str, response: Mapping[str, Any]) -> None:
        """Record the candidate's current answer (a draft until submit); {} clears it."""
        self.tick()
        question = self._open_question(question_id)
        parsed = scoring.parse_response(question, response)
        self._core.drafts[question_id] = parsed

    def submit(self, responses: Mapping[str, Mapping[str, Any]] | None = None) -> SubmitOutcome:
        """Submit the open checkpoint: drafts, overridden by `responses`; missing ones are {}."""
        if self._core.state not in _OPEN:
            raise SessionError(f"nothing to submit ({self._core.state.value})")
        parsed = {
            qid: scoring.parse_response(self._open_question(qid), r)
            for qid, r in (responses or {}).items()
        }

        def run(tx: _Tx) -> SubmitOutcome:
            tx.core.drafts.update(parsed)
            self._apply_timers(tx)
            if tx.submission is None:
                self._submit_open(tx, "candidate")
            assert tx.submission is not None
            return tx.submission

        return self._transact(run)

    def replay_clip(self, media_id: str) -> None:
        self.tick()
        self._require(SessionState.AT_CHECKPOINT, "replay a clip")
        cp = self._describe_open(self._core)
        if media_id not in cp.clips:
            raise SessionError(f"clip {media_id!r} cannot be reviewed at checkpoint {cp.id!r}")
        first_play = self._core.plays.get(media_id, 0) == 0
        left = self.replays_left(media_id)
        if not first_play and left == 0:
            raise ReplayLimitReached(f"clip {media_id!r} has no replays left")

        def run(tx: _Tx) -> None:
            tx.core.plays[media_id] = tx.core.plays.get(media_id, 0) + 1
            if not first_play:
                tx.core.replays[media_id] = tx.core.replays.get(media_id, 0) + 1
            tx.core.replaying = media_id
            self._set_state(tx, SessionState.REVIEWING, "replay_clip", {"media": media_id})

        self._transact(run)

    def review_finished(self) -> None:
        self.tick()
        self._require(SessionState.REVIEWING, "finish a review")

        def run(tx: _Tx) -> None:
            tx.core.replaying = None
            self._set_state(tx, SessionState.AT_CHECKPOINT, "review_finished")

        self._transact(run)

    def media_stalled(self, media_id: str | None = None) -> None:
        """The media stopped delivering frames (buffering, slow disk): timers freeze."""
        self._require_started("report a stall")

        def run(tx: _Tx) -> None:
            tx.core.stalled = True
            self._log(tx, "media_stalled", {"media": media_id})

        self._transact(run)

    def media_resumed(self) -> None:
        self._require_started("report the media resumed")

        def run(tx: _Tx) -> None:
            tx.core.stalled = False
            self._log(tx, "media_resumed", {})

        self._transact(run)

    def media_fault(self, media_id: str, message: str, *, fatal: bool = True) -> None:
        """A media error: journaled; a fatal one aborts the case (answers so far are kept)."""
        self.tick()
        self._require_started("report a media fault")

        def run(tx: _Tx) -> None:
            payload = {"event": "media_fault", "media": media_id, "message": message}
            tx.records.append(("event", {**payload, "fatal": fatal, "at": tx.now}))
            self._log(tx, "media_fault", {"media": media_id, "fatal": fatal})
            if fatal:
                self._end(tx, SessionState.ABORTED, "aborted", "media_fault")

        self._transact(run)

    # -- proctor events ---------------------------------------------------------------------

    def proctor_pause(self, note: str = "") -> None:
        self.tick()
        if self._core.state not in _ACTIVE:
            raise SessionError(f"cannot pause: the session is {self._core.state.value}")

        def run(tx: _Tx) -> None:
            tx.records.append(("event", {"event": "proctor_pause", "note": note, "at": tx.now}))
            tx.core.paused_from = tx.core.state
            self._set_state(tx, SessionState.PAUSED_BY_PROCTOR, "proctor_pause")

        self._transact(run)

    def proctor_resume(self, note: str = "") -> None:
        self._require(SessionState.PAUSED_BY_PROCTOR, "resume")

        def run(tx: _Tx) -> None:
            tx.records.append(("event", {"event": "proctor_resume", "note": note, "at": tx.now}))
            back = tx.core.paused_from or SessionState.PLAYING_SEGMENT
            tx.core.paused_from = None
            self._set_state(tx, back, "proctor_resume")
            self._apply_timers(tx)

        self._transact(run)

    def proctor_add_time(self, seconds: float, note: str = "") -> None:
        """Grant extra time on the overall limit (not multiplied by the accommodation)."""
        self.tick()
        self._require_started("add time")
        if not seconds > 0:
            raise SessionError(f"a time grant must be positive, not {seconds!r}")

        def run(tx: _Tx) -> None:
            tx.core.overall.extend(seconds)
            tx.core.extra_time_s += seconds
            tx.records.append(
                ("event", {"event": "time_grant", "seconds": seconds, "note": note, "at": tx.now})
            )
            self._log(tx, "proctor_add_time", {"seconds": seconds})

        self._transact(run)

    def proctor_incident(self, note: str) -> None:
        self._require_started("record an incident")

        def run(tx: _Tx) -> None:
            tx.records.append(("event", {"event": "incident", "note": note, "at": tx.now}))
            self._log(tx, "proctor_incident", {})

        self._transact(run)

    def left_full_screen(self) -> None:
        """The exam window left full screen (the candidate or the system switched it): the
        board sees when, and the app puts the window back."""
        self._require_started("record that the window left full screen")

        def run(tx: _Tx) -> None:
            tx.records.append(("event", {"event": "left_full_screen", "at": tx.now}))
            self._log(tx, "left_full_screen", {})

        self._transact(run)

    def proctor_end(self, reason: str = "") -> None:
        """End the case now: the open checkpoint is submitted as it stands."""
        self.tick()
        self._require_started("end the case")

        def run(tx: _Tx) -> None:
            tx.records.append(("event", {"event": "proctor_end", "note": reason, "at": tx.now}))
            self._end(tx, SessionState.FINISHED, "ended_by_proctor", "proctor_end")

        self._transact(run)

    # -- resume -----------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The JSON-able resume state (also handed to the journal with each event)."""
        return self._snapshot_of(self._core, self._clock.now())

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
        if snap.get("format") != SNAPSHOT_FORMAT:
            raise SessionError(
                f"resume state format {snap.get('format')!r} is not {SNAPSHOT_FORMAT}"
            )
        if snap["case_id"] != case.meta.id:
            raise SessionError(
                f"resume state is for case {snap['case_id']!r}, not {case.meta.id!r}"
            )
        script_sha, _ = case_digests(case)
        if snap["case_sha256"] != script_sha:
            raise SessionError("the case script has changed since the session started")
        session = cls(
            case,
            clock,
            journal,
            accommodation=float(snap["accommodation"]),
            app_version=app_version,
            delivery=delivery,
        )
        core = session._core
        core.overall = CountdownTimer(float(snap["time_limit_s"]), float(snap["time_used_s"]))
        core.extra_time_s = float(snap["extra_time_s"])
        core.case_sha256 = script_sha
        core.path = list(snap["path"])
        core.submitted = list(snap["submitted"])
        core.responses = {k: dict(v) for k, v in snap["responses"].items()}
        core.results = {
            qid: scoring.score(
                case.question_by_id(qid),
                core.responses.get(qid, {}),
                session._calibration(case.question_by_id(qid)),
            )
            for qid in snap["scored"]
        }
        core.patient = dict(snap["patient_state"])
        core.plays = {k: int(v) for k, v in snap["plays"].items()}
        core.replays = {k: int(v) for k, v in snap["replays"].items()}
        core.step_id = snap["step"]
        core.cp_index = int(snap["checkpoint_index"])
        state = SessionState(snap["state"])
        if state.is_over:
            core.state = state
            core.outcome = snap["outcome"]
            core.unreached = list(snap["unreached"])
            # Totals are recomputed, like the scores: a resume blob holds no score.
            scored = list(core.results.values())
            scored += [scoring.score(case.question_by_id(q), {}) for q in core.unreached]
            core.totals = case_totals(case, scored, core.path, core.outcome, core.unreached)
            return session
        if state is SessionState.NOT_STARTED:
            raise SessionError("the session never started; start it afresh")
        paused = state is SessionState.PAUSED_BY_PROCTOR
        if paused:
            state = SessionState(snap["paused_from"])

        def run(tx: _Tx) -> None:
            tx.records.append(
                ("event", {"event": "resumed", "at": tx.now, "time_used_s": core.overall.used})
            )
            if state in _OPEN:
                step = session._current(tx.core)
                if step.type is StepType.SEGMENT:
                    cp = step.checkpoints[tx.core.cp_index]
                    session._open(tx, cp.id, cp.questions, "resumed")
                else:
                    session._open(tx, step.id, step.questions, "resumed")
            else:
                session._set_state(tx, state, "resumed")
            if paused:
                tx.core.paused_from = tx.core.state
                session._set_state(tx, SessionState.PAUSED_BY_PROCTOR, "resumed")

        session._transact(run)
        return session

    # -- internals --------------------------------------------------------------------------

    def _transact(self, fn: Callable[[_Tx], _T]) -> _T:
        tx = _Tx(self._core.copy(), self._clock.now())
        value = fn(tx)
        if tx.records:
            resume = self._snapshot_of(tx.core, tx.now)
            last = len(tx.records) - 1
            for i, (kind, payload) in enumerate(tx.records):
                self._journal.append(kind, payload, resume if i == last else None)
        self._core = tx.core
        return value

    def _require(self, state: SessionState, action: str) -> None:
        if self._core.state is not state:
            raise SessionError(f"cannot {action}: the session is {self._core.state.value}")

    def _require_started(self, action: str) -> None:
        state = self._core.state
        if state is SessionState.NOT_STARTED or state.is_over:
            raise SessionError(f"cannot {action}: the session is {state.value}")

    def _current(self, core: _Core) -> Step:
        assert core.step_id is not None
        return self._case.step_by_id(core.step_id)

    def _open_question(self, question_id: str) -> Question:
        if self._core.state not in _OPEN:
            raise SessionError(f"no checkpoint is open ({self._core.state.value})")
        cp = self._describe_open(self._core)
        for q in cp.questions:
            if q.id == question_id:
                return q
        raise SessionError(f"question {question_id!r} is not open at checkpoint {cp.id!r}")

    def _describe_open(self, core: _Core) -> OpenCheckpoint:
        step = self._current(core)
        assert core.open_cp is not None
        if step.type is StepType.SEGMENT:
            cp = step.checkpoints[core.cp_index]
            qids, title = cp.questions, cp.title or step.title
        else:
            qids, title = step.questions, step.title
        questions = tuple(self._case.question_by_id(q) for q in qids)
        candidates = [
            step.media,
            *step.clips,
            step.image,
            *(q.image.media for q in questions if q.image),
        ]
        clips: list[str] = []
        for mid in candidates:
            if mid is not None and mid not in clips and self._replayable(mid):
                clips.append(mid)
        return OpenCheckpoint(core.open_cp, step.id, title, questions, tuple(clips), step.image)

    def _media(self, media_id: str) -> MediaItem:
        return self._case.media_by_id(media_id)

    def _active_media(self, core: _Core) -> str | None:
        if core.paused_from is SessionState.REVIEWING:
            return core.replaying
        return self._current(core).media

    @staticmethod
    def _resume_point(core: _Core, step: Step) -> Checkpoint | None:
        if step.type is not StepType.SEGMENT or core.cp_index == 0:
            return None
        return step.checkpoints[core.cp_index - 1]

    @staticmethod
    def _limit(core: _Core) -> float:
        assert core.overall.limit is not None
        return core.overall.limit

    def _replayable(self, media_id: str) -> bool:
        item = self._media(media_id)
        # An M-mode strip may be a picture; only moving media can be replayed.
        return item.kind.is_timed and not item.is_picture

    def _calibration(self, question: Question) -> Calibration | None:
        if question.image is None:
            return None
        return self._media(question.image.media).calibration

    def _sync_timers(self, tx: _Tx) -> None:
        core = tx.core
        core.overall.set_running(core.state in _ACTIVE and not core.stalled, tx.now)
        if core.checkpoint_timer is not None:
            core.checkpoint_timer.set_running(core.state in _OPEN and not core.stalled, tx.now)

    def _log(self, tx: _Tx, event: str, detail: Mapping[str, Any]) -> None:
        state = tx.core.state
        tx.core.transitions.append(Transition(tx.now, event, state, state, dict(detail)))
        self._sync_timers(tx)

    def _set_state(
        self, tx: _Tx, new: SessionState, event: str, detail: Mapping[str, Any] | None = None
    ) -> None:
        old = tx.core.state
        tx.core.transitions.append(Transition(tx.now, event, old, new, dict(detail or {})))
        tx.core.state = new
        self._sync_timers(tx)
        log.debug("session %s -> %s on %s", old.value, new.value, event)

    def _apply_timers(self, tx: _Tx) -> None:
        core = tx.core
        if core.state not in _ACTIVE:
            return
        if core.overall.expired(tx.now):
            self._end(tx, SessionState.TIME_EXPIRED, "time_expired", "time_expired")
        elif core.checkpoint_timer is not None and core.checkpoint_timer.expired(tx.now):
            self._submit_open(tx, "checkpoint_time_limit")

    def _enter(self, tx: _Tx, step_id: str) -> None:
        core = tx.core
        if step_id == END:
            self._end(tx, SessionState.FINISHED, "completed", "end", project=False)
            return
        step = self._case.step_by_id(step_id)
        core.path.append(step_id)
        core.step_id = step_id
        core.cp_index = 0
        branching.apply_state(core.patient, step.sets_state)
        if step.type is StepType.SEGMENT:
            assert step.media is not None
            core.plays[step.media] = core.plays.get(step.media, 0) + 1
            self._set_state(tx, SessionState.PLAYING_SEGMENT, "enter_step", {"step": step_id})
        else:
            self._open(tx, step_id, step.questions, "enter_step")

    def _open(self, tx: _Tx, cp_id: str, qids: tuple[str, ...], event: str) -> None:
        core = tx.core
        questions = [self._case.question_by_id(q) for q in qids]
        own = [q.time_limit_s for q in questions if q.time_limit_s is not None]
        limit = sum(own) if own else self._case.settings.checkpoint_time_limit_s
        core.checkpoint_timer = CountdownTimer(
            limit * self._accommodation if limit is not None else None
        )
        core.open_cp = cp_id
        core.cp_opened_at = tx.now
        core.drafts = {}
        self._set_state(tx, SessionState.AT_CHECKPOINT, event, {"checkpoint": cp_id})

    def _score_open(self, tx: _Tx, cause: str) -> None:
        """Score the open checkpoint as it stands, journal it, close it."""
        core = tx.core
        cp = self._describe_open(core)
        timer = core.checkpoint_timer
        timings = {
            "opened_at": core.cp_opened_at,
            "submitted_at": tx.now,
            "checkpoint_time_s": round(timer.elapsed(tx.now), 6) if timer else None,
            "exam_time_s": round(min(core.overall.elapsed(tx.now), self._limit(core)), 6),
        }
        results: list[ScoreResult] = []
        for q in cp.questions:
            response = core.drafts.get(q.id, {})
            result = scoring.score(q, response, self._calibration(q))
            core.results[q.id] = result
            core.responses[q.id] = response
            results.append(result)
            tx.records.append(
                (
                    "response",
                    {
                        "question_id": q.id,
                        "checkpoint": cp.id,
                        "step": cp.step_id,
                        "response": response,
                        "score": dict(PENDING_SCORE) if self._scores_withheld else result.to_json(),
                        "timings": timings,
                        "cause": cause,
                    },
                )
            )
        for q in cp.questions:
            branching.apply_state(
                core.patient, branching.option_state_changes(q, core.responses[q.id])
            )
        core.submitted.append(cp.id)
        core.open_cp = None
        core.drafts = {}
        core.checkpoint_timer = None
        core.replaying = None
        if self._current(core).type is StepType.SEGMENT:
            core.cp_index += 1
        feedback: tuple[Feedback, ...] = ()
        if self._case.settings.mode is Mode.PRACTICE:
            feedback = tuple(
                Feedback(q.id, r, q.key, scoring.key_response(q), q.rationale)
                for q, r in zip(cp.questions, results, strict=True)
            )
        tx.submission = SubmitOutcome(cp.id, tuple(results), feedback, core.state, cause)
        self._log(tx, "submit", {"checkpoint": cp.id, "cause": cause})

    def _submit_open(self, tx: _Tx, cause: str) -> None:
        self._score_open(tx, cause)
        step = self._current(tx.core)
        if step.type is StepType.SEGMENT:
            self._set_state(tx, SessionState.PLAYING_SEGMENT, "continue", {"step": step.id})
        else:
            self._leave_step(tx)
        self._finalise_submission(tx)

    def _finalise_submission(self, tx: _Tx) -> None:
        sub = tx.submission
        if sub is not None:
            tx.submission = SubmitOutcome(
                sub.checkpoint_id, sub.results, sub.feedback, tx.core.state, sub.cause
            )

    def _leave_step(self, tx: _Tx) -> None:
        core = tx.core
        step = self._current(core)
        decision = branching.next_step(self._case, step, core.results, core.responses, core.patient)
        self._log(tx, "branch", {"from": step.id, **decision.to_json()})
        self._enter(tx, decision.goto)

    def _project_unreached(self, core: _Core) -> list[str]:
        """Questions still ahead on the path, following branches as if left unanswered."""
        results = dict(core.results)
        patient = dict(core.patient)
        step = self._current(core)
        ahead: list[str] = []
        # The open checkpoint, if any, was scored first: only later checkpoints remain here.
        for cp in step.checkpoints[core.cp_index :]:
            ahead.extend(cp.questions)
        done = 0
        while True:
            for qid in ahead[done:]:
                results[qid] = scoring.score(self._case.question_by_id(qid), {})
            done = len(ahead)
            decision = branching.next_step(self._case, step, results, core.responses, patient)
            if decision.goto == END:
                return ahead
            step = self._case.step_by_id(decision.goto)
            branching.apply_state(patient, step.sets_state)
            ahead.extend(branching.step_questions(step))

    def _end(
        self, tx: _Tx, final: SessionState, outcome: str, cause: str, *, project: bool = True
    ) -> None:
        core = tx.core
        if core.open_cp is not None:
            self._score_open(tx, cause)
        unreached = self._project_unreached(core) if project and core.step_id else []
        scored = list(core.results.values())
        scored += [scoring.score(self._case.question_by_id(q), {}) for q in unreached]
        used = min(core.overall.elapsed(tx.now), self._limit(core))
        totals = case_totals(self._case, scored, core.path, outcome, unreached)
        core.outcome = outcome
        core.unreached = unreached
        core.totals = totals
        core.paused_from = None
        tx.records.append(
            (
                "submit",
                {
                    "outcome": outcome,
                    "totals": None if self._scores_withheld else totals.to_json(),
                    **({"scores_pending": True} if self._scores_withheld else {}),
                    "path": list(core.path),
                    "unreached": unreached,
                    "time_used_s": round(used, 6),
                    "time_limit_s": core.overall.limit,
                    "extra_time_s": core.extra_time_s,
                    "at": tx.now,
                },
            )
        )
        self._set_state(tx, final, cause, {"outcome": outcome})
        self._finalise_submission(tx)

    def _snapshot_of(self, core: _Core, now: float) -> dict[str, Any]:
        return {
            "format": SNAPSHOT_FORMAT,
            "case_id": self._case.meta.id,
            "case_version": self._case.meta.version,
            "case_sha256": core.case_sha256,
            "state": core.state.value,
            "paused_from": core.paused_from.value if core.paused_from else None,
            "step": core.step_id,
            "checkpoint_index": core.cp_index,
            "open_checkpoint": core.open_cp,
            "path": list(core.path),
            "submitted": list(core.submitted),
            "responses": {k: dict(v) for k, v in core.responses.items()},
            # Only which questions were scored: their scores (whose details can
            # reveal a key, e.g. a caliper's expected value) are recomputed on
            # restore from the responses, as scoring is deterministic.
            "scored": list(core.results),
            "patient_state": dict(core.patient),
            "plays": dict(core.plays),
            "replays": dict(core.replays),
            "time_used_s": round(core.overall.elapsed(now), 6),
            "time_limit_s": core.overall.limit,
            "extra_time_s": core.extra_time_s,
            "accommodation": self._accommodation,
            "outcome": core.outcome,
            "unreached": list(core.unreached),
        }
