"""Fault detection: what libvlc's reports and a clip's end say about a file or the sound card.

Plain functions of what the engine observed; the engine turns a finding into
its `media_fault(kind, path, message)` signal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pocus_player.core.package import content
from pocus_player.media.engine_api import FaultKind, LoadedMedia

# libvlc's log line when its decoders have their first pictures at a start.
DECODERS_READY_LINE = "Decoder wait done"


@dataclass(frozen=True, slots=True)
class Fault:
    kind: FaultKind
    path: Path
    message: str


def missing_file(path: Path) -> Fault | None:
    if content.is_sealed(path):
        return None  # a sealed package's member: played from memory, never from disk
    if not path.exists():
        return Fault(FaultKind.MISSING, path, f"Media file not found: {path}")
    if not path.is_file():
        return Fault(FaultKind.MISSING, path, f"Media path is not a file: {path}")
    return None


def undecodable(path: Path, reason: object) -> Fault:
    return Fault(FaultKind.UNDECODABLE, path, f"Cannot play {path.name}: {reason}")


def decoding_error(path: Path) -> Fault:
    return undecodable(path, "libvlc reported a decoding error")


def is_audio_output_failure(level: int, text: str) -> bool:
    """A libvlc log line saying no sound card could be opened."""
    return level >= 4 and ("Audio output failed" in text or "failed to create audio output" in text)


def no_audio_device(media: LoadedMedia) -> Fault:
    return Fault(
        FaultKind.NO_AUDIO_DEVICE,
        media.path,
        f"No audio device is available: {media.path.name} plays without sound",
    )


def truncation(
    media: LoadedMedia, pictures_decoded: Callable[[], int], heard_ms: Callable[[], int]
) -> Fault | None:
    """At the clip's end: whether it stopped well short of its announced length."""
    if media.is_video and media.frame_count > 0:
        got = pictures_decoded()
        expected = media.frame_count
        if got > 0 and got < expected - max(3, int(0.05 * expected)):
            return Fault(
                FaultKind.TRUNCATED,
                media.path,
                f"{media.path.name} stops at {media.timeline.frame_to_s(got):.1f} s of "
                f"{media.info.duration_s:.1f} s: the file is incomplete (truncated or damaged)",
            )
        if got <= 0:
            return undecodable(media.path, "no picture could be decoded")
        return None
    if media.info.has_audio and media.info.duration_s > 4.0:
        heard = heard_ms() / 1000.0
        if heard < 0.5 * media.info.duration_s:
            return Fault(
                FaultKind.TRUNCATED,
                media.path,
                f"{media.path.name} stops at {heard:.1f} s of {media.info.duration_s:.1f} s: "
                "the file is incomplete (truncated or damaged)",
            )
    return None
