"""The result file format: framing, hash chain, and the reader/verifier shared by app and board.

A result file (`.pocusresult`) is a sequence of frames, ASCII, LF line endings:

    frame  = header LF block
    header = "%AJ1" SP seq SP blocklen SP sha256hex(block) SP (resume-blob | "-")
    block  = one complete ASCII-armored age file encrypted to the board's recipient

Each block decrypts to canonical JSON (sorted keys) with `v`, `type`, `seq`,
`session`, `mono`, `wall`, `payload`, `prev` (the previous chain link, hex) on
every record but the first of a chain, `seed` on the first, and `rs` (sha256 of
the header's resume blob) when the header carries one, so every byte of a frame
is covered by something the board checks.

Chain: c_0 = HMAC-SHA256(seed, "AJ1|0|" + sha256hex(block_0)); c_i =
HMAC-SHA256(c_{i-1}, "AJ1|i|" + sha256hex(block_i)). A `chain-restart` record
starts a new chain with a fresh seed. The receipt is the first 12 base32
characters of the last link. See docs/result-file-format.md.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage

from pocus_player.core.errors import ResultFileError

MAGIC = b"%AJ1 "
FORMAT_VERSION = 1
SUFFIX = ".pocusresult"
ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----\n"
ARMOR_END = b"-----END AGE ENCRYPTED FILE-----\n"
NO_BLOB = b"-"
# Written after a torn tail that does not end in LF. Not a bare LF: a frame torn just before
# its final LF would be completed by one, and reappear whole.
SEPARATOR = b"#\n"
# Record types: the engine's four, plus two the journal writes itself.
ENGINE_TYPES = ("start", "response", "event", "submit")
RESUME = "resume"
CHAIN_RESTART = "chain-restart"
RECORD_TYPES = (*ENGINE_TYPES, RESUME, CHAIN_RESTART)

_MAX_HEADER = 4 * 1024 * 1024  # a resume blob holds the engine's state: generous, but bounded
_HEADER_RE = re.compile(
    rb"%AJ1 (0|[1-9][0-9]{0,11}) ([1-9][0-9]{0,9}) ([0-9a-f]{64}) ([A-Za-z0-9+/=]+|-)"
)
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


# ---------------------------------------------------------------- primitives


def canonical_json(obj: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8, no NaN: the same record always gives the same bytes."""
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def chain_link(key: bytes, seq: int, block_sha_hex: str) -> bytes:
    """The link after record `seq`, keyed by the seed (first record) or the previous link."""
    return hmac.new(key, f"AJ1|{seq}|{block_sha_hex}".encode("ascii"), hashlib.sha256).digest()


def receipt_code(link: bytes) -> str:
    """First 12 base32 characters of a link, grouped ABCD-EFGH-JKLM, for the proctor to note."""
    code = base64.b32encode(link).decode("ascii")[:12]
    return "-".join(code[i : i + 4] for i in range(0, 12, 4))


def encode_frame(seq: int, block: bytes, resume_blob: bytes | None = None) -> bytes:
    """One frame: header line, then the armored age block (which ends with LF)."""
    if not (block.startswith(ARMOR_BEGIN) and block.endswith(ARMOR_END)):
        raise ValueError("block is not an ASCII-armored age file")
    blob = base64.b64encode(resume_blob) if resume_blob else NO_BLOB
    header = b"%%AJ1 %d %d %s %s\n" % (seq, len(block), sha256_hex(block).encode("ascii"), blob)
    return header + block


# ------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class Frame:
    """A frame whose header parsed and whose block matches its checksum."""

    offset: int
    end: int
    seq: int
    block: bytes
    block_sha: str
    resume_blob: bytes | None  # decoded bytes (encrypted to the session's local key)
    blob_sha: str | None  # sha256 of the blob as written (base64 text)


@dataclass(frozen=True, slots=True)
class Damage:
    """A run of bytes that is not a whole frame: a torn write, or damage."""

    offset: int
    length: int
    reason: str
    at_end: bool  # the run reaches the end of the file


