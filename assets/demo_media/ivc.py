"""The IVC still, with its diameter to measure."""

from __future__ import annotations

import math

import numpy as np

from .drawing import (
    ATT_FLUID,
    FLUID,
    LIVER,
    SEC,
    Ellipse,
    Scene,
    body_wall,
    image_from,
    poly_sd,
    soft,
    speckle,
)

IVC_J = np.array([205.0, 192.0])  # where the IVC opens into the right atrium
IVC_DIR_DEG = 7.0  # the IVC runs slightly deeper towards the right (caudal) side
IVC_HALF_PX = 1.2 * 20.0  # lumen radius: 2.4 cm diameter at 20 px/cm
RA = Ellipse(160, 172, 56, 48, -15)


def ivc_geometry() -> dict[str, object]:
    d = np.array([math.cos(math.radians(IVC_DIR_DEG)), math.sin(math.radians(IVC_DIR_DEG))])
    nrm = np.array([-d[1], d[0]])
    m = IVC_J + 2.0 * SEC.ppcm * d
    p1, p2 = m - IVC_HALF_PX * nrm, m + IVC_HALF_PX * nrm
    far = IVC_J + 12.0 * SEC.ppcm * d
    tube = [
        tuple(IVC_J - IVC_HALF_PX * nrm),
        tuple(far - IVC_HALF_PX * nrm),
        tuple(far + IVC_HALF_PX * nrm),
        tuple(IVC_J + IVC_HALF_PX * nrm),
    ]
    return {"d": d, "n": nrm, "mid": m, "p1": p1, "p2": p2, "tube": tube}


def ivc_still(seed: int) -> np.ndarray:
    g = ivc_geometry()
    x, y = SEC.X, SEC.Y
    sc = Scene(x.shape, LIVER)
    d, nrm = g["d"], g["n"]
    rel_x, rel_y = x - IVC_J[0], y - IVC_J[1]
    along = rel_x * d[0] + rel_y * d[1]
    across = rel_x * nrm[0] + rel_y * nrm[1]
    # Wall brightness just outside the lumen, then the lumen itself.
    wall = np.exp(-(((np.abs(across) - IVC_HALF_PX - 1.5) / 1.6) ** 2)) * (along > 4)
    sc.add(wall, 0.5)
    lumen = np.clip(IVC_HALF_PX + 0.5 - np.abs(across), 0, 1) * np.clip(along + 10, 0, 1)
    sc.paint(lumen, FLUID, ATT_FLUID)
    # A hepatic vein draining in from above, 4 cm from the atrium.
    hv_base = IVC_J + 4.0 * SEC.ppcm * d - IVC_HALF_PX * nrm
    hv = [
        tuple(hv_base - 12 * d),
        tuple(hv_base + 10 * d),
        (hv_base[0] + 2, hv_base[1] - 40),
        (hv_base[0] + 14, hv_base[1] - 86),
        (hv_base[0] + 8, hv_base[1] - 88),
        (hv_base[0] - 10, hv_base[1] - 42),
    ]
    sc.paint(soft(poly_sd(x, y, hv)), FLUID, ATT_FLUID)
    # Right atrium with a bright wall and the diaphragm curving across the junction.
    rsd = RA.sd(x, y)
    sc.paint(soft(rsd), FLUID, ATT_FLUID)
    sc.add(np.exp(-(((rsd - 2) / 2.0) ** 2)) * (np.abs(across) > IVC_HALF_PX + 2), 0.4)
    dia = Ellipse(75, 195, 150, 210, 0)
    dsd = dia.sd(x, y)
    sc.add(np.exp(-((dsd / 2.4) ** 2)) * (np.abs(across) > IVC_HALF_PX + 1) * (rsd > 3), 0.7)
    # Cephalad of the diaphragm (screen left): dim pericardial fat and lung, not liver.
    sc.paint(soft(dsd + 4, 3) * (rsd > 3) * (np.abs(across) > IVC_HALF_PX + 3), 0.02)
    body_wall(sc, SEC.depth)
    spk = speckle((SEC.nr, SEC.nth), seed)
    fi, fj = SEC.to_index(x, y)
    img = image_from(SEC, sc, spk, fi, fj)
    return img
