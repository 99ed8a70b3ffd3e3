"""`pocus-player selftest`: is this seat ready for an exam? For a testing center's IT staff.

    pocus-player selftest [--json] [--results-dir DIR] [--config-dir DIR]

Checks, in plain words: the display and its size (at least 1024x768, as the app's
screens are laid out for it), which libvlc is loaded and from where, its version and
plugin count, that every plugin the app needs loads, an audio output with a sound device,
the results folder (writable, with free space), the board's key, and a real decode of a
built-in sample of each kind of clip. Exit status 0 only when every check passes; 1
otherwise. The start screen's preflight runs the libvlc, plugin and screen checks too.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pocus_player.ui.readiness import Check, board_key_check, results_folder_check

MIN_SCREEN = (1024, 768)
SCREEN_SIZE = str(
    QT_TRANSLATE_NOOP("Selftest", "Screen size")
)  # a row name the preflight looks for


# One row shape for selftest and the start screen's preflight (ui/readiness.py).
Result = Check


def add_subparser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "selftest",
        help="check that this computer is ready for an exam (exit 0 only when it is)",
        description=(
            "Check that this computer is ready for an exam: display and screen size, the "
            "installation's libvlc and plugins, audio, the results folder, the board key, "
            "and a decode of each kind of clip. Exit 0 only when every check passes."
        ),
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--results-dir", type=Path, help="the results folder to check")
    p.add_argument("--config-dir", type=Path, help="the settings folder (default: per user)")
    p.add_argument(
        "--no-audio-device",
        action="store_true",
        help="do not require a sound device (build machines without speakers)",
    )
    p.set_defaults(handler=cmd_selftest)


def check_display() -> list[Result]:
    """The display answers, and its primary screen is at least 1024x768."""
    from pocus_player.ui.display import display_problem

    problem = display_problem()
    display_row = QCoreApplication.translate("Selftest", "Display")
    size_row = QCoreApplication.translate("Selftest", SCREEN_SIZE)
    if problem is not None:
        return [
            Result(display_row, False, problem[0].upper() + problem[1:]),
            Result(
                size_row, False, QCoreApplication.translate("Selftest", "not checked: no display")
            ),
        ]
    app = _qapp()
    screens = app.screens()
    primary = app.primaryScreen()
    if primary is None or not screens:
        return [
            Result(
                display_row,
                False,
                QCoreApplication.translate("Selftest", "Qt finds no screen on this display"),
            ),
            Result(
                size_row, False, QCoreApplication.translate("Selftest", "not checked: no screen")
            ),
        ]
    size = primary.size()
    w, h = size.width(), size.height()
    ratio = primary.devicePixelRatio()
    facts: dict[str, object] = {
        "platform": app.platformName(),
        "width": w,
        "height": h,
        "device_pixel_ratio": ratio,
        "screens": [[s.size().width(), s.size().height()] for s in screens],
    }
    display = Result(
        display_row,
        True,
        QCoreApplication.translate("Selftest", "{platform} with {count} screen(s)").format(
            platform=app.platformName(), count=len(screens)
        ),
    )
    return [display, _screen_size_row(w, h, ratio, facts)]


def _screen_size_row(w: int, h: int, ratio: float, facts: dict[str, object]) -> Result:
    """The primary screen's size (and scaling) against the minimum display."""
    size_row = QCoreApplication.translate("Selftest", SCREEN_SIZE)
    shown = f"{w}x{h}"
    if ratio != 1:
        shown = QCoreApplication.translate("Selftest", "{size} at {percent} % scaling").format(
            size=shown, percent=round(ratio * 100)
        )
    minimum = f"{MIN_SCREEN[0]}x{MIN_SCREEN[1]}"
    if w < MIN_SCREEN[0] or h < MIN_SCREEN[1]:
        too_small = QCoreApplication.translate(
            "Selftest",
            "the screen is {size}; the exam needs at least {minimum} (raise the "
            "resolution or lower the scaling)",
        )
        return Result(size_row, False, too_small.format(size=shown, minimum=minimum), facts=facts)
    at_least = QCoreApplication.translate("Selftest", "{size} (at least {minimum})")
    return Result(size_row, True, at_least.format(size=shown, minimum=minimum), facts=facts)


