"""Which way a seek goes, and which checkpoint comes next (no libvlc, no Qt)."""

from __future__ import annotations

from pocus_player.core.frame_timeline import FrameTimeline
from pocus_player.core.model import Checkpoint
from pocus_player.media.cue_schedule import CueSchedule
from pocus_player.media.engine_api import CueTarget
from pocus_player.media.seek_plan import SCAN_RATE, SeekWay, clamp_seek, plan_seek


def plan(frame: int, **kw):  # type: ignore[no-untyped-def]
    args = dict(
        shown=10,
        seeking=False,
        queued=[],
        last_decoded=12,
        decoding=True,
        frame_rate=30.0,
        has_audio=False,
    )
    args.update(kw)
    return plan_seek(frame, **args)


def test_the_frame_on_screen_needs_nothing_unless_a_seek_is_under_way():
    assert plan(10).way is SeekWay.ON_SCREEN
    assert plan(10, seeking=True).way is not SeekWay.ON_SCREEN


def test_a_decoded_frame_is_taken_from_the_queue_not_an_earlier_runs():
    p = plan(12, queued=[None, 11, 12])
    assert p.way is SeekWay.QUEUED and p.queue_position == 2
    assert plan(12, queued=[None], last_decoded=11).way is SeekWay.FORWARD


def test_just_ahead_decodes_forward_anywhere_else_from_the_start():
    assert plan(12 + 30).way is SeekWay.FORWARD  # within a second of the decoder
    assert plan(12 + 31).way is SeekWay.FROM_START
    assert plan(100).scan_rate == SCAN_RATE
    assert plan(5).way is SeekWay.FROM_START  # behind: from the start
    assert plan(20, decoding=False).way is SeekWay.FROM_START  # libvlc at its end


def test_from_the_start_scans_fast_only_without_sound_and_away_from_frame_zero():
    assert plan(200, has_audio=True).scan_rate == 1.0
    assert plan(59, last_decoded=-1, shown=None).scan_rate == 1.0  # under two seconds in
    assert plan(60, last_decoded=-1, shown=None).scan_rate == SCAN_RATE


def test_a_seek_target_stays_inside_the_clip():
    assert clamp_seek(-3, 100) == 0
    assert clamp_seek(250, 100) == 99
    assert clamp_seek(250, 0) == 250  # length unknown


def test_checkpoints_come_in_frame_order_each_once_until_forgotten():
    cues = CueSchedule()
    cues.set(
        [
            Checkpoint("late", time_s=2.0, frame=None, questions=()),
            CueTarget("early", 12),
        ],
        FrameTimeline(30.0),
    )
    assert [c.checkpoint_id for c in cues.cues] == ["early", "late"]
    first = cues.next_after(-1)
    assert first == CueTarget("early", 12)
    assert cues.due_at(11) is None and cues.due_at(12) == first
    cues.reach(first)
    assert cues.next_after(-1) == CueTarget("late", 60)
    assert cues.next_after(60) is None
    cues.forget_reached()
    assert cues.next_after(-1) == first
