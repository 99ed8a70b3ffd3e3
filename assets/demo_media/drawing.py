"""Drawing ultrasound pictures: shapes, probe fields, speckle, text, scenes."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .common import Points


def poly_sd(px: np.ndarray, py: np.ndarray, poly: Points, margin: float = 8.0) -> np.ndarray:
    """Signed distance (px, negative inside) to a closed polygon; far points get +margin."""
    pts = np.asarray(poly, dtype=np.float64)
    out = np.full(px.shape, margin + 1.0)
    sel = (
        (px > pts[:, 0].min() - margin)
        & (px < pts[:, 0].max() + margin)
        & (py > pts[:, 1].min() - margin)
        & (py < pts[:, 1].max() + margin)
    )
    x, y = px[sel], py[sel]
    d2 = np.full(x.shape, np.inf)
    inside = np.zeros(x.shape, dtype=bool)
    for (ax, ay), (bx, by) in zip(pts, np.roll(pts, -1, axis=0), strict=True):
        ex, ey = bx - ax, by - ay
        t = np.clip(((x - ax) * ex + (y - ay) * ey) / max(ex * ex + ey * ey, 1e-12), 0.0, 1.0)
        d2 = np.minimum(d2, (x - ax - t * ex) ** 2 + (y - ay - t * ey) ** 2)
        if ay != by:
            crosses = ((ay > y) != (by > y)) & (x < ex * (y - ay) / (by - ay) + ax)
            inside ^= crosses
    out[sel] = np.sqrt(d2) * np.where(inside, -1.0, 1.0)
    return out


def point_in_poly(x: float, y: float, poly: Points) -> bool:
    return bool(poly_sd(np.array([x]), np.array([y]), poly)[0] < 0)


@dataclass(frozen=True)
class Ellipse:
    cx: float
    cy: float
    a: float
    b: float
    angle_deg: float = 0.0

    def local(self, px: np.ndarray, py: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        c, s = math.cos(math.radians(self.angle_deg)), math.sin(math.radians(self.angle_deg))
        dx, dy = px - self.cx, py - self.cy
        return dx * c + dy * s, -dx * s + dy * c

    def sd(self, px: np.ndarray, py: np.ndarray) -> np.ndarray:
        """First-order signed distance, good to a pixel near the outline."""
        u, v = self.local(px, py)
        q = np.sqrt((u / self.a) ** 2 + (v / self.b) ** 2) + 1e-9
        grad = np.sqrt((u / (self.a**2 * q)) ** 2 + (v / (self.b**2 * q)) ** 2) + 1e-9
        return (q - 1.0) / grad

    def point(self, t: float, grow: float = 0.0) -> tuple[float, float]:
        c, s = math.cos(math.radians(self.angle_deg)), math.sin(math.radians(self.angle_deg))
        u, v = (self.a + grow) * math.cos(t), (self.b + grow) * math.sin(t)
        return (self.cx + u * c - v * s, self.cy + u * s + v * c)

    def polygon(self, n: int = 48, grow: float = 0.0) -> Points:
        return [self.point(2 * math.pi * k / n, grow) for k in range(n)]

    def scaled(self, k: float) -> Ellipse:
        return Ellipse(self.cx, self.cy, self.a * k, self.b * k, self.angle_deg)


def soft(sd: np.ndarray, width: float = 1.5) -> np.ndarray:
    """Inside-ness from a signed distance, with a blurred edge like a real beam profile."""
    return np.clip(0.5 - sd / (2 * width), 0.0, 1.0)


def offset_polygon(poly: Points, d: float) -> Points:
    """Mitred outward offset by d px: contains every point within d of the polygon."""
    pts = np.asarray(poly, dtype=np.float64)
    area = 0.5 * np.sum(pts[:, 0] * np.roll(pts[:, 1], -1) - np.roll(pts[:, 0], -1) * pts[:, 1])
    sign = 1.0 if area > 0 else -1.0  # image y points down: positive area is clockwise on screen
    out = []
    n = len(pts)
    for i in range(n):
        p_prev, p, p_next = pts[i - 1], pts[i], pts[(i + 1) % n]
        normals = []
        for a, b in ((p_prev, p), (p, p_next)):
            e = b - a
            e = e / np.hypot(*e)
            normals.append(sign * np.array([e[1], -e[0]]))
        m = normals[0] + normals[1]
        m = m / np.hypot(*m)
        cos_half = max(float(np.dot(m, normals[0])), 0.25)
        q = p + m * d / cos_half
        out.append((float(q[0]), float(q[1])))
    return out


def rnd(points: Points) -> list[list[float]]:
    return [[round(x, 1), round(y, 1)] for x, y in points]


def translate(points: Points, dx: float, dy: float) -> Points:
    return [(x + dx, y + dy) for x, y in points]


# --------------------------------------------------------------------------- probes


class _Probe:
    """What every probe shares: the picture's size, its scale and the depth it shows."""

    def __init__(self, width: int, height: int, ppcm: float, depth_cm: float) -> None:
        self.width, self.height, self.ppcm, self.depth_cm = width, height, ppcm, depth_cm

    def scale(self) -> dict[str, float]:
        """The calibration's first entries, the same for every probe (the manifest's order)."""
        return {
            "pixels_per_cm": self.ppcm,
            "x_cm_per_pixel": 1 / self.ppcm,
            "y_cm_per_pixel": 1 / self.ppcm,
            "depth_cm": self.depth_cm,
        }

    def draw_depth_label(self, img: np.ndarray) -> None:
        """The depth setting in the bottom right corner, as on a real scanner."""
        draw_text(img, f"{self.depth_cm:g}cm", self.width - 56, self.height - 16, 170.0)


