"""The GUI thread's picture pipeline: decoded frames shown in order, each when it is due.

libvlc decodes ahead of the display; the pictures the sink hands over wait in
`Playback.pending` and are shown at the clip's pace, up to what is held (a
pause, a seek's frame, a checkpoint), so the frame on screen is always one the
engine chose. A seek in progress takes the first frame at or after its target.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, SignalInstance

from pocus_player.media.checkpoint_stops import CheckpointStops
from pocus_player.media.engine_api import State
from pocus_player.media.frames import Frame, FrameQueue
from pocus_player.media.playback import Playback


class Presenter:
    """Moves frames from the video thread's queue to the screen; reports `frame_presented`."""

    def __init__(
        self,
        playback: Playback,
        frames: FrameQueue,
        stops: CheckpointStops,
        *,
        seek_landed: Callable[[Frame], None],
        frame_presented: SignalInstance,
        parent: QObject,
    ) -> None:
        self._playback = playback
        self._frames = frames
        self._stops = stops
        self._seek_landed = seek_landed
        self._frame_presented = frame_presented
        # when the next picture is due
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.pump)

    def stop(self) -> None:
        self._timer.stop()

    def drain_current(self) -> list[Frame]:
        """The frames handed over by the video thread and not yet queued, of this run."""
        return [f for f in self._frames.drain() if f.generation == self._playback.run]

    def frames_ready(self) -> None:
        pb = self._playback
        for fr in self._frames.drain():
            if fr.generation == pb.run:
                pb.pending.append(fr)
                pb.last_arrival = time.monotonic()
        self.pump()

    def pump(self) -> None:
        """Show the queued frames, each when it is due, up to what is held or a checkpoint."""
        pb = self._playback
        media = pb.media
        if media is None:
            pb.pending.clear()
            return
        fps = media.frame_rate
        while pb.pending:
            now = time.monotonic()
            fr = pb.pending[0]
            if pb.seek_target is not None:
                pb.pending.popleft()
                if fr.index < pb.seek_target:
                    continue
                self.present(fr)
                self._seek_landed(fr)
                continue
            if pb.hold is not None and fr.index > pb.hold:
                break
            if pb.shown is not None and fr.index < pb.shown.index:
                pb.anchor = None  # the clip looped
            if pb.anchor is None:
                pb.anchor = (fr.index, now)
            a_idx, a_t = pb.anchor
            due = a_t + media.timeline.span_s(a_idx, fr.index)
            if due - now > 0.002:
                self._timer.start(max(1, int((due - now) * 1000)))
                break
            if now - due > 2.0 / fps:
                pb.anchor = (fr.index, now)  # fell behind: do not rush to catch up
            pb.pending.popleft()
            self.present(fr)
            cue = pb.cues.due_at(fr.index) if pb.state == State.PLAYING else None
            if cue is not None:
                self._stops.stop_on_picture(cue, fr)
                break

    def present(self, fr: Frame) -> None:
        pb = self._playback
        pb.shown = fr
        pb.shown_image = fr.to_qimage()
        if fr.index > pb.furthest:
            pb.furthest = fr.index
        ms = pb.frame_to_ms(fr.index)
        self._frame_presented.emit(fr.index, ms)
        pb.emit_position(ms)
