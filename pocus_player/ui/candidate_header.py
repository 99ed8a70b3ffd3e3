"""The candidate window's header: the case, the candidate, progress through the case, the time left.

Two lines that never wrap: the case title and the candidate are cut with "…"
(the full text in the tooltip and the accessible name), so the header stays two
lines high at any text size. It shows what the exam controller says
(`show_state(controller)`), a few times a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from pocus_player.core.session import SessionState
from pocus_player.core.timecode import format_countdown
from pocus_player.ui import theme
from pocus_player.ui.candidate_widgets import plain_label
from pocus_player.ui.reflow import ElidedLabel

if TYPE_CHECKING:
    from pocus_player.ui.exam_controller import ExamController


class CandidateHeader(QWidget):
    """See the module docstring."""

    def __init__(self, notice: QWidget | None = None, parent: QWidget | None = None) -> None:
        """`notice`, when given, sits before the timer (the time notices)."""
        super().__init__(parent)
        self.setObjectName("CandidateHeader")
        self.case_label = ElidedLabel("", self.tr("Case"))
        self.case_label.setObjectName("HeaderTitle")
        self.candidate_label = ElidedLabel("", self.tr("Candidate"))
        self.candidate_label.setProperty("role", "muted")
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress through the case"))
        # The words go beside the bar, not on it: text over the filled part would sit
        # on the accent colour (too little contrast for the text colour).
        self.progress.setTextVisible(False)
        self.progress.setMinimumWidth(80)
        self.progress.setMaximumWidth(200)
        self.progress_label = plain_label("", "", wrap=False)
        self.timer_label = plain_label("", "Timer", wrap=False)
        self.timer_label.setAccessibleName(self.tr("Time left"))
        self.cp_timer_label = plain_label("", "", wrap=False)
        self.cp_timer_label.setProperty("role", "muted")
        self.cp_timer_label.setAccessibleName(self.tr("Time left for these questions"))
        top = QHBoxLayout()
        top.addWidget(self.case_label, 1)
        if notice is not None:
            top.addWidget(notice, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.timer_label, 0, Qt.AlignmentFlag.AlignVCenter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.candidate_label, 1)
        bottom.addWidget(self.cp_timer_label, 0, Qt.AlignmentFlag.AlignVCenter)
        bottom.addWidget(self.progress_label, 0, Qt.AlignmentFlag.AlignVCenter)
        bottom.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignVCenter)
        v = QVBoxLayout(self)
        v.setContentsMargins(10, 6, 10, 6)
        v.setSpacing(4)
        v.addLayout(top)
        v.addLayout(bottom)

    def show_state(self, c: ExamController) -> None:
        """The header as the controller's state says now."""
        case = c.session.case if c.session is not None else c.case
        if c.case_count > 1:
            title = self.tr("Case {number} of {count}: {title}").format(
                number=c.case_index + 1, count=c.case_count, title=case.meta.title
            )
        else:
            title = case.meta.title
        self.case_label.set_full_text(title)
        p = c.progress
        who = p.candidate_name or p.candidate_id
        mode = self.tr("Practice") if c.practice else self.tr("Exam")
        self.candidate_label.set_full_text(
            self.tr("{mode} · {name} ({id})").format(mode=mode, name=who, id=p.candidate_id)
        )
        self._show_progress(*c.step_position())
        self._show_time(c)

    def _show_progress(self, part: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(part)
        if part:
            words = self.tr("Part {part} of {total}").format(part=part, total=total)
        else:
            words = self.tr("%n part(s)", "", total)
        self.progress.setFormat(words)
        self.progress.setAccessibleDescription(words)
        self.progress_label.setText(words)
        self.progress_label.setAccessibleName(words)

    def _show_time(self, c: ExamController) -> None:
        remaining = c.time_remaining()
        text = self.tr("Time left {time}").format(time=format_countdown(remaining))
        if c.session is not None and c.session.state is SessionState.PAUSED_BY_PROCTOR:
            text = self.tr("Time left {time} (paused)").format(time=format_countdown(remaining))
        elif c.session is not None and c.session.is_over:
            # A clock still showing time left on the end screen reads as "not finished".
            text, remaining = self.tr("Finished"), None
        self.timer_label.setText(text)
        self.timer_label.setAccessibleName(text)
        self.timer_label.setAccessibleDescription(self.tr("The time left for this case"))
        low = remaining is not None and remaining < 60
        if self.timer_label.property("low") != low:
            self.timer_label.setProperty("low", low)
            theme.set_role(self.timer_label, None)
        cp_left = c.checkpoint_time_remaining()
        self.cp_timer_label.setVisible(cp_left is not None)
        if cp_left is not None:
            self.cp_timer_label.setText(
                self.tr("These questions: {time}").format(time=format_countdown(cp_left))
            )

            self.cp_timer_label.setAccessibleName(self.cp_timer_label.text())
