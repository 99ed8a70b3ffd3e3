"""The preflight's checks of an exam on files: every case validates, every media file decodes.

`run_checks` adds the seat checks (screen, libvlc and its plugins), the results
folder and the board key (ui/readiness.py, shared with `selftest`). A sealed
package is checked by ui/package_unlock.py instead. No widgets here: Qt only translates
the rows (QCoreApplication.translate) and writes their numbers (QLocale).

"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale

from pocus_player.core.settings_store import ExamDef
from pocus_player.ui.readiness import Check, board_key_check, results_folder_check

if TYPE_CHECKING:
    from pocus_player.core.model import Case, MediaItem


def run_checks(
    exam: ExamDef,
    probe: object,
    results_dir: Path,
    min_free_mb: int,
    board_recipient: Path | None,
) -> tuple[list[Check], list[Case]]:
    """Every check except the tone; returns the checks and the loaded cases."""
    from pocus_player.ui.selftest import preflight_checks

    checks: list[Check] = []
    cases: list[Case] = []
    for path in exam.cases:
        case, case_checks = case_checks_of(path, probe)
        checks.extend(case_checks)
        if case is not None:
            cases.append(case)
    checks.extend(preflight_checks())
    checks.append(results_folder_check(results_dir, min_free_mb))
    checks.append(board_key_check(board_recipient))
    return checks, cases


def case_checks_of(path: Path, probe: object) -> tuple[Case | None, list[Check]]:
    """The case at `path` loaded (None when it fails), its check and one per media file."""
    from pocus_player.core.errors import CaseValidationError
    from pocus_player.core.loader import load_case

    try:
        case = load_case(path, probe)  # type: ignore[arg-type]
    except CaseValidationError as exc:
        first = exc.problems[:3]
        more = len(exc.problems) - len(first)
        # The problems themselves are the core's, in English.
        detail = "; ".join(str(p) for p in first)
        if more:
            detail = QCoreApplication.translate("ExamChecks", "{problems}; and {more} more").format(
                problems=detail, more=more
            )
        return None, [
            Check(
                _case_row(path.name),
                False,
                QCoreApplication.translate("ExamChecks", "fails validation: {problems}").format(
                    problems=detail
                ),
            )
        ]
    except OSError as exc:
        return None, [
            Check(
                _case_row(path.name),
                False,
                QCoreApplication.translate("ExamChecks", "cannot be read ({error})").format(
                    error=exc.strerror
                ),
            )
        ]
    valid = QCoreApplication.translate("ExamChecks", "valid ({title})")
    checks = [Check(_case_row(case.meta.id), True, valid.format(title=case.meta.title))]
    checks.extend(media_check(item, probe) for item in case.media)
    return case, checks


def media_check(item: MediaItem, probe: object) -> Check:
    """A media file of a case probes (what it is: size and length, audio or image)."""
    from pocus_player.core.media_info import MediaProbeError

    name = media_row(item.file.name)
    try:
        info = probe.probe(item.file)  # type: ignore[attr-defined]
    except MediaProbeError as exc:
        return Check(name, False, str(exc))
    what = media_kind(
        info if info.has_video and info.width else None, info.has_audio, info.duration_s
    )
    return Check(
        name, True, QCoreApplication.translate("ExamChecks", "decodes ({what})").format(what=what)
    )


def _case_row(case: str) -> str:
    return QCoreApplication.translate("ExamChecks", "Case {case}").format(case=case)


def media_row(file_name: str) -> str:
    """The name of a media file's row: "Media echo.mp4"."""
    return QCoreApplication.translate("ExamChecks", "Media {file}").format(file=file_name)


def media_kind(video: Any, has_audio: bool, duration_s: float | None) -> str:
    """What a media file is, as a check row says it: "1280x720, 12.5 s", "audio", "image"."""
    if video is not None:
        what = f"{video.width}x{video.height}"
    elif has_audio:
        what = QCoreApplication.translate("ExamChecks", "audio")
    else:
        what = QCoreApplication.translate("ExamChecks", "image")
    if duration_s:
        seconds = QLocale().toString(float(duration_s), "f", 1)
        what = QCoreApplication.translate("ExamChecks", "{what}, {seconds} s").format(
            what=what, seconds=seconds
        )
    return what
