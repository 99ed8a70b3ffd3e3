"""Branch rules: order, conditions, defaults, patient state, and the graph guard."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pocus_player.core import model as m
from pocus_player.core.branching import (
    BranchingError,
    Decision,
    check_graph,
    chosen_options,
    condition_holds,
    next_step,
    option_state_changes,
    step_questions,
)
from pocus_player.core.scoring import score
from tests.core.factories import branching_case, mr, sba


@pytest.fixture
def case(tmp_path: Path) -> m.Case:
    return branching_case(tmp_path)


def answered(case: m.Case, **responses: dict[str, object]) -> tuple[dict, dict]:
    results = {q: score(case.question_by_id(q), r) for q, r in responses.items()}
    return results, {q: dict(r) for q, r in responses.items()}


def test_first_matching_rule_wins(case: m.Case) -> None:
    scan = case.step_by_id("scan")
    results, responses = answered(case, q_fluid={"choice": "yes"})
    decision = next_step(case, scan, results, responses, {"bp": "low"})
    assert decision == Decision("unstable", "rule", 0, "fluid seen")
    results, responses = answered(case, q_fluid={"choice": "no"})
    assert next_step(case, scan, results, responses, {"bp": "low"}) == Decision(
        "unstable", "rule", 1, "hypotension"
    )


def test_default_then_following_then_end(case: m.Case) -> None:
    results, responses = answered(case, q_fluid={"choice": "no"})
    scan = case.step_by_id("scan")
    assert next_step(case, scan, results, responses, {}).goto == "stable"
    assert next_step(case, scan, results, responses, {"bp": "normal"}).reason == "default"
    unstable = case.step_by_id("unstable")
    assert next_step(case, unstable, {}, {}, {}) == Decision(m.END, "default")
    stable = case.step_by_id("stable")
    assert next_step(case, stable, {}, {}, {}) == Decision(m.END, "end")
    first = replace(case, steps=(replace(scan, next=m.Next()), stable))
    assert next_step(first, first.steps[0], {}, {}, {}) == Decision("stable", "following")


def test_unanswered_questions_never_satisfy_a_condition(case: m.Case) -> None:
    for cond in (
        m.Condition(question="q_fluid", correct=True),
        m.Condition(question="q_fluid", correct=False),
        m.Condition(question="q_fluid", selected_any=("yes", "no")),
    ):
        assert not condition_holds(cond, {}, {}, {})


def test_correct_condition_and_not_possible(case: m.Case) -> None:
    results, responses = answered(case, q_fluid={"choice": m.NOT_POSSIBLE})
    assert condition_holds(m.Condition(question="q_fluid", correct=False), results, responses, {})
    assert not condition_holds(
        m.Condition(question="q_fluid", correct=True), results, responses, {}
    )
    picked = m.Condition(question="q_fluid", selected_any=(m.NOT_POSSIBLE,))
    assert condition_holds(picked, results, responses, {})
    both = m.Condition(question="q_fluid", selected_any=(m.NOT_POSSIBLE,), correct=True)
    assert not condition_holds(both, results, responses, {})


def test_selected_any_on_multiple_response() -> None:
    q = mr()
    results = {q.id: score(q, {"choices": ["b", "d"]})}
    responses = {q.id: {"choices": ["b", "d"]}}
    assert condition_holds(
        m.Condition(question=q.id, selected_any=("d", "e")), results, responses, {}
    )
    assert not condition_holds(
        m.Condition(question=q.id, selected_any=("a",)), results, responses, {}
    )


def test_state_conditions_all_must_hold() -> None:
    cond = m.Condition(state=(("bp", "low"), ("hr", "high")))
    assert condition_holds(cond, {}, {}, {"bp": "low", "hr": "high", "x": "y"})
    assert not condition_holds(cond, {}, {}, {"bp": "low"})


def test_option_state_changes_follow_option_order() -> None:
    q = replace(
        mr(),
        options=(
            m.Option("a", "A", sets_state=(("rhythm", "af"),)),
            m.Option("b", "B"),
            m.Option("c", "C", sets_state=(("rhythm", "sinus"), ("bp", "low"))),
        ),
    )
    changes = option_state_changes(q, {"choices": ["c", "a"]})
    assert changes == (("rhythm", "af"), ("rhythm", "sinus"), ("bp", "low"))
    assert option_state_changes(q, {}) == ()
    assert chosen_options({"order": ["a"]}) == ()
    assert chosen_options({"choice": "a"}) == ("a",)


def test_step_questions_lists_checkpoints_in_order(case: m.Case) -> None:
    assert step_questions(case.step_by_id("scan")) == ("q_fluid", "q_spot")
    assert step_questions(case.step_by_id("stable")) == ("q_order", "q_cal")


def test_graph_guard(case: m.Case) -> None:
    check_graph(case)
    scan, unstable, stable = case.steps
    looping = replace(case, steps=(scan, replace(unstable, next=m.Next(default="scan")), stable))
    with pytest.raises(BranchingError, match="steps loop: scan -> unstable -> scan"):
        check_graph(looping)
    broken = replace(case, steps=(scan, replace(unstable, next=m.Next(default="nowhere")), stable))
    with pytest.raises(BranchingError, match="unknown step 'nowhere'"):
        check_graph(broken)
    with pytest.raises(BranchingError, match="no steps"):
        check_graph(replace(case, steps=()))
    rule_loop = replace(
        stable, next=m.Next(rules=(m.BranchRule((m.Condition(),), "stable"),), default=m.END)
    )
    with pytest.raises(BranchingError, match="stable -> stable"):
        check_graph(replace(case, steps=(scan, unstable, rule_loop)))


def test_decisions_are_deterministic(case: m.Case) -> None:
    results, responses = answered(case, q_fluid={"choice": "yes"}, q_spot={})
    scan = case.step_by_id("scan")
    first = next_step(case, scan, results, responses, {})
    assert all(next_step(case, scan, results, responses, {}) == first for _ in range(10))
    assert first.to_json() == {
        "goto": "unstable",
        "reason": "rule",
        "rule_index": 0,
        "label": "fluid seen",
    }


def test_sba_factory_is_usable_in_conditions() -> None:
    q = sba()
    results = {q.id: score(q, {"choice": "b"})}
    assert condition_holds(m.Condition(question=q.id, correct=True), results, {q.id: {}}, {})
