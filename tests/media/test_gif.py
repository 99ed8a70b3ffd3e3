"""Animated GIFs on real libvlc: probe facts, every frame in order, exact checkpoints, loops, delays."""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from pocus_player.core.clock import VirtualClock
from pocus_player.core.errors import CaseValidationError
from pocus_player.core.journal_api import MemoryJournal
from pocus_player.core.loader import load_case_text
from pocus_player.core.media_info import MediaProbeError
from pocus_player.core.model import Checkpoint
from pocus_player.core.session import ExamSession
from pocus_player.media.engine import MediaEngine, State
from pocus_player.media.probe import VlcMediaProbe, gif_media_options, gif_timing
from tests.core.factories import branching_case
from tests.media.media_fixtures import (
    encode_pattern,
    load,
    pattern_frames,
    pattern_number,
    qimage_array,
    shown_number,
)

GIF_SIZE = (320, 240)  # the frame number needs 16 blocks of 20 pixels
# Mixed delays (centiseconds): ticks of 10 cs, so 10 frames a second and 19 ticks in all.
MIXED_DELAYS_CS = (10, 30, 10, 20, 50, 10, 40, 20)
# A hold: the picture numbered 10 stays for three frames.
HOLD_NUMBERS = (*range(11), 10, 10, *range(11, 20))


def mixed_delay_gif(out: Path, delays_cs: tuple[int, ...]) -> Path:
    """A pattern GIF whose picture i is shown for delays_cs[i] centiseconds."""
    starts = np.cumsum((0, *delays_cs[:-1]))
    pts = "+".join(f"eq(N\\,{i})*{s}" for i, s in enumerate(starts))
    return encode_pattern(
        out,
        len(delays_cs),
        "100",
        "-vf",
        f"setpts={pts}",
        "-fps_mode",
        "passthrough",
        "-final_delay",
        str(delays_cs[-1]),
        size=GIF_SIZE,
    )


def numbered_gif(out: Path, numbers: tuple[int, ...]) -> Path:
    """A 10 frames-a-second pattern GIF whose frame i carries the number numbers[i].

    One palette, no dithering: equal pictures stay exactly equal in the GIF.
    """
    w, h = GIF_SIZE
    frames = list(pattern_frames(max(numbers) + 1, w, h))
    args = ("ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}")
    palette = "split[a][b];[a]palettegen[p];[b][p]paletteuse=dither=none"
    subprocess.run(
        [*args, "-r", "10", "-i", "-", "-vf", palette, str(out)],
        input=b"".join(frames[n] for n in numbers),
        check=True,
    )
    return out


@pytest.fixture(scope="module")
def gifs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("gif")
    return {
        "steady": encode_pattern(d / "steady.gif", 30, "10", size=GIF_SIZE),
        # 15 frames a second: delays of 7, 6, 7 cs (a GIF delay is whole centiseconds)
        "fifteen": encode_pattern(d / "fifteen.gif", 45, "15", size=GIF_SIZE),
        "mixed": mixed_delay_gif(d / "mixed.gif", MIXED_DELAYS_CS),
        "single": encode_pattern(d / "single.gif", 1, "10", size=GIF_SIZE),
        "hold": numbered_gif(d / "hold.gif", HOLD_NUMBERS),
    }


def record(engine: MediaEngine) -> list[tuple[int, int, float]]:
    """(frame index, pattern number on screen, time) for every presented frame."""
    shown: list[tuple[int, int, float]] = []

    def on_frame(index: int, _ms: int) -> None:
        number = pattern_number(qimage_array(engine.current_image()))
        shown.append((index, number, time.monotonic()))

    engine.frame_presented.connect(on_frame)
    return shown


# ------------------------------------------------------------------ probe


