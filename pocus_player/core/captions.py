"""Caption files (WebVTT and SubRip) read into frozen, time-sorted cue tracks.

Reading
    Both formats are read here, line by line. WebVTT follows the parsing algorithm
    of the W3C WebVTT specification (section 6.1), so a file reads as a conforming
    player reads it:

    * the first line is ``WEBVTT``, alone or followed by a space or tab; the
      header runs to the first empty line, or up to the first line holding
      ``-->``, which starts a cue (a cue may follow the ``WEBVTT`` line directly;
      a line of spaces does not end the header);
    * a block ends at an empty line; a line holding ``-->`` is a block's timings
      when it is the block's first line, or its second after an identifier
      line; anywhere else it ends the block and starts the next one (so ``-->``
      in cue text ends the cue);
    * timings are ``[h+:]mm:ss.ttt``, two-digit minutes and seconds below 60,
      exactly three fraction digits; whitespace (space, tab, form feed) around
      the arrow is optional, and whatever follows the end time is the cue's
      settings, which are not used here;
    * ``NOTE`` blocks are comments; ``STYLE`` and ``REGION`` blocks count only
      before the first cue.

    SubRip follows the common layout: an optional cue number, ``hh:mm:ss,mmm -->
    hh:mm:ss,mmm`` (a period before the milliseconds is tolerated), text lines, a
    blank line.

Exam strictness
    Where a conforming player would silently drop something, the exam refuses
    the whole file instead, with the line and the reason, so that no caption is
    lost without anyone noticing: a cue whose timings are invalid (players skip
    it), text outside any cue (players never show it), a ``STYLE``/``REGION``
    block after a cue (players ignore it), a cue that does not end after it
    starts (players never show it), a blank line inside a SubRip cue, and
    control characters (C0 except tab, line feed, carriage return and form
    feed; DEL; C1), which the specification would replace or show.

Encoding policy
    Caption files must be UTF-8; a UTF-8 byte order mark is allowed and ignored.
    Nothing is guessed: a file that is not valid UTF-8 (a cp1252 or Latin-1
    export, or UTF-16) is refused with the byte offset and line of the first bad
    byte and the advice to re-save the file as UTF-8. Guessing a legacy code page
    would show wrong characters to candidates without anyone noticing.

Display text
    WebVTT cue tags (``<v Name>``, ``<b>``, ``<i>``, ``<u>``, ``<c.class>``,
    ``<lang>``, ``<ruby>``, timestamp tags) are removed and character references
    (``&amp;`` ...) decoded. A voice tag's name is kept as the cue's `speaker`;
    when a cue holds several voices, each later voice's name is written before
    its line ("Name: text"). SubRip ``<i>``/``<b>``/``<font>`` tags and ``{\an8}``-style
    positioning codes (left by subtitle converters) are removed.

Errors
    One exception class, `CaptionError(path, line, message)`. Every problem of a
    file is collected; `load_captions` raises the first one, whose ``errors``
    attribute lists them all (and whose text shows them all), and
    `check_captions` returns the list without raising.
"""

from __future__ import annotations

import bisect
import enum
import html
import itertools
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

_BOM = b"\xef\xbb\xbf"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ARROW = "-->"
_VTT_SPACE = " \t\f"  # the spec's whitespace within a line (line feeds end lines)


class CaptionFormat(enum.StrEnum):
    WEBVTT = "webvtt"
    SRT = "srt"

    @classmethod
    def from_path(cls, path: Path) -> CaptionFormat | None:
        return {".vtt": cls.WEBVTT, ".srt": cls.SRT}.get(path.suffix.lower())


