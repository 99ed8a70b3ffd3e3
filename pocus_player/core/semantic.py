"""Checks a JSON Schema cannot express: ids, references, reachability, keys, files and times.

The checker works on the raw parsed data, defensively: whatever the schema
already reported as malformed is skipped here, so the two sets of problems
can be shown together. Media facts come from an injected `MediaProbe`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from pocus_player.core.errors import Problem
from pocus_player.core.frame_timeline import FrameTimeline
from pocus_player.core.media_info import MediaInfo, MediaProbe, MediaProbeError
from pocus_player.core.model import END, NOT_POSSIBLE
from pocus_player.core.timecode import parse_time
from pocus_player.core.yaml_source import JsonPath, Located

log = logging.getLogger(__name__)

TIMED_KINDS = {"narration", "encounter_video", "cine", "mmode"}
IMAGE_KINDS = {"still", "mmode", "cine", "encounter_video"}
SPOKEN_KINDS = {"narration", "encounter_video"}
REVIEW_KINDS = {"cine", "mmode", "still", "encounter_video"}
CAPTION_SUFFIXES = {".vtt", ".srt"}


def _dicts(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item


def _strs(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _is_gif(path: Path) -> bool:
    """A GIF's frame numbers are ticks of its frame rate, not its pictures."""
    try:
        with path.open("rb") as fh:
            return fh.read(6) in (b"GIF87a", b"GIF89a")
    except OSError:
        return False


def _polygon_area(points: Any) -> float | None:
    """The area of a list of [x, y] points (shoelace), None when they are not numbers."""
    if not isinstance(points, list) or len(points) < 3:
        return None
    xy: list[tuple[float, float]] = []
    for p in points:
        if not (
            isinstance(p, list)
            and len(p) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in p)
        ):
            return None
        xy.append((float(p[0]), float(p[1])))
    twice = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(xy, xy[1:] + xy[:1], strict=True))
    return abs(twice) / 2.0