def _qapp() -> Any:
    """The running QApplication, or one set up as `ui.app.create_qapp` does it (the same
    platform and display scaling, so the size measured is the app's); not imported from
    there, since the start window, which `ui.app` composes, calls this module."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")
        if sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
        app = QApplication([sys.argv[0]])
    return app


def check_results_and_key(config_dir: Path | None, results_dir: Path | None) -> list[Result]:
    from pocus_player.core.settings_store import SettingsStore, app_dirs, results_dir_for

    dirs = app_dirs(config_dir, None)
    loaded = SettingsStore(dirs).load()
    settings = loaded.settings
    folder = results_dir_for(dirs, settings, results_dir)
    out: list[Result] = [Result("Settings", False, p) for p in loaded.problems]
    out.append(results_folder_check(folder, settings.min_free_mb))
    out.append(board_key_check(settings.board_recipient))
    return out


def check_media(require_audio_device: bool = True) -> list[Result]:
    try:
        from pocus_player.media import seat_check

        checks = seat_check.run_media_checks(require_audio_device=require_audio_device)
    except (ImportError, RuntimeError, OSError, NotImplementedError) as exc:
        return [
            Result("libvlc", False, f"not loaded: {exc}"),
            Result("Media", False, "not checked: no libvlc"),
        ]
    return [Result(c.name, c.ok, c.detail, c.warning, c.facts) for c in checks]


def preflight_checks() -> list[Result]:
    """The seat checks the start screen's preflight adds to its own (the app is running).

    The screen size, and which libvlc is loaded with the plugins it needs; the exam's own
    media, the tone, the results folder and the key are the preflight's.
    """
    # A small screen is the proctor's to judge here (a warning); `selftest` fails it.
    results = [
        Result(r.name, True, r.detail, warning=True) if not r.ok else r
        for r in check_display()
        if r.name == QCoreApplication.translate("Selftest", SCREEN_SIZE)
    ]
    try:
        from pocus_player.media import seat_check
        from pocus_player.media.vlc_instance import shared_runtime

        runtime = shared_runtime()
        first = seat_check.check_libvlc(runtime)
        folder = (first.facts or {}).get("plugin_folder")
        plugins = seat_check.check_plugins(
            Path(str(folder)) if folder else None, seat_check.required_plugins()
        )
    except (ImportError, RuntimeError, OSError) as exc:
        not_loaded = QCoreApplication.translate("Selftest", "not loaded: {error}")
        return [*results, Result("libvlc", False, not_loaded.format(error=exc))]

    return [*results, *(Result(c.name, c.ok, c.detail, c.warning) for c in (first, plugins))]


def run_all(args: argparse.Namespace) -> list[Result]:
    results = check_display()
    results += check_media(require_audio_device=not getattr(args, "no_audio_device", False))
    results += check_results_and_key(
        getattr(args, "config_dir", None), getattr(args, "results_dir", None)
    )
    return results


def cmd_selftest(args: argparse.Namespace) -> int:
    from pocus_player import __version__

    results = run_all(args)
    failed = [r for r in results if not r.ok]
    ready = not failed
    if args.json:
        print(
            json.dumps(
                {
                    "ready": ready,
                    "version": __version__,
                    "executable": sys.executable,
                    "frozen": bool(getattr(sys, "frozen", False)),
                    "checks": [r.to_json() for r in results],
                },
                indent=2,
            )
        )
    else:
        width = max(len(r.name) for r in results)
        for r in results:
            mark = "FAIL" if not r.ok else ("note" if r.warning else "ok")
            print(f"{mark:<5} {r.name:<{width}}  {r.detail}")
        print()
        if ready:
            print(f"This seat is ready (pocus-player {__version__}).")
        else:
            print(f"This seat is NOT ready: {len(failed)} check(s) failed.")
    return 0 if ready else 1
