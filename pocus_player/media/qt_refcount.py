"""Keeps True, False and None alive under PySide6 builds that under-count their references.

PySide6 6.12 on Python 3.11 drops one reference to True on every
`Signal.emit()` and one to None on every `QTimer.start()`/`stop()` (and
more), wherever they are called. Python 3.12+ makes these objects immortal
so nothing happens there; on 3.11 their counts fall to zero after a few
thousand calls and the interpreter aborts ("bool_dealloc", "none_dealloc"),
mid-session or at exit. Raising their counts far out of reach makes them as
good as immortal, as on 3.12.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40
_done = False


def guard_singleton_refcounts() -> None:
    """Idempotent; a no-op where the objects are immortal already (3.12+) or not CPython."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (True, False, None, NotImplemented, Ellipsis):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += _BOOST
    _done = True