class SemanticChecker:
    """Runs once per load; afterwards `resolved` and `media_info` feed the model builder."""

    def __init__(
        self,
        located: Located,
        case_path: Path,
        content_root: Path,
        probe: MediaProbe | None,
        probe_cache: dict[Path, MediaInfo | MediaProbeError] | None = None,
    ) -> None:
        self.loc = located
        self.data: dict[str, Any] = located.data
        self.case_path = case_path
        self.case_dir = case_path.resolve().parent
        self.content_root = content_root.resolve()
        self.probe = probe
        self.probe_cache = probe_cache if probe_cache is not None else {}
        self.problems: list[Problem] = []
        self.resolved: dict[str, Path] = {}
        self.media_info: dict[str, MediaInfo] = {}
        self.media: dict[str, dict[str, Any]] = {}
        self.questions: dict[str, dict[str, Any]] = {}
        self.steps: dict[str, dict[str, Any]] = {}

    # -- reporting ------------------------------------------------------------------------

    def report(self, path: JsonPath, message: str, *, key: bool = False) -> None:
        line, col = self.loc.where(path, key=key)
        self.problems.append(Problem(self.case_path, line, col, message))

    def run(self) -> list[Problem]:
        self.check_time_limits()
        self.check_texts()
        self.check_ids()
        self.check_media()
        self.check_steps()
        self.check_questions()
        self.check_graph()
        return self.problems

    # -- time limits --------------------------------------------------------------------

    def check_time_limits(self) -> None:
        """A limit of zero would end the sitting (or the checkpoint) the moment it starts."""
        settings = self.data.get("settings")
        limits: list[tuple[JsonPath, Any]] = []
        if isinstance(settings, dict):
            for name in ("time_limit", "checkpoint_time_limit"):
                limits.append((("settings", name), settings.get(name)))
        for qi, q in _dicts(self.data.get("questions")):
            limits.append((("questions", qi, "time_limit"), q.get("time_limit")))
        for path, value in limits:
            if not isinstance(value, str):
                continue
            try:
                seconds = parse_time(value)
            except ValueError:
                continue  # the schema reports the format
            if seconds <= 0:
                self.report(
                    path,
                    f"{path[-1]} {value!r} is zero: every sitting would end the moment it "
                    "starts, with no points; give the time allowed (mm:ss)",
                )

    # -- ids ------------------------------------------------------------------------------

    def _unique(
        self, section: str, items: Any, base: JsonPath, what: str
    ) -> dict[str, dict[str, Any]]:
        seen: dict[str, dict[str, Any]] = {}
        for i, item in _dicts(items):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                first = self.loc.where((*base, self._index_of(items, seen[ident]), "id"))[0]
                self.report(
                    (*base, i, "id"), f"duplicate {what} id {ident!r} (first used at line {first})"
                )
            else:
                seen[ident] = item
        return seen

    @staticmethod
    def _index_of(items: list[Any], item: dict[str, Any]) -> int:
        return next(i for i, x in enumerate(items) if x is item)

    def check_ids(self) -> None:
        d = self.data
        raw_case = d.get("case")
        case = raw_case if isinstance(raw_case, dict) else {}
        self.domains = self._unique("domains", case.get("domains"), ("case", "domains"), "domain")
        self.media = self._unique("media", d.get("media"), ("media",), "media")
        self.steps = self._unique("steps", d.get("steps"), ("steps",), "step")
        self.questions = self._unique("questions", d.get("questions"), ("questions",), "question")
        if END in self.steps:
            i = self._index_of(d["steps"], self.steps[END])
            self.report(
                ("steps", i, "id"),
                f"{END!r} is reserved for the end of the case; choose another step id",
            )
        checkpoint_ids: dict[str, JsonPath] = {}
        for si, step in _dicts(d.get("steps")):
            for ci, cp in _dicts(step.get("checkpoints")):
                cid = cp.get("id")
                if isinstance(cid, str):
                    here: JsonPath = ("steps", si, "checkpoints", ci, "id")
                    if cid in checkpoint_ids:
                        first = self.loc.where(checkpoint_ids[cid])[0]
                        self.report(
                            here, f"duplicate checkpoint id {cid!r} (first used at line {first})"
                        )
                    else:
                        checkpoint_ids[cid] = here
        for qi, q in _dicts(d.get("questions")):
            for sub, what in (("options", "option"), ("regions", "region")):
                found = self._unique(sub, q.get(sub), ("questions", qi, sub), what)
                if sub == "options" and NOT_POSSIBLE in found:
                    oi = self._index_of(q["options"], found[NOT_POSSIBLE])
                    self.report(
                        ("questions", qi, "options", oi, "id"),
                        f"option id {NOT_POSSIBLE!r} is reserved; set allow_not_possible: true instead",
                    )

    # -- files and media ----------------------------------------------------------------

    def resolve(self, rel: str, path: JsonPath, what: str) -> Path | None:
        """Resolve a script-relative path, refusing anything outside the content root."""
        bad = next((ch for ch in rel if ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F), None)
        if bad is not None:
            self.report(
                path,
                f"{what} {rel!r} contains the control character U+{ord(bad):04X}; "
                "a file name cannot hold it",
            )
            return None
        if (
            PurePosixPath(rel).is_absolute()
            or PureWindowsPath(rel).is_absolute()
            or PureWindowsPath(rel).drive
        ):
            self.report(
                path, f"{what} {rel!r} is an absolute path; give a path relative to the case script"
            )
            return None
        if "\\" in rel:
            self.report(
                path, f"{what} {rel!r} uses backslashes; use '/' so the case works on every system"
            )
            return None
        target = (self.case_dir / rel).resolve()
        if not target.is_relative_to(self.content_root):
            self.report(
                path, f"{what} {rel!r} points outside the case's content folder {self.content_root}"
            )
            return None
        if not target.is_file():
            self.report(path, f"{what} {rel!r} not found (looked for {target})")
            return None
        self.resolved[rel] = target
        return target

    def _probe(self, target: Path) -> MediaInfo | MediaProbeError:
        cached = self.probe_cache.get(target)
        if cached is None:
            assert self.probe is not None
            try:
                cached = self.probe.probe(target)
            except MediaProbeError as exc:
                cached = exc
            self.probe_cache[target] = cached
        return cached

    def check_media(self) -> None:
        for i, item in _dicts(self.data.get("media")):
            kind = item.get("kind") if isinstance(item.get("kind"), str) else None
            rel = item.get("file")
            mid = item.get("id")
            if not isinstance(rel, str) or not rel:
                continue
            target = self.resolve(rel, ("media", i, "file"), "media file")
            cap = item.get("captions")
            if isinstance(cap, str) and cap:
                self.check_caption_file(i, cap, target, mid)
            elif kind in SPOKEN_KINDS and "captions" not in item:
                self.report(
                    ("media", i, "id"),
                    f"spoken media {mid!r} needs a captions file (WebVTT or SRT)",
                )
            if kind == "still" and "loop" in item:
                self.report(("media", i, "loop"), "a still image cannot loop")
            if target is None or self.probe is None or not isinstance(mid, str):
                continue
            info = self._probe(target)
            if isinstance(info, MediaProbeError):
                self.report(("media", i, "file"), f"media file {rel!r} cannot be used: {info}")
                continue
            self.media_info[mid] = info
            if kind in ("cine", "encounter_video") and not info.has_video:
                self.report(("media", i, "file"), f"{kind} {rel!r} has no video track")
            if kind == "narration" and not info.has_audio:
                self.report(("media", i, "file"), f"narration {rel!r} has no audio track")
            if kind == "still" and info.duration_s > 0:
                self.report(
                    ("media", i, "kind"), f"{rel!r} is a video, not a still image; use kind 'cine'"
                )

    def check_caption_file(self, i: int, rel: str, media_target: Path | None, mid: Any) -> None:
        path: JsonPath = ("media", i, "captions")
        if Path(rel).suffix.lower() not in CAPTION_SUFFIXES:
            self.report(path, f"captions {rel!r} must be a WebVTT (.vtt) or SRT (.srt) file")
            return
        target = self.resolve(rel, path, "captions file")
        if target is None:
            return
        from pocus_player.core import captions  # local: keeps loading cheap for caption-less cases

        try:
            track = captions.load_captions(target)
        except captions.CaptionError as exc:
            for problem in exc.errors:
                at = f" line {problem.line}" if problem.line else ""
                self.report(path, f"captions {rel!r}{at}: {problem.message}")
            return
        if media_target is not None and self.probe is not None:
            info = self._probe(media_target)
            if isinstance(info, MediaInfo) and info.duration_s > 0:
                for cue in captions.cues_past(track, info.duration_s):
                    self.report(
                        path,
                        f"captions {rel!r}: cue {cue.index} ends at {cue.end_s:.3f} s, "
                        f"after the media ends ({info.duration_s:.3f} s)",
                    )

    # -- steps and checkpoints ----------------------------------------------------------

    def _media_ref(
        self, path: JsonPath, mid: Any, kinds: set[str], role: str
    ) -> dict[str, Any] | None:
        if not isinstance(mid, str):
            return None
        item = self.media.get(mid)
        if item is None:
            self.report(path, f"{role} refers to unknown media {mid!r}")
            return None
        if not isinstance(item.get("kind"), str) or item["kind"] not in kinds:
            self.report(
                path,
                f"{role} {mid!r} is a {item.get('kind')}; expected one of {', '.join(sorted(kinds))}",
            )
            return None
        return item

    def check_steps(self) -> None:
        self.question_uses: dict[str, list[JsonPath]] = {}
        for si, step in _dicts(self.data.get("steps")):
            base: JsonPath = ("steps", si)
            item = self._media_ref(
                (*base, "media"), step.get("media"), TIMED_KINDS, "segment media"
            )
            if step.get("type") == "segment" and "questions" in step:
                self.report(
                    (*base, "questions"),
                    "a segment asks its questions at checkpoints; move them there",
                )
            for ci, clip in enumerate(_strs(step.get("clips"))):
                self._media_ref((*base, "clips", ci), clip, REVIEW_KINDS, "review clip")
            self._media_ref((*base, "image"), step.get("image"), {"still", "mmode"}, "step image")
            for qi, qid in enumerate(_strs(step.get("questions"))):
                self.question_uses.setdefault(qid, []).append((*base, "questions", qi))
            self.check_checkpoints(base, step, item)

    def check_checkpoints(
        self, base: JsonPath, step: dict[str, Any], item: dict[str, Any] | None
    ) -> None:
        info = self.media_info.get(step.get("media", "")) if item else None
        fps = (info.frame_rate if info else None) or (item or {}).get("frame_rate")
        last_t = -1.0
        for ci, cp in _dicts(step.get("checkpoints")):
            here: JsonPath = (*base, "checkpoints", ci)
            for qi, qid in enumerate(_strs(cp.get("questions"))):
                self.question_uses.setdefault(qid, []).append((*here, "questions", qi))
            t: float | None = None
            if isinstance(cp.get("at"), str):
                try:
                    t = parse_time(cp["at"])
                except ValueError:
                    continue  # the schema reports the format
                where: JsonPath = (*here, "at")
            elif isinstance(cp.get("frame"), int) and not isinstance(cp.get("frame"), bool):
                where = (*here, "frame")
                if not isinstance(fps, (int, float)) or fps <= 0:
                    if item is not None and info is None and self.probe is None:
                        continue  # no probe, no authored rate: nothing to compare
                    self.report(
                        where,
                        "a frame-numbered checkpoint needs the media's frame rate "
                        "(the file does not state one; set frame_rate on the media item)",
                    )
                    continue
                frame = cp["frame"]
                times = self._picture_times(item, info)
                # the picture's own time (a variable rate is uneven), else frame / fps
                timeline = FrameTimeline(float(fps), times)
                if times:
                    if frame >= len(times):
                        self.report(
                            where,
                            f"frame {frame} is past the last frame of "
                            f"{item.get('file') if item else 'the media'} ({len(times) - 1})",
                        )
                        continue
                t = timeline.frame_to_s(frame)
            else:
                continue
            if t <= last_t:
                self.report(where, "checkpoints must be in time order, each after the one before")
            last_t = max(last_t, t)
            if info is not None and info.duration_s > 0 and t >= info.duration_s:
                self.report(
                    where,
                    f"checkpoint at {t:.3f} s is at or past the end of "
                    f"{item.get('file') if item else 'the media'} ({info.duration_s:.3f} s)",
                )

    def _picture_times(
        self, item: dict[str, Any] | None, info: MediaInfo | None
    ) -> tuple[float, ...] | None:
        """Each frame's time when frames are the file's pictures (not a GIF's ticks)."""
        if item is None or info is None or not info.frame_times or info.frames_are_ticks:
            return None
        target = self.resolved.get(item.get("file", ""))
        if target is None or _is_gif(target):
            return None
        return info.frame_times

    # -- questions ------------------------------------------------------------------------

    def check_questions(self) -> None:
        for qid, uses in self.question_uses.items():
            if qid not in self.questions:
                for use in uses:
                    self.report(use, f"unknown question {qid!r}")
            elif len(uses) > 1:
                first = self.loc.where(uses[0])[0]
                for use in uses[1:]:
                    self.report(
                        use,
                        f"question {qid!r} is already asked at line {first}; each question is asked once",
                    )
        for qi, q in _dicts(self.data.get("questions")):
            base: JsonPath = ("questions", qi)
            asked_id = q.get("id")
            if (
                isinstance(asked_id, str)
                and asked_id not in self.question_uses
                and asked_id in self.questions
            ):
                self.report(
                    (*base, "id"),
                    f"question {asked_id!r} is never asked (no checkpoint or step lists it)",
                )
            dom = q.get("domain")
            if isinstance(dom, str) and self.domains and dom not in self.domains:
                self.report((*base, "domain"), f"unknown domain {dom!r}; add it to case.domains")
            self.check_key(base, q)

    def check_key(self, base: JsonPath, q: dict[str, Any]) -> None:
        qtype = q.get("type")
        key = q.get("key")
        option_ids = [o["id"] for _, o in _dicts(q.get("options")) if isinstance(o.get("id"), str)]
        region_ids = [r["id"] for _, r in _dicts(q.get("regions")) if isinstance(r.get("id"), str)]
        allowed = option_ids + ([NOT_POSSIBLE] if q.get("allow_not_possible") else [])
        kpath: JsonPath = (*base, "key")
        if qtype in ("single_best_answer", "multiple_response"):
            for i, k in enumerate(_strs(key)):
                if k not in allowed:
                    hint = (
                        " (set allow_not_possible: true to offer it)" if k == NOT_POSSIBLE else ""
                    )
                    self.report(
                        (*kpath, i) if isinstance(key, list) else kpath,
                        f"key {k!r} is not an option of this question{hint}",
                    )
            if isinstance(key, list) and len(set(_strs(key))) != len(key):
                self.report(kpath, "the key names an option twice")
            if isinstance(key, list) and NOT_POSSIBLE in key and len(key) > 1:
                self.report(
                    kpath, f"{NOT_POSSIBLE!r} excludes every other option; it cannot share the key"
                )
        elif qtype == "ordering":
            if (
                isinstance(key, list)
                and option_ids
                and (len(_strs(key)) != len(key) or sorted(_strs(key)) != sorted(option_ids))
            ):
                self.report(kpath, "an ordering key must list every option exactly once")
            self.check_constraints(base, q, option_ids)
            if q.get("partial_rule") == "constraints" and not q.get("constraints"):
                self.report(
                    (*base, "partial_rule"), "partial_rule 'constraints' needs a constraints list"
                )
        elif qtype == "hotspot":
            for i, k in enumerate(_strs(key)):
                if k not in region_ids:
                    self.report((*kpath, i), f"key {k!r} is not a region of this question")
            self.check_image(base, q, need_calibration=False)
        elif qtype == "caliper":
            self.check_image(base, q, need_calibration=True)
            self.check_tolerance(base, key)
        if qtype not in ("single_best_answer", "multiple_response") and q.get("allow_not_possible"):
            self.report(
                (*base, "allow_not_possible"),
                "'not possible' is offered on single-best-answer and multiple-response questions",
            )
        if qtype != "hotspot" and "regions" in q:
            self.report((*base, "regions"), "regions are only used by hotspot questions")
        if qtype != "ordering":
            for name in ("partial_rule", "constraints"):
                if name in q:
                    self.report((*base, name), f"{name} is only used by ordering questions")
        elif "partial_rule" in q and q.get("scoring") != "partial":
            self.report(
                (*base, "partial_rule"),
                "partial_rule is only used with scoring: partial; add it or remove the rule",
            )
        for ri, region in _dicts(q.get("regions")):
            polygon = region.get("polygon")
            if _polygon_area(polygon) == 0.0:
                self.report(
                    (*base, "regions", ri, "polygon"),
                    "the polygon's points lie on one line: it has no area, so no point "
                    "can fall inside it",
                )
            frames = region.get("frames")
            if (
                isinstance(frames, list)
                and len(frames) == 2
                and all(isinstance(f, int) and not isinstance(f, bool) for f in frames)
                and frames[0] > frames[1]
            ):
                self.report(
                    (*base, "regions", ri, "frames"),
                    f"frames [{frames[0]}, {frames[1]}] end before they start; "
                    "give [first, last] with first <= last",
                )
        if qtype in ("hotspot", "caliper") and "options" in q:
            self.report((*base, "options"), f"{qtype} questions have no options")

    def check_tolerance(self, base: JsonPath, key: Any) -> None:
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
                self.report(
                    where,
                    f"a relative tolerance of {tolerance:g} accepts any measurement up to "
                    f"{1 + tolerance:g} times the value; relative tolerances are fractions "
                    "(0.1 is 10 %)",
                )
        elif value > 0 and tolerance >= value:
            self.report(
                where,
                f"a tolerance of {tolerance:g} is as large as the value {value:g}: a measurement "
                "of zero would be marked right",
            )

    def check_texts(self) -> None:
        """Text a candidate reads may not be blank (a schema `minLength` lets spaces through)."""
        places: list[tuple[JsonPath, Any]] = []
        case = self.data.get("case")
        if isinstance(case, dict):
            places.append((("case", "title"), case.get("title")))
            places.append((("case", "version"), case.get("version")))
            authors = case.get("authors")
            for ai, author in enumerate(authors if isinstance(authors, list) else []):
                places.append((("case", "authors", ai), author))
            for di, dom in _dicts(case.get("domains")):
                places.append((("case", "domains", di, "title"), dom.get("title")))
        for qi, q in _dicts(self.data.get("questions")):
            for name in ("stem", "rationale"):
                places.append((("questions", qi, name), q.get(name)))
            for oi, option in _dicts(q.get("options")):
                places.append((("questions", qi, "options", oi, "text"), option.get("text")))
        for path, value in places:
            if isinstance(value, str) and value and not value.strip():
                name = "an author" if path[-2:-1] == ("authors",) else str(path[-1])
                self.report(path, f"{name} is blank; write the text out")

    def check_constraints(self, base: JsonPath, q: dict[str, Any], option_ids: list[str]) -> None:
        """Each "a before b" pair names two different options in the key's order, once."""
        constraints = q.get("constraints")
        key = q.get("key")
        order = (
            {k: i for i, k in enumerate(key)}
            if isinstance(key, list) and sorted(_strs(key)) == sorted(option_ids)
            else {}
        )
        seen: dict[tuple[str, str], int] = {}
        for i, pair in enumerate(constraints if isinstance(constraints, list) else []):
            here: JsonPath = (*base, "constraints", i)
            names = _strs(pair)
            unknown = [k for k in names if k not in option_ids]
            for k in unknown:
                self.report(here, f"constraint names {k!r}, which is not an option")
            if unknown or len(names) != 2 or len(pair) != 2:
                continue
            a, b = names
            if a == b:
                self.report(
                    here,
                    f"constraint [{a}, {b}] cannot be met: an option cannot come before itself",
                )
                continue
            if (a, b) in seen:
                first = self.loc.where((*base, "constraints", seen[(a, b)]))[0]
                self.report(here, f"constraint [{a}, {b}] repeats the one at line {first}")
                continue
            seen[(a, b)] = i
            if order and order[a] > order[b]:
                self.report(
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
            self.report(
                (*base, "constraints"),
                "constraints are only scored with scoring: partial and partial_rule: "
                "constraints; add those or remove the constraints",
            )

    def check_image(self, base: JsonPath, q: dict[str, Any], need_calibration: bool) -> None:
        image = q.get("image")
        mid = (
            image
            if isinstance(image, str)
            else image.get("media")
            if isinstance(image, dict)
            else None
        )
        path: JsonPath = (*base, "image")
        item = self._media_ref(path, mid, IMAGE_KINDS, "question image")
        if item is None:
            return
        frame = image.get("frame") if isinstance(image, dict) else None
        kind = item.get("kind")
        if kind in ("cine", "encounter_video") and frame is None and need_calibration:
            self.report(
                path, f"measuring on clip {mid!r} needs a frame: image: {{media: {mid}, frame: N}}"
            )
        if kind == "still" and frame is not None:
            self.report((*path, "frame"), f"{mid!r} is a still image; it has no frames")
        info = self.media_info.get(mid) if isinstance(mid, str) else None
        count = 0
        if info and info.frame_rate and info.duration_s:
            pictures = self._picture_times(item, info)
            count = len(pictures) if pictures else int(info.duration_s * info.frame_rate + 1e-6)
        if count and isinstance(frame, int) and frame >= count:
            self.report(
                (*path, "frame"), f"frame {frame} is past the clip's last frame ({count - 1})"
            )
        for ri, region in _dicts(q.get("regions")) if count else ():
            frames = region.get("frames")
            if (
                isinstance(frames, list)
                and frames
                and isinstance(frames[0], int)
                and frames[0] >= count
            ):
                self.report(
                    (*base, "regions", ri, "frames"),
                    f"frames {frames} start past the clip's last frame ({count - 1})",
                )
        if need_calibration and not isinstance(item.get("calibration"), dict):
            self.report(
                path, f"caliper questions need a calibrated image; {mid!r} has no calibration"
            )
        if need_calibration and isinstance(q.get("key"), dict):
            unit = q["key"].get("unit")
            raw_cal = item.get("calibration")
            cal = raw_cal if isinstance(raw_cal, dict) else {}
            if unit in ("s", "ms") and "x_s_per_pixel" not in cal:
                self.report(
                    (*base, "key", "unit"),
                    f"a time measurement needs x_s_per_pixel in {mid!r}'s calibration",
                )
            if unit in ("s", "ms") and q["key"].get("axis") != "horizontal":
                self.report(
                    (*base, "key", "unit"),
                    "a time measurement is taken along the horizontal axis: set axis: horizontal",
                )

    # -- branching graph ------------------------------------------------------------------

    def check_graph(self) -> None:
        steps = [(i, s) for i, s in _dicts(self.data.get("steps")) if isinstance(s.get("id"), str)]
        if not steps:
            return
        order = [s["id"] for _, s in steps]
        edges: dict[str, list[str]] = {}
        asked_before: set[str] = set()
        for pos, (si, step) in enumerate(steps):
            sid = step["id"]
            following = order[pos + 1] if pos + 1 < len(order) else END
            targets: list[str] = []
            nxt = step.get("next")
            if isinstance(nxt, str):
                targets.append(self._target(("steps", si, "next"), nxt))
            elif isinstance(nxt, dict):
                for ri, rule in _dicts(nxt.get("rules")):
                    if isinstance(rule.get("goto"), str):
                        targets.append(
                            self._target(("steps", si, "next", "rules", ri, "goto"), rule["goto"])
                        )
                    self.check_conditions(
                        ("steps", si, "next", "rules", ri, "when"),
                        rule.get("when"),
                        asked_before | set(self._asked_in(step)),
                    )
                d = nxt.get("default")
                targets.append(
                    self._target(("steps", si, "next", "default"), d)
                    if isinstance(d, str)
                    else following
                )
            else:
                targets.append(following)
            asked_before |= set(self._asked_in(step))
            edges[sid] = [t for t in targets if t in self.steps or t == END]
        self._reachability(order, edges, steps)

    def _asked_in(self, step: dict[str, Any]) -> list[str]:
        asked = _strs(step.get("questions"))
        for _, cp in _dicts(step.get("checkpoints")):
            asked += _strs(cp.get("questions"))
        return asked

    def _target(self, path: JsonPath, target: str) -> str:
        if target != END and target not in self.steps:
            self.report(path, f"branch target {target!r} is not a step id (or 'end')")
        return target

    def check_conditions(self, path: JsonPath, when: Any, asked: set[str]) -> None:
        conds = (
            list(_dicts(when))
            if isinstance(when, list)
            else [(None, when)]
            if isinstance(when, dict)
            else []
        )
        for ci, cond in conds:
            here = (*path, ci) if ci is not None else path
            qid = cond.get("question")
            if isinstance(qid, str):
                if qid not in self.questions:
                    self.report(
                        (*here, "question"), f"condition refers to unknown question {qid!r}"
                    )
                    continue
                if qid not in asked:
                    self.report(
                        (*here, "question"),
                        f"condition looks at {qid!r}, which is not asked before this branch",
                    )
                q = self.questions[qid]
                opts = {o.get("id") for _, o in _dicts(q.get("options"))}
                if q.get("allow_not_possible"):
                    opts.add(NOT_POSSIBLE)
                for i, oid in enumerate(_strs(cond.get("selected_any"))):
                    if oid not in opts:
                        self.report(
                            (*here, "selected_any", i),
                            f"{oid!r} is not an option of question {qid!r}",
                        )
            elif "selected_any" in cond or "correct" in cond:
                self.report(here, "'selected_any' and 'correct' need a 'question'")

    def _reachability(
        self, order: list[str], edges: dict[str, list[str]], steps: list[tuple[int, dict[str, Any]]]
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
                self.report(
                    ("steps", index[sid], "id"),
                    f"step {sid!r} can never be reached from the first step",
                )
        # Cycles: colour DFS; a back edge means a case could loop forever.
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
                        self.report(
                            ("steps", index[node], "next"),
                            "branch cycle: "
                            + " -> ".join(loop)
                            + " (a case must always move forward)",
                        )
                elif colour[nxt] == white:
                    colour[nxt] = grey
                    path.append((nxt, iter(edges.get(nxt, []))))
