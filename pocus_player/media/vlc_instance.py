"""The application's single libvlc instance, with libvlc's log routed to Python logging."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import platform
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable

import vlc

from pocus_player.media import libvlc_location

log = logging.getLogger(__name__)

# Arguments every instance gets. Captions are drawn by the app itself, so VLC
# must never pick up a clip.srt/clip.vtt lying next to the clip (a caption track
# inside VLC also made stop() hang for seconds). Late frames are never dropped
# and the decoder never skips frames: the media engine numbers frames by
# counting them, so every decoded frame has to reach it.
BASE_ARGS: tuple[str, ...] = (
    "--verbose=2",  # debug messages too: the engine waits on "Decoder wait done"
    "--quiet",  # ...through the log callback only: nothing on the console before it is set
    "--no-sub-autodetect-file",
    "--no-spu",
    "--no-video-title-show",
    "--no-snapshot-preview",
    "--no-osd",
    "--no-stats",
    "--no-drop-late-frames",
    "--no-skip-frames",
    "--no-avcodec-hurry-up",
    "--avcodec-skip-frame=0",
    "--no-avcodec-dr",
    "--avcodec-hw=none",
    "--text-renderer=tdummy",
    "--no-interact",
    "--ignore-config",
    "--no-media-library",
    "--no-lua",
)

# Messages from libvlc that the engine turns into user-facing faults.
LogListener = Callable[[int, str, str], None]  # (vlc level, module, message)

_VLC_TO_PY = {0: logging.DEBUG, 2: logging.DEBUG, 3: logging.DEBUG, 4: logging.WARNING}

_libc: ctypes.CDLL | None = None
if platform.machine() in ("x86_64", "AMD64", "i386", "i686") and sys.platform != "win32":
    # va_list is a plain pointer on these ABIs, so vsnprintf can format libvlc's messages.
    _libc = ctypes.CDLL(ctypes.util.find_library("c"))
    _libc.vsnprintf.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_void_p]
    _libc.vsnprintf.restype = ctypes.c_int


# glibc gives each new thread that meets lock contention its own malloc arena
# (up to 8 per core). libvlc starts fresh decoder and video output threads for
# every clip, and the pictures they allocate are freed on other threads, so
# each arena keeps its freed memory: over 200 clip loads RSS climbed ~115 KB
# per load while the bytes in use stayed flat (mallinfo2: 14 MB in use, 185 MB
# free inside 199 MB of arenas). Two arenas let that freed memory be reused:
# RSS then stays flat (~150 MB) over the same loads.
_MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # mallopt parameter number, from glibc's malloc.h
_arenas_limited = False


def limit_malloc_arenas() -> None:
    """Cap glibc's malloc arenas for the process (no-op elsewhere; call before libvlc starts)."""
    global _arenas_limited
    if _arenas_limited or not sys.platform.startswith("linux"):
        return
    _arenas_limited = True
    if platform.libc_ver()[0] != "glibc":
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    if mallopt(_M_ARENA_MAX, _MALLOC_ARENAS) != 1:
        log.debug("mallopt(M_ARENA_MAX) was refused")


_get_context = vlc.dll.libvlc_log_get_context
_get_context.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
_get_context.restype = None


def _format(fmt: bytes | None, args: ctypes.c_void_p | int | None) -> str:
    if fmt is None:
        return ""
    if _libc is None:
        return fmt.decode("utf-8", "replace")
    buf = ctypes.create_string_buffer(1024)
    _libc.vsnprintf(buf, len(buf), fmt, args)
    return buf.value.decode("utf-8", "replace")


class VlcRuntime:
    """Owns one libvlc instance; forwards its log to `logging` and to listeners.

    libvlc calls the log callback on its own threads; the callback only formats
    the text and hands it on, it never calls back into libvlc.
    """

    def __init__(self, extra_args: tuple[str, ...] = (), *, headless: bool = True) -> None:
        args = list(BASE_ARGS)
        if headless:
            # Frames go through video callbacks; no libvlc window ever touches Xlib.
            args.append("--no-xlib")
        args.extend(extra_args)
        self.args: tuple[str, ...] = tuple(args)
        limit_malloc_arenas()
        instance = vlc.Instance(list(args))
        if instance is None:
            if libvlc_location.choice().bundled:
                raise RuntimeError(
                    "the installation's own libvlc could not start (a plugin is missing "
                    "or damaged); reinstall pocus-player"
                )
            raise RuntimeError(
                "libvlc could not start: install VLC 3 (Debian: libvlc5, vlc-plugin-base, "
                "vlc-plugin-video-output)"
            )
        self.instance: vlc.Instance = instance
        self._listeners: list[LogListener] = []
        self._lock = threading.Lock()
        self._vlc_logger = logging.getLogger("pocus_player.media.libvlc")
        self._recent: OrderedDict[tuple[str, str], None] = OrderedDict()

        @vlc.CallbackDecorators.LogCb
        def _on_log(_data, level, ctx, fmt, args):  # type: ignore[no-untyped-def]
            try:
                module = b""
                if ctx:
                    mod_p, file_p, line = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_uint()
                    _get_context(ctx, ctypes.byref(mod_p), ctypes.byref(file_p), ctypes.byref(line))
                    module = mod_p.value or b""
                text = _format(fmt, args)
                mod = module.decode("utf-8", "replace") if module else ""
                key = (mod, text)
                with self._lock:
                    repeated = key in self._recent
                    self._recent[key] = None
                    self._recent.move_to_end(key)
                    while len(self._recent) > 64:
                        self._recent.popitem(last=False)
                if not repeated:  # libvlc repeats some errors for every audio block
                    self._vlc_logger.log(_VLC_TO_PY.get(level, logging.DEBUG), "%s: %s", mod, text)
                with self._lock:
                    listeners = list(self._listeners)
                for listener in listeners:
                    listener(level, mod, text)
            except Exception:  # a logging failure must never unwind into libvlc
                pass

        self._log_cb = _on_log  # keep the ctypes thunk alive as long as the instance
        self.instance.log_set(self._log_cb, None)

    def add_log_listener(self, listener: LogListener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def remove_log_listener(self, listener: LogListener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    @property
    def version(self) -> str:
        version: bytes = vlc.libvlc_get_version()
        return version.decode()

    def release(self) -> None:
        self.instance.log_unset()
        self.instance.release()


_shared: VlcRuntime | None = None
_shared_lock = threading.Lock()


def shared_runtime() -> VlcRuntime:
    """The app-wide libvlc instance (created on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = VlcRuntime()
        return _shared
