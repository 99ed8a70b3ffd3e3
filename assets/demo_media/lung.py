"""The lung: sliding pleura with A- or B-lines, and the M-mode strips."""

from __future__ import annotations

import math

import numpy as np

from .drawing import (
    ATT_BONE,
    Ellipse,
    Linear,
    Scene,
    bilinear,
    body_wall,
    draw_line,
    draw_text,
    speckle,
)

LIN = Linear()
PLEURA_Y = LIN.y0 + 2.0 * LIN.ppcm  # pleural line 2.0 cm deep
RIBS = (LIN.x0 + 22, LIN.x1 - 22)  # rib centres at both ends of the intercostal window
RIB_TOP = LIN.y0 + 1.45 * LIN.ppcm
BLINE_X = (LIN.x0 + 118, LIN.x0 + 176, LIN.x0 + 232)
SLIDE = 5.0  # px of lateral pleural slide at full inspiration


def lung_cine(b_lines: bool, n: int, seed: int) -> list[np.ndarray]:
    spk = speckle((LIN.nr, LIN.nth), seed, 0.8, 1.6)
    lung_spk = speckle((LIN.nr, LIN.nth + 80), seed + 1, 1.2, 3.5)
    x, y = LIN.X, LIN.Y
    frames = []
    for k in range(n):
        slide = SLIDE * math.sin(2 * math.pi * k / n)
        sc = Scene(x.shape, 0.0)
        body_wall(sc, LIN.depth, thick=1.25)
        sc.E += 0.06 * ((LIN.depth > 1.3) & (y < PLEURA_Y))  # intercostal muscle
        for rx in RIBS:
            rib = Ellipse(rx, RIB_TOP + 14, 34, 14, 0)
            rsd = rib.sd(x, y)
            cortex = np.exp(-(((rsd + 1.5) / 2.0) ** 2)) * (y < rib.cy)
            sc.add(cortex, 1.2)
            sc.att = np.where((rsd < 0) & (y > rib.cy - 8), ATT_BONE, sc.att)
        pl = np.exp(-(((y - PLEURA_Y) / 1.8) ** 2))
        sc.add(pl, 0.9)
        below = y > PLEURA_Y + 2
        lung = np.where(below, 0.0035, 0.0)
        if not b_lines:
            for m in (2, 3, 4):
                yy = LIN.y0 + (PLEURA_Y - LIN.y0) * m
                lung = lung + 0.5 * 0.55 ** (m - 1) * np.exp(-(((y - yy) / 2.6) ** 2))
        else:
            for bx in BLINE_X:
                bxk = bx + slide
                prof = np.exp(-(((x - bxk) / 3.2) ** 2)) * below
                lung = lung + 0.45 * prof * (1 + 0.25 * np.sin(y * 0.35))
        sc.E += lung * np.clip((y - PLEURA_Y) / 3, 0, 1)
        sc.att = np.where(below, 0.2, sc.att)  # aerated lung: reverberation, no true depth decay
        fi, fj = LIN.to_index(x, y)
        s = bilinear(spk, fi, fj)
        # The pleura and lung speckle shift with the slide, so the line shimmers.
        sl = bilinear(lung_spk, fi, fj + 40 - slide)
        sw = np.clip((y - PLEURA_Y + 4) / 3, 0, 1)
        smix = s * (1 - sw) + sl * sw
        cum = np.cumsum(sc.att, axis=0) * LIN.dr_cm
        amp = sc.E * smix * 10 ** (-cum / 20) + 0.0012 * smix
        polar = np.clip((20 * np.log10(amp + 1e-6) + 54) / 54, 0, 1) ** 1.15 * 255
        img = LIN.scan_convert(polar)
        LIN.overlay(img)
        frames.append(img)
    return frames


MM_W, MM_H, MM_DATA_W = 600, 360, 570
MM_S_PER_PX = 1 / 190  # 3.0 s across the 570 px strip
MM_PLEURA_Y = PLEURA_Y


def mmode(barcode: bool, seed: int) -> np.ndarray:
    """An M-mode strip through the intercostal window: depth down, time across."""
    rng = np.random.default_rng(seed)
    ys = np.arange(MM_H, dtype=np.float64)[:, None]
    depth = (ys - LIN.y0) / LIN.ppcm
    # Chest wall: a fixed depth profile repeated in time gives horizontal lines.
    prof = rng.rayleigh(1.0, MM_H)
    prof = np.convolve(prof, np.ones(2) / 2, mode="same")[:, None]
    wall = np.zeros((MM_H, 1))
    d = depth
    wall += 0.35 * np.exp(-(((d - 0.05) / 0.07) ** 2)) + 0.06 * (d < 0.9)
    wall += 0.3 * np.exp(-(((d - 0.95) / 0.06) ** 2)) + 0.09 * ((d > 1.0) & (d < 1.95))
    wall *= d >= 0
    e_wall = wall * prof * (ys < MM_PLEURA_Y - 2)
    jitter = 0.12 * rng.standard_normal((MM_H, MM_DATA_W))
    img = e_wall * (1 + jitter)
    pleura = 0.9 * np.exp(-(((ys - MM_PLEURA_Y) / 1.8) ** 2))
    img = img + pleura
    below = ys > MM_PLEURA_Y + 2
    if barcode:
        prof2 = rng.rayleigh(1.0, MM_H)
        prof2 = np.convolve(prof2, np.ones(2) / 2, mode="same")[:, None]
        lines = 0.03 * prof2 * (1 + 0.1 * rng.standard_normal((MM_H, MM_DATA_W)))
        for m in (2, 3, 4):
            yy = LIN.y0 + (MM_PLEURA_Y - LIN.y0) * m
            lines = lines + 0.5 * 0.55 ** (m - 1) * np.exp(-(((ys - yy) / 2.2) ** 2))
        img = img + lines * below
    else:
        sand = speckle((MM_H, MM_DATA_W), seed + 7, 1.0, 0.9) * 0.03
        img = img + sand * below * np.exp(-np.clip(depth - 2.0, 0, None) / 6)
    img = img * (ys >= LIN.y0) + 0.0012 * (ys >= LIN.y0)
    out = np.zeros((MM_H, MM_W))
    out[:, :MM_DATA_W] = np.clip((20 * np.log10(img + 1e-6) + 54) / 54, 0, 1) ** 1.15 * 255
    # Depth ticks at 1 cm (right margin), time ticks at 1 s (top margin).
    for k in range(int((MM_H - LIN.y0) / LIN.ppcm) + 1):
        y = LIN.y0 + k * LIN.ppcm
        draw_line(out, np.array([MM_DATA_W + 3.0, y]), np.array([MM_DATA_W + 10.0, y]), 210.0, 1.0)
        if k % 2 == 0 and k > 0:
            draw_text(out, str(k), MM_DATA_W + 14, int(y) - 5, 180.0)
    for k in range(4):
        x = k / MM_S_PER_PX
        draw_line(out, np.array([x, 0.0]), np.array([x, 6.0]), 210.0, 1.0)
    draw_text(out, "1s", int(1 / MM_S_PER_PX) + 4, 0, 170.0)
    return out


# --------------------------------------------------------------------------- IVC still
