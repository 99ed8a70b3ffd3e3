"""An image question's image and its controls, placed so that the image gets the most room.

Below the image, the readout, status and buttons cost height; a wide panel then
shows a letterboxed strip (a 150 px high caliper image at 1024x768 and 200 %
text, with 800 px of black beside it). `ImageArea` compares the two placements
each time it is resized and keeps the one where the image is drawn larger:
controls under the image, or in a column beside it. The canvas keeps mapping
its own pixels, so coordinates stay in image pixels either way.

The image never shrinks below `MIN_IMAGE_HEIGHT` (or the height its width
allows, or the question's visible height, whichever is least): where the stem,
key and rationale leave less (the preview at 200 % text), the rows under the
image scroll with the question instead of squeezing the image to a strip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from pocus_player.ui.questions.image_canvas import ImageCanvas

__all__ = ["ImageArea", "beside_is_larger"]

_BELOW = QBoxLayout.Direction.TopToBottom
_BESIDE = QBoxLayout.Direction.LeftToRight

#: The column beside the image takes at most this share of the width.
MAX_COLUMN_SHARE = 0.45

#: The least height the image is drawn at when its width and the visible height allow:
#: a sector scan 240 px high still shows the structures a candidate points at or measures.
MIN_IMAGE_HEIGHT = 240


def _fit(image: QSize, width: int, height: int) -> float:
    if image.isEmpty() or width <= 0 or height <= 0:
        return 0.0
    return min(width / image.width(), height / image.height())


def beside_is_larger(
    image: QSize,
    area: QSize,
    below_height: int,
    column_width: int,
    spacing: int = 8,
    least_below: int = 0,
) -> bool:
    """Whether the image is drawn larger with the controls in a column beside it
    (`column_width` wide) than under it (`below_height` high), in an `area`; under it,
    the image is at least `least_below` high (the rows then scroll)."""
    least = _fit(image, area.width(), least_below)
    below = max(least, _fit(image, area.width(), area.height() - below_height - spacing))
    beside = _fit(image, area.width() - column_width - spacing, area.height())
    return beside > below * 1.05  # a margin, so that a resize by a pixel does not flip it


class _Column(QWidget):
    """The controls' column. Beside the image it reports no height-for-width but the height
    it was measured at for its width (`beside_height`): its wrapped rows never overlap."""

    beside = False
    beside_height = 0

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return not self.beside and super().hasHeightForWidth()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        if self.beside:
            hint.setHeight(max(hint.height(), self.beside_height))
        return hint


class ImageArea(QWidget):
    """The canvas and, in `controls`, the rows that go with it (readout, status, buttons)."""

    def __init__(self, canvas: ImageCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self._box = QBoxLayout(_BELOW, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(8)
        self._box.addWidget(canvas, 1)
        self._column = _Column(self)
        self.controls = QVBoxLayout(self._column)
        self.controls.setContentsMargins(0, 0, 0, 0)
        self.controls.setSpacing(8)
        self._box.addWidget(self._column, 0)
        self._below_height = 0  # the column's height under the image
        self._refused: tuple[int, int] | None = None  # a size where the column did not fit
        self._placing = False
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._place_now)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._watched: QWidget | None = None  # the viewport of the question's scroll area

    def is_beside(self) -> bool:
        return self._box.direction() == _BESIDE

    def minimumSizeHint(self) -> QSize:
        """Under the image: the widest of the two, and both heights. Beside it: the column's
        height at the width it was given (the canvas shrinks to its own minimum)."""
        canvas = self.canvas.minimumSizeHint()
        column = self._column.minimumSizeHint()
        spacing = self._box.spacing()
        if self.is_beside():
            return QSize(canvas.width(), max(canvas.height(), column.height()))
        height = canvas.height() + column.height() + spacing
        return QSize(max(canvas.width(), column.width()), height)

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def _viewport(self) -> QWidget | None:
        """The visible part of the scroll area the area lies in, if any."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        return parent.viewport() if isinstance(parent, QScrollArea) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._watched and event.type() == QEvent.Type.Resize:
            self._update_floor()
        return super().eventFilter(watched, event)

    def _visible_height(self) -> int | None:
        """The height from the area's top to the bottom of the visible part of the question
        (with the question scrolled to its top); None outside a scroll area."""
        viewport = self._viewport()
        if viewport is None:
            return None
        if viewport is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            self._watched = viewport
            viewport.installEventFilter(self)
        content = self.parentWidget()
        top = self.mapTo(content, QPoint(0, 0)).y() if content is not None else 0
        return viewport.height() - top

    def image_floor(self, width: int | None = None) -> int:
        """The canvas's least height at `width` (default: its own): `MIN_IMAGE_HEIGHT` as far
        as that width and the visible height allow; the image is never a strip nor cut off."""
        margins = 2 * self.canvas.MARGIN
        image = self.canvas.image_size()
        least = ImageCanvas.MIN_SIZE.height()
        if width is None:
            width = self.canvas.width() if self.is_beside() else self.width()
        if image.isEmpty() or width <= margins:
            return least
        height = min(MIN_IMAGE_HEIGHT, round(image.height() * (width - margins) / image.width()))
        visible = self._visible_height()
        if visible is not None:
            height = min(height, visible - margins)
        return max(least, height + margins)

    def _column_needs(self) -> int:
        """The height the column beside the image takes."""
        return max(self._column.minimumSizeHint().height(), self._column.height())

    def _update_floor(self) -> None:
        floor = self.image_floor()
        visible = self._visible_height()
        alignment = Qt.AlignmentFlag(0)
        if self.is_beside() and visible is not None and self._column_needs() > visible:
            # Beside a column taller than the visible height, the canvas keeps to the top and
            # to the visible height: the image is whole while the column scrolls.
            floor = max(floor, visible)
            alignment = Qt.AlignmentFlag.AlignTop
        item = self._box.itemAt(0)  # the canvas
        if item is not None and item.alignment() != alignment:
            self._box.setAlignment(self.canvas, alignment)
        if self.canvas.minimumHeight() != floor:
            self.canvas.setMinimumHeight(floor)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_floor()
        # Placed once the layout pass that resized the area is over: measuring the column
        # lays it out, which inside that pass would start it again.
        self._pending.start()

    def _place_now(self) -> None:
        if self._placing:
            return
        self._placing = True
        try:
            self._place(self.size())
        finally:
            self._placing = False

    def _column_widths(self, width: int) -> list[int]:
        """Widths to try for the column beside the image, narrowest first."""
        least = self._column.minimumSizeHint().width()
        most = int(width * MAX_COLUMN_SHARE)
        if least > most:
            return []
        step = max(16, (most - least) // 6)
        return [*range(least, most, step), most]

    def _widened(self, column_width: int, size: QSize) -> int:
        """The column given the width the image, held by the height, leaves unused."""
        spacing = self._box.spacing()
        image = self.canvas.image_size()
        margins = 2 * self.canvas.MARGIN
        room = size.width() - column_width - spacing - margins
        scale = _fit(image, room, size.height() - margins)
        drawn = round(image.width() * scale) + margins
        spare = size.width() - spacing - drawn
        return max(column_width, min(int(size.width() * MAX_COLUMN_SHARE), spare))

    def _column_height(self, width: int) -> int:
        """The column's height at `width`, once its rows have reflowed to that width."""
        self._column.resize(width, max(1, self._column.height()))
        for _ in range(2):  # the rows reflow on the first pass, the labels wrap on the second
            self.controls.activate()
            for row in self._column.findChildren(QWidget):
                if row.parentWidget() is self._column:
                    row.resize(width, row.height())
        if self.controls.hasHeightForWidth():
            return self.controls.totalHeightForWidth(width)
        return self.controls.totalMinimumSize().height()

    def _place(self, size: QSize) -> None:
        width = size.width()
        if self.is_beside():
            below_height = self._below_height
        else:
            below_height = self._column.sizeHint().height()
            self._below_height = below_height
        image = self.canvas.image_size()
        column_width = 0
        if self._refused != (width, size.height()):
            # The narrowest column that fits the height beside the image, if that draws
            # the image larger than the controls under it do.
            spacing = self._box.spacing()
            least_below = self.image_floor(width) - 2 * self.canvas.MARGIN
            for candidate in self._column_widths(width):
                if not beside_is_larger(
                    image, size, below_height, candidate, spacing, least_below
                ):
                    break  # wider columns leave the image even less room
                self._column.setFixedWidth(candidate)
                if self._column_height(candidate) <= size.height():
                    column_width = self._widened(candidate, size)
                    break
        was_beside = self._column.beside
        self._column.beside = bool(column_width)
        if column_width:
            self._box.setDirection(_BESIDE)
            self._column.setFixedWidth(column_width)
            self._column.beside_height = self._column_height(column_width)
        else:
            if self.is_beside() or self._column.minimumWidth() > 0:
                self._refused = (width, size.height())
            self._box.setDirection(_BELOW)
            self._column.setMinimumWidth(0)
            self._column.setMaximumWidth(16777215)
        if was_beside != self._column.beside:
            self._update_floor()
            self.updateGeometry()
