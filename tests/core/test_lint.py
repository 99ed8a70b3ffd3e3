"""Lint warnings: the demo cases are clean, and each warning points at the YAML that causes it.

The warnings are provoked by editing `FIXTURE`, a small case of this module's own over the demo
media (so the demo cases can change freely); media facts come from the demo media manifest.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pocus_player.core.captions import load_captions
from pocus_player.core.errors import Problem
from pocus_player.core.lint import (
    CHECKPOINT_END_MARGIN_S,
    candidate_responses,
    lint_case,
    satisfying_responses,
)
from pocus_player.core.loader import load_case, load_case_text
from pocus_player.core.media_info import MediaInfo, MediaProbeError
from pocus_player.core.yaml_source import load_located

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "cases"
ASSETS = REPO / "assets"
MANIFEST = json.loads((ASSETS / "media" / "manifest.json").read_text(encoding="utf-8"))["files"]
# Where the fixture "lives": beside the demo cases, so its ../assets paths resolve.
FIXTURE_PATH = CASES / "lint-fixture.yaml"

FIXTURE = """\
schema_version: 1
case:
  id: lint-fixture
  title: A small case for lint and preview tests
  clinical_area: trauma_fast
  version: "1"
  authors: [tests]
  estimated_minutes: 5
  domains:
    - {id: interpretation, title: Image interpretation}
    - {id: management, title: Management}
settings:
  time_limit: "10:00"
  pass_mark: 60
initial_state:
  hemodynamics: unknown
media:
  - id: intro
    kind: narration
    title: Introduction
    file: ../assets/media/fast/intro.ogg
    captions: ../assets/media/fast/intro.vtt
  - id: encounter
    kind: encounter_video
    title: Trauma bay
    file: ../assets/media/fast/encounter.mp4
    captions: ../assets/media/fast/encounter.vtt
  - id: ruq-cine
    kind: cine
    title: Right upper quadrant
    file: ../assets/media/fast/ruq-fluid.mp4
  - id: ruq-still
    kind: still
    title: Right upper quadrant, still
    file: ../assets/media/fast/ruq-fluid.png
    calibration: {pixels_per_cm: 20}
steps:
  - id: intro
    type: segment
    title: The patient arrives
    media: intro
    checkpoints:
      - id: cp-plan
        at: "00:04.000"
        questions: [q-order]
  - id: encounter
    type: segment
    title: In the trauma bay
    media: encounter
    checkpoints:
      - id: cp-vitals
        frame: 150
        questions: [q-stability]
    next:
      rules:
        - when: {state: {hemodynamics: unstable}}
          goto: focused
          label: unstable patient
      default: full
  - id: full
    type: review
    title: All views
    clips: [ruq-cine]
    questions: [q-sites]
    next: still
  - id: focused
    type: review
    title: The focused view
    clips: [ruq-cine]
    questions: [q-ruq]
  - id: still
    type: questions
    title: Locate and measure
    image: ruq-still
    questions: [q-spot, q-measure]
questions:
  - id: q-order
    type: ordering
    stem: Put the views in order.
    options:
      - {id: ruq, text: Right upper quadrant}
      - {id: pelvis, text: Pelvis}
    key: [ruq, pelvis]
    points: 1
    domain: interpretation
    rationale: Dependent spaces first.
  - id: q-stability
    type: single_best_answer
    stem: How do you classify this patient?
    options:
      - {id: stable, text: Stable}
      - id: unstable
        text: Unstable
        sets_state: {hemodynamics: unstable}
      - {id: neurogenic, text: Neurogenic shock}
    key: unstable
    points: 1
    domain: management
    rationale: Falling pressure, rising rate.
  - id: q-sites
    type: multiple_response
    stem: Where is there free fluid?
    options:
      - {id: ruq, text: Right upper quadrant}
      - {id: luq, text: Left upper quadrant}
      - {id: pelvis, text: Pelvis}
    key: [ruq, pelvis]
    scoring: partial
    points: 2
    domain: interpretation
    rationale: Two views show fluid.
  - id: q-ruq
    type: single_best_answer
    stem: What does this view show?
    options:
      - {id: fluid, text: Free fluid}
      - {id: normal, text: A normal interface}
      - {id: cyst, text: A renal cyst}
    key: fluid
    points: 1
    domain: interpretation
    rationale: An anechoic stripe.
  - id: q-spot
    type: hotspot
    stem: Click on the free fluid.
    image: ruq-still
    regions:
      - id: fluid
        rect: {x: 200, y: 150, w: 60, h: 20}
      - id: kidney
        circle: {cx: 300, cy: 230, r: 40}
    key: [fluid]
    points: 1
    domain: interpretation
    rationale: The black stripe.
  - id: q-measure
    type: caliper
    stem: Measure the stripe.
    image: ruq-still
    key:
      value: 2.0
      unit: cm
      tolerance: 0.2
      endpoints: [[240, 150], [240, 190]]
    points: 1
    domain: interpretation
    rationale: 40 pixels at 20 pixels per cm.
