"""EncryptedJournal: records, submit, resume after a crash, locking, failures, no plaintext."""

from __future__ import annotations

import errno
import os
import random
import re
from pathlib import Path

import pytest

from pocus_player.core import journal as journal_module
from pocus_player.core.clock import VirtualClock
from pocus_player.core.journal import EncryptedJournal, file_safe_id
from pocus_player.core.journal_api import Journal, JournalWriteError
from pocus_player.core.journal_format import scan_frames
from pocus_player.core.resume import JournalLockedError, default_resume_dir, find_unfinished
from tests.core.journal_helpers import DEMO_PUB, codes, frame_spans, verify, write_session

NAME_RE = re.compile(r"fast-01_C0042_\d{8}T\d{6}Z_[a-z2-7]{8}\.pocusresult")


def _new(tmp_path: Path, **kw: object) -> EncryptedJournal:
    return EncryptedJournal.create(
        recipient=DEMO_PUB, case_id="fast-01", candidate_id="C0042", results_dir=tmp_path, **kw
    )


def test_implements_the_journal_protocol(tmp_path: Path) -> None:
    journal: Journal = _new(tmp_path)
    journal.append("start", {"case_id": "fast-01"})
    assert isinstance(journal, EncryptedJournal) and journal.last_seq == 0
    journal.close()


def test_records_carry_seq_times_and_payload(tmp_path: Path) -> None:
    clock = VirtualClock(100.0)
    journal = _new(tmp_path, clock=clock, wall_clock=lambda: 1_800_000_000.25)
    journal.append("start", {"case_id": "fast-01"}, {"step": "a"})
    clock.advance(2.5)
    journal.append("response", {"question_id": "q1", "response": {"choice": "b"}}, {"step": "b"})
    receipt = journal.submit({"reason": "done"})
    assert NAME_RE.fullmatch(journal.path.name)
    assert journal.path.name.split("_")[2] == "20270115T080000Z"
    v = verify(journal.path)
    assert v.ok and v.receipt == receipt == journal.receipt
    start, response, submit = v.records
    assert (start.mono, response.mono) == (100.0, 102.5)
    assert response.wall == "2027-01-15T08:00:00.250Z"
    assert response.payload == {"question_id": "q1", "response": {"choice": "b"}}
    assert submit.type == "submit" and submit.payload == {"reason": "done"}
    assert journal.submitted


def test_file_names_tell_sessions_apart(tmp_path: Path) -> None:
    a = EncryptedJournal.create(
        recipient=DEMO_PUB, case_id="lung/dyspnea 2", candidate_id="Ann_Lee", results_dir=tmp_path
    )
    b = _new(tmp_path)
    assert a.path.name.startswith("lung-dyspnea-2_Ann-Lee_")
    assert a.path != b.path and a.session_id != b.session_id
    a.append("start", {})
    # Resume offers both the file-safe ids and the exact ones.
    (unfinished,) = find_unfinished(tmp_path)
    assert (unfinished.case_id, unfinished.candidate_id) == ("lung-dyspnea-2", "Ann-Lee")
    assert (unfinished.case_id, unfinished.candidate_id) == (
        file_safe_id("lung/dyspnea 2"),
        file_safe_id("Ann_Lee"),
    )
    assert (unfinished.exact_case_id, unfinished.exact_candidate_id) == (
        "lung/dyspnea 2",
        "Ann_Lee",
    )
    a.close()
    b.close()


def test_start_must_come_first_and_only_once(tmp_path: Path) -> None:
    journal = _new(tmp_path)
    with pytest.raises(ValueError, match="first record"):
        journal.append("response", {})
    journal.append("start", {})
    with pytest.raises(ValueError, match="first record"):
        journal.append("start", {})
    with pytest.raises(ValueError, match="unknown record kind"):
        journal.append("chain-restart", {})  # type: ignore[arg-type]
    journal.append("event", {"n": 1}, {"step": "s1"})
    with pytest.raises(ValueError, match="JSON"):
        journal.append("event", {"x": object()})
    with pytest.raises(ValueError, match="JSON"):
        journal.append("event", {"x": float("inf")})
    with pytest.raises(ValueError, match="JSON"):
        journal.append("event", {}, {"step": {1, 2}})
    journal.append("event", {"ok": True})
    assert journal.last_seq == 2 and journal.resume_state == {"step": "s1"}
    assert [r.payload for r in verify(journal.path).records[1:]] == [{"n": 1}, {"ok": True}]
    journal.close()


def test_no_record_after_submit(tmp_path: Path) -> None:
    journal = write_session(tmp_path, responses=1)
    with pytest.raises(JournalWriteError, match="closed"):
        journal.append("event", {})


def test_submit_erases_the_resume_state(tmp_path: Path) -> None:
    journal = write_session(tmp_path, responses=2, submit=False)
    assert [u.session_id for u in find_unfinished(tmp_path)] == [journal.session_id]
    assert list(default_resume_dir(tmp_path).iterdir())
    resumed = EncryptedJournal.resume(find_unfinished(tmp_path)[0], recipient=DEMO_PUB)
    resumed.submit({})
    assert find_unfinished(tmp_path) == []
    assert list(default_resume_dir(tmp_path).iterdir()) == []


