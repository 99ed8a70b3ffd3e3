"""Kill a journal writer with SIGKILL at random moments, resume, and count what was lost.

    python benchmarks/crash_resume.py [--rounds 100] [--seed 1] [--dir PATH]

Each round starts the writer of tests/core/journal_crash_child.py (it resumes
the unfinished session, then appends responses in a loop, printing each
acknowledged seq), kills it after a random delay, and verifies the journal
with the board's demo key: every acknowledged record must be there and the
chain unbroken. A last writer submits; the board must then find the file
intact. Also reports the time from process start to "resumed".
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import emit, median, percentile, table

from pocus_player.core.journal_format import load_identities, verify_file
from pocus_player.resources import demo_board_identity, demo_board_recipient

REPO = Path(__file__).resolve().parent.parent
CHILD = REPO / "tests" / "core" / "journal_crash_child.py"
ALLOWED = {"not-submitted", "truncated", "resumed", "crash-tear"}


def spawn(results: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(results), str(demo_board_recipient()), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    if os.name == "nt":
        sys.exit("SIGKILL rounds need a POSIX system")
    rng = random.Random(args.seed)
    identities = load_identities(demo_board_identity())
    work = Path(tempfile.mkdtemp(prefix="crash-bench-", dir=args.dir))
    acked: dict[int, int] = {}
    lost = bad_rounds = 0
    resume_ms: list[float] = []
    try:
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            child = spawn(work)
            assert child.stdout is not None
            first = child.stdout.readline()
            if first.startswith("resumed"):
                resume_ms.append((time.perf_counter() - t0) * 1000.0)
            time.sleep(rng.uniform(0.0, 0.05))
            child.send_signal(signal.SIGKILL)
            rest, _ = child.communicate()
            for line in [first, *rest.splitlines(keepends=True)]:
                if line.endswith("\n") and line.startswith("ack"):
                    _, seq, n = line.split()
                    acked[int(seq)] = int(n)
            (journal,) = work.glob("*.pocusresult")
            v = verify_file(journal, identities)
            present = {r.seq: r.payload.get("n") for r in v.records if r.type == "response"}
            lost += sum(1 for s, n in acked.items() if n and present.get(s) != n)
            if not {i.code for i in v.issues} <= ALLOWED:
                bad_rounds += 1
        final = spawn(work, str(max(acked.values()) + 3))
        out, _ = final.communicate(timeout=60)
        (journal,) = work.glob("*.pocusresult")
        v = verify_file(journal, identities)
        receipt_ok = final.returncode == 0 and out.splitlines()[-1].split()[1] == v.receipt
    finally:
        shutil.rmtree(work, ignore_errors=True)

    records = sum(1 for n in acked.values() if n)
    table(
        [
            ("rounds (SIGKILL)", str(args.rounds)),
            ("acknowledged responses", str(records)),
            ("acknowledged responses lost", str(lost)),
            ("rounds with a gap, break or restart", str(bad_rounds)),
            ("resume, process start to resumed (median ms)", f"{median(resume_ms):.1f}"),
            ("resume p99 ms", f"{percentile(resume_ms, 99):.1f}"),
            ("final file intact and submitted", str(v.ok)),
            ("receipt matches the writer's", str(receipt_ok)),
        ],
        ("what", "value"),
    )
    emit(
        {
            "rounds": args.rounds,
            "acked_records": records,
            "lost_records": lost,
            "bad_rounds": bad_rounds,
            "final_ok": v.ok,
            "receipt_ok": receipt_ok,
            "resume_median_ms": round(median(resume_ms), 1),
            "resume_p99_ms": round(percentile(resume_ms, 99), 1),
        }
    )


if __name__ == "__main__":
    main()
