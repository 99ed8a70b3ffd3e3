"""The preflight's checks of an exam on files: every case validates, every media file decodes.

`run_checks` adds the seat checks (screen, libvlc and its plugins), the results
folder and the board key (ui/readiness.py, shared with `selftest`). A sealed
package is checked by ui/package_unlock.py instead. Nothing here touches Qt.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
        detail = "; ".join(str(p) for p in first) + (f"; and {more} more" if more else "")
        return None, [Check(f"Case {path.name}", False, f"fails validation: {detail}")]
    except OSError as exc:
        return None, [Check(f"Case {path.name}", False, f"cannot be read ({exc.strerror})")]
    checks = [Check(f"Case {case.meta.id}", True, f"valid ({case.meta.title})")]
    checks.extend(media_check(item, probe) for item in case.media)
    return case, checks


def media_check(item: MediaItem, probe: object) -> Check:
    """A media file of a case probes (what it is: size and length, audio or image)."""
    from pocus_player.core.media_info import MediaProbeError

    name = f"Media {item.file.name}"
    try:
        info = probe.probe(item.file)  # type: ignore[attr-defined]
    except MediaProbeError as exc:
        return Check(name, False, str(exc))
    what = (
        f"{info.width}x{info.height}"
        if info.has_video and info.width
        else ("audio" if info.has_audio else "image")
    )
    if info.duration_s:
        what += f", {info.duration_s:.1f} s"
    return Check(name, True, f"decodes ({what})")
