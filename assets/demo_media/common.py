"""Shared tools of the demo media generators: running encoders, writing PNGs, probing."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent.parent  # assets/
MEDIA = HERE / "media"
FPS = 30
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
NARRATOR_VOICE = ("en-us+m3", 145, 42)  # voice, words per minute, pitch: slow and calm
NURSE_VOICE = ("en-us+f3", 165, 55)
DOCTOR_VOICE = ("en-us+m1", 160, 40)
DOCTOR_VOICE_QUICK = ("en-us+m1", 185, 40)  # urgent

Points = list[tuple[float, float]]


# --------------------------------------------------------------------------- small tools


def run(cmd: list[str], data: bytes | None = None) -> bytes:
    """Run a tool; on failure, stop with its own error text rather than a traceback."""
    proc = subprocess.run(cmd, input=data, capture_output=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"{cmd[0]} failed: {proc.stderr.decode(errors='replace')[-2000:]}")
    return proc.stdout


def write_png(path: Path, img: np.ndarray) -> None:
    """An 8-bit greyscale PNG with no metadata chunks, so the bytes depend on pixels only."""
    h, w = img.shape
    raw = b"".join(b"\x00" + img[y].tobytes() for y in range(h))

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)
    data = zlib.compress(raw, 9)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def encode_video(
    path: Path,
    frames: Iterator[np.ndarray],
    size: tuple[int, int],
    pix_fmt: str = "gray",
    audio: Path | None = None,
    vfilter: str | None = None,
    crf: int = 28,
) -> None:
    """Pipe raw frames into libx264 (yuv420p, faststart), optionally muxing an AAC track."""
    w, h = size
    cmd = ["ffmpeg", "-y", "-v", "error", "-f", "rawvideo", "-pix_fmt", pix_fmt]
    cmd += ["-s", f"{w}x{h}", "-r", str(FPS), "-i", "-"]
    if audio is not None:
        cmd += ["-i", str(audio)]
    if vfilter:
        cmd += ["-vf", vfilter]
    cmd += ["-c:v", "libx264", "-preset", "slow", "-crf", str(crf), "-pix_fmt", "yuv420p"]
    # A keyframe every second keeps frame-exact seeks cheap; one thread keeps output bit-exact.
    cmd += ["-g", str(FPS), "-threads", "1", "-x264-params", "threads=1"]
    if audio is not None:
        cmd += ["-c:a", "aac", "-b:a", "40k", "-ac", "1", "-ar", "22050"]
        cmd += ["-map", "0:v", "-map", "1:a"]
    cmd += ["-movflags", "+faststart", "-fflags", "+bitexact", "-flags", "+bitexact"]
    cmd += ["-map_metadata", "-1", str(path)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None
    for frame in frames:
        proc.stdin.write(np.ascontiguousarray(frame, dtype=np.uint8).tobytes())
    proc.stdin.close()
    err = proc.stderr.read() if proc.stderr else b""
    if proc.wait() != 0:
        sys.exit(f"ffmpeg failed on {path.name}: {err.decode(errors='replace')[-2000:]}")


def probe(path: Path) -> dict[str, object]:
    """Duration, size, frame rate and decoded frame count as ffprobe reports them."""
    out = run(
        [
            "ffprobe",
            "-v",
            "error",
            "-count_frames",
            "-show_entries",
            "format=duration:stream=codec_type,codec_name,width,height,r_frame_rate,nb_read_frames,"
            "sample_rate,channels",
            "-of",
            "json",
            str(path),
        ]
    )
    info = json.loads(out)
    result: dict[str, object] = {"duration_s": round(float(info["format"]["duration"]), 3)}
    for st in info["streams"]:
        if st["codec_type"] == "video" and st.get("codec_name") != "png":
            num, den = (int(v) for v in st["r_frame_rate"].split("/"))
            result.update(
                width=st["width"],
                height=st["height"],
                frame_rate=num / den,
                frame_count=int(st["nb_read_frames"]),
                video_codec=st["codec_name"],
            )
        elif st["codec_type"] == "audio":
            result.update(
                audio_codec=st["codec_name"],
                channels=st["channels"],
                sample_rate=int(st["sample_rate"]),
            )
    return result


# --------------------------------------------------------------------------- geometry
