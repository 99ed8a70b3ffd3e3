"""Play a case headless in virtual time with scripted responses (`pocus-player simulate`).

The script (a YAML responses file, see docs/responses-format.md) gives each
question's response JSON, optional seconds spent at each checkpoint, clip
replays and proctor actions. The engine runs on a VirtualClock: playing to a
checkpoint advances the clock by the media time between checkpoints (from the
checkpoint's time, or its frame and the media item's frame rate), and each
checkpoint by its `elapsed` seconds, so timers expire exactly as they would in
a real sitting. Output: the path, each score with its rule, and the totals, as
text or JSON; with `--result-dir` the run is also written to an encrypted
result file through `EncryptedJournal`.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pocus_player.core.clock import VirtualClock
from pocus_player.core.errors import PocusError, ResponseError, SessionError
from pocus_player.core.journal_api import Journal, JournalWriteError, MemoryJournal, RecordKind
from pocus_player.core.model import END, Case, Checkpoint, StepType
from pocus_player.core.scoring import ScoreResult, parse_response, score
from pocus_player.core.session import ExamSession, MediaAction, SessionState
from pocus_player.core.totals import CaseTotals
from pocus_player.core.yaml_source import JsonPath, Located, YamlSourceError, load_located

log = logging.getLogger(__name__)

PROCTOR_ACTIONS = ("pause", "add_time", "incident", "end", "stall", "fault")
DEFAULT_ELAPSED_S = 10.0
_TOP_KEYS = (
    "case",
    "accommodation",
    "default_elapsed",
    "responses",
    "elapsed",
    "replays",
    "proctor",
    "segments",
)


class ResponsesFileError(PocusError):
    """A responses file is unreadable or does not fit its case; the message says where."""


@dataclass(frozen=True, slots=True)
class ProctorAction:
    at: str  # checkpoint id (or review/questions step id) where it happens, when it opens
    action: str  # one of PROCTOR_ACTIONS
    seconds: float = 0.0  # pause / stall length, or time granted
    note: str = ""


@dataclass(frozen=True, slots=True)
class ResponseScript:
    responses: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    elapsed: Mapping[str, float] = field(default_factory=dict)
    replays: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    proctor: tuple[ProctorAction, ...] = ()
    segments: Mapping[str, float] = field(default_factory=dict)  # media after the last checkpoint
    default_elapsed: float = DEFAULT_ELAPSED_S
    accommodation: float = 1.0
    case: str | None = None


MAX_ACCOMMODATION = 4.0  # the largest time multiplier a responses file may name
MAX_RESPONSES_BYTES = 4 * 1024 * 1024


class _Where:
    """Names an entry of the responses file: `file:line:col: dotted.path` when positions are known."""

    def __init__(self, source: str, located: Located | None) -> None:
        self.source = source
        self.located = located

    def __call__(self, path: JsonPath, *, key: bool = False) -> str:
        dotted = ""
        for step in path[:-1] if key else path:
            dotted += f"[{step}]" if isinstance(step, int) else (f".{step}" if dotted else step)
        if self.located is None:
            return f"{self.source}: {dotted}" if dotted else self.source
        line, col = self.located.where(path, key=key)
        return f"{self.source}:{line}:{col}: {dotted}" if dotted else f"{self.source}:{line}:{col}"


MAX_SECONDS = 10_000_000.0  # about 4 months: more is a typing slip, and sums must stay finite


def _seconds(value: Any, where: str) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        raise ResponsesFileError(f"{where}: expected seconds (a number, 0 or more), got {value!r}")
    if value > MAX_SECONDS:
        raise ResponsesFileError(
            f"{where}: {value:g} seconds is more than any sitting lasts (at most {MAX_SECONDS:g})"
        )
    return float(value)


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise ResponsesFileError(f"{where}: expected a mapping of ids, got {value!r}")
    return value


def parse_script(
    data: Any, source: str = "responses", located: Located | None = None
) -> ResponseScript:
    """Build a script from parsed YAML/JSON; ResponsesFileError names the offending entry.

    With `located` (the file as `yaml_source` read it) every message gives its line:col.
    """
    at = _Where(source, located)
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise ResponsesFileError(f"{at(())}: the file must hold a mapping (responses: ...)")
    unknown = sorted(str(k) for k in data if k not in _TOP_KEYS)
    if unknown:
        raise ResponsesFileError(
            f"{at((unknown[0],), key=True)}: unknown key {unknown[0]!r} "
            f"(allowed: {', '.join(_TOP_KEYS)})"
        )
    responses = _parse_responses(data, at)
    elapsed = _parse_seconds_by_id(data, "elapsed", at)
    segments = _parse_seconds_by_id(data, "segments", at)
    replays = _parse_replays(data, at)
    proctor = _parse_proctor(data, at)
    accommodation = _parse_accommodation(data, at)
    case_id = data.get("case")
    return ResponseScript(
        responses=responses,
        elapsed=elapsed,
        replays=replays,
        proctor=proctor,
        segments=segments,
        default_elapsed=_seconds(
            data.get("default_elapsed", DEFAULT_ELAPSED_S), at(("default_elapsed",))
        ),
        accommodation=accommodation,
        case=str(case_id) if case_id is not None else None,
    )


def _parse_responses(data: Mapping[str, Any], at: _Where) -> dict[str, dict[str, Any]]:
    responses = {}
    for qid, response in _mapping(data.get("responses"), at(("responses",))).items():
        if response is None:
            response = {}
        if not isinstance(response, Mapping):
            raise ResponsesFileError(
                f"{at(('responses', qid))}: a response is a mapping such as {{choice: b}}"
            )
        responses[qid] = dict(response)
    return responses


def _parse_seconds_by_id(data: Mapping[str, Any], key: str, at: _Where) -> dict[str, float]:
    """`elapsed` (per checkpoint) or `segments` (per segment step): seconds by id."""
    return {
        name: _seconds(v, at((key, name)))
        for name, v in _mapping(data.get(key), at((key,))).items()
    }


def _parse_replays(data: Mapping[str, Any], at: _Where) -> dict[str, tuple[str, ...]]:
    replays: dict[str, tuple[str, ...]] = {}
    for cp, clips in _mapping(data.get("replays"), at(("replays",))).items():
        if not isinstance(clips, list) or not all(isinstance(c, str) for c in clips):
            raise ResponsesFileError(f"{at(('replays', cp))}: expected a list of media ids")
        replays[cp] = tuple(clips)
    return replays


def _parse_proctor(data: Mapping[str, Any], at: _Where) -> tuple[ProctorAction, ...]:
    raw_actions = data.get("proctor") or []
    if not isinstance(raw_actions, list):
        raise ResponsesFileError(f"{at(('proctor',))}: expected a list of actions")
    proctor = []
    for i, item in enumerate(raw_actions):
        where = at(("proctor", i))
        if not isinstance(item, Mapping) or set(item) - {"at", "action", "seconds", "note"}:
            raise ResponsesFileError(f"{where}: expected {{at, action, seconds, note}}")
        action = item.get("action")
        if action not in PROCTOR_ACTIONS:
            raise ResponsesFileError(
                f"{at(('proctor', i, 'action'))}: action must be one of "
                f"{', '.join(PROCTOR_ACTIONS)}, not {action!r}"
            )
        if not isinstance(item.get("at"), str):
            raise ResponsesFileError(f"{where}: 'at' must name a checkpoint id")
        seconds = _seconds(item.get("seconds", 0), at(("proctor", i, "seconds")))
        if action in ("pause", "add_time", "stall") and seconds <= 0:
            raise ResponsesFileError(f"{where}: {action} needs seconds > 0")
        proctor.append(ProctorAction(item["at"], action, seconds, str(item.get("note", ""))))
    return tuple(proctor)


def _parse_accommodation(data: Mapping[str, Any], at: _Where) -> float:
    accommodation = _seconds(data.get("accommodation", 1.0), at(("accommodation",)))
    if not 1.0 <= accommodation <= MAX_ACCOMMODATION:
        raise ResponsesFileError(
            f"{at(('accommodation',))}: accommodation must be 1 or more and at most "
            f"{MAX_ACCOMMODATION:g} (a time-limit multiplier such as 1.25, 1.5 or 2), "
            f"got {accommodation:g}"
        )
    return accommodation


def load_script(path: Path) -> ResponseScript:
    """Read a responses file with the case loader's YAML rules and limits (aliases, depth, numbers)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ResponsesFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_RESPONSES_BYTES:
        raise ResponsesFileError(
            f"{path}: the file is {len(raw)} bytes; responses files are limited to "
            f"{MAX_RESPONSES_BYTES}"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ResponsesFileError(
            f"{path}:{line}: not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        ) from None
    try:
        located = load_located(text)
    except YamlSourceError as exc:
        raise ResponsesFileError(
            "\n".join(f"{path}:{p.line}:{p.col}: {p.message}" for p in exc.problems)
        ) from None
    return parse_script(located.data, str(path), located)


def checkpoint_ids(case: Case) -> list[str]:
    """Ids a script may refer to: segment checkpoints, and review/questions step ids."""
    ids: list[str] = []
    for step in case.steps:
        if step.type is StepType.SEGMENT:
            ids.extend(cp.id for cp in step.checkpoints)
        else:
            ids.append(step.id)
    return ids


def check_script(case: Case, script: ResponseScript, source: str = "responses") -> None:
    """Raise ResponsesFileError listing every entry that does not fit the case."""
    problems: list[str] = []
    if script.case is not None and script.case != case.meta.id:
        problems.append(f"case: the script is for {script.case!r}, the case is {case.meta.id!r}")
    questions = {q.id: q for q in case.questions}
    for qid, response in script.responses.items():
        if qid not in questions:
            problems.append(f"responses.{qid}: no such question in case {case.meta.id!r}")
            continue
        try:
            parse_response(questions[qid], response)
        except ResponseError as exc:
            hint = ""
            if any(isinstance(v, bool) for v in response.values()):
                hint = ' (quote option ids such as "yes" and "no": YAML reads them as true/false)'
            problems.append(f"responses.{qid}: {exc}{hint}")
    cps = set(checkpoint_ids(case))
    for name, mapping in (("elapsed", script.elapsed), ("replays", script.replays)):
        for cp in mapping:
            if cp not in cps:
                problems.append(f"{name}.{cp}: no such checkpoint (or review/questions step)")
    for i, action in enumerate(script.proctor):
        if action.at not in cps:
            problems.append(f"proctor[{i}].at: no such checkpoint {action.at!r}")
    steps = {s.id for s in case.steps if s.type is StepType.SEGMENT}
    for step in script.segments:
        if step not in steps:
            problems.append(f"segments.{step}: no such segment step")
    media = {item.id for item in case.media}
    for cp, clips in script.replays.items():
        for clip in clips:
            if clip not in media:
                problems.append(f"replays.{cp}: no such media {clip!r}")
    if problems:
        raise ResponsesFileError(
            f"{source} does not fit case {case.meta.id!r}:\n  " + "\n  ".join(problems)
        )


class _TeeJournal:
    """Forwards to the real journal and keeps which checkpoint each response came from."""

    def __init__(self, inner: Journal) -> None:
        self.inner = inner
        self.responses: dict[str, dict[str, Any]] = {}

    def append(
        self,
        kind: RecordKind,
        payload: Mapping[str, Any],
        resume_state: Mapping[str, Any] | None = None,
    ) -> None:
        self.inner.append(kind, payload, resume_state)
        if kind == "response":
            self.responses[str(payload["question_id"])] = dict(payload)


@dataclass(frozen=True, slots=True)
class ScoredItem:
    checkpoint: str | None  # None: unreached (the case ended before it)
    cause: str  # "candidate", "checkpoint_time_limit", "time_expired", ... or "unreached"
    result: ScoreResult

    def to_json(self) -> dict[str, Any]:
        return {"checkpoint": self.checkpoint, "cause": self.cause, **self.result.to_json()}


@dataclass(frozen=True, slots=True)
class SimulationResult:
    case_id: str
    case_title: str
    case_version: str
    state: SessionState
    outcome: str
    path: tuple[str, ...]
    items: tuple[ScoredItem, ...]
    totals: CaseTotals
    time_used_s: float
    time_limit_s: float
    transitions: int
    receipt: str | None = None
    result_file: Path | None = None

    @property
    def shown_path(self) -> tuple[str, ...]:
        """The steps entered, then `end` when the case ran to its end."""
        return (*self.path, END) if self.outcome == "completed" else self.path

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "case_version": self.case_version,
            "state": self.state.value,
            "outcome": self.outcome,
            "path": list(self.shown_path),
            "scores": [item.to_json() for item in self.items],
            "totals": self.totals.to_json(),
            "time_used_s": self.time_used_s,
            "time_limit_s": self.time_limit_s,
            "transitions": self.transitions,
            "receipt": self.receipt,
            "result_file": str(self.result_file) if self.result_file else None,
        }

    def to_text(self) -> str:
        t = self.totals
        lines = [
            f"Case {self.case_id} v{self.case_version}: {self.case_title}",
            "Path: " + " -> ".join(self.shown_path),
            f"Outcome: {self.outcome} ({self.state.value}); time used "
            f"{self.time_used_s:.1f} s of {self.time_limit_s:.1f} s",
            "",
        ]
        rows = [("checkpoint", "question", "points", "rule")]
        for item in self.items:
            r = item.result
            where = item.checkpoint or "(unreached)"
            rows.append((where, r.question_id, f"{r.points:g}/{r.max_points:g}", r.rule))
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for row in rows:
            lines.append(
                "  "
                + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False))
                + "  "
                + row[3]
            )
        verdict = "PASS" if t.passed else "FAIL"
        lines += [
            "",
            f"Total {t.points:g}/{t.max_points:g} ({t.fraction * 100:.1f} %), "
            f"pass mark {t.pass_mark * 100:g} %: {verdict}",
            "Domains:",
        ]
        for d in t.domains:
            lines.append(f"  {d.title}: {d.points:g}/{d.max_points:g}")
        if self.receipt:
            lines.append(f"Receipt: {self.receipt}  ({self.result_file})")
        return "\n".join(lines)


