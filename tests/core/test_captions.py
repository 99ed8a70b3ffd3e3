"""Tests for reading WebVTT and SubRip caption files and looking cues up by time."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pocus_player.core.captions import (
    CaptionError,
    CaptionFormat,
    CaptionTrack,
    Cue,
    active_cue,
    active_cues,
    check_captions,
    cues_overlapping,
    cues_past,
    load_captions,
    parse_captions,
    transcript_spans,
)

GOOD_VTT = """\
WEBVTT - Right upper quadrant

NOTE written for the FAST demo case

intro
00:00:00.500 --> 00:00:02.000 align:center line:90%
<v Dr Amara Osei>Let's look at the <b>right upper</b> quadrant.

00:02.000 --> 00:04.250
<i>Morison's pouch</i> lies between the liver &amp; the kidney.

00:00:04.250 --> 00:00:06.000
<c.highlight>No free fluid</c> is seen here.
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def errors_of(tmp_path: Path, name: str, content: str | bytes) -> list[CaptionError]:
    with pytest.raises(CaptionError) as info:
        load_captions(write(tmp_path, name, content))
    # The non-raising check lists the same problems.
    checked = check_captions(tmp_path / name)
    assert [(e.line, e.message) for e in checked] == [
        (e.line, e.message) for e in info.value.errors
    ]
    return list(info.value.errors)


def vtt_error(tmp_path: Path, body: str) -> CaptionError:
    """The single error of a WebVTT file built from a valid header and `body`."""
    errors = errors_of(tmp_path, "bad.vtt", "WEBVTT\n\n" + body)
    assert len(errors) == 1, [e.describe() for e in errors]
    return errors[0]


# ---------------------------------------------------------------- good files


def test_webvtt_good_file_reads_cues_text_and_speaker(tmp_path: Path) -> None:
    track = load_captions(write(tmp_path, "rq.vtt", GOOD_VTT))
    assert track.format is CaptionFormat.WEBVTT
    assert track.path == tmp_path / "rq.vtt"
    assert [(c.start_s, c.end_s) for c in track.cues] == [(0.5, 2.0), (2.0, 4.25), (4.25, 6.0)]
    assert [c.index for c in track.cues] == [0, 1, 2]
    assert [c.line for c in track.cues] == [6, 9, 12]
    first, second, third = track.cues
    assert first.text == "Let's look at the right upper quadrant."
    assert first.speaker == "Dr Amara Osei"
    assert first.display_text == "Dr Amara Osei: Let's look at the right upper quadrant."
    assert second.text == "Morison's pouch lies between the liver & the kidney."
    assert second.speaker == ""
    assert third.text == "No free fluid is seen here."
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.text = "changed"  # type: ignore[misc]


def test_webvtt_voice_with_class_and_several_voices(tmp_path: Path) -> None:
    track = load_captions(
        write(
            tmp_path,
            "voices.vtt",
            "WEBVTT\n\n00:01.000 --> 00:03.000\n<v.nurse Sam Lee>Pressure is 80 over 40.\n"
            "<v Dr Osei>Start the FAST scan.\n",
        )
    )
    (cue,) = track.cues
    assert cue.speaker == "Sam Lee"
    assert cue.text == "Pressure is 80 over 40.\nDr Osei: Start the FAST scan."


def test_webvtt_cues_are_sorted_by_start_and_reindexed(tmp_path: Path) -> None:
    track = load_captions(
        write(
            tmp_path,
            "order.vtt",
            "WEBVTT\n\n00:05.000 --> 00:06.000\nlater\n\n00:01.000 --> 00:02.000\nearlier\n",
        )
    )
    assert [c.text for c in track.cues] == ["earlier", "later"]
    assert [c.index for c in track.cues] == [0, 1]
    assert [c.line for c in track.cues] == [6, 3]


def test_webvtt_utf8_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + GOOD_VTT.replace("\n", "\r\n").encode("utf-8")
    track = load_captions(write(tmp_path, "bom.vtt", data))
    assert len(track.cues) == 3
    assert track.cues[0].line == 6


def test_webvtt_header_only_gives_an_empty_track(tmp_path: Path) -> None:
    track = load_captions(write(tmp_path, "empty.vtt", "WEBVTT\n"))
    assert track.cues == ()
    assert active_cue(track, 0.0) is None


