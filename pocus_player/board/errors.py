"""The board tools' one user-facing error: a clear message for the user, exit code 1."""

from __future__ import annotations


class BadInput(Exception):
    """One clear message for the user; exit code 1."""
