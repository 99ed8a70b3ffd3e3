"""Hand work from libvlc's and the worker's threads to the GUI thread without touching Qt there.

PySide6 (seen with 6.12 on Python 3.11) mis-counts references when Qt is
called from a plain Python thread: every `Signal.emit()` or
`QCoreApplication.postEvent()` made there drops one reference to True or None,
until the interpreter aborts ("bool_dealloc"). So those threads never call
Qt: they queue a callable and write one byte to a pipe, and a QSocketNotifier
on the GUI thread runs the queued callables.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)


class GuiBridge(QObject):
    """`post(fn)` from any thread; `fn()` then runs on the thread that created the bridge."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read_fd, self._write_fd = os.pipe()
        os.set_blocking(self._read_fd, False)
        os.set_blocking(self._write_fd, False)
        self._calls: deque[Callable[[], None]] = deque()
        self._lock = threading.Lock()
        self._signalled = False
        self._closed = False
        self._notifier = QSocketNotifier(self._read_fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._run_pending)

    def post(self, fn: Callable[[], None]) -> None:
        """Queue fn for the GUI thread (safe from any thread; never calls Qt)."""
        with self._lock:
            if self._closed:
                return
            self._calls.append(fn)
            if self._signalled:
                return  # a wake-up byte is already on its way
            self._signalled = True
        # (a full pipe means the GUI thread is going to wake anyway)
        with contextlib.suppress(BlockingIOError, OSError):
            os.write(self._write_fd, b"\x01")

    def _run_pending(self) -> None:
        try:
            while os.read(self._read_fd, 4096):
                pass
        except (BlockingIOError, OSError):
            pass
        with self._lock:
            self._signalled = False
            calls = list(self._calls)
            self._calls.clear()
        for fn in calls:
            try:
                fn()
            except Exception:
                log.exception("media callback failed")

    def run_pending(self) -> None:
        """Run what is queued now (on the GUI thread)."""
        self._run_pending()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._calls.clear()
        self._notifier.setEnabled(False)
        for fd in (self._read_fd, self._write_fd):
            with contextlib.suppress(OSError):
                os.close(fd)
