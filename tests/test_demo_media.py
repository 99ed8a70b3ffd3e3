"""The demo media on disk match assets/media/manifest.json, and its geometry matches the pixels."""

from __future__ import annotations

import hashlib
import json
import math
import shutil
import subprocess
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import webvtt

MEDIA = Path(__file__).resolve().parent.parent / "assets" / "media"
BUDGET_BYTES = 4 * 1024 * 1024


@cache
def manifest() -> dict:
    return json.loads((MEDIA / "manifest.json").read_text(encoding="utf-8"))


def entries(*kinds: str) -> list[str]:
    return [rel for rel, e in manifest()["files"].items() if not kinds or e["kind"] in kinds]


def ffprobe(path: Path) -> dict:
    if shutil.which("ffprobe") is None:
        pytest.fail("ffprobe is needed to check the demo media")
    out = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-count_frames",
            "-show_entries",
            "format=duration:stream=codec_type,width,height,r_frame_rate,nb_read_frames",
            "-of",
            "json",
            str(path),
        ],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    return json.loads(out)


def decode_gray(path: Path) -> np.ndarray:
    """All frames of a clip (or the one frame of a PNG) as uint8 greyscale, (n, h, w)."""
    info = ffprobe(path)
    video = next(s for s in info["streams"] if s["codec_type"] == "video")
    w, h = video["width"], video["height"]
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "rawvideo", "-pix_fmt", "gray", "-"],
        capture_output=True,
        check=True,
    ).stdout
    return np.frombuffer(raw, dtype=np.uint8).reshape(-1, h, w)


def polygon_mask(poly: list[list[float]], shape: tuple[int, int]) -> np.ndarray:
    """Even-odd fill of a polygon, sampled at pixel centres."""
    h, w = shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64) + 0.5
    inside = np.zeros(shape, dtype=bool)
    pts = np.asarray(poly, dtype=np.float64)
    for (ax, ay), (bx, by) in zip(pts, np.roll(pts, -1, axis=0), strict=True):
        if ay == by:
            continue
        inside ^= ((ay > yy) != (by > yy)) & (xx < (bx - ax) * (yy - ay) / (by - ay) + ax)
    return inside


def erode(mask: np.ndarray, steps: int) -> np.ndarray:
    """Shrink a mask by `steps` pixels, so the blurred outline is not sampled."""
    m = mask.copy()
    for _ in range(steps):
        m[1:-1, 1:-1] &= m[:-2, 1:-1] & m[2:, 1:-1] & m[1:-1, :-2] & m[1:-1, 2:]
        m[0, :] = m[-1, :] = m[:, 0] = m[:, -1] = False
    return m


def dilate(mask: np.ndarray, steps: int) -> np.ndarray:
    m = mask.copy()
    for _ in range(steps):
        grown = m.copy()
        grown[1:, :] |= m[:-1, :]
        grown[:-1, :] |= m[1:, :]
        grown[:, 1:] |= m[:, :-1]
        grown[:, :-1] |= m[:, 1:]
        m = grown
    return m


def vtt_seconds(stamp: str) -> float:
    hms, ms = stamp.split(".")
    h, m, s = (int(v) for v in hms.split(":"))
    return h * 3600 + m * 60 + s + int(ms) / 1000


def test_media_folder_holds_exactly_the_manifest_files_within_budget() -> None:
    on_disk = {p.relative_to(MEDIA).as_posix() for p in MEDIA.rglob("*") if p.is_file()}
    assert on_disk - {"manifest.json"} == set(manifest()["files"])
    total = sum((MEDIA / rel).stat().st_size for rel in on_disk)
    assert total < BUDGET_BYTES, f"assets/media is {total} bytes"


@pytest.mark.parametrize("rel", entries())
def test_file_bytes_and_hash_match_manifest(rel: str) -> None:
    entry = manifest()["files"][rel]
    data = (MEDIA / rel).read_bytes()
    assert len(data) == entry["bytes"]
    assert hashlib.sha256(data).hexdigest() == entry["sha256"]


@pytest.mark.parametrize("rel", entries("cine", "video", "narration"))
def test_timed_media_match_ffprobe(rel: str) -> None:
    entry = manifest()["files"][rel]
    info = ffprobe(MEDIA / rel)
    assert float(info["format"]["duration"]) == pytest.approx(entry["duration_s"], abs=0.01)
    kinds = {s["codec_type"] for s in info["streams"]}
    if entry["kind"] == "narration":
        assert kinds == {"audio"}
        return
    video = next(s for s in info["streams"] if s["codec_type"] == "video")
    assert (video["width"], video["height"]) == (entry["width"], entry["height"])
    num, den = (int(v) for v in video["r_frame_rate"].split("/"))
    assert num / den == pytest.approx(entry["frame_rate"]) == pytest.approx(30.0)
    assert int(video["nb_read_frames"]) == entry["frame_count"]
    assert entry["frame_count"] == round(entry["duration_s"] * entry["frame_rate"])
    if entry["kind"] == "video":
        assert "audio" in kinds, "the encounter video must carry its speech track"


