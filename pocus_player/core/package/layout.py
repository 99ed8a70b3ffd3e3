"""The `.pocusexam` layout: names, the public header and the signed message.

One zip, every member stored (no compression: media does not shrink, and stored
members read at disk speed):

    header.json       public: exam id/title/version, case ids, build time, builder,
                      validity window, key slots, and the SHA-256 and size of every
                      other member as stored (ciphertext)
    signature.json    Ed25519 signature of the header by the board's signing key
    manifest.age      to the package key: cases, and per file its member, size,
                      SHA-256 of the plaintext, role and probe facts
    key.pass.age      the package key under the proctor passphrase (age scrypt)
    key.center.age    the package key to the test-center age recipients
    key.board.age     the package key to the board's recipient (to rescore; optional)
    keys.board.age    withheld keys, to the board's recipient only (optional)
    m/000001.age ...  one member per file (case scripts, captions, stills, clips), to the
                      package key; opaque names

The header pins every member's ciphertext hash and the signature pins the header, so
a flipped bit, a swapped or removed member, a replaced key slot or manifest is seen
before anything is decrypted; the plaintext hashes in the manifest catch the rest.
"""

from __future__ import annotations

import json
from typing import Any

FORMAT = "pocusexam"
FORMAT_VERSION = 1
SUFFIX = ".pocusexam"

HEADER = "header.json"
SIGNATURE = "signature.json"
MANIFEST = "manifest.age"
PASS_SLOT = "key.pass.age"
CENTER_SLOT = "key.center.age"
BOARD_SLOT = "key.board.age"
BOARD_KEYS = "keys.board.age"
MEMBER_DIR = "m/"

SIGNATURE_CONTEXT = b"pocusexam-header-v1\n"


def member_name(index: int) -> str:
    return f"{MEMBER_DIR}{index:06d}.age"


def canonical_json(data: Any) -> bytes:
    """One byte form for a value: sorted keys, no spaces, ASCII (what is hashed and signed)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode(
        "ascii"
    )


def signed_message(header_bytes: bytes) -> bytes:
    return SIGNATURE_CONTEXT + header_bytes
