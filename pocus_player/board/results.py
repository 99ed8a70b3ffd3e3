"""The board's `results` tool: keygen, open, verify, rescore, export and analyse result files.

Wire it into a larger CLI with `add_subparser(subparsers)`; the parsed namespace
carries its handler as `args.results_handler(args) -> int`. On its own:
`python -m pocus_player.board <command> ...`.

Exit codes: 0 every file intact and submitted (and, for rescore, no score
changed); 1 bad input (missing file, wrong key, not a result file...); 2 a
file failed verification or a score differs.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn, TextIO

import pyrage

from pocus_player.board import options
from pocus_player.board.errors import BadInput
from pocus_player.core.errors import PocusError, ResultFileError
from pocus_player.core.journal_format import (
    SUFFIX,
    Record,
    Verification,
    first_record_payload,
    load_identities,
    verify_file,
)
from pocus_player.core.resume import parse_journal_name

EXIT_OK, EXIT_BAD_INPUT, EXIT_FAILED = 0, 1, 2

# Fields of a "response" record's payload, as the engine writes them.
QUESTION_FIELDS = ("question_id", "question")
RESPONSE_FIELD = "response"
SCORE_FIELD = "score"


# ----------------------------------------------------------------- parser


def add_subparser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add `results` (with its own subcommands) to an argparse subparsers object.

    The handler is set as `results_handler`: call `args.results_handler(args)` for the exit code.
    """
    parser = subparsers.add_parser(
        "results",
        help="open, verify, rescore and export result files (board side)",
        description="Board-side tools for .pocusresult files.",
    )
    _fill(parser)
    parser.set_defaults(results_handler=run)
    return parser


