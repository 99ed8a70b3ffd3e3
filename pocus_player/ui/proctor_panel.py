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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Signal

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

# Recorded in the result file in English (the board's analysis groups by them); shown
# to the proctor in the interface's language.
INCIDENT_CATEGORIES: tuple[str, ...] = tuple(
    str(category)
    for category in (
        QT_TRANSLATE_NOOP("ProctorPanel", "Technical problem"),
        QT_TRANSLATE_NOOP("ProctorPanel", "Candidate unwell"),
        QT_TRANSLATE_NOOP("ProctorPanel", "Disruption in the room"),
        QT_TRANSLATE_NOOP("ProctorPanel", "Suspected misconduct"),
        QT_TRANSLATE_NOOP("ProctorPanel", "Other"),
    )
)


class ProctorPanel(QFrame):
    """Proctor controls over a running exam (see the module docstring)."""

    closeRequested = Signal()
    finishRequested = Signal()

    def __init__(self, controller: ExamController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("Card")
        self.title = QLabel(self.tr("Proctor panel"))
        self.title.setObjectName("Title")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Exam status"))
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
            self.tr("&Pause exam"),
            self.tr("Pause exam"),
            self.tr("Stop the media and the timer; hide the questions"),
        )
        self.resume_button = button(
            self.tr("&Resume exam"),
            self.tr("Resume exam"),
            self.tr("Continue the exam where it stopped"),
            "primary",
        )
        self.retry_button = button(
            self.tr("Retry &media"),
            self.tr("Retry media"),
            self.tr("Load the failed media again and continue"),
        )

        self.minutes = QSpinBox()
        self.minutes.setRange(1, 120)
        self.minutes.setValue(5)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Minutes to add"))
        self.minutes.setAccessibleDescription(self.tr("Extra time to grant, in minutes"))
        self.add_time_button = button(
            self.tr("&Add time"),
            self.tr("Add time"),
            self.tr("Grant the extra minutes to this case"),
        )

    def _init_incident_controls(self) -> None:
        from PySide6.QtWidgets import QComboBox

        self.category = QComboBox()
        for category in INCIDENT_CATEGORIES:
            self.category.addItem(QCoreApplication.translate("ProctorPanel", category), category)
        self.category.setAccessibleName(self.tr("Incident category"))
        self.category.setAccessibleDescription(self.tr("What kind of incident to record"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What happened (no candidate answers)"))
        self.note.setAccessibleName(self.tr("Incident note"))
        self.note.setAccessibleDescription(self.tr("A short note describing the incident"))
        self.incident_button = button(
            self.tr("Record &incident"),
            self.tr("Record incident"),
            self.tr("Write the incident into the result file"),
        )

    def _init_end_controls(self) -> None:
        """Ending the case (asked twice), the actions taken, and leaving the panel."""
        from PySide6.QtWidgets import QListWidget

        self.end_reason = QLineEdit()
        self.end_reason.setPlaceholderText(self.tr("Reason for ending the case"))
        self.end_reason.setAccessibleName(self.tr("Reason for ending"))
        self.end_reason.setAccessibleDescription(self.tr("Why the case is ended early"))
        self.end_button = button(
            self.tr("&End case now…"),
            self.tr("End case"),
            self.tr("End this case now; answers given are kept"),
            "danger",
        )
        self.end_confirm = button(
            self.tr("Yes, end the &case"),
            self.tr("Confirm end case"),
            self.tr("End the case now; this cannot be undone"),
            "danger",
        )
        self.end_confirm.hide()

        self.log_list = QListWidget()
        self.log_list.setAccessibleName(self.tr("Actions taken"))
        self.log_list.setAccessibleDescription(self.tr("Proctor actions recorded during this exam"))
        self.log_list.setMaximumHeight(140)
        self.close_button = button(
            self.tr("Back to the &candidate screen"),
            self.tr("Close proctor panel"),
            self.tr("Return to the candidate's screen"),
        )
        self.finish_button = button(
            self.tr("&Close the exam and lock"),
            self.tr("Close the exam"),
            self.tr("Leave this exam (it has ended) and return to the locked start screen"),
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
        grid.addRow(self.tr("Exam:"), pr)
        tr = ReflowRow()
        tr.add(self.minutes)
        tr.add(self.add_time_button)
        tr.add_stretch(1)
        time_label = QLabel(self.tr("Extra &time:"))
        time_label.setBuddy(self.minutes)
        grid.addRow(time_label, tr)
        ir = ReflowRow()
        ir.add(self.category)
        ir.add(self.note, 1)
        ir.add(self.incident_button)
        inc_label = QLabel(self.tr("I&ncident:"))
        inc_label.setBuddy(self.category)
        grid.addRow(inc_label, ir)
        er = ReflowRow()
        er.add(self.end_reason, 1)
        er.add(self.end_button)
        er.add(self.end_confirm)
        end_label = QLabel(self.tr("En&d:"))
        end_label.setBuddy(self.end_reason)
        grid.addRow(end_label, er)

        v = QVBoxLayout(self)
        v.addWidget(self.title)
        v.addWidget(self.status)
        v.addWidget(self.message)
        v.addLayout(grid)
        v.addWidget(QLabel(self.tr("Recorded in this sitting:")))
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
        state = self._state_text(s.state.value if s is not None else "not_started")
        self.status.setText(
            self.tr(
                "Candidate {name} ({id}) · case {number} of {count}: {title} · {state} · "
                "time left {time_left} · time multiplier {multiplier}"
            ).format(
                name=p.candidate_name,
                id=p.candidate_id,
                number=c.case_index + 1,
                count=c.case_count,
                title=case.meta.title,
                state=state,
                time_left=format_countdown(c.time_remaining()),
                multiplier=QLocale().toString(p.time_multiplier, "g", 6),
            )
        )

    def _state_text(self, state: str) -> str:
        """A session state (`SessionState`'s value) as the proctor reads it."""
        names = {
            "not_started": self.tr("not started"),
            "playing_segment": self.tr("playing"),
            "at_checkpoint": self.tr("at a question"),
            "reviewing": self.tr("reviewing"),
            "paused_by_proctor": self.tr("paused by the proctor"),
            "time_expired": self.tr("time expired"),
            "finished": self.tr("finished"),
            "aborted": self.tr("ended early"),
        }
        return names.get(state, state.replace("_", " "))

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
        self._done(self.controller.proctor_pause(), self.tr("Exam paused."))
        self.resume_button.setFocus()

    def _resume(self) -> None:
        self._done(self.controller.proctor_resume(), self.tr("Exam resumed."))

    def _retry(self) -> None:
        self._done(self.controller.retry_media(), self.tr("Media restarted."))

    def _add_time(self) -> None:
        m = self.minutes.value()
        self._done(self.controller.proctor_add_time(m), self.tr("%n minute(s) added.", "", m))

    def _incident(self) -> None:
        cat, note = str(self.category.currentData()), self.note.text().strip()
        ok = self.controller.proctor_incident(cat, note)
        if ok:
            self.note.clear()
        shown = self.category.currentText()
        self._done(ok, self.tr("Incident recorded: {category}.").format(category=shown))

    def _ask_end(self) -> None:
        self.end_confirm.show()
        self.end_confirm.setFocus()

    def _end(self) -> None:
        # The default reason goes into the result file, in English like the categories.
        reason = self.end_reason.text().strip() or "ended by the proctor"
        self._done(self.controller.proctor_end(reason), self.tr("Case ended."))