def test_gif_timing_reads_every_frame_delay(gifs):
    steady = gif_timing(gifs["steady"])
    assert steady.delays_cs == (10,) * 30 and steady.constant_rate
    assert (steady.width, steady.height, steady.frame_rate, steady.duration_s) == (
        320,
        240,
        10.0,
        3.0,
    )
    mixed = gif_timing(gifs["mixed"])
    assert mixed.delays_cs == MIXED_DELAYS_CS and not mixed.constant_rate
    assert mixed.tick_cs == 10 and mixed.frame_rate == 10.0
    assert mixed.picture_ticks == (1, 3, 1, 2, 5, 1, 4, 2)
    assert mixed.frame_starts == (0, 1, 4, 5, 7, 12, 13, 17)
    assert gif_timing(gifs["single"]).frame_count == 1
    fifteen = gif_timing(gifs["fifteen"])
    assert fifteen.delays_cs[:6] == (7, 6, 7, 7, 6, 7) and fifteen.constant_rate
    # the last delay is the encoder's: 45 frames last 2.99 s, and the rate is still 15
    assert (fifteen.frame_rate, fifteen.duration_s, fifteen.picture_ticks) == (
        15.0,
        2.99,
        (1,) * 45,
    )


def test_probe_reports_animated_gifs_as_clips_and_single_frames_as_stills(vlc_instance, gifs):
    probe = VlcMediaProbe(vlc_instance)
    steady = probe.probe(gifs["steady"])
    assert (steady.duration_s, steady.frame_rate, steady.width, steady.height) == (
        3.0,
        10.0,
        320,
        240,
    )
    assert steady.has_video and not steady.has_audio
    mixed = probe.probe(gifs["mixed"])
    assert (mixed.duration_s, mixed.frame_rate) == (1.9, 10.0)
    single = probe.probe(gifs["single"])
    assert (single.duration_s, single.frame_rate, single.width, single.height) == (
        0.0,
        None,
        320,
        240,
    )
    assert probe.gif_picture_ticks(gifs["mixed"]) == (1, 3, 1, 2, 5, 1, 4, 2)
    assert probe.gif_picture_ticks(gifs["steady"]) == (1,) * 30
    # Pictures repeating the one before are merged: they only lengthen it.
    assert probe.gif_picture_ticks(gifs["hold"]) == (1,) * 10 + (3,) + (1,) * 9
    assert probe.gif_picture_ticks(gifs["single"]) == (1,)
    assert probe.gif_picture_ticks(gifs["single"].with_suffix(".missing")) is None
    assert gif_media_options(gifs["steady"]) == (":demux=avformat",)


def test_damaged_gif_gets_one_clear_error(vlc_instance, gifs, tmp_path):
    data = gifs["steady"].read_bytes()
    cut = tmp_path / "cut.gif"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(MediaProbeError, match=r"^cut\.gif: GIF file ends inside a frame"):
        VlcMediaProbe(vlc_instance).probe(cut)
    (tmp_path / "header.gif").write_bytes(data[:13])
    with pytest.raises(MediaProbeError, match=r"^header\.gif: GIF file holds no image"):
        VlcMediaProbe(vlc_instance).probe(tmp_path / "header.gif")


# ----------------------------------------------------------------- engine


@pytest.mark.parametrize(("key", "fps", "count"), [("steady", 10.0, 30), ("fifteen", 15.0, 45)])
def test_every_frame_is_shown_in_order_from_frame_zero(qtbot, media_engine, gifs, key, fps, count):
    shown = record(media_engine)
    load(qtbot, media_engine, gifs[key])
    assert media_engine.media.frame_rate == fps and media_engine.media.frame_count == count
    with qtbot.waitSignal(media_engine.ended, timeout=10_000):
        pass
    indices = [i for i, _n, _t in shown]
    # (libvlc may end without showing the very last picture)
    assert indices[0] == 0 and indices == list(range(len(indices))) and len(indices) >= count - 1
    assert all(index == number for index, number, _t in shown)
    gaps = np.diff([t for _i, _n, t in shown])
    assert abs(float(np.median(gaps)) - 1 / fps) < 0.012, gaps


