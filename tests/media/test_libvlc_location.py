"""The app loads the libvlc it is given and nothing else: foreign plugin folders are dropped,
a bundled VLC folder wins over the system's, and a damaged one is an error, not a fall-back."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pocus_player.media.libvlc_location import VlcLayout

REPO = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.media,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Debian libvlc"),
]

CHILD = """
import json, os, sys
try:
    import pocus_player.media.vlc_instance as v
    from pocus_player.media import libvlc_location
    v.VlcRuntime(("--no-audio",))
    error = None
except ImportError as exc:
    error = f"{type(exc).__name__}: {exc}"
maps = [l.split()[-1] for l in open("/proc/self/maps") if "libvlc" in l]
print(json.dumps({
    "error": error,
    "maps": sorted(set(maps)),
    "env": {k: os.environ.get(k) for k in ("VLC_PLUGIN_PATH", "PYTHON_VLC_MODULE_PATH", "PYTHON_VLC_LIB_PATH")},
}))
"""


def child(**env: str) -> dict[str, object]:
    full = {**os.environ, "PYTHONPATH": str(REPO), **env}
    proc = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=full, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def system_lib() -> Path:
    for d in (Path("/usr/lib/x86_64-linux-gnu"), Path("/usr/lib/aarch64-linux-gnu")):
        if (d / "libvlccore.so.9").exists():
            return d
    pytest.fail("the system libvlc (libvlc5) is not installed")


def test_inherited_plugin_folders_are_dropped(tmp_path: Path) -> None:
    out = child(VLC_PLUGIN_PATH=str(tmp_path), PYTHON_VLC_MODULE_PATH=str(tmp_path))
    assert out["error"] is None
    assert out["env"] == {
        "VLC_PLUGIN_PATH": None,
        "PYTHON_VLC_MODULE_PATH": None,
        "PYTHON_VLC_LIB_PATH": None,
    }


def test_a_bundled_vlc_folder_is_the_one_loaded(tmp_path: Path) -> None:
    lib = system_lib()
    layout = VlcLayout.under(tmp_path / "vlc", "linux")
    layout.libvlc.parent.mkdir(parents=True)
    shutil.copy2((lib / "libvlc.so.5").resolve(), layout.libvlc)
    shutil.copy2((lib / "libvlccore.so.9").resolve(), layout.libvlccore)
    layout.plugins.parent.mkdir(parents=True)
    layout.plugins.symlink_to(lib / "vlc" / "plugins")
    out = child(POCUS_PLAYER_VLC_DIR=str(tmp_path / "vlc"))
    assert out["error"] is None
    maps = out["maps"]
    assert isinstance(maps, list)
    libs = [m for m in maps if "libvlc.so" in m or "libvlccore.so" in m]
    assert sorted(libs) == sorted([str(layout.libvlc), str(layout.libvlccore)]), maps
    assert out["env"]["PYTHON_VLC_LIB_PATH"] == str(layout.libvlc)  # type: ignore[index]


def test_a_damaged_bundle_loads_no_libvlc_at_all(tmp_path: Path) -> None:
    (tmp_path / "vlc").mkdir()
    out = child(POCUS_PLAYER_VLC_DIR=str(tmp_path / "vlc"))
    assert str(out["error"]).startswith(
        "LibvlcUnavailable: the installation's own libvlc is missing"
    )
    assert out["maps"] == []  # not the system's libvlc instead
