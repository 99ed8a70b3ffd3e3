"""Branching between steps: conditions on answers and patient state, first matching rule wins.

After a step's last checkpoint is submitted, `next_step` picks where the case
goes: the step's `Next.rules` in order (a rule matches when all of its
conditions hold), else `Next.default`, else the following step in the list,
else `END`. A condition on a question that has not been answered on the path
taken never holds (neither `correct: true` nor `correct: false`).

Patient state is a str -> str map: it starts as `Case.initial_state`, a step's
`sets_state` applies when the step is entered, and a chosen option's
`sets_state` applies when its checkpoint is submitted. Later writes win.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pocus_player.core import scoring
from pocus_player.core.errors import ResponseError
from pocus_player.core.geometry import CalibrationError
from pocus_player.core.model import END, BranchRule, Calibration, Case, Condition, Question, Step
from pocus_player.core.scoring import ScoreResult


class BranchingError(ValueError):
    """The case's step graph cannot be followed (unknown target, or a loop)."""


@dataclass(frozen=True, slots=True)
class Decision:
    goto: str  # a step id or END
    reason: str  # "rule", "default", "following" or "end"
    rule_index: int | None = None
    label: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "goto": self.goto,
            "reason": self.reason,
            "rule_index": self.rule_index,
            "label": self.label,
        }


def chosen_options(response: Mapping[str, Any]) -> tuple[str, ...]:
    """Option ids a (valid) response selects; empty for non-choice types."""
    if "choice" in response:
        return (str(response["choice"]),)
    if "choices" in response:
        return tuple(str(c) for c in response["choices"])
    return ()


def apply_state(state: dict[str, str], pairs: Iterable[tuple[str, str]]) -> None:
    for name, value in pairs:
        state[name] = value


def option_state_changes(
    question: Question, response: Mapping[str, Any]
) -> tuple[tuple[str, str], ...]:
    """The state writes of the options a response chose, in the question's option order."""
    chosen = set(chosen_options(response))
    changes: list[tuple[str, str]] = []
    for option in question.display_options:
        if option.id in chosen:
            changes.extend(option.sets_state)
    return tuple(changes)


def condition_holds(
    condition: Condition,
    results: Mapping[str, ScoreResult],
    responses: Mapping[str, Mapping[str, Any]],
    state: Mapping[str, str],
) -> bool:
    if condition.question is not None:
        qid = condition.question
        if qid not in results:
            return False
        if condition.selected_any:
            chosen = set(chosen_options(responses.get(qid, {})))
            if not chosen & set(condition.selected_any):
                return False
        if condition.correct is not None and results[qid].correct != condition.correct:
            return False
    return all(state.get(name) == value for name, value in condition.state)


def rule_matches(
    rule: BranchRule,
    results: Mapping[str, ScoreResult],
    responses: Mapping[str, Mapping[str, Any]],
    state: Mapping[str, str],
) -> bool:
    return all(condition_holds(c, results, responses, state) for c in rule.when)


def next_step(
    case: Case,
    step: Step,
    results: Mapping[str, ScoreResult],
    responses: Mapping[str, Mapping[str, Any]],
    state: Mapping[str, str],
) -> Decision:
    """Where the case goes after `step`; deterministic for the same inputs."""
    for index, rule in enumerate(step.next.rules):
        if rule_matches(rule, results, responses, state):
            return Decision(rule.goto, "rule", index, rule.label)
    if step.next.default is not None:
        return Decision(step.next.default, "default")
    position = case.step_index(step.id)
    if position + 1 < len(case.steps):
        return Decision(case.steps[position + 1].id, "following")
    return Decision(END, "end")


def step_questions(step: Step) -> tuple[str, ...]:
    """Question ids a step asks, in the order they are presented."""
    asked = list(step.questions)
    for checkpoint in step.checkpoints:
        asked.extend(checkpoint.questions)
    return tuple(asked)


def check_graph(case: Case) -> None:
    """Raise BranchingError if a target is unknown or the steps can loop.

    The loader reports these with line numbers; this guard keeps the engine
    from ever presenting a question twice when handed a hand-built case.
    """
    ids = {s.id for s in case.steps}
    if not case.steps:
        raise BranchingError("the case has no steps")
    edges: dict[str, list[str]] = {}
    for position, step in enumerate(case.steps):
        targets = [r.goto for r in step.next.rules]
        if step.next.default is not None:
            targets.append(step.next.default)
        elif position + 1 < len(case.steps):
            targets.append(case.steps[position + 1].id)
        for target in targets:
            if target != END and target not in ids:
                raise BranchingError(f"step {step.id!r} branches to unknown step {target!r}")
        edges[step.id] = [t for t in targets if t != END]
    done: set[str] = set()
    for root in edges:
        if root in done:
            continue
        # Iterative DFS with an explicit "on the current path" set to spot back edges.
        on_path: list[str] = [root]
        iters = [iter(edges[root])]
        while iters:
            nxt = next(iters[-1], None)
            if nxt is None:
                done.add(on_path.pop())
                iters.pop()
            elif nxt in on_path:
                loop = [*on_path[on_path.index(nxt) :], nxt]
                raise BranchingError("steps loop: " + " -> ".join(loop))
            elif nxt not in done:
                on_path.append(nxt)
                iters.append(iter(edges[nxt]))


def would_branch(
    case: Case,
    step: Step,
    drafts: Mapping[str, Mapping[str, Any]],
    *,
    calibration_of: Callable[[Question], Calibration | None],
    responses: Mapping[str, Mapping[str, Any]] | None = None,
    results: Iterable[ScoreResult] = (),
    state: Mapping[str, str] | None = None,
) -> str | None:
    """Where `step` would lead if the answers drafted now were submitted.

    `responses`, `results` and `state` are what was submitted before (a running
    session's), else nothing and the case's initial state. A draft that cannot
    be scored (incomplete, or the question changed) counts as not answered.
    """
    given: dict[str, Mapping[str, Any]] = dict(responses or {})
    scored = {r.question_id: r for r in results}
    patient = dict(case.initial_state if state is None else state)
    for qid, response in drafts.items():
        q = case.question_by_id(qid)
        try:
            scored[qid] = scoring.score(q, response, calibration_of(q))
        except (ResponseError, CalibrationError):
            continue
        given[qid] = response
        apply_state(patient, option_state_changes(q, response))
    return next_step(case, step, scored, given, patient).goto
