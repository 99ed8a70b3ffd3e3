"""The media engine on real libvlc: exact checkpoints, exact seeks, policy, faults, formats."""

from __future__ import annotations

import random
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from pocus_player.core.frame_timeline import FrameTimeline
from pocus_player.core.model import Checkpoint
from pocus_player.media.engine import CueTarget, FaultKind, MediaEngine, State
from pocus_player.media.policy import (
    FrameStepNotAllowed,
    PlaybackPolicy,
    ReplayLimitExceeded,
    SeekNotAllowed,
)
from tests.media.media_fixtures import (
    PATTERN_H,
    PATTERN_W,
    first_pictures,
    load,
    pattern_frames,
    pattern_number,
    qimage_array,
    shown_number,
)


def test_twenty_checkpoints_stop_on_the_authored_frame_and_resume_without_a_jump(
    qtbot, media_engine: MediaEngine, media_files
):
    rng = random.Random(20)
    frames = sorted(rng.sample(range(6, 232, 4), 20))
    # Half authored as times (odd milliseconds), half as frame numbers.
    checkpoints = []
    for i, f in enumerate(frames):
        if i % 2:
            checkpoints.append(Checkpoint(f"cp{i}", time_s=None, frame=f, questions=("q",)))
        else:
            t = (f + rng.uniform(0.05, 0.9)) / 30.0
            checkpoints.append(Checkpoint(f"cp{i}", time_s=round(t, 3), frame=None, questions=()))
    targets = {cp.id: cp.target_frame(FrameTimeline(30.0)) for cp in checkpoints}
    stops: list[tuple[str, int, int]] = []
    states: list[State] = []
    presented: list[tuple[int, int]] = []

    def on_frame(index: int, _ms: int) -> None:
        presented.append((index, pattern_number(qimage_array(media_engine.current_image()))))

    def on_checkpoint(cid: str, frame: int) -> None:
        stops.append((cid, frame, shown_number(media_engine)))
        states.append(media_engine.state)
        QTimer.singleShot(40, media_engine.play)  # the question is answered a little later

    media_engine.frame_presented.connect(on_frame)
    media_engine.checkpoint_reached.connect(on_checkpoint)
    load(qtbot, media_engine, media_files["pattern30"], checkpoints=checkpoints)
    with qtbot.waitSignal(media_engine.ended, timeout=30_000):
        pass

    assert [s[0] for s in stops] == [cp.id for cp in checkpoints]
    assert set(states) == {State.CHECKPOINT}
    errors = [abs(shown - targets[cid]) for cid, _frame, shown in stops]
    assert max(errors) <= 1, stops
    assert sum(e == 0 for e in errors) >= 17, stops
    # What is on screen is always the frame the engine says it is.
    assert all(index == number for index, number in presented)
    # Resuming continues with the next frame: no jump, no repeat.
    indices = [i for i, _ in presented]
    assert indices == list(range(indices[0], indices[0] + len(indices)))
    # (libvlc may end without showing the very last picture)
    assert indices[0] == 0 and indices[-1] >= 238


def encode_held_pattern(out: Path, count: int, fps: int, *stills: range) -> Path:
    """A pattern clip whose frames in each still all repeat the still's first picture."""
    source = ("-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{PATTERN_W}x{PATTERN_H}")
    x264 = ("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p")
    proc = subprocess.Popen(
        ["ffmpeg", "-v", "error", "-y", *source, "-r", str(fps), "-i", "-", *x264, str(out)],
        stdin=subprocess.PIPE,
    )
    assert proc.stdin is not None
    pictures = list(pattern_frames(count))
    for i in range(count):
        proc.stdin.write(pictures[still_start(i, stills)])
    proc.stdin.close()
    assert proc.wait() == 0
    return out


def still_start(frame: int, stills: tuple[range, ...]) -> int:
    """The number drawn in `frame` of a clip from `encode_held_pattern`."""
    return next((still.start for still in stills if frame in still), frame)


