"""`results stats`: verify, rescore and analyse every result file of a testing window at once.

Each file goes through the per-file step (board.rescored) in a process pool; a file that
cannot be used is named with its reason and left out, and the others are still analysed.
Exit codes as for the other `results` commands: 0 every file used, 1 bad input (nothing to
analyse: no files, wrong identity for all of them, unreadable case scripts...), 2 some files
were left out (failed verification, damaged, no script for their case).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from pocus_player.board import options
from pocus_player.board.errors import BadInput
from pocus_player.core.journal_format import SUFFIX, load_identities

if TYPE_CHECKING:  # numpy, scipy and the pool load only when `stats` runs
    from pocus_player.board.analysis import Analysis
    from pocus_player.board.case_source import CaseSource
    from pocus_player.board.rescored import FileOutcome
    from pocus_player.core.model import Case

THRESHOLD_NAMES = (
    "p_min, p_max, r_min, d_min, omit_max, distractor_margin, caliper_bias, "
    "caliper_upper_within, alpha_min, min_n"
)

EXIT_OK, EXIT_BAD_INPUT, EXIT_FAILED = 0, 1, 2


def add_parser(sub: Any, command: Callable[[argparse.Namespace], int]) -> None:
    p = sub.add_parser(
        "stats",
        help="item analysis, reliability and flags over many result files",
        description="Verify and rescore every result file, then report per item, option, "
        "case, domain and exam (see docs/board-analysis.md).",
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="result files or folders")
    options.add_identity(p)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--case",
        type=Path,
        action="append",
        metavar="CASE.yaml",
        help="a case script (or a folder of them) the files were sat on; repeat for several",
    )
    options.add_package(source)
    p.add_argument(
        "--exam",
        action="append",
        default=[],
        metavar="NAME=CASE,CASE",
        help="also analyse these cases together as one exam, candidates matched by id",
    )
    p.add_argument(
        "--threshold",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=f"change a flag threshold: {THRESHOLD_NAMES} (docs/board-analysis.md)",
    )
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    p.add_argument("--json", type=Path, dest="json_out", help="write every figure as JSON here")
    p.add_argument(
        "--parquet", type=Path, help="write the rescored per-question rows as Parquet here"
    )
    p.add_argument(
        "--out",
        type=Path,
        help="folder for the committee: report.html, stats.json, CSV tables, rows.parquet",
    )
    p.add_argument(
        "--angoff",
        type=Path,
        action="append",
        default=[],
        metavar="ANGOFF.json",
        help="draw the cut from `results angoff --json` in the report's score histograms",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(command=command)


def expand(paths: Sequence[Path], suffix: str, notes: list[str]) -> list[Path]:
    """Files as given and the matching files of folders; an empty folder is a note."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(p.glob(f"*{suffix}"))
            if not found:
                notes.append(f"{p} holds no {suffix} files")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            notes.append(f"no such file: {p}")
    return out


def cmd_stats(args: argparse.Namespace) -> int:
    from pocus_player.board.analysis import Exam, Thresholds, analyse
    from pocus_player.board.case_source import UnknownCase

    problems: list[str] = []
    try:
        thresholds = Thresholds().with_settings(args.threshold)
        exams = [Exam.parse(e) for e in args.exam]
    except ValueError as exc:
        raise BadInput(str(exc)) from None
    load_identities(args.identity)  # a bad identity file is one message, before any work
    args.cuts = _angoff_cuts(args.angoff)
    cases = _case_source(args, problems)
    try:
        known = cases.case_ids()
    except UnknownCase as exc:
        raise BadInput(str(exc)) from None
    paths = expand(args.files, SUFFIX, problems)
    for exam in exams:
        missing = [c for c in exam.case_ids if c not in known]
        if missing:
            where = "the package holds no case" if args.package else "no case script for"
            raise BadInput(f"--exam {exam.name}: {where} {', '.join(missing)}")
    if not paths:
        raise BadInput("; ".join(problems) or "no result files given")
    outcomes = _run(paths, args, cases)
    left_out = [o for o in outcomes if not o.ok]
    lacking = "which the package does not hold (--package)" if args.package else None
    messages = _messages(left_out, args.identity, len(outcomes), lacking)
    for note in problems:
        print(f"error: {note}", file=sys.stderr)
    for message in messages:
        print(f"error: {message}", file=sys.stderr)
    if len(left_out) == len(outcomes):
        print("error: no result file could be analysed", file=sys.stderr)
        return EXIT_BAD_INPUT
    result = analyse(outcomes, cases, thresholds, exams)
    print_summary(result, sys.stdout)
    _write(result, outcomes, args)
    return EXIT_FAILED if left_out or problems else EXIT_OK


