#!/usr/bin/env python3
"""Derive the VLC plugins the frozen app ships, by removing them one at a time.

    xvfb-run -a .venv/bin/python scripts/derive-vlc-plugins.py [--vlc-lib DIR] [--check]

1. A private VLC folder is laid out as the frozen build lays it out (copies of the
   system's libvlc and libvlccore, links to its plugins) and the app is pointed at it.
2. The workload runs with every plugin: `selftest` (libvlc check and a decode of every
   built-in sample) and `smoke` (the exam's media engine plays each sample and one demo
   clip of each kind to a checkpoint on its frame). The plugins it mapped are the seed.
3. First all seed plugins that libvlc's log never names as used go at once (most were
   only probed and declined); then each remaining plugin is removed in turn, and a removal
   is kept only if the whole workload still passes without it (were the first step to
   fail, groups of 16 are tried instead, split in halves down to single plugins, so every
   plugin kept was needed when it was tried alone). Plugins the workload cannot exercise here (the audio outputs that reach
   speakers, the native-window video outputs) are kept by name, see KEEP.
4. The result goes to pocus_player/media/vlc_plugins.json, which the build spec reads and
   `selftest` checks. Windows and macOS lists are the Linux list with their own audio and
   window outputs: derived on Linux only (their CI smoke test plays every sample kind).

--check re-runs the workload with the listed set only (no derivation) and exits 1 if it
fails: the final list tested with every clip kind.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "pocus_player" / "media" / "vlc_plugins.json"
SAMPLES = REPO / "assets" / "selftest"
DEMO = [f"{REPO / 'assets/media/fast/encounter.mp4'}@5"]

# Not exercised by the workload here, needed by the app: kept whatever the workload says.
KEEP = {
    "linux": [
        "audio_output/pulse",  # the candidate's narration, on most desktops
        "audio_output/alsa",  # ...and without PulseAudio/PipeWire
        "audio_mixer/float_mixer",  # the volume the proctor and candidate set
        "video_output/xcb_window",  # the native-window mode of the media widget
        "video_output/xcb_x11",
        # libavformat can demux all of these, so removing VLC's own demuxers one at a time
        # "still plays"; but frame numbering is tested (tests/media) with the demuxers a
        # normal VLC picks, so those ship, with the packetizers they feed.
        "demux/mp4",
        "demux/avi",
        "demux/ogg",
        "demux/wav",
        "packetizer/packetizer_mpeg4video",
        "packetizer/packetizer_mpeg4audio",
        "packetizer/packetizer_copy",
        # the probe fingerprints the first frames of MPEG streams through stream_out
        # (media/first_frames.py); it falls back quietly without them
        "stream_out/stream_out_transcode",
        "stream_out/stream_out_smem",
    ],
}
# The same app on the other systems: their own audio and window outputs instead of Linux's.
OTHER_SYSTEMS = {
    "win32": {
        "drop": [
            "audio_output/pulse",
            "audio_output/alsa",
            "video_output/xcb_window",
            "video_output/xcb_x11",
            "video_output/vdpau_display",
        ],
        "add": [
            "audio_output/mmdevice",
            "audio_output/directsound",
            "audio_output/wasapi",
            "video_output/direct3d11",
            "video_output/drawable",
        ],
    },
    "darwin": {
        "drop": [
            "audio_output/pulse",
            "audio_output/alsa",
            "video_output/xcb_window",
            "video_output/xcb_x11",
            "video_output/vdpau_display",
        ],
        "add": ["audio_output/auhal", "video_output/caopengllayer", "video_output/macosx"],
    },
}

GROUP = 16  # plugins tried together first

CHILD = r"""
import json, logging, re, sys
from pocus_player.cli import main
used = set()
class Used(logging.Handler):
    def emit(self, record):
        m = re.search(r'using [\w ]+ module "([^"]+)"', record.getMessage())
        if m:
            used.add(m.group(1))
