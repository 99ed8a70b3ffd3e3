"""One set of engine tests, run against the real engine (libvlc, Xvfb) and the null engine.

What a widget or controller may rely on from any `PlayerEngine`: a load is
answered with the clip's facts, checkpoints stop on their frame in order,
seeks land paused on their frame, the exam policy is enforced, a missing file
is a fault, narration stops on a time, and a clip played after its end starts
over. The null engine plays on a virtual clock, moved here ten times faster
than real time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from pocus_player.core.media_info import MediaInfo, MediaProbeError
from pocus_player.core.model import Checkpoint
from pocus_player.media.engine_api import LoadedMedia, PlayerEngine, State
from pocus_player.media.null_engine import NullEngine
from pocus_player.media.policy import (
    FrameStepNotAllowed,
    PlaybackPolicy,
    ReplayLimitExceeded,
    SeekNotAllowed,
)
from tests.media.media_fixtures import PATTERN_H, PATTERN_W

# What the generated clips are (tests/media/media_fixtures.py), for the null engine's probe.
FACTS = {
    "pattern30.mp4": MediaInfo(8.0, 30.0, PATTERN_W, PATTERN_H, True, False),
    "pattern_short.mp4": MediaInfo(1.0, 24.0, PATTERN_W, PATTERN_H, True, False),
    "narration.m4a": MediaInfo(3.0, None, None, None, False, True),
}


class TableProbe:
    def probe(self, path: Path) -> MediaInfo:
        try:
            return FACTS[path.name]
        except KeyError:
            raise MediaProbeError(f"{path.name}: not a clip of this test") from None


@pytest.fixture(params=[pytest.param("libvlc", marks=pytest.mark.media), "null"])
def engine(request: pytest.FixtureRequest, qapp: Any) -> Iterator[PlayerEngine]:
    made: PlayerEngine
    if request.param == "libvlc":
        from pocus_player.media.engine import MediaEngine

        runtime = request.getfixturevalue("vlc_instance")
        made = MediaEngine(runtime, audio_output="adummy")
    else:
        made = NullEngine(TableProbe())
    yield made
    made.close()


@contextmanager
def until(qtbot: Any, engine: PlayerEngine, signal: Any, **kwargs: Any) -> Iterator[Any]:
    """Wait for `signal` after the block; the null engine's clock runs meanwhile."""
    ticker = QTimer()
    ticker.setInterval(1)
    if isinstance(engine, NullEngine):
        ticker.timeout.connect(lambda: engine.advance(0.01))
    kwargs.setdefault("timeout", 20_000)
    with qtbot.waitSignal(signal, **kwargs) as blocker:
        yield blocker
        ticker.start()
    ticker.stop()


def load(qtbot: Any, engine: PlayerEngine, path: Path, **kwargs: Any) -> LoadedMedia:
    with until(qtbot, engine, engine.media_loaded) as blocker:
        engine.load(path, **kwargs)
    loaded = blocker.args[0]
    assert isinstance(loaded, LoadedMedia)
    return loaded


def test_a_load_reports_the_clip_and_plays_from_frame_zero(qtbot, engine, media_files):
    shown: list[int] = []
    engine.frame_presented.connect(lambda index, _ms: shown.append(index))
    loaded = load(qtbot, engine, media_files["pattern30"], media_id="clip")
    assert loaded.media_id == "clip" and loaded.is_video
    assert loaded.frame_rate == pytest.approx(30.0)
    assert abs(loaded.frame_count - 240) <= 1
    assert engine.media == loaded and engine.frame_rate == pytest.approx(30.0)
    with until(qtbot, engine, engine.frame_presented, check_params_cb=lambda i, _ms: i >= 4):
        pass
    assert engine.state is State.PLAYING
    assert shown[:5] == [0, 1, 2, 3, 4]
    assert engine.current_frame == shown[-1]
    assert engine.position_ms() == engine.frame_to_ms(engine.current_frame)


def test_a_clip_loaded_paused_plays_when_its_loaded_signal_asks(qtbot, engine, media_files):
    engine.media_loaded.connect(lambda _loaded: engine.play())
    with until(qtbot, engine, engine.frame_presented, check_params_cb=lambda i, _ms: i >= 3):
        engine.load(media_files["pattern30"], autoplay=False)
    assert engine.state is State.PLAYING


