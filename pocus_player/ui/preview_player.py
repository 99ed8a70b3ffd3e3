"""Showing a case's media in the preview: at the authored frame or time, stopped there.

`PreviewPlayer` goes to a frame of a clip by seeking, or, for a clip with
sound, by playing to it muted with the engine's exact stop (a seek there
could give up); it loads the clip's captions, steps frames, and keeps the
transport bar (timeline, checkpoint marks, position) in line with the engine.
A clip's frame rate and whether it is video come from the preview model (the
probe's facts, else the authored ones).

Signals:
    settled(int, int)   a jump or seek finished: (frame, or -1 for audio, ms)
    loaded()            a clip loaded with no jump waiting (follow mode plays it on)
    message(str)        a media problem to show the author
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from pocus_player.core.captions import CaptionError
from pocus_player.core.frame_timeline import FrameTimeline
from pocus_player.core.model import Checkpoint, MediaItem, MediaKind
from pocus_player.core.preview import PreviewModel
from pocus_player.core.timecode import format_time
from pocus_player.media.engine_api import CueTarget, PlayerEngine
from pocus_player.ui.captions_view import CaptionOverlay
from pocus_player.ui.media_widget import MediaWidget
from pocus_player.ui.preview_panels import TransportBar
from pocus_player.ui.sealed_files import read_captions

log = logging.getLogger(__name__)

JUMP_CUE = "__preview_jump__"  # the cue a jump plays to; never a checkpoint id (ids are slugs)


class PreviewPlayer(QObject):
    """The preview's media: what is shown, where, and how it got there (see the module docstring)."""

    settled = Signal(int, int)
    loaded = Signal()
    message = Signal(str)

    def __init__(
        self,
        engine: PlayerEngine,
        media: MediaWidget,
        captions: CaptionOverlay,
        transport: TransportBar,
        model: PreviewModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.media = media
        self.captions = captions
        self.transport = transport
        self.model = model
        self.current_item: MediaItem | None = None
        self.pending: tuple[str, int] | None = None  # ("frame"|"ms", value) once loaded
        self.seeking = False
        self._play_to: int | None = None  # a jump played to this frame, muted
        self._saved_volume: int | None = None

    # -- media facts (the model's, one source each) --------------------------------------------

    def cp_frame(self, item: MediaItem, cp: Checkpoint) -> int | None:
        timeline = self.model.timeline(item)
        if not self.is_video(item) or timeline is None:
            return None
        return cp.target_frame(timeline)

    def cp_time(self, item: MediaItem, cp: Checkpoint) -> float:
        return cp.target_time(self.model.timeline(item) or FrameTimeline())

    def is_video(self, item: MediaItem) -> bool:
        if item.kind is MediaKind.NARRATION or item.is_picture:
            return False
        info = self.model.media_facts(item)
        return bool(info.has_video) if info is not None else item.kind is not MediaKind.STILL

    # -- showing media -----------------------------------------------------------------------------

    def show_item(
        self, item: MediaItem, *, frame: int | None = None, ms: int | None = None
    ) -> None:
        """Show a media item, then seek to `frame` (video) or `ms` (audio), and stop there."""
        self.cancel_play_to()
        self.load_captions(item)
        if item.is_picture:
            self.engine.stop()
            self.media.show_image(item.file)
            self.current_item = item
            self.update_transport()
            self._settle(-1, 0)
            return
        media = self.engine.media
        same = (
            self.current_item is not None
            and self.current_item.file == item.file
            and media is not None
            and media.path == item.file
        )
        self.current_item = item
        want: tuple[str, int]
        if self.is_video(item):
            want = (
                "frame",
                frame if frame is not None else max(0, self.engine.current_frame) if same else 0,
            )
        else:
            want = ("ms", ms if ms is not None else self.engine.position_ms() if same else 0)
        if want[0] == "frame" and self._needs_play_to(item, want[1], same):
            self._play_to_frame(item, want[1])
        elif same:
            self.do_seek(want)
        else:
            self.pending = want
            self.media.show_media_item(item, autoplay=False)
        self.update_transport()

    def _needs_play_to(self, item: MediaItem, frame: int, same: bool) -> bool:
        """Whether reaching `frame` is best done by playing to it rather than seeking.

        A clip with sound is decoded at normal speed, and a seek to a frame not
        yet decoded may give up before it gets there; playing to the frame with
        the engine's exact stop always lands on it, in the clip's own time.
        """
        info = self.model.media_facts(item)
        if info is None or not info.has_audio or frame <= 0:
            return False
        return not same or frame > self.engine.furthest_seen

    def _play_to_frame(self, item: MediaItem, frame: int) -> None:
        self.pending = None
        self._play_to = frame
        self.seeking = True
        if self._saved_volume is None:
            self._saved_volume = self.engine.volume()
        self.engine.set_volume(0)  # the author asked to jump, not to listen on the way
        self.media.show_media_item(item, autoplay=True, checkpoints=(CueTarget(JUMP_CUE, frame),))

    def load_captions(self, item: MediaItem) -> None:
        track = None
        if item.captions is not None:
            try:
                track = read_captions(item.captions)  # a sealed package's from memory
            except CaptionError as exc:
                log.info("captions of %s not shown: %s", item.id, exc)
        self.captions.set_track(track)
        self.captions.set_time_ms(0)

    def cancel_play_to(self) -> None:
        if self._play_to is not None:
            self._play_to = None
            self.engine.set_checkpoints(())
        self._restore_volume()

    def _restore_volume(self) -> None:
        if self._saved_volume is not None:
            self.engine.set_volume(self._saved_volume)
            self._saved_volume = None

    def do_seek(self, want: tuple[str, int]) -> None:
        kind, value = want
        self.cancel_play_to()
        self.seeking = True
        # Audio has no frames: the engine takes an audio-only "frame" as milliseconds
        # (engine_api.PlayerEngine); its seek_ms() would first convert to 25 fps frames.
        self.engine.seek_frame(value)
        if kind != "frame":
            self.captions.set_time_ms(value)
            self.seeking = False
            self.update_position_label(-1, value)
            self._settle(-1, value)

    def seek_frame(self, frame: int) -> None:
        """Show `frame` (video) or the time `frame` ms (audio) and stay paused there."""
        if self.current_item is None or self.engine.media is None:
            return
        if self.is_video(self.current_item):
            self.do_seek(("frame", max(0, frame)))
        else:
            self.do_seek(("ms", max(0, frame)))

    def step_frames(self, delta: int) -> None:
        if self.current_item is None or self.engine.media is None:
            return
        if self.is_video(self.current_item):
            self.do_seek(("frame", max(0, self.engine.current_frame + delta)))
        else:
            self.do_seek(("ms", max(0, self.engine.position_ms() + delta * 1000)))

    def toggle_play(self) -> None:
        if self.engine.media is None:
            return
        self.engine.toggle_pause()

    def on_scrub(self, value: int) -> None:
        self.update_position_label(
            value if self._current_is_video() else -1, self._slider_ms(value)
        )

    def _current_is_video(self) -> bool:
        return self.current_item is not None and self.is_video(self.current_item)

    def _slider_ms(self, value: int) -> int:
        if self._current_is_video():
            return self.engine.frame_to_ms(value)
        return value

    def on_clip_chosen(self, mid: str) -> None:
        if self.model.case is not None:
            self.show_item(self.model.case.media_by_id(mid), frame=0, ms=0)

    # -- engine events --------------------------------------------------------------------------

    def on_media_loaded(self, _loaded: object) -> None:
        self.update_transport()
        if self.pending is not None:
            want, self.pending = self.pending, None
            self.do_seek(want)
        else:
            self.loaded.emit()

    def on_seek_finished(self, frame: int) -> None:
        if not self.seeking:
            return
        self.seeking = False
        ms = self.engine.frame_to_ms(frame)
        self.captions.set_time_ms(ms)
        self.update_position_label(frame, ms)
        self._settle(frame, ms)

    def _settle(self, frame: int, ms: int) -> None:
        self.settled.emit(frame, ms)

    def on_position(self, ms: int) -> None:
        self.captions.set_time_ms(ms)
        if not self._current_is_video():
            self.transport.show_value(ms)
            self.update_position_label(-1, ms)

    def on_frame(self, frame: int, ms: int) -> None:
        self.transport.show_value(frame)
        self.update_position_label(frame, ms)

    def on_media_fault(self, kind: str, path: str, message: str) -> None:
        self.seeking = False
        if kind != "no_audio_device":
            self.cancel_play_to()
        # Shown in the status bar: a media problem is not a score, and the author may go on.
        self.message.emit(self.tr("Media: {problem}").format(problem=message))
        log.info("media fault %s on %s: %s", kind, path, message)

    def update_transport(self) -> None:
        item = self.current_item
        media = self.engine.media
        timed = item is not None and not item.is_picture and media is not None
        self.transport.set_timed(timed)
        marks: list[int] = []
        if timed and media is not None and item is not None:
            video = self.is_video(item)
            top = max(0, media.frame_count - 1) if video else int(media.info.duration_s * 1000)
            self.transport.timeline.setRange(0, top)
            self.transport.timeline.setSingleStep(1 if video else 100)
            self.transport.timeline.setPageStep(int(media.frame_rate) if video else 1000)
            if self.model.case is not None:
                for step in self.model.case.steps:
                    if step.media == item.id:
                        for cp in step.checkpoints:
                            f = self.cp_frame(item, cp)
                            marks.append(
                                f
                                if video and f is not None
                                else round(self.cp_time(item, cp) * 1000)
                            )
        else:
            self.transport.timeline.setRange(0, 0)
            self.transport.position_label.setText(
                self.tr("still image") if item is not None and item.is_picture else ""
            )
        self.transport.timeline.set_marks(marks)

    def update_position_label(self, frame: int, ms: int) -> None:
        media = self.engine.media
        text = format_time(ms / 1000.0)
        if frame >= 0 and media is not None and media.frame_count:
            text += " · " + self.tr("frame {frame}/{last}").format(
                frame=frame, last=media.frame_count - 1
            )

        elif media is not None and media.info.duration_s:
            text += f" / {format_time(media.info.duration_s)}"
        self.transport.position_label.setText(text)

    def on_checkpoint_reached(self, cp_id: str, frame: int) -> bool:
        """A stop: True if it was a jump's (handled here), False for a checkpoint of the case."""
        ms = self.engine.frame_to_ms(frame)
        self.captions.set_time_ms(ms)
        self.update_position_label(frame, ms)
        if cp_id == JUMP_CUE and self._play_to is not None:
            self._play_to = None
            self.seeking = False
            self._restore_volume()
            self._settle(frame, ms)
            return True
        return False

    def load_paused(self, item: MediaItem) -> None:
        """Load a clip from its start, paused (follow mode plays it once loaded)."""
        self.current_item = item
        self.load_captions(item)
        self.pending = None
        self.cancel_play_to()
        self.media.show_media_item(item, autoplay=False)
        self.update_transport()
