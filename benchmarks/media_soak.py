"""Soak: 200 clip loads in one process; RSS growth after warm-up, slowest load and stop, GUI stalls.

Cycles through the shared corpus clips: load, wait for the first frame, let it
play a little, stop. A 10 ms QTimer heartbeat on the GUI thread measures
stalls (the longest gap between beats, less the period). Prints a table and
ends with one JSON line.

    python benchmarks/media_soak.py [--loads 200] [--warmup 25]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication

from pocus_player.media.engine import MediaEngine
from pocus_player.media.vlc_instance import VlcRuntime
from tests.conftest import CORPUS

HEARTBEAT_MS = 10


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


class Heartbeat:
    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def beat(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self.last) * 1000 - HEARTBEAT_MS)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0


def slope_kb_per_load(samples: list[float]) -> float:
    """Least-squares slope of RSS samples (MB, one per load), in KB per load."""
    n = len(samples)
    if n < 2:
        return 0.0
    mean_x, mean_y = (n - 1) / 2, statistics.fmean(samples)
    num = sum((i - mean_x) * (y - mean_y) for i, y in enumerate(samples))
    den = sum((i - mean_x) ** 2 for i in range(n))
    return num / den * 1024


def wait(ms: int, signal=None) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    if signal is not None:
        signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    if signal is not None:
        signal.disconnect(loop.quit)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--loads", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=25)
    args = ap.parse_args()
    app = QGuiApplication(sys.argv)  # noqa: F841
    engine = MediaEngine(VlcRuntime(), audio_output="adummy")
    clips = sorted(p for p in CORPUS.iterdir() if p.suffix in (".mp4", ".mov", ".mpeg"))
    beat = Heartbeat()
    load_ms: list[float] = []
    stop_call_ms: list[float] = []
    faults: list[str] = []
    engine.media_fault.connect(lambda k, p, m: faults.append(m))
    rss_start = rss_mb()
    rss_warm = rss_start
    stalls_after_warmup = 0.0
    rss_after: list[float] = []  # after each load past the warm-up
    for i in range(args.loads):
        if i == args.warmup:
            rss_warm = rss_mb()
            beat.reset()
        clip = clips[i % len(clips)]
        t0 = time.perf_counter()
        engine.load(clip)
        wait(10_000, engine.frame_presented)
        load_ms.append((time.perf_counter() - t0) * 1000)
        wait(120)
        t0 = time.perf_counter()
        engine.stop()
        stop_call_ms.append((time.perf_counter() - t0) * 1000)
        if i >= args.warmup:
            stalls_after_warmup = max(stalls_after_warmup, beat.worst)
            rss_after.append(rss_mb())
    wait(300)
    rss_end = rss_mb()
    engine.close()
    growth = rss_end - rss_warm
    # Two samples can land on either side of the allocator's ups and downs: the
    # trend over every load after the warm-up (and over the last half) says more.
    slope = slope_kb_per_load(rss_after)
    slope_late = slope_kb_per_load(rss_after[len(rss_after) // 2 :])
    print(f"{'loads':<34} {args.loads}")
    print(
        f"{'RSS start / after warm-up / end':<34} {rss_start:.1f} / {rss_warm:.1f} / {rss_end:.1f} MB"
    )
    print(
        f"{'RSS growth after warm-up':<34} {growth:+.1f} MB ({growth * 1024 / (args.loads - args.warmup):+.1f} KB/load)"
    )
    print(f"{'RSS trend after warm-up / 2nd half':<34} {slope:+.1f} / {slope_late:+.1f} KB/load")
    print(f"{'RSS max after warm-up':<34} {max(rss_after, default=rss_end):.1f} MB")
    print(
        f"{'load to first frame median / max':<34} {statistics.median(load_ms):.1f} / {max(load_ms):.1f} ms"
    )
    print(f"{'stop() call on GUI thread max':<34} {max(stop_call_ms):.2f} ms")
    print(f"{'worst GUI stall after warm-up':<34} {stalls_after_warmup:.1f} ms")
    print(f"{'faults':<34} {len(faults)}")
    print(
        json.dumps(
            {
                "loads": args.loads,
                "rss_growth_mb": round(growth, 2),
                "rss_growth_kb_per_load": round(growth * 1024 / (args.loads - args.warmup), 1),
                "rss_slope_kb_per_load": round(slope, 1),
                "rss_slope_last_half_kb_per_load": round(slope_late, 1),
                "rss_max_after_warmup_mb": round(max(rss_after, default=rss_end), 1),
                "median_load_ms": round(statistics.median(load_ms), 1),
                "max_load_ms": round(max(load_ms), 1),
                "max_stop_call_ms": round(max(stop_call_ms), 2),
                "max_gui_stall_ms": round(stalls_after_warmup, 1),
                "faults": len(faults),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
