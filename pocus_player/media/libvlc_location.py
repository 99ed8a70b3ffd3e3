"""Which libvlc the app loads: the one bundled with it, never a system or candidate VLC.

python-vlc picks its library when `vlc` is first imported: `PYTHON_VLC_LIB_PATH` if set,
else the Windows registry and `Program Files\\VideoLAN` (a candidate's own VLC), macOS's
`/Applications/VLC.app`, or the linker's search path on Linux. libvlccore then scans its
own `plugins` folder *and* every folder in `VLC_PLUGIN_PATH` (python-vlc copies
`PYTHON_VLC_MODULE_PATH` there), so an inherited variable would mix a foreign VLC's plugins
into ours. `prepare()` runs before the first `import vlc` (from `pocus_player.media`'s
`__init__`, and from the frozen build's runtime hook): it removes both variables and, when
the app carries its own VLC, pre-loads that libvlccore and points python-vlc at that libvlc.

Where a bundle's pieces sit (libvlccore looks for plugins relative to itself):

    Linux    vlc/lib/libvlc.so.5   vlc/lib/libvlccore.so.9    vlc/lib/vlc/plugins/
    macOS    vlc/lib/libvlc.dylib  vlc/lib/libvlccore.dylib   vlc/plugins/
    Windows  vlc/libvlc.dll        vlc/libvlccore.dll         vlc/plugins/

`vlc/` is inside the frozen app's data folder (`sys._MEIPASS`: `_internal/`, or
`Contents/Frameworks/` in a macOS app), or beside the Python executable of an unfrozen
install that was given one. A source checkout may name one in `POCUS_PLAYER_VLC_DIR`; a
frozen build ignores that variable, so nothing outside the installation chooses its VLC.
This module imports neither vlc nor Qt.
"""

from __future__ import annotations

import ctypes
import os
import sys
from dataclasses import dataclass
from pathlib import Path

ENV_DIR = "POCUS_PLAYER_VLC_DIR"
FOREIGN_PLUGIN_VARIABLES = ("VLC_PLUGIN_PATH", "PYTHON_VLC_MODULE_PATH")


@dataclass(frozen=True, slots=True)
class VlcLayout:
    """The files of one VLC folder on one system."""

    root: Path
    libvlc: Path
    libvlccore: Path
    plugins: Path

    @classmethod
    def under(cls, root: Path, platform: str | None = None) -> VlcLayout:
        platform = sys.platform if platform is None else platform
        if platform == "win32":
            return cls(root, root / "libvlc.dll", root / "libvlccore.dll", root / "plugins")
        if platform == "darwin":
            lib = root / "lib"
            return cls(root, lib / "libvlc.dylib", lib / "libvlccore.dylib", root / "plugins")
        lib = root / "lib"
        return cls(root, lib / "libvlc.so.5", lib / "libvlccore.so.9", lib / "vlc" / "plugins")


@dataclass(frozen=True, slots=True)
class LibvlcChoice:
    """What `prepare()` decided: a bundled VLC folder, or (a source install) python-vlc's own search."""

    layout: VlcLayout | None
    frozen: bool
    removed_variables: tuple[str, ...] = ()
    problem: str | None = None  # the bundle is damaged: no libvlc will be loaded at all

    @property
    def bundled(self) -> bool:
        return self.layout is not None


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def bundled_root() -> Path | None:
    """The VLC folder this installation carries, if it carries one."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "vlc"
    named = os.environ.get(ENV_DIR)
    if named:
        return Path(named)
    beside = Path(sys.executable).parent / "vlc"
    if VlcLayout.under(beside).libvlc.is_file():
        return beside
    return None


_choice: LibvlcChoice | None = None
_handles: list[object] = []  # keeps the pre-loaded libraries and DLL directories alive


def prepare() -> LibvlcChoice:
    """Choose the libvlc before python-vlc does (idempotent; call before `import vlc`)."""
    global _choice
    if _choice is not None:
        return _choice
    removed = tuple(v for v in FOREIGN_PLUGIN_VARIABLES if os.environ.pop(v, None) is not None)
    frozen = is_frozen()
    root = bundled_root()
    if root is None:
        _choice = LibvlcChoice(None, frozen, removed)
        return _choice
    layout = VlcLayout.under(root)
    problem = _load(layout)
    if problem is None:
        os.environ["PYTHON_VLC_LIB_PATH"] = str(layout.libvlc)
    _choice = LibvlcChoice(layout, frozen, removed, problem)
    return _choice


def choice() -> LibvlcChoice:
    return prepare()


def _load(layout: VlcLayout) -> str | None:
    """Pre-load libvlccore (python-vlc does not, given a path) and libvlc; a sentence on failure."""
    for path in (layout.libvlccore, layout.libvlc):
        if not path.is_file():
            return (
                f"the installation's own libvlc is missing ({path} not found); "
                "reinstall pocus-player"
            )
    if sys.platform == "win32":
        _handles.append(os.add_dll_directory(str(layout.root)))
    try:
        mode = getattr(ctypes, "RTLD_GLOBAL", 0)
        _handles.append(ctypes.CDLL(str(layout.libvlccore), mode=mode))
        _handles.append(ctypes.CDLL(str(layout.libvlc), mode=mode))
        # Debian's plugins find libvlc_pulse / libvlc_xcb_events through a RUNPATH into the
        # system's vlc folder; loaded first from the bundle, they are found by name.
        for helper in sorted(layout.libvlc.parent.glob("libvlc_*.so.[0-9]")):
            _handles.append(ctypes.CDLL(str(helper), mode=mode))
    except OSError as exc:
        return f"the installation's own libvlc cannot be loaded ({exc}); reinstall pocus-player"
    return None


class LibvlcUnavailable(ImportError):
    """The installation's libvlc is damaged: raised instead of falling back to another VLC."""


def require() -> LibvlcChoice:
    """`prepare()`, raising `LibvlcUnavailable` when the bundle cannot give a libvlc."""
    chosen = prepare()
    if chosen.problem is not None:
        raise LibvlcUnavailable(chosen.problem)
    return chosen
