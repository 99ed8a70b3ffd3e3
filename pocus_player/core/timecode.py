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
    ms = round(seconds * 1000)
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    if h:
        return f"{h:d}:{m:02d}:{s:02d}.{ms:03d}"
    return f"{m:02d}:{s:02d}.{ms:03d}"
