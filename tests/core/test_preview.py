"""The preview session's state and rules, without Qt: reload, drafts, follow mode, branching."""

from __future__ import annotations

from pathlib import Path

import pytest

from pocus_player.core.case_map import OutlineTarget
from pocus_player.core.preview import PreviewModel, parse_drafts, result_line, surviving_drafts
from pocus_player.core.scoring import key_response
from pocus_player.core.session import MediaAction
from tests.core.test_lint import FIXTURE, content_copy


@pytest.fixture
def script(tmp_path: Path) -> Path:
    return content_copy(tmp_path)


@pytest.fixture
def model(script: Path) -> PreviewModel:
    m = PreviewModel(script)
    assert m.reload() == OutlineTarget("intro")
    return m


def test_a_reload_keeps_the_place_that_still_exists(model: PreviewModel, script: Path) -> None:
    reloaded = []
    model.events.reloaded.connect(reloaded.append)
    place = model.place(OutlineTarget("encounter", "cp-vitals", "q-stability"))
    assert place is not None and place.questions == ("q-stability",)
    assert model.reload() == OutlineTarget("encounter", "cp-vitals", "q-stability")
    script.write_text(FIXTURE.replace("cp-vitals", "cp-signs"), encoding="utf-8")
    # the checkpoint is gone (renamed); its question is still asked in the step
    assert model.reload() == OutlineTarget("encounter", None, "q-stability")
    assert len(reloaded) == 2 and model.last_reload_s is not None
    script.write_text(
        FIXTURE.replace("id: encounter\n    type", "id: arrival\n    type"), encoding="utf-8"
    )
    model.reload()  # the step itself is gone (the script may fail; either way not there)
    assert model.surviving_target(OutlineTarget("encounter", "cp-signs")) is None


def test_a_failed_reload_keeps_the_last_valid_case_and_lists_why(
    model: PreviewModel, script: Path
) -> None:
    failures = []
    model.events.load_failed.connect(failures.append)
    before = model.case
    script.write_text(FIXTURE.replace("    frame: 150\n", "    frame: many\n"), encoding="utf-8")
    assert model.reload() is None
    assert model.load_failed and model.case is before
    assert failures == [model.problems]
    assert any(p.severity == "error" and p.line for p in model.problems)
    script.write_text(FIXTURE, encoding="utf-8")
    assert model.reload() is not None and not model.load_failed


def test_placing_a_question_of_a_segment_opens_its_checkpoint(model: PreviewModel) -> None:
    place = model.place(OutlineTarget("encounter", question_id="q-stability"))
    assert place is not None
    assert place.checkpoint is not None and place.checkpoint.id == "cp-vitals"
    assert place.selected == "q-stability"
    assert model.place(OutlineTarget("encounter")).questions == ()  # a segment by itself
    assert model.place(OutlineTarget("still")).questions == ("q-spot", "q-measure")
    assert model.place(OutlineTarget("nowhere")) is None
    assert {"encounter", "still"} <= model.coverage.steps
    assert "cp-vitals" in model.coverage.checkpoints


def test_drafts_survive_a_reload_only_where_the_question_still_takes_them(
    model: PreviewModel, script: Path
) -> None:
    assert model.case is not None
    stability = model.case.question_by_id("q-stability")
    drafts = {"q-stability": {"choice": "neurogenic"}, "q-order": {"order": ["ruq", "pelvis"]}}
    assert surviving_drafts(drafts, [stability]) == {"q-stability": {"choice": "neurogenic"}}
    assert surviving_drafts({"q-stability": {}}, [stability]) == {}  # nothing typed
    script.write_text(
        FIXTURE.replace("      - {id: neurogenic, text: Neurogenic shock}\n", ""), encoding="utf-8"
    )
    model.reload()
    assert model.case is not None
    changed = model.case.question_by_id("q-stability")
    assert surviving_drafts(drafts, [changed]) == {}  # the option chosen is gone
    assert parse_drafts([(changed, {"choice": "neurogenic"})]) == {"q-stability": {}}


def test_where_the_answers_on_screen_would_branch(model: PreviewModel) -> None:
    assert model.case is not None
    step = model.case.step_by_id("encounter")
    assert model.would_branch(step, {}) == "full"
    assert model.would_branch(step, {"q-stability": {"choice": "unstable"}}) == "focused"
    assert model.would_branch(step, {"q-stability": {"choice": "nonsense"}}) == "full"


def test_checking_answers_scores_them_and_covers_the_question(model: PreviewModel) -> None:
    assert model.case is not None
    q = model.case.question_by_id("q-stability")
    results, lines = model.check([(q, key_response(q)), (q, {"choice": "nonsense"})])
    assert [r.correct for r in results] == [True]
    assert lines[0] == result_line(results[0]) and "rule" in lines[0]
    assert lines[1].startswith("q-stability: cannot score")
    assert "q-stability" in model.coverage.questions


def test_following_the_case_through_a_branch(model: PreviewModel) -> None:
    assert model.case is not None
    followed = []
    model.events.follow_changed.connect(followed.append)
    s = model.start_follow()
    assert s is not None and followed == [s]
    assert s.media_directive.action is MediaAction.PLAY_TO_CHECKPOINT
    s.segment_reached_checkpoint("cp-plan")
    order = model.case.question_by_id("q-order")
    assert model.branch_choices({}) == []  # the intro has one way on
    outcome = model.submit({"q-order": key_response(order)})
    assert [r.correct for r in outcome.results] == [True]
    assert model.follow_waiting and "q-order" in model.coverage.questions
    s.segment_finished()
    s.segment_reached_checkpoint("cp-vitals")
    choices = model.branch_choices({})
    assert [c.label for c in choices] == [
        "→ focused: unstable patient",
        "→ full: otherwise (the answers now lead here)",
    ]
    stability = model.case.question_by_id("q-stability")
    answers = model.answers_for_branch(choices[0].edge, [stability])
    assert answers == {"q-stability": {"choice": "unstable"}}
    assert [c.leads_here for c in model.branch_choices(answers)] == [True, False]
    model.submit(answers)
    s.segment_finished()
    assert s.current_step is not None and s.current_step.id == "focused"
    model.record_path()
    assert ("encounter", "focused") in model.coverage.edges
    assert ("encounter", "full") not in model.coverage.edges
    model.stop_follow()
    assert model.session is None and followed == [s, None]


def test_the_finished_text_names_outcome_score_and_path(model: PreviewModel) -> None:
    assert model.case is not None
    s = model.start_follow()
    assert s is not None
    while not s.is_over:
        d = s.media_directive
        if d.action is MediaAction.PLAY_TO_CHECKPOINT:
            assert d.checkpoint is not None
            s.segment_reached_checkpoint(d.checkpoint.id)
        elif d.action is MediaAction.PLAY_TO_END:
            s.segment_finished()
        else:
            oc = s.open_checkpoint
            assert oc is not None
            model.submit({q.id: key_response(q) for q in oc.questions})
    text = model.finished_text()
    assert text.startswith("Case finished (completed): ")
    assert text.endswith("Path: intro → encounter → focused → still.")
    assert ("still", "end") in model.coverage.edges
