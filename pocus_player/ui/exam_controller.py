"""`ExamController`: connects the exam engine, the result journal, the media and the screens.

The screens only show what the controller says and forward what the candidate
or proctor does; every rule (what plays, when questions open, what is timed,
what is recorded) lives in `ExamSession`, and the controller translates:

    session.media_directive  ->  media engine calls (load, play to a checkpoint, pause)
    media engine signals     ->  session events (checkpoint reached, segment/review finished,
                                 faults)
    candidate / proctor      ->  session events (answer, submit, replay, proctor_*)
    session state            ->  `phase` and the signals below

An exam is one case or an ordered list of cases (a certificate); each case has
its own result journal and receipt code. Cases are loaded and validated before
the candidate starts; a case that fails validation stops the exam with a
message for the proctor.

Signals:
    phaseChanged(str)            one of `Phase`
    checkpointOpened(object)     an `OpenCheckpoint` with questions to show
    feedbackReady(object)        practice mode: the `SubmitOutcome` of a submission
    caseFinished(str)            a case ended; its receipt code
    examFinished()               every case of the exam has ended
    timeChanged()                the remaining time changed (polled a few times a second)
    replaysChanged()             a replay was used
    problem(str)                 a plain message for the proctor (the candidate sees only
                                 "Please call your proctor")
    notice(str)                  a message for the proctor that needs no action from the candidate
"""

from __future__ import annotations

import dataclasses
import enum
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from pocus_player.core.clock import Clock, MonotonicClock
from pocus_player.core.errors import CaseValidationError, PocusError, SessionError
from pocus_player.core.journal import EncryptedJournal
from pocus_player.core.journal_api import JournalWriteError
from pocus_player.core.loader import load_case
from pocus_player.core.media_info import MediaProbe
from pocus_player.core.model import Case, MediaItem, Mode, StepType
from pocus_player.core.resume import JournalLockedError, UnfinishedSession
from pocus_player.core.session import (
    ExamSession,
    MediaAction,
    MediaDirective,
    ReplayLimitReached,
    SessionState,
    SubmitOutcome,
)
from pocus_player.core.settings_store import ExamProgress, ProgressStore
from pocus_player.media import directives
from pocus_player.media.directives import SegmentMove

log = logging.getLogger(__name__)

CALL_PROCTOR = "Please call your proctor."


class Phase(enum.StrEnum):
    IDLE = "idle"
    INSTRUCTIONS = "instructions"  # before a case starts
    PLAYING = "playing"  # a segment plays
    CHECKPOINT = "checkpoint"  # questions are open
    REVIEWING = "reviewing"  # a clip is replayed inside an open checkpoint
    FEEDBACK = "feedback"  # practice: the score and key of the last submission
    PAUSED = "paused"  # paused by the proctor
    FAULT = "fault"  # something needs the proctor
    CASE_DONE = "case_done"  # a case ended; another follows
    EXAM_DONE = "exam_done"


def load_exam_cases(paths: tuple[Path, ...], probe: MediaProbe | None) -> list[Case]:
    """Load and validate every case of an exam; CaseValidationError lists all problems."""
    cases: list[Case] = []
    problems = []
    for path in paths:
        try:
            cases.append(load_case(path, probe))
        except CaseValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CaseValidationError(problems)
    return cases


def as_practice(case: Case) -> Case:
    """The case in practice mode (feedback after each submission)."""
    settings = dataclasses.replace(case.settings, mode=Mode.PRACTICE)
    return dataclasses.replace(case, settings=settings)


