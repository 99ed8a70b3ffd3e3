#!/usr/bin/env python3
"""Write the third-party notices into a built app folder, from what is actually installed.

    python scripts/third-party-notices.py dist/pocus-player [--vlc-dir DIR]

Writes APP/THIRD-PARTY-NOTICES.txt and APP/licenses/:
- every Python distribution the app needs (pocus-player's requirements, followed
  recursively, plus the optional cryptography and keyring when installed), with the
  licence and the licence files each ships, from importlib.metadata;
- PyInstaller's bootloader (GPL-2.0 with its bootloader exception);
- on Linux, the Debian copyright file of every package a bundled shared library came
  from (libvlc, its plugins' libraries, FFmpeg's libav*, Qt's xcb helpers...), found with
  dpkg -S; on Windows and macOS, VLC's own COPYING and third-party file from --vlc-dir;
- Qt, VLC and FFmpeg notes, and the licence note on VLC's GPL build of FFmpeg.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import re
import shutil
import subprocess
import sys
from pathlib import Path

OPTIONAL = ("cryptography", "keyring")
# The GNU licence texts that licences named only by an expression refer to (the PySide6 and
# shiboken6 wheels ship none): the build machine's copies, else the ones kept in packaging/.
COMMON_LICENSES = ("LGPL-3", "LGPL-2.1", "GPL-2", "GPL-3")
COMMON_DIRS = (
    Path("/usr/share/common-licenses"),
    Path(__file__).resolve().parent.parent / "packaging" / "licenses",
)
LICENSE_NAME = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", re.I)

NOTES = """\
== Notes for the board's legal review (not legal advice) ==

Qt 6 (PySide6-Essentials, in _internal/PySide6) is used under the LGPL-3.0. The app is
built as a folder (PyInstaller --onedir), so the Qt libraries are separate files that a
user can replace with their own build of the same version.

libvlc, libvlccore and most VLC plugins are LGPL-2.1-or-later; a few plugins are GPL.
python-vlc is LGPL-2.1-or-later.

