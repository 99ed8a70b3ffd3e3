"""What the media should do in each session state, and which clips a candidate may review.

Read-only rules over the case and the session's data: `media_directive` is what the ui
plays, holds or pauses now; `describe_open` is the checkpoint on screen, with its clips.
"""

from __future__ import annotations

from pocus_player.core.model import Case, Checkpoint, Step, StepType
from pocus_player.core.session_data import SessionData, current_step
from pocus_player.core.session_types import (
    ACTIVE,
    MediaAction,
    MediaDirective,
    OpenCheckpoint,
    SessionState,
)


def media_directive(case: Case, data: SessionData) -> MediaDirective:
    state = data.state
    if state is SessionState.PAUSED_BY_PROCTOR:
        return MediaDirective(MediaAction.PAUSE, _active_media(case, data))
    if state not in ACTIVE or data.step_id is None:
        return MediaDirective(MediaAction.NONE)
    step = current_step(case, data)
    if state is SessionState.REVIEWING:
        return MediaDirective(MediaAction.REPLAY, data.replaying)
    before = _resume_point(data, step)
    if state is SessionState.AT_CHECKPOINT:
        if step.type is StepType.SEGMENT:
            return MediaDirective(
                MediaAction.HOLD, step.media, step.checkpoints[data.cp_index], before
            )
        return MediaDirective(MediaAction.HOLD, step.image)
    if data.cp_index < len(step.checkpoints):
        return MediaDirective(
            MediaAction.PLAY_TO_CHECKPOINT, step.media, step.checkpoints[data.cp_index], before
        )
    return MediaDirective(MediaAction.PLAY_TO_END, step.media, None, before)


def describe_open(case: Case, data: SessionData) -> OpenCheckpoint:
    """The open checkpoint: its title, questions, the still beside them and the clips to review."""
    step = current_step(case, data)
    assert data.open_cp is not None
    if step.type is StepType.SEGMENT:
        cp = step.checkpoints[data.cp_index]
        qids, title = cp.questions, cp.title or step.title
    else:
        qids, title = step.questions, step.title
    questions = tuple(case.question_by_id(q) for q in qids)
    candidates = [
        step.media,
        *step.clips,
        step.image,
        *(q.image.media for q in questions if q.image),
    ]
    clips: list[str] = []
    for mid in candidates:
        if mid is not None and mid not in clips and _replayable(case, mid):
            clips.append(mid)
    return OpenCheckpoint(data.open_cp, step.id, title, questions, tuple(clips), step.image)


def replay_limit(case: Case, media_id: str) -> int | None:
    """The clip's own replay limit, else the case's (None: unlimited)."""
    item = case.media_by_id(media_id)
    if item.replay_limit is not None:
        return item.replay_limit
    return case.settings.clip_replay_limit


def _replayable(case: Case, media_id: str) -> bool:
    item = case.media_by_id(media_id)
    # An M-mode strip may be a picture; only moving media can be replayed.
    return item.kind.is_timed and not item.is_picture


def _active_media(case: Case, data: SessionData) -> str | None:
    if data.paused_from is SessionState.REVIEWING:
        return data.replaying
    return current_step(case, data).media


def _resume_point(data: SessionData, step: Step) -> Checkpoint | None:
    if step.type is not StepType.SEGMENT or data.cp_index == 0:
        return None
    return step.checkpoints[data.cp_index - 1]
