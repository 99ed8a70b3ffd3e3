"""Frame numbering replayed on recorded arrivals, and frames <-> media time (no libvlc, no Qt)."""

from __future__ import annotations

import pytest

from pocus_player.media.frame_numbering import (
    FrameTimeline,
    LibvlcClock,
    PictureNumbering,
    clip_frame_rate,
)

# Recorded from libvlc 3 playing a lossless 10 fps H.264 clip whose frames 4-6 are one
# picture held: (picture content, seconds since the first picture). libvlc shows each
# picture again ~57 ms after it (the next is not due yet); the held picture comes three
# times on the 100 ms cadence, each time followed by its redisplay.
RECORDED_10FPS_HELD = [
    (0, 0.0), (0, 0.0565), (1, 0.1111), (1, 0.1678), (2, 0.2111), (2, 0.2681),
    (3, 0.311), (3, 0.3685), (4, 0.4113), (4, 0.4691), (4, 0.5111), (4, 0.5691),
    (4, 0.611), (4, 0.6694), (5, 0.7111), (5, 0.7699), (6, 0.8111), (6, 0.8702),
    (7, 0.911), (7, 0.9706), (8, 1.011), (8, 1.0713), (9, 1.1111), (9, 1.1715),
    (10, 1.2111), (10, 1.2716), (11, 1.3111), (11, 1.3721), (12, 1.4111),
]  # fmt: skip


def digest(content: int) -> bytes:
    return b"picture-%d" % content


def replay(numbering: PictureNumbering, arrivals, start: float = 500.0) -> list[int | None]:
    out: list[int | None] = []
    for content, t in arrivals:
        numbered = numbering.number(digest(content), start + t)
        out.append(None if numbered is None else numbered.ticks[0])
    return out


@pytest.fixture
def numbering() -> PictureNumbering:
    n = PictureNumbering()
    n.configure(FrameTimeline(10.0))
    n.restart(forget=True)
    return n


def test_recorded_redisplays_are_not_frames_and_a_held_picture_is(numbering):
    numbers = replay(numbering, RECORDED_10FPS_HELD)
    assert [n for n in numbers if n is not None] == list(range(15))
    # every second arrival is libvlc showing the same picture again
    assert numbers[1::2] == [None] * 14
    assert numbering.redisplays == 14 and numbering.delivered == 15
    assert numbering.last_index == 14


def test_a_pause_moves_the_schedule_by_its_length(numbering):
    replay(numbering, RECORDED_10FPS_HELD[:6])  # frames 0-2, each shown again
    numbering.set_paused(True, 500.30)
    # while paused every picture is a redisplay, whenever it comes
    assert numbering.number(digest(2), 500.35) is None
    numbering.set_paused(False, 502.30)  # two seconds later
    # frame 3 two seconds late is new; the same picture again 57 ms later is not
    assert replay(numbering, [(3, 2.311), (3, 2.3685), (4, 2.4113)]) == [3, None, 4]


def test_a_picture_seen_before_puts_a_skipped_count_right(numbering):
    replay(numbering, RECORDED_10FPS_HELD[:8])  # frames 0-3
    numbering.restart()
    # played again from the start; libvlc skips frame 1
    assert replay(numbering, [(0, 1.0), (2, 1.2), (3, 1.3)], start=600.0) == [0, 2, 3]
    assert numbering.corrections == 1


def test_a_variable_rate_schedule_follows_the_pictures_own_times():
    """Pictures due at uneven times: a repeat inside a long gap is libvlc's redisplay, a
    repeat at the next picture's own (short) due time is a held picture, a new frame."""
    times = (0.0, 0.05, 0.10, 0.30, 0.35, 0.40, 0.60)
    n = PictureNumbering()
    n.configure(FrameTimeline(10.0, times))
    n.restart(forget=True)
    arrivals = [
        (0, 0.0), (1, 0.05), (2, 0.10), (2, 0.18),  # frame 2 shown again in its 200 ms gap
        (3, 0.30), (3, 0.35),  # frames 3 and 4 are one picture held, 50 ms apart
        (5, 0.40), (5, 0.48), (6, 0.60),
    ]  # fmt: skip
    assert replay(n, arrivals) == [0, 1, 2, None, 3, 4, 5, None, 6]
    assert n.redisplays == 2


def paused_after(
    stop: int, pause_s: float, *, with_sound: bool = False
) -> tuple[PictureNumbering, float]:
    """A 30 fps clip's frames 0..stop on time, then a pause of `pause_s`: (numbering, resume)."""
    rate = 30.0
    n = PictureNumbering()
    n.configure(FrameTimeline(rate), with_sound=with_sound)
    n.restart(forget=True)
    replay(n, [(i, i / rate) for i in range(stop + 1)], start=100.0)
    paused = 100.0 + stop / rate + 0.0003
    n.set_paused(True, paused)
    n.set_paused(False, paused + pause_s)
    return n, paused + pause_s


