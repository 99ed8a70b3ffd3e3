"""The case loader: the demo cases load, and each class of error is reported at its line:col."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pocus_player.core import model as m
from pocus_player.core.errors import CaseValidationError
from pocus_player.core.loader import load_case, load_case_text
from pocus_player.core.media_info import MediaInfo, MediaProbeError

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "cases"
FAST = CASES / "fast-trauma.yaml"
FAST_TEXT = FAST.read_text(encoding="utf-8")


class TableProbe:
    """A fake MediaProbe answering from a table: enough to test the checks that use durations."""

    def __init__(self, durations: dict[str, float], fps: float = 30.0) -> None:
        self.durations = durations
        self.fps = fps

    def probe(self, path: Path) -> MediaInfo:
        if path.suffix == ".png":
            return MediaInfo(0.0, None, 480, 360, True, False)
        for name, duration in self.durations.items():
            if path.name == name:
                audio_only = path.suffix == ".ogg"
                return MediaInfo(
                    duration,
                    None if audio_only else self.fps,
                    None if audio_only else 480,
                    None if audio_only else 360,
                    not audio_only,
                    audio_only or name == "encounter.mp4",
                )
        raise MediaProbeError(f"{path.name}: no decodable stream")


LONG_ENOUGH = TableProbe(
    {
        "intro.ogg": 25.0,
        "encounter.mp4": 14.0,
        "ruq-fluid.mp4": 3.0,
        "luq-normal.mp4": 3.0,
        "subxiphoid-normal.mp4": 3.0,
        "pelvis-fluid.mp4": 3.0,
    }
)


def problems_of(text: str, probe: object | None = None) -> list[tuple[int, int, str]]:
    with pytest.raises(CaseValidationError) as info:
        load_case_text(text, FAST, probe)  # type: ignore[arg-type]
    return [(p.line, p.col, p.message) for p in info.value.problems]


def position(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """1-based line and column of `needle` (plus `offset` characters) in `text`."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


@pytest.mark.parametrize("case_file", sorted(CASES.glob("*.yaml")), ids=lambda p: p.stem)
def test_demo_cases_load_into_the_model(case_file: Path) -> None:
    case = load_case(case_file)
    assert case.schema_version == 1
    assert case.steps and case.questions and case.media
    asked = [q for s in case.steps for q in s.questions] + [
        q for s in case.steps for c in s.checkpoints for q in c.questions
    ]
    assert sorted(asked) == sorted(q.id for q in case.questions)
    for item in case.media:
        assert item.file.is_file() and item.file.is_relative_to(case.content_root)


def test_demo_cases_together_use_every_question_type_and_a_branch() -> None:
    cases = [load_case(p) for p in sorted(CASES.glob("*.yaml"))]
    types = {q.type for c in cases for q in c.questions}
    assert types == set(m.QuestionType)
    assert any(
        q.allow_not_possible and q.key == (m.NOT_POSSIBLE,) for c in cases for q in c.questions
    )
    assert any(s.next.rules for c in cases for s in c.steps)


def test_model_values_are_typed() -> None:
    case = load_case(FAST)
    assert case.settings.time_limit_s == 900.0
    assert case.settings.pass_mark == pytest.approx(0.6)
    cp = case.step_by_id("encounter").checkpoints[0]
    assert cp.time_s == 10.8 and cp.frame is None
    q = case.question_by_id("q-morison-hotspot")
    assert q.type is m.QuestionType.HOTSPOT and q.key[0] == "fluid" and len(q.key) == 5
    assert isinstance(q.regions[0].shape, m.Polygon)
    rule = case.step_by_id("encounter").next.rules[0]
    assert rule.goto == "focused-ruq" and rule.when[0].state == (("hemodynamics", "unstable"),)


