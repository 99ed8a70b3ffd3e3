"""Watch a case script and the files it uses; report changes once, after they settle.

Editors save in different ways: some write the file in place, others write a
temporary file and rename it over the original (an "atomic save"), which
replaces the inode QFileSystemWatcher was watching, so Qt silently stops
watching that path. This watcher therefore also watches each file's folder,
re-adds every path that exists again after a change, and decides what changed
by comparing (mtime, size, inode) signatures rather than trusting which signal
fired. A burst of events (write, rename, chmod...) is folded into one report
by a short debounce.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

log = logging.getLogger(__name__)

DEFAULT_DEBOUNCE_MS = 200

Signature = tuple[int, int, int] | None


def signature(path: Path) -> Signature:
    """What identifies a version of a file: (mtime ns, size, inode); None when it is missing."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class CaseFileWatcher(QObject):
    """Reports changed files among a set of watched ones.

    Signals:
        changed(list): the paths (as `Path`) whose content changed, appeared or
            disappeared since the last report; emitted once per burst of edits.
    """

    changed = Signal(list)

    def __init__(self, parent: QObject | None = None, *, debounce_ms: int = DEFAULT_DEBOUNCE_MS):
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._settle)
        self._files: dict[Path, Signature] = {}

    @property
    def paths(self) -> tuple[Path, ...]:
        return tuple(self._files)

    def set_paths(self, paths: Iterable[Path]) -> None:
        """Watch exactly these files (and their folders), taking their current state as known."""
        wanted = {Path(p).absolute() for p in paths}
        if wanted == set(self._files):
            # Keep known signatures: a change that raced this call must still be reported.
            self._rearm()
            return
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        self._files = {p: signature(p) for p in sorted(wanted)}
        self._rearm()

    def _rearm(self) -> None:
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        add = []
        for path in self._files:
            for candidate in (str(path), str(path.parent)):
                if candidate not in watched and os.path.exists(candidate):
                    add.append(candidate)
                    watched.add(candidate)
        if add:
            failed = self._watcher.addPaths(add)
            if failed:
                log.debug("cannot watch %s", failed)

    def _poke(self, _path: str = "") -> None:
        self._timer.start()  # restarts the debounce on every event of a burst

    def check_now(self) -> list[Path]:
        """Compare signatures now; return (and report) what changed."""
        self._timer.stop()
        return self._settle()

    def _settle(self) -> list[Path]:
        self._rearm()  # atomic saves dropped the old inode from the watcher
        changed = []
        for path, old in self._files.items():
            new = signature(path)
            if new != old:
                self._files[path] = new
                changed.append(path)
        if changed:
            log.debug("changed on disk: %s", ", ".join(p.name for p in changed))
            self.changed.emit(changed)
        return changed
