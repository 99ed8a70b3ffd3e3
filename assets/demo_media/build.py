"""Makes every kind of demo media and the manifest that describes it."""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import shutil
import struct
import sys
import tempfile
from pathlib import Path

import numpy as np

from .abdomen import (
    BLADDER,
    LUQ_KIDNEY,
    LUQ_SHIFT,
    LUQ_SPLEEN,
    PELVIS_FLUID,
    PELVIS_SHIFT,
    RUQ_FLUID,
    RUQ_KIDNEY,
    RUQ_LIVER,
    RUQ_SHIFT,
    breathing_cine,
    luq_scene,
    pelvis_scene,
    ruq_scene,
)
from .checks import check_inside, check_liver, motion_regions
from .common import FPS, MEDIA, encode_video, probe, write_png
from .drawing import SEC, rnd
from .encounter import encounter_frames, monitor_filter
from .heart import EFF_HEART, EPI_SQUEEZE, FAST_HEART, PERI_SQUEEZE, arc_band, heart_cine, ring
from .ivc import IVC_J, RA, ivc_geometry, ivc_still
from .lung import (
    BLINE_X,
    LIN,
    MM_DATA_W,
    MM_H,
    MM_PLEURA_Y,
    MM_S_PER_PX,
    PLEURA_Y,
    RIB_TOP,
    RIBS,
    SLIDE,
    lung_cine,
    mmode,
)
from .speech import (
    BP_DROP_S,
    CARDIAC_INTRO,
    ENCOUNTER,
    ENCOUNTER_S,
    FAST_INTRO,
    LUNG_INTRO,
    build_speech,
    narration,
    write_vtt,
    write_wav,
)

Files = dict[str, dict[str, object]]  # path under the media folder -> what the manifest says
N_FAST = 90  # frames of every FAST and lung loop (3 s at 30 fps)


def to_u8(f: np.ndarray) -> np.ndarray:
    return np.clip(np.round(f), 0, 255).astype(np.uint8)


def make_fast_speech(out: Path, work: Path, files: Files) -> None:
    """The FAST case's narration and its patient-encounter video (with its dialogue)."""
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


def make_fast_cines(out: Path, files: Files) -> None:
    """The FAST views as breathing (or beating) loops, and the RUQ still."""
    n = N_FAST
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


def make_lung(out: Path, work: Path, files: Files) -> None:
    """The lung case: its narration, the A- and B-line loops and the two M-mode strips."""
    n = N_FAST
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


def make_cardiac(out: Path, work: Path, files: Files) -> None:
    """The cardiac case: its narration, the effusion loop and the IVC still."""
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


def describe(out: Path, files: Files) -> dict[str, object]:
    """The manifest: every file probed, with its size, digest and what the generators said of it."""
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


def build(out: Path, work: Path) -> dict[str, object]:
    """Make every kind of demo media under `out` (scratch files in `work`); return the manifest."""
    for sub in ("fast", "lung", "cardiac"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    files: Files = {}
    make_fast_speech(out, work, files)
    make_fast_cines(out, files)
    make_lung(out, work, files)
    make_cardiac(out, work, files)
    return describe(out, files)


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Render the demo media and manifest under assets/media/."
    )
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
