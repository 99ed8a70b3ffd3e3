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

The window never decides anything: it shows what `ExamController` says and
forwards what the candidate does. In exam mode it is full screen and cannot be
closed by the candidate; leaving full screen is recorded.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pocus_player.core.captions import CaptionError
from pocus_player.core.model import MediaItem, Navigation, Question
from pocus_player.core.pin import PinStore
from pocus_player.core.session import OpenCheckpoint, SessionState, SubmitOutcome
from pocus_player.core.timecode import format_countdown
from pocus_player.ui import theme
from pocus_player.ui.accessibility import PrefixedLabel, plain_text
from pocus_player.ui.captions_view import CaptionOverlay, TranscriptDrawer
from pocus_player.ui.exam_controller import CALL_PROCTOR, ExamController, Phase
from pocus_player.ui.pin_prompt import PinPrompt
from pocus_player.ui.proctor_panel import ProctorPanel
from pocus_player.ui.reflow import ElidedLabel, ReflowRow
from pocus_player.ui.sealed_files import read_captions
from pocus_player.ui.time_notice import TimeNotice

log = logging.getLogger(__name__)


def _label(text: str = "", name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def _button(text: str, name: str, description: str, role: str | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setAccessibleDescription(description)
    button.setToolTip(description)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAutoDefault(True)
    if role:
        button.setProperty("role", role)
    return button


class MediaArea(QWidget):
    """The media widget (video, still or narration poster) with the captions over its bottom."""

    def __init__(self, media_widget: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.media_widget = media_widget
        media_widget.setAccessibleName("Media")
        media_widget.setAccessibleDescription("The case video, ultrasound clip or image")
        self.captions = CaptionOverlay()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(media_widget)
        self.captions.anchor_to(media_widget)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_still(self, item: MediaItem) -> None:
        try:
            self.media_widget.show_image(item.file)
        except ValueError as exc:
            log.warning("image %s not shown: %s", item.id, exc)
        self.media_widget.setAccessibleDescription(item.title)
        self.captions.set_track(None)

    def show_nothing(self, message: str = "") -> None:
        self.media_widget.clear(message)
        self.captions.set_track(None)


class CheckpointPanel(QWidget):
    """The questions of the open checkpoint, one at a time, with clip replays and Submit.

    Signals:
        answered(str, object)   a question's draft changed: (question id, response)
        submitRequested()       the candidate confirmed the submission
        replayRequested(str)    play a clip again (media id)
    """

    answered = Signal(str, object)
    submitRequested = Signal()
    replayRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.title = _label("", "Subtitle")
        self.title.setAccessibleDescription("Checkpoint title")  # the name is its text
        self.counter = _label("", "")
        self.counter.setProperty("role", "muted")
        self.questions = QStackedWidget()
        self.questions.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.clips_box = QWidget()
        self.clips_layout = QVBoxLayout(self.clips_box)
        self.clips_layout.setContentsMargins(0, 0, 0, 0)
        self.prev_button = _button(
            "&Previous question", "Previous question", "Go back to the previous question"
        )
        self.next_button = _button(
            "&Next question", "Next question", "Go on to the next question of this checkpoint"
        )
        self.submit_button = _button(
            "&Submit answers",
            "Submit answers",
            "Submit the answers of this checkpoint; you will be asked to confirm",
            "primary",
        )
        self._init_confirm()
        self._layout()
        self.prev_button.clicked.connect(lambda: self._go(-1))
        self.next_button.clicked.connect(lambda: self._go(+1))
        self.submit_button.clicked.connect(self._ask_confirm)
        self.confirm_yes.clicked.connect(self._confirmed)
        self.confirm_no.clicked.connect(self._cancel_confirm)
        self._widgets: list[Any] = []
        self._free_navigation = False
        self._replay_buttons: dict[str, QPushButton] = {}
        self._text_scale = 1.0

    def _init_confirm(self) -> None:
        """The "are you sure" strip a submission asks through."""
        self.confirm = QFrame()
        self.confirm.setObjectName("Card")
        confirm_layout = QVBoxLayout(self.confirm)
        self.confirm_text = _label("")
        self.confirm_text.setProperty("role", "warning")
        self.confirm_yes = _button(
            "&Yes, submit",
            "Yes, submit",
            "Submit now; you cannot change these answers later",
            "primary",
        )
        self.confirm_no = _button(
            "No, keep &working", "No, keep working", "Go back to the questions without submitting"
        )
        row = ReflowRow()
        row.add(self.confirm_yes)
        row.add(self.confirm_no)
        row.add_stretch(1)
        confirm_layout.addWidget(self.confirm_text)
        confirm_layout.addWidget(row)
        self.confirm.hide()

    def _layout(self) -> None:
        # Side by side when they fit, else one under the other (200 % text at 1024x768).
        nav = ReflowRow()
        nav.add(self.prev_button)
        nav.add_stretch(1)
        nav.add(self.next_button)
        nav.add(self.submit_button)
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.counter)
        layout.addLayout(header)
        layout.addWidget(self.questions, 1)
        layout.addWidget(self.clips_box)
        layout.addWidget(nav)
        layout.addWidget(self.confirm)

    # -- content

    def show_checkpoint(
        self,
        cp: OpenCheckpoint,
        widgets: list[Any],
        *,
        free_navigation: bool,
        clips: list[tuple[str, str]],
    ) -> None:
        while self.questions.count():
            old = self.questions.widget(0)
            assert old is not None  # count() > 0
            self.questions.removeWidget(old)
            old.deleteLater()
        for b in self._replay_buttons.values():
            b.deleteLater()
        self._replay_buttons.clear()
        self._widgets = widgets
        self._free_navigation = free_navigation
        self.title.setText(cp.title or "Questions")
        for w in widgets:
            self.questions.addWidget(w)
            w.set_text_scale(self._text_scale)
            qid = w.question.id
            w.changed.connect(lambda w=w, qid=qid: self.answered.emit(qid, w.response()))
        for media_id, title in clips:
            b = _button("", f"Play clip {title}", f"Play the clip '{title}' again")
            b.clicked.connect(lambda _c=False, m=media_id: self.replayRequested.emit(m))
            self.clips_layout.addWidget(b)
            self._replay_buttons[media_id] = b
        self.clips_box.setVisible(bool(clips))
        self.confirm.hide()
        self._set_enabled(True)
        self._show(0)

    def set_clip_state(self, media_id: str, title: str, first: bool, left: int | None) -> None:
        b = self._replay_buttons.get(media_id)
        if b is None:
            return
        # Two short lines (what, then which clip), so long titles never widen the panel.
        if first:
            text, desc = f"Play clip\n{title}", f"Play the clip '{title}'"
        elif left is None:
            text, desc = f"Replay clip\n{title}", f"Replay the clip '{title}'"
        elif left == 0:
            text, desc = f"No replays left\n{title}", "This clip cannot be replayed again"
        else:
            plural = "replay" if left == 1 else "replays"
            text = f"Replay clip ({left} {plural} left)\n{title}"
            desc = f"Replay the clip '{title}'; {left} {plural} left"
        b.setText(text)
        b.setAccessibleName(text.replace("\n", ": "))
        b.setAccessibleDescription(desc)
        b.setEnabled(first or left is None or left > 0)

    def current_index(self) -> int:
        return self.questions.currentIndex()

    def current_widget(self) -> Any:
        return self.questions.currentWidget()

    def widgets(self) -> list[Any]:
        return list(self._widgets)

    def set_text_scale(self, scale: float) -> None:
        self._text_scale = scale
        for w in self._widgets:
            w.set_text_scale(scale)

    def _show(self, index: int) -> None:
        n = len(self._widgets)
        if n == 0:
            self.counter.setText("")
            self.next_button.hide()
            self.prev_button.hide()
            self.submit_button.show()
            return
        index = max(0, min(n - 1, index))
        self.questions.setCurrentIndex(index)
        self.counter.setText(f"Question {index + 1} of {n}")
        last = index == n - 1
        self.next_button.setVisible(not last)
        self.submit_button.setVisible(last)
        self.prev_button.setVisible(self._free_navigation and index > 0)
        widget = self._widgets[index]
        QTimer.singleShot(0, lambda: widget.setFocus(Qt.FocusReason.OtherFocusReason))

    def _go(self, delta: int) -> None:
        self._show(self.questions.currentIndex() + delta)

    def _ask_confirm(self) -> None:
        unanswered = sum(1 for w in self._widgets if not w.response())
        if unanswered:
            noun = "question is" if unanswered == 1 else "questions are"
            text = f"{unanswered} {noun} not answered. Submit anyway? "
        else:
            text = "Submit your answers? "
        self.confirm_text.setText(text + "You cannot go back to them after submitting.")
        self.confirm.show()
        self._set_enabled(False)
        self.confirm_no.setFocus(Qt.FocusReason.OtherFocusReason)

    def _cancel_confirm(self) -> None:
        self.confirm.hide()
        self._set_enabled(True)
        self.submit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _confirmed(self) -> None:
        self.confirm.hide()
        self._set_enabled(False)
        self.submitRequested.emit()

    def _set_enabled(self, on: bool) -> None:
        for w in (self.prev_button, self.next_button, self.submit_button, self.questions):
            w.setEnabled(on)
        for b in self._replay_buttons.values():
            b.setEnabled(on and b.isEnabled() if not on else True)


class FeedbackPanel(QWidget):
    """Practice mode: score, key and rationale of the questions just submitted."""

    continueRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.title = _label("Feedback", "Subtitle")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setAccessibleName("Feedback")
        self.body.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName("Feedback, scrolls with the arrow keys")
        scroll.setWidget(self.body)
        self.continue_button = _button("&Continue", "Continue", "Go on with the case", "primary")
        self.continue_button.clicked.connect(self.continueRequested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.continue_button)

    def show_outcome(
        self,
        outcome: SubmitOutcome,
        questions: dict[str, Question],
        responses: dict[str, dict[str, Any]],
    ) -> None:
        parts: list[str] = []
        for fb in outcome.feedback:
            q = questions[fb.question_id]
            r = fb.result
            verdict = (
                "Correct"
                if r.points >= r.max_points
                else ("Partly correct" if r.points > 0 else "Not correct")
            )
            key = ", ".join(_option_text(q, k) for k in fb.key) if fb.key else ""
            given = responses.get(fb.question_id, {})
            chosen = (
                given.get("choices")
                or given.get("order")
                or ([given["choice"]] if "choice" in given else [])
            )
            mine = ", ".join(_option_text(q, k) for k in chosen) if chosen else ""
            parts.append(
                f"<p><b>{_esc(q.stem)}</b><br>{verdict}: {r.points:g} of {r.max_points:g} points"
                + (f"<br>Your answer: {_esc(mine)}" if mine else "")
                + (f"<br>Answer: {_esc(key)}" if key else "")
                + f"<br><i>{_esc(fb.rationale)}</i></p>"
            )
        self.body.setText("".join(parts))
        self.body.setAccessibleDescription(plain_text(self.body.text()))
        self.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _option_text(q: Question, option_id: str) -> str:
    for o in q.display_options:
        if o.id == option_id:
            return o.text
    for r in q.regions:
        if r.id == option_id:
            return r.label or r.id
    return option_id


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
        self.setWindowTitle("pocus-player: exam")
        self.setAccessibleName("Exam window")
        header = self._build_header()
        self._build_pages(media_widget, pin_store)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._connect_signals()
        self.set_text_scale(text_scale)
        self._update_header()

    # ------------------------------------------------------------------ building

    def _build_header(self) -> QWidget:
        """The case, the candidate, progress and the time left, in two lines that never wrap:
        the case title and the candidate are cut with "…" (full text in the tooltip and
        the accessible name), so the header stays two lines high at any text size."""
        header = QWidget()
        header.setObjectName("CandidateHeader")
        self.case_label = ElidedLabel("", "Case")
        self.case_label.setObjectName("HeaderTitle")
        self.candidate_label = ElidedLabel("", "Candidate")
        self.candidate_label.setProperty("role", "muted")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress through the case")
        # The words go beside the bar, not on it: text over the filled part would sit
        # on the accent colour (too little contrast for the text colour).
        self.progress.setTextVisible(False)
        self.progress.setMinimumWidth(80)
        self.progress.setMaximumWidth(200)
        self.progress_label = _label("", "", wrap=False)
        self.timer_label = _label("", "Timer", wrap=False)
        self.timer_label.setAccessibleName("Time left")
        self.cp_timer_label = _label("", "", wrap=False)
        self.cp_timer_label.setProperty("role", "muted")
        self.cp_timer_label.setAccessibleName("Time left for these questions")
        top = QHBoxLayout()
        top.addWidget(self.case_label, 1)
        top.addWidget(TimeNotice(self.controller), 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.timer_label, 0, Qt.AlignmentFlag.AlignVCenter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.candidate_label, 1)
        bottom.addWidget(self.cp_timer_label, 0, Qt.AlignmentFlag.AlignVCenter)
        bottom.addWidget(self.progress_label, 0, Qt.AlignmentFlag.AlignVCenter)
        bottom.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignVCenter)
        v = QVBoxLayout(header)
        v.setContentsMargins(10, 6, 10, 6)
        v.setSpacing(4)
        v.addLayout(top)
        v.addLayout(bottom)
        return header

    def _build_pages(self, media_widget: QWidget, pin_store: PinStore | None) -> None:
        self.pages = QStackedWidget()
        self.instructions = self._build_instructions()
        self.encounter = self._build_encounter(media_widget)
        self.cover = self._build_cover()
        self.end_page = self._build_end()
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

    def _connect_signals(self) -> None:
        """The shortcuts, and what the exam controller and the engine report."""
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+P"), self)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(self.proctorRequested)
        shortcut.activated.connect(self.open_proctor)
        self.transcript_shortcut = QShortcut(QKeySequence("Ctrl+T"), self)
        self.transcript_shortcut.activated.connect(self.toggle_transcript)

        c = self.controller
        c.phaseChanged.connect(self._on_phase)
        c.checkpointOpened.connect(self._on_checkpoint)
        c.feedbackReady.connect(self._on_feedback)
        c.timeChanged.connect(self._update_header)
        c.replaysChanged.connect(self._update_clips)
        c.caseFinished.connect(self._on_case_finished)
        engine = c.engine
        engine.position_changed.connect(self.media_area.captions.set_time_ms)
        engine.position_changed.connect(self.transcript.set_time_ms)
        engine.media_loaded.connect(self._on_media_loaded)

    def _build_instructions(self) -> QWidget:
        card = QFrame()
        card.setObjectName("Card")
        card_width = 900
        v = QVBoxLayout(card)
        self.instr_title = _label("", "Title")
        self.instr_summary = _label("")
        self.instr_details = _label("")
        self.instr_help = _label(
            "How this works: the case plays and stops at checkpoints with questions. Answer "
            "each question, then Submit; after submitting you cannot go back. Keyboard: Tab "
            "moves between controls, Space or Enter presses a button, number keys 1-9 or "
            "letters A-E choose an option. Ctrl+T shows the written script. The time left "
            "is shown at the top right."
        )
        self.begin_button = _button(
            "&Begin the case", "Begin the case", "Start the case and its timer", "primary"
        )
        self.begin_button.clicked.connect(self._on_begin)
        for w in (self.instr_title, self.instr_summary, self.instr_details, self.instr_help):
            v.addWidget(w)
        v.addSpacing(12)
        v.addWidget(self.begin_button, 0, Qt.AlignmentFlag.AlignLeft)
        page = theme.card_page(card, card_width)
        return page

    def _build_encounter(self, media_widget: QWidget) -> QWidget:
        page = QWidget()
        self.media_area = MediaArea(media_widget)
        self.transcript = TranscriptDrawer()
        self.transcript.hide()
        self.now_playing = _label("")
        self.now_playing.setProperty("role", "muted")
        self.captions_button = _button(
            "Captions: on", "Captions", "Show or hide the captions over the media"
        )
        self.captions_button.setCheckable(True)
        self.captions_button.setChecked(True)
        self.captions_button.toggled.connect(self._on_captions_toggled)
        self.transcript_button = _button(
            "Show written script (Ctrl+T)",
            "Written script",
            "Show or hide the full written script of the media",
        )
        self.transcript_button.clicked.connect(self.toggle_transcript)
        controls = ReflowRow()
        controls.add_stretch(1)
        controls.add(self.captions_button)
        controls.add(self.transcript_button)
        self.left = left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(8, 8, 8, 8)
        lv.addWidget(self.media_area, 3)
        lv.addWidget(self.now_playing)
        lv.addWidget(controls)
        lv.addWidget(self.transcript, 2)
        self.panel = CheckpointPanel()
        self.panel.answered.connect(self.controller.answer)
        self.panel.submitRequested.connect(self._on_submit)
        self.panel.replayRequested.connect(self._on_replay)
        self.feedback = FeedbackPanel()
        self.feedback.continueRequested.connect(self.controller.continue_after_feedback)
        self.side = QStackedWidget()
        self.side.addWidget(self.panel)
        self.side.addWidget(self.feedback)
        self.side.setMinimumWidth(300)
        self.side.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.splitter)
        return page

    def _build_cover(self) -> QWidget:
        page = QFrame()
        page.setObjectName("Cover")
        v = QVBoxLayout(page)
        self.cover_title = _label("", "Title")
        self.cover_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover_text = _label("")
        self.cover_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addStretch(1)
        v.addWidget(self.cover_title)
        v.addWidget(self.cover_text)
        v.addStretch(1)
        page.setAccessibleName("Exam paused")
        return page

    def _build_end(self) -> QWidget:
        card = QFrame()
        card.setObjectName("Card")
        card_width = 900
        v = QVBoxLayout(card)
        self.end_title = _label("", "Title")
        self.end_text = _label("")
        self.receipt_label = PrefixedLabel("Receipt code")  # heard with the code itself
        self.receipt_label.setObjectName("Receipt")
        self.receipt_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.receipt_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.end_details = QLabel()
        self.end_details.setWordWrap(True)
        self.end_details.setTextFormat(Qt.TextFormat.RichText)
        self.next_case_button = _button(
            "Go on to the &next case",
            "Next case",
            "Start the instructions of the next case",
            "primary",
        )
        self.next_case_button.clicked.connect(self.controller.next_case)
        for w in (self.end_title, self.end_text, self.receipt_label, self.end_details):
            v.addWidget(w)
        v.addWidget(self.next_case_button, 0, Qt.AlignmentFlag.AlignLeft)
        page = theme.card_page(card, card_width)
        return page

    def _build_proctor(self, pin_store: PinStore | None) -> QWidget:
        self.proctor_stack = QStackedWidget()
        self.pin_prompt = (
            PinPrompt(
                pin_store,
                purpose="Enter the proctor PIN to open the proctor controls.",
                cancellable=True,
            )
            if pin_store is not None
            else None
        )
        self.proctor_panel = ProctorPanel(self.controller)
        if self.pin_prompt is not None:
            self.proctor_stack.addWidget(self.pin_prompt)
            self.pin_prompt.unlocked.connect(self._proctor_unlocked)
            self.pin_prompt.cancelled.connect(self.close_proctor)
        self.proctor_stack.addWidget(self.proctor_panel)
        self.proctor_panel.closeRequested.connect(self.close_proctor)
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
        self.media_area.captions.set_text_scale(self.text_scale)
        self.transcript.set_text_scale(self.text_scale)
        self.panel.set_text_scale(self.text_scale)

    def toggle_transcript(self) -> None:
        show = not self.transcript.isVisible()
        self.transcript.setVisible(show)
        self.transcript_button.setText(
            "Hide written script (Ctrl+T)" if show else "Show written script (Ctrl+T)"
        )
        if show:
            self.transcript.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_captions_toggled(self, on: bool) -> None:
        if self.captions_always and not on:
            self.captions_button.setChecked(True)
            return
        self.media_area.captions.setVisible(on)
        self.captions_button.setText("Captions: on" if on else "Captions: off")

    def _on_begin(self) -> None:
        self.controller.begin_case()

    def _on_submit(self) -> None:
        self.controller.submit()

    def _on_replay(self, media_id: str) -> None:
        self.controller.replay(media_id)

    def _on_media_loaded(self, loaded: Any) -> None:
        self.controller.media_loaded()
        media_id = getattr(loaded, "media_id", None)
        if not isinstance(media_id, str):
            return
        try:
            item = self.controller.media_item(media_id)
        except KeyError:
            return
        self.now_playing.setText(item.title)
        track = None
        if item.captions is not None:
            try:
                track = read_captions(item.captions)  # a sealed package's from memory
            except CaptionError as exc:
                log.warning("captions of %s not shown: %s", item.id, exc)
        self.media_area.captions.set_track(track)
        self.transcript.set_content(item.transcript, track)

    def _update_header(self) -> None:
        c = self.controller
        case = c.session.case if c.session is not None else c.case
        prefix = f"Case {c.case_index + 1} of {c.case_count}: " if c.case_count > 1 else ""
        self.case_label.set_full_text(prefix + case.meta.title)
        p = c.progress
        who = p.candidate_name or p.candidate_id
        mode = "Practice" if c.practice else "Exam"
        self.candidate_label.set_full_text(f"{mode} · {who} ({p.candidate_id})")
        part, total = c.step_position()
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(part)
        words = f"Part {part} of {total}" if part else f"{total} parts"
        self.progress.setFormat(words)
        self.progress.setAccessibleDescription(words)
        self.progress_label.setText(words)
        self.progress_label.setAccessibleName(words)
        remaining = c.time_remaining()
        text = f"Time left {format_countdown(remaining)}"
        if c.session is not None and c.session.state is SessionState.PAUSED_BY_PROCTOR:
            text += " (paused)"
        elif c.session is not None and c.session.is_over:
            # A clock still showing time left on the end screen reads as "not finished".
            text, remaining = "Finished", None
        self.timer_label.setText(text)
        self.timer_label.setAccessibleName(text)
        self.timer_label.setAccessibleDescription("The time left for this case")
        low = remaining is not None and remaining < 60
        if self.timer_label.property("low") != low:
            self.timer_label.setProperty("low", low)
            theme.set_role(self.timer_label, None)
        cp_left = c.checkpoint_time_remaining()
        self.cp_timer_label.setVisible(cp_left is not None)
        if cp_left is not None:
            self.cp_timer_label.setText(f"These questions: {format_countdown(cp_left)}")
            self.cp_timer_label.setAccessibleName(self.cp_timer_label.text())

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
            m, sec = divmod(seconds, 60)
            allowed = f"{m} minutes" + (f" {sec} seconds" if sec else "")
            mode = (
                "Practice: after each submission you see your score, the answer and why."
                if c.practice
                else "Exam: your answers are recorded; no score is shown."
            )
            self.instr_details.setText(f"Time allowed: {allowed}. {mode}")
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
            self._show_media_side(self.left.isVisibleTo(self))
            if self._last_phase is Phase.REVIEWING and c.session is not None:
                cp = c.session.open_checkpoint
                if cp is not None:
                    self._show_checkpoint_media(cp)
            self._update_clips()
        elif phase is Phase.FEEDBACK:
            self.pages.setCurrentWidget(self.encounter)
            self.side.setCurrentWidget(self.feedback)
            self.side.show()
        elif phase is Phase.PAUSED:
            self.cover_title.setText("Paused by your proctor")
            self.cover_text.setText("The timer is stopped. Please wait.")
            self.pages.setCurrentWidget(self.cover)
        elif phase is Phase.FAULT:
            self.cover_title.setText(CALL_PROCTOR)
            self.cover_text.setText("The exam is stopped. Your answers so far are saved.")
            self.pages.setCurrentWidget(self.cover)
        elif phase in (Phase.CASE_DONE, Phase.EXAM_DONE):
            self.pages.setCurrentWidget(self.end_page)
            self.side.hide()
        self._update_header()

    def _on_checkpoint(self, cp: OpenCheckpoint) -> None:
        from pocus_player.ui.questions import create_question_widget, load_question_image

        c = self.controller
        case = c.session.case if c.session else c.case
        widgets = []
        for q in cp.questions:
            image = None
            if q.image is not None:
                try:
                    image = load_question_image(q, case)
                except Exception as exc:  # a picture that cannot be shown: the proctor is told
                    log.warning("image of %s not loaded: %s", q.id, type(exc).__name__)
            w = create_question_widget(q, case, image)
            drafts = c.session.drafts if c.session else {}
            if q.id in drafts:
                w.set_response(drafts[q.id])
            widgets.append(w)
        self._show_checkpoint_media(cp)
        clips = [(m, case.media_by_id(m).title or m) for m in cp.clips]
        step = c.session.current_step if c.session else None
        if step is not None and step.type.value == "segment":
            clips = []  # the segment itself goes on after submit; no replays mid-narrative
        self.panel.show_checkpoint(
            cp,
            widgets,
            free_navigation=case.settings.navigation is Navigation.FREE,
            clips=clips,
        )
        self._update_clips()

    def _show_checkpoint_media(self, cp: OpenCheckpoint) -> None:
        """The media area beside open questions: the held frame, a still, or a poster."""
        c = self.controller
        if c.session is None:
            return
        case = c.session.case
        answered_on_image = any(
            q.image is not None and q.image.media == cp.image for q in cp.questions
        )
        step = c.session.current_step
        segment = step is not None and step.type.value == "segment"
        if cp.image is not None and not answered_on_image:
            item = case.media_by_id(cp.image)
            self.media_area.show_still(item)
            self.now_playing.setText(item.title)
            self._show_media_side(True)
        elif step is not None and not segment and cp.clips:
            self.media_area.show_nothing(
                "The clips play here. Choose “Play clip” beside the questions."
            )
            self.now_playing.setText(
                (step.instructions + " " if step.instructions else "")
                + "Play the clips with the buttons beside the questions."
            )
            self._show_media_side(True)
        elif not segment:
            # Questions only, or the question shows its image itself: the panel takes the room.
            self._show_media_side(False)
        else:
            self._show_media_side(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.left.isVisibleTo(self) and self.side.isVisibleTo(self):
            self._show_media_side(True)

    def _show_media_side(self, on: bool) -> None:
        self.left.setVisible(on)
        if on and self.side.isVisibleTo(self):
            width = max(1, self.width())
            share = min(0.62, 0.40 + 0.22 * (self.text_scale - 1.0))
            self.splitter.setSizes([int(width * (1 - share)), int(width * share)])

    def _update_clips(self) -> None:
        c = self.controller
        if c.session is None:
            return
        cp = c.session.open_checkpoint
        if cp is None:
            return
        for m in cp.clips:
            title = c.media_item(m).title or m
            self.panel.set_clip_state(m, title, c.first_play_pending(m), c.replays_left(m))

    def _on_feedback(self, outcome: SubmitOutcome) -> None:
        case = self.controller.session.case if self.controller.session else self.controller.case
        responses = self.controller.session.responses if self.controller.session else {}
        self.feedback.show_outcome(outcome, {q.id: q for q in case.questions}, responses)
        for w in self.panel.widgets():
            w.set_read_only(True)

    def _on_case_finished(self, receipt: str) -> None:
        c = self.controller
        more = c.phase is not Phase.EXAM_DONE and c.progress.next_index < c.case_count
        more = c.progress.next_index < c.case_count
        totals = c.totals
        ended_early = totals is not None and totals.outcome not in ("completed",)
        title = (
            "Case complete"
            if more
            else ("Exam complete" if not c.practice else "Practice complete")
        )
        self.end_title.setText(title)
        lines = [
            "Your answers are saved and encrypted. Please note your receipt code and give it to "
            "your proctor."
        ]
        if ended_early and totals is not None:
            lines.append(_OUTCOME_TEXT.get(totals.outcome, "The case has ended."))
        if more:
            lines.append(f"{c.case_count - c.progress.next_index} case(s) remain in this exam.")
        self.end_text.setText(" ".join(lines))
        self.receipt_label.setText(receipt)
        details = ""
        if len(c.progress.receipts) > 1:
            details += (
                "<p>Receipt codes of this exam:<br>"
                + "<br>".join(f"{_esc(cid)}: <b>{_esc(r)}</b>" for cid, r in c.progress.receipts)
                + "</p>"
            )
        if c.practice and totals is not None:
            details += (
                f"<p>Score: <b>{totals.points:g} of {totals.max_points:g}</b> points "
                f"({totals.fraction:.0%}); pass mark {totals.pass_mark:.0%}: "
                f"{'passed' if totals.passed else 'not passed'}.</p>"
            )
        self.end_details.setText(details)
        self.end_details.setVisible(bool(details))
        self.next_case_button.setVisible(more)
        QTimer.singleShot(
            0,
            lambda: (self.next_case_button if more else self.receipt_label).setFocus(
                Qt.FocusReason.OtherFocusReason
            ),
        )

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


_OUTCOME_TEXT = {
    "time_expired": "The time ran out; the answers given were recorded.",
    "ended_by_proctor": "The proctor ended the case; the answers given were recorded.",
    "aborted": "The case was stopped because of a technical problem; the answers given were "
    "recorded.",
}
