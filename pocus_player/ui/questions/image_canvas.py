"""`ImageCanvas`: an image shown whole, sharp and undistorted at any size, with pixel mapping.

The image is scaled by one factor on both axes (aspect ratio kept) and centred
on a dark background, which suits ultrasound. Downscaled images are filtered
smoothly; enlarged ones use nearest-neighbour sampling at 2x and more, so
speckle and edges stay crisp instead of being blurred.

Coordinates: image coordinates are source-image pixels (origin top-left). A
pixel (x, y) is the unit square [x, x+1) x [y, y+1); `pixel_at()` maps a
widget point to the pixel under it and `pixel_center()` maps a pixel back to
the widget point at its centre, so a marker placed on a pixel is drawn on it.
Input by mouse and keyboard gives whole pixels; a restored draft keeps the
exact (possibly fractional) coordinates it was given.
Subclasses draw their markers in `paint_overlay()`.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from pocus_player.ui.questions.base import qcolor, theme_colours

__all__ = ["ImageCanvas", "format_coordinate"]


def format_coordinate(value: float) -> str:
    """212 -> "212", 347.5 -> "347.5" (for status text and accessible descriptions)."""
    return f"{value:g}" if isinstance(value, float) else str(value)


BACKGROUND = "#000000"  # ultrasound is read on black
FOCUS_WIDTH = 3


class ImageCanvas(QWidget):
    """Shows a QImage letterboxed; maps widget points to image pixels and back."""

    MIN_SIZE = QSize(160, 120)  # small: the image scales to the space a screen has left
    MARGIN = FOCUS_WIDTH + 1  # room for the focus ring around the image

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._pixmap: QPixmap | None = None
        self.text_scale = 1.0
        self.setObjectName("ImageCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(self.MIN_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # -- image ----------------------------------------------------------------

    def set_image(self, image: QImage | None) -> None:
        self._image = image if image is not None and not image.isNull() else None
        self._pixmap = QPixmap.fromImage(self._image) if self._image is not None else None
        self.updateGeometry()
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def image_size(self) -> QSize:
        return self._image.size() if self._image is not None else QSize(0, 0)

    def has_image(self) -> bool:
        return self._image is not None

    # -- mapping --------------------------------------------------------------

    def scale(self) -> float:
        """Widget pixels per image pixel."""
        if self._image is None:
            return 1.0
        avail_w = max(1, self.width() - 2 * self.MARGIN)
        avail_h = max(1, self.height() - 2 * self.MARGIN)
        return min(avail_w / self._image.width(), avail_h / self._image.height())

    def image_rect(self) -> QRectF:
        """Where the image is drawn, in widget coordinates."""
        if self._image is None:
            return QRectF()
        s = self.scale()
        w, h = self._image.width() * s, self._image.height() * s
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def widget_to_image(self, point: QPointF | QPoint) -> QPointF:
        """Continuous image coordinates of a widget point (may lie outside the image)."""
        rect = self.image_rect()
        s = self.scale()
        p = QPointF(point)
        return QPointF((p.x() - rect.x()) / s, (p.y() - rect.y()) / s)

    def image_to_widget(self, point: QPointF | QPoint) -> QPointF:
        rect = self.image_rect()
        s = self.scale()
        p = QPointF(point)
        return QPointF(rect.x() + p.x() * s, rect.y() + p.y() * s)

    def pixel_at(self, point: QPointF | QPoint, *, clamp: bool = False) -> tuple[int, int] | None:
        """The image pixel under a widget point; None outside the image unless `clamp`."""
        if self._image is None:
            return None
        p = self.widget_to_image(point)
        x, y = math.floor(p.x()), math.floor(p.y())
        w, h = self._image.width(), self._image.height()
        if not (0 <= x < w and 0 <= y < h):
            if not clamp:
                return None
            x, y = min(max(x, 0), w - 1), min(max(y, 0), h - 1)
        return (x, y)

    def pixel_center(self, x: float, y: float) -> QPointF:
        """The widget point at the centre of image pixel (x, y)."""
        return self.image_to_widget(QPointF(x + 0.5, y + 0.5))

    def nearest_handle(
        self, points: list[tuple[float, float] | None], pos: QPointF, reach: float
    ) -> int | None:
        """Index of the placed point drawn nearest `pos` within `reach` widget px, else None."""
        best, best_d = None, reach
        for i, p in enumerate(points):
            if p is None:
                continue
            c = self.pixel_center(*p)
            d = math.hypot(c.x() - pos.x(), c.y() - pos.y())
            if d <= best_d:
                best, best_d = i, d
        return best

    def widget_pos_for_pixel(self, x: int, y: int) -> QPoint:
        """An integer widget position that lies on image pixel (x, y) (for input and tests)."""
        centre = self.pixel_center(x, y)
        cx, cy = round(centre.x()), round(centre.y())
        # When the image is shown smaller than 1:1 no integer point may land on the
        # pixel; the nearest one is returned then.
        for dx in (0, -1, 1):
            for dy in (0, -1, 1):
                if self.pixel_at(QPoint(cx + dx, cy + dy)) == (x, y):
                    return QPoint(cx + dx, cy + dy)
        return QPoint(cx, cy)

    def clamp_pixel(self, x: float, y: float) -> tuple[float, float]:
        """The point kept on the image; ints stay ints (restored drafts may hold fractions)."""
        w, h = self.image_size().width(), self.image_size().height()
        return (min(max(x, 0), max(0, w - 1)), min(max(y, 0), max(0, h - 1)))

    # -- painting -------------------------------------------------------------

    def sizeHint(self) -> QSize:
        if self._image is None:
            return QSize(480, 360)
        size = self._image.size()
        if size.width() > 720:
            size = size.scaled(720, 720, Qt.AspectRatioMode.KeepAspectRatio)
        # The preferred height is the least one: the canvas expands into whatever height
        # is left, and a scroll area sizing its content by preferred heights (word-wrapped
        # text makes it do so) would otherwise scroll the image out of view.
        return QSize(size.width(), self.MIN_SIZE.height()) + QSize(2 * self.MARGIN, 2 * self.MARGIN)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), qcolor(BACKGROUND))
        if self._pixmap is None:
            painter.setPen(qcolor("#ffffff"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("ImageCanvas", "The image is not available."),
            )
        else:
            rect = self.image_rect()
            s = self.scale()
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, s < 2.0)
            painter.drawPixmap(rect, self._pixmap, QRectF(self._pixmap.rect()))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(self.overlay_font())
            self.paint_overlay(painter)
        if self.hasFocus():
            c = theme_colours()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            pen = QPen(qcolor(c.focus), FOCUS_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = FOCUS_WIDTH / 2
            painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
        painter.end()

    def overlay_font(self) -> QFont:
        """Labels drawn on the image: they grow with the text size, but only half as fast,
        so at 200 % they stay legible without hiding the picture."""
        font = QFont(self.font())
        font.setPixelSize(round(13 * (1 + (self.text_scale - 1) * 0.5)))
        return font

    def paint_overlay(self, painter: QPainter) -> None:
        """Draw markers over the image (widget coordinates); the default draws nothing."""

    def focusInEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().focusOutEvent(event)
        self.update()
