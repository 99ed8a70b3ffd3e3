"""Questions and their keys: each asked once, keyed to its options or regions, fields that fit."""

from __future__ import annotations

from typing import Any

from pocus_player.core.model import NOT_POSSIBLE
from pocus_player.core.semantic.context import CheckContext, dicts_of, strs_of
from pocus_player.core.semantic.images import check_image, check_region_shapes
from pocus_player.core.yaml_source import JsonPath

CHOICE_TYPES = ("single_best_answer", "multiple_response")


def check_questions(ctx: CheckContext) -> None:
    _check_uses(ctx)
    for qi, q in dicts_of(ctx.data.get("questions")):
        base: JsonPath = ("questions", qi)
        asked_id = q.get("id")
        if (
            isinstance(asked_id, str)
            and asked_id not in ctx.question_uses
            and asked_id in ctx.questions
        ):
            ctx.report(
                (*base, "id"),
                f"question {asked_id!r} is never asked (no checkpoint or step lists it)",
            )
        dom = q.get("domain")
        if isinstance(dom, str) and ctx.domains and dom not in ctx.domains:
            ctx.report((*base, "domain"), f"unknown domain {dom!r}; add it to case.domains")
        check_key(ctx, base, q)


def _check_uses(ctx: CheckContext) -> None:
    """Every question a step or checkpoint lists exists, and is listed once."""
    for qid, uses in ctx.question_uses.items():
        if qid not in ctx.questions:
            for use in uses:
                ctx.report(use, f"unknown question {qid!r}")
        elif len(uses) > 1:
            first = ctx.line_of(uses[0])
            for use in uses[1:]:
                ctx.report(
                    use,
                    f"question {qid!r} is already asked at line {first}; each question is asked once",
                )


def check_key(ctx: CheckContext, base: JsonPath, q: dict[str, Any]) -> None:
    """The key against what the question offers, then the fields only some types use."""
    qtype = q.get("type")
    if qtype in CHOICE_TYPES:
        _check_choice_key(ctx, base, q)
    elif qtype == "ordering":
        _check_ordering_key(ctx, base, q)
    elif qtype == "hotspot":
        _check_hotspot_key(ctx, base, q)
        check_image(ctx, base, q, need_calibration=False)
    elif qtype == "caliper":
        check_image(ctx, base, q, need_calibration=True)
        check_tolerance(ctx, base, q.get("key"))
    _check_fields_fit_type(ctx, base, q)
    check_region_shapes(ctx, base, q)
    if qtype in ("hotspot", "caliper") and "options" in q:
        ctx.report((*base, "options"), f"{qtype} questions have no options")


def _option_ids(q: dict[str, Any]) -> list[str]:
    return [o["id"] for _, o in dicts_of(q.get("options")) if isinstance(o.get("id"), str)]


def _check_choice_key(ctx: CheckContext, base: JsonPath, q: dict[str, Any]) -> None:
    key = q.get("key")
    kpath: JsonPath = (*base, "key")
    allowed = _option_ids(q) + ([NOT_POSSIBLE] if q.get("allow_not_possible") else [])
    for i, k in enumerate(strs_of(key)):
        if k not in allowed:
            hint = " (set allow_not_possible: true to offer it)" if k == NOT_POSSIBLE else ""
            ctx.report(
                (*kpath, i) if isinstance(key, list) else kpath,
                f"key {k!r} is not an option of this question{hint}",
            )
    if isinstance(key, list) and len(set(strs_of(key))) != len(key):
        ctx.report(kpath, "the key names an option twice")
    if isinstance(key, list) and NOT_POSSIBLE in key and len(key) > 1:
        ctx.report(kpath, f"{NOT_POSSIBLE!r} excludes every other option; it cannot share the key")


def _check_ordering_key(ctx: CheckContext, base: JsonPath, q: dict[str, Any]) -> None:
    key = q.get("key")
    option_ids = _option_ids(q)
    if (
        isinstance(key, list)
        and option_ids
        and (len(strs_of(key)) != len(key) or sorted(strs_of(key)) != sorted(option_ids))
    ):
        ctx.report((*base, "key"), "an ordering key must list every option exactly once")
    check_constraints(ctx, base, q, option_ids)
    if q.get("partial_rule") == "constraints" and not q.get("constraints"):
        ctx.report((*base, "partial_rule"), "partial_rule 'constraints' needs a constraints list")


