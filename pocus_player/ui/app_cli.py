"""The `app` subcommand (also what `pocus-player` runs without a subcommand): the exam application.

pocus-player [app] [--exam ID|CASE.yaml] [--candidate-id ID] [--candidate-name NAME]
                   [--practice] [--results-dir DIR] [--config-dir DIR]
                   [--windowed] [--high-contrast] [--text-scale 1.0-2.0] [--locale LOCALE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_subparser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "app",
        help="the exam application (the default when no subcommand is given)",
        description="Open the proctor's start screen of the exam application.",
    )
    p.add_argument(
        "--exam",
        "--case",
        dest="exam",
        metavar="EXAM",
        help="preselect an exam: its id (e.g. demo-certificate), a case file or name, or a .pocusexam",
    )
    p.add_argument("--candidate-id", default="", help="prefill the candidate ID")
    p.add_argument("--candidate-name", default="", help="prefill the candidate's name")
    p.add_argument(
        "--practice",
        action="store_true",
        help="practice mode: feedback after each answer, windowed",
    )
    p.add_argument("--results-dir", type=Path, help="folder for the encrypted result files")
    p.add_argument(
        "--config-dir", type=Path, help="folder for settings, the PIN and logs (default: per user)"
    )
    p.add_argument(
        "--windowed", action="store_true", help="do not go full screen in exam mode (not for exams)"
    )
    p.add_argument("--high-contrast", action="store_true", help="start in the high-contrast theme")
    p.add_argument(
        "--text-scale",
        type=float,
        default=1.0,
        metavar="S",
        help="text size from 1.0 to 2.0 (2.0 = 200 %%)",
    )
    p.add_argument(
        "--locale",
        default=None,
        metavar="LOCALE",
        help="the interface language: en, es, or pseudo (accented, longer text for testing); "
        "default: the settings' choice, else the system's language",
    )
    p.add_argument("--audio-output", default=None, help=argparse.SUPPRESS)
    p.set_defaults(handler=run_app)


def options_from_args(args: argparse.Namespace) -> Any:
    from pocus_player.ui.app import AppOptions

    scale = float(getattr(args, "text_scale", 1.0) or 1.0)
    if not 1.0 <= scale <= 2.0:
        raise ValueError(f"--text-scale must be between 1.0 and 2.0, not {scale:g}")
    results = getattr(args, "results_dir", None)
    config = getattr(args, "config_dir", None)
    for name, value in (("--results-dir", results), ("--config-dir", config)):
        if value is not None and Path(value).exists() and not Path(value).is_dir():
            raise ValueError(f"{name} {value} is a file, not a folder")
    return AppOptions(
        config_dir=Path(config) if config else None,
        results_dir=Path(results) if results else None,
        exam=getattr(args, "exam", None),
        candidate_id=getattr(args, "candidate_id", "") or "",
        candidate_name=getattr(args, "candidate_name", "") or "",
        practice=bool(getattr(args, "practice", False)),
        kiosk=False if getattr(args, "windowed", False) else None,
        high_contrast=bool(getattr(args, "high_contrast", False)),
        text_scale=scale,
        audio_output=getattr(args, "audio_output", None),
        verbose=bool(getattr(args, "verbose", False)),
        locale=getattr(args, "locale", None) or None,
    )


def run_app(args: argparse.Namespace) -> int:
    """Run the exam application until its window closes; the exit status."""
    try:
        options = options_from_args(args)
    except ValueError as exc:
        print(f"pocus-player: {exc}", file=sys.stderr)
        return 2
    # The Qt-free modules behind the start screen load before Qt does: PySide6 reads the
    # source of every module imported after it, which doubles their import time.
    from pocus_player.core import pin, settings_store  # noqa: F401
    from pocus_player.ui import logging_setup  # noqa: F401
    from pocus_player.ui.display import display_problem

    problem = display_problem()
    if problem is not None:  # Qt would abort the process (core dump) without a display
        print(f"pocus-player: {problem}", file=sys.stderr)
        return 1

    try:
        from pocus_player.ui.app import run
    except ImportError as exc:  # Qt or libvlc missing from this installation
        print(f"pocus-player: the application cannot start: {exc}", file=sys.stderr)
        return 1
    return run(options)