@pytest.mark.parametrize("rel", entries("still"))
def test_still_size_matches_manifest(rel: str) -> None:
    entry = manifest()["files"][rel]
    frames = decode_gray(MEDIA / rel)
    assert frames.shape == (1, entry["height"], entry["width"])


@pytest.mark.parametrize("rel", [r for r in entries() if "captions" in manifest()["files"][r]])
def test_captions_parse_match_manifest_and_end_before_audio(rel: str) -> None:
    entry = manifest()["files"][rel]
    captions = webvtt.read(str(MEDIA / entry["captions"])).captions
    assert len(captions) == len(entry["cues"]) > 0
    previous_end = 0.0
    for cap, cue in zip(captions, entry["cues"], strict=True):
        start, end = vtt_seconds(cap.start), vtt_seconds(cap.end)
        assert (start, end) == (
            pytest.approx(cue["start"], abs=1e-3),
            pytest.approx(cue["end"], abs=1e-3),
        )
        assert cap.text == cue["text"]
        assert previous_end <= start < end
        previous_end = end
    audio_end = float(ffprobe(MEDIA / rel)["format"]["duration"])
    assert previous_end < audio_end


def test_morison_pouch_fluid_is_dark_and_liver_is_grey_on_the_still() -> None:
    entry = manifest()["files"]["fast/ruq-fluid.png"]
    img = decode_gray(MEDIA / "fast/ruq-fluid.png")[0]
    fluid = erode(polygon_mask(entry["regions"]["morison_fluid"], img.shape), 2)
    liver = erode(polygon_mask(entry["regions"]["liver"], img.shape), 2)
    assert fluid.sum() > 300 and liver.sum() > 3000
    assert img[fluid].mean() < 30
    assert 70 < img[liver].mean() < 200
    # The fluid stripe is darker than the rim of tissue just around it.
    whole = polygon_mask(entry["regions"]["morison_fluid"], img.shape)
    ring = dilate(whole, 7) & ~dilate(whole, 2)
    assert img[ring].mean() > img[fluid].mean() + 40


def test_morison_pouch_fluid_follows_the_breathing_offsets_in_every_frame() -> None:
    entry = manifest()["files"]["fast/ruq-fluid.mp4"]
    fluid = entry["regions"]["morison_fluid"]
    frames = decode_gray(MEDIA / "fast/ruq-fluid.mp4")
    first, last = fluid["visible_frames"]
    assert (first, last) == (0, len(frames) - 1)
    cover = polygon_mask(fluid["polygon_all_frames"], frames.shape[1:])
    for k, (dx, dy) in enumerate(fluid["offset_px_per_frame"]):
        moved = [[x + dx, y + dy] for x, y in fluid["polygon_frame0"]]
        mask = erode(polygon_mask(moved, frames.shape[1:]), 2)
        assert frames[k][mask].mean() < 35, f"frame {k}"
        assert not (mask & ~cover).any(), f"frame {k} leaves the all-frames polygon"


def test_pericardial_effusion_ring_is_anechoic_in_every_frame() -> None:
    entry = manifest()["files"]["cardiac/subxiphoid-effusion.mp4"]
    regions = entry["regions"]
    frames = decode_gray(MEDIA / "cardiac/subxiphoid-effusion.mp4")
    ring = erode(polygon_mask(regions["effusion_all_frames"], frames.shape[1:]), 2)
    assert ring.sum() > 2000
    for k, frame in enumerate(frames):
        assert frame[ring].mean() < 35, f"frame {k}"
    for part in ("effusion_anterior_all_frames", "effusion_posterior_all_frames"):
        band = polygon_mask(regions[part], frames.shape[1:])
        assert (band & ~polygon_mask(regions["effusion_envelope"], frames.shape[1:])).sum() == 0
    # Loops an integer number of beats at about 75 per minute.
    assert regions["heart_rate_per_min"] == pytest.approx(75, abs=5)
    assert len(frames) * regions["heart_rate_per_min"] / 60 / 30 == pytest.approx(
        regions["beats_in_loop"]
    )