"""


class ManifestProbe:
    """Answers from the demo media's manifest (the facts the generator measured)."""

    def __init__(self, **durations: float) -> None:
        self.durations = durations  # file name -> duration override
        self.calls = 0

    def probe(self, path: Path) -> MediaInfo:
        self.calls += 1
        facts = MANIFEST.get(f"{path.parent.name}/{path.name}")
        if facts is None:
            raise MediaProbeError(f"{path.name}: not in the manifest")
        fps = facts.get("frame_rate")
        return MediaInfo(
            float(self.durations.get(path.name, facts.get("duration_s") or 0.0)),
            float(fps) if fps else None,
            facts.get("width"),
            facts.get("height"),
            bool(facts.get("width")),
            path.suffix == ".ogg" or path.name == "encounter.mp4",
        )


def duration(name: str) -> float:
    return float(MANIFEST[name]["duration_s"])


def size(name: str) -> tuple[int, int]:
    return int(MANIFEST[name]["width"]), int(MANIFEST[name]["height"])


def position(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    index = text.index(needle) + offset
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def edit(old: str, new: str, text: str = FIXTURE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def lint_text(
    text: str, probe: ManifestProbe | None = None, path: Path = FIXTURE_PATH
) -> list[Problem]:
    case = load_case_text(text, path, probe)
    return lint_case(case, load_located(text), probe)


def content_copy(tmp_path: Path, text: str = FIXTURE) -> Path:
    """A content bundle in tmp_path whose media can be edited; returns the script's path."""
    shutil.copy(REPO / "pocus-content.yaml", tmp_path / "pocus-content.yaml")
    shutil.copytree(ASSETS / "media", tmp_path / "assets" / "media")
    (tmp_path / "cases").mkdir()
    script = tmp_path / "cases" / "lint-fixture.yaml"
    script.write_text(text, encoding="utf-8")
    return script


def test_the_fixture_is_clean() -> None:
    assert lint_text(FIXTURE, ManifestProbe()) == []
    assert lint_text(FIXTURE) == []


@pytest.mark.parametrize("case_file", sorted(CASES.glob("*.yaml")), ids=lambda p: p.stem)
def test_demo_cases_have_no_warnings(case_file: Path) -> None:
    probe = ManifestProbe()
    case = load_case(case_file, probe)
    assert lint_case(case, case_file, probe) == []
    assert lint_case(case) == []  # without a probe: the checks needing durations are skipped


def test_checkpoint_close_to_the_media_end() -> None:
    end = duration("fast/intro.ogg")
    near = end - 0.2
    stamp = f"00:{near:06.3f}"
    text = edit('at: "00:04.000"', f'at: "{stamp}"')
    (problem,) = lint_text(text, ManifestProbe())
    assert problem.severity == "warning"
    assert (problem.line, problem.col) == position(text, f'"{stamp}"')
    assert f"'cp-plan' at {near:.3f} s is only 0.200 s before intro.ogg ends" in problem.message
    assert f"leave at least {CHECKPOINT_END_MARGIN_S} s" in problem.message
    assert "warning:" in str(problem)
    far = end - CHECKPOINT_END_MARGIN_S - 0.01
    assert lint_text(edit('at: "00:04.000"', f'at: "00:{far:06.3f}"'), ManifestProbe()) == []


def test_frame_checkpoint_close_to_the_end() -> None:
    last = int(duration("fast/encounter.mp4") * 30) - 3  # 0.1 s before the end at 30 fps
    text = edit("frame: 150", f"frame: {last}")
    (problem,) = lint_text(text, ManifestProbe())
    assert (problem.line, problem.col) == position(text, f"{last}")
    assert (
        "'cp-vitals'" in problem.message and "0.100 s before encounter.mp4 ends" in problem.message
    )


def shift_cue(vtt: Path, index: int, new_start: str) -> int:
    """Give cue `index` a new start time; return its timing line."""
    track = load_captions(vtt)
    cue = track.cues[index]
    lines = vtt.read_text(encoding="utf-8").split("\n")
    timing = lines[cue.line - 1]
    lines[cue.line - 1] = new_start + timing[timing.index(" -->") :]
    vtt.write_text("\n".join(lines), encoding="utf-8")
    return cue.line


def test_overlapping_caption_cues_point_into_the_caption_file(tmp_path: Path) -> None:
    script = content_copy(tmp_path)
    vtt = tmp_path / "assets/media/fast/intro.vtt"
    second = load_captions(vtt).cues[1]
    start = second.end_s - 0.5
    line = shift_cue(vtt, 2, f"00:00:{int(start):02d}.{round(start % 1 * 1000):03d}")
    case = load_case(script, ManifestProbe())
    (problem,) = lint_case(case)
    assert problem.path == vtt.resolve()
    assert problem.line == line
    assert "cue 3" in problem.message and "overlaps cue 2" in problem.message


def test_caption_cue_past_the_media_end() -> None:
    # The loader reports this as an error when it probes; a script loaded without probing
    # still gets the warning from lint.
    cues = load_captions(ASSETS / "media/fast/intro.vtt").cues
    short = cues[-1].end_s - 1.0
    probe = ManifestProbe(**{"intro.ogg": short})
    case = load_case_text(FIXTURE, FIXTURE_PATH)
    problems = lint_case(case, load_located(FIXTURE), probe)
    assert [p.path.name for p in problems] == ["intro.vtt"]
    assert problems[0].line == cues[-1].line
    assert (
        f"ends at {cues[-1].end_s:.3f} s, after intro.ogg ends ({short:.3f} s)"
        in problems[0].message
    )


def test_audible_segment_without_captions() -> None:
    text = edit(
        "    kind: encounter_video\n    title: Trauma bay\n    file: ../assets/media/fast/encounter.mp4\n"
        "    captions: ../assets/media/fast/encounter.vtt\n",
        "    kind: cine\n    title: Trauma bay\n    file: ../assets/media/fast/encounter.mp4\n",
    )
    (problem,) = lint_text(text, ManifestProbe())
    assert (problem.line, problem.col) == position(text, "encounter\n    kind: cine")
    assert "has a sound track" in problem.message and "no captions" in problem.message


def test_caption_file_without_cues(tmp_path: Path) -> None:
    script = content_copy(tmp_path)
    (tmp_path / "assets/media/fast/encounter.vtt").write_text("WEBVTT\n", encoding="utf-8")
    (problem,) = lint_case(load_case(script), script)
    assert (problem.line, problem.col) == position(FIXTURE, "../assets/media/fast/encounter.vtt")
    assert "no cues" in problem.message


def test_hotspot_region_outside_the_image() -> None:
    w, h = size("fast/ruq-fluid.png")
    text = edit("circle: {cx: 300, cy: 230, r: 40}", f"circle: {{cx: {w - 20}, cy: 230, r: 40}}")
    (problem,) = lint_text(text, ManifestProbe())
    assert (problem.line, problem.col) == position(text, "id: kidney")
    assert "'kidney'" in problem.message and f"{w}x{h}" in problem.message
    assert lint_text(text) == []  # without a probe the still's size is unknown


def test_caliper_key_outside_the_image() -> None:
    w, h = size("fast/ruq-fluid.png")
    text = edit("[[240, 150], [240, 190]]", f"[[240, {h - 20}], [240, {h + 20}]]")
    (problem,) = lint_text(text, ManifestProbe())
    assert (problem.line, problem.col) == position(text, f"[[240, {h - 20}]")
    assert f"(240, {h + 20}) lies outside the {w}x{h} image of 'ruq-still'" in problem.message


def test_caliper_key_that_measures_off_its_own_value() -> None:
    text = edit("[[240, 150], [240, 190]]", "[[240, 150], [240, 210]]")
    (problem,) = lint_text(text)
    assert (problem.line, problem.col) == position(text, "value: 2.0")
    assert "measure 3.0 cm, not 2.0 ± 0.2" in problem.message


def test_hotspot_key_that_cannot_score_full_marks() -> None:
    # Two markers on two key regions that are never on the same frame of the clip.
    text = edit(
        "    regions:\n      - id: fluid\n        rect: {x: 200, y: 150, w: 60, h: 20}\n"
        "      - id: kidney\n        circle: {cx: 300, cy: 230, r: 40}\n    key: [fluid]\n",
        "    regions:\n      - id: fluid\n        rect: {x: 200, y: 150, w: 60, h: 20}\n"
        "        frames: [40, 60]\n      - id: kidney\n        circle: {cx: 300, cy: 230, r: 40}\n"
        "        frames: [70, 80]\n    markers: 2\n    key: [fluid, kidney]\n",
    )
    (problem,) = lint_text(text)
    assert (problem.line, problem.col) == position(text, "[fluid, kidney]")
    assert "does not earn full marks (rule hotspot.incorrect)" in problem.message


def test_branch_on_a_state_nothing_sets() -> None:
    text = edit("{state: {hemodynamics: unstable}}", "{state: {hemodynamics: crashing}}")
    (problem,) = lint_text(text)
    assert (problem.line, problem.col) == position(text, "{state: {hemodynamics: crashing}}")
    assert "to 'focused'" in problem.message
    assert "nothing before this branch sets hemodynamics to 'crashing'" in problem.message
    assert "'unknown', 'unstable'" in problem.message


def test_branch_on_a_state_set_only_after_the_branch() -> None:
    # The option that sets the state is asked in a step the branch leads to, never before it.
    text = edit("        sets_state: {hemodynamics: unstable}\n", "")
    text = edit(
        "{id: normal, text: A normal interface}",
        "{id: normal, text: A normal interface, sets_state: {hemodynamics: unstable}}",
        text,
    )
    (problem,) = lint_text(text)
    assert "nothing before this branch sets hemodynamics to 'unstable'" in problem.message


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (
            "[{question: q-stability, selected_any: [stable]}, {question: q-stability, selected_any: [unstable]}]",
            "cannot have one of stable and one of unstable chosen together",
        ),
        (
            "{question: q-stability, selected_any: [stable, neurogenic], correct: true}",
            "choosing neurogenic, stable in 'q-stability' never makes it correct",
        ),
        (
            "[{question: q-stability, correct: true}, {question: q-stability, correct: false}]",
            "both correct and incorrect",
        ),
        (
            "{question: q-order, selected_any: [ruq]}",
            "'q-order' is a ordering question; its responses select no options",
        ),
        (
            "[{state: {hemodynamics: unstable}}, {state: {hemodynamics: unknown}}]",
            "both 'unstable' and 'unknown'",
        ),
    ],
)
def test_branch_conditions_no_response_can_meet(when: str, expected: str) -> None:
    text = edit("{state: {hemodynamics: unstable}}", when)
    (problem,) = lint_text(text)
    assert (problem.line, problem.col) == position(text, when)
    assert expected in problem.message


