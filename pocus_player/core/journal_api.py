"""The interface through which the exam engine hands records to the result journal.

The engine calls `append` for the session start, every submitted response,
every proctor action and media fault, and the final submit. `append` returns
only once the record is durable (the encrypted journal fsyncs); it raises
`JournalWriteError` when it cannot store it, and the engine must then not tell
the candidate the response was saved.

`resume_state` is the engine's snapshot after this record (next step, path
taken, replay counts, time used): the journal keeps it, encrypted, so a
crashed session can resume at the last submitted checkpoint.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Protocol

RecordKind = Literal["start", "response", "event", "submit"]


class JournalWriteError(Exception):
    """A record could not be made durable (disk full, read-only, lost lock...)."""


class Journal(Protocol):
    def append(
        self,
        kind: RecordKind,
        payload: Mapping[str, Any],
        resume_state: Mapping[str, Any] | None = None,
    ) -> None: ...


class MemoryJournal:
    """Keeps records in a list: for tests and for `simulate` without a result dir."""

    def __init__(self) -> None:
        self.records: list[tuple[RecordKind, dict[str, Any]]] = []
        self.resume_state: dict[str, Any] | None = None

    def append(
        self,
        kind: RecordKind,
        payload: Mapping[str, Any],
        resume_state: Mapping[str, Any] | None = None,
    ) -> None:
        self.records.append((kind, dict(payload)))
        if resume_state is not None:
            self.resume_state = dict(resume_state)
