"""Frame numbers <-> media time by the pictures' own times (variable rate), else by a rate."""

from __future__ import annotations

import bisect
import random

import pytest

from pocus_player.core.frame_timeline import (
    DEFAULT_FRAME_RATE,
    FrameTimeline,
    clip_frame_rate,
    clip_timeline,
)
from pocus_player.core.media_info import MediaInfo
from pocus_player.core.model import Checkpoint


def vfr_times(count: int = 192, seed: int = 3) -> tuple[float, ...]:
    """Picture times of a nominal 60 fps clip with frames dropped irregularly (gaps of 1-3)."""
    rng = random.Random(seed)
    ticks, tick = [], 0
    for _ in range(count):
        ticks.append(tick)
        tick += rng.choice((1, 1, 2, 3))
    return tuple(t / 60 for t in ticks)


def video(times: tuple[float, ...] | None, rate: float = 48.0, **kw: object) -> MediaInfo:
    return MediaInfo(
        duration_s=4.0,
        frame_rate=rate,
        width=320,
        height=240,
        has_video=True,
        has_audio=True,
        frame_count=len(times) if times else None,
        frame_times=times,
        variable_frame_rate=True,
        **kw,  # type: ignore[arg-type]
    )


def test_frame_n_is_the_nth_picture_at_its_own_time() -> None:
    times = vfr_times()
    tl = FrameTimeline(48.0, times)
    assert tl.by_pictures
    for n in range(len(times)):
        assert tl.frame_to_s(n) == times[n]
        assert tl.s_to_frame(times[n]) == n  # a picture is on screen from its own time
        assert tl.ms_to_frame(tl.frame_to_ms(n)) == n  # rounded to the ms, and back
        assert tl.frame_start_ms(n) <= times[n] * 1000 < tl.frame_start_ms(n) + 1
    assert tl.frame_count(4.0) == len(times)


def test_a_time_is_on_the_picture_shown_then_not_on_an_average_rate() -> None:
    times = vfr_times()
    tl = FrameTimeline(48.0, times)
    rng = random.Random(5)
    worst_by_rate = 0
    for _ in range(500):
        t = rng.uniform(0, times[-1])
        shown = bisect.bisect_right(times, t) - 1
        assert tl.s_to_frame(t) == shown
        assert Checkpoint("c", t, None, ()).target_frame(tl) == shown
        worst_by_rate = max(worst_by_rate, abs(FrameTimeline(48.0).s_to_frame(t) - shown))
    assert worst_by_rate >= 3  # what an average rate gets wrong on this clip
    # an authored frame's time is its picture's
    assert Checkpoint("f", None, 100, ()).target_time(tl) == times[100]


def test_before_the_first_and_after_the_last_picture() -> None:
    tl = FrameTimeline(10.0, (0.0, 0.1, 0.3))
    assert tl.s_to_frame(-1.0) == 0
    assert tl.s_to_frame(0.299) == 1 and tl.s_to_frame(5.0) == 2  # the last stays on screen
    assert tl.frame_to_s(3) == pytest.approx(0.4)  # counts on at the rate past the end
    assert tl.span_s(0, 2) == pytest.approx(0.3) and tl.span_s(2, 1) == pytest.approx(-0.2)


def test_constant_rate_when_no_picture_times_are_known() -> None:
    tl = FrameTimeline(30000 / 1001)
    assert not tl.by_pictures
    assert tl.frame_to_ms(30) == 1001 and tl.ms_to_frame(1001) == 30
    assert tl.ms_to_frame(1000) == 29
    assert all(tl.ms_to_frame(tl.frame_to_ms(n)) == n for n in range(3000))
    assert FrameTimeline(30.0).s_to_frame(1.0) == 30  # 00:01.000 is frame 30, not 29.999
    assert FrameTimeline(25.0).frame_count(9.98) == 250


def test_clip_timeline_from_probe_facts() -> None:
    times = vfr_times()
    assert clip_timeline(video(times)) == FrameTimeline(48.0, times)
    # no facts, no times, a single picture or unordered times: the rate
    assert clip_timeline(None, 12.0) == FrameTimeline(12.0)
    assert clip_timeline(None) == FrameTimeline(DEFAULT_FRAME_RATE)
    assert clip_timeline(video(None)) == FrameTimeline(48.0)
    assert clip_timeline(video((0.0,))) == FrameTimeline(48.0)
    assert clip_timeline(video((0.0, 0.2, 0.1))) == FrameTimeline(48.0)
    # a GIF's frames are ticks of its rate, whatever its pictures' times
    gif = video((0.0, 0.1, 0.3), rate=10.0, frames_are_ticks=True)
    assert clip_timeline(gif) == FrameTimeline(10.0)
    assert clip_frame_rate(29.97, 30.0) == 29.97 and clip_frame_rate(None, 30.0) == 30.0
