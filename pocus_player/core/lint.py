"""Lint: warnings about a valid case that will probably not work as its author meant.

`lint_case(case, source, probe)` returns `Problem(severity="warning")` objects,
each at the line and column of the YAML that causes it (caption problems point
into the caption file, at the cue's line). The checks:

- a checkpoint less than `CHECKPOINT_END_MARGIN_S` before the end of its media
  (the player may reach the end before it can stop there);
- caption cues that overlap, or that run past the end of the media;
- spoken media (or any media with sound that a segment plays) without captions,
  and caption files without a single cue;
- hotspot regions reaching outside the image, a caliper key outside the image;
- a clip whose container declares another picture size than its stream decodes to;
- keys that cannot earn full marks when scored as a response;
- branch rules no response can take: a state value nothing before the branch
  sets, conditions on options that cannot all be chosen (two different single
  answers, "not possible" with another option, options of a question that
  selects none, a correctness that contradicts the selected options), or two
  different values for one state name;
- an option text repeated within a question.

Media durations and image sizes come from an injected `MediaProbe` (or from
`MediaItem.width/height` when the loader already probed); without a probe the
checks that need a duration are skipped.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from pocus_player.core import branching, scoring
from pocus_player.core.captions import CaptionError, CaptionTrack, cues_overlapping, load_captions
from pocus_player.core.errors import CaseValidationError, Problem, ResponseError
from pocus_player.core.frame_timeline import clip_timeline
from pocus_player.core.geometry import CalibrationError
from pocus_player.core.media_info import MediaInfo, MediaProbe, MediaProbeError
from pocus_player.core.model import (
    NOT_POSSIBLE,
    BranchRule,
    Case,
    Circle,
    Condition,
    MediaItem,
    MediaKind,
    Polygon,
    Question,
    QuestionType,
    Rect,
    Region,
    StepType,
)
from pocus_player.core.yaml_source import JsonPath, Located, YamlSourceError, load_located

log = logging.getLogger(__name__)

CHECKPOINT_END_MARGIN_S = 0.5
"""A checkpoint closer than this to its media's end risks the media ending first."""

MAX_ENUMERATED_OPTIONS = 12
"""Multiple-response questions with more options are not enumerated (2**n responses)."""

WARNING = "warning"


def lint_case(
    case: Case,
    located_or_path: Located | str | Path | None = None,
    probe: MediaProbe | None = None,
    *,
    probe_cache: dict[Path, MediaInfo | MediaProbeError] | None = None,
) -> list[Problem]:
    """Every lint warning of a loaded case, in file order.

    `located_or_path` locates the warnings: the `Located` the case was parsed
    from, or the script's path (read again here); None reads `case.source`.
    """
    located = _locate(case, located_or_path)
    linter = _Linter(case, located, probe, probe_cache if probe_cache is not None else {})
    linter.run()
    return sorted(
        linter.problems, key=lambda p: (str(p.path) != str(case.source), str(p.path), p.line, p.col)
    )


def _locate(case: Case, source: Located | str | Path | None) -> Located | None:
    if isinstance(source, Located):
        return source
    path = Path(source) if source is not None else case.source
    try:
        text = path.read_text(encoding="utf-8-sig")
        return load_located(text)
    except (OSError, UnicodeDecodeError, YamlSourceError, CaseValidationError) as exc:
        # Warnings are still useful without positions; they then point at the file.
        log.info("lint: cannot re-read %s for positions: %s", path, exc)
        return None


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _shape_bounds(shape: Circle | Rect | Polygon) -> tuple[float, float, float, float]:
    if isinstance(shape, Circle):
        return (shape.cx - shape.r, shape.cy - shape.r, shape.cx + shape.r, shape.cy + shape.r)
    if isinstance(shape, Rect):
        xs = sorted((shape.x, shape.x + shape.w))
        ys = sorted((shape.y, shape.y + shape.h))
        return (xs[0], ys[0], xs[1], ys[1])
    xs = [p[0] for p in shape.points]
    ys = [p[1] for p in shape.points]
    return (min(xs), min(ys), max(xs), max(ys))


