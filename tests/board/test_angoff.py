"""`results angoff`: ratings to a cut by hand, bad ratings, impact, and the pass mark written back."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from pocus_player import resources
from pocus_player.board import angoff
from pocus_player.board.results import main
from pocus_player.core.loader import load_case
from scripts.simulate_cohort import simulate_cohort
from tests.board.test_analysis import BRANCHING
from tests.board.test_results import _png
from tests.core.journal_helpers import DEMO_KEY

TOL = 1e-6

# Items q1..q4 are worth 1, 1, 2, 1 points (5 in all). Judges' cuts, point-weighted:
# J1 (.6 + .5 + 2 x .7 + .4) / 5 = .58, J2 (.8 + .6 + 2 x .5 + .6) / 5 = .60,
# J3 (.7 + .4 + 2 x .6 + .5) / 5 = .56: mean .58, SD .02, SE .02 / sqrt(3).
WIDE = "judge,q1,q2,q3,q4\nJ1,0.6,0.5,0.7,0.4\nJ2,0.8,0.6,0.5,0.6\nJ3,0.7,0.4,0.6,0.5\n"


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "branchy.yaml"
    path.write_text(BRANCHING, encoding="utf-8")
    _png(tmp_path / "still.png")
    return path


def test_cut_sd_se_interval_and_icc_by_hand(case_file: Path, tmp_path: Path) -> None:
    ratings = tmp_path / "r.csv"
    ratings.write_text(WIDE, encoding="utf-8")
    case = load_case(case_file)
    (rnd,) = angoff.read_ratings(ratings, case)
    assert angoff.judge_cuts(rnd, case).tolist() == pytest.approx([0.58, 0.60, 0.56], abs=TOL)
    rec = angoff.summarise([rnd], case)["recommended"]
    assert rec["cut"] == pytest.approx(0.58, abs=TOL)
    assert rec["sd"] == pytest.approx(0.02, abs=TOL)
    assert rec["se"] == pytest.approx(0.02 / math.sqrt(3), abs=TOL)
    half = 4.302653 * 0.02 / math.sqrt(3)  # t(.975, 2) from the tables
    assert rec["ci95"] == pytest.approx([0.58 - half, 0.58 + half], abs=TOL)
    # ICC on items x judges: the same Shrout & Fleiss formulas tested in test_stats.py.
    from pocus_player.board import stats

    single, average = stats.icc_two_way(rnd.values.T)
    assert (rec["icc_2_1"], rec["icc_2_k"]) == (pytest.approx(single), pytest.approx(average))


def test_long_format_with_rounds_and_percentages(case_file: Path, tmp_path: Path) -> None:
    lines = ["judge,round,question_id,rating,case_id"]
    for judge, values in (("A", (60, 50, 70, 40)), ("B", (80, 60, 50, 60))):
        for q, v in zip(("q1", "q2", "q3", "q4"), values, strict=True):
            lines.append(f"{judge},1,{q},{v},branchy")
            lines.append(f"{judge},2,{q},{v - 10},branchy")
    lines.append("A,1,q1,99,another-case")  # other cases' rows are skipped
    ratings = tmp_path / "long.csv"
    ratings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    case = load_case(case_file)
    rounds = angoff.read_ratings(ratings, case)
    assert [r.round for r in rounds] == ["1", "2"]
    report = angoff.summarise(rounds, case)
    assert report["rounds"][0]["cut"] == pytest.approx(0.59, abs=TOL)
    assert report["recommended"]["round"] == "2"
    assert report["recommended"]["cut"] == pytest.approx(0.49, abs=TOL)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("judge,q1,q2,q3,q4\nJ1,0.6,0.5,0.7\n", "judge 'J1' has no rating for 'q4'"),
        ("judge,q1,qX\nJ1,0.6,0.5\n", ":1: 'qX' is not a question of this case"),
        ("judge,question_id,rating\nJ1,qY,0.5\n", ":2: 'qY' is not a question of this case"),
        ("judge,q1\nJ1,high\n", ":2: rating 'high' of 'q1' is not a number"),
        ("judge,q1\nJ1,120\n", ":2: rating '120' of 'q1' is outside 0-100"),
        ("q1,q2\n0.5,0.5\n", ":1: the header needs a 'judge' column"),
        ("judge,q1\n", "no ratings"),
    ],
)
def test_bad_ratings_name_the_line(
    case_file: Path, tmp_path: Path, text: str, message: str
) -> None:
    ratings = tmp_path / "bad.csv"
    ratings.write_text(text, encoding="utf-8")
    with pytest.raises(angoff.RatingsError, match=message.replace("(", r"\(")):
        angoff.read_ratings(ratings, load_case(case_file))


def test_write_pass_mark_edits_only_that_value(tmp_path: Path) -> None:
    block = tmp_path / "block.yaml"
    text = (
        "# a case\nsettings:\n  time_limit: '05:00'\n  pass_mark: 60   # percent, agreed 2026\n"
        "other:\n  pass_mark: 10\n"
    )
    block.write_bytes(text.replace("\n", "\r\n").encode())
    assert angoff.write_pass_mark(block, 57.86) == "60"
    assert block.read_bytes() == text.replace("60 ", "57.9 ").replace("\n", "\r\n").encode()
    flow = tmp_path / "flow.yaml"
    flow.write_text('settings: {time_limit: "05:00", pass_mark: 50}  # keep\n', encoding="utf-8")
    angoff.write_pass_mark(flow, 62)
    assert flow.read_text(encoding="utf-8") == (
        'settings: {time_limit: "05:00", pass_mark: 62}  # keep\n'
    )
    with pytest.raises(angoff.RatingsError, match=r"no settings\.pass_mark"):
        angoff.write_pass_mark(_none(tmp_path), 1)


def _none(tmp_path: Path) -> Path:
    path = tmp_path / "none.yaml"
    path.write_text("settings: {time_limit: 1}\n", encoding="utf-8")
    return path


def test_angoff_command_with_impact_and_write_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A content bundle of its own: the lung case and its media, so the script can be edited.
    root = tmp_path / "bundle"
    (root / "cases").mkdir(parents=True)
    shutil.copy(resources.cases_dir().parent / "pocus-content.yaml", root)
    shutil.copytree(resources.assets_dir() / "media" / "lung", root / "assets" / "media" / "lung")
    script = root / "cases" / "lung-dyspnea.yaml"
    shutil.copy(resources.cases_dir() / "lung-dyspnea.yaml", script)
    before = script.read_text(encoding="utf-8")
    results = tmp_path / "results"
    simulate_cohort(results, 40, case_paths=[script], seed=3, planted={})
    ratings = tmp_path / "ratings.csv"
    ids = [q.id for q in load_case(script).questions]
    ratings.write_text(
        "judge," + ",".join(ids) + "\n"
        + "\n".join(f"J{j}," + ",".join(str(50 + 5 * j + i) for i in range(len(ids)))
                    for j in range(4)) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    # `results stats` on the same files, before the pass mark changes.
    code = main(["stats", "-q", "-i", str(DEMO_KEY), "--case", str(script), str(results),
                 "--json", str(tmp_path / "s.json")])  # fmt: skip
    capsys.readouterr()
    stats_case = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["cases"][0]
    out_json = tmp_path / "angoff.json"
    code = main(
        ["angoff", "--ratings", str(ratings), "--case", str(script), "-i", str(DEMO_KEY), str(results),
         "--json", str(out_json), "--write-pass-mark"]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    report = json.loads(out_json.read_text(encoding="utf-8"))
    cut = report["recommended"]["cut"]
    assert report["impact"]["n"] == 40
    # The pass rate at the current mark agrees with `results stats`.
    assert report["impact"]["at"]["current pass mark"]["pass_rate"] == pytest.approx(
        stats_case["scale"]["pass_rate"], abs=TOL
    )
    assert f"pass_mark 60 -> {round(cut * 100, 1):g}" in out
    assert load_case(script).settings.pass_mark == pytest.approx(round(cut * 100, 1) / 100)
    # The cut drawn in the report's histogram of that case.
    code = main(["stats", "-q", "-i", str(DEMO_KEY), "--case", str(script), str(results),
                 "--out", str(tmp_path / "rep"), "--angoff", str(out_json)])  # fmt: skip
    capsys.readouterr()
    assert code == 0
    assert f"Angoff cut {cut:.0%}" in (tmp_path / "rep" / "report.html").read_text(encoding="utf-8")
    code = main(["stats", "-i", str(DEMO_KEY), "--case", str(script), str(results),
                 "--angoff", str(ratings)])  # fmt: skip
    assert code == 1 and "not the JSON of `results angoff --json`" in capsys.readouterr().err
    after = script.read_text(encoding="utf-8")
    assert after.replace(f"pass_mark: {round(cut * 100, 1):g}", "pass_mark: 60") == before
