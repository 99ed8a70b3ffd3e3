"""Resume state of an unfinished session: the local key, the latest chain link, crash recovery.

Each session has a resume file `<resume_dir>/<session>.resume` in the per-user
state folder, never in the results folder (`default_resume_dir`). It names the
session and holds two fixed-size slots, written alternately in place, each with
the latest chain link encrypted to a per-session age identity (the local key).
Every journal frame's header carries the engine's resume state (path, responses,
timers; no score), also encrypted to the local key. The local key itself is kept
in the OS keychain through `keyring` where one exists (`resume_keys`), else in the
resume file's header, which is logged.

Threat model, honestly: a results folder copied on its own (a USB stick for
upload, a backup) reveals nothing: the journal's records are encrypted to the
board, the resume blobs to a local key that is not in the folder. Someone who can
act as the exam's OS account during an unfinished session (its state folder and,
where there is one, its unlocked keychain) can read the local key, so can read the
resume state (path taken, time used and the raw responses) and can append forged
records after the last real one; they still cannot alter, drop or reorder earlier
records (only the latest chain link is ever stored), nor read the records
themselves. The resume file and its key are erased at submit, after which nothing
can be appended.

The slots are not fsynced: the chain link after record n can be recomputed
from any earlier link and the ciphertext on disk (c_n = HMAC(c_{n-1}, n,
sha256(block_n))), so a slot that lags the journal after a power cut costs
nothing. A slot ahead of the journal, or a lost resume file, makes the journal
write a `chain-restart` record, which the board sees as an incident.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import logging
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
import pyrage

from pocus_player.core import resume_keys
from pocus_player.core.journal_api import JournalWriteError
from pocus_player.core.journal_format import SUFFIX, Frame, Scan, chain_link, scan_frames

log = logging.getLogger(__name__)

APP_NAME = "pocus-player"
RESUME_SUFFIX = ".resume"
_HEADER_SIZE = 4096  # room for two 100-character ids, even written as \u escapes
_SLOT_SIZE = 1024
_SLOT_OFFSETS = (_HEADER_SIZE, _HEADER_SIZE + _SLOT_SIZE)
_FILE_SIZE = _HEADER_SIZE + 2 * _SLOT_SIZE
# Windows locks are mandatory per byte range: lock one byte far past the data so readers still read.
_WIN_LOCK_OFFSET = 1 << 30
_NAME_RE = re.compile(
    r"(?P<case>[^_]+)_(?P<candidate>[^_]+)_(?P<started>\d{8}T\d{6}Z)_(?P<session>[a-z2-7]{8})"
)


class JournalLockedError(JournalWriteError):
    """Another process is already writing this session."""


# ------------------------------------------------------------- durable I/O


def full_fsync(fd: int) -> None:
    """Flush a file to stable storage: F_FULLFSYNC on macOS (its fsync stops at the drive
    cache), fsync elsewhere (on Windows Python maps it to FlushFileBuffers)."""
    if sys.platform == "darwin":
        import fcntl

        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)  # type: ignore[attr-defined]
            return
        except OSError:
            pass  # some file systems refuse it; plain fsync is the best left
    os.fsync(fd)


def fsync_dir(path: Path) -> None:
    """Make a file's creation durable (POSIX); Windows has no directory handles to sync."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def write_at(fd: int, offset: int, data: bytes) -> None:
    if hasattr(os, "pwrite"):
        view = memoryview(data)
        while view:
            n = os.pwrite(fd, view, offset)
            view, offset = view[n:], offset + n
    else:
        os.lseek(fd, offset, os.SEEK_SET)
        write_all(fd, data)


def lock_exclusive(fd: int, what: str) -> None:
    """Hold an exclusive lock on `fd` until it is closed, or raise JournalLockedError."""
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise JournalLockedError(f"{what} is open in another instance of the app") from None


def open_flags(base: int) -> int:
    return base | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


# ------------------------------------------------------------- directories


