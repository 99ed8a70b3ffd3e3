"""The session's time limits: the overall one with its grants, an open checkpoint's own one.

Both are multiplied by the accommodation factor when set; a proctor's grant is not. The
overall timer runs while the candidate works, the checkpoint's while its questions are open,
and both freeze while the proctor pauses or the media stalls.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pocus_player.core.model import Case, Question
from pocus_player.core.session_types import ACTIVE, OPEN, SessionState
from pocus_player.core.timers import CountdownTimer

# What a due timer does (`ExamTimers.due`): end the case, or submit the open checkpoint.
TIME_EXPIRED = "time_expired"
CHECKPOINT_TIME_LIMIT = "checkpoint_time_limit"


def checkpoint_limit(
    case: Case, questions: Sequence[Question], accommodation: float
) -> float | None:
    """The sum of the questions' own limits when any is set, else the case's per-checkpoint one."""
    own = [q.time_limit_s for q in questions if q.time_limit_s is not None]
    limit = sum(own) if own else case.settings.checkpoint_time_limit_s
    return limit * accommodation if limit is not None else None


@dataclass(slots=True)
class ExamTimers:
    """The overall timer (`extra_time_s`: the proctor's grants on it) and the checkpoint's."""

    overall: CountdownTimer
    checkpoint: CountdownTimer | None = None
    extra_time_s: float = 0.0

    def copy(self) -> ExamTimers:
        timer = self.checkpoint.copy() if self.checkpoint else None
        return ExamTimers(self.overall.copy(), timer, self.extra_time_s)

    @property
    def limit(self) -> float:
        assert self.overall.limit is not None
        return self.overall.limit

    def used_within_limit(self, now: float) -> float:
        """The exam time used, as the result file counts it: never more than the limit."""
        return min(self.overall.elapsed(now), self.limit)

    def sync(self, state: SessionState, stalled: bool, now: float) -> None:
        """Run or freeze each timer for the session's state."""
        self.overall.set_running(state in ACTIVE and not stalled, now)
        if self.checkpoint is not None:
            self.checkpoint.set_running(state in OPEN and not stalled, now)

    def due(self, now: float) -> str | None:
        """TIME_EXPIRED, CHECKPOINT_TIME_LIMIT, or None while time is left."""
        if self.overall.expired(now):
            return TIME_EXPIRED
        if self.checkpoint is not None and self.checkpoint.expired(now):
            return CHECKPOINT_TIME_LIMIT
        return None

    def grant(self, seconds: float) -> None:
        self.overall.extend(seconds)
        self.extra_time_s += seconds
