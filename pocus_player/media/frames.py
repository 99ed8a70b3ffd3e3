"""Numbered frames out of libvlc's video callbacks, and the thread-safe sink that numbers them.

libvlc renders each picture into one RV32 buffer and then calls `display` on
its video output thread when the picture is due. The sink copies the buffer,
gives the copy its frame number and a content fingerprint, and hands it on.

Frame numbers come from counting: after playback starts from the beginning
the first picture is frame 0, and with late-frame dropping and decoder frame
skipping switched off (see vlc_instance.BASE_ARGS) every following picture
is the next frame. Every picture's fingerprint is kept with its number; the
count is checked against the fingerprints: decoding is deterministic, so a frame seen before has the same
fingerprint when it is decoded again, which corrects the count should libvlc
ever skip or repeat a picture.

A GIF is numbered in ticks of its frame rate instead: `configure` takes how
many ticks each picture lasts (a GIF's frames may have different delays), and
a picture is handed on once per tick it covers, numbered by tick, so that to
the engine it is a clip of constant frame rate whose frame n starts at
n / frame_rate.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import itertools
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import vlc
from PySide6.QtGui import QImage

# How far a recognised picture may move the count (frames).
_MAX_CORRECTION = 3
# libvlc shows a picture again at least this render delay (4 ms plus the
# render time) before the next picture is due, and a new picture never before
# it is due: a repeat within this margin of the due time counts as new.
_DUE_TOLERANCE_S = 0.003
# How many recent pictures estimate the schedule (a few, so clock drift passes).
_SCHEDULE_PICTURES = 8


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
        self._next = 0
        self.corrections = 0
        self._stop_at: int | None = None
        self._by_index: dict[int, bytes] = {}
        self._by_print: dict[bytes, set[int]] = {}
        self.last_index = -1
        self.delivered = 0
        self.redisplays = 0
        self.frame_rate = 25.0
        self._starts: tuple[int, ...] | None = None  # tick each picture starts on, and the end
        self._paused = False
        self._prev_print: bytes | None = None
        self._prev_time = 0.0
        self.rate = 1.0
        # (monotonic time - number x period) of recent pictures shown on the
        # clock: the earliest is the schedule's start (see `_is_redisplay`)
        self._offsets: deque[float] = deque(maxlen=_SCHEDULE_PICTURES)
        self._off_clock = True  # the next new picture may be shown off the clock
        self._paused_at: float | None = None  # when libvlc was last asked to pause

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

    # -- configuration (any thread) ---------------------------------------

    def configure(
        self,
        width: int,
        height: int,
        frame_rate: float,
        picture_ticks: tuple[int, ...] | None = None,
    ) -> None:
        """Allocate the picture buffer libvlc renders into (call before playing).

        `picture_ticks`: how many ticks (at `frame_rate`) each picture lasts,
        for a clip whose pictures each differ from the one before (a GIF, its
        repeats merged): then an exact repeat is always libvlc showing the
        same picture again, whatever its timing. None: every picture is one
        tick, and repeats are told apart by their timing.
        """
        with self._lock:
            self.frame_rate = frame_rate
            self._starts = (
                tuple(itertools.accumulate(picture_ticks, initial=0)) if picture_ticks else None
            )
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
            self._next = 0
            self._stop_at = None
            self.last_index = -1
            self._prev_print = None
            self._paused = False
            self._paused_at = None
            self._offsets.clear()
            # a start or seek shows its first picture while paused, off the schedule
            self._off_clock = True
            if forget:
                self._by_index.clear()
                self._by_print.clear()

    def seed(self, prints: tuple[bytes, ...] | list[bytes]) -> None:
        """Fingerprints of frames 0, 1, ... known before playing (see first_frames).

        With them, a start that libvlc shows early is numbered by content: a
        dropped first picture, or the first one repeated on what looks like
        the frame cadence, is corrected as a picture seen before would be.
        """
        with self._lock:
            for index, digest in enumerate(prints):
                self._by_index[index] = digest
                self._by_print.setdefault(digest, set()).add(index)

    def stop_at(self, index: int | None) -> None:
        with self._lock:
            self._stop_at = index

    def set_paused(self, paused: bool) -> None:
        """Whether libvlc has been asked to pause (pictures then can only be redisplays)."""
        now = time.monotonic()
        with self._lock:
            self._paused = paused
            if paused:
                if self._paused_at is None:
                    self._paused_at = now
            elif self._paused_at is not None:
                # libvlc's clock stood still for as long as it was paused: the
                # schedule moves by that much (measured within ~1 ms). The
                # first picture after a pause comes early, off the schedule.
                moved = now - self._paused_at
                self._paused_at = None
                self._offsets = deque((o + moved for o in self._offsets), _SCHEDULE_PICTURES)
                self._prev_time += moved
                self._off_clock = True

    def set_rate(self, rate: float) -> None:
        """The playback rate libvlc was given (pictures are due `rate` times as often)."""
        with self._lock:
            self.rate = rate
            self._offsets.clear()

    def known(self, index: int) -> bool:
        with self._lock:
            return index in self._by_index

    def known_range(self, first: int, last: int) -> bool:
        with self._lock:
            return all(i in self._by_index for i in range(first, last + 1))

    def known_count(self) -> int:
        with self._lock:
            return len(self._by_index)

    def _ticks(self, count: int) -> range:
        """The ticks the count-th picture covers (just `count` for one-tick pictures)."""
        starts = self._starts
        if not starts:
            return range(count, count + 1)
        if count + 1 < len(starts):
            return range(starts[count], starts[count + 1])
        extra = starts[-1] + count - (len(starts) - 1)  # more pictures than announced
        return range(extra, extra + 1)

    # -- the video thread ---------------------------------------------------

    def _is_redisplay(self, now: float) -> bool:
        """Whether a picture equal to the previous one is libvlc showing it again.

        libvlc shows the current picture again ~80 ms after it last showed it
        (56-82 ms measured) whenever the next picture is not due by then, and
        when paused; the display callback cannot tell that from a new picture.
        A new picture is shown when it is due on the clip's schedule and never
        before, whereas a repeat comes before the next picture is due (libvlc
        repeats only when the next one is due later). So a repeat is new only
        at or after the due time of the next frame: the schedule is taken from
        the recent new pictures (each shown at or after its due time, so the
        earliest offset is the closest); a pause moves it by the pause's length.
        Until two pictures after a start or a seek agree on a schedule, the
        next is due one period after the previous new picture (itself shown at
        or after its due time). Clips faster than the repeat interval see no
        repeat while playing; one coming more than half a period late (decoding
        starved) is a repeat too.
        """
        if self._paused:
            return True
        if self._starts:
            return True  # no two pictures in a row are alike (see `configure`)
        period = 1.0 / (self.frame_rate * self.rate)
        if len(self._offsets) >= 2:
            due = min(self._offsets) + self._next * period
        else:
            due = self._prev_time + period
        return not due - _DUE_TOLERANCE_S <= now <= due + 0.5 * period

    def _note_schedule(self, now: float, index: int) -> None:
        """Remember when a new picture was shown, for the schedule (lock held)."""
        if self._off_clock:
            self._off_clock = False
            return
        period = 1.0 / (self.frame_rate * self.rate)
        offset = now - index * period
        if self._offsets and abs(offset - min(self._offsets)) > 0.25 * period:
            self._offsets.clear()  # not the schedule seen so far: start again from here
        self._offsets.append(offset)

    def _deliver(self) -> None:
        view = self._view
        if view is None:
            return
        now = time.monotonic()
        pixels = view.copy()  # no Qt on this thread (see bridge.py)
        digest = fingerprint(pixels)
        stop_hit = False
        with self._lock:
            repeat = digest == self._prev_print
            if repeat and self._is_redisplay(now):
                self.redisplays += 1
                return
            expected = self._next
            candidates = self._by_print.get(digest)
            index, identified = expected, False
            if candidates:
                if expected in candidates:
                    identified = True
                elif expected in self._by_index:
                    # A frame seen before under another number: libvlc skipped or
                    # repeated a picture; trust the picture over the count.
                    near = min(candidates, key=lambda i: (abs(i - expected), i))
                    if repeat and near == expected - 1:
                        # the frame just shown, shown again on what looked like
                        # the cadence (an early start's repeats)
                        self.redisplays += 1
                        return
                    if abs(near - expected) <= _MAX_CORRECTION:
                        index, identified = near, True
                        self.corrections += 1
            self._prev_print, self._prev_time = digest, now
            old = self._by_index.get(index)
            if old is not None and old != digest:
                self._by_print.get(old, set()).discard(index)
            self._by_index[index] = digest
            self._by_print.setdefault(digest, set()).add(index)
            self._next = index + 1
            self._note_schedule(now, index)
            ticks = self._ticks(index)
            self.last_index = ticks[-1]
            self.delivered += 1
            frames = [Frame(self.generation, n, pixels, digest, identified) for n in ticks]
            if self._stop_at is not None and ticks[-1] >= self._stop_at:
                self._stop_at = None
                self._paused = True
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