@pytest.mark.parametrize(
    "when",
    [
        "{question: q-stability, selected_any: [unstable], correct: true}",
        "{question: q-stability, selected_any: [stable], correct: false}",
        "[{question: q-stability, selected_any: [stable, unstable]}, {question: q-stability, selected_any: [unstable]}]",
        "{question: q-order, correct: false}",
    ],
)
def test_branch_conditions_a_response_can_meet_are_quiet(when: str) -> None:
    assert lint_text(edit("{state: {hemodynamics: unstable}}", when)) == []


def test_multiple_response_combinations_are_enumerated() -> None:
    rule = (
        "    next:\n      rules:\n        - when: {question: q-sites, selected_any: [%s], correct: true}\n"
        "          goto: still\n"
    )
    anchor = "    questions: [q-sites]\n    next: still\n"
    bad = edit(anchor, "    questions: [q-sites]\n" + rule % "luq")
    (problem,) = lint_text(bad)
    assert "choosing luq in 'q-sites' never makes it correct" in problem.message
    good = edit(anchor, "    questions: [q-sites]\n" + rule % "pelvis")
    assert lint_text(good) == []


def test_repeated_option_text() -> None:
    text = edit("{id: cyst, text: A renal cyst}", "{id: cyst, text: '  a NORMAL   interface'}")
    (problem,) = lint_text(text)
    assert (problem.line, problem.col) == position(text, "'  a NORMAL")
    assert (
        "option 'cyst' repeats the text of option 'normal' in question 'q-ruq'" in problem.message
    )