def default_results_dir() -> Path:
    """The per-user data folder: local, and not a folder a sync client watches."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "results"


def default_resume_dir(results_dir: Path | None) -> Path:
    """In the per-user state folder, never in the results folder (which is copied for upload).

    A chosen results folder gets its own subfolder, named by a hash of its path.
    """
    base = Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)) / "resume"
    if results_dir is None:
        return base
    digest = hashlib.sha256(str(Path(results_dir).resolve()).encode("utf-8")).hexdigest()
    return base / digest[:16]


_SYNC_HINTS = ("dropbox", "onedrive", "icloud", "google drive", "googledrive", "mobile documents")


def warn_if_synced(path: Path) -> None:
    """Sync clients rewrite, rename and conflict-copy files behind our back: say so loudly."""
    lowered = str(path).lower()
    if any(h in lowered for h in _SYNC_HINTS):
        log.warning("results folder %s looks like a synced folder; use a local folder", path)


# ------------------------------------------------------------- resume file


@dataclass(frozen=True, slots=True)
class ChainPoint:
    """The chain after record `seq`: its link and the hash of that record's block."""

    seq: int
    block_sha: str
    link: bytes


class ResumeFile:
    """The per-session resume file: local identity, and the latest chain link in two slots."""

    def __init__(
        self,
        path: Path,
        fd: int,
        session_id: str,
        identity: pyrage.x25519.Identity,
    ) -> None:
        self.path = path
        self.session_id = session_id
        self._fd = fd
        self._identity = identity
        self._recipient = identity.to_public()

    # -- creation and opening

    @classmethod
    def create(
        cls, resume_dir: Path, session_id: str, *, case_id: str, candidate_id: str
    ) -> ResumeFile:
        """Create and lock the resume file; the exact ids let the app reload the right case."""
        resume_dir.mkdir(parents=True, exist_ok=True)
        path = resume_dir / f"{session_id}{RESUME_SUFFIX}"
        identity = pyrage.x25519.Identity.generate()
        in_keychain = resume_keys.store(session_id, str(identity))
        fields = {
            "session": session_id,
            "identity": "" if in_keychain else str(identity),
            "key_store": "keychain" if in_keychain else "file",
            "case_id": case_id[:100],
            "candidate_id": candidate_id[:100],
        }
        body = json.dumps(fields, sort_keys=True).encode("ascii")  # ASCII: \u escapes
        header = b"AJR1 %s\n%s\n" % (hashlib.sha256(body).hexdigest().encode("ascii"), body)
        if len(header) > _HEADER_SIZE:
            raise ValueError("case or candidate id too long for the resume file")
        fd = os.open(path, open_flags(os.O_RDWR | os.O_CREAT | os.O_EXCL), 0o600)
        try:
            lock_exclusive(fd, f"session {session_id}")
            write_at(fd, 0, header.ljust(_FILE_SIZE, b"\n"))
            full_fsync(fd)
            fsync_dir(resume_dir)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                path.unlink()
            resume_keys.delete(session_id)
            raise
        return cls(path, fd, session_id, identity)

    @classmethod
    def open(cls, path: Path) -> ResumeFile:
        """Open and lock an existing resume file (raises JournalLockedError if in use)."""
        fd = os.open(path, open_flags(os.O_RDWR))
        try:
            lock_exclusive(fd, f"session {path.stem}")
            header = _read_header(path, fd)
        except BaseException:
            os.close(fd)
            raise
        try:
            identity = _identity_of(path, header)
        except BaseException:
            os.close(fd)
            raise
        return cls(path, fd, header["session"], identity)

    @staticmethod
    def peek(path: Path) -> tuple[pyrage.x25519.Identity, dict[str, str]] | None:
        """The local identity and the header, read without locking (to scan for sessions)."""
        try:
            fd = os.open(path, open_flags(os.O_RDONLY))
        except OSError:
            return None
        try:
            header = _read_header(path, fd)
            return _identity_of(path, header), header
        except (ValueError, OSError, pyrage.IdentityError):
            return None
        finally:
            os.close(fd)

    # -- local encryption

    @property
    def recipient(self) -> pyrage.x25519.Recipient:
        return self._recipient

    def seal(self, data: bytes) -> bytes:
        return bytes(pyrage.encrypt(data, [self._recipient]))

    def unseal(self, data: bytes) -> bytes:
        return bytes(pyrage.decrypt(data, [self._identity]))

    # -- chain link slots

    def store(self, point: ChainPoint) -> None:
        """Write the latest link to the slot the previous one did not use (no fsync: see above)."""
        sealed = base64.b64encode(self.seal(point.link))
        body = b"AJS1 %d %s %s" % (point.seq, point.block_sha.encode("ascii"), sealed)
        slot = b"%s %s\n" % (body, hashlib.sha256(body).hexdigest().encode("ascii"))
        write_at(self._fd, _SLOT_OFFSETS[point.seq % 2], slot.ljust(_SLOT_SIZE, b"\n"))

    def latest(self) -> ChainPoint | None:
        """The newest slot that reads back whole, or None."""
        best: ChainPoint | None = None
        for offset in _SLOT_OFFSETS:
            point = self._read_slot(offset)
            if point is not None and (best is None or point.seq > best.seq):
                best = point
        return best

    def _read_slot(self, offset: int) -> ChainPoint | None:
        raw = (
            os.pread(self._fd, _SLOT_SIZE, offset)
            if hasattr(os, "pread")
            else _pread(self._fd, _SLOT_SIZE, offset)
        )
        line = raw.split(b"\n", 1)[0]
        parts = line.split(b" ")
        if len(parts) != 5 or parts[0] != b"AJS1":
            return None
        body = b" ".join(parts[:4])
        if hashlib.sha256(body).hexdigest().encode("ascii") != parts[4]:
            return None  # torn slot
        try:
            link = self.unseal(base64.b64decode(parts[3], validate=True))
            return ChainPoint(int(parts[1]), parts[2].decode("ascii"), link)
        except (ValueError, pyrage.DecryptError):
            return None

    # -- end of life

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def erase(self) -> None:
        """After submit: overwrite key and link, then delete, so nothing more can be appended."""
        if self._fd >= 0:
            write_at(self._fd, 0, b"\0" * _FILE_SIZE)
            full_fsync(self._fd)
        self.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        resume_keys.delete(self.session_id)