def _case_source(args: argparse.Namespace, problems: list[str]) -> CaseSource:
    """The cases the files are rescored with: the package's (--package) or the scripts'."""
    from pocus_player.board.case_source import PackageCases, ScriptCases

    if args.package is not None:
        return PackageCases(args.package, args.identity)
    scripts = expand(args.case, ".yaml", problems)
    if not scripts:
        raise BadInput("; ".join(problems) or "no case scripts given")
    return ScriptCases(scripts)


def _run(paths: Sequence[Path], args: argparse.Namespace, cases: CaseSource) -> list[FileOutcome]:
    from tqdm import tqdm

    from pocus_player.board.collect import rescore_all

    bar = tqdm(
        total=len(paths),
        desc="verify+rescore",
        unit="file",
        file=sys.stderr,
        disable=True if args.quiet else None,  # None: only on a terminal
        smoothing=0.1,
    )
    try:
        return rescore_all(paths, args.identity, cases, args.jobs, bar.update)
    finally:
        bar.close()


def _messages(
    left_out: Sequence[FileOutcome],
    identity: Path,
    total: int,
    lacking: str | None = None,
) -> list[str]:
    """One message per file, except one per case for files whose case the source lacks (no
    script for it, or as `lacking` says), and one in all when no file decrypts with the
    identity."""
    wrong_key = [o for o in left_out if o.kind == "identity"]
    if wrong_key and len(wrong_key) == total:
        return [
            f"none of the {total} files decrypts with {identity}: is it the identity of the "
            "board these results were encrypted to?"
        ]
    out = []
    by_case: dict[str, int] = {}
    for o in left_out:
        if o.kind == "case" and o.problem and _lacks_case(o.problem):
            by_case[o.case_id] = by_case.get(o.case_id, 0) + 1
        else:
            out.append(f"{o.file}: {o.problem}; left out")
    lacking = lacking or "for which no case script was given (--case)"
    for case_id, n in sorted(by_case.items()):
        out.append(f"{n} file(s) are results of case {case_id!r}, {lacking}; left out")
    return out


def _lacks_case(problem: str) -> bool:
    """The problem of a file whose case the source does not hold (case_source.UnknownCase)."""
    return problem.startswith("no case script") or (
        problem.startswith("the package ") and " holds no case " in problem
    )


def _fmt(value: float | None, spec: str = ".2f") -> str:
    return "-" if value is None else format(value, spec)


def print_summary(result: Analysis, out: TextIO) -> None:
    f = result.files
    out.write(f"analysed {f['analysed']} of {f['total']} result files")
    out.write(f"; {len(f['left_out'])} left out\n" if f["left_out"] else "\n")
    if f["rescored_changed"]:
        out.write(f"note: {f['rescored_changed']} responses score differently now than recorded\n")
    for c in result.cases:
        _print_scale(out, f"Case {c['case_id']} v{c['version']}", c["scale"])
        out.write(
            f"  {'item':<20} {'type':<19} {'n':>5} {'p':>5} {'r_ir':>5} {'D':>5} "
            f"{'omit':>5} {'time s':>6}  flags\n"
        )
        for it in c["items"]:
            out.write(
                f"  {it['question_id']:<20} {it['type']:<19} {it['n_reached']:>5} "
                f"{_fmt(it['p']):>5} {_fmt(it['r_item_rest']):>5} {_fmt(it['d_upper_lower']):>5} "
                f"{_fmt(it['omit_rate']):>5} {_fmt(it['median_time_s'], '.0f'):>6}  "
                f"{', '.join(it['flags'])}\n"
            )
    for e in result.exams:
        _print_scale(out, f"Exam {e['name']} ({', '.join(e['case_ids'])})", e["scale"])
        strat = e["scale"]["reliability"].get("stratified_alpha")
        if strat is not None:
            out.write(f"  stratified alpha over its cases {strat:.2f}\n")
        if e["n_incomplete"]:
            out.write(
                f"  {e['n_incomplete']} candidate(s) without a result of every case, left out\n"
            )
    out.write(f"\n{len(result.flags)} flag(s)\n")
    for flag in result.flags:
        out.write(f"  [{flag.scope}] {flag.where}: {flag.code}: {flag.message}\n")


