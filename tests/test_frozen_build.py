"""The frozen Linux build: built once with scripts/build-app.sh, then run with the system's VLC hidden.

The system's libvlc, libvlccore and plugin folder are made invisible in a private mount
namespace (`unshare -m`, root: empty files and an empty folder bind-mounted over them),
so the frozen app can only play what it carries. While it runs, its /proc/<pid>/maps
must show libvlc and every VLC plugin from inside the bundle. The frozen app validates
the demo cases, writes a result file the stock `age` CLI opens, plays every kind of clip
(demo media, the built-in samples, the shared ultrasound corpus) to a checkpoint on the
exact frame, and opens the proctor's start screen.

POCUS_FROZEN_APP=dist/pocus-player reuses a build instead of making one.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import CORPUS

REPO = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.slow,
    pytest.mark.media,  # a real libvlc (the bundled one): out of the fast core run
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build"),
]


@pytest.fixture(scope="module")
def frozen_app() -> Path:
    given = os.environ.get("POCUS_FROZEN_APP")
    if given:
        return Path(given).resolve()
    if shutil.which("vlc-cache-gen") is None and not list(
        Path("/usr/lib").glob("*/vlc/vlc-cache-gen")
    ):
        pytest.fail("vlc-cache-gen is missing (scripts/setup-debian.sh installs libvlc-bin)")
    t0 = time.monotonic()
    proc = subprocess.run(
        ["bash", "scripts/build-app.sh"], cwd=REPO, capture_output=True, text=True,
        env={**os.environ, "PYTHON": sys.executable}, timeout=1200,
    )  # fmt: skip
    print(f"frozen build: {time.monotonic() - t0:.0f} s")
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return REPO / "dist" / "pocus-player"


def system_vlc_files() -> list[Path]:
    """The system's libvlc, libvlccore (real files) and its plugin folder."""
    out: list[Path] = []
    for d in (
        Path("/usr/lib/x86_64-linux-gnu"),
        Path("/usr/lib/aarch64-linux-gnu"),
        Path("/usr/lib"),
    ):
        for name in ("libvlc.so.5", "libvlccore.so.9"):
            if (d / name).exists():
                out.append((d / name).resolve())
        if (d / "vlc").is_dir():
            out.append(d / "vlc")
    return out


def hidden(cmd: list[str], tmp: Path) -> list[str]:
    """`cmd` inside a private mount namespace where the system's VLC is empty."""
    if os.geteuid() != 0:
        pytest.fail("hiding the system's libvlc needs root (unshare -m); CI runs as root")
    hidden_files = system_vlc_files()
    if not hidden_files:
        pytest.fail("no system libvlc to hide: the test would prove nothing")
    empty_file, empty_dir = tmp / "empty-file", tmp / "empty-dir"
    empty_file.write_bytes(b"")
    empty_dir.mkdir(exist_ok=True)
    mounts = " && ".join(
        f"mount --bind {shlex.quote(str(empty_dir if p.is_dir() else empty_file))} {shlex.quote(str(p))}"
        for p in hidden_files
    )
    # The check runs inside the namespace too: the system's VLC really is empty there.
    check = " && ".join(
        f"test ! -s {shlex.quote(str(p))}"
        if not p.is_dir()
        else f'test -z "$(ls -A {shlex.quote(str(p))})"'
        for p in hidden_files
    )
    return ["unshare", "-m", "sh", "-c", f'{mounts} && {check} && exec "$@"', "sh", *cmd]


def xvfb(cmd: list[str], screen: str = "1280x800x24") -> list[str]:
    return ["xvfb-run", "-a", "-s", f"-screen 0 {screen}", *cmd]


def run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DISPLAY", "XAUTHORITY")}
    # Variables that would point a careless libvlc elsewhere: the app must ignore them.
    env["VLC_PLUGIN_PATH"] = "/usr/lib/x86_64-linux-gnu/vlc/plugins"
    env["PYTHON_VLC_MODULE_PATH"] = "/usr/lib/x86_64-linux-gnu/vlc/plugins"
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, **kw)  # type: ignore[call-overload, no-any-return]