class _Linter:
    def __init__(
        self,
        case: Case,
        located: Located | None,
        probe: MediaProbe | None,
        cache: dict[Path, MediaInfo | MediaProbeError],
    ) -> None:
        self.case = case
        self.loc = located
        self.probe = probe
        self.cache = cache
        self.problems: list[Problem] = []
        self.media_index = {m.id: i for i, m in enumerate(case.media)}
        self.question_index = {q.id: i for i, q in enumerate(case.questions)}
        self.step_index = {s.id: i for i, s in enumerate(case.steps)}

    # -- reporting ------------------------------------------------------------------------

    def warn(self, path: JsonPath, message: str, *, key: bool = False) -> None:
        line, col = self.loc.where(path, key=key) if self.loc is not None else (0, 0)
        self.problems.append(Problem(self.case.source, line, col, message, WARNING))

    def warn_file(self, file: Path, line: int, message: str) -> None:
        self.problems.append(Problem(file, line, 1 if line else 0, message, WARNING))

    def run(self) -> None:
        self.check_media()
        self.check_checkpoints()
        self.check_questions()
        self.check_branches()

    # -- media facts ----------------------------------------------------------------------

    def info(self, item: MediaItem) -> MediaInfo | None:
        if self.probe is None and item.file not in self.cache:
            return None
        cached = self.cache.get(item.file)
        if cached is None:
            assert self.probe is not None
            try:
                cached = self.probe.probe(item.file)
            except MediaProbeError as exc:
                cached = exc
            self.cache[item.file] = cached
        return cached if isinstance(cached, MediaInfo) else None

    def image_size(self, item: MediaItem) -> tuple[int, int] | None:
        if item.width and item.height:
            return (item.width, item.height)
        info = self.info(item)
        if info is not None and info.width and info.height:
            return (info.width, info.height)
        return None

    def captions(self, item: MediaItem) -> CaptionTrack | None:
        if item.captions is None:
            return None
        try:
            return load_captions(item.captions)
        except CaptionError:
            return None  # the loader reports unreadable caption files as errors

    # -- checks ---------------------------------------------------------------------------

    def check_media(self) -> None:
        played = {s.media for s in self.case.steps if s.type is StepType.SEGMENT}
        for i, item in enumerate(self.case.media):
            here: JsonPath = ("media", i)
            info = self.info(item)
            if info is not None and info.container_width and info.container_height:
                self.warn(
                    (*here, "file"),
                    f"{item.file.name} declares {info.container_width}x{info.container_height} "
                    f"pictures but its stream decodes to {info.width}x{info.height}; regions, "
                    f"calipers and frames use {info.width}x{info.height} (re-export the clip so "
                    "the two agree)",
                )
            track = self.captions(item)
            if item.captions is None:
                spoken = item.kind in (MediaKind.NARRATION, MediaKind.ENCOUNTER_VIDEO)
                audible = info is not None and info.has_audio and item.id in played
                if spoken or audible:
                    why = "is spoken" if spoken else "has a sound track and is played as a segment"
                    self.warn(
                        (*here, "id"),
                        f"media {item.id!r} {why} but has no captions; add a WebVTT or SRT file "
                        "so candidates who cannot hear it can follow",
                    )
                continue
            if track is None:
                continue
            if not track.cues:
                self.warn(
                    (*here, "captions"),
                    f"captions of {item.id!r} contain no cues; nothing will be shown",
                )
                continue
            for a, b in cues_overlapping(track):
                self.warn_file(
                    track.path,
                    b.line,
                    f"cue {b.index + 1} ({b.start_s:.3f}-{b.end_s:.3f} s) overlaps cue "
                    f"{a.index + 1} ({a.start_s:.3f}-{a.end_s:.3f} s); both show at once",
                )
            if info is not None and info.duration_s > 0:
                for cue in track.cues:
                    if cue.end_s > info.duration_s:
                        self.warn_file(
                            track.path,
                            cue.line,
                            f"cue {cue.index + 1} ends at {cue.end_s:.3f} s, after "
                            f"{item.file.name} ends ({info.duration_s:.3f} s)",
                        )

    def check_checkpoints(self) -> None:
        for si, step in enumerate(self.case.steps):
            if step.type is not StepType.SEGMENT or step.media is None:
                continue
            item = self.case.media_by_id(step.media)
            info = self.info(item)
            if info is None or info.duration_s <= 0:
                continue
            fps = item.frame_rate or info.frame_rate
            timeline = clip_timeline(info, item.frame_rate)
            for ci, cp in enumerate(step.checkpoints):
                if cp.frame is not None and not fps:
                    continue
                t = cp.target_time(timeline)
                left = info.duration_s - t
                if 0 <= left < CHECKPOINT_END_MARGIN_S:
                    field = "frame" if cp.frame is not None else "at"
                    self.warn(
                        ("steps", si, "checkpoints", ci, field),
                        f"checkpoint {cp.id!r} at {t:.3f} s is only {left:.3f} s before "
                        f"{item.file.name} ends ({info.duration_s:.3f} s); leave at least "
                        f"{CHECKPOINT_END_MARGIN_S} s so playback stops on it reliably",
                    )

    def check_questions(self) -> None:
        for qi, q in enumerate(self.case.questions):
            base: JsonPath = ("questions", qi)
            seen: dict[str, int] = {}
            for oi, option in enumerate(q.options):
                norm = _norm(option.text)
                if norm in seen:
                    self.warn(
                        (*base, "options", oi, "text"),
                        f"option {option.id!r} repeats the text of option "
                        f"{q.options[seen[norm]].id!r} in question {q.id!r}",
                    )
                else:
                    seen[norm] = oi
            if q.type in (QuestionType.HOTSPOT, QuestionType.CALIPER):
                self.check_image_bounds(base, q)
            self.check_key_scores(base, q)

    def check_image_bounds(self, base: JsonPath, q: Question) -> None:
        if q.image is None:
            return
        try:
            item = self.case.media_by_id(q.image.media)
        except KeyError:
            return
        size = self.image_size(item)
        if size is None:
            return
        w, h = size
        for ri, region in enumerate(q.regions):
            if region_outside(region, w, h):
                x0, y0, x1, y1 = _shape_bounds(region.shape)
                self.warn(
                    (*base, "regions", ri),
                    f"region {region.id!r} reaches outside the {w}x{h} image of {item.id!r} "
                    f"(its extent is x {x0:g}..{x1:g}, y {y0:g}..{y1:g})",
                )
        if q.caliper is not None and q.caliper.endpoints is not None:
            for x, y in q.caliper.endpoints:
                if not (0 <= x <= w and 0 <= y <= h):
                    self.warn(
                        (*base, "key", "endpoints"),
                        f"caliper endpoint ({x:g}, {y:g}) lies outside the {w}x{h} image "
                        f"of {item.id!r}",
                    )
                    break

    def check_key_scores(self, base: JsonPath, q: Question) -> None:
        response = scoring.key_response(q)
        if not response:
            return  # a caliper key without reference endpoints: nothing to score
        calibration = None
        if q.image is not None and q.image.media in self.media_index:
            calibration = self.case.media_by_id(q.image.media).calibration
        try:
            result = scoring.score(q, response, calibration)
        except (ResponseError, CalibrationError) as exc:
            self.warn((*base, "key"), f"the key of {q.id!r} cannot be scored: {exc}")
            return
        if not result.correct:
            if q.type is QuestionType.CALIPER:
                d = result.detail
                message = (
                    f"the key's endpoints measure {d.get('measured')} {d.get('unit')}, not "
                    f"{d.get('expected')} ± {d.get('allowed')}: a candidate who measures "
                    "exactly there is marked wrong"
                )
            else:
                message = (
                    f"answering with the key of {q.id!r} does not earn full marks "
                    f"(rule {result.rule}); check its regions' frames and markers"
                )
            self.warn((*base, "key"), message)

    # -- branches -------------------------------------------------------------------------

    def predecessors(self) -> dict[str, set[str]]:
        """For each step, the steps that can come before it (not itself)."""
        edges: dict[str, set[str]] = {}
        steps = self.case.steps
        for pos, step in enumerate(steps):
            targets = {r.goto for r in step.next.rules}
            if step.next.default is not None:
                targets.add(step.next.default)
            elif pos + 1 < len(steps):
                targets.add(steps[pos + 1].id)
            edges[step.id] = {t for t in targets if t in self.step_index}
        before: dict[str, set[str]] = {s.id: set() for s in steps}
        for src in edges:
            stack = list(edges[src])
            seen: set[str] = set()
            while stack:
                node = stack.pop()
                if node in seen:
                    continue
                seen.add(node)
                before[node].add(src)
                stack.extend(edges.get(node, ()))
        return before

    def state_writers(self, step_ids: Iterable[str]) -> set[tuple[str, str]]:
        """Every (name, value) the given steps, their questions' options or the start can set."""
        values = set(self.case.initial_state)
        for sid in step_ids:
            step = self.case.step_by_id(sid)
            values.update(step.sets_state)
            for qid in branching.step_questions(step):
                for option in self.case.question_by_id(qid).display_options:
                    values.update(option.sets_state)
        return values

    def check_branches(self) -> None:
        before = self.predecessors()
        for si, step in enumerate(self.case.steps):
            available = self.state_writers({step.id, *before[step.id]})
            for ri, rule in enumerate(step.next.rules):
                path: JsonPath = ("steps", si, "next", "rules", ri)
                reason = self.impossible(rule, available)
                if reason:
                    self.warn(
                        (*path, "when"),
                        f"no response can take the branch to {rule.goto!r}: {reason}",
                    )

    def impossible(self, rule: BranchRule, available: set[tuple[str, str]]) -> str | None:
        wanted: dict[str, str] = {}
        for cond in rule.when:
            for name, value in cond.state:
                if name in wanted and wanted[name] != value:
                    return f"it needs {name} to be both {wanted[name]!r} and {value!r}"
                wanted[name] = value
                if (name, value) not in available:
                    setters = sorted(v for n, v in available if n == name)
                    also = f" (only {', '.join(map(repr, setters))})" if setters else ""
                    return (
                        f"nothing before this branch sets {name} to {value!r}{also}; "
                        "set it with sets_state on an option or a step"
                    )
        by_question: dict[str, list[Condition]] = {}
        for cond in rule.when:
            if cond.question is not None:
                by_question.setdefault(cond.question, []).append(cond)
        for qid, conds in by_question.items():
            try:
                q = self.case.question_by_id(qid)
            except KeyError:
                continue
            reason = self.unanswerable(q, conds)
            if reason:
                return reason
        return None

    def unanswerable(self, q: Question, conds: list[Condition]) -> str | None:
        """Why no response to `q` satisfies every condition, or None when one does."""
        verdicts = {c.correct for c in conds if c.correct is not None}
        if len(verdicts) > 1:
            return f"it needs {q.id!r} to be both correct and incorrect"
        if not any(c.selected_any for c in conds):
            return None  # correctness alone: full marks and zero are both reachable
        if q.type not in (QuestionType.SINGLE_BEST_ANSWER, QuestionType.MULTIPLE_RESPONSE):
            return f"{q.id!r} is a {q.type.value} question; its responses select no options"
        ids = [o.id for o in q.display_options]
        responses: Iterable[Mapping[str, object]]
        if q.type is QuestionType.SINGLE_BEST_ANSWER:
            responses = [{"choice": i} for i in ids]
        else:
            if len(ids) > MAX_ENUMERATED_OPTIONS:
                return None
            plain = [i for i in ids if i != NOT_POSSIBLE]
            subsets = (
                list(c) for r in range(1, len(plain) + 1) for c in itertools.combinations(plain, r)
            )
            extra = [[NOT_POSSIBLE]] if NOT_POSSIBLE in ids else []
            responses = [{"choices": s} for s in itertools.chain(subsets, extra)]
        for response in responses:
            result = scoring.score(q, response)
            chosen = set(branching.chosen_options(response))
            if all(
                (not c.selected_any or chosen & set(c.selected_any))
                and (c.correct is None or result.correct == c.correct)
                for c in conds
            ):
                return None
        sets = [sorted(c.selected_any) for c in conds if c.selected_any]
        if len(sets) > 1:
            what = " and ".join("one of " + ", ".join(s) for s in sets)
            return f"{q.id!r} cannot have {what} chosen together"
        correct = next((c.correct for c in conds if c.correct is not None), None)
        verdict = "correct" if correct else "incorrect"
        return f"choosing {', '.join(sets[0])} in {q.id!r} never makes it {verdict}"


