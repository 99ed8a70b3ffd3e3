"""The probe facts a sealed package carries per clip, measured with libvlc at build time.

Callback media cannot be parsed by libvlc, so what the engine would otherwise learn
from the file (sample aspect ratio, GIF picture timings, MPEG first-frame
fingerprints) is measured here and stored in the manifest.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pocus_player.core.media_info import MediaInfo, MediaProbe, MediaProbeError
from pocus_player.media.first_frames import first_frame_prints
from pocus_player.media.probe import VlcMediaProbe


def facts_from(probe: MediaProbe) -> Callable[[Path, MediaInfo], Mapping[str, Any]] | None:
    if not isinstance(probe, VlcMediaProbe):
        return None

    def facts(path: Path, info: MediaInfo) -> Mapping[str, Any]:
        try:
            _, sar = probe.probe_full(path)
        except MediaProbeError:
            sar = 1.0
        ticks = probe.gif_picture_ticks(path)
        prints: tuple[bytes, ...] = ()
        if info.has_video and info.width and info.height and not ticks:
            # Every clip's, not only MPEG streams': a start from memory is then numbered
            # by content too, should libvlc drop or repeat its first picture.
            prints = first_frame_prints(probe.runtime.instance, path, info.width, info.height)
        return {
            "sar": sar,
            "gif_ticks": list(ticks) if ticks else None,
            "first_frame_prints": [base64.b64encode(p).decode("ascii") for p in prints],
        }

    return facts
