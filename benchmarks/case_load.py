"""Load and fully validate a generated case with 1000 checkpoints; compare with a bare CSafeLoader load.

    python benchmarks/case_load.py [--checkpoints 1000] [--runs 15]

Media probing is excluded (probe=None): it is cached per file in the app, and this
measures the parser, the schema and the semantic checks. Target: ratio <= 3.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import emit, median, percentile, table, time_runs

from pocus_player.core.loader import load_case


def generate(folder: Path, checkpoints: int, per_step: int = 10) -> Path:
    (folder / "pocus-content.yaml").write_text("name: benchmark\n")
    (folder / "media").mkdir()
    lines = [
        "schema_version: 1",
        "case:",
        "  id: bench",
        "  title: Generated benchmark case",
        "  clinical_area: other",
        "  version: '1'",
        "  authors: [bench]",
        "  estimated_minutes: 60",
        "  domains:",
        "    - {id: d1, title: Domain one}",
        "    - {id: d2, title: Domain two}",
        "settings:",
        "  time_limit: '2:00:00'",
        "  pass_mark: 50",
        "media:",
    ]
    steps = (checkpoints + per_step - 1) // per_step
    for s in range(steps):
        (folder / "media" / f"clip{s}.mp4").write_bytes(b"\0")
        lines += [
            f"  - id: clip{s}",
            "    kind: cine",
            f"    file: media/clip{s}.mp4",
            "    title: A clip",
        ]
    lines.append("steps:")
    q = 0
    for s in range(steps):
        lines += [
            f"  - id: step{s}",
            "    type: segment",
            f"    media: clip{s}",
            "    checkpoints:",
        ]
        for c in range(per_step):
            if q >= checkpoints:
                break
            lines += [
                f"      - id: cp{q}",
                f"        at: '00:{c + 1:02d}.{q % 1000:03d}'",
                f"        questions: [q{q}]",
            ]
            q += 1
    lines.append("questions:")
    for i in range(checkpoints):
        lines += [
            f"  - id: q{i}",
            "    type: single_best_answer" if i % 2 == 0 else "    type: multiple_response",
            f"    stem: Question number {i}, which option is right?",
            "    options:",
            "      - {id: a, text: Option A}",
            "      - {id: b, text: Option B}",
            "      - {id: c, text: Option C}",
            "    key: a" if i % 2 == 0 else "    key: [a, c]",
            "    points: 1",
            f"    domain: d{1 + i % 2}",
            "    rationale: Because A is right.",
        ]
    path = folder / "case.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--checkpoints", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = generate(Path(tmp), args.checkpoints)
        text = path.read_text(encoding="utf-8")
        case = load_case(path)
        assert sum(len(s.checkpoints) for s in case.steps) == args.checkpoints
        bare = time_runs(lambda: yaml.load(text, Loader=yaml.CSafeLoader), args.runs)
        full = time_runs(lambda: load_case(path), args.runs)
    ratio = median(full) / median(bare)
    print(
        f"case with {args.checkpoints} checkpoints, {len(text) / 1024:.0f} KiB, {args.runs} runs each\n"
    )
    table(
        [
            (
                "yaml.load CSafeLoader (baseline)",
                f"{median(bare):.1f}",
                f"{percentile(bare, 90):.1f}",
            ),
            (
                "load_case: parse + schema + semantic",
                f"{median(full):.1f}",
                f"{percentile(full, 90):.1f}",
            ),
        ],
        ("what", "median ms", "p90 ms"),
    )
    print(f"\nratio to baseline: {ratio:.2f} (target <= 3)")
    emit(
        {
            "benchmark": "case_load",
            "checkpoints": args.checkpoints,
            "median_ms": round(median(full), 2),
            "baseline_median_ms": round(median(bare), 2),
            "ratio_to_baseline": round(ratio, 2),
        }
    )


if __name__ == "__main__":
    main()