def test_srt_with_comma_decimal(tmp_path: Path) -> None:
    srt = (
        "1\r\n00:00:01,500 --> 00:00:03,000\r\nHello <i>there</i>\r\n"
        '<font color="yellow">second line</font>\r\n\r\n'
        "2\r\n00:00:03,000 --> 00:00:04,125\r\nCafé – 5 × 3 cm\r\n"
    )
    track = load_captions(write(tmp_path, "cues.srt", srt))
    assert track.format is CaptionFormat.SRT
    assert [(c.start_s, c.end_s) for c in track.cues] == [(1.5, 3.0), (3.0, 4.125)]
    assert track.cues[0].text == "Hello there\nsecond line"
    assert track.cues[1].text == "Café – 5 × 3 cm"
    assert [c.line for c in track.cues] == [2, 7]


def test_srt_with_utf8_bom(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf1\n00:00:00,000 --> 00:00:01,000\nOne\n"
    track = load_captions(write(tmp_path, "bom.srt", data))
    assert [c.text for c in track.cues] == ["One"]


# ---------------------------------------------------------------- WebVTT spec violations


def test_missing_signature_line(tmp_path: Path) -> None:
    errors = errors_of(tmp_path, "nosig.vtt", "WEBVTTX\n\n00:01.000 --> 00:02.000\nx\n")
    assert [(e.line, "first line must be 'WEBVTT'" in e.message) for e in errors] == [(1, True)]


def test_srt_content_in_a_vtt_file_names_signature_and_commas(tmp_path: Path) -> None:
    errors = errors_of(
        tmp_path,
        "srt.vtt",
        "1\n00:00:01,000 --> 00:00:02,000\nx\n\n2\n00:00:03,000 --> 00:00:04,000\ny\n",
    )
    assert errors[0].line == 1 and "WEBVTT" in errors[0].message
    assert [e.line for e in errors[1:]] == [2, 6]
    assert all("period" in e.message for e in errors[1:])


def test_cue_directly_after_the_signature_line_is_read(tmp_path: Path) -> None:
    """The header ends before a line holding '-->': browsers show this cue, and so do we."""
    track = load_captions(write(tmp_path, "hdr.vtt", "WEBVTT\n00:01.000 --> 00:02.000\nx\n"))
    assert [(c.start_s, c.end_s, c.text, c.line) for c in track.cues] == [(1.0, 2.0, "x", 2)]


def test_header_line_then_a_line_of_spaces_then_a_cue(tmp_path: Path) -> None:
    text = "WEBVTT\nKind: captions\n   \nid-1\n00:01.000 --> 00:02.000\nx\n"
    track = load_captions(write(tmp_path, "hdr.vtt", text))
    # the spaces line is header text, and so is 'id-1': the header ends before the timings
    assert [(c.identifier, c.text, c.line) for c in track.cues] == [("", "x", 5)]


@pytest.mark.parametrize("space", ["\t", "\f", " \t\f ", ""])
def test_timings_padded_with_tabs_and_form_feeds(tmp_path: Path, space: str) -> None:
    line = f"{space}00:01.000{space}-->{space}00:02.000{space}align:start"
    track = load_captions(write(tmp_path, "ws.vtt", f"WEBVTT\n\n{line}\nx\n"))
    assert [(c.start_s, c.end_s, c.text) for c in track.cues] == [(1.0, 2.0, "x")]


def test_arrow_in_cue_text_ends_the_cue(tmp_path: Path) -> None:
    body = "00:01.000 --> 00:02.000\nfirst\nthen --> after\nmore\n"
    error = vtt_error(tmp_path, body)
    assert error.line == 5
    assert error.message == (
        "this line holds '-->', so it ends the cue above it and players read it as the "
        "timings of a new cue, which are invalid (invalid start time 'then': expected a "
        "timestamp); the text from here to the next blank line would not be shown"
    )


def test_a_timings_line_after_cue_text_starts_the_next_cue(tmp_path: Path) -> None:
    body = "00:01.000 --> 00:02.000\nfirst\n00:02.000 --> 00:03.000\nsecond\n"
    track = load_captions(write(tmp_path, "two.vtt", "WEBVTT\n\n" + body))
    assert [(c.text, c.line) for c in track.cues] == [("first", 3), ("second", 5)]


def test_srt_tags_and_positioning_codes_are_removed(tmp_path: Path) -> None:
    srt = '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Top</i> <font color="red">line</font>\n'
    assert [c.text for c in load_captions(write(tmp_path, "t.srt", srt)).cues] == ["Top line"]


def test_cue_identifiers_are_kept(tmp_path: Path) -> None:
    track = load_captions(write(tmp_path, "good.vtt", GOOD_VTT))
    assert [c.identifier for c in track.cues] == ["intro", "", ""]
    srt = "1\n00:00:01,000 --> 00:00:02,000\na\n\n7\n00:00:03,000 --> 00:00:04,000\nb\n"
    assert [c.identifier for c in load_captions(write(tmp_path, "n.srt", srt)).cues] == ["1", "7"]


@pytest.mark.parametrize(
    ("timing", "needle"),
    [
        ("0:0:13.540 --> 00:00:14.000", "two digits"),  # webvtt-py accepts this one
        ("00:00:01.5 --> 00:00:02.000", "three digits"),  # and this one
        ("00:00:04.3001 --> 00:00:05.000", "three digits"),
        ("00:00:01.000 --> 00:00:02.50", "three digits"),
        ("00:1.000 --> 00:02.000", "two digits"),
        ("00:61.000 --> 01:02.000", "below 60"),
        ("00:00:60.000 --> 00:01:02.000", "below 60"),
        ("00:60:00.000 --> 01:00:00.000", "below 60"),
        ("61:00.000 --> 62:00.000", "read as hours"),
        ("00:01,000 --> 00:02.000", "period"),
        ("00:01.000 -> 00:02.000", "-->"),
        ("00:01.000 --> ", "end time"),
    ],
)
def test_bad_timestamp_reports_its_line(tmp_path: Path, timing: str, needle: str) -> None:
    body = "00:00.000 --> 00:00.500\nfine\n\n" + timing + "\nbad\n"
    if "-->" not in timing:
        # Without an arrow the line is cue text of a block without timings.
        error = vtt_error(tmp_path, body)
        assert error.line == 6
        return
    error = vtt_error(tmp_path, body)
    assert error.line == 6
    assert needle in error.message
    assert error.path == tmp_path / "bad.vtt"
    assert str(error).startswith(f"{tmp_path / 'bad.vtt'}:6: ")


def test_arrow_without_spaces_is_rejected_cleanly(tmp_path: Path) -> None:
    error = vtt_error(tmp_path, "00:01.000 -> 00:02.000\ntext\n")
    assert error.line == 3
    assert "text outside any cue" in error.message


def test_long_hours_are_valid(tmp_path: Path) -> None:
    track = load_captions(
        write(tmp_path, "h.vtt", "WEBVTT\n\n100:00:00.000 --> 100:00:01.000\nlate\n")
    )
    assert track.cues[0].start_s == 360000.0


@pytest.mark.parametrize(
    "timing", ["00:02.000 --> 00:02.000", "00:03.000 --> 00:02.999", "01:00:00.000 --> 59:59.999"]
)
def test_end_not_after_start(tmp_path: Path, timing: str) -> None:
    error = vtt_error(tmp_path, f"{timing}\nx\n")
    assert error.line == 3
    assert "not after its start" in error.message


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x00", "U+0000 (NUL)"),
        ("\x07", "U+0007"),
        ("\x1b", "U+001B"),
        ("\x7f", "U+007F"),
        ("\x85", "U+0085"),
    ],
)
def test_control_characters_are_rejected_with_line_and_column(
    tmp_path: Path, char: str, name: str
) -> None:
    error = vtt_error(tmp_path, f"00:01.000 --> 00:02.000\nok\nsee{char}here\n")
    assert error.line == 5
    assert "column 4" in error.message
    assert name in error.message


