"""`pocus-player selftest`: exit 0 only on a ready seat, and a clear failure for each way a seat is not.

Each test runs the real command in a fresh process, on its own Xvfb screen of the size it
needs, against the real libvlc (a private VLC folder where a test needs one missing piece).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pocus_player.media.libvlc_location import VlcLayout

REPO = Path(__file__).resolve().parents[2]
PLUGINS = json.loads((REPO / "pocus_player/media/vlc_plugins.json").read_text("utf-8"))
pytestmark = [
    pytest.mark.media,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Xvfb and the Debian libvlc"),
]


def selftest(
    tmp_path: Path, *, screen: str | None = "1280x800", results: Path | None = None, **env: str
) -> tuple[int, dict[str, object], str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XAUTHORITY")
    }
    base.update(env, PYTHONPATH=str(REPO))
    cmd = [
        sys.executable, "-m", "pocus_player", "selftest", "--json", "--no-audio-device",
        "--config-dir", str(tmp_path / "cfg"), "--results-dir", str(results or tmp_path / "res"),
    ]  # fmt: skip
    if screen is not None:
        if shutil.which("xvfb-run") is None:
            pytest.fail("xvfb-run is needed (scripts/setup-debian.sh installs xvfb)")
        cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24", *cmd]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=base, timeout=120)
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        pytest.fail(f"no JSON report (exit {proc.returncode}): {proc.stdout}\n{proc.stderr}")
    return proc.returncode, report, proc.stderr


def by_name(report: dict[str, object]) -> dict[str, dict[str, object]]:
    checks = report["checks"]
    assert isinstance(checks, list)
    return {str(c["name"]): c for c in checks}


def failed(report: dict[str, object]) -> set[str]:
    return {name for name, c in by_name(report).items() if not c["ok"]}


def system_lib() -> Path:
    for d in (Path("/usr/lib/x86_64-linux-gnu"), Path("/usr/lib/aarch64-linux-gnu")):
        if (d / "libvlccore.so.9").exists():
            return d
    pytest.fail("the system libvlc (libvlc5) is not installed")


def private_vlc(dest: Path, drop: str | None = None) -> Path:
    """A VLC folder laid out as the frozen build's, with the shipped plugins (less `drop`)."""
    lib = system_lib()
    layout = VlcLayout.under(dest, "linux")
    layout.libvlc.parent.mkdir(parents=True)
    for src, dst in (
        (lib / "libvlc.so.5", layout.libvlc),
        (lib / "libvlccore.so.9", layout.libvlccore),
    ):
        shutil.copy2(src.resolve(), dst)
    for plugin in PLUGINS["plugins"]["linux"]:
        if plugin == drop:
            continue
        category, _, name = plugin.partition("/")
        src = lib / "vlc" / "plugins" / category / f"lib{name}_plugin.so"
        target = layout.plugins / category / src.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(src)
    return dest


def test_a_ready_seat_passes_and_names_its_libvlc(tmp_path: Path) -> None:
    code, report, err = selftest(tmp_path)
    assert code == 0, (failed(report), err)
    assert report["ready"] is True
    checks = by_name(report)
    facts = checks["libvlc"]["facts"]
    assert isinstance(facts, dict)
    assert str(facts["version"]).startswith("3.")
    assert Path(str(facts["libvlc"])).is_file() and "libvlc.so" in str(facts["libvlc"])
    assert int(str(facts["plugin_modules"])) > 10
    assert checks["Screen size"]["facts"]["width"] == 1280  # type: ignore[index]
    decodes = [n for n in checks if n.startswith("Decode:")]
    assert len(decodes) == 9  # every clip kind of assets/selftest


def test_the_plain_report_ends_with_one_verdict(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(REPO)
    proc = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-m", "pocus_player",
         "selftest", "--no-audio-device", "--config-dir", str(tmp_path / "c"),
         "--results-dir", str(tmp_path / "r")],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[-1] == "This seat is ready (pocus-player 0.1.0)."
    assert any(line.startswith("ok    libvlc") for line in lines)


