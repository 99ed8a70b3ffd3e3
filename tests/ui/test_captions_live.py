"""Captions against live playback: the overlay's text at each cue's start and end, within one frame.

A generated clip carries its frame number as black/white blocks; while it
plays through the engine, the overlay (wired as in the candidate window:
engine.position_changed -> CaptionOverlay.set_time_ms) is read for every
picture presented, next to the frame number read from that picture. Over an
audio-only narration there are no pictures: the overlay is sampled on a fine
timer against the engine's media clock.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pocus_player.core.captions import CaptionTrack, load_captions
from pocus_player.media.engine import MediaEngine, State
from pocus_player.ui.captions_view import CaptionOverlay
from pocus_player.ui.media_widget import MediaWidget
from tests.media import media_fixtures as _fixtures
from tests.media.media_fixtures import encode_pattern, ffmpeg, pattern_number, qimage_array

vlc_instance = _fixtures.vlc_instance
media_engine = _fixtures.media_engine

FPS = 25
FRAMES = 125  # 5 s
X264 = ("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p")

# Boundaries mostly inside frames (25 fps: a frame is 40 ms), one on a frame
# start (3.600), and two cues back to back (1.230).
VIDEO_VTT = """\
WEBVTT

00:00:00.500 --> 00:00:01.230
The probe is in the right upper quadrant.

00:00:01.230 --> 00:00:02.010
Morison's pouch is between the liver and the kidney.

00:00:02.513 --> 00:00:03.087
<v Dr Osei>Look for an anechoic stripe.

00:00:03.600 --> 00:00:04.419
There is free fluid.
"""

NARRATION_VTT = """\
WEBVTT

00:00:00.300 --> 00:00:01.117
A 52-year-old man presents with shortness of breath.

00:00:01.117 --> 00:00:02.050
His blood pressure is 86/58.

00:00:02.471 --> 00:00:03.333
Two weeks ago he had a viral illness.

