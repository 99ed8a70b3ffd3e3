"""`ExamController`: connects the exam engine, the result journal, the media and the screens.

The screens only show what the controller says and forward what the candidate
or proctor does; every rule (what plays, when questions open, what is timed,
what is recorded) lives in `ExamSession`, and the controller translates:

    session.media_directive  ->  media engine calls (load, play to a checkpoint, pause)
    media engine signals     ->  session events (checkpoint reached, segment/review finished,
                                 faults)
    candidate / proctor      ->  session events (answer, submit, replay, proctor_*)
    session state            ->  `phase` and the signals below

Its parts: the media half (ui/exam_media.py: directives into engine calls, engine
signals into session events), the result journal opened or reopened
(ui/exam_sitting.py), and the clock that ticks the session (ui/exam_clock.py).

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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage

from pocus_player.core.clock import Clock, MonotonicClock
from pocus_player.core.errors import CaseValidationError, PocusError, SessionError
from pocus_player.core.journal import EncryptedJournal
from pocus_player.core.journal_api import JournalWriteError
from pocus_player.core.loader import load_case
from pocus_player.core.media_info import MediaProbe
from pocus_player.core.model import Case, MediaItem, Mode
from pocus_player.core.resume import UnfinishedSession
from pocus_player.core.session import (
    ExamSession,
    MediaAction,
    MediaDirective,
    ReplayLimitReached,
    SessionState,
    SubmitOutcome,
)
from pocus_player.core.settings_store import ExamProgress, ProgressStore
from pocus_player.ui import exam_clock
from pocus_player.ui.exam_clock import ExamTicker
from pocus_player.ui.exam_media import SegmentPlayer
from pocus_player.ui.exam_sitting import SittingError, keep_progress, open_case, reopen_case

log = logging.getLogger(__name__)

# Shown translated: QCoreApplication.translate("ExamController", CALL_PROCTOR).
CALL_PROCTOR = str(QT_TRANSLATE_NOOP("ExamController", "Please call your proctor."))
# The proctor's actions, named in the messages about them (logged in English).
_PAUSE = str(QT_TRANSLATE_NOOP("ExamController", "Pause"))
_RESUME = str(QT_TRANSLATE_NOOP("ExamController", "Resume"))
_ADD_TIME = str(QT_TRANSLATE_NOOP("ExamController", "Adding time"))
_INCIDENT = str(QT_TRANSLATE_NOOP("ExamController", "Recording an incident"))
_END = str(QT_TRANSLATE_NOOP("ExamController", "Ending the case"))
_SAVE_FAILED = str(
    QT_TRANSLATE_NOOP(
        "ExamController",
        "The answers could not be saved ({error}). Answers submitted earlier are safe. Fix the "
        "results folder (space, permissions), then restart the app: the exam resumes at the "
        "last saved checkpoint.",
    )
)
_NOT_RECORDED = str(QT_TRANSLATE_NOOP("ExamController", "{what} could not be recorded: {error}"))
_NOT_POSSIBLE = str(QT_TRANSLATE_NOOP("ExamController", "{what} is not possible now: {error}"))


def _tr(marked: str) -> str:
    """A message marked with QT_TRANSLATE_NOOP above, in the interface's language."""
    return QCoreApplication.translate("ExamController", marked)


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

    TICK_MS = exam_clock.TICK_MS

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
        self.engine = media.engine
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
        self._closed = False
        self.ticker = ExamTicker(lambda: self.session, self)
        self.segments = SegmentPlayer(
            media,
            session=lambda: self.session,
            media_item=self.media_item,
            playing=lambda: self.phase is Phase.PLAYING,
            parent=self,
        )
        self._connect_signals()

    def _connect_signals(self) -> None:
        """The parts' reports, and the engine's through the media half."""
        self.ticker.stateChanged.connect(self._on_timer_moved)
        self.ticker.ticked.connect(self.timeChanged)
        self.ticker.failed.connect(self._fail)
        self.segments.connect_engine()
        self.segments.moved.connect(self._apply)
        self.segments.failed.connect(self._fail)
        self.segments.notice.connect(self.notice)

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
            self.journal, self.session = open_case(
                case,
                self.progress,
                recipient=self.recipient,
                results_dir=self.results_dir,
                clock=self._clock_factory,
                delivery=self.delivery,
            )
        except SittingError as exc:
            self._fail(str(exc))
            return False
        keep_progress(self._progress_store, self.progress, done=False)
        log.info("case %s started (%d of %d)", case.meta.id, self.case_index + 1, self.case_count)
        self.ticker.start()
        self._apply()
        return True

    def resume(self, unfinished: UnfinishedSession) -> bool:
        """Reopen an unfinished session after a crash and carry on from its last checkpoint."""
        case = self.case
        try:
            self.journal, self.session = reopen_case(
                case,
                unfinished,
                recipient=self.recipient,
                clock=self._clock_factory,
                delivery=self.delivery,
            )
        except SittingError as exc:
            self._fail(str(exc))
            return False
        log.info("case %s resumed", case.meta.id)
        self.ticker.start()
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
        self.ticker.stop()
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
            self.segments.stop()  # submitting while a clip replays ends the replay
        try:
            outcome = self.session.submit(responses)
        except JournalWriteError as exc:
            self._fail(_tr(_SAVE_FAILED).format(error=exc))
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
            title = self.media_item(media_id).title or media_id
            self.notice.emit(self.tr("No replays left for {title}.").format(title=title))
            return False
        except JournalWriteError as exc:
            self._fail(self.tr("The result file cannot be written: {error}").format(error=exc))
            return False
        except SessionError as exc:
            log.warning("replay refused: %s", exc)
            return False
        self.replaysChanged.emit()
        self._apply()
        return True

    # ------------------------------------------------------------------ proctor actions

    def _proctor(self, what: str, action: Callable[[ExamSession], None]) -> bool:
        """Run a proctor's `action`; `what` names it (marked for translation, logged in English)."""
        if self.session is None:
            return False
        shown = _tr(what)
        try:
            action(self.session)
        except JournalWriteError as exc:
            self._fail(_tr(_NOT_RECORDED).format(what=shown, error=exc))
            return False
        except SessionError as exc:
            self.notice.emit(_tr(_NOT_POSSIBLE).format(what=shown, error=exc))

            return False
        log.info("proctor: %s", what)
        self._apply()
        return True

    def proctor_pause(self, note: str = "") -> bool:
        return self._proctor(_PAUSE, lambda s: s.proctor_pause(note))

    def proctor_resume(self, note: str = "") -> bool:
        if self.session is not None and self.session.media_is_stalled:
            return self.retry_media()
        return self._proctor(_RESUME, lambda s: s.proctor_resume(note))

    def proctor_add_time(self, minutes: float, note: str = "") -> bool:
        return self._proctor(_ADD_TIME, lambda s: s.proctor_add_time(minutes * 60.0, note))

    def proctor_incident(self, category: str, note: str) -> bool:
        text = f"{category}: {note}" if note else category
        return self._proctor(_INCIDENT, lambda s: s.proctor_incident(text))

    def proctor_end(self, reason: str = "") -> bool:
        return self._proctor(_END, lambda s: s.proctor_end(reason))

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
            self._fail(self.tr("The media cannot be restarted: {error}").format(error=exc))
            return False
        self.fault_message = ""
        self.segments.loaded_media = None  # reload from the file
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

    def _on_timer_moved(self) -> None:
        """A timer ran out and moved the session on (the clock's tick)."""
        self._shown_cp = None
        self._apply()

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
            self.segments.play_segment(d)
            self._set_phase(Phase.PLAYING)
        elif d.action is MediaAction.REPLAY:
            assert d.media_id is not None
            self.segments.load(d.media_id, autoplay=True, checkpoints=())
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
        self.segments.hold(d, session.current_step, reviewing=self.phase is Phase.REVIEWING)
        self._set_phase(Phase.CHECKPOINT)
        if self._shown_cp != cp.id:
            self._shown_cp = cp.id
            self.checkpointOpened.emit(cp)

    def media_loaded(self) -> None:
        """The engine finished loading (the screen forwards `media_loaded`)."""
        self.segments.media_loaded()

    def _on_checkpoint_reached(self, checkpoint_id: str, frame: int) -> None:
        self.segments.on_checkpoint_reached(checkpoint_id, frame)

    def _on_media_ended(self) -> None:
        self.segments.on_media_ended()

    # ------------------------------------------------------------------ the end of a case

    def _case_over(self) -> None:
        session, journal = self.session, self.journal
        assert session is not None and journal is not None
        self.ticker.stop()
        self.segments.stop()
        if self.phase in (Phase.CASE_DONE, Phase.EXAM_DONE):
            return
        receipt = journal.receipt or ""
        self.last_receipt = receipt
        self.progress = self.progress.with_receipt(self.case.meta.id, receipt)
        done = self.progress.next_index >= len(self._cases)
        self.totals = session.totals
        keep_progress(self._progress_store, self.progress, done=done)
        log.info("case %s over (%s)", session.case.meta.id, session.outcome)
        self.caseFinished.emit(receipt)
        if done:
            self._set_phase(Phase.EXAM_DONE)
            self.examFinished.emit()
        else:
            self._set_phase(Phase.CASE_DONE)
