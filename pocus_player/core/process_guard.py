"""Keep the exam process's memory (decrypted content, responses) out of core dumps and debuggers.

Best effort, and only against someone without administrator rights: no core file is
written if the app crashes (RLIMIT_CORE 0), and on Linux the process is marked not
dumpable, so another process of the same user cannot attach a debugger or read its
memory through /proc. An administrator can still do both.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
import sys

log = logging.getLogger(__name__)

_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3


def harden_process() -> list[str]:
    """Apply what this platform allows; returns what was applied (for the log)."""
    applied: list[str] = []
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        applied.append("no core dumps")
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError, TypeError):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            if libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) == 0:
                applied.append("not dumpable")
    log.info("process guard: %s", ", ".join(applied) or "nothing this platform allows")
    return applied


def is_dumpable() -> bool | None:
    """Linux only (None elsewhere): whether the process may be dumped or traced."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    return bool(libc.prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0))
