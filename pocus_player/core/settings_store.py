"""Where the application keeps its files (platformdirs) and its settings, exam list and progress.

Folders (each can be overridden on the command line):
    config   settings.json, pin.json, exam progress (a certificate's cases so far)
    results  the encrypted result journals (and `.resume/` beside them)
    logs     rotating log files

`SettingsStore.load()` never raises for a missing or damaged settings file: it
returns the defaults with a plain message for the proctor, and moves a damaged
file aside so that it can be inspected. Nothing here holds a response or a key.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

from pocus_player import resources

log = logging.getLogger(__name__)

APP_NAME = "pocus-player"
SETTINGS_FORMAT = "pocus-settings/1"
PROGRESS_FORMAT = "pocus-exam-progress/1"
TIME_MULTIPLIERS = (1.0, 1.25, 1.5, 2.0)


@dataclass(frozen=True, slots=True)
class AppDirs:
    config: Path
    results: Path
    logs: Path

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def pin_file(self) -> Path:
        return self.config / "pin.json"

    @property
    def progress_file(self) -> Path:
        return self.config / "exam-progress.json"


def app_dirs(
    config_dir: Path | str | None = None,
    results_dir: Path | str | None = None,
    logs_dir: Path | str | None = None,
) -> AppDirs:
    """The per-user folders, or the ones given. Nothing is created here."""
    config = Path(config_dir) if config_dir else Path(platformdirs.user_config_dir(APP_NAME, False))
    results = (
        Path(results_dir)
        if results_dir
        else Path(platformdirs.user_data_dir(APP_NAME, False)) / "results"
    )
    if logs_dir:
        logs = Path(logs_dir)
    elif config_dir:
        logs = Path(config_dir) / "logs"  # a chosen config folder keeps everything together
    else:
        logs = Path(platformdirs.user_log_dir(APP_NAME, False))
    return AppDirs(config=config, results=results, logs=logs)


@dataclass(frozen=True, slots=True)
class ExamDef:
    """An exam a proctor can pick: one case, or an ordered list making up a certificate."""

    id: str
    title: str
    cases: tuple[Path, ...]
    package: Path | None = None  # a sealed .pocusexam: its cases appear once it is unlocked

    @property
    def is_certificate(self) -> bool:
        return len(self.cases) > 1

    def to_json(self) -> dict[str, Any]:
        if self.package is not None:
            return {"id": self.id, "title": self.title, "package": str(self.package)}
        return {"id": self.id, "title": self.title, "cases": [str(p) for p in self.cases]}


def package_exam(path: Path) -> ExamDef:
    """A sealed package offered by its file (its title is read once it is unlocked)."""
    return ExamDef(f"package-{path.stem}", f"Exam package: {path.name}", (), path)


@dataclass(frozen=True, slots=True)
class AppSettings:
    board_recipient: Path | None = None  # the board's age recipient file (.pub)
    results_dir: Path | None = None  # None: the per-user results folder
    min_free_mb: int = 100
    kiosk: bool = True  # full screen in exam mode
    exams: tuple[ExamDef, ...] = ()  # shown after the built-in demo exams
    default_time_multiplier: float = 1.0
    # Sealed packages: the board's Ed25519 signing key (trusted signer) and this center's
    # age identity (unlocks packages built for the center without a passphrase).
    board_signing_key: Path | None = None
    center_identity: Path | None = None
    locale: str = ""  # the interface language ("es"); "": the system's

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SETTINGS_FORMAT,
            "board_recipient": str(self.board_recipient) if self.board_recipient else None,
            "results_dir": str(self.results_dir) if self.results_dir else None,
            "min_free_mb": self.min_free_mb,
            "kiosk": self.kiosk,
            "default_time_multiplier": self.default_time_multiplier,
            "board_signing_key": str(self.board_signing_key) if self.board_signing_key else None,
            "center_identity": str(self.center_identity) if self.center_identity else None,
            "locale": self.locale,
            "exams": [e.to_json() for e in self.exams],
        }


@dataclass(frozen=True, slots=True)
class LoadedSettings:
    settings: AppSettings
    problems: tuple[str, ...] = ()  # plain messages for the proctor
    created: bool = False  # no settings file existed; defaults were written


def default_settings() -> AppSettings:
    return AppSettings(
        board_recipient=resources.demo_board_recipient(),
        board_signing_key=resources.demo_signing_public(),
    )


def demo_exams() -> tuple[ExamDef, ...]:
    """Each demo case alone, then all of them as a certificate."""
    cases = resources.demo_cases()
    exams = [ExamDef(f"demo-{p.stem}", f"Demo case: {_case_title(p)}", (p,)) for p in cases]
    if len(cases) > 1:
        exams.append(
            ExamDef("demo-certificate", f"Demo certificate ({len(cases)} cases)", tuple(cases))
        )
    return tuple(exams)


def _case_title(path: Path) -> str:
    """The case title from the script, read cheaply (a full load probes media)."""
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith("title:"):
                return stripped[len("title:") :].strip().strip("\"'")
    except OSError:
        pass
    return path.stem


def _parse(data: Any, base: Path) -> tuple[AppSettings, list[str]]:
    """Settings from a settings file's JSON; a bad entry gets its default and a problem line."""
    problems: list[str] = []
    if not isinstance(data, dict) or data.get("format") != SETTINGS_FORMAT:
        raise ValueError("not a settings file of this application")
    defaults = default_settings()

    def path_of(key: str) -> Path | None:
        return _path_setting(data, key, base, getattr(defaults, key), problems)

    board = path_of("board_recipient")
    results = path_of("results_dir")
    # absent: the default (the demo key); present and empty: no trusted signer
    signing = (
        path_of("board_signing_key") if "board_signing_key" in data else defaults.board_signing_key
    )
    center = path_of("center_identity")
    min_free = data.get("min_free_mb", defaults.min_free_mb)
    if not isinstance(min_free, int) or isinstance(min_free, bool) or min_free < 0:
        problems.append("Setting 'min_free_mb' must be a whole number; 100 is used.")
        min_free = defaults.min_free_mb
    kiosk = data.get("kiosk", True)
    if not isinstance(kiosk, bool):
        problems.append("Setting 'kiosk' must be true or false; true is used.")
        kiosk = True
    mult = data.get("default_time_multiplier", 1.0)
    if mult not in TIME_MULTIPLIERS:
        problems.append("Setting 'default_time_multiplier' must be 1.0, 1.25, 1.5 or 2.0.")
        mult = 1.0
    locale = data.get("locale") or ""
    if not isinstance(locale, str):
        problems.append(
            "Setting 'locale' must be a language code such as 'es'; the system's is used."
        )
        locale = ""
    exams = _exams(data.get("exams") or [], base, problems)
    return (
        AppSettings(
            board_recipient=board,
            results_dir=results,
            min_free_mb=min_free,
            kiosk=kiosk,
            exams=tuple(exams),
            default_time_multiplier=float(mult),
            board_signing_key=signing,
            center_identity=center,
            locale=locale,
        ),
        problems,
    )


