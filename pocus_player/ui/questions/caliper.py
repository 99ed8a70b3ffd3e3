"""Caliper questions: two endpoints on a calibrated image and a live measurement readout.

Mouse: press on the image to place endpoint 1 (dragging from there pulls out
endpoint 2), click again to place endpoint 2, drag either crosshair to adjust.
Keyboard (the image has the focus): Tab goes from endpoint 1 to endpoint 2 and
then on to the next control (Shift+Tab back), so focus is never trapped; the
arrow keys move the active endpoint (or its cursor while it is not placed yet;
Shift: 10 pixels); Enter places it; Delete removes it.

The readout converts the pixel distance with the image's calibration exactly
as scoring does (`core.geometry.caliper_distance`, then rounding half-up to the
key's decimals), in the key's unit along the key's axis, so what the candidate
reads is what is scored. Show-key mode draws the reference endpoints and a
tolerance band: the stretch, measured from reference endpoint 1 along the
reference line, in which endpoint 2 gives an accepted reading.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QPushButton, QWidget

from pocus_player.core.geometry import CalibrationError, caliper_distance, exact_decimal
from pocus_player.core.model import Calibration, CaliperKey, ToleranceKind
from pocus_player.core.scoring import parse_response
from pocus_player.ui.questions.base import QuestionWidget, qcolor
from pocus_player.ui.questions.hotspot import (
    KEY_CORRECT,
    MARKER_FILL,
    MARKER_OUTLINE,
    draw_label,
    label_size,
)
from pocus_player.ui.questions.image_area import ImageArea
from pocus_player.ui.questions.image_canvas import ImageCanvas, format_coordinate
from pocus_player.ui.reflow import ReflowRow

__all__ = ["CaliperCanvas", "CaliperQuestionWidget", "format_measurement", "key_text", "measure"]

DEFAULT_KEY = CaliperKey(value=0.0, unit="cm", tolerance=0.0)
ENDPOINT_COLOURS = (MARKER_FILL, "#00e5ff")  # endpoint 1 yellow, endpoint 2 cyan


def measure(
    p1: tuple[float, float], p2: tuple[float, float], calibration: Calibration, key: CaliperKey
) -> Decimal:
    """The reading scoring will compare with the key: calibrated, rounded half-up."""
    raw = caliper_distance(p1, p2, calibration, key.unit, key.axis)
    return raw.quantize(Decimal(1).scaleb(-key.decimals), rounding=ROUND_HALF_UP)


def _plain(value: Decimal) -> str:
    """0.20 -> "0.2", 10.0 -> "10" (no exponent; the interface language's decimal sign)."""
    return _decimal_sign(format(value.normalize(), "f"))


def _decimal_sign(number: str) -> str:
    """An exact decimal written with the interface language's decimal sign ("2,4" in Spanish)."""
    return number.replace(".", QLocale().decimalPoint())


def format_measurement(value: Decimal, unit: str) -> str:
    return f"{_decimal_sign(str(value))} {unit}"


def key_text(key: CaliperKey) -> str:
    """The key in words: "Key: 2.4 cm ± 0.2" (a relative tolerance reads "± 10 %")."""
    value = exact_decimal(key.value).quantize(
        Decimal(1).scaleb(-key.decimals), rounding=ROUND_HALF_UP
    )
    if key.tolerance_kind is ToleranceKind.RELATIVE:
        tol = f"{_plain(exact_decimal(key.tolerance) * 100)} %"
    else:
        tol = _plain(exact_decimal(key.tolerance))
    text = QCoreApplication.translate("CaliperQuestionWidget", "Key: {value} ± {tolerance}")
    return text.format(value=format_measurement(value, key.unit), tolerance=tol)


class CaliperCanvas(ImageCanvas):
    """The image with two crosshair endpoints joined by a dashed line."""

    endpoints_changed = Signal()
    active_changed = Signal(int)

    ARM = 14.0  # crosshair half-length, widget pixels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.endpoints: list[tuple[float, float] | None] = [None, None]
        self.active = 0
        self.keyboard_point: tuple[float, float] | None = None
        self.read_only = False
        self.key_endpoints: tuple[tuple[float, float], tuple[float, float]] | None = None
        self.band: tuple[QPointF, QPointF] | None = None  # image coordinates
        self.band_label = ""  # the accepted range of readings, e.g. "2.2–2.6 cm"
        self.show_reference = False
        self.readout = ""
        self._drag: int | None = None
        self._pull = False  # dragging out endpoint 2 right after placing endpoint 1
        self._dirty = False

    def set_endpoints(self, endpoints: list[tuple[float, float] | None]) -> None:
        self.endpoints = [(p[0], p[1]) if p is not None else None for p in endpoints]
        self.update()

    def complete(self) -> bool:
        return all(p is not None for p in self.endpoints)

    def set_active(self, index: int) -> None:
        if index != self.active:
            self.active = index
            self.keyboard_point = None
            self.active_changed.emit(index)
        self.update()

    def _changed(self) -> None:
        self.update()
        self.endpoints_changed.emit()

    def _default_cursor(self) -> tuple[float, float]:
        size = self.image_size()
        other = self.endpoints[1 - self.active]
        if other is not None:
            return self.clamp_pixel(other[0], other[1] + 40)
        return (size.width() // 2, size.height() // 2)

    def _endpoint_at(self, pos: QPointF) -> int | None:
        return self.nearest_handle(self.endpoints, pos, self.ARM + 4)

    # -- mouse --------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.read_only:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        hit = self._endpoint_at(pos)
        if hit is not None:
            self._drag = hit
            self.set_active(hit)
        else:
            pixel = self.pixel_at(pos)
            free = [i for i, p in enumerate(self.endpoints) if p is None]
            if pixel is not None and free:
                index = free[0]
                self.endpoints[index] = pixel
                self._dirty = True
                self.set_active(index)
                self._drag = index
                self._pull = index == 0 and self.endpoints[1] is None
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        pixel = self.pixel_at(event.position(), clamp=True)
        if pixel is None:
            return
        if self._pull:
            start = self.endpoints[0]
            assert start is not None
            if math.hypot(pixel[0] - start[0], pixel[1] - start[1]) * self.scale() < 6:
                return
            self._pull = False
            self.endpoints[1] = pixel
            self._drag = 1
            self.set_active(1)
            self._dirty = True
            self.update()
            return
        if pixel != self.endpoints[self._drag]:
            self.endpoints[self._drag] = pixel
            self._dirty = True
            self.update()
            self.endpoints_changed.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drag is not None:
            self.mouseMoveEvent(event)
            self._drag = None
            self._pull = False
            if self._dirty:
                self._dirty = False
                self._changed()
            elif self.endpoints[0] is not None and self.endpoints[1] is None:
                self.set_active(1)
        event.accept()

    # -- keyboard -----------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        if event.reason() == Qt.FocusReason.TabFocusReason:
            self.set_active(0)
        elif event.reason() == Qt.FocusReason.BacktabFocusReason:
            self.set_active(1)
        super().focusInEvent(event)

    def event(self, event: QEvent) -> bool:
        # Tab moves between the endpoints before it leaves the image: never a trap.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            mods = event.modifiers()
            if event.key() == Qt.Key.Key_Tab and not mods & ~Qt.KeyboardModifier.KeypadModifier:
                if self.active == 0:
                    self.set_active(1)
                    return True
            elif event.key() == Qt.Key.Key_Backtab and self.active == 1:
                self.set_active(0)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.read_only or not self.has_image():
            super().keyPressEvent(event)
            return
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        current = self.endpoints[self.active]
        if key in arrows:
            step = 10 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            dx, dy = arrows[Qt.Key(key)]
            if current is not None:
                self.endpoints[self.active] = self.clamp_pixel(
                    current[0] + dx * step, current[1] + dy * step
                )
                self._changed()
            else:
                x, y = self.keyboard_point or self._default_cursor()
                self.keyboard_point = self.clamp_pixel(x + dx * step, y + dy * step)
                self.update()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if current is None:
                self.endpoints[self.active] = self.keyboard_point or self._default_cursor()
                self.keyboard_point = None
                self._changed()
                if self.endpoints[1 - self.active] is None:
                    self.set_active(1 - self.active)
            event.accept()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if current is not None:
                self.endpoints[self.active] = None
                self.keyboard_point = current
                self._changed()
            event.accept()
            return
        if key in (Qt.Key.Key_1, Qt.Key.Key_2):
            self.set_active(0 if key == Qt.Key.Key_1 else 1)
            event.accept()
            return
        super().keyPressEvent(event)

    # -- painting -------------------------------------------------------------

    def paint_overlay(self, painter: QPainter) -> None:
        if self.show_reference:
            self._paint_reference(painter)
        points = [self.pixel_center(*p) if p is not None else None for p in self.endpoints]
        if points[0] is not None and points[1] is not None:
            for colour, width, style in (
                (MARKER_OUTLINE, 4.0, Qt.PenStyle.SolidLine),
                ("#ffffff", 2.0, Qt.PenStyle.DashLine),
            ):
                pen = QPen(qcolor(colour), width)
                pen.setStyle(style)
                painter.setPen(pen)
                painter.drawLine(points[0], points[1])
            if self.readout:
                # Beside the middle of the line, away from the endpoint numbers (which
                # sit below and right of each crosshair): left of a steep line, above a flat one.
                mid = (points[0] + points[1]) / 2
                w, h = label_size(painter, self.readout)
                dx = abs(points[1].x() - points[0].x())
                dy = abs(points[1].y() - points[0].y())
                offset = QPointF(-(w / 2 + 14), 0) if dy > dx else QPointF(0, -(h / 2 + 14))
                draw_label(painter, mid + offset, self.readout, "#ffffff", QRectF(self.rect()))
        if self.hasFocus() and self.endpoints[self.active] is None:
            cursor = self.keyboard_point or self._default_cursor()
            self._paint_crosshair(painter, self.pixel_center(*cursor), self.active, ghost=True)
        for i, point in enumerate(points):
            if point is not None:
                self._paint_crosshair(painter, point, i)

    def _paint_crosshair(
        self, painter: QPainter, c: QPointF, index: int, *, ghost: bool = False
    ) -> None:
        arm, gap = self.ARM, 4.0
        colour = ENDPOINT_COLOURS[index]
        segments = (
            (QPointF(c.x() - arm, c.y()), QPointF(c.x() - gap, c.y())),
            (QPointF(c.x() + gap, c.y()), QPointF(c.x() + arm, c.y())),
            (QPointF(c.x(), c.y() - arm), QPointF(c.x(), c.y() - gap)),
            (QPointF(c.x(), c.y() + gap), QPointF(c.x(), c.y() + arm)),
        )
        for pen_colour, width in ((MARKER_OUTLINE, 5.0), (colour, 2.5)):
            pen = QPen(qcolor(pen_colour), width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            if ghost and pen_colour != MARKER_OUTLINE:
                pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            for a, b in segments:
                painter.drawLine(a, b)
        if index == self.active and self.hasFocus() and not ghost:
            pen = QPen(qcolor("#ffffff"), 1.5)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(c.x() - arm - 3, c.y() - arm - 3, 2 * arm + 6, 2 * arm + 6))
        metrics = QFontMetricsF(painter.font())
        d = metrics.height() + 2
        badge = QRectF(c.x() + arm * 0.6, c.y() + arm * 0.6, d, d)
        painter.setPen(QPen(qcolor(MARKER_OUTLINE), 1.5))
        painter.setBrush(qcolor(colour))
        painter.drawEllipse(badge)
        painter.setPen(qcolor(MARKER_OUTLINE))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(index + 1))

    def _paint_reference(self, painter: QPainter) -> None:
        if self.band is not None:
            a, b = (self.image_to_widget(p) for p in self.band)
            pen = QPen(qcolor(KEY_CORRECT, 140), 22)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLine(a, b)
            edge = QPen(qcolor(KEY_CORRECT), 2)
            painter.setPen(edge)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawLine(a, b)
            # Ticks at both ends, and one label naming the accepted range beside the band.
            length = math.hypot(b.x() - a.x(), b.y() - a.y())
            if length > 0:
                normal = QPointF((b.y() - a.y()) / length, -(b.x() - a.x()) / length)
                if normal.x() < 0 or (normal.x() == 0 and normal.y() > 0):
                    normal = -normal
                painter.setPen(QPen(qcolor(KEY_CORRECT), 3))
                for end in (a, b):
                    painter.drawLine(end - normal * 14, end + normal * 14)
                text = self.band_label
                if text:
                    w, h = label_size(painter, text)
                    reach = abs(normal.x()) * w / 2 + abs(normal.y()) * h / 2
                    anchor = (a + b) / 2 + normal * (34 + reach)
                    draw_label(painter, anchor, text, KEY_CORRECT, QRectF(self.rect()))
        if self.key_endpoints is not None:
            k1, k2 = (self.pixel_center(*p) for p in self.key_endpoints)
            pen = QPen(qcolor(KEY_CORRECT), 2)
            pen.setStyle(Qt.PenStyle.DashDotLine)
            painter.setPen(pen)
            painter.drawLine(k1, k2)
            for k in (k1, k2):
                painter.setPen(QPen(qcolor(MARKER_OUTLINE), 5))
                painter.drawEllipse(k, 7, 7)
                painter.setPen(QPen(qcolor(KEY_CORRECT), 3))
                painter.drawEllipse(k, 7, 7)


class CaliperQuestionWidget(QuestionWidget):
    """A caliper question: stem, calibrated image, live readout, endpoint status."""

    def instructions(self) -> str:
        return self.tr(
            "Measure with two endpoints: click to place endpoint 1 and endpoint 2 (or drag from "
            "endpoint 1), then drag either to adjust. Keyboard: Tab switches from endpoint 1 to "
            "endpoint 2, the arrow keys move the active endpoint (Shift: 10 pixels), Enter places "
            "it, Delete removes it."
        )

    HOW_IN_BODY = True

    def _build_body(self) -> None:
        self.key = self.question.caliper or DEFAULT_KEY
        self.calibration: Calibration | None = None
        if self.question.image is not None:
            try:
                self.calibration = self.case.media_by_id(self.question.image.media).calibration
            except KeyError:
                self.calibration = None
        self.canvas = CaliperCanvas(self._content)
        self.canvas.setAccessibleName(self.tr("Image to measure"))
        if self.question.caliper is not None and self.question.caliper.endpoints is not None:
            self.canvas.key_endpoints = self.question.caliper.endpoints
        self.canvas.endpoints_changed.connect(self._on_endpoints)
        self.canvas.active_changed.connect(lambda _i: self._update_status())
        # Under the image, or beside it when that draws the image larger (see ImageArea).
        self.area = ImageArea(self.canvas, self._content)
        self._body.addWidget(self.area, 1)

        row = ReflowRow()
        self.readout = self._label("", "MeasurementReadout")
        row.add(self.readout, 1)
        self._clear = QPushButton(self.tr("Clear endpoints"), self._content)
        self._clear.setObjectName("ClearEndpoints")
        self._clear.setAccessibleName(self.tr("Clear endpoints"))
        self._clear.setAccessibleDescription(
            self.tr("Removes both endpoints so you can measure again.")
        )
        self._clear.clicked.connect(self._on_clear)
        row.add(self._clear)
        self.area.controls.addWidget(row)
        self._status = self._label("", "EndpointStatus", self.tr("Endpoint status"))
        status_row = ReflowRow()
        status_row.add(self._status, 1)
        if self._how is not None:
            status_row.add(self._how)
        self.area.controls.addWidget(status_row)
        self.area.controls.addStretch(1)
        self._update_band()
        self._update_status()

    def focus_target(self) -> QWidget | None:
        return self.canvas

    def _on_endpoints(self) -> None:
        # Live readout while dragging; `changed` only for finished edits.
        self._update_status()
        if self.canvas._drag is None:
            self.changed.emit()

    def _on_clear(self) -> None:
        if self._read_only or self.canvas.endpoints == [None, None]:
            return
        self.canvas.set_endpoints([None, None])
        self.canvas.set_active(0)
        self._emit_changed()

    # -- measurement --------------------------------------------------------

    def measurement(self) -> Decimal | None:
        """The current reading in the key's unit, rounded as scoring rounds; None if incomplete."""
        p1, p2 = self.canvas.endpoints
        if p1 is None or p2 is None or self.calibration is None:
            return None
        try:
            return measure(p1, p2, self.calibration, self.key)
        except CalibrationError:
            return None

    def readout_text(self) -> str:
        p1, p2 = self.canvas.endpoints
        if self.calibration is None:
            return self.tr("This image has no calibration; no measurement can be shown.")
        if p1 is None or p2 is None:
            return self.tr("Measurement: {value}").format(value=f"– {self.key.unit}")
        value = self.measurement()
        if value is None:
            return self.tr("This image's calibration cannot give this measurement.")
        return self.tr("Measurement: {value}").format(
            value=format_measurement(value, self.key.unit)
        )

    def _update_status(self) -> None:
        value = self.measurement()
        self.canvas.readout = format_measurement(value, self.key.unit) if value is not None else ""
        self.readout.setText(self.readout_text())
        parts = []
        for i, p in enumerate(self.canvas.endpoints):
            parts.append(
                self.tr("Endpoint {number} at {x}, {y} pixels.").format(
                    number=i + 1, x=format_coordinate(p[0]), y=format_coordinate(p[1])
                )
                if p
                else self.tr("Endpoint {number} not placed.").format(number=i + 1)
            )
        parts.append(
            self.tr("Endpoint {number} is active.").format(number=self.canvas.active + 1)
        )
        status = " ".join(parts)
        self._status.setText(status)
        self.canvas.setAccessibleDescription(
            f"{self.instructions()} {status} {self.readout_text()}"
        )
        self._clear.setEnabled(self.canvas.endpoints != [None, None] and not self._read_only)
        self.canvas.update()

    def _update_band(self) -> None:
        """Where endpoint 2 may end, measured from key endpoint 1 (image coordinates)."""
        key = self.question.caliper
        self.canvas.band = None
        if key is None or key.endpoints is None or self.calibration is None:
            return
        (x1, y1), (x2, y2) = key.endpoints
        if key.axis == "vertical":
            d = (0.0, math.copysign(1.0, y2 - y1))
        elif key.axis == "horizontal":
            d = (math.copysign(1.0, x2 - x1), 0.0)
        else:
            length = math.hypot(x2 - x1, y2 - y1)
            if length == 0:
                return
            d = ((x2 - x1) / length, (y2 - y1) / length)
        try:
            per_px = float(caliper_distance((0, 0), d, self.calibration, key.unit, key.axis))
        except CalibrationError:
            return
        if per_px <= 0:
            return
        tol = key.tolerance * (
            abs(key.value) if key.tolerance_kind is ToleranceKind.RELATIVE else 1
        )
        lo, hi = (key.value - tol) / per_px, (key.value + tol) / per_px
        start = QPointF(x1 + 0.5, y1 + 0.5)
        direction = QPointF(*d)
        self.canvas.band = (start + direction * max(0.0, lo), start + direction * hi)
        step = Decimal(1).scaleb(-key.decimals)
        low = max(Decimal(0), exact_decimal(key.value) - exact_decimal(tol)).quantize(step)
        high = (exact_decimal(key.value) + exact_decimal(tol)).quantize(step)
        self.canvas.band_label = f"{_decimal_sign(str(low))}–{format_measurement(high, key.unit)}"

    # -- image / state ------------------------------------------------------

    def set_image(self, image: QImage, frame: int | None = None) -> None:
        self.canvas.set_image(image)
        size = image.size()
        self.canvas.setAccessibleName(
            self.tr("Image to measure, {width} by {height} pixels").format(
                width=size.width(), height=size.height()
            )
        )

    def response(self) -> dict[str, Any]:
        p1, p2 = self.canvas.endpoints
        if p1 is None or p2 is None:
            return {}
        return {"endpoints": [[p1[0], p1[1]], [p2[0], p2[1]]]}

    def set_response(self, response: dict[str, Any]) -> None:
        parsed = parse_response(self.question, response)
        ends = parsed.get("endpoints")
        if ends:
            self.canvas.set_endpoints([(ends[0][0], ends[0][1]), (ends[1][0], ends[1][1])])
        else:
            self.canvas.set_endpoints([None, None])
        self._update_status()

    def _key_text(self) -> str:
        if self.question.caliper is None:
            return ""
        text = key_text(self.question.caliper)
        if self.question.caliper.endpoints is not None:
            text += ". " + self.tr(
                "Green circles: the reference endpoints; green band: where endpoint 2 "
                "gives an accepted reading."
            )
        return text

    def _show_key_changed(self) -> None:
        self.canvas.show_reference = self._show_key
        self.canvas.update()

    def _read_only_changed(self) -> None:
        self.canvas.read_only = self._read_only
        self._update_status()

    def _scale_changed(self) -> None:
        self.canvas.text_scale = self._scale
        self.canvas.update()
