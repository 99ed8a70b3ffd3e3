"""Loading a clip: the file checked, its facts read and libvlc opened on the worker, then set up.

Reading a file's facts and opening it in libvlc can block, so they run on the
driver's worker; the result comes back through the bridge, and a load that a
newer load, seek or stop has overtaken (another run) is dropped.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import SignalInstance

from pocus_player.core.media_info import MediaProbeError
from pocus_player.core.model import Checkpoint
from pocus_player.media import faults
from pocus_player.media.bridge import GuiBridge
from pocus_player.media.checkpoint_stops import CheckpointStops
from pocus_player.media.clip_facts import ClipFacts, read_clip_facts
from pocus_player.media.clock_watch import ClockWatch
from pocus_player.media.engine_api import CueTarget, EngineProbe, State
from pocus_player.media.playback import Playback
from pocus_player.media.vlc_driver import VlcDriver


class ClipLoader:
    """Loads one clip at a time; reports `media_loaded(LoadedMedia)` or a fault."""

    def __init__(
        self,
        playback: Playback,
        driver: VlcDriver,
        bridge: GuiBridge,
        stops: CheckpointStops,
        clock: ClockWatch,
        *,
        render: str,
        media_loaded: SignalInstance,
    ) -> None:
        self._playback = playback
        self._driver = driver
        self._bridge = bridge
        self._stops = stops
        self._clock = clock
        self._render = render
        self._media_loaded = media_loaded
        self._pending_checkpoints: tuple[Checkpoint | CueTarget, ...] = ()

    def load(
        self,
        path: Path,
        probe: EngineProbe,
        *,
        media_id: str | None,
        frame_rate: float | None,
        loop: bool,
        autoplay: bool,
        checkpoints: Iterable[Checkpoint | CueTarget],
    ) -> None:
        """Start loading `path` for a new run (the screen is already cleared)."""
        pb = self._playback
        run = pb.run
        pb.media = None
        pb.loop = loop
        pb.vlc_ended = False
        pb.vlc_started = autoplay
        self._pending_checkpoints = tuple(checkpoints)
        pb.loading_path = path
        missing = faults.missing_file(path)
        if missing is not None:
            pb.fault(missing)
            return
        pb.set_state(State.LOADING)
        mid = media_id or path.stem
        driver = self._driver

        def job() -> None:
            try:
                facts = read_clip_facts(
                    probe,
                    path,
                    media_id=mid,
                    authored_rate=frame_rate,
                    pictures=self._render == "frames",
                )
            except MediaProbeError as exc:
                failure = exc  # `exc` is cleared when the except block ends
                self._bridge.post(lambda: self._on_done(run, failure))
                return
            if run != pb.run:
                return
            driver.open(facts, run)
            self._bridge.post(lambda: self._on_done(run, facts))
            if autoplay:
                driver.start()

        driver.submit(job)

    def _on_done(self, run: int, result: ClipFacts | MediaProbeError) -> None:
        pb = self._playback
        if run != pb.run:
            return
        path = pb.loading_path or Path("?")
        if isinstance(result, MediaProbeError):
            pb.fault(faults.undecodable(path, result))
            return
        loaded = result.loaded
        pb.media = loaded
        self._clock.tune_for(loaded)
        self._stops.set(self._pending_checkpoints)
        self._pending_checkpoints = ()
        self._media_loaded.emit(loaded)
        if pb.vlc_started:
            pb.set_state(State.PLAYING)
            pb.anchor = None
            pb.clock.reset(time.monotonic())
            pb.clock_timer.start()
        else:
            pb.hold = -1
            pb.set_state(State.PAUSED)
