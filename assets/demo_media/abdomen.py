"""The FAST views: right and left upper quadrants and the pelvis, breathing."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from .common import Points
from .drawing import (
    ATT_FLUID,
    CORTEX,
    FLUID,
    LIVER,
    SEC,
    SINUS,
    SPLEEN,
    Ellipse,
    Scene,
    body_wall,
    breath,
    image_from,
    poly_sd,
    soft,
    speckle,
)


def kidney(scene: Scene, x: np.ndarray, y: np.ndarray, k: Ellipse) -> None:
    """Bright capsule, hypoechoic cortex and pyramids, echogenic central sinus fat."""
    sd = k.sd(x, y)
    scene.paint(soft(sd - 1.0), CORTEX)
    u, v = k.local(x, y)
    for t in np.linspace(0.3, 2 * math.pi - 0.3, 7):
        pyr = Ellipse(
            k.cx
            + 0.62 * k.a * math.cos(t) * math.cos(math.radians(k.angle_deg))
            - 0.62 * k.b * math.sin(t) * math.sin(math.radians(k.angle_deg)),
            k.cy
            + 0.62 * k.a * math.cos(t) * math.sin(math.radians(k.angle_deg))
            + 0.62 * k.b * math.sin(t) * math.cos(math.radians(k.angle_deg)),
            0.12 * k.a,
            0.12 * k.a,
        )
        scene.paint(soft(pyr.sd(x, y), 2.5), 0.018)
    sinus = Ellipse(k.cx, k.cy, 0.55 * k.a, 0.33 * k.b, k.angle_deg)
    scene.paint(soft(sinus.sd(x, y) + 2 * np.sin(u * 0.2) * np.cos(v * 0.3), 3.0), SINUS)
    scene.add(np.exp(-(((sd - 0.5) / 1.6) ** 2)), 0.45)


def fluid_stripe(k: Ellipse, t0: float, t1: float, gap: float, wmax: float, n: int = 28) -> Points:
    """A stripe hugging the kidney outline between angles t0..t1, thickest in the middle."""
    inner, outer = [], []
    for i in range(n + 1):
        t = t0 + (t1 - t0) * i / n
        w = 2.5 + (wmax - 2.5) * math.sin(math.pi * i / n) ** 0.8
        inner.append(k.point(t, gap))
        outer.append(k.point(t, gap + w))
    return inner + outer[::-1]


def breathing_cine(
    name: str,
    build: Callable[[np.ndarray, np.ndarray, float], Scene],
    seed: int,
    n: int,
    shift: tuple[float, float],
) -> list[np.ndarray]:
    """Render n frames: organs translate by shift*breath(k); the body wall stays put."""
    spk = speckle((SEC.nr, SEC.nth), seed)
    frames = []
    for k in range(n):
        b = breath(k, n)
        dx, dy = shift[0] * b, shift[1] * b
        xt, yt = SEC.X - dx, SEC.Y - dy
        scene = build(xt, yt, b)
        body_wall(scene, SEC.depth)
        fi, fj = SEC.to_index(xt, yt)
        # The wall's speckle stays fixed; deeper speckle travels with the organs.
        w = np.clip((SEC.depth - 1.6) / 0.5, 0, 1)
        fi0, fj0 = SEC.to_index(SEC.X, SEC.Y)
        frames.append(image_from(SEC, scene, spk, fi0 * (1 - w) + fi * w, fj0 * (1 - w) + fj * w))
    return frames


RUQ_KIDNEY = Ellipse(300, 228, 88, 44, -22)
RUQ_FLUID = fluid_stripe(RUQ_KIDNEY, math.radians(192), math.radians(292), 2.0, 15.0)
# A region of liver parenchyma (vessels included) for "click the liver"; build() proves
# that it stays inside the liver, clear of kidney, fat, fluid and body wall, in every frame.
RUQ_LIVER: Points = [
    (210, 95),
    (275, 92),
    (322, 128),
    (315, 148),
    (275, 162),
    (235, 186),
    (208, 218),
    (178, 210),
    (165, 178),
]
RUQ_DIAPHRAGM = Ellipse(330, 150, 230, 190, 0)
RUQ_SHIFT = (7.0, -3.0)  # px at full inspiration: the organs slide caudally (screen right)


def ruq_scene(x: np.ndarray, y: np.ndarray, b: float) -> Scene:
    sc = Scene(x.shape, LIVER * 0.7)
    # Diaphragm: a bright curve at the cephalad (left) edge, lung mirror beyond it.
    dsd = RUQ_DIAPHRAGM.sd(x, y)
    sc.paint(soft(dsd), LIVER)
    sc.paint(soft(-dsd - 2), LIVER * 0.9)
    sc.add(np.exp(-((dsd / 2.2) ** 2)), 0.9)
    # Portal vessels: small anechoic tubes in the liver.
    for cx, cy, a, bb, ang in (
        (210, 130, 18, 6, 20),
        (260, 100, 12, 5, -15),
        (190, 190, 10, 7, 40),
    ):
        e = Ellipse(cx, cy, a, bb, ang)
        sc.paint(soft(e.sd(x, y)), FLUID, ATT_FLUID)
        sc.add(np.exp(-(((e.sd(x, y) - 1) / 1.3) ** 2)), 0.2)
    # Perirenal fat deep to the liver, then the kidney.
    sc.paint(soft(RUQ_KIDNEY.sd(x, y) - 14, 5), 0.16)
    kidney(sc, x, y, RUQ_KIDNEY)
    sc.paint(soft(poly_sd(x, y, RUQ_FLUID), 1.0), FLUID, ATT_FLUID)
    # Bowel gas far right: bright with a dirty shadow.
    gas = Ellipse(425, 300, 28, 10, 0)
    sc.paint(soft(gas.sd(x, y), 3), 0.8, 8.0)
    return sc


LUQ_KIDNEY = Ellipse(282, 240, 80, 40, -14)
LUQ_SPLEEN_E = Ellipse(205, 140, 118, 62, 24)
LUQ_SPLEEN = LUQ_SPLEEN_E.polygon(48)
LUQ_SHIFT = (6.0, -2.0)


def luq_scene(x: np.ndarray, y: np.ndarray, b: float) -> Scene:
    sc = Scene(x.shape, 0.055)
    # Diaphragm: a bright arc hugging the spleen on its cephalad (upper left) side.
    dia = LUQ_SPLEEN_E.scaled(1.0)
    dsd = dia.sd(x, y) - 7
    u, v = dia.local(x, y)
    sc.add(np.exp(-((dsd / 2.2) ** 2)) * np.clip(-(u + v) / 40, 0, 1), 0.8)
    spl = LUQ_SPLEEN_E.sd(x, y)
    sc.paint(soft(spl, 2.0), SPLEEN)
    sc.add(np.exp(-(((spl - 1) / 1.6) ** 2)), 0.2)  # the splenic capsule: normal, no fluid rim
    sc.paint(soft(LUQ_KIDNEY.sd(x, y) - 12, 5), 0.14)
    kidney(sc, x, y, LUQ_KIDNEY)
    # Bowel gas: a bright curved surface that casts a dirty shadow.
    gas = Ellipse(165, 288, 24, 9, 10)
    gsd = gas.sd(x, y)
    sc.paint(soft(gsd, 2), 0.05, 50.0)
    sc.add(np.exp(-(((gsd - 1) / 2.0) ** 2)) * (y < gas.cy), 1.0)
    return sc


BLADDER = Ellipse(240, 150, 92, 62, 0)
PELVIS_FLUID: Points = []
PELVIS_SHIFT = (0.0, 3.0)


def _pelvis_fluid() -> Points:
    """Free fluid behind the bladder: a crescent with a bowel-loop notch kept out of it."""
    inner = [BLADDER.point(math.radians(a), 9.0) for a in range(160, 19, -7)]
    outer = []
    for i, a in enumerate(range(20, 161, 7)):
        w = 6 + 24 * math.sin(math.pi * i / 20) ** 0.9
        outer.append(BLADDER.point(math.radians(a), 9.0 + w))
    return inner + outer


PELVIS_FLUID = _pelvis_fluid()


def pelvis_scene(x: np.ndarray, y: np.ndarray, b: float) -> Scene:
    sc = Scene(x.shape, 0.07)
    sd = BLADDER.sd(x, y)
    # Squarer than an ellipse: a full bladder flattens against the abdominal wall.
    sc.paint(soft(sd), FLUID, ATT_FLUID)
    sc.add(np.exp(-(((sd - 2) / 1.8) ** 2)), 0.35)
    sc.paint(soft(poly_sd(x, y, PELVIS_FLUID), 1.0), FLUID, ATT_FLUID)
    for cx, cy, r in ((150, 268, 22), (330, 262, 20), (245, 300, 24)):
        loop = Ellipse(cx, cy, r, r * 0.7, 15)
        lsd = loop.sd(x, y)
        sc.paint(soft(lsd), 0.11)
        sc.add(np.exp(-(((lsd + 3) / 2.5) ** 2)), 0.3)
        sc.paint(soft(lsd + r * 0.45, 3), 0.5, 6.0)  # gas in the lumen: bright, shadowing
    return sc


# --------------------------------------------------------------------------- heart
