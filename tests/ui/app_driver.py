"""A scripted proctor and candidate running the real application in a child process.

Used by the recovery test, which kills this process with SIGKILL mid-case and
starts it again. Talks to the parent on stdout, one JSON object per line.

    python -m tests.ui.app_driver start  CONFIG RESULTS CASE_STEM STOP_AFTER
    python -m tests.ui.app_driver resume CONFIG RESULTS
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from pocus_player.ui.app import AppOptions, ExamApp, create_qapp
from pocus_player.ui.exam_controller import Phase
from tests.ui.app_support import PIN
from tests.ui.test_e2e_app import key_response


def say(**data: Any) -> None:
    print(json.dumps(data), flush=True)


def answer_open(app: ExamApp) -> str:
    c = app.controller
    cp = c.session.open_checkpoint
    responses = {q.id: key_response(q) for q in cp.questions}
    for q in cp.questions:
        if q.type.value == "hotspot":
            responses[q.id]["frame"] = q.image.frame if q.image else None
        c.answer(q.id, responses[q.id])
    c.submit()
    return cp.id


def main(argv: list[str]) -> int:
    mode, config, results = argv[0], Path(argv[1]), Path(argv[2])
    qapp = create_qapp()
    app = ExamApp(
        AppOptions(
            config_dir=config,
            results_dir=results,
            exam=argv[3] if mode == "start" else None,
            kiosk=False,
        )
    )
    start = app.show_start()
    start.pin_prompt.pin.setText(PIN)
    start.pin_prompt.ok.click()
    submitted: list[str] = []
    state = {"stop_after": int(argv[4]) if mode == "start" else 10**6, "resumed": False}

    if mode == "start":
        start.candidate_id.setText("C-2002")
        start.candidate_name.setText("Recovery Candidate")
        start.preflight_button.click()
        start.tone_yes.click()
        start.start_button.click()
        app.candidate_window.begin_button.click()
    else:
        if start.pages.currentWidget() is not start.resume_page:
            say(error="no resume page")
            return 3
        say(resume_offer=start.resume_list.item(0).text())
        start.resume_button.click()
        if app.controller is None or app.controller.phase is Phase.FAULT:
            say(error="resume failed")
            return 4

    def step() -> None:
        c = app.controller
        if c is None:
            return
        if c.phase is Phase.CHECKPOINT:
            if mode == "resume" and not state["resumed"]:
                state["resumed"] = True
                cp = c.session.open_checkpoint
                say(
                    resumed_at=cp.id,
                    time_remaining=c.time_remaining(),
                    earlier=sorted(c.session.responses),
                )
            if len(submitted) >= state["stop_after"]:
                say(
                    ready=True,
                    submitted=submitted,
                    open=c.session.open_checkpoint.id,
                    time_remaining=c.time_remaining(),
                )
                state["stop_after"] = 10**6  # wait here to be killed
                return
            if len(submitted) < state["stop_after"]:
                submitted.append(answer_open(app))
        elif c.phase in (Phase.EXAM_DONE, Phase.CASE_DONE):
            say(done=True, receipt=c.last_receipt, submitted=submitted)
            timer.stop()
            app.shutdown()
            qapp.quit()
        elif c.phase is Phase.FAULT:
            say(error=c.fault_message)
            timer.stop()
            qapp.exit(5)

    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(step)
    timer.start()
    return int(qapp.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
