"""Shared helpers for the journal and board tests: demo keys, a written session, frame surgery."""

from __future__ import annotations

from pathlib import Path

from pocus_player.core.journal import EncryptedJournal
from pocus_player.core.journal_format import (
    Verification,
    load_identities,
    scan_frames,
    verify_file,
)
from pocus_player.resources import demo_board_identity, demo_board_recipient

DEMO_PUB = demo_board_recipient()
DEMO_KEY = demo_board_identity()


def write_session(
    results_dir: Path,
    responses: int = 4,
    *,
    submit: bool = True,
    case_id: str = "fast-01",
    candidate_id: str = "C0042",
) -> EncryptedJournal:
    """A session: start, `responses` responses, one event, then (optionally) submit."""
    journal = EncryptedJournal.create(
        recipient=DEMO_PUB, case_id=case_id, candidate_id=candidate_id, results_dir=results_dir
    )
    journal.append("start", {"case_id": case_id, "candidate_id": candidate_id}, {"step": "s0"})
    for i in range(1, responses + 1):
        journal.append(
            "response",
            {"question_id": f"q{i}", "response": {"choice": "b"}, "i": i},
            {"step": f"s{i}", "n": i},
        )
    journal.append("event", {"event": "proctor_pause"})
    if submit:
        journal.submit({"reason": "candidate"}, {"step": "end"})
    else:
        journal.close()
    return journal


def frame_spans(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of every intact frame, in file order."""
    return [(f.offset, f.end) for f in scan_frames(data).frames]


def verify(path: Path) -> Verification:
    return verify_file(path, load_identities(DEMO_KEY))


def codes(v: Verification) -> set[str]:
    return {i.code for i in v.issues}
