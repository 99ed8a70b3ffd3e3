"""Seal an exam into one `.pocusexam` file (board or item-writer side).

Every case is loaded with the full validator and its media probed; one error in any
case and nothing is written. Each file the cases use (scripts, captions, stills,
clips) becomes one member encrypted to a fresh per-package X25519 key; the package
key itself sits in the unlock slots; the header is signed by the board.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

import pyrage
import yaml

from pocus_player import __version__
from pocus_player.core import model as m
from pocus_player.core.errors import CaseValidationError, Problem
from pocus_player.core.loader import load_case, read_case_text
from pocus_player.core.media_info import MediaInfo, MediaProbe, MediaProbeError
from pocus_player.core.package import layout as L
from pocus_player.core.package.errors import PackageBuildError
from pocus_player.core.package.signing import SigningKey
from pocus_player.core.package.withhold import split_keys, withhold_refusals

# Probe facts beyond MediaInfo that the player needs without parsing (the media layer
# supplies them: first-frame fingerprints, sample aspect ratio, GIF picture timings).
ExtraFacts = Callable[[Path, MediaInfo], Mapping[str, Any]]


@dataclass(frozen=True, slots=True)
class ExamSpec:
    id: str
    title: str
    version: str
    cases: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class BuildOptions:
    passphrase: str | None = None
    center_recipients: tuple[str, ...] = ()  # age recipients ("age1...")
    signing_key: SigningKey | None = None
    withhold_keys: bool = False
    board_recipient: str | None = None  # needed to withhold keys
    not_before: datetime | None = None
    not_after: datetime | None = None
    builder: str = ""
    now: datetime | None = None  # for tests


@dataclass(slots=True)
class BuildReport:
    path: Path
    exam_id: str
    case_ids: list[str] = field(default_factory=list)
    files: int = 0
    content_bytes: int = 0
    signer: str | None = None
    sha256: str = ""


def load_exam_spec(path: Path) -> ExamSpec:
    """An exam file: `id`, `title`, `version` and `cases` (paths relative to the file)."""

    def fail(message: str) -> PackageBuildError:
        return PackageBuildError(f"{path}: {message}")

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise fail(f"cannot read the exam file: {exc.strerror or exc}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise fail(f"not a readable YAML exam file ({exc})") from None
    if not isinstance(data, dict):
        raise fail("an exam file is a mapping with id, title, version and cases")
    unknown = sorted(set(data) - {"id", "title", "version", "cases"})
    if unknown:
        raise fail(f"unknown key(s) {', '.join(map(repr, unknown))}")
    missing = [k for k in ("id", "title", "version", "cases") if k not in data]
    if missing:
        raise fail(f"missing {', '.join(map(repr, missing))}")
    cases = data["cases"]
    if not isinstance(cases, list) or not cases or not all(isinstance(c, str) for c in cases):
        raise fail("'cases' must be a non-empty list of case script paths")
    return ExamSpec(
        str(data["id"]),
        str(data["title"]),
        str(data["version"]),
        tuple((path.parent / c).resolve() for c in cases),
    )


def _iso(t: datetime | None) -> str | None:
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if t else None


def _case_files(case: m.Case) -> list[tuple[Path, str, m.MediaItem | None]]:
    """(absolute path, role, media item) of every file a case needs, script first."""
    out: list[tuple[Path, str, m.MediaItem | None]] = [(case.source, "case", None)]
    for item in case.media:
        out.append((item.file, "still" if item.is_picture else "media", item))
        if item.captions is not None:
            out.append((item.captions, "captions", None))
    return out


def _refs(script: Path, data: Mapping[str, Any], root: Path) -> dict[str, str]:
    """Each file reference as written in the script -> its path in the package."""
    refs: dict[str, str] = {}
    for item in data.get("media") or ():
        for key in ("file", "captions"):
            rel = item.get(key) if isinstance(item, Mapping) else None
            if isinstance(rel, str):
                refs[rel] = (script.parent / rel).resolve().relative_to(root).as_posix()
    return refs


def build_package(
    spec: ExamSpec,
    out: Path,
    probe: MediaProbe,
    options: BuildOptions,
    extra_facts: ExtraFacts | None = None,
) -> BuildReport:
    """Validate, seal and write the package; raise PackageBuildError (nothing written)."""
    center, board = _unlock_recipients(options)
    cases, cache, root = _load_cases(spec, probe)
    scripts = _package_scripts(cases, root, options)
    identity = pyrage.x25519.Identity.generate()  # the package key: every member is sealed to it
    recipient = identity.to_public()
    report = BuildReport(out, spec.id, [c.meta.id for c in cases])
    files, members = _encrypt_files(
        cases, root, scripts.plain, cache, recipient, extra_facts, report
    )
    manifest = {
        "format": L.FORMAT,
        "format_version": L.FORMAT_VERSION,
        "exam": {"id": spec.id, "title": spec.title, "version": spec.version},
        "cases": scripts.entries,
        "files": files,
        "keys_withheld": bool(options.withhold_keys),
    }
    members[L.MANIFEST] = bytes(pyrage.encrypt(L.canonical_json(manifest), [recipient]))
    slots = _add_unlock_slots(members, str(identity).encode("ascii"), options, center, board)
    if options.withhold_keys:
        assert board is not None
        members[L.BOARD_KEYS] = bytes(pyrage.encrypt(L.canonical_json(scripts.withheld), [board]))
    header_bytes = L.canonical_json(_header(spec, options, scripts.entries, slots, report, members))
    signature = _signature(options, header_bytes, report)
    report.sha256 = _write_zip(out, header_bytes, L.canonical_json(signature), members)
    return report


def _unlock_recipients(
    options: BuildOptions,
) -> tuple[list[pyrage.x25519.Recipient], pyrage.x25519.Recipient | None]:
    """The options make a package someone can open, within a window that exists."""
    if not options.passphrase and not options.center_recipients:
        raise PackageBuildError(
            "give a proctor passphrase or at least one test-center recipient to unlock it with"
        )
    if options.withhold_keys and not options.board_recipient:
        raise PackageBuildError("withholding the keys needs the board's age recipient")
    if options.not_before and options.not_after and options.not_after <= options.not_before:
        raise PackageBuildError("the validity window ends before it begins")
    center: list[pyrage.x25519.Recipient] = []
    for r in options.center_recipients:
        try:
            center.append(pyrage.x25519.Recipient.from_str(r.strip()))
        except pyrage.RecipientError:
            raise PackageBuildError(f"{r!r} is not an age recipient (age1...)") from None
    board = None
    if options.board_recipient:
        try:
            board = pyrage.x25519.Recipient.from_str(options.board_recipient.strip())
        except pyrage.RecipientError:
            raise PackageBuildError("the board recipient is not an age recipient") from None
    return center, board


def _load_cases(
    spec: ExamSpec, probe: MediaProbe
) -> tuple[list[m.Case], dict[Path, MediaInfo | MediaProbeError], Path]:
    """Every case valid and its media probed (the probe cache), and the folder they share."""
    cache: dict[Path, MediaInfo | MediaProbeError] = {}
    cases: list[m.Case] = []
    problems: list[Problem] = []
    for path in spec.cases:
        try:
            cases.append(load_case(path, probe, probe_cache=cache))
        except CaseValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        bad = len({p.path for p in problems})
        raise PackageBuildError(f"{bad} case script(s) have errors; nothing was built", problems)
    ids = [c.meta.id for c in cases]
    if len(set(ids)) != len(ids):
        raise PackageBuildError(f"the exam lists a case twice ({', '.join(ids)})")
    roots = {c.content_root.resolve() for c in cases}
    root = roots.pop() if len(roots) == 1 else Path(os.path.commonpath([str(r) for r in roots]))
    return cases, cache, root


@dataclass(slots=True)
class _Scripts:
    entries: list[dict[str, Any]] = field(default_factory=list)  # the manifest's cases
    plain: dict[str, bytes] = field(default_factory=dict)  # package path -> script as sealed
    withheld: dict[str, Any] = field(default_factory=dict)  # case id -> keys split off


def _package_scripts(cases: list[m.Case], root: Path, options: BuildOptions) -> _Scripts:
    """Each case script as it goes into the package, with its keys split off when withheld."""
    scripts = _Scripts()
    refusals: list[str] = []
    for case in cases:
        text = read_case_text(case.source)
        data = yaml.safe_load(text)
        rel = case.source.relative_to(root).as_posix()
        if options.withhold_keys:
            reasons = withhold_refusals(data)
            refusals += [f"{case.source}: {r}" for r in reasons]
            public, secret = split_keys(data)
            scripts.withheld[case.meta.id] = secret
            scripts.plain[rel] = yaml.safe_dump(public, sort_keys=False, allow_unicode=True).encode(
                "utf-8"
            )
        else:
            scripts.plain[rel] = text.encode("utf-8")
        scripts.entries.append(
            {
                "id": case.meta.id,
                "title": case.meta.title,
                "version": case.meta.version,
                "script": rel,
                "refs": _refs(case.source, data, root),
            }
        )
    if refusals:
        raise PackageBuildError(
            "these cases cannot be sealed with withheld keys:\n  " + "\n  ".join(refusals)
        )
    return scripts


def _encrypt_files(
    cases: list[m.Case],
    root: Path,
    plain: dict[str, bytes],
    cache: dict[Path, MediaInfo | MediaProbeError],
    recipient: pyrage.x25519.Recipient,
    extra_facts: ExtraFacts | None,
    report: BuildReport,
) -> tuple[list[dict[str, Any]], dict[str, bytes]]:
    """Every file the cases use, once each: its manifest entry and its encrypted member."""
    files: list[dict[str, Any]] = []
    seen: set[str] = set()
    members: dict[str, bytes] = {}
    for case in cases:
        for path, role, item in _case_files(case):
            rel = path.resolve().relative_to(root).as_posix()
            if rel in seen:
                continue
            seen.add(rel)
            try:
                data = plain[rel] if role == "case" else path.read_bytes()
            except OSError as exc:
                raise PackageBuildError(f"cannot read {path}: {exc.strerror or exc}") from None
            facts = _media_facts(path, role, cache, extra_facts) if item is not None else None
            name = L.member_name(len(files) + 1)
            members[name] = bytes(pyrage.encrypt(data, [recipient]))
            files.append(
                {
                    "path": rel,
                    "member": name,
                    "role": role,
                    "size": len(data),
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "suffix": PurePosixPath(rel).suffix.lower(),
                    "facts": facts,
                }
            )
            report.files += 1
            report.content_bytes += len(data)
    return files, members


def _media_facts(
    path: Path,
    role: str,
    cache: dict[Path, MediaInfo | MediaProbeError],
    extra_facts: ExtraFacts | None,
) -> dict[str, Any] | None:
    """What the probe found about a media file, so the player need not probe it again."""
    info = cache.get(path)
    if not isinstance(info, MediaInfo):
        return None
    facts: dict[str, Any] = {
        "duration_s": info.duration_s,
        "frame_rate": info.frame_rate,
        "width": info.width,
        "height": info.height,
        "has_video": info.has_video,
        "has_audio": info.has_audio,
        "frame_count": info.frame_count
        or (round(info.duration_s * info.frame_rate) if info.frame_rate and info.has_video else 0),
        **_timing_facts(info),
    }
    if extra_facts is not None and role == "media":
        facts.update(extra_facts(path, info))
    return facts


def _add_unlock_slots(
    members: dict[str, bytes],
    secret_key: bytes,
    options: BuildOptions,
    center: list[pyrage.x25519.Recipient],
    board: pyrage.x25519.Recipient | None,
) -> list[str]:
    """The package key encrypted once per way of unlocking it; the names of those ways."""
    slots: list[str] = []
    if options.passphrase:
        members[L.PASS_SLOT] = bytes(pyrage.passphrase.encrypt(secret_key, options.passphrase))
        slots.append("passphrase")
    if center:
        members[L.CENTER_SLOT] = bytes(pyrage.encrypt(secret_key, center))
        slots.append("center")
    if board is not None:  # the board can open its own package (to rescore) with its key
        members[L.BOARD_SLOT] = bytes(pyrage.encrypt(secret_key, [board]))
        slots.append("board")
    return slots


def _header(
    spec: ExamSpec,
    options: BuildOptions,
    case_entries: list[dict[str, Any]],
    slots: list[str],
    report: BuildReport,
    members: dict[str, bytes],
) -> dict[str, Any]:
    """The signed, readable-without-a-key part: what the exam is, when, and each member's hash."""
    now = options.now or datetime.now(UTC)
    return {
        "format": L.FORMAT,
        "format_version": L.FORMAT_VERSION,
        "exam": {
            "id": spec.id,
            "title": spec.title,
            "version": spec.version,
            "cases": [{k: e[k] for k in ("id", "title", "version")} for e in case_entries],
        },
        "built_at": _iso(now),
        "builder": options.builder or f"pocus-player {__version__}",
        "not_before": _iso(options.not_before),
        "not_after": _iso(options.not_after),
        "slots": slots,
        "keys_withheld": bool(options.withhold_keys),
        "content": {"files": report.files, "bytes": report.content_bytes},
        "members": {
            name: {"sha256": hashlib.sha256(blob).hexdigest(), "size": len(blob)}
            for name, blob in sorted(members.items())
        },
    }


