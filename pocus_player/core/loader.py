"""Load a case script: safe YAML, JSON Schema, semantic checks, then the frozen model.

Every problem in a file is collected and raised at once as a
`CaseValidationError` whose problems carry `path:line:col`, so an item writer
fixes a script in one pass. Semantic checks run on the raw data even when the
schema found problems (they skip what is malformed), so both kinds show together.

Media facts (durations, frame rates) come from an injected `MediaProbe`; without
one, checks that need them are skipped and reported as such by the caller.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema

from pocus_player import resources
from pocus_player.core import model as m
from pocus_player.core.errors import CaseValidationError, Problem
from pocus_player.core.frame_timeline import clip_timeline
from pocus_player.core.media_info import MediaInfo, MediaProbe, MediaProbeError
from pocus_player.core.semantic import SemanticChecker
from pocus_player.core.timecode import parse_time
from pocus_player.core.yaml_source import JsonPath, Located, YamlSourceError, load_located

log = logging.getLogger(__name__)

SUPPORTED_SCHEMA_VERSION = 1
CONTENT_ROOT_MARKER = "pocus-content.yaml"
MAX_CASE_BYTES = 16 * 1024 * 1024


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    with resources.schema_path().open(encoding="utf-8") as fh:
        schema = json.load(fh)
    return jsonschema.Draft202012Validator(schema)


def find_content_root(case_file: Path) -> Path:
    """The nearest folder at or above the script holding `pocus-content.yaml`, else its folder."""
    folder = case_file.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / CONTENT_ROOT_MARKER).is_file():
            return candidate
    return folder


def read_case_text(path: Path) -> str:
    """The script's text, or a CaseValidationError saying plainly why it cannot be read."""

    def fail(message: str) -> CaseValidationError:
        return CaseValidationError([Problem(path, 0, 0, message)])

    if not path.exists():
        raise fail("no such file")
    if path.is_dir():
        raise fail("is a directory, not a case script")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(f"cannot read the file: {exc.strerror or exc}") from None
    if not raw.strip():
        raise fail("the file is empty")
    if len(raw) > MAX_CASE_BYTES:
        raise fail(f"the file is {len(raw)} bytes; case scripts are limited to {MAX_CASE_BYTES}")
    if b"\x00" in raw[:8192]:
        raise fail("this is a binary file, not a YAML case script")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CaseValidationError(
            [
                Problem(
                    path,
                    line,
                    col,
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
                )
            ]
        ) from None
    return text


def load_case(
    path: str | Path,
    probe: MediaProbe | None = None,
    *,
    probe_cache: dict[Path, MediaInfo | MediaProbeError] | None = None,
) -> m.Case:
    """Load and fully validate a case script; raise CaseValidationError listing every problem."""
    case_path = Path(path)
    text = read_case_text(case_path)
    return load_case_text(text, case_path, probe, probe_cache=probe_cache)


def load_case_text(
    text: str,
    case_path: Path,
    probe: MediaProbe | None = None,
    *,
    probe_cache: dict[Path, MediaInfo | MediaProbeError] | None = None,
) -> m.Case:
    try:
        located = load_located(text)
    except YamlSourceError as exc:
        raise CaseValidationError(
            [Problem(case_path, p.line, p.col, p.message) for p in exc.problems]
        ) from None
    data = located.data
    if not isinstance(data, dict):
        raise CaseValidationError(
            [
                Problem(
                    case_path, 1, 1, "a case script must be a YAML mapping (key: value) at the top"
                )
            ]
        )
    version = data.get("schema_version")
    if (
        isinstance(version, int)
        and not isinstance(version, bool)
        and version > SUPPORTED_SCHEMA_VERSION
    ):
        line, col = located.where(("schema_version",))
        raise CaseValidationError(
            [
                Problem(
                    case_path,
                    line,
                    col,
                    f"schema_version {version} is newer than this player supports "
                    f"({SUPPORTED_SCHEMA_VERSION}); update pocus-player",
                )
            ]
        )

    problems = [
        Problem(case_path, *_schema_position(located, err), _schema_message(err))
        for err in _validator().iter_errors(data)
    ]
    content_root = find_content_root(case_path)
    checker = SemanticChecker(located, case_path, content_root, probe, probe_cache)
    problems.extend(checker.run())
    problems = _dedupe(problems)
    if problems:
        raise CaseValidationError(problems)
    return _build(data, case_path, content_root, checker)


