"""Every screen of the app under the pseudo-locale, at 1024x768: no English left, nothing cut.

The app is run as a proctor and a candidate would (the PIN, the set-up page, the
preflight, a practice case from its instructions to its end screen, the proctor
panel); at each screen a screenshot is taken at the minimum display and the
screen's texts are read. Under the pseudo-locale every translated message is
accented and a third longer, so plain English left on screen was never translated,
and a label or button too narrow for a longer language shows as cut off.

What is not the interface's own text is taken out first: the case content (the
author's language), the names of the exam and the candidate, file paths, receipt
codes, and the seat checks of the media layer (libvlc's own report, in English like
the core's messages; docs/translations.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from pocus_player.core.model import Case
from pocus_player.ui import i18n
from pocus_player.ui.exam_controller import Phase
from tests.ui.app_support import PIN, exam_app, skip_to_checkpoint
from tests.ui.i18n_support import case_content, cut_off_texts, english_left, screen_texts
from tests.ui.test_e2e_app import key_response

pytestmark = pytest.mark.media  # real libvlc plays the demo media

SCREEN = (1024, 768)
CANDIDATE = ("C-1042", "Ada Lovelace")


def whole_case_content(case: Case) -> list[str]:
    """Everything the author wrote that a screen of `case` may show."""
    content = case_content(case)
    for q in case.questions:
        content += case_content(case, q)
    content += [m.title for m in case.media if m.title] + [m.id for m in case.media]
    content += [m.file.name for m in case.media] + [m.file.stem for m in case.media]
    for step in case.steps:
        content += [step.id, step.title or "", step.instructions or ""]
        content += [cp.title or "" for cp in step.checkpoints] + [cp.id for cp in step.checkpoints]
    content.append(case.meta.summary or "")
    return sorted({c for c in content if c}, key=len, reverse=True)


class ScreenCheck:
    """Screenshots and text checks of one run, screen by screen."""

    def __init__(self, qtbot: Any, shots: Path, content: list[str]) -> None:
        self.qtbot, self.shots, self.content = qtbot, shots, content
        self.english: dict[str, list[str]] = {}
        self.cut: dict[str, list[str]] = {}

    def look(self, name: str, window: QWidget, extra: tuple[str, ...] = ()) -> None:
        window.resize(*SCREEN)
        self.qtbot.wait(150)  # the layout settles at the new size
        QApplication.processEvents()
        shot = window.grab()
        assert (shot.width(), shot.height()) == SCREEN, name
        shot.save(str(self.shots / f"{name.replace(' ', '-')}.png"))
        found = english_left(screen_texts(window), [*extra, *self.content])
        if found:
            self.english[name] = found
        cut = cut_off_texts(window)
        if cut:
            self.cut[name] = cut


def seat_rows(start: Any) -> tuple[str, ...]:
    """The preflight rows the media layer writes (libvlc and its plugins: English, as the core)."""
    rows = []
    for i in range(start.check_list.count()):
        text = start.check_list.item(i).text()
        if "libvlc" in text or "VLC" in text:
            rows.append(text.split(":", 1)[1].strip())
            rows.append(text.split(" · ", 1)[1].split(":", 1)[0])
    return tuple(rows)


# Between them the two cases ask every question type.
CASES = {
    "cardiac-effusion": {"caliper", "hotspot", "multiple_response", "single_best_answer"},
    "fast-trauma": {"ordering", "single_best_answer", "hotspot"},
}


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("case_name", sorted(CASES))
def test_every_screen_of_a_practice_case_is_translated_and_fits(
    qtbot: Any, tmp_path: Path, case_name: str, scale: float
) -> None:
    app = exam_app(
        tmp_path,
        case_name,
        results="results",
        practice=True,
        text_scale=scale,
        audio_output="dummy",
        locale=i18n.PSEUDO_LOCALE,
    )
    shots = tmp_path / "shots"
    shots.mkdir()
    try:
        assert i18n.current_locale() == i18n.PSEUDO_LOCALE
        start = app.show_start()
        qtbot.addWidget(start)
        exams = [t for e in app.exams for t in (e.title, e.id, *(p.stem for p in e.cases))]
        names = tuple(i18n.language_name(code) for code in i18n.available_locales())
        folders = (str(tmp_path / "results"), str(tmp_path))
        outside = (*exams, *names, *CANDIDATE, *folders, "pocus-player")
        check = ScreenCheck(qtbot, shots, list(outside))
        check.look("pin", start)
        start.pin_prompt.pin.setText(PIN)
        start.pin_prompt.ok.click()
        check.look("setup", start)
        start.candidate_id.setText(CANDIDATE[0])
        start.candidate_name.setText(CANDIDATE[1])
        start.preflight_button.click()
        board_key = str(app.settings.board_recipient or "")
        for loaded in start.loaded_cases:
            check.content = sorted(
                {*check.content, *whole_case_content(loaded)}, key=len, reverse=True
            )

        check.look("preflight", start, (*seat_rows(start), board_key))
        start.tone_yes.click()
        start.start_button.click()
        win = app.candidate_window
        case = app.controller.case
        check.content = sorted({*check.content, *whole_case_content(case)}, key=len, reverse=True)
        check.look("instructions", win)
        win.begin_button.click()
        c = app.controller
        seen_types = set()
        while not c.session.is_over:
            if c.phase is Phase.PLAYING:
                win.toggle_transcript()
                check.look("encounter", win, (win.media_area.captions.text(),))
                win.toggle_transcript()
                if not skip_to_checkpoint(app):
                    qtbot.waitUntil(lambda: c.phase is not Phase.PLAYING, timeout=30000)
                continue
            qtbot.waitUntil(lambda: c.phase in (Phase.CHECKPOINT, Phase.FEEDBACK), timeout=30000)
            if c.phase is Phase.FEEDBACK:
                check.look("feedback", win)
                win.feedback.continue_button.click()
                continue
            cp = c.session.open_checkpoint
            for i, q in enumerate(cp.questions):
                qtbot.waitUntil(lambda i=i: win.panel.current_index() == i)
                check.look(f"question {q.type.value}", win)
                seen_types.add(q.type.value)
                frame = {"frame": q.image.frame} if q.image and q.type.value == "hotspot" else {}
                c.answer(q.id, key_response(q) | frame)
                if i < len(cp.questions) - 1:
                    win.panel.next_button.click()
            win.panel.submit_button.click()
            check.look("submit confirm", win)
            win.panel.confirm_yes.click()
        if c.phase is Phase.FEEDBACK:  # the last submission's feedback, then the end screen
            check.look("last feedback", win)
            win.feedback.continue_button.click()
        qtbot.waitUntil(lambda: c.phase in (Phase.CASE_DONE, Phase.EXAM_DONE), timeout=10000)
        receipt = win.receipt_label.text()
        assert receipt

        check.content.insert(0, receipt)  # the code the candidate notes down
        check.look("end", win)

        win.open_proctor()
        check.look("proctor pin", win)
        win.pin_prompt.pin.setText(PIN)
        win.pin_prompt.ok.click()
        check.look("proctor panel", win)
    finally:
        app.shutdown()
        i18n.install(i18n.SOURCE_LOCALE)
    assert CASES[case_name] <= seen_types

    assert check.english == {}, _listed(check.english)
    assert check.cut == {}, _listed(check.cut)


def _listed(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{screen}: {what}" for screen, items in found.items() for what in items)

