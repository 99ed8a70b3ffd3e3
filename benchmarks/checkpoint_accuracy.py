"""Checkpoint accuracy: stop on authored frames and read the frozen frame's number back.

Each test clip carries its frame number as a row of black/white blocks, so the
frame on screen at every stop is read back exactly. The base run stops on 100
frames of two constant-rate H.264 clips; `--fidelity` adds every clip of the
fidelity corpus (tests/media/fidelity_corpus.py: VFR MOV, MPEG-4 AVI at 25 and
22.24 fps, a MOV declaring another size, odd sizes, 4:4:4, CFR 10-60 fps, a
GIF with mixed delays), judged against ffmpeg's own decode: frame N is the N-th
picture the file shows (for a GIF, the picture showing at N / frame rate), and
a time checkpoint the picture showing at that time. `--stress` keeps both cores
busy with CPU burners meanwhile. Prints a table per clip (with how many pictures
the numbering found lost on resuming) and per clip kind, and ends with one JSON line.

    python benchmarks/checkpoint_accuracy.py [--per-rate 50] [--fidelity [--per-clip 12]] [--stress]
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication

from pocus_player.core.frame_timeline import FrameTimeline
from pocus_player.core.model import Checkpoint
from pocus_player.media.engine import MediaEngine
from pocus_player.media.probe import VlcMediaProbe
from pocus_player.media.vlc_instance import VlcRuntime
from tests.media.fidelity_corpus import (
    FidelityClip,
    build_fidelity_corpus,
    ffprobe_facts,
    picture_number,
    picture_numbers,
)
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
        target = next(c for c in cps if c.id == cid).target_frame(FrameTimeline(fps))
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


def run_fidelity_clip(
    engine: MediaEngine, probe: VlcMediaProbe, clip: FidelityClip, per_clip: int, seed: int
) -> list[tuple[str, int]]:
    """(how authored, error in pictures: shown - expected) at `per_clip` checkpoints.

    Half are authored as frame numbers, half as times inside a picture ("frame" / "time").
    """
    ref = ffprobe_facts(clip.path)
    numbers = picture_numbers(clip.path, ref.width, ref.height)
    times = list(ref.frame_times)
    info = probe.probe(clip.path)
    fps = info.frame_rate or ref.average_rate
    is_gif = clip.path.suffix == ".gif"
    rng = random.Random(seed)
    pictures = len(numbers)
    # GIF frame numbers are ticks of the frame rate; others count pictures
    last = int(info.duration_s * fps) - 2 if is_gif else pictures - 3
    candidates = list(range(2, max(3, last)))
    targets = sorted(rng.sample(candidates, min(per_clip, len(candidates))))
    cps: list[Checkpoint] = []
    expected: dict[str, int] = {}
    for i, f in enumerate(targets):
        cid = f"c{i}"
        if i % 2 or is_gif:
            cps.append(Checkpoint(cid, time_s=None, frame=f, questions=()))
            # frame N: the N-th picture; for a GIF the picture showing at N / fps
            expected[cid] = bisect.bisect_right(times, f / fps + 1e-9) - 1 if is_gif else f
        else:
            pic = min(f, pictures - 2)
            t = times[pic] + rng.uniform(0.1, 0.9) * (times[pic + 1] - times[pic])
            cps.append(Checkpoint(cid, round(t, 4), None, ()))
            expected[cid] = bisect.bisect_right(times, round(t, 4)) - 1
    authored = {c.id: "frame" if c.frame is not None else "time" for c in cps}
    errors: list[tuple[str, int]] = []
    loop = QEventLoop()

    def on_cp(cid: str, _frame: int) -> None:
        shown = picture_number(qimage_array(engine.frozen_frame()))
        # a number that is no picture of the file counts as a miss
        error = numbers.index(shown) - expected[cid] if shown in numbers else 10_000
        errors.append((authored[cid], error))
        QTimer.singleShot(30, engine.play)

    engine.checkpoint_reached.connect(on_cp)
    engine.ended.connect(loop.quit)
    engine.load(clip.path, checkpoints=cps)
    QTimer.singleShot(int(info.duration_s * 1000 + len(cps) * 200 + 10_000), loop.quit)
    loop.exec()
    engine.checkpoint_reached.disconnect(on_cp)
    engine.ended.disconnect(loop.quit)
    reached = len(errors)
    return errors + [(authored[c.id], 10_000) for c in cps[reached:]]


def lost_pictures(engine: MediaEngine) -> int:
    """Pictures the numbering found libvlc lost on resuming (frame_numbering._lost_at_resume)."""
    return int(engine._sink.numbering.lost)


@contextmanager
def cpu_burners(count: int) -> Iterator[None]:
    """`count` processes spinning on a core each, stopped (by their pid) on exit."""
    procs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()


def summary(errors: list[int]) -> dict[str, object]:
    n = len(errors)
    return {
        "checkpoints": n,
        "exact": sum(e == 0 for e in errors),
        "exact_fraction": round(sum(e == 0 for e in errors) / n, 4) if n else 0.0,
        "within_one_fraction": round(sum(abs(e) <= 1 for e in errors) / n, 4) if n else 0.0,
        "max_error_frames": max(map(abs, errors), default=0),
        "mean_abs_error_frames": round(statistics.fmean(map(abs, errors)), 4) if n else 0.0,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-rate", type=int, default=50)
    ap.add_argument("--fidelity", action="store_true", help="add the fidelity corpus")
    ap.add_argument("--per-clip", type=int, default=12, help="checkpoints per fidelity clip")
    ap.add_argument("--stress", action="store_true", help="CPU burners on both cores")
    ap.add_argument("--kind", action="append", help="only these fidelity clip kinds (repeatable)")
    args = ap.parse_args()
    app = QGuiApplication(sys.argv)  # noqa: F841
    runtime = VlcRuntime()
    engine = MediaEngine(runtime, audio_output="adummy")
    probe = VlcMediaProbe(runtime)
    rows = []
    all_errors: list[int] = []
    kinds: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        clips = build_fidelity_corpus(Path(tmp) / "fidelity") if args.fidelity else []
        clips = [c for c in clips if not args.kind or c.kind in args.kind]
        base = [
            (
                fps_text,
                fps,
                frames,
                encode_pattern(Path(tmp) / f"p{fps_text}.mp4", frames, fps_text, *X264),
            )
            for fps_text, fps, frames in (("30", 30.0, 330), ("25", 25.0, 280))
        ]
        with cpu_burners(2 if args.stress else 0):
            for fps_text, fps, frames, clip in base:
                lost = lost_pictures(engine)
                res = run_clip(engine, clip, fps, args.per_rate, frames, seed=int(fps))
                errors = [shown - target for target, shown, _ in res]
                all_errors += errors
                kinds.setdefault("cfr_base", []).extend(errors)
                counts = (len(res), sum(e == 0 for e in errors), lost_pictures(engine) - lost)
                rows.append((fps_text, *counts, Counter(errors)))
            for i, fclip in enumerate(clips):
                lost = lost_pictures(engine)
                labelled = run_fidelity_clip(engine, probe, fclip, args.per_clip, seed=i)
                errors = [e for _, e in labelled]
                all_errors += errors
                kinds.setdefault(fclip.kind, []).extend(errors)
                for how, e in labelled:
                    kinds.setdefault(f"{fclip.kind} ({how})", []).append(e)
                counts = (len(errors), sum(e == 0 for e in errors), lost_pictures(engine) - lost)
                rows.append((fclip.name, *counts, Counter(errors)))
    engine.close()
    print(f"{'clip':>18} {'stops':>6} {'exact':>6} {'lost':>5}  error distribution (pictures: count)")
    for name, n, exact, lost_count, dist in rows:
        d = ", ".join(
            f"{k:+d}: {v}" if k != 10_000 else f"missed: {v}" for k, v in sorted(dist.items())
        )
        print(f"{name:>18} {n:>6} {exact:>6} {lost_count:>5}  {d}")
    print()
    print(f"{'kind':>24} {'stops':>6} {'exact %':>8} {'worst':>6}")
    for kind, errors in sorted(kinds.items()):
        k = summary(errors)
        print(
            f"{kind:>24} {k['checkpoints']:>6} {100 * float(k['exact_fraction']):>8.1f} {k['max_error_frames']:>6}"
        )
    n = len(all_errors)
    exact = sum(e == 0 for e in all_errors)
    print(f"total {n} stops, exact {exact}, max |error| {max(map(abs, all_errors), default=0)}")
    figures = summary(all_errors)
    figures["stress"] = args.stress
    figures["fidelity"] = args.fidelity
    if args.fidelity:
        figures["kinds"] = {
            kind: {key: summary(errors)[key] for key in ("exact_fraction", "max_error_frames")}
            for kind, errors in kinds.items()
        }
    print(json.dumps(figures))
    return 0 if n else 1


if __name__ == "__main__":
    sys.exit(main())
