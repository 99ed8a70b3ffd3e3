"""Shared test configuration: markers by fixture, paths to demo content and the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "cases"
ASSETS = REPO / "assets"
# The shared corpus of real ultrasound clips lies beside the checkout (never copied in).
CORPUS = Path(os.environ.get("POCUS_CORPUS", REPO.parent / "shared" / "corpus" / "ultrasound"))

GUI_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}
MEDIA_FIXTURES = {"vlc_instance", "media_engine"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark tests by the fixtures they use, so `-m "not gui and not media"` is the fast core run."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & GUI_FIXTURES:
            item.add_marker(pytest.mark.gui)
        if names & MEDIA_FIXTURES:
            item.add_marker(pytest.mark.media)


@pytest.fixture(scope="session", autouse=True)
def _private_state_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Resume files live in the per-user state folder: give the test run its own (on Linux,
    where platformdirs follows XDG; child processes inherit it)."""
    os.environ["XDG_STATE_HOME"] = str(tmp_path_factory.mktemp("xdg-state"))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def cases_dir() -> Path:
    return CASES


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not (CORPUS / "MANIFEST.tsv").is_file():
        pytest.fail(f"shared ultrasound corpus not found at {CORPUS} (set POCUS_CORPUS)")
    return CORPUS
