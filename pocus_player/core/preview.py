"""The item writer's preview session as plain state and rules, without Qt.

`PreviewModel` holds what the preview window shows and decides: the case and
its problems after each (re)load, where in the case the author is (step,
checkpoint, questions), what the preview has covered, whether the key is
shown, and follow mode (an `ExamSession` in practice mode on a virtual clock,
the path it took, whether its feedback is waiting for "Continue"). Its rules:
where a reload puts the author back, which drafted answers survive a reload,
where the answers on screen would branch, which branches a checkpoint offers
and which answers take one. The window's panels show the model and write the
author's actions back into it (ui/preview_window.py).

Events (plain callbacks, `model.events.<name>.connect(fn)`):
    reloaded(case)               a (re)load succeeded
    load_failed(problems)        a (re)load failed; the last valid case stays
    moved(place)                 the author is somewhere else in the case
    coverage_changed(coverage)
    follow_changed(session)      follow mode started (the session) or stopped (None)
    key_shown(on)
"""

from __future__ import annotations

import dataclasses
import itertools
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pocus_player.core import branching, scoring
from pocus_player.core.case_map import Coverage, GraphEdge, OutlineTarget, graph_edges
from pocus_player.core.clock import VirtualClock
from pocus_player.core.errors import CaseValidationError, Problem, ResponseError, SessionError
from pocus_player.core.frame_timeline import FrameTimeline, clip_timeline
from pocus_player.core.geometry import CalibrationError
from pocus_player.core.journal_api import MemoryJournal
from pocus_player.core.lint import lint_case, satisfying_responses
from pocus_player.core.loader import load_case
from pocus_player.core.media_info import MediaInfo, MediaProbe, MediaProbeError
from pocus_player.core.model import (
    END,
    Calibration,
    Case,
    Checkpoint,
    MediaItem,
    Mode,
    Question,
    Step,
    StepType,
)
from pocus_player.core.session import ExamSession, SubmitOutcome

Drafts = dict[str, dict[str, Any]]


