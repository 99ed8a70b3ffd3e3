"""A practice case driven from outside the process through AT-SPI, as a screen reader would.

The test starts its own D-Bus session (`dbus-run-session`); in it the driver
(`atspi_driver.py`, run by Debian's /usr/bin/python3 for pyatspi) starts the
accessibility bus and the application with Qt's AT-SPI bridge always on, and
walks the demo certificate's cardiac case from the PIN screen to the end screen,
and its FAST case up to the ordering question, using only
accessible names, roles, states, descriptions, actions and the keyboard.
Debian packages: at-spi2-core, python3-pyatspi (scripts/setup-debian.sh).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.ui.app_support import PIN, make_pin

pytestmark = [pytest.mark.gui, pytest.mark.media]  # the real app plays the demo media

REPO = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("atspi_driver.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
#: The demo certificate: the cardiac effusion case whole (single best answer, hotspot,
#: caliper, multiple response), then the FAST trauma case up to its ordering question
#: (its other types are the first case's; playing its media to the end adds only time).
CASES = ("whole", "ordering")

Report = dict[str, Any]  # the driver's JSON report


def atspi_missing() -> str | None:
    if not sys.platform.startswith("linux"):
        return "AT-SPI is the Linux accessibility bus"
    if not shutil.which("dbus-run-session"):
        return "dbus-run-session not installed (package dbus-daemon)"
    if not Path(BUS_LAUNCHER).exists():
        return "at-spi-bus-launcher not installed (package at-spi2-core)"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    if probe.returncode != 0:
        return "pyatspi not importable by /usr/bin/python3 (package python3-pyatspi)"
    if not os.environ.get("DISPLAY"):
        return "no X display"
    return None


@pytest.fixture(scope="module")
def walk_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    missing = atspi_missing()
    if missing:
        pytest.skip(missing)
    tmp = tmp_path_factory.mktemp("atspi")
    make_pin(tmp / "cfg")
    app = [
        sys.executable,
        "-m",
        "pocus_player",
        "app",
        "--config-dir",
        str(tmp / "cfg"),
        "--results-dir",
        str(tmp / "results"),
        "--exam",
        "demo-certificate",
        "--practice",
        "--audio-output",
        "dummy",
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "xcb"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("AT_SPI_BUS_ADDRESS", None)
    out = subprocess.run(
        ["dbus-run-session", "--", SYSTEM_PYTHON, str(DRIVER), PIN, ",".join(CASES), "--", *app],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=180,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, out.stdout[-2000:] + out.stderr[-4000:]
    report = json.loads(lines[-1])
    (tmp / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    assert "error" not in report, report["error"][:6000]
    assert out.returncode == 0, out.stderr[-4000:]
    return report  # type: ignore[no-any-return]


def test_every_interactive_node_has_a_name_and_a_role(walk_report: Report) -> None:
    screens = walk_report["screens"]
    expected = {"pin", "setup", "preflight", "case 1 end"} | {
        f"case {n} {screen}" for n in (1, 2) for screen in ("instructions", "encounter")
    }
    assert expected <= set(screens)
    assert all(s["interactive"] > 0 for s in screens.values())
    assert {k: s["unnamed"] for k, s in screens.items() if s["unnamed"]} == {}


def test_one_node_at_a_time_has_the_focus(walk_report: Report) -> None:
    focused = {k: s["focused"] for k, s in walk_report["screens"].items()}
    assert {k: v for k, v in focused.items() if len(v) > 1} == {}


def test_every_question_type_is_answered(walk_report: Report) -> None:
    kinds = set(walk_report["kinds"])
    assert {"single_best_answer", "multiple_response", "hotspot", "caliper", "ordering"} <= kinds
    heard = walk_report["heard"]
    assert any("Marker 1 at" in v for k, v in heard.items() if "hotspot" in k)
    assert any(v.startswith("Order status: Moved") for k, v in heard.items() if "ordering" in k)
    assert any("Measurement: " in v for k, v in heard.items() if "caliper" in k)
    assert any(k.startswith("feedback") for k in heard)
    assert all("<" not in v for k, v in heard.items() if k.startswith("feedback"))


def test_the_end_screen_reads_the_receipt_code(walk_report: Report) -> None:
    codes = [r.removeprefix("Receipt code: ") for r in walk_report["receipts"]]
    assert len(codes) == CASES.count("whole")
    assert all(len(code) >= 6 and code.strip() == code for code in codes)


def test_pause_and_resume_are_announced(walk_report: Report) -> None:
    announced = walk_report["announced"]
    assert any(a.startswith("The exam is paused") for a in announced), announced
    assert any(a.startswith("The exam goes on") for a in announced), announced
    assert "proctor panel" in walk_report["screens"]


def test_the_application_is_named_not_the_interpreter(walk_report: Report) -> None:
    application = walk_report["application"]
    assert application["name"] == "pocus-player"
    assert "python" not in application["description"].lower()