class MediaTimingError(PocusError):
    """A frame-numbered checkpoint whose media time is unknown (the media was not probed)."""


def untimed_checkpoints(case: Case) -> list[str]:
    """Why each frame-numbered checkpoint has no media time: its media's frame rate is unknown."""
    found = []
    for step in case.steps:
        rate = case.media_by_id(step.media).frame_rate if step.media else None
        for cp in step.checkpoints:
            if cp.time_s is None and not rate:
                found.append(
                    f"checkpoint {cp.id!r} is frame {cp.frame} of {step.media!r}, whose frame "
                    "rate is unknown: the media file could not be probed"
                )
    return found


def _media_time(case: Case, media_id: str | None, checkpoint: Checkpoint) -> float:
    if checkpoint.time_s is not None:
        return checkpoint.time_s
    item = case.media_by_id(media_id) if media_id else None
    if item is None or not item.frame_rate:
        raise MediaTimingError(untimed_checkpoints(case)[0])
    # the probed pictures' own times, as the engine stops on them (a variable rate is uneven)
    return checkpoint.target_time(item.timeline)


def _spend(session: ExamSession, clock: VirtualClock, seconds: float) -> None:
    """Let `seconds` pass, stopping early when a timer ends the open checkpoint or the case."""
    state, cp = session.state, session.open_checkpoint
    left = seconds
    while left > 0 and not session.is_over:
        step = left
        for remaining in (session.time_remaining(), session.checkpoint_time_remaining()):
            if remaining is not None and 0 < remaining < step:
                # At least 1 µs: a float residue like 1e-14 would not move the clock at all.
                step = max(remaining, 1e-6)
        clock.advance(step)
        left -= step
        session.tick()
        if session.state is not state or session.open_checkpoint != cp:
            return


