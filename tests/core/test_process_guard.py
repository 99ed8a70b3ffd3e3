"""The exam process writes no core dump and, on Linux, cannot be traced by the same user."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CHILD = """
import json, resource
from pocus_player.core.process_guard import harden_process, is_dumpable
applied = harden_process()
print(json.dumps({"applied": applied, "core": list(resource.getrlimit(resource.RLIMIT_CORE)),
                  "dumpable": is_dumpable()}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX limits")
def test_harden_process(repo_root) -> None:  # type: ignore[no-untyped-def]
    out = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        check=True,
        cwd=repo_root,
        timeout=60,
    )
    facts = json.loads(out.stdout)
    assert facts["core"] == [0, 0] and "no core dumps" in facts["applied"]
    if sys.platform.startswith("linux"):
        assert facts["dumpable"] is False and "not dumpable" in facts["applied"]
