"""Ids: unique within their section, checkpoint ids unique in the case, reserved ids refused."""

from __future__ import annotations

from typing import Any

from pocus_player.core.model import END, NOT_POSSIBLE
from pocus_player.core.semantic.context import CheckContext, dicts_of, index_of
from pocus_player.core.yaml_source import JsonPath


def check_ids(ctx: CheckContext) -> None:
    """Finds every section's items by id (for the later parts) and reports duplicates."""
    d = ctx.data
    raw_case = d.get("case")
    case = raw_case if isinstance(raw_case, dict) else {}
    ctx.domains = _unique(ctx, case.get("domains"), ("case", "domains"), "domain")
    ctx.media = _unique(ctx, d.get("media"), ("media",), "media")
    ctx.steps = _unique(ctx, d.get("steps"), ("steps",), "step")
    ctx.questions = _unique(ctx, d.get("questions"), ("questions",), "question")
    if END in ctx.steps:
        i = index_of(d["steps"], ctx.steps[END])
        ctx.report(
            ("steps", i, "id"),
            f"{END!r} is reserved for the end of the case; choose another step id",
        )
    _check_checkpoint_ids(ctx)
    _check_option_and_region_ids(ctx)


def _unique(ctx: CheckContext, items: Any, base: JsonPath, what: str) -> dict[str, dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for i, item in dicts_of(items):
        ident = item.get("id")
        if not isinstance(ident, str):
            continue
        if ident in seen:
            first = ctx.line_of((*base, index_of(items, seen[ident]), "id"))
            ctx.report(
                (*base, i, "id"), f"duplicate {what} id {ident!r} (first used at line {first})"
            )
        else:
            seen[ident] = item
    return seen


def _check_checkpoint_ids(ctx: CheckContext) -> None:
    """A checkpoint id names one moment of the case, whichever step it is in."""
    checkpoint_ids: dict[str, JsonPath] = {}
    for si, step in dicts_of(ctx.data.get("steps")):
        for ci, cp in dicts_of(step.get("checkpoints")):
            cid = cp.get("id")
            if isinstance(cid, str):
                here: JsonPath = ("steps", si, "checkpoints", ci, "id")
                if cid in checkpoint_ids:
                    first = ctx.line_of(checkpoint_ids[cid])
                    ctx.report(
                        here, f"duplicate checkpoint id {cid!r} (first used at line {first})"
                    )
                else:
                    checkpoint_ids[cid] = here


def _check_option_and_region_ids(ctx: CheckContext) -> None:
    for qi, q in dicts_of(ctx.data.get("questions")):
        for sub, what in (("options", "option"), ("regions", "region")):
            found = _unique(ctx, q.get(sub), ("questions", qi, sub), what)
            if sub == "options" and NOT_POSSIBLE in found:
                oi = index_of(q["options"], found[NOT_POSSIBLE])
                ctx.report(
                    ("questions", qi, "options", oi, "id"),
                    f"option id {NOT_POSSIBLE!r} is reserved; set allow_not_possible: true instead",
                )
