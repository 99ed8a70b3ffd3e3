"""The patient-encounter video: the monitor whose pressure drops."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from .common import FONT, FONT_BOLD, FPS
from .speech import BP_DROP_S, ENCOUNTER_S

# --------------------------------------------------------------------------- encounter video


def encounter_frames(n: int) -> Iterator[np.ndarray]:
    """A trauma bay: wall, bed with patient, two clinicians, a monitor with a live ECG."""
    h, w = 360, 640
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    base = np.zeros((h, w, 3))
    base[:] = np.array([58, 72, 84]) + (yy / h)[..., None] * np.array([10, 10, 12])
    base[yy > 280] = np.array([92, 96, 98])
    base[(yy > 278) & (yy < 282)] = [40, 44, 48]

    def rect(x0: int, y0: int, x1: int, y1: int, col: tuple[int, int, int]) -> None:
        base[y0:y1, x0:x1] = col

    def disc(cx: float, cy: float, rx: float, ry: float, col: tuple[int, int, int]) -> None:
        base[((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2 <= 1] = col

    rect(0, 40, 640, 44, (80, 95, 105))  # wall rail
    rect(40, 60, 180, 140, (200, 205, 200))  # supply cabinet
    rect(42, 99, 178, 101, (150, 155, 150))
    rect(250, 0, 390, 8, (230, 230, 210))  # ceiling light
    # Clinicians: nurse (left, blue scrubs) and physician (right, green scrubs).
    for cx, col in ((110, (70, 110, 170)), (520, (60, 140, 110))):
        rect(cx - 26, 280, cx - 6, 345, (50, 60, 80))
        rect(cx + 6, 280, cx + 26, 345, (50, 60, 80))
        rect(cx - 32, 186, cx + 32, 285, col)
        disc(cx, 190, 32, 14, col)
        disc(cx, 160, 20, 24, (210, 165, 135))
        disc(cx, 142, 21, 12, (40, 30, 25))
    # Bed and patient, in front of the clinicians' legs.
    rect(150, 235, 470, 250, (210, 212, 215))
    rect(165, 250, 175, 312, (120, 125, 130))
    rect(445, 250, 455, 312, (120, 125, 130))
    rect(160, 215, 460, 236, (235, 236, 238))  # sheet
    disc(192, 208, 26, 20, (214, 170, 140))  # head
    rect(178, 222, 206, 232, (180, 70, 60))  # cervical collar
    disc(322, 215, 118, 18, (90, 130, 170))  # blanket
    # Monitor on a wall arm, above the physician.
    rect(560, 0, 564, 16, (40, 40, 40))
    rect(420, 14, 632, 124, (30, 32, 34))
    rect(428, 22, 624, 116, (5, 8, 10))
    frame_base = base.clip(0, 255)
    xs = np.arange(434, 530)
    for k in range(n):
        img = frame_base.copy()
        t = k / FPS
        ts = t - (xs[-1] - xs) / 48.0  # sweep: 48 px per second, newest sample on the right
        ph = (ts * heart_rate_at(t) / 60.0) % 1.0
        ecg = -16 * np.exp(-(((ph - 0.2) / 0.03) ** 2)) + 5 * np.exp(-(((ph - 0.26) / 0.03) ** 2))
        ecg += -3 * np.exp(-(((ph - 0.5) / 0.07) ** 2)) - 1.5 * np.exp(-(((ph - 0.05) / 0.04) ** 2))
        pleth = -7 * np.sin(np.pi * ((ph - 0.3) % 1.0)) ** 3
        for trace, y0, col in ((ecg, 56, (60, 230, 90)), (pleth, 96, (80, 200, 230))):
            ys = np.round(y0 + trace).astype(int)
            for i in range(1, len(xs)):
                a, b = sorted((ys[i - 1], ys[i]))
                img[a : b + 2, xs[i]] = col
        yield img.clip(0, 255).astype(np.uint8)


def heart_rate_at(t: float) -> float:
    return 128.0 + 10.0 * min(max((t - 4.0) / 8.0, 0.0), 1.0)


def monitor_filter() -> str:
    """drawtext overlays: vitals that change as the patient deteriorates."""

    def dt(
        text: str,
        x: int,
        y: int,
        size: int,
        color: str,
        enable: str | None = None,
        font: str = FONT_BOLD,
    ) -> str:
        s = f"drawtext=fontfile={font}:text='{text}':x={x}:y={y}:fontsize={size}:fontcolor={color}"
        return s + (f":enable='{enable}'" if enable else "")

    parts = [dt("TRAUMA BAY 2", 12, 10, 16, "white@0.85", font=FONT)]
    # Heart rate labels step up each second, matching the ECG sweep.
    for sec in range(int(ENCOUNTER_S) + 1):
        hr = round(heart_rate_at(sec))
        parts.append(dt(f"HR {hr}", 538, 30, 17, "0x3CE65A", f"gte(t,{sec})*lt(t,{sec + 1})"))
    parts.append(dt("BP 84/50", 538, 58, 15, "0xF0F0F0", f"lt(t,{BP_DROP_S})"))
    parts.append(dt("BP 78/44", 538, 58, 15, "0xFF5050", f"gte(t,{BP_DROP_S})"))
    parts.append(dt("SpO2 95", 538, 82, 13, "0x50C8E6"))
    parts.append(dt("RR 26", 538, 100, 13, "0xE6E650"))
    parts.append(dt("GCS 14", 436, 100, 12, "0xC8C8C8", font=FONT))
    return ",".join(parts) + ",format=yuv420p"
