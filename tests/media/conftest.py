"""Fixtures for the media tests (shared with the media widget tests)."""

from tests.media.media_fixtures import fidelity_corpus, media_engine, media_files, vlc_instance

__all__ = ["fidelity_corpus", "media_engine", "media_files", "vlc_instance"]