def test_the_bundle_is_complete(frozen_app: Path) -> None:
    proc = run([sys.executable, str(REPO / "scripts/check-bundle.py"), str(frozen_app)])
    assert proc.returncode == 0, proc.stderr
    notices = (frozen_app / "THIRD-PARTY-NOTICES.txt").read_text("utf-8")
    for name in ("PySide6", "python-vlc", "PyYAML", "libvlc5", "libavcodec", "--enable-gpl"):
        assert name in notices, name
    assert (frozen_app / "licenses" / "common" / "LGPL-3").is_file()  # Qt's (its wheel has none)


def test_selftest_passes_with_the_system_vlc_hidden(frozen_app: Path, tmp_path: Path) -> None:
    exe = str(frozen_app / "pocus-player")
    cmd = [exe, "selftest", "--json", "--no-audio-device", "--config-dir", str(tmp_path / "c"),
           "--results-dir", str(tmp_path / "r")]  # fmt: skip
    proc = run(xvfb(hidden(cmd, tmp_path)))
    report = json.loads(proc.stdout)
    bad = [c for c in report["checks"] if not c["ok"]]
    assert proc.returncode == 0 and report["ready"], (bad, proc.stderr[-2000:])
    facts = next(c for c in report["checks"] if c["name"] == "libvlc")["facts"]
    assert facts["frozen"] and facts["bundled"]
    assert facts["libvlc"].startswith(str(frozen_app)), facts
    assert sorted(facts["removed_variables"]) == ["PYTHON_VLC_MODULE_PATH", "VLC_PLUGIN_PATH"]


