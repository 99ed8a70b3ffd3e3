"""Crash safety: a writer killed with SIGKILL at random moments loses no acknowledged record."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pocus_player.core.resume import find_unfinished
from tests.core.journal_helpers import DEMO_PUB, codes, verify

CHILD = Path(__file__).with_name("journal_crash_child.py")
ROUNDS = 30
pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")


def _spawn(results_dir: Path, repo_root: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(repo_root)}
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(results_dir), str(DEMO_PUB), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_sigkill_at_random_moments_loses_no_acknowledged_record(
    tmp_path: Path, repo_root: Path
) -> None:
    rng = random.Random(20261127)
    acked: dict[int, int] = {}  # seq -> n of every acknowledged response
    resumes = 0
    for round_no in range(ROUNDS):
        child = _spawn(tmp_path, repo_root)
        assert child.stdout is not None
        first = child.stdout.readline()  # the writer is up and has stored a record
        assert first.startswith(("ack", "resumed")), child.stderr.read() if child.stderr else ""
        time.sleep(rng.uniform(0.0, 0.03))  # the random moment of the kill
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL
        lines = [first, *rest.splitlines(keepends=True)]
        for line in lines:
            if not line.endswith("\n"):
                continue  # killed mid-print: not acknowledged to us
            word, seq, n = line.split()
            if word == "resumed":
                resumes += 1
                # The engine state comes back at (or after) the last acknowledged response.
                assert int(n) >= max(acked.values(), default=0)
            else:
                acked[int(seq)] = int(n)

        (journal,) = tmp_path.glob("*.pocusresult")
        v = verify(journal)
        on_disk = {r.seq: r.payload.get("n") for r in v.records if r.type == "response"}
        for seq, n in acked.items():
            if n:  # n == 0 is the start record
                assert on_disk.get(seq) == n, f"round {round_no}: acknowledged record {seq} lost"
        # Only an unfinished session (maybe with a torn tail): no gap, no break, no restart.
        assert codes(v) <= {"not-submitted", "truncated", "resumed", "crash-tear"}, v.issues
        assert len(find_unfinished(tmp_path)) == 1

    # A last writer resumes the session and submits it: the board finds it whole.
    final = _spawn(tmp_path, repo_root, str(max(acked.values()) + 3))
    out, err = final.communicate(timeout=30)
    assert final.returncode == 0, err
    receipt = out.splitlines()[-1].split()[1]
    v = verify(journal)
    assert v.ok, v.issues
    assert v.receipt == receipt
    assert resumes == ROUNDS - 1
    ns = [r.payload["n"] for r in v.records if r.type == "response"]
    assert ns == sorted(set(ns)) and ns[0] == 1  # each response once, in order
