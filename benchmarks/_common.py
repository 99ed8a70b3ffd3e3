"""Small helpers shared by the benchmark scripts: timing statistics and the final JSON line."""

from __future__ import annotations

import json
import statistics
import sys
from collections.abc import Callable


def time_runs(fn: Callable[[], object], runs: int, warmup: int = 2) -> list[float]:
    """Milliseconds per call over `runs` calls, after `warmup` unmeasured ones."""
    import time

    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000.0)
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100.0 * (len(ordered) - 1))))
    return ordered[k]


def median(values: list[float]) -> float:
    return statistics.median(values)


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    print(line)
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)))


def emit(figures: dict[str, object]) -> None:
    """The one JSON line every benchmark ends with."""
    sys.stdout.flush()
    print(json.dumps(figures, sort_keys=True))
