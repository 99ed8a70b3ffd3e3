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
libvlc callback calls back into libvlc (nor into Qt: see bridge.py). Calls that can block (stop, loading a
new media, seeking) run on one worker thread, so the GUI thread never waits
on libvlc.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import enum
import logging
import queue
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import vlc
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from pocus_player.core.media_info import MediaInfo, MediaProbeError
from pocus_player.core.model import Checkpoint
from pocus_player.media import memory_media
from pocus_player.media.bridge import GuiBridge
from pocus_player.media.first_frames import needs_first_frames
from pocus_player.media.frames import Frame, FrameQueue, FrameSink
from pocus_player.media.policy import (
    PlaybackPolicy,
    ReplayLimitExceeded,
    SeekNotAllowed,
)
from pocus_player.media.probe import VlcMediaProbe, gif_media_options
from pocus_player.media.vlc_instance import VlcRuntime, shared_runtime

log = logging.getLogger(__name__)

DEFAULT_FRAME_RATE = 25.0
# A seek never waits longer than this for its frame before showing what it has.
_SEEK_WATCHDOG_MS = 6000
# Faster-than-real-time decoding from the start while looking for a seek target
# (clips without sound). libvlc drops pictures when the rate changes mid-stream,
# so the rate is only raised for a fresh start, where it decodes every picture.
_SCAN_RATE = 4.0
# Longest wait for libvlc's decoders to have their first pictures at a start.
_DECODER_WAIT_S = 0.5
_FIRST_PICTURE_WAIT_S = 0.3
# How often the media clock is read while narration (no pictures) plays.
_AUDIO_CLOCK_TICK_MS = 10
# Measured time from set_pause(1) to libvlc actually pausing (native path only).
_NATIVE_PAUSE_LEAD_S = 0.044


class FaultKind(enum.StrEnum):
    MISSING = "missing"
    UNDECODABLE = "undecodable"
    TRUNCATED = "truncated"
    NO_AUDIO_DEVICE = "no_audio_device"


class State(enum.StrEnum):
    IDLE = "idle"
    LOADING = "loading"
    PLAYING = "playing"
    PAUSED = "paused"
    CHECKPOINT = "checkpoint"
    SEEKING = "seeking"
    ENDED = "ended"
    STOPPED = "stopped"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class LoadedMedia:
    path: Path
    media_id: str
    info: MediaInfo
    frame_rate: float  # the probe's rate, else the authored one, else 25
    frame_count: int  # estimated from duration x rate; 0 for audio only
    sample_aspect: float = 1.0

    @property
    def is_video(self) -> bool:
        return self.info.has_video


@dataclass(frozen=True, slots=True)
class CueTarget:
    checkpoint_id: str
    frame: int