def load_sealed_case_text(
    text: str,
    case_path: Path,
    content_root: Path,
    files: dict[str, Path],
    media_info: dict[str, MediaInfo],
) -> m.Case:
    """A case from a sealed package, whose files exist only in memory.

    The full check (files, media, semantics) ran when the package was built and the
    package's signature and hashes pin these exact bytes, so only the schema is
    checked again here; `files` maps each reference in the script to its (virtual)
    path and `media_info` holds the manifest's probe facts per media id.
    """
    try:
        located = load_located(text)
    except YamlSourceError as exc:
        raise CaseValidationError(
            [Problem(case_path, p.line, p.col, p.message) for p in exc.problems]
        ) from None
    data = located.data
    problems = [
        Problem(case_path, *_schema_position(located, err), _schema_message(err))
        for err in _validator().iter_errors(data)
    ]
    if problems:
        raise CaseValidationError(problems)
    return _build(data, case_path, content_root, _SealedFacts(files, media_info))


class _SealedFacts:
    """What the model builder reads from a SemanticChecker, given for a sealed case."""

    def __init__(self, resolved: dict[str, Path], media_info: dict[str, MediaInfo]) -> None:
        self.resolved = resolved
        self.media_info = media_info


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for p in problems:
        k = (p.line, p.col, p.message)
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out


# --- schema error reporting -------------------------------------------------------------