class Event:
    """A list of callbacks called in order with the event's arguments."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[..., object]] = []

    def connect(self, callback: Callable[..., object]) -> None:
        self._callbacks.append(callback)

    def emit(self, *args: object) -> None:
        for callback in list(self._callbacks):
            callback(*args)


@dataclass(slots=True)
class PreviewEvents:
    reloaded: Event = dataclasses.field(default_factory=Event)
    load_failed: Event = dataclasses.field(default_factory=Event)
    moved: Event = dataclasses.field(default_factory=Event)
    coverage_changed: Event = dataclasses.field(default_factory=Event)
    follow_changed: Event = dataclasses.field(default_factory=Event)
    key_shown: Event = dataclasses.field(default_factory=Event)


@dataclass(frozen=True, slots=True)
class Place:
    """Where the author is: a step, the checkpoint shown (if any) and the questions asked there."""

    step: Step
    checkpoint: Checkpoint | None
    questions: tuple[str, ...]
    selected: str | None = None  # the question the author went to


@dataclass(frozen=True, slots=True)
class BranchChoice:
    edge: GraphEdge
    leads_here: bool  # the answers on screen now lead along this edge

    @property
    def label(self) -> str:
        dst = "the end" if self.edge.dst == END else self.edge.dst
        mark = " (the answers now lead here)" if self.leads_here else ""
        return f"→ {dst}: {self.edge.label or 'otherwise'}{mark}"


def result_line(result: scoring.ScoreResult) -> str:
    """One scored answer as the preview reports it: points, the rule that matched, the detail."""
    detail = ""
    d = result.detail
    if "measured" in d:
        detail = (
            f" (measured {d['measured']} {d['unit']}, expected {d['expected']} ± {d['allowed']})"
        )
    elif "matched" in d:
        detail = f" (matched {', '.join(d['matched']) or 'no region'}, {d['misses']} miss(es))"
    return f"{result.question_id}: {result.points:g} of {result.max_points:g} points · rule {result.rule}{detail}"


def parse_drafts(answers: Iterable[tuple[Question, Mapping[str, Any]]]) -> Drafts:
    """The answers on screen as responses the scorer takes; an unreadable one counts as none."""
    out: Drafts = {}
    for question, response in answers:
        try:
            out[question.id] = scoring.parse_response(question, response)
        except ResponseError:
            out[question.id] = {}
    return out


def surviving_drafts(
    drafts: Mapping[str, Mapping[str, Any]], questions: Iterable[Question]
) -> Drafts:
    """The answers typed before a reload that the reloaded questions still take.

    A draft survives when its question is still shown and the answer still
    parses for it (a removed option, or a question of another type, starts afresh).
    """
    out: Drafts = {}
    shown = {q.id: q for q in questions}
    for qid, response in drafts.items():
        q = shown.get(qid)
        if q is None or not response:
            continue
        try:
            scoring.parse_response(q, response)
        except ResponseError:
            continue
        out[qid] = dict(response)
    return out


class PreviewModel:
    """State and rules of one preview session of one case script (see the module docstring)."""

    def __init__(
        self, case_path: Path, probe: MediaProbe | None = None, sealed_case: Case | None = None
    ) -> None:
        self.case_path = case_path
        self.probe = probe
        # a case from an unlocked exam package: shown as it is, never read again or linted
        # (it was validated and linted when the package was built)
        self.sealed_case = sealed_case
        self.probe_cache: dict[Path, MediaInfo | MediaProbeError] = {}
        self.events = PreviewEvents()
        self.case: Case | None = None
        self.problems: list[Problem] = []
        self.load_failed = False
        self.target: OutlineTarget | None = None
        self.coverage = Coverage()
        self.session: ExamSession | None = None
        self.show_key = False
        self.follow_waiting = False  # follow mode: feedback is shown; "Continue" moves on
        self.last_reload_s: float | None = None

    # -- loading --------------------------------------------------------------------

    def reload(self) -> OutlineTarget | None:
        """Load the script again: where to go in the new case, or None if it failed to load."""
        started = time.monotonic()
        try:
            case = self.sealed_case or load_case(
                self.case_path, self.probe, probe_cache=self.probe_cache
            )
        except CaseValidationError as exc:
            self.problems = list(exc.problems)
            self.load_failed = True
            self.events.load_failed.emit(self.problems)
            return None
        warnings = (
            []
            if self.sealed_case is not None
            else lint_case(case, self.case_path, self.probe, probe_cache=self.probe_cache)
        )
        previous = self.case
        self.case = case
        self.coverage.restrict_to(case)
        self.problems = warnings
        self.load_failed = False
        self.last_reload_s = time.monotonic() - started
        target = self.surviving_target(self.target) if previous is not None else None
        self.events.reloaded.emit(case)
        return target or OutlineTarget(case.steps[0].id)

    def forget_files(self, paths: Iterable[Path]) -> None:
        """Files changed on disk: their probe facts are stale."""
        for p in paths:
            self.probe_cache.pop(p, None)
            self.probe_cache.pop(p.resolve(), None)

    def surviving_target(self, target: OutlineTarget | None) -> OutlineTarget | None:
        """Where `target` is in the reloaded case: its step, and its checkpoint and question if kept."""
        if target is None or self.case is None:
            return None
        try:
            step = self.case.step_by_id(target.step_id)
        except KeyError:
            return None
        cp_ids = {cp.id for cp in step.checkpoints}
        cp = target.checkpoint_id if target.checkpoint_id in cp_ids else None
        asked = branching.step_questions(step)
        q = target.question_id if target.question_id in asked else None
        return OutlineTarget(step.id, cp, q)

    def watched_files(self) -> set[Path]:
        """The script, and the media and captions of the last valid case."""
        paths = {self.case_path}
        if self.case is not None:
            for item in self.case.media:
                paths.add(item.file)
                if item.captions is not None:
                    paths.add(item.captions)
        return paths

    # -- media facts: one source for each ------------------------------------------------

    def timeline(self, item: MediaItem) -> FrameTimeline | None:
        """The clip's frame numbers <-> media time (the probe's picture times), None without a rate."""
        info = self.probe_cache.get(item.file)
        if isinstance(info, MediaInfo) and info.frame_rate:
            return clip_timeline(info, item.frame_rate)
        return item.timeline if item.frame_rate else None

    def step_timeline(self, step: Step) -> FrameTimeline | None:
        if self.case is None or not step.media:
            return None
        return self.timeline(self.case.media_by_id(step.media))

    def media_facts(self, item: MediaItem) -> MediaInfo | None:
        info = self.probe_cache.get(item.file)
        return info if isinstance(info, MediaInfo) else None

    def calibration_of(self, q: Question) -> Calibration | None:
        if q.image is None or self.case is None:
            return None
        return self.case.media_by_id(q.image.media).calibration

    # -- moving around (browse) ---------------------------------------------------------------

    def place(self, target: OutlineTarget) -> Place | None:
        """Go to a step, checkpoint or question: what is shown there (None: no such step)."""
        if self.case is None:
            return None
        try:
            step = self.case.step_by_id(target.step_id)
        except KeyError:
            return None
        self.target = target
        self.coverage.visit_step(step.id)
        cp = next((c for c in step.checkpoints if c.id == target.checkpoint_id), None)
        if step.type is StepType.SEGMENT and cp is None and target.question_id is not None:
            cp = next((c for c in step.checkpoints if target.question_id in c.questions), None)
        if cp is not None:
            self.coverage.checkpoints.add(cp.id)
            qids = cp.questions
        elif step.type is StepType.SEGMENT:
            qids = ()
        else:
            qids = step.questions
        place = Place(step, cp, tuple(qids), target.question_id)
        self.events.moved.emit(place)
        return place

    def current_step(self) -> Step | None:
        if self.case is None or self.target is None:
            return None
        try:
            return self.case.step_by_id(self.target.step_id)
        except KeyError:
            return None

    def set_show_key(self, on: bool) -> None:
        if on != self.show_key:
            self.show_key = on
            self.events.key_shown.emit(on)

    # -- answers ---------------------------------------------------------------------------

    def check(
        self, answers: Iterable[tuple[Question, Mapping[str, Any]]]
    ) -> tuple[list[scoring.ScoreResult], list[str]]:
        """Score the answers on screen (browse mode): the results and a line for each answer."""
        results: list[scoring.ScoreResult] = []
        lines: list[str] = []
        for q, response in answers:
            try:
                result = scoring.score(q, response, self.calibration_of(q))
            except (ResponseError, CalibrationError) as exc:
                lines.append(f"{q.id}: cannot score: {exc}")
                continue
            results.append(result)
            self.coverage.questions.add(q.id)
            lines.append(result_line(result))
        self.events.coverage_changed.emit(self.coverage)
        return results, lines

    def would_branch(self, step: Step, drafts: Mapping[str, Mapping[str, Any]]) -> str | None:
        """Where the answers on screen (and, when following, those given) would lead after `step`."""
        if self.case is None:
            return None
        s = self.session
        return branching.would_branch(
            self.case,
            step,
            drafts,
            calibration_of=self.calibration_of,
            responses=s.responses if s is not None else None,
            results=s.results if s is not None else (),
            state=s.patient_state if s is not None else None,
        )

    # -- follow mode -----------------------------------------------------------------------

    def start_follow(self) -> ExamSession | None:
        """Run the case from its first step in practice mode on a virtual clock."""
        if self.case is None:
            return None
        practice = dataclasses.replace(
            self.case, settings=dataclasses.replace(self.case.settings, mode=Mode.PRACTICE)
        )
        self.session = ExamSession(practice, VirtualClock(), MemoryJournal())
        self.session.start()
        self.follow_waiting = False
        self.events.follow_changed.emit(self.session)
        return self.session

    def stop_follow(self) -> None:
        self.session = None
        self.follow_waiting = False
        self.events.follow_changed.emit(None)

    def record_path(self) -> None:
        """The steps and branches the session took go into the coverage."""
        s = self.session
        if s is None:
            return
        path = list(s.path)
        for a, b in itertools.pairwise(path):
            self.coverage.take_edge(a, b)
        if path:
            self.coverage.visit_step(path[-1])
            if s.is_over and s.outcome == "completed":
                self.coverage.take_edge(path[-1], END)
        self.events.coverage_changed.emit(self.coverage)

    def submit(self, drafts: Mapping[str, Mapping[str, Any]]) -> SubmitOutcome:
        """Follow mode: submit the open checkpoint's answers (SessionError if it cannot be)."""
        s = self.session
        if s is None:
            raise SessionError("not following the case")
        outcome = s.submit(drafts)
        for fb in outcome.feedback:
            self.coverage.questions.add(fb.question_id)
        self.follow_waiting = True
        self.record_path()
        return outcome

    def finished_text(self) -> str:
        """Follow mode, the case over: its outcome, score and path in one line."""
        s = self.session
        if s is None:
            return ""
        totals = s.totals
        score = (
            f"{totals.to_json().get('points', '?')} of {totals.to_json().get('max_points', '?')} points"
            if totals
            else ""
        )
        return f"Case finished ({s.outcome}): {score}. Path: {' → '.join(s.path)}."

    def branch_choices(self, drafts: Mapping[str, Mapping[str, Any]]) -> list[BranchChoice]:
        """Follow mode, at a step's last checkpoint with more than one way on: the ways on."""
        s = self.session
        if s is None or self.case is None or s.is_over or s.open_checkpoint is None:
            return []
        step = s.current_step
        assert step is not None
        last = step.type is not StepType.SEGMENT or s.open_checkpoint.id == step.checkpoints[-1].id
        edges = [e for e in graph_edges(self.case) if e.src == step.id]
        if not last or len(edges) <= 1:
            return []
        would = self.would_branch(step, drafts)
        return [BranchChoice(e, e.dst == would) for e in edges]

    def answers_for_branch(
        self, edge: GraphEdge, open_questions: list[Question]
    ) -> dict[str, dict[str, object]] | None:
        """Answers to the open questions that take `edge` (None: earlier answers or state decide)."""
        s = self.session
        if s is None or self.case is None:
            return None
        step = s.current_step
        assert step is not None
        return satisfying_responses(
            self.case,
            step.next.rules,
            edge.rule_index,
            open_questions,
            s.responses,
            {r.question_id: r for r in s.results},
            s.patient_state,
        )
