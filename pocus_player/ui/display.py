"""Is there a display Qt can open? Asked before Qt starts, since Qt aborts the process without one.

On Linux the app runs on Qt's xcb platform (see `app.create_qapp`); with no X server
`QApplication()` calls qFatal, which dumps core (exit 134) after a screen of plugin
names. Asking libxcb first turns that into one sentence and exit 1. Windows and macOS
always give a logged-in user a display, so nothing is checked there.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Mapping

# Qt platforms that draw without a window system: the caller asked for no display.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")


def display_problem(
    env: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """None when Qt can open its display; otherwise one plain sentence saying why not."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform in ("win32", "darwin") or platform.startswith("cygwin"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "xcb").split(":", 1)[0].split(";", 1)[0].strip()
    if qpa.startswith(HEADLESS_PLATFORMS):
        return None
    if qpa.startswith("wayland"):
        if env.get("WAYLAND_DISPLAY"):
            return None
        return "no display: QT_QPA_PLATFORM asks for Wayland but WAYLAND_DISPLAY is not set"
    display = env.get("DISPLAY", "")
    if not display:
        return (
            "no display: DISPLAY is not set; start pocus-player from a desktop session "
            "(on a machine without a screen: xvfb-run pocus-player)"
        )
    if not x_display_answers(display):
        return f"no display: the X display {display} does not answer (no X server there?)"
    return None


def x_display_answers(display: str) -> bool:
    """Whether an X server accepts a connection on `display` (True if libxcb is absent: Qt decides)."""
    xcb = None
    for name in (
        "libxcb.so.1",
        ctypes.util.find_library("xcb"),
    ):  # the soname first: no ldconfig run
        try:
            xcb = ctypes.CDLL(name) if name else None
        except OSError:
            continue
        if xcb is not None:
            break
    if xcb is None:
        return True
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_connection_has_error.restype = ctypes.c_int
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.restype = None
    conn = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(conn) and xcb.xcb_connection_has_error(conn) == 0
    finally:
        if conn:
            xcb.xcb_disconnect(conn)  # also frees the error object xcb returns on failure
