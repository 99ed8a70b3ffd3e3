"""Where probe facts come in: what the engine learns about a file before it plays it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pocus_player.media import memory_media
from pocus_player.media.engine_api import EngineProbe, LoadedMedia


@dataclass(frozen=True, slots=True)
class ClipFacts:
    loaded: LoadedMedia
    # a GIF: how many ticks of its frame rate each picture lasts (else None)
    picture_ticks: tuple[int, ...] | None = None
    # a start libvlc may show early: its first frames known by their content
    first_prints: tuple[bytes, ...] = ()


def read_clip_facts(
    probe: EngineProbe,
    path: Path,
    *,
    media_id: str,
    authored_rate: float | None,
    pictures: bool,
) -> ClipFacts:
    """Probe `path` (raises MediaProbeError); `pictures`: the engine renders the frames itself.

    A sealed package's member is not probed: its facts come from the package's manifest
    (its pictures' times included, so frames are numbered alike from memory and from disk).
    """
    info, sar = memory_media.probe_full(probe, path)
    loaded = LoadedMedia.of(path, media_id, info, authored_rate, sar)
    if not (pictures and info.has_video and info.width and info.height):
        return ClipFacts(loaded)
    return ClipFacts(
        loaded,
        memory_media.gif_picture_ticks(probe, path),
        memory_media.first_frame_prints(probe, path, info.width, info.height),
    )

