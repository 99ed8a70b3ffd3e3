"""Where "the picture shown is frame N" is decided, and how frame numbers map to media time.

Three small parts, none of them Qt, libvlc or thread aware, so each can be
driven by hand in a test on recorded timestamps:

- `PictureNumbering` numbers the pictures libvlc's display callback delivers.
  After playback starts from the beginning the first picture is frame 0, and
  with late-frame dropping and decoder frame skipping switched off (see
  vlc_instance.BASE_ARGS) every following picture is the next frame. Every
  picture's fingerprint is kept with its number; the count is checked against
  the fingerprints: decoding is deterministic, so a frame seen before has the
  same fingerprint when it is decoded again, which corrects the count should
  libvlc ever skip or repeat a picture. A picture equal to the one before is
  told apart from libvlc showing that picture again by when it arrives
  (`_is_redisplay`). A GIF is numbered in ticks of its frame rate instead: a
  picture covers as many frame numbers as it lasts ticks.
- `FrameTimeline` (core.frame_timeline, re-exported here) maps a frame number
  to the media time it starts at and back: by the pictures' own presentation
  times when the probe read them, else by the clip's rate (the probe's, else
  the authored one). The numbering's schedule follows the same timeline.
- `LibvlcClock` estimates media time between libvlc's coarse clock updates,
  for narration (no pictures to count) and for native rendering.

`frames.FrameSink` feeds `PictureNumbering` on libvlc's video thread (under
its lock); the engine shows the numbered frames in order.
"""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass

from pocus_player.core.frame_timeline import (
    DEFAULT_FRAME_RATE,
    FrameTimeline,
    clip_frame_rate,
    clip_timeline,
)

__all__ = [
    "FrameTimeline",
    "LibvlcClock",
    "Numbered",
    "PictureNumbering",
    "clip_frame_rate",
    "clip_timeline",
]

# How far a recognised picture may move the count (frames).
_MAX_CORRECTION = 3
# libvlc shows a picture again at least this render delay (4 ms plus the
# render time) before the next picture is due, and a new picture never before
# it is due: a repeat within this margin of the due time counts as new.
_DUE_TOLERANCE_S = 0.003
# How many recent pictures estimate the schedule (a few, so clock drift passes).
_SCHEDULE_PICTURES = 8
# At most this many pictures lost when libvlc resumes from a pause (see `_lost_at_resume`),
# and how many pictures after the first must keep the later schedule to tell so.
_MAX_LOST_AT_RESUME = 2
_LOST_CONFIRMATIONS = 2


@dataclass(frozen=True, slots=True)
class Numbered:
    """A picture's frame numbers (one, or a GIF picture's ticks) and whether its content confirmed them."""

    ticks: range
    identified: bool


