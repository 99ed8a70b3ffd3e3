"""Fixtures for the media tests (shared with the media widget tests)."""

from tests.media.media_fixtures import media_engine, media_files, vlc_instance

__all__ = ["media_engine", "media_files", "vlc_instance"]
