"""Frame numbering in the sink, driven without libvlc (the picture buffer is written directly)."""

from __future__ import annotations

import numpy as np
import pytest

from pocus_player.core.frame_timeline import FrameTimeline
from pocus_player.media import frames as frames_mod
from pocus_player.media.frames import Frame, FrameSink, fingerprint


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def rig(monkeypatch):  # type: ignore[no-untyped-def]
    clock = Clock()
    monkeypatch.setattr(frames_mod.time, "monotonic", clock)
    got: list[Frame] = []
    stops: list[int] = []
    sink = FrameSink(got.append, lambda f: stops.append(f.index))
    sink.configure(16, 8, FrameTimeline(25.0))
    sink.restart(1, forget=True)
    return sink, clock, got, stops


def show(sink: FrameSink, clock: Clock, value: int, dt: float = 0.04) -> None:
    clock.t += dt
    sink._view[...] = value  # what libvlc would render into the buffer
    sink._deliver()


def test_pictures_are_numbered_in_order_and_stop_fires_on_the_target(rig):
    sink, clock, got, stops = rig
    sink.stop_at(3)
    for v in range(6):
        show(sink, clock, v * 10)
    assert [f.index for f in got] == [0, 1, 2, 3, 4, 5]
    assert stops == [3]
    assert got[2].pixels[0, 0, 0] == 20 and got[2].width == 16 and got[2].height == 8


def test_redisplays_while_paused_or_off_cadence_are_not_counted(rig):
    sink, clock, got, _ = rig
    show(sink, clock, 1)
    show(sink, clock, 2)
    sink.set_paused(True)
    show(sink, clock, 2, dt=0.063)  # libvlc repeating the picture while paused
    show(sink, clock, 2, dt=0.063)
    sink.set_paused(False)
    show(sink, clock, 2, dt=0.2)  # repeated after a stall: not a new frame either
    show(sink, clock, 3, dt=0.04)
    assert [f.index for f in got] == [0, 1, 2]
    assert sink.redisplays == 3


def test_a_genuinely_repeated_frame_on_cadence_is_counted(rig):
    sink, clock, got, _ = rig
    for v in (5, 5, 6):
        show(sink, clock, v, dt=0.04)  # 25 fps cadence
    assert [f.index for f in got] == [0, 1, 2]


def test_a_picture_seen_before_corrects_a_skipped_count(rig):
    sink, clock, got, _ = rig
    for v in range(5):
        show(sink, clock, v * 7)
    sink.restart(2)  # played again from the start; libvlc then skips frame 1
    show(sink, clock, 0)
    show(sink, clock, 14)
    show(sink, clock, 21)
    assert [f.index for f in got[5:]] == [0, 2, 3]
    assert got[6].identified and sink.corrections == 1


def test_fingerprint_depends_on_the_picture_only():
    a = np.zeros((240, 320, 4), np.uint8)
    b = a.copy()
    assert fingerprint(a) == fingerprint(b)
    b[100, 100, 1] = 1
    c = a.copy()
    c[:, :, 3] = 255  # the unused X byte does not count
    assert fingerprint(c) == fingerprint(a)
    assert len(fingerprint(a)) == 16


def test_a_seeded_start_that_drops_the_first_picture_is_numbered_by_content(rig):
    sink, clock, got, _ = rig
    sink.seed([fingerprint(np.full((8, 16, 4), v, np.uint8)) for v in (0, 10, 20, 30)])
    for v in (10, 20, 30, 40):  # libvlc never showed frame 0
        show(sink, clock, v)
    assert [f.index for f in got] == [1, 2, 3, 4]
    assert got[0].identified and sink.corrections == 1


def test_a_seeded_start_shown_early_does_not_count_its_repeats(rig):
    sink, clock, got, _ = rig
    sink.seed([fingerprint(np.full((8, 16, 4), v, np.uint8)) for v in (0, 10, 20)])
    show(sink, clock, 0)
    for _ in range(9):  # frame 0 again every 57 ms until frame 1 is due ~0.58 s later
        show(sink, clock, 0, dt=0.057)
    show(sink, clock, 10, dt=0.067)
    show(sink, clock, 20)
    assert [f.index for f in got] == [0, 1, 2]
    assert sink.redisplays == 9
