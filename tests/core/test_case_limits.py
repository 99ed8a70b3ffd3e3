"""Case scripts and responses files that would hurt the machine or the exam: one clear error each.

Alias bombs, deep nesting and huge numbers are refused at their line:col in
milliseconds; values a careless author types (a NUL in a path, a zero time limit,
ordering constraints the key contradicts) are refused where they stand.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pocus_player.core.errors import CaseValidationError
from pocus_player.core.loader import load_case, load_case_text
from pocus_player.core.simulate import ResponsesFileError, load_script, run
from pocus_player.core.yaml_source import MAX_ALIAS_VALUES, MAX_DEPTH, MAX_INTEGER
from tests.core.test_loader import FAST, FAST_TEXT, TableProbe, position

REPO = Path(__file__).resolve().parents[2]
DURATIONS = {
    "intro.ogg": 30.0,
    "encounter.mp4": 14.0,
    "ruq-fluid.mp4": 3.0,
    "luq-normal.mp4": 3.0,
    "subxiphoid-normal.mp4": 3.0,
    "pelvis-fluid.mp4": 3.0,
}
LONG_ENOUGH = TableProbe(DURATIONS)


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """The "billion laughs": each anchor lists the previous one `width` times (9**9 values)."""
    text = "a0: &a0 [" + ", ".join(['"lol"'] * width) + "]\n"
    for i in range(1, levels):
        text += f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]\n"
    return text


def only_problem(text: str, probe: object | None = None) -> tuple[int, int, str]:
    with pytest.raises(CaseValidationError) as info:
        load_case_text(text, FAST, probe)  # type: ignore[arg-type]
    problems = [(p.line, p.col, p.message) for p in info.value.problems]
    assert len(problems) == 1, problems
    return problems[0]


def problems_of(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(CaseValidationError) as info:
        load_case_text(text, FAST, None)
    return [(p.line, p.col, p.message) for p in info.value.problems]


def replaced(old: str, new: str) -> str:
    assert old in FAST_TEXT, f"{old!r} is no longer in the demo case"
    return FAST_TEXT.replace(old, new, 1)


# -- limits of the YAML reader --------------------------------------------------------------

BOMB_MESSAGE = (
    "aliases repeat the value anchored here until the document would hold more than "
    f"{MAX_ALIAS_VALUES} repeated values (a YAML alias bomb?); write the values out or use "
    "fewer aliases"
)
DEPTH_MESSAGE = f"lists and mappings are nested more than {MAX_DEPTH} levels deep; a case script needs far fewer"


def test_alias_bomb_is_one_error_at_the_anchor_it_overflows_on() -> None:
    text = alias_bomb()
    assert len(text) < 600
    # a5 lists 9 copies of a4 (9**4 + ... values each): the copies pass the limit there.
    assert only_problem(text) == (*position(text, "&a4 "), BOMB_MESSAGE)


def test_aliases_within_the_limit_expand_to_a_tree() -> None:
    from pocus_player.core.yaml_source import load_located

    data = load_located(alias_bomb(levels=3, width=3)).data
    assert data["a2"] == [[["lol"] * 3] * 3] * 3
    assert data["a2"][0] is not data["a2"][1]  # each alias is its own copy


def test_ten_thousand_nested_brackets() -> None:
    text = "case: " + "[" * 10_000 + "]" * 10_000 + "\n"
    # libyaml stops first, at its own limit of 1000 levels (the 1001st bracket)
    assert only_problem(text) == (1, 6 + 1000, DEPTH_MESSAGE)


def test_nesting_just_past_the_limit_points_at_the_level_that_breaks_it() -> None:
    text = "case: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n"
    # the root mapping is level 1, so the list opened at column 7 + MAX_DEPTH - 1 is too deep
    assert only_problem(text) == (1, 7 + MAX_DEPTH - 1, DEPTH_MESSAGE)
    ok = "case: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert all(DEPTH_MESSAGE not in p[2] for p in problems_of(ok))


def test_a_5000_digit_integer() -> None:
    text = replaced("schema_version: 1\n", "schema_version: " + "9" * 5000 + "\n")
    assert only_problem(text) == (
        *position(text, "9999"),
        "the whole number 999999999999... (5000 characters) is too large; whole numbers lie "
        f"between -{MAX_INTEGER} and {MAX_INTEGER}",
    )


def test_integers_past_json_range_and_overflowing_floats() -> None:
    text = replaced("  pass_mark: ", f"  pass_mark: {MAX_INTEGER + 1}\n  x_pass_mark: ")
    assert (
        *position(text, str(MAX_INTEGER + 1)),
        "the whole number 9007199254740992 is too large; whole numbers lie between "
        f"-{MAX_INTEGER} and {MAX_INTEGER}",
    ) in problems_of(text)
    text = replaced("  estimated_minutes: 10\n", "  estimated_minutes: 1.0e+999\n")
    assert only_problem(text) == (
        *position(text, "1.0e+999"),
        "the number 1.0e+999 is too large (it would be infinite)",
    )


@pytest.mark.parametrize("literal", [".nan", ".inf", "-.Inf", ".NaN"])
def test_infinities_and_nan_are_refused_where_they_stand(literal: str) -> None:
    text = replaced("  estimated_minutes: 10\n", f"  estimated_minutes: {literal}\n")
    assert only_problem(text) == (
        *position(text, literal),
        f"{literal!r}: infinities and NaN are not allowed",
    )


def test_validate_of_the_alias_bomb_is_fast_and_small(tmp_path: Path) -> None:
    """Peak RSS and time of `pocus-player validate` on the bomb, measured in a child process.

    The clock starts once the loader is imported and its schema compiled (what any
    script costs, a fraction of a second); RSS is the child's peak (VmHWM) over everything.
    """
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(alias_bomb(), encoding="utf-8")
    child = (
        "import io, json, sys, time, contextlib\n"
        "from pocus_player.cli import main\n"
        "from pocus_player.core import loader\n"
        "loader._validator()  # imports and the schema: the same for every script\n"
        "out = io.StringIO()\n"
        "start = time.perf_counter()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    code = main(['validate', '--no-probe', '--json', sys.argv[1]])\n"
        "elapsed = time.perf_counter() - start\n"
        "# VmHWM: this process image's peak (ru_maxrss would count the forked test runner)\n"
        "status = open('/proc/self/status').read()\n"
        "rss_kb = int(status.split('VmHWM:')[1].split()[0])\n"
        "print(json.dumps({'code': code, 's': elapsed, 'rss_kb': rss_kb, 'out': out.getvalue()}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", child, str(bomb)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        check=True,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    report = json.loads(figures["out"])
    assert figures["code"] == 1
    [problem] = report["files"][0]["problems"]
    assert (problem["line"], problem["col"], problem["message"]) == (5, 5, BOMB_MESSAGE)
    assert figures["s"] < 1.0, figures
    assert figures["rss_kb"] < 100 * 1024, figures


# -- responses files get the same limits ------------------------------------------------------


def responses_error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ResponsesFileError) as info:
        load_script(path)
    return str(info.value).replace(str(path), "r.yaml")


def test_responses_file_alias_bomb_nesting_and_huge_integer(tmp_path: Path) -> None:
    assert responses_error(tmp_path, alias_bomb()) == f"r.yaml:5:5: {BOMB_MESSAGE}"
    nested = "responses: {q: {order: " + "[" * 10_000 + "]" * 10_000 + "}}\n"
    assert responses_error(tmp_path, nested).startswith("r.yaml:1:")
    assert responses_error(tmp_path, nested).endswith(f": {DEPTH_MESSAGE}")
    big = "responses:\n  q-stability: {choice: " + "7" * 5000 + "}\n"
    assert responses_error(tmp_path, big) == (
        "r.yaml:2:25: the whole number 777777777777... (5000 characters) is too large; "
        f"whole numbers lie between -{MAX_INTEGER} and {MAX_INTEGER}"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".nan", "r.yaml:1:16: '.nan': infinities and NaN are not allowed"),
        (".inf", "r.yaml:1:16: '.inf': infinities and NaN are not allowed"),
        ("1.0e+999", "r.yaml:1:16: the number 1.0e+999 is too large (it would be infinite)"),
        (
            "100",
            "r.yaml:1:16: accommodation: accommodation must be 1 or more and at most 4 "
            "(a time-limit multiplier such as 1.25, 1.5 or 2), got 100",
        ),
        (
            "0.5",
            "r.yaml:1:16: accommodation: accommodation must be 1 or more and at most 4 "
            "(a time-limit multiplier such as 1.25, 1.5 or 2), got 0.5",
        ),
    ],
)
def test_accommodation_must_be_a_real_multiplier(tmp_path: Path, value: str, message: str) -> None:
    assert responses_error(tmp_path, f"accommodation: {value}\n") == message


def test_seconds_beyond_any_sitting(tmp_path: Path) -> None:
    assert responses_error(
        tmp_path, "proctor:\n  - {at: cp-plan, action: add_time, seconds: 1.0e+308}\n"
    ) == (
        "r.yaml:2:46: proctor[0].seconds: 1e+308 seconds is more than any sitting lasts "
        "(at most 1e+07)"
    )


def test_responses_file_errors_give_line_and_column(tmp_path: Path) -> None:
    text = "responses:\n  q-stability: {choice: stable}\nelapsed:\n  cp-plan: -3\n"
    assert responses_error(tmp_path, text) == (
        "r.yaml:4:12: elapsed.cp-plan: expected seconds (a number, 0 or more), got -3"
    )
    assert responses_error(tmp_path, "answers: {}\n").startswith(
        "r.yaml:1:1: unknown key 'answers'"
    )


# -- values a careless author types -----------------------------------------------------------


def test_nul_in_a_media_path() -> None:
    text = replaced(
        "file: ../assets/media/fast/luq-normal.mp4",
        'file: "../assets/media/fast/luq\\u0000normal.mp4"',
    )
    assert only_problem(text) == (
        *position(text, '"../assets/media/fast/luq\\u0000'),
        "media file '../assets/media/fast/luq\\x00normal.mp4' contains the control character "
        "U+0000; a file name cannot hold it",
    )


@pytest.mark.parametrize("name", ["time_limit", "checkpoint_time_limit"])
@pytest.mark.parametrize("zero", ['"00:00"', '"0:00:00.000"'])
def test_zero_time_limits_are_refused(name: str, zero: str) -> None:
    old = {
        "time_limit": '  time_limit: "15:00"\n',
        "checkpoint_time_limit": '  checkpoint_time_limit: "04:00"\n',
    }
    text = replaced(old[name], f"  {name}: {zero}\n")
    assert only_problem(text) == (
        *position(text, f"{name}: {zero}", len(name) + 2),
        f"{name} {zero.strip(chr(34))!r} is zero: every sitting would end the moment it starts, "
        "with no points; give the time allowed (mm:ss)",
    )


def test_zero_question_time_limit() -> None:
    text = replaced(
        "    key: [ruq, subxiphoid, luq, pelvis]\n",
        '    key: [ruq, subxiphoid, luq, pelvis]\n    time_limit: "00:00.000"\n',
    )
    assert only_problem(text) == (
        *position(text, '"00:00.000"'),
        "time_limit '00:00.000' is zero: every sitting would end the moment it starts, "
        "with no points; give the time allowed (mm:ss)",
    )


CONSTRAINTS = "    constraints: [[ruq, luq], [ruq, pelvis], [subxiphoid, pelvis]]\n"


def test_a_constraint_the_key_contradicts() -> None:
    text = replaced(CONSTRAINTS, "    constraints: [[luq, ruq], [ruq, pelvis]]\n")
    assert only_problem(text) == (
        *position(text, "[luq, ruq]"),
        "constraint [luq, ruq] says 'luq' comes before 'ruq', but the key puts 'ruq' first; "
        "the key would lose points and a wrong order could gain them",
    )


def test_a_constraint_that_cannot_be_met_and_a_repeated_one() -> None:
    text = replaced(CONSTRAINTS, "    constraints: [[ruq, ruq], [ruq, luq], [ruq, luq]]\n")
    assert problems_of(text) == [
        (
            *position(text, "[ruq, ruq]"),
            "constraint [ruq, ruq] cannot be met: an option cannot come before itself",
        ),
        (
            *position(text, "[ruq, luq]", 12),
            f"constraint [ruq, luq] repeats the one at line {position(text, '[ruq, luq]')[0]}",
        ),
    ]


def test_constraints_that_would_never_be_scored() -> None:
    text = replaced("    partial_rule: constraints\n", "")
    assert only_problem(text) == (
        *position(text, "[[ruq, luq]"),
        "constraints are only scored with scoring: partial and partial_rule: constraints; "
        "add those or remove the constraints",
    )
    text = replaced(
        "    scoring: partial\n    partial_rule: constraints\n", "    partial_rule: constraints\n"
    )
    assert problems_of(text)[0] == (
        *position(text, "constraints\n    constraints", 0),
        "partial_rule is only used with scoring: partial; add it or remove the rule",
    )


def test_region_frames_that_end_before_they_start() -> None:
    text = FAST_TEXT
    first_region = "      - id: fluid\n"
    assert first_region in text
    text = text.replace(first_region, first_region + "        frames: [9, 3]\n", 1)
    assert only_problem(text) == (
        *position(text, "[9, 3]"),
        "frames [9, 3] end before they start; give [first, last] with first <= last",
    )


# -- simulate times frame-numbered checkpoints from the probed media ------------------------


@pytest.fixture
def frame_case(tmp_path: Path) -> tuple[Path, Path]:
    """fast-trauma with its encounter checkpoint as a frame number, in a copy of the content."""
    shutil.copytree(REPO / "assets" / "media" / "fast", tmp_path / "assets" / "media" / "fast")
    (tmp_path / "cases").mkdir()
    (tmp_path / "pocus-content.yaml").write_text("{}\n", encoding="utf-8")
    at_case = tmp_path / "cases" / "at.yaml"
    at_case.write_text(FAST_TEXT, encoding="utf-8")
    frame_case = tmp_path / "cases" / "frame.yaml"
    # 10.8 s at the fake probe's 30 fps
    frame_case.write_text(
        replaced('        at: "00:10.800"\n', "        frame: 324\n"), encoding="utf-8"
    )
    return at_case, frame_case


def simulate_cli(
    case: Path, responses: Path, *extra: str, probe: object | None
) -> tuple[int, str, str]:
    from pocus_player.cli import build_parser

    argv = ["simulate", str(case), "--responses", str(responses), "--json", *extra]
    args = build_parser(argv).parse_args(argv)
    assert args.probe_factory.__name__ == "make_probe"  # the application hands the probe in
    args.probe_factory = lambda quiet=False: probe
    out, err = io.StringIO(), io.StringIO()
    code = run(args, out, err)
    return code, out.getvalue(), err.getvalue()


def test_simulate_probes_media_for_frame_checkpoints(
    frame_case: tuple[Path, Path], tmp_path: Path
) -> None:
    at_case, frame = frame_case
    responses = tmp_path / "r.yaml"
    responses.write_text("default_elapsed: 0\n", encoding="utf-8")
    code, out, err = simulate_cli(at_case, responses, probe=LONG_ENOUGH)
    assert code == 0, err
    by_time = json.loads(out)
    code, out, err = simulate_cli(frame, responses, probe=LONG_ENOUGH)
    assert code == 0, err
    by_frame = json.loads(out)
    assert by_frame["time_used_s"] == by_time["time_used_s"] and by_frame["path"] == by_time["path"]
    # At 25 fps frame 324 is 12.96 s into the encounter: 2.16 s more of the sitting.
    code, out, err = simulate_cli(frame, responses, probe=TableProbe(DURATIONS, fps=25.0))
    assert code == 0, err
    assert json.loads(out)["time_used_s"] == pytest.approx(by_time["time_used_s"] + 2.16)


def test_simulate_without_a_probe_says_why_it_cannot_time_a_frame(
    frame_case: tuple[Path, Path], tmp_path: Path
) -> None:
    _, frame = frame_case
    responses = tmp_path / "r.yaml"
    responses.write_text("{}\n", encoding="utf-8")
    code, out, err = simulate_cli(frame, responses, probe=None)
    assert (code, out) == (2, "")
    assert err == (
        f"{frame}: cannot simulate the media timing:\n"
        "  checkpoint 'cp-vitals' is frame 324 of 'encounter', whose frame rate is unknown: "
        "the media file could not be probed\n"
    )


def test_simulate_reports_media_the_probe_cannot_read(
    frame_case: tuple[Path, Path], tmp_path: Path
) -> None:
    _, frame = frame_case
    responses = tmp_path / "r.yaml"
    responses.write_text("{}\n", encoding="utf-8")
    code, _, err = simulate_cli(frame, responses, probe=TableProbe({}))
    assert code == 2
    assert (
        "media file '../assets/media/fast/encounter.mp4' cannot be used: encounter.mp4: no decodable stream"
        in err
    )


def test_loading_the_frame_case_with_a_probe_gives_the_checkpoint_its_time(
    frame_case: tuple[Path, Path],
) -> None:
    case = load_case(frame_case[1], LONG_ENOUGH)
    step = next(s for s in case.steps if s.id == "encounter")
    assert step.checkpoints[0].target_time(case.media_by_id("encounter").timeline) == 10.8


CARDIAC = REPO / "cases" / "cardiac-effusion.yaml"
CARDIAC_TEXT = CARDIAC.read_text(encoding="utf-8")


def cardiac_problems(old: str, new: str) -> list[tuple[int, int, str]]:
    assert old in CARDIAC_TEXT, old
    with pytest.raises(CaseValidationError) as info:
        load_case_text(CARDIAC_TEXT.replace(old, new, 1), CARDIAC, None)
    return [(p.line, p.col, p.message) for p in info.value.problems]


def cardiac_position(old: str, new: str, needle: str) -> tuple[int, int]:
    return position(CARDIAC_TEXT.replace(old, new, 1), needle)


@pytest.mark.parametrize(
    ("new", "needle", "message"),
    [
        (
            "      tolerance: 0.2\n      tolerance_kind: relative\n",
            None,
            None,
        ),
        (
            "      tolerance: 10\n      tolerance_kind: relative\n",
            "10\n      tolerance_kind",
            "a relative tolerance of 10 accepts any measurement up to 11 times the value; "
            "relative tolerances are fractions (0.1 is 10 %)",
        ),
        (
            "      tolerance: 2.4\n",
            "2.4\n      decimals",
            "a tolerance of 2.4 is as large as the value 2.4: a measurement of zero would be "
            "marked right",
        ),
    ],
)
def test_caliper_tolerances_that_accept_anything(
    new: str, needle: str | None, message: str | None
) -> None:
    old = "      tolerance: 0.2\n"
    if message is None:
        load_case_text(CARDIAC_TEXT.replace(old, new, 1), CARDIAC, None)  # 20 %: fine
        return
    assert cardiac_problems(old, new) == [(*cardiac_position(old, new, needle), message)]


def test_blank_stem_and_option_text() -> None:
    old = "    stem: What does the subxiphoid clip show?\n"
    new = '    stem: "   "\n'
    assert cardiac_problems(old, new) == [
        (*cardiac_position(old, new, '"   "'), "stem is blank; write the text out")
    ]


def test_polygon_without_area() -> None:
    old = "        polygon: [[347.5, 233.3], [343.6, 242.5]"
    new = "        polygon: [[1, 1], [2, 2], [3, 3]]\n        x_polygon: [[347.5, 233.3], [343.6, 242.5]"
    problems = cardiac_problems(old, new)
    assert (
        *cardiac_position(old, new, "[[1, 1]"),
        "the polygon's points lie on one line: it has no area, so no point can fall inside it",
    ) in problems


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "    points: 2\n    domain: measurement",
            "    points: 1.0e+300\n    domain: measurement",
            "1.0e+300",
            "questions/3/points: 1e+300 is greater than the maximum of 1000",
        ),
    ],
)
def test_numbers_beyond_any_meaning_are_refused(
    old: str, new: str, needle: str, message: str
) -> None:
    assert (*cardiac_position(old, new, needle), message) in cardiac_problems(old, new)


class PictureTimesProbe(TableProbe):
    """The table's facts, with the encounter video's pictures at uneven times (VFR)."""

    def __init__(self, times: tuple[float, ...]) -> None:
        super().__init__(DURATIONS)
        self.times = times

    def probe(self, path: Path):  # type: ignore[no-untyped-def]
        import dataclasses

        info = super().probe(path)
        if path.name != "encounter.mp4":
            return info
        return dataclasses.replace(
            info, frame_times=self.times, frame_count=len(self.times), variable_frame_rate=True
        )


def test_frame_checkpoints_use_the_pictures_own_times(frame_case: tuple[Path, Path]) -> None:
    frame = frame_case[1]
    text = frame.read_text(encoding="utf-8")
    # 400 pictures, the first 300 every 1/60 s then every 1/10 s: picture 324 is at 7.4 s
    times = tuple(i / 60 for i in range(300)) + tuple(5 + i / 10 for i in range(100))
    load_case(frame, PictureTimesProbe(times))  # 7.4 s is before the 14 s end
    late = tuple(i / 60 for i in range(300)) + tuple(5 + i for i in range(100))
    with pytest.raises(CaseValidationError) as info:
        load_case(frame, PictureTimesProbe(late))  # picture 324 at 29 s: past the end
    [problem] = info.value.problems
    assert (problem.line, problem.col) == position(text, "frame: 324", 7)
    assert problem.message == (
        "checkpoint at 29.000 s is at or past the end of ../assets/media/fast/encounter.mp4 "
        "(14.000 s)"
    )
    case = load_case(frame, PictureTimesProbe(times))
    encounter = case.media_by_id("encounter")
    assert encounter.frame_times == times  # the case's clip carries its pictures' times
    step = next(s for s in case.steps if s.id == "encounter")
    assert step.checkpoints[0].target_time(encounter.timeline) == pytest.approx(7.4)
    with pytest.raises(CaseValidationError) as info:
        load_case(frame, PictureTimesProbe(times[:300]))
    [problem] = info.value.problems
    assert problem.message == (
        "frame 324 is past the last frame of ../assets/media/fast/encounter.mp4 (299)"
    )


def test_simulate_times_a_frame_checkpoint_by_its_picture(
    frame_case: tuple[Path, Path], tmp_path: Path
) -> None:
    """The run's timing is the exam's: frame 324 of a variable-rate clip is its picture's time."""
    at_case, frame = frame_case
    responses = tmp_path / "r.yaml"
    responses.write_text("default_elapsed: 0\n", encoding="utf-8")
    code, out, err = simulate_cli(at_case, responses, probe=LONG_ENOUGH)
    assert code == 0, err
    by_time = json.loads(out)["time_used_s"]
    times = tuple(i / 60 for i in range(300)) + tuple(5 + i / 10 for i in range(100))
    code, out, err = simulate_cli(frame, responses, probe=PictureTimesProbe(times))
    assert code == 0, err
    # picture 324 is at 7.4 s, not at 10.8 s (324 / 30)
    assert json.loads(out)["time_used_s"] == pytest.approx(by_time - 3.4)
