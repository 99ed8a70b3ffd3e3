"""Durable append latency of the result journal against a bare write+fsync of the same size.

    python benchmarks/journal_append.py [--records 1000] [--dir PATH]

Each append encrypts the record to the board (age, armored), seals the resume
state to the session key, writes one frame and fsyncs it, then updates the
resume slot. The baseline, interleaved with it in the same run on the same
disk, writes the same number of bytes and fsyncs. Targets: ratio of medians
<= 5, median < 5 ms. Use --dir on the disk the app will write to (not tmpfs).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import emit, median, percentile, table

from pocus_player.core.journal import EncryptedJournal
from pocus_player.core.resume import full_fsync
from pocus_player.resources import demo_board_recipient


def payload(i: int) -> dict[str, object]:
    """A realistic response record: a multiple-response answer and its score."""
    return {
        "question_id": f"q{i:04d}",
        "step_id": f"step-{i // 5}",
        "response": {"choices": ["a", "c", "not_possible"][: 1 + i % 3]},
        "score": {
            "question_id": f"q{i:04d}",
            "points": 1.0,
            "max_points": 2.0,
            "domain": "interpretation",
            "rule": "mr.partial",
            "correct": False,
            "detail": {"correct_chosen": 1, "incorrect_chosen": 0, "key_size": 2},
        },
        "latency_s": 12.345,
        "replays": {"cine-1": 1},
    }


def state(i: int) -> dict[str, object]:
    return {
        "next_step": f"step-{i // 5 + 1}",
        "path": [f"step-{k}" for k in range(i // 5 + 1)][-20:],
        "replays": {"cine-1": 1, "cine-2": 0},
        "time_used_s": i * 11.5,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--dir", type=Path, default=None, help="folder on the disk to measure")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="journal-bench-", dir=args.dir))
    try:
        journal = EncryptedJournal.create(
            recipient=demo_board_recipient(), case_id="bench", candidate_id="C1", results_dir=work
        )
        journal.append("start", {"case_id": "bench"}, state(0))
        size0 = journal.path.stat().st_size
        base_fd = os.open(work / "baseline.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        appends: list[float] = []
        bare: list[float] = []
        frame_bytes = 0
        for i in range(1, args.records + 1):
            t0 = time.perf_counter()
            journal.append("response", payload(i), state(i))
            appends.append((time.perf_counter() - t0) * 1000.0)
            size1 = journal.path.stat().st_size
            frame_bytes, size0 = size1 - size0, size1
            blob = b"x" * frame_bytes
            t0 = time.perf_counter()
            os.write(base_fd, blob)
            full_fsync(base_fd)
            bare.append((time.perf_counter() - t0) * 1000.0)
        os.close(base_fd)
        total = journal.path.stat().st_size
        journal.submit({}, state(args.records))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    figures = {
        "records": args.records,
        "frame_bytes_mean": round(total / (args.records + 1)),
        "median_ms": round(median(appends), 3),
        "p99_ms": round(percentile(appends, 99), 3),
        "baseline_median_ms": round(median(bare), 3),
        "baseline_p99_ms": round(percentile(bare, 99), 3),
    }
    figures["ratio_to_baseline"] = round(figures["median_ms"] / figures["baseline_median_ms"], 2)
    figures["p99_ratio_to_baseline"] = round(figures["p99_ms"] / figures["baseline_p99_ms"], 2)
    table(
        [
            ("durable append", f"{figures['median_ms']:.3f}", f"{figures['p99_ms']:.3f}"),
            (
                "bare write+fsync, same size",
                f"{figures['baseline_median_ms']:.3f}",
                f"{figures['baseline_p99_ms']:.3f}",
            ),
            (
                "ratio",
                f"{figures['ratio_to_baseline']:.2f}",
                f"{figures['p99_ratio_to_baseline']:.2f}",
            ),
        ],
        ("what", "median ms", "p99 ms"),
    )
    print(f"{args.records} records, {figures['frame_bytes_mean']} bytes per frame on average")
    print("targets: ratio <= 5, median < 5 ms")
    emit(figures)


if __name__ == "__main__":
    main()