def _proctor(session: ExamSession, clock: VirtualClock, action: ProctorAction) -> None:
    if action.action == "pause":
        session.proctor_pause(action.note)
        clock.advance(action.seconds)
        session.proctor_resume()
    elif action.action == "add_time":
        session.proctor_add_time(action.seconds, action.note)
    elif action.action == "incident":
        session.proctor_incident(action.note)
    elif action.action == "end":
        session.proctor_end(action.note)
    elif action.action == "stall":
        session.media_stalled()
        clock.advance(action.seconds)
        session.media_resumed()
    else:  # fault
        step = session.current_step
        media = step.media if step and step.media else "unknown"
        session.media_fault(media, action.note or "simulated media fault")


def _checkpoint(session: ExamSession, clock: VirtualClock, script: ResponseScript) -> None:
    cp = session.open_checkpoint
    assert cp is not None
    for action in script.proctor:
        if action.at == cp.id and not session.is_over:
            _proctor(session, clock, action)
    if session.open_checkpoint != cp:
        return
    for q in cp.questions:
        if q.id in script.responses:
            session.answer(q.id, script.responses[q.id])
    for clip in script.replays.get(cp.id, ()):
        session.replay_clip(clip)
        session.review_finished()
    _spend(session, clock, script.elapsed.get(cp.id, script.default_elapsed))
    if session.open_checkpoint == cp and session.state is SessionState.AT_CHECKPOINT:
        session.submit()


