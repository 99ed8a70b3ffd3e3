"""Where the board's cases and keys come from: one small interface, case id -> Case.

The per-file step asks a `CaseSource` for the case a result file names in its start record.
`ScriptCases` serves YAML case scripts; a sealed exam package plugs in as another source
with the same two methods. Sources are pickled into the worker processes of the pool, so
they hold paths, not loaded cases; each process loads a case once, on first use.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from pocus_player.core.errors import CaseValidationError, PocusError
from pocus_player.core.model import Case


class UnknownCase(PocusError):
    """A result names a case this source does not hold."""


class CaseSource(Protocol):
    """Gives the scoring key of each case by id."""

    def case(self, case_id: str) -> Case:
        """The case, or UnknownCase."""
        ...

    def digest(self, case_id: str) -> str | None:
        """SHA-256 of the case as delivered (the start record's `case_sha256`), if known."""
        ...

    def case_ids(self) -> tuple[str, ...]: ...


class ScriptCases:
    """Case scripts (YAML), loaded and validated once per process, indexed by `case.id`."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = tuple(Path(p) for p in paths)
        self._cases: dict[str, Case] | None = None
        self._digests: dict[str, str] = {}

    def __getstate__(self) -> dict[str, object]:
        return {"paths": self.paths}

    def __setstate__(self, state: dict[str, object]) -> None:
        paths = state["paths"]
        assert isinstance(paths, tuple)
        self.paths = paths
        self._cases = None
        self._digests = {}

    def _load(self) -> dict[str, Case]:
        if self._cases is None:
            from pocus_player.core.loader import load_case

            cases: dict[str, Case] = {}
            for path in self.paths:
                try:
                    case = load_case(path)
                except CaseValidationError as exc:
                    first = exc.problems[0] if exc.problems else path
                    raise UnknownCase(f"case script {path} is invalid: {first}") from None
                other = cases.get(case.meta.id)
                if other is not None:
                    raise UnknownCase(
                        f"two case scripts define case {case.meta.id!r}: {other.source} and {path}"
                    )
                cases[case.meta.id] = case
                self._digests[case.meta.id] = hashlib.sha256(path.read_bytes()).hexdigest()
            self._cases = cases
        return self._cases

    def case(self, case_id: str) -> Case:
        try:
            return self._load()[case_id]
        except KeyError:
            raise UnknownCase(f"no case script given for case {case_id!r}") from None

    def digest(self, case_id: str) -> str | None:
        self._load()
        return self._digests.get(case_id)

    def case_ids(self) -> tuple[str, ...]:
        return tuple(self._load())
