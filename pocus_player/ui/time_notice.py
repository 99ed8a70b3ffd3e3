"""Time warnings and "the exam is paused", shown in the header and spoken by a screen reader.

A sighted candidate sees the clock; a screen-reader user hears it only when they
go looking. So when 5 minutes are left, when 1 minute is left, when the time
runs out and when the proctor pauses or resumes the exam, `TimeNotice`
announces it (`pocus_player.ui.accessibility.announce`) and shows one short line
in the header, unless the screen says it already (the pause cover, the end screen).

`warning_for()` is the rule, without Qt: which threshold the clock has just
crossed. A warning is given once per case, and not at all when a case starts
with less time than the threshold.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from pocus_player.core.session import SessionState
from pocus_player.ui import theme
from pocus_player.ui.accessibility import announce
from pocus_player.ui.exam_controller import ExamController
from pocus_player.ui.reflow import ElidedLabel

__all__ = ["PAUSED", "RESUMED", "THRESHOLDS", "TIME_UP", "TimeNotice", "warning_for"]

#: Seconds left at which the candidate is told, and what they are told.
THRESHOLDS: tuple[tuple[float, str], ...] = (
    (300.0, str(QT_TRANSLATE_NOOP("TimeNotice", "5 minutes left"))),
    (60.0, str(QT_TRANSLATE_NOOP("TimeNotice", "1 minute left"))),
)
TIME_UP = str(QT_TRANSLATE_NOOP("TimeNotice", "Time is up. Your answers so far are recorded."))
PAUSED = str(
    QT_TRANSLATE_NOOP("TimeNotice", "The exam is paused by your proctor. The timer is stopped.")
)
RESUMED = str(QT_TRANSLATE_NOOP("TimeNotice", "The exam goes on. The timer runs again."))

#: What the header shows for a message (it has one short line); the screen reader hears
#: the whole message.
SHORT = {RESUMED: str(QT_TRANSLATE_NOOP("TimeNotice", "Exam resumed"))}
#: Messages the screen says in full already (the pause cover, the end screen): announced only.
SHOWN_ELSEWHERE = frozenset({PAUSED, TIME_UP})

#: How long a warning stays in the header.
SHOWN_MS = 20_000


def warning_for(before: float | None, now: float | None) -> str | None:
    """The warning due when the time left goes from `before` to `now` seconds."""
    if before is None or now is None or now >= before:
        return None
    for seconds, text in sorted(THRESHOLDS):
        if now <= seconds < before:
            return text
    return None


class TimeNotice(ElidedLabel):
    """One line in the candidate's header, empty and hidden until there is news. Cut with
    "…" rather than widen the header (1024 px at 200 % text); the full message is its tooltip,
    its accessible name and what is announced.

    Signals:
        announced(str)   a message was shown and handed to the screen reader
    """

    announced = Signal(str)

    def __init__(self, controller: ExamController, parent: QWidget | None = None) -> None:
        super().__init__("", self.tr("Time notice"), parent)
        self.controller = controller
        self.setObjectName("TimeNotice")
        self.setProperty("role", "warning")
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.setAccessibleName(self.tr("Time notice"))
        # Its whole text when there is room (the case title gives way), cut when there is not.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setContentsMargins(6, 2, 6, 2)
        self.hide()
        self._left: float | None = None
        self._case: object = None
        self._state: SessionState | None = None
        self._clear = QTimer(self)
        self._clear.setSingleShot(True)
        self._clear.timeout.connect(self._hide)
        controller.timeChanged.connect(self._on_time)
        controller.phaseChanged.connect(lambda _p: self._on_state())

    def _on_time(self) -> None:
        c = self.controller
        if c.session is None:
            return
        if self._case is not c.session:  # a new case: its own warnings
            self._case, self._left, self._state = c.session, None, c.session.state
        left = c.time_remaining()
        message = warning_for(self._left, left)
        self._left = left
        if message:
            self.show_message(message)
        self._on_state()

    def _on_state(self) -> None:
        session = self.controller.session
        if session is None:
            return
        if session is not self._case:
            self._case, self._left, self._state = session, None, session.state
            return
        before, now = self._state, session.state
        self._state = now
        if before is now:
            return
        if now is SessionState.PAUSED_BY_PROCTOR:
            self.show_message(PAUSED)
        elif now is SessionState.TIME_EXPIRED:
            self.show_message(TIME_UP)
        elif before is SessionState.PAUSED_BY_PROCTOR and not now.is_over:
            self.show_message(RESUMED)
        elif now.is_over:
            self._hide()  # the end screen says what happened; an older notice is stale

    def show_message(self, message: str) -> None:
        """Show `message` (one of this module's, in English) for a while, in the interface's
        language, and have a screen reader speak it."""
        spoken = self.tr(message)
        if message in SHOWN_ELSEWHERE:
            self._hide()
        else:
            self.set_full_text(self.tr(SHORT.get(message, message)))
            self.setToolTip(spoken)
            self.setAccessibleName(self.tr("Time notice: {message}").format(message=spoken))
            self.show()
            self._clear.start(SHOWN_MS)
        announce(self, spoken, assertive=True)
        self.announced.emit(spoken)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The warning box (the style sheet's, which the eliding paint would leave out)."""
        app = QApplication.instance()
        high = bool(app.property("pocus_high_contrast")) if app is not None else False
        c = theme.colours(high)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(c.warning), 1))
        painter.setBrush(QColor(c.warning_bg))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.end()
        super().paintEvent(event)

    def _hide(self) -> None:
        self.hide()
        self.set_full_text("")
        self.setAccessibleName(self.tr("Time notice"))
