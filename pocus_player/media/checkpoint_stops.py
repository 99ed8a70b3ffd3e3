"""Where playback stops on a checkpoint: on its picture, or by the media clock where there is none.

`cue_schedule` says which checkpoint comes next; this carries out the stop.
With pictures (the frames path) the sink is told the stop frame ahead, so
libvlc is asked to pause the moment that frame is decoded, and the stop is
made when the frame is shown. Without them (narration, native rendering) the
stop is made when the estimated media clock reaches the checkpoint.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import SignalInstance

from pocus_player.core.model import Checkpoint
from pocus_player.media.engine_api import CueTarget, State
from pocus_player.media.frames import Frame, FrameSink
from pocus_player.media.playback import Playback
from pocus_player.media.vlc_driver import VlcDriver


class CheckpointStops:
    """Arms the next checkpoint and stops on it, then reports `checkpoint_reached(id, frame)`."""

    def __init__(
        self,
        playback: Playback,
        sink: FrameSink,
        driver: VlcDriver,
        *,
        render: str,
        checkpoint_reached: SignalInstance,
    ) -> None:
        self._playback = playback
        self._sink = sink
        self._driver = driver
        self._render = render
        self._checkpoint_reached = checkpoint_reached

    def set(self, checkpoints: Iterable[Checkpoint | CueTarget]) -> None:
        """Frames to stop on; each fires once per load (in frame order)."""
        pb = self._playback
        pb.cues.set(checkpoints, pb.timeline)
        self.arm_next()

    def arm_next(self) -> None:
        """Tell the sink the next stop frame, so libvlc is asked to pause the moment it arrives."""
        pb = self._playback
        shown = pb.shown.index if pb.shown else -1
        cue = pb.cues.next_after(shown)
        if cue is None or self._render != "frames":
            self._sink.stop_at(None)
        elif cue.frame > self._sink.last_index:
            self._sink.stop_at(cue.frame)
        else:
            self._sink.stop_at(None)  # already decoded: caught when presented

    def stop_on_picture(self, cue: CueTarget, fr: Frame) -> None:
        """`fr`, the checkpoint's frame (or the last one shown), is on screen: hold it there."""
        pb = self._playback
        pb.cues.reach(cue)
        pb.hold = fr.index
        pb.frozen_cue = cue.checkpoint_id
        pb.anchor = None
        pb.clock_timer.stop()
        self._sink.stop_at(None)
        if self._sink.last_index > fr.index:
            # decoded past it: ask for the pause (else the sink already asked, on this frame)
            self._driver.submit(self._driver.pause)
        pb.set_state(State.CHECKPOINT)
        pb.emit_position(force=True)
        self._checkpoint_reached.emit(cue.checkpoint_id, fr.index)

    def check_clock(self, lead_s: float) -> None:
        """Stop on the next cue by the estimated media clock (native video, audio only).

        `lead_s` is how early to ask for the pause, for the pause's own latency.
        """
        pb = self._playback
        est = pb.estimated_time_ms() / 1000.0
        cue = pb.cues.next_after(-1)
        if cue is not None and est + lead_s >= pb.timeline.frame_to_s(cue.frame):
            self.stop_on_clock(cue)

    def stop_on_clock(self, cue: CueTarget) -> None:
        pb = self._playback
        pb.cues.reach(cue)
        pb.frozen_cue = cue.checkpoint_id
        pb.clock_timer.stop()
        if not pb.vlc_ended:
            self._driver.submit(self._driver.pause)
        pb.set_state(State.CHECKPOINT)
        pb.clock.value = pb.frame_to_ms(cue.frame)
        pb.emit_position(force=True)
        self._checkpoint_reached.emit(cue.checkpoint_id, cue.frame)