def test_checkpoint_in_the_middle_stops_on_the_exact_frame(qtbot, media_engine, gifs):
    shown = record(media_engine)
    stops: list[tuple[str, int, int]] = []

    def on_checkpoint(cid: str, frame: int) -> None:
        stops.append((cid, frame, shown_number(media_engine)))
        QTimer.singleShot(40, media_engine.play)

    media_engine.checkpoint_reached.connect(on_checkpoint)
    checkpoints = [
        Checkpoint("by-time", time_s=1.234, frame=None, questions=("q",)),
        Checkpoint("by-frame", time_s=None, frame=21, questions=("q",)),
    ]
    load(qtbot, media_engine, gifs["steady"], checkpoints=checkpoints)
    with qtbot.waitSignal(media_engine.ended, timeout=10_000):
        pass
    assert stops == [("by-time", 12, 12), ("by-frame", 21, 21)]
    # Resuming continues with the next frame: no jump, no repeat.
    indices = [i for i, _n, _t in shown]
    assert indices == list(range(len(indices))) and len(indices) >= 29


def test_cine_loop_starts_over_at_frame_zero(qtbot, media_engine, gifs):
    shown = record(media_engine)
    ended: list[bool] = []
    media_engine.ended.connect(lambda: ended.append(True))
    load(qtbot, media_engine, gifs["steady"], loop=True)
    qtbot.waitUntil(
        lambda: [i for i, _n, _t in shown].count(0) >= 2 and shown[-1][0] >= 3, timeout=10_000
    )
    indices = [i for i, _n, _t in shown]
    wrap = indices.index(0, 1)
    assert indices[:wrap] == list(range(wrap)) and wrap >= 29
    assert all(index == number for index, number, _t in shown)
    assert not ended and media_engine.state == State.PLAYING


def test_mixed_delays_show_each_picture_for_its_own_time(qtbot, media_engine, gifs):
    shown = record(media_engine)
    starts = gif_timing(gifs["mixed"]).frame_starts
    picture_at = [p for p, ticks in enumerate((1, 3, 1, 2, 5, 1, 4, 2)) for _ in range(ticks)]
    stops: list[tuple[int, int]] = []

    def on_checkpoint(_cid: str, frame: int) -> None:
        stops.append((frame, shown_number(media_engine)))
        QTimer.singleShot(40, media_engine.play)

    media_engine.checkpoint_reached.connect(on_checkpoint)
    # 0.95 s falls inside picture 4, which is shown from 0.70 s to 1.20 s.
    cp = Checkpoint("inside", time_s=0.95, frame=None, questions=("q",))
    load(qtbot, media_engine, gifs["mixed"], checkpoints=[cp])
    assert media_engine.media.frame_count == 19
    with qtbot.waitSignal(media_engine.ended, timeout=10_000):
        pass
    assert stops == [(9, 4)]
    indices = [i for i, _n, _t in shown]
    assert indices[0] == 0 and indices == list(range(len(indices))) and len(indices) >= 17
    # Frame n is the picture shown from n / 10 s on.
    assert all(number == picture_at[index] for index, number, _t in shown)
    # Each picture appears when its delay says, before the checkpoint (the pause shifts the rest).
    first_seen = {}
    for _index, number, t in shown:
        first_seen.setdefault(number, t)
    for p in range(1, 5):
        elapsed = first_seen[p] - first_seen[0]
        assert abs(elapsed - starts[p] / 10.0) < 0.04, (p, elapsed)


def test_a_held_picture_counts_as_the_frames_it_lasts(qtbot, media_engine, gifs):
    shown = record(media_engine)
    stops: list[tuple[int, int]] = []

    def on_checkpoint(_cid: str, frame: int) -> None:
        stops.append((frame, shown_number(media_engine)))
        QTimer.singleShot(40, media_engine.play)

    media_engine.checkpoint_reached.connect(on_checkpoint)
    cp = Checkpoint("held", time_s=None, frame=12, questions=("q",))
    load(qtbot, media_engine, gifs["hold"], checkpoints=[cp])
    assert media_engine.media.frame_count == len(HOLD_NUMBERS) == 22
    with qtbot.waitSignal(media_engine.ended, timeout=10_000):
        pass
    assert stops == [(12, 10)]
    indices = [i for i, _n, _t in shown]
    assert indices[0] == 0 and indices == list(range(len(indices))) and len(indices) >= 21
    assert all(number == HOLD_NUMBERS[index] for index, number, _t in shown)


