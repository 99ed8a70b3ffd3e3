"""Flows around the questions: clip replays, a certificate, a failing disk, the time running out."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from pocus_player import resources
from pocus_player.media.engine import State
from pocus_player.ui.exam_controller import CALL_PROCTOR, Phase
from pocus_player.ui.media_widget import Mode
from tests.ui.app_support import PIN, decrypt_records, result_files, skip_to_checkpoint
from tests.ui.test_app_proctor import running_exam
from tests.ui.test_e2e_app import key_response

pytestmark = pytest.mark.media  # real libvlc plays the demo media


def submit_open(app: Any) -> None:
    c = app.controller
    for q in c.session.open_checkpoint.questions:
        c.answer(q.id, key_response(q))
    app.candidate_window.panel.submit_button.click()
    app.candidate_window.panel.confirm_yes.click()


def test_clip_replays_count_down_and_stop_at_the_limit(qtbot: Any, tmp_path: Path) -> None:
    app = running_exam(qtbot, tmp_path, exam="lung-dyspnea")
    c, win = app.controller, app.candidate_window
    try:
        skip_to_checkpoint(app)
        submit_open(app)
        skip_to_checkpoint(app)  # the rest of the narration
        assert c.session.open_checkpoint.id == "right-anterior"
        button = win.panel._replay_buttons["a-lines"]
        assert button.text() == "Play clip\nRight anterior chest, second intercostal space"
        q = c.session.open_checkpoint.questions[0]
        expected = ["(2 replays left)", "(1 replay left)", "No replays left"]
        media = win.encounter.media_area.media_widget
        assert media.mode is Mode.EMPTY and "Play clip" in media._empty_message
        for i, label in enumerate(expected):
            button.click()
            assert c.phase is Phase.REVIEWING
            qtbot.waitUntil(lambda: media.mode is Mode.VIDEO, timeout=5000)
            if i == 0:
                c.answer(q.id, {"choice": "b-profile"})  # answering while the clip plays
            qtbot.waitUntil(lambda: c.phase is Phase.CHECKPOINT, timeout=15000)
            assert label in button.text()
            # back at the questions, the media area says again where the clips play
            assert media.mode is Mode.EMPTY and "Play clip" in media._empty_message
        assert not button.isEnabled()
        assert c.session.drafts[q.id] == {"choice": "b-profile"}
        assert c.replays_left("a-lines") == 0
        button.click()  # nothing happens
        assert c.phase is Phase.CHECKPOINT
        c.proctor_end("test over")
    finally:
        app.shutdown()


def test_a_certificate_runs_its_cases_in_order_with_a_receipt_each(
    qtbot: Any, tmp_path: Path
) -> None:
    app = running_exam(qtbot, tmp_path, exam="demo-certificate")
    c, win = app.controller, app.candidate_window
    try:
        assert c.case_count == 3
        for n in range(3):
            assert win.case_label.text().startswith(f"Case {n + 1} of 3: ")
            while not c.session.is_over:
                if c.phase is Phase.PLAYING:
                    skip_to_checkpoint(app)
                elif c.phase is Phase.CHECKPOINT:
                    submit_open(app)
                else:
                    qtbot.waitUntil(
                        lambda: c.phase in (Phase.PLAYING, Phase.CHECKPOINT), timeout=10000
                    )
            if n < 2:
                assert c.phase is Phase.CASE_DONE
                assert win.next_case_button.isVisible()
                assert "remain" in win.end_text.text()
                win.next_case_button.click()
                assert c.phase is Phase.INSTRUCTIONS
                win.begin_button.click()
                qtbot.waitUntil(lambda: c.engine.state is State.PLAYING, timeout=10000)
        assert c.phase is Phase.EXAM_DONE
        assert win.timer_label.text() == "Finished"  # no clock running on the end screen
        assert not win.next_case_button.isVisibleTo(win)
        receipts = c.progress.receipts
        assert [cid for cid, _ in receipts] == [
            "cardiac-pericardial-effusion",
            "fast-blunt-trauma",
            "lung-acute-dyspnea",
        ]
        for _, r in receipts:
            assert r in win.end_details.text()
        assert not app.progress_store.path.exists()  # the exam is over: nothing to go on with
    finally:
        app.shutdown()
    files = result_files(tmp_path / "results")
    assert len(files) == 3
    for f in files:
        assert decrypt_records(f)[-1]["payload"]["outcome"] == "completed"
    assert resources.demo_cases()[0].stem == "cardiac-effusion"


def test_a_failing_results_disk_stops_the_exam_without_losing_answers(
    qtbot: Any, tmp_path: Path
) -> None:
    app = running_exam(qtbot, tmp_path, exam="cardiac-effusion")
    c, win = app.controller, app.candidate_window
    try:
        skip_to_checkpoint(app)
        submit_open(app)  # saved
        skip_to_checkpoint(app)
        assert c.session.open_checkpoint.id == "heart"
        # The disk goes away under the journal (as a pulled USB stick or a dead NAS would).
        journal = c.journal
        os.close(journal._fd)
        journal._fd = os.open(os.devnull, os.O_RDONLY)
        submit_open(app)
        assert c.phase is Phase.FAULT
        assert win.cover_title.text() == CALL_PROCTOR
        assert c.session.open_checkpoint.id == "heart"  # not acknowledged as submitted
        win.open_proctor()
        win.pin_prompt.pin.setText(PIN)
        win.pin_prompt.ok.click()
        assert "could not be saved" in win.proctor_panel.message.text()
        assert "restart the app" in win.proctor_panel.message.text()
    finally:
        app.shutdown()
    [path] = result_files(tmp_path / "results")
    records = decrypt_records(path)
    assert [r["payload"]["question_id"] for r in records if r["type"] == "response"] == [
        "q-first-view"
    ]
    assert records[-1]["type"] != "submit"  # resumable after a restart


def test_when_the_time_runs_out_the_case_ends_with_what_was_answered(
    qtbot: Any, tmp_path: Path
) -> None:
    from pocus_player.core.clock import VirtualClock
    from pocus_player.ui.app import AppOptions, ExamApp
    from tests.ui.app_support import make_pin

    make_pin(tmp_path / "cfg")
    case_file = resources.cases_dir() / "cardiac-effusion.yaml"
    app = ExamApp(
        AppOptions(
            config_dir=tmp_path / "cfg",
            results_dir=tmp_path / "results",
            exam=str(case_file),
            kiosk=False,
        )
    )
    start = app.show_start()
    qtbot.addWidget(start)
    clock = VirtualClock()
    try:
        start.pin_prompt.pin.setText(PIN)
        start.pin_prompt.ok.click()
        assert start.selected_exam().cases == (case_file.resolve(),)
        start.candidate_id.setText("C-7")
        start.candidate_name.setText("Late Candidate")
        start.preflight_button.click()
        start.tone_yes.click()
        start.start_button.click()
        c, win = app.controller, app.candidate_window
        c._clock_factory = lambda: clock  # the case's clock: advanced by hand below
        win.begin_button.click()
        skip_to_checkpoint(app)
        submit_open(app)
        skip_to_checkpoint(app)
        q = c.session.open_checkpoint.questions[1]
        c.answer(q.id, key_response(q))  # a draft, not submitted
        clock.advance(15 * 60 + 1)
        qtbot.waitUntil(lambda: c.phase is Phase.EXAM_DONE, timeout=3000)
        assert "time ran out" in win.end_text.text()
        assert win.timer_label.text() == "Finished"  # the end screen shows no running clock
    finally:
        app.shutdown()
    [path] = result_files(tmp_path / "results")
    records = decrypt_records(path)
    responses = {
        r["payload"]["question_id"]: r["payload"] for r in records if r["type"] == "response"
    }
    assert responses["q-effusion-finding"]["cause"] == "time_expired"
    assert responses["q-effusion-finding"]["score"]["points"] == 1  # the draft counted
    assert responses["q-effusion-hotspot"]["response"] == {}
    assert records[-1]["payload"]["outcome"] == "time_expired"