@pytest.mark.parametrize("fps", [10, 12])
def test_low_frame_rate_checkpoints_stop_on_the_authored_frame(
    qtbot, media_engine: MediaEngine, tmp_path: Path, fps: int
):
    """Below ~15 fps libvlc shows each picture again before the next is due; every
    stop must still be the authored frame, also around a still of identical frames."""
    count = 8 * fps
    lead_in = range(4)  # the clip opens on four identical frames
    held = range(4 * fps, 4 * fps + 6)  # and holds six identical frames halfway
    clip = encode_held_pattern(tmp_path / f"low{fps}.mp4", count, fps, lead_in, held)
    rng = random.Random(fps)
    # Stops on the last frame of and just after each still, just before the second, and
    # elsewhere (a stop between two identical frames is not told from libvlc's own
    # repeat on resume).
    fixed = [lead_in[-1], lead_in.stop, held.start - 1, held[-1], held.stop]
    others = [f for f in range(3, count - 3) if f not in held and f not in fixed]
    frames = sorted(fixed + rng.sample(others, 10))
    checkpoints = [Checkpoint(f"cp{f}", time_s=None, frame=f, questions=()) for f in frames]
    stops: list[tuple[int, int]] = []
    presented: list[int] = []

    def on_checkpoint(_cid: str, frame: int) -> None:
        stops.append((frame, shown_number(media_engine)))
        QTimer.singleShot(30, media_engine.play)

    media_engine.frame_presented.connect(lambda index, _ms: presented.append(index))
    media_engine.checkpoint_reached.connect(on_checkpoint)
    load(qtbot, media_engine, clip, checkpoints=checkpoints)
    assert media_engine.media.frame_rate == pytest.approx(fps)
    with qtbot.waitSignal(media_engine.ended, timeout=30_000):
        pass

    expected = [(f, still_start(f, (lead_in, held))) for f in frames]
    assert stops == expected
    assert presented == list(range(len(presented)))
    assert presented[-1] >= count - 2


def test_checkpoint_given_as_cue_target_and_position_signal(qtbot, media_engine, media_files):
    positions: list[int] = []
    media_engine.position_changed.connect(positions.append)
    load(qtbot, media_engine, media_files["pattern30"], autoplay=False)
    assert media_engine.state == State.PAUSED
    media_engine.set_checkpoints([CueTarget("mid", 45)])
    with qtbot.waitSignal(media_engine.checkpoint_reached, timeout=10_000) as blocker:
        media_engine.play()
    assert blocker.args == ["mid", 45]
    assert shown_number(media_engine) == 45
    assert media_engine.frozen_checkpoint == "mid"
    assert positions[-1] == 1500
    # every frame moved the clock forward, one frame at a time
    steps = np.diff(positions)
    assert (steps >= 0).all() and steps.max() <= 34


def test_seek_frame_and_frame_step_land_on_exact_frames(qtbot, media_engine, media_files):
    load(qtbot, media_engine, media_files["pattern30"], autoplay=False)
    for n in (150, 20, 21, 200, 199, 5, 239, 0):
        with qtbot.waitSignal(media_engine.seek_finished, timeout=10_000) as blocker:
            media_engine.seek_frame(n)
        assert blocker.args == [n]
        assert media_engine.current_frame == n
        assert shown_number(media_engine) == n
        assert media_engine.state == State.PAUSED
    with qtbot.waitSignal(media_engine.seek_finished, timeout=10_000):
        media_engine.step(+1)
    assert shown_number(media_engine) == 1
    with qtbot.waitSignal(media_engine.seek_finished, timeout=10_000):
        media_engine.seek_ms(3000)
    assert shown_number(media_engine) == 90
    with qtbot.waitSignal(media_engine.seek_finished, timeout=10_000):
        media_engine.step(-1)
    assert shown_number(media_engine) == 89
    # playing on after a seek continues from the sought frame
    got: list[int] = []
    media_engine.frame_presented.connect(lambda i, _ms: got.append(i))
    media_engine.play()
    qtbot.waitUntil(lambda: len(got) >= 5, timeout=5000)
    assert got[:5] == [90, 91, 92, 93, 94]


def test_exam_mode_seeks_only_into_what_was_shown(qtbot, media_engine, media_files):
    media_engine.policy = PlaybackPolicy.exam()
    load(qtbot, media_engine, media_files["pattern30"], checkpoints=[CueTarget("c", 60)])
    qtbot.waitSignal(media_engine.checkpoint_reached, timeout=10_000).wait()
    assert media_engine.furthest_seen == 60
    with (
        qtbot.waitSignal(media_engine.seek_refused, timeout=1000) as refused,
        pytest.raises(SeekNotAllowed, match="frames already shown"),
    ):
        media_engine.seek_frame(100)
    assert refused.args == [100, 60]
    with pytest.raises(FrameStepNotAllowed):
        media_engine.step(1)
    with qtbot.waitSignal(media_engine.seek_finished, timeout=10_000):
        media_engine.seek_frame(30)
    assert shown_number(media_engine) == 30


