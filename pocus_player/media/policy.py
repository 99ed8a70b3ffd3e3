"""Exam and preview rules for playback: how far a candidate may seek, how often a clip replays."""

from __future__ import annotations

from dataclasses import dataclass, field


class PlaybackPolicyError(Exception):
    """A playback action the current mode does not allow; the message says why."""


class SeekNotAllowed(PlaybackPolicyError):
    pass


class FrameStepNotAllowed(PlaybackPolicyError):
    pass


class ReplayLimitExceeded(PlaybackPolicyError):
    def __init__(self, media_id: str, limit: int) -> None:
        super().__init__(
            f"clip {media_id!r} may be replayed at most {limit} time{'s' if limit != 1 else ''}"
        )
        self.media_id = media_id
        self.limit = limit


@dataclass
class PlaybackPolicy:
    """What the candidate may do with a clip.

    Exam mode: seeking only back into what has already been shown, no frame
    stepping, replays counted per clip. Preview mode: anything goes.
    """

    seek_beyond_seen: bool = False
    frame_step: bool = False
    replay_limit: int | None = None  # None: unlimited
    _replays: dict[str, int] = field(default_factory=dict)

    @classmethod
    def exam(cls, replay_limit: int | None = None) -> PlaybackPolicy:
        return cls(seek_beyond_seen=False, frame_step=False, replay_limit=replay_limit)

    @classmethod
    def preview(cls) -> PlaybackPolicy:
        return cls(seek_beyond_seen=True, frame_step=True, replay_limit=None)

    def check_seek(self, target_frame: int, furthest_seen: int) -> None:
        if not self.seek_beyond_seen and target_frame > furthest_seen:
            raise SeekNotAllowed(
                f"cannot seek to frame {target_frame}: in an exam only frames already shown "
                f"(up to {max(furthest_seen, 0)}) can be revisited"
            )

    def check_step(self) -> None:
        if not self.frame_step:
            raise FrameStepNotAllowed("frame stepping is available in preview mode only")

    def replays(self, media_id: str) -> int:
        return self._replays.get(media_id, 0)

    def replays_left(self, media_id: str, limit: int | None = None) -> int | None:
        lim = self.replay_limit if limit is None else limit
        if lim is None:
            return None
        return max(0, lim - self.replays(media_id))

    def record_replay(self, media_id: str, limit: int | None = None) -> int:
        """Count one replay of the clip; ReplayLimitExceeded when none are left."""
        lim = self.replay_limit if limit is None else limit
        used = self.replays(media_id)
        if lim is not None and used >= lim:
            raise ReplayLimitExceeded(media_id, lim)
        self._replays[media_id] = used + 1
        return used + 1
