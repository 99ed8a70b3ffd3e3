"""The proctor's PIN prompt, shared by the start screen and the exam's proctor panel.

It asks for the PIN (or, on first run, sets it) through `PinStore`, which
limits wrong entries.

Signals:
    PinPrompt.unlocked()   the right PIN was entered (or a new one set)
    PinPrompt.cancelled()
"""

from __future__ import annotations

import logging

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
    QVBoxLayout,
    QWidget,
)

from pocus_player.core.pin import MAX_LENGTH, MIN_LENGTH, PinError, PinLockedOut, PinStore
from pocus_player.ui.forms import button, message_label, show_message

log = logging.getLogger(__name__)


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
        self.pin.setAccessibleName(self.tr("Proctor PIN"))
        self.pin.setAccessibleDescription(
            self.tr("The proctor PIN, {low} to {high} digits").format(
                low=MIN_LENGTH, high=MAX_LENGTH
            )
        )
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setValidator(QRegularExpressionValidator(rf"\d{{0,{MAX_LENGTH}}}"))
        self.confirm.setAccessibleName(self.tr("Repeat the new PIN"))
        self.confirm.setAccessibleDescription(self.tr("Type the new PIN again to confirm it"))
        self.form = QFormLayout()
        self.pin_label = QLabel(self.tr("&PIN:"))
        self.pin_label.setBuddy(self.pin)
        self.confirm_label = QLabel(self.tr("&Repeat PIN:"))
        self.confirm_label.setBuddy(self.confirm)
        self.form.addRow(self.pin_label, self.pin)
        self.form.addRow(self.confirm_label, self.confirm)
        self.message = message_label()
        self.ok = button(self.tr("&Unlock"), self.tr("Unlock"), self.tr("Check the PIN"), "primary")
        self.cancel = button(
            self.tr("&Cancel"), self.tr("Cancel"), self.tr("Close without unlocking")
        )
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
        self.title.setText(self.tr("Set the proctor PIN") if new else self.tr("Proctor PIN"))
        self.ok.setText(self.tr("&Set PIN") if new else self.tr("&Unlock"))
        self.ok.setAccessibleName(self.tr("Set PIN") if new else self.tr("Unlock"))
        self.confirm.setVisible(new)
        self.confirm_label.setVisible(new)
        self.pin.clear()
        self.confirm.clear()
        show_message(self.message, "")
        if new:
            show_message(
                self.message,
                self.tr(
                    "No PIN is set on this computer yet. Choose one of {low} to {high} digits; "
                    "it is needed to start, pause and end exams."
                ).format(low=MIN_LENGTH, high=MAX_LENGTH),
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
            show_message(self.message, self._lockout_text(remaining))
            self._lock_timer.start()
        elif self._lock_timer.isActive():
            self._lock_timer.stop()
            show_message(self.message, self.tr("You can try the PIN again."), "warning")
            self.pin.setFocus()

    def _submit(self) -> None:
        pin = self.pin.text()
        try:
            if self.setting_new:
                if pin != self.confirm.text():
                    differ = self.tr("The two PINs differ. Type the same PIN twice.")
                    show_message(self.message, differ)
                    self.confirm.clear()
                    self.confirm.setFocus()
                    return
                if not MIN_LENGTH <= len(pin) <= MAX_LENGTH:
                    show_message(self.message, self._length_text())
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
                self.tr("Wrong PIN. %n try(s) left before a {seconds}-second lockout.", "", left)
                .format(seconds=f"{self.store.lockout_s:.0f}"),
            )
        except PinLockedOut:
            self._refresh_lock()
        except PinError as exc:
            show_message(self.message, str(exc))
        self.pin.clear()
        self.pin.setFocus()

    def _lockout_text(self, remaining_s: float) -> str:
        seconds = max(1, round(remaining_s))
        return self.tr("Too many wrong PINs. Try again in %n second(s).", "", seconds)

    def _length_text(self) -> str:
        return self.tr("The PIN must be {low} to {high} digits long.").format(
            low=MIN_LENGTH, high=MAX_LENGTH
        )

    def _cancel(self) -> None:
        self.pin.clear()
        self.cancelled.emit()
