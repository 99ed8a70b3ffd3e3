"""The libvlc driver: one media player and the worker thread every blocking libvlc call runs on.

The engine decides; the driver carries it out on libvlc, in order, off the GUI
thread (stop, loading a new media and seeking can block). Its `ask_*` methods
queue a job and return at once; the methods without `ask_` run on the worker.
Nothing here runs on, or calls back into, the GUI thread: libvlc's events and
log lines are handed to the callbacks given, on libvlc's threads, for the
engine to re-post (see bridge.py).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import vlc

from pocus_player.media import memory_media
from pocus_player.media.clip_facts import ClipFacts
from pocus_player.media.first_frames import needs_first_frames
from pocus_player.media.frames import FrameSink
from pocus_player.media.probe import gif_media_options
from pocus_player.media.vlc_instance import VlcRuntime

log = logging.getLogger(__name__)

# Longest wait for libvlc's decoders to have their first pictures at a start.
_DECODER_WAIT_S = 0.5
_FIRST_PICTURE_WAIT_S = 0.3

EVENT_NAMES = {
    vlc.EventType.MediaPlayerEndReached: "end",
    vlc.EventType.MediaPlayerEncounteredError: "error",
    vlc.EventType.MediaPlayerPlaying: "playing",
    vlc.EventType.MediaPlayerPaused: "paused",
    vlc.EventType.MediaPlayerStopped: "stopped",
}


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


class VlcDriver:
    """One libvlc media player, its picture sink and its worker thread."""

    def __init__(
        self,
        runtime: VlcRuntime,
        sink: FrameSink,
        *,
        render: str,
        audio_output: str | None,
        audio_device: str | None,
        on_event: Callable[[str], None],
        on_log: Callable[[int, str, str], None],
    ) -> None:
        self.runtime = runtime
        self.sink = sink
        self.render = render
        self.player: vlc.MediaPlayer = runtime.instance.media_player_new()
        if audio_output:
            self.player.audio_output_set(audio_output)
        if audio_device:
            self.player.audio_output_device_set(audio_output, audio_device)
        if render == "frames":
            self.player.video_set_callbacks(sink.lock_cb, None, sink.display_cb, None)
        self.decoders_ready = threading.Event()
        self.picture_arrived = threading.Event()  # set on libvlc's video thread
        self._path = Path()  # the media the worker last loaded
        self._video = False  # ... and whether its pictures come to the sink
        self._worker = _Worker()
        self._worker.start()
        self._on_event = on_event
        self._on_log = on_log
        em = self.player.event_manager()
        for ev in EVENT_NAMES:
            em.event_attach(ev, self._on_vlc_event_thread)
        runtime.add_log_listener(self._on_log)

    # -- the queue ------------------------------------------------------------

    def submit(self, fn: Callable[[], None]) -> None:
        """Run `fn` on the worker, after everything asked before it."""
        self._worker.submit(fn)

    def busy_ms(self) -> float:
        since = self._worker.busy_since
        return 0.0 if since is None else (time.monotonic() - since) * 1000

    def _on_vlc_event_thread(self, event: vlc.Event) -> None:  # libvlc event thread
        self._on_event(EVENT_NAMES.get(event.type, ""))

    # -- opening a file (worker thread) -----------------------------------------

    def make_media(self, path: Path) -> vlc.Media:
        """The libvlc Media for a source: the one place the engine turns a source into one.

        A sealed package's member plays from memory through libvlc's callback media;
        the player is stopped before this, so the previous in-memory media is wiped here.
        """
        media = memory_media.new_media(self.runtime.instance, path, id(self))
        for option in gif_media_options(path):
            media.add_option(option)  # a GIF animates only through libavformat
        return media

    def open(self, facts: ClipFacts, run: int) -> None:
        """Stop what plays and load the probed file, its pictures numbered from 0 as run `run`."""
        self.player.stop()
        loaded = facts.loaded
        info = loaded.info
        self._path = loaded.path
        self._video = self.render == "frames" and info.has_video
        if self.render == "frames" and info.has_video and info.width and info.height:
            self.sink.configure(
                info.width,
                info.height,
                loaded.timeline,
                facts.picture_ticks,
                with_sound=info.has_audio,
            )
            self.player.video_set_format("RV32", info.width, info.height, info.width * 4)
        media = self.make_media(loaded.path)
        self.player.set_media(media)
        media.release()
        self.sink.restart(run, forget=True)
        self.sink.seed(facts.first_prints)
        self.player.audio_set_delay(0)
        self.player.set_rate(1.0)
        self.sink.set_rate(1.0)

    # -- playing (worker thread) -------------------------------------------------

    def pause(self) -> None:
        self.sink.set_paused(True)
        self.player.set_pause(1)

    def play(self) -> None:
        self.sink.set_paused(False)
        self.player.play()

    def start(self) -> None:
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
        seek = self._video and not needs_first_frames(self._path)
        self.decoders_ready.clear()
        self.picture_arrived.clear()
        self.sink.set_paused(False)
        before = self.sink.delivered
        self.player.play()
        self.player.set_pause(1)
        if seek:
            # Queued right behind the pause, the seek flushes the input before its
            # buffering ends, so no picture is shown before it; the first picture
            # is frame 0, and playback resumes at once, before the paused output
            # shows it again.
            self.player.set_time(0)
            deadline = time.monotonic() + _DECODER_WAIT_S + _FIRST_PICTURE_WAIT_S
            while self.sink.delivered == before and (left := deadline - time.monotonic()) > 0:
                self.picture_arrived.wait(left)
                self.picture_arrived.clear()
        else:
            self.decoders_ready.wait(_DECODER_WAIT_S)
        self.player.set_pause(0)

    def resume(self, *, lag_us: int | None, fresh: bool) -> None:
        """Play on after a pause; `lag_us`: delay the sound by the pictures still to show."""
        if lag_us is not None:
            self.player.audio_set_delay(lag_us)
        self.player.set_rate(1.0)
        self.player.audio_set_mute(False)
        if fresh:
            self.start()
        else:
            self.play()

    def restart(self, run: int, stop_at: int | None, *, play: bool) -> None:
        """From the beginning again (a replay, or a start after the end)."""
        self.player.stop()
        self.sink.restart(run)
        self.sink.stop_at(stop_at)
        self.player.audio_set_delay(0)
        self.player.set_rate(1.0)
        self.sink.set_rate(1.0)
        if play:
            self.start()

    def loop_restart(self, run: int) -> None:
        self.player.stop()
        self.sink.restart(run)
        self.start()

    def decode_forward(self, *, mute: bool) -> None:
        """A seek just ahead: play on (muted) until the sink's stop frame."""
        if mute:
            self.player.audio_set_mute(True)
        self.play()

    def decode_from_start(self, run: int, frame: int, *, scan_rate: float, mute: bool) -> None:
        """A seek anywhere else: decode from the start, counting, until `frame`."""
        self.player.stop()
        self.sink.restart(run)
        self.sink.stop_at(frame)
        if mute:
            self.player.audio_set_mute(True)
        self.player.set_rate(scan_rate)
        self.sink.set_rate(scan_rate)
        self.start()

    def end_seek(self, *, unmute: bool) -> None:
        """Back to real time (and sound) once a seek has its frame."""
        self.player.set_rate(1.0)
        self.sink.set_rate(1.0)
        if unmute:
            self.player.audio_set_mute(False)

    def stop(self) -> None:
        self.player.stop()
        _malloc_trim()

    def set_window(self, win_id: int) -> None:
        """Native rendering: the platform window libvlc draws into."""
        if sys.platform.startswith("linux"):
            self.player.set_xwindow(win_id)
        elif sys.platform == "win32":
            self.player.set_hwnd(win_id)
        elif sys.platform == "darwin":
            self.player.set_nsobject(win_id)

    def is_open(self) -> bool:
        return self.player.get_state() in (vlc.State.Playing, vlc.State.Paused)

    def restart_at(self, ms: int, *, play: bool) -> None:
        """A new video output, its first picture the one at `ms` (see MediaEngine.bind_window)."""
        self.player.stop()
        self.player.play()
        self.player.set_pause(1)
        self.player.set_time(ms)
        if play:
            self.player.set_pause(0)

    # -- closing ----------------------------------------------------------------

    def close(self) -> None:
        """Detach from libvlc, stop, wait for the worker, release the player (GUI thread)."""
        self.runtime.remove_log_listener(self._on_log)
        em = self.player.event_manager()
        for ev in EVENT_NAMES:
            em.event_detach(ev)
        self._worker.submit(self.player.stop)
        self._worker.close()
        self.player.release()
        memory_media.release_owner(id(self))  # stopped and released: wipe its in-memory media