@pytest.mark.parametrize(("frame_rate", "clips"), [(10.0, ("cine_ruq",)), (None, ())])
def test_an_animated_gif_is_a_clip_to_review_and_a_single_frame_gif_is_not(
    tmp_path, gifs, frame_rate, clips
):
    # The loader gives a GIF the probe's frame rate only when it has more than one frame.
    case = branching_case(tmp_path)
    media = tuple(
        replace(item, file=gifs["steady"], frame_rate=frame_rate) if item.id == "cine_ruq" else item
        for item in case.media
    )
    session = ExamSession(replace(case, media=media), VirtualClock(), MemoryJournal())
    session.start()
    session.segment_reached_checkpoint("cp_fluid")
    assert session.open_checkpoint is not None and session.open_checkpoint.clips == clips


CASE = """schema_version: 1
case:
  id: gif-case
  title: GIF clips
  clinical_area: other
  version: "1.0"
  authors: [test]
  estimated_minutes: 1
  domains: [{id: d, title: D}]
settings: {time_limit: "05:00", pass_mark: 50}
media:
  - {id: loop, kind: cine, file: loop.gif}
  - {id: picture, kind: still, file: %s}
steps:
  - id: scan
    type: segment
    media: loop
    checkpoints:
      - {id: cp1, at: "%s", questions: [q1]}
  - id: look
    type: questions
    image: picture
    questions: [q2]
questions:
  - {id: q1, type: single_best_answer, stem: S, options: [{id: a, text: A}, {id: b, text: B}],
     key: a, points: 1, domain: d, rationale: R}
  - {id: q2, type: single_best_answer, stem: S, options: [{id: a, text: A}, {id: b, text: B}],
     key: a, points: 1, domain: d, rationale: R}
"""


def test_case_validation_uses_the_gif_duration(vlc_instance, gifs, tmp_path):
    shutil.copy(gifs["steady"], tmp_path / "loop.gif")
    shutil.copy(gifs["single"], tmp_path / "frame.gif")
    probe = VlcMediaProbe(vlc_instance)
    case = load_case_text(CASE % ("frame.gif", "00:02.950"), tmp_path / "case.yaml", probe)
    loop, picture = case.media
    assert (loop.frame_rate, loop.loop, loop.width) == (10.0, True, 320)
    assert (picture.frame_rate, picture.width, picture.height) == (None, 320, 240)
    assert case.steps[0].checkpoints[0].target_frame(loop.timeline) == 29
    with pytest.raises(CaseValidationError) as past_end:
        load_case_text(CASE % ("frame.gif", "00:03.000"), tmp_path / "case.yaml", probe)
    messages = [problem.message for problem in past_end.value.problems]
    assert messages == ["checkpoint at 3.000 s is at or past the end of loop.gif (3.000 s)"]
    with pytest.raises(CaseValidationError) as moving_still:
        load_case_text(CASE % ("loop.gif", "00:01.000"), tmp_path / "case.yaml", probe)
    messages = [problem.message for problem in moving_still.value.problems]
    assert messages == ["'loop.gif' is a video, not a still image; use kind 'cine'"]


def test_a_single_frame_gif_given_to_the_engine_shows_its_picture_and_ends(
    qtbot, media_engine, gifs
):
    faults: list[tuple[str, str, str]] = []
    media_engine.media_fault.connect(lambda *args: faults.append(args))
    load(qtbot, media_engine, gifs["single"])
    with qtbot.waitSignal(media_engine.ended, timeout=10_000):
        pass
    assert shown_number(media_engine) == 0 and media_engine.current_frame == 0
    assert not faults and media_engine.state == State.ENDED
