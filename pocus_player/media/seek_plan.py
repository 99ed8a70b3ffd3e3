"""Which way a seek goes: a Qt-free plan the engine then carries out on libvlc.

A frame already on screen needs nothing; one decoded and waiting in the queue
is shown from there; one just ahead of the decoder is decoded forward to; any
other is decoded from the start, counting, at a raised rate when there is no
sound (libvlc drops pictures when the rate changes mid-stream, so the rate is
only raised for a fresh start, and kept at real time near the start, where a
raised rate may skip frame 0).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

# Faster-than-real-time decoding from the start while looking for a seek target
# (clips without sound).
SCAN_RATE = 4.0


class SeekWay(enum.Enum):
    ON_SCREEN = "on_screen"  # the frame is shown already
    QUEUED = "queued"  # decoded and waiting to be shown
    FORWARD = "forward"  # just ahead of the decoder: decode on to it
    FROM_START = "from_start"  # anywhere else: decode from the start, counting


@dataclass(frozen=True, slots=True)
class SeekPlan:
    way: SeekWay
    frame: int
    queue_position: int = -1  # QUEUED: where the frame waits in the queue
    scan_rate: float = 1.0  # FROM_START: libvlc's rate while decoding to the frame


def clamp_seek(frame: int, frame_count: int) -> int:
    """A seek target inside the clip (frame_count 0: the length is not known)."""
    frame = max(0, frame)
    if frame_count:
        frame = min(frame, frame_count - 1)
    return frame


def is_on_screen(frame: int, *, shown: int | None, seeking: bool) -> bool:
    return shown is not None and shown == frame and not seeking


def plan_seek(
    frame: int,
    *,
    shown: int | None,
    seeking: bool,
    queued: Sequence[int | None],
    last_decoded: int,
    decoding: bool,
    frame_rate: float,
    has_audio: bool,
) -> SeekPlan:
    """How to show `frame` exactly.

    `shown`: the frame on screen (None before the first); `seeking`: a seek is
    still under way; `queued`: the numbers of the decoded frames waiting to be
    shown, in order (None for one of an earlier run, which never matches);
    `last_decoded`: the highest frame the decoder delivered; `decoding`: libvlc
    is started on this clip and has not reached its end.
    """
    if is_on_screen(frame, shown=shown, seeking=seeking):
        return SeekPlan(SeekWay.ON_SCREEN, frame)
    for i, index in enumerate(queued):
        if index == frame:
            return SeekPlan(SeekWay.QUEUED, frame, queue_position=i)
    if decoding and last_decoded < frame <= last_decoded + max(2, int(frame_rate)):
        return SeekPlan(SeekWay.FORWARD, frame)
    scan = 1.0 if has_audio or frame < 2 * frame_rate else SCAN_RATE
    return SeekPlan(SeekWay.FROM_START, frame, scan_rate=scan)