def test_a_picture_lost_on_resume_is_told_by_when_the_next_ones_come():
    # as recorded on a 4:4:4 clip: stop on 36, 61 ms paused, frame 37 never shown: the
    # first picture comes on frame 38's due time (moved by the pause), not at once, and the
    # next ones a whole frame later each, on their own times. After two such, the count
    # moves on.
    due_38 = 0.061 + 38 / 30  # after 100.0
    n, resumed = paused_after(36, 0.061)
    arrivals = [(38 + i, due_38 + i / 30 + 0.0004 * (i % 2)) for i in range(4)]
    assert replay(n, arrivals, start=100.0) == [37, 38, 40, 41]
    assert n.lost == 1
    # late for want of CPU: frame 37 comes on 38's time, and 38 (due already) right after it
    n, resumed = paused_after(36, 0.061)
    arrivals = [(37, due_38 + 0.001), (38, due_38 + 0.004), (39, due_38 + 1 / 30)]
    assert replay(n, arrivals, start=100.0) == [37, 38, 39]
    # or two late pictures, each a frame late: the third comes at once, on time
    n, resumed = paused_after(36, 0.061)
    arrivals = [(37, due_38), (38, due_38 + 1 / 30), (39, due_38 + 1 / 30 + 0.003)]
    assert replay(n, arrivals, start=100.0) == [37, 38, 39]
    assert n.lost == 0
    # the usual resume: the picture held ready comes at once, then the next on its time
    n, resumed = paused_after(36, 0.061)
    assert replay(n, [(37, resumed - 100.0 + 0.0013), (38, due_38)], start=100.0) == [37, 38]
    # or the next comes on its own due time (a pause too short to have one ready)
    n, resumed = paused_after(36, 0.005)
    assert replay(n, [(37, 0.005 + 37 / 30 + 0.002)], start=100.0) == [37]
    # late, but on no frame's time: the count stands
    n, resumed = paused_after(36, 0.061)
    assert replay(n, [(37, due_38 - 0.5 / 30), (38, due_38 + 0.5 / 30)], start=100.0) == [37, 38]
    # with sound libvlc resumes on the audio clock: the pictures' times say nothing
    n, resumed = paused_after(36, 0.061, with_sound=True)
    arrivals = [(38, due_38 + 0.0012), (39, due_38 + 1 / 30 + 0.0004)]
    assert replay(n, arrivals, start=100.0) == [37, 38]
    assert n.lost == 0


def test_gif_pictures_cover_their_ticks():
    n = PictureNumbering()
    n.configure(FrameTimeline(10.0), picture_ticks=(1, 3, 2))
    n.restart(forget=True)
    ticks = [n.number(digest(c), 1.0 + 0.1 * i) for i, c in enumerate((0, 1, 2, 2))]
    assert [t.ticks if t else None for t in ticks] == [range(0, 1), range(1, 4), range(4, 6), None]


def test_frame_timeline_maps_frames_and_milliseconds():
    tl = FrameTimeline(30000 / 1001)
    assert tl.frame_to_ms(30) == 1001 and tl.ms_to_frame(1001) == 30
    assert tl.ms_to_frame(1000) == 29  # frame 30 starts at 1001.0 ms
    assert all(abs(tl.frame_to_ms(n) - n * 1001 / 30) <= 0.5 for n in range(2000))
    assert all(tl.ms_to_frame(n * 1001 / 30) == n for n in range(2000))
    assert FrameTimeline(25.0).frame_start_ms(1) == 40
    assert FrameTimeline(25.0).frame_count(9.98) == 250


def test_the_frame_rate_is_the_probes_then_the_authors_then_25():
    assert clip_frame_rate(29.97, 30.0) == 29.97
    assert clip_frame_rate(None, 30.0) == 30.0
    assert clip_frame_rate(None, None) == 25.0


def test_libvlc_clock_estimates_between_its_coarse_updates():
    clock = LibvlcClock()
    assert clock.estimate(10.0, running=True, fallback_ms=120) == 120
    clock.note(1000, 10.0)
    assert clock.estimate(10.5, running=True, fallback_ms=0) == 1500
    assert clock.estimate(10.5, running=False, fallback_ms=0) == 1000
    clock.note(1000, 10.25)  # the same reading again does not move the base
    assert clock.estimate(10.75, running=True, fallback_ms=0) == 1750
