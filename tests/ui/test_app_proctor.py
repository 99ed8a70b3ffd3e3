"""Proctor controls over a running exam, kiosk rules and faults: each leaves its record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent

from pocus_player.core.session import SessionState
from pocus_player.media.engine import State
from pocus_player.ui.app import AppOptions, ExamApp
from pocus_player.ui.exam_controller import CALL_PROCTOR, Phase
from tests.ui.app_support import PIN, KeyboardDriver, decrypt_records, make_pin, result_files

pytestmark = pytest.mark.media  # real libvlc plays the demo media


def running_exam(qtbot: Any, tmp_path: Path, exam: str = "lung-dyspnea", **opts: Any) -> ExamApp:
    """The app with a case begun (set up by calls; the keyboard path has its own test)."""
    make_pin(tmp_path / "cfg")
    app = ExamApp(
        AppOptions(
            config_dir=tmp_path / "cfg",
            results_dir=tmp_path / "results",
            exam=exam,
            kiosk=opts.pop("kiosk", False),
            **opts,
        )
    )
    start = app.show_start()
    qtbot.addWidget(start)
    start.pin_prompt.pin.setText(PIN)
    start.pin_prompt.ok.click()
    start.candidate_id.setText("C-3003")
    start.candidate_name.setText("Proctored Candidate")
    start.preflight_button.click()
    start.tone_yes.click()
    start.start_button.click()
    qtbot.waitUntil(lambda: app.candidate_window is not None)
    app.candidate_window.begin_button.click()
    c = app.controller
    qtbot.waitUntil(lambda: c.engine.state is State.PLAYING, timeout=10000)
    return app


def events(results: Path) -> list[dict[str, Any]]:
    [path] = result_files(results)
    return [r["payload"] for r in decrypt_records(path) if r["type"] == "event"]


def test_proctor_pause_add_time_incident_and_end_are_recorded(qtbot: Any, tmp_path: Path) -> None:
    app = running_exam(qtbot, tmp_path)
    win, c = app.candidate_window, app.controller
    kb = KeyboardDriver(qtbot)
    try:
        # Ctrl+Shift+P, then the PIN: the exam is hidden behind the proctor's screen.
        kb.key(
            Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        qtbot.waitUntil(lambda: win.pages.currentWidget() is win.proctor_page)
        kb.wait_focus_is(win.pin_prompt.pin)
        kb.type("0000")
        kb.key(Qt.Key.Key_Return)
        assert "Wrong PIN" in win.pin_prompt.message.text()
        assert win.proctor_stack.currentWidget() is win.pin_prompt
        kb.type(PIN)
        kb.key(Qt.Key.Key_Return)
        panel = win.proctor_panel
        qtbot.waitUntil(lambda: win.proctor_stack.currentWidget() is panel)

        # Pause: media stops, the candidate's screen is covered, the timer freezes.
        kb.wait_focus_is(panel.pause_button)
        kb.key(Qt.Key.Key_Space)
        assert c.session.state is SessionState.PAUSED_BY_PROCTOR
        qtbot.waitUntil(lambda: c.engine.state is State.PAUSED)
        frozen = c.time_remaining()
        with qtbot.waitSignals([c.timeChanged] * 3, timeout=3000):
            pass
        assert c.time_remaining() == frozen
        panel.close_button.click()
        assert win.pages.currentWidget() is win.cover
        assert "Paused" in win.cover_title.text()
        assert "(paused)" in win.timer_label.text()

        win.open_proctor()
        win.pin_prompt.pin.setText(PIN)
        win.pin_prompt.ok.click()
        panel.resume_button.click()
        assert c.session.state is SessionState.PLAYING_SEGMENT
        qtbot.waitUntil(lambda: c.engine.state is State.PLAYING)

        before = c.session.time_limit()
        panel.minutes.setValue(7)
        panel.add_time_button.click()
        assert c.session.time_limit() == before + 7 * 60

        panel.category.setCurrentIndex(panel.category.findText("Candidate unwell"))
        panel.note.setText("asked for water")
        panel.incident_button.click()

        panel.end_reason.setText("fire alarm")
        panel.end_button.click()
        assert not c.session.is_over  # asks first
        panel.end_confirm.click()
        assert c.phase is Phase.EXAM_DONE
        assert [panel.log_list.item(i).text() for i in range(panel.log_list.count())] == [
            "Exam paused.",
            "Exam resumed.",
            "7 minutes added.",
            "Incident recorded: Candidate unwell.",
            "Case ended.",
        ]
        panel.close_button.click()
        assert win.pages.currentWidget() is win.end_page
        assert "ended" in win.end_text.text()
    finally:
        app.shutdown()
    everything = events(tmp_path / "results")
    # No sound card on a test machine: "no audio device" is recorded once per clip, not more.
    assert sum(e["event"] == "media_fault" for e in everything) <= 1
    ev = [e for e in everything if e["event"] != "media_fault"]
    kinds = [e["event"] for e in ev]
    assert kinds == ["proctor_pause", "proctor_resume", "time_grant", "incident", "proctor_end"]
    assert ev[2]["seconds"] == 420
    assert ev[3]["note"] == "Candidate unwell: asked for water"
    assert ev[4]["note"] == "fire alarm"
    [path] = result_files(tmp_path / "results")
    submit = decrypt_records(path)[-1]
    assert submit["type"] == "submit" and submit["payload"]["outcome"] == "ended_by_proctor"
    assert submit["payload"]["extra_time_s"] == 420


def test_kiosk_window_cannot_be_closed_and_leaving_full_screen_is_recorded(
    qtbot: Any, tmp_path: Path
) -> None:
    app = running_exam(qtbot, tmp_path, kiosk=True)
    win = app.candidate_window
    try:
        qtbot.waitUntil(win.isFullScreen)
        event = QCloseEvent()
        win.closeEvent(event)
        assert not event.isAccepted()
        assert win.isVisible()
        win.showNormal()
        qtbot.waitUntil(win.isFullScreen, timeout=5000)  # it goes back to full screen
        app.controller.proctor_end("test over")
    finally:
        app.shutdown()
    ev = [e for e in events(tmp_path / "results") if e["event"] != "media_fault"]
    assert ev[0]["event"] == "left_full_screen" and ev[0]["at"] >= 0
    assert [e["event"] for e in ev[1:]] == ["proctor_end"]


def test_media_fault_mid_exam_tells_the_candidate_to_call_the_proctor(
    qtbot: Any, tmp_path: Path
) -> None:
    app = running_exam(qtbot, tmp_path)
    win, c = app.candidate_window, app.controller
    try:
        # The narration breaks while playing (as a truncated or unreadable file would).
        c.engine.media_fault.emit(
            "undecodable", "/media/intro.ogg", "Cannot play intro.ogg: damaged"
        )
        assert c.phase is Phase.FAULT
        assert win.cover_title.text() == CALL_PROCTOR
        assert "damaged" not in win.cover_text.text()  # the candidate gets no technical detail
        assert c.session.media_is_stalled
        frozen = c.time_remaining()
        with qtbot.waitSignals([c.timeChanged] * 2, timeout=3000):
            pass
        assert c.time_remaining() == frozen
        win.open_proctor()
        win.pin_prompt.pin.setText(PIN)
        win.pin_prompt.ok.click()
        panel = win.proctor_panel
        assert "damaged" in panel.message.text()
        assert panel.retry_button.isVisible()
        panel.retry_button.click()
        assert not c.session.media_is_stalled
        qtbot.waitUntil(lambda: c.engine.state is State.PLAYING, timeout=10000)
        c.proctor_end("test over")
    finally:
        app.shutdown()
    faults = [e for e in events(tmp_path / "results") if e["event"] == "media_fault"]
    assert any("damaged" in e["message"] for e in faults)


def test_a_full_results_folder_fails_the_preflight_plainly(qtbot: Any, tmp_path: Path) -> None:
    make_pin(tmp_path / "cfg")
    (tmp_path / "cfg" / "settings.json").write_text(
        json.dumps(
            {
                "format": "pocus-settings/1",
                "min_free_mb": 10**9,
                "board_recipient": str(tmp_path / "missing.pub"),
            }
        )
    )
    app = ExamApp(
        AppOptions(
            config_dir=tmp_path / "cfg",
            results_dir=tmp_path / "results",
            exam="fast-trauma",
            kiosk=False,
        )
    )
    start = app.show_start()
    qtbot.addWidget(start)
    try:
        start.pin_prompt.pin.setText(PIN)
        start.pin_prompt.ok.click()
        start.candidate_id.setText("C-1")
        start.candidate_name.setText("N")
        start.preflight_button.click()
        failed = {c.name: c.detail for c in start.checks if not c.ok}
        assert set(failed) == {"Results folder", "Board key"}
        assert "MB free" in failed["Results folder"]
        start.tone_yes.click()
        assert not start.start_button.isEnabled()
        assert "2 check(s) failed" in start.preflight_summary.text()
    finally:
        app.shutdown()


def test_a_case_failing_validation_is_reported_in_the_preflight(qtbot: Any, tmp_path: Path) -> None:
    make_pin(tmp_path / "cfg")
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\ncase: {id: broken}\n")
    (tmp_path / "cfg" / "settings.json").write_text(
        json.dumps(
            {
                "format": "pocus-settings/1",
                "exams": [{"id": "bad", "title": "Broken", "cases": [str(bad)]}],
            }
        )
    )
    app = ExamApp(
        AppOptions(
            config_dir=tmp_path / "cfg", results_dir=tmp_path / "results", exam="bad", kiosk=False
        )
    )
    start = app.show_start()
    qtbot.addWidget(start)
    try:
        start.pin_prompt.pin.setText(PIN)
        start.pin_prompt.ok.click()
        start.candidate_id.setText("C-1")
        start.candidate_name.setText("N")
        start.preflight_button.click()
        [check] = [c for c in start.checks if c.name.startswith("Case")]
        assert not check.ok and "fails validation" in check.detail and "bad.yaml" in check.detail
    finally:
        app.shutdown()


def test_a_damaged_settings_file_is_shown_on_the_start_screen(qtbot: Any, tmp_path: Path) -> None:
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "settings.json").write_text("{oops")
    app = ExamApp(
        AppOptions(config_dir=tmp_path / "cfg", results_dir=tmp_path / "results", kiosk=False)
    )
    start = app.show_start()
    qtbot.addWidget(start)
    try:
        assert "damaged" in start.pin_problems.text() and start.pin_problems.isVisibleTo(start)
        # No PIN yet: the first run asks to set one, twice.
        assert start.pin_prompt.setting_new and start.pin_prompt.confirm.isVisibleTo(start)
        start.pin_prompt.pin.setText("1357")
        start.pin_prompt.confirm.setText("1358")
        start.pin_prompt.ok.click()
        assert "differ" in start.pin_prompt.message.text()
        start.pin_prompt.confirm.setText("1357")
        start.pin_prompt.ok.click()
        assert start.pages.currentWidget() is start.setup_page
        assert app.pin_store.verify("1357")
    finally:
        app.shutdown()


@pytest.mark.parametrize("wrong", [5])
def test_wrong_pins_lock_the_start_screen(qtbot: Any, tmp_path: Path, wrong: int) -> None:
    make_pin(tmp_path / "cfg")
    app = ExamApp(
        AppOptions(config_dir=tmp_path / "cfg", results_dir=tmp_path / "results", kiosk=False)
    )
    start = app.show_start()
    qtbot.addWidget(start)
    try:
        prompt = start.pin_prompt
        for _ in range(wrong):
            prompt.pin.setText("9999")
            prompt.ok.click()
        assert "Too many wrong PINs" in prompt.message.text()
        assert not prompt.ok.isEnabled() and not prompt.pin.isEnabled()
        assert start.pages.currentWidget() is start.pin_page
        log = (tmp_path / "cfg" / "logs" / "pocus-player.log").read_text()
        assert "wrong proctor PIN" in log and "locked out" in log
        assert "9999" not in log
    finally:
        app.shutdown()
