"""`pocus-player smoke` (not listed in --help): play clips through the exam's media engine, as JSON.

    pocus-player smoke [CLIP[@FRAME]...] [--start-screen DIR] [--out DIR] [--hold]

For the build's own tests: each video clip is loaded into the same `MediaEngine` the exam
uses, with a checkpoint at FRAME (default: the middle frame); the engine must stop on
it, and the frozen picture is written to DIR as a PNG for the caller to compare with a
reference decode. Audio clips play until they end (or for 2 s); stills are read by Qt as
the question screens read them. --start-screen first opens the proctor's start screen
(settings and PIN in DIR) as `pocus-player app` does, and reports once its PIN field has
the keyboard focus, with a screenshot. One JSON object goes to stdout, with the time from
process start. With --hold the process then waits for a line on stdin, so that the caller
can read its /proc/<pid>/maps.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

STILLS = (".png", ".jpg", ".jpeg")
TIMEOUT_S = 30.0


def add_subparser(subparsers: Any) -> None:
    p = subparsers.add_parser("smoke", description=__doc__.splitlines()[0])  # no help: unlisted
    p.add_argument("clips", nargs="*", help="CLIP or CLIP@FRAME")
    p.add_argument("--start-screen", type=Path, metavar="DIR", help="open the start screen first")
    p.add_argument("--out", type=Path, help="folder for the frozen pictures (PNG)")
    p.add_argument("--hold", action="store_true", help="wait for a line on stdin before exiting")
    p.set_defaults(handler=cmd_smoke)


def _parse(spec: str) -> tuple[Path, int | None]:
    path, sep, frame = spec.rpartition("@")
    if sep and frame.isdigit():
        return Path(path), int(frame)
    return Path(spec), None


def cmd_smoke(args: argparse.Namespace) -> int:
    from pocus_player.ui.display import display_problem

    problem = display_problem()
    if problem:
        print(f"pocus-player: {problem}", file=sys.stderr)
        return 1
    # As `pocus-player app` does: the Qt-free modules of the start screen load before Qt.
    from pocus_player.core import pin, settings_store  # noqa: F401
    from pocus_player.ui import logging_setup  # noqa: F401
    from pocus_player.ui.app import create_qapp

    create_qapp()

    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    results = []
    report: dict[str, Any] = {"pid": os.getpid()}
    if args.start_screen:
        report["start_screen"] = _start_screen(args.start_screen, args.out)
    from pocus_player.media.engine import MediaEngine
    from pocus_player.media.policy import PlaybackPolicy

    engine = MediaEngine(policy=PlaybackPolicy.preview(), audio_output="adummy")
    try:
        for n, spec in enumerate(args.clips):
            path, frame = _parse(spec)
            if path.suffix.lower() in STILLS:
                results.append(_still(path))
            else:
                results.append(_play(engine, path, frame, args.out, n))
    finally:
        engine.close()
    ok = all(r.get("error") is None for r in results)
    if args.start_screen:
        ok = ok and report["start_screen"].get("error") is None
    report.update(ok=ok, clips=results)
    print(json.dumps(report), flush=True)
    if args.hold:
        sys.stdin.readline()
    return 0 if ok else 1


def _start_screen(folder: Path, out: Path | None) -> dict[str, Any]:
    """Open the proctor's start screen as the app does; report when the PIN field has focus."""
    from PySide6.QtCore import QEventLoop, QTimer

    from pocus_player.ui.app import AppOptions, ExamApp

    exam_app = ExamApp(AppOptions(config_dir=folder / "config", results_dir=folder / "results"))
    window: Any = exam_app.show_start()  # the StartWindow (typed as a QWidget there)
    loop = QEventLoop()
    result: dict[str, Any] = {"error": None}

    def ready() -> None:
        pin = window.pin_prompt.pin
        if window.isVisible() and pin.isEnabled() and window.focusWidget() is pin:
            print('{"event": "start screen interactive"}', flush=True)  # for benchmarks/startup.py
            result["interactive_ms"] = round(_since_start_ms(), 1)
            result["title"] = window.windowTitle()
            result["size"] = [window.width(), window.height()]
            loop.quit()
        elif _since_start_ms() > TIMEOUT_S * 1000:
            result["error"] = "the start screen did not become interactive"
            loop.quit()
        else:
            QTimer.singleShot(10, ready)

    QTimer.singleShot(0, ready)
    loop.exec()
    if out is not None and result["error"] is None:
        png = out / "start-screen.png"
        window.grab().save(str(png))
        result["png"] = str(png)
    exam_app.shutdown()
    return result


