"""Crash recovery: the app is killed (SIGKILL) mid-case and resumes at the right checkpoint."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pocus_player import resources
from pocus_player.core.loader import load_case
from tests.ui.app_support import decrypt_records, make_pin, result_files

pytestmark = [
    pytest.mark.slow,
    pytest.mark.gui,  # the child processes show the app on the test display
    pytest.mark.media,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]

REPO = Path(__file__).resolve().parents[2]


def spawn(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.ui.app_driver", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def read_until(proc: subprocess.Popen[str], key: str, timeout_s: float = 90) -> dict[str, Any]:
    import selectors

    sel = selectors.DefaultSelector()
    assert proc.stdout is not None
    sel.register(proc.stdout, selectors.EVENT_READ)
    import time

    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if not sel.select(timeout=max(0.0, end - time.monotonic())):
            break
        line = proc.stdout.readline()
        if not line:
            break
        msg = json.loads(line)
        assert "error" not in msg, msg
        if key in msg:
            return msg
    proc.kill()
    raise AssertionError(f"the app never said {key!r}")


def test_killed_mid_case_resumes_at_the_next_checkpoint_with_answers_intact(tmp_path: Path) -> None:
    config, results = tmp_path / "cfg", tmp_path / "results"
    make_pin(config)
    case = load_case(resources.cases_dir() / "cardiac-effusion.yaml")
    # Two checkpoints submitted (the narration's, then the subxiphoid review); the IVC step is open.
    first = spawn("start", str(config), str(results), "cardiac-effusion", "2")
    try:
        before = read_until(first, "ready")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    assert before["submitted"] == ["cp-view", "heart"]
    assert before["open"] == "ivc"
    [journal] = result_files(results)
    assert [r["type"] for r in decrypt_records(journal)][-1] != "submit"

    second = spawn("resume", str(config), str(results))
    try:
        offer = read_until(second, "resume_offer")
        assert "C-2002" in offer["resume_offer"] and case.meta.id in offer["resume_offer"]
        resumed = read_until(second, "resumed_at")
        # The open IVC checkpoint is asked again; the earlier answers are still there.
        assert resumed["resumed_at"] == "ivc"
        assert resumed["earlier"] == sorted(
            ["q-first-view", "q-effusion-hotspot", "q-effusion-finding"]
        )
        # The time left is what it was at the last saved record (the dead time is not charged).
        assert abs(resumed["time_remaining"] - before["time_remaining"]) < 5
        done = read_until(second, "done")
        second.wait(30)
    finally:
        if second.poll() is None:
            second.kill()
            second.wait(10)
    assert done["submitted"] == ["ivc", "next-step"]
    assert result_files(results) == [journal]  # the same file, continued
    records = decrypt_records(journal)
    kinds = [r["type"] for r in records]
    assert "resume" in kinds and kinds[-1] == "submit"
    assert kinds.index("resume") > kinds.index("response")
    answered = [r["payload"]["question_id"] for r in records if r["type"] == "response"]
    assert answered == [
        "q-first-view",
        "q-effusion-hotspot",
        "q-effusion-finding",
        "q-ivc-caliper",
        "q-tamponade-signs",
        "q-management",
    ]
    totals = records[-1]["payload"]["totals"]
    assert totals["points"] == totals["max_points"] == case.max_points
    assert done["receipt"]
