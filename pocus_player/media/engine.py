"""The media engine: plays one clip at a time through libvlc and stops on exact frames.

Rendering path (why callbacks, not a native window)
---------------------------------------------------
The engine renders through libvlc's video callbacks (vmem) into memory and
the widget paints the picture. Every decoded picture passes through
`frames.FrameSink`, which numbers it, so the engine always knows exactly which
frame is on screen. That is what makes checkpoints exact: when the authored
frame is delivered the sink asks libvlc to pause at once; libvlc may still
decode one or two more pictures before the pause takes effect, but those are
only queued, never shown, so the frame on screen is the authored one. On
resume the queued pictures are shown first, at the clip's frame rate, so
playback continues from the frozen frame without a jump (the audio is delayed
by the same small amount to stay in sync). The same machinery makes seeks and
frame steps land on exact frames, makes the frozen frame available as a
QImage for hotspot and caliper questions, and works without any window system
(offscreen Qt, CI), at about a tenth of one core for a 30 fps clip.

Embedding libvlc's own video window in a native child widget (set_xwindow,
set_hwnd, set_nsobject) remains available as `render="native"`
(`bind_window(win_id)`; the widget rebinds when its window id changes). There
the frames never pass through the app, so checkpoints fall back to estimating
media time from libvlc's coarse clock and pausing ahead by the measured pause
latency; they land on the authored frame most of the time and within a frame
otherwise.

Threads: libvlc events and pictures arrive on libvlc's threads and are only
queued and re-emitted as Qt signals on the GUI thread; nothing called from a
libvlc callback calls back into libvlc (nor into Qt: see bridge.py). Calls
that can block (stop, loading a new media, seeking) run on one worker thread,
so the GUI thread never waits on libvlc.

Parts (each its own module, each with its own tests)
----------------------------------------------------
- frame_numbering: where "the picture shown is frame N" is decided, and
  frames <-> media time <-> libvlc's clock.
- frames: the sink on libvlc's video thread that feeds the numbering.
- cue_schedule: which checkpoint is stopped on next.
- seek_plan: which way a seek goes (Qt-free).
- vlc_driver: the libvlc player and the worker thread that drives it; where a
  libvlc Media is made from a source (`VlcDriver.make_media`).
- clip_facts: where probe facts come in (`read_clip_facts`).
- faults: what counts as a missing, undecodable or truncated file, or no sound.
- engine_api: the engine's interface (`PlayerEngine`), states and records.
This module keeps the GUI-thread state and the order of things: what is on
screen, what is held, and when the next picture is due.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import vlc
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from pocus_player.core.media_info import MediaProbeError
from pocus_player.core.model import Checkpoint
from pocus_player.media import faults
from pocus_player.media.bridge import GuiBridge
from pocus_player.media.clip_facts import ClipFacts, read_clip_facts
from pocus_player.media.cue_schedule import CueSchedule
from pocus_player.media.engine_api import (
    DEFAULT_FRAME_RATE,
    CueTarget,
    EngineProbe,
    FaultKind,
    LoadedMedia,
    PlayerEngine,
    State,
)
from pocus_player.media.frame_numbering import FrameTimeline, LibvlcClock
from pocus_player.media.frames import Frame, FrameQueue, FrameSink
from pocus_player.media.policy import (
    PlaybackPolicy,
    ReplayLimitExceeded,
    SeekNotAllowed,
)
from pocus_player.media.probe import VlcMediaProbe
from pocus_player.media.seek_plan import SeekPlan, SeekWay, clamp_seek, is_on_screen, plan_seek
from pocus_player.media.vlc_driver import VlcDriver
from pocus_player.media.vlc_instance import VlcRuntime, shared_runtime

__all__ = [
    "DEFAULT_FRAME_RATE",
    "CueTarget",
    "FaultKind",
    "LoadedMedia",
    "MediaEngine",
    "State",
]

log = logging.getLogger(__name__)

# A seek never waits longer than this for its frame before showing what it has.
_SEEK_WATCHDOG_MS = 6000
# How often the media clock is read while narration (no pictures) plays.
_AUDIO_CLOCK_TICK_MS = 10
# Measured time from set_pause(1) to libvlc actually pausing (native path only).
_NATIVE_PAUSE_LEAD_S = 0.044


class MediaEngine(QObject):
    """One libvlc media player, driven from the GUI thread (implements engine_api.PlayerEngine).

    Signals (all on the GUI thread):
      frame_presented(frame, ms)      a new picture is on screen
      position_changed(ms)            media time: every frame while playing, on pause and seek
      state_changed(state)            one of `State`
      media_loaded(LoadedMedia)
      checkpoint_reached(id, frame)   playback stopped on the authored frame
      seek_finished(frame)
      ended()
      media_fault(kind, path, message)
      seek_refused(frame, furthest_seen)
      replay_limit_reached(media_id, limit)
    """

    frame_presented = Signal(int, int)
    position_changed = Signal(int)
    state_changed = Signal(str)
    media_loaded = Signal(object)
    checkpoint_reached = Signal(str, int)
    seek_finished = Signal(int)
    ended = Signal()
    media_fault = Signal(str, str, str)
    seek_refused = Signal(int, int)
    replay_limit_reached = Signal(str, int)

    def __init__(
        self,
        runtime: VlcRuntime | None = None,
        *,
        probe: EngineProbe | None = None,
        policy: PlaybackPolicy | None = None,
        audio_output: str | None = None,
        audio_device: str | None = None,
        render: str = "frames",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if render not in ("frames", "native"):
            raise ValueError(f"render must be 'frames' or 'native', not {render!r}")
        self.runtime = runtime or shared_runtime()
        self.probe: EngineProbe = probe or VlcMediaProbe(self.runtime)
        self.policy = policy or PlaybackPolicy.preview()
        self.render = render
        self._frames = FrameQueue()
        self._sink = FrameSink(self._on_frame_thread, self._on_stop_frame_thread)
        self._bridge = GuiBridge(self)
        self._driver = VlcDriver(
            self.runtime,
            self._sink,
            render=render,
            audio_output=audio_output,
            audio_device=audio_device,
            on_event=self._on_vlc_event_thread,
            on_log=self._on_log_thread,
        )
        self._init_state()
        self._init_timers()
        self._bound_window: int | None = None  # native rendering: the window libvlc draws into
        self._closed = False

    def _init_state(self) -> None:
        """The GUI thread's state: what is loaded, shown, held, and what comes next."""
        self._state = State.IDLE
        self._media: LoadedMedia | None = None
        self._loading_path: Path | None = None
        self._pending_checkpoints: tuple[Checkpoint | CueTarget, ...] = ()
        self._run = 0  # bumped whenever the picture stream restarts (load, seek, replay)
        self._pending: deque[Frame] = deque()
        self._shown: Frame | None = None
        self._shown_image: QImage | None = None
        self._hold: int | None = None
        self._seek_target: int | None = None
        self._anchor: tuple[int, float] | None = None  # (frame, when it was due): the pace
        self._cues = CueSchedule()
        self._frozen_cue: str | None = None
        self._furthest = -1
        self._loop = False
        self._vlc_ended = False
        self._vlc_started = False
        self._volume = 100
        self._last_position_ms = -1
        self._last_arrival = 0.0
        self._clock = LibvlcClock()  # audio-only and native media time

    def _init_timers(self) -> None:
        """When the next picture is due, how long a seek may take, how often the clock is read."""
        self._present_timer = QTimer(self)
        self._present_timer.setSingleShot(True)
        self._present_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._present_timer.timeout.connect(self._pump)
        self._seek_watchdog = QTimer(self)
        self._seek_watchdog.setSingleShot(True)
        self._seek_watchdog.timeout.connect(self._on_seek_watchdog)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(5 if self.render == "native" else 40)
        self._clock_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._clock_timer.timeout.connect(self._on_clock_tick)

    # ------------------------------------------------------------------ info

    @property
    def state(self) -> State:
        return self._state

    @property
    def media(self) -> LoadedMedia | None:
        return self._media

    @property
    def frame_rate(self) -> float:
        return self._media.frame_rate if self._media else DEFAULT_FRAME_RATE

    @property
    def timeline(self) -> FrameTimeline:
        """Frame numbers and media time of the loaded clip (its pictures' own times)."""
        return self._media.timeline if self._media else FrameTimeline()

    @property
    def current_frame(self) -> int:
        """Index of the frame on screen (-1 before the first)."""
        return self._shown.index if self._shown else -1

    @property
    def furthest_seen(self) -> int:
        return self._furthest

    @property
    def frozen_checkpoint(self) -> str | None:
        return self._frozen_cue

    @property
    def vlc_player(self) -> vlc.MediaPlayer:
        return self._driver.player

    def current_image(self) -> QImage | None:
        """The picture on screen, as a QImage sharing the engine's buffer (copy it to keep it)."""
        return self._shown_image

    def frozen_frame(self) -> QImage | None:
        """A deep copy of the picture on screen, e.g. for a hotspot question."""
        return self._shown_image.copy() if self._shown_image is not None else None

    def position_ms(self) -> int:
        if self._media is not None and self._media.is_video and self._shown is not None:
            return self.frame_to_ms(self._shown.index)
        return max(0, self._estimated_time_ms())

    def frame_to_ms(self, index: int) -> int:
        return self.timeline.frame_to_ms(index)

    def ms_to_frame(self, ms: float) -> int:
        return self.timeline.ms_to_frame(ms)

    # ------------------------------------------------------------- loading

    def load(
        self,
        path: Path | str,
        *,
        media_id: str | None = None,
        frame_rate: float | None = None,
        loop: bool = False,
        autoplay: bool = True,
        checkpoints: Iterable[Checkpoint | CueTarget] = (),
    ) -> None:
        """Load a clip (asynchronously); media_loaded or media_fault follows."""
        path = Path(path)
        self._run += 1
        run = self._run
        self._reset_presentation()
        self._media = None
        self._loop = loop
        self._vlc_ended = False
        self._vlc_started = autoplay
        self._pending_checkpoints = tuple(checkpoints)
        self._loading_path = path
        missing = faults.missing_file(path)
        if missing is not None:
            self._fault(missing)
            return
        self._set_state(State.LOADING)
        mid = media_id or path.stem
        driver = self._driver

        def job() -> None:
            try:
                facts = read_clip_facts(
                    self.probe,
                    path,
                    media_id=mid,
                    authored_rate=frame_rate,
                    pictures=self.render == "frames",
                )
            except MediaProbeError as exc:
                failure = exc  # `exc` is cleared when the except block ends
                self._bridge.post(lambda: self._on_load_done(run, failure))
                return
            if run != self._run:
                return
            driver.open(facts, run)
            self._bridge.post(lambda: self._on_load_done(run, facts))
            if autoplay:
                driver.start()

        driver.submit(job)

    def _on_load_done(self, run: int, result: ClipFacts | MediaProbeError) -> None:
        if run != self._run:
            return
        path = self._loading_path or Path("?")
        if isinstance(result, MediaProbeError):
            self._fault(faults.undecodable(path, result))
            return
        loaded = result.loaded
        self._media = loaded
        if self.render == "frames":
            # Pictures carry the position of a clip; narration has only the clock,
            # read often enough for captions to change within a few ms of their
            # cues. The timer runs only while playing.
            self._clock_timer.setInterval(40 if loaded.is_video else _AUDIO_CLOCK_TICK_MS)
        self.set_checkpoints(self._pending_checkpoints)
        self._pending_checkpoints = ()
        self.media_loaded.emit(loaded)
        if self._vlc_started:
            self._set_state(State.PLAYING)
            self._anchor = None
            self._clock.reset(time.monotonic())
            self._clock_timer.start()
        else:
            self._hold = -1
            self._set_state(State.PAUSED)

    def _reset_presentation(self, *, keep_cues: bool = False) -> None:
        self._pending.clear()
        self._shown = None
        self._shown_image = None
        self._hold = None
        self._seek_target = None
        self._anchor = None
        if not keep_cues:
            self._cues.clear()
        self._frozen_cue = None
        self._furthest = -1
        self._present_timer.stop()
        self._seek_watchdog.stop()
        self._clock_timer.stop()
        self._last_position_ms = -1

    # ---------------------------------------------------------- checkpoints

    def set_checkpoints(self, checkpoints: Iterable[Checkpoint | CueTarget]) -> None:
        """Frames to stop on; each fires once per load (in frame order)."""
        self._cues.set(checkpoints, self.timeline)
        self._arm_next_cue()

    def _arm_next_cue(self) -> None:
        """Tell the sink the next stop frame, so libvlc is asked to pause the moment it arrives."""
        shown = self._shown.index if self._shown else -1
        cue = self._cues.next_after(shown)
        if cue is None or self.render != "frames":
            self._sink.stop_at(None)
        elif cue.frame > self._sink.last_index:
            self._sink.stop_at(cue.frame)
        else:
            self._sink.stop_at(None)  # already decoded: caught when presented

    # ------------------------------------------------------------ controls

    def play(self) -> None:
        """Start, resume after a pause/checkpoint/seek, or start over after the end."""
        if self._media is None:
            return
        if self._state == State.ENDED:
            self._restart(count_replay=False, play=True)
            return
        if self._vlc_ended and not self._media.is_video and self._state == State.CHECKPOINT:
            # The narration ran out at its checkpoint: what follows is its end.
            self._frozen_cue = None
            QTimer.singleShot(0, self._end_now)
            return
        self._frozen_cue = None
        self._hold = None
        self._seek_target = None
        now = time.monotonic()
        self._anchor = (self._shown.index, now) if self._shown else None
        self._arm_next_cue()
        # the sound waits for the pictures decoded ahead and still to be shown
        lag_us = (
            int(len(self._pending) * 1_000_000 / self.frame_rate)
            if self._media.info.has_audio
            else None
        )
        # Loaded without autoplay: libvlc has not started this clip yet, and a
        # plain start can drop frame 0 (see VlcDriver.start).
        fresh = not self._vlc_started
        self._vlc_started = True
        self._set_state(State.PLAYING)
        self._clock.at = now
        self._clock_timer.start()
        driver = self._driver
        driver.submit(lambda: driver.resume(lag_us=lag_us, fresh=fresh))
        self._pump()

    resume = play

    def pause(self) -> None:
        if self._media is None or self._state not in (State.PLAYING, State.SEEKING):
            return
        self._hold = self._shown.index if self._shown else -1
        self._anchor = None
        self._set_state(State.PAUSED)
        self._clock_timer.stop()
        self._driver.submit(self._driver.pause)
        self._emit_position(force=True)

    def toggle_pause(self) -> None:
        if self._state == State.PLAYING:
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        """Stop playback without blocking the GUI thread."""
        self._run += 1
        self._reset_presentation()
        self._set_state(State.STOPPED)
        self._vlc_ended = False
        self._driver.submit(self._driver.stop)

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(100, int(volume)))
        vol, player = self._volume, self._driver.player
        self._driver.submit(lambda: player.audio_set_volume(vol))

    def volume(self) -> int:
        return self._volume

    def set_loop(self, loop: bool) -> None:
        self._loop = loop

    def replay(self) -> int:
        """Start the clip over; counts against the replay limit (ReplayLimitExceeded)."""
        if self._media is None:
            raise RuntimeError("no clip loaded")
        try:
            used = self.policy.record_replay(self._media.media_id)
        except ReplayLimitExceeded as exc:
            self.replay_limit_reached.emit(exc.media_id, exc.limit)
            raise
        self._restart(count_replay=True, play=True)
        return used

    def _restart(self, *, count_replay: bool, play: bool) -> None:
        self._run += 1
        run = self._run
        self._reset_presentation(keep_cues=True)
        if count_replay:
            self._cues.forget_reached()
        self._vlc_ended = False
        self._vlc_started = play
        self._set_state(State.PLAYING if play else State.PAUSED)
        if play:
            self._clock_timer.start()
        cue = self._cues.next_after(-1)
        stop = cue.frame if cue else None
        driver = self._driver
        driver.submit(lambda: driver.restart(run, stop, play=play))

    # ---------------------------------------------------------------- seeks

    def seek_ms(self, ms: float) -> None:
        self.seek_frame(self.ms_to_frame(ms))

    def step(self, delta: int = 1) -> None:
        """Frame stepping (preview mode)."""
        self.policy.check_step()
        base = self._shown.index if self._shown else 0
        self.seek_frame(base + delta)

    def seek_frame(self, n: int) -> None:
        """Show frame n exactly and stay paused there (seek_finished follows)."""
        media = self._media
        if media is None or not media.is_video or self.render != "frames":
            if media is not None:
                self._seek_native(n)
            return
        n = clamp_seek(n, media.frame_count)
        try:
            self.policy.check_seek(n, self._furthest)
        except SeekNotAllowed:
            self.seek_refused.emit(n, self._furthest)
            raise
        self._seek_watchdog.stop()
        self._frozen_cue = None
        self._clock_timer.stop()
        self._anchor = None
        shown = self._shown.index if self._shown is not None else None
        if not is_on_screen(n, shown=shown, seeking=self._seek_target is not None):
            self._pending.extend(self._drain_current())
        plan = plan_seek(
            n,
            shown=shown,
            seeking=self._seek_target is not None,
            queued=[fr.index if fr.generation == self._run else None for fr in self._pending],
            last_decoded=self._sink.last_index,
            decoding=not self._vlc_ended and self._vlc_started,
            frame_rate=media.frame_rate,
            has_audio=media.info.has_audio,
        )
        self._carry_out_seek(plan, media)

    def _carry_out_seek(self, plan: SeekPlan, media: LoadedMedia) -> None:
        n, driver, has_audio = plan.frame, self._driver, media.info.has_audio
        if plan.way is SeekWay.ON_SCREEN:
            assert self._shown is not None
            self._hold = n
            self._finish_seek(self._shown)
            return
        if plan.way is SeekWay.QUEUED:
            for _ in range(plan.queue_position):
                self._pending.popleft()
            fr = self._pending.popleft()
            self._hold = n
            self._present(fr)
            self._finish_seek(fr)
            driver.submit(driver.pause)
            return
        self._set_state(State.SEEKING)
        self._hold = n
        self._seek_target = n
        self._seek_watchdog.start(_SEEK_WATCHDOG_MS)
        self._pending.clear()
        if plan.way is SeekWay.FORWARD:
            self._sink.stop_at(n)
            driver.submit(lambda: driver.decode_forward(mute=has_audio))
            return
        self._run += 1
        run = self._run
        self._vlc_ended = False
        self._vlc_started = True
        scan = plan.scan_rate
        driver.submit(lambda: driver.decode_from_start(run, n, scan_rate=scan, mute=has_audio))

    def _finish_seek(self, fr: Frame) -> None:
        self._seek_watchdog.stop()
        self._seek_target = None
        self._hold = fr.index
        self._anchor = None
        has_audio = bool(self._media and self._media.info.has_audio)
        driver = self._driver
        driver.submit(lambda: driver.end_seek(unmute=has_audio))
        self._set_state(State.PAUSED)
        self._emit_position(force=True)
        self.seek_finished.emit(fr.index)

    def _on_seek_watchdog(self) -> None:
        if self._seek_target is None:
            return
        log.warning(
            "seek to frame %d did not complete; showing the nearest frame", self._seek_target
        )
        self._driver.submit(self._driver.pause)
        self._settle_seek()

    def _settle_seek(self) -> None:
        """A seek that cannot get its frame shows the last one decoded (or what is on screen)."""
        candidates = [f for f in self._pending if f.generation == self._run]
        fr = candidates[-1] if candidates else self._shown
        self._pending.clear()
        if fr is not None:
            if fr is not self._shown:
                self._present(fr)
            self._finish_seek(fr)
        else:
            self._seek_target = None
            self._set_state(State.PAUSED)

    # --------------------------------------------------- picture pipeline

    def _on_frame_thread(self, frame: Frame) -> None:  # libvlc video thread
        self._frames.put(frame)
        self._bridge.post(self._on_frames_ready)
        self._driver.picture_arrived.set()

    def _on_stop_frame_thread(self, _frame: Frame) -> None:  # libvlc video thread
        self._driver.submit(self._driver.pause)

    def _drain_current(self) -> list[Frame]:
        """The frames handed over by the video thread and not yet queued, of this run."""
        return [f for f in self._frames.drain() if f.generation == self._run]

    def _on_frames_ready(self) -> None:
        for fr in self._frames.drain():
            if fr.generation == self._run:
                self._pending.append(fr)
                self._last_arrival = time.monotonic()
        self._pump()

    def _pump(self) -> None:
        """Show the queued frames, each when it is due, up to what is held or a checkpoint."""
        media = self._media
        if media is None:
            self._pending.clear()
            return
        fps = media.frame_rate
        while self._pending:
            now = time.monotonic()
            fr = self._pending[0]
            if self._seek_target is not None:
                self._pending.popleft()
                if fr.index < self._seek_target:
                    continue
                self._present(fr)
                self._finish_seek(fr)
                continue
            if self._hold is not None and fr.index > self._hold:
                break
            if self._shown is not None and fr.index < self._shown.index:
                self._anchor = None  # the clip looped
            if self._anchor is None:
                self._anchor = (fr.index, now)
            a_idx, a_t = self._anchor
            due = a_t + media.timeline.span_s(a_idx, fr.index)
            if due - now > 0.002:
                self._present_timer.start(max(1, int((due - now) * 1000)))
                break
            if now - due > 2.0 / fps:
                self._anchor = (fr.index, now)  # fell behind: do not rush to catch up
            self._pending.popleft()
            self._present(fr)
            cue = self._cues.due_at(fr.index) if self._state == State.PLAYING else None
            if cue is not None:
                self._reach_cue(cue, fr)
                break

    def _reach_cue(self, cue: CueTarget, fr: Frame) -> None:
        self._cues.reach(cue)
        self._hold = fr.index
        self._frozen_cue = cue.checkpoint_id
        self._anchor = None
        self._clock_timer.stop()
        self._sink.stop_at(None)
        if self._sink.last_index > fr.index:
            # decoded past it: ask for the pause (else the sink already asked, on this frame)
            self._driver.submit(self._driver.pause)
        self._set_state(State.CHECKPOINT)
        self._emit_position(force=True)
        self.checkpoint_reached.emit(cue.checkpoint_id, fr.index)

    def _present(self, fr: Frame) -> None:
        self._shown = fr
        self._shown_image = fr.to_qimage()
        if fr.index > self._furthest:
            self._furthest = fr.index
        ms = self.frame_to_ms(fr.index)
        self.frame_presented.emit(fr.index, ms)
        self._emit_position(ms)

    def _emit_position(self, ms: int | None = None, *, force: bool = False) -> None:
        if ms is None:
            ms = self.position_ms()
        if force or ms != self._last_position_ms:
            self._last_position_ms = ms
            self.position_changed.emit(ms)

    # --------------------------------------------- audio-only / native clock

    def _estimated_time_ms(self) -> int:
        return self._clock.estimate(
            time.monotonic(),
            running=self._state == State.PLAYING,
            fallback_ms=self._last_position_ms,
        )

    def _on_clock_tick(self) -> None:
        media = self._media
        if media is None or self._state != State.PLAYING:
            return
        # non-blocking read of libvlc's clock
        self._clock.note(self._driver.player.get_time(), time.monotonic())
        if self.render == "native" and media.is_video:
            # Aim the pause a third into the authored frame, not at its start: a
            # pause aimed at the start landed a frame early in 12 % of stops, one
            # aimed at the middle a frame late now and then (the latency varies).
            self._clock_cue_check(_NATIVE_PAUSE_LEAD_S - 0.3 / media.frame_rate)
        if not media.is_video or self.render == "native":
            self._emit_position(self._estimated_time_ms())
        if not media.is_video:
            # Narration has no pictures to count: its checkpoints are times on the
            # estimated media clock (a pause a few ms late is inaudible).
            self._clock_cue_check(0.0)

    def _clock_cue_check(self, lead_s: float) -> None:
        """Stop on the next cue by the estimated media clock (native video, audio only).

        `lead_s` is how early to ask for the pause, for the pause's own latency.
        """
        est = self._estimated_time_ms() / 1000.0
        cue = self._cues.next_after(-1)
        if cue is not None and est + lead_s >= self.timeline.frame_to_s(cue.frame):
            self._stop_on_clock_cue(cue)

    def _stop_on_clock_cue(self, cue: CueTarget) -> None:
        self._cues.reach(cue)
        self._frozen_cue = cue.checkpoint_id
        self._clock_timer.stop()
        if not self._vlc_ended:
            self._driver.submit(self._driver.pause)
        self._set_state(State.CHECKPOINT)
        self._clock.value = self.frame_to_ms(cue.frame)
        self._emit_position(force=True)
        self.checkpoint_reached.emit(cue.checkpoint_id, cue.frame)

    def _seek_native(self, n: int) -> None:
        media = self._media
        assert media is not None
        ms = self.frame_to_ms(n) if media.is_video else n
        self._clock.set(ms, time.monotonic())
        player = self._driver.player
        self._driver.submit(lambda: player.set_time(ms))
        self._emit_position(ms, force=True)

    def bind_window(self, win_id: int) -> None:
        """Native rendering: draw into this platform window (X11 window id on Linux).

        libvlc reads the window only when it creates its video output, so when
        the window changes while a clip is loaded the clip is restarted where it
        was: the picture goes on in the new window from (about) that frame.
        (Switching the video track off and on also makes a new output, but it
        shows grey pictures up to the next keyframe, and a seek behind it while
        paused showed a picture ~20 frames on.)
        """
        wid = int(win_id)
        media = self._media
        rebind = self._bound_window not in (None, wid) and media is not None and media.is_video
        self._bound_window = wid
        playing = self._state == State.PLAYING
        # the start of the frame, rounded down: a seek shows the first picture at or after it
        held_ms = self.timeline.frame_start_ms(self.ms_to_frame(self.position_ms()))
        # libvlc's own clock moves in 250 ms steps: the engine's estimate is finer
        asked_at = time.monotonic()
        driver = self._driver

        def job() -> None:
            driver.set_window(wid)
            if not rebind or not driver.is_open():
                return
            ms = held_ms
            if playing:
                ms += int((time.monotonic() - asked_at) * 1000)
            # Started paused with the seek queued behind the opening (as in
            # VlcDriver.start), the new output's first picture is the one at `ms`,
            # or with B-frames up to 4 frames before it (libvlc's precise seek
            # skips pictures by decoding order, measured on H.264).
            driver.restart_at(ms, play=playing)

        driver.submit(job)

    # ------------------------------------------------------------- events

    def _on_vlc_event_thread(self, name: str) -> None:  # libvlc event thread
        run = self._run
        self._bridge.post(lambda: self._on_vlc_event(run, name))

    def _on_vlc_event(self, run: int, name: str) -> None:
        media = self._media
        if name == "error":
            self._fault(faults.decoding_error(self._loading_path or Path("?")))
            return
        if name != "end" or media is None or run != self._run:
            return
        self._vlc_ended = True
        self._on_frames_ready()
        if self._loop and self._seek_target is None and self._state == State.PLAYING:
            self._loop_when_quiet(self._run)
            return
        if self._seek_target is not None:
            self._settle_seek()
            return
        truncated = faults.truncation(media, self._pictures_decoded, self._estimated_time_ms)
        if truncated is not None:
            self._fault(truncated, keep_state=True)
        # Let queued pictures finish before reporting the end.
        QTimer.singleShot(int(1000 * (len(self._pending) + 1) / media.frame_rate), self._finish_end)

    def _finish_end(self) -> None:
        if self._state not in (State.PLAYING,) or self._media is None:
            return
        # libvlc reports the end when the input is drained, which can be a
        # picture before the last one is displayed: wait for the pictures to stop.
        quiet = time.monotonic() - self._last_arrival
        if self._pending or (self._media.is_video and quiet < 2.5 / self._media.frame_rate):
            QTimer.singleShot(15, self._finish_end)
            return
        self._clock_timer.stop()
        if not self._media.is_video:
            cue = self._cues.next_after(-1)
            if cue is not None:
                # Without a sound card libvlc reports the end of audio up to ~1 s
                # early: a checkpoint in that last stretch is reached at the end.
                self._stop_on_clock_cue(cue)
                return
        # libvlc may end without displaying the very last picture: a checkpoint
        # authored there stops on the last picture shown.
        if self._shown is not None:
            late = self._cues.next_after(self._shown.index - 1)
            if late is not None and late.frame >= self._shown.index:
                self._reach_cue(late, self._shown)
                return
        self._end_now()

    def _end_now(self) -> None:
        self._set_state(State.ENDED)
        self._emit_position(force=True)
        self.ended.emit()

    def _loop_when_quiet(self, run: int) -> None:
        """Restart a loop once libvlc has handed over its last pictures.

        libvlc reports the end when the input is drained, while the last
        pictures can still be on their way to the display callback (as in
        `_finish_end`); stopping at once would drop them, and a busy machine
        would see the loop skip its last frames on every pass.
        """
        media = self._media
        if (
            media is None
            or run != self._run
            or not self._loop
            or self._state != State.PLAYING
            or self._seek_target is not None
        ):
            return
        if media.is_video and time.monotonic() - self._last_arrival < 2.5 / media.frame_rate:
            QTimer.singleShot(15, lambda: self._loop_when_quiet(run))
            return
        self._vlc_ended = False
        self._cues.forget_reached()
        driver, run_now = self._driver, self._run
        driver.submit(lambda: driver.loop_restart(run_now))

    def _pictures_decoded(self) -> int:
        """How many pictures of the clip came out of the decoder so far."""
        if self.render == "frames":
            return self._sink.last_index + 1
        # Native rendering: the pictures never pass through the engine (and libvlc's
        # statistics are off, see vlc_instance): the clock shows how far the clip played
        # (libvlc updates it every 250 ms; the engine's estimate runs in between).
        reached = max(self._estimated_time_ms(), self._driver.player.get_time())
        return self.ms_to_frame(reached) + 1 if reached >= 0 else 0

    # ------------------------------------------------------------- faults

    def _on_log_thread(self, level: int, module: str, text: str) -> None:  # any libvlc thread
        if text.startswith(faults.DECODERS_READY_LINE):
            self._driver.decoders_ready.set()
        if faults.is_audio_output_failure(level, text):
            self._bridge.post(self._on_no_audio_device)

    def _on_no_audio_device(self) -> None:
        media = self._media
        if media is None or not media.info.has_audio:
            return
        self._fault(faults.no_audio_device(media), keep_state=True)

    def _fault(self, fault: faults.Fault, *, keep_state: bool = False) -> None:
        log.warning("%s", fault.message)
        if not keep_state:
            self._set_state(State.ERROR)
        self.media_fault.emit(fault.kind.value, str(fault.path), fault.message)

    def _set_state(self, state: State) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state.value)

    # ------------------------------------------------------------ cleanup

    def close(self) -> None:
        """Stop and release libvlc resources (waits for the worker; call at exit)."""
        if self._closed:
            return
        self._closed = True
        self._run += 1
        self._reset_presentation()
        self._driver.close()
        self._bridge.close()

    def worker_busy_ms(self) -> float:
        return self._driver.busy_ms()


if TYPE_CHECKING:
    _checked: type[PlayerEngine] = MediaEngine  # the real engine implements the interface
