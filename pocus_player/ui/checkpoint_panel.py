"""The question panel beside the media: the open checkpoint's questions, and practice feedback.

`CheckpointPanel` shows one question at a time with clip replays and Submit
(which asks to confirm); `FeedbackPanel` shows, in practice mode, the score, key
and rationale of the questions just submitted. Both only show and forward: the
candidate window connects them to the exam controller.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pocus_player.core.model import Question
from pocus_player.core.session import OpenCheckpoint, SubmitOutcome
from pocus_player.ui.accessibility import plain_text
from pocus_player.ui.candidate_widgets import escape_html, focus_button, plain_label
from pocus_player.ui.reflow import ElidedLabel, ReflowRow, WrapButton


class CheckpointPanel(QWidget):
    """The questions of the open checkpoint, one at a time, with clip replays and Submit.

    Signals:
        answered(str, object)   a question's draft changed: (question id, response)
        submitRequested()       the candidate confirmed the submission
        replayRequested(str)    play a clip again (media id)
        confirming(bool)        the submit confirmation is shown (True) or gone (False)
    """

    answered = Signal(str, object)
    submitRequested = Signal()
    replayRequested = Signal(str)
    confirming = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        # One line, cut with "…" when the panel is narrow (the whole title is its tooltip
        # and accessible name), so the question's stem and image keep the height.
        self.title = ElidedLabel("", self.tr("Checkpoint title"))
        self.title.setObjectName("Subtitle")
        self.counter = plain_label("", "", wrap=False)
        self.counter.setProperty("role", "muted")
        self.questions = QStackedWidget()
        self.questions.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.clips_box = QWidget()
        self.clips_layout = QVBoxLayout(self.clips_box)
        self.clips_layout.setContentsMargins(0, 0, 0, 0)
        self.prev_button = focus_button(
            self.tr("&Previous question"),
            self.tr("Previous question"),
            self.tr("Go back to the previous question"),
        )
        self.next_button = focus_button(
            self.tr("&Next question"),
            self.tr("Next question"),
            self.tr("Go on to the next question of this checkpoint"),
        )
        self.submit_button = focus_button(
            self.tr("&Submit answers"),
            self.tr("Submit answers"),
            self.tr("Submit the answers of this checkpoint; you will be asked to confirm"),
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
        self.confirm_text = plain_label("")
        self.confirm_text.setProperty("role", "warning")
        self.confirm_yes = focus_button(
            self.tr("&Yes, submit"),
            self.tr("Yes, submit"),
            self.tr("Submit now; you cannot change these answers later"),
            "primary",
        )
        self.confirm_no = focus_button(
            self.tr("No, keep &working"),
            self.tr("No, keep working"),
            self.tr("Go back to the questions without submitting"),
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
        self._nav = nav = ReflowRow()
        nav.add(self.prev_button)
        nav.add_stretch(1)
        nav.add(self.next_button)
        nav.add(self.submit_button)
        layout = QVBoxLayout(self)
        # The title and "Question 1 of 2" side by side, or the counter under a title that
        # has the whole width (a narrow panel beside the media at large text).
        header = ReflowRow()
        header.add(self.title, 1)
        header.add(self.counter)
        layout.addWidget(header)
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
        self.title.set_full_text(cp.title or self.tr("Questions"))
        for w in widgets:
            self.questions.addWidget(w)
            w.set_text_scale(self._text_scale)
            qid = w.question.id
            w.changed.connect(lambda w=w, qid=qid: self.answered.emit(qid, w.response()))
        for media_id, title in clips:
            b = WrapButton()  # a long clip title wraps: the button grows taller, not wider
            b.setAccessibleName(self.tr("Play clip {title}").format(title=title))
            description = self.tr("Play the clip '{title}' again").format(title=title)
            b.setAccessibleDescription(description)
            b.setToolTip(description)
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            b.setAutoDefault(True)
            b.clicked.connect(lambda _c=False, m=media_id: self.replayRequested.emit(m))
            self.clips_layout.addWidget(b)
            self._replay_buttons[media_id] = b
        self._show_confirm(False)
        self._set_enabled(True)
        self._show(0)

    def set_clip_state(self, media_id: str, title: str, first: bool, left: int | None) -> None:
        b = self._replay_buttons.get(media_id)
        if b is None:
            return
        # Two short lines (what, then which clip), so long titles never widen the panel.
        if first:
            what, desc = self.tr("Play clip"), self.tr("Play the clip '{title}'")
        elif left is None:
            what, desc = self.tr("Replay clip"), self.tr("Replay the clip '{title}'")
        elif left == 0:
            what, desc = self.tr("No replays left"), self.tr("This clip cannot be replayed again")
        else:
            what = self.tr("Replay clip (%n replay(s) left)", "", left)
            desc = self.tr("Replay the clip '{title}'; %n replay(s) left", "", left)
        text = f"{what}\n{title}"
        desc = desc.format(title=title)
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
        self.counter.setText(
            self.tr("Question {number} of {count}").format(number=index + 1, count=n)
        )
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
            text = self.tr("%n question(s) not answered. Submit anyway?", "", unanswered)
        else:
            text = self.tr("Submit your answers?")
        self.confirm_text.setText(
            text + " " + self.tr("You cannot go back to them after submitting.")
        )
        self._show_confirm(True)
        self._set_enabled(False)
        self.confirm_no.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_confirm(self, on: bool) -> None:
        """The confirmation in place of the navigation and the clips (in view at 200 % text)."""
        self.confirm.setVisible(on)
        self._nav.setVisible(not on)
        self.clips_box.setVisible(not on and bool(self._replay_buttons))
        self.confirming.emit(on)

    def _cancel_confirm(self) -> None:
        self._show_confirm(False)
        self._set_enabled(True)
        self.submit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _confirmed(self) -> None:
        self._show_confirm(False)
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
        self.title = plain_label(self.tr("Feedback"), "Subtitle")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setAccessibleName(self.tr("Feedback"))
        self.body.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Feedback, scrolls with the arrow keys"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.continue_button = focus_button(
            self.tr("&Continue"), self.tr("Continue"), self.tr("Go on with the case"), "primary"
        )
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
                self.tr("Correct")
                if r.points >= r.max_points
                else (self.tr("Partly correct") if r.points > 0 else self.tr("Not correct"))
            )
            key = ", ".join(_option_text(q, k) for k in fb.key) if fb.key else ""
            given = responses.get(fb.question_id, {})
            chosen = (
                given.get("choices")
                or given.get("order")
                or ([given["choice"]] if "choice" in given else [])
            )
            mine = ", ".join(_option_text(q, k) for k in chosen) if chosen else ""
            points = self.tr("{verdict}: {points} of {max_points} points").format(
                verdict=verdict, points=_number(r.points), max_points=_number(r.max_points)
            )
            mine_line = self.tr("Your answer: {answer}").format(answer=escape_html(mine))
            key_line = self.tr("Answer: {answer}").format(answer=escape_html(key))
            parts.append(
                f"<p><b>{escape_html(q.stem)}</b><br>{points}"
                + (f"<br>{mine_line}" if mine else "")
                + (f"<br>{key_line}" if key else "")
                + f"<br><i>{escape_html(fb.rationale)}</i></p>"
            )
        self.body.setText("".join(parts))
        self.body.setAccessibleDescription(plain_text(self.body.text()))
        self.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)


def _number(value: float) -> str:
    """Points as the locale writes them: 2, 1.5 (1,5 in Spanish)."""
    return QLocale().toString(float(value), "g", 6)


def _option_text(q: Question, option_id: str) -> str:

    for o in q.display_options:
        if o.id == option_id:
            return o.text
    for r in q.regions:
        if r.id == option_id:
            return r.label or r.id
    return option_id
