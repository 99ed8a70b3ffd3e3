"""Readiness checks both the start screen's preflight and `selftest` run: one row shape, one wording.

A `Check` is one row of either list (passed, failed, or passed with a note the
proctor should read). The results folder and the board key are checked the same
way in both places, so they are written once here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str
    warning: bool = False  # passes, but the proctor should read it
    facts: dict[str, object] | None = None  # machine-readable details (selftest --json)

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        if d["facts"] is None:
            d.pop("facts")
        return d


def results_folder_check(folder: Path, min_free_mb: int) -> Check:
    """The results folder is writable and has room for the result files."""
    import shutil

    from pocus_player.core.settings_store import check_results_dir

    problems = check_results_dir(folder, min_free_mb)
    if problems:
        return Check(
            QCoreApplication.translate("Readiness", "Results folder"),
            False,
            " ".join(problems),
            facts={"path": str(folder)},
        )
    free = shutil.disk_usage(folder).free // (1024 * 1024)
    return Check(
        QCoreApplication.translate("Readiness", "Results folder"),
        True,
        QCoreApplication.translate(
            "Readiness", "{folder} is writable, {free} MB free (at least {minimum} MB)"
        ).format(folder=folder, free=free, minimum=min_free_mb),
        facts={"path": str(folder), "free_mb": free},
    )


def board_key_check(key: Path | None) -> Check:
    """The board's public key is configured and readable (the demo key passes with a note)."""
    from pocus_player.core.errors import ResultFileError
    from pocus_player.core.journal_format import load_recipient

    if key is None:
        return Check(
            QCoreApplication.translate("Readiness", "Board key"),
            False,
            QCoreApplication.translate("Readiness", "No board key is configured."),
        )
    try:
        load_recipient(key)
    except (ResultFileError, OSError, ValueError) as exc:
        return Check(QCoreApplication.translate("Readiness", "Board key"), False, f"{key}: {exc}")
    demo = "demo-board" in key.name
    if demo:
        detail = QCoreApplication.translate(
            "Readiness", "{key} present (the DEMO key: anyone can read these results)"
        )
    else:
        detail = QCoreApplication.translate("Readiness", "{key} present")
    return Check(
        QCoreApplication.translate("Readiness", "Board key"),
        True,
        detail.format(key=key),
        warning=demo,
    )
