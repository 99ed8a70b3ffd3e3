"""The media widget: video frames, still images and an audio poster, letterboxed, with coordinate mapping."""

from __future__ import annotations

import enum
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from pocus_player.core.model import Checkpoint, MediaItem, MediaKind
from pocus_player.media.engine_api import CueTarget, LoadedMedia, PlayerEngine

log = logging.getLogger(__name__)

_BACKGROUND = QColor(0, 0, 0)
_POSTER_BG = QColor(28, 36, 48)
_POSTER_FG = QColor(235, 240, 245)
_POSTER_DIM = QColor(150, 165, 180)


class Mode(enum.StrEnum):
    EMPTY = "empty"
    VIDEO = "video"
    IMAGE = "image"
    AUDIO = "audio"


def fit_line(font: QFont, text: str, room: int, least_px: int = 12) -> tuple[QFont, str]:
    """`text` on one line within `room` pixels: set smaller, down to `least_px`, and cut
    with "…" only when even that is too wide (a long narrator's name on a narrow poster)."""
    fitted = QFont(font)
    while fitted.pixelSize() > least_px and QFontMetrics(fitted).horizontalAdvance(text) > room:
        fitted.setPixelSize(fitted.pixelSize() - 1)
    return fitted, QFontMetrics(fitted).elidedText(text, Qt.TextElideMode.ElideRight, room)


