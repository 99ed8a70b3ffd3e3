"""Checks that drawn regions are where the manifest says they are."""

from __future__ import annotations

import math
import sys

import numpy as np

from .abdomen import RUQ_DIAPHRAGM, RUQ_FLUID, RUQ_KIDNEY, RUQ_LIVER
from .common import Points
from .drawing import (
    SEC,
    Linear,
    Sector,
    breath,
    offset_polygon,
    point_in_poly,
    poly_sd,
    rnd,
    translate,
)

# --------------------------------------------------------------------------- checks


def check_inside(probe: Sector | Linear, name: str, poly: Points) -> None:
    for x, y in poly:
        if not probe.contains(x, y):
            sys.exit(f"{name}: point ({x:.1f}, {y:.1f}) falls outside the imaged field")


def check_cover(name: str, cover: Points, polys: list[Points]) -> None:
    """Every vertex of every frame's polygon lies inside the all-frames polygon."""
    for poly in polys:
        for x, y in poly:
            if not point_in_poly(x, y, cover):
                sys.exit(f"{name}: the all-frames polygon misses ({x:.1f}, {y:.1f})")


def check_liver(shift: tuple[float, float], n: int) -> None:
    """Every pixel of RUQ_LIVER is liver in every frame of the loop."""
    yy, xx = np.mgrid[0 : SEC.height, 0 : SEC.width].astype(np.float64)
    inside = poly_sd(xx, yy, RUQ_LIVER, margin=1) < 0
    px, py = xx[inside], yy[inside]
    r = np.hypot(px - SEC.ax, py - SEC.ay)
    th = np.arctan2(px - SEC.ax, py - SEC.ay)
    in_field = (r - SEC.r0 > 2.2 * SEC.ppcm) & (r < SEC.rmax - 3) & (np.abs(th) < SEC.ha - 0.02)
    for k in range(n):
        dx, dy = shift[0] * breath(k, n), shift[1] * breath(k, n)
        x, y = px - dx, py - dy
        ok = in_field & (RUQ_DIAPHRAGM.sd(x, y) < -3) & (RUQ_KIDNEY.sd(x, y) > 16)
        ok &= poly_sd(x, y, RUQ_FLUID) > 3
        if not ok.all():
            sys.exit(f"the liver region leaves the liver in frame {k}")


def motion_regions(base: Points, shift: tuple[float, float], n: int) -> dict[str, object]:
    """Per-frame offsets of a rigidly moving region and one polygon covering every frame."""
    offsets = [
        [round(shift[0] * breath(k, n), 3), round(shift[1] * breath(k, n), 3)] for k in range(n)
    ]
    mid = translate(base, shift[0] / 2, shift[1] / 2)
    cover = offset_polygon(mid, math.hypot(*shift) / 2 + 1.0)
    check_cover("motion", cover, [translate(base, dx, dy) for dx, dy in offsets])
    return {
        "polygon_frame0": rnd(base),
        "offset_px_per_frame": offsets,
        "polygon_all_frames": rnd(cover),
    }
