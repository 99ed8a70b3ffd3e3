"""The branching graph: known targets, conditions on earlier questions, reachability, cycles."""

from __future__ import annotations

from typing import Any

from pocus_player.core.model import END, NOT_POSSIBLE
from pocus_player.core.semantic.context import CheckContext, dicts_of, strs_of
from pocus_player.core.yaml_source import JsonPath

Steps = list[tuple[int, dict[str, Any]]]  # (index in the script, step) for steps with an id


def check_graph(ctx: CheckContext) -> None:
    steps = [(i, s) for i, s in dicts_of(ctx.data.get("steps")) if isinstance(s.get("id"), str)]
    if not steps:
        return
    order = [s["id"] for _, s in steps]
    edges: dict[str, list[str]] = {}
    asked_before: set[str] = set()
    for pos, (si, step) in enumerate(steps):
        following = order[pos + 1] if pos + 1 < len(order) else END
        targets = _step_targets(ctx, si, step, following, asked_before | set(_asked_in(step)))
        asked_before |= set(_asked_in(step))
        edges[step["id"]] = [t for t in targets if t in ctx.steps or t == END]
    _check_reachable(ctx, order, edges, steps)
    _check_cycles(ctx, order, edges, steps)


def _step_targets(
    ctx: CheckContext, si: int, step: dict[str, Any], following: str, asked: set[str]
) -> list[str]:
    """Where a step can go next (reporting unknown targets and conditions on the way)."""
    targets: list[str] = []
    nxt = step.get("next")
    if isinstance(nxt, str):
        targets.append(_target(ctx, ("steps", si, "next"), nxt))
    elif isinstance(nxt, dict):
        for ri, rule in dicts_of(nxt.get("rules")):
            if isinstance(rule.get("goto"), str):
                goto: JsonPath = ("steps", si, "next", "rules", ri, "goto")
                targets.append(_target(ctx, goto, rule["goto"]))
            when: JsonPath = ("steps", si, "next", "rules", ri, "when")
            check_conditions(ctx, when, rule.get("when"), asked)
        d = nxt.get("default")
        targets.append(
            _target(ctx, ("steps", si, "next", "default"), d) if isinstance(d, str) else following
        )
    else:
        targets.append(following)
    return targets


def _asked_in(step: dict[str, Any]) -> list[str]:
    asked = strs_of(step.get("questions"))
    for _, cp in dicts_of(step.get("checkpoints")):
        asked += strs_of(cp.get("questions"))
    return asked


def _target(ctx: CheckContext, path: JsonPath, target: str) -> str:
    if target != END and target not in ctx.steps:
        ctx.report(path, f"branch target {target!r} is not a step id (or 'end')")
    return target


def check_conditions(ctx: CheckContext, path: JsonPath, when: Any, asked: set[str]) -> None:
    """A rule's conditions look at known questions, asked before the branch, by their options."""
    conds = (
        list(dicts_of(when))
        if isinstance(when, list)
        else [(None, when)]
        if isinstance(when, dict)
        else []
    )
    for ci, cond in conds:
        here = (*path, ci) if ci is not None else path
        qid = cond.get("question")
        if isinstance(qid, str):
            if qid not in ctx.questions:
                ctx.report((*here, "question"), f"condition refers to unknown question {qid!r}")
                continue
            if qid not in asked:
                ctx.report(
                    (*here, "question"),
                    f"condition looks at {qid!r}, which is not asked before this branch",
                )
            q = ctx.questions[qid]
            opts = {o.get("id") for _, o in dicts_of(q.get("options"))}
            if q.get("allow_not_possible"):
                opts.add(NOT_POSSIBLE)
            for i, oid in enumerate(strs_of(cond.get("selected_any"))):
                if oid not in opts:
                    ctx.report(
                        (*here, "selected_any", i),
                        f"{oid!r} is not an option of question {qid!r}",
                    )
        elif "selected_any" in cond or "correct" in cond:
            ctx.report(here, "'selected_any' and 'correct' need a 'question'")


def _check_reachable(
    ctx: CheckContext, order: list[str], edges: dict[str, list[str]], steps: Steps
) -> None:
    index = {s["id"]: si for si, s in steps}
    seen = {order[0]}
    stack = [order[0]]
    while stack:
        for t in edges.get(stack.pop(), []):
            if t != END and t not in seen:
                seen.add(t)
                stack.append(t)
    for sid in order:
        if sid not in seen:
            ctx.report(
                ("steps", index[sid], "id"),
                f"step {sid!r} can never be reached from the first step",
            )


def _check_cycles(
    ctx: CheckContext, order: list[str], edges: dict[str, list[str]], steps: Steps
) -> None:
    """Colour DFS; a back edge means a case could loop forever."""
    index = {s["id"]: si for si, s in steps}
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(order, white)
    reported: set[str] = set()
    for root in order:
        if colour[root] != white:
            continue
        colour[root] = grey
        path = [(root, iter(edges.get(root, [])))]
        while path:
            node, it = path[-1]
            nxt = next(it, None)
            if nxt is None:
                colour[node] = black
                path.pop()
            elif nxt == END or nxt not in colour:
                continue
            elif colour[nxt] == grey:
                if node not in reported:
                    reported.add(node)
                    names = [p for p, _ in path]
                    loop = [*names[names.index(nxt) :], nxt]
                    ctx.report(
                        ("steps", index[node], "next"),
                        "branch cycle: " + " -> ".join(loop) + " (a case must always move forward)",
                    )
            elif colour[nxt] == white:
                colour[nxt] = grey
                path.append((nxt, iter(edges.get(nxt, []))))