class PictureNumbering:
    """Numbers delivered pictures by count, corrected by content (see the module docstring).

    Not thread-safe: its owner (`frames.FrameSink`) holds a lock around every call.
    `now` is a monotonic time in seconds, passed in so tests can replay recorded arrivals.
    """

    def __init__(self) -> None:
        self._next = 0
        self.corrections = 0
        self.lost = 0  # pictures libvlc never showed, told by when the next one came
        self.redisplays = 0
        self.delivered = 0
        self.last_index = -1
        self.timeline = FrameTimeline(DEFAULT_FRAME_RATE)
        self.rate = 1.0
        self._by_index: dict[int, bytes] = {}
        self._by_print: dict[bytes, set[int]] = {}
        self._starts: tuple[int, ...] | None = None  # tick each picture starts on, and the end
        self._paused = False
        self._prev_print: bytes | None = None
        self._prev_time = 0.0
        # (monotonic time - number x period) of recent pictures shown on the
        # clock: the earliest is the schedule's start (see `_is_redisplay`)
        self._offsets: deque[float] = deque(maxlen=_SCHEDULE_PICTURES)
        self._off_clock = True  # the next new picture may be shown off the clock
        self._paused_at: float | None = None  # when libvlc was last asked to pause
        self._resumed_at: float | None = None  # when it was asked to play on, until a new picture
        # the pictures after a resume came on later frames' times: (when the last came,
        # how many frames later, how many pictures after the first kept that schedule)
        self._suspect: tuple[float, int, int] | None = None
        self._with_sound = False  # the clip has sound: libvlc resumes on the audio clock

    # -- set-up -------------------------------------------------------------

    @property
    def frame_rate(self) -> float:
        return self.timeline.frame_rate

    def configure(
        self,
        timeline: FrameTimeline,
        picture_ticks: tuple[int, ...] | None = None,
        *,
        with_sound: bool = False,
    ) -> None:
        """When the clip's pictures are due, and for a GIF how many ticks each lasts (see FrameSink.configure)."""
        self.timeline = timeline
        self._with_sound = with_sound
        self._starts = (
            tuple(itertools.accumulate(picture_ticks, initial=0)) if picture_ticks else None
        )

    def restart(self, *, forget: bool = False) -> None:
        """The next picture is frame 0 (playback starts from the beginning)."""
        self._next = 0
        self.last_index = -1
        self._prev_print = None
        self._paused = False
        self._paused_at = None
        self._resumed_at = None
        self._suspect = None
        self._offsets.clear()
        # a start or seek shows its first picture while paused, off the schedule
        self._off_clock = True
        if forget:
            self._by_index.clear()
            self._by_print.clear()

    def seed(self, prints: tuple[bytes, ...] | list[bytes]) -> None:
        """Fingerprints of frames 0, 1, ... known before playing (see first_frames)."""
        for index, digest in enumerate(prints):
            self._by_index[index] = digest
            self._by_print.setdefault(digest, set()).add(index)

    def set_paused(self, paused: bool, now: float) -> None:
        """Whether libvlc has been asked to pause (pictures then can only be redisplays)."""
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
            self._resumed_at = now
            self._suspect = None

    def hold(self) -> None:
        """The stop frame was delivered and libvlc is being asked to pause."""
        self._paused = True

    def set_rate(self, rate: float) -> None:
        """The playback rate libvlc was given (pictures are due `rate` times as often)."""
        self.rate = rate
        self._offsets.clear()

    def known(self, index: int) -> bool:
        return index in self._by_index

    def known_range(self, first: int, last: int) -> bool:
        return all(i in self._by_index for i in range(first, last + 1))

    def known_count(self) -> int:
        return len(self._by_index)

    # -- numbering ----------------------------------------------------------

    def number(self, digest: bytes, now: float) -> Numbered | None:
        """The frame number(s) of a picture delivered at `now`; None if it is a redisplay."""
        repeat = digest == self._prev_print
        if repeat and self._is_redisplay(now):
            self.redisplays += 1
            return None
        expected = self._next
        candidates = self._by_print.get(digest)
        if not repeat:
            resumed_at, self._resumed_at = self._resumed_at, None
            suspect, self._suspect = self._suspect, None
            if resumed_at is not None and not candidates:
                later = self._lost_at_resume(now, resumed_at, expected)
                self._suspect = (now, later, 0) if later else None
            elif suspect is not None and not candidates:
                last_at, later, kept = suspect
                if self._keeps_later_schedule(now, expected, last_at, later):
                    if kept + 1 < _LOST_CONFIRMATIONS:
                        self._suspect = (now, later, kept + 1)
                    else:
                        self.lost += later
                        expected += later
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
                    return None
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
        if self._suspect is None:  # (a suspect count does not move the schedule)
            self._note_schedule(now, index)
        ticks = self._ticks(index)
        self.last_index = ticks[-1]
        self.delivered += 1
        return Numbered(ticks, identified)

    def _due(self, index: int) -> float:
        """When frame `index` is due on the schedule (the pause moved it; see set_paused)."""
        return min(self._offsets) + self.timeline.frame_to_s(index) / self.rate

    def _on_due(self, now: float, index: int) -> bool:
        """Whether `now` is frame `index`'s due time, within a quarter of its gap."""
        return abs(now - self._due(index)) <= 0.25 * (self._due(index) - self._due(index - 1))

    def _lost_at_resume(self, now: float, resumed_at: float, expected: int) -> int:
        """How many frames later than `expected` the first picture after a resume came.

        On resume libvlc shows the picture it had ready before the pause at once,
        or the next picture on its own time; now and then (a clip whose pictures
        pass through a converter chain: 4:4:4, a declared size) it loses that
        picture, and the first to come is the one after, on its own time, by the
        schedule the pause moved (known within ~1 ms). A picture late for want of
        CPU can come then too; the next pictures tell (`_keeps_later_schedule`). Pictures
        seen before are numbered by their content instead. Not for a clip with
        sound: libvlc then restarts the pictures on the audio clock, and the first
        comes 35-60 ms after the resume whatever its schedule (measured at 60 fps).
        """
        if self._starts or self._with_sound or len(self._offsets) < 2:
            return 0
        period = self._due(expected + 1) - self._due(expected)
        if now - resumed_at < 0.5 * period or now < self._due(expected) + 0.75 * period:
            return 0  # the picture held ready, shown at once, or the expected one on time
        for later in range(1, _MAX_LOST_AT_RESUME + 1):
            if self._on_due(now, expected + later):
                return later
        return 0  # late, on no frame's time: keep the count

    def _keeps_later_schedule(self, now: float, expected: int, last_at: float, later: int) -> bool:
        """Whether this picture, too, comes a whole gap after the last, on the later schedule.

        A picture late for want of CPU is soon followed at once by the next (due
        already); after a loss each next picture comes a whole gap later, on its
        own time. `_LOST_CONFIRMATIONS` such pictures tell a loss.
        """
        gap = self._due(expected + later) - self._due(expected + later - 1)
        return now - last_at >= 0.75 * gap and self._on_due(now, expected + later)

    def _ticks(self, count: int) -> range:
        """The ticks the count-th picture covers (just `count` for one-tick pictures)."""
        starts = self._starts
        if not starts:
            return range(count, count + 1)
        if count + 1 < len(starts):
            return range(starts[count], starts[count + 1])
        extra = starts[-1] + count - (len(starts) - 1)  # more pictures than announced
        return range(extra, extra + 1)

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
        starved) is a repeat too. Pictures are due at their own times (`timeline`):
        a variable-rate clip's uneven gaps are its schedule.
        """
        if self._paused:
            return True
        if self._starts:
            return True  # no two pictures in a row are alike (see FrameSink.configure)
        # the gap before the next picture: its own, on a variable-rate clip
        period = self.timeline.span_s(self._next - 1, self._next) / self.rate
        if len(self._offsets) >= 2:
            due = min(self._offsets) + self.timeline.frame_to_s(self._next) / self.rate
        else:
            due = self._prev_time + period
        return not due - _DUE_TOLERANCE_S <= now <= due + 0.5 * period

    def _note_schedule(self, now: float, index: int) -> None:
        """Remember when a new picture was shown, for the schedule."""
        if self._off_clock:
            self._off_clock = False
            return
        period = 1.0 / (self.frame_rate * self.rate)
        offset = now - self.timeline.frame_to_s(index) / self.rate
        if self._offsets and abs(offset - min(self._offsets)) > 0.25 * period:
            self._offsets.clear()  # not the schedule seen so far: start again from here
        self._offsets.append(offset)


class LibvlcClock:
    """Media time between libvlc's clock updates (every ~250 ms), estimated on a monotonic clock."""

    def __init__(self) -> None:
        self.value = -1  # the last time libvlc reported (ms), -1 before the first
        self.at = 0.0  # when it was read (monotonic seconds)

    def reset(self, now: float) -> None:
        self.value, self.at = -1, now

    def set(self, ms: int, now: float) -> None:
        self.value, self.at = ms, now

    def note(self, reported_ms: int, now: float) -> None:
        """A reading of libvlc's clock; only a change moves the estimate's base."""
        if reported_ms >= 0 and reported_ms != self.value:
            self.value, self.at = reported_ms, now

    def estimate(self, now: float, *, running: bool, fallback_ms: int) -> int:
        """Media time now: the last reading, plus the time since while running."""
        if self.value < 0:
            return max(0, fallback_ms)
        if not running:
            return self.value
        return int(self.value + (now - self.at) * 1000)