@dataclass(frozen=True, slots=True)
class Scan:
    frames: tuple[Frame, ...]
    damage: tuple[Damage, ...]
    size: int

    @property
    def torn_tail(self) -> Damage | None:
        return self.damage[-1] if self.damage and self.damage[-1].at_end else None


def scan_frames(data: bytes) -> Scan:
    """Split a result file into intact frames and damaged runs, resynchronising on LF "%AJ1 ".

    Needs no key: the app uses it to find a torn tail, the board before decrypting.
    `%` never occurs in base64 or in the armor lines, so a frame start cannot hide in a block.
    """
    frames: list[Frame] = []
    damage: list[Damage] = []
    pos, n = 0, len(data)
    while pos < n:
        frame, reason = _parse_frame_at(data, pos)
        if frame is not None:
            frames.append(frame)
            pos = frame.end
            continue
        nxt = data.find(b"\n" + MAGIC, pos + 1)
        stop = n if nxt < 0 else nxt
        # The LF before the next frame belongs to that frame's start, not to the damaged run.
        if stop > pos:
            damage.append(Damage(pos, stop - pos, reason, at_end=nxt < 0))
        pos = n if nxt < 0 else nxt + 1
    return Scan(tuple(frames), tuple(damage), n)


def _parse_frame_at(data: bytes, pos: int) -> tuple[Frame | None, str]:
    if not data.startswith(MAGIC, pos):
        if data.startswith(MAGIC[: len(data) - pos], pos):
            return None, "torn header"
        return None, "bytes outside any frame"
    nl = data.find(b"\n", pos, pos + _MAX_HEADER)
    if nl < 0:
        return None, "torn header"
    m = _HEADER_RE.fullmatch(data, pos, nl)
    if m is None:
        return None, "malformed header"
    seq, blocklen, sha = int(m.group(1)), int(m.group(2)), m.group(3).decode("ascii")
    start, end = nl + 1, nl + 1 + blocklen
    if end > len(data):
        return None, "torn record (shorter than its header says)"
    block = data[start:end]
    if sha256_hex(block) != sha:
        return None, f"record {seq}: checksum mismatch (bytes altered)"
    raw_blob = m.group(4)
    blob: bytes | None = None
    if raw_blob != NO_BLOB:
        try:
            blob = base64.b64decode(raw_blob, validate=True)
        except binascii.Error:
            return None, "malformed header"
    blob_sha = sha256_hex(raw_blob) if blob is not None else None
    return Frame(pos, end, seq, block, sha, blob, blob_sha), ""


# ---------------------------------------------------------------------- keys


def _key_lines(text: str) -> list[str]:
    return [
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    ]


def load_recipient(spec: str | Path) -> pyrage.x25519.Recipient:
    """An `age1...` recipient string, or a recipients file (comment lines allowed)."""
    text = str(spec)
    if not text.startswith("age1"):
        path = Path(spec)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ResultFileError(f"cannot read recipient file {path}: {_why(exc)}") from None
        lines = _key_lines(text)
        if len(lines) != 1:
            raise ResultFileError(f"{path}: expected exactly one age1... recipient line")
        text = lines[0]
    try:
        return pyrage.x25519.Recipient.from_str(text)
    except pyrage.RecipientError:
        raise ResultFileError(f"not a valid age X25519 recipient: {text[:12]}...") from None