def simulate(
    case: Case,
    script: ResponseScript,
    journal: Journal | None = None,
    clock: VirtualClock | None = None,
    delivery: Mapping[str, Any] | None = None,
) -> SimulationResult:
    """Run the whole case with `script`; the journal gets every record a real sitting writes.

    Load the case with a media probe: a checkpoint given as `frame: N` is reached at
    the media time the probed frame rate gives it (MediaTimingError without one).
    `delivery` names the sealed package the case came from (see `ExamSession`).
    """
    check_script(case, script)
    untimed = untimed_checkpoints(case)
    if untimed:
        raise MediaTimingError(untimed[0])
    clock = clock or VirtualClock()
    tee = _TeeJournal(journal if journal is not None else MemoryJournal())
    session = ExamSession(case, clock, tee, accommodation=script.accommodation, delivery=delivery)
    session.start()
    _play_to_end(session, clock, script)
    totals = session.totals
    assert totals is not None
    items = _scored_items(case, session, totals, tee.responses)
    return SimulationResult(
        case_id=case.meta.id,
        case_title=case.meta.title,
        case_version=case.meta.version,
        state=session.state,
        outcome=totals.outcome,
        path=session.path,
        items=tuple(items),
        totals=totals,
        time_used_s=round(min(session.time_used(), session.time_limit()), 6),
        time_limit_s=session.time_limit(),
        transitions=len(session.transitions),
    )


