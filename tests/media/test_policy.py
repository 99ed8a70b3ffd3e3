"""Exam and preview playback rules (pure logic)."""

from __future__ import annotations

import pytest

from pocus_player.media.policy import (
    FrameStepNotAllowed,
    PlaybackPolicy,
    ReplayLimitExceeded,
    SeekNotAllowed,
)


def test_exam_allows_seeking_back_only_into_what_was_shown():
    policy = PlaybackPolicy.exam()
    policy.check_seek(10, furthest_seen=40)
    policy.check_seek(40, furthest_seen=40)
    with pytest.raises(SeekNotAllowed, match=r"cannot seek to frame 41.*up to 40"):
        policy.check_seek(41, furthest_seen=40)
    with pytest.raises(FrameStepNotAllowed, match="preview mode only"):
        policy.check_step()


def test_preview_allows_everything():
    policy = PlaybackPolicy.preview()
    policy.check_seek(10_000, furthest_seen=-1)
    policy.check_step()
    for _ in range(50):
        policy.record_replay("clip")
    assert policy.replays_left("clip") is None


def test_replays_are_counted_per_clip_against_the_limit():
    policy = PlaybackPolicy.exam(replay_limit=2)
    assert policy.replays_left("a") == 2
    assert policy.record_replay("a") == 1
    assert policy.record_replay("a") == 2
    assert policy.replays_left("a") == 0
    with pytest.raises(ReplayLimitExceeded) as err:
        policy.record_replay("a")
    assert str(err.value) == "clip 'a' may be replayed at most 2 times"
    assert (err.value.media_id, err.value.limit) == ("a", 2)
    assert policy.record_replay("b") == 1  # another clip has its own count
    # a clip's own limit overrides the case setting
    assert policy.record_replay("c", limit=1) == 1
    with pytest.raises(ReplayLimitExceeded, match=r"at most 1 time$"):
        policy.record_replay("c", limit=1)
