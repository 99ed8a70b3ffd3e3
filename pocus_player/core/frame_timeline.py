"""Frame numbers and media time: frame N is the N-th picture the file shows, at its own time.

A clip's pictures are not always evenly spaced: a phone or a QuickTime screen
recording writes a variable rate, and an average rate puts a mid-clip picture
several frames away from its own timestamp. So frame N starts at the N-th
picture's presentation time, and the frame shown at time t is the last picture
that starts at or before t. A constant rate stands in only where no picture
times are known (a container whose tables are not read, media not probed) and
for a GIF, whose frames are ticks of its frame rate (see media.probe.GifTiming).

Qt and libvlc free: the loader, the simulator and the review tools use the same
timeline as the media engine, built from the same probe facts (`clip_timeline`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from pocus_player.core.media_info import MediaInfo

DEFAULT_FRAME_RATE = 25.0
# Keeps 00:01.000 at 30 fps on frame 30, not on 29.999...
_EPSILON_S = 1e-6


@dataclass(frozen=True, slots=True)
class FrameTimeline:
    """Frame numbers <-> media time of one clip: by its pictures' times, else by a rate.

    `picture_times[n]` is when picture n is shown, in seconds from the first
    picture. `frame_rate` numbers frames when no times are known, and counts on
    past the last picture (frames there do not exist; a seek is clamped first).
    """

    frame_rate: float = DEFAULT_FRAME_RATE
    picture_times: tuple[float, ...] | None = field(default=None, repr=False)

    @property
    def by_pictures(self) -> bool:
        """Whether frames follow the pictures' own times (else the constant rate)."""
        return self.picture_times is not None

    def frame_to_s(self, index: int) -> float:
        """When frame `index` starts (s)."""
        times = self.picture_times
        if not times or index < 0:
            return index / self.frame_rate
        if index < len(times):
            return times[index]
        return times[-1] + (index - len(times) + 1) / self.frame_rate

    def s_to_frame(self, seconds: float) -> int:
        """The frame on screen at media time `seconds`."""
        times = self.picture_times
        if not times:
            return int(seconds * self.frame_rate + _EPSILON_S)
        return max(0, bisect.bisect_right(times, seconds + _EPSILON_S) - 1)

    def frame_to_ms(self, index: int) -> int:
        """When frame `index` starts, rounded to the nearest millisecond."""
        return round(self.frame_to_s(index) * 1000.0)

    def frame_start_ms(self, index: int) -> int:
        """When frame `index` starts, rounded down (a seek there shows the frame itself)."""
        return int(self.frame_to_s(index) * 1000.0 + _EPSILON_S)

    def ms_to_frame(self, ms: float) -> int:
        """The frame on screen at `ms`, a time rounded to the millisecond (frame_to_ms's inverse)."""
        return self.s_to_frame((ms + 0.5) / 1000.0)

    def span_s(self, first: int, last: int) -> float:
        """Media time from frame `first` to frame `last` (negative when `last` comes first)."""
        return self.frame_to_s(last) - self.frame_to_s(first)

    def frame_count(self, duration_s: float) -> int:
        """Frames in the clip: its pictures when known, else its duration times the rate."""
        if self.picture_times:
            return len(self.picture_times)
        return round(duration_s * self.frame_rate)


def clip_frame_rate(probed: float | None, authored: float | None) -> float:
    """The rate a clip is numbered at: the probe's, else the authored one, else 25."""
    return probed or authored or DEFAULT_FRAME_RATE


def clip_timeline(info: MediaInfo | None, authored_rate: float | None = None) -> FrameTimeline:
    """The timeline of a clip with these probe facts (None: not probed) and authored rate."""
    rate = clip_frame_rate(info.frame_rate if info else None, authored_rate)
    times = info.frame_times if info is not None and not info.frames_are_ticks else None
    if not times or len(times) < 2 or any(b < a for a, b in zip(times, times[1:], strict=False)):
        return FrameTimeline(rate)
    return FrameTimeline(rate, tuple(times))