def _path_setting(
    data: dict[str, Any], key: str, base: Path, default: Path | None, problems: list[str]
) -> Path | None:
    """A path setting, relative to the settings file's folder; None when absent or empty."""
    value = data.get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        problems.append(f"Setting {key!r} must be a path; the default is used.")
        return default
    p = Path(value).expanduser()
    return p if p.is_absolute() else base / p


def _exams(raw_exams: Any, base: Path, problems: list[str]) -> list[ExamDef]:
    """The exams offered: a package each, or a list of case scripts; incomplete ones skipped."""
    exams: list[ExamDef] = []
    for i, raw in enumerate(raw_exams):
        if isinstance(raw, dict) and isinstance(raw.get("package"), str):
            pkg = Path(raw["package"]).expanduser()
            pkg = pkg if pkg.is_absolute() else base / pkg
            title = str(raw.get("title") or f"Exam package: {pkg.name}")
            exams.append(ExamDef(str(raw.get("id") or f"package-{pkg.stem}"), title, (), pkg))
            continue
        try:
            cases = tuple(
                (Path(c).expanduser() if Path(c).is_absolute() else base / c) for c in raw["cases"]
            )
            if not cases:
                raise ValueError
            exams.append(ExamDef(str(raw["id"]), str(raw.get("title") or raw["id"]), cases))
        except (KeyError, TypeError, ValueError):
            problems.append(f"Exam {i + 1} in the settings file is incomplete and is not offered.")
    return exams