def test_tab_and_form_feed_are_not_control_character_errors(tmp_path: Path) -> None:
    track = load_captions(write(tmp_path, "ws.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\na\tb\n"))
    assert track.cues[0].text == "a\tb"


def test_text_after_a_blank_line_in_a_cue(tmp_path: Path) -> None:
    error = vtt_error(tmp_path, "00:01.000 --> 00:02.000\nfirst\n\nlost second line\n")
    assert error.line == 6
    assert "never be shown" in error.message


def test_style_block_after_a_cue(tmp_path: Path) -> None:
    error = vtt_error(tmp_path, "00:01.000 --> 00:02.000\nx\n\nSTYLE\n::cue { color: red }\n")
    assert error.line == 6
    assert "STYLE" in error.message


def test_style_and_region_blocks_before_cues_are_fine(tmp_path: Path) -> None:
    track = load_captions(
        write(
            tmp_path,
            "style.vtt",
            "WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\nREGION\nid:fred\n\n"
            "00:01.000 --> 00:02.000 region:fred\nx\n",
        )
    )
    assert [c.text for c in track.cues] == ["x"]


def test_all_problems_of_a_file_are_reported_in_line_order(tmp_path: Path) -> None:
    content = (
        "WEBVT\n"  # 1
        "\n"
        "0:0:13.540 --> 00:00:14.000\n"  # 3
        "lax\n"
        "\n"
        "00:05.000 --> 00:04.000\n"  # 6
        "backwards\n"
        "\n"
        "00:06.000 --> 00:07.000\n"
        "nul\x00\n"  # 10
    )
    errors = errors_of(tmp_path, "many.vtt", content)
    assert [e.line for e in errors] == [1, 3, 6, 10]
    with pytest.raises(CaptionError) as info:
        load_captions(tmp_path / "many.vtt")
    head = info.value
    assert head.line == 1
    assert str(head).startswith("4 problems in caption file")
    assert all(e.describe() in str(head) for e in errors)


