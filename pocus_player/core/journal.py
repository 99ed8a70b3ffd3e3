"""EncryptedJournal: the durable, age-encrypted, hash-chained result journal of one session.

Usage (the engine only needs `append`, per the Journal protocol):

    journal = EncryptedJournal.create(recipient=board_pub, case_id="fast-01", candidate_id="C123")
    journal.append("start", {...}, resume_state)
    journal.append("response", {...}, resume_state)   # returns once the record is on disk
    receipt = journal.submit({...})                    # "ABCD-EFGH-JKLM"

    for unfinished in find_unfinished():               # after a crash
        journal = EncryptedJournal.resume(unfinished, recipient=board_pub)
        engine.restore(journal.resume_state)

Each record is one frame (see journal_format), written with a single write()
and then fsynced before `append` returns. The file is only ever appended to;
nothing is renamed. Responses are never logged.
"""

from __future__ import annotations

import base64
import logging
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage

from pocus_player.core.clock import Clock, MonotonicClock
from pocus_player.core.journal_api import JournalWriteError, RecordKind
from pocus_player.core.journal_format import (
    CHAIN_RESTART,
    ENGINE_TYPES,
    FORMAT_VERSION,
    RESUME,
    SEPARATOR,
    SUFFIX,
    canonical_json,
    chain_link,
    encode_frame,
    load_recipient,
    receipt_code,
    scan_frames,
    sha256_hex,
)
from pocus_player.core.resume import (
    ChainPoint,
    JournalLockedError,
    ResumeFile,
    UnfinishedSession,
    default_results_dir,
    default_resume_dir,
    find_unfinished,
    fsync_dir,
    full_fsync,
    last_resume_frame,
    open_flags,
    read_resume_blob,
    recover_chain,
    warn_if_synced,
    write_all,
)

log = logging.getLogger(__name__)

__all__ = [
    "EncryptedJournal",
    "JournalLockedError",
    "JournalWriteError",
    "UnfinishedSession",
    "file_safe_id",
    "find_unfinished",
]

_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")


def file_safe_id(value: str) -> str:
    """An id as the file name holds it: `_` separates the name's parts, so never inside one."""
    cleaned = _UNSAFE.sub("-", value).strip("-.")[:40]
    return cleaned or "unknown"


_name_part = file_safe_id  # the earlier name, still imported elsewhere


