"""Clips played from a sealed package's memory through libvlc's callback media: the same exact
checkpoints as from a file, facts from the manifest, and the bytes wiped after stop."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pocus_player.core.model import Checkpoint
from pocus_player.core.package import content
from pocus_player.core.package.builder import BuildOptions, ExamSpec, build_package
from pocus_player.media import memory_media
from pocus_player.media.engine import MediaEngine, State
from pocus_player.media.package_facts import facts_from
from pocus_player.media.probe import VlcMediaProbe
from tests.media.media_fixtures import load, shown_number

CASE = """\
schema_version: 1
case:
  id: sealed-clip
  title: Sealed clip
  clinical_area: other
  version: "1"
  authors: [tests]
  estimated_minutes: 1
  domains: [{id: d, title: D}]
settings: {time_limit: "05:00", pass_mark: 50}
media: [{id: clip, kind: cine, file: clip.mp4, loop: false}]
steps:
  - id: s1
    type: segment
    media: clip
    checkpoints:
      - {id: c1, frame: 37, questions: [q1]}
questions:
  - {id: q1, type: single_best_answer, stem: Pick b, points: 1, domain: d, rationale: b,
     options: [{id: a, text: A}, {id: b, text: B}], key: b}
"""


@pytest.fixture
def sealed_clip(tmp_path: Path, media_files: dict[str, Path], vlc_instance):  # type: ignore[no-untyped-def]
    shutil.copy(media_files["pattern30"], tmp_path / "clip.mp4")
    (tmp_path / "case.yaml").write_text(CASE, encoding="utf-8")
    probe = VlcMediaProbe(vlc_instance)
    out = tmp_path / "clip.pocusexam"
    build_package(
        ExamSpec("x", "x", "1", (tmp_path / "case.yaml",)),
        out,
        probe,
        BuildOptions(passphrase="p"),
        facts_from(probe),
    )
    pkg = content.open_package(out, passphrase="p", require_signature=False)
    (case,) = content.load_cases(pkg)
    content.register(pkg)
    yield case.media_by_id("clip").file
    content.unregister(pkg)


def test_checkpoints_from_memory_stop_on_the_authored_frame(
    qtbot, media_engine: MediaEngine, sealed_clip: Path
) -> None:
    assert not sealed_clip.exists() and memory_media.is_sealed(sealed_clip)
    frames = [12, 37, 61, 100, 150, 201]
    checkpoints = [Checkpoint(f"c{f}", time_s=None, frame=f, questions=("q",)) for f in frames]
    stops: list[tuple[int, int]] = []

    def on_checkpoint(_cid: str, frame: int) -> None:
        stops.append((frame, shown_number(media_engine)))
        media_engine.play()

    media_engine.checkpoint_reached.connect(on_checkpoint)
    load(qtbot, media_engine, sealed_clip, checkpoints=checkpoints)
    loaded = media_engine.media
    assert loaded is not None and loaded.frame_rate == 30.0 and loaded.frame_count == 240
    with qtbot.waitSignal(media_engine.ended, timeout=30_000):
        pass
    assert [f for f, _ in stops] == frames
    assert sum(shown == f for f, shown in stops) >= len(frames) - 1, stops
    assert memory_media.live_sources() == 1


def test_memory_is_wiped_once_the_player_has_stopped(
    qtbot,
    vlc_instance,
    qapp,
    sealed_clip: Path,  # type: ignore[no-untyped-def]
) -> None:
    engine = MediaEngine(vlc_instance, audio_output="adummy")
    load(qtbot, engine, sealed_clip)
    qtbot.waitUntil(
        lambda: engine.state is State.PLAYING and engine.current_frame > 5, timeout=10_000
    )
    handles = list(memory_media._owned.get(id(engine._driver), []))  # the driver owns them
    (source,) = [memory_media._sources[h] for h in handles]
    data = source.data
    assert any(data[:4096])
    engine.close()
    assert memory_media.live_sources() == 0 and not any(data)