def test_validate_demo_cases_with_media_probed(frozen_app: Path, tmp_path: Path) -> None:
    proc = run(hidden([str(frozen_app / "pocus-player"), "validate"], tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "3 of 3 case script(s) valid"


def test_simulate_writes_a_result_the_age_cli_opens(frozen_app: Path, tmp_path: Path) -> None:
    age = shutil.which("age")
    if age is None:
        pytest.fail("the age CLI is missing (scripts/setup-debian.sh installs it)")
    out = tmp_path / "results"
    cmd = [str(frozen_app / "pocus-player"), "simulate", str(REPO / "cases/fast-trauma.yaml"),
           "--responses", str(REPO / "cases/examples/fast-trauma.responses.yaml"),
           "--result-dir", str(out)]  # fmt: skip
    proc = run(hidden(cmd, tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    files = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]
    result = next(p for p in files if "BEGIN AGE ENCRYPTED FILE" in p.read_text("utf-8", "replace"))
    blocks = re.findall(
        r"-----BEGIN AGE ENCRYPTED FILE-----.*?-----END AGE ENCRYPTED FILE-----",
        result.read_text("utf-8"), flags=re.S,
    )  # fmt: skip
    assert blocks
    records = []
    for block in blocks:
        opened = subprocess.run(
            [age, "-d", "-i", str(REPO / "assets/keys/demo-board.key")],
            input=block + "\n", capture_output=True, text=True, check=True,
        )  # fmt: skip
        records.append(json.loads(opened.stdout))
    kinds = [r.get("type") or r.get("kind") for r in records]
    assert any(k and "response" in str(k) for k in kinds), kinds


def corpus_specs() -> list[tuple[Path, int]]:
    if not (CORPUS / "MANIFEST.tsv").is_file():
        pytest.fail(f"shared ultrasound corpus not found at {CORPUS} (set POCUS_CORPUS)")
    with (CORPUS / "MANIFEST.tsv").open(newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    # a frame well inside each clip, not so far that the run takes long
    return [(CORPUS / r["file"], min(int(r["nb_read_frames"]) // 2, 40)) for r in rows]


def sample_specs() -> list[tuple[Path, int | None]]:
    folder = REPO / "assets" / "selftest"
    manifest = json.loads((folder / "samples.json").read_text("utf-8"))
    return [(folder / n, 13 if e.get("frames") else None) for n, e in manifest.items()]


def demo_specs() -> list[tuple[Path, int | None]]:
    media = REPO / "assets" / "media"
    kinds: dict[str, tuple[Path, int | None]] = {}
    for p in sorted(media.rglob("*")):
        if p.suffix in (".mp4", ".ogg", ".png") and p.suffix not in kinds:
            kinds[p.suffix] = (p, 17 if p.suffix == ".mp4" else None)
    assert set(kinds) == {".mp4", ".ogg", ".png"}, kinds
    return list(kinds.values())


def reference_frame(path: Path, index: int) -> np.ndarray:
    """Frame `index` (0-based, by the pictures' own order) decoded by ffmpeg, as BGRX."""
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
         "stream=width,height", "-of", "csv=p=0", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout.split(",")  # fmt: skip
    w, h = int(probe[0]), int(probe[1])
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-vf", f"select=eq(n\\,{index})",
         "-vsync", "0", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "bgra", "-"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    return np.frombuffer(raw, np.uint8)[: w * h * 4].reshape(h, w, 4)


def png_pixels(path: Path) -> np.ndarray:
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "rawvideo", "-pix_fmt", "bgra", "-"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    w, h = (int(v) for v in subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "stream=width,height", "-of", "csv=p=0", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout.split(","))  # fmt: skip
    return np.frombuffer(raw, np.uint8).reshape(h, w, 4)


def test_frozen_app_plays_every_clip_kind_from_its_own_vlc(
    frozen_app: Path, tmp_path: Path
) -> None:
    specs = [*demo_specs(), *sample_specs(), *corpus_specs()]
    args = [f"{p}@{f}" if f is not None else str(p) for p, f in specs]
    out = tmp_path / "frames"
    cmd = [str(frozen_app / "pocus-player"), "smoke", "--hold", "--out", str(out),
           "--start-screen", str(tmp_path / "start"), *args]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DISPLAY", "XAUTHORITY")}
    env["VLC_PLUGIN_PATH"] = env["PYTHON_VLC_MODULE_PATH"] = "/usr/lib/x86_64-linux-gnu/vlc/plugins"
    proc = subprocess.Popen(
        xvfb(hidden(cmd, tmp_path)), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    try:
        line = ""
        while not line.startswith('{"pid"'):
            line = proc.stdout.readline()
            if not line:
                pytest.fail(
                    f"the frozen app ended early: {proc.stderr.read() if proc.stderr else ''}"
                )
        report = json.loads(line)
        maps = Path(f"/proc/{report['pid']}/maps").read_text()
    finally:
        proc.stdin.write("\n")
        proc.stdin.close()
        proc.wait(60)
    # /proc/<pid>/maps of the running frozen app: every libvlc and plugin from the bundle
    vlc_files = sorted({
        line.split(None, 5)[5] for line in maps.splitlines()
        if len(line.split(None, 5)) == 6 and re.search(r"libvlc(core)?\.so|_plugin\.so", line)
    })  # fmt: skip
    assert any("libvlccore.so" in f for f in vlc_files) and any(
        "_plugin.so" in f for f in vlc_files
    )
    outside = [f for f in vlc_files if not f.startswith(str(frozen_app) + "/")]
    assert not outside, f"VLC files loaded from outside the bundle: {outside}"
    assert report["start_screen"]["error"] is None, report["start_screen"]
    assert report["start_screen"]["title"].endswith("proctor start")
    failures = [c for c in report["clips"] if c["error"] is not None]
    assert not failures, failures
    # every video clip stopped on the frame asked for, and the picture is that frame
    for clip, (path, frame) in zip(report["clips"], specs, strict=True):
        if frame is None or clip["kind"] != "video":
            continue
        assert clip["reached"] == frame, clip
        if path.suffix == ".gif":
            continue  # ffmpeg numbers a GIF's pictures, the engine its ticks: same here, but not in general
        shown = png_pixels(Path(clip["png"]))[..., :3].astype(np.int16)
        ref = reference_frame(path, frame)[..., :3].astype(np.int16)
        neighbours = [
            reference_frame(path, n)[..., :3].astype(np.int16) for n in (frame - 1, frame + 1)
        ]
        mad = float(np.abs(shown - ref).mean())
        assert mad < 3.0, (path.name, mad)
        assert all(mad <= float(np.abs(shown - nb).mean()) + 1e-9 for nb in neighbours), path.name
