"""The exam session's vocabulary: its states, media directives, the open checkpoint, outcomes.

Plain values the session hands out and the ui reads (see `core/session.py`).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pocus_player.core.errors import SessionError
from pocus_player.core.model import Case, Checkpoint, Question
from pocus_player.core.scoring import ScoreResult


class SessionState(enum.StrEnum):
    NOT_STARTED = "not_started"
    PLAYING_SEGMENT = "playing_segment"
    AT_CHECKPOINT = "at_checkpoint"
    REVIEWING = "reviewing"
    PAUSED_BY_PROCTOR = "paused_by_proctor"
    TIME_EXPIRED = "time_expired"
    FINISHED = "finished"
    ABORTED = "aborted"

    @property
    def is_over(self) -> bool:
        return self in TERMINAL


TERMINAL = frozenset({SessionState.TIME_EXPIRED, SessionState.FINISHED, SessionState.ABORTED})
# The candidate is working: the overall timer runs (unless the media stalls).
ACTIVE = frozenset(
    {SessionState.PLAYING_SEGMENT, SessionState.AT_CHECKPOINT, SessionState.REVIEWING}
)
# A checkpoint is open: its questions take answers and its own timer runs.
OPEN = frozenset({SessionState.AT_CHECKPOINT, SessionState.REVIEWING})


class ReplayLimitReached(SessionError):
    """The clip has been replayed as often as the case allows."""


class MediaAction(enum.StrEnum):
    NONE = "none"
    PLAY_TO_CHECKPOINT = "play_to_checkpoint"
    PLAY_TO_END = "play_to_end"
    HOLD = "hold"
    REPLAY = "replay"
    PAUSE = "pause"


@dataclass(frozen=True, slots=True)
class MediaDirective:
    action: MediaAction
    media_id: str | None = None
    checkpoint: Checkpoint | None = None  # PLAY_TO_CHECKPOINT: stop here; HOLD: held here
    resume_after: Checkpoint | None = None  # the media should already be held on this one


@dataclass(frozen=True, slots=True)
class OpenCheckpoint:
    id: str  # the checkpoint id, or the step id for review and question steps
    step_id: str
    title: str
    questions: tuple[Question, ...]
    clips: tuple[str, ...]  # timed media the candidate may review here
    image: str | None  # a still or strip shown beside the questions (question steps)


@dataclass(frozen=True, slots=True)
class Transition:
    at: float  # the session clock (monotonic seconds)
    event: str
    from_state: SessionState
    to_state: SessionState
    detail: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "event": self.event,
            "from": self.from_state.value,
            "to": self.to_state.value,
            "detail": dict(self.detail),
        }


@dataclass(frozen=True, slots=True)
class Feedback:
    """Practice mode: what the candidate is shown after submitting a question."""

    question_id: str
    result: ScoreResult
    key: tuple[str, ...]
    key_response: Mapping[str, Any]
    rationale: str


@dataclass(frozen=True, slots=True)
class SubmitOutcome:
    checkpoint_id: str
    results: tuple[ScoreResult, ...]
    feedback: tuple[Feedback, ...]  # practice mode only; empty in exam mode
    state: SessionState  # the state after the submission
    cause: str  # "candidate", "checkpoint_time_limit", "time_expired"


@dataclass(frozen=True, slots=True)
class Sitting:
    """Who sits the case, how, and from what: fixed for the whole attempt.

    `candidate` (e.g. {"id": ..., "name": ...}) goes inside the encrypted start record, as a
    file name can be changed. `delivery` is the sealed package the case came from (id,
    version, SHA-256, signer); with `keys_withheld` the case holds placeholder keys, so
    nothing is scored here: responses are recorded with their score pending, for the board.
    """

    app_version: str
    accommodation: float = 1.0
    candidate: Mapping[str, str] = field(default_factory=dict)
    delivery: Mapping[str, Any] = field(default_factory=dict)

    @property
    def scores_withheld(self) -> bool:
        return bool(self.delivery.get("keys_withheld"))

    def start_record(
        self,
        case: Case,
        digests: tuple[str, dict[str, str], dict[str, str]],
        time_limit_s: float | None,
        now: float,
    ) -> dict[str, Any]:
        """The journal's "start" record; `digests`: the script's, the media's, the captions'."""
        script_sha, media_sha, captions_sha = digests
        return {
            "app_version": self.app_version,
            "case_id": case.meta.id,
            "case_version": case.meta.version,
            "case_sha256": script_sha,
            "media_sha256": media_sha,
            "captions_sha256": captions_sha,
            "mode": case.settings.mode.value,
            "accommodation": self.accommodation,
            "time_limit_s": time_limit_s,
            "started_at": now,
            "candidate": dict(self.candidate),
            **({"package": dict(self.delivery)} if self.delivery else {}),
        }
