"""The start screen comes up without loading what only later screens need.

A fresh interpreter runs the real `pocus-player app` entry point and, once the PIN
screen is on screen with the PIN field focused, reports which costly parts got
loaded. PySide6's `Qt` namespace costs 15-30 ms on first use (it builds ~100 enum
classes), libvlc and the case loader far more; none of them is needed to type a PIN.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys
from pathlib import Path
from PySide6 import QtCore
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pocus_player import cli
from pocus_player.ui import app as ui_app

tmp = Path(sys.argv[1])
show_start = ui_app.ExamApp.show_start

def wrapped(self):
    window = show_start(self)
    def report():
        print(json.dumps({
            "focused": window.focusWidget() is window.pin_prompt.pin,
            "qt_namespace": "Qt" in vars(QtCore),
            "loaded": sorted(m for m in sys.modules if m.startswith(("vlc", "pyrage", "jsonschema", "yaml", "pocus_player"))),
        }), flush=True)
        QApplication.quit()
    QTimer.singleShot(0, report)
    return window

ui_app.ExamApp.show_start = wrapped
sys.exit(cli.main(["app", "--config-dir", str(tmp / "cfg"), "--results-dir", str(tmp / "res")]))
"""


@pytest.mark.gui
def test_pin_screen_loads_only_what_it_needs(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    ).stdout
    report = json.loads(out.strip().splitlines()[-1])
    assert report["focused"], "the PIN field has the keyboard focus"
    assert not report["qt_namespace"], (
        "the PIN screen used PySide6's Qt namespace; import it inside the function that "
        "runs after the PIN (see the module docstring of pocus_player/ui/theme.py)"
    )
    loaded = set(report["loaded"])
    for heavy in ("vlc", "pyrage", "jsonschema", "yaml", "pocus_player.core.model"):
        assert heavy not in loaded, f"{heavy} was imported before the PIN screen was up"
    assert "pocus_player.ui.start_window" in loaded
