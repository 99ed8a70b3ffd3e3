"""Render the demo ultrasound cines, stills, narrations and manifest under assets/media/.

Run from the repository root: `python assets/make_demo_media.py`. Needs numpy, ffmpeg,
ffprobe and espeak-ng. Every random field comes from a fixed seed and every encoder runs
bit-exact and single-threaded, so re-running reproduces the same bytes on the same tool
versions. The anatomy is drawn from polygons and ellipses in image pixels, and the very
same shapes are written to manifest.json, so hotspot regions and caliper endpoints match
what is on screen exactly.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import shutil
import struct
import subprocess
import sys
import tempfile
import wave
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
MEDIA = HERE / "media"
FPS = 30
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
NARRATOR_VOICE = ("en-us+m3", 145, 42)  # voice, words per minute, pitch: slow and calm
NURSE_VOICE = ("en-us+f3", 165, 55)
DOCTOR_VOICE = ("en-us+m1", 160, 40)
DOCTOR_VOICE_QUICK = ("en-us+m1", 185, 40)  # urgent

Points = list[tuple[float, float]]


# --------------------------------------------------------------------------- small tools


def run(cmd: list[str], data: bytes | None = None) -> bytes:
    """Run a tool; on failure, stop with its own error text rather than a traceback."""
    proc = subprocess.run(cmd, input=data, capture_output=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"{cmd[0]} failed: {proc.stderr.decode(errors='replace')[-2000:]}")
    return proc.stdout


def write_png(path: Path, img: np.ndarray) -> None:
    """An 8-bit greyscale PNG with no metadata chunks, so the bytes depend on pixels only."""
    h, w = img.shape
    raw = b"".join(b"\x00" + img[y].tobytes() for y in range(h))

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)
    data = zlib.compress(raw, 9)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def encode_video(
    path: Path,
    frames: Iterator[np.ndarray],
    size: tuple[int, int],
    pix_fmt: str = "gray",
    audio: Path | None = None,
    vfilter: str | None = None,
    crf: int = 28,
) -> None:
    """Pipe raw frames into libx264 (yuv420p, faststart), optionally muxing an AAC track."""
    w, h = size
    cmd = ["ffmpeg", "-y", "-v", "error", "-f", "rawvideo", "-pix_fmt", pix_fmt]
    cmd += ["-s", f"{w}x{h}", "-r", str(FPS), "-i", "-"]
    if audio is not None:
        cmd += ["-i", str(audio)]
    if vfilter:
        cmd += ["-vf", vfilter]
    cmd += ["-c:v", "libx264", "-preset", "slow", "-crf", str(crf), "-pix_fmt", "yuv420p"]
    # A keyframe every second keeps frame-exact seeks cheap; one thread keeps output bit-exact.
    cmd += ["-g", str(FPS), "-threads", "1", "-x264-params", "threads=1"]
    if audio is not None:
        cmd += ["-c:a", "aac", "-b:a", "40k", "-ac", "1", "-ar", "22050"]
        cmd += ["-map", "0:v", "-map", "1:a"]
    cmd += ["-movflags", "+faststart", "-fflags", "+bitexact", "-flags", "+bitexact"]
    cmd += ["-map_metadata", "-1", str(path)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None
    for frame in frames:
        proc.stdin.write(np.ascontiguousarray(frame, dtype=np.uint8).tobytes())
    proc.stdin.close()
    err = proc.stderr.read() if proc.stderr else b""
    if proc.wait() != 0:
        sys.exit(f"ffmpeg failed on {path.name}: {err.decode(errors='replace')[-2000:]}")


def probe(path: Path) -> dict[str, object]:
    """Duration, size, frame rate and decoded frame count as ffprobe reports them."""
    out = run(
        [
            "ffprobe",
            "-v",
            "error",
            "-count_frames",
            "-show_entries",
            "format=duration:stream=codec_type,codec_name,width,height,r_frame_rate,nb_read_frames,"
            "sample_rate,channels",
            "-of",
            "json",
            str(path),
        ]
    )
    info = json.loads(out)
    result: dict[str, object] = {"duration_s": round(float(info["format"]["duration"]), 3)}
    for st in info["streams"]:
        if st["codec_type"] == "video" and st.get("codec_name") != "png":
            num, den = (int(v) for v in st["r_frame_rate"].split("/"))
            result.update(
                width=st["width"],
                height=st["height"],
                frame_rate=num / den,
                frame_count=int(st["nb_read_frames"]),
                video_codec=st["codec_name"],
            )
        elif st["codec_type"] == "audio":
            result.update(
                audio_codec=st["codec_name"],
                channels=st["channels"],
                sample_rate=int(st["sample_rate"]),
            )
    return result


# --------------------------------------------------------------------------- geometry


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


class Sector:
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
        self.width, self.height, self.ppcm, self.depth_cm = width, height, ppcm, depth_cm
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
        draw_text(img, f"{self.depth_cm:g}cm", self.width - 56, self.height - 16, 170.0)
        # Orientation marker on the left of the footprint, as on a real scanner.
        mx = int(self.ax - self.r0 * s * 0.4 - 95)
        img[8:14, mx : mx + 6] = 200.0

    def calibration(self) -> dict[str, float]:
        return {
            "pixels_per_cm": self.ppcm,
            "x_cm_per_pixel": 1 / self.ppcm,
            "y_cm_per_pixel": 1 / self.ppcm,
            "depth_cm": self.depth_cm,
            "skin_line_y": 10.0,
            "apex": [self.ax, self.ay],
            "skin_radius_px": self.r0,
            "half_angle_deg": math.degrees(self.ha),
        }

    def describe(self) -> dict[str, object]:
        return {"type": "sector", **self.calibration()}


class Linear:
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
        self.width, self.height, self.ppcm, self.depth_cm = width, height, ppcm, depth_cm
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
        draw_text(img, f"{self.depth_cm:g}cm", self.width - 56, self.height - 16, 170.0)
        img[self.y0 - 6 : self.y0 - 1, self.x0 : self.x0 + 6] = 200.0

    def calibration(self) -> dict[str, float]:
        return {
            "pixels_per_cm": self.ppcm,
            "x_cm_per_pixel": 1 / self.ppcm,
            "y_cm_per_pixel": 1 / self.ppcm,
            "depth_cm": self.depth_cm,
            "skin_line_y": float(self.y0),
        }

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


# --------------------------------------------------------------------------- speech


@dataclass(frozen=True)
class Line:
    spoken: str
    caption: str
    voice: tuple[str, int, int] = NARRATOR_VOICE
    at: float | None = None  # fixed start time; None follows the previous line


def synth(text: str, voice: tuple[str, int, int], work: Path) -> tuple[np.ndarray, int]:
    """One utterance as int16 samples, its leading and trailing silence trimmed."""
    wav = work / f"u{hashlib.sha1((text + repr(voice)).encode()).hexdigest()[:10]}.wav"
    name, wpm, pitch = voice
    run(["espeak-ng", "-v", name, "-s", str(wpm), "-p", str(pitch), "-w", str(wav), text])
    with wave.open(str(wav)) as wf:
        rate = wf.getframerate()
        pcm = np.frombuffer(wf.readframes(wf.getnframes()), dtype=np.int16)
    loud = np.nonzero(np.abs(pcm.astype(np.int32)) > 300)[0]
    return pcm[loud[0] : loud[-1] + 1], rate


def build_speech(
    lines: list[Line], work: Path, lead: float = 0.4, gap: float = 0.45, total: float | None = None
) -> tuple[np.ndarray, int, list[dict[str, object]]]:
    """Concatenate utterances with pauses; cue times are exact sample positions."""
    parts = [synth(ln.spoken, ln.voice, work) for ln in lines]
    rate = parts[0][1]
    cues, t = [], lead
    for ln, (pcm, r) in zip(lines, parts, strict=True):
        if r != rate:
            sys.exit("espeak-ng produced mixed sample rates")
        start = ln.at if ln.at is not None else t
        if start < t - 1e-9:
            sys.exit(f"line {ln.caption!r} would overlap the one before it")
        start = round(start * rate) / rate
        end = start + len(pcm) / rate
        cues.append({"start": start, "end": end, "text": ln.caption, "pcm": pcm})
        t = end + gap
    # A 2 s tail of silence: a checkpoint after the last words stays clear of the end,
    # which libvlc reports up to ~1 s early for audio without a sound card.
    length = t - gap + 2.0
    if total is not None:
        if t - gap + 0.6 > total:
            sys.exit(f"speech runs {t - gap + 0.6:.2f} s, longer than {total} s")
        length = total
    audio = np.zeros(round(length * rate), dtype=np.int16)
    for cue in cues:
        pcm = cue.pop("pcm")
        i = round(cue["start"] * rate)
        audio[i : i + len(pcm)] = pcm
    for cue in cues:
        cue["start"], cue["end"] = round(cue["start"], 3), round(cue["end"], 3)
    return audio, rate, cues


def write_wav(path: Path, pcm: np.ndarray, rate: int) -> None:
    with wave.open(str(path), "wb") as wf:
        wf.setnchannels(1)
        wf.setsampwidth(2)
        wf.setframerate(rate)
        wf.writeframes(pcm.tobytes())


def vtt_time(t: float) -> str:
    ms = round(t * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def write_vtt(path: Path, cues: list[dict[str, object]]) -> None:
    out = ["WEBVTT", ""]
    for i, cue in enumerate(cues, 1):
        out += [
            str(i),
            f"{vtt_time(cue['start'])} --> {vtt_time(cue['end'])}",
            str(cue["text"]),
            "",
        ]
    path.write_text("\n".join(out), encoding="utf-8")


def narration(folder: Path, lines: list[Line], work: Path) -> list[dict[str, object]]:
    audio, rate, cues = build_speech(lines, work)
    wav = work / f"{folder.name}-intro.wav"
    write_wav(wav, audio, rate)
    run(
        [
            "ffmpeg",
            "-y",
            "-v",
            "error",
            "-i",
            str(wav),
            "-c:a",
            "libopus",
            "-b:a",
            "20k",
            "-ac",
            "1",
            "-application",
            "voip",
            "-fflags",
            "+bitexact",
            "-flags",
            "+bitexact",
            "-map_metadata",
            "-1",
            str(folder / "intro.ogg"),
        ]
    )
    write_vtt(folder / "intro.vtt", cues)
    return cues


FAST_INTRO = [
    Line(
        "A 34-year-old man is brought in after a high-speed motorcycle collision.",
        "A 34-year-old man is brought in after a high-speed motorcycle collision.",
    ),
    Line(
        "He was the rider, and was thrown several metres from the bike.",
        "He was the rider, and was thrown several metres from the bike.",
    ),
    Line(
        "On arrival, his blood pressure is 84 over 50, and his heart rate is 128.",
        "On arrival, his blood pressure is 84/50, and his heart rate is 128.",
    ),
    Line("His Glasgow Coma Scale score is 14.", "His Glasgow Coma Scale score is 14."),
    Line(
        "His abdomen is tender in all four quadrants.",
        "His abdomen is tender in all four quadrants.",
    ),
    Line("You are asked to perform a FAST exam.", "You are asked to perform a FAST exam."),
]
LUNG_INTRO = [
    Line(
        "A 67-year-old woman becomes suddenly short of breath,",
        "A 67-year-old woman becomes suddenly short of breath,",
    ),
    Line(
        "minutes after a central venous line is placed in her right subclavian vein.",
        "minutes after a central venous line is placed in her right subclavian vein.",
    ),
    Line(
        "Her oxygen saturation is 86 percent, and her respiratory rate is 30.",
        "Her SpO2 is 86 %, and her respiratory rate is 30.",
    ),
    Line(
        "She is anxious, and can only speak in short phrases.",
        "She is anxious, and can only speak in short phrases.",
    ),
    Line(
        "You place a linear probe on the front of her chest.",
        "You place a linear probe on the front of her chest.",
    ),
]
CARDIAC_INTRO = [
    Line(
        "A 52-year-old man presents with worsening shortness of breath.",
        "A 52-year-old man presents with worsening shortness of breath.",
    ),
    Line(
        "Two weeks ago, he had a viral illness with fever and a sore throat.",
        "Two weeks ago, he had a viral illness with fever and a sore throat.",
    ),
    Line("His blood pressure is 86 over 58.", "His blood pressure is 86/58."),
    Line(
        "His heart sounds are muffled, and his neck veins are distended.",
        "His heart sounds are muffled, and his neck veins are distended.",
    ),
    Line("You perform a focused cardiac ultrasound.", "You perform a focused cardiac ultrasound."),
]
ENCOUNTER = [
    Line(
        "Thirty four year old rider, high speed crash.",
        "Doctor: 34-year-old rider, high-speed crash.",
        DOCTOR_VOICE,
        0.4,
    ),
    Line(
        "Heart rate's climbing. He's getting pale.",
        "Nurse: Heart rate's climbing. He's getting pale.",
        NURSE_VOICE,
    ),
    Line("Pressure's down to 78 over 44.", "Nurse: Pressure's down to 78/44.", NURSE_VOICE, 8.1),
    Line(
        "Get the ultrasound. We'll do a FAST.",
        "Doctor: Get the ultrasound. We'll do a FAST.",
        DOCTOR_VOICE_QUICK,
    ),
]
ENCOUNTER_S = 14.0
BP_DROP_S = 8.0


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


# --------------------------------------------------------------------------- main


def build(out: Path, work: Path) -> dict[str, object]:
    for sub in ("fast", "lung", "cardiac"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    files: dict[str, dict[str, object]] = {}
    to_u8 = lambda f: np.clip(np.round(f), 0, 255).astype(np.uint8)  # noqa: E731

    # FAST --------------------------------------------------------------
    n = 90
    print("fast: narration, encounter")
    files["fast/intro.ogg"] = {
        "kind": "narration",
        "captions": "fast/intro.vtt",
        "cues": narration(out / "fast", FAST_INTRO, work),
    }
    audio, rate, cues = build_speech(ENCOUNTER, work, total=ENCOUNTER_S)
    wav = work / "encounter.wav"
    write_wav(wav, audio, rate)
    write_vtt(out / "fast" / "encounter.vtt", cues)
    encode_video(
        out / "fast" / "encounter.mp4",
        encounter_frames(int(ENCOUNTER_S * FPS)),
        (640, 360),
        "rgb24",
        audio=wav,
        vfilter=monitor_filter(),
        crf=30,
    )
    files["fast/encounter.mp4"] = {
        "kind": "video",
        "captions": "fast/encounter.vtt",
        "cues": cues,
        "events": {"bp_drops_to_78_44_at_s": BP_DROP_S, "bp_drop_frame": int(BP_DROP_S * FPS)},
    }

    print("fast: ruq")
    check_inside(SEC, "ruq fluid", RUQ_FLUID)
    check_liver(RUQ_SHIFT, n)
    frames = breathing_cine("ruq", ruq_scene, 101, n, RUQ_SHIFT)
    write_png(out / "fast" / "ruq-fluid.png", to_u8(frames[0]))
    encode_video(out / "fast" / "ruq-fluid.mp4", (to_u8(f) for f in frames), (480, 360))
    kid = RUQ_KIDNEY.polygon(40)
    ruq_geom = {
        "probe": SEC.describe(),
        "morison_fluid": {**motion_regions(RUQ_FLUID, RUQ_SHIFT, n), "visible_frames": [0, n - 1]},
        "kidney": {
            **motion_regions(kid, RUQ_SHIFT, n),
            "ellipse_frame0": {
                "cx": RUQ_KIDNEY.cx,
                "cy": RUQ_KIDNEY.cy,
                "a": RUQ_KIDNEY.a,
                "b": RUQ_KIDNEY.b,
                "angle_deg": RUQ_KIDNEY.angle_deg,
            },
        },
        "liver": motion_regions(RUQ_LIVER, RUQ_SHIFT, n),
    }
    files["fast/ruq-fluid.png"] = {
        "kind": "still",
        "calibration": SEC.calibration(),
        "source": "fast/ruq-fluid.mp4 frame 0",
        "regions": {"morison_fluid": rnd(RUQ_FLUID), "kidney": rnd(kid), "liver": rnd(RUQ_LIVER)},
    }
    files["fast/ruq-fluid.mp4"] = {
        "kind": "cine",
        "calibration": SEC.calibration(),
        "loop": True,
        "regions": ruq_geom,
    }

    print("fast: luq")
    frames = breathing_cine("luq", luq_scene, 202, n, LUQ_SHIFT)
    encode_video(out / "fast" / "luq-normal.mp4", (to_u8(f) for f in frames), (480, 360))
    files["fast/luq-normal.mp4"] = {
        "kind": "cine",
        "calibration": SEC.calibration(),
        "loop": True,
        "regions": {
            "probe": SEC.describe(),
            "spleen": motion_regions(LUQ_SPLEEN, LUQ_SHIFT, n),
            "kidney": motion_regions(LUQ_KIDNEY.polygon(40), LUQ_SHIFT, n),
            "free_fluid": None,
        },
    }

    print("fast: subxiphoid")
    beats = 6  # 120/min in a shocked patient: six beats in the 3 s loop
    frames = heart_cine(FAST_HEART, n, beats, 303)
    encode_video(out / "fast" / "subxiphoid-normal.mp4", (to_u8(f) for f in frames), (480, 360))
    files["fast/subxiphoid-normal.mp4"] = {
        "kind": "cine",
        "calibration": SEC.calibration(),
        "loop": True,
        "regions": {
            "probe": SEC.describe(),
            "heart_rate_per_min": beats * 60 * FPS / n,
            "beats_in_loop": beats,
            "heart": rnd(FAST_HEART.epi(1.0).polygon(40)),
            "pericardial_effusion": None,
        },
    }

    print("fast: pelvis")
    check_inside(SEC, "pelvis fluid", PELVIS_FLUID)
    frames = breathing_cine("pelvis", pelvis_scene, 404, n, PELVIS_SHIFT)
    encode_video(out / "fast" / "pelvis-fluid.mp4", (to_u8(f) for f in frames), (480, 360))
    files["fast/pelvis-fluid.mp4"] = {
        "kind": "cine",
        "calibration": SEC.calibration(),
        "loop": True,
        "regions": {
            "probe": SEC.describe(),
            "free_fluid": {
                **motion_regions(PELVIS_FLUID, PELVIS_SHIFT, n),
                "visible_frames": [0, n - 1],
            },
            "bladder": motion_regions(BLADDER.polygon(40), PELVIS_SHIFT, n),
        },
    }

    # Lung --------------------------------------------------------------
    print("lung")
    files["lung/intro.ogg"] = {
        "kind": "narration",
        "captions": "lung/intro.vtt",
        "cues": narration(out / "lung", LUNG_INTRO, work),
    }
    lung_geom = {
        "probe": LIN.describe(),
        "pleural_line_y": PLEURA_Y,
        "pleural_line_x_range": [LIN.x0 + 56, LIN.x1 - 56],
        "ribs": [{"cx": rx, "top_y": RIB_TOP} for rx in RIBS],
        "a_line_y": [LIN.y0 + (PLEURA_Y - LIN.y0) * m for m in (2, 3, 4)],
    }
    for name, bl, seed in (("a-lines", False, 505), ("b-lines", True, 606)):
        frames = lung_cine(bl, n, seed)
        encode_video(out / "lung" / f"{name}.mp4", (to_u8(f) for f in frames), (480, 360))
        g = dict(lung_geom)
        if bl:
            g.pop("a_line_y")
            g["b_line_x_frame0"] = list(BLINE_X)
            g["b_line_x_offset_per_frame"] = [
                round(SLIDE * math.sin(2 * math.pi * k / n), 3) for k in range(n)
            ]
        files[f"lung/{name}.mp4"] = {
            "kind": "cine",
            "calibration": LIN.calibration(),
            "loop": True,
            "regions": g,
        }
    mm_cal = {
        "y_cm_per_pixel": 1 / LIN.ppcm,
        "x_s_per_pixel": MM_S_PER_PX,
        "x_cm_per_pixel": None,
        "pixels_per_cm": LIN.ppcm,
        "skin_line_y": LIN.y0,
    }
    for name, bc, seed in (("mmode-seashore", False, 707), ("mmode-barcode", True, 808)):
        write_png(out / "lung" / f"{name}.png", to_u8(mmode(bc, seed)))
        files[f"lung/{name}.png"] = {
            "kind": "still",
            "calibration": mm_cal,
            "regions": {
                "pleural_line_y": MM_PLEURA_Y,
                "pleural_line_x_range": [0, MM_DATA_W - 1],
                "strip_x_range": [0, MM_DATA_W - 1],
                "below_pleura": "horizontal lines (barcode)" if bc else "granular (seashore)",
                "below_pleura_rect": [0, MM_PLEURA_Y + 4, MM_DATA_W, MM_H - MM_PLEURA_Y - 4],
                "chest_wall_rect": [0, LIN.y0, MM_DATA_W, MM_PLEURA_Y - 4 - LIN.y0],
            },
        }

    # Cardiac -----------------------------------------------------------
    print("cardiac")
    files["cardiac/intro.ogg"] = {
        "kind": "narration",
        "captions": "cardiac/intro.vtt",
        "cues": narration(out / "cardiac", CARDIAC_INTRO, work),
    }
    n_c, beats_c = 96, 4  # 75/min: four beats in 3.2 s
    frames = heart_cine(EFF_HEART, n_c, beats_c, 909)
    encode_video(
        out / "cardiac" / "subxiphoid-effusion.mp4", (to_u8(f) for f in frames), (480, 360)
    )
    h = EFF_HEART
    # Fluid in every frame: inside the smallest pericardium, outside the largest heart.
    always_out, always_in = h.peri(1 - PERI_SQUEEZE), h.epi(1.0)
    any_out, any_in = h.peri(1.0), h.epi(1 - EPI_SQUEEZE)
    check_inside(SEC, "effusion", any_out.polygon(48))
    files["cardiac/subxiphoid-effusion.mp4"] = {
        "kind": "cine",
        "calibration": SEC.calibration(),
        "loop": True,
        "regions": {
            "probe": SEC.describe(),
            "heart_rate_per_min": beats_c * 60 * FPS / n_c,
            "beats_in_loop": beats_c,
            "effusion_all_frames": rnd(ring(always_out, always_in.scaled(1.0), 48)),
            "effusion_envelope": rnd(ring(any_out, any_in, 48)),
            "effusion_anterior_all_frames": rnd(
                arc_band(always_out, always_in, math.radians(200), math.radians(340))
            ),
            "effusion_posterior_all_frames": rnd(
                arc_band(always_out, always_in, math.radians(20), math.radians(160))
            ),
            "effusion_width_cm_diastole": round(h.effusion / SEC.ppcm, 2),
            "heart_end_diastole": rnd(h.epi(1.0).polygon(40)),
            "pericardium_end_diastole": rnd(h.peri(1.0).polygon(40)),
        },
    }

    g = ivc_geometry()
    write_png(out / "cardiac" / "ivc.png", to_u8(ivc_still(1010)))
    p1, p2 = g["p1"], g["p2"]
    dist_cm = float(np.hypot(*(p2 - p1))) / SEC.ppcm
    files["cardiac/ivc.png"] = {
        "kind": "still",
        "calibration": SEC.calibration(),
        "regions": {
            "ivc_diameter_endpoints": [
                [round(float(v), 2) for v in p1],
                [round(float(v), 2) for v in p2],
            ],
            "ivc_diameter_cm": round(dist_cm, 3),
            "measurement_point": [round(float(v), 2) for v in g["mid"]],
            "measurement_distance_from_ra_junction_cm": 2.0,
            "ra_junction_point": [float(v) for v in IVC_J],
            "ivc_axis_direction": [round(float(v), 5) for v in g["d"]],
            "ivc_lumen": rnd(g["tube"]),
            "right_atrium": rnd(RA.polygon(40)),
        },
    }

    # Probe every file; shared fields first so the manifest reads top-down.
    total = 0
    manifest_files = {}
    for rel, meta in sorted(files.items()):
        path = out / rel
        info: dict[str, object] = {"kind": meta["kind"]}
        if path.suffix == ".png":
            w, hh = struct.unpack(">II", path.read_bytes()[16:24])
            info.update(duration_s=None, frame_rate=None, frame_count=1, width=w, height=hh)
        else:
            info.update(probe(path))
        info["bytes"] = path.stat().st_size
        info["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        info.update({k: v for k, v in meta.items() if k != "kind"})
        manifest_files[rel] = info
        total += info["bytes"]
    for rel in sorted(p.relative_to(out).as_posix() for p in out.rglob("*.vtt")):
        manifest_files[rel] = {
            "kind": "captions",
            "bytes": (out / rel).stat().st_size,
            "sha256": hashlib.sha256((out / rel).read_bytes()).hexdigest(),
        }
        total += manifest_files[rel]["bytes"]
    return {
        "generator": "assets/make_demo_media.py",
        "frame_rate": FPS,
        "conventions": {
            "coordinates": "image pixels, origin top-left, x right, y down",
            "frames": "0-based; frame k spans [k/fps, (k+1)/fps); visible_frames is inclusive",
            "polygon_frame0": "the region as drawn in frame 0 (and in the matching still)",
            "offset_px_per_frame": "[dx, dy] to add to polygon_frame0 for frame k",
            "polygon_all_frames": "covers the moving region in every frame of the loop",
            "effusion_all_frames": "pericardial fluid in every frame (always anechoic)",
            "effusion_envelope": "everywhere the fluid is in at least one frame",
            "ring polygons": "one polygon with a zero-width slit; even-odd fill",
            "calibration": "pixels_per_cm is isotropic; M-mode x is time (x_s_per_pixel)",
        },
        "total_bytes_excluding_manifest": total,
        "files": manifest_files,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MEDIA, help="output folder")
    args = parser.parse_args()
    for tool in ("ffmpeg", "ffprobe", "espeak-ng"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed but was not found on PATH")
    with tempfile.TemporaryDirectory() as tmp:
        manifest = build(args.out, Path(tmp))
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(
        f"wrote {len(manifest['files'])} files, {manifest['total_bytes_excluding_manifest']} bytes"
    )


if __name__ == "__main__":
    main()
