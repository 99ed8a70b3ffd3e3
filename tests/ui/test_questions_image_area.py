"""`ImageArea`: the controls go beside the image when that draws the image larger."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QPushButton

from pocus_player.ui.questions.image_area import ImageArea, beside_is_larger
from pocus_player.ui.questions.image_canvas import ImageCanvas
from tests.ui.questions_support import gray_image, show


def test_beside_wins_only_where_the_image_is_drawn_larger() -> None:
    image = QSize(480, 360)
    # A wide, low area: under the image the rows leave a strip; beside them, a taller image.
    assert beside_is_larger(image, QSize(1000, 500), below_height=200, column_width=300)
    # A narrow, tall area: the rows cost less under the image.
    assert not beside_is_larger(image, QSize(500, 900), below_height=200, column_width=250)


def make_area(qtbot: Any, width: int, height: int) -> ImageArea:
    canvas = ImageCanvas()
    canvas.set_image(gray_image())
    area = ImageArea(canvas)
    area.controls.addWidget(QLabel("Measurement: – cm"))
    area.controls.addWidget(QPushButton("Clear endpoints"))
    status = QLabel("Endpoint 1 not placed. Endpoint 2 not placed. Endpoint 1 is active.")
    status.setWordWrap(True)
    area.controls.addWidget(status)
    area.controls.addStretch(1)
    show(qtbot, area, width, height)
    return area


def test_a_wide_area_puts_the_controls_beside(qtbot: Any) -> None:
    area = make_area(qtbot, 1000, 420)
    qtbot.waitUntil(area.is_beside)
    assert area.canvas.image_rect().height() > 300


def test_a_narrow_area_keeps_them_under(qtbot: Any) -> None:
    area = make_area(qtbot, 480, 760)
    qtbot.wait(50)
    assert not area.is_beside()
    canvas = area.canvas
    size = canvas.image_size()
    px = (size.width() // 2, size.height() // 2)
    assert canvas.pixel_at(canvas.pixel_center(*px)) == px  # coordinates stay image pixels


def test_in_a_low_scroll_area_the_rows_scroll_not_the_image(qtbot: Any) -> None:
    """Rows under the image once took the height first and left the image a 120 px strip."""
    from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

    from pocus_player.ui.questions.image_area import MIN_IMAGE_HEIGHT

    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    content = QWidget()
    column = QVBoxLayout(content)
    area = make_area(qtbot, 480, 300)
    area.setParent(content)
    column.addWidget(area, 1)
    for n in range(4):  # a key and a rationale that take room under the image
        row = QLabel(f"A long rationale line {n} " * 6)
        row.setWordWrap(True)
        column.addWidget(row)
    scroll.setWidget(content)
    show(qtbot, scroll, 480, 330)
    qtbot.wait(50)
    image = area.canvas.image_rect()
    assert image.height() >= MIN_IMAGE_HEIGHT - 1, image
    assert scroll.verticalScrollBar().maximum() > 0  # the rows under it scroll instead
    top = area.canvas.mapTo(scroll.viewport(), image.toAlignedRect().topLeft())
    assert top.y() >= 0 and top.y() + image.height() <= scroll.viewport().height()
