"""The per-file step on real result files: rows, unreached items, tolerant start records, notes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from pocus_player import resources
from pocus_player.board.case_source import ScriptCases
from pocus_player.board.collect import rescore_all
from pocus_player.board.rescored import NOT_REACHED, OMITTED, rescore_result
from pocus_player.core import scoring
from pocus_player.core.clock import VirtualClock
from pocus_player.core.journal import EncryptedJournal
from pocus_player.core.journal_format import load_identities
from pocus_player.core.loader import load_case
from pocus_player.core.simulate import parse_script, simulate
from tests.core.journal_helpers import DEMO_KEY, DEMO_PUB

LUNG = resources.cases_dir() / "lung-dyspnea.yaml"


@pytest.fixture(scope="module")
def cases() -> ScriptCases:
    return ScriptCases([LUNG])


def _sit(folder: Path, script: dict[str, object], candidate: str = "C1") -> Path:
    case = load_case(LUNG)
    clock = VirtualClock()
    journal = EncryptedJournal.create(
        recipient=DEMO_PUB, case_id=case.meta.id, candidate_id=candidate, results_dir=folder,
        clock=clock,
    )  # fmt: skip
    try:
        simulate(case, parse_script(script), journal, clock)
    finally:
        journal.close()
    return journal.path


def test_a_case_ended_early_gives_not_reached_rows(tmp_path: Path, cases: ScriptCases) -> None:
    path = _sit(
        tmp_path,
        {
            "responses": {"q-probe-site": {"choice": "anterior"}, "q-artifact": {}},
            "proctor": [{"at": "left-anterior", "action": "end", "note": "fire alarm"}],
        },
    )
    out = rescore_result(path.read_bytes(), path.name, load_identities(DEMO_KEY), cases)
    assert out.ok and out.outcome == "ended_by_proctor" and out.candidate_id == "C1"
    status = {r.question_id: r.status for r in out.rows}
    assert status["q-probe-site"] == "answered" and status["q-artifact"] == OMITTED
    # The open checkpoint was submitted as it stood (blank); the rest of the path is unreached.
    assert status["q-bline-features"] == NOT_REACHED and status["q-final-diagnosis"] == NOT_REACHED
    assert len(out.rows) == 7  # every question of the path, once
    unreached = next(r for r in out.rows if r.question_id == "q-final-diagnosis")
    assert (unreached.points, unreached.max_points, unreached.response) == (0.0, 2.0, "")
    assert not any(r.changed for r in out.rows)
    assert pickle.loads(pickle.dumps(out)) == out  # what the pool sends back


def test_rows_carry_what_the_option_and_caliper_tables_count(
    tmp_path: Path, cases: ScriptCases
) -> None:
    path = _sit(
        tmp_path,
        {
            "responses": {
                "q-probe-site": {"choice": "base"},
                "q-pleural-line": {"points": [[2, 2]]},
                "q-bline-features": {"choices": ["pleura", "fixed"]},
            }
        },
    )
    out = rescore_result(path.read_bytes(), path.name, load_identities(DEMO_KEY), cases)
    rows = {r.question_id: r for r in out.rows}
    assert rows["q-probe-site"].choices == ("base",) and rows["q-probe-site"].points == 0
    assert rows["q-pleural-line"].regions == () and rows["q-pleural-line"].outside
    assert rows["q-bline-features"].choices == ("pleura", "fixed")
    assert rows["q-bline-features"].rule == "mr.partial"
    assert rows["q-probe-site"].time_s is not None


def test_start_records_are_read_tolerantly_and_rescoring_notes_changes(
    tmp_path: Path, cases: ScriptCases
) -> None:
    case = load_case(LUNG)
    q = case.question_by_id("q-probe-site")
    journal = EncryptedJournal.create(
        recipient=DEMO_PUB, case_id=case.meta.id, candidate_id="C7", results_dir=tmp_path
    )
    # Fields a later version adds (a sealed package's identity) are ignored, not refused.
    journal.append(
        "start",
        {
            "case_id": case.meta.id,
            "case_version": "0.9.0",
            "case_sha256": "0" * 64,
            "package": {"id": "window-2026-12", "sha256": "ab" * 32},
            "candidate": "C7",
        },
    )
    right = {"choice": "anterior"}
    stale = {**scoring.score(q, right).to_json(), "points": 0.0, "correct": False}
    journal.append("response", {"question_id": q.id, "response": right, "score": stale})
    journal.submit({"outcome": "completed", "unreached": []})
    out = rescore_result(
        journal.path.read_bytes(), journal.path.name, load_identities(DEMO_KEY), cases
    )
    assert out.ok and out.candidate_id == "C7"
    (row,) = out.rows
    assert (row.points, row.recorded_points, row.changed) == (1.0, 0.0, True)
    assert any("recorded with case version '0.9.0'" in n for n in out.notes)
    assert any("1 response(s) score differently" in n for n in out.notes)


def test_files_that_cannot_be_used_say_why(tmp_path: Path, cases: ScriptCases) -> None:
    good = _sit(tmp_path, {"responses": {}})
    other = tmp_path / "other.pocusresult"
    other.write_bytes(b"%AJ1 garbage\n")
    empty = tmp_path / "empty.pocusresult"
    empty.write_bytes(b"")
    outs = rescore_all([good, other, empty], DEMO_KEY, cases, jobs=1)
    assert [o.ok for o in outs] == [True, False, False]
    assert outs[1].kind == "unreadable" and "holds no readable record" in (outs[1].problem or "")
    assert outs[2].kind == "unreadable" and "is empty" in (outs[2].problem or "")
    fast = ScriptCases([resources.cases_dir() / "fast-trauma.yaml"])
    (wrong_case,) = rescore_all([good], DEMO_KEY, fast, jobs=1)
    assert wrong_case.kind == "case"
    assert wrong_case.problem == "no case script given for case 'lung-acute-dyspnea'"