def region_outside(region: Region, width: int, height: int) -> bool:
    """True when any part of the region lies outside a width x height image."""
    x0, y0, x1, y1 = _shape_bounds(region.shape)
    return x0 < 0 or y0 < 0 or x1 > width or y1 > height


# -- responses that take a branch (the preview's "take branch") ----------------------------------

MAX_BRANCH_COMBINATIONS = 20000


def candidate_responses(question: Question) -> list[dict[str, object]]:
    """A spread of responses to try for `question`: the key first, then the others, then none."""
    key = scoring.key_response(question)
    out: list[dict[str, object]] = [key] if key else []
    if question.type is QuestionType.SINGLE_BEST_ANSWER:
        out += [{"choice": o.id} for o in question.display_options if {"choice": o.id} != key]
    elif question.type is QuestionType.MULTIPLE_RESPONSE:
        plain = [o.id for o in question.options]
        if len(plain) <= MAX_ENUMERATED_OPTIONS:
            for r in range(1, len(plain) + 1):
                for combo in itertools.combinations(plain, r):
                    response: dict[str, object] = {"choices": list(combo)}
                    if response != key:
                        out.append(response)
        if question.allow_not_possible:
            out.append({"choices": [NOT_POSSIBLE]})
    elif question.type is QuestionType.ORDERING and len(question.key) > 1:
        out.append({"order": list(reversed(question.key))})
    out.append({})
    return out


