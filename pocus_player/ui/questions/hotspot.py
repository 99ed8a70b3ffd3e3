"""Hotspot questions: the candidate places up to `question.markers` markers on an image.

Mouse: click on the image to place a marker, drag a marker to move it; with a
single marker, a click elsewhere moves it there. Keyboard (the image has the
focus): the arrow keys move the keyboard cursor (Shift: 10 pixels a step) and
Enter places a marker there; once every marker is placed, the arrow keys move
the last one. 1-9 select a placed marker so that the arrows move it; Enter or
Escape sets it down again. Delete or Backspace removes the selected marker
(else the last one placed).

Points are source-image pixels. The response's `frame` is the clip frame the
image shows (the question's authored frame, or the one `set_image()` was given)
and null for a still. Show-key mode draws every region semi-transparent with
its label: correct regions green with a solid outline and a tick, the others
orange with a dashed outline.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QPushButton, QWidget

from pocus_player.core.model import Circle, MediaKind, Polygon, Rect, Region, Shape
from pocus_player.core.scoring import parse_response
from pocus_player.ui.questions.base import QuestionWidget, qcolor
from pocus_player.ui.questions.image_area import ImageArea
from pocus_player.ui.questions.image_canvas import ImageCanvas, format_coordinate
from pocus_player.ui.reflow import ReflowRow

__all__ = ["HotspotCanvas", "HotspotQuestionWidget", "draw_label", "label_size"]

MARKER_FILL = "#ffd400"  # a yellow ring with a black outline reads on any grey level
MARKER_OUTLINE = "#000000"
KEY_CORRECT = "#1a9850"
KEY_OTHER = "#e66101"


def label_size(painter: QPainter, text: str) -> tuple[float, float]:
    metrics = QFontMetricsF(painter.font())
    return metrics.horizontalAdvance(text) + 10, metrics.height() + 6


def draw_label(painter: QPainter, anchor: QPointF, text: str, colour: str, bounds: QRectF) -> None:
    """Text on a dark box with a coloured edge, centred on `anchor`, kept inside `bounds`."""
    w, h = label_size(painter, text)
    x = min(max(anchor.x() - w / 2, bounds.left()), bounds.right() - w)
    y = min(max(anchor.y() - h / 2, bounds.top()), bounds.bottom() - h)
    box = QRectF(x, y, w, h)
    painter.setPen(QPen(qcolor(colour), 2))
    painter.setBrush(qcolor("#000000", 200))
    painter.drawRoundedRect(box, 4, 4)
    painter.setPen(qcolor("#ffffff"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def shape_path(shape: Shape) -> QPainterPath:
    """The shape's outline in image coordinates."""
    path = QPainterPath()
    if isinstance(shape, Circle):
        path.addEllipse(QPointF(shape.cx, shape.cy), shape.r, shape.r)
    elif isinstance(shape, Rect):
        path.addRect(QRectF(shape.x, shape.y, shape.w, shape.h).normalized())
    elif isinstance(shape, Polygon):
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in shape.points]))
        path.closeSubpath()
    return path


_ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class HotspotCanvas(ImageCanvas):
    """The image with the candidate's markers (and, in show-key mode, the regions)."""

    markers_changed = Signal()  # the candidate moved, placed or removed a marker
    notice = Signal(str)  # a short message for the candidate (e.g. "all markers placed")

    RADIUS = 11.0  # marker ring radius in widget pixels

    def __init__(self, capacity: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.capacity = max(1, capacity)
        self.markers: list[tuple[float, float]] = []
        self.selected: int | None = None
        self.keyboard_point: tuple[float, float] | None = None  # keyboard placing position
        self.regions: tuple[Region, ...] = ()
        self.key_ids: frozenset[str] = frozenset()
        self.show_regions = False
        self.read_only = False
        self._drag: int | None = None
        self._dirty = False
        self.setMouseTracking(False)

    # -- state --------------------------------------------------------------

    def set_markers(self, markers: list[tuple[float, float]]) -> None:
        self.markers = [(x, y) for x, y in markers]
        self.selected = None
        self.update()

    def describe(self) -> str:
        if not self.markers:
            return self.tr("No marker placed yet.")
        parts = [
            self.tr("Marker {number} at {x}, {y} pixels.").format(
                number=i + 1, x=format_coordinate(x), y=format_coordinate(y)
            )
            for i, (x, y) in enumerate(self.markers)
        ]
        if self.capacity > 1:
            placed = self.tr("{placed} of %n markers placed.", "", self.capacity)
            parts.insert(0, placed.format(placed=len(self.markers)))
        if self.selected is not None and self.capacity > 1:
            parts.append(self.tr("Marker {number} is selected.").format(number=self.selected + 1))
        return " ".join(parts)

    def _changed(self) -> None:
        self.update()
        self.markers_changed.emit()

    def _marker_at(self, pos: QPointF) -> int | None:
        return self.nearest_handle(list(self.markers), pos, self.RADIUS + 6)

    def place(self, pixel: tuple[float, float]) -> bool:
        """Place a marker (or, with one marker allowed, move it); False when all are placed."""
        if len(self.markers) < self.capacity:
            self.markers.append(pixel)
            self.selected = len(self.markers) - 1
        elif self.capacity == 1:
            self.markers[0] = pixel
            self.selected = 0
        else:
            self.notice.emit(
                self.tr(
                    "All %n markers are placed. Drag one to move it, "
                    "or select it and press Delete to remove it.",
                    "",
                    self.capacity,
                )
            )
            return False
        return True

    def remove(self, index: int | None = None) -> bool:
        if not self.markers:
            return False
        if index is None:
            index = self.selected if self.selected is not None else len(self.markers) - 1
        del self.markers[index]
        self.selected = None
        self._changed()
        return True

    # -- mouse --------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.read_only:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        hit = self._marker_at(pos)
        if hit is not None:
            self.selected = self._drag = hit
            self.update()
        else:
            pixel = self.pixel_at(pos)
            if pixel is not None and self.place(pixel):
                self._drag = self.selected
                self._dirty = True
        self.keyboard_point = None
        self.update()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        pixel = self.pixel_at(event.position(), clamp=True)
        if pixel is not None and pixel != self.markers[self._drag]:
            self.markers[self._drag] = pixel
            self._dirty = True
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drag is not None:
            self.mouseMoveEvent(event)
            self._drag = None
            if self._dirty:
                self._dirty = False
                self._changed()
        event.accept()

    # -- keyboard -----------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.selected is None and self.markers and len(self.markers) >= self.capacity:
            # Nothing more to place: the arrow keys move the last marker.
            self.selected = len(self.markers) - 1
        if self.keyboard_point is None and self.selected is None and self.has_image():
            size = self.image_size()
            self.keyboard_point = (size.width() // 2, size.height() // 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.read_only or not self.has_image():
            super().keyPressEvent(event)
            return
        if key in _ARROWS:
            step = 10 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            self._move(*_ARROWS[Qt.Key(key)], step)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._set_down()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if self.markers:
                removed = self.markers[
                    self.selected if self.selected is not None else len(self.markers) - 1
                ]
                self.remove()
                self.keyboard_point = removed
        elif key == Qt.Key.Key_Escape and self.selected is not None:
            self.keyboard_point = self.markers[self.selected]
            self.selected = None
            self.update()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and key - Qt.Key.Key_1 < len(self.markers):
            self.selected = key - Qt.Key.Key_1
            self.update()
            self.notice.emit(self.describe())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _move(self, dx: int, dy: int, step: int) -> None:
        """Arrow keys: move the selected marker, or else the keyboard cursor."""
        if self.selected is not None:
            x, y = self.markers[self.selected]
            self.markers[self.selected] = self.clamp_pixel(x + dx * step, y + dy * step)
            self._changed()
        else:
            size = self.image_size()
            x, y = self.keyboard_point or (size.width() // 2, size.height() // 2)
            self.keyboard_point = self.clamp_pixel(x + dx * step, y + dy * step)
            self.update()

    def _set_down(self) -> None:
        """Enter: set the selected marker down, or place a new one at the keyboard cursor."""
        if self.selected is not None:
            # Set the selected marker down; the cursor continues from there.
            self.keyboard_point = self.markers[self.selected]
            if len(self.markers) < self.capacity:
                self.selected = None
            self.update()
            self.notice.emit(self.describe())
            return
        size = self.image_size()
        pixel = self.keyboard_point or (size.width() // 2, size.height() // 2)
        if self.place(pixel):
            if len(self.markers) < self.capacity:
                # More to place: stay with the cursor (press a number to move a marker).
                self.selected = None
            self._changed()

    # -- painting -------------------------------------------------------------

    def paint_overlay(self, painter: QPainter) -> None:
        if self.show_regions:
            self._paint_regions(painter)
        placing = self.selected is None and len(self.markers) < self.capacity
        if self.hasFocus() and placing and self.keyboard_point is not None:
            self._paint_cursor(painter, self.keyboard_point)
        for i, (x, y) in enumerate(self.markers):
            self._paint_marker(painter, self.pixel_center(x, y), i)

    def _paint_regions(self, painter: QPainter) -> None:
        rect = self.image_rect()
        s = self.scale()
        labels: list[tuple[QRectF, str, str]] = []
        # Labels keep clear of the candidate's markers and of each other.
        r = self.RADIUS + 4
        placed = [
            QRectF(self.pixel_center(x, y) - QPointF(r, r), self.pixel_center(x, y) + QPointF(r, r))
            for x, y in self.markers
        ]
        for region in self.regions:
            correct = region.id in self.key_ids
            colour = KEY_CORRECT if correct else KEY_OTHER
            path = shape_path(region.shape)
            painter.save()
            painter.translate(rect.topLeft())
            painter.scale(s, s)
            pen = QPen(qcolor(colour), 2.5)
            pen.setCosmetic(True)
            if not correct:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(qcolor(colour, 90 if correct else 70))
            painter.drawPath(path)
            painter.restore()
            text = region.label or region.id
            if region.frames is not None:
                text += self.tr(" (frames {first}–{last})").format(
                    first=region.frames[0], last=region.frames[1]
                )
            text = ("✓ " if correct else "") + text
            labels.append((self._label_box(painter, path, text, placed), text, colour))
            placed.append(labels[-1][0])
        for box, text, colour in labels:
            draw_label(painter, box.center(), text, colour, QRectF(self.rect()))

    def _label_box(
        self, painter: QPainter, path: QPainterPath, text: str, placed: list[QRectF]
    ) -> QRectF:
        """Where a region's label goes: beside the region (below, above, right, left),
        never on top of another label when there is room, so labels stay readable."""
        w, h = label_size(painter, text)
        bounds = QRectF(self.rect())
        area = self.image_rect()
        shape = path.boundingRect()
        top_left = self.image_to_widget(shape.topLeft())
        bottom_right = self.image_to_widget(shape.bottomRight())
        box = QRectF(top_left, bottom_right)
        gap = 6.0
        centre = box.center()
        candidates = [
            QPointF(centre.x(), box.bottom() + gap + h / 2),
            QPointF(centre.x(), box.top() - gap - h / 2),
            QPointF(box.right() + gap + w / 2, centre.y()),
            QPointF(box.left() - gap - w / 2, centre.y()),
        ]
        # Then further out below and above, one label height at a time.
        for k in range(1, 12):
            candidates.append(QPointF(centre.x(), box.bottom() + gap + h / 2 + k * (h + 2)))
            candidates.append(QPointF(centre.x(), box.top() - gap - h / 2 - k * (h + 2)))

        def rect_at(anchor: QPointF) -> QRectF:
            x = min(max(anchor.x() - w / 2, bounds.left()), bounds.right() - w)
            y = min(max(anchor.y() - h / 2, bounds.top()), bounds.bottom() - h)
            return QRectF(x, y, w, h)

        for anchor in candidates:
            rect = rect_at(anchor)
            if area.contains(rect.center()) and not any(
                rect.adjusted(-2, -2, 2, 2).intersects(other) for other in placed
            ):
                return rect
        return rect_at(candidates[0])

    def _paint_cursor(self, painter: QPainter, pixel: tuple[float, float]) -> None:
        c = self.pixel_center(*pixel)
        r = self.RADIUS
        for colour, width in ((MARKER_OUTLINE, 4.0), ("#ffffff", 2.0)):
            pen = QPen(qcolor(colour), width)
            pen.setStyle(
                Qt.PenStyle.DashLine if colour != MARKER_OUTLINE else Qt.PenStyle.SolidLine
            )
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(c, r, r)
            painter.drawLine(QPointF(c.x() - r - 6, c.y()), QPointF(c.x() - 3, c.y()))
            painter.drawLine(QPointF(c.x() + 3, c.y()), QPointF(c.x() + r + 6, c.y()))
            painter.drawLine(QPointF(c.x(), c.y() - r - 6), QPointF(c.x(), c.y() - 3))
            painter.drawLine(QPointF(c.x(), c.y() + 3), QPointF(c.x(), c.y() + r + 6))

    def _paint_marker(self, painter: QPainter, c: QPointF, index: int) -> None:
        r = self.RADIUS
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(qcolor(MARKER_OUTLINE), 7))
        painter.drawEllipse(c, r, r)
        painter.setPen(QPen(qcolor(MARKER_FILL), 3.5))
        painter.drawEllipse(c, r, r)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolor(MARKER_OUTLINE))
        painter.drawEllipse(c, 3, 3)
        painter.setBrush(qcolor(MARKER_FILL))
        painter.drawEllipse(c, 1.6, 1.6)
        if index == self.selected and (self.hasFocus() or self._drag is not None):
            pen = QPen(qcolor("#ffffff"), 2)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(c, r + 6, r + 6)
        if self.capacity > 1:
            metrics = QFontMetricsF(painter.font())
            d = max(metrics.height(), 2 * r * 0.9)
            badge = QRectF(c.x() + r * 0.6, c.y() - r * 0.6 - d, d, d)
            painter.setPen(QPen(qcolor(MARKER_OUTLINE), 2))
            painter.setBrush(qcolor(MARKER_FILL))
            painter.drawEllipse(badge)
            painter.setPen(qcolor(MARKER_OUTLINE))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(index + 1))


class HotspotQuestionWidget(QuestionWidget):
    """A hotspot question: stem, image with markers, marker status and a remove button."""

    def instructions(self) -> str:
        n = max(1, self.question.markers)
        if n == 1:
            return self.tr(
                "Place a marker on the image: click to place it; click elsewhere or drag it to "
                "move it. Keyboard: the arrow keys move the cursor (Shift: 10 pixels), Enter "
                "places the marker, then the arrow keys move it; Delete removes it."
            )
        return self.tr(
            "Place up to %n markers on the image: click to place each one, drag a marker to "
            "move it. Keyboard: the arrow keys move the cursor (Shift: 10 pixels) and Enter "
            "places a marker; press a marker's number to select it and move it with the arrow "
            "keys; Delete removes the selected marker.",
            "",
            n,
        )

    HOW_IN_BODY = True

    def _build_body(self) -> None:
        image_ref = self.question.image
        self._frame: int | None = None
        self._from_clip = False
        if image_ref is not None:
            try:
                item = self.case.media_by_id(image_ref.media)
                self._from_clip = item.kind is not MediaKind.STILL
            except KeyError:
                self._from_clip = image_ref.frame is not None
            if self._from_clip:
                self._frame = image_ref.frame
        self.canvas = HotspotCanvas(self.question.markers, self._content)
        self.canvas.regions = self.question.regions
        self.canvas.key_ids = frozenset(self.question.key)
        self.canvas.setAccessibleName(self.tr("Image to mark"))
        self.canvas.markers_changed.connect(self._emit_changed)
        self.canvas.notice.connect(self._on_notice)
        # Under the image, or beside it when that draws the image larger (see ImageArea).
        self.area = ImageArea(self.canvas, self._content)
        self._body.addWidget(self.area, 1)

        row = ReflowRow()
        self._status = self._label("", "MarkerStatus", self.tr("Marker status"))
        row.add(self._status, 1)
        self._remove = QPushButton(self.tr("Remove marker"), self._content)
        self._remove.setObjectName("RemoveMarker")
        self._remove.setAccessibleName(self.tr("Remove marker"))
        self._remove.setAccessibleDescription(
            self.tr(
                "Removes the selected marker, or the last one placed. "
                "Delete does the same on the image."
            )
        )
        self._remove.clicked.connect(self._on_remove)
        buttons = ReflowRow()  # one under the other when the panel is narrow
        buttons.add(self._remove)
        if self._how is not None:
            buttons.add(self._how)
        row.add(buttons)
        self.area.controls.addWidget(row)
        self.area.controls.addStretch(1)
        self._notice = ""
        self._update_status()

    def focus_target(self) -> QWidget | None:
        return self.canvas

    def _on_remove(self) -> None:
        if not self._read_only:
            self.canvas.remove()

    def _on_notice(self, text: str) -> None:
        self._notice = text
        self._update_status()
        self._notice = ""

    def _update_status(self) -> None:
        text = self.canvas.describe()
        if self._notice and self._notice != text:
            text = f"{text} {self._notice}"
        self._status.setText(text)
        self.canvas.setAccessibleDescription(f"{self.instructions()} {text}")
        self._remove.setEnabled(bool(self.canvas.markers) and not self._read_only)

    # -- image ----------------------------------------------------------------

    def set_image(self, image: QImage, frame: int | None = None) -> None:
        self.canvas.set_image(image)
        if frame is not None:
            self._frame = frame
        size = image.size()
        self.canvas.setAccessibleName(
            self.tr("Image to mark, {width} by {height} pixels").format(
                width=size.width(), height=size.height()
            )
        )

    def frame(self) -> int | None:
        return self._frame

    # -- state --------------------------------------------------------------

    def response(self) -> dict[str, Any]:
        if not self.canvas.markers:
            return {}
        return {"points": [[x, y] for x, y in self.canvas.markers], "frame": self._frame}

    def set_response(self, response: dict[str, Any]) -> None:
        parsed = parse_response(self.question, response)
        points = parsed.get("points", [])
        if parsed.get("frame") is not None:
            self._frame = parsed["frame"]
        self.canvas.set_markers([(p[0], p[1]) for p in points])
        self._update_status()

    def _key_text(self) -> str:
        key = set(self.question.key)
        correct = [r.label or r.id for r in self.question.regions if r.id in key]
        other = [r.label or r.id for r in self.question.regions if r.id not in key]
        parts = []
        if correct:
            head = (
                self.tr("Correct region (green, solid outline, ✓): {regions}.")
                if len(correct) == 1
                else self.tr("Correct regions (green, solid outline, ✓): {regions}.")
            )
            parts.append(head.format(regions="; ".join(correct)))
        if other:
            parts.append(
                self.tr("Other regions (orange, dashed outline): {regions}.").format(
                    regions="; ".join(other)
                )
            )
        return " ".join(parts)

    def _show_key_changed(self) -> None:
        self.canvas.show_regions = self._show_key
        self.canvas.update()

    def _read_only_changed(self) -> None:
        self.canvas.read_only = self._read_only
        self._update_status()

    def _scale_changed(self) -> None:
        self.canvas.text_scale = self._scale
        self.canvas.update()