def write_json_atomic(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class SettingsStore:
    """Reads and writes `settings.json` in the config folder."""

    def __init__(self, dirs: AppDirs) -> None:
        self.dirs = dirs

    @property
    def path(self) -> Path:
        return self.dirs.settings_file

    def load(self) -> LoadedSettings:
        path = self.path
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            settings = default_settings()
            try:
                self.save(settings)
            except OSError as exc:
                return LoadedSettings(
                    settings,
                    (f"The settings cannot be saved in {path.parent} ({exc.strerror}).",),
                )
            log.info("settings file created with defaults")
            return LoadedSettings(settings, (), created=True)
        except OSError as exc:
            return LoadedSettings(
                default_settings(),
                (
                    f"The settings file {path} cannot be read ({exc.strerror}); defaults are in use.",
                ),
            )
        try:
            settings, problems = _parse(json.loads(raw), path.parent)
        except (ValueError, UnicodeDecodeError):
            aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%dT%H%M%S')}")
            try:
                path.replace(aside)
                where = f"It was moved to {aside.name}"
            except OSError:
                where = "It could not be moved aside"
            log.warning("settings file damaged; defaults in use")
            settings = default_settings()
            with contextlib.suppress(OSError):
                self.save(settings)
            return LoadedSettings(
                settings,
                (f"The settings file was damaged. {where}; default settings are in use.",),
            )
        return LoadedSettings(settings, tuple(problems))

    def save(self, settings: AppSettings) -> None:
        write_json_atomic(self.path, settings.to_json())


def results_dir_for(dirs: AppDirs, settings: AppSettings, override: Path | None = None) -> Path:
    if override is not None:
        return override
    return settings.results_dir or dirs.results


def check_results_dir(path: Path, min_free_mb: int) -> list[str]:
    """Plain problems with the results folder: not creatable, not writable, too little space."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return [f"The results folder {path} cannot be created ({exc.strerror})."]
    problems: list[str] = []
    try:
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=path)
        try:
            os.write(fd, b"x" * 4096)
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        problems.append(f"The results folder {path} is not writable ({exc.strerror}).")
    try:
        free_mb = shutil.disk_usage(path).free // (1024 * 1024)
        if free_mb < min_free_mb:
            problems.append(
                f"The results folder has {free_mb} MB free; at least {min_free_mb} MB is needed."
            )
    except OSError as exc:
        problems.append(f"The free space of {path} cannot be read ({exc.strerror}).")
    return problems


# -- exam progress: which cases of a certificate are done (no responses, no scores) --------


@dataclass(frozen=True, slots=True)
class ExamProgress:
    exam_id: str
    exam_title: str
    cases: tuple[Path, ...]
    candidate_id: str
    candidate_name: str
    time_multiplier: float
    captions_always: bool
    large_text: bool
    practice: bool
    receipts: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (case id, receipt)

    @property
    def next_index(self) -> int:
        return len(self.receipts)

    def with_receipt(self, case_id: str, receipt: str) -> ExamProgress:
        return replace(self, receipts=(*self.receipts, (case_id, receipt)))

    def to_json(self) -> dict[str, Any]:
        return {
            "format": PROGRESS_FORMAT,
            "exam_id": self.exam_id,
            "exam_title": self.exam_title,
            "cases": [str(p) for p in self.cases],
            "candidate_id": self.candidate_id,
            "candidate_name": self.candidate_name,
            "time_multiplier": self.time_multiplier,
            "captions_always": self.captions_always,
            "large_text": self.large_text,
            "practice": self.practice,
            "receipts": [list(r) for r in self.receipts],
        }

    @classmethod
    def from_json(cls, data: Any) -> ExamProgress:
        if not isinstance(data, dict) or data.get("format") != PROGRESS_FORMAT:
            raise ValueError("not an exam progress file")
        return cls(
            exam_id=str(data["exam_id"]),
            exam_title=str(data["exam_title"]),
            cases=tuple(Path(p) for p in data["cases"]),
            candidate_id=str(data["candidate_id"]),
            candidate_name=str(data["candidate_name"]),
            time_multiplier=float(data["time_multiplier"]),
            captions_always=bool(data["captions_always"]),
            large_text=bool(data["large_text"]),
            practice=bool(data["practice"]),
            receipts=tuple((str(a), str(b)) for a, b in data["receipts"]),
        )


class ProgressStore:
    """The exam in progress on this machine (so a certificate goes on after a restart)."""

    def __init__(self, dirs: AppDirs) -> None:
        self.path = dirs.progress_file

    def load(self) -> ExamProgress | None:
        try:
            return ExamProgress.from_json(json.loads(self.path.read_bytes()))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("exam progress file unreadable; ignored")
            return None

    def save(self, progress: ExamProgress) -> None:
        write_json_atomic(self.path, progress.to_json())

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