def _load_malloc_trim() -> Callable[[], None]:
    """glibc's malloc_trim, or a no-op elsewhere."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return lambda: None
    trim.argtypes = [ctypes.c_size_t]
    return lambda: trim(0)


# Pictures are copied on libvlc's video thread and freed on the GUI thread;
# glibc keeps such freed memory in the video thread's arena unless asked to
# give it back, which RSS then shows as growth from clip to clip.
_malloc_trim = _load_malloc_trim()


class _Worker(threading.Thread):
    """Runs blocking libvlc calls in order, off the GUI thread."""

    def __init__(self) -> None:
        super().__init__(name="pocus-media-worker", daemon=True)
        self._q: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self.busy_since: float | None = None

    def submit(self, fn: Callable[[], None]) -> None:
        self._q.put(fn)

    def run(self) -> None:
        while True:
            fn = self._q.get()
            if fn is None:
                return
            self.busy_since = time.monotonic()
            try:
                fn()
            except Exception:
                log.exception("media command failed")
            finally:
                self.busy_since = None

    def close(self, timeout: float = 10.0) -> None:
        self._q.put(None)
        self.join(timeout)


class MediaEngine(QObject):
    """One libvlc media player, driven from the GUI thread.

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
        probe: VlcMediaProbe | None = None,
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
        self.probe = probe or VlcMediaProbe(self.runtime)
        self.policy = policy or PlaybackPolicy.preview()
        self.render = render
        self._player: vlc.MediaPlayer = self.runtime.instance.media_player_new()
        if audio_output:
            self._player.audio_output_set(audio_output)
        if audio_device:
            self._player.audio_output_device_set(audio_output, audio_device)
        self._frames = FrameQueue()
        self._sink = FrameSink(self._on_frame_thread, self._on_stop_frame_thread)
        if render == "frames":
            self._player.video_set_callbacks(self._sink.lock_cb, None, self._sink.display_cb, None)
        self._bridge = GuiBridge(self)
        self._decoders_ready = threading.Event()
        self._picture_arrived = threading.Event()  # set on libvlc's video thread
        self._worker_path = Path()  # the media the worker last loaded
        self._worker_video = False  # ... and whether its pictures come to the sink
        self._worker = _Worker()
        self._worker.start()

        # GUI-thread state
        self._state = State.IDLE
        self._media: LoadedMedia | None = None
        self._loading_path: Path | None = None
        self._run = 0  # bumped whenever the picture stream restarts (load, seek, replay)
        self._pending: deque[Frame] = deque()
        self._shown: Frame | None = None
        self._shown_image: QImage | None = None
        self._hold: int | None = None
        self._seek_target: int | None = None
        self._anchor: tuple[int, float] | None = None
        self._cues: list[CueTarget] = []
        self._reached: set[str] = set()
        self._frozen_cue: str | None = None
        self._furthest = -1
        self._loop = False
        self._vlc_ended = False
        self._vlc_started = False
        self._audio_fault_sent = False
        self._mute_for_seek = False
        self._volume = 100
        self._rate = 1.0
        self._last_position_ms = -1
        self._last_arrival = 0.0
        # audio-only media time, estimated between libvlc's coarse clock updates
        self._clock_value = -1
        self._clock_at = 0.0

        self._present_timer = QTimer(self)
        self._present_timer.setSingleShot(True)
        self._present_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._present_timer.timeout.connect(self._pump)
        self._seek_watchdog = QTimer(self)
        self._seek_watchdog.setSingleShot(True)
        self._seek_watchdog.timeout.connect(self._on_seek_watchdog)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(5 if render == "native" else 40)
        self._clock_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._clock_timer.timeout.connect(self._on_clock_tick)

        em = self._player.event_manager()
        self._event_names = {
            vlc.EventType.MediaPlayerEndReached: "end",
            vlc.EventType.MediaPlayerEncounteredError: "error",
            vlc.EventType.MediaPlayerPlaying: "playing",
            vlc.EventType.MediaPlayerPaused: "paused",
            vlc.EventType.MediaPlayerStopped: "stopped",
        }
        for ev in self._event_names:
            em.event_attach(ev, self._on_vlc_event_thread)
        self.runtime.add_log_listener(self._on_log_thread)
        self._bound_window: int | None = None  # native rendering: the window libvlc draws into
        self._closed = False

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
        return self._player

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
        return round(index * 1000.0 / self.frame_rate)

    def ms_to_frame(self, ms: float) -> int:
        return int(ms * self.frame_rate / 1000.0 + 1e-6)

    # ------------------------------------------------------------- loading

    def load(
        self,
        path: Path | str,
        *,
        media_id: str | None = None,
        frame_rate: float | None = None,
        loop: bool = False,
        autoplay: bool = True,
        checkpoints: Iterable[Checkpoint] = (),
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
        self._audio_fault_sent = False
        self._pending_checkpoints = tuple(checkpoints)
        self._loading_path = path
        sealed = memory_media.is_sealed(path)  # a sealed package's member: played from memory
        if not sealed and not path.exists():
            self._fault(FaultKind.MISSING, path, f"Media file not found: {path}")
            return
        if not sealed and not path.is_file():
            self._fault(FaultKind.MISSING, path, f"Media path is not a file: {path}")
            return
        self._set_state(State.LOADING)
        mid = media_id or path.stem
        hint = frame_rate

        def job() -> None:
            try:
                info, sar = memory_media.probe_full(self.probe, path)
            except MediaProbeError as exc:
                self._bridge.post(lambda err=exc: self._on_load_done(run, err))
                return
            if run != self._run:
                return
            self._player.stop()
            fps = info.frame_rate or hint or DEFAULT_FRAME_RATE
            count = round(info.duration_s * fps) if info.has_video else 0
            loaded = LoadedMedia(path, mid, info, fps, count, sar)
            self._worker_path = path
            self._worker_video = self.render == "frames" and info.has_video
            prints: tuple[bytes, ...] = ()
            if self.render == "frames" and info.has_video and info.width and info.height:
                # a GIF: how long each picture lasts
                ticks = memory_media.gif_picture_ticks(self.probe, path)
                # a start libvlc may show early: frames known by their content
                prints = memory_media.first_frame_prints(self.probe, path, info.width, info.height)
                self._sink.configure(info.width, info.height, fps, ticks)
                self._player.video_set_format("RV32", info.width, info.height, info.width * 4)
            # the player was stopped above: the previous in-memory media may be wiped now
            media = memory_media.new_media(self.runtime.instance, path, id(self))
            for option in gif_media_options(path):
                media.add_option(option)  # a GIF animates only through libavformat
            self._player.set_media(media)
            media.release()
            self._sink.restart(run, forget=True)
            self._sink.seed(prints)
            self._player.audio_set_delay(0)
            self._player.set_rate(1.0)
            self._sink.set_rate(1.0)
            self._bridge.post(lambda: self._on_load_done(run, loaded))
            if autoplay:
                self._vlc_start()

        self._worker.submit(job)

    def _on_load_done(self, run: int, result: object) -> None:
        if run != self._run:
            return
        path = self._loading_path or Path("?")
        if isinstance(result, MediaProbeError):
            self._fault(FaultKind.UNDECODABLE, path, f"Cannot play {path.name}: {result}")
            return
        assert isinstance(result, LoadedMedia)
        self._media = result
        if self.render == "frames":
            # Pictures carry the position of a clip; narration has only the clock,
            # read often enough for captions to change within a few ms of their
            # cues. The timer runs only while playing.
            self._clock_timer.setInterval(40 if result.is_video else _AUDIO_CLOCK_TICK_MS)
        self.set_checkpoints(self._pending_checkpoints)
        self._pending_checkpoints = ()
        self.media_loaded.emit(result)
        if self._vlc_started:
            self._set_state(State.PLAYING)
            self._anchor = None
            self._clock_value, self._clock_at = -1, time.monotonic()
            self._clock_timer.start()
        else:
            self._hold = -1
            self._set_state(State.PAUSED)

    def _reset_presentation(self) -> None:
        self._pending.clear()
        self._shown = None
        self._shown_image = None
        self._hold = None
        self._seek_target = None
        self._anchor = None
        self._cues = []
        self._reached = set()
        self._frozen_cue = None
        self._furthest = -1
        self._present_timer.stop()
        self._seek_watchdog.stop()
        self._clock_timer.stop()
        self._last_position_ms = -1

    # ---------------------------------------------------------- checkpoints

    def set_checkpoints(self, checkpoints: Iterable[Checkpoint | CueTarget]) -> None:
        """Frames to stop on; each fires once per load (in frame order)."""
        cues: list[CueTarget] = []
        for cp in checkpoints:
            if isinstance(cp, CueTarget):
                cues.append(cp)
            else:
                cues.append(CueTarget(cp.id, cp.target_frame(self.frame_rate)))
        cues.sort(key=lambda c: c.frame)
        self._cues = cues
        self._reached = set()
        self._arm_next_cue()

    def _next_cue(self, after: int) -> CueTarget | None:
        for cue in self._cues:
            if cue.checkpoint_id not in self._reached and cue.frame > after:
                return cue
        return None

    def _arm_next_cue(self) -> None:
        shown = self._shown.index if self._shown else -1
        cue = self._next_cue(shown)
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
        ahead = len(self._pending) + len(self._frames_peek())
        lag_us = int(ahead * 1_000_000 / self.frame_rate) if self._media.info.has_audio else 0
        # Loaded without autoplay: libvlc has not started this clip yet, and a
        # plain start can drop frame 0 (see _vlc_start).
        fresh = not self._vlc_started
        self._vlc_started = True
        self._set_state(State.PLAYING)
        self._clock_at = now
        self._clock_timer.start()

        def job() -> None:
            if self._media is not None and self._media.info.has_audio:
                self._player.audio_set_delay(lag_us)
            self._player.set_rate(1.0)
            self._player.audio_set_mute(False)
            if fresh:
                self._vlc_start()
            else:
                self._vlc_play()

        self._worker.submit(job)
        self._pump()

    resume = play

    def pause(self) -> None:
        if self._media is None or self._state not in (State.PLAYING, State.SEEKING):
            return
        self._hold = self._shown.index if self._shown else -1
        self._anchor = None
        self._set_state(State.PAUSED)
        self._clock_timer.stop()
        self._worker.submit(self._vlc_pause)
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

        def job() -> None:
            self._player.stop()
            _malloc_trim()

        self._worker.submit(job)

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(100, int(volume)))
        vol = self._volume
        self._worker.submit(lambda: self._player.audio_set_volume(vol))

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
        keep_cues, reached = self._cues, set() if count_replay else self._reached
        self._reset_presentation()
        self._cues, self._reached = keep_cues, reached
        self._vlc_ended = False
        self._vlc_started = play
        self._set_state(State.PLAYING if play else State.PAUSED)
        if play:
            self._clock_timer.start()
        cue = self._next_cue(-1)
        stop = cue.frame if cue else None

        def job() -> None:
            self._player.stop()
            self._sink.restart(run)
            self._sink.stop_at(stop)
            self._player.audio_set_delay(0)
            self._player.set_rate(1.0)
            self._sink.set_rate(1.0)
            if play:
                self._vlc_start()

        self._worker.submit(job)

    def _vlc_pause(self) -> None:  # worker thread
        self._sink.set_paused(True)
        self._player.set_pause(1)

    def _vlc_play(self) -> None:  # worker thread
        self._sink.set_paused(False)
        self._player.play()

    def _vlc_start(self) -> None:  # worker thread
        """Start from the beginning so that the first picture shown is frame 0.

        Started straight away, libvlc's video output drops the first picture
        whenever the second is already due by the time the first is ready (one
        start in five here, more under load), and counting would be one off.
        So playback starts paused with a seek to 0 queued behind the opening of
        the input: a seek while paused makes the output show the first picture
        at once (nothing is due while paused, so nothing can displace it), and
        then playback resumes with frame 1. Queued at once, the seek is done
        before anything is decoded, so the start is decoded only once (seeking
        after the decoders' first pictures cost ~4 ms more per start).
        Measured: frame 0 then frames 1-5 in order in 48 of 48 starts of the
        corpus clips with both cores saturated by other work.
        """
        # No pictures to wait for; or an MPEG stream, whose first picture libvlc
        # shows early with or without the seek: the sink knows its first frames
        # by their content instead (see first_frames).
        seek = self._worker_video and not needs_first_frames(self._worker_path)
        self._decoders_ready.clear()
        self._picture_arrived.clear()
        self._sink.set_paused(False)
        before = self._sink.delivered
        self._player.play()
        self._player.set_pause(1)
        if seek:
            # Queued right behind the pause, the seek flushes the input before its
            # buffering ends, so no picture is shown before it; the first picture
            # is frame 0, and playback resumes at once, before the paused output
            # shows it again.
            self._player.set_time(0)
            deadline = time.monotonic() + _DECODER_WAIT_S + _FIRST_PICTURE_WAIT_S
            while self._sink.delivered == before and (left := deadline - time.monotonic()) > 0:
                self._picture_arrived.wait(left)
                self._picture_arrived.clear()
        else:
            self._decoders_ready.wait(_DECODER_WAIT_S)
        self._player.set_pause(0)

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
        n = max(0, n)
        if media.frame_count:
            n = min(n, media.frame_count - 1)
        try:
            self.policy.check_seek(n, self._furthest)
        except SeekNotAllowed:
            self.seek_refused.emit(n, self._furthest)
            raise
        self._seek_watchdog.stop()
        self._frozen_cue = None
        self._clock_timer.stop()
        self._anchor = None
        # Already on screen, or decoded and waiting: no libvlc call needed.
        if self._shown is not None and self._shown.index == n and self._seek_target is None:
            self._hold = n
            self._finish_seek(self._shown)
            return
        self._pending.extend(self._frames_peek(drain=True))
        for i, fr in enumerate(self._pending):
            if fr.index == n and fr.generation == self._run:
                for _ in range(i):
                    self._pending.popleft()
                self._pending.popleft()
                self._hold = n
                self._present(fr)
                self._finish_seek(fr)
                self._worker.submit(self._vlc_pause)
                return
        self._set_state(State.SEEKING)
        self._hold = n
        self._seek_target = n
        self._seek_watchdog.start(_SEEK_WATCHDOG_MS)
        last = self._sink.last_index
        # Real time near the start: at a raised rate libvlc may skip frame 0.
        scan = 1.0 if media.info.has_audio or n < 2 * media.frame_rate else _SCAN_RATE
        has_audio = media.info.has_audio
        if (
            not self._vlc_ended
            and self._vlc_started
            and last < n <= last + max(2, int(media.frame_rate))
        ):
            # Just ahead: decode forward to it.
            self._pending.clear()
            self._sink.stop_at(n)

            def forward() -> None:
                if has_audio:
                    self._player.audio_set_mute(True)
                self._vlc_play()

            self._worker.submit(forward)
            return
        self._run += 1
        run = self._run
        self._pending.clear()
        # Anywhere else: decode from the start, counting (fast when there is no sound).
        self._vlc_ended = False
        self._vlc_started = True

        def from_start() -> None:
            self._player.stop()
            self._sink.restart(run)
            self._sink.stop_at(n)
            if has_audio:
                self._player.audio_set_mute(True)
            self._player.set_rate(scan)
            self._sink.set_rate(scan)
            self._vlc_start()

        self._worker.submit(from_start)

    def _finish_seek(self, fr: Frame) -> None:
        self._seek_watchdog.stop()
        self._seek_target = None
        self._hold = fr.index
        self._anchor = None
        has_audio = bool(self._media and self._media.info.has_audio)

        def restore() -> None:
            self._player.set_rate(1.0)
            self._sink.set_rate(1.0)
            if has_audio:
                self._player.audio_set_mute(False)

        self._worker.submit(restore)
        self._set_state(State.PAUSED)
        self._emit_position(force=True)
        self.seek_finished.emit(fr.index)

    def _on_seek_watchdog(self) -> None:
        if self._seek_target is None:
            return
        log.warning(
            "seek to frame %d did not complete; showing the nearest frame", self._seek_target
        )
        candidates = [f for f in self._pending if f.generation == self._run]
        fr = candidates[-1] if candidates else self._shown
        self._pending.clear()
        self._worker.submit(self._vlc_pause)
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
        self._picture_arrived.set()

    def _on_stop_frame_thread(self, _frame: Frame) -> None:  # libvlc video thread
        self._worker.submit(self._vlc_pause)

    def _frames_peek(self, drain: bool = False) -> list[Frame]:
        if not drain:
            return []
        return [f for f in self._frames.drain() if f.generation == self._run]

    def _on_frames_ready(self) -> None:
        for fr in self._frames.drain():
            if fr.generation == self._run:
                self._pending.append(fr)
                self._last_arrival = time.monotonic()
        self._pump()

    def _pump(self) -> None:
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
            due = a_t + (fr.index - a_idx) / fps
            if due - now > 0.002:
                self._present_timer.start(max(1, int((due - now) * 1000)))
                break
            if now - due > 2.0 / fps:
                self._anchor = (fr.index, now)  # fell behind: do not rush to catch up
            self._pending.popleft()
            self._present(fr)
            cue = self._cue_at(fr.index)
            if cue is not None:
                self._reach_cue(cue, fr)
                break

    def _cue_at(self, index: int) -> CueTarget | None:
        if self._state not in (State.PLAYING,):
            return None
        for cue in self._cues:
            if cue.checkpoint_id not in self._reached and cue.frame <= index:
                return cue
        return None

    def _reach_cue(self, cue: CueTarget, fr: Frame) -> None:
        self._reached.add(cue.checkpoint_id)
        self._hold = fr.index
        self._frozen_cue = cue.checkpoint_id
        self._anchor = None
        self._clock_timer.stop()
        self._sink.stop_at(None)
        if self._sink.last_index <= fr.index:
            pass  # the sink already asked libvlc to pause on this frame
        else:
            self._worker.submit(self._vlc_pause)
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
        if self._clock_value < 0:
            return max(0, self._last_position_ms)
        if self._state != State.PLAYING:
            return self._clock_value
        return int(self._clock_value + (time.monotonic() - self._clock_at) * 1000 * self._rate)

    def _on_clock_tick(self) -> None:
        media = self._media
        if media is None or self._state != State.PLAYING:
            return
        t = self._player.get_time()  # non-blocking read of libvlc's clock
        now = time.monotonic()
        if t >= 0 and t != self._clock_value:
            self._clock_value, self._clock_at = t, now
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
        cue = self._next_cue(-1)
        if cue is not None and est + lead_s >= cue.frame / self.frame_rate:
            self._stop_on_clock_cue(cue)

    def _stop_on_clock_cue(self, cue: CueTarget) -> None:
        self._reached.add(cue.checkpoint_id)
        self._frozen_cue = cue.checkpoint_id
        self._clock_timer.stop()
        if not self._vlc_ended:
            self._worker.submit(self._vlc_pause)
        self._set_state(State.CHECKPOINT)
        self._clock_value = self.frame_to_ms(cue.frame)
        self._emit_position(force=True)
        self.checkpoint_reached.emit(cue.checkpoint_id, cue.frame)

    def _seek_native(self, n: int) -> None:
        media = self._media
        assert media is not None
        ms = self.frame_to_ms(n) if media.is_video else n
        self._clock_value, self._clock_at = ms, time.monotonic()
        self._worker.submit(lambda: self._player.set_time(ms))
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
        frame = self.ms_to_frame(self.position_ms())
        # the start of the frame, rounded down: a seek shows the first picture at or after it
        held_ms = int(frame * 1000 / self.frame_rate)
        # libvlc's own clock moves in 250 ms steps: the engine's estimate is finer
        asked_at, rate = time.monotonic(), self._rate

        def job() -> None:
            if sys.platform.startswith("linux"):
                self._player.set_xwindow(wid)
            elif sys.platform == "win32":
                self._player.set_hwnd(wid)
            elif sys.platform == "darwin":
                self._player.set_nsobject(wid)
            if not rebind or self._player.get_state() not in (vlc.State.Playing, vlc.State.Paused):
                return
            ms = held_ms
            if playing:
                ms += int((time.monotonic() - asked_at) * 1000 * rate)
            # Started paused with the seek queued behind the opening (as in
            # _vlc_start), the new output's first picture is the one at `ms`, or
            # with B-frames up to 4 frames before it (libvlc's precise seek skips
            # pictures by decoding order, measured on H.264).
            self._player.stop()
            self._player.play()
            self._player.set_pause(1)
            self._player.set_time(ms)
            if playing:
                self._player.set_pause(0)

        self._worker.submit(job)

    # ------------------------------------------------------------- events

    def _on_vlc_event_thread(self, event: vlc.Event) -> None:  # libvlc event thread
        name = self._event_names.get(event.type, "")
        run = self._run
        self._bridge.post(lambda: self._on_vlc_event(run, name))

    def _on_vlc_event(self, run: int, name: str) -> None:
        media = self._media
        if name == "error":
            path = self._loading_path or Path("?")
            self._fault(
                FaultKind.UNDECODABLE,
                path,
                f"Cannot play {path.name}: libvlc reported a decoding error",
            )
            return
        if name != "end" or media is None or run != self._run:
            return
        self._vlc_ended = True
        self._on_frames_ready()
        if self._loop and self._seek_target is None and self._state == State.PLAYING:
            self._loop_when_quiet(self._run)
            return
        if self._seek_target is not None:
            candidates = [f for f in self._pending if f.generation == self._run]
            self._pending.clear()
            fr = candidates[-1] if candidates else self._shown
            if fr is not None:
                if fr is not self._shown:
                    self._present(fr)
                self._finish_seek(fr)
            return
        self._check_truncation(media)
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
            cue = self._next_cue(-1)
            if cue is not None:
                # Without a sound card libvlc reports the end of audio up to ~1 s
                # early: a checkpoint in that last stretch is reached at the end.
                self._stop_on_clock_cue(cue)
                return
        # libvlc may end without displaying the very last picture: a checkpoint
        # authored there stops on the last picture shown.
        if self._shown is not None:
            late = self._next_cue(self._shown.index - 1)
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
        self._loop_restart()

    def _loop_restart(self) -> None:
        def job() -> None:
            self._player.stop()
            self._sink.restart(self._run)
            self._vlc_start()

        self._vlc_ended = False
        self._reached = set()
        self._worker.submit(job)

    def _pictures_decoded(self) -> int:
        """How many pictures of the clip came out of the decoder so far."""
        if self.render == "frames":
            return self._sink.last_index + 1
        # Native rendering: the pictures never pass through the engine (and libvlc's
        # statistics are off, see vlc_instance): the clock shows how far the clip played
        # (libvlc updates it every 250 ms; the engine's estimate runs in between).
        reached = max(self._estimated_time_ms(), self._player.get_time())
        return self.ms_to_frame(reached) + 1 if reached >= 0 else 0

    def _check_truncation(self, media: LoadedMedia) -> None:
        if media.is_video and media.frame_count > 0:
            got = self._pictures_decoded()
            expected = media.frame_count
            if got > 0 and got < expected - max(3, int(0.05 * expected)):
                self._fault(
                    FaultKind.TRUNCATED,
                    media.path,
                    f"{media.path.name} stops at {got / media.frame_rate:.1f} s of "
                    f"{media.info.duration_s:.1f} s: the file is incomplete (truncated or damaged)",
                    keep_state=True,
                )
            elif got <= 0:
                self._fault(
                    FaultKind.UNDECODABLE,
                    media.path,
                    f"Cannot play {media.path.name}: no picture could be decoded",
                    keep_state=True,
                )
        elif media.info.has_audio and media.info.duration_s > 4.0:
            heard = self._estimated_time_ms() / 1000.0
            if heard < 0.5 * media.info.duration_s:
                self._fault(
                    FaultKind.TRUNCATED,
                    media.path,
                    f"{media.path.name} stops at {heard:.1f} s of {media.info.duration_s:.1f} s: "
                    "the file is incomplete (truncated or damaged)",
                    keep_state=True,
                )

    def _on_log_thread(self, level: int, module: str, text: str) -> None:  # any libvlc thread
        if text.startswith("Decoder wait done"):
            self._decoders_ready.set()
        if level >= 4 and (
            "Audio output failed" in text or "failed to create audio output" in text
        ):
            self._bridge.post(lambda: self._on_log_fault(FaultKind.NO_AUDIO_DEVICE.value))

    def _on_log_fault(self, kind: str) -> None:
        media = self._media
        if kind == FaultKind.NO_AUDIO_DEVICE.value:
            if media is None or not media.info.has_audio:
                self._audio_fault_sent = False
                return
            self._fault(
                FaultKind.NO_AUDIO_DEVICE,
                media.path,
                f"No audio device is available: {media.path.name} plays without sound",
                keep_state=True,
            )

    def _fault(
        self, kind: FaultKind, path: Path, message: str, *, keep_state: bool = False
    ) -> None:
        log.warning("%s", message)
        if not keep_state:
            self._set_state(State.ERROR)
        self.media_fault.emit(kind.value, str(path), message)

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
        self.runtime.remove_log_listener(self._on_log_thread)
        em = self._player.event_manager()
        for ev in self._event_names:
            em.event_detach(ev)
        self._worker.submit(self._player.stop)
        self._worker.close()
        self._player.release()
        memory_media.release_owner(id(self))  # stopped and released: wipe its in-memory media
        self._bridge.close()

    def worker_busy_ms(self) -> float:
        since = self._worker.busy_since
        return 0.0 if since is None else (time.monotonic() - since) * 1000
