"""`results stats` end to end on a simulated cohort of real result files, and its bad input."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from pocus_player import resources
from pocus_player.board.results import main
from scripts.simulate_cohort import PLANTED, simulate_cohort
from tests.core.journal_helpers import DEMO_KEY, frame_spans

KEY = str(DEMO_KEY)
CASES = str(resources.cases_dir())


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 simulated candidates x the three demo cases, written through engine and journal."""
    folder = tmp_path_factory.mktemp("cohort")
    written = simulate_cohort(folder, 200, seed=7, jobs=2)
    assert len(written) == 600
    return folder


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_stats_flags_exactly_the_planted_items(
    cohort: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_json = tmp_path / "stats.json"
    code, out, err = _run(
        capsys, "stats", "-q", "-i", KEY, "--case", CASES, str(cohort), "--json", str(out_json)
    )
    assert code == 0, err
    assert "analysed 600 of 600 result files" in out
    data = json.loads(out_json.read_text(encoding="utf-8"))
    flagged = {(f["where"], f["question_id"]) for f in data["flags"] if f["scope"] == "item"}
    assert flagged == set(PLANTED)
    codes = {(f["question_id"], f["code"]) for f in data["flags"]}
    assert ("q-probe-site", "key_below_distractor") in codes  # the miskey
    assert ("q-probe-site", "negative_item_rest") in codes
    assert ("q-management", "distractor_attracts_upper") in codes  # the attractive distractor
    cases = {c["case_id"]: c for c in data["cases"]}
    fast = {i["question_id"]: i for i in cases["fast-blunt-trauma"]["items"]}
    # Branches: each candidate sees one of q-fluid-sites / q-ruq-positive, never both.
    assert fast["q-fluid-sites"]["n_reached"] + fast["q-ruq-positive"]["n_reached"] == 200
    assert len(cases["fast-blunt-trauma"]["scale"]["forms"]) == 2
    cal = {i["question_id"]: i for i in cases["cardiac-pericardial-effusion"]["items"]}
    caliper = cal["q-ivc-caliper"]["caliper"]
    assert caliper["n_measured"] > 150 and abs(caliper["mean_error"]) < 0.1
    assert caliper["unit"] == "cm" and caliper["tolerance"] == pytest.approx(0.2)


def test_stats_writes_tables_and_parquet(
    cohort: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "report"
    exam = "cert=fast-blunt-trauma,lung-acute-dyspnea,cardiac-pericardial-effusion"
    code, text, _ = _run(
        capsys, "stats", "-q", "-i", KEY, "--case", CASES, str(cohort), "--exam", exam,
        "--out", str(out), "--jobs", "2",
    )  # fmt: skip
    assert code == 0
    assert "Exam cert" in text
    names = {p.name for p in out.iterdir()}
    assert {"stats.json", "items.csv", "options.csv", "scales.csv", "caliper.csv",
            "histograms.csv", "flags.csv", "rows.parquet"} <= names  # fmt: skip
    table = pq.read_table(out / "rows.parquet")
    assert set(table.column("case_id").to_pylist()) == {
        "fast-blunt-trauma",
        "lung-acute-dyspnea",
        "cardiac-pericardial-effusion",
    }
    # One row per question counted per sitting: 5 + 7 + 6 on every path.
    assert table.num_rows == 200 * (5 + 7 + 6)
    items = list(csv.DictReader((out / "items.csv").open(encoding="utf-8")))
    assert len(items) == 6 + 7 + 6
    exam_rel = json.loads((out / "stats.json").read_text(encoding="utf-8"))["exams"][0]
    strat = exam_rel["scale"]["reliability"]["stratified_alpha"]
    assert strat is not None and 0.5 < strat < 1.0
    # Items of a several-case exam are named with their case: question ids may repeat.
    assert "fast-blunt-trauma:q-fast-order" in exam_rel["scale"]["forms"][0]["items"]
    scales = list(csv.DictReader((out / "scales.csv").open(encoding="utf-8")))
    assert [s["name"] for s in scales if s["scope"] == "exam"] == ["cert"]


def test_bad_input_each_gets_one_message_and_the_good_files_are_analysed(
    cohort: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    lung = sorted(cohort.glob("lung-acute-dyspnea_*.pocusresult"))[:30]
    cardiac = sorted(cohort.glob("cardiac-pericardial-effusion_*.pocusresult"))[:5]
    for p in [*lung, *cardiac]:
        shutil.copy(p, mixed / p.name)
    damaged = mixed / lung[0].name
    data = damaged.read_bytes()
    start, _end = frame_spans(data)[3]
    damaged.write_bytes(data[: start + 200] + b"\x00" * 50 + data[start + 250 :])
    empty = tmp_path / "empty"
    empty.mkdir()
    lung_script = str(resources.cases_dir() / "lung-dyspnea.yaml")
    code, out, err = _run(
        capsys, "stats", "-q", "-i", KEY, "--case", lung_script, str(mixed), str(empty)
    )
    lines = err.splitlines()
    assert code == 2
    assert f"error: {empty} holds no .pocusresult files" in lines
    assert any(ln.startswith(f"error: {damaged}: failed verification") for ln in lines)
    assert (
        "error: 5 file(s) are results of case 'cardiac-pericardial-effusion', for which no "
        "case script was given (--case); left out"
    ) in lines
    assert len(lines) == 3 and "Traceback" not in err
    assert "analysed 29 of 35 result files; 6 left out" in out


def test_wrong_identity_is_one_message(
    cohort: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.key"
    main(["keygen", str(other)])
    capsys.readouterr()
    files = [str(p) for p in sorted(cohort.glob("lung-*.pocusresult"))[:40]]
    code, out, err = _run(capsys, "stats", "-q", "-i", str(other), "--case", CASES, *files)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"error: none of the 40 files decrypts with {other}: is it the identity of the board "
        "these results were encrypted to?",
        "error: no result file could be analysed",
    ]


def test_nothing_to_analyse_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "stats", "-i", KEY, "--case", CASES, str(tmp_path))
    assert code == 1 and err == f"error: {tmp_path} holds no .pocusresult files\n"
    code, _, err = _run(capsys, "stats", "-i", KEY, "--case", str(tmp_path), str(tmp_path))
    assert code == 1 and "holds no .yaml files" in err
    code, _, err = _run(
        capsys, "stats", "-i", KEY, "--case", CASES, "--exam", "x=nope", str(tmp_path)
    )
    assert code == 1 and err == "error: --exam x: no case script for nope\n"
