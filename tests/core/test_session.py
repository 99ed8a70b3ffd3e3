"""The exam session state machine: flow, branching, timers, proctor, journal, resume."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from pocus_player.core import model as m
from pocus_player.core.clock import VirtualClock
from pocus_player.core.errors import ResponseError, SessionError
from pocus_player.core.journal_api import JournalWriteError, MemoryJournal, RecordKind
from pocus_player.core.scoring import key_response
from pocus_player.core.session import (
    ExamSession,
    MediaAction,
    ReplayLimitReached,
    SessionState,
)
from tests.core.factories import branching_case

S = SessionState


class FlakyJournal(MemoryJournal):
    """A memory journal whose next `fail` appends raise, as a full disk would."""

    def __init__(self) -> None:
        super().__init__()
        self.fail = 0
        self.pass_first = 0  # successful appends before the failures start

    def append(
        self,
        kind: RecordKind,
        payload: Mapping[str, Any],
        resume_state: Mapping[str, Any] | None = None,
    ) -> None:
        if self.fail and self.pass_first:
            self.pass_first -= 1
        elif self.fail:
            self.fail -= 1
            raise JournalWriteError("disk full")
        super().append(kind, payload, resume_state)


@pytest.fixture
def case(tmp_path: Path) -> m.Case:
    return branching_case(tmp_path)


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock(100.0)


@pytest.fixture
def journal() -> FlakyJournal:
    return FlakyJournal()


def started(case: m.Case, clock: VirtualClock, journal: MemoryJournal, **kw: Any) -> ExamSession:
    session = ExamSession(case, clock, journal, **kw)
    session.start()
    return session


def key(case: m.Case, qid: str) -> dict[str, Any]:
    return key_response(case.question_by_id(qid))


def kinds(journal: MemoryJournal) -> list[str]:
    return [k for k, _ in journal.records]


def test_unstable_branch_walkthrough(
    case: m.Case, clock: VirtualClock, journal: FlakyJournal
) -> None:
    s = ExamSession(case, clock, journal)
    assert s.state is S.NOT_STARTED and s.media_directive.action is MediaAction.NONE
    s.start()
    assert s.state is S.PLAYING_SEGMENT and s.current_step is not None
    d = s.media_directive
    assert (d.action, d.media_id, d.checkpoint.id, d.resume_after) == (  # type: ignore[union-attr]
        MediaAction.PLAY_TO_CHECKPOINT,
        "cine_ruq",
        "cp_fluid",
        None,
    )
    clock.advance(2.0)
    s.segment_reached_checkpoint("cp_fluid")
    assert s.state is S.AT_CHECKPOINT
    cp = s.open_checkpoint
    assert cp is not None and cp.id == "cp_fluid" and [q.id for q in cp.questions] == ["q_fluid"]
    assert cp.clips == ("cine_ruq",)
    assert s.media_directive.action is MediaAction.HOLD
    s.answer("q_fluid", {"choice": "yes"})
    assert s.drafts == {"q_fluid": {"choice": "yes"}}
    clock.advance(20.0)
    outcome = s.submit()
    assert outcome.checkpoint_id == "cp_fluid" and outcome.cause == "candidate"
    assert outcome.results[0].rule == "sba.correct" and outcome.feedback == ()
    assert outcome.state is S.PLAYING_SEGMENT
    assert s.patient_state == {"fluid": "present"}
    d = s.media_directive
    assert d.action is MediaAction.PLAY_TO_CHECKPOINT and d.checkpoint.id == "cp_spot"  # type: ignore[union-attr]
    assert d.resume_after is not None and d.resume_after.id == "cp_fluid"
    s.segment_reached_checkpoint("cp_spot")
    s.submit({"q_spot": {"points": [[500, 500]], "frame": 120}})
    assert s.media_directive.action is MediaAction.PLAY_TO_END
    s.segment_finished()
    assert s.state is S.AT_CHECKPOINT and s.current_step.id == "unstable"  # type: ignore[union-attr]
    assert s.patient_state == {"fluid": "present", "shock": "yes"}
    assert s.open_checkpoint.id == "unstable"  # type: ignore[union-attr]
    s.submit({"q_next": {"choices": ["a"]}})
    assert s.state is S.FINISHED and s.is_over and s.outcome == "completed"
    totals = s.totals
    assert totals is not None
    assert (totals.points, totals.max_points) == (2.0, 4.0)  # q_fluid 1 + q_next 1 of 2
    assert totals.path == ("scan", "unstable") == s.path
    assert totals.questions == ("q_fluid", "q_spot", "q_next") and totals.unreached == ()
    assert not totals.passed  # 50 % < 70 %
    assert kinds(journal) == ["start", "response", "response", "response", "submit"]
    start = journal.records[0][1]
    assert start["case_id"] == "test-case" and start["app_version"]
    assert start["case_sha256"] == hashlib.sha256(case.source.read_bytes()).hexdigest()
    assert (
        start["media_sha256"]["still_ivc"]
        == hashlib.sha256(case.media_by_id("still_ivc").file.read_bytes()).hexdigest()
    )
    response = journal.records[1][1]
    assert response["question_id"] == "q_fluid" and response["response"] == {"choice": "yes"}
    assert response["score"]["rule"] == "sba.correct"
    assert response["timings"]["checkpoint_time_s"] == 20.0
    assert response["timings"]["exam_time_s"] == 22.0
    submit = journal.records[-1][1]
    assert submit["path"] == ["scan", "unstable"] and submit["totals"]["points"] == 2.0
    assert s.media_directive.action is MediaAction.NONE


def test_stable_branch_review_step(
    case: m.Case, clock: VirtualClock, journal: FlakyJournal
) -> None:
    s = started(case, clock, journal)
    s.segment_reached_checkpoint("cp_fluid")
    s.submit({"q_fluid": {"choice": "no"}})
    s.segment_reached_checkpoint("cp_spot")
    s.submit({"q_spot": key(case, "q_spot")})
    s.segment_finished()
    assert s.current_step.id == "stable" and s.state is S.AT_CHECKPOINT  # type: ignore[union-attr]
    cp = s.open_checkpoint
    assert cp is not None and cp.clips == ("cine_lung",)
    assert s.replays_left("cine_lung") is None and s.play_count("cine_lung") == 0
    s.replay_clip("cine_lung")  # the first view is free
    assert s.state is S.REVIEWING and s.media_directive.media_id == "cine_lung"
    assert s.media_directive.action is MediaAction.REPLAY
    s.answer("q_order", key(case, "q_order"))  # answering while reviewing is allowed
    s.review_finished()
    s.replay_clip("cine_lung")
    s.review_finished()
    assert s.replays_used("cine_lung") == 1 and s.play_count("cine_lung") == 2
    outcome = s.submit({"q_cal": key(case, "q_cal")})
    assert [r.rule for r in outcome.results] == ["ordering.exact", "caliper.within_tolerance"]
    totals = s.totals
    assert totals is not None and totals.passed
    assert (totals.points, totals.max_points) == (5.0, 6.0)  # q_fluid "no" is wrong
    assert [d.domain for d in totals.domains] == ["acquisition", "interpretation"]


def test_state_branch_condition(tmp_path: Path, clock: VirtualClock) -> None:
    case = replace(branching_case(tmp_path), initial_state=(("bp", "low"),))
    s = started(case, clock, MemoryJournal())
    s.segment_reached_checkpoint("cp_fluid")
    s.submit({"q_fluid": {"choice": "no"}})
    s.segment_reached_checkpoint("cp_spot")
    s.submit()
    s.segment_finished()
    assert s.path == ("scan", "unstable")
    assert s.transitions[-2].detail["label"] == "hypotension"


def test_replay_limit(case: m.Case, clock: VirtualClock, journal: FlakyJournal) -> None:
    s = started(case, clock, journal)
    s.segment_reached_checkpoint("cp_fluid")
    assert s.replays_left("cine_ruq") == 1
    s.replay_clip("cine_ruq")
    s.review_finished()
    assert s.replays_left("cine_ruq") == 0
    with pytest.raises(ReplayLimitReached):
        s.replay_clip("cine_ruq")
    assert s.state is S.AT_CHECKPOINT
    with pytest.raises(SessionError, match="cannot be reviewed"):
        s.replay_clip("still_ruq")
    limited = replace(case, settings=replace(case.settings, clip_replay_limit=0))
    assert ExamSession(limited, clock, journal).replays_left("cine_lung") == 0


def test_forward_only_and_invalid_events(
    case: m.Case, clock: VirtualClock, journal: FlakyJournal
) -> None:
    s = ExamSession(case, clock, journal)
    with pytest.raises(SessionError, match="nothing to submit"):
        s.submit()
    with pytest.raises(SessionError, match="not_started"):
        s.proctor_pause()
    s.start()
    with pytest.raises(SessionError, match="already started"):
        s.start()
    with pytest.raises(SessionError, match="expected cp_fluid"):
        s.segment_reached_checkpoint("cp_spot")
    with pytest.raises(SessionError, match="before checkpoint 'cp_fluid'"):
        s.segment_finished()
    with pytest.raises(SessionError, match="no checkpoint is open"):
        s.answer("q_fluid", {"choice": "yes"})
    s.segment_reached_checkpoint("cp_fluid")
    with pytest.raises(ResponseError, match="'maybe' is not an option"):
        s.answer("q_fluid", {"choice": "maybe"})
    with pytest.raises(ResponseError):
        s.submit({"q_fluid": {"choice": "maybe"}})
    assert s.state is S.AT_CHECKPOINT and s.drafts == {}
    with pytest.raises(SessionError, match="'q_spot' is not open"):
        s.answer("q_spot", {})
    with pytest.raises(SessionError, match="cannot finish a review"):
        s.review_finished()
    s.submit({"q_fluid": {"choice": "yes"}})
    with pytest.raises(SessionError, match="nothing to submit"):
        s.submit({"q_fluid": {"choice": "no"}})
    with pytest.raises(SessionError, match="no checkpoint is open"):
        s.answer("q_fluid", {"choice": "no"})
    assert s.responses["q_fluid"] == {"choice": "yes"}
    with pytest.raises(SessionError, match="the end of the media"):
        s.segment_reached_checkpoint("cp_spot")
        s.submit()
        s.segment_reached_checkpoint("cp_spot")


def test_overall_time_expiry_submits_as_it_stands_and_ends_cleanly(
    case: m.Case, clock: VirtualClock, journal: FlakyJournal
) -> None:
    s = started(case, clock, journal)
    s.segment_reached_checkpoint("cp_fluid")
    s.answer("q_fluid", {"choice": "yes"})
    clock.advance(599.0)
    assert s.tick() is S.AT_CHECKPOINT and s.time_remaining() == 1.0
    clock.advance(5.0)
    assert s.tick() is S.TIME_EXPIRED
    assert s.is_over and s.outcome == "time_expired" and s.time_remaining() == 0.0
    totals = s.totals
    assert totals is not None
    # q_fluid scored from the draft; the path ahead (yes -> unstable) counts unanswered.
    assert totals.unreached == ("q_spot", "q_next")
    assert (totals.points, totals.max_points) == (1.0, 4.0)
    assert kinds(journal) == ["start", "response", "submit"]
    assert journal.records[1][1]["cause"] == "time_expired"
    assert journal.records[-1][1]["time_used_s"] == 600.0
    assert journal.records[-1][1]["outcome"] == "time_expired"
    assert s.media_directive.action is MediaAction.NONE
    with pytest.raises(SessionError):
        s.submit()
    with pytest.raises(SessionError):
        s.proctor_add_time(60)
    assert s.tick() is S.TIME_EXPIRED
    assert journal.resume_state is not None and journal.resume_state["state"] == "time_expired"


def test_time_expiry_while_playing_and_late_submit(case: m.Case, clock: VirtualClock) -> None:
    s = started(case, clock, MemoryJournal())
    clock.advance(700.0)
    with pytest.raises(SessionError, match="time_expired"):
        s.segment_reached_checkpoint("cp_fluid")
    totals = s.totals
    assert totals is not None and totals.unreached == ("q_fluid", "q_spot", "q_order", "q_cal")
    assert totals.max_points == 6.0 and totals.points == 0.0

    s2 = started(case, clock, MemoryJournal())
    s2.segment_reached_checkpoint("cp_fluid")
    clock.advance(601.0)
    outcome = s2.submit({"q_fluid": {"choice": "yes"}})  # lands after expiry: kept as it stands
    assert outcome.state is S.TIME_EXPIRED and outcome.cause == "time_expired"
    assert outcome.results[0].points == 1.0


def test_accommodation_and_time_grants(
    case: m.Case, clock: VirtualClock, journal: FlakyJournal
) -> None:
    with pytest.raises(ValueError, match="below 1"):
        ExamSession(case, clock, journal, accommodation=0.5)
    s = started(case, clock, journal, accommodation=1.5)
    assert s.time_limit() == 900.0
    clock.advance(850.0)
    assert s.tick() is S.PLAYING_SEGMENT
    s.proctor_add_time(120.0, "fire alarm")
    assert s.time_limit() == 1020.0 and s.time_remaining() == 170.0
    with pytest.raises(SessionError, match="must be positive"):
        s.proctor_add_time(0)
    assert journal.records[-1][1] == {
        "event": "time_grant",
        "seconds": 120.0,
        "note": "fire alarm",
        "at": 950.0,
    }
    clock.advance(170.0)
    assert s.tick() is S.TIME_EXPIRED


def test_proctor_pause_freezes_time(
    case: m.Case, clock: VirtualClock, journal: FlakyJournal
) -> None:
    s = started(case, clock, journal)
    s.segment_reached_checkpoint("cp_fluid")
    clock.advance(100.0)
    s.proctor_pause("candidate unwell")
    assert s.state is S.PAUSED_BY_PROCTOR
    assert s.media_directive.action is MediaAction.PAUSE
    assert s.media_directive.media_id == "cine_ruq"
    clock.advance(10_000.0)
    assert s.tick() is S.PAUSED_BY_PROCTOR and s.time_remaining() == 500.0
    with pytest.raises(SessionError):
        s.answer("q_fluid", {"choice": "yes"})
    with pytest.raises(SessionError, match="cannot pause"):
        s.proctor_pause()
    s.proctor_incident("noise outside")
    s.proctor_resume()
    assert s.state is S.AT_CHECKPOINT and s.time_remaining() == 500.0
    with pytest.raises(SessionError, match="cannot resume"):
        s.proctor_resume()
    events = [p["event"] for k, p in journal.records if k == "event"]
    assert events == ["proctor_pause", "incident", "proctor_resume"]


def test_leaving_full_screen_is_recorded_and_changes_nothing_else(
    case: m.Case, clock: VirtualClock, journal: FlakyJournal
) -> None:
    with pytest.raises(SessionError, match="left full screen"):
        ExamSession(case, clock, journal).left_full_screen()
    s = started(case, clock, journal)
    s.segment_reached_checkpoint("cp_fluid")
    clock.advance(42.0)
    before = (s.state, s.time_remaining(), s.media_directive)
    s.left_full_screen()
    assert (s.state, s.time_remaining(), s.media_directive) == before
    assert journal.records[-1] == ("event", {"event": "left_full_screen", "at": clock.now()})


def test_pause_during_review_resumes_the_review(
    case: m.Case, clock: VirtualClock, journal: FlakyJournal
) -> None:
    s = started(case, clock, journal)
    s.segment_reached_checkpoint("cp_fluid")
    s.replay_clip("cine_ruq")
    s.proctor_pause()
    assert s.media_directive.media_id == "cine_ruq"
    s.proctor_resume()
    assert s.state is S.REVIEWING


def test_media_stall_freezes_time(case: m.Case, clock: VirtualClock, journal: FlakyJournal) -> None:
    s = started(case, clock, journal)
    clock.advance(10.0)
    s.media_stalled("cine_ruq")
    assert s.media_is_stalled
    clock.advance(1000.0)
    assert s.tick() is S.PLAYING_SEGMENT and s.time_used() == 10.0
    s.media_resumed()
    clock.advance(5.0)
    assert s.time_used() == 15.0
    assert [t.event for t in s.transitions][-2:] == ["media_stalled", "media_resumed"]


def test_checkpoint_time_limit_submits_and_goes_on(tmp_path: Path, clock: VirtualClock) -> None:
    case = branching_case(tmp_path, checkpoint_time_limit_s=30.0)
    journal = MemoryJournal()
    s = started(case, clock, journal, accommodation=2.0)
    s.segment_reached_checkpoint("cp_fluid")
    s.answer("q_fluid", {"choice": "yes"})
    assert s.checkpoint_time_remaining() == 60.0
    clock.advance(59.0)
    assert s.tick() is S.AT_CHECKPOINT
    clock.advance(1.0)
    assert s.tick() is S.PLAYING_SEGMENT
    assert s.checkpoint_time_remaining() is None
    assert journal.records[-1][1]["cause"] == "checkpoint_time_limit"
    assert s.results[0].points == 1.0
    # A question's own limit wins over the setting.
    timed = replace(
        case,
        questions=tuple(
            replace(q, time_limit_s=10.0) if q.id == "q_spot" else q for q in case.questions
        ),
    )
    s2 = started(timed, clock, MemoryJournal())
    s2.segment_reached_checkpoint("cp_fluid")
    assert s2.checkpoint_time_remaining() == 30.0
    s2.submit()
    s2.segment_reached_checkpoint("cp_spot")
    assert s2.checkpoint_time_remaining() == 10.0


def test_journal_failure_leaves_the_submission_unacknowledged(
    case: m.Case, clock: VirtualClock, journal: FlakyJournal
) -> None:
    s = started(case, clock, journal)
    s.segment_reached_checkpoint("cp_fluid")
    journal.fail = 1
    with pytest.raises(JournalWriteError):
        s.submit({"q_fluid": {"choice": "yes"}})
    assert s.state is S.AT_CHECKPOINT and s.results == () and s.patient_state == {}
    assert s.drafts == {} and kinds(journal) == ["start"]
    outcome = s.submit({"q_fluid": {"choice": "yes"}})
    assert outcome.results[0].correct and s.state is S.PLAYING_SEGMENT
    assert kinds(journal) == ["start", "response"]


def test_journal_failure_on_start_and_final_submit(case: m.Case, clock: VirtualClock) -> None:
    journal = FlakyJournal()
    journal.fail = 1
    s = ExamSession(case, clock, journal)
    with pytest.raises(JournalWriteError):
        s.start()
    assert s.state is S.NOT_STARTED
    s.start()
    s.segment_reached_checkpoint("cp_fluid")
    s.submit({"q_fluid": {"choice": "yes"}})
    s.segment_reached_checkpoint("cp_spot")
    s.submit()
    s.segment_finished()
    journal.fail, journal.pass_first = 1, 1  # the response is written, the submit record fails
    with pytest.raises(JournalWriteError):
        s.submit({"q_next": {"choices": ["a", "c"]}})
    assert s.state is S.AT_CHECKPOINT and not s.is_over
    s.submit({"q_next": {"choices": ["a", "c"]}})
    assert s.state is S.FINISHED and kinds(journal)[-2:] == ["response", "submit"]


def test_practice_mode_returns_key_and_rationale(tmp_path: Path, clock: VirtualClock) -> None:
    case = branching_case(tmp_path, mode=m.Mode.PRACTICE)
    s = started(case, clock, MemoryJournal())
    s.segment_reached_checkpoint("cp_fluid")
    outcome = s.submit({"q_fluid": {"choice": "no"}})
    (fb,) = outcome.feedback
    assert fb.question_id == "q_fluid" and fb.key == ("yes",) and fb.rationale == "Because."
    assert fb.key_response == {"choice": "yes"} and fb.result.points == 0.0


def test_proctor_end_and_media_fault(case: m.Case, clock: VirtualClock) -> None:
    journal = MemoryJournal()
    s = started(case, clock, journal)
    s.segment_reached_checkpoint("cp_fluid")
    s.answer("q_fluid", {"choice": "no"})
    s.proctor_pause()
    s.proctor_end("candidate withdrew")
    assert s.state is S.FINISHED and s.outcome == "ended_by_proctor"
    assert s.totals is not None and s.totals.unreached == ("q_spot", "q_order", "q_cal")
    assert [k for k, _ in journal.records[-3:]] == ["event", "response", "submit"]
    assert journal.records[-3][1]["event"] == "proctor_end"

    journal = MemoryJournal()
    s = started(case, clock, journal)
    s.media_fault("cine_ruq", "decoder hiccup", fatal=False)
    assert s.state is S.PLAYING_SEGMENT
    s.media_fault("cine_ruq", "file unreadable")
    assert s.state is S.ABORTED and s.outcome == "aborted"
    assert s.totals is not None and not s.totals.passed and not s.totals.complete
    faults = [p for k, p in journal.records if k == "event"]
    assert [f["fatal"] for f in faults] == [False, True]
    with pytest.raises(SessionError, match="aborted"):
        s.media_stalled()


def test_transitions_are_timestamped_and_chained(
    case: m.Case, clock: VirtualClock, journal: FlakyJournal
) -> None:
    s = started(case, clock, journal)
    clock.advance(1.5)
    s.segment_reached_checkpoint("cp_fluid")
    clock.advance(3.0)
    s.submit({"q_fluid": {"choice": "no"}})
    trail = s.transitions
    assert [t.at for t in trail] == sorted(t.at for t in trail)
    for before, after in itertools.pairwise(trail):
        assert before.to_state is after.from_state
    assert trail[0].to_json()["from"] == "not_started"
    assert ("segment_reached_checkpoint", 101.5) in [(t.event, t.at) for t in trail]


def test_start_needs_readable_media(case: m.Case, clock: VirtualClock, tmp_path: Path) -> None:
    vtt = tmp_path / "ruq.vtt"
    vtt.write_text("WEBVTT\n", encoding="utf-8")
    item = replace(case.media_by_id("cine_ruq"), captions=vtt)
    captioned = replace(case, media=(item, *case.media[1:]))
    journal = MemoryJournal()
    started(captioned, clock, journal)
    digest = hashlib.sha256(b"WEBVTT\n").hexdigest()
    assert journal.records[0][1]["captions_sha256"] == {"cine_ruq": digest}
    vtt.unlink()
    with pytest.raises(SessionError, match=r"cannot read .*ruq\.vtt"):
        ExamSession(captioned, clock, MemoryJournal()).start()
    case.media_by_id("cine_lung").file.unlink()
    s = ExamSession(case, clock, MemoryJournal())
    with pytest.raises(SessionError, match=r"cannot read .*cine_lung"):
        s.start()
    assert s.state is S.NOT_STARTED


# -- resume ----------------------------------------------------------------------------------


def test_restore_resumes_after_the_last_submitted_checkpoint(
    case: m.Case, clock: VirtualClock, journal: FlakyJournal
) -> None:
    s = started(case, clock, journal)
    s.segment_reached_checkpoint("cp_fluid")
    s.replay_clip("cine_ruq")
    s.review_finished()
    clock.advance(40.0)
    s.submit({"q_fluid": {"choice": "yes"}})
    s.segment_reached_checkpoint("cp_spot")
    s.answer("q_spot", key(case, "q_spot"))  # a draft: lost in the crash
    clock.advance(30.0)
    snap = journal.resume_state
    assert snap is not None and snap["state"] == "playing_segment"

    later = VirtualClock(5000.0)
    journal2 = MemoryJournal()
    r = ExamSession.restore(case, snap, later, journal2)
    assert r.state is S.PLAYING_SEGMENT and r.path == ("scan",)
    d = r.media_directive
    assert d.checkpoint.id == "cp_spot" and d.resume_after.id == "cp_fluid"  # type: ignore[union-attr]
    assert r.time_used() == 40.0 and r.replays_left("cine_ruq") == 0
    assert r.patient_state == {"fluid": "present"} and r.results[0].correct
    assert journal2.records[0][1]["event"] == "resumed"
    r.segment_reached_checkpoint("cp_spot")
    r.submit({"q_spot": key(case, "q_spot")})
    r.segment_finished()
    r.submit({"q_next": key(case, "q_next")})
    assert r.totals is not None and r.totals.points == 4.0 and r.totals.path == ("scan", "unstable")


def test_restore_reopens_a_question_step_and_a_pause(case: m.Case, clock: VirtualClock) -> None:
    journal = MemoryJournal()
    s = started(case, clock, journal)
    s.segment_reached_checkpoint("cp_fluid")
    s.submit({"q_fluid": {"choice": "no"}})
    s.segment_reached_checkpoint("cp_spot")
    s.submit()
    s.segment_finished()
    s.proctor_pause()
    snap = journal.resume_state
    assert snap is not None and snap["state"] == "paused_by_proctor"
    r = ExamSession.restore(case, snap, VirtualClock(), MemoryJournal())
    assert r.state is S.PAUSED_BY_PROCTOR
    r.proctor_resume()
    assert r.state is S.AT_CHECKPOINT and r.open_checkpoint.id == "stable"  # type: ignore[union-attr]
    r2 = ExamSession.restore(case, s.snapshot(), VirtualClock(), MemoryJournal())
    assert r2.state is S.PAUSED_BY_PROCTOR


def test_restore_a_finished_session_and_bad_snapshots(
    case: m.Case, clock: VirtualClock, tmp_path: Path
) -> None:
    journal = MemoryJournal()
    s = started(case, clock, journal)
    s.proctor_end()
    done = ExamSession.restore(case, s.snapshot(), clock, MemoryJournal())
    assert done.state is S.FINISHED and done.totals == s.totals
    snap = s.snapshot()
    with pytest.raises(SessionError, match="format"):
        ExamSession.restore(case, {**snap, "format": "x"}, clock, journal)
    with pytest.raises(SessionError, match="is for case 'other'"):
        ExamSession.restore(case, {**snap, "case_id": "other"}, clock, journal)
    with pytest.raises(SessionError, match="not a usable resume state"):
        ExamSession.restore(case, {k: v for k, v in snap.items() if k != "path"}, clock, journal)
    fresh = ExamSession(case, clock, journal).snapshot()
    with pytest.raises(SessionError, match=r"has changed|never started"):
        ExamSession.restore(case, fresh, clock, journal)
    case.source.write_text("case: edited\n", encoding="utf-8")
    with pytest.raises(SessionError, match="has changed"):
        ExamSession.restore(case, snap, clock, journal)


def test_snapshot_is_json_able(case: m.Case, clock: VirtualClock) -> None:
    import json

    s = started(case, clock, MemoryJournal())
    s.segment_reached_checkpoint("cp_fluid")
    s.submit({"q_fluid": {"choice": "yes"}})
    snap = s.snapshot()
    assert json.loads(json.dumps(snap)) == snap
    # Scores (whose details can reveal a key) stay out of the resume state; restore recomputes them.
    assert snap["scored"] == ["q_fluid"] and "results" not in snap
    assert "sba.correct" not in json.dumps(snap)
    restored = ExamSession.restore(case, snap, clock, MemoryJournal())
    assert [r.rule for r in restored.results] == ["sba.correct"]


def test_restore_reopens_an_open_segment_checkpoint(case: m.Case, clock: VirtualClock) -> None:
    journal = MemoryJournal()
    s = started(case, clock, journal, accommodation=1.25)
    s.segment_reached_checkpoint("cp_fluid")
    s.answer("q_fluid", {"choice": "no"})
    clock.advance(12.0)
    s.proctor_incident("candidate asked a question")  # an event record carries the state
    snap = journal.resume_state
    assert snap is not None and snap["state"] == "at_checkpoint"
    r = ExamSession.restore(case, snap, VirtualClock(), MemoryJournal())
    assert r.state is S.AT_CHECKPOINT and r.accommodation == 1.25 and r.case is case
    assert [q.id for q in r.open_questions] == ["q_fluid"] and r.drafts == {}
    d = r.media_directive
    assert (d.action, d.media_id, d.checkpoint.id) == (MediaAction.HOLD, "cine_ruq", "cp_fluid")  # type: ignore[union-attr]
    assert r.time_used() == 12.0 and r.time_limit() == 750.0


def test_question_step_holds_its_image(tmp_path: Path, clock: VirtualClock) -> None:
    case = branching_case(tmp_path)
    steps = (replace(case.steps[1], image="still_ruq"), *case.steps)
    steps = (steps[0], *(s for s in steps[1:] if s.id != "unstable"))
    s = started(replace(case, steps=steps), clock, MemoryJournal())
    assert s.state is S.AT_CHECKPOINT and s.open_questions[0].id == "q_next"
    assert s.media_directive == s.media_directive.__class__(MediaAction.HOLD, "still_ruq")
    assert s.open_checkpoint.image == "still_ruq" and s.open_checkpoint.clips == ()  # type: ignore[union-attr]
    with pytest.raises(SessionError, match="never started"):
        ExamSession.restore(case, {**s.snapshot(), "state": "not_started"}, clock, MemoryJournal())


def test_the_start_record_names_the_candidate(case: m.Case, clock: VirtualClock) -> None:
    journal = MemoryJournal()
    s = ExamSession(case, clock, journal, candidate={"id": "C-7", "name": "Ada Lovelace"})
    s.start()
    kind, payload = journal.records[0]
    assert kind == "start" and payload["candidate"] == {"id": "C-7", "name": "Ada Lovelace"}
