"""Render the demo ultrasound cines, stills, narrations and manifest under assets/media/.

The generators are the `demo_media` package beside this file, one module per kind.

Run from the repository root: `python assets/make_demo_media.py`. Needs numpy, ffmpeg,
ffprobe and espeak-ng. Every random field comes from a fixed seed and every encoder runs
bit-exact and single-threaded, so re-running reproduces the same bytes on the same tool
versions. The anatomy is drawn from polygons and ellipses in image pixels, and the very
same shapes are written to manifest.json, so hotspot regions and caliper endpoints match
what is on screen exactly.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the demo_media package beside this file

from demo_media.build import main

if __name__ == "__main__":
    main()
