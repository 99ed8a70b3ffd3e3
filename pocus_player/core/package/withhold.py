"""Withheld answer keys: what leaves a case script for the board only, and what cannot.

With `--withhold-keys` the package carries each case script with its keys, rationales
and scoring rules replaced by neutral placeholders that still satisfy the schema, and
the real values in one member encrypted to the board's recipient only. The sitting
records responses and the path; the board fills the scores in (`results rescore`).

Some designs need the key at the sitting, and are refused at build time:
- a branch on `correct:` (the path depends on the score);
- practice mode (feedback shows the key and the rationale).
Branches on chosen options (`selected_any`, `sets_state`) still work: the options
stay in the script.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any

WITHHELD = "withheld"
PLACEHOLDER_RATIONALE = "(withheld: held by the certifying body)"
# Question fields that carry the key or how it is scored.
_SECRET_FIELDS = ("key", "rationale", "regions", "constraints", "partial_rule", "scoring")
# Caliper key fields the candidate's widget needs (display); the rest is withheld.
_CALIPER_SHOWN = ("unit", "decimals", "axis")


def _conditions(spec: Any) -> Iterator[tuple[str, Mapping[str, Any]]]:
    if not isinstance(spec, Mapping):
        return
    for rule in spec.get("rules") or ():
        if not isinstance(rule, Mapping):
            continue
        when = rule.get("when")
        for cond in when if isinstance(when, list) else [when]:
            if isinstance(cond, Mapping):
                yield str(rule.get("goto", "?")), cond


def withhold_refusals(data: Mapping[str, Any]) -> list[str]:
    """Why this case cannot be sealed with its keys withheld (empty: it can)."""
    reasons: list[str] = []
    settings = data.get("settings")
    if isinstance(settings, Mapping) and settings.get("mode") == "practice":
        reasons.append(
            "the case is in practice mode, whose feedback shows the key and rationale at the "
            "sitting; withheld keys need exam mode"
        )
    for step in data.get("steps") or ():
        if not isinstance(step, Mapping):
            continue
        for goto, cond in _conditions(step.get("next")):
            if "correct" in cond:
                reasons.append(
                    f"step {step.get('id')!r} branches to {goto!r} on whether question "
                    f"{cond.get('question')!r} was answered correctly; that needs the key at the "
                    "sitting (branch on the options chosen, `selected_any`, instead)"
                )
    return reasons


def split_keys(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the script data with placeholders, {question id: the withheld fields})."""
    public = copy.deepcopy(dict(data))
    secret: dict[str, Any] = {}
    for q in public.get("questions") or ():
        if not isinstance(q, dict):
            continue
        qid = str(q.get("id"))
        held = {k: q[k] for k in _SECRET_FIELDS if k in q}
        secret[qid] = held
        for k in _SECRET_FIELDS:
            q.pop(k, None)
        q["rationale"] = PLACEHOLDER_RATIONALE
        q["key"] = _placeholder_key(q, held.get("key"))
        if q.get("type") == "hotspot":
            q["regions"] = [{"id": WITHHELD, "rect": {"x": 0, "y": 0, "w": 1, "h": 1}}]
    return public, secret


def _placeholder_key(q: Mapping[str, Any], real: Any) -> Any:
    qtype = q.get("type")
    option_ids = [str(o.get("id")) for o in q.get("options") or () if isinstance(o, Mapping)]
    if qtype == "single_best_answer":
        return option_ids[0] if option_ids else WITHHELD
    if qtype == "multiple_response":
        return option_ids[:1] or [WITHHELD]
    if qtype == "ordering":
        return option_ids or [WITHHELD]  # authored order, as shown; says nothing of the key
    if qtype == "hotspot":
        return [WITHHELD]
    if qtype == "caliper":
        shown = {k: real[k] for k in _CALIPER_SHOWN if isinstance(real, Mapping) and k in real}
        return {"value": 1, "tolerance": 0, **shown}
    return WITHHELD


def merge_keys(public: Mapping[str, Any], secret: Mapping[str, Any]) -> dict[str, Any]:
    """The full script data again, for the board's rescoring."""
    data = copy.deepcopy(dict(public))
    for q in data.get("questions") or ():
        if not isinstance(q, dict):
            continue
        held = secret.get(str(q.get("id")))
        if not isinstance(held, Mapping):
            continue
        for k in _SECRET_FIELDS:
            q.pop(k, None)
        q.update(copy.deepcopy(dict(held)))
    return data
