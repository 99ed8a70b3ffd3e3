"""The Qt binding keeps Python's reference counts straight (PySide6 6.12.0 did not).

6.12.0 dropped a reference to True on every `Signal.emit()` and to None on
`QTimer.start()`/`stop()`; after a few thousand the interpreter aborts
("bool_dealloc"), which in the app would be mid-exam. pyproject.toml excludes
that release; this catches any other one that does the same.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_emits_and_timers_keep_refcounts(qapp: Any) -> None:
    emitter = _Emitter()
    seen: list[int] = []
    emitter.fired.connect(seen.append)
    timer = QTimer()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for i in range(2000):
        emitter.fired.emit(i)
        timer.start(1000)
        timer.stop()
    assert len(seen) == 2000
    # A little slack for unrelated objects created meanwhile; the bug loses 2000.
    assert sys.getrefcount(True) - true_before > -50
    assert sys.getrefcount(None) - none_before > -50
