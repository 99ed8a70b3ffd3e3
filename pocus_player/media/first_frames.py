"""Fingerprints of a clip's first frames, decoded apart from playback, to number an unreliable start.

The media engine numbers pictures by counting from frame 0. In MPEG program
and transport streams the first picture's time stamp lies some way after the
stream clock starts (0.54 s in the corpus clips), and libvlc shows that first
picture at once, early: then it either repeats it until the second one is due
(every ~57 ms, which can pass for new frames at 25 fps) or, when playback
resumes late, drops it because the second is already due. Measured: one start
in four numbered wrong with both cores busy (11 of 45), whether or not the start
seeks to 0. Stepping a paused player was no cure: with the clock not yet
running it lost or skipped pictures in one run in three under the same load.

So the first frames are decoded a second way, where no clock and no video
output can drop a picture: libvlc's stream output transcodes them to RV32,
the engine's own picture format, and hands each one to a callback (`smem`,
with its time sync off, so it runs as fast as it decodes: ~20 ms for 24
frames of a corpus clip). Their fingerprints let the frame sink recognise
frames 0..n by content and correct the count (see `FrameSink.seed`).
Measured: the same fingerprints as ffmpeg's decode of those frames.
"""

from __future__ import annotations

import contextlib
import ctypes
import threading
import time
from pathlib import Path

import numpy as np
import vlc

from pocus_player.media.frames import fingerprint

# Files whose starts libvlc shows early (first time stamp after the clock start).
MPEG_STREAM_SUFFIXES = frozenset({".mpg", ".mpeg", ".vob", ".ts", ".m2ts", ".mts", ".m2v", ".mpv"})
# Enough frames to cover a dropped first picture and the repeats before the
# second one is due (up to ~0.6 s at 25 fps), with room to spare.
FIRST_FRAMES = 24
_WAIT_S = 5.0

# smem's callbacks: (data, &buffer, size) before a picture is written, and
# (data, buffer, width, height, bits per pixel, size, pts) after.
_PRERENDER = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_size_t
)
_POSTRENDER = ctypes.CFUNCTYPE(
    None,
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_size_t,
    ctypes.c_int64,
)


def needs_first_frames(path: Path) -> bool:
    """Whether libvlc's start of this file can show its first picture early."""
    return Path(path).suffix.lower() in MPEG_STREAM_SUFFIXES


def first_frame_prints(
    instance: vlc.Instance,
    path: Path,
    width: int,
    height: int,
    count: int = FIRST_FRAMES,
) -> tuple[bytes, ...]:
    """Fingerprints of frames 0..count-1 of `path` as RV32 pictures of width x height.

    Fewer when the file has fewer frames; empty when it cannot be decoded this
    way or its pictures come out at another size (the engine then counts).
    """
    collector = _PrintCollector(width, height, count)
    _transcode(instance, path, collector)
    if collector.wrong_size:
        return ()
    return tuple(collector.prints)


class _PrintCollector:
    """smem's two callbacks: a buffer for each picture, then its fingerprint (libvlc's thread)."""

    def __init__(self, width: int, height: int, count: int) -> None:
        self.width, self.height, self.count = width, height, count
        self.buffers: list[ctypes.Array[ctypes.c_uint8]] = []
        self.prints: list[bytes] = []
        self.done = threading.Event()
        self.wrong_size = False

        @_PRERENDER
        def _prerender(_data, buffer_out, size):  # type: ignore[no-untyped-def]
            if not self.buffers or len(self.buffers[0]) < size:
                self.buffers[:] = [(ctypes.c_uint8 * size)()]
            buffer_out[0] = ctypes.addressof(self.buffers[0])

        @_POSTRENDER
        def _postrender(_data, _buffer, _w, _h, _bpp, size, _pts):  # type: ignore[no-untyped-def]
            with contextlib.suppress(Exception):  # never unwind into libvlc's thread
                self._picture(size)

        # kept here: libvlc calls them for as long as the transcoder runs
        self._callbacks = (_prerender, _postrender)

    def _picture(self, size: int) -> None:
        width, height = self.width, self.height
        if self.done.is_set():
            return
        rows = size // (width * 4) if width else 0
        if rows != height or size != width * height * 4:
            self.wrong_size = True
            self.done.set()
            return
        pixels = np.frombuffer(memoryview(self.buffers[0]), np.uint8, count=size).reshape(
            height, width, 4
        )
        self.prints.append(fingerprint(pixels))
        if len(self.prints) >= self.count:
            self.done.set()

    def sout(self) -> str:
        """The stream output chain: transcode to RV32 and hand each picture to the callbacks."""
        pre, post = (ctypes.cast(cb, ctypes.c_void_p).value for cb in self._callbacks)
        return (
            "#transcode{vcodec=RV32,acodec=none}:"
            f"smem{{video-prerender-callback={pre},video-postrender-callback={post},"
            "time-sync=false}"
        )


_END_EVENTS = (vlc.EventType.MediaPlayerEndReached, vlc.EventType.MediaPlayerEncounteredError)


def _transcode(instance: vlc.Instance, path: Path, collector: _PrintCollector) -> None:
    """Play `path` through the collector until it has its pictures, the file ends, or time is up."""
    media = instance.media_new_path(str(path))
    media.add_option(f":sout={collector.sout()}")
    media.add_option(":no-sout-audio")
    media.add_option(":no-sout-spu")
    player = instance.media_player_new()
    player.audio_output_set("adummy")
    player.set_media(media)
    media.release()
    ended = threading.Event()
    events = player.event_manager()
    for kind in _END_EVENTS:
        events.event_attach(kind, lambda _e: ended.set())
    done = collector.done
    try:
        player.play()
        deadline = time.monotonic() + _WAIT_S
        while not done.is_set() and not ended.is_set() and time.monotonic() < deadline:
            done.wait(0.01)
    finally:
        done.set()  # no more fingerprints while the transcoder stops
        player.stop()
        for kind in _END_EVENTS:
            events.event_detach(kind)
        player.release()