# One broken variant of the FAST case per error class: (replace this, with that, where the
# error must point: the needle and an offset into it), and a fragment of the expected message.
VARIANTS = {
    "yaml_syntax": ("  mode: exam\n", "   mode: exam\n", "   mode: exam", 7, "YAML syntax error"),
    "duplicate_key": (
        "  mode: exam\n",
        "  mode: exam\n  mode: practice\n",
        "  mode: practice",
        2,
        "duplicate key 'mode'",
    ),
    "unsafe_tag": (
        "  pass_mark: 60\n",
        "  pass_mark: !!python/object:os.system 60\n",
        "!!python",
        0,
        "is not allowed",
    ),
    "missing_key": ('  version: "1.0.0"\n', "", "case:\n", 0, "missing required key 'version'"),
    "wrong_type": (
        "  estimated_minutes: 10\n",
        "  estimated_minutes: ten\n",
        "estimated_minutes: ten",
        19,
        "expected a number",
    ),
    "unknown_key": (
        "  navigation: forward_only\n",
        "  navigaton: forward_only\n",
        "navigaton",
        0,
        "did you mean 'navigation'",
    ),
    "bad_enum": (
        "  clinical_area: trauma_fast\n",
        "  clinical_area: neuro\n",
        "neuro",
        0,
        "is not one of",
    ),
    "bad_time": (
        '        at: "00:10.800"\n',
        '        at: "9 seconds"\n',
        '"9 seconds"',
        0,
        "mm:ss.mmm",
    ),
    "duplicate_id": (
        "  - id: luq-cine\n",
        "  - id: ruq-cine\n",
        "  - id: ruq-cine\n    kind: cine\n    title: Left",
        8,
        "duplicate media id 'ruq-cine'",
    ),
    "unknown_media_ref": (
        "    clips: [ruq-cine]\n",
        "    clips: [rq-cine]\n",
        "rq-cine",
        0,
        "unknown media 'rq-cine'",
    ),
    "unknown_question_ref": (
        "        questions: [q-stability]\n",
        "        questions: [q-stabilty]\n",
        "q-stabilty",
        0,
        "unknown question 'q-stabilty'",
    ),
    "unknown_branch_target": (
        "          goto: focused-ruq\n",
        "          goto: focused-rq\n",
        "focused-rq",
        0,
        "branch target 'focused-rq'",
    ),
    "unreachable_step": (
        "      default: full-fast\n",
        "      default: focused-ruq\n",
        "  - id: full-fast",
        8,
        "can never be reached",
    ),
    "branch_cycle": ("    next: morison\n", "    next: intro\n", "next: intro", 6, "branch cycle"),
    "key_not_an_option": (
        "    key: unstable\n",
        "    key: unstabel\n",
        "    key: unstabel",
        9,
        "key 'unstabel' is not an option",
    ),
    "hotspot_key_not_a_region": (
        "    key: [fluid, fluid-1,",
        "    key: [fluids, fluid-1,",
        "key: [fluids",
        6,
        "not a region",
    ),
    "missing_rationale": (
        "    rationale: >-\n      The free fluid is the anechoic (black) stripe in the hepatorenal recess between the liver\n      above and the right kidney below.\n",
        "",
        "  - id: q-morison-hotspot",
        4,
        "missing required key 'rationale'",
    ),
    "unknown_domain": (
        "    domain: acquisition\n",
        "    domain: acquistion\n",
        "acquistion",
        0,
        "unknown domain",
    ),
    "path_escapes_root": (
        "file: ../assets/media/fast/luq-normal.mp4",
        "file: ../../../etc/passwd",
        "../../../etc/passwd",
        0,
        "outside the case's content folder",
    ),
    "missing_media_file": (
        "file: ../assets/media/fast/luq-normal.mp4",
        "file: ../assets/media/fast/luq-missing.mp4",
        "../assets/media/fast/luq-missing.mp4",
        0,
        "not found",
    ),
    "newer_schema_version": (
        "schema_version: 1\n",
        "schema_version: 2\n",
        "schema_version: 2",
        16,
        "newer than this player supports",
    ),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_error_class_points_at_its_line_and_column(name: str) -> None:
    old, new, needle, offset, fragment = VARIANTS[name]
    assert old in FAST_TEXT, f"variant {name} no longer matches the demo case"
    text = FAST_TEXT.replace(old, new, 1)
    found = problems_of(text)
    expected = position(text, needle, offset)
    matching = [p for p in found if fragment in p[2]]
    assert matching, f"{name}: no problem mentions {fragment!r}: {found}"
    assert any((line, col) == expected for line, col, _ in matching), (
        f"{name}: expected at {expected}, got {matching}"
    )


def test_checkpoint_past_the_media_end_is_reported_with_the_probe() -> None:
    text = FAST_TEXT.replace('        at: "00:10.800"\n', '        at: "00:21.000"\n')
    found = problems_of(text, LONG_ENOUGH)
    line, col = position(text, '"00:21.000"')
    assert any((ln, c) == (line, col) and "past the end" in msg for ln, c, msg in found), found


def test_undecodable_media_is_reported_with_the_file() -> None:
    probe = TableProbe({k: v for k, v in LONG_ENOUGH.durations.items() if k != "pelvis-fluid.mp4"})
    found = problems_of(FAST_TEXT, probe)
    line, col = position(FAST_TEXT, "../assets/media/fast/pelvis-fluid.mp4")
    assert any(
        (ln, c) == (line, col) and "cannot be used" in msg and "pelvis-fluid.mp4" in msg
        for ln, c, msg in found
    ), found


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    text = FAST_TEXT.replace("  navigation: forward_only\n", "  navigaton: forward_only\n")
    text = text.replace("    key: unstable\n", "    key: unstabel\n")
    text = text.replace("    clips: [ruq-cine]\n", "    clips: [rq-cine]\n")
    messages = " | ".join(p[2] for p in problems_of(text))
    for fragment in ("navigaton", "unstabel", "rq-cine"):
        assert fragment in messages


def test_caption_errors_are_reported_against_the_case(tmp_path: Path) -> None:
    root = tmp_path / "bundle"
    (root / "cases").mkdir(parents=True)
    (root / "pocus-content.yaml").write_text("name: test\n")
    text = FAST_TEXT.replace("../assets/", f"{REPO.as_posix()}/assets/")
    # Point one caption file at a broken copy inside the bundle.
    bad_vtt = root / "cases" / "bad.vtt"
    bad_vtt.write_text("WEBVTT\n\n00:01.000 --> 00:00.500\nBackwards\n", encoding="utf-8")
    text = FAST_TEXT.replace("captions: ../assets/media/fast/intro.vtt", "captions: bad.vtt")
    case_path = root / "cases" / "case.yaml"
    with pytest.raises(CaseValidationError) as info:
        load_case_text(text, case_path)
    msgs = [p.message for p in info.value.problems]
    assert any("bad.vtt" in msg and "line 3" in msg for msg in msgs), msgs


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"case: caf\xe9\n", "not valid UTF-8"),
        (b"- just\n- a list\n", "must be a YAML mapping"),
    ],
)
def test_unreadable_inputs_get_one_clear_message(
    tmp_path: Path, content: bytes, fragment: str
) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(content)
    with pytest.raises(CaseValidationError) as info:
        load_case(path)
    assert len(info.value.problems) == 1
    assert fragment in info.value.problems[0].message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    for path, fragment in ((tmp_path / "nope.yaml", "no such file"), (tmp_path, "is a directory")):
        with pytest.raises(CaseValidationError) as info:
            load_case(path)
        assert fragment in str(info.value)


