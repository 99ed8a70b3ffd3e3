"""What the case model says about its media without looking at the files."""

from __future__ import annotations

from pathlib import Path

import pytest

from pocus_player.core.model import MediaItem, MediaKind


@pytest.mark.parametrize(
    ("kind", "name", "frame_rate", "picture"),
    [
        (MediaKind.STILL, "ruq.png", None, True),
        (MediaKind.STILL, "ruq.gif", None, True),
        (MediaKind.MMODE, "strip.PNG", None, True),  # an M-mode strip saved as a picture
        (MediaKind.MMODE, "strip.jpeg", None, True),
        (MediaKind.MMODE, "strip.mp4", 30.0, False),
        (MediaKind.CINE, "loop.gif", 10.0, False),  # animated: the probe gave a frame rate
        (MediaKind.CINE, "one-frame.gif", None, True),  # a single-frame GIF
        (MediaKind.CINE, "loop.mp4", None, False),
        (MediaKind.NARRATION, "intro.ogg", None, False),
    ],
)
def test_is_picture(kind: MediaKind, name: str, frame_rate: float | None, picture: bool) -> None:
    item = MediaItem("m", kind, Path("/content") / name, frame_rate=frame_rate)
    assert item.is_picture is picture
