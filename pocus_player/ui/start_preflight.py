"""The start screen's preflight page: the check list, the sound check, and Start.

The page never scrolls as a whole: the list of checks is the one part that
scrolls, and the sound check and the Start / Run again / Back buttons stay below
it, in view at 1024x768 with 200 % text. The checks themselves are run by the
start window (ui/exam_checks.py, ui/package_unlock.py); this page shows them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pocus_player.ui import theme
from pocus_player.ui.forms import button
from pocus_player.ui.readiness import Check
from pocus_player.ui.reflow import ReflowRow
from pocus_player.ui.sound_check import SoundCheckBox

CARD_WIDTH = 980


class PreflightPage(QWidget):
    """Who sits which exam, the check rows, the sound check and the buttons that leave the page."""

    def __init__(self, audio_output: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card = QFrame()
        card.setObjectName("Card")
        title = QLabel(self.tr("Preflight checks"))
        title.setObjectName("Title")
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.who.setObjectName("Subtitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.check_list = QListWidget()
        self.check_list.setAccessibleName(self.tr("Preflight results"))
        self.check_list.setAccessibleDescription(
            self.tr("One line per check, marked passed or failed")
        )
        self.check_list.setWordWrap(True)
        self.check_list.setMinimumHeight(60)  # it scrolls: the buttons below keep their room
        self.sound = SoundCheckBox(audio_output)
        self.start_button = button(
            self.tr("&Start the exam"),
            self.tr("Start exam"),
            self.tr("Hand over to the candidate: the instructions of the first case appear"),
            "primary",
        )
        self.rerun_button = button(
            self.tr("&Run the checks again"),
            self.tr("Run checks again"),
            self.tr("Repeat the preflight checks"),
        )
        self.back_button = button(
            self.tr("&Back to set-up"),
            self.tr("Back to set-up"),
            self.tr("Change the exam or the candidate"),
        )
        # Start first; the two ways back beside each other even when Start goes on a line
        # of its own (large text), so the wrapped labels above keep the height they need.
        others = ReflowRow()
        others.add(self.rerun_button)
        others.add(self.back_button)
        buttons = ReflowRow()
        buttons.add(self.start_button)
        buttons.add(others)
        buttons.add_stretch(1)
        v = QVBoxLayout(card)
        v.setSpacing(4)  # the wrapped labels need the height at 200 % text
        for w in (title, self.who, self.summary):
            v.addWidget(w)
        v.addWidget(self.check_list, 1)
        v.addWidget(self.sound)
        v.addWidget(buttons)
        self._centre(card)

    def _centre(self, card: QFrame) -> None:
        """The card centred, as wide as `theme.card_page` makes cards, but not in a scroll area."""
        scale = theme.current_scale()
        card.setMaximumWidth(int(min(1180, CARD_WIDTH * (1 + (scale - 1) * 0.6))))
        card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        row = QHBoxLayout(self)
        row.addStretch(1)
        row.addWidget(card, 1000)
        row.addStretch(1)

    def show_checking(self, who: str) -> None:
        """The checks are about to run for `who` (the exam, the candidate, the accommodations)."""
        self.who.setText(who)
        self.check_list.clear()
        self.summary.setText(self.tr("Checking…"))

    def show_checks(self, checks: Sequence[Check]) -> bool:
        """One row per check and the summary above them; True when every check passed."""
        for c in checks:
            if not c.ok:
                mark = self.tr("FAILED")
            else:
                mark = self.tr("CHECK") if c.warning else self.tr("OK")
            item = QListWidgetItem(
                self.tr("{mark} · {check}: {detail}").format(
                    mark=mark, check=c.name, detail=c.detail
                )
            )
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("{check}: {mark}. {detail}").format(
                    mark=mark, check=c.name, detail=c.detail
                ),
            )
            self.check_list.addItem(item)
        failed = [c for c in checks if not c.ok]
        if failed:
            self.summary.setText(
                self.tr(
                    "%n check(s) failed. Fix them (see the lines marked {failed}) and run "
                    "the checks again; the exam cannot start until every check passes.",
                    "",
                    len(failed),
                ).format(failed=self.tr("FAILED"))
            )
            theme.set_role(self.summary, "error")
        else:
            self.summary.setText(
                self.tr("All checks passed. Play the test tone and confirm the candidate heard it.")
            )
            theme.set_role(self.summary, "ok")
        return not failed
