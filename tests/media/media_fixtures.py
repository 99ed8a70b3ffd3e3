"""Media test fixtures: a libvlc runtime, an engine, generated clips and frame helpers."""

from __future__ import annotations

import csv
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pocus_player.media.vlc_instance import VlcRuntime

# A clip whose frames carry their own number: 16 blocks across the top, white = 1,
# least significant bit on the left. Read back with `pattern_number`.
PATTERN_W, PATTERN_H = 320, 240
_BLOCK = 20


def pattern_frame(n: int, width: int = PATTERN_W, height: int = PATTERN_H) -> np.ndarray:
    """Frame n of the pattern clip, as a height x width x 3 RGB array."""
    yy, xx = np.mgrid[0:height, 0:width]
    f = np.zeros((height, width, 3), np.uint8)
    f[..., 0] = (xx + n * 3) % 256
    f[..., 1] = (yy * 2 + n) % 256
    f[..., 2] = (xx // 4 + yy // 4 + n * 5) % 256
    f[0:40, :, :] = 0
    for b in range(16):
        if (n >> b) & 1:
            f[4:36, b * _BLOCK + 2 : b * _BLOCK + _BLOCK - 2, :] = 255
    return f


def pattern_frames(count: int, width: int = PATTERN_W, height: int = PATTERN_H) -> Iterator[bytes]:
    for n in range(count):
        yield pattern_frame(n, width, height).tobytes()


def pattern_number(pixels: np.ndarray) -> int:
    """The frame number drawn into a pattern frame (BGRX or RGB array, height x width x channels)."""
    row = pixels[20, [b * _BLOCK + _BLOCK // 2 for b in range(16)], 1]
    return int(sum(1 << b for b, v in enumerate(row) if v > 128))


def qimage_array(image) -> np.ndarray:  # type: ignore[no-untyped-def]
    """A QImage (Format_RGB32) as a height x width x 4 array (copied)."""
    h, bpl = image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), np.uint8, count=h * bpl).reshape(h, bpl // 4, 4)
    out = data[:, : image.width(), :].copy()
    del data  # release the view of the QImage's memory at once
    return out


def shown_number(engine) -> int:  # type: ignore[no-untyped-def]
    """The frame number drawn in the engine's frozen picture."""
    image = engine.frozen_frame()
    assert image is not None, "no frame on screen"
    return pattern_number(qimage_array(image))


def first_pictures(qtbot, engine, start, count: int = 6) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """(frame number, number drawn in the picture) of the first `count` pictures after start()."""
    seen: list[tuple[int, int]] = []

    def on_frame(index: int, _ms: int) -> None:
        seen.append((index, pattern_number(qimage_array(engine.current_image()))))

    engine.frame_presented.connect(on_frame)
    try:
        start()
        qtbot.waitUntil(lambda: len(seen) >= count, timeout=10_000)
    finally:
        engine.frame_presented.disconnect(on_frame)
    return seen[:count]


def load(qtbot, engine, path: Path, **kwargs) -> None:  # type: ignore[no-untyped-def]
    """Load `path` into the engine and wait until it has loaded."""
    with qtbot.waitSignal(engine.media_loaded, timeout=10_000):
        engine.load(path, **kwargs)


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True)


def encode_pattern(
    out: Path, count: int, fps: str, *codec_args: str, size=(PATTERN_W, PATTERN_H)
) -> Path:
    w, h = size
    proc = subprocess.Popen(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "rawvideo",
            "-pix_fmt",
            "rgb24",
            "-s",
            f"{w}x{h}",
            "-r",
            fps,
            "-i",
            "-",
            *codec_args,
            str(out),
        ],
        stdin=subprocess.PIPE,
    )
    assert proc.stdin is not None
    for frame in pattern_frames(count, w, h):
        proc.stdin.write(frame)
    proc.stdin.close()
    assert proc.wait() == 0, f"ffmpeg failed to write {out}"
    return out


def reference_frames(
    path: Path, first: int, last: int, width: int, height: int
) -> dict[int, np.ndarray]:
    """Frames first..last of a file decoded by ffmpeg, as BGRX arrays keyed by index."""
    out = subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-i",
            str(path),
            "-vf",
            f"select=between(n\\,{first}\\,{last})",
            "-vsync",
            "0",
            "-f",
            "rawvideo",
            "-pix_fmt",
            "bgra",
            "-",
        ],
        capture_output=True,
        check=True,
    ).stdout
    frames = np.frombuffer(out, np.uint8).reshape(-1, height, width, 4)
    return {first + i: frames[i] for i in range(len(frames))}


def closest_reference(image: np.ndarray, refs: dict[int, np.ndarray]) -> tuple[int, float]:
    """Index of the reference frame with the smallest mean absolute difference, and that difference."""
    best = min(
        refs, key=lambda i: float(np.abs(refs[i][..., :3].astype(np.int16) - image[..., :3]).mean())
    )
    return best, float(np.abs(refs[best][..., :3].astype(np.int16) - image[..., :3]).mean())


