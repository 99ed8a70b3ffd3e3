"""The probe against ffprobe on the fidelity corpus: duration, size and frame count, exactly.

Every clip is generated in the session (`fidelity_corpus`); ffprobe counts every
picture (`-count_frames`) and gives the reference.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pocus_player.media.probe import VlcMediaProbe


def test_probe_facts_equal_ffprobe_for_every_fidelity_clip(vlc_instance, fidelity_corpus) -> None:  # type: ignore[no-untyped-def]
    probe = VlcMediaProbe(vlc_instance)
    wrong = []
    for clip, ref in fidelity_corpus:
        info = probe.probe(clip.path)
        one_frame = 1.0 / ref.average_rate
        facts = {
            "size": ((info.width, info.height), (ref.width, ref.height)),
            "frame count": (info.frame_count, ref.frame_count),
            "variable rate": (info.variable_frame_rate, clip.variable_frame_rate),
            "audio": (info.has_audio, clip.has_audio),
        }
        for name, (got, expected) in facts.items():
            if got != expected:
                wrong.append(f"{clip.name}: {name} {got}, ffprobe {expected}")
        if abs(info.duration_s - ref.duration_s) > one_frame:
            wrong.append(f"{clip.name}: duration {info.duration_s}, ffprobe {ref.duration_s}")
        times = info.frame_times or ()
        if len(times) != len(ref.frame_times) or any(
            abs(a - b) > 0.0005 for a, b in zip(times, ref.frame_times, strict=False)
        ):
            wrong.append(f"{clip.name}: picture times differ from ffprobe's")
    assert not wrong, "\n".join(wrong)


def test_avi_durations_are_not_cut_to_whole_seconds(vlc_instance, fidelity_corpus) -> None:  # type: ignore[no-untyped-def]
    probe = VlcMediaProbe(vlc_instance)
    by_name = {clip.name: clip for clip, _ in fidelity_corpus}
    assert probe.probe(by_name["avi_mpeg4_25"].path).duration_s == 3.72
    assert probe.probe(by_name["avi_mpeg4_2224"].path).duration_s == pytest.approx(93 / 22.24)


def test_declared_size_that_differs_from_the_stream_is_kept_apart(
    vlc_instance, fidelity_corpus
) -> None:  # type: ignore[no-untyped-def]
    probe = VlcMediaProbe(vlc_instance)
    clip = next(c for c, _ in fidelity_corpus if c.container_size)
    info = probe.probe(clip.path)
    assert (info.width, info.height) == (702, 702)
    assert (info.container_width, info.container_height) == (703, 703)
    # playback asks libvlc for the size it plays (a scaler would shift the frame count)
    played, _ = probe.probe_full(clip.path)
    assert (played.width, played.height) == (703, 703)
    same = [probe.probe(c.path) for c, _ in fidelity_corpus if not c.container_size]
    assert all(i.container_width is None and i.container_height is None for i in same)


def test_variable_rate_clip_keeps_every_picture_time(vlc_instance, fidelity_corpus) -> None:  # type: ignore[no-untyped-def]
    probe = VlcMediaProbe(vlc_instance)
    clip, ref = next((c, r) for c, r in fidelity_corpus if c.name == "vfr_mov_aac")
    info = probe.probe(clip.path)
    assert info.variable_frame_rate and info.frame_count == 192
    gaps = {
        round((b - a) * 60, 3) for a, b in zip(ref.frame_times, ref.frame_times[1:], strict=False)
    }
    assert gaps == {1.0, 2.0, 3.0}  # dropped frames leave two- and three-frame gaps
    assert info.frame_rate == pytest.approx(ref.frame_count / ref.duration_s, rel=0.01)


def test_corpus_clips_decode_to_the_size_ffprobe_reads(vlc_instance, corpus_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.media.media_fixtures import corpus_clips

    probe = VlcMediaProbe(vlc_instance)
    for clip in corpus_clips(corpus_dir):
        info = probe.probe(clip.path)
        assert (info.width, info.height) == (clip.width, clip.height), clip.path.name
        if info.frame_count is not None:
            assert info.frame_count == clip.frames, clip.path.name
