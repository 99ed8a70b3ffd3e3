"""The session's resume state: what a snapshot holds, and the session data rebuilt from one.

A snapshot is JSON-able and goes to the journal with each event's last record. It holds the
submitted responses but no score (a score's details can reveal a key, e.g. a caliper's
expected value): scores and totals are recomputed on restore, as scoring is deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pocus_player.core.digests import case_digests
from pocus_player.core.errors import SessionError
from pocus_player.core.model import Case
from pocus_player.core.session_data import SessionData
from pocus_player.core.session_scoring import score_responses, totals_of
from pocus_player.core.session_timers import ExamTimers
from pocus_player.core.session_types import SessionState
from pocus_player.core.timers import CountdownTimer

SNAPSHOT_FORMAT = "pocus-session/1"


def snapshot_of(
    case: Case, data: SessionData, now: float, accommodation: float
) -> dict[str, Any]:
    timers = data.timers
    return {
        "format": SNAPSHOT_FORMAT,
        "case_id": case.meta.id,
        "case_version": case.meta.version,
        "case_sha256": data.case_sha256,
        "state": data.state.value,
        "paused_from": data.paused_from.value if data.paused_from else None,
        "step": data.step_id,
        "checkpoint_index": data.cp_index,
        "open_checkpoint": data.open_cp,
        "path": list(data.path),
        "submitted": list(data.submitted),
        "responses": {k: dict(v) for k, v in data.responses.items()},
        # Only which questions were scored: their scores are recomputed on restore.
        "scored": list(data.results),
        "patient_state": dict(data.patient),
        "plays": dict(data.plays),
        "replays": dict(data.replays),
        "time_used_s": round(timers.overall.elapsed(now), 6),
        "time_limit_s": timers.overall.limit,
        "extra_time_s": timers.extra_time_s,
        "accommodation": accommodation,
        "outcome": data.outcome,
        "unreached": list(data.unreached),
    }


def checked_script_sha(case: Case, snap: Mapping[str, Any]) -> str:
    """The case script's SHA-256, once the snapshot is known to be of this case, unchanged."""
    if snap.get("format") != SNAPSHOT_FORMAT:
        raise SessionError(
            f"resume state format {snap.get('format')!r} is not {SNAPSHOT_FORMAT}"
        )
    if snap["case_id"] != case.meta.id:
        raise SessionError(
            f"resume state is for case {snap['case_id']!r}, not {case.meta.id!r}"
        )
    script_sha, _ = case_digests(case)
    if snap["case_sha256"] != script_sha:
        raise SessionError("the case script has changed since the session started")
    return script_sha


def restore_data(case: Case, snap: Mapping[str, Any], data: SessionData) -> SessionState:
    """Fill `data` from the snapshot; returns the state it was saved in.

    A session that was over is restored as it ended, with its totals; otherwise the
    caller takes the session back into the returned state (`SessionFlow.reopen`).
    """
    data.timers = ExamTimers(
        CountdownTimer(float(snap["time_limit_s"]), float(snap["time_used_s"])),
        extra_time_s=float(snap["extra_time_s"]),
    )
    data.path = list(snap["path"])
    data.submitted = list(snap["submitted"])
    data.responses = {k: dict(v) for k, v in snap["responses"].items()}
    data.results = score_responses(case, data.responses, snap["scored"])
    data.patient = dict(snap["patient_state"])
    data.plays = {k: int(v) for k, v in snap["plays"].items()}
    data.replays = {k: int(v) for k, v in snap["replays"].items()}
    data.step_id = snap["step"]
    data.cp_index = int(snap["checkpoint_index"])
    state = SessionState(snap["state"])
    if state.is_over:
        outcome: str = snap["outcome"]
        data.state = state
        data.outcome = outcome
        data.unreached = list(snap["unreached"])
        data.totals = totals_of(case, data, outcome, data.unreached)
    return state
