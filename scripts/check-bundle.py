#!/usr/bin/env python3
"""Check a built app folder holds what it must: an empty VLC folder has shipped elsewhere before.

    python scripts/check-bundle.py dist/pocus-player [--platform linux|win32|darwin]

Checks the executable, libvlc and libvlccore, every plugin in vlc_plugins.json for this
system, the plugin cache (Linux and Windows), the package data (schema, demo cases, keys,
selftest samples) and the third-party notices. Exit 1 with every problem listed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pocus_player.media.libvlc_location import VlcLayout  # noqa: E402 (no vlc, no Qt)


def plugin_file(folder: Path, plugin: str, platform: str) -> Path:
    category, _, name = plugin.partition("/")
    if platform == "win32":
        return folder / category / f"lib{name}_plugin.dll"
    if platform == "darwin":
        return folder / f"lib{name}_plugin.dylib"
    return folder / category / f"lib{name}_plugin.so"


def problems_in(app: Path, data_dir: Path, platform: str) -> list[str]:
    out: list[str] = []
    exe = app / ("pocus-player.exe" if platform == "win32" else "pocus-player")
    if not exe.is_file():
        out.append(f"no executable {exe}")
    layout = VlcLayout.under(data_dir / "vlc", platform)
    for f in (layout.libvlc, layout.libvlccore):
        if not f.is_file() or f.stat().st_size == 0:
            out.append(f"missing or empty: {f}")
    listed = json.loads((REPO / "pocus_player/media/vlc_plugins.json").read_text("utf-8"))
    key = platform if platform in ("win32", "darwin") else "linux"
    for plugin in listed["plugins"][key]:
        f = plugin_file(layout.plugins, plugin, platform)
        if not f.is_file():
            out.append(f"missing plugin {plugin}: {f}")
    shipped = [p for p in layout.plugins.rglob("*_plugin.*")] if layout.plugins.is_dir() else []
    extra = len(shipped) - len(listed["plugins"][key])
    if extra > 0:
        out.append(f"{extra} plugin file(s) not in vlc_plugins.json")
    if platform != "darwin" and not (layout.plugins / "plugins.dat").is_file():
        out.append(f"no plugin cache {layout.plugins / 'plugins.dat'}")
    data = data_dir / "pocus_player" / "_data"
    for rel in (
        "schemas/case.schema.json",
        "pocus-content.yaml",
        "assets/keys/demo-board.pub",
        "assets/selftest/samples.json",
    ):
        if not (data / rel).is_file():
            out.append(f"missing package data {rel}")
    if len(list((data / "cases").glob("*.yaml"))) < 3:
        out.append("the demo cases are missing")
    if not (data_dir / "pocus_player" / "media" / "vlc_plugins.json").is_file():
        out.append("vlc_plugins.json is not shipped (selftest reads it)")
    notices = app / "THIRD-PARTY-NOTICES.txt"
    if not notices.is_file():
        out.append("no THIRD-PARTY-NOTICES.txt")
    else:
        text = notices.read_text("utf-8")
        for needed in ("PySide6", "python-vlc", "FFmpeg", "--enable-gpl"):
            if needed not in text:
                out.append(f"the notices do not mention {needed}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path)
    parser.add_argument("--platform", default=sys.platform)
    args = parser.parse_args()
    app: Path = args.app
    problems = problems_in(app, app / "_internal", args.platform)
    for p in problems:
        print(f"bundle: {p}", file=sys.stderr)
    if not problems:
        print(f"{app}: complete")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
