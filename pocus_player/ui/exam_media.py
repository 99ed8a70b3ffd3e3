"""The exam's media half: what the session says should play, as engine calls, and back.

`SegmentPlayer` turns a session's media directive into engine calls (load a
clip, play it to its next checkpoint, hold a frame, replay a clip; the plan is
media/directives.py's, shared with the preview's follow mode), and turns what
the engine reports (a checkpoint reached, the end of a clip, a fault) into
session events. It holds which clip is loaded and a seek waiting for a load.

Signals:
    moved()        the session moved on (a checkpoint reached, a segment or review ended):
                   the controller brings media and screens in line
    failed(str)    the proctor is needed (the result file cannot be written, a media fault)
    notice(str)    a message for the proctor that needs no action (no sound device)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal

from pocus_player.core.errors import PocusError, SessionError
from pocus_player.core.journal_api import JournalWriteError
from pocus_player.core.model import MediaItem, Step, StepType
from pocus_player.core.session import ExamSession, MediaAction, MediaDirective, SessionState
from pocus_player.media import directives
from pocus_player.media.directives import SegmentMove

log = logging.getLogger(__name__)

_WRITE_FAILED = str(
    QT_TRANSLATE_NOOP("SegmentPlayer", "The result file cannot be written: {error}")
)


class SegmentPlayer(QObject):
    """See the module docstring."""

    moved = Signal()
    failed = Signal(str)
    notice = Signal(str)

    def __init__(
        self,
        media: Any,
        *,
        session: Callable[[], ExamSession | None],
        media_item: Callable[[str], MediaItem],
        playing: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.media = media  # the MediaWidget: shows stills and posters, loads through its engine
        self.engine = media.engine
        self._session = session
        self._media_item = media_item
        self._playing = playing  # is the exam in its "a segment plays" phase?
        self.loaded_media: str | None = None
        self.pending_seek: tuple[int, MediaDirective] | None = None
        self._silent_media: set[str] = set()  # media already recorded as playing without sound

    def connect_engine(self) -> None:
        e = self.engine
        e.checkpoint_reached.connect(self.on_checkpoint_reached)
        e.ended.connect(self.on_media_ended)
        e.media_fault.connect(self.on_media_fault)
        e.seek_finished.connect(self.on_seek_finished)

    # -- directives into engine calls

    def stop(self) -> None:
        """Nothing plays (and the next play loads its clip from the file again)."""
        self.engine.stop()
        self.loaded_media = None

    def hold(self, d: MediaDirective, step: Step | None, *, reviewing: bool) -> None:
        """Questions are open: stop, or show the held frame of a checkpoint resumed at."""
        if step is not None and step.type is not StepType.SEGMENT:
            # A review or questions step: nothing plays until the candidate asks.
            self.stop()
        elif self.loaded_media != d.media_id and d.checkpoint is not None and d.media_id:
            # Resumed at an open checkpoint (its clip was not loaded): show the held frame.
            item = self._media_item(d.media_id)
            self.load(d.media_id, autoplay=False, checkpoints=())
            self.pending_seek = (d.checkpoint.target_frame(item.timeline), d)
        elif reviewing:
            self.stop()

    def play_segment(self, d: MediaDirective) -> None:
        plan = directives.plan_segment(d, loaded_media=self.loaded_media, engine=self.engine)
        if plan.move is SegmentMove.OVER:
            # The clip already ran out at its checkpoint: the segment is over; never
            # start it again from the beginning.
            QTimer.singleShot(0, self.on_media_ended)
        elif plan.move is SegmentMove.PLAY_ON:
            directives.play_on(self.engine, plan)
        elif plan.move is SegmentMove.LOAD_AT_RESUME:
            # After a resume: show the clip from the checkpoint submitted last, then play on.
            assert plan.resume_at is not None
            item = self._media_item(plan.media_id)
            self.load(plan.media_id, autoplay=False, checkpoints=plan.stops)
            frame = plan.resume_at.target_frame(item.timeline)
            self.pending_seek = (frame, d)
        else:
            self.load(plan.media_id, autoplay=True, checkpoints=plan.stops)

    def load(self, media_id: str, *, autoplay: bool, checkpoints: tuple[Any, ...]) -> None:
        item = self._media_item(media_id)
        self.loaded_media = media_id
        self.pending_seek = None
        self.media.show_media_item(item, autoplay=autoplay, checkpoints=checkpoints)
        # Cine loops loop in preview; in the exam every play (and replay) ends, so the
        # session hears about the end and counts replays.
        self.engine.set_loop(False)

    def media_loaded(self) -> None:
        """The engine finished loading: go to the frame a resume asked for."""
        if self.pending_seek is None:
            return
        frame, d = self.pending_seek
        media = self.engine.media
        if media is not None and not media.is_video:
            # Audio: a checkpoint is a time; start there.
            self.pending_seek = None
            self.engine.seek_ms(self._media_item(d.media_id or "").timeline.frame_to_ms(frame))
            if d.action is not MediaAction.HOLD:
                self.engine.play()
            return
        try:
            self.engine.seek_frame(frame)
        except PocusError:
            self.pending_seek = None

    def on_seek_finished(self, _frame: int) -> None:
        if self.pending_seek is None:
            return
        _, d = self.pending_seek
        self.pending_seek = None
        if d.action is not MediaAction.HOLD and self._playing():
            self.engine.play()

    # -- engine reports into session events

    def on_checkpoint_reached(self, checkpoint_id: str, _frame: int) -> None:
        session = self._session()
        if session is None or session.state is not SessionState.PLAYING_SEGMENT:
            return
        try:
            session.segment_reached_checkpoint(checkpoint_id)
        except JournalWriteError as exc:
            self.failed.emit(
                QCoreApplication.translate("SegmentPlayer", _WRITE_FAILED).format(error=exc)
            )
            return
        except SessionError as exc:
            log.warning("checkpoint %s ignored: %s", checkpoint_id, exc)
            return
        self.moved.emit()

    def on_media_ended(self) -> None:
        session = self._session()
        if session is None:
            return
        try:
            if session.state is SessionState.PLAYING_SEGMENT:
                session.segment_finished()
            elif session.state is SessionState.REVIEWING:
                session.review_finished()
            else:
                return
        except JournalWriteError as exc:
            self.failed.emit(
                QCoreApplication.translate("SegmentPlayer", _WRITE_FAILED).format(error=exc)
            )
            return
        except SessionError as exc:
            log.warning("end of media ignored: %s", exc)
            return
        self.loaded_media = None
        self.moved.emit()

    def on_media_fault(self, kind: str, path: str, message: str) -> None:
        session = self._session()
        if session is None or session.is_over:
            return
        media_id = self.loaded_media or Path(path).stem
        if kind == "no_audio_device":
            # The clip plays on without sound (captions stay): record it once, tell the proctor.
            if media_id in self._silent_media:
                return
            self._silent_media.add(media_id)
            try:
                session.media_fault(media_id, message, fatal=False)
            except (JournalWriteError, SessionError) as exc:
                log.warning("audio fault not recorded: %s", exc)
            self.notice.emit(self.tr("No sound: {problem}").format(problem=message))
            return
        try:
            session.media_fault(media_id, message, fatal=False)
            session.media_stalled(media_id)
        except (JournalWriteError, SessionError) as exc:
            log.warning("media fault not recorded: %s", exc)
        self.failed.emit(
            self.tr(
                "A media file failed: {problem}. The timer is stopped and answers so far are "
                "saved. Use 'Retry media' in the proctor panel, or end the case."
            ).format(problem=message)
        )
