"""Open a `.pocusexam`: check it without unlocking, then unlock it and read members into memory.

Checks come in the order that keeps the most away from a forged file: the zip and
header, every member against the header's hashes, the signature over the header,
the validity window, and only then the key slot (scrypt or X25519). Members are
decrypted whole into a `bytearray` sized from the manifest (no temporary file, no
second copy) and checked against their plaintext SHA-256.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

import pyrage

from pocus_player.core.media_info import MediaInfo
from pocus_player.core.package import layout as L
from pocus_player.core.package.errors import (
    NotAPackageError,
    PackageDamagedError,
    SignatureError,
    UnlockError,
    ValidityError,
)
from pocus_player.core.package.signing import VerifyKey

_MAX_HEADER = 4 * 1024 * 1024


def _parse_time(value: Any) -> datetime | None:
    if not value:
        return None
    return datetime.strptime(str(value), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class SignatureStatus:
    signed: bool
    key_id: str | None
    trusted: bool  # signed by one of the trusted keys and the signature verifies
    detail: str  # one sentence for inspect and errors


class _Sink:
    """A writable file object filling a preallocated bytearray (pyrage's decrypt_io target)."""

    def __init__(self, size: int) -> None:
        self.buf = bytearray(size)
        self.offset = 0

    def write(self, data: bytes) -> int:
        n = len(data)
        end = self.offset + n
        if end > len(self.buf):
            raise ValueError("member larger than the manifest says")
        self.buf[self.offset : end] = data
        self.offset = end
        return n

    def flush(self) -> None:
        pass


def wipe(buf: bytearray) -> None:
    """Overwrite a buffer in place (best effort: copies elsewhere are out of reach)."""
    buf[:] = bytes(len(buf))


class SealedPackage:
    """A package opened but not unlocked: header, signature and member checks."""

    def __init__(
        self, path: Path, header: dict[str, Any], header_bytes: bytes, signature: dict[str, Any]
    ) -> None:
        self.path = path
        self.header = header
        self._header_bytes = header_bytes
        self._signature = signature

    # -- opening

    @classmethod
    def open(cls, path: Path) -> SealedPackage:
        """Read the zip directory and the header; raise NotAPackageError or PackageDamagedError."""
        contents = _read_zip(path)
        _check_header_format(path.name, contents.header, contents.signature)
        _check_members_listed(path.name, contents)
        return cls(path, contents.header, contents.header_bytes, contents.signature)

    # -- facts shown without unlocking

    @property
    def exam(self) -> Mapping[str, Any]:
        exam = self.header.get("exam")
        return exam if isinstance(exam, dict) else {}

    @property
    def exam_id(self) -> str:
        return str(self.exam.get("id", ""))

    @property
    def version(self) -> str:
        return str(self.exam.get("version", ""))

    @property
    def not_before(self) -> datetime | None:
        return _parse_time(self.header.get("not_before"))

    @property
    def not_after(self) -> datetime | None:
        return _parse_time(self.header.get("not_after"))

    @property
    def slots(self) -> tuple[str, ...]:
        return tuple(str(s) for s in self.header.get("slots") or ())

    @property
    def keys_withheld(self) -> bool:
        return bool(self.header.get("keys_withheld"))

    @property
    def signer_key_id(self) -> str | None:
        kid = self._signature.get("key_id")
        return str(kid) if kid else None

    def file_sha256(self) -> str:
        h = hashlib.sha256()
        with self.path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()

    # -- checks

    def check_members(self) -> None:
        """Every member's stored bytes against the header (flipped bits, swapped members)."""
        try:
            with zipfile.ZipFile(self.path) as zf:
                for member, entry in sorted(self.header["members"].items()):
                    h = hashlib.sha256()
                    try:
                        with zf.open(member) as fh:
                            while chunk := fh.read(1 << 20):
                                h.update(chunk)
                    except zipfile.BadZipFile:  # the zip's own checksum: same meaning
                        h = hashlib.sha256(b"damaged")
                    if h.hexdigest() != entry.get("sha256"):
                        raise PackageDamagedError(
                            f"{self.path.name}: member {member} has been altered or swapped "
                            "(its SHA-256 does not match the signed header); nothing was started"
                        )
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise PackageDamagedError(
                f"{self.path.name} cannot be read whole ({exc}); copy it again"
            ) from None

    def signature_status(self, trusted: Iterable[VerifyKey]) -> SignatureStatus:
        keys = {k.id: k for k in trusted}
        kid = self.signer_key_id
        raw = self._signature.get("signature")
        if self._signature.get("algorithm") is None or not raw or not kid:
            return SignatureStatus(False, None, False, "not signed")
        if self._signature.get("algorithm") != "ed25519":
            return SignatureStatus(True, kid, False, "signed with an unknown algorithm")
        key = keys.get(kid)
        if key is None:
            known = ", ".join(sorted(keys)) or "none configured"
            return SignatureStatus(
                True,
                kid,
                False,
                f"signed by key {kid}, which is not the board's signing key ({known})",
            )
        try:
            sig = base64.b64decode(str(raw), validate=True)
        except (binascii.Error, ValueError):
            return SignatureStatus(True, kid, False, "the signature is malformed")
        if not key.verifies(sig, L.signed_message(self._header_bytes)):
            return SignatureStatus(
                True,
                kid,
                False,
                "the board's signature does not match the package (altered after signing)",
            )
        return SignatureStatus(True, kid, True, f"signed by the board (key {kid})")

    def require_signature(self, trusted: Sequence[VerifyKey]) -> SignatureStatus:
        status = self.signature_status(trusted)
        if not status.signed:
            raise SignatureError(
                f"{self.path.name} is not signed; exam mode plays only packages signed by the board"
            )
        if not status.trusted:
            raise SignatureError(f"{self.path.name} is refused: {status.detail}")
        return status

    def check_validity(self, now: datetime | None = None) -> None:
        now = now or datetime.now(UTC)
        start, end = self.not_before, self.not_after
        if start is not None and now < start:
            raise ValidityError(
                f"{self.path.name} may not be used before {start:%Y-%m-%d %H:%M} UTC"
            )
        if end is not None and now > end:
            raise ValidityError(
                f"{self.path.name} expired at {end:%Y-%m-%d %H:%M} UTC and may not be used"
            )

    # -- unlocking

    def _read_member(self, zf: zipfile.ZipFile, member: str) -> bytes:
        try:
            return zf.read(member)
        except KeyError:
            raise PackageDamagedError(
                f"{self.path.name} is incomplete: member {member} is missing"
            ) from None

    def unlock(
        self,
        passphrase: str | None = None,
        identities: Sequence[pyrage.x25519.Identity] = (),
    ) -> UnlockedPackage:
        """Open a key slot and the manifest; raise UnlockError with the reason."""
        if passphrase is None and not identities:
            raise UnlockError("give the proctor passphrase or a test-center key to unlock it")
        with zipfile.ZipFile(self.path) as zf:
            secret: bytes | None = None
            for slot in (L.CENTER_SLOT, L.BOARD_SLOT):
                if secret is None and identities and slot in self.header["members"]:
                    with contextlib.suppress(pyrage.DecryptError):
                        secret = bytes(
                            pyrage.decrypt(self._read_member(zf, slot), list(identities))
                        )
            if secret is None and passphrase is not None:
                if L.PASS_SLOT not in self.header["members"]:
                    raise UnlockError(
                        f"{self.path.name} has no passphrase slot; use the center key"
                    )
                try:
                    secret = bytes(
                        pyrage.passphrase.decrypt(self._read_member(zf, L.PASS_SLOT), passphrase)
                    )
                except pyrage.DecryptError:
                    raise UnlockError("wrong passphrase for this package") from None
            if secret is None:
                key_slots = {L.CENTER_SLOT, L.BOARD_SLOT} & set(self.header["members"])
                raise UnlockError(
                    "none of this test center's keys opens this package"
                    if key_slots
                    else f"{self.path.name} has no key slot; type the passphrase"
                )
            try:
                identity = pyrage.x25519.Identity.from_str(secret.decode("ascii"))
                manifest = json.loads(pyrage.decrypt(self._read_member(zf, L.MANIFEST), [identity]))
            except (pyrage.IdentityError, UnicodeDecodeError):
                raise PackageDamagedError(f"{self.path.name}: its key slot is damaged") from None
            except (pyrage.DecryptError, ValueError):
                raise PackageDamagedError(f"{self.path.name}: its manifest is damaged") from None
        if not isinstance(manifest, dict) or manifest.get("exam", {}).get("id") != self.exam_id:
            raise PackageDamagedError(f"{self.path.name}: manifest and header disagree")
        return UnlockedPackage(self, identity, manifest)


def virtual_root(exam_id: str, digest: str) -> Path:
    """Where a package's files seem to live: a path that names no folder on any disk."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in exam_id)[:40]
    return Path(os.sep, ".pocusexam", f"{safe}-{digest[:12]}")


@dataclass(frozen=True, slots=True)
class FileEntry:
    path: str  # inside the package, posix, relative to its content root
    member: str
    role: str  # case, media, still, captions
    size: int
    sha256: str
    facts: Mapping[str, Any] | None

    @property
    def media_info(self) -> MediaInfo | None:
        f = self.facts
        if not f:
            return None
        times = _floats(f.get("frame_times"))
        return MediaInfo(
            duration_s=float(f.get("duration_s") or 0.0),
            frame_rate=float(f["frame_rate"]) if f.get("frame_rate") else None,
            width=int(f["width"]) if f.get("width") else None,
            height=int(f["height"]) if f.get("height") else None,
            has_video=bool(f.get("has_video")),
            has_audio=bool(f.get("has_audio")),
            frame_count=len(times) if times else None,
            frame_times=times,
            variable_frame_rate=bool(f.get("variable_frame_rate")),
            frames_are_ticks=bool(f.get("frames_are_ticks")),
            container_width=int(f["container_width"]) if f.get("container_width") else None,
            container_height=int(f["container_height"]) if f.get("container_height") else None,
        )


def _floats(value: Any) -> tuple[float, ...] | None:
    """A list of numbers from the manifest (picture times), None when absent or malformed."""
    if not isinstance(value, list) or not value:
        return None
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
        return None
    return tuple(float(v) for v in value)


class UnlockedPackage:
    """A package with its key: reads members into memory and loads its cases."""

    def __init__(
        self, sealed: SealedPackage, identity: pyrage.x25519.Identity, manifest: dict[str, Any]
    ) -> None:
        self.sealed = sealed
        self._identity = identity
        self.manifest = manifest
        self.files: dict[str, FileEntry] = {}
        for f in manifest.get("files") or ():
            entry = FileEntry(
                str(f["path"]),
                str(f["member"]),
                str(f["role"]),
                int(f["size"]),
                str(f["sha256"]),
                f.get("facts"),
            )
            if entry.member not in sealed.header["members"]:
                raise PackageDamagedError(f"{sealed.path.name}: member {entry.member} is missing")
            self.files[entry.path] = entry
        digest = hashlib.sha256(sealed._header_bytes).hexdigest()
        self.root = virtual_root(sealed.exam_id, digest)

    @property
    def keys_withheld(self) -> bool:
        return bool(self.manifest.get("keys_withheld"))

    @property
    def case_entries(self) -> list[dict[str, Any]]:
        return [dict(c) for c in self.manifest.get("cases") or ()]

    def entry_for(self, path: Path) -> FileEntry | None:
        """The entry of a file under this package's virtual root, or None."""
        try:
            rel = PurePosixPath(*path.relative_to(self.root).parts).as_posix()
        except ValueError:
            return None
        return self.files.get(rel)

    def read(self, rel: str) -> bytearray:
        """Decrypt one file whole into memory and check its hash."""
        entry = self.files.get(rel)
        if entry is None:
            raise PackageDamagedError(f"{self.sealed.path.name} holds no file {rel}")
        return self.read_entry(entry)

    def read_entry(self, entry: FileEntry) -> bytearray:
        name = self.sealed.path.name
        sink = _Sink(entry.size)
        try:
            with zipfile.ZipFile(self.sealed.path) as zf, zf.open(entry.member) as fh:
                pyrage.decrypt_io(fh, sink, [self._identity])
        except KeyError:
            raise PackageDamagedError(
                f"{name} is incomplete: member {entry.member} is missing"
            ) from None
        except (pyrage.DecryptError, ValueError, zipfile.BadZipFile, OSError) as exc:
            wipe(sink.buf)
            raise PackageDamagedError(
                f"{name}: member {entry.member} ({entry.role}) is damaged or altered ({exc})"
            ) from None
        if sink.offset != entry.size or hashlib.sha256(sink.buf).hexdigest() != entry.sha256:
            wipe(sink.buf)
            raise PackageDamagedError(
                f"{name}: member {entry.member} is not the file the manifest names "
                "(swapped or altered)"
            )
        return sink.buf

    def verify(self) -> list[FileEntry]:
        """Decrypt and check every file; return them (raise on the first bad one)."""
        out = []
        for entry in self.files.values():
            buf = self.read_entry(entry)
            wipe(buf)
            out.append(entry)
        return out

    def withheld_keys(self, board: Sequence[pyrage.x25519.Identity]) -> dict[str, Any]:
        """The withheld keys, opened with the board's identity (board side only)."""
        if not self.keys_withheld:
            return {}
        with zipfile.ZipFile(self.sealed.path) as zf:
            try:
                blob = zf.read(L.BOARD_KEYS)
            except KeyError:
                raise PackageDamagedError(
                    f"{self.sealed.path.name}: the withheld keys are missing"
                ) from None
        try:
            data = json.loads(pyrage.decrypt(blob, list(board)))
        except pyrage.DecryptError:
            raise UnlockError("the board identity given does not open the withheld keys") from None
        return data if isinstance(data, dict) else {}


@dataclass(frozen=True, slots=True)
class _ZipContents:
    """What opening a package reads before any check: its header, signature and directory."""

    header: Any
    header_bytes: bytes
    signature: Any
    names: set[str]
    infos: dict[str, zipfile.ZipInfo]


def _read_zip(path: Path) -> _ZipContents:
    """The zip's directory, header and signature, telling a damaged copy from another file."""
    name = path.name
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except IsADirectoryError:
        raise NotAPackageError(f"{name} is a folder, not a .pocusexam package") from None
    except OSError as exc:
        raise NotAPackageError(f"cannot read {name}: {exc.strerror or exc}") from None
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        if magic == b"PK\x03\x04":
            raise NotAPackageError(
                f"{name} is truncated or damaged (its end is missing); copy it again"
            ) from None
        raise NotAPackageError(f"{name} is not a .pocusexam package") from None
    with zf:
        names = set(zf.namelist())
        if L.HEADER not in names or L.SIGNATURE not in names:
            raise NotAPackageError(f"{name} is a zip file but not a .pocusexam package")
        try:
            if zf.getinfo(L.HEADER).file_size > _MAX_HEADER:
                raise ValueError("header too large")
            header_bytes = zf.read(L.HEADER)
            signature_bytes = zf.read(L.SIGNATURE)
            header = json.loads(header_bytes)
            signature = json.loads(signature_bytes)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            raise NotAPackageError(
                f"{name} is damaged: its header cannot be read; copy it again"
            ) from None
        infos = {i.filename: i for i in zf.infolist()}
    return _ZipContents(header, header_bytes, signature, names, infos)


def _check_header_format(name: str, header: Any, signature: Any) -> None:
    """A header of this format, in a version this player reads, with its member list."""
    if not isinstance(header, dict) or header.get("format") != L.FORMAT:
        raise NotAPackageError(f"{name} is not a .pocusexam package")
    version = header.get("format_version")
    if not isinstance(version, int) or version > L.FORMAT_VERSION:
        raise NotAPackageError(
            f"{name} uses package format {version}, newer than this player reads "
            f"({L.FORMAT_VERSION}); update pocus-player"
        )
    if not isinstance(signature, dict) or not isinstance(header.get("members"), dict):
        raise NotAPackageError(f"{name} is damaged: its header is incomplete")


def _check_members_listed(name: str, contents: _ZipContents) -> None:
    """The zip holds exactly the members the signed header lists, each of the listed size."""
    members = contents.header["members"]
    listed = set(members)
    for member in sorted(listed - contents.names):
        raise PackageDamagedError(
            f"{name} is incomplete: member {member} is missing; nothing was started"
        )
    for member in sorted(contents.names - listed - {L.HEADER, L.SIGNATURE}):
        raise PackageDamagedError(
            f"{name} holds a member the signed header does not list ({member}); "
            "it has been altered"
        )
    for member, info in sorted(contents.infos.items()):
        entry = members.get(member)
        if entry is not None and info.file_size != entry.get("size"):
            raise PackageDamagedError(
                f"{name}: member {member} has been altered (its size differs from the "
                "signed header)"
            )
