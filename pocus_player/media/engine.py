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
The engine's own parts, on the GUI thread, share one `playback.Playback`
(what is loaded, shown, held and queued); the engine's tests cover them:
- clip_loading: a clip's file checked, its facts read, libvlc opened.
- presenter: decoded frames shown in order, each when it is due.
- checkpoint_stops: the stop on a checkpoint, on its picture or by the clock.
- seeking: seeks and frame steps carried out on the queue and on libvlc.
- clock_watch: libvlc's clock read while narration or native video plays.
- clip_end: the end of a clip: the last pictures, the loop, a late checkpoint.
- native_window: the window libvlc draws into (render="native").
This module builds and connects them, keeps the transport controls (play,
pause, stop, replay) and turns what libvlc's threads report into GUI calls.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import vlc
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from pocus_player.core.model import Checkpoint
from pocus_player.media import faults
from pocus_player.media.bridge import GuiBridge
from pocus_player.media.checkpoint_stops import CheckpointStops
from pocus_player.media.clip_end import ClipEnd
from pocus_player.media.clip_loading import ClipLoader
from pocus_player.media.clock_watch import ClockWatch
from pocus_player.media.engine_api import (
    DEFAULT_FRAME_RATE,
    CueTarget,
    EngineProbe,
    FaultKind,
    LoadedMedia,
    PlayerEngine,
    State,
)
from pocus_player.media.frame_numbering import FrameTimeline
from pocus_player.media.frames import Frame, FrameQueue, FrameSink
from pocus_player.media.native_window import NativeWindow
from pocus_player.media.playback import Playback
from pocus_player.media.policy import PlaybackPolicy, ReplayLimitExceeded
from pocus_player.media.presenter import Presenter
from pocus_player.media.probe import VlcMediaProbe
from pocus_player.media.seeking import Seeker
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
        self._init_parts()
        self._volume = 100
        self._closed = False

    def _init_parts(self) -> None:
        """The GUI thread's parts, each given the shared playback and the signals it reports on."""
        pb = self._playback = Playback(
            clock_timer=QTimer(self),
            state_changed=self.state_changed,
            position_changed=self.position_changed,
            media_fault=self.media_fault,
        )
        render = self.render
        self._stops = CheckpointStops(
            pb, self._sink, self._driver, render=render, checkpoint_reached=self.checkpoint_reached
        )
        self._clock = ClockWatch(pb, self._driver, self._stops, render=render)
        self._presenter = Presenter(
            pb,
            self._frames,
            self._stops,
            seek_landed=lambda fr: self._seeker.finish(fr),
            frame_presented=self.frame_presented,
            parent=self,
        )
        self._seeker = Seeker(
            pb,
            self._presenter,
            self._sink,
            self._driver,
            render=render,
            seek_finished=self.seek_finished,
            seek_refused=self.seek_refused,
            parent=self,
        )
        self._clip_end = ClipEnd(
            pb,
            self._presenter,
            self._seeker,
            self._stops,
            self._sink,
            self._driver,
            render=render,
            ended=self.ended,
            parent=self,
        )
        self._loader = ClipLoader(
            pb,
            self._driver,
            self._bridge,
            self._stops,
            self._clock,
            render=render,
            media_loaded=self.media_loaded,
        )
        self._window = NativeWindow(pb, self._driver)

    # ------------------------------------------------------------------ info

    @property
    def state(self) -> State:
        return self._playback.state

    @property
    def media(self) -> LoadedMedia | None:
        return self._playback.media

    @property
    def frame_rate(self) -> float:
        return self._playback.frame_rate

    @property
    def timeline(self) -> FrameTimeline:
        """Frame numbers and media time of the loaded clip."""
        return self._playback.timeline

    @property
    def current_frame(self) -> int:
        """Index of the frame on screen (-1 before the first)."""
        shown = self._playback.shown
        return shown.index if shown else -1

    @property
    def furthest_seen(self) -> int:
        return self._playback.furthest

    @property
    def frozen_checkpoint(self) -> str | None:
        return self._playback.frozen_cue

    @property
    def vlc_player(self) -> vlc.MediaPlayer:
        return self._driver.player

    def current_image(self) -> QImage | None:
        """The picture on screen, as a QImage sharing the engine's buffer (copy it to keep it)."""
        return self._playback.shown_image

    def frozen_frame(self) -> QImage | None:
        """A deep copy of the picture on screen, e.g. for a hotspot question."""
        image = self._playback.shown_image
        return image.copy() if image is not None else None

    def position_ms(self) -> int:
        return self._playback.position_ms()

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
        self._playback.run += 1
        self._reset_presentation()
        self._loader.load(
            Path(path),
            self.probe,
            media_id=media_id,
            frame_rate=frame_rate,
            loop=loop,
            autoplay=autoplay,
            checkpoints=checkpoints,
        )

    def _reset_presentation(self, *, keep_cues: bool = False) -> None:
        self._playback.clear_screen(keep_cues=keep_cues)
        self._presenter.stop()
        self._seeker.stop_watchdog()

    def set_checkpoints(self, checkpoints: Iterable[Checkpoint | CueTarget]) -> None:
        """Frames to stop on; each fires once per load (in frame order)."""
        self._stops.set(checkpoints)

    # ------------------------------------------------------------ controls

    def play(self) -> None:
        """Start, resume after a pause/checkpoint/seek, or start over after the end."""
        pb = self._playback
        if pb.media is None:
            return
        if pb.state == State.ENDED:
            self._restart(count_replay=False, play=True)
            return
        if pb.vlc_ended and not pb.media.is_video and pb.state == State.CHECKPOINT:
            # The narration ran out at its checkpoint: what follows is its end.
            pb.frozen_cue = None
            QTimer.singleShot(0, self, self._clip_end.end_now)
            return
        pb.frozen_cue = None
        pb.hold = None
        pb.seek_target = None
        now = time.monotonic()
        pb.anchor = (pb.shown.index, now) if pb.shown else None
        self._stops.arm_next()
        # the sound waits for the pictures decoded ahead and still to be shown
        lag_us = (
            int(len(pb.pending) * 1_000_000 / self.frame_rate) if pb.media.info.has_audio else None
        )
        # Loaded without autoplay: libvlc has not started this clip yet, and a
        # plain start can drop frame 0 (see VlcDriver.start).
        fresh = not pb.vlc_started
        pb.vlc_started = True
        pb.set_state(State.PLAYING)
        pb.clock.at = now
        pb.clock_timer.start()
        driver = self._driver
        driver.submit(lambda: driver.resume(lag_us=lag_us, fresh=fresh))
        self._presenter.pump()

    resume = play

    def pause(self) -> None:
        pb = self._playback
        if pb.media is None or pb.state not in (State.PLAYING, State.SEEKING):
            return
        pb.hold = pb.shown.index if pb.shown else -1
        pb.anchor = None
        pb.set_state(State.PAUSED)
        pb.clock_timer.stop()
        self._driver.submit(self._driver.pause)
        pb.emit_position(force=True)

    def toggle_pause(self) -> None:
        if self._playback.state == State.PLAYING:
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        """Stop playback without blocking the GUI thread."""
        pb = self._playback
        pb.run += 1
        self._reset_presentation()
        pb.set_state(State.STOPPED)
        pb.vlc_ended = False
        self._driver.submit(self._driver.stop)

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(100, int(volume)))
        vol, player = self._volume, self._driver.player
        self._driver.submit(lambda: player.audio_set_volume(vol))

    def volume(self) -> int:
        return self._volume

    def set_loop(self, loop: bool) -> None:
        self._playback.loop = loop

    def replay(self) -> int:
        """Start the clip over; counts against the replay limit (ReplayLimitExceeded)."""
        media = self._playback.media
        if media is None:
            raise RuntimeError("no clip loaded")
        try:
            used = self.policy.record_replay(media.media_id)
        except ReplayLimitExceeded as exc:
            self.replay_limit_reached.emit(exc.media_id, exc.limit)
            raise
        self._restart(count_replay=True, play=True)
        return used

    def _restart(self, *, count_replay: bool, play: bool) -> None:
        pb = self._playback
        pb.run += 1
        run = pb.run
        self._reset_presentation(keep_cues=True)
        if count_replay:
            pb.cues.forget_reached()
        pb.vlc_ended = False
        pb.vlc_started = play
        pb.set_state(State.PLAYING if play else State.PAUSED)
        if play:
            pb.clock_timer.start()
        cue = pb.cues.next_after(-1)
        stop = cue.frame if cue else None
        driver = self._driver
        driver.submit(lambda: driver.restart(run, stop, play=play))

    # ---------------------------------------------------------------- seeks

    def seek_ms(self, ms: float) -> None:
        self.seek_frame(self.ms_to_frame(ms))

    def step(self, delta: int = 1) -> None:
        """Frame stepping (preview mode)."""
        self.policy.check_step()
        shown = self._playback.shown
        base = shown.index if shown else 0
        self.seek_frame(base + delta)

    def seek_frame(self, n: int) -> None:
        """Show frame n exactly and stay paused there (seek_finished follows)."""
        self._seeker.seek_frame(n, self.policy)

    def bind_window(self, win_id: int) -> None:
        """Native rendering: draw into this platform window (X11 window id on Linux)."""
        self._window.bind(win_id)

    # -------------------------------------------------- from libvlc's threads

    def _on_frame_thread(self, frame: Frame) -> None:  # libvlc video thread
        self._frames.put(frame)
        self._bridge.post(self._presenter.frames_ready)
        self._driver.picture_arrived.set()

    def _on_stop_frame_thread(self, _frame: Frame) -> None:  # libvlc video thread
        self._driver.submit(self._driver.pause)

    def _on_vlc_event_thread(self, name: str) -> None:  # libvlc event thread
        run = self._playback.run
        self._bridge.post(lambda: self._on_vlc_event(run, name))

    def _on_vlc_event(self, run: int, name: str) -> None:
        pb = self._playback
        if name == "error":
            pb.fault(faults.decoding_error(pb.loading_path or Path("?")))
            return
        if name != "end" or pb.media is None or run != pb.run:
            return
        self._clip_end.reached()

    def _on_log_thread(self, level: int, module: str, text: str) -> None:  # any libvlc thread
        if text.startswith(faults.DECODERS_READY_LINE):
            self._driver.decoders_ready.set()
        if faults.is_audio_output_failure(level, text):
            self._bridge.post(self._on_no_audio_device)

    def _on_no_audio_device(self) -> None:
        media = self._playback.media
        if media is None or not media.info.has_audio:
            return
        self._playback.fault(faults.no_audio_device(media), keep_state=True)

    # ------------------------------------------------------------ cleanup

    def close(self) -> None:
        """Stop and release libvlc resources (waits for the worker; call at exit)."""
        if self._closed:
            return
        self._closed = True
        self._playback.run += 1
        self._reset_presentation()
        self._driver.close()
        self._bridge.close()

    def worker_busy_ms(self) -> float:
        return self._driver.busy_ms()


if TYPE_CHECKING:
    _checked: type[PlayerEngine] = MediaEngine  # the real engine implements the interface
