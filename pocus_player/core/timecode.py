"""Media times as case scripts write them: `mm:ss.mmm` or `hh:mm:ss.mmm`."""

from __future__ import annotations

import re

TIME_PATTERN = r"^(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)(?:\.(\d{1,3}))?$"
_TIME_RE = re.compile(TIME_PATTERN)


def parse_time(text: str) -> float:
    """Seconds from `mm:ss.mmm` / `hh:mm:ss.mmm`; ValueError with the reason otherwise."""
    m = _TIME_RE.match(text.strip())
    if not m:
        raise ValueError(f"{text!r} is not a time of the form mm:ss.mmm or hh:mm:ss.mmm")
    hours, minutes, seconds, frac = m.groups()
    # Integer milliseconds first, so "00:12.345" is exactly 12.345 and not 12.344999.
    ms = (int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)) * 1000
    ms += int((frac or "0").ljust(3, "0"))
    return ms / 1000.0


def format_time(seconds: float) -> str:
    """`mm:ss.mmm` (or `h:mm:ss.mmm`), as case scripts write times."""
    ms = round(seconds * 1000)
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    if h:
        return f"{h:d}:{m:02d}:{s:02d}.{ms:03d}"
    return f"{m:02d}:{s:02d}.{ms:03d}"


def format_countdown(seconds: float | None) -> str:
    """A time left as a clock shows it (`m:ss`, `h:mm:ss`), whole seconds rounded up; `--:--` if none."""
    if seconds is None:
        return "--:--"
    s = max(0, int(seconds + 0.999))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"
