"""Screenshots of every screen of the exam application, at a display size and text scales.

    xvfb-run -a -s "-screen 0 1024x768x24" python scripts/screenshots.py \
        [--size 1024x768] [--text-scale 1 --text-scale 2] [--locale es] [OUT_DIR]

Writes PNGs to docs/screenshots/ (default): start, setup, preflight, instructions,
encounter with captions, each question type, the submit confirmation, the proctor
panel, the paused screen, the end screen, practice feedback and the high-contrast theme.
The default is the minimum display, 1024x768, at 100 % and 200 % text; a scale other
than 1 adds its percentage to the names (`-200`, `-150`). Each window is resized to
the size given and must stay exactly that size: a screen whose minimum size is larger
(it would grow past the display) is reported and the script exits with status 1.
Runs the real application with real media; the checkpoints are reached by stopping the
media early (the tests wait for them).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from pocus_player.core.model import QuestionType  # noqa: E402
from pocus_player.ui.app import AppOptions, ExamApp, create_qapp  # noqa: E402
from pocus_player.ui.exam_controller import Phase  # noqa: E402
from tests.ui.app_support import PIN, make_pin, skip_to_checkpoint  # noqa: E402
from tests.ui.test_e2e_app import key_response  # noqa: E402

SIZE = (1024, 768)
LOCALE: str | None = None  # the interface language (None: the system's)


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(predicate: Any, timeout_ms: int = 30000) -> None:
    waited = 0
    while not predicate():
        if waited > timeout_ms:
            raise TimeoutError("the application did not get there")
        settle(50)
        waited += 50


class Shooter:
    def __init__(self, out: Path, suffix: str) -> None:
        self.out = out
        self.suffix = suffix
        self.taken: list[Path] = []
        self.oversized: list[str] = []

    def __call__(self, widget: QWidget, name: str) -> None:
        widget.resize(*SIZE)
        settle(250)
        path = self.out / f"{name}{self.suffix}.png"
        shot = widget.grab()
        shot.save(str(path))
        self.taken.append(path)
        got = (shot.width(), shot.height())
        note = "" if got == SIZE else f"  (window is {got[0]}x{got[1]}, not {SIZE[0]}x{SIZE[1]})"
        if note:
            self.oversized.append(f"{path.name}{note}")
        print((path.relative_to(REPO) if path.is_relative_to(REPO) else path), note, sep="")


def new_app(tmp: Path, exam: str, scale: float, **kw: Any) -> ExamApp:
    cfg = tmp / f"cfg-{exam}-{scale}-{'-'.join(sorted(kw))}"
    make_pin(cfg)
    return ExamApp(
        AppOptions(
            config_dir=cfg,
            results_dir=tmp / "results",
            exam=exam,
            kiosk=False,
            text_scale=scale,
            locale=LOCALE,
            **kw,
        )
    )


def to_candidate(app: ExamApp, shoot: Shooter | None, name: str = "Ada Lovelace") -> None:
    start = app.show_start()
    if shoot:
        shoot(start, "01-start-pin")
    start.pin_prompt.pin.setText(PIN)
    start.pin_prompt.ok.click()
    start.candidate_id.setText("C-1042")
    start.candidate_name.setText(name)
    start.multiplier.setCurrentIndex(1)
    start.captions_always.setChecked(True)
    if shoot:
        shoot(start, "02-setup")
    start.preflight_button.click()
    start.tone_yes.click()
    if shoot:
        shoot(start, "03-preflight")
    start.start_button.click()
    wait_for(lambda: app.candidate_window is not None)


def answer_and_submit(app: ExamApp) -> None:
    c, win = app.controller, app.candidate_window
    cp = c.session.open_checkpoint
    for i, q in enumerate(cp.questions):
        extra = {"frame": q.image.frame} if q.type is QuestionType.HOTSPOT and q.image else {}
        response = key_response(q) | extra
        c.answer(q.id, response)
        win.panel.widgets()[i].set_response(response)
    win.panel.submit_button.click()
    win.panel.confirm_yes.click()


def next_checkpoint(app: ExamApp) -> None:
    c = app.controller
    target_ms = None
    while c.phase is Phase.PLAYING:
        d = c.session.media_directive
        if d.checkpoint is not None:
            target_ms = round(d.checkpoint.target_time(c.engine.timeline) * 1000)
        skip_to_checkpoint(app)
        settle(100)
    wait_for(lambda: c.phase in (Phase.CHECKPOINT, Phase.FEEDBACK, Phase.EXAM_DONE))
    if target_ms is not None and c.phase is Phase.CHECKPOINT:
        # The media stopped early; show the captions and script as they stand at the
        # checkpoint's authored time, as they do when the media plays up to it.
        win = app.candidate_window
        win.media_area.captions.set_time_ms(target_ms)
        win.transcript.set_time_ms(target_ms)


def shoot_questions(app: ExamApp, shoot: Shooter, wanted: dict[QuestionType, str]) -> None:
    """Walk the case; photograph the first question of each wanted type."""
    c, win = app.controller, app.candidate_window
    while not c.session.is_over:
        next_checkpoint(app)
        if c.phase is not Phase.CHECKPOINT:
            break
        cp = c.session.open_checkpoint
        for i, q in enumerate(cp.questions):
            if q.type in wanted:
                wait_for(lambda i=i: win.panel.current_index() == i)
                settle(400)  # clip frames for hotspot questions decode in the background
                shoot(win, wanted.pop(q.type))
            if i < len(cp.questions) - 1:
                win.panel.next_button.click()
        answer_and_submit(app)


def run(out: Path, scale: float, suffix: str) -> Shooter:
    shoot = Shooter(out, suffix)
    tmp = Path(tempfile.mkdtemp(prefix="pocus-shots-"))

    # The FAST case: the start screens, the encounter with captions, three question types,
    # the submit confirmation, the proctor panel, the paused screen, the end screen.
    app = new_app(tmp, "fast-trauma", scale)
    to_candidate(app, shoot)
    win, c = app.candidate_window, app.controller
    shoot(win, "04-instructions")
    win.begin_button.click()
    wait_for(lambda: win.media_area.captions.text() != "", 15000)
    settle(1500)
    shoot(win, "05-encounter-captions")
    win.toggle_transcript()
    shoot(win, "06-encounter-transcript")
    win.toggle_transcript()
    next_checkpoint(app)
    shoot(win, "07-question-ordering")
    win.panel.submit_button.click()
    shoot(win, "08-submit-confirm")
    win.panel.confirm_no.click()
    answer_and_submit(app)
    next_checkpoint(app)
    settle(600)
    shoot(win, "09-question-single-best-answer")
    win.open_proctor()
    shoot(win, "10-proctor-pin")
    win.pin_prompt.pin.setText(PIN)
    win.pin_prompt.ok.click()
    win.proctor_panel.pause_button.click()
    shoot(win, "11-proctor-panel")
    win.proctor_panel.close_button.click()
    shoot(win, "12-paused")
    c.proctor_resume()
    shoot_questions(app, shoot, {QuestionType.HOTSPOT: "13-question-hotspot"})
    wait_for(lambda: c.phase is Phase.EXAM_DONE)
    shoot(win, "14-end-receipt")
    app.shutdown()

    # Cardiac: the caliper; lung: multiple response with "not possible" after it.
    app = new_app(tmp, "cardiac-effusion", scale)
    to_candidate(app, None)
    app.candidate_window.begin_button.click()
    shoot_questions(app, shoot, {QuestionType.CALIPER: "15-question-caliper"})
    app.shutdown()
    app = new_app(tmp, "lung-dyspnea", scale)
    to_candidate(app, None)
    app.candidate_window.begin_button.click()
    shoot_questions(app, shoot, {QuestionType.MULTIPLE_RESPONSE: "16-question-multiple-response"})
    app.shutdown()

    # Practice mode: feedback after a (wrong) answer, then the score at the end.
    app = new_app(tmp, "cardiac-effusion", scale, practice=True)
    to_candidate(app, None, name="Practice Candidate")
    win, c = app.candidate_window, app.controller
    win.begin_button.click()
    next_checkpoint(app)
    q = c.session.open_checkpoint.questions[0]
    c.answer(q.id, {"choice": q.options[1].id})
    win.panel.widgets()[0].set_response({"choice": q.options[1].id})
    win.panel.submit_button.click()
    win.panel.confirm_yes.click()
    shoot(win, "17-practice-feedback")
    win.feedback.continue_button.click()
    c.proctor_end("screenshot")
    shoot(win, "18-practice-end-score")
    app.shutdown()

    # The high-contrast theme on a question.
    app = new_app(tmp, "lung-dyspnea", scale, high_contrast=True)
    to_candidate(app, None)
    app.candidate_window.begin_button.click()
    next_checkpoint(app)
    shoot(app.candidate_window, "19-high-contrast-question")
    app.shutdown()
    app.high_contrast = False
    app.apply_theme()
    return shoot


def parse_size(text: str) -> tuple[int, int]:
    w, _, h = text.lower().partition("x")
    try:
        return int(w), int(h)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1024x768") from None


def main(argv: list[str]) -> int:
    global SIZE, LOCALE
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--size", type=parse_size, default=SIZE, help="WIDTHxHEIGHT")
    parser.add_argument(
        "--text-scale", type=float, action="append", help="1 to 2; may be given more than once"
    )
    parser.add_argument("--locale", help="the interface language: en, es, pseudo")
    args = parser.parse_args(argv)
    SIZE = args.size
    LOCALE = args.locale
    scales = args.text_scale or [1.0, 2.0]
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = create_qapp()
    shooters = [run(out, s, "" if s == 1 else f"-{round(s * 100)}") for s in scales]
    taken = sum(len(s.taken) for s in shooters)
    oversized = [o for s in shooters for o in s.oversized]
    print(f"{taken} screenshots in {out}")
    for line in oversized:
        print(f"too large for the display: {line}")
    QApplication.processEvents()
    del app
    return 1 if oversized else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
