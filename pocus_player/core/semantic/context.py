"""What every part of the semantic check reads and adds to: case data, positions, problems.

The parts run in a fixed order (see `checker.py`); the earlier ones leave here
what the later ones look up: the ids found, the files resolved, the media
probed and where each question is asked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pocus_player.core.errors import Problem
from pocus_player.core.media_info import MediaInfo, MediaProbe, MediaProbeError
from pocus_player.core.yaml_source import JsonPath, Located


@dataclass(slots=True)
class CheckContext:
    """One case being checked; the parts report into `problems` in the order they run."""

    located: Located
    case_path: Path
    case_dir: Path  # resolved: script-relative file paths start here
    content_root: Path  # resolved: no file may lie outside it
    probe: MediaProbe | None
    probe_cache: dict[Path, MediaInfo | MediaProbeError]
    problems: list[Problem] = field(default_factory=list)
    # Filled by the files-and-media part, read by the model builder afterwards.
    resolved: dict[str, Path] = field(default_factory=dict)
    media_info: dict[str, MediaInfo] = field(default_factory=dict)
    # Filled by the ids part: each section's items by id (the first of a duplicated id).
    domains: dict[str, dict[str, Any]] = field(default_factory=dict)
    media: dict[str, dict[str, Any]] = field(default_factory=dict)
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)
    questions: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Filled by the steps part: every place a question id is listed, in script order.
    question_uses: dict[str, list[JsonPath]] = field(default_factory=dict)

    @property
    def data(self) -> dict[str, Any]:
        """The parsed case script, as the schema saw it (possibly malformed)."""
        data: dict[str, Any] = self.located.data
        return data

    def report(self, path: JsonPath, message: str, *, key: bool = False) -> None:
        line, col = self.located.where(path, key=key)
        self.problems.append(Problem(self.case_path, line, col, message))

    def line_of(self, path: JsonPath) -> int:
        """The line `path` is on, for messages that point back at a first use."""
        return self.located.where(path)[0]


def dicts_of(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings in a list with their indexes; anything else the schema has reported."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item


def strs_of(value: Any) -> list[str]:
    """A string or the strings of a list; anything else the schema has reported."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def index_of(items: list[Any], item: dict[str, Any]) -> int:
    """The index of this very item (by identity: equal items may repeat)."""
    return next(i for i, x in enumerate(items) if x is item)