class Sector(_Probe):
    """A curvilinear probe: rays fan out from a virtual apex above the top centre."""

    def __init__(
        self,
        width: int = 480,
        height: int = 360,
        ppcm: float = 20.0,
        depth_cm: float = 16.5,
        half_angle_deg: float = 35.0,
        r0: float = 30.0,
        n_rays: int = 300,
    ) -> None:
        super().__init__(width, height, ppcm, depth_cm)
        self.ha = math.radians(half_angle_deg)
        self.r0 = r0
        self.rmax = r0 + depth_cm * ppcm
        self.ax, self.ay = width / 2.0, 10.0 - r0  # the skin line touches y = 10 at the centre
        self.nr = round(self.rmax - self.r0) + 1
        self.nth = n_rays
        r = np.linspace(self.r0, self.rmax, self.nr)[:, None]
        th = np.linspace(-self.ha, self.ha, self.nth)[None, :]
        self.X = self.ax + r * np.sin(th)
        self.Y = self.ay + r * np.cos(th)
        self.depth = np.broadcast_to((r - self.r0) / ppcm, self.X.shape)  # cm along each ray
        self.dr_cm = (self.rmax - self.r0) / (self.nr - 1) / ppcm
        yy, xx = np.mgrid[0:height, 0:width].astype(np.float64)
        self.fi, self.fj = self.to_index(xx, yy)
        rr = np.hypot(xx - self.ax, yy - self.ay)
        tt = np.arctan2(xx - self.ax, yy - self.ay)
        self.mask = (rr >= self.r0) & (rr <= self.rmax) & (np.abs(tt) <= self.ha)

    def to_index(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        r = np.hypot(x - self.ax, y - self.ay)
        th = np.arctan2(x - self.ax, y - self.ay)
        fi = (r - self.r0) / (self.rmax - self.r0) * (self.nr - 1)
        fj = (th + self.ha) / (2 * self.ha) * (self.nth - 1)
        return fi, fj

    def contains(self, x: float, y: float, inset: float = 2.0) -> bool:
        r = math.hypot(x - self.ax, y - self.ay)
        th = math.atan2(x - self.ax, y - self.ay)
        return self.r0 + inset <= r <= self.rmax - inset and abs(th) * r <= self.ha * r - inset

    def scan_convert(self, polar: np.ndarray) -> np.ndarray:
        img = bilinear(polar, self.fi, self.fj)
        return np.where(self.mask, img, 0.0)

    def overlay(self, img: np.ndarray) -> None:
        """1 cm depth ticks along the right edge of the fan, labelled every 5 cm."""
        s, c = math.sin(self.ha), math.cos(self.ha)
        n = np.array([c, -s])
        for k in range(int(self.depth_cm) + 1):
            r = self.r0 + k * self.ppcm
            p = np.array([self.ax + r * s, self.ay + r * c])
            length = 11 if k % 5 == 0 else 6
            draw_line(img, p + 3 * n, p + (3 + length) * n, 210.0, 1.0)
            if k % 5 == 0 and k > 0:
                q = p + (3 + length + 4) * n
                draw_text(img, str(k), int(q[0]), int(q[1]) - 5, 180.0)
        self.draw_depth_label(img)
        # Orientation marker on the left of the footprint, as on a real scanner.
        mx = int(self.ax - self.r0 * s * 0.4 - 95)
        img[8:14, mx : mx + 6] = 200.0

    def calibration(self) -> dict[str, float]:
        return {
            **self.scale(),
            "skin_line_y": 10.0,
            "apex": [self.ax, self.ay],
            "skin_radius_px": self.r0,
            "half_angle_deg": math.degrees(self.ha),
        }

    def describe(self) -> dict[str, object]:
        return {"type": "sector", **self.calibration()}


class Linear(_Probe):
    """A linear probe: parallel vertical rays filling a rectangle."""

    def __init__(
        self,
        width: int = 480,
        height: int = 360,
        ppcm: float = 40.0,
        x0: int = 80,
        x1: int = 400,
        y0: int = 10,
        depth_cm: float = 8.5,
    ) -> None:
        super().__init__(width, height, ppcm, depth_cm)
        self.x0, self.x1, self.y0 = x0, x1, y0
        self.y1 = int(y0 + depth_cm * ppcm)
        self.nr, self.nth = self.y1 - y0, x1 - x0
        yy, xx = np.mgrid[y0 : self.y1, x0:x1].astype(np.float64)
        self.X, self.Y = xx + 0.0, yy + 0.0
        self.depth = (yy - y0) / ppcm
        self.dr_cm = 1.0 / ppcm

    def to_index(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return y - self.y0, x - self.x0

    def contains(self, x: float, y: float, inset: float = 1.0) -> bool:
        return self.x0 + inset <= x <= self.x1 - inset and self.y0 + inset <= y <= self.y1 - inset

    def scan_convert(self, polar: np.ndarray) -> np.ndarray:
        img = np.zeros((self.height, self.width))
        img[self.y0 : self.y1, self.x0 : self.x1] = polar
        return img

    def overlay(self, img: np.ndarray) -> None:
        for k in range(int(self.depth_cm) + 1):
            y = self.y0 + k * self.ppcm
            length = 11 if k % 5 == 0 else 6
            draw_line(
                img, np.array([self.x1 + 3, y]), np.array([self.x1 + 3 + length, y]), 210.0, 1.0
            )
            if k % 2 == 0 and k > 0:
                draw_text(img, str(k), self.x1 + 18, int(y) - 5, 180.0)
        self.draw_depth_label(img)
        img[self.y0 - 6 : self.y0 - 1, self.x0 : self.x0 + 6] = 200.0

    def calibration(self) -> dict[str, float]:
        return {**self.scale(), "skin_line_y": float(self.y0)}

    def describe(self) -> dict[str, object]:
        return {
            "type": "linear",
            "field": [self.x0, self.y0, self.x1, self.y1],
            **self.calibration(),
        }


def bilinear(field: np.ndarray, fi: np.ndarray, fj: np.ndarray) -> np.ndarray:
    n, m = field.shape
    fi = np.clip(fi, 0, n - 1.000001)
    fj = np.clip(fj, 0, m - 1.000001)
    i0, j0 = fi.astype(np.int64), fj.astype(np.int64)
    di, dj = fi - i0, fj - j0
    return (
        field[i0, j0] * (1 - di) * (1 - dj)
        + field[i0 + 1, j0] * di * (1 - dj)
        + field[i0, j0 + 1] * (1 - di) * dj
        + field[i0 + 1, j0 + 1] * di * dj
    )


def speckle(
    shape: tuple[int, int], seed: int, sig_axial: float = 0.9, sig_lateral: float = 2.2
) -> np.ndarray:
    """Fully developed speckle: the envelope of band-limited complex noise (Rayleigh, mean 1)."""
    rng = np.random.default_rng(seed)
    noise = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
    fy = np.fft.fftfreq(shape[0])[:, None]
    fx = np.fft.fftfreq(shape[1])[None, :]
    kernel = np.exp(-2 * np.pi**2 * ((fy * sig_axial) ** 2 + (fx * sig_lateral) ** 2))
    env = np.abs(np.fft.ifft2(np.fft.fft2(noise) * kernel))
    return env / env.mean()


# --------------------------------------------------------------------------- drawing

_GLYPHS = {
    "0": ["111", "101", "101", "101", "111"],
    "1": ["010", "110", "010", "010", "111"],
    "2": ["111", "001", "111", "100", "111"],
    "3": ["111", "001", "111", "001", "111"],
    "4": ["101", "101", "111", "001", "001"],
    "5": ["111", "100", "111", "001", "111"],
    "6": ["111", "100", "111", "101", "111"],
    "7": ["111", "001", "010", "010", "010"],
    "8": ["111", "101", "111", "101", "111"],
    "9": ["111", "101", "111", "001", "111"],
    ".": ["000", "000", "000", "000", "010"],
    "c": ["000", "000", "111", "100", "111"],
    "m": ["000", "000", "111", "111", "101"],
    "s": ["000", "111", "110", "011", "111"],
    " ": ["000", "000", "000", "000", "000"],
}


def draw_text(img: np.ndarray, text: str, x: int, y: int, value: float, scale: int = 2) -> None:
    """A tiny bitmap font for scale labels, so stills need no font renderer."""
    for ch in text:
        glyph = _GLYPHS[ch]
        for gy, row in enumerate(glyph):
            for gx, bit in enumerate(row):
                if bit == "1":
                    ys, xs = y + gy * scale, x + gx * scale
                    if 0 <= ys < img.shape[0] - scale and 0 <= xs < img.shape[1] - scale:
                        img[ys : ys + scale, xs : xs + scale] = value
        x += 4 * scale


def draw_line(img: np.ndarray, p0: np.ndarray, p1: np.ndarray, value: float, width: float) -> None:
    x0, x1 = sorted((p0[0], p1[0]))
    y0, y1 = sorted((p0[1], p1[1]))
    xa, xb = max(int(x0 - width - 1), 0), min(int(x1 + width + 2), img.shape[1])
    ya, yb = max(int(y0 - width - 1), 0), min(int(y1 + width + 2), img.shape[0])
    yy, xx = np.mgrid[ya:yb, xa:xb].astype(np.float64)
    e = p1 - p0
    t = np.clip(((xx - p0[0]) * e[0] + (yy - p0[1]) * e[1]) / max(float(e @ e), 1e-9), 0, 1)
    d = np.hypot(xx - p0[0] - t * e[0], yy - p0[1] - t * e[1])
    cover = np.clip(width / 2 + 0.5 - d, 0, 1)
    sub = img[ya:yb, xa:xb]
    np.maximum(sub, cover * value, out=sub)


# --------------------------------------------------------------------------- tissue model

LIVER, SPLEEN, CORTEX, SINUS, FLUID, MYO = 0.085, 0.10, 0.05, 0.30, 0.0015, 0.06
ATT_TISSUE, ATT_FLUID, ATT_BONE = 1.0, 0.05, 200.0  # dB/cm, two-way, after TGC


class Scene:
    """Echogenicity and attenuation maps, painted shape by shape."""

    def __init__(self, shape: tuple[int, ...], base: float = LIVER) -> None:
        self.E = np.full(shape, base)
        self.att = np.full(shape, ATT_TISSUE)

    def paint(self, mask: np.ndarray, echo: float | np.ndarray, att: float = ATT_TISSUE) -> None:
        self.E = self.E * (1 - mask) + echo * mask
        self.att = self.att * (1 - mask) + att * mask

    def add(self, mask: np.ndarray, echo: float | np.ndarray) -> None:
        self.E = self.E + echo * mask


def body_wall(scene: Scene, depth_cm: np.ndarray, thick: float = 1.9) -> None:
    """Skin, fat, fascia and muscle layers that stay still while the organs slide beneath."""
    d = depth_cm
    wall = np.clip((thick + 0.1 - d) / 0.2, 0, 1)
    layers = (
        0.35 * np.exp(-(((d - 0.05) / 0.07) ** 2))
        + 0.05 * (d < 0.9)
        + 0.30 * np.exp(-(((d - 0.95) / 0.06) ** 2))
        + 0.09 * ((d > 1.0) & (d < thick - 0.1)) * (1 + 0.6 * np.sin(d * 38))
        + 0.35 * np.exp(-(((d - thick) / 0.07) ** 2))
    )
    scene.E = (
        scene.E * (1 - wall)
        + layers * wall
        + 0.35 * np.exp(-(((d - thick) / 0.07) ** 2)) * (1 - wall)
    )
    scene.att = scene.att * (1 - wall) + ATT_TISSUE * wall


def image_from(
    probe: Sector | Linear,
    scene: Scene,
    spk: np.ndarray,
    fi: np.ndarray,
    fj: np.ndarray,
    dyn_db: float = 54.0,
    gain_db: float = 0.0,
) -> np.ndarray:
    """Speckle times echogenicity, attenuated along each ray, log-compressed, scan-converted."""
    s = bilinear(spk, fi, fj)
    cum = np.cumsum(scene.att, axis=0) * probe.dr_cm
    amp = scene.E * s * 10 ** (-(cum - 0.0) / 20) + 0.0012 * s
    db = 20 * np.log10(amp + 1e-6) + gain_db
    polar = np.clip((db + dyn_db) / dyn_db, 0, 1) ** 1.15 * 255
    img = probe.scan_convert(polar)
    probe.overlay(img)
    return img


def breath(k: int, n: int) -> float:
    """0 -> 1 -> 0 over the loop: frame n would equal frame 0, so the loop is seamless."""
    return 0.5 * (1 - math.cos(2 * math.pi * k / n))


# --------------------------------------------------------------------------- FAST views

SEC = Sector()