def test_no_display(tmp_path: Path) -> None:
    code, report, _err = selftest(tmp_path, screen=None)
    assert code == 1 and report["ready"] is False
    checks = by_name(report)
    assert "DISPLAY is not set" in str(checks["Display"]["detail"])
    assert failed(report) == {"Display", "Screen size"}  # the rest is still checked


def test_a_screen_below_1024x768(tmp_path: Path) -> None:
    code, report, _err = selftest(tmp_path, screen="1000x700")
    assert code == 1
    assert failed(report) == {"Screen size"}
    detail = str(by_name(report)["Screen size"]["detail"])
    assert "1000x700" in detail and "1024x768" in detail


def test_no_libvlc(tmp_path: Path) -> None:
    empty = tmp_path / "no-vlc"
    empty.mkdir()
    code, report, err = selftest(tmp_path, POCUS_PLAYER_VLC_DIR=str(empty))
    assert code == 1
    detail = str(by_name(report)["libvlc"]["detail"])
    assert "libvlc is missing" in detail and str(empty) in detail, detail
    assert "Traceback" not in err


def test_a_missing_packetizer_is_named_and_its_clips_fail(tmp_path: Path) -> None:
    drop = "packetizer/packetizer_mpegvideo"
    assert drop in PLUGINS["plugins"]["linux"], "pick a plugin that is still shipped"
    vlc_dir = private_vlc(tmp_path / "vlc", drop=drop)
    code, report, _err = selftest(tmp_path, POCUS_PLAYER_VLC_DIR=str(vlc_dir))
    assert code == 1
    checks = by_name(report)
    assert checks["libvlc"]["ok"], checks["libvlc"]
    assert str(vlc_dir) in str(checks["libvlc"]["detail"])  # the private copy, not the system's
    assert not checks["VLC plugins"]["ok"]
    assert f"missing: {drop}" in str(checks["VLC plugins"]["detail"])
    # and the MPEG-2 sample loses pictures without it
    mpeg2 = checks["Decode: MPEG-2 video in an MPEG program stream with MP2 audio"]
    assert not mpeg2["ok"] and "pictures decoded" in str(mpeg2["detail"]), mpeg2


def test_a_missing_decoder_stops_libvlc_and_is_named(tmp_path: Path) -> None:
    drop = "codec/avcodec"  # the app's options name avcodec: libvlc refuses to start without it
    vlc_dir = private_vlc(tmp_path / "vlc", drop=drop)
    code, report, err = selftest(tmp_path, POCUS_PLAYER_VLC_DIR=str(vlc_dir))
    assert code == 1
    checks = by_name(report)
    assert "could not start" in str(checks["libvlc"]["detail"])
    assert f"missing: {drop}" in str(checks["VLC plugins"]["detail"])
    assert "Traceback" not in err


def test_the_private_vlc_with_every_plugin_is_ready(tmp_path: Path) -> None:
    vlc_dir = private_vlc(tmp_path / "vlc")
    code, report, err = selftest(tmp_path, POCUS_PLAYER_VLC_DIR=str(vlc_dir))
    assert code == 0, (failed(report), err)
    facts = by_name(report)["libvlc"]["facts"]
    assert isinstance(facts, dict)
    assert str(facts["libvlc"]).startswith(str(vlc_dir))
    assert facts["bundled"] is True


@contextlib.contextmanager
def immutable(folder: Path) -> Iterator[None]:
    """A folder nobody can write to, root included (chattr +i), or by permissions otherwise."""
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if as_root:
        made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
        assert made.returncode == 0, f"cannot make a read-only folder as root: {made.stderr}"
    else:
        folder.chmod(0o500)
    try:
        yield
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        else:
            folder.chmod(0o700)


def test_an_unwritable_results_folder(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    with immutable(ro):
        code, report, _err = selftest(tmp_path, results=ro)
    assert code == 1
    assert failed(report) == {"Results folder"}
    assert "not writable" in str(by_name(report)["Results folder"]["detail"])
