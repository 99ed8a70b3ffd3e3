"""MPEG stream starts: are the first pictures numbered right, with both cores busy?

Starts each MPEG program stream of the shared corpus many times while two
processes keep both cores busy and the GUI thread is busy half the time (as
when the app lays out and paints a screen), and checks the first 8 pictures the engine
presents against ffmpeg's decode of the file: a start is exact when every
picture is the frame the engine numbered it. Measured twice in the same run:
with the first frames' fingerprints (`media.first_frames`, as the engine
loads an MPEG stream) and, as the baseline, without them (counting alone).
Also times the fingerprinting itself. Prints a table and ends with one JSON line.

    python benchmarks/mpeg_start.py [--starts 15] [--idle]
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication

from pocus_player.media.engine import MediaEngine
from pocus_player.media.first_frames import first_frame_prints
from pocus_player.media.frames import fingerprint
from pocus_player.media.probe import VlcMediaProbe
from pocus_player.media.vlc_instance import VlcRuntime
from tests.conftest import CORPUS
from tests.media.media_fixtures import corpus_clips, reference_frames

SHOWN = 8


class CountingOnlyProbe(VlcMediaProbe):
    """The baseline: no first-frame fingerprints, so the engine only counts."""

    def first_frame_prints(self, path: Path, width: int, height: int) -> tuple[bytes, ...]:
        return ()


def spin(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def first_shown(engine: MediaEngine, path: Path) -> list[tuple[int, bytes]]:
    """(number, fingerprint) of the first pictures the engine presents after load()."""
    seen: list[tuple[int, bytes]] = []
    loop = QEventLoop()

    def on_frame(index: int, _ms: int) -> None:
        frame = engine._playback.shown  # the picture just presented
        seen.append((index, frame.fingerprint if frame is not None else b""))
        if len(seen) >= SHOWN:
            loop.quit()

    engine.frame_presented.connect(on_frame)
    QTimer.singleShot(10_000, loop.quit)
    engine.load(path)
    loop.exec()
    engine.frame_presented.disconnect(on_frame)
    engine.stop()
    return seen


def classify(seen: list[tuple[int, bytes]], truth: list[bytes]) -> str:
    if len(seen) < SHOWN:
        return "stalled"
    if all(0 <= i < len(truth) and truth[i] == p for i, p in seen):
        return "exact"
    actual = [truth.index(p) if p in truth else -1 for _, p in seen]
    if actual[0] == 1 and seen[0][0] == 0:
        return "first dropped"
    if any(a == b for a, b in itertools.pairwise(actual)):
        return "repeat counted"  # libvlc showed a picture again; counted as the next frame
    return "other"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--starts", type=int, default=15, help="starts per clip and mode")
    ap.add_argument("--idle", action="store_true", help="leave the cores idle")
    args = ap.parse_args()
    app = QGuiApplication(sys.argv)  # noqa: F841
    logging.getLogger("pocus_player.media.libvlc").setLevel(logging.ERROR)  # keep the table clear
    runtime = VlcRuntime()
    clips = [c for c in corpus_clips(CORPUS) if c.path.suffix.lower() in (".mpeg", ".mpg")]
    truths = {}
    for clip in clips:
        refs = reference_frames(clip.path, 0, 40, clip.width, clip.height)
        truths[clip.path] = [fingerprint(np.ascontiguousarray(refs[i])) for i in sorted(refs)]
    learn_ms: list[float] = []
    learn_exact = 0
    for clip in clips:
        for _ in range(5):
            t0 = time.perf_counter()
            prints = first_frame_prints(runtime.instance, clip.path, clip.width, clip.height)
            learn_ms.append((time.perf_counter() - t0) * 1000)
            learn_exact += list(prints) == truths[clip.path][: len(prints)] and len(prints) > 0
    seeded = MediaEngine(runtime, audio_output="adummy")
    counting = MediaEngine(runtime, probe=CountingOnlyProbe(runtime), audio_output="adummy")
    burners = (
        []
        if args.idle
        else [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    )
    gui_load = QTimer()  # a GUI thread busy half the time, holding the interpreter lock
    gui_load.timeout.connect(lambda: spin(0.002))
    if not args.idle:
        gui_load.start(4)
    outcomes: dict[str, dict[str, int]] = {"seeded": {}, "counting": {}}
    try:
        for _ in range(args.starts):
            for clip in clips:
                for name, engine in (("seeded", seeded), ("counting", counting)):
                    kind = classify(first_shown(engine, clip.path), truths[clip.path])
                    outcomes[name][kind] = outcomes[name].get(kind, 0) + 1
    finally:
        for p in burners:
            p.kill()
            p.wait()
    gui_load.stop()
    seeded.close()
    counting.close()
    kinds = ["exact", "first dropped", "repeat counted", "other", "stalled"]
    total = args.starts * len(clips)
    print(
        f"{len(clips)} MPEG clips x {args.starts} starts, cores {'idle' if args.idle else 'busy'}"
    )
    print(f"{'engine':<34}" + "".join(f"{k:>16}" for k in kinds))
    labels = {"seeded": "first frames known (the engine)", "counting": "counting only (baseline)"}
    for name in ("seeded", "counting"):
        print(f"{labels[name]:<34}" + "".join(f"{outcomes[name].get(k, 0):>16}" for k in kinds))
    print(
        f"fingerprinting the first frames: median {statistics.median(learn_ms):.1f} ms, "
        f"max {max(learn_ms):.1f} ms; {learn_exact} of {len(learn_ms)} equal to ffmpeg's decode"
    )
    print(
        json.dumps(
            {
                "starts": total,
                "busy_cores": not args.idle,
                "exact_fraction": round(outcomes["seeded"].get("exact", 0) / total, 3),
                "baseline_exact_fraction": round(outcomes["counting"].get("exact", 0) / total, 3),
                "baseline_first_dropped": outcomes["counting"].get("first dropped", 0),
                "baseline_repeat_counted": outcomes["counting"].get("repeat counted", 0),
                "learn_median_ms": round(statistics.median(learn_ms), 1),
                "learn_exact_fraction": round(learn_exact / len(learn_ms), 3),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