def _schema_position(located: Located, err: jsonschema.ValidationError) -> tuple[int, int]:
    path: JsonPath = tuple(err.absolute_path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = set(err.schema.get("properties", {}))
        extra = sorted(k for k in err.instance if k not in allowed)
        if extra:
            return located.where((*path, extra[0]), key=True)
    if err.validator == "required":
        return located.where(path, key=True) if path else (1, 1)
    return located.where(path)


def _json_path(err: jsonschema.ValidationError) -> str:
    parts = [str(p) for p in err.absolute_path]
    return "/".join(parts) if parts else "(top level)"


def _schema_message(err: jsonschema.ValidationError) -> str:
    where = _json_path(err)
    v = err.validator
    if v == "additionalProperties" and isinstance(err.instance, dict):
        import difflib

        allowed = list(err.schema.get("properties", {}))
        extra = sorted(k for k in err.instance if k not in allowed)
        msgs = []
        for key in extra:
            near = difflib.get_close_matches(key, allowed, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else f" (allowed: {', '.join(allowed)})"
            msgs.append(f"unknown key {key!r}{hint}")
        return f"{where}: " + "; ".join(msgs)
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return f"{where}: missing required key {missing!r}"
    if v == "pattern" and "time" in str(err.schema.get("title", "")).lower():
        return f"{where}: {err.instance!r} is not a time of the form mm:ss.mmm"
    if v == "oneOf" and isinstance(err.instance, dict):
        title = err.schema.get("title", "value")
        if title == "Checkpoint":
            return f"{where}: a checkpoint needs exactly one of 'at' (mm:ss.mmm) or 'frame'"
        if title == "Region":
            return f"{where}: a region needs exactly one of 'circle', 'rect' or 'polygon'"
        if title == "Calibration":
            return f"{where}: give 'pixels_per_cm', or 'y_cm_per_pixel' with 'x_cm_per_pixel' or 'x_s_per_pixel'"
        return f"{where}: does not match any allowed form of {title}"
    if v == "anyOf":
        title = err.schema.get("title", "value")
        return f"{where}: {_short(err.instance)} is not a valid {title.lower()}"
    if v == "enum":
        choices = ", ".join(repr(x) for x in err.validator_value)
        return f"{where}: {_short(err.instance)} is not one of {choices}"
    if v == "type":
        return f"{where}: expected {_type_name(err.validator_value)}, got {_describe(err.instance)}"
    return f"{where}: {err.message}"


def _type_name(t: object) -> str:
    names = {
        "string": "text",
        "integer": "a whole number",
        "number": "a number",
        "boolean": "true or false",
        "array": "a list",
        "object": "a mapping (key: value)",
    }
    if isinstance(t, list):
        return " or ".join(names.get(x, str(x)) for x in t)
    return names.get(str(t), str(t))


def _describe(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {_short(value)}"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --- building the model ---------------------------------------------------------------


def _state(d: dict[str, Any] | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((str(k), str(v)) for k, v in (d or {}).items()))


def _calibration(d: dict[str, Any] | None) -> m.Calibration | None:
    if not d:
        return None
    if "pixels_per_cm" in d:
        cal = m.Calibration.isotropic(float(d["pixels_per_cm"]))
        if "x_s_per_pixel" in d:
            return m.Calibration(None, cal.y_cm_per_pixel, float(d["x_s_per_pixel"]))
        return cal
    return m.Calibration(
        x_cm_per_pixel=float(d["x_cm_per_pixel"]) if "x_cm_per_pixel" in d else None,
        y_cm_per_pixel=float(d["y_cm_per_pixel"]),
        x_s_per_pixel=float(d["x_s_per_pixel"]) if "x_s_per_pixel" in d else None,
    )


def _condition(d: dict[str, Any]) -> m.Condition:
    return m.Condition(
        question=d.get("question"),
        selected_any=tuple(d.get("selected_any", ())),
        correct=d.get("correct"),
        state=_state(d.get("state")),
    )


def _next(spec: Any) -> m.Next:
    if spec is None:
        return m.Next()
    if isinstance(spec, str):
        return m.Next(default=spec)
    rules = []
    for r in spec["rules"]:
        when = r["when"] if isinstance(r["when"], list) else [r["when"]]
        rules.append(
            m.BranchRule(tuple(_condition(c) for c in when), r["goto"], r.get("label", ""))
        )
    return m.Next(tuple(rules), spec.get("default"))


def _region(d: dict[str, Any]) -> m.Region:
    shape: m.Shape
    if "circle" in d:
        c = d["circle"]
        shape = m.Circle(float(c["cx"]), float(c["cy"]), float(c["r"]))
    elif "rect" in d:
        r = d["rect"]
        shape = m.Rect(float(r["x"]), float(r["y"]), float(r["w"]), float(r["h"]))
    else:
        shape = m.Polygon(tuple((float(x), float(y)) for x, y in d["polygon"]))
    frames = tuple(d["frames"]) if "frames" in d else None
    return m.Region(d["id"], shape, d.get("label", ""), frames)


def _question(d: dict[str, Any]) -> m.Question:
    qtype = m.QuestionType(d["type"])
    key = d["key"]
    caliper = None
    if qtype is m.QuestionType.CALIPER:
        ends = key.get("endpoints")
        caliper = m.CaliperKey(
            value=float(key["value"]),
            unit=key["unit"],
            tolerance=float(key["tolerance"]),
            tolerance_kind=m.ToleranceKind(key.get("tolerance_kind", "absolute")),
            decimals=int(key.get("decimals", 1)),
            endpoints=(tuple(ends[0]), tuple(ends[1])) if ends else None,
            axis=key.get("axis", "distance"),
        )
        key_ids: tuple[str, ...] = ()
    else:
        key_ids = (key,) if isinstance(key, str) else tuple(key)
    image = d.get("image")
    image_ref = None
    if isinstance(image, str):
        image_ref = m.ImageRef(image)
    elif isinstance(image, dict):
        image_ref = m.ImageRef(image["media"], image.get("frame"))
    partial_rule = None
    if qtype is m.QuestionType.ORDERING and d.get("scoring") == "partial":
        partial_rule = m.OrderingPartialRule(d.get("partial_rule", "longest_ordered_subsequence"))
    return m.Question(
        id=d["id"],
        type=qtype,
        stem=d["stem"],
        points=float(d["points"]),
        domain=d["domain"],
        rationale=d["rationale"],
        scoring=m.ScoringRule(d.get("scoring", "all_or_nothing")),
        options=tuple(
            m.Option(o["id"], o["text"], _state(o.get("sets_state"))) for o in d.get("options", ())
        ),
        allow_not_possible=bool(d.get("allow_not_possible", False)),
        key=key_ids,
        partial_rule=partial_rule,
        constraints=tuple((a, b) for a, b in d.get("constraints", ())),
        image=image_ref,
        regions=tuple(_region(r) for r in d.get("regions", ())),
        markers=int(d.get("markers", 1)),
        caliper=caliper,
        time_limit_s=parse_time(d["time_limit"]) if "time_limit" in d else None,
    )


def _iter_steps(data: dict[str, Any]) -> Iterator[m.Step]:
    for s in data["steps"]:
        cps = tuple(
            m.Checkpoint(
                id=c["id"],
                time_s=parse_time(c["at"]) if "at" in c else None,
                frame=c.get("frame"),
                questions=tuple(c["questions"]),
                title=c.get("title", ""),
            )
            for c in s.get("checkpoints", ())
        )
        yield m.Step(
            id=s["id"],
            type=m.StepType(s["type"]),
            title=s.get("title", ""),
            media=s.get("media"),
            checkpoints=cps,
            clips=tuple(s.get("clips", ())),
            questions=tuple(s.get("questions", ())),
            image=s.get("image"),
            instructions=s.get("instructions", ""),
            sets_state=_state(s.get("sets_state")),
            next=_next(s.get("next")),
        )


def _build(
    data: dict[str, Any],
    case_path: Path,
    content_root: Path,
    checker: SemanticChecker | _SealedFacts,
) -> m.Case:
    return m.Case(
        schema_version=int(data["schema_version"]),
        meta=_meta(data["case"]),
        settings=_settings(data["settings"]),
        media=tuple(_media_item(item, checker) for item in data["media"]),
        steps=tuple(_iter_steps(data)),
        questions=tuple(_question(q) for q in data["questions"]),
        source=case_path if isinstance(checker, _SealedFacts) else case_path.resolve(),
        content_root=content_root,
        initial_state=_state(data.get("initial_state")),
    )


def _meta(c: dict[str, Any]) -> m.CaseMeta:
    return m.CaseMeta(
        id=c["id"],
        title=c["title"],
        clinical_area=m.ClinicalArea(c["clinical_area"]),
        version=str(c["version"]),
        authors=tuple(c["authors"]),
        estimated_minutes=float(c["estimated_minutes"]),
        domains=tuple(m.Domain(d["id"], d["title"]) for d in c["domains"]),
        summary=c.get("summary", ""),
    )


def _settings(st: dict[str, Any]) -> m.Settings:
    return m.Settings(
        time_limit_s=parse_time(st["time_limit"]),
        navigation=m.Navigation(st.get("navigation", "forward_only")),
        clip_replay_limit=st.get("clip_replay_limit"),
        captions_on=bool(st.get("captions_on", True)),
        mode=m.Mode(st.get("mode", "exam")),
        pass_mark=float(st["pass_mark"]) / 100.0,
        checkpoint_time_limit_s=parse_time(st["checkpoint_time_limit"])
        if "checkpoint_time_limit" in st
        else None,
    )


def _media_item(item: dict[str, Any], checker: SemanticChecker | _SealedFacts) -> m.MediaItem:
    """A media entry, with its resolved files and what the probe measured (frame rate, size)."""
    info = checker.media_info.get(item["id"])
    return m.MediaItem(
        id=item["id"],
        kind=m.MediaKind(item["kind"]),
        file=checker.resolved[item["file"]],
        title=item.get("title", ""),
        captions=checker.resolved.get(item["captions"]) if "captions" in item else None,
        transcript=item.get("transcript", ""),
        narrator=item.get("narrator", ""),
        loop=bool(item.get("loop", item["kind"] == "cine")),
        frame_rate=(info.frame_rate if info and info.frame_rate else item.get("frame_rate")),
        frame_times=(
            clip_timeline(info, item.get("frame_rate")).picture_times if info is not None else None
        ),
        calibration=_calibration(item.get("calibration")),
        width=info.width if info else None,
        height=info.height if info else None,
        replay_limit=item.get("replay_limit"),
    )