def test_checkpoints_stop_on_their_frame_in_order_and_play_on(qtbot, engine, media_files):
    checkpoints = [
        Checkpoint("by-time", time_s=2.51, frame=None, questions=()),
        Checkpoint("by-frame", time_s=None, frame=30, questions=()),
    ]
    stops: list[tuple[str, int, State, int, str | None, int]] = []

    def on_checkpoint(cid: str, frame: int) -> None:
        stops.append(
            (
                cid,
                frame,
                engine.state,
                engine.current_frame,
                engine.frozen_checkpoint,
                engine.position_ms(),
            )
        )
        QTimer.singleShot(20, engine.play)

    engine.checkpoint_reached.connect(on_checkpoint)
    with until(qtbot, engine, engine.ended, timeout=30_000):
        engine.load(media_files["pattern30"], checkpoints=checkpoints)
    assert stops == [
        ("by-frame", 30, State.CHECKPOINT, 30, "by-frame", engine.frame_to_ms(30)),
        ("by-time", 75, State.CHECKPOINT, 75, "by-time", engine.frame_to_ms(75)),
    ]
    assert engine.state is State.ENDED


def test_a_seek_shows_its_frame_paused_and_steps_go_from_there(qtbot, engine, media_files):
    load(qtbot, engine, media_files["pattern30"], autoplay=False)
    assert engine.state is State.PAUSED
    with until(qtbot, engine, engine.seek_finished) as blocker:
        engine.seek_frame(100)
    assert blocker.args == [100]
    assert engine.current_frame == 100 and engine.state is State.PAUSED
    assert engine.position_ms() == engine.frame_to_ms(100)
    with until(qtbot, engine, engine.seek_finished) as blocker:
        engine.step(-1)
    assert blocker.args == [99] and engine.current_frame == 99
    with until(qtbot, engine, engine.seek_finished) as blocker:
        engine.seek_frame(10_000)  # past the end: the last frame
    assert blocker.args == [engine.media.frame_count - 1]


def test_the_exam_policy_refuses_unseen_frames_steps_and_extra_replays(qtbot, engine, media_files):
    engine.policy = PlaybackPolicy.exam(replay_limit=1)
    load(qtbot, engine, media_files["pattern30"], media_id="clip", autoplay=False)
    with qtbot.waitSignal(engine.seek_refused) as refused, pytest.raises(SeekNotAllowed):
        engine.seek_frame(50)
    assert refused.args == [50, -1]
    with pytest.raises(FrameStepNotAllowed):
        engine.step(1)
    assert engine.replay() == 1
    with (
        qtbot.waitSignal(engine.replay_limit_reached) as limited,
        pytest.raises(ReplayLimitExceeded),
    ):
        engine.replay()
    assert limited.args == ["clip", 1]
    engine.stop()
    assert engine.state is State.STOPPED


def test_a_missing_file_is_a_fault(qtbot, engine, tmp_path):
    missing = tmp_path / "gone.mp4"
    with until(qtbot, engine, engine.media_fault) as blocker:
        engine.load(missing)
    kind, path, message = blocker.args
    assert kind == "missing" and path == str(missing) and str(missing) in message
    assert engine.state is State.ERROR and engine.media is None


def test_narration_stops_on_a_time_and_then_ends(qtbot, engine, media_files):
    stops: list[tuple[str, int, int]] = []

    def on_checkpoint(cid: str, frame: int) -> None:
        stops.append((cid, frame, engine.position_ms()))
        QTimer.singleShot(20, engine.play)

    engine.checkpoint_reached.connect(on_checkpoint)
    checkpoints = [Checkpoint("said", time_s=1.0, frame=None, questions=())]
    with until(qtbot, engine, engine.ended, timeout=20_000):
        engine.load(media_files["narration"], checkpoints=checkpoints)
    assert engine.media is not None and not engine.media.is_video
    assert stops == [("said", 25, 1000)]  # 25 "frames" of the default rate: 1 s
    assert engine.state is State.ENDED


def test_playing_after_the_end_starts_over_from_frame_zero(qtbot, engine, media_files):
    with until(qtbot, engine, engine.ended):
        engine.load(media_files["pattern_short"])
    shown: list[int] = []
    engine.frame_presented.connect(lambda index, _ms: shown.append(index))
    with until(qtbot, engine, engine.ended):
        engine.play()
    assert shown[0] == 0 and shown[-1] >= 20
    assert shown == sorted(shown)
