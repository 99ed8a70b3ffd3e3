"""The proctor PIN: a salted scrypt hash in the config folder, with wrong-PIN lockout.

The PIN itself is never stored or logged. The file holds the scrypt parameters,
a random salt, the derived hash, and the count of consecutive wrong entries
with the time a lockout ends, so that restarting the app does not reset the
count. After `max_attempts` wrong PINs in a row, every entry is refused for
`lockout_s` seconds; a right PIN clears the count.

Errors: `PinError` (a PIN that breaks the rules, a damaged file) and its
subclass `PinLockedOut` (too many wrong entries; `.remaining_s`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pocus_player.core.errors import PocusError

log = logging.getLogger(__name__)

PIN_FORMAT = "pocus-pin/1"
MIN_LENGTH = 4
MAX_LENGTH = 12


class PinError(PocusError):
    """A PIN that breaks the rules, or a PIN file that cannot be used."""


class PinLockedOut(PinError):
    """Too many wrong PINs: entries are refused until the lockout ends."""

    def __init__(self, remaining_s: float) -> None:
        seconds = max(1, round(remaining_s))
        super().__init__(f"Too many wrong PINs. Try again in {seconds} seconds.")
        self.remaining_s = remaining_s


@dataclass(frozen=True, slots=True)
class ScryptParams:
    """Cost parameters; the defaults take about a tenth of a second on a laptop."""

    n: int = 2**15
    r: int = 8
    p: int = 1
    dklen: int = 32

    @property
    def maxmem(self) -> int:
        # scrypt needs 128 * r * n bytes; leave head-room above OpenSSL's 32 MB default.
        return 128 * self.r * self.n * 2


def check_pin_rules(pin: str) -> None:
    """PinError unless the PIN is 4 to 12 digits."""
    if not pin.isdigit() or not pin.isascii():
        raise PinError("The PIN must be digits only.")
    if not MIN_LENGTH <= len(pin) <= MAX_LENGTH:
        raise PinError(f"The PIN must be {MIN_LENGTH} to {MAX_LENGTH} digits long.")


def derive(pin: str, salt: bytes, params: ScryptParams) -> bytes:
    import hashlib  # OpenSSL loads on first use, not while the start screen appears

    return hashlib.scrypt(
        pin.encode("ascii"),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        dklen=params.dklen,
        maxmem=params.maxmem,
    )


class PinStore:
    """The proctor PIN of this machine, kept in `path` (JSON, mode 0600)."""

    def __init__(
        self,
        path: Path,
        *,
        max_attempts: int = 5,
        lockout_s: float = 60.0,
        params: ScryptParams | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.max_attempts = max_attempts
        self.lockout_s = lockout_s
        self._params = params or ScryptParams()
        self._clock = clock

    # -- reading and writing ------------------------------------------------------------

    def _read(self) -> dict[str, Any] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise PinError(f"The PIN file {self.path} cannot be read ({exc.strerror}).") from None
        try:
            data = json.loads(raw)
            if not isinstance(data, dict) or data.get("format") != PIN_FORMAT:
                raise ValueError("not a PIN file")
            bytes.fromhex(data["salt"])
            bytes.fromhex(data["hash"])
            int(data["n"]), int(data["r"]), int(data["p"])
        except (ValueError, KeyError, TypeError):
            raise PinError(
                f"The PIN file {self.path} is damaged. Delete it to set a new proctor PIN."
            ) from None
        return data

    def _write(self, data: dict[str, Any]) -> None:
        import tempfile

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".pin-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                json.dump(data, fh, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise PinError(f"The PIN cannot be saved in {self.path} ({exc.strerror}).") from None

    # -- the API --------------------------------------------------------------------------

    def is_set(self) -> bool:
        return self._read() is not None

    def set_pin(self, pin: str) -> None:
        """Set the first PIN (PinError if one is already set: use `change_pin`)."""
        if self._read() is not None:
            raise PinError("A proctor PIN is already set.")
        self._store_new(pin)

    def change_pin(self, old: str, new: str) -> None:
        if not self.verify(old):
            raise PinError("The current PIN is wrong.")
        self._store_new(new)

    def _store_new(self, pin: str) -> None:
        import secrets

        check_pin_rules(pin)
        salt = secrets.token_bytes(16)
        p = self._params
        self._write(
            {
                "format": PIN_FORMAT,
                "algorithm": "scrypt",
                "n": p.n,
                "r": p.r,
                "p": p.p,
                "salt": salt.hex(),
                "hash": derive(pin, salt, p).hex(),
                "failures": 0,
                "locked_until": 0.0,
            }
        )
        log.info("proctor PIN set")

    def lockout_remaining(self) -> float:
        data = self._read()
        if data is None:
            return 0.0
        return max(0.0, float(data.get("locked_until", 0.0)) - self._clock())

    def attempts_left(self) -> int:
        data = self._read()
        if data is None:
            return self.max_attempts
        return max(0, self.max_attempts - int(data.get("failures", 0)))

    def verify(self, pin: str) -> bool:
        """True for the right PIN. PinLockedOut while locked out; PinError if none is set."""
        data = self._read()
        if data is None:
            raise PinError("No proctor PIN is set yet.")
        now = self._clock()
        locked_until = float(data.get("locked_until", 0.0))
        if locked_until > now:
            log.warning("PIN entry refused: locked out for %.0f s more", locked_until - now)
            raise PinLockedOut(locked_until - now)
        params = ScryptParams(
            int(data["n"]), int(data["r"]), int(data["p"]), len(data["hash"]) // 2
        )
        try:
            candidate = derive(pin, bytes.fromhex(data["salt"]), params)
        except (UnicodeEncodeError, ValueError):
            candidate = b""
        import hmac

        if hmac.compare_digest(candidate, bytes.fromhex(data["hash"])):
            if data.get("failures") or data.get("locked_until"):
                data["failures"], data["locked_until"] = 0, 0.0
                self._write(data)
            log.info("proctor PIN accepted")
            return True
        failures = int(data.get("failures", 0)) + 1
        if failures >= self.max_attempts:
            data["failures"], data["locked_until"] = 0, now + self.lockout_s
            self._write(data)
            log.warning(
                "wrong proctor PIN (%d in a row): locked out for %.0f s", failures, self.lockout_s
            )
            raise PinLockedOut(self.lockout_s)
        data["failures"] = failures
        self._write(data)
        log.warning("wrong proctor PIN (%d of %d)", failures, self.max_attempts)
        return False
