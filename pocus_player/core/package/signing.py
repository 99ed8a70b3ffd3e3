"""The board's Ed25519 signing keys: what proves a package came from the board.

age authenticates nobody: anyone holding a recipient can write a valid age file. The
board therefore signs the package header (which pins the hash of the manifest and of
every key slot) with an Ed25519 key, through `cryptography` (maintained, with wheels
for every platform we ship to). Keys are stored as PEM (PKCS#8 private, SPKI public);
a key id is the first 16 hex digits of the SHA-256 of the raw 32-byte public key.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from pocus_player.core.package.errors import PackageError

SIGNING_KEY_SUFFIX = ".sign.key"
VERIFY_KEY_SUFFIX = ".sign.pub"


def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class VerifyKey:
    """A trusted public signing key and its id."""

    public: Ed25519PublicKey
    id: str

    @classmethod
    def from_public(cls, public: Ed25519PublicKey) -> VerifyKey:
        return cls(public, key_id(public))

    def verifies(self, signature: bytes, message: bytes) -> bool:
        try:
            self.public.verify(signature, message)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True, slots=True)
class SigningKey:
    private: Ed25519PrivateKey

    @property
    def verify_key(self) -> VerifyKey:
        return VerifyKey.from_public(self.private.public_key())

    @property
    def id(self) -> str:
        return self.verify_key.id

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)


def generate_signing_key(path: Path) -> SigningKey:
    """Write a new private key to `path` (mode 0600) and its public half beside it."""
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    key = SigningKey(private)
    public_path = public_path_for(path)
    public_path.write_bytes(
        key.private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return key


def public_path_for(private_path: Path) -> Path:
    name = private_path.name
    if name.endswith(SIGNING_KEY_SUFFIX):
        return private_path.with_name(name[: -len(SIGNING_KEY_SUFFIX)] + VERIFY_KEY_SUFFIX)
    return private_path.with_name(name + ".pub")


def load_signing_key(path: Path) -> SigningKey:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PackageError(f"cannot read the signing key {path}: {exc.strerror or exc}") from None
    try:
        private = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise PackageError(f"{path} is not an Ed25519 signing key (PEM)") from None
    if not isinstance(private, Ed25519PrivateKey):
        raise PackageError(f"{path} is not an Ed25519 signing key")
    return SigningKey(private)


def load_verify_key(path: Path) -> VerifyKey:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PackageError(
            f"cannot read the board's signing public key {path}: {exc.strerror or exc}"
        ) from None
    try:
        public = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        raise PackageError(f"{path} is not an Ed25519 public key (PEM)") from None
    if not isinstance(public, Ed25519PublicKey):
        raise PackageError(f"{path} is not an Ed25519 public key")
    return VerifyKey.from_public(public)
