"""What a media engine is, written down: its states, what it reports, and what it asks of a probe.

The ui depends on `PlayerEngine` (a Protocol), not on a class: the real
libvlc engine (`engine.MediaEngine`) and the null engine on a virtual clock
(`null_engine.NullEngine`) both implement it, and one set of contract tests
(tests/media/test_engine_contract.py) runs against both.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pocus_player.core.media_info import MediaInfo

DEFAULT_FRAME_RATE = 25.0


class FaultKind(enum.StrEnum):
    MISSING = "missing"
    UNDECODABLE = "undecodable"
    TRUNCATED = "truncated"
    NO_AUDIO_DEVICE = "no_audio_device"


class State(enum.StrEnum):
    IDLE = "idle"
    LOADING = "loading"
    PLAYING = "playing"
    PAUSED = "paused"
    CHECKPOINT = "checkpoint"
    SEEKING = "seeking"
    ENDED = "ended"
    STOPPED = "stopped"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class LoadedMedia:
    path: Path
    media_id: str
    info: MediaInfo
    frame_rate: float  # the probe's rate, else the authored one, else 25
    frame_count: int  # estimated from duration x rate; 0 for audio only
    sample_aspect: float = 1.0

    @property
    def is_video(self) -> bool:
        return self.info.has_video


@dataclass(frozen=True, slots=True)
class CueTarget:
    checkpoint_id: str
    frame: int


class EngineProbe(Protocol):
    """The facts the engine asks of a probe before it plays a file (media.probe.VlcMediaProbe)."""

    def probe(self, path: Path) -> MediaInfo: ...

    def probe_full(self, path: Path) -> tuple[MediaInfo, float]:
        """The file's facts and its sample aspect ratio; raises MediaProbeError."""
        ...

    def gif_picture_ticks(self, path: Path) -> tuple[int, ...] | None:
        """For a GIF, how many ticks of its frame rate each picture lasts; else None."""
        ...

    def first_frame_prints(self, path: Path, width: int, height: int) -> tuple[bytes, ...]:
        """Fingerprints of the first frames of a stream libvlc may show early (else empty)."""
        ...
