"""The one translation of a session's media directive into engine calls (exam and preview alike).

`ExamSession.media_directive` says what the media should do now (play a
segment to a checkpoint or to its end, hold, pause, replay); `plan_segment`
decides how a segment directive becomes engine calls given what the engine
holds, and `play_on` carries out the common case on any `PlayerEngine`. The
exam controller and the preview's follow mode both go through here, so a
segment plays to the same stops in both.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from pocus_player.core.model import Checkpoint
from pocus_player.core.session import MediaAction, MediaDirective
from pocus_player.media.engine_api import PlayerEngine, State

SEGMENT_ACTIONS = (MediaAction.PLAY_TO_CHECKPOINT, MediaAction.PLAY_TO_END)


class SegmentMove(enum.Enum):
    PLAY_ON = "play_on"  # the clip is loaded: stop at the checkpoint, play on
    OVER = "over"  # it already ran out at its checkpoint: the segment is over, never replay it
    LOAD_AT_RESUME = (
        "load_at_resume"  # after a resume: load paused, show the last checkpoint's frame
    )
    LOAD = "load"  # load the clip and play it to the checkpoint


@dataclass(frozen=True, slots=True)
class SegmentPlan:
    move: SegmentMove
    media_id: str
    stops: tuple[Checkpoint, ...]  # where the engine stops (the directive's checkpoint, if any)
    resume_at: Checkpoint | None = None  # LOAD_AT_RESUME: the checkpoint to show first


def is_segment(d: MediaDirective) -> bool:
    return d.action in SEGMENT_ACTIONS and d.media_id is not None


def segment_stops(d: MediaDirective) -> tuple[Checkpoint, ...]:
    return (d.checkpoint,) if d.checkpoint is not None else ()


def plan_segment(
    d: MediaDirective, *, loaded_media: str | None, engine: PlayerEngine
) -> SegmentPlan:
    """How to play a segment directive, given the clip the engine holds (`loaded_media`)."""
    assert d.media_id is not None, "a segment directive names its media"
    stops = segment_stops(d)
    if loaded_media == d.media_id and engine.media is not None:
        if engine.state is State.ENDED and d.action is MediaAction.PLAY_TO_END:
            return SegmentPlan(SegmentMove.OVER, d.media_id, stops)
        return SegmentPlan(SegmentMove.PLAY_ON, d.media_id, stops)
    if d.resume_after is not None:
        return SegmentPlan(SegmentMove.LOAD_AT_RESUME, d.media_id, stops, d.resume_after)
    return SegmentPlan(SegmentMove.LOAD, d.media_id, stops)


def play_on(engine: PlayerEngine, plan: SegmentPlan) -> None:
    """The clip is loaded: stop at the plan's checkpoint (on its frame, or its time), play."""
    engine.set_checkpoints(plan.stops)
    engine.play()
