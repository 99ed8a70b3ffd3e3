"""Which checkpoint the engine stops on next: the authored frames of a clip, each reached once per load."""

from __future__ import annotations

from collections.abc import Iterable

from pocus_player.core.frame_timeline import FrameTimeline
from pocus_player.core.model import Checkpoint
from pocus_player.media.engine_api import CueTarget


class CueSchedule:
    """The clip's checkpoints as frame numbers, in frame order, and which were reached."""

    def __init__(self) -> None:
        self._cues: list[CueTarget] = []
        self._reached: set[str] = set()

    def set(self, checkpoints: Iterable[Checkpoint | CueTarget], timeline: FrameTimeline) -> None:
        """Frames to stop on (a checkpoint authored as a time stops on the frame shown then)."""
        cues: list[CueTarget] = []
        for cp in checkpoints:
            if isinstance(cp, CueTarget):
                cues.append(cp)
            else:
                cues.append(CueTarget(cp.id, cp.target_frame(timeline)))
        cues.sort(key=lambda c: c.frame)
        self._cues = cues
        self._reached = set()

    def clear(self) -> None:
        self._cues = []
        self._reached = set()

    def forget_reached(self) -> None:
        """A replay: every checkpoint stops again."""
        self._reached = set()

    @property
    def cues(self) -> tuple[CueTarget, ...]:
        return tuple(self._cues)

    def next_after(self, frame: int) -> CueTarget | None:
        """The first checkpoint not yet reached whose frame comes after `frame`."""
        for cue in self._cues:
            if cue.checkpoint_id not in self._reached and cue.frame > frame:
                return cue
        return None

    def due_at(self, frame: int) -> CueTarget | None:
        """The first checkpoint not yet reached at or before `frame` (shown now: stop here)."""
        for cue in self._cues:
            if cue.checkpoint_id not in self._reached and cue.frame <= frame:
                return cue
        return None

    def reach(self, cue: CueTarget) -> None:
        self._reached.add(cue.checkpoint_id)
