"""A case's result journal and exam session: opened for a new case, or reopened to resume one.

`open_case` creates the encrypted journal and starts the session; `reopen_case`
reopens an unfinished journal (after a crash or a power cut) and restores the
session from its last saved state: both raise `SittingError` with a plain
message for the proctor, and never leave a journal open behind them.
`keep_progress` saves which cases of the exam are done. No Qt here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from pocus_player.core.clock import Clock
from pocus_player.core.errors import PocusError, SessionError
from pocus_player.core.journal import EncryptedJournal
from pocus_player.core.journal_api import JournalWriteError
from pocus_player.core.model import Case
from pocus_player.core.resume import JournalLockedError, UnfinishedSession
from pocus_player.core.session import ExamSession
from pocus_player.core.settings_store import ExamProgress, ProgressStore

log = logging.getLogger(__name__)


class SittingError(PocusError):
    """A case cannot be started or resumed; the message is for the proctor."""


def open_case(
    case: Case,
    progress: ExamProgress,
    *,
    recipient: Path,
    results_dir: Path,
    clock: Callable[[], Clock],
    delivery: dict[str, Any] | None,
) -> tuple[EncryptedJournal, ExamSession]:
    """A new result journal for `case` and its session, started."""
    try:
        journal = EncryptedJournal.create(
            recipient=recipient,
            case_id=case.meta.id,
            candidate_id=progress.candidate_id,
            results_dir=results_dir,
        )
    except (JournalWriteError, PocusError) as exc:
        raise SittingError(
            QCoreApplication.translate(
                "ExamSitting", "The result file cannot be created: {error}"
            ).format(error=exc)
        ) from exc
    session = ExamSession(
        case,
        clock(),
        journal,
        accommodation=progress.time_multiplier,
        candidate={"id": progress.candidate_id, "name": progress.candidate_name},
        delivery=delivery,
    )
    try:
        session.start()
    except (JournalWriteError, SessionError) as exc:
        journal.close()
        raise SittingError(
            QCoreApplication.translate("ExamSitting", "The case cannot start: {error}").format(
                error=exc
            )
        ) from exc
    return journal, session


def reopen_case(
    case: Case,
    unfinished: UnfinishedSession,
    *,
    recipient: Path,
    clock: Callable[[], Clock],
    delivery: dict[str, Any] | None,
) -> tuple[EncryptedJournal, ExamSession]:
    """The unfinished journal reopened and its session restored at the last saved checkpoint."""
    try:
        journal = EncryptedJournal.resume(unfinished, recipient=recipient)
    except JournalLockedError as exc:
        raise SittingError(
            QCoreApplication.translate(
                "ExamSitting", "This exam is already open in another window of the app."
            )
        ) from exc
    except (JournalWriteError, PocusError) as exc:
        raise SittingError(
            QCoreApplication.translate(
                "ExamSitting", "The unfinished exam cannot be reopened: {error}"
            ).format(error=exc)
        ) from exc
    state = journal.resume_state
    if state is None:
        journal.close()
        raise SittingError(
            QCoreApplication.translate(
                "ExamSitting", "The unfinished exam holds no saved state to resume from."
            )
        )
    try:
        session = ExamSession.restore(case, state, clock(), journal, delivery=delivery)
    except (SessionError, JournalWriteError) as exc:
        journal.close()
        raise SittingError(
            QCoreApplication.translate(
                "ExamSitting", "The unfinished exam cannot be resumed: {error}"
            ).format(error=exc)
        ) from exc
    return journal, session


def keep_progress(store: ProgressStore | None, progress: ExamProgress, *, done: bool) -> None:
    """Which cases of the exam are done, saved for a resume; cleared once every case is."""
    if store is None:
        return
    if done:
        store.clear()
        return
    try:
        store.save(progress)
    except OSError as exc:
        log.warning("exam progress not saved: %s", exc.strerror)
