"""The proctor's PIN prompt and the proctor panel shown over a running exam (Ctrl+Shift+P).

`PinPrompt` asks for the PIN (or, on first run, sets it) through `PinStore`,
which limits wrong entries. `ProctorPanel` offers pause/resume, add time, an
incident with category and note, retry media after a fault, and ending the
case; each action goes to `ExamController`, which records it in the result
journal through the exam engine.

Signals:
    PinPrompt.unlocked()           the right PIN was entered (or a new one set)
    PinPrompt.cancelled()
    ProctorPanel.closeRequested()  back to the candidate's screen
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator

# Widgets only later screens use are imported where those are built: PySide6 builds a
# class and its enums on first import, and the PIN screen should not wait for that.
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pocus_player.core.pin import MAX_LENGTH, MIN_LENGTH, PinError, PinLockedOut, PinStore
from pocus_player.ui import theme

if TYPE_CHECKING:  # the start screen uses the PIN prompt; the exam engine loads later
    from pocus_player.ui.exam_controller import ExamController

log = logging.getLogger(__name__)

INCIDENT_CATEGORIES = (
    "Technical problem",
    "Candidate unwell",
    "Disruption in the room",
    "Suspected misconduct",
    "Other",
)


def button(text: str, name: str, description: str, role: str | None = None) -> QPushButton:
    b = QPushButton(text)
    b.setAccessibleName(name)
    b.setAccessibleDescription(description)
    b.setToolTip(description)
    b.setAutoDefault(True)
    if role:
        b.setProperty("role", role)
    return b


def message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.hide()
    return label


def show_message(label: QLabel, text: str, role: str = "error") -> None:
    label.setText(text)
    label.setAccessibleDescription(text)
    theme.set_role(label, role)
    label.setVisible(bool(text))


class PinPrompt(QFrame):
    """Enter the proctor PIN, or set it when none exists yet."""

    unlocked = Signal()
    cancelled = Signal()

    def __init__(
        self, store: PinStore, *, purpose: str, cancellable: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("Card")
        self.title = QLabel()
        self.title.setObjectName("Title")
        self.title.setWordWrap(True)
        self.purpose = QLabel(purpose)
        self.purpose.setWordWrap(True)
        digits = QRegularExpressionValidator(rf"\d{{0,{MAX_LENGTH}}}")
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(digits)
        self.pin.setAccessibleName("Proctor PIN")
        self.pin.setAccessibleDescription(f"The proctor PIN, {MIN_LENGTH} to {MAX_LENGTH} digits")
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setValidator(QRegularExpressionValidator(rf"\d{{0,{MAX_LENGTH}}}"))
        self.confirm.setAccessibleName("Repeat the new PIN")
        self.confirm.setAccessibleDescription("Type the new PIN again to confirm it")
        self.form = QFormLayout()
        self.pin_label = QLabel("&PIN:")
        self.pin_label.setBuddy(self.pin)
        self.confirm_label = QLabel("&Repeat PIN:")
        self.confirm_label.setBuddy(self.confirm)
        self.form.addRow(self.pin_label, self.pin)
        self.form.addRow(self.confirm_label, self.confirm)
        self.message = message_label()
        self.ok = button("&Unlock", "Unlock", "Check the PIN", "primary")
        self.cancel = button("&Cancel", "Cancel", "Close without unlocking")
        self.cancel.setVisible(cancellable)
        row = QHBoxLayout()
        row.addWidget(self.ok)
        row.addWidget(self.cancel)
        row.addStretch(1)
        v = QVBoxLayout(self)
        v.addWidget(self.title)
        v.addWidget(self.purpose)
        v.addLayout(self.form)
        v.addWidget(self.message)
        v.addLayout(row)
        self.ok.clicked.connect(self._submit)
        self.pin.returnPressed.connect(self._submit)
        self.confirm.returnPressed.connect(self._submit)
        self.cancel.clicked.connect(self._cancel)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._refresh_lock)
        self.reset()

    @property
    def setting_new(self) -> bool:
        try:
            return not self.store.is_set()
        except PinError:
            return False

    def reset(self) -> None:
        new = self.setting_new
        self.title.setText("Set the proctor PIN" if new else "Proctor PIN")
        self.ok.setText("&Set PIN" if new else "&Unlock")
        self.ok.setAccessibleName("Set PIN" if new else "Unlock")
        self.confirm.setVisible(new)
        self.confirm_label.setVisible(new)
        self.pin.clear()
        self.confirm.clear()
        show_message(self.message, "")
        if new:
            show_message(
                self.message,
                f"No PIN is set on this computer yet. Choose one of {MIN_LENGTH} to "
                f"{MAX_LENGTH} digits; it is needed to start, pause and end exams.",
                "warning",
            )
        try:
            self.store.is_set()
        except PinError as exc:
            show_message(self.message, str(exc))
        self._refresh_lock()

    def focus(self) -> None:
        self.pin.setFocus()

    def _refresh_lock(self) -> None:
        try:
            remaining = self.store.lockout_remaining()
        except PinError:
            remaining = 0.0
        locked = remaining > 0
        self.ok.setEnabled(not locked)
        self.pin.setEnabled(not locked)
        if locked:
            show_message(self.message, str(PinLockedOut(remaining)))
            self._lock_timer.start()
        elif self._lock_timer.isActive():
            self._lock_timer.stop()
            show_message(self.message, "You can try the PIN again.", "warning")
            self.pin.setFocus()

    def _submit(self) -> None:
        pin = self.pin.text()
        try:
            if self.setting_new:
                if pin != self.confirm.text():
                    show_message(self.message, "The two PINs differ. Type the same PIN twice.")
                    self.confirm.clear()
                    self.confirm.setFocus()
                    return
                self.store.set_pin(pin)
                self.pin.clear()
                self.confirm.clear()
                self.unlocked.emit()
                return
            if self.store.verify(pin):
                self.pin.clear()
                show_message(self.message, "")
                self.unlocked.emit()
                return
            left = self.store.attempts_left()
            show_message(
                self.message,
                f"Wrong PIN. {left} {'try' if left == 1 else 'tries'} left before a "
                f"{self.store.lockout_s:.0f}-second lockout.",
            )
        except PinLockedOut:
            self._refresh_lock()
        except PinError as exc:
            show_message(self.message, str(exc))
        self.pin.clear()
        self.pin.setFocus()

    def _cancel(self) -> None:
        self.pin.clear()
        self.cancelled.emit()


class ProctorPanel(QFrame):
    """Proctor controls over a running exam (see the module docstring)."""

    closeRequested = Signal()
    finishRequested = Signal()

    def __init__(self, controller: ExamController, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QComboBox, QListWidget, QSpinBox

        super().__init__(parent)
        self.controller = controller
        self.setObjectName("Card")
        self.title = QLabel("Proctor panel")
        self.title.setObjectName("Title")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Exam status")
        self.message = message_label()

        self.pause_button = button(
            "&Pause exam", "Pause exam", "Stop the media and the timer; hide the questions"
        )
        self.resume_button = button(
            "&Resume exam", "Resume exam", "Continue the exam where it stopped", "primary"
        )
        self.retry_button = button(
            "Retry &media", "Retry media", "Load the failed media again and continue"
        )

        self.minutes = QSpinBox()
        self.minutes.setRange(1, 120)
        self.minutes.setValue(5)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Minutes to add")
        self.minutes.setAccessibleDescription("Extra time to grant, in minutes")
        self.add_time_button = button(
            "&Add time", "Add time", "Grant the extra minutes to this case"
        )

        self.category = QComboBox()
        self.category.addItems(INCIDENT_CATEGORIES)
        self.category.setAccessibleName("Incident category")
        self.category.setAccessibleDescription("What kind of incident to record")
        self.note = QLineEdit()
        self.note.setPlaceholderText("What happened (no candidate answers)")
        self.note.setAccessibleName("Incident note")
        self.note.setAccessibleDescription("A short note describing the incident")
        self.incident_button = button(
            "Record &incident", "Record incident", "Write the incident into the result file"
        )

        self.end_reason = QLineEdit()
        self.end_reason.setPlaceholderText("Reason for ending the case")
        self.end_reason.setAccessibleName("Reason for ending")
        self.end_reason.setAccessibleDescription("Why the case is ended early")
        self.end_button = button(
            "&End case now…", "End case", "End this case now; answers given are kept", "danger"
        )
        self.end_confirm = button(
            "Yes, end the &case",
            "Confirm end case",
            "End the case now; this cannot be undone",
            "danger",
        )
        self.end_confirm.hide()

        self.log_list = QListWidget()
        self.log_list.setAccessibleName("Actions taken")
        self.log_list.setAccessibleDescription("Proctor actions recorded during this exam")
        self.log_list.setMaximumHeight(140)
        self.close_button = button(
            "Back to the &candidate screen",
            "Close proctor panel",
            "Return to the candidate's screen",
        )
        self.finish_button = button(
            "&Close the exam and lock",
            "Close the exam",
            "Leave this exam (it has ended) and return to the locked start screen",
            "primary",
        )
        self.finish_button.clicked.connect(self.finishRequested)

        grid = QFormLayout()
        pr = QHBoxLayout()
        pr.addWidget(self.pause_button)
        pr.addWidget(self.resume_button)
        pr.addWidget(self.retry_button)
        pr.addStretch(1)
        grid.addRow("Exam:", pr)
        tr = QHBoxLayout()
        tr.addWidget(self.minutes)
        tr.addWidget(self.add_time_button)
        tr.addStretch(1)
        time_label = QLabel("Extra &time:")
        time_label.setBuddy(self.minutes)
        grid.addRow(time_label, tr)
        ir = QHBoxLayout()
        ir.addWidget(self.category)
        ir.addWidget(self.note, 1)
        ir.addWidget(self.incident_button)
        inc_label = QLabel("I&ncident:")
        inc_label.setBuddy(self.category)
        grid.addRow(inc_label, ir)
        er = QHBoxLayout()
        er.addWidget(self.end_reason, 1)
        er.addWidget(self.end_button)
        er.addWidget(self.end_confirm)
        end_label = QLabel("En&d:")
        end_label.setBuddy(self.end_reason)
        grid.addRow(end_label, er)

        v = QVBoxLayout(self)
        v.addWidget(self.title)
        v.addWidget(self.status)
        v.addWidget(self.message)
        v.addLayout(grid)
        v.addWidget(QLabel("Recorded in this sitting:"))
        v.addWidget(self.log_list)
        bottom = QHBoxLayout()
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.finish_button)
        bottom.addStretch(1)
        v.addLayout(bottom)

        self.pause_button.clicked.connect(self._pause)
        self.resume_button.clicked.connect(self._resume)
        self.retry_button.clicked.connect(self._retry)
        self.add_time_button.clicked.connect(self._add_time)
        self.incident_button.clicked.connect(self._incident)
        self.end_button.clicked.connect(self._ask_end)
        self.end_confirm.clicked.connect(self._end)
        self.close_button.clicked.connect(self.closeRequested)
        controller.problem.connect(lambda m: show_message(self.message, m))
        controller.notice.connect(lambda m: show_message(self.message, m, "warning"))
        controller.phaseChanged.connect(lambda _p: self.refresh())
        controller.timeChanged.connect(self._refresh_status)

    def refresh(self) -> None:
        from pocus_player.core.session import SessionState
        from pocus_player.ui.exam_controller import Phase

        c = self.controller
        s = c.session
        running = s is not None and not s.is_over
        paused = s is not None and s.state is SessionState.PAUSED_BY_PROCTOR
        stalled = s is not None and s.media_is_stalled
        self.pause_button.setEnabled(running and not paused and not stalled)
        self.resume_button.setEnabled(paused)
        self.retry_button.setVisible(stalled)
        for w in (
            self.add_time_button,
            self.incident_button,
            self.end_button,
            self.minutes,
            self.note,
            self.category,
            self.end_reason,
        ):
            w.setEnabled(running)
        self.end_confirm.hide()
        self.finish_button.setVisible(c.phase is Phase.EXAM_DONE)
        if c.phase is Phase.FAULT and c.fault_message:
            show_message(self.message, c.fault_message)
        self._refresh_status()

    def _refresh_status(self) -> None:
        from pocus_player.ui.candidate_window import fmt_time

        c = self.controller
        s = c.session
        p = c.progress
        case = s.case if s is not None else c.case
        state = s.state.value.replace("_", " ") if s is not None else "not started"
        self.status.setText(
            f"Candidate {p.candidate_name} ({p.candidate_id}) · case {c.case_index + 1} of "
            f"{c.case_count}: {case.meta.title} · {state} · time left "
            f"{fmt_time(c.time_remaining())} · time multiplier {p.time_multiplier:g}"
        )

    def focus_first(self) -> None:
        for w in (
            self.resume_button,
            self.retry_button,
            self.pause_button,
            self.finish_button,
            self.close_button,
        ):
            if w.isVisible() and w.isEnabled():
                w.setFocus()
                return

    def _done(self, ok: bool, text: str) -> None:
        if ok:
            self.log_list.addItem(text)
            show_message(self.message, text, "ok")
        self.refresh()

    def _pause(self) -> None:
        self._done(self.controller.proctor_pause(), "Exam paused.")
        self.resume_button.setFocus()

    def _resume(self) -> None:
        self._done(self.controller.proctor_resume(), "Exam resumed.")

    def _retry(self) -> None:
        self._done(self.controller.retry_media(), "Media restarted.")

    def _add_time(self) -> None:
        m = self.minutes.value()
        self._done(self.controller.proctor_add_time(m), f"{m} minute(s) added.")

    def _incident(self) -> None:
        cat, note = self.category.currentText(), self.note.text().strip()
        ok = self.controller.proctor_incident(cat, note)
        if ok:
            self.note.clear()
        self._done(ok, f"Incident recorded: {cat}.")

    def _ask_end(self) -> None:
        self.end_confirm.show()
        self.end_confirm.setFocus()

    def _end(self) -> None:
        reason = self.end_reason.text().strip() or "ended by the proctor"
        self._done(self.controller.proctor_end(reason), "Case ended.")
