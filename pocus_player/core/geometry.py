"""Exact plane geometry for scoring: point-in-shape tests and calibrated caliper distances.

Every coordinate is first turned into the decimal number its shortest `repr`
spells (0.1 is exactly one tenth, not the nearest binary double), then all
arithmetic is exact (`fractions.Fraction`) or correctly rounded (`decimal`), so
a point on a region's border is inside on every machine and a caliper reading
rounds the same way everywhere. Image coordinates are source-image pixels,
origin top-left, x right, y down.
"""

from __future__ import annotations

import functools
from decimal import Context, Decimal
from fractions import Fraction

from pocus_player.core.model import Calibration, Circle, Polygon, Rect, Shape

# Enough digits that rounding a square root to a few decimals is never affected
# by the root's own rounding; Decimal.sqrt is correctly rounded at this precision.
_SQRT_CONTEXT = Context(prec=50)

UNIT_FACTORS: dict[str, tuple[str, Decimal]] = {
    # unit -> (physical quantity of the calibration, factor from its base unit)
    "cm": ("length", Decimal(1)),
    "mm": ("length", Decimal(10)),
    "s": ("time", Decimal(1)),
    "ms": ("time", Decimal(1000)),
}

AXES = ("distance", "vertical", "horizontal")


class CalibrationError(ValueError):
    """The image calibration cannot give the requested measurement (a case authoring fault)."""


def exact(value: float | int) -> Fraction:
    """The exact rational the number's shortest decimal spelling denotes."""
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(repr(float(value)))


def exact_decimal(value: float | int) -> Decimal:
    """The number as the decimal its shortest spelling shows (2.1 -> Decimal('2.1'))."""
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))


def point_in_circle(circle: Circle, x: Fraction, y: Fraction) -> bool:
    dx = x - exact(circle.cx)
    dy = y - exact(circle.cy)
    r = exact(circle.r)
    return dx * dx + dy * dy <= r * r


def point_in_rect(rect: Rect, x: Fraction, y: Fraction) -> bool:
    x0, x1 = sorted((exact(rect.x), exact(rect.x) + exact(rect.w)))
    y0, y1 = sorted((exact(rect.y), exact(rect.y) + exact(rect.h)))
    return x0 <= x <= x1 and y0 <= y <= y1


def _on_segment(
    x: Fraction, y: Fraction, a: tuple[Fraction, Fraction], b: tuple[Fraction, Fraction]
) -> bool:
    (ax, ay), (bx, by) = a, b
    cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax)
    if cross != 0:
        return False
    return min(ax, bx) <= x <= max(ax, bx) and min(ay, by) <= y <= max(ay, by)


@functools.lru_cache(maxsize=4096)
def _exact_polygon(
    polygon: Polygon,
) -> tuple[tuple[tuple[Fraction, Fraction], ...], tuple[Fraction, Fraction, Fraction, Fraction]]:
    """A polygon's vertices as exact rationals, and its bounding box, computed once per polygon:
    the board rescores thousands of markers against the same few regions."""
    pts = tuple((exact(px), exact(py)) for px, py in polygon.points)
    if not pts:
        zero = Fraction(0)
        return pts, (zero, zero, zero, zero)
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return pts, (min(xs), min(ys), max(xs), max(ys))


def point_in_polygon(polygon: Polygon, x: Fraction, y: Fraction) -> bool:
    """Even-odd rule; a point on an edge or a vertex counts as inside."""
    pts, (x0, y0, x1, y1) = _exact_polygon(polygon)
    n = len(pts)
    if n == 0:
        return False
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return False  # outside the closed bounding box: off every edge, and outside
    for i in range(n):
        if _on_segment(x, y, pts[i], pts[(i + 1) % n]):
            return True
    inside = False
    for i in range(n):
        (xi, yi), (xj, yj) = pts[i], pts[i - 1]
        # Half-open in y, so a ray through a vertex is counted once.
        if (yi > y) != (yj > y):
            x_cross = xi + (y - yi) * (xj - xi) / (yj - yi)
            if x < x_cross:
                inside = not inside
    return inside


def point_in_shape(shape: Shape, x: float | int, y: float | int) -> bool:
    """Whether image point (x, y) lies in the shape, borders included."""
    fx, fy = exact(x), exact(y)
    if isinstance(shape, Circle):
        return point_in_circle(shape, fx, fy)
    if isinstance(shape, Rect):
        return point_in_rect(shape, fx, fy)
    return point_in_polygon(shape, fx, fy)


def caliper_distance(
    p1: tuple[float, float],
    p2: tuple[float, float],
    calibration: Calibration,
    unit: str,
    axis: str = "distance",
) -> Decimal:
    """Calibrated distance between two image points, in `unit`, unrounded (50 digits).

    `axis`: "distance" is the 2D length (both axes in cm), "vertical" the depth
    difference only, "horizontal" the x difference only (cm, or time on an
    M-mode strip when the unit is s or ms).
    """
    if unit not in UNIT_FACTORS:
        raise CalibrationError(f"unknown caliper unit {unit!r} (use cm, mm, s or ms)")
    if axis not in AXES:
        raise CalibrationError(f"unknown caliper axis {axis!r} (use {', '.join(AXES)})")
    quantity, factor = UNIT_FACTORS[unit]
    dx = abs(_SQRT_CONTEXT.subtract(exact_decimal(p2[0]), exact_decimal(p1[0])))
    dy = abs(_SQRT_CONTEXT.subtract(exact_decimal(p2[1]), exact_decimal(p1[1])))
    if quantity == "time":
        if axis != "horizontal":
            raise CalibrationError("a time measurement is taken along the horizontal axis")
        if calibration.x_s_per_pixel is None:
            raise CalibrationError("the image has no time calibration (x_s_per_pixel)")
        return _SQRT_CONTEXT.multiply(dx * exact_decimal(calibration.x_s_per_pixel), factor)
    y_len = _SQRT_CONTEXT.multiply(dy, exact_decimal(calibration.y_cm_per_pixel))
    if axis == "vertical":
        return _SQRT_CONTEXT.multiply(y_len, factor)
    if calibration.x_cm_per_pixel is None:
        raise CalibrationError("the image's x axis is not a length (an M-mode time axis)")
    x_len = _SQRT_CONTEXT.multiply(dx, exact_decimal(calibration.x_cm_per_pixel))
    if axis == "horizontal":
        return _SQRT_CONTEXT.multiply(x_len, factor)
    squared = _SQRT_CONTEXT.add(
        _SQRT_CONTEXT.multiply(x_len, x_len), _SQRT_CONTEXT.multiply(y_len, y_len)
    )
    return _SQRT_CONTEXT.multiply(_SQRT_CONTEXT.sqrt(squared), factor)
