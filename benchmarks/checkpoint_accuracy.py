"""Checkpoint accuracy: stop on 100 authored frames (two frame rates) and read the frozen frame's number.

Each test clip carries its frame number as a row of black/white blocks, so the
frame on screen at every stop is read back exactly. Prints a table and ends
with one JSON line.

    python benchmarks/checkpoint_accuracy.py [--per-rate 50]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication

from pocus_player.core.model import Checkpoint
from pocus_player.media.engine import MediaEngine
from pocus_player.media.vlc_instance import VlcRuntime
from tests.media.media_fixtures import encode_pattern, pattern_number, qimage_array

X264 = ("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p")


def run_clip(engine: MediaEngine, path: Path, fps: float, count: int, frames: int, seed: int):
    rng = random.Random(seed)
    targets = sorted(rng.sample(range(3, frames - 3, 3), count))
    cps = []
    for i, f in enumerate(targets):
        if i % 2:  # half as frame numbers, half as (odd) times inside the frame
            cps.append(Checkpoint(f"c{i}", time_s=None, frame=f, questions=()))
        else:
            cps.append(Checkpoint(f"c{i}", round((f + rng.uniform(0.05, 0.95)) / fps, 4), None, ()))
    results: list[tuple[int, int, float]] = []
    loop = QEventLoop()
    t_stop = [0.0]

    def on_cp(cid: str, frame: int) -> None:
        shown = pattern_number(qimage_array(engine.frozen_frame()))
        target = next(c for c in cps if c.id == cid).target_frame(fps)
        results.append((target, shown, time.monotonic() - t_stop[0]))
        QTimer.singleShot(30, resume)

    def resume() -> None:
        t_stop[0] = time.monotonic()
        engine.play()

    engine.checkpoint_reached.connect(on_cp)
    engine.ended.connect(loop.quit)
    engine.media_fault.connect(lambda *a: print("fault:", *a))
    t_stop[0] = time.monotonic()
    engine.load(path, checkpoints=cps)
    QTimer.singleShot(int(frames / fps * 1000 + count * 200 + 10_000), loop.quit)
    loop.exec()
    engine.checkpoint_reached.disconnect(on_cp)
    engine.ended.disconnect(loop.quit)
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-rate", type=int, default=50)
    args = ap.parse_args()
    app = QGuiApplication(sys.argv)  # noqa: F841
    engine = MediaEngine(VlcRuntime(), audio_output="adummy")
    rows = []
    all_errors: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        for fps_text, fps, frames in (("30", 30.0, 330), ("25", 25.0, 280)):
            clip = encode_pattern(Path(tmp) / f"p{fps_text}.mp4", frames, fps_text, *X264)
            res = run_clip(engine, clip, fps, args.per_rate, frames, seed=int(fps))
            errors = [shown - target for target, shown, _ in res]
            all_errors += errors
            rows.append((fps_text, len(res), sum(e == 0 for e in errors), Counter(errors)))
    engine.close()
    print(f"{'fps':>5} {'stops':>6} {'exact':>6}  error distribution (frames: count)")
    for fps_text, n, exact, dist in rows:
        d = ", ".join(f"{k:+d}: {v}" for k, v in sorted(dist.items()))
        print(f"{fps_text:>5} {n:>6} {exact:>6}  {d}")
    n = len(all_errors)
    exact = sum(e == 0 for e in all_errors)
    print(f"total {n} stops, exact {exact}, max |error| {max(map(abs, all_errors), default=0)}")
    print(
        json.dumps(
            {
                "checkpoints": n,
                "exact": exact,
                "exact_fraction": round(exact / n, 4) if n else 0.0,
                "within_one_fraction": round(sum(abs(e) <= 1 for e in all_errors) / n, 4)
                if n
                else 0.0,
                "max_error_frames": max(map(abs, all_errors), default=0),
                "mean_abs_error_frames": round(statistics.fmean(map(abs, all_errors)), 4)
                if n
                else 0.0,
            }
        )
    )
    return 0 if n else 1


if __name__ == "__main__":
    sys.exit(main())