def _play_to_end(session: ExamSession, clock: VirtualClock, script: ResponseScript) -> None:
    """Do what the media directive says until the case is over: play, stop, answer."""
    case = session.case
    positions: dict[str, float] = {}  # each segment's media time so far
    while not session.is_over:
        state = session.state
        step = session.current_step
        assert step is not None
        if state is SessionState.AT_CHECKPOINT:
            _checkpoint(session, clock, script)
            continue
        directive = session.media_directive
        position = positions.get(step.id, 0.0)
        if directive.action is MediaAction.PLAY_TO_CHECKPOINT:
            assert directive.checkpoint is not None
            target = _media_time(case, directive.media_id, directive.checkpoint)
            _spend(session, clock, max(0.0, target - position))
            positions[step.id] = max(position, target)
            if session.state is SessionState.PLAYING_SEGMENT:
                session.segment_reached_checkpoint(directive.checkpoint.id)
        else:
            _spend(session, clock, script.segments.get(step.id, 0.0))
            if session.state is SessionState.PLAYING_SEGMENT:
                session.segment_finished()


def _scored_items(
    case: Case,
    session: ExamSession,
    totals: CaseTotals,
    records: Mapping[str, Mapping[str, Any]],
) -> list[ScoredItem]:
    """Each question on the path: where and why it was submitted (`records`), or unreached."""
    items = []
    submitted = {r.question_id: r for r in session.results}
    for qid in totals.questions:
        record = records.get(qid)
        if qid in submitted and record is not None:
            items.append(ScoredItem(record["checkpoint"], record["cause"], submitted[qid]))
        else:
            items.append(ScoredItem(None, "unreached", score(case.question_by_id(qid), {})))
    return items


# -- command line ------------------------------------------------------------------------------


