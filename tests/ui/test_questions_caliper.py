"""Caliper widget: endpoints by mouse and keyboard, a readout that matches scoring exactly."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pocus_player.core import model as m
from pocus_player.core.errors import ResponseError
from pocus_player.core.scoring import score
from pocus_player.ui.questions import (
    CaliperQuestionWidget,
    create_question_widget,
    load_question_image,
)
from tests.core import factories as f
from tests.ui.questions_support import MEDIA, gray_image, keys, show

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def cardiac(tmp_path: Path) -> m.Case:
    """One caliper question on the real IVC still (480 x 360) at 30 pixels per cm."""
    key = m.CaliperKey(2.4, "cm", 0.2, decimals=1, endpoints=((240, 150), (240, 222)))
    q = f.caliper("q-ivc-caliper", caliper=key, image=m.ImageRef("ivc"))
    still = m.MediaItem(
        "ivc",
        m.MediaKind.STILL,
        MEDIA / "cardiac" / "ivc.png",
        calibration=m.Calibration.isotropic(30),
    )
    return f.make_case(tmp_path, (), (q,), (still,))


def ivc(qtbot, case: m.Case) -> tuple[m.Question, CaliperQuestionWidget]:  # type: ignore[no-untyped-def]
    q = case.question_by_id("q-ivc-caliper")  # 30 px/cm; key 2.4 cm ± 0.2
    w = create_question_widget(q, case, load_question_image(q, case))
    assert isinstance(w, CaliperQuestionWidget)
    show(qtbot, w, 1000, 950)
    assert w.canvas.scale() >= 1.0
    return q, w


def calibration(case: m.Case, q: m.Question) -> m.Calibration | None:
    assert q.image is not None
    return case.media_by_id(q.image.media).calibration


def test_mouse_clicks_place_both_endpoints(qtbot, cardiac: m.Case) -> None:  # type: ignore[no-untyped-def]
    q, w = ivc(qtbot, cardiac)
    canvas = w.canvas
    assert w.response() == {}
    assert w.readout.text() == "Measurement: – cm"
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.widget_pos_for_pixel(240, 150))
    assert w.response() == {}  # one endpoint is not a measurement
    with qtbot.waitSignal(w.changed):
        qtbot.mouseClick(
            canvas, Qt.MouseButton.LeftButton, pos=canvas.widget_pos_for_pixel(240, 222)
        )
    assert w.response() == {"endpoints": [[240, 150], [240, 222]]}
    assert w.readout.text() == "Measurement: 2.4 cm"
    assert "Endpoint 1 at 240, 150 pixels. Endpoint 2 at 240, 222 pixels." in w._status.text()
    result = score(q, w.response(), calibration(cardiac, q))
    assert result.rule == "caliper.within_tolerance" and result.points == q.points
    assert result.detail["measured"] == 2.4

    # Drag endpoint 2 down: the readout follows live, and the answer is now out of tolerance.
    start = canvas.widget_pos_for_pixel(240, 222)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, canvas.widget_pos_for_pixel(240, 226))
    assert w.readout.text() == "Measurement: 2.5 cm"  # 76 px / 30 = 2.533
    qtbot.mouseMove(canvas, canvas.widget_pos_for_pixel(240, 230))
    with qtbot.waitSignal(w.changed):
        qtbot.mouseRelease(
            canvas, Qt.MouseButton.LeftButton, pos=canvas.widget_pos_for_pixel(240, 230)
        )
    assert w.response() == {"endpoints": [[240, 150], [240, 230]]}
    assert w.readout.text() == "Measurement: 2.7 cm"  # 80 / 30 = 2.667
    assert score(q, w.response(), calibration(cardiac, q)).rule == "caliper.outside_tolerance"


def test_mouse_drag_out_from_endpoint_one(qtbot, cardiac: m.Case) -> None:  # type: ignore[no-untyped-def]
    q, w = ivc(qtbot, cardiac)
    canvas = w.canvas
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=canvas.widget_pos_for_pixel(240, 151))
    qtbot.mouseMove(canvas, canvas.widget_pos_for_pixel(240, 190))
    qtbot.mouseMove(canvas, canvas.widget_pos_for_pixel(240, 223))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=canvas.widget_pos_for_pixel(240, 223))
    assert w.response() == {"endpoints": [[240, 151], [240, 223]]}
    assert score(q, w.response(), calibration(cardiac, q)).points == q.points
    qtbot.mouseClick(w._clear, Qt.MouseButton.LeftButton)
    assert w.response() == {}


def test_keyboard_only_measurement(qtbot, cardiac: m.Case) -> None:  # type: ignore[no-untyped-def]
    q, w = ivc(qtbot, cardiac)
    canvas = w.canvas
    w.setFocus(Qt.FocusReason.TabFocusReason)
    assert canvas.hasFocus() and canvas.active == 0
    # Endpoint 1: its cursor starts in the middle (240, 180); up 30 px, Enter.
    keys(qtbot, *[(Qt.Key.Key_Up, SHIFT)] * 3)
    assert w.response() == {}
    keys(qtbot, Qt.Key.Key_Return)
    assert canvas.endpoints[0] == (240, 150)
    assert canvas.active == 1  # Enter moved on to endpoint 2; its cursor starts 40 px lower
    keys(qtbot, *[(Qt.Key.Key_Down, SHIFT)] * 3, Qt.Key.Key_Down, Qt.Key.Key_Down)
    with qtbot.waitSignal(w.changed):
        keys(qtbot, Qt.Key.Key_Return)
    assert w.response() == {"endpoints": [[240, 150], [240, 222]]}
    assert w.readout.text() == "Measurement: 2.4 cm"
    assert score(q, w.response(), calibration(cardiac, q)).points == q.points

    # Tab switches back and forth between the endpoints, then leaves the image.
    keys(qtbot, (Qt.Key.Key_Backtab, SHIFT))
    assert canvas.active == 0 and canvas.hasFocus()
    keys(qtbot, Qt.Key.Key_Left)  # endpoint 1 to (239, 150)
    keys(qtbot, Qt.Key.Key_Tab)
    assert canvas.active == 1 and canvas.hasFocus()
    keys(qtbot, Qt.Key.Key_Left)
    assert w.response() == {"endpoints": [[239, 150], [239, 222]]}
    keys(qtbot, Qt.Key.Key_Tab)
    assert not canvas.hasFocus()  # never a keyboard trap
    assert QApplication.focusWidget() is w._clear
    keys(qtbot, (Qt.Key.Key_Backtab, SHIFT))
    assert canvas.hasFocus() and canvas.active == 1
    keys(qtbot, Qt.Key.Key_Delete)
    assert w.response() == {}
    keys(qtbot, Qt.Key.Key_Return)  # placed again where it was
    assert w.response() == {"endpoints": [[239, 150], [239, 222]]}
    assert "Endpoint 2 is active." in canvas.accessibleDescription()


def test_readout_equals_the_scored_measurement(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The candidate reads exactly what scoring computes, for any endpoints."""
    calib = m.Calibration(x_cm_per_pixel=0.0125, y_cm_per_pixel=0.0125)
    q = f.caliper(caliper=m.CaliperKey(2.0, "mm", 2.0, decimals=2))
    still = f.media_item(tmp_path, "still_ivc", m.MediaKind.STILL, calibration=calib)
    case = f.make_case(tmp_path, (), (q,), (still,))
    w = show(qtbot, create_question_widget(q, case, gray_image(640, 480)))
    rng = random.Random(7)
    for _ in range(40):
        ends = [[rng.randrange(640), rng.randrange(480)] for _ in range(2)]
        w.set_response({"endpoints": ends})
        measured = score(q, w.response(), calib).detail["measured"]
        assert float(w.measurement()) == measured
        assert w.readout.text() == f"Measurement: {w.measurement()} mm"