00:00:03.600 --> 00:00:04.150
You perform a focused cardiac ultrasound.
"""


@pytest.fixture(scope="module")
def live_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("captions_live")
    clip = encode_pattern(d / "pattern25.mp4", FRAMES, str(FPS), *X264)
    (d / "pattern25.vtt").write_text(VIDEO_VTT, encoding="utf-8")
    ffmpeg(
        "-f", "lavfi", "-i", "sine=frequency=330:duration=6", "-c:a", "libopus", str(d / "n.ogg")
    )
    (d / "n.vtt").write_text(NARRATION_VTT, encoding="utf-8")
    return {
        "clip": clip,
        "clip_vtt": d / "pattern25.vtt",
        "narration": d / "n.ogg",
        "narration_vtt": d / "n.vtt",
    }


def media_with_captions(qtbot, engine: MediaEngine, track: CaptionTrack):  # type: ignore[no-untyped-def]
    """The media widget with the overlay over its bottom, wired as in the candidate window."""
    host = QWidget()
    qtbot.addWidget(host)
    w = MediaWidget(engine)
    QVBoxLayout(host).addWidget(w)
    overlay = CaptionOverlay()
    overlay.set_track(track)
    overlay.anchor_to(w)
    engine.position_changed.connect(overlay.set_time_ms)
    host.resize(480, 360)
    host.show()
    qtbot.waitExposed(host)
    return host, w, overlay


def shown_text(overlay: CaptionOverlay) -> str:
    return overlay.text() if overlay.isVisible() else ""


def spans(samples: list[tuple[float, str]], text: str) -> list[tuple[float, float]]:
    """(first, last) sample keys of each run of samples whose overlay shows `text`."""
    runs: list[tuple[float, float]] = []
    start = last = None
    for key, shown in samples:
        on = text in shown.split("\n")
        if on and start is None:
            start = key
        if on:
            last = key
        if not on and start is not None:
            runs.append((start, last))  # type: ignore[arg-type]
            start = None
    if start is not None:
        runs.append((start, last))  # type: ignore[arg-type]
    return runs


def test_caption_text_follows_the_playing_picture_within_one_frame(
    qtbot, media_engine: MediaEngine, live_files: dict[str, Path]
) -> None:  # type: ignore[no-untyped-def]
    engine = media_engine
    track = load_captions(live_files["clip_vtt"])
    _host, w, overlay = media_with_captions(qtbot, engine, track)
    # For every picture presented: the number read from the picture, the engine's
    # index, and the caption on screen with it. Recorded on position_changed, which
    # the engine emits right after frame_presented for the same picture (the overlay's
    # own slot runs first, connected first), so the pair is what one repaint shows.
    presented: list[int] = []
    samples: list[tuple[int, int, str]] = []

    def on_frame(index: int, _ms: int) -> None:
        presented.append(index)

    def on_position(_ms: int) -> None:
        if (
            presented
            and engine.state == State.PLAYING
            and (not samples or samples[-1][1] != presented[-1])
        ):
            read = pattern_number(qimage_array(engine.current_image()))
            samples.append((read, presented[-1], shown_text(overlay)))

    engine.frame_presented.connect(on_frame)
    engine.position_changed.connect(on_position)
    with qtbot.waitSignal(engine.ended, timeout=20_000):
        w.play_file(live_files["clip"])

    assert [s[0] for s in samples] == [s[1] for s in samples]  # the picture is the frame counted
    frames = [s[0] for s in samples]
    assert frames[0] == 0 and frames[-1] >= FRAMES - 2
    missing = sorted(set(range(frames[-1] + 1)) - set(frames))
    by_frame = [(float(f), text) for f, _, text in samples]
    report = []
    for cue in track.cues:
        runs = spans(by_frame, cue.display_text)
        assert len(runs) == 1, (cue, runs)
        first, last = runs[0]
        # Frame n is on screen over [n/fps, (n+1)/fps): the text should appear on the
        # first frame starting at or after the cue's start, and last show on the
        # frame that covers the instant before its end.
        start_err = first - cue.start_s * FPS
        end_err = (last + 1) - cue.end_s * FPS
        ideal_first = math.ceil(cue.start_s * FPS - 1e-9)
        ideal_last = math.ceil(cue.end_s * FPS - 1e-9) - 1
        report.append((cue.index, first, ideal_first, last, ideal_last, start_err, end_err))
    print("\ncue, first frame shown (ideal), last frame shown (ideal), start/end error in frames")
    for idx, first, i_first, last, i_last, s_err, e_err in report:
        print(
            f"  {idx}: {first:.0f} ({i_first}), {last:.0f} ({i_last}), {s_err:+.2f} / {e_err:+.2f}"
        )
    print("frames not presented:", missing)
    for idx, first, i_first, last, i_last, s_err, e_err in report:
        assert abs(s_err) <= 1.0 and abs(e_err) <= 1.0, report[idx]
        # Where the boundary frames were presented, the text is on exactly the right ones.
        if i_first not in missing and i_first - 1 not in missing:
            assert first == i_first, report[idx]
        if i_last not in missing and i_last + 1 not in missing:
            assert last == i_last, report[idx]
    # Between cues and after the last one, the overlay is empty and hidden.
    gap = [text for f, _, text in samples if 2.010 * FPS <= f < 2.513 * FPS - 1]
    assert gap and all(t == "" for t in gap)
    assert samples[-1][2] == "" and not overlay.isVisible()


def test_captions_over_narration_follow_the_media_clock_within_one_frame(
    qtbot, media_engine: MediaEngine, live_files: dict[str, Path]
) -> None:  # type: ignore[no-untyped-def]
    engine = media_engine
    track = load_captions(live_files["narration_vtt"])
    _host, w, overlay = media_with_captions(qtbot, engine, track)
    # No pictures to count: sample the overlay often, against the engine's media clock.
    samples: list[tuple[float, str]] = []

    def sample() -> None:
        if engine.state == State.PLAYING:
            samples.append((engine.position_ms() / 1000.0, shown_text(overlay)))

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(4)
    timer.timeout.connect(sample)
    timer.start()
    try:
        with qtbot.waitSignal(engine.ended, timeout=20_000):
            w.play_file(live_files["narration"])
    finally:
        timer.stop()
    assert engine.media is not None and not engine.media.is_video
    assert w.mode.value == "audio"  # the narrator poster, with the captions over it
    frame_s = 1.0 / engine.frame_rate  # the app's default rate for media without pictures
    report = []
    for cue in track.cues:
        runs = spans(samples, cue.display_text)
        assert len(runs) == 1, (cue, runs)
        first, last = runs[0]
        # The last sample without the text, before and after: the text changed in between.
        before = max(t for t, s in samples if t < first)
        after = min(t for t, s in samples if t > last)
        report.append((cue.index, cue.start_s, first, before, cue.end_s, last, after))
    print("\ncue, start, first shown at (clock), end, first cleared at (clock); lag in ms")
    for idx, start, first, _b, end, _last, after in report:
        print(
            f"  {idx}: {start:.3f} -> {first:.3f} ({(first - start) * 1000:+.0f} ms), "
            f"{end:.3f} -> {after:.3f} ({(after - end) * 1000:+.0f} ms)"
        )
    # The clock is read every 10 ms while narration plays and sampled here every 4 ms:
    # well within a frame at 30 fps (33 ms), with room for a busy machine.
    within = min(frame_s, 0.020)
    for idx, start, first, before, end, last, after in report:
        # Never early, and well within one frame late, on the engine's clock.
        assert before < first and start - 1e-3 <= first <= start + within, report[idx]
        assert last < after and end - 1e-3 <= after <= end + within, report[idx]
    assert samples[-1][1] == ""