@dataclass(frozen=True)
class CorpusClip:
    path: Path
    fps: float
    duration: float
    frames: int
    width: int
    height: int
    has_audio: bool


def corpus_clips(corpus_dir: Path) -> list[CorpusClip]:
    with (corpus_dir / "MANIFEST.tsv").open(newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    clips = []
    for r in rows:
        num, _, den = r["avg_frame_rate"].partition("/")
        clips.append(
            CorpusClip(
                corpus_dir / r["file"],
                float(num) / float(den or 1),
                float(r["duration"]),
                int(r["nb_read_frames"]),
                int(r["width"]),
                int(r["height"]),
                r["audio"] == "1",
            )
        )
    return clips


@pytest.fixture(scope="session")
def vlc_instance() -> VlcRuntime:
    """One libvlc runtime for the whole test session (as in the app)."""
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is needed to generate the media test files")
    # Like the app's, it lives until the process ends (libvlc aborts if an
    # instance is released while a failed test still holds one of its players).
    return VlcRuntime()


@pytest.fixture
def media_engine(vlc_instance: VlcRuntime, qapp):  # type: ignore[no-untyped-def]
    from pocus_player.media.engine import MediaEngine

    engine = MediaEngine(vlc_instance, audio_output="adummy")
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def media_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Small generated files covering the formats and faults the engine must handle."""
    d = tmp_path_factory.mktemp("media")
    files: dict[str, Path] = {}
    x264 = ("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p")
    files["pattern30"] = encode_pattern(d / "pattern30.mp4", 240, "30", *x264)
    files["pattern_short"] = encode_pattern(d / "pattern_short.mp4", 24, "24", *x264, "-g", "12")
    files["avi_mpeg4"] = encode_pattern(d / "mpeg4.avi", 50, "25", "-c:v", "mpeg4", "-q:v", "3")
    files["h264_444"] = encode_pattern(
        d / "h264_444.mp4",
        60,
        "30",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-pix_fmt",
        "yuv444p",
        "-profile:v",
        "high444",
    )
    # Odd width and height (4:4:4 allows them), not multiples of 16.
    files["odd_size"] = encode_pattern(
        d / "odd_size.mp4",
        60,
        "30000/1001",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-pix_fmt",
        "yuv444p",
        size=(321, 241),
    )
    files["gif"] = encode_pattern(d / "anim.gif", 20, "10", size=(320, 240))
    # MPEG-2 in a program stream: its first picture is due 0.5 s after the clock starts
    files["mpeg_ps"] = encode_pattern(
        d / "pattern.mpg", 75, "25", "-c:v", "mpeg2video", "-q:v", "2", "-g", "12", "-f", "vob"
    )
    # Narration: audio only. Encounter video: picture and sound.
    ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:duration=3",
        "-c:a",
        "aac",
        str(d / "narration.m4a"),
    )
    files["narration"] = d / "narration.m4a"
    ffmpeg(
        "-i",
        str(files["pattern30"]),
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=300:duration=8",
        "-c:v",
        "copy",
        "-c:a",
        "aac",
        "-shortest",
        str(d / "encounter.mp4"),
    )
    files["encounter"] = d / "encounter.mp4"
    # Truncated: index at the front, so the file claims its full length, then cut at 40 %.
    full = encode_pattern(d / "full.mp4", 240, "30", *x264, "-movflags", "+faststart")
    data = full.read_bytes()
    (d / "truncated.mp4").write_bytes(data[: int(len(data) * 0.4)])
    files["truncated"] = d / "truncated.mp4"
    rng = np.random.default_rng(7)
    (d / "garbage.mp4").write_bytes(rng.integers(0, 256, 200_000, dtype=np.uint8).tobytes())
    files["undecodable"] = d / "garbage.mp4"
    (d / "notes.mp4").write_text("this is not a video\n" * 200)
    files["text_as_video"] = d / "notes.mp4"
    # Captions beside a clip: libvlc must never pick them up on its own.
    captioned = d / "captioned.mp4"
    shutil.copy(files["pattern_short"], captioned)
    (d / "captioned.srt").write_text("1\n00:00:00,000 --> 00:00:05,000\nSHOULD NOT APPEAR\n\n")
    files["captioned"] = captioned
    ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=size=300x200:rate=1", "-frames:v", "1", str(d / "still.png")
    )
    files["png"] = d / "still.png"
    ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=size=640x120:rate=1", "-frames:v", "1", str(d / "strip.jpg")
    )
    files["jpeg"] = d / "strip.jpg"
    return files


@pytest.fixture(scope="session")
def fidelity_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Any, Any]]:
    """The fidelity corpus (tests/media/fidelity_corpus.py), each clip with ffprobe's facts."""
    from tests.media.fidelity_corpus import build_fidelity_corpus, ffprobe_facts

    clips = build_fidelity_corpus(tmp_path_factory.mktemp("fidelity"))
    return [(clip, ffprobe_facts(clip.path)) for clip in clips]
