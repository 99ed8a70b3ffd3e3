"""The proctor panel shown over a running exam (Ctrl+Shift+P), behind the PIN prompt.

`ProctorPanel` offers pause/resume, add time, an
incident with category and note, retry media after a fault, and ending the
case; each action goes to `ExamController`, which records it in the result
journal through the exam engine.

Signals:
    ProctorPanel.closeRequested()  back to the candidate's screen
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

# Widgets only later screens use are imported where those are built: PySide6 builds a
# class and its enums on first import, and the PIN screen should not wait for that.
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pocus_player.core.timecode import format_countdown
from pocus_player.ui.forms import button, message_label, show_message
from pocus_player.ui.reflow import ReflowRow

if TYPE_CHECKING:  # the exam engine loads after the PIN screen
    from pocus_player.ui.exam_controller import ExamController

log = logging.getLogger(__name__)

INCIDENT_CATEGORIES = (
    "Technical problem",
    "Candidate unwell",
    "Disruption in the room",
    "Suspected misconduct",
    "Other",
)


class ProctorPanel(QFrame):
    """Proctor controls over a running exam (see the module docstring)."""

    closeRequested = Signal()
    finishRequested = Signal()

    def __init__(self, controller: ExamController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("Card")
        self.title = QLabel("Proctor panel")
        self.title.setObjectName("Title")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Exam status")
        self.message = message_label()
        self._init_exam_controls()
        self._init_incident_controls()
        self._init_end_controls()
        self._layout()
        self._connect_signals()

    def _init_exam_controls(self) -> None:
        """Pause, resume, retry the media, and extra time."""
        from PySide6.QtWidgets import QSpinBox

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

    def _init_incident_controls(self) -> None:
        from PySide6.QtWidgets import QComboBox

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

    def _init_end_controls(self) -> None:
        """Ending the case (asked twice), the actions taken, and leaving the panel."""
        from PySide6.QtWidgets import QListWidget

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

    def _layout(self) -> None:
        # Each row of controls becomes a column when it does not fit (200 % text at
        # 1024x768), and the form puts a label above its row then: no horizontal scrolling.
        grid = QFormLayout()
        grid.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        pr = ReflowRow()
        pr.add(self.pause_button)
        pr.add(self.resume_button)
        pr.add(self.retry_button)
        pr.add_stretch(1)
        grid.addRow("Exam:", pr)
        tr = ReflowRow()
        tr.add(self.minutes)
        tr.add(self.add_time_button)
        tr.add_stretch(1)
        time_label = QLabel("Extra &time:")
        time_label.setBuddy(self.minutes)
        grid.addRow(time_label, tr)
        ir = ReflowRow()
        ir.add(self.category)
        ir.add(self.note, 1)
        ir.add(self.incident_button)
        inc_label = QLabel("I&ncident:")
        inc_label.setBuddy(self.category)
        grid.addRow(inc_label, ir)
        er = ReflowRow()
        er.add(self.end_reason, 1)
        er.add(self.end_button)
        er.add(self.end_confirm)
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
        bottom = ReflowRow()
        bottom.add(self.close_button)
        bottom.add(self.finish_button)
        bottom.add_stretch(1)
        v.addWidget(bottom)

    def _connect_signals(self) -> None:
        controller = self.controller
        self.finish_button.clicked.connect(self.finishRequested)
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
        c = self.controller
        s = c.session
        p = c.progress
        case = s.case if s is not None else c.case
        state = s.state.value.replace("_", " ") if s is not None else "not started"
        self.status.setText(
            f"Candidate {p.candidate_name} ({p.candidate_id}) · case {c.case_index + 1} of "
            f"{c.case_count}: {case.meta.title} · {state} · time left "
            f"{format_countdown(c.time_remaining())} · time multiplier {p.time_multiplier:g}"
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
