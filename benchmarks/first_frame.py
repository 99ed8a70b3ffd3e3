"""Time from load to the first frame on screen, against a bare python-vlc player in the same run.

The bare player is what a minimal python-vlc app does: a media player with
video callbacks into a buffer, set_media, play, and the first display callback.
The engine is measured from `load()` to its first `frame_presented` signal,
with the probe cache warm (as in the app, where the case validator probed every
file at case load) and cold (a new probe each time). Prints a table and ends
with one JSON line.

    python benchmarks/first_frame.py [--runs 30]
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import vlc
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication

from pocus_player.media.engine import MediaEngine
from pocus_player.media.probe import VlcMediaProbe
from pocus_player.media.vlc_instance import VlcRuntime
from tests.conftest import CORPUS


def bare_first_frame(instance: vlc.Instance, path: Path, width: int, height: int) -> float:
    buf = (ctypes.c_uint8 * (width * height * 4))()
    shown = threading.Event()

    @vlc.CallbackDecorators.VideoLockCb
    def lock(_op, planes):  # type: ignore[no-untyped-def]
        planes[0] = ctypes.addressof(buf)
        return None

    @vlc.CallbackDecorators.VideoDisplayCb
    def display(_op, _pic):  # type: ignore[no-untyped-def]
        shown.set()

    player = instance.media_player_new()
    player.audio_output_set("adummy")
    player.video_set_callbacks(lock, None, display, None)
    player.video_set_format("RV32", width, height, width * 4)
    t0 = time.perf_counter()
    player.set_media(instance.media_new_path(str(path)))
    player.play()
    shown.wait(10)
    elapsed = time.perf_counter() - t0
    player.stop()
    player.release()
    return elapsed * 1000


def engine_first_frame(engine: MediaEngine, path: Path) -> float:
    loop = QEventLoop()
    engine.frame_presented.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    t0 = time.perf_counter()
    engine.load(path)
    loop.exec()
    elapsed = time.perf_counter() - t0
    engine.frame_presented.disconnect(loop.quit)
    engine.stop()
    return elapsed * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    app = QGuiApplication(sys.argv)  # noqa: F841
    runtime = VlcRuntime()
    clips = [
        CORPUS / "Cov_recommendations_lightbeam_mov6.mov",
        CORPUS / "Vir_whitelung_h1n1.mp4",
        CORPUS / "Reg_Image_182106_crop.mp4",
    ]
    warm = MediaEngine(runtime, audio_output="adummy")
    sizes = {c: warm.probe.probe(c) for c in clips}
    bare: list[float] = []
    ours_warm: list[float] = []
    ours_cold: list[float] = []
    for i in range(args.runs):
        for clip in clips:
            info = sizes[clip]
            bare.append(bare_first_frame(runtime.instance, clip, info.width, info.height))
            ours_warm.append(engine_first_frame(warm, clip))
            warm.probe = warm.probe  # cache stays warm
            cold_probe = VlcMediaProbe(runtime)
            warm_probe, warm.probe = warm.probe, cold_probe
            ours_cold.append(engine_first_frame(warm, clip))
            warm.probe = warm_probe
        if i == 0:  # first round warms libvlc's plugin caches: not counted
            bare.clear(), ours_warm.clear(), ours_cold.clear()
    warm.close()
    med = {
        k: statistics.median(v)
        for k, v in (("bare", bare), ("warm", ours_warm), ("cold", ours_cold))
    }
    print(f"{'player':<28} {'median ms':>10} {'p90 ms':>8} {'ratio':>6}")
    for name, key, data in (
        ("bare python-vlc", "bare", bare),
        ("engine, probe cached", "warm", ours_warm),
        ("engine, probe cold", "cold", ours_cold),
    ):
        p90 = statistics.quantiles(data, n=10)[-1]
        print(f"{name:<28} {med[key]:>10.1f} {p90:>8.1f} {med[key] / med['bare']:>6.2f}")
    print(
        json.dumps(
            {
                "runs": len(bare),
                "baseline_median_ms": round(med["bare"], 1),
                "median_ms": round(med["warm"], 1),
                "cold_median_ms": round(med["cold"], 1),
                "ratio_to_baseline": round(med["warm"] / med["bare"], 3),
                "cold_ratio_to_baseline": round(med["cold"] / med["bare"], 3),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
