"""Media time where no pictures are counted: narration (audio only) and native rendering.

There the position and the checkpoints go by libvlc's clock, which moves in
~250 ms steps; the engine reads it often while playing and estimates in between
(`frame_numbering.LibvlcClock`). On the frames path the tick only keeps the
estimate fresh: the pictures carry the position.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from pocus_player.media.checkpoint_stops import CheckpointStops
from pocus_player.media.engine_api import LoadedMedia, State
from pocus_player.media.playback import Playback
from pocus_player.media.vlc_driver import VlcDriver

# How often the media clock is read while narration (no pictures) plays.
_AUDIO_CLOCK_TICK_MS = 10
# Measured time from set_pause(1) to libvlc actually pausing (native path only).
_NATIVE_PAUSE_LEAD_S = 0.044


class ClockWatch:
    """Reads libvlc's clock on `Playback.clock_timer`: the position, and the stops by it."""

    def __init__(
        self, playback: Playback, driver: VlcDriver, stops: CheckpointStops, *, render: str
    ) -> None:
        self._playback = playback
        self._driver = driver
        self._stops = stops
        self._render = render
        timer = playback.clock_timer
        timer.setInterval(5 if render == "native" else 40)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(self._on_tick)

    def tune_for(self, loaded: LoadedMedia) -> None:
        """How often to read the clock for a clip just loaded (frames path)."""
        if self._render == "frames":
            # Pictures carry the position of a clip; narration has only the clock,
            # read often enough for captions to change within a few ms of their
            # cues. The timer runs only while playing.
            self._playback.clock_timer.setInterval(40 if loaded.is_video else _AUDIO_CLOCK_TICK_MS)

    def _on_tick(self) -> None:
        pb = self._playback
        media = pb.media
        if media is None or pb.state != State.PLAYING:
            return
        # non-blocking read of libvlc's clock
        pb.clock.note(self._driver.player.get_time(), time.monotonic())
        if self._render == "native" and media.is_video:
            # Aim the pause a third into the authored frame, not at its start: a
            # pause aimed at the start landed a frame early in 12 % of stops, one
            # aimed at the middle a frame late now and then (the latency varies).
            self._stops.check_clock(_NATIVE_PAUSE_LEAD_S - 0.3 / media.frame_rate)
        if not media.is_video or self._render == "native":
            pb.emit_position(pb.estimated_time_ms())
        if not media.is_video:
            # Narration has no pictures to count: its checkpoints are times on the
            # estimated media clock (a pause a few ms late is inaudible).
            self._stops.check_clock(0.0)
