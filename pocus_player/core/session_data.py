"""The session's mutable state, and the transaction in which an event changes a copy of it.

Every event runs on a copy (`SessionData.copy`) inside a `Transaction` that collects the
records to journal; `ExamSession` journals them and only then keeps the copy, so a failed
journal write leaves no trace.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pocus_player.core.journal_api import RecordKind
from pocus_player.core.model import Case, Step
from pocus_player.core.scoring import ScoreResult
from pocus_player.core.session_timers import ExamTimers
from pocus_player.core.session_types import SessionState, SubmitOutcome, Transition
from pocus_player.core.totals import CaseTotals

log = logging.getLogger(__name__)


@dataclass(slots=True)
class SessionData:
    """Everything about one attempt that changes as it goes."""

    timers: ExamTimers
    state: SessionState = SessionState.NOT_STARTED
    paused_from: SessionState | None = None
    stalled: bool = False
    step_id: str | None = None
    cp_index: int = 0  # the segment's next (or open) checkpoint
    open_cp: str | None = None
    replaying: str | None = None
    cp_opened_at: float | None = None
    path: list[str] = field(default_factory=list)
    submitted: list[str] = field(default_factory=list)
    results: dict[str, ScoreResult] = field(default_factory=dict)
    responses: dict[str, dict[str, Any]] = field(default_factory=dict)
    patient: dict[str, str] = field(default_factory=dict)
    plays: dict[str, int] = field(default_factory=dict)
    replays: dict[str, int] = field(default_factory=dict)
    drafts: dict[str, dict[str, Any]] = field(default_factory=dict)
    case_sha256: str = ""
    outcome: str | None = None
    unreached: list[str] = field(default_factory=list)
    totals: CaseTotals | None = None
    transitions: list[Transition] = field(default_factory=list)

    def copy(self) -> SessionData:
        return SessionData(
            timers=self.timers.copy(),
            state=self.state,
            paused_from=self.paused_from,
            stalled=self.stalled,
            step_id=self.step_id,
            cp_index=self.cp_index,
            open_cp=self.open_cp,
            replaying=self.replaying,
            cp_opened_at=self.cp_opened_at,
            path=list(self.path),
            submitted=list(self.submitted),
            results=dict(self.results),
            responses=dict(self.responses),
            patient=dict(self.patient),
            plays=dict(self.plays),
            replays=dict(self.replays),
            drafts=dict(self.drafts),
            case_sha256=self.case_sha256,
            outcome=self.outcome,
            unreached=list(self.unreached),
            totals=self.totals,
            transitions=list(self.transitions),
        )


def current_step(case: Case, data: SessionData) -> Step:
    """The step the candidate is in (the session has started)."""
    assert data.step_id is not None
    return case.step_by_id(data.step_id)


@dataclass(slots=True)
class Transaction:
    """One event's changes: the copy it works on, its clock time, the records to journal."""

    data: SessionData
    now: float
    records: list[tuple[RecordKind, dict[str, Any]]] = field(default_factory=list)
    submission: SubmitOutcome | None = None

    def record(self, kind: RecordKind, payload: dict[str, Any]) -> None:
        self.records.append((kind, payload))

    def log(self, event: str, detail: Mapping[str, Any]) -> None:
        """An event that leaves the state as it is."""
        state = self.data.state
        self.data.transitions.append(Transition(self.now, event, state, state, dict(detail)))
        self._sync_timers()

    def set_state(
        self, new: SessionState, event: str, detail: Mapping[str, Any] | None = None
    ) -> None:
        old = self.data.state
        self.data.transitions.append(Transition(self.now, event, old, new, dict(detail or {})))
        self.data.state = new
        self._sync_timers()
        log.debug("session %s -> %s on %s", old.value, new.value, event)

    def _sync_timers(self) -> None:
        self.data.timers.sync(self.data.state, self.data.stalled, self.now)
