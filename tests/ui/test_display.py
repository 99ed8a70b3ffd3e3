"""Started with no display, `pocus-player` says so in one line and exits 1 (Qt would dump core)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pocus_player.ui.display import display_problem

REPO = Path(__file__).resolve().parents[2]


def run_app(tmp_path: Path, **env_changes: str | None) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update({k: v for k, v in env_changes.items() if v is not None})
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pocus_player",
            "app",
            "--config-dir",
            str(tmp_path / "cfg"),
            "--results-dir",
            str(tmp_path / "res"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 display check")
def test_no_display_at_all_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = run_app(tmp_path)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("pocus-player: no display: DISPLAY is not set")
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 display check")
def test_a_display_nobody_answers_is_named(tmp_path: Path) -> None:
    free = next(n for n in range(180, 400) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    result = run_app(tmp_path, DISPLAY=f":{free}")
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip() == (
        f"pocus-player: no display: the X display :{free} does not answer (no X server there?)"
    )


def test_the_default_command_checks_too(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PYTHONPATH"] = str(REPO)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    if not sys.platform.startswith("linux"):
        pytest.skip("X11 display check")
    result = subprocess.run(
        [sys.executable, "-m", "pocus_player"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_rules_without_a_server() -> None:
    assert display_problem({}, "win32") is None
    assert display_problem({}, "darwin") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert (
        display_problem({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux")
        is None
    )
    assert "WAYLAND_DISPLAY" in (display_problem({"QT_QPA_PLATFORM": "wayland"}, "linux") or "")
    assert "DISPLAY is not set" in (display_problem({}, "linux") or "")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 display check")
def test_a_running_x_server_passes() -> None:
    display = os.environ.get("DISPLAY")
    if not display:
        pytest.fail("the test session has no X server (pytest-xvfb starts one)")
    assert display_problem({"DISPLAY": display}, "linux") is None
