"""Roles set on message labels show in the right colours, whether set before or after the
window is first shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from pocus_player.ui import theme
from pocus_player.ui.forms import message_label, show_message


def _background(label: QLabel) -> str:
    image = label.grab().toImage()
    # A pixel inside the padding, clear of the text and the 1 px border.
    return QColor(image.pixel(3, image.height() // 2)).name()


def _window_with_label() -> tuple[QWidget, QLabel]:
    window = QWidget()
    label = message_label()
    QVBoxLayout(window).addWidget(label)
    return window, label


def test_role_set_before_the_first_show(qtbot: Any) -> None:
    theme.apply(QApplication.instance())  # type: ignore[arg-type]
    window, label = _window_with_label()
    qtbot.addWidget(window)
    show_message(label, "No PIN is set on this computer yet.", "warning")
    window.show()
    qtbot.waitExposed(window)
    assert _background(label) == theme.LIGHT.warning_bg


def test_role_changed_on_a_shown_window(qtbot: Any) -> None:
    theme.apply(QApplication.instance())  # type: ignore[arg-type]
    window, label = _window_with_label()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    show_message(label, "Wrong PIN.", "error")
    assert _background(label) == theme.LIGHT.error_bg
    show_message(label, "You can try the PIN again.", "warning")
    assert _background(label) == theme.LIGHT.warning_bg
    label.hide()
    show_message(label, "Saved.", "ok")
    assert _background(label) == theme.LIGHT.ok_bg


def test_a_role_shown_later_gets_its_padding(qtbot: Any) -> None:
    """A role set on a shown window reaches the layout: the label grows by its padding."""
    theme.apply(QApplication.instance())  # type: ignore[arg-type]
    window, label = _window_with_label()
    qtbot.addWidget(window)
    show_message(label, "Exam paused.", "muted")  # no padding, no border
    window.show()
    qtbot.waitExposed(window)
    plain = label.height()
    show_message(label, "Exam paused.", "ok")  # 6 px padding and a 1 px border each side
    qtbot.waitUntil(lambda: label.height() >= plain + 12)
