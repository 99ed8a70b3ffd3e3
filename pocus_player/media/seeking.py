"""Seeks and frame steps carried out: the plan of `seek_plan` done on the queue and on libvlc.

A seek shows its exact frame and stays paused there (`seek_finished`); one
whose frame never comes (a damaged file, the clip's end) shows the nearest
frame decoded instead, after the end or a watchdog. Without pictures to count
(narration, native rendering) a seek sets libvlc's time and the media clock.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, SignalInstance

from pocus_player.media.engine_api import LoadedMedia, State
from pocus_player.media.frames import Frame, FrameSink
from pocus_player.media.playback import Playback
from pocus_player.media.policy import PlaybackPolicy, SeekNotAllowed
from pocus_player.media.presenter import Presenter
from pocus_player.media.seek_plan import SeekPlan, SeekWay, clamp_seek, is_on_screen, plan_seek
from pocus_player.media.vlc_driver import VlcDriver

log = logging.getLogger(__name__)

# A seek never waits longer than this for its frame before showing what it has.
_SEEK_WATCHDOG_MS = 6000


class Seeker:
    """Lands a seek on its frame; reports `seek_finished(frame)` or `seek_refused(frame, seen)`."""

    def __init__(
        self,
        playback: Playback,
        presenter: Presenter,
        sink: FrameSink,
        driver: VlcDriver,
        *,
        render: str,
        seek_finished: SignalInstance,
        seek_refused: SignalInstance,
        parent: QObject,
    ) -> None:
        self._playback = playback
        self._presenter = presenter
        self._sink = sink
        self._driver = driver
        self._render = render
        self._seek_finished = seek_finished
        self._seek_refused = seek_refused
        self._watchdog = QTimer(parent)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_watchdog)

    def stop_watchdog(self) -> None:
        self._watchdog.stop()

    def seek_frame(self, n: int, policy: PlaybackPolicy) -> None:
        """Show frame n exactly and stay paused there (seek_finished follows)."""
        pb = self._playback
        media = pb.media
        if media is None or not media.is_video or self._render != "frames":
            if media is not None:
                self._seek_native(n)
            return
        n = clamp_seek(n, media.frame_count)
        try:
            policy.check_seek(n, pb.furthest)
        except SeekNotAllowed:
            self._seek_refused.emit(n, pb.furthest)
            raise
        self._watchdog.stop()
        pb.frozen_cue = None
        pb.clock_timer.stop()
        pb.anchor = None
        shown = pb.shown.index if pb.shown is not None else None
        if not is_on_screen(n, shown=shown, seeking=pb.seek_target is not None):
            pb.pending.extend(self._presenter.drain_current())
        plan = plan_seek(
            n,
            shown=shown,
            seeking=pb.seek_target is not None,
            queued=[fr.index if fr.generation == pb.run else None for fr in pb.pending],
            last_decoded=self._sink.last_index,
            decoding=not pb.vlc_ended and pb.vlc_started,
            frame_rate=media.frame_rate,
            has_audio=media.info.has_audio,
        )
        self._carry_out(plan, media)

    def _carry_out(self, plan: SeekPlan, media: LoadedMedia) -> None:
        pb = self._playback
        n, driver, has_audio = plan.frame, self._driver, media.info.has_audio
        if plan.way is SeekWay.ON_SCREEN:
            assert pb.shown is not None
            pb.hold = n
            self.finish(pb.shown)
            return
        if plan.way is SeekWay.QUEUED:
            for _ in range(plan.queue_position):
                pb.pending.popleft()
            fr = pb.pending.popleft()
            pb.hold = n
            self._presenter.present(fr)
            self.finish(fr)
            driver.submit(driver.pause)
            return
        pb.set_state(State.SEEKING)
        pb.hold = n
        pb.seek_target = n
        self._watchdog.start(_SEEK_WATCHDOG_MS)
        pb.pending.clear()
        if plan.way is SeekWay.FORWARD:
            self._sink.stop_at(n)
            driver.submit(lambda: driver.decode_forward(mute=has_audio))
            return
        pb.run += 1
        run = pb.run
        pb.vlc_ended = False
        pb.vlc_started = True
        scan = plan.scan_rate
        driver.submit(lambda: driver.decode_from_start(run, n, scan_rate=scan, mute=has_audio))

    def finish(self, fr: Frame) -> None:
        """The seek's frame `fr` is on screen: pause there."""
        pb = self._playback
        self._watchdog.stop()
        pb.seek_target = None
        pb.hold = fr.index
        pb.anchor = None
        has_audio = bool(pb.media and pb.media.info.has_audio)
        driver = self._driver
        driver.submit(lambda: driver.end_seek(unmute=has_audio))
        pb.set_state(State.PAUSED)
        pb.emit_position(force=True)
        self._seek_finished.emit(fr.index)

    def _on_watchdog(self) -> None:
        pb = self._playback
        if pb.seek_target is None:
            return
        log.warning("seek to frame %d did not complete; showing the nearest frame", pb.seek_target)
        self._driver.submit(self._driver.pause)
        self.settle()

    def settle(self) -> None:
        """A seek that cannot get its frame shows the last one decoded (or what is on screen)."""
        pb = self._playback
        candidates = [f for f in pb.pending if f.generation == pb.run]
        fr = candidates[-1] if candidates else pb.shown
        pb.pending.clear()
        if fr is not None:
            if fr is not pb.shown:
                self._presenter.present(fr)
            self.finish(fr)
        else:
            pb.seek_target = None
            pb.set_state(State.PAUSED)

    def _seek_native(self, n: int) -> None:
        pb = self._playback
        media = pb.media
        assert media is not None
        ms = pb.frame_to_ms(n) if media.is_video else n
        pb.clock.set(ms, time.monotonic())
        player = self._driver.player
        self._driver.submit(lambda: player.set_time(ms))
        pb.emit_position(ms, force=True)