class CaptionError(Exception):
    """A problem in a caption file, at a 1-based line when one can be named.

    The raised error is the file's first problem; ``errors`` holds every problem
    found (itself included), in line order.
    """

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        self.errors: tuple[CaptionError, ...] = (self,)
        super().__init__(self.describe())

    def describe(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        return f"{where}: {self.message}"

    def __str__(self) -> str:
        if len(self.errors) <= 1:
            return self.describe()
        lines = [f"{len(self.errors)} problems in caption file {self.path}:"]
        lines.extend(f"  {e.describe()}" for e in self.errors)
        return "\n".join(lines)

    @classmethod
    def collect(cls, errors: Sequence[CaptionError]) -> CaptionError:
        """The first error, carrying all of them."""
        ordered = sorted(errors, key=lambda e: (e.line is None, e.line or 0))
        head = ordered[0]
        head.errors = tuple(ordered)
        head.args = (str(head),)
        return head


@dataclass(frozen=True, slots=True)
class Cue:
    """One caption: shown while ``start_s <= t < end_s``.

    ``index`` is the cue's position in its track's time-sorted ``cues``;
    ``line`` is the 1-based line of its timing line in the file (0 if unknown);
    ``identifier`` is the WebVTT cue identifier (the line before the timings) or
    the SubRip cue number, "" when the file gives none.
    """

    start_s: float
    end_s: float
    text: str
    index: int
    speaker: str = ""
    line: int = 0
    identifier: str = ""

    @property
    def display_text(self) -> str:
        """The text as shown on screen, led by the speaker's name when known."""
        return f"{self.speaker}: {self.text}" if self.speaker else self.text

    @property
    def start_ms(self) -> int:
        return round(self.start_s * 1000)

    @property
    def end_ms(self) -> int:
        return round(self.end_s * 1000)


@dataclass(frozen=True, slots=True)
class CaptionTrack:
    """The cues of one caption file, sorted by start time (file order on ties)."""

    path: Path
    cues: tuple[Cue, ...]
    format: CaptionFormat
    # Lookup tables for `active_cue`: start times, and the latest end among
    # cues[0..i], so a search can stop walking back once no earlier cue reaches t.
    _starts: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _max_end: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = tuple(c.start_s for c in self.cues)
        if any(b < a for a, b in itertools.pairwise(starts)):
            raise ValueError("CaptionTrack cues must be sorted by start time")
        max_end: list[float] = []
        latest = float("-inf")
        for c in self.cues:
            latest = max(latest, c.end_s)
            max_end.append(latest)
        object.__setattr__(self, "_starts", starts)
        object.__setattr__(self, "_max_end", tuple(max_end))

    def __len__(self) -> int:
        return len(self.cues)

    def plain_text(self) -> str:
        """All cue texts, one paragraph per cue: the script when no transcript exists."""
        return "\n\n".join(c.display_text for c in self.cues)


# --------------------------------------------------------------------------- lookup


def active_cues(track: CaptionTrack, t: float) -> tuple[Cue, ...]:
    """Every cue showing at media time t (start <= t < end), in start order."""
    starts, max_end, cues = track._starts, track._max_end, track.cues
    i = bisect.bisect_right(starts, t) - 1
    found: list[Cue] = []
    while i >= 0 and max_end[i] > t:
        if cues[i].end_s > t:
            found.append(cues[i])
        i -= 1
    found.reverse()
    return tuple(found)


def active_cue(track: CaptionTrack, t: float) -> Cue | None:
    """The cue showing at media time t (the latest-starting one if cues overlap)."""
    starts, max_end, cues = track._starts, track._max_end, track.cues
    i = bisect.bisect_right(starts, t) - 1
    while i >= 0 and max_end[i] > t:
        if cues[i].end_s > t:
            return cues[i]
        i -= 1
    return None


def cues_overlapping(track: CaptionTrack) -> list[tuple[Cue, Cue]]:
    """Pairs (earlier, later) of cues shown at the same time, for lint."""
    pairs: list[tuple[Cue, Cue]] = []
    for i, a in enumerate(track.cues):
        for b in track.cues[i + 1 :]:
            if b.start_s >= a.end_s:
                break
            pairs.append((a, b))
    return pairs


def cues_past(track: CaptionTrack, duration_s: float, tolerance_s: float = 0.0) -> list[Cue]:
    """Cues that end after the media does (by more than tolerance_s), for lint."""
    return [c for c in track.cues if c.end_s > duration_s + tolerance_s]


# --------------------------------------------------------------------------- reading


def load_captions(path: Path, fmt: CaptionFormat | None = None) -> CaptionTrack:
    """Read a .vtt or .srt file; raise `CaptionError` (with ``.errors``) on any problem."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CaptionError(path, None, f"cannot read caption file: {exc.strerror or exc}") from None
    return parse_captions(data, path, fmt)


def check_captions(path: Path, fmt: CaptionFormat | None = None) -> list[CaptionError]:
    """Every problem of a caption file, or an empty list when it reads cleanly."""
    try:
        load_captions(path, fmt)
    except CaptionError as exc:
        return list(exc.errors)
    return []


def parse_captions(data: bytes, path: Path, fmt: CaptionFormat | None = None) -> CaptionTrack:
    """Parse caption bytes; ``path`` names the file in errors and picks the format."""
    path = Path(path)
    if fmt is None:
        fmt = CaptionFormat.from_path(path)
        if fmt is None:
            raise CaptionError(
                path,
                None,
                f"unsupported caption file type {path.suffix or '(no extension)'!r}: "
                "use WebVTT (.vtt) or SubRip (.srt)",
            )
    text = _decode_utf8(data, path)
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()  # a final line break does not start another line
    errors = _control_character_errors(lines, path)
    if fmt is CaptionFormat.WEBVTT:
        track = _parse_webvtt(lines, path, errors)
    else:
        track = _parse_srt(lines, path, errors)
    log.debug("read %d cues from %s", len(track.cues), path)
    return track


def _decode_utf8(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CaptionError(
            path,
            1,
            "the file is UTF-16 (it starts with a UTF-16 byte order mark); re-save it as UTF-8",
        )
    body_offset = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[body_offset:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = body_offset + exc.start
        line = data.count(b"\n", 0, offset) + 1
        bad = data[offset : offset + 1].hex().upper()
        raise CaptionError(
            path,
            line,
            f"the file is not valid UTF-8: byte 0x{bad} at byte offset {offset} cannot be "
            "decoded (the file was probably saved in a legacy encoding such as Windows-1252); "
            "re-save it as UTF-8",
        ) from None


def _is_forbidden_char(ch: str) -> bool:
    if ch in "\t\f":
        return False
    code = ord(ch)
    return code < 0x20 or 0x7F <= code <= 0x9F


def _control_character_errors(lines: Sequence[str], path: Path) -> list[CaptionError]:
    errors = []
    for number, line in enumerate(lines, 1):
        bad = [(col, ch) for col, ch in enumerate(line, 1) if _is_forbidden_char(ch)]
        if bad:
            col, ch = bad[0]
            more = f" (and {len(bad) - 1} more on this line)" if len(bad) > 1 else ""
            errors.append(
                CaptionError(
                    path,
                    number,
                    f"control character U+{ord(ch):04X}{' (NUL)' if ch == chr(0) else ''} "
                    f"at column {col}{more}; caption text may not contain control characters",
                )
            )
    return errors


# --------------------------------------------------------------------------- WebVTT


class _TimestampError(ValueError):
    pass


def _collect_digits(s: str, pos: int) -> tuple[str, int]:
    end = pos
    while end < len(s) and "0" <= s[end] <= "9":
        end += 1
    return s[pos:end], end


def _collect_timestamp(s: str, pos: int) -> tuple[int, int]:
    """The WebVTT "collect a timestamp" algorithm; returns (milliseconds, new position)."""
    if pos >= len(s) or not ("0" <= s[pos] <= "9"):
        raise _TimestampError("expected a timestamp")
    digits, pos = _collect_digits(s, pos)
    value1 = int(digits)
    hours_first = len(digits) != 2 or value1 > 59
    if pos >= len(s) or s[pos] != ":":
        raise _TimestampError("expected ':' after the first field")
    pos += 1
    digits, pos = _collect_digits(s, pos)
    if len(digits) != 2:
        raise _TimestampError("minutes and seconds need exactly two digits")
    value2 = int(digits)
    if hours_first or (pos < len(s) and s[pos] == ":"):
        if pos >= len(s) or s[pos] != ":":
            raise _TimestampError(
                "the first field is not two digits below 60, so it is read as hours and "
                "must be followed by :mm:ss.ttt"
            )
        pos += 1
        digits, pos = _collect_digits(s, pos)
        if len(digits) != 2:
            raise _TimestampError("minutes and seconds need exactly two digits")
        value3 = int(digits)
    else:
        value1, value2, value3 = 0, value1, value2
    if pos >= len(s) or s[pos] != ".":
        if pos < len(s) and s[pos] == ",":
            raise _TimestampError("WebVTT needs a period before the milliseconds, not a comma")
        raise _TimestampError("expected '.' and three digits of milliseconds")
    pos += 1
    digits, pos = _collect_digits(s, pos)
    if len(digits) != 3:
        raise _TimestampError("the fraction needs exactly three digits (milliseconds)")
    if value2 > 59 or value3 > 59:
        raise _TimestampError("minutes and seconds must be below 60")
    return ((value1 * 60 + value2) * 60 + value3) * 1000 + int(digits), pos


def _skip_ws(s: str, pos: int) -> int:
    while pos < len(s) and s[pos] in _VTT_SPACE:
        pos += 1
    return pos


def _timestamp_token(s: str, pos: int) -> str:
    end = pos
    while end < len(s) and s[end] not in _VTT_SPACE:
        end += 1
    return s[pos:end] or "(nothing)"


def _parse_timings(line: str) -> tuple[int, int]:
    """The spec's "collect WebVTT cue timings and settings": start and end ms, or why not.

    Whitespace is space, tab or form feed, and is optional around the arrow; the
    settings are whatever follows the end time (players ignore those they do not know).
    """
    pos = _skip_ws(line, 0)
    try:
        start, pos = _collect_timestamp(line, pos)
    except _TimestampError as exc:
        raise _TimestampError(
            f"invalid start time {_timestamp_token(line, pos)!r}: {exc}"
        ) from None
    pos = _skip_ws(line, pos)
    if line[pos : pos + 3] != _ARROW:
        raise _TimestampError("expected '-->' between the start and end times")
    pos = _skip_ws(line, pos + 3)
    end_pos = pos
    try:
        end, pos = _collect_timestamp(line, pos)
    except _TimestampError as exc:
        raise _TimestampError(
            f"invalid end time {_timestamp_token(line, end_pos)!r}: {exc}"
        ) from None
    return start, end


@dataclass(slots=True)
class _Block:
    """One block as the spec's "collect a WebVTT block" step returns it (lines 0-based here)."""

    first_line: int  # 1-based number of its first line
    lines: list[str]
    timing_at: int | None = None  # index into lines of the cue timings line
    after_arrow: bool = False  # it starts at a '-->' line that ended the block before it


def _webvtt_header_end(lines: Sequence[str]) -> int:
    """Index of the first line after the header (the spec's header block).

    The header runs from the line after the signature to the first empty line, or
    up to (not including) the first line holding '-->', which starts a cue.
    """
    i = 1
    while i < len(lines) and lines[i] != "" and _ARROW not in lines[i]:
        i += 1
    return i


def _webvtt_blocks(lines: Sequence[str], start: int) -> Iterator[_Block]:
    """Split the body into blocks as the spec's block loop does.

    A block ends at an empty line, or just before a line holding '-->' that is
    neither its first line nor its second after an identifier: such a line starts
    the next block (so '-->' in cue text ends the cue).
    """
    i = start
    n = len(lines)
    after_arrow = False
    while i < n:
        if lines[i] == "":
            after_arrow = False
            i += 1
            continue
        block = _Block(first_line=i + 1, lines=[], after_arrow=after_arrow)
        after_arrow = False
        while i < n and lines[i] != "":
            line = lines[i]
            if _ARROW in line:
                count = len(block.lines)
                if count == 0 or (count == 1 and block.timing_at is None):
                    block.timing_at = count
                else:
                    after_arrow = True
                    break
            block.lines.append(line)
            i += 1
        yield block


def _is_keyword_block(first: str, keyword: str) -> bool:
    """NOTE comments: the word followed by space, tab or nothing."""
    return first == keyword or (first.startswith(keyword) and first[len(keyword)] in " \t")


def _is_header_keyword(first: str, keyword: str) -> bool:
    """STYLE and REGION blocks: the spec wants the word alone on its line (spaces allowed)."""
    return first.startswith(keyword) and not first[len(keyword) :].strip(_VTT_SPACE)


_CueRow = tuple[int, int, str, str, int, str]  # start ms, end ms, text, speaker, line, id


def _parse_webvtt(lines: Sequence[str], path: Path, errors: list[CaptionError]) -> CaptionTrack:
    cues: list[_CueRow] = []
    seen_cue = False
    for block in _webvtt_blocks(lines, _webvtt_body_start(lines, path, errors)):
        if block.timing_at is None:
            _check_webvtt_other_block(block, seen_cue, path, errors)
            continue
        seen_cue = True
        cue = _webvtt_cue(block, path, errors)
        if cue is not None:
            cues.append(cue)
    if errors:
        raise CaptionError.collect(errors)
    return _build_track(path, CaptionFormat.WEBVTT, cues)


def _webvtt_body_start(lines: Sequence[str], path: Path, errors: list[CaptionError]) -> int:
    """Where the blocks start: after the header, once the 'WEBVTT' signature is checked."""
    first = lines[0] if lines else ""
    if first == "WEBVTT" or (first.startswith("WEBVTT") and first[6] in " \t"):
        return _webvtt_header_end(lines)
    shown = first[:40] if first else "(empty)"
    errors.append(
        CaptionError(
            path,
            1,
            f"the first line must be 'WEBVTT' (alone or followed by a space and a title), "
            f"found {shown!r}; players refuse the whole file",
        )
    )
    # Without a signature there is no header: read on for the cues' own problems,
    # taking the first line as a cue identifier if timings follow it (SubRip).
    return 0 if len(lines) > 1 and _ARROW in lines[1] else 1


def _check_webvtt_other_block(
    block: _Block, seen_cue: bool, path: Path, errors: list[CaptionError]
) -> None:
    """A block without timings: a NOTE, a STYLE or REGION header block, or stray text."""
    head = block.lines[0]
    if _is_keyword_block(head, "NOTE"):
        return
    if _is_header_keyword(head, "STYLE") or _is_header_keyword(head, "REGION"):
        if seen_cue:
            errors.append(
                CaptionError(
                    path,
                    block.first_line,
                    f"{head.split()[0]} blocks must come before the first cue; "
                    "players ignore this one",
                )
            )
        return
    errors.append(
        CaptionError(
            path,
            block.first_line,
            "text outside any cue (no 'start --> end' timings line before it); a "
            "blank line ends a cue, so this text would never be shown",
        )
    )


def _webvtt_cue(block: _Block, path: Path, errors: list[CaptionError]) -> _CueRow | None:
    """The cue a block with timings holds, or None (and why) when players would skip it."""
    assert block.timing_at is not None
    line_no = block.first_line + block.timing_at
    try:
        start_ms, end_ms = _parse_timings(block.lines[block.timing_at])
    except _TimestampError as exc:
        if block.after_arrow:
            message = (
                "this line holds '-->', so it ends the cue above it and players read it "
                f"as the timings of a new cue, which are invalid ({exc}); the text from "
                "here to the next blank line would not be shown"
            )
        else:
            message = f"{exc}; players skip this cue"
        errors.append(CaptionError(path, line_no, message))
        return None
    if not _ends_after_start(start_ms, end_ms, path, line_no, errors):
        return None
    identifier = block.lines[0] if block.timing_at == 1 else ""
    text, speaker = _webvtt_display_text("\n".join(block.lines[block.timing_at + 1 :]))
    return (start_ms, end_ms, text, speaker, line_no, identifier)


_TAG = re.compile(r"<([^>]*)>")


def _webvtt_display_text(raw: str) -> tuple[str, str]:
    """Cue text without tags and with character references decoded, and the first voice."""
    first_voice = ""
    current_voice = ""
    out_lines = []
    for line in raw.split("\n"):
        parts: list[str] = []
        pos = 0
        for m in _TAG.finditer(line):
            parts.append(line[pos : m.start()])
            pos = m.end()
            name = _voice_name(m.group(1))
            if name:
                if not first_voice:
                    first_voice = name
                elif name != current_voice:
                    parts.append(f"{name}: ")
                current_voice = name
        parts.append(line[pos:])
        text = html.unescape("".join(parts)).replace("\u00a0", " ")
        out_lines.append(text.strip())
    return "\n".join(line for line in out_lines if line), first_voice


def _voice_name(tag: str) -> str:
    """The name in a voice tag ("v Name" or "v.class Name"), or "" for any other tag."""
    if not tag.startswith("v") or (len(tag) > 1 and tag[1] not in ". \t"):
        return ""
    # Classes ("v.loud") run to the first whitespace; the annotation is the name.
    parts = tag[1:].split(None, 1)
    if tag[1:2] == ".":
        return html.unescape(parts[1].strip()) if len(parts) > 1 else ""
    return html.unescape(tag[1:].strip())


# --------------------------------------------------------------------------- SubRip

_SRT_TIME = r"(\d{2,}):(\d{2}):(\d{2})([,.])(\d{3})"
_SRT_TIMINGS = re.compile(rf"\s*{_SRT_TIME}\s*-->\s*{_SRT_TIME}(?:\s+.*)?\s*$")
_SRT_INDEX = re.compile(r"\s*\d+\s*$")


def _srt_ms(groups: Sequence[str]) -> int:
    h, m, s, _, ms = groups
    return ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(ms)


def _ends_after_start(
    start_ms: int, end_ms: int, path: Path, line_no: int, errors: list[CaptionError]
) -> bool:
    """True when the cue ends after it starts; otherwise records why and returns False."""
    if end_ms > start_ms:
        return True
    errors.append(
        CaptionError(
            path,
            line_no,
            f"the cue ends at {_fmt_ms(end_ms)}, not after its start {_fmt_ms(start_ms)}, "
            "so players would never show it",
        )
    )
    return False


def _parse_srt(lines: Sequence[str], path: Path, errors: list[CaptionError]) -> CaptionTrack:
    cues: list[_CueRow] = []
    timing_rows = [i for i, line in enumerate(lines) if _ARROW in line]
    if not timing_rows:
        errors.append(
            CaptionError(path, None, "no cues found (no 'hh:mm:ss,mmm --> hh:mm:ss,mmm' lines)")
        )
    else:
        _check_srt_preamble(lines, timing_rows[0], path, errors)
    for k, row in enumerate(timing_rows):
        times = _srt_timings(lines[row], row + 1, path, errors)
        if times is None:
            continue
        next_row = timing_rows[k + 1] if k + 1 < len(timing_rows) else None
        body = _srt_body(lines, row, next_row)
        _check_srt_body(body, row, path, errors)
        number = lines[row - 1].strip() if row > 0 and _SRT_INDEX.match(lines[row - 1]) else ""
        cues.append((*times, _srt_text(body), "", row + 1, number))
    if errors:
        raise CaptionError.collect(errors)
    return _build_track(path, CaptionFormat.SRT, cues)


def _check_srt_preamble(
    lines: Sequence[str], first: int, path: Path, errors: list[CaptionError]
) -> None:
    """Before the first cue only its number may stand."""
    for i in range(first):
        if lines[i].strip() and not (i == first - 1 and _SRT_INDEX.match(lines[i])):
            errors.append(CaptionError(path, i + 1, "text before the first cue"))
            break


def _srt_timings(
    line: str, line_no: int, path: Path, errors: list[CaptionError]
) -> tuple[int, int] | None:
    """A timings line's start and end in ms, or None (and why) when players would skip it."""
    m = _SRT_TIMINGS.match(line)
    if not m:
        errors.append(
            CaptionError(
                path,
                line_no,
                f"invalid timings line {line.strip()!r}: expected "
                "'hh:mm:ss,mmm --> hh:mm:ss,mmm' (two digits each, three for milliseconds)",
            )
        )
        return None
    g = m.groups()
    if int(g[1]) > 59 or int(g[2]) > 59 or int(g[6]) > 59 or int(g[7]) > 59:
        errors.append(
            CaptionError(
                path, line_no, "minutes and seconds must be below 60; players skip this cue"
            )
        )
        return None
    start_ms, end_ms = _srt_ms(g[0:5]), _srt_ms(g[5:10])
    if not _ends_after_start(start_ms, end_ms, path, line_no, errors):
        return None
    return start_ms, end_ms


def _srt_body(lines: Sequence[str], row: int, next_row: int | None) -> list[str]:
    """The cue's text lines: up to the next cue's number (or the end), blank tail trimmed."""
    stop = next_row if next_row is not None else len(lines)
    body = list(lines[row + 1 : stop])
    while body and not body[-1].strip():
        body.pop()
    if next_row is not None and body and _SRT_INDEX.match(body[-1]):
        body.pop()
        while body and not body[-1].strip():
            body.pop()
    return body


def _check_srt_body(body: Sequence[str], row: int, path: Path, errors: list[CaptionError]) -> None:
    """A blank line inside a cue ends it in most players, so text after one would be lost."""
    seen_blank = False
    for j, text_line in enumerate(body):
        if not text_line.strip():
            seen_blank = True
        elif seen_blank:
            errors.append(
                CaptionError(
                    path,
                    row + 2 + j,
                    "text after a blank line inside a cue; a blank line ends a cue, "
                    "so most players would not show this text",
                )
            )
            break


_SRT_OVERRIDE = re.compile(r"\{\\[^}]*\}")  # {\an8}-style positioning from ASS converters


def _srt_text(body: Sequence[str]) -> str:
    text = _SRT_OVERRIDE.sub("", _TAG.sub("", "\n".join(body)))
    return "\n".join(part.strip() for part in text.split("\n") if part.strip())


# --------------------------------------------------------------------------- shared


def _fmt_ms(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, frac = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{frac:03d}"


def _build_track(path: Path, fmt: CaptionFormat, cues: Sequence[_CueRow]) -> CaptionTrack:
    # A stable sort keeps file order for cues that start together.
    ordered = sorted(cues, key=lambda c: c[0])
    built = tuple(
        Cue(
            start_s=start / 1000,
            end_s=end / 1000,
            text=text,
            index=i,
            speaker=speaker,
            line=line,
            identifier=identifier,
        )
        for i, (start, end, text, speaker, line, identifier) in enumerate(ordered)
    )
    return CaptionTrack(path=path, cues=built, format=fmt)


# --------------------------------------------------------------------------- transcript

_WORD = re.compile(r"\w+", re.UNICODE)


def transcript_spans(transcript: str, track: CaptionTrack) -> tuple[tuple[int, int] | None, ...]:
    """Where each cue's words appear in a written transcript, as (start, end) offsets.

    Cues are matched in order, each after the previous match, comparing words
    case-insensitively and ignoring punctuation and line breaks; a cue whose
    words are not found gets None (its place is then not highlighted).
    """
    words = [(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(transcript)]
    tokens = [w for w, _, _ in words]
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for cue in track.cues:
        cue_words = [m.group().casefold() for m in _WORD.finditer(cue.text)]
        if not cue_words:
            spans.append(None)
            continue
        found = _find_run(tokens, cue_words, cursor)
        if found is None:
            found = _find_run(tokens, cue_words, 0)  # cues may be out of script order
        if found is None:
            spans.append(None)
            continue
        spans.append((words[found][1], words[found + len(cue_words) - 1][2]))
        cursor = found + len(cue_words)
    return tuple(spans)


def _find_run(tokens: Sequence[str], run: Sequence[str], start: int) -> int | None:
    n = len(run)
    first = run[0]
    for i in range(start, len(tokens) - n + 1):
        if tokens[i] == first and list(tokens[i : i + n]) == list(run):
            return i
    return None
