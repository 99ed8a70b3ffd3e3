"""The core's exception tree.

    PocusError
    ├── CaseValidationError      a case script is invalid; `.problems` lists every problem
    ├── ResponseError            a response does not fit its question (scoring)
    ├── SessionError             an event the exam session cannot take in its current state
    └── ResultFileError          a result file cannot be read, decrypted or verified

Each problem in a case script is a `Problem` with file, line and column (1-based),
so messages print as `path:line:col: message`, as compilers do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class PocusError(Exception):
    """Root of every error this package raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    line: int  # 1-based; 0 when the problem concerns the file as a whole
    col: int  # 1-based; 0 when unknown
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"
        return f"{self.path}: {self.severity}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "message": self.message,
        }


class CaseValidationError(PocusError):
    """A case script failed to load; `problems` holds all of them, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (str(p.path), p.line, p.col))
        first = self.problems[0] if self.problems else None
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{first}{more}" if first else "invalid case script")


class ResponseError(PocusError):
    """A response is malformed for its question type."""


class SessionError(PocusError):
    """The exam session cannot take this event in its current state."""


class ResultFileError(PocusError):
    """A result file is unreadable, not a result file, or fails verification."""
