"""What a media engine is, written down: its states, what it reports, and what it asks of a probe.

The ui depends on `PlayerEngine` (a Protocol), not on a class: the real
libvlc engine (`engine.MediaEngine`) and the null engine on a virtual clock
(`null_engine.NullEngine`) both implement it, and one set of contract tests
(tests/media/test_engine_contract.py) runs against both.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pocus_player.core.frame_timeline import DEFAULT_FRAME_RATE as DEFAULT_FRAME_RATE
from pocus_player.core.frame_timeline import FrameTimeline, clip_timeline
from pocus_player.core.media_info import MediaInfo
from pocus_player.core.model import Checkpoint

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QImage

    from pocus_player.media.policy import PlaybackPolicy


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
    frame_count: int  # the pictures, else estimated from duration x rate; 0 for audio only
    sample_aspect: float = 1.0
    # frame numbers <-> media time, by the pictures' own times when the probe read them
    timeline: FrameTimeline = field(default_factory=FrameTimeline)

    @classmethod
    def of(
        cls,
        path: Path,
        media_id: str,
        info: MediaInfo,
        authored_rate: float | None,
        sample_aspect: float = 1.0,
    ) -> LoadedMedia:
        """A clip with these probe facts: its timeline, rate and frame count built from them."""
        timeline = clip_timeline(info, authored_rate)
        count = timeline.frame_count(info.duration_s) if info.has_video else 0
        return cls(path, media_id, info, timeline.frame_rate, count, sample_aspect, timeline)

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


class PlayerEngine(Protocol):
    """What the ui may ask of a media engine, and what it reports (all on the GUI thread).

    Signals:
      frame_presented(frame, ms)      a new picture is on screen
      position_changed(ms)            media time: every frame while playing, on pause and seek
      state_changed(state)            one of `State`, as its value
      media_loaded(LoadedMedia)
      checkpoint_reached(id, frame)   playback stopped on the authored frame
      seek_finished(frame)            a seek shows its frame, paused
      ended()
      media_fault(kind, path, message)   kind: a `FaultKind` value
      seek_refused(frame, furthest_seen)
      replay_limit_reached(media_id, limit)

    Frame numbers count from 0; `seek_frame(n)` on narration (no pictures)
    takes milliseconds, as its "frames" are the media clock.
    """

    @property
    def frame_presented(self) -> SignalInstance: ...
    @property
    def position_changed(self) -> SignalInstance: ...
    @property
    def state_changed(self) -> SignalInstance: ...
    @property
    def media_loaded(self) -> SignalInstance: ...
    @property
    def checkpoint_reached(self) -> SignalInstance: ...
    @property
    def seek_finished(self) -> SignalInstance: ...
    @property
    def ended(self) -> SignalInstance: ...
    @property
    def media_fault(self) -> SignalInstance: ...
    @property
    def seek_refused(self) -> SignalInstance: ...
    @property
    def replay_limit_reached(self) -> SignalInstance: ...

    @property
    def policy(self) -> PlaybackPolicy: ...
    @property
    def render(self) -> str: ...
    @property
    def state(self) -> State: ...
    @property
    def media(self) -> LoadedMedia | None: ...
    @property
    def frame_rate(self) -> float: ...
    @property
    def current_frame(self) -> int: ...
    @property
    def furthest_seen(self) -> int: ...
    @property
    def frozen_checkpoint(self) -> str | None: ...

    def current_image(self) -> QImage | None: ...
    def frozen_frame(self) -> QImage | None: ...
    def position_ms(self) -> int: ...
    def frame_to_ms(self, index: int) -> int: ...
    def ms_to_frame(self, ms: float) -> int: ...

    def load(
        self,
        path: Path | str,
        *,
        media_id: str | None = None,
        frame_rate: float | None = None,
        loop: bool = False,
        autoplay: bool = True,
        checkpoints: Iterable[Checkpoint | CueTarget] = (),
    ) -> None: ...
    def set_checkpoints(self, checkpoints: Iterable[Checkpoint | CueTarget]) -> None: ...
    def play(self) -> None: ...
    def resume(self) -> None: ...
    def pause(self) -> None: ...
    def toggle_pause(self) -> None: ...
    def stop(self) -> None: ...
    def set_volume(self, volume: int) -> None: ...
    def volume(self) -> int: ...
    def set_loop(self, loop: bool) -> None: ...
    def replay(self) -> int: ...
    def seek_ms(self, ms: float) -> None: ...
    def step(self, delta: int = 1) -> None: ...
    def seek_frame(self, n: int) -> None: ...
    def bind_window(self, win_id: int) -> None: ...
    def close(self) -> None: ...
