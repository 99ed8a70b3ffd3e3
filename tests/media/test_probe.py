"""The libvlc media probe on real files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pocus_player.core.media_info import MediaProbeError
from pocus_player.media.probe import VlcMediaProbe, still_image_size
from tests.media.media_fixtures import corpus_clips


@pytest.fixture
def probe(vlc_instance) -> VlcMediaProbe:  # type: ignore[no-untyped-def]
    return VlcMediaProbe(vlc_instance)


def test_every_corpus_clip_matches_the_manifest(probe, corpus_dir):
    for clip in corpus_clips(corpus_dir):
        info = probe.probe(clip.path)
        assert info.has_video and info.has_audio == clip.has_audio, clip.path.name
        assert info.frame_rate == pytest.approx(clip.fps, rel=0.005), clip.path.name
        assert info.duration_s == pytest.approx(clip.duration, abs=max(0.15, 0.02 * clip.duration))
        assert (info.width, info.height) == (clip.width, clip.height)


def test_probe_is_fast_and_cached(probe, media_files):
    t0 = time.perf_counter()
    info = probe.probe(media_files["pattern30"])
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    assert probe.probe(media_files["pattern30"]) == info
    again = time.perf_counter() - t0
    assert first < 1.0 and again < 0.005
    assert (info.duration_s, info.frame_rate, info.width, info.height) == (8.0, 30.0, 320, 240)


def test_audio_only_and_formats(probe, media_files):
    n = probe.probe(media_files["narration"])
    assert (n.has_audio, n.has_video, n.frame_rate, n.width) == (True, False, None, None)
    assert n.duration_s == pytest.approx(3.0, abs=0.1)
    odd = probe.probe(media_files["odd_size"])
    assert (odd.width, odd.height) == (321, 241)
    assert odd.frame_rate == pytest.approx(30000 / 1001)
    assert probe.probe(media_files["avi_mpeg4"]).frame_rate == 25.0


def test_animated_gif_is_a_clip(probe, media_files):
    gif = probe.probe(media_files["gif"])
    assert (gif.duration_s, gif.frame_rate, gif.width, gif.height) == (2.0, 10.0, 320, 240)
    assert gif.has_video and not gif.has_audio


def test_still_images_are_measured_from_their_headers(probe, media_files):
    png = probe.probe(media_files["png"])
    assert (png.width, png.height, png.duration_s, png.frame_rate) == (300, 200, 0.0, None)
    jpg = probe.probe(media_files["jpeg"])
    assert (jpg.width, jpg.height, jpg.has_audio) == (640, 120, False)
    assert still_image_size(media_files["jpeg"]) == (640, 120)


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("undecodable", "garbage.mp4: no audio or video stream could be decoded"),
        ("text_as_video", "notes.mp4: no audio or video stream could be decoded"),
    ],
)
def test_bad_files_raise_one_clear_error(probe, media_files, key, message):
    with pytest.raises(MediaProbeError, match=message):
        probe.probe(media_files[key])


def test_missing_empty_and_fake_images(probe, tmp_path: Path):
    with pytest.raises(MediaProbeError, match="file not found"):
        probe.probe(tmp_path / "gone.mp4")
    (tmp_path / "empty.mp4").write_bytes(b"")
    with pytest.raises(MediaProbeError, match=r"empty\.mp4: file is empty"):
        probe.probe(tmp_path / "empty.mp4")
    (tmp_path / "fake.png").write_text("not an image")
    with pytest.raises(MediaProbeError, match=r"fake\.png: not a PNG or JPEG image"):
        probe.probe(tmp_path / "fake.png")


def test_validate_prints_no_libvlc_chatter() -> None:
    """libvlc's own console logger must stay silent: its messages go to the log file only."""
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pocus_player",
            "validate",
            str(repo / "cases" / "fast-trauma.yaml"),
        ],
        capture_output=True,
        text=True,
        cwd=repo,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "libvlc" not in run.stderr and "libvlc" not in run.stdout, run.stderr[:500]
    assert run.stdout.strip().endswith("1 of 1 case script(s) valid")
