"""The authoring preview: jumps land on authored frames, live reload, problems, key, follow mode."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from pocus_player.core.captions import active_cue, load_captions
from pocus_player.core.case_map import OutlineTarget
from pocus_player.core.errors import CaseValidationError
from pocus_player.core.loader import load_case
from pocus_player.core.model import Case, MediaKind, StepType
from pocus_player.media.probe import VlcMediaProbe
from pocus_player.ui import theme
from pocus_player.ui.preview_window import PreviewWindow
from tests.core.test_lint import FIXTURE, content_copy

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "cases"


def _demos() -> list[Case]:
    """The demo cases that load (their validity is the loader tests' business, not this file's)."""
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        try:
            out.append(load_case(path))
        except CaseValidationError:
            continue
    return out


DEMOS = _demos()

SETTLE_MS = 30000  # a jump decodes from the start of a clip at worst


@pytest.fixture(scope="module")
def probe() -> VlcMediaProbe:
    return VlcMediaProbe()


def open_preview(qtbot, path: Path, probe: VlcMediaProbe) -> PreviewWindow:  # type: ignore[no-untyped-def]
    window = PreviewWindow(path, probe=probe)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def jump(qtbot, window: PreviewWindow, target: OutlineTarget) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.positionSettled, timeout=SETTLE_MS) as blocker:
        window.go_to(target)
    frame, ms = blocker.args
    return frame, ms


def save_atomically(path: Path, text: str) -> None:
    """Save as many editors do: write a new file, then rename it over the old one."""
    tmp = path.with_name(f".{path.name}.swp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def visible_stems(window: PreviewWindow) -> list[str]:
    return [
        label.text()
        for w in window.question_widgets().values()
        for label in w.findChildren(QLabel, "QuestionStem")
    ]


def checkpoint_targets(case: Case) -> list[tuple[str, str]]:
    return [(s.id, cp.id) for s in case.steps if s.type is StepType.SEGMENT for cp in s.checkpoints]


@pytest.mark.parametrize("case_file", sorted(CASES.glob("*.yaml")), ids=lambda p: p.stem)
def test_jumping_to_each_checkpoint_lands_on_its_authored_frame(
    qtbot, case_file: Path, probe: VlcMediaProbe
) -> None:
    window = open_preview(qtbot, case_file, probe)
    case = window.case
    assert case is not None
    for step_id, cp_id in checkpoint_targets(case):
        step = case.step_by_id(step_id)
        cp = next(c for c in step.checkpoints if c.id == cp_id)
        item = case.media_by_id(step.media)  # type: ignore[arg-type]
        frame, ms = jump(qtbot, window, OutlineTarget(step_id, cp_id))
        if item.kind is MediaKind.NARRATION:
            # Audio: the position is the checkpoint time, and the caption shown is the one then.
            assert frame == -1
            assert ms == round(cp.target_time(item.timeline) * 1000)
            assert abs(window.engine.position_ms() - ms) < 250  # the audio is there too
            assert item.captions is not None
            cue = active_cue(load_captions(item.captions), ms / 1000)
            assert window.captions.text() == (cue.display_text if cue else "")
        else:
            expected = cp.target_frame(item.timeline)
            assert frame == expected
            assert window.engine.current_frame == expected
            frozen = window.media.current_frame()
            assert frozen is not None and not frozen.isNull()
        # The checkpoint's questions are on screen, and the position is shown.
        assert list(window.question_widgets()) == list(cp.questions)
        assert cp_id in window.where_label.text()


def clip_frame_questions() -> list[tuple[Path, str, str, int]]:
    """(case file, step id, question id, frame) of every demo question asked on a clip frame."""
    found = []
    for case in DEMOS:
        for step in case.steps:
            for qid in [*step.questions, *(q for cp in step.checkpoints for q in cp.questions)]:
                q = case.question_by_id(qid)
                if q.image is not None and q.image.frame is not None:
                    found.append((case.source, step.id, qid, q.image.frame))
    return found


@pytest.mark.parametrize(("case_file", "step_id", "qid", "frame"), clip_frame_questions())
def test_a_question_on_a_clip_frame_shows_that_frame(
    qtbot, probe: VlcMediaProbe, case_file: Path, step_id: str, qid: str, frame: int
) -> None:
    window = open_preview(qtbot, case_file, probe)
    got, _ms = jump(qtbot, window, OutlineTarget(step_id, None, qid))
    assert got == frame == window.engine.current_frame
    widget = window.question_widgets()[qid]
    shown = window.media.current_frame()
    assert shown is not None
    assert widget.canvas.image() is not None
    assert widget.canvas.image().convertToFormat(shown.format()) == shown
    assert f"frame {frame}/" in window.position_label.text()


def fixture_window(qtbot, tmp_path: Path, probe: VlcMediaProbe, text: str = FIXTURE):  # type: ignore[no-untyped-def]
    script = content_copy(tmp_path, text)
    return script, open_preview(qtbot, script, probe)


def test_frame_stepping_and_free_seeking(qtbot, tmp_path: Path, probe: VlcMediaProbe) -> None:
    _script, window = fixture_window(qtbot, tmp_path, probe)
    frame, _ms = jump(qtbot, window, OutlineTarget("full"))  # the review clip, at frame 0
    assert frame == 0
    for delta, expected in ((1, 1), (1, 2), (-1, 1)):
        with qtbot.waitSignal(window.positionSettled, timeout=SETTLE_MS) as blocker:
            window.step_frames(delta)
        assert blocker.args[0] == expected == window.engine.current_frame
    with qtbot.waitSignal(window.positionSettled, timeout=SETTLE_MS) as blocker:
        window.seek_frame(60)  # ahead of anything shown: allowed in preview
    assert blocker.args[0] == 60 == window.engine.current_frame
    assert window.timeline.value() == 60
    assert window.timeline.marks() == []  # a review clip has no checkpoints
    jump(qtbot, window, OutlineTarget("encounter", "cp-vitals"))
    assert window.timeline.marks() == [150]


def test_show_key_and_checking_an_answer(qtbot, tmp_path: Path, probe: VlcMediaProbe) -> None:
    _script, window = fixture_window(qtbot, tmp_path, probe)
    jump(qtbot, window, OutlineTarget("focused"))
    widget = window.question_widgets()["q-ruq"]
    window.show_key_action.trigger()
    assert window.show_key() and widget.show_key()
    rationale = widget.findChild(QLabel, "QuestionRationale")
    assert rationale is not None and rationale.isVisible()
    widget.set_response({"choice": "cyst"})
    (result,) = window.check_answers()
    assert result.rule == "sba.incorrect"
    assert "q-ruq: 0 of 1 points · rule sba.incorrect" in window.result_label.text()
    window.key_button.click()
    qtbot.mouseClick(window.check_button, Qt.MouseButton.LeftButton)
    assert "q-ruq: 1 of 1 points · rule sba.correct" in window.result_label.text()
    assert "q-ruq" in window.coverage.questions
    window.show_key_action.trigger()
    assert not widget.show_key() and not rationale.isVisible()


def test_caliper_and_hotspot_scores_name_the_rule(
    qtbot, tmp_path: Path, probe: VlcMediaProbe
) -> None:
    _script, window = fixture_window(qtbot, tmp_path, probe)
    jump(qtbot, window, OutlineTarget("still", None, "q-measure"))
    widgets = window.question_widgets()
    widgets["q-measure"].set_response({"endpoints": [[240, 150], [240, 250]]})
    widgets["q-spot"].set_response({"points": [[210, 160]], "frame": None})
    results = {r.question_id: r for r in window.check_answers()}
    assert results["q-measure"].rule == "caliper.outside_tolerance"
    assert results["q-spot"].rule == "hotspot.correct"
    text = window.result_label.text()
    assert "measured 5.0 cm, expected 2.0 ± 0.2" in text and "matched fluid" in text


def test_saving_the_script_reloads_it_and_shows_the_new_text(
    qtbot, tmp_path: Path, probe: VlcMediaProbe
) -> None:
    script, window = fixture_window(qtbot, tmp_path, probe)
    jump(qtbot, window, OutlineTarget("focused"))
    assert visible_stems(window) == ["What does this view show?"]
    with qtbot.waitSignal(window.positionSettled, timeout=SETTLE_MS):
        window.seek_frame(40)  # the author scrubbed the review clip
    window.question_widgets()["q-ruq"].set_response({"choice": "normal"})
    new_stem = "Which finding does this view show?"
    edited = FIXTURE.replace("What does this view show?", new_stem)
    started = time.monotonic()
    with qtbot.waitSignal(window.caseReloaded, timeout=3000):
        save_atomically(script, edited)
    assert time.monotonic() - started < 1.0  # "within a second" of the save
    assert visible_stems(window) == [new_stem]
    # The position is kept: the step, the frame of the clip, and the answer given.
    assert window.target == OutlineTarget("focused")
    assert window.engine.current_frame == 40
    assert window.question_widgets()["q-ruq"].response() == {"choice": "normal"}
    assert any(new_stem in (item.toolTip(0)) for item in window.outline.items())
    # A second save, this time written in place, is seen too (the watch survived the rename).
    with qtbot.waitSignal(window.caseReloaded, timeout=3000):
        script.write_text(edited.replace(new_stem, "Edited in place?"), encoding="utf-8")
    assert visible_stems(window) == ["Edited in place?"]
    # A step that disappears sends the preview back to the first step.
    gone = edited.replace("goto: focused", "goto: full")
    gone = gone[: gone.index("  - id: focused\n")] + gone[gone.index("  - id: still\n") :]
    gone = gone.replace("  - id: q-ruq\n", "  - id: q-ruq-unused\n")
    gone = gone[: gone.index("  - id: q-ruq-unused")] + gone[gone.index("  - id: q-spot") :]
    with qtbot.waitSignal(window.caseReloaded, timeout=3000):
        save_atomically(script, gone)
    assert window.target == OutlineTarget("intro")


def test_an_error_shows_in_the_panel_with_its_line_and_opens_the_editor(
    qtbot, tmp_path: Path, probe: VlcMediaProbe, monkeypatch: pytest.MonkeyPatch
) -> None:
    script, window = fixture_window(qtbot, tmp_path, probe)
    bad = FIXTURE.replace("    key: fluid\n", "    key: liquid\n")
    line = bad[: bad.index("key: liquid")].count("\n") + 1
    with qtbot.waitSignal(window.loadFailed, timeout=3000) as blocker:
        save_atomically(script, bad)
    assert any(p.line == line for p in blocker.args[0])
    rows = window.problem_rows()
    hit = [i for i, r in enumerate(rows) if r[1].startswith(f"lint-fixture.yaml:{line}:")]
    assert hit and rows[hit[0]][0] == "error" and "'liquid' is not an option" in rows[hit[0]][2]
    item = window.problem_list.item(hit[0])
    assert item.text().startswith(f"error · lint-fixture.yaml:{line}:")
    assert "error(s)" in window.status_label.text()
    assert window.case is not None  # the last valid version stays on screen

    # Double-click opens $VISUAL at the line; the editor here records what it was given.
    record = tmp_path / "editor-args.json"
    editor = tmp_path / "editor.py"
    editor.write_text(
        f"import json, sys\nopen({str(record)!r}, 'w').write(json.dumps(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor}")
    rect = window.problem_list.visualItemRect(item)
    # A real double-click is a press and release, then the double-click.
    qtbot.mouseClick(window.problem_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.problem_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(record.exists, timeout=5000)
    qtbot.waitUntil(lambda: record.read_text(encoding="utf-8").endswith("]"), timeout=5000)
    assert json.loads(record.read_text(encoding="utf-8")) == [f"+{line}", str(script.resolve())]

    with qtbot.waitSignal(window.caseReloaded, timeout=3000):
        save_atomically(script, FIXTURE)
    assert window.problem_list.count() == 0
    assert "loaded, 0 warning(s)" in window.status_label.text()


def test_lint_warnings_show_in_the_panel(qtbot, tmp_path: Path, probe: VlcMediaProbe) -> None:
    text = FIXTURE.replace("{id: cyst, text: A renal cyst}", "{id: cyst, text: A normal interface}")
    _script, window = fixture_window(qtbot, tmp_path, probe, text)
    line = text[: text.index("{id: cyst")].count("\n") + 1
    rows = window.problem_rows()
    assert [(r[0], r[1].split(":")[1]) for r in rows] == [("warning", str(line))]
    assert "repeats the text" in rows[0][2]


def test_a_caption_file_change_reloads_the_case(
    qtbot, tmp_path: Path, probe: VlcMediaProbe
) -> None:
    _script, window = fixture_window(qtbot, tmp_path, probe)
    vtt = tmp_path / "assets/media/fast/intro.vtt"
    text = vtt.read_text(encoding="utf-8")
    cues = load_captions(vtt).cues
    lines = text.split("\n")
    start = cues[1].end_s - 0.5
    timing = lines[cues[2].line - 1]
    lines[cues[2].line - 1] = (
        f"00:00:{int(start):02d}.{round(start % 1 * 1000):03d}" + timing[timing.index(" -->") :]
    )
    with qtbot.waitSignal(window.caseReloaded, timeout=3000):
        save_atomically(vtt, "\n".join(lines))
    rows = window.problem_rows()
    assert [r[1] for r in rows] == [f"intro.vtt:{cues[2].line}:1"]
    assert "overlaps cue 2" in rows[0][2]


def test_following_a_branch_and_the_coverage_it_leaves(
    qtbot, tmp_path: Path, probe: VlcMediaProbe
) -> None:
    _script, window = fixture_window(qtbot, tmp_path, probe)
    window.follow_action.trigger()
    assert window.session is not None and window.follow_bar.isVisibleTo(window)
    assert "playing intro to checkpoint cp-plan" in window.follow_label.text()
    # intro: skip the narration to its checkpoint, answer with the key, submit, continue.
    window.skip_ahead()
    assert list(window.question_widgets()) == ["q-order"]
    window.answer_with_key()
    results = window.check_answers()
    assert [r.rule for r in results] == ["ordering.exact"]
    assert "rule ordering.exact" in window.result_label.text()
    window.check_answers()  # "Continue"
    assert "playing intro to its end" in window.follow_label.text()
    window.skip_ahead()  # the rest of the narration
    assert "playing encounter to checkpoint cp-vitals" in window.follow_label.text()
    window.skip_ahead()
    assert list(window.question_widgets()) == ["q-stability"]
    labels = [window.branch_combo.itemText(i) for i in range(window.branch_combo.count())]
    assert labels == [
        "→ focused: unstable patient",
        "→ full: otherwise (the answers now lead here)",
    ]
    window.branch_combo.setCurrentIndex(0)
    window.branch_button.click()
    assert window.question_widgets()["q-stability"].response() == {"choice": "unstable"}
    assert window.graph.next_step == "focused"
    window.branch_combo.setCurrentIndex(1)
    window.branch_button.click()
    assert window.question_widgets()["q-stability"].response() == {"choice": "stable"}
    assert window.graph.next_step == "full"
    window.branch_combo.setCurrentIndex(0)
    window.branch_button.click()
    window.check_answers()
    window.check_answers()
    assert window.session.current_step.id == "encounter"  # the clip plays on to its end
    window.skip_ahead()
    assert window.session.current_step.id == "focused"
    for _ in range(2):  # focused, still: answer with the key each time
        window.answer_with_key()
        window.check_answers()
        window.check_answers()
    assert window.session.is_over
    assert window.session.path == ("intro", "encounter", "focused", "still")
    cov = window.coverage
    assert ("encounter", "focused") in cov.edges and ("encounter", "full") not in cov.edges
    assert ("still", "end") in cov.edges
    summary = window.coverage_view.summary_text()
    assert "Steps: 4 of 5" in summary and "Questions: 5 of 6" in summary
    missing = [
        window.coverage_view.missing.item(i).text()
        for i in range(window.coverage_view.missing.count())
    ]
    assert "step full" in missing and "question q-sites" in missing
    assert any(t.startswith("branch encounter → full") for t in missing)
    assert "Case finished (completed)" in window.follow_label.text()


def test_following_plays_to_a_checkpoint_and_stops_on_its_frame(
    qtbot, tmp_path: Path, probe: VlcMediaProbe
) -> None:
    text = FIXTURE.replace('at: "00:04.000"', 'at: "00:01.000"').replace("frame: 150", "frame: 45")
    _script, window = fixture_window(qtbot, tmp_path, probe, text)
    with qtbot.waitSignal(
        window.followChanged, timeout=SETTLE_MS, check_params_cb=lambda t: "answer" in t
    ):
        window.start_follow()  # the narration plays to 1 s by itself
    assert list(window.question_widgets()) == ["q-order"]
    window.answer_with_key()
    window.check_answers()
    window.check_answers()
    window.skip_ahead()  # skip the rest of the narration
    with qtbot.waitSignal(
        window.followChanged, timeout=SETTLE_MS, check_params_cb=lambda t: "answer" in t
    ):
        pass  # the encounter video plays to frame 45 and stops there
    assert window.engine.current_frame == 45
    assert list(window.question_widgets()) == ["q-stability"]


def test_screenshots_of_the_preview_with_the_key_shown(
    qtbot, probe: VlcMediaProbe, tmp_path: Path
) -> None:
    # Tests never write into the repository: POCUS_SCREENSHOT_DIR=docs/screenshots remakes those.
    out = Path(os.environ.get("POCUS_SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    hotspot = clip_frame_questions()[0]
    caliper = next(
        (c.source, s.id, qid)
        for c in DEMOS
        for s in c.steps
        for qid in s.questions
        if c.question_by_id(qid).type.value == "caliper"
    )
    video_cp = next(
        (c.source, s.id, cp.id)
        for c in DEMOS
        for s in c.steps
        for cp in s.checkpoints
        if s.media and c.media_by_id(s.media).kind is not MediaKind.NARRATION
    )
    shots = [
        (hotspot[0], OutlineTarget(hotspot[1], None, hotspot[2]), "preview-hotspot-key.png", 0),
        (caliper[0], OutlineTarget(caliper[1], None, caliper[2]), "preview-caliper-key.png", 2),
        (video_cp[0], OutlineTarget(video_cp[1], video_cp[2]), "preview-checkpoint-key.png", 1),
    ]
    for case_file, target, name, side_tab in shots:
        window = open_preview(qtbot, case_file, probe)
        window.setStyleSheet(theme.stylesheet())
        window.resize(1280, 800)
        window.set_show_key(True)
        jump(qtbot, window, target)
        window.answer_with_key()
        window.check_answers()
        window.side_tabs.setCurrentIndex(side_tab)
        qtbot.wait(50)  # let the layout settle before grabbing
        image = window.grab().toImage()
        assert image.width() >= 1000 and not image.isNull()
        assert image.save(str(out / name))
        window.close()


@pytest.mark.parametrize("case", DEMOS, ids=lambda c: c.meta.id)
def test_the_outline_lists_every_step_and_question(qtbot, probe: VlcMediaProbe, case: Case) -> None:
    window = open_preview(qtbot, case.source, probe)
    texts = [i.text(0) for i in window.outline.items()]
    for step in case.steps:
        assert f"{step.id} · {step.type.value}" in texts
    for q in case.questions:
        assert any(t.startswith(f"{q.id} · ") for t in texts)


def test_the_review_packet_from_the_toolbar(
    qtbot, tmp_path: Path, probe: VlcMediaProbe, monkeypatch: pytest.MonkeyPatch
) -> None:
    _script, window = fixture_window(qtbot, tmp_path, probe)
    out = tmp_path / "packet.pdf"
    monkeypatch.setattr(window, "ask_packet_path", lambda: out)
    window.packet_action.trigger()
    assert out.is_file() and out.read_bytes().startswith(b"%PDF")
    assert f"Review packet written: {out}" in window.statusBar().currentMessage()


def test_the_preview_command_is_wired_and_rejects_a_missing_script(tmp_path: Path) -> None:
    from pocus_player.cli import build_parser

    args = build_parser().parse_args(["preview", "x.yaml", "--show-key"])
    assert args.case == "x.yaml" and args.show_key
    done = subprocess.run(
        [sys.executable, "-m", "pocus_player", "preview", str(tmp_path / "missing.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 2
    assert "missing.yaml: no such case script" in done.stderr and "Traceback" not in done.stderr


def test_a_script_invalid_from_the_start_loads_once_fixed(
    qtbot, tmp_path: Path, probe: VlcMediaProbe
) -> None:
    script = content_copy(tmp_path, FIXTURE.replace("steps:", "stepz:"))
    window = PreviewWindow(script, probe=probe)
    qtbot.addWidget(window)
    window.show()
    assert window.case is None
    rows = window.problem_rows()
    assert rows and all(r[0] == "error" for r in rows)
    assert any("stepz" in r[2] for r in rows)
    with qtbot.waitSignal(window.caseReloaded, timeout=3000):
        save_atomically(script, FIXTURE)
    assert window.case is not None and window.problem_rows() == []
    assert window.target == OutlineTarget("intro")


def test_replacing_a_media_file_reloads_it(qtbot, tmp_path: Path, probe: VlcMediaProbe) -> None:
    _script, window = fixture_window(qtbot, tmp_path, probe)
    jump(qtbot, window, OutlineTarget("still"))
    before = window.media.current_frame()
    assert before is not None
    still = tmp_path / "assets/media/fast/ruq-fluid.png"
    replacement = (REPO / "assets/media/cardiac/ivc.png").read_bytes()
    with qtbot.waitSignal(window.positionSettled, timeout=SETTLE_MS):
        tmp = still.with_name(".ruq-fluid.png.new")
        tmp.write_bytes(replacement)
        os.replace(tmp, still)
    after = window.media.current_frame()
    assert after is not None and after != before


def test_the_questions_take_the_text_size_given(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pocus_player.cli import build_parser
    from pocus_player.media.null_engine import NullEngine
    from pocus_player.ui.preview_cli import cmd_preview
    from tests.core.test_lint import ManifestProbe

    probe = ManifestProbe()
    window = PreviewWindow(
        content_copy(tmp_path), probe=probe, engine=NullEngine(probe), watch=False, text_scale=2.0
    )
    qtbot.addWidget(window)
    window.go_to(OutlineTarget("encounter", "cp-vitals"))
    widgets = window.question_widgets().values()
    assert widgets and {w.text_scale() for w in widgets} == {2.0}
    args = build_parser().parse_args(["preview", "x.yaml", "--text-scale", "2"])
    assert args.text_scale == 2.0
    too_large = build_parser().parse_args(["preview", "x.yaml", "--text-scale", "3"])
    assert cmd_preview(too_large) == 2
