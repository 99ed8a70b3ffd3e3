"""End to end, from the keyboard alone: each demo case through the real widgets and real libvlc.

The proctor unlocks with the PIN, enters the candidate, runs the preflight and
confirms the test tone; the candidate begins, the media plays and stops on its
checkpoints, every question is answered with keys on the focused widget, each
checkpoint is submitted and confirmed. The result file is then decrypted with
the stock `age` CLI and must hold exactly the responses typed and their scores.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from pocus_player import resources
from pocus_player.core import scoring
from pocus_player.core.loader import load_case
from pocus_player.core.model import Case, Question, QuestionType
from pocus_player.ui.app import AppOptions, ExamApp
from pocus_player.ui.exam_controller import Phase
from tests.ui.app_support import PIN, KeyboardDriver, decrypt_records, make_pin, region_point

pytestmark = [pytest.mark.slow, pytest.mark.media]


def key_response(q: Question) -> dict[str, Any]:
    """The response a well-prepared candidate gives (the key), as the keyboard can enter it."""
    if q.type is QuestionType.SINGLE_BEST_ANSWER:
        return {"choice": q.key[0]}
    if q.type is QuestionType.MULTIPLE_RESPONSE:
        return {"choices": list(q.key)}
    if q.type is QuestionType.ORDERING:
        return {"order": list(q.key)}
    if q.type is QuestionType.HOTSPOT:
        region = next(r for r in q.regions if r.id == q.key[0])
        return {"points": [list(region_point(region))]}
    assert q.caliper is not None and q.caliper.endpoints is not None
    # The keyboard moves the calipers by whole pixels.
    return {"endpoints": [[round(x), round(y)] for x, y in q.caliper.endpoints]}


def start_exam_by_keyboard(qtbot: Any, tmp_path: Path, exam: str) -> tuple[ExamApp, KeyboardDriver]:
    make_pin(tmp_path / "cfg")
    app = ExamApp(
        AppOptions(
            config_dir=tmp_path / "cfg", results_dir=tmp_path / "results", exam=exam, kiosk=False
        )
    )
    start = app.show_start()
    qtbot.addWidget(start)
    kb = KeyboardDriver(qtbot)
    kb.wait_focus_is(start.pin_prompt.pin)
    kb.type(PIN)
    kb.key(Qt.Key.Key_Return)
    kb.wait_focus_is(start.candidate_id)
    kb.type("C-1001")
    kb.key(Qt.Key.Key_Return)
    kb.wait_focus_is(start.candidate_name)
    kb.type("Test Candidate")
    kb.key(Qt.Key.Key_Return)  # runs the preflight
    kb.wait_focus_is(start.tone_button, timeout=30000)
    assert all(c.ok for c in start.checks), [c for c in start.checks if not c.ok]
    kb.key(Qt.Key.Key_Space)  # play the tone
    kb.wait_focus_is(start.tone_yes)
    kb.key(Qt.Key.Key_Space)  # the candidate heard it
    kb.wait_focus_is(start.start_button)
    kb.key(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: app.candidate_window is not None, timeout=5000)
    return app, kb


def run_case_by_keyboard(qtbot: Any, app: ExamApp, kb: KeyboardDriver) -> dict[str, dict[str, Any]]:
    """Begin the case and answer every checkpoint with the key; returns what was typed."""
    win = app.candidate_window
    c = app.controller
    kb.wait_focus_is(win.begin_button)
    kb.key(Qt.Key.Key_Space)
    typed: dict[str, dict[str, Any]] = {}
    while True:
        qtbot.waitUntil(
            lambda: c.phase in (Phase.CHECKPOINT, Phase.CASE_DONE, Phase.EXAM_DONE, Phase.FAULT),
            timeout=90000,  # the longest narration runs 26 s; slow machines take longer
        )
        assert c.phase is not Phase.FAULT, c.fault_message
        if c.phase is not Phase.CHECKPOINT:
            return typed
        cp = c.session.open_checkpoint
        qtbot.waitUntil(
            lambda cp=cp: (
                [w.question.id for w in win.panel.widgets()] == [q.id for q in cp.questions]
            )
        )
        for i, q in enumerate(cp.questions):
            widget = win.panel.widgets()[i]
            qtbot.waitUntil(lambda w=widget: win.panel.current_widget() is w)
            response = key_response(q)
            kb.answer(widget, q, response)
            typed[q.id] = response
            if i < len(cp.questions) - 1:
                kb.key(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Next question
        kb.key(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Submit answers
        kb.wait_focus_is(win.panel.confirm_no)
        kb.key(Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # Yes, submit
        qtbot.waitUntil(
            lambda cp=cp: (
                c.session.open_checkpoint is None
                or c.session.open_checkpoint.id != cp.id
                or c.session.is_over
            ),
            timeout=5000,
        )


def check_result(
    results_dir: Path, case: Case, typed: dict[str, dict[str, Any]], receipt: str
) -> None:
    files = sorted(results_dir.glob(f"{case.meta.id}_C-1001_*.pocusresult"))
    assert len(files) == 1
    records = decrypt_records(files[0])
    kinds = [r["type"] for r in records]
    assert kinds[0] == "start" and kinds[-1] == "submit"
    assert records[0]["payload"]["candidate"] == {"id": "C-1001", "name": "Test Candidate"}
    responses = {
        r["payload"]["question_id"]: r["payload"] for r in records if r["type"] == "response"
    }
    assert set(responses) == set(typed)
    expected_points = 0.0
    for qid, given in typed.items():
        q = case.question_by_id(qid)
        recorded = responses[qid]["response"]
        for k, v in given.items():
            assert recorded[k] == v, (qid, k, recorded)
        result = scoring.score(
            q, recorded, case.media_by_id(q.image.media).calibration if q.image else None
        )
        assert responses[qid]["score"]["points"] == result.points == q.points, qid
        expected_points += q.points
    totals = records[-1]["payload"]["totals"]
    assert totals["points"] == pytest.approx(expected_points)
    assert records[-1]["payload"]["outcome"] == "completed"
    assert receipt and receipt.count("-") == 2


@pytest.mark.parametrize(
    "case_file", ["fast-trauma.yaml", "cardiac-effusion.yaml", "lung-dyspnea.yaml"]
)
def test_demo_case_from_the_keyboard(qtbot: Any, tmp_path: Path, case_file: str) -> None:
    path = resources.cases_dir() / case_file
    app, kb = start_exam_by_keyboard(qtbot, tmp_path, path.stem)
    try:
        assert app.controller.case.source == path
        typed = run_case_by_keyboard(qtbot, app, kb)
        assert app.controller.phase is Phase.EXAM_DONE
        receipt = app.candidate_window.receipt_label.text()
        # No score on the candidate's end screen in exam mode.
        assert "points" not in app.candidate_window.end_details.text()
        check_result(tmp_path / "results", load_case(path), typed, receipt)
    finally:
        app.shutdown()