def satisfying_responses(
    case: Case,
    rules: tuple[BranchRule, ...],
    rule_index: int | None,
    open_questions: list[Question],
    responses: Mapping[str, Mapping[str, object]],
    results: Mapping[str, scoring.ScoreResult],
    state: Mapping[str, str],
) -> dict[str, dict[str, object]] | None:
    """Responses to the open questions under which the first matching rule is `rules[rule_index]`.

    `rule_index` None asks for no rule to match (the default or following step).
    `responses`, `results` and `state` are what earlier checkpoints left. Returns
    None when no combination of answers gets there (it depends on earlier answers).
    """
    choices = [candidate_responses(q) for q in open_questions]
    for n, combo in enumerate(itertools.product(*choices)):
        if n >= MAX_BRANCH_COMBINATIONS:
            break
        now_responses = dict(responses)
        now_results = dict(results)
        now_state = dict(state)
        for q, response in zip(open_questions, combo, strict=True):
            calibration = case.media_by_id(q.image.media).calibration if q.image else None
            try:
                now_results[q.id] = scoring.score(q, response, calibration)
            except (ResponseError, CalibrationError):
                break
            now_responses[q.id] = response
            branching.apply_state(now_state, branching.option_state_changes(q, response))
        else:
            first = next(
                (
                    i
                    for i, rule in enumerate(rules)
                    if branching.rule_matches(rule, now_results, now_responses, now_state)
                ),
                None,
            )
            if first == rule_index:
                return {q.id: dict(r) for q, r in zip(open_questions, combo, strict=True)}
    return None