def test_failed_write_raises_and_stops_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = _new(tmp_path)
    journal.append("start", {})

    def disk_full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(journal_module, "write_all", disk_full)
    with pytest.raises(JournalWriteError, match="No space left"):
        journal.append("response", {"question_id": "q1"})
    monkeypatch.undo()
    with pytest.raises(JournalWriteError, match="earlier failure"):
        journal.append("response", {"question_id": "q1"})
    journal.close()
    # What is on disk stays valid, and the session can resume.
    (unfinished,) = find_unfinished(tmp_path)
    assert unfinished.last_seq == 0


def test_unwritable_results_dir_raises_journal_write_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(JournalWriteError, match="cannot create"):
        EncryptedJournal.create(
            recipient=DEMO_PUB, case_id="c", candidate_id="x", results_dir=blocker / "sub"
        )


def test_one_writer_per_session(tmp_path: Path) -> None:
    journal = _new(tmp_path)
    journal.append("start", {}, {"n": 0})
    (unfinished,) = find_unfinished(tmp_path)
    with pytest.raises(JournalLockedError, match="another instance"):
        EncryptedJournal.resume(unfinished, recipient=DEMO_PUB)
    journal.close()
    EncryptedJournal.resume(unfinished, recipient=DEMO_PUB).close()


# ------------------------------------------------------------------ resume


def test_resume_restores_the_engine_state_and_continues_the_chain(tmp_path: Path) -> None:
    write_session(tmp_path, responses=3, submit=False)
    (unfinished,) = find_unfinished(tmp_path)
    assert unfinished.case_id == "fast-01" and unfinished.candidate_id == "C0042"
    assert unfinished.last_kind == "event" and unfinished.last_seq == 4
    # The event carried no resume state: the last response's state is kept.
    assert unfinished.resume_state == {"step": "s3", "n": 3}
    journal = EncryptedJournal.resume(unfinished, recipient=DEMO_PUB)
    assert journal.resume_state == {"step": "s3", "n": 3} and journal.last_seq == 5
    journal.append("response", {"question_id": "q4"}, {"n": 4})
    journal.submit({})
    v = verify(journal.path)
    assert v.ok and codes(v) == {"resumed"}
    assert [r.type for r in v.records][-4:] == ["event", "resume", "response", "submit"]


def test_torn_tail_is_skipped_declared_and_accepted(tmp_path: Path) -> None:
    """Power cut mid-write: any prefix of the last frame may remain."""
    rng = random.Random(3)
    # Bytes kept of the torn frame: the first few, the header, all but the last, and random.
    cuts = [1, 5, 120, -1, *(rng.randrange(6, 1400) for _ in range(8))]
    for i, cut in enumerate(cuts):
        folder = tmp_path / f"cut{i}"
        journal = _new(folder)
        journal.append("start", {}, {"n": 0})
        journal.append("response", {"question_id": "q1"}, {"n": 1})
        journal.append("response", {"question_id": "q2"}, {"n": 2})
        # The crash hits during the next write: its link never reached the resume file.
        (resume_file,) = default_resume_dir(folder).iterdir()
        before = resume_file.read_bytes()
        journal.append("event", {"event": "pause"})
        journal.close()
        resume_file.write_bytes(before)
        path = journal.path
        data = path.read_bytes()
        start, end = frame_spans(data)[-1]
        keep = min(cut, end - start - 1) if cut > 0 else end - start + cut
        path.write_bytes(data[: start + keep])
        (unfinished,) = find_unfinished(folder)
        assert unfinished.last_seq == 2  # the torn event never counted
        journal = EncryptedJournal.resume(unfinished, recipient=DEMO_PUB)
        journal.submit({})
        v = verify(path)
        assert v.ok, (cut, v.issues)
        assert codes(v) == {"crash-tear", "resumed"}


def test_garbage_tail_is_skipped(tmp_path: Path) -> None:
    write_session(tmp_path, responses=2, submit=False)
    (path,) = tmp_path.glob("*.pocusresult")
    with path.open("ab") as fh:
        fh.write(b"\0" * 4096)  # a file system that extended the file but never wrote it
    journal = EncryptedJournal.resume(find_unfinished(tmp_path)[0], recipient=DEMO_PUB)
    journal.submit({})
    v = verify(path)
    assert v.ok and "crash-tear" in codes(v)


def test_lost_resume_state_restarts_the_chain(tmp_path: Path) -> None:
    journal = write_session(tmp_path, responses=2, submit=False)
    (resume_file,) = default_resume_dir(tmp_path).iterdir()
    raw = resume_file.read_bytes()
    # Both link slots gone, the local key kept.
    wiped = re.sub(rb"AJS1 [^\n]*", lambda m: b"\n" * len(m.group()), raw)
    assert wiped != raw and len(wiped) == len(raw)
    resume_file.write_bytes(wiped)
    resumed = EncryptedJournal.resume(find_unfinished(tmp_path)[0], recipient=DEMO_PUB)
    resumed.append("response", {"question_id": "q3"}, {"n": 3})
    resumed.submit({})
    v = verify(journal.path)
    assert codes(v) == {"chain-restart"} and v.submitted and not v.ok
    assert v.records[4].type == "chain-restart"
    assert v.records[4].payload["reason"] == "resume state lost"


