"""Exact point-in-shape tests and calibrated caliper distances."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pocus_player.core.geometry import (
    CalibrationError,
    caliper_distance,
    exact,
    exact_decimal,
    point_in_shape,
)
from pocus_player.core.model import Calibration, Circle, Polygon, Rect

SQUARE = Polygon(((0, 0), (10, 0), (10, 10), (0, 10)))
CONCAVE = Polygon(((0, 0), (10, 0), (10, 10), (5, 5), (0, 10)))  # a notch from the top


def test_exact_reads_the_shortest_decimal_spelling() -> None:
    assert exact(0.1) * 3 == exact(0.3)
    assert exact(7) == 7
    assert exact_decimal(2.1) == Decimal("2.1")
    assert exact_decimal(3) == Decimal(3)


@pytest.mark.parametrize(
    ("point", "inside"),
    [((0.3, 0.1), True), ((0.1, 0.3), True), ((0.1, 0.1), True), ((0.30001, 0.1), False)],
)
def test_circle_border_is_exact(point: tuple[float, float], inside: bool) -> None:
    # In binary floating point (0.3 - 0.1) ** 2 > 0.2 ** 2; exact arithmetic says equal.
    assert point_in_shape(Circle(0.1, 0.1, 0.2), *point) is inside


@pytest.mark.parametrize(
    ("point", "inside"),
    [
        ((10, 20), True),
        ((40, 50), True),
        ((25, 35), True),
        ((9.99, 20), False),
        ((40, 50.01), False),
    ],
)
def test_rect_borders_inclusive_and_negative_sizes(
    point: tuple[float, float], inside: bool
) -> None:
    assert point_in_shape(Rect(10, 20, 30, 30), *point) is inside
    assert point_in_shape(Rect(40, 50, -30, -30), *point) is inside


@pytest.mark.parametrize(
    ("point", "inside"),
    [
        ((5, 5), True),
        ((0, 0), True),  # vertex
        ((10, 5), True),  # edge
        ((5, 10), True),  # top edge
        ((10.0001, 5), False),
        ((-1, 5), False),
        ((5, -0.0001), False),
    ],
)
def test_square_polygon(point: tuple[float, float], inside: bool) -> None:
    assert point_in_shape(SQUARE, *point) is inside


@pytest.mark.parametrize(
    ("point", "inside"),
    [
        ((5, 9), False),  # in the notch
        ((5, 5), True),  # the notch's vertex
        ((2, 8), True),
        ((7.5, 7.5), True),  # on the notch edge
        ((5, 2), True),
        ((-1, 5), False),  # the ray through vertex (5, 5) must count once
        ((-1, 10), False),
    ],
)
def test_concave_polygon(point: tuple[float, float], inside: bool) -> None:
    assert point_in_shape(CONCAVE, *point) is inside


def test_empty_and_degenerate_polygons() -> None:
    assert not point_in_shape(Polygon(()), 0, 0)
    line = Polygon(((0, 0), (10, 10)))
    assert point_in_shape(line, 5, 5)
    assert not point_in_shape(line, 5, 6)


@given(st.integers(-50, 50), st.integers(-50, 50))
def test_polygon_agrees_with_rect_on_axis_aligned_boxes(x: int, y: int) -> None:
    rect = Rect(-20, -10, 30, 25)
    poly = Polygon(((-20, -10), (10, -10), (10, 15), (-20, 15)))
    assert point_in_shape(poly, x, y) == point_in_shape(rect, x, y)


ISO = Calibration.isotropic(80.0)  # 0.0125 cm per pixel


def test_distance_in_cm_and_mm() -> None:
    assert caliper_distance((0, 0), (0, 160), ISO, "cm") == Decimal(2)
    assert caliper_distance((0, 0), (96, 128), ISO, "mm") == Decimal(20)
    assert caliper_distance((3, 3), (3, 3), ISO, "cm") == 0


def test_distance_axes_and_anisotropic_pixels() -> None:
    cal = Calibration(x_cm_per_pixel=0.01, y_cm_per_pixel=0.02)
    assert caliper_distance((0, 0), (300, 200), cal, "cm") == Decimal(5)
    assert caliper_distance((0, 0), (300, 200), cal, "cm", "vertical") == Decimal(4)
    assert caliper_distance((300, 0), (0, 200), cal, "cm", "horizontal") == Decimal(3)


def test_time_on_an_mmode_strip() -> None:
    strip = Calibration(x_cm_per_pixel=None, y_cm_per_pixel=0.01, x_s_per_pixel=0.004)
    assert caliper_distance((10, 0), (260, 99), strip, "s", "horizontal") == Decimal(1)
    assert caliper_distance((10, 0), (260, 99), strip, "ms", "horizontal") == Decimal(1000)
    assert caliper_distance((0, 0), (0, 100), strip, "mm", "vertical") == Decimal(10)


@pytest.mark.parametrize(
    ("cal", "unit", "axis", "message"),
    [
        (ISO, "in", "distance", "unknown caliper unit"),
        (ISO, "cm", "diagonal", "unknown caliper axis"),
        (ISO, "s", "distance", "along the horizontal axis"),
        (ISO, "ms", "horizontal", "no time calibration"),
        (Calibration(None, 0.01, 0.004), "cm", "distance", "not a length"),
        (Calibration(None, 0.01, 0.004), "cm", "horizontal", "not a length"),
    ],
)
def test_calibration_errors(cal: Calibration, unit: str, axis: str, message: str) -> None:
    with pytest.raises(CalibrationError, match=message):
        caliper_distance((0, 0), (1, 1), cal, unit, axis)
