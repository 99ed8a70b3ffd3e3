"""The board's `results` tool: keygen, verify, open, rescore, export, and its bad-input messages."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path
from struct import pack

import pytest

from pocus_player.board.results import add_subparser, main
from pocus_player.core import scoring
from pocus_player.core.journal import EncryptedJournal
from pocus_player.core.loader import load_case
from tests.core.journal_helpers import DEMO_KEY, DEMO_PUB, frame_spans, write_session

KEY = str(DEMO_KEY)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def results(tmp_path: Path) -> Path:
    folder = tmp_path / "results"
    write_session(folder, responses=3, candidate_id="C1")
    write_session(folder, responses=2, candidate_id="C2")
    return folder


def test_add_subparser_wires_results_into_a_larger_cli(results: Path) -> None:
    parser = argparse.ArgumentParser(prog="pocus-player")
    add_subparser(parser.add_subparsers(dest="command"))
    files = sorted(str(p) for p in results.glob("*.pocusresult"))
    args = parser.parse_args(["results", "verify", "-i", KEY, *files])
    assert args.results_handler(args) == 0


def test_verify_ok_prints_receipts(results: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in results.glob("*.pocusresult"))
    code, out, _ = _run(capsys, "verify", "-i", KEY, *files)
    assert code == 0
    assert out.count(": OK") == 2 and out.count("receipt ") == 2


def test_verify_reports_tampering_with_exit_2(
    results: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sorted(results.glob("*C1*.pocusresult"))[0]
    data = path.read_bytes()
    start, end = frame_spans(data)[2]
    path.write_bytes(data[:start] + data[end:])
    code, out, _ = _run(capsys, "verify", "-i", KEY, str(path))
    assert code == 2
    assert "FAILED" in out and "error: missing: record 2 missing" in out
    code, out, _ = _run(capsys, "verify", "--json", "-i", KEY, str(path))
    report = json.loads(out)
    assert code == 2 and report[0]["intact"] is False
    assert [i["code"] for i in report[0]["issues"]] == ["missing"]


def test_verify_unfinished_session_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_session(tmp_path, responses=1, submit=False).path
    code, out, _ = _run(capsys, "verify", "-i", KEY, str(path))
    assert code == 2 and "NOT SUBMITTED" in out


def test_open_prints_every_record(results: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sorted(results.glob("*C1*.pocusresult"))[0]
    code, out, _ = _run(capsys, "open", "-i", KEY, str(path))
    assert code == 0
    assert out.count(" response ") == 3 and '"question_id": "q3"' in out
    code, out, _ = _run(capsys, "open", "--json", "-i", KEY, str(path))
    data = json.loads(out)
    assert [r["type"] for r in data["records"]][-1] == "submit" and data["submitted"]


def test_export_csv_and_json_over_a_folder(
    results: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_out, json_out = tmp_path / "out.csv", tmp_path / "out.json"
    code, _, err = _run(
        capsys,
        "export",
        "-i",
        KEY,
        str(results),
        "--csv",
        str(csv_out),
        "--json",
        str(json_out),
    )
    assert code == 0
    assert "exported 5 responses from 2 files" in err
    header = next(csv.reader(io.StringIO(csv_out.read_text(encoding="utf-8"))))
    assert len(header) == len(set(header)), header  # one question_id column, not two
    rows = list(csv.DictReader(io.StringIO(csv_out.read_text(encoding="utf-8"))))
    assert len(rows) == 5
    assert sorted({r["candidate_id"] for r in rows}) == ["C1", "C2"]
    assert {r["question_id"] for r in rows} == {"q1", "q2", "q3"}
    assert all(r["verified"] == "True" for r in rows)
    assert json.loads(rows[0]["response"]) == {"choice": "b"}
    assert len(json.loads(json_out.read_text(encoding="utf-8"))) == 5


def test_export_takes_ids_from_the_file_name_when_the_start_record_lacks_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = EncryptedJournal.create(
        recipient=DEMO_PUB, case_id="lung-2", candidate_id="C77", results_dir=tmp_path
    )
    journal.append("start", {"app_version": "1"})
    journal.append("response", {"question_id": "q1", "response": {}})
    journal.submit({})
    code, out, _ = _run(capsys, "export", "-i", KEY, str(journal.path))
    (row,) = csv.DictReader(io.StringIO(out))
    assert code == 0 and (row["case_id"], row["candidate_id"]) == ("lung-2", "C77")


def test_export_flags_files_that_fail_verification(
    results: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sorted(results.glob("*C2*.pocusresult"))[0]
    data = path.read_bytes()
    path.write_bytes(data[: frame_spans(data)[-1][0]])  # submit record removed
    code, out, err = _run(capsys, "export", "-i", KEY, str(results), "--csv", "-")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 2 and "1 failed verification" in err
    assert {r["candidate_id"]: r["verified"] for r in rows} == {"C1": "True", "C2": "False"}


def test_keygen_writes_a_pair_the_age_cli_uses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "board.key"
    code, out, _ = _run(capsys, "keygen", str(key))
    assert code == 0 and "board.pub" in out
    pub = tmp_path / "board.pub"
    assert pub.read_text().startswith("age1")
    if os.name != "nt":
        assert key.stat().st_mode & 0o077 == 0
    journal = EncryptedJournal.create(
        recipient=pub, case_id="c", candidate_id="x", results_dir=tmp_path / "r"
    )
    journal.append("start", {})
    journal.submit({})
    code, out, _ = _run(capsys, "verify", "-i", str(key), str(journal.path))
    assert code == 0
    age = shutil.which("age")
    if age:
        block = journal.path.read_bytes().split(b"\n", 1)[1]
        block = block[: block.index(b"-----END AGE ENCRYPTED FILE-----\n") + 33]
        done = subprocess.run([age, "-d", "-i", str(key)], input=block, capture_output=True)
        assert done.returncode == 0 and b'"type":"start"' in done.stdout
    code, _, err = _run(capsys, "keygen", str(key))
    assert code == 1 and "already exists" in err


# ------------------------------------------------------------------ rescore


def _png(path: Path, w: int = 8, h: int = 8) -> None:
    def chunk(tag: bytes, data: bytes) -> bytes:
        return pack(">I", len(data)) + tag + data + pack(">I", zlib.crc32(tag + data))

    raw = b"".join(b"\x00" + b"\x80" * w for _ in range(h))
    ihdr = pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


MINI_CASE = """\
schema_version: 1
case:
  id: mini-rescore
  title: Mini
  clinical_area: other
  version: "1.0.0"
  authors: [tests]
  estimated_minutes: 1
  domains: [{id: d, title: D}]