class _Parser(argparse.ArgumentParser):
    """Usage errors are bad input too: exit 1 (argparse's 2 means "failed" here)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"error: {message}\n")


def build_parser(prog: str = "python -m pocus_player.board") -> argparse.ArgumentParser:
    parser = _Parser(prog=prog, description="Board-side tools for result files.")
    _fill(parser)
    return parser


def _fill(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="results_command", metavar="COMMAND", required=True)

    p = sub.add_parser("keygen", help="create a board identity (.key) and its recipient (.pub)")
    p.add_argument("key", type=Path, help="identity file to write, e.g. board.key")
    p.add_argument("--pub", type=Path, help="recipient file (default: KEY with suffix .pub)")
    p.set_defaults(command=cmd_keygen)

    def with_files(
        p: argparse.ArgumentParser, many: str = "result files", json_flag: bool = True
    ) -> None:
        p.add_argument("files", nargs="+", type=Path, metavar="FILE", help=many)
        options.add_identity(p)
        if json_flag:
            p.add_argument("--json", action="store_true", help="machine-readable output")

    p = sub.add_parser("verify", help="check the hash chain: gaps, tears, swaps, substitutions")
    with_files(p)
    p.set_defaults(command=cmd_verify)

    p = sub.add_parser("open", help="decrypt and print the records (and verify)")
    with_files(p)
    p.set_defaults(command=cmd_open)

    p = sub.add_parser("rescore", help="rescore every response with this version's engine")
    with_files(p)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--case", type=Path, help="the case script the files used")
    options.add_package(source)
    p.set_defaults(command=cmd_rescore)

    p = sub.add_parser("export", help="one row per response, CSV and/or JSON, over many files")
    with_files(p, "result files, or folders holding them", json_flag=False)
    p.add_argument(
        "--csv", type=Path, dest="csv_out", help="write CSV here ('-': stdout, the default)"
    )
    p.add_argument("--json", type=Path, dest="json_out", help="write JSON here")
    p.set_defaults(command=cmd_export)

    from pocus_player.board import stats_cli

    stats_cli.add_parser(sub, stats_cli.cmd_stats)
    stats_cli.add_angoff_parser(sub, stats_cli.cmd_angoff)


def run(args: argparse.Namespace) -> int:
    """Run a parsed `results` command; print errors as one line; return the exit code."""
    command: Callable[[argparse.Namespace], int] = args.command
    try:
        return command(args)
    except (BadInput, PocusError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run(args)


# --------------------------------------------------------------- commands


def cmd_keygen(args: argparse.Namespace) -> int:
    key: Path = args.key
    pub: Path = args.pub or key.with_suffix(".pub")
    for path in (key, pub):
        if path.exists():
            raise BadInput(f"{path} already exists; refusing to overwrite a key")
    identity = pyrage.x25519.Identity.generate()
    recipient = str(identity.to_public())
    created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii", newline="\n") as fh:
            fh.write(f"# created: {created}\n# public key: {recipient}\n{identity}\n")
        pub.write_text(f"{recipient}\n", encoding="ascii", newline="\n")
    except OSError as exc:
        raise BadInput(f"cannot write the key files: {exc.strerror}: {exc.filename}") from None
    print(f"identity written to {key} (keep it offline; it opens every result)")
    print(f"recipient written to {pub}: {recipient}")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    identities = load_identities(args.identity)
    paths = _plain_files(args.files)
    results = [verify_file(p, identities) for p in paths]
    if args.json:
        print(json.dumps([v.to_json() for v in results], indent=2))
    else:
        for v in results:
            _print_verification(v, sys.stdout)
    return EXIT_OK if all(v.ok for v in results) else EXIT_FAILED


def cmd_open(args: argparse.Namespace) -> int:
    identities = load_identities(args.identity)
    paths = _plain_files(args.files)
    status = EXIT_OK
    for path in paths:
        v = verify_file(path, identities)
        if args.json:
            out = {**v.to_json(), "records": [r.raw for r in v.records]}
            print(json.dumps(out, indent=2, ensure_ascii=False))
        else:
            print(f"== {path}")
            for rec in v.records:
                body = json.dumps(rec.payload, ensure_ascii=False, sort_keys=True)
                print(f"{rec.seq:5d}  {rec.wall}  {rec.type:<13} {body}")
            _print_verification(v, sys.stdout)
        if not v.ok:
            status = EXIT_FAILED
    return status


def cmd_rescore(args: argparse.Namespace) -> int:
    identities = load_identities(args.identity)
    paths = _plain_files(args.files)
    try:
        from pocus_player.core import scoring
        from pocus_player.core.loader import load_case
    except ImportError as exc:
        raise BadInput(f"the scoring engine is not available: {exc}") from None
    by_id = _rescore_cases(args, identities, load_case)
    status = EXIT_OK
    report: list[dict[str, Any]] = []
    notes: list[str] = []
    for path in paths:
        v = verify_file(path, identities)
        if not v.ok:
            status = EXIT_FAILED
            notes.append(f"{path}: failed verification (run `verify` for details)")
        report.extend(_rescore_file(path, v, by_id, scoring, notes))
    if any(row["status"] not in ("same", "filled") for row in report):
        status = EXIT_FAILED
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print_rescore(report)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    return status


def _rescore_cases(
    args: argparse.Namespace, identities: Sequence[Any], load_case: Callable[[Path], Any]
) -> dict[str, tuple[Any, str]]:
    """{case id: (case, SHA-256 of its script)} from --package or --case."""
    if args.package is not None:
        from pocus_player.board.case_source import package_cases

        return package_cases(args.package, identities)
    case = load_case(args.case)
    return {case.meta.id: (case, hashlib.sha256(case.source.read_bytes()).hexdigest())}


def _rescore_file(
    path: Path,
    v: Verification,
    by_id: Mapping[str, tuple[Any, str]],
    scoring: Any,
    notes: list[str],
) -> list[dict[str, Any]]:
    """One row per response of a verified file, rescored with the case it was sat on."""
    start = first_record_payload(v.records, "start")
    sat = start.get("case_id")
    if sat is None and len(by_id) == 1:
        sat = next(iter(by_id))
    if sat not in by_id:
        names = ", ".join(repr(k) for k in by_id)
        raise BadInput(f"{path} is a result of case {sat!r}, not {names}")
    case, script_sha = by_id[str(sat)]
    if start.get("case_sha256") not in (None, script_sha):
        notes.append(
            f"{path}: recorded with case version {start.get('case_version')!r}; "
            f"the script given differs ({case.meta.version!r})"
        )
    later = _superseded(v.records)
    rows = []
    for rec in _responses(v.records):
        row = _rescore_one(case, scoring, rec)
        row["file"] = str(path)
        row["superseded"] = rec.seq in later
        rows.append(row)
    return rows


def _print_rescore(report: Sequence[Mapping[str, Any]]) -> None:
    for row in report:
        line = f"{row['file']}  seq {row['seq']:<4} {row['question_id']:<16} {row['status']}"
        if row["superseded"]:
            line += "  (superseded by a later response)"
        if row["status"] == "changed":
            line += f"  recorded {row['recorded_points']} -> now {row['points']}"
        elif row["status"] == "filled":
            line += f"  pending -> {row['points']}"
        elif row["status"] == "error":
            line += f"  {row['error']}"
        print(line)
    changed = sum(1 for r in report if r["status"] not in ("same", "filled"))
    filled = sum(1 for r in report if r["status"] == "filled")
    print(
        f"{len(report)} responses rescored, {changed} differ"
        + (f", {filled} pending scores filled in" if filled else "")
    )


def _rescore_one(case: Any, scoring: Any, rec: Record) -> dict[str, Any]:
    qid = _question_id(rec.payload)
    recorded = rec.payload.get(SCORE_FIELD)
    row: dict[str, Any] = {"seq": rec.seq, "question_id": qid, "recorded_points": None}
    if isinstance(recorded, Mapping):
        row["recorded_points"] = recorded.get("points")
    try:
        question = case.question_by_id(qid)
    except KeyError:
        return {**row, "status": "error", "error": f"question {qid!r} is not in this case"}
    calibration = None
    if question.image is not None:
        try:
            calibration = case.media_by_id(question.image.media).calibration
        except KeyError:
            calibration = None
    try:
        now = scoring.score(question, rec.payload.get(RESPONSE_FIELD) or {}, calibration)
    except PocusError as exc:
        return {**row, "status": "error", "error": str(exc)}
    fresh = now.to_json()
    pending = isinstance(recorded, Mapping) and bool(recorded.get("pending"))
    same = isinstance(recorded, Mapping) and _same_score(recorded, fresh)
    return {
        **row,
        "points": fresh["points"],
        "status": "filled" if pending else ("same" if same else "changed"),
        "recorded": recorded,
        "rescored": fresh,
    }


def _same_score(recorded: Mapping[str, Any], fresh: Mapping[str, Any]) -> bool:
    keys = ("points", "max_points", "rule", "correct")
    return all(recorded.get(k) == fresh.get(k) for k in keys)


def cmd_export(args: argparse.Namespace) -> int:
    identities = load_identities(args.identity)
    paths = _expand(args.files)
    rows: list[dict[str, Any]] = []
    failures: list[str] = []
    unverified = 0
    from tqdm import tqdm

    # tqdm draws in place on a terminal and stays silent otherwise (disable=None).
    for path in tqdm(paths, desc="export", unit="file", file=sys.stderr, disable=None):
        try:
            v = verify_file(path, identities)
        except ResultFileError as exc:
            failures.append(str(exc))
        else:
            if not v.ok:
                unverified += 1
            rows.extend(_rows(path, v))
    _write_outputs(rows, args.csv_out, args.json_out)
    print(
        f"exported {len(rows)} responses from {len(paths) - len(failures)} files"
        + (f"; {unverified} failed verification (see the 'verified' column)" if unverified else ""),
        file=sys.stderr,
    )
    for message in failures:
        print(f"error: {message}", file=sys.stderr)
    if failures:
        return EXIT_BAD_INPUT
    return EXIT_FAILED if unverified else EXIT_OK


# ---------------------------------------------------------------- helpers


def _plain_files(paths: Sequence[Path]) -> list[Path]:
    for p in paths:
        if p.is_dir():
            raise BadInput(f"{p} is a directory; give result files (export accepts folders)")
        if not p.exists():
            raise BadInput(f"no such file: {p}")
    return list(paths)


def _expand(paths: Sequence[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(p.glob(f"*{SUFFIX}"))
            if not found:
                raise BadInput(f"{p} holds no {SUFFIX} files")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise BadInput(f"no such file: {p}")
    return out


def _print_verification(v: Verification, out: TextIO) -> None:
    verdict = "OK" if v.ok else ("NOT SUBMITTED" if v.intact else "FAILED")
    out.write(f"{v.path}: {verdict}  session {v.session}, {len(v.records)} records")
    out.write(f", receipt {v.receipt}\n" if v.receipt else "\n")
    for issue in v.issues:
        out.write(f"  {issue.severity}: {issue.code}: {issue.message}\n")


def _question_id(payload: Mapping[str, Any]) -> str:
    for name in QUESTION_FIELDS:
        if name in payload:
            return str(payload[name])
    return ""


def _responses(records: Sequence[Record]) -> Iterator[Record]:
    return (r for r in records if r.type == "response")


def _superseded(records: Sequence[Record]) -> set[int]:
    """Seqs of responses followed by another one to the same question (the last one counts)."""
    last: dict[str, int] = {}
    for r in _responses(records):
        last[_question_id(r.payload)] = r.seq
    return {r.seq for r in _responses(records) if last[_question_id(r.payload)] != r.seq}


_BASE_COLUMNS = (
    "file",
    "session",
    "verified",
    "receipt",
    "case_id",
    "candidate_id",
    "seq",
    "wall",
    "question_id",
    "points",
    "max_points",
    "correct",
    "superseded",
)


def _rows(path: Path, v: Verification) -> list[dict[str, Any]]:
    start = first_record_payload(v.records, "start")
    named = parse_journal_name(path.name) or {}
    base = {
        "file": path.name,
        "session": v.session,
        "verified": v.ok,
        "receipt": v.receipt or "",
        "case_id": start.get("case_id") or named.get("case", ""),
        "candidate_id": start.get("candidate_id") or named.get("candidate", ""),
    }
    later = _superseded(v.records)
    rows = []
    for r in _responses(v.records):
        score = r.payload.get(SCORE_FIELD)
        score = score if isinstance(score, Mapping) else {}
        rows.append(
            {
                **base,
                "seq": r.seq,
                "wall": r.wall,
                "question_id": _question_id(r.payload),
                "points": score.get("points", ""),
                "max_points": score.get("max_points", ""),
                "correct": score.get("correct", ""),
                "superseded": r.seq in later,
                "payload": r.payload,
            }
        )
    return rows


def _write_outputs(rows: list[dict[str, Any]], csv_out: Path | None, json_out: Path | None) -> None:
    if csv_out is None and json_out is None:
        csv_out = Path("-")
    if json_out is not None:
        _write_text(json_out, json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    if csv_out is not None:
        # Payload fields the base columns already hold (question_id) are not repeated.
        keys = sorted({k for r in rows for k in r["payload"]} - set(_BASE_COLUMNS))
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([*_BASE_COLUMNS, *keys])
        for r in rows:
            cells = [r[c] for c in _BASE_COLUMNS]
            cells += [_cell(r["payload"].get(k)) for k in keys]
            writer.writerow(cells)
        _write_text(csv_out, buf.getvalue())


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _write_text(path: Path, text: str) -> None:
    if str(path) == "-":
        sys.stdout.write(text)
        return
    try:
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise BadInput(f"cannot write {path}: {exc.strerror}") from None
