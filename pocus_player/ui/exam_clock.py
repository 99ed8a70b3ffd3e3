"""The exam's clock: the session is ticked a few times a second, and what the tick changed is said.

A tick lets the session's timers run out (the case's time, a checkpoint's time),
which moves the session on; the controller hears of it and of every tick (the
header's countdown follows). A tick that cannot write the result file is a fault
for the proctor.

Signals:
    stateChanged()   the tick moved the session on (a timer ran out)
    ticked()         the remaining time changed
    failed(str)      the result file cannot be written
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from pocus_player.core.journal_api import JournalWriteError
from pocus_player.core.session import ExamSession

log = logging.getLogger(__name__)

TICK_MS = 250


class ExamTicker(QObject):
    """See the module docstring."""

    stateChanged = Signal()
    ticked = Signal()
    failed = Signal(str)

    def __init__(
        self, session: Callable[[], ExamSession | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        session = self._session()
        if session is None:
            return
        before = session.state
        try:
            after = session.tick()
        except JournalWriteError as exc:
            self.failed.emit(
                self.tr("The result file cannot be written: {error}").format(error=exc)
            )

            return
        if after is not before:
            log.info("timer: %s -> %s", before.value, after.value)
            self.stateChanged.emit()
        self.ticked.emit()