settings: {time_limit: "05:00", pass_mark: 50}
media: [{id: still, kind: still, file: still.png}]
steps: [{id: s1, type: questions, questions: [q1, q2]}]
questions:
  - id: q1
    type: single_best_answer
    stem: Pick b
    points: 1
    domain: d
    rationale: b
    options: [{id: a, text: A}, {id: b, text: B}]
    key: b
  - id: q2
    type: multiple_response
    stem: Pick a and c
    points: 2
    domain: d
    rationale: ac
    scoring: partial
    options: [{id: a, text: A}, {id: b, text: B}, {id: c, text: C}]
    key: [a, c]
"""


def test_rescore_flags_a_score_that_differs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_file = tmp_path / "mini.yaml"
    case_file.write_text(MINI_CASE, encoding="utf-8")
    _png(tmp_path / "still.png")
    case = load_case(case_file)
    q1, q2 = case.question_by_id("q1"), case.question_by_id("q2")
    journal = EncryptedJournal.create(
        recipient=DEMO_PUB, case_id="mini-rescore", candidate_id="C9", results_dir=tmp_path / "r"
    )
    journal.append("start", {"case_id": "mini-rescore"})
    right = {"choice": "b"}
    journal.append(
        "response",
        {"question_id": "q1", "response": right, "score": scoring.score(q1, right).to_json()},
    )
    partial = {"choices": ["a"]}
    stale = {**scoring.score(q2, partial).to_json(), "points": 2.0, "correct": True}
    journal.append("response", {"question_id": "q2", "response": partial, "score": stale})
    # A retried checkpoint submit repeats a response: the last one per question counts.
    journal.append(
        "response",
        {"question_id": "q1", "response": right, "score": scoring.score(q1, right).to_json()},
    )
    journal.submit({})
    code, out, _ = _run(capsys, "rescore", "-i", KEY, "--case", str(case_file), str(journal.path))
    assert code == 2
    assert "q1" in out and "same" in out
    assert "changed  recorded 2.0 -> now 1.0" in out
    assert "3 responses rescored, 1 differ" in out
    assert out.count("superseded by a later response") == 1
    code, out, _ = _run(
        capsys, "rescore", "--json", "-i", KEY, "--case", str(case_file), str(journal.path)
    )
    rows = json.loads(out)
    assert [r["status"] for r in rows] == ["same", "changed", "same"]
    assert [r["superseded"] for r in rows] == [True, False, False]
    assert rows[1]["rescored"]["rule"] == "mr.partial"

    other = EncryptedJournal.create(
        recipient=DEMO_PUB, case_id="fast", candidate_id="C9", results_dir=tmp_path / "r"
    )
    other.append("start", {"case_id": "fast-trauma"})
    other.submit({})
    code, _, err = _run(capsys, "rescore", "-i", KEY, "--case", str(case_file), str(other.path))
    assert code == 1 and "is a result of case 'fast-trauma', not 'mini-rescore'" in err


# ---------------------------------------------------------------- bad input


def _bad_inputs(tmp_path: Path) -> list[tuple[list[str], str]]:
    good = write_session(tmp_path / "r", responses=1).path
    empty = tmp_path / "empty.pocusresult"
    empty.write_bytes(b"")
    text = tmp_path / "notes.txt"
    text.write_text("not a result\n")
    other_key = tmp_path / "other.key"
    main(["keygen", str(other_key)])
    (tmp_path / "no-results").mkdir()
    return [
        (["verify", "-i", str(other_key), str(good)], "wrong key"),
        (["verify", "-i", KEY, str(text)], "not a result file"),
        (["verify", "-i", KEY, str(empty)], "is empty"),
        (["verify", "-i", KEY, str(tmp_path)], "is a directory"),
        (["open", "-i", KEY, str(tmp_path / "missing.pocusresult")], "no such file"),
        (["verify", "-i", str(tmp_path / "missing.key"), str(good)], "identity file not found"),
        (["verify", "-i", str(text), str(good)], "not an age identity file"),
        (["export", "-i", KEY, str(tmp_path / "no-results")], "holds no .pocusresult"),
        (["rescore", "-i", KEY, "--case", str(text), str(good)], "notes.txt"),
    ]


def test_bad_input_is_one_clear_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = _bad_inputs(tmp_path)
    capsys.readouterr()
    for argv, message in cases:
        code, _, err = _run(capsys, *argv)
        assert code == 1, argv
        assert err.startswith("error: ") and message in err, (argv, err)
        assert err.count("\n") == 1 and "Traceback" not in err


def test_usage_error_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["verify", "some.pocusresult"])  # no -i
    assert exc.value.code == 1
    assert "the following arguments are required: -i/--identity" in capsys.readouterr().err


def test_python_m_board_runs_standalone(tmp_path: Path, repo_root: Path) -> None:
    good = write_session(tmp_path / "r", responses=1).path
    env = {**os.environ, "PYTHONPATH": str(repo_root)}
    done = subprocess.run(
        [sys.executable, "-m", "pocus_player.board", "verify", "-i", KEY, str(good)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0 and ": OK" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "pocus_player.board", "verify", "-i", KEY, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr
