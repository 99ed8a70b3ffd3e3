"""The proctor PIN: salted scrypt hash on disk, wrong-PIN lockout that survives a restart."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from pocus_player.core.pin import PinError, PinLockedOut, PinStore, ScryptParams, derive

FAST = ScryptParams(n=2**10)


class FakeWallClock:
    def __init__(self) -> None:
        self.t = 1_000_000.0

    def __call__(self) -> float:
        return self.t


def store(path: Path, clock: FakeWallClock | None = None) -> PinStore:
    return PinStore(path, params=FAST, clock=clock or FakeWallClock())


def test_pin_is_stored_only_as_a_salted_scrypt_hash(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "pin.json"
    s = store(path)
    assert not s.is_set()
    s.set_pin("482913")
    raw = path.read_text()
    assert "482913" not in raw
    data = json.loads(raw)
    assert data["algorithm"] == "scrypt" and len(bytes.fromhex(data["salt"])) == 16
    salt = bytes.fromhex(data["salt"])
    assert derive("482913", salt, FAST).hex() == data["hash"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # The same PIN on another machine gets another salt, so another hash.
    other = tmp_path / "other.json"
    store(other).set_pin("482913")
    assert json.loads(other.read_text())["hash"] != data["hash"]


def test_verify_accepts_the_right_pin_only(tmp_path: Path) -> None:
    s = store(tmp_path / "pin.json")
    s.set_pin("1234")
    assert s.verify("1234")
    assert not s.verify("1235")
    assert not s.verify("")
    assert not s.verify("١٢٣٤")  # non-ASCII digits never match


@pytest.mark.parametrize("bad", ["123", "1234567890123", "12a4", "12 34", ""])
def test_pin_rules(tmp_path: Path, bad: str) -> None:
    with pytest.raises(PinError):
        store(tmp_path / "pin.json").set_pin(bad)
    assert not (tmp_path / "pin.json").exists()


def test_a_set_pin_cannot_be_overwritten_without_the_old_one(tmp_path: Path) -> None:
    s = store(tmp_path / "pin.json")
    s.set_pin("1111")
    with pytest.raises(PinError, match="already set"):
        s.set_pin("2222")
    with pytest.raises(PinError, match="wrong"):
        s.change_pin("9999", "2222")
    s.change_pin("1111", "2222")
    assert s.verify("2222") and not s.verify("1111")


def test_five_wrong_pins_lock_out_for_a_minute_even_across_restarts(tmp_path: Path) -> None:
    clock = FakeWallClock()
    path = tmp_path / "pin.json"
    store(path, clock).set_pin("1234")
    for left in (4, 3, 2, 1):
        s = store(path, clock)  # a fresh object each time: the count lives on disk
        assert not s.verify("0000")
        assert s.attempts_left() == left
    with pytest.raises(PinLockedOut) as locked:
        store(path, clock).verify("0000")
    assert locked.value.remaining_s == pytest.approx(60)
    # Locked: even the right PIN is refused, and the message says how long.
    clock.t += 30
    with pytest.raises(PinLockedOut, match="30 seconds"):
        store(path, clock).verify("1234")
    clock.t += 31
    assert store(path, clock).verify("1234")
    assert store(path, clock).attempts_left() == 5


def test_a_right_pin_resets_the_count(tmp_path: Path) -> None:
    clock = FakeWallClock()
    s = store(tmp_path / "pin.json", clock)
    s.set_pin("1234")
    for _ in range(4):
        assert not s.verify("0000")
    assert s.verify("1234")
    for _ in range(4):
        assert not s.verify("0000")  # four more wrong ones: still not locked
    assert s.lockout_remaining() == 0


@pytest.mark.parametrize(
    "content",
    [b"{not json", b'{"format": "other"}', b'{"format": "pocus-pin/1", "salt": "zz"}', b"\xff\xfe"],
)
def test_a_damaged_pin_file_gives_one_plain_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "pin.json"
    path.write_bytes(content)
    s = store(path)
    with pytest.raises(PinError, match=r"damaged\. Delete it"):
        s.verify("1234")
    with pytest.raises(PinError, match="damaged"):
        s.set_pin("1234")


def test_verify_without_a_pin_set(tmp_path: Path) -> None:
    with pytest.raises(PinError, match="No proctor PIN"):
        store(tmp_path / "pin.json").verify("1234")


def test_default_cost_is_slow_enough(tmp_path: Path) -> None:
    params = ScryptParams()
    assert params.n >= 2**14 and params.r >= 8  # OWASP's floor for scrypt