def load_identities(path: str | Path) -> list[pyrage.x25519.Identity]:
    """All AGE-SECRET-KEY-1 lines of an identity file (as written by age-keygen)."""
    p = Path(path)
    if p.is_dir():
        raise ResultFileError(f"{p} is a directory, not an identity file")
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResultFileError(f"identity file not found: {p}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ResultFileError(f"cannot read identity file {p}: {_why(exc)}") from None
    identities = []
    for line in _key_lines(text):
        try:
            identities.append(pyrage.x25519.Identity.from_str(line))
        except pyrage.IdentityError:
            raise ResultFileError(f"{p}: not an age identity file") from None
    if not identities:
        raise ResultFileError(f"{p}: no AGE-SECRET-KEY-1 line found")
    return identities


def _why(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else str(exc)


# ------------------------------------------------------------------ verifying


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding. severity: "error" (tampering, damage, loss), "incident" (a chain
    restart: records before it cannot be proven complete), "info" (a declared crash)."""

    code: str
    severity: str
    message: str
    seq: int | None = None
    offset: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "seq": self.seq,
            "offset": self.offset,
        }


@dataclass(frozen=True, slots=True)
class Record:
    """A decrypted record, with where it sat in the file."""

    seq: int
    type: str
    session: str
    payload: dict[str, Any]
    wall: str
    mono: float
    offset: int
    block_sha: str  # the chain hashes the ciphertext
    raw: dict[str, Any] = field(repr=False)


@dataclass(frozen=True, slots=True)
class Verification:
    path: Path | None
    session: str | None
    records: tuple[Record, ...]  # this session's records, in seq order
    issues: tuple[Issue, ...]
    submitted: bool
    receipt: str | None  # from the last link, when the file ends with a submit record

    @property
    def intact(self) -> bool:
        """Every record up to the last is present, in order, unaltered (submitted or not)."""
        return not any(
            i.severity in ("error", "incident") and i.code != "not-submitted" for i in self.issues
        )

    @property
    def ok(self) -> bool:
        return self.intact and self.submitted

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path) if self.path else None,
            "session": self.session,
            "records": len(self.records),
            "submitted": self.submitted,
            "intact": self.intact,
            "receipt": self.receipt,
            "issues": [i.to_json() for i in self.issues],
        }


def read_result_file(path: str | Path) -> bytes:
    """The bytes of a result file, with one clear ResultFileError for every kind of bad input."""
    p = Path(path)
    if p.is_dir():
        raise ResultFileError(f"{p} is a directory, not a result file")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ResultFileError(f"no such file: {p}") from None
    except OSError as exc:
        raise ResultFileError(f"cannot read {p}: {_why(exc)}") from None
    if not data:
        raise ResultFileError(f"{p} is empty (a session that never recorded its start)")
    if not data.startswith(MAGIC[: min(len(data), len(MAGIC))]):
        raise ResultFileError(f"{p} is not a result file (it does not start with %AJ1)")
    return data


def verify_file(path: str | Path, identities: Sequence[pyrage.x25519.Identity]) -> Verification:
    p = Path(path)
    return verify_bytes(read_result_file(p), identities, path=p)


def verify_bytes(
    data: bytes,
    identities: Sequence[pyrage.x25519.Identity],
    *,
    path: Path | None = None,
) -> Verification:
    """Decrypt every frame, check the chain, and name every gap, tear, swap and substitution."""
    where = str(path) if path else "result file"
    scan = scan_frames(data)
    if not scan.frames:
        raise ResultFileError(f"{where} holds no readable record (not a result file, or destroyed)")
    decoded, issues = _decode_frames(scan.frames, identities)
    if not decoded:
        raise ResultFileError(
            f"{where}: no record decrypts with this identity (wrong key, or not for this board)"
        )
    session = _own_session(decoded)
    own = _keep_own(decoded, session, issues)
    _check_file_order(own, issues)
    ordered = _one_per_seq(own, issues)
    _classify_damage(scan.damage, _declared_tears(r for _, r in ordered), issues)
    link, chain_issues = _walk_chain([r for _, r in ordered])
    issues.extend(chain_issues)
    records = tuple(r for _, r in ordered)
    submitted = _check_ending(records, scan.torn_tail, issues)
    receipt = receipt_code(link) if submitted and link is not None else None
    return Verification(path, session, records, tuple(issues), submitted, receipt)


def _decode_frames(
    frames: Sequence[Frame], identities: Sequence[pyrage.x25519.Identity]
) -> tuple[list[tuple[Frame, Record]], list[Issue]]:
    """The frames that decrypt to records, and an issue for each one that does not."""
    issues: list[Issue] = []
    decoded: list[tuple[Frame, Record]] = []
    for frame in frames:
        rec, problem = _decode(frame, identities)
        if rec is None:
            issues.append(Issue("undecryptable", "error", problem, frame.seq, frame.offset))
        else:
            decoded.append((frame, rec))
    return decoded, issues


def _keep_own(
    decoded: Sequence[tuple[Frame, Record]], session: str, issues: list[Issue]
) -> list[tuple[Frame, Record]]:
    """This session's records; another session's, substituted or inserted, are reported."""
    own: list[tuple[Frame, Record]] = []
    for frame, rec in decoded:
        if rec.session != session:
            issues.append(
                Issue(
                    "foreign-record",
                    "error",
                    f"record {rec.seq} at byte {frame.offset} belongs to another session "
                    f"({rec.session}): substituted or inserted",
                    rec.seq,
                    frame.offset,
                )
            )
        else:
            own.append((frame, rec))
    return own


def _check_file_order(own: Sequence[tuple[Frame, Record]], issues: list[Issue]) -> None:
    """File order must follow seq order: the writer only appends."""
    highest: Record | None = None
    for _frame, rec in own:
        if highest is not None and rec.seq < highest.seq:
            issues.append(
                Issue(
                    "reordered",
                    "error",
                    f"record {rec.seq} appears after record {highest.seq}: records reordered",
                    rec.seq,
                    rec.offset,
                )
            )
        if highest is None or rec.seq > highest.seq:
            highest = rec


def _one_per_seq(
    own: Sequence[tuple[Frame, Record]], issues: list[Issue]
) -> list[tuple[Frame, Record]]:
    """The records in seq order, the first of each seq; a repeated seq is reported."""
    by_seq: dict[int, list[tuple[Frame, Record]]] = {}
    for item in own:
        by_seq.setdefault(item[1].seq, []).append(item)
    ordered: list[tuple[Frame, Record]] = []
    for seq in sorted(by_seq):
        group = by_seq[seq]
        if len(group) > 1:
            same = len({f.block_sha for f, _ in group}) == 1
            issues.append(
                Issue(
                    "duplicate",
                    "error",
                    f"record {seq} appears {len(group)} times"
                    + (" (copied)" if same else " with different contents"),
                    seq,
                    group[1][0].offset,
                )
            )
        ordered.append(group[0])
    return ordered


def _classify_damage(
    damage: Sequence[Damage], declared: set[tuple[int, int]], issues: list[Issue]
) -> None:
    """Each damaged run: a crash's tear the resumed session declared, a torn end, or damage."""
    for d in damage:
        if (d.offset, d.length) in declared:
            issues.append(
                Issue(
                    "crash-tear",
                    "info",
                    f"{d.length} bytes at byte {d.offset}: a record torn by a crash, never "
                    "acknowledged; the resumed session declared and skipped it",
                    offset=d.offset,
                )
            )
        elif d.at_end:
            issues.append(
                Issue(
                    "truncated",
                    "error",
                    f"file ends in a torn record at byte {d.offset} ({d.length} bytes, "
                    f"{d.reason}): truncated, or the app stopped mid-write",
                    offset=d.offset,
                )
            )
        else:
            issues.append(
                Issue(
                    "damaged",
                    "error",
                    f"{d.length} damaged bytes at byte {d.offset} ({d.reason})",
                    offset=d.offset,
                )
            )


def _check_ending(records: Sequence[Record], torn_tail: Damage | None, issues: list[Issue]) -> bool:
    """Whether the file ends with its submit record; records after it, or none, are reported."""
    last = records[-1]
    submits = [r for r in records if r.type == "submit"]
    submitted = last.type == "submit"
    if submits and not submitted:
        issues.append(
            Issue(
                "after-submit",
                "error",
                f"records after the submit record (seq {submits[0].seq})",
                submits[0].seq,
            )
        )
    if not submits:
        issues.append(
            Issue(
                "not-submitted",
                "error",
                f"no submit record: the file stops after record {last.seq}"
                + (" and a torn record (truncated?)" if torn_tail else "")
                + " - an unfinished session, or records removed from the end",
                last.seq,
            )
        )
    return submitted


def _decode(
    frame: Frame, identities: Sequence[pyrage.x25519.Identity]
) -> tuple[Record | None, str]:
    try:
        plain = pyrage.decrypt(frame.block, list(identities))
    except pyrage.DecryptError:
        return None, (
            f"record at byte {frame.offset} (header seq {frame.seq}) does not decrypt: "
            "altered, or not encrypted to this board"
        )
    try:
        raw = json.loads(plain)
        rec = Record(
            seq=int(raw["seq"]),
            type=str(raw["type"]),
            session=str(raw["session"]),
            payload=dict(raw.get("payload") or {}),
            wall=str(raw.get("wall", "")),
            mono=float(raw.get("mono", 0.0)),
            offset=frame.offset,
            block_sha=frame.block_sha,
            raw=raw,
        )
    except (ValueError, KeyError, TypeError):
        return None, f"record at byte {frame.offset} decrypts but is not a valid record"
    if rec.seq != frame.seq:
        return None, (
            f"record at byte {frame.offset}: header says seq {frame.seq}, record says {rec.seq} "
            "(header altered)"
        )
    if raw.get("rs") != frame.blob_sha:
        return None, f"record {rec.seq}: resume data in its header was altered"
    return rec, ""


def _own_session(decoded: Sequence[tuple[Frame, Record]]) -> str:
    for _, rec in decoded:
        if rec.type == "start" and rec.seq == 0:
            return rec.session
    counts: dict[str, int] = {}
    for _, rec in decoded:
        counts[rec.session] = counts.get(rec.session, 0) + 1
    return max(counts, key=lambda s: counts[s])


def _declared_tears(records: Iterable[Record]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for rec in records:
        if rec.type in (RESUME, CHAIN_RESTART) and isinstance(rec.payload.get("torn"), list):
            for item in rec.payload["torn"]:
                # Records are authenticated only by the chain: read their fields defensively.
                if isinstance(item, list) and len(item) == 2 and all(type(x) is int for x in item):
                    out.add((item[0], item[1]))
    return out


def _walk_chain(records: Sequence[Record]) -> tuple[bytes | None, list[Issue]]:
    """Check seeds and links in seq order; return the last link and the findings."""
    issues: list[Issue] = []
    link: bytes | None = None
    expected = 0
    for rec in records:
        sha = rec.block_sha
        if rec.seq > expected:
            first, lastm = expected, rec.seq - 1
            span = f"record {first}" if first == lastm else f"records {first}-{lastm}"
            issues.append(
                Issue("missing", "error", f"{span} missing (deleted or destroyed)", first)
            )
        if rec.type == RESUME:
            message = f"session resumed after a stop at record {rec.payload.get('after_seq')}"
            issues.append(Issue("resumed", "info", message, rec.seq))
        if rec.type in ("start", CHAIN_RESTART) and "seed" in rec.raw:
            if rec.type == "start" and rec.seq != 0:
                issues.append(
                    Issue("chain-broken", "error", f"a second start at seq {rec.seq}", rec.seq)
                )
            if rec.type == CHAIN_RESTART:
                reason = rec.payload.get("reason", "")
                issues.append(
                    Issue(
                        "chain-restart",
                        "incident",
                        f"chain restarted at record {rec.seq} ({reason}): records before it "
                        "cannot be proven complete",
                        rec.seq,
                    )
                )
            link = chain_link(_unhex(rec.raw["seed"]), rec.seq, sha)
        else:
            claimed = _unhex(rec.raw.get("prev", ""))
            if link is None:
                if rec.seq == expected:  # a gap from 0 was reported just above
                    issues.append(Issue("missing", "error", "the start record is missing", 0))
            elif rec.seq == expected and not hmac.compare_digest(claimed, link):
                issues.append(
                    Issue(
                        "chain-broken",
                        "error",
                        f"record {rec.seq} does not follow record {rec.seq - 1}: altered or "
                        "substituted",
                        rec.seq,
                    )
                )
            # Continue from the record's own claim, so one fault is reported once.
            link = chain_link(claimed, rec.seq, sha)
        expected = rec.seq + 1
    return link, issues


def _unhex(value: object) -> bytes:
    try:
        return bytes.fromhex(str(value))
    except ValueError:
        return b""


def first_record_payload(records: Sequence[Record], kind: str) -> Mapping[str, Any]:
    """The payload of the first record of a type (e.g. "start"), or an empty mapping."""
    for rec in records:
        if rec.type == kind:
            return rec.payload
    return {}