def _utc_iso(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _board_recipient(
    recipient: str | Path | pyrage.x25519.Recipient,
) -> pyrage.x25519.Recipient:
    """The board's age recipient: given as one, or as `age1...` text or a recipients file."""
    if isinstance(recipient, pyrage.x25519.Recipient):
        return recipient
    return load_recipient(recipient)


def _create_durably(path: Path, resume: ResumeFile) -> int:
    """Create the result file (never an existing one) and fsync it and its folder.

    Returns its append-only descriptor; on failure the new resume file is erased.
    """
    try:
        fd = os.open(path, open_flags(os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND), 0o600)
    except OSError as exc:
        resume.erase()
        raise JournalWriteError(f"cannot create {path}: {exc.strerror}") from None
    try:
        full_fsync(fd)
        fsync_dir(path.parent)
    except OSError as exc:
        os.close(fd)
        resume.erase()
        raise JournalWriteError(f"cannot make {path} durable: {exc.strerror}") from None
    return fd


class EncryptedJournal:
    """A session's result journal. Implements the `Journal` protocol.

    Not constructed directly: use `create` for a new session or `resume` after a crash.
    Thread-safe; one writer per session across processes (an OS lock on the resume file).
    """

    def __init__(
        self,
        *,
        path: Path,
        fd: int,
        resume: ResumeFile,
        recipient: pyrage.x25519.Recipient,
        clock: Clock,
        wall_clock: Callable[[], float],
        next_seq: int,
        link: bytes | None,
        resume_state: dict[str, Any] | None,
        needs_separator: bool,
    ) -> None:
        self._path = path
        self._fd = fd
        self._resume = resume
        self._recipient = recipient
        self._clock = clock
        self._wall = wall_clock
        self._next_seq = next_seq
        self._link = link
        self._state = resume_state
        self._needs_separator = needs_separator
        self._lock = threading.Lock()
        self._failed: str | None = None
        self._receipt: str | None = None

    # ----------------------------------------------------------- opening

    @classmethod
    def create(
        cls,
        *,
        recipient: str | Path | pyrage.x25519.Recipient,
        case_id: str,
        candidate_id: str,
        results_dir: Path | None = None,
        resume_dir: Path | None = None,
        clock: Clock | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> EncryptedJournal:
        """Create the journal file of a new session (empty until the engine's "start" record).

        recipient: the board's age recipient (`age1...`), a recipients file, or a Recipient.
        results_dir: default is the per-user data dir (`default_results_dir()`).
        resume_dir: default `<results_dir>/.resume`, or the user state dir when results_dir
        is the default. Raises JournalWriteError if the files cannot be created,
        ResultFileError if the recipient is invalid.
        """
        board = _board_recipient(recipient)
        rdir = results_dir if results_dir is not None else default_results_dir()
        sdir = resume_dir if resume_dir is not None else default_resume_dir(results_dir)
        warn_if_synced(rdir)
        session_id = base64.b32encode(secrets.token_bytes(5)).decode("ascii").lower()
        started = datetime.fromtimestamp(wall_clock(), UTC).strftime("%Y%m%dT%H%M%SZ")
        name = (
            f"{file_safe_id(case_id)}_{file_safe_id(candidate_id)}_{started}_{session_id}{SUFFIX}"
        )
        path = rdir / name
        try:
            rdir.mkdir(parents=True, exist_ok=True)
            resume = ResumeFile.create(sdir, session_id, case_id=case_id, candidate_id=candidate_id)
        except OSError as exc:
            raise JournalWriteError(f"cannot create the session files: {exc.strerror}") from None
        fd = _create_durably(path, resume)
        log.info("result journal %s created", path.name)
        return cls(
            path=path,
            fd=fd,
            resume=resume,
            recipient=board,
            clock=clock or MonotonicClock(),
            wall_clock=wall_clock,
            next_seq=0,
            link=None,
            resume_state=None,
            needs_separator=False,
        )

    @classmethod
    def resume(
        cls,
        unfinished: UnfinishedSession,
        *,
        recipient: str | Path | pyrage.x25519.Recipient,
        clock: Clock | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> EncryptedJournal:
        """Reopen an unfinished session (from `find_unfinished`) and record that it resumed.

        Skips a torn last record, continues the chain from the stored link, or
        writes a `chain-restart` record when the link cannot be recovered.
        `resume_state` then holds the engine's state after the last record.
        Raises JournalLockedError if another process has the session open,
        JournalWriteError if the files cannot be read or written.
        """
        board = _board_recipient(recipient)
        try:
            resume = ResumeFile.open(unfinished.resume_path)  # JournalLockedError if in use
        except (OSError, ValueError) as exc:
            raise JournalWriteError(f"cannot open the resume state: {exc}") from None
        try:
            fd = os.open(unfinished.journal_path, open_flags(os.O_RDWR | os.O_APPEND))
        except OSError as exc:
            resume.close()
            raise JournalWriteError(
                f"cannot open {unfinished.journal_path}: {exc.strerror}"
            ) from None
        try:
            journal = cls._reopen(unfinished.journal_path, fd, resume, board, clock, wall_clock)
        except BaseException:
            os.close(fd)
            resume.close()
            raise
        return journal

    @classmethod
    def _reopen(
        cls,
        path: Path,
        fd: int,
        resume: ResumeFile,
        board: pyrage.x25519.Recipient,
        clock: Clock | None,
        wall_clock: Callable[[], float],
    ) -> EncryptedJournal:
        # Read through the locked descriptor's file: no other writer can be appending now.
        data = path.read_bytes()
        scan = scan_frames(data)
        last = last_resume_frame(scan)
        if last is None:
            raise JournalWriteError(f"{path.name} holds no record to resume from")
        try:
            blob = read_resume_blob(last, resume)
        except (ValueError, pyrage.DecryptError):
            raise JournalWriteError(f"the resume data of {path.name} is unreadable") from None
        if blob.get("kind") == "submit":
            raise JournalWriteError(f"{path.name} is already submitted")
        state = blob.get("state")
        point, reason = recover_chain(scan, resume.latest())
        # Declare every run that is not a whole frame (torn by this crash or an earlier one),
        # as the board will measure it: a torn tail ends where our separator LF begins.
        needs_separator = bool(data) and not data.endswith(b"\n")
        tail_fix = 1 if needs_separator else -1  # the "#" joins the run; a final LF leaves it
        torn = [[d.offset, d.length + (tail_fix if d.at_end else 0)] for d in scan.damage]
        journal = cls(
            path=path,
            fd=fd,
            resume=resume,
            recipient=board,
            clock=clock or MonotonicClock(),
            wall_clock=wall_clock,
            next_seq=last.seq + 1,
            link=point.link if point else None,
            resume_state=dict(state) if isinstance(state, Mapping) else None,
            needs_separator=needs_separator,
        )
        payload: dict[str, Any] = {"after_seq": last.seq, "torn": torn}
        if point is None:
            log.warning("chain restart in %s: %s", path.name, reason)
            payload["reason"] = reason
            journal._write(CHAIN_RESTART, payload, None, restart=True)
        else:
            journal._write(RESUME, payload, None)
        log.info("result journal %s resumed after record %d", path.name, last.seq)
        return journal

    # ------------------------------------------------------------ writing

    def append(
        self,
        kind: RecordKind,
        payload: Mapping[str, Any],
        resume_state: Mapping[str, Any] | None = None,
    ) -> None:
        """Record one event; returns only when the record is on stable storage.

        kind: "start" (must be first), "response", "event" or "submit" (last).
        payload: JSON-able mapping. resume_state: the engine's state after this
        record (None keeps the previous one). Raises JournalWriteError when the
        record cannot be made durable (the caller must not report it saved), and
        ValueError for a kind or payload the format cannot hold.
        """
        if kind not in ENGINE_TYPES:
            raise ValueError(f"unknown record kind {kind!r}")
        if (kind == "start") != (self._next_seq == 0):
            raise ValueError("the first record is 'start', and only the first")
        self._write(kind, payload, resume_state)

    def submit(
        self, payload: Mapping[str, Any], resume_state: Mapping[str, Any] | None = None
    ) -> str:
        """Append the submit record, close the journal, and return the receipt code."""
        self.append("submit", payload, resume_state)
        assert self._receipt is not None
        return self._receipt

    def _write(
        self,
        kind: str,
        payload: Mapping[str, Any],
        resume_state: Mapping[str, Any] | None,
        *,
        restart: bool = False,
    ) -> None:
        """Seal one record into a frame, make it durable, then move the chain on."""
        with self._lock:
            if self._fd < 0:
                raise JournalWriteError("the journal is closed")
            if self._failed:
                raise JournalWriteError(
                    f"the journal stopped after an earlier failure: {self._failed}"
                )
            seq = self._next_seq
            state = self._state if resume_state is None else dict(resume_state)
            seed = secrets.token_bytes(32) if self._link is None or restart else None
            block, blob = self._seal(kind, seq, payload, state, seed)
            frame = encode_frame(seq, block, blob)
            if self._needs_separator:
                frame = SEPARATOR + frame
            self._store(frame, seq)
            self._needs_separator = False
            self._state = state
            self._advance(kind, seq, sha256_hex(block), seed)

    def _seal(
        self,
        kind: str,
        seq: int,
        payload: Mapping[str, Any],
        state: dict[str, Any] | None,
        seed: bytes | None,
    ) -> tuple[bytes, bytes]:
        """The record encrypted to the board, and the resume blob sealed to the local key.

        A seed starts a chain (the first record, or a restart); otherwise the record names
        the previous link.
        """
        record: dict[str, Any] = {
            "v": FORMAT_VERSION,
            "type": kind,
            "seq": seq,
            "session": self._resume.session_id,
            "mono": round(self._clock.now(), 6),
            "wall": _utc_iso(self._wall()),
            "payload": dict(payload),
        }
        if seed is not None:
            record["seed"] = seed.hex()
        else:
            assert self._link is not None
            record["prev"] = self._link.hex()
        try:
            local = canonical_json({"kind": kind, "seq": seq, "state": state})
            blob = self._resume.seal(local)
            record["rs"] = sha256_hex(base64.b64encode(blob))
            plain = canonical_json(record)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"payload or resume state is not JSON-able: {exc}") from None
        return pyrage.encrypt(plain, [self._recipient], armored=True), blob

    def _store(self, frame: bytes, seq: int) -> None:
        """Write the frame and fsync it; JournalWriteError (and no more writes) if that fails."""
        try:
            write_all(self._fd, frame)
            full_fsync(self._fd)
        except OSError as exc:
            # After a failed write or fsync the file's state is unknown (the kernel may
            # drop the dirty pages): stop here; resuming re-reads what is really on disk.
            self._failed = exc.strerror or type(exc).__name__
            log.error(
                "result journal %s: record %d not stored: %s",
                self._path.name,
                seq,
                self._failed,
            )
            raise JournalWriteError(f"record not saved: {self._failed}") from None

    def _advance(self, kind: str, seq: int, block_sha: str, seed: bytes | None) -> None:
        """After a durable record: the next link, and the resume file (or, on submit, the end)."""
        key = seed if seed is not None else self._link
        assert key is not None
        self._link = chain_link(key, seq, block_sha)
        self._next_seq = seq + 1
        log.debug("record %d (%s) stored", seq, kind)
        if kind == "submit":
            self._receipt = receipt_code(self._link)
            self._finish()
            return
        try:
            self._resume.store(ChainPoint(seq, block_sha, self._link))
        except OSError as exc:
            # The record is durable; only resume is weakened (a restart would be recorded).
            log.warning("resume state not updated: %s", exc.strerror)

    def _finish(self) -> None:
        os.close(self._fd)
        self._fd = -1
        try:
            self._resume.erase()
        except OSError as exc:
            log.warning("could not erase the resume state: %s", exc.strerror)

    def close(self) -> None:
        """Release the files without submitting (the session stays resumable)."""
        with self._lock:
            if self._fd >= 0:
                os.close(self._fd)
                self._fd = -1
            self._resume.close()

    def __enter__(self) -> EncryptedJournal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------- properties

    @property
    def path(self) -> Path:
        """The result file (its name: case_candidate_startedUTC_session.pocusresult)."""
        return self._path

    @property
    def session_id(self) -> str:
        return self._resume.session_id

    @property
    def last_seq(self) -> int:
        """Seq of the last durable record (-1 before the start record)."""
        return self._next_seq - 1

    @property
    def resume_state(self) -> dict[str, Any] | None:
        """The engine's latest resume state (after `resume`: the state to restore)."""
        return None if self._state is None else dict(self._state)

    @property
    def receipt(self) -> str | None:
        """The receipt code once submitted, else None."""
        return self._receipt

    @property
    def submitted(self) -> bool:
        return self._receipt is not None
