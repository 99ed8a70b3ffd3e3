"""Hotspot widget: markers placed and moved by mouse and keyboard, in source-image pixels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor

from pocus_player.core import model as m
from pocus_player.core.errors import ResponseError
from pocus_player.core.geometry import point_in_shape
from pocus_player.core.scoring import score
from pocus_player.ui.questions import (
    HotspotQuestionWidget,
    create_question_widget,
    load_question_image,
)
from tests.core import factories as f
from tests.ui.questions_support import MEDIA, gray_image, keys, show

SHIFT = Qt.KeyboardModifier.ShiftModifier


RUQ_REGIONS = (
    m.Region("fluid", m.Polygon(((200, 150), (260, 150), (260, 170), (200, 170))), "Fluid"),
    m.Region("liver", m.Circle(150, 120, 40), "Liver"),
    m.Region("kidney", m.Circle(300, 230, 40), "Right kidney"),
)


@pytest.fixture
def fast(tmp_path: Path) -> m.Case:
    """One hotspot question on the real RUQ still (480 x 360); the fluid region is the key."""
    q = f.hotspot("q-ruq", regions=RUQ_REGIONS, key=("fluid",), image=m.ImageRef("ruq"))
    still = m.MediaItem("ruq", m.MediaKind.STILL, MEDIA / "fast" / "ruq-fluid.png")
    return f.make_case(tmp_path, (), (q,), (still,))


def morison(qtbot, fast: m.Case) -> tuple[m.Question, HotspotQuestionWidget]:  # type: ignore[no-untyped-def]
    q = fast.question_by_id("q-ruq")  # fluid: polygon 200..260 x 150..170
    w = create_question_widget(q, fast, load_question_image(q, fast))
    assert isinstance(w, HotspotQuestionWidget)
    show(qtbot, w, 1000, 900)
    assert w.canvas.scale() >= 1.0  # so every image pixel has a widget pixel
    return q, w


def click_pixel(qtbot, canvas, x: int, y: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.widget_pos_for_pixel(x, y))


def test_canvas_maps_pixels_both_ways(qtbot, fast: m.Case) -> None:  # type: ignore[no-untyped-def]
    _q, w = morison(qtbot, fast)
    canvas = w.canvas
    rect = canvas.image_rect()
    # Aspect ratio kept, image centred.
    assert rect.width() / rect.height() == pytest.approx(480 / 360, rel=1e-3)
    assert rect.left() >= 0 and rect.right() <= canvas.width()
    for x, y in ((0, 0), (479, 359), (230, 160), (17, 301)):
        assert canvas.pixel_at(canvas.widget_pos_for_pixel(x, y)) == (x, y)
        centre = canvas.pixel_center(x, y)
        back = canvas.widget_to_image(centre)
        assert (back.x(), back.y()) == pytest.approx((x + 0.5, y + 0.5))
    assert canvas.pixel_at(QPointF(rect.left() - 2, rect.top())) is None
    w.resize(500, 900)  # narrower: a smaller scale, same mapping rules
    qtbot.waitUntil(lambda: canvas.width() < 500)
    assert canvas.image_rect().width() / canvas.image_rect().height() == pytest.approx(
        480 / 360, rel=1e-3
    )


def test_mouse_places_moves_and_drags_a_marker(qtbot, fast: m.Case) -> None:  # type: ignore[no-untyped-def]
    q, w = morison(qtbot, fast)
    assert w.response() == {}
    with qtbot.waitSignal(w.changed):
        click_pixel(qtbot, w.canvas, 150, 120)  # the liver: a distractor
    assert w.response() == {"points": [[150, 120]], "frame": None}
    assert score(q, w.response()).rule == "hotspot.incorrect"
    assert w._status.text() == "Marker 1 at 150, 120 pixels."
    assert "Marker 1 at 150, 120 pixels." in w.canvas.accessibleDescription()
    # One marker allowed: a click elsewhere moves it.
    click_pixel(qtbot, w.canvas, 300, 230)
    assert w.response() == {"points": [[300, 230]], "frame": None}
    # Drag the marker into the free fluid.
    canvas = w.canvas
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=canvas.widget_pos_for_pixel(300, 230))
    qtbot.mouseMove(canvas, canvas.widget_pos_for_pixel(260, 200))
    qtbot.mouseMove(canvas, canvas.widget_pos_for_pixel(231, 161))
    with qtbot.waitSignal(w.changed):
        qtbot.mouseRelease(
            canvas, Qt.MouseButton.LeftButton, pos=canvas.widget_pos_for_pixel(231, 161)
        )
    assert w.response() == {"points": [[231, 161]], "frame": None}
    result = score(q, w.response())
    assert result.rule == "hotspot.correct" and result.points == q.points
    # The remove button clears it.
    qtbot.mouseClick(w._remove, Qt.MouseButton.LeftButton)
    assert w.response() == {}
    assert w._status.text() == "No marker placed yet."


def test_keyboard_only_places_moves_and_removes(qtbot, fast: m.Case) -> None:  # type: ignore[no-untyped-def]
    q, w = morison(qtbot, fast)
    w.setFocus(Qt.FocusReason.TabFocusReason)
    assert w.canvas.hasFocus()
    assert w.canvas.keyboard_point == (240, 180)  # the keyboard cursor starts in the middle
    keys(qtbot, (Qt.Key.Key_Up, SHIFT))  # 10 px
    keys(qtbot, *[Qt.Key.Key_Up] * 5)  # 1 px each
    assert w.response() == {}  # moving the cursor places nothing
    with qtbot.waitSignal(w.changed):
        keys(qtbot, Qt.Key.Key_Return)
    assert w.response() == {"points": [[240, 165]], "frame": None}
    # The new marker is selected: the arrows move it.
    keys(qtbot, Qt.Key.Key_Left, (Qt.Key.Key_Left, SHIFT))
    assert w.response() == {"points": [[229, 165]], "frame": None}
    assert score(q, w.response()).points == q.points
    keys(qtbot, Qt.Key.Key_Delete)
    assert w.response() == {}
    keys(qtbot, Qt.Key.Key_Enter)  # placed again where it was removed
    assert w.response() == {"points": [[229, 165]], "frame": None}
    assert score(q, w.response()).points == q.points
    # Markers never leave the image.
    keys(qtbot, *[(Qt.Key.Key_Right, SHIFT)] * 30)
    assert w.response() == {"points": [[479, 165]], "frame": None}


def two_marker_case(tmp_path: Path) -> tuple[m.Question, m.Case]:
    regions = (
        m.Region("fluid", m.Rect(100, 100, 50, 20), label="Fluid"),
        m.Region("kidney", m.Circle(300, 200, 40), label="Kidney"),
        m.Region("liver", m.Polygon(((20, 20), (80, 20), (50, 70))), label="Liver"),
    )
    q = f.hotspot(
        regions=regions,
        key=("fluid", "kidney"),
        markers=2,
        scoring=m.ScoringRule.PARTIAL,
        image=m.ImageRef("clip", 12),
    )
    clip = f.media_item(tmp_path, "clip", m.MediaKind.CINE)
    return q, f.make_case(tmp_path, (), (q,), (clip,))


def test_two_markers_by_keyboard_and_frame_of_clip(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = two_marker_case(tmp_path)
    w = show(qtbot, create_question_widget(q, case, gray_image(400, 300)), 900, 800)
    assert "up to 2 markers" in w._instructions.text()
    w.setFocus(Qt.FocusReason.TabFocusReason)
    cx, cy = w.canvas.keyboard_point
    assert (cx, cy) == (200, 150)
    keys(qtbot, *[(Qt.Key.Key_Left, SHIFT)] * 8, *[(Qt.Key.Key_Up, SHIFT)] * 4)
    keys(qtbot, Qt.Key.Key_Return)  # marker 1 at (120, 110); the cursor stays in charge
    assert w.canvas.selected is None and w.canvas.keyboard_point == (120, 110)
    keys(qtbot, *[(Qt.Key.Key_Right, SHIFT)] * 18, *[(Qt.Key.Key_Down, SHIFT)] * 9)
    keys(qtbot, Qt.Key.Key_Return)  # marker 2 at (300, 200): all placed, it is selected
    assert w.canvas.selected == 1
    # The frame of the clip the image shows goes with the points.
    assert w.response() == {"points": [[120, 110], [300, 200]], "frame": 12}
    result = score(q, w.response())
    assert result.rule == "hotspot.regions" and result.points == q.points
    assert w._status.text().startswith("2 of 2 markers placed.")
    # All markers placed: Enter cannot add a third; "1" selects marker 1 to move it.
    keys(qtbot, Qt.Key.Key_Escape, Qt.Key.Key_Return)
    assert len(w.response()["points"]) == 2
    keys(qtbot, "1", Qt.Key.Key_Down)
    assert w.response()["points"][0] == [120, 111]
    keys(qtbot, Qt.Key.Key_Backspace)
    assert w.response() == {"points": [[300, 200]], "frame": 12}
    half = score(q, w.response())
    assert half.points == pytest.approx(q.points / 2)


def test_two_markers_by_mouse(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = two_marker_case(tmp_path)
    w = show(qtbot, create_question_widget(q, case, gray_image(400, 300)), 900, 800)
    click_pixel(qtbot, w.canvas, 110, 105)
    click_pixel(qtbot, w.canvas, 310, 190)
    click_pixel(qtbot, w.canvas, 50, 40)  # a third click places nothing
    assert w.response() == {"points": [[110, 105], [310, 190]], "frame": 12}
    assert "All 2 markers are placed" in w._status.text()
    assert score(q, w.response()).points == q.points


def test_set_image_frame_round_trip_and_read_only(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = two_marker_case(tmp_path)
    w = show(qtbot, create_question_widget(q, case), 900, 800)
    w.set_image(gray_image(400, 300), frame=40)  # the frame playback froze on
    w.set_response({"points": [[12.25, 7.5]], "frame": 40})  # a fraction survives a round trip
    assert w.response() == {"points": [[12.25, 7.5]], "frame": 40}
    assert w._status.text() == "1 of 2 markers placed. Marker 1 at 12.25, 7.5 pixels."
    assert w.frame() == 40
    assert w.canvas.accessibleName() == "Image to mark, 400 by 300 pixels"
    emitted = []
    w.changed.connect(lambda: emitted.append(1))
    for response in ({"points": [[1, 2], [399, 299]], "frame": 40}, {}):
        w.set_response(response)
        assert w.response() == response
    assert emitted == []
    with pytest.raises(ResponseError, match="3 markers placed"):
        w.set_response({"points": [[1, 1], [2, 2], [3, 3]], "frame": 40})
    w.set_response({"points": [[10, 10]], "frame": 40})
    w.set_read_only(True)
    click_pixel(qtbot, w.canvas, 200, 200)
    w.canvas.setFocus()
    keys(qtbot, Qt.Key.Key_Return, Qt.Key.Key_Delete)
    assert w.response() == {"points": [[10, 10]], "frame": 40}
    assert not w._remove.isEnabled()


def test_still_image_has_null_frame(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q = f.hotspot()
    still = f.media_item(tmp_path, "still_ruq", m.MediaKind.STILL)
    w = show(qtbot, create_question_widget(q, f.make_case(tmp_path, (), (q,), (still,))))
    w.set_image(gray_image(), frame=None)
    click_pixel(qtbot, w.canvas, 120, 110)
    assert w.response() == {"points": [[120, 110]], "frame": None}
    assert score(q, w.response()).points == q.points


def test_show_key_draws_regions_in_two_colours(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = two_marker_case(tmp_path)
    black = gray_image(400, 300)
    black.fill(QColor(0, 0, 0))
    w = show(qtbot, create_question_widget(q, case, black), 900, 800)

    def colour_at(x: float, y: float) -> QColor:
        image = w.canvas.grab().toImage()
        return image.pixelColor(w.canvas.pixel_center(x, y).toPoint())

    assert colour_at(125, 110) == QColor(0, 0, 0)
    w.set_show_key(True)
    correct = colour_at(125, 110)  # inside "fluid" (correct)
    other = colour_at(50, 35)  # inside "liver" (a distractor)
    assert correct.green() > correct.red() and correct.green() > 40
    assert other.red() > other.green() > other.blue() and other.red() > 40
    assert point_in_shape(q.regions[2].shape, 50, 35)
    assert "Correct regions (green, solid outline, ✓): Fluid; Kidney." in w._key_label.text()
    assert "Other regions (orange, dashed outline): Liver." in w._key_label.text()
    assert w._rationale.isVisible()


def test_marker_is_drawn_with_a_contrasting_outline(qtbot, fast: m.Case) -> None:  # type: ignore[no-untyped-def]
    _q, w = morison(qtbot, fast)
    click_pixel(qtbot, w.canvas, 240, 180)
    image = w.canvas.grab().toImage()
    c = w.canvas.pixel_center(240, 180)
    r = w.canvas.RADIUS
    ring = image.pixelColor(QPoint(round(c.x() + r), round(c.y())))
    outline = min(
        image.pixelColor(QPoint(round(c.x() + r) + d, round(c.y()))).lightness() for d in (2, 3)
    )
    assert ring.red() > 200 and ring.green() > 180 and ring.blue() < 80  # the yellow ring
    assert outline < 40  # its black outline