# ---------------------------------------------------------------- SubRip problems


def test_srt_bad_timestamp_and_backwards_cue(tmp_path: Path) -> None:
    errors = errors_of(
        tmp_path,
        "bad.srt",
        "1\n0:0:1,5 --> 00:00:02,000\nx\n\n2\n00:00:05,000 --> 00:00:04,000\ny\n\n"
        "3\n00:00:07,000 --> 00:00:08,000\nok\n",
    )
    assert [e.line for e in errors] == [2, 6]
    assert "hh:mm:ss,mmm" in errors[0].message
    assert "not after its start" in errors[1].message


def test_srt_blank_line_inside_cue_text(tmp_path: Path) -> None:
    errors = errors_of(
        tmp_path,
        "gap.srt",
        "1\n00:00:01,000 --> 00:00:02,000\nfirst\n\nlost\n\n2\n00:00:03,000 --> 00:00:04,000\ny\n",
    )
    assert [e.line for e in errors] == [5]


def test_srt_without_cues(tmp_path: Path) -> None:
    errors = errors_of(tmp_path, "none.srt", "just some text\n")
    assert len(errors) == 1
    assert "no cues" in errors[0].message


def test_srt_control_character(tmp_path: Path) -> None:
    errors = errors_of(tmp_path, "nul.srt", "1\n00:00:01,000 --> 00:00:02,000\nx\x00y\n")
    assert [e.line for e in errors] == [3]


# ---------------------------------------------------------------- encoding


def test_cp1252_bytes_are_rejected_with_offset_and_advice(tmp_path: Path) -> None:
    data = "WEBVTT\n\n00:01.000 --> 00:02.000\nPatient café – no fluid\n".encode("cp1252")
    with pytest.raises(CaptionError) as info:
        load_captions(write(tmp_path, "legacy.vtt", data))
    error = info.value
    offset = data.index(b"\xe9")
    assert error.line == 4
    assert f"byte offset {offset}" in error.message
    assert "0xE9" in error.message
    assert "re-save it as UTF-8" in error.message
    assert "not valid UTF-8" in error.message


def test_cp1252_offset_counts_the_bom(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf1\n00:00:01,000 --> 00:00:02,000\nsmart \x93quotes\x94\n"
    with pytest.raises(CaptionError) as info:
        load_captions(write(tmp_path, "legacy.srt", data))
    offset = data.index(b"\x93")
    assert f"byte offset {offset}" in info.value.message
    assert info.value.line == 3


def test_utf16_is_rejected(tmp_path: Path) -> None:
    data = "WEBVTT\n\n00:01.000 --> 00:02.000\nx\n".encode("utf-16")
    with pytest.raises(CaptionError, match=r"UTF-16.*re-save it as UTF-8"):
        load_captions(write(tmp_path, "wide.vtt", data))


def test_unsupported_extension_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CaptionError, match=r"unsupported caption file type '\.ass'"):
        load_captions(write(tmp_path, "x.ass", "[Script Info]\n"))
    with pytest.raises(CaptionError, match="cannot read caption file"):
        load_captions(tmp_path / "absent.vtt")


def test_format_can_be_given_explicitly(tmp_path: Path) -> None:
    track = parse_captions(
        b"WEBVTT\n\n00:01.000 --> 00:02.000\nx\n", Path("c.txt"), CaptionFormat.WEBVTT
    )
    assert track.format is CaptionFormat.WEBVTT


# ---------------------------------------------------------------- lookup and lint