def test_positions_from_a_path_and_without_any_source(tmp_path: Path) -> None:
    text = edit("{id: cyst, text: A renal cyst}", "{id: cyst, text: A normal interface}")
    case = load_case_text(text, FIXTURE_PATH)
    script = tmp_path / "script.yaml"
    script.write_text(text, encoding="utf-8")
    (from_path,) = lint_case(case, script)
    assert (from_path.line, from_path.col) == position(text, "{id: cyst, text: ", 17)
    # An unreadable source still gives the warning, against the whole file.
    (no_position,) = lint_case(case, tmp_path / "missing.yaml")
    assert (no_position.line, no_position.col) == (0, 0)
    assert no_position.message == from_path.message


def test_probe_results_are_shared_and_failures_tolerated() -> None:
    probe = ManifestProbe()
    cache: dict[Path, MediaInfo | MediaProbeError] = {}
    case = load_case_text(FIXTURE, FIXTURE_PATH, probe, probe_cache=cache)
    calls = probe.calls
    assert lint_case(case, load_located(FIXTURE), probe, probe_cache=cache) == []
    assert probe.calls == calls  # everything was already probed by the loader

    class Broken:
        def probe(self, path: Path) -> MediaInfo:
            raise MediaProbeError(f"{path.name}: cannot decode")

    assert lint_case(load_case_text(FIXTURE, FIXTURE_PATH), load_located(FIXTURE), Broken()) == []


