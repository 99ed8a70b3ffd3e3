"""Why a sealed exam package cannot be built, opened or trusted.

PocusError
└── PackageError                 one clear message for the proctor or the board
    ├── NotAPackageError         not a .pocusexam file at all, or truncated
    ├── PackageDamagedError      a member is missing, extra, altered or swapped
    ├── SignatureError           unsigned (in exam mode), foreign-signed, or a bad signature
    ├── ValidityError            used before its not-before or after its not-after time
    ├── UnlockError              wrong passphrase, or no key slot opens with the given key
    └── PackageBuildError        the exam cannot be sealed; `.problems` says why
"""

from __future__ import annotations

from pocus_player.core.errors import PocusError, Problem


class PackageError(PocusError):
    """A package problem, with a message meant for a person, not a traceback."""


class NotAPackageError(PackageError):
    pass


class PackageDamagedError(PackageError):
    pass


class SignatureError(PackageError):
    pass


class ValidityError(PackageError):
    pass


class UnlockError(PackageError):
    pass


class PackageBuildError(PackageError):
    """Building refused; every case problem is listed, as `validate` prints them."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        self.problems = list(problems or [])
        super().__init__(message)
