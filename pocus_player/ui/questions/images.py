"""The image a hotspot or caliper question is asked on: a still file, or one frame of a clip.

Stills are read with QImage. A frame of a clip is decoded by the media layer
(`pocus_player.media.engine.MediaEngine`, frame-exact through libvlc's video
callbacks), never by ffmpeg: the engine loads the clip paused, seeks to the
frame and hands back the frozen picture. The call waits in a local event loop
(with a timeout), so it needs a running QApplication.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage

from pocus_player.core.model import Case, MediaItem, MediaKind, Question
from pocus_player.ui import sealed_files

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
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def fault(_kind: str, _path: str, message: str) -> None:
        outcome["error"] = message
        loop.quit()

    def loaded(media: object) -> None:
        count = getattr(media, "frame_count", 0)
        if count and frame >= count:
            outcome["error"] = f"the clip has {count} frames (0 to {count - 1})"
            loop.quit()
            return
        try:
            engine.seek_frame(frame)
        except Exception as exc:  # the policy or the engine refused: report, do not hang
            outcome["error"] = str(exc)
            loop.quit()

    def finished(index: int) -> None:
        # Take the picture now: it is the frame the seek landed on.
        outcome["frame"] = index
        outcome["shown"] = engine.current_frame
        outcome["image"] = engine.frozen_frame()
        loop.quit()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    engine.media_fault.connect(fault)
    engine.media_loaded.connect(loaded)
    engine.seek_finished.connect(finished)
    try:
        engine.set_volume(0)
        engine.load(item.file, media_id=item.id, frame_rate=item.frame_rate, autoplay=False)
        if "error" not in outcome:
            timer.start(round(timeout_s * 1000))
            loop.exec()
    finally:
        timer.stop()
        engine.close()
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
    log.debug("decoded frame %d of %s", frame, item.file.name)
    return image.convertToFormat(QImage.Format.Format_RGB32)