def test_replay_limit_is_counted_per_clip(qtbot, media_engine, media_files):
    media_engine.policy = PlaybackPolicy.exam(replay_limit=1)
    load(qtbot, media_engine, media_files["pattern_short"], media_id="clip-a")
    qtbot.waitSignal(media_engine.ended, timeout=10_000).wait()
    assert media_engine.replay() == 1
    first: list[int] = []
    media_engine.frame_presented.connect(lambda i, _ms: first.append(i))
    qtbot.waitSignal(media_engine.ended, timeout=10_000).wait()
    assert first[0] == 0 and first[-1] == 23
    with (
        qtbot.waitSignal(media_engine.replay_limit_reached, timeout=1000) as sig,
        pytest.raises(ReplayLimitExceeded, match="clip 'clip-a' may be replayed at most 1 time"),
    ):
        media_engine.replay()
    assert sig.args == ["clip-a", 1]
    assert media_engine.policy.replays("clip-a") == 1


def test_cine_loop_restarts_at_frame_zero(qtbot, media_engine, media_files):
    seen: list[int] = []
    ended: list[bool] = []
    media_engine.frame_presented.connect(lambda i, _ms: seen.append(i))
    media_engine.ended.connect(lambda: ended.append(True))
    load(qtbot, media_engine, media_files["pattern_short"], loop=True)
    qtbot.waitUntil(lambda: seen.count(0) >= 2 and seen[-1] >= 5, timeout=10_000)
    wrap = seen.index(0, 1)
    assert seen[:wrap] == list(range(wrap)) and wrap >= 23
    assert not ended
    assert media_engine.state == State.PLAYING
    assert pattern_number(qimage_array(media_engine.current_image())) == seen[-1]


def test_stop_and_load_never_block_the_gui_thread(qtbot, media_engine, media_files):
    load(qtbot, media_engine, media_files["pattern30"])
    qtbot.waitUntil(lambda: media_engine.current_frame >= 3, timeout=5000)
    t0 = time.perf_counter()
    media_engine.stop()
    stop_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    media_engine.load(media_files["avi_mpeg4"])
    load_ms = (time.perf_counter() - t0) * 1000
    assert stop_ms < 30 and load_ms < 30, (stop_ms, load_ms)
    qtbot.waitUntil(lambda: media_engine.current_frame >= 3, timeout=5000)
    assert media_engine.media is not None and media_engine.media.path.name == "mpeg4.avi"


def test_captions_next_to_a_clip_are_never_loaded_into_vlc(qtbot, media_engine, media_files):
    load(qtbot, media_engine, media_files["captioned"], checkpoints=[CueTarget("c", 12)])
    qtbot.waitSignal(media_engine.checkpoint_reached, timeout=10_000).wait()
    assert media_engine.vlc_player.video_get_spu_count() == 0


@pytest.mark.parametrize(
    ("key", "target", "fps"),
    [
        ("avi_mpeg4", 31, 25.0),
        ("h264_444", 33, 30.0),
        ("odd_size", 29, 29.97),
        ("encounter", 47, 30.0),
        ("gif", 13, 10.0),  # more in test_gif.py
    ],
)
def test_other_formats_stop_on_exact_frames(qtbot, media_engine, media_files, key, target, fps):
    load(qtbot, media_engine, media_files[key], checkpoints=[CueTarget("c", target)])
    assert media_engine.media.frame_rate == pytest.approx(fps, rel=1e-3)
    with qtbot.waitSignal(media_engine.checkpoint_reached, timeout=10_000) as blocker:
        pass
    assert blocker.args == ["c", target]
    assert shown_number(media_engine) == target
    image = media_engine.frozen_frame()
    info = media_engine.media.info
    assert (image.width(), image.height()) == (info.width, info.height)


def test_audio_only_narration_reports_time_and_ends(qtbot, media_engine, media_files):
    positions: list[int] = []
    media_engine.position_changed.connect(positions.append)
    load(qtbot, media_engine, media_files["narration"])
    assert not media_engine.media.info.has_video and media_engine.media.info.has_audio
    qtbot.waitSignal(media_engine.ended, timeout=10_000).wait()
    assert len(positions) > 10
    assert positions == sorted(positions[:-1]) + positions[-1:] or max(positions) > 1500
    assert max(positions) > 1500


def test_audio_only_checkpoints_stop_on_time_and_survive_an_early_end(
    qtbot, media_engine, media_files
):
    """Narration stops at its checkpoint times; one in the last second (where libvlc may
    report the end early without a sound card) is still reached, and resuming from it ends
    the narration instead of starting it again."""
    positions: list[int] = []
    media_engine.position_changed.connect(positions.append)
    reached: list[tuple[str, int]] = []
    media_engine.checkpoint_reached.connect(lambda cp, _f: reached.append((cp, positions[-1])))
    early = Checkpoint("early", 1.0, None, ("q",))
    late = Checkpoint("late", 2.9, None, ("q",))  # 0.1 s before the end of a 3 s file
    with qtbot.waitSignal(media_engine.checkpoint_reached, timeout=10_000):
        media_engine.load(media_files["narration"], checkpoints=(early, late))
    assert reached[0][0] == "early" and 1000 <= reached[0][1] <= 1100
    assert media_engine.state == State.CHECKPOINT
    with qtbot.waitSignal(media_engine.checkpoint_reached, timeout=10_000):
        media_engine.play()
    assert [cp for cp, _ in reached] == ["early", "late"]
    assert media_engine.state == State.CHECKPOINT
    mark = len(positions)
    with qtbot.waitSignal(media_engine.ended, timeout=10_000):
        media_engine.play()
    assert media_engine.state == State.ENDED
    assert min(positions[mark:], default=2900) >= 1900  # never back to the start