def test_mmode_time_axis_readout(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    calib = m.Calibration(x_cm_per_pixel=None, y_cm_per_pixel=0.025, x_s_per_pixel=0.01)
    key = m.CaliperKey(500.0, "ms", 50.0, decimals=0, axis="horizontal")
    q = f.caliper(caliper=key, image=m.ImageRef("strip"))
    strip = f.media_item(tmp_path, "strip", m.MediaKind.STILL, calibration=calib)
    case = f.make_case(tmp_path, (), (q,), (strip,))
    w = show(qtbot, create_question_widget(q, case, gray_image(600, 360)))
    w.set_response({"endpoints": [[100, 50], [150, 90]]})
    assert w.readout.text() == "Measurement: 500 ms"  # only the time axis counts
    assert score(q, w.response(), calib).points == q.points
    w.set_show_key(True)
    assert w._key_label.text() == "Key: 500 ms ± 50"


def test_show_key_text_band_and_relative_tolerance(qtbot, cardiac: m.Case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, w = ivc(qtbot, cardiac)
    w.set_show_key(True)
    assert w._key_label.text().startswith("Key: 2.4 cm ± 0.2.")
    assert w._rationale.isVisible()
    a, b = w.canvas.band
    # From 2.2 cm to 2.6 cm below reference endpoint 1 (240.5, 150.5) at 30 px/cm.
    assert (a.x(), a.y()) == pytest.approx((240.5, 150.5 + 66))
    assert (b.x(), b.y()) == pytest.approx((240.5, 150.5 + 78))
    assert w.canvas.band_label == "2.2–2.6 cm"
    image = w.canvas.grab().toImage()
    band = image.pixelColor(
        w.canvas.image_to_widget((a + b) / 2).toPoint() + w.canvas.rect().topLeft()
    )
    assert band.green() > band.red() and band.green() > band.blue()

    rel = replace(
        q, caliper=replace(q.caliper, tolerance=0.1, tolerance_kind=m.ToleranceKind.RELATIVE)
    )
    w2 = show(qtbot, create_question_widget(rel, cardiac, gray_image()))
    w2.set_show_key(True)
    assert w2._key_label.text().startswith("Key: 2.4 cm ± 10 %")


def test_round_trip_read_only_and_missing_calibration(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q = f.caliper()
    still = f.media_item(tmp_path, "still_ivc", m.MediaKind.STILL)  # no calibration
    w = show(
        qtbot, create_question_widget(q, f.make_case(tmp_path, (), (q,), (still,)), gray_image())
    )
    assert "no calibration" in w.readout.text()
    emitted = []
    w.changed.connect(lambda: emitted.append(1))
    for response in ({"endpoints": [[1, 2], [3, 4]]}, {"endpoints": [[1.5, 2], [3, 4.25]]}, {}):
        w.set_response(response)
        assert w.response() == response
    assert emitted == []
    with pytest.raises(ResponseError, match="two"):
        w.set_response({"endpoints": [[1, 2]]})
    w.set_response({"endpoints": [[10, 20], [30, 40]]})
    w.set_read_only(True)
    qtbot.mouseClick(
        w.canvas, Qt.MouseButton.LeftButton, pos=w.canvas.widget_pos_for_pixel(100, 100)
    )
    w.canvas.setFocus()
    keys(qtbot, Qt.Key.Key_Left, Qt.Key.Key_Delete)
    assert w.response() == {"endpoints": [[10, 20], [30, 40]]}
    assert not w._clear.isEnabled()
