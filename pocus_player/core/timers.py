"""Countdown timers on an injected monotonic clock that can be frozen and resumed.

A timer counts only while running; the exam session freezes it during a
proctor pause or a media stall and decides what expiry means.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class CountdownTimer:
    """`limit` seconds of running time (None: unlimited); `used` counts up while running."""

    limit: float | None
    used: float = 0.0
    since: float | None = None  # clock time it last started running; None while frozen

    def run(self, now: float) -> None:
        if self.since is None:
            self.since = now

    def freeze(self, now: float) -> None:
        if self.since is not None:
            self.used += max(0.0, now - self.since)
            self.since = None

    def set_running(self, running: bool, now: float) -> None:
        if running:
            self.run(now)
        else:
            self.freeze(now)

    def elapsed(self, now: float) -> float:
        if self.since is None:
            return self.used
        return self.used + max(0.0, now - self.since)

    def remaining(self, now: float) -> float | None:
        if self.limit is None:
            return None
        return max(0.0, self.limit - self.elapsed(now))

    def expired(self, now: float) -> bool:
        return self.limit is not None and self.elapsed(now) >= self.limit

    def extend(self, seconds: float) -> None:
        if self.limit is not None:
            self.limit += seconds

    def copy(self) -> CountdownTimer:
        return CountdownTimer(self.limit, self.used, self.since)
