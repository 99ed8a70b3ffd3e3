"""A sitting from a sealed package that stops (crash) resumes only after the passphrase is
typed again; the passphrase is never stored, and the resumed session keeps the package's name
in its records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pocus_player import resources
from pocus_player.cli import main
from pocus_player.ui.app import AppOptions, ExamApp
from pocus_player.ui.exam_controller import Phase
from pocus_player.ui.start_window import StartWindow
from tests.ui.app_driver import answer_open
from tests.ui.app_support import PIN, decrypt_records, make_pin

pytestmark = [pytest.mark.slow, pytest.mark.media]

PASSPHRASE = "resume me 42"


def _app(box: Path, package: Path) -> tuple[ExamApp, StartWindow]:
    app = ExamApp(
        AppOptions(
            config_dir=box / "cfg",
            results_dir=box / "results",
            exam=str(package),
            kiosk=False,
            audio_output="adummy",
        )
    )
    start = app.show_start()
    start.pin_prompt.pin.setText(PIN)
    start.pin_prompt.ok.click()
    return app, start


def test_a_package_sitting_resumes_after_the_unlock_is_asked_again(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "cardiac.pocusexam"
    monkeypatch.setenv("PP", PASSPHRASE)
    assert (
        main(
            [
                "package",
                "build",
                str(resources.cases_dir() / "cardiac-effusion.yaml"),
                "-o",
                str(package),
                "--passphrase-env",
                "PP",
                "--demo-sign",
            ]
        )
        == 0
    )
    make_pin(tmp_path / "cfg")

    app, start = _app(tmp_path, package)
    qtbot.addWidget(start)
    start.candidate_id.setText("C-3003")
    start.candidate_name.setText("Resume Candidate")
    start.passphrase.setText(PASSPHRASE)
    start.preflight_button.click()
    assert all(c.ok for c in start.checks), [c for c in start.checks if not c.ok]
    start.tone_yes.click()
    start.start_button.click()
    app.candidate_window.begin_button.click()
    c = app.controller
    qtbot.waitUntil(lambda: c.phase is Phase.CHECKPOINT, timeout=90_000)
    first = answer_open(app)
    qtbot.waitUntil(lambda: c.session.open_checkpoint is None or c.phase is not Phase.CHECKPOINT)
    app.shutdown()  # the power goes: the journal is closed, not submitted

    asked: list[str] = []
    monkeypatch.setattr(
        StartWindow,
        "ask_passphrase",
        classmethod(lambda cls, parent, name: asked.append(name) or "wrong"),
    )
    app, start = _app(tmp_path, package)
    qtbot.addWidget(start)
    try:
        assert start.pages.currentWidget() is start.resume_page
        start.resume_button.click()
        assert asked == [package.name] and app.controller is None  # wrong passphrase: refused
        assert "wrong passphrase" in start.setup_message.text()
        monkeypatch.setattr(
            StartWindow, "ask_passphrase", classmethod(lambda cls, parent, name: PASSPHRASE)
        )
        start.unfinished = start._find_unfinished()
        start.pages.setCurrentWidget(start.resume_page)
        start._fill_resume()
        start.resume_button.click()
        assert app.controller is not None and app.controller.phase is not Phase.FAULT
        assert first in app.controller.session.snapshot()["submitted"]
    finally:
        app.shutdown()
    (result,) = (tmp_path / "results").glob("*.pocusresult")
    records = decrypt_records(result)
    assert records[0]["payload"]["package"]["id"] == "cardiac-effusion"
    assert any(r["type"] == "resume" for r in records)
    everything = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert PASSPHRASE.encode() not in everything  # typed twice, stored nowhere
