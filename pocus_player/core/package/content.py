"""Unlocked packages known to this process, and their cases.

A case loaded from a package names its files under the package's virtual root
(`reader.virtual_root`), a path on no disk. Whatever needs a file's bytes (the
media engine, stills, captions) asks `lookup`/`read_bytes` first and gets them from
memory; nothing is ever written out.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pyrage
import yaml

from pocus_player.core import model as m
from pocus_player.core.errors import CaseValidationError
from pocus_player.core.loader import load_sealed_case_text
from pocus_player.core.media_info import MediaInfo
from pocus_player.core.package.errors import PackageDamagedError
from pocus_player.core.package.reader import FileEntry, SealedPackage, UnlockedPackage
from pocus_player.core.package.signing import VerifyKey
from pocus_player.core.package.withhold import merge_keys

_lock = threading.Lock()
_open: dict[Path, UnlockedPackage] = {}


def register(pkg: UnlockedPackage) -> None:
    with _lock:
        _open[pkg.root] = pkg


def unregister(pkg: UnlockedPackage) -> None:
    with _lock:
        _open.pop(pkg.root, None)


def lookup(path: Path | str) -> tuple[UnlockedPackage, FileEntry] | None:
    """The package and entry of a virtual path, or None for an ordinary file."""
    p = Path(path)
    with _lock:
        packages = list(_open.values())
    for pkg in packages:
        entry = pkg.entry_for(p)
        if entry is not None:
            return pkg, entry
    return None


def is_sealed(path: Path | str) -> bool:
    return lookup(path) is not None


def read_bytes(path: Path | str) -> bytearray | None:
    """A sealed file's bytes decrypted into memory (the caller wipes them), or None."""
    found = lookup(path)
    if found is None:
        return None
    pkg, entry = found
    return pkg.read_entry(entry)


def media_facts(path: Path | str) -> Mapping[str, Any] | None:
    found = lookup(path)
    return found[1].facts if found else None


def delivery_record(pkg: UnlockedPackage, trusted: Sequence[VerifyKey] = ()) -> dict[str, Any]:
    """What a start record says about the package a case was sat from."""
    sealed = pkg.sealed
    status = sealed.signature_status(trusted) if trusted else None
    return {
        "id": sealed.exam_id,
        "version": sealed.version,
        "sha256": sealed.file_sha256(),
        "signer_key_id": sealed.signer_key_id,
        "signature_trusted": status.trusted if status else None,
        "keys_withheld": pkg.keys_withheld,
    }


def open_package(
    path: Path,
    *,
    passphrase: str | None = None,
    identities: Sequence[pyrage.x25519.Identity] = (),
    trusted: Sequence[VerifyKey] = (),
    require_signature: bool = True,
    now: datetime | None = None,
) -> UnlockedPackage:
    """Every check, in order, then the unlock; raise a PackageError with one clear message."""
    sealed = SealedPackage.open(path)
    sealed.check_members()
    if require_signature:
        sealed.require_signature(trusted)
    sealed.check_validity(now)
    return sealed.unlock(passphrase, identities)


def load_cases(pkg: UnlockedPackage, withheld: Mapping[str, Any] | None = None) -> list[m.Case]:
    """The package's cases, in exam order; with `withheld` (board side) the keys restored."""
    cases = []
    for entry in pkg.case_entries:
        script = str(entry["script"])
        buf = pkg.read(script)
        try:
            text = buf.decode("utf-8")
        finally:
            buf[:] = bytes(len(buf))
        if withheld is not None:
            secret = withheld.get(str(entry["id"]))
            if isinstance(secret, Mapping):
                text = yaml.safe_dump(
                    merge_keys(yaml.safe_load(text), secret), sort_keys=False, allow_unicode=True
                )
        refs = {str(k): pkg.root / str(v) for k, v in dict(entry.get("refs") or {}).items()}
        infos: dict[str, MediaInfo] = {}
        for item in yaml.safe_load(text).get("media") or ():
            ref = item.get("file") if isinstance(item, dict) else None
            fe = pkg.files.get(str(entry.get("refs", {}).get(ref, ""))) if ref else None
            info = fe.media_info if fe else None
            if info is not None:
                infos[str(item.get("id"))] = info
        try:
            cases.append(load_sealed_case_text(text, pkg.root / script, pkg.root, refs, infos))
        except CaseValidationError as exc:
            raise PackageDamagedError(
                f"{pkg.sealed.path.name}: case {entry['id']} does not load ({exc})"
            ) from None
    return cases