logging.getLogger("pocus_player.media.libvlc").addHandler(Used())
from pocus_player.media import seat_check
from pocus_player.media.seat_check import is_vlc_file, mapped_files
seat_check.required_plugins = lambda data=None: []  # the list being derived is not yet written
tmp = sys.argv[1]
rc = main(["-v", "selftest", "--json", "--no-audio-device", "--results-dir", tmp + "/r",
           "--config-dir", tmp + "/c"])
rc = main(["-v", "smoke", *sys.argv[2:]]) or rc
print("USED " + json.dumps(sorted(used)), flush=True)
print("MAPPED " + json.dumps(sorted(str(p) for p in mapped_files() if is_vlc_file(p))), flush=True)
sys.exit(rc)
"""


def system_vlc_lib() -> Path:
    import ctypes.util

    found = ctypes.util.find_library("vlccore")
    for d in (
        Path("/usr/lib/x86_64-linux-gnu"),
        Path("/usr/lib/aarch64-linux-gnu"),
        Path("/usr/lib"),
    ):
        if (d / "libvlccore.so.9").exists():
            return d
    raise SystemExit(f"libvlccore.so.9 not found ({found}); install libvlc5")


def cache_gen(lib: Path) -> Path:
    tool = lib / "vlc" / "vlc-cache-gen"
    if not tool.is_file():
        raise SystemExit(f"{tool} not found (Debian: apt-get install libvlc-bin)")
    return tool


def all_plugins(lib: Path) -> list[str]:
    root = lib / "vlc" / "plugins"
    return sorted(
        f"{p.parent.relative_to(root).as_posix()}/{p.name[3 : -len('_plugin.so')]}"
        for p in root.rglob("lib*_plugin.so")
    )


def plugin_path(lib: Path, plugin: str) -> Path:
    category, _, name = plugin.partition("/")
    return lib / "vlc" / "plugins" / category / f"lib{name}_plugin.so"


def lay_out(dest: Path, lib: Path, plugins: list[str]) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "lib").mkdir(parents=True)
    for name in ("libvlc.so.5", "libvlccore.so.9"):
        shutil.copy2((lib / name).resolve(), dest / "lib" / name)
    for plugin in plugins:
        target = plugin_path(dest / "lib", plugin)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(plugin_path(lib, plugin).resolve())


def clips() -> list[str]:
    manifest = json.loads((SAMPLES / "samples.json").read_text(encoding="utf-8"))
    # selftest decodes every sample; the exam's engine plays the ones with a path of their own
    # (MPEG streams are fingerprinted through stream_out, GIFs go through libavformat).
    del manifest
    return [
        f"{SAMPLES / 'mpeg2.mpg'}@12",
        f"{SAMPLES / 'animated.gif'}@12",
        f"{SAMPLES / 'h264-444.mov'}@12",
        *DEMO,
    ]


def workload(vlc_dir: Path, tmp: Path) -> tuple[bool, list[str], str]:
    """Whether every check and clip passes; the VLC files mapped; the end of the output."""
    ok, mapped, _used, log = workload_used(vlc_dir, tmp)
    return ok, mapped, log


def workload_used(vlc_dir: Path, tmp: Path) -> tuple[bool, list[str], set[str], str]:
    env = {**os.environ, "POCUS_PLAYER_VLC_DIR": str(vlc_dir), "PYTHONPATH": str(REPO)}
    for _attempt in range(3):
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(tmp), *clips()],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        if proc.returncode >= 0:  # a crash (signal) is tried again, not taken as a verdict
            break
    mapped: list[str] = []
    used: set[str] = set()
    for line in proc.stdout.splitlines():
        if line.startswith("MAPPED "):
            mapped = json.loads(line[7:])
        elif line.startswith("USED "):
            used = set(json.loads(line[5:]))
    return proc.returncode == 0, mapped, used, proc.stdout[-3000:] + proc.stderr[-2000:]


def plugin_names(plugin: str) -> set[str]:
    """The module names a plugin file is likely to register (its file name, less prefixes)."""
    name = plugin.partition("/")[2]
    return {name, name.removeprefix("packetizer_"), name.removesuffix("_s16")}


def plugin_of(path: str) -> str | None:
    p = Path(path)
    if not p.name.endswith("_plugin.so"):
        return None
    return f"{p.parent.name}/{p.name[3 : -len('_plugin.so')]}"


def write(linux: list[str], lib: Path, seconds: float) -> None:
    plugins = {"linux": sorted(linux)}
    for system, change in OTHER_SYSTEMS.items():
        plugins[system] = sorted((set(linux) - set(change["drop"])) | set(change["add"]))
    version = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "libvlc5"], capture_output=True, text=True
    ).stdout
    data = {
        "about": "VLC plugins the frozen app ships and selftest requires; made by "
        "scripts/derive-vlc-plugins.py (remove one at a time; keep a removal only if every "
        "sample kind still plays). win32/darwin: the Linux list with their own outputs, "
        "not derived on those systems.",
        "derived_with": f"libvlc5 {version or 'unknown'} ({lib}), {seconds:.0f} s",
        "kept_by_name": KEEP["linux"],
        "plugins": plugins,
    }
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vlc-lib", type=Path, help="the folder holding libvlccore.so.9")
    parser.add_argument("--check", action="store_true", help="test the listed set only")
    args = parser.parse_args()
    lib = args.vlc_lib or system_vlc_lib()
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="pocus-vlc-derive-") as d:
        tmp = Path(d)
        vlc_dir = tmp / "vlc"
        if args.check:
            listed = json.loads(OUT.read_text(encoding="utf-8"))["plugins"]["linux"]
            lay_out(vlc_dir, lib, listed)
            ok, _mapped, log = workload(vlc_dir, tmp)
            print(f"{len(listed)} listed plugins: {'every clip kind plays' if ok else 'FAILED'}")
            if not ok:
                print(log)
            return 0 if ok else 1
        everything = all_plugins(lib)
        lay_out(vlc_dir, lib, everything)
        # With a plugin cache libvlccore opens only the plugins it uses (without one it
        # opens every plugin to read its description, and every one would look used).
        subprocess.run([str(cache_gen(lib)), str(vlc_dir / "lib/vlc/plugins")], check=True)
        ok, mapped, used, log = workload_used(vlc_dir, tmp)
        if not ok:
            print(log)
            raise SystemExit("the workload fails even with every plugin")
        seed = sorted({p for p in map(plugin_of, mapped) if p} | set(KEEP["linux"]))
        print(
            f"{len(everything)} plugins; the workload maps {len(seed)} (with those kept by name)",
            flush=True,
        )
        kept = list(seed)
        # Most mapped plugins were only probed and declined; libvlc names the ones it used.
        # Try without all the others at once first (one run instead of one each).
        unused = [p for p in seed if p not in KEEP["linux"] and not (used & plugin_names(p))]
        trial = [p for p in kept if p not in unused]
        lay_out(vlc_dir, lib, trial)
        ok, _mapped, _log = workload(vlc_dir, tmp)
        print(
            f"  without the {len(unused)} mapped but unused: {'still plays: dropped' if ok else 'fails'}",
            flush=True,
        )
        if ok:
            kept = trial
        removable = [p for p in kept if p not in KEEP["linux"]]
        size = 1 if ok else GROUP  # what is left was used: one at a time
        groups = [removable[i : i + size] for i in range(0, len(removable), size)]
        runs = 0
        while groups:
            group = groups.pop(0)
            trial = [p for p in kept if p not in group]
            lay_out(vlc_dir, lib, trial)
            ok, _mapped, _log = workload(vlc_dir, tmp)
            runs += 1
            what = group[0] if len(group) == 1 else f"{len(group)} plugins ({group[0]}...)"
            verdict = "still plays: dropped" if ok else ("needed" if len(group) == 1 else "split")
            print(f"  without {what:<48} {verdict}", flush=True)
            if ok:
                kept = trial
            elif len(group) > 1:
                half = len(group) // 2
                groups[:0] = [group[:half], group[half:]]
        lay_out(vlc_dir, lib, kept)
        ok, _mapped, log = workload(vlc_dir, tmp)
        if not ok:
            print(log)
            raise SystemExit("the final set fails the workload")
    write(kept, lib, time.monotonic() - t0)
    print(f"{len(kept)} plugins -> {OUT.relative_to(REPO)} ({time.monotonic() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
