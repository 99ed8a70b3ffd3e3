"""Sealed packages: build, inspect without unlocking, unlock, and every tamper or misuse
refused with one clear message before anything is decrypted or started."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import struct
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from pocus_player.core.loader import load_case
from pocus_player.core.media_info import MediaInfo
from pocus_player.core.package import content
from pocus_player.core.package import layout as L
from pocus_player.core.package.builder import BuildOptions, ExamSpec, build_package
from pocus_player.core.package.errors import (
    NotAPackageError,
    PackageBuildError,
    PackageDamagedError,
    PackageError,
    SignatureError,
    UnlockError,
    ValidityError,
)
from pocus_player.core.package.reader import SealedPackage
from pocus_player.core.package.signing import SigningKey
from tests.core.package.conftest import (
    CASES,
    CENTER,
    CENTER_PUB,
    PASSPHRASE,
    Builder,
    ManifestProbe,
    content_copy,
    demo_key,
)

CARDIAC = CASES / "cardiac-effusion.yaml"
TRUST = [demo_key().verify_key]


def open_exam(path: Path, **kw: object) -> content.UnlockedPackage:
    args: dict[str, object] = {"identities": [CENTER], "trusted": TRUST, **kw}
    return content.open_package(path, **args)  # type: ignore[arg-type]


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def write_zip(path: Path, items: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for name, blob in items.items():
            zf.writestr(name, blob)


def flip_bit(path: Path, member: str) -> None:
    """Flip one bit in the middle of a member's stored bytes, in place."""
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    raw = bytearray(path.read_bytes())
    name_len, extra_len = struct.unpack(
        "<HH", raw[info.header_offset + 26 : info.header_offset + 30]
    )
    start = info.header_offset + 30 + name_len + extra_len
    raw[start + info.compress_size // 2] ^= 0x10
    path.write_bytes(bytes(raw))


@pytest.fixture(scope="module")
def sealed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pkg") / "cardiac.pocusexam"
    spec = ExamSpec("demo-exam", "Demo exam", "3", (CARDIAC,))
    build_package(
        spec,
        out,
        ManifestProbe(),
        BuildOptions(
            passphrase=PASSPHRASE,
            center_recipients=(CENTER_PUB,),
            signing_key=demo_key(),
            builder="test board",
        ),
    )
    return out


@pytest.fixture
def copy_of(sealed: Path, tmp_path: Path) -> Callable[[], Path]:
    def make() -> Path:
        dst = tmp_path / "copy.pocusexam"
        dst.write_bytes(sealed.read_bytes())
        return dst

    return make


# ------------------------------------------------------------------ building and reading


def test_a_sealed_package_holds_nothing_readable(sealed: Path) -> None:
    raw = sealed.read_bytes()
    case = load_case(CARDIAC, ManifestProbe())
    for q in case.questions:
        assert q.stem[:40].encode() not in raw
        assert q.rationale[:40].encode() not in raw
    for item in case.media:
        data = item.file.read_bytes()
        for i in range(0, len(data) - 64, max(1, len(data) // 50)):
            assert data[i : i + 64] not in raw, item.file.name
    slots = {L.HEADER, L.SIGNATURE, L.MANIFEST, L.PASS_SLOT, L.CENTER_SLOT}
    names = set(members(sealed))
    assert names >= slots
    assert all(n.startswith(L.MEMBER_DIR) for n in names - slots)


def test_inspect_shows_ids_sizes_and_signature_without_unlocking(sealed: Path) -> None:
    pkg = SealedPackage.open(sealed)
    pkg.check_members()
    assert pkg.exam_id == "demo-exam" and pkg.version == "3"
    assert [c["id"] for c in pkg.exam["cases"]] == ["cardiac-pericardial-effusion"]
    assert pkg.header["content"]["files"] == 5
    assert pkg.slots == ("passphrase", "center")
    status = pkg.signature_status(TRUST)
    assert status.trusted and status.key_id == demo_key().id


def test_unlocked_cases_equal_the_scripts_and_files_match(sealed: Path) -> None:
    pkg = open_exam(sealed)
    (case,) = content.load_cases(pkg)
    original = load_case(CARDIAC, ManifestProbe())
    assert case.questions == original.questions
    assert case.steps == original.steps
    assert [m.id for m in case.media] == [m.id for m in original.media]
    for item, orig in zip(case.media, original.media, strict=True):
        assert str(item.file).startswith(str(pkg.root)) and not item.file.exists()
        assert item.frame_rate == orig.frame_rate
        content.register(pkg)
        try:
            data = content.read_bytes(item.file)
        finally:
            content.unregister(pkg)
        assert data is not None and bytes(data) == orig.file.read_bytes()
    assert len(pkg.verify()) == 5


class PictureTimesProbe(ManifestProbe):
    """The manifest's facts, with every clip's pictures at uneven times (a variable rate)."""

    def probe(self, path: Path) -> MediaInfo:
        info = super().probe(path)
        if not info.frame_rate:
            return info
        count = int(info.duration_s * info.frame_rate)
        times = tuple(round(i / info.frame_rate + (i % 3) * 0.004, 6) for i in range(count))
        return dataclasses.replace(
            info, frame_times=times, frame_count=count, variable_frame_rate=True
        )


def test_a_sealed_clip_keeps_its_pictures_times(tmp_path: Path) -> None:
    """Frames are numbered alike from memory and from disk: the manifest holds the times."""
    out = tmp_path / "vfr.pocusexam"
    spec = ExamSpec("demo-exam", "Demo exam", "3", (CARDIAC,))
    options = BuildOptions(center_recipients=(CENTER_PUB,), signing_key=demo_key())
    build_package(spec, out, PictureTimesProbe(), options)
    (case,) = content.load_cases(open_exam(out))
    original = load_case(CARDIAC, PictureTimesProbe())
    timed = [item for item in original.media if item.frame_times]
    assert timed
    for item, orig in zip(case.media, original.media, strict=True):
        assert item.frame_times == orig.frame_times
        assert item.timeline == orig.timeline


def test_center_recipient_slot_unlocks_without_passphrase(build: Builder) -> None:
    center = pyrage.x25519.Identity.generate()
    other = pyrage.x25519.Identity.generate()
    path = build(center_recipients=(str(center.to_public()),))
    assert SealedPackage.open(path).slots == ("center",)
    assert open_exam(path, passphrase=None, identities=[center]).files
    with pytest.raises(UnlockError, match=r"none of this test center's keys opens"):
        open_exam(path, passphrase=None, identities=[other])


# ------------------------------------------------------------------ misuse and tampering


def test_wrong_passphrase(sealed: Path) -> None:
    with pytest.raises(UnlockError, match=r"^wrong passphrase for this package$"):
        open_exam(sealed, passphrase="not it", identities=[])
    assert open_exam(sealed, passphrase=PASSPHRASE, identities=[]).files


MEMBER_NAMES = [L.HEADER, L.SIGNATURE, L.MANIFEST, L.PASS_SLOT, "m/000001.age", "m/000003.age"]


@pytest.mark.parametrize("member", MEMBER_NAMES)
def test_a_flipped_bit_in_any_member_is_refused(copy_of: Callable[[], Path], member: str) -> None:
    path = copy_of()
    flip_bit(path, member)
    with pytest.raises(PackageError) as info:
        open_exam(path)
    assert "altered" in str(info.value) or "damaged" in str(info.value)


def test_a_flipped_bit_with_a_repaired_zip_checksum_is_refused(
    sealed: Path, tmp_path: Path
) -> None:
    """The zip's CRC is no protection: a member rewritten whole is caught by the signed hashes."""
    items = members(sealed)
    blob = bytearray(items["m/000002.age"])
    blob[len(blob) // 2] ^= 1
    items["m/000002.age"] = bytes(blob)
    path = tmp_path / "p.pocusexam"
    write_zip(path, items)
    with pytest.raises(
        PackageDamagedError, match=r"member m/000002.age has been altered or swapped"
    ):
        open_exam(path)


def test_a_swapped_member_is_refused(sealed: Path, tmp_path: Path) -> None:
    items = members(sealed)
    items["m/000002.age"], items["m/000004.age"] = items["m/000004.age"], items["m/000002.age"]
    path = tmp_path / "p.pocusexam"
    write_zip(path, items)
    with pytest.raises(PackageDamagedError, match=r"altered"):
        open_exam(path)


def test_a_removed_member_is_refused(sealed: Path, tmp_path: Path) -> None:
    items = members(sealed)
    del items["m/000003.age"]
    path = tmp_path / "p.pocusexam"
    write_zip(path, items)
    with pytest.raises(PackageDamagedError, match=r"is incomplete: member m/000003.age is missing"):
        open_exam(path)


def test_an_added_member_is_refused(sealed: Path, tmp_path: Path) -> None:
    items = members(sealed)
    items["m/999999.age"] = b"extra"
    path = tmp_path / "p.pocusexam"
    write_zip(path, items)
    with pytest.raises(PackageDamagedError, match=r"does not list"):
        open_exam(path)


def test_a_header_rewritten_to_match_new_members_breaks_the_signature(
    sealed: Path, tmp_path: Path
) -> None:
    items = members(sealed)
    items["m/000002.age"], items["m/000004.age"] = items["m/000004.age"], items["m/000002.age"]
    header = json.loads(items[L.HEADER])
    for name in ("m/000002.age", "m/000004.age"):
        header["members"][name] = {
            "sha256": hashlib.sha256(items[name]).hexdigest(),
            "size": len(items[name]),
        }
    items[L.HEADER] = L.canonical_json(header)
    path = tmp_path / "p.pocusexam"
    write_zip(path, items)
    with pytest.raises(SignatureError, match=r"does not match the package"):
        open_exam(path)


def test_a_package_signed_by_another_key_is_refused(build: Builder) -> None:
    stranger = SigningKey(Ed25519PrivateKey.generate())
    path = build(signing_key=stranger)
    with pytest.raises(
        SignatureError, match=rf"signed by key {stranger.id}, which is not the board's"
    ):
        open_exam(path)


def test_an_unsigned_package_is_refused_in_exam_mode(build: Builder) -> None:
    path = build(signing_key=None)
    with pytest.raises(
        SignatureError, match=r"is not signed; exam mode plays only packages signed"
    ):
        open_exam(path)
    assert open_exam(path, require_signature=False).files  # preview and practice may


def test_outside_the_validity_window(build: Builder) -> None:
    now = datetime.now(UTC)
    late = build(
        name="late.pocusexam", not_before=now - timedelta(days=2), not_after=now - timedelta(days=1)
    )
    with pytest.raises(ValidityError, match=r"expired at .* and may not be used"):
        open_exam(late)
    early = build(name="early.pocusexam", not_before=now + timedelta(days=1))
    with pytest.raises(ValidityError, match=r"may not be used before"):
        open_exam(early)
    assert open_exam(early, now=now + timedelta(days=2)).files


def test_a_truncated_file(copy_of: Callable[[], Path]) -> None:
    path = copy_of()
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(NotAPackageError, match=r"is truncated or damaged"):
        open_exam(path)


@pytest.mark.parametrize("blob", [b"schema_version: 1\n", b"", b"\x00" * 100])
def test_not_a_package(tmp_path: Path, blob: bytes) -> None:
    path = tmp_path / "exam.pocusexam"
    path.write_bytes(blob)
    with pytest.raises(NotAPackageError, match=r"is not a .pocusexam package"):
        open_exam(path)


def test_a_plain_zip_is_not_a_package(tmp_path: Path) -> None:
    path = tmp_path / "exam.pocusexam"
    write_zip(path, {"case.yaml": b"schema_version: 1\n"})
    with pytest.raises(NotAPackageError, match=r"zip file but not a .pocusexam package"):
        open_exam(path)


def test_a_member_decrypting_to_other_bytes_is_refused(sealed: Path) -> None:
    """The manifest's plaintext hash catches a member re-encrypted by whoever holds the key."""
    pkg = open_exam(sealed)
    entry = next(iter(pkg.files.values()))
    forged = type(entry)(entry.path, entry.member, entry.role, entry.size, "0" * 64, entry.facts)
    with pytest.raises(PackageDamagedError, match=r"is not the file the manifest names"):
        pkg.read_entry(forged)


# ------------------------------------------------------------------ refused builds


def test_a_case_with_errors_is_not_built(tmp_path: Path) -> None:
    text = CARDIAC.read_text(encoding="utf-8").replace("points: 1\n", "points: -1\n", 1)
    script = content_copy(tmp_path, "cardiac-effusion", text)
    out = tmp_path / "x.pocusexam"
    with pytest.raises(
        PackageBuildError, match=r"1 case script.s. have errors; nothing was built"
    ) as info:
        build_package(
            ExamSpec("x", "x", "1", (script,)), out, ManifestProbe(), BuildOptions(passphrase="p")
        )
    assert info.value.problems and info.value.problems[0].line > 0
    assert not out.exists() and not list(tmp_path.glob(".x.pocusexam*"))


def test_a_case_with_missing_media_is_not_built(tmp_path: Path) -> None:
    script = content_copy(tmp_path, "cardiac-effusion", CARDIAC.read_text(encoding="utf-8"))
    (tmp_path / "assets" / "media" / "cardiac" / "ivc.png").unlink()
    with pytest.raises(PackageBuildError) as info:
        build_package(
            ExamSpec("x", "x", "1", (script,)),
            tmp_path / "x.pocusexam",
            ManifestProbe(),
            BuildOptions(passphrase="p"),
        )
    assert any("ivc.png" in p.message and "not found" in p.message for p in info.value.problems)


def test_no_unlock_slot_is_refused(tmp_path: Path) -> None:
    with pytest.raises(
        PackageBuildError, match=r"passphrase or at least one test-center recipient"
    ):
        build_package(
            ExamSpec("x", "x", "1", (CARDIAC,)),
            tmp_path / "x.pocusexam",
            ManifestProbe(),
            BuildOptions(),
        )
