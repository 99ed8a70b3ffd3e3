"""Cold start of the exam application to an interactive start screen, against a bare PySide6 window.

Each run is a fresh Python process, timed from its launch until it reports, from
inside its running event loop, that the window is shown and has the keyboard
focus: the app's proctor start screen (settings read, logging set up, PIN
prompt focused, unfinished exams looked for) versus `QApplication` +
`QMainWindow().show()`. Runs alternate so both see the same machine load.

    xvfb-run -a python benchmarks/startup.py [--runs 25]

With --frozen DIR (a build from scripts/build-app.sh) it measures the frozen app instead:
launch to the PIN screen with the PIN field focused, against the same from the venv, in
the same run and by the same code path (`pocus-player smoke --start-screen`, which opens
the start screen as `pocus-player app` does and says so on stdout), plus the bundle's
size on disk and as the tarball.

    xvfb-run -a python benchmarks/startup.py --frozen dist/pocus-player [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit, median, percentile, table

REPO = Path(__file__).resolve().parent.parent

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1280, 800)
w.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""

APP = """
import sys
from pathlib import Path
from pocus_player import cli
tmp = Path(sys.argv[1])
def report_when_interactive():
    # Wrap the start screen's show so that, once it is up, the running event loop reports
    # and quits; everything else is the real `pocus-player` entry point.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from pocus_player.ui import app as ui_app
    show_start = ui_app.ExamApp.show_start
    def wrapped(self):
        window = show_start(self)
        def ready():
            pin = window.pin_prompt.pin
            ok = window.isVisible() and pin.isEnabled() and window.focusWidget() is pin
            print("ready" if ok else "not interactive", flush=True)
            QApplication.quit()
        QTimer.singleShot(0, ready)
        return window
    ui_app.ExamApp.show_start = wrapped
import importlib.abc, importlib.util
class _Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "pocus_player.ui.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        loader = spec.loader
        exec_module = loader.exec_module
        def run(module):
            exec_module(module)
            report_when_interactive()
        loader.exec_module = run
        return spec
sys.meta_path.insert(0, _Hook())
sys.exit(cli.main(["app", "--config-dir", str(tmp / "cfg"), "--results-dir", str(tmp / "results")]))
"""


def run_once(code: str, tmp: Path) -> float:
    # An installed package carries compiled bytecode (pip writes it); a checkout run with
    # PYTHONDONTWRITEBYTECODE would recompile every module on every start. Both children
    # share one bytecode cache, filled by the warm-up runs.
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONPYCACHEPREFIX": str(tmp / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - t0) * 1000.0
    proc.wait(30)
    if line.strip() != "ready":
        raise SystemExit(f"the child did not start (exit {proc.returncode})")
    return elapsed


def start_screen_once(cmd: list[str], tmp: Path) -> float:
    """Launch to the start screen's "interactive" line, for the frozen and the venv app alike."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONPYCACHEPREFIX": str(tmp / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [*cmd, "smoke", "--start-screen", str(tmp / "app")],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - t0) * 1000.0
    proc.stdout.read()
    proc.wait(60)
    if "start screen interactive" not in line:
        raise SystemExit(f"{cmd[0]} did not show the start screen (exit {proc.returncode})")
    return elapsed


def folder_mb(path: Path) -> float:
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def frozen_main(frozen: Path, runs: int) -> int:
    exe = [str(frozen / "pocus-player")]
    venv = [sys.executable, "-m", "pocus_player"]
    frozen_ms: list[float] = []
    venv_ms: list[float] = []
    with tempfile.TemporaryDirectory(prefix="pocus-startup-") as d:
        tmp = Path(d)
        start_screen_once(venv, tmp)  # warm the file cache and the bytecode cache
        start_screen_once(exe, tmp)
        for _ in range(runs):
            frozen_ms.append(start_screen_once(exe, tmp))
            venv_ms.append(start_screen_once(venv, tmp))
    ratio = median(frozen_ms) / median(venv_ms)
    tarballs = sorted(frozen.parent.glob("pocus-player-*.tar.gz"))
    on_disk = folder_mb(frozen)
    packed = tarballs[-1].stat().st_size / 1e6 if tarballs else None
    table(
        [
            (
                "venv: pocus-player (baseline)",
                f"{median(venv_ms):.1f}",
                f"{percentile(venv_ms, 90):.1f}",
            ),
            (
                "frozen: dist/pocus-player",
                f"{median(frozen_ms):.1f}",
                f"{percentile(frozen_ms, 90):.1f}",
            ),
        ],
        ("process launch to PIN screen, PIN focused", "median ms", "p90 ms"),
    )
    print(f"\nratio to baseline: {ratio:.2f} (target <= 1.1)")
    print(
        f"bundle: {on_disk:.0f} MB on disk"
        + (f", {packed:.0f} MB as {tarballs[-1].name}" if packed else "")
    )
    emit(
        {
            "benchmark": "startup_frozen",
            "runs": runs,
            "baseline_median_ms": round(median(venv_ms), 1),
            "median_ms": round(median(frozen_ms), 1),
            "ratio_to_baseline": round(ratio, 2),
            "bundle_mb": round(on_disk, 1),
            "tarball_mb": round(packed, 1) if packed else None,
        }
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument("--frozen", type=Path, help="a frozen build folder (dist/pocus-player)")
    args = parser.parse_args()
    if args.frozen:
        return frozen_main(args.frozen.resolve(), args.runs)
    bare: list[float] = []
    app: list[float] = []
    with tempfile.TemporaryDirectory(prefix="pocus-startup-") as d:
        tmp = Path(d)
        run_once(BARE, tmp)  # warm the OS file cache for both, as a testing-centre PC would be
        run_once(APP, tmp)  # (and the first run creates the settings file)
        for _ in range(args.runs):
            bare.append(run_once(BARE, tmp))
            app.append(run_once(APP, tmp))
    ratio = median(app) / median(bare)
    table(
        [
            (
                "QApplication + QMainWindow.show() (baseline)",
                f"{median(bare):.1f}",
                f"{percentile(bare, 90):.1f}",
            ),
            (
                "pocus-player start screen, PIN focused",
                f"{median(app):.1f}",
                f"{percentile(app, 90):.1f}",
            ),
        ],
        ("process launch to interactive window", "median ms", "p90 ms"),
    )
    print(f"\nratio to baseline: {ratio:.2f} (target <= 1.5)")
    emit(
        {
            "benchmark": "startup",
            "runs": args.runs,
            "baseline_median_ms": round(median(bare), 1),
            "median_ms": round(median(app), 1),
            "ratio_to_baseline": round(ratio, 2),
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
