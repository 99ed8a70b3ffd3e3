"""Every screen of the application: accessible names on every control, practice feedback, 200 %."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from pocus_player.core.model import QuestionType
from pocus_player.ui.app import AppOptions, ExamApp
from pocus_player.ui.app_cli import add_subparser, options_from_args
from pocus_player.ui.exam_controller import Phase
from tests.ui.app_support import PIN, accessible_problems, make_pin, skip_to_checkpoint
from tests.ui.test_app_proctor import running_exam
from tests.ui.test_e2e_app import key_response

pytestmark = pytest.mark.media  # real libvlc plays the demo media


def walk_case(qtbot: Any, app: ExamApp, seen: dict[str, list[str]], *, answer: bool = True) -> None:
    """Go through the case checkpoint by checkpoint, checking each screen on the way."""
    c, win = app.controller, app.candidate_window
    while not c.session.is_over:
        if c.phase is Phase.PLAYING:
            seen["encounter"] = accessible_problems(win)
            if not skip_to_checkpoint(app):
                qtbot.waitUntil(lambda: c.phase is not Phase.PLAYING, timeout=30000)
            continue
        qtbot.waitUntil(lambda: c.phase in (Phase.CHECKPOINT, Phase.FEEDBACK), timeout=30000)
        if c.phase is Phase.FEEDBACK:
            seen["feedback"] = accessible_problems(win)
            win.feedback.continue_button.click()
            continue
        cp = c.session.open_checkpoint
        for i, q in enumerate(cp.questions):
            qtbot.waitUntil(lambda i=i: win.panel.current_index() == i)
            seen[f"question {q.type.value}"] = accessible_problems(win)
            if answer:
                c.answer(
                    q.id,
                    key_response(q)
                    | (
                        {"frame": q.image.frame}
                        if q.type is QuestionType.HOTSPOT and q.image
                        else {}
                    ),
                )
            if i < len(cp.questions) - 1:
                win.panel.next_button.click()
        win.panel.submit_button.click()
        seen["submit confirm"] = accessible_problems(win)
        win.panel.confirm_yes.click()


@pytest.mark.parametrize("case", ["fast-trauma", "cardiac-effusion", "lung-dyspnea"])
def test_no_control_without_an_accessible_name(qtbot: Any, tmp_path: Path, case: str) -> None:
    make_pin(tmp_path / "cfg")
    app = ExamApp(
        AppOptions(config_dir=tmp_path / "cfg", results_dir=tmp_path / "r", exam=case, kiosk=False)
    )
    start = app.show_start()
    qtbot.addWidget(start)
    seen: dict[str, list[str]] = {"pin": accessible_problems(start)}
    try:
        start.pin_prompt.pin.setText(PIN)
        start.pin_prompt.ok.click()
        seen["setup"] = accessible_problems(start)
        start.candidate_id.setText("C-9")
        start.candidate_name.setText("A11y")
        start.preflight_button.click()
        seen["preflight"] = accessible_problems(start)
        start.tone_yes.click()
        start.start_button.click()
        win = app.candidate_window
        seen["instructions"] = accessible_problems(win)
        win.begin_button.click()
        win.toggle_transcript()
        walk_case(qtbot, app, seen)
        seen["end"] = accessible_problems(win)
        win.open_proctor()
        seen["proctor pin"] = accessible_problems(win)
        win.pin_prompt.pin.setText(PIN)
        win.pin_prompt.ok.click()
        seen["proctor panel"] = accessible_problems(win)
    finally:
        app.shutdown()
    assert {k: v for k, v in seen.items() if v} == {}
    kinds = {k for k in seen if k.startswith("question ")}
    expected = {
        "fast-trauma": {"question ordering", "question single_best_answer", "question hotspot"},
        "cardiac-effusion": {"question caliper", "question hotspot", "question multiple_response"},
        "lung-dyspnea": {"question multiple_response", "question hotspot"},
    }[case]
    assert expected <= kinds


def test_practice_mode_shows_score_key_and_rationale(qtbot: Any, tmp_path: Path) -> None:
    app = running_exam(qtbot, tmp_path, exam="cardiac-effusion", practice=True)
    c, win = app.controller, app.candidate_window
    try:
        assert not win.isFullScreen()
        assert c.practice
        skip_to_checkpoint(app)
        q = c.session.open_checkpoint.questions[0]
        wrong = next(o.id for o in q.options if o.id != q.key[0])
        c.answer(q.id, {"choice": wrong})
        win.panel.submit_button.click()
        win.panel.confirm_yes.click()
        assert c.phase is Phase.FEEDBACK
        text = win.feedback.body.text()
        assert "Not correct: 0 of 1 points" in text
        assert "Subxiphoid four-chamber view" in text  # the key
        assert q.rationale.split()[0] in text
        assert win.panel.current_widget().read_only()
        win.feedback.continue_button.click()
        assert c.phase is Phase.PLAYING  # the narration goes on to its end
        skip_to_checkpoint(app)
        assert c.phase is Phase.CHECKPOINT  # then the review step opens
        c.proctor_end("done")
        assert "Score:" in win.end_details.text() and "0 of 10" in win.end_details.text()
    finally:
        app.shutdown()


def test_larger_text_reaches_captions_transcript_and_questions(qtbot: Any, tmp_path: Path) -> None:
    app = running_exam(qtbot, tmp_path, exam="fast-trauma", text_scale=2.0)
    win = app.candidate_window
    try:
        assert QApplication.instance().property("pocus_text_scale") == 2.0
        assert win.media_area.captions.text_scale() == 2.0
        assert win.transcript.text_scale() == 2.0
        skip_to_checkpoint(app)
        assert win.panel.current_widget().text_scale() == 2.0
        app.controller.proctor_end("done")
    finally:
        app.shutdown()


def test_cli_options_and_defaults() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    add_subparser(sub)
    args = parser.parse_args(
        [
            "app",
            "--case",
            "fast-trauma",
            "--candidate-id",
            "C1",
            "--practice",
            "--results-dir",
            "/tmp/r",
            "--text-scale",
            "1.5",
            "--windowed",
        ]
    )
    o = options_from_args(args)
    assert (o.exam, o.candidate_id, o.practice, o.kiosk, o.text_scale) == (
        "fast-trauma",
        "C1",
        True,
        False,
        1.5,
    )
    assert str(o.results_dir) == "/tmp/r"
    # `pocus-player` alone: the top-level parser has none of these options.
    bare = options_from_args(argparse.Namespace(verbose=False))
    assert bare.exam is None and bare.kiosk is None and bare.text_scale == 1.0
    with pytest.raises(ValueError, match=r"between 1\.0 and 2\.0"):
        options_from_args(argparse.Namespace(text_scale=3.0))


def test_the_accessibility_walk_finds_an_unnamed_control(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

    w = QWidget()
    qtbot.addWidget(w)
    layout = QVBoxLayout(w)
    named = QPushButton("Submit")
    unnamed = QLineEdit()
    layout.addWidget(named)
    layout.addWidget(unnamed)
    w.show()
    assert len(accessible_problems(w)) == 1
    unnamed.setAccessibleName("Candidate ID")
    assert accessible_problems(w) == []
