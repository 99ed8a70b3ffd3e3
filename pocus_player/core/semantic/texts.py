"""Time limits and the texts a candidate reads: values the schema's formats still let through."""

from __future__ import annotations

from typing import Any

from pocus_player.core.semantic.context import CheckContext, dicts_of
from pocus_player.core.timecode import parse_time
from pocus_player.core.yaml_source import JsonPath


def check_time_limits(ctx: CheckContext) -> None:
    """A limit of zero would end the sitting (or the checkpoint) the moment it starts."""
    settings = ctx.data.get("settings")
    limits: list[tuple[JsonPath, Any]] = []
    if isinstance(settings, dict):
        for name in ("time_limit", "checkpoint_time_limit"):
            limits.append((("settings", name), settings.get(name)))
    for qi, q in dicts_of(ctx.data.get("questions")):
        limits.append((("questions", qi, "time_limit"), q.get("time_limit")))
    for path, value in limits:
        if not isinstance(value, str):
            continue
        try:
            seconds = parse_time(value)
        except ValueError:
            continue  # the schema reports the format
        if seconds <= 0:
            ctx.report(
                path,
                f"{path[-1]} {value!r} is zero: every sitting would end the moment it "
                "starts, with no points; give the time allowed (mm:ss)",
            )


def check_texts(ctx: CheckContext) -> None:
    """Text a candidate reads may not be blank (a schema `minLength` lets spaces through)."""
    places: list[tuple[JsonPath, Any]] = []
    case = ctx.data.get("case")
    if isinstance(case, dict):
        places.append((("case", "title"), case.get("title")))
        places.append((("case", "version"), case.get("version")))
        authors = case.get("authors")
        for ai, author in enumerate(authors if isinstance(authors, list) else []):
            places.append((("case", "authors", ai), author))
        for di, dom in dicts_of(case.get("domains")):
            places.append((("case", "domains", di, "title"), dom.get("title")))
    for qi, q in dicts_of(ctx.data.get("questions")):
        for name in ("stem", "rationale"):
            places.append((("questions", qi, name), q.get(name)))
        for oi, option in dicts_of(q.get("options")):
            places.append((("questions", qi, "options", oi, "text"), option.get("text")))
    for path, value in places:
        if isinstance(value, str) and value and not value.strip():
            name = "an author" if path[-2:-1] == ("authors",) else str(path[-1])
            ctx.report(path, f"{name} is blank; write the text out")
