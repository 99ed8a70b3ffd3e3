"""Native rendering: the platform window libvlc draws into, and what a change of window needs.

libvlc reads the window only when it creates its video output, so when the
window changes while a clip is loaded the clip is restarted where it was: the
picture goes on in the new window from (about) that frame. (Switching the
video track off and on also makes a new output, but it shows grey pictures up
to the next keyframe, and a seek behind it while paused showed a picture ~20
frames on.)
"""

from __future__ import annotations

import time

from pocus_player.media.engine_api import State
from pocus_player.media.playback import Playback
from pocus_player.media.vlc_driver import VlcDriver


class NativeWindow:
    """The window libvlc draws into (`render="native"`); rebinding restarts the clip in place."""

    def __init__(self, playback: Playback, driver: VlcDriver) -> None:
        self._playback = playback
        self._driver = driver
        self._bound: int | None = None

    def bind(self, win_id: int) -> None:
        """Draw into this platform window (X11 window id on Linux)."""
        pb = self._playback
        wid = int(win_id)
        media = pb.media
        rebind = self._bound not in (None, wid) and media is not None and media.is_video
        self._bound = wid
        playing = pb.state == State.PLAYING
        # the start of the frame, rounded down: a seek shows the first picture at or after it
        held_ms = pb.timeline.frame_start_ms(pb.timeline.ms_to_frame(pb.position_ms()))
        # libvlc's own clock moves in 250 ms steps: the engine's estimate is finer
        asked_at = time.monotonic()
        driver = self._driver

        def job() -> None:
            driver.set_window(wid)
            if not rebind or not driver.is_open():
                return
            ms = held_ms
            if playing:
                ms += int((time.monotonic() - asked_at) * 1000)
            # Started paused with the seek queued behind the opening (as in
            # VlcDriver.start), the new output's first picture is the one at `ms`,
            # or with B-frames up to 4 frames before it (libvlc's precise seek
            # skips pictures by decoding order, measured on H.264).
            driver.restart_at(ms, play=playing)

        driver.submit(job)