class NativeVideoSurface(QWidget):
    """A native child window libvlc draws into (render="native"); rebinds when its id changes."""

    def __init__(self, engine: PlayerEngine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), _BACKGROUND)
        self.setPalette(pal)
        self.bound_id: int | None = None
        self.bind()

    def bind(self) -> None:
        wid = int(self.winId())
        if wid and wid != self.bound_id:
            self.bound_id = wid
            self._engine.bind_window(wid)

    def event(self, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.WinIdChange:
            self.bind()
        return super().event(ev)

    def paintEngine(self):  # type: ignore[no-untyped-def]  # libvlc paints this window
        return None if sys.platform.startswith("linux") else super().paintEngine()


class MediaWidget(QWidget):
    """Shows what the engine plays, a still image, or a narrator poster; letterboxed.

    Overlays (hotspots, calipers, captions) draw on top using `image_rect()`
    and the `widget_to_source` / `source_to_widget` mapping, in source-image
    pixel coordinates. `position_changed(ms)` follows the media time: every
    presented frame while playing, and on pause and seek.
    """

    position_changed = Signal(int)
    frame_changed = Signal(int)
    mode_changed = Signal(str)

    def __init__(self, engine: PlayerEngine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._engine: PlayerEngine | None = None
        self._mode = Mode.EMPTY
        self._image: QImage | None = None  # still image
        self._sar = 1.0
        self._poster_title = ""
        self._empty_message = ""
        self._poster_narrator = ""
        self._native: NativeVideoSurface | None = None
        if engine is not None:
            self.set_engine(engine)

    # ------------------------------------------------------------ wiring

    @property
    def engine(self) -> PlayerEngine | None:
        return self._engine

    @property
    def mode(self) -> Mode:
        return self._mode

    @property
    def native_surface(self) -> NativeVideoSurface | None:
        return self._native

    def set_engine(self, engine: PlayerEngine) -> None:
        if self._engine is not None:
            for sig, slot in self._connections():
                sig.disconnect(slot)
        self._engine = engine
        for sig, slot in self._connections():
            sig.connect(slot)
        if engine.render == "native":
            self._native = NativeVideoSurface(engine, self)
            self._native.setGeometry(self.rect())
            self._native.hide()

    def _connections(
        self,
    ) -> tuple[tuple[SignalInstance, Callable[..., object] | SignalInstance], ...]:
        e = self._engine
        assert e is not None
        return (
            (e.frame_presented, self._on_frame),
            # signal to signal: Qt drops it with this widget, while the engine plays on
            (e.position_changed, self.position_changed),
            (e.media_loaded, self._on_loaded),
        )

    # ------------------------------------------------------------ content

    def show_media_item(
        self,
        item: MediaItem,
        *,
        autoplay: bool = True,
        checkpoints: tuple[Checkpoint | CueTarget, ...] = (),
    ) -> None:
        """Show a case media item: stills and image M-mode strips directly, the rest via the engine."""
        if item.is_picture:
            self.show_image(item.file)
            return
        if self._engine is None:
            raise RuntimeError("MediaWidget needs a MediaEngine to play timed media")
        if item.kind == MediaKind.NARRATION:
            self.show_audio_poster(item.title, item.narrator)
        else:
            self._set_mode(Mode.VIDEO)
            self._poster_title, self._poster_narrator = item.title, item.narrator
        self._engine.load(
            item.file,
            media_id=item.id,
            frame_rate=item.frame_rate,
            loop=item.loop,
            autoplay=autoplay,
            checkpoints=checkpoints,
        )

    def play_file(self, path: Path | str, **kwargs: object) -> None:
        if self._engine is None:
            raise RuntimeError("MediaWidget needs a MediaEngine to play timed media")
        self._set_mode(Mode.VIDEO)
        self._engine.load(path, **kwargs)  # type: ignore[arg-type]

    def show_image(self, source: Path | str | QImage) -> None:
        """A still image or M-mode strip, kept at full resolution and scaled when painted."""
        if isinstance(source, QImage):
            image = source
        else:
            from pocus_player.ui.sealed_files import read_image

            image = read_image(Path(source))  # from a sealed package's memory, or the file
            if image.isNull():
                raise ValueError(f"cannot read image {Path(source).name}")
        self._image = image
        self._sar = 1.0
        self._set_mode(Mode.IMAGE)
        self.update()

    def show_audio_poster(self, title: str, narrator: str) -> None:
        self._poster_title, self._poster_narrator = title, narrator
        self._image = None
        self._set_mode(Mode.AUDIO)
        self.update()

    def clear(self, message: str = "") -> None:
        """Show nothing; `message`, when given, says what will appear here (painted centred)."""
        self._image = None
        self._empty_message = message
        self._set_mode(Mode.EMPTY)
        self.update()

    def _set_mode(self, mode: Mode) -> None:
        if self._native is not None:
            self._native.setVisible(mode == Mode.VIDEO)
            if mode == Mode.VIDEO:
                self._native.bind()
        if mode != self._mode:
            self._mode = mode
            self.mode_changed.emit(mode.value)

    def _on_loaded(self, loaded: LoadedMedia) -> None:
        self._sar = loaded.sample_aspect or 1.0
        if not loaded.info.has_video:
            self.show_audio_poster(
                self._poster_title or loaded.path.stem.replace("_", " "), self._poster_narrator
            )
        elif self._mode != Mode.VIDEO:
            self._set_mode(Mode.VIDEO)
        self.update()

    def _on_frame(self, index: int, _ms: int) -> None:
        if self._mode == Mode.VIDEO:
            self.update()
        self.frame_changed.emit(index)

    # ------------------------------------------------------------ geometry

    def _source(self) -> QImage | None:
        if self._mode == Mode.IMAGE:
            return self._image
        if self._mode == Mode.VIDEO and self._engine is not None:
            return self._engine.current_image()
        return None

    def source_size(self) -> QSize:
        """Size in source pixels of what is shown (empty for the poster)."""
        img = self._source()
        if img is not None:
            return img.size()
        if self._mode == Mode.VIDEO and self._engine is not None and self._engine.media:
            info = self._engine.media.info
            return QSize(info.width or 0, info.height or 0)
        return QSize()

    def image_rect(self) -> QRectF:
        """Where the source image is painted: the largest rect of its aspect that fits, centred."""
        size = self.source_size()
        if size.isEmpty():
            return QRectF()
        w = size.width() * self._sar
        h = float(size.height())
        scale = min(self.width() / w, self.height() / h)
        dw, dh = w * scale, h * scale
        return QRectF((self.width() - dw) / 2.0, (self.height() - dh) / 2.0, dw, dh)

    def widget_to_source(self, point: QPointF) -> QPointF | None:
        """Source pixel coordinates of a widget point, or None outside the picture."""
        rect = self.image_rect()
        size = self.source_size()
        if rect.isEmpty() or not rect.contains(point):
            return None
        x = (point.x() - rect.x()) * size.width() / rect.width()
        y = (point.y() - rect.y()) * size.height() / rect.height()
        return QPointF(x, y)

    def source_to_widget(self, point: QPointF) -> QPointF:
        rect = self.image_rect()
        size = self.source_size()
        if rect.isEmpty():
            return QPointF()
        return QPointF(
            rect.x() + point.x() * rect.width() / size.width(),
            rect.y() + point.y() * rect.height() / size.height(),
        )

    def source_scale(self) -> float:
        """Widget pixels per source pixel (vertical axis)."""
        rect = self.image_rect()
        size = self.source_size()
        return rect.height() / size.height() if not rect.isEmpty() else 0.0

    def current_frame(self) -> QImage | None:
        """A copy of the picture shown now (the frozen checkpoint frame, a still), or None."""
        img = self._source()
        return img.copy() if img is not None else None

    # ------------------------------------------------------------ painting

    def resizeEvent(self, ev: QResizeEvent) -> None:
        if self._native is not None:
            self._native.setGeometry(self.rect())
        super().resizeEvent(ev)

    def paintEvent(self, _ev: QPaintEvent) -> None:
        p = QPainter(self)
        waiting = self._mode == Mode.EMPTY and bool(self._empty_message)
        p.fillRect(self.rect(), _POSTER_BG if self._mode == Mode.AUDIO or waiting else _BACKGROUND)
        if self._mode == Mode.AUDIO:
            self._paint_poster(p)
            return
        if waiting:
            self._paint_message(p)
            return
        img = self._source()
        if img is None:
            return
        target = self.image_rect()
        # Scale from the full-resolution source at every paint: sharp at any size.
        smooth = target.height() < img.height() or self._mode == Mode.VIDEO
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        p.drawImage(target, img, QRectF(img.rect()))

    def _paint_poster(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        w, h = self.width(), self.height()
        unit = min(w, h) / 10.0
        cx, cy = w / 2.0, h * 0.38
        # A loudspeaker: a box, a cone and two sound arcs.
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_POSTER_FG)
        body = QRectF(cx - 1.6 * unit, cy - 0.6 * unit, 0.8 * unit, 1.2 * unit)
        p.drawRect(body)
        cone = QPolygonF(
            [
                QPointF(cx - 0.8 * unit, cy - 0.6 * unit),
                QPointF(cx + 0.2 * unit, cy - 1.4 * unit),
                QPointF(cx + 0.2 * unit, cy + 1.4 * unit),
                QPointF(cx - 0.8 * unit, cy + 0.6 * unit),
            ]
        )
        p.drawPolygon(cone)
        pen = QPen(_POSTER_FG, max(2.0, unit * 0.18))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for r in (0.8, 1.4):
            path = QPainterPath()
            arc = QRectF(cx + 0.2 * unit - r * unit, cy - r * unit, 2 * r * unit, 2 * r * unit)
            path.arcMoveTo(arc, 45)
            path.arcTo(arc, 45, -90)
            p.drawPath(path)
        font = QFont(self.font())
        font.setPixelSize(max(12, int(unit * 0.55)))
        font.setBold(True)
        p.setFont(font)
        p.setPen(_POSTER_FG)
        name = self._poster_narrator or self.tr("Narration")
        font, name = fit_line(font, name, max(1, int(w - unit)))
        p.setFont(font)
        p.drawText(QRectF(0, cy + 1.8 * unit, w, unit), Qt.AlignmentFlag.AlignCenter, name)
        font.setBold(False)
        font.setPixelSize(max(11, int(unit * 0.4)))
        p.setFont(font)
        p.setPen(_POSTER_DIM)
        p.drawText(
            QRectF(unit * 0.5, cy + 2.8 * unit, w - unit, unit * 1.6),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self._poster_title or self.tr("Audio narration"),
        )

    def _paint_message(self, p: QPainter) -> None:
        w, h = self.width(), self.height()
        unit = min(w, h) / 10.0
        font = QFont(self.font())  # the app's font: follows the candidate's text size
        font.setPointSizeF(font.pointSizeF() * 1.15)
        p.setFont(font)
        p.setPen(_POSTER_FG)
        p.drawText(
            QRectF(unit, 0, w - 2 * unit, h),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self._empty_message,
        )

    @property
    def empty_message(self) -> str:
        """What the empty area says will appear in it ("" when it is not empty)."""
        return self._empty_message if self._mode == Mode.EMPTY else ""

    @property
    def poster_text(self) -> tuple[str, str]:
        """(narrator, title) shown on the audio poster."""
        return self._poster_narrator, self._poster_title

    def sizeHint(self) -> QSize:
        return QSize(640, 480)
