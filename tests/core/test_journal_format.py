"""Result file format: framing, the stock age CLI, and tamper detection by the verifier."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest

from pocus_player.core.errors import ResultFileError
from pocus_player.core.journal_format import (
    canonical_json,
    encode_frame,
    load_identities,
    load_recipient,
    receipt_code,
    scan_frames,
    verify_bytes,
    verify_file,
)
from tests.core.journal_helpers import DEMO_KEY, DEMO_PUB, codes, frame_spans, verify, write_session

AGE = shutil.which("age")
needs_age = pytest.mark.skipif(AGE is None, reason="the age CLI is not installed")


@pytest.fixture
def result(tmp_path: Path) -> Path:
    return write_session(tmp_path / "results", responses=5).path


def _spliced(path: Path, data: bytes) -> Path:
    out = path.with_name("tampered.pocusresult")
    out.write_bytes(data)
    return out


# ------------------------------------------------------------------ intact


def test_intact_file_verifies_with_receipt(result: Path) -> None:
    v = verify(result)
    assert v.ok and v.submitted and v.intact
    assert [r.type for r in v.records] == ["start", *["response"] * 5, "event", "submit"]
    assert [r.seq for r in v.records] == list(range(8))
    assert re.fullmatch(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}", v.receipt or "")
    assert v.issues == ()


def test_every_frame_is_header_line_then_armored_age(result: Path) -> None:
    data = result.read_bytes()
    scan = scan_frames(data)
    assert scan.damage == () and len(scan.frames) == 8
    for frame in scan.frames:
        header = data[frame.offset : data.index(b"\n", frame.offset)]
        assert header.startswith(b"%%AJ1 %d %d " % (frame.seq, len(frame.block)))
        assert frame.block.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----\n")
        assert frame.block.endswith(b"-----END AGE ENCRYPTED FILE-----\n")
    assert b"\r" not in data and data.isascii()


def test_receipt_code_groups_base32() -> None:
    assert receipt_code(bytes(32)) == "AAAA-AAAA-AAAA"
    assert receipt_code(b"\xff" * 32) == "7777-7777-7777"


def test_canonical_json_sorts_and_refuses_nan() -> None:
    assert canonical_json({"b": 1, "a": "é"}) == '{"a":"é","b":1}'.encode()
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})


def test_encode_frame_refuses_a_non_armored_block() -> None:
    with pytest.raises(ValueError, match="armored"):
        encode_frame(0, b"age-encryption.org/v1\n...", None)


# ---------------------------------------------------------- stock age CLI


@needs_age
def test_stock_age_cli_decrypts_every_record(result: Path) -> None:
    data = result.read_bytes()
    for frame in scan_frames(data).frames:
        out = subprocess.run(
            [AGE, "-d", "-i", str(DEMO_KEY)], input=frame.block, capture_output=True, check=True
        )
        record = json.loads(out.stdout)
        assert record["seq"] == frame.seq
        assert record["session"] == result.stem.rsplit("_", 1)[1]


@needs_age
def test_documented_shell_recipe_decrypts_a_result(tmp_path: Path, repo_root: Path) -> None:
    doc = (repo_root / "docs" / "result-file-format.md").read_text(encoding="utf-8")
    script = re.search(r"```sh\n(.*?)```", doc, re.S)
    assert script is not None, "the doc has no sh block"
    journal = write_session(tmp_path / "results", responses=3, submit=False)
    work = tmp_path / "work"
    work.mkdir()
    data = journal.path.read_bytes()
    # A torn last record, as a crash leaves it: the recipe must report and skip it.
    last_start, last_end = frame_spans(data)[-1]
    (work / "result.pocusresult").write_bytes(data + data[last_start : last_end - 200])
    shutil.copy(DEMO_KEY, work / "board.key")
    run = subprocess.run(
        ["bash", "-c", script.group(1)], cwd=work, capture_output=True, text=True, check=True
    )
    decrypted = sorted(work.glob("rec_*.json"))
    assert len(decrypted) == 5  # start, 3 responses, event
    seqs = [json.loads(p.read_text())["seq"] for p in decrypted]
    assert seqs == [0, 1, 2, 3, 4]
    assert "torn" in run.stderr


@needs_age
def test_pyrage_reads_what_the_age_cli_writes(tmp_path: Path) -> None:
    out = subprocess.run(
        [AGE, "-a", "-R", str(DEMO_PUB)], input=b"hello board", capture_output=True, check=True
    )
    assert pyrage.decrypt(out.stdout, load_identities(DEMO_KEY)) == b"hello board"


def test_damaged_tails_never_hide_intact_records(tmp_path: Path) -> None:
    """300 tails a crash or a bad disk might leave: torn prefixes, zeros, random bytes."""
    journal = write_session(tmp_path / "results", responses=3, submit=False)
    data = journal.path.read_bytes()
    frames = scan_frames(data).frames
    body = data[: frames[-1].offset]  # all but the last record
    last = data[frames[-1].offset :]
    rng = random.Random(11)
    for trial in range(300):
        kind = trial % 3
        if kind == 0:
            tail = last[: rng.randrange(1, len(last))]
        elif kind == 1:
            tail = last[: rng.randrange(0, len(last))] + b"\0" * rng.randrange(1, 4096)
        else:
            tail = rng.randbytes(rng.randrange(1, 3000)).replace(b"%", b"?")
        scan = scan_frames(body + tail)
        assert [f.seq for f in scan.frames] == [f.seq for f in frames[:-1]], trial
        assert scan.torn_tail is not None and scan.torn_tail.offset == len(body), trial


# ------------------------------------------------------------------ tamper


def test_flipped_bit_in_a_record_is_reported_as_altered(result: Path) -> None:
    data = bytearray(result.read_bytes())
    start, end = frame_spans(bytes(data))[3]
    data[end - 100] ^= 0x04
    v = verify(_spliced(result, bytes(data)))
    assert not v.ok
    assert {"damaged", "missing"} <= codes(v)
    assert any("checksum mismatch" in i.message and i.offset == start for i in v.issues)
    assert any(i.code == "missing" and i.seq == 3 for i in v.issues)


def test_flipped_bit_with_a_recomputed_checksum_fails_decryption(result: Path) -> None:
    data = result.read_bytes()
    scan = scan_frames(data)
    frame = scan.frames[2]
    block = bytearray(frame.block)
    block[len(block) // 2] ^= 0x01  # a base64 letter becomes another letter
    forged = encode_frame(frame.seq, bytes(block), frame.resume_blob)
    v = verify(_spliced(result, data[: frame.offset] + forged + data[frame.end :]))
    assert "undecryptable" in codes(v) and not v.ok


def test_any_single_bit_flip_anywhere_is_detected(result: Path) -> None:
    data = result.read_bytes()
    rng = random.Random(7)
    for _ in range(40):
        pos = rng.randrange(len(data))
        flipped = bytearray(data)
        flipped[pos] ^= 1 << rng.randrange(8)
        try:
            v = verify_bytes(bytes(flipped), load_identities(DEMO_KEY))
        except ResultFileError:
            continue  # e.g. the first "%" gone: "not a result file" is a detection too
        assert not v.intact, f"flip at byte {pos} went unnoticed"


def test_deleted_record_is_reported_missing(result: Path) -> None:
    data = result.read_bytes()
    start, end = frame_spans(data)[4]
    v = verify(_spliced(result, data[:start] + data[end:]))
    assert codes(v) == {"missing"}
    (issue,) = v.issues
    assert issue.seq == 4 and "record 4 missing" in issue.message


def test_deleted_submit_record_is_reported_not_submitted(result: Path) -> None:
    data = result.read_bytes()
    start, _ = frame_spans(data)[-1]
    v = verify(_spliced(result, data[:start]))
    assert codes(v) == {"not-submitted"} and not v.submitted and v.receipt is None


def test_reordered_pair_is_reported(result: Path) -> None:
    data = result.read_bytes()
    (a0, a1), (b0, b1) = frame_spans(data)[2:4]
    swapped = data[:a0] + data[b0:b1] + data[a0:a1] + data[b1:]
    v = verify(_spliced(result, swapped))
    assert codes(v) == {"reordered"}
    assert "record 2 appears after record 3" in v.issues[0].message


def test_record_from_another_session_is_reported(result: Path, tmp_path: Path) -> None:
    other = write_session(tmp_path / "other", responses=5, candidate_id="C0099").path
    data, foreign = result.read_bytes(), other.read_bytes()
    start, end = frame_spans(data)[3]
    f0, f1 = frame_spans(foreign)[3]
    v = verify(_spliced(result, data[:start] + foreign[f0:f1] + data[end:]))
    assert "foreign-record" in codes(v) and "missing" in codes(v)
    assert any("another session" in i.message for i in v.issues)


def test_forged_record_made_with_the_public_key_breaks_the_chain(result: Path) -> None:
    """Anyone can encrypt to the board: the chain is what exposes a forged record."""
    data = result.read_bytes()
    v0 = verify(result)
    target = v0.records[2]
    forged_record = {**target.raw, "payload": {**target.payload, "response": {"choice": "a"}}}
    forged_record["prev"] = "00" * 32
    forged_record.pop("rs")
    block = pyrage.encrypt(canonical_json(forged_record), [load_recipient(DEMO_PUB)], armored=True)
    start, end = frame_spans(data)[2]
    v = verify(_spliced(result, data[:start] + encode_frame(2, block) + data[end:]))
    assert "chain-broken" in codes(v)
    assert any(i.seq == 2 and "altered or substituted" in i.message for i in v.issues)


@pytest.mark.parametrize(
    "plain",
    [
        b'["not", "an", "object"]',
        b'{"seq": 2, "type": "resume", "session": "x", "payload": {"torn": "junk"}}',
        b'{"seq": 2, "type": "resume", "session": "x", "payload": {"torn": [[1, "a"], 5]}}',
        b"\xff\xfe not json",
    ],
)
def test_malformed_forged_records_are_findings_not_crashes(result: Path, plain: bytes) -> None:
    data = result.read_bytes()
    block = pyrage.encrypt(plain, [load_recipient(DEMO_PUB)], armored=True)
    start, end = frame_spans(data)[2]
    v = verify(_spliced(result, data[:start] + encode_frame(2, block) + data[end:]))
    assert not v.intact and codes(v) & {"undecryptable", "foreign-record", "chain-broken"}


def test_copied_record_is_reported_duplicate(result: Path) -> None:
    data = result.read_bytes()
    start, end = frame_spans(data)[2]
    v = verify(_spliced(result, data[:end] + data[start:end] + data[end:]))
    assert "duplicate" in codes(v) and not v.ok


def test_truncated_file_is_reported_truncated(result: Path) -> None:
    data = result.read_bytes()
    start, end = frame_spans(data)[-1]
    v = verify(_spliced(result, data[: (start + end) // 2]))
    assert {"truncated", "not-submitted"} == codes(v)
    assert any("torn record" in i.message for i in v.issues)


# ------------------------------------------------------------- bad input


def test_wrong_identity_is_one_clear_error(result: Path) -> None:
    stranger = pyrage.x25519.Identity.generate()
    with pytest.raises(ResultFileError, match="wrong key"):
        verify_file(result, [stranger])


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty"), (b"hello, world\n", "not a result file"), (b"%AJ1 garbage", "no readable")],
)
def test_not_a_result_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.pocusresult"
    path.write_bytes(content)
    with pytest.raises(ResultFileError, match=message):
        verify(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ResultFileError, match="no such file"):
        verify(tmp_path / "absent.pocusresult")
    with pytest.raises(ResultFileError, match="is a directory"):
        verify(tmp_path)


def test_bad_key_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.key"
    bad.write_text("# nothing here\n")
    with pytest.raises(ResultFileError, match="no AGE-SECRET-KEY-1"):
        load_identities(bad)
    bad.write_text("AGE-SECRET-KEY-1NOTAKEY\n")
    with pytest.raises(ResultFileError, match="not an age identity"):
        load_identities(bad)
    with pytest.raises(ResultFileError, match="not found"):
        load_identities(tmp_path / "missing.key")
    with pytest.raises(ResultFileError, match="recipient"):
        load_recipient("age1notarecipient")
    with pytest.raises(ResultFileError, match="cannot read recipient"):
        load_recipient(tmp_path / "missing.pub")