def test_responses_that_take_each_branch() -> None:
    case = load_case_text(FIXTURE, FIXTURE_PATH)
    step = case.step_by_id("encounter")
    q = case.question_by_id("q-stability")
    unknown = {"hemodynamics": "unknown"}
    to_focused = satisfying_responses(case, step.next.rules, 0, [q], {}, {}, unknown)
    assert to_focused == {"q-stability": {"choice": "unstable"}}
    to_default = satisfying_responses(case, step.next.rules, None, [q], {}, {}, unknown)
    assert to_default == {"q-stability": {"choice": "stable"}}
    # Already unstable from before: no answer here avoids the rule.
    assert (
        satisfying_responses(case, step.next.rules, None, [q], {}, {}, {"hemodynamics": "unstable"})
        is None
    )


def test_candidate_responses_start_with_the_key_and_end_with_none() -> None:
    case = load_case_text(FIXTURE, FIXTURE_PATH)
    sites = candidate_responses(case.question_by_id("q-sites"))
    assert sites[0] == {"choices": ["ruq", "pelvis"]} and sites[-1] == {}
    assert len(sites) == 1 + 7 - 1 + 1  # key, the other non-empty subsets, no answer
    order = candidate_responses(case.question_by_id("q-order"))
    assert order == [{"order": ["ruq", "pelvis"]}, {"order": ["pelvis", "ruq"]}, {}]


class DeclaredSizeProbe(ManifestProbe):
    """The manifest's facts, with the encounter video's container declaring one pixel more."""

    def probe(self, path: Path) -> MediaInfo:
        import dataclasses

        info = super().probe(path)
        if path.name != "encounter.mp4" or not (info.width and info.height):
            return info
        return dataclasses.replace(
            info, container_width=info.width + 1, container_height=info.height + 1
        )


def test_clip_whose_container_declares_another_size() -> None:
    probe = DeclaredSizeProbe()
    facts = MANIFEST["fast/encounter.mp4"]
    w, h = facts["width"], facts["height"]
    (problem,) = lint_text(FIXTURE, probe)
    assert (problem.line, problem.col) == position(FIXTURE, "../assets/media/fast/encounter.mp4")
    assert problem.message == (
        f"encounter.mp4 declares {w + 1}x{h + 1} pictures but its stream decodes to {w}x{h}; "
        f"regions, calipers and frames use {w}x{h} (re-export the clip so the two agree)"
    )
