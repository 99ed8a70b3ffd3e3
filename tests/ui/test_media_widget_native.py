"""Native-window video (render="native"): checkpoints and rebinding, read back from the X screen.

libvlc draws straight into the media widget's native child window, so the
frame a candidate sees is known only from the screen itself. Each test clip
carries its frame number as a row of black/white blocks; the picture in the
child window is grabbed from the X server (`QScreen.grabWindow` reads the
window's pixels with GetImage, which is what libvlc's X11 output drew) and
the number is read back.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import vlc
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pocus_player.core.frame_timeline import FrameTimeline
from pocus_player.core.model import Checkpoint
from pocus_player.media.engine import MediaEngine, State
from pocus_player.ui.media_widget import MediaWidget, NativeVideoSurface
from tests.media import media_fixtures as _fixtures
from tests.media.media_fixtures import (
    PATTERN_H,
    PATTERN_W,
    encode_pattern,
    pattern_frame,
    pattern_number,
    qimage_array,
)

vlc_instance = _fixtures.vlc_instance

FPS = 30
FRAMES = 300  # 10 s
X264 = ("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p")

# Ten stops: half authored as frame numbers, half as times (some inside a frame,
# not on its start). Frame n spans [n/30, (n+1)/30).
CHECKPOINTS = (
    Checkpoint("f21", None, 21, ()),
    Checkpoint("t1.0", 1.0, None, ()),  # frame 30
    Checkpoint("f52", None, 52, ()),
    Checkpoint("t2.51", 2.51, None, ()),  # frame 75
    Checkpoint("f99", None, 99, ()),
    Checkpoint("t4.0833", 4.0833, None, ()),  # frame 122
    Checkpoint("f150", None, 150, ()),
    Checkpoint("t5.99", 5.99, None, ()),  # frame 179
    Checkpoint("f211", None, 211, ()),
    Checkpoint("t7.7", 7.7, None, ()),  # frame 231
)


@pytest.fixture(scope="module")
def native_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("native")
    return encode_pattern(d / "pattern30.mp4", FRAMES, str(FPS), *X264)


@pytest.fixture
def native_engine(vlc_instance, qapp):  # type: ignore[no-untyped-def]
    engine = MediaEngine(vlc_instance, audio_output="adummy", render="native")
    yield engine
    engine.close()


def screen_frame(surface: QWidget) -> int:
    """The frame number on the X screen in this native window (-1 when it shows no pattern)."""
    pixmap = QGuiApplication.primaryScreen().grabWindow(int(surface.winId()))
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)
    if image.width() != PATTERN_W or image.height() != PATTERN_H:
        image = image.scaled(
            PATTERN_W,
            PATTERN_H,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
    pixels = qimage_array(image)
    n = pattern_number(pixels)
    # Only a picture of the pattern counts: not an empty window, nor the window's
    # background before libvlc draws (which reads as frame 0).
    shown = pixels[60:, :, 2::-1].astype(np.int16)  # BGRX -> RGB
    if float(np.abs(shown - pattern_frame(n)[60:]).mean()) > 12:
        return -1
    return n


def shown_widget(qtbot, engine: MediaEngine) -> MediaWidget:  # type: ignore[no-untyped-def]
    w = MediaWidget(engine)
    qtbot.addWidget(w)
    w.resize(PATTERN_W, PATTERN_H)  # libvlc draws the 320 x 240 clip 1:1
    w.show()
    qtbot.waitExposed(w)
    return w


def wait_vlc_paused(qtbot, engine: MediaEngine) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: engine.vlc_player.get_state() == vlc.State.Paused, timeout=5_000)


def wait_steady_picture(qtbot, surface: QWidget, polls: int = 6) -> int:  # type: ignore[no-untyped-def]
    """The frame number once the window shows the same one on `polls` consecutive grabs."""
    seen: list[int] = []

    def steady() -> bool:
        seen.append(screen_frame(surface))
        return len(seen) >= polls and len(set(seen[-polls:])) == 1

    qtbot.waitUntil(steady, timeout=5_000)
    return seen[-1]


def playing_on_screen(qtbot, engine: MediaEngine, clip: Path):  # type: ignore[no-untyped-def]
    """A shown media widget playing `clip` natively, once its pictures are on the X screen."""
    w = shown_widget(qtbot, engine)
    surface = w.native_surface
    assert surface is not None
    with qtbot.waitSignal(engine.media_loaded, timeout=10_000):
        w.play_file(clip)
    qtbot.waitUntil(lambda: screen_frame(surface) > 5, timeout=10_000)
    return w, surface


def test_native_checkpoints_freeze_the_authored_frame_on_screen(
    qtbot, native_engine: MediaEngine, native_clip: Path
) -> None:  # type: ignore[no-untyped-def]
    engine = native_engine
    w = shown_widget(qtbot, engine)
    surface = w.native_surface
    assert isinstance(surface, NativeVideoSurface)
    targets = {cp.id: cp.target_frame(FrameTimeline(FPS)) for cp in CHECKPOINTS}
    assert sorted(targets.values()) == [21, 30, 52, 75, 99, 122, 150, 179, 211, 231]
    reports: list[tuple[str, int]] = []
    engine.checkpoint_reached.connect(lambda cid, frame: reports.append((cid, frame)))

    with qtbot.waitSignal(engine.media_loaded, timeout=10_000):
        w.play_file(native_clip, checkpoints=CHECKPOINTS)
    assert surface.isVisible() and surface.bound_id == int(surface.winId())

    results: list[tuple[str, int, int, int]] = []  # id, target, at report, frozen
    for n in range(len(CHECKPOINTS)):
        qtbot.waitUntil(lambda n=n: len(reports) > n, timeout=15_000)
        cid, reported = reports[n]
        at_report = screen_frame(surface)
        assert engine.state == State.CHECKPOINT
        assert reported == targets[cid]
        wait_vlc_paused(qtbot, engine)
        frozen = wait_steady_picture(qtbot, surface)
        results.append((cid, targets[cid], at_report, frozen))
        engine.play()
    with qtbot.waitSignal(engine.ended, timeout=15_000):
        pass
    engine.close()

    errors = [frozen - target for _, target, _, frozen in results]
    print("\nnative checkpoints (id, target, on screen at report, frozen on screen):")
    for row in results:
        print("  ", row)
    print("error distribution (frames: stops):", dict(sorted(Counter(errors).items())))
    assert [r[0] for r in results] == [cp.id for cp in CHECKPOINTS]
    assert max(abs(e) for e in errors) <= 1, results
    assert sum(e == 0 for e in errors) >= 9, results


def test_native_video_stays_on_screen_when_the_media_area_moves_to_another_window(
    qtbot, native_engine: MediaEngine, native_clip: Path
) -> None:  # type: ignore[no-untyped-def]
    engine = native_engine
    w, surface = playing_on_screen(qtbot, engine, native_clip)
    old_id = surface.bound_id
    # Qt reparents the X window itself (same id): libvlc keeps drawing into it.
    other = QWidget()
    qtbot.addWidget(other)
    QVBoxLayout(other).addWidget(w)
    other.resize(PATTERN_W + 40, PATTERN_H + 40)
    other.show()
    qtbot.waitExposed(other)
    w.resize(PATTERN_W, PATTERN_H)
    assert int(surface.winId()) == old_id == surface.bound_id
    before = screen_frame(surface)
    qtbot.waitUntil(lambda: screen_frame(surface) > before + 3, timeout=5_000)
    assert engine.state == State.PLAYING
    engine.close()  # before the widgets go: no signal may reach a deleted widget


def test_native_video_follows_a_recreated_window(
    qtbot, native_engine: MediaEngine, native_clip: Path
) -> None:  # type: ignore[no-untyped-def]
    engine = native_engine
    _widget, surface = playing_on_screen(qtbot, engine, native_clip)
    faults: list[tuple[str, str, str]] = []
    engine.media_fault.connect(lambda *fault: faults.append(fault))
    old_id = surface.bound_id
    last_old = screen_frame(surface)
    # A recreated native window has a new id; the surface binds libvlc to it.
    surface.destroy()
    surface.create()
    surface.show()
    new_id = int(surface.winId())
    assert new_id != old_id and surface.bound_id == new_id
    qtbot.waitUntil(lambda: engine.vlc_player.get_xwindow() == new_id, timeout=5_000)
    assert engine.state == State.PLAYING
    # The picture must continue in the new window: a pattern frame, advancing.
    seen: list[int] = []

    def pictures() -> list[int]:
        shown = [n for n in seen if n >= 0]
        # Known limit: with both cores busy, the new window can flash the clip's
        # first frame for one reading before the picture at the position (4 of 14
        # runs under load, none idle): libvlc decodes that keyframe before its
        # seek lands.
        if shown and shown[0] == 0 and last_old > 5:
            shown = shown[1:]
        return shown

    def advancing() -> bool:
        seen.append(screen_frame(surface))
        shown = pictures()
        return len(shown) >= 2 and shown[-1] > shown[0] + 3

    try:
        qtbot.waitUntil(advancing, timeout=3_000)
    finally:
        engine.close()  # before the widgets go: no signal may reach a deleted widget
    # It goes on from where it was (not from the start), and nothing is reported as a fault.
    assert min(pictures()) >= last_old - 5, (last_old, seen)
    assert faults == []


def test_native_clip_played_to_its_end_reports_no_fault(
    qtbot, native_engine: MediaEngine, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    engine = native_engine
    clip = encode_pattern(tmp_path / "short.mp4", 45, str(FPS), *X264)
    w = shown_widget(qtbot, engine)
    surface = w.native_surface
    assert surface is not None
    faults: list[tuple[str, str, str]] = []
    engine.media_fault.connect(lambda *fault: faults.append(fault))
    with qtbot.waitSignal(engine.ended, timeout=10_000):
        w.play_file(clip)
    last = wait_steady_picture(qtbot, surface)
    engine.close()
    assert last >= 40  # the clip really played on screen, to (about) its last frame
    assert faults == []


def test_native_truncated_clip_is_still_reported(
    qtbot, native_engine: MediaEngine, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    engine = native_engine
    full = encode_pattern(tmp_path / "full.mp4", 240, str(FPS), *X264, "-movflags", "+faststart")
    data = full.read_bytes()
    clip = tmp_path / "truncated.mp4"
    clip.write_bytes(data[: int(len(data) * 0.4)])  # claims 8 s, holds about 2 s
    w = shown_widget(qtbot, engine)
    assert w.native_surface is not None
    faults: list[tuple[str, str, str]] = []
    engine.media_fault.connect(lambda *fault: faults.append(fault))
    with qtbot.waitSignal(engine.ended, timeout=15_000):
        w.play_file(clip)
    engine.close()
    assert [(kind, path) for kind, path, _ in faults] == [("truncated", str(clip))]
    assert "the file is incomplete" in faults[0][2]
