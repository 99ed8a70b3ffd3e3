"""The clip's end: let the last pictures show, then end, loop, or stop on a checkpoint left late.

libvlc reports the end when its input is drained, which can be a picture or
two before the last one is displayed, and without a sound card it reports the
end of narration up to ~1 s early; so the end is reported once the pictures
stop. This is also where a file cut short is noticed (`faults.truncation`).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, SignalInstance

from pocus_player.media import faults
from pocus_player.media.checkpoint_stops import CheckpointStops
from pocus_player.media.engine_api import State
from pocus_player.media.frames import FrameSink
from pocus_player.media.playback import Playback
from pocus_player.media.presenter import Presenter
from pocus_player.media.seeking import Seeker
from pocus_player.media.vlc_driver import VlcDriver


class ClipEnd:
    """Acts on libvlc's end of the clip; reports `ended()` when the last picture has shown."""

    def __init__(
        self,
        playback: Playback,
        presenter: Presenter,
        seeker: Seeker,
        stops: CheckpointStops,
        sink: FrameSink,
        driver: VlcDriver,
        *,
        render: str,
        ended: SignalInstance,
        parent: QObject,
    ) -> None:
        self._playback = playback
        self._presenter = presenter
        self._seeker = seeker
        self._stops = stops
        self._sink = sink
        self._driver = driver
        self._render = render
        self._ended = ended
        self._parent = parent  # the timers below die with it

    def reached(self) -> None:
        """libvlc reports the end of the clip now playing."""
        pb = self._playback
        media = pb.media
        assert media is not None
        pb.vlc_ended = True
        self._presenter.frames_ready()
        if pb.loop and pb.seek_target is None and pb.state == State.PLAYING:
            self._loop_when_quiet(pb.run)
            return
        if pb.seek_target is not None:
            self._seeker.settle()
            return
        truncated = faults.truncation(media, self._pictures_decoded, pb.estimated_time_ms)
        if truncated is not None:
            pb.fault(truncated, keep_state=True)
        # Let queued pictures finish before reporting the end.
        QTimer.singleShot(
            int(1000 * (len(pb.pending) + 1) / media.frame_rate), self._parent, self._finish
        )

    def _finish(self) -> None:
        pb = self._playback
        if pb.state not in (State.PLAYING,) or pb.media is None:
            return
        # libvlc reports the end when the input is drained, which can be a
        # picture before the last one is displayed: wait for the pictures to stop.
        quiet = time.monotonic() - pb.last_arrival
        if pb.pending or (pb.media.is_video and quiet < 2.5 / pb.media.frame_rate):
            QTimer.singleShot(15, self._parent, self._finish)
            return
        pb.clock_timer.stop()
        if not pb.media.is_video:
            cue = pb.cues.next_after(-1)
            if cue is not None:
                # Without a sound card libvlc reports the end of audio up to ~1 s
                # early: a checkpoint in that last stretch is reached at the end.
                self._stops.stop_on_clock(cue)
                return
        # libvlc may end without displaying the very last picture: a checkpoint
        # authored there stops on the last picture shown.
        if pb.shown is not None:
            late = pb.cues.next_after(pb.shown.index - 1)
            if late is not None and late.frame >= pb.shown.index:
                self._stops.stop_on_picture(late, pb.shown)
                return
        self.end_now()

    def end_now(self) -> None:
        pb = self._playback
        pb.set_state(State.ENDED)
        pb.emit_position(force=True)
        self._ended.emit()

    def _loop_when_quiet(self, run: int) -> None:
        """Restart a loop once libvlc has handed over its last pictures.

        libvlc reports the end when the input is drained, while the last
        pictures can still be on their way to the display callback (as in
        `_finish`); stopping at once would drop them, and a busy machine
        would see the loop skip its last frames on every pass.
        """
        pb = self._playback
        media = pb.media
        if (
            media is None
            or run != pb.run
            or not pb.loop
            or pb.state != State.PLAYING
            or pb.seek_target is not None
        ):
            return
        if media.is_video and time.monotonic() - pb.last_arrival < 2.5 / media.frame_rate:
            QTimer.singleShot(15, self._parent, lambda: self._loop_when_quiet(run))
            return
        pb.vlc_ended = False
        pb.cues.forget_reached()
        driver, run_now = self._driver, pb.run
        driver.submit(lambda: driver.loop_restart(run_now))

    def _pictures_decoded(self) -> int:
        """How many pictures of the clip came out of the decoder so far."""
        if self._render == "frames":
            return self._sink.last_index + 1
        # Native rendering: the pictures never pass through the engine (and libvlc's
        # statistics are off, see vlc_instance): the clock shows how far the clip played
        # (libvlc updates it every 250 ms; the engine's estimate runs in between).
        pb = self._playback
        reached = max(pb.estimated_time_ms(), self._driver.player.get_time())
        return pb.timeline.ms_to_frame(reached) + 1 if reached >= 0 else 0
