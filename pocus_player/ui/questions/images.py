"""The image a hotspot or caliper question is asked on: a still file, or one frame of a clip.

Stills are read with QImage. A frame of a clip is decoded by the media layer
(`pocus_player.media.engine.MediaEngine`, frame-exact through libvlc's video
callbacks), never by ffmpeg: the engine loads the clip paused, seeks to the
frame and hands back the frozen picture. The call waits in a local event loop
(with a timeout), so it needs a running QApplication.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage

from pocus_player.core.model import Case, MediaItem, MediaKind, Question
from pocus_player.ui import sealed_files

if TYPE_CHECKING:
    from pocus_player.media.engine import MediaEngine

log = logging.getLogger(__name__)

__all__ = ["QuestionImageError", "decode_clip_frame", "load_question_image"]

FRAME_TIMEOUT_S = 20.0


class QuestionImageError(Exception):
    """The question's image cannot be shown; the message says which file and why."""


def load_question_image(question: Question, case: Case) -> QImage | None:
    """The question's image (None when the question has none).

    A still is read from its file; `{media: clip, frame: n}` decodes frame n of
    the clip through the media layer (frame 0 when no frame is authored: the app
    then passes the frozen checkpoint frame to `set_image()` instead).
    Raises QuestionImageError naming the file when it cannot be read or decoded.
    """
    ref = question.image
    if ref is None:
        return None
    try:
        item = case.media_by_id(ref.media)
    except KeyError:
        raise QuestionImageError(
            f"question {question.id!r} refers to media {ref.media!r}, which the case does not define"
        ) from None
    if item.kind is MediaKind.STILL or item.file.suffix.lower() in (".png", ".jpg", ".jpeg"):
        return _read_still(item)
    return decode_clip_frame(item, ref.frame or 0)


def _read_still(item: MediaItem) -> QImage:
    if not sealed_files.exists(item.file):
        raise QuestionImageError(f"image file not found: {item.file}")
    image = sealed_files.read_image(item.file)
    if image.isNull():
        raise QuestionImageError(f"{item.file.name} is not a readable PNG or JPEG image")
    return image


def decode_clip_frame(item: MediaItem, frame: int, timeout_s: float = FRAME_TIMEOUT_S) -> QImage:
    """Frame `frame` (0-based) of a clip, decoded exactly by the media engine."""
    # Imported here so that question widgets without clip frames never load libvlc.
    from pocus_player.media.engine import MediaEngine
    from pocus_player.media.policy import PlaybackPolicy

    if not sealed_files.exists(item.file):
        raise QuestionImageError(f"clip not found: {item.file}")
    engine = MediaEngine(policy=PlaybackPolicy.preview(), audio_output="adummy")
    grab = _FrameGrab(engine, frame)
    try:
        grab.run(item, timeout_s)
    finally:
        engine.close()
    image = _checked_frame(grab.outcome, item, frame, timeout_s)
    log.debug("decoded frame %d of %s", frame, item.file.name)
    return image.convertToFormat(QImage.Format.Format_RGB32)


class _FrameGrab:
    """Loads a clip paused, seeks to one frame and takes the frozen picture, in a local loop.

    `outcome` holds "error", or the "frame" the seek landed on, the frame "shown" and
    the "image".
    """

    def __init__(self, engine: MediaEngine, frame: int) -> None:
        self.engine = engine
        self.frame = frame
        self.loop = QEventLoop()
        self.outcome: dict[str, object] = {}
        engine.media_fault.connect(self._fault)
        engine.media_loaded.connect(self._loaded)
        engine.seek_finished.connect(self._finished)

    def run(self, item: MediaItem, timeout_s: float) -> None:
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(self.loop.quit)
        try:
            self.engine.set_volume(0)
            self.engine.load(
                item.file, media_id=item.id, frame_rate=item.frame_rate, autoplay=False
            )
            if "error" not in self.outcome:
                timer.start(round(timeout_s * 1000))
                self.loop.exec()
        finally:
            timer.stop()

    def _fail(self, message: str) -> None:
        self.outcome["error"] = message
        self.loop.quit()

    def _fault(self, _kind: str, _path: str, message: str) -> None:
        self._fail(message)

    def _loaded(self, media: object) -> None:
        count = getattr(media, "frame_count", 0)
        if count and self.frame >= count:
            self._fail(f"the clip has {count} frames (0 to {count - 1})")
            return
        try:
            self.engine.seek_frame(self.frame)
        except Exception as exc:  # the policy or the engine refused: report, do not hang
            self._fail(str(exc))

    def _finished(self, index: int) -> None:
        # Take the picture now: it is the frame the seek landed on.
        self.outcome["frame"] = index
        self.outcome["shown"] = self.engine.current_frame
        self.outcome["image"] = self.engine.frozen_frame()
        self.loop.quit()


def _checked_frame(
    outcome: dict[str, object], item: MediaItem, frame: int, timeout_s: float
) -> QImage:
    """The picture grabbed, when it is frame `frame` exactly; else why not, naming the file."""
    if "error" in outcome:
        raise QuestionImageError(
            f"cannot decode frame {frame} of {item.file.name}: {outcome['error']}"
        )
    got = outcome.get("frame")
    image = outcome.get("image")
    if got is None or not isinstance(image, QImage):
        raise QuestionImageError(
            f"frame {frame} of {item.file.name} was not decoded within {timeout_s:g} s"
        )
    if got != frame or outcome.get("shown") != frame:
        raise QuestionImageError(
            f"{item.file.name} has no frame {frame} (the last decodable frame is {got})"
        )
    return image
