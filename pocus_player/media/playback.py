"""The clip in play as the GUI thread knows it: one record the engine's parts share.

A load, a seek, a checkpoint and the clip's end each change what is on screen,
what is held and which run the pictures belong to, together; so that state is
kept once, here, with the three reports every part makes (a new state, the
position, a fault), rather than copied into each part.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from pathlib import Path

from PySide6.QtCore import QTimer, SignalInstance
from PySide6.QtGui import QImage

from pocus_player.media import faults
from pocus_player.media.cue_schedule import CueSchedule
from pocus_player.media.engine_api import DEFAULT_FRAME_RATE, LoadedMedia, State
from pocus_player.media.frame_numbering import FrameTimeline, LibvlcClock
from pocus_player.media.frames import Frame

log = logging.getLogger(__name__)


class Playback:
    """What is loaded, shown, held and queued, and what comes next (GUI thread only)."""

    def __init__(
        self,
        *,
        clock_timer: QTimer,
        state_changed: SignalInstance,
        position_changed: SignalInstance,
        media_fault: SignalInstance,
    ) -> None:
        self.state = State.IDLE
        self.media: LoadedMedia | None = None
        self.loading_path: Path | None = None
        self.run = 0  # bumped whenever the picture stream restarts (load, seek, replay)
        self.pending: deque[Frame] = deque()  # decoded, waiting to be shown
        self.shown: Frame | None = None
        self.shown_image: QImage | None = None
        self.hold: int | None = None  # the last frame that may be shown
        self.seek_target: int | None = None
        self.anchor: tuple[int, float] | None = None  # (frame, when it was due): the pace
        self.cues = CueSchedule()
        self.frozen_cue: str | None = None
        self.furthest = -1
        self.loop = False
        self.vlc_ended = False
        self.vlc_started = False
        self.last_position_ms = -1
        self.last_arrival = 0.0  # when the last picture of this run came in
        self.clock = LibvlcClock()  # audio-only and native media time
        # reads libvlc's clock while playing (see clock_watch); every part may stop it
        self.clock_timer = clock_timer
        self._state_changed = state_changed
        self._position_changed = position_changed
        self._media_fault = media_fault

    # ------------------------------------------------------------------ time

    @property
    def frame_rate(self) -> float:
        return self.media.frame_rate if self.media else DEFAULT_FRAME_RATE

    @property
    def timeline(self) -> FrameTimeline:
        """Frame numbers and media time of the loaded clip."""
        return self.media.timeline if self.media else FrameTimeline()

    def frame_to_ms(self, index: int) -> int:
        return self.timeline.frame_to_ms(index)

    def position_ms(self) -> int:
        if self.media is not None and self.media.is_video and self.shown is not None:
            return self.frame_to_ms(self.shown.index)
        return max(0, self.estimated_time_ms())

    def estimated_time_ms(self) -> int:
        return self.clock.estimate(
            time.monotonic(),
            running=self.state == State.PLAYING,
            fallback_ms=self.last_position_ms,
        )

    # --------------------------------------------------------------- reports

    def set_state(self, state: State) -> None:
        if state != self.state:
            self.state = state
            self._state_changed.emit(state.value)

    def emit_position(self, ms: int | None = None, *, force: bool = False) -> None:
        if ms is None:
            ms = self.position_ms()
        if force or ms != self.last_position_ms:
            self.last_position_ms = ms
            self._position_changed.emit(ms)

    def fault(self, fault: faults.Fault, *, keep_state: bool = False) -> None:
        log.warning("%s", fault.message)
        if not keep_state:
            self.set_state(State.ERROR)
        self._media_fault.emit(fault.kind.value, str(fault.path), fault.message)

    # ----------------------------------------------------------------- reset

    def clear_screen(self, *, keep_cues: bool = False) -> None:
        """Nothing shown, queued, held or sought: the picture stream starts again."""
        self.pending.clear()
        self.shown = None
        self.shown_image = None
        self.hold = None
        self.seek_target = None
        self.anchor = None
        if not keep_cues:
            self.cues.clear()
        self.frozen_cue = None
        self.furthest = -1
        self.clock_timer.stop()
        self.last_position_ms = -1
