"""Numbered frames out of libvlc's video callbacks, and the thread-safe sink that numbers them.

libvlc renders each picture into one RV32 buffer and then calls `display` on
its video output thread when the picture is due. The sink copies the buffer,
gives the copy its frame number and a content fingerprint, and hands it on.
The number itself is decided in frame_numbering.PictureNumbering (by count,
corrected by content); the sink only feeds it under a lock and says when the
stop frame arrives.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import vlc
from PySide6.QtGui import QImage

from pocus_player.media.frame_numbering import FrameTimeline, PictureNumbering


@dataclass(slots=True, eq=False)
class Frame:
    """One decoded picture: 32-bit pixels in QImage.Format_RGB32 layout."""

    generation: int
    index: int
    pixels: np.ndarray  # (height, width, 4) uint8: B, G, R, X
    fingerprint: bytes
    identified: bool  # the number was confirmed by fingerprint, not only counted

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])

    def to_qimage(self) -> QImage:
        """A QImage owning a copy of the pixels (call on the GUI thread)."""
        h, w = self.height, self.width
        image = QImage(w, h, QImage.Format.Format_RGB32)
        bits = image.bits()
        np.frombuffer(bits, np.uint8, count=h * w * 4)[:] = self.pixels.reshape(-1)
        del bits
        return image


def fingerprint(pixels: np.ndarray) -> bytes:
    """A short digest of a subsample of the picture; equal pictures give equal digests."""
    step_y = max(1, pixels.shape[0] // 96)
    step_x = max(1, pixels.shape[1] // 96)
    sample = np.ascontiguousarray(pixels[::step_y, ::step_x, :3])
    return hashlib.blake2b(sample.tobytes(), digest_size=16).digest()


class FrameSink:
    """Receives pictures on libvlc's video thread; numbers them; never calls libvlc.

    `on_frame(frame)` runs on the video thread and must only queue work.
    `on_stop_frame(frame)` runs there too, as soon as the frame number set with
    `stop_at()` is delivered, so the caller can ask for a pause with the least
    possible delay.
    """

    def __init__(
        self,
        on_frame: Callable[[Frame], None],
        on_stop_frame: Callable[[Frame], None],
    ) -> None:
        self._on_frame = on_frame
        self._on_stop_frame = on_stop_frame
        self._lock = threading.Lock()
        self._buffer: ctypes.Array[ctypes.c_uint8] | None = None
        self._view: np.ndarray | None = None
        self._address = 0
        self.generation = 0
        self._stop_at: int | None = None
        self.numbering = PictureNumbering()

        @vlc.CallbackDecorators.VideoLockCb
        def _lock_cb(_opaque, planes):  # type: ignore[no-untyped-def]
            planes[0] = self._address
            return None

        @vlc.CallbackDecorators.VideoDisplayCb
        def _display_cb(_opaque, _picture):  # type: ignore[no-untyped-def]
            # never let an exception unwind into libvlc's video thread
            with contextlib.suppress(Exception):
                self._deliver()

        self.lock_cb = _lock_cb
        self.display_cb = _display_cb

    # -- what the numbering knows (plain reads, as from any thread) ----------

    @property
    def last_index(self) -> int:
        """The highest frame number delivered since the last restart (-1 before one)."""
        return self.numbering.last_index

    @property
    def delivered(self) -> int:
        return self.numbering.delivered

    @property
    def redisplays(self) -> int:
        return self.numbering.redisplays

    @property
    def corrections(self) -> int:
        return self.numbering.corrections

    @property
    def frame_rate(self) -> float:
        return self.numbering.frame_rate

    @property
    def rate(self) -> float:
        return self.numbering.rate

    # -- configuration (any thread) ---------------------------------------

    def configure(
        self,
        width: int,
        height: int,
        timeline: FrameTimeline,
        picture_ticks: tuple[int, ...] | None = None,
        *,
        with_sound: bool = False,
    ) -> None:
        """Allocate the picture buffer libvlc renders into (call before playing).

        `timeline`: when each picture is due (the numbering's schedule).
        `picture_ticks`: how many ticks (at the timeline's rate) each picture lasts,
        for a clip whose pictures each differ from the one before (a GIF, its
        repeats merged): then an exact repeat is always libvlc showing the
        same picture again, whatever its timing. None: every picture is one
        tick, and repeats are told apart by their timing. `with_sound`: the clip
        has an audio track (libvlc then resumes on the audio clock).
        """
        with self._lock:
            self.numbering.configure(timeline, picture_ticks, with_sound=with_sound)
            size = width * height * 4
            if self._buffer is None or len(self._buffer) < size:
                self._buffer = (ctypes.c_uint8 * size)()
                self._address = ctypes.addressof(self._buffer)
            self._view = np.frombuffer(memoryview(self._buffer), np.uint8, count=size).reshape(
                height, width, 4
            )

    def restart(self, generation: int, *, forget: bool = False) -> None:
        """The next picture is frame 0 (playback starts from the beginning)."""
        with self._lock:
            self.generation = generation
            self._stop_at = None
            self.numbering.restart(forget=forget)

    def seed(self, prints: tuple[bytes, ...] | list[bytes]) -> None:
        """Fingerprints of frames 0, 1, ... known before playing (see first_frames).

        With them, a start that libvlc shows early is numbered by content: a
        dropped first picture, or the first one repeated on what looks like
        the frame cadence, is corrected as a picture seen before would be.
        """
        with self._lock:
            self.numbering.seed(prints)

    def stop_at(self, index: int | None) -> None:
        with self._lock:
            self._stop_at = index

    def set_paused(self, paused: bool) -> None:
        """Whether libvlc has been asked to pause (pictures then can only be redisplays)."""
        now = time.monotonic()
        with self._lock:
            self.numbering.set_paused(paused, now)

    def set_rate(self, rate: float) -> None:
        """The playback rate libvlc was given (pictures are due `rate` times as often)."""
        with self._lock:
            self.numbering.set_rate(rate)

    def known(self, index: int) -> bool:
        with self._lock:
            return self.numbering.known(index)

    def known_range(self, first: int, last: int) -> bool:
        with self._lock:
            return self.numbering.known_range(first, last)

    def known_count(self) -> int:
        with self._lock:
            return self.numbering.known_count()

    # -- the video thread ---------------------------------------------------

    def _deliver(self) -> None:
        view = self._view
        if view is None:
            return
        now = time.monotonic()
        pixels = view.copy()  # no Qt on this thread (see bridge.py)
        digest = fingerprint(pixels)
        stop_hit = False
        with self._lock:
            numbered = self.numbering.number(digest, now)
            if numbered is None:
                return  # libvlc showing the same picture again
            ticks = numbered.ticks
            frames = [Frame(self.generation, n, pixels, digest, numbered.identified) for n in ticks]
            if self._stop_at is not None and ticks[-1] >= self._stop_at:
                self._stop_at = None
                self.numbering.hold()
                stop_hit = True
        if stop_hit:
            self._on_stop_frame(frames[0])
        for frame in frames:
            self._on_frame(frame)


class FrameQueue:
    """Frames handed from the video thread to the GUI thread."""

    def __init__(self) -> None:
        self._q: deque[Frame] = deque()
        self._lock = threading.Lock()

    def put(self, frame: Frame) -> None:
        with self._lock:
            self._q.append(frame)

    def drain(self) -> list[Frame]:
        with self._lock:
            items = list(self._q)
            self._q.clear()
        return items
