"""`pocus-player package build / inspect / verify / keygen`: sealed exam packages on the command line.

Exit codes: 0 done (or the package checks out); 1 bad input or a refused build; 2 the
package failed a check (damaged, altered, foreign-signed, outside its window, wrong key).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage

from pocus_player import resources
from pocus_player.core.package import content
from pocus_player.core.media_info import MediaProbe
from pocus_player.core.package.builder import (
    BuildOptions,
    ExamSpec,
    ExtraFacts,
    build_package,
    load_exam_spec,
)
from pocus_player.core.package.errors import PackageBuildError, PackageError
from pocus_player.core.package.reader import SealedPackage, SignatureStatus
from pocus_player.core.package.signing import (
    SigningKey,
    VerifyKey,
    generate_signing_key,
    load_signing_key,
    load_verify_key,
)

EXIT_OK, EXIT_BAD_INPUT, EXIT_FAILED = 0, 1, 2


def add_subparser(sub: Any) -> None:
    parser = sub.add_parser(
        "package",
        help="build, inspect and verify sealed .pocusexam exam packages",
        description="Sealed exam packages: content encrypted, signed by the board.",
    )
    psub = parser.add_subparsers(dest="package_command", metavar="COMMAND", required=True)
    _add_build_parser(psub)
    _add_inspect_parser(psub)
    _add_verify_parser(psub)
    _add_keygen_parser(psub)


def _add_build_parser(psub: Any) -> None:
    p = psub.add_parser("build", help="validate an exam and seal it into one .pocusexam file")
    p.add_argument("cases", nargs="*", type=Path, help="case scripts (or give --exam)")
    p.add_argument("--exam", type=Path, help="an exam file: id, title, version, cases")
    p.add_argument("--id", dest="exam_id", help="exam id (with case files; default: first case)")
    p.add_argument("--title", help="exam title (with case files)")
    p.add_argument("--version", dest="exam_version", default="1", help="exam version")
    p.add_argument("-o", "--output", type=Path, required=True, help="the .pocusexam to write")
    _add_passphrase_args(p, "the proctor passphrase slot (asked twice when neither is given)")
    p.add_argument("--no-passphrase", action="store_true", help="no passphrase slot")
    p.add_argument(
        "--center-recipient",
        action="append",
        default=[],
        metavar="AGE1...|FILE",
        help="a test-center age recipient, or a file of them (repeatable)",
    )
    p.add_argument("--sign", type=Path, metavar="KEY", help="the board's Ed25519 signing key")
    p.add_argument(
        "--demo-sign",
        action="store_true",
        help="sign with the published demo key (demos and tests only)",
    )
    p.add_argument(
        "--unsigned",
        action="store_true",
        help="do not sign (such a package plays in practice and preview only)",
    )
    p.add_argument(
        "--withhold-keys",
        action="store_true",
        help="encrypt keys, rationales and scoring rules to the board only",
    )
    p.add_argument(
        "--board-recipient",
        type=Path,
        help="the board's age recipient file: adds a board slot, to rescore with the board key "
        "(default with --withhold-keys: the demo one)",
    )
    p.add_argument("--not-before", help="first valid time, ISO 8601 (UTC if no zone)")
    p.add_argument("--not-after", help="last valid time, ISO 8601 (UTC if no zone)")
    p.add_argument("--builder", default="", help="who built it (default: this program)")
    p.set_defaults(handler=cmd_build)


def _add_inspect_parser(psub: Any) -> None:
    p = psub.add_parser("inspect", help="signature, ids, sizes and validity, without unlocking")
    p.add_argument("package", type=Path)
    _add_trust_arg(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_inspect)


def _add_verify_parser(psub: Any) -> None:
    p = psub.add_parser("verify", help="unlock and check every member's hash")
    p.add_argument("package", type=Path)
    _add_trust_arg(p)
    _add_passphrase_args(p, "the proctor passphrase")
    p.add_argument(
        "--identity",
        type=Path,
        action="append",
        default=[],
        help="a test-center age identity file instead of the passphrase",
    )
    p.set_defaults(handler=cmd_verify)


def _add_keygen_parser(psub: Any) -> None:
    p = psub.add_parser("keygen", help="make an Ed25519 signing pair (KEY and KEY's .pub)")
    p.add_argument("key", type=Path, help="e.g. board.sign.key (board.sign.pub is written too)")
    p.set_defaults(handler=cmd_keygen)


def _add_passphrase_args(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--passphrase-file", type=Path, help=f"read {what} from this file")
    p.add_argument("--passphrase-env", metavar="VAR", help=f"read {what} from this variable")


def _add_trust_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="PUB",
        help="a trusted signing public key (default: the demo board's)",
    )


def read_passphrase(args: argparse.Namespace, *, confirm: bool) -> str | None:
    if getattr(args, "passphrase_env", None):
        value = os.environ.get(args.passphrase_env)
        if not value:
            raise PackageError(f"the variable {args.passphrase_env} is empty or unset")
        return value
    if getattr(args, "passphrase_file", None):
        try:
            path: Path = args.passphrase_file
            value = path.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise PackageError(f"cannot read {args.passphrase_file}: {exc.strerror}") from None
        if not value:
            raise PackageError(f"{args.passphrase_file} is empty")
        return value
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Passphrase again: ") != first:
        raise PackageError("the two passphrases differ")
    return first or None


def trusted_keys(paths: Sequence[Path]) -> list[VerifyKey]:
    return [load_verify_key(p) for p in (paths or [resources.demo_signing_public()])]


def _time(value: str | None, what: str) -> datetime | None:
    if not value:
        return None
    try:
        t = datetime.fromisoformat(value)
    except ValueError:
        raise PackageError(f"{what} {value!r} is not an ISO 8601 time") from None
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def _recipients(values: Sequence[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v.startswith("age1"):
            out.append(v)
            continue
        try:
            lines = Path(v).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise PackageError(f"cannot read recipients file {v}: {exc.strerror}") from None
        out += [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    return out


def _read_recipient(path: Path) -> str:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    found = [ln for ln in lines if ln.startswith("age1")]
    if not found:
        raise PackageError(f"{path} holds no age recipient")
    return found[0]


def cmd_build(args: argparse.Namespace) -> int:
    try:
        spec = _exam_spec(args)
        options = _build_options(args, _signing_key(args))
        probe, extra = _probe_with_facts()
        report = build_package(spec, args.output, probe, options, extra)
    except PackageBuildError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PackageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(
        f"{report.path}: exam {report.exam_id}, {len(report.case_ids)} case(s) "
        f"({', '.join(report.case_ids)}), {report.files} files, {report.content_bytes} bytes, "
        + (f"signed by {report.signer}" if report.signer else "UNSIGNED")
        + (", keys withheld" if options.withhold_keys else "")
    )
    print(f"sha256 {report.sha256}")
    return EXIT_OK


def _exam_spec(args: argparse.Namespace) -> ExamSpec:
    """The exam to seal: from an exam file, or from case scripts with the id and title given."""
    if args.exam and args.cases:
        raise PackageError("give --exam or case files, not both")
    if args.exam:
        return load_exam_spec(args.exam)
    if args.cases:
        return ExamSpec(
            args.exam_id or args.cases[0].stem,
            args.title or args.exam_id or args.cases[0].stem,
            args.exam_version,
            tuple(p.resolve() for p in args.cases),
        )
    raise PackageError("give the cases to seal: --exam EXAM.yaml or case scripts")


def _signing_key(args: argparse.Namespace) -> SigningKey | None:
    """The key chosen by exactly one of --sign, --demo-sign and --unsigned."""
    chosen = sum(bool(x) for x in (args.sign, args.demo_sign, args.unsigned))
    if chosen != 1:
        raise PackageError("choose one of --sign KEY, --demo-sign or --unsigned")
    if args.sign:
        return load_signing_key(args.sign)
    if args.demo_sign:
        return load_signing_key(resources.demo_signing_key())
    return None


def _build_options(args: argparse.Namespace, key: SigningKey | None) -> BuildOptions:
    passphrase = None if args.no_passphrase else read_passphrase(args, confirm=True)
    center = _recipients(args.center_recipient)
    board = None
    if args.withhold_keys or args.board_recipient:
        board = _read_recipient(args.board_recipient or resources.demo_board_recipient())
    return BuildOptions(
        passphrase=passphrase,
        center_recipients=tuple(center),
        signing_key=key,
        withhold_keys=args.withhold_keys,
        board_recipient=board,
        not_before=_time(args.not_before, "--not-before"),
        not_after=_time(args.not_after, "--not-after"),
        builder=args.builder,
    )


def _probe_with_facts() -> tuple[MediaProbe, ExtraFacts | None]:
    """libvlc's probe, and the media layer's extra facts when this build has that layer."""
    from pocus_player.cli import make_probe

    probe = make_probe()
    if probe is None:
        raise PackageError("libvlc is needed to probe the media; nothing was built")
    extra = None
    try:
        from pocus_player.media.package_facts import facts_from

        extra = facts_from(probe)
    except ImportError:  # a build without the media layer: MediaInfo facts only
        pass
    return probe, extra


def cmd_inspect(args: argparse.Namespace) -> int:
    try:
        sealed = SealedPackage.open(args.package)
        trust = trusted_keys(args.trust)
    except PackageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED if args.package.is_file() else EXIT_BAD_INPUT
    status = sealed.signature_status(trust)
    problems = _inspection_problems(sealed, status)
    sha256 = sealed.file_sha256()
    h = sealed.header
    info = {
        "path": str(args.package),
        "sha256": sha256,
        "exam": h.get("exam"),
        "built_at": h.get("built_at"),
        "builder": h.get("builder"),
        "not_before": h.get("not_before"),
        "not_after": h.get("not_after"),
        "slots": list(sealed.slots),
        "keys_withheld": sealed.keys_withheld,
        "content": h.get("content"),
        "signature": {
            "signed": status.signed,
            "key_id": status.key_id,
            "trusted": status.trusted,
            "detail": status.detail,
        },
        "problems": problems,
    }
    if args.json:
        print(json.dumps(info, indent=2))
    else:
        _print_inspection(args.package, sealed, status, sha256, problems)
    return EXIT_FAILED if problems else EXIT_OK


def _inspection_problems(sealed: SealedPackage, status: SignatureStatus) -> list[str]:
    """Every check that can run without unlocking: members, signature, validity window."""
    problems: list[str] = []
    try:
        sealed.check_members()
    except PackageError as exc:
        problems.append(str(exc))
    if not status.trusted:
        problems.append(status.detail)
    try:
        sealed.check_validity()
    except PackageError as exc:
        problems.append(str(exc))
    return problems


def _print_inspection(
    package: Path, sealed: SealedPackage, status: SignatureStatus, sha256: str, problems: list[str]
) -> None:
    h = sealed.header
    exam = h.get("exam") or {}
    print(f"package   {package}")
    print(f"sha256    {sha256}")
    print(f"exam      {exam.get('id')} v{exam.get('version')}: {exam.get('title')}")
    for c in exam.get("cases") or ():
        print(f"  case    {c.get('id')} v{c.get('version')}: {c.get('title')}")
    content_info = h.get("content") or {}
    print(f"content   {content_info.get('files')} files, {content_info.get('bytes')} bytes")
    print(f"built     {h.get('built_at')} by {h.get('builder')}")
    print(
        f"valid     from {h.get('not_before') or '(any time)'} "
        f"to {h.get('not_after') or '(no end)'}"
    )
    print(f"unlock    {', '.join(sealed.slots) or '(no slot)'}")
    print(f"keys      {'withheld (board only)' if sealed.keys_withheld else 'in the package'}")
    print(f"signature {status.detail}")
    for p in problems:
        print(f"problem   {p}")


def cmd_verify(args: argparse.Namespace) -> int:
    try:
        identities = [_load_identity(p) for p in args.identity]
        passphrase = None if identities else read_passphrase(args, confirm=False)
        pkg = content.open_package(
            args.package,
            passphrase=passphrase,
            identities=identities,
            trusted=trusted_keys(args.trust),
            require_signature=False,
        )
        status = pkg.sealed.signature_status(trusted_keys(args.trust))
        entries = pkg.verify()
        content.load_cases(pkg)
    except PackageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    total = sum(e.size for e in entries)
    print(
        f"{args.package}: {len(entries)} files ({total} bytes) decrypt and match the manifest; "
        f"{len(pkg.case_entries)} case(s) load; {status.detail}"
    )
    return EXIT_OK if status.trusted else EXIT_FAILED


def _load_identity(path: Path) -> pyrage.x25519.Identity:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PackageError(f"cannot read {path}: {exc.strerror}") from None
    for ln in lines:
        if ln.strip().startswith("AGE-SECRET-KEY-"):
            try:
                return pyrage.x25519.Identity.from_str(ln.strip())
            except pyrage.IdentityError:
                break
    raise PackageError(f"{path} holds no age identity")


def cmd_keygen(args: argparse.Namespace) -> int:
    try:
        key = generate_signing_key(args.key)
    except FileExistsError:
        print(f"error: {args.key} exists; not overwritten", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"error: cannot write {args.key}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"signing key {args.key} (keep it offline), public key beside it; key id {key.id}")
    return EXIT_OK
