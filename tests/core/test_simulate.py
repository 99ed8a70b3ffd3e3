"""Headless simulation of the demo cases: examples, all right/wrong, branches, timers, CLI."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from pocus_player.core import model as m
from pocus_player.core.journal_api import MemoryJournal
from pocus_player.core.loader import load_case
from pocus_player.core.scoring import key_response
from pocus_player.core.simulate import (
    ResponseScript,
    ResponsesFileError,
    check_script,
    load_script,
    main,
    parse_script,
    run,
    simulate,
)

DEMOS = ("fast-trauma", "cardiac-effusion", "lung-dyspnea")


@pytest.fixture(scope="module")
def cases(cases_dir: Path) -> dict[str, m.Case]:
    return {name: load_case(cases_dir / f"{name}.yaml") for name in DEMOS}


def cli(*argv: str) -> tuple[int, str, str]:
    import argparse

    from pocus_player.core.simulate import add_subparser

    parser = argparse.ArgumentParser(prog="pocus-player")
    add_subparser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["simulate", *argv])
    out, err = io.StringIO(), io.StringIO()
    code = run(args, out, err)
    return code, out.getvalue(), err.getvalue()


def all_correct(case: m.Case) -> ResponseScript:
    return ResponseScript(responses={q.id: key_response(q) for q in case.questions})


def wrong(q: m.Question) -> dict[str, Any]:
    if q.type is m.QuestionType.SINGLE_BEST_ANSWER:
        return {"choice": next(o.id for o in q.display_options if o.id not in q.key)}
    if q.type is m.QuestionType.MULTIPLE_RESPONSE:
        return {"choices": [o.id for o in q.options if o.id not in q.key]}
    if q.type is m.QuestionType.ORDERING:
        return {"order": list(reversed(q.key))}
    if q.type is m.QuestionType.HOTSPOT:
        return {"points": [[-500, -500]], "frame": None}
    return {"endpoints": [[0, 0], [0, 1000]]}


# -- the worked examples -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "points", "max_points", "path"),
    [
        ("fast-trauma", 8.3333, 9.0, "intro -> encounter -> focused-ruq -> morison -> disposition"),
        ("cardiac-effusion", 8.6667, 10.0, "intro -> heart -> ivc -> next-step"),
        ("lung-dyspnea", 11.0, 11.0, "intro -> right-anterior -> left-anterior -> right-base"),
    ],
)
def test_example_responses_files(
    cases_dir: Path, name: str, points: float, max_points: float, path: str
) -> None:
    case_file = cases_dir / f"{name}.yaml"
    responses = cases_dir / "examples" / f"{name}.responses.yaml"
    code, out, err = cli(str(case_file), "--responses", str(responses), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["totals"]["points"] == points and data["totals"]["max_points"] == max_points
    assert " -> ".join(data["path"]).startswith(path) and data["path"][-1] == "end"
    assert data["outcome"] == "completed" and data["totals"]["passed"]
    assert all(s["cause"] == "candidate" for s in data["scores"])
    code, text, _ = cli(str(case_file), "--responses", str(responses))
    assert code == 0 and f"Path: {path}" in text and "PASS" in text
    for score in data["scores"]:
        assert score["question_id"] in text and score["rule"] in text


def test_example_details(cases_dir: Path, cases: dict[str, m.Case]) -> None:
    fast = simulate(
        cases["fast-trauma"], load_script(cases_dir / "examples/fast-trauma.responses.yaml")
    )
    rules = {i.result.question_id: i.result.rule for i in fast.items}
    assert rules["q-fast-order"] == "ordering.constraints"
    # Media up to the checkpoints (25.4 s + 10.8 s), 45 + 20 + 60 + 20 + 20 s answering, 8 s of
    # narration after cp-plan; the 90 s proctor pause does not count.
    assert fast.time_used_s == pytest.approx(25.4 + 10.8 + 45 + 20 + 60 + 20 + 20 + 8)
    lung = simulate(
        cases["lung-dyspnea"], load_script(cases_dir / "examples/lung-dyspnea.responses.yaml")
    )
    assert {i.result.question_id: i.result.rule for i in lung.items}["q-bline-cause"] == (
        "not_possible.correct"
    )
    assert lung.time_limit_s == 960.0  # 900 s + a 60 s proctor grant
    cardiac = simulate(
        cases["cardiac-effusion"],
        load_script(cases_dir / "examples/cardiac-effusion.responses.yaml"),
    )
    caliper = next(i.result for i in cardiac.items if i.result.question_id == "q-ivc-caliper")
    assert caliper.detail["measured"] == 2.3 and caliper.rule == "caliper.within_tolerance"
    assert cardiac.time_limit_s == 1350.0  # accommodation 1.5


# -- all correct, all wrong, each branch --------------------------------------------------------


@pytest.mark.parametrize("name", DEMOS)
def test_all_correct_scores_full_marks(cases: dict[str, m.Case], name: str) -> None:
    result = simulate(cases[name], all_correct(cases[name]))
    assert result.totals.points == result.totals.max_points > 0
    assert result.totals.passed and all(i.result.correct for i in result.items)


@pytest.mark.parametrize("name", DEMOS)
def test_all_wrong_scores_zero(cases: dict[str, m.Case], name: str) -> None:
    case = cases[name]
    result = simulate(case, ResponseScript(responses={q.id: wrong(q) for q in case.questions}))
    assert result.totals.points == 0.0 and not result.totals.passed
    assert result.outcome == "completed"
    assert not any(i.result.correct for i in result.items)
    assert "no_answer" not in {i.result.rule for i in result.items}


@pytest.mark.parametrize("name", DEMOS)
def test_no_answers_at_all(cases: dict[str, m.Case], name: str) -> None:
    result = simulate(cases[name], ResponseScript())
    assert {i.result.rule for i in result.items} == {"no_answer"}
    assert result.totals.points == 0.0 and result.outcome == "completed"


def test_fast_branches(cases: dict[str, m.Case]) -> None:
    case = cases["fast-trauma"]
    unstable = simulate(case, ResponseScript(responses={"q-stability": {"choice": "unstable"}}))
    assert unstable.path == ("intro", "encounter", "focused-ruq", "morison", "disposition")
    for choice in ("stable", "neurogenic"):
        script = ResponseScript(responses={"q-stability": {"choice": choice}})
        stable = simulate(case, script)
        assert stable.path == ("intro", "encounter", "full-fast", "morison", "disposition")
    # The maximum counts only the questions on the path taken.
    assert unstable.totals.max_points == 9.0 and stable.totals.max_points == 9.0
    assert "q-fluid-sites" in stable.totals.questions
    assert "q-fluid-sites" not in unstable.totals.questions


def test_simulation_is_deterministic(cases: dict[str, m.Case], cases_dir: Path) -> None:
    script = load_script(cases_dir / "examples/fast-trauma.responses.yaml")
    first = simulate(cases["fast-trauma"], script).to_json()
    assert all(simulate(cases["fast-trauma"], script).to_json() == first for _ in range(3))


# -- timers and proctor ---------------------------------------------------------------------------


def test_overall_time_expiry_ends_cleanly(cases: dict[str, m.Case]) -> None:
    case = cases["fast-trauma"]
    journal = MemoryJournal()
    script = replace(all_correct(case), default_elapsed=239.0)
    result = simulate(case, script, journal)
    assert result.outcome == "time_expired" and result.state.value == "time_expired"
    assert result.time_used_s == 900.0
    assert result.totals.unreached and result.totals.max_points == 9.0
    unreached = [i for i in result.items if i.checkpoint is None]
    assert [i.result.question_id for i in unreached] == list(result.totals.unreached)
    assert all(i.result.rule == "no_answer" for i in unreached)
    expired = [i for i in result.items if i.cause == "time_expired"]
    assert len(expired) == 1 and expired[0].result.correct  # drafted answers stand
    assert next(k for k, _ in journal.records) == "start"
    assert [k for k, _ in journal.records][-1] == "submit"
    assert journal.records[-1][1]["outcome"] == "time_expired"
    roomy = simulate(case, replace(script, accommodation=2.0))
    assert roomy.outcome == "completed" and roomy.totals.points == 9.0


def test_checkpoint_time_limit_submits_as_it_stands(cases: dict[str, m.Case]) -> None:
    case = cases["fast-trauma"]  # checkpoint_time_limit 04:00
    script = replace(all_correct(case), elapsed={"cp-plan": 300.0})
    result = simulate(case, script)
    first = result.items[0]
    assert (first.checkpoint, first.cause, first.result.correct) == (
        "cp-plan",
        "checkpoint_time_limit",
        True,
    )
    assert result.outcome == "completed" and result.totals.points == 9.0


def test_proctor_end_and_fault(cases: dict[str, m.Case]) -> None:
    case = cases["lung-dyspnea"]
    data = {"proctor": [{"at": "left-anterior", "action": "end", "note": "withdrew"}]}
    ended = simulate(case, parse_script(data))
    assert ended.outcome == "ended_by_proctor" and ended.path[-1] == "left-anterior"
    assert ended.totals.max_points == 11.0
    data = {"proctor": [{"at": "cp-probe", "action": "fault"}]}
    aborted = simulate(case, parse_script(data))
    assert aborted.outcome == "aborted" and not aborted.totals.passed
    stall = {"proctor": [{"at": "cp-probe", "action": "stall", "seconds": 500}]}
    assert (
        simulate(case, parse_script(stall)).time_used_s
        == simulate(case, ResponseScript()).time_used_s
    )


# -- bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1], "must hold a mapping"),
        ({"answers": {}}, "unknown key 'answers'"),
        ({"responses": ["x"]}, "expected a mapping of ids"),
        ({"responses": {"q": "b"}}, "a response is a mapping"),
        ({"elapsed": {"cp": -1}}, "elapsed.cp: expected seconds"),
        ({"elapsed": {"cp": True}}, "elapsed.cp: expected seconds"),
        ({"replays": {"cp": "clip"}}, "expected a list of media ids"),
        ({"proctor": {"at": "x"}}, "expected a list of actions"),
        ({"proctor": [{"at": "x", "action": "nap"}]}, "action must be one of"),
        ({"proctor": [{"at": "x", "action": "end", "why": 1}]}, "expected {at, action"),
        ({"proctor": [{"action": "end"}]}, "'at' must name a checkpoint"),
        ({"proctor": [{"at": "x", "action": "pause"}]}, "pause needs seconds > 0"),
        ({"accommodation": 0.5}, "accommodation must be 1 or more"),
    ],
)
def test_script_shape_errors(data: Any, message: str) -> None:
    with pytest.raises(ResponsesFileError, match=message.replace("{", r"\{")):
        parse_script(data, "r.yaml")


def test_script_must_fit_the_case(cases: dict[str, m.Case]) -> None:
    script = parse_script(
        {
            "case": "another-case",
            "responses": {"q-nope": {}, "q-stability": {"choice": True}, "q-disposition": {"x": 1}},
            "elapsed": {"cp-nope": 1},
            "replays": {"focused-ruq": ["no-such-clip"]},
            "proctor": [{"at": "nowhere", "action": "incident"}],
            "segments": {"morison": 3},
        }
    )
    with pytest.raises(ResponsesFileError) as info:
        check_script(cases["fast-trauma"], script, "r.yaml")
    text = str(info.value)
    for fragment in (
        "r.yaml does not fit case 'fast-blunt-trauma'",
        "the script is for 'another-case'",
        "responses.q-nope: no such question",
        'quote option ids such as "yes"',
        "unexpected field 'x'",
        "elapsed.cp-nope: no such checkpoint",
        "no such media 'no-such-clip'",
        "proctor[0].at: no such checkpoint 'nowhere'",
        "segments.morison: no such segment step",
    ):
        assert fragment in text


def test_cli_reports_bad_files(tmp_path: Path, cases_dir: Path) -> None:
    case_file = str(cases_dir / "fast-trauma.yaml")
    missing = tmp_path / "missing.yaml"
    code, out, err = cli(case_file, "--responses", str(missing))
    assert (code, out) == (2, "") and "cannot read" in err
    broken = tmp_path / "broken.yaml"
    broken.write_text("responses: {q: [", encoding="utf-8")
    assert f"{broken}:2:1: YAML syntax error" in cli(case_file, "--responses", str(broken))[2]
    mismatch = tmp_path / "mismatch.yaml"
    mismatch.write_text("responses:\n  q-stability: {choice: maybe}\n", encoding="utf-8")
    code, _, err = cli(case_file, "--responses", str(mismatch))
    assert code == 2 and "'maybe' is not an option" in err
    bad_case = tmp_path / "bad.yaml"
    bad_case.write_text("schema_version: 1\n", encoding="utf-8")
    code, _, err = cli(str(bad_case), "--responses", str(mismatch))
    assert code == 2 and "the case is invalid" in err
    replay = tmp_path / "replay.yaml"
    replay.write_text(
        "replays:\n  focused-ruq: [ruq-cine, ruq-cine, ruq-cine, ruq-cine, ruq-cine]\n"
        "responses:\n  q-stability: {choice: unstable}\n",
        encoding="utf-8",
    )
    code, _, err = cli(case_file, "--responses", str(replay))
    assert code == 2 and "no replays left" in err
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert cli(case_file, "--responses", str(empty))[0] == 0


def test_result_dir_writes_an_encrypted_result_file(tmp_path: Path, cases_dir: Path) -> None:
    out_dir = tmp_path / "results"
    code, out, err = cli(
        str(cases_dir / "lung-dyspnea.yaml"),
        "--responses",
        str(cases_dir / "examples/lung-dyspnea.responses.yaml"),
        "--result-dir",
        str(out_dir),
        "--candidate",
        "C-0042",
        "--json",
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    result_file = Path(data["result_file"])
    assert result_file.parent == out_dir and result_file.stat().st_size > 0
    assert "C-0042" in result_file.name and data["receipt"]
    assert b"q-bline-cause" not in result_file.read_bytes()  # encrypted, not in the clear
    code, _, err = cli(
        str(cases_dir / "lung-dyspnea.yaml"),
        "--responses",
        str(cases_dir / "examples/lung-dyspnea.responses.yaml"),
        "--result-dir",
        str(out_dir),
        "--recipient",
        "age1notakey",
    )
    assert code == 1 and err.startswith("result file:")
    code, text, _ = cli(
        str(cases_dir / "lung-dyspnea.yaml"),
        "--responses",
        str(cases_dir / "examples/lung-dyspnea.responses.yaml"),
        "--result-dir",
        str(out_dir),
    )
    assert code == 0 and "Receipt: " in text and str(out_dir) in text


def test_main_entry_point(cases_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "simulate",
            str(cases_dir / "cardiac-effusion.yaml"),
            "--responses",
            str(cases_dir / "examples/cardiac-effusion.responses.yaml"),
        ]
    )
    assert code == 0 and "Total 8.6667/10 (86.7 %)" in capsys.readouterr().out


def test_media_time_from_frames_and_expiry_while_playing(tmp_path: Path) -> None:
    from tests.core.factories import branching_case

    case = branching_case(tmp_path)
    result = simulate(case, ResponseScript(default_elapsed=0.0))
    # cp_fluid at 2 s, cp_spot at frame 120 of a 30 fps clip: 4 s of media in all.
    assert result.time_used_s == 4.0 and result.path == ("scan", "stable")
    short = branching_case(tmp_path, time_limit_s=3.0)
    expired = simulate(short, ResponseScript(default_elapsed=0.0))
    assert expired.outcome == "time_expired" and expired.path == ("scan",)
    assert expired.to_json()["path"] == ["scan"] and "Path: scan\n" in expired.to_text()
    assert "(unreached)  q_spot" in expired.to_text()
    assert expired.totals.unreached == ("q_spot", "q_order", "q_cal")
    tail = simulate(
        branching_case(tmp_path, time_limit_s=5.0),
        parse_script({"default_elapsed": 0, "segments": {"scan": 10}}),
    )
    assert tail.outcome == "time_expired" and tail.time_used_s == 5.0


def test_frame_checkpoints_take_their_pictures_times(tmp_path: Path) -> None:
    from tests.core.factories import branching_case

    case = branching_case(tmp_path)
    # the 30 fps clip's pictures at a variable rate: frame 120 is shown at 5.5 s, not 4 s
    times = tuple(i / 30 for i in range(60)) + tuple(2 + i / 17.14 for i in range(120))
    media = tuple(
        replace(item, frame_times=times) if item.id == "cine_ruq" else item for item in case.media
    )
    result = simulate(replace(case, media=media), ResponseScript(default_elapsed=0.0))
    assert result.time_used_s == pytest.approx(times[120]) and result.path == ("scan", "stable")


def test_parse_script_accepts_empty_responses() -> None:
    script = parse_script({"responses": {"q": None}})
    assert script.responses == {"q": {}}


def test_timer_expiry_with_float_residue_terminates(cases: dict[str, m.Case]) -> None:
    """A remaining time of ~1e-14 s (float residue of times like 25.4 s) must still expire."""
    case = cases["fast-trauma"]
    for elapsed in (240.0 + 1e-13, 239.9999999999999, 300.0, 0.1 + 0.2 + 239.7):
        result = simulate(case, replace(all_correct(case), elapsed={"cp-plan": elapsed}))
        assert result.outcome == "completed"
