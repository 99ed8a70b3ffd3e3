"""A regular (non-editable) install finds its schema, demo cases, media and keys without the source tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys
import pocus_player, pocus_player.resources as r
from pocus_player.cli import main
print(json.dumps({
    "package": pocus_player.__file__,
    "data_root": str(r.data_root()),
    "schema": r.schema_path().is_file(),
    "cases": [p.name for p in r.demo_cases()],
    "recipient": r.demo_board_recipient().is_file(),
}))
sys.stdout.flush()
sys.exit(main(["validate", "--no-probe"]))
"""


def test_installed_package_ships_its_data(tmp_path: Path) -> None:
    # Run from an empty folder so the source tree is not importable: only an installed copy is.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    if "No module named 'pocus_player'" in result.stderr:
        if os.environ.get("CI"):
            pytest.fail(
                "pocus-player is not installed in this interpreter (scripts/setup-debian.sh installs it)"
            )
        pytest.skip(
            "pocus-player is not installed in this interpreter; run scripts/setup-debian.sh"
        )
    facts = json.loads(result.stdout.splitlines()[0])
    assert not facts["package"].startswith(str(REPO / "pocus_player")), "imported the source tree"
    assert facts["data_root"].endswith("_data")
    assert facts["schema"] and facts["recipient"]
    assert sorted(facts["cases"]) == sorted(p.name for p in (REPO / "cases").glob("*.yaml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 of 3 case script(s) valid" in result.stdout