def test_yaml_1_1_surprises_stay_text() -> None:
    # "12:30" is 750 in YAML 1.1 and "no" is False; case scripts read them as written.
    from pocus_player.core.yaml_source import load_located

    data = load_located("a: 12:30\nb: no\nc: 00:12.500\nd: true\ne: 0x10\n").data
    assert data == {"a": "12:30", "b": "no", "c": "00:12.500", "d": True, "e": 16}


# --- property: any mutation of a valid script yields only CaseValidationError -----------------

BASE = yaml.safe_load(FAST_TEXT)


def _paths(node: object, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


ALL_PATHS = [p for p in _paths(BASE) if p]
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.lists(st.integers(), max_size=3),
    st.just({"x": 1}),
)


def _mutate(data: object, path: tuple, action: str, junk: object) -> None:
    parent = data
    for p in path[:-1]:
        parent = parent[p]  # type: ignore[index]
    last = path[-1]
    if action == "delete":
        del parent[last]  # type: ignore[union-attr]
    elif action == "retype":
        parent[last] = junk  # type: ignore[index]
    elif action == "swap_ids" and isinstance(parent, list) and len(parent) > 1:
        a, b = parent[0], parent[-1]
        if isinstance(a, dict) and isinstance(b, dict) and "id" in a and "id" in b:
            a["id"], b["id"] = b["id"], a["id"]


@settings(
    max_examples=int(os.environ.get("POCUS_HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    mutations=st.lists(
        st.tuples(
            st.sampled_from(ALL_PATHS), st.sampled_from(["delete", "retype", "swap_ids"]), JUNK
        ),
        min_size=1,
        max_size=4,
    ),
    cut=st.one_of(st.none(), st.integers(0, len(FAST_TEXT))),
)
def test_random_mutations_raise_only_validation_errors(mutations: list, cut: int | None) -> None:
    data = copy.deepcopy(BASE)
    for path, action, junk in mutations:
        try:
            _mutate(data, path, action, junk)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    text = yaml.safe_dump(data, sort_keys=False)
    if cut is not None:
        text = text[: cut % (len(text) + 1)]
    try:
        load_case_text(text, FAST)
    except CaseValidationError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.line >= 0 and problem.message


# --- the command ----------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pocus_player", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def test_validate_command_accepts_the_demo_cases() -> None:
    result = run_cli("validate", "--no-probe", *map(str, sorted(CASES.glob("*.yaml"))))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 of 3 case script(s) valid" in result.stdout


def test_validate_command_reports_line_and_column_and_exits_1(tmp_path: Path) -> None:
    text = FAST_TEXT.replace("    key: unstable\n", "    key: unstabel\n")
    bad = CASES / "_broken_for_test.yaml"
    try:
        bad.write_text(text, encoding="utf-8")
        result = run_cli("validate", "--no-probe", str(bad))
        js = run_cli("validate", "--no-probe", "--json", str(bad))
    finally:
        bad.unlink()
    assert result.returncode == 1
    line, col = position(text, "    key: unstabel", 9)
    assert re.search(rf"_broken_for_test\.yaml:{line}:{col}: error: .*unstabel", result.stdout)
    assert "Traceback" not in result.stderr
    report = json.loads(js.stdout)
    assert report["valid"] is False
    problem = next(p for p in report["files"][0]["problems"] if "unstabel" in p["message"])
    assert (problem["line"], problem["col"]) == (line, col)


@pytest.mark.parametrize("arg", ["/nonexistent/case.yaml", "."])
def test_validate_command_bad_paths_have_no_traceback(arg: str) -> None:
    result = run_cli("validate", "--no-probe", arg)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "no such file" in result.stdout or "is a directory" in result.stdout