def _pread(fd: int, n: int, offset: int) -> bytes:
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, n)


def _identity_of(path: Path, header: dict[str, str]) -> pyrage.x25519.Identity:
    """The local key: from the OS keychain, or from the header where none was available."""
    secret = header["identity"] or resume_keys.load(header["session"])
    if not secret:
        raise ValueError(f"the resume key of {path.name} is not in this account's keychain")
    return pyrage.x25519.Identity.from_str(secret)


def _read_header(path: Path, fd: int) -> dict[str, str]:
    raw = os.pread(fd, _HEADER_SIZE, 0) if hasattr(os, "pread") else _pread(fd, _HEADER_SIZE, 0)
    lines = raw.split(b"\n", 2)
    if len(lines) < 3 or not lines[0].startswith(b"AJR1 "):
        raise ValueError(f"{path.name} is not a resume file")
    if hashlib.sha256(lines[1]).hexdigest().encode("ascii") != lines[0][5:]:
        raise ValueError(f"{path.name} is damaged")
    header = json.loads(lines[1])
    keys = ("session", "identity", "case_id", "candidate_id")
    if not isinstance(header, dict) or not set(keys) <= header.keys():
        raise ValueError(f"{path.name} is not a resume file")
    return {k: str(header[k]) for k in keys}


# -------------------------------------------------------------- recovery


def recover_chain(scan: Scan, point: ChainPoint | None) -> tuple[ChainPoint | None, str]:
    """Roll the stored link forward over the intact frames written after it.

    Returns the chain point after the journal's last intact record, or None and
    the reason a chain restart is needed.
    """
    if point is None:
        return None, "resume state lost"
    frames = list(scan.frames)
    idx = next(
        (i for i, f in enumerate(frames) if f.seq == point.seq and f.block_sha == point.block_sha),
        None,
    )
    if idx is None:
        if frames and point.seq > max(f.seq for f in frames):
            return None, "resume state ahead of the journal"
        return None, "resume state does not match the journal"
    link, seq, sha = point.link, point.seq, point.block_sha
    for frame in frames[idx + 1 :]:
        if frame.seq != seq + 1:
            return None, "journal records out of sequence"
        link = chain_link(link, frame.seq, frame.block_sha)
        seq, sha = frame.seq, frame.block_sha
    return ChainPoint(seq, sha, link), ""


