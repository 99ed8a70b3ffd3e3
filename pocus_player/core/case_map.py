"""A case as its outline and branch graph show it, and what a preview has covered (Qt-free).

`graph_edges` lists every way out of every step in the order the session
tries them; `graph_layers` places steps in columns; `Coverage` is what a
preview session has shown; `OutlineTarget` names a place in the case.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pocus_player.core.frame_timeline import FrameTimeline
from pocus_player.core.model import END, BranchRule, Case, Checkpoint, Condition
from pocus_player.core.timecode import format_time


def checkpoint_label(cp: Checkpoint, timeline: FrameTimeline | None) -> str:
    """"frame N (time)" or "time (frame N)"; the other half only when the clip's timing is known."""
    if cp.frame is not None:
        when = f"frame {cp.frame}"
        if timeline is not None:
            when += f" ({format_time(cp.target_time(timeline))})"
    else:
        assert cp.time_s is not None
        when = format_time(cp.time_s)
        if timeline is not None:
            when += f" (frame {cp.target_frame(timeline)})"
    return when


def describe_condition(c: Condition) -> str:
    parts = []
    if c.question is not None:
        if c.selected_any:
            parts.append(f"{c.question} chose {' or '.join(c.selected_any)}")
        if c.correct is not None:
            parts.append(f"{c.question} {'correct' if c.correct else 'incorrect'}")
        if not c.selected_any and c.correct is None:
            parts.append(f"{c.question} answered")
    parts.extend(f"{k} = {v}" for k, v in c.state)
    return " and ".join(parts) or "always"


def describe_rule(rule: BranchRule) -> str:
    return " and ".join(describe_condition(c) for c in rule.when) or "always"


@dataclass(frozen=True, slots=True)
class GraphEdge:
    src: str
    dst: str  # a step id or END
    kind: str  # "rule", "default" or "following"
    label: str = ""
    rule_index: int | None = None


def graph_edges(case: Case) -> list[GraphEdge]:
    """Every way out of every step, in the order the engine tries them."""
    edges: list[GraphEdge] = []
    for pos, step in enumerate(case.steps):
        for i, rule in enumerate(step.next.rules):
            edges.append(
                GraphEdge(step.id, rule.goto, "rule", rule.label or describe_rule(rule), i)
            )
        if step.next.default is not None:
            edges.append(GraphEdge(step.id, step.next.default, "default", "otherwise"))
        else:
            following = case.steps[pos + 1].id if pos + 1 < len(case.steps) else END
            edges.append(
                GraphEdge(step.id, following, "following", "otherwise" if step.next.rules else "")
            )
    return edges


def graph_layers(case: Case) -> dict[str, int]:
    """Column of each step (and END): its longest distance from the first step."""
    edges = graph_edges(case)
    order = [s.id for s in case.steps]
    layer = {sid: 0 for sid in order}
    # Steps are in authored order and branches only go forward in practice, but a branch
    # may point back up the list; relax until stable (the graph is acyclic when valid).
    for _ in range(len(order) + 1):
        moved = False
        for e in edges:
            if e.dst != END and e.dst in layer and layer[e.dst] < layer[e.src] + 1:
                layer[e.dst] = layer[e.src] + 1
                moved = True
        if not moved:
            break
    layer[END] = max(layer.values(), default=0) + 1
    return layer


@dataclass(slots=True)
class Coverage:
    """What this preview has shown: steps, checkpoints, questions, and branches taken."""

    steps: set[str] = field(default_factory=set)
    checkpoints: set[str] = field(default_factory=set)
    questions: set[str] = field(default_factory=set)  # answered (checked or submitted)
    edges: set[tuple[str, str]] = field(default_factory=set)

    def visit_step(self, step_id: str) -> None:
        self.steps.add(step_id)

    def take_edge(self, src: str, dst: str) -> None:
        self.edges.add((src, dst))
        self.steps.add(src)
        if dst != END:
            self.steps.add(dst)

    def restrict_to(self, case: Case) -> None:
        """Forget what no longer exists after the case was edited."""
        steps = {s.id for s in case.steps}
        cps = {cp.id for s in case.steps for cp in s.checkpoints}
        qs = {q.id for q in case.questions}
        pairs = {(e.src, e.dst) for e in graph_edges(case)}
        self.steps &= steps
        self.checkpoints &= cps
        self.questions &= qs
        self.edges &= pairs

    def summary(self, case: Case) -> dict[str, tuple[int, int]]:
        pairs = {(e.src, e.dst) for e in graph_edges(case)}
        cps = [cp.id for s in case.steps for cp in s.checkpoints]
        return {
            "steps": (len(self.steps & {s.id for s in case.steps}), len(case.steps)),
            "checkpoints": (len(self.checkpoints & set(cps)), len(cps)),
            "questions": (
                len(self.questions & {q.id for q in case.questions}),
                len(case.questions),
            ),
            "branches": (len(self.edges & pairs), len(pairs)),
        }


@dataclass(frozen=True, slots=True)
class OutlineTarget:
    """Where to go in the case: a step, optionally one of its checkpoints or questions."""

    step_id: str
    checkpoint_id: str | None = None
    question_id: str | None = None
