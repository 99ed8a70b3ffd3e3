"""`results stats --package`: the cases and keys come from the sealed exam package the files
were sat from, and every figure equals the one the case scripts give, for sittings from the
scripts and for sittings from the package whose keys were withheld."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pocus_player import resources
from pocus_player.board.results import main
from pocus_player.cli import main as cli_main
from scripts.simulate_cohort import simulate_cohort
from tests.core.package.conftest import CASES, PASSPHRASE, Builder

KEY = str(resources.demo_board_identity())
BOARD_PUB = resources.demo_board_recipient().read_text(encoding="utf-8").strip().splitlines()[-1]
EXAM = "cert=fast-blunt-trauma,lung-acute-dyspnea,cardiac-pericardial-effusion"
DEMO = {
    "fast-trauma": "fast-blunt-trauma",
    "lung-dyspnea": "lung-acute-dyspnea",
    "cardiac-effusion": "cardiac-pericardial-effusion",
}
CANDIDATES = 30


def _stats(capsys: pytest.CaptureFixture[str], out: Path, *argv: str) -> dict[str, Any]:
    code = main(["stats", "-q", "-i", KEY, *argv, "--exam", EXAM, "--json", str(out)])
    assert code == 0, capsys.readouterr().err
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_stats_from_a_package_equal_stats_from_its_case_scripts(
    build: Builder,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package = build(
        *[CASES / f"{name}.yaml" for name in DEMO],
        passphrase=PASSPHRASE,
        withhold_keys=True,
        board_recipient=BOARD_PUB,
    )
    results = tmp_path / "results"
    from_scripts = set(simulate_cohort(results, CANDIDATES, seed=5))
    # One candidate sits every case from the package: no key on the machine, no score recorded.
    monkeypatch.setenv("PP", PASSPHRASE)
    for name, case_id in DEMO.items():
        responses = CASES / "examples" / f"{name}.responses.yaml"
        argv = ["simulate", str(package), "--case-id", case_id, "--passphrase-env", "PP",
                "--responses", str(responses), "--result-dir", str(results),
                "--candidate", "P1"]  # fmt: skip
        assert cli_main(argv) == 0
    capsys.readouterr()

    # --jobs 2 over more files than run inline: the package source goes to the workers.
    by_package = _stats(capsys, tmp_path / "p.json", "--package", str(package), str(results),
                        "--jobs", "2")  # fmt: skip
    by_scripts = _stats(capsys, tmp_path / "s.json", "--case", str(CASES), str(results))
    assert by_package["files"]["analysed"] == 3 * CANDIDATES + 3
    assert by_package["files"]["left_out"] == [] == by_scripts["files"]["left_out"]
    sources = [c.pop("source") for data in (by_package, by_scripts) for c in data["cases"]]
    assert [".pocusexam" in s for s in sources] == [True] * 3 + [False] * 3
    assert by_package["cases"] == by_scripts["cases"]
    assert by_package["exams"] == by_scripts["exams"]
    assert by_package["flags"] == by_scripts["flags"]
    assert by_package["exams"][0]["n_candidates"] == CANDIDATES + 1
    # The package's sittings are counted with the scores the board's keys give them.
    assert by_package["files"]["rescored_changed"] == by_scripts["files"]["rescored_changed"] > 0
    # Each source notes the files sat on other bytes than its own: the package holds the
    # scripts with their keys withheld.
    noted = {Path(n["file"]) for n in by_package["files"]["notes"] if "script differs" in n["note"]}
    assert noted == from_scripts
    noted = {Path(n["file"]) for n in by_scripts["files"]["notes"] if "script differs" in n["note"]}
    assert noted == set(results.glob("*_P1_*.pocusresult")) and len(noted) == 3


def test_stats_with_a_package_the_identity_does_not_open(
    build: Builder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = build(withhold_keys=True, board_recipient=BOARD_PUB)
    other = tmp_path / "other.key"
    main(["keygen", str(other)])
    capsys.readouterr()
    code = main(["stats", "-i", str(other), "--package", str(package), str(tmp_path)])
    assert code == 1
    assert capsys.readouterr().err == "error: none of this test center's keys opens this package\n"


def test_stats_takes_case_scripts_or_a_package_not_both(
    build: Builder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = build()
    with pytest.raises(SystemExit) as exit_:
        main(["stats", "-i", KEY, "--case", str(CASES), "--package", str(package), str(tmp_path)])
    assert exit_.value.code == 1
    assert "not allowed with argument" in capsys.readouterr().err


def test_results_of_a_case_the_package_lacks_are_one_message(
    build: Builder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = build(CASES / "cardiac-effusion.yaml", board_recipient=BOARD_PUB)
    results = tmp_path / "results"
    cases = [CASES / "cardiac-effusion.yaml", CASES / "lung-dyspnea.yaml"]
    simulate_cohort(results, 4, case_paths=cases, seed=2)
    capsys.readouterr()
    code = main(["stats", "-q", "-i", KEY, "--package", str(package), str(results)])
    out, err = capsys.readouterr()
    assert code == 2 and "analysed 4 of 8 result files; 4 left out" in out
    assert err.splitlines() == [
        "error: 4 file(s) are results of case 'lung-acute-dyspnea', which the package does not "
        "hold (--package); left out"
    ]
