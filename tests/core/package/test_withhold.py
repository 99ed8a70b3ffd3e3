"""Withheld keys: the package at the center holds no key, rationale or scoring rule; the
board's identity restores them; designs that need the key at the sitting are refused."""

from __future__ import annotations

from pathlib import Path

import pyrage
import pytest
import yaml

from pocus_player import resources
from pocus_player.core.loader import load_case
from pocus_player.core.package import content
from pocus_player.core.package.builder import BuildOptions, ExamSpec, build_package
from pocus_player.core.package.errors import PackageBuildError, UnlockError
from pocus_player.core.package.withhold import split_keys, withhold_refusals
from tests.core.package.conftest import CASES, CENTER, Builder, ManifestProbe, content_copy

BOARD_PUB = resources.demo_board_recipient().read_text(encoding="utf-8").strip().splitlines()[-1]


def board_identity() -> pyrage.x25519.Identity:
    lines = resources.demo_board_identity().read_text(encoding="utf-8").splitlines()
    return pyrage.x25519.Identity.from_str(next(ln for ln in lines if ln.startswith("AGE-")))


@pytest.mark.parametrize("name", ["cardiac-effusion", "fast-trauma", "lung-dyspnea"])
def test_withheld_package_holds_no_key_and_the_board_restores_it(build: Builder, name: str) -> None:
    script = CASES / f"{name}.yaml"
    path = build(script, withhold_keys=True, board_recipient=BOARD_PUB)
    pkg = content.open_package(path, identities=[CENTER], require_signature=False)
    assert pkg.keys_withheld and pkg.sealed.keys_withheld
    original = load_case(script, ManifestProbe())
    (sitting,) = content.load_cases(pkg)
    shown = {q.id: q for q in sitting.questions}
    for q in original.questions:
        s = shown[q.id]
        assert s.stem == q.stem and s.options == q.options  # the candidate sees the same
        assert q.rationale not in s.rationale
        assert s.constraints == () and (not q.caliper or s.caliper != q.caliper)
    assert sitting.steps == original.steps  # branching on chosen options still works
    # nothing of the key in the script the center can decrypt
    script_text = bytes(pkg.read(pkg.case_entries[0]["script"])).decode()
    for q in original.questions:
        assert q.rationale[:30] not in script_text
    # the board's identity brings everything back
    keys = pkg.withheld_keys([board_identity()])
    (restored,) = content.load_cases(pkg, keys)
    assert restored.questions == original.questions


def test_the_center_cannot_open_the_withheld_keys(build: Builder) -> None:
    path = build(withhold_keys=True, board_recipient=BOARD_PUB)
    pkg = content.open_package(path, identities=[CENTER], require_signature=False)
    with pytest.raises(UnlockError, match=r"does not open the withheld keys"):
        pkg.withheld_keys([pyrage.x25519.Identity.generate()])


def test_a_branch_on_a_score_cannot_be_withheld(tmp_path: Path) -> None:
    text = (CASES / "cardiac-effusion.yaml").read_text(encoding="utf-8")
    old = "    image: ivc\n    questions: [q-ivc-caliper, q-tamponade-signs]\n"
    assert old in text
    text = text.replace(
        old,
        old + "    next:\n      rules:\n        - when: {question: q-ivc-caliper, correct: true}\n"
        "          goto: end\n      default: next-step\n",
    )
    script = content_copy(tmp_path, "cardiac-effusion", text)
    load_case(script, ManifestProbe())  # a valid case...
    out = tmp_path / "x.pocusexam"
    with pytest.raises(PackageBuildError) as info:  # ...that cannot be sealed without its key
        build_package(
            ExamSpec("x", "x", "1", (script,)),
            out,
            ManifestProbe(),
            BuildOptions(passphrase="p", withhold_keys=True, board_recipient=BOARD_PUB),
        )
    message = str(info.value)
    assert "cannot be sealed with withheld keys" in message
    assert (
        "step 'ivc' branches to 'end' on whether question 'q-ivc-caliper' was answered correctly"
        in message
    )
    assert not out.exists()


def test_practice_mode_cannot_be_withheld() -> None:
    data = yaml.safe_load((CASES / "cardiac-effusion.yaml").read_text(encoding="utf-8"))
    data["settings"]["mode"] = "practice"
    (reason,) = withhold_refusals(data)
    assert "practice mode" in reason


def test_split_keys_leaves_no_secret_field() -> None:
    data = yaml.safe_load((CASES / "cardiac-effusion.yaml").read_text(encoding="utf-8"))
    public, secret = split_keys(data)
    text = yaml.safe_dump(public)
    for q in data["questions"]:
        assert q["rationale"][:30] not in text
        assert secret[q["id"]]["key"] == q["key"]
