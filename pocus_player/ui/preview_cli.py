"""The `preview` and `export-packet` subcommands (wired into `pocus-player` by cli.py).

    pocus-player preview CASE.yaml [--text-scale S] [--locale L]
                                                  open the authoring preview window
    pocus-player export-packet CASE.yaml OUT.pdf  write the review committee's packet

`export-packet` runs without a display (Qt's offscreen platform is chosen when
neither DISPLAY nor WAYLAND_DISPLAY is set). A case that does not load prints
each problem as path:line:col and exits with status 1.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def add_subparser(subparsers: Any) -> None:
    """Add `preview` and `export-packet` to the `pocus-player` subcommands."""
    p = subparsers.add_parser(
        "preview",
        help="open the authoring preview of a case (live reload, key, outline, branches)",
        description="Open the item writer's preview: the candidate view beside the case outline, "
        "reloaded whenever the script, a caption file or a media file is saved.",
    )
    p.add_argument("case", help="the case script (YAML), or a sealed .pocusexam package")
    p.add_argument("--show-key", action="store_true", help="start with the answer key shown")
    p.add_argument("--case-id", help="with a package of several cases: the one to show")
    p.add_argument("--passphrase-env", metavar="VAR", help="a package's passphrase, from VAR")
    p.add_argument("--passphrase-file", type=Path, help="a package's passphrase, from a file")
    p.add_argument(
        "--locale", help="the interface language: en, es, pseudo (default: the system's)"
    )
    p.add_argument(
        "--text-scale",
        type=float,
        default=1.0,
        metavar="S",
        help="text size from 1.0 to 2.0 (2.0 = 200 %%), as a candidate with larger text sees it",
    )
    p.set_defaults(handler=cmd_preview)

    e = subparsers.add_parser(
        "export-packet",
        help="write a PDF review packet of a case (script, questions, key, rationale)",
        description="Write the review committee's PDF: the script, and every question with its "
        "picture, key, rationale, domain and points. Works without a display.",
    )
    e.add_argument("case", help="the case script (YAML)")
    e.add_argument("out", help="the PDF file to write")
    e.set_defaults(handler=cmd_export_packet)


def _need_headless() -> bool:
    return not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ) and sys.platform.startswith("linux")


def _load(path: Path) -> Any:
    """The case, or None after printing its problems."""
    from pocus_player.core.errors import CaseValidationError
    from pocus_player.core.loader import load_case

    probe = None
    try:
        from pocus_player.media.probe import VlcMediaProbe

        probe = VlcMediaProbe()
    except Exception as exc:  # libvlc missing: load without probing, frames will be missing
        print(f"note: media files not probed ({exc})", file=sys.stderr)
    try:
        return load_case(path, probe)
    except CaseValidationError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{path}: not exported: fix the problems above first", file=sys.stderr)
        return None


def cmd_export_packet(args: argparse.Namespace) -> int:
    case_path = Path(args.case)
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        print(f"{out}: the packet is a PDF; give a file name ending in .pdf", file=sys.stderr)
        return 2
    if _need_headless():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    case = _load(case_path)
    if case is None:
        return 1
    from pocus_player.ui.review_packet import PacketError, export_packet

    try:
        result = export_packet(case, out)
    except PacketError as exc:
        print(f"{out}: {exc}", file=sys.stderr)
        return 1
    print(f"{result.path}: {result.pages} pages, {result.questions} questions")
    del app
    return 0


def cmd_preview(args: argparse.Namespace) -> int:
    case_path = Path(args.case)
    scale = float(getattr(args, "text_scale", 1.0) or 1.0)
    if not 1.0 <= scale <= 2.0:
        print(f"--text-scale must be between 1.0 and 2.0, not {scale:g}", file=sys.stderr)
        return 2
    sealed = None
    if case_path.suffix == ".pocusexam":
        from pocus_player.core.errors import PocusError
        from pocus_player.core.simulate import case_from_package

        try:
            sealed, _delivery = case_from_package(args)
        except (PocusError, OSError) as exc:
            print(f"{case_path}: {exc}", file=sys.stderr)
            return 2
        case_path = sealed.source
    elif not case_path.is_file():
        print(f"{case_path}: no such case script", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    try:
        from pocus_player.ui import theme

        theme.apply(app, scale=scale)  # type: ignore[arg-type]
    except ImportError:
        pass
    from pocus_player.ui import i18n

    i18n.install(getattr(args, "locale", None) or "", app)
    from pocus_player.ui.preview_window import PreviewWindow

    window = PreviewWindow(
        case_path, sealed_case=sealed, watch=sealed is None, text_scale=scale
    )
    if args.show_key:
        window.set_show_key(True)
    window.show()
    return int(app.exec())
