"""SHA-256 of a case's script, media and caption files, as a session's start record holds them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pocus_player.core.errors import SessionError
from pocus_player.core.model import Case
from pocus_player.core.package import content as package_content


def sha256_file(path: Path) -> str:
    sealed = package_content.lookup(path)
    if sealed is not None:  # a sealed package's member: its plaintext hash, checked on read
        return sealed[1].sha256
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def case_digests(case: Case) -> tuple[str, dict[str, str]]:
    """SHA-256 of the case script and of each media file; SessionError if one is unreadable."""
    try:
        script = sha256_file(case.source)
        media = {item.id: sha256_file(item.file) for item in case.media}
    except OSError as exc:
        raise SessionError(f"cannot read {exc.filename}: {exc.strerror}") from None
    return script, media


def caption_digests(case: Case) -> dict[str, str]:
    """SHA-256 of each caption file, by media id (captions shown are part of the item)."""
    try:
        return {
            item.id: sha256_file(item.captions) for item in case.media if item.captions is not None
        }
    except OSError as exc:
        raise SessionError(f"cannot read {exc.filename}: {exc.strerror}") from None
