"""The candidate's window: instructions, the encounter with its checkpoints, and the end screen.

Always visible at the top: the case (and its place in the exam), a progress bar
of the case's parts, and the time left. Below, one page at a time:

    instructions   what the case is, how long it takes, how to answer from the keyboard
    encounter      the media (with captions over it and the written script in a drawer)
                   and, when playback stops on a checkpoint, the checkpoint panel with one
                   question at a time, clip replays and Submit (which asks to confirm)
    cover          "Paused by your proctor" / "Please call your proctor" (content hidden)
    end            the receipt code(s); in practice mode the score
    proctor        the PIN prompt and the proctor panel (Ctrl+Shift+P)

The parts: the header (ui/candidate_header.py), the encounter page with the
media and the question panel (ui/candidate_encounter.py, ui/checkpoint_panel.py),
the end screen (ui/candidate_end.py); this window builds the instructions, the
cover and the proctor's page, switches pages by the controller's phase, and
connects everything in `_connect_signals`.

The window never decides anything: it shows what `ExamController` says and
forwards what the candidate does. In exam mode it is full screen and cannot be
closed by the candidate; leaving full screen is recorded.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pocus_player.core.pin import PinStore
from pocus_player.core.session import OpenCheckpoint, SubmitOutcome
from pocus_player.ui import theme
from pocus_player.ui.candidate_encounter import EncounterPage, MediaArea
from pocus_player.ui.candidate_end import EndScreen
from pocus_player.ui.candidate_header import CandidateHeader
from pocus_player.ui.candidate_widgets import focus_button, plain_label
from pocus_player.ui.checkpoint_panel import CheckpointPanel, FeedbackPanel
from pocus_player.ui.exam_controller import CALL_PROCTOR, ExamController, Phase
from pocus_player.ui.pin_prompt import PinPrompt
from pocus_player.ui.proctor_panel import ProctorPanel
from pocus_player.ui.time_notice import TimeNotice

log = logging.getLogger(__name__)

__all__ = ["CandidateWindow", "CheckpointPanel", "FeedbackPanel", "MediaArea"]


class CandidateWindow(QMainWindow):
    """See the module docstring. `proctorRequested` fires on Ctrl+Shift+P."""

    proctorRequested = Signal()

    def __init__(
        self,
        controller: ExamController,
        media_widget: QWidget,
        *,
        kiosk: bool,
        text_scale: float = 1.0,
        captions_always: bool = False,
        pin_store: PinStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.kiosk = kiosk
        self.allow_close = False
        self.captions_always = captions_always
        self.text_scale = text_scale
        self.setWindowTitle(self.tr("pocus-player: exam"))
        self.setAccessibleName(self.tr("Exam window"))
        self.header = CandidateHeader(TimeNotice(self.controller))
        self._build_pages(media_widget, pin_store)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._name_part_widgets()
        self._connect_signals()
        self.set_text_scale(text_scale)
        self._update_header()

    # ------------------------------------------------------------------ building

    def _build_pages(self, media_widget: QWidget, pin_store: PinStore | None) -> None:
        self.pages = QStackedWidget()
        self.instructions = self._build_instructions()
        self.encounter = EncounterPage(
            self.controller, media_widget, captions_always=self.captions_always
        )
        self.cover = self._build_cover()
        self.end_screen = EndScreen()
        self.end_page = self.end_screen.page
        self.proctor_page = self._build_proctor(pin_store)
        for page in (
            self.instructions,
            self.encounter,
            self.cover,
            self.end_page,
            self.proctor_page,
        ):
            self.pages.addWidget(page)
        self._before_proctor: QWidget | None = None
        self._last_phase = Phase.IDLE

    def _name_part_widgets(self) -> None:
        """The parts' widgets by the names the window has always given them."""
        h, e, end = self.header, self.encounter, self.end_screen
        self.case_label, self.candidate_label = h.case_label, h.candidate_label
        self.progress, self.progress_label = h.progress, h.progress_label
        self.timer_label, self.cp_timer_label = h.timer_label, h.cp_timer_label
        self.media_area, self.transcript = e.media_area, e.transcript
        self.now_playing = e.now_playing
        self.captions_button, self.transcript_button = e.captions_button, e.transcript_button
        self.left, self.panel, self.feedback = e.left, e.panel, e.feedback
        self.side, self.splitter = e.side, e.splitter
        self.end_title, self.end_text = end.title, end.text
        self.receipt_label, self.end_details = end.receipt_label, end.details
        self.next_case_button = end.next_case_button

    def _connect_signals(self) -> None:
        """The shortcuts, the parts, and what the exam controller and the engine report."""
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+P"), self)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(self.proctorRequested)
        shortcut.activated.connect(self.open_proctor)
        self.transcript_shortcut = QShortcut(QKeySequence("Ctrl+T"), self)
        self.transcript_shortcut.activated.connect(self.toggle_transcript)

        c = self.controller
        self.begin_button.clicked.connect(c.begin_case)
        self.panel.answered.connect(c.answer)
        self.panel.submitRequested.connect(c.submit)
        self.panel.replayRequested.connect(c.replay)
        self.feedback.continueRequested.connect(c.continue_after_feedback)
        self.end_screen.nextCaseRequested.connect(c.next_case)
        if self.pin_prompt is not None:
            self.pin_prompt.unlocked.connect(self._proctor_unlocked)
            self.pin_prompt.cancelled.connect(self.close_proctor)
        self.proctor_panel.closeRequested.connect(self.close_proctor)

        c.phaseChanged.connect(self._on_phase)
        c.checkpointOpened.connect(self._on_checkpoint)
        c.feedbackReady.connect(self._on_feedback)
        c.timeChanged.connect(self._update_header)
        c.replaysChanged.connect(self._update_clips)
        c.caseFinished.connect(self._on_case_finished)
        engine = c.engine
        engine.position_changed.connect(self.encounter.set_time_ms)
        engine.media_loaded.connect(self._on_media_loaded)

    def _build_instructions(self) -> QWidget:
        card = QFrame()
        card.setObjectName("Card")
        card_width = 900
        v = QVBoxLayout(card)
        self.instr_title = plain_label("", "Title")
        self.instr_summary = plain_label("")
        self.instr_details = plain_label("")
        self.instr_help = plain_label(
            self.tr(
                "How this works: the case plays and stops at checkpoints with questions. Answer "
                "each question, then Submit; after submitting you cannot go back. Keyboard: Tab "
                "moves between controls, Space or Enter presses a button, number keys 1-9 or "
                "letters A-E choose an option. Ctrl+T shows the written script. The time left "
                "is shown at the top right."
            )
        )
        self.begin_button = focus_button(
            self.tr("&Begin the case"),
            self.tr("Begin the case"),
            self.tr("Start the case and its timer"),
            "primary",
        )
        for w in (self.instr_title, self.instr_summary, self.instr_details, self.instr_help):
            v.addWidget(w)
        v.addSpacing(12)
        v.addWidget(self.begin_button, 0, Qt.AlignmentFlag.AlignLeft)
        page = theme.card_page(card, card_width)
        return page

    def _build_cover(self) -> QWidget:
        page = QFrame()
        page.setObjectName("Cover")
        v = QVBoxLayout(page)
        self.cover_title = plain_label("", "Title")
        self.cover_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover_text = plain_label("")
        self.cover_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addStretch(1)
        v.addWidget(self.cover_title)
        v.addWidget(self.cover_text)
        v.addStretch(1)
        page.setAccessibleName(self.tr("Exam paused"))
        return page

    def _build_proctor(self, pin_store: PinStore | None) -> QWidget:
        self.proctor_stack = QStackedWidget()
        self.pin_prompt = (
            PinPrompt(
                pin_store,
                purpose=self.tr("Enter the proctor PIN to open the proctor controls."),
                cancellable=True,
            )
            if pin_store is not None
            else None
        )
        self.proctor_panel = ProctorPanel(self.controller)
        if self.pin_prompt is not None:
            self.proctor_stack.addWidget(self.pin_prompt)
        self.proctor_stack.addWidget(self.proctor_panel)
        return theme.card_page(self.proctor_stack, 860)

    def open_proctor(self) -> None:
        """Ctrl+Shift+P: the PIN prompt, then the proctor panel; the exam is hidden meanwhile."""
        if self.pages.currentWidget() is self.proctor_page:
            return
        self._before_proctor = self.pages.currentWidget()
        self.pages.setCurrentWidget(self.proctor_page)
        log.info("proctor panel requested")
        if self.pin_prompt is not None:
            self.pin_prompt.reset()
            self.proctor_stack.setCurrentWidget(self.pin_prompt)
            self.pin_prompt.focus()
        else:
            self._proctor_unlocked()

    def _proctor_unlocked(self) -> None:
        self.proctor_stack.setCurrentWidget(self.proctor_panel)
        self.proctor_panel.refresh()
        self.proctor_panel.focus_first()

    def close_proctor(self) -> None:
        if self.pages.currentWidget() is not self.proctor_page:
            return
        self._before_proctor = None
        self.pages.setCurrentWidget(self.encounter)
        self._on_phase(self.controller.phase.value)

    # ------------------------------------------------------------------ behaviour

    def set_text_scale(self, scale: float) -> None:
        self.text_scale = theme.clamp_scale(scale)
        self.encounter.set_text_scale(self.text_scale)

    def toggle_transcript(self) -> None:
        self.encounter.toggle_transcript()

    def _on_media_loaded(self, loaded: Any) -> None:
        self.controller.media_loaded()
        media_id = getattr(loaded, "media_id", None)
        if isinstance(media_id, str):
            self.encounter.show_loaded(media_id)

    def _update_header(self) -> None:
        self.header.show_state(self.controller)

    def _time_and_mode(self, seconds: int, practice: bool) -> str:
        """The instructions' line on the time allowed and what the candidate will see."""
        m, sec = divmod(seconds, 60)
        allowed = self.tr("%n minute(s)", "", m)
        if sec:
            allowed = self.tr("{minutes} %n second(s)", "", sec).format(minutes=allowed)
        mode = (
            self.tr("Practice: after each submission you see your score, the answer and why.")
            if practice
            else self.tr("Exam: your answers are recorded; no score is shown.")
        )
        return self.tr("Time allowed: {allowed}. {mode}").format(allowed=allowed, mode=mode)

    def _on_phase(self, phase_name: str) -> None:

        phase = Phase(phase_name)
        c = self.controller
        last, self._last_phase = self._last_phase, phase
        if self.pages.currentWidget() is self.proctor_page:
            self._last_phase = last
            self._update_header()
            return  # the proctor is at work; the candidate's page follows on closing
        if phase is Phase.INSTRUCTIONS:
            case = c.case
            self.instr_title.setText(case.meta.title)
            self.instr_summary.setText(case.meta.summary)
            seconds = round(case.settings.time_limit_s * c.progress.time_multiplier)
            self.instr_details.setText(self._time_and_mode(seconds, c.practice))
            self.pages.setCurrentWidget(self.instructions)
            self.begin_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif phase in (Phase.PLAYING, Phase.REVIEWING):
            self.pages.setCurrentWidget(self.encounter)
            self.side.setVisible(phase is Phase.REVIEWING)
            self._show_media_side(True)
            if phase is Phase.PLAYING:
                self.transcript_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif phase is Phase.CHECKPOINT:
            self.pages.setCurrentWidget(self.encounter)
            self.side.setCurrentWidget(self.panel)
            self.side.show()
            self._show_media_side(self.encounter.media_side_shown())
            if last is Phase.REVIEWING and c.session is not None:
                cp = c.session.open_checkpoint
                if cp is not None:
                    self.encounter.show_checkpoint_media(cp)
            self._update_clips()
        elif phase is Phase.FEEDBACK:
            self.pages.setCurrentWidget(self.encounter)
            self.side.setCurrentWidget(self.feedback)
            self.side.show()
        elif phase is Phase.PAUSED:
            self.cover_title.setText(self.tr("Paused by your proctor"))
            self.cover_text.setText(self.tr("The timer is stopped. Please wait."))
            self.pages.setCurrentWidget(self.cover)
        elif phase is Phase.FAULT:
            self.cover_title.setText(QCoreApplication.translate("ExamController", CALL_PROCTOR))
            self.cover_text.setText(self.tr("The exam is stopped. Your answers so far are saved."))
            self.pages.setCurrentWidget(self.cover)
        elif phase in (Phase.CASE_DONE, Phase.EXAM_DONE):
            self.pages.setCurrentWidget(self.end_page)
            self.side.hide()
        self._update_header()

    def _on_checkpoint(self, cp: OpenCheckpoint) -> None:
        self.encounter.show_checkpoint(cp)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.encounter.media_side_shown() and self.encounter.questions_shown():
            self._show_media_side(True)

    def _show_media_side(self, on: bool) -> None:
        self.encounter.show_media_side(on)

    def _update_clips(self) -> None:
        self.encounter.update_clips()

    def _on_feedback(self, outcome: SubmitOutcome) -> None:
        self.encounter.show_feedback(outcome)

    def _on_case_finished(self, receipt: str) -> None:
        self.end_screen.show_case_finished(self.controller, receipt)

    # ------------------------------------------------------------------ kiosk

    def exam_running(self) -> bool:
        return self.controller.phase not in (Phase.EXAM_DONE, Phase.IDLE)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.kiosk and not self.allow_close and self.exam_running():
            log.warning("the candidate tried to close the exam window; refused")
            event.ignore()
            return
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.WindowStateChange
            and self.kiosk
            and not self.allow_close
            and self.exam_running()
            and not self.isFullScreen()
            and self.isVisible()
        ):
            log.warning("the exam window left full screen")
            self.controller.record_left_full_screen()
            QTimer.singleShot(0, self.showFullScreen)

    def focus_widget(self) -> QWidget | None:
        return QApplication.focusWidget()
