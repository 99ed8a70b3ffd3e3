"""The `pocus-player` command: the exam application and its subcommands.

pocus-player                      open the exam application (start screen)
pocus-player validate PATH...     check case scripts
pocus-player simulate CASE ...    play a case headless with scripted responses
pocus-player preview CASE         the item-writer preview window
pocus-player export-packet CASE OUT.pdf
pocus-player results ...          board-side: keygen, verify, rescore, export
pocus-player package ...          sealed exam packages: build, inspect, verify, keygen
pocus-player selftest [--json]    is this seat ready for an exam? (exit 0 only when it is)
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pocus_player import __version__

if TYPE_CHECKING:  # `validate` loads these; the app's start screen needs none of them
    from pocus_player.core.errors import Problem
    from pocus_player.core.media_info import MediaInfo, MediaProbe, MediaProbeError

log = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace], int]


def make_probe(quiet: bool = False) -> MediaProbe | None:
    """The libvlc prober, or None (with a note on stderr) when libvlc cannot start here."""
    try:
        from pocus_player.media.probe import VlcMediaProbe

        return VlcMediaProbe()
    except Exception as exc:  # libvlc missing or broken: validate what we can without it
        if not quiet:
            print(
                f"note: media files not probed ({exc}); durations and checkpoint times unchecked",
                file=sys.stderr,
            )
        return None


def validate_paths(paths: Sequence[Path], probe: MediaProbe | None) -> dict[Path, list[Problem]]:
    from pocus_player.core.errors import CaseValidationError
    from pocus_player.core.loader import load_case

    cache: dict[Path, MediaInfo | MediaProbeError] = {}
    results: dict[Path, list[Problem]] = {}
    for path in paths:
        try:
            load_case(path, probe, probe_cache=cache)
            results[path] = []
        except CaseValidationError as exc:
            results[path] = exc.problems
    return results


def cmd_validate(args: argparse.Namespace) -> int:
    import json

    from pocus_player import resources

    paths = [Path(p) for p in args.paths] or resources.demo_cases()
    probe = None if args.no_probe else make_probe(quiet=args.json)
    results = validate_paths(paths, probe)
    bad = sum(1 for probs in results.values() if probs)
    if args.json:
        out = {
            "valid": bad == 0,
            "media_probed": probe is not None,
            "files": [
                {"path": str(p), "valid": not probs, "problems": [x.to_json() for x in probs]}
                for p, probs in results.items()
            ],
        }
        print(json.dumps(out, indent=2, allow_nan=False))
    else:
        for path, probs in results.items():
            if probs:
                for problem in probs:
                    print(problem)
            else:
                print(f"{path}: ok")
        total = len(results)
        print(
            f"{total - bad} of {total} case script(s) valid"
            + ("" if probe else " (media not probed)")
        )
    return 1 if bad else 0


def _add_validate(sub: Any) -> None:
    p = sub.add_parser("validate", help="check case scripts and report every problem with line:col")
    p.add_argument("paths", nargs="*", help="case scripts (default: the demo cases)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--no-probe", action="store_true", help="do not open media files (faster)")
    p.set_defaults(handler=cmd_validate)


# Subcommands living in their own modules, each with `add_subparser(subparsers)`; several
# of them pull in the case model, pyrage or Qt, so only the one named on the command line is
# imported (all of them for --help or a mistyped name, so that argparse can list them).
_SUBCOMMAND_MODULES: dict[str, str] = {
    "simulate": "pocus_player.core.simulate",
    "results": "pocus_player.board.results",
    "package": "pocus_player.package_cli",
    "preview": "pocus_player.ui.preview_cli",
    "export-packet": "pocus_player.ui.preview_cli",
    "app": "pocus_player.ui.app_cli",
    "selftest": "pocus_player.ui.selftest",
    "smoke": "pocus_player.ui.smoke",
}


def _modules_for(argv: Sequence[str] | None) -> list[str]:
    every = list(dict.fromkeys(_SUBCOMMAND_MODULES.values()))
    if argv is None:
        return every
    words = [a for a in argv if not a.startswith("-")]
    if not words:
        return every if any(a in ("-h", "--help") for a in argv) else []
    if words[0] == "validate":
        return []
    module = _SUBCOMMAND_MODULES.get(words[0])
    return [module] if module else every


def _optional_subcommands(sub: Any, modules: Sequence[str]) -> None:
    import importlib

    for module in modules:
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name and module.startswith(exc.name):
                continue  # that part is not installed in this build
            raise
        mod.add_subparser(sub)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`: every subcommand when `argv` is None."""
    parser = argparse.ArgumentParser(
        prog="pocus-player",
        description="Interactive point-of-care ultrasound case assessments.",
    )
    parser.add_argument("--version", action="version", version=f"pocus-player {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_validate(sub)
    _optional_subcommands(sub, _modules_for(argv))
    # Subcommands in the Qt- and VLC-free core (simulate) get the media probe from here.
    parser.set_defaults(probe_factory=make_probe)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:
        # libvlc's own errors (codec options, converters it tried) mean nothing to
        # the person at the console; a file that cannot be played gets its own message.
        logging.getLogger("pocus_player.media.libvlc").setLevel(logging.ERROR)
    handler: Handler | None = (
        getattr(args, "handler", None)
        or getattr(args, "results_handler", None)
        or getattr(args, "func", None)
    )
    if handler is None:
        handler = _default_handler(parser)
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130


def _default_handler(parser: argparse.ArgumentParser) -> Handler:
    """With no subcommand: the application when this build has it, else validate the demos."""
    try:
        from pocus_player.ui.app_cli import run_app
    except ModuleNotFoundError:
        return lambda _a: cmd_validate(parser.parse_args(["validate"]))
    return run_app
