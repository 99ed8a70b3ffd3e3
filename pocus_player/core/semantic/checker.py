"""`SemanticChecker`: runs the check's parts over one case, in the order its problems are shown."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from pocus_player.core.errors import Problem
from pocus_player.core.media_info import MediaInfo, MediaProbe, MediaProbeError
from pocus_player.core.semantic import graph, ids, media_files, questions, steps, texts
from pocus_player.core.semantic.context import CheckContext
from pocus_player.core.yaml_source import Located

log = logging.getLogger(__name__)

# The order problems come out in (an item writer reads them top to bottom), and the
# order the parts need: ids before anything that looks one up, steps before the
# questions they ask.
PARTS: tuple[Callable[[CheckContext], None], ...] = (
    texts.check_time_limits,
    texts.check_texts,
    ids.check_ids,
    media_files.check_media,
    steps.check_steps,
    questions.check_questions,
    graph.check_graph,
)


class SemanticChecker:
    """Runs once per load; afterwards `resolved` and `media_info` feed the model builder."""

    def __init__(
        self,
        located: Located,
        case_path: Path,
        content_root: Path,
        probe: MediaProbe | None,
        probe_cache: dict[Path, MediaInfo | MediaProbeError] | None = None,
    ) -> None:
        self.context = CheckContext(
            located=located,
            case_path=case_path,
            case_dir=case_path.resolve().parent,
            content_root=content_root.resolve(),
            probe=probe,
            probe_cache=probe_cache if probe_cache is not None else {},
        )

    @property
    def problems(self) -> list[Problem]:
        return self.context.problems

    @property
    def resolved(self) -> dict[str, Path]:
        """Each file path as written in the script -> the file it names."""
        return self.context.resolved

    @property
    def media_info(self) -> dict[str, MediaInfo]:
        """Each probed media item's id -> what the probe found."""
        return self.context.media_info

    def run(self) -> list[Problem]:
        for part in PARTS:
            part(self.context)
        return self.context.problems
