"""Real-world clips stop on the exact picture, checked against ffmpeg's own decode.

Every clip of the fidelity corpus (variable rate, AVI at fractional rates, a
declared size other than the stream's, odd sizes, 4:4:4, 10-60 fps, a GIF with
mixed delays) and of the shared ultrasound corpus plays once, from the start,
through three checkpoints: one authored as a time in its middle, and in its last
second one authored as a frame number and one as a time. Frame N is the N-th
picture the file shows and a time the picture shown then, by ffprobe's
timestamps; the frozen picture must be that picture of ffmpeg's decode.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from pocus_player.core.model import Checkpoint
from pocus_player.media.engine import MediaEngine, State
from pocus_player.media.probe import VlcMediaProbe
from tests.media.fidelity_corpus import (
    CLIP_NAMES,
    ffprobe_facts,
    picture_number,
    picture_numbers,
)
from tests.media.media_fixtures import (
    closest_reference,
    load,
    qimage_array,
    reference_frames,
)


@dataclass(frozen=True)
class Planned:
    checkpoint: Checkpoint
    picture: int  # the picture of ffmpeg's decode it must stop on


def plan(times: tuple[float, ...], duration_s: float, tick_rate: float | None) -> list[Planned]:
    """A time in the middle picture; a frame 0.8 s and a time 0.4 s before the end.

    `tick_rate`: a GIF's frames are ticks of this rate (else frames are pictures).
    """
    count = len(times)

    def inside(p: int) -> float:  # a time well inside picture p
        end = times[p + 1] if p + 1 < count else duration_s
        return round(times[p] + 0.5 * (end - times[p]), 4)

    def shown_at(t: float) -> int:
        return bisect.bisect_right(times, t + 1e-9) - 1

    mid = count // 2
    late_time = min(shown_at(duration_s - 0.4), count - 3)
    late_frame = min(shown_at(duration_s - 0.8), late_time - 1)
    frame = round(times[late_frame] * tick_rate) if tick_rate else late_frame
    return [
        Planned(Checkpoint("middle", inside(mid), None, ()), mid),
        Planned(Checkpoint("late-frame", None, frame, ()), late_frame),
        Planned(Checkpoint("late-time", inside(late_time), None, ()), late_time),
    ]


def play_through(
    qtbot, engine: MediaEngine, path: Path, planned: list[Planned], duration_s: float
) -> dict[str, np.ndarray]:  # type: ignore[no-untyped-def]
    """Play from the start through the checkpoints; the frozen picture at each (BGRX)."""
    frozen: dict[str, np.ndarray] = {}
    last = planned[-1].checkpoint.id

    def on_checkpoint(cid: str, _frame: int) -> None:
        frozen[cid] = qimage_array(engine.frozen_frame())
        if cid != last:
            QTimer.singleShot(30, engine.play)  # answered a moment later

    engine.checkpoint_reached.connect(on_checkpoint)
    load(qtbot, engine, path, checkpoints=[p.checkpoint for p in planned])
    qtbot.waitUntil(
        lambda: last in frozen or engine.state in (State.ENDED, State.ERROR),
        timeout=int(duration_s * 1000) + 20_000,
    )
    return frozen


@pytest.mark.parametrize("name", CLIP_NAMES)
def test_fidelity_clip_stops_on_the_exact_picture(
    qtbot, media_engine: MediaEngine, vlc_instance, fidelity_corpus, name: str
) -> None:  # type: ignore[no-untyped-def]
    clip, ref = next((c, r) for c, r in fidelity_corpus if c.name == name)
    numbers = picture_numbers(clip.path, ref.width, ref.height)
    assert len(numbers) == len(ref.frame_times)
    info = VlcMediaProbe(vlc_instance).probe(clip.path)
    tick_rate = info.frame_rate if info.frames_are_ticks else None
    planned = plan(ref.frame_times, ref.duration_s, tick_rate)
    frozen = play_through(qtbot, media_engine, clip.path, planned, ref.duration_s)
    wrong = []
    for p in planned:
        cid = p.checkpoint.id
        shown = picture_number(frozen[cid]) if cid in frozen else None
        if shown != numbers[p.picture]:
            got = numbers.index(shown) if shown in numbers else shown
            wrong.append(f"{cid}: picture {got}, expected {p.picture} ({p.checkpoint})")
    assert not wrong, wrong


def _corpus_ids():  # type: ignore[no-untyped-def]
    from tests.conftest import CORPUS
    from tests.media.media_fixtures import corpus_clips

    if not (CORPUS / "MANIFEST.tsv").is_file():
        return []
    return [c.path.name for c in corpus_clips(CORPUS)]


@pytest.mark.parametrize("name", _corpus_ids())
def test_corpus_clip_stops_on_the_reference_frame(
    qtbot, media_engine: MediaEngine, corpus_dir: Path, name: str
) -> None:  # type: ignore[no-untyped-def]
    from tests.media.media_fixtures import corpus_clips

    clip = next(c for c in corpus_clips(corpus_dir) if c.path.name == name)
    ref = ffprobe_facts(clip.path)
    assert len(ref.frame_times) == clip.frames
    planned = plan(ref.frame_times, ref.duration_s, None)
    frozen = play_through(qtbot, media_engine, clip.path, planned, ref.duration_s)
    media = media_engine.media
    assert media is not None
    assert media.frame_rate == pytest.approx(clip.fps, rel=0.005)
    assert media.info.duration_s == pytest.approx(
        clip.duration, abs=max(0.15, 0.02 * clip.duration)
    )
    assert (media.info.width, media.info.height) == (clip.width, clip.height)
    assert media.info.has_audio == clip.has_audio
    wrong = []
    for p in planned:
        cid = p.checkpoint.id
        if cid not in frozen:
            wrong.append(f"{cid}: not reached ({p.checkpoint})")
            continue
        refs = reference_frames(clip.path, p.picture - 3, p.picture + 3, clip.width, clip.height)
        image = frozen[cid]
        best, best_mad = closest_reference(image, refs)
        mad = float(np.abs(refs[p.picture][..., :3].astype(np.int16) - image[..., :3]).mean())
        # the frozen picture is the reference at the target (or indistinguishable from it)
        if not (mad <= best_mad + 1e-9 and mad < 2.0):
            wrong.append(f"{cid}: closest to picture {best}, expected {p.picture} ({mad:.2f})")
    assert not wrong, wrong
