"""The preview's live reload: the script and every file it uses are watched; a change reloads.

`LiveReload` watches what the preview model says the case uses, forgets what
it knew of the files that changed (their probe results), lets go of the media
shown when that file itself changed (so it is loaded again, not only the
script), and asks the window to reload. After a reload the media shown is kept
when the reloaded case still has it, from the same file.

Signals:
    reloadRequested()   watched files changed: load the case again
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from pocus_player.core.model import Case, MediaItem
from pocus_player.core.preview import PreviewModel
from pocus_player.ui.file_watcher import CaseFileWatcher
from pocus_player.ui.preview_player import PreviewPlayer

log = logging.getLogger(__name__)


class LiveReload(QObject):
    """See the module docstring."""

    reloadRequested = Signal()

    def __init__(
        self,
        model: PreviewModel,
        player: PreviewPlayer,
        *,
        enabled: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.player = player
        self.enabled = enabled
        self.watcher = CaseFileWatcher(self)
        self.watcher.changed.connect(self.on_files_changed)

    def watch(self) -> None:
        """Watch the files of the case as loaded now (the script, media, captions)."""
        if self.enabled:
            self.watcher.set_paths(self.model.watched_files())

    def on_files_changed(self, paths: list[Path]) -> None:
        self.model.forget_files(paths)
        current = self.player.current_item
        if current is not None and any(p.resolve() == current.file for p in paths):
            self.player.current_item = None  # reload the media itself, not only the script
        log.info(
            "reloading %s after changes to %s",
            self.model.case_path.name,
            ", ".join(p.name for p in paths),
        )
        self.reloadRequested.emit()

    def keep_current_item(self, case: Case) -> None:
        """After a reload: the media shown, as the reloaded case has it (None when it does not)."""
        if self.player.current_item is not None:
            self.player.current_item = same_item(self.player.current_item, case)


def same_item(item: MediaItem, case: Case) -> MediaItem | None:
    """`item` in `case`, when `case` still has it with the same file."""
    try:
        new = case.media_by_id(item.id)
    except KeyError:
        return None
    return new if new.file == item.file else None
