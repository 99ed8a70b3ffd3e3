"""Run the per-file step over many result files: a process pool over the cores, with progress.

Each worker loads the board's identities and its case source once (pool initializer), then
maps `rescore_result` over file paths; results come back in input order. Small batches run
in this process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pyrage

from pocus_player.board.case_source import CaseSource
from pocus_player.board.rescored import FileOutcome, rescore_result
from pocus_player.core.errors import ResultFileError
from pocus_player.core.journal_format import load_identities, read_result_file

INLINE_BELOW = 32  # files; fewer run without a pool
CHUNK = 32

_identities: list[pyrage.x25519.Identity] = []
_cases: CaseSource | None = None


def _init(identity: Path, cases: CaseSource) -> None:
    global _identities, _cases
    _identities = load_identities(identity)
    _cases = cases


def rescore_path(path: Path) -> FileOutcome:
    """The per-file step on a path, in a worker set up by `_init`."""
    assert _cases is not None, "worker not initialised"
    return rescore_path_with(path, _identities, _cases)


def rescore_path_with(
    path: Path, identities: Sequence[pyrage.x25519.Identity], cases: CaseSource
) -> FileOutcome:
    try:
        data = read_result_file(path)
    except ResultFileError as exc:
        return FileOutcome(str(path), str(exc), "unreadable")
    return rescore_result(data, str(path), identities, cases)


def default_jobs() -> int:
    return max(
        1,
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1),
    )


def open_pool(identity: Path, cases: CaseSource, jobs: int | None = None) -> ProcessPoolExecutor:
    """Worker processes set up for `rescore_path`; reuse one for several `rescore_all` calls."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(identity, cases))


def rescore_all(
    paths: Sequence[Path],
    identity: Path,
    cases: CaseSource,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> list[FileOutcome]:
    """The per-file step over `paths`, in order; `progress(n)` after each n files done.

    Runs in `pool` when given (from `open_pool`, same identity and cases), else in a pool of
    its own, or in this process for `jobs=1` and small batches. Start pools before holding
    many results: forked workers would otherwise carry them through every collection.
    """
    jobs = default_jobs() if jobs is None else max(1, jobs)
    tick = progress or (lambda _n: None)
    out: list[FileOutcome] = []
    if pool is None and (jobs == 1 or len(paths) < INLINE_BELOW):
        identities = load_identities(identity)
        for path in paths:
            out.append(rescore_path_with(path, identities, cases))
            tick(1)
        return out
    executor = open_pool(identity, cases, jobs) if pool is None else pool
    try:
        for outcome in executor.map(rescore_path, paths, chunksize=CHUNK):
            out.append(outcome)
            tick(1)
    finally:
        if pool is None:
            executor.shutdown()
    return out