def _since_start_ms() -> float:
    """Milliseconds since this process started (its start time, from the system)."""
    if sys.platform.startswith("linux"):
        ticks = os.sysconf("SC_CLK_TCK")
        start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return (uptime - start) * 1000.0
    return (time.perf_counter() - _T0) * 1000.0


_T0 = time.perf_counter()


def _still(path: Path) -> dict[str, object]:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        return {"file": str(path), "kind": "still", "error": "Qt cannot read it"}
    return {
        "file": str(path),
        "kind": "still",
        "width": image.width(),
        "height": image.height(),
        "error": None,
    }


def _play(engine: Any, path: Path, frame: int | None, out: Path | None, n: int) -> dict[str, Any]:
    """One clip through the engine: a video to its checkpoint (the frozen picture saved to
    `out`), a narration for 2 s or to its end."""
    from pocus_player.core.frame_timeline import clip_timeline
    from pocus_player.media.probe import VlcMediaProbe

    result: dict[str, Any] = {"file": str(path), "error": None}
    try:
        info = VlcMediaProbe(engine.runtime).probe(path)
    except Exception as exc:  # reported, the next clip still plays
        result["error"] = f"probe: {exc}"
        return result
    t0 = time.monotonic()
    with _EngineWatch(engine) as watch:
        if info.has_video:
            result["kind"] = "video"
            target = frame
            if target is None:
                target = max(0, clip_timeline(info).frame_count(info.duration_s) // 2)
            result["target"] = target
            watch.run(path, target, TIMEOUT_S)
        else:
            result["kind"] = "audio"
            watch.run(path, None, 2.0)  # narration plays for 2 s (or to its end)
    result["seconds"] = round(time.monotonic() - t0, 2)
    seen = watch.seen
    result["frame_count"] = seen.get("frame_count")
    result["frame_rate"] = seen.get("frame_rate")
    if "fault" in seen:
        result["error"] = seen["fault"]
    elif info.has_video:
        png = out / f"{n:03d}-{path.stem}.png" if out is not None else None
        result.update(_video_outcome(engine, seen, png))
    else:
        result["position_ms"] = engine.position_ms()
        if not seen.get("ended") and engine.position_ms() <= 0:
            result["error"] = "the sound did not play"
    engine.stop()
    return result


def _video_outcome(engine: Any, seen: dict[str, Any], png: Path | None) -> dict[str, Any]:
    """Was the checkpoint reached, and the frozen picture it shows (saved to `png`)."""
    result: dict[str, Any] = {"reached": seen.get("reached")}
    if seen.get("reached") is None:
        result["error"] = "the checkpoint was not reached" + (
            " (clip ended)" if seen.get("ended") else ""
        )
    elif png is not None:
        image = engine.frozen_frame()
        if image is None or not image.save(str(png)):
            result["error"] = "no frozen picture"
        else:
            result["png"] = str(png)
    return result


class _EngineWatch:
    """What the engine reports while one clip plays (a fault, the checkpoint, the end, the
    load), connected on entry and disconnected on exit."""

    def __init__(self, engine: Any) -> None:
        from PySide6.QtCore import QEventLoop

        self.engine = engine
        self.loop = QEventLoop()
        self.seen: dict[str, Any] = {}
        self._slots = (
            (engine.media_fault, self._fault),
            (engine.checkpoint_reached, self._reached),
            (engine.ended, self._ended),
            (engine.media_loaded, self._loaded),
        )

    def __enter__(self) -> _EngineWatch:
        for signal, slot in self._slots:
            signal.connect(slot)
        return self

    def __exit__(self, *_exc: object) -> None:
        for signal, slot in self._slots:
            signal.disconnect(slot)

    def run(self, path: Path, checkpoint: int | None, timeout_s: float) -> None:
        """Load `path` (with a checkpoint at that frame) and wait for it, or `timeout_s`."""
        from PySide6.QtCore import QTimer

        from pocus_player.media.engine import CueTarget

        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(self.loop.quit)
        if checkpoint is None:
            self.engine.load(path)
        else:
            self.engine.load(path, checkpoints=[CueTarget("smoke", checkpoint)])
        timer.start(int(timeout_s * 1000))
        self.loop.exec()

    def _fault(self, _kind: str, _path: str, message: str) -> None:
        self.seen["fault"] = message
        self.loop.quit()

    def _reached(self, _checkpoint: str, index: int) -> None:
        self.seen["reached"] = index
        self.loop.quit()

    def _ended(self) -> None:
        self.seen["ended"] = True
        self.loop.quit()

    def _loaded(self, media: Any) -> None:
        self.seen["frame_count"] = media.frame_count
        self.seen["frame_rate"] = media.frame_rate
