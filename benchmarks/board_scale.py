"""The board's analysis at scale: 10,000 result files verified, rescored and analysed end to end.

    python benchmarks/board_scale.py [--files 10000] [--jobs N] [--dir PATH] [--keep]

The files are real ones, written through the engine and the journal by
scripts/simulate_cohort.py (the three demo cases, a latent-ability cohort); `--dir` keeps
them between runs (generating 10,000 takes a few minutes, and is not timed). Timed, in the
same run, on the same files and the same process pool:

- baseline: only decrypting every record of every file with pyrage (what any tool that
  reads the results must do at least), in batches of 1000 files, each run right before the
  same batch goes through the per-file step, so that load from other work on the machine
  weighs on both sides alike;
- end to end: `results stats` minus the printing: read, scan, decrypt, verify the chain,
  rescore every response, aggregate every statistic and write stats.json, the CSV tables,
  rows.parquet and report.html.

Targets: end to end < 60 s for 10,000 files on 2 cores; ratio to the baseline <= 2.
"""

# ruff: noqa: E402  (the imports follow the sys.path set-up)
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyrage
from _common import emit, table

from pocus_player.board import report, tables
from pocus_player.board.analysis import Exam, analyse
from pocus_player.board.case_source import ScriptCases
from pocus_player.board.collect import CHUNK, default_jobs, open_pool, rescore_all
from pocus_player.core.journal_format import ARMOR_BEGIN, ARMOR_END, load_identities
from pocus_player.resources import demo_board_identity, demo_cases
from scripts.simulate_cohort import simulate_cohort

_identities: list[pyrage.x25519.Identity] = []


def _init(identity: Path) -> None:
    global _identities
    _identities = load_identities(identity)


def decrypt_only(path: Path) -> int:
    """Decrypt every armored block of one file; nothing else. Returns the records read."""
    data = path.read_bytes()
    n, pos = 0, 0
    while True:
        start = data.find(ARMOR_BEGIN, pos)
        if start < 0:
            return n
        end = data.find(ARMOR_END, start) + len(ARMOR_END)
        pyrage.decrypt(data[start:end], _identities)
        n += 1
        pos = end


def baseline(paths: list[Path], pool: ProcessPoolExecutor) -> tuple[float, int]:
    t0 = time.perf_counter()
    records = sum(pool.map(decrypt_only, paths, chunksize=CHUNK))
    return time.perf_counter() - t0, records


def end_to_end(
    paths: list[Path], identity: Path, jobs: int, out: Path, batch: int
) -> tuple[float, float, dict[str, float]]:
    """The whole `stats` pipeline; the per-file step in batches, each timed back to back with
    the decrypt-only baseline on the same files, so load from other work hits both alike."""
    cases = ScriptCases(demo_cases())
    outcomes = []
    step_s = base_s = 0.0
    # Both pools start before any result is held, as in `results stats` (one pool, started
    # first): workers forked from a parent holding many rows would pay for them at each GC.
    t0 = time.perf_counter()
    pool = open_pool(identity, cases, jobs)
    step_s += time.perf_counter() - t0
    t0 = time.perf_counter()
    base_pool = ProcessPoolExecutor(jobs, initializer=_init, initargs=(identity,))
    base_s += time.perf_counter() - t0
    with pool, base_pool:
        for i in range(0, len(paths), batch):
            part = paths[i : i + batch]
            b_s, _ = baseline(part, base_pool)
            t0 = time.perf_counter()
            outcomes.extend(rescore_all(part, identity, cases, jobs, pool=pool))
            step_s += time.perf_counter() - t0
            base_s += b_s
    t1 = time.perf_counter()
    result = analyse(outcomes, cases, exams=[Exam("all", cases.case_ids())])
    t2 = time.perf_counter()
    data = result.to_json()
    out.mkdir(parents=True, exist_ok=True)
    (out / "stats.json").write_text(json.dumps(data), encoding="utf-8")
    tables.write_tables(data, out)
    tables.write_parquet([r for o in outcomes if o.ok for r in o.rows], out / "rows.parquet")
    (out / "report.html").write_text(report.render(data), encoding="utf-8")
    t3 = time.perf_counter()
    bad = sum(1 for o in outcomes if not o.ok)
    if bad:
        raise SystemExit(f"{bad} files failed the per-file step: the benchmark data is wrong")
    steps = {"verify_rescore_s": step_s, "analyse_s": t2 - t1, "write_s": t3 - t2}
    return step_s + (t3 - t1), base_s, steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--dir", type=Path, help="folder holding (or to hold) the result files")
    parser.add_argument("--keep", action="store_true", help="keep a temporary --dir")
    parser.add_argument("--batch", type=int, default=1000, help="files per interleaved batch")
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="board-scale-"))
    folder = work / "results"
    paths = sorted(folder.glob("*.pocusresult")) if folder.is_dir() else []
    if len(paths) < args.files:
        shutil.rmtree(folder, ignore_errors=True)
        per_case = -(-args.files // len(demo_cases()))
        t0 = time.perf_counter()
        simulate_cohort(folder, per_case, seed=2026, jobs=args.jobs)
        print(f"generated {per_case * len(demo_cases())} files in {time.perf_counter() - t0:.0f} s")
        paths = sorted(folder.glob("*.pocusresult"))
    paths = paths[: args.files]
    identity = demo_board_identity()
    size = sum(p.stat().st_size for p in paths)
    try:
        # Warm the page cache once, so neither side pays for the first read.
        with ProcessPoolExecutor(args.jobs, initializer=_init, initargs=(identity,)) as warm:
            _, records = baseline(paths, warm)
        full_s, base_s, steps = end_to_end(paths, identity, args.jobs, work / "out", args.batch)
    finally:
        if args.dir is None and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    figures = {
        "files": len(paths),
        "records": records,
        "megabytes": round(size / 1e6, 1),
        "jobs": args.jobs,
        "cpus": os.cpu_count(),
        "end_to_end_s": round(full_s, 2),
        "files_per_s": round(len(paths) / full_s, 1),
        "baseline_decrypt_s": round(base_s, 2),
        "ratio_to_baseline": round(full_s / base_s, 2),
        "per_file_ratio_to_baseline": round(steps["verify_rescore_s"] / base_s, 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
        **{k: round(v, 2) for k, v in steps.items()},
    }
    table(
        [
            (
                "decrypt only (pyrage)",
                f"{base_s:.2f}",
                f"{len(paths) / base_s:.0f}",
            ),
            (
                "end to end: verify, rescore, analyse, write",
                f"{full_s:.2f}",
                f"{figures['files_per_s']:.0f}",
            ),
            ("  of which verify + rescore (pool)", f"{steps['verify_rescore_s']:.2f}", ""),
            ("  of which analyse (numpy)", f"{steps['analyse_s']:.2f}", ""),
            ("  of which write json/csv/parquet/html", f"{steps['write_s']:.2f}", ""),
        ],
        ("what", "seconds", "files/s"),
    )
    print(
        f"{len(paths)} files, {records} records, {figures['megabytes']} MB, {args.jobs} workers; "
        f"ratio {figures['ratio_to_baseline']} (targets: < 60 s, ratio <= 2)"
    )
    emit(figures)


if __name__ == "__main__":
    main()