FFmpeg (libavcodec, libavformat, libswscale, libavutil...) is used by VLC's avcodec,
avformat and swscale plugins. On Linux these are the distribution's libraries, listed
below with their Debian copyright files. The official VLC builds for Windows and macOS
link FFmpeg into those plugins, built by VLC's contrib system with --enable-gpl: those
plugins therefore contain GPL code. Whoever distributes the Windows or macOS build must
ship these licence texts and offer the exact corresponding VLC source (VideoLAN publishes
it for every release: vlc-3.0.x.tar.xz and the contrib sources), or build an LGPL-only
libvlc. Patent licensing of H.264/AAC decoding is a separate question.
"""


def requirement_names(dist: md.Distribution) -> list[str]:
    out = []
    for req in dist.requires or []:
        if "extra ==" in req:
            continue
        name = re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0]
        if ";" in req and "platform_system" in req:
            marker = req.split(";", 1)[1]
            system = {"win32": "Windows", "darwin": "Darwin"}.get(sys.platform, "Linux")
            if f'"{system}"' not in marker and "!=" not in marker:
                continue
        out.append(name)
    return out


def python_distributions() -> list[md.Distribution]:
    seen: dict[str, md.Distribution] = {}
    todo = ["pocus-player", *OPTIONAL, "pyinstaller"]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        seen[key] = dist
        if key != "pyinstaller":  # only its bootloader ships, not its dependencies
            todo.extend(requirement_names(dist))
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def licence_of(dist: md.Distribution) -> str:
    meta = dist.metadata
    expr = meta.get("License-Expression")
    if expr:
        return expr
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    text = (meta.get("License") or "").strip()
    if text and len(text) < 120:
        return text
    return ", ".join(classifiers) or ("see the licence file" if text else "not stated")


def licence_files(dist: md.Distribution) -> list[Path]:
    out = []
    for f in dist.files or []:
        if (LICENSE_NAME.search(str(f)) and ".dist-info" in str(f)) or "licenses/" in str(f):
            path = Path(str(dist.locate_file(f)))
            if path.is_file():
                out.append(path)
    return out


def debian_packages(app: Path) -> dict[str, list[str]]:
    """Debian package -> bundled shared libraries that came from it."""
    libs = sorted({p.name for p in app.rglob("*.so*") if p.is_file()})
    owners: dict[str, list[str]] = {}
    if not shutil.which("dpkg"):
        return owners
    for i in range(0, len(libs), 200):
        chunk = libs[i : i + 200]
        proc = subprocess.run(["dpkg", "-S", *chunk], capture_output=True, text=True)
        for line in proc.stdout.splitlines():
            pkg, _, path = line.partition(": ")
            name = Path(path.strip()).name
            if name in chunk:
                owners.setdefault(pkg.split(":")[0], []).append(name)
    return {k: sorted(set(v)) for k, v in sorted(owners.items())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path, help="the built app folder (dist/pocus-player)")
    parser.add_argument("--vlc-dir", type=Path, help="Windows/macOS: the official VLC folder")
    args = parser.parse_args()
    app: Path = args.app
    lic = app / "licenses"
    if lic.exists():
        shutil.rmtree(lic)
    lic.mkdir(parents=True)
    parts = [
        "pocus-player third-party notices",
        "=" * 32,
        "",
        "Generated at build time from the installed distributions and packages.",
        "",
        NOTES,
        "",
        "== Python distributions ==",
        "",
    ]
    for dist in python_distributions():
        name, version = dist.metadata["Name"], dist.version
        folder = lic / "python" / f"{name}-{version}"
        files = licence_files(dist)
        for f in files:
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy2(f, folder / f.name)
        where = (
            f"licenses/python/{name}-{version}/"
            if files
            else "its wheel ships no licence file; see licenses/common/"
        )
        parts.append(f"{name} {version}: {licence_of(dist)} ({where})")
    common = lic / "common"
    common.mkdir()
    for name in COMMON_LICENSES:
        source = next((d / name for d in COMMON_DIRS if (d / name).is_file()), None)
        if source is None:
            raise SystemExit(f"the {name} licence text is missing (looked in {COMMON_DIRS})")
        shutil.copy2(source, common / name)
    parts += [
        "",
        "Licence texts: licenses/common/ (" + ", ".join(COMMON_LICENSES) + ").",
        "Qt 6 and PySide6/shiboken6: LGPL-3 (licenses/common/LGPL-3).",
        "",
    ]
    parts += [
        "",
        "PyInstaller's bootloader starts the app: GPL-2.0-or-later with the "
        "bootloader exception (the app itself is not covered by it).",
        "",
    ]
    packages = debian_packages(app)
    if packages:
        parts += ["== Debian packages of the bundled shared libraries ==", ""]
        for pkg, names in packages.items():
            copyright_file = Path("/usr/share/doc") / pkg / "copyright"
            if copyright_file.is_file():
                dest = lic / "debian" / pkg
                dest.mkdir(parents=True, exist_ok=True)
                shutil.copy2(copyright_file, dest / "copyright")
            parts.append(f"{pkg}: {', '.join(names)} (licenses/debian/{pkg}/copyright)")
        parts.append("")
    if args.vlc_dir:
        dest = lic / "vlc"
        dest.mkdir(parents=True, exist_ok=True)
        for pattern in ("COPYING*", "AUTHORS*", "THANKS*", "NEWS*", "README*"):
            for f in args.vlc_dir.glob(pattern):
                if f.is_file():
                    shutil.copy2(f, dest / f.name)
        parts += [
            "== VLC (official build) ==",
            "",
            f"libvlc, libvlccore and plugins from {args.vlc_dir.name}: see licenses/vlc/",
            "",
        ]
    (app / "THIRD-PARTY-NOTICES.txt").write_text("\n".join(parts) + "\n", encoding="utf-8")
    count = sum(1 for _ in lic.rglob("*") if _.is_file())
    print(f"{app / 'THIRD-PARTY-NOTICES.txt'}: {len(parts)} lines, {count} licence files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
