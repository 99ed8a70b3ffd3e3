"""Times as case scripts write them, and time left as the candidate's clock shows it."""

from __future__ import annotations

import pytest

from pocus_player.core.timecode import format_countdown, format_time, parse_time


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(9.0, "00:09.000"), (75.25, "01:15.250"), (3725.5, "1:02:05.500"), (0.0126, "00:00.013")],
)
def test_format_time_writes_what_parse_time_reads(seconds: float, text: str) -> None:
    assert format_time(seconds) == text
    assert parse_time(text) == pytest.approx(seconds, abs=0.0005)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(None, "--:--"), (0, "0:00"), (59.2, "1:00"), (61, "1:01"), (3600, "1:00:00"), (-5, "0:00")],
)
def test_countdown_rounds_whole_seconds_up(seconds: float | None, text: str) -> None:
    assert format_countdown(seconds) == text