# --------------------------------------------------------------------- faults


def fault_from(qtbot, engine, path):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(engine.media_fault, timeout=15_000) as blocker:
        engine.load(path)
    return blocker.args


def test_missing_file_is_a_clear_fault(qtbot, media_engine, tmp_path):
    missing = tmp_path / "nowhere" / "clip.mp4"
    kind, path, message = fault_from(qtbot, media_engine, missing)
    assert kind == FaultKind.MISSING.value and path == str(missing)
    assert message == f"Media file not found: {missing}"
    assert media_engine.state == State.ERROR


@pytest.mark.parametrize("key", ["undecodable", "text_as_video"])
def test_undecodable_file_is_a_clear_fault(qtbot, media_engine, media_files, key):
    kind, path, message = fault_from(qtbot, media_engine, media_files[key])
    assert kind == FaultKind.UNDECODABLE.value and path == str(media_files[key])
    assert media_files[key].name in message and "no audio or video stream" in message
    # the engine keeps working afterwards
    load(qtbot, media_engine, media_files["pattern_short"], checkpoints=[CueTarget("c", 3)])
    qtbot.waitSignal(media_engine.checkpoint_reached, timeout=10_000).wait()


def test_truncated_file_is_reported_when_it_stops_early(qtbot, media_engine, media_files):
    with qtbot.waitSignal(media_engine.media_fault, timeout=15_000) as blocker:
        media_engine.load(media_files["truncated"])
    kind, path, message = blocker.args
    assert kind == FaultKind.TRUNCATED.value and path == str(media_files["truncated"])
    assert "truncated.mp4 stops at" in message and "of 8.0 s" in message
    assert "incomplete" in message


def test_no_audio_device_is_reported_and_video_still_plays(qtbot, vlc_instance, media_files):
    engine = MediaEngine(vlc_instance, audio_output="alsa", audio_device="pocus_no_such_device")
    try:
        with qtbot.waitSignal(engine.media_fault, timeout=10_000) as blocker:
            engine.load(media_files["encounter"], checkpoints=[CueTarget("c", 20)])
        assert blocker.args == [
            FaultKind.NO_AUDIO_DEVICE.value,
            str(media_files["encounter"]),
            "No audio device is available: encounter.mp4 plays without sound",
        ]
        qtbot.waitSignal(engine.checkpoint_reached, timeout=10_000).wait()
        assert shown_number(engine) == 20
    finally:
        engine.close()


# The shared corpus and the fidelity corpus: tests/media/test_checkpoint_fidelity.py


def test_every_start_shows_frame_zero_then_each_frame_in_turn(qtbot, media_engine, media_files):
    clip = media_files["pattern_short"]
    expected = [(i, i) for i in range(6)]
    for _ in range(3):
        shown = first_pictures(qtbot, media_engine, lambda: media_engine.load(clip))
        assert shown == expected
        media_engine.stop()
    # loaded paused, then played: libvlc starts the clip only at play()
    for _ in range(3):
        load(qtbot, media_engine, clip, autoplay=False)
        assert media_engine.state == State.PAUSED
        assert first_pictures(qtbot, media_engine, media_engine.play) == expected
        media_engine.stop()


def test_many_loads_keep_the_engine_bounded(qtbot, media_engine, media_files):
    import gc
    import threading

    from pocus_player.media.frames import Frame

    clips = [media_files["pattern_short"], media_files["pattern30"]]

    def cycle(n: int) -> None:
        for i in range(n):
            with qtbot.waitSignal(media_engine.frame_presented, timeout=10_000):
                media_engine.load(clips[i % 2])
            media_engine.stop()
        qtbot.waitUntil(lambda: media_engine.worker_busy_ms() == 0.0, timeout=10_000)

    def live_frames() -> int:
        gc.collect()
        return sum(isinstance(o, Frame) for o in gc.get_objects())

    cycle(4)
    threads = threading.active_count()
    cycle(40)
    assert threading.active_count() <= threads
    # a stopped engine keeps no pictures: neither queued nor on screen
    assert media_engine.current_image() is None
    assert live_frames() <= 3  # the last pictures may still sit in the thread hand-over
