"""What the core needs to know about a media file, and the interface that finds it out.

The core never imports libvlc: the loader takes any `MediaProbe` (the media
layer's libvlc prober in the app, a fake in unit tests) to check checkpoint times
against a file's real duration.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True, slots=True)
class MediaInfo:
    duration_s: float  # 0.0 for a still image
    frame_rate: float | None  # None for audio-only files and stills
    width: int | None
    height: int | None
    has_video: bool
    has_audio: bool
    # From the container's own tables when it has them (MP4/MOV, AVI, GIF), else None:
    frame_count: int | None = None  # pictures in the video track
    frame_times: tuple[float, ...] | None = None  # each picture's time, from the first
    variable_frame_rate: bool = False  # the pictures are not evenly spaced
    # A GIF: frame n is the n-th tick of `frame_rate`, a picture lasting one or more ticks
    # (so frames follow the rate, not `frame_times`; see core.frame_timeline).
    frames_are_ticks: bool = False
    # The size the container declares, when it differs from the decoded pictures' size.
    container_width: int | None = None
    container_height: int | None = None


class MediaProbeError(Exception):
    """The file could not be opened or decoded; the message says why."""


class MediaProbe(Protocol):
    def probe(self, path: Path) -> MediaInfo:
        """Return the file's facts, or raise MediaProbeError naming the reason."""
        ...
