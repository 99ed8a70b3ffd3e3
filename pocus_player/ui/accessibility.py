"""What a screen reader hears: labels named with their text, plain-text descriptions, announcements.

A screen reader reads a label by its accessible name; a label given a fixed name
("Receipt code") is heard only by that name and its text is lost. `PrefixedLabel`
keeps the name "Receipt code: K7Q2-9XF3" in step with the text. Descriptions are
read as they are, so rich text reaches them through `plain_text()`.

`announce()` speaks a short message that is not tied to the focus (time warnings,
"the exam is paused"): Qt's announcement event where Qt has it (6.8 and later),
else a name change on a live status label, which AT-SPI relays as well.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QRect
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleObject,
    QTextDocumentFragment,
    QWindow,
)
from PySide6.QtWidgets import QApplication, QLabel, QWidget

log = logging.getLogger(__name__)

__all__ = [
    "APP_DESCRIPTION",
    "ApplicationAccessible",
    "PrefixedLabel",
    "announce",
    "name_application",
    "plain_text",
]

#: What the application is, for the accessibility tree's root (not the interpreter's path).
APP_DESCRIPTION = str(
    QT_TRANSLATE_NOOP("Application", "Ultrasound case exam: video, images and questions")
)

_TAG = re.compile(r"<[^>]+>")


def plain_text(text: str) -> str:
    """`text` without markup: rich text becomes what it shows, paragraphs a space apart."""
    if not _TAG.search(text):
        return text
    html = re.sub(r"(?i)</p>|<br\s*/?>", " ", text)
    plain = QTextDocumentFragment.fromHtml(html).toPlainText()
    return " ".join(plain.split())


def name_application(app: QApplication, display_name: str = "pocus-player") -> None:
    """Name the application for assistive technology: the root of its accessibility tree.

    Qt's own root names the application by `applicationName` and describes it by the
    executable's path, which under Python is the interpreter's; this root says what
    the application is instead.
    """
    app.setApplicationName("pocus-player")
    app.setApplicationDisplayName(display_name)
    if not _FACTORY_INSTALLED:
        QAccessible.installFactory(_application_factory)
        _FACTORY_INSTALLED.append(True)


class ApplicationAccessible(QAccessibleObject):
    """The application's node: its windows as children, named and described in words.

    (Qt's stubs type `child`, `parent`, `focusChild` and `window` as never None; Qt
    itself takes None for "no such node", hence the ignored overrides.)
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)

    @staticmethod
    def _windows() -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets() if w.isWindow() and not w.isHidden()]

    def childCount(self) -> int:  # noqa: N802 (Qt's names)
        return len(self._windows())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        windows = self._windows()
        if 0 <= index < len(windows):
            return QAccessible.queryAccessibleInterface(windows[index])
        return None

    def indexOfChild(self, child: QAccessibleInterface | None) -> int:  # noqa: N802
        target = child.object() if child is not None else None
        for i, window in enumerate(self._windows()):
            if window is target:
                return i
        return -1

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        window = QApplication.activeWindow()
        return QAccessible.queryAccessibleInterface(window) if window is not None else None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.Application

    def state(self) -> QAccessible.State:
        return QAccessible.State()

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return QApplication.applicationDisplayName()
        if kind == QAccessible.Text.Description:
            return QCoreApplication.translate("Application", APP_DESCRIPTION)
        return ""

    def rect(self) -> QRect:
        return QRect()

    def window(self) -> QWindow | None:  # type: ignore[override]  # noqa: N802
        return None


_FACTORY_INSTALLED: list[bool] = []
_ROOTS: list[ApplicationAccessible] = []  # Qt keeps a pointer: keep the Python object alive


def _application_factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    app = QApplication.instance()
    if app is None or obj is not app or not isinstance(app, QApplication):
        return None
    root = ApplicationAccessible(app)
    _ROOTS.append(root)
    return root


class PrefixedLabel(QLabel):
    """A label heard as "prefix: text": the name says what it is and what it shows."""

    def __init__(self, prefix: str, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        plain = plain_text(text).strip()
        self.setAccessibleName(f"{self.prefix}: {plain}" if plain else self.prefix)


def has_announcement_event() -> bool:
    """Qt 6.8 and later send announcements to the screen reader themselves."""
    from PySide6 import QtGui

    return hasattr(QtGui, "QAccessibleAnnouncementEvent")


def announce(source: QWidget, message: str, *, assertive: bool = False) -> None:
    """Have a screen reader speak `message` now, whatever has the focus.

    `source` is the widget the message belongs to (a visible label showing it).
    """
    if not message:
        return
    log.debug("announced: %s", message)
    if not QAccessible.isActive():
        return
    if has_announcement_event():
        from PySide6.QtGui import QAccessibleAnnouncementEvent

        event = QAccessibleAnnouncementEvent(source, message)
        politeness = QAccessible.AnnouncementPoliteness
        event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
        QAccessible.updateAccessibility(event)
        return
    # Older Qt: the label shows the message; its name change and an alert make a
    # screen reader read it.
    source.setAccessibleName(message)
    QAccessible.updateAccessibility(QAccessibleEvent(source, QAccessible.Event.Alert))