def test_resume_state_ahead_of_the_journal_restarts_the_chain(tmp_path: Path) -> None:
    """A drive that lied about a flush: the last record vanished, the resume slot did not."""
    write_session(tmp_path, responses=2, submit=False)
    (path,) = tmp_path.glob("*.pocusresult")
    data = path.read_bytes()
    path.write_bytes(data[: frame_spans(data)[-1][0]])
    (unfinished,) = find_unfinished(tmp_path)
    assert unfinished.last_seq == 2 and unfinished.resume_state == {"step": "s2", "n": 2}
    journal = EncryptedJournal.resume(unfinished, recipient=DEMO_PUB)
    journal.submit({})
    v = verify(path)
    assert codes(v) == {"chain-restart"}
    assert "ahead of the journal" in v.issues[0].message


def test_submitted_sessions_are_not_offered_for_resume(tmp_path: Path) -> None:
    write_session(tmp_path, responses=1)
    write_session(tmp_path, responses=1, submit=False, candidate_id="C7")
    assert [u.candidate_id for u in find_unfinished(tmp_path)] == ["C7"]
    assert find_unfinished(tmp_path / "absent") == []


def test_session_that_never_recorded_its_start_is_discarded(tmp_path: Path) -> None:
    busy = _new(tmp_path)  # still open: being set up by a running app
    idle = _new(tmp_path)
    idle.close()  # the app died before the start record
    assert find_unfinished(tmp_path) == []
    assert busy.path.exists() and not idle.path.exists()
    assert [p.stem for p in default_resume_dir(tmp_path).iterdir()] == [busy.session_id]
    busy.append("start", {})
    assert [u.session_id for u in find_unfinished(tmp_path)] == [busy.session_id]


def test_crash_between_submit_and_cleanup_is_treated_as_submitted(tmp_path: Path) -> None:
    journal = write_session(tmp_path, responses=1, submit=False)
    (resume_file,) = default_resume_dir(tmp_path).iterdir()
    saved = resume_file.read_bytes()
    resumed = EncryptedJournal.resume(find_unfinished(tmp_path)[0], recipient=DEMO_PUB)
    resumed.submit({})
    resume_file.write_bytes(saved)  # as if the app died before erasing it
    assert find_unfinished(tmp_path) == []
    assert not resume_file.exists()
    assert verify(journal.path).ok


# --------------------------------------------------------------- secrecy


def test_no_plaintext_on_disk(tmp_path: Path) -> None:
    secrets = [
        b"Zebulon Quartermaine",  # candidate name
        b"pneumothorax-left-apex",  # a free-text response
        b"KEY-morison-pouch-fluid",  # answer key text in a score detail
        b"choice-zq17",
    ]
    journal = EncryptedJournal.create(
        recipient=DEMO_PUB, case_id="fast-01", candidate_id="C0042", results_dir=tmp_path
    )
    journal.append(
        "start", {"candidate_name": secrets[0].decode()}, {"answers": {"q1": secrets[3].decode()}}
    )
    for _ in range(3):
        journal.append(
            "response",
            {
                "question_id": "q1",
                "response": {"text": secrets[1].decode(), "choice": secrets[3].decode()},
                "score": {"detail": {"key": secrets[2].decode()}},
            },
            {"answers": {"q1": secrets[3].decode()}, "note": secrets[1].decode()},
        )

    def all_bytes() -> bytes:
        folders = (tmp_path, default_resume_dir(tmp_path))
        return b"".join(p.read_bytes() for f in folders for p in f.rglob("*") if p.is_file())

    during = all_bytes()
    assert default_resume_dir(tmp_path).is_dir() and len(during) > 5000
    for s in secrets:
        assert s not in during and s.lower() not in during.lower()
    journal.submit({"name": secrets[0].decode()})
    after = all_bytes()
    for s in secrets:
        assert s not in after
    # The file really holds them, for the board.
    assert verify(journal.path).records[0].payload["candidate_name"] == secrets[0].decode()


def test_responses_and_keys_are_never_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    journal = write_session(tmp_path, responses=2, submit=False)
    EncryptedJournal.resume(find_unfinished(tmp_path)[0], recipient=DEMO_PUB).submit({})
    text = caplog.text
    assert "record 1 (response) stored" in text
    assert "choice" not in text and "AGE-SECRET-KEY" not in text and journal.session_id


def test_scan_frames_needs_no_key(tmp_path: Path) -> None:
    journal = write_session(tmp_path, responses=2)
    scan = scan_frames(journal.path.read_bytes())
    assert [f.seq for f in scan.frames] == list(range(5)) and scan.torn_tail is None
