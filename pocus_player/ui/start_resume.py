"""The start screen's resume page: the unfinished exams found (a crash, a power cut), one to resume."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimeZone

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from pocus_player.ui import theme
from pocus_player.ui.forms import button

if TYPE_CHECKING:
    from pocus_player.core.resume import UnfinishedSession

CARD_WIDTH = 820


class ResumePage(QFrame):
    """The list of unfinished exams with Resume and "Set up a new exam instead"."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("Card")
        title = QLabel(self.tr("An unfinished exam was found"))
        title.setObjectName("Title")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Unfinished exams"))
        self.list.setAccessibleDescription(self.tr("Exams that stopped before they were submitted"))
        self.resume_button = button(
            self.tr("&Resume the selected exam"),
            self.tr("Resume exam"),
            self.tr("Continue the exam at its last submitted checkpoint with its remaining time"),
            "primary",
        )
        self.skip_button = button(
            self.tr("Set up a &new exam instead"),
            self.tr("New exam"),
            self.tr("Leave the unfinished exam for later and set up a new one"),
        )
        row = QHBoxLayout()
        row.addWidget(self.resume_button)
        row.addWidget(self.skip_button)
        row.addStretch(1)
        v = QVBoxLayout(self)
        for w in (title, self.text, self.list):
            v.addWidget(w)
        v.addLayout(row)
        self.page = theme.card_page(self, CARD_WIDTH)

    def fill(self, unfinished: list[UnfinishedSession]) -> None:
        self.list.clear()
        for u in unfinished:
            item = QListWidgetItem(
                self.tr("Candidate {id} · case {case} · started {started}").format(
                    id=u.candidate_id, case=u.case_id, started=_started(u.started)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, u)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.text.setText(
            self.tr(
                "The app stopped before this exam was submitted (a crash or a power cut). "
                "Resuming continues after the last submitted checkpoint with the time that was "
                "left; answers submitted before are kept."
            )
        )

    def selected(self) -> UnfinishedSession | None:
        item = self.list.currentItem()
        if item is None:
            return None
        chosen: UnfinishedSession = item.data(Qt.ItemDataRole.UserRole)
        return chosen


def _started(stamp: str) -> str:
    """A journal's start stamp (20260115T093000Z) as the locale writes a date and time, UTC."""
    when = QDateTime.fromString(stamp[:15], "yyyyMMddTHHmmss")
    if not when.isValid():
        return stamp
    when.setTimeZone(QTimeZone.utc())
    shown = QLocale().toString(when, QLocale.FormatType.ShortFormat)
    return QCoreApplication.translate("ResumePage", "{time} UTC").format(time=shown)
