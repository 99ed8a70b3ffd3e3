"""A whole demo exam from a sealed package, through the real application, keyboard only, in a
sandbox (HOME, TMPDIR, the XDG folders, config and results all inside it); afterwards no file in
the sandbox holds any text of the case or any 64-byte run of its media, and the result file
still opens with the stock `age` CLI."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from pocus_player import resources
from pocus_player.cli import main
from pocus_player.core.captions import load_captions
from pocus_player.core.loader import load_case
from pocus_player.core.model import Case
from pocus_player.core.package import content
from pocus_player.ui.app import AppOptions, ExamApp
from pocus_player.ui.exam_controller import Phase
from tests.ui.app_support import PIN, KeyboardDriver, decrypt_records, make_pin
from tests.ui.test_e2e_app import run_case_by_keyboard

pytestmark = [pytest.mark.slow, pytest.mark.media]

CASE = resources.cases_dir() / "fast-trauma.yaml"
PASSPHRASE = "sitting 2026-12-03 room 4"
RUN = 64


def _sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    box = tmp_path / "sandbox"
    for sub in ("home", "tmp", "config", "data", "state", "cache", "usb"):
        (box / sub).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(box / "home"))
    monkeypatch.setenv("TMPDIR", str(box / "tmp"))
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(var, str(box / sub))
    monkeypatch.setattr(tempfile, "tempdir", None)  # tempfile caches TMPDIR on first use
    return box


def _needles(case: Case) -> list[bytes]:
    """Every text of the case a curious reader would look for."""
    texts: list[str] = []
    for q in case.questions:
        texts += [q.stem, q.rationale, *(o.text for o in q.options)]
        texts += [r.label for r in q.regions if r.label]
        texts += [k for k in q.key if len(k) >= 8]
    for item in case.media:
        texts += [line for line in item.transcript.splitlines() if len(line.strip()) >= 12]
        if item.captions is not None:
            texts += [cue.text for cue in load_captions(item.captions).cues]
    out = []
    for t in texts:
        t = " ".join(t.split())
        if len(t) >= 8:
            out.append(t[:48].encode("utf-8"))
    return sorted(set(out))


def _windows(data: bytes) -> set[int]:
    return {hash(data[i : i + RUN]) for i in range(len(data) - RUN + 1)}


def _start_by_keyboard(qtbot: Any, box: Path, package: Path) -> tuple[ExamApp, KeyboardDriver]:
    make_pin(box / "cfg")
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
    qtbot.addWidget(start)
    kb = KeyboardDriver(qtbot)
    kb.wait_focus_is(start.pin_prompt.pin)
    kb.type(PIN)
    kb.key(Qt.Key.Key_Return)
    kb.wait_focus_is(start.candidate_id)
    kb.key(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Package passphrase
    kb.wait_focus_is(start.passphrase)
    kb.type(PASSPHRASE)
    kb.key(Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # Candidate ID
    kb.wait_focus_is(start.candidate_id)
    kb.type("C-1001")
    kb.key(Qt.Key.Key_Return)
    kb.wait_focus_is(start.candidate_name)
    kb.type("Test Candidate")
    kb.key(Qt.Key.Key_Return)  # runs the preflight: unlock, signature, every member
    kb.wait_focus_is(start.tone_button, timeout=30000)
    assert all(c.ok for c in start.checks), [c for c in start.checks if not c.ok]
    assert start.passphrase.text() == ""  # used once, not kept
    kb.key(Qt.Key.Key_Space)
    kb.wait_focus_is(start.tone_yes)
    kb.key(Qt.Key.Key_Space)
    kb.wait_focus_is(start.start_button)
    kb.key(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: app.candidate_window is not None, timeout=5000)
    return app, kb


def test_a_sealed_exam_leaves_nothing_readable_in_the_sandbox(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = load_case(CASE)
    needles = _needles(case)
    originals = [CASE.read_bytes()] + [
        p.read_bytes() for m in case.media for p in (m.file, m.captions) if p is not None
    ]
    assert len(needles) > 30 and all(any(n in o for o in originals) for n in needles)

    box = _sandbox(tmp_path, monkeypatch)
    package = box / "usb" / "fast-trauma.pocusexam"  # the package itself sits in the sandbox
    monkeypatch.setenv("PP", PASSPHRASE)
    assert (
        main(
            [
                "package",
                "build",
                str(CASE),
                "-o",
                str(package),
                "--passphrase-env",
                "PP",
                "--demo-sign",
            ]
        )
        == 0
    )

    app, kb = _start_by_keyboard(qtbot, box, package)
    try:
        assert str(app.controller.case.source).startswith(str(Path("/", ".pocusexam")))
        typed = run_case_by_keyboard(qtbot, app, kb)
        assert app.controller.phase is Phase.EXAM_DONE
    finally:
        app.shutdown()
    assert not content.is_sealed(app.controller.case.media[0].file if app.controller else CASE)

    # The result opens with the stock age CLI and names the package it was sat from.
    (result,) = (box / "results").glob("*.pocusresult")
    records = decrypt_records(result)
    start = records[0]["payload"]
    assert start["package"]["signer_key_id"] and start["package"]["signature_trusted"]
    assert start["package"]["sha256"] and start["package"]["id"] == "fast-trauma"
    answered = {r["payload"]["question_id"] for r in records if r["type"] == "response"}
    assert answered == set(typed)
    assert records[-1]["type"] == "submit" and records[-1]["payload"]["totals"]["points"] > 0

    files = [p for p in box.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files)  # the app's log is in there too
    every = b"\n".join(p.read_bytes() for p in files)
    found = [n for n in needles if n in every or n.lower() in every.lower()]
    assert not found, found
    windows = _windows(every)
    for m in case.media:
        data = m.file.read_bytes()
        leaked = [
            i
            for i in range(len(data) - RUN + 1)
            if hash(data[i : i + RUN]) in windows and data[i : i + RUN] in every
        ]
        # runs that are all one byte value are no content (padding, silence)
        leaked = [i for i in leaked if len(set(data[i : i + RUN])) > 1]
        assert not leaked, (m.file.name, leaked[:5])