def _print_scale(out: TextIO, title: str, scale: dict[str, Any]) -> None:
    d, rel = scale["fraction"], scale["reliability"]
    out.write(
        f"\n{title}: n {scale['n']}, mean {_fmt(d['mean'], '.1%')}, SD {_fmt(d['sd'], '.1%')}"
    )
    if "pass_rate" in scale:
        out.write(f", pass rate {_fmt(scale['pass_rate'], '.1%')} at {scale['pass_mark']:.0%}")
    out.write("\n")
    if rel.get("n"):
        lo, hi = rel["alpha_ci95"]
        out.write(
            f"  {rel['coefficient']} {_fmt(rel['alpha'])} (95 % CI {_fmt(lo)} to {_fmt(hi)}), "
            f"SEM {_fmt(rel['sem_points'])} of {rel['max_points']:g} points, on the largest form "
            f"(n {rel['n']}, {rel['k']} items)"
        )
        extra = len(scale["forms"]) - 1
        out.write(f"; {extra} other branch form(s)\n" if extra else "\n")


def _write(result: Analysis, outcomes: Sequence[FileOutcome], args: argparse.Namespace) -> None:
    from pocus_player.board import tables

    data = result.to_json()
    if args.json_out is not None:
        _write_text(args.json_out, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    rows = [r for o in outcomes if o.ok for r in o.rows]
    if args.parquet is not None:
        tables.write_parquet(rows, args.parquet)
    if args.out is not None:
        try:
            args.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BadInput(f"cannot create {args.out}: {exc.strerror}") from None
        _write_text(args.out / "stats.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        tables.write_tables(data, args.out)
        tables.write_parquet(rows, args.out / "rows.parquet")
        from pocus_player.board import report

        _write_text(args.out / "report.html", report.render(data, "Item analysis", args.cuts))
        print(
            f"wrote {args.out}/: report.html, stats.json, CSV tables, rows.parquet",
            file=sys.stderr,
        )


def _angoff_cuts(paths: Sequence[Path]) -> dict[str, float]:
    cuts: dict[str, float] = {}
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            cuts[str(data["case_id"])] = float(data["recommended"]["cut"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise BadInput(f"{path}: not the JSON of `results angoff --json` ({exc})") from None
    return cuts


def _write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"cannot write {path}: {exc.strerror}") from None


# ------------------------------------------------------------------- angoff


def add_angoff_parser(sub: Any, command: Callable[[argparse.Namespace], int]) -> None:
    p = sub.add_parser(
        "angoff",
        help="modified Angoff standard setting: the cut, its precision and its impact",
        description="Turn judges' item ratings (CSV) into a recommended cut score with the "
        "judges' SD, SE, a 95 %% interval and rater agreement (ICC); with result files, the "
        "pass rate that cut would give. --write-pass-mark sets it in the case script.",
    )
    p.add_argument("--ratings", type=Path, required=True, metavar="RATINGS.csv")
    p.add_argument("--case", type=Path, required=True, metavar="CASE.yaml")
    p.add_argument("files", nargs="*", type=Path, metavar="FILE", help="result files or folders")
    p.add_argument("-i", "--identity", type=Path, help="the board's identity (with FILEs)")
    p.add_argument("--jobs", type=int, default=None)
    p.add_argument("--json", type=Path, dest="json_out", help="write the figures as JSON here")
    p.add_argument(
        "--write-pass-mark",
        action="store_true",
        help="write the recommended cut into the case script's settings.pass_mark",
    )
    p.set_defaults(command=command)


def cmd_angoff(args: argparse.Namespace) -> int:
    from pocus_player.board import angoff
    from pocus_player.board.case_source import ScriptCases, UnknownCase

    cases = ScriptCases([args.case])
    try:
        (case_id,) = cases.case_ids()
        case = cases.case(case_id)
    except UnknownCase as exc:
        raise BadInput(str(exc)) from None
    try:
        rounds = angoff.read_ratings(args.ratings, case)
    except angoff.RatingsError as exc:
        raise BadInput(str(exc)) from None
    report = angoff.summarise(rounds, case)
    rec = report["recommended"]
    status = EXIT_OK
    out = sys.stdout
    _print_rounds(report["rounds"], out)
    out.write(
        f"recommended cut for {case.meta.id}: {rec['cut']:.1%} of the points "
        f"(current pass mark {case.settings.pass_mark:.0%})\n"
    )
    if args.files:
        if args.identity is None:
            raise BadInput("result files need the board's identity: -i KEY")
        report["impact"], complete = _impact(args, cases, case, rec)
        _print_impact(report["impact"], out)
        if not complete:
            status = EXIT_FAILED
    if args.json_out is not None:
        _write_text(args.json_out, json.dumps(report, indent=2) + "\n")
    if args.write_pass_mark:
        percent = rec["cut"] * 100.0
        try:
            old = angoff.write_pass_mark(case.source, percent)
        except (angoff.RatingsError, OSError) as exc:
            raise BadInput(f"cannot update {case.source}: {exc}") from None
        out.write(f"{case.source}: pass_mark {old} -> {round(percent, 1):g}\n")
    return status


def _print_rounds(rounds: Sequence[Mapping[str, Any]], out: TextIO) -> None:
    for r in rounds:
        lo, hi = r["ci95"]
        out.write(
            f"round {r['round']}: {len(r['judges'])} judges, {len(r['items'])} items: cut "
            f"{r['cut']:.1%} (SD {_fmt(r['sd'], '.1%')}, SE {_fmt(r['se'], '.1%')}, 95 % "
            f"interval {_fmt(lo, '.1%')} to {_fmt(hi, '.1%')}); ICC(2,1) "
            f"{_fmt(r['icc_2_1'])}, ICC(2,k) {_fmt(r['icc_2_k'])}\n"
        )


def _impact(
    args: argparse.Namespace, cases: CaseSource, case: Case, rec: Mapping[str, Any]
) -> tuple[dict[str, Any], bool]:
    """The pass rate the recommended cut (and its neighbours) would give on the result files;
    and whether every file was used."""
    import numpy as np

    from pocus_player.board import angoff

    problems: list[str] = []
    paths = expand(args.files, SUFFIX, problems)
    load_identities(args.identity)
    outcomes = _run(paths, argparse.Namespace(quiet=False, identity=args.identity,
                                              jobs=args.jobs), cases)  # fmt: skip
    used = [o for o in outcomes if o.ok and o.case_id == case.meta.id]
    for message in [*problems, *_messages([o for o in outcomes if not o.ok], args.identity,
                                          len(outcomes))]:  # fmt: skip
        print(f"error: {message}", file=sys.stderr)
    fractions = np.array(
        [
            sum(r.points for r in o.rows) / total
            for o in used
            if (total := sum(r.max_points for r in o.rows)) > 0
        ]
    )
    se = rec["se"] or 0.0
    impact = {
        f"{label}": {"cut": cut, "pass_rate": angoff.pass_rate(fractions, cut)}
        for label, cut in (
            ("cut - 2 SE", rec["cut"] - 2 * se),
            ("cut - 1 SE", rec["cut"] - se),
            ("recommended cut", rec["cut"]),
            ("cut + 1 SE", rec["cut"] + se),
            ("cut + 2 SE", rec["cut"] + 2 * se),
            ("current pass mark", case.settings.pass_mark),
        )
    }
    return {"n": int(fractions.size), "at": impact}, len(used) == len(outcomes)


def _print_impact(impact: Mapping[str, Any], out: TextIO) -> None:
    out.write(f"impact on {impact['n']} candidates' results:\n")
    for label, v in impact["at"].items():
        out.write(f"  {label:<18} {v['cut']:6.1%}  pass rate {_fmt(v['pass_rate'], '.1%')}\n")
