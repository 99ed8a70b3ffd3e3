"""MPEG stream starts, numbered by the content of their first frames (real libvlc, real files)."""

from __future__ import annotations

import contextlib
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator

import numpy as np
import pytest

from pocus_player.media.engine import CueTarget
from pocus_player.media.first_frames import FIRST_FRAMES, first_frame_prints
from pocus_player.media.frames import fingerprint
from pocus_player.media.probe import VlcMediaProbe
from tests.media.media_fixtures import (
    PATTERN_H,
    PATTERN_W,
    corpus_clips,
    encode_pattern,
    first_pictures,
    load,
    reference_frames,
    shown_number,
)

pytestmark = pytest.mark.media


@contextlib.contextmanager
def both_cores_busy() -> Iterator[None]:
    """Two processes spinning, as on a loaded testing-centre PC: libvlc starts late."""
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        yield
    finally:
        for p in burners:
            p.kill()
            p.wait()


def test_the_prints_are_the_first_frames_in_order(vlc_instance, corpus_dir):
    clips = [c for c in corpus_clips(corpus_dir) if c.path.suffix == ".mpeg"]
    assert len(clips) == 3
    for clip in clips:
        prints = first_frame_prints(vlc_instance.instance, clip.path, clip.width, clip.height)
        refs = reference_frames(clip.path, 0, FIRST_FRAMES - 1, clip.width, clip.height)
        # ffmpeg's own decode, fingerprinted the same way
        expected = tuple(fingerprint(np.ascontiguousarray(refs[i])) for i in range(FIRST_FRAMES))
        assert prints == expected, clip.path.name


def test_only_mpeg_streams_are_decoded_for_their_first_frames(vlc_instance, media_files):
    probe = VlcMediaProbe(vlc_instance)
    assert probe.first_frame_prints(media_files["pattern30"], 320, 240) == ()
    prints = probe.first_frame_prints(media_files["mpeg_ps"], 320, 240)
    assert len(prints) == FIRST_FRAMES and len(set(prints)) == FIRST_FRAMES
    # cached: the case validator's probe leaves them ready for the first start
    assert probe.first_frame_prints(media_files["mpeg_ps"], 320, 240) is prints


def test_a_short_file_gives_the_frames_it_has(vlc_instance, tmp_path):
    short = encode_pattern(tmp_path / "short.mpg", 5, "25", "-c:v", "mpeg2video", "-f", "vob")
    prints = first_frame_prints(vlc_instance.instance, short, PATTERN_W, PATTERN_H)
    refs = reference_frames(short, 0, 4, PATTERN_W, PATTERN_H)
    assert prints == tuple(fingerprint(np.ascontiguousarray(refs[i])) for i in range(5))


def test_pictures_of_another_size_give_no_prints(vlc_instance, media_files):
    # the engine would render 320 x 240; asked for another size, nothing is claimed
    assert first_frame_prints(vlc_instance.instance, media_files["mpeg_ps"], 160, 120) == ()


def test_an_undecodable_file_gives_no_prints(vlc_instance, tmp_path):
    junk = tmp_path / "junk.mpg"
    junk.write_bytes(bytes(range(256)) * 64)
    assert first_frame_prints(vlc_instance.instance, junk, 320, 240) == ()


def test_mpeg_stream_starts_are_numbered_by_content_with_both_cores_busy(
    qtbot, media_engine, media_files
):
    clip = media_files["mpeg_ps"]
    firsts = []
    with both_cores_busy():
        for _ in range(10):
            shown = first_pictures(qtbot, media_engine, lambda: media_engine.load(clip), count=8)
            media_engine.stop()
            # every picture carries the number the engine gave it, each once, in order
            assert [n for _, n in shown] == [i for i, _ in shown], shown
            assert [i for i, _ in shown] == list(range(shown[0][0], shown[0][0] + 8)), shown
            firsts.append(shown[0][0])
    assert set(firsts) <= {0, 1}  # libvlc may never show frame 0; nothing else is lost


def test_mpeg_stream_checkpoints_stop_on_exact_frames(qtbot, media_engine, media_files):
    clip = media_files["mpeg_ps"]
    targets = sorted(random.Random(7).sample(range(2, 72), 8))
    for target in targets:
        load(qtbot, media_engine, clip, checkpoints=[CueTarget("c", target)])
        with qtbot.waitSignal(media_engine.checkpoint_reached, timeout=10_000) as blocker:
            pass
        assert blocker.args == ["c", target]
        assert shown_number(media_engine) == target


def test_validating_a_case_with_an_mpeg_clip_prints_nothing_from_libvlc(tmp_path, repo_root):
    """The probe decodes an MPEG clip's first frames with libvlc's transcoder, which logs
    errors about codecs it tried; item writers at the console see only the verdict."""
    shutil.copytree(repo_root / "assets" / "media" / "fast", tmp_path / "assets/media/fast")
    (tmp_path / "pocus-content.yaml").write_text("name: test content\n", encoding="utf-8")
    (tmp_path / "cases").mkdir()
    clip = tmp_path / "assets/media/fast/ruq-fluid.mp4"
    mpeg = clip.with_suffix(".mpg")
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-i",
            str(clip),
            "-c:v",
            "mpeg2video",
            "-q:v",
            "2",
            "-f",
            "vob",
            str(mpeg),
        ],
        check=True,
    )
    text = (repo_root / "cases" / "fast-trauma.yaml").read_text(encoding="utf-8")
    assert "fast/ruq-fluid.mp4" in text
    case = tmp_path / "cases" / "fast-trauma.yaml"
    case.write_text(text.replace("fast/ruq-fluid.mp4", "fast/ruq-fluid.mpg"), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pocus_player", "validate", str(case)],
        capture_output=True,
        text=True,
        cwd=repo_root,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stderr == "", run.stderr[:500]
    assert run.stdout.strip().endswith("1 of 1 case script(s) valid")