def _check_hotspot_key(ctx: CheckContext, base: JsonPath, q: dict[str, Any]) -> None:
    region_ids = [r["id"] for _, r in dicts_of(q.get("regions")) if isinstance(r.get("id"), str)]
    for i, k in enumerate(strs_of(q.get("key"))):
        if k not in region_ids:
            ctx.report((*base, "key", i), f"key {k!r} is not a region of this question")


def _check_fields_fit_type(ctx: CheckContext, base: JsonPath, q: dict[str, Any]) -> None:
    """A field another question type uses would be ignored here: say so rather than drop it."""
    qtype = q.get("type")
    if qtype not in CHOICE_TYPES and q.get("allow_not_possible"):
        ctx.report(
            (*base, "allow_not_possible"),
            "'not possible' is offered on single-best-answer and multiple-response questions",
        )
    if qtype != "hotspot" and "regions" in q:
        ctx.report((*base, "regions"), "regions are only used by hotspot questions")
    if qtype != "ordering":
        for name in ("partial_rule", "constraints"):
            if name in q:
                ctx.report((*base, name), f"{name} is only used by ordering questions")
    elif "partial_rule" in q and q.get("scoring") != "partial":
        ctx.report(
            (*base, "partial_rule"),
            "partial_rule is only used with scoring: partial; add it or remove the rule",
        )


def check_tolerance(ctx: CheckContext, base: JsonPath, key: Any) -> None:
    """A tolerance as wide as the value itself would accept almost any measurement."""
    if not isinstance(key, dict):
        return
    value, tolerance = key.get("value"), key.get("tolerance")
    if (
        not isinstance(value, int | float)
        or not isinstance(tolerance, int | float)
        or isinstance(value, bool)
        or isinstance(tolerance, bool)
    ):
        return
    where: JsonPath = (*base, "key", "tolerance")
    if key.get("tolerance_kind") == "relative":
        if tolerance >= 1:
            ctx.report(
                where,
                f"a relative tolerance of {tolerance:g} accepts any measurement up to "
                f"{1 + tolerance:g} times the value; relative tolerances are fractions "
                "(0.1 is 10 %)",
            )
    elif value > 0 and tolerance >= value:
        ctx.report(
            where,
            f"a tolerance of {tolerance:g} is as large as the value {value:g}: a measurement "
            "of zero would be marked right",
        )


def check_constraints(
    ctx: CheckContext, base: JsonPath, q: dict[str, Any], option_ids: list[str]
) -> None:
    """Each "a before b" pair names two different options in the key's order, once."""
    constraints = q.get("constraints")
    key = q.get("key")
    order = (
        {k: i for i, k in enumerate(key)}
        if isinstance(key, list) and sorted(strs_of(key)) == sorted(option_ids)
        else {}
    )
    seen: dict[tuple[str, str], int] = {}
    for i, pair in enumerate(constraints if isinstance(constraints, list) else []):
        here: JsonPath = (*base, "constraints", i)
        names = strs_of(pair)
        unknown = [k for k in names if k not in option_ids]
        for k in unknown:
            ctx.report(here, f"constraint names {k!r}, which is not an option")
        if unknown or len(names) != 2 or len(pair) != 2:
            continue
        a, b = names
        if a == b:
            ctx.report(
                here,
                f"constraint [{a}, {b}] cannot be met: an option cannot come before itself",
            )
            continue
        if (a, b) in seen:
            first = ctx.line_of((*base, "constraints", seen[(a, b)]))
            ctx.report(here, f"constraint [{a}, {b}] repeats the one at line {first}")
            continue
        seen[(a, b)] = i
        if order and order[a] > order[b]:
            ctx.report(
                here,
                f"constraint [{a}, {b}] says {a!r} comes before {b!r}, but the key puts "
                f"{b!r} first; the key would lose points and a wrong order could gain them",
            )
    if (
        isinstance(constraints, list)
        and constraints
        and q.get("type") == "ordering"
        and not (q.get("scoring") == "partial" and q.get("partial_rule") == "constraints")
    ):
        ctx.report(
            (*base, "constraints"),
            "constraints are only scored with scoring: partial and partial_rule: "
            "constraints; add those or remove the constraints",
        )