class ExamController(QObject):
    """Drives one candidate's exam (see the module docstring)."""

    phaseChanged = Signal(str)
    checkpointOpened = Signal(object)
    feedbackReady = Signal(object)
    caseFinished = Signal(str)
    examFinished = Signal()
    timeChanged = Signal()
    replaysChanged = Signal()
    problem = Signal(str)
    notice = Signal(str)

    TICK_MS = 250

    def __init__(
        self,
        progress: ExamProgress,
        cases: list[Case],
        *,
        media: Any,
        recipient: Path,
        results_dir: Path,
        progress_store: ProgressStore | None = None,
        clock_factory: Callable[[], Clock] = MonotonicClock,
        delivery: dict[str, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # the sealed package the cases came from (named in each start record), or None
        self.delivery = delivery
        if len(cases) != len(progress.cases):
            raise ValueError("one loaded case per case of the exam")
        self.progress = progress
        self._cases = [as_practice(c) if progress.practice else c for c in cases]
        self.media = media  # the MediaWidget: shows stills and posters, loads through its engine
        self.engine = engine = media.engine
        self.recipient = recipient
        self.results_dir = results_dir
        self._progress_store = progress_store
        self._clock_factory = clock_factory
        self.session: ExamSession | None = None
        self.journal: EncryptedJournal | None = None
        self.phase = Phase.IDLE
        self.last_outcome: SubmitOutcome | None = None
        self.last_receipt: str | None = None
        self.totals: Any = None  # CaseTotals of the case that ended last
        self.fault_message = ""
        self._shown_cp: str | None = None
        self._loaded_media: str | None = None
        self._pending_seek: tuple[int, MediaDirective] | None = None
        self._last_state: SessionState | None = None
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setInterval(self.TICK_MS)
        self._timer.timeout.connect(self._on_tick)
        engine.checkpoint_reached.connect(self._on_checkpoint_reached)
        engine.ended.connect(self._on_media_ended)
        engine.media_fault.connect(self._on_media_fault)
        engine.seek_finished.connect(self._on_seek_finished)
        self._silent_media: set[str] = set()  # (checkpoint id, ms) on audio-only media

    # ------------------------------------------------------------------ read-outs

    @property
    def case_index(self) -> int:
        return min(self.progress.next_index, len(self._cases) - 1)

    @property
    def case_count(self) -> int:
        return len(self._cases)

    @property
    def case(self) -> Case:
        return self._cases[self.case_index]

    @property
    def practice(self) -> bool:
        return self.progress.practice

    def time_remaining(self) -> float | None:
        if self.session is None or self.session.state is SessionState.NOT_STARTED:
            return self.case.settings.time_limit_s * self.progress.time_multiplier
        return self.session.time_remaining()

    def checkpoint_time_remaining(self) -> float | None:
        return self.session.checkpoint_time_remaining() if self.session else None

    def step_position(self) -> tuple[int, int]:
        """(part number, parts in the case) for the progress display."""
        case = self.session.case if self.session is not None else self.case
        total = len(case.steps)
        step = self.session.current_step if self.session else None
        if step is None:
            done = self.session is not None and self.session.is_over
            return (total if done else 0), total
        return case.step_index(step.id) + 1, total

    def media_item(self, media_id: str) -> MediaItem:
        return self.case.media_by_id(media_id)

    def replays_left(self, media_id: str) -> int | None:
        """Plays left of a clip at the open checkpoint (its first play is free)."""
        assert self.session is not None
        return self.session.replays_left(media_id)

    def first_play_pending(self, media_id: str) -> bool:
        return self.session is not None and self.session.snapshot()["plays"].get(media_id, 0) == 0

    def frozen_image(self) -> QImage | None:
        image = self.engine.frozen_frame()
        return image if isinstance(image, QImage) and not image.isNull() else None

    # ------------------------------------------------------------------ case lifecycle

    def prepare(self) -> None:
        """Show the instructions of the next case."""
        self.session = None
        self.journal = None
        self._shown_cp = None
        self._set_phase(Phase.INSTRUCTIONS)

    def begin_case(self) -> bool:
        """The candidate starts the case: open its journal, start the engine, play."""
        if self.phase is not Phase.INSTRUCTIONS:
            return False
        case = self.case
        try:
            journal = EncryptedJournal.create(
                recipient=self.recipient,
                case_id=case.meta.id,
                candidate_id=self.progress.candidate_id,
                results_dir=self.results_dir,
            )
        except (JournalWriteError, PocusError) as exc:
            self._fail(f"The result file cannot be created: {exc}")
            return False
        session = ExamSession(
            case,
            self._clock_factory(),
            journal,
            accommodation=self.progress.time_multiplier,
            candidate={"id": self.progress.candidate_id, "name": self.progress.candidate_name},
            delivery=self.delivery,
        )
        try:
            session.start()
        except (JournalWriteError, SessionError) as exc:
            journal.close()
            self._fail(f"The case cannot start: {exc}")
            return False
        self.journal, self.session = journal, session
        self._save_progress()
        log.info("case %s started (%d of %d)", case.meta.id, self.case_index + 1, self.case_count)
        self._timer.start()
        self._apply()
        return True

    def resume(self, unfinished: UnfinishedSession) -> bool:
        """Reopen an unfinished session after a crash and carry on from its last checkpoint."""
        case = self.case
        try:
            journal = EncryptedJournal.resume(unfinished, recipient=self.recipient)
        except JournalLockedError:
            self._fail("This exam is already open in another window of the app.")
            return False
        except (JournalWriteError, PocusError) as exc:
            self._fail(f"The unfinished exam cannot be reopened: {exc}")
            return False
        state = journal.resume_state
        if state is None:
            journal.close()
            self._fail("The unfinished exam holds no saved state to resume from.")
            return False
        try:
            session = ExamSession.restore(
                case, state, self._clock_factory(), journal, delivery=self.delivery
            )
        except (SessionError, JournalWriteError) as exc:
            journal.close()
            self._fail(f"The unfinished exam cannot be resumed: {exc}")
            return False
        self.journal, self.session = journal, session
        log.info("case %s resumed", case.meta.id)
        self._timer.start()
        self._apply()
        return True

    def next_case(self) -> None:
        if self.phase is Phase.CASE_DONE and self.progress.next_index < len(self._cases):
            self.prepare()

    def close(self) -> None:
        """Stop timers and media and release the journal (an unfinished case stays resumable)."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self.engine.stop()
        if self.journal is not None and not self.journal.submitted:
            self.journal.close()

    # ------------------------------------------------------------------ candidate actions

    def answer(self, question_id: str, response: dict[str, Any]) -> None:
        if self.session is None or self.phase not in (Phase.CHECKPOINT, Phase.REVIEWING):
            return
        try:
            self.session.answer(question_id, response)
        except PocusError as exc:
            # A widget produced a response the scoring contract refuses: a bug, not the
            # candidate's fault; keep the exam going and tell the proctor.
            log.error("draft for %s refused: %s", question_id, type(exc).__name__)

    def submit(self, responses: dict[str, dict[str, Any]] | None = None) -> SubmitOutcome | None:
        """Submit the open checkpoint (the screen asked the candidate to confirm first)."""
        if self.session is None or self.phase not in (Phase.CHECKPOINT, Phase.REVIEWING):
            return None
        if self.phase is Phase.REVIEWING:
            self.engine.stop()  # submitting while a clip replays ends the replay
            self._loaded_media = None
        try:
            outcome = self.session.submit(responses)
        except JournalWriteError as exc:
            self._fail(
                f"The answers could not be saved ({exc}). Answers submitted earlier are safe. "
                "Fix the results folder (space, permissions), then restart the app: the exam "
                "resumes at the last saved checkpoint."
            )
            return None
        self.last_outcome = outcome
        self._shown_cp = None
        log.info("checkpoint %s submitted (%s)", outcome.checkpoint_id, outcome.cause)
        if outcome.feedback:
            self._set_phase(Phase.FEEDBACK)
            self.feedbackReady.emit(outcome)
        else:
            self._apply()
        return outcome

    def continue_after_feedback(self) -> None:
        if self.phase is Phase.FEEDBACK:
            self._apply()

    def replay(self, media_id: str) -> bool:
        if self.session is None or self.phase is not Phase.CHECKPOINT:
            return False
        try:
            self.session.replay_clip(media_id)
        except ReplayLimitReached:
            self.notice.emit(f"No replays left for {self.media_item(media_id).title or media_id}.")
            return False
        except JournalWriteError as exc:
            self._fail(f"The result file cannot be written: {exc}")
            return False
        except SessionError as exc:
            log.warning("replay refused: %s", exc)
            return False
        self.replaysChanged.emit()
        self._apply()
        return True

    # ------------------------------------------------------------------ proctor actions

    def _proctor(self, action: Callable[[], None], what: str) -> bool:
        if self.session is None:
            return False
        try:
            action()
        except JournalWriteError as exc:
            self._fail(f"{what} could not be recorded: {exc}")
            return False
        except SessionError as exc:
            self.notice.emit(f"{what} is not possible now: {exc}")
            return False
        log.info("proctor: %s", what)
        self._apply()
        return True

    def proctor_pause(self, note: str = "") -> bool:
        return self._proctor(lambda: self.session.proctor_pause(note), "Pause")  # type: ignore[union-attr]

    def proctor_resume(self, note: str = "") -> bool:
        if self.session is None:
            return False
        if self.session.media_is_stalled:
            return self.retry_media()
        return self._proctor(lambda: self.session.proctor_resume(note), "Resume")  # type: ignore[union-attr]

    def proctor_add_time(self, minutes: float, note: str = "") -> bool:
        return self._proctor(
            lambda: self.session.proctor_add_time(minutes * 60.0, note),  # type: ignore[union-attr]
            "Adding time",
        )

    def proctor_incident(self, category: str, note: str) -> bool:
        text = f"{category}: {note}" if note else category
        return self._proctor(lambda: self.session.proctor_incident(text), "Recording an incident")  # type: ignore[union-attr]

    def proctor_end(self, reason: str = "") -> bool:
        return self._proctor(lambda: self.session.proctor_end(reason), "Ending the case")  # type: ignore[union-attr]

    def record_left_full_screen(self) -> None:
        """The kiosk window left full screen: a `left_full_screen` event in the journal."""
        if self.session is None or self.session.is_over:
            log.info("the window left full screen outside a case")
            return
        try:
            self.session.left_full_screen()
        except (JournalWriteError, SessionError) as exc:
            log.warning("leaving full screen not recorded: %s", exc)

    def retry_media(self) -> bool:
        """After a media fault the proctor tries the media again (timers resume)."""
        if self.session is None or not self.session.media_is_stalled:
            return False
        try:
            self.session.media_resumed()
        except (JournalWriteError, SessionError) as exc:
            self._fail(f"The media cannot be restarted: {exc}")
            return False
        self.fault_message = ""
        self._loaded_media = None  # reload from the file
        self._apply()
        return True

    # ------------------------------------------------------------------ the engine loop

    def _set_phase(self, phase: Phase) -> None:
        if phase is not self.phase:
            self.phase = phase
            log.debug("phase %s", phase.value)
            self.phaseChanged.emit(phase.value)

    def _fail(self, message: str) -> None:
        log.error("%s", message)
        self.fault_message = message
        self.engine.pause()
        self._set_phase(Phase.FAULT)
        self.problem.emit(message)

    def _on_tick(self) -> None:
        session = self.session
        if session is None:
            return
        before = session.state
        try:
            after = session.tick()
        except JournalWriteError as exc:
            self._fail(f"The result file cannot be written: {exc}")
            return
        if after is not before:
            log.info("timer: %s -> %s", before.value, after.value)
            self._shown_cp = None
            self._apply()
        self.timeChanged.emit()

    def _apply(self) -> None:
        """Bring media and screens in line with what the session says now."""
        session = self.session
        if session is None:
            return
        if session.is_over:
            self._case_over()
            return
        if session.media_is_stalled:
            self.engine.pause()
            self._set_phase(Phase.FAULT)
            return
        d = session.media_directive
        if d.action is MediaAction.PAUSE:
            self.engine.pause()
            self._set_phase(Phase.PAUSED)
        elif d.action in (MediaAction.PLAY_TO_CHECKPOINT, MediaAction.PLAY_TO_END):
            self._play_segment(d)
            self._set_phase(Phase.PLAYING)
        elif d.action is MediaAction.REPLAY:
            assert d.media_id is not None
            self._load(d.media_id, autoplay=True, checkpoints=())
            self._set_phase(Phase.REVIEWING)
        elif d.action is MediaAction.HOLD:
            self._hold(d)
        self.timeChanged.emit()

    def _hold(self, d: MediaDirective) -> None:
        session = self.session
        assert session is not None
        cp = session.open_checkpoint
        if cp is None:
            return
        step = session.current_step
        if step is not None and step.type is not StepType.SEGMENT:
            # A review or questions step: nothing plays until the candidate asks.
            self.engine.stop()
            self._loaded_media = None
        elif self._loaded_media != d.media_id and d.checkpoint is not None and d.media_id:
            # Resumed at an open checkpoint (its clip was not loaded): show the held frame.
            item = self.media_item(d.media_id)
            self._load(d.media_id, autoplay=False, checkpoints=())
            self._pending_seek = (d.checkpoint.target_frame(item.timeline), d)
        elif self.phase is Phase.REVIEWING:
            self.engine.stop()
            self._loaded_media = None
        self._set_phase(Phase.CHECKPOINT)
        if self._shown_cp != cp.id:
            self._shown_cp = cp.id
            self.checkpointOpened.emit(cp)

    def _play_segment(self, d: MediaDirective) -> None:
        plan = directives.plan_segment(d, loaded_media=self._loaded_media, engine=self.engine)
        if plan.move is SegmentMove.OVER:
            # The clip already ran out at its checkpoint: the segment is over; never
            # start it again from the beginning.
            QTimer.singleShot(0, self._on_media_ended)
        elif plan.move is SegmentMove.PLAY_ON:
            directives.play_on(self.engine, plan)
        elif plan.move is SegmentMove.LOAD_AT_RESUME:
            # After a resume: show the clip from the checkpoint submitted last, then play on.
            assert plan.resume_at is not None
            item = self.media_item(plan.media_id)
            self._load(plan.media_id, autoplay=False, checkpoints=plan.stops)
            frame = plan.resume_at.target_frame(item.timeline)
            self._pending_seek = (frame, d)
        else:
            self._load(plan.media_id, autoplay=True, checkpoints=plan.stops)

    def _load(self, media_id: str, *, autoplay: bool, checkpoints: tuple[Any, ...]) -> None:
        item = self.media_item(media_id)
        self._loaded_media = media_id
        self._pending_seek = None
        self.media.show_media_item(item, autoplay=autoplay, checkpoints=checkpoints)
        # Cine loops loop in preview; in the exam every play (and replay) ends, so the
        # session hears about the end and counts replays.
        self.engine.set_loop(False)

    def media_loaded(self) -> None:
        """The engine finished loading (the screen forwards `media_loaded`)."""
        if self._pending_seek is None:
            return
        frame, d = self._pending_seek
        media = self.engine.media
        if media is not None and not media.is_video:
            # Audio: a checkpoint is a time; start there.
            self._pending_seek = None
            self.engine.seek_ms(self.media_item(d.media_id or "").timeline.frame_to_ms(frame))
            if d.action is not MediaAction.HOLD:
                self.engine.play()
            return
        try:
            self.engine.seek_frame(frame)
        except PocusError:
            self._pending_seek = None

    def _on_seek_finished(self, _frame: int) -> None:
        if self._pending_seek is None:
            return
        _, d = self._pending_seek
        self._pending_seek = None
        if d.action is not MediaAction.HOLD and self.phase is Phase.PLAYING:
            self.engine.play()

    def _on_checkpoint_reached(self, checkpoint_id: str, _frame: int) -> None:
        session = self.session
        if session is None or session.state is not SessionState.PLAYING_SEGMENT:
            return
        try:
            session.segment_reached_checkpoint(checkpoint_id)
        except JournalWriteError as exc:
            self._fail(f"The result file cannot be written: {exc}")
            return
        except SessionError as exc:
            log.warning("checkpoint %s ignored: %s", checkpoint_id, exc)
            return
        self._apply()

    def _on_media_ended(self) -> None:
        session = self.session
        if session is None:
            return
        try:
            if session.state is SessionState.PLAYING_SEGMENT:
                session.segment_finished()
            elif session.state is SessionState.REVIEWING:
                session.review_finished()
            else:
                return
        except JournalWriteError as exc:
            self._fail(f"The result file cannot be written: {exc}")
            return
        except SessionError as exc:
            log.warning("end of media ignored: %s", exc)
            return
        self._loaded_media = None
        self._apply()

    def _on_media_fault(self, kind: str, path: str, message: str) -> None:
        session = self.session
        if session is None or session.is_over:
            return
        media_id = self._loaded_media or Path(path).stem
        if kind == "no_audio_device":
            # The clip plays on without sound (captions stay): record it once, tell the proctor.
            if media_id in self._silent_media:
                return
            self._silent_media.add(media_id)
            try:
                session.media_fault(media_id, message, fatal=False)
            except (JournalWriteError, SessionError) as exc:
                log.warning("audio fault not recorded: %s", exc)
            self.notice.emit(f"No sound: {message}")
            return
        try:
            session.media_fault(media_id, message, fatal=False)
            session.media_stalled(media_id)
        except (JournalWriteError, SessionError) as exc:
            log.warning("media fault not recorded: %s", exc)
        self._fail(
            f"A media file failed: {message}. The timer is stopped and answers so far are "
            "saved. Use 'Retry media' in the proctor panel, or end the case."
        )

    # ------------------------------------------------------------------ the end of a case

    def _case_over(self) -> None:
        session, journal = self.session, self.journal
        assert session is not None and journal is not None
        self._timer.stop()
        self.engine.stop()
        self._loaded_media = None
        if self.phase in (Phase.CASE_DONE, Phase.EXAM_DONE):
            return
        receipt = journal.receipt or ""
        self.last_receipt = receipt
        self.progress = self.progress.with_receipt(self.case.meta.id, receipt)
        done = self.progress.next_index >= len(self._cases)
        self.totals = session.totals
        if done:
            if self._progress_store is not None:
                self._progress_store.clear()
        else:
            self._save_progress()
        log.info("case %s over (%s)", session.case.meta.id, session.outcome)
        self.caseFinished.emit(receipt)
        if done:
            self._set_phase(Phase.EXAM_DONE)
            self.examFinished.emit()
        else:
            self._set_phase(Phase.CASE_DONE)

    def _save_progress(self) -> None:
        if self._progress_store is None:
            return
        try:
            self._progress_store.save(self.progress)
        except OSError as exc:
            log.warning("exam progress not saved: %s", exc.strerror)
