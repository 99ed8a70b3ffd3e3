"""A media engine without libvlc: clips play on a virtual clock that only moves when told to.

It implements engine_api.PlayerEngine with the same checkpoint schedule and
frame timeline as the real engine, so widgets and controllers can be tested
on what they do with an engine (load, play to a checkpoint, seek, replay
limits, faults) without decoding anything: `advance(seconds)` plays that much
of the clip. It shows no real pictures: `current_image()` is a blank picture
of the clip's size. The file must exist; its facts come from the probe given
(the core's `MediaProbe`: a table in tests, the libvlc probe otherwise).

Like the real engine it answers a load and a seek a moment later, from the
event loop, never from inside the call; frames, checkpoints and the end come
only from `advance`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from pocus_player.core.clock import VirtualClock
from pocus_player.core.media_info import MediaProbe, MediaProbeError
from pocus_player.core.model import Checkpoint
from pocus_player.media import faults
from pocus_player.media.cue_schedule import CueSchedule
from pocus_player.media.engine_api import (
    DEFAULT_FRAME_RATE,
    CueTarget,
    LoadedMedia,
    PlayerEngine,
    State,
)
from pocus_player.media.frame_numbering import FrameTimeline
from pocus_player.media.policy import PlaybackPolicy, ReplayLimitExceeded, SeekNotAllowed
from pocus_player.media.seek_plan import clamp_seek


class NullEngine(QObject):
    """The engine interface on a virtual clock (see the module docstring; signals as MediaEngine's)."""

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
        probe: MediaProbe,
        *,
        policy: PlaybackPolicy | None = None,
        clock: VirtualClock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.probe = probe
        self.policy = policy or PlaybackPolicy.preview()
        self.clock = clock or VirtualClock()
        self.render = "frames"
        self._state = State.IDLE
        self._media: LoadedMedia | None = None
        self._run = 0
        self._cues = CueSchedule()
        self._shown = -1  # the frame on screen (video), -1 before the first
        self._position_ms = 0  # media time: the frame's start, or narration's clock
        self._played_at: float | None = None  # clock time of position 0 while playing
        self._frozen_cue: str | None = None
        self._furthest = -1
        self._loop = False
        self._volume = 100
        self._image: QImage | None = None

    # -- info -------------------------------------------------------------------

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
        return self._media.timeline if self._media else FrameTimeline()

    @property
    def current_frame(self) -> int:
        return self._shown

    @property
    def furthest_seen(self) -> int:
        return self._furthest

    @property
    def frozen_checkpoint(self) -> str | None:
        return self._frozen_cue

    def current_image(self) -> QImage | None:
        return self._image if self._shown >= 0 else None

    def frozen_frame(self) -> QImage | None:
        image = self.current_image()
        return image.copy() if image is not None else None

    def position_ms(self) -> int:
        return self._position_ms

    def frame_to_ms(self, index: int) -> int:
        return self.timeline.frame_to_ms(index)

    def ms_to_frame(self, ms: float) -> int:
        return self.timeline.ms_to_frame(ms)

    # -- loading ------------------------------------------------------------------

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
        path = Path(path)
        self._run += 1
        run = self._run
        self._reset()
        self._media = None
        self._loop = loop
        missing = faults.missing_file(path)
        if missing is not None:
            self._fault(missing)
            return
        self._set_state(State.LOADING)
        try:
            info = self.probe.probe(path)
        except MediaProbeError as exc:
            failure = faults.undecodable(path, exc)
            QTimer.singleShot(0, lambda: self._fault(failure) if run == self._run else None)
            return
        loaded = LoadedMedia.of(path, media_id or path.stem, info, frame_rate)
        cues = tuple(checkpoints)
        QTimer.singleShot(0, lambda: self._on_loaded(run, loaded, cues, autoplay))

    def _on_loaded(
        self,
        run: int,
        loaded: LoadedMedia,
        cues: tuple[Checkpoint | CueTarget, ...],
        autoplay: bool,
    ) -> None:
        if run != self._run:
            return
        self._media = loaded
        info = loaded.info
        self._image = None
        if info.has_video and info.width and info.height:
            self._image = QImage(info.width, info.height, QImage.Format.Format_RGB32)
            self._image.fill(0)
        self.set_checkpoints(cues)
        self.media_loaded.emit(loaded)
        if self._state is State.PLAYING:
            return  # a slot of media_loaded started it already (as the real engine allows)
        if autoplay:
            self._start_playing(0)
        else:
            self._set_state(State.PAUSED)

    def _reset(self) -> None:
        self._cues.clear()
        self._shown = -1
        self._position_ms = 0
        self._played_at = None
        self._frozen_cue = None
        self._furthest = -1
        self._image = None

    def set_checkpoints(self, checkpoints: Iterable[Checkpoint | CueTarget]) -> None:
        self._cues.set(checkpoints, self.timeline)

    # -- the virtual clock --------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """Let `seconds` pass: a playing clip shows its frames, stops on checkpoints, ends."""
        self.clock.advance(seconds)
        self._catch_up()

    def _catch_up(self) -> None:
        media = self._media
        if media is None or self._state != State.PLAYING or self._played_at is None:
            return
        reached_s = self.clock.now() - self._played_at
        reached_ms = int(reached_s * 1000)
        if media.is_video:
            last = media.frame_count - 1
            target = min(self.timeline.s_to_frame(reached_s), last)
            while self._state == State.PLAYING and self._shown < target:
                self._present(self._shown + 1)
                cue = self._cues.due_at(self._shown)
                if cue is not None:
                    self._reach(cue, self._shown)
            if self._state == State.PLAYING and self._shown >= last:
                self._end()
            return
        end_ms = round(media.info.duration_s * 1000)
        cue = self._cues.next_after(-1)
        if cue is not None and reached_ms >= self.frame_to_ms(cue.frame):
            self._position_ms = self.frame_to_ms(cue.frame)
            self._reach(cue, cue.frame)
            return
        self._set_position(min(reached_ms, end_ms))
        if reached_ms >= end_ms:
            self._end()

    def _start_playing(self, from_ms: int) -> None:
        self._played_at = self.clock.now() - from_ms / 1000.0
        self._set_state(State.PLAYING)
        media = self._media
        if media is not None and media.is_video and self._shown < 0:
            self._present(0)  # the first picture comes with the start
            cue = self._cues.due_at(0)
            if cue is not None:
                self._reach(cue, 0)

    def _present(self, index: int) -> None:
        self._shown = index
        self._furthest = max(self._furthest, index)
        ms = self.frame_to_ms(index)
        self.frame_presented.emit(index, ms)
        self._set_position(ms)

    def _set_position(self, ms: int, *, force: bool = False) -> None:
        if force or ms != self._position_ms:
            self._position_ms = ms
            self.position_changed.emit(ms)

    def _reach(self, cue: CueTarget, frame: int) -> None:
        self._cues.reach(cue)
        self._frozen_cue = cue.checkpoint_id
        self._played_at = None
        self._set_state(State.CHECKPOINT)
        self.position_changed.emit(self._position_ms)
        self.checkpoint_reached.emit(cue.checkpoint_id, frame)

    def _end(self) -> None:
        if self._loop:
            self._cues.forget_reached()
            self._shown = -1
            self._start_playing(0)
            return
        self._played_at = None
        self._set_state(State.ENDED)
        self.position_changed.emit(self._position_ms)
        self.ended.emit()

    # -- controls -----------------------------------------------------------------

    def play(self) -> None:
        if self._media is None:
            return
        if self._state == State.ENDED:
            self._shown = -1
            self._position_ms = 0
            self._start_playing(0)
            return
        self._frozen_cue = None
        self._start_playing(self._position_ms)

    resume = play

    def pause(self) -> None:
        if self._media is None or self._state not in (State.PLAYING, State.SEEKING):
            return
        self._catch_up()
        self._played_at = None
        self._set_state(State.PAUSED)
        self.position_changed.emit(self._position_ms)

    def toggle_pause(self) -> None:
        if self._state == State.PLAYING:
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        self._run += 1
        self._reset()
        self._set_state(State.STOPPED)

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(100, int(volume)))

    def volume(self) -> int:
        return self._volume

    def set_loop(self, loop: bool) -> None:
        self._loop = loop

    def replay(self) -> int:
        if self._media is None:
            raise RuntimeError("no clip loaded")
        try:
            used = self.policy.record_replay(self._media.media_id)
        except ReplayLimitExceeded as exc:
            self.replay_limit_reached.emit(exc.media_id, exc.limit)
            raise
        self._run += 1
        self._cues.forget_reached()
        self._shown = -1
        self._position_ms = 0
        self._frozen_cue = None
        self._furthest = -1
        self._start_playing(0)
        return used

    # -- seeks --------------------------------------------------------------------

    def seek_ms(self, ms: float) -> None:
        self.seek_frame(self.ms_to_frame(ms))

    def step(self, delta: int = 1) -> None:
        self.policy.check_step()
        self.seek_frame(max(self._shown, 0) + delta)

    def seek_frame(self, n: int) -> None:
        media = self._media
        if media is None:
            return
        if not media.is_video:
            if self._state == State.PLAYING:
                self._played_at = self.clock.now() - n / 1000
            self._set_position(n, force=True)  # narration: `n` is milliseconds
            return
        n = clamp_seek(n, media.frame_count)
        try:
            self.policy.check_seek(n, self._furthest)
        except SeekNotAllowed:
            self.seek_refused.emit(n, self._furthest)
            raise
        self._frozen_cue = None
        self._played_at = None
        self._set_state(State.SEEKING)
        run = self._run
        QTimer.singleShot(0, lambda: self._finish_seek(run, n))

    def _finish_seek(self, run: int, n: int) -> None:
        if run != self._run or self._state != State.SEEKING:
            return
        self._present(n)
        self._set_state(State.PAUSED)
        self.position_changed.emit(self._position_ms)
        self.seek_finished.emit(n)

    def bind_window(self, win_id: int) -> None:
        """Nothing to draw into: the null engine renders no pictures."""

    def close(self) -> None:
        self._run += 1
        self._reset()

    # -- faults -------------------------------------------------------------------

    def _fault(self, fault: faults.Fault) -> None:
        self._set_state(State.ERROR)
        self.media_fault.emit(fault.kind.value, str(fault.path), fault.message)

    def _set_state(self, state: State) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state.value)


if TYPE_CHECKING:
    _checked: type[PlayerEngine] = NullEngine  # the null engine implements the interface