def _signature(options: BuildOptions, header_bytes: bytes, report: BuildReport) -> dict[str, Any]:
    """The board's Ed25519 signature over the header, or an unsigned record."""
    if options.signing_key is None:
        return {"algorithm": None, "key_id": None, "signature": None}
    import base64

    sig = options.signing_key.sign(L.signed_message(header_bytes))
    report.signer = options.signing_key.id
    return {
        "algorithm": "ed25519",
        "key_id": options.signing_key.id,
        "signature": base64.b64encode(sig).decode("ascii"),
    }


def _write_zip(out: Path, header: bytes, signature: bytes, members: dict[str, bytes]) -> str:
    """Write beside the target and rename: a half-written package never has the name."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}-", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", zipfile.ZIP_STORED) as zf:
                for name, blob in (
                    (L.HEADER, header),
                    (L.SIGNATURE, signature),
                    *sorted(members.items()),
                ):
                    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_STORED
                    zf.writestr(info, blob)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    h = hashlib.sha256()
    with out.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _timing_facts(info: MediaInfo) -> dict[str, Any]:
    """What frame numbering needs beyond the rate: each picture's time (to the microsecond),
    how frames count (a GIF's ticks), and the size the container declares (which libvlc plays)."""
    return {
        "frame_times": [round(t, 6) for t in info.frame_times] if info.frame_times else None,
        "variable_frame_rate": info.variable_frame_rate,
        "frames_are_ticks": info.frames_are_ticks,
        "container_width": info.container_width,
        "container_height": info.container_height,
    }
