"""A fidelity corpus: clips with the properties real-world files have, generated with ffmpeg.

Each clip shows the pattern picture (its original frame number drawn in blocks,
see `media_fixtures.pattern_frame`), so a decoded picture names the frame it came
from. `build_fidelity_corpus(folder)` writes them (a few seconds of ffmpeg; never
committed) and `ffprobe_facts(path)` gives ffprobe's own count of each, the
reference every probe fact is checked against. Used by the probe tests, the
checkpoint tests and `benchmarks/checkpoint_accuracy.py`.
"""

from __future__ import annotations

import json
import struct
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from tests.media.media_fixtures import pattern_frame

_BLOCK = 20  # as media_fixtures draws them


def picture_number(pixels: object) -> int:
    """The frame number drawn into a pattern picture of any width (blocks that fit are read)."""
    import numpy as np

    array = np.asarray(pixels)
    fit = min(16, array.shape[1] // _BLOCK)
    row = array[20, [b * _BLOCK + _BLOCK // 2 for b in range(fit)], 1]
    return int(sum(1 << b for b, v in enumerate(row) if v > 128))


def picture_numbers(path: Path, width: int, height: int) -> list[int]:
    """The pattern number of every picture ffmpeg decodes from `path`, in presentation order."""
    import numpy as np

    raw = subprocess.run(
        [
            *("ffmpeg", "-v", "error", "-i", str(path), "-fps_mode", "passthrough"),
            *("-f", "rawvideo", "-pix_fmt", "rgb24", "-"),
        ],
        capture_output=True,
        check=True,
    ).stdout
    frames = np.frombuffer(raw, np.uint8).reshape(-1, height, width, 3)
    return [picture_number(f) for f in frames]


# The clips `build_fidelity_corpus` writes, in its order (tests are parametrized by them).
CLIP_NAMES = (
    "vfr_mov_aac",
    "avi_mpeg4_25",
    "avi_mpeg4_2224",
    "mov_tkhd_703",
    "odd_444_1914",
    "h264_444",
    "cfr_10_audio",
    "cfr_2997",
    "cfr_60_audio",
    "gif_mixed_delays",
)


@dataclass(frozen=True)
class FidelityClip:
    name: str
    kind: str  # the property it stands for, as reported per kind by the benchmark
    path: Path
    has_audio: bool
    variable_frame_rate: bool = False
    container_size: tuple[int, int] | None = None  # a track header that differs from the stream


@dataclass(frozen=True)
class ProbeFacts:
    """What ffprobe reads from a clip: the reference for the probe."""

    duration_s: float  # the video stream's
    frame_count: int  # pictures decoded (`-count_frames`)
    width: int  # of the decoded pictures
    height: int
    average_rate: float
    frame_times: tuple[float, ...]  # presentation time of each picture, from the first


def _encode(
    out: Path,
    count: int,
    fps: str,
    size: tuple[int, int],
    codec: tuple[str, ...],
    *,
    video_filter: str | None = None,
    audio_s: float | None = None,
    extra: tuple[str, ...] = (),
) -> Path:
    w, h = size
    cmd = ["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24"]
    cmd += ["-s", f"{w}x{h}", "-r", fps, "-i", "-"]
    if audio_s is not None:
        cmd += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={audio_s}"]
    if video_filter:
        cmd += ["-vf", video_filter]
    cmd += [*codec]
    if audio_s is not None:
        cmd += ["-c:a", "aac", "-b:a", "64k"]
    cmd += [*extra, str(out)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    for n in range(count):
        proc.stdin.write(pattern_frame(n, w, h).tobytes())
    proc.stdin.close()
    if proc.wait() != 0:
        raise RuntimeError(f"ffmpeg failed to write {out}")
    return out


X264 = ("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p")
X264_444 = (
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-pix_fmt",
    "yuv444p",
    "-profile:v",
    "high444",
)
MPEG4 = ("-c:v", "mpeg4", "-q:v", "3")
# Drops two frames in five, irregularly, in the first 2 s only, as a phone does while it
# adjusts exposure: 192 of 240 pictures (48 fps on average), so an average rate puts
# mid-clip pictures several frames away from their own timestamps.
VFR_DROP = "select='gte(n\\,120)+lt(mod(n*3+floor(n/4)\\,5)\\,3)'"


def patch_declared_size(path: Path, width: int, height: int) -> None:
    """Declare `width` x `height` in a MOV/MP4's video track header and sample entry, in place.

    QuickTime screen recordings declare one size in the container (track header
    `tkhd`, sample entry `avc1`) while the H.264 stream decodes to another; ffmpeg
    writes both from the stream, so the test makes such a file by patching the
    tkhd's 16.16 fixed-point fields and the sample entry's 16-bit ones.
    """
    data = bytearray(path.read_bytes())
    patched = 0
    for moov, kind, moov_size in _boxes(data, 0, len(data)):
        if kind != b"moov":
            continue
        for trak, kind, trak_size in _boxes(data, moov + 8, moov + moov_size):
            if kind != b"trak":
                continue
            tkhd = _box(data, trak, trak_size, (b"tkhd",))
            stsd = _box(data, trak, trak_size, (b"mdia", b"minf", b"stbl", b"stsd"))
            if tkhd is None or stsd is None or data[stsd[0] + 20 : stsd[0] + 24] != b"avc1":
                continue  # not the video track
            start, size = tkhd
            data[start + size - 8 : start + size] = struct.pack(">II", width << 16, height << 16)
            entry = stsd[0] + 16  # past the stsd header, version, flags and entry count
            data[entry + 32 : entry + 36] = struct.pack(">HH", width, height)
            patched += 1
    if patched != 1:
        raise RuntimeError(f"{path}: expected one H.264 video track, patched {patched}")
    path.write_bytes(bytes(data))


def _box(data: bytearray, start: int, size: int, path: tuple[bytes, ...]) -> tuple[int, int] | None:
    """(start, size) of the box at `path` inside the box at `start`."""
    found: tuple[int, int] | None = (start, size)
    for kind in path:
        assert found is not None
        parent, parent_size = found
        found = next(
            ((s, n) for s, k, n in _boxes(data, parent + 8, parent + parent_size) if k == kind),
            None,
        )
        if found is None:
            return None
    return found


def _boxes(data: bytearray, start: int, end: int) -> Iterator[tuple[int, bytes, int]]:
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if size == 1:
            size = struct.unpack(">Q", data[pos + 8 : pos + 16])[0]
        elif size == 0:
            size = end - pos
        if size < 8:
            return
        yield pos, kind, size
        pos += size


def build_fidelity_corpus(folder: Path) -> list[FidelityClip]:
    """Write every fidelity clip into `folder`; returns them in a stable order."""
    folder.mkdir(parents=True, exist_ok=True)
    clips: list[FidelityClip] = []

    def add(name: str, kind: str, path: Path, audio: bool, **kw: object) -> None:
        clips.append(FidelityClip(name, kind, path, audio, **kw))  # type: ignore[arg-type]

    # Phone / QuickTime: nominal 60 fps, frames dropped irregularly, timestamps kept.
    add(
        "vfr_mov_aac",
        "vfr_mov",
        _encode(
            folder / "vfr.mov",
            240,
            "60",
            (320, 240),
            X264,
            video_filter=VFR_DROP,
            audio_s=4.0,
            extra=("-fps_mode", "vfr", "-video_track_timescale", "600"),
        ),
        True,
        variable_frame_rate=True,
    )
    # Ultrasound-machine exports: MPEG-4 Part 2 in AVI, whole and fractional rates.
    add("avi_mpeg4_25", "avi", _encode(folder / "mpeg4_25.avi", 93, "25", (320, 240), MPEG4), False)
    add(
        "avi_mpeg4_2224",
        "avi",
        _encode(folder / "mpeg4_2224.avi", 93, "22.24", (320, 240), MPEG4),
        False,
    )
    # Screen recording: the track header says 703x703, the stream decodes to 702x702.
    tkhd = _encode(folder / "tkhd_703.mov", 60, "30", (702, 702), X264)
    patch_declared_size(tkhd, 703, 703)
    add("mov_tkhd_703", "container_size", tkhd, False, container_size=(703, 703))
    # Odd sizes (4:4:4 allows them) and 4:4:4 at an ordinary size.
    add(
        "odd_444_1914",
        "odd_size",
        _encode(folder / "odd_242.mp4", 96, "19.14", (243, 241), X264_444),
        False,
    )
    add(
        "h264_444",
        "h264_444",
        _encode(folder / "h264_444.mp4", 60, "30", (320, 240), X264_444),
        False,
    )
    # Constant rates from 10 to 60 fps, with and without sound.
    add(
        "cfr_10_audio",
        "cfr",
        _encode(folder / "cfr10.mp4", 40, "10", (320, 240), X264, audio_s=4.0),
        True,
    )
    add(
        "cfr_2997",
        "cfr",
        _encode(folder / "cfr2997.mp4", 90, "30000/1001", (320, 240), X264),
        False,
    )
    add(
        "cfr_60_audio",
        "cfr",
        _encode(folder / "cfr60.mov", 180, "60", (320, 240), X264, audio_s=3.0),
        True,
    )
    # GIF with mixed delays: 10 cs and 20 cs pictures.
    gif_src = _encode(
        folder / "gif_src.mkv",
        30,
        "10",
        (160, 120),
        ("-c:v", "ffv1"),
        video_filter="select='not(eq(mod(n\\,3)\\,1))'",
        extra=("-fps_mode", "vfr"),
    )
    gif = folder / "mixed.gif"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-i", str(gif_src), "-fps_mode", "vfr", str(gif)],
        check=True,
    )
    gif_src.unlink()
    add("gif_mixed_delays", "gif", gif, False, variable_frame_rate=True)
    assert tuple(c.name for c in clips) == CLIP_NAMES
    return clips


def ffprobe_facts(path: Path) -> ProbeFacts:
    """ffprobe's reading of a clip's video stream, every picture counted."""
    out = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-select_streams",
            "v:0",
            "-count_frames",
            "-show_entries",
            "stream=width,height,avg_frame_rate,duration,nb_read_frames,time_base,start_pts"
            ":format=duration",
            "-show_entries",
            "frame=pts,best_effort_timestamp",
            "-of",
            "json",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    doc = json.loads(out)
    stream = doc["streams"][0]
    base = Fraction(stream["time_base"])
    raw = [f.get("best_effort_timestamp", f.get("pts")) for f in doc.get("frames", [])]
    stamps: list[int] = []
    for stamp in raw:  # a picture ffmpeg gives no time (an MPEG stream's last) follows on
        if stamp is None and len(stamps) >= 2:
            stamp = 2 * stamps[-1] - stamps[-2]
        if stamp is not None:
            stamps.append(int(stamp))
    stamps.sort()
    first = stamps[0] if stamps else 0
    times = tuple(float((t - first) * base) for t in stamps)
    duration = stream.get("duration") or doc["format"]["duration"]
    return ProbeFacts(
        duration_s=float(duration),
        frame_count=int(stream["nb_read_frames"]),
        width=int(stream["width"]),
        height=int(stream["height"]),
        average_rate=float(Fraction(stream["avg_frame_rate"])),
        frame_times=times,
    )
