"""Writes the tiny samples `pocus-player selftest` decodes: one file per kind of clip the app plays.

    python assets/make_selftest_media.py      (needs ffmpeg with libx264, libopus)

Each video sample has a known number of frames and each audio sample a known length, kept
in `selftest/samples.json`, so that a decoder that drops pictures (a missing packetizer
plugin) or stops early fails the check rather than passing it. Kept small: they ship in
every build.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "selftest"
FRAMES, FPS, SIZE = 24, 24, "96x64"
AUDIO_S = 1.0

SOURCE = f"testsrc2=size={SIZE}:rate={FPS}:duration={FRAMES / FPS}"
TONE = "sine=frequency=440:sample_rate=48000:duration={}"

# name: (kind, what it stands for, ffmpeg arguments after the inputs)
SAMPLES: dict[str, tuple[str, str, list[str]]] = {
    "h264-420.mp4": (
        "video",
        "H.264 4:2:0 in MP4 with AAC audio",
        ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"],
    ),
    "h264-444.mov": (
        "video",
        "H.264 High 4:4:4 in QuickTime (screen recordings)",
        ["-c:v", "libx264", "-pix_fmt", "yuv444p", "-an"],
    ),
    "mpeg2.mpg": (
        "video",
        "MPEG-2 video in an MPEG program stream with MP2 audio",
        ["-c:v", "mpeg2video", "-c:a", "mp2", "-f", "vob"],
    ),
    "mpeg4.avi": (
        "video",
        "MPEG-4 part 2 in AVI (ultrasound machine exports)",
        ["-c:v", "mpeg4", "-an"],
    ),
    "animated.gif": ("video", "animated GIF", ["-an"]),
    "narration.wav": ("audio", "narration, PCM WAV", ["-c:a", "pcm_s16le"]),
    "narration.ogg": ("audio", "narration, Opus in Ogg", ["-c:a", "libopus"]),
    "narration.m4a": ("audio", "narration, AAC in M4A", ["-c:a", "aac"]),
    "still.png": ("still", "still image, PNG", ["-frames:v", "1"]),
}


def main() -> int:
    OUT.mkdir(exist_ok=True)
    manifest = {}
    for name, (kind, label, args) in SAMPLES.items():
        inputs: list[str] = []
        if kind in ("video", "still"):
            inputs += ["-f", "lavfi", "-i", SOURCE]
        if kind == "audio" or (kind == "video" and "-an" not in args):
            inputs += [
                "-f",
                "lavfi",
                "-i",
                TONE.format(AUDIO_S if kind == "audio" else FRAMES / FPS),
            ]
        path = OUT / name
        cmd = ["ffmpeg", "-v", "error", "-y", "-bitexact", *inputs, *args, str(path)]
        subprocess.run(cmd, check=True)
        entry: dict[str, object] = {"kind": kind, "label": label}
        if kind == "video":
            entry["frames"] = FRAMES
        if kind == "audio":
            entry["audio_s"] = AUDIO_S
        manifest[name] = entry
    (OUT / "samples.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(manifest)} samples to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
