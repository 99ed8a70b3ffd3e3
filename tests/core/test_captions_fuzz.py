"""Property tests of the caption reader: files built from the grammar, then damaged at random.

A generated valid file must read exactly as the WebVTT specification's parser
reads it (the expected cues are known by construction, including the cases the
algorithm makes surprising: a cue straight after the signature, whose identifier
line belongs to the header). Any damage must give a track or a `CaptionError`,
never another exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pocus_player.core.captions import CaptionError, CaptionTrack, parse_captions

WORD = st.text(
    alphabet=st.characters(
        whitelist_categories=("Lu", "Ll", "Nd"), whitelist_characters=" .,!?'-:()é"
    ),
    min_size=1,
    max_size=12,
)
SPACE = st.sampled_from(["", " ", "\t", "\f", "  ", " \t"])
SEP = st.sampled_from([" ", "\t", "\f", " \t"])


def _clean(text: str) -> str:
    return text.replace("-->", "- >")


def line_of_text() -> st.SearchStrategy[str]:
    """A non-empty cue text line: no '-->', no tags or references, not only spaces."""
    return st.builds(lambda a, b: _clean(f"{a.strip() or 'x'} {b}".strip()), WORD, WORD)


@dataclass(frozen=True)
class ExpectedCue:
    identifier: str
    start_ms: int
    end_ms: int
    text: str


def vtt_timestamp(ms: int, hours_digits: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, frac = divmod(rest, 1000)
    if hours_digits == 0 and h == 0:
        return f"{m:02d}:{s:02d}.{frac:03d}"
    return f"{h:0{max(hours_digits, 1)}d}:{m:02d}:{s:02d}.{frac:03d}"


@st.composite
def vtt_cue(draw: st.DrawFn) -> tuple[list[str], ExpectedCue]:
    start = draw(st.integers(0, 3 * 3_600_000))
    end = start + draw(st.integers(1, 20_000))
    hours = draw(st.sampled_from([0, 1, 2, 3]))
    timing = (
        draw(SPACE)
        + vtt_timestamp(start, hours)
        + draw(SPACE)
        + "-->"
        + draw(SPACE)
        + vtt_timestamp(end, draw(st.sampled_from([0, 2])))
    )
    if draw(st.booleans()):
        timing += draw(SEP) + draw(st.sampled_from(["align:start", "line:90%", "position:10%"]))
    identifier = (
        draw(st.builds(lambda w: _clean(w.strip()) or "cue", WORD)) if draw(st.booleans()) else ""
    )
    if identifier.startswith(("NOTE", "STYLE", "REGION")):
        identifier = "c" + identifier
    payload = draw(st.lists(line_of_text(), min_size=1, max_size=3))
    lines = ([identifier] if identifier else []) + [timing, *payload]
    return lines, ExpectedCue(identifier, start, end, "\n".join(payload))


@st.composite
def vtt_file(draw: st.DrawFn) -> tuple[str, list[ExpectedCue]]:
    title = draw(st.sampled_from(["", " - FAST case", "\tcaptions"]))
    lines = ["WEBVTT" + title]
    header = draw(st.lists(st.sampled_from(["Kind: captions", "Language: en", "   "]), max_size=2))
    lines += header
    expected: list[ExpectedCue] = []
    blocks = draw(st.lists(st.sampled_from(["cue", "cue", "cue", "note"]), min_size=0, max_size=6))
    first = True
    for kind in blocks:
        # After the header a blank line is usual; straight after the signature it is optional.
        if not first or header or draw(st.booleans()):
            lines += [""] * draw(st.integers(1, 2))
        direct = first and lines[-1] != ""
        first = False
        if kind == "note":
            lines += ["NOTE" + draw(st.sampled_from(["", " reviewed", "\tby the board"]))]
            continue
        cue_lines, cue = draw(vtt_cue())
        lines += cue_lines
        if direct and cue.identifier:
            # The header runs up to the timings line: the identifier line is header text.
            cue = ExpectedCue("", cue.start_ms, cue.end_ms, cue.text)
        expected.append(cue)
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join(lines) + (newline if draw(st.booleans()) else "")
    return text, expected


@st.composite
def srt_file(draw: st.DrawFn) -> tuple[str, list[ExpectedCue]]:
    lines: list[str] = []
    expected: list[ExpectedCue] = []
    for number in range(1, draw(st.integers(1, 5)) + 1):
        start = draw(st.integers(0, 3 * 3_600_000))
        end = start + draw(st.integers(1, 20_000))
        comma = draw(st.sampled_from([",", "."]))

        def stamp(ms: int, sep: str = comma) -> str:
            h, rest = divmod(ms, 3_600_000)
            m, rest = divmod(rest, 60_000)
            s, frac = divmod(rest, 1000)
            return f"{h:02d}:{m:02d}:{s:02d}{sep}{frac:03d}"

        numbered = draw(st.booleans())
        payload = draw(st.lists(line_of_text(), min_size=1, max_size=3))
        if lines:
            lines += [""] * draw(st.integers(1, 2))
        if numbered:
            lines.append(str(number))
        lines.append(f"{stamp(start)} --> {stamp(end)}")
        lines += payload
        expected.append(
            ExpectedCue(str(number) if numbered else "", start, end, "\n".join(payload))
        )
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines) + newline, expected


def reading(track: CaptionTrack) -> list[ExpectedCue]:
    return [ExpectedCue(c.identifier, c.start_ms, c.end_ms, c.text) for c in track.cues]


def in_start_order(cues: list[ExpectedCue]) -> list[ExpectedCue]:
    return sorted(cues, key=lambda c: c.start_ms)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vtt_file())
def test_generated_webvtt_reads_as_the_specification_reads_it(
    generated: tuple[str, list[ExpectedCue]],
) -> None:
    text, expected = generated
    track = parse_captions(text.encode("utf-8"), Path("gen.vtt"))
    assert reading(track) == in_start_order(expected)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(srt_file())
def test_generated_srt_reads_every_cue(generated: tuple[str, list[ExpectedCue]]) -> None:
    text, expected = generated
    track = parse_captions(text.encode("utf-8"), Path("gen.srt"))
    assert reading(track) == in_start_order(expected)


DAMAGE = st.one_of(
    st.sampled_from(
        ["-->", "\n", "\r", "\n\n", ":", ".", ",", "0", "99", "WEBVTT", "NOTE", "STYLE"]
    ),
    st.text(max_size=6),
    st.binary(max_size=4).map(lambda b: b.decode("latin-1")),
)


@st.composite
def damaged(draw: st.DrawFn, files: st.SearchStrategy[tuple[str, list[ExpectedCue]]]) -> bytes:
    text, _ = draw(files)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "cut"]))
        if action == "cut":
            text = text[:at]
            continue
        span = draw(st.integers(0, 5))
        piece = draw(DAMAGE)
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + span :]
        else:
            text = text[:at] + piece + text[at + span :]
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()) and data:
        i = draw(st.integers(0, len(data) - 1))
        data = data[:i] + bytes([draw(st.integers(0, 255))]) + data[i + 1 :]
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged(vtt_file()), st.sampled_from(["d.vtt", "d.srt"]))
def test_damaged_webvtt_gives_a_track_or_a_caption_error(data: bytes, name: str) -> None:
    _read(data, name)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged(srt_file()), st.sampled_from(["d.srt", "d.vtt"]))
def test_damaged_srt_gives_a_track_or_a_caption_error(data: bytes, name: str) -> None:
    _read(data, name)


def _read(data: bytes, name: str) -> None:
    try:
        track = parse_captions(data, Path(name))
    except CaptionError as exc:
        assert exc.errors and all(e.message for e in exc.errors)
        assert all(e.line is None or e.line >= 1 for e in exc.errors)
        return
    assert isinstance(track, CaptionTrack)
    assert all(c.end_s > c.start_s for c in track.cues)
