"""Where the board's cases and keys come from: one small interface, case id -> Case.

The per-file step asks a `CaseSource` for the case a result file names in its start record.
`ScriptCases` serves YAML case scripts; `PackageCases` serves the cases of a sealed exam
package, opened with the board's identity and with any withheld keys restored. Sources are
pickled into the worker processes of the pool, so they hold paths, not loaded cases; each
process loads its cases once, on first use.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import pyrage

from pocus_player.board.errors import BadInput
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


class PackageCases:
    """The cases of a sealed exam package (.pocusexam), indexed by `case.id`: opened with the
    board's identity (which also restores keys withheld from the package), once per process."""

    def __init__(self, package: Path, identity: Path) -> None:
        self.package = Path(package)
        self.identity = Path(identity)
        self._cases: dict[str, tuple[Case, str]] | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"package": self.package, "identity": self.identity}

    def __setstate__(self, state: dict[str, object]) -> None:
        package, identity = state["package"], state["identity"]
        assert isinstance(package, Path) and isinstance(identity, Path)
        self.package, self.identity = package, identity
        self._cases = None

    def _load(self) -> dict[str, tuple[Case, str]]:
        if self._cases is None:
            from pocus_player.core.journal_format import load_identities

            try:
                self._cases = package_cases(self.package, load_identities(self.identity))
            except BadInput as exc:
                raise UnknownCase(str(exc)) from None
        return self._cases

    def case(self, case_id: str) -> Case:
        try:
            return self._load()[case_id][0]
        except KeyError:
            raise UnknownCase(f"the package {self.package} holds no case {case_id!r}") from None

    def digest(self, case_id: str) -> str | None:
        entry = self._load().get(case_id)
        return entry[1] if entry is not None else None

    def case_ids(self) -> tuple[str, ...]:
        return tuple(self._load())


def package_cases(
    path: Path, identities: Sequence[pyrage.x25519.Identity]
) -> dict[str, tuple[Case, str]]:
    """The cases of a sealed package, keys restored, opened with the board identity:
    {case id: (case, SHA-256 of the script as sat)}; BadInput when it cannot be opened."""
    try:
        from pocus_player.core.package import content
        from pocus_player.core.package.errors import PackageError
    except ImportError as exc:
        raise BadInput(f"sealed packages are not supported by this build: {exc}") from None
    x25519 = [i for i in identities if isinstance(i, pyrage.x25519.Identity)]
    try:
        pkg = content.open_package(path, identities=x25519, require_signature=False)
        withheld = pkg.withheld_keys(x25519) if pkg.keys_withheld else None
        cases = content.load_cases(pkg, withheld)
    except PackageError as exc:
        raise BadInput(str(exc)) from None
    out: dict[str, tuple[Case, str]] = {}
    for entry, case in zip(pkg.case_entries, cases, strict=True):
        out[case.meta.id] = (case, pkg.files[str(entry["script"])].sha256)
    return out