def make_track(*spans: tuple[float, float]) -> CaptionTrack:
    cues = tuple(Cue(s, e, f"cue {i}", i) for i, (s, e) in enumerate(spans))
    return CaptionTrack(Path("t.vtt"), cues, CaptionFormat.WEBVTT)


def test_active_cue_boundaries(tmp_path: Path) -> None:
    track = load_captions(write(tmp_path, "rq.vtt", GOOD_VTT))
    c0, c1, c2 = track.cues
    assert active_cue(track, 0.0) is None
    assert active_cue(track, 0.4999) is None
    assert active_cue(track, 0.5) is c0  # start is inclusive
    assert active_cue(track, 1.999) is c0
    assert active_cue(track, 2.0) is c1  # end is exclusive: the next cue takes over
    assert active_cue(track, 4.25) is c2
    assert active_cue(track, 5.999) is c2
    assert active_cue(track, 6.0) is None
    assert active_cue(track, 100.0) is None
    # Media time in whole milliseconds lands exactly on the cue boundaries.
    assert active_cue(track, 2000 / 1000) is c1
    assert active_cue(track, 1999 / 1000) is c0


def test_active_cue_with_overlaps_and_gaps() -> None:
    track = make_track((0.0, 10.0), (2.0, 3.0), (4.0, 5.0), (12.0, 13.0))
    assert active_cue(track, 2.5) is track.cues[1]
    assert active_cue(track, 3.5) is track.cues[0]  # the long cue is still showing
    assert active_cues(track, 4.5) == (track.cues[0], track.cues[2])
    assert active_cue(track, 11.0) is None
    assert active_cues(track, 11.0) == ()


def test_track_refuses_unsorted_cues() -> None:
    with pytest.raises(ValueError, match="sorted"):
        CaptionTrack(
            Path("t.vtt"), (Cue(2.0, 3.0, "b", 0), Cue(1.0, 2.0, "a", 1)), CaptionFormat.WEBVTT
        )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 5000), st.integers(1, 800)), min_size=0, max_size=25).map(
        lambda xs: sorted((s, s + d) for s, d in xs)
    ),
    st.integers(-10, 6000),
)
def test_active_cues_matches_a_linear_scan(spans: list[tuple[int, int]], t_ms: int) -> None:
    track = make_track(*((s / 1000, e / 1000) for s, e in spans))
    t = t_ms / 1000
    expected = tuple(c for c in track.cues if c.start_s <= t < c.end_s)
    assert active_cues(track, t) == expected
    assert active_cue(track, t) == (max(expected, key=lambda c: c.index) if expected else None)


def test_cues_overlapping_and_past() -> None:
    track = make_track((0.0, 2.0), (1.5, 3.0), (2.5, 4.0), (5.0, 6.0), (9.0, 10.5))
    c = track.cues
    assert cues_overlapping(track) == [(c[0], c[1]), (c[1], c[2])]
    assert cues_past(track, 10.0) == [c[4]]
    assert cues_past(track, 10.0, tolerance_s=0.5) == []
    assert cues_past(track, 5.5) == [c[3], c[4]]
    assert cues_overlapping(make_track((0.0, 1.0), (1.0, 2.0))) == []  # touching is fine


def test_plain_text_is_the_script_of_the_cues(tmp_path: Path) -> None:
    track = load_captions(write(tmp_path, "rq.vtt", GOOD_VTT))
    assert track.plain_text().split("\n\n") == [c.display_text for c in track.cues]


def test_transcript_spans_find_each_cue_in_order(tmp_path: Path) -> None:
    track = load_captions(write(tmp_path, "rq.vtt", GOOD_VTT))
    transcript = (
        "Dr Osei: Let's look at the right upper quadrant. Morison's pouch lies\n"
        "between the liver and the kidney.\n\nNo free fluid is seen here."
    )
    spans = transcript_spans(transcript, track)
    assert transcript[spans[0][0] : spans[0][1]] == "Let's look at the right upper quadrant"
    assert spans[1] is None  # "&" in the cue, "and" in the script: not the same words
    assert transcript[spans[2][0] : spans[2][1]] == "No free fluid is seen here"


# ---------------------------------------------------------------- robustness


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_a_track_or_a_caption_error(data: bytes) -> None:
    for name in ("x.vtt", "x.srt"):
        try:
            track = parse_captions(b"WEBVTT\n\n" + data if name == "x.vtt" else data, Path(name))
        except CaptionError as exc:
            assert exc.errors and all(isinstance(e, CaptionError) for e in exc.errors)
        else:
            assert all(c.end_s > c.start_s for c in track.cues)