@dataclass(frozen=True, slots=True)
class UnfinishedSession:
    """A journal without a submit record whose resume file is still there."""

    session_id: str
    journal_path: Path
    resume_path: Path
    case_id: str  # as in the file name (file-safe: see journal.file_safe_id)
    candidate_id: str  # as in the file name
    started: str  # UTC, yyyymmddThhmmssZ, from the file name
    last_seq: int
    last_kind: str
    resume_state: dict[str, Any] | None  # the engine's state after the last record
    exact_case_id: str = ""  # as given at creation (first 100 characters)
    exact_candidate_id: str = ""


def parse_journal_name(name: str) -> dict[str, str] | None:
    """`<case>_<candidate>_<started>_<session>.pocusresult` split into its parts, or None."""
    if not name.endswith(SUFFIX):
        return None
    m = _NAME_RE.fullmatch(name[: -len(SUFFIX)])
    return m.groupdict() if m else None


def read_resume_blob(frame: Frame, resume: ResumeFile | pyrage.x25519.Identity) -> dict[str, Any]:
    """Decrypt a frame's resume blob: {"kind", "seq", "state"}."""
    if frame.resume_blob is None:
        raise ValueError("frame has no resume data")
    if isinstance(resume, ResumeFile):
        plain = resume.unseal(frame.resume_blob)
    else:
        plain = pyrage.decrypt(frame.resume_blob, [resume])
    out = json.loads(plain)
    if not isinstance(out, dict):
        raise ValueError("resume data is not an object")
    return out


def last_resume_frame(scan: Scan) -> Frame | None:
    frames = [f for f in scan.frames if f.resume_blob is not None]
    return max(frames, key=lambda f: f.seq) if frames else None


def find_unfinished(
    results_dir: Path | None = None, resume_dir: Path | None = None
) -> list[UnfinishedSession]:
    """Journals in `results_dir` that have no submit record and can be resumed, oldest first.

    A journal whose last record is a submit but whose resume file survived (a
    crash between the two) has its resume file erased here.
    """
    rdir = results_dir if results_dir is not None else default_results_dir()
    sdir = resume_dir if resume_dir is not None else default_resume_dir(results_dir)
    found: list[UnfinishedSession] = []
    if not rdir.is_dir():
        return found
    for journal in sorted(rdir.glob(f"*{SUFFIX}")):
        parts = parse_journal_name(journal.name)
        if parts is None:
            continue
        resume_path = sdir / f"{parts['session']}{RESUME_SUFFIX}"
        peeked = ResumeFile.peek(resume_path)
        if peeked is None:
            continue  # submitted (resume file erased), or its local key is gone
        identity, header = peeked
        try:
            scan = scan_frames(journal.read_bytes())
        except OSError as exc:
            log.warning("cannot read %s: %s", journal.name, exc.strerror)
            continue
        frame = last_resume_frame(scan)
        if frame is None:
            if scan.size == 0:
                _discard_empty(journal, resume_path)
            continue  # never recorded a start: nothing to resume
        try:
            blob = read_resume_blob(frame, identity)
        except (ValueError, pyrage.DecryptError):
            log.warning("resume data of %s unreadable; not resumable", journal.name)
            continue
        if blob.get("kind") == "submit":
            _erase_stale(resume_path)
            continue
        state = blob.get("state")
        found.append(
            UnfinishedSession(
                session_id=parts["session"],
                journal_path=journal,
                resume_path=resume_path,
                case_id=parts["case"],
                candidate_id=parts["candidate"],
                started=parts["started"],
                last_seq=frame.seq,
                last_kind=str(blob.get("kind", "")),
                resume_state=dict(state) if isinstance(state, Mapping) else None,
                exact_case_id=header["case_id"],
                exact_candidate_id=header["candidate_id"],
            )
        )
    found.sort(key=lambda u: u.started)
    return found


def _discard_empty(journal: Path, resume_path: Path) -> None:
    """A session that crashed before its start record holds nothing: remove both files."""
    try:
        resume = ResumeFile.open(resume_path)
    except (OSError, ValueError, JournalWriteError):
        return  # in use (being created right now) or unreadable: leave it
    try:
        if journal.stat().st_size == 0:
            journal.unlink()
            resume.erase()
            log.info("removed %s: the session never recorded its start", journal.name)
    finally:
        resume.close()


def _erase_stale(path: Path) -> None:
    try:
        resume = ResumeFile.open(path)
    except (OSError, ValueError, JournalWriteError):
        return  # in use or unreadable: leave it
    resume.erase()
