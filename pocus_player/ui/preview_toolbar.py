"""The preview's toolbar: show the key, follow the case, reload, export the review packet."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget


class PreviewToolbar(QToolBar):
    """The preview's actions; the window connects them in its `_connect_signals`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preview"))
        self.setObjectName("previewToolbar")
        self.setMovable(False)
        self.show_key_action = QAction(self.tr("Show key"), self)
        self.show_key_action.setCheckable(True)
        self.show_key_action.setShortcut(QKeySequence("Ctrl+K"))
        self.show_key_action.setToolTip(
            self.tr("Mark the correct answers and show the rationale (Ctrl+K)")
        )
        self.follow_action = QAction(self.tr("Follow the case"), self)
        self.follow_action.setCheckable(True)
        self.follow_action.setShortcut(QKeySequence("Ctrl+F"))
        self.follow_action.setToolTip(
            self.tr("Run the case as a candidate would, in practice mode (Ctrl+F)")
        )
        self.reload_action = QAction(self.tr("Reload"), self)
        self.reload_action.setShortcut(QKeySequence("F5"))
        self.packet_action = QAction(self.tr("Export review packet…"), self)
        for action in (
            self.show_key_action,
            self.follow_action,
            self.reload_action,
            self.packet_action,
        ):
            self.addAction(action)
