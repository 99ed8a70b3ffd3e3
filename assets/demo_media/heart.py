"""The beating heart: subxiphoid cines, with and without an effusion."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .common import Points
from .drawing import (
    ATT_FLUID,
    FLUID,
    LIVER,
    MYO,
    SEC,
    Ellipse,
    Scene,
    body_wall,
    image_from,
    soft,
    speckle,
)


@dataclass(frozen=True)
class Heart:
    cx: float
    cy: float
    a: float
    b: float
    angle: float
    effusion: float  # px of pericardial fluid at end-diastole (0: none)

    def epi(self, k: float) -> Ellipse:
        return Ellipse(self.cx, self.cy, self.a * k, self.b * k, self.angle)

    def peri(self, kp: float) -> Ellipse:
        return Ellipse(
            self.cx,
            self.cy,
            (self.a + self.effusion) * kp,
            (self.b + self.effusion) * kp,
            self.angle,
        )


def beat(k: int, n: int, beats: int) -> float:
    """Systolic contraction 0..1 in each beat; an integer number of beats loops cleanly."""
    p = (k * beats / n) % 1.0
    return math.sin(math.pi * p / 0.38) ** 2 if p < 0.38 else 0.0


EPI_SQUEEZE, PERI_SQUEEZE = 0.06, 0.02


def heart_scene(x: np.ndarray, y: np.ndarray, h: Heart, c: float) -> tuple[Scene, np.ndarray]:
    sc = Scene(x.shape, LIVER)
    ke, kp = 1 - EPI_SQUEEZE * c, 1 - PERI_SQUEEZE * c
    epi, peri = h.epi(ke), h.peri(kp)
    # Posterior to the heart: descending aorta and lung, dim.
    sc.paint(soft(Ellipse(h.cx, h.cy + 40, h.a + 90, h.b + 60, h.angle).sd(x, y), 8), 0.035)
    # Liver tip in front (near field); its edge runs above the heart.
    sc.paint(soft(Ellipse(h.cx - 40, h.cy - 230, 300, 175, h.angle).sd(x, y), 6), LIVER)
    psd = peri.sd(x, y)
    sc.paint(soft(psd), FLUID if h.effusion > 0 else MYO, ATT_FLUID if h.effusion > 0 else 1.0)
    sc.add(np.exp(-(((psd - 1.5) / 1.8) ** 2)), 0.7)  # pericardium: the brightest interface
    esd = epi.sd(x, y)
    sc.paint(soft(esd), MYO)
    u, v = epi.local(x, y)
    u, v = u / (h.a * ke), v / (h.b * ke)  # heart-local units: apex at u = +1, RV at v < 0
    sq = 0.22 * c
    chambers = (  # (u, v, a, b, systolic shrink sign): ventricles empty, atria fill
        (0.16, -0.40, 0.62, 0.26, 1),
        (0.13, 0.36, 0.64, 0.34, 1),
        (-0.62, -0.33, 0.27, 0.33, -0.5),
        (-0.62, 0.38, 0.27, 0.33, -0.5),
    )
    for cu, cv, ca, cb, sgn in chambers:
        kk = 1 - sq * sgn
        d = np.sqrt(((u - cu) / (ca * kk)) ** 2 + ((v - cv) / (cb * kk)) ** 2)
        # Trabeculae roughen the endocardial border a little.
        ang = np.arctan2(v - cv, u - cu)
        d = d + 0.035 * np.sin(7 * ang + 3 * cu) + 0.02 * np.sin(13 * ang + cv)
        sc.paint(np.clip((1.04 - d) / 0.08, 0, 1), FLUID, ATT_FLUID)
    # Atrioventricular valve leaflets: bright, swinging shut in systole.
    for cv in (-0.33, 0.37):
        leaf = np.exp(-(((u + 0.33 + 0.12 * (1 - c) * np.abs(v - cv) * 3) / 0.025) ** 2)) * (
            np.abs(v - cv) < 0.22
        )
        sc.add(leaf, 0.35)
    # Local speckle coordinates that squeeze with the myocardium.
    scale = np.where(esd < 8, 1 / ke, 1.0)
    xs = h.cx + (x - h.cx) * scale
    ys = h.cy + (y - h.cy) * scale
    return sc, np.stack([xs, ys])


def heart_cine(h: Heart, n: int, beats: int, seed: int) -> list[np.ndarray]:
    spk = speckle((SEC.nr, SEC.nth), seed)
    frames = []
    for k in range(n):
        c = beat(k, n, beats)
        sc, (xs, ys) = heart_scene(SEC.X, SEC.Y, h, c)
        body_wall(sc, SEC.depth)
        fi, fj = SEC.to_index(xs, ys)
        frames.append(image_from(SEC, sc, spk, fi, fj))
    return frames


FAST_HEART = Heart(245, 205, 100, 66, 18, 0.0)
EFF_HEART = Heart(245, 200, 92, 60, 18, 18.0)


def ring(outer: Ellipse, inner: Ellipse, n: int = 48) -> Points:
    """A ring as one simple polygon: outer loop, a zero-width slit, inner loop reversed."""
    o, i = outer.polygon(n), inner.polygon(n)
    return [*o, o[0], i[0], *i[:0:-1], i[0]]


def arc_band(outer: Ellipse, inner: Ellipse, t0: float, t1: float, n: int = 16) -> Points:
    ts = [t0 + (t1 - t0) * k / n for k in range(n + 1)]
    return [outer.point(t) for t in ts] + [inner.point(t) for t in ts[::-1]]


# --------------------------------------------------------------------------- lung