def add_subparser(subparsers: Any) -> argparse.ArgumentParser:
    """Add `simulate` to an argparse subparsers object; the handler is `run(args) -> int`."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "simulate",
        help="play a case headless with scripted responses",
        description="Play CASE headless in virtual time with the responses in RESPONSES "
        "(see docs/responses-format.md) and print the path, every score and the totals.",
    )
    parser.add_argument("case", type=Path, metavar="CASE.yaml|EXAM.pocusexam")
    parser.add_argument(
        "--case-id", help="with a package of several cases: the one to play (default: the first)"
    )
    parser.add_argument(
        "--passphrase-env", metavar="VAR", help="a package's passphrase, from this variable"
    )
    parser.add_argument(
        "--passphrase-file", type=Path, help="a package's passphrase, from this file"
    )
    parser.add_argument("--responses", type=Path, required=True, metavar="RESPONSES.yaml")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--no-probe",
        action="store_true",
        help="do not open media files (checkpoints given as frames then cannot be timed)",
    )
    parser.add_argument(
        "--result-dir",
        type=Path,
        metavar="DIR",
        help="also write the encrypted result file (and its receipt) into DIR",
    )
    parser.add_argument(
        "--recipient",
        metavar="AGE_RECIPIENT",
        help="board recipient for --result-dir (age1... or a file); default: the demo board key",
    )
    parser.add_argument(
        "--candidate", default="simulated", help="candidate id for --result-dir (default simulated)"
    )
    parser.set_defaults(func=run)
    return parser


def _open_result_journal(args: argparse.Namespace, case: Case, clock: VirtualClock) -> Any:
    from pocus_player import resources
    from pocus_player.core.journal import EncryptedJournal

    recipient = args.recipient
    if recipient is None:
        demo = resources.demo_board_recipient()
        if not demo.is_file():
            raise ResponsesFileError(f"no board recipient: pass --recipient ({demo} is missing)")
        recipient = demo
    return EncryptedJournal.create(
        recipient=recipient,
        case_id=case.meta.id,
        candidate_id=args.candidate,
        results_dir=args.result_dir,
        clock=clock,
    )


def run(args: argparse.Namespace, out: Any = None, err: Any = None) -> int:
    """Handler of `pocus-player simulate`: 0 done, 2 bad case or responses, 1 result file error."""
    out = out or sys.stdout
    err = err or sys.stderr
    inputs = _load_inputs(args, err)
    if inputs is None:
        return 2
    case, script, delivery = inputs
    clock = VirtualClock()
    journal = None
    try:
        if args.result_dir is not None:
            journal = _open_result_journal(args, case, clock)
        result = simulate(case, script, journal, clock, delivery)
    except ResponsesFileError as exc:
        print(str(exc), file=err)
        return 2
    except SessionError as exc:
        print(f"{args.responses}: the session refused a scripted event: {exc}", file=err)
        return 2
    except (JournalWriteError, PocusError) as exc:
        print(f"result file: {exc}", file=err)
        return 1
    finally:
        if journal is not None:
            journal.close()
    if journal is not None:
        result = _with_receipt(result, journal.receipt, journal.path)
    if args.json:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False, allow_nan=False), file=out)
    else:
        print(result.to_text(), file=out)
    return 0


def _load_inputs(
    args: argparse.Namespace, err: Any
) -> tuple[Case, ResponseScript, dict[str, Any] | None] | None:
    """The case (and the package it came from) and the responses; None once a problem is told."""
    from pocus_player.core.errors import CaseValidationError
    from pocus_player.core.loader import load_case

    # The media layer's probe, handed in by the application's command line (the core
    # cannot import it): frame-numbered checkpoints need the media's real frame timing.
    factory = getattr(args, "probe_factory", None)
    probe = factory(quiet=True) if factory is not None and not args.no_probe else None
    delivery: dict[str, Any] | None = None
    try:
        if args.case.suffix == ".pocusexam":
            case, delivery = case_from_package(args)
        else:
            case = load_case(args.case, probe)
    except CaseValidationError as exc:
        print(f"{args.case}: the case is invalid:", file=err)
        for problem in exc.problems:
            print(f"  {problem}", file=err)
        return None
    except (PocusError, OSError) as exc:  # a package that cannot be opened: one line
        print(f"{args.case}: {exc}", file=err)
        return None
    untimed = untimed_checkpoints(case)
    if untimed:
        print(f"{args.case}: cannot simulate the media timing:", file=err)
        for reason in untimed:
            print(f"  {reason}", file=err)
        return None
    try:
        script = load_script(args.responses)
        check_script(case, script, str(args.responses))
    except ResponsesFileError as exc:
        print(str(exc), file=err)
        return None
    return case, script, delivery


def case_from_package(args: argparse.Namespace) -> tuple[Case, dict[str, Any]]:
    """Unlock a package (signature not required: this is authoring) and pick its case."""
    from pocus_player.core.package import content
    from pocus_player.core.package.errors import PackageError

    passphrase = None
    if args.passphrase_env:
        import os

        passphrase = os.environ.get(args.passphrase_env) or None
    elif args.passphrase_file:
        passphrase = args.passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
    elif sys.stdin.isatty():
        import getpass

        passphrase = getpass.getpass("Package passphrase: ")
    pkg = content.open_package(args.case, passphrase=passphrase, require_signature=False)
    cases = content.load_cases(pkg)
    chosen = [c for c in cases if args.case_id in (None, c.meta.id)]
    if not chosen:
        raise PackageError(f"the package holds no case {args.case_id!r}")
    content.register(pkg)
    return chosen[0], content.delivery_record(pkg)


def _with_receipt(result: SimulationResult, receipt: str | None, path: Path) -> SimulationResult:
    return replace(result, receipt=receipt, result_file=path)


def main(argv: Sequence[str] | None = None) -> int:
    """Run `simulate` on its own (the app's CLI adds it as a subcommand)."""
    parser = argparse.ArgumentParser(prog="pocus-player")
    add_subparser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