def test_ivc_caliper_endpoints_span_the_dark_lumen_at_2_4_cm() -> None:
    entry = manifest()["files"]["cardiac/ivc.png"]
    regions, cal = entry["regions"], entry["calibration"]
    img = decode_gray(MEDIA / "cardiac/ivc.png")[0].astype(float)
    (x1, y1), (x2, y2) = regions["ivc_diameter_endpoints"]
    length_px = math.hypot(x2 - x1, y2 - y1)
    assert length_px * cal["x_cm_per_pixel"] == pytest.approx(2.4, abs=0.01)
    # The caliper line is perpendicular to the vessel axis.
    ax, ay = regions["ivc_axis_direction"]
    assert abs((x2 - x1) * ax + (y2 - y1) * ay) / length_px < 1e-3
    ux, uy = (x2 - x1) / length_px, (y2 - y1) / length_px

    def mean_at(px: float, py: float) -> float:
        return float(img[round(py) - 1 : round(py) + 2, round(px) - 1 : round(px) + 2].mean())

    inner = [mean_at(x1 + ux * t, y1 + uy * t) for t in np.linspace(4, length_px - 4, 9)]
    assert max(inner) < 40
    # The bright walls sit just outside both endpoints.
    assert mean_at(x1 - 2 * ux, y1 - 2 * uy) > 90
    assert mean_at(x2 + 2 * ux, y2 + 2 * uy) > 90
    junction = regions["ra_junction_point"]
    mx, my = regions["measurement_point"]
    assert math.hypot(mx - junction[0], my - junction[1]) * cal["x_cm_per_pixel"] == (
        pytest.approx(2.0, abs=0.01)
    )


@pytest.mark.parametrize("rel", ["lung/mmode-seashore.png", "lung/mmode-barcode.png"])
def test_mmode_pleural_line_is_the_bright_row(rel: str) -> None:
    entry = manifest()["files"][rel]
    img = decode_gray(MEDIA / rel)[0].astype(float)
    y = round(entry["regions"]["pleural_line_y"])
    x0, x1 = entry["regions"]["pleural_line_x_range"]
    rows = img[:, x0 : x1 + 1].mean(axis=1)
    assert rows[y] > rows[y - 8 : y - 3].max() + 30
    assert rows[y] > rows[y + 4 : y + 40].max() + 30


def test_mmode_signs_differ_below_the_pleura() -> None:
    """Seashore: grain varies along time. Barcode: each depth row is nearly constant in time."""
    spread = {}
    for rel in ("lung/mmode-seashore.png", "lung/mmode-barcode.png"):
        entry = manifest()["files"][rel]
        img = decode_gray(MEDIA / rel)[0].astype(float)
        y = round(entry["regions"]["pleural_line_y"])
        x0, x1 = entry["regions"]["strip_x_range"]
        below = img[y + 10 : y + 150, x0 : x1 + 1]
        spread[rel] = float((below.std(axis=1) / (below.mean(axis=1) + 1)).mean())
    assert spread["lung/mmode-seashore.png"] > 2 * spread["lung/mmode-barcode.png"]


def test_b_lines_are_bright_columns_and_a_lines_are_bright_rows() -> None:
    a_entry = manifest()["files"]["lung/a-lines.mp4"]["regions"]
    b_entry = manifest()["files"]["lung/b-lines.mp4"]["regions"]
    a = decode_gray(MEDIA / "lung/a-lines.mp4")[0].astype(float)
    b = decode_gray(MEDIA / "lung/b-lines.mp4")[0].astype(float)
    x0, x1 = a_entry["pleural_line_x_range"]
    for y in a_entry["a_line_y"][:2]:
        yi = round(y)
        assert a[yi, x0:x1].mean() > a[yi - 18 : yi - 10, x0:x1].mean() + 25
    deep = slice(round(b_entry["pleural_line_y"]) + 30, round(b_entry["pleural_line_y"]) + 200)
    for x in b_entry["b_line_x_frame0"]:
        xi = round(x + b_entry["b_line_x_offset_per_frame"][0])
        assert b[deep, xi].mean() > b[deep, xi + 12].mean() + 40


@pytest.mark.parametrize("rel", entries("cine"))
def test_cine_moves_and_loops_without_a_jump(rel: str) -> None:
    frames = decode_gray(MEDIA / rel).astype(np.int16)
    steps = [np.abs(frames[k + 1] - frames[k]).mean() for k in range(len(frames) - 1)]
    wrap = np.abs(frames[0] - frames[-1]).mean()
    excursion = max(np.abs(f - frames[0]).mean() for f in frames)
    # The last frame flows into the first no harder than any frame into the next ...
    assert wrap <= 1.5 * max(steps) + 0.5
    # ... and the loop really moves (breathing or beating), far more than one step.
    assert excursion > 1.8 * wrap
