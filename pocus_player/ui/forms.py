"""Small form pieces every screen builds the same way: a described button, a message line."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from pocus_player.ui import theme


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
